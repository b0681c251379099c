/*
 * Where pvcreate puts the label, the metadata areas and the first extent,
 * reproducing LVM2's geometry (ondisk-format.md section 8).
 */
#ifndef OPENLVM_PV_LAYOUT_H
#define OPENLVM_PV_LAYOUT_H

#include <stdint.h>

#include "format/ondisk.h"

struct device;

#define DEFAULT_MDA_REQUEST (1024u * 1024 - 4096)	/* bytes */
#define DEFAULT_DATA_ALIGNMENT (1024u * 1024)		/* bytes */

struct pv_create_params {
	uint64_t label_sector;		/* 0..3 */
	unsigned mda_copies;		/* 0, 1 or 2 */
	uint64_t mda_request;		/* bytes */
	uint64_t data_alignment;	/* bytes, > 0 */
	uint64_t data_alignment_offset;	/* bytes */
	uint64_t ba_size;		/* bytes, 0 = no bootloader area */
	uint64_t dev_size;		/* bytes */
	int metadata_ignore;
	struct lvm_id id;
};

void pv_create_defaults(struct pv_create_params *p);

/* Computes the label for a new PV; reports and returns -1 if it does not fit. */
int pv_layout(const struct pv_create_params *p, const char *devname, struct pv_label *out);

/* Extents that fit in the data area for a given extent size (sectors). */
uint32_t pv_layout_extents(const struct pv_label *label, uint64_t dev_size_bytes,
			   uint32_t extent_size);

/* Flags of pv_write_new(). */
#define PV_WRITE_MDA_IGNORED	1	/* mark the mdas ignored (--metadataignore y) */
#define PV_WRITE_KEEP_SECTORS	2	/* pvcreate -Zn: of sectors 0..3, erase only old labels */

/*
 * Writes a new orphan PV: zeroes the label sectors and the mda header
 * sectors, writes empty mda headers, and writes the label last.
 */
int pv_write_new(struct device *dev, const struct pv_label *label, int flags);

#endif
