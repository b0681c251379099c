/*
 * Tests for -S selection: every operator, lists, sizes, times, errors.
 * The expected rows are what LVM2 2.03.16 selected for the same VG on
 * loop devices (tests/interop/select.bats compares live).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "device/device.h"
#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "report/report.h"
#include "report/report_int.h"
#include "report/select.h"
#include "report/select_time.h"

/* vg1: lv1 4m tags a,b; lv2 8m tag a; other 12m no tags; 1 MiB extents. */
static const char vg_text[] =
	"vg1 {\nid = \"JY4UBh-lhEN-IpSx-yrwV-ew83-tq8p-uowOxs\"\nseqno = 4\n"
	"format = \"lvm2\"\nstatus = [\"RESIZEABLE\", \"READ\", \"WRITE\"]\nflags = []\n"
	"tags = [\"vgt1\"]\nextent_size = 2048\nmax_lv = 0\nmax_pv = 0\nmetadata_copies = 0\n"
	"physical_volumes {\npv0 {\nid = \"Bqsxt8-daGr-BI7D-3pKv-DXAR-YfER-Nxw2ks\"\n"
	"device = \"/dev/loop0\"\nstatus = [\"ALLOCATABLE\"]\nflags = []\n"
	"dev_size = 131072\npe_start = 2048\npe_count = 63\n}\n}\n"
	"logical_volumes {\n"
	"lv1 {\nid = \"MM4Thy-kFkx-kdDm-uwl4-dd7F-Xo09-phLEDm\"\n"
	"status = [\"READ\", \"WRITE\", \"VISIBLE\"]\nflags = []\ntags = [\"a\", \"b\"]\n"
	"creation_time = 1700000000\ncreation_host = \"vm\"\nsegment_count = 1\n"
	"segment1 {\nstart_extent = 0\nextent_count = 4\ntype = \"striped\"\n"
	"stripe_count = 1\nstripes = [\"pv0\", 0]\n}\n}\n"
	"lv2 {\nid = \"It838t-GmDv-Dq82-Vyi6-aFD9-hpnX-61K009\"\n"
	"status = [\"READ\", \"WRITE\", \"VISIBLE\"]\nflags = []\ntags = [\"a\"]\n"
	"creation_time = 1600000000\ncreation_host = \"vm\"\nsegment_count = 1\n"
	"segment1 {\nstart_extent = 0\nextent_count = 8\ntype = \"striped\"\n"
	"stripe_count = 1\nstripes = [\"pv0\", 4]\n}\n}\n"
	"other {\nid = \"Kt838t-GmDv-Dq82-Vyi6-aFD9-hpnX-61K009\"\n"
	"status = [\"READ\", \"WRITE\", \"VISIBLE\"]\nflags = []\n"
	"creation_time = 1700000000\ncreation_host = \"vm\"\nsegment_count = 2\n"
	"segment1 {\nstart_extent = 0\nextent_count = 6\ntype = \"striped\"\n"
	"stripe_count = 1\nstripes = [\"pv0\", 12]\n}\n"
	"segment2 {\nstart_extent = 6\nextent_count = 6\ntype = \"striped\"\n"
	"stripe_count = 1\nstripes = [\"pv0\", 20]\n}\n}\n"
	"}\n}\n"
	"contents = \"Text Format Volume Group\"\nversion = 1\n";

static struct volume_group *vg;
static struct device dev;

static int setup(void **state)
{
	struct physical_volume *pv;

	(void)state;
	setenv("TZ", "UTC", 1);
	vg = vg_import_text(vg_text, sizeof(vg_text) - 1, "test");
	assert_non_null(vg);
	dev.path = "/dev/loop0";
	dev.fd = -1;
	dev.size_known = 1;
	dev.size = 64 << 20;
	TAILQ_FOREACH(pv, &vg->pvs, list)
		pv->dev = &dev;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	vg_free(vg);
	return 0;
}

static char *run_report(enum report_type type, const char *const *fields,
			const char *const *sort, const char *sel, int *failed);

/* Runs a report of type with -o name and the selection; returns the names. */
static char *selected(enum report_type type, const char *sel, int *failed)
{
	static const char *const fields[] = { "name", NULL };

	return run_report(type, fields, NULL, sel, failed);
}

