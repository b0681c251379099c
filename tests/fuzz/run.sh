#!/bin/sh
# Builds and runs every fuzz harness for a fixed number of inputs, seeded
# with the text fixtures and tests/fuzz/seeds/<harness>/, printing one
# TAP-style line per harness.  For a longer run on demand:
#   FUZZ_RUNS=1000000 tests/fuzz/run.sh
#
# Env: FUZZ_RUNS (default 20000), CLANG (default clang)
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
cc=${CLANG:-clang}
runs=${FUZZ_RUNS:-20000}

work=$(mktemp -d "${TMPDIR:-/tmp}/openlvm-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# Probe: clang present and its libFuzzer runtime installed
# (Debian: libclang-rt-14-dev, or libclang-rt-dev for the default clang).
if ! command -v "$cc" >/dev/null 2>&1; then
	echo "# SKIP: $cc not found"
	exit 0
fi
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' >"$work/probe.c"
if ! "$cc" -fsanitize=fuzzer,address,undefined -o "$work/probe" "$work/probe.c" >"$work/probe.log" 2>&1; then
	echo "# SKIP: $cc cannot link -fsanitize=fuzzer (install libclang-rt-dev): $(head -n 1 "$work/probe.log")"
	exit 0
fi

mkdir "$work/seed"
for f in tests/fixtures/*/*.txt; do
	case $f in *-headers.txt) continue ;; esac
	cp "$f" "$work/seed/$(basename "$(dirname "$f")")-$(basename "$f")"
done

fails=0
for src in tests/fuzz/fuzz_*.c; do
	[ -e "$src" ] || continue
	name=$(basename "$src" .c)
	log=$work/$name.log
	if ! tests/fuzz/build.sh "$name" >"$log" 2>&1; then
		echo "not ok - $name # build failed"
		sed 's/^/#   /' "$log" | tail -n 20
		fails=$((fails + 1))
		continue
	fi
	# A private corpus copy: libFuzzer adds the inputs it finds to it.
	mkdir "$work/corpus-$name"
	cp "$work/seed/"* "$work/corpus-$name/"
	# Inputs in the harness's own language (selections, lvm.conf, ...).
	if [ -d "tests/fuzz/seeds/$name" ]; then
		cp "tests/fuzz/seeds/$name/"* "$work/corpus-$name/"
	fi
	if "tests/fuzz/$name" -runs="$runs" -artifact_prefix="$work/$name-" \
			"$work/corpus-$name" >>"$log" 2>&1; then
		echo "ok - $name"
	else
		echo "not ok - $name"
		grep -E 'ERROR|SUMMARY|abort|re-parse|not stable' "$log" | head -n 10 | sed 's/^/#   /'
		for a in "$work/$name-"*; do
			[ -e "$a" ] || continue
			mkdir -p tests/fuzz/artifacts
			cp "$a" tests/fuzz/artifacts/
			echo "#   crashing input saved as tests/fuzz/artifacts/$(basename "$a")"
		done
		fails=$((fails + 1))
	fi
done
[ "$fails" -eq 0 ]
