/*
 * The extent allocator.  See alloc.h for the placement rules.
 *
 * Everything scratch lives in one private pool: the free-space map (per
 * PV, free runs sorted by start) and the plan of new pieces.  The LV is
 * touched only after the whole request has been placed.
 */
#include <stdlib.h>
#include <string.h>

#include "metadata/alloc.h"
#include "misc/log.h"
#include "misc/pool.h"

struct run {
	uint32_t start, len;
};

struct pv_free {
	struct physical_volume *pv;
	struct run *runs;		/* sorted by start; len 0 = used up */
	unsigned nruns;
	int usable;			/* may receive new extents */
};

struct free_map {
	struct pool *mem;
	struct pv_free *slot;		/* indexed by pv->index */
	unsigned nslots;
};

/* An interval of a PV: allocated (building the map) or allowed (PV list). */
struct span {
	unsigned slot;
	uint32_t start, len;
};

/* One planned segment: len extents per stripe at pe[i] on slot[i]. */
struct piece {
	uint32_t len;
	unsigned *slot;
	uint32_t *pe;
};

struct plan {
	struct piece *pieces;
	unsigned n, alloc;
};

enum alloc_policy lv_effective_alloc(const struct logical_volume *lv, enum alloc_policy asked)
{
	if (asked == ALLOC_INHERIT && lv)
		asked = lv->alloc;
	if (asked == ALLOC_INHERIT && lv && lv->vg)
		asked = lv->vg->alloc;
	if (asked == ALLOC_INHERIT || asked == ALLOC_CLING_BY_TAGS)
		asked = asked == ALLOC_INHERIT ? ALLOC_NORMAL : ALLOC_CLING;
	return asked;
}

static int span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->slot != y->slot)
		return x->slot < y->slot ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return 0;
}

static uint32_t area_len(const struct lv_segment *seg)
{
	return seg_is_striped(seg) ? seg->len / seg->area_count : seg->len;
}

/* Every PV extent in use, sorted by PV and start. */
static struct span *used_spans(const struct volume_group *vg, struct pool *mem, size_t *count)
{
	const struct logical_volume *lv;
	const struct lv_segment *seg;
	size_t n = 0, i = 0;
	struct span *s;

	TAILQ_FOREACH(lv, &vg->lvs, list)
		TAILQ_FOREACH(seg, &lv->segments, list)
			n += seg->area_count;
	s = POOL_ARRAY(mem, struct span, n + 1);
	TAILQ_FOREACH(lv, &vg->lvs, list)
		TAILQ_FOREACH(seg, &lv->segments, list)
			for (uint32_t a = 0; a < seg->area_count; a++) {
				const struct seg_area *ar = &seg->areas[a];

				if (ar->type != AREA_PV || !ar->u.pv.pv)
					continue;
				s[i].slot = ar->u.pv.pv->index;
				s[i].start = ar->u.pv.pe;
				s[i++].len = area_len(seg);
			}
	qsort(s, i, sizeof(*s), span_cmp);
	*count = i;
	return s;
}

/* The PV list as sorted spans; the whole PV when a range is open-ended. */
static struct span *allowed_spans(const struct alloc_request *req, struct pool *mem,
				  size_t *count)
{
	struct span *s = POOL_ARRAY(mem, struct span, req->nranges + 1);
	unsigned i;

	for (i = 0; i < req->nranges; i++) {
		const struct alloc_pv_range *r = &req->ranges[i];
		uint32_t last = r->last < r->pv->pe_count ? r->last : r->pv->pe_count - 1;

		s[i].slot = r->pv->index;
		s[i].start = r->first;
		s[i].len = r->pv->pe_count && r->first <= last ? last - r->first + 1 : 0;
	}
	qsort(s, i, sizeof(*s), span_cmp);
	*count = i;
	return s;
}

