/*
 * The config tree: LVM2's "key = value / section { }" syntax, shared by the
 * VG text metadata, backup files and lvm.conf.
 *
 *   file    := item*
 *   item    := key '=' value | key '{' item* '}'
 *   value   := scalar | '[' [scalar (',' scalar)*] ']'
 *   scalar  := INT | FLOAT | STRING
 *
 * All nodes and strings are carved from the pool passed to the parser and
 * live exactly as long as it.  Child order is file order.
 */
#ifndef OPENLVM_CONFIG_H
#define OPENLVM_CONFIG_H

#include <stddef.h>
#include <stdint.h>

struct pool;
struct strbuf;

enum cfg_type {
	CFG_INT,
	CFG_FLOAT,
	CFG_STRING,
	CFG_EMPTY_ARRAY,	/* "[]": a list with no values */
};

/* One scalar; a list is a chain of values through next. */
struct cfg_value {
	enum cfg_type type;
	union {
		int64_t i;
		double f;
		const char *str;
	} v;
	struct cfg_value *next;
	unsigned list : 1;	/* written as [ ... ] even with one item */
};

struct cfg_node {
	const char *key;
	struct cfg_node *parent;
	struct cfg_node *next;		/* sibling */
	struct cfg_node *child;		/* first child; sections only */
	struct cfg_value *value;	/* NULL for a section */
	unsigned line;			/* 1-based line where the key started */
	/*
	 * Tail hint so appends are O(1) in sections with 10,000 children.
	 * Kept by the parser and the cfg_new_* functions; code that unlinks
	 * children by hand must set it to NULL ("unknown").
	 */
	struct cfg_node *last_child;
};

#define CFG_MAX_DEPTH 64
#define CFG_MAX_TOKEN (16u * 1024 * 1024)

/*
 * Parses text (len bytes; parsing also stops at a NUL) into a tree whose
 * root is an unnamed section holding the top-level items.  On error
 * returns NULL and writes "line L, column C: what" into err (errlen bytes).
 */
struct cfg_node *cfg_parse(struct pool *p, const char *text, size_t len,
			   char *err, size_t errlen);

/*
 * cfg_parse() that calls on_close(arg, section, depth) as each section's
 * closing brace is read (depth 1: a child of the root).  It returns 0 to
 * keep the section, 1 to drop it (its memory is reused, so it must copy
 * what it keeps), or -1 to stop: the parse then returns NULL with err
 * empty, the callback having reported the problem.
 */
typedef int cfg_section_fn(void *arg, const struct cfg_node *section, unsigned depth);
struct cfg_node *cfg_parse_stream(struct pool *p, const char *text, size_t len,
				  cfg_section_fn *on_close, void *arg, char *err, size_t errlen);

/*
 * Looks up a slash-separated path ("devices/filter") below node.  Empty
 * components are skipped; "" finds node itself.  When a section holds
 * the same key twice the LAST one wins, as with overrides in lvm.conf.
 * Each step is a linear scan of one section's children.
 */
const struct cfg_node *cfg_find(const struct cfg_node *node, const char *path);
const struct cfg_node *cfg_child(const struct cfg_node *section, const char *key);

/*
 * Typed getters: return 0 when found with the right type, else -1.  A
 * one-item list ("[5]") is not a scalar and is refused.
 */
int cfg_get_int(const struct cfg_node *node, const char *path, int64_t *out);
int cfg_get_str(const struct cfg_node *node, const char *path, const char **out);

/*
 * Creating trees (lvmconfig, overrides).  Keys and strings are copied into
 * p; parent may be NULL for a new root.  A NULL v makes an empty list.
 */
struct cfg_node *cfg_new_section(struct pool *p, struct cfg_node *parent, const char *key);
struct cfg_node *cfg_new_value(struct pool *p, struct cfg_node *parent, const char *key,
			       struct cfg_value *v);
struct cfg_value *cfg_int(struct pool *p, int64_t i);
struct cfg_value *cfg_str(struct pool *p, const char *s);

/*
 * Merges overlay into base: values in overlay replace those in base with
 * the same path; sections merge recursively.  Used for --config and
 * profiles.  Nodes are copied into p.
 */
void cfg_merge(struct pool *p, struct cfg_node *base, const struct cfg_node *overlay);

/*
 * Writes the items below section in lvm.conf style: tab indentation per
 * level, "key = value", sections as "name {" ... "}".
 */
void cfg_write(const struct cfg_node *section, int indent, struct strbuf *out);
/* Writes one value (scalar or list) in config syntax. */
void cfg_write_value(const struct cfg_value *v, struct strbuf *out);

#endif
