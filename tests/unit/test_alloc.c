/*
 * Tests for the extent allocator (lib/metadata/alloc.c): the layouts LVM2
 * produced for the same command sequences (fixtures a-linear and
 * b-striped-span, plus runs against real LVM2 on loop devices) and the
 * refusals, which must leave the model untouched.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "metadata/alloc.h"
#include "metadata/metadata.h"
#include "misc/strbuf.h"

/* A VG of npv PVs of pe_count extents each, all allocatable. */
static struct volume_group *make_vg(unsigned npv, uint32_t pe_count)
{
	struct volume_group *vg = vg_new("vg");

	for (unsigned i = 0; i < npv; i++) {
		struct lvm_id id;
		struct physical_volume *pv;

		memset(&id, 0, sizeof(id));
		snprintf(id.uuid, sizeof(id.uuid), "pv%030u", i);
		pv = vg_add_pv(vg, &id);
		assert_non_null(pv);
		pv->pe_count = pe_count;
		pv->status = PV_ALLOCATABLE;
		pv->dev_size = 2048 + (uint64_t)pe_count * 8192;
		pv->pe_start = 2048;
	}
	vg_recount(vg);
	return vg;
}

static struct physical_volume *pv_n(struct volume_group *vg, unsigned n)
{
	struct physical_volume *pv;

	TAILQ_FOREACH(pv, &vg->pvs, list)
		if (!n--)
			return pv;
	return NULL;
}

static struct alloc_request req_of(uint32_t extents, uint32_t stripes)
{
	struct alloc_request r = { extents, stripes, stripes > 1 ? 128 : 0, ALLOC_INHERIT,
				   NULL, 0 };
	return r;
}

/* "pvI:PE+LEN[,pvJ:PE] | ..." for every segment of lv. */
static const char *layout(const struct logical_volume *lv)
{
	static char buf[512];
	const struct lv_segment *seg;
	size_t off = 0;

	buf[0] = '\0';
	TAILQ_FOREACH(seg, &lv->segments, list) {
		off += (size_t)snprintf(buf + off, sizeof(buf) - off, "%s%u:", off ? " " : "",
					seg->len);
		for (uint32_t a = 0; a < seg->area_count; a++)
			off += (size_t)snprintf(buf + off, sizeof(buf) - off, "%spv%u@%u",
						a ? "," : "", seg->areas[a].u.pv.pv->index,
						seg->areas[a].u.pv.pe);
		if (!seg->area_count)
			off += (size_t)snprintf(buf + off, sizeof(buf) - off, "%s", seg->type);
	}
	return buf;
}

static struct logical_volume *create(struct volume_group *vg, const char *name,
				     uint32_t extents, uint32_t stripes)
{
	struct logical_volume *lv = vg_add_lv(vg, name);
	struct alloc_request r = req_of(extents, stripes);

	assert_non_null(lv);
	lv->status = LV_READ | LV_WRITE | LV_VISIBLE;
	assert_int_equal(lv_extend(lv, &r), 0);
	return lv;
}

static void extend(struct logical_volume *lv, uint32_t extents)
{
	struct alloc_request r = req_of(extents, 1);

	assert_int_equal(lv_extend(lv, &r), 0);
}

/* Fixture a-linear: lv1 8M, lv2 4M, lvextend lv1 +4M, lv3, lv4. */
static void test_fixture_a_layout(void **state)
{
	struct volume_group *vg = make_vg(1, 7);
	struct logical_volume *lv1, *lv2, *lv3;

	(void)state;
	lv1 = create(vg, "lv1", 2, 1);
	lv2 = create(vg, "lv2", 1, 1);
	extend(lv1, 1);
	lv3 = create(vg, "lv3", 1, 1);
	assert_string_equal(layout(lv1), "2:pv0@0 1:pv0@3");
	assert_string_equal(layout(lv2), "1:pv0@2");
	assert_string_equal(layout(lv3), "1:pv0@4");
	assert_int_equal(vg_validate(vg), 0);
	assert_int_equal(vg_free_count(vg), 2);
	vg_free(vg);
}

