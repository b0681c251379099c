#!/bin/bash
# Runs every openlvm test suite and ends with one line "N passed, M failed,
# K skipped"; exits non-zero if anything failed.
#
#   unit     cmocka programs of tests/unit/local.mk (TAP output)
#   cli      bats tests/cli/*.bats       (image files; a few loop tests as root)
#   interop  bats tests/interop/*.bats   (root, loop devices, Debian's lvm2)
#   fuzz     tests/fuzz/run.sh           (clang + libFuzzer; short runs)
#   kernel   tests/kernel/run.sh         (if present)
#   bench    bench/run.py --quick        (root, loop devices, Debian's lvm2;
#                                         correctness only, never timings)
#   lint     tests/lint/run.sh           (cppcheck, clang-tidy)
#   sanitize tests/sanitize/run.sh       (ASan+UBSan build: unit + cli; valgrind)
#   crash    tests/crash/run.sh          (a crash at every write point of every
#                                         metadata command; lvm2 check as root)
#   concurrency tests/concurrency/run.sh (2 and 4 processes on one VG; locks)
#
# Env: CI=true lets the script apt-get install what a suite needs when it
# runs as root; FUZZ_RUNS (default 5000 here); SUITES="unit cli ..." to
# run a subset; NO_BUILD=1 to skip the build step.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1

logdir=$(mktemp -d "${TMPDIR:-/tmp}/openlvm-tests.XXXXXX")
trap 'rm -rf "$logdir"' EXIT

passed=0 failed=0 skipped=0
summary=()

note() { printf '%s\n' "$*"; }

# can_install: true when we may apt-get install missing tools.
can_install() {
	[ "${CI:-}" = true ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1
}

# need CMD PACKAGE: CMD is available afterwards, or returns 1.
need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	can_install || return 1
	note "# installing $2 (for $1)"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >"$logdir/apt-$2.log" 2>&1 ||
		{ tail -n 5 "$logdir/apt-$2.log"; return 1; }
	command -v "$1" >/dev/null 2>&1
}

# skip_suite NAME REASON: a suite that cannot run counts as one skip.
skip_suite() {
	note "# SKIP suite $1: $2"
	skipped=$((skipped + 1))
	summary+=("$(printf '%-18s skipped (%s)' "$1" "$2")")
}

# count_tap NAME LOG [RC]: add the TAP results in LOG to the totals.
# A non-zero RC without any "not ok" line (crash, build error) is a failure.
count_tap() {
	local name=$1 log=$2 rc=${3:-0} ok notok skip
	ok=$(grep -cE '^ok ' "$log")
	skip=$(grep -ciE '^ok .*# skip' "$log")
	notok=$(grep -cE '^not ok ' "$log")
	ok=$((ok - skip))
	if [ "$rc" -ne 0 ] && [ "$notok" -eq 0 ]; then
		notok=1
		note "not ok - $name exited with status $rc"
	fi
	passed=$((passed + ok))
	failed=$((failed + notok))
	skipped=$((skipped + skip))
	summary+=("$(printf '%-18s %4d passed, %d failed, %d skipped' "$name" "$ok" "$notok" "$skip")")
}

# show_failures LOG: print the failing TAP lines with their diagnostics.
show_failures() {
	awk '/^not ok /{p=1; print; next} /^(ok|not ok) /{p=0} p && /^#/{print}' "$1" | head -n 200
}

build() {
	[ "${NO_BUILD:-}" = 1 ] && return 0
	note "# building"
	{
		if [ ! -x configure ]; then autoreconf -fi || return 1; fi
		if [ ! -f Makefile ]; then ./configure -q || return 1; fi
		make -j2 && make -j2 check
	} >"$logdir/build.log" 2>&1
}

run_unit() {
	local prog name log rc any=0
	for name in $(sed -n 's|^check_PROGRAMS += tests/unit/\(test_[a-z0-9_]*\)$|\1|p' tests/unit/local.mk); do
		any=1
		prog=tests/unit/$name
		log=$logdir/unit-$name.log
		if [ ! -x "$prog" ]; then
			echo "not ok - $name was not built" >"$log"
			count_tap "unit/$name" "$log" 1
			show_failures "$log"
			continue
		fi
		CMOCKA_MESSAGE_OUTPUT=TAP timeout 300 "./$prog" >"$log" 2>&1
		rc=$?
		count_tap "unit/$name" "$log" "$rc"
		show_failures "$log"
	done
	[ "$any" = 1 ] || skip_suite unit "no unit programs listed"
}

