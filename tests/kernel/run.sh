#!/bin/bash
# The kernel suite: boots Debian's kernel under QEMU (software emulation)
# with an initramfs holding openlvm, Debian's LVM2 and tests/kernel/*.bats,
# runs the bats files inside the VM against the real device-mapper and
# prints their TAP output.  Exit status: the suite's, or non-zero when the
# VM panics, times out or prints no result.  Prints "# SKIP reason" and
# exits 0 only when qemu or the kernel cannot be obtained.
#
#   tests/kernel/run.sh [NAME...]   NAME: a bats file without .bats
#
# Env: CI=true installs qemu-system-x86 busybox-static cpio kmod as root;
# KERNEL_TIMEOUT, KERNEL_CACHE, KERNEL_DISK_SIZE (see vm.sh); KEEP_VM=1
# keeps the console and result logs.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u

# shellcheck source=vm.sh
. "$(dirname "$0")/vm.sh"

# Virtio disks given to every boot (/dev/vda ... inside the VM).
DISKS=4

vm_prepare
case $? in
0) ;;
1)
	echo "# SKIP kernel suite: $VM_SKIP"
	exit 0
	;;
*)
	echo "not ok - building the initramfs failed"
	vm_cleanup
	exit 1
	;;
esac

tests=$(
	IFS=,
	echo "$*"
)
vm_boot test "$DISKS" "$tests"
vm_results
vm_explain
if [ "$VM_STATUS" -ge 124 ] && [ "$VM_STATUS" -le 126 ]; then
	echo "not ok - kernel VM: $(vm_explain | head -n 1 | sed 's/^# //')"
fi
if [ "${KEEP_VM:-}" = 1 ]; then
	echo "# logs kept in $VM_DIR"
else
	vm_cleanup
fi
exit "$VM_STATUS"
