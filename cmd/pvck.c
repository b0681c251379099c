/*
 * pvck: checks the label, PV header and metadata areas of PVs, and dumps
 * them (--dump headers|metadata) in LVM2's layout.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "device/device.h"
#include "format/label.h"
#include "format/mda.h"
#include "format/text.h"
#include "misc/log.h"
#include "misc/pool.h"

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

static int check_pv(struct cmd_context *cmd, const char *path, const char *dump)
{
	struct device *dev = cmd_get_device(cmd, path);
	struct pv_label lb;
	unsigned char sec[SECTOR_SIZE];
	unsigned i;
	int r, failed = 0;

	if (!dev || dev_open(dev, 0))
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
		failed |= check_mda(cmd, dev, &lb.mdas[i], i + 1, dump) != 0;
	dev_close(dev);
	return failed ? -1 : 0;
}

int cmd_pvck(struct cmd_context *cmd)
{
	const char *dump = arg_str(cmd, OPT_DUMP, NULL);
	int i, failed = 0;

	if (arg_is_set(cmd, OPT_REPAIR)) {
		log_error("pvck --repair is not implemented.");
		return EXIT_FAILED;
	}
	if (dump && strcmp(dump, "headers") && strcmp(dump, "metadata")) {
		log_error("pvck --dump %s is not implemented (headers, metadata are).", dump);
		return EXIT_FAILED;
	}
	if (!cmd->argc) {
		log_error("Please specify a physical volume.");
		return EXIT_BAD_CMDLINE;
	}
	for (i = 0; i < cmd->argc; i++)
		failed |= check_pv(cmd, cmd->argv[i], dump) != 0;
	return failed ? EXIT_FAILED : EXIT_OK;
}

const struct command_def cmddef_pvck = {
	"pvck", cmd_pvck, "Check metadata on physical volumes",
	"  pvck PV ...\n"
	"\t[ --dump headers|metadata|metadata_all|metadata_search ]\n"
	"\t[ --repair ]\n"
	"\t[ -f|--file String ]\n"
	"\t[ COMMON_OPTIONS ]\n",
	(const enum option_id[]){ OPT_DUMP, OPT_REPAIR, OPT_FILE, OPT_YES, OPT_COUNT }, 1, -1
};
