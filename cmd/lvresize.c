/* placeholder: definitions filled in by the developer who owns this file */
#include "cmd/command.h"
#include "cmd/commands.h"

const struct command_def cmddef_lvextend = {
	"lvextend", NULL, "Add space to a logical volume",
	"  lvextend\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};

const struct command_def cmddef_lvreduce = {
	"lvreduce", NULL, "Reduce the size of a logical volume",
	"  lvreduce\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};

const struct command_def cmddef_lvresize = {
	"lvresize", NULL, "Resize a logical volume",
	"  lvresize\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};
