/*
 * LVM2's freeform time values in selection criteria (lvmreport(7)):
 * "today", "yesterday", weekday and month names, "noon", "midnight",
 * "3pm", "N <unit>s ago" and combinations such as "monday noon" or
 * "yesterday 12:30".
 */
#ifndef OPENLVM_SELECT_TIME_H
#define OPENLVM_SELECT_TIME_H

#include <stdint.h>
#include <time.h>

/*
 * The range [lo, hi] of seconds that text s stands for when the command
 * runs at now, in local time, with LVM2's granularity: a calendar day
 * for day words and "N days ago", an hour for "3pm", a minute for
 * "hh:mm", one second for "noon", "hh:mm:ss" and "N seconds ago", and
 * [p - unit - 1, p] for p = "N minutes/hours ago".  Returns 0, or -1
 * after reporting the word it did not understand as LVM2 does; text that
 * is no freeform time at all (digits only, "12:00") fails silently.
 */
int select_time_words(const char *s, time_t now, int64_t *lo, int64_t *hi);

#endif
