/*
 * The field table: every column pvs/vgs/lvs can show, with LVM2's names,
 * headings and minimum widths, and the getter that reads the value from
 * the model.  The -o parser, the sort keys and `-o help` all use it.
 */
#include "report/report_int.h"

#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <time.h>

#include "config/config.h"
#include "device/device.h"
#include "metadata/metadata.h"
#include "misc/hash.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

#define SECTOR 512ULL

static void set_str(struct cell *c, const char *s)
{
	c->str = s ? s : "";
}

static void set_num(struct cell *c, uint64_t n)
{
	c->num = n;
}

static void set_snum(struct cell *c, int64_t n)
{
	c->num = (uint64_t)n;
}

static void set_bin(struct cell *c, int on, const char *text)
{
	c->num = on != 0;
	c->str = on ? text : "";
}

static int strp_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Tags are shown sorted, while the metadata keeps insertion order. */
static const char *tags_text(struct report *r, const struct strv *tags)
{
	const char **v;
	struct strbuf sb = STRBUF_INIT;
	const char *out;
	size_t i;

	if (!tags->n)
		return "";
	v = pool_memdup(report_pool(r), tags->v, tags->n * sizeof(*v));
	qsort(v, tags->n, sizeof(*v), strp_cmp);
	for (i = 0; i < tags->n; i++) {
		if (i)
			strbuf_addch(&sb, ',');
		strbuf_addstr(&sb, v[i]);
	}
	out = pool_strdup(report_pool(r), sb.buf);
	strbuf_release(&sb);
	return out;
}

static const char *uuid_text(struct report *r, const struct lvm_id *id)
{
	char *s = pool_alloc(report_pool(r), ID_DASHED_LEN + 1);

	id_format(id, s);
	return s;
}

static const char *alloc_name(enum alloc_policy a)
{
	static const char *const names[] = { "inherit", "contiguous", "cling",
					     "cling_by_tags", "normal", "anywhere" };

	return (unsigned)a < sizeof(names) / sizeof(names[0]) ? names[a] : "invalid";
}

static char alloc_letter(enum alloc_policy a)
{
	return "iclcna"[(unsigned)a < 6 ? a : 0];
}

#define GETTER(name) static void name(struct report *r, const struct row *row, struct cell *c)
#define UNUSED_R (void)r

/* ---------------- PV ---------------- */

static uint64_t pv_dev_bytes(const struct physical_volume *pv)
{
	if (pv->dev && pv->dev->size_known)
		return pv->dev->size;
	return pv->dev_size * SECTOR;
}

static uint64_t pv_extent_bytes(const struct physical_volume *pv)
{
	return pv->vg ? pv->vg->extent_size * SECTOR : 0;
}

static int pv_is_missing(const struct physical_volume *pv)
{
	return !pv->dev || (pv->status & PV_MISSING) || (pv->flags & PV_F_MISSING);
}

static int pv_is_exported(const struct physical_volume *pv)
{
	return (pv->status & PV_EXPORTED) || (pv->vg && (pv->vg->status & VG_EXPORTED));
}

GETTER(get_pv_fmt) { UNUSED_R; (void)row; set_str(c, "lvm2"); }
GETTER(get_pv_uuid) { set_str(c, uuid_text(r, &row->pv->id)); }
GETTER(get_dev_size) { UNUSED_R; set_num(c, pv_dev_bytes(row->pv)); }
GETTER(get_pv_name) { UNUSED_R; set_str(c, row->pv->dev ? row->pv->dev->path : "[unknown]"); }

GETTER(get_pv_major)
{
	const struct device *d = row->pv->dev;

	UNUSED_R;
	set_snum(c, d && !d->is_file && d->devno ? (int64_t)major(d->devno) : -1);
}

GETTER(get_pv_minor)
{
	const struct device *d = row->pv->dev;

	UNUSED_R;
	set_snum(c, d && !d->is_file && d->devno ? (int64_t)minor(d->devno) : -1);
}

GETTER(get_pv_mda_free)
{
	unsigned used;
	uint64_t size, f;

	UNUSED_R;
	pv_mda_stats(row->pv, &used, &size, &f);
	set_num(c, f);
}

GETTER(get_pv_mda_size)
{
	unsigned used;
	uint64_t size, f;

	UNUSED_R;
	pv_mda_stats(row->pv, &used, &size, &f);
	set_num(c, size);
}

GETTER(get_pv_mda_used_count)
{
	unsigned used;
	uint64_t size, f;

	UNUSED_R;
	pv_mda_stats(row->pv, &used, &size, &f);
	set_num(c, used);
}

GETTER(get_pv_ext_vsn) { UNUSED_R; set_num(c, row->pv->ext_version); }
GETTER(get_pe_start) { UNUSED_R; set_num(c, row->pv->pe_start * SECTOR); }

GETTER(get_pv_size)
{
	const struct physical_volume *pv = row->pv;

	UNUSED_R;
	set_num(c, pv->vg ? pv->pe_count * pv_extent_bytes(pv) : pv_dev_bytes(pv));
}

GETTER(get_pv_free)
{
	const struct physical_volume *pv = row->pv;
	uint32_t used;

	if (!pv->vg) {
		set_num(c, pv_dev_bytes(pv));
		return;
	}
	used = pv_used_extents(r, pv);
	set_num(c, (pv->pe_count > used ? pv->pe_count - used : 0) * pv_extent_bytes(pv));
}

GETTER(get_pv_used) { set_num(c, pv_used_extents(r, row->pv) * pv_extent_bytes(row->pv)); }

GETTER(get_pv_attr)
{
	const struct physical_volume *pv = row->pv;
	char *a = pool_alloc(report_pool(r), 4);

	a[0] = !pv->vg ? '-' : (pv->status & PV_ALLOCATABLE) ? 'a' : 'u';
	a[1] = pv_is_exported(pv) ? 'x' : '-';
	a[2] = pv_is_missing(pv) ? 'm' : '-';
	set_str(c, a);
}

GETTER(get_pv_allocatable)
{
	UNUSED_R;
	set_bin(c, row->pv->vg && (row->pv->status & PV_ALLOCATABLE), "allocatable");
}

GETTER(get_pv_exported) { UNUSED_R; set_bin(c, pv_is_exported(row->pv), "exported"); }
GETTER(get_pv_missing) { UNUSED_R; set_bin(c, pv_is_missing(row->pv), "missing"); }
GETTER(get_pv_pe_count) { UNUSED_R; set_num(c, row->pv->pe_count); }
GETTER(get_pv_pe_alloc_count) { set_num(c, pv_used_extents(r, row->pv)); }
GETTER(get_pv_tags) { set_str(c, tags_text(r, &row->pv->tags)); }
GETTER(get_pv_mda_count) { UNUSED_R; set_num(c, row->pv->mda_count); }
GETTER(get_pv_ba_start) { UNUSED_R; set_num(c, row->pv->ba_start * SECTOR); }
GETTER(get_pv_ba_size) { UNUSED_R; set_num(c, row->pv->ba_size * SECTOR); }
GETTER(get_pv_in_use) { UNUSED_R; set_bin(c, row->pv->vg != NULL, "used"); }
GETTER(get_pv_duplicate) { UNUSED_R; (void)row; set_bin(c, 0, "duplicate"); }
GETTER(get_pv_device_id) { UNUSED_R; set_str(c, row->pv->device_id); }
GETTER(get_pv_device_id_type) { UNUSED_R; set_str(c, row->pv->device_id_type); }
GETTER(get_pvseg_start) { UNUSED_R; set_num(c, row->pvseg_start); }
GETTER(get_pvseg_size) { UNUSED_R; set_num(c, row->pvseg_size); }

/* ---------------- VG ---------------- */

/* An orphan PV's free row (pvs -o+seg_size) has no VG: 0. */
static uint64_t vg_extent_bytes(const struct volume_group *vg)
{
	return vg ? vg->extent_size * SECTOR : 0;
}

GETTER(get_vg_fmt) { UNUSED_R; (void)row; set_str(c, "lvm2"); }
GETTER(get_vg_uuid) { set_str(c, uuid_text(r, &row->vg->id)); }
GETTER(get_vg_name) { UNUSED_R; set_str(c, row->vg->name); }

GETTER(get_vg_attr)
{
	const struct volume_group *vg = row->vg;
	char *a = pool_alloc(report_pool(r), 7);

	a[0] = (vg->status & VG_WRITE) ? 'w' : 'r';
	a[1] = (vg->status & VG_RESIZEABLE) ? 'z' : '-';
	a[2] = (vg->status & VG_EXPORTED) ? 'x' : '-';
	a[3] = vg_info_get(r, vg)->missing_pvs || (vg->status & VG_PARTIAL) ? 'p' : '-';
	a[4] = alloc_letter(vg->alloc);
	a[5] = (vg->status & VG_CLUSTERED) ? 'c' :
	       (vg->status & VG_SHARED) || (vg->lock_type && *vg->lock_type) ? 's' : '-';
	set_str(c, a);
}

