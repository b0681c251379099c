/*
 * lvmconfig / lvm dumpconfig: the configuration in effect, the defaults
 * from the settings table, or the difference between them, written as
 * LVM2 writes it ("key=value", lists without spaces, tab indentation).
 */
#include <stdio.h>
#include <string.h>

#include "cmd/command.h"
#include "cmd/commands.h"
#include "config/config.h"
#include "config/settings.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

enum config_type { CT_CURRENT, CT_DEFAULT, CT_DIFF, CT_FULL, CT_LIST, CT_MISSING };

struct writer {
	struct strbuf sb;
	int commented;		/* values shown as "# key=value" (defaults) */
	int comments;		/* --withcomments */
};

static void write_scalar(const struct cfg_value *v, struct strbuf *sb)
{
	const char *s;

	switch (v->type) {
	case CFG_INT:
		strbuf_addf(sb, "%lld", (long long)v->v.i);
		break;
	case CFG_FLOAT:
		strbuf_addf(sb, "%g", v->v.f);
		break;
	case CFG_STRING:
		strbuf_addch(sb, '"');
		for (s = v->v.str; *s; s++) {
			if (*s == '"' || *s == '\\')
				strbuf_addch(sb, '\\');
			strbuf_addch(sb, *s);
		}
		strbuf_addch(sb, '"');
		break;
	case CFG_EMPTY_ARRAY:
		break;
	}
}

static void write_value(const struct cfg_value *v, struct strbuf *sb)
{
	int first = 1;

	if (!v->list && !v->next && v->type != CFG_EMPTY_ARRAY) {
		write_scalar(v, sb);
		return;
	}
	strbuf_addch(sb, '[');
	for (; v; v = v->next) {
		if (v->type == CFG_EMPTY_ARRAY)
			continue;
		if (!first)
			strbuf_addch(sb, ',');
		write_scalar(v, sb);
		first = 0;
	}
	strbuf_addch(sb, ']');
}

/* "devices/filter" for a node below the root. */
static const char *node_path(struct pool *p, const struct cfg_node *n)
{
	if (!n->parent || !n->parent->key || !*n->parent->key)
		return n->key;
	return pool_printf(p, "%s/%s", node_path(p, n->parent), n->key);
}

static void write_comment(struct writer *w, struct pool *p, const struct cfg_node *n,
			  size_t tabs)
{
	const char *path = node_path(p, n);
	const struct setting_def *s = n->value ? setting_find(path) : NULL;

	strbuf_addch(&w->sb, '\n');
	strbuf_addchars(&w->sb, '\t', tabs);
	strbuf_addf(&w->sb, "# Configuration %s %s.\n", n->value ? "option" : "section", path);
	if (s && s->desc) {
		strbuf_addchars(&w->sb, '\t', tabs);
		strbuf_addf(&w->sb, "# %s\n", s->desc);
	} else if (n->value) {
		strbuf_addchars(&w->sb, '\t', tabs);
		strbuf_addstr(&w->sb, "# Not used by openlvm.\n");
	}
}

static void write_node(struct writer *w, struct pool *p, const struct cfg_node *n, size_t tabs)
{
	const struct cfg_node *c;

	if (w->comments)
		write_comment(w, p, n, tabs);
	strbuf_addchars(&w->sb, '\t', tabs);
	if (n->value) {
		strbuf_addf(&w->sb, "%s%s=", w->commented ? "# " : "", n->key);
		write_value(n->value, &w->sb);
		strbuf_addch(&w->sb, '\n');
		return;
	}
	strbuf_addf(&w->sb, "%s {\n", n->key);
	for (c = n->child; c; c = c->next)
		write_node(w, p, c, tabs + 1);
	strbuf_addchars(&w->sb, '\t', tabs);
	strbuf_addstr(&w->sb, "}\n");
}

static void list_paths(struct writer *w, struct pool *p, const struct cfg_node *n)
{
	const struct cfg_node *c;

	if (n->value) {
		strbuf_addf(&w->sb, "%s\n", node_path(p, n));
		return;
	}
	for (c = n->child; c; c = c->next)
		list_paths(w, p, c);
}

static int parse_type(const char *s, enum config_type *t)
{
	static const char *const names[] = {
		[CT_CURRENT] = "current", [CT_DEFAULT] = "default", [CT_DIFF] = "diff",
		[CT_FULL] = "full", [CT_LIST] = "list", [CT_MISSING] = "missing",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(names[i], s)) {
			*t = (enum config_type)i;
			return 0;
		}
	log_error("Invalid argument for --type: %s (current, default, diff, full, list or missing).",
		  s);
	return -1;
}

static struct cfg_node *section_of(struct pool *p, struct cfg_node *root, const char *path)
{
	char *sec = pool_strndup(p, path, strcspn(path, "/"));
	struct cfg_node *n;

	for (n = root->child; n; n = n->next)
		if (!n->value && !strcmp(n->key, sec))
			return n;
	return cfg_new_section(p, root, sec);
}

static int same_value(const struct cfg_value *a, const struct cfg_value *b)
{
	struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;
	int same;

	write_value(a, &x);
	write_value(b, &y);
	same = !strcmp(x.buf ? x.buf : "", y.buf ? y.buf : "");
	strbuf_release(&x);
	strbuf_release(&y);
	return same;
}

