#include "misc/pool.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/*
 * A pool is a singly linked list of chunks.  Small requests are bumped
 * from the current chunk; a request bigger than a quarter chunk gets a
 * chunk of its own so that large buffers do not waste the tail of the
 * current one.
 */
#define CHUNK_SIZE (64 * 1024)
#define CHUNK_MAX (16 * 1024 * 1024)
#define ALIGNMENT 16

struct chunk {
	struct chunk *next;
	size_t used;
	size_t size;
	_Alignas(ALIGNMENT) unsigned char data[];
};

struct pool {
	const char *name;
	struct chunk *chunks;
	size_t next_size;	/* grows so big VGs need few mallocs */
};

static void out_of_memory(size_t size)
{
	fprintf(stderr, "  Out of memory allocating %zu bytes.\n", size);
	exit(5);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		out_of_memory(n * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		out_of_memory(size);
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

#define HUGE_PAGE ((uintptr_t)2 << 20)

/*
 * A 50,000-LV VG touches some 50 MB (text, model, report) once each: as
 * 4 KiB pages that was 12,000 faults and a fifth of `lvs`.  The advice
 * only marks the range; where THP is "never" or absent it does nothing,
 * and a failure is harmless, so it is not reported.
 */
void mem_advise_huge(void *p, size_t size)
{
#ifdef MADV_HUGEPAGE
	uintptr_t start = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	uintptr_t end = ((uintptr_t)p + size) & ~(HUGE_PAGE - 1);

	if (end > start)
		(void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
	(void)p;
	(void)size;
#endif
}

struct pool *pool_create(const char *name)
{
	struct pool *p = xcalloc(1, sizeof(*p));

	p->name = name;
	return p;
}

void pool_destroy(struct pool *p)
{
	struct chunk *c, *next;

	if (!p)
		return;
	for (c = p->chunks; c; c = next) {
		next = c->next;
		free_big(c, sizeof(*c) + c->size);
	}
	free(p);
}

/*
 * Big zeroed blocks (pool chunks, hash tables) are mapped by hand,
 * 2 MiB-aligned and advised before anything touches them: their pages are
 * then zero huge pages where THP is on, and zero 4 KiB pages elsewhere.
 * calloc would hand out heap memory it must clear first, faulting it in
 * as small pages.
 */
void *xcalloc_big(size_t size)
{
	size_t len = (size + 4095) & ~(size_t)4095, over = len + HUGE_PAGE, head;
	unsigned char *m;

	if (len < HUGE_PAGE)
		return xcalloc(1, size);
	if (size > SIZE_MAX - 2 * HUGE_PAGE)
		out_of_memory(size);
	m = mmap(NULL, over, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		out_of_memory(size);
	head = (size_t)(-(uintptr_t)m & (HUGE_PAGE - 1));
	if (head)
		munmap(m, head);
	if (over - head > len)
		munmap(m + head + len, over - head - len);
	mem_advise_huge(m + head, len);
	return m + head;
}

void *xmalloc_big(size_t size)
{
	if (((size + 4095) & ~(size_t)4095) < HUGE_PAGE)
		return xmalloc(size);
	return xcalloc_big(size);
}

void free_big(void *p, size_t size)
{
	size_t len = (size + 4095) & ~(size_t)4095;

	if (len < HUGE_PAGE)
		free(p);
	else if (p)
		munmap(p, len);
}

/*
 * Chunks that may serve zeroed requests come from calloc or mmap, and
 * carved memory is never handed back, so everything past c->used stays
 * zero: pool_alloc needs no memset of its own.
 */
static struct chunk *new_chunk(size_t size, int zero)
{
	struct chunk *c;
	size_t len;

	if (size > SIZE_MAX - sizeof(*c))
		out_of_memory(size);
	len = sizeof(*c) + size;
	if (len >= HUGE_PAGE)
		c = xcalloc_big(len);
	else
		c = zero ? xcalloc(1, len) : xmalloc(len);
	c->used = 0;
	c->size = size;
	return c;
}

/*
 * Carves size bytes aligned to align (a power of two <= ALIGNMENT).
 * Strings ask for align 1 and no zeroing: a large VG's metadata holds
 * hundreds of thousands of short strings, and padding each to 16 bytes
 * and clearing it before the copy was a visible share of `lvs`.
 */
static inline __attribute__((always_inline)) void *
carve(struct pool *p, size_t size, size_t align, int zero)
{
	struct chunk *c = p->chunks;
	size_t off;
	void *mem;

	if (size > SIZE_MAX - ALIGNMENT)
		out_of_memory(size);
	if (!p->next_size)
		p->next_size = CHUNK_SIZE;
	if (size > p->next_size / 4) {
		/* Dedicated chunk, linked behind the current one. */
		struct chunk *big = new_chunk(size, zero);

		if (c) {
			big->next = c->next;
			c->next = big;
		} else {
			big->next = NULL;
			p->chunks = big;
		}
		big->used = size;
		return big->data;
	}
	off = c ? (c->used + align - 1) & ~(align - 1) : 0;
	if (!c || c->size < off || c->size - off < size) {
		c = new_chunk(p->next_size, 1);
		if (p->next_size < CHUNK_MAX)
			p->next_size *= 2;
		c->next = p->chunks;
		p->chunks = c;
		off = 0;
	}
	mem = c->data + off;
	c->used = off + size;
	return mem;
}

void *pool_alloc(struct pool *p, size_t size)
{
	return carve(p, size, ALIGNMENT, 1);
}

void *pool_memdup(struct pool *p, const void *src, size_t size)
{
	return memcpy(carve(p, size, ALIGNMENT, 0), src, size);
}

char *pool_strndup(struct pool *p, const char *s, size_t n)
{
	char *d = carve(p, n + 1, 1, 0);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *pool_strdup(struct pool *p, const char *s)
{
	return pool_strndup(p, s, strlen(s));
}

char *pool_printf(struct pool *p, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		out_of_memory(0);
	s = carve(p, (size_t)n + 1, 1, 0);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}
