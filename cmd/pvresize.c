#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "device/device.h"
#include "format/label.h"
#include "metadata/metadata.h"
#include "metadata/pv_layout.h"
#include "metadata/scan.h"
#include "misc/log.h"

static int new_size(struct cmd_context *cmd, struct device *dev, uint64_t *bytes)
{
	uint64_t s;

	if (dev_get_size(dev, bytes))
		return -1;
	if (!arg_is_set(cmd, OPT_SETPHYSICALVOLUMESIZE))
		return 0;
	if (arg_size_sectors(cmd, OPT_SETPHYSICALVOLUMESIZE, 'm', 0, &s))
		return -1;
	if (s * 512 > *bytes && !cmd_confirm(cmd, "WARNING: %s: requested size exceeds the device size. Continue?",
					     dev->path)) {
		log_error("%s: requested size exceeds the device size.", dev->path);
		return -1;
	}
	*bytes = s * 512;
	return 0;
}

static int resize_member(struct cmd_context *cmd, struct pv_info *info, uint64_t bytes)
{
	struct volume_group *vg = cmd_read_vg_for_update(cmd, info->vg->name);
	struct physical_volume *pv;
	struct pv_label label = info->label;
	uint32_t count;
	int r = -1;

	if (!vg)
		return -1;
	pv = vg_find_pv_by_dev(vg, info->dev);
	if (!pv)
		goto out;
	label.device_size = bytes;
	count = pv_layout_extents(&label, bytes, vg->extent_size);
	if (count < pv->pe_count) {
		/* Shrinking: the extents beyond the new end must be free. */
		if (vg_pv_extents_used_beyond(vg, pv, count)) {
			log_error("%s: cannot resize to %u extents as later ones are allocated.",
				  info->dev->path, count);
			goto out;
		}
	}
	pv->pe_count = count;
	pv->dev_size = bytes / 512;
	vg_recount(vg);
	if (cmd_commit_vg(cmd, vg))
		goto out;
	if (!cmd->test_mode && label_write(info->dev, &label))
		goto out;
	info->label = label;
	r = 0;
out:
	vg_free(vg);
	return r;
}

int cmd_pvresize(struct cmd_context *cmd)
{
	struct lvm_scan *scan;
	int i, done = 0, failed = 0, bad_arg = 0;

	if (cmd_lock_global(cmd, 1) || !(scan = cmd_scan(cmd)))
		return EXIT_FAILED;
	scan_resolve_members(scan);
	for (i = 0; i < cmd->argc; i++) {
		struct device *dev = cmd_get_device(cmd, cmd->argv[i]);
		struct pv_info *info = dev ? scan_find_dev(scan, dev) : NULL;
		uint64_t bytes;
		int r;

		/* LVM2 leaves a path with no usable device out of the counts */
		if (!dev) {
			bad_arg = 1;
			continue;
		}
		if (!info)
			log_error("Failed to find physical volume \"%s\".", dev->path);
		if (!info || new_size(cmd, dev, &bytes)) {
			failed++;
			continue;
		}
		if (info->vg) {
			r = resize_member(cmd, info, bytes);
		} else {
			struct pv_label label = info->label;

			label.device_size = bytes;
			r = cmd->test_mode ? 0 : label_write(dev, &label);
			if (!r)
				info->label = label;
		}
		if (r) {
			failed++;
			continue;
		}
		log_print("Physical volume \"%s\" changed", dev->path);
		done++;
	}
	log_print("%d physical volume(s) resized or updated / %d physical volume(s) not resized",
		  done, failed);
	return failed || bad_arg ? EXIT_FAILED : EXIT_OK;
}
