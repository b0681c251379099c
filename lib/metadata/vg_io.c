/*
 * Reading a VG from its newest metadata copy and committing changes with
 * LVM2's protocol: the new text goes into free space of every metadata
 * area first, and only then do the headers point at it, so a crash at any
 * point leaves each area with either the old or the new committed copy.
 */
#include <stdio.h>
#include <string.h>

#include "device/device.h"
#include "format/label.h"
#include "format/mda.h"
#include "format/text.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/hash.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

void pv_attach_info(struct physical_volume *pv, const struct pv_info *info)
{
	unsigned i;

	pv->dev = info->dev;
	pv->mda_count = info->mda_count;
	for (i = 0; i < info->mda_count; i++) {
		const struct mda_copy *m = &info->mdas[i];

		pv->mdas[i].start = m->start;
		pv->mdas[i].size = m->size;
		pv->mdas[i].ignored = m->ignored;
		pv->mdas[i].header_ok = m->header_ok;
		pv->mdas[i].text_size = m->header_ok ? m->hdr.slot[0].size : 0;
	}
	pv->label_sector = info->label.sector;
	pv->ext_version = info->label.ext_version;
	pv->ext_flags = info->label.ext_flags;
}

static void warn_stale_copies(const struct lvm_scan *scan, const struct vg_info *vi)
{
	const struct pv_info *info;
	unsigned i;

	TAILQ_FOREACH(info, &scan->pvs, list) {
		for (i = 0; i < info->mda_count; i++) {
			const struct mda_copy *m = &info->mdas[i];

			if (!m->text || !id_equal(&m->vg_id, &vi->id) || m->seqno == vi->seqno)
				continue;
			log_warn("ignoring metadata seqno %u on %s for seqno %u on %s for VG %s.",
				 m->seqno, info->dev->path, vi->seqno, vi->best_pv->dev->path,
				 vi->name);
		}
	}
}

static int holds_copy(const struct pv_info *info, const struct lvm_id *vg_id)
{
	unsigned i;

	for (i = 0; i < info->mda_count; i++)
		if (info->mdas[i].text && id_equal(&info->mdas[i].vg_id, vg_id))
			return 1;
	return 0;
}

/*
 * A listed PV whose id no device carries may be a PV whose UUID change
 * (pvchange -u) was interrupted after the commit and before the label
 * write: a device not listed under its own id, of the same size, holding
 * a copy of this VG (or, without metadata areas, at the recorded path).
 */
static struct pv_info *find_renamed_pv(struct lvm_scan *scan, struct volume_group *vg,
				       const struct physical_volume *pv)
{
	struct pv_info *info, *found = NULL;

	TAILQ_FOREACH(info, &scan->pvs, list) {
		if (vg_find_pv_by_id(vg, &info->label.pv_id) || vg_find_pv_by_dev(vg, info->dev))
			continue;
		if (pv->dev_size && info->label.device_size / SECTOR_SIZE != pv->dev_size)
			continue;
		if (!holds_copy(info, &vg->id) &&
		    (!pv->dev_hint || strcmp(pv->dev_hint, info->dev->path) ||
		     !(info->label.ext_flags & PV_EXT_USED)))
			continue;
		if (found)
			return NULL;	/* ambiguous: better missing than wrong */
		found = info;
	}
	return found;
}

/*
 * A PV flagged MISSING whose device is back: as in LVM2, one that no LV
 * uses is simply a PV again (the next write drops the flag); one in use
 * stays missing until vgextend --restoremissing.
 */
static void reappeared(struct volume_group *vg, struct physical_volume *pv, int warn)
{
	char dashed[ID_DASHED_LEN + 1];

	if (!(pv->flags & PV_F_MISSING))
		return;
	id_format(&pv->id, dashed);
	if (pv->pe_alloc_count) {
		if (warn)
			log_warn("VG %s was missing PV %s %s.", vg->name, pv->dev->path, dashed);
		return;
	}
	pv->flags &= ~PV_F_MISSING;
	if (warn)
		log_warn("VG %s has unused reappeared PV %s %s.", vg->name, pv->dev->path, dashed);
}

