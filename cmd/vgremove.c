#include <stdio.h>
#include <unistd.h>

#include "cmd/activation.h"
#include "cmd/commands.h"
#include "cmd/reporting.h"
#include "metadata/backup.h"
#include "cmd/toolcontext.h"
#include "device/device.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "report/report.h"

static int remove_lvs(struct cmd_context *cmd, struct volume_group *vg)
{
	struct logical_volume *lv;
	struct activation *act;
	int r;

	if (!vg->lv_count)
		return 0;
	if (!arg_is_set(cmd, OPT_FORCE) &&
	    !cmd_confirm(cmd, "Do you really want to remove volume group \"%s\" containing %u logical volumes?",
			 vg->name, vg->lv_count)) {
		log_error("Volume group \"%s\" not removed", vg->name);
		return -1;
	}
	/* Deactivate first; an open LV stops everything before any change. */
	act = cmd_activation(cmd);
	r = act_vg_deactivate_quiet(act, vg);
	if (r)
		return -1;
	while ((lv = TAILQ_FIRST(&vg->lvs))) {
		const char *lvname = lv->name;
		int visible = lv_is_visible(lv);

		vg_remove_lv(vg, lv);
		if (visible)
			log_print("Logical volume \"%s\" successfully removed.", lvname);
	}
	return 0;
}

static struct pv_info *pv_info_of(struct cmd_context *cmd, const struct physical_volume *pv)
{
	return pv->dev ? scan_find_dev(cmd->scan, pv->dev) : NULL;
}

static int remove_one(struct cmd_context *cmd, const char *name, struct report *sel)
{
	struct volume_group *vg = cmd_read_vg_for_update(cmd, name);
	struct physical_volume *pv;
	int r = -1;

	if (!vg)
		return -1;
	if (sel && !report_vg_selected(sel, vg)) {
		vg_free(vg);
		return 0;
	}
	if (remove_lvs(cmd, vg))
		goto out;
	/*
	 * Each PV becomes an orphan: used flag cleared, then slots zeroed.
	 * All the flags go first: a PV marked used with no copy of its VG
	 * left anywhere reads in LVM2 as in an unknown VG, while one still
	 * listed by a copy reads as the VG's (a warning the re-run heals).
	 * The VG then ends with the last copy wiped, whatever the crash.
	 */
	TAILQ_FOREACH(pv, &vg->pvs, list) {
		struct pv_info *info = pv_info_of(cmd, pv);

		if (info && pv_set_used(info, 0, cmd->test_mode))
			goto out;
	}
	TAILQ_FOREACH(pv, &vg->pvs, list) {
		struct pv_info *info = pv_info_of(cmd, pv);

		if (info && pv_orphan(cmd->scan, info, cmd->test_mode))
			goto out;
	}
	if (!cmd->test_mode) {
		struct backup_settings bs;
		char path[4096];

		/* The backup describes a VG that no longer exists; archives stay. */
		cmd_backup_settings(cmd, &bs);
		if (bs.backup_dir && snprintf(path, sizeof(path), "%s/%s", bs.backup_dir,
					      vg->name) < (int)sizeof(path))
			unlink(path);
	}
	log_print("Volume group \"%s\" successfully removed", vg->name);
	r = 0;
out:
	vg_free(vg);
	return r;
}

/* The names of every VG, taken before any goes: removing changes the scan. */
static const char **all_vg_names(struct cmd_context *cmd, int *n)
{
	struct lvm_scan *scan = cmd_scan(cmd);
	struct vg_info *vi;
	const char **names;

	*n = 0;
	if (!scan)
		return NULL;
	TAILQ_FOREACH(vi, &scan->vgs, list)
		(*n)++;
	names = POOL_ARRAY(cmd->mem, const char *, (size_t)*n + 1);
	*n = 0;
	TAILQ_FOREACH(vi, &scan->vgs, list)
		names[(*n)++] = pool_strdup(cmd->mem, vi->name);
	return names;
}

int cmd_vgremove(struct cmd_context *cmd)
{
	struct report *sel;
	const char **names;
	int i, n, r = EXIT_OK;

	if (!cmd->argc && !arg_is_set(cmd, OPT_SELECT)) {
		log_error("Please enter one or more volume group paths or use --select for selection.");
		return EXIT_BAD_CMDLINE;
	}
	i = cmd_vg_selection(cmd, &sel);
	if (i >= 0)
		return i;
	if (cmd_lock_global(cmd, 1)) {
		report_destroy(sel);
		return EXIT_FAILED;
	}
	if (cmd->argc) {
		for (i = 0; i < cmd->argc; i++)
			if (remove_one(cmd, cmd_vg_name_arg(cmd, cmd->argv[i]), sel))
				r = EXIT_FAILED;
	} else if (!(names = all_vg_names(cmd, &n))) {
		r = EXIT_FAILED;
	} else {
		for (i = 0; i < n; i++)
			if (remove_one(cmd, names[i], sel))
				r = EXIT_FAILED;
	}
	report_destroy(sel);
	return r;
}