/* The rows of a report of type with -o fields, -O sort and -S sel. */
static char *run_report(enum report_type type, const char *const *fields,
			const char *const *sort, const char *sel, int *failed)
{
	struct report_opts o = { 0 };
	char *buf = NULL;
	size_t size = 0;
	struct report *r;
	struct logical_volume *lv;
	struct physical_volume *pv;

	o.type = type;
	o.fields = fields;
	o.sort = sort;
	o.no_headings = 1;
	o.separator = ",";
	o.select = sel;
	o.state_unknown = 1;
	o.out = open_memstream(&buf, &size);
	r = report_create(&o);
	*failed = !r;
	if (r) {
		if (type == RPT_LV)
			TAILQ_FOREACH(lv, &vg->lvs, list)
				assert_int_equal(report_add_lv(r, lv), 0);
		if (type == RPT_VG)
			assert_int_equal(report_add_vg(r, vg), 0);
		if (type == RPT_PV)
			TAILQ_FOREACH(pv, &vg->pvs, list)
				assert_int_equal(report_add_pv(r, pv), 0);
		assert_int_equal(report_output(r), 0);
		report_destroy(r);
	}
	fclose(o.out);
	return buf;
}

static void expect(enum report_type type, const char *sel, const char *want)
{
	int failed;
	char *got = selected(type, sel, &failed);

	if (failed)
		fail_msg("selection '%s' refused", sel);
	if (strcmp(got, want))
		fail_msg("selection '%s': got \"%s\", want \"%s\"", sel, got, want);
	free(got);
}

static void expect_lvs(const char *sel, const char *want)
{
	expect(RPT_LV, sel, want);
}

static void expect_error(enum report_type type, const char *sel)
{
	int failed;
	char *got = selected(type, sel, &failed);

	if (!failed)
		fail_msg("selection '%s' accepted, want an error", sel);
	free(got);
}

static void test_comparisons(void **state)
{
	(void)state;
	expect_lvs("lv_name=lv1", "  lv1\n");
	expect_lvs("lv_name = 'lv1'", "  lv1\n");
	expect_lvs("lv_name=\"lv1\"", "  lv1\n");
	expect_lvs("lv_name!=lv1", "  lv2\n  other\n");
	expect_lvs("lv_name=LV1", "");
	expect_lvs("seg_count=2", "  other\n");
	expect_lvs("seg_count>=1", "  lv1\n  lv2\n  other\n");
	expect_lvs("seg_count<2", "  lv1\n  lv2\n");
	expect_lvs("seg_count<=1", "  lv1\n  lv2\n");
	expect_lvs("seg_count>1", "  other\n");
}

static void test_sizes(void **state)
{
	(void)state;
	expect_lvs("lv_size>4m", "  lv2\n  other\n");
	expect_lvs("lv_size>=8m", "  lv2\n  other\n");
	expect_lvs("size=8", "  lv2\n");			/* m by default */
	expect_lvs("lv_size<8388608b", "  lv1\n");
	expect_lvs("lv_size=8192s", "  lv1\n");
	expect_lvs("lv_size=4M", "");			/* upper case is SI */
	expect_lvs("lv_size=4194.304K", "  lv1\n");
	expect_lvs("lv_size>4.5m", "  lv2\n  other\n");
	expect_lvs("lv_size>0.004g", "  lv2\n  other\n");
	expect_lvs("lv_size<=0.01171875g", "  lv1\n  lv2\n  other\n");
}

static void test_regex(void **state)
{
	(void)state;
	expect_lvs("lv_name=~^lv", "  lv1\n  lv2\n");
	expect_lvs("lv_name!~^lv", "  other\n");
	expect_lvs("lv_name=~'[12]$'", "  lv1\n  lv2\n");
	expect_lvs("lv_attr=~^-wi", "  lv1\n  lv2\n  other\n");
}

static void test_logic(void **state)
{
	(void)state;
	expect_lvs("!(lv_name=lv1)", "  lv2\n  other\n");
	expect_lvs("(lv_name=lv1 || lv_name=other) && lv_size>4m", "  other\n");
	/* && binds tighter than || */
	expect_lvs("lv_name=lv1 || lv_name=lv2 && lv_size>8m", "  lv1\n");
	expect_lvs("lv_name=lv1,lv_size=8m", "");
	expect_lvs("lv_name=lv1 # lv_name=lv2", "  lv1\n  lv2\n");
	expect_lvs("vg_name=vg1 && lv_size<10m", "  lv1\n  lv2\n");
	expect_lvs("!(!(lv_name=lv2))", "  lv2\n");
}

