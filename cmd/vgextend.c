#include "cmd/commands.h"
#include "cmd/pvcommon.h"
#include "cmd/toolcontext.h"
#include "cmd/vgcommon.h"
#include "device/device.h"
#include "metadata/metadata.h"
#include "misc/log.h"

/*
 * A PV written as MISSING while its device was away is usable again once
 * the device is back: only the flag changes.  0 if restored, -1 if not.
 */
static int restore_one(struct cmd_context *cmd, struct volume_group *vg, const char *path)
{
	struct device *dev = cmd_get_device(cmd, path);
	struct physical_volume *pv = dev ? vg_find_pv_by_dev(vg, dev) : NULL;

	if (!pv) {
		log_warn("PV %s not found in VG %s", path, vg->name);
		return -1;
	}
	if (!(pv->flags & PV_F_MISSING) && !(pv->status & PV_MISSING)) {
		log_warn("PV %s was not lost.", path);
		return -1;
	}
	pv->flags &= ~PV_F_MISSING;
	pv->status &= ~PV_MISSING;
	pv->dev_hint = dev->path;	/* it was written as "[unknown]" */
	return 0;
}

static int restore_missing(struct cmd_context *cmd, const char *name)
{
	struct volume_group *vg;
	int i, restored = 0;

	if (cmd_lock_global(cmd, 1))
		return EXIT_FAILED;
	vg = cmd_read_vg_for_update(cmd, name);
	if (!vg)
		return EXIT_FAILED;
	for (i = 1; i < cmd->argc; i++)
		restored += !restore_one(cmd, vg, cmd->argv[i]);
	if (!restored) {
		log_error("No PV has been restored.");
		vg_free(vg);
		return EXIT_FAILED;
	}
	if (cmd_commit_vg(cmd, vg) || vg_mark_pvs_used(cmd, vg)) {
		vg_free(vg);
		return EXIT_FAILED;
	}
	log_print("Volume group \"%s\" successfully extended", vg->name);
	vg_free(vg);
	return EXIT_OK;
}

int cmd_vgextend(struct cmd_context *cmd)
{
	const char *name = cmd_vg_name_arg(cmd, cmd->argv[0]);
	struct pv_create_params params;
	struct volume_group *vg;
	int i;

	if (arg_is_set(cmd, OPT_RESTOREMISSING))
		return restore_missing(cmd, name);
	if (pv_params_from_args(cmd, &params))
		return EXIT_BAD_CMDLINE;
	if (cmd_lock_global(cmd, 1) ||
	    vg_device_args_usable(cmd, cmd->argc - 1, cmd->argv + 1))
		return EXIT_FAILED;
	vg = cmd_read_vg_for_update(cmd, name);
	if (!vg)
		return EXIT_FAILED;
	if (!(vg->status & VG_RESIZEABLE)) {
		log_error("Volume group %s is not resizeable.", vg->name);
		goto bad;
	}
	for (i = 1; i < cmd->argc; i++)
		if (vg_add_device(cmd, vg, cmd->argv[i], &params))
			goto bad;
	if (vg->max_pv && vg->pv_count > vg->max_pv) {
		log_error("Volume group %s would have %u PVs, more than its maximum of %u.",
			  vg->name, vg->pv_count, vg->max_pv);
		goto bad;
	}
	/* Commit first: a crash before the label update leaves an orphan, not a ghost. */
	if (cmd_commit_vg(cmd, vg) || vg_mark_pvs_used(cmd, vg))
		goto bad;
	log_print("Volume group \"%s\" successfully extended", vg->name);
	vg_free(vg);
	return EXIT_OK;
bad:
	vg_free(vg);
	return EXIT_FAILED;
}
