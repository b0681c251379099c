noinst_LIBRARIES += lib/misc/libmisc.a
lib_misc_libmisc_a_SOURCES = \
	lib/misc/pool.c lib/misc/pool.h \
	lib/misc/strbuf.c lib/misc/strbuf.h \
	lib/misc/hash.c lib/misc/hash.h \
	lib/misc/log.c lib/misc/log.h \
	lib/misc/uuid.c lib/misc/uuid.h \
	lib/misc/units.c lib/misc/units.h \
	lib/misc/list.c lib/misc/list.h \
	lib/misc/fsutil.c lib/misc/fsutil.h \
	lib/misc/dynlib.c lib/misc/dynlib.h
