noinst_LIBRARIES += lib/config/libconfig.a
lib_config_libconfig_a_SOURCES = \
	lib/config/config.h
