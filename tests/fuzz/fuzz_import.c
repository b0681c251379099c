/*
 * libFuzzer harness for the VG text import: any input must import or fail
 * cleanly; whatever imports must export (both styles) to text that
 * imports again and exports identically.
 */
// sources: lib/format/text_import.c lib/format/text_export.c lib/metadata/vg.c lib/metadata/names.c lib/metadata/validate.c lib/config/*.c lib/misc/*.c
#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/strbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_stable(const struct volume_group *vg, enum text_style style)
{
	struct strbuf first = STRBUF_INIT, second = STRBUF_INIT;
	struct volume_group *again;

	vg_export_text(vg, style, NULL, &first);
	again = vg_import_text(first.buf, first.len, "fuzz export");
	if (!again) {
		fprintf(stderr, "exported text does not import:\n%s\n", first.buf);
		abort();
	}
	vg_export_text(again, style, NULL, &second);
	if (first.len != second.len || memcmp(first.buf, second.buf, first.len)) {
		fprintf(stderr, "export not stable:\n%s\n----\n%s\n", first.buf, second.buf);
		abort();
	}
	vg_free(again);
	strbuf_release(&first);
	strbuf_release(&second);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct volume_group *vg = vg_import_text((const char *)data, size, "fuzz");

	if (!vg)
		return 0;
	check_stable(vg, TEXT_DISK);
	check_stable(vg, TEXT_BACKUP);
	vg_free(vg);
	return 0;
}
