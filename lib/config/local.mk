noinst_LIBRARIES += lib/config/libconfig.a
lib_config_libconfig_a_SOURCES = \
	lib/config/config.h \
	lib/config/config_parse.c \
	lib/config/config_tree.c \
	lib/config/config_write.c \
	lib/config/settings.h \
	lib/config/settings.c
