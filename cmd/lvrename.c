/* lvrename: VG OLD NEW, VG/OLD VG/NEW or VG/OLD NEW. */
#include <string.h>

#include "cmd/activation.h"
#include "cmd/command.h"
#include "cmd/commands.h"
#include "cmd/lvcommon.h"
#include "cmd/toolcontext.h"
#include "metadata/metadata.h"
#include "misc/log.h"

static int cmd_lvrename(struct cmd_context *cmd);

const struct command_def cmddef_lvrename = {
	"lvrename", cmd_lvrename, "Rename a logical volume",
	"  lvrename VG LV LV_new\n"
	"  lvrename LV LV_new\n",
	(const enum option_id[]){ OPT_NOUDEVSYNC, OPT_COUNT },
	2, 3
};

/* Fills vg, old and new names from the 2 or 3 arguments; 0 or -1. */
static int parse_names(struct cmd_context *cmd, const char **vg, const char **old,
		       const char **new_name)
{
	const char *vg2 = NULL;

	if (cmd->argc == 3) {
		*vg = cmd_vg_name_arg(cmd, cmd->argv[0]);
		if (lv_name_arg(cmd, cmd->argv[1], *vg, &vg2, old) ||
		    lv_name_arg(cmd, cmd->argv[2], *vg, &vg2, new_name))
			return -1;
	} else if (lv_name_arg(cmd, cmd->argv[0], NULL, vg, old) ||
		   lv_name_arg(cmd, cmd->argv[1], *vg, &vg2, new_name)) {
		return -1;
	}
	if (vg2 && strcmp(*vg, vg2)) {
		log_error("Logical volume names must have the same volume group (\"%s\" or \"%s\").",
			  *vg, vg2);
		return -1;
	}
	if (lv_name_invalid(*vg, *new_name) && !lv_name_reserved_word(*new_name)) {
		log_error("New logical volume name \"%s\" is invalid", *new_name);
		return -1;
	}
	return lv_new_name_check(*vg, *new_name);
}

static int cmd_lvrename(struct cmd_context *cmd)
{
	const char *vg_name, *old, *new_name;
	struct volume_group *vg;
	struct logical_volume *lv;
	struct activation *act;

	if (parse_names(cmd, &vg_name, &old, &new_name))
		return EXIT_BAD_CMDLINE;
	if (!strcmp(old, new_name)) {
		log_error("Old and new logical volume names must differ.");
		return EXIT_BAD_CMDLINE;
	}
	vg = cmd_read_vg_for_update(cmd, vg_name);
	if (!vg)
		return EXIT_FAILED;
	lv = vg_find_lv(vg, old);
	if (!lv || !lv_is_visible(lv)) {
		log_error("Existing logical volume \"%s\" not found in volume group \"%s\"",
			  old, vg->name);
		goto bad;
	}
	if (vg_find_lv(vg, new_name)) {
		log_error("Logical Volume \"%s\" already exists in volume group \"%s\"",
			  new_name, vg->name);
		goto bad;
	}
	if (vg_rename_lv(vg, lv, new_name) || cmd_commit_vg(cmd, vg))
		goto bad;
	act = act_begin(cmd);
	if (act_rename(act, lv, old)) {
		act_end(act);
		goto bad;
	}
	act_end(act);
	log_print("Renamed \"%s\" to \"%s\" in volume group \"%s\"", old, new_name, vg->name);
	vg_free(vg);
	return EXIT_OK;
bad:
	vg_free(vg);
	return EXIT_FAILED;
}
