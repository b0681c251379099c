#include "cmd/vgcommon.h"

#include <string.h>

#include "cmd/pvcommon.h"
#include "cmd/toolcontext.h"
#include "device/device.h"
#include "format/ondisk.h"
#include "metadata/metadata.h"
#include "metadata/pv_layout.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/units.h"

const char *extent_size_invalid(uint64_t sectors)
{
	if (!sectors)
		return "must be positive";
	if (sectors > UINT32_MAX)
		return "too large";
	/* LVM2 accepts any power of two, or any multiple of 128 KiB. */
	if ((sectors & (sectors - 1)) && sectors % 256)
		return "must be a power of 2 or a multiple of 128 KiB";
	return NULL;
}

int vg_alloc_from_args(struct cmd_context *cmd, enum alloc_policy *alloc)
{
	const char *v = arg_str(cmd, OPT_ALLOC, NULL);
	enum alloc_policy a;

	if (!v)
		return 0;
	/* A VG has a real policy; "inherit" only makes sense for LVs. */
	if (alloc_policy_parse(v, &a) || a == ALLOC_INHERIT) {
		log_error("Invalid allocation policy: %s", v);
		return -1;
	}
	*alloc = a;
	return 0;
}

int vg_copies_from_args(struct cmd_context *cmd, uint32_t *copies)
{
	const char *v = arg_str(cmd, OPT_VGMETADATACOPIES, arg_str(cmd, OPT_METADATACOPIES, NULL));

	if (!v)
		return 0;
	if (!strcmp(v, "all") || !strcmp(v, "unmanaged")) {
		*copies = 0;
		return 0;
	}
	if (parse_uint32(v, copies)) {
		log_error("Invalid argument for --vgmetadatacopies: %s", v);
		return -1;
	}
	return 0;
}

int vg_tags_from_args(struct cmd_context *cmd, struct volume_group *vg, struct strv *tags)
{
	const struct arg_value *add = &cmd->args[OPT_ADDTAG], *del = &cmd->args[OPT_DELTAG];
	unsigned i;

	for (i = 0; i < add->nvalues; i++) {
		const char *why = tag_invalid(add->values[i]);

		if (why) {
			log_error("Invalid tag %s: %s.", add->values[i], why);
			return -1;
		}
		if (!strv_contains(tags, add->values[i]))
			strv_add(vg->mem, tags, pool_strdup(vg->mem, add->values[i]));
	}
	for (i = 0; i < del->nvalues; i++)
		strv_remove(tags, del->values[i]);
	return 0;
}

int vg_add_device(struct cmd_context *cmd, struct volume_group *vg, const char *path,
		  const struct pv_create_params *params)
{
	struct pv_info *info = pv_get_orphan(cmd, path, params);
	struct physical_volume *pv;
	uint64_t size;

	if (!info)
		return -1;
	if (vg_find_pv_by_id(vg, &info->label.pv_id)) {
		log_error("Physical volume %s listed more than once.", info->dev->path);
		return -1;
	}
	if (dev_get_size(info->dev, &size))
		return -1;
	pv = vg_add_pv(vg, &info->label.pv_id);
	pv_attach_info(pv, info);
	pv->status = PV_ALLOCATABLE;
	pv->dev_hint = pool_strdup(vg->mem, info->dev->path);
	pv->dev_size = info->label.device_size / SECTOR_SIZE;
	pv->pe_start = info->label.data_area.offset / SECTOR_SIZE;
	pv->pe_count = pv_layout_extents(&info->label, info->label.device_size, vg->extent_size);
	if (info->label.has_ba) {
		pv->ba_start = info->label.ba.offset / SECTOR_SIZE;
		pv->ba_size = info->label.ba.size / SECTOR_SIZE;
	}
	if (!pv->pe_count) {
		log_error("%s: too small for an extent of %u sectors.", info->dev->path,
			  vg->extent_size);
		return -1;
	}
	vg_recount(vg);
	return 0;
}

int vg_mark_pvs_used(struct cmd_context *cmd, struct volume_group *vg)
{
	struct physical_volume *pv;

	TAILQ_FOREACH(pv, &vg->pvs, list) {
		struct pv_info *info = pv->dev ? scan_find_dev(cmd->scan, pv->dev) : NULL;

		if (info && pv_set_used(info, 1, cmd->test_mode))
			return -1;
	}
	return 0;
}

struct physical_volume *vg_find_pv_arg(struct cmd_context *cmd, struct volume_group *vg,
				       const char *path)
{
	struct device *dev = cmd_get_device(cmd, path);
	struct physical_volume *pv;

	if (!dev)
		return NULL;
	pv = vg_find_pv_by_dev(vg, dev);
	if (!pv)
		log_error("Failed to find physical volume \"%s\".", path);
	return pv;
}

struct physical_volume *vg_member_at(struct cmd_context *cmd, struct volume_group *vg,
				     const char *path)
{
	struct device *dev = dev_cache_get(cmd->dc, path, NULL);

	return dev ? vg_find_pv_by_dev(vg, dev) : NULL;
}

int vg_device_args_usable(struct cmd_context *cmd, int n, char *const *paths)
{
	struct device **devs = POOL_ARRAY(cmd->mem, struct device *, n > 0 ? (size_t)n : 1);
	int existing;

	if (!pv_lookup_args(cmd, n, paths, devs, &existing))
		return 0;
	/* LVM2 stops early, without this line, when no path names a device */
	if (existing)
		log_error("Command requires all devices to be found.");
	return -1;
}
