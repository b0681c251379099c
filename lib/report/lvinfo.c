/*
 * Relations between the LVs of a VG, as the reports need them: which LV is
 * a pool, an image, an origin, whose sub-LV it is; and which extents of
 * each PV are used by which segment.  Built in one pass over the metadata
 * per VG (cached by the report), so a report stays linear in its size.
 */
#include "report/report_int.h"

#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "metadata/metadata.h"
#include "misc/hash.h"
#include "misc/pool.h"

static const struct cfg_node *extra_first(const struct lv_segment *seg)
{
	const struct cfg_node *n = seg->extra;

	/* extra is either a section holding the keys or the first key itself */
	if (n && !n->value)
		return n->child;
	return n;
}

static const struct cfg_value *extra_value(const struct lv_segment *seg, const char *key)
{
	const struct cfg_node *n;

	for (n = extra_first(seg); n; n = n->next)
		if (n->key && n->value && !strcmp(n->key, key))
			return n->value;
	return NULL;
}

const char *seg_extra_str(const struct lv_segment *seg, const char *key)
{
	const struct cfg_value *v = extra_value(seg, key);

	return v && v->type == CFG_STRING ? v->v.str : NULL;
}

int seg_extra_int(const struct lv_segment *seg, const char *key, int64_t *out)
{
	const struct cfg_value *v = extra_value(seg, key);

	if (!v || v->type != CFG_INT)
		return -1;
	*out = v->v.i;
	return 0;
}

const struct cfg_node *seg_extra_section(const struct lv_segment *seg, const char *key)
{
	const struct cfg_node *n;

	for (n = extra_first(seg); n; n = n->next)
		if (n->key && !n->value && !strcmp(n->key, key))
			return n;
	return NULL;
}

static int type_is(const struct lv_segment *seg, const char *t)
{
	return seg->type && !strcmp(seg->type, t);
}

static int type_is_raid(const struct lv_segment *seg)
{
	return seg->type && !strncmp(seg->type, "raid", 4);
}

int seg_is_raid_meta_area(const struct lv_segment *seg, uint32_t i)
{
	const struct seg_area *a = &seg->areas[i];

	/* raid metadata sub-LVs are interleaved with the images ("raids") */
	return type_is_raid(seg) && a->type == AREA_LV && a->u.lv.lv &&
	       strstr(a->u.lv.lv->name, "_rmeta_");
}

static uint32_t raid_parity(const struct lv_segment *seg)
{
	if (!strncmp(seg->type, "raid4", 5) || !strncmp(seg->type, "raid5", 5))
		return 1;
	if (!strncmp(seg->type, "raid6", 5))
		return 2;
	return 0;
}

static uint32_t raid_images(const struct lv_segment *seg)
{
	uint32_t i, n = 0;

	for (i = 0; i < seg->area_count; i++)
		n += !seg_is_raid_meta_area(seg, i);
	return n;
}

/*
 * Copies of the data LVM2 reports: raid1 mirrors every image, raid10 keeps
 * data_copies (2 unless stored), raid4/5/6 count parity as copies; a
 * mirror segment reports 1.
 */
uint32_t seg_data_copies(const struct lv_segment *seg)
{
	if (!type_is_raid(seg))
		return 1;
	if (seg->has_data_copies && seg->data_copies)
		return seg->data_copies;
	if (type_is(seg, "raid1"))
		return raid_images(seg);
	if (type_is(seg, "raid10"))
		return 2;
	return raid_parity(seg) + 1;
}

uint32_t seg_data_stripes(const struct lv_segment *seg)
{
	uint32_t n, p;

	if (!type_is_raid(seg))
		return seg->area_count;
	n = raid_images(seg);
	if (type_is(seg, "raid1"))
		return n;
	if (type_is(seg, "raid10")) {
		uint32_t copies = seg_data_copies(seg);

		return copies ? n / copies : n;
	}
	p = raid_parity(seg);
	return n > p ? n - p : n;
}

