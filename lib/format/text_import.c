/*
 * VG text import: config tree -> VG model.
 *
 * The text is parsed into a scratch pool; everything kept is copied into
 * the VG's own pool, so the (possibly multi-MB) tree is dropped at the end.
 * Each section's children are visited once and sorted into a fixed slot
 * per known key (later duplicates win, as in cfg_child), which keeps the
 * import linear in the size of the text.
 *
 * LVs are imported while the text is parsed, each as soon as its section
 * closes, and their trees dropped (cfg_parse_stream): the tree of a
 * 10,000-LV VG would take some 15 MB.  That needs the VG section and its
 * physical_volumes before the first LV, as LVM2 writes them; otherwise
 * the whole tree is kept and imported afterwards.  Areas naming an LV
 * that comes later in the text are resolved once every LV is in.
 *
 * The rules follow what LVM2 enforces when it reads metadata: required
 * keys, known status words, tiling segments, resolvable areas, and values
 * in range for the model.  Every message names the source, VG and field.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "config/config.h"
#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/hash.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

#define TEXT_CONTENTS "Text Format Volume Group"
#define HINTS 24		/* children per section whose key collect() guesses */

struct importer {
	const char *source;
	struct volume_group *vg;
	const char *vg_name;
	struct hash *pv_keys;		/* text key ("pv0") -> physical_volume */
	/* Where we are, for messages. */
	const char *pv_key, *lv_name;
	uint32_t seg_no;
	/* Import during the parse: 0 undecided, 1 streaming, -1 not. */
	int stream;
	int failed;			/* an error was reported by the callback */
	struct pool *scratch;
	const struct cfg_node *vg_sect, *pvs_sect, *lvs_sect;
	struct pending *pending, **pending_tail;
	/* collect()'s guesses per kind of section */
	unsigned char pv_hint[HINTS], lv_hint[HINTS], seg_hint[HINTS], vg_hint[HINTS];
	unsigned extra_segs;		/* segments with keys kept verbatim */
	size_t text_len;
};

/* A striped area naming an LV not read yet (streaming only). */
struct pending {
	struct pending *next;
	struct lv_segment *seg;
	uint32_t area, le;
	const char *name;		/* in the scratch pool */
	const char *lv_name;		/* for messages */
	uint32_t seg_no;
};

__attribute__((format(printf, 3, 4)))
static int bad(const struct importer *im, const char *field, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	strbuf_addf(&sb, "%s: VG %s", im->source, im->vg_name ? im->vg_name : "?");
	if (im->pv_key)
		strbuf_addf(&sb, ": PV %s", im->pv_key);
	if (im->lv_name)
		strbuf_addf(&sb, ": LV %s", im->lv_name);
	if (im->seg_no)
		strbuf_addf(&sb, ": segment%" PRIu32, im->seg_no);
	if (field)
		strbuf_addf(&sb, ": %s", field);
	strbuf_addstr(&sb, ": ");
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	log_error("%s", sb.buf);
	strbuf_release(&sb);
	return -1;
}

/* ---- key collection ---- */

/*
 * Fills found[i] with the child named keys[i].  Sections of one kind list
 * their keys in the same order, so hint[j] remembers which key the j-th
 * child was last time (+1; 0 = none yet): 10,000 LV sections then cost
 * one comparison per child rather than a walk down the key table.
 */
static void collect(const struct cfg_node *sect, const char *const *keys,
		    unsigned char hint[HINTS], const struct cfg_node **found)
{
	unsigned j = 0;

	for (const struct cfg_node *c = sect->child; c; c = c->next, j++) {
		unsigned h = j < HINTS ? hint[j] : 0;

		if (h && c->key[0] == keys[h - 1][0] && !strcmp(c->key, keys[h - 1])) {
			found[h - 1] = c;
			continue;
		}
		for (unsigned i = 0; keys[i]; i++)
			if (c->key[0] == keys[i][0] && !strcmp(c->key, keys[i])) {
				found[i] = c;
				if (j < HINTS)
					hint[j] = (unsigned char)(i + 1);
				break;
			}
	}
}

static int is_scalar(const struct cfg_node *n)
{
	return n->value && !n->value->list && !n->value->next;
}

static int required(const struct importer *im, const struct cfg_node *n, const char *key)
{
	if (n)
		return 0;
	bad(im, key, "missing");
	return -1;
}

/* ---- typed getters; each is a no-op (0) when the key is absent ---- */

static int get_int_range(const struct importer *im, const struct cfg_node *n,
			 int64_t min, int64_t max, int64_t *out)
{
	if (!n)
		return 0;
	if (!is_scalar(n) || n->value->type != CFG_INT) {
		bad(im, n->key, "must be an integer");
		return -1;
	}
	if (n->value->v.i < min || n->value->v.i > max) {
		bad(im, n->key, "value %" PRId64 " out of range", n->value->v.i);
		return -1;
	}
	*out = n->value->v.i;
	return 0;
}

