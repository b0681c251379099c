/*
 * Activation: LVs as kernel device-mapper devices.
 *
 * Three layers, each usable on its own:
 *  - names and tables (dm_names.c, dm_table.c): pure functions from the
 *    model to the strings device-mapper is given, equal to LVM2's;
 *  - kernel calls (dm_ops.c, dm_nodes.c): create, load, suspend, resume,
 *    remove, rename and query devices through libdevmapper (dlopen'ed by
 *    dm_lib.c once kdm_present() finds the driver), or with raw ioctls
 *    (dm_raw.c, dm_list.c) where many devices are handled at once, and
 *    keep the /dev/mapper nodes and /dev/VG/LV links when udev does not;
 *  - loop devices (loopdev.c) for PVs that are image files.
 *
 * Everything here names its failures itself (log_error) and returns -1.
 */
#ifndef OPENLVM_ACTIVATE_H
#define OPENLVM_ACTIVATE_H

#include <stddef.h>
#include <stdint.h>

struct hash;
struct pool;
struct lvm_id;
struct logical_volume;
struct physical_volume;

/* ---- names (dm_names.c) ---- */

/*
 * "vg-lv" with every '-' of both names doubled; with a layer,
 * "vg-lv-layer" ("vg-lv_layer" when the layer starts with '_').
 */
char *lvdm_name(struct pool *mem, const char *vg, const char *lv, const char *layer);
/* "LVM-" + VG UUID + LV UUID (undashed), plus "-suffix" if given. */
char *lvdm_uuid(struct pool *mem, const struct lvm_id *vg_id, const struct lvm_id *lv_id,
		const char *suffix);

/* ---- tables (dm_table.c) ---- */

struct dm_line {
	uint64_t start, len;	/* sectors */
	const char *target;	/* "linear", "striped", "zero", "error" */
	const char *params;	/* "" for zero and error */
};

struct dm_table {
	struct dm_line *lines;
	unsigned count;
};

/*
 * Where a PV's data is for the kernel: "major:minor" (or, for --test, any
 * placeholder text).  NULL after naming the PV that has no usable device.
 */
typedef const char *(*lvdm_pv_devno_fn)(const struct physical_volume *pv, void *arg);

struct lvdm_table_opts {
	lvdm_pv_devno_fn pv_devno;
	void *arg;
	int use_linear_target;	/* activation/use_linear_target, default 1 */
};

/*
 * One line per segment: linear, striped, zero or error.  Other segment
 * types and LV-backed areas are refused, naming the LV and the type.
 */
int lvdm_table(struct pool *mem, const struct logical_volume *lv,
	       const struct lvdm_table_opts *o, struct dm_table *out);
/* The table as `dmsetup table` prints it, one line per target. */
char *lvdm_table_text(struct pool *mem, const struct dm_table *t);
/* The kernel module providing a target ("dm-zero"...); NULL if unknown. */
const char *lvdm_target_module(const char *target);

/* ---- kernel device-mapper (dm_ops.c, dm_nodes.c) ---- */

/* How device nodes are kept; the activation section of lvm.conf. */
struct kdm_policy {
	int udev_sync;		/* activation/udev_sync */
	int udev_rules;		/* activation/udev_rules */
	int verify_udev;	/* activation/verify_udev_operations */
	const char *dev_dir;	/* "/dev" */
};

struct kdm_info {
	int exists;
	int suspended, live_table, inactive_table, read_only;
	int32_t open_count;
	uint32_t major, minor;
	char name[128];
};

/*
 * Whether the kernel has device-mapper; creates dev_dir/mapper/control
 * when the driver is there but the node is not.  why (may be NULL)
 * receives the reason when it is not, for the caller's message.
 */