static void test_lists(void **state)
{
	(void)state;
	expect_lvs("lv_tags=a", "  lv1\n  lv2\n");
	expect_lvs("lv_tags={a}", "  lv1\n  lv2\n");
	expect_lvs("lv_tags=[a]", "  lv2\n");
	expect_lvs("lv_tags={a,b}", "  lv1\n");
	expect_lvs("lv_tags=[b,a]", "  lv1\n");
	expect_lvs("lv_tags=[a||c]", "  lv1\n  lv2\n");
	expect_lvs("lv_tags={b#c}", "  lv1\n");
	expect_lvs("lv_tags=[a&&b]", "  lv1\n");
	expect_lvs("lv_tags!=a", "  other\n");
	expect_lvs("lv_tags=\"\"", "  other\n");
	expect_lvs("lv_tags=[]", "  other\n");
	expect_lvs("lv_tags={}", "  other\n");
	expect_lvs("lv_tags=[a,b,c]", "");
	expect_lvs("lv_tags!=[a]", "  lv1\n  other\n");
	expect_lvs("vg_tags=vgt1 && lv_tags=b", "  lv1\n");
	expect_lvs("vg_name=[vg1]", "");
}

static void test_numbers_and_words(void **state)
{
	(void)state;
	expect_lvs("lv_major=-1", "  lv1\n  lv2\n  other\n");
	expect_lvs("lv_major=undefined", "  lv1\n  lv2\n  other\n");
	expect_lvs("lv_major!=-1", "");
	expect_lvs("data_percent=0", "");
	expect_lvs("lv_read_ahead=auto", "  lv1\n  lv2\n  other\n");
	expect(RPT_PV, "pv_allocatable=1", "  /dev/loop0\n");
	expect(RPT_PV, "pv_allocatable=allocatable", "  /dev/loop0\n");
	expect(RPT_PV, "pv_allocatable=yes", "  /dev/loop0\n");
	expect(RPT_PV, "pv_exported=no", "  /dev/loop0\n");
	expect(RPT_PV, "pv_exported=1", "");
}

static void test_times(void **state)
{
	(void)state;
	/* lv2 2020-09-13 12:26:40 UTC, the others 2023-11-14 22:13:20 UTC */
	expect_lvs("lv_time>2021-01-01", "  lv1\n  other\n");
	expect_lvs("lv_time<2021", "  lv2\n");
	expect_lvs("lv_time since 2023-11-14", "  lv1\n  other\n");
	expect_lvs("lv_time=2020-09", "  lv2\n");
	expect_lvs("lv_time='2020-09-13 12:26'", "  lv2\n");
	expect_lvs("lv_time='2020-09-13 12:25'", "");
	expect_lvs("lv_time=@1600000000", "  lv2\n");
	expect_lvs("lv_time='2020-09-13 14:26:40 +02:00'", "  lv2\n");
	expect_lvs("lv_time before 2020-09-13", "");
	expect_lvs("lv_time until 2020-09-13", "  lv2\n");
	expect_lvs("lv_time after 2020-09-13", "  lv1\n  other\n");
}

/*
 * Fields of other objects turn the rows into rows of those objects, as
 * -o does: a row per matching segment, LV, or PV segment (LVM2 2.03.16).
 */
static void test_related_objects(void **state)
{
	(void)state;
	expect_lvs("segtype=linear", "  lv1\n  lv2\n  other\n  other\n");
	expect_lvs("seg_start_pe=6", "  other\n");
	expect(RPT_VG, "lv_name=lv2", "  vg1\n");
	expect(RPT_VG, "lv_size>4m", "  vg1\n  vg1\n");
	expect(RPT_VG, "seg_size=6m", "  vg1\n  vg1\n");
	expect(RPT_VG, "pv_name=/dev/loop0", "  vg1\n");
	expect(RPT_VG, "lv_name=nope", "");
	expect(RPT_PV, "lv_name=other", "  /dev/loop0\n  /dev/loop0\n");
	expect(RPT_PV, "pvseg_start>=0", "  /dev/loop0\n  /dev/loop0\n  /dev/loop0\n"
	       "  /dev/loop0\n  /dev/loop0\n  /dev/loop0\n");
	expect(RPT_PV, "vg_name=vg1", "  /dev/loop0\n");
}

