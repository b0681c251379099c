/*
 * pvck: checks the label, PV header and metadata areas of PVs, and dumps
 * them (--dump headers|metadata|metadata_all|metadata_search) in LVM2's
 * layout; --repair rewrites the label and metadata areas of one PV.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "device/device.h"
#include "format/label.h"
#include "format/mda.h"
#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/fsutil.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"
#include "misc/uuid.h"

/* --settings "key=value ...": LVM2's pvck keys; offsets and sizes in bytes. */
struct pvck_settings {
	unsigned mda_num;		/* 1 or 2; 0: every area */
	int have_mda_offset, have_mda_size, have_metadata_offset, have_uuid;
	int have_device_size, have_data_offset;
	int have_mda;			/* both mda_offset and mda_size */
	uint64_t mda_offset, mda_size, metadata_offset, device_size, data_offset;
	struct lvm_id pv_uuid;
};

static int setting_u64(const char *key, const char *val, uint64_t *out)
{
	char *end;

	errno = 0;
	*out = strtoull(val, &end, 10);
	if (errno || end == val || *end || *val == '-') {
		log_error("Invalid setting: %s", key);
		return -1;
	}
	return 0;
}

/* The numeric keys; 0 if key is one of them. */
static int numeric_setting(struct pvck_settings *st, const char *key, uint64_t v)
{
	if (!strcmp(key, "mda_offset")) {
		st->mda_offset = v;
		st->have_mda_offset = 1;
	} else if (!strcmp(key, "mda_size")) {
		st->mda_size = v;
		st->have_mda_size = 1;
	} else if (!strcmp(key, "metadata_offset")) {
		st->metadata_offset = v;
		st->have_metadata_offset = 1;
	} else if (!strcmp(key, "device_size")) {
		st->device_size = v;
		st->have_device_size = 1;
	} else if (!strcmp(key, "data_offset")) {
		st->data_offset = v;
		st->have_data_offset = 1;
	} else if (!strcmp(key, "mda_num") && (v == 1 || v == 2)) {
		st->mda_num = (unsigned)v;
	} else {
		return -1;
	}
	return 0;
}

static int apply_setting(struct pvck_settings *st, const char *key, const char *val)
{
	uint64_t v;

	if (!strcmp(key, "pv_uuid")) {
		if (id_parse(&st->pv_uuid, val)) {
			log_error("Failed to parse UUID from pv_uuid setting.");
			log_error("Invalid setting: %s", key);
			return -1;
		}
		st->have_uuid = 1;
		return 0;
	}
	if (setting_u64(key, val, &v))
		return -1;
	if (numeric_setting(st, key, v)) {
		log_error("Invalid setting: %s", key);
		return -1;
	}
	return 0;
}

static int parse_settings(struct cmd_context *cmd, struct pvck_settings *st)
{
	char *s = pool_strdup(cmd->mem, arg_str(cmd, OPT_SETTINGS, "")), *save = NULL, *w;

	memset(st, 0, sizeof(*st));
	for (w = strtok_r(s, " \t,", &save); w; w = strtok_r(NULL, " \t,", &save)) {
		char *eq = strchr(w, '=');

		if (!eq) {
			log_error("Invalid setting: %s", w);
			return -1;
		}
		*eq = '\0';
		if (apply_setting(st, w, eq + 1))
			return -1;
	}
	if (st->have_mda_offset != st->have_mda_size) {
		log_error("Invalid settings: mda_offset and mda_size go together.");
		return -1;
	}
	st->have_mda = st->have_mda_offset;
	if (st->have_mda && st->mda_size && (st->mda_offset < SECTOR_SIZE ||
					     st->mda_size < 2 * MDA_HEADER_SIZE)) {
		log_error("Invalid settings: no metadata area at offset %llu size %llu.",
			  (unsigned long long)st->mda_offset, (unsigned long long)st->mda_size);
		return -1;
	}
	return 0;
}

static void dump_locn(const char *prefix, unsigned i, uint64_t at, const struct disk_locn *l,
		      const char *what)
{
	log_print("%s.disk_locn[%u] at %llu # %s", prefix, i, (unsigned long long)at, what);
	log_print("%s.disk_locn[%u].offset %llu", prefix, i, (unsigned long long)l->offset);
	log_print("%s.disk_locn[%u].size %llu", prefix, i, (unsigned long long)l->size);
}

