/*
 * Config-tree parser: one pass over the text, no recursion (sections are
 * tracked with an explicit stack bounded by CFG_MAX_DEPTH), every node and
 * string carved from the caller's pool.  Metadata texts of several MB are
 * parsed on every VG read, so the byte loops use a class table rather than
 * per-character calls, and nodes, values and token strings are bumped from
 * slabs: a 10,000-LV VG has some 300,000 of them.
 *
 * cfg_parse_stream() hands each closed section to a callback, which may
 * consume it: the subtree is then unlinked and its slab memory, being the
 * last thing carved, is reused for the next section.  A VG import that
 * consumes its LVs one by one needs memory for one LV's tree instead of
 * the whole VG's (some 15 MB for 10,000 LVs, each page of which costs a
 * page fault), and tokens are copied out of the text one at a time
 * rather than the whole text up front for the same reason.
 */
#include "config/config.h"
#include "misc/pool.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_WORD = 0, C_SPACE, C_DELIM };

/* Bytes that end a bare key or word; everything else belongs to it. */
static const unsigned char byte_class[256] = {
	[' '] = C_SPACE, ['\t'] = C_SPACE, ['\n'] = C_SPACE,
	['\v'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE,
	['\0'] = C_DELIM, ['#'] = C_DELIM, ['='] = C_DELIM,
	['{'] = C_DELIM, ['}'] = C_DELIM, ['['] = C_DELIM,
	[']'] = C_DELIM, [','] = C_DELIM, ['"'] = C_DELIM,
};

#define IS_WORD(c) (byte_class[(unsigned char)(c)] == C_WORD)

/* Bytes that need a look inside a "..." string. */
static const unsigned char dquote_stop[256] = {
	['"'] = 1, ['\\'] = 1, ['\n'] = 1,
};

/* ... and inside a '...' string, which has no escapes. */
static const unsigned char squote_stop[256] = {
	['\''] = 1, ['\n'] = 1,
};

#define SLAB_SIZE (16 * 1024)
#define SLAB_ALIGN 8		/* enough for every member of nodes and values */

struct parser {
	struct pool *pool;
	const char *pos;
	const char *end;
	const char *line_start;	/* first byte of the current line */
	unsigned line;
	char *err;
	size_t errlen;
	/* Room for nodes, values and tokens; zero past slab, up to slab_end. */
	char *slab, *slab_end, *slab_base;
	cfg_section_fn *on_close;
	void *arg;
};

static void new_slab(struct parser *ps)
{
	ps->slab = ps->slab_base = pool_alloc(ps->pool, SLAB_SIZE);
	ps->slab_end = ps->slab + SLAB_SIZE;
}

/* A zeroed node or value; cheaper than a pool_alloc call for each. */
static void *slab_new(struct parser *ps, size_t size)
{
	void *mem;

	size = (size + SLAB_ALIGN - 1) & ~(size_t)(SLAB_ALIGN - 1);
	if ((size_t)(ps->slab_end - ps->slab) < size)
		new_slab(ps);
	mem = ps->slab;
	ps->slab += size;
	return mem;
}

#define SLAB_NEW(ps, type) ((type *)slab_new((ps), sizeof(type)))

/*
 * The token at start..start+n as a string.  Short ones go to the slab,
 * which keeps the next node aligned; long ones (a description, a huge
 * key) get pool memory of their own so a slab is never mostly string.
 */
static char *token_copy(struct parser *ps, const char *start, size_t n)
{
	size_t room = (n + SLAB_ALIGN) & ~(size_t)(SLAB_ALIGN - 1);
	char *s;

	if (room > SLAB_SIZE / 4)
		return pool_strndup(ps->pool, start, n);
	s = slab_new(ps, room);
	memcpy(s, start, n);
	return s;	/* the slab was zero: s[n] is the terminator */
}

/* Where a section's subtree begins in the slabs. */
struct slab_mark {
	char *at, *base;
};

/*
 * Gives back everything carved since mark, zeroed again.  When the slab
 * has changed since, only the current one is reclaimed: the tails of the
 * earlier ones stay carved until the pool goes, at most a slab per
 * consumed section that did not fit in what was left of one.
 */
static void slab_rewind(struct parser *ps, struct slab_mark mark)
{
	char *to = mark.base == ps->slab_base ? mark.at : ps->slab_base;

	memset(to, 0, (size_t)(ps->slab - to));
	ps->slab = to;
}

/* A position remembered before a token whose scan may cross lines. */
struct loc {
	unsigned line;
	size_t col;
};

static struct loc loc_of(const struct parser *ps, const char *at)
{
	struct loc l = { ps->line, (size_t)(at - ps->line_start) + 1 };

	return l;
}

static void vfail(struct parser *ps, struct loc at, const char *fmt, va_list ap)
{
	int n;

	if (!ps->err || !ps->errlen)
		return;
	n = snprintf(ps->err, ps->errlen, "line %u, column %zu: ", at.line, at.col);
	if (n >= 0 && (size_t)n < ps->errlen)
		vsnprintf(ps->err + n, ps->errlen - (size_t)n, fmt, ap);
}

/* Reports an error at a remembered location; returns NULL for chaining. */
__attribute__((format(printf, 3, 4)))
static void *fail_loc(struct parser *ps, struct loc at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(ps, at, fmt, ap);
	va_end(ap);
	return NULL;
}

/* Reports an error at a byte of the current line. */
__attribute__((format(printf, 3, 4)))
static void *fail_at(struct parser *ps, const char *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(ps, loc_of(ps, at), fmt, ap);
	va_end(ap);
	return NULL;
}

/* Skips whitespace and comments, counting lines; inlined: 500,000 calls. */
static inline __attribute__((always_inline)) void skip_blanks(struct parser *ps)
{
	const char *p = ps->pos, *end = ps->end;

	while (p < end) {
		unsigned char c = (unsigned char)*p;

		if (c == '\n') {
			ps->line++;
			ps->line_start = ++p;
		} else if (byte_class[c] == C_SPACE) {
			p++;
		} else if (c == '#') {
			const char *nl = memchr(p, '\n', (size_t)(end - p));

			p = nl ? nl : end;
		} else {
			break;
		}
	}
	ps->pos = p;
}

static const char *scan_word(const char *p, const char *end)
{
	while (p < end && IS_WORD(*p))
		p++;
	return p;
}

/* Drops each backslash of a "..." body, keeping what follows. */
static char *unescape(struct parser *ps, const char *start, size_t n)
{
	char *out = token_copy(ps, start, n), *d = out;
	const char *s = out, *end = out + n;

	while (s < end) {
		if (*s == '\\')
			s++;
		*d++ = *s++;
	}
	*d = '\0';
	return out;
}

/* Reads "..." (with \ escapes) or '...' (raw) starting at ps->pos. */
static const char *read_quoted(struct parser *ps)
{
	struct loc at = loc_of(ps, ps->pos);
	char quote = *ps->pos;
	const char *start = ps->pos + 1, *p = start, *end = ps->end;
	const unsigned char *stop = quote == '"' ? dquote_stop : squote_stop;
	int escaped = 0;
	size_t n;

	for (;;) {
		while (p < end && !stop[(unsigned char)*p])
			p++;
		if (p >= end || *p == quote)
			break;
		if (*p == '\\') {
			escaped = 1;
			if (++p == end)
				break;
		}
		if (*p == '\n') {
			ps->line++;
			ps->line_start = p + 1;
		}
		p++;
	}
	if (p >= end)
		return fail_loc(ps, at, "unterminated string");
	n = (size_t)(p - start);
	if (n > CFG_MAX_TOKEN)
		return fail_loc(ps, at, "token longer than 16 MiB");
	ps->pos = p + 1;
	return escaped ? unescape(ps, start, n) : token_copy(ps, start, n);
}

static const char *read_key(struct parser *ps)
{
	const char *start = ps->pos, *p;

	if (*start == '"' || *start == '\'')
		return read_quoted(ps);
	if (!IS_WORD(*start))
		return fail_at(ps, start, "unexpected '%c'", *start);
	p = scan_word(start, ps->end);
	if ((size_t)(p - start) > CFG_MAX_TOKEN)
		return fail_at(ps, start, "token longer than 16 MiB");
	ps->pos = p;
	return token_copy(ps, start, (size_t)(p - start));
}

/*
 * Converts [+-]digits with C's automatic base (leading 0 = octal).
 * Returns 0, or -1 for a bad digit, -2 for overflow.
 */
static int convert_int(const char *s, const char *e, int64_t *out)
{
	int neg = (*s == '-');
	uint64_t limit, acc = 0;
	unsigned base;

	if (*s == '-' || *s == '+')
		s++;
	base = (*s == '0' && e - s > 1) ? 8 : 10;
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; s < e; s++) {
		unsigned d = (unsigned)(*s - '0');

		if (d >= base)
			return -1;
		if (acc > (limit - d) / base)
			return -2;
		acc = acc * base + d;
	}
	if (neg)
		*out = acc > (uint64_t)INT64_MAX ? INT64_MIN : -(int64_t)acc;
	else
		*out = (int64_t)acc;
	return 0;
}