static void add_run(struct pool *mem, struct pv_free *f, uint32_t start, uint32_t len)
{
	struct run *last = f->nruns ? &f->runs[f->nruns - 1] : NULL;

	if (!len)
		return;
	if (last && last->start + last->len >= start) {	/* overlapping PV-list ranges */
		uint32_t end = start + len > last->start + last->len ? start + len
								     : last->start + last->len;
		last->len = end - last->start;
		return;
	}
	if ((f->nruns & (f->nruns - 1)) == 0) {
		struct run *nr = POOL_ARRAY(mem, struct run, f->nruns ? f->nruns * 2 : 1);

		if (f->nruns)
			memcpy(nr, f->runs, f->nruns * sizeof(*nr));
		f->runs = nr;
	}
	f->runs[f->nruns].start = start;
	f->runs[f->nruns++].len = len;
}

/* Adds the free part of [start, start+len) given the PV's sorted used spans. */
static void add_free(struct pool *mem, struct pv_free *f, uint32_t start, uint32_t len,
		     const struct span *used, size_t nused)
{
	uint64_t pos = start, end = (uint64_t)start + len;

	for (size_t i = 0; i < nused && pos < end; i++) {
		uint64_t us = used[i].start, ue = us + used[i].len;

		if (ue <= pos)
			continue;
		if (us >= end)
			break;
		if (us > pos)
			add_run(mem, f, (uint32_t)pos, (uint32_t)(us - pos));
		pos = ue;
	}
	if (pos < end)
		add_run(mem, f, (uint32_t)pos, (uint32_t)(end - pos));
}

static int pv_usable(const struct physical_volume *pv)
{
	return (pv->status & PV_ALLOCATABLE) && !(pv->status & PV_MISSING) &&
	       !(pv->flags & PV_F_MISSING);
}

static void build_map(struct free_map *map, struct volume_group *vg,
		      const struct alloc_request *req)
{
	struct physical_volume *pv;
	size_t nused, nallow = 0, u = 0, a = 0;
	struct span *used, *allow = NULL;

	vg_recount(vg);		/* pv->index are the slots */
	map->nslots = vg->pv_count;
	map->slot = POOL_ARRAY(map->mem, struct pv_free, map->nslots + 1);
	used = used_spans(vg, map->mem, &nused);
	if (req->ranges)
		allow = allowed_spans(req, map->mem, &nallow);
	TAILQ_FOREACH(pv, &vg->pvs, list) {
		struct pv_free *f = &map->slot[pv->index];
		size_t u0;

		f->pv = pv;
		while (u < nused && used[u].slot < pv->index)
			u++;
		u0 = u;
		while (u < nused && used[u].slot == pv->index)
			u++;
		f->usable = pv_usable(pv);
		if (!f->usable)
			continue;
		if (!allow) {
			add_free(map->mem, f, 0, pv->pe_count, used + u0, u - u0);
			continue;
		}
		while (a < nallow && allow[a].slot < pv->index)
			a++;
		for (; a < nallow && allow[a].slot == pv->index; a++)
			add_free(map->mem, f, allow[a].start, allow[a].len, used + u0, u - u0);
	}
}

static uint64_t map_free(const struct free_map *map)
{
	uint64_t n = 0;

	for (unsigned s = 0; s < map->nslots; s++)
		for (unsigned r = 0; r < map->slot[s].nruns; r++)
			n += map->slot[s].runs[r].len;
	return n;
}

uint64_t alloc_free_extents(const struct volume_group *vg, const struct alloc_request *req)
{
	struct free_map map = { .mem = pool_create("alloc") };
	uint64_t n;

	build_map(&map, (struct volume_group *)vg, req);
	n = map_free(&map);
	pool_destroy(map.mem);
	return n;
}

/* Cling: only PVs the LV already has extents on stay usable. */
static void restrict_to_lv(struct free_map *map, const struct logical_volume *lv)
{
	const struct lv_segment *seg;
	unsigned char *keep = pool_alloc(map->mem, map->nslots + 1);
	int any = 0;

	TAILQ_FOREACH(seg, &lv->segments, list)
		for (uint32_t a = 0; a < seg->area_count; a++)
			if (seg->areas[a].type == AREA_PV && seg->areas[a].u.pv.pv) {
				keep[seg->areas[a].u.pv.pv->index] = 1;
				any = 1;
			}
	if (!any)
		return;
	for (unsigned s = 0; s < map->nslots; s++)
		if (!keep[s])
			map->slot[s].usable = 0;
}

