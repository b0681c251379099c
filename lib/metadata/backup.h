/*
 * Metadata backups: the current metadata of each VG in
 * <system_dir>/backup/<vg>, and the version before each change in
 * <system_dir>/archive/<vg>_<NNNNN>-<random>.vg, as LVM2 keeps them.
 */
#ifndef OPENLVM_BACKUP_H
#define OPENLVM_BACKUP_H

#include <stddef.h>
#include <stdint.h>

struct volume_group;
struct text_context;
struct pool;

struct backup_settings {
	const char *backup_dir;		/* NULL or "" = no backups */
	const char *archive_dir;	/* NULL or "" = no archives */
	unsigned retain_min;
	unsigned retain_days;
};

/* Writes vg in backup layout to path atomically (temp file + rename). */
int backup_write_file(const struct volume_group *vg, const struct text_context *ctx,
		      const char *path);
/* The current-state backup, after a change. */
int backup_current(const struct backup_settings *s, const struct volume_group *vg,
		   const struct text_context *ctx);
/*
 * The state before a change, as backup-layout text exported when the VG
 * was read; prunes old archives per retention.
 */
int backup_archive_text(const struct backup_settings *s, const char *vg_name,
			const char *text, size_t len);

/* Lists archives and the backup of vg_name, oldest first (vgcfgrestore -l). */
int backup_list(const struct backup_settings *s, const char *vg_name, struct pool *mem);

#endif
