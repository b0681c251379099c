/*
 * Services commands share: lazy device scanning, locks, metadata
 * descriptions, backups.  Everything hangs off the cmd_context.
 */
#ifndef OPENLVM_TOOLCONTEXT_H
#define OPENLVM_TOOLCONTEXT_H

#include "cmd/command.h"
#include "format/text.h"

struct volume_group;
struct backup_settings;
struct device;
struct strbuf;

/* Scans devices once per command; NULL on failure (reported). */
struct lvm_scan *cmd_scan(struct cmd_context *cmd);
/* Finds a device named on the command line (not filtered by --devices lists). */
struct device *cmd_get_device(struct cmd_context *cmd, const char *path);

int cmd_lock_global(struct cmd_context *cmd, int exclusive);
int cmd_lock_vg(struct cmd_context *cmd, const char *vg_name, int exclusive);

/* Top-level text items for a metadata write by this command. */
void cmd_text_context(struct cmd_context *cmd, struct text_context *ctx, int for_backup,
		      int before);
void cmd_backup_settings(struct cmd_context *cmd, struct backup_settings *s);

/*
 * Reads a VG for change, under an exclusive VG lock: the usual start of
 * every command that modifies a VG.  NULL when not found (reported).
 */
struct volume_group *cmd_read_vg_for_update(struct cmd_context *cmd, const char *name);
/*
 * The same, with not_found_note (or nothing, when NULL) as the line after
 * "Volume group not found" where LVM2 words it differently per command.
 */
struct volume_group *cmd_read_vg_noted(struct cmd_context *cmd, const char *name,
				       const char *not_found_note);
/*
 * Archives the VG as it was read (cmd_read_vg_for_update keeps that text),
 * commits vg, writes the current backup.  0 or -1.
 */
int cmd_commit_vg(struct cmd_context *cmd, struct volume_group *vg);
/* Remembers vg's current state as the archive to write on commit. */
/*
 * --metadataprofile NAME sets *profile (the name a VG or LV records; the
 * file was checked at start-up), --detachprofile clears it.
 */
void cmd_apply_metadata_profile(const struct cmd_context *cmd, const char **profile);

void cmd_keep_archive(struct cmd_context *cmd, const struct volume_group *vg);

/* Strings of a config list, NULL-terminated; NULL if unset. */
const char *const *cmd_config_list(struct cmd_context *cmd, const char *path);

/* Reads a whole file into sb; reports "Cannot read PATH: why".  0 or -1. */
int read_file_logged(const char *path, struct strbuf *sb);

/* VG name from "vg", "/dev/vg", "vg/lv" forms. */
const char *cmd_vg_name_arg(struct cmd_context *cmd, const char *arg);

#endif