/*
 * Table settings with their defaults.  want: 0 every one, 1 only those
 * the configuration does not set (missing), 2 those it sets differently.
 */
static struct cfg_node *defaults_tree(struct cmd_context *cmd, int want)
{
	char err[64];
	struct cfg_node *root = cfg_parse(cmd->mem, "", 0, err, sizeof(err));
	const struct setting_def *t;
	size_t n, i;

	t = settings_table(&n);
	for (i = 0; i < n; i++) {
		struct cfg_node *d = setting_default_node(cmd->mem, &t[i], cmd->system_dir);
		const struct cfg_node *cur = cfg_find(cmd->config, t[i].path);

		if (!d || (want == 1 && cur))
			continue;
		cfg_new_value(cmd->mem, section_of(cmd->mem, root, t[i].path), d->key, d->value);
	}
	return root;
}

/* Settings of the configuration that are not at their default. */
static struct cfg_node *diff_tree(struct cmd_context *cmd)
{
	char err[64];
	struct cfg_node *root = cfg_parse(cmd->mem, "", 0, err, sizeof(err));
	const struct cfg_node *sec, *n;

	for (sec = cmd->config->child; sec; sec = sec->next) {
		if (sec->value) {
			cfg_new_value(cmd->mem, root, sec->key, sec->value);
			continue;
		}
		for (n = sec->child; n; n = n->next) {
			const char *path = pool_printf(cmd->mem, "%s/%s", sec->key, n->key);
			const struct setting_def *s = setting_find(path);
			struct cfg_node *d = s ? setting_default_node(cmd->mem, s, cmd->system_dir)
					       : NULL;

			if (n->value && d && same_value(n->value, d->value))
				continue;
			if (n->value)
				cfg_new_value(cmd->mem, section_of(cmd->mem, root, path), n->key,
					      n->value);
			else
				cfg_merge(cmd->mem, section_of(cmd->mem, root, path), n);
		}
	}
	return root;
}

static struct cfg_node *tree_for(struct cmd_context *cmd, enum config_type t)
{
	struct cfg_node *root;

	switch (t) {
	case CT_CURRENT:
		return cmd->config;
	case CT_DEFAULT:
	case CT_LIST:
		return defaults_tree(cmd, 0);
	case CT_MISSING:
		return defaults_tree(cmd, 1);
	case CT_DIFF:
		return diff_tree(cmd);
	case CT_FULL:
		root = defaults_tree(cmd, 0);
		cfg_merge(cmd->mem, root, cmd->config);
		return root;
	}
	return cmd->config;
}

static void write_item(struct writer *w, struct pool *p, const struct cfg_node *n, int list)
{
	if (list)
		list_paths(w, p, n);
	else
		write_node(w, p, n, 0);
}

static int lvmconfig(struct cmd_context *cmd)
{
	enum config_type type = CT_CURRENT;
	struct writer w = { STRBUF_INIT, 0, arg_is_set(cmd, OPT_WITHCOMMENTS) };
	const struct cfg_node *root, *n;
	int i, status = EXIT_OK;

	if (arg_is_set(cmd, OPT_CONFIGTYPE) && parse_type(arg_str(cmd, OPT_CONFIGTYPE, ""), &type))
		return EXIT_BAD_CMDLINE;
	if (arg_is_set(cmd, OPT_VALIDATE)) {
		/* cmd_setup refused an invalid configuration before we got here. */
		log_print("LVM configuration valid.");
		return EXIT_OK;
	}
	root = tree_for(cmd, type);
	w.commented = type == CT_DEFAULT || type == CT_MISSING;
	for (i = 0; i < cmd->argc; i++) {
		n = cfg_find(root, cmd->argv[i]);
		if (!n || n == root) {
			log_error("Configuration node %s not found", cmd->argv[i]);
			status = EXIT_FAILED;
			continue;
		}
		write_item(&w, cmd->mem, n, type == CT_LIST);
	}
	for (n = cmd->argc ? NULL : root->child; n; n = n->next)
		write_item(&w, cmd->mem, n, type == CT_LIST);
	if (w.sb.len)
		fwrite(w.sb.buf, 1, w.sb.len, stdout);
	strbuf_release(&w.sb);
	return status;
}

#define LVMCONFIG_USAGE(name) \
	"  " name " [ ConfigurationNode ... ]\n" \
	"\t[ --type current|default|diff|full|list|missing ] [ --withcomments ]\n" \
	"\t[ --validate ] [ --mergedconfig ] [ --config String ]\n"

static const enum option_id lvmconfig_options[] = {
	OPT_CONFIGTYPE, OPT_WITHCOMMENTS, OPT_VALIDATE, OPT_MERGEDCONFIG, OPT_COUNT
};

const struct command_def cmddef_lvmconfig = {
	"lvmconfig", lvmconfig, "Display and manipulate configuration information",
	LVMCONFIG_USAGE("lvmconfig"), lvmconfig_options, 0, -1,
};

const struct command_def cmddef_dumpconfig = {
	"dumpconfig", lvmconfig, "Display and manipulate configuration information",
	LVMCONFIG_USAGE("dumpconfig"), lvmconfig_options, 0, -1,
};
