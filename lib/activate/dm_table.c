/*
 * Device-mapper tables for LVs: one target line per segment, all numbers
 * in 512-byte sectors, devices as major:minor, exactly as LVM2 loads them.
 */
#include <string.h>

#include "activate/activate.h"
#include "metadata/metadata.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

/* "maj:min offset" for one PV area. */
static int add_area(struct strbuf *sb, const struct lv_segment *seg, const struct seg_area *a,
		    const struct lvdm_table_opts *o)
{
	const struct logical_volume *lv = seg->lv;
	const char *dev;

	if (a->type != AREA_PV) {
		log_error("Logical volume %s/%s: segment at extent %u is stacked on another LV, "
			  "which openlvm cannot activate.", lv->vg->name, lv->name, seg->le);
		return -1;
	}
	dev = o->pv_devno(a->u.pv.pv, o->arg);
	if (!dev)
		return -1;
	strbuf_addf(sb, "%s %llu", dev,
		    (unsigned long long)(a->u.pv.pv->pe_start +
					 (uint64_t)a->u.pv.pe * lv->vg->extent_size));
	return 0;
}

static int striped_line(struct pool *mem, const struct lv_segment *seg,
			const struct lvdm_table_opts *o, struct dm_line *line)
{
	struct strbuf sb = STRBUF_INIT;
	int linear = seg->area_count == 1 && o->use_linear_target;
	int r = 0;

	if (!linear)
		strbuf_addf(&sb, "%u %u ", seg->area_count,
			    seg->area_count == 1 ? seg->lv->vg->extent_size : seg->stripe_size);
	for (uint32_t i = 0; i < seg->area_count && !r; i++) {
		if (i)
			strbuf_addch(&sb, ' ');
		r = add_area(&sb, seg, &seg->areas[i], o);
	}
	line->target = linear ? "linear" : "striped";
	line->params = pool_strdup(mem, sb.buf);
	strbuf_release(&sb);
	return r;
}

static int segment_line(struct pool *mem, const struct lv_segment *seg,
			const struct lvdm_table_opts *o, struct dm_line *line)
{
	uint64_t extent = seg->lv->vg->extent_size;

	line->start = seg->le * extent;
	line->len = seg->len * extent;
	if (seg_is_striped(seg) && seg->area_count)
		return striped_line(mem, seg, o, line);
	if (!strcmp(seg->type, "zero") || !strcmp(seg->type, "error")) {
		line->target = seg->type;
		line->params = "";
		return 0;
	}
	log_error("Logical volume %s/%s uses segment type %s, which openlvm cannot activate.",
		  seg->lv->vg->name, seg->lv->name, seg->type);
	return -1;
}

int lvdm_table(struct pool *mem, const struct logical_volume *lv,
	       const struct lvdm_table_opts *o, struct dm_table *out)
{
	const struct lv_segment *seg;
	unsigned n = 0;

	out->count = 0;
	out->lines = POOL_ARRAY(mem, struct dm_line, lv->seg_count ? lv->seg_count : 1);
	TAILQ_FOREACH(seg, &lv->segments, list) {
		if (n == lv->seg_count) {
			log_error("Logical volume %s/%s: segment count is stale.", lv->vg->name,
				  lv->name);
			return -1;
		}
		if (segment_line(mem, seg, o, &out->lines[n]))
			return -1;
		n++;
	}
	if (!n) {
		log_error("Logical volume %s/%s has no segments to activate.", lv->vg->name,
			  lv->name);
		return -1;
	}
	out->count = n;
	return 0;
}

char *lvdm_table_text(struct pool *mem, const struct dm_table *t)
{
	struct strbuf sb = STRBUF_INIT;
	char *r;

	for (unsigned i = 0; i < t->count; i++) {
		const struct dm_line *l = &t->lines[i];

		strbuf_addf(&sb, "%llu %llu %s%s%s\n", (unsigned long long)l->start,
			    (unsigned long long)l->len, l->target, *l->params ? " " : "",
			    l->params);
	}
	r = pool_strdup(mem, sb.buf);
	strbuf_release(&sb);
	return r;
}

const char *lvdm_target_module(const char *target)
{
	static const struct { const char *target, *module; } map[] = {
		{ "linear", "dm-mod" }, { "striped", "dm-mod" }, { "error", "dm-mod" },
		{ "zero", "dm-zero" }, { "snapshot", "dm-snapshot" },
		{ "snapshot-origin", "dm-snapshot" }, { "mirror", "dm-mirror" },
		{ "raid", "dm-raid" }, { "thin", "dm-thin-pool" }, { "thin-pool", "dm-thin-pool" },
		{ "cache", "dm-cache" }, { "writecache", "dm-writecache" },
		{ "integrity", "dm-integrity" }, { "vdo", "dm-vdo" }, { "crypt", "dm-crypt" },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(map[i].target, target))
			return map[i].module;
	return NULL;
}
