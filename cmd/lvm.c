/*
 * openlvm: one binary, many names.  Invoked as "pvcreate" (through a
 * symlink) or as "lvm pvcreate", it runs that command; as plain "lvm" it
 * opens the interactive shell.
 */
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/command.h"
#include "cmd/shell.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

static void print_version(void)
{
	printf("  LVM version:     2.03.16(2) (openlvm %s)\n", PACKAGE_VERSION);
	printf("  openlvm version: %s\n", PACKAGE_VERSION);
}

static const char *join_args(struct pool *mem, int argc, char **argv)
{
	struct strbuf sb = STRBUF_INIT;
	const char *s;
	int i;

	for (i = 0; i < argc; i++) {
		if (i)
			strbuf_addch(&sb, ' ');
		strbuf_addstr(&sb, argv[i]);
	}
	s = pool_strdup(mem, sb.buf);
	strbuf_release(&sb);
	return s;
}

static void set_verbosity(const struct cmd_context *cmd)
{
	int level = (int)arg_count(cmd, OPT_VERBOSE);

	if (arg_count(cmd, OPT_DEBUG) && level < LOG_DEBUG)
		level = LOG_DEBUG;
	if (arg_is_set(cmd, OPT_QUIET))
		level = LOG_QUIET;
	log_set_level(level);
}

int run_command(int argc, char **argv)
{
	const struct command_def *def = command_find(argv[0]);
	struct cmd_context cmd;
	int r;

	if (!def) {
		log_error("No such command '%s'.  Try 'help'.", argv[0]);
		return EXIT_BAD_CMDLINE;
	}
	memset(&cmd, 0, sizeof(cmd));
	cmd.mem = pool_create("command");
	cmd.def = def;
	cmd.cmdline = join_args(cmd.mem, argc, argv);
	r = parse_command_line(&cmd, def, argc, argv);
	if (r)
		goto out;
	set_verbosity(&cmd);
	if (arg_is_set(&cmd, OPT_HELP)) {
		print_command_help(def);
		goto out;
	}
	if (arg_is_set(&cmd, OPT_VERSION)) {
		print_version();
		goto out;
	}
	if (!def->fn) {
		log_error("Command %s is not implemented in openlvm yet.", def->name);
		r = EXIT_FAILED;
		goto out;
	}
	if (cmd.argc < def->min_args || (def->max_args >= 0 && cmd.argc > def->max_args)) {
		log_error(cmd.argc < def->min_args ? "%s: too few arguments." :
			  "%s: too many arguments.", def->name);
		log_error("Run `%s --help' for more information.", def->name);
		r = EXIT_BAD_CMDLINE;
		goto out;
	}
	cmd.test_mode = arg_is_set(&cmd, OPT_TEST);
	log_set_test_mode(cmd.test_mode);
	if (cmd.test_mode)
		log_warn("Running in test mode: no changes are written to disk.");
	if (cmd_setup(&cmd)) {
		r = EXIT_FAILED;
		goto out;
	}
	r = def->fn(&cmd);
out:
	cmd_teardown(&cmd);
	log_set_test_mode(0);
	pool_destroy(cmd.mem);
	fflush(stdout);
	return r;
}

int main(int argc, char **argv)
{
	char *name = basename(argv[0]);

	if (strcmp(name, "lvm") && strcmp(name, "openlvm")) {
		argv[0] = name;
		return run_command(argc, argv);
	}
	if (argc < 2)
		return lvm_shell();
	if (!strcmp(argv[1], "version") || !strcmp(argv[1], "--version")) {
		print_version();
		return EXIT_OK;
	}
	return run_command(argc - 1, argv + 1);
}
