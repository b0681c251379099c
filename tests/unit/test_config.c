#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/unit/testutil.h"

#include <glob.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config/config.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

/* ---- helpers ---- */

static struct cfg_node *parse_str(struct pool *p, const char *text, char *err, size_t errlen)
{
	return cfg_parse(p, text, strlen(text), err, errlen);
}

/* Parses text and expects it to fail with exactly msg. */
static void expect_error(const char *text, const char *msg)
{
	struct pool *p = pool_create("test");
	char err[256] = "";

	if (parse_str(p, text, err, sizeof(err)))
		fail_msg("parsed but expected \"%s\": %s", msg, text);
	if (strcmp(err, msg))
		fail_msg("input %s: got \"%s\", expected \"%s\"", text, err, msg);
	pool_destroy(p);
}

static int values_equal(const struct cfg_value *a, const struct cfg_value *b)
{
	for (; a && b; a = a->next, b = b->next) {
		if (a->type != b->type || a->list != b->list)
			return 0;
		if (a->type == CFG_INT && a->v.i != b->v.i)
			return 0;
		if (a->type == CFG_FLOAT && a->v.f != b->v.f)
			return 0;
		if (a->type == CFG_STRING && strcmp(a->v.str, b->v.str))
			return 0;
	}
	return !a && !b;
}

static int trees_equal(const struct cfg_node *a, const struct cfg_node *b)
{
	for (a = a->child, b = b->child; a && b; a = a->next, b = b->next) {
		if (strcmp(a->key, b->key) || !a->value != !b->value)
			return 0;
		if (a->value ? !values_equal(a->value, b->value) : !trees_equal(a, b))
			return 0;
	}
	return !a && !b;
}

/* write -> parse -> write must reproduce both the tree and the text. */
static void check_round_trip(const struct cfg_node *root)
{
	struct pool *p = pool_create("rt");
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	struct cfg_node *again;
	char err[256] = "";

	cfg_write(root, 0, &a);
	again = cfg_parse(p, a.buf, a.len, err, sizeof(err));
	if (!again)
		fail_msg("re-parse failed: %s\n%s", err, a.buf);
	assert_true(trees_equal(root, again));
	cfg_write(again, 0, &b);
	assert_string_equal(a.buf, b.buf);
	strbuf_release(&a);
	strbuf_release(&b);
	pool_destroy(p);
}

static void for_each_fixture_text(void (*fn)(const char *path))
{
	static const char *const patterns[] = {
		FIXTURES_DIR "/*/*-mda*-text.txt",
		FIXTURES_DIR "/*/vgcfg*.txt",
	};
	size_t i, j, total = 0;

	for (i = 0; i < sizeof(patterns) / sizeof(patterns[0]); i++) {
		glob_t g;

		assert_int_equal(glob(patterns[i], 0, NULL, &g), 0);
		for (j = 0; j < g.gl_pathc; j++)
			fn(g.gl_pathv[j]);
		total += g.gl_pathc;
		globfree(&g);
	}
	assert_true(total >= 18);
}

/* ---- fixtures ---- */

static void check_fixture(const char *path)
{
	struct pool *p = pool_create("fx");
	char err[256] = "", *text;
	size_t len;
	struct cfg_node *root;
	const struct cfg_node *vg = NULL, *n, *pvs;
	const char *s;
	int64_t i;

	text = test_slurp(path, &len);
	root = cfg_parse(p, text, len, err, sizeof(err));
	if (!root)
		fail_msg("%s: %s", path, err);
	assert_int_equal(cfg_get_str(root, "contents", &s), 0);
	assert_string_equal(s, "Text Format Volume Group");
	assert_int_equal(cfg_get_int(root, "version", &i), 0);
	assert_int_equal(i, 1);
	assert_int_equal(cfg_get_int(root, "creation_time", &i), 0);
	assert_true(i > 1795500000);
	/* The VG is the one top-level section. */
	for (n = root->child; n; n = n->next)
		if (!n->value) {
			assert_null(vg);
			vg = n;
		}
	assert_non_null(vg);
	assert_int_equal(cfg_get_str(vg, "id", &s), 0);
	assert_int_equal(strlen(s), 38);
	assert_int_equal(cfg_get_str(vg, "format", &s), 0);
	assert_string_equal(s, "lvm2");
	assert_int_equal(cfg_get_int(vg, "seqno", &i), 0);
	assert_true(i >= 1);
	pvs = cfg_find(vg, "physical_volumes");
	assert_non_null(pvs);
	assert_int_equal(cfg_get_int(pvs, "pv0/pe_start", &i), 0);
	assert_true(i > 0);
	n = cfg_find(vg, "status");
	assert_non_null(n);
	assert_true(n->value->list);
	assert_string_equal(n->value->v.str, "RESIZEABLE");
	n = cfg_find(vg, "flags");
	assert_int_equal(n->value->type, CFG_EMPTY_ARRAY);
	check_round_trip(root);
	free(text);
	pool_destroy(p);
}

