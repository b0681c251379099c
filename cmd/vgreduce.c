#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "cmd/vgcommon.h"
#include "device/device.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "misc/pool.h"

static int removable(const struct volume_group *vg, const struct physical_volume *pv,
		     const char *label)
{
	if (pv->pe_alloc_count) {
		log_error("Physical volume \"%s\" still in use", label);
		return 0;
	}
	if (vg->pv_count == 1) {
		log_error("Can't remove final physical volume \"%s\" from volume group \"%s\"",
			  label, vg->name);
		return 0;
	}
	return 1;
}

static const char *pv_label_name(const struct physical_volume *pv, struct pool *mem)
{
	char dashed[ID_DASHED_LEN + 1];

	if (pv->dev)
		return pv->dev->path;
	id_format(&pv->id, dashed);
	return pool_printf(mem, "[unknown] (%s)", dashed);
}

/* Collects PVs to remove into out; returns count or -1. */
static int pick_pvs(struct cmd_context *cmd, struct volume_group *vg,
		    struct physical_volume **out)
{
	struct physical_volume *pv;
	int i, n = 0;

	if (arg_is_set(cmd, OPT_ALL) || arg_is_set(cmd, OPT_REMOVEMISSING)) {
		int missing_only = arg_is_set(cmd, OPT_REMOVEMISSING);

		TAILQ_FOREACH(pv, &vg->pvs, list) {
			if (missing_only ? pv->dev != NULL : pv->pe_alloc_count != 0)
				continue;
			if (missing_only && pv->pe_alloc_count) {
				log_error("Missing PV %s is used by LVs: not removed "
					  "(removing LVs with --force is not implemented yet).",
					  pv_label_name(pv, cmd->mem));
				return -1;
			}
			out[n++] = pv;
		}
		if (!missing_only && n == (int)vg->pv_count)
			n--;	/* keep one PV, as LVM2 does */
		return n;
	}
	for (i = 1; i < cmd->argc; i++) {
		pv = vg_find_pv_arg(cmd, vg, cmd->argv[i]);
		if (!pv || !removable(vg, pv, pv->dev->path))
			return -1;
		out[n++] = pv;
		vg_remove_pv(vg, pv);	/* so "final PV" is judged on what remains */
	}
	return n;
}

int cmd_vgreduce(struct cmd_context *cmd)
{
	const char *name = cmd_vg_name_arg(cmd, cmd->argv[0]);
	struct volume_group *vg;
	struct physical_volume **pvs;
	int n, i;

	if (cmd->argc < 2 && !arg_is_set(cmd, OPT_ALL) && !arg_is_set(cmd, OPT_REMOVEMISSING)) {
		log_error("Please give volume group name and physical volume paths.");
		return EXIT_BAD_CMDLINE;
	}
	if (cmd_lock_global(cmd, 1))
		return EXIT_FAILED;
	vg = cmd_read_vg_for_update(cmd, name);
	if (!vg)
		return EXIT_FAILED;
	pvs = POOL_ARRAY(cmd->mem, struct physical_volume *, vg->pv_count + 1);
	n = pick_pvs(cmd, vg, pvs);
	if (n < 0)
		goto bad;
	if (arg_is_set(cmd, OPT_ALL) || arg_is_set(cmd, OPT_REMOVEMISSING))
		for (i = 0; i < n; i++)
			vg_remove_pv(vg, pvs[i]);
	if (!n) {
		log_print("No physical volumes removed from volume group \"%s\"", vg->name);
		vg_free(vg);
		return EXIT_OK;
	}
	vg_recount(vg);
	/*
	 * Order for crash safety: clear the used flags (a crash leaves the old
	 * VG, whose next commit sets them again), commit (the VG stops listing
	 * the PVs), then wipe their metadata areas (a crash leaves outdated
	 * copies on unflagged PVs, which the VG's next commit clears).
	 */
	for (i = 0; i < n; i++) {
		struct pv_info *info = pvs[i]->dev ? scan_find_dev(cmd->scan, pvs[i]->dev) : NULL;

		if (info && pv_set_used(info, 0, cmd->test_mode))
			goto bad;
	}
	if (cmd_commit_vg(cmd, vg))
		goto bad;
	for (i = 0; i < n; i++) {
		struct pv_info *info = pvs[i]->dev ? scan_find_dev(cmd->scan, pvs[i]->dev) : NULL;

		if (info && pv_orphan(cmd->scan, info, cmd->test_mode))
			goto bad;
		if (pvs[i]->dev)
			log_print("Removed \"%s\" from volume group \"%s\"", pvs[i]->dev->path, vg->name);
	}
	if (arg_is_set(cmd, OPT_REMOVEMISSING))
		log_print("Wrote out consistent volume group %s.", vg->name);
	vg_free(vg);
	return EXIT_OK;
bad:
	vg_free(vg);
	return EXIT_FAILED;
}
