/*
 * The device cache: every device a command may look at, by canonical path.
 *
 * A block device's canonical path is <scan dir>/<kernel name>, the kernel
 * name coming from sysfs, so /dev/disk/by-id/... and /dev/sdb are the same
 * device.  An image file's canonical path is its realpath().  Devices
 * rejected by a filter stay in the path table, marked, so the reason can
 * be given again without re-evaluating; they never enter the list.
 */
#include "device/device.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "misc/hash.h"
#include "misc/list.h"
#include "misc/log.h"
#include "misc/pool.h"

/* LVM2's words, which scripts match; bad_type reads the same but is its own object. */
const char dev_reason_not_found[] = "device not found";
const char dev_reason_bad_type[] = "device not found";
const char dev_reason_filtered[] = "device is rejected by filter config";
const char dev_reason_not_listed[] = "device is not in devices list";

static const char *const default_scan_dirs[] = { "/dev", NULL };

struct dev_cache_state {
	struct dev_filter *global_filter;
	struct dev_filter *filter;
	struct hash *by_devno;		/* "major:minor" -> accepted device */
	struct hash *allowed;		/* canonical paths from --devices, or NULL */
};

/* A path resolved to the device it names. */
struct resolved {
	char *path;		/* canonical, from dc->mem */
	dev_t devno;
	int is_file;
};

static struct dev_cache_state *state_of(const struct dev_cache *dc)
{
	return dc->filter_state;
}

static const char *sysfs_dir(const struct dev_cache *dc)
{
	return dc->cfg->sysfs_dir ? dc->cfg->sysfs_dir : "/sys";
}

static const char *const *scan_dirs(const struct dev_cache *dc)
{
	return dc->cfg->scan_dirs && dc->cfg->scan_dirs[0] ? dc->cfg->scan_dirs
							    : default_scan_dirs;
}

static char *devno_key(struct pool *mem, dev_t devno)
{
	return pool_printf(mem, "%u:%u", major(devno), minor(devno));
}

/* Lookups format the key on the stack: they happen once per name given. */
static struct device *lookup_devno(const struct dev_cache *dc, dev_t devno)
{
	char key[32];

	snprintf(key, sizeof(key), "%u:%u", major(devno), minor(devno));
	return hash_lookup(state_of(dc)->by_devno, key);
}

/* Compares two runs of digits by value, without overflow. */
static int digits_cmp(const char **pa, const char **pb)
{
	const char *a = *pa, *b = *pb;
	size_t la, lb;
	int c;

	while (*a == '0')
		a++;
	while (*b == '0')
		b++;
	for (la = 0; isdigit((unsigned char)a[la]); la++)
		;
	for (lb = 0; isdigit((unsigned char)b[lb]); lb++)
		;
	if (la != lb)
		return la < lb ? -1 : 1;
	c = strncmp(a, b, la);
	*pa = a + la;
	*pb = b + lb;
	return c;
}

int dev_name_cmp(const char *a, const char *b)
{
	const char *sa = a, *sb = b;

	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			int c = digits_cmp(&a, &b);

			if (c)
				return c;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	if (*a || *b)
		return *a ? 1 : -1;
	/* Equal by value ("loop01" vs "loop1"): keep the order total. */
	return strcmp(sa, sb);
}

static int name_qsort_cmp(const void *a, const void *b)
{
	return dev_name_cmp(*(const char *const *)a, *(const char *const *)b);
}