/* Fixture b-striped-span: -i2 -L 8M then -l 8 across both PVs. */
static void test_fixture_b_layout(void **state)
{
	struct volume_group *vg = make_vg(2, 7);
	struct logical_volume *stripe, *span;

	(void)state;
	stripe = create(vg, "stripe", 2, 2);
	span = create(vg, "span", 8, 1);
	assert_string_equal(layout(stripe), "2:pv0@0,pv1@0");
	assert_int_equal(TAILQ_FIRST(&stripe->segments)->stripe_size, 128);
	assert_string_equal(layout(span), "6:pv0@1 2:pv1@1");
	assert_int_equal(vg_validate(vg), 0);
	vg_free(vg);
}

/* Extending right after the last segment grows it instead of adding one. */
static void test_extend_merges(void **state)
{
	struct volume_group *vg = make_vg(1, 10);
	struct logical_volume *lv = create(vg, "lv", 2, 1);

	(void)state;
	extend(lv, 3);
	assert_string_equal(layout(lv), "5:pv0@0");
	assert_int_equal(lv->seg_count, 1);
	assert_int_equal(lv->le_count, 5);
	vg_free(vg);
}

/* Holes left by removed LVs are reused before the PV's free tail (LVM2). */
static void test_hole_reuse(void **state)
{
	struct volume_group *vg = make_vg(2, 15);
	struct logical_volume *a, *c, *e;

	(void)state;
	a = create(vg, "a", 1, 1);
	create(vg, "b", 1, 1);
	c = create(vg, "c", 3, 1);
	create(vg, "d", 1, 1);
	vg_remove_lv(vg, a);
	vg_remove_lv(vg, c);
	e = create(vg, "e", 2, 1);
	assert_string_equal(layout(e), "2:pv0@2");
	assert_string_equal(layout(create(vg, "f", 1, 1)), "1:pv0@4");
	/* 12 do not fit in pv0's 9+1 free extents: pv1 in one piece. */
	assert_string_equal(layout(create(vg, "g", 12, 1)), "12:pv1@0");
	vg_free(vg);
}

/* Uses pv's extents outside the "first-last" holes listed (LV "used<pv>"). */
static void leave_holes(struct volume_group *vg, unsigned pv, const char *holes)
{
	char name[32];
	struct logical_volume *lv;
	struct physical_volume *p = pv_n(vg, pv);
	unsigned first, last, pos = 0;
	int off = 0, n;

	snprintf(name, sizeof(name), "used%u", pv);
	lv = vg_add_lv(vg, name);
	assert_non_null(lv);
	lv->status = LV_READ | LV_WRITE | LV_VISIBLE;
	for (;;) {
		int more = sscanf(holes + off, "%u-%u%n", &first, &last, &n) == 2;

		if (!more)
			first = last = p->pe_count;
		if (first > pos) {
			struct lv_segment *seg = lv_add_segment(lv, "striped", first - pos, 1);

			seg->areas[0].type = AREA_PV;
			seg->areas[0].u.pv.pv = p;
			seg->areas[0].u.pv.pe = pos;
		}
		pos = last + 1;
		if (!more)
			break;
		off += n;
	}
	vg_recount(vg);
	assert_int_equal(vg_validate(vg), 0);
}

/*
 * The run LVM2 chooses on one PV, as observed with real LVM2 (lvcreate -vvvv
 * shows "Considering/Changing allocation area"): free runs visited largest
 * first; a run that holds the request replaces the pick when smaller than
 * what the pick would leave, or when both are exact fits.
 */
