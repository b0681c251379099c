#!/bin/bash
# Benchmark (not a test): boots the kernel-suite VM once and times
# `vgchange -ay` / `-an` of a VG with N LVs for Debian's LVM2 and for
# openlvm (tests/kernel/bench-vm.sh), then prints seconds and ratios.
#
#   tests/kernel/bench.sh [N] [R]  N LVs (default 1000), R rounds of
#                                  -ay/-an per tool (default 3), medians
#
# BENCH_STRACE=1 also packs the host's strace into the initramfs and, after
# the timed runs, deactivates once more per tool under `strace -f -T`,
# printing where the time went by system call (and by dm ioctl).
#
# Software emulation (TCG) makes every process start slow, so the absolute
# times are far above a real machine's; the ratio is what to compare.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
n=${1:-1000}
rounds=${2:-3}

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

# add_strace: a second cpio archive with strace and its libraries,
# appended to the initramfs (the kernel unpacks concatenated archives).
add_strace() {
	local stage lib
	stage=$(mktemp -d "${TMPDIR:-/tmp}/openlvm-strace.XXXXXX") || return 1
	mkdir -p "$stage/usr/bin"
	cp -L "$(command -v strace)" "$stage/usr/bin/strace" || return 1
	for lib in $(ldd "$(command -v strace)" | awk '$2 == "=>" && $3 ~ /^\// {print $3}'); do
		mkdir -p "$stage$(dirname "$lib")"
		cp -L "$lib" "$stage$lib"
	done
	(cd "$stage" && find . | cpio -o -H newc --quiet -R 0:0) | gzip -1 >>"$VM_INITRD"
	rm -rf "$stage"
}

args=$n,rounds=$rounds
if [ "${BENCH_STRACE:-}" = 1 ]; then
	command -v strace >/dev/null || { echo "# BENCH_STRACE=1 needs strace on the host"; exit 1; }
	add_strace || { echo "# packing strace failed"; vm_cleanup; exit 1; }
	args=$args,strace
fi

KERNEL_DISK_SIZE=${KERNEL_DISK_SIZE:-1G} KERNEL_TIMEOUT=${KERNEL_TIMEOUT:-3600} \
	vm_boot bench 2 "" "$args"
vm_results >"$VM_DIR/bench.txt"
grep '^#' "$VM_DIR/bench.txt"
vm_explain
# Medians over the rounds; every sample is in the lines above them.
awk '
	function median(k,    i, j, m, t, a) {
		m = cnt[k]
		for (i = 1; i <= m; i++)
			a[i] = v[k, i]
		for (i = 2; i <= m; i++)
			for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
				t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
			}
		return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
	}
	$1 ~ /^[a-z0-9-]+$/ && $2 ~ /^[0-9.]+$/ {
		if (!($1 in cnt))
			order[++keys] = $1
		v[$1, ++cnt[$1]] = $2
	}
	END {
		for (i = 1; i <= keys; i++) {
			k = order[i]
			t[k] = median(k)
			s = ""
			for (j = 1; j <= cnt[k]; j++)
				s = s " " v[k, j]
			printf "%-18s %9.3f s median of%s\n", k, t[k], s
		}
		if (t["openlvm-ay"] > 0 && t["lvm2-ay"] > 0)
			printf "vgchange -ay: LVM2 / openlvm = %.2f\n", t["lvm2-ay"] / t["openlvm-ay"]
		if (t["openlvm-an"] > 0 && t["lvm2-an"] > 0)
			printf "vgchange -an: LVM2 / openlvm = %.2f\n", t["lvm2-an"] / t["openlvm-an"]
	}' "$VM_DIR/bench.txt"
status=$VM_STATUS
vm_cleanup
exit "$status"
