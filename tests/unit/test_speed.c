/*
 * The speed-ups of the benchmark work must not change results: the
 * slicing-by-8 CRC against a bit-by-bit CRC at every alignment and length
 * around the 8-byte blocks; pool carving of unaligned, non-zeroed strings
 * mixed with aligned, zeroed objects; the inline strbuf fast paths across
 * reallocations; the integer fast path of the size comments in exported
 * metadata; the streaming parser and the LV-by-LV import with its
 * fallback, forward references and errors; the id set and run-merging
 * sort of vg_validate; the hash's pointer shortcut; the table-driven UUID
 * parser; reports sorted by keys kept per key and printed in pieces.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "device/device.h"
#include "format/mda.h"
#include "format/ondisk.h"
#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/hash.h"
#include "misc/pool.h"
#include "misc/strbuf.h"
#include "misc/uuid.h"
#include "report/report.h"
#include "report/report_int.h"

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


/* ---- streaming parser ---- */

struct drops {
	const char *drop;	/* key of the sections to drop */
	int abort_at;		/* call number that returns -1; 0 = never */
	int calls;
	unsigned depth_sum;
	const void *addrs[8];	/* distinct addresses of dropped nodes */
	int naddrs;
	int overflow;
};

static int drop_fn(void *arg, const struct cfg_node *sect, unsigned depth)
{
	struct drops *d = arg;
	int i;

	d->calls++;
	d->depth_sum += depth;
	if (d->abort_at && d->calls == d->abort_at)
		return -1;
	if (!d->drop || strcmp(sect->key, d->drop))
		return 0;
	for (i = 0; i < d->naddrs && d->addrs[i] != (const void *)sect; i++)
		;
	if (i == d->naddrs) {
		if (d->naddrs < 8)
			d->addrs[d->naddrs++] = sect;
		else
			d->overflow = 1;
	}
	return 1;
}

static void test_stream_parse_drops_and_relinks(void **state)
{
	static const char text[] =
		"a { x = 1 }\nb { y = \"two\" in { z = 3 } }\nc { w = [1, 2] }\n"
		"b { q = 4 }\nd = 5\n";
	struct pool *p = pool_create("t");
	struct drops d = { .drop = "b" };
	char err[128];
	struct cfg_node *root = cfg_parse_stream(p, text, sizeof(text) - 1, drop_fn, &d,
						 err, sizeof(err));
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_non_null(root);
	/* a, b, b/in, c, b: five closes; "in" is at depth 2 */
	assert_int_equal(d.calls, 5);
	assert_int_equal(d.depth_sum, 6);
	assert_string_equal(root->child->key, "a");
	assert_string_equal(root->child->next->key, "c");
	assert_string_equal(root->child->next->next->key, "d");
	assert_null(root->child->next->next->next);
	assert_ptr_equal(root->last_child, root->child->next->next);
	cfg_write(root, 0, &sb);
	assert_string_equal(sb.buf, "a {\n\tx = 1\n}\nc {\n\tw = [1, 2]\n}\nd = 5\n");
	strbuf_release(&sb);
	pool_destroy(p);
}

/* Dropped sections give their memory back: thousands reuse a few addresses. */
static void test_stream_parse_reuses_memory(void **state)
{
	struct strbuf text = STRBUF_INIT;
	struct pool *p = pool_create("t");
	struct drops d = { .drop = "lv" };
	struct cfg_node *root;
	char err[128];

	(void)state;
	strbuf_addstr(&text, "vg {\n");
	for (int i = 0; i < 5000; i++)
		strbuf_addf(&text, "lv { id = \"%d\" status = [\"READ\", \"WRITE\"] seg { n = %d } }\n",
			    i, i);
	strbuf_addstr(&text, "last = 1\n}\n");
	root = cfg_parse_stream(p, text.buf, text.len, drop_fn, &d, err, sizeof(err));
	assert_non_null(root);
	assert_int_equal(d.calls, 5000 * 2 + 1);
	assert_false(d.overflow);
	assert_true(d.naddrs <= 2);
	assert_string_equal(root->child->child->key, "last");
	assert_null(root->child->child->next);
	strbuf_release(&text);
	pool_destroy(p);
}

