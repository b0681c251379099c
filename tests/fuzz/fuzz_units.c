/*
 * libFuzzer harness for command-line size and number parsing (-L 10G,
 * --metadatasize, --units) and size formatting: nothing may crash, a
 * parsed size must be consistent with its sign handling, and formatting
 * any value in any valid unit must produce a NUL-terminated string.
 */
// sources: lib/misc/*.c
#include "misc/units.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char arg[64], out[64];
	uint64_t bytes, unsigned_bytes, n64;
	uint32_t n32;
	enum size_sign sign;
	size_t len = size < sizeof(arg) - 1 ? size : sizeof(arg) - 1;

	memcpy(arg, data, len);
	arg[len] = '\0';
	if (!parse_size_bytes(arg, 'm', 1, &bytes, &sign)) {
		/* Without a sign the same text must parse to the same value. */
		if (sign == SIGN_NONE &&
		    (parse_size_bytes(arg, 'm', 0, &unsigned_bytes, NULL) || unsigned_bytes != bytes))
			abort();
		format_size(bytes, "h", 1, out, sizeof(out));
		if (!memchr(out, '\0', sizeof(out)))
			abort();
	}
	parse_uint64(arg, &n64);
	parse_uint32(arg, &n32);
	if (!units_valid(arg)) {
		uint64_t v = 0;

		if (size >= 8)
			memcpy(&v, data, 8);
		format_size(v, arg, 1, out, sizeof(out));
		format_size(v, arg, 0, out, sizeof(out));
	}
	return 0;
}
