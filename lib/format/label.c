/*
 * The label sector and the PV header behind it (ondisk-format.md 3-4).
 *
 * Everything read from disk is bounds-checked against the 512-byte sector
 * before it is used: a damaged or hostile label is reported, never trusted.
 */
#include "format/label.h"

#include <string.h>

#include "device/device.h"
#include "misc/log.h"

#define LABEL_SCAN_BYTES (LABEL_SCAN_SECTORS * SECTOR_SIZE)
/* uuid + device_size: the fixed part of the PV header */
#define PV_HEADER_FIXED (ID_LEN + 8)
#define PV_EXT_FIXED 8

/* A cursor over the PV header that refuses to run past the sector. */
struct cursor {
	const unsigned char *buf;
	size_t pos;
};

/*
 * Reads one disk_locn list.  Keeps up to max entries in out (the rest are
 * only bounds-checked) and returns how many entries the list holds, or -1
 * when the list or its terminator does not fit in the sector.
 */
static int read_locn_list(struct cursor *c, struct disk_locn *out, unsigned max)
{
	int n = 0;

	for (;;) {
		uint64_t offset;

		if (c->pos > SECTOR_SIZE - DISK_LOCN_SIZE)
			return -1;
		offset = get_le64(c->buf + c->pos);
		if (offset && (unsigned)n < max) {
			out[n].offset = offset;
			out[n].size = get_le64(c->buf + c->pos + 8);
		}
		c->pos += DISK_LOCN_SIZE;
		if (!offset)
			return n;
		n++;
	}
}

static int label_header_check(const unsigned char *buf, uint64_t sector, const char **why)
{
	uint32_t offset;

	if (get_le64(buf + 8) != sector) {
		*why = "sector field does not match the sector it was found in";
		return -1;
	}
	if (lvm_crc(LVM_CRC_SEED, buf + LABEL_CRC_START, SECTOR_SIZE - LABEL_CRC_START) !=
	    get_le32(buf + 0x10)) {
		*why = "checksum mismatch";
		return -1;
	}
	if (memcmp(buf + 0x18, LABEL_TYPE, 8)) {
		*why = "unknown label type";
		return -1;
	}
	offset = get_le32(buf + 0x14);
	if (offset < LABEL_HEADER_SIZE || offset > SECTOR_SIZE - PV_HEADER_FIXED) {
		*why = "PV header offset out of range";
		return -1;
	}
	return 0;
}

static int decode_uuid(const unsigned char *p, struct lvm_id *id, const char **why)
{
	for (int i = 0; i < ID_LEN; i++) {
		if (!id_valid_char(p[i])) {
			*why = "invalid character in PV UUID";
			return -1;
		}
		id->uuid[i] = (char)p[i];
	}
	id->uuid[ID_LEN] = '\0';
	return 0;
}

/* The extension is optional: old labels end after the mda list. */
static int decode_extension(struct cursor *c, struct pv_label *out, const char **why)
{
	int n;

	if (c->pos > SECTOR_SIZE - PV_EXT_FIXED)
		return 0;
	out->ext_version = get_le32(c->buf + c->pos);
	if (!out->ext_version)
		return 0;
	out->ext_flags = get_le32(c->buf + c->pos + 4);
	c->pos += PV_EXT_FIXED;
	n = read_locn_list(c, &out->ba, 1);
	if (n < 0) {
		*why = "bootloader area list runs past the end of the sector";
		return -1;
	}
	out->has_ba = n > 0;
	return 0;
}

int label_decode(const unsigned char *buf, uint64_t sector, struct pv_label *out,
		 const char **why)
{
	struct cursor c = { buf, 0 };
	int n;

	memset(out, 0, sizeof(*out));
	*why = NULL;
	if (memcmp(buf, LABEL_ID, 8))
		return 0;
	if (label_header_check(buf, sector, why))
		return -1;
	out->sector = sector;
	c.pos = get_le32(buf + 0x14);
	if (decode_uuid(buf + c.pos, &out->pv_id, why))
		return -1;
	out->device_size = get_le64(buf + c.pos + ID_LEN);
	c.pos += PV_HEADER_FIXED;
	if (read_locn_list(&c, &out->data_area, 1) < 0) {
		*why = "data area list runs past the end of the sector";
		return -1;
	}
	n = read_locn_list(&c, out->mdas, MAX_MDAS_PER_PV);
	if (n < 0) {
		*why = "metadata area list runs past the end of the sector";
		return -1;
	}
	if (n > MAX_MDAS_PER_PV) {
		*why = "more than two metadata areas";
		return -1;
	}
	out->mda_count = (unsigned)n;
	if (decode_extension(&c, out, why))
		return -1;
	return 1;
}

