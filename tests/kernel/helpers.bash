# Helpers for the bats files that run inside the kernel-suite VM (as PID 1's
# child, root, real device-mapper, no udev).  Load with `load helpers`.
#
# Each test gets its own lvm.conf for openlvm ($LVM_SYSTEM_DIR) and for
# Debian's LVM2 ($RSD) whose filters accept only the devices it asked for:
#
# NO_ACTIVATION_CONF=1 (set before the first use_*) leaves out the
# activation section (udev_sync, udev_rules, verify_udev_operations).
#
#   use_disks N         the virtio disks /dev/vda..., wiped; DEV=(...) DEV0..
#   use_loops N SIZE    loop devices on tmpfs files; appended to DEV
#   use_images N SIZE   image files (openlvm only); IMG=(...) IMG0..
#   olvm CMD ARGS       openlvm
#   rlvm CMD ARGS       Debian's LVM2 (need_lvm2 skips when absent)
#   ofield / rfield CMD ARGS   one report value, trimmed
#   dm_names PREFIX     dm devices whose name starts with PREFIX, sorted
#   dm_tables VG        "name: table" of every dm device of VG, sorted
#   check_block LV_DEV LV_BYTE PV_DEV PV_BYTE
#                       writes a unique 4 KiB block at LV_BYTE of the LV
#                       and finds it at PV_BYTE of the PV (direct I/O)
#
# teardown unmounts, removes every dm device, detaches loops and wipes.

OLVM=/openlvm/bin/lvm
REAL_LVM=/lvm2/lvm
DEV=()
IMG=()

init_conf() {
	[ -n "${T:-}" ] && return 0
	T=$BATS_TEST_TMPDIR
	export LVM_SYSTEM_DIR=$T/etc
	RSD=$T/real-etc
	mkdir -p "$LVM_SYSTEM_DIR" "$RSD" "$T/lock" "$T/real-lock" "$T/mnt"
	write_confs
}

write_confs() {
	local d files="" filter=""
	for d in "${DEV[@]}" "${IMG[@]}"; do
		filter+="\"a|^$d\$|\", "
	done
	for d in "${IMG[@]}"; do
		files+="\"$d\", "
	done
	cat >"$LVM_SYSTEM_DIR/lvm.conf" <<EOF
devices {
	scan = [ "/dev" ]
	files = [ ${files%, } ]
	global_filter = [ ${filter}"r|.*|" ]
	filter = [ ${filter}"r|.*|" ]
	use_devicesfile = 0
	obtain_device_list_from_udev = 0
}
global { locking_dir = "$T/lock" }
backup { backup = 0 archive = 0 }
$([ -n "${NO_ACTIVATION_CONF:-}" ] ||
		echo 'activation { udev_sync = 0 udev_rules = 0 verify_udev_operations = 1 }')
${EXTRA_CONF:-}
EOF
	cat >"$RSD/lvm.conf" <<EOF
devices {
	scan = [ "/dev" ]
	global_filter = [ ${filter}"r|.*|" ]
	filter = [ ${filter}"r|.*|" ]
	use_devicesfile = 0
	obtain_device_list_from_udev = 0
	hints = "none"
	multipath_component_detection = 0
	md_component_detection = 0
}
global { locking_dir = "$T/real-lock" use_lvmpolld = 0 event_activation = 0 }
backup { backup = 0 archive = 0 }
activation {
	monitoring = 0
$([ -n "${NO_ACTIVATION_CONF:-}" ] ||
		printf '\tudev_sync = 0\n\tudev_rules = 0\n\tverify_udev_operations = 1\n')
}
EOF
}

# wipe DEV: zero the first and last MiB so no old label or metadata remains.
wipe() {
	local size
	size=$(blockdev --getsize64 "$1")
	dd if=/dev/zero of="$1" bs=1M count=1 conv=fsync status=none
	dd if=/dev/zero of="$1" bs=1M count=1 seek=$((size / 1048576 - 1)) conv=fsync status=none
}

VD_LETTERS=abcdefghijklmnop

use_disks() {
	local i d
	init_conf
	for ((i = 0; i < $1; i++)); do
		d=/dev/vd${VD_LETTERS:i:1}
		[ -b "$d" ] || skip "no virtio disk $d"
		wipe "$d"
		printf -v "DEV${#DEV[@]}" '%s' "$d"
		DEV+=("$d")
	done
	write_confs
}

use_loops() {
	local i f d
	init_conf
	for ((i = 0; i < $1; i++)); do
		f=$T/loop$i.img
		truncate -s "$2" "$f"
		d=$(losetup -f --show "$f") || return 1
		echo "$d" >>"$T/.loops"
		printf -v "DEV${#DEV[@]}" '%s' "$d"
		DEV+=("$d")
	done
	write_confs
}

use_images() {
	local i f
	init_conf
	for ((i = 0; i < $1; i++)); do
		f=$T/img$i.img
		truncate -s "$2" "$f"
		printf -v "IMG$i" '%s' "$f"
		IMG+=("$f")
	done
	write_confs
}

