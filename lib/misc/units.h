/*
 * Sizes on the command line and in reports.
 *
 * Input (-L, --metadatasize, ...): a decimal number with an optional
 * fraction and an optional unit letter, case-insensitive and always binary:
 * b bytes, s 512-byte sectors, k KiB, m MiB, g GiB, t TiB, p PiB, e EiB.
 *
 * Output (--units): lower-case letters are powers of 1024, upper-case
 * powers of 1000, h/H pick a unit per value; r/R like h/H with '<' or '>'
 * marking a rounded value (LVM2's default display).
 */
#ifndef OPENLVM_UNITS_H
#define OPENLVM_UNITS_H

#include <stdint.h>

enum size_sign { SIGN_NONE, SIGN_PLUS, SIGN_MINUS };

/*
 * Parses arg into a byte count.  default_unit applies when arg has no
 * unit letter (LVM2 uses 'm' for most options).  Sets *sign when
 * allow_sign is nonzero, otherwise a sign is an error.  0 or -1.
 */
int parse_size_bytes(const char *arg, char default_unit, int allow_sign,
		     uint64_t *bytes, enum size_sign *sign);

/* Parses an unsigned decimal integer (no sign, no unit).  0 or -1. */
int parse_uint64(const char *arg, uint64_t *out);
int parse_uint32(const char *arg, uint32_t *out);

/* Validates an --units argument; returns 0 or -1. */
int units_valid(const char *units);

/*
 * An --units argument with a count before its letter ("3m", "2.5M",
 * "1e1m"), as LVM2 takes it: sizes are shown in multiples of count
 * units, truncated to whole bytes.  Sets *letter to the unit letter and
 * *unit_bytes to the multiple (0 when there is no count, or before
 * h/H/r/R, which ignore it), *as_u when LVM2 shows the suffix "U" rather
 * than the letter (a count whose integer part is not 1).  0 or -1.
 */
int units_count(const char *units, const char **letter, uint64_t *unit_bytes, int *as_u);

/*
 * Formats bytes in multiples of unit_bytes (from units_count): two
 * decimals, or a whole number for bytes and sectors, then "U" (as_u) or
 * the letter upper-cased for b/s, when suffix is set.
 */
void format_size_count(uint64_t bytes, uint64_t unit_bytes, char letter, int as_u, int suffix,
		       char *out, unsigned outlen);

/*
 * Formats bytes in the given --units setting into out (32 bytes suffice),
 * exactly as LVM2 displays sizes: two decimals for k..e units, integers
 * with "B"/"S" for bytes/sectors, h/H/r/R choose the unit (and keep their
 * letter even without suffix), r/R mark a value rounded up with '<'.
 * suffix: append the unit letter.
 */
void format_size(uint64_t bytes, const char *units, int suffix, char *out, unsigned outlen);

#endif
