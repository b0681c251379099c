#!/bin/sh
# Builds every tests/fuzz/fuzz_*.c into tests/fuzz/fuzz_* with clang's
# libFuzzer and ASan/UBSan.  Each harness names the library sources it
# needs in a comment line "// sources: lib/x/*.c ..." (globs relative to the
# top of the tree); they are compiled here with clang, not taken from the
# gcc-built .a files.
#
# Usage: tests/fuzz/build.sh [fuzz_name ...]     (default: all harnesses)
# Env:   CLANG (default clang), FUZZ_CFLAGS (extra flags)
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
cc=${CLANG:-clang}
flags="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -std=c11 -D_GNU_SOURCE -Ilib -I. ${FUZZ_CFLAGS:-}"

if [ $# -eq 0 ]; then
	set -- $(for f in tests/fuzz/fuzz_*.c; do [ -e "$f" ] && basename "$f" .c; done)
fi
status=0
for name in "$@"; do
	src=tests/fuzz/$name.c
	# The sources line may sit inside a /* */ block or after //.
	globs=$(sed -n 's/^[ /*]*sources:[ ]*//p' "$src" | head -n 1)
	if [ -z "$globs" ]; then
		echo "build.sh: $src has no 'sources:' line" >&2
		status=1
		continue
	fi
	# Word splitting expands the globs on purpose.
	# shellcheck disable=SC2086
	if $cc $flags -o "tests/fuzz/$name" "$src" $globs; then
		echo "built tests/fuzz/$name"
	else
		echo "build.sh: building $name failed" >&2
		status=1
	fi
done
exit $status
