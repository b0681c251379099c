/* lvremove: drop LVs from the metadata (they are never active in openlvm). */
#include <string.h>

#include "cmd/command.h"
#include "cmd/commands.h"
#include "cmd/lvcommon.h"
#include "cmd/toolcontext.h"
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

static int remove_one(struct volume_group *vg, struct logical_volume *lv)
{
	if (!lv_is_visible(lv)) {
		log_error("Can't remove internal logical volume %s/%s.", vg->name, lv->name);
		return -1;
	}
	vg_remove_lv(vg, lv);
	return 0;
}

/* One argument: "vg/lv" or a whole "vg". */
static int remove_arg(struct cmd_context *cmd, const char *arg)
{
	const char *vg_name = cmd_vg_name_arg(cmd, arg), *lv_name = NULL;
	struct logical_volume *lv, *next, **gone;
	struct volume_group *vg;
	unsigned n = 0;

	if (strchr(arg + (strncmp(arg, "/dev/", 5) ? 0 : 5), '/') &&
	    lv_name_arg(cmd, arg, NULL, &vg_name, &lv_name))
		return -1;
	vg = cmd_read_vg_for_update(cmd, vg_name);
	if (!vg)
		return -1;
	gone = POOL_ARRAY(cmd->mem, struct logical_volume *, vg->lv_count + 1);
	if (lv_name) {
		lv = vg_find_lv(vg, lv_name);
		if (!lv) {
			log_error("Failed to find logical volume \"%s/%s\"", vg->name, lv_name);
			goto bad;
		}
		if (remove_one(vg, lv))
			goto bad;
		gone[n++] = lv;
	} else {
		for (lv = TAILQ_FIRST(&vg->lvs); lv; lv = next) {
			next = TAILQ_NEXT(lv, list);
			if (lv_is_visible(lv) && !remove_one(vg, lv))
				gone[n++] = lv;
		}
	}
	vg_recount(vg);
	if (n && cmd_commit_vg(cmd, vg))
		goto bad;
	for (unsigned i = 0; i < n; i++)
		log_print("Logical volume \"%s\" successfully removed.", gone[i]->name);
	vg_free(vg);
	return 0;
bad:
	vg_free(vg);
	return -1;
}

static int cmd_lvremove(struct cmd_context *cmd)
{
	int r = EXIT_OK;

	for (int i = 0; i < cmd->argc; i++)
		if (remove_arg(cmd, cmd->argv[i]))
			r = EXIT_FAILED;
	return r;
}
