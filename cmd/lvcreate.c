/* placeholder: definitions filled in by the developer who owns this file */
#include "cmd/command.h"
#include "cmd/commands.h"

const struct command_def cmddef_lvcreate = {
	"lvcreate", NULL, "Create a logical volume",
	"  lvcreate\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};
