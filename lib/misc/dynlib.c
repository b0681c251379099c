/* Libraries loaded on first use: see dynlib.h. */
#include "misc/dynlib.h"

#include <dlfcn.h>
#include <string.h>

#include "misc/log.h"

int dynlib_fail(void *handle, const char *soname)
{
	const char *why = dlerror();
	size_t n = strlen(soname);

	if (!why)
		why = "unknown error";
	/* dlerror() usually starts with the soname, which we print already. */
	else if (!strncmp(why, soname, n) && !strncmp(why + n, ": ", 2))
		why += n + 2;
	log_error("Cannot load %s: %s", soname, why);
	if (handle)
		dlclose(handle);
	return -1;
}
