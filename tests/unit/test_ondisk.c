/*
 * Binary on-disk structures: CRC, label sector, PV header, mda header and
 * the circular text buffer, checked against the LVM2-made fixture images.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "device/device.h"
#include "format/label.h"
#include "format/mda.h"
#include "format/ondisk.h"
#include "misc/log.h"
#include "misc/pool.h"

struct fixture {
	const char *dir;
	const char *image;
	const char *uuid;
	uint64_t dev_size;
	uint64_t pe_start;
	uint32_t ext_flags;
	unsigned mda_count;
	struct disk_locn mdas[2];
	struct raw_locn slot0;		/* identical in every mda of a fixture */
};

#define DEF_MDA { { 4096, 1044480 }, { 0, 0 } }
static const struct fixture fixtures[] = {
	{ "a-linear", "a", "26QFCPqxGWDA1wNodTUej1CPnNb9TqXc", 33554432, 1048576, 1, 1,
	  DEF_MDA, { 7680, 2077, 1528864582u, 0 } },
	{ "b-striped-span", "b0", "aWEUAC3gf4kpbhLO1BOQHADoSc4j3FTl", 33554432, 1048576, 1, 1,
	  DEF_MDA, { 3072, 1618, 2179191962u, 0 } },
	{ "b-striped-span", "b1", "glwkNhqKJH4wpJF6yzWnFq6BVu9tZlK8", 33554432, 1048576, 1, 1,
	  DEF_MDA, { 3072, 1618, 2179191962u, 0 } },
	{ "c-two-mdas", "c", "84kjfU6rHHEd1ki3nRcuVUUmtdHLi2nI", 33554432, 1048576, 1, 2,
	  { { 4096, 1044480 }, { 32505856, 1048576 } }, { 1536, 1021, 1747421079u, 0 } },
	{ "d-no-mda-pv", "d0", "1BGQtQIB7GNnq7CFPCjhFe7ZKXgoaLzM", 16777216, 1048576, 1, 1,
	  DEF_MDA, { 3072, 1478, 4004170877u, 0 } },
	{ "d-no-mda-pv", "d1", "GxuNlDsctr90eyvEDGhrhyGaNownKEeq", 16777216, 1048576, 1, 0,
	  { { 0, 0 }, { 0, 0 } }, { 0, 0, 0, 0 } },
	{ "e-wrapped-mda", "e", "XL3zII4vb3fUZo71BAM80T9tMLy96NTQ", 16777216, 36864, 1, 1,
	  { { 4096, 32768 }, { 0, 0 } }, { 32256, 1028, 1259699263u, 0 } },
	{ "f-tags-names", "f", "Bqsxt8daGrBI7D3pKvDXARYfERNxw2ks", 33554432, 1048576, 1, 1,
	  DEF_MDA, { 7680, 1759, 3182817933u, 0 } },
	{ "g-plain-pv", "g", "P1BNvCbIoje24N1Crz2oWbu65AcLVMaY", 8388608, 1048576, 0, 1,
	  DEF_MDA, { 0, 0, 0, 0 } },
	{ "h-snapshot", "h", "PeQZuiEeV8BAMwiTIOWUYd2cZGF6POcN", 33554432, 1048576, 1, 1,
	  DEF_MDA, { 4608, 1593, 4162150654u, 0 } },
	{ "i-other-segtypes", "i0", "QJrUg65kP6xdeW3DN3YG5dj1cY9WFUl4", 33554432, 1048576, 1, 1,
	  DEF_MDA, { 9216, 7643, 3023813204u, 0 } },
	{ "i-other-segtypes", "i1", "jCtDfYWB1nRXOwjqfSiQsxh8Z5iPPWJF", 33554432, 1048576, 1, 1,
	  DEF_MDA, { 9216, 7643, 3023813204u, 0 } },
};
#define NFIXTURES (sizeof(fixtures) / sizeof(fixtures[0]))

/* Per-run state: a temp dir holding the decompressed images. */
struct ctx {
	char dir[64];
	struct pool *mem;
};

static char *path_in(struct ctx *c, const char *name)
{
	return pool_printf(c->mem, "%s/%s", c->dir, name);
}

static char *image_path(struct ctx *c, const struct fixture *f)
{
	return pool_printf(c->mem, "%s/%s.img", c->dir, f->image);
}

static int group_setup(void **state)
{
	struct ctx *c = xcalloc(1, sizeof(*c));

	strcpy(c->dir, "/tmp/test_ondisk.XXXXXX");
	if (!mkdtemp(c->dir))
		return -1;
	c->mem = pool_create("test_ondisk");
	for (size_t i = 0; i < NFIXTURES; i++) {
		const struct fixture *f = &fixtures[i];
		char *cmd = pool_printf(c->mem, "xz -dc '%s/%s/%s.img.xz' > '%s/%s.img'",
					FIXTURES_DIR, f->dir, f->image, c->dir, f->image);
		if (system(cmd))
			return -1;
	}
	*state = c;
	return 0;
}

static int group_teardown(void **state)
{
	struct ctx *c = *state;
	char *cmd = pool_printf(c->mem, "rm -rf '%s'", c->dir);

	if (system(cmd))
		return -1;
	pool_destroy(c->mem);
	free(c);
	return 0;
}

static struct device *open_dev(struct ctx *c, const char *path)
{
	struct device *dev = POOL_NEW(c->mem, struct device);

