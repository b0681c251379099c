#include "misc/units.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_shift(int c, unsigned *shift)
{
	switch (tolower(c)) {
	case 'b': *shift = 0; return 0;
	case 's': *shift = 9; return 0;
	case 'k': *shift = 10; return 0;
	case 'm': *shift = 20; return 0;
	case 'g': *shift = 30; return 0;
	case 't': *shift = 40; return 0;
	case 'p': *shift = 50; return 0;
	case 'e': *shift = 60; return 0;
	default: return -1;
	}
}

int parse_uint64(const char *arg, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (!arg || !isdigit((unsigned char)*arg))
		return -1;
	errno = 0;
	v = strtoull(arg, &end, 10);
	if (errno || *end)
		return -1;
	*out = v;
	return 0;
}

int parse_uint32(const char *arg, uint32_t *out)
{
	uint64_t v;

	if (parse_uint64(arg, &v) || v > UINT32_MAX)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

/*
 * Integer and fraction are kept apart so that "1.5g" is exact and values up
 * to 2^64 bytes do not pass through a double.
 */
int parse_size_bytes(const char *arg, char default_unit, int allow_sign,
		     uint64_t *bytes, enum size_sign *sign)
{
	const char *p = arg;
	uint64_t whole = 0, frac_num = 0, frac_den = 1, result;
	unsigned shift;
	int digits = 0;

	if (sign)
		*sign = SIGN_NONE;
	if (*p == '+' || *p == '-') {
		if (!allow_sign)
			return -1;
		if (sign)
			*sign = *p == '+' ? SIGN_PLUS : SIGN_MINUS;
		p++;
	}
	for (; isdigit((unsigned char)*p); p++, digits++) {
		if (whole > (UINT64_MAX - 9) / 10)
			return -1;
		whole = whole * 10 + (uint64_t)(*p - '0');
	}
	if (*p == '.') {
		for (p++; isdigit((unsigned char)*p); p++, digits++) {
			if (frac_den >= 1000000000000ULL)
				continue;	/* ignore digits past 1e-12 */
			frac_num = frac_num * 10 + (uint64_t)(*p - '0');
			frac_den *= 10;
		}
	}
	if (!digits)
		return -1;
	if (unit_shift(*p ? *p : default_unit, &shift))
		return -1;
	if (*p && p[1])
		return -1;
	if (shift < 64 && whole > (UINT64_MAX >> shift))
		return -1;
	result = whole << shift;
	/* frac_num/frac_den < 1, so this cannot overflow the shifted unit. */
	result += (uint64_t)(((__uint128_t)frac_num << shift) / frac_den);
	*bytes = result;
	return 0;
}

int units_valid(const char *units)
{
	unsigned shift;

	if (!units || !*units || units[1])
		return -1;
	if (strchr("hHrR", units[0]))
		return 0;
	return unit_shift(units[0], &shift);
}

static const char human_letters[] = "bkmgtpe";

static void format_value(char *out, unsigned outlen, const char *prefix,
			 double v, int c, int suffix)
{
	if (c == 'b' || c == 'B' || c == 's' || c == 'S')
		snprintf(out, outlen, "%s%.0f%s", prefix, v,
			 suffix ? (char[]){ (char)toupper(c) == 'S' ? 'S' : 'B', 0 } : "");
	else
		snprintf(out, outlen, "%s%.2f%s", prefix, v,
			 suffix ? (char[]){ (char)c, 0 } : "");
}

void format_size(uint64_t bytes, const char *units, int suffix, char *out, unsigned outlen)
{
	int u = units && *units ? units[0] : 'r';
	int si = isupper(u);
	double base = si ? 1000.0 : 1024.0;
	double v = (double)bytes;
	unsigned shift;
	int letter;

	if (u == 'h' || u == 'H' || u == 'r' || u == 'R') {
		int i = 0;
		const char *prefix = "";
		double shown;

		while (i < 6 && v >= base) {
			v /= base;
			i++;
		}
		letter = human_letters[i];
		if (si)
			letter = toupper(letter);
		if (i == 0) {
			snprintf(out, outlen, "%.0f%s", v, suffix ? (si ? "B" : "b") : "");
			return;
		}
		shown = (double)(long long)(v * 100.0 + 0.5) / 100.0;
		if ((u == 'r' || u == 'R') && shown != v)
			prefix = shown > v ? "<" : ">";
		format_value(out, outlen, prefix, shown, letter, suffix);
		return;
	}
	if (unit_shift(u, &shift)) {
		snprintf(out, outlen, "%llu", (unsigned long long)bytes);
		return;
	}
	if (si) {
		int i = shift / 10;

		while (i-- > 0)
			v /= 1000.0;
		if (u == 'S')
			v = (double)bytes / 512.0;
	} else {
		v = (double)bytes / (double)((uint64_t)1 << shift);
	}
	format_value(out, outlen, "", v, u, suffix);
}
