/* Helpers shared by the VG commands. */
#ifndef OPENLVM_VGCOMMON_H
#define OPENLVM_VGCOMMON_H

#include <stdint.h>

#include "metadata/metadata.h"

struct cmd_context;
struct volume_group;
struct physical_volume;
struct pv_create_params;
struct strv;

/* NULL if sectors is a valid extent size, else why not. */
const char *extent_size_invalid(uint64_t sectors);
/* --alloc for a VG (inherit refused); leaves *alloc alone if not given. */
int vg_alloc_from_args(struct cmd_context *cmd, enum alloc_policy *alloc);
/* --vgmetadatacopies / --metadatacopies: all|unmanaged|N. 0 or -1. */
int vg_copies_from_args(struct cmd_context *cmd, uint32_t *copies);
/* Applies --addtag/--deltag to tags (names validated). 0 or -1. */
int vg_tags_from_args(struct cmd_context *cmd, struct volume_group *vg, struct strv *tags);
/*
 * Adds the device at path (made a PV first if needed) to vg.  0 or -1.
 */
int vg_add_device(struct cmd_context *cmd, struct volume_group *vg, const char *path,
		  const struct pv_create_params *params);
/*
 * vgcreate and vgextend change nothing unless every path names a usable
 * device: 0, or -1 after reporting each bad path as LVM2 does.
 */
int vg_device_args_usable(struct cmd_context *cmd, int n, char *const *paths);
/* Sets the used flag in the label of every PV of vg (after a commit). */
int vg_mark_pvs_used(struct cmd_context *cmd, struct volume_group *vg);
/*
 * Finds the VG member on the device named by path; reports, in vgreduce's
 * words, when there is no such device or it is not a member.
 */
struct physical_volume *vg_find_pv_arg(struct cmd_context *cmd, struct volume_group *vg,
				       const char *path);
/* The same, silent: other commands word "not a member" their own way. */
struct physical_volume *vg_member_at(struct cmd_context *cmd, struct volume_group *vg,
				     const char *path);

#endif
