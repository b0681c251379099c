/* placeholder: definitions filled in by the developer who owns this file */
#include "cmd/command.h"
#include "cmd/commands.h"

const struct command_def cmddef_lvscan = {
	"lvscan", NULL, "List all logical volumes in all volume groups",
	"  lvscan\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};