static void test_pick_within_pv(void **state)
{
	static const struct {
		const char *holes;
		uint32_t need, pe;
	} cases[] = {
		{ "0-1 5-6", 2, 5 },		{ "0-2 5-6", 2, 0 },	{ "0-2 5-5", 1, 5 },
		{ "0-0 3-5", 1, 0 },		{ "0-0 3-3 6-8", 1, 3 },	{ "0-2 5-6", 1, 0 },
		{ "0-1 4-5 8-9", 2, 8 },	{ "0-3 6-8 11-12", 2, 0 },	{ "0-1 4-6 9-10", 2, 4 },
		{ "0-3 6-7", 1, 6 },		{ "0-3 6-7", 2, 0 },	{ "0-4 7-8 11-13", 2, 7 },
		{ "0-1 4-4", 1, 0 },		{ "0-4 7-7", 2, 0 },	{ "0-5 8-10 13-14", 1, 8 },
		{ "0-2 5-7", 3, 5 },		{ "0-2 5-7", 1, 0 },	{ "0-4 7-9", 1, 7 },
		{ "0-4 7-9", 2, 0 },		{ "0-6 9-11 14-15", 2, 9 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct volume_group *vg = make_vg(1, 19);
		char want[64];

		leave_holes(vg, 0, cases[i].holes);
		snprintf(want, sizeof(want), "%u:pv0@%u", cases[i].need, cases[i].pe);
		if (strcmp(layout(create(vg, "t", cases[i].need, 1)), want))
			fail_msg("holes %s need %u: got %s, LVM2 chose %s", cases[i].holes,
				 cases[i].need, layout(vg_find_lv(vg, "t")), want);
		vg_free(vg);
	}
}

/* Across PVs: what each PV's pick gives, then VG order (or PV list order). */
static void test_pick_across_pvs(void **state)
{
	struct volume_group *vg = make_vg(3, 9);
	struct alloc_pv_range ranges[] = {
		{ pv_n(vg, 2), 4, 6 }, { pv_n(vg, 1), 0, UINT32_MAX },
	};
	struct alloc_request r = req_of(3, 1);
	struct logical_volume *lv;

	(void)state;
	leave_holes(vg, 1, "0-2");
	assert_string_equal(layout(create(vg, "a", 2, 1)), "2:pv0@0");	/* tie: VG order */
	lv = vg_add_lv(vg, "c");
	r.ranges = ranges;
	r.nranges = 2;
	assert_int_equal(lv_extend(lv, &r), 0);
	assert_string_equal(layout(lv), "3:pv2@4");			/* as listed */
	/* pv0's 7 is the most any PV gives; the last one from pv1 (VG order). */
	assert_string_equal(layout(create(vg, "b", 8, 1)), "7:pv0@2 1:pv1@0");
	vg_free(vg);
}

/* Longer than any hole: contiguous (largest run), cling (same PV), normal. */
static void test_policy_phases(void **state)
{
	struct volume_group *vg = make_vg(3, 19);
	struct logical_volume *t;

	(void)state;
	leave_holes(vg, 0, "0-2 5-8 11-12");
	leave_holes(vg, 1, "0-1");
	leave_holes(vg, 2, "0-2");
	t = create(vg, "t", 10, 1);
	assert_string_equal(layout(t), "4:pv0@5 3:pv0@0 2:pv0@11 1:pv1@0");
	extend(t, 3);		/* cling to pv1 first, then pv2 */
	assert_string_equal(layout(t), "4:pv0@5 3:pv0@0 2:pv0@11 2:pv1@0 2:pv2@0");
	vg_free(vg);
}

/* An existing LV clings to the PVs of its first segment only (LVM2 2.03). */
static void test_cling_first_segment(void **state)
{
	static const char *const want[] = {
		"3:pv0@0 3:pv1@0 3:pv2@0 2:pv0@4 1:pv3@0",	/* 2 free on pv0: cling */
		"3:pv0@0 3:pv1@0 3:pv2@0 3:pv3@0",		/* on pv1: normal prefers pv3 */
		"3:pv0@0 3:pv1@0 3:pv2@0 3:pv3@0",
	};

	(void)state;
	for (unsigned free_pv = 0; free_pv < 3; free_pv++) {
		struct volume_group *vg = make_vg(4, 14);
		struct logical_volume *a;

		for (unsigned p = 0; p < 3; p++)
			leave_holes(vg, p, p == free_pv ? "0-2 4-5" : "0-2");
		a = vg_add_lv(vg, "a");
		for (unsigned p = 0; p < 3; p++) {
			struct lv_segment *seg = lv_add_segment(a, "striped", 3, 1);

			seg->areas[0].type = AREA_PV;
			seg->areas[0].u.pv.pv = pv_n(vg, p);
			seg->areas[0].u.pv.pe = 0;
		}
		vg_recount(vg);
		extend(a, 3);
		assert_string_equal(layout(a), want[free_pv]);
		vg_free(vg);
	}
}

/*
 * After a piece placed by this request, normal first keeps to that piece's
 * PV (LVM2 took pv1@8 before pv2, though pv2 could give both extents).
 */
static void test_normal_follows_last_piece(void **state)
{
	struct volume_group *vg = make_vg(3, 14);
	struct logical_volume *a = vg_add_lv(vg, "a");
	struct lv_segment *seg;

	(void)state;
	leave_holes(vg, 0, "0-2");
	leave_holes(vg, 1, "0-4 8-8");
	for (unsigned p = 0; p < 2; p++) {
		seg = lv_add_segment(a, "striped", 3, 1);
		seg->areas[0].type = AREA_PV;
		seg->areas[0].u.pv.pv = pv_n(vg, p);
		seg->areas[0].u.pv.pe = 0;
	}
	vg_recount(vg);
	extend(a, 4);
	assert_string_equal(layout(a), "3:pv0@0 5:pv1@0 1:pv1@8 1:pv2@0");
	vg_free(vg);
}

/*
 * Striped, with no PV of the first segment free: cling takes any PV the LV
 * uses, then normal.  Layout LVM2 chose (lvextend -l +4 of a 2-stripe LV).
 */
static void test_striped_cling_any_lv_pv(void **state)
{
	struct volume_group *vg = make_vg(4, 14);
	struct logical_volume *lv = vg_add_lv(vg, "l7");
	static const uint32_t at[3][4] = { { 0, 13, 1, 0 }, { 0, 12, 1, 1 }, { 1, 5, 2, 3 } };
	struct alloc_request r = req_of(4, 2);

	(void)state;
	leave_holes(vg, 0, "12-13");
	leave_holes(vg, 1, "0-1 5-6 13-13");
	leave_holes(vg, 2, "3-13");
	for (unsigned i = 0; i < 3; i++) {
		struct lv_segment *seg = lv_add_segment(lv, "striped", i == 2 ? 4 : 2, 2);

		seg->stripe_size = 128;
		for (unsigned a = 0; a < 2; a++) {
			seg->areas[a].type = AREA_PV;
			seg->areas[a].u.pv.pv = pv_n(vg, at[i][2 * a]);
			seg->areas[a].u.pv.pe = at[i][2 * a + 1];
		}
	}
	vg_recount(vg);
	assert_int_equal(vg_validate(vg), 0);
	assert_int_equal(lv_extend(lv, &r), 0);
	assert_string_equal(layout(lv), "2:pv0@13,pv1@0 2:pv0@12,pv1@1 4:pv1@5,pv2@3 "
					"2:pv2@5,pv1@13 2:pv2@6,pv3@0");
	vg_free(vg);
}

/* Each stripe clings to its own PV (LVM2 kept stripe 0 on pv2 here). */
static void test_striped_cling_per_stripe(void **state)
{
	struct volume_group *vg = make_vg(3, 19);

	(void)state;
	leave_holes(vg, 0, "0-0 5-5");
	leave_holes(vg, 1, "0-1 5-5");
	assert_string_equal(layout(create(vg, "t", 6, 2)), "4:pv2@0,pv1@0 2:pv2@2,pv1@5");
	vg_free(vg);
}

static void test_stripes_need_distinct_pvs(void **state)
{
	struct volume_group *vg = make_vg(2, 10);
	struct logical_volume *lv = vg_add_lv(vg, "lv");
	struct alloc_request r = req_of(6, 3);

	(void)state;
	assert_int_equal(lv_extend(lv, &r), -1);
	/* anywhere may use two runs of one PV; make pv0 hold two. */
	vg_remove_lv(vg, create(vg, "x", 1, 1));
	create(vg, "y", 1, 1);
	vg_remove_lv(vg, vg_find_lv(vg, "y"));
	create(vg, "x", 1, 1);
	create(vg, "y", 1, 1);
	vg_remove_lv(vg, vg_find_lv(vg, "x"));
	assert_int_equal(lv->seg_count, 0);
	r.policy = ALLOC_ANYWHERE;
	r.extents = 3;
	assert_int_equal(lv_extend(lv, &r), 0);
	/* LVM2: the largest run of pv0 first, then the run that fits. */
	assert_string_equal(layout(lv), "3:pv0@2,pv0@0,pv1@0");
	assert_int_equal(vg_validate(vg), 0);
	vg_free(vg);
}

/* lv_extend with a policy; the layout LVM2 chose is checked by the caller. */
static struct logical_volume *create_policy(struct volume_group *vg, const char *name,
					    uint32_t extents, uint32_t stripes,
					    enum alloc_policy policy)
{
	struct logical_volume *lv = vg_add_lv(vg, name);
	struct alloc_request r = req_of(extents, stripes);

	r.policy = policy;
	lv->status = LV_READ | LV_WRITE | LV_VISIBLE;
	assert_int_equal(lv_extend(lv, &r), 0);
	assert_int_equal(vg_validate(vg), 0);
	return lv;
}

/*
 * Issue 3 (layouts from LVM2 2.03.16, lvcreate -i2 -l 14 and -l 18): the
 * first round only considered pv3's 10-11, which then goes behind its
 * equal 16-17; the rounds that cling to pv2/pv3 take the smaller run.
 */
static void test_touched_runs_go_behind(void **state)
{
	static const struct {
		uint32_t extents;
		const char *want;
	} cases[] = {
		{ 14, "6:pv0@0,pv1@0 4:pv2@2,pv3@16 2:pv2@23,pv3@22 2:pv2@6,pv3@10" },
		{ 18, "6:pv0@0,pv1@0 4:pv2@2,pv3@16 2:pv2@23,pv3@22 2:pv2@6,pv3@2 "
		      "2:pv2@10,pv3@6 2:pv2@13,pv3@10" },
	};

	(void)state;
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct volume_group *vg = make_vg(4, 24);

		leave_holes(vg, 0, "0-2");
		leave_holes(vg, 1, "0-2");
		leave_holes(vg, 2, "2-3 6-6 10-10 13-13 16-16 20-20 23-23");
		leave_holes(vg, 3, "2-2 6-6 8-8 10-11 13-13 16-17 20-20 22-22");
		assert_string_equal(layout(create(vg, "s", cases[i].extents, 2)), cases[i].want);
		assert_int_equal(vg_validate(vg), 0);
		vg_free(vg);
	}
}

