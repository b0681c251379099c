/*
 * pvdisplay, vgdisplay, lvdisplay: LVM2's fixed-layout descriptions of
 * PVs, VGs and LVs (long, -c colon, -s short and -m map forms).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/activation.h"
#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "device/device.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/hash.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/units.h"
#include "report/report.h"

struct display {
	struct cmd_context *cmd;
	const char *units;
	uint64_t unit_bytes;		/* --units 2.5m: multiples of 2.5 MiB (0: none) */
	int unit_as_u;			/* ... shown as "Un" */
	struct activation *act;		/* kernel state of LVs (lvdisplay, vgdisplay -v) */
};

/* LVM2's internal status bits, as the colon forms print them. */
#define C_VG_EXPORTED	0x002u
#define C_VG_RESIZEABLE	0x004u
#define C_PV_ALLOCATABLE 0x008u
#define C_READ		0x100u
#define C_WRITE		0x200u

/* "64.00 MiB", "<60.00 MiB", "131072 Se", "0   ": display-style sizes. */
static const char *dsize(const struct display *d, uint64_t bytes)
{
	static const char *const bin[] = { "B ", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
	static const char *const si[] = { "B ", "KB", "MB", "GB", "TB", "PB", "EB" };
	const char *letters = "bkmgtpe", *p;
	char buf[64];
	size_t n;
	int c;

	if (!bytes)
		return "0   ";
	if (d->unit_bytes)
		format_size_count(bytes, d->unit_bytes, d->units[0], d->unit_as_u, 1, buf, sizeof(buf));
	else
		format_size(bytes, d->units, 1, buf, sizeof(buf));
	n = strlen(buf);
	c = (unsigned char)buf[n - 1];
	buf[n - 1] = '\0';
	if (c == 'S')
		return pool_printf(d->cmd->mem, "%s Se", buf);
	if (c == 'B')
		return pool_printf(d->cmd->mem, "%s B ", buf);
	if (c == 'U')
		return pool_printf(d->cmd->mem, "%s Un", buf);
	p = strchr(letters, c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	if (!p)
		return pool_printf(d->cmd->mem, "%s%c", buf, c);
	return pool_printf(d->cmd->mem, "%s %s", buf,
			   (c >= 'A' && c <= 'Z' ? si : bin)[p - letters]);
}

static const char *uuid_str(struct pool *mem, const struct lvm_id *id)
{
	char *s = pool_alloc(mem, ID_DASHED_LEN + 1);

	id_format(id, s);
	return s;
}

static int setup_display(struct cmd_context *cmd, struct display *d)
{
	/* Showing everything when asked for a selection would be a wrong answer. */
	if (arg_is_set(cmd, OPT_SELECT)) {
		log_error("-S|--select is not implemented for %s; use the report "
			  "commands (pvs, vgs, lvs -S).", cmd->def->name);
		return -1;
	}
	d->cmd = cmd;
	/* Pool-allocated; the kernel is only asked when an LV is shown. */
	d->act = cmd_activation(cmd);
	d->units = arg_str(cmd, OPT_UNITS, cmd_config_str(cmd, "global/units", "r"));
	if (units_count(d->units, &d->units, &d->unit_bytes, &d->unit_as_u)) {
		log_error("Invalid argument for --units: %s", d->units);
		return -1;
	}
	if (!cmd_scan(cmd))
		return -1;
	return 0;
}

static int vg_name_cmp(const void *a, const void *b)
{
	return strcmp((*(struct vg_info *const *)a)->name, (*(struct vg_info *const *)b)->name);
}

/* Every VG of the scan, sorted by name. */
static struct vg_info **sorted_vgs(struct cmd_context *cmd, unsigned *count)
{
	struct vg_info *vi, **v;
	unsigned n = 0;

	TAILQ_FOREACH(vi, &cmd->scan->vgs, list)
		n++;
	v = POOL_ARRAY(cmd->mem, struct vg_info *, n + 1);
	n = 0;
	TAILQ_FOREACH(vi, &cmd->scan->vgs, list)
		v[n++] = vi;
	qsort(v, n, sizeof(*v), vg_name_cmp);
	*count = n;
	return v;
}

/* ------------------------------------------------------------------ PVs */

static uint32_t pv_free(const struct physical_volume *pv)
{
	return pv->pe_count - pv->pe_alloc_count;
}

static uint64_t pv_size_sectors(const struct physical_volume *pv)
{
	if (pv->dev_size)
		return pv->dev_size;
	return pv->dev ? pv->dev->size >> SECTOR_SHIFT : 0;
}

static void pv_long(const struct display *d, const struct physical_volume *pv)
{
	const struct volume_group *vg = pv->vg;
	uint64_t ext = (uint64_t)vg->extent_size << SECTOR_SHIFT;
	uint64_t size = pv_size_sectors(pv) << SECTOR_SHIFT;
	int alloc = !!(pv->status & PV_ALLOCATABLE);

	log_print("--- Physical volume ---");
	log_print("%-22s%s", "PV Name", pv->dev ? pv->dev->path : "[unknown]");
	log_print("%-22s%s%s", "VG Name", vg->name,
		  vg->status & VG_EXPORTED ? " (exported)" : "");
	if (pv->pe_count)
		log_print("%-22s%s / not usable %s", "PV Size", dsize(d, size),
			  dsize(d, size - pv->pe_count * ext));
	else
		log_print("%-22s%s", "PV Size", dsize(d, size));
	log_print("%-22s%s", "Allocatable",
		  !alloc ? "NO" : pv_free(pv) ? "yes " : "yes (but full)");
	log_print("%-22s%s", "PE Size", dsize(d, ext));
	log_print("%-22s%u", "Total PE", pv->pe_count);
	log_print("%-22s%u", "Free PE", pv_free(pv));
	log_print("%-22s%u", "Allocated PE", pv->pe_alloc_count);
	log_print("%-22s%s", "PV UUID", uuid_str(d->cmd->mem, &pv->id));
	log_print(" ");
}

static void pv_colon(const struct physical_volume *pv)
{
	const struct volume_group *vg = pv->vg;
	uint32_t alloc = pv->status & PV_ALLOCATABLE ? C_PV_ALLOCATABLE : 0;
	uint32_t status = alloc | (vg->status & VG_EXPORTED ? C_VG_EXPORTED : 0);
	char id[ID_DASHED_LEN + 1];

	id_format(&pv->id, id);
	log_print("%s:%s:%llu:-1:%u:%u:-1:%u:%u:%u:%u:%s", pv->dev ? pv->dev->path : "[unknown]",
		  vg->name, (unsigned long long)pv_size_sectors(pv), status, alloc,
		  vg->extent_size / 2, pv->pe_count, pv_free(pv), pv->pe_alloc_count, id);
}

/* One run of physical extents: an LV's extents or free space. */
struct pv_run {
	uint32_t pe, len;
	const struct logical_volume *lv;
	uint32_t le, le_len;	/* a stripe shows its whole segment */
};

static int run_cmp(const void *a, const void *b)
{
	const struct pv_run *x = a, *y = b;

	return x->pe < y->pe ? -1 : x->pe > y->pe;
}

/* The used runs of pv, in PE order; one pass over the VG's segments. */
static struct pv_run *pv_runs(struct pool *mem, const struct physical_volume *pv, unsigned *count)
{
	const struct logical_volume *lv;
	const struct lv_segment *seg;
	struct pv_run *runs;
	unsigned n = 0, cap = 16, i;

	runs = POOL_ARRAY(mem, struct pv_run, cap);
	TAILQ_FOREACH(lv, &pv->vg->lvs, list)
		TAILQ_FOREACH(seg, &lv->segments, list)
			for (i = 0; i < seg->area_count; i++) {
				const struct seg_area *a = &seg->areas[i];

				if (a->type != AREA_PV || a->u.pv.pv != pv)
					continue;
				if (n == cap) {
					struct pv_run *bigger = POOL_ARRAY(mem, struct pv_run, cap * 2);

					memcpy(bigger, runs, sizeof(*runs) * n);
					runs = bigger;
					cap *= 2;
				}
				runs[n].pe = a->u.pv.pe;
				runs[n].len = seg_is_striped(seg) ? seg->len / seg->area_count
								  : seg->len;
				runs[n].lv = lv;
				runs[n].le = seg->le;
				runs[n].le_len = seg->len;
				n++;
			}
	qsort(runs, n, sizeof(*runs), run_cmp);
	*count = n;
	return runs;
}

static void print_free(uint32_t from, uint32_t to)
{
	log_print("Physical extent %u to %u:", from, to - 1);
	log_print("  FREE");
}

static void pv_maps(const struct display *d, const struct physical_volume *pv)
{
	unsigned n, i;
	struct pv_run *runs = pv_runs(d->cmd->mem, pv, &n);
	uint32_t next = 0;

	log_print("--- Physical Segments ---");
	for (i = 0; i < n; i++) {
		if (runs[i].pe > next)
			print_free(next, runs[i].pe);
		log_print("Physical extent %u to %u:", runs[i].pe, runs[i].pe + runs[i].len - 1);
		log_print("  Logical volume\t/dev/%s/%s", pv->vg->name, runs[i].lv->name);
		log_print("  Logical extents\t%u to %u", runs[i].le, runs[i].le + runs[i].le_len - 1);
		next = runs[i].pe + runs[i].len;
	}
	if (next < pv->pe_count)
		print_free(next, pv->pe_count);
	log_print(" ");
}

static void pv_show(const struct display *d, const struct physical_volume *pv)
{
	struct cmd_context *cmd = d->cmd;

	if (pv->vg->status & VG_EXPORTED)
		log_print("Physical volume \"%s\" of volume group \"%s\" is exported",
			  pv->dev ? pv->dev->path : "[unknown]", pv->vg->name);
	if (arg_is_set(cmd, OPT_SHORT)) {
		log_print("Device \"%s\" has a capacity of %s", pv->dev ? pv->dev->path : "[unknown]",
			  dsize(d, (uint64_t)pv_free(pv) * pv->vg->extent_size << SECTOR_SHIFT));
		return;
	}
	if (arg_is_set(cmd, OPT_COLON)) {
		pv_colon(pv);
		return;
	}
	pv_long(d, pv);
	if (arg_is_set(cmd, OPT_MAPS))
		pv_maps(d, pv);
}

static void orphan_show(const struct display *d, const struct pv_info *info)
{
	const char *path = info->dev->path;
	const char *size = dsize(d, info->label.device_size);
	char id[ID_DASHED_LEN + 1];

	id_format(&info->label.pv_id, id);
	if (arg_is_set(d->cmd, OPT_SHORT)) {
		log_print("Device \"%s\" has a capacity of %s", path, size);
		return;
	}
	log_print("\"%s\" is a new physical volume of \"%s\"", path, size);
	if (arg_is_set(d->cmd, OPT_COLON)) {
		log_print("%s::%llu:-1:0:0:-1:0:0:0:0:%s", path,
			  (unsigned long long)(info->label.device_size >> SECTOR_SHIFT), id);
		return;
	}
	log_print("--- NEW Physical volume ---");
	log_print("%-22s%s", "PV Name", path);
	log_print("%-22s%s", "VG Name", "");
	log_print("%-22s%s", "PV Size", size);
	log_print("%-22s%s", "Allocatable", "NO");
	log_print("%-22s%s", "PE Size", "0   ");
	log_print("%-22s%u", "Total PE", 0);
	log_print("%-22s%u", "Free PE", 0);
	log_print("%-22s%u", "Allocated PE", 0);
	log_print("%-22s%s", "PV UUID", id);
	log_print(" ");
}

/* VGs read by this command, each once, freed together. */
struct vg_cache {
	struct hash *by_name;
	struct volume_group **vgs;
	unsigned n, cap;
};

static void cache_init(struct cmd_context *cmd, struct vg_cache *c, unsigned cap)
{
	c->by_name = hash_create(cap + 1);
	c->vgs = POOL_ARRAY(cmd->mem, struct volume_group *, cap + 1);
	c->n = 0;
	c->cap = cap;
}

static struct volume_group *read_vg(struct cmd_context *cmd, struct vg_cache *c,
				    const char *name)
{
	struct volume_group *vg = hash_lookup(c->by_name, name);

	if (vg)
		return vg;
	vg = vg_read(cmd->scan, name, VG_READ_ALLOW_EXPORTED);
	if (vg && c->n == c->cap) {
		vg_free(vg);	/* only scanned VGs exist: cannot happen */
		return NULL;
	}
	if (vg) {
		hash_insert(c->by_name, vg->name, vg);
		c->vgs[c->n++] = vg;
	}
	return vg;
}

static void cache_free(struct vg_cache *c)
{
	unsigned i;

	for (i = 0; i < c->n; i++)
		vg_free(c->vgs[i]);
	hash_destroy(c->by_name);
}

static int pv_arg_show(const struct display *d, struct vg_cache *cache, const char *path)
{
	struct cmd_context *cmd = d->cmd;
	struct device *dev = cmd_get_device(cmd, path);
	struct pv_info *info = dev ? scan_find_dev(cmd->scan, dev) : NULL;
	struct volume_group *vg;
	struct physical_volume *pv;

	if (!dev)
		return -1;
	if (!info) {
		log_error("Failed to find physical volume \"%s\".", path);
		return -1;
	}
	scan_resolve_members(cmd->scan);
	if (!info->vg) {
		orphan_show(d, info);
		return 0;
	}
	vg = read_vg(cmd, cache, info->vg->name);
	pv = vg ? vg_find_pv_by_dev(vg, dev) : NULL;
	if (!pv)
		return -1;
	pv_show(d, pv);
	return 0;
}

int cmd_pvdisplay(struct cmd_context *cmd)
{
	struct display d;
	struct vg_cache cache;
	struct vg_info **vis;
	struct pv_info *info;
	struct physical_volume *pv;
	struct volume_group *vg;
	unsigned nvg, i;
	int failed = 0;
	char *usable;

	if (arg_is_set(cmd, OPT_COLON) + arg_is_set(cmd, OPT_SHORT) + arg_is_set(cmd, OPT_MAPS) > 1) {
		log_error("Options -c, -m and -s are incompatible.");
		return EXIT_BAD_CMDLINE;
	}
	if (cmd_lock_global(cmd, 0) || setup_display(cmd, &d))
		return EXIT_FAILED;
	vis = sorted_vgs(cmd, &nvg);
	cache_init(cmd, &cache, nvg);
	/* LVM2 reports paths without a usable device before showing any PV */
	usable = pool_alloc(cmd->mem, (size_t)cmd->argc + 1);
	for (i = 0; i < (unsigned)cmd->argc; i++) {
		usable[i] = cmd_get_device(cmd, cmd->argv[i]) != NULL;
		failed |= !usable[i];
	}
	for (i = 0; i < (unsigned)cmd->argc; i++)
		if (usable[i])
			failed |= pv_arg_show(&d, &cache, cmd->argv[i]) != 0;
	for (i = 0; !cmd->argc && i < nvg; i++) {
		vg = read_vg(cmd, &cache, vis[i]->name);
		if (!vg) {
			failed = 1;
			continue;
		}
		TAILQ_FOREACH(pv, &vg->pvs, list)
			if (pv->dev)
				pv_show(&d, pv);
	}
	if (!cmd->argc) {
		scan_resolve_members(cmd->scan);
		TAILQ_FOREACH(info, &cmd->scan->pvs, list)
			if (!info->vg && !info->removed)
				orphan_show(&d, info);
	}
	cache_free(&cache);
	return failed ? EXIT_FAILED : EXIT_OK;
}

/* ------------------------------------------------------------------ LVs */

static const char *lv_time(struct pool *mem, const struct logical_volume *lv)
{
	char buf[64];
	time_t t = (time_t)lv->creation_time;
	struct tm tm;

	if (!lv->has_creation || !localtime_r(&t, &tm))
		return "";
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %z", &tm);
	return pool_printf(mem, "%s, %s", lv->creation_host ? lv->creation_host : "", buf);
}

static const char *read_ahead_str(struct pool *mem, uint32_t ra)
{
	if (ra == READ_AHEAD_AUTO)
		return "auto";
	if (ra == READ_AHEAD_NONE)
		return "0";
	return pool_printf(mem, "%u", ra);
}

static void lv_long(const struct display *d, const struct logical_volume *lv)
{
	struct pool *mem = d->cmd->mem;
	const struct volume_group *vg = lv->vg;
	struct lv_state_info st;
	int active;

	memset(&st, 0, sizeof(st));
	active = d->act && !act_report_state(lv, d->act, &st) && !st.unknown && st.active;

	log_print("--- Logical volume ---");
	log_print("%-23s/dev/%s/%s", "LV Path", vg->name, lv->name);
	log_print("%-23s%s", "LV Name", lv->name);
	log_print("%-23s%s", "VG Name", vg->name);
	log_print("%-23s%s", "LV UUID", uuid_str(mem, &lv->id));
	log_print("%-23s%s", "LV Write Access", lv->status & LV_WRITE ? "read/write" : "read only");
	log_print("%-23s%s", "LV Creation host, time", lv_time(mem, lv));
	if (active) {
		log_print("%-23s%s", "LV Status", st.suspended ? "suspended" : "available");
		log_print("%-23s%d", "# open", st.open);
	} else {
		log_print("%-23s%s", "LV Status", "NOT available");
	}
	log_print("%-23s%s", "LV Size",
		  dsize(d, (uint64_t)lv->le_count * vg->extent_size << SECTOR_SHIFT));
	log_print("%-23s%u", "Current LE", lv->le_count);
	log_print("%-23s%u", "Segments", lv->seg_count);
	log_print("%-23s%s", "Allocation", alloc_policy_name(lv->alloc));
	log_print("%-23s%s", "Read ahead sectors", read_ahead_str(mem, lv->read_ahead));
	if (active)
		log_print("%-23s%d:%d", "Block device", st.kernel_major, st.kernel_minor);
	log_print(" ");
}

static const char *pv_path(const struct physical_volume *pv)
{
	return pv->dev ? pv->dev->path : "[unknown]";
}

static void seg_map(const struct display *d, const struct lv_segment *seg)
{
	uint32_t i, per = seg->area_count ? seg->len / seg->area_count : 0;

	log_print("Logical extents %u to %u:", seg->le, seg->le + seg->len - 1);
	if (!seg_is_striped(seg)) {
		log_print("  Type\t\t%s", seg->type);
		log_print(" ");
		return;
	}
	if (seg->area_count == 1) {
		const struct seg_area *a = &seg->areas[0];

		log_print("  Type\t\tlinear");
		if (a->type == AREA_PV) {
			log_print("  Physical volume\t%s", pv_path(a->u.pv.pv));
			log_print("  Physical extents\t%u to %u", a->u.pv.pe, a->u.pv.pe + seg->len - 1);
		}
		log_print(" ");
		return;
	}
	log_print("  Type\t\tstriped");
	log_print("  Stripes\t\t%u", seg->area_count);
	log_print("  Stripe size\t\t%s", dsize(d, (uint64_t)seg->stripe_size << SECTOR_SHIFT));
	for (i = 0; i < seg->area_count; i++) {
		const struct seg_area *a = &seg->areas[i];

		log_print("  Stripe %u:", i);
		if (a->type != AREA_PV)
			continue;
		log_print("    Physical volume\t%s", pv_path(a->u.pv.pv));
		log_print("    Physical extents\t%u to %u", a->u.pv.pe, a->u.pv.pe + per - 1);
	}
	log_print(" ");
}

static void lv_colon(const struct logical_volume *lv)
{
	uint32_t access = (lv->status & LV_READ ? 1 : 0) | (lv->status & LV_WRITE ? 2 : 0);
	uint64_t sectors = (uint64_t)lv->le_count * lv->vg->extent_size;

	log_print("/dev/%s/%s:%s:%u:0:-1:0:%llu:%u:-1:%d:%lld:-1:-1", lv->vg->name, lv->name,
		  lv->vg->name, access, (unsigned long long)sectors, lv->le_count,
		  lv->alloc == ALLOC_CONTIGUOUS ? 2 : 0,
		  lv->read_ahead == READ_AHEAD_AUTO ? -1LL : (long long)lv->read_ahead);
}

static void lv_show(const struct display *d, const struct logical_volume *lv)
{
	const struct lv_segment *seg;

	if (arg_is_set(d->cmd, OPT_COLON)) {
		lv_colon(lv);
		return;
	}
	lv_long(d, lv);
	if (!arg_is_set(d->cmd, OPT_MAPS))
		return;
	log_print("--- Segments ---");
	TAILQ_FOREACH(seg, &lv->segments, list)
		seg_map(d, seg);
	log_print(" ");
}

static void vg_lvs_show(const struct display *d, const struct volume_group *vg)
{
	const struct logical_volume *lv;

	TAILQ_FOREACH(lv, &vg->lvs, list)
		if (lv_is_visible(lv) || arg_is_set(d->cmd, OPT_ALL))
			lv_show(d, lv);
}

/* An "vg/lv" or "/dev/vg/lv" argument, or a VG name meaning all its LVs. */
static int lv_arg_show(const struct display *d, struct vg_cache *cache, const char *arg)
{
	struct cmd_context *cmd = d->cmd;
	const char *vg_name = cmd_vg_name_arg(cmd, arg);
	const char *slash = strrchr(arg, '/');
	const char *lv_name = strchr(arg + (strncmp(arg, "/dev/", 5) ? 0 : 5), '/') ? slash + 1 : NULL;
	struct volume_group *vg = read_vg(cmd, cache, vg_name);
	struct logical_volume *lv;

	if (!vg) {
		log_error("Cannot process volume group %s", vg_name);
		return -1;
	}
	if (vg->status & VG_EXPORTED) {
		log_error("Volume group %s is exported", vg->name);
		return -1;
	}
	if (!lv_name) {
		vg_lvs_show(d, vg);
		return 0;
	}
	lv = vg_find_lv(vg, lv_name);
	if (!lv) {
		log_error("Failed to find logical volume \"%s/%s\"", vg->name, lv_name);
		return -1;
	}
	lv_show(d, lv);
	return 0;
}

static int lvdisplay(struct cmd_context *cmd)
{
	struct display d;
	struct vg_cache cache;
	struct vg_info **vis;
	struct volume_group *vg;
	unsigned nvg, i;
	int failed = 0;

	if (arg_is_set(cmd, OPT_COLON) && arg_is_set(cmd, OPT_MAPS)) {
		log_error("Options -c and -m are incompatible.");
		return EXIT_BAD_CMDLINE;
	}
	if (setup_display(cmd, &d))
		return EXIT_FAILED;
	vis = sorted_vgs(cmd, &nvg);
	cache_init(cmd, &cache, nvg);
	for (i = 0; i < (unsigned)cmd->argc; i++)
		failed |= lv_arg_show(&d, &cache, cmd->argv[i]) != 0;
	for (i = 0; !cmd->argc && i < nvg; i++) {
		vg = read_vg(cmd, &cache, vis[i]->name);
		if (!vg || (vg->status & VG_EXPORTED)) {
			if (vg)
				log_error("Volume group %s is exported", vg->name);
			failed = 1;
			continue;
		}
		vg_lvs_show(&d, vg);
	}
	cache_free(&cache);
	return failed ? EXIT_FAILED : EXIT_OK;
}

/* ------------------------------------------------------------------ VGs */

static unsigned vg_mda_count(const struct volume_group *vg)
{
	const struct physical_volume *pv;
	unsigned n = 0, i;

	TAILQ_FOREACH(pv, &vg->pvs, list)
		for (i = 0; pv->dev && i < pv->mda_count; i++)
			n += !pv->mdas[i].ignored;
	return n;
}

static unsigned visible_lvs(const struct volume_group *vg)
{
	const struct logical_volume *lv;
	unsigned n = 0;

	TAILQ_FOREACH(lv, &vg->lvs, list)
		n += lv_is_visible(lv);
	return n;
}

static unsigned present_pvs(const struct volume_group *vg)
{
	const struct physical_volume *pv;
	unsigned n = 0;

	TAILQ_FOREACH(pv, &vg->pvs, list)
		n += pv->dev != NULL;
	return n;
}

static void vg_long(const struct display *d, const struct volume_group *vg)
{
	uint64_t ext = (uint64_t)vg->extent_size << SECTOR_SHIFT;
	uint64_t total = vg_extent_count(vg), freec = vg_free_count(vg);

	log_print("--- Volume group ---");
	log_print("%-22s%s", "VG Name", vg->name);
	log_print("%-22s%s", "System ID", vg->system_id ? vg->system_id : "");
	log_print("%-22s%s", "Format", "lvm2");
	log_print("%-22s%u", "Metadata Areas", vg_mda_count(vg));
	log_print("%-22s%u", "Metadata Sequence No", vg->seqno);
	log_print("%-22s%s", "VG Access", vg->status & VG_WRITE ? "read/write" : "read");
	log_print("%-22s%s%s", "VG Status", vg->status & VG_EXPORTED ? "exported/" : "",
		  vg->status & VG_RESIZEABLE ? "resizable" : "NOT resizable");
	log_print("%-22s%u", "MAX LV", vg->max_lv);
	log_print("%-22s%u", "Cur LV", visible_lvs(vg));
	log_print("%-22s%u", "Open LV", 0);
	log_print("%-22s%u", "Max PV", vg->max_pv);
	log_print("%-22s%u", "Cur PV", vg->pv_count);
	log_print("%-22s%u", "Act PV", present_pvs(vg));
	log_print("%-22s%s", "VG Size", dsize(d, total * ext));
	log_print("%-22s%s", "PE Size", dsize(d, ext));
	log_print("%-22s%llu", "Total PE", (unsigned long long)total);
	log_print("%-22s%llu / %s", "Alloc PE / Size", (unsigned long long)(total - freec),
		  dsize(d, (total - freec) * ext));
	log_print("%-22s%llu / %s", "Free  PE / Size", (unsigned long long)freec,
		  dsize(d, freec * ext));
	log_print("%-22s%s", "VG UUID", uuid_str(d->cmd->mem, &vg->id));
	log_print(" ");
}

static void vg_colon(const struct volume_group *vg)
{
	uint32_t status = (vg->status & VG_READ ? C_READ : 0) | (vg->status & VG_WRITE ? C_WRITE : 0) |
			  (vg->status & VG_RESIZEABLE ? C_VG_RESIZEABLE : 0) |
			  (vg->status & VG_EXPORTED ? C_VG_EXPORTED : 0);
	uint64_t total = vg_extent_count(vg), freec = vg_free_count(vg);
	char id[ID_DASHED_LEN + 1];

	id_format(&vg->id, id);
	log_print("%s:%s:%u:-1:%u:%u:0:-1:%u:%u:%u:%llu:%u:%llu:%llu:%llu:%s", vg->name,
		  vg->status & VG_WRITE ? "r/w" : "r", status, vg->max_lv, visible_lvs(vg),
		  vg->max_pv, vg->pv_count, present_pvs(vg),
		  (unsigned long long)(total * vg->extent_size / 2), vg->extent_size / 2,
		  (unsigned long long)total, (unsigned long long)(total - freec),
		  (unsigned long long)freec, id);
}

static void vg_pvs_section(const struct display *d, const struct volume_group *vg)
{
	const struct physical_volume *pv;

	(void)d;
	log_print("--- Physical volumes ---");
	TAILQ_FOREACH(pv, &vg->pvs, list) {
		log_print("%-22s%s     ", "PV Name", pv_path(pv));
		log_print("%-22s%s", "PV UUID", uuid_str(d->cmd->mem, &pv->id));
		log_print("%-22s%s", "PV Status",
			  pv->status & PV_ALLOCATABLE ? "allocatable" : "NOT allocatable");
		log_print("%-22s%u / %u", "Total PE / Free PE", pv->pe_count, pv_free(pv));
		log_print(" ");
	}
}

static void vg_show(const struct display *d, const struct volume_group *vg)
{
	struct cmd_context *cmd = d->cmd;
	uint64_t ext = (uint64_t)vg->extent_size << SECTOR_SHIFT;
	uint64_t total = vg_extent_count(vg), freec = vg_free_count(vg);

	if (arg_is_set(cmd, OPT_SHORT)) {
		/* LVM2 pads the first two sizes to 9 columns, not the last. */
		log_print("\"%s\" %-9s [%-9s used / %s free]", vg->name, dsize(d, total * ext),
			  dsize(d, (total - freec) * ext), dsize(d, freec * ext));
		return;
	}
	if (arg_is_set(cmd, OPT_COLON)) {
		vg_colon(vg);
		return;
	}
	vg_long(d, vg);
	if (!arg_count(cmd, OPT_VERBOSE))
		return;
	vg_lvs_show(d, vg);
	vg_pvs_section(d, vg);
}

static int vgdisplay(struct cmd_context *cmd)
{
	struct display d;
	struct vg_cache cache;
	struct vg_info **vis;
	struct volume_group *vg;
	unsigned nvg, i, n;
	int failed = 0;

	if (arg_is_set(cmd, OPT_COLON) && arg_is_set(cmd, OPT_SHORT)) {
		log_error("Options -c and -s are incompatible.");
		return EXIT_BAD_CMDLINE;
	}
	if (setup_display(cmd, &d))
		return EXIT_FAILED;
	vis = sorted_vgs(cmd, &nvg);
	cache_init(cmd, &cache, nvg);
	n = cmd->argc ? (unsigned)cmd->argc : nvg;
	for (i = 0; i < n; i++) {
		const char *name = cmd->argc ? cmd_vg_name_arg(cmd, cmd->argv[i]) : vis[i]->name;

		vg = read_vg(cmd, &cache, name);
		if (!vg) {
			log_error("Cannot process volume group %s", name);
			failed = 1;
			continue;
		}
		vg_show(&d, vg);
	}
	cache_free(&cache);
	return failed ? EXIT_FAILED : EXIT_OK;
}

int cmd_vgdisplay(struct cmd_context *cmd)
{
	return vgdisplay(cmd);
}

#define REPORT_COMPAT OPT_UNITS, OPT_IGNORELOCKINGFAILURE, OPT_READONLY, OPT_FOREIGN, \
	OPT_NOHEADINGS, OPT_NOSUFFIX, OPT_SEPARATOR, OPT_SELECT

const struct command_def cmddef_pvdisplay = {
	"pvdisplay", cmd_pvdisplay, "Display various attributes of physical volume(s)",
	"  pvdisplay\n"
	"\t[ -c|--colon ]\n"
	"\t[ -m|--maps ]\n"
	"\t[ -s|--short ]\n"
	"\t[ --units r|R|h|H|b|B|s|S|k|K|m|M|g|G|t|T|p|P|e|E ]\n"
	"\t[ COMMON_OPTIONS ]\n"
	"\t[ PV|Tag ... ]\n",
	(const enum option_id[]){ OPT_COLON, OPT_MAPS, OPT_SHORT, REPORT_COMPAT,
				  OPT_COUNT },
	0, -1
};

const struct command_def cmddef_vgdisplay = {
	"vgdisplay", cmd_vgdisplay, "Display volume group information",
	"  vgdisplay\n"
	"\t[ -c|--colon ]\n"
	"\t[ -s|--short ]\n"
	"\t[ --units r|R|h|H|b|B|s|S|k|K|m|M|g|G|t|T|p|P|e|E ]\n"
	"\t[ COMMON_OPTIONS ]\n"
	"\t[ VG|Tag ... ]\n",
	(const enum option_id[]){ OPT_COLON, OPT_SHORT, REPORT_COMPAT, OPT_COUNT },
	0, -1
};

const struct command_def cmddef_lvdisplay = {
	"lvdisplay", lvdisplay, "Display information about a logical volume",
	"  lvdisplay\n"
	"\t[ -a|--all ]\n"
	"\t[ -c|--colon ]\n"
	"\t[ -m|--maps ]\n"
	"\t[ --units r|R|h|H|b|B|s|S|k|K|m|M|g|G|t|T|p|P|e|E ]\n"
	"\t[ COMMON_OPTIONS ]\n"
	"\t[ VG|LV|Tag ... ]\n",
	(const enum option_id[]){ OPT_ALL, OPT_COLON, OPT_MAPS, REPORT_COMPAT, OPT_COUNT },
	0, -1
};
