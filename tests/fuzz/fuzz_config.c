/*
 * libFuzzer harness for the config-tree parser: any input must parse or
 * fail cleanly; whatever parses must write out text that parses back and
 * writes out identically.
 */
// sources: lib/config/*.c lib/misc/*.c
#include "config/config.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pool *p = pool_create("fuzz");
	struct strbuf first = STRBUF_INIT, second = STRBUF_INIT;
	struct cfg_node *root, *again;
	char err[256];

	root = cfg_parse(p, (const char *)data, size, err, sizeof(err));
	if (!root) {
		if (strncmp(err, "line ", 5))
			abort();
		pool_destroy(p);
		return 0;
	}
	cfg_write(root, 0, &first);
	again = cfg_parse(p, first.buf, first.len, err, sizeof(err));
	if (!again) {
		fprintf(stderr, "re-parse failed: %s\n%s\n", err, first.buf);
		abort();
	}
	cfg_write(again, 0, &second);
	if (first.len != second.len || memcmp(first.buf, second.buf, first.len)) {
		fprintf(stderr, "write not stable:\n%s\n---\n%s\n", first.buf, second.buf);
		abort();
	}
	strbuf_release(&first);
	strbuf_release(&second);
	pool_destroy(p);
	return 0;
}
