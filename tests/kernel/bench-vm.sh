#!/bin/bash
# Runs inside the kernel-suite VM (init, openlvm.mode=bench): times
# `vgchange -ay` and `vgchange -an` of one VG with N linear LVs, then
# `lvcreate` (activating) of one more LV into that VG, inactive, for
# Debian's LVM2 and for openlvm, in the same boot on the same disks, and
# checks that both load the same tables.
#
#   bench-vm.sh [N] [rounds=R] [creates=C] [strace]
#       (with /openlvm-alt/lvm present, that build's -ay/-an too, as "alt")
#       N LVs (default 1000) on the virtio disks; R rounds (default 3) of
#       -ay/-an per tool, the tools alternating; C samples (default 5) per
#       tool of `lvcreate -l 1 -n new VG`, alternating, each followed by
#       `lvremove -f` with the same tool; strace: then one more -ay/-an per
#       tool, both under strace -f -T, summarised, and the kernel's share
#       (dmsetup remove from one and from four processes)
#
# The VG is made in one step: LVM2 writes an empty VG, its backup gets N
# one-extent LVs appended and vgcfgrestore writes that back.
set -u
n=${1:-1000}
rounds=3
creates=5
profile=
for opt in "${@:2}"; do
	case $opt in
	rounds=*) rounds=${opt#rounds=} ;;
	creates=*) creates=${opt#creates=} ;;
	strace) profile=strace ;;
	*) echo "# bench-vm.sh: unknown option $opt"; exit 1 ;;
	esac
done
vg=kvbench

BATS_TEST_TMPDIR=$(mktemp -d)
skip() { echo "# SKIP $*"; exit 0; }
# shellcheck source=helpers.bash
. "$(dirname "$0")/helpers.bash"
need_lvm2

ndisks=$(find /dev -maxdepth 1 -name 'vd?' | wc -l)
[ "$ndisks" -ge 1 ] || skip "no virtio disks"
use_disks "$ndisks"

# lv_text I PV PE: one LV of the backup file.
lv_text() {
	printf '\t\tlv%05d {\n' "$1"
	printf '\t\t\tid = "bench0-0000-0000-0000-0000-0000-%06d"\n' "$1"
	printf '\t\t\tstatus = ["READ", "WRITE", "VISIBLE"]\n\t\t\tflags = []\n'
	printf '\t\t\tcreation_time = 1700000000\n\t\t\tcreation_host = "bench"\n'
	printf '\t\t\tsegment_count = 1\n\n\t\t\tsegment1 {\n'
	printf '\t\t\t\tstart_extent = 0\n\t\t\t\textent_count = 1\n\n'
	printf '\t\t\t\ttype = "striped"\n\t\t\t\tstripe_count = 1\n\n'
	printf '\t\t\t\tstripes = [\n\t\t\t\t\t"%s", %d\n\t\t\t\t]\n\t\t\t}\n\t\t}\n' "$2" "$3"
}

