/*
 * The selection language: a recursive-descent parser into a small tree,
 * evaluated per row by calling the field getters directly (so selecting
 * on a field does not require showing it).
 */
#include "report/select.h"
#include "report/report_int.h"
#include "report/select_time.h"

#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "metadata/metadata.h"
#include "misc/log.h"
#include "misc/pool.h"

enum node_type { SN_AND, SN_OR, SN_NOT, SN_CMP };
enum cmp_op { OP_EQ, OP_NE, OP_GT, OP_GE, OP_LT, OP_LE, OP_MATCH, OP_NOMATCH };
enum val_kind { VK_STR, VK_LIST, VK_NUM, VK_TIME, VK_REGEX };

struct sel_list {
	const char **items;
	size_t n;
	int strict;	/* [ ]: the whole set; { }: a subset */
	int any;	/* items joined by || or #: one is enough */
};

struct sel_node {
	enum node_type type;
	struct sel_node *left, *right;
	const struct field_def *f;
	enum cmp_op op;
	enum val_kind kind;
	const char *str;
	struct sel_list list;
	double num;
	int undef;		/* -1 / "undefined": the field has no value */
	int64_t t_lo, t_hi;	/* time range, inclusive */
	regex_t re;
	int has_re;
	struct sel_node *next_re;	/* chain of every compiled regex */
};

struct selection {
	struct sel_node *root;
	/*
	 * Every node holding a compiled regex, including nodes of subtrees a
	 * failed parse dropped, so nothing leaks whatever the input.
	 */
	struct sel_node *regexes;
	unsigned objs;		/* OBJ_BIT of every field compared */
};

struct parser {
	struct report *r;
	struct pool *mem;
	enum report_type type;
	const char *p;
	struct sel_node *regexes;	/* as in struct selection */
	unsigned objs;
};

/* ---- parsing ---- */

static void skip_ws(struct parser *ps)
{
	while (isspace((unsigned char)*ps->p))
		ps->p++;
}

static void syntax_error(const char *at)
{
	log_error("Selection syntax error at '%s'.", at);
	log_error("Use 'help' for selection to get more help.");
}

/* Fields that hold comma-separated sets (LVM2's "string list"). */
static int is_list_field(const struct field_def *f)
{
	static const char *const lists[] = {
		"lv_layout", "lv_role", "lv_modules", "lv_ancestors", "lv_full_ancestors",
		"lv_descendants", "lv_full_descendants", "seg_pe_ranges", "seg_le_ranges",
		"seg_metadata_le_ranges", "devices", "metadata_devices", "cache_settings",
		"kernel_cache_settings", NULL,
	};
	const char *const *l;
	size_t len = strlen(f->name);

	if (len > 5 && !strcmp(f->name + len - 5, "_tags"))
		return 1;
	for (l = lists; *l; l++)
		if (!strcmp(*l, f->name))
			return 1;
	return 0;
}

static int is_time_field(const struct field_def *f)
{
	return !strcmp(f->name, "lv_time") || !strcmp(f->name, "lv_time_removed");
}

static int word_end(const char *p)
{
	return !*p || isspace((unsigned char)*p) || *p == ')' || *p == ',' || *p == '#' ||
	       !strncmp(p, "&&", 2) || !strncmp(p, "||", 2);
}

/* A quoted or bare word; list_item also stops at list punctuation. */
static const char *parse_word(struct parser *ps, int list_item)
{
	const char *start = ps->p, *end;

	if (*start == '\'' || *start == '"') {
		end = strchr(start + 1, *start);
		if (!end)
			return NULL;
		ps->p = end + 1;
		return pool_strndup(ps->mem, start + 1, (size_t)(end - start - 1));
	}
	for (end = start; !word_end(end); end++)
		if (list_item && (*end == ']' || *end == '}' || *end == '|' || *end == '&'))
			break;
	ps->p = end;
	return pool_strndup(ps->mem, start, (size_t)(end - start));
}

