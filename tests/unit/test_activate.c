/*
 * Tests for lib/activate: dm names and UUIDs against LVM2's (the
 * lv_dm_path of every fixture's lvs.json), tables against the spec's
 * examples (ondisk-format.md §12.3, fixture b-striped-span), node upkeep
 * in a scratch directory, loop devices when the host has them, and the
 * dlopen of libdevmapper (loaded only once a command needs the kernel).
 * Loading tables into a kernel is tested in tests/kernel.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/unit/testutil.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "activate/activate.h"
#include "activate/dm_lib.h"
#include "activate/dm_raw.h"
#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/hash.h"
#include "misc/pool.h"

#include <linux/dm-ioctl.h>

static struct volume_group *load_vg(const char *rel)
{
	size_t len;
	char *text = fixture_slurp(rel, &len);
	struct volume_group *vg = vg_import_text(text, len, rel);

	free(text);
	assert_non_null(vg);
	return vg;
}

/* ---- names ---- */

static void test_names_basic(void **state)
{
	struct pool *mem = pool_create("t");

	(void)state;
	assert_string_equal(lvdm_name(mem, "vg", "lv", NULL), "vg-lv");
	assert_string_equal(lvdm_name(mem, "fsf-vg.+_x", "a-b--c", NULL),
			    "fsf--vg.+_x-a--b----c");
	assert_string_equal(lvdm_name(mem, "vg", "pool", "tpool"), "vg-pool-tpool");
	assert_string_equal(lvdm_name(mem, "v-g", "o", "re-al"), "v--g-o-re--al");
	assert_string_equal(lvdm_name(mem, "vg", "lv", "_tdata"), "vg-lv_tdata");
	assert_string_equal(lvdm_name(mem, "vg", "lv", ""), "vg-lv");
	pool_destroy(mem);
}

/* Every lv_dm_path LVM2 reported for the fixtures, rebuilt from the names. */
static void test_names_fixtures(void **state)
{
	static const char *const files[] = {
		"a-linear/lvs.json", "b-striped-span/lvs.json", "c-two-mdas/lvs.json",
		"d-no-mda-pv/lvs.json", "e-wrapped-mda/lvs.json", "f-tags-names/lvs.json",
		"h-snapshot/lvs.json", "i-other-segtypes/lvs.json",
	};
	struct pool *mem = pool_create("t");
	unsigned checked = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		size_t len;
		char *json = fixture_slurp(files[i], &len), *p = json;

		while ((p = strstr(p, "{\"lv_name\":\""))) {
			char lv[256], vg[256], dm[512];
			const char *d;

			assert_int_equal(sscanf(p, "{\"lv_name\":\"%255[^\"]\", \"vg_name\":\"%255[^\"]\"",
						lv, vg), 2);
			d = strstr(p, "\"lv_dm_path\":\"");
			assert_non_null(d);
			assert_int_equal(sscanf(d, "\"lv_dm_path\":\"/dev/mapper/%511[^\"]\"", dm), 1);
			/* lvs shows hidden LVs in brackets; the dm name has none. */
			if (lv[0] == '[') {
				memmove(lv, lv + 1, strlen(lv));
				lv[strlen(lv) - 1] = '\0';
			}
			assert_string_equal(lvdm_name(mem, vg, lv, NULL), dm);
			checked++;
			p++;
		}
		free(json);
	}
	assert_true(checked >= 30);
	pool_destroy(mem);
}

static void test_uuid(void **state)
{
	struct pool *mem = pool_create("t");
	struct lvm_id vg, lv;

	(void)state;
	assert_int_equal(id_parse(&vg, "694vcm-qOAQ-xoKb-C1ej-HwEB-6SAc-ZNAYN9"), 0);
	assert_int_equal(id_parse(&lv, "3356qv-odNs-aAg8-iI2h-fnHU-FLON-ftnazC"), 0);
	assert_string_equal(lvdm_uuid(mem, &vg, &lv, NULL),
			    "LVM-694vcmqOAQxoKbC1ejHwEB6SAcZNAYN93356qvodNsaAg8iI2hfnHUFLONftnazC");
	assert_string_equal(lvdm_uuid(mem, &vg, &lv, "real"),
			    "LVM-694vcmqOAQxoKbC1ejHwEB6SAcZNAYN93356qvodNsaAg8iI2hfnHUFLONftnazC-real");
	assert_int_equal(strlen(lvdm_uuid(mem, &vg, &lv, "")), 4 + 64);
	pool_destroy(mem);
}

