/*
 * Config-tree writer, lvm.conf style.  Whatever it writes, cfg_parse reads
 * back to the same tree.
 */
#include "config/config.h"
#include "misc/strbuf.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Must match the bytes that end a bare key in config_parse.c. */
#define KEY_DELIMS " \t\n\v\f\r#={}[],\""

static void write_key(const char *key, struct strbuf *out)
{
	size_t n = strlen(key);

	/* A leading quote would start a quoted key when read back. */
	if (n && key[0] != '\'' && strcspn(key, KEY_DELIMS) == n)
		strbuf_add(out, key, n);
	else
		strbuf_addquoted(out, key);
}

/*
 * The shortest %g form that reads back to the same double, rewritten
 * without an exponent (the parser only knows digits.digits) and always
 * with a '.' so that it reads back as a float, not an integer.
 */
static void write_float(double f, struct strbuf *out)
{
	char buf[40];
	const char *e;
	int prec, exp10;

	for (prec = 1; prec < 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*g", prec, f);
		if (strtod(buf, NULL) == f)
			break;
	}
	snprintf(buf, sizeof(buf), "%.*g", prec, f);
	if (!isfinite(f) || !(e = strchr(buf, 'e'))) {
		strbuf_addstr(out, buf);
		if (!strchr(buf, '.'))
			strbuf_add(out, ".0", 2);
		return;
	}
	exp10 = atoi(e + 1);
	strbuf_addf(out, "%.*f", exp10 < 0 ? prec - 1 - exp10 : 1, f);
}

static void write_scalar(const struct cfg_value *v, struct strbuf *out)
{
	switch (v->type) {
	case CFG_INT:
		strbuf_addf(out, "%" PRId64, v->v.i);
		break;
	case CFG_FLOAT:
		write_float(v->v.f, out);
		break;
	case CFG_STRING:
		strbuf_addquoted(out, v->v.str ? v->v.str : "");
		break;
	case CFG_EMPTY_ARRAY:
		break;
	}
}

void cfg_write_value(const struct cfg_value *v, struct strbuf *out)
{
	int first = 1;

	if (!v)
		return;
	if (!v->list && !v->next && v->type != CFG_EMPTY_ARRAY) {
		write_scalar(v, out);
		return;
	}
	strbuf_addch(out, '[');
	for (; v; v = v->next) {
		/* An empty-array marker inside a chain holds no item. */
		if (v->type == CFG_EMPTY_ARRAY)
			continue;
		if (!first)
			strbuf_add(out, ", ", 2);
		write_scalar(v, out);
		first = 0;
	}
	strbuf_addch(out, ']');
}

void cfg_write(const struct cfg_node *section, int indent, struct strbuf *out)
{
	const struct cfg_node *n;
	size_t tabs = indent > 0 ? (size_t)indent : 0;

	if (!section)
		return;
	for (n = section->child; n; n = n->next) {
		strbuf_addchars(out, '\t', tabs);
		write_key(n->key, out);
		if (n->value) {
			strbuf_add(out, " = ", 3);
			cfg_write_value(n->value, out);
			strbuf_addch(out, '\n');
			continue;
		}
		strbuf_add(out, " {\n", 3);
		cfg_write(n, (int)tabs + 1, out);
		strbuf_addchars(out, '\t', tabs);
		strbuf_add(out, "}\n", 2);
	}
}
