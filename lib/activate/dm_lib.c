/* libdevmapper through dlopen: see dm_lib.h. */
#include <dlfcn.h>
#include <stdlib.h>

#include "activate/activate.h"
#include "activate/dm_lib.h"
#include "misc/dynlib.h"

int kdm_lib_open(const char *soname, struct kdm_lib *lib)
{
	void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	void *sym;

	if (!h)
		return dynlib_fail(NULL, soname);
	/* POSIX guarantees a function's dlsym address converts back to it. */
#define KDM_LIB_RESOLVE(f) \
	if (!(sym = dlsym(h, "dm_" #f))) \
		goto missing; \
	lib->f = (__typeof__(lib->f))sym;
	KDM_LIB_FUNCS(KDM_LIB_RESOLVE)
#undef KDM_LIB_RESOLVE
	return 0;
missing:
	return dynlib_fail(h, soname);
}

/*
 * The one process-wide copy: the dynamic linker holds the library per
 * process anyway, and this only remembers what it answered.
 */
static struct kdm_lib process_lib;
static int process_lib_loaded;

const struct kdm_lib *kdm_lib(void)
{
	if (!process_lib_loaded) {
		if (kdm_lib_open(DEVMAPPER_SONAME, &process_lib))
			exit(5);	/* EXIT_FAILED, as for any failed command */
		process_lib_loaded = 1;
	}
	return &process_lib;
}

/* Nothing to free when no command loaded the library. */
void kdm_release(void)
{
	if (process_lib_loaded)
		process_lib.lib_release();
}
