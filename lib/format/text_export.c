/*
 * VG text export in LVM2's exact layout.
 *
 * One writer serves both styles: TEXT_DISK has no indentation and no
 * comments, TEXT_BACKUP indents with tabs and adds LVM's remarks ("# 4
 * Megabytes", "# linear", "# Hint only").  A remark is aligned like LVM
 * does it: tabs up to column 40 (tab stops of 8), at least one tab.
 * Everything goes into the caller's strbuf; no allocation per line.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "config/config.h"
#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/hash.h"
#include "misc/strbuf.h"

#define COMMENT_COLUMN 40

struct writer {
	struct strbuf *out;
	int backup;
	unsigned depth;
	size_t line_start;
	/* LVs made together share a creation time: format it once. */
	int64_t date_time;
	char date[64];
};

/*
 * The helpers that take a literal key are inlined, so that strlen() of
 * the key folds to a constant: a 10,000-LV export writes some 200,000 keys.
 */
#define W_INLINE static inline __attribute__((always_inline))

/* ---- lines ---- */

W_INLINE void w_begin(struct writer *w)
{
	w->line_start = w->out->len;
	if (w->backup)
		strbuf_addchars(w->out, '\t', w->depth);
}

W_INLINE void w_end(struct writer *w)
{
	strbuf_addch(w->out, '\n');
}

static void w_blank(struct writer *w)
{
	strbuf_addch(w->out, '\n');
}

W_INLINE void w_key(struct writer *w, const char *key)
{
	w_begin(w);
	strbuf_add(w->out, key, strlen(key));
	strbuf_add(w->out, " = ", 3);
}

/* Starts a remark on the current line; the caller appends its text. */
static int w_remark(struct writer *w)
{
	size_t col;

	if (!w->backup)
		return 0;
	col = (size_t)w->depth * 8 + (w->out->len - w->line_start - w->depth);
	do {
		strbuf_addch(w->out, '\t');
		col = (col / 8 + 1) * 8;
	} while (col < COMMENT_COLUMN);
	strbuf_add(w->out, "# ", 2);
	return 1;
}

static void w_comment(struct writer *w, const char *text)
{
	if (w_remark(w))
		strbuf_addstr(w->out, text);
}

/* LVM's size remark: the largest unit (KiB at least) the size exceeds, %g. */
static void add_u64(struct strbuf *sb, uint64_t v);

static void w_size_comment(struct writer *w, uint64_t sectors)
{
	static const char *const units[] = { "Kilobytes", "Megabytes", "Gigabytes",
		"Terabytes", "Petabytes", "Exabytes" };
	double v = (double)sectors / 2.0;
	unsigned u = 0;

	if (!w_remark(w))
		return;
	while (u + 1 < sizeof(units) / sizeof(units[0]) && v > 1024.0) {
		v /= 1024.0;
		u++;
	}
	/* %g prints whole numbers below 1e6 as plain digits; skip printf then. */
	if (v < 1e6 && v == (double)(uint64_t)v)
		add_u64(w->out, (uint64_t)v);
	else
		strbuf_addf(w->out, "%g", v);
	strbuf_addch(w->out, ' ');
	strbuf_addstr(w->out, units[u]);
}

static void w_open(struct writer *w, const char *name)
{
	w_begin(w);
	strbuf_addstr(w->out, name);
	strbuf_add(w->out, " {", 2);
	w_end(w);
	w->depth++;
}

static void w_close(struct writer *w)
{
	w->depth--;
	w_begin(w);
	strbuf_addch(w->out, '}');
	w_end(w);
}

/* ---- values ---- */

/* add_quoted() without the quotes, for strings written in pieces. */
static void add_escaped(struct strbuf *sb, const char *s)
{
	size_t n = strcspn(s, "\"\\");

	strbuf_add(sb, s, n);	/* the common case: nothing to escape */
	for (s += n; *s; s++) {
		if (*s == '"' || *s == '\\')
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, *s);
	}
}

