/* placeholder: definitions filled in by the developer who owns this file */
#include "cmd/command.h"
#include "cmd/commands.h"

const struct command_def cmddef_vgexport = {
	"vgexport", NULL, "Unregister volume group(s) from the system",
	"  vgexport\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};

const struct command_def cmddef_vgimport = {
	"vgimport", NULL, "Register exported volume group with system",
	"  vgimport\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};