	dev->path = path;
	dev->fd = -1;
	return dev;
}

static void read_raw(const char *path, uint64_t offset, size_t len, void *buf)
{
	int fd = open(path, O_RDONLY);

	assert_true(fd >= 0);
	assert_int_equal(pread(fd, buf, len, (off_t)offset), (ssize_t)len);
	close(fd);
}

static void write_raw(const char *path, uint64_t offset, size_t len, const void *buf)
{
	int fd = open(path, O_RDWR | O_CREAT, 0600);

	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, buf, len, (off_t)offset), (ssize_t)len);
	close(fd);
}

/* A fresh image of `size` bytes, every byte set to `fill`. */
static char *make_image(struct ctx *c, const char *name, size_t size, int fill)
{
	char *path = path_in(c, name);
	unsigned char *buf = xmalloc(size);

	unlink(path);
	memset(buf, fill, size);
	write_raw(path, 0, size, buf);
	free(buf);
	return path;
}

static char *slurp(struct ctx *c, const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = pool_alloc(c->mem, (size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* ---- CRC ------------------------------------------------------------- */

static uint32_t crc_bitwise(uint32_t crc, const unsigned char *p, size_t len)
{
	while (len--) {
		crc ^= *p++;
		for (int i = 0; i < 8; i++)
			crc = (crc >> 1) ^ ((crc & 1) ? 0xEDB88320u : 0);
	}
	return crc;
}

static void test_crc_vectors(void **state)
{
	struct mda_header h;
	unsigned char buf[MDA_HEADER_SIZE];

	(void)state;
	assert_int_equal(lvm_crc(LVM_CRC_SEED, "", 0), 0xF597A6CFu);
	assert_int_equal(lvm_crc(LVM_CRC_SEED, "a", 1), 0x319B1949u);
	assert_int_equal(lvm_crc(LVM_CRC_SEED, "123456789", 9), 0x4991CF02u);
	mda_header_init(&h, 4096, 1044480);
	mda_header_encode(&h, buf);
	assert_int_equal(lvm_crc(LVM_CRC_SEED, buf + 4, MDA_HEADER_SIZE - 4), 0xDB8ED616u);
	assert_int_equal(get_le32(buf), 0xDB8ED616u);
}

/* Every table entry and every split point agree with the bit-by-bit CRC. */
static void test_crc_table_and_split(void **state)
{
	unsigned char data[1000];

	(void)state;
	for (unsigned i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(i * 131 + (i >> 3));
	for (unsigned b = 0; b < 256; b++) {
		unsigned char byte = (unsigned char)b;

		assert_int_equal(lvm_crc(0x12345678u, &byte, 1), crc_bitwise(0x12345678u, &byte, 1));
	}
	uint32_t whole = lvm_crc(LVM_CRC_SEED, data, sizeof(data));

	assert_int_equal(whole, crc_bitwise(LVM_CRC_SEED, data, sizeof(data)));
	for (size_t cut = 0; cut <= sizeof(data); cut += 37)
		assert_int_equal(lvm_crc(lvm_crc(LVM_CRC_SEED, data, cut), data + cut,
					 sizeof(data) - cut), whole);
}

/*
 * The folding (PCLMULQDQ) path takes buffers of 64 bytes or more and hands
 * the tail to the tables: every length around those boundaries, at every
 * alignment, with varying seeds, must match the bit-by-bit CRC.
 */
static void test_crc_all_lengths_and_offsets(void **state)
{
	unsigned char data[1300];
	uint32_t seed = LVM_CRC_SEED;

	(void)state;
	for (unsigned i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(i * 7919u >> 3 ^ i);
	for (size_t off = 0; off < 17; off++) {
		for (size_t len = 0; len + off <= 1200; len++) {
			seed = seed * 1103515245u + 12345u;
			assert_int_equal(lvm_crc(seed, data + off, len),
					 crc_bitwise(seed, data + off, len));
		}
	}
}

/* ---- Labels ---------------------------------------------------------- */

static void check_fixture_label(const struct fixture *f, const struct pv_label *l)
{
	assert_int_equal(l->sector, 1);
	assert_string_equal(l->pv_id.uuid, f->uuid);
	assert_int_equal(l->device_size, f->dev_size);
	assert_int_equal(l->data_area.offset, f->pe_start);
	assert_int_equal(l->data_area.size, 0);
	assert_int_equal(l->mda_count, f->mda_count);
	for (unsigned m = 0; m < f->mda_count; m++) {
		assert_int_equal(l->mdas[m].offset, f->mdas[m].offset);
		assert_int_equal(l->mdas[m].size, f->mdas[m].size);
	}
	assert_int_equal(l->ext_version, 2);
	assert_int_equal(l->ext_flags, f->ext_flags);
	assert_int_equal(l->has_ba, 0);
}

static void test_fixture_labels(void **state)
{
	struct ctx *c = *state;

	for (size_t i = 0; i < NFIXTURES; i++) {
		const struct fixture *f = &fixtures[i];
		unsigned char sec[SECTOR_SIZE], again[SECTOR_SIZE];
		struct pv_label l, r;
		const char *why;
		struct device *dev = open_dev(c, image_path(c, f));

		read_raw(dev->path, SECTOR_SIZE, SECTOR_SIZE, sec);
		assert_int_equal(label_decode(sec, 1, &l, &why), 1);
		check_fixture_label(f, &l);
		label_encode(&l, again);
		assert_memory_equal(sec, again, SECTOR_SIZE);
		assert_int_equal(label_read(dev, &r), 1);
		check_fixture_label(f, &r);
		dev_close(dev);
	}
}

/* A valid label with 2 mdas, a bootloader area, in `sector`. */
static void sample_label(struct pv_label *l, uint64_t sector)
{
	memset(l, 0, sizeof(*l));
	l->sector = sector;
	memcpy(l->pv_id.uuid, "abcdefghijklmnopqrstuvwxyzAB01!#", ID_LEN);
	l->device_size = 1ull << 40;
	l->data_area.offset = 3 << 20;
	l->mda_count = 2;
	l->mdas[0] = (struct disk_locn){ 4096, 1044480 };
	l->mdas[1] = (struct disk_locn){ (1ull << 40) - (1 << 20), 1 << 20 };
	l->ext_version = 2;
	l->ext_flags = PV_EXT_USED;
	l->has_ba = 1;
	l->ba = (struct disk_locn){ 1 << 20, 2 << 20 };
}

static void test_label_variants(void **state)
{
	struct pv_label l, r;
	unsigned char buf[SECTOR_SIZE];
	const char *why;

	(void)state;
	sample_label(&l, 3);
	label_encode(&l, buf);
	assert_int_equal(get_le32(buf + 0x14), 32);
	assert_int_equal(label_decode(buf, 3, &r, &why), 1);
	assert_memory_equal(&l, &r, sizeof(l));
	/* 2 mdas: ext version at 0x98 in the sector (0x298 absolute in sector 1) */
	assert_int_equal(get_le32(buf + 0x98), 2);
	assert_int_equal(get_le64(buf + 0xa0), 1 << 20);

	l.ext_version = 0;	/* pre-extension label: nothing after the mda list */
	l.ext_flags = 0;
	l.has_ba = 0;
	l.ba = (struct disk_locn){ 0, 0 };
	l.mda_count = 0;
	memset(l.mdas, 0, sizeof(l.mdas));
	label_encode(&l, buf);
	for (size_t i = 0x68; i < SECTOR_SIZE; i++)
		assert_int_equal(buf[i], 0);
	assert_int_equal(label_decode(buf, 3, &r, &why), 1);
	assert_memory_equal(&l, &r, sizeof(l));

	memset(buf, 0, sizeof(buf));
	assert_int_equal(label_decode(buf, 1, &r, &why), 0);
}

/* Rewrites the label CRC after a deliberate change to the sector. */
static void fix_crc(unsigned char *buf)
{
	put_le32(buf + 0x10, lvm_crc(LVM_CRC_SEED, buf + LABEL_CRC_START,
				     SECTOR_SIZE - LABEL_CRC_START));
}

static void expect_damaged(const unsigned char *buf, uint64_t sector)
{
	struct pv_label r;
	const char *why = NULL;

	assert_int_equal(label_decode(buf, sector, &r, &why), -1);
	assert_non_null(why);
}

static void test_damaged_labels(void **state)
{
	struct pv_label l;
	unsigned char good[SECTOR_SIZE], buf[SECTOR_SIZE];

	(void)state;
	sample_label(&l, 1);
	label_encode(&l, good);

	memcpy(buf, good, SECTOR_SIZE);
	buf[0x30] ^= 1;					/* bad CRC */
	expect_damaged(buf, 1);
	expect_damaged(good, 2);			/* read from another sector */
	memcpy(buf, good, SECTOR_SIZE);
	put_le64(buf + 8, 2);				/* sector field, CRC fixed */
	fix_crc(buf);
	expect_damaged(buf, 1);
	memcpy(buf, good, SECTOR_SIZE);
	buf[0x1f] = '2';				/* type "LVM2 002" */
	fix_crc(buf);
	expect_damaged(buf, 1);
	const uint32_t bad_offsets[] = { 0, 16, 31, 473, 500, 511, 512, 0xffffffffu };

	for (size_t i = 0; i < sizeof(bad_offsets) / sizeof(bad_offsets[0]); i++) {
		memcpy(buf, good, SECTOR_SIZE);
		put_le32(buf + 0x14, bad_offsets[i]);
		fix_crc(buf);
		expect_damaged(buf, 1);
	}
	memcpy(buf, good, SECTOR_SIZE);
	buf[0x25] = '-';				/* not a UUID character */
	fix_crc(buf);
	expect_damaged(buf, 1);
	memcpy(buf, good, SECTOR_SIZE);
	buf[0x25] = 0;
	fix_crc(buf);
	expect_damaged(buf, 1);
}

static void test_damaged_label_lists(void **state)
{
	struct pv_label l, r;
	unsigned char buf[SECTOR_SIZE];
	const char *why;

	(void)state;
	/* three mdas: insert a third entry before the terminator */
	sample_label(&l, 1);
	l.ext_version = 0;
	l.ext_flags = 0;
	l.has_ba = 0;
	l.ba = (struct disk_locn){ 0, 0 };
	label_encode(&l, buf);
	put_le64(buf + 0x88, 8192);
	put_le64(buf + 0x90, 4096);
	fix_crc(buf);
	expect_damaged(buf, 1);

	/* header at offset 472: uuid and size fit, the data list does not */
	memset(buf, 0, sizeof(buf));
	label_encode(&l, buf);
	memmove(buf + 472, buf + 32, 40);
	memset(buf + 32, 0, 440);
	put_le32(buf + 0x14, 472);
	fix_crc(buf);
	expect_damaged(buf, 1);

	/* no zero entry anywhere: every list runs to the end of the sector */
	label_encode(&l, buf);
	memset(buf + 32 + 40, 0x11, SECTOR_SIZE - 72);
	fix_crc(buf);
	expect_damaged(buf, 1);

	/* a valid label moved to offset 400: the mda list end falls off */
	label_encode(&l, buf);
	memmove(buf + 400, buf + 32, 112);
	memset(buf + 32, 0, 368);
	put_le32(buf + 0x14, 400);
	fix_crc(buf);
	expect_damaged(buf, 1);

	/* moved to 360 it all fits: readers honour the offset field */
	label_encode(&l, buf);
	memmove(buf + 360, buf + 32, 152);
	memset(buf + 32, 0, 328);
	put_le32(buf + 0x14, 360);
	fix_crc(buf);
	assert_int_equal(label_decode(buf, 1, &r, &why), 1);
	assert_memory_equal(&l, &r, sizeof(l));

	/* with extension and bootloader area (160 bytes): at 352 it fits ... */
	sample_label(&l, 1);
	label_encode(&l, buf);
	memmove(buf + 352, buf + 32, 160);
	memset(buf + 32, 0, 320);
	put_le32(buf + 0x14, 352);
	fix_crc(buf);
	assert_int_equal(label_decode(buf, 1, &r, &why), 1);
	assert_memory_equal(&l, &r, sizeof(l));
	/* ... at 368 the bootloader list terminator falls off the sector */
	label_encode(&l, buf);
	memmove(buf + 368, buf + 32, 144);
	memset(buf + 32, 0, 336);
	put_le32(buf + 0x14, 368);
	fix_crc(buf);
	expect_damaged(buf, 1);
}

static void test_label_read_write_erase(void **state)
{
	struct ctx *c = *state;
	char *path = make_image(c, "labels.img", 8192, 0xAA);
	struct device *dev = open_dev(c, path);
	struct pv_label l, r;
	unsigned char buf[SECTOR_SIZE];

	assert_int_equal(label_read(dev, &r), 0);
	sample_label(&l, 2);
	assert_int_equal(label_write(dev, &l), 0);
	assert_int_equal(label_read(dev, &r), 1);
	assert_memory_equal(&l, &r, sizeof(l));

	/* a damaged label in sector 1 is skipped (with a warning) */
	sample_label(&l, 1);
	label_encode(&l, buf);
	buf[100] ^= 0xff;
	write_raw(path, SECTOR_SIZE, SECTOR_SIZE, buf);
	log_set_level(LOG_QUIET);
	assert_int_equal(label_read(dev, &r), 1);
	log_set_level(LOG_NORMAL);
	assert_int_equal(r.sector, 2);

	/* the first valid label wins */
	sample_label(&l, 0);
	l.ext_flags = 0;
	assert_int_equal(label_write(dev, &l), 0);
	log_set_level(LOG_QUIET);
	assert_int_equal(label_read(dev, &r), 1);
	log_set_level(LOG_NORMAL);
	assert_int_equal(r.sector, 0);
	assert_int_equal(r.ext_flags, 0);

	l.sector = 4;
	assert_int_equal(label_write(dev, &l) , -1);

	assert_int_equal(label_erase(dev), 0);
	assert_int_equal(label_read(dev, &r), 0);
	for (unsigned s = 0; s < 3; s++) {
		read_raw(path, s * SECTOR_SIZE, SECTOR_SIZE, buf);
		for (size_t i = 0; i < SECTOR_SIZE; i++)
			assert_int_equal(buf[i], 0);
	}
	read_raw(path, 3 * SECTOR_SIZE, SECTOR_SIZE, buf);	/* no label: untouched */
	assert_int_equal(buf[0], 0xAA);
	assert_int_equal(buf[511], 0xAA);
	dev_close(dev);
}

static void test_label_tiny_device(void **state)
{
	struct ctx *c = *state;
	char *path = make_image(c, "tiny.img", 1024 + 100, 0);
	struct device *dev = open_dev(c, path);
	struct pv_label l, r;

	assert_int_equal(label_read(dev, &r), 0);
	sample_label(&l, 1);
	assert_int_equal(label_write(dev, &l), 0);
	dev_close(dev);
	dev = open_dev(c, path);	/* fresh size */
	assert_int_equal(label_read(dev, &r), 1);
	assert_int_equal(label_erase(dev), 0);
	assert_int_equal(label_read(dev, &r), 0);
	dev_close(dev);
}

/* ---- mda headers and texts ------------------------------------------- */

static void test_fixture_mda_headers(void **state)
{
	struct ctx *c = *state;

	for (size_t i = 0; i < NFIXTURES; i++) {
		const struct fixture *f = &fixtures[i];
		char *path = image_path(c, f);

		for (unsigned m = 0; m < f->mda_count; m++) {
			unsigned char sec[MDA_HEADER_SIZE], again[MDA_HEADER_SIZE];
			struct mda_header h;
			const char *why;

			read_raw(path, f->mdas[m].offset, MDA_HEADER_SIZE, sec);
			assert_int_equal(mda_header_decode(sec, f->mdas[m].offset, f->mdas[m].size,
							   &h, &why), 0);
			assert_int_equal(h.version, 1);
			assert_int_equal(h.start, f->mdas[m].offset);
			assert_int_equal(h.size, f->mdas[m].size);
			assert_memory_equal(&h.slot[0], &f->slot0, sizeof(h.slot[0]));
			assert_int_equal(h.slot[1].offset, 0);
			mda_header_encode(&h, again);
			assert_memory_equal(sec, again, MDA_HEADER_SIZE);
			/* expected size 0 = not checked */
			assert_int_equal(mda_header_decode(sec, f->mdas[m].offset, 0, &h, &why), 0);
		}
	}
}

static void test_fixture_texts(void **state)
{
	struct ctx *c = *state;

	for (size_t i = 0; i < NFIXTURES; i++) {
		const struct fixture *f = &fixtures[i];
		struct device *dev = open_dev(c, image_path(c, f));

		for (unsigned m = 0; m < f->mda_count; m++) {
			struct mda_header h;
			char *text, *want;
			size_t len, want_len;
			int r;

			assert_int_equal(mda_header_read(dev, f->mdas[m].offset, f->mdas[m].size,
							 &h), 0);
			r = mda_read_text(dev, &h, c->mem, &text, &len);
			if (!f->slot0.offset) {
				assert_int_equal(r, 0);
				continue;
			}
			assert_int_equal(r, 1);
			want = slurp(c, pool_printf(c->mem, "%s/%s/%s-mda%u-text.txt",
						    FIXTURES_DIR, f->dir, f->image, m), &want_len);
			assert_int_equal(len, want_len);
			assert_int_equal(len + 1, f->slot0.size);
			assert_memory_equal(text, want, len);
			assert_int_equal(text[len], '\0');
		}
		dev_close(dev);
	}
}

/* Header with a valid CRC after a deliberate change. */
static void fix_mda_crc(unsigned char *buf)
{
	put_le32(buf, lvm_crc(LVM_CRC_SEED, buf + 4, MDA_HEADER_SIZE - 4));
}

struct mda_damage {
	size_t at;		/* byte offset in the header */
	int width;		/* 4 or 8 */
	uint64_t value;
};

static void test_damaged_mda_headers(void **state)
{
	static const struct mda_damage damages[] = {
		{ 0x14, 4, 2 },				/* version */
		{ 0x14, 4, 0 },
		{ 0x18, 8, 8192 },			/* start */
		{ 0x20, 8, 65536 },			/* size != expected */
		{ 0x28, 8, 100 },			/* slot0 offset < 512 */
		{ 0x28, 8, 32768 },			/* slot0 offset == size */
		{ 0x28, 8, UINT64_MAX - 10 },		/* wraps around 2^64 */
		{ 0x30, 8, 32768 - 511 },		/* slot0 size > size - 512 */
		{ 0x30, 8, UINT64_MAX },
		{ 0x30, 8, 0 },				/* offset without size */
	};
	struct mda_header h, r;
	unsigned char good[MDA_HEADER_SIZE], buf[MDA_HEADER_SIZE];
	const char *why;

	(void)state;
	mda_header_init(&h, 4096, 32768);
	h.slot[0] = (struct raw_locn){ 32256, 1028, 0x4B157C3Fu, 0 };
	mda_header_encode(&h, good);
	assert_int_equal(mda_header_decode(good, 4096, 32768, &r, &why), 0);

	for (size_t i = 0; i < sizeof(damages) / sizeof(damages[0]); i++) {
		memcpy(buf, good, sizeof(buf));
		if (damages[i].width == 4)
			put_le32(buf + damages[i].at, (uint32_t)damages[i].value);
		else
			put_le64(buf + damages[i].at, damages[i].value);
		fix_mda_crc(buf);
		why = NULL;
		assert_int_equal(mda_header_decode(buf, 4096, 32768, &r, &why), -1);
		assert_non_null(why);
	}
	memcpy(buf, good, sizeof(buf));
	buf[100] = 1;						/* bad CRC */
	assert_int_equal(mda_header_decode(buf, 4096, 32768, &r, &why), -1);
	memcpy(buf, good, sizeof(buf));
	buf[10] ^= 0x20;					/* magic */
	fix_mda_crc(buf);
	assert_int_equal(mda_header_decode(buf, 4096, 32768, &r, &why), -1);
	assert_int_equal(mda_header_decode(good, 4608, 32768, &r, &why), -1);

	/* size too small or start + size past 2^64, no expected size given */
	mda_header_init(&h, 4096, 1000);
	mda_header_encode(&h, buf);
	assert_int_equal(mda_header_decode(buf, 4096, 0, &r, &why), -1);
	mda_header_init(&h, 4096, UINT64_MAX - 100);
	mda_header_encode(&h, buf);
	assert_int_equal(mda_header_decode(buf, 4096, 0, &r, &why), -1);
	/* size-but-no-offset slot */
	mda_header_init(&h, 4096, 32768);
	h.slot[0].size = 10;
	mda_header_encode(&h, buf);
	assert_int_equal(mda_header_decode(buf, 4096, 0, &r, &why), -1);
}

static void test_mda_slot1_and_ignored(void **state)
{
	struct mda_header h, r;
	unsigned char buf[MDA_HEADER_SIZE];
	const char *why;

	(void)state;
	mda_header_init(&h, 4096, 32768);
	h.slot[0] = (struct raw_locn){ 0, 0, 0, RAW_LOCN_IGNORED };
	h.slot[1] = (struct raw_locn){ 1536, 1000, 0x1234, 0 };
	mda_header_encode(&h, buf);
	assert_int_equal(mda_header_decode(buf, 4096, 32768, &r, &why), 0);
	assert_memory_equal(h.slot, r.slot, sizeof(h.slot));

	/* garbage in slot 1 is dropped, the area stays usable */
	h.slot[1] = (struct raw_locn){ UINT64_MAX, 77, 1, 1 };
	mda_header_encode(&h, buf);
	assert_int_equal(mda_header_decode(buf, 4096, 32768, &r, &why), 0);
	assert_int_equal(r.slot[1].offset, 0);
	assert_int_equal(r.slot[1].size, 0);
	assert_int_equal(r.slot[0].flags, RAW_LOCN_IGNORED);
}

/* ---- placement --------------------------------------------------------- */

static void test_max_text_size(void **state)
{
	(void)state;
	/* pvs reports 521216 for an empty default mda: this, floored to sectors */
	assert_int_equal(mda_max_text_size(1044480), 521472);
	assert_int_equal(mda_max_text_size(32768), 15616);
	assert_int_equal(mda_max_text_size(1536), 0);
	assert_int_equal(mda_max_text_size(100), 0);
	assert_int_equal(mda_max_text_size(0), 0);
}

static uint64_t next_after(uint64_t area, uint64_t off, uint64_t size, uint64_t new_size)
{
	struct mda_header h;
	uint64_t next = 0;

	mda_header_init(&h, 4096, area);
	h.slot[0] = (struct raw_locn){ off, size, 0, 0 };
	assert_int_equal(mda_next_location(&h, new_size, &next), 0);
	return next;
}

/* slot 0 after every step of fixture e's make.log, seqno 2 .. 26 */
static const uint64_t e_trace[][2] = {
	{ 1536, 1025 }, { 3072, 714 }, { 4096, 1025 }, { 5632, 714 }, { 6656, 1025 },
	{ 8192, 714 }, { 9216, 1025 }, { 10752, 714 }, { 11776, 1026 }, { 13312, 715 },
	{ 14336, 1026 }, { 15872, 715 }, { 16896, 1026 }, { 18432, 715 }, { 19456, 1026 },
	{ 20992, 715 }, { 22016, 1026 }, { 23552, 715 }, { 24576, 1028 }, { 26112, 716 },
	{ 27136, 1028 }, { 28672, 716 }, { 29696, 1028 }, { 31232, 716 }, { 32256, 1028 },
};

static void test_next_location_trace(void **state)
{
	struct mda_header h;
	uint64_t next;

	(void)state;
	for (size_t i = 0; i + 1 < sizeof(e_trace) / sizeof(e_trace[0]); i++)
		assert_int_equal(next_after(32768, e_trace[i][0], e_trace[i][1], e_trace[i + 1][1]),
				 e_trace[i + 1][0]);
	/* after the wrapped copy (516 bytes at 512): first boundary after 1027 */
	assert_int_equal(next_after(32768, 32256, 1028, 1000), 1536);

	/* fixture a: copies of ~1000 bytes at 512, 1536, ..., 7680 */
	mda_header_init(&h, 4096, 1044480);
	for (uint64_t want = 512; want <= 7680; want += 1024) {
		assert_int_equal(mda_next_location(&h, 1000, &next), 0);
		assert_int_equal(next, want);
		h.slot[0] = (struct raw_locn){ next, 1000, 0, 0 };
	}
	/* an ignored slot restarts at 512 */
	h.slot[0] = (struct raw_locn){ 0, 0, 0, RAW_LOCN_IGNORED };
	assert_int_equal(mda_next_location(&h, 1000, &next), 0);
	assert_int_equal(next, 512);
}

static void test_next_location_restart(void **state)
{
	struct mda_header h;
	uint64_t next;

	(void)state;
	/* old copy ends at area byte 32458: rounded start 32768 -> restart */
	assert_int_equal(next_after(32768, 31744, 715, 715), 512);
	/* ends in the last 512 bytes, byte 32767 */
	assert_int_equal(next_after(32768, 32256, 512, 715), 512);
	/* start == size - 512 is still used (and wraps) */
	assert_int_equal(next_after(32768, 31232, 716, 1028), 32256);
	/* unaligned old copy */
	assert_int_equal(next_after(32768, 1000, 100, 100), 1536);

	mda_header_init(&h, 4096, 32768);
	assert_int_equal(mda_next_location(&h, 15616, &next), 0);
	assert_int_equal(mda_next_location(&h, 15617, &next), -1);
	assert_int_equal(mda_next_location(&h, 0, &next), -1);
	/* an oversized old copy that the new one would overwrite */
	h.slot[0] = (struct raw_locn){ 512, 30000, 0, 0 };
	assert_int_equal(mda_next_location(&h, 15616, &next), -1);
	/* a slot pointing outside the area is refused */
	h.slot[0] = (struct raw_locn){ 40000, 100, 0, 0 };
	assert_int_equal(mda_next_location(&h, 100, &next), -1);
}

/* ---- write / read round trips ---------------------------------------- */

#define RT_START 4096u
#define RT_AREA 32768u
#define RT_IMAGE (RT_START + RT_AREA + 4096u)

static void fill_text(char *text, size_t len, unsigned seed)
{
	for (size_t i = 0; i < len; i++)
		text[i] = (char)('a' + (i * 7 + seed) % 26);
	if (len)
		text[len - 1] = '\n';
}

/* Bytes between the NUL and the next sector boundary are zero. */
static void check_padding(const char *path, uint64_t abs_end)
{
	uint64_t pad = (SECTOR_SIZE - abs_end % SECTOR_SIZE) % SECTOR_SIZE;
	unsigned char buf[SECTOR_SIZE];

	if (!pad)
		return;
	read_raw(path, abs_end, (size_t)pad, buf);
	for (uint64_t i = 0; i < pad; i++)
		assert_int_equal(buf[i], 0);
}

static void test_write_read_roundtrip(void **state)
{
	struct ctx *c = *state;
	char *path = make_image(c, "rt.img", RT_IMAGE, 0xEE);
	struct device *dev = open_dev(c, path);
	struct mda_header h;
	char text[4000];
	unsigned wraps = 0;

	mda_header_init(&h, RT_START, RT_AREA);
	assert_int_equal(mda_header_write(dev, &h), 0);
	for (unsigned i = 0; i < 60; i++) {
		size_t len = 600 + (i * 397) % 3000;
		struct raw_locn locn;
		uint64_t expect, end;
		char *got;
		size_t got_len;
		unsigned char after;

		fill_text(text, len, i);
		assert_int_equal(mda_next_location(&h, len + 1, &expect), 0);
		assert_int_equal(mda_write_text(dev, &h, text, len, &locn), 0);
		assert_int_equal(locn.offset, expect);
		assert_int_equal(locn.size, len + 1);
		assert_int_equal(locn.flags, 0);
		end = locn.offset + locn.size;
		if (end > RT_AREA) {
			wraps++;
			end = MDA_HEADER_SIZE + (end - RT_AREA);
		}
		check_padding(path, RT_START + end);
		h.slot[0] = locn;
		assert_int_equal(mda_header_write(dev, &h), 0);
		assert_int_equal(mda_header_read(dev, RT_START, RT_AREA, &h), 0);
		assert_int_equal(mda_read_text(dev, &h, c->mem, &got, &got_len), 1);
		assert_int_equal(got_len, len);
		assert_memory_equal(got, text, len);
		read_raw(path, RT_START + RT_AREA, 1, &after);	/* nothing past the area */
		assert_int_equal(after, 0xEE);
	}
	assert_true(wraps >= 2);
	dev_close(dev);
}

static void test_read_text_errors(void **state)
{
	struct ctx *c = *state;
	char *path = make_image(c, "bad.img", RT_IMAGE, 0);
	struct device *dev = open_dev(c, path);
	struct mda_header h;
	struct raw_locn locn;
	char *text;
	size_t len;
	const char *msg = "vg {\n}\n";

	mda_header_init(&h, RT_START, RT_AREA);
	assert_int_equal(mda_read_text(dev, &h, c->mem, &text, &len), 0);
	assert_int_equal(mda_write_text(dev, &h, msg, strlen(msg), &locn), 0);
	h.slot[0] = locn;
	assert_int_equal(mda_read_text(dev, &h, c->mem, &text, &len), 1);
	assert_string_equal(text, msg);

	log_set_level(LOG_QUIET);
	h.slot[0].checksum ^= 1;
	assert_int_equal(mda_read_text(dev, &h, c->mem, &text, &len), -1);
	/* without its NUL (checksum made to match) */
	h.slot[0].size = strlen(msg);
	h.slot[0].checksum = lvm_crc(LVM_CRC_SEED, msg, strlen(msg));
	assert_int_equal(mda_read_text(dev, &h, c->mem, &text, &len), -1);
	/* ignored */
	h.slot[0] = locn;
	h.slot[0].flags = RAW_LOCN_IGNORED;
	assert_int_equal(mda_read_text(dev, &h, c->mem, &text, &len), 0);
	/* slot outside the area, area beyond the device, absurd sizes */
	h.slot[0] = (struct raw_locn){ RT_AREA + 512, 10, 0, 0 };
	assert_int_equal(mda_read_text(dev, &h, c->mem, &text, &len), -1);
	mda_header_init(&h, RT_START, 1ull << 40);
	h.slot[0] = (struct raw_locn){ 512, 1ull << 39, 0, 0 };
	assert_int_equal(mda_read_text(dev, &h, c->mem, &text, &len), -1);
	mda_header_init(&h, RT_START, 1ull << 20);
	h.slot[0] = (struct raw_locn){ 512, 100000, 0, 0 };
	assert_int_equal(mda_read_text(dev, &h, c->mem, &text, &len), -1);
	mda_header_init(&h, UINT64_MAX - 4096, 2048);
	h.slot[0] = (struct raw_locn){ 1024, 100, 0, 0 };
	assert_int_equal(mda_read_text(dev, &h, c->mem, &text, &len), -1);
	log_set_level(LOG_NORMAL);
	dev_close(dev);
}

static void test_write_text_too_big(void **state)
{
	struct ctx *c = *state;
	char *path = make_image(c, "big.img", RT_IMAGE, 0);
	struct device *dev = open_dev(c, path);
	struct mda_header h;
	struct raw_locn locn = { 1, 2, 3, 4 };
	char *big = pool_alloc(c->mem, 20000);

	memset(big, 'x', 20000);
	mda_header_init(&h, RT_START, RT_AREA);
	log_set_level(LOG_QUIET);
	assert_int_equal(mda_write_text(dev, &h, big, 15616, &locn), -1);
	log_set_level(LOG_NORMAL);
	assert_int_equal(locn.offset, 1);
	assert_int_equal(mda_write_text(dev, &h, big, 15615, &locn), 0);
	assert_int_equal(locn.size, 15616);
	dev_close(dev);
}

/* ---- mda_find_copies_buf ---- */

#define FIND_AREA 8192u

static void put_text(unsigned char *area, uint64_t at, const char *text)
{
	size_t len = strlen(text) + 1, first = len;

	if (at + len > FIND_AREA)
		first = FIND_AREA - at;
	memcpy(area + at, text, first);
	memcpy(area + MDA_HEADER_SIZE, text + first, len - first);
}

static const char *vg_text(struct pool *mem, unsigned seqno, size_t pad)
{
	return pool_printf(mem, "vg {\nid = \"aaaaaa-bbbb-cccc-dddd-eeee-ffff-gggggg\"\n"
			   "seqno = %u\n%*s}\n", seqno, (int)pad, "");
}

static void test_find_copies_in_order(void **state)
{
	struct pool *mem = pool_create("t");
	unsigned char *area = calloc(1, FIND_AREA);
	struct mda_text_copy *c;
	const char *t1 = vg_text(mem, 1, 10), *t2 = vg_text(mem, 2, 700);
	size_t n;

	(void)state;
	put_text(area, 512, t1);
	put_text(area, 1024, t2);
	/* a sector inside t2 that looks like a section is part of t2 */
	memcpy(area + 1536, "pv0 {\nid = \"x\"\nseqno = 9\n}\n", 27);
	n = mda_find_copies_buf(area, FIND_AREA, mem, &c);
	assert_int_equal(n, 2);
	assert_int_equal(c[0].offset, 512);
	assert_int_equal(c[0].size, strlen(t1) + 1);
	assert_int_equal(c[0].seqno, 1);
	assert_string_equal(c[0].vg_name, "vg");
	assert_int_equal(c[0].checksum, lvm_crc(LVM_CRC_SEED, t1, strlen(t1) + 1));
	assert_int_equal(c[1].offset, 1024);
	assert_int_equal(c[1].seqno, 2);
	assert_ptr_equal(mda_newest_copy(c, n), &c[1]);
	assert_null(mda_newest_copy(c, 0));
	free(area);
	pool_destroy(mem);
}

static void test_find_copies_wrapped(void **state)
{
	struct pool *mem = pool_create("t");
	unsigned char *area = calloc(1, FIND_AREA);
	struct mda_text_copy *c;
	const char *t = vg_text(mem, 7, 900);
	size_t n;

	(void)state;
	put_text(area, FIND_AREA - 512, t);
	n = mda_find_copies_buf(area, FIND_AREA, mem, &c);
	assert_int_equal(n, 1);
	assert_int_equal(c[0].offset, FIND_AREA - 512);
	assert_int_equal(c[0].size, strlen(t) + 1);
	assert_string_equal(c[0].text, t);
	assert_int_equal(c[0].seqno, 7);
	free(area);
	pool_destroy(mem);
}

static void test_find_copies_rejects_garbage(void **state)
{
	struct pool *mem = pool_create("t");
	unsigned char *area = calloc(1, FIND_AREA);
	struct mda_text_copy *c;

	(void)state;
	memset(area + 512, 'a', FIND_AREA - 512);	/* no NUL anywhere */
	assert_int_equal(mda_find_copies_buf(area, FIND_AREA, mem, &c), 0);
	memset(area, 0, FIND_AREA);
	memcpy(area + 1024, "vg { not metadata", 17);
	assert_int_equal(mda_find_copies_buf(area, FIND_AREA, mem, &c), 0);
	assert_int_equal(mda_find_copies_buf(area, 600, mem, &c), 0);
	free(area);
	pool_destroy(mem);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crc_vectors),
		cmocka_unit_test(test_crc_table_and_split),
		cmocka_unit_test(test_crc_all_lengths_and_offsets),
		cmocka_unit_test(test_fixture_labels),
		cmocka_unit_test(test_label_variants),
		cmocka_unit_test(test_damaged_labels),
		cmocka_unit_test(test_damaged_label_lists),
		cmocka_unit_test(test_label_read_write_erase),
		cmocka_unit_test(test_label_tiny_device),
		cmocka_unit_test(test_fixture_mda_headers),
		cmocka_unit_test(test_fixture_texts),
		cmocka_unit_test(test_damaged_mda_headers),
		cmocka_unit_test(test_mda_slot1_and_ignored),
		cmocka_unit_test(test_max_text_size),
		cmocka_unit_test(test_next_location_trace),
		cmocka_unit_test(test_next_location_restart),
		cmocka_unit_test(test_write_read_roundtrip),
		cmocka_unit_test(test_read_text_errors),
		cmocka_unit_test(test_write_text_too_big),
		cmocka_unit_test(test_find_copies_in_order),
		cmocka_unit_test(test_find_copies_wrapped),
		cmocka_unit_test(test_find_copies_rejects_garbage),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