static struct run *run_at(struct pv_free *f, uint32_t start)
{
	for (unsigned r = 0; r < f->nruns; r++)
		if (f->runs[r].start == start && f->runs[r].len)
			return &f->runs[r];
	return NULL;
}

/* Smallest run holding need (the later one on ties), or NULL. */
static struct run *best_fit(struct pv_free *f, uint32_t need)
{
	struct run *best = NULL;

	for (unsigned r = 0; r < f->nruns; r++)
		if (f->runs[r].len >= need && (!best || f->runs[r].len <= best->len))
			best = &f->runs[r];
	return best;
}

static struct run *largest(struct pv_free *f)
{
	struct run *big = NULL;

	for (unsigned r = 0; r < f->nruns; r++)
		if (f->runs[r].len && (!big || f->runs[r].len > big->len))
			big = &f->runs[r];
	return big;
}

struct choice {
	unsigned slot;
	struct run *run;
};

static int choice_cmp(const void *a, const void *b)
{
	const struct choice *x = a, *y = b;

	if (x->run->len != y->run->len)
		return x->run->len > y->run->len ? -1 : 1;
	if (x->slot != y->slot)
		return x->slot < y->slot ? -1 : 1;
	return x->run->start < y->run->start ? -1 : x->run->start > y->run->start;
}

static unsigned fitting_choices(struct free_map *map, uint32_t need, unsigned n, int anywhere,
				struct choice *out)
{
	unsigned k = 0;

	for (unsigned s = 0; s < map->nslots && k < n; s++) {
		struct pv_free *f = &map->slot[s];

		if (!f->usable)
			continue;
		if (!anywhere) {
			struct run *r = best_fit(f, need);

			if (r)
				out[k++] = (struct choice){ s, r };
			continue;
		}
		for (unsigned r = 0; r < f->nruns && k < n; r++)
			if (f->runs[r].len >= need)
				out[k++] = (struct choice){ s, &f->runs[r] };
	}
	return k;
}

/*
 * Picks n areas for the next piece and its length per stripe (0: none).
 * Whole fits win; else the largest runs, one per PV unless anywhere.
 */
static uint32_t choose(struct free_map *map, uint32_t need, unsigned n, int anywhere,
		       struct choice *out)
{
	struct choice *all;
	unsigned k = fitting_choices(map, need, n, anywhere, out), total = 0;
	uint32_t len = need;

	if (k == n)
		return need;
	for (unsigned s = 0; s < map->nslots; s++)
		total += anywhere ? map->slot[s].nruns : 1;
	all = POOL_ARRAY(map->mem, struct choice, total + 1);
	k = 0;
	for (unsigned s = 0; s < map->nslots; s++) {
		struct pv_free *f = &map->slot[s];

		if (!f->usable)
			continue;
		if (!anywhere) {
			struct run *r = largest(f);

			if (r)
				all[k++] = (struct choice){ s, r };
			continue;
		}
		for (unsigned r = 0; r < f->nruns; r++)
			if (f->runs[r].len)
				all[k++] = (struct choice){ s, &f->runs[r] };
	}
	if (k < n)
		return 0;
	qsort(all, k, sizeof(*all), choice_cmp);
	for (unsigned i = 0; i < n; i++) {
		out[i] = all[i];
		if (all[i].run->len < len)
			len = all[i].run->len;
	}
	return len;
}

static struct piece *plan_add(struct plan *p, struct pool *mem, unsigned n, uint32_t len)
{
	struct piece *pc;

	if (p->n == p->alloc) {
		struct piece *np = POOL_ARRAY(mem, struct piece, p->alloc ? p->alloc * 2 : 4);

		if (p->n)
			memcpy(np, p->pieces, p->n * sizeof(*np));
		p->pieces = np;
		p->alloc = p->alloc ? p->alloc * 2 : 4;
	}
	pc = &p->pieces[p->n++];
	pc->len = len;
	pc->slot = POOL_ARRAY(mem, unsigned, n);
	pc->pe = POOL_ARRAY(mem, uint32_t, n);
	return pc;
}

