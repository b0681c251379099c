/*
 * Every device-mapper device with its UUID in one DM_LIST_DEVICES
 * (kernel ioctl interface 4.45, Linux 5.14, on): activating a VG asked the
 * kernel once per LV whether its device existed, which for a VG of 1,000
 * LVs that are all inactive is 1,000 ioctls answering "no".  A raw ioctl,
 * as libdevmapper 1.02 does not hand out the UUIDs of its list.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <linux/dm-ioctl.h>

#include "activate/activate.h"
#include "misc/hash.h"
#include "misc/log.h"
#include "misc/pool.h"

/* Where the kernel puts event_nr, flags and the UUID: after the name, 8-aligned. */
static size_t extras_offset(size_t name_end)
{
	return (name_end + 7) & ~(size_t)7;
}

/* One record at buf[off]; 0, 1 (no UUID reported) or -1 (malformed). */
static int parse_record(struct pool *mem, const char *buf, size_t off, size_t len,
			struct kdm_devices *out, uint32_t *next)
{
	struct dm_name_list rec;
	const char *name = buf + off + offsetof(struct dm_name_list, name), *uuid;
	size_t name_len, extra;
	uint32_t flags;
	struct kdm_device *d;

	if (off + sizeof(rec) > len)
		return -1;
	memcpy(&rec, buf + off, sizeof(rec));
	*next = rec.next;
	name_len = strnlen(name, len - (size_t)(name - buf));
	extra = extras_offset((size_t)(name - buf) + name_len + 1);
	if (name_len == len - (size_t)(name - buf) || extra + 8 > len)
		return -1;
	memcpy(&flags, buf + extra + 4, sizeof(flags));
	if (!(flags & (DM_NAME_LIST_FLAG_HAS_UUID | DM_NAME_LIST_FLAG_DOESNT_HAVE_UUID)))
		return 1;
	uuid = buf + extra + 8;
	if ((flags & DM_NAME_LIST_FLAG_HAS_UUID) && strnlen(uuid, len - extra - 8) == len - extra - 8)
		return -1;
	d = POOL_NEW(mem, struct kdm_device);
	d->name = pool_strndup(mem, name, name_len);
	d->uuid = flags & DM_NAME_LIST_FLAG_HAS_UUID ? pool_strdup(mem, uuid) : NULL;
	d->major = major((dev_t)rec.dev);
	d->minor = minor((dev_t)rec.dev);
	hash_insert(out->by_name, d->name, d);
	if (d->uuid)
		hash_insert(out->by_uuid, d->uuid, d);
	return 0;
}

int kdm_name_list_parse(struct pool *mem, const void *data, size_t len, struct kdm_devices *out)
{
	const char *buf = data;
	size_t off = 0;
	uint32_t next;
	int r;

	/* No devices: nothing (the kernel counts no bytes), or a first dev of 0. */
	if (!len)
		return 0;
	if (len < sizeof(struct dm_name_list))
		return -1;
	if (!((const struct dm_name_list *)data)->dev)
		return 0;
	do {
		r = parse_record(mem, buf, off, len, out, &next);
		if (r)
			return r;
		if (next && next > len - off)
			return -1;
		off += next;
	} while (next);
	return 0;
}

/* DM_LIST_DEVICES into a buffer big enough: the reply (*size long), or NULL. */
static struct dm_ioctl *list_devices(int control, size_t *size)
{
	struct dm_ioctl *io;

	for (*size = 64 * 1024;; *size *= 4) {
		io = calloc(1, *size);
		if (!io)
			return NULL;
		io->version[0] = DM_VERSION_MAJOR;
		io->data_size = (uint32_t)*size;
		io->data_start = sizeof(*io);
		io->flags = DM_UUID_FLAG;	/* UUIDs wanted in the records */
		if (ioctl(control, DM_LIST_DEVICES, io)) {
			free(io);
			return NULL;
		}
		if (!(io->flags & DM_BUFFER_FULL_FLAG))
			return io;
		free(io);
		if (*size >= 256u << 20) {
			errno = ENOBUFS;
			return NULL;
		}
	}
}

void kdm_devices_free(struct kdm_devices *d)
{
	if (d->by_uuid)
		hash_destroy(d->by_uuid);
	if (d->by_name)
		hash_destroy(d->by_name);
	d->by_uuid = d->by_name = NULL;
}

int kdm_list_devices(const char *dev_dir, struct pool *mem, struct kdm_devices *out)
{
	char path[4096];
	struct dm_ioctl *io;
	size_t size;
	int control, r;

	out->by_uuid = out->by_name = NULL;
	snprintf(path, sizeof(path), "%s/mapper/control", dev_dir);
	control = open(path, O_RDWR | O_CLOEXEC);
	if (control < 0) {
		log_error("Cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	io = list_devices(control, &size);
	close(control);
	if (!io) {
		log_error("Cannot list the device-mapper devices: %s", strerror(errno));
		return -1;
	}
	/* Older kernels leave the flags word of each record unset. */
	if (io->version[0] != DM_VERSION_MAJOR || io->version[1] < 45) {
		free(io);
		return 1;
	}
	out->by_uuid = hash_create(64);
	out->by_name = hash_create(64);
	r = -1;
	if (io->data_start <= io->data_size && io->data_size <= size)
		r = kdm_name_list_parse(mem, (char *)io + io->data_start,
					io->data_size - io->data_start, out);
	free(io);
	if (r < 0)
		log_error("The kernel's list of device-mapper devices is malformed.");
	if (r)
		kdm_devices_free(out);
	return r;
}