/* [+-]digits.digits*; strtod wants a terminated copy. */
static int convert_float(struct pool *pool, const char *s, size_t n, double *out)
{
	char small[64];
	char *copy = n < sizeof(small) ? small : pool_alloc(pool, n + 1);

	memcpy(copy, s, n);
	copy[n] = '\0';
	errno = 0;
	*out = strtod(copy, NULL);
	/* Underflow to 0 or a denormal is harmless; overflow is not. */
	return (errno == ERANGE && (*out > 1.0 || *out < -1.0)) ? -2 : 0;
}

static void *bad_number(struct parser *ps, struct loc at, const char *s, size_t n)
{
	return fail_loc(ps, at, "invalid number '%.*s'", n > 40 ? 40 : (int)n, s);
}

/*
 * The common case of a word: decimal digits without sign or leading zero
 * that fit in 18 digits, converted in the same pass that finds the word's
 * end.  Returns 0 when the word is anything else.
 */
static int read_plain_int(struct parser *ps, struct cfg_value *v)
{
	const char *p = ps->pos, *end = ps->end;
	const char *stop = end - p > 18 ? p + 18 : end;
	int64_t acc = 0;

	if (*p == '0' && p + 1 < end && IS_WORD(p[1]))
		return 0;
	for (; p < stop; p++) {
		unsigned d = (unsigned)(*p - '0');

		if (d > 9)
			break;
		acc = acc * 10 + d;
	}
	if (p == ps->pos || (p < end && IS_WORD(*p)))
		return 0;
	ps->pos = p;
	v->type = CFG_INT;
	v->v.i = acc;
	return 1;
}

