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
#include "misc/fsutil.h"
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

/*
 * The config cascade as LVM2 shows it: lvm.conf, lvmlocal.conf, the
 * profile, --config.  Without --mergedconfig only its front is shown.
 * LVM2 puts an item new to a section after the section's first item, so
 * that sections of lvm.conf after the first come out in reverse order;
 * lvmconfig keeps that order, scripts compare its output.
 */
static void insert_copy(struct pool *p, struct cfg_node *base, const struct cfg_node *item)
{
	struct cfg_node one = *item, wrap = { 0 }, tmp = { 0 }, *copy;

	one.next = NULL;
	wrap.child = &one;
	cfg_merge(p, &tmp, &wrap);
	copy = tmp.child;
	copy->parent = base;
	if (!base->child) {
		base->child = base->last_child = copy;
		return;
	}
	copy->next = base->child->next;
	base->child->next = copy;
	if (!copy->next)
		base->last_child = copy;
}

/* O(items of over x items of the section they merge into): config is small. */
static void cascade_merge(struct pool *p, struct cfg_node *base, const struct cfg_node *over)
{
	const struct cfg_node *o;

	for (o = over ? over->child : NULL; o; o = o->next) {
		struct cfg_node *b = (struct cfg_node *)cfg_child(base, o->key);
		struct cfg_node one = *o, wrap = { 0 };

		if (b && !b->value && !o->value) {
			cascade_merge(p, b, o);
			continue;
		}
		if (!b) {
			insert_copy(p, base, o);
			continue;
		}
		one.next = NULL;
		wrap.child = &one;
		cfg_merge(p, base, &wrap);
	}
}

/* LVM2 keeps no brackets on a one-item list it read from a file. */
static void unbracket(struct cfg_node *n)
{
	for (; n; n = n->next) {
		if (n->value && !n->value->next && n->value->type != CFG_EMPTY_ARRAY)
			n->value->list = 0;
		unbracket(n->child);
	}
}

static int merge_text(struct pool *p, struct cfg_node *root, const char *text, size_t len,
		      const char *what)
{
	char err[256];
	struct cfg_node *t = cfg_parse(p, text, len, err, sizeof(err));

	if (!t) {
		log_error("Failed to parse %s: %s", what, err);
		return -1;
	}
	cascade_merge(p, root, t);
	return 0;
}

/* A missing file is no error: toolcontext already refused unreadable ones. */
static int merge_file(struct pool *p, struct cfg_node *root, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	int r = 0;

	if (!read_file(path, &sb))
		r = merge_text(p, root, sb.buf, sb.len, path);
	strbuf_release(&sb);
	return r;
}

static int merge_profiles(struct cmd_context *cmd, struct cfg_node *root)
{
	static const enum option_id opts[] = {
		OPT_PROFILE, OPT_COMMANDPROFILE, OPT_METADATAPROFILE
	};
	const char *dir = cmd_config_str(cmd, "config/profile_dir",
					 pool_printf(cmd->mem, "%s/profile", cmd->system_dir));
	size_t i;

	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
		const char *name = arg_str(cmd, opts[i], NULL);

		if (name && merge_file(cmd->mem, root,
				       pool_printf(cmd->mem, "%s/%s.profile", dir, name)))
			return -1;
	}
	return 0;
}

static int merge_config_options(struct cmd_context *cmd, struct cfg_node *root)
{
	const struct arg_value *av = &cmd->args[OPT_CONFIG];
	unsigned i;

	for (i = 0; i < av->nvalues; i++) {
		char err[256];
		struct cfg_node *t = cfg_parse(cmd->mem, av->values[i], strlen(av->values[i]),
					       err, sizeof(err));

		if (!t) {
			log_error("Failed to parse --config: %s", err);
			return -1;
		}
		settings_nest_paths(cmd->mem, t);
		cascade_merge(cmd->mem, root, t);
	}
	return 0;
}

/* The whole cascade (merged) or the front of it, unchecked as written. */
static struct cfg_node *cascade(struct cmd_context *cmd, int merged)
{
	char err[64];
	struct cfg_node *root = cfg_parse(cmd->mem, "", 0, err, sizeof(err));
	int profile = arg_is_set(cmd, OPT_PROFILE) || arg_is_set(cmd, OPT_COMMANDPROFILE) ||
		      arg_is_set(cmd, OPT_METADATAPROFILE);
	int config = arg_is_set(cmd, OPT_CONFIG);