void vg_attach_devices(struct lvm_scan *scan, struct volume_group *vg, int warn)
{
	struct physical_volume *pv;

	TAILQ_FOREACH(pv, &vg->pvs, list) {
		struct pv_info *info = scan_find_pv(scan, &pv->id);
		char dashed[ID_DASHED_LEN + 1];

		if (!info && (info = find_renamed_pv(scan, vg, pv)) && warn) {
			id_format(&pv->id, dashed);
			log_warn("PV %s in VG %s has an outdated UUID %s in its label (VG lists %s); "
				 "the next metadata write corrects it.", info->dev->path, vg->name,
				 info->label.pv_id.uuid, dashed);
		}
		if (info) {
			pv_attach_info(pv, info);
			reappeared(vg, pv, warn);
			if (warn && !(info->label.ext_flags & PV_EXT_USED) &&
			    info->label.ext_version >= 2)
				log_warn("PV %s in VG %s is missing the used flag in PV header.",
					 info->dev->path, vg->name);
			continue;
		}
		pv->status |= PV_MISSING;
		if (!warn)
			continue;
		id_format(&pv->id, dashed);
		log_warn("Couldn't find device with uuid %s.", dashed);
	}
}

struct volume_group *vg_read(struct lvm_scan *scan, const char *name, unsigned flags)
{
	struct vg_info *vi;
	struct volume_group *vg;
	char source[512];
	const char *text;
	size_t len;
	int ambiguous;

	vi = scan_find_vg(scan, name, &ambiguous);
	if (!vi) {
		if (!ambiguous)
			log_error("Volume group \"%s\" not found", name);
		return NULL;
	}
	snprintf(source, sizeof(source), "%s", vi->best_pv->dev->path);
	text = scan_copy_text(scan, vi->best_pv, vi->best, &len);
	/* A private copy: the command may change it freely. */
	vg = text ? vg_import_text(text, len, source) : NULL;
	if (!vg)
		return NULL;
	/* Parsed: the text (as big as the export to come) is not needed. */
	scan_drop_text(&vi->best_pv->mdas[vi->best - vi->best_pv->mdas]);
	warn_stale_copies(scan, vi);
	vg_attach_devices(scan, vg, 1);
	if ((vg->status & VG_EXPORTED) && !(flags & VG_READ_ALLOW_EXPORTED)) {
		log_error("Volume group %s is exported", vg->name);
		vg_free(vg);
		return NULL;
	}
	if ((flags & VG_READ_FOR_UPDATE) && !(vg->status & VG_WRITE)) {
		log_error("Volume group %s is read-only.", vg->name);
		vg_free(vg);
		return NULL;
	}
	return vg;
}

/* One mda to update, with the location its new copy goes to. */
struct mda_write {
	struct pv_info *info;
	struct mda_copy *m;
	struct raw_locn locn;
	int ignore;
};

static int check_fits(const struct mda_write *w, size_t size, const char *vgname)
{
	uint64_t max = mda_max_text_size(w->m->size);

	if (size + 1 > max) {
		log_error("VG %s metadata on %s (%zu bytes) exceeds maximum metadata size (%llu bytes)",
			  vgname, w->info->dev->path, size + 1, (unsigned long long)max);
		return -1;
	}
	return 0;
}

static unsigned collect_writes(struct lvm_scan *scan, struct volume_group *vg,
			       struct mda_write *out, unsigned max)
{
	struct physical_volume *pv;
	unsigned n = 0, i;

	TAILQ_FOREACH(pv, &vg->pvs, list) {
		struct pv_info *info = pv->dev ? scan_find_dev(scan, pv->dev) : NULL;

		if (!info)
			continue;
		for (i = 0; i < info->mda_count && n < max; i++) {
			struct mda_copy *m = &info->mdas[i];

			if (!m->header_ok)
				mda_header_init(&m->hdr, m->start, m->size);
			out[n].info = info;
			out[n].m = m;
			out[n].ignore = m->ignored;
			n++;
		}
	}
	return n;
}

