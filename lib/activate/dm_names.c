/* Device-mapper names and UUIDs of LVs, as LVM2 forms them. */
#include <string.h>

#include "activate/activate.h"
#include "misc/pool.h"
#include "misc/strbuf.h"
#include "misc/uuid.h"

/* '-' separates the parts of a dm name, so a '-' inside one is doubled. */
static void add_escaped(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (*s == '-')
			strbuf_addch(sb, '-');
		strbuf_addch(sb, *s);
	}
}

char *lvdm_name(struct pool *mem, const char *vg, const char *lv, const char *layer)
{
	struct strbuf sb = STRBUF_INIT;
	char *r;

	add_escaped(&sb, vg);
	strbuf_addch(&sb, '-');
	add_escaped(&sb, lv);
	if (layer && *layer) {
		if (*layer != '_')
			strbuf_addch(&sb, '-');
		add_escaped(&sb, layer);
	}
	r = pool_strdup(mem, sb.buf);
	strbuf_release(&sb);
	return r;
}

char *lvdm_uuid(struct pool *mem, const struct lvm_id *vg_id, const struct lvm_id *lv_id,
		const char *suffix)
{
	return pool_printf(mem, "LVM-%.*s%.*s%s%s", ID_LEN, vg_id->uuid, ID_LEN, lv_id->uuid,
			   suffix && *suffix ? "-" : "", suffix && *suffix ? suffix : "");
}
