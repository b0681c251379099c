#include "misc/uuid.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static const char id_chars[] =
	"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

int id_valid_char(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c == '!' || c == '#';
}

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

int id_parse(struct lvm_id *id, const char *text)
{
	size_t n = 0;

	for (; *text; text++) {
		if (*text == '-')
			continue;
		if (!id_valid_char((unsigned char)*text) || n == ID_LEN)
			return -1;
		id->uuid[n++] = *text;
	}
	if (n != ID_LEN)
		return -1;
	id->uuid[ID_LEN] = '\0';
	return 0;
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