static void test_fixtures_parse(void **state)
{
	(void)state;
	for_each_fixture_text(check_fixture);
}

static struct cfg_node *parse_fixture(struct pool *p, const char *rel)
{
	char path[512], err[256] = "", *text;
	size_t len;
	struct cfg_node *root;

	snprintf(path, sizeof(path), "%s/%s", FIXTURES_DIR, rel);
	text = test_slurp(path, &len);
	/* Strings point into the pool, not the text: freeing it is safe. */
	root = cfg_parse(p, text, len, err, sizeof(err));
	free(text);
	if (!root)
		fail_msg("%s: %s", rel, err);
	return root;
}

static void test_fixture_values(void **state)
{
	struct pool *p = pool_create("fx");
	struct cfg_node *root;
	const struct cfg_node *n;
	const struct cfg_value *v;
	const char *s;
	int64_t i;

	(void)state;
	root = parse_fixture(p, "a-linear/a-mda0-text.txt");
	assert_string_equal(root->child->key, "fsa");
	assert_int_equal(root->child->line, 1);
	assert_int_equal(cfg_get_int(root, "fsa/seqno", &i), 0);
	assert_int_equal(i, 6);
	assert_int_equal(cfg_find(root, "fsa/seqno")->line, 3);
	assert_int_equal(cfg_get_int(root, "fsa/extent_size", &i), 0);
	assert_int_equal(i, 8192);
	assert_int_equal(cfg_get_str(root, "creation_host", &s), 0);
	assert_string_equal(s, "vm");

	root = parse_fixture(p, "f-tags-names/f-mda0-text.txt");
	assert_int_equal(cfg_get_str(root, "description", &s), 0);
	assert_non_null(strstr(s, "--config 'global { units = \"b\" }' fsf-vg.+_x/lv+plus."));
	assert_int_equal(cfg_get_int(root, "fsf-vg.+_x/logical_volumes/a-b--c/segment_count", &i), 0);
	assert_int_equal(i, 1);
	n = cfg_find(root, "fsf-vg.+_x/logical_volumes/lv+plus/tags");
	assert_non_null(n);
	assert_string_equal(n->value->v.str, "lvtagA");
	assert_string_equal(n->value->next->v.str, "lvtagB");
	assert_null(n->value->next->next);
	n = cfg_find(root, "fsf-vg.+_x/tags");
	assert_string_equal(n->value->next->v.str, "T+_.-/=!:&#9");

	root = parse_fixture(p, "b-striped-span/b0-mda0-text.txt");
	n = cfg_find(root, "fsb/logical_volumes/stripe/segment1/stripes");
	assert_non_null(n);
	v = n->value;
	assert_int_equal(v->type, CFG_STRING);
	assert_string_equal(v->v.str, "pv0");
	assert_int_equal(v->next->type, CFG_INT);
	assert_int_equal(v->next->v.i, 0);
	assert_string_equal(v->next->next->v.str, "pv1");
	assert_int_equal(v->next->next->next->v.i, 0);
	assert_null(v->next->next->next->next);

	root = parse_fixture(p, "i-other-segtypes/vgcfgbackup.txt");
	assert_int_equal(cfg_get_str(root, "fsi/logical_volumes/cp/segment1/type", &s), 0);
	assert_string_equal(s, "cache-pool+METADATA_FORMAT");
	pool_destroy(p);
}

/* Every prefix of a fixture parses or fails cleanly (run under ASan). */
static void test_truncation(void **state)
{
	struct pool *p = pool_create("trunc");
	char path[512], err[256], *text, *copy;
	size_t len, cut, ok = 0;

	(void)state;
	snprintf(path, sizeof(path), "%s/i-other-segtypes/vgcfgbackup.txt", FIXTURES_DIR);
	text = test_slurp(path, &len);
	for (cut = 0; cut <= len; cut++) {
		struct pool *q = pool_create("cut");

		/* An exact-size heap copy lets ASan catch reads past len. */
		copy = xmalloc(cut ? cut : 1);
		memcpy(copy, text, cut);
		err[0] = '\0';
		if (cfg_parse(q, copy, cut, err, sizeof(err)))
			ok++;
		else
			assert_memory_equal(err, "line ", 5);
		free(copy);
		pool_destroy(q);
	}
	/* The cut inside the VG section must all fail; whole text parses. */
	assert_true(ok > 0 && ok < len / 2);
	free(text);
	pool_destroy(p);
}

