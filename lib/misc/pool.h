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

/*
 * Asks for transparent huge pages behind the 2 MiB-aligned part of a big
 * buffer (no-op where the system has none).  For buffers about to be
 * filled: most of a big VG's run time went to 4 KiB page faults.
 */
void mem_advise_huge(void *p, size_t size);

/* Zeroed; from 2 MiB on, mapped on its own in huge pages.  Free with the size. */
void *xcalloc_big(size_t size);
/*
 * The same for memory the caller fills: small blocks are not cleared.  Big
 * ones go back to the system when freed, where a freed heap block would
 * stay resident under the live ones above it.
 */
void *xmalloc_big(size_t size);
void free_big(void *p, size_t size);

#endif
