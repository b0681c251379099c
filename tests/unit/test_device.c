/*
 * lib/device: filters, natural order, the device cache on image files and
 * on a fake sysfs tree, and libblkid signatures.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/unit/testutil.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "device/device.h"
#include "format/mda.h"
#include "metadata/scan.h"
#include "misc/strbuf.h"
#include "misc/pool.h"

struct fixture {
	struct pool *mem;
	char dir[64];		/* scratch directory, removed afterwards */
	char cwd[PATH_MAX];
	struct dev_scan_config cfg;
	const char *sysfs;	/* empty fake sysfs, so scans see no host disks */
	struct dev_cache *dc;	/* image_device()'s cache, destroyed in teardown */
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	fx->mem = pool_create("test_device");
	strcpy(fx->dir, "/tmp/test_device.XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	assert_non_null(getcwd(fx->cwd, sizeof(fx->cwd)));
	fx->sysfs = pool_printf(fx->mem, "%s/sys", fx->dir);
	assert_int_equal(mkdir(fx->sysfs, 0755), 0);
	fx->cfg.sysfs_dir = fx->sysfs;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[128];

	dev_cache_destroy(fx->dc);
	assert_int_equal(chdir(fx->cwd), 0);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->dir);
	assert_int_equal(system(cmd), 0);
	pool_destroy(fx->mem);
	free(fx);
	return 0;
}

static const char *in_dir(struct fixture *fx, const char *name)
{
	return pool_printf(fx->mem, "%s/%s", fx->dir, name);
}

static const char *make_image(struct fixture *fx, const char *name, off_t size)
{
	const char *path = in_dir(fx, name);
	int fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0644);

	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, size), 0);
	close(fd);
	return path;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static struct dev_filter *filter_of(struct pool *mem, const char *const *patterns)
{
	struct dev_filter *f = dev_filter_create(mem, patterns, "devices/filter");

	assert_non_null(f);
	return f;
}

/* ---- filters ---- */

static void test_filter_first_match(void **state)
{
	struct fixture *fx = *state;
	const char *const pats[] = { "a|loop|", "r|/dev/hdc|", "a|/dev/ide|", "r|.*|", NULL };
	struct dev_filter *f = filter_of(fx->mem, pats);

	assert_int_equal(dev_filter_match(f, "/dev/loop3"), DEV_FILTER_ACCEPT);
	assert_int_equal(dev_filter_match(f, "/dev/hdc"), DEV_FILTER_REJECT);
	assert_int_equal(dev_filter_match(f, "/dev/ide/x"), DEV_FILTER_ACCEPT);
	assert_int_equal(dev_filter_match(f, "/dev/sda"), DEV_FILTER_REJECT);
	dev_filter_free(f);
}

static void test_filter_no_match_and_empty(void **state)
{
	struct fixture *fx = *state;
	const char *const pats[] = { "r|^/dev/sda$|", NULL };
	const char *const none[] = { NULL };
	struct dev_filter *f = filter_of(fx->mem, pats);
	struct dev_filter *e = filter_of(fx->mem, none);
	struct dev_filter *n = filter_of(fx->mem, NULL);

	assert_int_equal(dev_filter_match(f, "/dev/sda1"), DEV_FILTER_NO_MATCH);
	assert_int_equal(dev_filter_match(f, "/dev/sda"), DEV_FILTER_REJECT);
	assert_int_equal(dev_filter_match(e, "/dev/sda"), DEV_FILTER_NO_MATCH);
	assert_int_equal(dev_filter_match(n, "/dev/sda"), DEV_FILTER_NO_MATCH);
	dev_filter_free(f);
	dev_filter_free(e);
	dev_filter_free(n);
}

static void test_filter_delimiters(void **state)
{
	struct fixture *fx = *state;
	/* '|' inside: LVM2 reads "a|x|y|" as the alternation x|y. */
	const char *const pats[] = { "a#^/dev/loop[0-9]+$#", "r,sd(a|b),", "a|xvda|xvdb|",
				     "r/.*/", NULL };
	struct dev_filter *f = filter_of(fx->mem, pats);

	assert_int_equal(dev_filter_match(f, "/dev/loop12"), DEV_FILTER_ACCEPT);
	assert_int_equal(dev_filter_match(f, "/dev/loop1p1"), DEV_FILTER_REJECT);
	assert_int_equal(dev_filter_match(f, "/dev/sdb"), DEV_FILTER_REJECT);
	assert_int_equal(dev_filter_match(f, "/dev/xvdb"), DEV_FILTER_ACCEPT);
	assert_int_equal(dev_filter_match(f, "/dev/xvda"), DEV_FILTER_ACCEPT);
	assert_int_equal(dev_filter_match(f, "/dev/xvdc"), DEV_FILTER_REJECT);
	dev_filter_free(f);
}

