/*
 * Helpers shared by the unit tests.  Include after <cmocka.h>.
 * Header-only so each test program stays a single source file.
 */
#ifndef OPENLVM_TESTUTIL_H
#define OPENLVM_TESTUTIL_H

#include <stdio.h>

#include "misc/pool.h"

/* Whole file into a NUL-terminated heap buffer (free()); fails the test if unreadable. */
static inline char *test_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* A file under tests/fixtures, by its path relative to that directory. */
static inline char *fixture_slurp(const char *rel, size_t *len)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", FIXTURES_DIR, rel);
	return test_slurp(path, len);
}

#endif
