/*
 * VG text metadata: import from a config tree / text, export in LVM2's
 * exact layout (on-disk form or backup-file form).
 */
#ifndef OPENLVM_TEXT_H
#define OPENLVM_TEXT_H

#include <stddef.h>
#include <stdint.h>

struct volume_group;
struct strbuf;
struct pool;

enum text_style {
	TEXT_DISK,	/* VG section first, no indentation, trailer after */
	TEXT_BACKUP,	/* header first, tab indentation, size comments */
};

/* What goes into the top-level items around the VG section. */
struct text_context {
	const char *description;	/* "Write from ..." / "Created *after* ..." */
	const char *creation_host;	/* uname nodename */
	const char *uname_line;		/* "Linux vm 6.1.0 #1 SMP ... x86_64" */
	int64_t creation_time;
	const char *generator;		/* "openlvm 0.1.0" */
};

void vg_export_text(const struct volume_group *vg, enum text_style style,
		    const struct text_context *ctx, struct strbuf *out);

/*
 * Parses and imports text (len bytes, may end at a NUL) into a new VG with
 * its own pool.  `source` names where it came from for messages
 * ("/dev/loop0 mda1", "backup file /etc/lvm/backup/vg").  Every semantic
 * problem is reported naming the source, VG and field.  NULL on error.
 * The VG's PVs have no devices attached.
 */
struct volume_group *vg_import_text(const char *text, size_t len, const char *source);

/*
 * Cheap peek at a metadata text: the VG name (first token) and the id and
 * seqno of the VG section, without building the model.  Used to pick the
 * newest copy before importing one.  0 or -1.
 */
int text_peek(const char *text, size_t len, struct pool *mem,
	      const char **vg_name, char vg_uuid[33], uint32_t *seqno);

#endif
