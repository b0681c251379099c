/*
 * libFuzzer harness for the label sector decoder: any 512 bytes must
 * decode or be refused without reading outside the sector; a label that
 * decodes must encode to a sector that decodes to the same label.  The
 * whole input (up to 2048 bytes) is also scanned as a device's first
 * sectors through label_read().
 *
 * Input: one control byte, then the sector(s).  Control bit 0 asks for the
 * CRCs to be made valid (a fuzzer cannot forge them, and everything behind
 * the CRC check would stay unexplored); bits 1-2 are the sector number the
 * first sector is decoded as.
 */
// sources: lib/format/crc.c lib/format/label.c lib/device/dev_io.c lib/misc/log.c lib/misc/pool.c lib/misc/uuid.c
#include "device/device.h"
#include "format/label.h"
#include "misc/log.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int locn_equal(const struct disk_locn *a, const struct disk_locn *b)
{
	return a->offset == b->offset && a->size == b->size;
}

static int labels_equal(const struct pv_label *a, const struct pv_label *b)
{
	if (a->sector != b->sector || strcmp(a->pv_id.uuid, b->pv_id.uuid) ||
	    a->device_size != b->device_size || !locn_equal(&a->data_area, &b->data_area) ||
	    a->mda_count != b->mda_count || a->ext_version != b->ext_version ||
	    a->ext_flags != b->ext_flags || a->has_ba != b->has_ba || !locn_equal(&a->ba, &b->ba))
		return 0;
	for (unsigned i = 0; i < a->mda_count; i++)
		if (!locn_equal(&a->mdas[i], &b->mdas[i]))
			return 0;
	return 1;
}

static void check_sector(const unsigned char *sec, uint64_t sector)
{
	unsigned char again[SECTOR_SIZE];
	struct pv_label a, b;
	const char *why;
	int r = label_decode(sec, sector, &a, &why);

	if (r < 0 && !why)
		abort();
	if (r != 1)
		return;
	if (a.sector != sector || strlen(a.pv_id.uuid) != ID_LEN || a.mda_count > MAX_MDAS_PER_PV)
		abort();
	label_encode(&a, again);
	if (label_decode(again, sector, &b, &why) != 1 || !labels_equal(&a, &b))
		abort();
}

static void fix_crc(unsigned char *sec)
{
	put_le32(sec + 0x10, lvm_crc(LVM_CRC_SEED, sec + LABEL_CRC_START,
				     SECTOR_SIZE - LABEL_CRC_START));
}

/* label_read() over the input as the start of a device. */
static void check_device(uint8_t *data, size_t size, int fix)
{
	struct device dev;
	struct pv_label l, again;
	const char *why;
	int fd = memfd_create("fuzz_label", 0);

	if (fd < 0)
		return;
	for (size_t at = 0; fix && at + SECTOR_SIZE <= size; at += SECTOR_SIZE)
		fix_crc(data + at);
	if (write(fd, data, size) == (ssize_t)size) {
		memset(&dev, 0, sizeof(dev));
		dev.path = "fuzz_label";
		dev.fd = fd;
		if (label_read(&dev, &l) == 1 &&
		    (l.sector >= LABEL_SCAN_SECTORS || (l.sector + 1) * SECTOR_SIZE > size ||
		     label_decode(data + l.sector * SECTOR_SIZE, l.sector, &again, &why) != 1 ||
		     !labels_equal(&l, &again)))
			abort();
		dev_close(&dev);	/* also frees the cached head */
		return;
	}
	close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char dev[LABEL_SCAN_SECTORS * SECTOR_SIZE] = { 0 };
	unsigned char sec[SECTOR_SIZE];
	unsigned control;

	if (!size)
		return 0;
	log_set_level(LOG_QUIET);
	control = data[0];
	data++;
	size--;
	if (size > sizeof(dev))
		size = sizeof(dev);
	memcpy(dev, data, size);
	memcpy(sec, dev, SECTOR_SIZE);
	if (control & 1)
		fix_crc(sec);
	check_sector(sec, (control >> 1) & 3);
	check_device(dev, size, control & 1);
	return 0;
}
