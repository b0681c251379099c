/* placeholder: definitions filled in by the developer who owns this file */
#include "cmd/command.h"
#include "cmd/commands.h"

const struct command_def cmddef_lvchange = {
	"lvchange", NULL, "Change the attributes of logical volume(s)",
	"  lvchange\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};
