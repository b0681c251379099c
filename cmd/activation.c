/* Activation for the commands: see cmd/activation.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "activate/activate.h"
#include "cmd/activation.h"
#include "cmd/command.h"
#include "device/device.h"
#include "metadata/metadata.h"
#include "misc/hash.h"
#include "misc/list.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "report/report.h"

struct activation {
	struct cmd_context *cmd;
	struct kdm_policy policy;
	int use_linear_target;
	int disabled;		/* --driverloaded n */
	int checked;		/* dm presence known */
	const char *why_not;	/* NULL: dm usable */
	int reported;		/* why_not already logged */
	struct hash *loops;	/* image path -> struct loopdev, held open */
	struct loopdev **loop_list;
	unsigned nloops, aloops;
	struct strv targets_ok;	/* targets the kernel was found to have */
};

struct activation *act_begin(struct cmd_context *cmd)
{
	struct activation *a = POOL_NEW(cmd->mem, struct activation);
	int loaded = 1;

	a->cmd = cmd;
	a->policy.udev_sync = (int)cmd_config_int(cmd, "activation/udev_sync", 1);
	a->policy.udev_rules = (int)cmd_config_int(cmd, "activation/udev_rules", 1);
	a->policy.verify_udev = (int)cmd_config_int(cmd, "activation/verify_udev_operations", 0);
	a->policy.dev_dir = cmd_config_str(cmd, "devices/dir", "/dev");
	a->use_linear_target = (int)cmd_config_int(cmd, "activation/use_linear_target", 1);
	if (arg_is_set(cmd, OPT_NOUDEVSYNC))
		a->policy.udev_sync = 0;
	if (arg_is_set(cmd, OPT_DRIVERLOADED) && !arg_yesno(cmd, OPT_DRIVERLOADED, 1, &loaded) &&
	    !loaded) {
		a->disabled = 1;
		log_warn("Activation disabled. No device-mapper interaction will be attempted.");
	}
	return a;
}

struct activation *cmd_activation(struct cmd_context *cmd)
{
	if (!cmd->act)
		cmd->act = act_begin(cmd);
	return cmd->act;
}

void act_end(struct activation *a)
{
	if (!a)
		return;
	for (unsigned i = 0; i < a->nloops; i++)
		loopdev_release(a->loop_list[i]);
	free(a->loop_list);
	if (a->loops)
		hash_destroy(a->loops);
	if (a->checked && !a->why_not)
		kdm_release();
}

int act_disabled(const struct activation *a)
{
	return a->disabled;
}

const char *act_unusable_reason(struct activation *a)
{
	if (a->disabled)
		return "activation is disabled (--driverloaded n)";
	if (!a->checked) {
		a->checked = 1;
		if (kdm_present(a->policy.dev_dir, &a->why_not) && !a->why_not)
			a->why_not = "device-mapper is not usable";
	}
	return a->why_not;
}

int act_usable(struct activation *a)
{
	const char *why = act_unusable_reason(a);

	if (!why)
		return 1;
	if (!a->reported)
		log_error("Cannot use device-mapper: %s.", why);
	a->reported = 1;
	return 0;
}

static const char *lv_uuid(struct activation *a, const struct logical_volume *lv)
{
	return lvdm_uuid(a->cmd->mem, &lv->vg->id, &lv->id, NULL);
}

static const char *lv_dm_name(struct activation *a, const struct logical_volume *lv)
{
	return lvdm_name(a->cmd->mem, lv->vg->name, lv->name, NULL);
}

/* The /dev/VG/LV link exists for visible LVs only. */
static const char *link_name(const struct logical_volume *lv)
{
	return lv_is_visible(lv) ? lv->name : NULL;
}

int act_lv_info(struct activation *a, const struct logical_volume *lv, struct kdm_info *out)
{
	memset(out, 0, sizeof(*out));
	if (act_unusable_reason(a))
		return 0;
	return kdm_info_by_uuid(lv_uuid(a, lv), out);
}

int act_lv_is_active(struct activation *a, const struct logical_volume *lv)
{
	struct kdm_info info;

	return !act_lv_info(a, lv, &info) && info.exists;
}

