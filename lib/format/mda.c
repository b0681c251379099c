/*
 * Metadata areas (ondisk-format.md 5-6): the header sector and the
 * circular text buffer behind it.
 *
 * All offsets inside an area are relative to its start; the text region
 * is [512, size).  A copy that does not fit before the end of the area
 * continues at 512 ("wraps").  Header fields come from disk and are
 * checked before any arithmetic that could overflow.
 */
#include "format/mda.h"

#include <stdlib.h>
#include <string.h>

#include "device/device.h"
#include "format/text.h"
#include "misc/log.h"
#include "misc/pool.h"

#define RAW_LOCN_SIZE 24
#define SLOT_OFFSET(i) (0x28 + (i) * RAW_LOCN_SIZE)
/*
 * A VG of 10,000 LVs has a few MB of text; a copy claiming more than this
 * is damage, and must not make us allocate (and die on) absurd amounts.
 */
#define MDA_TEXT_SANE_MAX (1ull << 30)

/* Where a copy lies: `first` bytes at `offset`, then `wrap` bytes at 512. */
struct span {
	uint64_t offset;
	uint64_t first;
	uint64_t wrap;
};

static uint64_t round_up_sector(uint64_t n)
{
	return (n + SECTOR_SIZE - 1) / SECTOR_SIZE * SECTOR_SIZE;
}

/* NULL when the slot is empty or describes a copy inside the area. */
static const char *slot_problem(const struct raw_locn *l, uint64_t area_size)
{
	if (area_size < 2 * MDA_HEADER_SIZE)
		return "metadata area too small";
	if (!l->offset)
		return l->size ? "slot has a size but no offset" : NULL;
	if (l->offset < MDA_HEADER_SIZE || l->offset >= area_size)
		return "slot offset outside the metadata area";
	if (!l->size)
		return "slot has an offset but no size";
	if (l->size > area_size - MDA_HEADER_SIZE)
		return "slot size larger than the metadata area";
	return NULL;
}

/* Only for slots that passed slot_problem(); cannot overflow then. */
static struct span slot_span(uint64_t offset, uint64_t size, uint64_t area_size)
{
	struct span s = { offset, size, 0 };

	if (size > area_size - offset) {
		s.first = area_size - offset;
		s.wrap = size - s.first;
	}
	return s;
}

static void decode_locn(const unsigned char *p, struct raw_locn *l)
{
	l->offset = get_le64(p);
	l->size = get_le64(p + 8);
	l->checksum = get_le32(p + 16);
	l->flags = get_le32(p + 20);
}

static void encode_locn(unsigned char *p, const struct raw_locn *l)
{
	put_le64(p, l->offset);
	put_le64(p + 8, l->size);
	put_le32(p + 16, l->checksum);
	put_le32(p + 20, l->flags);
}

static const char *header_problem(const unsigned char *buf, uint64_t start,
				  uint64_t expected_size, const struct mda_header *h)
{
	if (lvm_crc(LVM_CRC_SEED, buf + 4, MDA_HEADER_SIZE - 4) != h->checksum)
		return "checksum mismatch";
	if (memcmp(buf + 4, MDA_MAGIC, MDA_MAGIC_LEN))
		return "wrong magic number";
	if (h->version != MDA_VERSION)
		return "unsupported version";
	if (h->start != start)
		return "start field does not match the area's location";
	if (expected_size && h->size != expected_size)
		return "size field does not match the PV header";
	if (h->size < 2 * MDA_HEADER_SIZE)
		return "area too small";
	if (h->size > UINT64_MAX - h->start)
		return "area extends beyond 2^64";
	return slot_problem(&h->slot[0], h->size);
}

/*
 * Slot 1 (precommitted) is not used by normal reads and LVM ignores
 * garbage there, so a bad slot 1 is dropped rather than failing the area.
 */
