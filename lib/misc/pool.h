/*
 * Memory pools.  Every object that lives as long as a command, or as long
 * as a VG read, is carved from a pool and freed all at once with the pool.
 * Nothing allocated from a pool is ever freed individually.
 *
 * Allocation failure is not recoverable in a command-line tool: the pool
 * functions print a message and exit(5), so callers never check for NULL.
 */
#ifndef OPENLVM_POOL_H
#define OPENLVM_POOL_H

#include <stdarg.h>
#include <stddef.h>

struct pool;

struct pool *pool_create(const char *name);
void pool_destroy(struct pool *p);

/* Zero-filled, aligned for any type. */
void *pool_alloc(struct pool *p, size_t size);
void *pool_memdup(struct pool *p, const void *src, size_t size);
char *pool_strdup(struct pool *p, const char *s);
char *pool_strndup(struct pool *p, const char *s, size_t n);
char *pool_printf(struct pool *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define POOL_NEW(p, type) ((type *)pool_alloc((p), sizeof(type)))
#define POOL_ARRAY(p, type, n) ((type *)pool_alloc((p), sizeof(type) * (n)))

/* Heap allocation with the same exit-on-failure policy. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);

#endif
