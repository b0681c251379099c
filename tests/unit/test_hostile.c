/*
 * Hostile input: metadata texts and binary headers with absurd values must
 * be rejected with an error naming the VG (or the header) and the field,
 * never crash, never hang.  The texts are mutations of an LVM2-written
 * fixture, so each case differs from valid metadata in one place.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "format/label.h"
#include "format/mda.h"
#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/pool.h"
#include "misc/log.h"
#include "misc/strbuf.h"
#include "report/report.h"
#include "report/select.h"

#define FIXTURE FIXTURES_DIR "/a-linear/a-mda0-text.txt"

/* ---- helpers ---- */

static char *base_text(void)
{
	static const size_t max = 64 * 1024;
	FILE *f = fopen(FIXTURE, "rb");
	char *buf = xmalloc(max);
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, max - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/*
 * base with the first `old` found after `after` (NULL: the start) replaced
 * by `new`; the caller frees.
 */
static char *mutate(const char *after, const char *old, const char *new)
{
	char *base = base_text();
	const char *from = after ? strstr(base, after) : base;
	const char *at;
	struct strbuf sb = STRBUF_INIT;

	assert_non_null(from);
	at = strstr(from, old);
	if (!at)
		fail_msg("\"%s\" not in the fixture", old);
	strbuf_add(&sb, base, (size_t)(at - base));
	strbuf_addstr(&sb, new);
	strbuf_addstr(&sb, at + strlen(old));
	free(base);
	return strbuf_detach(&sb, NULL);
}

/*
 * Imports text with stderr captured into msg (caller frees).  Returns the
 * VG (or NULL) so the caller can assert rejection.
 */
static struct volume_group *import_capture(const char *text, size_t len, char **msg)
{
	FILE *tmp = tmpfile();
	int saved = dup(2);
	struct volume_group *vg;
	long n;

	assert_non_null(tmp);
	assert_true(saved >= 0);
	fflush(stderr);
	assert_true(dup2(fileno(tmp), 2) >= 0);
	vg = vg_import_text(text, len, "hostile");
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	n = ftell(tmp);
	assert_true(n >= 0);
	*msg = xmalloc((size_t)n + 1);
	rewind(tmp);
	(*msg)[fread(*msg, 1, (size_t)n, tmp)] = '\0';
	fclose(tmp);
	return vg;
}

/* The text must be refused with a message holding every string in want. */
static void expect_reject_len(int line, const char *text, size_t len, const char *const *want)
{
	char *msg;
	struct volume_group *vg = import_capture(text, len, &msg);

	if (vg) {
		vg_free(vg);
		fail_msg("line %d: hostile text was imported", line);
	}
	if (!*msg)
		fail_msg("line %d: rejected without a message", line);
	for (; *want; want++)
		if (!strstr(msg, *want))
			fail_msg("line %d: message lacks \"%s\": %s", line, *want, msg);
	free(msg);
}

#define REJECT(text, ...) \
	expect_reject_len(__LINE__, (text), strlen(text), (const char *const[]){ __VA_ARGS__, NULL })

/* One mutation of the fixture, rejected naming VG fsa and the given words. */
#define MUTANT(after, old, new, ...) do { \
	char *t_ = mutate((after), (old), (new)); \
	REJECT(t_, "fsa", __VA_ARGS__); \
	free(t_); \
} while (0)

static void test_base_imports(void **state)
{
	char *t = base_text();
	struct volume_group *vg = vg_import_text(t, strlen(t), "base");

	(void)state;
	assert_non_null(vg);
	vg_free(vg);
	free(t);
}

/* ---- metadata text: absurd values ---- */

static void test_extents_beyond_device(void **state)
{
	(void)state;
	/* 1000000 extents of 4 MiB do not fit in a 32 MiB device */
	MUTANT(NULL, "pe_count = 7", "pe_count = 1000000", "pe_count");
	MUTANT(NULL, "\"pv0\", 5", "\"pv0\", 4000000000", "lv4", "pe_count");
	MUTANT("lv2 {", "extent_count = 1", "extent_count = 100", "lv2");
	MUTANT(NULL, "dev_size = 65536", "dev_size = 16", "pe_count");
}

