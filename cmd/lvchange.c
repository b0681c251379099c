/* lvchange: metadata attributes of LVs, and their activation (-a). */
#include <string.h>

#include "cmd/activation.h"
#include "cmd/command.h"
#include "cmd/commands.h"
#include "cmd/lvcommon.h"
#include "cmd/toolcontext.h"
#include "cmd/vgcommon.h"
#include "metadata/metadata.h"
#include "misc/log.h"

static int cmd_lvchange(struct cmd_context *cmd);

const struct command_def cmddef_lvchange = {
	"lvchange", cmd_lvchange, "Change the attributes of logical volume(s)",
	"  lvchange -p|--permission rw|r VG|LV ...\n"
	"  lvchange -C|--contiguous y|n VG|LV ...\n"
	"  lvchange --addtag Tag | --deltag Tag VG|LV ...\n"
	"  lvchange -r|--readahead auto|none|Number VG|LV ...\n"
	"  lvchange --setactivationskip y|n | --setautoactivation y|n VG|LV ...\n"
	"  lvchange --alloc contiguous|cling|normal|anywhere|inherit VG|LV ...\n"
	"  lvchange --metadataprofile String | --detachprofile VG|LV ...\n"
	"  lvchange -a|--activate y|n|ay|ey|ly VG|LV ...\n",
	(const enum option_id[]){ OPT_PERMISSION, OPT_CONTIGUOUS, OPT_ADDTAG, OPT_DELTAG,
		OPT_READAHEAD, OPT_SETACTIVATIONSKIP, OPT_SETAUTOACTIVATION, OPT_ALLOC,
		OPT_ACTIVATE, OPT_IGNOREACTIVATIONSKIP, OPT_MONITOR, OPT_NOUDEVSYNC,
		OPT_METADATAPROFILE, OPT_DETACHPROFILE, OPT_COUNT },
	1, -1
};

static int any_change(const struct cmd_context *cmd)
{
	static const enum option_id ids[] = {
		OPT_PERMISSION, OPT_CONTIGUOUS, OPT_ADDTAG, OPT_DELTAG, OPT_READAHEAD,
		OPT_SETACTIVATIONSKIP, OPT_SETAUTOACTIVATION, OPT_ALLOC, OPT_METADATAPROFILE,
		OPT_DETACHPROFILE,
	};

	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (arg_is_set(cmd, ids[i]))
			return 1;
	return 0;
}

static void set_flag(uint32_t *word, uint32_t bit, int on)
{
	if (on)
		*word |= bit;
	else
		*word &= ~bit;
}

static int apply(struct cmd_context *cmd, struct logical_volume *lv)
{
	int v;

	if (lv_permission_from_args(cmd, &lv->status) || lv_readahead_from_args(cmd, &lv->read_ahead))
		return -1;
	if (arg_is_set(cmd, OPT_ALLOC) || arg_is_set(cmd, OPT_CONTIGUOUS))
		if (lv_alloc_from_args(cmd, &lv->alloc))
			return -1;
	if (arg_is_set(cmd, OPT_SETACTIVATIONSKIP)) {
		if (arg_yesno(cmd, OPT_SETACTIVATIONSKIP, 0, &v))
			return -1;
		set_flag(&lv->flags, LV_F_ACTIVATION_SKIP, v);
	}
	if (arg_is_set(cmd, OPT_SETAUTOACTIVATION)) {
		if (arg_yesno(cmd, OPT_SETAUTOACTIVATION, 1, &v))
			return -1;
		set_flag(&lv->flags, LV_F_NOAUTOACTIVATE, !v);
	}
	cmd_apply_metadata_profile(cmd, &lv->profile);
	return vg_tags_from_args(cmd, lv->vg, &lv->tags);
}

/* The live table follows metadata changes such as -p r. */
static int change_metadata(struct cmd_context *cmd, struct activation *act,
			   struct volume_group *vg, struct logical_volume *lv)
{
	if (apply(cmd, lv) || cmd_commit_vg(cmd, vg) || act_reload(act, lv))
		return -1;
	log_print("Logical volume %s/%s changed.", vg->name, lv->name);
	return 0;
}

