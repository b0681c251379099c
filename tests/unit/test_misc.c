/* Unit tests for lib/misc: pool, strbuf, hash, uuid, size parsing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "misc/hash.h"
#include "misc/list.h"
#include "misc/pool.h"
#include "misc/strbuf.h"
#include "misc/units.h"
#include "misc/uuid.h"

static void test_pool(void **state)
{
	struct pool *p = pool_create("t");
	char *a = pool_strdup(p, "hello"), *big = pool_alloc(p, 1 << 20);
	char *s = pool_printf(p, "%s-%d", a, 42);
	size_t i;

	(void)state;
	assert_string_equal(a, "hello");
	assert_string_equal(s, "hello-42");
	for (i = 0; i < (1 << 20); i++)
		assert_int_equal(big[i], 0);
	assert_int_equal(((uintptr_t)pool_alloc(p, 3)) % 16, 0);
	pool_destroy(p);
}

/* Memory from 2 MiB on is mapped by hand: still zero, aligned, freeable. */
static void all_zero(const unsigned char *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (m[i])
			fail_msg("byte %zu of %zu is %u", i, n, m[i]);
}

static void test_big_memory(void **state)
{
	static const size_t sizes[] = { 100, (2 << 20) - 1, 2 << 20, (5 << 20) + 3 };
	struct pool *p = pool_create("t");
	size_t i, total = 0;

	(void)state;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		unsigned char *m = xcalloc_big(sizes[i]);

		all_zero(m, sizes[i]);
		if (sizes[i] >= (2 << 20))
			assert_int_equal((uintptr_t)m % (2 << 20), 0);
		memset(m, 0xab, sizes[i]);
		free_big(m, sizes[i]);
	}
	/* Chunks grow past 2 MiB; every carved block is zero and 16-aligned. */
	while (total < (40u << 20)) {
		size_t n = 1000 + total % 5000;
		unsigned char *m = pool_alloc(p, n);

		assert_int_equal((uintptr_t)m % 16, 0);
		all_zero(m, n);
		memset(m, 0xcd, n);
		total += n;
	}
	all_zero(pool_alloc(p, 9 << 20), 9 << 20);
	pool_destroy(p);
}

/* Resident bytes of this process; 0 where /proc is not there. */
static size_t resident_bytes(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	unsigned long size, resident = 0;

	if (!f)
		return 0;
	if (fscanf(f, "%lu %lu", &size, &resident) != 2)
		resident = 0;
	fclose(f);
	return resident * (size_t)sysconf(_SC_PAGESIZE);
}

/*
 * A scanned metadata text (14 MB at 50,000 LVs) is freed before the report
 * is built.  Freed as heap memory under live blocks it stayed resident
 * while the report mapped fresh chunks: lvs peaked 14 MB higher.
 */
static void test_big_blocks_given_back(void **state)
{
	size_t size = 12 << 20, before, after;
	unsigned char *text, *small;

	(void)state;
	/* glibc then serves blocks up to 16 MiB from the heap, as in lvs */
	free(xmalloc(16 << 20));
	text = xmalloc_big(size);
	small = xmalloc(256 << 10);	/* above it: the heap cannot shrink */
	memset(text, 'x', size);
	memset(small, 'y', 256 << 10);
	before = resident_bytes();
	free_big(text, size);
	after = resident_bytes();
	free(small);
	if (!before)
		skip();
	assert_true(before >= after + (size_t)(10 << 20));
	text = xmalloc_big(100);	/* small: heap memory, freed the same way */
	free_big(text, 100);
}

static void test_strbuf(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char *d;
	size_t len;

	(void)state;
	assert_string_equal(sb.buf, "");
	strbuf_addstr(&sb, "a");
	strbuf_addf(&sb, "%05d", 7);
	strbuf_addch(&sb, '!');
	strbuf_addquoted(&sb, "q\"b\\s");
	assert_string_equal(sb.buf, "a00007!\"q\\\"b\\\\s\"");
	strbuf_addchars(&sb, 'x', 1000);
	assert_int_equal(sb.len, 16 + 1000);
	d = strbuf_detach(&sb, &len);
	assert_int_equal(len, 1016);
	assert_string_equal(sb.buf, "");
	free(d);
	strbuf_release(&sb);
}

static void test_hash(void **state)
{
	struct hash *h = hash_create(4);
	struct pool *p = pool_create("t");
	char *keys[20000];
	int i;

	(void)state;
	for (i = 0; i < 20000; i++) {
		keys[i] = pool_printf(p, "lv%d", i);
		hash_insert(h, keys[i], keys[i]);
	}
	assert_int_equal(hash_count(h), 20000);
	for (i = 0; i < 20000; i += 2)
		assert_ptr_equal(hash_remove(h, keys[i]), keys[i]);
	for (i = 0; i < 20000; i++)
		assert_ptr_equal(hash_lookup(h, keys[i]), i % 2 ? keys[i] : NULL);
	assert_null(hash_remove(h, "nope"));
	assert_int_equal(hash_count(h), 10000);
	hash_destroy(h);
	pool_destroy(p);
}

static void test_uuid(void **state)
{
	struct lvm_id a, b;
	char dashed[ID_DASHED_LEN + 1];

	(void)state;
	assert_int_equal(id_create(&a), 0);
	assert_int_equal(strlen(a.uuid), 32);
	id_format(&a, dashed);
	assert_int_equal(strlen(dashed), 38);
	assert_int_equal(dashed[6], '-');
	assert_int_equal(id_parse(&b, dashed), 0);
	assert_true(id_equal(&a, &b));
	assert_int_equal(id_parse(&b, "Hh00001111-2222-3333-4444-5555-6666!#"), 0);
	assert_int_equal(id_parse(&b, "short"), -1);
	assert_int_equal(id_parse(&b, "ORTc80-QcnS-JoeX-FG1q-Jovb-JN1u-ckIFvW@"), -1);
	assert_int_equal(id_parse(&b, "ORTc80-QcnS-JoeX-FG1q-Jovb-JN1u-ckIFvWx"), -1);
}