/* Reads the first line of a small sysfs attribute, newline stripped. */
static int read_attr(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

/* Finds <scan dir>/<kernel name> holding exactly this devno. */
/* The kernel writes '/' in names (cciss/c0d0) as '!'. */
static char *node_name(struct dev_cache *dc, const char *kname)
{
	char *name = pool_strdup(dc->mem, kname);

	for (char *p = name; *p; p++)
		if (*p == '!')
			*p = '/';
	return name;
}

static char *find_node(struct dev_cache *dc, const char *kname, dev_t devno)
{
	char *name = node_name(dc, kname);
	struct stat st;

	for (const char *const *dir = scan_dirs(dc); *dir; dir++) {
		char *path = pool_printf(dc->mem, "%s/%s", *dir, name);

		if (!stat(path, &st) && S_ISBLK(st.st_mode) && st.st_rdev == devno)
			return path;
	}
	return NULL;
}

/* The kernel name of a block device, from <sysfs>/dev/block/MAJ:MIN. */
static char *kernel_name(struct dev_cache *dc, dev_t devno)
{
	char *link = pool_printf(dc->mem, "%s/dev/block/%u:%u", sysfs_dir(dc),
				 major(devno), minor(devno));
	char target[PATH_MAX];
	ssize_t n = readlink(link, target, sizeof(target) - 1);
	char *base;

	if (n <= 0)
		return NULL;
	target[n] = '\0';
	base = strrchr(target, '/');
	return pool_strdup(dc->mem, base ? base + 1 : target);
}

static char *block_canonical(struct dev_cache *dc, const char *path, dev_t devno)
{
	char *kname = kernel_name(dc, devno);
	char *node = kname ? find_node(dc, kname, devno) : NULL;
	char *real;

	if (node)
		return node;
	real = realpath(path, NULL);
	if (!real)
		return pool_strdup(dc->mem, path);
	node = pool_strdup(dc->mem, real);
	free(real);
	return node;
}

static const char *resolve(struct dev_cache *dc, const char *path, struct resolved *r)
{
	struct stat st;
	char *real;

	if (stat(path, &st))
		return dev_reason_not_found;
	if (S_ISBLK(st.st_mode)) {
		r->devno = st.st_rdev;
		r->is_file = 0;
		r->path = block_canonical(dc, path, st.st_rdev);
		return NULL;
	}
	if (!S_ISREG(st.st_mode))
		return dev_reason_bad_type;
	real = realpath(path, NULL);
	if (!real)
		return dev_reason_not_found;
	r->path = pool_strdup(dc->mem, real);
	free(real);
	r->devno = 0;
	r->is_file = 1;
	return NULL;
}

/*
 * One filter's decision over a device's names.  The canonical name
 * decides when a pattern matches it; otherwise the name the user gave is
 * rejected only by an explicit "r" (unmatched names never decide).
 */
static int filter_passes(const struct dev_filter *f, const char *canonical, const char *alias)
{
	switch (dev_filter_match(f, canonical)) {
	case DEV_FILTER_ACCEPT:
		return 1;
	case DEV_FILTER_REJECT:
		return 0;
	case DEV_FILTER_NO_MATCH:
		break;
	}
	return !alias || dev_filter_match(f, alias) != DEV_FILTER_REJECT;
}

static int filters_pass(const struct dev_cache_state *st, const char *canonical,
			const char *alias)
{
	return filter_passes(st->global_filter, canonical, alias) &&
	       filter_passes(st->filter, canonical, alias);
}

/* Creates the cache entry for a device not seen before. */
static struct device *add_device(struct dev_cache *dc, const struct resolved *r)
{
	struct dev_cache_state *st = state_of(dc);
	struct device *dev = POOL_NEW(dc->mem, struct device);

	dev->path = r->path;
	dev->devno = r->devno;
	dev->is_file = r->is_file;
	dev->fd = -1;
	hash_insert(dc->by_path, dev->path, dev);
	if (st->allowed && !hash_lookup(st->allowed, dev->path)) {
		dev->filtered_out = 1;
		dev->filter_reason = dev_reason_not_listed;
	} else if (!filters_pass(st, dev->path, NULL)) {
		dev->filtered_out = 1;
		dev->filter_reason = dev_reason_filtered;
	}
	if (dev->filtered_out) {
		log_debug("%s: %s", dev->path, dev->filter_reason);
		return dev;
	}
	TAILQ_INSERT_TAIL(&dc->devices, dev, list);
	if (!dev->is_file)
		hash_insert(st->by_devno, devno_key(dc->mem, dev->devno), dev);
	return dev;
}

/* The known device for r, else a new one; may be marked filtered out. */
static struct device *lookup_or_add(struct dev_cache *dc, const struct resolved *r)
{
	struct device *dev = hash_lookup(dc->by_path, r->path);

	if (!dev && !r->is_file)
		dev = lookup_devno(dc, r->devno);
	return dev ? dev : add_device(dc, r);
}

struct device *dev_cache_get(struct dev_cache *dc, const char *path, const char **why)
{
	struct resolved r;
	struct device *dev;
	const char *reason = resolve(dc, path, &r);

	if (!reason) {
		dev = lookup_or_add(dc, &r);
		if (dev->filtered_out)
			reason = dev->filter_reason;
		else if (strcmp(path, dev->path) && !filters_pass(state_of(dc), dev->path, path))
			reason = dev_reason_filtered;
		else
			return dev;
	}
	if (why)
		*why = reason;
	return NULL;
}

struct device *dev_cache_find_devno(struct dev_cache *dc, dev_t devno)
{
	if (!devno)
		return NULL;
	return lookup_devno(dc, devno);
}

/* Kernel names of the block devices worth a look, in natural order. */
static int list_block_names(struct dev_cache *dc, struct strv *names)
{
	char *dir = pool_printf(dc->mem, "%s/class/block", sysfs_dir(dc));
	DIR *d = opendir(dir);
	struct dirent *de;

	if (!d) {
		log_warn("Cannot list block devices in %s: %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)))
		if (de->d_name[0] != '.' && strncmp(de->d_name, "ram", 3))
			strv_add(dc->mem, names, pool_strdup(dc->mem, de->d_name));
	closedir(d);
	if (names->n)
		qsort(names->v, names->n, sizeof(*names->v), name_qsort_cmp);
	return 0;
}

/*
 * Whether the filters reject kname by name alone, i.e. under every path
 * it may get in the scan dirs.  Most of a machine's block devices are
 * dropped here without touching sysfs or /dev.
 */
static int rejected_by_name(const struct dev_cache *dc, const char *kname)
{
	char path[PATH_MAX];

	for (const char *const *dir = scan_dirs(dc); *dir; dir++) {
		int n = snprintf(path, sizeof(path), "%s/%s", *dir, kname);

		if (n < 0 || (size_t)n >= sizeof(path))
			return 0;
		for (char *p = path + strlen(*dir) + 1; *p; p++)
			if (*p == '!')
				*p = '/';
		if (filters_pass(state_of(dc), path, NULL))
			return 0;
	}
	return 1;
}

/* Unattached loop devices and empty drives report size 0 in sysfs. */
static int sysfs_size_zero(const struct dev_cache *dc, const char *kname)
{
	char path[PATH_MAX];
	char buf[32];

	snprintf(path, sizeof(path), "%s/class/block/%s/size", sysfs_dir(dc), kname);
	return !read_attr(path, buf, sizeof(buf)) && strtoull(buf, NULL, 10) == 0;
}

/*
 * The node of kname in the scan dirs.  A node is kname's when sysfs maps
 * its devno back to kname: one readlink instead of reading the "dev"
 * attribute of every listed device.
 */
static char *scanned_node(struct dev_cache *dc, const char *kname, dev_t *devno)
{
	char *name = node_name(dc, kname);
	struct stat st;

	for (const char *const *dir = scan_dirs(dc); *dir; dir++) {
		char *path = pool_printf(dc->mem, "%s/%s", *dir, name);
		char *owner;

		if (stat(path, &st) || !S_ISBLK(st.st_mode))
			continue;
		owner = kernel_name(dc, st.st_rdev);
		if (owner && !strcmp(owner, kname)) {
			*devno = st.st_rdev;
			return path;
		}
	}
	return NULL;
}

static void scan_block_devices(struct dev_cache *dc)
{
	struct strv names = { 0 };

	if (list_block_names(dc, &names))
		return;
	for (size_t i = 0; i < names.n; i++) {
		struct resolved r = { .is_file = 0 };

		if (rejected_by_name(dc, names.v[i]))
			continue;
		r.path = scanned_node(dc, names.v[i], &r.devno);
		if (!r.path) {
			log_debug("No device node for %s in the scanned directories", names.v[i]);
			continue;
		}
		if (sysfs_size_zero(dc, names.v[i]))
			continue;
		lookup_or_add(dc, &r);
	}
}

static void scan_files(struct dev_cache *dc, const char *const *files)
{
	for (size_t i = 0; files && files[i]; i++) {
		struct resolved r;
		const char *why = resolve(dc, files[i], &r);

		if (why)
			log_verbose("Skipping %s: %s", files[i], why);
		else if (!r.is_file)
			log_verbose("Skipping %s: not a regular file", files[i]);
		else
			lookup_or_add(dc, &r);
	}
}

/* --devices: exactly the named devices, block devices first, sorted. */
static void scan_device_list(struct dev_cache *dc)
{
	const char *const *names = dc->cfg->devices;
	struct strv blocks = { 0 };

	for (size_t i = 0; names[i]; i++) {
		struct resolved r;

		if (resolve(dc, names[i], &r) || r.is_file)
			continue;
		strv_add(dc->mem, &blocks, names[i]);
	}
	if (blocks.n)
		qsort(blocks.v, blocks.n, sizeof(*blocks.v), name_qsort_cmp);
	for (size_t i = 0; i < blocks.n; i++) {
		struct resolved r;

		if (!resolve(dc, blocks.v[i], &r))
			lookup_or_add(dc, &r);
	}
	scan_files(dc, names);
}

int dev_cache_scan(struct dev_cache *dc)
{
	if (dc->cfg->devices) {
		scan_device_list(dc);
		return 0;
	}
	scan_block_devices(dc);
	scan_files(dc, dc->cfg->files);
	return 0;
}

/* The canonical paths of the --devices entries that exist. */
static struct hash *resolve_allowed(struct dev_cache *dc)
{
	struct hash *allowed = hash_create(16);

	for (const char *const *p = dc->cfg->devices; *p; p++) {
		struct resolved r;

		if (!resolve(dc, *p, &r))
			hash_insert(allowed, r.path, r.path);
	}
	return allowed;
}

struct dev_cache *dev_cache_create(struct pool *mem, const struct dev_scan_config *cfg)
{
	struct dev_cache *dc = POOL_NEW(mem, struct dev_cache);
	struct dev_cache_state *st = POOL_NEW(mem, struct dev_cache_state);

	dc->mem = mem;
	dc->cfg = cfg;
	TAILQ_INIT(&dc->devices);
	dc->filter_state = st;
	st->global_filter = dev_filter_create(mem, cfg->global_filter, "devices/global_filter");
	st->filter = dev_filter_create(mem, cfg->filter, "devices/filter");
	if (!st->global_filter || !st->filter) {
		dev_filter_free(st->global_filter);
		dev_filter_free(st->filter);
		return NULL;
	}
	dc->by_path = hash_create(64);
	st->by_devno = hash_create(64);
	if (cfg->devices)
		st->allowed = resolve_allowed(dc);
	return dc;
}

void dev_cache_destroy(struct dev_cache *dc)
{
	struct dev_cache_state *st;
	struct device *dev;

	if (!dc)
		return;
	st = state_of(dc);
	TAILQ_FOREACH(dev, &dc->devices, list)
		dev_close(dev);
	dev_filter_free(st->global_filter);
	dev_filter_free(st->filter);
	hash_destroy(dc->by_path);
	hash_destroy(st->by_devno);
	if (st->allowed)
		hash_destroy(st->allowed);
}