static void dump_label(const struct pv_label *lb, const unsigned char *sec)
{
	uint64_t base = lb->sector * SECTOR_SIZE, at = base + LABEL_HEADER_SIZE + 40;
	static const struct disk_locn end;
	char id[33];
	unsigned i, n = 0;

	log_print("label_header at %llu", (unsigned long long)base);
	log_print("label_header.id LABELONE");
	log_print("label_header.sector %llu", (unsigned long long)lb->sector);
	log_print("label_header.crc 0x%x", get_le32(sec + 0x10));
	log_print("label_header.offset %u", get_le32(sec + 0x14));
	log_print("label_header.type LVM2 001");
	log_print("pv_header at %llu", (unsigned long long)(base + LABEL_HEADER_SIZE));
	memcpy(id, sec + LABEL_HEADER_SIZE, 32);
	id[32] = '\0';
	log_print("pv_header.pv_uuid %s", id);
	log_print("pv_header.device_size %llu", (unsigned long long)lb->device_size);
	dump_locn("pv_header", n++, at, &lb->data_area, "location of data area");
	dump_locn("pv_header", n++, at += DISK_LOCN_SIZE, &end, "location list end");
	for (i = 0; i < lb->mda_count; i++)
		dump_locn("pv_header", n++, at += DISK_LOCN_SIZE, &lb->mdas[i],
			  "location of metadata area");
	dump_locn("pv_header", n++, at += DISK_LOCN_SIZE, &end, "location list end");
	if (!lb->ext_version)
		return;
	at += DISK_LOCN_SIZE;
	log_print("pv_header_extension at %llu", (unsigned long long)at);
	log_print("pv_header_extension.version %u", lb->ext_version);
	log_print("pv_header_extension.flags %u", lb->ext_flags);
	at += 8;
	if (lb->has_ba)
		dump_locn("pv_header_extension", 0, at, &lb->ba, "bootloader area"), at += 16;
	dump_locn("pv_header_extension", lb->has_ba, at, &end, "location list end");
}

static void dump_mda_header(unsigned n, const struct mda_header *h)
{
	static const char *const slot_name[] = { "commit", "precommit" };
	unsigned i;

	log_print("mda_header_%u at %llu # metadata area", n, (unsigned long long)h->start);
	log_print("mda_header_%u.checksum 0x%x", n, h->checksum);
	log_print("mda_header_%u.magic 0x204c564d3220785b35412572304e2a3e", n);
	log_print("mda_header_%u.version %u", n, h->version);
	log_print("mda_header_%u.start %llu", n, (unsigned long long)h->start);
	log_print("mda_header_%u.size %llu", n, (unsigned long long)h->size);
	for (i = 0; i < 2; i++) {
		const struct raw_locn *r = &h->slot[i];

		log_print("mda_header_%u.raw_locn[%u] at %llu # %s", n, i,
			  (unsigned long long)(h->start + 0x28 + 24 * i), slot_name[i]);
		log_print("mda_header_%u.raw_locn[%u].offset %llu", n, i, (unsigned long long)r->offset);
		log_print("mda_header_%u.raw_locn[%u].size %llu", n, i, (unsigned long long)r->size);
		log_print("mda_header_%u.raw_locn[%u].checksum 0x%x", n, i, r->checksum);
		log_print("mda_header_%u.raw_locn[%u].flags 0x%x", n, i, r->flags);
	}
}

static int write_dump_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "w");

	int bad;

	if (!f) {
		log_error("Failed to write dump file %s", path);
		return -1;
	}
	bad = fwrite(text, 1, len, f) != len;
	if (fclose(f) || bad) {
		log_error("Failed to write dump file %s", path);
		return -1;
	}
	return 0;
}