static int parse_list(struct parser *ps, struct sel_node *n)
{
	char close = *ps->p == '[' ? ']' : '}';
	int sep = 0;	/* 1 all, 2 any */
	size_t alloc = 0;

	n->list.strict = close == ']';
	ps->p++;
	for (;;) {
		const char *item;
		int this_sep;

		skip_ws(ps);
		if (*ps->p == close)
			break;
		if (!(item = parse_word(ps, 1)) || !*item)
			return -1;
		if (n->list.n == alloc) {
			const char **v = POOL_ARRAY(ps->mem, const char *, alloc ? alloc * 2 : 4);

			if (alloc)
				memcpy(v, n->list.items, alloc * sizeof(*v));
			n->list.items = v;
			alloc = alloc ? alloc * 2 : 4;
		}
		n->list.items[n->list.n++] = item;
		skip_ws(ps);
		if (*ps->p == close)
			break;
		if (*ps->p == ',' || *ps->p == '#')
			this_sep = *ps->p++ == ',' ? 1 : 2;
		else if (!strncmp(ps->p, "&&", 2) || !strncmp(ps->p, "||", 2))
			this_sep = *ps->p == '&' ? 1 : 2, ps->p += 2;
		else
			return -1;
		if (sep && sep != this_sep) {
			log_error("Mixed item delimiters in list for selection field %s.", n->f->name);
			return -1;
		}
		sep = this_sep;
	}
	ps->p++;
	n->list.any = sep == 2;
	return 0;
}

static int parse_op(struct parser *ps, enum cmp_op *op)
{
	static const struct { const char *tok; enum cmp_op op; int word; } ops[] = {
		{ "=~", OP_MATCH, 0 }, { "!~", OP_NOMATCH, 0 }, { "!=", OP_NE, 0 },
		{ ">=", OP_GE, 0 }, { "<=", OP_LE, 0 }, { "=", OP_EQ, 0 }, { ">", OP_GT, 0 },
		{ "<", OP_LT, 0 }, { "since", OP_GE, 1 }, { "after", OP_GT, 1 },
		{ "until", OP_LE, 1 }, { "before", OP_LT, 1 },
	};
	size_t i, len;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		len = strlen(ops[i].tok);
		if (strncmp(ps->p, ops[i].tok, len))
			continue;
		if (ops[i].word && !isspace((unsigned char)ps->p[len]))
			continue;
		ps->p += len;
		*op = ops[i].op;
		return 0;
	}
	return -1;
}

/* Size in bytes: lower-case units binary, upper-case SI, 'm' by default. */
static int parse_size_value(const char *s, double *out)
{
	static const char units[] = "bskmgtpe";
	char *end;
	double v = strtod(s, &end), mult = 1024.0 * 1024;
	const char *u;

	if (end == s || v < 0 || v > 1e30)
		return -1;
	if (*end) {
		if (end[1] || !(u = strchr(units, tolower((unsigned char)*end))))
			return -1;
		if (u == units)
			mult = 1;
		else if (u == units + 1)
			mult = 512;
		else {
			double base = isupper((unsigned char)*end) ? 1000.0 : 1024.0;
			long i;

			for (mult = 1, i = 1; i < u - units; i++)
				mult *= base;
		}
	}
	*out = v * mult;
	return 0;
}

static int parse_number_value(const struct field_def *f, const char *s, double *out)
{
	char *end;
	size_t len = strlen(s);

	if (f->type == VT_SIZE)
		return parse_size_value(s, out);
	if (f->type == VT_BIN) {
		const char *word = strchr(f->name, '_');

		if (!strcmp(s, "yes") || (word && !strcmp(s, word + 1)) ||
		    (!strcmp(f->name, "pv_in_use") && (!strcmp(s, "used") || !strcmp(s, "in use")))) {
			*out = 1;
			return 0;
		}
		if (!strcmp(s, "no")) {
			*out = 0;
			return 0;
		}
	}
	if (f->type == VT_PCT && len && s[len - 1] == '%')
		len--;
	if (!len || !isdigit((unsigned char)*s))
		return -1;
	*out = strtod(s, &end);
	if (f->type != VT_PCT && strspn(s, "0123456789") != len)
		return -1;
	return (size_t)(end - s) == len ? 0 : -1;
}

static int parse_tz(const char *s, long *offset)
{
	int h, m = 0, n = 0;
	int sign = *s == '-' ? -1 : 1;

	if ((*s != '+' && *s != '-') ||
	    (sscanf(s + 1, "%2d:%2d%n", &h, &m, &n) != 2 && sscanf(s + 1, "%2d%n", &h, &n) != 1) ||
	    s[1 + n])
		return -1;
	*offset = sign * (h * 3600L + m * 60L);
	return 0;
}

