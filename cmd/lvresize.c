/* lvextend, lvreduce, lvresize: change the number of extents of an LV. */
#include <string.h>

#include "cmd/activation.h"
#include "cmd/command.h"
#include "cmd/fsresize.h"
#include "cmd/commands.h"
#include "cmd/lvcommon.h"
#include "cmd/toolcontext.h"
#include "metadata/alloc.h"
#include "metadata/metadata.h"
#include "misc/log.h"
#include "misc/pool.h"

enum resize_mode { GROW, SHRINK, EITHER };

static int cmd_lvextend(struct cmd_context *cmd);
static int cmd_lvreduce(struct cmd_context *cmd);
static int cmd_lvresize(struct cmd_context *cmd);

#define RESIZE_OPTIONS OPT_SIZE, OPT_EXTENTS, OPT_STRIPES, OPT_STRIPESIZE, OPT_ALLOC, \
	OPT_RESIZEFS, OPT_NOFSCK, OPT_NOUDEVSYNC, OPT_COUNT

const struct command_def cmddef_lvextend = {
	"lvextend", cmd_lvextend, "Add space to a logical volume",
	"  lvextend -L|--size [+]Size[m|UNIT] LV [PV ...]\n"
	"  lvextend -l|--extents [+]Number[PERCENT] LV [PV ...]\n",
	(const enum option_id[]){ RESIZE_OPTIONS }, 1, -1
};

const struct command_def cmddef_lvreduce = {
	"lvreduce", cmd_lvreduce, "Reduce the size of a logical volume",
	"  lvreduce -L|--size [-]Size[m|UNIT] LV\n"
	"  lvreduce -l|--extents [-]Number[PERCENT] LV\n",
	(const enum option_id[]){ RESIZE_OPTIONS }, 1, 1
};

const struct command_def cmddef_lvresize = {
	"lvresize", cmd_lvresize, "Resize a logical volume",
	"  lvresize -L|--size [+|-]Size[m|UNIT] LV [PV ...]\n"
	"  lvresize -l|--extents [+|-]Number[PERCENT] LV [PV ...]\n",
	(const enum option_id[]){ RESIZE_OPTIONS }, 1, -1
};

/* Only layouts the allocator understands can change size. */
static int resizable(const struct logical_volume *lv)
{
	const struct lv_segment *seg;

	TAILQ_FOREACH(seg, &lv->segments, list)
		if (!seg_is_striped(seg) && strcmp(seg->type, "zero") && strcmp(seg->type, "error")) {
			log_error("Resizing %s/%s (segment type %s) is not supported by openlvm.",
				  lv->vg->name, lv->name, seg->type);
			return 0;
		}
	if (!lv_is_visible(lv)) {
		log_error("Can't resize internal logical volume %s/%s.", lv->vg->name, lv->name);
		return 0;
	}
	return 1;
}

static int new_size(struct cmd_context *cmd, const struct logical_volume *lv,
		    const struct lv_size_arg *sz, const struct alloc_request *req,
		    enum resize_mode mode, uint64_t *target)
{
	struct volume_group *vg = lv->vg;
	uint64_t amount, cur = lv->le_count;

	if (lv_size_extents(cmd, sz, vg, req->nranges ? lv_ranges_extents(req) : vg_extent_count(vg),
			    sz->sign != SIGN_NONE, &amount))
		return -1;
	if (sz->sign == SIGN_MINUS && amount >= cur) {
		log_error("Unable to reduce %s/%s below 1 extent.", vg->name, lv->name);
		return -1;
	}
	*target = sz->sign == SIGN_PLUS ? cur + amount : sz->sign == SIGN_MINUS ? cur - amount : amount;
	if (!*target) {
		log_error("Unable to reduce %s/%s below 1 extent.", vg->name, lv->name);
		return -1;
	}
	if (*target == cur) {
		log_error("New size (%llu extents) matches existing size (%llu extents).",
			  (unsigned long long)cur, (unsigned long long)cur);
		return -1;
	}
	if (mode == GROW && *target < cur) {
		log_error("New size given (%llu extents) not larger than existing size (%llu extents)",
			  (unsigned long long)*target, (unsigned long long)cur);
		return -1;
	}
	if (mode == SHRINK && *target > cur) {
		log_error("New size given (%llu extents) not less than existing size (%llu extents)",
			  (unsigned long long)*target, (unsigned long long)cur);
		return -1;
	}
	if (*target > UINT32_MAX) {
		log_error("Logical volume size is too large (%llu extents).",
			  (unsigned long long)*target);
		return -1;
	}
	return 0;
}

static int grow(struct cmd_context *cmd, struct logical_volume *lv, struct alloc_request *req,
		uint64_t *target)
{
	struct lv_segment *last = TAILQ_LAST(&lv->segments, segment_list);
	uint32_t add = (uint32_t)(*target - lv->le_count);
	uint32_t stripes = 1, ssize = 0;

	if (last && !seg_is_striped(last)) {
		lv_extend_virtual(lv, last->type, add);
		return 0;
	}
	if (last && last->area_count > 1) {
		stripes = last->area_count;
		ssize = last->stripe_size;
	}
	if (lv_stripes_from_args(cmd, lv->vg, stripes, ssize, req))
		return -1;
	if (add % req->stripes) {
		uint32_t up = add + req->stripes - add % req->stripes;

		log_print("Rounding size %s (%u extents) up to stripe boundary size %s (%u extents).",
			  lv_size_str(cmd, lv->vg, lv->le_count + add), lv->le_count + add,
			  lv_size_str(cmd, lv->vg, lv->le_count + up), lv->le_count + up);
		add = up;
		*target = lv->le_count + (uint64_t)up;
	}
	req->extents = add;
	return lv_extend(lv, req);
}

