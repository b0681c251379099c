/*
 * Config-tree lookup, construction and merging.
 */
#include "config/config.h"
#include "misc/pool.h"

#include <string.h>

/* Last child whose key is exactly key[0..n): later duplicates override. */
static struct cfg_node *child_n(const struct cfg_node *section, const char *key, size_t n)
{
	struct cfg_node *c, *found = NULL;

	for (c = section->child; c; c = c->next)
		if (c->key[0] == key[0] && !strncmp(c->key, key, n) && c->key[n] == '\0')
			found = c;
	return found;
}

const struct cfg_node *cfg_child(const struct cfg_node *section, const char *key)
{
	if (!section || !key)
		return NULL;
	return child_n(section, key, strlen(key));
}

const struct cfg_node *cfg_find(const struct cfg_node *node, const char *path)
{
	const char *p = path;
	size_t n;

	if (!p)
		return NULL;
	while (node && *p) {
		if (*p == '/') {
			p++;
			continue;
		}
		n = strcspn(p, "/");
		node = child_n(node, p, n);
		p += n;
	}
	return node;
}

/* The scalar at path, or NULL when missing, a section or a list. */
static const struct cfg_value *find_scalar(const struct cfg_node *node, const char *path)
{
	const struct cfg_node *n = cfg_find(node, path);

	if (!n || !n->value || n->value->list || n->value->next)
		return NULL;
	return n->value;
}

int cfg_get_int(const struct cfg_node *node, const char *path, int64_t *out)
{
	const struct cfg_value *v = find_scalar(node, path);

	if (!v || v->type != CFG_INT)
		return -1;
	*out = v->v.i;
	return 0;
}

int cfg_get_str(const struct cfg_node *node, const char *path, const char **out)
{
	const struct cfg_value *v = find_scalar(node, path);

	if (!v || v->type != CFG_STRING)
		return -1;
	*out = v->v.str;
	return 0;
}

/* Appends in O(1) when the tail hint is valid, else walks the chain. */
static void append_child(struct cfg_node *parent, struct cfg_node *node)
{
	struct cfg_node *t = parent->last_child;

	node->parent = parent;
	node->next = NULL;
	if (!t || t->parent != parent)
		t = parent->child;
	if (!t) {
		parent->child = node;
	} else {
		while (t->next)
			t = t->next;
		t->next = node;
	}
	parent->last_child = node;
}

static struct cfg_node *new_node(struct pool *p, struct cfg_node *parent, const char *key)
{
	struct cfg_node *n = POOL_NEW(p, struct cfg_node);

	n->key = pool_strdup(p, key ? key : "");
	if (parent)
		append_child(parent, n);
	return n;
}

struct cfg_node *cfg_new_section(struct pool *p, struct cfg_node *parent, const char *key)
{
	return new_node(p, parent, key);
}

struct cfg_node *cfg_new_value(struct pool *p, struct cfg_node *parent, const char *key,
			       struct cfg_value *v)
{
	struct cfg_node *n = new_node(p, parent, key);

	if (!v) {
		v = POOL_NEW(p, struct cfg_value);
		v->type = CFG_EMPTY_ARRAY;
		v->list = 1;
	}
	n->value = v;
	return n;
}

struct cfg_value *cfg_int(struct pool *p, int64_t i)
{
	struct cfg_value *v = POOL_NEW(p, struct cfg_value);

	v->type = CFG_INT;
	v->v.i = i;
	return v;
}

struct cfg_value *cfg_str(struct pool *p, const char *s)
{
	struct cfg_value *v = POOL_NEW(p, struct cfg_value);

	v->type = CFG_STRING;
	v->v.str = pool_strdup(p, s ? s : "");
	return v;
}

static struct cfg_value *copy_values(struct pool *p, const struct cfg_value *src)
{
	struct cfg_value *head = NULL, **link = &head, *v;

	for (; src; src = src->next) {
		v = pool_memdup(p, src, sizeof(*v));
		if (v->type == CFG_STRING)
			v->v.str = pool_strdup(p, src->v.str);
		v->next = NULL;
		*link = v;
		link = &v->next;
	}
	return head;
}

/* Deep copy; recursion depth is the tree's depth (<= CFG_MAX_DEPTH when parsed). */
static void copy_children(struct pool *p, struct cfg_node *dst, const struct cfg_node *src)
{
	const struct cfg_node *c;
	struct cfg_node *n;

	for (c = src->child; c; c = c->next) {
		n = new_node(p, dst, c->key);
		n->line = c->line;
		if (c->value)
			n->value = copy_values(p, c->value);
		else
			copy_children(p, n, c);
	}
}

/*
 * Each overlay key is looked up with a scan of the base section, which is
 * fine for --config and profile overlays of a few keys.
 */
void cfg_merge(struct pool *p, struct cfg_node *base, const struct cfg_node *overlay)
{
	const struct cfg_node *o;
	struct cfg_node *b;

	if (!base || !overlay)
		return;
	for (o = overlay->child; o; o = o->next) {
		b = child_n(base, o->key, strlen(o->key));
		if (!b) {
			b = new_node(p, base, o->key);
			b->line = o->line;
			if (o->value)
				b->value = copy_values(p, o->value);
			else
				copy_children(p, b, o);
			continue;
		}
		if (!o->value != !b->value) {
			/* A value replaces a section and vice versa. */
			b->value = NULL;
			b->child = NULL;
			b->last_child = NULL;
		}
		if (o->value)
			b->value = copy_values(p, o->value);
		else
			cfg_merge(p, b, o);
	}
}
