noinst_LIBRARIES += lib/format/libformat.a
lib_format_libformat_a_SOURCES = \
	lib/format/ondisk.h lib/format/label.h lib/format/mda.h lib/format/text.h