static int change_activation(struct activation *act, struct logical_volume *lv,
			     enum act_mode mode)
{
	if (mode == ACT_NO)
		return act_deactivate(act, lv);
	if (!act_wanted(act, lv, mode)) {
		log_verbose("Skipping activation of %s/%s (activation skip or autoactivation off).",
			    lv->vg->name, lv->name);
		return 0;
	}
	return act_activate(act, lv);
}

/*
 * A VG argument changes each of its visible LVs, as in LVM2, with one
 * commit for them all: 10,000 LVs must not mean 10,000 metadata writes.
 */
static int change_vg(struct cmd_context *cmd, const char *vg_name, struct activation *act,
		     enum act_mode mode)
{
	struct volume_group *vg = cmd_read_vg_for_update(cmd, vg_name);
	struct logical_volume *lv;
	int r = 0;

	if (!vg)
		return -1;
	if (any_change(cmd)) {
		TAILQ_FOREACH(lv, &vg->lvs, list)
			if (lv_is_visible(lv) && apply(cmd, lv))
				goto bad;
		if (cmd_commit_vg(cmd, vg))
			goto bad;
		TAILQ_FOREACH(lv, &vg->lvs, list) {
			if (!lv_is_visible(lv))
				continue;
			if (act_reload(act, lv))
				r = -1;
			else
				log_print("Logical volume %s/%s changed.", vg->name, lv->name);
		}
	}
	if (mode != ACT_NONE)
		TAILQ_FOREACH(lv, &vg->lvs, list)
			if (lv_is_visible(lv) && change_activation(act, lv, mode))
				r = -1;
	vg_free(vg);
	return r;
bad:
	vg_free(vg);
	return -1;
}

static int change_arg(struct cmd_context *cmd, const char *arg, struct activation *act,
		      enum act_mode mode)
{
	const char *vg_name, *lv_name;
	struct volume_group *vg;
	struct logical_volume *lv;

	if (!strchr(arg + (strncmp(arg, "/dev/", 5) ? 0 : 5), '/'))
		return change_vg(cmd, cmd_vg_name_arg(cmd, arg), act, mode);
	if (lv_name_arg(cmd, arg, NULL, &vg_name, &lv_name))
		return -1;
	vg = cmd_read_vg_for_update(cmd, vg_name);
	if (!vg)
		return -1;
	lv = vg_find_lv(vg, lv_name);
	if (!lv) {
		log_error("Failed to find logical volume \"%s/%s\"", vg->name, lv_name);
		goto bad;
	}
	if (any_change(cmd) && change_metadata(cmd, act, vg, lv))
		goto bad;
	if (mode != ACT_NONE && change_activation(act, lv, mode))
		goto bad;
	vg_free(vg);
	return 0;
bad:
	vg_free(vg);
	return -1;
}

static int cmd_lvchange(struct cmd_context *cmd)
{
	struct activation *act;
	enum act_mode mode = ACT_NONE;
	int r = EXIT_OK;

	if (arg_is_set(cmd, OPT_ACTIVATE) &&
	    act_parse_mode(arg_str(cmd, OPT_ACTIVATE, ""), &mode))
		return EXIT_BAD_CMDLINE;
	if (mode == ACT_NONE && !any_change(cmd)) {
		log_error("No command options given to change the logical volume.");
		return EXIT_BAD_CMDLINE;
	}
	act = act_begin(cmd);
	/* Without device-mapper, fail before any metadata changes. */
	if ((mode == ACT_YES || mode == ACT_AUTO) && !cmd->test_mode && !act_disabled(act) &&
	    !act_usable(act)) {
		act_end(act);
		return EXIT_FAILED;
	}
	for (int i = 0; i < cmd->argc; i++)
		if (change_arg(cmd, cmd->argv[i], act, mode))
			r = EXIT_FAILED;
	act_end(act);
	return r;
}