static void remember_loop(struct activation *a, const char *path, struct loopdev *l)
{
	if (!a->loops)
		a->loops = hash_create(16);
	hash_insert(a->loops, pool_strdup(a->cmd->mem, path), l);
	if (a->nloops == a->aloops) {
		a->aloops = a->aloops ? a->aloops * 2 : 8;
		a->loop_list = xrealloc(a->loop_list, a->aloops * sizeof(*a->loop_list));
	}
	a->loop_list[a->nloops++] = l;
}

/* An image file's loop device; in --test only an existing one is used. */
static const char *file_devno(struct activation *a, const struct physical_volume *pv)
{
	const char *path = pv->dev->path;
	struct loopdev *l = a->loops ? hash_lookup(a->loops, path) : NULL;
	int found;

	if (!l) {
		l = POOL_NEW(a->cmd->mem, struct loopdev);
		if (a->cmd->test_mode) {
			found = loopdev_find(path, l);
			if (found < 0)
				return NULL;
			if (!found)
				return pool_printf(a->cmd->mem, "<loop device for %s>", path);
		} else if (loopdev_attach(path, 0, l)) {
			return NULL;
		}
		remember_loop(a, path, l);
	}
	return pool_printf(a->cmd->mem, "%u:%u", l->major, l->minor);
}

static const char *pv_devno(const struct physical_volume *pv, void *arg)
{
	struct activation *a = arg;

	if (!pv->dev) {
		log_error("Refusing activation of partial LV in VG %s: PV %s is missing.",
			  pv->vg ? pv->vg->name : "?", pv->dev_hint ? pv->dev_hint : pv->id.uuid);
		return NULL;
	}
	if (pv->dev->is_file)
		return file_devno(a, pv);
	return pool_printf(a->cmd->mem, "%u:%u", major(pv->dev->devno), minor(pv->dev->devno));
}

static int build_table(struct activation *a, const struct logical_volume *lv,
		       struct dm_table *t)
{
	struct lvdm_table_opts o = { pv_devno, a, a->use_linear_target };

	return lvdm_table(a->cmd->mem, lv, &o, t);
}

/* --test: what would be loaded, as `dmsetup table` shows it. */
static void print_table(struct activation *a, const char *name, const struct dm_table *t)
{
	for (unsigned i = 0; i < t->count; i++) {
		const struct dm_line *l = &t->lines[i];

		log_print("%s: %llu %llu %s%s%s", name, (unsigned long long)l->start,
			  (unsigned long long)l->len, l->target, *l->params ? " " : "", l->params);
	}
	(void)a;
}

static int read_only(const struct logical_volume *lv)
{
	return !(lv->status & LV_WRITE);
}

/*
 * Each target is looked for once per command: a VG's LVs mostly share
 * one or two, and each look is an ioctl listing every target.
 */
static int targets_present(struct activation *a, const struct dm_table *t)
{
	struct dm_line *unseen = pool_alloc(a->cmd->mem, (t->count ? t->count : 1) * sizeof(*unseen));
	struct dm_table check = { unseen, 0 };

	for (unsigned i = 0; i < t->count; i++)
		if (!strv_contains(&a->targets_ok, t->lines[i].target))
			unseen[check.count++] = t->lines[i];
	if (!check.count)
		return 0;
	if (kdm_targets_present(&check))
		return -1;
	for (unsigned i = 0; i < check.count; i++)
		if (!strv_contains(&a->targets_ok, unseen[i].target))
			strv_add(a->cmd->mem, &a->targets_ok, unseen[i].target);
	return 0;
}

/* act_activate with the LV's kernel state already known. */
static int activate_known(struct activation *a, const struct logical_volume *lv,
			  struct kdm_info *info)
{
	const char *name = lv_dm_name(a, lv);
	struct dm_table t;

	if (info->exists && info->live_table && !info->suspended)
		return 0;
	if (build_table(a, lv, &t))
		return -1;
	if (a->cmd->test_mode) {
		print_table(a, name, &t);
		return 0;
	}
	if (targets_present(a, &t))
		return -1;
	if (info->exists)
		return kdm_reload(&a->policy, info->name, &t, read_only(lv));
	return kdm_create(&a->policy, name, lv_uuid(a, lv), &t, read_only(lv), lv->vg->name,
			  link_name(lv), info);
}

