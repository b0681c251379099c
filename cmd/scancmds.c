/* pvscan and vgscan: list what scanning finds. */
#include <stdio.h>

#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "device/device.h"
#include "format/ondisk.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "misc/units.h"

static void size_str(uint64_t bytes, char *buf, unsigned len)
{
	format_size(bytes, "r", 1, buf, len);
}

struct pvscan_totals {
	uint64_t all, in_vg, no_vg;
	unsigned n_all, n_vg, n_novg;
};

static void pvscan_line(struct cmd_context *cmd, const struct pv_info *info,
			const struct volume_group *vg, struct pvscan_totals *t)
{
	const struct physical_volume *pv = vg ? vg_find_pv_by_id(vg, &info->label.pv_id) : NULL;
	char a[40], b[40], uuid[ID_DASHED_LEN + 1];
	uint64_t size, free_bytes;

	if (pv) {
		size = (uint64_t)pv->pe_count * vg->extent_size * SECTOR_SIZE;
		free_bytes = (uint64_t)(pv->pe_count - pv->pe_alloc_count) * vg->extent_size * SECTOR_SIZE;
	} else {
		size = free_bytes = info->label.device_size;
	}
	if (arg_is_set(cmd, OPT_EXPORTED) && (!vg || !(vg->status & VG_EXPORTED)))
		return;
	if (arg_is_set(cmd, OPT_NOVOLUMEGROUP) && vg)
		return;
	size_str(size, a, sizeof(a));
	size_str(free_bytes, b, sizeof(b));
	if (arg_is_set(cmd, OPT_SHORT)) {
		printf("  %s\n", info->dev->path);
	} else if (arg_is_set(cmd, OPT_UUID)) {
		id_format(&info->label.pv_id, uuid);
		printf("  PV %-10s with UUID %s VG %-10s lvm2 [%s / %s free]\n", info->dev->path,
		       uuid, vg ? vg->name : "", a, b);
	} else if (vg) {
		printf("  PV %-10s VG %-10s lvm2 [%s / %s free]\n", info->dev->path, vg->name, a, b);
	} else {
		printf("  PV %-10s %-13s lvm2 [%s]\n", info->dev->path, "", a);
	}
	t->all += size;
	t->n_all++;
	if (vg) {
		t->in_vg += size;
		t->n_vg++;
	} else {
		t->no_vg += size;
		t->n_novg++;
	}
}

int cmd_pvscan(struct cmd_context *cmd)
{
	struct lvm_scan *scan;
	struct pv_info *info;
	struct pvscan_totals t = { 0, 0, 0, 0, 0, 0 };
	char a[40], b[40], c[40];

	if (cmd_lock_global(cmd, 0) || !(scan = cmd_scan(cmd)))
		return EXIT_FAILED;
	if (arg_is_set(cmd, OPT_ACTIVATE)) {
		log_error("pvscan --activate is not implemented in openlvm; use vgchange -aay.");
		return EXIT_FAILED;
	}
	scan_resolve_members(scan);
	TAILQ_FOREACH(info, &scan->pvs, list)
		pvscan_line(cmd, info, info->vg ? info->vg->vg : NULL, &t);
	if (!t.n_all) {
		log_print("No matching physical volumes found");
		return EXIT_OK;
	}
	size_str(t.all, a, sizeof(a));
	size_str(t.in_vg, b, sizeof(b));
	size_str(t.no_vg, c, sizeof(c));
	printf("  Total: %u [%s] / in use: %u [%s] / in no VG: %u [%s]\n", t.n_all, a, t.n_vg, b,
	       t.n_novg, c);
	return EXIT_OK;
}

int cmd_vgscan(struct cmd_context *cmd)
{
	struct lvm_scan *scan;
	struct vg_info *vi;

	if (arg_is_set(cmd, OPT_MKNODES)) {
		log_error("vgscan --mknodes is not implemented in openlvm; use vgmknodes.");
		return EXIT_FAILED;
	}
	if (cmd_lock_global(cmd, 0) || !(scan = cmd_scan(cmd)))
		return EXIT_FAILED;
	TAILQ_FOREACH(vi, &scan->vgs, list)
		log_print("Found %svolume group \"%s\" using metadata type lvm2", "", vi->name);
	return EXIT_OK;
}
