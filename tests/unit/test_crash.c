/*
 * Crash safety: the fault injector of lib/device/dev_io.c, and how scan
 * and vg_commit resolve and heal the states a crash leaves behind (a PV
 * removed from a VG that still holds its old copy, a label that missed a
 * UUID change).  Crashes are real: a forked child dies at a write point.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "device/device.h"
#include "format/ondisk.h"
#include "format/text.h"
#include "format/label.h"
#include "metadata/metadata.h"
#include "metadata/pv_layout.h"
#include "metadata/scan.h"
#include "misc/pool.h"
#include "misc/uuid.h"

#define IMG_SIZE (16u << 20)

struct fixture {
	struct pool *mem;
	char dir[64];
	char path[2][96];
	const char *files[3];
	struct dev_scan_config cfg;
	/* Everything with heap parts beyond the pool, freed at teardown. */
	struct dev_cache *caches[32];
	struct lvm_scan *scans[32];
	unsigned ncaches, nscans;
	struct pv_label next;	/* what the crashing child writes */
	int next_flags;		/* and the pv_write_new() flags it uses */
};

static struct dev_cache *new_cache(struct fixture *fx)
{
	struct dev_cache *dc = dev_cache_create(fx->mem, &fx->cfg);

	assert_non_null(dc);
	assert_true(fx->ncaches < 32);
	fx->caches[fx->ncaches++] = dc;
	return dc;
}

static struct lvm_scan *keep_scan(struct fixture *fx, struct lvm_scan *scan)
{
	assert_true(fx->nscans < 32);
	fx->scans[fx->nscans++] = scan;
	return scan;
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	int i;

	fx->mem = pool_create("test_crash");
	strcpy(fx->dir, "/tmp/test_crash.XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	snprintf(fx->path[0], sizeof(fx->path[0]), "%s/class", fx->dir);
	assert_int_equal(mkdir(fx->path[0], 0700), 0);
	snprintf(fx->path[0], sizeof(fx->path[0]), "%s/class/block", fx->dir);
	assert_int_equal(mkdir(fx->path[0], 0700), 0);
	for (i = 0; i < 2; i++) {
		FILE *f;

		snprintf(fx->path[i], sizeof(fx->path[i]), "%s/img%d", fx->dir, i);
		f = fopen(fx->path[i], "w");
		assert_non_null(f);
		assert_int_equal(ftruncate(fileno(f), IMG_SIZE), 0);
		fclose(f);
		fx->files[i] = fx->path[i];
	}
	fx->cfg.files = fx->files;
	fx->cfg.sysfs_dir = fx->dir;	/* no block devices in there */
	fx->cfg.scan_dirs = (const char *const[]){ fx->dir, NULL };
	unsetenv("OPENLVM_FAULT");
	unsetenv("OPENLVM_FAULT_LOG");
	dev_fault_reload();
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", fx->dir);
	assert_int_equal(system(cmd), 0);
	while (fx->nscans)
		lvm_scan_destroy(fx->scans[--fx->nscans]);
	while (fx->ncaches)
		dev_cache_destroy(fx->caches[--fx->ncaches]);
	pool_destroy(fx->mem);
	free(fx);
	return 0;
}

/* A fresh device cache and scan over the two images. */
static struct lvm_scan *rescan(struct fixture *fx)
{
	struct dev_cache *dc = new_cache(fx);

	assert_int_equal(dev_cache_scan(dc), 0);
	return keep_scan(fx, lvm_scan(fx->mem, dc));
}

static struct device *device_of(struct fixture *fx, int i)
{
	struct dev_cache *dc = new_cache(fx);
	const char *why;
	struct device *dev = dev_cache_get(dc, fx->path[i], &why);

