# cmocka unit tests: one program per library area.
if UNIT_TESTS
unit_ldadd = lib/format/libformat.a lib/metadata/libmetadata.a lib/config/libconfig.a \
	lib/device/libdevice.a lib/misc/libmisc.a $(CMOCKA_LIBS) $(BLKID_LIBS)
unit_cflags = $(AM_CFLAGS) $(CMOCKA_CFLAGS) -DFIXTURES_DIR='"$(abs_top_srcdir)/../shared/fixtures"'
endif
