/*
 * Device I/O, with fault injection for the crash tests.
 *
 * Fault injection is off unless the environment says otherwise:
 *
 *   OPENLVM_FAULT=write:N:fail    the N-th dev_write() of the process
 *                                 fails with EIO (nothing written)
 *   OPENLVM_FAULT=write:N:exit    the N-th write completes, then the
 *                                 process _exit()s at once (exit code 99)
 *   OPENLVM_FAULT=write:N:torn    only the first 512-byte sector of the
 *                                 N-th write reaches the device, then the
 *                                 process _exit()s (99); a write of one
 *                                 sector is all or nothing, as on disks
 *   OPENLVM_FAULT_LOG=FILE        appends "N path offset length" for every
 *                                 write: a dry run that counts write points
 *
 * Writes are counted from 1 across all devices in the order issued.  The
 * counter is the one piece of process-wide mutable state here: a fault
 * point is a property of the process, not of a device or command.
 */
#include "device/device.h"
#include "misc/pool.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "misc/log.h"

#define FAULT_EXIT_CODE 99
#define TORN_BYTES 512

struct fault_state {
	int parsed;
	enum dev_fault_mode mode;
	unsigned long at;	/* 1-based write number */
	unsigned long writes;	/* writes issued so far */
	const char *log_path;
};

static struct fault_state fault;

int dev_fault_parse(const char *spec, unsigned long *at, enum dev_fault_mode *mode)
{
	char *end;
	const char *p;

	if (!spec || strncmp(spec, "write:", 6))
		return -1;
	errno = 0;
	*at = strtoul(spec + 6, &end, 10);
	if (errno || end == spec + 6 || *end != ':' || !*at)
		return -1;
	p = end + 1;
	if (!strcmp(p, "fail"))
		*mode = DEV_FAULT_FAIL;
	else if (!strcmp(p, "exit"))
		*mode = DEV_FAULT_EXIT;
	else if (!strcmp(p, "torn"))
		*mode = DEV_FAULT_TORN;
	else
		return -1;
	return 0;
}

static void fault_setup(void)
{
	const char *spec = getenv("OPENLVM_FAULT");
	enum dev_fault_mode mode = DEV_FAULT_NONE;

	fault.parsed = 1;
	fault.log_path = getenv("OPENLVM_FAULT_LOG");
	if (!spec || !*spec)
		return;
	if (dev_fault_parse(spec, &fault.at, &mode)) {
		log_warn("Ignoring invalid OPENLVM_FAULT=%s (want write:N:fail|exit|torn).", spec);
		return;
	}
	fault.mode = mode;
}

void dev_fault_reload(void)
{
	memset(&fault, 0, sizeof(fault));
	fault_setup();
}

static void fault_log(const struct device *dev, uint64_t offset, size_t len)
{
	FILE *f = fopen(fault.log_path, "a");

	if (!f)
		return;
	fprintf(f, "%lu %s %llu %zu\n", fault.writes, dev->path, (unsigned long long)offset, len);
	fclose(f);
}

/*
 * Called before each write: returns the number of bytes to really write
 * (len, or fewer for a torn write), or -1 when the write must fail.
 * *stop says to _exit() once those bytes are written.
 */
static ssize_t fault_before_write(const struct device *dev, uint64_t offset, size_t len,
				  int *stop)
{
	*stop = 0;
	if (!fault.parsed)
		fault_setup();
	fault.writes++;
	if (fault.log_path)
		fault_log(dev, offset, len);
	if (fault.mode == DEV_FAULT_NONE || fault.writes != fault.at)
		return (ssize_t)len;
	switch (fault.mode) {
	case DEV_FAULT_FAIL:
		errno = EIO;
		return -1;
	case DEV_FAULT_TORN:
		*stop = 1;
		return (ssize_t)(len > TORN_BYTES ? TORN_BYTES : len);
	default:
		*stop = 1;
		return (ssize_t)len;
	}
}

/*
 * Buffered I/O plus fdatasync() on commit points.  O_DIRECT would need
 * aligned buffers and is refused by some filesystems holding image files;
 * durability comes from dev_flush() at the points the commit protocol
 * requires, not from the open mode.
 */

