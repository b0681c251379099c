#!/usr/bin/env bats
# The VM itself: device-mapper is there, the tools run, and openlvm's
# metadata commands work on virtio disks and loop devices.

load helpers

@test "device-mapper driver answers" {
	run dmsetup version
	assert_status 0
	assert_output_contains "Driver version"
	[ -c /dev/mapper/control ]
}

@test "openlvm and Debian's LVM2 run" {
	run olvm version
	assert_status 0
	need_lvm2
	run rlvm version
	assert_status 0
	assert_output_contains "LVM version"
}

@test "pvcreate, vgcreate, lvcreate on virtio disks and loop devices" {
	use_disks 2
	use_loops 1 64M
	run olvm pvcreate -q "$DEV0" "$DEV1" "$DEV2"
	assert_status 0
	run olvm vgcreate -q kvsmoke "$DEV0" "$DEV1" "$DEV2"
	assert_status 0
	run olvm lvcreate -q -an -Zn -n lv0 -L 8M kvsmoke
	assert_status 0
	assert_equal "$(ofield lvs -o lv_name kvsmoke)" lv0
	assert_equal "$(ofield vgs -o pv_count kvsmoke)" 3
}