static int get_u32(const struct importer *im, const struct cfg_node *n, uint32_t *out)
{
	int64_t v = 0;

	if (!n)
		return 0;
	if (get_int_range(im, n, 0, UINT32_MAX, &v))
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static int get_u64(const struct importer *im, const struct cfg_node *n, uint64_t *out)
{
	int64_t v = 0;

	if (!n)
		return 0;
	if (get_int_range(im, n, 0, INT64_MAX, &v))
		return -1;
	*out = (uint64_t)v;
	return 0;
}

/* The string lives in the scratch tree; *out is a copy in the VG pool. */
static int get_str(const struct importer *im, const struct cfg_node *n, const char **out)
{
	if (!n)
		return 0;
	if (!is_scalar(n) || n->value->type != CFG_STRING)
		return bad(im, n->key, "must be a string");
	*out = pool_strdup(im->vg->mem, n->value->v.str);
	return 0;
}

static int get_id(const struct importer *im, const struct cfg_node *n, struct lvm_id *id)
{
	if (!n)
		return 0;
	if (!is_scalar(n) || n->value->type != CFG_STRING)
		return bad(im, n->key, "must be a string");
	if (id_parse(id, n->value->v.str))
		return bad(im, n->key, "invalid UUID \"%s\"", n->value->v.str);
	return 0;
}

static int check_string_list(const struct importer *im, const struct cfg_node *n)
{
	if (!n->value)
		return bad(im, n->key, "must be a list of strings");
	for (const struct cfg_value *v = n->value; v; v = v->next)
		if (v->type != CFG_STRING && v->type != CFG_EMPTY_ARRAY)
			return bad(im, n->key, "must be a list of strings");
	return 0;
}

/* strict: an unknown word is an error (status); else ignored (flags). */
static int get_words(const struct importer *im, const struct cfg_node *n,
		     const struct status_word *table, int strict, uint32_t *out)
{
	*out = 0;
	if (!n)
		return 0;
	if (check_string_list(im, n))
		return -1;
	for (const struct cfg_value *v = n->value; v; v = v->next) {
		unsigned i;

		if (v->type == CFG_EMPTY_ARRAY)
			continue;
		for (i = 0; table[i].name && strcmp(table[i].name, v->v.str); i++)
			;
		if (table[i].name)
			*out |= table[i].bit;
		else if (strict)
			return bad(im, n->key, "unknown status word \"%s\"", v->v.str);
	}
	return 0;
}

static int get_tags(const struct importer *im, const struct cfg_node *n, struct strv *tags)
{
	if (!n)
		return 0;
	if (check_string_list(im, n))
		return -1;
	for (const struct cfg_value *v = n->value; v; v = v->next) {
		const char *why;

		if (v->type == CFG_EMPTY_ARRAY)
			continue;
		if ((why = tag_invalid(v->v.str)))
			return bad(im, n->key, "tag \"%s\" %s", v->v.str, why);
		if (!strv_contains(tags, v->v.str))
			strv_add(im->vg->mem, tags, pool_strdup(im->vg->mem, v->v.str));
	}
	return 0;
}

static int get_alloc(const struct importer *im, const struct cfg_node *n, enum alloc_policy *out)
{
	const char *s = NULL;

	if (!n)
		return 0;
	if (get_str(im, n, &s))
		return -1;
	if (alloc_policy_parse(s, out))
		return bad(im, n->key, "unknown allocation policy \"%s\"", s);
	return 0;
}

/* ---- copying preserved subtrees into the VG pool ---- */

static struct cfg_value *copy_values(struct pool *p, const struct cfg_value *v)
{
	struct cfg_value *head = NULL, **tail = &head;

	for (; v; v = v->next) {
		struct cfg_value *c = pool_memdup(p, v, sizeof(*v));

		if (v->type == CFG_STRING)
			c->v.str = pool_strdup(p, v->v.str);
		c->next = NULL;
		*tail = c;
		tail = &c->next;
	}
	return head;
}

static struct cfg_node *copy_node(struct pool *p, const struct cfg_node *n,
				  struct cfg_node *parent)
{
	struct cfg_node *c = POOL_NEW(p, struct cfg_node), **tail = &c->child;

	c->key = pool_strdup(p, n->key);
	c->parent = parent;
	c->line = n->line;
	c->value = copy_values(p, n->value);
	for (const struct cfg_node *k = n->child; k; k = k->next) {
		*tail = copy_node(p, k, c);
		tail = &(*tail)->next;
	}
	return c;
}

/* ---- PVs ---- */

enum { PK_ID, PK_DEVICE, PK_DIDTYPE, PK_DID, PK_STATUS, PK_FLAGS, PK_TAGS,
       PK_DEVSIZE, PK_PESTART, PK_PECOUNT, PK_BASTART, PK_BASIZE, PK_N };
static const char *const pv_keys[PK_N + 1] = {
	"id", "device", "device_id_type", "device_id", "status", "flags", "tags",
	"dev_size", "pe_start", "pe_count", "ba_start", "ba_size", NULL
};

static int import_pv_fields(struct importer *im, const struct cfg_node **k,
			    struct physical_volume *pv)
{
	if (required(im, k[PK_STATUS], "status") || required(im, k[PK_PESTART], "pe_start") ||
	    required(im, k[PK_PECOUNT], "pe_count"))
		return -1;
	if (get_str(im, k[PK_DEVICE], &pv->dev_hint) ||
	    get_str(im, k[PK_DIDTYPE], &pv->device_id_type) ||
	    get_str(im, k[PK_DID], &pv->device_id) ||
	    get_words(im, k[PK_STATUS], pv_status_words, 1, &pv->status) ||
	    get_words(im, k[PK_FLAGS], pv_flag_words, 0, &pv->flags) ||
	    get_tags(im, k[PK_TAGS], &pv->tags) ||
	    get_u64(im, k[PK_DEVSIZE], &pv->dev_size) ||
	    get_u64(im, k[PK_PESTART], &pv->pe_start) ||
	    get_u32(im, k[PK_PECOUNT], &pv->pe_count) ||
	    get_u64(im, k[PK_BASTART], &pv->ba_start) ||
	    get_u64(im, k[PK_BASIZE], &pv->ba_size))
		return -1;
	return 0;
}

static int import_pv(struct importer *im, const struct cfg_node *sect)
{
	const struct cfg_node *k[PK_N] = { 0 };
	struct physical_volume *pv;
	struct lvm_id id;

	im->pv_key = sect->key;
	if (sect->value)
		return bad(im, NULL, "must be a section");
	if (hash_lookup(im->pv_keys, sect->key))
		return bad(im, NULL, "duplicate PV key");
	collect(sect, pv_keys, im->pv_hint, k);
	if (required(im, k[PK_ID], "id") || get_id(im, k[PK_ID], &id))
		return -1;
	if (!(pv = vg_add_pv(im->vg, &id)))
		return bad(im, "id", "duplicate PV id %s", id.uuid);
	pv->key = pool_strdup(im->vg->mem, sect->key);
	hash_insert(im->pv_keys, pv->key, pv);
	if (import_pv_fields(im, k, pv))
		return -1;
	im->pv_key = NULL;
	return 0;
}

static int import_pvs(struct importer *im, const struct cfg_node *sect)
{
	if (required(im, sect, "physical_volumes"))
		return -1;
	if (sect->value)
		return bad(im, sect->key, "must be a section");
	for (const struct cfg_node *c = sect->child; c; c = c->next)
		if (import_pv(im, c))
			return -1;
	return 0;
}

/* ---- segments ---- */

enum { SK_START, SK_COUNT, SK_TYPE, SK_TAGS, SK_RESHAPE, SK_COPIES,
       SK_STRIPE_COUNT, SK_STRIPE_SIZE, SK_STRIPES, SK_N };
static const char *const seg_keys[SK_N + 1] = {
	"start_extent", "extent_count", "type", "tags", "reshape_count", "data_copies",
	"stripe_count", "stripe_size", "stripes", NULL
};
#define SK_COMMON SK_STRIPE_COUNT	/* keys below this are not type-specific */

static int resolve_area(struct importer *im, struct lv_segment *seg, uint32_t i,
			const struct cfg_value *name, const struct cfg_value *pe)
{
	struct seg_area *a = &seg->areas[i];
	struct physical_volume *pv;
	struct logical_volume *lv;
	uint32_t area_len = seg->len / seg->area_count;

	if (name->type != CFG_STRING || !pe || pe->type != CFG_INT)
		return bad(im, "stripes", "area %" PRIu32 " must be a name and a number", i);
	if (pe->v.i < 0 || pe->v.i > UINT32_MAX)
		return bad(im, "stripes", "extent %" PRId64 " out of range", pe->v.i);
	if ((pv = hash_lookup(im->pv_keys, name->v.str))) {
		if ((uint64_t)pe->v.i + area_len > pv->pe_count)
			return bad(im, "stripes", "extents %" PRId64 "+%" PRIu32
				   " beyond pe_count %" PRIu32 " of %s", pe->v.i,
				   area_len, pv->pe_count, name->v.str);
		a->type = AREA_PV;
		a->u.pv.pv = pv;
		a->u.pv.pe = (uint32_t)pe->v.i;
		return 0;
	}
	if ((lv = vg_find_lv(im->vg, name->v.str))) {
		a->type = AREA_LV;
		a->u.lv.lv = lv;
		a->u.lv.le = (uint32_t)pe->v.i;
		a->u.lv.name = lv->name;
		return 0;
	}
	if (im->stream > 0) {
		struct pending *p = POOL_NEW(im->scratch, struct pending);

		*p = (struct pending){ NULL, seg, i, (uint32_t)pe->v.i,
				       pool_strdup(im->scratch, name->v.str), im->lv_name, im->seg_no };
		*im->pending_tail = p;
		im->pending_tail = &p->next;
		return 0;
	}
	return bad(im, "stripes", "unknown PV \"%s\"", name->v.str);
}

static int resolve_pending(struct importer *im)
{
	for (const struct pending *p = im->pending; p; p = p->next) {
		struct logical_volume *lv = vg_find_lv(im->vg, p->name);
		struct seg_area *a = &p->seg->areas[p->area];

		if (!lv) {
			im->lv_name = p->lv_name;
			im->seg_no = p->seg_no;
			return bad(im, "stripes", "unknown PV \"%s\"", p->name);
		}
		a->type = AREA_LV;
		a->u.lv.lv = lv;
		a->u.lv.le = p->le;
		a->u.lv.name = lv->name;
	}
	return 0;
}

static int import_striped(struct importer *im, struct logical_volume *lv,
			  const struct cfg_node **k, uint32_t len)
{
	struct lv_segment *seg;
	const struct cfg_value *v;
	uint32_t n = 0, size = 0, i;

	if (required(im, k[SK_STRIPE_COUNT], "stripe_count") ||
	    get_u32(im, k[SK_STRIPE_COUNT], &n) || required(im, k[SK_STRIPES], "stripes"))
		return -1;
	if (!n || len % n)
		return bad(im, "stripe_count", "extent_count %" PRIu32
			   " is not a multiple of %" PRIu32 " stripes", len, n);
	if (n > 1 && required(im, k[SK_STRIPE_SIZE], "stripe_size"))
		return -1;
	if (get_u32(im, k[SK_STRIPE_SIZE], &size))
		return -1;
	seg = lv_add_segment(lv, "striped", len, n);
	seg->stripe_size = size;
	v = k[SK_STRIPES]->value;
	for (i = 0; i < n && v; i++, v = v->next ? v->next->next : NULL)
		if (resolve_area(im, seg, i, v, v->next))
			return -1;
	if (i != n || v)
		return bad(im, "stripes", "must hold %" PRIu32 " name/extent pairs", n);
	return 0;
}

static int is_common_key(const char *key)
{
	for (unsigned i = 0; i < SK_COMMON; i++)
		if (!strcmp(key, seg_keys[i]))
			return 1;
	return 0;
}

/* Types openlvm does not model keep their own keys verbatim. */
static void keep_extra(struct importer *im, struct lv_segment *seg, const struct cfg_node *sect)
{
	struct cfg_node **tail = &seg->extra;

	im->extra_segs++;
	for (const struct cfg_node *c = sect->child; c; c = c->next) {
		if (is_common_key(c->key))
			continue;
		*tail = copy_node(im->vg->mem, c, NULL);
		tail = &(*tail)->next;
	}
}

/* LVM's type name may carry segment flags: "cache-pool+METADATA_FORMAT". */
static int split_type(struct importer *im, const struct cfg_node *n,
		      const char **type, const char **flags)
{
	const char *s = "", *plus;

	if (get_str(im, n, &s))
		return -1;
	plus = strchr(s, '+');
	*flags = plus ? plus : NULL;
	*type = plus ? pool_strndup(im->vg->mem, s, (size_t)(plus - s)) : s;
	if (!**type)
		return bad(im, "type", "is empty");
	return 0;
}

static int import_seg_common(struct importer *im, struct lv_segment *seg,
			     const struct cfg_node **k)
{
	int64_t v = 0;

	if (get_tags(im, k[SK_TAGS], &seg->tags))
		return -1;
	if (k[SK_RESHAPE]) {
		if (get_int_range(im, k[SK_RESHAPE], 0, UINT32_MAX, &v))
			return -1;
		seg->has_reshape_count = 1;
		seg->reshape_count = (uint32_t)v;
	}
	if (k[SK_COPIES]) {
		if (get_int_range(im, k[SK_COPIES], 0, UINT32_MAX, &v))
			return -1;
		seg->has_data_copies = 1;
		seg->data_copies = (uint32_t)v;
	}
	return 0;
}

static int import_segment(struct importer *im, struct logical_volume *lv,
			  const struct cfg_node *sect)
{
	const struct cfg_node *k[SK_N] = { 0 };
	const char *type, *flags;
	struct lv_segment *seg;
	uint32_t start = 0, len = 0;

	collect(sect, seg_keys, im->seg_hint, k);
	if (required(im, k[SK_START], "start_extent") || required(im, k[SK_COUNT], "extent_count") ||
	    required(im, k[SK_TYPE], "type") || get_u32(im, k[SK_START], &start) ||
	    get_u32(im, k[SK_COUNT], &len) || split_type(im, k[SK_TYPE], &type, &flags))
		return -1;
	if (start != lv->le_count)
		return bad(im, "start_extent", "segment %" PRIu32 " should begin at LE %" PRIu32,
			   im->seg_no, lv->le_count);
	if (!len || (uint64_t)start + len > UINT32_MAX)
		return bad(im, "extent_count", "value %" PRIu32 " out of range", len);
	if (!strcmp(type, "striped")) {
		if (import_striped(im, lv, k, len))
			return -1;
	} else {
		lv_add_segment(lv, type, len, 0);
	}
	seg = TAILQ_LAST(&lv->segments, segment_list);
	seg->type_flags = flags;
	if (strcmp(type, "striped") && strcmp(type, "zero") && strcmp(type, "error"))
		keep_extra(im, seg, sect);
	return import_seg_common(im, seg, k);
}

/* ---- LVs ---- */

enum { LK_ID, LK_STATUS, LK_FLAGS, LK_TAGS, LK_CTIME, LK_CHOST, LK_LOCKARGS,
       LK_ALLOC, LK_PROFILE, LK_READAHEAD, LK_MAJOR, LK_MINOR, LK_SEGCOUNT, LK_N };
static const char *const lv_keys[LK_N + 1] = {
	"id", "status", "flags", "tags", "creation_time", "creation_host", "lock_args",
	"allocation_policy", "profile", "read_ahead", "major", "minor", "segment_count", NULL
};

static int import_lv_optional(struct importer *im, const struct cfg_node **k,
			      struct logical_volume *lv)
{
	int64_t v = 0;

	if (k[LK_CTIME]) {
		if (get_int_range(im, k[LK_CTIME], INT64_MIN, INT64_MAX, &lv->creation_time) ||
		    required(im, k[LK_CHOST], "creation_host") ||
		    get_str(im, k[LK_CHOST], &lv->creation_host))
			return -1;
		lv->has_creation = 1;
	}
	if (get_str(im, k[LK_LOCKARGS], &lv->lock_args) || get_alloc(im, k[LK_ALLOC], &lv->alloc) ||
	    get_str(im, k[LK_PROFILE], &lv->profile))
		return -1;
	if (k[LK_READAHEAD]) {
		if (get_int_range(im, k[LK_READAHEAD], -1, UINT32_MAX - 1, &v))
			return -1;
		lv->read_ahead = v < 0 ? READ_AHEAD_NONE : v ? (uint32_t)v : READ_AHEAD_AUTO;
	}
	if (k[LK_MAJOR] || k[LK_MINOR]) {
		int64_t maj = -1, min = -1;

		if (get_int_range(im, k[LK_MAJOR], -1, INT32_MAX, &maj) ||
		    get_int_range(im, k[LK_MINOR], -1, INT32_MAX, &min))
			return -1;
		lv->has_major_minor = 1;
		lv->major = (int32_t)maj;
		lv->minor = (int32_t)min;
	}
	return 0;
}

static int import_lv_body(struct importer *im, struct logical_volume *lv,
			  const struct cfg_node *sect)
{
	const struct cfg_node *k[LK_N] = { 0 };
	uint32_t want = 0;

	collect(sect, lv_keys, im->lv_hint, k);
	if (required(im, k[LK_ID], "id") || required(im, k[LK_STATUS], "status") ||
	    required(im, k[LK_SEGCOUNT], "segment_count"))
		return -1;
	if (get_id(im, k[LK_ID], &lv->id) ||
	    get_words(im, k[LK_STATUS], lv_status_words, 1, &lv->status) ||
	    get_words(im, k[LK_FLAGS], lv_flag_words, 0, &lv->flags) ||
	    get_tags(im, k[LK_TAGS], &lv->tags) || import_lv_optional(im, k, lv) ||
	    get_u32(im, k[LK_SEGCOUNT], &want))
		return -1;
	if (!want)
		return bad(im, "segment_count", "is 0: an LV needs at least one segment");
	for (const struct cfg_node *c = sect->child; c; c = c->next) {
		if (c->value)
			continue;
		im->seg_no = lv->seg_count + 1;
		if (import_segment(im, lv, c))
			return -1;
	}
	im->seg_no = 0;
	if (lv->seg_count != want)
		return bad(im, "segment_count", "is %" PRIu32 " but %" PRIu32 " segments found",
			   want, lv->seg_count);
	return 0;
}

static struct logical_volume *create_lv(struct importer *im, const struct cfg_node *c)
{
	struct logical_volume *lv;
	const char *why;

	if (c->value) {
		bad(im, c->key, "is not an LV section");
		return NULL;
	}
	if ((why = lv_name_stored_invalid(c->key))) {
		bad(im, NULL, "LV name \"%s\" %s", c->key, why);
		return NULL;
	}
	if (!(lv = vg_add_lv(im->vg, c->key)))
		bad(im, NULL, "duplicate LV name \"%s\"", c->key);
	return lv;
}

static int create_lvs(struct importer *im, const struct cfg_node *sect)
{
	for (const struct cfg_node *c = sect->child; c; c = c->next)
		if (!create_lv(im, c))
			return -1;
	return 0;
}

/* LV-area lists of the types kept verbatim, resolved for reports. */
static const char *const lv_area_keys[] = { "mirrors", "raids", "raid0_lvs", NULL };

static int resolve_lv_areas(struct importer *im, struct lv_segment *seg)
{
	const struct cfg_node *list = NULL;
	const struct cfg_value *v;
	uint32_t n = 0, pairs;

	for (const struct cfg_node *c = seg->extra; c && !list; c = c->next)
		for (unsigned i = 0; lv_area_keys[i]; i++)
			if (c->value && !strcmp(c->key, lv_area_keys[i]))
				list = c;
	if (!list)
		return 0;
	seg->areas_key = list->key;
	pairs = !strcmp(list->key, "mirrors");
	for (v = list->value; v; v = v->next)
		n += v->type == CFG_STRING;
	seg->areas = POOL_ARRAY(im->vg->mem, struct seg_area, n ? n : 1);
	for (v = list->value; v; v = v->next) {
		struct logical_volume *sub;

		if (v->type != CFG_STRING)
			continue;
		if (!(sub = vg_find_lv(im->vg, v->v.str)))
			return bad(im, list->key, "unknown LV \"%s\"", v->v.str);
		seg->areas[seg->area_count].type = AREA_LV;
		seg->areas[seg->area_count].u.lv.lv = sub;
		seg->areas[seg->area_count].u.lv.name = sub->name;
		if (pairs && v->next && v->next->type == CFG_INT && v->next->v.i >= 0 &&
		    v->next->v.i <= UINT32_MAX)
			seg->areas[seg->area_count].u.lv.le = (uint32_t)v->next->v.i;
		seg->area_count++;
	}
	return 0;
}

static int resolve_all_lv_areas(struct importer *im)
{
	struct logical_volume *lv;
	struct lv_segment *seg;

	if (!im->extra_segs)
		return 0;	/* spares a walk over 10,000 plain LVs */
	TAILQ_FOREACH(lv, &im->vg->lvs, list) {
		im->lv_name = lv->name;
		TAILQ_FOREACH(seg, &lv->segments, list)
			if (seg->extra && resolve_lv_areas(im, seg))
				return -1;
	}
	im->lv_name = NULL;
	return 0;
}

static int import_lvs(struct importer *im, const struct cfg_node *sect)
{
	struct logical_volume *lv;
	const struct cfg_node *c;

	if (im->stream > 0) {
		/* Its sections were consumed: whatever is left is no LV. */
		if (sect->child && !create_lv(im, sect->child))
			return -1;
		if (resolve_pending(im))
			return -1;
		im->lv_name = NULL;
		im->seg_no = 0;
		return resolve_all_lv_areas(im);
	}
	if (!sect)
		return 0;
	if (sect->value)
		return bad(im, sect->key, "must be a section");
	if (create_lvs(im, sect))
		return -1;
	lv = TAILQ_FIRST(&im->vg->lvs);
	for (c = sect->child; c; c = c->next, lv = TAILQ_NEXT(lv, list)) {
		im->lv_name = lv->name;
		if (import_lv_body(im, lv, c))
			return -1;
	}
	im->lv_name = NULL;
	return resolve_all_lv_areas(im);
}

/* ---- VG ---- */

enum { VK_ID, VK_SEQNO, VK_STATUS, VK_FLAGS, VK_TAGS, VK_SYSID, VK_LOCKTYPE,
       VK_LOCKARGS, VK_EXTSIZE, VK_MAXLV, VK_MAXPV, VK_ALLOC, VK_PROFILE,
       VK_MDACOPIES, VK_PVS, VK_LVS, VK_HLVS, VK_N };
static const char *const vg_keys[VK_N + 1] = {
	"id", "seqno", "status", "flags", "tags", "system_id", "lock_type", "lock_args",
	"extent_size", "max_lv", "max_pv", "allocation_policy", "profile",
	"metadata_copies", "physical_volumes", "logical_volumes",
	"historical_logical_volumes", NULL
};

static int import_vg_fields(struct importer *im, const struct cfg_node **k)
{
	struct volume_group *vg = im->vg;
	static const char *const req[] = { "id", "seqno", "status", NULL };

	for (unsigned i = 0; req[i]; i++)
		if (required(im, k[i], req[i]))
			return -1;
	if (required(im, k[VK_EXTSIZE], "extent_size") || required(im, k[VK_MAXLV], "max_lv") ||
	    required(im, k[VK_MAXPV], "max_pv"))
		return -1;
	if (get_id(im, k[VK_ID], &vg->id) || get_u32(im, k[VK_SEQNO], &vg->seqno) ||
	    get_words(im, k[VK_STATUS], vg_status_words, 1, &vg->status) ||
	    get_words(im, k[VK_FLAGS], vg_flag_words, 0, &vg->flags) ||
	    get_tags(im, k[VK_TAGS], &vg->tags) || get_str(im, k[VK_SYSID], &vg->system_id) ||
	    get_str(im, k[VK_LOCKTYPE], &vg->lock_type) ||
	    get_str(im, k[VK_LOCKARGS], &vg->lock_args) ||
	    get_u32(im, k[VK_EXTSIZE], &vg->extent_size) || get_u32(im, k[VK_MAXLV], &vg->max_lv) ||
	    get_u32(im, k[VK_MAXPV], &vg->max_pv) || get_alloc(im, k[VK_ALLOC], &vg->alloc) ||
	    get_str(im, k[VK_PROFILE], &vg->profile) ||
	    get_u32(im, k[VK_MDACOPIES], &vg->mda_copies))
		return -1;
	vg->status &= ~VG_PARTIAL;	/* legacy word: accepted, never kept */
	if (!vg->extent_size)
		return bad(im, "extent_size", "must not be 0");
	if (vg->alloc == ALLOC_INHERIT)
		return bad(im, "allocation_policy", "\"inherit\" is not valid for a VG");
	return 0;
}

/* The sections streamed must be the ones the tree import would pick. */
static int check_streamed(struct importer *im, const struct cfg_node **k)
{
	if (k[VK_PVS] != im->pvs_sect)
		return bad(im, "physical_volumes", "appears more than once");
	if (k[VK_LVS] != im->lvs_sect)
		return bad(im, "logical_volumes", "appears more than once");
	return 0;
}

static int import_vg(struct importer *im, const struct cfg_node *sect)
{
	const struct cfg_node *k[VK_N] = { 0 };

	collect(sect, vg_keys, im->vg_hint, k);
	if (im->stream > 0 && check_streamed(im, k))
		return -1;
	if (import_vg_fields(im, k) || (im->stream <= 0 && import_pvs(im, k[VK_PVS])) ||
	    import_lvs(im, k[VK_LVS]))
		return -1;
	if (k[VK_HLVS]) {
		if (k[VK_HLVS]->value)
			return bad(im, "historical_logical_volumes", "must be a section");
		im->vg->historical_lvs = copy_node(im->vg->mem, k[VK_HLVS], NULL);
	}
	return 0;
}

static int import_top(struct importer *im, const struct cfg_node *root)
{
	const struct cfg_node *n;
	const char *s = "";
	int64_t v = 0;

	n = cfg_child(root, "contents");
	if (required(im, n, "contents") || get_str(im, n, &s))
		return -1;
	if (strcmp(s, TEXT_CONTENTS))
		return bad(im, "contents", "is not \"" TEXT_CONTENTS "\"");
	n = cfg_child(root, "version");
	if (required(im, n, "version") || get_int_range(im, n, INT64_MIN, INT64_MAX, &v))
		return -1;
	if (v != 1)
		return bad(im, "version", "%" PRId64 " is not supported", v);
	if (get_str(im, cfg_child(root, "description"), &im->vg->description) ||
	    get_str(im, cfg_child(root, "creation_host"), &im->vg->creation_host) ||
	    get_int_range(im, cfg_child(root, "creation_time"), INT64_MIN, INT64_MAX,
			  &im->vg->creation_time))
		return -1;
	return 0;
}

static const struct cfg_node *first_section(const struct cfg_node *root)
{
	for (const struct cfg_node *c = root->child; c; c = c->next)
		if (!c->value)
			return c;
	return NULL;
}

static struct volume_group *import_tree(struct importer *im, const struct cfg_node *root)
{
	const struct cfg_node *sect = first_section(root);
	const char *why;

	if (!sect) {
		log_error("%s: no volume group section found", im->source);
		return NULL;
	}
	im->vg_name = sect->key;
	if ((why = vg_name_invalid(sect->key))) {
		bad(im, NULL, "invalid VG name: %s", why);
		return NULL;
	}
	if (!im->vg)
		im->vg = vg_new(sect->key);
	if (import_top(im, root) || import_vg(im, sect))
		return NULL;
	vg_recount(im->vg);
	if (vg_validate(im->vg)) {
		log_error("%s: VG %s: metadata is inconsistent", im->source, im->vg_name);
		return NULL;
	}
	return im->vg;
}

/*
 * Streams when the VG is the first top-level section and its PVs are
 * complete: returns 1 after importing them, 0 to fall back to the tree
 * import, -1 on an error in the PVs.
 */
static int start_stream(struct importer *im, const struct cfg_node *vgs)
{
	const struct cfg_node *pvs = cfg_child(vgs, "physical_volumes");

	if (!vgs->parent || vgs->parent->parent || first_section(vgs->parent) != vgs ||
	    !pvs || pvs->value || vg_name_invalid(vgs->key))
		return 0;
	im->vg_name = vgs->key;
	im->vg = vg_new(vgs->key);
	/*
	 * An LV takes 300 bytes of text or more: room for that many names
	 * at once, rather than a table regrown (and its old copies faulted in
	 * and thrown away) a dozen times on the way to 10,000.
	 */
	hash_reserve(im->vg->lv_names, im->text_len / 320);
	im->pvs_sect = pvs;
	return import_pvs(im, pvs) ? -1 : 1;
}

/* cfg_section_fn: imports and drops each LV section of the VG. */
static int on_section(void *arg, const struct cfg_node *sect, unsigned depth)
{
	struct importer *im = arg;
	const struct cfg_node *lvs = sect->parent;
	struct logical_volume *lv;
	int r;

	if (depth != 3 || im->stream < 0 || strcmp(lvs->key, "logical_volumes"))
		return 0;
	if (!im->stream) {
		if ((r = start_stream(im, lvs->parent)) <= 0) {
			im->stream = -1;
			im->failed = r < 0;
			return r;
		}
		im->stream = 1;
		im->vg_sect = lvs->parent;
		im->lvs_sect = lvs;
	}
	if (lvs->parent != im->vg_sect)
		return 0;	/* not the VG's: the import ignores it */
	if (lvs != im->lvs_sect) {
		im->failed = 1;
		return bad(im, "logical_volumes", "appears more than once");
	}
	if (!(lv = create_lv(im, sect))) {
		im->failed = 1;
		return -1;
	}
	im->lv_name = lv->name;
	if (import_lv_body(im, lv, sect)) {
		im->failed = 1;
		return -1;
	}
	im->lv_name = NULL;
	return 1;
}

struct volume_group *vg_import_text(const char *text, size_t len, const char *source)
{
	struct pool *scratch = pool_create("text import");
	struct importer im = { .source = source ? source : "metadata", .scratch = scratch,
			       .text_len = len };
	struct volume_group *vg = NULL;
	const struct cfg_node *root;
	char err[256];

	im.pending_tail = &im.pending;
	im.pv_keys = hash_create(16);
	root = cfg_parse_stream(scratch, text, len, on_section, &im, err, sizeof(err));
	if (!root && !im.failed)
		log_error("%s: parse error: %s", im.source, err);
	else if (root)
		vg = import_tree(&im, root);
	if (!vg && im.vg)
		vg_free(im.vg);
	hash_destroy(im.pv_keys);
	pool_destroy(scratch);
	return vg;
}

/* ---- text_peek: a few tokens of the VG section, no tree ---- */

struct peek {
	const char *p, *end;
};

static void peek_skip_space(struct peek *pk)
{
	while (pk->p < pk->end && *pk->p) {
		if (*pk->p == '#') {
			while (pk->p < pk->end && *pk->p && *pk->p != '\n')
				pk->p++;
		} else if (strchr(" \t\r\n\v\f", *pk->p)) {
			pk->p++;
		} else {
			return;
		}
	}
}

static int peek_at_end(const struct peek *pk)
{
	return pk->p >= pk->end || !*pk->p;
}

/* A quoted string or a bare word; returns its bounds (quotes excluded). */
static int peek_token(struct peek *pk, const char **start, size_t *len)
{
	char q;

	peek_skip_space(pk);
	if (peek_at_end(pk))
		return -1;
	q = *pk->p;
	if (q == '"' || q == '\'') {
		*start = ++pk->p;
		while (pk->p < pk->end && *pk->p && *pk->p != q)
			pk->p += (q == '"' && *pk->p == '\\' && pk->p + 1 < pk->end) ? 2 : 1;
		if (peek_at_end(pk))
			return -1;
		*len = (size_t)(pk->p++ - *start);
		return 0;
	}
	*start = pk->p;
	while (!peek_at_end(pk) && !strchr(" \t\r\n\v\f#={}[],\"", *pk->p))
		pk->p++;
	*len = (size_t)(pk->p - *start);
	return *len ? 0 : -1;
}

/* Skips a value or a whole section, whichever starts here. */
static int peek_skip(struct peek *pk)
{
	int depth = 0;
	const char *s;
	size_t n;

	do {
		peek_skip_space(pk);
		if (peek_at_end(pk))
			return -1;
		if (*pk->p == '{' || *pk->p == '[') {
			depth++;
			pk->p++;
		} else if (*pk->p == '}' || *pk->p == ']') {
			depth--;
			pk->p++;
		} else if (*pk->p == '=' || *pk->p == ',') {
			pk->p++;
		} else if (peek_token(pk, &s, &n)) {
			return -1;
		}
	} while (depth > 0);
	return depth ? -1 : 0;
}

/* Digits only; a leading 0 means octal, as in the config parser. */
static int parse_u32_token(const char *s, size_t n, uint64_t *out)
{
	unsigned base = (n > 1 && s[0] == '0') ? 8 : 10;
	uint64_t v = 0;

	if (!n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] >= (char)('0' + base))
			return -1;
		v = v * base + (uint64_t)(s[i] - '0');
	}
	if (v > UINT32_MAX)
		return -1;
	*out = v;
	return 0;
}

