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
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "activate/activate.h"
#include "activate/dm_lib.h"
#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/pool.h"

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

/* ---- nodes, in a scratch directory standing in for /dev ---- */

static void test_nodes(void **state)
{
	char dir[] = "/tmp/test_activate.XXXXXX", path[PATH_MAX], link[PATH_MAX];
	struct stat st;
	ssize_t n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	if (geteuid()) {
		/* mknod of block nodes needs root. */
		rmdir(dir);
		skip();
	}
	assert_int_equal(kdm_node_add(dir, "v--g-lv", 254, 7, "v-g", "lv"), 0);
	snprintf(path, sizeof(path), "%s/mapper/v--g-lv", dir);
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISBLK(st.st_mode));
	assert_int_equal(st.st_rdev, makedev(254, 7));
	snprintf(path, sizeof(path), "%s/v-g/lv", dir);
	n = readlink(path, link, sizeof(link) - 1);
	assert_true(n > 0);
	link[n] = '\0';
	assert_string_equal(link, "../mapper/v--g-lv");
	/* Idempotent, and a stale node is replaced. */
	assert_int_equal(kdm_node_add(dir, "v--g-lv", 254, 8, "v-g", "lv"), 0);
	snprintf(path, sizeof(path), "%s/mapper/v--g-lv", dir);
	assert_int_equal(lstat(path, &st), 0);
	assert_int_equal(st.st_rdev, makedev(254, 8));
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
	FILE *f;

	(void)state;
	if (!stat("/sys/class/misc/device-mapper", &st) || geteuid())
		skip();
	assert_non_null(mkdtemp(dir));
	p.dev_dir = dir;
	assert_int_equal(kdm_remove_all(&p, rm, 0), 0);
	assert_int_equal(kdm_node_add(dir, "vg-a", 254, 1, "vg", "a"), 0);
	assert_int_equal(kdm_node_add(dir, "vg-b", 254, 2, "vg", "b"), 0);
	snprintf(path, sizeof(path), "%s/mapper/control", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
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
		cmocka_unit_test(test_loopdev),
		cmocka_unit_test(test_dm_lib_open),
		cmocka_unit_test(test_dm_lib_open_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