static void test_stream_parse_abort_and_keep(void **state)
{
	static const char text[] = "a { b { c = 1 } }\ne { f = \"g\\\"h\" }\n";
	struct pool *p = pool_create("t");
	struct drops abort2 = { .abort_at = 2 }, keep = { 0 };
	char err[128] = "x";
	struct cfg_node *root;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;

	(void)state;
	assert_null(cfg_parse_stream(p, text, sizeof(text) - 1, drop_fn, &abort2, err, sizeof(err)));
	assert_int_equal(abort2.calls, 2);
	assert_string_equal(err, "");
	/* Keeping everything gives the tree cfg_parse() gives. */
	root = cfg_parse_stream(p, text, sizeof(text) - 1, drop_fn, &keep, err, sizeof(err));
	assert_non_null(root);
	cfg_write(root, 0, &a);
	cfg_write(cfg_parse(p, text, sizeof(text) - 1, err, sizeof(err)), 0, &b);
	assert_string_equal(a.buf, b.buf);
	assert_string_equal(cfg_find(root, "e/f")->value->v.str, "g\"h");
	/* Parse errors still say where. */
	assert_null(cfg_parse_stream(p, "a { b = }", 9, drop_fn, &keep, err, sizeof(err)));
	assert_non_null(strstr(err, "line 1"));
	strbuf_release(&a);
	strbuf_release(&b);
	pool_destroy(p);
}

/* ---- streaming import ---- */

#define UUID_PAT "%06d-0000-0000-0000-0000-0000-%06d"

static void vg_head(struct strbuf *t, int npe)
{
	strbuf_addf(t, "vg {\nid = \"" UUID_PAT "\"\nseqno = 3\nformat = \"lvm2\"\n"
		    "status = [\"RESIZEABLE\", \"READ\", \"WRITE\"]\nflags = []\n"
		    "extent_size = 8192\nmax_lv = 0\nmax_pv = 0\nmetadata_copies = 0\n", 0, 0);
	(void)npe;
}

static void vg_pvs(struct strbuf *t, int npe)
{
	strbuf_addf(t, "physical_volumes {\npv0 {\nid = \"" UUID_PAT "\"\n"
		    "device = \"/dev/x\"\nstatus = [\"ALLOCATABLE\"]\nflags = []\n"
		    "dev_size = %d\npe_start = 2048\npe_count = %d\n}\n}\n",
		    1, 1, npe * 8192 + 4096, npe);
}

/* LV i: one extent at pe (backwards: n-1-i), or striped over LV "over". */
static void vg_lv(struct strbuf *t, int i, int n, const char *over)
{
	strbuf_addf(t, "lv%d {\nid = \"" UUID_PAT "\"\nstatus = [\"READ\", \"WRITE\", \"VISIBLE\"]\n"
		    "flags = []\ncreation_time = 1795516839\ncreation_host = \"h\"\n"
		    "segment_count = 1\nsegment1 {\nstart_extent = 0\nextent_count = 1\n"
		    "type = \"striped\"\nstripe_count = 1\nstripes = [\"%s\", %d]\n}\n}\n",
		    i, 2, i, over ? over : "pv0", over ? 0 : n - 1 - i);
}

static char *vg_text(int n, int lvs_first, const char *extra_lvs, size_t *len)
{
	struct strbuf t = STRBUF_INIT;

	vg_head(&t, n + 10);
	if (!lvs_first)
		vg_pvs(&t, n + 10);
	strbuf_addstr(&t, "logical_volumes {\n");
	for (int i = 0; i < n; i++)
		vg_lv(&t, i, n, NULL);
	if (extra_lvs)
		strbuf_addstr(&t, extra_lvs);
	strbuf_addstr(&t, "}\n");
	if (lvs_first)
		vg_pvs(&t, n + 10);
	strbuf_addstr(&t, "}\ncontents = \"Text Format Volume Group\"\nversion = 1\n");
	return strbuf_detach(&t, len);
}

static char *export(const struct volume_group *vg)
{
	struct strbuf out = STRBUF_INIT;

	vg_export_text(vg, TEXT_DISK, NULL, &out);
	return strbuf_detach(&out, NULL);
}

