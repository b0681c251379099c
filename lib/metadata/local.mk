noinst_LIBRARIES += lib/metadata/libmetadata.a
lib_metadata_libmetadata_a_SOURCES = \
	lib/metadata/metadata.h \
	lib/metadata/vg.c \
	lib/metadata/names.c \
	lib/metadata/validate.c