static void add_quoted(struct strbuf *sb, const char *s)
{
	strbuf_addch(sb, '"');
	add_escaped(sb, s);
	strbuf_addch(sb, '"');
}

/* printf("%llu") is most of the export time otherwise. */
static void add_u64(struct strbuf *sb, uint64_t v)
{
	char buf[24], *p = buf + sizeof(buf);

	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	strbuf_add(sb, p, (size_t)(buf + sizeof(buf) - p));
}

static void add_i64(struct strbuf *sb, int64_t v)
{
	if (v < 0) {
		strbuf_addch(sb, '-');
		add_u64(sb, (uint64_t)0 - (uint64_t)v);
	} else {
		add_u64(sb, (uint64_t)v);
	}
}

W_INLINE void w_u64(struct writer *w, const char *key, uint64_t v)
{
	w_key(w, key);
	add_u64(w->out, v);
}

static void w_i64(struct writer *w, const char *key, int64_t v)
{
	w_key(w, key);
	add_i64(w->out, v);
}

W_INLINE void w_str(struct writer *w, const char *key, const char *s)
{
	w_key(w, key);
	add_quoted(w->out, s);
}

/* A dashed UUID: its characters never need escaping. */
static void w_id(struct writer *w, const struct lvm_id *id)
{
	char uuid[ID_DASHED_LEN + 3];

	id_format(id, uuid + 1);
	uuid[0] = '"';
	uuid[ID_DASHED_LEN + 1] = '"';
	w_key(w, "id");
	strbuf_add(w->out, uuid, ID_DASHED_LEN + 2);
	w_end(w);
}

static void w_words(struct writer *w, const char *key, const struct status_word *table,
		    uint32_t bits)
{
	int first = 1;

	w_key(w, key);
	strbuf_addch(w->out, '[');
	for (; table->name; table++) {
		if (!(bits & table->bit))
			continue;
		if (!first)
			strbuf_add(w->out, ", ", 2);
		/* status words never need escaping */
		strbuf_addch(w->out, '"');
		strbuf_add(w->out, table->name, strlen(table->name));
		strbuf_addch(w->out, '"');
		first = 0;
	}
	strbuf_addch(w->out, ']');
	w_end(w);
}

static void w_tags(struct writer *w, const struct strv *tags)
{
	if (!tags->n)
		return;
	w_key(w, "tags");
	strbuf_addch(w->out, '[');
	for (size_t i = 0; i < tags->n; i++) {
		if (i)
			strbuf_add(w->out, ", ", 2);
		add_quoted(w->out, tags->v[i]);
	}
	strbuf_addch(w->out, ']');
	w_end(w);
}

/* ---- preserved keys of other segment types ---- */

/* How many items LVM puts on one line of an area list; 0 = not one. */
static unsigned area_list_width(const char *key)
{
	if (!strcmp(key, "mirrors") || !strcmp(key, "stripes") || !strcmp(key, "raids"))
		return 2;
	if (!strcmp(key, "raid0_lvs"))
		return 1;
	return 0;
}

static void w_scalar(struct writer *w, const struct cfg_value *v)
{
	struct cfg_value one = *v;

	one.next = NULL;
	one.list = 0;
	cfg_write_value(&one, w->out);
}

/*
 * Area lists go one area per line.  A raids list pairs "X_rmeta_N" with the
 * following image; an image without metadata LV stands alone.
 */
static void w_area_list(struct writer *w, const struct cfg_node *n, unsigned width)
{
	const struct cfg_value *v = n->value;
	int raids = !strcmp(n->key, "raids");

	w_blank(w);
	w_key(w, n->key);
	strbuf_addch(w->out, '[');
	w_end(w);
	w->depth++;
	while (v && v->type != CFG_EMPTY_ARRAY) {
		unsigned k = width;

		if (raids && !(v->type == CFG_STRING && strstr(v->v.str, "_rmeta_")))
			k = 1;
		w_begin(w);
		for (; k && v; k--, v = v->next) {
			w_scalar(w, v);
			if (v->next)
				strbuf_add(w->out, k > 1 ? ", " : ",", k > 1 ? 2 : 1);
		}
		w_end(w);
	}
	w->depth--;
	w_begin(w);
	strbuf_addch(w->out, ']');
	w_end(w);
}

