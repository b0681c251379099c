/*
 * Report options, rows and sorting.  Columns come from -o (with LVM2's
 * "+f" / "-f" / "x_all" forms and short names), sort keys from -O; a cell
 * is formatted as soon as its row is added.
 */
#include "report/report_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "device/device.h"
#include "metadata/metadata.h"
#include "misc/hash.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/units.h"
#include "report/select.h"

struct sort_key {
	size_t col;
	int desc;
};

struct report {
	struct pool *mem;
	struct report_opts o;
	enum report_type type;
	const char *json_name;
	const struct field_def **cols;	/* shown columns first, then sort-only */
	size_t ncols, nshown;
	struct sort_key *keys;
	size_t nkeys;
	struct row **rows;
	size_t nrows, arows;
	struct hash *vg_infos;		/* "%p" of the VG -> vg_info */
	struct vg_info **vi_list;
	size_t nvi, avi;
	const struct volume_group *last_vg;
	struct vg_info *last_vi;
	FILE *out;
	int heading_done;
	struct selection *sel;		/* -S; NULL selects every row */
	int keep_unselected;		/* "selected" shown: rows failing -S show 0 */
	uint64_t unit_bytes;		/* --units 3m: sizes in multiples of 3 MiB; 0 = none */
	int unit_as_u;			/* ... shown with the suffix "U" */
};

static const char *const default_fields[][2] = {
	[RPT_PV] = { "pv_name,vg_name,pv_fmt,pv_attr,pv_size,pv_free",
		     "pv_name,vg_name,pv_fmt,pv_attr,pv_size,pv_free,dev_size,pv_uuid" },
	[RPT_PVSEG] = { "pv_name,vg_name,pv_fmt,pv_attr,pv_size,pv_free,pvseg_start,pvseg_size",
			"pv_name,vg_name,pv_fmt,pv_attr,pv_size,pv_free,pvseg_start,pvseg_size,"
			"lv_name,seg_start_pe,segtype,seg_pe_ranges" },
	[RPT_VG] = { "vg_name,pv_count,lv_count,snap_count,vg_attr,vg_size,vg_free",
		     "vg_name,vg_attr,vg_extent_size,pv_count,lv_count,snap_count,vg_size,vg_free,"
		     "vg_uuid,vg_profile" },
	[RPT_LV] = { "lv_name,vg_name,lv_attr,lv_size,pool_lv,origin,data_percent,"
		     "metadata_percent,move_pv,mirror_log,copy_percent,convert_lv",
		     "lv_name,vg_name,seg_count,lv_attr,lv_size,lv_major,lv_minor,lv_kernel_major,"
		     "lv_kernel_minor,pool_lv,origin,data_percent,metadata_percent,move_pv,"
		     "copy_percent,mirror_log,convert_lv,lv_uuid,lv_profile" },
	[RPT_SEG] = { "lv_name,vg_name,lv_attr,stripes,segtype,seg_size",
		      "lv_name,vg_name,lv_attr,seg_start,seg_size,stripes,segtype,stripe_size,"
		      "chunk_size" },
};

static const char *const default_sort[] = {
	[RPT_PV] = "pv_name",
	[RPT_PVSEG] = "pv_name,pvseg_start",
	[RPT_VG] = "vg_name",
	[RPT_LV] = "vg_name,lv_name",
	[RPT_SEG] = "vg_name,lv_name,seg_start",
};

static const char *const json_names[] = {
	[RPT_PV] = "pv", [RPT_PVSEG] = "pvseg", [RPT_VG] = "vg", [RPT_LV] = "lv", [RPT_SEG] = "seg",
};

struct pool *report_pool(struct report *r)
{
	return r->mem;
}

enum report_type report_get_type(const struct report *r)
{
	return r->type;
}

static const char *const *type_prefixes(enum report_type t)
{
	static const char *const pv[] = { "pv_", "pvseg_", NULL };
	static const char *const vg[] = { "vg_", NULL };
	static const char *const lv[] = { "lv_", NULL };
	static const char *const seg[] = { "seg_", "lv_", NULL };

	switch (t) {
	case RPT_PV: case RPT_PVSEG: return pv;
	case RPT_VG: return vg;
	case RPT_LV: return lv;
	case RPT_SEG: return seg;
	}
	return vg;
}

static const struct field_def *field_exact(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < report_field_count; i++)
		if (strlen(report_fields[i].name) == len &&
		    !strncasecmp(report_fields[i].name, name, len))
			return &report_fields[i];
	return NULL;
}

