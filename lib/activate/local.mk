# lib/activate: device-mapper names and tables, libdevmapper calls, loop devices.
noinst_LIBRARIES += lib/activate/libactivate.a
lib_activate_libactivate_a_SOURCES = \
	lib/activate/activate.h \
	lib/activate/dm_names.c \
	lib/activate/dm_table.c \
	lib/activate/dm_nodes.c \
	lib/activate/dm_ops.c \
	lib/activate/loopdev.c
lib_activate_libactivate_a_CFLAGS = $(AM_CFLAGS) $(DEVMAPPER_CFLAGS)