static void w_node_key(struct writer *w, const char *key)
{
	w_begin(w);
	if (*key && key[0] != '\'' && strcspn(key, " \t\n\v\f\r#={}[],\"") == strlen(key))
		strbuf_addstr(w->out, key);
	else
		add_quoted(w->out, key);
}

static void w_nodes(struct writer *w, const struct cfg_node *n, const char *seg_type)
{
	for (; n; n = n->next) {
		unsigned width = area_list_width(n->key);

		if (!n->value) {
			w_node_key(w, n->key);
			strbuf_add(w->out, " {", 2);
			w_end(w);
			w->depth++;
			w_nodes(w, n->child, NULL);
			w_close(w);
			continue;
		}
		if (width && (n->value->list || n->value->next)) {
			w_area_list(w, n, width);
			continue;
		}
		w_node_key(w, n->key);
		strbuf_add(w->out, " = ", 3);
		cfg_write_value(n->value, w->out);
		if (seg_type && !strcmp(seg_type, "thin-pool") && !strcmp(n->key, "chunk_size") &&
		    n->value->type == CFG_INT && n->value->v.i >= 0)
			w_size_comment(w, (uint64_t)n->value->v.i);
		w_end(w);
	}
}

/* ---- PVs, segments, LVs ---- */

static void w_pv(struct writer *w, const struct volume_group *vg,
		 const struct physical_volume *pv)
{
	char key[16], uuid[ID_DASHED_LEN + 1];
	/*
	 * A PV away now is written as LVM2 writes it (vgcfgbackup too, not
	 * only commits): flag MISSING, hint "[unknown]"; the MISSING status
	 * word is only read, from old metadata.
	 */
	int away = (pv->status & PV_MISSING) != 0;
	const char *hint = away && !pv->dev ? "[unknown]" : pv->dev_hint;

	snprintf(key, sizeof(key), "pv%u", pv->index);
	w_blank(w);
	w_open(w, key);
	id_format(&pv->id, uuid);
	w_str(w, "id", uuid);
	w_end(w);
	if (hint) {
		w_str(w, "device", hint);
		w_comment(w, "Hint only");
		w_end(w);
	}
	w_blank(w);
	if (pv->device_id_type && pv->device_id) {
		w_str(w, "device_id_type", pv->device_id_type);
		w_end(w);
		w_str(w, "device_id", pv->device_id);
		w_end(w);
	}
	w_words(w, "status", pv_status_words, pv->status & ~PV_MISSING);
	w_words(w, "flags", pv_flag_words, pv->flags | (away ? PV_F_MISSING : 0));
	w_tags(w, &pv->tags);
	if (pv->dev_size) {
		w_u64(w, "dev_size", pv->dev_size);
		w_size_comment(w, pv->dev_size);
		w_end(w);
	}
	w_u64(w, "pe_start", pv->pe_start);
	w_end(w);
	w_u64(w, "pe_count", pv->pe_count);
	w_size_comment(w, (uint64_t)pv->pe_count * vg->extent_size);
	w_end(w);
	if (pv->ba_start || pv->ba_size) {
		w_u64(w, "ba_start", pv->ba_start);
		w_end(w);
		w_u64(w, "ba_size", pv->ba_size);
		w_size_comment(w, pv->ba_size);
		w_end(w);
	}
	w_close(w);
}

