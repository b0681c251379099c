/*
 * The VG model: construction, lookup and derived counts.
 *
 * The LV name hash and the PV id hash mirror the two lists; every function
 * here that touches a list updates its hash in the same step, so lookups
 * stay O(1) for VGs with thousands of LVs.
 */
#include <string.h>

#include "metadata/metadata.h"
#include "misc/hash.h"
#include "misc/log.h"
#include "misc/pool.h"

/* Table order is the order LVM writes the words in. */
const struct status_word vg_status_words[] = {
	{ "EXPORTED", VG_EXPORTED },
	{ "RESIZEABLE", VG_RESIZEABLE },
	{ "READ", VG_READ },
	{ "WRITE", VG_WRITE },
	{ "CLUSTERED", VG_CLUSTERED },
	{ "SHARED", VG_SHARED },
	{ "PVMOVE", VG_PVMOVE },
	{ "PARTIAL", VG_PARTIAL },
	{ NULL, 0 },
};

const struct status_word vg_flag_words[] = {
	{ "WRITE_LOCKED", VG_F_WRITE_LOCKED },
	{ "NOAUTOACTIVATE", VG_F_NOAUTOACTIVATE },
	{ NULL, 0 },
};

const struct status_word pv_status_words[] = {
	{ "ALLOCATABLE", PV_ALLOCATABLE },
	{ "EXPORTED", PV_EXPORTED },
	{ "MISSING", PV_MISSING },
	{ NULL, 0 },
};

const struct status_word pv_flag_words[] = {
	{ "MISSING", PV_F_MISSING },
	{ NULL, 0 },
};

const struct status_word lv_status_words[] = {
	{ "READ", LV_READ },
	{ "WRITE", LV_WRITE },
	{ "FIXED_MINOR", LV_FIXED_MINOR },
	{ "VISIBLE", LV_VISIBLE },
	{ "PVMOVE", LV_PVMOVE },
	{ "LOCKED", LV_LOCKED },
	{ "NOTSYNCED", LV_NOTSYNCED },
	{ "REBUILD", LV_REBUILD },
	{ "WRITEMOSTLY", LV_WRITEMOSTLY },
	{ NULL, 0 },
};

const struct status_word lv_flag_words[] = {
	{ "WRITE_LOCKED", LV_F_WRITE_LOCKED },
	{ "ACTIVATION_SKIP", LV_F_ACTIVATION_SKIP },
	{ "NOAUTOACTIVATE", LV_F_NOAUTOACTIVATE },
	{ "ERROR_WHEN_FULL", LV_F_ERROR_WHEN_FULL },
	{ "CACHE_VOL", LV_F_CACHE_VOL },
	{ NULL, 0 },
};

static const char *const alloc_names[] = {
	[ALLOC_INHERIT] = "inherit",
	[ALLOC_CONTIGUOUS] = "contiguous",
	[ALLOC_CLING] = "cling",
	[ALLOC_CLING_BY_TAGS] = "cling_by_tags",
	[ALLOC_NORMAL] = "normal",
	[ALLOC_ANYWHERE] = "anywhere",
};

const char *alloc_policy_name(enum alloc_policy a)
{
	if ((unsigned)a >= sizeof(alloc_names) / sizeof(alloc_names[0]))
		return "unknown";
	return alloc_names[a];
}

int alloc_policy_parse(const char *s, enum alloc_policy *out)
{
	for (unsigned i = 0; i < sizeof(alloc_names) / sizeof(alloc_names[0]); i++) {
		if (!strcmp(s, alloc_names[i])) {
			*out = (enum alloc_policy)i;
			return 0;
		}
	}
	return -1;
}

struct volume_group *vg_new(const char *name)
{
	struct pool *mem = pool_create("vg");
	struct volume_group *vg = POOL_NEW(mem, struct volume_group);

	vg->mem = mem;
	vg->name = pool_strdup(mem, name);
	vg->alloc = ALLOC_NORMAL;
	vg->extent_size = 8192;
	TAILQ_INIT(&vg->pvs);
	TAILQ_INIT(&vg->lvs);
	vg->lv_names = hash_create(64);
	vg->pv_ids = hash_create(16);
	return vg;
}

void vg_free(struct volume_group *vg)
{
	if (!vg)
		return;
	hash_destroy(vg->lv_names);
	hash_destroy(vg->pv_ids);
	pool_destroy(vg->mem);
}

/* Returns NULL when a PV with that id is already in the VG. */
struct physical_volume *vg_add_pv(struct volume_group *vg, const struct lvm_id *id)
{
	struct physical_volume *pv;

	if (hash_lookup(vg->pv_ids, id->uuid))
		return NULL;
	pv = POOL_NEW(vg->mem, struct physical_volume);
	pv->vg = vg;
	pv->id = *id;
	pv->index = vg->pv_count++;
	TAILQ_INSERT_TAIL(&vg->pvs, pv, list);
	hash_insert(vg->pv_ids, pv->id.uuid, pv);
	return pv;
}

void vg_remove_pv(struct volume_group *vg, struct physical_volume *pv)
{
	struct physical_volume *p;
	unsigned i = 0;

	hash_remove(vg->pv_ids, pv->id.uuid);
	TAILQ_REMOVE(&vg->pvs, pv, list);
	vg->pv_count--;
	pv->vg = NULL;
	TAILQ_FOREACH(p, &vg->pvs, list)
		p->index = i++;
}

void vg_set_pv_id(struct volume_group *vg, struct physical_volume *pv, const struct lvm_id *id)
{
	/* The hash key is the id's own storage: unhook before changing it. */
	hash_remove(vg->pv_ids, pv->id.uuid);
	pv->id = *id;
	hash_insert(vg->pv_ids, pv->id.uuid, pv);
}

