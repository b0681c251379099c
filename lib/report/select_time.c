/*
 * Freeform time words of selection values, with the ranges LVM2 2.03.16
 * gives them (found by running it; lvmreport(7) only lists the words).
 */
#include "report/select_time.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "misc/log.h"

/* Largest N of "N units ago": a million years still fits a struct tm. */
#define MAX_AGO 1000000

enum gran { G_SEC, G_MIN, G_HOUR, G_DAY, G_MONTH };
enum unit { U_SEC, U_MIN, U_HOUR, U_DAY, U_WEEK, U_MONTH, U_YEAR, N_UNITS };

/* What the words said; filled token by token, turned into a range at the end. */
struct when {
	int have_day, day_back;		/* today, yesterday, a weekday */
	int month;			/* -1, or 0..11 from a month name */
	int have_tod, tod[3];		/* time of day: noon, 3pm, 12:30 */
	enum gran tod_gran;
	int have_clock;			/* hh:mm[:ss], which needs a day */
	int64_t ago[N_UNITS];
	int have_ago, finest;		/* finest unit of "N units ago" */
	int said_ago;
};

static const char *const weekdays[] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"
};
static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december"
};

/* Full name or its first three letters; -1 when none of names. */
static int name_index(const char *const *names, int count, const char *w, size_t len)
{
	int i;

	for (i = 0; i < count; i++)
		if ((len == 3 || len == strlen(names[i])) && !strncasecmp(names[i], w, len))
			return i;
	return -1;
}

static int unit_index(const char *w, size_t len)
{
	static const struct { const char *words; enum unit u; } units[] = {
		{ " s sec secs second seconds ", U_SEC },
		{ " m min mins minute minutes ", U_MIN },
		{ " h hr hrs hour hours ", U_HOUR },
		{ " day days ", U_DAY },
		{ " week weeks ", U_WEEK },
		{ " month months ", U_MONTH },
		{ " year years ", U_YEAR },
	};
	char word[16];
	size_t i;

	if (len + 3 > sizeof(word))
		return -1;
	word[0] = ' ';
	for (i = 0; i < len; i++)
		word[i + 1] = (char)tolower((unsigned char)w[i]);
	word[len + 1] = ' ';
	word[len + 2] = '\0';
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strstr(units[i].words, word))
			return (int)units[i].u;
	return -1;
}

/* Next token: a run of digits and colons, a run of letters, or one other character. */
static const char *next_token(const char **p, size_t *len)
{
	const char *s = *p, *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s;
	if (isdigit((unsigned char)*e))
		while (isdigit((unsigned char)*e) || *e == ':')
			e++;
	else if (isalpha((unsigned char)*e))
		while (isalpha((unsigned char)*e))
			e++;
	else if (*e)
		e++;
	*len = (size_t)(e - s);
	*p = e;
	return s;
}

static int unrecognized(const char *at)
{
	log_error("Unrecognized string in date/time specification at \"%s\".", at);
	return -1;
}

static void set_tod(struct when *w, int h, int m, int s, enum gran g)
{
	w->have_tod = 1;
	w->tod[0] = h;
	w->tod[1] = m;
	w->tod[2] = s;
	w->tod_gran = g;
}

/* "hh:mm" or "hh:mm:ss"; -1 when malformed. */
static int parse_clock(struct when *w, const char *s, size_t len)
{
	int h, m, sec = 0, n = 0, fields;
	char buf[16];

	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	fields = sscanf(buf, "%2d:%2d%n:%2d%n", &h, &m, &n, &sec, &n);
	if (fields < 2 || (size_t)n != len || h > 23 || m > 59 || sec > 59)
		return -1;
	set_tod(w, h, m, sec, fields == 3 ? G_SEC : G_MIN);
	w->have_clock = 1;
	return 0;
}

/* A number and the word after it: "2 hours", "3pm".  *p is past the number. */
static int number_word(struct when *w, const char *num, const char **p)
{
	const char *rest = *p, *word;
	size_t len;
	long long n = strtoll(num, NULL, 10);
	int u;

	word = next_token(p, &len);
	if (!len)
		return -1;	/* a bare number is a standard-format year */
	if (n > MAX_AGO)
		return -1;	/* keeps every struct tm field within int */
	if ((len == 2 && !strncasecmp(word, "am", 2)) || (len == 2 && !strncasecmp(word, "pm", 2))) {
		set_tod(w, (int)n + (tolower((unsigned char)*word) == 'p' ? 12 : 0), 0, 0, G_HOUR);
		return 0;
	}
	if (!isalpha((unsigned char)*word))
		return -1;	/* "12.30": LVM2 fails without naming a word */
	u = unit_index(word, len);
	if (u >= 0 && u <= U_HOUR && w->have_tod) {
		log_error("Mixed absolute and relative time specification found at \"%s\".", word);
		return -1;
	}
	if (u < 0) {
		while (isspace((unsigned char)*rest))
			rest++;
		return unrecognized(rest);
	}
	w->ago[u] += n;
	if (w->ago[u] > MAX_AGO)
		return -1;
	if (!w->have_ago || u < w->finest)
		w->finest = u;
	w->have_ago = 1;
	return 0;
}

static int ambiguous(const char *at)
{
	log_error("Ambiguous date specification found at \"%s\".", at);
	return -1;
}

static int day_word(struct when *w, const char *word, size_t len, const struct tm *today)
{
	int d;

	if (len == 5 && !strncasecmp(word, "today", len))
		d = 0;
	else if (len == 9 && !strncasecmp(word, "yesterday", len))
		d = 1;
	else if ((d = name_index(weekdays, 7, word, len)) >= 0)
		d = (today->tm_wday - d + 7) % 7;
	else
		return 1;
	if (w->have_day)
		return ambiguous(word);
	w->have_day = 1;
	w->day_back = d;
	return 0;
}

