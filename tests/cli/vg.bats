#!/usr/bin/env bats
# VG commands on image files: vgcreate, vgextend, vgreduce, vgremove,
# vgrename, vgchange, vgscan, vgs.

load helpers

# pv_ext_flags IMG: flags word of the pv_header_extension (1 = USED).
pv_ext_flags() {
	read_u32le "$1" 652
}

# mda_text IMG: the committed metadata text in the first mda.
mda_text() {
	local start size
	start=$(read_u64le "$1" $((4096 + 40)))
	size=$(read_u64le "$1" $((4096 + 48)))
	dd if="$1" bs=1 skip=$((4096 + start)) count=$((size - 1)) status=none
}

new_pvs() {
	setup_images "$1" "${2:-32M}"
	olvm pvcreate "${IMG[@]}" >/dev/null
}

# ---- vgcreate ------------------------------------------------------------

@test "vgcreate: defaults, USED flag set, metadata text on disk" {
	new_pvs 2
	run olvm vgcreate vg0 "$IMG0" "$IMG1"
	assert_status 0
	assert_output_contains 'Volume group "vg0" successfully created'
	assert_equal "$(pv_ext_flags "$IMG0")" 1
	assert_equal "$(pv_ext_flags "$IMG1")" 1
	assert_equal "$(field vgs -o vg_name,pv_count,vg_extent_size,vg_extent_count,vg_seqno,vg_attr,max_lv,max_pv,vg_allocation_policy --units b --separator : vg0)" \
		"vg0:2:4194304:14:1:wz--n-:0:0:normal"
	text=$(mda_text "$IMG0")
	[[ "$text" == vg0\ \{* ]]
	[[ "$text" == *'seqno = 1'* ]]
	[[ "$text" == *'extent_size = 8192'* ]]
	[[ "$text" == *'contents = "Text Format Volume Group"'* ]]
	# Both PVs carry the same text.
	assert_equal "$(mda_text "$IMG1")" "$text"
	[ -f "$T/backup/vg0" ]
}

@test "vgcreate: -s -p -l --addtag --alloc --vgmetadatacopies" {
	new_pvs 2
	run olvm vgcreate -s 2m -p 4 -l 10 --addtag t2 --addtag t1 --alloc contiguous \
		--vgmetadatacopies 1 vg1 "$IMG0" "$IMG1"
	assert_status 0
	assert_equal "$(field vgs -o vg_extent_size,max_pv,max_lv,vg_tags,vg_allocation_policy,vg_mda_copies,vg_attr --units b --separator : vg1)" \
		"2097152:4:10:t1,t2:contiguous:1:wz--c-"
	text=$(mda_text "$IMG0")
	[[ "$text" == *'extent_size = 4096'* ]]
	[[ "$text" == *'max_lv = 10'* ]]
	[[ "$text" == *'max_pv = 4'* ]]
	[[ "$text" == *'metadata_copies = 1'* ]]
	[[ "$text" == *'tags = ["t2", "t1"]'* ]]
	[[ "$text" == *'allocation_policy = "contiguous"'* ]]
}

@test "vgcreate: bad names are bad command lines" {
	new_pvs 1
	h=$(md_hash)
	for name in 'a@b' '-lead' '.' '..' 'with space' 'x/y' ''; do
		run olvm vgcreate "$name" "$IMG0"
		[ "$status" -ne 0 ] || { echo "accepted '$name'"; return 1; }
	done
	run olvm vgcreate 'a@b' "$IMG0"
	assert_status 3
	assert_equal "$(md_hash)" "$h"
}

@test "vgcreate: existing name refused, disks unchanged" {
	new_pvs 2
	olvm vgcreate vg0 "$IMG0"
	h=$(md_hash)
	run olvm vgcreate vg0 "$IMG1"
	assert_status 5
	assert_output_contains "A volume group called vg0 already exists."
	assert_equal "$(md_hash)" "$h"
}

@test "vgcreate: a PV already in another VG is refused" {
	new_pvs 2
	olvm vgcreate vg0 "$IMG0"
	h=$(md_hash)
	run olvm vgcreate vg1 "$IMG0" "$IMG1"
	assert_status 5
	assert_equal "$(md_hash)" "$h"
}

@test "vgcreate: a PV too small for one extent is refused" {
	setup_images 1 2M
	olvm pvcreate "$IMG0"
	h=$(md_hash)
	run olvm vgcreate -s 4m vg0 "$IMG0"
	assert_status 5
	assert_equal "$(md_hash)" "$h"
}

@test "vgcreate: bad extent size refused" {
	new_pvs 1
	h=$(md_hash)
	run olvm vgcreate -s 0 vg0 "$IMG0"
	[ "$status" -ne 0 ]
	run olvm vgcreate -s 3k vg0 "$IMG0"
	[ "$status" -ne 0 ]
	assert_equal "$(md_hash)" "$h"
}

@test "vgcreate: an unlabelled image is initialised as a PV" {
	setup_images 1 32M
	run olvm vgcreate vg0 "$IMG0"
	assert_status 0
	assert_equal "$(read_str "$IMG0" 512 8)" LABELONE
	assert_equal "$(field pvs -o vg_name "$IMG0")" vg0
}

@test "vgcreate: --test writes nothing" {
	new_pvs 1
	h=$(md_hash)
	run olvm vgcreate --test vg0 "$IMG0"
	assert_status 0
	assert_equal "$(md_hash)" "$h"
}

# ---- vgextend / vgreduce -------------------------------------------------

@test "vgextend: adds a PV, seqno and USED flag" {
	new_pvs 2
	olvm vgcreate vg0 "$IMG0"
	assert_equal "$(pv_ext_flags "$IMG1")" 0
	run olvm vgextend vg0 "$IMG1"
	assert_status 0
	assert_output_contains 'Volume group "vg0" successfully extended'
	assert_equal "$(field vgs -o pv_count,vg_seqno,vg_extent_count --separator : vg0)" "2:2:14"
	assert_equal "$(pv_ext_flags "$IMG1")" 1
	assert_equal "$(mda_text "$IMG0")" "$(mda_text "$IMG1")"
}

@test "vgextend: a PV of another VG is refused" {
	new_pvs 2
	olvm vgcreate vg0 "$IMG0"
	olvm vgcreate vg1 "$IMG1"
	h=$(md_hash)
	run olvm vgextend vg0 "$IMG1"
	assert_status 5
	assert_equal "$(md_hash)" "$h"
}

@test "vgextend: unknown VG fails" {
	new_pvs 1
	run olvm vgextend nosuchvg "$IMG0"
	assert_status 5
}

@test "vgreduce: removes a PV and clears its USED flag" {
	new_pvs 2
	olvm vgcreate vg0 "$IMG0" "$IMG1"
	run olvm vgreduce vg0 "$IMG1"
	assert_status 0
	assert_output_contains "Removed \"$IMG1\" from volume group \"vg0\""
	assert_equal "$(field vgs -o pv_count,vg_seqno --separator : vg0)" "1:2"
	assert_equal "$(field pvs -o vg_name "$IMG1")" ""
	assert_equal "$(pv_ext_flags "$IMG1")" 0
}

@test "vgreduce: the last PV cannot be removed" {
	new_pvs 1
	olvm vgcreate vg0 "$IMG0"
	h=$(md_hash)
	run olvm vgreduce vg0 "$IMG0"
	assert_status 5
	assert_equal "$(md_hash)" "$h"
}

@test "vgreduce -a: removes every empty PV but one" {
	new_pvs 3
	olvm vgcreate vg0 "$IMG0" "$IMG1" "$IMG2"
	run olvm vgreduce -a vg0
	assert_status 0
	assert_equal "$(field vgs -o pv_count vg0)" 1
	assert_equal "$(field pvs -o vg_name | grep -c vg0)" 1
}

# ---- vgremove ------------------------------------------------------------

@test "vgremove: removes the VG and clears USED" {
	new_pvs 2
	olvm vgcreate vg0 "$IMG0" "$IMG1"
	run olvm vgremove vg0
	assert_status 0
	assert_output_contains 'Volume group "vg0" successfully removed'
	assert_equal "$(pv_ext_flags "$IMG0")" 0
	assert_equal "$(pv_ext_flags "$IMG1")" 0
	run olvm vgs vg0
	assert_status 5
	# The PVs survive as orphans with their labels.
	assert_equal "$(read_str "$IMG0" 512 8)" LABELONE
	assert_equal "$(field pvs -o pv_name | wc -l)" 2
}

@test "vgremove -f: unknown VG fails with 5" {
	new_pvs 1
	run olvm vgremove -f nosuchvg
	assert_status 5
}

# ---- vgrename ------------------------------------------------------------

@test "vgrename: by name" {
	new_pvs 1
	olvm vgcreate vg0 "$IMG0"
	run olvm vgrename vg0 vgnew
	assert_status 0
	assert_output_contains 'Volume group "vg0" successfully renamed to "vgnew"'
	assert_equal "$(field vgs -o vg_name,vg_seqno --separator :)" "vgnew:2"
	[[ "$(mda_text "$IMG0")" == vgnew\ \{* ]]
}

@test "vgrename: by UUID" {
	new_pvs 1
	olvm vgcreate vg0 "$IMG0"
	u=$(field vgs -o vg_uuid vg0)
	run olvm vgrename "$u" vgnew
	assert_status 0
	assert_equal "$(field vgs -o vg_name,vg_uuid --separator :)" "vgnew:$u"
}

@test "vgrename: to an existing name or a bad name is refused" {
	new_pvs 2
	olvm vgcreate vg0 "$IMG0"
	olvm vgcreate vg1 "$IMG1"
	h=$(md_hash)
	run olvm vgrename vg0 vg1
	assert_status 5
	run olvm vgrename vg0 'bad@name'
	[ "$status" -ne 0 ]
	assert_equal "$(md_hash)" "$h"
}

# ---- vgchange ------------------------------------------------------------

@test "vgchange: -x n/y toggles resizeable" {
	new_pvs 2
	olvm vgcreate vg0 "$IMG0"
	run olvm vgchange -x n vg0
	assert_status 0
	assert_output_contains 'Volume group "vg0" successfully changed'
	assert_equal "$(field vgs -o vg_attr vg0)" "w---n-"
	h=$(md_hash)
	run olvm vgextend vg0 "$IMG1"
	assert_status 5
	assert_equal "$(md_hash)" "$h"
	run olvm vgchange -x y vg0
	assert_status 0
	assert_equal "$(field vgs -o vg_attr vg0)" "wz--n-"
}

@test "vgchange: --addtag --deltag -l -p --alloc" {
	new_pvs 1
	olvm vgcreate --addtag t1 vg0 "$IMG0"
	run olvm vgchange --addtag t3 --deltag t1 vg0
	assert_status 0
	run olvm vgchange -l 20 vg0
	assert_status 0
	run olvm vgchange -p 8 vg0
	assert_status 0
	run olvm vgchange --alloc cling vg0
	assert_status 0
	assert_equal "$(field vgs -o vg_tags,max_lv,max_pv,vg_allocation_policy,vg_seqno --separator : vg0)" \
		"t3:20:8:cling:5"
}

@test "vgchange: -u gives a new VG UUID" {
	new_pvs 1
	olvm vgcreate vg0 "$IMG0"
	old=$(field vgs -o vg_uuid vg0)
	run olvm vgchange -u vg0
	assert_status 0
	new=$(field vgs -o vg_uuid vg0)
	[ -n "$new" ] && [ "$new" != "$old" ]
	assert_equal "$(field pvs -o vg_uuid "$IMG0")" "$new"
}

@test "vgchange: -p below the PV count is refused" {
	new_pvs 2
	olvm vgcreate vg0 "$IMG0" "$IMG1"
	h=$(md_hash)
	run olvm vgchange -p 1 vg0
	assert_status 5
	assert_equal "$(md_hash)" "$h"
}

@test "vgchange: a bad --alloc is refused" {
	new_pvs 1
	olvm vgcreate vg0 "$IMG0"
	h=$(md_hash)
	run olvm vgchange --alloc sideways vg0
	[ "$status" -ne 0 ]
	assert_equal "$(md_hash)" "$h"
}

# ---- vgscan / vgs --------------------------------------------------------

@test "vgscan: finds every VG" {
	new_pvs 2
	olvm vgcreate vg0 "$IMG0"
	olvm vgcreate vg1 "$IMG1"
	run olvm vgscan
	assert_status 0
	assert_output_contains 'Found volume group "vg0" using metadata type lvm2'
	assert_output_contains 'Found volume group "vg1" using metadata type lvm2'
}

@test "vgs: default columns, sorted by name" {
	new_pvs 2
	olvm vgcreate vgb "$IMG0"
	olvm vgcreate vga "$IMG1"
	run olvm vgs
	assert_status 0
	[[ "${lines[0]}" =~ ^\ +VG\ +#PV\ +#LV\ +#SN\ +Attr\ +VSize\ +VFree ]]
	[[ "${lines[1]}" =~ ^\ +vga\ +1\ +0\ +0\ +wz--n-\ +28.00m\ +28.00m ]]
	[[ "${lines[2]}" =~ ^\ +vgb ]]
}

@test "vgs: --reportformat json --units b" {
	new_pvs 1
	olvm vgcreate vg0 "$IMG0"
	run olvm vgs --reportformat json --units b --nosuffix -o vg_name,vg_size,vg_free vg0
	assert_status 0
	assert_output_contains '"vg_name":"vg0"'
	assert_output_contains '"vg_size":"29360128"'
}

@test "vgs: unknown VG fails with 5" {
	new_pvs 1
	run olvm vgs nosuchvg
	assert_status 5
	assert_output_contains 'Volume group "nosuchvg" not found'
}

# ---- on loop devices (root) ---------------------------------------------

@test "loop: vgcreate / vgextend / vgremove on loop devices" {
	setup_loops 2 32M
	olvm pvcreate "$LOOP0" "$LOOP1"
	run olvm vgcreate vgl "$LOOP0"
	assert_status 0
	run olvm vgextend vgl "$LOOP1"
	assert_status 0
	assert_equal "$(field vgs -o pv_count vgl)" 2
	assert_equal "$(pv_ext_flags "$LOOP1")" 1
	run olvm vgremove vgl
	assert_status 0
	assert_equal "$(pv_ext_flags "$LOOP0")" 0
}

# ---- -S on the commands that change VGs -----------------------------------

@test "vgchange -S: only the VGs selected change; none selected is no error" {
	new_pvs 3
	olvm vgcreate vga "$IMG0" >/dev/null
	olvm vgcreate vgb "$IMG1" >/dev/null
	olvm vgcreate vgc "$IMG2" >/dev/null
	olvm lvcreate -an -Zn -l 1 -n lx vgb >/dev/null 2>&1
	run olvm vgchange -S vg_name=none --addtag t1
	assert_status 0
	assert_equal "$output" ""
	run olvm vgchange -S vg_name=vga --addtag t2
	assert_status 0
	assert_output_contains 'Volume group "vga" successfully changed'
	# An LV field selects the VGs with a matching LV.
	run olvm vgchange -S lv_name=lx --addtag t3
	assert_status 0
	# Named VGs: only those the selection also picks.
	run olvm vgchange -S vg_name=vga --addtag t4 vgb vgc
	assert_status 0
	assert_equal "$(field vgs -o vg_name,vg_tags --separator :)" "vga:t2
vgb:t3
vgc:"
	run olvm vgchange -S vg_nosuch=1 --addtag t5
	assert_status 5
	assert_output_contains "Unrecognised selection field: vg_nosuch"
	assert_equal "$(field vgs -o vg_tags --separator : vgc)" ""
}

@test "vgremove -S: removes the VGs selected, and needs a VG or -S" {
	new_pvs 2
	olvm vgcreate vga "$IMG0" >/dev/null
	olvm vgcreate vgb "$IMG1" >/dev/null
	olvm vgchange --addtag gone vgb >/dev/null
	run olvm vgremove
	assert_status 3
	run olvm vgremove -S vg_name=none
	assert_status 0
	run olvm vgremove -S vg_tags=gone
	assert_status 0
	assert_output_contains 'Volume group "vgb" successfully removed'
	assert_equal "$(field vgs -o vg_name)" "vga"
}
