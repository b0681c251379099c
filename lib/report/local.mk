noinst_LIBRARIES += lib/report/libreport.a
lib_report_libreport_a_SOURCES = \
	lib/report/report.h \
	lib/report/report.c \
	lib/report/fields.c
