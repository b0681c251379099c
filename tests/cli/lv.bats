#!/usr/bin/env bats
# LV commands: lvcreate, lvremove, lvextend/lvreduce/lvresize, lvrename,
# lvchange, lvscan on image files.  Layouts are the ones LVM2 chose for the
# same commands (tests/fixtures/a-linear, b-striped-span).

load helpers

setup() {
	setup_images 2 32M
	olvm pvcreate -q "$IMG0" "$IMG1" >/dev/null
	olvm vgcreate -q vg "$IMG0" "$IMG1" >/dev/null
}

segs() {
	olvm lvs --noheadings --segments -o lv_name,seg_pe_ranges vg | tr -s ' ' | sed 's/^ //'
}

# A refused command must leave every metadata byte unchanged.
refused() {
	local want=$1 before
	shift
	before=$(md_hash)
	run olvm "$@"
	[ "$status" -eq "$want" ] || { echo "status $status: $output" >&3; false; }
	[ "$(md_hash)" = "$before" ]
}

@test "lvcreate/lvextend reproduce LVM2's a-linear layout" {
	run olvm lvcreate -n lv1 -L 8M vg "$IMG0"
	[ "$status" -eq 0 ]
	[[ "$output" == *'Logical volume "lv1" created.'* ]]
	olvm lvcreate -n lv2 -L 4M vg "$IMG0"
	run olvm lvextend -L +4M vg/lv1 "$IMG0"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Size of logical volume vg/lv1 changed from 8.00 MiB (2 extents) to 12.00 MiB (3 extents)."* ]]
	[[ "$output" == *"Logical volume vg/lv1 successfully resized."* ]]
	run segs
	[[ "$output" == *"lv1 $IMG0:0-1"* ]]
	[[ "$output" == *"lv1 $IMG0:3-3"* ]]
	[[ "$output" == *"lv2 $IMG0:2-2"* ]]
}

@test "striped and spanning LVs match b-striped-span" {
	run olvm lvcreate -n stripe -i2 -I64k -L 8M vg
	[ "$status" -eq 0 ]
	run olvm lvcreate -n span -l 8 vg "$IMG0" "$IMG1"
	[ "$status" -eq 0 ]
	run segs
	[[ "$output" == *"stripe $IMG0:0-0 $IMG1:0-0"* ]]
	[[ "$output" == *"span $IMG0:1-6"* ]]
	[[ "$output" == *"span $IMG1:1-2"* ]]
	run olvm lvs --noheadings -o stripes,stripe_size --units k vg/stripe
	[[ "$output" == *"2"*"64.00k"* ]]
}

@test "lvcreate rounds sizes, names lvolN, honours PE ranges and options" {
	run olvm lvcreate -L 5M vg
	[ "$status" -eq 0 ]
	[[ "$output" == *"Rounding up size to full physical extent 8.00 MiB"* ]]
	[[ "$output" == *'Logical volume "lvol0" created.'* ]]
	run olvm lvcreate -i2 -l 3 vg
	[[ "$output" == *"up to stripe boundary size 16.00 MiB (4 extents)."* ]]
	[[ "$output" == *'"lvol1" created.'* ]]
	run olvm lvcreate -n r -l 2 -p r -r 256 --addtag t1 --setactivationskip y --alloc cling vg "$IMG1:5-6"
	[ "$status" -eq 0 ]
	run segs
	[[ "$output" == *"r $IMG1:5-6"* ]]
	run olvm lvs --noheadings -o lv_attr,lv_tags,lv_read_ahead,lv_allocation_policy vg/r
	[[ "$output" == *"t1"* ]]
	[[ "$output" == *"cling"* ]]
	run olvm lvcreate -n z --type zero -L 1G vg
	[ "$status" -eq 0 ]
	run olvm lvcreate -n l50 -l 50%FREE vg
	[ "$status" -eq 0 ]
}

