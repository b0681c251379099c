/*
 * Every binary structure LVM2 keeps on a PV, with its byte layout.
 * (Specification: shared/docs/ondisk-format.md; all integers little-endian,
 * offsets in bytes unless said otherwise, a sector is always 512 bytes.)
 *
 * Structures are never overlaid on disk buffers: they are decoded and
 * encoded field by field so that alignment and endianness cannot bite.
 */
#ifndef OPENLVM_ONDISK_H
#define OPENLVM_ONDISK_H

#include <stddef.h>
#include <stdint.h>

#include "misc/uuid.h"

#define SECTOR_SIZE 512u
#define SECTOR_SHIFT 9

/* ---- Label sector (one of sectors 0..3; sector 1 by default) ----------
 *
 *  off  size  field
 *  0x00    8  id        "LABELONE"
 *  0x08    8  sector    u64, the sector this label sits in
 *  0x10    4  crc       u32, lvm_crc of bytes 0x14..0x1FF
 *  0x14    4  offset    u32, offset of the PV header in this sector (32)
 *  0x18    8  type      "LVM2 001"
 *  0x20  ...  PV header (below), then zeros to the end of the sector
 */
#define LABEL_ID "LABELONE"
#define LABEL_TYPE "LVM2 001"
#define LABEL_SCAN_SECTORS 4
#define LABEL_DEFAULT_SECTOR 1
#define LABEL_HEADER_SIZE 32
#define LABEL_CRC_START 0x14

/* ---- PV header, at label offset 0x20 ----------------------------------
 *
 *  +0x00  32  pv_uuid      ASCII, undashed, no NUL
 *  +0x20   8  device_size  u64 bytes
 *  +0x28      data areas   disk_locn list {u64 offset, u64 size}, zero-terminated
 *             (LVM writes one: offset = pe_start bytes, size = 0)
 *             metadata areas, disk_locn list, zero-terminated (0..2 entries)
 *             extension:   u32 version (2), u32 flags (bit 0 = USED),
 *                          bootloader areas disk_locn list, zero-terminated
 * A list ends at the first entry whose offset is 0.
 */
#define PV_HEADER_EXT_VERSION 2
#define PV_EXT_USED 0x1u
#define DISK_LOCN_SIZE 16
#define MAX_MDAS_PER_PV 2

struct disk_locn {
	uint64_t offset;
	uint64_t size;
};

struct pv_label {
	uint64_t sector;		/* where the label was found / goes */
	struct lvm_id pv_id;
	uint64_t device_size;		/* bytes */
	struct disk_locn data_area;	/* offset = pe_start in bytes */
	unsigned mda_count;
	struct disk_locn mdas[MAX_MDAS_PER_PV];
	uint32_t ext_version;		/* 0 = no extension present */
	uint32_t ext_flags;
	int has_ba;
	struct disk_locn ba;		/* bootloader area */
};

/* ---- Metadata area header: first 512 bytes of each mda -----------------
 *
 *  off  size  field
 *  0x00    4  checksum   u32, lvm_crc of bytes 0x04..0x1FF
 *  0x04   16  magic      " LVM2 x[5A%r0N*>"
 *  0x14    4  version    u32 = 1
 *  0x18    8  start      u64, absolute offset of this header
 *  0x20    8  size       u64, whole mda incl. this header
 *  0x28   24  raw_locn[0] committed text
 *  0x40   24  raw_locn[1] precommitted text
 *  0x58   24  raw_locn[2] zero terminator
 *
 * raw_locn: u64 offset (relative to mda start, >= 512; 0 = none),
 *           u64 size (text bytes including the trailing NUL),
 *           u32 checksum (lvm_crc of those size bytes), u32 flags.
 */
#define MDA_HEADER_SIZE 512u
#define MDA_MAGIC " LVM2 x[5A%r0N*>"
#define MDA_MAGIC_LEN 16
#define MDA_VERSION 1
#define RAW_LOCN_IGNORED 0x1u
#define MDA_MIN_SIZE (32u * 1024)
#define MDA_DEFAULT_START 4096u

struct raw_locn {
	uint64_t offset;
	uint64_t size;
	uint32_t checksum;
	uint32_t flags;
};

struct mda_header {
	uint32_t checksum;
	uint32_t version;
	uint64_t start;
	uint64_t size;
	struct raw_locn slot[2];	/* [0] committed, [1] precommitted */
};

/* LVM2's CRC: reflected 0xEDB88320, seed 0xF597A6CF, no final xor. */
#define LVM_CRC_SEED 0xF597A6CFu
uint32_t lvm_crc(uint32_t crc, const void *buf, size_t len);

/* ---- Little-endian accessors ------------------------------------------ */
static inline uint32_t get_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static inline uint64_t get_le64(const unsigned char *p)
{
	return (uint64_t)get_le32(p) | (uint64_t)get_le32(p + 4) << 32;
}

static inline void put_le32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static inline void put_le64(unsigned char *p, uint64_t v)
{
	put_le32(p, (uint32_t)v);
	put_le32(p + 4, (uint32_t)(v >> 32));
}

#endif
