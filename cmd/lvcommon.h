/* Helpers shared by the LV commands (lvcreate, lvresize, lvchange, ...). */
#ifndef OPENLVM_LVCOMMON_H
#define OPENLVM_LVCOMMON_H

#include <stdint.h>

#include "metadata/alloc.h"
#include "misc/units.h"

struct cmd_context;

enum size_percent { PCT_NONE, PCT_VG, PCT_FREE, PCT_PVS, PCT_ORIGIN };

/* -L or -l as given; resolved to extents once the VG is known. */
struct lv_size_arg {
	int set;
	enum size_sign sign;
	int in_extents;			/* -l */
	uint64_t value;			/* sectors for -L, extents or percent for -l */
	enum size_percent pct;
};

/* Parses -L/-l (both given is an error).  0 or -1 (a command-line error). */
int lv_size_parse(struct cmd_context *cmd, int allow_sign, struct lv_size_arg *out);
/*
 * Extents the argument stands for (the amount, without applying the sign).
 * pv_extents is the size of the listed PVs for %PVS.  round_up: percentages
 * round up (lvextend) instead of down (lvcreate).  0 or -1.
 */
int lv_size_extents(struct cmd_context *cmd, const struct lv_size_arg *sz,
		    const struct volume_group *vg, uint64_t pv_extents, int round_up,
		    uint64_t *extents);

/* A name for a new or renamed LV, refused with LVM2's message.  0 or -1. */
int lv_new_name_check(const char *vg_name, const char *name);

/* Splits "vg/lv", "/dev/vg/lv" or plain "lv" (with default_vg).  0 or -1. */
int lv_name_arg(struct cmd_context *cmd, const char *arg, const char *default_vg,
		const char **vg_name, const char **lv_name);

/* "8.00 MiB" for a number of extents, as LVM2's messages print sizes. */
const char *lv_size_str(struct cmd_context *cmd, const struct volume_group *vg,
			uint64_t extents);

const char *lv_sectors_str(struct cmd_context *cmd, uint64_t sectors);

/* PV arguments with optional :PE ranges into allocation ranges.  0 or -1. */
int lv_pv_ranges(struct cmd_context *cmd, struct volume_group *vg, char **args, int nargs,
		 struct alloc_request *req);
/* Free extents in the PV list's ranges (what %PVS counts). */
uint64_t lv_ranges_extents(const struct alloc_request *req);

/* -i/-I into req (defaults: the given stripes; 64 KiB).  0 or -1. */
int lv_stripes_from_args(struct cmd_context *cmd, const struct volume_group *vg,
			 uint32_t def_stripes, uint32_t def_stripe_size,
			 struct alloc_request *req);
/* --alloc and -C y|n.  0 or -1. */
int lv_alloc_from_args(struct cmd_context *cmd, enum alloc_policy *out);
/* -r auto|none|N into *out.  0 or -1. */
int lv_readahead_from_args(struct cmd_context *cmd, uint32_t *out);
/* -p r|rw into the status word.  0 or -1. */
int lv_permission_from_args(struct cmd_context *cmd, uint32_t *status);

#endif
