/* PV creation shared by pvcreate, vgcreate and vgextend. */
#ifndef OPENLVM_PVCOMMON_H
#define OPENLVM_PVCOMMON_H

#include "metadata/pv_layout.h"

struct cmd_context;
struct device;
struct pv_info;

/* Fills params from the pvcreate options of the command line. 0 or -1. */
int pv_params_from_args(struct cmd_context *cmd, struct pv_create_params *p);

/*
 * Makes dev an orphan PV after the checks pvcreate does (not in a VG unless
 * -ff, no foreign signature unless wiped with -y/-f, big enough).
 * explicit_pvcreate: the user asked for pvcreate (vs. vgcreate doing it
 * implicitly).  Returns 0 or -1 (reported); the scan knows the new PV.
 */
int pv_create_checked(struct cmd_context *cmd, struct device *dev,
		      const struct pv_create_params *params, int explicit_pvcreate);

/*
 * For vgcreate/vgextend: returns the orphan PV on dev, creating it first
 * when dev is not a PV yet.  NULL (reported) if dev is in a VG.
 */
struct pv_info *pv_get_orphan(struct cmd_context *cmd, const char *path,
			      const struct pv_create_params *params);

/*
 * Finds the devices paths name for pvcreate, pvremove, vgcreate, vgextend,
 * reporting as LVM2 does: every path with no device first ("No device
 * found for X."), then those a filter or --devices rejects.  devs[i] is
 * NULL for a bad path.  Returns how many were bad; *existing (if not
 * NULL) counts the paths that name a device at all, accepted or not.
 */
int pv_lookup_args(struct cmd_context *cmd, int n, char *const *paths, struct device **devs,
		   int *existing);

#endif
