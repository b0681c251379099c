#!/usr/bin/env bats
# A real filesystem on an openlvm LV: mkfs.ext4, mount, write, grow online
# with `lvextend -r`, fsck clean, data intact.

load helpers

# fill DIR: files whose checksums are kept in $T/sums.
fill() {
	local i
	for i in 1 2 3; do
		dd if=/dev/urandom of="$1/file$i" bs=1M count=2 status=none
	done
	yes "openlvm kernel suite" | head -c 300000 >"$1/text"
	(cd "$1" && sha256sum file1 file2 file3 text) >"$T/sums"
}

@test "ext4 on a linear LV grows online with lvextend -r and stays intact" {
	use_disks 2
	olvm pvcreate -q "${DEV[@]}"
	olvm vgcreate -q kvfs "${DEV[@]}"
	run olvm lvcreate -q -y -n data -L 32M kvfs "$DEV0"
	assert_status 0
	run mkfs.ext4 -q /dev/kvfs/data
	assert_status 0
	mount /dev/kvfs/data "$T/mnt"
	fill "$T/mnt"
	local before after
	before=$(df -k "$T/mnt" | awk 'NR == 2 {print $2}')
	# Grow onto the second disk while mounted and written to.
	run olvm lvextend -q -r -L +64M kvfs/data "$DEV1"
	assert_status 0
	after=$(df -k "$T/mnt" | awk 'NR == 2 {print $2}')
	[ "$after" -gt $((before * 2)) ] || { echo "size $before -> $after KiB" >&2; false; }
	assert_equal "$(blockdev --getsize64 /dev/kvfs/data)" $((96 << 20))
	dd if=/dev/urandom of="$T/mnt/after-grow" bs=1M count=40 status=none
	(cd "$T/mnt" && sha256sum -c "$T/sums" >/dev/null)
	umount "$T/mnt"
	run e2fsck -f -n /dev/kvfs/data
	assert_status 0
	# Deactivate, activate again, and the files are still there.
	run olvm vgchange -an kvfs
	assert_status 0
	run olvm vgchange -ay kvfs
	assert_status 0
	mount -o ro /dev/kvfs/data "$T/mnt"
	(cd "$T/mnt" && sha256sum -c "$T/sums" >/dev/null)
	[ "$(stat -c %s "$T/mnt/after-grow")" -eq $((40 << 20)) ]
	umount "$T/mnt"
}

@test "ext4 on a striped LV: mounted LV cannot be deactivated" {
	use_disks 2
	olvm pvcreate -q "${DEV[@]}"
	olvm vgcreate -q kvfs2 "${DEV[@]}"
	run olvm lvcreate -q -y -i 2 -I 128K -n data -L 48M kvfs2
	assert_status 0
	mkfs.ext4 -q /dev/kvfs2/data
	mount /dev/kvfs2/data "$T/mnt"
	fill "$T/mnt"
	run olvm vgchange -an kvfs2
	[ "$status" -ne 0 ]
	[ -b /dev/kvfs2/data ]
	(cd "$T/mnt" && sha256sum -c "$T/sums" >/dev/null)
	umount "$T/mnt"
	run e2fsck -f -n /dev/kvfs2/data
	assert_status 0
	run olvm vgchange -an kvfs2
	assert_status 0
	[ -z "$(dm_names kvfs2-)" ]
}
