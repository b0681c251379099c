/*
 * Regex device filters, as lvm.conf's devices/filter and global_filter.
 *
 * The regex runs from after the opening delimiter to before the final
 * character, which must be the delimiter again; LVM2 reads "a|x|y|" as
 * the alternation "x|y", so the delimiter may occur inside the regex.
 */
#include "device/device.h"

#include <regex.h>
#include <string.h>

#include "misc/log.h"
#include "misc/pool.h"

struct filter_entry {
	int accept;
	const char *literal;	/* set: no regex; matched by anchors below */
	int at_start, at_end;	/* literal anchored by ^ / $ */
	regex_t re;
};

struct dev_filter {
	size_t count;		/* entries compiled so far */
	struct filter_entry *entries;
};

/*
 * "^/dev/sdb$", "loop", "^/dev/md": a literal with optional anchors needs
 * no regex.  Filters listing each device that way are common (installers,
 * LVM2's test suite, our benchmark): with 128 of them glibc's regexec
 * built a DFA per pattern, 6 MB and most of a command's time.
 */
static int compile_literal(struct pool *mem, struct filter_entry *e, const char *regex)
{
	size_t len = strlen(regex);

	e->at_start = regex[0] == '^';
	e->at_end = len > (size_t)e->at_start && regex[len - 1] == '$';
	regex += e->at_start;
	len -= (size_t)e->at_start + (size_t)e->at_end;
	if (!len || strcspn(regex, ".[]()*+?{}|\\^$") < len)
		return -1;
	e->literal = pool_strndup(mem, regex, len);
	return 0;
}

static int literal_matches(const struct filter_entry *e, const char *path)
{
	size_t plen = strlen(path), llen = strlen(e->literal);

	if (e->at_start && e->at_end)
		return !strcmp(path, e->literal);
	if (e->at_start)
		return !strncmp(path, e->literal, llen);
	if (e->at_end)
		return plen >= llen && !strcmp(path + plen - llen, e->literal);
	return strstr(path, e->literal) != NULL;
}

static int compile_entry(struct pool *mem, struct filter_entry *e, const char *text,
			 const char *setting)
{
	size_t len = strlen(text);
	char errbuf[256];
	char *regex;
	int rc;

	if (len < 3 || (text[0] != 'a' && text[0] != 'r') || text[len - 1] != text[1]) {
		log_error("Invalid %s pattern \"%s\": expected a<d>regex<d> or r<d>regex<d>.",
			  setting, text);
		return -1;
	}
	regex = pool_strndup(mem, text + 2, len - 3);
	e->accept = text[0] == 'a';
	e->literal = NULL;
	if (!compile_literal(mem, e, regex))
		return 0;
	rc = regcomp(&e->re, regex, REG_EXTENDED | REG_NOSUB);
	if (rc) {
		regerror(rc, &e->re, errbuf, sizeof(errbuf));
		log_error("Invalid %s pattern \"%s\": %s.", setting, text, errbuf);
		return -1;
	}
	return 0;
}

struct dev_filter *dev_filter_create(struct pool *mem, const char *const *patterns,
				     const char *setting)
{
	struct dev_filter *f = POOL_NEW(mem, struct dev_filter);
	size_t n = 0;

	while (patterns && patterns[n])
		n++;
	f->entries = POOL_ARRAY(mem, struct filter_entry, n ? n : 1);
	for (size_t i = 0; i < n; i++) {
		if (compile_entry(mem, &f->entries[i], patterns[i], setting)) {
			dev_filter_free(f);
			return NULL;
		}
		f->count++;
	}
	return f;
}

void dev_filter_free(struct dev_filter *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->count; i++)
		if (!f->entries[i].literal)
			regfree(&f->entries[i].re);
	f->count = 0;
}

enum dev_filter_verdict dev_filter_match(const struct dev_filter *f, const char *path)
{
	for (size_t i = 0; i < f->count; i++) {
		const struct filter_entry *e = &f->entries[i];

		if (e->literal ? literal_matches(e, path) : !regexec(&e->re, path, 0, NULL, 0))
			return e->accept ? DEV_FILTER_ACCEPT : DEV_FILTER_REJECT;
	}
	return DEV_FILTER_NO_MATCH;
}
