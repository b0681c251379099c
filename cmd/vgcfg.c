/*
 * vgcfgbackup and vgcfgrestore: copy a VG's metadata to a backup-layout
 * file and write such a file back onto the VG's PVs.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "cmd/vgcommon.h"
#include "device/device.h"
#include "metadata/backup.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

static const char *backup_dir(struct cmd_context *cmd)
{
	return cmd_config_str(cmd, "backup/backup_dir",
			      pool_printf(cmd->mem, "%s/backup", cmd->system_dir));
}

/* -f with the first "%s" replaced by the VG name. */
static const char *backup_path(struct cmd_context *cmd, const char *vg_name)
{
	const char *file = arg_str(cmd, OPT_FILE, NULL);
	const char *pct = strstr(file, "%s");

	if (!pct)
		return file;
	return pool_printf(cmd->mem, "%.*s%s%s", (int)(pct - file), file, vg_name, pct + 2);
}

static int backup_one(struct cmd_context *cmd, const char *name)
{
	struct volume_group *vg;
	struct text_context tctx;
	int r;

	if (cmd_lock_vg(cmd, name, 0))
		return -1;
	vg = vg_read(cmd->scan, name, VG_READ_ALLOW_EXPORTED);
	if (!vg) {
		log_error("Cannot process volume group %s", name);
		return -1;
	}
	cmd_text_context(cmd, &tctx, 1, 0);
	if (arg_is_set(cmd, OPT_FILE)) {
		/* LVM2 describes an explicit backup by its command line. */
		tctx.description = cmd->cmdline;
		r = backup_write_file(vg, &tctx, backup_path(cmd, vg->name));
	} else {
		/* Written even with backup/backup = 0: the user asked for it. */
		struct backup_settings bs = { .backup_dir = backup_dir(cmd) };

		r = backup_current(&bs, vg, &tctx);
	}
	if (!r)
		log_print("Volume group \"%s\" successfully backed up.", vg->name);
	else
		log_error("Backup of volume group %s failed.", vg->name);
	vg_free(vg);
	return r;
}

int cmd_vgcfgbackup(struct cmd_context *cmd)
{
	struct vg_info *vi;
	const char *file = arg_str(cmd, OPT_FILE, NULL);
	unsigned count = 0;
	int i, failed = 0;

	if (!cmd_scan(cmd))
		return EXIT_FAILED;
	TAILQ_FOREACH(vi, &cmd->scan->vgs, list)
		count++;
	if (file && !strstr(file, "%s") && (cmd->argc > 1 || (!cmd->argc && count > 1))) {
		log_error("VGs must be backed up into different files. "
			  "Use %%s in filename for VG name.");
		return EXIT_BAD_CMDLINE;
	}
	for (i = 0; i < cmd->argc; i++)
		failed |= backup_one(cmd, cmd_vg_name_arg(cmd, cmd->argv[i])) != 0;
	if (!cmd->argc)
		TAILQ_FOREACH(vi, &cmd->scan->vgs, list)
			failed |= backup_one(cmd, vi->name) != 0;
	return failed ? EXIT_FAILED : EXIT_OK;
}

static char *read_whole_file(struct cmd_context *cmd, const char *path, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	char *out = NULL;

	if (!read_file_logged(path, &sb)) {
		out = pool_memdup(cmd->mem, sb.buf, sb.len + 1);
		*len = sb.len;
	}
	strbuf_release(&sb);
	return out;
}

/*
 * Attaches every PV of vg to its device.  Refuses missing PVs and PVs
 * that other VGs' metadata claims.  Returns the highest seqno found in
 * any of their metadata areas, or -1.
 */
static int64_t attach_restore_pvs(struct cmd_context *cmd, struct volume_group *vg)
{
	struct physical_volume *pv;
	unsigned missing = 0, i;
	int64_t max_seqno = 0;

	TAILQ_FOREACH(pv, &vg->pvs, list) {
		struct pv_info *info = scan_find_pv(cmd->scan, &pv->id);
		char dashed[ID_DASHED_LEN + 1];

		if (!info) {
			id_format(&pv->id, dashed);
			log_error("Couldn't find device with uuid %s.", dashed);
			missing++;
			continue;
		}
		if (info->vg && strcmp(info->vg->name, vg->name)) {
			log_error("Physical volume %s belongs to volume group %s, not %s.",
				  info->dev->path, info->vg->name, vg->name);
			return -1;
		}
		pv_attach_info(pv, info);
		for (i = 0; i < info->mda_count; i++)
			if (info->mdas[i].text && info->mdas[i].seqno > max_seqno)
				max_seqno = info->mdas[i].seqno;
	}
	if (missing) {
		log_error("Cannot restore Volume Group %s with %u PVs marked as missing.",
			  vg->name, missing);
		return -1;
	}
	return max_seqno;
}

