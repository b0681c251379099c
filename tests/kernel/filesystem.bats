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

# fs_bytes DEV: bytes the ext4 file system on DEV spans.
fs_bytes() {
	dumpe2fs -h "$1" 2>/dev/null |
		awk -F: '/^Block count/ {n = $2} /^Block size/ {b = $2} END {print n * b}'
}

# intact DEV: fsck clean, then mounted read-only the files match their sums.
intact() {
	run e2fsck -f -n "$1"
	assert_status 0
	mount -o ro "$1" "$T/mnt"
	(cd "$T/mnt" && sha256sum -c "$T/sums" >/dev/null)
	umount "$T/mnt"
}

@test "ext4 shrinks with lvreduce -r: fsck clean, files intact, LV and fs sizes right" {
	use_disks 2
	olvm pvcreate -q "${DEV[@]}"
	olvm vgcreate -q kvshr "${DEV[@]}"
	run olvm lvcreate -q -y -n data -L 96M kvshr "$DEV0"
	assert_status 0
	mkfs.ext4 -q /dev/kvshr/data
	mount /dev/kvshr/data "$T/mnt"
	fill "$T/mnt"
	umount "$T/mnt"
	# No prompt: the file system shrinks first, so -r needs no -f.
	run olvm lvreduce -r -L -40M kvshr/data </dev/null
	assert_status 0
	assert_equal "$(ofield lvs -o lv_size --units m kvshr/data)" "56.00"
	assert_equal "$(blockdev --getsize64 /dev/kvshr/data)" $((56 << 20))
	local fs
	fs=$(fs_bytes /dev/kvshr/data)
	[ "$fs" -gt 0 ] && [ "$fs" -le $((56 << 20)) ] || { echo "fs spans $fs bytes" >&2; false; }
	intact /dev/kvshr/data
	# A second shrink by extents, then the LV survives deactivation.
	run olvm lvreduce -r -l -2 kvshr/data </dev/null
	assert_status 0
	assert_equal "$(blockdev --getsize64 /dev/kvshr/data)" $((48 << 20))
	[ "$(fs_bytes /dev/kvshr/data)" -le $((48 << 20)) ]
	run olvm vgchange -an kvshr
	assert_status 0
	run olvm vgchange -ay kvshr
	assert_status 0
	intact /dev/kvshr/data
}

@test "ext4 on a striped LV shrinks and grows with lvresize -r" {
	use_disks 2
	olvm pvcreate -q "${DEV[@]}"
	olvm vgcreate -q kvshr2 "${DEV[@]}"
	run olvm lvcreate -q -y -i 2 -I 64K -n data -L 128M kvshr2
	assert_status 0
	mkfs.ext4 -q /dev/kvshr2/data
	mount /dev/kvshr2/data "$T/mnt"
	fill "$T/mnt"
	umount "$T/mnt"
	run olvm lvresize -r -L 40M kvshr2/data </dev/null
	assert_status 0
	assert_equal "$(blockdev --getsize64 /dev/kvshr2/data)" $((40 << 20))
	assert_equal "$(ofield lvs -o stripes kvshr2/data)" 2
	[ "$(fs_bytes /dev/kvshr2/data)" -le $((40 << 20)) ]
	intact /dev/kvshr2/data
	run olvm lvresize -r -L +24M kvshr2/data </dev/null
	assert_status 0
	assert_equal "$(blockdev --getsize64 /dev/kvshr2/data)" $((64 << 20))
	assert_equal "$(fs_bytes /dev/kvshr2/data)" $((64 << 20))
	intact /dev/kvshr2/data
}

@test "lvreduce -r refuses what cannot shrink: data larger than the new size, a mounted ext4" {
	openlvm_only
	use_disks 1
	olvm pvcreate -q "$DEV0"
	olvm vgcreate -q kvshr3 "$DEV0"
	run olvm lvcreate -q -y -n data -L 64M kvshr3
	assert_status 0
	mkfs.ext4 -q /dev/kvshr3/data
	mount /dev/kvshr3/data "$T/mnt"
	fill "$T/mnt"
	dd if=/dev/urandom of="$T/mnt/big" bs=1M count=30 status=none
	run olvm lvreduce -r -L 32M kvshr3/data </dev/null
	assert_status 5
	assert_equal "$(blockdev --getsize64 /dev/kvshr3/data)" $((64 << 20))
	umount "$T/mnt"
	# resize2fs cannot fit 36M of files in 16M: the LV keeps its size.
	run olvm lvreduce -r -L 16M kvshr3/data </dev/null
	assert_status 5
	assert_equal "$(ofield lvs -o lv_size --units m kvshr3/data)" "64.00"
	assert_equal "$(blockdev --getsize64 /dev/kvshr3/data)" $((64 << 20))
	intact /dev/kvshr3/data
}

@test "XFS is never shrunk: lvreduce -r and lvresize -r refuse, nothing changes" {
	command -v mkfs.xfs >/dev/null || skip "mkfs.xfs is not in the initramfs"
	use_disks 2
	olvm pvcreate -q "${DEV[@]}"
	olvm vgcreate -q kvxfs "${DEV[@]}"
	# mkfs.xfs wants at least 300 MiB.
	run olvm lvcreate -q -y -n data -L 320M kvxfs
	assert_status 0
	run mkfs.xfs -q /dev/kvxfs/data
	assert_status 0
	local seqno
	seqno=$(ofield vgs -o vg_seqno kvxfs)
	run olvm lvreduce -r -L -32M kvxfs/data </dev/null
	assert_status 5
	run olvm lvresize -r -L 200M kvxfs/data </dev/null
	assert_status 5
	assert_equal "$(ofield vgs -o vg_seqno kvxfs)" "$seqno"
	assert_equal "$(blockdev --getsize64 /dev/kvxfs/data)" $((320 << 20))
	assert_equal "$(blkid -o value -s TYPE /dev/kvxfs/data)" xfs
}