/* Checks (and dumps) one mda; 0 if sound. */
static int check_mda(struct cmd_context *cmd, struct device *dev, const struct disk_locn *l,
		     unsigned n, const char *dump)
{
	struct mda_header h;
	char *text;
	size_t len;
	const char *vg_name;
	char vg_uuid[33];
	uint32_t seqno = 0;
	int r;

	if (!dump)
		log_print("Found text metadata area: offset=%llu, size=%llu",
			  (unsigned long long)l->offset, (unsigned long long)l->size);
	if (mda_header_read(dev, l->offset, l->size, &h))
		return -1;
	if (dump && !strcmp(dump, "headers"))
		dump_mda_header(n, &h);
	r = mda_read_text(dev, &h, cmd->mem, &text, &len);
	if (r <= 0)
		return r;
	if (text_peek(text, len, cmd->mem, &vg_name, vg_uuid, &seqno)) {
		log_error("Failed to parse metadata text on %s at %llu.", dev->path,
			  (unsigned long long)(h.start + h.slot[0].offset));
		return -1;
	}
	if (!dump)
		return 0;
	log_print("metadata text at %llu crc 0x%x # vgname %s seqno %u",
		  (unsigned long long)(h.start + h.slot[0].offset), h.slot[0].checksum, vg_name, seqno);
	if (strcmp(dump, "metadata"))
		return 0;
	if (arg_is_set(cmd, OPT_FILE))
		return write_dump_file(arg_str(cmd, OPT_FILE, NULL), text, len);
	log_print("---");
	fwrite(text, 1, len, stdout);
	log_print("---");
	return 0;
}

static int check_pv(struct cmd_context *cmd, struct device *dev, const char *dump,
		    const struct pvck_settings *st)
{
	struct pv_label lb;
	unsigned char sec[SECTOR_SIZE];
	unsigned i;
	int r, failed = 0;

	if (dev_open(dev, 0))
		return -1;
	r = label_read(dev, &lb);
	if (r <= 0) {
		if (!r)
			log_error("No LVM label found on %s", dev->path);
		dev_close(dev);
		return -1;
	}
	if (dev_read(dev, lb.sector * SECTOR_SIZE, SECTOR_SIZE, sec)) {
		dev_close(dev);
		return -1;
	}
	if (!dump)
		log_print("Found label on %s, sector %llu, type=LVM2 001", dev->path,
			  (unsigned long long)lb.sector);
	else if (!strcmp(dump, "headers"))
		dump_label(&lb, sec);
	for (i = 0; i < lb.mda_count; i++)
		if (!st->mda_num || st->mda_num == i + 1)
			failed |= check_mda(cmd, dev, &lb.mdas[i], i + 1, dump) != 0;
	dev_close(dev);
	return failed ? -1 : 0;
}

/* ---- --dump metadata_all | metadata_search ---- */

static void print_copy(const struct mda_text_copy *c, uint64_t start)
{
	struct lvm_id id;
	char dashed[ID_DASHED_LEN + 1] = "";

	if (!id_parse(&id, c->vg_uuid))
		id_format(&id, dashed);
	log_print("metadata at %llu length %llu crc %08x vg %s seqno %u id %s",
		  (unsigned long long)(start + c->offset), (unsigned long long)c->size,
		  c->checksum, c->vg_name, c->seqno, dashed);
}

/* LVM2's file layout: the texts without their NULs, "\n--\n" between them. */
static int write_copies(const char *path, const struct mda_text_copy *c, size_t n, struct pool *mem)
{
	struct strbuf sb;
	size_t i;
	int r;

	(void)mem;
	strbuf_init(&sb, 0);
	for (i = 0; i < n; i++) {
		if (i)
			strbuf_addstr(&sb, "\n--\n");
		strbuf_add(&sb, c[i].text, (size_t)c[i].size - 1);
	}
	r = write_dump_file(path, sb.buf ? sb.buf : "", sb.len);
	strbuf_release(&sb);
	return r;
}

/* With metadata_offset, only the copy there (none is no error, as in LVM2). */
static int only_copy_at(struct mda_text_copy *copies, int n, uint64_t start, uint64_t at)
{
	int i;

	for (i = 0; i < n; i++)
		if (start + copies[i].offset == at) {
			copies[0] = copies[i];
			return 1;
		}
	return 0;
}

static int dump_all_copies(struct cmd_context *cmd, struct device *dev,
			   const struct disk_locn *l, int search, const struct pvck_settings *st)
{
	struct mda_text_copy *copies;
	int i, n;

	if (search)
		log_print("Searching for metadata at offset %llu size %llu",
			  (unsigned long long)l->offset, (unsigned long long)l->size);
	n = mda_find_copies(dev, l->offset, l->size, cmd->mem, &copies);
	if (n < 0)
		return -1;
	if (st->have_metadata_offset) {
		n = only_copy_at(copies, n, l->offset, st->metadata_offset);
		if (!n)
			return 0;
	}
	for (i = 0; i < n; i++)
		print_copy(&copies[i], l->offset);
	if (!n)
		log_print("No metadata found at offset %llu on %s", (unsigned long long)l->offset,
			  dev->path);
	if (arg_is_set(cmd, OPT_FILE))
		return write_copies(arg_str(cmd, OPT_FILE, NULL), copies, (size_t)n, cmd->mem);
	return 0;
}