GETTER(get_vg_permissions)
{
	UNUSED_R;
	set_str(c, (row->vg->status & VG_WRITE) ? "writeable" : "read-only");
}

GETTER(get_vg_extendable) { UNUSED_R; set_bin(c, row->vg->status & VG_RESIZEABLE, "extendable"); }
GETTER(get_vg_exported) { UNUSED_R; set_bin(c, row->vg->status & VG_EXPORTED, "exported"); }

GETTER(get_vg_autoactivation)
{
	UNUSED_R;
	set_bin(c, !(row->vg->flags & VG_F_NOAUTOACTIVATE), "enabled");
}

GETTER(get_vg_partial) { set_bin(c, vg_info_get(r, row->vg)->missing_pvs != 0, "partial"); }
GETTER(get_vg_allocation_policy) { UNUSED_R; set_str(c, alloc_name(row->vg->alloc)); }
GETTER(get_vg_clustered) { UNUSED_R; set_bin(c, row->vg->status & VG_CLUSTERED, "clustered"); }

GETTER(get_vg_shared)
{
	const struct volume_group *vg = row->vg;

	UNUSED_R;
	set_bin(c, (vg->status & VG_SHARED) || (vg->lock_type && *vg->lock_type), "shared");
}

GETTER(get_vg_size)
{
	set_num(c, vg_info_get(r, row->vg)->extent_count * vg_extent_bytes(row->vg));
}

GETTER(get_vg_free)
{
	set_num(c, vg_info_get(r, row->vg)->free_count * vg_extent_bytes(row->vg));
}

GETTER(get_vg_systemid) { UNUSED_R; set_str(c, row->vg->system_id); }
GETTER(get_vg_lock_type) { UNUSED_R; set_str(c, row->vg->lock_type); }
GETTER(get_vg_lock_args) { UNUSED_R; set_str(c, row->vg->lock_args); }
GETTER(get_vg_extent_size) { UNUSED_R; set_num(c, vg_extent_bytes(row->vg)); }
GETTER(get_vg_extent_count) { set_num(c, vg_info_get(r, row->vg)->extent_count); }
GETTER(get_vg_free_count) { set_num(c, vg_info_get(r, row->vg)->free_count); }
GETTER(get_max_lv) { UNUSED_R; set_num(c, row->vg->max_lv); }
GETTER(get_max_pv) { UNUSED_R; set_num(c, row->vg->max_pv); }
GETTER(get_pv_count) { UNUSED_R; set_num(c, row->vg->pv_count); }
GETTER(get_vg_missing_pv_count) { set_num(c, vg_info_get(r, row->vg)->missing_pvs); }
GETTER(get_lv_count) { set_num(c, vg_info_get(r, row->vg)->lv_count); }
GETTER(get_snap_count) { set_num(c, vg_info_get(r, row->vg)->snap_count); }
GETTER(get_vg_seqno) { UNUSED_R; set_num(c, row->vg->seqno); }
GETTER(get_vg_tags) { set_str(c, tags_text(r, &row->vg->tags)); }
GETTER(get_vg_profile) { UNUSED_R; set_str(c, row->vg->profile); }
GETTER(get_vg_mda_count) { set_num(c, vg_info_get(r, row->vg)->mda_count); }
GETTER(get_vg_mda_used_count) { set_num(c, vg_info_get(r, row->vg)->mda_used_count); }
GETTER(get_vg_mda_free) { set_num(c, vg_info_get(r, row->vg)->mda_free); }
GETTER(get_vg_mda_size) { set_num(c, vg_info_get(r, row->vg)->mda_size); }

GETTER(get_vg_mda_copies)
{
	set_num(c, row->vg->mda_copies);
	if (!row->vg->mda_copies) {
		c->keep_str = 1;
		c->str = "unmanaged";
	}
	UNUSED_R;
}

/* ---------------- LV ---------------- */

static uint64_t lv_extent_bytes(const struct logical_volume *lv)
{
	return lv->vg->extent_size * SECTOR;
}

static const struct lv_segment *first_seg(const struct logical_volume *lv)
{
	return TAILQ_FIRST(&lv->segments);
}

static int lv_seg_type_is(const struct logical_volume *lv, const char *t)
{
	const struct lv_segment *seg = first_seg(lv);

	return seg && seg->type && !strcmp(seg->type, t);
}

static int lv_has_missing_pv(const struct logical_volume *lv)
{
	const struct lv_segment *seg;
	uint32_t i;

	TAILQ_FOREACH(seg, &lv->segments, list)
		for (i = 0; i < seg->area_count; i++)
			if (seg->areas[i].type == AREA_PV && seg->areas[i].u.pv.pv &&
			    pv_is_missing(seg->areas[i].u.pv.pv))
				return 1;
	return 0;
}

static char lv_type_char(const struct logical_volume *lv, uint32_t roles)
{
	if (roles & ROLE_PVMOVE)
		return 'p';
	if (roles & ROLE_THIN_POOL)
		return 't';
	if (roles & ROLE_THIN_DATA)
		return 'T';
	if (roles & (ROLE_THIN_META | ROLE_CACHE_META | ROLE_RAID_META | ROLE_PMSPARE))
		return 'e';
	if (roles & (ROLE_CACHE_POOL | ROLE_CACHE_DATA | ROLE_CACHE))
		return 'C';
	if (roles & ROLE_THIN_VOL)
		return 'V';
	if (roles & ROLE_MIRROR)
		return (lv->status & LV_NOTSYNCED) ? 'M' : 'm';
	if (roles & ROLE_RAID)
		return (lv->status & LV_NOTSYNCED) ? 'R' : 'r';
	if (roles & (ROLE_MIRROR_IMAGE | ROLE_RAID_IMAGE))
		return 'I';
	if (roles & ROLE_MIRROR_LOG)
		return 'l';
	if (roles & ROLE_COW)
		return 's';
	if (roles & (ROLE_THICK_ORIGIN | ROLE_CACHE_ORIGIN))
		return 'o';
	if (lv_seg_type_is(lv, "zero") || lv_seg_type_is(lv, "error"))
		return 'v';
	return '-';
}

static char lv_target_char(const struct logical_volume *lv, uint32_t roles)
{
	const struct lv_segment *seg = first_seg(lv);

	if (roles & (ROLE_CACHE | ROLE_CACHE_POOL | ROLE_CACHE_ORIGIN))
		return 'C';
	if (roles & (ROLE_MIRROR | ROLE_MIRROR_IMAGE | ROLE_MIRROR_LOG))
		return 'm';
	if (roles & (ROLE_RAID | ROLE_RAID_IMAGE | ROLE_RAID_META))
		return 'r';
	if (roles & (ROLE_THICK_ORIGIN | ROLE_COW))
		return 's';
	if (roles & (ROLE_THIN_POOL | ROLE_THIN_VOL))
		return 't';
	if (seg && seg->type && (!strcmp(seg->type, "zero") || !strcmp(seg->type, "error")))
		return 'v';		/* LVM2 2.03: "vwi-a-v---" */
	if (seg && seg->type && strcmp(seg->type, "striped"))
		return 'u';
	return '-';
}

static int lv_zeroes(struct report *r, const struct lv_rel *rel)
{
	if (rel->roles & ROLE_THIN_POOL)
		return rel->zero;
	if ((rel->roles & ROLE_THIN_VOL) && rel->pool)
		return lv_rel_get(r, rel->pool)->zero;
	return 0;
}

/* raid LVs and their sub-LVs need device-mapper to tell their health */
static int lv_health_unknown(struct report *r, const struct logical_volume *lv, uint32_t roles)
{
	struct lv_state_info st;

	if (!(roles & (ROLE_RAID | ROLE_RAID_IMAGE | ROLE_RAID_META)))
		return 0;
	report_lv_state(r, lv, &st);
	return st.unknown;
}

static char lv_health_char(struct report *r, const struct logical_volume *lv, uint32_t roles)
{
	if (lv_has_missing_pv(lv))
		return 'p';
	return lv_health_unknown(r, lv, roles) ? 'X' : '-';
}

static void lv_state_chars(struct report *r, const struct logical_volume *lv, uint32_t roles,
			   char *a)
{
	struct lv_state_info st;

	a[0] = a[1] = '-';
	report_lv_state(r, lv, &st);
	if (st.unknown) {
		a[0] = a[1] = 'X';
		return;
	}
	/* pools are never active on their own */
	if (roles & (ROLE_THIN_POOL | ROLE_CACHE_POOL))
		return;
	if (st.active)
		a[0] = st.suspended ? 's' : 'a';
	if (st.open)
		a[1] = 'o';
}

GETTER(get_lv_attr)
{
	const struct logical_volume *lv = row->lv;
	const struct lv_rel *rel = lv_rel_get(r, lv);
	char *a = pool_alloc(report_pool(r), 11);
	char alloc = alloc_letter(lv->alloc);

	a[0] = lv_type_char(lv, rel->roles);
	a[1] = (lv->status & LV_WRITE) ? 'w' : 'r';
	a[2] = (lv->status & LV_LOCKED) ? (char)(alloc - 'a' + 'A') : alloc;
	a[3] = (lv->status & LV_FIXED_MINOR) ? 'm' : '-';
	lv_state_chars(r, lv, rel->roles, a + 4);
	a[6] = lv_target_char(lv, rel->roles);
	a[7] = lv_zeroes(r, rel) ? 'z' : '-';
	a[8] = lv_health_char(r, lv, rel->roles);
	a[9] = (lv->flags & LV_F_ACTIVATION_SKIP) ? 'k' : '-';
	set_str(c, a);
}

