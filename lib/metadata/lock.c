#include "metadata/lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "misc/fsutil.h"
#include "misc/log.h"

const char *lock_vg_name(const char *vg_name, char *buf, unsigned len)
{
	snprintf(buf, len, "V_%s", vg_name);
	return buf;
}

/* Monotonic and finer than time(): a timeout of N s waits N s, not N-1. */
static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int lock_take(const char *lock_dir, const char *name, int exclusive, int wait_seconds)
{
	char path[4096];
	int fd, op = exclusive ? LOCK_EX : LOCK_SH;
	double deadline = now_seconds() + (wait_seconds > 0 ? wait_seconds : 0);

	if (mkdir_p(lock_dir)) {
		log_error("Cannot create lock directory %s: %s", lock_dir, strerror(errno));
		return -1;
	}
	if (snprintf(path, sizeof(path), "%s/%s", lock_dir, name) >= (int)sizeof(path)) {
		log_error("Lock file name too long: %s/%s", lock_dir, name);
		return -1;
	}
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		log_error("Cannot open lock file %s: %s", path, strerror(errno));
		return -1;
	}
	if (wait_seconds < 0) {
		while (flock(fd, op)) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		return fd;
	}
	while (flock(fd, op | LOCK_NB)) {
		if (errno != EWOULDBLOCK && errno != EINTR)
			goto fail;
		if (now_seconds() >= deadline) {
			log_error("Timed out waiting for lock %s (held by another command).", path);
			close(fd);
			return -1;
		}
		usleep(10000);
	}
	return fd;
fail:
	log_error("Cannot lock %s: %s", path, strerror(errno));
	close(fd);
	return -1;
}
