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

static int make_block_node(const char *path, uint32_t major, uint32_t minor)
{
	struct stat st;
	dev_t want = makedev(major, minor);

	if (!lstat(path, &st)) {
		if (S_ISBLK(st.st_mode) && st.st_rdev == want)
			return 0;
		if (unlink(path)) {
			log_error("Cannot replace stale node %s: %s", path, strerror(errno));
			return -1;
		}
	}
	if (mknod(path, S_IFBLK | 0600, want)) {
		log_error("Cannot create device node %s (%u:%u): %s", path, major, minor,
			  strerror(errno));
		return -1;
	}
	return 0;
}

static int make_link(const char *path, const char *target)
{
	char cur[PATH_MAX];
	ssize_t n = readlink(path, cur, sizeof(cur) - 1);

	if (n >= 0) {
		cur[n] = '\0';
		if (!strcmp(cur, target))
			return 0;
	}
	if ((n >= 0 || errno != ENOENT) && unlink(path) && errno != ENOENT) {
		log_error("Cannot replace %s: %s", path, strerror(errno));
		return -1;
	}
	if (symlink(target, path)) {
		log_error("Cannot create symlink %s -> %s: %s", path, target, strerror(errno));
		return -1;
	}
	return 0;
}

int kdm_node_add(const char *dev_dir, const char *name, uint32_t major, uint32_t minor,
		 const char *vg, const char *lv)
{
	char path[PATH_MAX], target[PATH_MAX];

	snprintf(path, sizeof(path), "%s/mapper", dev_dir);
	if (make_dir(path))
		return -1;
	snprintf(path, sizeof(path), "%s/mapper/%s", dev_dir, name);
	if (make_block_node(path, major, minor))
		return -1;
	if (!lv)
		return 0;
	snprintf(path, sizeof(path), "%s/%s", dev_dir, vg);
	if (make_dir(path))
		return -1;
	snprintf(path, sizeof(path), "%s/%s/%s", dev_dir, vg, lv);
	snprintf(target, sizeof(target), "../mapper/%s", name);
	return make_link(path, target);
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