GETTER(get_lv_uuid) { set_str(c, uuid_text(r, &row->lv->id)); }
GETTER(get_lv_name)
{
	set_str(c, lv_display_name(r, row->lv));
	c->sort_str = row->lv->name;	/* "[hidden]" sorts by its name */
}

GETTER(get_lv_full_name)
{
	set_str(c, pool_printf(report_pool(r), "%s/%s", row->lv->vg->name, row->lv->name));
}

GETTER(get_lv_path)
{
	const struct logical_volume *lv = row->lv;

	set_str(c, lv_is_public(r, lv) ?
		pool_printf(report_pool(r), "/dev/%s/%s", lv->vg->name, lv->name) : "");
}

/* device-mapper names double every '-' inside the VG and LV names */
static void add_dm_escaped(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (*s == '-')
			strbuf_addch(sb, '-');
		strbuf_addch(sb, *s);
	}
}

GETTER(get_lv_dm_path)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "/dev/mapper/");
	add_dm_escaped(&sb, row->lv->vg->name);
	strbuf_addch(&sb, '-');
	add_dm_escaped(&sb, row->lv->name);
	set_str(c, pool_strdup(report_pool(r), sb.buf));
	strbuf_release(&sb);
}

/* A reference to another LV: shown "[hidden]", but selected and sorted by name. */
static void set_lv_ref(struct report *r, struct cell *c, const struct logical_volume *lv)
{
	set_str(c, lv ? lv_display_name(r, lv) : "");
	c->sort_str = lv ? lv->name : "";
}

static const char *uuid_or_empty(struct report *r, const struct logical_volume *lv)
{
	return lv ? uuid_text(r, &lv->id) : "";
}

GETTER(get_lv_parent) { set_lv_ref(r, c, lv_rel_get(r, row->lv)->parent); }

/*
 * "raid,raid5,raid5_ls": level and layout; LVM2 leaves out the layouts
 * that only exist for takeover (raid5_n, raid6_*_6) and names raid0_meta
 * just "raid".
 */
static const char *raid_layout(struct report *r, const char *type)
{
	const char *u = strchr(type, '_');
	size_t len = strlen(type);

	if (!strcmp(type, "raid0_meta"))
		return "raid";
	if (!u)
		return pool_printf(report_pool(r), "raid,%s", type);
	if (!strcmp(u, "_n") || (len > 2 && !strcmp(type + len - 2, "_6")))
		return pool_printf(report_pool(r), "raid,%.*s", (int)(u - type), type);
	return pool_printf(report_pool(r), "raid,%.*s,%s", (int)(u - type), type, type);
}

GETTER(get_lv_layout)
{
	const struct logical_volume *lv = row->lv;
	const struct lv_rel *rel = lv_rel_get(r, lv);
	const struct lv_segment *seg;
	const char *layout = "linear";

	if (rel->roles & ROLE_THIN_POOL)
		layout = "thin,pool";
	else if (rel->roles & ROLE_CACHE_POOL)
		layout = "cache,pool";
	else if (rel->roles & ROLE_THIN_VOL)
		layout = "thin,sparse";
	else if (rel->roles & ROLE_CACHE)
		layout = "cache";
	else if (rel->roles & ROLE_MIRROR)
		layout = "mirror";
	else if (rel->roles & ROLE_RAID)
		layout = raid_layout(r, first_seg(lv)->type);
	else
		TAILQ_FOREACH(seg, &lv->segments, list) {
			if (!seg->type || strcmp(seg->type, "striped")) {
				layout = seg->type && (!strcmp(seg->type, "zero") ||
						       !strcmp(seg->type, "error")) ?
					 seg->type : "unknown";
				break;
			}
			if (seg->area_count > 1)
				layout = "striped";
		}
	set_str(c, layout);
}

static void add_role(struct strbuf *sb, const char *s)
{
	strbuf_addch(sb, ',');
	strbuf_addstr(sb, s);
}

GETTER(get_lv_role)
{
	const struct lv_rel *rel = lv_rel_get(r, row->lv);
	uint32_t ro = rel->roles;
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, lv_is_public(r, row->lv) ? "public" : "private");
	if (ro & ROLE_MIRROR_IMAGE)
		add_role(&sb, "mirror,image");
	if (ro & ROLE_MIRROR_LOG)
		add_role(&sb, "mirror,log");
	if (ro & ROLE_RAID_IMAGE)
		add_role(&sb, "raid,image");
	if (ro & ROLE_RAID_META)
		add_role(&sb, "raid,metadata");
	if (ro & ROLE_THIN_DATA)
		add_role(&sb, "thin,pool,data");
	if (ro & ROLE_THIN_META)
		add_role(&sb, "thin,pool,metadata");
	if (ro & ROLE_CACHE_DATA)
		add_role(&sb, "cache,pool,data");
	if (ro & ROLE_CACHE_META)
		add_role(&sb, "cache,pool,metadata");
	if (ro & ROLE_PMSPARE)
		add_role(&sb, "pool,spare");
	if (ro & ROLE_CACHE_ORIGIN)
		add_role(&sb, "cache,origin,cacheorigin");
	if (ro & (ROLE_THICK_ORIGIN | ROLE_THIN_ORIGIN))
		add_role(&sb, (ro & ROLE_THICK_ORIGIN) ? "origin,thickorigin" : "origin,thinorigin");
	if (ro & (ROLE_COW | ROLE_THIN_SNAPSHOT))
		add_role(&sb, (ro & ROLE_COW) ? "snapshot,thicksnapshot" : "snapshot,thinsnapshot");
	set_str(c, pool_strdup(report_pool(r), sb.buf));
	strbuf_release(&sb);
}

GETTER(get_lv_allocation_policy) { UNUSED_R; set_str(c, alloc_name(row->lv->alloc)); }

GETTER(get_lv_allocation_locked)
{
	UNUSED_R;
	set_bin(c, row->lv->status & LV_LOCKED, "allocation locked");
}

GETTER(get_lv_fixed_minor) { UNUSED_R; set_bin(c, row->lv->status & LV_FIXED_MINOR, "fixed minor"); }

GETTER(get_lv_skip_activation)
{
	UNUSED_R;
	set_bin(c, row->lv->flags & LV_F_ACTIVATION_SKIP, "skip activation");
}

GETTER(get_lv_autoactivation)
{
	UNUSED_R;
	set_bin(c, !(row->lv->flags & LV_F_NOAUTOACTIVATE), "enabled");
}

GETTER(get_lv_when_full)
{
	const struct lv_rel *rel = lv_rel_get(r, row->lv);

	if (!(rel->roles & ROLE_THIN_POOL))
		set_str(c, "");
	else
		set_str(c, (row->lv->flags & LV_F_ERROR_WHEN_FULL) ? "error" : "queue");
}

/* Snapshot origins up the chain, nearest first (no stored history: full_ is the same). */
GETTER(get_lv_ancestors)
{
	const struct lv_rel *rel = lv_rel_get(r, row->lv);
	const struct logical_volume *a = lv_rel_ancestor(rel);
	struct strbuf sb;
	unsigned steps = row->vg->lv_count + 1;

	if (!a) {
		set_str(c, "");
		return;
	}
	strbuf_init(&sb, 64);
	for (; a && steps; steps--, a = lv_rel_ancestor(lv_rel_get(r, a))) {
		if (sb.len)
			strbuf_addch(&sb, ',');
		strbuf_addstr(&sb, a->name);
	}
	set_str(c, pool_strdup(report_pool(r), sb.buf));
	strbuf_release(&sb);
}

GETTER(get_lv_descendants)
{
	const char *d = lv_rel_get(r, row->lv)->descendants;

	set_str(c, d ? d : "");
}

GETTER(get_empty) { UNUSED_R; (void)row; set_str(c, ""); }

/* Without device-mapper (--driverloaded n) LVM2 cannot tell: "unknown", -1 in --binary. */
static void set_unknown(struct cell *c)
{
	c->empty = 1;
	c->num = 0;
	c->str = "unknown";
}

GETTER(get_lv_active)
{
	struct lv_state_info st;

	report_lv_state(r, row->lv, &st);
	set_str(c, st.unknown ? "unknown" : st.active ? "active" : "");
}

static void active_bin(struct report *r, const struct row *row, struct cell *c,
		       int remote, const char *text)
{
	struct lv_state_info st;

	report_lv_state(r, row->lv, &st);
	if (st.unknown)
		set_unknown(c);
	else
		set_bin(c, !remote && st.active, text);
}

