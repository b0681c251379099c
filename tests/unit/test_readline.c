/*
 * Tests for cmd/readline_lib.c: the shell's readline, loaded by dlopen.
 * The shell itself needs a terminal; tests/cli drives it through a pipe.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/unit/testutil.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/readline_lib.h"

/* readline_lib_open(soname) with its stderr returned (caller frees) in *msg. */
static int open_capture(const char *soname, struct readline_lib *lib, char **msg)
{
	struct stderr_capture c;
	int r;

	capture_begin(&c);
	r = readline_lib_open(soname, lib);
	*msg = capture_end(&c);
	return r;
}

static int readline_is_mapped(void)
{
	void *h = dlopen(READLINE_SONAME, RTLD_NOW | RTLD_NOLOAD);

	if (h)
		dlclose(h);
	return h != NULL;
}

static void test_open(void **state)
{
	struct readline_lib lib;
	char *msg;

	(void)state;
	assert_false(readline_is_mapped());	/* not linked: loaded below only */
	memset(&lib, 0, sizeof(lib));
	assert_int_equal(open_capture(READLINE_SONAME, &lib, &msg), 0);
	assert_string_equal(msg, "");
	free(msg);
	assert_true(readline_is_mapped());
#define CHECK_SLOT(s) assert_non_null(lib.s);
	READLINE_LIB_SYMBOLS(CHECK_SLOT)
#undef CHECK_SLOT
	/* Variables are the library's own: what is written there reads back. */
	*lib.rl_readline_name = "lvm-test";
	assert_string_equal(*lib.rl_readline_name, "lvm-test");
	*lib.rl_attempted_completion_over = 1;
	assert_int_equal(*lib.rl_attempted_completion_over, 1);
	assert_ptr_equal(readline_lib(), readline_lib());
	assert_ptr_equal(readline_lib()->rl_readline_name, lib.rl_readline_name);
	assert_ptr_equal(readline_lib()->readline, lib.readline);
}

/* History goes through the library to a file and back. */
static void test_history(void **state)
{
	const struct readline_lib *rl = readline_lib();
	char path[] = "/tmp/test_readline.XXXXXX", buf[64];
	int fd = mkstemp(path), found = 0;
	FILE *f;

	(void)state;
	assert_non_null(rl);
	assert_true(fd >= 0);
	close(fd);
	rl->add_history("lvdisplay");
	assert_int_equal(rl->write_history(path), 0);
	/* libedit writes a header line first; readline does not. */
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(buf, sizeof(buf), f))
		found |= !strcmp(buf, "lvdisplay\n");
	fclose(f);
	assert_true(found);
	assert_int_equal(rl->read_history(path), 0);
	unlink(path);
}

static void test_open_failures(void **state)
{
	struct readline_lib lib;
	char *msg;

	(void)state;
	assert_int_equal(open_capture("libopenlvm-none.so.0", &lib, &msg), -1);
	assert_non_null(strstr(msg, "Cannot load libopenlvm-none.so.0: cannot open shared object"));
	assert_ptr_equal(strchr(msg, '\n'), msg + strlen(msg) - 1);	/* one line */
	free(msg);
	assert_int_equal(open_capture("libc.so.6", &lib, &msg), -1);
	assert_non_null(strstr(msg, "Cannot load libc.so.6: "));
	assert_non_null(strstr(msg, "readline"));
	free(msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open),	/* first: nothing loaded before */
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_open_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
