/* lvremove: drop LVs from the metadata, deactivating them first. */
#include <string.h>

#include "cmd/activation.h"
#include "cmd/command.h"
#include "cmd/commands.h"
#include "cmd/lvcommon.h"
#include "cmd/toolcontext.h"
#include "activate/activate.h"
#include "metadata/metadata.h"
#include "misc/log.h"
#include "misc/pool.h"

static int cmd_lvremove(struct cmd_context *cmd);

const struct command_def cmddef_lvremove = {
	"lvremove", cmd_lvremove, "Remove logical volume(s) from the system",
	"  lvremove VG|LV|Tag|Select ...\n",
	(const enum option_id[]){ OPT_NOUDEVSYNC, OPT_COUNT },
	1, -1
};

/* An active LV is deactivated (after asking) before its metadata goes. */
static int deactivate_for_removal(struct cmd_context *cmd, struct activation *act,
				  struct logical_volume *lv)
{
	struct kdm_info info;

	if (act_lv_info(act, lv, &info))
		return -1;
	if (!info.exists)
		return 0;
	if (info.open_count > 0) {
		log_error("Logical volume %s/%s contains a filesystem in use.", lv->vg->name,
			  lv->name);
		return -1;
	}
	if (info.live_table && !arg_is_set(cmd, OPT_FORCE) &&
	    !cmd_confirm(cmd, "Do you really want to remove active logical volume %s/%s? [y/n]: ",
			 lv->vg->name, lv->name)) {
		log_error("Logical volume %s not removed.", lv->name);
		return -1;
	}
	return act_deactivate(act, lv);
}

static int remove_one(struct cmd_context *cmd, struct activation *act,
		      struct volume_group *vg, struct logical_volume *lv)
{
	if (!lv_is_visible(lv)) {
		log_error("Can't remove internal logical volume %s/%s.", vg->name, lv->name);
		return -1;
	}
	if (deactivate_for_removal(cmd, act, lv))
		return -1;
	vg_remove_lv(vg, lv);
	return 0;
}

/* LV name of an argument ("vg/lv" form), NULL for a whole VG; -1 if bad. */
static int arg_lv_name(struct cmd_context *cmd, const char *arg, const char **vg_name,
		       const char **lv_name)
{
	*vg_name = cmd_vg_name_arg(cmd, arg);
	*lv_name = NULL;
	if (strchr(arg + (strncmp(arg, "/dev/", 5) ? 0 : 5), '/'))
		return lv_name_arg(cmd, arg, NULL, vg_name, lv_name);
	return 0;
}

/* Removes what one argument names from vg; counts removed LVs into gone. */
static int remove_named(struct cmd_context *cmd, struct activation *act,
			struct volume_group *vg, const char *lv_name,
			struct logical_volume **gone, unsigned *n)
{
	struct logical_volume *lv, *next;
	int r = 0;

	if (lv_name) {
		lv = vg_find_lv(vg, lv_name);
		if (!lv) {
			log_error("Failed to find logical volume \"%s/%s\"", vg->name, lv_name);
			return -1;
		}
		if (remove_one(cmd, act, vg, lv))
			return -1;
		gone[(*n)++] = lv;
		return 0;
	}
	/* The others still go when one is refused; the command then fails. */
	for (lv = TAILQ_FIRST(&vg->lvs); lv; lv = next) {
		next = TAILQ_NEXT(lv, list);
		if (!lv_is_visible(lv))
			continue;
		if (remove_one(cmd, act, vg, lv))
			r = -1;
		else
			gone[(*n)++] = lv;
	}
	return r;
}

/*
 * Every argument naming VG vg_name (from argument first on), read, changed
 * and committed once: a VG is locked and read only once per command.
 */
static int remove_in_vg(struct cmd_context *cmd, struct activation *act, const char *vg_name,
			int first, unsigned char *done)
{
	struct logical_volume **gone;
	struct volume_group *vg;
	unsigned n = 0;
	int r = 0;

	vg = cmd_read_vg_for_update(cmd, vg_name);
	if (!vg)
		return -1;
	gone = POOL_ARRAY(cmd->mem, struct logical_volume *, vg->lv_count + 1);
	for (int i = first; i < cmd->argc; i++) {
		const char *vname, *lname;

		if (done[i] || arg_lv_name(cmd, cmd->argv[i], &vname, &lname) ||
		    strcmp(vname, vg_name))
			continue;
		done[i] = 1;
		if (remove_named(cmd, act, vg, lname, gone, &n))
			r = -1;
	}
	vg_recount(vg);
	if (n && cmd_commit_vg(cmd, vg))
		r = -1;
	else
		for (unsigned i = 0; i < n; i++)
			log_print("Logical volume \"%s\" successfully removed.", gone[i]->name);
	vg_free(vg);
	return r;
}

static int cmd_lvremove(struct cmd_context *cmd)
{
	struct activation *act = act_begin(cmd);
	unsigned char *done = pool_alloc(cmd->mem, (size_t)cmd->argc + 1);
	int r = EXIT_OK;

	for (int i = 0; i < cmd->argc; i++) {
		const char *vg_name, *lv_name;

		if (done[i])
			continue;
		if (arg_lv_name(cmd, cmd->argv[i], &vg_name, &lv_name)) {
			done[i] = 1;
			r = EXIT_FAILED;
			continue;
		}
		if (remove_in_vg(cmd, act, vg_name, i, done))
			r = EXIT_FAILED;
	}
	act_end(act);
	return r;
}