/* ---- syntax ---- */

static void test_scalars(void **state)
{
	struct pool *p = pool_create("t");
	char err[256] = "";
	struct cfg_node *root;
	const struct cfg_node *n;
	const char *s;
	int64_t i;

	(void)state;
	root = parse_str(p,
		"a=1 b = -42 c = +7 d = 010 e = 0 f = 9223372036854775807\n"
		"g = -9223372036854775808 h = 0.5 i = -1.25 j = abc k = 'x\\y'\n"
		"l = \"q\\\"u\\\\o\\te\" m = \"\" n = -007 o = 1.\n",
		err, sizeof(err));
	if (!root)
		fail_msg("%s", err);
	assert_int_equal(cfg_get_int(root, "a", &i), 0);
	assert_int_equal(i, 1);
	assert_int_equal(cfg_get_int(root, "b", &i), 0);
	assert_int_equal(i, -42);
	assert_int_equal(cfg_get_int(root, "c", &i), 0);
	assert_int_equal(i, 7);
	assert_int_equal(cfg_get_int(root, "d", &i), 0);
	assert_int_equal(i, 8);
	assert_int_equal(cfg_get_int(root, "e", &i), 0);
	assert_int_equal(i, 0);
	assert_int_equal(cfg_get_int(root, "f", &i), 0);
	assert_true(i == INT64_MAX);
	assert_int_equal(cfg_get_int(root, "g", &i), 0);
	assert_true(i == INT64_MIN);
	n = cfg_find(root, "h");
	assert_int_equal(n->value->type, CFG_FLOAT);
	assert_true(n->value->v.f == 0.5);
	assert_true(cfg_find(root, "i")->value->v.f == -1.25);
	assert_true(cfg_find(root, "o")->value->v.f == 1.0);
	assert_int_equal(cfg_get_str(root, "j", &s), 0);
	assert_string_equal(s, "abc");
	assert_int_equal(cfg_get_str(root, "k", &s), 0);
	assert_string_equal(s, "x\\y");
	assert_int_equal(cfg_get_str(root, "l", &s), 0);
	assert_string_equal(s, "q\"u\\ote");
	assert_int_equal(cfg_get_str(root, "m", &s), 0);
	assert_string_equal(s, "");
	assert_int_equal(cfg_get_int(root, "n", &i), 0);
	assert_int_equal(i, -7);
	/* Type checks. */
	assert_int_equal(cfg_get_str(root, "a", &s), -1);
	assert_int_equal(cfg_get_int(root, "j", &i), -1);
	assert_int_equal(cfg_get_int(root, "h", &i), -1);
	assert_int_equal(cfg_get_int(root, "missing", &i), -1);
	check_round_trip(root);
	pool_destroy(p);
}

/*
 * Tokens are terminated in a copy of the text and small decimals take a
 * one-pass path: check the edges of both, and that the input is untouched.
 */
static void test_in_place_tokens(void **state)
{
	static const char text[] =
		"a=123456789012345678 b=1234567890123456789 c=0 d=\"s\"e=[1,\"x\\\"y\",2]\n"
		"f{g=w}h='q'i=\"\"j=99";
	char before[sizeof(text)];
	struct pool *p = pool_create("t");
	char err[256] = "";
	struct cfg_node *root;
	const struct cfg_value *v;
	const char *s;
	int64_t i;

	(void)state;
	memcpy(before, text, sizeof(text));
	root = cfg_parse(p, text, sizeof(text) - 1, err, sizeof(err));
	if (!root)
		fail_msg("%s", err);
	assert_memory_equal(text, before, sizeof(text));
	assert_int_equal(cfg_get_int(root, "a", &i), 0);
	assert_true(i == 123456789012345678LL);
	assert_int_equal(cfg_get_int(root, "b", &i), 0);
	assert_true(i == 1234567890123456789LL);
	assert_int_equal(cfg_get_int(root, "c", &i), 0);
	assert_int_equal(i, 0);
	assert_int_equal(cfg_get_str(root, "d", &s), 0);
	assert_string_equal(s, "s");
	v = cfg_child(root, "e")->value;
	assert_int_equal(v->v.i, 1);
	assert_string_equal(v->next->v.str, "x\"y");
	assert_int_equal(v->next->next->v.i, 2);
	assert_int_equal(cfg_get_str(root, "f/g", &s), 0);
	assert_string_equal(s, "w");
	assert_int_equal(cfg_get_str(root, "h", &s), 0);
	assert_string_equal(s, "q");
	assert_int_equal(cfg_get_str(root, "i", &s), 0);
	assert_string_equal(s, "");
	assert_int_equal(cfg_get_int(root, "j", &i), 0);
	assert_int_equal(i, 99);
	assert_null(cfg_parse(p, "a=12x", 5, err, sizeof(err)));
	assert_null(cfg_parse(p, "a=99999999999999999999", 22, err, sizeof(err)));
	pool_destroy(p);
}

