#include "metadata/scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device/device.h"
#include "format/label.h"
#include "format/mda.h"
#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/hash.h"
#include "misc/log.h"
#include "misc/pool.h"

static void read_mda(struct lvm_scan *scan, struct pv_info *info, unsigned i)
{
	struct mda_copy *m = &info->mdas[i];
	char *text;
	size_t len, cap;
	const char *name;
	char uuid[ID_LEN + 1];

	m->start = info->label.mdas[i].offset;
	m->size = info->label.mdas[i].size;
	if (mda_header_read(info->dev, m->start, m->size, &m->hdr))
		return;
	m->header_ok = 1;
	m->ignored = (m->hdr.slot[0].flags & RAW_LOCN_IGNORED) != 0;
	if (mda_read_text_own(info->dev, &m->hdr, &text, &len, &cap) != 1)
		return;
	if (text_peek(text, len, scan->mem, &name, uuid, &m->seqno)) {
		log_warn("Metadata on %s at offset %llu cannot be parsed; ignoring it.",
			 info->dev->path, (unsigned long long)(m->start + m->hdr.slot[0].offset));
		free_big(text, cap);
		return;
	}
	if (id_parse(&m->vg_id, uuid)) {
		free_big(text, cap);
		return;
	}
	m->text = m->text_buf = text;
	m->text_cap = cap;
	m->len = len;
	m->vg_name = name;
	m->text_next = scan->texts;
	scan->texts = m;
}

/* What a dropped copy's text reads as: valid, but not held. */
static const char dropped_text[] = "";

void scan_drop_text(struct mda_copy *m)
{
	if (!m->text_buf)
		return;
	free_big(m->text_buf, m->text_cap);
	m->text_buf = NULL;
	if (m->text)	/* NULL: the area was cleared (pv_orphan) */
		m->text = dropped_text;
	m->len = 0;
}

const char *scan_copy_text(struct lvm_scan *scan, struct pv_info *info,
			   const struct mda_copy *m, size_t *len)
{
	/* m is the VG's (const) best copy; info owns it */
	struct mda_copy *own = &info->mdas[m - info->mdas];
	char *text;

	if (!own->text_buf) {
		/* Dropped after an import: read again, as committed since. */
		int r = mda_read_text_own(info->dev, &own->hdr, &text, len, &own->text_cap);

		if (r != 1) {
			log_error("Cannot read the metadata on %s at offset %llu again.",
				  info->dev->path, (unsigned long long)own->start);
			return NULL;
		}
		/* still in scan->texts from read_mda(): freed at destroy */
		own->text = own->text_buf = text;
		own->len = *len;
	}
	*len = own->len;
	return own->text_buf;
}

/* Only each VG's newest copy is imported: the others' texts go now. */
static void drop_unused_texts(struct lvm_scan *scan)
{
	struct mda_copy *m;

	for (m = scan->texts; m; m = m->text_next) {
		const struct vg_info *vi = hash_lookup(scan->vg_by_id, m->vg_id.uuid);

		if (!vi || vi->best != m)
			scan_drop_text(m);
	}
}

static struct vg_info *vg_info_get(struct lvm_scan *scan, const struct mda_copy *m)
{
	struct vg_info *vi = hash_lookup(scan->vg_by_id, m->vg_id.uuid);

	if (vi)
		return vi;
	vi = POOL_NEW(scan->mem, struct vg_info);
	vi->id = m->vg_id;
	vi->name = m->vg_name;
	TAILQ_INSERT_TAIL(&scan->vgs, vi, list);
	hash_insert(scan->vg_by_id, vi->id.uuid, vi);
	vi->all_next = scan->all_vgs;
	scan->all_vgs = vi;
	return vi;
}

static void note_copy(struct lvm_scan *scan, struct pv_info *info, struct mda_copy *m)
{
	struct vg_info *vi = vg_info_get(scan, m);

	info->vg = vi;
	if (!vi->best || m->seqno > vi->seqno) {
		vi->best = m;
		vi->best_pv = info;
		vi->seqno = m->seqno;
		vi->name = m->vg_name;
	}
}

struct pv_info *scan_device(struct lvm_scan *scan, struct device *dev)
{
	struct pv_info *info = scan_find_dev(scan, dev);
	struct pv_label label;
	unsigned i;