GETTER(get_lv_active_locally) { active_bin(r, row, c, 0, "active locally"); }
GETTER(get_lv_active_remotely) { active_bin(r, row, c, 1, "active remotely"); }
GETTER(get_lv_active_exclusively) { active_bin(r, row, c, 0, "active exclusively"); }

GETTER(get_lv_major) { UNUSED_R; set_snum(c, row->lv->has_major_minor ? row->lv->major : -1); }
GETTER(get_lv_minor) { UNUSED_R; set_snum(c, row->lv->has_major_minor ? row->lv->minor : -1); }

GETTER(get_lv_read_ahead)
{
	UNUSED_R;
	set_num(c, row->lv->read_ahead == READ_AHEAD_AUTO ? 0 : row->lv->read_ahead * SECTOR);
	if (row->lv->read_ahead == READ_AHEAD_AUTO) {
		c->keep_str = 1;
		c->str = "auto";
	}
}

/* Striped raid levels: raid4, raid5*, raid6*, raid10. */
static int raid_reshapable(const struct lv_segment *seg)
{
	const char *t = seg ? seg->type : NULL;

	if (!t || strncmp(t, "raid", 4))
		return 0;
	if (!strcmp(t, "raid10"))
		return 1;
	return (t[4] == '4' || t[4] == '5' || t[4] == '6') && (!t[5] || t[5] == '_');
}

/*
 * The reshape space of a striped raid is not part of its size: LVM2
 * takes reshape_count extents off every data image (every image of raid10).
 */
static uint64_t lv_usable_extents(const struct logical_volume *lv)
{
	const struct lv_segment *seg;
	uint64_t n = lv->le_count, off;

	TAILQ_FOREACH(seg, &lv->segments, list) {
		if (!seg->reshape_count || !raid_reshapable(seg))
			continue;
		off = (uint64_t)seg->reshape_count * seg_data_stripes(seg) *
		      (!strcmp(seg->type, "raid10") ? seg_data_copies(seg) : 1);
		n -= off < n ? off : n;
	}
	return n;
}

GETTER(get_lv_size) { UNUSED_R; set_num(c, lv_usable_extents(row->lv) * lv_extent_bytes(row->lv)); }

GETTER(get_lv_metadata_size)
{
	const struct lv_rel *rel = lv_rel_get(r, row->lv);

	if (!rel->meta_lv)
		c->empty = 1;
	else
		set_num(c, rel->meta_lv->le_count * lv_extent_bytes(rel->meta_lv));
}

GETTER(get_seg_count) { UNUSED_R; set_num(c, row->lv->seg_count); }
GETTER(get_origin) { set_lv_ref(r, c, lv_rel_get(r, row->lv)->origin); }
GETTER(get_origin_uuid) { set_str(c, uuid_or_empty(r, lv_rel_get(r, row->lv)->origin)); }

GETTER(get_origin_size)
{
	const struct lv_rel *rel = lv_rel_get(r, row->lv);
	const struct logical_volume *origin = NULL;

	if (rel->roles & ROLE_COW)
		origin = rel->origin;
	else if (rel->roles & ROLE_THICK_ORIGIN)
		origin = row->lv;
	if (!origin)
		c->empty = 1;
	else
		set_num(c, origin->le_count * lv_extent_bytes(origin));
}

GETTER(get_mirror_log) { set_lv_ref(r, c, lv_rel_get(r, row->lv)->mirror_log); }
GETTER(get_mirror_log_uuid) { set_str(c, uuid_or_empty(r, lv_rel_get(r, row->lv)->mirror_log)); }
GETTER(get_data_lv) { set_lv_ref(r, c, lv_rel_get(r, row->lv)->data_lv); }
GETTER(get_data_lv_uuid) { set_str(c, uuid_or_empty(r, lv_rel_get(r, row->lv)->data_lv)); }
GETTER(get_metadata_lv) { set_lv_ref(r, c, lv_rel_get(r, row->lv)->meta_lv); }
GETTER(get_metadata_lv_uuid) { set_str(c, uuid_or_empty(r, lv_rel_get(r, row->lv)->meta_lv)); }
GETTER(get_pool_lv) { set_lv_ref(r, c, lv_rel_get(r, row->lv)->pool); }
GETTER(get_pool_lv_uuid) { set_str(c, uuid_or_empty(r, lv_rel_get(r, row->lv)->pool)); }
GETTER(get_lv_tags) { set_str(c, tags_text(r, &row->lv->tags)); }
GETTER(get_lv_profile) { UNUSED_R; set_str(c, row->lv->profile); }
GETTER(get_lv_lockargs) { UNUSED_R; set_str(c, row->lv->lock_args); }

GETTER(get_lv_time)
{
	char buf[64];
	time_t t = (time_t)row->lv->creation_time;
	struct tm tm;

	if (!row->lv->has_creation || !localtime_r(&t, &tm) ||
	    !strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %z", &tm)) {
		set_str(c, "");
		return;
	}
	set_str(c, pool_strdup(report_pool(r), buf));
}

GETTER(get_lv_host) { UNUSED_R; set_str(c, row->lv->creation_host); }

GETTER(get_lv_modules)
{
	uint32_t ro = lv_rel_get(r, row->lv)->roles;

	set_str(c, (ro & ROLE_THIN_VOL) ? "thin,thin-pool" :
		   (ro & ROLE_THIN_POOL) ? "thin-pool" :
		   (ro & (ROLE_CACHE | ROLE_CACHE_POOL)) ? "cache" :
		   (ro & ROLE_MIRROR) ? "mirror" :
		   (ro & ROLE_RAID) ? "raid" :
		   (ro & (ROLE_COW | ROLE_THICK_ORIGIN)) ? "snapshot" : "");
}

GETTER(get_lv_kernel_major)
{
	struct lv_state_info st;

	report_lv_state(r, row->lv, &st);
	set_snum(c, !st.unknown && st.active ? st.kernel_major : -1);
}

GETTER(get_lv_kernel_minor)
{
	struct lv_state_info st;

	report_lv_state(r, row->lv, &st);
	set_snum(c, !st.unknown && st.active ? st.kernel_minor : -1);
}

GETTER(get_minus_one) { UNUSED_R; (void)row; set_snum(c, -1); }

/* Fields that need device-mapper: "unknown" when it was not asked. */
static void state_text(struct report *r, const struct row *row, struct cell *c,
		       int on, const char *text)
{
	struct lv_state_info st;

	report_lv_state(r, row->lv, &st);
	if (st.unknown)
		set_unknown(c);
	else
		set_bin(c, on, text);
}

GETTER(get_lv_permissions)
{
	struct lv_state_info st;

	report_lv_state(r, row->lv, &st);
	set_str(c, !(row->lv->status & LV_WRITE) ? "read-only" :
		   st.unknown ? "unknown" : "writeable");
}

GETTER(get_lv_suspended)
{
	struct lv_state_info st;

	report_lv_state(r, row->lv, &st);
	state_text(r, row, c, st.suspended, "suspended");
}

GETTER(get_lv_live_table)
{
	struct lv_state_info st;

	report_lv_state(r, row->lv, &st);
	state_text(r, row, c, st.active, "live table present");
}

GETTER(get_lv_inactive_table) { state_text(r, row, c, 0, "inactive table present"); }

GETTER(get_lv_device_open)
{
	struct lv_state_info st;

	report_lv_state(r, row->lv, &st);
	state_text(r, row, c, st.open, "open");
}

GETTER(get_lv_check_needed) { state_text(r, row, c, 0, "check needed"); }
GETTER(get_lv_merge_failed) { state_text(r, row, c, 0, "merge failed"); }
GETTER(get_lv_snapshot_invalid) { state_text(r, row, c, 0, "snapshot invalid"); }

GETTER(get_lv_health_status)
{
	const struct logical_volume *lv = row->lv;

	set_str(c, lv_has_missing_pv(lv) ? "partial" :
		   lv_health_unknown(r, lv, lv_rel_get(r, lv)->roles) ? "unknown" : "");
}

/* Mirrors and raids are synced from creation unless made with --nosync. */
GETTER(get_lv_initial_image_sync)
{
	const struct logical_volume *lv = row->lv;

	set_bin(c, (lv_rel_get(r, lv)->roles & (ROLE_MIRROR | ROLE_RAID)) &&
		   !(lv->status & LV_NOTSYNCED), "initial image sync");
}

/* ---------------- segments ---------------- */

static uint32_t seg_chunk_sectors(struct report *r, const struct lv_segment *seg)
{
	const struct lv_rel *rel;
	int64_t v;

	if (!seg->lv)
		return 0;
	rel = lv_rel_get(r, seg->lv);
	if (!seg_extra_int(seg, "chunk_size", &v))
		return (uint32_t)v;
	if ((rel->roles & ROLE_CACHE) && rel->pool)
		return lv_rel_get(r, rel->pool)->chunk_size;
	if (rel->roles & ROLE_COW)
		return rel->chunk_size;
	return 0;
}

/*
 * The LV a pool or cache segment stacks on, shown as its only area:
 * a cache LV's origin, a pool's data LV.
 */
