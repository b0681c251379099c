#include "misc/list.h"

#include <string.h>

#include "misc/pool.h"

void strv_add(struct pool *p, struct strv *sv, const char *s)
{
	if (sv->n == sv->alloc) {
		size_t na = sv->alloc ? sv->alloc * 2 : 4;
		const char **nv = POOL_ARRAY(p, const char *, na);

		if (sv->n)
			memcpy(nv, sv->v, sv->n * sizeof(*nv));
		sv->v = nv;
		sv->alloc = na;
	}
	sv->v[sv->n++] = s;
}

int strv_contains(const struct strv *sv, const char *s)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		if (!strcmp(sv->v[i], s))
			return 1;
	return 0;
}

int strv_remove(struct strv *sv, const char *s)
{
	size_t i;

	for (i = 0; i < sv->n; i++) {
		if (strcmp(sv->v[i], s))
			continue;
		memmove(&sv->v[i], &sv->v[i + 1], (sv->n - i - 1) * sizeof(*sv->v));
		sv->n--;
		return 1;
	}
	return 0;
}

void strv_copy(struct pool *p, struct strv *dst, const struct strv *src)
{
	size_t i;

	memset(dst, 0, sizeof(*dst));
	for (i = 0; i < src->n; i++)
		strv_add(p, dst, pool_strdup(p, src->v[i]));
}