/* Literal patterns skip the regex engine and must match exactly as it would. */
static void test_filter_literals(void **state)
{
	struct fixture *fx = *state;
	const char *const pats[] = { "a|^/dev/loop7$|", "r|^/dev/loop|", "a|mapper|",
				     "a|sdb$|", "r|^/dev/x.y$|", "a|^|", NULL };
	struct dev_filter *f = filter_of(fx->mem, pats);

	assert_int_equal(dev_filter_match(f, "/dev/loop7"), DEV_FILTER_ACCEPT);
	assert_int_equal(dev_filter_match(f, "/dev/loop70"), DEV_FILTER_REJECT);
	assert_int_equal(dev_filter_match(f, "/dev/loop"), DEV_FILTER_REJECT);
	assert_int_equal(dev_filter_match(f, "/dev/mapper/vg-lv"), DEV_FILTER_ACCEPT);
	assert_int_equal(dev_filter_match(f, "/dev/sdb"), DEV_FILTER_ACCEPT);
	assert_int_equal(dev_filter_match(f, "/dev/sdb1"), DEV_FILTER_ACCEPT);	/* "^" */
	assert_int_equal(dev_filter_match(f, "/dev/xzy"), DEV_FILTER_REJECT);	/* a regex '.' */
	assert_int_equal(dev_filter_match(f, "b"), DEV_FILTER_ACCEPT);
	dev_filter_free(f);
}

static void test_filter_invalid(void **state)
{
	struct fixture *fx = *state;
	const char *const bad_regex[] = { "a|.*|", "a|loop[0|", NULL };
	const char *const no_close[] = { "a|xx|loop0", NULL };
	const char *const bad_kind[] = { "x|loop|", NULL };
	const char *const too_short[] = { "a|", NULL };
	const char *const mismatched[] = { "a|loop#", NULL };

	assert_null(dev_filter_create(fx->mem, bad_regex, "devices/filter"));
	assert_null(dev_filter_create(fx->mem, no_close, "devices/filter"));
	assert_null(dev_filter_create(fx->mem, bad_kind, "devices/filter"));
	assert_null(dev_filter_create(fx->mem, too_short, "devices/filter"));
	assert_null(dev_filter_create(fx->mem, mismatched, "devices/filter"));
}

static void test_cache_create_invalid_filter(void **state)
{
	struct fixture *fx = *state;
	const char *const bad[] = { "a|(|", NULL };

	fx->cfg.global_filter = bad;
	assert_null(dev_cache_create(fx->mem, &fx->cfg));
	fx->cfg.global_filter = NULL;
	fx->cfg.filter = bad;
	assert_null(dev_cache_create(fx->mem, &fx->cfg));
}

/* ---- natural order ---- */

static int qsort_names(const void *a, const void *b)
{
	return dev_name_cmp(*(const char *const *)a, *(const char *const *)b);
}

static void test_name_cmp(void **state)
{
	const char *names[] = { "loop10", "sdb", "loop2", "sda10", "loop1", "sda2", "sda",
				"nvme0n1p10", "nvme0n1p9", "nvme0n10p1" };
	const char *sorted[] = { "loop1", "loop2", "loop10", "nvme0n1p9", "nvme0n1p10",
				 "nvme0n10p1", "sda", "sda2", "sda10", "sdb" };

	(void)state;
	assert_true(dev_name_cmp("loop2", "loop10") < 0);
	assert_true(dev_name_cmp("loop10", "loop2") > 0);
	assert_int_equal(dev_name_cmp("loop7", "loop7"), 0);
	assert_true(dev_name_cmp("sda", "sda1") < 0);
	assert_true(dev_name_cmp("a99999999999999999999999", "a100000000000000000000000") < 0);
	/* Equal values with different spellings still order, and consistently. */
	assert_true(dev_name_cmp("loop01", "loop1") != 0);
	assert_true((dev_name_cmp("loop01", "loop1") < 0) == (dev_name_cmp("loop1", "loop01") > 0));
	qsort(names, 10, sizeof(names[0]), qsort_names);
	for (int i = 0; i < 10; i++)
		assert_string_equal(names[i], sorted[i]);
}

/* ---- the cache on image files ---- */

static void test_get_file_canonical(void **state)
{
	struct fixture *fx = *state;
	const char *img = make_image(fx, "disk.img", 1 << 20);
	const char *link = in_dir(fx, "link.img");
	struct dev_cache *dc;
	struct device *a, *b, *c;
	const char *why = NULL;
	char real[PATH_MAX];

	assert_int_equal(symlink("disk.img", link), 0);
	assert_non_null(realpath(img, real));
	dc = dev_cache_create(fx->mem, &fx->cfg);
	assert_non_null(dc);

	a = dev_cache_get(dc, link, &why);
	assert_non_null(a);
	assert_string_equal(a->path, real);
	assert_true(a->is_file);
	assert_int_equal(a->devno, 0);
	assert_int_equal(a->fd, -1);

	assert_int_equal(chdir(fx->dir), 0);
	b = dev_cache_get(dc, "disk.img", &why);
	c = dev_cache_get(dc, "./link.img", &why);
	assert_ptr_equal(a, b);
	assert_ptr_equal(a, c);
	assert_ptr_equal(TAILQ_FIRST(&dc->devices), a);
	assert_null(TAILQ_NEXT(a, list));
	assert_null(dev_cache_find_devno(dc, 0));
	dev_cache_destroy(dc);
}