/*
 * Linear after a first piece on pv0 (LVM2, lvcreate -l 6 / -l 7): pv1's
 * first 1-extent run went behind its equals when the first round passed
 * it over; the first round clinging to pv1 takes its last run, later ones
 * keep the first unless a smaller run comes.
 */
static void test_cling_rounds(void **state)
{
	static const struct {
		const char *holes;
		uint32_t extents;
		const char *want;
	} cases[] = {
		{ "2-2 6-6 10-10 14-14 18-18", 5, "3:pv0@0 1:pv1@6 1:pv1@2" },
		{ "2-2 6-6 10-10 14-14 18-18", 6, "3:pv0@0 1:pv1@6 1:pv1@2 1:pv1@10" },
		{ "2-2 6-6 10-11 14-14 18-18", 6, "3:pv0@0 2:pv1@10 1:pv1@18" },
		{ "2-2 6-6 10-11 14-14 18-18", 7, "3:pv0@0 2:pv1@10 1:pv1@18 1:pv1@2" },
		{ "2-2 6-6 8-8 10-11 13-13 16-17 20-20 22-22", 9,
		  "3:pv0@0 2:pv1@16 1:pv1@22 1:pv1@2 1:pv1@6 1:pv1@10" },
	};

	(void)state;
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct volume_group *vg = make_vg(2, 24);

		leave_holes(vg, 0, "0-2");
		leave_holes(vg, 1, cases[i].holes);
		assert_string_equal(layout(create(vg, "a", cases[i].extents, 1)), cases[i].want);
		vg_free(vg);
	}
}