static void test_overlapping_segments(void **state)
{
	(void)state;
	MUTANT(NULL, "\"pv0\", 2", "\"pv0\", 0", "lv2", "extent");
	/* segment2 of lv1 starting inside segment1 */
	MUTANT("segment2 {", "start_extent = 2", "start_extent = 1", "lv1");
}

static void test_unknown_pv(void **state)
{
	(void)state;
	MUTANT(NULL, "\"pv0\", 2", "\"pv9\", 2", "lv2", "pv9");
	MUTANT(NULL, "\"pv0\", 2", "\"\", 2", "lv2");
	MUTANT(NULL, "\"pv0\", 2", "2, 2", "lv2", "stripes");
}

static void test_integer_limits(void **state)
{
	(void)state;
	MUTANT("lv2 {", "extent_count = 1", "extent_count = 9223372036854775807",
	       "lv2", "extent_count");
	MUTANT("lv2 {", "extent_count = 1", "extent_count = 4294967296", "lv2", "extent_count");
	MUTANT("lv2 {", "extent_count = 1", "extent_count = 4294967295", "lv2");
	MUTANT("lv2 {", "extent_count = 1", "extent_count = -1", "lv2", "extent_count");
	MUTANT("lv2 {", "start_extent = 0", "start_extent = 4294967295", "lv2");
	MUTANT("lv2 {", "stripe_count = 1", "stripe_count = 4294967296", "lv2", "stripe_count");
	MUTANT("lv2 {", "stripe_count = 1", "stripe_count = 0", "lv2", "stripe_count");
	MUTANT("lv2 {", "stripe_count = 1", "stripe_count = 100000", "lv2", "stripe");
	MUTANT("lv2 {", "segment_count = 1", "segment_count = -2147483648", "lv2",
	       "segment_count");
	MUTANT("lv2 {", "segment_count = 1", "segment_count = 2147483648", "lv2");
	MUTANT(NULL, "pe_count = 7", "pe_count = -7", "pe_count");
	MUTANT(NULL, "pe_count = 7", "pe_count = 4294967296", "pe_count");
	MUTANT(NULL, "seqno = 6", "seqno = -1", "seqno");
	MUTANT(NULL, "seqno = 6", "seqno = 4294967296", "seqno");
	MUTANT(NULL, "max_lv = 0", "max_lv = -1", "max_lv");
	MUTANT(NULL, "extent_size = 8192", "extent_size = 0", "extent_size");
	MUTANT(NULL, "extent_size = 8192", "extent_size = -8192", "extent_size");
	MUTANT(NULL, "extent_size = 8192", "extent_size = 9223372036854775807", "extent_size");
	MUTANT(NULL, "extent_size = 8192", "extent_size = 4294967296", "extent_size");
	MUTANT(NULL, "pe_start = 2048", "pe_start = 9223372036854775807", "pe_start");
	MUTANT(NULL, "pe_start = 2048", "pe_start = -2048", "pe_start");
	MUTANT(NULL, "dev_size = 65536", "dev_size = -1", "dev_size");
}

/* Integers the parser cannot hold at all: a parse error, not a wrap. */
static void test_integer_overflow(void **state)
{
	(void)state;
	static const char *const huge[] = {
		"9223372036854775808", "99999999999999999999999999", "-9223372036854775809",
	};

	for (size_t i = 0; i < sizeof(huge) / sizeof(huge[0]); i++) {
		char val[64], *t;

		snprintf(val, sizeof(val), "seqno = %s", huge[i]);
		t = mutate(NULL, "seqno = 6", val);
		REJECT(t, "line 3", "out of range");
		free(t);
	}
}

static void test_duplicates(void **state)
{
	(void)state;
	MUTANT(NULL, "\nlv2 {", "\nlv1 {", "lv1");
	/* two LVs with one id */
	MUTANT("lv2 {", "6riXB2-8XZv-e34F-MEOm-Swh0-5Z10-ipm7s3",
	       "Cj0U2O-tUht-O5gd-fLtp-MBqY-iNuc-dPTfVa", "lv");
	/* a second PV with the first one's id */
	MUTANT(NULL, "\n}\n}\n\nlogical_volumes",
	       "\n}\npv1 {\nid = \"26QFCP-qxGW-DA1w-NodT-Uej1-CPnN-b9TqXc\"\n"
	       "device = \"/dev/loop1\"\nstatus = [\"ALLOCATABLE\"]\nflags = []\n"
	       "dev_size = 65536\npe_start = 2048\npe_count = 7\n}\n}\n\nlogical_volumes",
	       "id");
}