int act_activate(struct activation *a, const struct logical_volume *lv)
{
	struct kdm_info info;

	if (a->disabled)
		return 0;
	if (!a->cmd->test_mode && !act_usable(a))
		return -1;
	if (act_lv_info(a, lv, &info))
		return -1;
	return activate_known(a, lv, &info);
}

int act_deactivate(struct activation *a, const struct logical_volume *lv)
{
	struct kdm_info info;

	if (a->disabled || act_lv_info(a, lv, &info))
		return a->disabled ? 0 : -1;
	if (!info.exists)
		return 0;
	if (info.open_count > 0) {
		log_error("Logical volume %s/%s in use.", lv->vg->name, lv->name);
		return -1;
	}
	if (a->cmd->test_mode)
		return 0;
	return kdm_remove(&a->policy, info.name, lv->vg->name, link_name(lv));
}

int act_reload(struct activation *a, const struct logical_volume *lv)
{
	struct kdm_info info;
	struct dm_table t;

	if (a->disabled || act_lv_info(a, lv, &info))
		return a->disabled ? 0 : -1;
	if (!info.exists)
		return 0;
	if (build_table(a, lv, &t))
		return -1;
	if (a->cmd->test_mode) {
		print_table(a, info.name, &t);
		return 0;
	}
	if (targets_present(a, &t))
		return -1;
	return kdm_reload(&a->policy, info.name, &t, read_only(lv));
}

int act_rename(struct activation *a, const struct logical_volume *lv, const char *old_name)
{
	struct kdm_info info;

	if (a->disabled || act_lv_info(a, lv, &info))
		return a->disabled ? 0 : -1;
	if (!info.exists || a->cmd->test_mode)
		return 0;
	return kdm_rename(&a->policy, info.name, lv_dm_name(a, lv), lv->vg->name,
			  lv_is_visible(lv) ? old_name : NULL, link_name(lv));
}

int act_mknodes(struct activation *a, const struct logical_volume *lv)
{
	struct kdm_info info;

	if (a->disabled || act_lv_info(a, lv, &info))
		return a->disabled ? 0 : -1;
	if (a->cmd->test_mode)
		return 0;
	if (info.exists)
		return kdm_node_add(a->policy.dev_dir, info.name, info.major, info.minor,
				    lv->vg->name, link_name(lv));
	return kdm_node_del(a->policy.dev_dir, lv_dm_name(a, lv), lv->vg->name, link_name(lv));
}

const char *act_lv_dev_path(struct activation *a, const struct logical_volume *lv)
{
	return pool_printf(a->cmd->mem, "%s/mapper/%s", a->policy.dev_dir, lv_dm_name(a, lv));
}

/* LVM2 shows the /dev/VG/LV path in the wipe messages. */
static int wipe_signatures(struct activation *a, const struct logical_volume *lv,
			   struct device *dev)
{
	struct dev_signature *sig;
	const char *shown = pool_printf(a->cmd->mem, "%s/%s/%s", a->policy.dev_dir,
					lv->vg->name, lv->name);

	if (dev_find_signatures(dev, a->cmd->mem, &sig))
		return -1;
	if (!sig)
		return 0;
	for (; sig; sig = sig->next)
		log_print("Wiping %s signature on %s.", sig->type, shown);
	return dev_wipe_signatures(dev);
}

int act_wipe_new_lv(struct activation *a, const struct logical_volume *lv, int zero, int wipe)
{
	struct device dev;
	uint64_t bytes = (uint64_t)lv->le_count * lv->vg->extent_size * 512;
	int r = 0;

	if (a->cmd->test_mode || (!zero && !wipe))
		return 0;
	memset(&dev, 0, sizeof(dev));
	dev.path = act_lv_dev_path(a, lv);
	dev.fd = -1;
	if (wipe)
		r = wipe_signatures(a, lv, &dev);
	if (!r && zero)
		r = dev_zero(&dev, 0, bytes < 4096 ? (size_t)bytes : 4096);
	if (!r && !dev_open(&dev, 1))
		r = dev_flush(&dev);
	dev_close(&dev);
	if (r)
		log_error("Failed to wipe start of new LV %s/%s.", lv->vg->name, lv->name);
	return r;
}