/* Where the LV's last segment ends on each PV, if it can be continued. */
static int tail_of_lv(const struct logical_volume *lv, const struct alloc_request *req,
		      unsigned *slot, uint32_t *end)
{
	const struct lv_segment *seg = TAILQ_LAST(&lv->segments, segment_list);

	if (!seg || !seg_is_striped(seg) || seg->area_count != req->stripes ||
	    (req->stripes > 1 && seg->stripe_size != req->stripe_size))
		return 0;
	for (unsigned i = 0; i < req->stripes; i++) {
		const struct seg_area *ar = &seg->areas[i];

		if (ar->type != AREA_PV || !ar->u.pv.pv)
			return 0;
		slot[i] = ar->u.pv.pv->index;
		end[i] = ar->u.pv.pe + seg->len / seg->area_count;
	}
	return 1;
}

/* Length per stripe that continues the tail directly (0: cannot). */
static uint32_t continue_tail(struct free_map *map, const unsigned *slot, const uint32_t *end,
			      unsigned n, uint32_t need, struct choice *out)
{
	uint32_t len = need;

	for (unsigned i = 0; i < n; i++) {
		struct pv_free *f = &map->slot[slot[i]];
		struct run *r = f->usable ? run_at(f, end[i]) : NULL;

		if (!r)
			return 0;
		out[i] = (struct choice){ slot[i], r };
		if (r->len < len)
			len = r->len;
	}
	return len;
}

static void take(struct piece *pc, const struct choice *ch, unsigned n, uint32_t len,
		 unsigned *tail_slot, uint32_t *tail_end)
{
	for (unsigned i = 0; i < n; i++) {
		pc->slot[i] = ch[i].slot;
		pc->pe[i] = ch[i].run->start;
		tail_slot[i] = ch[i].slot;
		tail_end[i] = ch[i].run->start + len;
		ch[i].run->start += len;
		ch[i].run->len -= len;
	}
}

/* Fills plan with pieces covering need extents per stripe; 0 or -1. */
static int place(struct free_map *map, const struct logical_volume *lv,
		 const struct alloc_request *req, enum alloc_policy policy, struct plan *plan)
{
	unsigned n = req->stripes;
	unsigned *tslot = POOL_ARRAY(map->mem, unsigned, n);
	uint32_t *tend = POOL_ARRAY(map->mem, uint32_t, n);
	struct choice *ch = POOL_ARRAY(map->mem, struct choice, n);
	uint32_t need = req->extents / n;
	int has_tail = tail_of_lv(lv, req, tslot, tend);

	if (policy == ALLOC_CONTIGUOUS && !has_tail && lv->seg_count)
		return -1;
	while (need) {
		uint32_t len = has_tail ? continue_tail(map, tslot, tend, n, need, ch) : 0;

		if (policy == ALLOC_CONTIGUOUS) {
			if (!has_tail && !plan->n && fitting_choices(map, need, n, 0, ch) == n)
				len = need;
			if (len != need)
				return -1;
		}
		if (!len)
			len = choose(map, need, n, policy == ALLOC_ANYWHERE, ch);
		if (!len)
			return -1;
		take(plan_add(plan, map->mem, n, len), ch, n, len, tslot, tend);
		has_tail = 1;
		need -= len;
	}
	return 0;
}

static void apply_plan(struct logical_volume *lv, const struct alloc_request *req,
		       const struct free_map *map, const struct plan *plan)
{
	unsigned n = req->stripes;

	for (unsigned p = 0; p < plan->n; p++) {
		const struct piece *pc = &plan->pieces[p];
		struct lv_segment *seg = lv_add_segment(lv, "striped", pc->len * n, n);

		seg->stripe_size = n > 1 ? req->stripe_size : 0;
		for (unsigned i = 0; i < n; i++) {
			seg->areas[i].type = AREA_PV;
			seg->areas[i].u.pv.pv = map->slot[pc->slot[i]].pv;
			seg->areas[i].u.pv.pe = pc->pe[i];
		}
	}
}