/*
 * "YYYY[-MM[-DD[ hh[:mm[:ss]]]]] [+-hh[:mm]]" as the range of seconds it
 * covers, or "@seconds".  Local time unless a zone is given.
 */
static int parse_standard_time(const char *s, int64_t *lo, int64_t *hi)
{
	int v[6] = { 0, 1, 1, 0, 0, 0 }, given = 0, n = 0;
	long tz = 0;
	int has_tz = 0;
	struct tm tm;
	char rest[64];

	if (*s == '@') {
		char *end;
		long long t = strtoll(s + 1, &end, 10);

		if (end == s + 1 || *end)
			return -1;
		*lo = *hi = t;
		return 0;
	}
	if (strspn(s, "0123456789") != 4)
		return -1;	/* LVM2 wants a four-digit year */
	given = sscanf(s, "%4d%n-%2d%n-%2d%n", &v[0], &n, &v[1], &n, &v[2], &n);
	if (given < 1)
		return -1;
	s += n;
	if (given == 3 && *s == ' ' && isdigit((unsigned char)s[1])) {
		int g = sscanf(s + 1, "%2d%n:%2d%n:%2d%n", &v[3], &n, &v[4], &n, &v[5], &n);

		given += g;
		s += 1 + n;
	}
	while (*s == ' ')
		s++;
	if (*s) {
		if (strlen(s) >= sizeof(rest) || parse_tz(s, &tz))
			return -1;
		has_tz = 1;
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = v[0] - 1900;
	tm.tm_mon = v[1] - 1;
	tm.tm_mday = v[2];
	tm.tm_hour = v[3];
	tm.tm_min = v[4];
	tm.tm_sec = v[5];
	tm.tm_isdst = -1;
	if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 60)
		return -1;
	{
		struct tm end_tm = tm;
		int *last[] = { &end_tm.tm_year, &end_tm.tm_mon, &end_tm.tm_mday,
				&end_tm.tm_hour, &end_tm.tm_min, &end_tm.tm_sec };

		(*last[given - 1])++;
		*lo = has_tz ? (int64_t)timegm(&tm) - tz : (int64_t)mktime(&tm);
		*hi = (has_tz ? (int64_t)timegm(&end_tm) - tz : (int64_t)mktime(&end_tm)) - 1;
	}
	return 0;
}

/*
 * The standard formats above, else LVM2's freeform words ("yesterday",
 * "2 hours ago", lib/report/select_time.c) relative to now.
 */
static int parse_time_value(const char *s, time_t now, int64_t *lo, int64_t *hi)
{
	if (!parse_standard_time(s, lo, hi))
		return 0;
	if (*s == '@' || (isdigit((unsigned char)*s) && strchr(s, '-')))
		return -1;
	if (!select_time_words(s, now, lo, hi))
		return 0;
	if (isdigit((unsigned char)*s))
		log_error("Incorrect date format.");
	return -1;
}

static int is_undef_word(const char *s)
{
	return !strcmp(s, "-1") || !strcmp(s, "unknown") || !strcmp(s, "undefined") ||
	       !strcmp(s, "undef");
}