int kdm_present(const char *dev_dir, const char **why);
/* Checks the kernel has every target of t; names the module to load. */
int kdm_targets_present(const struct dm_table *t);
/* By dm UUID.  0 (out->exists tells) or -1 (the query failed). */
int kdm_info_by_uuid(const char *uuid, struct kdm_info *out);
/* A device as DM_LIST_DEVICES names it (dm_list.c). */
struct kdm_device {
	const char *name, *uuid;	/* uuid NULL: the device has none */
	uint32_t major, minor;
};
struct kdm_devices {
	struct hash *by_uuid;	/* dm UUID -> struct kdm_device */
	struct hash *by_name;	/* dm name -> struct kdm_device */
};
/*
 * Every dm device, in one ioctl: 0 with both hashes of *out filled (the
 * devices in mem; kdm_devices_free them), 1 (hashes NULL) when the kernel
 * does not list UUIDs (before ioctl 4.45, Linux 5.14), -1 after an error.
 */
int kdm_list_devices(const char *dev_dir, struct pool *mem, struct kdm_devices *out);
void kdm_devices_free(struct kdm_devices *d);
/*
 * The records of a DM_LIST_DEVICES reply (len bytes from data_start) into
 * out's hashes: 0, 1 when a record says nothing of its UUID, -1 if malformed.
 */
int kdm_name_list_parse(struct pool *mem, const void *data, size_t len, struct kdm_devices *out);
/* Creates, loads and resumes a device; fills *out.  vg/lv name the /dev/VG/LV link (lv NULL: none). */
int kdm_create(const struct kdm_policy *p, const char *name, const char *uuid,
	       const struct dm_table *t, int read_only, const char *vg, const char *lv,
	       struct kdm_info *out);
/* Loads t into the inactive slot, suspends, resumes (the live swap). */
int kdm_reload(const struct kdm_policy *p, const char *name, const struct dm_table *t,
	       int read_only);
/* Removes the device and its nodes; refuses while open. */
int kdm_remove(const struct kdm_policy *p, const char *name, const char *vg, const char *lv);
/* One device for kdm_remove_all; vg/lv name the /dev/VG/LV link (lv NULL: none). */
struct kdm_removal {
	const char *name, *vg, *lv;
	int failed;		/* out: still there (logged) */
	int err;		/* errno of the concurrent attempt */
};
/* kdm_remove of many devices, several at once when udev is not synced with. */
int kdm_remove_all(const struct kdm_policy *p, struct kdm_removal *items, unsigned n);
/* One device for kdm_create_all; vg/lv name the /dev/VG/LV link (lv NULL: none). */
struct kdm_creation {
	const char *name, *uuid, *vg, *lv;
	const struct dm_table *table;
	int read_only;
	int failed;		/* out: not created (logged) */
	int err;		/* errno of the concurrent attempt */
	struct kdm_info info;	/* out: the device number */
};
/* kdm_create of many devices, several at once when udev is not synced with. */
int kdm_create_all(const struct kdm_policy *p, struct kdm_creation *items, unsigned n);
int kdm_rename(const struct kdm_policy *p, const char *old_name, const char *new_name,
	       const char *vg, const char *old_lv, const char *new_lv);
/* Frees libdevmapper's per-process state; call once at the end of a command. */
void kdm_release(void);

/* Node upkeep without udev (dm_nodes.c).  0 or -1. */
int kdm_node_add(const char *dev_dir, const char *name, uint32_t major, uint32_t minor,
		 const char *vg, const char *lv);
int kdm_node_del(const char *dev_dir, const char *name, const char *vg, const char *lv);

/* ---- loop devices for image-file PVs (loopdev.c) ---- */

struct loopdev {
	int fd;			/* held open until the table is loaded: autoclear */
	uint32_t major, minor;
	char path[64];
};

/*
 * The loop device already backing file, if any (0, found set), else a new
 * one attached with autoclear, so it goes away with its last user.
 */
int loopdev_attach(const char *file, int read_only, struct loopdev *out);
/* Finds the loop device backing file; 1 found, 0 none, -1 error. */
int loopdev_find(const char *file, struct loopdev *out);
/* Closes our descriptor; the kernel detaches once nothing else holds it. */
void loopdev_release(struct loopdev *l);
/* Detaches now (LOOP_CLR_FD); -1 if busy. */
int loopdev_detach(const char *path);

#endif