/* ---- tables ---- */

/* pv0 = 7:3, pv1 = 7:4 as in the spec's example; fails on request. */
static const char *fake_devno(const struct physical_volume *pv, void *arg)
{
	static const char *const devs[] = { "7:3", "7:4", "7:5", "7:6" };
	int *fail = arg;

	if (fail && *fail)
		return NULL;
	return devs[pv->index];
}

static char *table_of(struct pool *mem, const struct volume_group *vg, const char *lv_name,
		      int use_linear)
{
	struct lvdm_table_opts o = { fake_devno, NULL, use_linear };
	struct logical_volume *lv = vg_find_lv(vg, lv_name);
	struct dm_table t;

	assert_non_null(lv);
	if (lvdm_table(mem, lv, &o, &t))
		return NULL;
	return lvdm_table_text(mem, &t);
}

static void test_table_striped_span(void **state)
{
	struct volume_group *vg = load_vg("b-striped-span/vgcfgbackup.txt");
	struct pool *mem = pool_create("t");

	(void)state;
	assert_string_equal(table_of(mem, vg, "stripe", 1), "0 16384 striped 2 128 7:3 2048 7:4 2048\n");
	assert_string_equal(table_of(mem, vg, "span", 1),
			    "0 49152 linear 7:3 10240\n49152 16384 linear 7:4 10240\n");
	/* activation/use_linear_target = 0 */
	assert_string_equal(table_of(mem, vg, "span", 0),
			    "0 49152 striped 1 8192 7:3 10240\n49152 16384 striped 1 8192 7:4 10240\n");
	pool_destroy(mem);
	vg_free(vg);
}

static void test_table_linear_fixture(void **state)
{
	struct volume_group *vg = load_vg("a-linear/vgcfgbackup.txt");
	struct pool *mem = pool_create("t");
	struct logical_volume *lv;

	(void)state;
	/* Each line: offsets pe_start + pe * extent_size, starts contiguous. */
	TAILQ_FOREACH(lv, &vg->lvs, list) {
		struct lvdm_table_opts o = { fake_devno, NULL, 1 };
		struct lv_segment *seg = TAILQ_FIRST(&lv->segments);
		struct dm_table t;
		uint64_t next = 0;

		assert_int_equal(lvdm_table(mem, lv, &o, &t), 0);
		assert_int_equal(t.count, lv->seg_count);
		for (unsigned i = 0; i < t.count; i++, seg = TAILQ_NEXT(seg, list)) {
			char want[64];

			assert_int_equal(t.lines[i].start, next);
			assert_int_equal(t.lines[i].len, (uint64_t)seg->len * vg->extent_size);
			assert_string_equal(t.lines[i].target, "linear");
			snprintf(want, sizeof(want), "7:%u %llu", 3 + seg->areas[0].u.pv.pv->index,
				 (unsigned long long)(seg->areas[0].u.pv.pv->pe_start +
						      (uint64_t)seg->areas[0].u.pv.pe * vg->extent_size));
			assert_string_equal(t.lines[i].params, want);
			next += t.lines[i].len;
		}
	}
	pool_destroy(mem);
	vg_free(vg);
}