uint32_t seg_area_len(const struct lv_segment *seg)
{
	uint32_t data;

	if (!seg->area_count)
		return 0;
	if (type_is(seg, "striped"))
		return seg->len / seg->area_count;
	if (type_is_raid(seg) && !type_is(seg, "raid1")) {
		data = seg_data_stripes(seg);
		return data ? seg->len / data : seg->len;
	}
	return seg->len;
}

static struct lv_rel *rel_of(struct hash *rels, const char *name)
{
	return name ? hash_lookup(rels, name) : NULL;
}

static void mark_child(struct hash *rels, const char *name, uint32_t role,
		       const struct logical_volume *parent)
{
	struct lv_rel *c = rel_of(rels, name);

	if (!c)
		return;
	c->roles |= role;
	c->parent = parent;
}

static const struct logical_volume *lv_named(struct hash *rels, const char *name)
{
	struct lv_rel *c = rel_of(rels, name);

	return c ? c->lv : NULL;
}

static void relate_areas(struct hash *rels, const struct lv_segment *seg,
			 struct lv_rel *self, uint32_t image_role, uint32_t meta_role)
{
	uint32_t i;

	for (i = 0; i < seg->area_count; i++) {
		const struct seg_area *a = &seg->areas[i];

		if (a->type != AREA_LV || !a->u.lv.lv)
			continue;
		mark_child(rels, a->u.lv.lv->name,
			   seg_is_raid_meta_area(seg, i) ? meta_role : image_role, self->lv);
	}
}

static void relate_snapshot(struct hash *rels, const struct lv_segment *seg, struct lv_rel *self)
{
	struct lv_rel *origin = rel_of(rels, seg_extra_str(seg, "origin"));
	struct lv_rel *cow = rel_of(rels, seg_extra_str(seg, "cow_store"));
	int64_t chunk = 0;

	self->roles |= ROLE_SNAPSHOT_INTERNAL;
	seg_extra_int(seg, "chunk_size", &chunk);
	if (origin) {
		origin->roles |= ROLE_THICK_ORIGIN;
		origin->snapshot_count++;
	}
	if (cow) {
		cow->roles |= ROLE_COW;
		cow->origin = origin ? origin->lv : NULL;
		cow->chunk_size = (uint32_t)chunk;
	}
}

static void relate_pool(struct hash *rels, const struct lv_segment *seg, struct lv_rel *self,
			int thin)
{
	int64_t v = 0;

	self->roles |= thin ? ROLE_THIN_POOL : ROLE_CACHE_POOL;
	self->data_lv = lv_named(rels, seg_extra_str(seg, thin ? "pool" : "data"));
	self->meta_lv = lv_named(rels, seg_extra_str(seg, "metadata"));
	mark_child(rels, seg_extra_str(seg, thin ? "pool" : "data"),
		   thin ? ROLE_THIN_DATA : ROLE_CACHE_DATA, self->lv);
	mark_child(rels, seg_extra_str(seg, "metadata"),
		   thin ? ROLE_THIN_META : ROLE_CACHE_META, self->lv);
	if (!seg_extra_int(seg, "chunk_size", &v))
		self->chunk_size = (uint32_t)v;
	if (thin && !seg_extra_int(seg, "zero_new_blocks", &v))
		self->zero = v != 0;
}

static void relate_user(struct hash *rels, const struct lv_segment *seg, struct lv_rel *self,
			int thin)
{
	struct lv_rel *origin = rel_of(rels, seg_extra_str(seg, "origin"));

	self->roles |= thin ? ROLE_THIN_VOL : ROLE_CACHE;
	self->pool = lv_named(rels, seg_extra_str(seg, thin ? "thin_pool" : "cache_pool"));
	if (!origin)
		return;
	self->origin = origin->lv;
	if (thin) {
		self->roles |= ROLE_THIN_SNAPSHOT;
		origin->roles |= ROLE_THIN_ORIGIN;
	} else {
		origin->roles |= ROLE_CACHE_ORIGIN;
	}
}