/* LVM2 lets the report's own prefix be left out: "-o size" in lvs. */
static const struct field_def *field_find(enum report_type t, const char *name, size_t len)
{
	const struct field_def *f = field_exact(name, len);
	const char *const *p;
	char buf[128];

	for (p = type_prefixes(t); !f && *p; p++) {
		int n = snprintf(buf, sizeof(buf), "%s%.*s", *p, (int)len, name);

		if (n > 0 && (size_t)n < sizeof(buf))
			f = field_exact(buf, (size_t)n);
	}
	return f;
}

const struct field_def *report_field_find(enum report_type t, const char *name, size_t len)
{
	return field_find(t, name, len);
}

static int all_obj(const char *name, size_t len, enum obj_type *obj)
{
	static const struct { const char *name; enum obj_type obj; } alls[] = {
		{ "pv_all", OBJ_PV }, { "pvseg_all", OBJ_PVSEG }, { "vg_all", OBJ_VG },
		{ "lv_all", OBJ_LV }, { "seg_all", OBJ_SEG },
	};
	size_t i;

	for (i = 0; i < sizeof(alls) / sizeof(alls[0]); i++)
		if (strlen(alls[i].name) == len && !strncmp(alls[i].name, name, len)) {
			*obj = alls[i].obj;
			return 1;
		}
	return 0;
}

struct col_list {
	const struct field_def **v;
	size_t n, alloc;
};

static void cols_add(struct col_list *cl, const struct field_def *f)
{
	if (cl->n == cl->alloc) {
		cl->alloc = cl->alloc ? cl->alloc * 2 : 16;
		cl->v = xrealloc(cl->v, cl->alloc * sizeof(*cl->v));
	}
	cl->v[cl->n++] = f;
}

static void cols_remove(struct col_list *cl, const struct field_def *f)
{
	size_t i, j;

	for (i = j = 0; i < cl->n; i++)
		if (cl->v[i] != f)
			cl->v[j++] = cl->v[i];
	cl->n = j;
}

/* Applies one comma-separated list; mode '+' adds, '-' removes. */
static int cols_apply(struct col_list *cl, enum report_type t, const char *list, int mode)
{
	const char *p = list, *end;
	enum obj_type obj;
	size_t len, i;

	for (; *p; p = *end ? end + 1 : end) {
		end = strchr(p, ',');
		if (!end)
			end = p + strlen(p);
		len = (size_t)(end - p);
		if (!len)
			continue;
		if (all_obj(p, len, &obj)) {
			for (i = 0; i < report_field_count; i++)
				if (report_fields[i].obj == obj)
					mode == '-' ? cols_remove(cl, &report_fields[i])
						    : cols_add(cl, &report_fields[i]);
			continue;
		}
		const struct field_def *f = field_find(t, p, len);

		if (!f) {
			log_error("Unrecognised field: %.*s", (int)len, p);
			return -1;
		}
		if (mode == '-')
			cols_remove(cl, f);
		else
			cols_add(cl, f);
	}
	return 0;
}

static int parse_fields(struct report *r, struct col_list *cl)
{
	const char *const *a;
	int replaced = 0;

	if (cols_apply(cl, r->type, default_fields[r->type][r->o.verbose ? 1 : 0], '+'))
		return -1;
	for (a = r->o.fields; a && *a; a++) {
		if (**a == '+' || **a == '-') {
			if (cols_apply(cl, r->type, *a + 1, **a))
				return -1;
			continue;
		}
		if (!replaced++)
			cl->n = 0;
		if (cols_apply(cl, r->type, *a, '+'))
			return -1;
	}
	return 0;
}

/* The fields of -o, -O and -S decide the row type (rowtypes.c). */
static int settle_type(struct report *r)
{
	unsigned objs = r->sel ? select_objs(r->sel) : 0;
	size_t i;

	for (i = 0; i < r->ncols; i++)
		objs |= OBJ_BIT(r->cols[i]->obj);
	for (i = 0; i < r->nshown; i++)
		if (r->cols[i]->obj == OBJ_SPECIAL)
			r->keep_unselected = 1;
	return report_row_type(r->type, objs, &r->type);
}

static size_t col_index(struct report *r, const struct field_def *f)
{
	size_t i;

	for (i = 0; i < r->ncols; i++)
		if (r->cols[i] == f)
			return i;
	r->cols = xrealloc(r->cols, (r->ncols + 1) * sizeof(*r->cols));
	r->cols[r->ncols] = f;
	return r->ncols++;
}

