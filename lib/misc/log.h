/*
 * Diagnostics.  A message is printed once, where the failure is detected,
 * with its context (device, VG, LV) in the text; callers only propagate
 * the error code.  Formats follow LVM2: two leading spaces, errors and
 * warnings on stderr, results on stdout.
 *
 * The verbosity is set once per command from the command line; it is the
 * only process-wide state outside the command context.
 */
#ifndef OPENLVM_LOG_H
#define OPENLVM_LOG_H

enum log_level {
	LOG_QUIET = -1,
	LOG_NORMAL = 0,
	LOG_VERBOSE = 1,	/* -v */
	LOG_VERY_VERBOSE = 2,	/* -vv */
	LOG_DEBUG = 3,		/* -vvv or -d */
};

void log_set_level(int level);
int log_get_level(void);
void log_set_test_mode(int on);

void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Normal result messages ("Volume group "vg" successfully created"). */
void log_print(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_verbose(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