/* Free PV segments compare as LVM2's empty LV: size 0, role public. */
static void test_free_rows(void **state)
{
	(void)state;
	expect(RPT_PV, "lv_size=0", "  /dev/loop0\n  /dev/loop0\n");
	expect(RPT_PV, "lv_name=\"\" && lv_role=public", "  /dev/loop0\n  /dev/loop0\n");
	expect(RPT_PV, "segtype=free && seg_size>30m", "  /dev/loop0\n");
}

/* -O fields choose the row type as -o and -S fields do. */
static void test_sort_fields_promote(void **state)
{
	static const char *const vg_fields[] = { "vg_name", NULL };
	static const char *const by_seg[] = { "-seg_size", NULL };
	static const char *const by_lv[] = { "lv_name", NULL };
	static const char *const by_pvseg[] = { "pvseg_start", NULL };
	static const char *const lv_fields[] = { "lv_name", NULL };
	static const char *const by_pv[] = { "pv_name", NULL };
	int failed;
	char *got;

	(void)state;
	got = run_report(RPT_VG, vg_fields, by_seg, NULL, &failed);
	assert_false(failed);
	assert_string_equal(got, "  vg1\n  vg1\n  vg1\n  vg1\n");
	free(got);
	got = run_report(RPT_VG, vg_fields, by_lv, "lv_size<10m", &failed);
	assert_string_equal(got, "  vg1\n  vg1\n");
	free(got);
	got = run_report(RPT_LV, lv_fields, by_seg, NULL, &failed);
	assert_string_equal(got, "  lv2\n  other\n  other\n  lv1\n");
	free(got);
	got = run_report(RPT_PV, NULL, by_pvseg, "lv_name=other", &failed);
	assert_false(failed);
	assert_non_null(strstr(got, "/dev/loop0"));
	free(got);
	log_set_level(LOG_QUIET);
	got = run_report(RPT_LV, lv_fields, by_pv, NULL, &failed);
	log_set_level(0);
	assert_true(failed);
	free(got);
}

/*
 * "selected": shown, it keeps the rows -S rejects, with 0; as a sort
 * key only it changes nothing; inside -S it is 1 (LVM2 2.03.16).
 */
static void test_selected_field(void **state)
{
	static const char *const shown[] = { "lv_name,selected", NULL };
	static const char *const names[] = { "lv_name", NULL };
	static const char *const by_selected[] = { "-selected", "lv_name", NULL };
	int failed;
	char *got;

	(void)state;
	got = run_report(RPT_LV, shown, NULL, "lv_size>4m", &failed);
	assert_false(failed);
	assert_string_equal(got, "  lv1,0\n  lv2,1\n  other,1\n");
	free(got);
	got = run_report(RPT_LV, shown, NULL, NULL, &failed);
	assert_string_equal(got, "  lv1,1\n  lv2,1\n  other,1\n");
	free(got);
	got = run_report(RPT_LV, shown, by_selected, "lv_name=lv1", &failed);
	assert_string_equal(got, "  lv1,1\n  lv2,0\n  other,0\n");
	free(got);
	got = run_report(RPT_LV, names, by_selected, "lv_size>4m", &failed);
	assert_string_equal(got, "  lv2\n  other\n");
	free(got);
	got = run_report(RPT_LV, shown, NULL, "selected=0", &failed);
	assert_string_equal(got, "  lv1,0\n  lv2,0\n  other,0\n");
	free(got);
	got = run_report(RPT_LV, names, NULL, "selected=0", &failed);
	assert_string_equal(got, "");
	free(got);
	got = run_report(RPT_LV, names, NULL, "selected=1 && lv_size>4m", &failed);
	assert_string_equal(got, "  lv2\n  other\n");
	free(got);
}