static void test_wrong_types(void **state)
{
	(void)state;
	MUTANT(NULL, "seqno = 6", "seqno = \"6\"", "seqno");
	MUTANT(NULL, "extent_size = 8192", "extent_size = [8192]", "extent_size");
	MUTANT("lv2 {", "status = [\"READ\", \"WRITE\", \"VISIBLE\"]", "status = 7", "status");
	MUTANT(NULL, "physical_volumes {", "physical_volumes = 1\nphysical_volumesx {",
	       "physical_volumes");
}

/* ---- sizes: huge inputs must stay bounded in time ---- */

static char *big_string(size_t n)
{
	char *s = xmalloc(n + 1);

	memset(s, 'a', n);
	s[n] = '\0';
	return s;
}

static void test_ten_megabyte_strings(void **state)
{
	static const size_t big = 10u << 20;
	char *s = big_string(big), *val = xmalloc(big + 3), *t;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	snprintf(val, big + 3, "\"%s\"", s);
	/* as an LV name: invalid (too long) */
	strbuf_addf(&sb, "\n%s {", s);
	t = mutate(NULL, "\nlv2 {", sb.buf);
	REJECT(t, "fsa", "LV");
	free(t);
	strbuf_reset(&sb);
	/* as a VG name */
	strbuf_addf(&sb, "%s {", s);
	t = mutate(NULL, "fsa {", sb.buf);
	strbuf_release(&sb);
	REJECT(t, "VG");
	free(t);
	/* as a PV device path and an LV status flag: accepted or refused, fast */
	t = mutate(NULL, "\"/dev/loop0\"", val);
	{
		char *msg;
		struct volume_group *vg = import_capture(t, strlen(t), &msg);

		if (vg)
			vg_free(vg);
		free(msg);
	}
	free(t);
	t = mutate("lv2 {", "\"VISIBLE\"", val);
	REJECT(t, "fsa", "lv2", "status");
	free(t);
	free(val);
	free(s);
}

static void test_deep_nesting(void **state)
{
	static const size_t depth = 100000;
	struct strbuf sb = STRBUF_INIT;
	char *base = base_text();

	(void)state;
	strbuf_addstr(&sb, "fsa {\n");
	for (size_t i = 0; i < depth; i++)
		strbuf_addstr(&sb, "a {\n");
	for (size_t i = 0; i < depth; i++)
		strbuf_addstr(&sb, "}\n");
	strbuf_addstr(&sb, "}\n");
	REJECT(sb.buf, "nesting");
	/* unbalanced: only openings */
	strbuf_reset(&sb);
	for (size_t i = 0; i < depth; i++)
		strbuf_addstr(&sb, "x{");
	REJECT(sb.buf, "line");
	/* nested lists are not LVM2 syntax at all */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "x = ");
	for (size_t i = 0; i < depth; i++)
		strbuf_addstr(&sb, "[");
	REJECT(sb.buf, "line");
	strbuf_release(&sb);
	free(base);
}

/* 1,000,000 LVs of 0 extents: refused (an LV needs a segment), quickly. */
static void test_million_empty_lvs(void **state)
{
	static const unsigned count = 1000000;
	struct strbuf sb = STRBUF_INIT;
	char *base = base_text();
	const char *lvs = strstr(base, "logical_volumes {");
	clock_t t0 = clock();

	(void)state;
	assert_non_null(lvs);
	lvs += strlen("logical_volumes {");
	strbuf_add(&sb, base, (size_t)(lvs - base));
	for (unsigned i = 0; i < count; i++)
		strbuf_addf(&sb, "\nz%u {\nid = \"AAAAAA-AAAA-AAAA-AAAA-AAAA-AAAA-%06u\"\n"
			    "status = [\"READ\"]\nsegment_count = 0\n}", i, i);
	strbuf_addstr(&sb, lvs);
	REJECT(sb.buf, "fsa", "z0", "segment_count");
	strbuf_release(&sb);
	free(base);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 20.0);
}

