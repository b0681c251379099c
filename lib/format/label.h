/*
 * Reading and writing the label sector and PV header (see ondisk.h).
 */
#ifndef OPENLVM_LABEL_H
#define OPENLVM_LABEL_H

#include "format/ondisk.h"

struct device;

/*
 * Decodes a 512-byte label sector found at sector number `sector`.
 * Returns 1 for a valid LVM2 label, 0 when the sector holds no label, and
 * -1 for a label that is damaged (bad CRC, wrong sector field, impossible
 * offsets); why then says what is wrong.
 */
int label_decode(const unsigned char *buf, uint64_t sector, struct pv_label *out,
		 const char **why);
/* Encodes into a zero-filled 512-byte buffer; computes the CRC last. */
void label_encode(const struct pv_label *label, unsigned char *buf);

/*
 * Examines sectors 0..3 of dev.  Returns 1 and fills out when a valid
 * label is found, 0 when there is none, -1 on an I/O error (reported).
 * Damaged labels are reported as warnings and otherwise ignored.
 */
int label_read(struct device *dev, struct pv_label *out);
/* Writes the label into its sector (label->sector).  0 or -1 (reported). */
int label_write(struct device *dev, const struct pv_label *label);
/* Zeroes the label sector(s) holding a label.  0 or -1. */
int label_erase(struct device *dev);

#endif