static int add_sort_list(struct report *r, const char *list)
{
	const char *p = list, *end;

	for (; *p; p = *end ? end + 1 : end) {
		int desc = 0;
		size_t len;
		const struct field_def *f;

		end = strchr(p, ',');
		if (!end)
			end = p + strlen(p);
		if (*p == '+' || *p == '-')
			desc = *p++ == '-';
		len = (size_t)(end - p);
		if (!len)
			continue;
		f = field_find(r->type, p, len);
		if (!f) {
			log_error("Unrecognised field: %.*s", (int)len, p);
			return -1;
		}
		r->keys = xrealloc(r->keys, (r->nkeys + 1) * sizeof(*r->keys));
		r->keys[r->nkeys++] = (struct sort_key){ col_index(r, f), desc };
	}
	return 0;
}


static int parse_sort(struct report *r)
{
	const char *const *a;

	if (!r->o.sort)
		return add_sort_list(r, default_sort[r->o.type]);	/* vgs -o+lv_name: vg_name */
	for (a = r->o.sort; *a; a++)
		if (add_sort_list(r, *a))
			return -1;
	return 0;
}

struct report *report_create(const struct report_opts *o)
{
	struct report *r = xcalloc(1, sizeof(*r));
	struct col_list cl = { 0 };

	r->o = *o;
	r->type = o->type;
	r->json_name = json_names[o->type];
	r->out = o->out ? o->out : stdout;
	if (!r->o.units)
		r->o.units = "r";
	r->mem = pool_create("report");
	r->vg_infos = hash_create(16);
	if (units_count(r->o.units, &r->o.units, &r->unit_bytes, &r->unit_as_u)) {
		log_error("Invalid units specification: %s", o->units);
		goto bad;
	}
	if (parse_fields(r, &cl))
		goto bad;
	r->cols = cl.v;
	r->ncols = r->nshown = cl.n;
	cl.v = NULL;
	if (parse_sort(r))
		goto bad;
	if (o->select && !(r->sel = select_compile(r, r->type, o->select)))
		goto bad;
	if (settle_type(r))
		goto bad;
	return r;
bad:
	free(cl.v);
	report_destroy(r);
	return NULL;
}

void report_destroy(struct report *r)
{
	size_t i;

	if (!r)
		return;
	select_free(r->sel);
	for (i = 0; i < r->nvi; i++)
		vg_info_free(r->vi_list[i]);
	free(r->vi_list);
	hash_destroy(r->vg_infos);
	free(r->rows);
	free(r->cols);
	free(r->keys);
	pool_destroy(r->mem);
	free(r);
}

struct vg_info *vg_info_get(struct report *r, const struct volume_group *vg)
{
	char key[32];
	struct vg_info *vi;

	if (r->last_vg == vg)
		return r->last_vi;
	snprintf(key, sizeof(key), "%p", (const void *)vg);
	vi = hash_lookup(r->vg_infos, key);
	if (!vi) {
		vi = vg_info_build(r->mem, vg);
		hash_insert(r->vg_infos, pool_strdup(r->mem, key), vi);
		if (r->nvi == r->avi) {
			r->avi = r->avi ? r->avi * 2 : 4;
			r->vi_list = xrealloc(r->vi_list, r->avi * sizeof(*r->vi_list));
		}
		r->vi_list[r->nvi++] = vi;
	}
	r->last_vg = vg;
	r->last_vi = vi;
	return vi;
}

void report_lv_state(struct report *r, const struct logical_volume *lv,
		     struct lv_state_info *out)
{
	memset(out, 0, sizeof(*out));
	out->kernel_major = out->kernel_minor = -1;
	if (r->o.lv_state) {
		if (r->o.lv_state(lv, r->o.lv_state_arg, out))
			out->unknown = 1;
		return;
	}
	out->unknown = r->o.state_unknown;
}

const char *report_render(struct report *r, const struct field_def *f, const struct cell *c)
{
	char buf[64];

	switch (f->type) {
	case VT_STR:
		return c->str ? c->str : "";
	case VT_BIN:
		if (r->o.binary)
			return c->empty ? "-1" : c->num ? "1" : "0";
		return c->str ? c->str : "";
	case VT_PCT:
		return "";
	case VT_NUM:
	case VT_SNUM:
	case VT_SIZE:
		break;
	}
	if (c->empty)
		return "";
	if (c->keep_str)
		return c->str;
	if (f->type == VT_NUM)
		snprintf(buf, sizeof(buf), "%llu", (unsigned long long)c->num);
	else if (f->type == VT_SNUM)
		snprintf(buf, sizeof(buf), "%lld", (long long)(int64_t)c->num);
	else if (r->unit_bytes)
		format_size_count(c->num, r->unit_bytes, r->o.units[0], r->unit_as_u,
				  !r->o.no_suffix, buf, sizeof(buf));
	else if (c->num == 0 && r->o.no_suffix)
		return "0";	/* format_size keeps "0 " for h/r units; LVM2 drops the space */
	else
		format_size(c->num, r->o.units, !r->o.no_suffix, buf, sizeof(buf));
	return pool_strdup(r->mem, buf);
}