static void test_keys_and_sections(void **state)
{
	struct pool *p = pool_create("t");
	char err[256] = "";
	struct cfg_node *root;
	const struct cfg_node *n;
	const char *s;
	int64_t i;

	(void)state;
	root = parse_str(p,
		"lv+plus{x=1}a-b--c {\n\ty = 2\n}\n"
		"\"quoted key\" = 3 'single' = 4 it's = 5\n"
		"outer { inner { deep = \"d\" } empty { } }\n",
		err, sizeof(err));
	if (!root)
		fail_msg("%s", err);
	assert_int_equal(cfg_get_int(root, "lv+plus/x", &i), 0);
	assert_int_equal(i, 1);
	assert_int_equal(cfg_get_int(root, "a-b--c/y", &i), 0);
	assert_int_equal(i, 2);
	assert_int_equal(cfg_find(root, "a-b--c/y")->line, 2);
	assert_int_equal(cfg_get_int(root, "quoted key", &i), 0);
	assert_int_equal(i, 3);
	assert_int_equal(cfg_get_int(root, "single", &i), 0);
	assert_int_equal(cfg_get_int(root, "it's", &i), 0);
	assert_int_equal(cfg_get_str(root, "/outer//inner/deep/", &s), 0);
	assert_string_equal(s, "d");
	n = cfg_find(root, "outer/empty");
	assert_non_null(n);
	assert_null(n->value);
	assert_null(n->child);
	assert_ptr_equal(cfg_find(root, ""), root);
	assert_null(cfg_find(root, "outer/inner/deep/more"));
	assert_null(cfg_find(root, "outer/nope"));
	assert_null(cfg_find(NULL, "x"));
	assert_ptr_equal(cfg_child(root, "outer"), cfg_find(root, "outer"));
	assert_null(cfg_child(root, "oute"));
	assert_ptr_equal(cfg_find(root, "outer/inner")->parent, cfg_find(root, "outer"));
	check_round_trip(root);
	pool_destroy(p);
}

static void test_duplicates_last_wins(void **state)
{
	struct pool *p = pool_create("t");
	char err[256] = "";
	struct cfg_node *root;
	int64_t i;

	(void)state;
	root = parse_str(p, "a = 1 s { x = 1 } a = 2 s { x = 3 }", err, sizeof(err));
	assert_non_null(root);
	assert_int_equal(cfg_get_int(root, "a", &i), 0);
	assert_int_equal(i, 2);
	/* Sections are not merged: the last one is seen. */
	assert_int_equal(cfg_get_int(root, "s/x", &i), 0);
	assert_int_equal(i, 3);
	assert_string_equal(root->child->key, "a");
	assert_int_equal(root->child->value->v.i, 1);
	assert_int_equal(root->child->next->next->value->v.i, 2);
	pool_destroy(p);
}

static void test_lists(void **state)
{
	struct pool *p = pool_create("t");
	char err[256] = "";
	struct cfg_node *root;
	const struct cfg_value *v;
	int64_t i;

	(void)state;
	root = parse_str(p, "e = [] e2 = [ ]\nm = [\"a\", 1,\n 2.5 , 'b',c]\none = [5]\ntrail = [\"x\", ]",
			 err, sizeof(err));
	if (!root)
		fail_msg("%s", err);
	v = cfg_find(root, "e")->value;
	assert_int_equal(v->type, CFG_EMPTY_ARRAY);
	assert_true(v->list);
	assert_null(v->next);
	assert_int_equal(cfg_find(root, "e2")->value->type, CFG_EMPTY_ARRAY);
	v = cfg_find(root, "m")->value;
	assert_int_equal(v->type, CFG_STRING);
	assert_int_equal(v->next->type, CFG_INT);
	assert_int_equal(v->next->next->type, CFG_FLOAT);
	assert_string_equal(v->next->next->next->v.str, "b");
	assert_string_equal(v->next->next->next->next->v.str, "c");
	for (; v; v = v->next)
		assert_true(v->list);
	v = cfg_find(root, "one")->value;
	assert_true(v->list);
	assert_int_equal(v->v.i, 5);
	/* LVM2 accepts a trailing comma. */
	v = cfg_find(root, "trail")->value;
	assert_string_equal(v->v.str, "x");
	assert_null(v->next);
	/* A one-item list is not a scalar. */
	assert_int_equal(cfg_get_int(root, "one", &i), -1);
	check_round_trip(root);
	pool_destroy(p);
}