static void relate_segment(struct hash *rels, const struct lv_segment *seg, struct lv_rel *self)
{
	if (!seg->type)
		return;
	if (type_is(seg, "snapshot")) {
		relate_snapshot(rels, seg, self);
	} else if (type_is(seg, "thin-pool") || type_is(seg, "cache-pool")) {
		relate_pool(rels, seg, self, type_is(seg, "thin-pool"));
	} else if (type_is(seg, "thin") || type_is(seg, "cache")) {
		relate_user(rels, seg, self, type_is(seg, "thin"));
	} else if (type_is(seg, "mirror")) {
		self->roles |= ROLE_MIRROR;
		self->mirror_log = lv_named(rels, seg_extra_str(seg, "mirror_log"));
		relate_areas(rels, seg, self, ROLE_MIRROR_IMAGE, ROLE_MIRROR_IMAGE);
		mark_child(rels, seg_extra_str(seg, "mirror_log"), ROLE_MIRROR_LOG, self->lv);
	} else if (type_is_raid(seg)) {
		self->roles |= ROLE_RAID;
		relate_areas(rels, seg, self, ROLE_RAID_IMAGE, ROLE_RAID_META);
	}
}

const struct logical_volume *lv_rel_ancestor(const struct lv_rel *rel)
{
	return (rel->roles & (ROLE_COW | ROLE_THIN_SNAPSHOT)) ? rel->origin : NULL;
}

/*
 * Adds name to the descendants of every ancestor of rel (fill: write,
 * else only count bytes).  Bounded by n steps: a corrupt origin loop
 * must not hang the report.
 */
static void walk_ancestors(struct hash *rels, const struct lv_rel *rel, size_t n, int fill)
{
	const struct logical_volume *a = lv_rel_ancestor(rel);
	size_t len = strlen(rel->lv->name);

	for (; a && n; n--) {
		struct lv_rel *ar = rel_of(rels, a->name);

		if (!ar)
			return;
		if (fill) {
			if (ar->desc_len)
				ar->descendants[ar->desc_len++] = ',';
			memcpy(ar->descendants + ar->desc_len, rel->lv->name, len + 1);
		}
		ar->desc_len += len + (fill ? 0 : 1);
		a = lv_rel_ancestor(ar);
	}
}

/* Descendants in VG order: two passes, sizing then filling pool strings. */
static void collect_descendants(struct pool *p, struct hash *rels, struct lv_rel **by_pos,
				size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		walk_ancestors(rels, by_pos[i], n, 0);
	for (i = 0; i < n; i++) {
		if (by_pos[i]->desc_len)
			by_pos[i]->descendants = pool_alloc(p, by_pos[i]->desc_len);
		by_pos[i]->desc_len = 0;
	}
	for (i = 0; i < n; i++)
		walk_ancestors(rels, by_pos[i], n, 1);
}

static int run_cmp(const void *a, const void *b)
{
	const struct pv_run *x = a, *y = b;

	if (x->pv != y->pv)
		return x->pv->index < y->pv->index ? -1 :
		       x->pv->index > y->pv->index ? 1 :
		       memcmp(x->pv->id.uuid, y->pv->id.uuid, ID_LEN);
	return x->pe < y->pe ? -1 : x->pe > y->pe;
}

static void collect_runs(struct pool *p, struct vg_info *vi)
{
	const struct logical_volume *lv;
	const struct lv_segment *seg;
	size_t n = 0, i;
	uint32_t a;

	TAILQ_FOREACH(lv, &vi->vg->lvs, list)
		TAILQ_FOREACH(seg, &lv->segments, list)
			for (a = 0; a < seg->area_count; a++)
				n += seg->areas[a].type == AREA_PV && seg->areas[a].u.pv.pv;
	vi->runs = POOL_ARRAY(p, struct pv_run, n ? n : 1);
	TAILQ_FOREACH(lv, &vi->vg->lvs, list)
		TAILQ_FOREACH(seg, &lv->segments, list)
			for (a = 0; a < seg->area_count; a++) {
				const struct seg_area *ar = &seg->areas[a];

				if (ar->type != AREA_PV || !ar->u.pv.pv)
					continue;
				vi->runs[vi->nruns++] = (struct pv_run){ ar->u.pv.pv, ar->u.pv.pe,
					seg_area_len(seg), lv, seg };
			}
	/* LVs made in a row usually come in PE order already. */
	for (i = 1; i < vi->nruns && run_cmp(&vi->runs[i - 1], &vi->runs[i]) <= 0; i++)
		;
	if (i < vi->nruns)
		qsort(vi->runs, vi->nruns, sizeof(*vi->runs), run_cmp);
	vi->pv_first_run = hash_create(vi->vg->pv_count + 1);
	for (i = 0; i < vi->nruns; i++)
		if (!i || vi->runs[i].pv != vi->runs[i - 1].pv)
			hash_insert(vi->pv_first_run, vi->runs[i].pv->id.uuid, (void *)(i + 1));
}

