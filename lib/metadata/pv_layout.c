#include "metadata/pv_layout.h"

#include <string.h>

#include "device/device.h"
#include "format/label.h"
#include "format/mda.h"
#include "misc/log.h"

void pv_create_defaults(struct pv_create_params *p)
{
	memset(p, 0, sizeof(*p));
	p->label_sector = LABEL_DEFAULT_SECTOR;
	p->mda_copies = 1;
	p->mda_request = DEFAULT_MDA_REQUEST;
	p->data_alignment = DEFAULT_DATA_ALIGNMENT;
}

static uint64_t round_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) / a * a;
}

int pv_layout(const struct pv_create_params *p, const char *devname, struct pv_label *out)
{
	uint64_t align = p->data_alignment, mda0_end, pe_start, ba_start = 0;
	uint64_t mda1_start = 0, data_end;

	memset(out, 0, sizeof(*out));
	out->sector = p->label_sector;
	out->pv_id = p->id;
	out->device_size = p->dev_size;
	out->ext_version = PV_HEADER_EXT_VERSION;
	if (p->mda_copies && p->mda_request < MDA_MIN_SIZE) {
		log_error("Metadata area size on %s must be at least %u KiB.", devname,
			  MDA_MIN_SIZE / 1024);
		return -1;
	}
	mda0_end = p->mda_copies ? round_up(MDA_DEFAULT_START + p->mda_request, align)
				 : round_up(MDA_DEFAULT_START, align);
	pe_start = mda0_end + p->data_alignment_offset;
	if (p->ba_size) {
		ba_start = pe_start;
		pe_start = round_up(ba_start + p->ba_size, align);
		out->has_ba = 1;
		out->ba.offset = ba_start;
		out->ba.size = pe_start - ba_start;
	}
	data_end = p->dev_size;
	if (p->mda_copies >= 2) {
		if (p->dev_size < p->mda_request)
			goto too_small;
		mda1_start = (p->dev_size - p->mda_request) / align * align;
		data_end = mda1_start;
	}
	if (data_end <= pe_start)
		goto too_small;
	out->data_area.offset = pe_start;
	if (p->mda_copies >= 1) {
		out->mdas[0].offset = MDA_DEFAULT_START;
		out->mdas[0].size = pe_start - MDA_DEFAULT_START - (p->ba_size ? out->ba.size : 0);
		out->mda_count = 1;
	}
	if (p->mda_copies >= 2) {
		out->mdas[1].offset = mda1_start;
		out->mdas[1].size = p->dev_size - mda1_start;
		out->mda_count = 2;
	}
	return 0;
too_small:
	log_error("%s: device of %llu bytes is too small for a PV with this layout.", devname,
		  (unsigned long long)p->dev_size);
	return -1;
}

uint32_t pv_layout_extents(const struct pv_label *label, uint64_t dev_size_bytes,
			   uint32_t extent_size)
{
	uint64_t end = dev_size_bytes, start = label->data_area.offset, n;
	unsigned i;

	for (i = 0; i < label->mda_count; i++)
		if (label->mdas[i].offset > start && label->mdas[i].offset < end)
			end = label->mdas[i].offset;
	if (end <= start || !extent_size)
		return 0;
	n = (end - start) / SECTOR_SIZE / extent_size;
	return n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}

/* The first sector of 0..3 holding a valid label, as every reader takes it; -1 if none. */
static int first_label(const unsigned char *scan)
{
	struct pv_label old;
	const char *why;
	unsigned s;

	for (s = 0; s < LABEL_SCAN_SECTORS; s++)
		if (label_decode(scan + s * SECTOR_SIZE, s, &old, &why) > 0)
			return (int)s;
	return -1;
}

