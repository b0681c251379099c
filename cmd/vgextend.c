#include "cmd/commands.h"
#include "cmd/pvcommon.h"
#include "cmd/toolcontext.h"
#include "cmd/vgcommon.h"
#include "metadata/metadata.h"
#include "misc/log.h"

int cmd_vgextend(struct cmd_context *cmd)
{
	const char *name = cmd_vg_name_arg(cmd, cmd->argv[0]);
	struct pv_create_params params;
	struct volume_group *vg;
	int i;

	if (arg_is_set(cmd, OPT_RESTOREMISSING)) {
		log_error("vgextend --restoremissing is not implemented in openlvm yet.");
		return EXIT_FAILED;
	}
	if (pv_params_from_args(cmd, &params))
		return EXIT_BAD_CMDLINE;
	if (cmd_lock_global(cmd, 1))
		return EXIT_FAILED;
	vg = cmd_read_vg_for_update(cmd, name);
	if (!vg)
		return EXIT_FAILED;
	if (!(vg->status & VG_RESIZEABLE)) {
		log_error("Volume group %s is not resizeable.", vg->name);
		goto bad;
	}
	for (i = 1; i < cmd->argc; i++)
		if (vg_add_device(cmd, vg, cmd->argv[i], &params))
			goto bad;
	if (vg->max_pv && vg->pv_count > vg->max_pv) {
		log_error("Volume group %s would have %u PVs, more than its maximum of %u.",
			  vg->name, vg->pv_count, vg->max_pv);
		goto bad;
	}
	/* Commit first: a crash before the label update leaves an orphan, not a ghost. */
	if (cmd_commit_vg(cmd, vg) || vg_mark_pvs_used(cmd, vg))
		goto bad;
	log_print("Volume group \"%s\" successfully extended", vg->name);
	vg_free(vg);
	return EXIT_OK;
bad:
	vg_free(vg);
	return EXIT_FAILED;
}