int mda_header_decode(const unsigned char *buf, uint64_t start, uint64_t expected_size,
		      struct mda_header *out, const char **why)
{
	memset(out, 0, sizeof(*out));
	out->checksum = get_le32(buf);
	out->version = get_le32(buf + 0x14);
	out->start = get_le64(buf + 0x18);
	out->size = get_le64(buf + 0x20);
	decode_locn(buf + SLOT_OFFSET(0), &out->slot[0]);
	decode_locn(buf + SLOT_OFFSET(1), &out->slot[1]);
	*why = header_problem(buf, start, expected_size, out);
	if (*why)
		return -1;
	if (slot_problem(&out->slot[1], out->size))
		memset(&out->slot[1], 0, sizeof(out->slot[1]));
	return 0;
}

void mda_header_encode(const struct mda_header *hdr, unsigned char *buf)
{
	memset(buf, 0, MDA_HEADER_SIZE);
	memcpy(buf + 4, MDA_MAGIC, MDA_MAGIC_LEN);
	put_le32(buf + 0x14, hdr->version);
	put_le64(buf + 0x18, hdr->start);
	put_le64(buf + 0x20, hdr->size);
	encode_locn(buf + SLOT_OFFSET(0), &hdr->slot[0]);
	encode_locn(buf + SLOT_OFFSET(1), &hdr->slot[1]);
	put_le32(buf, lvm_crc(LVM_CRC_SEED, buf + 4, MDA_HEADER_SIZE - 4));
}

int mda_header_read(struct device *dev, uint64_t start, uint64_t size, struct mda_header *out)
{
	unsigned char buf[MDA_HEADER_SIZE];
	const char *why;

	if (dev_read(dev, start, sizeof(buf), buf))
		return -1;
	if (mda_header_decode(buf, start, size, out, &why)) {
		log_warn("%s: Bad metadata header at offset %llu: %s", dev->path,
			 (unsigned long long)start, why);
		return -1;
	}
	return 0;
}

int mda_header_put(struct device *dev, const struct mda_header *hdr)
{
	unsigned char buf[MDA_HEADER_SIZE];

	mda_header_encode(hdr, buf);
	return dev_write(dev, hdr->start, sizeof(buf), buf);
}

int mda_header_write(struct device *dev, const struct mda_header *hdr)
{
	return mda_header_put(dev, hdr) || dev_flush(dev) ? -1 : 0;
}

void mda_header_init(struct mda_header *hdr, uint64_t start, uint64_t size)
{
	memset(hdr, 0, sizeof(*hdr));
	hdr->version = MDA_VERSION;
	hdr->start = start;
	hdr->size = size;
}

/* Is [start + rel, start + rel + len) inside a device of dev_size bytes? */
static int inside_device(uint64_t start, uint64_t rel, uint64_t len, uint64_t dev_size)
{
	return start <= dev_size && rel <= dev_size - start && len <= dev_size - start - rel;
}

static int text_readable(struct device *dev, const struct mda_header *hdr,
			 const struct span *s)
{
	uint64_t dev_size;

	if (dev_get_size(dev, &dev_size))
		return -1;
	if (s->first + s->wrap > MDA_TEXT_SANE_MAX) {
		log_warn("%s: Metadata text at offset %llu claims an absurd size of %llu bytes",
			 dev->path, (unsigned long long)(hdr->start + s->offset),
			 (unsigned long long)(s->first + s->wrap));
		return -1;
	}
	if (!inside_device(hdr->start, s->offset, s->first, dev_size) ||
	    !inside_device(hdr->start, MDA_HEADER_SIZE, s->wrap, dev_size)) {
		log_warn("%s: Metadata text at offset %llu extends beyond the end of the device",
			 dev->path, (unsigned long long)(hdr->start + s->offset));
		return -1;
	}
	return 0;
}

static int check_text(struct device *dev, const struct mda_header *hdr,
		      const unsigned char *buf, size_t size)
{
	const struct raw_locn *l = &hdr->slot[0];
	unsigned long long where = (unsigned long long)(hdr->start + l->offset);

	if (lvm_crc(LVM_CRC_SEED, buf, size) != l->checksum) {
		log_warn("%s: Checksum error in metadata text at offset %llu", dev->path, where);
		return -1;
	}
	if (buf[size - 1]) {
		log_warn("%s: Metadata text at offset %llu is not NUL-terminated", dev->path,
			 where);
		return -1;
	}
	return 0;
}

/*
 * Reads slot 0's text, from mem or malloc'd when mem is NULL.  The length
 * returned stops at the first NUL: LVM's parser does the same.
 */