/* Scripts match LVM2's words after "Cannot use PATH: ". */
static void test_reason_wording(void **state)
{
	const char *bad_type = dev_reason_bad_type, *not_found = dev_reason_not_found;

	(void)state;
	assert_string_equal(not_found, "device not found");
	assert_string_equal(bad_type, "device not found");
	assert_ptr_not_equal(bad_type, not_found);	/* callers tell them apart */
	assert_string_equal(dev_reason_filtered, "device is rejected by filter config");
	assert_string_equal(dev_reason_not_listed, "device is not in devices list");
}

static void test_get_missing_and_directory(void **state)
{
	struct fixture *fx = *state;
	struct dev_cache *dc = dev_cache_create(fx->mem, &fx->cfg);
	const char *why = NULL;

	assert_null(dev_cache_get(dc, in_dir(fx, "nope.img"), &why));
	assert_ptr_equal(why, dev_reason_not_found);
	why = NULL;
	assert_null(dev_cache_get(dc, in_dir(fx, "nodir/x.img"), &why));
	assert_ptr_equal(why, dev_reason_not_found);
	why = NULL;
	assert_null(dev_cache_get(dc, fx->dir, &why));
	assert_ptr_equal(why, dev_reason_bad_type);
	assert_int_equal(mkfifo(in_dir(fx, "fifo"), 0600), 0);
	why = NULL;
	assert_null(dev_cache_get(dc, in_dir(fx, "fifo"), &why));
	assert_ptr_equal(why, dev_reason_bad_type);
	assert_null(dev_cache_get(dc, fx->dir, NULL));
	assert_null(TAILQ_FIRST(&dc->devices));
	dev_cache_destroy(dc);
}

static void test_get_filtered_files(void **state)
{
	struct fixture *fx = *state;
	const char *const global[] = { "r|bad|", NULL };
	const char *const filter[] = { "r|/two\\.img$|", "r|alias|", NULL };
	struct dev_cache *dc;
	const char *why = NULL;
	struct device *one;

	make_image(fx, "one.img", 4096);
	make_image(fx, "two.img", 4096);
	make_image(fx, "bad.img", 4096);
	assert_int_equal(symlink("one.img", in_dir(fx, "alias")), 0);
	fx->cfg.global_filter = global;
	fx->cfg.filter = filter;
	dc = dev_cache_create(fx->mem, &fx->cfg);
	assert_non_null(dc);

	assert_null(dev_cache_get(dc, in_dir(fx, "two.img"), &why));
	assert_ptr_equal(why, dev_reason_filtered);
	why = NULL;
	assert_null(dev_cache_get(dc, in_dir(fx, "two.img"), &why));
	assert_ptr_equal(why, dev_reason_filtered);
	why = NULL;
	assert_null(dev_cache_get(dc, in_dir(fx, "bad.img"), &why));
	assert_ptr_equal(why, dev_reason_filtered);

	/* The canonical name is unmatched, so the user's "r" name decides. */
	why = NULL;
	assert_null(dev_cache_get(dc, in_dir(fx, "alias"), &why));
	assert_ptr_equal(why, dev_reason_filtered);
	one = dev_cache_get(dc, in_dir(fx, "one.img"), &why);
	assert_non_null(one);
	assert_ptr_equal(TAILQ_FIRST(&dc->devices), one);
	assert_null(TAILQ_NEXT(one, list));
	dev_cache_destroy(dc);
}

static void test_get_canonical_rejection_wins(void **state)
{
	struct fixture *fx = *state;
	const char *const filter[] = { "a|accepted|", "r|.*|", NULL };
	struct dev_cache *dc;
	const char *why = NULL;

	make_image(fx, "disk.img", 4096);
	assert_int_equal(symlink("disk.img", in_dir(fx, "accepted")), 0);
	fx->cfg.filter = filter;
	dc = dev_cache_create(fx->mem, &fx->cfg);
	assert_null(dev_cache_get(dc, in_dir(fx, "accepted"), &why));
	assert_ptr_equal(why, dev_reason_filtered);
	dev_cache_destroy(dc);
}

static void test_devices_restriction(void **state)
{
	struct fixture *fx = *state;
	const char *a = make_image(fx, "a.img", 4096);
	const char *b = make_image(fx, "b.img", 4096);
	const char *c = make_image(fx, "c.img", 4096);
	const char *link = in_dir(fx, "link");
	const char *devices[] = { c, link, in_dir(fx, "missing.img"), NULL };
	const char *files[] = { a, b, NULL };
	const char *const filter[] = { "r|/c\\.img$|", NULL };
	struct dev_cache *dc;
	struct device *dev;
	const char *why = NULL;
	char real[PATH_MAX];

	assert_int_equal(symlink("a.img", link), 0);
	fx->cfg.devices = devices;
	fx->cfg.files = files;
	fx->cfg.filter = filter;
	dc = dev_cache_create(fx->mem, &fx->cfg);
	assert_non_null(dc);

	assert_null(dev_cache_get(dc, b, &why));
	assert_ptr_equal(why, dev_reason_not_listed);
	assert_int_equal(dev_cache_scan(dc), 0);
	/* a.img via its link; c.img is listed but filtered; b.img not listed. */
	dev = TAILQ_FIRST(&dc->devices);
	assert_non_null(dev);
	assert_non_null(realpath(a, real));
	assert_string_equal(dev->path, real);
	assert_null(TAILQ_NEXT(dev, list));
	assert_ptr_equal(dev_cache_get(dc, a, &why), dev);
	why = NULL;
	assert_null(dev_cache_get(dc, c, &why));
	assert_ptr_equal(why, dev_reason_filtered);
	dev_cache_destroy(dc);
}

