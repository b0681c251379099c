#include "metadata/scan.h"

#include <stdio.h>
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
	size_t len;
	const char *name;
	char uuid[ID_LEN + 1];

	m->start = info->label.mdas[i].offset;
	m->size = info->label.mdas[i].size;
	if (mda_header_read(info->dev, m->start, m->size, &m->hdr))
		return;
	m->header_ok = 1;
	m->ignored = (m->hdr.slot[0].flags & RAW_LOCN_IGNORED) != 0;
	if (mda_read_text(info->dev, &m->hdr, scan->mem, &text, &len) != 1)
		return;
	if (text_peek(text, len, scan->mem, &name, uuid, &m->seqno)) {
		log_warn("Metadata on %s at offset %llu cannot be parsed; ignoring it.",
			 info->dev->path, (unsigned long long)(m->start + m->hdr.slot[0].offset));
		return;
	}
	if (id_parse(&m->vg_id, uuid))
		return;
	m->text = text;
	m->len = len;
	m->vg_name = name;
}

static struct vg_info *vg_info_get(struct lvm_scan *scan, const struct mda_copy *m)
{
	struct vg_info *vi;

	TAILQ_FOREACH(vi, &scan->vgs, list)
		if (id_equal(&vi->id, &m->vg_id))
			return vi;
	vi = POOL_NEW(scan->mem, struct vg_info);
	vi->id = m->vg_id;
	vi->name = m->vg_name;
	TAILQ_INSERT_TAIL(&scan->vgs, vi, list);
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
		read_mda(scan, info, i);
		if (info->mdas[i].text)
			note_copy(scan, info, &info->mdas[i]);
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
	TAILQ_FOREACH(dev, &dc->devices, list) {
		scan_device(scan, dev);
		dev_close(dev);
	}
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

	if (vi->vg || vi->import_failed)
		return vi->vg;
	snprintf(source, sizeof(source), "%s", vi->best_pv->dev->path);
	vi->vg = vg_import_text(vi->best->text, vi->best->len, source);
	if (!vi->vg)
		vi->import_failed = 1;
	else
		vg_attach_devices(scan, vi->vg, 0);
	return vi->vg;
}

void scan_resolve_members(struct lvm_scan *scan)
{
	struct vg_info *vi;
	struct physical_volume *pv;

	if (scan->members_resolved)
		return;
	scan->members_resolved = 1;
	TAILQ_FOREACH(vi, &scan->vgs, list) {
		if (!import_best(scan, vi))
			continue;
		TAILQ_FOREACH(pv, &vi->vg->pvs, list) {
			struct pv_info *info = scan_find_pv(scan, &pv->id);

			if (info && !info->vg)
				info->vg = vi;
		}
	}
}