static size_t put_locn(unsigned char *buf, size_t pos, const struct disk_locn *l)
{
	put_le64(buf + pos, l->offset);
	put_le64(buf + pos + 8, l->size);
	return pos + DISK_LOCN_SIZE;
}

/* Lists end with an all-zero entry, already there in the zeroed buffer. */
void label_encode(const struct pv_label *label, unsigned char *buf)
{
	size_t pos = LABEL_HEADER_SIZE;

	memset(buf, 0, SECTOR_SIZE);
	memcpy(buf, LABEL_ID, 8);
	put_le64(buf + 8, label->sector);
	put_le32(buf + 0x14, LABEL_HEADER_SIZE);
	memcpy(buf + 0x18, LABEL_TYPE, 8);
	memcpy(buf + pos, label->pv_id.uuid, ID_LEN);
	put_le64(buf + pos + ID_LEN, label->device_size);
	pos += PV_HEADER_FIXED;
	if (label->data_area.offset)
		pos = put_locn(buf, pos, &label->data_area);
	pos += DISK_LOCN_SIZE;
	for (unsigned i = 0; i < label->mda_count && i < MAX_MDAS_PER_PV; i++)
		pos = put_locn(buf, pos, &label->mdas[i]);
	pos += DISK_LOCN_SIZE;
	if (label->ext_version) {
		put_le32(buf + pos, label->ext_version);
		put_le32(buf + pos + 4, label->ext_flags);
		pos += PV_EXT_FIXED;
		if (label->has_ba && label->ba.offset)
			put_locn(buf, pos, &label->ba);
	}
	put_le32(buf + 0x10, lvm_crc(LVM_CRC_SEED, buf + LABEL_CRC_START,
				     SECTOR_SIZE - LABEL_CRC_START));
}

/*
 * Reads as much of sectors 0..3 as the device has; returns the number of
 * whole sectors read, or -1.
 */
static int read_scan_area(struct device *dev, unsigned char *buf)
{
	uint64_t size;
	size_t len = LABEL_SCAN_BYTES;

	if (dev_get_size(dev, &size))
		return -1;
	if (size < len)
		len = (size_t)size / SECTOR_SIZE * SECTOR_SIZE;
	if (len && dev_read(dev, 0, len, buf))
		return -1;
	return (int)(len / SECTOR_SIZE);
}

static void warn_damaged(struct device *dev, const unsigned char *buf, unsigned sector,
			 const char *why)
{
	uint64_t claimed = get_le64(buf + 8);

	if (claimed != sector)
		log_warn("%s: Label for sector %llu found at sector %u - ignoring", dev->path,
			 (unsigned long long)claimed, sector);
	else
		log_warn("%s: Ignoring damaged label in sector %u: %s", dev->path, sector, why);
}

int label_read(struct device *dev, struct pv_label *out)
{
	unsigned char buf[LABEL_SCAN_BYTES];
	struct pv_label candidate;
	int sectors = read_scan_area(dev, buf);
	int found = 0;

	if (sectors < 0)
		return -1;
	for (int s = 0; s < sectors; s++) {
		const unsigned char *sec = buf + (size_t)s * SECTOR_SIZE;
		const char *why;
		int r = label_decode(sec, (uint64_t)s, &candidate, &why);

		if (r < 0) {
			warn_damaged(dev, sec, (unsigned)s, why);
		} else if (r > 0 && found) {
			log_warn("%s: Ignoring additional label in sector %d (using sector %llu)",
				 dev->path, s, (unsigned long long)out->sector);
		} else if (r > 0) {
			*out = candidate;
			found = 1;
		}
	}
	return found;
}

int label_write(struct device *dev, const struct pv_label *label)
{
	unsigned char buf[SECTOR_SIZE];

	if (label->sector >= LABEL_SCAN_SECTORS) {
		log_error("%s: Label sector %llu is not among sectors 0-3", dev->path,
			  (unsigned long long)label->sector);
		return -1;
	}
	label_encode(label, buf);
	if (dev_write(dev, label->sector * SECTOR_SIZE, SECTOR_SIZE, buf))
		return -1;
	return dev_flush(dev);
}

int label_erase(struct device *dev)
{
	unsigned char buf[LABEL_SCAN_BYTES];
	int sectors = read_scan_area(dev, buf);
	int wrote = 0;

	if (sectors < 0)
		return -1;
	for (int s = 0; s < sectors; s++) {
		if (memcmp(buf + (size_t)s * SECTOR_SIZE, LABEL_ID, 8))
			continue;
		if (dev_zero(dev, (uint64_t)s * SECTOR_SIZE, SECTOR_SIZE))
			return -1;
		wrote = 1;
	}
	return wrote ? dev_flush(dev) : 0;
}
