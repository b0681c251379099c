/*
 * Kernel device-mapper calls through libdevmapper.
 *
 * What this needs from the system (for the tests/kernel harness too):
 *  - the dm-mod driver: /sys/class/misc/device-mapper/dev or a
 *    "device-mapper" line in /proc/misc.  Without it every activation
 *    command fails with "modprobe dm-mod" in the message and changes
 *    nothing; kdm_present() decides this before libdevmapper is loaded
 *    (dm_lib.c: commands that never get here do not load it at all).
 *  - /dev/mapper/control: created here (mknod from the sysfs/proc numbers)
 *    when the driver is loaded but no udev or devtmpfs made the node.
 *  - targets beyond linear/striped/error (zero: dm-zero) are modprobe'd
 *    on demand; failing that the error names the module.
 *  - udev: used only when activation/udev_sync = 1 and udev runs
 *    (/run/udev/control exists).  Otherwise, and whenever udev_rules = 0
 *    or verify_udev_operations = 1, /dev/mapper/NAME and /dev/VG/LV are
 *    made and removed here (dm_nodes.c); libdevmapper's own node fallback
 *    is always disabled so exactly one party keeps the nodes.
 *  - image-file PVs: /dev/loop-control and the loop driver (loopdev.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "activate/activate.h"
#include "activate/dm_lib.h"
#include "activate/dm_raw.h"
#include "misc/log.h"

/* libdevmapper's messages: errors as ours, the rest for -vvvv. */
__attribute__((format(printf, 5, 6)))
static void libdm_message(int level, const char *file, int line, int dm_errno, const char *f, ...)
{
	char buf[1024];
	va_list ap;

	(void)file; (void)line; (void)dm_errno;
	va_start(ap, f);
	vsnprintf(buf, sizeof(buf), f, ap);
	va_end(ap);
	if ((level & 7) <= 3)
		log_error("%s", buf);
	else
		log_debug("dm: %s", buf);
}

static int read_devno(const char *path, unsigned *major, unsigned *minor)
{
	FILE *f = fopen(path, "r");
	int ok;

	if (!f)
		return -1;
	ok = fscanf(f, "%u:%u", major, minor) == 2;
	fclose(f);
	return ok ? 0 : -1;
}

/* The misc minor of device-mapper from /proc/misc (no sysfs). */
static int proc_misc_minor(unsigned *minor)
{
	FILE *f = fopen("/proc/misc", "r");
	char name[64];
	int found = 0;

	if (!f)
		return -1;
	while (!found && fscanf(f, "%u %63s", minor, name) == 2)
		found = !strcmp(name, "device-mapper");
	fclose(f);
	return found ? 0 : -1;
}

static int make_control(const char *dev_dir, unsigned major, unsigned minor)
{
	char path[4096];
	struct stat st;

	snprintf(path, sizeof(path), "%s/mapper", dev_dir);
	if (mkdir(path, 0755) && errno != EEXIST)
		return -1;
	snprintf(path, sizeof(path), "%s/mapper/control", dev_dir);
	if (!stat(path, &st) && S_ISCHR(st.st_mode) && st.st_rdev == makedev(major, minor))
		return 0;
	(void)unlink(path);
	return mknod(path, S_IFCHR | 0600, makedev(major, minor));
}

int kdm_present(const char *dev_dir, const char **why)
{
	const struct kdm_lib *dm;
	unsigned major = 10, minor;

	if (read_devno("/sys/class/misc/device-mapper/dev", &major, &minor) &&
	    proc_misc_minor(&minor)) {
		if (why)
			*why = "the device-mapper driver is not loaded in the kernel "
			       "(load it with: modprobe dm-mod)";
		return -1;
	}
	if (make_control(dev_dir, major, minor)) {
		if (why)
			*why = "cannot create the device-mapper control node";
		return -1;
	}
	dm = kdm_lib();	/* only now: without the driver nothing needs it */
	dm->log_with_errno_init(libdm_message);
	if (strcmp(dev_dir, "/dev"))
		dm->set_dev_dir(dev_dir);
	return 0;
}

