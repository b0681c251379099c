/*
 * Which rows a report has follows the fields of -o, -O and -S, as in
 * LVM2: LV or segment fields in vgs give one row per LV or segment, PV or
 * PV segment fields one row per PV or PV segment; LV or segment fields in
 * pvs give PV segment rows; segment fields in lvs give segment rows.
 * A VG or LV report cannot mix the LV side and the PV side.
 *
 * Rows without some object still show values for it where LVM2 does:
 * free PV segments report an empty LV, orphan PVs an internal orphan VG.
 * Display and selection read cells the same way.
 */
#include "report/report_int.h"

#include <string.h>

#include "metadata/metadata.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

static const char *const type_names[] = {
	[RPT_PV] = "pv", [RPT_PVSEG] = "pvseg", [RPT_VG] = "vg", [RPT_LV] = "lv", [RPT_SEG] = "seg",
};

int report_row_type(enum report_type base, unsigned objs, enum report_type *out)
{
	int lv_side = (objs & (OBJ_BIT(OBJ_LV) | OBJ_BIT(OBJ_SEG))) != 0;
	int pv_side = (objs & (OBJ_BIT(OBJ_PV) | OBJ_BIT(OBJ_PVSEG))) != 0;

	*out = base;
	switch (base) {
	case RPT_PV:
	case RPT_PVSEG:
		if (lv_side || (objs & OBJ_BIT(OBJ_PVSEG)))
			*out = RPT_PVSEG;
		return 0;
	case RPT_VG:
		if (lv_side && pv_side)
			break;
		if (objs & OBJ_BIT(OBJ_SEG))
			*out = RPT_SEG;
		else if (objs & OBJ_BIT(OBJ_LV))
			*out = RPT_LV;
		else if (objs & OBJ_BIT(OBJ_PVSEG))
			*out = RPT_PVSEG;
		else if (objs & OBJ_BIT(OBJ_PV))
			*out = RPT_PV;
		return 0;
	case RPT_LV:
	case RPT_SEG:
		if (pv_side)
			break;
		if (objs & OBJ_BIT(OBJ_SEG))
			*out = RPT_SEG;
		return 0;
	}
	log_error("Can't report LV and PV fields at the same time in report type \"%s\".",
		  type_names[base]);
	return -1;
}

/*
 * LV fields of a free PV segment row: LVM2 reports them from an empty,
 * nameless LV, so some show values rather than nothing.
 */
enum free_kind {
	FK_TEXT, FK_SIZE0, FK_NUM0, FK_MINUS1, FK_BIN0, FK_BIN_UNKNOWN, FK_BIN_ENABLED,
	FK_FULL_NAME, FK_PATH, FK_DM_PATH,
};

static const struct {
	const char *name;
	enum free_kind kind;
	const char *text;
} free_row_values[] = {
	{ "lv_full_name", FK_FULL_NAME, NULL }, { "lv_path", FK_PATH, NULL },
	{ "lv_dm_path", FK_DM_PATH, NULL },
	{ "lv_layout", FK_TEXT, "unknown" }, { "lv_role", FK_TEXT, "public" },
	{ "lv_allocation_policy", FK_TEXT, "unknown" }, { "lv_active", FK_TEXT, "unknown" },
	{ "lv_permissions", FK_TEXT, "unknown" }, { "parity_chunks", FK_TEXT, "4294967295" },
	{ "lv_initial_image_sync", FK_BIN0, NULL }, { "lv_image_synced", FK_BIN0, NULL },
	{ "lv_merging", FK_BIN0, NULL }, { "lv_converting", FK_BIN0, NULL },
	{ "lv_allocation_locked", FK_BIN0, NULL }, { "lv_fixed_minor", FK_BIN0, NULL },
	{ "lv_skip_activation", FK_BIN0, NULL }, { "lv_historical", FK_BIN0, NULL },
	{ "lv_autoactivation", FK_BIN_ENABLED, "enabled" },
	{ "lv_active_locally", FK_BIN_UNKNOWN, NULL }, { "lv_active_remotely", FK_BIN_UNKNOWN, NULL },
	{ "lv_active_exclusively", FK_BIN_UNKNOWN, NULL }, { "lv_suspended", FK_BIN_UNKNOWN, NULL },
	{ "lv_live_table", FK_BIN_UNKNOWN, NULL }, { "lv_inactive_table", FK_BIN_UNKNOWN, NULL },
	{ "lv_device_open", FK_BIN_UNKNOWN, NULL }, { "lv_check_needed", FK_BIN_UNKNOWN, NULL },
	{ "lv_merge_failed", FK_BIN_UNKNOWN, NULL },
	{ "lv_snapshot_invalid", FK_BIN_UNKNOWN, NULL }, { "zero", FK_BIN_UNKNOWN, NULL },
	{ "lv_major", FK_MINUS1, NULL }, { "lv_minor", FK_MINUS1, NULL },
	{ "raidintegrityblocksize", FK_MINUS1, NULL }, { "writecache_block_size", FK_MINUS1, NULL },
	{ "lv_kernel_major", FK_MINUS1, NULL }, { "lv_kernel_minor", FK_MINUS1, NULL },
	{ "lv_kernel_read_ahead", FK_MINUS1, NULL },
	{ "lv_read_ahead", FK_SIZE0, NULL }, { "lv_size", FK_SIZE0, NULL },
	{ "seg_count", FK_NUM0, NULL },
};