static void test_comments_and_nul(void **state)
{
	struct pool *p = pool_create("t");
	char err[256] = "";
	struct cfg_node *root;
	const char *s;
	int64_t i;
	static const char nul_text[] = "a = 1\n\0 b = }}} {";

	(void)state;
	root = parse_str(p, "# head\na = 1 # b = 2\nc = \"x#y\" # tail\nd = [1, # in list\n 2]\n#end", err, sizeof(err));
	if (!root)
		fail_msg("%s", err);
	assert_null(cfg_find(root, "b"));
	assert_int_equal(cfg_get_str(root, "c", &s), 0);
	assert_string_equal(s, "x#y");
	assert_int_equal(cfg_find(root, "d")->value->next->v.i, 2);
	assert_int_equal(cfg_find(root, "d")->line, 4);

	root = cfg_parse(p, nul_text, sizeof(nul_text) - 1, err, sizeof(err));
	assert_non_null(root);
	assert_int_equal(cfg_get_int(root, "a", &i), 0);
	assert_null(root->child->next);
	/* NUL inside an open section is a truncated input. */
	assert_null(cfg_parse(p, "s {\0}", 5, err, sizeof(err)));
	assert_string_equal(err, "line 1, column 4: unexpected end of input: section 's' not closed");
	/* Empty input and len 0 with a non-terminated buffer. */
	root = cfg_parse(p, "x", 0, err, sizeof(err));
	assert_non_null(root);
	assert_null(root->child);
	root = parse_str(p, "  \n # only\n", err, sizeof(err));
	assert_non_null(root);
	assert_null(root->child);
	pool_destroy(p);
}

static void test_errors(void **state)
{
	(void)state;
	expect_error("}", "line 1, column 1: unexpected '}'");
	expect_error("a = 1\n  }", "line 2, column 3: unexpected '}'");
	expect_error("a = [1 2]", "line 1, column 8: missing ',' between list items");
	expect_error("a = [\"x\" \"y\"]", "line 1, column 10: missing ',' between list items");
	expect_error("a = [,]", "line 1, column 6: expected a value, found ','");
	expect_error("a = [1,,2]", "line 1, column 8: expected a value, found ','");
	expect_error("a = [, 1]", "line 1, column 6: expected a value, found ','");
	expect_error("a = -abc", "line 1, column 5: invalid number '-abc'");
	expect_error("a = +", "line 1, column 5: invalid number '+'");
	expect_error("a = [1 }", "line 1, column 8: unexpected '}' in list");
	expect_error("a = [1, 2", "line 1, column 10: unexpected end of input inside list");
	expect_error("a = \"abc", "line 1, column 5: unterminated string");
	expect_error("x = 1\na = \"ab\nc\\\"", "line 2, column 5: unterminated string");
	expect_error("a = 'abc", "line 1, column 5: unterminated string");
	expect_error("a = 9223372036854775808", "line 1, column 5: integer out of range");
	expect_error("a = -9223372036854775809", "line 1, column 5: integer out of range");
	expect_error("a = 01000000000000000000000", "line 1, column 5: integer out of range");
	expect_error("a = 99999999999999999999999", "line 1, column 5: integer out of range");
	expect_error("a = 0x0", "line 1, column 5: invalid number '0x0'");
	expect_error("a = 08", "line 1, column 5: invalid number '08'");
	expect_error("a = 1.2.3", "line 1, column 5: invalid number '1.2.3'");
	expect_error("a = 12ab", "line 1, column 5: invalid number '12ab'");
	expect_error("s {\n a = 1\n", "line 3, column 1: unexpected end of input: section 's' not closed");
	expect_error("a", "line 1, column 2: unexpected end of input after key 'a'");
	expect_error("a =", "line 1, column 4: unexpected end of input, expected a value");
	expect_error("a = }", "line 1, column 5: expected a value, found '}'");
	expect_error("a b", "line 1, column 3: expected '=' or '{' after key 'a'");
	expect_error("= 1", "line 1, column 1: unexpected '='");
	expect_error("[", "line 1, column 1: unexpected '['");
	expect_error("a = [[1]]", "line 1, column 6: expected a value, found '['");
	expect_error("\t\ta = 1 b", "line 1, column 10: unexpected end of input after key 'b'");
}