int act_report_state(const struct logical_volume *lv, void *arg, struct lv_state_info *out)
{
	struct activation *a = arg;
	struct kdm_info info;

	if (a->disabled)
		return -1;
	if (act_lv_info(a, lv, &info))
		return -1;
	out->active = info.exists && info.live_table;
	out->suspended = info.exists && info.suspended;
	out->open = info.exists && info.open_count > 0;
	if (info.exists) {
		out->kernel_major = (int)info.major;
		out->kernel_minor = (int)info.minor;
	}
	return 0;
}

int act_parse_mode(const char *s, enum act_mode *out)
{
	static const struct { const char *text; enum act_mode mode; } modes[] = {
		{ "y", ACT_YES }, { "ey", ACT_YES }, { "ly", ACT_YES }, { "sy", ACT_YES },
		{ "n", ACT_NO }, { "en", ACT_NO }, { "ln", ACT_NO }, { "sn", ACT_NO },
		{ "ay", ACT_AUTO },
	};

	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (!strcmp(s, modes[i].text)) {
			*out = modes[i].mode;
			return 0;
		}
	log_error("Invalid argument for --activate: %s", s);
	return -1;
}

int act_wanted(struct activation *a, const struct logical_volume *lv, enum act_mode mode)
{
	if ((lv->flags & LV_F_ACTIVATION_SKIP) && !arg_is_set(a->cmd, OPT_IGNOREACTIVATIONSKIP))
		return 0;
	if (mode == ACT_AUTO &&
	    ((lv->flags & LV_F_NOAUTOACTIVATE) || (lv->vg->flags & VG_F_NOAUTOACTIVATE)))
		return 0;
	return 1;
}

/*
 * One DM_DEV_STATUS per LV, taken once: its answer serves the open check,
 * the removal and the summary count of a whole-VG deactivation, which
 * otherwise asked the kernel three times per LV.  Under emulation each
 * ioctl is dear and a VG may hold 10,000 LVs.
 */
struct lv_state {
	const struct logical_volume *lv;
	int failed;		/* the query failed (logged) */
	struct kdm_info info;
};

static struct lv_state *query_lvs(struct activation *a, const struct volume_group *vg,
				  unsigned *count)
{
	const struct logical_volume *lv;
	struct lv_state *s;
	unsigned n = 0;

	TAILQ_FOREACH(lv, &vg->lvs, list)
		n++;
	s = pool_alloc(a->cmd->mem, (n ? n : 1) * sizeof(*s));
	n = 0;
	TAILQ_FOREACH(lv, &vg->lvs, list) {
		s[n].lv = lv;
		s[n].failed = act_lv_info(a, lv, &s[n].info) != 0;
		n++;
	}
	*count = n;
	return s;
}

static unsigned count_open(const struct lv_state *s, unsigned n)
{
	unsigned open = 0;

	for (unsigned i = 0; i < n; i++)
		if (!s[i].failed && s[i].info.exists && s[i].info.open_count > 0)
			open++;
	return open;
}

/* Removes every existing device of s; *left counts the visible LVs still active. */
static int remove_devices(struct activation *a, struct lv_state *s, unsigned n, unsigned *left)
{
	struct kdm_removal *rm = pool_alloc(a->cmd->mem, (n ? n : 1) * sizeof(*rm));
	unsigned count = 0;
	int r = 0;

	*left = 0;
	for (unsigned i = 0; i < n; i++) {
		const struct logical_volume *lv = s[i].lv;

		if (s[i].failed) {
			r = -1;
			continue;
		}
		if (!s[i].info.exists || a->cmd->test_mode)
			continue;
		rm[count] = (struct kdm_removal){ .name = s[i].info.name, .vg = lv->vg->name,
						  .lv = link_name(lv) };
		count++;
	}
	if (kdm_remove_all(&a->policy, rm, count))
		r = -1;
	/* Only visible LVs have a link name, and only they are counted. */
	for (unsigned i = 0; i < count; i++)
		*left += rm[i].failed && rm[i].lv;
	return r;
}