static int open_dev(struct device *dev, int rw, int quiet)
{
	int fd;

	if (dev->fd >= 0) {
		if (!rw || dev->open_rw)
			return 0;
		dev_close(dev);
	}
	fd = open(dev->path, (rw ? O_RDWR : O_RDONLY) | O_CLOEXEC);
	if (fd < 0) {
		if (quiet)
			log_verbose("Skipping %s: %s", dev->path, strerror(errno));
		else
			log_error("Cannot open %s%s: %s", dev->path,
				  rw ? " for writing" : "", strerror(errno));
		return -1;
	}
	dev->fd = fd;
	dev->open_rw = rw;
	return 0;
}

int dev_open(struct device *dev, int rw)
{
	return open_dev(dev, rw, 0);
}

/*
 * A scan of every device must not complain about the ones it cannot open
 * (a mounted disk in a sandbox, a drive without medium): nobody asked for
 * them by name.  -v tells which were skipped.
 */
int dev_open_for_scan(struct device *dev)
{
	return open_dev(dev, 0, 1);
}

void dev_invalidate(struct device *dev)
{
	free(dev->head);
	dev->head = NULL;
	dev->head_len = 0;
}

void dev_close(struct device *dev)
{
	if (dev->fd >= 0)
		close(dev->fd);
	dev->fd = -1;
	dev->open_rw = 0;
	dev_invalidate(dev);
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

static int read_all(struct device *dev, uint64_t offset, size_t len, unsigned char *p);

/* Serves a read inside the first DEV_HEAD_SIZE bytes from one read of them. */
static int read_from_head(struct device *dev, uint64_t offset, size_t len, void *buf)
{
	if (offset + len > DEV_HEAD_SIZE)
		return 0;
	if (!dev->head) {
		uint64_t size;
		size_t n = DEV_HEAD_SIZE;

		if (dev_get_size(dev, &size))
			return -1;
		if (size < n)
			n = (size_t)size;
		dev->head = xmalloc(DEV_HEAD_SIZE);
		if (read_all(dev, 0, n, dev->head)) {
			dev_invalidate(dev);
			return -1;
		}
		dev->head_len = n;
	}
	if (offset + len > dev->head_len)
		return 0;	/* past the end: read_all() reports it */
	memcpy(buf, dev->head + offset, len);
	return 1;
}

int dev_read(struct device *dev, uint64_t offset, size_t len, void *buf)
{
	int r;

	if (dev_open(dev, 0))
		return -1;
	r = read_from_head(dev, offset, len, buf);
	if (r)
		return r < 0 ? -1 : 0;
	return read_all(dev, offset, len, buf);
}

static int read_all(struct device *dev, uint64_t offset, size_t len, unsigned char *p)
{
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
	ssize_t allowed;
	int stop;

	if (dev_open(dev, 1))
		return -1;
	if (offset < DEV_HEAD_SIZE)
		dev_invalidate(dev);
	allowed = fault_before_write(dev, offset, len, &stop);
	if (allowed < 0) {
		log_error("Write error on %s at offset %llu: %s (injected)", dev->path,
			  (unsigned long long)offset, strerror(EIO));
		return -1;
	}
	if (stop)
		len = (size_t)allowed;
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
	if (stop)
		_exit(FAULT_EXIT_CODE);
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

/*
 * A commit flushes every PV of the VG at each of its two barriers.  One
 * after another, a VG on 16 PVs waited for 16 disk flushes per barrier;
 * issued together they overlap, and the barrier costs about one.
 */
#define FLUSH_WORKERS 16

struct flush_batch {
	struct device **devs;
	unsigned n;
	atomic_uint next;
	atomic_int failed;
};

static void *flush_worker(void *arg)
{
	struct flush_batch *b = arg;
	unsigned i;

	while ((i = atomic_fetch_add(&b->next, 1)) < b->n)
		if (dev_flush(b->devs[i]))
			atomic_store(&b->failed, 1);
	return NULL;
}

int dev_flush_all(struct device **devs, unsigned n)
{
	struct flush_batch b = { .devs = devs, .n = n };
	pthread_t tid[FLUSH_WORKERS - 1];
	unsigned started = 0;

	atomic_init(&b.next, 0);
	atomic_init(&b.failed, 0);
	while (started < FLUSH_WORKERS - 1 && started + 1 < n &&
	       !pthread_create(&tid[started], NULL, flush_worker, &b))
		started++;
	flush_worker(&b);
	while (started)
		pthread_join(tid[--started], NULL);
	return atomic_load(&b.failed) ? -1 : 0;
}
