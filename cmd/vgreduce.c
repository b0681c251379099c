#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "cmd/vgcommon.h"
#include "device/device.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/hash.h"
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

/* Whether lv has an extent on a missing PV or on an LV already marked. */
static int lv_is_partial(const struct logical_volume *lv, const struct hash *partial)
{
	const struct lv_segment *seg;
	uint32_t i;

	TAILQ_FOREACH(seg, &lv->segments, list)
		for (i = 0; i < seg->area_count; i++) {
			const struct seg_area *a = &seg->areas[i];

			if (a->type == AREA_PV && !a->u.pv.pv->dev)
				return 1;
			if (a->type == AREA_LV && a->u.lv.lv &&
			    hash_lookup(partial, a->u.lv.lv->name))
				return 1;
		}
	return 0;
}

/*
 * Marks every LV that lost extents with the missing PVs, and (until
 * nothing changes; stacks are shallow) the LVs built on those.
 */
static struct hash *find_partial_lvs(const struct volume_group *vg)
{
	struct hash *partial = hash_create(16);
	const struct logical_volume *lv;
	int changed = 1;

	while (changed) {
		changed = 0;
		TAILQ_FOREACH(lv, &vg->lvs, list)
			if (!hash_lookup(partial, lv->name) && lv_is_partial(lv, partial)) {
				hash_insert(partial, lv->name, (void *)lv);
				changed = 1;
			}
	}
	return partial;
}

/*
 * --removemissing: LVs on missing PVs go only with --force (LVM2's
 * wording); refusing happens before anything is written.  Returns the
 * number of LVs removed from vg (names in *removed), or -1.
 */
static int drop_partial_lvs(struct cmd_context *cmd, struct volume_group *vg,
			    const char ***removed)
{
	struct hash *partial = find_partial_lvs(vg);
	struct logical_volume *lv, *next;
	int n = 0, force = arg_is_set(cmd, OPT_FORCE);

	*removed = POOL_ARRAY(cmd->mem, const char *, hash_count(partial) + 1);
	if (hash_count(partial) && !force) {
		TAILQ_FOREACH(lv, &vg->lvs, list)
			if (hash_lookup(partial, lv->name))
				log_warn("Partial LV %s needs to be repaired or removed. ",
					 lv->name);
		log_error("There are still partial LVs in VG %s.", vg->name);
		log_error("To remove them unconditionally use: vgreduce --removemissing --force.");
		hash_destroy(partial);
		return -1;
	}
	for (lv = TAILQ_FIRST(&vg->lvs); lv; lv = next) {
		next = TAILQ_NEXT(lv, list);
		if (!hash_lookup(partial, lv->name))
			continue;
		log_warn("Removing partial LV %s/%s.", vg->name, lv->name);
		(*removed)[n++] = lv->name;
		vg_remove_lv(vg, lv);
	}
	hash_destroy(partial);
	if (n)
		vg_recount(vg);
	return n;
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
				log_error("Missing PV %s is still used by LVs.",
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
	const char **removed_lvs = NULL;
	int n, i, nlvs = 0;

	if (cmd->argc < 2 && !arg_is_set(cmd, OPT_ALL) && !arg_is_set(cmd, OPT_REMOVEMISSING)) {
		log_error("Please give volume group name and physical volume paths.");
		return EXIT_BAD_CMDLINE;
	}
	if (cmd_lock_global(cmd, 1))
		return EXIT_FAILED;
	vg = cmd_read_vg_for_update(cmd, name);
	if (!vg)
		return EXIT_FAILED;
	if (arg_is_set(cmd, OPT_REMOVEMISSING)) {
		nlvs = drop_partial_lvs(cmd, vg, &removed_lvs);
		if (nlvs < 0)
			goto bad;
	}
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
	for (i = 0; i < nlvs; i++)
		log_print("Logical volume \"%s\" successfully removed.", removed_lvs[i]);
	if (arg_is_set(cmd, OPT_REMOVEMISSING))
		log_print("Wrote out consistent volume group %s.", vg->name);
	vg_free(vg);
	return EXIT_OK;
bad:
	vg_free(vg);
	return EXIT_FAILED;
}
