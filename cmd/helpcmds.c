/* help, segtypes, formats. */
#include <stdio.h>

#include "cmd/commands.h"
#include "cmd/command.h"
#include "misc/log.h"

int cmd_help(struct cmd_context *cmd)
{
	unsigned n, i;
	const struct command_def *t = command_table(&n);

	if (cmd->argc) {
		const struct command_def *def = command_find(cmd->argv[0]);

		if (!def) {
			log_error("No such command '%s'.", cmd->argv[0]);
			return EXIT_BAD_CMDLINE;
		}
		print_command_help(def);
		return EXIT_OK;
	}
	printf("  Available lvm commands:\n  Use 'lvm help <command>' for more information\n\n");
	for (i = 0; i < n; i++)
		printf("  %-15s %s%s\n", t[i].name, t[i].summary,
		       t[i].fn ? "" : " (not implemented yet)");
	return EXIT_OK;
}

int cmd_segtypes(struct cmd_context *cmd)
{
	(void)cmd;
	printf("  linear\n  striped\n  zero\n  error\n");
	return EXIT_OK;
}

int cmd_formats(struct cmd_context *cmd)
{
	(void)cmd;
	printf("  lvm2\n");
	return EXIT_OK;
}