static void w_stripes(struct writer *w, const struct lv_segment *seg)
{
	w_u64(w, "stripe_count", seg->area_count);
	if (seg->area_count == 1)
		w_comment(w, "linear");
	w_end(w);
	if (seg->area_count > 1) {
		w_u64(w, "stripe_size", seg->stripe_size);
		w_size_comment(w, seg->stripe_size);
		w_end(w);
	}
	w_blank(w);
	w_key(w, "stripes");
	strbuf_addch(w->out, '[');
	w_end(w);
	w->depth++;
	for (uint32_t i = 0; i < seg->area_count; i++) {
		const struct seg_area *a = &seg->areas[i];

		w_begin(w);
		if (a->type == AREA_PV) {
			strbuf_add(w->out, "\"pv", 3);
			add_u64(w->out, a->u.pv.pv->index);
			strbuf_addch(w->out, '"');
			strbuf_add(w->out, ", ", 2);
			add_u64(w->out, a->u.pv.pe);
		} else {
			add_quoted(w->out, a->u.lv.lv ? a->u.lv.lv->name : a->u.lv.name);
			strbuf_add(w->out, ", ", 2);
			add_u64(w->out, a->u.lv.le);
		}
		if (i + 1 < seg->area_count)
			strbuf_addch(w->out, ',');
		w_end(w);
	}
	w->depth--;
	w_begin(w);
	strbuf_addch(w->out, ']');
	w_end(w);
}

static void w_segment(struct writer *w, const struct volume_group *vg,
		      const struct lv_segment *seg, unsigned n)
{
	/* snprintf() here was a sixth of exporting a VG of one-segment LVs. */
	w_begin(w);
	strbuf_add(w->out, "segment", 7);
	add_u64(w->out, n);
	strbuf_add(w->out, " {", 2);
	w_end(w);
	w->depth++;
	w_u64(w, "start_extent", seg->le);
	w_end(w);
	w_u64(w, "extent_count", seg->len);
	w_size_comment(w, (uint64_t)seg->len * vg->extent_size);
	w_end(w);
	w_blank(w);
	if (seg->has_reshape_count) {
		w_u64(w, "reshape_count", seg->reshape_count);
		w_end(w);
	}
	if (seg->has_data_copies) {
		w_u64(w, "data_copies", seg->data_copies);
		w_end(w);
	}
	w_key(w, "type");
	strbuf_addch(w->out, '"');
	add_escaped(w->out, seg->type);
	if (seg->type_flags)
		add_escaped(w->out, seg->type_flags);
	strbuf_addch(w->out, '"');
	w_end(w);
	w_tags(w, &seg->tags);
	if (seg_is_striped(seg))
		w_stripes(w, seg);
	else
		w_nodes(w, seg->extra, seg->type);
	w_close(w);
}

static void w_lv_date_comment(struct writer *w, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!w->backup)
		return;
	if (!w->date[0] || w->date_time != t) {
		w->date[0] = '\0';
		if (!localtime_r(&tt, &tm) ||
		    !strftime(w->date, sizeof(w->date), "%Y-%m-%d %H:%M:%S %z", &tm))
			return;
		w->date_time = t;
	}
	w_comment(w, w->date);
}

static void w_lv_optional(struct writer *w, const struct logical_volume *lv)
{
	if (lv->has_creation) {
		w_i64(w, "creation_time", lv->creation_time);
		w_lv_date_comment(w, lv->creation_time);
		w_end(w);
		w_str(w, "creation_host", lv->creation_host ? lv->creation_host : "");
		w_end(w);
	}
	if (lv->lock_args) {
		w_str(w, "lock_args", lv->lock_args);
		w_end(w);
	}
	if (lv->alloc != ALLOC_INHERIT) {
		w_str(w, "allocation_policy", alloc_policy_name(lv->alloc));
		w_end(w);
	}
	if (lv->profile) {
		w_str(w, "profile", lv->profile);
		w_end(w);
	}
	if (lv->read_ahead == READ_AHEAD_NONE) {
		w_i64(w, "read_ahead", -1);
		w_comment(w, "None");
		w_end(w);
	} else if (lv->read_ahead != READ_AHEAD_AUTO) {
		w_u64(w, "read_ahead", lv->read_ahead);
		w_end(w);
	}
	if (lv->has_major_minor && lv->major >= 0) {
		w_i64(w, "major", lv->major);
		w_end(w);
	}
	if (lv->has_major_minor && lv->minor >= 0) {
		w_i64(w, "minor", lv->minor);
		w_end(w);
	}
}

