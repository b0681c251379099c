# Benchmarks: built with everything so they cannot rot; never part of pass/fail.
noinst_PROGRAMS = bench/bench_text
bench_bench_text_SOURCES = bench/bench_text.c
bench_bench_text_LDADD = lib/format/libformat.a lib/metadata/libmetadata.a lib/format/libformat.a \
	lib/config/libconfig.a lib/device/libdevice.a lib/misc/libmisc.a $(BLKID_LIBS)
EXTRA_DIST += bench/run.py bench/plot.py
