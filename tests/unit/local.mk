# cmocka unit tests: one program per library area.
if UNIT_TESTS
unit_ldadd = lib/activate/libactivate.a lib/report/libreport.a lib/format/libformat.a lib/metadata/libmetadata.a \
	lib/format/libformat.a lib/config/libconfig.a lib/device/libdevice.a \
	lib/misc/libmisc.a $(CMOCKA_LIBS) $(BLKID_LIBS)
unit_cflags = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(DEVMAPPER_CFLAGS) -DFIXTURES_DIR='"$(abs_top_srcdir)/tests/fixtures"'

check_PROGRAMS += tests/unit/test_misc
tests_unit_test_misc_SOURCES = tests/unit/test_misc.c
tests_unit_test_misc_CFLAGS = $(unit_cflags)
tests_unit_test_misc_LDADD = $(unit_ldadd)

check_PROGRAMS += tests/unit/test_config
tests_unit_test_config_SOURCES = tests/unit/test_config.c
tests_unit_test_config_CFLAGS = $(unit_cflags)
tests_unit_test_config_LDADD = $(unit_ldadd)

check_PROGRAMS += tests/unit/test_ondisk
tests_unit_test_ondisk_SOURCES = tests/unit/test_ondisk.c
tests_unit_test_ondisk_CFLAGS = $(unit_cflags)
tests_unit_test_ondisk_LDADD = $(unit_ldadd)

check_PROGRAMS += tests/unit/test_text
tests_unit_test_text_SOURCES = tests/unit/test_text.c
tests_unit_test_text_CFLAGS = $(unit_cflags)
tests_unit_test_text_LDADD = $(unit_ldadd)

check_PROGRAMS += tests/unit/test_device
tests_unit_test_device_SOURCES = tests/unit/test_device.c
tests_unit_test_device_CFLAGS = $(unit_cflags)
tests_unit_test_device_LDADD = $(unit_ldadd)

check_PROGRAMS += tests/unit/test_report
tests_unit_test_report_SOURCES = tests/unit/test_report.c
tests_unit_test_report_CFLAGS = $(unit_cflags)
tests_unit_test_report_LDADD = $(unit_ldadd)

check_PROGRAMS += tests/unit/test_alloc
tests_unit_test_alloc_SOURCES = tests/unit/test_alloc.c
tests_unit_test_alloc_CFLAGS = $(unit_cflags)
tests_unit_test_alloc_LDADD = $(unit_ldadd)

check_PROGRAMS += tests/unit/test_activate
tests_unit_test_activate_SOURCES = tests/unit/test_activate.c
tests_unit_test_activate_CFLAGS = $(unit_cflags)
tests_unit_test_activate_LDADD = $(unit_ldadd)
check_PROGRAMS += tests/unit/test_select
tests_unit_test_select_SOURCES = tests/unit/test_select.c
tests_unit_test_select_CFLAGS = $(unit_cflags)
tests_unit_test_select_LDADD = $(unit_ldadd)

check_PROGRAMS += tests/unit/test_settings
tests_unit_test_settings_SOURCES = tests/unit/test_settings.c
tests_unit_test_settings_CFLAGS = $(unit_cflags)
tests_unit_test_settings_LDADD = $(unit_ldadd)
check_PROGRAMS += tests/unit/test_crash
tests_unit_test_crash_SOURCES = tests/unit/test_crash.c
tests_unit_test_crash_CFLAGS = $(unit_cflags)
tests_unit_test_crash_LDADD = $(unit_ldadd)
check_PROGRAMS += tests/unit/test_speed
tests_unit_test_speed_SOURCES = tests/unit/test_speed.c
tests_unit_test_speed_CFLAGS = $(unit_cflags)
tests_unit_test_speed_LDADD = $(unit_ldadd)
check_PROGRAMS += tests/unit/test_hostile
tests_unit_test_hostile_SOURCES = tests/unit/test_hostile.c
tests_unit_test_hostile_CFLAGS = $(unit_cflags)
tests_unit_test_hostile_LDADD = $(unit_ldadd)

# cmd/readline_lib.c alone: the shell's dlopen of readline.
check_PROGRAMS += tests/unit/test_readline
tests_unit_test_readline_SOURCES = tests/unit/test_readline.c cmd/readline_lib.c
tests_unit_test_readline_CFLAGS = $(unit_cflags) $(READLINE_CFLAGS)
tests_unit_test_readline_LDADD = $(unit_ldadd)
endif
EXTRA_DIST += tests/unit/testutil.h