static int dump_all_pv(struct cmd_context *cmd, struct device *dev, int search,
		       const struct pvck_settings *st)
{
	struct pv_label lb;
	unsigned i;
	int r, failed = 0;

	if (dev_open(dev, 0))
		return -1;
	if (search && st->have_mda) {
		/* The given area, whatever the label says (or if there is none). */
		struct disk_locn l = { st->mda_offset, st->mda_size };

		r = st->mda_size ? dump_all_copies(cmd, dev, &l, search, st) : 0;
		dev_close(dev);
		return r;
	}
	r = label_read(dev, &lb);
	if (r <= 0) {
		if (!r)
			log_error("No LVM label found on %s", dev->path);
		dev_close(dev);
		return -1;
	}
	for (i = 0; i < lb.mda_count; i++)
		if (!st->mda_num || st->mda_num == i + 1)
			failed |= dump_all_copies(cmd, dev, &lb.mdas[i], search, st) != 0;
	if (!lb.mda_count)
		log_print("No metadata areas on %s", dev->path);
	dev_close(dev);
	return failed ? -1 : 0;
}

/* ---- --repair ---- */

/*
 * Where to rebuild: the label's layout when it is intact; otherwise LVM2's
 * default of one area at 4096, sized by its header when that survived
 * (0 = unknown until the metadata gives pe_start).
 */
static void guess_layout(struct device *dev, struct pv_label *lb, int have_label)
{
	unsigned char buf[MDA_HEADER_SIZE];
	struct mda_header h;
	const char *why;

	if (have_label)
		return;
	memset(lb, 0, sizeof(*lb));
	lb->sector = LABEL_DEFAULT_SECTOR;
	lb->mda_count = 1;
	lb->mdas[0].offset = MDA_DEFAULT_START;
	if (!dev_read(dev, MDA_DEFAULT_START, sizeof(buf), buf) &&
	    !mda_header_decode(buf, MDA_DEFAULT_START, 0, &h, &why))
		lb->mdas[0].size = h.size;
}

/*
 * The PV this device was: by pv_uuid=, else by the label's UUID, else by
 * the recorded device name (which may have changed: hence pv_uuid=).
 */
static struct physical_volume *find_repaired_pv(struct volume_group *vg, struct device *dev,
						const struct pv_label *lb, int have_label,
						const struct pvck_settings *st)
{
	struct physical_volume *pv;

	if (st->have_uuid)
		return vg_find_pv_by_id(vg, &st->pv_uuid);
	if (have_label)
		return vg_find_pv_by_id(vg, &lb->pv_id);
	TAILQ_FOREACH(pv, &vg->pvs, list)
		if (pv->dev_hint && !strcmp(pv->dev_hint, dev->path))
			return pv;
	return NULL;
}

static int fill_label(struct device *dev, const struct physical_volume *pv, struct pv_label *lb,
		      int have_label)
{
	uint64_t dev_size;

	if (dev_get_size(dev, &dev_size))
		return -1;
	lb->pv_id = pv->id;
	lb->data_area.offset = pv->pe_start * SECTOR_SIZE;
	lb->data_area.size = 0;
	if (lb->mda_count && !lb->mdas[0].size && lb->data_area.offset > lb->mdas[0].offset)
		lb->mdas[0].size = lb->data_area.offset - lb->mdas[0].offset;
	if (lb->mda_count && !lb->mdas[0].size) {
		log_error("Cannot work out the metadata area size of %s.", dev->path);
		return -1;
	}
	if (!have_label) {
		lb->device_size = dev_size;
		lb->has_ba = pv->ba_size != 0;
		lb->ba.offset = pv->ba_start * SECTOR_SIZE;
		lb->ba.size = pv->ba_size * SECTOR_SIZE;
	}
	lb->ext_version = PV_HEADER_EXT_VERSION;
	lb->ext_flags |= PV_EXT_USED;
	return 0;
}