static struct dm_task *task_new(int type, const char *name, const char *uuid)
{
	const struct kdm_lib *dm = kdm_lib();
	struct dm_task *dmt = dm->task_create(type);

	if (!dmt) {
		log_error("Cannot create a device-mapper task.");
		return NULL;
	}
	if ((name && !dm->task_set_name(dmt, name)) || (uuid && !dm->task_set_uuid(dmt, uuid))) {
		log_error("Device-mapper rejected the name %s.", name ? name : uuid);
		dm->task_destroy(dmt);
		return NULL;
	}
	return dmt;
}

static int udev_running(void)
{
	return !access("/run/udev/control", F_OK);
}

/* Whether this process keeps the nodes itself (see the top of the file). */
static int we_keep_nodes(const struct kdm_policy *p)
{
	return !(p->udev_sync && p->udev_rules && udev_running()) || p->verify_udev;
}

/* Runs a task that makes uevents, waiting for udev when syncing with it. */
static int run_synced(const struct kdm_policy *p, struct dm_task *dmt)
{
	const struct kdm_lib *dm = kdm_lib();
	uint32_t cookie = 0;
	uint16_t flags = DM_UDEV_DISABLE_LIBRARY_FALLBACK;
	int ok;

	if (!p->udev_rules)
		flags |= DM_UDEV_DISABLE_DM_RULES_FLAG | DM_UDEV_DISABLE_SUBSYSTEM_RULES_FLAG;
	dm->udev_set_sync_support(p->udev_sync && udev_running());
	if (!dm->task_set_cookie(dmt, &cookie, flags))
		return 0;
	ok = dm->task_run(dmt);
	(void)dm->udev_wait(cookie);
	return ok;
}

static void fill_info(struct dm_task *dmt, struct kdm_info *out)
{
	const struct kdm_lib *dm = kdm_lib();
	struct dm_info i;
	const char *name;

	memset(out, 0, sizeof(*out));
	if (!dm->task_get_info(dmt, &i) || !i.exists)
		return;
	out->exists = 1;
	out->suspended = i.suspended;
	out->live_table = i.live_table;
	out->inactive_table = i.inactive_table;
	out->read_only = i.read_only;
	out->open_count = i.open_count;
	out->major = (uint32_t)i.major;
	out->minor = (uint32_t)i.minor;
	name = dm->task_get_name(dmt);
	if (name)
		snprintf(out->name, sizeof(out->name), "%s", name);
}

static int info_task(const char *name, const char *uuid, struct kdm_info *out)
{
	const struct kdm_lib *dm = kdm_lib();
	struct dm_task *dmt = task_new(DM_DEVICE_INFO, name, uuid);
	int r = -1;

	memset(out, 0, sizeof(*out));
	if (!dmt)
		return -1;
	if (dm->task_run(dmt)) {
		fill_info(dmt, out);
		r = 0;
	} else {
		log_error("Failed to query device-mapper about %s.", name ? name : uuid);
	}
	dm->task_destroy(dmt);
	return r;
}

int kdm_info_by_uuid(const char *uuid, struct kdm_info *out)
{
	return info_task(NULL, uuid, out);
}

static int has_target(struct dm_versions *v, const char *target)
{
	unsigned next;

	if (!v)
		return 0;
	do {
		if (!strcmp(v->name, target))
			return 1;
		next = v->next;
		v = (struct dm_versions *)((char *)v + next);
	} while (next);
	return 0;
}

static int kernel_has_target(const char *target)
{
	const struct kdm_lib *dm = kdm_lib();
	struct dm_task *dmt = task_new(DM_DEVICE_LIST_VERSIONS, NULL, NULL);
	int r = -1;

	if (!dmt)
		return -1;
	if (dm->task_run(dmt))
		r = has_target(dm->task_get_versions(dmt), target);
	else
		log_error("Cannot list the kernel's device-mapper targets.");
	dm->task_destroy(dmt);
	return r;
}

