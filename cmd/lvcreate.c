/* lvcreate: a new linear, striped, zero or error LV. */
#include <string.h>
#include <sys/utsname.h>
#include <time.h>

#include "cmd/activation.h"
#include "cmd/command.h"
#include "cmd/commands.h"
#include "cmd/lvcommon.h"
#include "cmd/toolcontext.h"
#include "cmd/vgcommon.h"
#include "metadata/alloc.h"
#include "metadata/metadata.h"
#include "misc/log.h"
#include "misc/pool.h"

static int cmd_lvcreate(struct cmd_context *cmd);

const struct command_def cmddef_lvcreate = {
	"lvcreate", cmd_lvcreate, "Create a logical volume",
	"  lvcreate -L|--size Size[m|UNIT] VG\n"
	"  lvcreate -l|--extents Number[PERCENT] VG\n"
	"  lvcreate --type linear|striped|zero|error -L|--size Size[m|UNIT] VG [PV ...]\n"
	"  lvcreate -i|--stripes Number -L|--size Size[m|UNIT] VG [PV ...]\n"
	"\n"
	"  PV may carry physical extent ranges: PV[:PE[-PE]]...\n",
	(const enum option_id[]){ OPT_SIZE, OPT_EXTENTS, OPT_NAME, OPT_STRIPES, OPT_STRIPESIZE,
		OPT_ALLOC, OPT_CONTIGUOUS, OPT_PERMISSION, OPT_READAHEAD, OPT_ADDTAG, OPT_ZERO,
		OPT_WIPESIGNATURES, OPT_TYPE, OPT_SETACTIVATIONSKIP, OPT_SETAUTOACTIVATION,
		OPT_ACTIVATE, OPT_IGNOREACTIVATIONSKIP, OPT_MONITOR, OPT_NOUDEVSYNC, OPT_MAJOR,
		OPT_MINOR, OPT_PERSISTENT, OPT_METADATAPROFILE, OPT_COUNT },
	0, -1
};

enum lv_kind { KIND_STRIPED, KIND_ZERO, KIND_ERROR };

struct create_params {
	const char *vg_name, *lv_name;
	enum lv_kind kind;
	struct lv_size_arg size;
	enum alloc_policy alloc;
	uint32_t status, flags, read_ahead;
	int activate;		/* -a y (or default) */
};

static int parse_kind(struct cmd_context *cmd, enum lv_kind *kind)
{
	const char *t = arg_str(cmd, OPT_TYPE, "striped");

	if (!strcmp(t, "linear") || !strcmp(t, "striped")) {
		*kind = KIND_STRIPED;
		if (!strcmp(t, "linear") && arg_is_set(cmd, OPT_STRIPES)) {
			uint32_t n;

			if (arg_uint32(cmd, OPT_STRIPES, 1, &n) || n != 1) {
				log_error("Linear LVs cannot have stripes: use --type striped.");
				return -1;
			}
		}
	} else if (!strcmp(t, "zero")) {
		*kind = KIND_ZERO;
	} else if (!strcmp(t, "error")) {
		*kind = KIND_ERROR;
	} else {
		log_error("Segment type %s is not supported by openlvm lvcreate "
			  "(linear, striped, zero, error).", t);
		return -1;
	}
	return 0;
}

static int parse_flags(struct cmd_context *cmd, struct create_params *p)
{
	int skip, autoact;
	const char *a = arg_str(cmd, OPT_ACTIVATE, "y");

	p->status = LV_READ | LV_WRITE | LV_VISIBLE;
	p->read_ahead = READ_AHEAD_AUTO;
	p->alloc = ALLOC_INHERIT;
	if (lv_permission_from_args(cmd, &p->status) || lv_readahead_from_args(cmd, &p->read_ahead) ||
	    lv_alloc_from_args(cmd, &p->alloc) ||
	    arg_yesno(cmd, OPT_SETACTIVATIONSKIP, 0, &skip) ||
	    arg_yesno(cmd, OPT_SETAUTOACTIVATION, 1, &autoact))
		return -1;
	if (skip)
		p->flags |= LV_F_ACTIVATION_SKIP;
	if (!autoact)
		p->flags |= LV_F_NOAUTOACTIVATE;
	if (strcmp(a, "y") && strcmp(a, "n") && strcmp(a, "ay") && strcmp(a, "ey") &&
	    strcmp(a, "ly") && strcmp(a, "sy")) {
		log_error("Invalid argument for --activate: %s", a);
		return -1;
	}
	p->activate = strcmp(a, "n") != 0;
	return 0;
}