static void test_garbage(void **state)
{
	static const char nul_in_middle[] = "fsa {\nseqno = 1\0 }\n";

	(void)state;
	REJECT("", "hostile");
	REJECT("}}}}", "line");
	REJECT("fsa", "line");
	REJECT("\"unterminated", "line");
	REJECT("fsa { id = \"x\" }", "fsa");
	expect_reject_len(__LINE__, nul_in_middle, sizeof(nul_in_middle) - 1,
			  (const char *const[]){ "hostile", NULL });
}

/* ---- binary headers ---- */

static void valid_label(unsigned char *buf)
{
	struct pv_label l;

	memset(&l, 0, sizeof(l));
	l.sector = 1;
	memcpy(l.pv_id.uuid, "26QFCPqxGWDA1wNodTUej1CPnNb9TqXc", ID_LEN);
	l.device_size = 32u << 20;
	l.data_area.offset = 1u << 20;
	l.mda_count = 1;
	l.mdas[0].offset = 4096;
	l.mdas[0].size = (1u << 20) - 4096;
	l.ext_version = 2;
	label_encode(&l, buf);
}

static void relabel_crc(unsigned char *buf)
{
	put_le32(buf + 0x10, lvm_crc(LVM_CRC_SEED, buf + LABEL_CRC_START,
				     SECTOR_SIZE - LABEL_CRC_START));
}

static void test_label_hostile_offsets(void **state)
{
	unsigned char buf[SECTOR_SIZE];
	struct pv_label out;
	const char *why;
	static const uint32_t offsets[] = { 0, 31, 512 - 39, 512, 0xffffffe0u, 0xffffffffu };

	(void)state;
	valid_label(buf);
	assert_int_equal(label_decode(buf, 1, &out, &why), 1);
	/* the PV header offset: before the label header, past or wrapping the sector */
	for (size_t i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
		valid_label(buf);
		put_le32(buf + 0x14, offsets[i]);
		relabel_crc(buf);
		assert_int_equal(label_decode(buf, 1, &out, &why), -1);
		assert_non_null(why);
		assert_non_null(strstr(why, "offset"));
	}
	/* the sector field wrapping 2^64 */
	valid_label(buf);
	put_le64(buf + 8, UINT64_MAX);
	relabel_crc(buf);
	assert_int_equal(label_decode(buf, 1, &out, &why), -1);
	assert_non_null(strstr(why, "sector"));
}

/* A locn list with no terminator must not be read past the sector. */
static void test_label_unterminated_lists(void **state)
{
	unsigned char buf[SECTOR_SIZE];
	struct pv_label out;
	const char *why;

	(void)state;
	valid_label(buf);
	for (size_t p = LABEL_HEADER_SIZE + ID_LEN + 8; p + 8 <= SECTOR_SIZE; p += 8)
		put_le64(buf + p, 0xffffffffffffffffull);
	relabel_crc(buf);
	assert_int_equal(label_decode(buf, 1, &out, &why), -1);
	assert_non_null(strstr(why, "end of the sector"));
	/* three mdas */
	valid_label(buf);
	for (size_t p = LABEL_HEADER_SIZE + ID_LEN + 8 + 2 * DISK_LOCN_SIZE, i = 0; i < 3;
	     i++, p += DISK_LOCN_SIZE) {
		put_le64(buf + p, 4096 + i);
		put_le64(buf + p + 8, 1);
	}
	memset(buf + LABEL_HEADER_SIZE + ID_LEN + 8 + 5 * DISK_LOCN_SIZE, 0, 2 * DISK_LOCN_SIZE);
	relabel_crc(buf);
	assert_int_equal(label_decode(buf, 1, &out, &why), -1);
	assert_non_null(strstr(why, "metadata areas"));
}

static void mda_buf(unsigned char *buf, uint64_t start, uint64_t size, uint64_t off,
		    uint64_t len)
{
	struct mda_header h;

	mda_header_init(&h, start, size);
	h.slot[0].offset = off;
	h.slot[0].size = len;
	mda_header_encode(&h, buf);
}