/* The label of sector from, unchanged but for its sector field, written to sector to. */
static int move_label(struct device *dev, unsigned char *scan, unsigned from, unsigned to)
{
	unsigned char *sec = scan + to * SECTOR_SIZE;

	memcpy(sec, scan + from * SECTOR_SIZE, SECTOR_SIZE);
	put_le64(sec + 8, to);
	put_le32(sec + 0x10, lvm_crc(LVM_CRC_SEED, sec + LABEL_CRC_START,
				     SECTOR_SIZE - LABEL_CRC_START));
	return dev_write(dev, (uint64_t)to * SECTOR_SIZE, SECTOR_SIZE, sec) || dev_flush(dev);
}

/*
 * A sector a reader could take for a label: even a damaged one, lest a
 * later repair tool resurrect it.
 */
static int looks_like_label(const unsigned char *sec)
{
	return !memcmp(sec, LABEL_ID, sizeof(LABEL_ID) - 1);
}

/*
 * Zeroes sectors 0..3 but keep, lowest first (scan mirrors the disk);
 * with labels_only, just those holding a label (-Zn keeps boot code).
 */
static int clear_others(struct device *dev, unsigned char *scan, unsigned keep,
			int labels_only)
{
	static const unsigned char zero[SECTOR_SIZE];
	unsigned s;

	for (s = 0; s < LABEL_SCAN_SECTORS; s++) {
		unsigned char *sec = scan + s * SECTOR_SIZE;

		if (s == keep || !memcmp(sec, zero, SECTOR_SIZE))
			continue;
		if (labels_only && !looks_like_label(sec))
			continue;
		if (dev_zero(dev, (uint64_t)s * SECTOR_SIZE, SECTOR_SIZE))
			return -1;
		memset(sec, 0, SECTOR_SIZE);
	}
	return dev_flush(dev);
}

/*
 * Order matters for re-creating a PV over an old one.  Readers (LVM2's
 * too) take the first valid label in sectors 0..3 and only note later
 * ones, so a crash must never leave the new label before a stale old one:
 * that reads as the new PV, with a stray label nothing would erase.
 *   - old label before the new sector (or none): write the new label (the
 *     old one still wins), then erase the others;
 *   - old label after it: first copy the old label, unchanged, into the
 *     new sector and erase the others (still the old PV), then overwrite
 *     it with the new label.
 * Each step is one sector, so a crash leaves exactly the old or the new
 * PV, and a re-run of pvcreate heals any leftover.  PV_WRITE_KEEP_SECTORS
 * only narrows "the others" to sectors holding a label: the order holds.
 */
int pv_write_new(struct device *dev, const struct pv_label *label, int flags)
{
	unsigned char scan[LABEL_SCAN_SECTORS * SECTOR_SIZE];
	int labels_only = (flags & PV_WRITE_KEEP_SECTORS) != 0;
	unsigned i;
	int old;

	if (label->sector >= LABEL_SCAN_SECTORS)
		return label_write(dev, label);	/* refuses, with the reason */
	if (dev_read(dev, 0, sizeof(scan), scan))
		return -1;
	old = first_label(scan);
	for (i = 0; i < label->mda_count; i++) {
		struct mda_header hdr;

		mda_header_init(&hdr, label->mdas[i].offset, label->mdas[i].size);
		if (flags & PV_WRITE_MDA_IGNORED)
			hdr.slot[0].flags = RAW_LOCN_IGNORED;
		if (dev_zero(dev, label->mdas[i].offset + MDA_HEADER_SIZE, 4096 - MDA_HEADER_SIZE) ||
		    mda_header_write(dev, &hdr))
			return -1;
	}
	if (dev_flush(dev))
		return -1;
	if (old > (int)label->sector &&
	    (move_label(dev, scan, (unsigned)old, label->sector) ||
	     clear_others(dev, scan, label->sector, labels_only)))
		return -1;
	if (label_write(dev, label) || dev_flush(dev))
		return -1;
	label_encode(label, scan + label->sector * SECTOR_SIZE);
	return clear_others(dev, scan, label->sector, labels_only);
}