	if (info)
		return info;
	if (label_read(dev, &label) != 1)
		return NULL;
	info = POOL_NEW(scan->mem, struct pv_info);
	info->dev = dev;
	info->label = label;
	info->mda_count = label.mda_count;
	for (i = 0; i < label.mda_count; i++) {
		struct mda_copy *m = &info->mdas[i];

		read_mda(scan, info, i);
		if (!m->text)
			continue;
		note_copy(scan, info, m);
		/* An older or equal copy is never imported: one text held per VG. */
		if (info->vg->best != m)
			scan_drop_text(m);
	}
	if (hash_lookup(scan->pv_by_id, label.pv_id.uuid)) {
		struct pv_info *other = hash_lookup(scan->pv_by_id, label.pv_id.uuid);

		log_warn("Not using device %s for PV %s: duplicate of %s.", dev->path,
			 label.pv_id.uuid, other->dev->path);
		return NULL;
	}
	TAILQ_INSERT_TAIL(&scan->pvs, info, list);
	hash_insert(scan->pv_by_id, pool_strdup(scan->mem, label.pv_id.uuid), info);
	hash_insert(scan->pv_by_dev, dev->path, info);
	return info;
}

void scan_forget(struct lvm_scan *scan, struct pv_info *info)
{
	hash_remove(scan->pv_by_id, info->label.pv_id.uuid);
	hash_remove(scan->pv_by_dev, info->dev->path);
	TAILQ_REMOVE(&scan->pvs, info, list);
	info->removed = 1;
}

static struct volume_group *import_best(struct lvm_scan *scan, struct vg_info *vi);

static int lists_holder_of(struct lvm_scan *scan, const struct vg_info *newer,
			   const struct vg_info *older)
{
	const struct physical_volume *pv;
	unsigned i;

	TAILQ_FOREACH(pv, &newer->vg->pvs, list) {
		const struct pv_info *info = scan_find_pv(scan, &pv->id);

		for (i = 0; info && i < info->mda_count; i++)
			if (info->mdas[i].text && id_equal(&info->mdas[i].vg_id, &older->id))
				return 1;
	}
	return 0;
}

/*
 * Two VG UUIDs under one name, where the newer VG lists a PV holding the
 * older: a UUID change (vgchange -u) was interrupted between the areas.
 * The newer copy wins; the next commit rewrites the older areas.
 */
static struct vg_info *supersede(struct lvm_scan *scan, struct vg_info *a, struct vg_info *b)
{
	struct vg_info *newer = a->seqno >= b->seqno ? a : b;
	struct vg_info *older = newer == a ? b : a;
	char dashed[ID_DASHED_LEN + 1];

	if (!import_best(scan, newer) || !lists_holder_of(scan, newer, older))
		return NULL;
	id_format(&older->id, dashed);
	log_warn("VG %s: ignoring metadata seqno %u with outdated VG UUID %s on %s.",
		 newer->name, older->seqno, dashed, older->best_pv->dev->path);
	older->superseded_by = newer;
	TAILQ_REMOVE(&scan->vgs, older, list);
	return newer;
}

static void merge_interrupted_uuid_changes(struct lvm_scan *scan)
{
	struct hash *by_name = hash_create(64);
	struct vg_info *vi, *next, *other, *kept;
	struct pv_info *info;
	int merged = 0;

	for (vi = TAILQ_FIRST(&scan->vgs); vi; vi = next) {
		next = TAILQ_NEXT(vi, list);
		other = hash_lookup(by_name, vi->name);
		if (!other) {
			hash_insert(by_name, vi->name, vi);
			continue;
		}
		kept = supersede(scan, other, vi);
		if (kept) {
			hash_insert(by_name, kept->name, kept);
			merged = 1;
		}
	}
	hash_destroy(by_name);
	if (!merged)
		return;
	TAILQ_FOREACH(info, &scan->pvs, list)
		while (info->vg && info->vg->superseded_by)
			info->vg = info->vg->superseded_by;
}

void lvm_scan_destroy(struct lvm_scan *scan)
{
	struct vg_info *vi;

	if (!scan)
		return;
	for (vi = scan->all_vgs; vi; vi = vi->all_next) {
		if (vi->vg)
			vg_free(vi->vg);
		vi->vg = NULL;
	}
	for (struct mda_copy *m = scan->texts; m; m = m->text_next)
		scan_drop_text(m);
	hash_destroy(scan->pv_by_id);
	hash_destroy(scan->pv_by_dev);
	hash_destroy(scan->vg_by_id);
	scan->pv_by_id = scan->pv_by_dev = scan->vg_by_id = NULL;
}