/* Checks the operator against the field type and reads the value. */
static int parse_value(struct parser *ps, struct sel_node *n, const char *stmt)
{
	const struct field_def *f = n->f;
	int regex = n->op == OP_MATCH || n->op == OP_NOMATCH;
	int ordered = n->op != OP_EQ && n->op != OP_NE && !regex;
	int numeric = f->type != VT_STR || is_time_field(f);

	if (regex && (is_list_field(f) || numeric)) {
		log_error("Incompatible comparison type for selection field %s.", f->name);
		return -1;
	}
	if (ordered && !numeric) {
		log_error("Operator can be used only with number, size, time or percent fields: %s",
			  stmt);
		syntax_error(stmt);
		return -1;
	}
	skip_ws(ps);
	if (!regex && (*ps->p == '[' || *ps->p == '{')) {
		n->kind = VK_LIST;
		if (parse_list(ps, n)) {
			syntax_error(stmt);
			return -1;
		}
		return 0;
	}
	n->str = parse_word(ps, 0);
	if (!n->str) {
		syntax_error(stmt);
		return -1;
	}
	if (regex) {
		if (!*n->str) {
			log_error("Regular expression expected for selection field %s", f->name);
			syntax_error(stmt);
			return -1;
		}
		if (regcomp(&n->re, n->str, REG_EXTENDED | REG_NOSUB)) {
			log_error("Failed to parse regular expression for selection field %s: %s",
				  f->name, n->str);
			return -1;
		}
		n->has_re = 1;
		n->next_re = ps->regexes;
		ps->regexes = n;
		n->kind = VK_REGEX;
		return 0;
	}
	if (!numeric) {
		n->kind = VK_STR;
		return 0;
	}
	if (is_undef_word(n->str)) {
		n->kind = is_time_field(f) ? VK_TIME : VK_NUM;
		n->undef = 1;
		return 0;
	}
	if (is_time_field(f)) {
		n->kind = VK_TIME;
		if (!parse_time_value(n->str, time(NULL), &n->t_lo, &n->t_hi))
			return 0;
		log_error("Failed to parse time value for selection field %s.", f->name);
		syntax_error(stmt);
		return -1;
	}
	n->kind = VK_NUM;
	if (!parse_number_value(f, n->str, &n->num))
		return 0;
	/* "auto", "unmanaged": sizes and numbers shown as words. */
	if (isalpha((unsigned char)*n->str) && f->type != VT_BIN && !ordered) {
		n->kind = VK_STR;
		return 0;
	}
	log_error("Failed to parse numeric value for selection field %s.", f->name);
	syntax_error(stmt);
	return -1;
}

static struct sel_node *parse_statement(struct parser *ps)
{
	const char *stmt = ps->p, *name = ps->p;
	struct sel_node *n;
	size_t len;

	while (isalnum((unsigned char)*ps->p) || *ps->p == '_')
		ps->p++;
	len = (size_t)(ps->p - name);
	if (!len) {
		log_error("Expecting field name");
		syntax_error(stmt);
		return NULL;
	}
	n = POOL_NEW(ps->mem, struct sel_node);
	n->type = SN_CMP;
	n->f = report_field_find(ps->type, name, len);
	if (!n->f) {
		log_error("Unrecognised selection field: %.*s", (int)len, name);
		syntax_error(stmt);
		return NULL;
	}
	ps->objs |= OBJ_BIT(n->f->obj);	/* they decide the row type too */
	skip_ws(ps);
	if (parse_op(ps, &n->op)) {
		log_error("Unrecognised comparison operator: %.*s", (int)strcspn(ps->p, " \t"), ps->p);
		syntax_error(stmt);
		return NULL;
	}
	if (parse_value(ps, n, stmt))
		return NULL;
	return n;
}

static struct sel_node *parse_or(struct parser *ps);

static struct sel_node *parse_group(struct parser *ps)
{
	struct sel_node *n;

	ps->p++;
	if (!(n = parse_or(ps)))
		return NULL;
	skip_ws(ps);
	if (*ps->p != ')') {
		log_error("Syntax error: right parenthesis expected at '%s'", ps->p);
		return NULL;
	}
	ps->p++;
	return n;
}

static struct sel_node *parse_unary(struct parser *ps)
{
	struct sel_node *n;

	skip_ws(ps);
	if (*ps->p == '!' && ps->p[1] != '~' && ps->p[1] != '=') {
		ps->p++;
		skip_ws(ps);
		if (*ps->p != '(') {
			log_error("Syntax error: left parenthesis expected at '%s'", ps->p);
			return NULL;
		}
		n = POOL_NEW(ps->mem, struct sel_node);
		n->type = SN_NOT;
		return (n->left = parse_group(ps)) ? n : NULL;
	}
	if (*ps->p == '(')
		return parse_group(ps);
	return parse_statement(ps);
}

/* Binary operators of one precedence level; and-level binds tighter. */
static struct sel_node *parse_binary(struct parser *ps, int or_level)
{
	struct sel_node *left = or_level ? parse_binary(ps, 0) : parse_unary(ps);

