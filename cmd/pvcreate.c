#include <string.h>

#include "cmd/commands.h"
#include "cmd/pvcommon.h"
#include "cmd/toolcontext.h"
#include "device/device.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "misc/pool.h"

int cmd_pvcreate(struct cmd_context *cmd)
{
	struct pv_create_params params;
	struct lvm_scan *scan;
	struct device **devs;
	int i, r = EXIT_OK;

	if (pv_params_from_args(cmd, &params))
		return EXIT_BAD_CMDLINE;
	if (arg_is_set(cmd, OPT_UUID) && cmd->argc > 1) {
		log_error("Can only set uuid on one volume at once");
		return EXIT_BAD_CMDLINE;
	}
	if (arg_is_set(cmd, OPT_UUID) && !arg_is_set(cmd, OPT_RESTOREFILE) &&
	    !arg_is_set(cmd, OPT_NORESTOREFILE)) {
		log_error("--restorefile is required with --uuid");
		return EXIT_BAD_CMDLINE;
	}
	if (arg_is_set(cmd, OPT_RESTOREFILE) && !arg_is_set(cmd, OPT_UUID)) {
		log_error("--uuid is required with --restorefile");
		return EXIT_BAD_CMDLINE;
	}
	if (cmd_lock_global(cmd, 1))
		return EXIT_FAILED;
	scan = cmd_scan(cmd);
	if (!scan)
		return EXIT_FAILED;
	devs = POOL_ARRAY(cmd->mem, struct device *, (size_t)cmd->argc);
	if (pv_lookup_args(cmd, cmd->argc, cmd->argv, devs, NULL))
		r = EXIT_FAILED;
	for (i = 0; i < cmd->argc; i++) {
		struct device *dev = devs[i];

		if (!dev)
			continue;
		if (pv_create_checked(cmd, dev, &params, 1)) {
			r = EXIT_FAILED;
			continue;
		}
		log_print("Physical volume \"%s\" successfully created.", dev->path);
	}
	return r;
}
