#!/bin/bash
# Benchmark (not a test): boots the kernel-suite VM once and times
# `vgchange -ay` / `-an` of a VG with N LVs and `lvcreate` (activating) of
# one more LV into it, for Debian's LVM2 and for openlvm
# (tests/kernel/bench-vm.sh), then prints the samples, medians and ratios
# and writes them to bench/results/vm-activation.txt.
#
#   tests/kernel/bench.sh [N] [R] [C]  N LVs (default 1000), R rounds of
#                                      -ay/-an per tool (default 3), C
#                                      lvcreate samples per tool (default 5)
#
# BENCH_STRACE=1 also packs the host's strace into the initramfs and, after
# the timed runs, activates and deactivates once more per tool under
# `strace -f -T`, printing where the time went by system call (and by dm
# ioctl).  BENCH_ALT=PATH packs another build of openlvm's lvm (same
# libraries) whose -ay/-an are timed as "alt" in the same rounds.
# BENCH_OUT names another results file ("-": none).
#
# Software emulation (TCG) makes every process start slow, so the absolute
# times are far above a real machine's; the ratio is what to compare.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
n=${1:-1000}
rounds=${2:-3}
creates=${3:-5}
out=${BENCH_OUT:-$(cd "$(dirname "$0")/../.." && pwd)/bench/results/vm-activation.txt}

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

# summarize FILE: the median of every "name seconds" sample of FILE, then
# the LVM2/openlvm ratios of the medians.
summarize() {
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
		function ratio(what, k) {
			if (t["openlvm-" k] > 0 && t["lvm2-" k] > 0)
				printf "%-22s %7.3f s %7.3f s  %6.2f\n", what, t["lvm2-" k],
					t["openlvm-" k], t["lvm2-" k] / t["openlvm-" k]
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
				printf "%-22s %9.3f s median of%s\n", k, t[k], s
			}
			printf "\n%-22s %9s %9s  %6s\n", "median", "LVM2", "openlvm", "LVM2/openlvm"
			ratio("vgchange -ay", "ay")
			ratio("vgchange -an", "an")
			ratio("lvcreate (activating)", "lvcreate")
			ratio("lvremove -f", "lvremove")
			if (t["alt-ay"] > 0 && t["openlvm-ay"] > 0)
				printf "alt / openlvm: -ay %.2f, -an %.2f\n", t["alt-ay"] / t["openlvm-ay"],
					t["alt-an"] / t["openlvm-an"]
		}' "$1"
}

# write_results FILE: what was measured, on what, and the summary.
write_results() {
	local lvm2
	lvm2=$(PATH=/sbin:/usr/sbin:$PATH lvm version 2>/dev/null | sed -n 's/^ *LVM version: *//p')
	{
		echo "# tests/kernel/bench.sh $n $rounds $creates${BENCH_STRACE:+ (BENCH_STRACE=$BENCH_STRACE)}${BENCH_ALT:+ (BENCH_ALT=$BENCH_ALT)}"
		echo "# date: $(date -u '+%Y-%m-%d %H:%M UTC')"
		echo "# VM: Debian kernel $VM_KVER under QEMU TCG (software emulation, no KVM), 2 CPUs, 1 GiB"
		echo "# LVM2: $lvm2 (Debian)"
		echo "# openlvm: commit $(git -C "$VM_TOP" rev-parse --short HEAD 2>/dev/null)$(
			git -C "$VM_TOP" diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes')"
		echo "# $n linear LVs; $rounds rounds of vgchange -ay/-an and $creates lvcreate -l 1"
		echo "# (activating, default zeroing, VG inactive) + lvremove -f per tool, tools alternating"
		echo "# Emulation makes every process start and ioctl slow: compare the ratios."
		echo
		cat "$VM_DIR/summary.txt"
		echo
		echo "# Every sample and remark from the VM:"
		cat "$VM_DIR/bench.txt"
	} >"$1"
}

# add_alt LVM: that binary as /openlvm-alt/lvm, appended as add_strace does.
add_alt() {
	local stage
	stage=$(mktemp -d "${TMPDIR:-/tmp}/openlvm-alt.XXXXXX") || return 1
	mkdir -p "$stage/openlvm-alt"
	cp -L "$1" "$stage/openlvm-alt/lvm" || return 1
	(cd "$stage" && find . | cpio -o -H newc --quiet -R 0:0) | gzip -1 >>"$VM_INITRD"
	rm -rf "$stage"
}

args=$n,rounds=$rounds,creates=$creates
if [ -n "${BENCH_ALT:-}" ]; then
	add_alt "$BENCH_ALT" || { echo "# packing $BENCH_ALT failed"; vm_cleanup; exit 1; }
fi
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
summarize "$VM_DIR/bench.txt" | tee "$VM_DIR/summary.txt"
status=$VM_STATUS
if [ "$status" -eq 0 ] && [ "$out" != - ]; then
	write_results "$out" && echo "# written to $out"
fi
vm_cleanup
exit "$status"
