/*
 * lvresize -r: the file system on an active LV follows the LV.  ext2/3/4
 * (e2fsck -f -p, resize2fs) shrink before the LV and grow after it; XFS
 * grows (xfs_growfs, mounted) and never shrinks.
 */
#ifndef OPENLVM_FSRESIZE_H
#define OPENLVM_FSRESIZE_H

#include <stdint.h>

struct cmd_context;
struct activation;
struct logical_volume;

struct fs_state {
	const char *type;	/* "ext4", "xfs", ... or NULL: no file system */
	const char *dev_path;	/* /dev/mapper/... */
	const char *mountpoint;	/* NULL when not mounted */
};

/* Finds the LV's file system; refuses an inactive LV.  0 or -1. */
int fs_probe(struct cmd_context *cmd, struct activation *a, const struct logical_volume *lv,
	     struct fs_state *fs);
/* Whether the change can be done at all (refusals before anything is written). */
int fs_check(const struct fs_state *fs, const struct logical_volume *lv, int shrink);
/* Shrinks the file system to new_sectors before the LV shrinks.  0 or -1. */
int fs_shrink(struct cmd_context *cmd, const struct fs_state *fs, uint64_t new_sectors);
/* Grows the file system to fill the LV after the LV grew.  0 or -1. */
int fs_grow(struct cmd_context *cmd, const struct fs_state *fs);

#endif