static int confirm_reduce(struct cmd_context *cmd, const struct logical_volume *lv)
{
	if (arg_is_set(cmd, OPT_FORCE))
		return 1;
	if (cmd_confirm(cmd, "Do you really want to reduce %s/%s? [y/n]: ", lv->vg->name, lv->name))
		return 1;
	log_error("Logical volume %s/%s NOT reduced.", lv->vg->name, lv->name);
	return 0;
}

/* fs_first: -r found a file system that shrinks first, so no data is lost. */
static int resize_lv(struct cmd_context *cmd, struct volume_group *vg, struct logical_volume *lv,
		     const struct lv_size_arg *sz, enum resize_mode mode, int fs_first)
{
	struct alloc_request req = { 0 };
	uint64_t target, before = lv->le_count;

	if (!resizable(lv) || lv_alloc_from_args(cmd, &req.policy) ||
	    lv_pv_ranges(cmd, vg, cmd->argv + 1, cmd->argc - 1, &req) ||
	    new_size(cmd, lv, sz, &req, mode, &target))
		return -1;
	if (target > before) {
		if (grow(cmd, lv, &req, &target))
			return -1;
	} else {
		if (!fs_first && !confirm_reduce(cmd, lv))
			return -1;
		target = lv_reduce(lv, (uint32_t)target);
	}
	log_print("Size of logical volume %s/%s changed from %s (%llu extents) to %s (%llu extents).",
		  vg->name, lv->name, lv_size_str(cmd, vg, before), (unsigned long long)before,
		  lv_size_str(cmd, vg, target), (unsigned long long)target);
	return 0;
}

/*
 * -r: the file system shrinks before the new size is committed and grows
 * after the live table has it; every refusal comes before any change.
 */
static int resize_with_fs(struct cmd_context *cmd, struct activation *act,
			  struct volume_group *vg, struct logical_volume *lv,
			  const struct lv_size_arg *sz, enum resize_mode mode)
{
	struct fs_state fs = { 0 };
	int resizefs = arg_is_set(cmd, OPT_RESIZEFS);
	uint32_t before = lv->le_count;

	if (resizefs && (fs_probe(cmd, act, lv, &fs) ||
			 fs_check(&fs, lv, mode == SHRINK || sz->sign == SIGN_MINUS)))
		return -1;
	if (resize_lv(cmd, vg, lv, sz, mode, resizefs && fs.type))
		return -1;
	if (resizefs && lv->le_count < before && fs_check(&fs, lv, 1))
		return -1;
	if (resizefs && lv->le_count < before &&
	    fs_shrink(cmd, &fs, (uint64_t)lv->le_count * vg->extent_size))
		return -1;
	if (cmd_commit_vg(cmd, vg) || act_reload(act, lv))
		return -1;
	if (resizefs && lv->le_count > before && fs_grow(cmd, &fs))
		return -1;
	return 0;
}

static int run_resize(struct cmd_context *cmd, enum resize_mode mode)
{
	struct lv_size_arg sz;
	const char *vg_name, *lv_name;
	struct volume_group *vg;
	struct logical_volume *lv;
	struct activation *act = NULL;

	if (lv_size_parse(cmd, 1, &sz) || lv_name_arg(cmd, cmd->argv[0], NULL, &vg_name, &lv_name))
		return EXIT_BAD_CMDLINE;
	if (!sz.set) {
		log_error("Please specify either size or extents.");
		return EXIT_BAD_CMDLINE;
	}
	if ((mode == GROW && sz.sign == SIGN_MINUS) || (mode == SHRINK && sz.sign == SIGN_PLUS)) {
		log_error("Negative argument not permitted - use lvreduce / positive - use lvextend.");
		return EXIT_BAD_CMDLINE;
	}
	vg = cmd_read_vg_for_update(cmd, vg_name);
	if (!vg)
		return EXIT_FAILED;
	lv = vg_find_lv(vg, lv_name);
	if (!lv) {
		log_error("Logical volume %s not found in volume group %s.", lv_name, vg->name);
		goto bad;
	}
	act = act_begin(cmd);
	if (resize_with_fs(cmd, act, vg, lv, &sz, mode))
		goto bad;
	log_print("Logical volume %s/%s successfully resized.", vg->name, lv->name);
	act_end(act);
	vg_free(vg);
	return EXIT_OK;
bad:
	act_end(act);
	vg_free(vg);
	return EXIT_FAILED;
}

static int cmd_lvextend(struct cmd_context *cmd)
{
	return run_resize(cmd, GROW);
}

static int cmd_lvreduce(struct cmd_context *cmd)
{
	return run_resize(cmd, SHRINK);
}

static int cmd_lvresize(struct cmd_context *cmd)
{
	return run_resize(cmd, EITHER);
}
