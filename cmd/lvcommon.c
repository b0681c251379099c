#include <stdlib.h>
#include <string.h>

#include "cmd/command.h"
#include "cmd/lvcommon.h"
#include "cmd/toolcontext.h"
#include "cmd/vgcommon.h"
#include "metadata/metadata.h"
#include "misc/log.h"
#include "misc/pool.h"

static int parse_percent(const char *s, struct lv_size_arg *out)
{
	static const struct { const char *name; enum size_percent pct; } kinds[] = {
		{ "VG", PCT_VG }, { "FREE", PCT_FREE }, { "PVS", PCT_PVS }, { "ORIGIN", PCT_ORIGIN },
	};

	for (unsigned i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcasecmp(s, kinds[i].name)) {
			out->pct = kinds[i].pct;
			return 0;
		}
	return -1;
}

static int parse_extents(const char *v, int allow_sign, struct lv_size_arg *out)
{
	char *num = strdup(v), *pct;
	const char *digits = num;
	int r = -1;

	if (*digits == '+' || *digits == '-') {
		out->sign = *digits == '+' ? SIGN_PLUS : SIGN_MINUS;
		digits++;
	}
	pct = strchr(num, '%');
	if (pct)
		*pct++ = '\0';
	if ((out->sign == SIGN_NONE || allow_sign) && !parse_uint64(digits, &out->value) &&
	    (!pct || !parse_percent(pct, out)))
		r = 0;
	free(num);
	return r;
}

int lv_size_parse(struct cmd_context *cmd, int allow_sign, struct lv_size_arg *out)
{
	const char *v;
	uint64_t bytes;

	memset(out, 0, sizeof(*out));
	if (arg_is_set(cmd, OPT_SIZE) && arg_is_set(cmd, OPT_EXTENTS)) {
		log_error("Please specify either size or extents but not both.");
		return -1;
	}
	if ((v = arg_str(cmd, OPT_EXTENTS, NULL))) {
		out->set = out->in_extents = 1;
		if (parse_extents(v, allow_sign, out)) {
			log_error("Invalid argument for --extents: %s", v);
			return -1;
		}
		if (!out->value) {
			log_error("--extents may not be zero.");
			return -1;
		}
		return 0;
	}
	if (!(v = arg_str(cmd, OPT_SIZE, NULL)))
		return 0;
	out->set = 1;
	if (!allow_sign && *v == '-') {
		log_error("Size may not be negative.");
		log_error("Invalid argument for --size: %s", v);
		return -1;
	}
	if (parse_size_bytes(v, 'm', allow_sign, &bytes, &out->sign) ||
	    (!allow_sign && out->sign != SIGN_NONE)) {
		log_error("Can't parse size argument.");
		log_error("Invalid argument for --size: %s", v);
		return -1;
	}
	if (!bytes) {
		log_error("--size may not be zero.");
		return -1;
	}
	out->value = (bytes + 511) / 512;
	return 0;
}

int lv_size_extents(struct cmd_context *cmd, const struct lv_size_arg *sz,
		    const struct volume_group *vg, uint64_t pv_extents, int round_up,
		    uint64_t *extents)
{
	uint64_t base;

	if (!sz->in_extents) {
		*extents = (sz->value + vg->extent_size - 1) / vg->extent_size;
		if (*extents * vg->extent_size != sz->value && sz->sign != SIGN_MINUS)
			log_print("Rounding up size to full physical extent %s",
				  lv_size_str(cmd, vg, *extents));
		return 0;
	}
	switch (sz->pct) {
	case PCT_NONE:
		*extents = sz->value;
		return 0;
	case PCT_VG:
		base = vg_extent_count(vg);
		break;
	case PCT_FREE:
		base = vg_free_count(vg);
		break;
	case PCT_PVS:
		base = pv_extents;
		break;
	default:
		log_error("Can't use %%ORIGIN: the logical volume is not a snapshot.");
		return -1;
	}
	if (sz->value > 100 && sz->pct != PCT_FREE && sz->sign == SIGN_NONE) {
		log_error("Please express size as %%VG, %%PVS, or %%FREE (at most 100%%).");
		return -1;
	}
	*extents = (base * sz->value + (round_up ? 99 : 0)) / 100;
	return 0;
}

