/* Device-mapper ioctls without libdevmapper: see dm_raw.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sysmacros.h>

#include <linux/dm-ioctl.h>

#include "activate/activate.h"
#include "activate/dm_raw.h"

static size_t align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/* A request of size bytes naming the device; ENAMETOOLONG if it does not fit. */
static int request_init(struct dm_ioctl *io, size_t size, const char *name, uint32_t flags)
{
	size_t len = strlen(name);

	if (len >= sizeof(io->name))
		return ENAMETOOLONG;
	memset(io, 0, sizeof(*io));
	io->version[0] = DM_VERSION_MAJOR;
	io->data_size = (uint32_t)size;
	io->data_start = sizeof(*io);
	io->flags = flags;
	memcpy(io->name, name, len + 1);
	return 0;
}

static int run(int control, unsigned long cmd, struct dm_ioctl *io)
{
	return ioctl(control, cmd, io) ? errno : 0;
}

int kdm_raw_create(int control, const char *name, const char *uuid, int read_only,
		   uint32_t *major, uint32_t *minor)
{
	struct dm_ioctl io;
	int err = request_init(&io, sizeof(io), name,
			       DM_SKIP_BDGET_FLAG | (read_only ? DM_READONLY_FLAG : 0));

	if (err)
		return err;
	if (uuid) {
		if (strlen(uuid) >= sizeof(io.uuid))
			return ENAMETOOLONG;
		memcpy(io.uuid, uuid, strlen(uuid) + 1);
	}
	err = run(control, DM_DEV_CREATE, &io);
	if (!err) {
		*major = major((dev_t)io.dev);
		*minor = minor((dev_t)io.dev);
	}
	return err;
}

/* Each target: its spec, then its parameters, padded to 8 bytes. */
static size_t spec_size(const struct dm_line *l)
{
	return align8(sizeof(struct dm_target_spec) + strlen(l->params) + 1);
}

struct dm_ioctl *kdm_raw_load_request(const char *name, const struct dm_table *t, int read_only,
				      size_t *size)
{
	size_t total = align8(sizeof(struct dm_ioctl)), off;
	struct dm_ioctl *io;
	int err;

	for (unsigned i = 0; i < t->count; i++) {
		if (strlen(t->lines[i].target) >= DM_MAX_TYPE_NAME) {
			errno = ENAMETOOLONG;
			return NULL;
		}
		total += spec_size(&t->lines[i]);
	}
	if (total > UINT32_MAX) {
		errno = E2BIG;
		return NULL;
	}
	io = calloc(1, total);
	if (!io)
		return NULL;
	err = request_init(io, total, name, DM_SKIP_BDGET_FLAG | (read_only ? DM_READONLY_FLAG : 0));
	if (err) {
		free(io);
		errno = err;
		return NULL;
	}
	io->data_start = (uint32_t)align8(sizeof(*io));
	io->target_count = t->count;
	off = io->data_start;
	for (unsigned i = 0; i < t->count; i++) {
		const struct dm_line *l = &t->lines[i];
		struct dm_target_spec *s = (struct dm_target_spec *)((char *)io + off);

		s->sector_start = l->start;
		s->length = l->len;
		s->next = (uint32_t)spec_size(l);
		memcpy(s->target_type, l->target, strlen(l->target) + 1);
		memcpy(s + 1, l->params, strlen(l->params) + 1);
		off += s->next;
	}
	*size = total;
	return io;
}

int kdm_raw_load(int control, const char *name, const struct dm_table *t, int read_only)
{
	size_t size;
	struct dm_ioctl *io = kdm_raw_load_request(name, t, read_only, &size);
	int err;

	if (!io)
		return errno;
	err = run(control, DM_TABLE_LOAD, io);
	free(io);
	return err;
}

int kdm_raw_resume(int control, const char *name, uint32_t event_nr)
{
	struct dm_ioctl io;
	int err = request_init(&io, sizeof(io), name, DM_SKIP_BDGET_FLAG);

	if (err)
		return err;
	io.event_nr = event_nr;
	return run(control, DM_DEV_SUSPEND, &io);
}

int kdm_raw_remove(int control, const char *name, uint32_t event_nr)
{
	struct dm_ioctl io;
	int err = request_init(&io, sizeof(io), name, DM_SKIP_BDGET_FLAG);	/* no open count back */

	if (err)
		return err;
	io.event_nr = event_nr;
	return run(control, DM_DEV_REMOVE, &io);
}
