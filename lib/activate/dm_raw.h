/*
 * Device-mapper ioctls issued directly (dm_raw.c), for the paths that run
 * them from several threads at once: libdevmapper's task state is not
 * thread-safe.  Each returns 0 or an errno value; none logs.
 */
#ifndef OPENLVM_DM_RAW_H
#define OPENLVM_DM_RAW_H

#include <stddef.h>
#include <stdint.h>

struct dm_ioctl;
struct dm_table;

/* DM_DEV_CREATE; *major and *minor from the reply. */
int kdm_raw_create(int control, const char *name, const char *uuid, int read_only,
		   uint32_t *major, uint32_t *minor);
/*
 * The DM_TABLE_LOAD request for t, *size bytes (free() it); NULL with
 * errno set when a name, target or the whole does not fit.
 */
struct dm_ioctl *kdm_raw_load_request(const char *name, const struct dm_table *t, int read_only,
				      size_t *size);
int kdm_raw_load(int control, const char *name, const struct dm_table *t, int read_only);
/* DM_DEV_SUSPEND without the suspend flag; event_nr carries the udev flags. */
int kdm_raw_resume(int control, const char *name, uint32_t event_nr);
int kdm_raw_remove(int control, const char *name, uint32_t event_nr);

#endif
