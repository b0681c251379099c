/* placeholder: definitions filled in by the developer who owns this file */
#include "cmd/command.h"
#include "cmd/commands.h"

const struct command_def cmddef_vgcfgbackup = {
	"vgcfgbackup", NULL, "Backup volume group configuration(s)",
	"  vgcfgbackup\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};

const struct command_def cmddef_vgcfgrestore = {
	"vgcfgrestore", NULL, "Restore volume group configuration",
	"  vgcfgrestore\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};
