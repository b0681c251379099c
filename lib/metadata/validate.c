/*
 * vg_validate(): the last line of defence before metadata is written.
 *
 * The overlap check collects every striped area as a PE range, sorts the
 * ranges by (PV, first PE) and compares neighbours: O(n log n) in the
 * number of areas, whatever the number of LVs and PVs.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "metadata/metadata.h"
#include "misc/hash.h"
#include "misc/log.h"
#include "misc/pool.h"

struct pe_range {
	const struct physical_volume *pv;
	uint64_t start, end;		/* [start, end) */
	const struct logical_volume *lv;
};

struct checker {
	const struct volume_group *vg;
	struct pe_range *ranges;
	size_t nranges, alloc;
	int errors;
};

static const char *pv_label(const struct physical_volume *pv)
{
	return pv->dev_hint ? pv->dev_hint : pv->id.uuid;
}

static void add_range(struct checker *c, const struct physical_volume *pv,
		      uint64_t start, uint64_t len, const struct logical_volume *lv)
{
	if (c->nranges == c->alloc) {
		c->alloc = c->alloc ? c->alloc * 2 : 256;
		c->ranges = xrealloc(c->ranges, c->alloc * sizeof(*c->ranges));
	}
	c->ranges[c->nranges++] = (struct pe_range){ pv, start, start + len, lv };
}

static int check_pvs(struct checker *c)
{
	const struct volume_group *vg = c->vg;
	const struct physical_volume *pv;
	uint32_t n = 0;

	TAILQ_FOREACH(pv, &vg->pvs, list) {
		uint64_t end = pv->pe_start + (uint64_t)pv->pe_count * vg->extent_size;

		n++;
		if (hash_lookup(vg->pv_ids, pv->id.uuid) != pv) {
			log_error("VG %s: PV %s: id %s is not unique", vg->name,
				  pv_label(pv), pv->id.uuid);
			c->errors++;
		}
		if (pv->dev_size && end > pv->dev_size) {
			log_error("VG %s: PV %s: pe_start %" PRIu64 " + pe_count %" PRIu32
				  " extents exceed dev_size %" PRIu64, vg->name, pv_label(pv),
				  pv->pe_start, pv->pe_count, pv->dev_size);
			c->errors++;
		}
	}
	if (n != vg->pv_count || hash_count(vg->pv_ids) != n) {
		log_error("VG %s: PV count %" PRIu32 " does not match the %" PRIu32 " PVs listed",
			  vg->name, vg->pv_count, n);
		c->errors++;
	}
	if (vg->max_pv && n > vg->max_pv) {
		log_error("VG %s: %" PRIu32 " PVs exceed max_pv %" PRIu32, vg->name, n, vg->max_pv);
		c->errors++;
	}
	return 0;
}

static void check_pv_area(struct checker *c, const struct lv_segment *seg,
			  const struct seg_area *a, uint32_t area_len)
{
	const struct logical_volume *lv = seg->lv;
	const struct physical_volume *pv = a->u.pv.pv;

	/* vg_remove_pv() clears pv->vg, so this also catches removed PVs. */
	if (!pv || pv->vg != c->vg) {
		log_error("VG %s: LV %s: segment at LE %" PRIu32 " uses a PV not in the VG",
			  c->vg->name, lv->name, seg->le);
		c->errors++;
		return;
	}
	if ((uint64_t)a->u.pv.pe + area_len > pv->pe_count) {
		log_error("VG %s: LV %s: extents %" PRIu32 "-%" PRIu64 " beyond pe_count %"
			  PRIu32 " of PV %s", c->vg->name, lv->name, a->u.pv.pe,
			  (uint64_t)a->u.pv.pe + area_len - 1, pv->pe_count, pv_label(pv));
		c->errors++;
		return;
	}
	add_range(c, pv, a->u.pv.pe, area_len, lv);
}

