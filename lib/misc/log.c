#include "misc/log.h"

#include <stdarg.h>
#include <stdio.h>

static int level = LOG_NORMAL;
static int test_mode;

void log_set_level(int l)
{
	level = l;
}

int log_get_level(void)
{
	return level;
}

void log_set_test_mode(int on)
{
	test_mode = on;
}

static void emit(FILE *f, const char *prefix, const char *fmt, va_list ap)
{
	fputs(test_mode ? "  TEST MODE: " : "  ", f);
	if (prefix)
		fputs(prefix, f);
	vfprintf(f, fmt, ap);
	fputc('\n', f);
}

void log_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	va_start(ap, fmt);
	emit(stderr, NULL, fmt, ap);
	va_end(ap);
}

void log_warn(const char *fmt, ...)
{
	va_list ap;

	if (level < LOG_NORMAL)
		return;
	fflush(stdout);
	va_start(ap, fmt);
	emit(stderr, "WARNING: ", fmt, ap);
	va_end(ap);
}

void log_print(const char *fmt, ...)
{
	va_list ap;

	if (level < LOG_NORMAL)
		return;
	va_start(ap, fmt);
	emit(stdout, NULL, fmt, ap);
	va_end(ap);
}

void log_verbose(const char *fmt, ...)
{
	va_list ap;

	if (level < LOG_VERBOSE)
		return;
	fflush(stdout);
	va_start(ap, fmt);
	emit(stderr, NULL, fmt, ap);
	va_end(ap);
}

void log_debug(const char *fmt, ...)
{
	va_list ap;

	if (level < LOG_DEBUG)
		return;
	fflush(stdout);
	va_start(ap, fmt);
	emit(stderr, NULL, fmt, ap);
	va_end(ap);
}
