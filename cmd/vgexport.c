/*
 * vgexport and vgimport: set or clear the EXPORTED flag of a VG and its
 * PVs, which makes every other command leave the VG alone.
 */
#include <string.h>

#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"

static void set_exported(struct volume_group *vg, int exported)
{
	struct physical_volume *pv;

	if (exported)
		vg->status |= VG_EXPORTED;
	else
		vg->status &= ~VG_EXPORTED;
	TAILQ_FOREACH(pv, &vg->pvs, list) {
		if (exported)
			pv->status |= PV_EXPORTED;
		else
			pv->status &= ~PV_EXPORTED;
	}
}

/* quiet_skip: -a passes over VGs already in the wanted state. */
static int change_one(struct cmd_context *cmd, const char *name, int exporting, int quiet_skip)
{
	struct volume_group *vg;
	int r = -1;

	if (cmd_lock_vg(cmd, name, 1))
		return -1;
	vg = vg_read(cmd->scan, name, VG_READ_FOR_UPDATE | VG_READ_ALLOW_EXPORTED);
	if (!vg) {
		log_error("Cannot process volume group %s", name);
		return -1;
	}
	if (!!(vg->status & VG_EXPORTED) == exporting) {
		if (quiet_skip)
			r = 0;
		else if (exporting)
			log_error("Volume group %s is exported", vg->name);
		else
			log_error("Volume group \"%s\" is not exported", vg->name);
		goto out;
	}
	if (exporting) {
		struct physical_volume *pv;

		TAILQ_FOREACH(pv, &vg->pvs, list)
			if (!pv->dev) {
				log_error("Volume group %s has missing PVs: cannot export.", vg->name);
				goto out;
			}
	}
	cmd_keep_archive(cmd, vg);
	set_exported(vg, exporting);
	if (cmd_commit_vg(cmd, vg))
		goto out;
	log_print("Volume group \"%s\" successfully %s", vg->name,
		  exporting ? "exported" : "imported");
	r = 0;
out:
	vg_free(vg);
	return r;
}

static int run(struct cmd_context *cmd, int exporting)
{
	struct vg_info *vi;
	int i, failed = 0;

	if (!cmd->argc && !arg_is_set(cmd, OPT_ALL)) {
		log_error("Please supply volume groups or use -a for all.");
		return EXIT_BAD_CMDLINE;
	}
	if (cmd->argc && arg_is_set(cmd, OPT_ALL)) {
		log_error("No arguments permitted when using -a for all.");
		return EXIT_BAD_CMDLINE;
	}
	if (cmd_lock_global(cmd, 1) || !cmd_scan(cmd))
		return EXIT_FAILED;
	for (i = 0; i < cmd->argc; i++)
		failed |= change_one(cmd, cmd_vg_name_arg(cmd, cmd->argv[i]), exporting, 0) != 0;
	if (arg_is_set(cmd, OPT_ALL))
		TAILQ_FOREACH(vi, &cmd->scan->vgs, list)
			failed |= change_one(cmd, vi->name, exporting, 1) != 0;
	return failed ? EXIT_FAILED : EXIT_OK;
}

static int vgexport(struct cmd_context *cmd)
{
	return run(cmd, 1);
}

static int vgimport(struct cmd_context *cmd)
{
	return run(cmd, 0);
}

const struct command_def cmddef_vgexport = {
	"vgexport", vgexport, "Unregister volume group(s) from the system",
	"  vgexport VG|Tag|Select ...\n"
	"\t[ -S|--select String ]\n"
	"\t[ COMMON_OPTIONS ]\n"
	"\n"
	"  vgexport -a|--all\n"
	"\t[ COMMON_OPTIONS ]\n",
	(const enum option_id[]){ OPT_ALL, OPT_COUNT }, 0, -1
};

const struct command_def cmddef_vgimport = {
	"vgimport", vgimport, "Register exported volume group with system",
	"  vgimport VG|Tag|Select ...\n"
	"\t[ -f|--force ]\n"
	"\t[ COMMON_OPTIONS ]\n"
	"\n"
	"  vgimport -a|--all\n"
	"\t[ -f|--force ]\n"
	"\t[ COMMON_OPTIONS ]\n",
	(const enum option_id[]){ OPT_ALL, OPT_FORCE, OPT_COUNT }, 0, -1
};