	assert_non_null(dev);
	return dev;
}

static void make_pv(struct fixture *fx, int i)
{
	struct pv_create_params p;
	struct pv_label label;
	struct device *dev = device_of(fx, i);

	pv_create_defaults(&p);
	p.dev_size = IMG_SIZE;
	assert_int_equal(id_create(&p.id), 0);
	assert_int_equal(pv_layout(&p, dev->path, &label), 0);
	assert_int_equal(pv_write_new(dev, &label, 0), 0);
	dev_close(dev);
}

static void text_ctx(struct text_context *t)
{
	memset(t, 0, sizeof(*t));
	t->description = "test";
	t->creation_host = "host";
	t->uname_line = "Linux host";
	t->generator = "openlvm test";
}

/* Creates VG "vg" on both images and commits it (seqno 1). */
static void make_vg(struct fixture *fx)
{
	struct lvm_scan *scan;
	struct volume_group *vg = vg_new("vg");
	struct pv_info *info;
	struct text_context t;

	make_pv(fx, 0);
	make_pv(fx, 1);
	scan = rescan(fx);
	assert_int_equal(id_create(&vg->id), 0);
	vg->extent_size = 8192;
	vg->status = VG_RESIZEABLE | VG_READ | VG_WRITE;
	vg->alloc = ALLOC_NORMAL;
	TAILQ_FOREACH(info, &scan->pvs, list) {
		struct physical_volume *pv = vg_add_pv(vg, &info->label.pv_id);

		pv_attach_info(pv, info);
		pv->status = PV_ALLOCATABLE;
		pv->dev_hint = info->dev->path;
		pv->dev_size = info->label.device_size / SECTOR_SIZE;
		pv->pe_start = info->label.data_area.offset / SECTOR_SIZE;
		pv->pe_count = pv_layout_extents(&info->label, info->label.device_size,
						 vg->extent_size);
	}
	vg_recount(vg);
	text_ctx(&t);
	assert_int_equal(vg_commit(scan, vg, &t, 0), 0);
	vg_free(vg);
}

static struct pv_info *info_of(struct fixture *fx, struct lvm_scan *scan, int i)
{
	const char *why;
	struct device *dev = dev_cache_get(scan->dc, fx->path[i], &why);