static void w_lv(struct writer *w, const struct volume_group *vg,
		 const struct logical_volume *lv)
{
	const struct lv_segment *seg;
	unsigned n = 0;

	w_blank(w);
	w_open(w, lv->name);
	w_id(w, &lv->id);
	w_words(w, "status", lv_status_words, lv->status);
	w_words(w, "flags", lv_flag_words, lv->flags);
	w_tags(w, &lv->tags);
	w_lv_optional(w, lv);
	w_u64(w, "segment_count", lv->seg_count);
	w_end(w);
	w_blank(w);
	TAILQ_FOREACH(seg, &lv->segments, list)
		w_segment(w, vg, seg, ++n);
	w_close(w);
}

static const char *snapshot_cow(const struct logical_volume *lv)
{
	const struct lv_segment *seg = TAILQ_FIRST(&lv->segments);

	if (!seg || strcmp(seg->type, "snapshot"))
		return NULL;
	for (const struct cfg_node *n = seg->extra; n; n = n->next)
		if (n->value && n->value->type == CFG_STRING &&
		    (!strcmp(n->key, "cow_store") || !strcmp(n->key, "merging_store")))
			return n->value->v.str;
	return NULL;
}

/*
 * LVM's notion of visible, which orders the LVs: an old-style snapshot
 * shows under its COW LV's name, so the COW LV counts as visible and the
 * internal "snapshotN" LV (which carries VISIBLE) as hidden.
 */
static int lv_listed_as_visible(const struct logical_volume *lv, const struct hash *cows)
{
	if (cows && hash_lookup(cows, lv->name))
		return 1;
	if (cows && snapshot_cow(lv))
		return 0;
	return lv_is_visible(lv);
}

static struct hash *find_cows(const struct volume_group *vg)
{
	const struct logical_volume *lv;
	struct hash *cows = NULL;
	const char *cow;

	TAILQ_FOREACH(lv, &vg->lvs, list) {
		if (!(cow = snapshot_cow(lv)))
			continue;
		if (!cows)
			cows = hash_create(8);
		hash_insert(cows, cow, (void *)lv);
	}
	return cows;
}

/* Visible LVs first, then hidden ones, each group in list order. */
static void w_lvs(struct writer *w, const struct volume_group *vg)
{
	const struct logical_volume *lv;
	struct hash *cows;

	if (TAILQ_EMPTY(&vg->lvs))
		return;
	cows = find_cows(vg);
	w_open(w, "logical_volumes");
	TAILQ_FOREACH(lv, &vg->lvs, list)
		if (lv_listed_as_visible(lv, cows))
			w_lv(w, vg, lv);
	TAILQ_FOREACH(lv, &vg->lvs, list)
		if (!lv_listed_as_visible(lv, cows))
			w_lv(w, vg, lv);
	w_close(w);
	if (cows)
		hash_destroy(cows);
}

static void w_historical(struct writer *w, const struct cfg_node *hlvs)
{
	if (!hlvs)
		return;
	w_blank(w);
	w_open(w, "historical_logical_volumes");
	for (const struct cfg_node *c = hlvs->child; c; c = c->next) {
		if (!c->value) {
			w_blank(w);
			w_node_key(w, c->key);
			strbuf_add(w->out, " {", 2);
			w_end(w);
			w->depth++;
			w_nodes(w, c->child, NULL);
			w_close(w);
		} else {
			w_nodes(w, c, NULL);
			break;	/* w_nodes wrote the rest of the chain */
		}
	}
	w_close(w);
}