static void test_table_zero_error_and_refusals(void **state)
{
	struct volume_group *vg = load_vg("i-other-segtypes/vgcfgbackup.txt");
	struct pool *mem = pool_create("t");
	struct logical_volume *lv;
	unsigned refused = 0, built = 0;
	int fail = 1;

	(void)state;
	TAILQ_FOREACH(lv, &vg->lvs, list) {
		struct lvdm_table_opts o = { fake_devno, NULL, 1 };
		struct lv_segment *seg = TAILQ_FIRST(&lv->segments);
		struct dm_table t;
		int simple = 1;

		TAILQ_FOREACH(seg, &lv->segments, list)
			if (!(seg_is_striped(seg) && seg->areas[0].type == AREA_PV) &&
			    strcmp(seg->type, "zero") && strcmp(seg->type, "error"))
				simple = 0;
		if (simple) {
			assert_int_equal(lvdm_table(mem, lv, &o, &t), 0);
			built++;
		} else {
			assert_int_equal(lvdm_table(mem, lv, &o, &t), -1);
			refused++;
		}
	}
	assert_true(refused > 0);
	/* A PV without a kernel device stops the table. */
	lv = vg_find_lv(load_vg("b-striped-span/vgcfgbackup.txt"), "span");
	{
		struct lvdm_table_opts o = { fake_devno, &fail, 1 };
		struct dm_table t;

		assert_int_equal(lvdm_table(mem, lv, &o, &t), -1);
		vg_free(lv->vg);
	}
	/* zero and error: no parameters. */
	{
		struct volume_group *v = vg_new("vz");
		struct logical_volume *z = vg_add_lv(v, "z");
		struct lvdm_table_opts o = { fake_devno, NULL, 1 };
		struct dm_table t;

		v->extent_size = 8192;
		lv_add_segment(z, "zero", 2, 0);
		lv_add_segment(z, "error", 1, 0);
		vg_recount(v);
		assert_int_equal(lvdm_table(mem, z, &o, &t), 0);
		assert_string_equal(lvdm_table_text(mem, &t), "0 16384 zero\n16384 8192 error\n");
		vg_free(v);
	}
	(void)built;
	pool_destroy(mem);
	vg_free(vg);
}

static void test_target_module(void **state)
{
	(void)state;
	assert_string_equal(lvdm_target_module("zero"), "dm-zero");
	assert_string_equal(lvdm_target_module("linear"), "dm-mod");
	assert_string_equal(lvdm_target_module("snapshot"), "dm-snapshot");
	assert_null(lvdm_target_module("nope"));
}

/* dir/mapper/v--g-lv is block device 254:minor, and dir/v-g/lv links to it. */
static void expect_lv_node(const char *dir, unsigned minor)
{
	char path[PATH_MAX], link[PATH_MAX];
	struct stat st;
	ssize_t n;

	snprintf(path, sizeof(path), "%s/mapper/v--g-lv", dir);
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISBLK(st.st_mode));
	assert_int_equal(st.st_rdev, makedev(254, minor));
	snprintf(path, sizeof(path), "%s/v-g/lv", dir);
	n = readlink(path, link, sizeof(link) - 1);
	assert_true(n > 0);
	link[n] = '\0';
	assert_string_equal(link, "../mapper/v--g-lv");
}

/* ---- nodes, in a scratch directory standing in for /dev ---- */

static void test_nodes(void **state)
{
	char dir[] = "/tmp/test_activate.XXXXXX", path[PATH_MAX];
	struct stat st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	if (geteuid()) {
		/* mknod of block nodes needs root. */
		rmdir(dir);
		skip();
	}
	assert_int_equal(kdm_node_add(dir, "v--g-lv", 254, 7, "v-g", "lv"), 0);
	expect_lv_node(dir, 7);
	/* Idempotent, and a stale node is replaced. */
	assert_int_equal(kdm_node_add(dir, "v--g-lv", 254, 8, "v-g", "lv"), 0);
	snprintf(path, sizeof(path), "%s/mapper/v--g-lv", dir);
	assert_int_equal(lstat(path, &st), 0);
	assert_int_equal(st.st_rdev, makedev(254, 8));
	/* A link elsewhere and a plain file in the node's place are replaced. */
	snprintf(path, sizeof(path), "%s/v-g/lv", dir);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(symlink("../mapper/other", path), 0);
	snprintf(path, sizeof(path), "%s/mapper/v--g-lv", dir);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(close(open(path, O_CREAT | O_WRONLY, 0600)), 0);
	assert_int_equal(kdm_node_add(dir, "v--g-lv", 254, 8, "v-g", "lv"), 0);
	expect_lv_node(dir, 8);
	/* Hidden LVs: no /dev/VG link. */
	assert_int_equal(kdm_node_add(dir, "v--g-h", 254, 9, "v-g", NULL), 0);
	assert_int_equal(kdm_node_del(dir, "v--g-lv", "v-g", "lv"), 0);
	assert_int_equal(kdm_node_del(dir, "v--g-h", "v-g", NULL), 0);
	assert_int_equal(kdm_node_del(dir, "v--g-h", "v-g", NULL), 0);
	snprintf(path, sizeof(path), "%s/v-g", dir);
	assert_int_equal(access(path, F_OK), -1);	/* empty VG dir removed */
	snprintf(path, sizeof(path), "%s/mapper", dir);
	assert_int_equal(rmdir(path), 0);		/* nothing left behind */
	assert_int_equal(rmdir(dir), 0);
}

