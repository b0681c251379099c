/*
 * The extent allocator: pure functions on the VG model, no I/O.
 *
 * lv_extend() plans every new segment on a private free-space map first and
 * only then appends them to the LV, so a refused request leaves the model
 * untouched.  The map is built in O(S log S) for S allocated areas.
 *
 * Placement (derived by experiment with LVM2 2.03, lvcreate -vvvv):
 *  - the policies are tried in turn from the strictest up to the one asked
 *    (contiguous, cling, normal, anywhere), each placing as much as it can,
 *    one piece (a segment's worth, all stripes) per round;
 *  - a PV's free runs are visited largest first; among equal runs in PE
 *    order at first, but a run a round touched without using up (a
 *    candidate it passed over, a piece's remainder) goes behind its equals;
 *  - contiguous continues the LV's last segment on the same PVs; for a new
 *    LV its first piece may go anywhere, as under normal;
 *  - cling puts stripe i on a PV of area i of the LV's first segment (the
 *    first run there); when only some stripes find one, it tries any PV
 *    the LV had;
 *  - normal first clings to the PVs of the LV's first segment and of the
 *    pieces this request placed, then takes any PV.  Each PV offers one candidate run: visiting its
 *    runs, a run replaces the candidate when it fits in what the candidate
 *    would leave over (holding the request, unless clinging); when the
 *    candidate is used up, an exact fit replaces an exact fit, and when
 *    clinging a run that gives less, or as much, replaces it, unless it is
 *    "stale" (dropped as a candidate before).  The candidates are ranked by
 *    how much they give, ties in PV-list order (command line) or VG order;
 *    the top "stripes" form the piece, as long as the shortest of them;
 *  - "normal" and "cling" never put two stripes of a piece on one PV;
 *    "anywhere" chains candidates over all PVs and may reuse a run.
 */
#ifndef OPENLVM_ALLOC_H
#define OPENLVM_ALLOC_H

#include <stdint.h>

#include "metadata/metadata.h"

/* A PV named on the command line, optionally limited to PEs first..last. */
struct alloc_pv_range {
	struct physical_volume *pv;
	uint32_t first, last;		/* inclusive; whole PV = 0..UINT32_MAX */
};

struct alloc_request {
	uint32_t extents;		/* logical extents to add; multiple of stripes */
	uint32_t stripes;		/* areas per new segment, >= 1 */
	uint32_t stripe_size;		/* sectors; used when stripes > 1 */
	enum alloc_policy policy;	/* ALLOC_INHERIT resolves via LV then VG */
	const struct alloc_pv_range *ranges;	/* NULL: every allocatable PV */
	unsigned nranges;
};

/* The policy that applies to lv (LV's own, else the VG's, else normal). */
enum alloc_policy lv_effective_alloc(const struct logical_volume *lv, enum alloc_policy asked);

/* Free extents usable under req's PV list (allocatable, present PVs). */
uint64_t alloc_free_extents(const struct volume_group *vg, const struct alloc_request *req);

/*
 * Appends req->extents extents to lv as striped segments, merges segments
 * that became adjacent and recounts the VG.  Reports the reason and returns
 * -1 (lv unchanged) when the space cannot be found.
 */
int lv_extend(struct logical_volume *lv, const struct alloc_request *req);

/* Appends a segment without PVs ("zero" or "error") of len extents. */
void lv_extend_virtual(struct logical_volume *lv, const char *type, uint32_t len);

/*
 * Cuts lv down to le_count extents (>= 1), dropping or shortening segments
 * from the end.  A striped segment is cut to a multiple of its stripes, so
 * the result may be slightly larger than asked; returns the new length.
 */
uint32_t lv_reduce(struct logical_volume *lv, uint32_t le_count);

/* Joins neighbouring segments that continue each other on the same PVs. */
void lv_merge_segments(struct logical_volume *lv);

#endif
