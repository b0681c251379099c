/*
 * Lists.  Linked structures use <sys/queue.h> (TAILQ), as in the BSDs.
 * A strv is a pool-allocated, growable array of strings, used for tags and
 * other short ordered string lists; order is insertion order.
 */
#ifndef OPENLVM_LIST_H
#define OPENLVM_LIST_H

#include <stddef.h>
#include <sys/queue.h>

struct pool;

struct strv {
	const char **v;
	size_t n;
	size_t alloc;
};

void strv_add(struct pool *p, struct strv *sv, const char *s);
int strv_contains(const struct strv *sv, const char *s);
/* Returns 1 if removed. */
int strv_remove(struct strv *sv, const char *s);
void strv_copy(struct pool *p, struct strv *dst, const struct strv *src);

#endif
