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
	/* unit_shift() never returns more than 60. */
	if (whole > (UINT64_MAX >> shift))
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

/* The bytes of one unit letter: s/S are sectors, upper case is SI. */
static double letter_bytes(char c)
{
	unsigned shift;
	double b = 1;

	if (c == 's' || c == 'S')
		return 512;
	if (unit_shift(c, &shift))
		return 0;
	for (; shift; shift -= 10)
		b *= isupper((unsigned char)c) ? 1000 : 1024;
	return b;
}

/*
 * The count is a C floating-point number starting with a digit; the
 * choice of "U" follows its integer prefix alone, as observed in LVM2
 * ("1.5m" keeps "m", "1e1m" too, "10e0m" and "0.9m" show "U").
 */
int units_count(const char *units, const char **letter, uint64_t *unit_bytes, int *as_u)
{
	char *end;
	double count, bytes;

	*letter = units;
	*unit_bytes = 0;
	*as_u = 0;
	if (!units || !isdigit((unsigned char)*units))
		return units_valid(units);
	errno = 0;
	count = strtod(units, &end);
	if (errno || end == units || units_valid(end))
		return -1;
	*letter = end;
	if (strchr("hHrR", *end))
		return 0;
	bytes = count * letter_bytes(*end);
	if (!(bytes >= 1) || bytes >= 18446744073709551616.0)
		return -1;
	*as_u = strtoull(units, NULL, 10) != 1;
	/* "1m", "01m", "1.0m", "1.9b": the plain unit */
	if (*as_u || (uint64_t)bytes != (uint64_t)letter_bytes(*end))
		*unit_bytes = (uint64_t)bytes;
	return 0;
}

void format_size_count(uint64_t bytes, uint64_t unit_bytes, char letter, int as_u, int suffix,
		       char *out, unsigned outlen)
{
	int whole = !as_u && strchr("bBsS", letter);
	double v = (double)bytes / (double)unit_bytes;

	letter = as_u ? 'U' : whole ? (char)toupper((unsigned char)letter) : letter;
	snprintf(out, outlen, whole ? "%.0f%s" : "%.2f%s", v, suffix ? (char[]){ letter, 0 } : "");
}

/*
 * Size output follows LVM2's display rules (observed with --units):
 *  - fixed units print two decimals ("2048.50k"), bytes and sectors print
 *    integers with a B / S suffix whatever the case of the letter;
 *  - h/H/r/R pick the largest unit the value reaches; --nosuffix does not
 *    remove their letter;
 *  - r/R prefix '<' when the shown value was rounded up;
 *  - zero prints "0" plus the letter (a space for human units).
 * Rounding is done in integers, half to even like printf on exact values.
 */
static const char unit_letters[] = "bkmgtpe";

/*
 * Writes v in decimal at d and returns the end.  Reports print a size
 * for every row; snprintf was most of the cost of formatting one.
 */
static char *put_u64(char *d, uint64_t v)
{
	char tmp[20];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		*d++ = tmp[--n];
	return d;
}

static int pick_human_unit(uint64_t bytes, uint64_t base)
{
	int i = 0;
	__uint128_t unit = 1;

	while (i < 6 && bytes >= unit * base) {
		unit *= base;
		i++;
	}
	return i;
}

static void format_hundredths(uint64_t bytes, __uint128_t unit, int mark_rounded,
			      char *num, size_t numlen)
{
	__uint128_t scaled = (__uint128_t)bytes * 100;
	__uint128_t q = scaled / unit, r = scaled % unit;
	int up = r * 2 > unit || (r * 2 == unit && (q & 1));

	char *d = num;
	unsigned cents;

	(void)numlen;	/* "<" + 20 digits + ".dd" always fit the caller's 48 */
	if (up)
		q++;
	cents = (unsigned)(q % 100);
	if (mark_rounded && up)
		*d++ = '<';
	d = put_u64(d, (uint64_t)(q / 100));
	*d++ = '.';
	*d++ = (char)('0' + cents / 10);
	*d++ = (char)('0' + cents % 10);
	*d = '\0';
}

/* out = num followed by letter (0: none), cut to outlen like snprintf. */
static void put_sized(char *out, unsigned outlen, const char *num, char letter)
{
	size_t n = strlen(num);

	if (!outlen)
		return;
	if (n > outlen - 1)
		n = outlen - 1;
	memcpy(out, num, n);
	if (letter && n < outlen - 1)
		out[n++] = letter;
	out[n] = '\0';
}

void format_size(uint64_t bytes, const char *units, int suffix, char *out, unsigned outlen)
{
	int u = units && *units ? units[0] : 'r';
	int si = isupper(u), human = strchr("hHrR", u) != NULL;
	uint64_t base = si ? 1000 : 1024;
	char num[48], letter;
	unsigned shift;
	int i;
	__uint128_t unit = 1;

	if (!human && unit_shift(u, &shift)) {
		snprintf(out, outlen, "%llu", (unsigned long long)bytes);
		return;
	}
	if (!human && (u == 's' || u == 'S')) {
		snprintf(out, outlen, "%llu%s", (unsigned long long)(bytes >> 9),
			 suffix ? "S" : "");
		return;
	}
	if (!human && (u == 'b' || u == 'B')) {
		snprintf(out, outlen, "%llu%s", (unsigned long long)bytes, suffix ? "B" : "");
		return;
	}
	i = human ? pick_human_unit(bytes, base) : (int)(shift / 10);
	letter = unit_letters[i];
	if (si)
		letter = (char)toupper(letter);
	if (human) {
		suffix = 1;
		if (i == 0)
			letter = 'B';
	}
	if (bytes == 0) {
		snprintf(out, outlen, "0%s", !suffix ? "" : human ? " " : (char[]){ letter, 0 });
		return;
	}
	while (i-- > 0)
		unit *= base;
	format_hundredths(bytes, unit, u == 'r' || u == 'R', num, sizeof(num));
	put_sized(out, outlen, num, suffix ? letter : 0);
}
