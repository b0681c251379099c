/*
 * Output layouts, as LVM2 prints them: aligned columns (two leading
 * spaces, every column padded, numbers right-aligned), separated values,
 * LVM2_NAME=value pairs, one row per field (--rows), and JSON with its
 * fixed indentation and every value a string.
 */
#include "report/report_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "misc/pool.h"
#include "misc/strbuf.h"

static int right_aligned(const struct field_def *f)
{
	/* LVM2 keeps the PV device numbers left-aligned, unlike every other number. */
	if (!strcmp(f->name, "pv_major") || !strcmp(f->name, "pv_minor"))
		return 0;
	return f->type == VT_NUM || f->type == VT_SNUM || f->type == VT_SIZE ||
	       f->type == VT_PCT || f->type == VT_BIN;
}

/* Per-column layout of the aligned output, worked out once per report. */
struct col_fmt {
	size_t width;
	int right;
};

static int pads(const struct report_opts *o)
{
	return !o->separator || o->aligned;
}

static void add_heading(const struct report_opts *o, const struct report_layout *l,
			const struct col_fmt *fmt, struct strbuf *sb)
{
	size_t i;

	strbuf_addstr(sb, "  ");
	for (i = 0; i < l->ncols; i++) {
		if (i)
			strbuf_addstr(sb, o->separator ? o->separator : " ");
		if (pads(o) && !o->name_prefixes)
			strbuf_addf(sb, "%-*.*s", (int)fmt[i].width, (int)fmt[i].width,
				    l->cols[i]->heading);
		else
			strbuf_addstr(sb, l->cols[i]->heading);
	}
	strbuf_addch(sb, '\n');
}

static void add_prefixed(const struct report_opts *o, const struct field_def *f,
			 const char *v, struct strbuf *sb)
{
	const char *p;

	strbuf_addstr(sb, "LVM2_");
	for (p = f->name; *p; p++)
		strbuf_addch(sb, toupper((unsigned char)*p));
	strbuf_addch(sb, '=');
	if (o->unquoted) {
		strbuf_addstr(sb, v);
		return;
	}
	strbuf_addch(sb, '\'');
	strbuf_addstr(sb, v);
	strbuf_addch(sb, '\'');
}

/*
 * One cell, padded to its column.  Spaces and text are written straight
 * into the buffer: 10,000 rows of 12 columns make this the hottest loop
 * of `lvs`.
 */
static void add_cell(struct strbuf *sb, const char *s, const struct col_fmt *c)
{
	size_t len = strlen(s), pad = c->width > len ? c->width - len : 0;
	char *p;

	strbuf_grow(sb, len + pad);
	p = sb->buf + sb->len;
	if (c->right) {
		memset(p, ' ', pad);
		memcpy(p + pad, s, len);
	} else {
		memcpy(p, s, len);
		memset(p + len, ' ', pad);
	}
	sb->len += len + pad;
	sb->buf[sb->len] = '\0';
}

/*
 * The aligned layout of a whole row, written in place: the line's length
 * is known from the column widths (text never exceeds them), so the
 * buffer grows once per row, and the many empty cells are only padding.
 */
static void add_padded_line(const struct report_layout *l, const struct col_fmt *fmt,
			    const char *sep, size_t seplen, size_t linelen,
			    const struct row *row, struct strbuf *sb)
{
	char *p;
	size_t i;

	strbuf_grow(sb, linelen);
	p = sb->buf + sb->len;
	*p++ = ' ';
	*p++ = ' ';
	for (i = 0; i < l->ncols; i++) {
		const char *s = row->text[i];
		size_t len = *s ? strlen(s) : 0, pad = fmt[i].width - len;

		if (i) {
			memcpy(p, sep, seplen);
			p += seplen;
		}
		if (fmt[i].right) {
			memset(p, ' ', pad);
			memcpy(p + pad, s, len);
		} else {
			memcpy(p, s, len);
			memset(p + len, ' ', pad);
		}
		p += fmt[i].width;
	}
	*p++ = '\n';
	*p = '\0';
	sb->len = (size_t)(p - sb->buf);
}

static void add_row_line(const struct report_opts *o, const struct report_layout *l,
			 const struct col_fmt *fmt, const struct row *row, struct strbuf *sb)
{
	const char *sep = o->separator ? o->separator : " ";
	size_t i;

	strbuf_add(sb, "  ", 2);
	for (i = 0; i < l->ncols; i++) {
		if (i)
			strbuf_addstr(sb, sep);
		if (o->name_prefixes)
			add_prefixed(o, l->cols[i], row->text[i], sb);
		else if (pads(o))
			add_cell(sb, row->text[i], &fmt[i]);
		else
			strbuf_addstr(sb, row->text[i]);
	}
	strbuf_addch(sb, '\n');
}

/*
 * The heading never widens a column: LVM2 cuts it (InitImgSyn).  Rows are
 * walked one at a time, all columns each: column by column, 10,000 rows
 * meant a cache miss for nearly every cell.
 */
static struct col_fmt *col_formats(const struct report_layout *l, struct row *const *rows,
				   size_t nrows)
{
	struct col_fmt *fmt = xcalloc(l->ncols ? l->ncols : 1, sizeof(*fmt));
	size_t i, j, len;

	for (i = 0; i < l->ncols; i++) {
		fmt[i].width = l->cols[i]->width;
		fmt[i].right = right_aligned(l->cols[i]);
	}
	for (j = 0; j < nrows; j++)
		for (i = 0; i < l->ncols; i++)
			if (*rows[j]->text[i] && (len = strlen(rows[j]->text[i])) > fmt[i].width)
				fmt[i].width = len;
	return fmt;
}

/*
 * --rows: one line per field, the rows side by side.  LVM2 never pads here,
 * not even with --aligned.
 */