make_vg() {
	local i per pv pe
	rlvm pvcreate -q "${DEV[@]}" || return 1
	rlvm vgcreate -q -s 1M "$vg" "${DEV[@]}" || return 1
	rlvm vgcfgbackup -q -f "$T/empty" "$vg" || return 1
	per=$(rfield pvs -o pv_pe_count "$DEV0")
	[ $((per * ${#DEV[@]})) -ge "$n" ] || { echo "# disks too small for $n LVs"; return 1; }
	{
		printf '\tlogical_volumes {\n\n'
		for ((i = 0; i < n; i++)); do
			pv=$((i / per)) pe=$((i % per))
			lv_text "$i" "pv$pv" "$pe"
		done
		printf '\t}\n'
	} >"$T/lvs"
	# The LVs go before the closing brace of the VG block.
	awk -v lvs="$T/lvs" '/^}$/ && !done { while ((getline l < lvs) > 0) print l; done = 1 } { print }' \
		"$T/empty" >"$T/full"
	rlvm vgcfgrestore -q -f "$T/full" "$vg" || return 1
	[ "$(rfield vgs -o lv_count "$vg")" -eq "$n" ] || { echo "# vgcfgrestore did not give $n LVs"; return 1; }
}

# timed NAME CMD...: runs CMD, prints "NAME SECONDS", fails with CMD.
timed() {
	local name=$1 start end rc
	shift
	start=${EPOCHREALTIME/./}
	"$@" >"$T/out" 2>&1
	rc=$?
	end=${EPOCHREALTIME/./}
	printf '%s %d.%03d\n' "$name" $(((end - start) / 1000000)) $((((end - start) / 1000) % 1000))
	[ $rc -eq 0 ] || { sed 's/^/# /' "$T/out" | tail -n 5; return 1; }
}

devices() {
	dmsetup info -c --noheadings -o name 2>/dev/null | grep -c "^$vg-"
}

echo "# kernel $(uname -r), $(nproc) cpus, $n LVs on ${#DEV[@]} disks"
make_vg >"$T/make.log" 2>&1 || { sed 's/^/# /' "$T/make.log"; exit 1; }
rc=0

# cycle TOOL FUNCTION: one timed -ay and -an; the first one's tables kept.
cycle() {
	timed "$1-ay" "$2" vgchange -ay "$vg" || rc=1
	echo "# $1 active: $(devices)"
	[ -f "$T/$1.tables" ] || dmsetup table | grep "^$vg-" | sort >"$T/$1.tables"
	timed "$1-an" "$2" vgchange -an "$vg" || rc=1
}

# The tools alternate, each going first in every other round: the kernel's
# removal time swings with the host's load (it waits for RCU grace periods
# on emulated CPUs), so one sample per tool says little.
# An alternative openlvm build (bench.sh BENCH_ALT=...), timed as "alt"
# between the two in every round: a comparison within one boot.
ALT=/openlvm-alt/lvm
# shellcheck disable=SC2317 # run through cycle
alvm() {
	"$ALT" "$@"
}

for ((r = 1; r <= rounds; r++)); do
	if ((r % 2)); then
		cycle lvm2 rlvm
		[ -x "$ALT" ] && cycle alt alvm
		cycle openlvm olvm
	else
		cycle openlvm olvm
		[ -x "$ALT" ] && cycle alt alvm
		cycle lvm2 rlvm
	fi
done
echo "# left after both: $(devices)"
same_tables() {
	if cmp -s "$T/lvm2.$1" "$T/openlvm.$1"; then
		echo "# $2 equal"
	else
		echo "# $2 differ: $(diff "$T/lvm2.$1" "$T/openlvm.$1" | head -n 4 | tr '\n' ' ')"
		rc=1
	fi
}
same_tables tables tables
if [ -x "$ALT" ] && ! cmp -s "$T/alt.tables" "$T/openlvm.tables"; then
	echo "# alt tables differ from openlvm's"
	rc=1
fi

# create TOOL FUNCTION: one timed lvcreate (default zeroing and activation)
# into the inactive VG of N LVs, its table kept once, then lvremove -f.
create() {
	timed "$1-lvcreate" "$2" lvcreate -l 1 -n new "$vg" || rc=1
	[ -f "$T/$1.new" ] || dmsetup table "$vg-new" >"$T/$1.new" 2>&1
	timed "$1-lvremove" "$2" lvremove -f "$vg/new" || rc=1
}

for ((r = 1; r <= creates; r++)); do
	if ((r % 2)); then
		create lvm2 rlvm
		create openlvm olvm
	else
		create openlvm olvm
		create lvm2 rlvm
	fi
done
echo "# left after lvcreate/lvremove: $(devices), $(rfield vgs -o lv_count "$vg") LVs"
same_tables new "new LV tables"

# strace_summary FILE: wall time and count per system call, dm ioctls by
# command, slowest first.
strace_summary() {
	awk '
		# Threads split a call into "... <unfinished ...>" and "<... resumed>".
		$2 == "<..." {
			call = pending[$1]
			delete pending[$1]
		}
		$2 != "<..." {
			call = $2
			sub(/\(.*/, "", call)
			if (call == "ioctl" && match($0, /DM_[A-Z_]+/))
				call = substr($0, RSTART, RLENGTH)
			if ($0 ~ /<unfinished \.\.\.>$/)
				pending[$1] = call
		}
		{
			if (!match($0, /<[0-9.]+>$/))
				next
			t[call] += substr($0, RSTART + 1, RLENGTH - 2)
			c[call]++
			all += substr($0, RSTART + 1, RLENGTH - 2)
		}
		END {
			for (k in t)
				printf "#   %-24s %6d calls %9.3f s\n", k, c[k], t[k]
			printf "#   %-24s %6s       %9.3f s\n", "(all system calls)", "", all
		}' "$1" | sort -k5 -nr | head -n 14
}

# profiled TOOLNAME CMD...: -ay and -an of CMD (the program itself, as
# strace runs it) under strace.
profiled() {
	local name=$1
	shift
	timed "$name-ay-strace" strace -f -T -qq -o "$T/$name.ay.strace" "$@" vgchange -ay "$vg" || return 1
	echo "# $name vgchange -ay under strace:"
	strace_summary "$T/$name.ay.strace"
	sample "$name.ay" DM_DEV_CREATE
	timed "$name-an-strace" strace -f -T -qq -o "$T/$name.an.strace" "$@" vgchange -an "$vg" || return 1
	echo "# $name vgchange -an under strace:"
	strace_summary "$T/$name.an.strace"
	sample "$name.an" DM_DEV_STATUS
	sample "$name.an" DM_DEV_REMOVE
}

# sample NAME CALL: the system calls of $T/NAME.strace from the 500th CALL
# to the next.
sample() {
	echo "# $1: the system calls from the 500th $2 on:"
	awk -v call="$2" '$0 ~ call { n++ } n == 500 { print "#     " substr($0, 1, 150) } n > 500 { exit }' \
		"$T/$1.strace"
}

# The kernel's own share: dmsetup removes every device, from one process
# and then from four processes at once.
dm_remove_times() {
	local list=$T/devices
	olvm vgchange -ay "$vg" >/dev/null 2>&1 || return 1
	dmsetup info -c --noheadings -o name | grep "^$vg-" >"$list"
	timed "dmsetup-remove-1" xargs dmsetup remove <"$list" || return 1
	olvm vgchange -ay "$vg" >/dev/null 2>&1 || return 1
	timed "dmsetup-remove-4" xargs -P 4 -n $(((n + 3) / 4)) dmsetup remove <"$list" || return 1
	olvm vgmknodes "$vg" >/dev/null 2>&1
	echo "# left after dmsetup: $(devices)"
}

# The kernel's share of -ay, and whether it overlaps: dmsetup creates
# (create, load, resume) every device from one process, then from two and
# four at once, the tables as openlvm loaded them (without UUIDs, to stay
# short on the command line).
dm_create_times() {
	local spec=$T/spec k
	olvm vgchange -ay "$vg" >/dev/null 2>&1 || return 1
	dmsetup table --concise | tr ';' '\n' | grep "^$vg-" |
		awk -F, -v OFS=, '{ $2 = ""; print }' >"$spec"
	olvm vgchange -an "$vg" >/dev/null 2>&1 || return 1
	for k in 1 2 4; do
		awk -v k="$k" -v part="$T/part." '{ print > (part (NR % k)) }' "$spec"
		timed "dmsetup-create-$k" dm_create_parts "$T"/part.* || return 1
		rm -f "$T"/part.*
		echo "# dmsetup-create-$k: $(devices) devices"
		cut -d, -f1 "$spec" | xargs -P 4 -n $(((n + 3) / 4)) dmsetup remove || return 1
	done
}

# dm_create_parts FILE...: one dmsetup create --concise per file, at once.
# shellcheck disable=SC2317 # run through timed
dm_create_parts() {
	local f pids=() rc=0
	for f in "$@"; do
		dmsetup create --concise "$(tr '\n' ';' <"$f")" &
		pids+=($!)
	done
	for f in "${pids[@]}"; do
		wait "$f" || rc=1
	done
	return "$rc"
}

if [ "$profile" = strace ]; then
	profiled lvm2 env LVM_SYSTEM_DIR="$RSD" LVM_SUPPRESS_FD_WARNINGS=1 \
		DM_DISABLE_UDEV=1 "$REAL_LVM" || rc=1
	profiled openlvm "$OLVM" || rc=1
	DM_DISABLE_UDEV=1 dm_remove_times || rc=1
	DM_DISABLE_UDEV=1 dm_create_times || rc=1
fi
exit $rc
