#include "misc/hash.h"

#include <stdint.h>
#include <string.h>
#include <stdlib.h>

#include "misc/pool.h"

/*
 * Deletion uses backward-shift so that no tombstones accumulate: a VG with
 * 10,000 LVs renamed and removed in one process stays O(1) per lookup.
 */
struct slot {
	const char *key;
	void *value;
	uint32_t hash;
};

struct hash {
	struct slot *slots;
	size_t mask;
	size_t count;
};

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

struct hash *hash_create(size_t size_hint)
{
	struct hash *h = xcalloc(1, sizeof(*h));
	size_t n = 16;

	while (n < size_hint * 2)
		n <<= 1;
	h->slots = xcalloc_big(n * sizeof(*h->slots));
	h->mask = n - 1;
	return h;
}

void hash_destroy(struct hash *h)
{
	if (!h)
		return;
	free_big(h->slots, (h->mask + 1) * sizeof(*h->slots));
	free(h);
}

/*
 * Callers mostly look an object up by the very string it was filed under
 * (lv->name in the table of LV names): comparing the pointers first spares
 * strcmp a load of the stored key, a cache miss in big tables.
 */
static struct slot *find(const struct hash *h, const char *key, uint32_t hv)
{
	size_t i = hv & h->mask;

	for (;;) {
		struct slot *s = &h->slots[i];

		if (!s->key || (s->hash == hv && (s->key == key || !strcmp(s->key, key))))
			return s;
		i = (i + 1) & h->mask;
	}
}

static void resize(struct hash *h, size_t size)
{
	struct slot *old = h->slots;
	size_t n = h->mask + 1, i;

	h->slots = xcalloc_big(size * sizeof(*h->slots));
	h->mask = size - 1;
	for (i = 0; i < n; i++)
		if (old[i].key)
			*find(h, old[i].key, old[i].hash) = old[i];
	free_big(old, n * sizeof(*old));
}

static void grow(struct hash *h)
{
	resize(h, (h->mask + 1) * 2);
}

void hash_reserve(struct hash *h, size_t n)
{
	size_t size = h->mask + 1;

	/* the load limit of hash_insert: 3/4 */
	while (n * 4 > size * 3)
		size <<= 1;
	if (size > h->mask + 1)
		resize(h, size);
}

void hash_insert(struct hash *h, const char *key, void *value)
{
	uint32_t hv = hash_str(key);
	struct slot *s = find(h, key, hv);

	if (!s->key) {
		if ((h->count + 1) * 4 > (h->mask + 1) * 3) {
			grow(h);
			s = find(h, key, hv);
		}
		h->count++;
	}
	s->key = key;
	s->hash = hv;
	s->value = value;
}

void *hash_lookup(const struct hash *h, const char *key)
{
	struct slot *s = find(h, key, hash_str(key));

	return s->key ? s->value : NULL;
}

void *hash_remove(struct hash *h, const char *key)
{
	struct slot *s = find(h, key, hash_str(key));
	size_t i, j;
	void *value;

	if (!s->key)
		return NULL;
	value = s->value;
	i = (size_t)(s - h->slots);
	/* Backward-shift deletion keeps probe chains unbroken. */
	for (j = (i + 1) & h->mask; h->slots[j].key; j = (j + 1) & h->mask) {
		size_t home = h->slots[j].hash & h->mask;

		if (((j - home) & h->mask) >= ((j - i) & h->mask)) {
			h->slots[i] = h->slots[j];
			i = j;
		}
	}
	memset(&h->slots[i], 0, sizeof(h->slots[i]));
	h->count--;
	return value;
}

size_t hash_count(const struct hash *h)
{
	return h->count;
}