/* "/dev/mapper/" names double the dashes of the VG name. */
static const char *vg_path(struct report *r, const struct volume_group *vg, enum free_kind k)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p, *text;

	if (!vg)
		return k == FK_FULL_NAME ? "/" : "";
	if (k == FK_FULL_NAME || k == FK_PATH) {
		strbuf_addf(&sb, "%s%s/", k == FK_PATH ? "/dev/" : "", vg->name);
	} else {
		strbuf_addstr(&sb, "/dev/mapper/");
		for (p = vg->name; *p; p++) {
			strbuf_addch(&sb, *p);
			if (*p == '-')
				strbuf_addch(&sb, '-');
		}
		strbuf_addch(&sb, '-');
	}
	text = pool_strdup(report_pool(r), sb.buf);
	strbuf_release(&sb);
	return text;
}

/* The entry of free_row_values for f; -1: the field shows nothing. */
static int free_row_index(const struct field_def *f)
{
	size_t i;

	for (i = 0; i < sizeof(free_row_values) / sizeof(free_row_values[0]); i++)
		if (!strcmp(free_row_values[i].name, f->name))
			return (int)i;
	return -1;
}

/* The cell of an LV field in a free PV segment row; 0: it shows nothing. */
static int free_row_cell(struct report *r, int i, const struct row *row, struct cell *c)
{
	memset(c, 0, sizeof(*c));
	switch (free_row_values[i].kind) {
	case FK_TEXT:
		c->str = free_row_values[i].text;
		c->keep_str = 1;
		break;
	case FK_FULL_NAME:
	case FK_PATH:
	case FK_DM_PATH:
		c->str = vg_path(r, row->vg, free_row_values[i].kind);
		break;
	case FK_MINUS1:
		c->num = (uint64_t)-1;
		break;
	case FK_BIN_UNKNOWN:
		c->str = "unknown";
		c->empty = 1;
		break;
	case FK_BIN_ENABLED:
		c->str = free_row_values[i].text;
		c->num = 1;
		break;
	case FK_SIZE0:
	case FK_NUM0:
	case FK_BIN0:
		break;
	}
	return 1;
}

const char *report_free_row_text(struct report *r, const struct field_def *f,
				 const struct row *row)
{
	int i = free_row_index(f);
	struct cell c;

	if (i < 0)
		return NULL;
	if (free_row_values[i].kind == FK_TEXT)
		return free_row_values[i].text;	/* even in columns that are otherwise blank */
	free_row_cell(r, i, row, &c);
	return report_render(r, f, &c);
}

/*
 * VG fields of an orphan PV: LVM2 shows its internal orphan VG, a
 * read-only lvm2 VG with no extents, so numbers are 0 and a few strings
 * are fixed; everything else stays blank.  Its format is not shown in
 * segment rows (pvs --segments).
 */
void report_orphan_vg_cell(const struct field_def *f, const struct row *row, struct cell *c)
{
	static const struct { const char *field, *text; } fixed[] = {
		{ "vg_fmt", "lvm2" }, { "vg_attr", "r-----" },
		{ "vg_permissions", "read-only" }, { "vg_allocation_policy", "unknown" },
		{ "vg_autoactivation", "enabled" }, { "vg_mda_copies", "unmanaged" },
	};
	size_t i;

	c->str = "";
	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		if (strcmp(f->name, fixed[i].field) || (i == 0 && row->has_pvseg))
			continue;
		c->str = fixed[i].text;
		c->num = f->type == VT_BIN;
		c->keep_str = f->type == VT_NUM;
	}
}

static int row_has(const struct row *row, enum obj_type obj)
{
	switch (obj) {
	case OBJ_PV: return row->pv != NULL;
	case OBJ_PVSEG: return row->has_pvseg;
	case OBJ_VG: return row->vg != NULL;
	case OBJ_LV: return row->lv != NULL;
	case OBJ_SEG: return row->seg != NULL;
	case OBJ_SPECIAL: return 1;
	}
	return 0;
}

int report_row_cell(struct report *r, const struct field_def *f, const struct row *row,
		    struct cell *c)
{
	int free_idx = -1;

	memset(c, 0, sizeof(*c));
	if (row->has_pvseg && !row->lv && (f->obj == OBJ_LV || f->obj == OBJ_SEG))
		free_idx = free_row_index(f);
	if (free_idx >= 0)
		return free_row_cell(r, free_idx, row, c);
	if (f->obj == OBJ_VG && !row->vg && row->pv) {
		report_orphan_vg_cell(f, row, c);
		return 1;
	}
	if (!row_has(row, f->obj)) {
		c->empty = 1;
		return 0;
	}
	f->get(r, row, c);
	return 1;
}

void report_get_selected(struct report *r, const struct row *row, struct cell *out)
{
	(void)r;
	out->num = !row->unselected;
}

int report_add_vg_lvs(struct report *r, const struct volume_group *vg, int all)
{
	const struct logical_volume *lv, **pools;
	size_t n = 0;

	TAILQ_FOREACH(lv, &vg->lvs, list)
		if (lv_rel_get(r, lv)->roles & ROLE_THIN_POOL)
			n++;
	pools = POOL_ARRAY(report_pool(r), const struct logical_volume *, n + 1);
	n = 0;
	TAILQ_FOREACH(lv, &vg->lvs, list)
		if (lv_rel_get(r, lv)->roles & ROLE_THIN_POOL)
			pools[n++] = lv;
	/* LVM2 moves each thin pool to the front in turn: the last one leads. */
	while (n--)
		if (report_lv_listed(r, pools[n], all) && report_add_lv(r, pools[n]))
			return -1;
	TAILQ_FOREACH(lv, &vg->lvs, list)
		if (!(lv_rel_get(r, lv)->roles & ROLE_THIN_POOL) &&
		    report_lv_listed(r, lv, all) && report_add_lv(r, lv))
			return -1;
	return 0;
}
