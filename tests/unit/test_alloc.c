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

/* Holes: a run that holds the whole request wins over the PV's tail (LVM2). */
static void test_best_fit_in_hole(void **state)
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
	assert_string_equal(layout(lv), "3:pv0@0,pv0@2,pv1@0");
	assert_int_equal(vg_validate(vg), 0);
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
	assert_string_equal(layout(lv), "10:pv1@10 2:pv0@18 2:pv1@5");
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
		cmocka_unit_test(test_best_fit_in_hole),
		cmocka_unit_test(test_stripes_need_distinct_pvs),
		cmocka_unit_test(test_insufficient_space),
		cmocka_unit_test(test_pv_ranges),
		cmocka_unit_test(test_not_allocatable),
		cmocka_unit_test(test_contiguous),
		cmocka_unit_test(test_cling_and_inherit),
		cmocka_unit_test(test_striped_extend_continues),
		cmocka_unit_test(test_reduce),
		cmocka_unit_test(test_virtual_segments),
		cmocka_unit_test(test_large_vg),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
