/* lvscan: one line per LV of every VG found. */
#include <string.h>

#include "cmd/activation.h"
#include "cmd/command.h"
#include "cmd/commands.h"
#include "cmd/lvcommon.h"
#include "cmd/toolcontext.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "report/report.h"

static int cmd_lvscan(struct cmd_context *cmd);

const struct command_def cmddef_lvscan = {
	"lvscan", cmd_lvscan, "List all logical volumes in all volume groups",
	"  lvscan\n",
	(const enum option_id[]){ OPT_ALL, OPT_IGNORELOCKINGFAILURE, OPT_COUNT },
	0, 0
};

static void scan_vg(struct cmd_context *cmd, struct activation *act,
		    const struct volume_group *vg)
{
	const struct logical_volume *lv;

	TAILQ_FOREACH(lv, &vg->lvs, list) {
		struct lv_state_info st;
		int active;

		if (!lv_is_visible(lv) && !arg_is_set(cmd, OPT_ALL))
			continue;
		/* Without device-mapper every LV reads as inactive, as in LVM2. */
		memset(&st, 0, sizeof(st));
		active = !act_report_state(lv, act, &st) && !st.unknown && st.active;
		log_print("%-18s'/dev/%s/%s' [%s] %s", active ? "ACTIVE" : "inactive", vg->name,
			  lv->name, lv_size_str(cmd, vg, lv->le_count), alloc_policy_name(lv->alloc));
	}
}

static int cmd_lvscan(struct cmd_context *cmd)
{
	struct lvm_scan *scan;
	struct vg_info *vi;
	struct activation *act;
	int r = EXIT_OK;

	if (cmd_lock_global(cmd, 0))
		return EXIT_FAILED;
	scan = cmd_scan(cmd);
	if (!scan)
		return EXIT_FAILED;
	act = cmd_activation(cmd);	/* ended with the command */
	TAILQ_FOREACH(vi, &scan->vgs, list) {
		struct volume_group *vg;

		if (cmd_lock_vg(cmd, vi->name, 0))
			return EXIT_FAILED;
		vg = vg_read(scan, vi->name, VG_READ_ALLOW_EXPORTED);
		if (!vg) {
			r = EXIT_FAILED;
			continue;
		}
		scan_vg(cmd, act, vg);
		vg_free(vg);
	}
	return r;
}