static void test_scan_files_order(void **state)
{
	struct fixture *fx = *state;
	const char *files[] = { make_image(fx, "z.img", 4096), in_dir(fx, "gone.img"),
				make_image(fx, "a.img", 4096), fx->dir, NULL };
	struct dev_cache *dc;
	struct device *first, *second;

	fx->cfg.files = files;
	dc = dev_cache_create(fx->mem, &fx->cfg);
	assert_int_equal(dev_cache_scan(dc), 0);
	assert_int_equal(dev_cache_scan(dc), 0);	/* rescans add nothing twice */
	first = TAILQ_FIRST(&dc->devices);
	assert_non_null(first);
	second = TAILQ_NEXT(first, list);
	assert_non_null(second);
	assert_null(TAILQ_NEXT(second, list));
	assert_non_null(strstr(first->path, "/z.img"));
	assert_non_null(strstr(second->path, "/a.img"));
	dev_cache_destroy(dc);
}

/* ---- the cache on a fake sysfs with real device nodes ---- */

struct fake_block {
	const char *name;
	unsigned minor;
	const char *size;	/* NULL: no size file */
	int node;		/* create /dev node */
};

/* Major 7 (loop) with minors far above any real loop device. */
static const struct fake_block fake_blocks[] = {
	{ "loop10", 210, "2048", 1 }, { "loop2", 202, "2048", 1 },
	{ "loop1", 201, "0", 1 }, { "ram0", 200, "2048", 1 },
	{ "sdz", 220, "2048", 0 }, { "xvda", 230, NULL, 1 },
};

static int make_fake_sysfs(struct fixture *fx, const char *devdir)
{
	assert_int_equal(mkdir(in_dir(fx, "sys/class"), 0755), 0);
	assert_int_equal(mkdir(in_dir(fx, "sys/class/block"), 0755), 0);
	assert_int_equal(mkdir(in_dir(fx, "sys/dev"), 0755), 0);
	assert_int_equal(mkdir(in_dir(fx, "sys/dev/block"), 0755), 0);
	assert_int_equal(mkdir(devdir, 0755), 0);
	for (size_t i = 0; i < sizeof(fake_blocks) / sizeof(fake_blocks[0]); i++) {
		const struct fake_block *b = &fake_blocks[i];
		const char *base = pool_printf(fx->mem, "%s/class/block/%s", fx->sysfs, b->name);
		const char *devlink = pool_printf(fx->mem, "%s/dev/block/7:%u", fx->sysfs,
						  b->minor);

		assert_int_equal(mkdir(base, 0755), 0);
		write_file(pool_printf(fx->mem, "%s/dev", base),
			   pool_printf(fx->mem, "7:%u\n", b->minor));
		if (b->size)
			write_file(pool_printf(fx->mem, "%s/size", base), b->size);
		assert_int_equal(symlink(pool_printf(fx->mem, "../../class/block/%s", b->name),
					 devlink), 0);
		if (b->node && mknod(pool_printf(fx->mem, "%s/%s", devdir, b->name),
				     S_IFBLK | 0600, makedev(7, b->minor)))
			return -1;
	}
	return 0;
}

static void test_scan_fake_sysfs(void **state)
{
	struct fixture *fx = *state;
	const char *devdir = in_dir(fx, "dev");
	const char *scan[] = { in_dir(fx, "nodir"), devdir, NULL };
	const char *files[] = { make_image(fx, "disk.img", 4096), NULL };
	const char *expect[] = { "loop2", "loop10", "xvda" };
	struct dev_cache *dc;
	struct device *dev, *got;
	const char *why = NULL;
	int i = 0;

	if (make_fake_sysfs(fx, devdir)) {
		skip();	/* mknod refused: not root, or a restricted container */
		return;
	}
	fx->cfg.scan_dirs = scan;
	fx->cfg.files = files;
	dc = dev_cache_create(fx->mem, &fx->cfg);
	assert_int_equal(dev_cache_scan(dc), 0);
	TAILQ_FOREACH(dev, &dc->devices, list) {
		if (i < 3) {
			assert_string_equal(dev->path,
					    pool_printf(fx->mem, "%s/%s", devdir, expect[i]));
			assert_false(dev->is_file);
		} else {
			assert_true(dev->is_file);
		}
		i++;
	}
	assert_int_equal(i, 4);

	dev = dev_cache_find_devno(dc, makedev(7, 210));
	assert_non_null(dev);
	assert_string_equal(dev->path, pool_printf(fx->mem, "%s/loop10", devdir));
	assert_null(dev_cache_find_devno(dc, makedev(7, 201)));	/* size 0 */
	assert_null(dev_cache_find_devno(dc, makedev(7, 200)));	/* ram */

	/* Any name of a node resolves to the kernel name in the scan dirs. */
	assert_int_equal(symlink(pool_printf(fx->mem, "%s/loop2", devdir),
				 in_dir(fx, "by-id")), 0);
	assert_int_equal(mknod(in_dir(fx, "other-node"), S_IFBLK | 0600, makedev(7, 202)), 0);
	got = dev_cache_get(dc, in_dir(fx, "by-id"), &why);
	assert_non_null(got);
	assert_string_equal(got->path, pool_printf(fx->mem, "%s/loop2", devdir));
	assert_ptr_equal(dev_cache_get(dc, in_dir(fx, "other-node"), &why), got);
	assert_ptr_equal(dev_cache_find_devno(dc, makedev(7, 202)), got);
	dev_cache_destroy(dc);
}