/*
 * Free space of an mda as LVM2 reports it: half the text area (two copies
 * must fit) less the current copy, rounded down to sectors, less one
 * sector of slack.
 */
static uint64_t mda_free_bytes(const struct metadata_area *m)
{
	uint64_t half, avail;

	if (m->size <= 512)
		return 0;
	half = (m->size - 512) / 2;
	if (m->text_size >= half)
		return 0;
	avail = (half - m->text_size) & ~(uint64_t)511;
	return avail > 512 ? avail - 512 : 0;
}

void pv_mda_stats(const struct physical_volume *pv, unsigned *used, uint64_t *size,
		  uint64_t *free_bytes)
{
	unsigned i, n = pv->mda_count < 2 ? pv->mda_count : 2;

	*used = 0;
	*size = *free_bytes = 0;
	for (i = 0; i < n; i++) {
		const struct metadata_area *m = &pv->mdas[i];
		uint64_t f = mda_free_bytes(m);

		if (!i || m->size < *size)
			*size = m->size;
		if (m->ignored)
			continue;
		if (!*used || f < *free_bytes)
			*free_bytes = f;
		(*used)++;
	}
}

static void count_pvs(struct vg_info *vi)
{
	const struct physical_volume *pv;
	size_t i;

	TAILQ_FOREACH(pv, &vi->vg->pvs, list) {
		unsigned used;
		uint64_t size, f;

		vi->missing_pvs += !pv->dev || (pv->status & PV_MISSING) ||
				   (pv->flags & PV_F_MISSING);
		vi->extent_count += pv->pe_count;
		vi->mda_count += pv->mda_count;
		pv_mda_stats(pv, &used, &size, &f);
		if (pv->mda_count && (!vi->mda_size || size < vi->mda_size))
			vi->mda_size = size;
		if (used && (!vi->mda_used_count || f < vi->mda_free))
			vi->mda_free = f;
		vi->mda_used_count += used;
	}
	vi->free_count = vi->extent_count;
	for (i = 0; i < vi->nruns; i++)
		vi->free_count -= vi->runs[i].len <= vi->free_count ? vi->runs[i].len : vi->free_count;
}

static void count_lvs(struct vg_info *vi, struct lv_rel *const *by_pos, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct lv_rel *rel = by_pos[i];
		const struct logical_volume *lv = rel->lv;

		if (rel->roles & ROLE_SNAPSHOT_INTERNAL)
			continue;
		if ((lv->status & LV_VISIBLE) || (rel->roles & ROLE_COW))
			vi->lv_count++;
		if (rel->roles & ROLE_COW)
			vi->snap_count++;
	}
}

/*
 * lv->index is unique and grows along the list, so an array by index
 * serves lv_rel_get() without hashing names.  Sparse or repeated indexes
 * (LVs moved in from another VG) fall back on the name hash.
 */
static void index_rels(struct pool *p, struct vg_info *vi, struct lv_rel **by_pos, size_t n)
{
	size_t i, size = 0;

	for (i = 0; i < n; i++)
		if (by_pos[i]->lv->index >= size)
			size = (size_t)by_pos[i]->lv->index + 1;
	if (size > 4 * n + 64)
		return;
	vi->by_index = POOL_ARRAY(p, struct lv_rel *, size ? size : 1);
	vi->nindex = size;
	for (i = 0; i < n; i++)
		if (!vi->by_index[by_pos[i]->lv->index])
			vi->by_index[by_pos[i]->lv->index] = by_pos[i];
}

