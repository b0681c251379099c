#!/usr/bin/env bats
# vgsplit and vgmerge on image files.

load helpers

# Three PVs in vg0; lv0 on IMG0, lv2 on IMG2, nothing on IMG1.
three_pv_vg() {
	setup_images 3 32M
	olvm pvcreate "${IMG[@]}" >/dev/null
	olvm vgcreate -l 20 -p 10 --alloc cling vg0 "${IMG[@]}" >/dev/null
	olvm lvcreate -n lv0 -L 8M vg0 "$IMG0" >/dev/null
	olvm lvcreate -n lv2 -L 4M vg0 "$IMG2" >/dev/null
}

vgck_silent() {
	run olvm vgck "$@"
	assert_status 0
	assert_equal "$output" ""
}

pv_vg() {
	field pvs -o vg_name "$1"
}

@test "vgsplit: new VG inherits settings, takes the LV on the moved PV" {
	three_pv_vg
	run olvm vgsplit vg0 vg1 "$IMG2"
	assert_status 0
	assert_output_contains 'New volume group "vg1" successfully split from "vg0"'
	assert_equal "$(field vgs -o vg_name,pv_count,lv_count,vg_extent_size,max_lv,max_pv,vg_allocation_policy,vg_seqno --units b --separator : vg1)" \
		"vg1:1:1:4194304:20:10:cling:1"
	assert_equal "$(field vgs -o pv_count,lv_count --separator : vg0)" "2:1"
	assert_equal "$(field lvs -o vg_name,lv_size --units m --separator : vg1/lv2)" "vg1:4.00"
	assert_equal "$(pv_vg "$IMG2")" vg1
	assert_equal "$(pv_vg "$IMG0")" vg0
	# A fresh UUID, not SRC's.
	[ "$(field vgs -o vg_uuid vg0)" != "$(field vgs -o vg_uuid vg1)" ]
	vgck_silent vg0 vg1
	[ -f "$T/backup/vg1" ]
	ls "$T/archive" | grep -q '^vg0_'
}

@test "vgsplit: options override the new VG's settings" {
	three_pv_vg
	run olvm vgsplit -l 7 -p 3 --alloc contiguous vg0 vg1 "$IMG1"
	assert_status 0
	assert_equal "$(field vgs -o max_lv,max_pv,vg_allocation_policy,lv_count --separator : vg1)" \
		"7:3:contiguous:0"
	vgck_silent vg0 vg1
}

@test "vgsplit: into an existing VG" {
	three_pv_vg
	olvm vgsplit vg0 vg1 "$IMG2" >/dev/null
	run olvm vgsplit -l 3 vg0 vg1 "$IMG1"
	assert_status 5
	assert_output_contains 'Volume group "vg1" exists, but new VG option specified'
	run olvm vgsplit vg0 vg1 "$IMG1"
	assert_status 0
	assert_output_contains 'Existing volume group "vg1" successfully split from "vg0"'
	assert_equal "$(field vgs -o pv_count,lv_count,vg_seqno --separator : vg1)" "2:1:2"
	assert_equal "$(field vgs -o pv_count,lv_count --separator : vg0)" "1:1"
	assert_equal "$(pv_vg "$IMG1")" vg1
	vgck_silent vg0 vg1
}

@test "vgsplit -n moves the PVs of an LV" {
	three_pv_vg
	run olvm vgsplit -n lv0 vg0 vg1
	assert_status 0
	assert_equal "$(pv_vg "$IMG0")" vg1
	assert_equal "$(field lvs -o lv_name vg1)" lv0
	assert_equal "$(field lvs -o lv_name vg0)" lv2
	vgck_silent vg0 vg1
}

@test "vgsplit refusals leave the disks unchanged" {
	three_pv_vg
	olvm vgchange --alloc normal vg0 >/dev/null
	olvm lvextend -L +8M vg0/lv0 "$IMG1" >/dev/null
	before=$(md_hash)
	run olvm vgsplit vg0 vg1 "$IMG0"
	assert_status 5
	assert_output_contains "Can't split Logical Volume lv0 between two Volume Groups"
	run olvm vgsplit vg0 vg1 "${IMG[@]}"
	assert_status 5
	assert_output_contains 'without physical volumes'
	assert_equal "$(md_hash)" "$before"
	setup_images 1 32M extra
	olvm pvcreate "$EXTRA0" >/dev/null
	before=$(md_hash)
	run olvm vgsplit vg0 vg1 "$EXTRA0"
	assert_status 5
	assert_output_contains "not in volume group vg0"
	run olvm vgsplit vg0 vg0 "$IMG2"
	assert_status 5
	run olvm vgsplit -t vg0 vg1 "$IMG2"
	assert_status 0
	assert_equal "$(md_hash)" "$before"
	run olvm vgs vg1
	assert_status 5
}

@test "vgmerge: PVs and LVs join DST, SRC disappears" {
	three_pv_vg
	olvm vgsplit vg0 vg1 "$IMG2" >/dev/null
	run olvm vgmerge vg0 vg1
	assert_status 0
	assert_output_contains 'Volume group "vg1" successfully merged into "vg0"'
	assert_equal "$(field vgs -o vg_name)" vg0
	assert_equal "$(field vgs -o pv_count,lv_count --separator : vg0)" "3:2"
	assert_equal "$(field lvs -o lv_name,lv_size --units m --separator : vg0/lv2)" "lv2:4.00"
	assert_equal "$(pv_vg "$IMG2")" vg0
	vgck_silent vg0
	[ ! -f "$T/backup/vg1" ]
	ls "$T/archive" | grep -q '^vg1_'
}

@test "vgmerge refuses different extent sizes, name clashes and limits" {
	setup_images 3 32M
	olvm pvcreate "${IMG[@]}" >/dev/null
	olvm vgcreate vg0 "$IMG0" >/dev/null
	olvm vgcreate -s 1m vg1 "$IMG1" >/dev/null
	olvm vgcreate vg2 "$IMG2" >/dev/null
	olvm lvcreate -n same -L 4M vg0 >/dev/null
	olvm lvcreate -n same -L 4M vg2 >/dev/null
	before=$(md_hash)
	run olvm vgmerge vg0 vg1
	assert_status 5
	assert_output_contains 'Extent sizes differ'
	run olvm vgmerge vg0 vg2
	assert_status 5
	assert_output_contains 'Duplicate logical volume name "same" in "vg0" and "vg2"'
	olvm lvrename vg2 same other >/dev/null
	olvm vgchange -l 1 vg0 >/dev/null
	before=$(md_hash)
	run olvm vgmerge vg0 vg2
	assert_status 5
	assert_output_contains 'Maximum number of logical volumes (1) exceeded for "vg0" and "vg2"'
	assert_equal "$(md_hash)" "$before"
	assert_equal "$(field vgs -o vg_name | tr '\n' ' ')" "vg0 vg1 vg2 "
}