static int parse_names(struct cmd_context *cmd, struct create_params *p)
{
	const char *n = arg_str(cmd, OPT_NAME, NULL);

	if (!cmd->argc && !(n && strchr(n, '/'))) {
		log_error("Please provide a volume group name");
		return -1;
	}
	p->vg_name = cmd->argc ? cmd_vg_name_arg(cmd, cmd->argv[0]) : NULL;
	if (cmd->argc && strchr(cmd->argv[0], '/') && !n)
		n = strrchr(cmd->argv[0], '/') + 1;
	if (n && strchr(n, '/') && lv_name_arg(cmd, n, p->vg_name, &p->vg_name, &n))
		return -1;
	if (n && lv_new_name_check(p->vg_name, n))
		return -1;
	p->lv_name = n;
	return 0;
}

/* A bad -I is a command-line error (exit 3), found before the VG is read. */
static int stripe_size_invalid(struct cmd_context *cmd)
{
	uint64_t size;

	if (!arg_is_set(cmd, OPT_STRIPESIZE))
		return 0;
	if (arg_size_sectors(cmd, OPT_STRIPESIZE, 'k', 0, &size))
		return -1;
	if (size < 8 || (size & (size - 1))) {
		log_error("Invalid stripe size %s.", arg_str(cmd, OPT_STRIPESIZE, "?"));
		return -1;
	}
	return 0;
}

static int parse_params(struct cmd_context *cmd, struct create_params *p)
{
	memset(p, 0, sizeof(*p));
	if (parse_kind(cmd, &p->kind) || parse_names(cmd, p) || parse_flags(cmd, p) ||
	    lv_size_parse(cmd, 0, &p->size))
		return -1;
	if (!p->size.set) {
		log_error("Please specify either size or extents.");
		return -1;
	}
	return stripe_size_invalid(cmd);
}

static const char *default_name(struct cmd_context *cmd, const struct volume_group *vg)
{
	for (unsigned i = 0;; i++) {
		const char *n = pool_printf(cmd->mem, "lvol%u", i);

		if (!vg_find_lv(vg, n))
			return n;
	}
}

static int check_vg(const struct volume_group *vg, const struct create_params *p)
{
	if (vg->max_lv && vg->lv_count >= vg->max_lv) {
		log_error("Maximum number of logical volumes (%u) reached in volume group %s",
			  vg->max_lv, vg->name);
		return -1;
	}
	if (p->lv_name && vg_find_lv(vg, p->lv_name)) {
		log_error("Logical Volume \"%s\" already exists in volume group \"%s\"",
			  p->lv_name, vg->name);
		return -1;
	}
	if (!(vg->status & VG_WRITE)) {
		log_error("Volume group %s is read-only.", vg->name);
		return -1;
	}
	return 0;
}

/* Stripe count against the PVs available, and the size rounded to stripes. */
static int fit_stripes(struct cmd_context *cmd, const struct volume_group *vg,
		       const struct alloc_request *req, uint64_t *extents)
{
	unsigned pvs = vg->pv_count;

	if (req->nranges) {
		pvs = 0;
		for (unsigned i = 0; i < req->nranges; i++) {
			unsigned j;

			for (j = 0; j < i && req->ranges[j].pv != req->ranges[i].pv; j++)
				;
			pvs += j == i;
		}
	}
	if (req->stripes > pvs && lv_effective_alloc(NULL, req->policy) != ALLOC_ANYWHERE) {
		log_error("Number of stripes (%u) must not exceed number of physical volumes (%u)",
			  req->stripes, pvs);
		return -1;
	}
	if (*extents % req->stripes) {
		uint64_t up = *extents + req->stripes - *extents % req->stripes;

		log_print("Rounding size %s (%llu extents) up to stripe boundary size %s "
			  "(%llu extents).", lv_size_str(cmd, vg, *extents),
			  (unsigned long long)*extents, lv_size_str(cmd, vg, up),
			  (unsigned long long)up);
		*extents = up;
	}
	return 0;
}

static void set_creation(struct logical_volume *lv)
{
	struct utsname u;

	lv->has_creation = 1;
	lv->creation_time = (int64_t)time(NULL);
	lv->creation_host = pool_strdup(lv->vg->mem, uname(&u) ? "unknown" : u.nodename);
}

static struct logical_volume *new_lv(struct cmd_context *cmd, struct volume_group *vg,
				     const struct create_params *p)
{
	struct logical_volume *lv = vg_add_lv(vg, p->lv_name ? p->lv_name : default_name(cmd, vg));

	if (id_create(&lv->id)) {
		log_error("Failed to generate an LV UUID.");
		return NULL;
	}
	lv->status = p->status;
	lv->flags = p->flags;
	lv->read_ahead = p->read_ahead;
	lv->alloc = p->alloc;
	cmd_apply_metadata_profile(cmd, &lv->profile);
	set_creation(lv);
	if (vg_tags_from_args(cmd, vg, &lv->tags))
		return NULL;
	return lv;
}