struct vg_info *vg_info_build(struct pool *p, const struct volume_group *vg)
{
	struct vg_info *vi = POOL_NEW(p, struct vg_info);
	const struct logical_volume *lv;
	const struct lv_segment *seg;
	struct lv_rel **by_pos;	/* rels in list order: no lookup per LV and pass */
	size_t n = 0, i;

	TAILQ_FOREACH(lv, &vg->lvs, list)
		n++;
	by_pos = POOL_ARRAY(p, struct lv_rel *, n + 1);
	n = 0;
	vi->vg = vg;
	vi->rels = hash_create(vg->lv_count + 1);
	TAILQ_FOREACH(lv, &vg->lvs, list) {
		struct lv_rel *rel = POOL_NEW(p, struct lv_rel);

		rel->lv = lv;
		if (lv->status & LV_PVMOVE)
			rel->roles |= ROLE_PVMOVE;
		hash_insert(vi->rels, lv->name, rel);
		by_pos[n++] = rel;
	}
	i = 0;
	TAILQ_FOREACH(lv, &vg->lvs, list) {
		TAILQ_FOREACH(seg, &lv->segments, list)
			relate_segment(vi->rels, seg, by_pos[i]);
		i++;
	}
	for (i = 0; i < n; i++) {
		size_t len = strlen(by_pos[i]->lv->name);

		if (!(by_pos[i]->lv->status & LV_VISIBLE) && len > 8 &&
		    !strcmp(by_pos[i]->lv->name + len - 8, "_pmspare"))
			by_pos[i]->roles |= ROLE_PMSPARE;
	}
	index_rels(p, vi, by_pos, n);
	collect_descendants(p, vi->rels, by_pos, n);
	collect_runs(p, vi);
	count_lvs(vi, by_pos, n);
	count_pvs(vi);
	return vi;
}

void vg_info_free(struct vg_info *vi)
{
	hash_destroy(vi->rels);
	hash_destroy(vi->pv_first_run);
}

const struct lv_rel *lv_rel_get(struct report *r, const struct logical_volume *lv)
{
	struct vg_info *vi = vg_info_get(r, lv->vg);

	const struct lv_rel *rel;

	if (lv->index < vi->nindex) {
		rel = vi->by_index[lv->index];
		if (rel && rel->lv == lv)
			return rel;
	}
	return hash_lookup(vi->rels, lv->name);
}

const struct pv_run *pv_runs(struct report *r, const struct physical_volume *pv, size_t *n)
{
	struct vg_info *vi;
	size_t first, end;

	*n = 0;
	if (!pv->vg)
		return NULL;
	vi = vg_info_get(r, pv->vg);
	first = (size_t)hash_lookup(vi->pv_first_run, pv->id.uuid);
	if (!first--)
		return NULL;
	for (end = first; end < vi->nruns && vi->runs[end].pv == pv; end++)
		;
	*n = end - first;
	return vi->runs + first;
}

uint32_t pv_used_extents(struct report *r, const struct physical_volume *pv)
{
	size_t n, i;
	const struct pv_run *runs = pv_runs(r, pv, &n);
	uint32_t used = 0;

	for (i = 0; i < n; i++)
		used += runs[i].len;
	return used;
}

/* The COW of an old-style snapshot stands for the snapshot: visible. */
int lv_shown(struct report *r, const struct logical_volume *lv)
{
	return (lv->status & LV_VISIBLE) || (lv_rel_get(r, lv)->roles & ROLE_COW);
}

int lv_is_public(struct report *r, const struct logical_volume *lv)
{
	const struct lv_rel *rel = lv_rel_get(r, lv);

	if (rel->roles & (ROLE_THIN_POOL | ROLE_CACHE_POOL | ROLE_SNAPSHOT_INTERNAL))
		return 0;
	return lv_shown(r, lv);
}

const char *lv_display_name(struct report *r, const struct logical_volume *lv)
{
	if (lv_shown(r, lv))
		return lv->name;
	return pool_printf(report_pool(r), "[%s]", lv->name);
}

int report_lv_listed(struct report *r, const struct logical_volume *lv, int all)
{
	if (lv_rel_get(r, lv)->roles & ROLE_SNAPSHOT_INTERNAL)
		return 0;
	return all || lv_shown(r, lv);
}
