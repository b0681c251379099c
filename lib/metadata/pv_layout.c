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

/*
 * Order matters for re-creating a PV over an old one: the new label is
 * written as a single sector before the old label (if it sat in another
 * sector) is erased, so a crash leaves either the old PV or the new one.
 * Readers take the first valid label in sectors 0..3, so a leftover old
 * label in an earlier sector still reads as the old PV until erased.
 */
int pv_write_new(struct device *dev, const struct pv_label *label, int metadata_ignore)
{
	unsigned i;

	for (i = 0; i < label->mda_count; i++) {
		struct mda_header hdr;

		mda_header_init(&hdr, label->mdas[i].offset, label->mdas[i].size);
		if (metadata_ignore)
			hdr.slot[0].flags = RAW_LOCN_IGNORED;
		if (dev_zero(dev, label->mdas[i].offset + MDA_HEADER_SIZE, 4096 - MDA_HEADER_SIZE) ||
		    mda_header_write(dev, &hdr))
			return -1;
	}
	if (dev_flush(dev) || label_write(dev, label) || dev_flush(dev))
		return -1;
	for (i = 0; i < LABEL_SCAN_SECTORS; i++)
		if (i != label->sector && dev_zero(dev, (uint64_t)i * SECTOR_SIZE, SECTOR_SIZE))
			return -1;
	return dev_flush(dev);
}