/*
 * "anywhere" (LVM2): more stripes than PVs reuse a PV's run in a second
 * pass; in fragmented space a PV gives several runs, each one fitting in
 * what the previous left.
 */
static void test_anywhere_stripes(void **state)
{
	struct volume_group *vg = make_vg(3, 24);

	(void)state;
	assert_string_equal(layout(create_policy(vg, "a", 20, 5, ALLOC_ANYWHERE)),
			    "20:pv0@0,pv1@0,pv2@0,pv0@4,pv1@4");
	vg_free(vg);

	vg = make_vg(2, 24);
	leave_holes(vg, 0, "0-7 9-12 16-16 20-23");
	leave_holes(vg, 1, "1-1 3-4 7-8 11-13 15-15 17-21 23-23");
	assert_string_equal(layout(create_policy(vg, "b", 4, 4, ALLOC_ANYWHERE)),
			    "4:pv0@0,pv0@9,pv0@16,pv1@17");
	vg_free(vg);

	vg = make_vg(2, 24);
	leave_holes(vg, 0, "0-1 5-5 8-9 12-13 15-16 18-20 22-23");
	leave_holes(vg, 1, "2-3 6-13 15-19 22-23");
	assert_string_equal(layout(create_policy(vg, "c", 9, 3, ALLOC_ANYWHERE)),
			    "6:pv0@18,pv0@0,pv0@8 3:pv0@15,pv1@6,pv1@15");
	vg_free(vg);
}