static void add_transposed(const struct report_opts *o, const struct report_layout *l,
			   struct row *const *rows, size_t nrows, struct strbuf *sb)
{
	const char *sep = o->separator ? o->separator : " ";
	size_t i, j;

	for (i = 0; i < l->ncols; i++) {
		strbuf_addstr(sb, "  ");
		if (!o->no_headings)
			strbuf_addstr(sb, l->cols[i]->heading);
		for (j = 0; j < nrows; j++) {
			if (j || !o->no_headings)
				strbuf_addstr(sb, sep);
			if (o->name_prefixes)
				add_prefixed(o, l->cols[i], rows[j]->text[i], sb);
			else
				strbuf_addstr(sb, rows[j]->text[i]);
		}
		strbuf_addch(sb, '\n');
	}
}

static void add_json_string(struct strbuf *sb, const char *s)
{
	strbuf_addch(sb, '"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			strbuf_addch(sb, '\\');
		if (ch < 0x20)
			strbuf_addf(sb, "\\u%04x", ch);
		else
			strbuf_addch(sb, ch);
	}
	strbuf_addch(sb, '"');
}

static int is_plain_number(const char *s)
{
	if (*s == '-')
		s++;
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s) && *s != '.')
			return 0;
	return 1;
}

static void add_json_value(const struct report_opts *o, const struct field_def *f,
			   const char *v, struct strbuf *sb)
{
	int numeric = f->type == VT_NUM || f->type == VT_SNUM || f->type == VT_SIZE ||
		      f->type == VT_PCT;

	if (o->format == RPT_FMT_JSON_STD && numeric) {
		if (!*v) {
			strbuf_addstr(sb, "null");
			return;
		}
		if (is_plain_number(v)) {
			strbuf_addstr(sb, v);
			return;
		}
	}
	add_json_string(sb, v);
}

/*
 * Output goes out in pieces of about this size: the lines of 10,000 LVs
 * would otherwise sit in one buffer of one to three MB, grown by copies.
 */
#define OUT_CHUNK (64 * 1024)

/* Writes what sb holds and empties it; 1 (and *ret = -1) on a write error. */
static int flush_part(struct strbuf *sb, FILE *out, int *ret)
{
	int failed = fwrite(sb->buf, 1, sb->len, out) != sb->len;

	strbuf_reset(sb);
	if (failed)
		*ret = -1;
	return failed;
}

static int add_json(const struct report_opts *o, const struct report_layout *l,
		    struct row *const *rows, size_t nrows, struct strbuf *sb, FILE *out)
{
	size_t i, j;
	int ret = 0;

	strbuf_addstr(sb, "  {\n      \"report\": [\n          {\n");
	strbuf_addf(sb, "              \"%s\": [\n", l->json_name);
	for (j = 0; j < nrows; j++) {
		strbuf_addstr(sb, "                  {");
		for (i = 0; i < l->ncols; i++) {
			if (i)
				strbuf_addstr(sb, ", ");
			add_json_string(sb, l->cols[i]->name);
			strbuf_addch(sb, ':');
			add_json_value(o, l->cols[i], rows[j]->text[i], sb);
		}
		strbuf_addstr(sb, j + 1 < nrows ? "},\n" : "}\n");
		if (sb->len >= OUT_CHUNK && flush_part(sb, out, &ret))
			return ret;
	}
	strbuf_addstr(sb, "              ]\n          }\n      ]\n  }\n");
	return ret;
}

static int write_out(struct strbuf *sb, FILE *out)
{
	int ret = fwrite(sb->buf, 1, sb->len, out) == sb->len ? 0 : -1;

	strbuf_release(sb);
	return ret;
}

int report_print(const struct report_opts *o, const struct report_layout *l,
		 struct row *const *rows, size_t nrows, FILE *out)
{
	struct strbuf sb = STRBUF_INIT;
	struct col_fmt *fmt;
	size_t i;
	int ret = 0;

	if (o->format != RPT_FMT_BASIC) {
		ret = add_json(o, l, rows, nrows, &sb, out);
		return write_out(&sb, out) || ret ? -1 : 0;
	}
	if (o->rows) {
		add_transposed(o, l, rows, nrows, &sb);
		return write_out(&sb, out);
	}
	fmt = col_formats(l, rows, nrows);
	/* LVM2 prints no heading line when there is nothing to report */
	if (!o->no_headings && nrows)
		add_heading(o, l, fmt, &sb);
	if (pads(o) && !o->name_prefixes) {
		const char *sep = o->separator ? o->separator : " ";
		size_t seplen = strlen(sep), linelen = 3;

		for (i = 0; i < l->ncols; i++)
			linelen += fmt[i].width + (i ? seplen : 0);
		for (i = 0; i < nrows; i++) {
			add_padded_line(l, fmt, sep, seplen, linelen, rows[i], &sb);
			if (sb.len >= OUT_CHUNK && flush_part(&sb, out, &ret))
				break;
		}
	} else {
		for (i = 0; i < nrows; i++) {
			add_row_line(o, l, fmt, rows[i], &sb);
			if (sb.len >= OUT_CHUNK && flush_part(&sb, out, &ret))
				break;
		}
	}
	free(fmt);
	if (write_out(&sb, out))
		ret = -1;
	return ret;
}

int report_print_unbuffered(const struct report_opts *o, const struct report_layout *l,
			    const struct row *row, int heading, FILE *out)
{
	struct strbuf sb = STRBUF_INIT;
	struct col_fmt *fmt = col_formats(l, NULL, 0);

	if (heading && !o->no_headings)
		add_heading(o, l, fmt, &sb);
	if (row)
		add_row_line(o, l, fmt, row, &sb);
	free(fmt);
	return write_out(&sb, out);
}
