/*
 * The in-memory model of a volume group.
 *
 * A VG and everything hanging off it (PVs, LVs, segments, strings) lives in
 * the VG's pool; dropping the VG is pool_destroy(vg->mem) plus the name
 * hash.  Units follow the text metadata: sizes in 512-byte sectors, extent
 * counts in extents.
 *
 * Invariants (checked by vg_validate() before every write):
 *  - VG, LV names valid; LV names unique (lv_names mirrors the LV list);
 *  - PV ids unique; every PV's pe_start + pe_count * extent_size fits dev_size;
 *  - each LV's segments tile 0..le_count-1 in order without gaps;
 *  - every striped area lies within its PV and no two areas overlap;
 *  - extent_count of a striped segment is a multiple of its area count.
 */
#ifndef OPENLVM_METADATA_H
#define OPENLVM_METADATA_H

#include <stdint.h>
#include <sys/queue.h>
#include <time.h>

#include "misc/list.h"
#include "misc/uuid.h"

struct pool;
struct hash;
struct device;
struct cfg_node;

/* VG status words */
#define VG_RESIZEABLE	0x001u
#define VG_READ		0x002u
#define VG_WRITE	0x004u
#define VG_EXPORTED	0x008u
#define VG_CLUSTERED	0x010u
#define VG_SHARED	0x020u
#define VG_PVMOVE	0x040u
#define VG_PARTIAL	0x080u	/* legacy, accepted on read */
/* VG flags words */
#define VG_F_WRITE_LOCKED	0x1u
#define VG_F_NOAUTOACTIVATE	0x2u

/* PV status words */
#define PV_ALLOCATABLE	0x1u
#define PV_EXPORTED	0x2u
#define PV_MISSING	0x4u
/* PV flags words */
#define PV_F_MISSING	0x1u

/* LV status words */
#define LV_READ		0x001u
#define LV_WRITE	0x002u
#define LV_FIXED_MINOR	0x004u
#define LV_VISIBLE	0x008u
#define LV_PVMOVE	0x010u
#define LV_LOCKED	0x020u
#define LV_NOTSYNCED	0x040u
#define LV_REBUILD	0x080u
#define LV_WRITEMOSTLY	0x100u
/* LV flags words */
#define LV_F_WRITE_LOCKED	0x01u
#define LV_F_ACTIVATION_SKIP	0x02u
#define LV_F_NOAUTOACTIVATE	0x04u
#define LV_F_ERROR_WHEN_FULL	0x08u
#define LV_F_CACHE_VOL		0x10u

enum alloc_policy {
	ALLOC_INHERIT = 0,	/* LVs: use the VG's; never written */
	ALLOC_CONTIGUOUS,
	ALLOC_CLING,
	ALLOC_CLING_BY_TAGS,
	ALLOC_NORMAL,
	ALLOC_ANYWHERE,
};

const char *alloc_policy_name(enum alloc_policy a);
int alloc_policy_parse(const char *s, enum alloc_policy *out);

#define READ_AHEAD_AUTO	UINT32_MAX	/* key absent */
#define READ_AHEAD_NONE	0		/* written as -1 */

/* One word table per object kind; used by import, export and reports. */
struct status_word {
	const char *name;
	uint32_t bit;
};
extern const struct status_word vg_status_words[], vg_flag_words[];
extern const struct status_word pv_status_words[], pv_flag_words[];
extern const struct status_word lv_status_words[], lv_flag_words[];

struct volume_group;
struct logical_volume;

/* A metadata area on a PV, as found in the PV header. */
struct metadata_area {
	uint64_t start;		/* bytes, absolute */
	uint64_t size;		/* bytes, whole area */
	int ignored;		/* RAW_LOCN_IGNORED in slot 0 */
	int header_ok;		/* header read and valid */
	uint64_t text_size;	/* bytes of the committed copy incl. NUL; 0 = none */
};

struct physical_volume {
	TAILQ_ENTRY(physical_volume) list;
	struct volume_group *vg;	/* NULL for orphans */
	struct lvm_id id;
	const char *key;		/* "pv0"... as read; regenerated on export */
	const char *dev_hint;		/* text "device" key; never trusted */
	const char *device_id_type, *device_id;
	struct device *dev;		/* NULL when the PV is missing */
	uint32_t status;
	uint32_t flags;
	struct strv tags;
	uint64_t dev_size;		/* sectors; 0 = not recorded */
	uint64_t pe_start;		/* sectors */
	uint32_t pe_count;
	uint64_t ba_start, ba_size;	/* sectors; 0/0 = none */
	/* From the label, not the text: */
	unsigned mda_count;
	struct metadata_area mdas[2];
	uint64_t label_sector;
	uint32_t ext_version;
	uint32_t ext_flags;
	/* Derived: */
	uint32_t pe_alloc_count;
	unsigned index;			/* position in the VG's list */
};

enum area_type { AREA_UNASSIGNED = 0, AREA_PV, AREA_LV };

struct seg_area {
	enum area_type type;
	union {
		struct { struct physical_volume *pv; uint32_t pe; } pv;
		struct { struct logical_volume *lv; uint32_t le; const char *name; } lv;
	} u;
};