static const struct logical_volume *seg_pseudo_area(struct report *r, const struct lv_segment *seg)
{
	const struct lv_rel *rel;

	if (!seg->type || !seg->lv)
		return NULL;
	rel = lv_rel_get(r, seg->lv);
	if (!strcmp(seg->type, "cache"))
		return rel->origin;
	if (!strcmp(seg->type, "thin-pool") || !strcmp(seg->type, "cache-pool"))
		return rel->data_lv;
	return NULL;
}

static uint32_t seg_data_areas(const struct lv_segment *seg)
{
	uint32_t i, n = 0;

	for (i = 0; i < seg->area_count; i++)
		n += !seg_is_raid_meta_area(seg, i);
	return n;
}

GETTER(get_segtype)
{
	const struct lv_segment *seg = row->seg;

	UNUSED_R;
	if (seg->type && !strcmp(seg->type, "striped"))
		set_str(c, seg->area_count > 1 ? "striped" : "linear");
	else
		set_str(c, seg->type);
}

GETTER(get_stripes)
{
	const struct lv_segment *seg = row->seg;

	set_num(c, seg->area_count ? seg_data_areas(seg) : seg_pseudo_area(r, seg) != NULL);
}

GETTER(get_data_stripes)
{
	const struct lv_segment *seg = row->seg;

	set_num(c, seg->area_count ? seg_data_stripes(seg) : seg_pseudo_area(r, seg) != NULL);
}

GETTER(get_data_copies)
{
	UNUSED_R;
	if (!row->seg->lv)
		c->empty = 1;
	else
		set_num(c, seg_data_copies(row->seg));
}

/* LVM2 counts every copy beyond the first as parity, even raid1's. */
GETTER(get_parity_chunks)
{
	uint32_t copies = row->seg->lv ? seg_data_copies(row->seg) : 1;

	UNUSED_R;
	if (copies > 1)
		set_num(c, copies - 1);
	else
		c->empty = 1;
}

/*
 * The segment of the raid an image belongs to as LVM2 finds it for
 * reshape_len: by the image's name up to its first '_' (so the images of
 * "a_b" find LV "a", or none).
 */
static const struct lv_segment *image_top_seg(struct report *r, const struct logical_volume *lv)
{
	const char *u = strchr(lv->name, '_');
	const struct lv_rel *top;

	if (!u)
		return NULL;
	top = hash_lookup(vg_info_get(r, lv->vg)->rels,
			  pool_printf(report_pool(r), "%.*s", (int)(u - lv->name), lv->name));
	return top ? first_seg(top->lv) : NULL;
}

/*
 * Extents kept free for reshaping: a striped raid's reshape_count on each
 * image; its images show 0; everything else has none.
 */
static int reshape_extents(struct report *r, const struct lv_segment *seg, uint64_t *out)
{
	const struct lv_rel *rel;

	if (!seg->lv)
		return -1;
	if (raid_reshapable(seg)) {
		*out = (uint64_t)seg->reshape_count * seg_data_areas(seg);
		return 0;
	}
	rel = lv_rel_get(r, seg->lv);
	if ((rel->roles & ROLE_RAID_IMAGE) && raid_reshapable(image_top_seg(r, seg->lv))) {
		*out = 0;
		return 0;
	}
	return -1;
}

GETTER(get_reshape_len)
{
	uint64_t n;

	if (reshape_extents(r, row->seg, &n))
		c->empty = 1;
	else
		set_num(c, n * vg_extent_bytes(row->vg));
}

GETTER(get_reshape_len_le)
{
	uint64_t n;

	if (reshape_extents(r, row->seg, &n))
		c->empty = 1;
	else
		set_num(c, n);
}

GETTER(get_stripe_size)
{
	const struct lv_segment *seg = row->seg;
	int64_t v = 0;

	UNUSED_R;
	if (seg->type && !strcmp(seg->type, "striped"))
		v = seg->area_count > 1 ? seg->stripe_size : 0;
	else
		seg_extra_int(seg, "stripe_size", &v);
	set_num(c, (uint64_t)v * SECTOR);
}

GETTER(get_region_size)
{
	int64_t v = 0;

	UNUSED_R;
	seg_extra_int(row->seg, "region_size", &v);
	set_num(c, (uint64_t)v * SECTOR);
}

GETTER(get_chunk_size) { set_num(c, seg_chunk_sectors(r, row->seg) * SECTOR); }

GETTER(get_thin_count)
{
	const struct logical_volume *lv;
	uint64_t n = 0;

	if (!row->lv || !(lv_rel_get(r, row->lv)->roles & ROLE_THIN_POOL)) {
		c->empty = 1;
		return;
	}
	/* linear in the VG, but only for thin pools */
	TAILQ_FOREACH(lv, &row->lv->vg->lvs, list)
		n += lv_rel_get(r, lv)->pool == row->lv;
	set_num(c, n);
}

/*
 * The segment holding the pool settings of seg: a thin volume's or cache
 * LV's pool segment, else seg itself.
 */
static const struct lv_segment *settings_seg(struct report *r, const struct lv_segment *seg)
{
	const struct lv_rel *rel;
	const struct lv_segment *ps;

	if (!seg->lv || !seg->type || (strcmp(seg->type, "thin") && strcmp(seg->type, "cache")))
		return seg;
	rel = lv_rel_get(r, seg->lv);
	ps = rel->pool ? first_seg(rel->pool) : NULL;
	return ps ? ps : seg;
}

/* A setting stored in seg or, for thin and cache volumes, in their pool. */
static const char *setting_str(struct report *r, const struct lv_segment *seg, const char *key)
{
	const char *v = seg_extra_str(seg, key);

	return v ? v : seg_extra_str(settings_seg(r, seg), key);
}

GETTER(get_discards) { set_str(c, setting_str(r, row->seg, "discards")); }
GETTER(get_cache_mode) { set_str(c, setting_str(r, row->seg, "cache_mode")); }
GETTER(get_cache_policy) { set_str(c, setting_str(r, row->seg, "policy")); }

GETTER(get_cache_metadata_format)
{
	int64_t v;

	if (seg_extra_int(row->seg, "metadata_format", &v) &&
	    seg_extra_int(settings_seg(r, row->seg), "metadata_format", &v))
		c->empty = 1;
	else
		set_num(c, (uint64_t)v);
}

/* policy_settings as LVM2 lists them: key=value,... in stored order. */
static const char *settings_text(struct report *r, const struct cfg_node *sect)
{
	struct strbuf sb = STRBUF_INIT;
	const struct cfg_node *n;
	const char *out;

	for (n = sect ? sect->child : NULL; n; n = n->next) {
		if (!n->key || !n->value)
			continue;
		if (sb.len)
			strbuf_addch(&sb, ',');
		if (n->value->type == CFG_INT)
			strbuf_addf(&sb, "%s=%lld", n->key, (long long)n->value->v.i);
		else if (n->value->type == CFG_STRING)
			strbuf_addf(&sb, "%s=%s", n->key, n->value->v.str);
		else
			strbuf_addf(&sb, "%s=%g", n->key, n->value->v.f);
	}
	out = pool_strdup(report_pool(r), sb.buf);
	strbuf_release(&sb);
	return out;
}

GETTER(get_cache_settings)
{
	const struct cfg_node *sect = seg_extra_section(row->seg, "policy_settings");

	if (!sect)
		sect = seg_extra_section(settings_seg(r, row->seg), "policy_settings");
	set_str(c, settings_text(r, sect));
}

/*
 * Thin pools and their volumes show the pool's setting; LVM2 calls it
 * unknown (-1) elsewhere.
 */
GETTER(get_zero)
{
	const struct lv_rel *rel = row->lv ? lv_rel_get(r, row->lv) : NULL;

	if (!rel)
		set_str(c, "");
	else if (rel->roles & (ROLE_THIN_POOL | ROLE_THIN_VOL))
		set_bin(c, lv_zeroes(r, rel), "zero");
	else
		set_unknown(c);
}

GETTER(get_transaction_id)
{
	int64_t v;

	UNUSED_R;
	if (seg_extra_int(row->seg, "transaction_id", &v))
		c->empty = 1;
	else
		set_num(c, (uint64_t)v);
}

GETTER(get_thin_id)
{
	int64_t v;

	UNUSED_R;
	if (seg_extra_int(row->seg, "device_id", &v))
		c->empty = 1;
	else
		set_num(c, (uint64_t)v);
}

/* A free run of pvs --segments has a pseudo segment without LV: use the row's VG. */
GETTER(get_seg_start) { UNUSED_R; set_num(c, row->seg->le * vg_extent_bytes(row->vg)); }
GETTER(get_seg_start_pe) { UNUSED_R; set_num(c, row->seg->le); }
GETTER(get_seg_size) { UNUSED_R; set_num(c, row->seg->len * vg_extent_bytes(row->vg)); }
GETTER(get_seg_size_pe) { UNUSED_R; set_num(c, row->seg->len); }
GETTER(get_seg_tags) { set_str(c, tags_text(r, &row->seg->tags)); }

enum range_style { RANGE_LE, RANGE_PE, RANGE_DEVICES, RANGE_META_DEVICES, RANGE_META_LE };