	assert_non_null(dev);
	return scan_find_dev(scan, dev);
}

/* Runs fn in a child under OPENLVM_FAULT=spec; returns its exit status. */
static int crash_child(const char *spec, void (*fn)(struct fixture *), struct fixture *fx)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (!pid) {
		setenv("OPENLVM_FAULT", spec, 1);
		dev_fault_reload();
		fn(fx);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static void test_fault_parse(void **state)
{
	unsigned long at;
	enum dev_fault_mode mode;

	(void)state;
	assert_int_equal(dev_fault_parse("write:3:fail", &at, &mode), 0);
	assert_int_equal(at, 3);
	assert_int_equal(mode, DEV_FAULT_FAIL);
	assert_int_equal(dev_fault_parse("write:12:exit", &at, &mode), 0);
	assert_int_equal(mode, DEV_FAULT_EXIT);
	assert_int_equal(dev_fault_parse("write:1:torn", &at, &mode), 0);
	assert_int_equal(mode, DEV_FAULT_TORN);
	assert_int_equal(dev_fault_parse("write:0:fail", &at, &mode), -1);
	assert_int_equal(dev_fault_parse("write:x:fail", &at, &mode), -1);
	assert_int_equal(dev_fault_parse("write:2:boom", &at, &mode), -1);
	assert_int_equal(dev_fault_parse("read:2:fail", &at, &mode), -1);
	assert_int_equal(dev_fault_parse("write:2", &at, &mode), -1);
	assert_int_equal(dev_fault_parse(NULL, &at, &mode), -1);
}

static void write_pattern(struct fixture *fx)
{
	struct device *dev = device_of(fx, 0);
	unsigned char buf[1024];

	memset(buf, 0xab, sizeof(buf));
	if (dev_write(dev, 0, sizeof(buf), buf))
		_exit(1);
	memset(buf, 0xcd, sizeof(buf));
	if (dev_write(dev, 4096, sizeof(buf), buf))
		_exit(2);
	_exit(0);
}

static unsigned char byte_at(struct fixture *fx, long off)
{
	FILE *f = fopen(fx->path[0], "r");
	int c;

	assert_non_null(f);
	fseek(f, off, SEEK_SET);
	c = fgetc(f);
	fclose(f);
	return (unsigned char)c;
}

static void test_fault_modes(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(crash_child("write:2:fail", write_pattern, fx), 2);
	assert_int_equal(byte_at(fx, 0), 0xab);
	assert_int_equal(byte_at(fx, 4096), 0);
	assert_int_equal(crash_child("write:2:exit", write_pattern, fx), 99);
	assert_int_equal(byte_at(fx, 4096 + 1023), 0xcd);
	assert_int_equal(crash_child("write:1:torn", write_pattern, fx), 99);
	assert_int_equal(crash_child("write:9:torn", write_pattern, fx), 0);
	{
		FILE *f = fopen(fx->path[0], "r+");
		unsigned char zero[1024] = { 0 };

		assert_non_null(f);
		assert_int_equal(fwrite(zero, 1, sizeof(zero), f), sizeof(zero));
		fclose(f);
	}
	assert_int_equal(crash_child("write:1:torn", write_pattern, fx), 99);
	assert_int_equal(byte_at(fx, 511), 0xab);
	assert_int_equal(byte_at(fx, 512), 0);
}

/* vgreduce of img1, crashing before the removed PV is cleared. */
static void reduce_without_orphan(struct fixture *fx)
{
	struct lvm_scan *scan = rescan(fx);
	struct volume_group *vg = vg_read(scan, "vg", VG_READ_FOR_UPDATE);
	struct text_context t;

	assert_non_null(vg);
	vg_remove_pv(vg, vg_find_pv_by_id(vg, &info_of(fx, scan, 1)->label.pv_id));
	vg_recount(vg);
	text_ctx(&t);
	assert_int_equal(vg_commit(scan, vg, &t, 0), 0);
	vg_free(vg);
}

static void test_removed_pv_is_orphan_and_healed(void **state)
{
	struct fixture *fx = *state;
	struct lvm_scan *scan;
	struct volume_group *vg;
	struct pv_info *removed;
	struct text_context t;

	make_vg(fx);
	reduce_without_orphan(fx);
	scan = rescan(fx);
	removed = info_of(fx, scan, 1);
	assert_non_null(removed->mdas[0].text);	/* still the old copy */
	assert_int_equal(removed->mdas[0].seqno, 1);
	scan_resolve_members(scan);
	assert_null(removed->vg);			/* not a member */
	assert_non_null(info_of(fx, scan, 0)->vg);
	/* The next commit of the VG clears it. */
	vg = vg_read(scan, "vg", VG_READ_FOR_UPDATE);
	assert_non_null(vg);
	assert_int_equal(vg->pv_count, 1);
	text_ctx(&t);
	assert_int_equal(vg_commit(scan, vg, &t, 0), 0);
	vg_free(vg);
	scan = rescan(fx);
	removed = info_of(fx, scan, 1);
	assert_null(removed->mdas[0].text);
	assert_int_equal(removed->label.ext_flags & PV_EXT_USED, 0);
	assert_int_equal(TAILQ_FIRST(&scan->vgs)->seqno, 3);
}

/*
 * A VG on many PVs has as many equal copies: only the one that will be
 * imported keeps its text while the scan goes on (128 copies of 300 KB
 * were held at once before).
 */
static void test_scan_holds_one_text_per_vg(void **state)
{
	struct fixture *fx = *state;
	struct dev_cache *dc;
	struct lvm_scan *scan;
	struct pv_info *first, *second;
	const char *why;

	make_vg(fx);
	fx->cfg.files = (const char *[]){ fx->path[0], NULL };
	dc = new_cache(fx);
	assert_int_equal(dev_cache_scan(dc), 0);
	scan = keep_scan(fx, lvm_scan(fx->mem, dc));
	first = info_of(fx, scan, 0);
	assert_non_null(first->mdas[0].text_buf);	/* the VG's best copy */
	second = scan_device(scan, dev_cache_get(dc, fx->path[1], &why));
	assert_non_null(second);
	assert_non_null(second->mdas[0].text);		/* valid... */
	assert_null(second->mdas[0].text_buf);		/* ...but not held */
	assert_non_null(first->mdas[0].text_buf);
	fx->cfg.files = fx->files;
}

static void change_pv_uuid(struct fixture *fx)
{
	struct lvm_scan *scan = rescan(fx);
	struct volume_group *vg = vg_read(scan, "vg", VG_READ_FOR_UPDATE);
	struct physical_volume *pv;
	struct text_context t;
	struct lvm_id id;

	assert_non_null(vg);
	pv = vg_find_pv_by_id(vg, &info_of(fx, scan, 0)->label.pv_id);
	assert_int_equal(id_create(&id), 0);
	vg_set_pv_id(vg, pv, &id);
	text_ctx(&t);
	vg_commit(scan, vg, &t, 0);
	_exit(0);
}

static void test_interrupted_uuid_change(void **state)
{
	struct fixture *fx = *state;
	struct lvm_scan *scan;
	struct volume_group *vg;
	struct pv_info *a;
	struct lvm_id old_id;
	struct text_context t;

	make_vg(fx);
	scan = rescan(fx);
	old_id = info_of(fx, scan, 0)->label.pv_id;
	/* Writes: 2 texts, 2 headers, then the relabel; die after the headers. */
	assert_int_equal(crash_child("write:4:exit", change_pv_uuid, fx), 99);
	scan = rescan(fx);
	a = info_of(fx, scan, 0);
	assert_true(id_equal(&a->label.pv_id, &old_id));
	vg = vg_read(scan, "vg", VG_READ_FOR_UPDATE);
	assert_non_null(vg);
	assert_int_equal(vg->seqno, 2);
	assert_null(vg_find_pv_by_id(vg, &old_id));
	assert_non_null(vg_find_pv_by_dev(vg, a->dev));	/* matched up, not missing */
	scan_resolve_members(scan);
	assert_non_null(a->vg);
	text_ctx(&t);
	assert_int_equal(vg_commit(scan, vg, &t, 0), 0);
	vg_free(vg);
	scan = rescan(fx);
	a = info_of(fx, scan, 0);
	assert_false(id_equal(&a->label.pv_id, &old_id));
	vg = vg_read(scan, "vg", 0);
	assert_non_null(vg_find_pv_by_id(vg, &a->label.pv_id));
	vg_free(vg);
}

/* ---- the MISSING flag (issue 6) ---- */

/* The committed text of vg as image 0 holds it. */
static const char *text_on_img0(struct fixture *fx)
{
	struct lvm_scan *scan = rescan(fx);
	struct pv_info *info = info_of(fx, scan, 0);

	assert_non_null(info->mdas[0].text);
	return info->mdas[0].text;
}

/*
 * A commit while a PV's device is away flags it MISSING (not in status),
 * with "[unknown]" as its device; once back, unused, it is a PV again.
 */
static void test_commit_flags_missing_pv(void **state)
{
	struct fixture *fx = *state;
	char away[128];
	struct lvm_scan *scan;
	struct volume_group *vg;
	struct physical_volume *pv;
	struct lvm_id id1;
	struct text_context t;
	const char *text;

	make_vg(fx);
	id1 = info_of(fx, rescan(fx), 1)->label.pv_id;
	snprintf(away, sizeof(away), "%s/away", fx->dir);
	assert_int_equal(rename(fx->path[1], away), 0);
	scan = rescan(fx);
	vg = vg_read(scan, "vg", VG_READ_FOR_UPDATE);
	assert_non_null(vg);
	pv = vg_find_pv_by_id(vg, &id1);
	assert_null(pv->dev);
	text_ctx(&t);
	assert_int_equal(vg_commit(scan, vg, &t, 0), 0);
	assert_true(pv->flags & PV_F_MISSING);
	vg_free(vg);
	text = text_on_img0(fx);
	assert_non_null(strstr(text, "device = \"[unknown]\""));
	assert_non_null(strstr(text, "flags = [\"MISSING\"]"));
	assert_null(strstr(text, "\"ALLOCATABLE\", \"MISSING\""));
	/* back: no LV uses it, so it is a normal PV again, and written so */
	assert_int_equal(rename(away, fx->path[1]), 0);
	scan = rescan(fx);
	vg = vg_read(scan, "vg", VG_READ_FOR_UPDATE);
	assert_non_null(vg);
	pv = vg_find_pv_by_id(vg, &id1);
	assert_non_null(pv->dev);
	assert_false(pv->flags & PV_F_MISSING);
	assert_int_equal(vg_commit(scan, vg, &t, 0), 0);
	vg_free(vg);
	assert_null(strstr(text_on_img0(fx), "MISSING"));
}

/* ---- re-creating a PV with its label in an earlier sector ---- */

static void label_at(struct pv_label *label, unsigned sector)
{
	struct pv_create_params p;

	pv_create_defaults(&p);
	p.dev_size = IMG_SIZE;
	p.label_sector = sector;
	assert_int_equal(id_create(&p.id), 0);
	assert_int_equal(pv_layout(&p, "img0", label), 0);
}

static void write_next(struct fixture *fx)
{
	struct device *dev = device_of(fx, 0);

	_exit(pv_write_new(dev, &fx->next, fx->next_flags) ? 3 : 0);
}

/* Valid labels in sectors 0..3 of image 0, first one in *first. */
static int count_labels(struct fixture *fx, struct pv_label *first)
{
	unsigned char buf[LABEL_SCAN_SECTORS * SECTOR_SIZE];
	FILE *f = fopen(fx->path[0], "r");
	struct pv_label l;
	const char *why;
	int n = 0;

	assert_non_null(f);
	assert_int_equal(fread(buf, 1, sizeof(buf), f), sizeof(buf));
	fclose(f);
	for (unsigned s = 0; s < LABEL_SCAN_SECTORS; s++)
		if (label_decode(buf + s * SECTOR_SIZE, s, &l, &why) > 0 && !n++)
			*first = l;
	return n;
}

/*
 * Old label in sector 3, new one in sector 0: readers take the first, so
 * a crash must leave the old PV, or the new PV alone (issue 6).
 */
static void test_pvcreate_lower_sector(void **state)
{
	struct fixture *fx = *state;
	struct pv_label old, first;
	int k, n, saw_old = 0, saw_new = 0;
	char spec[32];

	label_at(&old, 3);
	label_at(&fx->next, 0);
	for (k = 1; k <= 8; k++) {
		struct device *dev = device_of(fx, 0);

		assert_int_equal(dev_zero(dev, 0, 1u << 20), 0);
		assert_int_equal(pv_write_new(dev, &old, 0), 0);
		dev_close(dev);
		snprintf(spec, sizeof(spec), "write:%d:exit", k);
		crash_child(spec, write_next, fx);
		n = count_labels(fx, &first);
		assert_true(n >= 1);
		if (id_equal(&first.pv_id, &old.pv_id)) {
			saw_old = 1;
		} else {
			assert_true(id_equal(&first.pv_id, &fx->next.pv_id));
			assert_int_equal(first.sector, 0);
			assert_int_equal(n, 1);
			saw_new = 1;
		}
	}
	assert_true(saw_old && saw_new);
}

/* The same with -Zn: erasing only the old label keeps the order safe. */
static void test_pvcreate_lower_sector_keep(void **state)
{
	struct fixture *fx = *state;

	fx->next_flags = PV_WRITE_KEEP_SECTORS;
	test_pvcreate_lower_sector(state);
}

static void fill_sectors(struct fixture *fx, unsigned char byte)
{
	unsigned char buf[LABEL_SCAN_SECTORS * SECTOR_SIZE];
	FILE *f = fopen(fx->path[0], "r+");

	memset(buf, byte, sizeof(buf));
	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, sizeof(buf), f), sizeof(buf));
	fclose(f);
}

