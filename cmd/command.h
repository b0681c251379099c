/*
 * The command context and the command table.
 *
 * A cmd_context lives for one command (one line in the lvm shell) and owns
 * everything the command allocates through cmd->mem.
 */
#ifndef OPENLVM_COMMAND_H
#define OPENLVM_COMMAND_H

#include <stddef.h>
#include <stdint.h>

#include "cmd/options.h"

struct pool;
struct cfg_node;
struct dev_cache;
struct lvm_scan;
struct activation;
struct strv;

/* LVM2's exit codes. */
#define EXIT_OK 0
#define EXIT_BAD_CMDLINE 3
#define EXIT_FAILED 5

struct arg_value {
	unsigned count;		/* times given */
	const char *value;	/* last value */
	const char **values;	/* every value, in order (repeatable options) */
	unsigned nvalues;
	unsigned *order;	/* place of each value among all options' values */
};

struct command_def;

struct cmd_context {
	struct pool *mem;
	const struct command_def *def;
	const char *cmdline;		/* argv joined, for metadata descriptions */
	int argc;			/* positional arguments */
	char **argv;
	struct arg_value args[OPT_COUNT];
	unsigned nargvalues;		/* values recorded so far: next arg_value order */
	const char *system_dir;		/* LVM_SYSTEM_DIR */
	struct cfg_node *config;	/* lvm.conf merged with --config */
	struct dev_cache *dc;
	struct lvm_scan *scan;		/* filled on first use */
	struct activation *act;		/* read-only kernel queries; cmd_activation() */
	struct lvm_scan *old_scans[8];	/* superseded by rescans; freed at the end */
	unsigned nold_scans;
	int test_mode;
	const char *archive_text;	/* backup-layout text of the VG as read */
	size_t archive_len;
	struct held_lock {
		const char *name;
		int fd;
		int exclusive;
	} locks[64];
	unsigned nlocks;
};

typedef int (*command_fn)(struct cmd_context *cmd);

struct command_def {
	const char *name;
	command_fn fn;			/* NULL: known but not implemented */
	const char *summary;
	const char *usage;		/* usage lines, as in the man page */
	const enum option_id *options;	/* terminated by OPT_COUNT */
	int min_args, max_args;		/* positional; max -1 = unlimited */
};

const struct command_def *command_find(const char *name);
const struct command_def *command_table(unsigned *count);

/* ---- option access ---- */
static inline int arg_is_set(const struct cmd_context *cmd, enum option_id id)
{
	return cmd->args[id].count > 0;
}
static inline unsigned arg_count(const struct cmd_context *cmd, enum option_id id)
{
	return cmd->args[id].count;
}
const char *arg_str(const struct cmd_context *cmd, enum option_id id, const char *def);
/* These report a bad value naming the option and return -1. */
int arg_uint32(const struct cmd_context *cmd, enum option_id id, uint32_t def, uint32_t *out);
int arg_uint64(const struct cmd_context *cmd, enum option_id id, uint64_t def, uint64_t *out);
int arg_yesno(const struct cmd_context *cmd, enum option_id id, int def, int *out);
/* Size in sectors; default_unit as LVM2's option ('m' or 'k'). */
int arg_size_sectors(const struct cmd_context *cmd, enum option_id id, char default_unit,
		     uint64_t def, uint64_t *out);

/* Parses argv into cmd; prints the error and returns EXIT_BAD_CMDLINE on bad input. */
int parse_command_line(struct cmd_context *cmd, const struct command_def *def,
		       int argc, char **argv);
void print_command_help(const struct command_def *def);
/* "--long" and "-x" spellings of every option def accepts, NULL-terminated (shell completion). */
const char **command_option_words(const struct command_def *def, struct pool *p);

/* Runs one command line (argv[0] is the command name).  Returns the exit code. */
int run_command(int argc, char **argv);

/* ---- helpers shared by commands (cmd/toolcontext.c) ---- */
int cmd_setup(struct cmd_context *cmd);
void cmd_teardown(struct cmd_context *cmd);
/* lvm.conf lookups with defaults. */
int64_t cmd_config_int(const struct cmd_context *cmd, const char *path, int64_t def);
const char *cmd_config_str(const struct cmd_context *cmd, const char *path, const char *def);
/* Asks a y/n question on the terminal; -y answers yes, no tty answers no. */
int cmd_confirm(struct cmd_context *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
