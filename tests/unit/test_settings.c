/* Tests for the lvm.conf settings table and its checks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "config/settings.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

/* settings_validate's problem count for text (quiet). */
static int check_text(const char *text)
{
	struct pool *p = pool_create("test");
	char err[128];
	struct cfg_node *root = cfg_parse(p, text, strlen(text), err, sizeof(err));
	int problems;

	assert_non_null(root);
	problems = settings_validate(root, 1);
	pool_destroy(p);
	return problems;
}

/* text after settings_validate repaired it, written back as lvm.conf. */
static char *checked_text(const char *text)
{
	struct pool *p = pool_create("test");
	struct strbuf sb = STRBUF_INIT;
	char err[128], *out;
	struct cfg_node *root = cfg_parse(p, text, strlen(text), err, sizeof(err));

	assert_non_null(root);
	settings_validate(root, 1);
	cfg_write(root, 0, &sb);
	out = strdup(sb.buf ? sb.buf : "");
	strbuf_release(&sb);
	pool_destroy(p);
	return out;
}

static void expect_checked(const char *text, const char *want)
{
	char *got = checked_text(text);

	if (strcmp(got, want))
		fail_msg("'%s' became \"%s\", want \"%s\"", text, got, want);
	free(got);
}

static void test_find(void **state)
{
	const struct setting_def *s;

	(void)state;
	s = setting_find("devices/filter");
	assert_non_null(s);
	assert_int_equal(s->type, SET_LIST);
	assert_null(setting_find("devices/nosuch"));
	assert_null(setting_find("devices"));
	assert_true(setting_section_known("report"));
	assert_false(setting_section_known("bogus"));
	assert_string_equal(setting_type_name(SET_STR), "string");
}

static void test_table_defaults_parse(void **state)
{
	struct pool *p = pool_create("test");
	const struct setting_def *t;
	size_t n, i;

	(void)state;
	t = settings_table(&n);
	assert_true(n > 10);
	for (i = 0; i < n; i++) {
		struct cfg_node *d = setting_default_node(p, &t[i], "/etc/lvm");

		assert_non_null(t[i].desc);
		assert_non_null(d);
		assert_string_equal(d->key, strrchr(t[i].path, '/') + 1);
	}
	pool_destroy(p);
}

static void test_sysdir_substituted(void **state)
{
	struct pool *p = pool_create("test");
	struct cfg_node *d = setting_default_node(p, setting_find("backup/backup_dir"), "/x/y");

	(void)state;
	assert_non_null(d);
	assert_string_equal(d->value->v.str, "/x/y/backup");
	pool_destroy(p);
}

static void test_check_types(void **state)
{
	(void)state;
	assert_int_equal(check_text("global { units = \"k\" wait_for_locks = 0 }"), 0);
	assert_int_equal(check_text("devices { filter = [ \"a|.*|\" ] scan = \"/dev\" }"), 0);
	assert_int_equal(check_text("devices { files = [] }"), 0);
	assert_int_equal(check_text("global { units = 5 }"), 1);
	assert_int_equal(check_text("global { lock_timeout = \"x\" }"), 1);
	assert_int_equal(check_text("backup { retain_min = 1.5 }"), 1);
	assert_int_equal(check_text("devices { filter = [ 1 ] }"), 1);
	assert_int_equal(check_text("devices { filter = [ \"a|x|\", 1 ] }"), 1);
	assert_int_equal(check_text("global { units = [ \"k\", \"m\" ] locking_dir = 3 }"), 2);
	assert_int_equal(check_text("global { units { x = 1 } }"), 1);
	/* LVM2 takes a one-item list for a scalar */
	assert_int_equal(check_text("global { units = [ \"k\" ] } backup { retain_min = [ 3 ] }"), 0);
	/* LVM2 settings openlvm ignores, and user tags, are accepted */
	assert_int_equal(check_text("devices { use_devicesfile = 0 } tags { t1 { a = 1 } }"), 0);
}

