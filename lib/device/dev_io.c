#include "device/device.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "misc/log.h"

/*
 * Buffered I/O plus fdatasync() on commit points.  O_DIRECT would need
 * aligned buffers and is refused by some filesystems holding image files;
 * durability comes from dev_flush() at the points the commit protocol
 * requires, not from the open mode.
 */

int dev_open(struct device *dev, int rw)
{
	int fd;

	if (dev->fd >= 0) {
		if (!rw || dev->open_rw)
			return 0;
		dev_close(dev);
	}
	fd = open(dev->path, (rw ? O_RDWR : O_RDONLY) | O_CLOEXEC);
	if (fd < 0) {
		log_error("Cannot open %s%s: %s", dev->path, rw ? " for writing" : "",
			  strerror(errno));
		return -1;
	}
	dev->fd = fd;
	dev->open_rw = rw;
	return 0;
}

void dev_close(struct device *dev)
{
	if (dev->fd >= 0)
		close(dev->fd);
	dev->fd = -1;
	dev->open_rw = 0;
}

int dev_get_size(struct device *dev, uint64_t *bytes)
{
	struct stat st;

	if (dev->size_known) {
		*bytes = dev->size;
		return 0;
	}
	if (dev_open(dev, 0))
		return -1;
	if (fstat(dev->fd, &st)) {
		log_error("Cannot stat %s: %s", dev->path, strerror(errno));
		return -1;
	}
	if (S_ISREG(st.st_mode)) {
		dev->size = (uint64_t)st.st_size;
	} else if (ioctl(dev->fd, BLKGETSIZE64, &dev->size)) {
		log_error("Cannot get the size of %s: %s", dev->path, strerror(errno));
		return -1;
	}
	dev->size_known = 1;
	*bytes = dev->size;
	return 0;
}

int dev_read(struct device *dev, uint64_t offset, size_t len, void *buf)
{
	unsigned char *p = buf;

	if (dev_open(dev, 0))
		return -1;
	while (len) {
		ssize_t n = pread(dev->fd, p, len, (off_t)offset);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			log_error("Read error on %s at offset %llu: %s", dev->path,
				  (unsigned long long)offset, n ? strerror(errno) : "end of device");
			return -1;
		}
		p += n;
		offset += (uint64_t)n;
		len -= (size_t)n;
	}
	return 0;
}

int dev_write(struct device *dev, uint64_t offset, size_t len, const void *buf)
{
	const unsigned char *p = buf;

	if (dev_open(dev, 1))
		return -1;
	while (len) {
		ssize_t n = pwrite(dev->fd, p, len, (off_t)offset);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			log_error("Write error on %s at offset %llu: %s", dev->path,
				  (unsigned long long)offset, n ? strerror(errno) : "no space");
			return -1;
		}
		p += n;
		offset += (uint64_t)n;
		len -= (size_t)n;
	}
	return 0;
}

int dev_zero(struct device *dev, uint64_t offset, size_t len)
{
	static const unsigned char zeros[4096];

	while (len) {
		size_t n = len < sizeof(zeros) ? len : sizeof(zeros);

		if (dev_write(dev, offset, n, zeros))
			return -1;
		offset += n;
		len -= n;
	}
	return 0;
}

int dev_flush(struct device *dev)
{
	if (dev->fd < 0 || !dev->open_rw)
		return 0;
	if (fdatasync(dev->fd)) {
		log_error("Cannot flush %s: %s", dev->path, strerror(errno));
		return -1;
	}
	return 0;
}