/* Quietly asks the kernel for a module; the recheck tells if it worked. */
static void modprobe(const char *module)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);

		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execlp("modprobe", "modprobe", "-q", module, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		(void)waitpid(pid, &status, 0);
}

static int target_present(const char *target)
{
	const char *module = lvdm_target_module(target);
	int r = kernel_has_target(target);

	if (r == 0 && module) {
		modprobe(module);
		r = kernel_has_target(target);
	}
	if (r == 0)
		log_error("The kernel has no device-mapper target \"%s\": load module %s "
			  "(modprobe %s).", target, module ? module : "?", module ? module : "?");
	return r == 1 ? 0 : -1;
}

int kdm_targets_present(const struct dm_table *t)
{
	for (unsigned i = 0; i < t->count; i++) {
		unsigned j;

		for (j = 0; j < i && strcmp(t->lines[j].target, t->lines[i].target); j++)
			;
		if (j == i && target_present(t->lines[i].target))
			return -1;
	}
	return 0;
}

static int load_table(const char *name, const struct dm_table *t, int read_only)
{
	const struct kdm_lib *dm = kdm_lib();
	struct dm_task *dmt = task_new(DM_DEVICE_RELOAD, name, NULL);
	int ok = dmt != NULL;

	for (unsigned i = 0; ok && i < t->count; i++)
		ok = dm->task_add_target(dmt, t->lines[i].start, t->lines[i].len,
					t->lines[i].target, t->lines[i].params);
	if (ok && read_only)
		ok = dm->task_set_ro(dmt);
	ok = ok && dm->task_no_open_count(dmt) && dm->task_run(dmt);
	if (!ok)
		log_error("Failed to load the device-mapper table of %s.", name);
	if (dmt)
		dm->task_destroy(dmt);
	return ok ? 0 : -1;
}

static int simple_op(const struct kdm_policy *p, int type, const char *name, const char *what)
{
	const struct kdm_lib *dm = kdm_lib();
	struct dm_task *dmt = task_new(type, name, NULL);
	int ok = dmt && dm->task_no_open_count(dmt);

	if (ok && type == DM_DEVICE_REMOVE)
		ok = dm->task_retry_remove(dmt);
	if (ok)
		ok = type == DM_DEVICE_SUSPEND ? dm->task_run(dmt) : run_synced(p, dmt);
	if (!ok)
		log_error("Failed to %s device-mapper device %s.", what, name);
	if (dmt)
		dm->task_destroy(dmt);
	return ok ? 0 : -1;
}

/* The reply to DM_DEV_CREATE already holds the device number: out->major/minor. */
static int create_empty(const char *name, const char *uuid, int read_only, struct kdm_info *out)
{
	const struct kdm_lib *dm = kdm_lib();
	struct dm_task *dmt = task_new(DM_DEVICE_CREATE, name, uuid);
	int ok = dmt && (!read_only || dm->task_set_ro(dmt)) && dm->task_no_open_count(dmt) &&
		 dm->task_run(dmt);

	if (ok)
		fill_info(dmt, out);
	else
		log_error("Failed to create device-mapper device %s.", name);
	if (dmt)
		dm->task_destroy(dmt);
	return ok ? 0 : -1;
}

int kdm_create(const struct kdm_policy *p, const char *name, const char *uuid,
	       const struct dm_table *t, int read_only, const char *vg, const char *lv,
	       struct kdm_info *out)
{
	if (create_empty(name, uuid, read_only, out))
		return -1;
	if (load_table(name, t, read_only) || simple_op(p, DM_DEVICE_RESUME, name, "resume")) {
		(void)simple_op(p, DM_DEVICE_REMOVE, name, "remove");
		return -1;
	}
	/* Asked again only if the create's reply lacked the number. */
	if ((!out->exists || !out->major) && (info_task(name, NULL, out) || !out->exists)) {
		log_error("Device-mapper device %s vanished after activation.", name);
		return -1;
	}
	if (we_keep_nodes(p))
		return kdm_node_add(p->dev_dir, name, out->major, out->minor, vg, lv);
	return 0;
}

