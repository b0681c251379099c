/*
 * The one table of lvm.conf settings: every setting openlvm honours, with
 * its type, default and a one-line description (lvmconfig, lvm.conf(5)),
 * plus the LVM2 settings openlvm accepts without acting on them, so that
 * an lvm.conf shared with LVM2 does not raise warnings.
 */
#ifndef OPENLVM_SETTINGS_H
#define OPENLVM_SETTINGS_H

#include <stddef.h>

struct cfg_node;
struct pool;

enum setting_type { SET_BOOL, SET_INT, SET_STR, SET_LIST };

struct setting_def {
	const char *path;		/* "section/key" */
	enum setting_type type;
	/*
	 * The default in lvm.conf syntax ("1", "\"/dev\"", "[\"/dev\"]"); the
	 * token @SYSDIR@ stands for $LVM_SYSTEM_DIR.  NULL: no default (unset).
	 */
	const char *def;
	const char *desc;		/* NULL: an LVM2 setting openlvm ignores */
};

/* Every entry, honoured ones first within each section, in table order. */
const struct setting_def *settings_table(size_t *count);
const struct setting_def *setting_find(const char *path);
int setting_section_known(const char *section);
const char *setting_type_name(enum setting_type t);

/*
 * Checks a configuration tree against the table with LVM2's messages:
 * unknown sections and keys are reported and kept; values of the wrong
 * type and empty lists are reported and unlinked, so that the command
 * sees the default.  Values LVM2 accepts in other
 * spellings are normalised in place: a one-item list of a scalar setting
 * becomes the scalar, a boolean word ("yes", "off", ...) becomes 0 or 1.
 * quiet: count without reporting.  Returns the number of problems, which
 * make lvmconfig --validate fail.
 */
int settings_validate(struct cfg_node *root, int quiet);

/*
 * settings_validate for the configuration a command runs with.  Unknown
 * names only warn; a value of the wrong type is an error naming its key
 * (returns -1), where LVM2 would warn and quietly use the default: a
 * typo in a filter must not widen what a command may write to.
 */
int settings_check(struct cfg_node *root);

/*
 * --config "section/key=value": LVM2 accepts a path for a key at the top
 * level; moves such items into their sections.
 */
void settings_nest_paths(struct pool *p, struct cfg_node *root);

/*
 * The default value of s as a one-item config tree parsed into p, with
 * @SYSDIR@ replaced by system_dir; NULL when s has no default.
 */
struct cfg_node *setting_default_node(struct pool *p, const struct setting_def *s,
				      const char *system_dir);

#endif
