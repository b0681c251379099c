#!/bin/sh
# Demo: two image files become PVs of one VG; no root, no loop devices.
# Uses a private LVM_SYSTEM_DIR so neither openlvm nor anything else looks
# at the machine's real disks.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
lvm=$top/lvm
[ -x "$lvm" ] || { echo "demo: $lvm not built (run make)" >&2; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/openlvm-demo.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
export LVM_SYSTEM_DIR=$dir/etc
mkdir -p "$LVM_SYSTEM_DIR" "$dir/lock" "$dir/backup" "$dir/archive"
cat >"$LVM_SYSTEM_DIR/lvm.conf" <<CONF
devices {
	files = [ "$dir/disk0.img", "$dir/disk1.img" ]
	global_filter = [ "a|^$dir/|", "r|.*|" ]
}
global { locking_dir = "$dir/lock" }
backup { backup_dir = "$dir/backup" archive_dir = "$dir/archive" }
CONF

run() {
	echo "\$ $*"
	"$lvm" "$@"
}

truncate -s 64M "$dir/disk0.img" "$dir/disk1.img"
run pvcreate "$dir/disk0.img" "$dir/disk1.img"
run vgcreate demo "$dir/disk0.img" "$dir/disk1.img"
run pvs
run vgs