static void test_scan_fake_sysfs_filtered(void **state)
{
	struct fixture *fx = *state;
	const char *devdir = in_dir(fx, "dev");
	const char *scan[] = { devdir, NULL };
	const char *const filter[] = { "r|loop10|", NULL };
	const char *const global[] = { "a|loop|", "r|.*|", NULL };
	struct dev_cache *dc;
	struct device *dev;
	const char *why = NULL;

	if (make_fake_sysfs(fx, devdir)) {
		skip();
		return;
	}
	fx->cfg.scan_dirs = scan;
	fx->cfg.filter = filter;
	fx->cfg.global_filter = global;
	dc = dev_cache_create(fx->mem, &fx->cfg);
	assert_int_equal(dev_cache_scan(dc), 0);
	dev = TAILQ_FIRST(&dc->devices);
	assert_non_null(dev);
	assert_string_equal(dev->path, pool_printf(fx->mem, "%s/loop2", devdir));
	assert_null(TAILQ_NEXT(dev, list));
	assert_null(dev_cache_get(dc, pool_printf(fx->mem, "%s/loop10", devdir), &why));
	assert_ptr_equal(why, dev_reason_filtered);
	why = NULL;
	assert_null(dev_cache_get(dc, pool_printf(fx->mem, "%s/xvda", devdir), &why));
	assert_ptr_equal(why, dev_reason_filtered);
	dev_cache_destroy(dc);
}

/* The paths the scan accepted, in order, relative to dir. */
static const char *scanned_paths(struct fixture *fx, struct dev_cache *dc, const char *dir)
{
	const char *out = "";
	struct device *dev;
	size_t len = strlen(dir);

	TAILQ_FOREACH(dev, &dc->devices, list)
		out = pool_printf(fx->mem, "%s%s ", out,
				  strncmp(dev->path, dir, len) ? dev->path : dev->path + len + 1);
	return out;
}

/*
 * A name rejected in one scan dir but accepted in another is still read,
 * and a node whose devno belongs to another kernel name is not taken.
 */
static void test_scan_filter_per_dir(void **state)
{
	struct fixture *fx = *state;
	const char *devdir = in_dir(fx, "dev");
	const char *other = in_dir(fx, "other");
	const char *scan[] = { other, devdir, NULL };
	const char *const filter[] = { pool_printf(fx->mem, "r|^%s/|", other), "a|.*|", NULL };
	struct dev_cache *dc;

	if (make_fake_sysfs(fx, devdir)) {
		skip();
		return;
	}
	assert_int_equal(mkdir(other, 0755), 0);
	/* loop10's devno under loop2's name. */
	assert_int_equal(mknod(pool_printf(fx->mem, "%s/loop2", other), S_IFBLK | 0600,
			       makedev(7, 210)), 0);
	fx->cfg.scan_dirs = scan;
	fx->cfg.filter = filter;
	dc = dev_cache_create(fx->mem, &fx->cfg);
	assert_int_equal(dev_cache_scan(dc), 0);
	assert_string_equal(scanned_paths(fx, dc, devdir), "loop2 loop10 xvda ");
	dev_cache_destroy(dc);

	/* Rejected in the only dir holding its node: excluded. */
	fx->cfg.scan_dirs = (const char *[]){ devdir, other, NULL };
	fx->cfg.filter = (const char *const[]){ pool_printf(fx->mem, "r|^%s/loop10$|", devdir),
						NULL };
	dc = dev_cache_create(fx->mem, &fx->cfg);
	assert_int_equal(dev_cache_scan(dc), 0);
	assert_string_equal(scanned_paths(fx, dc, devdir), "loop2 xvda ");
	dev_cache_destroy(dc);
}

