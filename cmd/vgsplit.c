/*
 * vgsplit and vgmerge: moving PVs, with the LVs that live on them, between
 * two VGs.  Objects are copied into the receiving VG's model; strings and
 * verbatim segment keys are shared with the giving VG, which therefore
 * stays alive until the receiver has been committed and freed.
 *
 * Crash order: the receiver is committed first (it lists the PVs and their
 * mdas now hold its text), then the giver, which no longer lists them.
 * A crash in between leaves the giver's older text only on PVs that the
 * newer receiver also claims; readers keep the newest copy per VG UUID.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "cmd/vgcommon.h"
#include "device/device.h"
#include "metadata/backup.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "misc/pool.h"

/* ---- copying model objects between VGs ---- */

static struct physical_volume *copy_pv(struct volume_group *dst,
				       const struct physical_volume *src)
{
	struct physical_volume *pv = vg_add_pv(dst, &src->id);

	if (!pv)
		return NULL;
	pv->dev_hint = src->dev_hint;
	pv->device_id_type = src->device_id_type;
	pv->device_id = src->device_id;
	pv->dev = src->dev;
	pv->status = src->status;
	pv->flags = src->flags;
	strv_copy(dst->mem, &pv->tags, &src->tags);
	pv->dev_size = src->dev_size;
	pv->pe_start = src->pe_start;
	pv->pe_count = src->pe_count;
	pv->ba_start = src->ba_start;
	pv->ba_size = src->ba_size;
	pv->mda_count = src->mda_count;
	memcpy(pv->mdas, src->mdas, sizeof(pv->mdas));
	pv->label_sector = src->label_sector;
	pv->ext_version = src->ext_version;
	pv->ext_flags = src->ext_flags;
	return pv;
}

/* The LV header only; segments follow once every LV exists (LV areas). */
static struct logical_volume *copy_lv_header(struct volume_group *dst,
					     const struct logical_volume *src)
{
	struct logical_volume *lv = vg_add_lv(dst, src->name);

	if (!lv)
		return NULL;
	lv->id = src->id;
	lv->status = src->status;
	lv->flags = src->flags;
	strv_copy(dst->mem, &lv->tags, &src->tags);
	lv->has_creation = src->has_creation;
	lv->creation_time = src->creation_time;
	lv->creation_host = src->creation_host;
	lv->lock_args = src->lock_args;
	lv->alloc = src->alloc;
	lv->profile = src->profile;
	lv->read_ahead = src->read_ahead;
	lv->has_major_minor = src->has_major_minor;
	lv->major = src->major;
	lv->minor = src->minor;
	return lv;
}

static void copy_area(struct volume_group *dst, struct seg_area *to, const struct seg_area *from)
{
	*to = *from;
	if (from->type == AREA_PV && from->u.pv.pv)
		to->u.pv.pv = vg_find_pv_by_id(dst, &from->u.pv.pv->id);
	else if (from->type == AREA_LV && from->u.lv.lv)
		to->u.lv.lv = vg_find_lv(dst, from->u.lv.lv->name);
}

static void copy_segments(struct logical_volume *lv, const struct logical_volume *src)
{
	const struct lv_segment *from;

	TAILQ_FOREACH(from, &src->segments, list) {
		struct lv_segment *seg = lv_add_segment(lv, from->type, from->len, from->area_count);

		seg->type_flags = from->type_flags;
		seg->stripe_size = from->stripe_size;
		strv_copy(lv->vg->mem, &seg->tags, &from->tags);
		seg->has_reshape_count = from->has_reshape_count;
		seg->has_data_copies = from->has_data_copies;
		seg->reshape_count = from->reshape_count;
		seg->data_copies = from->data_copies;
		seg->extra = from->extra;
		seg->areas_key = from->areas_key;
		for (uint32_t a = 0; a < from->area_count; a++)
			copy_area(lv->vg, &seg->areas[a], &from->areas[a]);
	}
}

/* Copies the LVs flagged in move (NULL: all) into dst, in src's order. */
static void copy_lvs(struct volume_group *dst, const struct volume_group *src,
		     const char *move)
{
	const struct logical_volume *lv;

	TAILQ_FOREACH(lv, &src->lvs, list)
		if (!move || move[lv->index])
			copy_lv_header(dst, lv);
	TAILQ_FOREACH(lv, &src->lvs, list)
		if (!move || move[lv->index])
			copy_segments(vg_find_lv(dst, lv->name), lv);
}

