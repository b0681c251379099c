/*
 * Name and tag rules (spec section 11.2, 11.3).
 *
 * Two levels for LV names: what a user may choose (lv_name_invalid) and
 * what may appear in metadata (lv_name_stored_invalid) - LVM itself writes
 * names such as "r0_rimage_0" and "snapshot0" that users may not pick.
 */
#include <string.h>

#include "metadata/metadata.h"

#define NAME_MAX_LEN 127
#define TAG_MAX_LEN 1024
#define VG_LV_NAME_MAX 128	/* len(vg) + len(lv) + 3 must stay below */

static int name_char_ok(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '+' || c == '_' || c == '.' || c == '-';
}

static const char *common_name_invalid(const char *name)
{
	size_t len;

	if (!name || !*name)
		return "is empty";
	if (name[0] == '-')
		return "starts with '-'";
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return "is reserved";
	for (len = 0; name[len]; len++) {
		if (!name_char_ok((unsigned char)name[len]))
			return "contains invalid character";
		if (len == NAME_MAX_LEN)
			return "is too long";
	}
	return NULL;
}

const char *vg_name_invalid(const char *name)
{
	return common_name_invalid(name);
}

const char *lv_name_stored_invalid(const char *name)
{
	return common_name_invalid(name);
}

static const char *const lv_reserved_prefixes[] = { "snapshot", "pvmove", NULL };

static const char *const lv_reserved_parts[] = {
	"_cdata", "_cmeta", "_corig", "_cpool", "_cvol", "_wcorig", "_mimage",
	"_mlog", "_rimage", "_rmeta", "_tdata", "_tmeta", "_vdata", "_imeta",
	"_iorig", "_pmspare", "_vorigin", NULL
};

const char *lv_name_reserved_word(const char *name)
{
	for (unsigned i = 0; lv_reserved_prefixes[i]; i++)
		if (!strncmp(name, lv_reserved_prefixes[i], strlen(lv_reserved_prefixes[i])))
			return lv_reserved_prefixes[i];
	for (unsigned i = 0; lv_reserved_parts[i]; i++)
		if (strstr(name, lv_reserved_parts[i]))
			return lv_reserved_parts[i];
	return NULL;
}

const char *lv_name_invalid(const char *vg_name, const char *name)
{
	const char *why = common_name_invalid(name);

	if (why)
		return why;
	for (unsigned i = 0; lv_reserved_prefixes[i]; i++) {
		const char *p = lv_reserved_prefixes[i];

		if (!strncmp(name, p, strlen(p)))
			return "uses a reserved prefix";
	}
	for (unsigned i = 0; lv_reserved_parts[i]; i++)
		if (strstr(name, lv_reserved_parts[i]))
			return "contains a reserved suffix";
	if (vg_name && strlen(vg_name) + strlen(name) + 3 >= VG_LV_NAME_MAX)
		return "is too long for the volume group name";
	return NULL;
}

static int tag_char_ok(int c)
{
	return name_char_ok(c) || c == '/' || c == '=' || c == '!' || c == ':' ||
	       c == '&' || c == '#';
}

const char *tag_invalid(const char *tag)
{
	size_t len;

	if (!tag || !*tag)
		return "is empty";
	for (len = 0; tag[len]; len++) {
		if (!tag_char_ok((unsigned char)tag[len]))
			return "contains invalid character";
		if (len == TAG_MAX_LEN)
			return "is too long";
	}
	return NULL;
}
