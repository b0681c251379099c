# Common set-up for the openlvm CLI bats suites (load 'helpers').
#
# Every test gets its own LVM_SYSTEM_DIR under $BATS_TEST_TMPDIR whose
# lvm.conf lists only that test's image files (devices/files) and loop
# devices, so openlvm never sees a disk the test did not make.
#
#   setup_images N SIZE   creates $BATS_TEST_TMPDIR/img0.img ... (truncate -s SIZE)
#                         and sets IMG=(paths) and IMG0, IMG1, ...
#   setup_loops N SIZE    same with loop devices (skips unless root + losetup):
#                         LOOP=(devices) LOOP0, LOOP1, ...; detached by teardown
#   olvm CMD ARGS...      runs "$LVM" CMD ARGS... (use with bats `run`)
#   md_hash               sha256 of the first and last MiB of every image/loop
#   write_lvm_conf        rewrites lvm.conf (called by the set-up helpers;
#                         EXTRA_CONF is appended verbatim)
#
# Files that define their own setup/teardown must call helpers_teardown.

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LVM="${OPENLVM_LVM:-$TOP/lvm}"
export TOP LVM

# Exit codes of cmd/command.h.
EXIT_OK=0
EXIT_BAD_CMDLINE=3
EXIT_FAILED=5

IMG=()
LOOP=()
EXTRA_CONF=${EXTRA_CONF:-}

olvm() {
	"$LVM" "$@"
}

# Per-test configuration directory; called lazily by the set-up helpers.
init_conf_dir() {
	[ -n "${T:-}" ] && return 0
	T=$BATS_TEST_TMPDIR
	export LVM_SYSTEM_DIR="$T/etc"
	mkdir -p "$LVM_SYSTEM_DIR" "$T/lock" "$T/backup" "$T/archive"
	unset LVM_VG_NAME
	write_lvm_conf
}

write_lvm_conf() {
	local f files="" filter=""
	for f in "${IMG[@]}" "${LOOP[@]}"; do
		[ -n "$f" ] || continue
		files+="\"$f\", "
		filter+="\"a|^$f\$|\", "
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
global {
	locking_dir = "$T/lock"
}
backup {
	backup = 1
	backup_dir = "$T/backup"
	archive = 1
	archive_dir = "$T/archive"
}
$EXTRA_CONF
EOF
}

# setup_images N SIZE [PREFIX]: N sparse image files of SIZE (truncate syntax).
setup_images() {
	local n=$1 size=$2 prefix=${3:-img} i f
	init_conf_dir
	for ((i = 0; i < n; i++)); do
		f="$T/$prefix$i.img"
		truncate -s "$size" "$f"
		IMG+=("$f")
		printf -v "${prefix^^}$i" '%s' "$f"
	done
	write_lvm_conf
}

have_root_loops() {
	[ "$(id -u)" -eq 0 ] || return 1
	command -v losetup >/dev/null 2>&1 || return 1
	[ -e /dev/loop-control ] || return 1
	return 0
}

# setup_loops N SIZE: N loop devices backed by files in the test dir.
setup_loops() {
	local n=$1 size=$2 i f dev
	have_root_loops || skip "needs root and loop devices"
	init_conf_dir
	for ((i = 0; i < n; i++)); do
		f="$T/loop$i.backing"
		truncate -s "$size" "$f"
		dev=$(losetup -f --show "$f" 2>/dev/null) || skip "losetup failed"
		LOOP+=("$dev")
		printf -v "LOOP$i" '%s' "$dev"
		echo "$dev" >>"$T/.loops"
	done
	write_lvm_conf
}

# Detach every loop device this test attached, even after a failure.
teardown_loops() {
	local dev
	[ -n "${T:-}" ] && [ -f "$T/.loops" ] || return 0
	while read -r dev; do
		losetup -d "$dev" 2>/dev/null || true
	done <"$T/.loops"
	rm -f "$T/.loops"
}

helpers_teardown() {
	teardown_loops
}

teardown() {
	helpers_teardown
}

# sha256 over the first and last MiB of every image and loop device, in
# order: equal before and after a refused command means nothing was written.
md_hash() {
	local f size
	for f in "${IMG[@]}" "${LOOP[@]}"; do
		[ -n "$f" ] || continue
		if [ -b "$f" ]; then
			size=$(blockdev --getsize64 "$f")
		else
			size=$(stat -c %s "$f")
		fi
		{
			dd if="$f" bs=1M count=1 status=none
			dd if="$f" bs=1M count=1 status=none iflag=skip_bytes \
				skip=$((size > 1048576 ? size - 1048576 : 0))
		} | sha256sum | cut -d' ' -f1
	done | sha256sum | cut -d' ' -f1
}

# read_u32le FILE OFFSET / read_u64le FILE OFFSET: little-endian integers.
read_u32le() {
	od -An -t u4 -j "$2" -N 4 --endian=little "$1" | tr -d ' '
}
read_u64le() {
	od -An -t u8 -j "$2" -N 8 --endian=little "$1" | tr -d ' '
}
# read_str FILE OFFSET LEN: raw bytes as text.
read_str() {
	dd if="$1" bs=1 skip="$2" count="$3" status=none
}

# Assertions that print what they saw on failure.
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
assert_output_not_contains() {
	if [[ "$output" == *"$1"* ]]; then
		echo "output contains '$1':" >&2
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

# field CMD ARGS...: runs a report with --noheadings --nosuffix and trims
# blanks, e.g. `field pvs -o pv_pe_count "$IMG0"`.
field() {
	local cmd=$1
	shift
	"$LVM" "$cmd" --noheadings --nosuffix "$@" | sed 's/^ *//; s/ *$//'
}