/* A kernel name with '!' is filtered under its node path with '/'. */
static void test_scan_bang_name(void **state)
{
	struct fixture *fx = *state;
	const char *devdir = in_dir(fx, "dev");
	const char *scan[] = { devdir, NULL };
	const char *base;
	struct dev_cache *dc;

	if (make_fake_sysfs(fx, devdir)) {
		skip();
		return;
	}
	base = pool_printf(fx->mem, "%s/class/block/cc!d0", fx->sysfs);
	assert_int_equal(mkdir(base, 0755), 0);
	write_file(pool_printf(fx->mem, "%s/dev", base), "7:240\n");
	write_file(pool_printf(fx->mem, "%s/size", base), "4096\n");
	assert_int_equal(symlink("../../class/block/cc!d0",
				 pool_printf(fx->mem, "%s/dev/block/7:240", fx->sysfs)), 0);
	assert_int_equal(mkdir(pool_printf(fx->mem, "%s/cc", devdir), 0755), 0);
	assert_int_equal(mknod(pool_printf(fx->mem, "%s/cc/d0", devdir), S_IFBLK | 0600,
			       makedev(7, 240)), 0);
	fx->cfg.scan_dirs = scan;
	fx->cfg.filter = (const char *const[]){ "r|cc!d0|", NULL };
	dc = dev_cache_create(fx->mem, &fx->cfg);
	assert_int_equal(dev_cache_scan(dc), 0);
	assert_string_equal(scanned_paths(fx, dc, devdir), "cc/d0 loop2 loop10 xvda ");
	dev_cache_destroy(dc);

	fx->cfg.filter = (const char *const[]){ "r|/cc/d0$|", NULL };
	dc = dev_cache_create(fx->mem, &fx->cfg);
	assert_int_equal(dev_cache_scan(dc), 0);
	assert_string_equal(scanned_paths(fx, dc, devdir), "loop2 loop10 xvda ");
	dev_cache_destroy(dc);
}

static void test_devices_block_and_file(void **state)
{
	struct fixture *fx = *state;
	const char *devdir = in_dir(fx, "dev");
	const char *scan[] = { devdir, NULL };
	const char *img = make_image(fx, "disk.img", 4096);
	const char *devices[] = { img, NULL, NULL, NULL };
	const char *expect[] = { "loop2", "loop10" };
	struct dev_cache *dc;
	struct device *dev;
	int i = 0;

	if (make_fake_sysfs(fx, devdir)) {
		skip();
		return;
	}
	devices[1] = pool_printf(fx->mem, "%s/loop10", devdir);
	devices[2] = pool_printf(fx->mem, "%s/loop2", devdir);
	fx->cfg.scan_dirs = scan;
	fx->cfg.devices = devices;
	dc = dev_cache_create(fx->mem, &fx->cfg);
	assert_int_equal(dev_cache_scan(dc), 0);
	TAILQ_FOREACH(dev, &dc->devices, list) {
		if (i < 2)
			assert_string_equal(dev->path,
					    pool_printf(fx->mem, "%s/%s", devdir, expect[i]));
		else
			assert_true(dev->is_file);
		i++;
	}
	assert_int_equal(i, 3);
	assert_null(dev_cache_find_devno(dc, makedev(7, 230)));	/* xvda: not listed */
	dev_cache_destroy(dc);
}

/* ---- signatures ---- */

static struct device *image_device(struct fixture *fx, const char *path)
{
	struct device *dev;

	fx->dc = dev_cache_create(fx->mem, &fx->cfg);
	dev = dev_cache_get(fx->dc, path, NULL);
	assert_non_null(dev);
	return dev;
}

static int count_signatures(struct dev_signature *s)
{
	int n = 0;

	for (; s; s = s->next)
		n++;
	return n;
}

static void test_signatures_zero_image(void **state)
{
	struct fixture *fx = *state;
	struct device *dev = image_device(fx, make_image(fx, "zero.img", 4 << 20));
	struct dev_signature *sigs = (void *)1;

	assert_int_equal(dev_find_signatures(dev, fx->mem, &sigs), 0);
	assert_null(sigs);
	assert_int_equal(dev_wipe_signatures(dev), 0);
	dev_close(dev);
}

static void test_signatures_missing_device(void **state)
{
	struct fixture *fx = *state;
	const char *path = make_image(fx, "gone.img", 4096);
	struct device *dev = image_device(fx, path);
	struct dev_signature *sigs;

	assert_int_equal(unlink(path), 0);
	assert_int_equal(dev_find_signatures(dev, fx->mem, &sigs), -1);
	assert_int_equal(dev_wipe_signatures(dev), -1);
}

/* Runs open_fn on dev with stderr sent to a file; returns what it printed. */
static const char *stderr_of_open(struct fixture *fx, struct device *dev,
				  int (*open_fn)(struct device *), int *rc)
{
	struct stderr_capture c;
	char *text;
	const char *copy;

	capture_begin(&c);
	*rc = open_fn(dev);
	text = capture_end(&c);
	copy = pool_strdup(fx->mem, text);
	free(text);
	return copy;
}

static int open_ro(struct device *dev)
{
	return dev_open(dev, 0);
}

/* A bulk scan skips what it cannot open without a word; a named open says why. */
static void test_open_for_scan_is_quiet(void **state)
{
	struct fixture *fx = *state;
	const char *path = make_image(fx, "vanished.img", 4096);
	struct device *dev = image_device(fx, path);
	int rc;

	assert_int_equal(unlink(path), 0);
	assert_string_equal(stderr_of_open(fx, dev, dev_open_for_scan, &rc), "");
	assert_int_equal(rc, -1);
	assert_non_null(strstr(stderr_of_open(fx, dev, open_ro, &rc), "Cannot open"));
	assert_int_equal(rc, -1);
}