static void check_striped(struct checker *c, const struct lv_segment *seg)
{
	const struct logical_volume *lv = seg->lv;

	if (!seg->area_count || seg->len % seg->area_count) {
		log_error("VG %s: LV %s: segment at LE %" PRIu32 ": extent_count %" PRIu32
			  " is not a multiple of %" PRIu32 " stripes", c->vg->name,
			  lv->name, seg->le, seg->len, seg->area_count);
		c->errors++;
		return;
	}
	for (uint32_t i = 0; i < seg->area_count; i++) {
		const struct seg_area *a = &seg->areas[i];

		if (a->type == AREA_PV) {
			check_pv_area(c, seg, a, seg->len / seg->area_count);
		} else if (a->type != AREA_LV || !a->u.lv.lv || a->u.lv.lv->vg != c->vg) {
			log_error("VG %s: LV %s: segment at LE %" PRIu32 ": area %" PRIu32
				  " is unassigned", c->vg->name, lv->name, seg->le, i);
			c->errors++;
		}
	}
}

static void check_segments(struct checker *c, const struct logical_volume *lv)
{
	const struct lv_segment *seg;
	uint32_t le = 0, n = 0;

	TAILQ_FOREACH(seg, &lv->segments, list) {
		n++;
		if (seg->le != le || !seg->len || seg->lv != lv) {
			log_error("VG %s: LV %s: segment %" PRIu32 " should begin at LE %"
				  PRIu32 " (starts at %" PRIu32 ", %" PRIu32 " extents)",
				  c->vg->name, lv->name, n, le, seg->le, seg->len);
			c->errors++;
		}
		le = seg->le + seg->len;
		if (seg_is_striped(seg))
			check_striped(c, seg);
	}
	if (le != lv->le_count || n != lv->seg_count) {
		log_error("VG %s: LV %s: le_count %" PRIu32 "/seg_count %" PRIu32
			  " do not match its %" PRIu32 " segments of %" PRIu32 " extents",
			  c->vg->name, lv->name, lv->le_count, lv->seg_count, n, le);
		c->errors++;
	}
}

/*
 * The LVs by id, to find two with the same one.  An id is 32 bytes in a
 * fixed array, so it hashes a word at a time: the string tables of hash.c
 * hash byte by byte, and this runs twice per change of a 10,000-LV VG.
 */
struct id_set {
	const struct logical_volume **slots;
	size_t mask, count;
};

static size_t id_hash(const struct lvm_id *id)
{
	uint64_t w[ID_LEN / 8], h = 0;

	memcpy(w, id->uuid, sizeof(w));
	/* The high bytes must reach the low bits too: ids may differ in one. */
	for (size_t i = 0; i < ID_LEN / 8; i++) {
		h = (h ^ w[i]) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
	}
	h *= 0xBF58476D1CE4E5B9ull;
	return (size_t)(h ^ (h >> 31));
}

static void id_set_init(struct id_set *s, size_t n)
{
	size_t size = 16;

	while (size < n * 2)
		size <<= 1;
	s->slots = xcalloc(size, sizeof(*s->slots));
	s->mask = size - 1;
	s->count = 0;
}

/* Files lv under its id; returns the LV already there, or NULL. */
static const struct logical_volume *id_set_add(struct id_set *s, const struct logical_volume *lv)
{
	size_t i;

	if ((s->count + 1) * 2 > s->mask + 1) {
		struct id_set big;

		id_set_init(&big, s->mask + 1);
		for (i = 0; i <= s->mask; i++)
			if (s->slots[i])
				id_set_add(&big, s->slots[i]);
		free(s->slots);
		*s = big;
	}
	for (i = id_hash(&lv->id) & s->mask; s->slots[i]; i = (i + 1) & s->mask)
		if (id_equal(&s->slots[i]->id, &lv->id))
			return s->slots[i];
	s->slots[i] = lv;
	s->count++;
	return NULL;
}