static int word(struct when *w, const char *word, size_t len, const struct tm *today)
{
	int r = day_word(w, word, len, today);

	if (r <= 0)
		return r;
	if (len == 4 && !strncasecmp(word, "noon", len))
		set_tod(w, 12, 0, 0, G_SEC);
	else if (len == 8 && !strncasecmp(word, "midnight", len))
		set_tod(w, 0, 0, 0, G_SEC);
	else if ((r = name_index(months, 12, word, len)) >= 0)
		w->month = r;
	else if (!(len == 3 && !strncasecmp(word, "ago", len)))
		return unrecognized(word);
	return 0;
}

static int time_level(const struct when *w)
{
	return w->have_ago && w->finest <= U_HOUR;
}

/*
 * "N minutes ago" is a moment, a day or time of day names another: LVM2
 * refuses both, naming the word where the two met.
 */
static int check_mixed(struct when *w, const char *tok, size_t len)
{
	int ago = len == 3 && !strncasecmp(tok, "ago", 3);
	const char *what;

	if (ago)
		w->said_ago = 1;
	if (!time_level(w) || !w->said_ago || (!w->have_tod && !w->have_day))
		return 0;
	if (ago)
		what = w->have_day ? "date" : "time";
	else if (isalpha((unsigned char)*tok) || strchr(tok, ':'))
		what = w->have_tod && !w->have_day ? "time" : "date";
	else
		return 0;	/* the unit word after the number decides */
	log_error("Mixed absolute and relative %s specification found at \"%s\".", what, tok);
	return -1;
}

static int parse_words(struct when *w, const char *s, const struct tm *today)
{
	const char *p = s, *tok;
	size_t len;
	int r, words = 0;

	for (; (tok = next_token(&p, &len)), len; words++) {
		if (isdigit((unsigned char)*tok) && memchr(tok, ':', len))
			r = parse_clock(w, tok, len);
		else if (isdigit((unsigned char)*tok))
			r = number_word(w, tok, &p);
		else if (isalpha((unsigned char)*tok))
			r = word(w, tok, len, today);
		else
			r = -1;	/* LVM2 refuses punctuation without a word */
		if (r || check_mixed(w, tok, len))
			return -1;
	}
	return words ? 0 : -1;
}

/* "N minutes/hours/seconds ago": back from now, LVM2's range around it. */
static void moment_range(const struct when *w, time_t now, int64_t *lo, int64_t *hi)
{
	static const int64_t secs[] = { 1, 60, 3600 };
	struct tm tm;

	localtime_r(&now, &tm);
	tm.tm_sec -= (int)w->ago[U_SEC];
	tm.tm_min -= (int)w->ago[U_MIN];
	tm.tm_hour -= (int)w->ago[U_HOUR];
	tm.tm_mday -= (int)(w->ago[U_DAY] + 7 * w->ago[U_WEEK]);
	tm.tm_mon -= (int)w->ago[U_MONTH];
	tm.tm_year -= (int)w->ago[U_YEAR];
	tm.tm_isdst = -1;
	*hi = (int64_t)mktime(&tm);
	*lo = w->finest == U_SEC ? *hi : *hi - secs[w->finest] - 1;
}

/* Days, weekdays, months and times of day: a calendar range. */
static void calendar_range(const struct when *w, const struct tm *today, int64_t *lo,
			   int64_t *hi)
{
	struct tm tm = *today, end;
	enum gran g = G_DAY;

	tm.tm_mday -= (int)(w->day_back + w->ago[U_DAY] + 7 * w->ago[U_WEEK]);
	tm.tm_mon -= (int)w->ago[U_MONTH];
	tm.tm_year -= (int)w->ago[U_YEAR];
	if (w->month >= 0 && !w->have_day) {
		tm.tm_year -= w->month > today->tm_mon;
		tm.tm_mon = w->month;
		tm.tm_mday = 1;
		g = G_MONTH;
	}
	tm.tm_hour = w->have_tod ? w->tod[0] : 0;
	tm.tm_min = w->have_tod ? w->tod[1] : 0;
	tm.tm_sec = w->have_tod ? w->tod[2] : 0;
	if (w->have_tod)
		g = w->tod_gran;
	tm.tm_isdst = -1;
	end = tm;
	switch (g) {
	case G_SEC: end.tm_sec++; break;
	case G_MIN: end.tm_min++; break;
	case G_HOUR: end.tm_hour++; break;
	case G_DAY: end.tm_mday++; break;
	case G_MONTH: end.tm_mon++; break;
	}
	*lo = (int64_t)mktime(&tm);
	*hi = (int64_t)mktime(&end) - 1;
}

int select_time_words(const char *s, time_t now, int64_t *lo, int64_t *hi)
{
	struct when w;
	struct tm today;

	memset(&w, 0, sizeof(w));
	w.month = -1;
	localtime_r(&now, &today);
	if (parse_words(&w, s, &today))
		return -1;
	if (w.have_clock && !w.have_day && !w.have_ago)
		return -1;	/* "12:00" alone is no date LVM2 knows */
	if (w.said_ago && !w.have_ago && !w.have_day && !w.have_tod && w.month < 0)
		*lo = *hi = (int64_t)mktime(&(struct tm){ .tm_year = today.tm_year,
			.tm_mon = today.tm_mon, .tm_mday = today.tm_mday, .tm_isdst = -1 });
	else if (time_level(&w))
		moment_range(&w, now, lo, hi);
	else
		calendar_range(&w, &today, lo, hi);
	return 0;
}
