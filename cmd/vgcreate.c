#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/commands.h"
#include "cmd/pvcommon.h"
#include "cmd/toolcontext.h"
#include "cmd/vgcommon.h"
#include "device/device.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"

static int name_is_free(struct cmd_context *cmd, const char *name)
{
	char path[300];
	struct stat st;
	int ambiguous;

	if (scan_find_vg(cmd->scan, name, &ambiguous) || ambiguous) {
		log_error("A volume group called %s already exists.", name);
		return 0;
	}
	snprintf(path, sizeof(path), "/dev/%s", name);
	if (!lstat(path, &st)) {
		log_error("%s: already exists in filesystem", path);
		return 0;
	}
	return 1;
}

static int vg_settings(struct cmd_context *cmd, struct volume_group *vg)
{
	uint64_t extent;
	const char *why;

	if (arg_size_sectors(cmd, OPT_PHYSICALEXTENTSIZE, 'm', 8192, &extent))
		return -1;
	why = extent_size_invalid(extent);
	if (why) {
		log_error("Invalid physical extent size %s: %s.",
			  arg_str(cmd, OPT_PHYSICALEXTENTSIZE, ""), why);
		return -1;
	}
	vg->extent_size = (uint32_t)extent;
	if (arg_uint32(cmd, OPT_MAXLV, 0, &vg->max_lv) ||
	    arg_uint32(cmd, OPT_MAXPV, 0, &vg->max_pv))
		return -1;
	vg->alloc = ALLOC_NORMAL;
	if (vg_alloc_from_args(cmd, &vg->alloc))
		return -1;
	if (vg_copies_from_args(cmd, &vg->mda_copies))
		return -1;
	cmd_apply_metadata_profile(cmd, &vg->profile);
	return vg_tags_from_args(cmd, vg, &vg->tags);
}

int cmd_vgcreate(struct cmd_context *cmd)
{
	const char *name = cmd->argv[0];
	struct pv_create_params params;
	struct volume_group *vg;
	const char *why = vg_name_invalid(name);
	int i;

	if (why) {
		log_error("Invalid volume group name %s: %s.", name, why);
		return EXIT_BAD_CMDLINE;
	}
	if (pv_params_from_args(cmd, &params))
		return EXIT_BAD_CMDLINE;
	if (arg_is_set(cmd, OPT_SHARED) || arg_is_set(cmd, OPT_SYSTEMID) ||
	    arg_is_set(cmd, OPT_CLUSTERED)) {
		log_error("Shared, clustered and system-id VGs are not supported by openlvm.");
		return EXIT_FAILED;
	}
	vg = vg_new(name);
	if (vg_settings(cmd, vg) || id_create(&vg->id))
		goto bad;
	vg->status = VG_RESIZEABLE | VG_READ | VG_WRITE;
	if (cmd_lock_global(cmd, 1) || cmd_lock_vg(cmd, name, 1) || !cmd_scan(cmd))
		goto bad;
	if (!name_is_free(cmd, name) ||
	    vg_device_args_usable(cmd, cmd->argc - 1, cmd->argv + 1))
		goto bad;
	for (i = 1; i < cmd->argc; i++)
		if (vg_add_device(cmd, vg, cmd->argv[i], &params))
			goto bad;
	if (vg->max_pv && vg->pv_count > vg->max_pv) {
		log_error("Volume group %s would have %u PVs, more than its maximum of %u.",
			  name, vg->pv_count, vg->max_pv);
		goto bad;
	}
	if (cmd_commit_vg(cmd, vg) || vg_mark_pvs_used(cmd, vg))
		goto bad;
	log_print("Volume group \"%s\" successfully created", name);
	vg_free(vg);
	return EXIT_OK;
bad:
	vg_free(vg);
	return EXIT_FAILED;
}