static void report_shortage(const struct logical_volume *lv, const struct alloc_request *req,
			    enum alloc_policy policy, uint64_t free_now)
{
	if (free_now < req->extents)
		log_error("Volume group \"%s\" has insufficient free space (%llu extents): "
			  "%u required.", lv->vg->name, (unsigned long long)free_now, req->extents);
	else
		log_error("Insufficient suitable %sallocatable extents for logical volume "
			  "%s: %u more required", policy == ALLOC_CONTIGUOUS ? "contiguous " : "",
			  lv->name, req->extents);
}

int lv_extend(struct logical_volume *lv, const struct alloc_request *req)
{
	struct free_map map = { .mem = pool_create("alloc") };
	enum alloc_policy policy = lv_effective_alloc(lv, req->policy);
	struct plan plan = { 0 };
	uint64_t free_now;
	int r = -1;

	if (!req->stripes || req->extents % req->stripes || !req->extents) {
		log_error("Cannot allocate %u extents in %u stripes for %s.", req->extents,
			  req->stripes, lv->name);
		goto out;
	}
	build_map(&map, lv->vg, req);
	free_now = map_free(&map);
	if (policy == ALLOC_CLING)
		restrict_to_lv(&map, lv);
	if (free_now < req->extents || place(&map, lv, req, policy, &plan)) {
		report_shortage(lv, req, policy, free_now);
		goto out;
	}
	apply_plan(lv, req, &map, &plan);
	lv_merge_segments(lv);
	r = 0;
out:
	pool_destroy(map.mem);
	return r;
}

void lv_extend_virtual(struct logical_volume *lv, const char *type, uint32_t len)
{
	struct lv_segment *last = TAILQ_LAST(&lv->segments, segment_list);

	if (last && !strcmp(last->type, type) && !last->area_count && !last->tags.n) {
		last->len += len;
		vg_recount(lv->vg);
		return;
	}
	lv_add_segment(lv, type, len, 0);
	vg_recount(lv->vg);
}

uint32_t lv_reduce(struct logical_volume *lv, uint32_t le_count)
{
	struct lv_segment *seg;

	if (!le_count)
		le_count = 1;
	while ((seg = TAILQ_LAST(&lv->segments, segment_list)) && lv->le_count > le_count) {
		if (seg->le >= le_count) {
			lv_remove_last_segment(lv);
			continue;
		}
		uint32_t keep = le_count - seg->le;

		if (seg_is_striped(seg) && seg->area_count > 1 && keep % seg->area_count)
			keep += seg->area_count - keep % seg->area_count;
		lv->le_count -= seg->len - keep;
		seg->len = keep;
		break;
	}
	vg_recount(lv->vg);
	return lv->le_count;
}

static int continues(const struct lv_segment *a, const struct lv_segment *b)
{
	uint32_t per;

	if (!seg_is_striped(a) || !seg_is_striped(b) || a->area_count != b->area_count ||
	    !a->area_count || a->stripe_size != b->stripe_size || a->tags.n || b->tags.n ||
	    a->extra || b->extra || a->type_flags || b->type_flags)
		return 0;
	per = a->len / a->area_count;
	for (uint32_t i = 0; i < a->area_count; i++) {
		const struct seg_area *x = &a->areas[i], *y = &b->areas[i];

		if (x->type != AREA_PV || y->type != AREA_PV || x->u.pv.pv != y->u.pv.pv ||
		    x->u.pv.pe + per != y->u.pv.pe)
			return 0;
	}
	return 1;
}

void lv_merge_segments(struct logical_volume *lv)
{
	struct lv_segment *seg = TAILQ_FIRST(&lv->segments), *next;

	while (seg && (next = TAILQ_NEXT(seg, list))) {
		if (!continues(seg, next)) {
			seg = next;
			continue;
		}
		seg->len += next->len;
		TAILQ_REMOVE(&lv->segments, next, list);
	}
	vg_recount(lv->vg);
}
