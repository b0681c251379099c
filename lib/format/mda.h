/*
 * Metadata areas: the header sector and the circular text buffer behind
 * it, and the commit protocol (text first, header last).
 */
#ifndef OPENLVM_MDA_H
#define OPENLVM_MDA_H

#include <stddef.h>

#include "format/ondisk.h"

struct device;
struct pool;

/*
 * Decodes and validates a header sector read from offset `start`.
 * Returns 0 when valid, -1 otherwise with why set (bad checksum, bad
 * magic, wrong version, wrong start, size does not match expected_size
 * when that is nonzero, slot outside the area).
 */
int mda_header_decode(const unsigned char *buf, uint64_t start, uint64_t expected_size,
		      struct mda_header *out, const char **why);
void mda_header_encode(const struct mda_header *hdr, unsigned char *buf);

/* Reads and validates the header of the mda at start.  0 or -1 (warned). */
int mda_header_read(struct device *dev, uint64_t start, uint64_t size, struct mda_header *out);
/* Writes the header and flushes the device; _put leaves the flush to the caller. */
int mda_header_write(struct device *dev, const struct mda_header *hdr);
int mda_header_put(struct device *dev, const struct mda_header *hdr);
/* A fresh header with empty slots. */
void mda_header_init(struct mda_header *hdr, uint64_t start, uint64_t size);

/*
 * Reads the committed text (slot 0) into pool memory, NUL-terminated,
 * verifying its checksum.  Returns 1 with text set, 0 when the slot is
 * empty or ignored, -1 on error (warned, with the device and offset).
 */
int mda_read_text(struct device *dev, const struct mda_header *hdr, struct pool *mem,
		  char **text, size_t *len);
/*
 * The same, in memory of its own (xmalloc_big) that the caller frees with
 * free_big(text, *cap): the scan drops each copy once imported, megabytes
 * at 10,000 LVs, and the report that follows reuses the pages.
 */
int mda_read_text_own(struct device *dev, const struct mda_header *hdr, char **text,
		      size_t *len, size_t *cap);

/* Largest text (including NUL) that fits twice: (size-512)/2 - 512. */
uint64_t mda_max_text_size(uint64_t mda_size);

/*
 * Where the next copy of `size` bytes (including NUL) goes after the
 * current slot 0 (ondisk-format.md 6.2).  Returns 0, or -1 if it does not
 * fit in the area.
 */
int mda_next_location(const struct mda_header *hdr, uint64_t size, uint64_t *offset);

/*
 * Writes text (len bytes, the NUL is added) at the next location, wrapping
 * as needed, fills *locn (offset, size, checksum) and flushes the device.
 * Header untouched.
 */
int mda_write_text(struct device *dev, const struct mda_header *hdr,
		   const char *text, size_t len, struct raw_locn *locn);

/* Zero bytes a padded text buffer holds after the text: the NUL, the padding. */
#define MDA_TEXT_PAD SECTOR_SIZE

/*
 * mda_write_text() without its copy and without the flush (a commit
 * flushes all its PVs together): buf holds len text bytes followed by
 * MDA_TEXT_PAD zero bytes, written in place (the commit's export buffer,
 * megabytes at 10,000 LVs).
 */
int mda_write_padded(struct device *dev, const struct mda_header *hdr,
		     const char *buf, size_t len, struct raw_locn *locn);

/*
 * A metadata text copy found by searching a whole area (pvck --dump
 * metadata_all|metadata_search, pvck --repair): any sector-aligned text
 * in [512, size) whose VG section parses, up to its NUL (wrapping to 512
 * as the writer does).
 */
struct mda_text_copy {
	uint64_t offset;	/* relative to the area start */
	uint64_t size;		/* bytes including the NUL */
	uint32_t checksum;	/* lvm_crc of those bytes */
	uint32_t seqno;
	const char *vg_name;
	char vg_uuid[33];	/* undashed */
	const char *text;	/* NUL-terminated, pool memory */
};

/*
 * Searches an area held in memory (area[0..size), header included) and
 * returns the copies in offset order in *out (pool memory).  Copies never
 * overlap: a hit inside an earlier copy is part of it.  Returns the count.
 */
size_t mda_find_copies_buf(const unsigned char *area, uint64_t size, struct pool *mem,
			   struct mda_text_copy **out);
/* Reads the area at start..start+size of dev and searches it.  Count or -1. */
int mda_find_copies(struct device *dev, uint64_t start, uint64_t size, struct pool *mem,
		    struct mda_text_copy **out);
/* The newest copy (highest seqno, later offset on ties) or NULL. */
const struct mda_text_copy *mda_newest_copy(const struct mda_text_copy *copies, size_t n);

#endif