static int peek_vg_items(struct peek *pk, struct pool *mem, char vg_uuid[33],
			 uint32_t *seqno)
{
	int have_id = 0, have_seqno = 0;
	const char *key, *val;
	size_t klen, vlen;

	while (!(have_id && have_seqno)) {
		if (peek_token(pk, &key, &klen))
			return -1;
		peek_skip_space(pk);
		if (peek_at_end(pk) || *pk->p != '=') {
			if (peek_skip(pk))
				return -1;
			continue;
		}
		pk->p++;
		if (klen == 2 && !memcmp(key, "id", 2)) {
			struct lvm_id id;
			char *s;

			if (peek_token(pk, &val, &vlen))
				return -1;
			s = pool_strndup(mem, val, vlen);
			if (id_parse(&id, s))
				return -1;
			memcpy(vg_uuid, id.uuid, ID_LEN + 1);
			have_id = 1;
		} else if (klen == 5 && !memcmp(key, "seqno", 5)) {
			uint64_t v;

			if (peek_token(pk, &val, &vlen) || vlen > 10 ||
			    parse_u32_token(val, vlen, &v))
				return -1;
			*seqno = (uint32_t)v;
			have_seqno = 1;
		} else if (peek_skip(pk)) {
			return -1;
		}
	}
	return 0;
}

int text_peek(const char *text, size_t len, struct pool *mem,
	      const char **vg_name, char vg_uuid[33], uint32_t *seqno)
{
	struct peek pk = { text, text + len };
	const char *key;
	size_t klen;

	for (;;) {
		if (peek_token(&pk, &key, &klen))
			return -1;
		peek_skip_space(&pk);
		if (peek_at_end(&pk))
			return -1;
		if (*pk.p == '{')
			break;
		if (*pk.p != '=')
			return -1;
		pk.p++;
		if (peek_skip(&pk))
			return -1;
	}
	pk.p++;
	if (peek_vg_items(&pk, mem, vg_uuid, seqno))
		return -1;
	*vg_name = pool_strndup(mem, key, klen);
	return 0;
}