static int read_text_into(struct device *dev, const struct mda_header *hdr, struct pool *mem,
			  char **text, size_t *len, size_t *cap)
{
	const struct raw_locn *l = &hdr->slot[0];
	const char *why = slot_problem(l, hdr->size);
	struct span s;
	unsigned char *buf;

	if ((l->flags & RAW_LOCN_IGNORED) || (!l->offset && !l->size))
		return 0;
	if (why) {
		log_warn("%s: Metadata area at offset %llu: %s", dev->path,
			 (unsigned long long)hdr->start, why);
		return -1;
	}
	s = slot_span(l->offset, l->size, hdr->size);
	if (text_readable(dev, hdr, &s))
		return -1;
	/* not zeroed: every byte is read over; check_text() wants the last NUL */
	buf = mem ? pool_alloc(mem, (size_t)l->size) : xmalloc_big((size_t)l->size);
	if (dev_read(dev, hdr->start + s.offset, (size_t)s.first, buf) ||
	    (s.wrap && dev_read(dev, hdr->start + MDA_HEADER_SIZE, (size_t)s.wrap, buf + s.first)) ||
	    check_text(dev, hdr, buf, (size_t)l->size)) {
		if (!mem)
			free_big(buf, (size_t)l->size);
		return -1;
	}
	if (cap)
		*cap = (size_t)l->size;
	*text = (char *)buf;
	*len = strlen(*text);
	return 1;
}

int mda_read_text(struct device *dev, const struct mda_header *hdr, struct pool *mem,
		  char **text, size_t *len)
{
	return read_text_into(dev, hdr, mem, text, len, NULL);
}

int mda_read_text_own(struct device *dev, const struct mda_header *hdr, char **text,
		      size_t *len, size_t *cap)
{
	return read_text_into(dev, hdr, NULL, text, len, cap);
}

uint64_t mda_max_text_size(uint64_t mda_size)
{
	uint64_t half;

	if (mda_size < MDA_HEADER_SIZE)
		return 0;
	half = (mda_size - MDA_HEADER_SIZE) / 2;
	return half > MDA_HEADER_SIZE ? half - MDA_HEADER_SIZE : 0;
}

static int ranges_overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return alen && blen && a < b + blen && b < a + alen;
}

static int spans_overlap(const struct span *a, const struct span *b)
{
	return ranges_overlap(a->offset, a->first, b->offset, b->first) ||
	       ranges_overlap(a->offset, a->first, MDA_HEADER_SIZE, b->wrap) ||
	       ranges_overlap(MDA_HEADER_SIZE, a->wrap, b->offset, b->first) ||
	       ranges_overlap(MDA_HEADER_SIZE, a->wrap, MDA_HEADER_SIZE, b->wrap);
}

static int old_copy(const struct mda_header *hdr, struct span *old)
{
	const struct raw_locn *l = &hdr->slot[0];

	if ((l->flags & RAW_LOCN_IGNORED) || !l->offset)
		return 0;
	*old = slot_span(l->offset, l->size, hdr->size);
	return 1;
}

/* Step 2-4 of 6.2: the first sector boundary after the old copy. */
static uint64_t offset_after(const struct span *old, uint64_t area_size)
{
	uint64_t last = old->wrap ? MDA_HEADER_SIZE + old->wrap - 1
				  : old->offset + old->first - 1;
	uint64_t next;

	if (area_size - last < MDA_HEADER_SIZE)
		return MDA_HEADER_SIZE;
	next = round_up_sector(last + 1);
	return next > area_size - MDA_HEADER_SIZE ? MDA_HEADER_SIZE : next;
}

int mda_next_location(const struct mda_header *hdr, uint64_t size, uint64_t *offset)
{
	struct span old, new;
	int have_old;

	if (!size || size > mda_max_text_size(hdr->size) || slot_problem(&hdr->slot[0], hdr->size))
		return -1;
	have_old = old_copy(hdr, &old);
	*offset = have_old ? offset_after(&old, hdr->size) : MDA_HEADER_SIZE;
	new = slot_span(*offset, size, hdr->size);
	if (have_old && spans_overlap(&new, &old))
		return -1;
	return 0;
}

