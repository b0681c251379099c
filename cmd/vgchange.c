#include <string.h>

#include "cmd/activation.h"
#include "cmd/commands.h"
#include "cmd/reporting.h"
#include "cmd/toolcontext.h"
#include "cmd/vgcommon.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "report/report.h"

static int any_change_option(const struct cmd_context *cmd)
{
	static const enum option_id ids[] = {
		OPT_RESIZEABLE, OPT_ADDTAG, OPT_DELTAG, OPT_MAXLV, OPT_MAXPV, OPT_ALLOC,
		OPT_NEWUUID, OPT_VGMETADATACOPIES, OPT_METADATACOPIES, OPT_SETAUTOACTIVATION,
		OPT_PHYSICALEXTENTSIZE, OPT_METADATAPROFILE, OPT_DETACHPROFILE,
	};
	size_t i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (arg_is_set(cmd, ids[i]))
			return 1;
	return 0;
}

static int apply_yes_no(struct cmd_context *cmd, enum option_id id, uint32_t *word,
			uint32_t bit, int set_means_on)
{
	int v;

	if (!arg_is_set(cmd, id))
		return 0;
	if (arg_yesno(cmd, id, 0, &v))
		return -1;
	if (v == set_means_on)
		*word |= bit;
	else
		*word &= ~bit;
	return 0;
}

static int apply(struct cmd_context *cmd, struct volume_group *vg)
{
	uint32_t u;

	if (apply_yes_no(cmd, OPT_RESIZEABLE, &vg->status, VG_RESIZEABLE, 1) ||
	    apply_yes_no(cmd, OPT_SETAUTOACTIVATION, &vg->flags, VG_F_NOAUTOACTIVATE, 0))
		return -1;
	if (vg_tags_from_args(cmd, vg, &vg->tags))
		return -1;
	if (arg_is_set(cmd, OPT_MAXLV)) {
		if (arg_uint32(cmd, OPT_MAXLV, 0, &u))
			return -1;
		if (u && u < vg->lv_count) {
			log_error("MaxLogicalVolume is less than the current number %u of LVs for %s",
				  vg->lv_count, vg->name);
			return -1;
		}
		vg->max_lv = u;
	}
	if (arg_is_set(cmd, OPT_MAXPV)) {
		if (arg_uint32(cmd, OPT_MAXPV, 0, &u))
			return -1;
		if (u && u < vg->pv_count) {
			log_error("MaxPhysicalVolumes is less than the current number %u of PVs for \"%s\"",
				  vg->pv_count, vg->name);
			return -1;
		}
		vg->max_pv = u;
	}
	if (vg_alloc_from_args(cmd, &vg->alloc))
		return -1;
	if (vg_copies_from_args(cmd, &vg->mda_copies))
		return -1;
	cmd_apply_metadata_profile(cmd, &vg->profile);
	if (arg_is_set(cmd, OPT_NEWUUID) && id_create(&vg->id)) {
		log_error("Failed to generate a new UUID for %s.", vg->name);
		return -1;
	}
	if (arg_is_set(cmd, OPT_PHYSICALEXTENTSIZE)) {
		log_error("Changing the extent size of a VG is not supported by openlvm.");
		return -1;
	}
	return 0;
}

static int change_one(struct cmd_context *cmd, const char *name, struct activation *act,
		      enum act_mode mode, struct report *sel)
{
	struct volume_group *vg = cmd_read_vg_for_update(cmd, name);
	int r = -1;

	if (!vg)
		return -1;
	/* Judged on the VG as read: the change must not alter the choice. */
	if (sel && !report_vg_selected(sel, vg)) {
		vg_free(vg);
		return 0;
	}
	if (!any_change_option(cmd)) {
		r = 0;
	} else if (!apply(cmd, vg) && !cmd_commit_vg(cmd, vg)) {
		log_print("Volume group \"%s\" successfully changed", vg->name);
		r = 0;
	}
	if (!r && mode != ACT_NONE)
		r = act_vg(act, vg, mode);
	vg_free(vg);
	return r;
}

int cmd_vgchange(struct cmd_context *cmd)
{
	struct lvm_scan *scan;
	struct vg_info *vi;
	struct activation *act;
	struct report *sel;
	enum act_mode mode = ACT_NONE;
	int i, r = EXIT_OK;

	if (arg_is_set(cmd, OPT_ACTIVATE) &&
	    act_parse_mode(arg_str(cmd, OPT_ACTIVATE, ""), &mode))
		return EXIT_BAD_CMDLINE;
	if (mode == ACT_NONE && !any_change_option(cmd)) {
		log_error("One of -a, -x, -l, -p, -u, --addtag, --deltag, --alloc, "
			  "--vgmetadatacopies or --setautoactivation is required.");
		return EXIT_BAD_CMDLINE;
	}
	i = cmd_vg_selection(cmd, &sel);
	if (i >= 0)
		return i;
	act = cmd_activation(cmd);	/* the one -S reports use: one warning */
	if (cmd->argc) {
		for (i = 0; i < cmd->argc; i++)
			if (change_one(cmd, cmd_vg_name_arg(cmd, cmd->argv[i]), act, mode, sel))
				r = EXIT_FAILED;
	} else if (!(scan = cmd_scan(cmd))) {
		r = EXIT_FAILED;
	} else {
		TAILQ_FOREACH(vi, &scan->vgs, list)
			if (change_one(cmd, vi->name, act, mode, sel))
				r = EXIT_FAILED;
	}
	report_destroy(sel);
	return r;
}