static void test_import_streams_like_tree(void **state)
{
	size_t la, lb;
	char *a = vg_text(3000, 0, NULL, &la), *b = vg_text(3000, 1, NULL, &lb);
	struct volume_group *va = vg_import_text(a, la, "a"), *vb = vg_import_text(b, lb, "b");
	char *ea, *eb, *again;
	struct volume_group *vc;

	(void)state;
	assert_non_null(va);
	assert_non_null(vb);	/* PVs after the LVs: imported from the whole tree */
	assert_int_equal(va->lv_count, 3000);
	assert_string_equal(TAILQ_FIRST(&va->lvs)->name, "lv0");
	assert_string_equal(TAILQ_LAST(&va->lvs, lv_list)->name, "lv2999");
	ea = export(va);
	eb = export(vb);
	assert_string_equal(ea, eb);
	vc = vg_import_text(ea, strlen(ea), "again");
	assert_non_null(vc);
	again = export(vc);
	assert_string_equal(again, ea);
	free(a), free(b), free(ea), free(eb), free(again);
	vg_free(va), vg_free(vb), vg_free(vc);
}

/* An area may name an LV further down the text: resolved at the end. */
static void test_import_forward_reference(void **state)
{
	struct strbuf extra = STRBUF_INIT;
	struct volume_group *vg;
	struct logical_volume *lv;
	size_t len;
	char *text;

	(void)state;
	vg_lv(&extra, 10, 0, "lv11");
	vg_lv(&extra, 11, 23, NULL);	/* pe 11: clear of lv0..lv9 */
	text = vg_text(10, 0, extra.buf, &len);
	vg = vg_import_text(text, len, "fwd");
	assert_non_null(vg);
	lv = vg_find_lv(vg, "lv10");
	assert_non_null(lv);
	assert_int_equal(TAILQ_FIRST(&lv->segments)->areas[0].type, AREA_LV);
	assert_ptr_equal(TAILQ_FIRST(&lv->segments)->areas[0].u.lv.lv, vg_find_lv(vg, "lv11"));
	assert_string_equal(TAILQ_FIRST(&lv->segments)->areas[0].u.lv.name, "lv11");
	vg_free(vg);
	free(text);
	strbuf_release(&extra);
}

static void expect_import_error(const char *extra_lvs, const char *what)
{
	size_t len;
	char *text = vg_text(5, 0, extra_lvs, &len);
	struct volume_group *vg = vg_import_text(text, len, what);

	if (vg)
		fail_msg("%s: imported", what);
	free(text);
}

static void test_import_stream_errors(void **state)
{
	struct strbuf t = STRBUF_INIT;
	size_t len;
	char *text;

	(void)state;
	vg_lv(&t, 7, 0, "nowhere");
	expect_import_error(t.buf, "unknown LV in an area");
	strbuf_reset(&t);
	vg_lv(&t, 3, 0, NULL);
	expect_import_error(t.buf, "duplicate LV name");
	expect_import_error("junk = 1\n", "a value among the LVs");
	expect_import_error("lv9 {\nid = \"x\"\n}\n", "a bad LV id");
	/* A second logical_volumes section after LVs were streamed. */
	text = vg_text(5, 0, NULL, &len);
	strbuf_reset(&t);
	strbuf_add(&t, text, len);
	{
		char *end = strstr(t.buf, "}\ncontents");

		assert_non_null(end);
		strbuf_setlen(&t, (size_t)(end - t.buf));
	}
	strbuf_addstr(&t, "logical_volumes {\n}\n}\ncontents = \"Text Format Volume Group\"\n"
		      "version = 1\n");
	assert_null(vg_import_text(t.buf, t.len, "two lv sections"));
	free(text);
	strbuf_release(&t);
}

/* ---- vg_validate ---- */