/* The label follows the committed metadata (pvchange -u). */
static int relabel_pv(struct lvm_scan *scan, struct pv_info *info,
		      const struct physical_volume *pv)
{
	struct pv_label label = info->label;

	label.pv_id = pv->id;
	if (label_write(info->dev, &label) || dev_flush(info->dev))
		return -1;
	hash_remove(scan->pv_by_id, info->label.pv_id.uuid);
	info->label = label;
	hash_insert(scan->pv_by_id, pool_strdup(scan->mem, label.pv_id.uuid), info);
	return 0;
}

/* A copy older than the one this command read: left by an earlier crash. */
static int holds_stale_copy(const struct pv_info *info, const struct volume_group *vg)
{
	unsigned i;

	for (i = 0; i < info->mda_count; i++) {
		const struct mda_copy *m = &info->mdas[i];

		if (m->text && id_equal(&m->vg_id, &vg->id) && m->seqno + 1 < vg->seqno)
			return 1;
	}
	return 0;
}

/*
 * After a commit: PVs that still hold an outdated copy of this VG but are no
 * longer listed by it (a crash in vgreduce before the PV was cleared)
 * become orphans, unless another VG's newest copy lists them; listed PVs
 * whose label lacks the used flag (a crash in vgcreate or vgextend before
 * the label update) get it.  Either way every area ends up consistent.
 */
static int heal_pvs(struct lvm_scan *scan, struct volume_group *vg)
{
	struct pv_info *info;
	struct physical_volume *pv;
	int resolved = 0;

	TAILQ_FOREACH(info, &scan->pvs, list) {
		if (vg_find_pv_by_id(vg, &info->label.pv_id) || vg_find_pv_by_dev(vg, info->dev) ||
		    !holds_stale_copy(info, vg))
			continue;
		if (!resolved) {
			scan_resolve_members(scan);
			resolved = 1;
		}
		if (info->vg && !id_equal(&info->vg->id, &vg->id))
			continue;
		log_warn("Clearing outdated metadata of VG %s on %s: the VG no longer lists it.",
			 vg->name, info->dev->path);
		if (pv_orphan(scan, info, 0))
			return -1;
	}
	TAILQ_FOREACH(pv, &vg->pvs, list) {
		info = pv->dev ? scan_find_dev(scan, pv->dev) : NULL;
		if (info && !id_equal(&info->label.pv_id, &pv->id) && relabel_pv(scan, info, pv))
			return -1;
		if (!info || info->label.ext_version < PV_HEADER_EXT_VERSION ||
		    (info->label.ext_flags & PV_EXT_USED))
			continue;
		if (pv_set_used(info, 1, 0))
			return -1;
		pv->ext_flags = info->label.ext_flags;
	}
	return 0;
}

/*
 * As LVM2 does: a PV whose device is away when its VG is written is
 * flagged MISSING (hint "[unknown]"), and stays so even once back, until
 * vgextend --restoremissing: its own copies are stale meanwhile.  The
 * flag, not the status word (which only old LVM2 versions wrote).
 */
static void flag_missing_pvs(struct volume_group *vg)
{
	struct physical_volume *pv;

	TAILQ_FOREACH(pv, &vg->pvs, list) {
		if (!(pv->status & PV_MISSING))
			continue;
		pv->status &= ~PV_MISSING;
		pv->flags |= PV_F_MISSING;
		if (!pv->dev)
			pv->dev_hint = "[unknown]";
	}
}

/* Flushes the devices of the writes (those of ignored areas too if asked), together. */
static int flush_writes(struct pool *mem, const struct mda_write *w, unsigned n,
			int with_ignored)
{
	struct device **devs = POOL_ARRAY(mem, struct device *, n ? n : 1);
	unsigned i, ndevs = 0;

	for (i = 0; i < n; i++) {
		struct device *dev = w[i].info->dev;

		if ((w[i].ignore && !with_ignored) || (ndevs && devs[ndevs - 1] == dev))
			continue;
		devs[ndevs++] = dev;
	}
	return dev_flush_all(devs, ndevs);
}

