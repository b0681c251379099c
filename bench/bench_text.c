/*
 * Import + export of a large VG's metadata text: the work every command
 * does once.  Generates a VG of N LVs on P PVs, then times the import
 * (parse + model) and the on-disk export, taking the best of several runs.
 *
 * Usage: bench_text [LVS [PVS [RUNS]]]   (defaults 10000 1000 20)
 * Prints one line per measurement; never a pass/fail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/strbuf.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void gen_id(struct strbuf *sb, unsigned kind, unsigned n)
{
	char raw[33];

	snprintf(raw, sizeof(raw), "%c%031u", 'A' + (int)kind, n);
	strbuf_addf(sb, "\"%.6s-%.4s-%.4s-%.4s-%.4s-%.4s-%.6s\"", raw, raw + 6, raw + 10,
		    raw + 14, raw + 18, raw + 22, raw + 26);
}

static void generate(struct strbuf *sb, unsigned lvs, unsigned pvs)
{
	unsigned i, per_pv = lvs / pvs + 1;

	strbuf_addstr(sb, "big {\nid = ");
	gen_id(sb, 0, 0);
	strbuf_addstr(sb, "\nseqno = 1\nformat = \"lvm2\"\nstatus = [\"RESIZEABLE\", \"READ\", "
			  "\"WRITE\"]\nflags = []\nextent_size = 8192\nmax_lv = 0\nmax_pv = 0\n"
			  "metadata_copies = 0\n\nphysical_volumes {\n");
	for (i = 0; i < pvs; i++) {
		strbuf_addf(sb, "\npv%u {\nid = ", i);
		gen_id(sb, 1, i);
		strbuf_addf(sb, "\ndevice = \"/dev/loop%u\"\n\nstatus = [\"ALLOCATABLE\"]\nflags = []\n"
			    "dev_size = %u\npe_start = 2048\npe_count = %u\n}\n",
			    i, (per_pv + 1) * 8192 + 2048, per_pv);
	}
	strbuf_addstr(sb, "}\n\nlogical_volumes {\n");
	for (i = 0; i < lvs; i++) {
		strbuf_addf(sb, "\nlv%u {\nid = ", i);
		gen_id(sb, 2, i);
		strbuf_addf(sb, "\nstatus = [\"READ\", \"WRITE\", \"VISIBLE\"]\nflags = []\n"
			    "creation_time = 1795516839\ncreation_host = \"bench\"\nsegment_count = 1\n\n"
			    "segment1 {\nstart_extent = 0\nextent_count = 1\n\ntype = \"striped\"\n"
			    "stripe_count = 1\n\nstripes = [\n\"pv%u\", %u\n]\n}\n}\n",
			    i % pvs, i / pvs);
	}
	strbuf_addstr(sb, "}\n\n}\ncontents = \"Text Format Volume Group\"\nversion = 1\n");
}

int main(int argc, char **argv)
{
	unsigned lvs = argc > 1 ? (unsigned)atoi(argv[1]) : 10000;
	unsigned pvs = argc > 2 ? (unsigned)atoi(argv[2]) : 1000;
	int runs = argc > 3 ? atoi(argv[3]) : 20, r;
	struct strbuf text = STRBUF_INIT;
	struct text_context ctx = { "bench", "bench", "bench", 0, "openlvm" };
	double best_import = 1e9, best_export = 1e9;

	if (!lvs || !pvs) {
		fprintf(stderr, "usage: bench_text [LVS [PVS [RUNS]]]\n");
		return 3;
	}
	generate(&text, lvs, pvs);
	for (r = 0; r < runs; r++) {
		struct strbuf out = STRBUF_INIT;
		double t0 = now_ms(), t1, t2;
		struct volume_group *vg = vg_import_text(text.buf, text.len, "bench");

		t1 = now_ms();
		if (!vg) {
			fprintf(stderr, "import failed\n");
			return 5;
		}
		vg_export_text(vg, TEXT_DISK, &ctx, &out);
		t2 = now_ms();
		if (t1 - t0 < best_import)
			best_import = t1 - t0;
		if (t2 - t1 < best_export)
			best_export = t2 - t1;
		strbuf_release(&out);
		vg_free(vg);
	}
	printf("text_size_bytes %zu\nlvs %u\npvs %u\nimport_ms %.2f\nexport_ms %.2f\ntotal_ms %.2f\n",
	       text.len, lvs, pvs, best_import, best_export, best_import + best_export);
	strbuf_release(&text);
	return 0;
}
