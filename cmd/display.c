/* placeholder: definitions filled in by the developer who owns this file */
#include "cmd/command.h"
#include "cmd/commands.h"

const struct command_def cmddef_pvdisplay = {
	"pvdisplay", NULL, "Display various attributes of physical volume(s)",
	"  pvdisplay\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};

const struct command_def cmddef_vgdisplay = {
	"vgdisplay", NULL, "Display volume group information",
	"  vgdisplay\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};

const struct command_def cmddef_lvdisplay = {
	"lvdisplay", NULL, "Display information about a logical volume",
	"  lvdisplay\n",
	(const enum option_id[]){ OPT_COUNT }, 0, -1
};
