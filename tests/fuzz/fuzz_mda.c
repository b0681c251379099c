/*
 * libFuzzer harness for metadata areas: the input is an mda image (header
 * at offset 0, text buffer behind it) held in a memfd, read through the
 * ordinary device code.  Any header must decode or be refused; a header
 * that decodes must re-encode identically (slot 1 aside, which is dropped
 * when bad); reading slot 0 must never leave the area or the device; and
 * a text written at the next location must read back unchanged.
 *
 * Control bit 0 of the first input byte asks for the header and slot-0
 * checksums to be made valid, which a fuzzer could never forge itself.
 */
// sources: lib/format/crc.c lib/format/mda.c lib/format/text_import.c lib/format/text_export.c lib/metadata/vg.c lib/metadata/names.c lib/metadata/validate.c lib/config/*.c lib/device/dev_io.c lib/misc/*.c
#include "device/device.h"
#include "format/mda.h"
#include "misc/log.h"
#include "misc/pool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Makes the slot-0 text checksum (wrapped or not) and the header checksum valid. */
static void fix_checksums(unsigned char *img, size_t size)
{
	uint64_t area = get_le64(img + 0x20);
	uint64_t off = get_le64(img + 0x28), len = get_le64(img + 0x30);

	if (area <= size && off >= MDA_HEADER_SIZE && off < area && len <= area - MDA_HEADER_SIZE) {
		uint64_t first = len < area - off ? len : area - off;
		uint32_t crc = lvm_crc(LVM_CRC_SEED, img + off, (size_t)first);

		crc = lvm_crc(crc, img + MDA_HEADER_SIZE, (size_t)(len - first));
		put_le32(img + 0x38, crc);
	}
	put_le32(img, lvm_crc(LVM_CRC_SEED, img + 4, MDA_HEADER_SIZE - 4));
}

static void check_header(const unsigned char *img, struct mda_header *h)
{
	unsigned char again[MDA_HEADER_SIZE];
	struct mda_header h2;
	const char *why;

	mda_header_encode(h, again);
	if (mda_header_decode(again, 0, h->size, &h2, &why) ||
	    memcmp(h2.slot, h->slot, sizeof(h->slot)))
		abort();
	/*
	 * Identical fields unless a bad slot 1 was dropped; bytes from 0x58 on
	 * (and so the checksum) are not kept and may differ.
	 */
	if (!memcmp(img + 0x40, again + 0x40, 24) && memcmp(img + 4, again + 4, 0x58 - 4))
		abort();
}

static void check_read(struct device *dev, const struct mda_header *h, struct pool *mem)
{
	char *text;
	size_t len;
	int r = mda_read_text(dev, h, mem, &text, &len);

	if (r == 1 && (strlen(text) != len || len >= h->slot[0].size))
		abort();
	if (r == 0 && h->slot[0].offset && !(h->slot[0].flags & RAW_LOCN_IGNORED))
		abort();
}

/* Writes a text derived from the input at the next location, reads it back. */
static void check_write(struct device *dev, struct mda_header *h, struct pool *mem,
			const uint8_t *data, size_t size, size_t image_size)
{
	uint64_t max = mda_max_text_size(h->size), offset;
	size_t len = size ? data[0] * 61u + size : 0;
	struct raw_locn locn;
	char *text, *got;
	size_t got_len;

	if (h->size > image_size || !max)
		return;
	len %= max;
	text = pool_alloc(mem, len + 1);
	for (size_t i = 0; i < len; i++)
		text[i] = (char)('A' + (size ? data[i % size] : 0) % 26);
	if (mda_next_location(h, len + 1, &offset)) {
		/* only a damaged or oversized old copy may stand in the way */
		if (h->slot[0].size <= max)
			abort();
		return;
	}
	if (offset < MDA_HEADER_SIZE || offset > h->size - MDA_HEADER_SIZE)
		abort();
	if (mda_write_text(dev, h, text, len, &locn) || locn.offset != offset)
		abort();
	h->slot[0] = locn;
	if (mda_read_text(dev, h, mem, &got, &got_len) != 1 || got_len != len ||
	    memcmp(got, text, len))
		abort();
}

static int memfd_device(struct device *dev, const unsigned char *img, size_t size)
{
	int fd = memfd_create("fuzz_mda", 0);

	if (fd < 0)
		return -1;
	if (write(fd, img, size) != (ssize_t)size) {
		close(fd);
		return -1;
	}
	memset(dev, 0, sizeof(*dev));
	dev->path = "fuzz_mda";
	dev->fd = fd;
	dev->open_rw = 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mda_header h;
	struct device dev;
	struct pool *mem;
	unsigned char *img;
	size_t img_size;
	const char *why;

	if (!size || size > (1u << 20))
		return 0;
	log_set_level(LOG_QUIET);
	img_size = size - 1 < MDA_HEADER_SIZE ? MDA_HEADER_SIZE : size - 1;
	img = calloc(1, img_size);
	if (!img)
		return 0;
	memcpy(img, data + 1, size - 1);
	if (data[0] & 1)
		fix_checksums(img, img_size);
	if (mda_header_decode(img, 0, 0, &h, &why) == 0 &&
	    memfd_device(&dev, img, img_size) == 0) {
		mem = pool_create("fuzz_mda");
		check_header(img, &h);
		check_read(&dev, &h, mem);
		check_write(&dev, &h, mem, data, size, img_size);
		pool_destroy(mem);
		dev_close(&dev);
	} else if (!why) {
		abort();
	}
	free(img);
	return 0;
}
