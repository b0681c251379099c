#!/bin/bash
# Benchmark (not a test): boots the kernel-suite VM once and times
# `vgchange -ay` / `-an` of a VG with N LVs for Debian's LVM2 and for
# openlvm (tests/kernel/bench-vm.sh), then prints seconds and ratios.
#
#   tests/kernel/bench.sh [N]      N LVs, default 1000
#
# Software emulation (TCG) makes every process start slow, so the absolute
# times are far above a real machine's; the ratio is what to compare.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
n=${1:-1000}

# shellcheck source=vm.sh
. "$(dirname "$0")/vm.sh"

vm_prepare
case $? in
0) ;;
1)
	echo "# SKIP benchmark: $VM_SKIP"
	exit 0
	;;
*)
	vm_cleanup
	exit 1
	;;
esac

KERNEL_DISK_SIZE=${KERNEL_DISK_SIZE:-1G} KERNEL_TIMEOUT=${KERNEL_TIMEOUT:-3600} \
	vm_boot bench 2 "" "$n"
vm_results >"$VM_DIR/bench.txt"
grep '^#' "$VM_DIR/bench.txt"
vm_explain
awk '
	$1 ~ /^(lvm2|openlvm)-a[yn]$/ { t[$1] = $2; printf "%-12s %9.3f s\n", $1, $2 }
	END {
		if (t["openlvm-ay"] > 0 && t["lvm2-ay"] > 0)
			printf "vgchange -ay: LVM2 / openlvm = %.2f\n", t["lvm2-ay"] / t["openlvm-ay"]
		if (t["openlvm-an"] > 0 && t["lvm2-an"] > 0)
			printf "vgchange -an: LVM2 / openlvm = %.2f\n", t["lvm2-an"] / t["openlvm-an"]
	}' "$VM_DIR/bench.txt"
status=$VM_STATUS
vm_cleanup
exit "$status"