/* Bytes of sector s of image 0 equal to byte. */
static unsigned count_bytes(struct fixture *fx, unsigned s, unsigned char byte)
{
	unsigned char buf[SECTOR_SIZE];
	FILE *f = fopen(fx->path[0], "r");
	unsigned i, n = 0;

	assert_non_null(f);
	assert_int_equal(fseek(f, (long)s * SECTOR_SIZE, SEEK_SET), 0);
	assert_int_equal(fread(buf, 1, sizeof(buf), f), sizeof(buf));
	fclose(f);
	for (i = 0; i < SECTOR_SIZE; i++)
		n += buf[i] == byte;
	return n;
}

/* -Zy (the default) wipes sectors 0..3; -Zn leaves all but the label's. */
static void test_pvcreate_zero_flag(void **state)
{
	struct fixture *fx = *state;
	struct pv_label label, first;
	struct device *dev;

	label_at(&label, 1);
	fill_sectors(fx, 0xab);
	dev = device_of(fx, 0);
	assert_int_equal(pv_write_new(dev, &label, PV_WRITE_KEEP_SECTORS), 0);
	dev_close(dev);
	assert_int_equal(count_bytes(fx, 0, 0xab), SECTOR_SIZE);
	assert_int_equal(count_bytes(fx, 1, 0xab), 0);
	assert_int_equal(count_bytes(fx, 2, 0xab), SECTOR_SIZE);
	assert_int_equal(count_bytes(fx, 3, 0xab), SECTOR_SIZE);
	assert_int_equal(count_labels(fx, &first), 1);
	assert_true(id_equal(&first.pv_id, &label.pv_id));

	fill_sectors(fx, 0xab);
	dev = device_of(fx, 0);
	assert_int_equal(pv_write_new(dev, &label, 0), 0);
	dev_close(dev);
	assert_int_equal(count_bytes(fx, 0, 0), SECTOR_SIZE);
	assert_int_equal(count_bytes(fx, 2, 0), SECTOR_SIZE);
	assert_int_equal(count_bytes(fx, 3, 0), SECTOR_SIZE);
	assert_int_equal(count_labels(fx, &first), 1);
}