static void w_vg_header(struct writer *w, const struct volume_group *vg)
{
	char uuid[ID_DASHED_LEN + 1];

	id_format(&vg->id, uuid);
	w_str(w, "id", uuid);
	w_end(w);
	w_u64(w, "seqno", vg->seqno);
	w_end(w);
	w_str(w, "format", "lvm2");
	w_comment(w, "informational");
	w_end(w);
	w_words(w, "status", vg_status_words, vg->status);
	w_words(w, "flags", vg_flag_words, vg->flags);
	w_tags(w, &vg->tags);
	if (vg->system_id) {
		w_str(w, "system_id", vg->system_id);
		w_end(w);
	}
	if (vg->lock_type) {
		w_str(w, "lock_type", vg->lock_type);
		w_end(w);
		if (vg->lock_args) {
			w_str(w, "lock_args", vg->lock_args);
			w_end(w);
		}
	}
	w_u64(w, "extent_size", vg->extent_size);
	w_size_comment(w, vg->extent_size);
	w_end(w);
	w_u64(w, "max_lv", vg->max_lv);
	w_end(w);
	w_u64(w, "max_pv", vg->max_pv);
	w_end(w);
}

static void w_vg(struct writer *w, const struct volume_group *vg)
{
	const struct physical_volume *pv;

	w_open(w, vg->name);
	w_vg_header(w, vg);
	if (vg->alloc != ALLOC_NORMAL && vg->alloc != ALLOC_INHERIT) {
		w_blank(w);
		w_str(w, "allocation_policy", alloc_policy_name(vg->alloc));
		w_end(w);
	}
	if (vg->profile) {
		w_str(w, "profile", vg->profile);
		w_end(w);
	}
	w_u64(w, "metadata_copies", vg->mda_copies);
	w_end(w);
	w_blank(w);
	w_open(w, "physical_volumes");
	TAILQ_FOREACH(pv, &vg->pvs, list)
		w_pv(w, vg, pv);
	w_close(w);
	w_blank(w);
	w_lvs(w, vg);
	w_historical(w, vg->historical_lvs);
	w_blank(w);
	w_close(w);
}

/* The top-level items; ctx fields left empty fall back to the VG's. */
static void w_top(struct strbuf *out, const struct volume_group *vg,
		  const struct text_context *ctx)
{
	static const struct text_context none;
	const char *desc, *host;
	int64_t t;
	time_t tt;
	struct tm tm;
	char date[64] = "";

	if (!ctx)
		ctx = &none;
	desc = ctx->description ? ctx->description : vg->description ? vg->description : "";
	host = ctx->creation_host ? ctx->creation_host :
	       vg->creation_host ? vg->creation_host : "";
	t = ctx->creation_time ? ctx->creation_time : vg->creation_time;
	tt = (time_t)t;
	if (localtime_r(&tt, &tm))
		strftime(date, sizeof(date), "%a %b %e %H:%M:%S %Y", &tm);
	strbuf_addf(out, "# Generated by openlvm version %s: %s\n\n",
		    ctx->generator ? ctx->generator : "openlvm", date);
	strbuf_addstr(out, "contents = \"Text Format Volume Group\"\nversion = 1\n\n");
	strbuf_addstr(out, "description = ");
	add_quoted(out, desc);
	strbuf_addstr(out, "\n\ncreation_host = ");
	add_quoted(out, host);
	if (ctx->uname_line)
		strbuf_addf(out, "\t# %s", ctx->uname_line);
	strbuf_addf(out, "\ncreation_time = %" PRId64 "\t# %s\n\n", t, date);
}

void vg_export_text(const struct volume_group *vg, enum text_style style,
		    const struct text_context *ctx, struct strbuf *out)
{
	struct writer w = { .out = out, .backup = style == TEXT_BACKUP };

	/* Roughly what an LV and a PV take, to grow the buffer once. */
	strbuf_grow(out, 1024 + (size_t)vg->lv_count * 400 + (size_t)vg->pv_count * 250);

	if (w.backup)
		w_top(out, vg, ctx);
	w_vg(&w, vg);
	if (!w.backup)
		w_top(out, vg, ctx);
}