	while (left) {
		struct sel_node *n;
		size_t oplen;

		skip_ws(ps);
		if (or_level && (*ps->p == '#' || !strncmp(ps->p, "||", 2)))
			oplen = *ps->p == '#' ? 1 : 2;
		else if (!or_level && (*ps->p == ',' || !strncmp(ps->p, "&&", 2)))
			oplen = *ps->p == ',' ? 1 : 2;
		else
			break;
		ps->p += oplen;
		n = POOL_NEW(ps->mem, struct sel_node);
		n->type = or_level ? SN_OR : SN_AND;
		n->left = left;
		n->right = or_level ? parse_binary(ps, 0) : parse_unary(ps);
		left = n->right ? n : NULL;
	}
	return left;
}

static struct sel_node *parse_or(struct parser *ps)
{
	return parse_binary(ps, 1);
}

static void free_regexes(struct sel_node *n)
{
	for (; n; n = n->next_re)
		regfree(&n->re);
}

struct selection *select_compile(struct report *r, enum report_type type, const char *text)
{
	struct parser ps = { r, report_pool(r), type, text, NULL, 0 };
	struct selection *s = POOL_NEW(ps.mem, struct selection);

	s->root = parse_or(&ps);
	s->regexes = ps.regexes;
	s->objs = ps.objs;
	if (s->root) {
		skip_ws(&ps);
		if (!*ps.p)
			return s;
		log_error("Expecting logical operator");
		syntax_error(ps.p);
	}
	free_regexes(s->regexes);
	return NULL;
}

void select_free(struct selection *s)
{
	if (s)
		free_regexes(s->regexes);
}

unsigned select_objs(const struct selection *s)
{
	return s->objs;
}

/* ---- evaluation ---- */

static int cmp_numbers(enum cmp_op op, double a, double b)
{
	switch (op) {
	case OP_EQ: return a == b;
	case OP_NE: return a != b;
	case OP_GT: return a > b;
	case OP_GE: return a >= b;
	case OP_LT: return a < b;
	case OP_LE: return a <= b;
	default: return 0;
	}
}

static int list_has(const char *text, const char *item)
{
	size_t len = strlen(item);
	const char *p = text;

	while (*p) {
		size_t n = strcspn(p, ",");

		if (n == len && !strncmp(p, item, len))
			return 1;
		p += n;
		if (*p)
			p++;
	}
	return 0;
}

/* Every item of text is one of the list's items. */
static int list_within(const char *text, const struct sel_list *l)
{
	const char *p = text;
	size_t i;

	while (*p) {
		size_t n = strcspn(p, ",");
		int found = 0;

		for (i = 0; i < l->n && !found; i++)
			found = strlen(l->items[i]) == n && !strncmp(p, l->items[i], n);
		if (!found)
			return 0;
		p += n;
		if (*p)
			p++;
	}
	return 1;
}

static int list_equal(const char *text, const struct sel_node *n)
{
	size_t i, hits = 0;

	if (n->kind == VK_STR)
		return *n->str ? list_has(text, n->str) : !*text;
	if (!n->list.n)
		return !*text;
	for (i = 0; i < n->list.n; i++)
		hits += (size_t)list_has(text, n->list.items[i]);
	if (n->list.any)
		return hits > 0;
	if (hits < n->list.n)
		return 0;
	return !n->list.strict || list_within(text, &n->list);
}

static int eval_string(const struct sel_node *n, const char *text)
{
	int eq;

	if (n->kind == VK_REGEX) {
		int m = !regexec(&n->re, text, 0, NULL, 0);

		return n->op == OP_MATCH ? m : !m;
	}
	if (is_list_field(n->f))
		eq = list_equal(text, n);
	else
		eq = n->kind == VK_STR && !strcmp(text, n->str);
	return n->op == OP_NE ? !eq : eq;
}

static int eval_time(const struct sel_node *n, const struct row *row)
{
	int has = row->lv && row->lv->has_creation && !strcmp(n->f->name, "lv_time");
	int64_t t = has ? row->lv->creation_time : 0;

	if (n->undef || !has)
		return n->op == OP_NE ? n->undef != !has : (n->op == OP_EQ && n->undef == !has);
	switch (n->op) {
	case OP_EQ: return t >= n->t_lo && t <= n->t_hi;
	case OP_NE: return t < n->t_lo || t > n->t_hi;
	case OP_GT: return t > n->t_hi;
	case OP_GE: return t >= n->t_lo;
	case OP_LT: return t < n->t_lo;
	case OP_LE: return t <= n->t_hi;
	default: return 0;
	}
}

