sbin_PROGRAMS += lvm
lvm_SOURCES = cmd/lvm.c
lvm_CFLAGS = $(AM_CFLAGS) $(DEVMAPPER_CFLAGS) $(BLKID_CFLAGS) $(READLINE_CFLAGS)
lvm_LDADD = lib/report/libreport.a lib/metadata/libmetadata.a lib/format/libformat.a \
	lib/metadata/libmetadata.a lib/config/libconfig.a lib/device/libdevice.a \
	lib/misc/libmisc.a $(DEVMAPPER_LIBS) $(BLKID_LIBS) $(READLINE_LIBS)