static void test_insufficient_space(void **state)
{
	struct volume_group *vg = make_vg(2, 4);
	struct logical_volume *lv = create(vg, "lv", 3, 1);
	struct alloc_request r = req_of(6, 1);
	char before[512];

	(void)state;
	strcpy(before, layout(lv));
	assert_int_equal(alloc_free_extents(vg, &r), 5);
	assert_int_equal(lv_extend(lv, &r), -1);
	assert_string_equal(layout(lv), before);
	assert_int_equal(vg_free_count(vg), 5);
	r.extents = 5;
	assert_int_equal(lv_extend(lv, &r), 0);
	assert_string_equal(layout(lv), "4:pv0@0 4:pv1@0");
	vg_free(vg);
}

static void test_pv_ranges(void **state)
{
	struct volume_group *vg = make_vg(2, 20);
	struct logical_volume *lv = vg_add_lv(vg, "lv");
	struct alloc_pv_range ranges[] = {
		{ pv_n(vg, 1), 5, 6 }, { pv_n(vg, 1), 10, UINT32_MAX }, { pv_n(vg, 0), 18, 30 },
	};
	struct alloc_request r = req_of(6, 1);

	(void)state;
	r.ranges = ranges;
	r.nranges = 3;
	assert_int_equal(alloc_free_extents(vg, &r), 2 + 10 + 2);
	assert_int_equal(lv_extend(lv, &r), 0);
	assert_string_equal(layout(lv), "6:pv1@10");
	r.extents = 9;
	assert_int_equal(lv_extend(lv, &r), -1);	/* 8 left in the ranges */
	r.extents = 8;
	assert_int_equal(lv_extend(lv, &r), 0);
	assert_string_equal(layout(lv), "10:pv1@10 2:pv1@5 2:pv0@18");	/* cling first */
	vg_free(vg);
}

