/*
 * Libraries loaded on first use (libdevmapper, readline): what is common
 * to their loaders.
 */
#ifndef OPENLVM_DYNLIB_H
#define OPENLVM_DYNLIB_H

/*
 * Reports that soname could not be loaded or lacks a symbol, with the
 * dynamic linker's reason, closes handle (may be NULL) and returns -1.
 */
int dynlib_fail(void *handle, const char *soname);

#endif
