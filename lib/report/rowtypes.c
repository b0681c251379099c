/*
 * Which rows a report has follows the fields asked for, as in LVM2:
 * LV or segment fields in vgs give one row per LV or segment, PV or PV
 * segment fields one row per PV or PV segment; LV or segment fields in
 * pvs give PV segment rows; segment fields in lvs give segment rows.
 * A VG or LV report cannot mix the LV side and the PV side.
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

int report_row_type(enum report_type base, const struct field_def *const *cols, size_t n,
		    enum report_type *out)
{
	int has[OBJ_SEG + 1] = { 0 };
	int lv_side, pv_side;
	size_t i;

	for (i = 0; i < n; i++)
		has[cols[i]->obj] = 1;
	lv_side = has[OBJ_LV] || has[OBJ_SEG];
	pv_side = has[OBJ_PV] || has[OBJ_PVSEG];
	*out = base;
	switch (base) {
	case RPT_PV:
	case RPT_PVSEG:
		if (lv_side || has[OBJ_PVSEG])
			*out = RPT_PVSEG;
		return 0;
	case RPT_VG:
		if (lv_side && pv_side)
			break;
		if (has[OBJ_SEG])
			*out = RPT_SEG;
		else if (has[OBJ_LV])
			*out = RPT_LV;
		else if (has[OBJ_PVSEG])
			*out = RPT_PVSEG;
		else if (has[OBJ_PV])
			*out = RPT_PV;
		return 0;
	case RPT_LV:
	case RPT_SEG:
		if (pv_side)
			break;
		if (has[OBJ_SEG])
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

const char *report_free_row_text(struct report *r, const struct field_def *f,
				 const struct row *row)
{
	struct cell c = { 0 };
	size_t i;

	for (i = 0; i < sizeof(free_row_values) / sizeof(free_row_values[0]); i++)
		if (!strcmp(free_row_values[i].name, f->name))
			break;
	if (i == sizeof(free_row_values) / sizeof(free_row_values[0]))
		return NULL;
	switch (free_row_values[i].kind) {
	case FK_TEXT:
		return free_row_values[i].text;
	case FK_FULL_NAME:
	case FK_PATH:
	case FK_DM_PATH:
		return vg_path(r, row->vg, free_row_values[i].kind);
	case FK_MINUS1:
		c.num = (uint64_t)-1;
		break;
	case FK_BIN_UNKNOWN:
		c.str = "unknown";
		c.empty = 1;
		break;
	case FK_BIN_ENABLED:
		c.str = free_row_values[i].text;
		c.num = 1;
		break;
	case FK_SIZE0:
	case FK_NUM0:
	case FK_BIN0:
		break;
	}
	return report_render(r, f, &c);
}