/* Row types by the objects the -o, -O and -S fields read. */
static void test_row_type(void **state)
{
	static const struct {
		enum report_type base;
		unsigned objs;
		int ret;
		enum report_type want;
	} cases[] = {
		{ RPT_VG, 0, 0, RPT_VG },
		{ RPT_VG, OBJ_BIT(OBJ_VG) | OBJ_BIT(OBJ_SPECIAL), 0, RPT_VG },
		{ RPT_VG, OBJ_BIT(OBJ_LV), 0, RPT_LV },
		{ RPT_VG, OBJ_BIT(OBJ_LV) | OBJ_BIT(OBJ_SEG), 0, RPT_SEG },
		{ RPT_VG, OBJ_BIT(OBJ_PV), 0, RPT_PV },
		{ RPT_VG, OBJ_BIT(OBJ_PV) | OBJ_BIT(OBJ_PVSEG), 0, RPT_PVSEG },
		{ RPT_VG, OBJ_BIT(OBJ_LV) | OBJ_BIT(OBJ_PV), -1, RPT_VG },
		{ RPT_PV, OBJ_BIT(OBJ_LV), 0, RPT_PVSEG },
		{ RPT_PV, OBJ_BIT(OBJ_SEG), 0, RPT_PVSEG },
		{ RPT_PV, OBJ_BIT(OBJ_VG), 0, RPT_PV },
		{ RPT_PVSEG, 0, 0, RPT_PVSEG },
		{ RPT_LV, OBJ_BIT(OBJ_SEG), 0, RPT_SEG },
		{ RPT_LV, OBJ_BIT(OBJ_VG) | OBJ_BIT(OBJ_SPECIAL), 0, RPT_LV },
		{ RPT_LV, OBJ_BIT(OBJ_PV), -1, RPT_LV },
		{ RPT_SEG, OBJ_BIT(OBJ_PVSEG), -1, RPT_SEG },
	};
	size_t i;

	(void)state;
	log_set_level(LOG_QUIET);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum report_type got;

		assert_int_equal(report_row_type(cases[i].base, cases[i].objs, &got), cases[i].ret);
		if (!cases[i].ret)
			assert_int_equal(got, cases[i].want);
	}
	log_set_level(0);
}

/* The stand-in cells: orphan PVs' VG and free PV segments' LV. */
static void test_row_cells(void **state)
{
	static const char *const fields[] = { "pv_name", NULL };
	struct report_opts o = { 0 };
	struct physical_volume pv = { 0 };
	struct lv_segment free_seg = { 0 };
	struct row row = { 0 };
	struct cell c;
	struct report *r;

	(void)state;
	o.type = RPT_PV;
	o.fields = fields;
	r = report_create(&o);
	assert_non_null(r);
	row.pv = &pv;
	assert_int_equal(report_row_cell(r, report_field_find(RPT_PV, "vg_fmt", 6), &row, &c), 1);
	assert_string_equal(c.str, "lvm2");
	report_row_cell(r, report_field_find(RPT_PV, "vg_attr", 7), &row, &c);
	assert_string_equal(c.str, "r-----");
	report_row_cell(r, report_field_find(RPT_PV, "vg_size", 7), &row, &c);
	assert_int_equal(c.num, 0);
	assert_false(c.empty);
	/* No LV and not a PV segment row: LV fields have no value. */
	assert_int_equal(report_row_cell(r, report_field_find(RPT_PV, "lv_size", 7), &row, &c), 0);
	assert_true(c.empty);
	row.vg = vg;
	row.has_pvseg = 1;
	row.seg = &free_seg;
	assert_int_equal(report_row_cell(r, report_field_find(RPT_PV, "lv_size", 7), &row, &c), 1);
	assert_false(c.empty);
	assert_int_equal(c.num, 0);
	report_row_cell(r, report_field_find(RPT_PV, "lv_role", 7), &row, &c);
	assert_string_equal(c.str, "public");
	report_row_cell(r, report_field_find(RPT_PV, "lv_full_name", 12), &row, &c);
	assert_string_equal(c.str, "vg1/");
	report_row_cell(r, report_field_find(RPT_PV, "lv_major", 8), &row, &c);
	assert_int_equal((int64_t)c.num, -1);
	assert_string_equal(report_free_row_text(r, report_field_find(RPT_PV, "lv_dm_path", 10),
						 &row), "/dev/mapper/vg1-");
	row.unselected = 1;
	report_row_cell(r, report_field_find(RPT_PV, "selected", 8), &row, &c);
	assert_int_equal(c.num, 0);
	row.unselected = 0;
	report_get_selected(r, &row, &c);
	assert_int_equal(c.num, 1);
	report_destroy(r);
}

/* select_objs: the objects a selection reads, for the row type. */
static void test_select_objs(void **state)
{
	static const char *const fields[] = { "pv_name", NULL };
	struct report_opts o = { 0 };
	struct selection *s;
	struct report *r;

	(void)state;
	o.type = RPT_PV;
	o.fields = fields;
	r = report_create(&o);
	assert_non_null(r);
	s = select_compile(r, RPT_PV, "lv_name=a || (seg_size>1m && !(vg_name=b))");
	assert_non_null(s);
	assert_int_equal(select_objs(s), OBJ_BIT(OBJ_LV) | OBJ_BIT(OBJ_SEG) | OBJ_BIT(OBJ_VG));
	select_free(s);
	s = select_compile(r, RPT_PV, "selected=1");
	assert_non_null(s);
	assert_int_equal(select_objs(s), OBJ_BIT(OBJ_SPECIAL));
	select_free(s);
	report_destroy(r);
}