/*
 * Bytes to write for a piece of `len` bytes at area offset `at`: padded
 * with zeros to a sector boundary, but never into the old copy (which may
 * start mid-sector if another writer put it there) or past the area end.
 */
static uint64_t padded_len(const struct mda_header *hdr, uint64_t at, uint64_t len)
{
	uint64_t end = round_up_sector(at + len);
	struct span old;

	if (end > hdr->size)
		end = hdr->size;
	if (old_copy(hdr, &old) && old.offset >= at + len && old.offset < end)
		end = old.offset;
	return end - at;
}

static int write_pieces(struct device *dev, const struct mda_header *hdr,
			const struct span *s, const char *buf)
{
	uint64_t last_at = s->wrap ? MDA_HEADER_SIZE : s->offset;
	uint64_t last_len = s->wrap ? s->wrap : s->first;
	uint64_t pad = padded_len(hdr, last_at, last_len);

	if (s->wrap && dev_write(dev, hdr->start + s->offset, (size_t)s->first, buf))
		return -1;
	return dev_write(dev, hdr->start + last_at, (size_t)pad,
			 buf + (s->wrap ? s->first : 0));
}

int mda_write_padded(struct device *dev, const struct mda_header *hdr,
		     const char *buf, size_t len, struct raw_locn *locn)
{
	uint64_t size = (uint64_t)len + 1;
	uint64_t offset;
	struct span s;

	if (mda_next_location(hdr, size, &offset)) {
		log_error("%s: Metadata of %llu bytes does not fit in the metadata area at "
			  "offset %llu (at most %llu bytes)", dev->path, (unsigned long long)size,
			  (unsigned long long)hdr->start,
			  (unsigned long long)mda_max_text_size(hdr->size));
		return -1;
	}
	s = slot_span(offset, size, hdr->size);
	if (write_pieces(dev, hdr, &s, buf))
		return -1;
	locn->offset = offset;
	locn->size = size;
	locn->checksum = lvm_crc(lvm_crc(LVM_CRC_SEED, buf, len), "", 1);
	locn->flags = 0;
	return 0;
}

int mda_write_text(struct device *dev, const struct mda_header *hdr,
		   const char *text, size_t len, struct raw_locn *locn)
{
	char *buf = xcalloc(1, len + MDA_TEXT_PAD);
	int r;

	memcpy(buf, text, len);
	r = mda_write_padded(dev, hdr, buf, len, locn) || dev_flush(dev) ? -1 : 0;
	free(buf);
	return r;
}

/* ---- Searching an area for every text copy ---- */

/*
 * Where the first NUL at or after each sector start lies (size when none):
 * one backward pass, so every candidate finds its end in O(1).
 */
static uint64_t *sector_nul_table(const unsigned char *area, uint64_t size, struct pool *mem)
{
	uint64_t nsec = size / SECTOR_SIZE, next = size, i;
	uint64_t *tab = POOL_ARRAY(mem, uint64_t, (size_t)nsec + 1);

	tab[nsec] = size;
	for (i = size; i-- > 0;) {
		if (!area[i])
			next = i;
		if (!(i % SECTOR_SIZE))
			tab[i / SECTOR_SIZE] = next;
	}
	return tab;
}

static int starts_like_vg(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '+' || c == '_' || c == '.' || c == '-';
}

/* The candidate's size including its NUL, wrapping once; 0 if none. */
static uint64_t candidate_size(const uint64_t *nul, uint64_t at, uint64_t size)
{
	uint64_t end = nul[at / SECTOR_SIZE];

	if (end < size)
		return end - at + 1;
	end = nul[MDA_HEADER_SIZE / SECTOR_SIZE];
	if (end >= at)
		return 0;
	return size - at + end - MDA_HEADER_SIZE + 1;
}

/*
 * A candidate is first peeked at through a window of its first bytes: a
 * text's VG name, id and seqno come first, and the window bounds what a
 * rejected candidate costs.  Without it, an area of one long run (hostile,
 * or old copies without NULs) makes every sector a candidate that is read
 * to the run's end: area size squared.  Accepted copies are read in full,
 * but the search then skips past them.
 */
