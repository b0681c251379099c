#include "misc/uuid.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static const char id_chars[] =
	"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";


int id_create(struct lvm_id *id)
{
	unsigned char raw[ID_LEN];
	size_t got = 0;
	int fd, i;

	fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	while (got < sizeof(raw)) {
		ssize_t n = read(fd, raw + got, sizeof(raw) - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			return -1;
		}
		got += (size_t)n;
	}
	close(fd);
	/* 62 does not divide 256; the slight bias is irrelevant for ids. */
	for (i = 0; i < ID_LEN; i++)
		id->uuid[i] = id_chars[raw[i] % 62];
	id->uuid[ID_LEN] = '\0';
	return 0;
}

/* 1: a UUID character, 2: a dash; a table because 20,000 ids are parsed per VG read. */
static const unsigned char id_class[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
	['7'] = 1, ['8'] = 1, ['9'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
	['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
	['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
	['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
	['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
	['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
	['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	['!'] = 1, ['#'] = 1, ['-'] = 2,
};

int id_parse(struct lvm_id *id, const char *text)
{
	size_t n = 0;

	for (; *text; text++) {
		unsigned char k = id_class[(unsigned char)*text];

		if (k == 2)
			continue;
		if (!k || n == ID_LEN)
			return -1;
		id->uuid[n++] = *text;
	}
	if (n != ID_LEN)
		return -1;
	id->uuid[ID_LEN] = '\0';
	return 0;
}

int id_valid_char(int c)
{
	return c >= 0 && c < 256 && id_class[c] == 1;
}

void id_format(const struct lvm_id *id, char *out)
{
	static const int groups[] = { 6, 4, 4, 4, 4, 4, 6 };
	const char *in = id->uuid;
	size_t g;

	for (g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		if (g)
			*out++ = '-';
		memcpy(out, in, (size_t)groups[g]);
		out += groups[g];
		in += groups[g];
	}
	*out = '\0';
}

int id_equal(const struct lvm_id *a, const struct lvm_id *b)
{
	return !memcmp(a->uuid, b->uuid, ID_LEN);
}