static uint64_t sort_number(const struct field_def *f, const struct cell *c)
{
	if (f->type == VT_SNUM)
		return c->num ^ (1ULL << 63);	/* order signed values as unsigned */
	return c->num;
}

/*
 * Sort strings and numbers are kept per sort key (row->stext[k]), not per
 * column: 10,000 rows of 12 columns sorted by 2 keys are 1.6 MB smaller.
 */
static void keep_sort_keys(struct report *r, struct row *row, size_t col,
			   const char *stext, uint64_t key)
{
	for (size_t k = 0; k < r->nkeys; k++)
		if (r->keys[k].col == col) {
			row->stext[k] = stext;
			row->key[k] = key;
		}
}

static void fill_row(struct report *r, struct row *row)
{
	size_t i;

	row->text = POOL_ARRAY(r->mem, const char *, r->ncols);
	row->stext = POOL_ARRAY(r->mem, const char *, r->nkeys ? r->nkeys : 1);
	row->key = POOL_ARRAY(r->mem, uint64_t, r->nkeys ? r->nkeys : 1);
	for (i = 0; i < r->ncols; i++) {
		const struct field_def *f = r->cols[i];
		struct cell c = { 0 };
		const char *free_text = row->has_pvseg && !row->lv &&
			(f->obj == OBJ_LV || f->obj == OBJ_SEG) ? report_free_row_text(r, f, row) : NULL;

		if (free_text || !report_row_cell(r, f, row, &c)) {
			row->text[i] = free_text ? free_text : "";
			keep_sort_keys(r, row, i, row->text[i], 0);
			continue;
		}
		row->text[i] = report_render(r, f, &c);
		keep_sort_keys(r, row, i, c.sort_str ? c.sort_str : row->text[i], sort_number(f, &c));
	}
}

static struct report_layout layout_of(struct report *r)
{
	return (struct report_layout){ r->cols, r->nshown, r->json_name };
}

static int add_row(struct report *r, const struct row *tmpl)
{
	struct row *row;
	int unselected = r->sel && !select_match(r, r->sel, tmpl);

	if (unselected && !r->keep_unselected)
		return 0;
	row = POOL_NEW(r->mem, struct row);
	*row = *tmpl;
	row->unselected = unselected;
	fill_row(r, row);
	if (r->o.unbuffered && r->o.format == RPT_FMT_BASIC) {
		struct report_layout l = layout_of(r);
		int ret = report_print_unbuffered(&r->o, &l, row, !r->heading_done, r->out);

		r->heading_done = 1;
		return ret;
	}
	if (r->nrows == r->arows) {
		r->arows = r->arows ? r->arows * 2 : 64;
		r->rows = xrealloc(r->rows, r->arows * sizeof(*r->rows));
	}
	r->rows[r->nrows++] = row;
	return 0;
}

static int add_pv_segments(struct report *r, const struct physical_volume *pv)
{
	size_t n, i;
	const struct pv_run *runs = pv_runs(r, pv, &n);
	uint32_t pe = 0;
	struct row row = { .vg = pv->vg, .pv = pv, .has_pvseg = 1 };

	for (i = 0; i <= n; i++) {
		uint32_t next = i < n ? runs[i].pe : pv->pe_count;

		if (next > pe || (!n && !pv->pe_count)) {
			struct lv_segment *free_seg = POOL_NEW(r->mem, struct lv_segment);

			free_seg->type = "free";
			free_seg->len = next - pe;
			row.lv = NULL;
			row.seg = free_seg;
			row.pvseg_start = pe;
			row.pvseg_size = next - pe;
			if (add_row(r, &row))
				return -1;
		}
		if (i == n)
			break;
		row.lv = runs[i].lv;
		row.seg = runs[i].seg;
		row.pvseg_start = runs[i].pe;
		row.pvseg_size = runs[i].len;
		if (add_row(r, &row))
			return -1;
		pe = runs[i].pe + runs[i].len;
	}
	return 0;
}