int kdm_reload(const struct kdm_policy *p, const char *name, const struct dm_table *t,
	       int read_only)
{
	if (load_table(name, t, read_only))
		return -1;
	if (simple_op(p, DM_DEVICE_SUSPEND, name, "suspend"))
		return -1;
	return simple_op(p, DM_DEVICE_RESUME, name, "resume");
}

int kdm_remove(const struct kdm_policy *p, const char *name, const char *vg, const char *lv)
{
	if (simple_op(p, DM_DEVICE_REMOVE, name, "remove"))
		return -1;
	if (we_keep_nodes(p))
		return kdm_node_del(p->dev_dir, name, vg, lv);
	return 0;
}

/*
 * Removal of many devices (vgchange -an).  The kernel's DM_DEV_REMOVE
 * mostly waits (for RCU grace periods: ~45 ms per device under the
 * kernel suite's emulation, 95% of a 1,000-LV -an, LVM2's too), and
 * concurrent removals share those waits: with 8 threads -an of 1,000 LVs
 * took 7.4 s instead of 46 s (tests/kernel/bench.sh).  The threads issue
 * the ioctls themselves (dm_raw.c: libdevmapper's task state is not
 * thread-safe); the nodes are removed afterwards, in order.  With udev
 * syncing, and for whatever fails here (EBUSY: retried), libdevmapper
 * removes one device at a time as kdm_remove does.
 */
#define REMOVE_WORKERS 8

/* Items shared out to threads, each taking the next one not yet taken. */
struct batch {
	int control;
	uint32_t event_nr;
	void *items;
	unsigned n;
	void (*one)(struct batch *b, unsigned i);
	atomic_uint next;
};

static void *batch_worker(void *arg)
{
	struct batch *b = arg;
	unsigned i;

	while ((i = atomic_fetch_add(&b->next, 1)) < b->n)
		b->one(b, i);
	return NULL;
}

/* The udev flags libdevmapper passes in event_nr when not syncing (as seen
 * in strace: the primary-source flag is its own addition). */
static uint32_t udev_flags(const struct kdm_policy *p)
{
	uint32_t flags = DM_UDEV_DISABLE_LIBRARY_FALLBACK | DM_UDEV_PRIMARY_SOURCE_FLAG;

	if (!p->udev_rules)
		flags |= DM_UDEV_DISABLE_DM_RULES_FLAG | DM_UDEV_DISABLE_SUBSYSTEM_RULES_FLAG;
	return flags << DM_UDEV_FLAGS_SHIFT;
}

/*
 * Runs one() on each of n items from up to workers threads (this one
 * included).  Not when udev is synced with, for a single item, or without
 * a control node: the items are then left as they were, for the caller's
 * one-at-a-time path through libdevmapper.
 */
static void run_concurrently(const struct kdm_policy *p, void *items, unsigned n,
			     void (*one)(struct batch *b, unsigned i), unsigned workers)
{
	struct batch b = { .items = items, .n = n, .event_nr = udev_flags(p), .one = one };
	pthread_t tid[16];
	unsigned started = 0;
	char path[4096];

	if (n < 2 || (p->udev_sync && udev_running()))
		return;
	snprintf(path, sizeof(path), "%s/mapper/control", p->dev_dir);
	b.control = open(path, O_RDWR | O_CLOEXEC);
	if (b.control < 0)
		return;
	atomic_init(&b.next, 0);
	while (started + 1 < workers && started < sizeof(tid) / sizeof(tid[0]) &&
	       started + 1 < n && !pthread_create(&tid[started], NULL, batch_worker, &b))
		started++;
	batch_worker(&b);
	while (started)
		pthread_join(tid[--started], NULL);
	close(b.control);
}

static void remove_one(struct batch *b, unsigned i)
{
	struct kdm_removal *it = (struct kdm_removal *)b->items + i;

	it->err = kdm_raw_remove(b->control, it->name, b->event_nr);
}

