noinst_LIBRARIES += lib/report/libreport.a
lib_report_libreport_a_SOURCES = \
	lib/report/report.h \
	lib/report/report_int.h \
	lib/report/report.c \
	lib/report/fields.c \
	lib/report/lvinfo.c \
	lib/report/output.c \
	lib/report/rowtypes.c \
	lib/report/select.h \
	lib/report/select.c \
	lib/report/select_time.h \
	lib/report/select_time.c