static void print_repair_plan(struct device *dev, const struct pv_label *lb)
{
	unsigned char sec[SECTOR_SIZE];

	label_encode(lb, sec);
	log_print("Writing label_header.crc 0x%x pv_header uuid %s device_size %llu",
		  get_le32(sec + LABEL_CRC_START - 4), lb->pv_id.uuid,
		  (unsigned long long)lb->device_size);
	log_print("Writing data_offset %llu mda1_offset %llu mda1_size %llu "
		  "mda2_offset %llu mda2_size %llu", (unsigned long long)lb->data_area.offset,
		  (unsigned long long)lb->mdas[0].offset, (unsigned long long)lb->mdas[0].size,
		  (unsigned long long)(lb->mda_count > 1 ? lb->mdas[1].offset : 0),
		  (unsigned long long)(lb->mda_count > 1 ? lb->mdas[1].size : 0));
	(void)dev;
}

/* Label, then each area's text at its start, then its header. */
static int write_repair(struct device *dev, const struct pv_label *lb, const char *text,
			size_t len)
{
	unsigned i;

	if (label_write(dev, lb))
		return -1;
	for (i = 0; i < lb->mda_count; i++) {
		struct mda_header h;

		mda_header_init(&h, lb->mdas[i].offset, lb->mdas[i].size);
		if (mda_write_text(dev, &h, text, len, &h.slot[0]))
			return -1;
		log_print("Writing metadata at %llu length %llu crc 0x%x mda%u",
			  (unsigned long long)(h.start + h.slot[0].offset),
			  (unsigned long long)h.slot[0].size, h.slot[0].checksum, i + 1);
		if (mda_header_write(dev, &h))
			return -1;
		log_print("Writing mda_header at %llu mda%u", (unsigned long long)h.start, i + 1);
	}
	return 0;
}

/* Settings override what the label or the metadata says. */
static void apply_layout_settings(struct pv_label *lb, const struct pvck_settings *st)
{
	if (st->have_mda && !st->mda_size) {
		lb->mda_count = 0;	/* LVM2: zero means no metadata areas */
	} else if (st->have_mda) {
		lb->mdas[0].offset = st->mda_offset;
		lb->mdas[0].size = st->mda_size;
		if (!lb->mda_count)
			lb->mda_count = 1;
	}
	if (!lb->mda_count)
		memset(lb->mdas, 0, sizeof(lb->mdas));
}

static int repair_pv(struct cmd_context *cmd, struct device *dev, const struct pvck_settings *st)
{
	struct pv_label lb;
	struct strbuf sb;
	struct volume_group *vg = NULL;
	struct physical_volume *pv;
	int have_label, r = -1;

	have_label = label_read(dev, &lb);
	if (have_label < 0)
		return -1;
	guess_layout(dev, &lb, have_label);
	apply_layout_settings(&lb, st);
	strbuf_init(&sb, 0);
	if (read_file_logged(arg_str(cmd, OPT_FILE, NULL), &sb))
		goto out;
	vg = vg_import_text(sb.buf ? sb.buf : "", sb.len, dev->path);
	if (!vg)
		goto out;
	pv = find_repaired_pv(vg, dev, &lb, have_label, st);
	if (!pv) {
		log_error("Cannot find PV %s in the metadata of VG %s%s.", dev->path, vg->name,
			  st->have_uuid ? " (by its pv_uuid setting)" : ": set pv_uuid=");
		goto out;
	}
	if (fill_label(dev, pv, &lb, have_label))
		goto out;
	if (st->have_device_size)
		lb.device_size = st->device_size;
	if (st->have_data_offset)
		lb.data_area.offset = st->data_offset;
	print_repair_plan(dev, &lb);
	if (!cmd_confirm(cmd, "Write new LVM header to %s? ", dev->path))
		goto out;
	r = cmd->test_mode ? 0 : write_repair(dev, &lb, sb.buf, sb.len);
out:
	if (vg)
		vg_free(vg);
	strbuf_release(&sb);
	return r;
}

static int repair_path(struct cmd_context *cmd, struct device *dev,
		       const struct pvck_settings *st)
{
	int r;

	if (dev_open(dev, !cmd->test_mode))
		return -1;
	r = repair_pv(cmd, dev, st);
	dev_close(dev);
	return r;
}

