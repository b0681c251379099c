/*
 * Devices: block devices and plain image files, found by scanning or named
 * on the command line, filtered as lvm.conf says, and read and written in
 * whole sectors.
 *
 * A device is identified by its canonical path.  An image file is a
 * first-class device: everything that takes /dev/sdb also takes disk.img.
 */
#ifndef OPENLVM_DEVICE_H
#define OPENLVM_DEVICE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/queue.h>
#include <sys/types.h>

struct pool;
struct hash;

struct device {
	TAILQ_ENTRY(device) list;
	const char *path;	/* canonical path as used in messages */
	dev_t devno;		/* st_rdev for block devices, 0 for files */
	int is_file;		/* regular file (image) */
	int fd;			/* -1 when closed */
	int open_rw;
	int size_known;
	uint64_t size;		/* bytes */
	int filtered_out;	/* rejected by a filter; never scanned */
	const char *filter_reason;
	unsigned char *head;	/* first DEV_HEAD_SIZE bytes while open, or NULL */
	size_t head_len;	/* of them, what the device holds */
};

/*
 * A scan reads the label (sector 1) and, on most PVs, the metadata area
 * header at 4 KiB: one read of the first 8 KiB serves both, a round trip
 * less per device.
 */
#define DEV_HEAD_SIZE 8192

/* Forgets what was read of dev: after writes that bypass dev_write() (libblkid's wipe). */
void dev_invalidate(struct device *dev);

TAILQ_HEAD(device_list, device);

/* What decides which devices a command may see (from lvm.conf). */
struct dev_scan_config {
	const char *const *scan_dirs;	/* devices/scan, NULL-terminated; default "/dev" */
	const char *const *files;	/* devices/files: image files to consider */
	const char *const *filter;	/* devices/filter "a|re|" / "r|re|" */
	const char *const *global_filter;
	const char *const *devices;	/* --devices: only these, if set */
	const char *sysfs_dir;		/* "/sys" */
};

struct dev_cache {
	struct pool *mem;
	struct device_list devices;	/* accepted devices, scan order */
	struct hash *by_path;
	const struct dev_scan_config *cfg;
	/* compiled filters live behind this */
	void *filter_state;
};

/* Returns NULL and reports when a filter regex is invalid. */
struct dev_cache *dev_cache_create(struct pool *mem, const struct dev_scan_config *cfg);
void dev_cache_destroy(struct dev_cache *dc);

/* Enumerates block devices (sysfs) and configured files, applying filters. */
int dev_cache_scan(struct dev_cache *dc);

/*
 * Finds or adds the device named by path (a block device node or a
 * regular file).  Returns NULL, with *why set to a reason, when the path
 * does not exist, is not a block device or file, or is filtered out.
 */
struct device *dev_cache_get(struct dev_cache *dc, const char *path, const char **why);

/*
 * The reasons dev_cache_get gives, worded as LVM2 prints them after
 * "Cannot use PATH: ".  Commands that word some cases differently compare
 * by address: not_found and bad_type read alike but are distinct objects.
 */
extern const char dev_reason_not_found[];
extern const char dev_reason_bad_type[];
extern const char dev_reason_filtered[];
extern const char dev_reason_not_listed[];

/* Looks up an already known device by devno (0 for files: never found). */
struct device *dev_cache_find_devno(struct dev_cache *dc, dev_t devno);

/*
 * Orders names as people do: "loop2" before "loop10".  Runs of digits
 * compare by value; everything else bytewise.  strcmp-style result.
 */
int dev_name_cmp(const char *a, const char *b);

/* ---- Filters (devices/filter, devices/global_filter) ---- */
struct dev_filter;

enum dev_filter_verdict {
	DEV_FILTER_NO_MATCH,	/* no pattern matched: accepted */
	DEV_FILTER_ACCEPT,	/* first matching pattern was "a" */
	DEV_FILTER_REJECT,	/* first matching pattern was "r" */
};

/*
 * Compiles "a<d>regex<d>" / "r<d>regex<d>" entries (any delimiter <d>,
 * POSIX extended regex).  setting names the option in messages.  Returns
 * NULL after reporting the first invalid entry.  An empty or NULL list
 * accepts everything.  Free with dev_filter_free().
 */
struct dev_filter *dev_filter_create(struct pool *mem, const char *const *patterns,
				     const char *setting);
void dev_filter_free(struct dev_filter *f);
enum dev_filter_verdict dev_filter_match(const struct dev_filter *f, const char *path);

int dev_open(struct device *dev, int rw);
int dev_open_for_scan(struct device *dev);
void dev_close(struct device *dev);
/* Full reads and writes at a byte offset; short I/O is an error. 0 or -1. */
int dev_read(struct device *dev, uint64_t offset, size_t len, void *buf);
int dev_write(struct device *dev, uint64_t offset, size_t len, const void *buf);
int dev_zero(struct device *dev, uint64_t offset, size_t len);
/* Makes earlier writes durable (fdatasync).  0 or -1. */
int dev_flush(struct device *dev);
/* dev_flush of each device, concurrently; -1 if any failed (each logged). */
int dev_flush_all(struct device **devs, unsigned n);
int dev_get_size(struct device *dev, uint64_t *bytes);

/* Fault injection for tests (OPENLVM_FAULT, described in dev_io.c). */
enum dev_fault_mode { DEV_FAULT_NONE, DEV_FAULT_FAIL, DEV_FAULT_EXIT, DEV_FAULT_TORN };
/* Parses "write:N:fail|exit|torn".  0, or -1 when malformed. */
int dev_fault_parse(const char *spec, unsigned long *at, enum dev_fault_mode *mode);
/* Re-reads OPENLVM_FAULT* and restarts the write count (tests, after fork). */
void dev_fault_reload(void);

/* ---- Signatures (libblkid) ---- */
struct dev_signature {
	const char *type;	/* "ext4", "dos", "LVM2_member", ... */
	const char *usage;	/* "filesystem", "partition table", ... */
	uint64_t offset;	/* byte offset of the magic */
	struct dev_signature *next;
};

/* Lists signatures found on dev.  0 or -1 (probe failed). */
int dev_find_signatures(struct device *dev, struct pool *mem, struct dev_signature **out);
/* Erases every signature's magic bytes.  0 or -1. */
int dev_wipe_signatures(struct device *dev);

#endif