#define PEEK_WINDOW 4096u

/* The candidate's bytes [0, len), copied into buf only when it wraps. */
static const char *candidate_bytes(const unsigned char *area, uint64_t size, uint64_t at,
				   uint64_t len, unsigned char *buf)
{
	uint64_t first = size - at;

	if (len <= first)
		return (const char *)area + at;
	memcpy(buf, area + at, (size_t)first);
	memcpy(buf + first, area + MDA_HEADER_SIZE, (size_t)(len - first));
	return (const char *)buf;
}

static int peek_window(const unsigned char *area, uint64_t size, uint64_t at, uint64_t len,
		       unsigned char *scratch, struct pool *mem)
{
	uint64_t n = len - 1 < PEEK_WINDOW ? len - 1 : PEEK_WINDOW;
	const char *name;
	char uuid[33];
	uint32_t seqno;

	return !text_peek(candidate_bytes(area, size, at, n, scratch), (size_t)n, mem, &name,
			  uuid, &seqno);
}

static int take_candidate(const unsigned char *area, uint64_t size, uint64_t at, uint64_t len,
			  unsigned char *scratch, struct pool *mem, struct mda_text_copy *c)
{
	if (!peek_window(area, size, at, len, scratch, mem))
		return 0;
	c->text = candidate_bytes(area, size, at, len,
				  len > size - at ? pool_alloc(mem, (size_t)len) : NULL);
	if (text_peek(c->text, (size_t)len - 1, mem, &c->vg_name, c->vg_uuid, &c->seqno))
		return 0;
	c->offset = at;
	c->size = len;
	c->checksum = lvm_crc(LVM_CRC_SEED, c->text, (size_t)len);
	return 1;
}

size_t mda_find_copies_buf(const unsigned char *area, uint64_t size, struct pool *mem,
			   struct mda_text_copy **out)
{
	uint64_t *nul, at, len, max = mda_max_text_size(size);
	size_t n = 0, cap = 8;
	struct mda_text_copy *copies = POOL_ARRAY(mem, struct mda_text_copy, cap);
	unsigned char *scratch;

	*out = copies;
	if (size < 2 * MDA_HEADER_SIZE)
		return 0;
	size -= size % SECTOR_SIZE;
	nul = sector_nul_table(area, size, mem);
	scratch = pool_alloc(mem, PEEK_WINDOW);
	for (at = MDA_HEADER_SIZE; at < size; at += SECTOR_SIZE) {
		if (!starts_like_vg(area[at]))
			continue;
		len = candidate_size(nul, at, size);
		if (len < 2 || len > max)
			continue;
		if (n == cap) {
			struct mda_text_copy *bigger = POOL_ARRAY(mem, struct mda_text_copy, cap * 2);

			memcpy(bigger, copies, n * sizeof(*copies));
			copies = bigger;
			cap *= 2;
		}
		if (!take_candidate(area, size, at, len, scratch, mem, &copies[n]))
			continue;
		n++;
		if (len > size - at)
			break;	/* wrapped: the rest of the area is this copy */
		at = round_up_sector(at + len) - SECTOR_SIZE;
	}
	*out = copies;
	return n;
}

int mda_find_copies(struct device *dev, uint64_t start, uint64_t size, struct pool *mem,
		    struct mda_text_copy **out)
{
	uint64_t dev_size;
	unsigned char *area;

	if (dev_get_size(dev, &dev_size))
		return -1;
	if (size > MDA_TEXT_SANE_MAX || !inside_device(start, 0, size, dev_size)) {
		log_error("%s: Metadata area at offset %llu size %llu lies beyond the device.",
			  dev->path, (unsigned long long)start, (unsigned long long)size);
		return -1;
	}
	area = pool_alloc(mem, (size_t)size);
	if (dev_read(dev, start, (size_t)size, area))
		return -1;
	return (int)mda_find_copies_buf(area, size, mem, out);
}

const struct mda_text_copy *mda_newest_copy(const struct mda_text_copy *copies, size_t n)
{
	const struct mda_text_copy *best = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		if (!best || copies[i].seqno >= best->seqno)
			best = &copies[i];
	return best;
}