/* Rows have every object their fields read (rowtypes.c): stand-ins included. */
static int eval_cell(struct report *r, const struct sel_node *n, const struct row *row)
{
	const struct field_def *f = n->f;
	struct cell c;
	int undef;

	if (is_time_field(f))
		return eval_time(n, row);
	report_row_cell(r, f, row, &c);
	if (f->type == VT_STR || n->kind == VK_STR || n->kind == VK_REGEX) {
		const char *text = c.sort_str ? c.sort_str :
				   f->type == VT_STR || c.keep_str ? c.str : report_render(r, f, &c);

		return eval_string(n, text ? text : "");
	}
	if (n->kind == VK_LIST)
		return n->op == OP_NE;
	undef = c.empty || f->type == VT_PCT || c.keep_str ||
		(f->type == VT_SNUM && (int64_t)c.num == -1);
	if (undef || n->undef) {
		if (n->op == OP_EQ)
			return undef == n->undef;
		return n->op == OP_NE && undef != n->undef;
	}
	return cmp_numbers(n->op, f->type == VT_SNUM ? (double)(int64_t)c.num : (double)c.num,
			   n->num);
}

static int eval(struct report *r, const struct sel_node *n, const struct row *row)
{
	switch (n->type) {
	case SN_AND: return eval(r, n->left, row) && eval(r, n->right, row);
	case SN_OR: return eval(r, n->left, row) || eval(r, n->right, row);
	case SN_NOT: return !eval(r, n->left, row);
	case SN_CMP: return eval_cell(r, n, row);
	}
	return 0;
}

int select_match(struct report *r, const struct selection *s, const struct row *row)
{
	return eval(r, s->root, row);
}

void select_help(FILE *out)
{
	fputs("  Selection operands\n"
	      "  ------------------\n"
	      "    field               - Reporting field.\n"
	      "    number              - Non-negative integer value.\n"
	      "    size                - Floating point value with units, 'm' unit used by default if not specified.\n"
	      "    percent             - Non-negative integer with or without % suffix.\n"
	      "    string              - Characters quoted by ' or \" or unquoted.\n"
	      "    string list         - Strings enclosed by [ ] or { } and elements delimited by either\n"
	      "                          \"all items must match\" or \"at least one item must match\" operator.\n"
	      "    regular expression  - Characters quoted by ' or \" or unquoted.\n"
	      "    time                - YYYY[-MM[-DD[ hh[:mm[:ss]]]]] [+-hh[:mm]] or @seconds.\n"
	      "\n"
	      "  Selection operators\n"
	      "  -------------------\n"
	      "    Comparison operators:\n"
	      "          =~  - Matching regular expression. [regex]\n"
	      "          !~  - Not matching regular expression. [regex]\n"
	      "           =  - Equal to. [number, size, percent, string, string list, time]\n"
	      "          !=  - Not equal to. [number, size, percent, string, string_list, time]\n"
	      "          >=  - Greater than or equal to. [number, size, percent, time]\n"
	      "           >  - Greater than. [number, size, percent, time]\n"
	      "          <=  - Less than or equal to. [number, size, percent, time]\n"
	      "           <  - Less than. [number, size, percent, time]\n"
	      "       since  - Since specified time (same as '>='). [time]\n"
	      "       after  - After specified time (same as '>'). [time]\n"
	      "       until  - Until specified time (same as '<='). [time]\n"
	      "      before  - Before specified time (same as '<'). [time]\n"
	      "\n"
	      "    Logical and grouping operators:\n"
	      "        &&  - All fields must match\n"
	      "         ,  - All fields must match\n"
	      "        ||  - At least one field must match\n"
	      "         #  - At least one field must match\n"
	      "         !  - Logical negation\n"
	      "         (  - Left parenthesis\n"
	      "         )  - Right parenthesis\n"
	      "         [  - List start\n"
	      "         ]  - List end\n"
	      "         {  - List subset start\n"
	      "         }  - List subset end\n", out);
}
