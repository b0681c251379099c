/* readline through dlopen: see readline_lib.h. */
#include "cmd/readline_lib.h"

#include <dlfcn.h>

#include "misc/dynlib.h"

int readline_lib_open(const char *soname, struct readline_lib *lib)
{
	void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	void *sym;

	if (!h)
		return dynlib_fail(NULL, soname);
	/* Variables resolve to their address; functions per POSIX dlsym. */
#define READLINE_LIB_RESOLVE(s) \
	if (!(sym = dlsym(h, #s))) \
		goto missing; \
	lib->s = (__typeof__(lib->s))sym;
	READLINE_LIB_SYMBOLS(READLINE_LIB_RESOLVE)
#undef READLINE_LIB_RESOLVE
	return 0;
missing:
	return dynlib_fail(h, soname);
}

/* One per process, as the dynamic linker's copy of the library is. */
static struct readline_lib process_lib;
static int process_lib_loaded;

const struct readline_lib *readline_lib(void)
{
	if (!process_lib_loaded && !readline_lib_open(READLINE_SONAME, &process_lib))
		process_lib_loaded = 1;
	return process_lib_loaded ? &process_lib : NULL;
}
