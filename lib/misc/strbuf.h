/*
 * Growable string buffer, after git's strbuf.
 *
 * Invariants: buf is never NULL and buf[len] == '\0' at all times, so a
 * strbuf can be handed to any function that wants a C string.  The buffer
 * owns its memory; strbuf_detach() transfers it to the caller, who frees it
 * with free().
 */
#ifndef OPENLVM_STRBUF_H
#define OPENLVM_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct strbuf {
	size_t alloc;
	size_t len;
	char *buf;
};

extern char strbuf_empty[];
#define STRBUF_INIT { 0, 0, strbuf_empty }

void strbuf_init(struct strbuf *sb, size_t hint);
void strbuf_release(struct strbuf *sb);
char *strbuf_detach(struct strbuf *sb, size_t *len);
void strbuf_grow_slow(struct strbuf *sb, size_t extra);
void strbuf_reset(struct strbuf *sb);
void strbuf_setlen(struct strbuf *sb, size_t len);

void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addchars(struct strbuf *sb, int c, size_t n);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* Appends s as a double-quoted string, escaping only '"' and '\\'. */
void strbuf_addquoted(struct strbuf *sb, const char *s);

/*
 * Inline fast paths: exporting a VG of 10,000 LVs appends a few million
 * pieces, and a call per character was a visible share of lvcreate.
 */
static inline void strbuf_grow(struct strbuf *sb, size_t extra)
{
	if (extra >= sb->alloc || sb->len + extra + 1 > sb->alloc)
		strbuf_grow_slow(sb, extra);
}

static inline void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	strbuf_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

static inline void strbuf_addch(struct strbuf *sb, int c)
{
	strbuf_grow(sb, 1);
	sb->buf[sb->len++] = (char)c;
	sb->buf[sb->len] = '\0';
}

#endif
