/*
 * String-keyed hash table (open addressing, linear probing).
 *
 * Keys are not copied: the caller keeps them alive as long as the entry
 * (normally they live in the same pool as the value).  The table itself is
 * heap-allocated and freed with hash_destroy().
 */
#ifndef OPENLVM_HASH_H
#define OPENLVM_HASH_H

#include <stddef.h>

struct hash;

struct hash *hash_create(size_t size_hint);
void hash_destroy(struct hash *h);

/* Inserts or replaces. */
void hash_insert(struct hash *h, const char *key, void *value);
void *hash_lookup(const struct hash *h, const char *key);
/* Returns the removed value, or NULL. */
void *hash_remove(struct hash *h, const char *key);
size_t hash_count(const struct hash *h);
/* Makes room for n entries in all, so that filling it needs no regrowth. */
void hash_reserve(struct hash *h, size_t n);

#endif
