/*
 * Loop devices for PVs that are image files, so device-mapper (which
 * maps block devices only) can use them.  Attached with autoclear: the
 * kernel detaches a loop device when its last user closes it, so once
 * the last dm device on it is removed, it goes away by itself.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/loop.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "activate/activate.h"
#include "misc/log.h"

#ifndef LOOP_CONFIGURE
#define LOOP_CONFIGURE 0x4C0A
struct loop_config {
	uint32_t fd;
	uint32_t block_size;
	struct loop_info64 info;
	uint64_t __reserved[8];
};
#endif

static int fill_from_fd(int fd, const char *path, struct loopdev *out)
{
	struct stat st;

	if (fstat(fd, &st) || !S_ISBLK(st.st_mode))
		return -1;
	out->major = major(st.st_rdev);
	out->minor = minor(st.st_rdev);
	snprintf(out->path, sizeof(out->path), "%s", path);
	return 0;
}

/* Whether loop device n is backed by the file with this device and inode. */
static int backs(unsigned n, const struct stat *file, struct loopdev *out)
{
	char path[64];
	struct loop_info64 info;
	int fd, r = 0;

	snprintf(path, sizeof(path), "/dev/loop%u", n);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	if (!ioctl(fd, LOOP_GET_STATUS64, &info) && info.lo_inode == file->st_ino &&
	    info.lo_device == file->st_dev && info.lo_offset == 0 && !fill_from_fd(fd, path, out))
		r = 1;
	close(fd);
	return r;
}

int loopdev_find(const char *file, struct loopdev *out)
{
	struct stat st;
	struct dirent *de;
	DIR *d;
	int found = 0;

	memset(out, 0, sizeof(*out));
	out->fd = -1;
	if (stat(file, &st)) {
		log_error("Cannot stat %s: %s", file, strerror(errno));
		return -1;
	}
	d = opendir("/sys/block");
	if (!d)
		return 0;
	/* Only bound loop devices have the loop/backing_file attribute. */
	while (!found && (de = readdir(d))) {
		char attr[PATH_MAX];
		unsigned n;

		if (sscanf(de->d_name, "loop%u", &n) != 1)
			continue;
		snprintf(attr, sizeof(attr), "/sys/block/%s/loop/backing_file", de->d_name);
		if (!access(attr, F_OK))
			found = backs(n, &st, out);
	}
	closedir(d);
	return found;
}

static int configure(int loop_fd, int file_fd, const char *file, int read_only)
{
	struct loop_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.fd = (uint32_t)file_fd;
	cfg.info.lo_flags = LO_FLAGS_AUTOCLEAR | (read_only ? LO_FLAGS_READ_ONLY : 0);
	snprintf((char *)cfg.info.lo_file_name, sizeof(cfg.info.lo_file_name), "%s", file);
	if (!ioctl(loop_fd, LOOP_CONFIGURE, &cfg))
		return 0;
	if (errno != EINVAL && errno != ENOTTY)
		return -1;
	/* Kernels before 5.8: bind, then set the flags. */
	if (ioctl(loop_fd, LOOP_SET_FD, file_fd))
		return -1;
	if (ioctl(loop_fd, LOOP_SET_STATUS64, &cfg.info)) {
		int e = errno;

		(void)ioctl(loop_fd, LOOP_CLR_FD, 0);
		errno = e;
		return -1;
	}
	return 0;
}

/* Binds file to a free loop device; retries when another process races us. */
static int attach_new(const char *file, int read_only, struct loopdev *out)
{
	int ctl, file_fd, loop_fd = -1;
	char path[64];

	ctl = open("/dev/loop-control", O_RDWR | O_CLOEXEC);
	if (ctl < 0) {
		log_error("Cannot open /dev/loop-control to attach %s: %s (load module loop).",
			  file, strerror(errno));
		return -1;
	}
	file_fd = open(file, (read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC);
	if (file_fd < 0) {
		log_error("Cannot open %s: %s", file, strerror(errno));
		close(ctl);
		return -1;
	}
	for (int tries = 0; tries < 16; tries++) {
		int n = ioctl(ctl, LOOP_CTL_GET_FREE);

		if (n < 0)
			break;
		snprintf(path, sizeof(path), "/dev/loop%d", n);
		loop_fd = open(path, (read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC);
		if (loop_fd >= 0 && !configure(loop_fd, file_fd, file, read_only))
			break;
		if (loop_fd >= 0)
			close(loop_fd);
		loop_fd = -1;
		if (errno != EBUSY && errno != ENOENT)
			break;
	}
	close(file_fd);
	close(ctl);
	if (loop_fd < 0 || fill_from_fd(loop_fd, path, out)) {
		log_error("Cannot attach a loop device to %s: %s", file, strerror(errno));
		if (loop_fd >= 0)
			close(loop_fd);
		return -1;
	}
	out->fd = loop_fd;
	return 0;
}

int loopdev_attach(const char *file, int read_only, struct loopdev *out)
{
	int r = loopdev_find(file, out);

	if (r < 0)
		return -1;
	if (r == 1) {
		/* Held open too, so it cannot autoclear under us. */
		out->fd = open(out->path, O_RDONLY | O_CLOEXEC);
		return 0;
	}
	return attach_new(file, read_only, out);
}

void loopdev_release(struct loopdev *l)
{
	if (l->fd >= 0)
		close(l->fd);
	l->fd = -1;
}

int loopdev_detach(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int r;

	if (fd < 0) {
		log_error("Cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	r = ioctl(fd, LOOP_CLR_FD, 0);
	if (r)
		log_error("Cannot detach %s: %s", path, strerror(errno));
	close(fd);
	return r ? -1 : 0;
}
