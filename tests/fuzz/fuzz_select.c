/*
 * libFuzzer harness for the -S selection language: any text must compile
 * or fail cleanly for every report type, and whatever compiles must
 * evaluate over a small fixed VG without crashing.
 */
// sources: lib/report/*.c lib/metadata/*.c lib/format/*.c lib/device/dev_io.c lib/config/*.c lib/misc/*.c
#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/log.h"
#include "report/report.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char vg_text[] =
	"fz {\nid = \"cJXbxh-hsh6-ow7J-fcpt-9fPT-bXfk-ba5lwy\"\nseqno = 3\n"
	"format = \"lvm2\"\nstatus = [\"RESIZEABLE\", \"READ\", \"WRITE\"]\nflags = []\n"
	"tags = [\"t1\", \"t2\"]\nextent_size = 8192\nmax_lv = 0\nmax_pv = 0\n"
	"metadata_copies = 0\nphysical_volumes {\n"
	"pv0 {\nid = \"26QFCP-qxGW-DA1w-NodT-Uej1-CPnN-b9TqXc\"\ndevice = \"/dev/loop0\"\n"
	"status = [\"ALLOCATABLE\"]\nflags = []\ndev_size = 65536\npe_start = 2048\npe_count = 7\n}\n"
	"pv1 {\nid = \"36QFCP-qxGW-DA1w-NodT-Uej1-CPnN-b9TqXc\"\ndevice = \"/dev/loop1\"\n"
	"status = []\nflags = []\ntags = [\"p\"]\ndev_size = 65536\npe_start = 2048\npe_count = 7\n}\n}\n"
	"logical_volumes {\n"
	"lv1 {\nid = \"Cj0U2O-tUht-O5gd-fLtp-MBqY-iNuc-dPTfVa\"\n"
	"status = [\"READ\", \"WRITE\", \"VISIBLE\"]\nflags = []\ntags = [\"a\"]\n"
	"creation_time = 1795516839\ncreation_host = \"vm\"\nsegment_count = 2\n"
	"segment1 {\nstart_extent = 0\nextent_count = 2\ntype = \"striped\"\nstripe_count = 1\n"
	"stripes = [\"pv0\", 0]\n}\n"
	"segment2 {\nstart_extent = 2\nextent_count = 2\ntype = \"striped\"\nstripe_count = 2\n"
	"stripe_size = 128\nstripes = [\"pv0\", 3, \"pv1\", 0]\n}\n}\n"
	"lv2 {\nid = \"6riXB2-8XZv-e34F-MEOm-Swh0-5Z10-ipm7s3\"\n"
	"status = [\"READ\", \"VISIBLE\"]\nflags = []\ncreation_time = 1795516840\n"
	"creation_host = \"h\"\nallocation_policy = \"contiguous\"\nread_ahead = 256\n"
	"segment_count = 1\nsegment1 {\nstart_extent = 0\nextent_count = 1\n"
	"type = \"striped\"\nstripe_count = 1\nstripes = [\"pv0\", 2]\n}\n}\n}\n}\n"
	"contents = \"Text Format Volume Group\"\nversion = 1\n";

static void run(const struct volume_group *vg, enum report_type type, const char *sel,
		FILE *out)
{
	struct report_opts o = { 0 };
	struct report *r;
	const struct logical_volume *lv;
	const struct physical_volume *pv;

	o.type = type;
	o.select = sel;
	o.state_unknown = 1;
	o.out = out;
	r = report_create(&o);
	if (!r)
		return;
	if (type == RPT_LV || type == RPT_SEG)
		TAILQ_FOREACH(lv, &vg->lvs, list)
			report_add_lv(r, lv);
	if (type == RPT_VG)
		report_add_vg(r, vg);
	if (type == RPT_PV || type == RPT_PVSEG)
		TAILQ_FOREACH(pv, &vg->pvs, list)
			report_add_pv(r, pv);
	report_output(r);
	report_destroy(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum report_type types[] = { RPT_PV, RPT_PVSEG, RPT_VG, RPT_LV, RPT_SEG };
	struct volume_group *vg;
	char *sel = malloc(size + 1);
	FILE *out = fopen("/dev/null", "w");

	if (!sel || !out)
		abort();
	memcpy(sel, data, size);
	sel[size] = '\0';
	log_set_level(LOG_QUIET);
	vg = vg_import_text(vg_text, sizeof(vg_text) - 1, "fuzz");
	if (!vg)
		abort();
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		run(vg, types[i], sel, out);
	vg_free(vg);
	fclose(out);
	free(sel);
	return 0;
}
