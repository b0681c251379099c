/*
 * vgck: checks that a VG's metadata is sound and that every metadata
 * area holds the current copy; --updatemetadata rewrites them all.
 */
#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "device/device.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"

/* Problems of the metadata areas of vg's PVs; returns how many. */
static unsigned check_areas(const struct lvm_scan *scan, const struct volume_group *vg)
{
	const struct physical_volume *pv;
	unsigned bad = 0, i;

	TAILQ_FOREACH(pv, &vg->pvs, list) {
		const struct pv_info *info = pv->dev ? scan_find_dev(scan, pv->dev) : NULL;

		if (!info) {
			bad++;	/* vg_read warned about the missing device */
			continue;
		}
		for (i = 0; i < info->mda_count; i++) {
			const struct mda_copy *m = &info->mdas[i];

			if (!m->header_ok) {
				log_warn("bad metadata header on %s at %llu.",
					 info->dev->path, (unsigned long long)m->start);
				bad++;
			} else if (m->ignored) {
				continue;
			} else if (!m->text) {
				log_warn("bad metadata text on %s in mda%u.",
					 info->dev->path, i + 1);
				bad++;
			} else if (m->seqno != vg->seqno || !id_equal(&m->vg_id, &vg->id)) {
				bad++;	/* vg_read warned about the stale copy */
			}
		}
	}
	return bad;
}

static int check_one(struct cmd_context *cmd, const char *name)
{
	struct volume_group *vg;
	int r = 0;

	if (cmd_lock_vg(cmd, name, arg_is_set(cmd, OPT_UPDATEMETADATA)))
		return -1;
	vg = vg_read(cmd->scan, name, VG_READ_ALLOW_EXPORTED);
	if (!vg) {
		log_error("Cannot process volume group %s", name);
		return -1;
	}
	if (vg_validate(vg))
		r = -1;
	if (!arg_is_set(cmd, OPT_UPDATEMETADATA)) {
		if (check_areas(cmd->scan, vg))
			r = -1;
	} else if (!r) {
		cmd_keep_archive(cmd, vg);
		r = cmd_commit_vg(cmd, vg);
	}
	vg_free(vg);
	return r;
}

int cmd_vgck(struct cmd_context *cmd)
{
	struct vg_info *vi;
	int i, failed = 0;

	if (cmd_lock_global(cmd, 0) || !cmd_scan(cmd))
		return EXIT_FAILED;
	for (i = 0; i < cmd->argc; i++)
		failed |= check_one(cmd, cmd_vg_name_arg(cmd, cmd->argv[i])) != 0;
	if (!cmd->argc)
		TAILQ_FOREACH(vi, &cmd->scan->vgs, list)
			failed |= check_one(cmd, vi->name) != 0;
	return failed ? EXIT_FAILED : EXIT_OK;
}

const struct command_def cmddef_vgck = {
	"vgck", cmd_vgck, "Check the consistency of volume group(s)",
	"  vgck\n"
	"\t[ --updatemetadata ]\n"
	"\t[ --reportformat basic|json|json_std ]\n"
	"\t[ COMMON_OPTIONS ]\n"
	"\t[ VG|Tag ... ]\n",
	(const enum option_id[]){ OPT_UPDATEMETADATA, OPT_REPORTFORMAT, OPT_COUNT }, 0, -1
};
