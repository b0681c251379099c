/*
 * Device nodes when udev does not make them: /dev/mapper/NAME (block
 * node) and the /dev/VG/LV symlink to it.  Both operations are idempotent
 * so they can also repair what udev left out (verify_udev_operations,
 * vgmknodes).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "activate/activate.h"
#include "misc/log.h"

static int make_dir(const char *path)
{
	if (!mkdir(path, 0755) || errno == EEXIST)
		return 0;
	log_error("Cannot create directory %s: %s", path, strerror(errno));
	return -1;
}

/*
 * The node is made first and looked at only when something is in the
 * way: activating a VG of 1,000 LVs makes 1,000 nodes in an existing
 * directory, and each extra lookup is a system call (dear under the
 * kernel suite's emulation).  ENOENT means the directory is missing.
 */
static int make_block_node(const char *dir, const char *path, uint32_t major, uint32_t minor)
{
	struct stat st;
	dev_t want = makedev(major, minor);

	if (!mknod(path, S_IFBLK | 0600, want))
		return 0;
	if (errno == ENOENT) {
		if (make_dir(dir))
			return -1;
		if (!mknod(path, S_IFBLK | 0600, want))
			return 0;
	}
	if (errno == EEXIST && !lstat(path, &st)) {
		if (S_ISBLK(st.st_mode) && st.st_rdev == want)
			return 0;
		if (unlink(path)) {
			log_error("Cannot replace stale node %s: %s", path, strerror(errno));
			return -1;
		}
		if (!mknod(path, S_IFBLK | 0600, want))
			return 0;
	}
	log_error("Cannot create device node %s (%u:%u): %s", path, major, minor,
		  strerror(errno));
	return -1;
}

/* As make_block_node: the link first, then whatever is in its way. */
static int make_link(const char *dir, const char *path, const char *target)
{
	char cur[PATH_MAX];
	ssize_t n;

	if (!symlink(target, path))
		return 0;
	if (errno == ENOENT) {
		if (make_dir(dir))
			return -1;
		if (!symlink(target, path))
			return 0;
	}
	if (errno == EEXIST) {
		n = readlink(path, cur, sizeof(cur) - 1);
		if (n >= 0) {
			cur[n] = '\0';
			if (!strcmp(cur, target))
				return 0;
		}
		if (unlink(path) && errno != ENOENT) {
			log_error("Cannot replace %s: %s", path, strerror(errno));
			return -1;
		}
		if (!symlink(target, path))
			return 0;
	}
	log_error("Cannot create symlink %s -> %s: %s", path, target, strerror(errno));
	return -1;
}

int kdm_node_add(const char *dev_dir, const char *name, uint32_t major, uint32_t minor,
		 const char *vg, const char *lv)
{
	char dir[PATH_MAX], path[PATH_MAX], target[PATH_MAX];

	snprintf(dir, sizeof(dir), "%s/mapper", dev_dir);
	snprintf(path, sizeof(path), "%s/mapper/%s", dev_dir, name);
	if (make_block_node(dir, path, major, minor))
		return -1;
	if (!lv)
		return 0;
	snprintf(dir, sizeof(dir), "%s/%s", dev_dir, vg);
	snprintf(path, sizeof(path), "%s/%s/%s", dev_dir, vg, lv);
	snprintf(target, sizeof(target), "../mapper/%s", name);
	return make_link(dir, path, target);
}

int kdm_node_del(const char *dev_dir, const char *name, const char *vg, const char *lv)
{
	char path[PATH_MAX];
	int r = 0;

	if (lv) {
		snprintf(path, sizeof(path), "%s/%s/%s", dev_dir, vg, lv);
		if (unlink(path) && errno != ENOENT) {
			log_error("Cannot remove %s: %s", path, strerror(errno));
			r = -1;
		}
		/* The VG directory goes with its last link, as LVM2 does it. */
		snprintf(path, sizeof(path), "%s/%s", dev_dir, vg);
		(void)rmdir(path);
	}
	snprintf(path, sizeof(path), "%s/mapper/%s", dev_dir, name);
	if (unlink(path) && errno != ENOENT) {
		log_error("Cannot remove %s: %s", path, strerror(errno));
		r = -1;
	}
	return r;
}