static int deactivate_vg(struct activation *a, struct volume_group *vg, unsigned *left)
{
	struct lv_state *s;
	unsigned n, open;

	*left = 0;
	if (a->disabled)
		return 0;
	s = query_lvs(a, vg, &n);
	open = count_open(s, n);
	if (open) {
		log_error("Can't deactivate volume group \"%s\" with %u open logical volume(s)",
			  vg->name, open);
		for (unsigned i = 0; i < n; i++)
			*left += lv_is_visible(s[i].lv) && !s[i].failed && s[i].info.exists &&
				 !a->cmd->test_mode;
		return -1;
	}
	return remove_devices(a, s, n, left);
}

int act_vg_deactivate_quiet(struct activation *a, struct volume_group *vg)
{
	unsigned left;

	return deactivate_vg(a, vg, &left);
}

/*
 * The LV's kernel state for -ay: asked only when the one listing of the
 * kernel's devices has its UUID or its name (or there is no listing).
 */
static int vg_lv_info(struct activation *a, const struct kdm_devices *listed,
		      const struct logical_volume *lv, struct kdm_info *out)
{
	if (listed->by_uuid && !hash_lookup(listed->by_uuid, lv_uuid(a, lv)) &&
	    !hash_lookup(listed->by_name, lv_dm_name(a, lv))) {
		memset(out, 0, sizeof(*out));
		return 0;
	}
	return act_lv_info(a, lv, out);
}

/* The table of an LV without a device, queued for kdm_create_all. */
static int queue_creation(struct activation *a, const struct logical_volume *lv,
			  struct kdm_creation *c)
{
	struct dm_table *t = POOL_NEW(a->cmd->mem, struct dm_table);

	if (build_table(a, lv, t) || targets_present(a, t))
		return -1;
	*c = (struct kdm_creation){ .name = lv_dm_name(a, lv), .uuid = lv_uuid(a, lv),
				    .vg = lv->vg->name, .lv = link_name(lv), .table = t,
				    .read_only = read_only(lv) };
	return 0;
}

/*
 * -ay: a wanted LV is active once activated; only the others are asked.
 * The LVs without a device are created together at the end (several at
 * once when udev allows it: kdm_create_all).
 */
static int activate_vg(struct activation *a, struct volume_group *vg, enum act_mode mode,
		       unsigned *active)
{
	const struct logical_volume *lv, **queued_lv;
	int real = !a->disabled && !a->cmd->test_mode;
	struct kdm_devices listed = { NULL, NULL };
	struct kdm_creation *queued;
	unsigned nqueued = 0, max = vg->lv_count + 1;
	struct kdm_info info;
	int r = 0;

	*active = 0;
	if (a->disabled)
		return 0;
	if (!act_unusable_reason(a) && kdm_list_devices(a->policy.dev_dir, a->cmd->mem, &listed) < 0)
		return -1;
	queued = POOL_ARRAY(a->cmd->mem, struct kdm_creation, max);
	queued_lv = POOL_ARRAY(a->cmd->mem, const struct logical_volume *, max);
	TAILQ_FOREACH(lv, &vg->lvs, list) {
		if (!lv_is_visible(lv))
			continue;
		if (vg_lv_info(a, &listed, lv, &info)) {
			if (act_wanted(a, lv, mode))
				r = -1;	/* named by the query */
			continue;
		}
		if (!act_wanted(a, lv, mode)) {
			*active += real && info.exists;
			continue;
		}
		if (real && !info.exists) {
			if (queue_creation(a, lv, &queued[nqueued]))
				r = -1;
			else
				queued_lv[nqueued++] = lv;
			continue;
		}
		if (!activate_known(a, lv, &info)) {
			*active += real;
			continue;
		}
		r = -1;
		*active += real && act_lv_is_active(a, lv);
	}
	kdm_devices_free(&listed);
	if (nqueued && kdm_create_all(&a->policy, queued, nqueued))
		r = -1;
	for (unsigned i = 0; i < nqueued; i++)
		*active += !queued[i].failed || act_lv_is_active(a, queued_lv[i]);
	return r;
}

int act_vg(struct activation *a, struct volume_group *vg, enum act_mode mode)
{
	unsigned active;
	int r;

	if (mode == ACT_NO) {
		r = deactivate_vg(a, vg, &active);
	} else {
		if (!a->disabled && !a->cmd->test_mode && !act_usable(a))
			return -1;
		r = activate_vg(a, vg, mode, &active);
	}
	log_print("%u logical volume(s) in volume group \"%s\" now active", active, vg->name);
	return r;
}
