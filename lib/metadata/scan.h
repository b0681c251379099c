/*
 * What scanning the devices found: every labelled device (PV), every
 * metadata copy on it, and the VGs those copies describe.  This is the
 * only place metadata areas are read; each is read once per command.
 */
#ifndef OPENLVM_SCAN_H
#define OPENLVM_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <sys/queue.h>

#include "format/ondisk.h"
#include "format/text.h"

struct pool;
struct hash;
struct device;
struct dev_cache;
struct volume_group;
struct physical_volume;

struct mda_copy {
	uint64_t start, size;		/* from the PV header */
	int header_ok;
	struct mda_header hdr;
	int ignored;
	const char *text;		/* committed text, NULL if none/bad; "" once dropped */
	size_t len;
	char *text_buf;			/* own text until dropped (scan_copy_text) */
	size_t text_cap;		/* text_buf's size, for free_big() */
	struct mda_copy *text_next;	/* copies read by the scan, to free their text */
	const char *vg_name;
	struct lvm_id vg_id;
	uint32_t seqno;
};

struct vg_info;

struct pv_info {
	TAILQ_ENTRY(pv_info) list;
	struct device *dev;
	struct pv_label label;
	unsigned mda_count;
	struct mda_copy mdas[MAX_MDAS_PER_PV];
	struct vg_info *vg;		/* VG whose metadata lists this PV */
	int removed;			/* label erased by this command */
};

struct vg_info {
	TAILQ_ENTRY(vg_info) list;
	const char *name;
	struct lvm_id id;
	uint32_t seqno;			/* newest valid copy */
	const struct mda_copy *best;
	struct pv_info *best_pv;
	struct volume_group *vg;	/* imported on demand (read view) */
	int import_failed;
	struct vg_info *superseded_by;	/* older UUID of a VG (vgchange -u crash) */
	struct vg_info *all_next;	/* every vg_info of the scan, for cleanup */
};

TAILQ_HEAD(pv_info_list, pv_info);
TAILQ_HEAD(vg_info_list, vg_info);

struct lvm_scan {
	struct pool *mem;
	struct dev_cache *dc;
	struct pv_info_list pvs;
	struct vg_info_list vgs;
	struct hash *pv_by_id;		/* undashed uuid -> pv_info */
	struct hash *pv_by_dev;		/* device path -> pv_info */
	struct hash *vg_by_id;		/* undashed VG uuid -> vg_info */
	struct vg_info *all_vgs;	/* chain through all_next */
	int members_resolved;		/* every VG imported, pv->vg set */
	struct mda_copy *texts;		/* chain through text_next */
};

/* Reads labels and metadata of every device in dc.  NULL on fatal error. */
struct lvm_scan *lvm_scan(struct pool *mem, struct dev_cache *dc);
/* Frees the hashes and the VGs imported for reading; the pool stays. */
void lvm_scan_destroy(struct lvm_scan *scan);
/* Reads one more device (pvcreate of a file named on the command line). */
struct pv_info *scan_device(struct lvm_scan *scan, struct device *dev);
/* Forgets a device's label (after pvremove or before re-pvcreate). */
void scan_forget(struct lvm_scan *scan, struct pv_info *info);

struct pv_info *scan_find_pv(const struct lvm_scan *scan, const struct lvm_id *id);
struct pv_info *scan_find_dev(const struct lvm_scan *scan, const struct device *dev);
/* NULL if none; reports and sets *ambiguous if two VGs share the name. */
struct vg_info *scan_find_vg(struct lvm_scan *scan, const char *name_or_uuid, int *ambiguous);

/*
 * The text of a copy for import: each copy's text is held only until it
 * is imported (megabytes at 10,000 LVs); a dropped one is read again
 * from the area as last committed.  NULL if that fails (reported).
 */
const char *scan_copy_text(struct lvm_scan *scan, struct pv_info *info,
			   const struct mda_copy *m, size_t *len);
/* Frees a copy's text; m->text stays non-NULL (the copy was valid). */
void scan_drop_text(struct mda_copy *m);

/* Imports every VG so that each pv_info knows its VG (PVs without mdas). */
void scan_resolve_members(struct lvm_scan *scan);

#define VG_READ_FOR_UPDATE 0x1
#define VG_READ_ALLOW_EXPORTED 0x2

/*
 * Imports the newest copy of the VG and attaches devices to its PVs.
 * Returns a VG owned by the caller (vg_free), or NULL (reported).
 */
struct volume_group *vg_read(struct lvm_scan *scan, const char *name, unsigned flags);

/*
 * Commits vg: seqno+1, validate, write the text to every in-use mda
 * (text first, then headers), flush.  Stale or damaged areas of the VG's
 * PVs are rewritten too.  In test mode nothing is written.  0 or -1.
 */
int vg_commit(struct lvm_scan *scan, struct volume_group *vg,
	      const struct text_context *tctx, int test_mode);

/*
 * Clears the committed slot of every mda on the PV (it no longer belongs to
 * a VG) and rewrites its label with the given USED flag.
 */
int pv_orphan(struct lvm_scan *scan, struct pv_info *info, int test_mode);
/* Attaches scanned devices to the VG's PVs; marks the others missing. */
void vg_attach_devices(struct lvm_scan *scan, struct volume_group *vg, int warn);
/* Copies device, label and mda state of info into pv (a VG member). */
void pv_attach_info(struct physical_volume *pv, const struct pv_info *info);

/* Rewrites the label with the PV_EXT_USED flag set or clear. */
int pv_set_used(struct pv_info *info, int used, int test_mode);

#endif