/* tvg: LVs lin1, tpB (thin pool), lin2, tpA (thin pool), thinA in that order. */
static const char thin_vg_text[] =
	"tvg {\nid = \"JY4UBh-lhEN-IpSx-yrwV-ew83-tq8p-uowOxt\"\nseqno = 4\n"
	"format = \"lvm2\"\nstatus = [\"RESIZEABLE\", \"READ\", \"WRITE\"]\nflags = []\n"
	"extent_size = 2048\nmax_lv = 0\nmax_pv = 0\nmetadata_copies = 0\n"
	"physical_volumes {\npv0 {\nid = \"Bqsxt8-daGr-BI7D-3pKv-DXAR-YfER-Nxw2kt\"\n"
	"device = \"/dev/loop0\"\nstatus = [\"ALLOCATABLE\"]\nflags = []\n"
	"dev_size = 131072\npe_start = 2048\npe_count = 63\n}\n}\n"
	"logical_volumes {\n"
#define TLV(name, id, vis, seg) \
	name " {\nid = \"" id "\"\nstatus = [\"READ\", \"WRITE\"" vis "]\nflags = []\n" \
	"segment_count = 1\nsegment1 {\nstart_extent = 0\nextent_count = 1\n" seg "}\n}\n"
#define LIN(pe) "type = \"striped\"\nstripe_count = 1\nstripes = [\"pv0\", " pe "]\n"
#define POOL(p) "type = \"thin-pool\"\nmetadata = \"" p "_tmeta\"\npool = \"" p "_tdata\"\n" \
	"transaction_id = 1\nchunk_size = 128\ndiscards = \"passdown\"\nzero_new_blocks = 1\n"
	TLV("lin1", "aaaaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaaa1", ", \"VISIBLE\"", LIN("0"))
	TLV("tpB", "aaaaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaaa2", ", \"VISIBLE\"", POOL("tpB"))
	TLV("lin2", "aaaaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaaa3", ", \"VISIBLE\"", LIN("1"))
	TLV("tpA", "aaaaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaaa4", ", \"VISIBLE\"", POOL("tpA"))
	TLV("thinA", "aaaaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaaa5", ", \"VISIBLE\"",
	    "type = \"thin\"\nthin_pool = \"tpA\"\ntransaction_id = 0\ndevice_id = 1\n")
	TLV("tpB_tmeta", "aaaaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaaa6", "", LIN("2"))
	TLV("tpB_tdata", "aaaaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaaa7", "", LIN("3"))
	TLV("tpA_tmeta", "aaaaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaaa8", "", LIN("4"))
	TLV("tpA_tdata", "aaaaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaaa9", "", LIN("5"))
	"}\n}\n"
	"contents = \"Text Format Volume Group\"\nversion = 1\n";

/* The rows of an lvs report of tvg, sorted only by -O sort (ties keep order). */
static char *thin_rows(struct volume_group *tvg, const char *sort, int all)
{
	static const char *const fields[] = { "lv_name", NULL };
	const char *sorts[] = { sort, NULL };
	struct report_opts o = { 0 };
	struct report *r;
	char *buf = NULL;
	size_t size = 0;

	o.type = RPT_LV;
	o.fields = fields;
	o.sort = sorts;
	o.no_headings = 1;
	o.state_unknown = 1;
	o.out = open_memstream(&buf, &size);
	r = report_create(&o);
	assert_non_null(r);
	assert_int_equal(report_add_vg_lvs(r, tvg, all), 0);
	assert_int_equal(report_output(r), 0);
	report_destroy(r);
	fclose(o.out);
	return buf;
}

/*
 * LVM2 2.03.16 lists thin pools first, the last one in metadata first;
 * observed with lvs -O vg_name on such a VG restored with vgcfgrestore.
 */
