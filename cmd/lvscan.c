/* lvscan: one line per LV of every VG found. */
#include "cmd/command.h"
#include "cmd/commands.h"
#include "cmd/lvcommon.h"
#include "cmd/toolcontext.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"

static int cmd_lvscan(struct cmd_context *cmd);

const struct command_def cmddef_lvscan = {
	"lvscan", cmd_lvscan, "List all logical volumes in all volume groups",
	"  lvscan\n",
	(const enum option_id[]){ OPT_ALL, OPT_IGNORELOCKINGFAILURE, OPT_COUNT },
	0, 0
};

static void scan_vg(struct cmd_context *cmd, const struct volume_group *vg)
{
	const struct logical_volume *lv;

	TAILQ_FOREACH(lv, &vg->lvs, list) {
		if (!lv_is_visible(lv) && !arg_is_set(cmd, OPT_ALL))
			continue;
		/* Never active without device-mapper: LVM2 prints the same then. */
		log_print("inactive          '/dev/%s/%s' [%s] %s", vg->name, lv->name,
			  lv_size_str(cmd, vg, lv->le_count), alloc_policy_name(lv->alloc));
	}
}

static int cmd_lvscan(struct cmd_context *cmd)
{
	struct lvm_scan *scan;
	struct vg_info *vi;
	int r = EXIT_OK;

	if (cmd_lock_global(cmd, 0))
		return EXIT_FAILED;
	scan = cmd_scan(cmd);
	if (!scan)
		return EXIT_FAILED;
	TAILQ_FOREACH(vi, &scan->vgs, list) {
		struct volume_group *vg;

		if (cmd_lock_vg(cmd, vi->name, 0))
			return EXIT_FAILED;
		vg = vg_read(scan, vi->name, VG_READ_ALLOW_EXPORTED);
		if (!vg) {
			r = EXIT_FAILED;
			continue;
		}
		scan_vg(cmd, vg);
		vg_free(vg);
	}
	return r;
}
