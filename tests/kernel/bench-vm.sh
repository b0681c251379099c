#!/bin/bash
# Runs inside the kernel-suite VM (init, openlvm.mode=bench): times
# `vgchange -ay` and `vgchange -an` of one VG with N linear LVs, for
# Debian's LVM2 and for openlvm, in the same boot on the same disks, and
# checks that both load the same tables.
#
#   bench-vm.sh [N]        N LVs (default 1000) on the virtio disks
#
# The VG is made in one step: LVM2 writes an empty VG, its backup gets N
# one-extent LVs appended and vgcfgrestore writes that back.
set -u
n=${1:-1000}
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
timed "lvm2-ay" rlvm vgchange -ay "$vg" || rc=1
echo "# lvm2 active: $(devices)"
dmsetup table | grep "^$vg-" | sort >"$T/lvm2.tables"
timed "lvm2-an" rlvm vgchange -an "$vg" || rc=1
timed "openlvm-ay" olvm vgchange -ay "$vg" || rc=1
echo "# openlvm active: $(devices)"
dmsetup table | grep "^$vg-" | sort >"$T/openlvm.tables"
timed "openlvm-an" olvm vgchange -an "$vg" || rc=1
echo "# left after both: $(devices)"
if cmp -s "$T/lvm2.tables" "$T/openlvm.tables"; then
	echo "# tables equal"
else
	echo "# tables differ: $(diff "$T/lvm2.tables" "$T/openlvm.tables" | head -n 4 | tr '\n' ' ')"
	rc=1
fi
exit $rc