@test "lvcreate refusals change nothing" {
	olvm lvcreate -n lv1 -l 1 vg
	refused 5 lvcreate -n lv1 -l 1 vg
	[[ "$output" == *'Logical Volume "lv1" already exists in volume group "vg"'* ]]
	refused 5 lvcreate -l 100 vg
	[[ "$output" == *'Volume group "vg" has insufficient free space (13 extents): 100 required.'* ]]
	refused 5 lvcreate -i3 -l 3 vg
	[[ "$output" == *"Number of stripes (3) must not exceed number of physical volumes (2)"* ]]
	refused 3 lvcreate -L 12x vg
	refused 3 lvcreate -L -5 vg
	refused 3 lvcreate -n snapshotx -l 1 vg
	refused 3 lvcreate -n 'bad@name' -l 1 vg
	refused 3 lvcreate -i2 -I 3k -l 2 vg
	refused 5 lvcreate -l 1 vg "$IMG0:100-200"
	refused 5 lvcreate -l 10%ORIGIN vg
	refused 5 lvcreate -l 1 vg "$IMG0:0-0"
	run olvm lvcreate --test -n t -l 1 vg
	[ "$status" -eq 0 ]
	refused 0 lvcreate --test -n t2 -l 1 vg
}

@test "lvremove of one LV and of a whole VG" {
	olvm lvcreate -n a -l 1 vg
	olvm lvcreate -n b -l 1 vg
	olvm lvcreate -n c -l 1 vg
	run olvm lvremove vg/a
	[ "$status" -eq 0 ]
	[[ "$output" == *'Logical volume "a" successfully removed.'* ]]
	refused 5 lvremove vg/nope
	run olvm lvremove -f vg
	[ "$status" -eq 0 ]
	[[ "$output" == *'"b" successfully removed.'* ]]
	[[ "$output" == *'"c" successfully removed.'* ]]
	run olvm lvs --noheadings vg
	[ -z "$output" ]
}

@test "lvreduce asks, and refusals change nothing" {
	olvm lvcreate -n lv -l 4 vg
	refused 5 lvreduce -l 2 vg/lv </dev/null
	[[ "$output" == *"NOT reduced"* ]]
	refused 5 lvextend -l 4 vg/lv
	[[ "$output" == *"New size (4 extents) matches existing size (4 extents)."* ]]
	refused 5 lvreduce -f -l -4 vg/lv
	refused 5 lvextend -l 3 vg/lv
	refused 5 lvextend -l +100 vg/lv
	refused 5 lvextend -r -l +1 vg/lv
	[[ "$output" == *"activation"* ]]
	run olvm lvreduce -f -l -1 vg/lv
	[ "$status" -eq 0 ]
	[[ "$output" == *"from 16.00 MiB (4 extents) to 12.00 MiB (3 extents)."* ]]
	run olvm lvresize -y -L 4M vg/lv
	[ "$status" -eq 0 ]
	run olvm lvresize -l +1 vg/lv
	[ "$status" -eq 0 ]
	run segs
	[[ "$output" == "lv $IMG0:0-1" ]]
}

@test "lvrename in all three forms" {
	olvm lvcreate -n a -l 1 vg
	olvm lvcreate -n b -l 1 vg
	run olvm lvrename vg a x
	[ "$status" -eq 0 ]
	[[ "$output" == *'Renamed "a" to "x" in volume group "vg"'* ]]
	run olvm lvrename vg/x vg/y
	[ "$status" -eq 0 ]
	run olvm lvrename vg/y z
	[ "$status" -eq 0 ]
	refused 5 lvrename vg z b
	refused 5 lvrename vg nope q
	refused 3 lvrename vg z snapshot1
	refused 3 lvrename vg/z other/q
}