static void add_area(struct report *r, struct strbuf *sb, enum range_style st,
		     const char *pvname, const struct logical_volume *lv,
		     uint32_t start, uint32_t len)
{
	const char *name = pvname ? pvname : !lv ? "" :
			   st == RANGE_LE || st == RANGE_META_LE ? lv_display_name(r, lv) : lv->name;

	if (sb->len)
		strbuf_addstr(sb, st == RANGE_PE ? " " : ",");
	if (st == RANGE_DEVICES || st == RANGE_META_DEVICES)
		strbuf_addf(sb, "%s(%u)", name, start);
	else
		strbuf_addf(sb, "%s:%u-%u", name, start, start + len - 1);
}

static const char *seg_ranges(struct report *r, const struct lv_segment *seg,
			      enum range_style st)
{
	struct strbuf sb = STRBUF_INIT;
	const struct logical_volume *pseudo = seg_pseudo_area(r, seg);
	uint32_t i, len = seg_area_len(seg);
	int meta = st == RANGE_META_DEVICES || st == RANGE_META_LE;
	const char *out;

	if (!seg->area_count && pseudo && !meta)
		add_area(r, &sb, st, NULL, pseudo, 0, seg->len);
	for (i = 0; i < seg->area_count; i++) {
		const struct seg_area *a = &seg->areas[i];

		if (seg_is_raid_meta_area(seg, i) != meta)
			continue;
		if (a->type == AREA_PV && a->u.pv.pv)
			add_area(r, &sb, st, a->u.pv.pv->dev ? a->u.pv.pv->dev->path : "[unknown]",
				 NULL, a->u.pv.pe, len);
		else if (a->type == AREA_LV && a->u.lv.lv)
			/* a raid metadata sub-LV is used whole */
			add_area(r, &sb, st, NULL, a->u.lv.lv, meta ? 0 : a->u.lv.le,
				 meta ? a->u.lv.lv->le_count : len);
	}
	out = pool_strdup(report_pool(r), sb.buf);
	strbuf_release(&sb);
	return out;
}

GETTER(get_seg_le_ranges) { set_str(c, seg_ranges(r, row->seg, RANGE_LE)); }
GETTER(get_seg_pe_ranges) { set_str(c, seg_ranges(r, row->seg, RANGE_PE)); }
GETTER(get_devices) { set_str(c, seg_ranges(r, row->seg, RANGE_DEVICES)); }
GETTER(get_seg_metadata_le_ranges) { set_str(c, seg_ranges(r, row->seg, RANGE_META_LE)); }
GETTER(get_metadata_devices) { set_str(c, seg_ranges(r, row->seg, RANGE_META_DEVICES)); }

#define F(n, h, o, t, w, g) { n, h, o, t, w, g, NULL }