/* ---- checks shared by both commands ---- */

static int vg_complete(const struct volume_group *vg)
{
	const struct physical_volume *pv;

	TAILQ_FOREACH(pv, &vg->pvs, list)
		if (!pv->dev) {
			log_error("Volume group %s has missing physical volumes: not changed.",
				  vg->name);
			return 0;
		}
	return 1;
}

static int has_mda(const struct volume_group *vg)
{
	const struct physical_volume *pv;

	TAILQ_FOREACH(pv, &vg->pvs, list)
		for (unsigned i = 0; i < pv->mda_count; i++)
			if (!pv->mdas[i].ignored)
				return 1;
	return 0;
}

static int within_limits(const struct volume_group *vg, const char *other)
{
	if (vg->max_lv && vg->lv_count > vg->max_lv) {
		log_error("Maximum number of logical volumes (%u) exceeded for \"%s\" and \"%s\"",
			  vg->max_lv, vg->name, other);
		return 0;
	}
	if (vg->max_pv && vg->pv_count > vg->max_pv) {
		log_error("Maximum number of physical volumes (%u) exceeded for \"%s\" and \"%s\"",
			  vg->max_pv, vg->name, other);
		return 0;
	}
	return 1;
}

/* Commits the receiver, then the giver with its own archive text. */
static int commit_both(struct cmd_context *cmd, struct volume_group *to,
		       struct volume_group *from, const char *from_archive, size_t from_len)
{
	if (cmd_commit_vg(cmd, to))
		return -1;
	cmd->archive_text = from_archive;
	cmd->archive_len = from_len;
	return cmd_commit_vg(cmd, from);
}

/* ---- vgsplit ---- */

static int simple_segment(const struct lv_segment *seg)
{
	return !seg->extra && (seg_is_striped(seg) || !seg->area_count);
}

/*
 * Flags in move[] (by LV index) the LVs that lie on moved PVs (pv_moved[]
 * by PV index).  Refuses LVs on both sides, and LVs openlvm cannot judge.
 */
static int pick_lvs(const struct volume_group *vg, const char *pv_moved, char *move)
{
	const struct logical_volume *lv;
	const struct lv_segment *seg;

	TAILQ_FOREACH(lv, &vg->lvs, list) {
		int on_moved = 0, on_kept = 0, simple = 1;

		TAILQ_FOREACH(seg, &lv->segments, list) {
			simple &= simple_segment(seg);
			for (uint32_t a = 0; a < seg->area_count; a++) {
				const struct seg_area *area = &seg->areas[a];

				if (area->type != AREA_PV || !area->u.pv.pv)
					continue;
				if (pv_moved[area->u.pv.pv->index])
					on_moved = 1;
				else
					on_kept = 1;
			}
		}
		if (on_moved && on_kept) {
			log_error("Can't split Logical Volume %s between two Volume Groups", lv->name);
			return -1;
		}
		if (on_moved && !simple) {
			log_error("Logical volume %s/%s: openlvm can only split linear, striped, "
				  "zero and error LVs.", vg->name, lv->name);
			return -1;
		}
		move[lv->index] = (char)on_moved;
	}
	return 0;
}

static int mark_pv(struct cmd_context *cmd, struct volume_group *vg, const char *path,
		   char *pv_moved)
{
	struct physical_volume *pv = vg_member_at(cmd, vg, path);

	if (!pv) {
		log_error("Physical volume %s not in volume group %s", path, vg->name);
		return -1;
	}
	pv_moved[pv->index] = 1;
	return 0;
}

static int mark_lv_pvs(struct volume_group *vg, const char *name, char *pv_moved)
{
	const struct logical_volume *lv = vg_find_lv(vg, name);
	const struct lv_segment *seg;

	if (!lv) {
		log_error("Logical volume \"%s\" not found in volume group \"%s\"", name, vg->name);
		return -1;
	}
	TAILQ_FOREACH(seg, &lv->segments, list)
		for (uint32_t a = 0; a < seg->area_count; a++)
			if (seg->areas[a].type == AREA_PV && seg->areas[a].u.pv.pv)
				pv_moved[seg->areas[a].u.pv.pv->index] = 1;
	return 0;
}