/* lvmconfig --validate counts what LVM2 calls invalid; commands only warn. */
static void test_check_names(void **state)
{
	(void)state;
	assert_int_equal(check_text("global { foo = 1 }"), 1);
	assert_int_equal(check_text("bogus { x = 1 }"), 1);
	assert_int_equal(check_text("top = 1"), 1);
	assert_int_equal(check_text("global = 1"), 1);
	assert_int_equal(check_text("global { backup { x = 1 } }"), 1);
	assert_int_equal(check_text("global { foo = 1 } bogus { x = 1 } top = 1"), 3);
}

static void test_check_values(void **state)
{
	(void)state;
	assert_int_equal(check_text("global { wait_for_locks = \"yes\" }"), 0);
	assert_int_equal(check_text("global { wait_for_locks = \"OFF\" }"), 0);
	assert_int_equal(check_text("global { wait_for_locks = \"x\" }"), 1);
	assert_int_equal(check_text("global { wait_for_locks = 2 }"), 0);
	assert_int_equal(check_text("devices { filter = [] }"), 1);
	assert_int_equal(check_text("devices { scan = [] global_filter = [] }"), 2);
}

/* What a command runs with: bad values gone (defaults apply), words made numbers. */
static void test_check_repairs(void **state)
{
	(void)state;
	expect_checked("global { units = 5 locking_dir = \"/l\" }",
		       "global {\n\tlocking_dir = \"/l\"\n}\n");
	expect_checked("global { wait_for_locks = \"no\" backup = \"on\" }",
		       "global {\n\twait_for_locks = 0\n\tbackup = \"on\"\n}\n");
	expect_checked("global { units = [ \"k\" ] }", "global {\n\tunits = \"k\"\n}\n");
	expect_checked("devices { filter = [] files = [] }", "devices {\n\tfiles = []\n}\n");
	expect_checked("global { foo = 1 }", "global {\n\tfoo = 1\n}\n");
}

/* settings_check's verdict for text: unknown names pass, bad values fail. */
static int check_verdict(const char *text)
{
	struct pool *p = pool_create("test");
	char err[128];
	struct cfg_node *root = cfg_parse(p, text, strlen(text), err, sizeof(err));
	int r;

	assert_non_null(root);
	r = settings_check(root);
	pool_destroy(p);
	return r;
}

static void test_check_bad_values_fail(void **state)
{
	(void)state;
	assert_int_equal(check_verdict("global { foo = 1 } nosuch { a = 1 }"), 0);
	assert_int_equal(check_verdict("global { units = [ \"k\" ] wait_for_locks = \"no\" }"), 0);
	assert_int_equal(check_verdict("global { units = 5 }"), -1);
	assert_int_equal(check_verdict("devices { filter = 1 }"), -1);
	assert_int_equal(check_verdict("global { wait_for_locks = \"x\" }"), -1);
	assert_int_equal(check_verdict("devices { filter = [] }"), -1);
}

static void test_nest_paths(void **state)
{
	struct pool *p = pool_create("test");
	char err[128];
	const char *text = "global/units = \"k\" global { wait_for_locks = 0 } a/b/c = 1";
	struct cfg_node *root = cfg_parse(p, text, strlen(text), err, sizeof(err));
	const char *s;
	int64_t i;

	(void)state;
	assert_non_null(root);
	settings_nest_paths(p, root);
	assert_int_equal(cfg_get_str(root, "global/units", &s), 0);
	assert_string_equal(s, "k");
	assert_int_equal(cfg_get_int(root, "global/wait_for_locks", &i), 0);
	assert_int_equal(cfg_get_int(root, "a/b/c", &i), 0);
	assert_int_equal(i, 1);
	assert_null(cfg_child(root, "global/units"));
	assert_int_equal(settings_validate(root, 1), 1);	/* section a */
	pool_destroy(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_table_defaults_parse),
		cmocka_unit_test(test_sysdir_substituted),
		cmocka_unit_test(test_check_types),
		cmocka_unit_test(test_check_names),
		cmocka_unit_test(test_check_values),
		cmocka_unit_test(test_check_repairs),
		cmocka_unit_test(test_check_bad_values_fail),
		cmocka_unit_test(test_nest_paths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