static void test_not_allocatable(void **state)
{
	struct volume_group *vg = make_vg(2, 5);
	struct logical_volume *lv;

	(void)state;
	pv_n(vg, 0)->status &= ~PV_ALLOCATABLE;
	lv = create(vg, "lv", 5, 1);
	assert_string_equal(layout(lv), "5:pv1@0");
	lv = vg_add_lv(vg, "lv2");
	struct alloc_request r = req_of(1, 1);
	assert_int_equal(lv_extend(lv, &r), -1);
	vg_free(vg);
}

static void test_contiguous(void **state)
{
	struct volume_group *vg = make_vg(1, 10);
	struct logical_volume *a = create(vg, "a", 2, 1), *b;
	struct alloc_request r = req_of(1, 1);

	(void)state;
	create(vg, "b", 2, 1);
	r.policy = ALLOC_CONTIGUOUS;
	assert_int_equal(lv_extend(a, &r), -1);	/* pv0@2 is taken */
	b = vg_find_lv(vg, "b");
	assert_int_equal(lv_extend(b, &r), 0);
	assert_string_equal(layout(b), "3:pv0@2");
	/* A new contiguous LV needs one run; 5 free in one run, 6 not. */
	b = vg_add_lv(vg, "c");
	r.extents = 6;
	assert_int_equal(lv_extend(b, &r), -1);
	r.extents = 5;
	assert_int_equal(lv_extend(b, &r), 0);
	assert_string_equal(layout(b), "5:pv0@5");
	vg_free(vg);
}

static void test_cling_and_inherit(void **state)
{
	struct volume_group *vg = make_vg(3, 4);
	struct logical_volume *lv, *other;
	struct alloc_request r = req_of(2, 1);

	(void)state;
	other = create(vg, "other", 1, 1);
	lv = create(vg, "lv", 2, 1);		/* pv0@1 */
	create(vg, "x", 1, 1);			/* pv0@3 */
	r.policy = ALLOC_CLING;
	assert_int_equal(lv_extend(lv, &r), -1);	/* pv0 is full */
	lv->alloc = ALLOC_CLING;
	r.policy = ALLOC_INHERIT;
	assert_int_equal(lv_extend(lv, &r), -1);
	lv->alloc = ALLOC_INHERIT;
	assert_int_equal(lv_extend(lv, &r), 0);
	assert_string_equal(layout(lv), "2:pv0@1 2:pv1@0");
	r.policy = ALLOC_CLING;
	assert_int_equal(lv_extend(lv, &r), 0);		/* stays on pv1 */
	assert_string_equal(layout(lv), "2:pv0@1 4:pv1@0");
	vg->alloc = ALLOC_CONTIGUOUS;
	r.policy = ALLOC_INHERIT;
	r.extents = 1;
	assert_int_equal(lv_extend(other, &r), -1);
	assert_int_equal(lv_effective_alloc(other, ALLOC_INHERIT), ALLOC_CONTIGUOUS);
	assert_int_equal(lv_effective_alloc(other, ALLOC_ANYWHERE), ALLOC_ANYWHERE);
	vg_free(vg);
}

static void test_striped_extend_continues(void **state)
{
	struct volume_group *vg = make_vg(2, 10);
	struct logical_volume *lv = create(vg, "lv", 4, 2);
	struct alloc_request r = req_of(4, 2);

	(void)state;
	assert_int_equal(lv_extend(lv, &r), 0);
	assert_string_equal(layout(lv), "8:pv0@0,pv1@0");
	assert_int_equal(vg_validate(vg), 0);
	vg_free(vg);
}