static void test_error_buffer_sizes(void **state)
{
	struct pool *p = pool_create("t");
	char err[12];

	(void)state;
	/* NULL/0 error buffers and truncated messages are fine. */
	assert_null(parse_str(p, "}", NULL, 0));
	memset(err, 'X', sizeof(err));
	assert_null(parse_str(p, "}", err, 8));
	assert_string_equal(err, "line 1,");
	assert_int_equal(err[8], 'X');
	pool_destroy(p);
}

static char *nested(int levels)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	for (i = 0; i < levels; i++)
		strbuf_addstr(&sb, "s{");
	strbuf_addstr(&sb, "x=1");
	for (i = 0; i < levels; i++)
		strbuf_addch(&sb, '}');
	return strbuf_detach(&sb, NULL);
}

static void test_depth(void **state)
{
	struct pool *p = pool_create("t");
	char err[256] = "", *text;
	struct cfg_node *root;
	const struct cfg_node *n;
	int depth = 0;

	(void)state;
	text = nested(CFG_MAX_DEPTH);
	root = parse_str(p, text, err, sizeof(err));
	if (!root)
		fail_msg("%s", err);
	for (n = root->child; n && !n->value; n = n->child)
		depth++;
	assert_int_equal(depth, CFG_MAX_DEPTH);
	check_round_trip(root);
	free(text);

	text = nested(CFG_MAX_DEPTH + 1);
	assert_null(parse_str(p, text, err, sizeof(err)));
	assert_string_equal(err, "line 1, column 130: nesting deeper than 64 levels");
	free(text);

	text = nested(100);
	assert_null(parse_str(p, text, err, sizeof(err)));
	assert_string_equal(err, "line 1, column 130: nesting deeper than 64 levels");
	free(text);
	pool_destroy(p);
}

static void test_huge_tokens(void **state)
{
	struct pool *p = pool_create("t");
	size_t n = 20u * 1024 * 1024;
	char err[256] = "", *text = xmalloc(n + 16);

	(void)state;
	/* Key. */
	memset(text, 'k', n);
	memcpy(text + n, " = 1", 4);
	assert_null(cfg_parse(p, text, n + 4, err, sizeof(err)));
	assert_string_equal(err, "line 1, column 1: token longer than 16 MiB");
	/* Quoted string. */
	memcpy(text, "a = \"", 5);
	text[n] = '"';
	assert_null(cfg_parse(p, text, n + 1, err, sizeof(err)));
	assert_string_equal(err, "line 1, column 5: token longer than 16 MiB");
	/* Bare word and a long digit run. */
	memset(text + 4, '7', n - 4);
	assert_null(cfg_parse(p, text, n, err, sizeof(err)));
	assert_string_equal(err, "line 1, column 5: token longer than 16 MiB");
	/* Just below the limit is accepted. */
	memset(text + 5, 'v', CFG_MAX_TOKEN);
	text[4] = '"';
	text[5 + CFG_MAX_TOKEN] = '"';
	assert_non_null(cfg_parse(p, text, 6 + CFG_MAX_TOKEN, err, sizeof(err)));
	free(text);
	pool_destroy(p);
}

/* ---- construction, writing, merging ---- */

static void test_write_format(void **state)
{
	struct pool *p = pool_create("t");
	struct strbuf sb = STRBUF_INIT;
	struct cfg_node *root, *dev, *inner;
	struct cfg_value *list;

	(void)state;
	root = cfg_new_section(p, NULL, NULL);
	dev = cfg_new_section(p, root, "devices");
	list = cfg_str(p, "a|^/dev/loop0$|");
	list->next = cfg_str(p, "r|.*|");
	list->list = list->next->list = 1;
	cfg_new_value(p, dev, "filter", list);
	cfg_new_value(p, dev, "scan_lvs", cfg_int(p, -3));
	cfg_new_value(p, dev, "empty", NULL);
	inner = cfg_new_section(p, dev, "in ner");
	cfg_new_value(p, inner, "q", cfg_str(p, "say \"hi\" \\o/"));
	cfg_new_section(p, root, "void");
	list = cfg_int(p, 5);
	list->list = 1;
	cfg_new_value(p, root, "one", list);
	cfg_new_value(p, root, "'tick", cfg_int(p, 0));
	cfg_new_value(p, root, "", cfg_int(p, 1));

	cfg_write(root, 0, &sb);
	assert_string_equal(sb.buf,
		"devices {\n"
		"\tfilter = [\"a|^/dev/loop0$|\", \"r|.*|\"]\n"
		"\tscan_lvs = -3\n"
		"\tempty = []\n"
		"\t\"in ner\" {\n"
		"\t\tq = \"say \\\"hi\\\" \\\\o/\"\n"
		"\t}\n"
		"}\n"
		"void {\n"
		"}\n"
		"one = [5]\n"
		"\"'tick\" = 0\n"
		"\"\" = 1\n");
	check_round_trip(root);

	strbuf_reset(&sb);
	cfg_write(dev, 2, &sb);
	assert_memory_equal(sb.buf, "\t\tfilter = [", 12);
	strbuf_reset(&sb);
	cfg_write_value(cfg_str(p, "x"), &sb);
	assert_string_equal(sb.buf, "\"x\"");
	strbuf_release(&sb);
	pool_destroy(p);
}