static void check_lvs(struct checker *c)
{
	const struct volume_group *vg = c->vg;
	const struct logical_volume *lv;
	struct id_set ids;
	uint32_t n = 0;

	id_set_init(&ids, vg->lv_count);
	TAILQ_FOREACH(lv, &vg->lvs, list) {
		const char *why = lv_name_stored_invalid(lv->name);
		/* models built in memory may not have ids yet */
		const struct logical_volume *same = lv->id.uuid[0] ? id_set_add(&ids, lv) : NULL;

		n++;
		if (same) {
			log_error("VG %s: LV %s: id %s is also the id of LV %s", vg->name,
				  lv->name, lv->id.uuid, same->name);
			c->errors++;
		}
		if (why) {
			log_error("VG %s: LV name \"%s\" %s", vg->name, lv->name, why);
			c->errors++;
		}
		if (hash_lookup(vg->lv_names, lv->name) != lv) {
			log_error("VG %s: LV %s: name is not unique", vg->name, lv->name);
			c->errors++;
		}
		check_segments(c, lv);
	}
	free(ids.slots);
	if (n != vg->lv_count || hash_count(vg->lv_names) != n) {
		log_error("VG %s: LV count %" PRIu32 " does not match the %" PRIu32 " LVs listed",
			  vg->name, vg->lv_count, n);
		c->errors++;
	}
}

static int range_cmp(const void *a, const void *b)
{
	const struct pe_range *x = a, *y = b;

	if (x->pv != y->pv)
		return (uintptr_t)x->pv < (uintptr_t)y->pv ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return 0;
}

/* End of the ascending run of v[0..n) that starts at i. */
static size_t run_end(const struct pe_range *v, size_t i, size_t n)
{
	while (++i < n && range_cmp(&v[i - 1], &v[i]) <= 0)
		;
	return i;
}

static void merge(const struct pe_range *a, size_t na, const struct pe_range *b, size_t nb,
		  struct pe_range *out)
{
	while (na && nb) {
		if (range_cmp(b, a) < 0) {
			*out++ = *b++;
			nb--;
		} else {
			*out++ = *a++;
			na--;
		}
	}
	memcpy(out, a, na * sizeof(*a));
	memcpy(out + na, b, nb * sizeof(*b));
}

/*
 * Sorts the ranges by merging the ascending runs they already form.  LVs
 * are mostly listed in allocation order, so there are few runs (one per
 * LV extended after others were created): O(n log runs), and a single
 * pass when the ranges are sorted already.
 */
static void sort_ranges(struct checker *c)
{
	struct pe_range *v = c->ranges, *tmp = NULL;
	size_t n = c->nranges;

	while (run_end(v, 0, n) < n) {
		size_t i = 0, a, b;

		if (!tmp)
			tmp = xmalloc(n * sizeof(*tmp));
		while (i < n) {
			a = run_end(v, i, n);
			b = a < n ? run_end(v, a, n) : n;
			merge(v + i, a - i, v + a, b - a, tmp + i);
			i = b;
		}
		memcpy(v, tmp, n * sizeof(*v));
	}
	free(tmp);
}

/* Keeps the range reaching furthest so far, so nested overlaps are seen too. */
static void check_overlaps(struct checker *c)
{
	const struct pe_range *reach = NULL;

	sort_ranges(c);
	for (size_t i = 0; i < c->nranges; i++) {
		const struct pe_range *cur = &c->ranges[i];

		if (reach && reach->pv == cur->pv && cur->start < reach->end) {
			log_error("VG %s: PV %s: extent %" PRIu64 " used by LV %s and LV %s",
				  c->vg->name, pv_label(cur->pv), cur->start,
				  reach->lv->name, cur->lv->name);
			c->errors++;
		}
		if (!reach || reach->pv != cur->pv || cur->end > reach->end)
			reach = cur;
	}
}

int vg_validate(const struct volume_group *vg)
{
	struct checker c = { .vg = vg };
	const char *why = vg_name_invalid(vg->name);

	if (why) {
		log_error("VG name \"%s\" %s", vg->name ? vg->name : "", why);
		c.errors++;
	}
	if (!vg->extent_size) {
		log_error("VG %s: extent_size is 0", vg->name);
		c.errors++;
	}
	check_pvs(&c);
	check_lvs(&c);
	check_overlaps(&c);
	free(c.ranges);
	return c.errors ? -1 : 0;
}