static void test_reduce(void **state)
{
	struct volume_group *vg = make_vg(2, 10);
	struct logical_volume *lv = create(vg, "lv", 4, 1), *st;

	(void)state;
	create(vg, "gap", 1, 1);
	extend(lv, 3);
	assert_string_equal(layout(lv), "4:pv0@0 3:pv0@5");
	assert_int_equal(lv_reduce(lv, 5), 5);
	assert_string_equal(layout(lv), "4:pv0@0 1:pv0@5");
	assert_int_equal(lv_reduce(lv, 2), 2);
	assert_string_equal(layout(lv), "2:pv0@0");
	assert_int_equal(lv_reduce(lv, 0), 1);
	st = create(vg, "st", 6, 2);
	assert_int_equal(lv_reduce(st, 3), 4);		/* stripe boundary */
	assert_int_equal(vg_validate(vg), 0);
	vg_free(vg);
}

static void test_virtual_segments(void **state)
{
	struct volume_group *vg = make_vg(1, 4);
	struct logical_volume *lv = vg_add_lv(vg, "z");

	(void)state;
	lv_extend_virtual(lv, "zero", 100);
	lv_extend_virtual(lv, "zero", 50);
	assert_string_equal(layout(lv), "150:zero");
	assert_int_equal(vg_free_count(vg), 4);
	assert_int_equal(lv_reduce(lv, 20), 20);
	vg_free(vg);
}

/* 1,000 PVs and 10,000 LVs: must be quick (map is O(S log S)). */
static void test_large_vg(void **state)
{
	struct volume_group *vg = make_vg(1000, 20);
	struct logical_volume *lv = NULL;
	char name[32];

	(void)state;
	/* 9,999 LVs placed by hand, then one allocation in the last hole. */
	for (unsigned i = 0; i < 9999; i++) {
		struct lv_segment *seg;

		snprintf(name, sizeof(name), "lv%u", i);
		lv = vg_add_lv(vg, name);
		seg = lv_add_segment(lv, "striped", 2, 1);
		seg->areas[0].type = AREA_PV;
		seg->areas[0].u.pv.pv = pv_n(vg, i / 10);
		seg->areas[0].u.pv.pe = (i % 10) * 2;
	}
	lv = create(vg, "last", 2, 1);
	assert_string_equal(layout(lv), "2:pv999@18");
	assert_int_equal(vg_free_count(vg), 0);
	vg_free(vg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_a_layout),
		cmocka_unit_test(test_fixture_b_layout),
		cmocka_unit_test(test_extend_merges),
		cmocka_unit_test(test_hole_reuse),
		cmocka_unit_test(test_stripes_need_distinct_pvs),
		cmocka_unit_test(test_insufficient_space),
		cmocka_unit_test(test_pick_within_pv),
		cmocka_unit_test(test_pick_across_pvs),
		cmocka_unit_test(test_policy_phases),
		cmocka_unit_test(test_cling_first_segment),
		cmocka_unit_test(test_striped_cling_per_stripe),
		cmocka_unit_test(test_normal_follows_last_piece),
		cmocka_unit_test(test_striped_cling_any_lv_pv),
		cmocka_unit_test(test_pv_ranges),
		cmocka_unit_test(test_not_allocatable),
		cmocka_unit_test(test_contiguous),
		cmocka_unit_test(test_cling_and_inherit),
		cmocka_unit_test(test_striped_extend_continues),
		cmocka_unit_test(test_reduce),
		cmocka_unit_test(test_virtual_segments),
		cmocka_unit_test(test_large_vg),
		cmocka_unit_test(test_touched_runs_go_behind),
		cmocka_unit_test(test_cling_rounds),
		cmocka_unit_test(test_anywhere_stripes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