# KERNEL_TOOL=lvm2 (run.sh passes it on) runs the openlvm tests with
# Debian's LVM2 instead: a check of the tests themselves.
olvm() {
	if [ "${KERNEL_TOOL:-}" = lvm2 ]; then
		rlvm "$@"
	else
		"$OLVM" "$@"
	fi
}

# openlvm_only: skip a test of something LVM2 cannot do under KERNEL_TOOL=lvm2.
openlvm_only() {
	[ "${KERNEL_TOOL:-}" != lvm2 ] || skip "openlvm only"
}

need_lvm2() {
	[ -x "$REAL_LVM" ] || skip "Debian's lvm2 is not in the initramfs"
}

rlvm() {
	LVM_SYSTEM_DIR=$RSD LVM_SUPPRESS_FD_WARNINGS=1 DM_DISABLE_UDEV=1 "$REAL_LVM" "$@"
}

ofield() {
	local cmd=$1
	shift
	olvm "$cmd" --noheadings --nosuffix "$@" | sed 's/^ *//; s/ *$//'
}

rfield() {
	local cmd=$1
	shift
	rlvm "$cmd" --noheadings --nosuffix "$@" | sed 's/^ *//; s/ *$//'
}

dm_names() {
	dmsetup info -c --noheadings -o name 2>/dev/null | grep "^$1" | sort
}

# dm_tables VG: tables of VG's devices, each line prefixed with its name.
dm_tables() {
	local n
	for n in $(dm_names "${1//-/--}-"); do
		dmsetup table "$n" | sed "s|^|$n: |"
	done
}

# dm_uuid NAME: the dm UUID of one device.
dm_uuid() {
	dmsetup info -c --noheadings -o uuid "$1"
}

# devno DEV: "major:minor" of a block device.
devno() {
	local hex
	hex=$(stat -L -c '%t %T' "$1")
	printf '%d:%d\n' "0x${hex% *}" "0x${hex#* }"
}

check_block() {
	local lv=$1 lvoff=$2 pv=$3 pvoff=$4 tag
	tag="$lv@$lvoff->$pv@$pvoff $RANDOM$RANDOM"
	yes "$tag" | head -c 4096 >"$T/block.w"
	dd if="$T/block.w" of="$lv" bs=4096 seek="$lvoff" oflag=direct,seek_bytes \
		conv=notrunc status=none || return 1
	dd if="$pv" of="$T/block.r" bs=4096 skip="$pvoff" count=1 \
		iflag=direct,skip_bytes status=none || return 1
	if ! cmp -s "$T/block.w" "$T/block.r"; then
		echo "block written at byte $lvoff of $lv is not at byte $pvoff of $pv" >&2
		echo "found: $(head -c 80 "$T/block.r" | od -c | head -n 2)" >&2
		return 1
	fi
}

# same_data FILE DEV: DEV starts with FILE's bytes (read with direct I/O;
# checksums, as busybox cmp is slow under emulation).
same_data() {
	local a b size
	size=$(stat -c %s "$1")
	a=$(sha256sum <"$1")
	b=$(dd if="$2" bs=1M count=$((size >> 20)) iflag=direct status=none | sha256sum)
	if [ "$a" != "$b" ]; then
		echo "$2 does not hold the $size bytes of $1" >&2
		return 1
	fi
}

# pe_start_bytes PV / extent_bytes VG (from openlvm's reports).
pe_start_bytes() {
	ofield pvs -o pe_start --units b "$1"
}
extent_bytes() {
	ofield vgs -o vg_extent_size --units b "$1"
}

assert_status() {
	if [ "$status" -ne "$1" ]; then
		echo "expected exit status $1, got $status; output:" >&2
		echo "$output" >&2
		return 1
	fi
}
assert_output_contains() {
	if [[ "$output" != *"$1"* ]]; then
		echo "output does not contain '$1':" >&2
		echo "$output" >&2
		return 1
	fi
}
assert_equal() {
	if [ "$1" != "$2" ]; then
		echo "expected '$2', got '$1'" >&2
		return 1
	fi
}

# Tear everything down even after a failure: later tests need clean disks
# and no dm devices.
kernel_teardown() {
	local m d
	[ -n "${T:-}" ] || return 0
	exec 7<&-	# the descriptor tests hold LVs open with
	for m in $(awk -v t="$T" 'index($2, t) == 1 {print $2}' /proc/mounts | sort -r); do
		umount -l "$m" 2>/dev/null
	done
	dmsetup remove_all --force >/dev/null 2>&1
	if [ -f "$T/.loops" ]; then
		while read -r d; do
			losetup -d "$d" 2>/dev/null
		done <"$T/.loops"
	fi
	# Loop devices openlvm attached for image files.
	for d in $(losetup -a 2>/dev/null | grep -F "$T/" | cut -d: -f1); do
		losetup -d "$d" 2>/dev/null
	done
	rm -rf /dev/mapper/*-* 2>/dev/null
	for d in /dev/*; do
		[ -d "$d" ] && [ -z "$(ls -A "$d")" ] && case ${d#/dev/} in
		ov* | rv* | kv*) rmdir "$d" ;;
		esac
	done
	return 0
}

teardown() {
	kernel_teardown
}
