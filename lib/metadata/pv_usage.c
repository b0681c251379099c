#include <stdint.h>

#include "metadata/metadata.h"

int vg_pv_extents_used_beyond(const struct volume_group *vg, const struct physical_volume *pv,
			      uint32_t pe_limit)
{
	const struct logical_volume *lv;
	const struct lv_segment *seg;
	uint32_t a;

	TAILQ_FOREACH(lv, &vg->lvs, list)
		TAILQ_FOREACH(seg, &lv->segments, list)
			for (a = 0; a < seg->area_count; a++) {
				const struct seg_area *ar = &seg->areas[a];
				uint32_t per_area = seg->area_count ? seg->len / seg->area_count : 0;

				if (ar->type != AREA_PV || ar->u.pv.pv != pv)
					continue;
				if ((uint64_t)ar->u.pv.pe + per_area > pe_limit)
					return 1;
			}
	return 0;
}