static void test_validate_ids_and_unsorted_ranges(void **state)
{
	size_t len;
	char *text = vg_text(2000, 0, NULL, &len);	/* extents in reverse LV order */
	struct volume_group *vg = vg_import_text(text, len, "v");
	struct logical_volume *a, *b;
	struct lvm_id keep;

	(void)state;
	assert_non_null(vg);
	assert_int_equal(vg_validate(vg), 0);
	a = vg_find_lv(vg, "lv5");
	b = vg_find_lv(vg, "lv1500");
	/* Ids that differ only in their last characters are told apart... */
	assert_int_equal(vg_validate(vg), 0);
	/* ...and the same id twice is found. */
	keep = b->id;
	b->id = a->id;
	assert_int_equal(vg_validate(vg), -1);
	b->id = keep;
	assert_int_equal(vg_validate(vg), 0);
	/* Overlap between LVs far apart in the list and the extent order. */
	TAILQ_FIRST(&b->segments)->areas[0].u.pv.pe = TAILQ_FIRST(&a->segments)->areas[0].u.pv.pe;
	assert_int_equal(vg_validate(vg), -1);
	vg_free(vg);
	free(text);
}

/* ---- hash, UUIDs ---- */

static void test_hash_same_and_equal_keys(void **state)
{
	struct hash *h = hash_create(4);
	char a[] = "name", b[] = "name";
	int v1, v2;

	(void)state;
	hash_insert(h, a, &v1);
	assert_ptr_equal(hash_lookup(h, a), &v1);	/* same pointer */
	assert_ptr_equal(hash_lookup(h, b), &v1);	/* equal string */
	hash_insert(h, b, &v2);				/* replaces */
	assert_int_equal(hash_count(h), 1);
	assert_ptr_equal(hash_lookup(h, a), &v2);
	assert_null(hash_lookup(h, "nam"));
	hash_destroy(h);
}

/* Reserving keeps what is there and takes the announced entries. */
static void test_hash_reserve(void **state)
{
	struct hash *h = hash_create(2);
	static char keys[3000][8];

	(void)state;
	for (int i = 0; i < 3000; i++)
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
	for (int i = 0; i < 10; i++)
		hash_insert(h, keys[i], keys[i]);
	hash_reserve(h, 3000);
	hash_reserve(h, 5);	/* never shrinks */
	for (int i = 10; i < 3000; i++)
		hash_insert(h, keys[i], keys[i]);
	assert_int_equal(hash_count(h), 3000);
	for (int i = 0; i < 3000; i++)
		assert_ptr_equal(hash_lookup(h, keys[i]), keys[i]);
	assert_ptr_equal(hash_remove(h, keys[7]), keys[7]);
	assert_null(hash_lookup(h, keys[7]));
	assert_ptr_equal(hash_lookup(h, keys[2999]), keys[2999]);
	hash_destroy(h);
}

static void test_id_parse_table(void **state)
{
	struct lvm_id id;

	(void)state;
	assert_int_equal(id_parse(&id, "aB3!#z-0000-0000-0000-0000-0000-ZZZZZZ"), 0);
	assert_string_equal(id.uuid, "aB3!#z00000000000000000000ZZZZZZ");
	assert_int_equal(id_parse(&id, "aB3!#z00000000000000000000ZZZZZ-Z"), 0);
	assert_int_equal(id_parse(&id, "aB3!#z-0000-0000-0000-0000-0000-ZZZZZ"), -1);
	assert_int_equal(id_parse(&id, "aB3!#z-0000-0000-0000-0000-0000-ZZZZZZZ"), -1);
	assert_int_equal(id_parse(&id, "aB3!#z-0000-0000-0000-0000-0000-ZZZZZ_"), -1);
	assert_int_equal(id_parse(&id, "aB3!#z-0000-0000-0000-0000-0000-ZZZZZ\xe9"), -1);
	assert_true(id_valid_char('q') && id_valid_char('#') && !id_valid_char('-'));
	assert_false(id_valid_char(0) || id_valid_char(' ') || id_valid_char(300));
}

/* ---- metadata text written in place ---- */

#define PAD_AREA 32768u

/* An image of one area after `start`, filled with `fill`. */
static char *pad_image(const char *name, int fill)
{
	char *path = strdup(name);
	int fd = mkstemp(path);
	char junk[4096];

	assert_true(fd >= 0);
	memset(junk, fill, sizeof(junk));
	for (unsigned i = 0; i < (PAD_AREA + 8192) / sizeof(junk); i++)
		assert_int_equal(write(fd, junk, sizeof(junk)), (ssize_t)sizeof(junk));
	close(fd);
	return path;
}

