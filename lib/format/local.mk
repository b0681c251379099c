noinst_LIBRARIES += lib/format/libformat.a
lib_format_libformat_a_SOURCES = \
	lib/format/ondisk.h lib/format/label.h lib/format/mda.h lib/format/text.h \
	lib/format/crc.c \
	lib/format/label.c \
	lib/format/mda.c \
	lib/format/text_import.c \
	lib/format/text_export.c
