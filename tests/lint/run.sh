#!/bin/sh
# Static analysis: cppcheck and clang-tidy over lib/ and cmd/.  Prints one
# TAP line per tool; any finding fails it.  Skips a tool that is missing.
cd "$(dirname "$0")/../.." || exit 1
status=0
out=tests/out/lint
mkdir -p "$out"

queue_h=$(echo '#include <sys/queue.h>' | cpp -H -o /dev/null 2>&1 | sed -n 's/^\. //p' | head -n 1)

if command -v cppcheck >/dev/null 2>&1; then
	# sys/queue.h is given explicitly: cppcheck cannot expand TAILQ_* otherwise.
	cppcheck -q --enable=warning,performance,portability --inline-suppr \
		--suppress=missingIncludeSystem -I lib -I . \
		${queue_h:+--include="$queue_h"} lib cmd >"$out/cppcheck.log" 2>&1
	if grep -qE '^(lib|cmd)/' "$out/cppcheck.log"; then
		echo "not ok - cppcheck"
		sed 's/^/# /' "$out/cppcheck.log" | head -n 60
		status=1
	else
		echo "ok - cppcheck"
	fi
else
	echo "ok - cppcheck # SKIP cppcheck not installed"
fi

if command -v clang-tidy >/dev/null 2>&1 && [ -f config.h ]; then
	flags="-Ilib -I. -include config.h -D_GNU_SOURCE $(pkg-config --cflags blkid devmapper 2>/dev/null)"
	# shellcheck disable=SC2086
	clang-tidy --quiet lib/*/*.c cmd/*.c -- $flags >"$out/clang-tidy.log" 2>&1
	if grep -qE '(warning|error):' "$out/clang-tidy.log"; then
		echo "not ok - clang-tidy"
		grep -E '(warning|error):' "$out/clang-tidy.log" | sort -u | sed 's/^/# /' | head -n 60
		status=1
	else
		echo "ok - clang-tidy"
	fi
else
	echo "ok - clang-tidy # SKIP clang-tidy not installed or tree not configured"
fi
exit $status
