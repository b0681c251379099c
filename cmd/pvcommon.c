#include "cmd/pvcommon.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd/toolcontext.h"
#include "device/device.h"
#include "format/label.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"
#include "misc/units.h"
#include "format/text.h"
#include "format/mda.h"

int pv_params_from_args(struct cmd_context *cmd, struct pv_create_params *p)
{
	uint64_t v;
	uint32_t copies;

	pv_create_defaults(p);
	if (arg_uint64(cmd, OPT_LABELSECTOR, LABEL_DEFAULT_SECTOR, &p->label_sector))
		return -1;
	if (p->label_sector >= LABEL_SCAN_SECTORS) {
		log_error("--labelsector must be between 0 and %d.", LABEL_SCAN_SECTORS - 1);
		return -1;
	}
	copies = (uint32_t)cmd_config_int(cmd, "metadata/pvmetadatacopies", 1);
	if (arg_is_set(cmd, OPT_METADATACOPIES) &&
	    parse_uint32(arg_str(cmd, OPT_METADATACOPIES, "1"), &copies)) {
		log_error("Invalid argument for --metadatacopies: %s",
			  arg_str(cmd, OPT_METADATACOPIES, ""));
		return -1;
	}
	if (arg_uint32(cmd, OPT_PVMETADATACOPIES, copies, &copies))
		return -1;
	if (copies > 2) {
		log_error("--pvmetadatacopies must be 0, 1 or 2.");
		return -1;
	}
	p->mda_copies = copies;
	if (arg_size_sectors(cmd, OPT_METADATASIZE, 'm', 0, &v))
		return -1;
	if (v)
		p->mda_request = v * SECTOR_SIZE;
	if (arg_size_sectors(cmd, OPT_DATAALIGNMENT, 'k', 0, &v))
		return -1;
	if (v)
		p->data_alignment = v * SECTOR_SIZE;
	if (arg_size_sectors(cmd, OPT_DATAALIGNMENTOFFSET, 'k', 0, &v))
		return -1;
	p->data_alignment_offset = v * SECTOR_SIZE;
	if (arg_size_sectors(cmd, OPT_BOOTLOADERAREASIZE, 'm', 0, &v))
		return -1;
	p->ba_size = v * SECTOR_SIZE;
	if (arg_yesno(cmd, OPT_METADATAIGNORE, 0, &p->metadata_ignore))
		return -1;
	if (arg_is_set(cmd, OPT_METADATATYPE) && strcmp(arg_str(cmd, OPT_METADATATYPE, ""), "lvm2") &&
	    strcmp(arg_str(cmd, OPT_METADATATYPE, ""), "2")) {
		log_error("Only the lvm2 metadata format is supported.");
		return -1;
	}
	return 0;
}

static int check_signatures(struct cmd_context *cmd, struct device *dev)
{
	struct dev_signature *sig, *list = NULL;
	int found = 0;

	if (dev_find_signatures(dev, cmd->mem, &list))
		return -1;
	for (sig = list; sig; sig = sig->next) {
		if (!strcmp(sig->type, "LVM2_member"))
			continue;
		found = 1;
		if (!arg_is_set(cmd, OPT_YES) && !arg_is_set(cmd, OPT_FORCE) &&
		    !cmd_confirm(cmd, "WARNING: %s signature detected on %s at offset %llu. Wipe it?",
				 sig->type, dev->path, (unsigned long long)sig->offset)) {
			log_error("%s signature detected on %s at offset %llu: use -y to wipe it, or wipefs.",
				  sig->type, dev->path, (unsigned long long)sig->offset);
			return -1;
		}
		log_print("Wiping %s signature on %s.", sig->type, dev->path);
	}
	if (found && !cmd->test_mode && dev_wipe_signatures(dev))
		return -1;
	return 0;
}

static int check_not_in_vg(struct cmd_context *cmd, struct pv_info *info, const char *path)
{
	if (!info)
		return 0;
	scan_resolve_members(cmd->scan);
	if (!info->vg)
		return 0;
	if (arg_count(cmd, OPT_FORCE) < 2) {
		log_error("Can't initialize physical volume \"%s\" of volume group \"%s\" without -ff",
			  path, info->vg->name);
		return -1;
	}
	if (!cmd_confirm(cmd, "Really INITIALIZE physical volume \"%s\" of volume group \"%s\"?",
			 path, info->vg->name)) {
		log_error("%s: physical volume not initialized.", path);
		return -1;
	}
	log_warn("Forcing physical volume creation on %s of volume group \"%s\"", path,
		 info->vg->name);
	return 0;
}

/* --uuid: valid, and not the id of another PV (two disks, one identity). */
static int check_new_uuid(struct cmd_context *cmd, struct device *dev, struct lvm_id *id)
{
	const char *arg = arg_str(cmd, OPT_UUID, "");
	struct pv_info *other;

	if (id_parse(id, arg)) {
		log_error("Invalid UUID: %s", arg);
		return -1;
	}
	other = scan_find_pv(cmd->scan, id);
	if (other && other->dev != dev) {
		log_error("uuid %s already in use on \"%s\"", arg, other->dev->path);
		return -1;
	}
	return 0;
}

/*
 * --restorefile: the data area must start where the backup says, so that
 * the extents of the PV being rebuilt line up with its LVs again.
 */