# run_bats NAME DIR: every DIR/*.bats in one bats run.
run_bats() {
	local name=$1 dir=$2 log=$logdir/$1.log files rc
	files=("$dir"/*.bats)
	[ -e "${files[0]}" ] || { skip_suite "$name" "no $dir/*.bats"; return; }
	need bats bats || { skip_suite "$name" "bats not installed (apt-get install bats)"; return; }
	bats --tap "${files[@]}" >"$log" 2>&1
	rc=$?
	count_tap "$name" "$log" "$rc"
	show_failures "$log"
	grep -iE '^ok .*# skip' "$log" | sed 's/^/#   /' | sort | uniq | head -n 20
}

run_interop() {
	if [ "$(id -u)" -ne 0 ]; then
		skip_suite interop "needs root for loop devices"
		return
	fi
	need lvm lvm2 || { skip_suite interop "Debian's lvm2 not installed (apt-get install lvm2)"; return; }
	need xz xz-utils || { skip_suite interop "xz not installed (apt-get install xz-utils)"; return; }
	run_bats interop tests/interop
}

run_script() {
	local name=$1 script=$2 log=$logdir/$1.log rc
	[ -x "$script" ] || [ -f "$script" ] || return 0
	if [ "$name" = fuzz ]; then
		need clang clang || { skip_suite fuzz "clang not installed"; return; }
		if can_install && ! dpkg -s libclang-rt-14-dev >/dev/null 2>&1; then
			need_pkg libclang-rt-14-dev
		fi
	fi
	FUZZ_RUNS=${FUZZ_RUNS:-5000} sh "$script" >"$log" 2>&1
	rc=$?
	if grep -q '^# SKIP' "$log" && ! grep -qE '^(ok|not ok) ' "$log"; then
		skip_suite "$name" "$(sed -n 's/^# SKIP:* *//p' "$log" | head -n 1)"
		return
	fi
	count_tap "$name" "$log" "$rc"
	show_failures "$log"
}

# run_bench: bench/run.py --quick, correctness only (both tools see the same VG).
run_bench() {
	local log=$logdir/bench.log rc
	need python3 python3 || { skip_suite bench "python3 not installed"; return; }
	timeout 600 python3 bench/run.py --quick >"$log" 2>&1
	rc=$?
	if grep -q '^# SKIP' "$log" && ! grep -qE '^(ok|not ok) ' "$log"; then
		skip_suite bench "$(sed -n 's/^# SKIP *//p' "$log" | head -n 1)"
		return
	fi
	count_tap bench "$log" "$rc"
	show_failures "$log"
}

need_pkg() {
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >"$logdir/apt-$1.log" 2>&1 ||
		tail -n 5 "$logdir/apt-$1.log"
}

want() {
	[ -z "${SUITES:-}" ] && return 0
	case " $SUITES " in *" $1 "*) return 0 ;; esac
	return 1
}

start=$(date +%s)
if ! build; then
	tail -n 40 "$logdir/build.log"
	note "not ok - build failed"
	failed=$((failed + 1))
	summary+=("build    FAILED")
fi
want unit && run_unit
if [ ! -x ./lvm ]; then
	note "not ok - ./lvm was not built"
	failed=$((failed + 1))
else
	want cli && { need tmux tmux || note "# tmux not installed: shell tests will skip"; run_bats cli tests/cli; }
	want interop && run_interop
	want bench && run_bench
fi
want fuzz && run_script fuzz tests/fuzz/run.sh
want lint && run_script lint tests/lint/run.sh
want sanitize && run_script sanitize tests/sanitize/run.sh
want crash && run_script crash tests/crash/run.sh
want concurrency && run_script concurrency tests/concurrency/run.sh
if want kernel && [ -e tests/kernel/run.sh ]; then
	run_script kernel tests/kernel/run.sh
fi

note ""
note "# summary ($(($(date +%s) - start)) s)"
for line in "${summary[@]}"; do
	note "#   $line"
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