struct physical_volume *vg_find_pv_by_id(const struct volume_group *vg, const struct lvm_id *id)
{
	return hash_lookup(vg->pv_ids, id->uuid);
}

struct physical_volume *vg_find_pv_by_dev(const struct volume_group *vg, const struct device *dev)
{
	struct physical_volume *pv;

	TAILQ_FOREACH(pv, &vg->pvs, list)
		if (pv->dev == dev)
			return pv;
	return NULL;
}

/* Returns NULL when the name is taken. */
struct logical_volume *vg_add_lv(struct volume_group *vg, const char *name)
{
	struct logical_volume *lv, *last;

	if (hash_lookup(vg->lv_names, name))
		return NULL;
	lv = POOL_NEW(vg->mem, struct logical_volume);
	lv->vg = vg;
	lv->name = pool_strdup(vg->mem, name);
	lv->alloc = ALLOC_INHERIT;
	lv->read_ahead = READ_AHEAD_AUTO;
	lv->major = lv->minor = -1;
	TAILQ_INIT(&lv->segments);
	last = TAILQ_LAST(&vg->lvs, lv_list);
	lv->index = last ? last->index + 1 : 0;
	TAILQ_INSERT_TAIL(&vg->lvs, lv, list);
	vg->lv_count++;
	hash_insert(vg->lv_names, lv->name, lv);
	return lv;
}

void vg_remove_lv(struct volume_group *vg, struct logical_volume *lv)
{
	hash_remove(vg->lv_names, lv->name);
	TAILQ_REMOVE(&vg->lvs, lv, list);
	vg->lv_count--;
	lv->vg = NULL;
}

struct logical_volume *vg_find_lv(const struct volume_group *vg, const char *name)
{
	return hash_lookup(vg->lv_names, name);
}

int vg_rename_lv(struct volume_group *vg, struct logical_volume *lv, const char *new_name)
{
	if (!strcmp(lv->name, new_name))
		return 0;
	if (hash_lookup(vg->lv_names, new_name)) {
		log_error("Logical volume \"%s\" already exists in volume group \"%s\"",
			  new_name, vg->name);
		return -1;
	}
	hash_remove(vg->lv_names, lv->name);
	lv->name = pool_strdup(vg->mem, new_name);
	hash_insert(vg->lv_names, lv->name, lv);
	return 0;
}

/* The common types get literals so 10,000 segments share one string. */
static const char *intern_type(struct pool *mem, const char *type)
{
	static const char *const common[] = { "striped", "zero", "error", "snapshot",
		"thin", "thin-pool", "mirror", "raid1", NULL };

	for (unsigned i = 0; common[i]; i++)
		if (!strcmp(type, common[i]))
			return common[i];
	return pool_strdup(mem, type);
}

struct lv_segment *lv_add_segment(struct logical_volume *lv, const char *type,
				  uint32_t len, uint32_t area_count)
{
	struct pool *mem = lv->vg->mem;
	struct lv_segment *seg = POOL_NEW(mem, struct lv_segment);

	seg->lv = lv;
	seg->le = lv->le_count;
	seg->len = len;
	seg->type = intern_type(mem, type);
	seg->area_count = area_count;
	if (area_count)
		seg->areas = POOL_ARRAY(mem, struct seg_area, area_count);
	TAILQ_INSERT_TAIL(&lv->segments, seg, list);
	lv->le_count += len;
	lv->seg_count++;
	return seg;
}

void lv_remove_last_segment(struct logical_volume *lv)
{
	struct lv_segment *seg = TAILQ_LAST(&lv->segments, segment_list);

	if (!seg)
		return;
	TAILQ_REMOVE(&lv->segments, seg, list);
	lv->le_count -= seg->len;
	lv->seg_count--;
}

static void count_pv_usage(struct lv_segment *seg)
{
	if (!seg_is_striped(seg) || !seg->area_count)
		return;
	for (uint32_t a = 0; a < seg->area_count; a++) {
		struct seg_area *area = &seg->areas[a];

		if (area->type == AREA_PV && area->u.pv.pv)
			area->u.pv.pv->pe_alloc_count += seg->len / seg->area_count;
	}
}

void vg_recount(struct volume_group *vg)
{
	struct physical_volume *pv;
	struct logical_volume *lv;
	struct lv_segment *seg;
	unsigned i = 0;

	TAILQ_FOREACH(pv, &vg->pvs, list) {
		pv->pe_alloc_count = 0;
		pv->index = i++;
	}
	vg->pv_count = i;
	i = 0;
	TAILQ_FOREACH(lv, &vg->lvs, list) {
		uint32_t le = 0, n = 0;

		TAILQ_FOREACH(seg, &lv->segments, list) {
			seg->le = le;
			le += seg->len;
			n++;
			count_pv_usage(seg);
		}
		lv->le_count = le;
		lv->seg_count = n;
		i++;
	}
	vg->lv_count = i;
}

uint64_t vg_extent_count(const struct volume_group *vg)
{
	const struct physical_volume *pv;
	uint64_t n = 0;

	TAILQ_FOREACH(pv, &vg->pvs, list)
		n += pv->pe_count;
	return n;
}

/* Uses the pe_alloc_count values of the last vg_recount(). */
uint64_t vg_free_count(const struct volume_group *vg)
{
	const struct physical_volume *pv;
	uint64_t n = 0;

	TAILQ_FOREACH(pv, &vg->pvs, list)
		if (pv->pe_count > pv->pe_alloc_count)
			n += pv->pe_count - pv->pe_alloc_count;
	return n;
}

int lv_is_visible(const struct logical_volume *lv)
{
	return (lv->status & LV_VISIBLE) != 0;
}

int seg_is_striped(const struct lv_segment *seg)
{
	return !strcmp(seg->type, "striped");
}