int kdm_remove_all(const struct kdm_policy *p, struct kdm_removal *items, unsigned n)
{
	int r = 0;

	for (unsigned i = 0; i < n; i++)
		items[i].err = -1;
	run_concurrently(p, items, n, remove_one, REMOVE_WORKERS);
	for (unsigned i = 0; i < n; i++) {
		struct kdm_removal *it = &items[i];

		if (it->err)
			it->failed = kdm_remove(p, it->name, it->vg, it->lv) != 0;
		else
			it->failed = we_keep_nodes(p) &&
				     kdm_node_del(p->dev_dir, it->name, it->vg, it->lv);
		if (it->failed)
			r = -1;
	}
	return r;
}

/*
 * Creation of many devices (vgchange -ay): create, load and resume, each
 * device from start to end in one thread, when udev is not synced with;
 * the nodes are made afterwards, in order.  Unlike removal these ioctls
 * work rather than wait, so threads help only up to the number of CPUs:
 * under the kernel suite's emulation (2 CPUs) dmsetup made 1,000 devices
 * in 3.9 s from one process, 2.1 s from two and 4.7 s from four.
 * Whatever fails here is undone and goes through libdevmapper one device
 * at a time, as kdm_create does, which names the failure.
 */
#define CREATE_WORKERS_MAX 4

static unsigned create_workers(void)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	return cpus < 1 ? 1 : cpus > CREATE_WORKERS_MAX ? CREATE_WORKERS_MAX : (unsigned)cpus;
}

static void create_one(struct batch *b, unsigned i)
{
	struct kdm_creation *c = (struct kdm_creation *)b->items + i;

	c->err = kdm_raw_create(b->control, c->name, c->uuid, c->read_only, &c->info.major,
				&c->info.minor);
	if (c->err)
		return;
	c->err = kdm_raw_load(b->control, c->name, c->table, c->read_only);
	if (!c->err)
		c->err = kdm_raw_resume(b->control, c->name, b->event_nr);
	if (c->err)
		(void)kdm_raw_remove(b->control, c->name, b->event_nr);
}

int kdm_create_all(const struct kdm_policy *p, struct kdm_creation *items, unsigned n)
{
	int r = 0;

	for (unsigned i = 0; i < n; i++)
		items[i].err = -1;
	run_concurrently(p, items, n, create_one, create_workers());
	for (unsigned i = 0; i < n; i++) {
		struct kdm_creation *it = &items[i];

		if (it->err) {
			it->failed = kdm_create(p, it->name, it->uuid, it->table, it->read_only,
						it->vg, it->lv, &it->info) != 0;
		} else {
			it->info.exists = it->info.live_table = 1;
			snprintf(it->info.name, sizeof(it->info.name), "%s", it->name);
			it->failed = we_keep_nodes(p) &&
				     kdm_node_add(p->dev_dir, it->name, it->info.major,
						  it->info.minor, it->vg, it->lv);
		}
		if (it->failed)
			r = -1;
	}
	return r;
}

int kdm_rename(const struct kdm_policy *p, const char *old_name, const char *new_name,
	       const char *vg, const char *old_lv, const char *new_lv)
{
	const struct kdm_lib *dm = kdm_lib();
	struct dm_task *dmt = task_new(DM_DEVICE_RENAME, old_name, NULL);
	struct kdm_info info;
	int ok = dmt && dm->task_set_newname(dmt, new_name) && dm->task_no_open_count(dmt) &&
		 run_synced(p, dmt);

	if (dmt)
		dm->task_destroy(dmt);
	if (!ok) {
		log_error("Failed to rename device-mapper device %s to %s.", old_name, new_name);
		return -1;
	}
	if (!we_keep_nodes(p))
		return 0;
	if (info_task(new_name, NULL, &info) || !info.exists)
		return -1;
	if (kdm_node_del(p->dev_dir, old_name, vg, old_lv))
		return -1;
	return kdm_node_add(p->dev_dir, new_name, info.major, info.minor, vg, new_lv);
}