int lv_new_name_check(const char *vg_name, const char *name)
{
	const char *why = lv_name_invalid(vg_name, name), *word;

	if (!why)
		return 0;
	word = lv_name_reserved_word(name);
	if (word && *word == '_')
		log_error("Names including \"%s\" are reserved. Please choose a different LV "
			  "name.", word);
	else if (word)
		log_error("Names starting \"%s\" are reserved. Please choose a different LV "
			  "name.", word);
	else
		log_error("Logical volume name \"%s\" is invalid.", name);
	return -1;
}

int lv_name_arg(struct cmd_context *cmd, const char *arg, const char *default_vg,
		const char **vg_name, const char **lv_name)
{
	const char *slash;

	if (!strncmp(arg, "/dev/", 5))
		arg += 5;
	slash = strchr(arg, '/');
	if (slash) {
		*vg_name = pool_strndup(cmd->mem, arg, (size_t)(slash - arg));
		*lv_name = slash + 1;
	} else {
		*vg_name = default_vg;
		*lv_name = arg;
	}
	if (!*vg_name || !**vg_name || !**lv_name || strchr(*lv_name, '/')) {
		log_error("Path required for Logical Volume \"%s\".", arg);
		return -1;
	}
	return 0;
}

const char *lv_sectors_str(struct cmd_context *cmd, uint64_t sectors)
{
	static const char *const names[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
	const char *letters = "bkmgtpe", *p;
	char buf[48];
	size_t n;

	format_size(sectors * 512, "h", 1, buf, sizeof(buf));
	n = strlen(buf);
	p = n ? strchr(letters, buf[n - 1]) : NULL;
	if (!p || !*p)
		return pool_strdup(cmd->mem, buf);
	buf[n - 1] = '\0';
	return pool_printf(cmd->mem, "%s %s", buf, names[p - letters]);
}

const char *lv_size_str(struct cmd_context *cmd, const struct volume_group *vg,
			uint64_t extents)
{
	return lv_sectors_str(cmd, extents * vg->extent_size);
}

/* ":A-B", ":A-", ":A", ":A+N" after a PV name. */
static int parse_range(const char *s, struct alloc_pv_range *r)
{
	char *end;
	unsigned long a, b;

	a = strtoul(s, &end, 10);
	if (end == s)
		return -1;
	r->first = (uint32_t)a;
	r->last = (uint32_t)a;
	if (*end == '-') {
		s = end + 1;
		if (!*s || *s == ':') {
			r->last = UINT32_MAX;
			end = (char *)s;
		} else {
			b = strtoul(s, &end, 10);
			if (end == s || b < a)
				return -1;
			r->last = (uint32_t)b;
		}
	} else if (*end == '+') {
		s = end + 1;
		b = strtoul(s, &end, 10);
		if (end == s || !b)
			return -1;
		r->last = (uint32_t)(a + b - 1);
	}
	return *end && *end != ':' ? -1 : 0;
}

static int add_pv_arg(struct cmd_context *cmd, struct volume_group *vg, const char *arg,
		      struct alloc_pv_range **v, unsigned *n, unsigned *cap)
{
	const char *colon = strchr(arg, ':');
	const char *path = colon ? pool_strndup(cmd->mem, arg, (size_t)(colon - arg)) : arg;
	struct physical_volume *pv = vg_member_at(cmd, vg, path);
	struct alloc_pv_range r;

	if (!pv) {
		log_error("Physical Volume \"%s\" not found in Volume Group \"%s\".", path,
			  vg->name);
		return -1;
	}
	do {
		if (*n == *cap) {
			struct alloc_pv_range *nv = POOL_ARRAY(cmd->mem, struct alloc_pv_range, *cap * 2);

			memcpy(nv, *v, *n * sizeof(*nv));
			*v = nv;
			*cap *= 2;
		}
		r.pv = pv;
		r.first = 0;
		r.last = UINT32_MAX;
		if (colon && parse_range(colon + 1, &r)) {
			log_error("Invalid PE range in \"%s\".", arg);
			return -1;
		}
		if (colon && r.first >= pv->pe_count) {
			log_error("PE range error: start extent %u to end extent %u "
				  "(physical volume %s has %u extents).", r.first,
				  r.last == UINT32_MAX ? pv->pe_count - 1 : r.last, path, pv->pe_count);
			return -1;
		}
		(*v)[(*n)++] = r;
		colon = colon ? strchr(colon + 1, ':') : NULL;
	} while (colon);
	return 0;
}

int lv_pv_ranges(struct cmd_context *cmd, struct volume_group *vg, char **args, int nargs,
		 struct alloc_request *req)
{
	unsigned cap = 4, n = 0;
	struct alloc_pv_range *v = POOL_ARRAY(cmd->mem, struct alloc_pv_range, cap);

	req->ranges = NULL;
	req->nranges = 0;
	if (!nargs)
		return 0;
	for (int i = 0; i < nargs; i++)
		if (add_pv_arg(cmd, vg, args[i], &v, &n, &cap))
			return -1;
	req->ranges = v;
	req->nranges = n;
	return 0;
}

/* Size of the listed PVs (each counted once), for %PVS; all PVs if none. */
uint64_t lv_ranges_extents(const struct alloc_request *req)
{
	/* %PVS with a PV list: the free extents in the listed ranges (LVM2). */
	return req->nranges ? alloc_free_extents(req->ranges[0].pv->vg, req) : 0;
}

int lv_stripes_from_args(struct cmd_context *cmd, const struct volume_group *vg,
			 uint32_t def_stripes, uint32_t def_stripe_size,
			 struct alloc_request *req)
{
	uint64_t size;

	if (arg_uint32(cmd, OPT_STRIPES, def_stripes, &req->stripes))
		return -1;
	if (!req->stripes || req->stripes > 128) {
		log_error("Number of stripes (%u) must be between 1 and 128.", req->stripes);
		return -1;
	}
	if (arg_size_sectors(cmd, OPT_STRIPESIZE, 'k', def_stripe_size, &size))
		return -1;
	if (req->stripes == 1) {
		req->stripe_size = 0;
		return 0;
	}
	if (!arg_is_set(cmd, OPT_STRIPESIZE) && !def_stripe_size) {
		log_print("Using default stripesize 64.00 KiB.");
		size = 128;
	}
	if (size < 8 || (size & (size - 1))) {
		log_error("Invalid stripe size %s.", arg_str(cmd, OPT_STRIPESIZE, "?"));
		return -1;
	}
	if (size > vg->extent_size) {
		log_print("Reducing requested stripe size %s to maximum, physical extent size %s.",
			  lv_sectors_str(cmd, size), lv_size_str(cmd, vg, 1));
		size = vg->extent_size;
	}
	req->stripe_size = (uint32_t)size;
	return 0;
}

int lv_alloc_from_args(struct cmd_context *cmd, enum alloc_policy *out)
{
	const char *v = arg_str(cmd, OPT_ALLOC, NULL);
	int contiguous;

	if (v && alloc_policy_parse(v, out)) {
		log_error("Invalid allocation policy: %s", v);
		return -1;
	}
	if (arg_yesno(cmd, OPT_CONTIGUOUS, -1, &contiguous))
		return -1;
	if (contiguous == 1) {
		if (v && *out != ALLOC_CONTIGUOUS) {
			log_error("Conflicting contiguous and alloc arguments.");
			return -1;
		}
		*out = ALLOC_CONTIGUOUS;
	} else if (contiguous == 0 && (!v || *out == ALLOC_CONTIGUOUS) && !v) {
		*out = ALLOC_INHERIT;
	}
	return 0;
}

int lv_readahead_from_args(struct cmd_context *cmd, uint32_t *out)
{
	const char *v = arg_str(cmd, OPT_READAHEAD, NULL);
	uint32_t n;

	if (!v)
		return 0;
	if (!strcmp(v, "auto"))
		*out = READ_AHEAD_AUTO;
	else if (!strcmp(v, "none"))
		*out = READ_AHEAD_NONE;
	else if (!parse_uint32(v, &n) && n >= 2 && n < 0x7fffffffu)
		*out = n;
	else {
		log_error("Invalid argument for --readahead: %s", v);
		return -1;
	}
	return 0;
}

int lv_permission_from_args(struct cmd_context *cmd, uint32_t *status)
{
	const char *v = arg_str(cmd, OPT_PERMISSION, NULL);

	if (!v)
		return 0;
	if (!strcmp(v, "r"))
		*status &= ~LV_WRITE;
	else if (!strcmp(v, "rw"))
		*status |= LV_WRITE;
	else {
		log_error("Invalid argument for --permission: %s", v);
		return -1;
	}
	*status |= LV_READ;
	return 0;
}