/* --units with a count, as LVM2 reads it (observed with lvs --units). */
static void test_units_count(void **state)
{
	static const struct {
		const char *arg;
		int ok;
		char letter;
		uint64_t bytes;
		int as_u;
	} cases[] = {
		{ "m", 1, 'm', 0, 0 },		{ "3k", 1, 'k', 3072, 1 },
		{ "2.5m", 1, 'm', 2621440, 1 },	{ "2.5M", 1, 'M', 2500000, 1 },
		{ "1.5k", 1, 'k', 1536, 0 },	{ "1e1m", 1, 'm', 10485760, 0 },
		{ "10e0m", 1, 'm', 10485760, 1 }, { "1m", 1, 'm', 0, 0 },
		{ "01m", 1, 'm', 0, 0 },	{ "1.0m", 1, 'm', 0, 0 },
		{ "1.9b", 1, 'b', 0, 0 },	{ "3.5b", 1, 'b', 3, 1 },
		{ "0.001k", 1, 'k', 1, 1 },	{ "2.5S", 1, 'S', 1280, 1 },
		{ "2h", 1, 'h', 0, 0 },		{ "1.5r", 1, 'r', 0, 0 },
		{ "0.5b", 0, 0, 0, 0 },		{ "0m", 0, 0, 0, 0 },
		{ ".5m", 0, 0, 0, 0 },		{ "+2m", 0, 0, 0, 0 },
		{ "1.5", 0, 0, 0, 0 },		{ "2.5mm", 0, 0, 0, 0 },
		{ "1..5m", 0, 0, 0, 0 },	{ "1e999m", 0, 0, 0, 0 },
	};
	char out[48];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *letter;
		uint64_t bytes;
		int as_u, r = units_count(cases[i].arg, &letter, &bytes, &as_u);

		if (!cases[i].ok) {
			if (r != -1)
				fail_msg("%s accepted", cases[i].arg);
			continue;
		}
		if (r || *letter != cases[i].letter || bytes != cases[i].bytes ||
		    as_u != cases[i].as_u)
			fail_msg("%s: r %d letter %c bytes %llu as_u %d", cases[i].arg, r, *letter,
				 (unsigned long long)bytes, as_u);
	}
	format_size_count(8 << 20, 2621440, 'm', 1, 1, out, sizeof(out));
	assert_string_equal(out, "3.20U");
	format_size_count(8 << 20, 768, 's', 0, 1, out, sizeof(out));
	assert_string_equal(out, "10923S");
	format_size_count(8 << 20, 1536, 'k', 0, 0, out, sizeof(out));
	assert_string_equal(out, "5461.33");
}

static void test_parse_size(void **state)
{
	uint64_t b;
	enum size_sign s;

	(void)state;
	assert_int_equal(parse_size_bytes("10G", 'm', 0, &b, NULL), 0);
	assert_int_equal(b, 10ULL << 30);
	assert_int_equal(parse_size_bytes("8", 'm', 0, &b, NULL), 0);
	assert_int_equal(b, 8ULL << 20);
	assert_int_equal(parse_size_bytes("1.5g", 'm', 0, &b, NULL), 0);
	assert_int_equal(b, 3ULL << 29);
	assert_int_equal(parse_size_bytes("7s", 'm', 0, &b, NULL), 0);
	assert_int_equal(b, 3584);
	assert_int_equal(parse_size_bytes("+4M", 'm', 1, &b, &s), 0);
	assert_int_equal(s, SIGN_PLUS);
	assert_int_equal(parse_size_bytes("-4M", 'm', 1, &b, &s), 0);
	assert_int_equal(s, SIGN_MINUS);
	assert_int_equal(parse_size_bytes("-5", 'm', 0, &b, NULL), -1);
	assert_int_equal(parse_size_bytes("12x", 'm', 0, &b, NULL), -1);
	assert_int_equal(parse_size_bytes("", 'm', 0, &b, NULL), -1);
	assert_int_equal(parse_size_bytes("1mm", 'm', 0, &b, NULL), -1);
	assert_int_equal(parse_size_bytes("99999999999999999999", 'b', 0, &b, NULL), -1);
	assert_int_equal(parse_size_bytes("16e", 'm', 0, &b, NULL), -1);
	assert_int_equal(parse_uint32("4294967296", &(uint32_t){0}), -1);
	assert_int_equal(parse_uint64("-1", &b), -1);
}

static void test_strv(void **state)
{
	struct pool *p = pool_create("t");
	struct strv sv = { 0 };
	int i;

	(void)state;
	for (i = 0; i < 10; i++)
		strv_add(p, &sv, pool_printf(p, "t%d", i));
	assert_true(strv_contains(&sv, "t9"));
	assert_int_equal(strv_remove(&sv, "t0"), 1);
	assert_int_equal(strv_remove(&sv, "t0"), 0);
	assert_string_equal(sv.v[0], "t1");
	assert_int_equal(sv.n, 9);
	pool_destroy(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pool),
		cmocka_unit_test(test_big_memory),
		cmocka_unit_test(test_big_blocks_given_back),
		cmocka_unit_test(test_strbuf),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_uuid),
		cmocka_unit_test(test_parse_size),
		cmocka_unit_test(test_units_count),
		cmocka_unit_test(test_strv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