static void test_thin_pools_first(void **state)
{
	struct volume_group *tvg = vg_import_text(thin_vg_text, sizeof(thin_vg_text) - 1, "test");
	char *got;

	(void)state;
	assert_non_null(tvg);
	got = thin_rows(tvg, "vg_name", 0);
	assert_string_equal(got, "  tpA  \n  tpB  \n  lin1 \n  lin2 \n  thinA\n");
	free(got);
	got = thin_rows(tvg, "vg_name", 1);
	assert_string_equal(got, "  tpA        \n  tpB        \n  lin1       \n  lin2       \n"
			    "  thinA      \n  [tpB_tmeta]\n  [tpB_tdata]\n  [tpA_tmeta]\n"
			    "  [tpA_tdata]\n");
	free(got);
	got = thin_rows(tvg, "lv_name", 0);
	assert_string_equal(got, "  lin1 \n  lin2 \n  thinA\n  tpA  \n  tpB  \n");
	free(got);
	vg_free(tvg);
}

/* LV and PV fields cannot meet in one VG or LV report, whatever the option. */
static void test_mixed_objects_refused(void **state)
{
	(void)state;
	log_set_level(LOG_QUIET);
	expect_error(RPT_LV, "pv_name=/dev/loop0");
	expect_error(RPT_LV, "pvseg_start=0");
	expect_error(RPT_VG, "lv_name=lv1 && pv_name=/dev/loop0");
	log_set_level(0);
}

static void test_errors(void **state)
{
	static const char *const bad[] = {
		"bogus=1", "lv_name=lv1 &&", "lv_tags=~a", "lv_name<lv2", "lv_name=~",
		"lv_name=~'[['", "(lv_name=lv1", "lv_name=lv1)", "lv_name=lv1 lv_name=lv2",
		"!lv_name=lv1", "lv_size<>4m", "lv_name", "seg_count>abc", "seg_count=1.5",
		"lv_tags=[a,b||c]", "lv_time=fortnight", "lv_name='lv1", "lv_size=-4m",
		"pv_name=x", "", "()", "lv_tags=[a", "lv_fixed_minor=maybe",
	};
	size_t i;

	(void)state;
	log_set_level(LOG_QUIET);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		expect_error(RPT_LV, bad[i]);
	log_set_level(0);
}

/* ---- freeform time words (lib/report/select_time.c) ---- */

/*
 * "now" is pinned to Tuesday 2026-11-24 15:15:05 UTC; the ranges are
 * those LVM2 2.03.16 selected at that moment (LVs restored with
 * creation times on either side of each bound).
 */
#define MIDNIGHT INT64_C(1795478400)
#define NOW (MIDNIGHT + 15 * 3600 + 15 * 60 + 5)
#define DAY INT64_C(86400)

static void expect_range(const char *text, int64_t lo, int64_t hi)
{
	int64_t got_lo = 0, got_hi = 0;

	if (select_time_words(text, (time_t)NOW, &got_lo, &got_hi))
		fail_msg("'%s' refused", text);
	if (got_lo != lo || got_hi != hi)
		fail_msg("'%s': got [%lld, %lld], want [%lld, %lld]", text, (long long)got_lo,
			 (long long)got_hi, (long long)lo, (long long)hi);
}

static void expect_day(const char *text, int64_t days_back)
{
	expect_range(text, MIDNIGHT - days_back * DAY, MIDNIGHT - (days_back - 1) * DAY - 1);
}

static void expect_refused(const char *text)
{
	int64_t lo, hi;

	if (!select_time_words(text, (time_t)NOW, &lo, &hi))
		fail_msg("'%s' accepted, want an error", text);
}

static void test_time_day_words(void **state)
{
	(void)state;
	tzset();
	expect_day("today", 0);
	expect_day("TODAY", 0);
	expect_day("yesterday", 1);
	expect_day("tuesday", 0);
	expect_day("Tue", 0);
	expect_day("monday", 1);
	expect_day("Mon", 1);
	expect_day("sunday", 2);
	expect_day("wednesday", 6);
	expect_range("November", INT64_C(1793491200), INT64_C(1796083199));
	expect_range("jan", INT64_C(1767225600), INT64_C(1769903999));
}

