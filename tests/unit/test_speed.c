/*
 * The speed-ups of the benchmark work must not change results: the
 * slicing-by-8 CRC against a bit-by-bit CRC at every alignment and length
 * around the 8-byte blocks; pool carving of unaligned, non-zeroed strings
 * mixed with aligned, zeroed objects; the inline strbuf fast paths across
 * reallocations; the integer fast path of the size comments in exported
 * metadata.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "format/ondisk.h"
#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

static uint32_t crc_bitwise(uint32_t crc, const unsigned char *p, size_t len)
{
	while (len--) {
		crc ^= *p++;
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ ((crc & 1) ? 0xEDB88320u : 0);
	}
	return crc;
}

static void test_crc_every_alignment_and_length(void **state)
{
	unsigned char buf[300];
	uint32_t x = 12345;

	(void)state;
	for (size_t i = 0; i < sizeof(buf); i++) {
		x = x * 1103515245u + 12345u;
		buf[i] = (unsigned char)(x >> 16);
	}
	for (size_t off = 0; off < 8; off++)
		for (size_t len = 0; len + off <= sizeof(buf); len += (len < 40 ? 1 : 37))
			assert_int_equal(lvm_crc(LVM_CRC_SEED, buf + off, len),
					 crc_bitwise(LVM_CRC_SEED, buf + off, len));
	/* All-ones input exercises every table's top entries. */
	memset(buf, 0xff, sizeof(buf));
	assert_int_equal(lvm_crc(0xffffffffu, buf, sizeof(buf)),
			 crc_bitwise(0xffffffffu, buf, sizeof(buf)));
}

static void test_pool_strings_and_objects(void **state)
{
	struct pool *p = pool_create("speed");
	char *strs[5000];
	uint64_t *objs[5000];
	char want[32];

	(void)state;
	for (int i = 0; i < 5000; i++) {
		snprintf(want, sizeof(want), "s%d", i);
		strs[i] = pool_strndup(p, want, strlen(want));
		objs[i] = pool_alloc(p, 24);
		assert_true(((uintptr_t)objs[i] & 15) == 0);
		assert_true(objs[i][0] == 0 && objs[i][1] == 0 && objs[i][2] == 0);
		objs[i][0] = objs[i][1] = objs[i][2] = (uint64_t)i;
	}
	for (int i = 0; i < 5000; i++) {
		snprintf(want, sizeof(want), "s%d", i);
		assert_string_equal(strs[i], want);
		assert_true(objs[i][2] == (uint64_t)i);
	}
	/* A memdup'ed object keeps the alignment of a struct. */
	assert_true(((uintptr_t)pool_memdup(p, "abc", 3) & 15) == 0);
	/* A large block gets its own chunk and is still zeroed. */
	unsigned char *big = pool_alloc(p, 1 << 20);
	for (size_t i = 0; i < (1u << 20); i += 4096)
		assert_int_equal(big[i], 0);
	assert_string_equal(pool_printf(p, "%d-%s", 7, "x"), "7-x");
	pool_destroy(p);
}

static void test_strbuf_fast_paths(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_string_equal(sb.buf, "");
	for (int i = 0; i < 10000; i++) {
		strbuf_addch(&sb, 'a' + i % 26);
		strbuf_add(&sb, "xy", 2);
	}
	assert_int_equal(sb.len, 30000);
	assert_int_equal(sb.buf[sb.len], '\0');
	assert_memory_equal(sb.buf, "axybxy", 6);
	assert_int_equal(sb.buf[29997], 'a' + 9999 % 26);
	strbuf_release(&sb);
	strbuf_add(&sb, "", 0);
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
}

/* Size comments: whole numbers via the fast path, fractions via %g. */
static void test_export_size_comments(void **state)
{
	static const char text[] =
		"vg {\nid = \"aaaaaa-aaaa-aaaa-aaaa-aaaa-aaaa-aaaaaa\"\nseqno = 1\n"
		"format = \"lvm2\"\nstatus = [\"RESIZEABLE\", \"READ\", \"WRITE\"]\nflags = []\n"
		"extent_size = 8192\nmax_lv = 0\nmax_pv = 0\nmetadata_copies = 0\n"
		"physical_volumes {\npv0 {\nid = \"bbbbbb-bbbb-bbbb-bbbb-bbbb-bbbb-bbbbbb\"\n"
		"device = \"/dev/x\"\nstatus = [\"ALLOCATABLE\"]\nflags = []\n"
		"dev_size = 3000000\npe_start = 2048\npe_count = 300\n}\n}\n}\n"
		"contents = \"Text Format Volume Group\"\nversion = 1\n";
	struct text_context ctx = { "t", "host", "uname", 0, "openlvm" };
	struct volume_group *vg = vg_import_text(text, sizeof(text) - 1, "test");
	struct strbuf out = STRBUF_INIT;

	(void)state;
	assert_non_null(vg);
	vg_export_text(vg, TEXT_BACKUP, &ctx, &out);
	assert_non_null(strstr(out.buf, "extent_size = 8192\t\t# 4 Megabytes\n"));
	assert_non_null(strstr(out.buf, "dev_size = 3000000\t# 1.43051 Gigabytes\n"));
	assert_non_null(strstr(out.buf, "pe_count = 300\t# 1.17188 Gigabytes\n"));
	strbuf_release(&out);
	vg_free(vg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crc_every_alignment_and_length),
		cmocka_unit_test(test_pool_strings_and_objects),
		cmocka_unit_test(test_strbuf_fast_paths),
		cmocka_unit_test(test_export_size_comments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
