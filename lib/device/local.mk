noinst_LIBRARIES += lib/device/libdevice.a
lib_device_libdevice_a_CFLAGS = $(AM_CFLAGS) $(BLKID_CFLAGS)
lib_device_libdevice_a_SOURCES = \
	lib/device/device.h \
	lib/device/dev_io.c \
	lib/device/dev_cache.c \
	lib/device/filter.c \
	lib/device/signatures.c
