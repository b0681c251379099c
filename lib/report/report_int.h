/*
 * Internals of the report engine, shared by its files:
 *   fields.c  the field table and the getters
 *   lvinfo.c  relations between LVs (pools, images, origins) and PV runs
 *   report.c  options, rows, sorting
 *   output.c  the output layouts
 */
#ifndef OPENLVM_REPORT_INT_H
#define OPENLVM_REPORT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "report/report.h"

struct pool;
struct hash;
struct lv_segment;
struct cfg_node;

/* Which object a field reads; OBJ_SPECIAL: the row itself ("selected"). */
enum obj_type { OBJ_PV, OBJ_PVSEG, OBJ_VG, OBJ_LV, OBJ_SEG, OBJ_SPECIAL };

/* A set of object types, as a bit mask. */
#define OBJ_BIT(o) (1u << (o))

enum val_type {
	VT_STR,		/* left-aligned text */
	VT_NUM,		/* unsigned integer */
	VT_SNUM,	/* signed integer (-1 = none) */
	VT_SIZE,	/* bytes, shown in --units */
	VT_BIN,		/* text when true, "" when false; 0/1 with --binary */
	VT_PCT,		/* percentage: needs device-mapper, so always empty */
};

/* One value as produced by a getter. */
struct cell {
	const char *str;	/* VT_STR, VT_BIN: shown text */
	uint64_t num;		/* VT_NUM, VT_SIZE; VT_SNUM as int64_t; VT_BIN 0/1 */
	int empty;		/* numeric field with no value: shows "" */
	int keep_str;		/* VT_SIZE / VT_NUM shown as str ("auto", "unmanaged") */
	const char *sort_str;	/* VT_STR sorted and selected by this, not str */
};

/* One row: the objects it describes.  NULL members show as "". */
struct row {
	const struct volume_group *vg;
	const struct physical_volume *pv;
	const struct logical_volume *lv;
	const struct lv_segment *seg;
	int has_pvseg;
	uint32_t pvseg_start, pvseg_size;
	int unselected;		/* failed -S, kept because "selected" is shown */
	/* Filled by report.c: shown text of every column, sort key of every -O key. */
	const char **text;
	const char **stext;
	uint64_t *key;
};

struct report;

struct field_def {
	const char *name;
	const char *heading;
	enum obj_type obj;
	enum val_type type;
	unsigned width;
	void (*get)(struct report *r, const struct row *row, struct cell *out);
	const char *desc;
};

extern const struct field_def report_fields[];
extern const size_t report_field_count;

/* A field by name as -o and -S accept it (the report's prefix may be left out). */
const struct field_def *report_field_find(enum report_type t, const char *name, size_t len);

/*
 * The row type of a report of type base whose -o, -O and -S fields read
 * the objects in objs (OBJ_BIT mask) (rowtypes.c).  -1, after log_error,
 * when they mix LV and PV fields in a VG or LV report.
 */
int report_row_type(enum report_type base, unsigned objs, enum report_type *out);

/* Text of an LV field of a free PV segment row as LVM2 shows it; NULL: "". */
const char *report_free_row_text(struct report *r, const struct field_def *f,
				 const struct row *row);

/*
 * The value of field f in row as shown and as -S compares it, including
 * the stand-in values of free PV segment rows and of orphan PVs' VG.
 * 0, with out->empty set, when the row has no such object.
 */
int report_row_cell(struct report *r, const struct field_def *f, const struct row *row,
		    struct cell *out);

/* VG fields of an orphan PV (row->vg NULL): LVM2's internal orphan VG. */
void report_orphan_vg_cell(const struct field_def *f, const struct row *row, struct cell *out);

/* Getter of "selected": 1 unless the row failed -S. */
void report_get_selected(struct report *r, const struct row *row, struct cell *out);

/* ---- LV relations (lvinfo.c) ---- */

/* Roles of an LV within its VG, derived from the segments of all LVs. */
#define ROLE_MIRROR		0x000001u
#define ROLE_MIRROR_IMAGE	0x000002u
#define ROLE_MIRROR_LOG		0x000004u
#define ROLE_RAID		0x000008u
#define ROLE_RAID_IMAGE		0x000010u
#define ROLE_RAID_META		0x000020u
#define ROLE_THIN_POOL		0x000040u
#define ROLE_THIN_DATA		0x000080u
#define ROLE_THIN_META		0x000100u
#define ROLE_THIN_VOL		0x000200u
#define ROLE_THIN_ORIGIN	0x000400u
#define ROLE_THIN_SNAPSHOT	0x000800u
#define ROLE_CACHE		0x001000u
#define ROLE_CACHE_POOL		0x002000u
#define ROLE_CACHE_DATA		0x004000u
#define ROLE_CACHE_META		0x008000u
#define ROLE_CACHE_ORIGIN	0x010000u
#define ROLE_PMSPARE		0x020000u
#define ROLE_THICK_ORIGIN	0x040000u
#define ROLE_COW		0x080000u	/* old-style snapshot, shown as the snapshot */
#define ROLE_SNAPSHOT_INTERNAL	0x100000u	/* "snapshotN": never listed */
#define ROLE_PVMOVE		0x200000u