static void test_time_of_day(void **state)
{
	(void)state;
	tzset();
	expect_range("noon", MIDNIGHT + 43200, MIDNIGHT + 43200);
	expect_range("midnight", MIDNIGHT, MIDNIGHT);
	expect_range("monday midnight", MIDNIGHT - DAY, MIDNIGHT - DAY);
	expect_range("yesterday noon", MIDNIGHT - 43200, MIDNIGHT - 43200);
	expect_range("noon yesterday", MIDNIGHT - 43200, MIDNIGHT - 43200);
	expect_range("3pm", MIDNIGHT + 15 * 3600, MIDNIGHT + 16 * 3600 - 1);
	expect_range("3 PM", MIDNIGHT + 15 * 3600, MIDNIGHT + 16 * 3600 - 1);
	expect_range("3am", MIDNIGHT + 3 * 3600, MIDNIGHT + 4 * 3600 - 1);
	expect_range("12am", MIDNIGHT + 12 * 3600, MIDNIGHT + 13 * 3600 - 1);
	expect_range("5pm 3am", MIDNIGHT + 3 * 3600, MIDNIGHT + 4 * 3600 - 1);
	expect_range("yesterday 12:00", MIDNIGHT - 43200, MIDNIGHT - 43200 + 59);
	expect_range("yesterday 12:30:15", MIDNIGHT - 43200 + 1815, MIDNIGHT - 43200 + 1815);
	expect_range("3 days ago noon", MIDNIGHT - 3 * DAY + 43200, MIDNIGHT - 3 * DAY + 43200);
}

static void test_time_ago(void **state)
{
	(void)state;
	tzset();
	expect_range("1 hour ago", NOW - 7201, NOW - 3600);
	expect_range("2 hours ago", NOW - 10801, NOW - 7200);
	expect_range("1 h ago", NOW - 7201, NOW - 3600);
	expect_range("1 minute ago", NOW - 121, NOW - 60);
	expect_range("2 mins ago", NOW - 181, NOW - 120);
	expect_range("60 seconds ago", NOW - 60, NOW - 60);
	expect_range("60 s ago", NOW - 60, NOW - 60);
	expect_range("1 hour 30 minutes ago", NOW - 5400 - 61, NOW - 5400);
	expect_day("1 day ago", 1);
	expect_day("1 days ago", 1);
	expect_day("1days ago", 1);
	expect_day("1 day", 1);
	expect_day("0 days ago", 0);
	expect_day("7 days ago", 7);
	expect_day("1 week ago", 7);
	expect_day("2 weeks ago", 14);
	expect_range("1 month ago", INT64_C(1792800000), INT64_C(1792886399));
	expect_range("1 year ago", INT64_C(1763942400), INT64_C(1764028799));
	expect_range("90 minutes ago", NOW - 5400 - 61, NOW - 5400);
	expect_range("ago", MIDNIGHT, MIDNIGHT);
}

static void test_time_word_errors(void **state)
{
	static const char *const bad[] = {
		"last week", "now", "tomorrow", "1 fortnight ago", "1 d ago", "1 w ago", "Tues",
		"thurs", "today yesterday", "monday tuesday", "1 minute ago noon",
		"yesterday 2 hours ago", "garbage", "12:00", "12", "yesterday 12.30", "",
		"99999999999 days ago", "600000 days 600000 days ago", "noon 1 hour ago",
	};
	size_t i;

	(void)state;
	log_set_level(LOG_QUIET);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		expect_refused(bad[i]);
	log_set_level(0);
}

/* Through -S: the words compile, and only ranges that do not depend on the clock are checked. */
static void test_time_words_select(void **state)
{
	(void)state;
	expect_lvs("lv_time before '1 day ago'", "  lv1\n  lv2\n  other\n");
	expect_lvs("lv_time since yesterday", "");
	expect_lvs("lv_time since \"2 hours ago\"", "");
	expect_lvs("lv_time until 'monday noon'", "  lv1\n  lv2\n  other\n");
	log_set_level(LOG_QUIET);
	expect_error(RPT_LV, "lv_time since 'last week'");
	expect_error(RPT_LV, "lv_time=12:00");
	log_set_level(0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comparisons),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_regex),
		cmocka_unit_test(test_logic),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_numbers_and_words),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_related_objects),
		cmocka_unit_test(test_free_rows),
		cmocka_unit_test(test_sort_fields_promote),
		cmocka_unit_test(test_selected_field),
		cmocka_unit_test(test_mixed_objects_refused),
		cmocka_unit_test(test_row_type),
		cmocka_unit_test(test_row_cells),
		cmocka_unit_test(test_select_objs),
		cmocka_unit_test(test_thin_pools_first),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_time_day_words),
		cmocka_unit_test(test_time_of_day),
		cmocka_unit_test(test_time_ago),
		cmocka_unit_test(test_time_word_errors),
		cmocka_unit_test(test_time_words_select),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