/* dev_flush_all: every device flushed, one failure (a pipe) fails the lot. */
static void test_flush_all(void **state)
{
	struct fixture *fx = *state;
	struct device *devs[20];
	int pipefd[2];
	unsigned i;

	devs[0] = image_device(fx, make_image(fx, "f0.img", 4096));
	for (i = 1; i < 20; i++) {
		devs[i] = dev_cache_get(fx->dc, make_image(fx, pool_printf(fx->mem, "f%u.img", i),
							   4096), NULL);
		assert_non_null(devs[i]);
	}
	for (i = 0; i < 20; i++)
		assert_int_equal(dev_open(devs[i], 1), 0);
	assert_int_equal(dev_flush_all(devs, 20), 0);
	assert_int_equal(dev_flush_all(devs, 0), 0);
	assert_int_equal(pipe(pipefd), 0);
	close(devs[7]->fd);
	devs[7]->fd = pipefd[0];		/* fdatasync: EINVAL */
	assert_int_equal(dev_flush_all(devs, 20), -1);
	close(pipefd[1]);
	for (i = 0; i < 20; i++)
		dev_close(devs[i]);
}

/*
 * Reads in the first 8 KiB come from one read of them; writes there (and
 * on a device smaller than that) are seen by the next read.
 */
static void test_head_reads(void **state)
{
	struct fixture *fx = *state;
	struct device *big = image_device(fx, make_image(fx, "head.img", 64 << 10));
	struct device *tiny = dev_cache_get(fx->dc, make_image(fx, "tiny.img", 3000), NULL);
	unsigned char buf[600], pat[600];
	struct stderr_capture c;
	char *err;
	size_t i;

	for (i = 0; i < sizeof(pat); i++)
		pat[i] = (unsigned char)(i * 7 + 1);
	assert_int_equal(dev_read(big, 4096, 512, buf), 0);
	assert_int_equal(buf[0], 0);
	assert_int_equal(dev_write(big, 4000, sizeof(pat), pat), 0);
	assert_int_equal(dev_read(big, 4000, sizeof(pat), buf), 0);
	assert_memory_equal(buf, pat, sizeof(pat));
	/* across the end of the head, and past it */
	assert_int_equal(dev_write(big, 8000, sizeof(pat), pat), 0);
	assert_int_equal(dev_read(big, 8000, sizeof(pat), buf), 0);
	assert_memory_equal(buf, pat, sizeof(pat));
	assert_int_equal(dev_read(big, 7900, 200, buf), 0);
	assert_memory_equal(buf + 100, pat, 100);
	dev_close(big);
	assert_int_equal(dev_read(big, 4000, sizeof(pat), buf), 0);
	assert_memory_equal(buf, pat, sizeof(pat));
	dev_close(big);

	assert_non_null(tiny);
	assert_int_equal(dev_read(tiny, 2400, 600, buf), 0);
	capture_begin(&c);
	assert_int_equal(dev_read(tiny, 2600, 600, buf), -1);
	err = capture_end(&c);
	assert_non_null(strstr(err, "end of device"));
	free(err);
	assert_int_equal(dev_write(tiny, 0, 512, pat), 0);
	assert_int_equal(dev_read(tiny, 0, 512, buf), 0);
	assert_memory_equal(buf, pat, 512);
	dev_close(tiny);
}

static void test_signatures_ext4(void **state)
{
	struct fixture *fx = *state;
	const char *path = make_image(fx, "ext4.img", 8 << 20);
	char *cmd = pool_printf(fx->mem, "mkfs.ext4 -q -F '%s' >/dev/null 2>&1", path);
	struct device *dev;
	struct dev_signature *sigs;

	if (system("command -v mkfs.ext4 >/dev/null 2>&1")) {
		skip();
		return;
	}
	assert_int_equal(system(cmd), 0);
	dev = image_device(fx, path);
	assert_int_equal(dev_find_signatures(dev, fx->mem, &sigs), 0);
	assert_int_equal(count_signatures(sigs), 1);
	assert_string_equal(sigs->type, "ext4");
	assert_string_equal(sigs->usage, "filesystem");
	assert_int_equal(sigs->offset, 0x438);
	assert_int_equal(dev_wipe_signatures(dev), 0);
	assert_int_equal(dev_find_signatures(dev, fx->mem, &sigs), 0);
	assert_null(sigs);
	dev_close(dev);
}

/* A one-partition MBR: boot flag 0, type 0x83, LBA 2048, 4096 sectors. */
static void write_dos_table(const char *path)
{
	unsigned char mbr[512] = { 0 };
	unsigned char *e = mbr + 446;
	int fd = open(path, O_WRONLY);

	e[4] = 0x83;
	e[8] = 0x00; e[9] = 0x08;		/* start LBA 2048, little-endian */
	e[12] = 0x00; e[13] = 0x10;		/* 4096 sectors */
	e[1] = 0xfe; e[2] = 0xff; e[3] = 0xff;	/* CHS: use LBA */
	e[5] = 0xfe; e[6] = 0xff; e[7] = 0xff;
	mbr[510] = 0x55;
	mbr[511] = 0xaa;
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, mbr, sizeof(mbr), 0), sizeof(mbr));
	close(fd);
}