/*
 * A temporary /dev whose mapper/control is a plain file: every ioctl on it
 * fails.  Skipped where a real device-mapper could be reached, or not root.
 */
static void fake_control(const char *dir)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/mapper", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(path, sizeof(path), "%s/mapper/control", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
}

static void fake_dev_dir(char *dir)
{
	struct stat st;

	if (!stat("/sys/class/misc/device-mapper", &st) || geteuid())
		skip();
	assert_non_null(mkdtemp(dir));
	fake_control(dir);
}

/*
 * kdm_remove_all where the ioctls fail (here the "control node" is a plain
 * file and the host has no device-mapper): every device is reported as
 * still there, and its nodes are kept.
 */
static void test_remove_all_failing(void **state)
{
	char dir[] = "/tmp/test_activate.XXXXXX", path[PATH_MAX];
	struct kdm_policy p = { .udev_sync = 0, .udev_rules = 0, .verify_udev = 1 };
	struct kdm_removal rm[3] = {
		{ .name = "vg-a", .vg = "vg", .lv = "a" },
		{ .name = "vg-b", .vg = "vg", .lv = "b" },
		{ .name = "vg-h", .vg = "vg", .lv = NULL },
	};
	struct stat st;

	(void)state;
	fake_dev_dir(dir);
	p.dev_dir = dir;
	assert_int_equal(kdm_remove_all(&p, rm, 0), 0);
	assert_int_equal(kdm_node_add(dir, "vg-a", 254, 1, "vg", "a"), 0);
	assert_int_equal(kdm_node_add(dir, "vg-b", 254, 2, "vg", "b"), 0);
	assert_int_equal(kdm_remove_all(&p, rm, 3), -1);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(rm[i].failed, 1);
		assert_int_not_equal(rm[i].err, 0);
	}
	snprintf(path, sizeof(path), "%s/vg/a", dir);
	assert_int_equal(lstat(path, &st), 0);
	snprintf(path, sizeof(path), "%s/mapper/vg-b", dir);
	assert_int_equal(lstat(path, &st), 0);
	/* One device goes through libdevmapper alone; it fails the same way. */
	rm[0].failed = 0;
	assert_int_equal(kdm_remove_all(&p, rm, 1), -1);
	assert_int_equal(rm[0].failed, 1);
	assert_int_equal(kdm_node_del(dir, "vg-a", "vg", "a"), 0);
	assert_int_equal(kdm_node_del(dir, "vg-b", "vg", "b"), 0);
	assert_int_equal(unlink(path), -1);
	snprintf(path, sizeof(path), "%s/mapper/control", dir);
	assert_int_equal(unlink(path), 0);
	snprintf(path, sizeof(path), "%s/mapper", dir);
	assert_int_equal(rmdir(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* ---- the kernel's device list (DM_LIST_DEVICES replies built here) ---- */

/* Appends one record to buf at *off; flags as the kernel sets them. */
static void put_record(char *buf, size_t *off, size_t *prev, uint64_t dev, const char *name,
		       uint32_t flags, const char *uuid)
{
	struct dm_name_list rec = { .dev = dev };
	size_t at = *off, extra = (at + offsetof(struct dm_name_list, name) + strlen(name) + 1 + 7) & ~(size_t)7;
	uint32_t event_nr = 0;

	if (*prev != (size_t)-1) {
		uint32_t next = (uint32_t)(at - *prev);

		memcpy(buf + *prev + offsetof(struct dm_name_list, next), &next, sizeof(next));
	}
	memcpy(buf + at, &rec, sizeof(rec));
	strcpy(buf + at + offsetof(struct dm_name_list, name), name);
	memcpy(buf + extra, &event_nr, 4);
	memcpy(buf + extra + 4, &flags, 4);
	*off = extra + 8;
	if (uuid) {
		strcpy(buf + *off, uuid);
		*off += strlen(uuid) + 1;
	}
	*off = (*off + 7) & ~(size_t)7;
	*prev = at;
}

static void test_name_list_parse(void **state)
{
	char buf[1024];
	size_t off = 0, prev = (size_t)-1;
	struct pool *mem = pool_create("test");
	struct kdm_devices l = { hash_create(4), hash_create(4) };
	const struct kdm_device *d;

	(void)state;
	memset(buf, 0, sizeof(buf));
	put_record(buf, &off, &prev, (uint64_t)makedev(254, 3), "vg-lv1", DM_NAME_LIST_FLAG_HAS_UUID,
		   "LVM-aaaa");
	put_record(buf, &off, &prev, (uint64_t)makedev(254, 300), "other",
		   DM_NAME_LIST_FLAG_DOESNT_HAVE_UUID, NULL);
	put_record(buf, &off, &prev, (uint64_t)makedev(254, 4), "vg-lv2", DM_NAME_LIST_FLAG_HAS_UUID,
		   "LVM-bbbb-real");
	assert_int_equal(kdm_name_list_parse(mem, buf, off, &l), 0);
	assert_int_equal(hash_count(l.by_uuid), 2);
	assert_int_equal(hash_count(l.by_name), 3);
	d = hash_lookup(l.by_uuid, "LVM-aaaa");
	assert_non_null(d);
	assert_string_equal(d->name, "vg-lv1");
	assert_int_equal(d->major, 254);
	assert_int_equal(d->minor, 3);
	d = hash_lookup(l.by_uuid, "LVM-bbbb-real");
	assert_non_null(d);
	assert_string_equal(d->name, "vg-lv2");
	assert_int_equal(d->minor, 4);
	d = hash_lookup(l.by_name, "other");
	assert_non_null(d);
	assert_null(d->uuid);
	assert_int_equal(d->minor, 300);
	/* Cut short: the last record's UUID runs past the end. */
	assert_int_equal(kdm_name_list_parse(mem, buf, off - 12, &l), -1);
	/* A next offset past the end. */
	memset(buf + prev + offsetof(struct dm_name_list, next), 0x7f, 4);
	assert_int_equal(kdm_name_list_parse(mem, buf, off, &l), -1);
	/* A kernel that says nothing of UUIDs. */
	off = 0;
	prev = (size_t)-1;
	memset(buf, 0, sizeof(buf));
	put_record(buf, &off, &prev, (uint64_t)makedev(254, 3), "vg-lv1", 0, NULL);
	assert_int_equal(kdm_name_list_parse(mem, buf, off, &l), 1);
	kdm_devices_free(&l);
	assert_null(l.by_uuid);
	/* No devices: no bytes, or dev 0 in the first record; too short for one. */
	l.by_uuid = hash_create(4);
	l.by_name = hash_create(4);
	memset(buf, 0, sizeof(buf));
	assert_int_equal(kdm_name_list_parse(mem, buf, sizeof(struct dm_name_list), &l), 0);
	assert_int_equal(kdm_name_list_parse(mem, buf, 0, &l), 0);
	assert_int_equal(hash_count(l.by_name), 0);
	assert_int_equal(kdm_name_list_parse(mem, buf, 4, &l), -1);
	/* A name without its terminating NUL. */
	memset(buf, 'x', sizeof(buf));
	memset(buf, 0, offsetof(struct dm_name_list, name));
	buf[0] = 1;
	assert_int_equal(kdm_name_list_parse(mem, buf, 64, &l), -1);
	kdm_devices_free(&l);
	pool_destroy(mem);
}

/* No control node, or one that is not device-mapper's: an error, no list. */
static void test_list_devices_failing(void **state)
{
	char dir[] = "/tmp/test_activate.XXXXXX", path[PATH_MAX];
	struct pool *mem = pool_create("test");
	struct stderr_capture c;
	struct kdm_devices l = { (struct hash *)1, (struct hash *)1 };
	char *err;

	(void)state;
	assert_non_null(mkdtemp(dir));
	capture_begin(&c);
	assert_int_equal(kdm_list_devices(dir, mem, &l), -1);
	assert_null(l.by_uuid);
	assert_null(l.by_name);
	fake_control(dir);
	l.by_uuid = (struct hash *)1;
	assert_int_equal(kdm_list_devices(dir, mem, &l), -1);
	assert_null(l.by_uuid);
	err = capture_end(&c);
	assert_non_null(strstr(err, "Cannot open"));
	assert_non_null(strstr(err, "Cannot list the device-mapper devices"));
	free(err);
	snprintf(path, sizeof(path), "%s/mapper/control", dir);
	assert_int_equal(unlink(path), 0);
	snprintf(path, sizeof(path), "%s/mapper", dir);
	assert_int_equal(rmdir(path), 0);
	assert_int_equal(rmdir(dir), 0);
	pool_destroy(mem);
}

/* ---- raw ioctl requests (dm_raw.c) ---- */

/* The DM_TABLE_LOAD request: header, then each target's spec and params, 8-aligned. */
static void test_raw_load_request(void **state)
{
	struct dm_line lines[2] = {
		{ 0, 2048, "linear", "254:16 2048" },
		{ 2048, 100, "error", "" },
	};
	struct dm_table t = { lines, 2 };
	struct dm_target_spec spec;
	struct dm_ioctl *io;
	size_t size, off;
	char name[200];

	(void)state;
	io = kdm_raw_load_request("vg-lv", &t, 1, &size);
	assert_non_null(io);
	assert_int_equal(size % 8, 0);
	assert_int_equal(io->data_size, size);
	assert_int_equal(io->version[0], DM_VERSION_MAJOR);
	assert_int_equal(io->target_count, 2);
	assert_string_equal(io->name, "vg-lv");
	assert_true(io->flags & DM_READONLY_FLAG);
	off = io->data_start;
	assert_int_equal(off % 8, 0);
	memcpy(&spec, (char *)io + off, sizeof(spec));
	assert_int_equal(spec.sector_start, 0);
	assert_int_equal(spec.length, 2048);
	assert_string_equal(spec.target_type, "linear");
	assert_string_equal((char *)io + off + sizeof(spec), "254:16 2048");
	assert_int_equal(spec.next % 8, 0);
	off += spec.next;
	memcpy(&spec, (char *)io + off, sizeof(spec));
	assert_int_equal(spec.sector_start, 2048);
	assert_int_equal(spec.length, 100);
	assert_string_equal(spec.target_type, "error");
	assert_string_equal((char *)io + off + sizeof(spec), "");
	assert_int_equal(off + spec.next, size);
	free(io);
	/* Writable; names and target types that do not fit are refused. */
	io = kdm_raw_load_request("vg-lv", &t, 0, &size);
	assert_non_null(io);
	assert_false(io->flags & DM_READONLY_FLAG);
	free(io);
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	assert_null(kdm_raw_load_request(name, &t, 0, &size));
	assert_int_equal(errno, ENAMETOOLONG);
	lines[1].target = "a-target-name-too-long";
	assert_null(kdm_raw_load_request("vg-lv", &t, 0, &size));
	assert_int_equal(errno, ENAMETOOLONG);
	assert_int_equal(kdm_raw_create(-1, name, NULL, 0, NULL, NULL), ENAMETOOLONG);
	assert_int_equal(kdm_raw_resume(-1, "vg-lv", 0), EBADF);
	assert_int_equal(kdm_raw_remove(-1, name, 0), ENAMETOOLONG);
}

/*
 * kdm_create_all where the ioctls fail (a plain file for the control node,
 * no device-mapper in the host): every device is reported as failed and no
 * node is made.
 */
static void test_create_all_failing(void **state)
{
	char dir[] = "/tmp/test_activate.XXXXXX", path[PATH_MAX];
	struct kdm_policy p = { .udev_sync = 0, .udev_rules = 0, .verify_udev = 1 };
	struct dm_line line = { 0, 2048, "linear", "254:16 2048" };
	struct dm_table t = { &line, 1 };
	struct kdm_creation c[3] = {
		{ .name = "vg-a", .uuid = "LVM-a", .vg = "vg", .lv = "a", .table = &t },
		{ .name = "vg-b", .uuid = "LVM-b", .vg = "vg", .lv = "b", .table = &t },
		{ .name = "vg-h", .uuid = "LVM-h", .vg = "vg", .lv = NULL, .table = &t },
	};
	struct stat st;

	(void)state;
	fake_dev_dir(dir);
	p.dev_dir = dir;
	assert_int_equal(kdm_create_all(&p, c, 0), 0);
	assert_int_equal(kdm_create_all(&p, c, 3), -1);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(c[i].failed, 1);
		assert_int_not_equal(c[i].err, 0);
	}
	snprintf(path, sizeof(path), "%s/vg", dir);
	assert_int_equal(lstat(path, &st), -1);
	snprintf(path, sizeof(path), "%s/mapper/vg-a", dir);
	assert_int_equal(lstat(path, &st), -1);
	snprintf(path, sizeof(path), "%s/mapper/control", dir);
	assert_int_equal(unlink(path), 0);
	snprintf(path, sizeof(path), "%s/mapper", dir);
	assert_int_equal(rmdir(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* The host here has no device-mapper: the check must say so, not crash. */
static void test_present(void **state)
{
	const char *why = NULL;
	struct stat st;

	(void)state;
	if (!stat("/sys/class/misc/device-mapper", &st))
		skip();
	assert_int_equal(kdm_present("/nonexistent-dev", &why), -1);
	assert_non_null(why);
	assert_non_null(strstr(why, "dm-mod"));
}

/* ---- loop devices (needs root and the loop driver) ---- */

static void test_loopdev(void **state)
{
	char file[] = "/tmp/test_activate_img.XXXXXX";
	struct loopdev l, again;
	int fd;

	(void)state;
	if (geteuid() || access("/dev/loop-control", R_OK | W_OK))
		skip();
	fd = mkstemp(file);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 4 << 20), 0);
	close(fd);
	assert_int_equal(loopdev_find(file, &l), 0);
	assert_int_equal(loopdev_attach(file, 0, &l), 0);
	assert_int_equal(l.major, 7);
	assert_true(l.fd >= 0);
	/* A second user gets the same device. */
	assert_int_equal(loopdev_find(file, &again), 1);
	assert_string_equal(again.path, l.path);
	assert_int_equal(loopdev_attach(file, 0, &again), 0);
	assert_int_equal(again.minor, l.minor);
	loopdev_release(&again);
	/* Still held by l: still attached.  Then autoclear on the last close. */
	assert_int_equal(loopdev_find(file, &again), 1);
	loopdev_release(&l);
	for (int i = 0; i < 100 && loopdev_find(file, &again) == 1; i++)
		usleep(10000);
	assert_int_equal(loopdev_find(file, &again), 0);
	/* Explicit detach of a device we attach again. */
	assert_int_equal(loopdev_attach(file, 1, &l), 0);
	assert_int_equal(loopdev_detach(l.path), 0);
	loopdev_release(&l);
	for (int i = 0; i < 100 && loopdev_find(file, &again) == 1; i++)
		usleep(10000);
	assert_int_equal(loopdev_find(file, &again), 0);
	assert_int_equal(loopdev_find("/nonexistent/file", &again), -1);
	unlink(file);
}

/* ---- libdevmapper through dlopen ---- */

static int dm_lib_is_mapped(void)
{
	void *h = dlopen(DEVMAPPER_SONAME, RTLD_NOW | RTLD_NOLOAD);

	if (h)
		dlclose(h);
	return h != NULL;
}

/* kdm_lib_open(soname) with its stderr returned (caller frees) in *msg. */
static int open_capture(const char *soname, struct kdm_lib *lib, char **msg)
{
	struct stderr_capture c;
	int r;

	capture_begin(&c);
	r = kdm_lib_open(soname, lib);
	*msg = capture_end(&c);
	return r;
}

static void test_dm_lib_open(void **state)
{
	struct kdm_lib lib;
	struct dm_task *dmt;
	struct stat st;
	char *msg;

	(void)state;
	memset(&lib, 0, sizeof(lib));
	assert_int_equal(open_capture(DEVMAPPER_SONAME, &lib, &msg), 0);
	assert_string_equal(msg, "");
	free(msg);
#define CHECK_SLOT(f) assert_non_null(lib.f);
	KDM_LIB_FUNCS(CHECK_SLOT)
#undef CHECK_SLOT
	/* Calls reach the library: it asks the kernel's version for a task. */
	assert_int_equal(lib.set_dev_dir("/dev"), 1);
	dmt = lib.task_create(DM_DEVICE_INFO);
	if (stat("/sys/class/misc/device-mapper", &st) || geteuid()) {
		assert_null(dmt);
	} else {
		assert_non_null(dmt);
		assert_int_equal(lib.task_set_name(dmt, "vg-lv"), 1);
		lib.task_destroy(dmt);
	}
	/* The process copy is the same library, loaded once. */
	assert_ptr_equal(kdm_lib(), kdm_lib());
	assert_ptr_equal(kdm_lib()->task_create, lib.task_create);
	assert_true(dm_lib_is_mapped());
	kdm_release();
}

static void test_dm_lib_open_failures(void **state)
{
	struct kdm_lib lib;
	char *msg;

	(void)state;
	assert_int_equal(open_capture("libopenlvm-none.so.0", &lib, &msg), -1);
	assert_non_null(strstr(msg, "Cannot load libopenlvm-none.so.0: cannot open shared object"));
	assert_ptr_equal(strchr(msg, '\n'), msg + strlen(msg) - 1);	/* one line */
	free(msg);
	/* A library that is not libdevmapper: the first function is missing. */
	assert_int_equal(open_capture("libc.so.6", &lib, &msg), -1);
	assert_non_null(strstr(msg, "Cannot load libc.so.6: "));
	assert_non_null(strstr(msg, "dm_task_create"));
	free(msg);
}

/*
 * Asking whether device-mapper is there, on a host without it, and
 * releasing must not load the library.  Runs first (see main): the
 * forked child then starts as a command does, with nothing loaded.
 */
static void test_dm_lib_not_loaded_without_kernel(void **state)
{
	struct stat st;
	pid_t pid;
	int status;

	(void)state;
	if (!stat("/sys/class/misc/device-mapper", &st))
		skip();
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		const char *why = NULL;
		int ok = !dm_lib_is_mapped() && kdm_present("/nonexistent-dev", &why) == -1;

		kdm_release();
		_exit(ok && !dm_lib_is_mapped() ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dm_lib_not_loaded_without_kernel),	/* first */
		cmocka_unit_test(test_names_basic),
		cmocka_unit_test(test_names_fixtures),
		cmocka_unit_test(test_uuid),
		cmocka_unit_test(test_table_striped_span),
		cmocka_unit_test(test_table_linear_fixture),
		cmocka_unit_test(test_table_zero_error_and_refusals),
		cmocka_unit_test(test_target_module),
		cmocka_unit_test(test_nodes),
		cmocka_unit_test(test_remove_all_failing),
		cmocka_unit_test(test_present),
		cmocka_unit_test(test_name_list_parse),
		cmocka_unit_test(test_raw_load_request),
		cmocka_unit_test(test_create_all_failing),
		cmocka_unit_test(test_list_devices_failing),
		cmocka_unit_test(test_loopdev),
		cmocka_unit_test(test_dm_lib_open),
		cmocka_unit_test(test_dm_lib_open_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