@test "lvchange attributes, -a not implemented, lvscan" {
	olvm lvcreate -n lv -L 12M vg
	run olvm lvchange -p r --addtag t1 -r none --setactivationskip y --alloc anywhere vg/lv
	[ "$status" -eq 0 ]
	[[ "$output" == *"Logical volume vg/lv changed."* ]]
	run olvm lvs --noheadings -o lv_attr,lv_tags,lv_allocation_policy vg/lv
	[[ "$output" == *"-r"* ]]
	[[ "$output" == *"t1"* ]]
	[[ "$output" == *"anywhere"* ]]
	run olvm lvchange --deltag t1 -p rw vg/lv
	[ "$status" -eq 0 ]
	refused 5 lvchange -ay vg/lv
	run olvm lvscan
	[ "$status" -eq 0 ]
	[[ "$output" == *"  inactive          '/dev/vg/lv' [12.00 MiB] anywhere"* ]]
}

@test "-k is --setactivationskip in lvcreate and lvchange" {
	olvm lvcreate -k y -n a -l 1 vg
	run olvm lvs --noheadings -o lv_attr vg/a
	[[ "$output" == *"-k" ]]
	olvm lvchange -k n vg/a
	run olvm lvs --noheadings -o lv_attr vg/a
	[[ "$output" == *"--" ]]
}

@test "more refusals: zero sizes, shrinking below zero, reserved names, ranges" {
	olvm lvcreate -n lv -l 2 vg
	refused 3 lvcreate -l 0 vg
	[[ "$output" == *"--extents may not be zero."* ]]
	refused 3 lvcreate -L 0 vg
	[[ "$output" == *"--size may not be zero."* ]]
	refused 3 lvcreate -l 0%FREE vg
	refused 3 lvresize -f -l 0 vg/lv
	refused 5 lvreduce -f -l -10 vg/lv
	refused 5 lvreduce -f -L -100M vg/lv
	refused 5 lvresize -f -l -2 vg/lv
	refused 3 lvextend -L -4M vg/lv
	for name in pvmove0 x_mlog x_rimage_1 x_tmeta x_vorigin x_pmspare snapshot . .. -x; do
		refused 3 lvcreate -n "$name" -l 1 vg
	done
	[[ "$output" != *"successfully"* ]]
	refused 3 lvcreate -n pvmove0 -l 1 vg
	[[ "$output" == *'Names starting "pvmove" are reserved. Please choose a different LV name.'* ]]
	refused 3 lvcreate -n x_rimage_1 -l 1 vg
	[[ "$output" == *'Names including "_rimage" are reserved. Please choose a different LV name.'* ]]
	refused 3 lvrename vg lv pvmove1
	[[ "$output" == *'Names starting "pvmove" are reserved.'* ]]
	refused 3 lvrename vg lv x_mlog
	[[ "$output" == *'Names including "_mlog" are reserved.'* ]]
	refused 3 lvrename vg lv 'a@b'
	[[ "$output" == *'New logical volume name "a@b" is invalid'* ]]
	refused 3 lvrename vg lv lv
	refused 5 lvcreate -l 1 vg "$IMG0:5-2"
	refused 5 lvextend -l +1 vg/lv "$IMG0:100-"
	refused 5 lvcreate -l 8 vg "$IMG0:2-4"
	[[ "$output" == *"Insufficient free space: 8 extents needed, but only 3 available"* ]]
	refused 5 lvcreate -i2 -l 2 vg "$IMG0"
}

@test "lvremove of several LVs of one VG in one command" {
	olvm lvcreate -n a -l 1 vg
	olvm lvcreate -n b -l 1 vg
	olvm lvcreate -n c -l 1 vg
	run timeout 20 "$LVM" lvremove -f vg/a vg/c
	[ "$status" -eq 0 ]
	[[ "$output" == *'"a" successfully removed.'* ]]
	[[ "$output" == *'"c" successfully removed.'* ]]
	run olvm lvs --noheadings -o lv_name vg
	[ "$(echo $output)" = "b" ]
	run olvm vgs --noheadings -o vg_seqno vg
	[ "$(echo $output)" = 5 ]	# one commit for both
}