static void test_signatures_dos(void **state)
{
	struct fixture *fx = *state;
	const char *path = make_image(fx, "dos.img", 8 << 20);
	struct device *dev;
	struct dev_signature *sigs;
	unsigned char tail[2];

	write_dos_table(path);
	dev = image_device(fx, path);
	assert_int_equal(dev_find_signatures(dev, fx->mem, &sigs), 0);
	assert_int_equal(count_signatures(sigs), 1);
	assert_string_equal(sigs->type, "dos");
	assert_string_equal(sigs->usage, "partition table");
	assert_int_equal(sigs->offset, 510);
	/* read first (open for writing, as the wipe will), so a stale copy would show */
	assert_int_equal(dev_open(dev, 1), 0);
	assert_int_equal(dev_read(dev, 510, 2, tail), 0);
	assert_int_equal(tail[0], 0x55);
	assert_int_equal(dev_wipe_signatures(dev), 0);
	assert_int_equal(dev_read(dev, 510, 2, tail), 0);
	assert_int_equal(tail[0], 0);
	assert_int_equal(tail[1], 0);
	assert_int_equal(dev_find_signatures(dev, fx->mem, &sigs), 0);
	assert_null(sigs);
	dev_close(dev);
}

/* A PV made by LVM2 (fixture g) is reported as LVM2_member. */
static void test_signatures_lvm2_pv(void **state)
{
	struct fixture *fx = *state;
	const char *path = in_dir(fx, "g.img");
	char *cmd = pool_printf(fx->mem, "xz -dc '%s/g-plain-pv/g.img.xz' > '%s'",
				FIXTURES_DIR, path);
	struct device *dev;
	struct dev_signature *sigs;

	if (system("command -v xz >/dev/null 2>&1")) {
		skip();
		return;
	}
	assert_int_equal(system(cmd), 0);
	dev = image_device(fx, path);
	assert_int_equal(dev_find_signatures(dev, fx->mem, &sigs), 0);
	assert_int_equal(count_signatures(sigs), 1);
	assert_string_equal(sigs->type, "LVM2_member");
	assert_string_equal(sigs->usage, "raid");
	assert_int_equal(sigs->offset, 0x218);
	dev_close(dev);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)


/* ---- the scan's copies of metadata text ---- */

/*
 * A copy whose text the scan dropped after importing it reads as valid,
 * and scan_copy_text() reads it again from the area; a cleared copy
 * (text NULL) stays cleared when dropped.
 */
static void expect_dropped_text_reread(struct device *dev, const struct mda_header *h,
				       const struct strbuf *want)
{
	struct lvm_scan scan = { .mem = NULL };
	struct pv_info info = { .dev = dev, .mda_count = 1 };
	struct mda_copy *m = &info.mdas[0];
	char *direct;
	const char *text;
	size_t len = 0;

	assert_int_equal(mda_read_text_own(dev, h, &direct, &len, &m->text_cap), 1);
	assert_int_equal(len, want->len);
	assert_memory_equal(direct, want->buf, len);
	m->hdr = *h;
	m->text = m->text_buf = direct;
	m->len = len;
	scan_drop_text(m);
	assert_null(m->text_buf);
	assert_non_null(m->text);	/* still a valid copy for vgck, vgcfgrestore */
	assert_int_equal(m->len, 0);
	text = scan_copy_text(&scan, &info, m, &len);
	assert_non_null(text);
	assert_int_equal(len, want->len);
	assert_memory_equal(text, want->buf, len);
	assert_ptr_equal(text, m->text);
	m->text = NULL;
	scan_drop_text(m);
	assert_null(m->text);
	assert_null(m->text_buf);
}

static void test_scan_text_dropped_and_reread(void **state)
{
	struct fixture *fx = *state;
	struct device dev = { .path = make_image(fx, "mda.img", 1 << 20), .fd = -1 };
	struct mda_header h;
	struct raw_locn locn;

	mda_header_init(&h, 4096, 65536);
	for (int round = 0; round < 12; round++) {	/* wraps round the area */
		struct strbuf t = STRBUF_INIT;

		for (int k = 0; k < 9000 + round * 97; k++)
			strbuf_addch(&t, 'a' + (k + round) % 26);
		assert_int_equal(mda_write_text(&dev, &h, t.buf, t.len, &locn), 0);
		h.slot[0] = locn;
		expect_dropped_text_reread(&dev, &h, &t);
		strbuf_release(&t);
	}
	dev_close(&dev);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_filter_first_match),
		T(test_filter_no_match_and_empty),
		T(test_filter_delimiters),
		T(test_filter_literals),
		T(test_filter_invalid),
		T(test_cache_create_invalid_filter),
		T(test_name_cmp),
		T(test_get_file_canonical),
		T(test_reason_wording),
		T(test_get_missing_and_directory),
		T(test_get_filtered_files),
		T(test_get_canonical_rejection_wins),
		T(test_devices_restriction),
		T(test_scan_files_order),
		T(test_scan_fake_sysfs),
		T(test_scan_fake_sysfs_filtered),
		T(test_scan_filter_per_dir),
		T(test_scan_bang_name),
		T(test_devices_block_and_file),
		T(test_signatures_zero_image),
		T(test_signatures_missing_device),
		T(test_open_for_scan_is_quiet),
		T(test_head_reads),
		T(test_flush_all),
		T(test_signatures_ext4),
		T(test_signatures_dos),
		T(test_signatures_lvm2_pv),
		T(test_scan_text_dropped_and_reread),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