/* Types a bare word: number when it starts with [+-]digit, else string. */
static struct cfg_value *read_word(struct parser *ps, struct cfg_value *v)
{
	const char *start = ps->pos, *end = scan_word(start, ps->end);
	const char *digits = start + (*start == '+' || *start == '-');
	size_t n = (size_t)(end - start);
	struct loc at = loc_of(ps, start);
	const char *dot, *p;
	int r;

	if (n > CFG_MAX_TOKEN)
		return fail_loc(ps, at, "token longer than 16 MiB");
	ps->pos = end;
	if (digits == end || *digits < '0' || *digits > '9') {
		/* LVM2 rejects "-abc": a sign always starts a number. */
		if (digits != start)
			return bad_number(ps, at, start, n);
		v->type = CFG_STRING;
		v->v.str = token_copy(ps, start, n);
		return v;
	}
	dot = memchr(digits, '.', (size_t)(end - digits));
	for (p = digits; p < end; p++)
		if ((*p < '0' || *p > '9') && p != dot)
			return bad_number(ps, at, start, n);
	if (dot) {
		v->type = CFG_FLOAT;
		r = convert_float(ps->pool, start, n, &v->v.f);
	} else {
		v->type = CFG_INT;
		r = convert_int(start, end, &v->v.i);
	}
	if (r == -1)
		return bad_number(ps, at, start, n);
	if (r == -2)
		return fail_loc(ps, at, "%s out of range", dot ? "float" : "integer");
	return v;
}

static struct cfg_value *read_scalar(struct parser *ps)
{
	struct cfg_value *v;
	char c;

	if (ps->pos == ps->end)
		return fail_at(ps, ps->pos, "unexpected end of input, expected a value");
	c = *ps->pos;
	if (c != '"' && c != '\'' && !IS_WORD(c))
		return fail_at(ps, ps->pos, "expected a value, found '%c'", c);
	v = SLAB_NEW(ps, struct cfg_value);
	if (c == '"' || c == '\'') {
		v->type = CFG_STRING;
		v->v.str = read_quoted(ps);
		return v->v.str ? v : NULL;
	}
	if (read_plain_int(ps, v))
		return v;
	return read_word(ps, v);
}

/* After '[': items separated by mandatory commas (one may trail), then ']'. */
static struct cfg_value *read_list(struct parser *ps)
{
	struct cfg_value *head = NULL, **link = &head, *v;

	skip_blanks(ps);
	if (ps->pos < ps->end && *ps->pos == ']') {
		ps->pos++;
		v = SLAB_NEW(ps, struct cfg_value);
		v->type = CFG_EMPTY_ARRAY;
		v->list = 1;
		return v;
	}
	for (;;) {
		if (!(v = read_scalar(ps)))
			return NULL;
		v->list = 1;
		*link = v;
		link = &v->next;
		skip_blanks(ps);
		if (ps->pos == ps->end)
			return fail_at(ps, ps->pos, "unexpected end of input inside list");
		if (*ps->pos == ']') {
			ps->pos++;
			return head;
		}
		if (*ps->pos != ',') {
			char c = *ps->pos;

			if (c == '"' || c == '\'' || IS_WORD(c))
				return fail_at(ps, ps->pos, "missing ',' between list items");
			return fail_at(ps, ps->pos, "unexpected '%c' in list", c);
		}
		ps->pos++;
		skip_blanks(ps);
		/* LVM2 accepts one trailing comma: ["a", ]. */
		if (ps->pos < ps->end && *ps->pos == ']') {
			ps->pos++;
			return head;
		}
	}
}