/* -Zn still erases an old label, even one that no longer checks out. */
static void test_pvcreate_keep_erases_old_label(void **state)
{
	struct fixture *fx = *state;
	struct pv_label old, label, first;
	struct device *dev = device_of(fx, 0);
	static const unsigned char junk = 0x5a;

	label_at(&old, 3);
	label_at(&label, 1);
	assert_int_equal(pv_write_new(dev, &old, 0), 0);
	assert_int_equal(dev_write(dev, 0, 1, &junk), 0);	/* boot code */
	assert_int_equal(dev_write(dev, 3 * SECTOR_SIZE + 40, 1, &junk), 0);	/* bad CRC */
	assert_int_equal(pv_write_new(dev, &label, PV_WRITE_KEEP_SECTORS), 0);
	dev_close(dev);
	assert_int_equal(count_bytes(fx, 0, junk), 1);
	assert_int_equal(count_bytes(fx, 3, 0), SECTOR_SIZE);
	assert_int_equal(count_labels(fx, &first), 1);
	assert_true(id_equal(&first.pv_id, &label.pv_id));
}

/* The reverse (old label first) may overwrite in place of moving. */
static void test_pvcreate_higher_sector(void **state)
{
	struct fixture *fx = *state;
	struct pv_label old, first;
	struct device *dev = device_of(fx, 0);

	label_at(&old, 0);
	label_at(&fx->next, 2);
	assert_int_equal(pv_write_new(dev, &old, 0), 0);
	assert_int_equal(pv_write_new(dev, &fx->next, 0), 0);
	dev_close(dev);
	assert_int_equal(count_labels(fx, &first), 1);
	assert_true(id_equal(&first.pv_id, &fx->next.pv_id));
	assert_int_equal(first.sector, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fault_parse),
		cmocka_unit_test_setup_teardown(test_fault_modes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_removed_pv_is_orphan_and_healed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scan_holds_one_text_per_vg, setup, teardown),
		cmocka_unit_test_setup_teardown(test_interrupted_uuid_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_commit_flags_missing_pv, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pvcreate_lower_sector, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pvcreate_higher_sector, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pvcreate_lower_sector_keep, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pvcreate_zero_flag, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pvcreate_keep_erases_old_label, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