static void expect_mda_bad(uint64_t start, uint64_t size, uint64_t off, uint64_t len,
			   uint64_t expected_size, const char *word)
{
	unsigned char buf[MDA_HEADER_SIZE];
	struct mda_header h;
	const char *why;

	mda_buf(buf, start, size, off, len);
	assert_int_equal(mda_header_decode(buf, start, expected_size, &h, &why), -1);
	assert_non_null(why);
	if (!strstr(why, word))
		fail_msg("start %" PRIu64 " size %" PRIu64 " slot %" PRIu64 "+%" PRIu64
			 ": \"%s\" lacks \"%s\"", start, size, off, len, why, word);
}

static void test_mda_hostile_sizes(void **state)
{
	unsigned char buf[MDA_HEADER_SIZE];
	struct mda_header h;
	const char *why;
	const uint64_t mb = 1u << 20;

	(void)state;
	mda_buf(buf, 4096, mb, 512, 100);
	assert_int_equal(mda_header_decode(buf, 4096, mb, &h, &why), 0);
	/* area size wrapping 2^64 from its start */
	expect_mda_bad(4096, UINT64_MAX - 100, 512, 100, 0, "2^64");
	expect_mda_bad(4096, mb, 512, 100, 2 * mb, "size");
	expect_mda_bad(4096, 100, 0, 0, 0, "small");
	/* the slot: past the area, overlapping the header, wrapping 2^32 / 2^64 */
	expect_mda_bad(4096, mb, mb, 100, 0, "offset");
	expect_mda_bad(4096, mb, 100, 100, 0, "offset");
	expect_mda_bad(4096, mb, 512, mb, 0, "size");
	expect_mda_bad(4096, mb, 512, UINT64_MAX, 0, "size");
	expect_mda_bad(4096, mb, (1ull << 32) + 512, 100, 0, "offset");
	expect_mda_bad(4096, mb, UINT64_MAX, 2, 0, "offset");
	expect_mda_bad(4096, mb, 0, 100, 0, "offset");
	expect_mda_bad(4096, mb, 512, 0, 0, "size");
	/* the start field disagreeing with where the header was found */
	mda_buf(buf, 4096, mb, 512, 100);
	assert_int_equal(mda_header_decode(buf, 8192, mb, &h, &why), -1);
	assert_non_null(strstr(why, "start"));
}

/* A slot that wraps must stay within the area for mda_next_location too. */
static void test_mda_next_location_bounds(void **state)
{
	struct mda_header h;
	uint64_t off;

	(void)state;
	mda_header_init(&h, 4096, 1u << 20);
	h.slot[0].offset = (1u << 20) - 10;
	h.slot[0].size = 1000;
	assert_int_equal(mda_next_location(&h, 1000, &off), 0);
	assert_true(off >= MDA_HEADER_SIZE && off < (1u << 20));
	assert_int_equal(mda_next_location(&h, UINT64_MAX, &off), -1);
	assert_int_equal(mda_next_location(&h, (1u << 20), &off), -1);
}

/*
 * Searching an area for old copies (pvck --dump metadata_search): a long
 * NUL-free run makes every sector a candidate ending at the run's end.
 * Reading each to its end took area size squared (seconds for 8 MiB;
 * when the run wraps, each candidate was also copied: 256 MiB for 1 MiB);
 * the copies must still be found.
 */
#define SEARCH_AREA (8u << 20)
#define WRAP_AREA (1u << 20)

static const char *search_vg_text(struct pool *mem, unsigned seqno, size_t pad)
{
	return pool_printf(mem, "vg {\nid = \"aaaaaa-bbbb-cccc-dddd-eeee-ffff-gggggg\"\n"
			   "seqno = %u\n%*s}\n", seqno, (int)pad, "");
}

