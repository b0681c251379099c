/* vgmknodes: recreate /dev/mapper and /dev/VG/LV nodes of active LVs, drop stale ones. */
#include <string.h>

#include "cmd/activation.h"
#include "cmd/command.h"
#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "misc/pool.h"

static int cmd_vgmknodes(struct cmd_context *cmd);

const struct command_def cmddef_vgmknodes = {
	"vgmknodes", cmd_vgmknodes, "Create the special files for volume group devices in /dev",
	"  vgmknodes [ VG|LV ... ]\n",
	(const enum option_id[]){ OPT_COUNT },
	0, -1
};

static int mknodes_vg(struct cmd_context *cmd, struct activation *a, const char *name,
		      const char *only_lv)
{
	struct volume_group *vg = vg_read(cmd->scan, name, VG_READ_ALLOW_EXPORTED);
	struct logical_volume *lv;
	int r = 0, found = 0;

	if (!vg)
		return -1;
	TAILQ_FOREACH(lv, &vg->lvs, list) {
		if (only_lv && strcmp(only_lv, lv->name))
			continue;
		found = 1;
		if (act_mknodes(a, lv))
			r = -1;
	}
	if (only_lv && !found) {
		log_error("Failed to find logical volume \"%s/%s\"", name, only_lv);
		r = -1;
	}
	vg_free(vg);
	return r;
}

static int cmd_vgmknodes(struct cmd_context *cmd)
{
	struct activation *a = act_begin(cmd);
	struct vg_info *vi;
	int r = EXIT_OK;

	if (!act_disabled(a) && !act_usable(a)) {
		act_end(a);
		return EXIT_FAILED;
	}
	if (!cmd_scan(cmd)) {
		act_end(a);
		return EXIT_FAILED;
	}
	for (int i = 0; i < cmd->argc; i++) {
		const char *arg = cmd->argv[i] + (strncmp(cmd->argv[i], "/dev/", 5) ? 0 : 5);
		const char *slash = strchr(arg, '/');
		const char *vg = slash ? pool_strndup(cmd->mem, arg, (size_t)(slash - arg)) : arg;

		if (mknodes_vg(cmd, a, vg, slash ? slash + 1 : NULL))
			r = EXIT_FAILED;
	}
	if (!cmd->argc)
		TAILQ_FOREACH(vi, &cmd->scan->vgs, list)
			if (mknodes_vg(cmd, a, vi->name, NULL))
				r = EXIT_FAILED;
	act_end(a);
	return r;
}