int vg_commit(struct lvm_scan *scan, struct volume_group *vg,
	      const struct text_context *tctx, int test_mode)
{
	struct strbuf text = STRBUF_INIT;
	struct mda_write *w;
	unsigned n, i, max = vg->pv_count * MAX_MDAS_PER_PV + 1;
	int r = -1;

	vg->seqno++;
	flag_missing_pvs(vg);
	if (vg_validate(vg)) {
		vg->seqno--;
		return -1;
	}
	vg_export_text(vg, TEXT_DISK, tctx, &text);
	/* The NUL and sector padding after the text: written without a copy. */
	strbuf_grow(&text, MDA_TEXT_PAD);
	memset(text.buf + text.len, 0, MDA_TEXT_PAD);
	w = POOL_ARRAY(scan->mem, struct mda_write, max);
	n = collect_writes(scan, vg, w, max);
	for (i = 0; i < n; i++)
		if (!w[i].ignore && check_fits(&w[i], text.len, vg->name))
			goto out;
	if (test_mode) {
		log_verbose("Test mode: not writing metadata seqno %u for VG %s.", vg->seqno, vg->name);
		r = 0;
		goto out;
	}
	/*
	 * Phase 1: text into free space; headers still point at the old copy.
	 * All devices are flushed (together) before the first header is
	 * written, and again before we return: two barriers per commit, each
	 * costing about one disk flush however many PVs the VG has.  Which
	 * headers of phase 2 reach the disk before a crash does not matter:
	 * readers take the newest valid copy.
	 */
	for (i = 0; i < n; i++)
		if (!w[i].ignore &&
		    mda_write_padded(w[i].info->dev, &w[i].m->hdr, text.buf, text.len, &w[i].locn))
			goto out;
	if (flush_writes(scan->mem, w, n, 0))
		goto out;
	/* Phase 2: headers, ignored areas first as LVM2 does. */
	for (i = 0; i < n; i++) {
		struct mda_header *h = &w[i].m->hdr;

		memset(&h->slot[1], 0, sizeof(h->slot[1]));
		if (w[i].ignore) {
			memset(&h->slot[0], 0, sizeof(h->slot[0]));
			h->slot[0].flags = RAW_LOCN_IGNORED;
		} else {
			h->slot[0] = w[i].locn;
		}
		w[i].m->header_ok = 1;
		if (mda_header_put(w[i].info->dev, h))
			goto out;
	}
	if (flush_writes(scan->mem, w, n, 1))
		goto out;
	r = 0;
out:
	strbuf_release(&text);
	if (r)
		vg->seqno--;
	else if (!test_mode)
		r = heal_pvs(scan, vg);	/* the commit itself stands either way */
	return r;
}

int pv_set_used(struct pv_info *info, int used, int test_mode)
{
	struct pv_label label = info->label;

	if (label.ext_version < PV_HEADER_EXT_VERSION)
		label.ext_version = PV_HEADER_EXT_VERSION;
	if (used)
		label.ext_flags |= PV_EXT_USED;
	else
		label.ext_flags &= ~PV_EXT_USED;
	if (!memcmp(&label, &info->label, sizeof(label)))
		return 0;
	if (test_mode)
		return 0;
	if (label_write(info->dev, &label) || dev_flush(info->dev))
		return -1;
	info->label = label;
	return 0;
}

int pv_orphan(struct lvm_scan *scan, struct pv_info *info, int test_mode)
{
	unsigned i;

	(void)scan;
	if (test_mode)
		return 0;
	for (i = 0; i < info->mda_count; i++) {
		struct mda_copy *m = &info->mdas[i];
		uint32_t ignored = m->header_ok ? m->hdr.slot[0].flags & RAW_LOCN_IGNORED : 0;

		if (!m->header_ok)
			mda_header_init(&m->hdr, m->start, m->size);
		memset(m->hdr.slot, 0, sizeof(m->hdr.slot));
		m->hdr.slot[0].flags = ignored;
		m->header_ok = 1;
		m->text = NULL;
		if (mda_header_write(info->dev, &m->hdr))
			return -1;
	}
	if (dev_flush(info->dev))
		return -1;
	info->vg = NULL;
	return pv_set_used(info, 0, test_mode);
}
