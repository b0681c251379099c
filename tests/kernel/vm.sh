# shellcheck shell=bash
# Host side of the kernel suite, sourced by run.sh and bench.sh (bash).
#
#   vm_prepare        tools, Debian's kernel (cached), the initramfs in a
#                     new $VM_DIR; returns 1 with $VM_SKIP set when qemu
#                     or the kernel cannot be had, 2 when the build fails
#   vm_boot MODE DISKS [TESTS] [ARGS]
#                     boots once with DISKS fresh virtio disks; leaves
#                     console.log and results.log in $VM_DIR; sets $VM_STATUS:
#                     the suite's exit status, or 124 timeout, 125 panic,
#                     126 no result
#   vm_results        the lines between the markers of results.log
#
# Env: KERNEL_TIMEOUT (seconds a boot may take, default 900), KERNEL_CACHE
# (default tests/kernel/.cache), KERNEL_DISK_SIZE (default 256M),
# KERNEL_TOOL=lvm2 (the VM runs the openlvm tests with Debian's LVM2).

VM_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VM_HERE=$VM_TOP/tests/kernel
VM_CACHE=${KERNEL_CACHE:-$VM_HERE/.cache}
VM_TOOLS="qemu-system-x86_64:qemu-system-x86 busybox:busybox-static cpio:cpio depmod:kmod"

vm_can_install() {
	[ "${CI:-}" = true ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1
}

vm_apt() {
	DEBIAN_FRONTEND=noninteractive apt-get "$@" >"$VM_CACHE/apt.log" 2>&1 ||
		{ tail -n 5 "$VM_CACHE/apt.log" | sed 's/^/# /'; return 1; }
}

# Host tools, installed in CI.
vm_tools() {
	local pair cmd pkg missing=""
	for pair in $VM_TOOLS; do
		cmd=${pair%%:*} pkg=${pair#*:}
		PATH=$PATH:/sbin:/usr/sbin command -v "$cmd" >/dev/null 2>&1 || missing="$missing $pkg"
	done
	[ -z "$missing" ] && return 0
	if vm_can_install; then
		echo "# installing$missing"
		# shellcheck disable=SC2086
		vm_apt install -y -q --no-install-recommends $missing && return 0
	fi
	VM_SKIP="missing$missing (apt-get install$missing)"
	return 1
}

# Debian's kernel: the image package linux-image-amd64 depends on,
# extracted once into $VM_CACHE/root.
vm_kernel() {
	local pkg deb
	VM_KROOT=$VM_CACHE/root
	if ! ls "$VM_KROOT"/boot/vmlinuz-* >/dev/null 2>&1; then
		pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
			sed -n 's/^ *Depends: \(linux-image-[0-9].*\)$/\1/p' | head -n 1)
		if [ -z "$pkg" ] && vm_can_install; then
			vm_apt update -q
			pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
				sed -n 's/^ *Depends: \(linux-image-[0-9].*\)$/\1/p' | head -n 1)
		fi
		[ -n "$pkg" ] || { VM_SKIP="no kernel package (apt-get update?)"; return 1; }
		echo "# fetching $pkg"
		(cd "$VM_CACHE" && rm -f ./*.deb && apt-get download "$pkg" >"$VM_CACHE/apt.log" 2>&1) ||
			{ VM_SKIP="apt-get download $pkg failed"; return 1; }
		deb=$(find "$VM_CACHE" -maxdepth 1 -name 'linux-image-*.deb' | head -n 1)
		rm -rf "$VM_KROOT.tmp"
		dpkg-deb -x "$deb" "$VM_KROOT.tmp" || { VM_SKIP="dpkg-deb -x $deb failed"; return 1; }
		mv "$VM_KROOT.tmp" "$VM_KROOT"
		rm -f "$deb"
	fi
	VM_VMLINUZ=$(find "$VM_KROOT/boot" -name 'vmlinuz-*' | head -n 1)
	VM_KVER=${VM_VMLINUZ##*/vmlinuz-}
	[ -f "$VM_KROOT/lib/modules/$VM_KVER/modules.dep" ] ||
		PATH=$PATH:/sbin:/usr/sbin depmod -b "$VM_KROOT" "$VM_KVER"
}

vm_prepare() {
	# shellcheck disable=SC2034 # read by run.sh and bench.sh
	VM_SKIP=""
	mkdir -p "$VM_CACHE"
	vm_tools || return 1
	vm_kernel || return 1
	# Per run, so that runs can go on side by side.
	VM_DIR=$(mktemp -d "${TMPDIR:-/tmp}/openlvm-vm.XXXXXX")
	VM_INITRD=$VM_DIR/initrd.gz
	PATH=$PATH:/sbin:/usr/sbin bash "$VM_HERE/build-initramfs.sh" \
		"$VM_KROOT" "$VM_KVER" "$VM_INITRD" || return 2
}

vm_boot() {
	local mode=$1 disks=$2 tests=${3:-} args=${4:-} i drives=()
	for ((i = 0; i < disks; i++)); do
		truncate -s "${KERNEL_DISK_SIZE:-256M}" "$VM_DIR/disk$i.img"
		drives+=(-drive "file=$VM_DIR/disk$i.img,if=virtio,format=raw")
	done
	: >"$VM_DIR/console.log"
	: >"$VM_DIR/results.log"
	timeout "${KERNEL_TIMEOUT:-900}" qemu-system-x86_64 -m 1024 -smp 2 \
		-display none -monitor none -nic none -no-reboot \
		-kernel "$VM_VMLINUZ" -initrd "$VM_INITRD" \
		-append "console=ttyS0 quiet panic=-1 openlvm.mode=$mode openlvm.disks=$disks openlvm.tests=$tests openlvm.args=$args openlvm.tool=${KERNEL_TOOL:-openlvm}" \
		-serial "file:$VM_DIR/console.log" -serial "file:$VM_DIR/results.log" \
		"${drives[@]}" </dev/null >"$VM_DIR/qemu.log" 2>&1
	VM_STATUS=$?
	rm -f "$VM_DIR"/disk*.img
	if grep -q 'Kernel panic' "$VM_DIR/console.log"; then
		VM_STATUS=125
	elif [ "$VM_STATUS" -eq 124 ]; then
		:
	elif grep -q '^OPENLVM-END rc=' "$VM_DIR/results.log"; then
		VM_STATUS=$(tr -d '\r' <"$VM_DIR/results.log" | sed -n 's/^OPENLVM-END rc=\([0-9]*\).*/\1/p' | tail -n 1)
	else
		VM_STATUS=126
	fi
}

vm_results() {
	tr -d '\r' <"$VM_DIR/results.log" | sed -n '/^OPENLVM-BEGIN$/,/^OPENLVM-END/p' |
		sed '/^OPENLVM-BEGIN$/d; /^OPENLVM-END/d'
}

# vm_explain: why a boot gave no result, with the end of the console.
vm_explain() {
	case $VM_STATUS in
	124) echo "# the VM did not finish within ${KERNEL_TIMEOUT:-900} s" ;;
	125) echo "# kernel panic" ;;
	126) echo "# the VM stopped without printing a result" ;;
	*) return 0 ;;
	esac
	sed 's/^/#   qemu: /' "$VM_DIR/qemu.log" | tail -n 5
	tr -d '\r' <"$VM_DIR/console.log" | tail -n 40 | sed 's/^/#   console: /'
}

vm_cleanup() {
	[ -n "${VM_DIR:-}" ] && rm -rf "$VM_DIR"
	return 0
}