static char *slurp(const char *path, size_t size)
{
	char *buf = malloc(size);
	FILE *f = fopen(path, "rb");

	assert_non_null(f);
	assert_int_equal(fread(buf, 1, size, f), size);
	fclose(f);
	return buf;
}

/*
 * mda_write_padded() from a buffer with MDA_TEXT_PAD zeros after the text
 * leaves exactly the bytes mda_write_text() leaves, wrapped copies too.
 */
static void test_mda_write_padded_same_bytes(void **state)
{
	char *pa = pad_image("/tmp/test_speed.a.XXXXXX", 0xA5);
	char *pb = pad_image("/tmp/test_speed.b.XXXXXX", 0xA5);
	struct device da = { .path = pa, .fd = -1 }, db = { .path = pb, .fd = -1 };
	struct mda_header ha, hb;
	unsigned wraps = 0;
	char *ia, *ib;

	(void)state;
	mda_header_init(&ha, 4096, PAD_AREA);
	mda_header_init(&hb, 4096, PAD_AREA);
	for (unsigned i = 0; i < 40; i++) {
		size_t len = 700 + (i * 331) % 5000;
		struct strbuf t = STRBUF_INIT;
		struct raw_locn la, lb;

		for (size_t k = 0; k < len; k++)
			strbuf_addch(&t, 'a' + (int)((k + i) % 26));
		assert_int_equal(mda_write_text(&da, &ha, t.buf, t.len, &la), 0);
		strbuf_grow(&t, MDA_TEXT_PAD);
		memset(t.buf + t.len, 0, MDA_TEXT_PAD);
		assert_int_equal(mda_write_padded(&db, &hb, t.buf, t.len, &lb), 0);
		assert_memory_equal(&la, &lb, sizeof(la));
		wraps += la.offset + la.size > PAD_AREA;
		ha.slot[0] = la;
		hb.slot[0] = lb;
		strbuf_release(&t);
	}
	assert_true(wraps >= 2);
	dev_close(&da);
	dev_close(&db);
	ia = slurp(pa, PAD_AREA + 8192);
	ib = slurp(pb, PAD_AREA + 8192);
	assert_memory_equal(ia, ib, PAD_AREA + 8192);
	free(ia);
	free(ib);
	unlink(pa);
	unlink(pb);
	free(pa);
	free(pb);
}

/* ---- reports: sort keys per key, output in pieces ---- */

static char *report_lvs(const struct volume_group *vg, const char *const *fields,
			const char *const *sort, enum report_format format)
{
	struct report_opts o = { .type = RPT_LV, .fields = fields, .sort = sort,
				 .format = format, .state_unknown = 1 };
	char *buf = NULL;
	size_t size = 0;
	const struct logical_volume *lv;
	struct report *r;

	o.out = open_memstream(&buf, &size);
	r = report_create(&o);
	assert_non_null(r);
	TAILQ_FOREACH(lv, &vg->lvs, list)
		assert_int_equal(report_add_lv(r, lv), 0);
	assert_int_equal(report_output(r), 0);
	report_destroy(r);
	fclose(o.out);
	return buf;
}

/* Every LV finds its own relations, by index or through the name hash. */
static void expect_own_rels(const struct volume_group *vg)
{
	struct report_opts o = { .type = RPT_LV, .state_unknown = 1 };
	const struct logical_volume *lv;
	struct report *r;
	unsigned n = 0;

	o.out = stdout;
	r = report_create(&o);
	assert_non_null(r);
	TAILQ_FOREACH(lv, &vg->lvs, list) {
		assert_ptr_equal(lv_rel_get(r, lv)->lv, lv);
		n++;
	}
	assert_int_equal(vg_info_get(r, vg)->lv_count, n);
	report_destroy(r);
}

