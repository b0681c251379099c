#include <string.h>

#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "cmd/vgcommon.h"
#include "device/device.h"
#include "format/label.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"

static int change_pv(struct cmd_context *cmd, struct volume_group *vg, struct physical_volume *pv)
{
	int v;

	if (arg_is_set(cmd, OPT_ALLOCATABLE)) {
		if (arg_yesno(cmd, OPT_ALLOCATABLE, 1, &v))
			return -1;
		if (v)
			pv->status |= PV_ALLOCATABLE;
		else
			pv->status &= ~PV_ALLOCATABLE;
	}
	if (vg_tags_from_args(cmd, vg, &pv->tags))
		return -1;
	if (arg_is_set(cmd, OPT_METADATAIGNORE)) {
		unsigned i;

		if (arg_yesno(cmd, OPT_METADATAIGNORE, 0, &v))
			return -1;
		for (i = 0; i < pv->mda_count; i++) {
			struct pv_info *info = scan_find_dev(cmd->scan, pv->dev);

			pv->mdas[i].ignored = v;
			if (info)
				info->mdas[i].ignored = v;
		}
	}
	if (arg_is_set(cmd, OPT_NEWUUID)) {
		struct lvm_id id;

		if (!scan_find_dev(cmd->scan, pv->dev) || id_create(&id))
			return -1;
		/*
		 * Metadata first; the commit then rewrites the label to match.
		 * A crash in between leaves a VG that lists the new id and a
		 * device still labelled with the old one, which readers match
		 * up (vg_attach_devices) and the next commit relabels.
		 */
		vg_set_pv_id(vg, pv, &id);
	}
	return 0;
}

/* Changes the PVs of one VG that the arguments name, in one commit. */
static int change_in_vg(struct cmd_context *cmd, const char *vg_name, const char *only_path,
			unsigned *changed)
{
	struct volume_group *vg = cmd_read_vg_for_update(cmd, vg_name);
	struct physical_volume *pv;
	int r = -1;

	if (!vg)
		return -1;
	TAILQ_FOREACH(pv, &vg->pvs, list) {
		if (!pv->dev || (only_path && strcmp(pv->dev->path, only_path)))
			continue;
		if (change_pv(cmd, vg, pv))
			goto out;
		(*changed)++;
	}
	if (cmd_commit_vg(cmd, vg))
		goto out;
	TAILQ_FOREACH(pv, &vg->pvs, list)
		if (pv->dev && (!only_path || !strcmp(pv->dev->path, only_path)))
			log_print("Physical volume \"%s\" changed", pv->dev->path);
	r = 0;
out:
	vg_free(vg);
	return r;
}

int cmd_pvchange(struct cmd_context *cmd)
{
	struct lvm_scan *scan;
	unsigned changed = 0, failed = 0;
	int i, bad_arg = 0;

	if (!arg_is_set(cmd, OPT_ALLOCATABLE) && !arg_is_set(cmd, OPT_ADDTAG) &&
	    !arg_is_set(cmd, OPT_DELTAG) && !arg_is_set(cmd, OPT_NEWUUID) &&
	    !arg_is_set(cmd, OPT_METADATAIGNORE)) {
		log_error("Please give one or more of -x, -uuid, --addtag, --deltag, --metadataignore");
		return EXIT_BAD_CMDLINE;
	}
	if (!cmd->argc && !arg_is_set(cmd, OPT_ALL)) {
		log_error("Please give a physical volume path or use --all");
		return EXIT_BAD_CMDLINE;
	}
	if (cmd_lock_global(cmd, 1))
		return EXIT_FAILED;
	scan = cmd_scan(cmd);
	if (!scan)
		return EXIT_FAILED;
	scan_resolve_members(scan);
	if (arg_is_set(cmd, OPT_ALL)) {
		struct vg_info *vi;

		TAILQ_FOREACH(vi, &scan->vgs, list)
			if (change_in_vg(cmd, vi->name, NULL, &changed))
				failed++;
	}
	for (i = 0; i < cmd->argc; i++) {
		struct device *dev = cmd_get_device(cmd, cmd->argv[i]);
		struct pv_info *info = dev ? scan_find_dev(scan, dev) : NULL;

		/* LVM2 leaves a path with no usable device out of the counts */
		if (!dev) {
			bad_arg = 1;
			continue;
		}
		if (!info)
			log_error("Failed to find physical volume \"%s\".", dev->path);
		else if (info && !info->vg)
			log_error("Physical volume %s is not in a volume group: pvchange needs one.",
				  dev->path);
		if (!info || !info->vg || change_in_vg(cmd, info->vg->name, dev->path, &changed)) {
			failed++;
			continue;
		}
	}
	log_print("%u physical volume%s changed / %u physical volume%s not changed",
		  changed, changed == 1 ? "" : "s", failed, failed == 1 ? "" : "s");
	return failed || bad_arg ? EXIT_FAILED : EXIT_OK;
}