/* Marks the PVs to move; returns how many, or -1. */
static int pick_pvs(struct cmd_context *cmd, struct volume_group *vg, char *pv_moved)
{
	const struct physical_volume *pv;
	int i, n = 0;

	for (i = 2; i < cmd->argc; i++)
		if (mark_pv(cmd, vg, cmd->argv[i], pv_moved))
			return -1;
	if (arg_is_set(cmd, OPT_NAME) && mark_lv_pvs(vg, arg_str(cmd, OPT_NAME, ""), pv_moved))
		return -1;
	TAILQ_FOREACH(pv, &vg->pvs, list)
		n += pv_moved[pv->index];
	if (!n) {
		log_error("No physical volumes to move from volume group \"%s\".", vg->name);
		return -1;
	}
	if (n == (int)vg->pv_count) {
		log_error("Cannot split: volume group \"%s\" would be left without "
			  "physical volumes.", vg->name);
		return -1;
	}
	return n;
}

static int new_vg_options_set(const struct cmd_context *cmd)
{
	return arg_is_set(cmd, OPT_MAXLV) || arg_is_set(cmd, OPT_MAXPV) ||
	       arg_is_set(cmd, OPT_ALLOC) || arg_is_set(cmd, OPT_METADATATYPE) ||
	       arg_is_set(cmd, OPT_VGMETADATACOPIES);
}

/* A new DST: SRC's settings, overridden by the command line. */
static struct volume_group *new_dst(struct cmd_context *cmd, const struct volume_group *src,
				    const char *name)
{
	struct volume_group *vg = vg_new(name);
	const char *type = arg_str(cmd, OPT_METADATATYPE, "lvm2");

	vg->extent_size = src->extent_size;
	vg->alloc = src->alloc;
	vg->mda_copies = src->mda_copies;
	vg->status = VG_RESIZEABLE | VG_READ | VG_WRITE;
	if (strcmp(type, "lvm2") && strcmp(type, "2")) {
		log_error("Metadata type %s is not supported.", type);
		goto bad;
	}
	if (arg_uint32(cmd, OPT_MAXLV, src->max_lv, &vg->max_lv) ||
	    arg_uint32(cmd, OPT_MAXPV, src->max_pv, &vg->max_pv))
		goto bad;
	if (arg_is_set(cmd, OPT_ALLOC) &&
	    (alloc_policy_parse(arg_str(cmd, OPT_ALLOC, ""), &vg->alloc) ||
	     vg->alloc == ALLOC_INHERIT)) {
		log_error("Invalid allocation policy: %s", arg_str(cmd, OPT_ALLOC, ""));
		goto bad;
	}
	if (arg_is_set(cmd, OPT_VGMETADATACOPIES) && vg_copies_from_args(cmd, &vg->mda_copies))
		goto bad;
	if (id_create(&vg->id))
		goto bad;
	return vg;
bad:
	vg_free(vg);
	return NULL;
}

/* Opens DST: existing (checked against src) or new.  NULL on error. */
static struct volume_group *open_dst(struct cmd_context *cmd, const struct volume_group *src,
				     const char *name, int *existing)
{
	struct volume_group *dst;
	int ambiguous;

	*existing = scan_find_vg(cmd->scan, name, &ambiguous) != NULL;
	if (ambiguous)
		return NULL;
	if (!*existing) {
		const char *why = vg_name_invalid(name);

		if (why) {
			log_error("Invalid volume group name %s: %s.", name, why);
			return NULL;
		}
		cmd->archive_text = NULL;	/* nothing to archive for a new VG */
		return new_dst(cmd, src, name);
	}
	if (new_vg_options_set(cmd)) {
		log_error("Volume group \"%s\" exists, but new VG option specified", name);
		return NULL;
	}
	/* Already locked by the caller: a second lock on the same file would block. */
	dst = vg_read(cmd->scan, name, VG_READ_FOR_UPDATE);
	if (dst)
		cmd_keep_archive(cmd, dst);
	if (dst && dst->extent_size != src->extent_size) {
		log_error("Extent sizes differ: %u (%s) and %u (%s)", dst->extent_size,
			  dst->name, src->extent_size, src->name);
		vg_free(dst);
		return NULL;
	}
	return dst;
}