static void test_mda_search_long_runs(void **state)
{
	struct pool *mem = pool_create("t");
	unsigned char *area = xmalloc(SEARCH_AREA);
	const char *t1 = search_vg_text(mem, 3, 10), *t2 = search_vg_text(mem, 4, 9000);
	const uint64_t at2 = SEARCH_AREA / 2 + 4096;
	struct mda_text_copy *c;
	size_t n;

	(void)state;
	memset(area, 0, MDA_HEADER_SIZE);
	memset(area + MDA_HEADER_SIZE, 'a', SEARCH_AREA - MDA_HEADER_SIZE);
	area[SEARCH_AREA - 1] = '\0';
	/* t1 first; the run from the next sector ends at t2's NUL, t2 is longer than a window */
	memcpy(area + MDA_HEADER_SIZE, t1, strlen(t1) + 1);
	area[at2 - 1] = '\0';	/* or the run and t2 read as one VG "aaa...avg" */
	memcpy(area + at2, t2, strlen(t2) + 1);
	n = mda_find_copies_buf(area, SEARCH_AREA, mem, &c);
	assert_int_equal(n, 2);
	assert_int_equal(c[0].offset, MDA_HEADER_SIZE);
	assert_int_equal(c[0].seqno, 3);
	assert_int_equal(c[1].offset, at2);
	assert_int_equal(c[1].size, strlen(t2) + 1);
	assert_int_equal(c[1].seqno, 4);
	assert_int_equal(c[1].checksum, lvm_crc(LVM_CRC_SEED, t2, strlen(t2) + 1));
	free(area);
	pool_destroy(mem);
}

/* Every candidate wraps to a NUL just after the header: none may be copied whole. */
static void test_mda_search_wrapping_run(void **state)
{
	struct pool *mem = pool_create("t");
	unsigned char *area = xmalloc(WRAP_AREA);
	const char *t = search_vg_text(mem, 8, 2000);
	const uint64_t at = WRAP_AREA - 1024;
	size_t first = WRAP_AREA - at, len = strlen(t) + 1;
	struct mda_text_copy *c;
	size_t n;

	(void)state;
	memset(area, 0, MDA_HEADER_SIZE);
	memset(area + MDA_HEADER_SIZE, 'a', WRAP_AREA - MDA_HEADER_SIZE);
	area[MDA_HEADER_SIZE + 1] = '\0';
	n = mda_find_copies_buf(area, WRAP_AREA, mem, &c);
	assert_int_equal(n, 0);
	/* a real wrapped copy at the end is still found, in one piece */
	assert_true(len > first);
	area[at - 1] = '\0';
	memcpy(area + at, t, first);
	memcpy(area + MDA_HEADER_SIZE, t + first, len - first);
	n = mda_find_copies_buf(area, WRAP_AREA, mem, &c);
	assert_int_equal(n, 1);
	assert_int_equal(c[0].offset, at);
	assert_int_equal(c[0].size, len);
	assert_string_equal(c[0].text, t);
	free(area);
	pool_destroy(mem);
}

/* ---- selections (crashes and leaks found by tests/fuzz/fuzz_select) ---- */

/*
 * A regex compiled before a later syntax error was leaked (found by
 * fuzz_select; the sanitize suite's LeakSanitizer sees a regression).
 */
static void test_select_error_after_regex(void **state)
{
	static const char *const bad[] = {
		"lv_size>1m && (tags=[a] || lv_name=~1m && (tags=[a] || lv_name=~\"^\"^l\")",
		"lv_name=~a && lv_name=~b && (",
		"lv_name=~a ||",
		"!(lv_name=~x) lv_name",
	};
	struct report_opts o = { 0 };
	struct report *r;

	(void)state;
	o.type = RPT_LV;
	o.state_unknown = 1;
	r = report_create(&o);
	assert_non_null(r);
	log_set_level(LOG_QUIET);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_null(select_compile(r, RPT_LV, bad[i]));
	log_set_level(LOG_NORMAL);
	select_free(select_compile(r, RPT_LV, "lv_name=~a && lv_name!~b"));
	report_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base_imports),
		cmocka_unit_test(test_extents_beyond_device),
		cmocka_unit_test(test_overlapping_segments),
		cmocka_unit_test(test_unknown_pv),
		cmocka_unit_test(test_integer_limits),
		cmocka_unit_test(test_integer_overflow),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_ten_megabyte_strings),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_million_empty_lvs),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_label_hostile_offsets),
		cmocka_unit_test(test_label_unterminated_lists),
		cmocka_unit_test(test_mda_hostile_sizes),
		cmocka_unit_test(test_mda_next_location_bounds),
		cmocka_unit_test(test_mda_search_long_runs),
		cmocka_unit_test(test_mda_search_wrapping_run),
		cmocka_unit_test(test_select_error_after_regex),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