struct lvm_scan *lvm_scan(struct pool *mem, struct dev_cache *dc)
{
	struct lvm_scan *scan = POOL_NEW(mem, struct lvm_scan);
	struct device *dev;

	scan->mem = mem;
	scan->dc = dc;
	TAILQ_INIT(&scan->pvs);
	TAILQ_INIT(&scan->vgs);
	scan->pv_by_id = hash_create(64);
	scan->pv_by_dev = hash_create(64);
	scan->vg_by_id = hash_create(16);
	TAILQ_FOREACH(dev, &dc->devices, list) {
		if (dev_open_for_scan(dev))
			continue;
		scan_device(scan, dev);
		dev_close(dev);
	}
	merge_interrupted_uuid_changes(scan);
	drop_unused_texts(scan);
	return scan;
}

struct pv_info *scan_find_pv(const struct lvm_scan *scan, const struct lvm_id *id)
{
	return hash_lookup(scan->pv_by_id, id->uuid);
}

struct pv_info *scan_find_dev(const struct lvm_scan *scan, const struct device *dev)
{
	return hash_lookup(scan->pv_by_dev, dev->path);
}

struct vg_info *scan_find_vg(struct lvm_scan *scan, const char *name, int *ambiguous)
{
	struct vg_info *vi, *found = NULL;
	struct lvm_id id;
	int by_id = strlen(name) >= ID_LEN && !id_parse(&id, name);

	*ambiguous = 0;
	TAILQ_FOREACH(vi, &scan->vgs, list) {
		if (by_id && id_equal(&vi->id, &id))
			return vi;
		if (strcmp(vi->name, name))
			continue;
		if (found) {
			log_error("Multiple VGs found with the same name %s: use the VG UUID.", name);
			*ambiguous = 1;
			return NULL;
		}
		found = vi;
	}
	return found;
}

static struct volume_group *import_best(struct lvm_scan *scan, struct vg_info *vi)
{
	char source[512];
	const char *text;
	size_t len;

	if (vi->vg || vi->import_failed)
		return vi->vg;
	snprintf(source, sizeof(source), "%s", vi->best_pv->dev->path);
	text = scan_copy_text(scan, vi->best_pv, vi->best, &len);
	vi->vg = text ? vg_import_text(text, len, source) : NULL;
	if (!vi->vg)
		vi->import_failed = 1;
	else
		vg_attach_devices(scan, vi->vg, 0);
	return vi->vg;
}

/*
 * A PV belongs to the VG whose newest copy lists it.  Copies on the PV
 * itself only suggest a VG: after a crash in vgreduce the removed PV still
 * holds an older copy of a VG that no longer lists it.
 */
static void assign_members(struct lvm_scan *scan)
{
	struct vg_info *vi;
	struct pv_info *info;
	struct physical_volume *pv;

	TAILQ_FOREACH(info, &scan->pvs, list)
		if (info->vg && info->vg->vg)
			info->vg = NULL;
	TAILQ_FOREACH(vi, &scan->vgs, list) {
		if (!vi->vg)
			continue;
		TAILQ_FOREACH(pv, &vi->vg->pvs, list) {
			info = pv->dev ? scan_find_dev(scan, pv->dev) : NULL;
			if (info && !info->vg)
				info->vg = vi;
		}
	}
}

static void warn_unlisted_used(const struct lvm_scan *scan)
{
	const struct pv_info *info;

	TAILQ_FOREACH(info, &scan->pvs, list) {
		if (info->vg || !(info->label.ext_flags & PV_EXT_USED))
			continue;
		log_warn("PV %s is marked in use but no VG was found using it; "
			 "treating it as an orphan.", info->dev->path);
	}
}

void scan_resolve_members(struct lvm_scan *scan)
{
	struct vg_info *vi;

	if (scan->members_resolved)
		return;
	scan->members_resolved = 1;
	TAILQ_FOREACH(vi, &scan->vgs, list)
		import_best(scan, vi);
	assign_members(scan);
	warn_unlisted_used(scan);
}
