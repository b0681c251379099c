/* placeholder: definitions filled in by the developer who owns this file */
#include "cmd/command.h"
#include "cmd/commands.h"

const struct command_def cmddef_vgsplit = {
	"vgsplit", NULL, "Move physical volumes into a new or existing volume group",
	"  vgsplit\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};

const struct command_def cmddef_vgmerge = {
	"vgmerge", NULL, "Merge volume groups",
	"  vgmerge\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};