int report_add_pv(struct report *r, const struct physical_volume *pv)
{
	struct row row = { .vg = pv->vg, .pv = pv };

	if (r->type == RPT_PVSEG)
		return add_pv_segments(r, pv);
	if (r->type != RPT_PV) {
		log_error("Internal error: PV %s added to a non-PV report.",
			  pv->dev ? pv->dev->path : pv->id.uuid);
		return -1;
	}
	return add_row(r, &row);
}

/* vgs promoted by LV / PV fields: a row per LV, segment, PV or PV segment. */
static int add_vg_members(struct report *r, const struct volume_group *vg)
{
	const struct physical_volume *pv;

	if (r->type == RPT_PV || r->type == RPT_PVSEG) {
		TAILQ_FOREACH(pv, &vg->pvs, list)
			if (report_add_pv(r, pv))
				return -1;
		return 0;
	}
	return report_add_vg_lvs(r, vg, 0);
}

int report_add_vg(struct report *r, const struct volume_group *vg)
{
	struct row row = { .vg = vg };

	if (r->o.type != RPT_VG) {
		log_error("Internal error: VG %s added to a non-VG report.", vg->name);
		return -1;
	}
	if (r->type != RPT_VG)
		return add_vg_members(r, vg);
	return add_row(r, &row);
}

int report_vg_selected(struct report *r, const struct volume_group *vg)
{
	size_t before = r->nrows;
	int hit;

	if (!r->sel)
		return 1;
	hit = !report_add_vg(r, vg) && r->nrows > before;
	r->nrows = before;
	return hit;
}

int report_add_lv(struct report *r, const struct logical_volume *lv)
{
	struct row row = { .vg = lv->vg, .lv = lv };
	const struct lv_segment *seg;

	if (r->type == RPT_LV)
		return add_row(r, &row);
	if (r->type != RPT_SEG) {
		log_error("Internal error: LV %s/%s added to a non-LV report.",
			  lv->vg->name, lv->name);
		return -1;
	}
	TAILQ_FOREACH(seg, &lv->segments, list) {
		row.seg = seg;
		if (add_row(r, &row))
			return -1;
	}
	return 0;
}

static int row_cmp(const struct report *r, const struct row *a, const struct row *b)
{
	size_t k;

	for (k = 0; k < r->nkeys; k++) {
		size_t c = r->keys[k].col;
		const struct field_def *f = r->cols[c];
		int d;

		if (f->type == VT_STR || f->type == VT_PCT || (f->type == VT_BIN && !r->o.binary))
			/* One VG's rows share its name: no need to compare it. */
			d = a->stext[k] == b->stext[k] ? 0 : strcmp(a->stext[k], b->stext[k]);
		else
			d = a->key[k] < b->key[k] ? -1 : a->key[k] > b->key[k];
		if (d)
			return r->keys[k].desc ? -d : d;
	}
	return 0;
}

/*
 * Stable merge sort: rows that compare equal keep the order they came in.
 * Halves already in order are not merged, so rows that arrive sorted (LVs
 * named in creation order, one VG's PVs) cost one comparison per half.
 */
