#!/bin/bash
# Runs inside the kernel-suite VM (init, openlvm.mode=bench): times
# `vgchange -ay` and `vgchange -an` of one VG with N linear LVs, for
# Debian's LVM2 and for openlvm, in the same boot on the same disks, and
# checks that both load the same tables.
#
#   bench-vm.sh [N] [rounds=R] [strace]
#       N LVs (default 1000) on the virtio disks; R rounds (default 3) of
#       -ay/-an per tool, the tools alternating; strace: then one more
#       -ay/-an per tool with the -an under strace -f -T, summarised, and
#       the kernel's share (dmsetup remove from one and from four processes)
#
# The VG is made in one step: LVM2 writes an empty VG, its backup gets N
# one-extent LVs appended and vgcfgrestore writes that back.
set -u
n=${1:-1000}
rounds=3
profile=
for opt in "${@:2}"; do
	case $opt in
	rounds=*) rounds=${opt#rounds=} ;;
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
for ((r = 1; r <= rounds; r++)); do
	if ((r % 2)); then
		cycle lvm2 rlvm
		cycle openlvm olvm
	else
		cycle openlvm olvm
		cycle lvm2 rlvm
	fi
done
echo "# left after both: $(devices)"
if cmp -s "$T/lvm2.tables" "$T/openlvm.tables"; then
	echo "# tables equal"
else
	echo "# tables differ: $(diff "$T/lvm2.tables" "$T/openlvm.tables" | head -n 4 | tr '\n' ' ')"
	rc=1
fi

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

# profiled TOOLNAME FUNCTION CMD...: FUNCTION -ay untimed, then -an of
# CMD (the program itself, as strace runs it) under strace.
profiled() {
	local name=$1 fn=$2
	shift 2
	"$fn" vgchange -ay "$vg" >/dev/null 2>&1 || return 1
	timed "$name-an-strace" strace -f -T -qq -o "$T/$name.strace" "$@" vgchange -an "$vg" || return 1
	echo "# $name vgchange -an under strace:"
	strace_summary "$T/$name.strace"
	sample "$name" DM_DEV_STATUS
	sample "$name" DM_DEV_REMOVE
}

# sample TOOLNAME CALL: the system calls from the 500th CALL to the next.
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

if [ "$profile" = strace ]; then
	profiled lvm2 rlvm env LVM_SYSTEM_DIR="$RSD" LVM_SUPPRESS_FD_WARNINGS=1 \
		DM_DISABLE_UDEV=1 "$REAL_LVM" || rc=1
	profiled openlvm olvm "$OLVM" || rc=1
	DM_DISABLE_UDEV=1 dm_remove_times || rc=1
fi
exit $rc
