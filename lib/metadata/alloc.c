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

/*
 * A free run.  LVM2 visits a PV's runs largest first and, among runs of one
 * length, in the order they were last filed: by PE at first, and a run a
 * round touched without using up (a candidate it passed over, a piece's
 * remainder) goes behind its equals.  seq is that filing order.
 */
struct run {
	uint32_t start, len;
	uint32_t seq;
	/*
	 * Set when a round dropped the run as its PV's candidate (or, when
	 * clinging to the LV's PVs, left it unused): LVM2 then no longer
	 * prefers it over an equal run.  A piece's remainder is fresh again.
	 */
	unsigned char stale;
	uint32_t resv;			/* reserved by this round's candidates ("anywhere") */
};

struct pv_free {
	struct physical_volume *pv;
	struct run *runs;		/* sorted by start; len 0 = used up */
	unsigned nruns;
	struct run **order;		/* runs with extents in visiting order */
	unsigned norder;
	int dirty;			/* order must be rebuilt */
	uint32_t next_seq;
	int usable;			/* may receive new extents */
};

/* A run a round touched, filed behind its equals when the round ends. */
struct touch {
	unsigned slot;
	struct run *run;
};

/* A candidate run for one stripe of the next piece. */
struct choice {
	unsigned slot, rank;
	struct run *run;
	uint32_t use;			/* extents this run would give */
};