static void check_float(struct pool *p, double f, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	struct cfg_value v = { .type = CFG_FLOAT, .v.f = f };
	struct cfg_node *root;
	char err[256] = "";

	cfg_write_value(&v, &sb);
	if (want)
		assert_string_equal(sb.buf, want);
	{
		struct strbuf text = STRBUF_INIT;

		strbuf_addf(&text, "f = %s", sb.buf);
		root = parse_str(p, text.buf, err, sizeof(err));
		if (!root)
			fail_msg("%s: %s", text.buf, err);
		assert_int_equal(root->child->value->type, CFG_FLOAT);
		assert_true(root->child->value->v.f == f);
		strbuf_release(&text);
	}
	strbuf_release(&sb);
}

static void test_floats(void **state)
{
	struct pool *p = pool_create("t");
	char err[256] = "";

	(void)state;
	check_float(p, 0.5, "0.5");
	check_float(p, -1.25, "-1.25");
	check_float(p, 1.0, "1.0");
	check_float(p, 0.1, "0.1");
	check_float(p, 1.5e-7, "0.00000015");
	check_float(p, 1e20, "100000000000000000000.0");
	check_float(p, 123456.789, "123456.789");
	check_float(p, 1.0 / 3.0, NULL);
	check_float(p, 2.2250738585072014e-308, NULL);
	check_float(p, 1.7976931348623157e308, NULL);
	assert_null(parse_str(p, "f = 1000000000000000000000000000000000000000000000000000000000000"
			      "00000000000000000000000000000000000000000000000000000000000000000"
			      "00000000000000000000000000000000000000000000000000000000000000000"
			      "00000000000000000000000000000000000000000000000000000000000000000"
			      "00000000000000000000000000000000000000000000000000000000000000000.5",
			      err, sizeof(err)));
	assert_string_equal(err, "line 1, column 5: float out of range");
	pool_destroy(p);
}

static void test_merge(void **state)
{
	struct pool *p = pool_create("t"), *q = pool_create("overlay");
	char err[256] = "";
	struct cfg_node *base, *over;
	const struct cfg_value *v;
	const char *s;
	int64_t i;

	(void)state;
	base = parse_str(p,
		"devices { filter = [\"a|.*|\"] scan = [\"/dev\"] sub { k = 1 } }\n"
		"global { units = \"h\" } sect { a = 1 } val = 2\n", err, sizeof(err));
	over = parse_str(q,
		"devices { filter = [\"a|^/dev/loop0$|\", \"r|.*|\"] sub { j = 2 } new { n = 3 } }\n"
		"backup { backup = 0 } sect = 5 val { now = \"section\" } global { units = \"b\" }\n",
		err, sizeof(err));
	assert_non_null(base);
	assert_non_null(over);
	cfg_merge(p, base, over);
	pool_destroy(q);	/* merged nodes must not point into the overlay */

	v = cfg_find(base, "devices/filter")->value;
	assert_string_equal(v->v.str, "a|^/dev/loop0$|");
	assert_string_equal(v->next->v.str, "r|.*|");
	assert_string_equal(cfg_find(base, "devices/scan")->value->v.str, "/dev");
	assert_int_equal(cfg_get_int(base, "devices/sub/k", &i), 0);
	assert_int_equal(cfg_get_int(base, "devices/sub/j", &i), 0);
	assert_int_equal(i, 2);
	assert_int_equal(cfg_get_int(base, "devices/new/n", &i), 0);
	assert_int_equal(i, 3);
	assert_int_equal(cfg_get_int(base, "backup/backup", &i), 0);
	assert_int_equal(i, 0);
	assert_int_equal(cfg_get_int(base, "sect", &i), 0);
	assert_int_equal(i, 5);
	assert_null(cfg_find(base, "sect/a"));
	assert_int_equal(cfg_get_str(base, "val/now", &s), 0);
	assert_string_equal(s, "section");
	assert_int_equal(cfg_get_str(base, "global/units", &s), 0);
	assert_string_equal(s, "b");
	/* Only one "global" and "devices": merged in place, not appended. */
	assert_ptr_equal(base->child->next->next->next->next, cfg_find(base, "backup"));
	assert_null(cfg_find(base, "backup")->next);
	check_round_trip(base);
	cfg_merge(p, base, NULL);
	pool_destroy(p);
}