/* Moves the flagged PVs and LVs of src into dst; checks both results. */
static int split_into(struct volume_group *dst, struct volume_group *src,
		      const char *pv_moved, const char *lv_moved)
{
	struct physical_volume *pv, **gone;
	struct logical_volume *lv, *next_lv;
	unsigned n = 0;

	TAILQ_FOREACH(pv, &src->pvs, list)
		if (pv_moved[pv->index] && !copy_pv(dst, pv)) {
			log_error("Physical volume %s is already in volume group %s.",
				  pv->dev->path, dst->name);
			return -1;
		}
	TAILQ_FOREACH(lv, &src->lvs, list)
		if (lv_moved[lv->index] && vg_find_lv(dst, lv->name)) {
			log_error("Duplicate logical volume name \"%s\" in \"%s\" and \"%s\"",
				  lv->name, dst->name, src->name);
			return -1;
		}
	copy_lvs(dst, src, lv_moved);
	for (lv = TAILQ_FIRST(&src->lvs); lv; lv = next_lv) {
		next_lv = TAILQ_NEXT(lv, list);
		if (lv_moved[lv->index])
			vg_remove_lv(src, lv);
	}
	/* vg_remove_pv renumbers the rest, so flags by index are read first. */
	gone = POOL_ARRAY(src->mem, struct physical_volume *, src->pv_count);
	TAILQ_FOREACH(pv, &src->pvs, list)
		if (pv_moved[pv->index])
			gone[n++] = pv;
	while (n)
		vg_remove_pv(src, gone[--n]);
	vg_recount(dst);
	vg_recount(src);
	if (!has_mda(dst) || !has_mda(src)) {
		log_error("Cannot split: Nowhere to store metadata for %s volume group",
			  has_mda(dst) ? "the remaining" : "new");
		return -1;
	}
	return within_limits(dst, src->name) ? 0 : -1;
}

/* LV indexes are creation order, not necessarily dense. */
static size_t lv_index_bound(const struct volume_group *vg)
{
	const struct logical_volume *each;
	size_t bound = 1;

	TAILQ_FOREACH(each, &vg->lvs, list)
		if (each->index + 1 > bound)
			bound = each->index + 1;
	return bound;
}

static int vgsplit(struct cmd_context *cmd)
{
	const char *src_name = cmd_vg_name_arg(cmd, cmd->argv[0]);
	const char *dst_name = cmd_vg_name_arg(cmd, cmd->argv[1]);
	struct volume_group *src, *dst = NULL;
	const char *src_archive;
	size_t src_len;
	char *pv_moved, *lv_moved;
	int existing, r = EXIT_FAILED;

	if (cmd->argc < 3 && !arg_is_set(cmd, OPT_NAME)) {
		log_error("Please enter physical volume paths or option -n");
		return EXIT_BAD_CMDLINE;
	}
	if (!strcmp(src_name, dst_name)) {
		log_error("Duplicate volume group name \"%s\"", src_name);
		return EXIT_FAILED;
	}
	if (cmd_lock_global(cmd, 1) || cmd_lock_vg(cmd, dst_name, 1))
		return EXIT_FAILED;
	/* LVM2 names the destination when the source is missing */
	src = cmd_read_vg_noted(cmd, src_name, pool_printf(cmd->mem, "Failed to read VG %s.",
							   dst_name));
	if (!src)
		return EXIT_FAILED;
	src_archive = cmd->archive_text;
	src_len = cmd->archive_len;
	pv_moved = pool_alloc(cmd->mem, src->pv_count + 1);
	lv_moved = pool_alloc(cmd->mem, lv_index_bound(src));
	if (!vg_complete(src) || pick_pvs(cmd, src, pv_moved) < 0 ||
	    pick_lvs(src, pv_moved, lv_moved))
		goto out;
	dst = open_dst(cmd, src, dst_name, &existing);
	if (!dst || !vg_complete(dst) || split_into(dst, src, pv_moved, lv_moved) ||
	    commit_both(cmd, dst, src, src_archive, src_len))
		goto out;
	log_print("%s volume group \"%s\" successfully split from \"%s\"",
		  existing ? "Existing" : "New", dst->name, src->name);
	r = EXIT_OK;
out:
	vg_free(dst);	/* before src: dst shares src's strings */
	vg_free(src);
	return r;
}

/* ---- vgmerge ---- */