static int allocate(struct cmd_context *cmd, struct volume_group *vg,
		    struct logical_volume *lv, const struct create_params *p,
		    struct alloc_request *req)
{
	uint64_t extents;

	if (lv_size_extents(cmd, &p->size, vg, req->nranges ? lv_ranges_extents(req)
							 : vg_extent_count(vg), 0, &extents))
		return -1;
	if (!extents) {
		log_error("Unable to create new logical volume with no extents.");
		return -1;
	}
	if (p->kind != KIND_STRIPED) {
		if (extents > UINT32_MAX)
			goto too_big;
		lv_extend_virtual(lv, p->kind == KIND_ZERO ? "zero" : "error", (uint32_t)extents);
		return 0;
	}
	if (fit_stripes(cmd, vg, req, &extents))
		return -1;
	if (extents > UINT32_MAX)
		goto too_big;
	req->extents = (uint32_t)extents;
	return lv_extend(lv, req);
too_big:
	log_error("Logical volume size is too large (%llu extents).", (unsigned long long)extents);
	return -1;
}

static void warn_not_zeroed(const struct logical_volume *lv, int zero)
{
	if (zero)
		log_warn("Logical volume %s/%s not zeroed.", lv->vg->name, lv->name);
}

/* Takes a new LV out of the metadata again after it failed to activate. */
static void revert_new_lv(struct cmd_context *cmd, struct volume_group *vg,
			  struct logical_volume *lv)
{
	const char *name = lv->name;

	vg_remove_lv(vg, lv);
	vg_recount(vg);
	if (cmd_commit_vg(cmd, vg))
		log_error("Failed to remove new logical volume %s/%s after its activation failed.",
			  vg->name, name);
}

/*
 * After the commit: activate, then wipe signatures (-W, by default when
 * zeroing) and zero the first 4 KiB (-Z y), as LVM2 does.  Without
 * device-mapper the LV stays in the metadata, inactive, with warnings.
 */
static int activate_new(struct cmd_context *cmd, struct activation *act,
			struct volume_group *vg, struct logical_volume *lv,
			const struct create_params *p, int zero)
{
	const char *why;
	int wipe = zero;

	zero = zero && p->kind == KIND_STRIPED;
	if (!p->activate || !act_wanted(act, lv, ACT_YES) || act_disabled(act)) {
		warn_not_zeroed(lv, zero);
		return 0;
	}
	why = cmd->test_mode ? NULL : act_unusable_reason(act);
	if (why) {
		log_warn("Logical volume %s/%s not activated: %s.", vg->name, lv->name, why);
		warn_not_zeroed(lv, zero);
		return 0;
	}
	if (act_activate(act, lv)) {
		log_error("Failed to activate new LV %s/%s.", vg->name, lv->name);
		revert_new_lv(cmd, vg, lv);
		return -1;
	}
	if (p->kind != KIND_STRIPED)
		return 0;
	if (arg_is_set(cmd, OPT_WIPESIGNATURES) && arg_yesno(cmd, OPT_WIPESIGNATURES, 1, &wipe))
		return -1;
	if (!(lv->status & LV_WRITE)) {
		warn_not_zeroed(lv, zero);
		return 0;
	}
	return act_wipe_new_lv(act, lv, zero, wipe);
}

static int cmd_lvcreate(struct cmd_context *cmd)
{
	struct create_params p;
	struct alloc_request req = { 0 };
	struct volume_group *vg;
	struct logical_volume *lv;
	struct activation *act;
	int zero, r = EXIT_FAILED;

	if (parse_params(cmd, &p) || arg_yesno(cmd, OPT_ZERO, 1, &zero))
		return EXIT_BAD_CMDLINE;
	req.policy = p.alloc;
	vg = cmd_read_vg_for_update(cmd, p.vg_name);
	if (!vg)
		return EXIT_FAILED;
	if (check_vg(vg, &p) ||
	    lv_stripes_from_args(cmd, vg, 1, 0, &req) ||
	    lv_pv_ranges(cmd, vg, cmd->argv + 1, cmd->argc > 1 ? cmd->argc - 1 : 0, &req))
		goto bad;
	lv = new_lv(cmd, vg, &p);
	if (!lv || allocate(cmd, vg, lv, &p, &req) || cmd_commit_vg(cmd, vg))
		goto bad;
	act = act_begin(cmd);
	if (!activate_new(cmd, act, vg, lv, &p, zero)) {
		log_print("Logical volume \"%s\" created.", lv->name);
		r = EXIT_OK;
	}
	act_end(act);
bad:
	vg_free(vg);
	return r;
}
