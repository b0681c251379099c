/*
 * Activation for the commands: LVs in, device-mapper devices out.
 *
 * One `struct activation` per command (act_begin ... act_end) holds the
 * lvm.conf activation settings, whether device-mapper is there (checked
 * once), and the loop devices attached for image-file PVs, which stay
 * open until act_end so they cannot autoclear before dm holds them.
 * With --test every change is printed (the tables that would be loaded)
 * instead of made.
 */
#ifndef OPENLVM_ACTIVATION_H
#define OPENLVM_ACTIVATION_H

struct cmd_context;
struct logical_volume;
struct volume_group;
struct lv_state_info;
struct activation;
struct kdm_info;

struct activation *act_begin(struct cmd_context *cmd);
void act_end(struct activation *a);

/* --driverloaded n: no device-mapper interaction at all. */
int act_disabled(const struct activation *a);
/* Whether device-mapper can be used; logs why not (naming the module) once. */
int act_usable(struct activation *a);
/* The reason device-mapper cannot be used, for warnings; NULL if it can. */
const char *act_unusable_reason(struct activation *a);

/* The LV's device as the kernel has it; exists = 0 without dm. 0 or -1. */
int act_lv_info(struct activation *a, const struct logical_volume *lv, struct kdm_info *out);
int act_lv_is_active(struct activation *a, const struct logical_volume *lv);

/* Creates (or completes) the LV's device.  0 or -1. */
int act_activate(struct activation *a, const struct logical_volume *lv);
/* Removes the device; refuses an open LV ("in use").  0 or -1. */
int act_deactivate(struct activation *a, const struct logical_volume *lv);
/* Live table swap (load, suspend, resume) when the LV is active. */
int act_reload(struct activation *a, const struct logical_volume *lv);
/* Renames an active LV's device; lv already carries the new name. */
int act_rename(struct activation *a, const struct logical_volume *lv, const char *old_name);
/* Recreates /dev/mapper and /dev/VG/LV nodes of an active LV, drops stale ones. */
int act_mknodes(struct activation *a, const struct logical_volume *lv);

/* "/dev/mapper/vg-lv" of an LV (for zeroing, file systems). */
const char *act_lv_dev_path(struct activation *a, const struct logical_volume *lv);
/* Zeroes the first 4 KiB and/or wipes signatures of a new, active LV. */
int act_wipe_new_lv(struct activation *a, const struct logical_volume *lv, int zero, int wipe);

/* The command's shared activation for state queries; ended at teardown. */
struct activation *cmd_activation(struct cmd_context *cmd);

/* For struct report_opts.lv_state: arg is the struct activation. */
int act_report_state(const struct logical_volume *lv, void *arg, struct lv_state_info *out);



/* -a|--activate values: y ey ly sy / n en ln sn / ay. */
enum act_mode { ACT_NONE, ACT_YES, ACT_NO, ACT_AUTO };
/* 0, or -1 after naming the bad value. */
int act_parse_mode(const char *s, enum act_mode *out);
/* Whether -ay/-aay applies to lv (activation skip, autoactivation flags). */
int act_wanted(struct activation *a, const struct logical_volume *lv, enum act_mode mode);
/*
 * vgchange -a: every LV of vg up or down, then LVM2's "N logical
 * volume(s) in volume group ... now active".  -an refuses, changing
 * nothing, while any LV is open.  0 or -1.
 */
int act_vg(struct activation *a, struct volume_group *vg, enum act_mode mode);
/* Every LV of vg down, without the summary line (vgremove).  0 or -1. */
int act_vg_deactivate_quiet(struct activation *a, struct volume_group *vg);

#endif
