/*
 * Helpers shared by the unit tests.  Include after <cmocka.h>.
 * Header-only so each test program stays a single source file.
 */
#ifndef OPENLVM_TESTUTIL_H
#define OPENLVM_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

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

/* stderr sent to a temporary file between capture_begin and capture_end. */
struct stderr_capture {
	FILE *tmp;
	int saved;
};

static inline void capture_begin(struct stderr_capture *c)
{
	c->tmp = tmpfile();
	c->saved = dup(2);
	assert_non_null(c->tmp);
	assert_true(c->saved >= 0);
	fflush(stderr);
	assert_true(dup2(fileno(c->tmp), 2) >= 0);
}

/* What was written meanwhile, NUL-terminated (free()); stderr restored. */
static inline char *capture_end(struct stderr_capture *c)
{
	char *text;
	long n;

	fflush(stderr);
	assert_true(dup2(c->saved, 2) >= 0);
	close(c->saved);
	n = ftell(c->tmp);
	assert_true(n >= 0);
	text = xcalloc(1, (size_t)n + 1);
	rewind(c->tmp);
	assert_int_equal(fread(text, 1, (size_t)n, c->tmp), (size_t)n);
	fclose(c->tmp);
	return text;
}

#endif