static int restore(struct cmd_context *cmd, const char *name, const char *path)
{
	struct volume_group *vg;
	char *text;
	size_t len;
	int64_t disk_seqno;

	text = read_whole_file(cmd, path, &len);
	if (!text)
		return -1;
	vg = vg_import_text(text, len, pool_printf(cmd->mem, "backup file %s", path));
	if (!vg)
		return -1;
	if (strcmp(vg->name, name)) {
		log_error("'%s' does not contain volume group '%s'.", path, name);
		goto bad;
	}
	disk_seqno = attach_restore_pvs(cmd, vg);
	if (disk_seqno < 0)
		goto bad;
	/* vg_commit adds one: the restored copy must beat every copy on disk. */
	if (vg->seqno < disk_seqno)
		vg->seqno = (uint32_t)disk_seqno;
	vg_recount(vg);
	if (cmd_commit_vg(cmd, vg) || vg_mark_pvs_used(cmd, vg))
		goto bad;
	vg_free(vg);
	return 0;
bad:
	vg_free(vg);
	return -1;
}

int cmd_vgcfgrestore(struct cmd_context *cmd)
{
	const char *name, *path;
	struct backup_settings bs;

	if (cmd->argc != 1) {
		log_error("Please specify a %svolume group name.", cmd->argc ? "single " : "");
		return EXIT_BAD_CMDLINE;
	}
	name = cmd_vg_name_arg(cmd, cmd->argv[0]);
	if (vg_name_invalid(name)) {
		log_error("Volume group name \"%s\" has invalid characters.", name);
		return EXIT_BAD_CMDLINE;
	}
	cmd_backup_settings(cmd, &bs);
	if (arg_is_set(cmd, OPT_LIST)) {
		return backup_list(&bs, name, cmd->mem) ? EXIT_FAILED : EXIT_OK;
	}
	path = arg_str(cmd, OPT_FILE, NULL);
	if (!path)
		path = pool_printf(cmd->mem, "%s/%s", backup_dir(cmd), name);
	if (cmd_lock_global(cmd, 1) || cmd_lock_vg(cmd, name, 1) || !cmd_scan(cmd))
		return EXIT_FAILED;
	if (restore(cmd, name, path)) {
		log_error("Restore failed.");
		return EXIT_FAILED;
	}
	log_print("Restored volume group %s.", name);
	return EXIT_OK;
}

const struct command_def cmddef_vgcfgbackup = {
	"vgcfgbackup", cmd_vgcfgbackup, "Backup volume group configuration(s)",
	"  vgcfgbackup\n"
	"\t[ -f|--file String ]\n"
	"\t[ --foreign ]\n"
	"\t[ --ignorelockingfailure ]\n"
	"\t[ --readonly ]\n"
	"\t[ COMMON_OPTIONS ]\n"
	"\t[ VG ... ]\n",
	(const enum option_id[]){ OPT_FILE, OPT_FOREIGN, OPT_IGNORELOCKINGFAILURE,
				  OPT_READONLY, OPT_COUNT },
	0, -1
};

const struct command_def cmddef_vgcfgrestore = {
	"vgcfgrestore", cmd_vgcfgrestore, "Restore volume group configuration",
	"  vgcfgrestore VG\n"
	"\t[ -f|--file String ]\n"
	"\t[ --force ]\n"
	"\t[ -M|--metadatatype lvm2 ]\n"
	"\t[ COMMON_OPTIONS ]\n"
	"\n"
	"  vgcfgrestore -l|--list VG\n"
	"\t[ -f|--file String ]\n"
	"\t[ COMMON_OPTIONS ]\n",
	(const enum option_id[]){ OPT_FILE, OPT_FORCE, OPT_LIST, OPT_METADATATYPE, OPT_COUNT },
	0, -1
};
