/*
 * Foreign signatures (filesystems, RAID members, partition tables, other
 * PVs) found by libblkid.  pvcreate lists them before it overwrites a
 * device and, when told to, erases their magic bytes as wipefs does.
 */
#include "device/device.h"

#include <blkid.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "misc/log.h"
#include "misc/pool.h"

/* Both chains, reporting enough to name the signature and find its magic. */
static void enable_chains(blkid_probe pr)
{
	blkid_probe_enable_superblocks(pr, 1);
	blkid_probe_set_superblocks_flags(pr, BLKID_SUBLKS_MAGIC | BLKID_SUBLKS_TYPE |
					      BLKID_SUBLKS_USAGE);
	blkid_probe_enable_partitions(pr, 1);
	blkid_probe_set_partitions_flags(pr, BLKID_PARTS_MAGIC);
}

static const char *probe_value(blkid_probe pr, const char *name)
{
	const char *value = NULL;

	if (blkid_probe_lookup_value(pr, name, &value, NULL))
		return NULL;
	return value;
}

/* Describes the signature the probe stopped at. */
static struct dev_signature *current_signature(blkid_probe pr, struct pool *mem)
{
	struct dev_signature *sig = POOL_NEW(mem, struct dev_signature);
	const char *type = probe_value(pr, "TYPE");
	const char *usage = probe_value(pr, "USAGE");
	const char *offset = probe_value(pr, "SBMAGIC_OFFSET");

	if (!type) {
		type = probe_value(pr, "PTTYPE");
		usage = "partition table";
		offset = probe_value(pr, "PTMAGIC_OFFSET");
	}
	sig->type = pool_strdup(mem, type ? type : "unknown");
	sig->usage = pool_strdup(mem, usage ? usage : "unknown");
	sig->offset = offset ? strtoull(offset, NULL, 10) : 0;
	return sig;
}

int dev_find_signatures(struct device *dev, struct pool *mem, struct dev_signature **out)
{
	struct dev_signature **tail = out;
	blkid_probe pr;
	int rc;

	*out = NULL;
	pr = blkid_new_probe_from_filename(dev->path);
	if (!pr) {
		log_error("Cannot probe %s for signatures: %s", dev->path,
			  errno ? strerror(errno) : "libblkid failed");
		return -1;
	}
	enable_chains(pr);
	while ((rc = blkid_do_probe(pr)) == 0) {
		*tail = current_signature(pr, mem);
		tail = &(*tail)->next;
	}
	blkid_free_probe(pr);
	if (rc < 0) {
		log_error("Failed to probe %s for signatures.", dev->path);
		return -1;
	}
	return 0;
}

int dev_wipe_signatures(struct device *dev)
{
	blkid_probe pr;
	int rc;

	if (dev_open(dev, 1))
		return -1;
	pr = blkid_new_probe();
	if (!pr || blkid_probe_set_device(pr, dev->fd, 0, 0)) {
		log_error("Cannot probe %s for signatures.", dev->path);
		if (pr)
			blkid_free_probe(pr);
		return -1;
	}
	enable_chains(pr);
	/* A successful wipe steps the probe back, so the loop sees what follows. */
	while ((rc = blkid_do_probe(pr)) == 0) {
		const char *type = probe_value(pr, "TYPE");

		if (!type)
			type = probe_value(pr, "PTTYPE");
		if (blkid_do_wipe(pr, 0)) {
			log_error("Failed to wipe %s signature on %s.", type ? type : "unknown",
				  dev->path);
			blkid_free_probe(pr);
			return -1;
		}
		log_verbose("Wiped %s signature on %s.", type ? type : "unknown", dev->path);
	}
	blkid_free_probe(pr);
	dev_invalidate(dev);
	if (rc < 0) {
		log_error("Failed to probe %s for signatures.", dev->path);
		return -1;
	}
	return dev_flush(dev);
}