static int mergeable(const struct volume_group *dst, const struct volume_group *src)
{
	const struct logical_volume *lv;

	if (dst->extent_size != src->extent_size) {
		log_error("Extent sizes differ: %u (%s) and %u (%s)", dst->extent_size,
			  dst->name, src->extent_size, src->name);
		return 0;
	}
	TAILQ_FOREACH(lv, &src->lvs, list)
		if (vg_find_lv(dst, lv->name)) {
			log_error("Duplicate logical volume name \"%s\" in \"%s\" and \"%s\"",
				  lv->name, dst->name, src->name);
			return 0;
		}
	if (src->historical_lvs) {
		log_error("Volume group %s has historical LVs: openlvm cannot merge it.", src->name);
		return 0;
	}
	return vg_complete(dst) && vg_complete(src);
}

static int merge_into(struct volume_group *dst, const struct volume_group *src)
{
	const struct physical_volume *pv;

	TAILQ_FOREACH(pv, &src->pvs, list)
		if (!copy_pv(dst, pv)) {
			log_error("Physical volume %s is in both %s and %s.",
				  pv->dev->path, dst->name, src->name);
			return -1;
		}
	copy_lvs(dst, src, NULL);
	vg_recount(dst);
	return within_limits(dst, src->name) ? 0 : -1;
}

/* SRC is gone once DST is committed: archive it and drop its backup file. */
static void retire_src(struct cmd_context *cmd, const char *name, const char *text, size_t len)
{
	struct backup_settings bs;
	char path[4096];

	if (cmd->test_mode)
		return;
	cmd_backup_settings(cmd, &bs);
	if (text)
		backup_archive_text(&bs, name, text, len);
	if (bs.backup_dir &&
	    snprintf(path, sizeof(path), "%s/%s", bs.backup_dir, name) < (int)sizeof(path))
		unlink(path);
}

static int vgmerge(struct cmd_context *cmd)
{
	const char *dst_name = cmd_vg_name_arg(cmd, cmd->argv[0]);
	const char *src_name = cmd_vg_name_arg(cmd, cmd->argv[1]);
	struct volume_group *src = NULL, *dst;
	const char *src_archive;
	size_t src_len;
	int r = EXIT_FAILED;

	if (!strcmp(src_name, dst_name)) {
		log_error("Duplicate volume group name \"%s\"", src_name);
		return EXIT_FAILED;
	}
	if (cmd_lock_global(cmd, 1))
		return EXIT_FAILED;
	src = cmd_read_vg_noted(cmd, src_name, NULL);
	if (!src)
		return EXIT_FAILED;
	src_archive = cmd->archive_text;
	src_len = cmd->archive_len;
	dst = cmd_read_vg_noted(cmd, dst_name, NULL);
	if (!dst || !mergeable(dst, src) || merge_into(dst, src) || cmd_commit_vg(cmd, dst))
		goto out;
	retire_src(cmd, src->name, src_archive, src_len);
	log_print("Volume group \"%s\" successfully merged into \"%s\"", src->name, dst->name);
	r = EXIT_OK;
out:
	vg_free(dst);	/* before src: dst shares src's strings */
	vg_free(src);
	return r;
}

static const enum option_id vgsplit_options[] = {
	OPT_NAME, OPT_MAXLV, OPT_MAXPV, OPT_ALLOC, OPT_METADATATYPE, OPT_VGMETADATACOPIES,
	OPT_COUNT
};

const struct command_def cmddef_vgsplit = {
	"vgsplit", vgsplit, "Move physical volumes into a new or existing volume group",
	"  vgsplit VG VG PV ...\n"
	"\t[ COMMON_OPTIONS ]\n"
	"\n"
	"  vgsplit -n|--name LV VG VG\n"
	"\t[ COMMON_OPTIONS ]\n"
	"\n"
	"  Common options for command:\n"
	"\t[ -l|--maxlogicalvolumes Number ]\n"
	"\t[ -p|--maxphysicalvolumes Number ]\n"
	"\t[ -M|--metadatatype lvm2 ]\n"
	"\t[    --alloc contiguous|cling|cling_by_tags|normal|anywhere|inherit ]\n"
	"\t[    --vgmetadatacopies all|unmanaged|Number ]\n",
	vgsplit_options, 2, -1
};

const struct command_def cmddef_vgmerge = {
	"vgmerge", vgmerge, "Merge volume groups",
	"  vgmerge VG VG\n"
	"\t[ COMMON_OPTIONS ]\n",
	(const enum option_id[]){ OPT_COUNT }, 2, 2
};
