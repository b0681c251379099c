/* Tests for the lvm.conf settings table and its checks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "config/config.h"
#include "config/settings.h"
#include "misc/pool.h"

static int check_text(const char *text)
{
	struct pool *p = pool_create("test");
	char err[128];
	struct cfg_node *root = cfg_parse(p, text, strlen(text), err, sizeof(err));
	int errors;

	assert_non_null(root);
	errors = settings_check(root);
	pool_destroy(p);
	return errors;
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
	assert_int_equal(check_text("devices { filter = [ 1 ] }"), 1);
	assert_int_equal(check_text("global { units = [ \"k\" ] locking_dir = 3 }"), 2);
	assert_int_equal(check_text("global { units { x = 1 } }"), 1);
	/* unknown names only warn */
	assert_int_equal(check_text("global { foo = 1 } bogus { x = 1 } top = 1"), 0);
	/* LVM2 settings openlvm ignores, and user tags, are accepted */
	assert_int_equal(check_text("devices { use_devicesfile = 0 } tags { t1 { a = 1 } }"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_table_defaults_parse),
		cmocka_unit_test(test_sysdir_substituted),
		cmocka_unit_test(test_check_types),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