static struct cfg_value *read_value(struct parser *ps)
{
	skip_blanks(ps);
	if (ps->pos < ps->end && *ps->pos == '[') {
		ps->pos++;
		return read_list(ps);
	}
	return read_scalar(ps);
}

/* Reads "key = value" or "key {" at ps->pos into node; 1 = opens a section. */
static int read_item(struct parser *ps, struct cfg_node *node, unsigned depth)
{
	struct loc at = loc_of(ps, ps->pos);

	node->line = at.line;
	if (!(node->key = read_key(ps)))
		return -1;
	skip_blanks(ps);
	if (ps->pos == ps->end) {
		fail_at(ps, ps->pos, "unexpected end of input after key '%.40s'", node->key);
		return -1;
	}
	if (*ps->pos == '=') {
		ps->pos++;
		node->value = read_value(ps);
		return node->value ? 0 : -1;
	}
	if (*ps->pos == '{') {
		if (depth >= CFG_MAX_DEPTH) {
			fail_at(ps, ps->pos, "nesting deeper than %d levels", CFG_MAX_DEPTH);
			return -1;
		}
		ps->pos++;
		return 1;
	}
	fail_at(ps, ps->pos, "expected '=' or '{' after key '%.40s'", node->key);
	return -1;
}

/* Unlinks the section just closed at depth from its parent (prev: its predecessor). */
static void drop_section(struct parser *ps, struct cfg_node *parent, struct cfg_node *prev,
			 struct slab_mark mark)
{
	if (prev)
		prev->next = NULL;
	else
		parent->child = NULL;
	slab_rewind(ps, mark);
}

struct cfg_node *cfg_parse_stream(struct pool *p, const char *text, size_t len,
				  cfg_section_fn *on_close, void *arg, char *err, size_t errlen)
{
	struct parser ps = { .pool = p, .pos = text, .line_start = text, .line = 1,
			     .err = err, .errlen = errlen, .on_close = on_close, .arg = arg };
	/* Per depth: last child so far, the one before it, where it was carved. */
	struct cfg_node *tail[CFG_MAX_DEPTH + 1], *prev[CFG_MAX_DEPTH + 1];
	struct slab_mark mark[CFG_MAX_DEPTH + 1];
	struct cfg_node *root, *sect, *node, *closed;
	const char *nul = len ? memchr(text, '\0', len) : NULL;
	unsigned depth = 0;
	int r;

	if (err && errlen)
		err[0] = '\0';
	ps.end = nul ? nul : text + len;
	root = sect = SLAB_NEW(&ps, struct cfg_node);
	root->key = "";
	tail[0] = prev[0] = NULL;
	for (;;) {
		skip_blanks(&ps);
		if (ps.pos == ps.end) {
			if (depth)
				return fail_at(&ps, ps.pos, "unexpected end of input: section '%.40s' not closed",
					       sect->key);
			break;
		}
		if (*ps.pos == '}') {
			if (!depth)
				return fail_at(&ps, ps.pos, "unexpected '}'");
			ps.pos++;
			closed = sect;
			closed->last_child = tail[depth--];
			sect = sect->parent;
			if (!on_close)
				continue;
			/* depth + 1 is where closed hangs: 1 for the root's children. */
			if ((r = on_close(arg, closed, depth + 1)) < 0)
				return NULL;
			if (r > 0) {
				drop_section(&ps, sect, prev[depth], mark[depth]);
				tail[depth] = prev[depth];
			}
			continue;
		}
		mark[depth] = (struct slab_mark){ ps.slab, ps.slab_base };
		node = SLAB_NEW(&ps, struct cfg_node);
		if ((r = read_item(&ps, node, depth)) < 0)
			return NULL;
		node->parent = sect;
		if (tail[depth])
			tail[depth]->next = node;
		else
			sect->child = node;
		prev[depth] = tail[depth];
		tail[depth] = node;
		if (r == 1) {
			tail[++depth] = NULL;
			prev[depth] = NULL;
			sect = node;
		}
	}
	root->last_child = tail[0];
	return root;
}

struct cfg_node *cfg_parse(struct pool *p, const char *text, size_t len,
			   char *err, size_t errlen)
{
	return cfg_parse_stream(p, text, len, NULL, NULL, err, errlen);
}