static int layout_from_backup(struct cmd_context *cmd, struct pv_label *label)
{
	const char *file = arg_str(cmd, OPT_RESTOREFILE, "");
	struct strbuf text = STRBUF_INIT;
	struct volume_group *vg;
	struct physical_volume *pv;
	uint64_t pe_start;
	int r = -1;

	if (read_file_logged(file, &text))
		return -1;
	vg = vg_import_text(text.buf, text.len, file);
	strbuf_release(&text);
	if (!vg)
		return -1;
	pv = vg_find_pv_by_id(vg, &label->pv_id);
	if (!pv) {
		log_error("Can't find uuid %s in backup file %s", arg_str(cmd, OPT_UUID, ""), file);
		goto out;
	}
	pe_start = pv->pe_start * SECTOR_SIZE;
	if (label->mda_count && pe_start <= label->mdas[0].offset + MDA_MIN_SIZE) {
		log_error("Backup file %s puts the data area of %s too early for a metadata area.",
			  file, arg_str(cmd, OPT_UUID, ""));
		goto out;
	}
	if (label->mda_count)
		label->mdas[0].size = pe_start - label->mdas[0].offset;
	label->data_area.offset = pe_start;
	if (pv->ba_size) {
		label->has_ba = 1;
		label->ba.offset = pv->ba_start * SECTOR_SIZE;
		label->ba.size = pv->ba_size * SECTOR_SIZE;
		if (label->mda_count)
			label->mdas[0].size = label->ba.offset - label->mdas[0].offset;
	}
	r = 0;
out:
	vg_free(vg);
	return r;
}

int pv_create_checked(struct cmd_context *cmd, struct device *dev,
		      const struct pv_create_params *params, int explicit_pvcreate)
{
	struct pv_create_params p = *params;
	struct pv_info *info = scan_find_dev(cmd->scan, dev);
	struct pv_label label;
	uint64_t size;
	int zero, flags;

	(void)explicit_pvcreate;
	/*
	 * The man page of LVM2 says --uuid and --restorefile turn the wipe
	 * off, but 2.03 wipes sectors 0..3 unless -Zn: so do we.
	 */
	if (arg_yesno(cmd, OPT_ZERO, 1, &zero))
		return -1;
	if (check_not_in_vg(cmd, info, dev->path))
		return -1;
	if (dev_get_size(dev, &size))
		return -1;
	if (arg_is_set(cmd, OPT_SETPHYSICALVOLUMESIZE)) {
		uint64_t s;

		if (arg_size_sectors(cmd, OPT_SETPHYSICALVOLUMESIZE, 'm', 0, &s))
			return -1;
		if (s * SECTOR_SIZE > size && !cmd_confirm(cmd, "WARNING: %s: device is smaller "
				"than --setphysicalvolumesize. Continue?", dev->path)) {
			log_error("%s: --setphysicalvolumesize is larger than the device.", dev->path);
			return -1;
		}
		size = s * SECTOR_SIZE;
	}
	p.dev_size = size;
	if (!arg_is_set(cmd, OPT_UUID) && id_create(&p.id)) {
		log_error("Failed to generate a UUID for %s.", dev->path);
		return -1;
	}
	if (arg_is_set(cmd, OPT_UUID) && check_new_uuid(cmd, dev, &p.id))
		return -1;
	if (pv_layout(&p, dev->path, &label))
		return -1;
	if (arg_is_set(cmd, OPT_RESTOREFILE) && layout_from_backup(cmd, &label))
		return -1;
	if (check_signatures(cmd, dev))
		return -1;
	if (cmd->test_mode)
		return 0;
	if (info)
		scan_forget(cmd->scan, info);
	flags = (p.metadata_ignore ? PV_WRITE_MDA_IGNORED : 0) |
		(zero ? 0 : PV_WRITE_KEEP_SECTORS);
	if (pv_write_new(dev, &label, flags))
		return -1;
	if (!scan_device(cmd->scan, dev)) {
		log_error("Cannot read back the new label on %s.", dev->path);
		return -1;
	}
	return 0;
}

struct pv_info *pv_get_orphan(struct cmd_context *cmd, const char *path,
			      const struct pv_create_params *params)
{
	struct device *dev = cmd_get_device(cmd, path);
	struct pv_info *info;

	if (!dev)
		return NULL;
	info = scan_find_dev(cmd->scan, dev);
	if (info) {
		scan_resolve_members(cmd->scan);
		if (info->vg) {
			log_error("Physical volume '%s' is already in volume group '%s'", dev->path,
				  info->vg->name);
			return NULL;
		}
		return info;
	}
	if (pv_create_checked(cmd, dev, params, 0))
		return NULL;
	if (cmd->test_mode) {
		log_error("Test mode: cannot continue without creating PV %s.", dev->path);
		return NULL;
	}
	log_print("Physical volume \"%s\" successfully created.", dev->path);
	return scan_find_dev(cmd->scan, dev);
}

static int no_such_device(const char *why)
{
	return why == dev_reason_not_found || why == dev_reason_bad_type;
}

int pv_lookup_args(struct cmd_context *cmd, int n, char *const *paths, struct device **devs,
		   int *existing)
{
	const char **why = POOL_ARRAY(cmd->mem, const char *, n > 0 ? (size_t)n : 1);
	int i, bad = 0, named = 0;

	for (i = 0; i < n; i++) {
		why[i] = dev_reason_not_found;
		devs[i] = dev_cache_get(cmd->dc, paths[i], &why[i]);
		bad += !devs[i];
		named += devs[i] || !no_such_device(why[i]);
	}
	if (existing)
		*existing = named;
	for (i = 0; i < n; i++)
		if (!devs[i] && no_such_device(why[i]))
			log_error("No device found for %s.", paths[i]);
	for (i = 0; i < n; i++)
		if (!devs[i] && !no_such_device(why[i]))
			log_error("Cannot use %s: %s", paths[i], why[i]);
	return bad;
}
