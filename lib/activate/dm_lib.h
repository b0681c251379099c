/*
 * libdevmapper, loaded with dlopen on first use (dm_lib.c).
 *
 * Most commands never talk to the kernel (reports on a host without
 * device-mapper, metadata changes with -an), yet linking libdevmapper
 * made every start-up map it and the ten libraries it needs.  dm_ops.c
 * calls it through this table instead; the types come from
 * <libdevmapper.h>, so a call that does not match it does not compile.
 */
#ifndef OPENLVM_DM_LIB_H
#define OPENLVM_DM_LIB_H

#include <libdevmapper.h>

/* Every libdevmapper function openlvm calls, without the "dm_" prefix. */
#define KDM_LIB_FUNCS(X) \
	X(task_create) X(task_destroy) X(task_run) \
	X(task_set_name) X(task_set_uuid) X(task_set_newname) X(task_set_ro) \
	X(task_set_cookie) X(task_no_open_count) X(task_retry_remove) \
	X(task_add_target) X(task_get_info) X(task_get_name) X(task_get_versions) \
	X(udev_set_sync_support) X(udev_wait) \
	X(log_with_errno_init) X(set_dev_dir) X(lib_release)

struct kdm_lib {
#define KDM_LIB_SLOT(f) __typeof__(dm_##f) *f;
	KDM_LIB_FUNCS(KDM_LIB_SLOT)
#undef KDM_LIB_SLOT
};

/*
 * Opens soname and resolves every function into *lib.  -1 after an error
 * naming the library ("Cannot load libdevmapper.so.1.02.1: ...").
 */
int kdm_lib_open(const char *soname, struct kdm_lib *lib);

/*
 * The process's libdevmapper (DEVMAPPER_SONAME), loaded on the first call
 * and kept to the end: its destructor (dm_lib_exit) runs at exit as when
 * it was linked.  Exits with status 5 when it cannot be loaded.
 */
const struct kdm_lib *kdm_lib(void);

#endif