static void test_append_hint(void **state)
{
	struct pool *p = pool_create("t");
	struct cfg_node *root = cfg_new_section(p, NULL, "r"), *a, *b, *c;
	char err[256] = "";
	struct cfg_node *parsed;

	(void)state;
	a = cfg_new_value(p, root, "a", cfg_int(p, 1));
	b = cfg_new_value(p, root, "b", cfg_int(p, 2));
	assert_ptr_equal(root->child, a);
	assert_ptr_equal(a->next, b);
	assert_ptr_equal(root->last_child, b);
	/* A stale hint (set to NULL by hand-editing code) still appends at the end. */
	root->last_child = NULL;
	c = cfg_new_value(p, root, "c", cfg_int(p, 3));
	assert_ptr_equal(b->next, c);
	/* The parser leaves valid hints behind. */
	parsed = parse_str(p, "s { x = 1 y = 2 } z = 3", err, sizeof(err));
	assert_ptr_equal(parsed->last_child, cfg_find(parsed, "z"));
	assert_ptr_equal(cfg_find(parsed, "s")->last_child, cfg_find(parsed, "s/y"));
	cfg_new_value(p, (struct cfg_node *)cfg_find(parsed, "s"), "w", cfg_int(p, 4));
	assert_ptr_equal(cfg_find(parsed, "s/y")->next, cfg_find(parsed, "s/w"));
	pool_destroy(p);
}

/* A 10,000-LV VG in on-disk layout: linear time and sane speed. */
static void test_big_metadata(void **state)
{
	struct pool *p = pool_create("big");
	struct strbuf sb = STRBUF_INIT;
	struct cfg_node *root;
	const struct cfg_node *lvs, *n;
	char err[256] = "";
	clock_t t0;
	double secs;
	int i, count = 0;

	(void)state;
	strbuf_addstr(&sb, "vg {\nid = \"x\"\nseqno = 1\nlogical_volumes {\n");
	for (i = 0; i < 10000; i++)
		strbuf_addf(&sb,
			"\nlv%d {\nid = \"aaaaaa-bbbb-cccc-dddd-eeee-ffff-%06d\"\n"
			"status = [\"READ\", \"WRITE\", \"VISIBLE\"]\nflags = []\n"
			"creation_time = 1795516839\ncreation_host = \"vm\"\nsegment_count = 1\n\n"
			"segment1 {\nstart_extent = 0\nextent_count = 1\n\ntype = \"striped\"\n"
			"stripe_count = 1\n\nstripes = [\n\"pv0\", %d\n]\n}\n}\n", i, i, i);
	strbuf_addstr(&sb, "}\n}\n");
	t0 = clock();
	root = cfg_parse(p, sb.buf, sb.len, err, sizeof(err));
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	if (!root)
		fail_msg("%s", err);
	lvs = cfg_find(root, "vg/logical_volumes");
	for (n = lvs->child; n; n = n->next)
		count++;
	assert_int_equal(count, 10000);
	n = cfg_find(root, "vg/logical_volumes/lv9999/segment1/stripes");
	assert_int_equal(n->value->next->v.i, 9999);
	print_message("parsed %.1f MB in %.3f s (%.0f MB/s)\n", sb.len / 1e6, secs,
		      secs > 0 ? sb.len / 1e6 / secs : 0.0);
	strbuf_release(&sb);
	pool_destroy(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixtures_parse),
		cmocka_unit_test(test_fixture_values),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_in_place_tokens),
		cmocka_unit_test(test_keys_and_sections),
		cmocka_unit_test(test_duplicates_last_wins),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_comments_and_nul),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_error_buffer_sizes),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_huge_tokens),
		cmocka_unit_test(test_write_format),
		cmocka_unit_test(test_floats),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_append_hint),
		cmocka_unit_test(test_big_metadata),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