/*
 * A segment.  Only "striped" (with linear = one area), "zero" and "error"
 * are modelled field by field.  Every other type (snapshot, mirror, raid*,
 * thin*, cache*, ...) is kept as the list of its type-specific keys in
 * "extra" and written back verbatim, so openlvm never loses what it does
 * not understand.
 */
struct lv_segment {
	TAILQ_ENTRY(lv_segment) list;
	struct logical_volume *lv;
	uint32_t le;			/* start_extent */
	uint32_t len;			/* extent_count */
	const char *type;		/* "striped", "raid1", ... without +FLAGS */
	const char *type_flags;		/* "+METADATA_FORMAT" etc. or NULL */
	uint32_t stripe_size;		/* sectors; striped with >1 area */
	uint32_t area_count;
	struct seg_area *areas;
	struct strv tags;
	int has_reshape_count, has_data_copies;
	uint32_t reshape_count, data_copies;
	struct cfg_node *extra;		/* type-specific keys, in order */
	const char *areas_key;		/* extra list holding LV areas ("raids"...) */
};

TAILQ_HEAD(segment_list, lv_segment);

struct logical_volume {
	TAILQ_ENTRY(logical_volume) list;
	struct volume_group *vg;
	const char *name;
	struct lvm_id id;
	uint32_t status;
	uint32_t flags;
	struct strv tags;
	int has_creation;
	int64_t creation_time;
	const char *creation_host;
	const char *lock_args;
	enum alloc_policy alloc;
	const char *profile;
	uint32_t read_ahead;		/* READ_AHEAD_AUTO when absent */
	int has_major_minor;
	int32_t major, minor;
	struct segment_list segments;
	uint32_t seg_count;
	uint32_t le_count;		/* sum of segment lengths */
	unsigned index;			/* creation order */
};

TAILQ_HEAD(pv_list, physical_volume);
TAILQ_HEAD(lv_list, logical_volume);

struct volume_group {
	struct pool *mem;
	const char *name;
	struct lvm_id id;
	uint32_t seqno;
	uint32_t status;
	uint32_t flags;
	struct strv tags;
	const char *system_id;
	const char *lock_type, *lock_args;
	uint32_t extent_size;		/* sectors */
	uint32_t max_lv, max_pv;
	enum alloc_policy alloc;	/* ALLOC_NORMAL unless set */
	const char *profile;
	uint32_t mda_copies;		/* 0 = unmanaged */
	struct pv_list pvs;
	uint32_t pv_count;
	struct lv_list lvs;
	uint32_t lv_count;
	struct hash *lv_names;		/* name -> logical_volume */
	struct hash *pv_ids;		/* uuid -> physical_volume */
	struct cfg_node *historical_lvs;	/* kept verbatim */
	/* Top-level items of the text this VG came from (description...). */
	const char *description;
	const char *creation_host;
	int64_t creation_time;
};

/* ---- construction ---- */
struct volume_group *vg_new(const char *name);	/* own pool, empty */
void vg_free(struct volume_group *vg);
struct physical_volume *vg_add_pv(struct volume_group *vg, const struct lvm_id *id);
void vg_remove_pv(struct volume_group *vg, struct physical_volume *pv);
/* Gives pv a new id, keeping the id index right. */
void vg_set_pv_id(struct volume_group *vg, struct physical_volume *pv, const struct lvm_id *id);
struct physical_volume *vg_find_pv_by_id(const struct volume_group *vg, const struct lvm_id *id);
struct physical_volume *vg_find_pv_by_dev(const struct volume_group *vg, const struct device *dev);
struct logical_volume *vg_add_lv(struct volume_group *vg, const char *name);
void vg_remove_lv(struct volume_group *vg, struct logical_volume *lv);
struct logical_volume *vg_find_lv(const struct volume_group *vg, const char *name);
int vg_rename_lv(struct volume_group *vg, struct logical_volume *lv, const char *new_name);
struct lv_segment *lv_add_segment(struct logical_volume *lv, const char *type,
				  uint32_t len, uint32_t area_count);
void lv_remove_last_segment(struct logical_volume *lv);
/* Recomputes le_count, seg_count, segment start extents, PV usage. */
void vg_recount(struct volume_group *vg);

/* ---- queries ---- */
uint64_t vg_extent_count(const struct volume_group *vg);
uint64_t vg_free_count(const struct volume_group *vg);
int lv_is_visible(const struct logical_volume *lv);
int seg_is_striped(const struct lv_segment *seg);
/* 1 if any extent of pv at or beyond pe_limit is allocated (pv_usage.c). */
int vg_pv_extents_used_beyond(const struct volume_group *vg, const struct physical_volume *pv,
			      uint32_t pe_limit);

/* ---- names ---- */
/* Returns NULL if valid, else a reason ("contains invalid character"). */
const char *vg_name_invalid(const char *name);
const char *lv_name_invalid(const char *vg_name, const char *name);
/* The reserved prefix ("pvmove") or part ("_mlog") name uses, else NULL. */
const char *lv_name_reserved_word(const char *name);
/* The looser rule for names read from metadata (allows LVM's sub-LV names). */
const char *lv_name_stored_invalid(const char *name);
const char *tag_invalid(const char *tag);

/*
 * Checks every invariant listed at the top of this file.  Reports each
 * violation with the VG (and LV/PV) name; returns 0 if the VG is sound.
 */
int vg_validate(const struct volume_group *vg);

#endif
