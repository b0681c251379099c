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

#include "device/device.h"
#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "report/report.h"

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

/* Runs a report of type with -o name and the selection; returns the names. */
static char *selected(enum report_type type, const char *sel, int *failed)
{
	static const char *const fields[] = { "name", NULL };
	struct report_opts o = { 0 };
	char *buf = NULL;
	size_t size = 0;
	struct report *r;
	struct logical_volume *lv;
	struct physical_volume *pv;

	o.type = type;
	o.fields = fields;
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

static void test_related_objects(void **state)
{
	(void)state;
	expect_lvs("segtype=linear", "  lv1\n  lv2\n  other\n");
	expect_lvs("seg_start_pe=6", "  other\n");
	expect(RPT_VG, "lv_name=lv2", "  vg1\n");
	expect(RPT_VG, "lv_name=nope", "");
	expect(RPT_PV, "lv_name=other", "  /dev/loop0\n");
	expect(RPT_PV, "vg_name=vg1", "  /dev/loop0\n");
}

static void test_errors(void **state)
{
	static const char *const bad[] = {
		"bogus=1", "lv_name=lv1 &&", "lv_tags=~a", "lv_name<lv2", "lv_name=~",
		"lv_name=~'[['", "(lv_name=lv1", "lv_name=lv1)", "lv_name=lv1 lv_name=lv2",
		"!lv_name=lv1", "lv_size<>4m", "lv_name", "seg_count>abc", "seg_count=1.5",
		"lv_tags=[a,b||c]", "lv_time=yesterday", "lv_name='lv1", "lv_size=-4m",
		"pv_name=x", "", "()", "lv_tags=[a", "lv_fixed_minor=maybe",
	};
	size_t i;

	(void)state;
	log_set_level(LOG_QUIET);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		expect_error(RPT_LV, bad[i]);
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
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