/*
 * The device path names, or NULL after reporting in LVM2's words, which
 * vary with the mode.  *failed is set when that makes the command fail:
 * LVM2's plain check passes over an unusable device unless it is a lone
 * path that does not exist or is no device at all.
 */
static struct device *pvck_device(struct cmd_context *cmd, const char *path, int dump,
				  int *failed)
{
	const char *why = dev_reason_not_found;
	struct device *dev = dev_cache_get(cmd->dc, path, &why);
	int lone = cmd->argc == 1;

	if (dev)
		return dev;
	if (dump && why == dev_reason_not_found)
		log_error("Cannot access %s.", path);
	else if (!dump && lone && why == dev_reason_not_found)
		log_error("Cannot access device %s.", path);
	else if (!dump && lone && why == dev_reason_bad_type)
		log_error("Invaild device type %s.", path);	/* sic, as LVM2 */
	else {
		log_error("Cannot use %s: %s.", path, why);
		if (!dump)
			return NULL;
	}
	*failed = 1;
	return NULL;
}

static int is_dump(const char *dump, const char *what)
{
	return dump && !strcmp(dump, what);
}

int cmd_pvck(struct cmd_context *cmd)
{
	const char *dump = arg_str(cmd, OPT_DUMP, NULL);
	int i, failed = 0, all = is_dump(dump, "metadata_all");
	int search = is_dump(dump, "metadata_search");
	struct pvck_settings st;
	struct device *dev;

	if (dump && !is_dump(dump, "headers") && !is_dump(dump, "metadata") && !all && !search) {
		log_error("Unknown --dump value %s (headers, metadata, metadata_all, "
			  "metadata_search).", dump);
		return EXIT_BAD_CMDLINE;
	}
	if (!cmd->argc) {
		log_error("Please specify a physical volume.");
		return EXIT_BAD_CMDLINE;
	}
	/* LVM2's usages with --dump or --repair take one PV. */
	if ((dump || arg_is_set(cmd, OPT_REPAIR)) && cmd->argc > 1) {
		log_error("Command does not accept argument: %s.", cmd->argv[1]);
		return EXIT_BAD_CMDLINE;
	}
	/* As LVM2: no usage of pvck takes --repair without a metadata file. */
	if (arg_is_set(cmd, OPT_REPAIR) && !arg_is_set(cmd, OPT_FILE)) {
		log_error("Command does not accept option: --repair.");
		log_error("Use --repair with -f|--file: metadata saved by pvck --dump "
			  "(from this or another PV of the VG) or a backup file.");
		return EXIT_BAD_CMDLINE;
	}
	if (parse_settings(cmd, &st))
		return EXIT_FAILED;
	if (arg_is_set(cmd, OPT_REPAIR)) {
		if (dump) {
			log_error("--repair takes no --dump.");
			return EXIT_BAD_CMDLINE;
		}
		dev = pvck_device(cmd, cmd->argv[0], 0, &failed);
		if (failed)
			log_error("Failed to set up device %s.", cmd->argv[0]);
		/* nothing repaired is a failure, whatever the wording */
		return !dev || repair_path(cmd, dev, &st) ? EXIT_FAILED : EXIT_OK;
	}
	for (i = 0; i < cmd->argc; i++) {
		dev = pvck_device(cmd, cmd->argv[i], dump != NULL, &failed);
		if (!dev)
			continue;
		if (all || search)
			failed |= dump_all_pv(cmd, dev, search, &st) != 0;
		else
			failed |= check_pv(cmd, dev, dump, &st) != 0;
	}
	return failed ? EXIT_FAILED : EXIT_OK;
}

const struct command_def cmddef_pvck = {
	"pvck", cmd_pvck, "Check metadata on physical volumes",
	"  pvck PV ...\n"
	"\t[ COMMON_OPTIONS ]\n"
	"  pvck --dump headers|metadata|metadata_all|metadata_search PV\n"
	"\t[ -f|--file String ]\n"
	"\t[ --settings String ]\n"
	"  pvck --repair -f|--file String PV\n"
	"\t[ --settings String ]\n"
	"\t[ COMMON_OPTIONS ]\n",
	(const enum option_id[]){ OPT_DUMP, OPT_REPAIR, OPT_FILE, OPT_SETTINGS, OPT_YES,
				  OPT_COUNT }, 1, -1
};