	if ((merged || (!profile && !config)) &&
	    (merge_file(cmd->mem, root, pool_printf(cmd->mem, "%s/lvm.conf", cmd->system_dir)) ||
	     merge_file(cmd->mem, root, pool_printf(cmd->mem, "%s/lvmlocal.conf",
						    cmd->system_dir))))
		return NULL;
	if (merged && (profile || config)) {
		/* LVM2 copies the files' tree once more before merging over it. */
		struct cfg_node *files = root;

		root = cfg_parse(cmd->mem, "", 0, err, sizeof(err));
		cascade_merge(cmd->mem, root, files);
	}
	if ((merged || !config) && profile && merge_profiles(cmd, root))
		return NULL;
	if (config && merge_config_options(cmd, root))
		return NULL;
	unbracket(root->child);
	return root;
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
		strbuf_addchars(&w->sb, '\t', tabs);
		strbuf_addstr(&w->sb, "# This configuration option has an automatic default value.\n");
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

/* --type, or --typeconfig, its LVM2 name: one of them, once. */
static int type_option(struct cmd_context *cmd, enum config_type *t)
{
	enum option_id id = arg_is_set(cmd, OPT_TYPECONFIG) ? OPT_TYPECONFIG : OPT_CONFIGTYPE;

	if (cmd->args[OPT_CONFIGTYPE].count + cmd->args[OPT_TYPECONFIG].count > 1) {
		log_error("Option --typeconfig may not be repeated.");
		log_error("Error during parsing of command line.");
		return -1;
	}
	return arg_is_set(cmd, id) ? parse_type(arg_str(cmd, id, ""), t) : 0;
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

/* Item by item: brackets around one item make no difference. */
static int same_value(const struct cfg_value *a, const struct cfg_value *b)
{
	for (; a && b; a = a->next, b = b->next) {
		if (a->type != b->type)
			return 0;
		if ((a->type == CFG_INT && a->v.i != b->v.i) ||
		    (a->type == CFG_FLOAT && a->v.f != b->v.f) ||
		    (a->type == CFG_STRING && strcmp(a->v.str, b->v.str)))
			return 0;
	}
	return !a && !b;
}

/*
 * Table settings with their defaults.  want: 0 every one, 1 only those
 * the configuration does not set (missing), 2 those it sets differently.
 */
static struct cfg_node *defaults_tree(struct cmd_context *cmd, const struct cfg_node *config,
				      int want)
{
	char err[64];
	struct cfg_node *root = cfg_parse(cmd->mem, "", 0, err, sizeof(err));
	const struct setting_def *t;
	size_t n, i;

	t = settings_table(&n);
	for (i = 0; i < n; i++) {
		struct cfg_node *d = setting_default_node(cmd->mem, &t[i], cmd->system_dir);
		const struct cfg_node *cur = cfg_find(config, t[i].path);

		if (!d || (want == 1 && cur))
			continue;
		cfg_new_value(cmd->mem, section_of(cmd->mem, root, t[i].path), d->key, d->value);
	}
	return root;
}

/* Settings of the configuration that are not at their default. */
static struct cfg_node *diff_tree(struct cmd_context *cmd, const struct cfg_node *config)
{
	char err[64];
	struct cfg_node *root = cfg_parse(cmd->mem, "", 0, err, sizeof(err));
	const struct cfg_node *sec, *n;

	for (sec = config->child; sec; sec = sec->next) {
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

/*
 * current shows the front of the cascade unless --mergedconfig; the
 * others compare with the defaults what a command runs with.
 */
static struct cfg_node *tree_for(struct cmd_context *cmd, enum config_type t)
{
	struct cfg_node *config = cascade(cmd, t != CT_CURRENT || arg_is_set(cmd, OPT_MERGEDCONFIG));
	struct cfg_node *root;

	if (!config)
		return NULL;
	switch (t) {
	case CT_CURRENT:
		return config;
	case CT_DEFAULT:
	case CT_LIST:
		return defaults_tree(cmd, config, 0);
	case CT_MISSING:
		return defaults_tree(cmd, config, 1);
	case CT_DIFF:
		return diff_tree(cmd, config);
	case CT_FULL:
		root = defaults_tree(cmd, config, 0);
		cascade_merge(cmd->mem, root, config);
		return root;
	}
	return config;
}

/*
 * --validate checks the front of the cascade (all of it with
 * --mergedconfig) quietly: loading the configuration reported the
 * problems already.  LVM2 says "valid" on stdout, "invalid" on stderr.
 */
static int validate(struct cmd_context *cmd)
{
	struct cfg_node *config = cascade(cmd, arg_is_set(cmd, OPT_MERGEDCONFIG));

	if (!config)
		return EXIT_FAILED;
	if (settings_validate(config, 1)) {
		log_error("LVM configuration invalid.");
		return EXIT_FAILED;
	}
	log_print("LVM configuration valid.");
	return EXIT_OK;
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

	if (type_option(cmd, &type))
		return EXIT_BAD_CMDLINE;
	if (arg_is_set(cmd, OPT_VALIDATE))
		return validate(cmd);
	root = tree_for(cmd, type);
	if (!root)
		return EXIT_FAILED;
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
	"\t[ --type|--typeconfig current|default|diff|full|list|missing ]\n" \
	"\t[ --withcomments ] [ --validate ] [ --mergedconfig ] [ --config String ]\n" \
	"\t[ --metadataprofile String ]\n"

static const enum option_id lvmconfig_options[] = {
	OPT_CONFIGTYPE, OPT_TYPECONFIG, OPT_WITHCOMMENTS, OPT_VALIDATE, OPT_MERGEDCONFIG,
	OPT_METADATAPROFILE, OPT_COUNT
};

const struct command_def cmddef_lvmconfig = {
	"lvmconfig", lvmconfig, "Display and manipulate configuration information",
	LVMCONFIG_USAGE("lvmconfig"), lvmconfig_options, 0, -1,
};

const struct command_def cmddef_dumpconfig = {
	"dumpconfig", lvmconfig, "Display and manipulate configuration information",
	LVMCONFIG_USAGE("dumpconfig"), lvmconfig_options, 0, -1,
};

/* "lvm config": LVM2's third name for it. */
const struct command_def cmddef_config = {
	"config", lvmconfig, "Display and manipulate configuration information",
	LVMCONFIG_USAGE("config"), lvmconfig_options, 0, -1,
};