static void test_lv_rel_by_index(void **state)
{
	size_t len;
	char *text = vg_text(200, 0, NULL, &len);
	struct volume_group *vg = vg_import_text(text, len, "rels");
	struct logical_volume *lv, *first;
	struct report_opts o = { .type = RPT_LV, .state_unknown = 1 };
	struct report *r;

	(void)state;
	assert_non_null(vg);
	expect_own_rels(vg);
	/* dense indexes: the array serves every LV */
	o.out = stdout;
	r = report_create(&o);
	first = TAILQ_FIRST(&vg->lvs);
	assert_int_equal(vg_info_get(r, vg)->nindex, 200);
	report_destroy(r);
	/* repeated indexes (LVs moved in from another VG) */
	TAILQ_FOREACH(lv, &vg->lvs, list)
		lv->index = lv->index % 7;
	expect_own_rels(vg);
	/* sparse indexes: no array, the hash alone */
	first->index = 1u << 30;
	r = report_create(&o);
	assert_int_equal(vg_info_get(r, vg)->nindex, 0);
	report_destroy(r);
	expect_own_rels(vg);
	vg_free(vg);
	free(text);
}

static void test_report_big_sorted_in_pieces(void **state)
{
	static const char *const fields[] = { "lv_name,seg_pe_ranges", NULL };
	static const char *const by_pe_desc[] = { "-seg_pe_ranges,lv_name", NULL };
	static const char *const by_name[] = { "lv_name", NULL };
	size_t len;
	char *text = vg_text(3000, 0, NULL, &len);
	struct volume_group *vg = vg_import_text(text, len, "r");
	char *out, *line, *json;
	int n = 0, first_len = -1;

	(void)state;
	assert_non_null(vg);
	/* Sorted by a column's text, descending: lv0 has the highest PE. */
	out = report_lvs(vg, fields, by_pe_desc, RPT_FMT_BASIC);
	assert_true(strlen(out) > 64 * 1024);	/* more than one piece */
	line = strchr(out, '\n') + 1;
	assert_non_null(strstr(line, "lv") == line + 2 ? line : NULL);
	for (char *p = out; *p; p = strchr(p, '\n') + 1, n++) {
		int l = (int)(strchr(p, '\n') - p);

		if (first_len < 0)
			first_len = l;
		assert_int_equal(l, first_len);	/* aligned over every piece */
	}
	assert_int_equal(n, 3001);
	free(out);
	/* Sorted by name: lv0, lv1, lv10, lv100, ... */
	out = report_lvs(vg, fields, by_name, RPT_FMT_BASIC);
	line = strchr(out, '\n') + 1;
	assert_memory_equal(line, "  lv0 ", 6);
	line = strchr(line, '\n') + 1;
	assert_memory_equal(line, "  lv1 ", 6);
	line = strchr(line, '\n') + 1;
	assert_memory_equal(line, "  lv10 ", 7);
	free(out);
	json = report_lvs(vg, fields, by_name, RPT_FMT_JSON);
	assert_true(strlen(json) > 64 * 1024);
	assert_non_null(strstr(json, "{\"lv_name\":\"lv2999\", \"seg_pe_ranges\":\""));
	assert_string_equal(json + strlen(json) - 26, "]\n          }\n      ]\n  }\n");
	free(json);
	vg_free(vg);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crc_every_alignment_and_length),
		cmocka_unit_test(test_pool_strings_and_objects),
		cmocka_unit_test(test_strbuf_fast_paths),
		cmocka_unit_test(test_export_size_comments),
		cmocka_unit_test(test_stream_parse_drops_and_relinks),
		cmocka_unit_test(test_stream_parse_reuses_memory),
		cmocka_unit_test(test_stream_parse_abort_and_keep),
		cmocka_unit_test(test_import_streams_like_tree),
		cmocka_unit_test(test_import_forward_reference),
		cmocka_unit_test(test_import_stream_errors),
		cmocka_unit_test(test_validate_ids_and_unsorted_ranges),
		cmocka_unit_test(test_hash_same_and_equal_keys),
		cmocka_unit_test(test_hash_reserve),
		cmocka_unit_test(test_id_parse_table),
		cmocka_unit_test(test_report_big_sorted_in_pieces),
		cmocka_unit_test(test_lv_rel_by_index),
		cmocka_unit_test(test_mda_write_padded_same_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
