noinst_LIBRARIES += lib/metadata/libmetadata.a
lib_metadata_libmetadata_a_SOURCES = \
	lib/metadata/metadata.h \
	lib/metadata/vg.c \
	lib/metadata/names.c \
	lib/metadata/validate.c \
	lib/metadata/scan.c lib/metadata/scan.h \
	lib/metadata/vg_io.c \
	lib/metadata/pv_usage.c \
	lib/metadata/pv_layout.c lib/metadata/pv_layout.h \
	lib/metadata/lock.c lib/metadata/lock.h \
	lib/metadata/backup.c lib/metadata/backup.h \
	lib/metadata/alloc.c lib/metadata/alloc.h