const struct field_def report_fields[] = {
	F("pv_fmt", "Fmt", OBJ_PV, VT_STR, 4, get_pv_fmt),
	F("pv_uuid", "PV UUID", OBJ_PV, VT_STR, 38, get_pv_uuid),
	F("dev_size", "DevSize", OBJ_PV, VT_SIZE, 7, get_dev_size),
	F("pv_name", "PV", OBJ_PV, VT_STR, 10, get_pv_name),
	F("pv_major", "Maj", OBJ_PV, VT_SNUM, 3, get_pv_major),
	F("pv_minor", "Min", OBJ_PV, VT_SNUM, 3, get_pv_minor),
	F("pv_mda_free", "PMdaFree", OBJ_PV, VT_SIZE, 9, get_pv_mda_free),
	F("pv_mda_size", "PMdaSize", OBJ_PV, VT_SIZE, 9, get_pv_mda_size),
	F("pv_ext_vsn", "PExtVsn", OBJ_PV, VT_NUM, 7, get_pv_ext_vsn),
	F("pe_start", "1st PE", OBJ_PV, VT_SIZE, 7, get_pe_start),
	F("pv_size", "PSize", OBJ_PV, VT_SIZE, 5, get_pv_size),
	F("pv_free", "PFree", OBJ_PV, VT_SIZE, 5, get_pv_free),
	F("pv_used", "Used", OBJ_PV, VT_SIZE, 4, get_pv_used),
	F("pv_attr", "Attr", OBJ_PV, VT_STR, 4, get_pv_attr),
	F("pv_allocatable", "Allocatable", OBJ_PV, VT_BIN, 11, get_pv_allocatable),
	F("pv_exported", "Exported", OBJ_PV, VT_BIN, 10, get_pv_exported),
	F("pv_missing", "Missing", OBJ_PV, VT_BIN, 10, get_pv_missing),
	F("pv_pe_count", "PE", OBJ_PV, VT_NUM, 3, get_pv_pe_count),
	F("pv_pe_alloc_count", "Alloc", OBJ_PV, VT_NUM, 5, get_pv_pe_alloc_count),
	F("pv_tags", "PV Tags", OBJ_PV, VT_STR, 7, get_pv_tags),
	F("pv_mda_count", "#PMda", OBJ_PV, VT_NUM, 5, get_pv_mda_count),
	F("pv_mda_used_count", "#PMdaUse", OBJ_PV, VT_NUM, 8, get_pv_mda_used_count),
	F("pv_ba_start", "BA Start", OBJ_PV, VT_SIZE, 8, get_pv_ba_start),
	F("pv_ba_size", "BA Size", OBJ_PV, VT_SIZE, 7, get_pv_ba_size),
	F("pv_in_use", "PInUse", OBJ_PV, VT_BIN, 6, get_pv_in_use),
	F("pv_duplicate", "Duplicate", OBJ_PV, VT_BIN, 9, get_pv_duplicate),
	F("pv_device_id", "DeviceID", OBJ_PV, VT_STR, 8, get_pv_device_id),
	F("pv_device_id_type", "DeviceIDType", OBJ_PV, VT_STR, 12, get_pv_device_id_type),
	F("pvseg_start", "Start", OBJ_PVSEG, VT_NUM, 5, get_pvseg_start),
	F("pvseg_size", "SSize", OBJ_PVSEG, VT_NUM, 5, get_pvseg_size),
	F("vg_fmt", "Fmt", OBJ_VG, VT_STR, 3, get_vg_fmt),
	F("vg_uuid", "VG UUID", OBJ_VG, VT_STR, 38, get_vg_uuid),
	F("vg_name", "VG", OBJ_VG, VT_STR, 2, get_vg_name),
	F("vg_attr", "Attr", OBJ_VG, VT_STR, 6, get_vg_attr),
	F("vg_permissions", "VPerms", OBJ_VG, VT_STR, 10, get_vg_permissions),
	F("vg_extendable", "Extendable", OBJ_VG, VT_BIN, 10, get_vg_extendable),
	F("vg_exported", "Exported", OBJ_VG, VT_BIN, 10, get_vg_exported),
	F("vg_autoactivation", "AutoAct", OBJ_VG, VT_BIN, 7, get_vg_autoactivation),
	F("vg_partial", "Partial", OBJ_VG, VT_BIN, 10, get_vg_partial),
	F("vg_allocation_policy", "AllocPol", OBJ_VG, VT_STR, 10, get_vg_allocation_policy),
	F("vg_clustered", "Clustered", OBJ_VG, VT_BIN, 10, get_vg_clustered),
	F("vg_shared", "Shared", OBJ_VG, VT_BIN, 7, get_vg_shared),
	F("vg_size", "VSize", OBJ_VG, VT_SIZE, 5, get_vg_size),
	F("vg_free", "VFree", OBJ_VG, VT_SIZE, 5, get_vg_free),
	F("vg_sysid", "SYS ID", OBJ_VG, VT_STR, 6, get_vg_systemid),
	F("vg_systemid", "System ID", OBJ_VG, VT_STR, 9, get_vg_systemid),
	F("vg_lock_type", "LockType", OBJ_VG, VT_STR, 8, get_vg_lock_type),
	F("vg_lock_args", "VLockArgs", OBJ_VG, VT_STR, 9, get_vg_lock_args),
	F("vg_extent_size", "Ext", OBJ_VG, VT_SIZE, 4, get_vg_extent_size),
	F("vg_extent_count", "#Ext", OBJ_VG, VT_NUM, 4, get_vg_extent_count),
	F("vg_free_count", "Free", OBJ_VG, VT_NUM, 4, get_vg_free_count),
	F("max_lv", "MaxLV", OBJ_VG, VT_NUM, 5, get_max_lv),
	F("max_pv", "MaxPV", OBJ_VG, VT_NUM, 5, get_max_pv),
	F("pv_count", "#PV", OBJ_VG, VT_NUM, 3, get_pv_count),
	F("vg_missing_pv_count", "#PV Missing", OBJ_VG, VT_NUM, 11, get_vg_missing_pv_count),
	F("lv_count", "#LV", OBJ_VG, VT_NUM, 3, get_lv_count),
	F("snap_count", "#SN", OBJ_VG, VT_NUM, 3, get_snap_count),
	F("vg_seqno", "Seq", OBJ_VG, VT_NUM, 3, get_vg_seqno),
	F("vg_tags", "VG Tags", OBJ_VG, VT_STR, 7, get_vg_tags),
	F("vg_profile", "VProfile", OBJ_VG, VT_STR, 8, get_vg_profile),
	F("vg_mda_count", "#VMda", OBJ_VG, VT_NUM, 5, get_vg_mda_count),
	F("vg_mda_used_count", "#VMdaUse", OBJ_VG, VT_NUM, 8, get_vg_mda_used_count),
	F("vg_mda_free", "VMdaFree", OBJ_VG, VT_SIZE, 9, get_vg_mda_free),
	F("vg_mda_size", "VMdaSize", OBJ_VG, VT_SIZE, 9, get_vg_mda_size),
	F("vg_mda_copies", "#VMdaCps", OBJ_VG, VT_NUM, 9, get_vg_mda_copies),
	F("lv_uuid", "LV UUID", OBJ_LV, VT_STR, 38, get_lv_uuid),
	F("lv_name", "LV", OBJ_LV, VT_STR, 4, get_lv_name),
	F("lv_full_name", "LV", OBJ_LV, VT_STR, 4, get_lv_full_name),
	F("lv_path", "Path", OBJ_LV, VT_STR, 4, get_lv_path),
	F("lv_dm_path", "DMPath", OBJ_LV, VT_STR, 6, get_lv_dm_path),
	F("lv_parent", "Parent", OBJ_LV, VT_STR, 6, get_lv_parent),
	F("lv_layout", "Layout", OBJ_LV, VT_STR, 10, get_lv_layout),
	F("lv_role", "Role", OBJ_LV, VT_STR, 10, get_lv_role),
	F("lv_initial_image_sync", "InitImgSync", OBJ_LV, VT_BIN, 10, get_lv_initial_image_sync),
	F("lv_image_synced", "ImgSynced", OBJ_LV, VT_BIN, 10, get_empty),
	F("lv_merging", "Merging", OBJ_LV, VT_BIN, 10, get_empty),
	F("lv_converting", "Converting", OBJ_LV, VT_BIN, 10, get_empty),
	F("lv_allocation_policy", "AllocPol", OBJ_LV, VT_STR, 10, get_lv_allocation_policy),
	F("lv_allocation_locked", "AllocLock", OBJ_LV, VT_BIN, 10, get_lv_allocation_locked),
	F("lv_fixed_minor", "FixMin", OBJ_LV, VT_BIN, 10, get_lv_fixed_minor),
	F("lv_skip_activation", "SkipAct", OBJ_LV, VT_BIN, 15, get_lv_skip_activation),
	F("lv_autoactivation", "AutoAct", OBJ_LV, VT_BIN, 7, get_lv_autoactivation),
	F("lv_when_full", "WhenFull", OBJ_LV, VT_STR, 15, get_lv_when_full),
	F("lv_active", "Active", OBJ_LV, VT_STR, 6, get_lv_active),
	F("lv_active_locally", "ActLocal", OBJ_LV, VT_BIN, 10, get_lv_active_locally),
	F("lv_active_remotely", "ActRemote", OBJ_LV, VT_BIN, 10, get_lv_active_remotely),
	F("lv_active_exclusively", "ActExcl", OBJ_LV, VT_BIN, 10, get_lv_active_exclusively),
	F("lv_major", "Maj", OBJ_LV, VT_SNUM, 3, get_lv_major),
	F("lv_minor", "Min", OBJ_LV, VT_SNUM, 3, get_lv_minor),
	F("lv_read_ahead", "Rahead", OBJ_LV, VT_SIZE, 6, get_lv_read_ahead),
	F("lv_size", "LSize", OBJ_LV, VT_SIZE, 5, get_lv_size),
	F("lv_metadata_size", "MSize", OBJ_LV, VT_SIZE, 5, get_lv_metadata_size),
	F("seg_count", "#Seg", OBJ_LV, VT_NUM, 4, get_seg_count),
	F("origin", "Origin", OBJ_LV, VT_STR, 6, get_origin),
	F("origin_uuid", "Origin UUID", OBJ_LV, VT_STR, 38, get_origin_uuid),
	F("origin_size", "OSize", OBJ_LV, VT_SIZE, 5, get_origin_size),
	F("lv_ancestors", "Ancestors", OBJ_LV, VT_STR, 9, get_lv_ancestors),
	F("lv_full_ancestors", "FAncestors", OBJ_LV, VT_STR, 10, get_lv_ancestors),
	F("lv_descendants", "Descendants", OBJ_LV, VT_STR, 11, get_lv_descendants),
	F("lv_full_descendants", "FDescendants", OBJ_LV, VT_STR, 12, get_lv_descendants),
	F("raid_mismatch_count", "Mismatches", OBJ_LV, VT_PCT, 10, get_empty),
	F("raid_sync_action", "SyncAction", OBJ_LV, VT_PCT, 10, get_empty),
	F("raid_write_behind", "WBehind", OBJ_LV, VT_PCT, 7, get_empty),
	F("raid_min_recovery_rate", "MinSync", OBJ_LV, VT_PCT, 7, get_empty),
	F("raid_max_recovery_rate", "MaxSync", OBJ_LV, VT_PCT, 7, get_empty),
	F("raidintegritymode", "IntegMode", OBJ_LV, VT_STR, 9, get_empty),
	F("raidintegrityblocksize", "IntegBlkSize", OBJ_LV, VT_SNUM, 12, get_minus_one),
	F("integritymismatches", "IntegMismatches", OBJ_LV, VT_PCT, 15, get_empty),
	F("move_pv", "Move", OBJ_LV, VT_STR, 4, get_empty),
	F("move_pv_uuid", "Move UUID", OBJ_LV, VT_STR, 38, get_empty),
	F("convert_lv", "Convert", OBJ_LV, VT_STR, 7, get_empty),
	F("convert_lv_uuid", "Convert UUID", OBJ_LV, VT_STR, 38, get_empty),
	F("mirror_log", "Log", OBJ_LV, VT_STR, 3, get_mirror_log),
	F("mirror_log_uuid", "Log UUID", OBJ_LV, VT_STR, 38, get_mirror_log_uuid),
	F("data_lv", "Data", OBJ_LV, VT_STR, 4, get_data_lv),
	F("data_lv_uuid", "Data UUID", OBJ_LV, VT_STR, 38, get_data_lv_uuid),
	F("metadata_lv", "Meta", OBJ_LV, VT_STR, 4, get_metadata_lv),
	F("metadata_lv_uuid", "Meta UUID", OBJ_LV, VT_STR, 38, get_metadata_lv_uuid),
	F("pool_lv", "Pool", OBJ_LV, VT_STR, 4, get_pool_lv),
	F("pool_lv_uuid", "Pool UUID", OBJ_LV, VT_STR, 38, get_pool_lv_uuid),
	F("lv_tags", "LV Tags", OBJ_LV, VT_STR, 7, get_lv_tags),
	F("lv_profile", "LProfile", OBJ_LV, VT_STR, 8, get_lv_profile),
	F("lv_lockargs", "LLockArgs", OBJ_LV, VT_STR, 9, get_lv_lockargs),
	F("lv_time", "CTime", OBJ_LV, VT_STR, 26, get_lv_time),
	F("lv_time_removed", "RTime", OBJ_LV, VT_STR, 26, get_empty),
	F("lv_host", "Host", OBJ_LV, VT_STR, 10, get_lv_host),
	F("lv_modules", "Modules", OBJ_LV, VT_STR, 7, get_lv_modules),
	F("lv_historical", "Historical", OBJ_LV, VT_BIN, 10, get_empty),
	F("writecache_block_size", "WCacheBlkSize", OBJ_LV, VT_SNUM, 13, get_minus_one),
	F("lv_kernel_major", "KMaj", OBJ_LV, VT_SNUM, 4, get_lv_kernel_major),
	F("lv_kernel_minor", "KMin", OBJ_LV, VT_SNUM, 4, get_lv_kernel_minor),
	F("lv_kernel_read_ahead", "KRahead", OBJ_LV, VT_SNUM, 7, get_minus_one),
	F("lv_permissions", "LPerms", OBJ_LV, VT_STR, 8, get_lv_permissions),
	F("lv_suspended", "Suspended", OBJ_LV, VT_BIN, 10, get_lv_suspended),
	F("lv_live_table", "LiveTable", OBJ_LV, VT_BIN, 20, get_lv_live_table),
	F("lv_inactive_table", "InactiveTable", OBJ_LV, VT_BIN, 20, get_lv_inactive_table),
	F("lv_device_open", "DevOpen", OBJ_LV, VT_BIN, 10, get_lv_device_open),
	F("data_percent", "Data%", OBJ_LV, VT_PCT, 6, get_empty),
	F("snap_percent", "Snap%", OBJ_LV, VT_PCT, 6, get_empty),
	F("metadata_percent", "Meta%", OBJ_LV, VT_PCT, 6, get_empty),
	F("copy_percent", "Cpy%Sync", OBJ_LV, VT_PCT, 8, get_empty),
	F("sync_percent", "Cpy%Sync", OBJ_LV, VT_PCT, 8, get_empty),
	F("cache_total_blocks", "CacheTotalBlocks", OBJ_LV, VT_PCT, 16, get_empty),
	F("cache_used_blocks", "CacheUsedBlocks", OBJ_LV, VT_PCT, 16, get_empty),
	F("cache_dirty_blocks", "CacheDirtyBlocks", OBJ_LV, VT_PCT, 16, get_empty),
	F("cache_read_hits", "CacheReadHits", OBJ_LV, VT_PCT, 16, get_empty),
	F("cache_read_misses", "CacheReadMisses", OBJ_LV, VT_PCT, 16, get_empty),
	F("cache_write_hits", "CacheWriteHits", OBJ_LV, VT_PCT, 16, get_empty),
	F("cache_write_misses", "CacheWriteMisses", OBJ_LV, VT_PCT, 16, get_empty),
	F("kernel_cache_settings", "KCacheSettings", OBJ_LV, VT_STR, 18, get_empty),
	F("kernel_cache_policy", "KCachePolicy", OBJ_LV, VT_STR, 18, get_empty),
	F("kernel_metadata_format", "KMFmt", OBJ_LV, VT_STR, 5, get_empty),
	F("lv_health_status", "Health", OBJ_LV, VT_STR, 15, get_lv_health_status),
	F("kernel_discards", "KDiscards", OBJ_LV, VT_STR, 9, get_empty),
	F("lv_check_needed", "CheckNeeded", OBJ_LV, VT_BIN, 15, get_lv_check_needed),
	F("lv_merge_failed", "MergeFailed", OBJ_LV, VT_BIN, 15, get_lv_merge_failed),
	F("lv_snapshot_invalid", "SnapInvalid", OBJ_LV, VT_BIN, 15, get_lv_snapshot_invalid),
	F("vdo_operating_mode", "VDOOperatingMode", OBJ_LV, VT_STR, 16, get_empty),
	F("vdo_compression_state", "VDOCompressionState", OBJ_LV, VT_STR, 19, get_empty),
	F("vdo_index_state", "VDOIndexState", OBJ_LV, VT_STR, 13, get_empty),
	F("vdo_used_size", "VDOUsedSize", OBJ_LV, VT_PCT, 11, get_empty),
	F("vdo_saving_percent", "VDOSaving%", OBJ_LV, VT_PCT, 10, get_empty),
	F("writecache_total_blocks", "WCacheTotalBlocks", OBJ_LV, VT_PCT, 17, get_empty),
	F("writecache_free_blocks", "WCacheFreeBlocks", OBJ_LV, VT_PCT, 16, get_empty),
	F("writecache_writeback_blocks", "WCacheWritebackBlocks", OBJ_LV, VT_PCT, 21, get_empty),
	F("writecache_error", "WCacheErrors", OBJ_LV, VT_PCT, 12, get_empty),
	F("lv_attr", "Attr", OBJ_LV, VT_STR, 10, get_lv_attr),
	F("segtype", "Type", OBJ_SEG, VT_STR, 4, get_segtype),
	F("stripes", "#Str", OBJ_SEG, VT_NUM, 4, get_stripes),
	F("data_stripes", "#DStr", OBJ_SEG, VT_NUM, 5, get_data_stripes),
	F("reshape_len", "RSize", OBJ_SEG, VT_SIZE, 5, get_reshape_len),
	F("reshape_len_le", "RSize", OBJ_SEG, VT_NUM, 5, get_reshape_len_le),
	F("data_copies", "#Cpy", OBJ_SEG, VT_NUM, 4, get_data_copies),
	F("data_offset", "DOff", OBJ_SEG, VT_PCT, 4, get_empty),
	F("new_data_offset", "NOff", OBJ_SEG, VT_PCT, 4, get_empty),
	F("parity_chunks", "#Par", OBJ_SEG, VT_NUM, 4, get_parity_chunks),
	F("stripe_size", "Stripe", OBJ_SEG, VT_SIZE, 6, get_stripe_size),
	F("region_size", "Region", OBJ_SEG, VT_SIZE, 6, get_region_size),
	F("chunk_size", "Chunk", OBJ_SEG, VT_SIZE, 5, get_chunk_size),
	F("thin_count", "#Thins", OBJ_SEG, VT_NUM, 6, get_thin_count),
	F("discards", "Discards", OBJ_SEG, VT_STR, 8, get_discards),
	F("cache_metadata_format", "CMFmt", OBJ_SEG, VT_NUM, 5, get_cache_metadata_format),
	F("cache_mode", "CacheMode", OBJ_SEG, VT_STR, 9, get_cache_mode),
	F("zero", "Zero", OBJ_SEG, VT_BIN, 4, get_zero),
	F("transaction_id", "TransId", OBJ_SEG, VT_NUM, 7, get_transaction_id),
	F("thin_id", "ThId", OBJ_SEG, VT_NUM, 4, get_thin_id),
	F("seg_start", "Start", OBJ_SEG, VT_SIZE, 5, get_seg_start),
	F("seg_start_pe", "Start", OBJ_SEG, VT_NUM, 5, get_seg_start_pe),
	F("seg_size", "SSize", OBJ_SEG, VT_SIZE, 5, get_seg_size),
	F("seg_size_pe", "SSize", OBJ_SEG, VT_NUM, 5, get_seg_size_pe),
	F("seg_tags", "Seg Tags", OBJ_SEG, VT_STR, 8, get_seg_tags),
	F("seg_pe_ranges", "PE Ranges", OBJ_SEG, VT_STR, 9, get_seg_pe_ranges),
	F("seg_le_ranges", "LE Ranges", OBJ_SEG, VT_STR, 9, get_seg_le_ranges),
	F("seg_metadata_le_ranges", "Metadata LE Ranges", OBJ_SEG, VT_STR, 18, get_seg_metadata_le_ranges),
	F("devices", "Devices", OBJ_SEG, VT_STR, 7, get_devices),
	F("metadata_devices", "Metadata Devs", OBJ_SEG, VT_STR, 13, get_metadata_devices),
	F("seg_monitor", "Monitor", OBJ_SEG, VT_STR, 7, get_empty),
	F("cache_policy", "CachePolicy", OBJ_SEG, VT_STR, 11, get_cache_policy),
	F("cache_settings", "CacheSettings", OBJ_SEG, VT_STR, 13, get_cache_settings),
	/* VDO pools: openlvm reads no vdo segments, so these stay empty. */
	F("vdo_compression", "VDOCompression", OBJ_SEG, VT_STR, 14, get_empty),
	F("vdo_deduplication", "VDODeduplication", OBJ_SEG, VT_STR, 16, get_empty),
	F("vdo_use_metadata_hints", "VDOMetadataHints", OBJ_SEG, VT_STR, 16, get_empty),
	F("vdo_minimum_io_size", "VDOMinimumIOSize", OBJ_SEG, VT_PCT, 16, get_empty),
	F("vdo_block_map_cache_size", "VDOBlockMapCacheSize", OBJ_SEG, VT_PCT, 20, get_empty),
	F("vdo_block_map_era_length", "VDOBlockMapEraLength", OBJ_SEG, VT_PCT, 20, get_empty),
	F("vdo_use_sparse_index", "VDOSparseIndex", OBJ_SEG, VT_STR, 14, get_empty),
	F("vdo_index_memory_size", "VDOIndexMemorySize", OBJ_SEG, VT_PCT, 18, get_empty),
	F("vdo_slab_size", "VDOSlabSize", OBJ_SEG, VT_PCT, 11, get_empty),
	F("vdo_ack_threads", "VDOAckThreads", OBJ_SEG, VT_PCT, 13, get_empty),
	F("vdo_bio_threads", "VDOBioThreads", OBJ_SEG, VT_PCT, 13, get_empty),
	F("vdo_bio_rotation", "VDOBioRotation", OBJ_SEG, VT_PCT, 14, get_empty),
	F("vdo_cpu_threads", "VDOCPUThreads", OBJ_SEG, VT_PCT, 13, get_empty),
	F("vdo_hash_zone_threads", "VDOHashZoneThreads", OBJ_SEG, VT_PCT, 18, get_empty),
	F("vdo_logical_threads", "VDOLogicalThreads", OBJ_SEG, VT_PCT, 17, get_empty),
	F("vdo_physical_threads", "VDOPhysicalThreads", OBJ_SEG, VT_PCT, 18, get_empty),
	F("vdo_max_discard", "VDOMaxDiscard", OBJ_SEG, VT_PCT, 13, get_empty),
	F("vdo_write_policy", "VDOWritePolicy", OBJ_SEG, VT_STR, 14, get_empty),
	F("vdo_header_size", "VDOHeaderSize", OBJ_SEG, VT_PCT, 13, get_empty),
	/* Special: 1 for rows passing -S; rows failing it are kept only when shown. */
	F("selected", "Selected", OBJ_SPECIAL, VT_NUM, 8, report_get_selected),
};

const size_t report_field_count = sizeof(report_fields) / sizeof(report_fields[0]);