static void sort_rows(const struct report *r, struct row **v, struct row **tmp, size_t n)
{
	size_t mid = n / 2, i = 0, j = mid, k = 0;

	if (n < 2)
		return;
	sort_rows(r, v, tmp, mid);
	sort_rows(r, v + mid, tmp, n - mid);
	if (row_cmp(r, v[mid], v[mid - 1]) >= 0)
		return;
	while (i < mid && j < n)
		tmp[k++] = row_cmp(r, v[j], v[i]) < 0 ? v[j++] : v[i++];
	while (i < mid)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

int report_output(struct report *r)
{
	struct report_layout l = layout_of(r);
	struct row **tmp;
	int ret;

	if (r->o.unbuffered && r->o.format == RPT_FMT_BASIC) {
		if (!r->heading_done && !r->o.no_headings)
			report_print_unbuffered(&r->o, &l, NULL, 1, r->out);
		return fflush(r->out) ? -1 : 0;
	}
	tmp = xmalloc((r->nrows ? r->nrows : 1) * sizeof(*tmp));
	sort_rows(r, r->rows, tmp, r->nrows);
	free(tmp);
	ret = report_print(&r->o, &l, r->rows, r->nrows, r->out);
	r->nrows = 0;
	if (fflush(r->out))
		ret = -1;
	return ret;
}

/*
 * LVM2 splits the LV and PV fields of -o help by where their values come
 * from (kernel info, kernel status, both; the label): its groups, by name.
 */
static const char lv_info_fields[] = " lv_kernel_major lv_kernel_minor lv_kernel_read_ahead "
	"lv_permissions lv_suspended lv_live_table lv_inactive_table lv_device_open ";
static const char lv_status_fields[] = " data_percent snap_percent metadata_percent "
	"copy_percent sync_percent cache_total_blocks cache_used_blocks cache_dirty_blocks "
	"cache_read_hits cache_read_misses cache_write_hits cache_write_misses "
	"kernel_cache_settings kernel_cache_policy kernel_metadata_format lv_health_status "
	"kernel_discards lv_check_needed lv_merge_failed lv_snapshot_invalid "
	"vdo_operating_mode vdo_compression_state vdo_index_state vdo_used_size "
	"vdo_saving_percent writecache_total_blocks writecache_free_blocks "
	"writecache_writeback_blocks writecache_error ";
static const char lv_combined_fields[] = " lv_attr ";
static const char pv_label_fields[] = " pv_fmt pv_uuid dev_size pv_name pv_major pv_minor "
	"pv_mda_free pv_mda_size pv_ext_vsn ";

/* A " word " list holding name. */
static int name_listed(const char *list, const char *name)
{
	size_t len = strlen(name);
	const char *p = list;

	while ((p = strstr(p, name))) {
		if (p[-1] == ' ' && p[len] == ' ')
			return 1;
		p += len;
	}
	return 0;
}

struct help_section {
	const char *title;
	enum obj_type obj;
	const char *names;	/* the section's fields; NULL: the rest of obj's */
	const char *all;	/* its "x_all" name; NULL: none */
};

static const struct help_section help_sections[] = {
	{ "Logical Volume Fields", OBJ_LV, NULL, "lv_all" },
	{ "Logical Volume Device Info Fields", OBJ_LV, lv_info_fields, "lv_all" },
	{ "Logical Volume Device Status Fields", OBJ_LV, lv_status_fields, "lv_all" },
	{ "Logical Volume Device Info and Status Combined Fields", OBJ_LV, lv_combined_fields,
	  "lv_all" },
	{ "Physical Volume Label Fields", OBJ_PV, pv_label_fields, "pv_all" },
	{ "Physical Volume Fields", OBJ_PV, NULL, "pv_all" },
	{ "Volume Group Fields", OBJ_VG, NULL, "vg_all" },
	{ "Logical Volume Segment Fields", OBJ_SEG, NULL, "seg_all" },
	{ "Physical Volume Segment Fields", OBJ_PVSEG, NULL, "pvseg_all" },
	{ "Special Fields", OBJ_SPECIAL, NULL, NULL },
};

/* Whether f is listed under section s: named there, or of its object and named nowhere. */
static int in_help_section(const struct help_section *s, const struct field_def *f)
{
	size_t i;

	if (f->obj != s->obj)
		return 0;
	if (s->names)
		return name_listed(s->names, f->name);
	for (i = 0; i < sizeof(help_sections) / sizeof(help_sections[0]); i++)
		if (help_sections[i].obj == s->obj && help_sections[i].names &&
		    name_listed(help_sections[i].names, f->name))
			return 0;
	return 1;
}

static void help_line(FILE *out, const char *name, const char *desc)
{
	fprintf(out, "    %-27s - %s\n", name, desc);
}

/*
 * LVM2's layout, the same for every report type: its sections in its
 * order, each led by its "x_all" and closed by a line of three spaces.
 */
void report_help(enum report_type type, FILE *out)
{
	size_t s, i;

	(void)type;
	for (s = 0; s < sizeof(help_sections) / sizeof(help_sections[0]); s++) {
		const struct help_section *sec = &help_sections[s];

		fprintf(out, "  %s\n  ", sec->title);
		for (i = strlen(sec->title); i; i--)
			fputc('-', out);
		fputc('\n', out);
		if (sec->all)
			help_line(out, sec->all, "All fields in this section.");
		for (i = 0; i < report_field_count; i++)
			if (in_help_section(sec, &report_fields[i]))
				help_line(out, report_fields[i].name,
					  report_fields[i].desc ? report_fields[i].desc
								: report_fields[i].heading);
		if (sec->obj == OBJ_SPECIAL) {
			help_line(out, "help", "Show help.");
			help_line(out, "?", "Show help.");
		}
		fputs("   \n", out);
	}
}
