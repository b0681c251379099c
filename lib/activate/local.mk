# lib/activate: device-mapper names and tables, libdevmapper calls, loop devices.
# libdevmapper is dlopen'ed (dm_lib.c): its headers are needed, not its -l.
noinst_LIBRARIES += lib/activate/libactivate.a
lib_activate_libactivate_a_SOURCES = \
	lib/activate/activate.h \
	lib/activate/dm_names.c \
	lib/activate/dm_table.c \
	lib/activate/dm_nodes.c \
	lib/activate/dm_lib.c \
	lib/activate/dm_lib.h \
	lib/activate/dm_ops.c \
	lib/activate/dm_list.c \
	lib/activate/dm_raw.c \
	lib/activate/dm_raw.h \
	lib/activate/loopdev.c
lib_activate_libactivate_a_CFLAGS = $(AM_CFLAGS) $(DEVMAPPER_CFLAGS)