struct lv_rel {
	const struct logical_volume *lv;
	uint32_t roles;
	const struct logical_volume *parent;	/* LV using this as image/log/data/metadata */
	const struct logical_volume *origin;
	const struct logical_volume *pool;
	const struct logical_volume *data_lv, *meta_lv, *mirror_log;
	uint32_t chunk_size;			/* sectors; COW: its snapshot's */
	int zero;				/* thin pool zeroes new blocks */
	unsigned snapshot_count;		/* thick snapshots of this origin */
	char *descendants;			/* snapshots of snapshots..., "a,b"; NULL: none */
	size_t desc_len;			/* bytes of descendants while it is built */
};

/* The LV this one is a (thick or thin) snapshot of; NULL if none. */
const struct logical_volume *lv_rel_ancestor(const struct lv_rel *rel);

/* A run of extents on a PV: used by an LV segment area, or free (lv NULL). */
struct pv_run {
	const struct physical_volume *pv;
	uint32_t pe, len;
	const struct logical_volume *lv;
	const struct lv_segment *seg;
};

struct vg_info {
	const struct volume_group *vg;
	struct hash *rels;		/* LV name -> struct lv_rel */
	struct lv_rel **by_index;	/* lv->index -> its rel: getters skip hashing */
	size_t nindex;
	struct pv_run *runs;		/* used runs, sorted by PV index then pe */
	size_t nruns;
	struct hash *pv_first_run;	/* PV uuid -> index+1 into runs */
	unsigned lv_count, snap_count, missing_pvs;
	uint64_t extent_count, free_count;	/* extents */
	unsigned mda_count, mda_used_count;
	uint64_t mda_size, mda_free;		/* bytes, smallest over the PVs */
};

/* Built once per VG and cached by the report (report.c). */
struct vg_info *vg_info_build(struct pool *p, const struct volume_group *vg);
void vg_info_free(struct vg_info *vi);
struct vg_info *vg_info_get(struct report *r, const struct volume_group *vg);
const struct lv_rel *lv_rel_get(struct report *r, const struct logical_volume *lv);

/* Runs of a PV in PE order (used ones only).  *n = 0 for orphans. */
const struct pv_run *pv_runs(struct report *r, const struct physical_volume *pv, size_t *n);

/* Extents of pv used by LV segments (counted from the segments). */
uint32_t pv_used_extents(struct report *r, const struct physical_volume *pv);
/* Metadata area totals of one PV; sizes are the smallest area's. */
void pv_mda_stats(const struct physical_volume *pv, unsigned *used, uint64_t *size,
		  uint64_t *free_bytes);

/* Key in a segment's type-specific keys. */
const char *seg_extra_str(const struct lv_segment *seg, const char *key);
int seg_extra_int(const struct lv_segment *seg, const char *key, int64_t *out);

/* Display helpers. */
const char *lv_display_name(struct report *r, const struct logical_volume *lv);
int lv_is_public(struct report *r, const struct logical_volume *lv);
int lv_shown(struct report *r, const struct logical_volume *lv);
/* Area length in extents of a segment area (stripes share the length). */
uint32_t seg_area_len(const struct lv_segment *seg);
int seg_is_raid_meta_area(const struct lv_segment *seg, uint32_t i);
/* Data copies and data stripes of a segment as LVM2 reports them. */
uint32_t seg_data_copies(const struct lv_segment *seg);
uint32_t seg_data_stripes(const struct lv_segment *seg);
/* A subsection of a segment's type-specific keys ("policy_settings"). */
const struct cfg_node *seg_extra_section(const struct lv_segment *seg, const char *key);

/* ---- report.c accessors for getters ---- */
struct pool *report_pool(struct report *r);
void report_lv_state(struct report *r, const struct logical_volume *lv,
		     struct lv_state_info *out);

/* Rendering of a cell's text for the report's units / binary settings. */
const char *report_render(struct report *r, const struct field_def *f,
			  const struct cell *c);

/* ---- output.c ---- */
struct report_layout {
	const struct field_def **cols;	/* shown columns: row->text[0..ncols) */
	size_t ncols;
	const char *json_name;		/* "pv", "pvseg", "vg", "lv", "seg" */
};
int report_print(const struct report_opts *o, const struct report_layout *l,
		 struct row *const *rows, size_t nrows, FILE *out);
/* Prints one row immediately (--unbuffered).  heading: print headings first. */
int report_print_unbuffered(const struct report_opts *o, const struct report_layout *l,
			    const struct row *row, int heading, FILE *out);

#endif
