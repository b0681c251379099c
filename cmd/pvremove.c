#include "cmd/commands.h"
#include "cmd/pvcommon.h"
#include "cmd/toolcontext.h"
#include "device/device.h"
#include "format/label.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "misc/pool.h"

static int remove_label(struct cmd_context *cmd, struct device *dev)
{
	struct pv_info *info;

	info = scan_find_dev(cmd->scan, dev);
	if (!info) {
		log_error("No PV found on device %s.", dev->path);
		return -1;
	}
	scan_resolve_members(cmd->scan);
	if (info->vg) {
		if (arg_count(cmd, OPT_FORCE) < 2) {
			log_error("PV %s is used by VG %s so please use vgreduce first.",
				  dev->path, info->vg->name);
			log_error("(If you are certain you need pvremove, then confirm by using --force twice.)");
			return -1;
		}
		if (!cmd_confirm(cmd, "Really WIPE LABELS from physical volume \"%s\" of volume group \"%s\"?",
				 dev->path, info->vg->name)) {
			log_error("%s: physical volume label not removed.", dev->path);
			return -1;
		}
		log_warn("Wiping physical volume label from %s of volume group \"%s\".",
			 dev->path, info->vg->name);
	}
	if (!cmd->test_mode && (label_erase(dev) || dev_flush(dev)))
		return -1;
	scan_forget(cmd->scan, info);
	log_print("Labels on physical volume \"%s\" successfully wiped.", dev->path);
	return 0;
}

int cmd_pvremove(struct cmd_context *cmd)
{
	struct device **devs;
	int i, r = EXIT_OK;

	if (cmd_lock_global(cmd, 1) || !cmd_scan(cmd))
		return EXIT_FAILED;
	devs = POOL_ARRAY(cmd->mem, struct device *, (size_t)cmd->argc);
	if (pv_lookup_args(cmd, cmd->argc, cmd->argv, devs, NULL))
		r = EXIT_FAILED;
	for (i = 0; i < cmd->argc; i++)
		if (devs[i] && remove_label(cmd, devs[i]))
			r = EXIT_FAILED;
	return r;
}
