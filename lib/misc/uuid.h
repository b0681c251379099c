/*
 * LVM UUIDs: 32 characters from [0-9a-zA-Z!#].  Stored undashed (33 bytes
 * with NUL) everywhere in memory; the dashed 6-4-4-4-4-4-6 form is only
 * produced for text metadata and reports.
 */
#ifndef OPENLVM_UUID_H
#define OPENLVM_UUID_H

#define ID_LEN 32
#define ID_DASHED_LEN 38

struct lvm_id {
	char uuid[ID_LEN + 1];
};

/* Fills id from /dev/urandom, alphanumerics only.  Returns 0 or -1. */
int id_create(struct lvm_id *id);
/* Accepts dashes anywhere; needs exactly 32 valid characters. 0 or -1. */
int id_parse(struct lvm_id *id, const char *text);
/* out must hold ID_DASHED_LEN + 1 bytes. */
void id_format(const struct lvm_id *id, char *out);
int id_equal(const struct lvm_id *a, const struct lvm_id *b);
int id_valid_char(int c);

#endif