struct free_map {
	struct pool *mem;
	struct pv_free *slot;		/* indexed by pv->index */
	unsigned nslots;
	unsigned *rank;			/* tie order: PV list order, else VG order */
	/* Scratch space reused by every step (sized once, after the build). */
	struct choice *cands;		/* candidates of one round */
	unsigned ncands;		/* room in cands */
	unsigned char *taken;		/* per slot */
	struct touch *touched;		/* this round's, in the order touched */
	unsigned ntouched, maxtouched;
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

/* PVs named on the command line are tried in the order they were named. */
static void set_ranks(struct free_map *map, const struct alloc_request *req)
{
	unsigned next = 0;

	map->rank = POOL_ARRAY(map->mem, unsigned, map->nslots + 1);
	for (unsigned s = 0; s < map->nslots; s++)
		map->rank[s] = UINT32_MAX;
	for (unsigned i = 0; req->ranges && i < req->nranges; i++) {
		unsigned s = req->ranges[i].pv->index;

		if (s < map->nslots && map->rank[s] == UINT32_MAX)
			map->rank[s] = next++;
	}
	for (unsigned s = 0; s < map->nslots; s++)
		if (map->rank[s] == UINT32_MAX)
			map->rank[s] = next++;
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
	set_ranks(map, req);
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

static void alloc_scratch(struct free_map *map)
{
	unsigned total = 0;

	for (unsigned s = 0; s < map->nslots; s++) {
		struct pv_free *f = &map->slot[s];

		for (unsigned r = 0; r < f->nruns; r++)
			f->runs[r].seq = r;
		f->next_seq = f->nruns;
		f->order = POOL_ARRAY(map->mem, struct run *, f->nruns + 1);
		f->dirty = 1;
		total += f->nruns;
	}
	map->ncands = total + map->nslots + 1;
	map->cands = POOL_ARRAY(map->mem, struct choice, map->ncands);
	map->taken = pool_alloc(map->mem, map->nslots + 1);
	map->maxtouched = total + map->nslots + 1;
	map->touched = POOL_ARRAY(map->mem, struct touch, map->maxtouched);
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

/*
 * Cling sets: on_lv[i * nslots + s] says stripe i of the request may use
 * PV slot s.  LVM2 (2.03, observed) clings to the PVs of the LV's first
 * segment only: stripe i to its area i when the stripe counts agree, else
 * every stripe to any of them.
 */
static void mark_cling(const struct lv_segment *seg, unsigned n, unsigned nslots,
		       unsigned char *on_lv)
{
	int same = seg->area_count == n;

	for (uint32_t a = 0; a < seg->area_count; a++) {
		const struct seg_area *ar = &seg->areas[a];

		if (ar->type != AREA_PV || !ar->u.pv.pv)
			continue;
		for (unsigned i = 0; i < n; i++)
			if (!same || i == a)
				on_lv[i * nslots + ar->u.pv.pv->index] = 1;
	}
}

static struct run *run_at(struct pv_free *f, uint32_t start)
{
	for (unsigned r = 0; r < f->nruns; r++)
		if (f->runs[r].start == start && f->runs[r].len)
			return &f->runs[r];
	return NULL;
}

/* Larger runs first, then in filing order (see struct run). */
static int run_order_cmp(const void *a, const void *b)
{
	const struct run *x = *(struct run *const *)a, *y = *(struct run *const *)b;

	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The PV's runs that have extents, in the order LVM2 visits them. */
static struct run *const *pv_order(struct pv_free *f, unsigned *count)
{
	if (f->dirty) {
		f->norder = 0;
		for (unsigned r = 0; r < f->nruns; r++)
			if (f->runs[r].len)
				f->order[f->norder++] = &f->runs[r];
		qsort(f->order, f->norder, sizeof(*f->order), run_order_cmp);
		f->dirty = 0;
	}
	*count = f->norder;
	return f->order;
}

/* Files r behind the other runs of its length. */
static void refile(struct pv_free *f, struct run *r)
{
	r->seq = f->next_seq++;
	f->dirty = 1;
}

static void touch(struct free_map *map, unsigned slot, struct run *r)
{
	if (map->ntouched == map->maxtouched) {	/* "anywhere" may pass a run twice */
		struct touch *bigger = POOL_ARRAY(map->mem, struct touch, 2 * map->maxtouched);

		memcpy(bigger, map->touched, map->ntouched * sizeof(*bigger));
		map->touched = bigger;
		map->maxtouched *= 2;
	}
	map->touched[map->ntouched++] = (struct touch){ slot, r };
}

/* Ends a round: the runs it touched and left go behind their equals. */
static void settle(struct free_map *map)
{
	for (unsigned i = 0; i < map->ntouched; i++)
		if (map->touched[i].run->len)
			refile(&map->slot[map->touched[i].slot], map->touched[i].run);
	map->ntouched = 0;
}

/*
 * The two kinds of round that pick one candidate run per PV: any PV, the
 * run that fits best; or only PVs the LV already uses ("cling to
 * allocated", which LVM2's normal policy tries first).
 */
enum round { ROUND_FIT, ROUND_CLING_LV };

/*
 * Whether r replaces cur as its PV's candidate for need extents (derived
 * from lvcreate -vvvv, comparing thousands of rounds).  When cur would
 * leave extents over, r must fit in what is left (and, fitting, hold need).
 * When cur is used up, fitting only trades an exact fit for a fresh exact
 * fit; clinging takes a run that gives less, or as much when it is fresh.
 */
static int replaces(enum round kind, const struct run *r, const struct run *cur, uint32_t need)
{
	uint32_t cur_use = cur->len < need ? cur->len : need;
	uint32_t r_use = r->len < need ? r->len : need;
	uint32_t left = cur->len - cur_use;

	if (kind == ROUND_CLING_LV) {
		if (left)
			return r->len < left;
		return r_use < cur_use || (r_use == cur_use && !r->stale);
	}
	if (left)
		return r->len >= need && r->len < left;
	return r->len == need && cur->len == need && !r->stale;
}

/* Visits the PV's runs in order; returns its candidate, touching the dropped. */
static struct run *pv_candidate(struct free_map *map, unsigned slot, enum round kind,
				uint32_t need)
{
	unsigned n;
	struct run *const *ord = pv_order(&map->slot[slot], &n);
	struct run *cur;

	if (!n)
		return NULL;
	cur = ord[0];
	for (unsigned i = 1; i < n; i++)
		if (replaces(kind, ord[i], cur, need)) {
			cur->stale = 1;
			touch(map, slot, cur);
			cur = ord[i];
		}
	return cur;
}

/* A PV's candidate that the piece does not use. */
static void leave(struct free_map *map, enum round kind, const struct choice *c)
{
	if (kind == ROUND_CLING_LV)
		c->run->stale = 1;
	touch(map, c->slot, c->run);
}

/* Longest contribution first, then PV list (or VG) order, then PE order. */
static int choice_cmp(const void *a, const void *b)
{
	const struct choice *x = a, *y = b;

	if (x->use != y->use)
		return x->use > y->use ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->run->start < y->run->start ? -1 : x->run->start > y->run->start;
}

/*
 * Picks n areas for the next piece and returns its length per stripe (0:
 * not possible): one candidate run per PV, sorted by what each gives; the
 * piece is as long as the shortest chosen.  only, when set, limits the PVs
 * ([slot]).  A failed round settles here, a successful one once its piece
 * is taken.
 */
static uint32_t choose(struct free_map *map, enum round kind, uint32_t need, unsigned n,
		       const unsigned char *only, struct choice *out)
{
	struct choice *all = map->cands;
	unsigned k = 0;
	uint32_t len = need;

	for (unsigned s = 0; s < map->nslots; s++) {
		struct pv_free *f = &map->slot[s];
		struct run *r;

		if (!f->usable || (only && !only[s]))
			continue;
		if ((r = pv_candidate(map, s, kind, need)))
			all[k++] = (struct choice){ s, map->rank[s], r, 0 };
	}
	for (unsigned i = 0; i < k; i++)
		all[i].use = all[i].run->len < need ? all[i].run->len : need;
	qsort(all, k, sizeof(*all), choice_cmp);
	for (unsigned i = k < n ? 0 : n; i < k; i++)
		leave(map, kind, &all[i]);
	if (k < n) {
		settle(map);
		return 0;
	}
	for (unsigned i = 0; i < n; i++) {
		out[i] = all[i];
		if (all[i].use < len)
			len = all[i].use;
	}
	return len;
}

static void add_cand(struct free_map *map, unsigned *k, struct choice c)
{
	if (*k == map->ncands) {
		struct choice *bigger = POOL_ARRAY(map->mem, struct choice, 2 * map->ncands);

		memcpy(bigger, map->cands, *k * sizeof(*bigger));
		map->cands = bigger;
		map->ncands *= 2;
	}
	map->cands[(*k)++] = c;
}

/*
 * "anywhere" (derived from lvcreate -vvvv): one chain of candidates over
 * the PVs in order and each PV's runs in visiting order.  While stripes are
 * missing, a PV's first run joins, and so does any run when the last one
 * left nothing over or when it fits in what the last one left; a run may
 * join again in a later pass with what it has left.  Once every stripe has
 * a run, runs that fit in what the last left still join, giving nothing.
 * The candidates are ranked by what they give, in the order they joined.
 */
static uint32_t choose_anywhere(struct free_map *map, uint32_t need, unsigned n,
				struct choice *out)
{
	unsigned k = 0, given = 0, progress = 1;
	uint32_t left = 0, len = need;

	while (given < n && progress) {
		progress = 0;
		for (unsigned s = 0; s < map->nslots; s++) {
			struct pv_free *f = &map->slot[s];
			struct run *const *ord;
			unsigned cnt, joined = 0;

			if (!f->usable)
				continue;
			ord = pv_order(f, &cnt);
			for (unsigned i = 0; i < cnt; i++) {
				struct run *r = ord[i];
				uint32_t avail = r->len - r->resv, use;

				if (!avail || !((given < n && !joined) || !left || avail < left))
					continue;
				use = given < n ? (avail < need ? avail : need) : 0;
				add_cand(map, &k, (struct choice){ s, k, r, use });
				r->resv += use;
				left = avail - use;
				joined = 1;
				if (use) {
					given++;
					progress = 1;
				}
			}
		}
	}
	for (unsigned i = 0; i < k; i++)
		map->cands[i].run->resv = 0;
	qsort(map->cands, k, sizeof(*map->cands), choice_cmp);
	for (unsigned i = given < n ? 0 : n; i < k; i++)
		leave(map, ROUND_FIT, &map->cands[i]);
	if (given < n) {
		settle(map);
		return 0;
	}
	for (unsigned i = 0; i < n; i++) {
		out[i] = map->cands[i];
		if (out[i].use < len)
			len = out[i].use;
	}
	return len;
}

/*
 * Cling: stripe by stripe, the first run (in visiting order) of the PV that
 * stripe clings to and that gives most; LVM2 looks for no better fit here.
 * found: how many stripes had one.
 */
static uint32_t choose_cling(struct free_map *map, uint32_t need, unsigned n,
			     const unsigned char *on_lv, struct choice *out, unsigned *found)
{
	unsigned char *taken = map->taken;
	uint32_t len = need;

	*found = 0;
	memset(taken, 0, map->nslots);
	for (unsigned i = 0; i < n; i++) {
		const unsigned char *ok = on_lv + (size_t)i * map->nslots;
		struct choice best = { 0, 0, NULL, 0 };

		for (unsigned s = 0; s < map->nslots; s++) {
			struct run *const *ord;
			struct run *r;
			unsigned cnt;
			uint32_t use;

			if (!ok[s] || taken[s] || !map->slot[s].usable)
				continue;
			ord = pv_order(&map->slot[s], &cnt);
			if (!cnt)
				continue;
			r = ord[0];
			use = r->len < need ? r->len : need;
			if (!best.run || use > best.use ||
			    (use == best.use && map->rank[s] < best.rank))
				best = (struct choice){ s, map->rank[s], r, use };
		}
		if (!best.run) {
			len = 0;
			continue;
		}
		++*found;
		taken[best.slot] = 1;
		out[i] = best;
		if (best.use < len)
			len = best.use;
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

/*
 * Length per stripe that continues the tail directly (0: cannot).  LVM2
 * continues no two stripes on one PV, even under "anywhere".
 */
static uint32_t continue_tail(struct free_map *map, const unsigned *slot, const uint32_t *end,
			      unsigned n, uint32_t need, struct choice *out)
{
	unsigned char *taken = map->taken;
	uint32_t len = need;

	memset(taken, 0, map->nslots);
	for (unsigned i = 0; i < n; i++) {
		struct pv_free *f = &map->slot[slot[i]];
		struct run *r = f->usable ? run_at(f, end[i]) : NULL;

		if (!r || taken[slot[i]]++)
			return 0;
		out[i] = (struct choice){ slot[i], 0, r, 0 };
		if (r->len < len)
			len = r->len;
	}
	return len;
}

/* Carves the piece from the chosen runs; a remainder is filed behind its equals. */
static void take(struct free_map *map, struct piece *pc, const struct choice *ch, unsigned n,
		 uint32_t len, unsigned *tail_slot, uint32_t *tail_end)
{
	for (unsigned i = 0; i < n; i++) {
		struct pv_free *f = &map->slot[ch[i].slot];

		pc->slot[i] = ch[i].slot;
		pc->pe[i] = ch[i].run->start;
		tail_slot[i] = ch[i].slot;
		tail_end[i] = ch[i].run->start + len;
		ch[i].run->start += len;
		ch[i].run->len -= len;
		ch[i].run->stale = 0;
		refile(f, ch[i].run);
	}
	settle(map);
}

/* What the placement knows besides the free map. */
struct place_state {
	unsigned n;			/* stripes */
	unsigned *tslot;		/* where the LV (or its last new piece) ends */
	uint32_t *tend;
	int has_tail;			/* tslot/tend are valid */
	int is_empty;			/* no extents yet, not even planned ones */
	unsigned char *first_seg;	/* [stripe * nslots + slot]: cling targets */
	unsigned char *lv_pvs;		/* [slot]: PVs the LV used before */
	unsigned char *alloced_pvs;	/* [slot]: PVs of the first segment and new pieces */
};

/*
 * Length of the next piece under one policy (0: the policy gives no more).
 * As LVM2 does (observed with -vvvv), the policies are tried from the
 * strictest up to the one asked: contiguous continues the LV's last segment
 * (or starts a new LV anywhere); cling puts stripe i on a PV of area i of
 * the first segment, then (striped) on any PV the LV uses; normal first
 * clings to the PVs of the first segment and of the pieces this request
 * placed (its own candidate rule), then takes any PV; anywhere may put
 * stripes on one PV.
 */
static uint32_t next_piece(struct free_map *map, enum alloc_policy phase,
			   const struct place_state *st, uint32_t need, struct choice *ch)
{
	unsigned found;
	uint32_t len;

	switch (phase) {
	case ALLOC_CONTIGUOUS:
		if (st->has_tail)
			return continue_tail(map, st->tslot, st->tend, st->n, need, ch);
		return st->is_empty ? choose(map, ROUND_FIT, need, st->n, NULL, ch) : 0;
	case ALLOC_CLING:
		if (st->is_empty)
			return 0;
		len = choose_cling(map, need, st->n, st->first_seg, ch, &found);
		/* Some stripes found their PV, not all: any PV the LV had (-vvvv). */
		if (!len && found)
			len = choose(map, ROUND_CLING_LV, need, st->n, st->lv_pvs, ch);
		return len;
	case ALLOC_ANYWHERE:
		return choose_anywhere(map, need, st->n, ch);
	default:
		len = choose(map, ROUND_CLING_LV, need, st->n, st->alloced_pvs, ch);
		return len ? len : choose(map, ROUND_FIT, need, st->n, NULL, ch);
	}
}

static void mark_lv_pvs(const struct logical_volume *lv, unsigned char *lv_pvs)
{
	const struct lv_segment *seg;

	TAILQ_FOREACH(seg, &lv->segments, list)
		for (uint32_t a = 0; a < seg->area_count; a++)
			if (seg->areas[a].type == AREA_PV && seg->areas[a].u.pv.pv)
				lv_pvs[seg->areas[a].u.pv.pv->index] = 1;
}

/* Fills plan with pieces covering need extents per stripe; 0 or -1. */
static int place(struct free_map *map, const struct logical_volume *lv,
		 const struct alloc_request *req, enum alloc_policy policy, struct plan *plan)
{
	static const enum alloc_policy phases[] = { ALLOC_CONTIGUOUS, ALLOC_CLING, ALLOC_NORMAL,
						    ALLOC_ANYWHERE };
	unsigned n = req->stripes;
	struct place_state st = {
		.n = n,
		.tslot = POOL_ARRAY(map->mem, unsigned, n),
		.tend = POOL_ARRAY(map->mem, uint32_t, n),
		.is_empty = !lv->seg_count,
		.first_seg = pool_alloc(map->mem, (size_t)n * map->nslots + 1),
		.lv_pvs = pool_alloc(map->mem, map->nslots + 1),
		.alloced_pvs = pool_alloc(map->mem, map->nslots + 1),
	};
	struct choice *ch = POOL_ARRAY(map->mem, struct choice, n);
	uint32_t need = req->extents / n;

	st.has_tail = tail_of_lv(lv, req, st.tslot, st.tend);
	if (lv->seg_count)
		mark_cling(TAILQ_FIRST(&lv->segments), n, map->nslots, st.first_seg);
	/* lvextend -vvvv: normal clings to these besides the new pieces' PVs. */
	for (size_t i = 0; i < (size_t)n * map->nslots; i++)
		if (st.first_seg[i])
			st.alloced_pvs[i % map->nslots] = 1;
	mark_lv_pvs(lv, st.lv_pvs);
	for (unsigned p = 0; p < 4 && need && phases[p] <= policy; p++) {
		uint32_t len;

		while (need && (len = next_piece(map, phases[p], &st, need, ch))) {
			for (unsigned i = 0; i < n; i++) {
				if (st.is_empty)		/* the new first segment */
					st.first_seg[i * map->nslots + ch[i].slot] = 1;
				st.alloced_pvs[ch[i].slot] = 1;
			}
			take(map, plan_add(plan, map->mem, n, len), ch, n, len, st.tslot, st.tend);
			st.has_tail = 1;
			st.is_empty = 0;
			need -= len;
		}
	}
	return need ? -1 : 0;
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
	if (free_now < req->extents && req->ranges)
		log_error("Insufficient free space: %u extents needed, but only %llu available",
			  req->extents, (unsigned long long)free_now);
	else if (free_now < req->extents)
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
	alloc_scratch(&map);
	free_now = map_free(&map);
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