# Loop-device variants: the same commands on block devices.
loop_vg() {
	setup_loops 3 40M
	olvm pvcreate -q "$LOOP0" "$LOOP1" "$LOOP2" >/dev/null
	olvm vgcreate -q lvg "$LOOP0" "$LOOP1" "$LOOP2" >/dev/null
}

lsegs() {
	olvm lvs --noheadings --segments --separator , -o lv_name,seg_pe_ranges lvg | sed 's/^ *//'
}

@test "loop devices: create, extend, stripe, span, holes (layouts LVM2 chose)" {
	loop_vg
	olvm lvcreate -n a -L 8M lvg
	olvm lvcreate -n b -l 3 lvg
	olvm lvcreate -n c -L 12M lvg
	olvm lvextend -l +2 lvg/a
	olvm lvcreate -n s -i2 -I64k -l 4 lvg
	olvm lvremove -f lvg/b
	olvm lvcreate -n d -l 2 lvg
	run lsegs
	assert_equal "$output" "a,$LOOP0:0-1
a,$LOOP0:8-8
a,$LOOP1:0-0
c,$LOOP0:5-7
d,$LOOP0:2-3
s,$LOOP1:1-2 $LOOP2:0-1"
	run olvm lvs --noheadings -o lv_name,stripes,stripe_size --units k --separator , lvg/s
	assert_equal "$(echo $output)" "s,2,64.00k"
}

@test "loop devices: refusals leave every byte unchanged" {
	loop_vg
	olvm lvcreate -n lv -l 4 lvg
	refused 5 lvcreate -l 100 lvg
	[[ "$output" == *'Volume group "lvg" has insufficient free space (23 extents): 100 required.'* ]]
	refused 5 lvcreate -i4 -l 4 lvg
	refused 5 lvcreate -l 1 lvg "$LOOP1:9-20"
	refused 3 lvcreate -L 12x lvg
	refused 3 lvcreate -L -5 lvg
	refused 5 lvreduce -f -l -4 lvg/lv
	refused 5 lvcreate -n lv -l 1 lvg
	refused 3 lvcreate -n pvmove0 -l 1 lvg
	refused 3 lvcreate -n snapshot1 -l 1 lvg
	refused 5 lvreduce -l 2 lvg/lv </dev/null
	refused 0 lvcreate --test -n t -l 1 lvg
}

@test "loop devices: lvreduce, lvrename, lvremove, lvchange" {
	loop_vg
	olvm lvcreate -n lv -l 5 lvg
	run olvm lvreduce -f -l 2 lvg/lv
	[ "$status" -eq 0 ]
	run olvm lvcreate -n x -l 2 lvg
	[ "$status" -eq 0 ]
	run olvm lvrename lvg lv lv2
	[ "$status" -eq 0 ]
	run olvm lvchange --addtag t lvg/lv2
	[ "$status" -eq 0 ]
	run lsegs
	assert_equal "$output" "lv2,$LOOP0:0-1
x,$LOOP0:2-3"
	run olvm lvremove -f lvg
	[ "$status" -eq 0 ]
	run olvm vgs --noheadings -o lv_count lvg
	[ "$(echo $output)" = 0 ]
}

@test "lvchange VG: every visible LV changes, in one commit" {
	olvm lvcreate -q -an -Zn -n a -L 4M vg >/dev/null 2>&1
	olvm lvcreate -q -an -Zn -n b -L 4M vg >/dev/null 2>&1
	local seq
	seq=$(olvm vgs --noheadings -o vg_seqno vg | tr -d ' ')
	run olvm lvchange --addtag t vg
	assert_status 0
	assert_output_contains "Logical volume vg/a changed."
	assert_output_contains "Logical volume vg/b changed."
	assert_equal "$(olvm lvs --noheadings -o lv_name,lv_tags --separator : vg | tr -d ' ')" "a:t
b:t"
	assert_equal "$(olvm vgs --noheadings -o vg_seqno vg | tr -d ' ')" "$((seq + 1))"
	refused 5 lvchange --addtag t nosuch
}
