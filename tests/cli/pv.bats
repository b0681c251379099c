#!/usr/bin/env bats
# PV commands on image files: pvcreate, pvremove, pvchange, pvresize,
# pvscan, pvs.  On-disk checks follow shared/docs/ondisk-format.md.

load helpers

UUID_RE='^[A-Za-z0-9]{6}(-[A-Za-z0-9]{4}){5}-[A-Za-z0-9]{6}$'

# ---- pvcreate ------------------------------------------------------------

@test "pvcreate: default layout on disk (label sector 1, mda at 4 KiB, pe_start 1 MiB)" {
	setup_images 1 32M
	run olvm pvcreate "$IMG0"
	assert_status 0
	assert_output_contains "Physical volume \"$IMG0\" successfully created."
	assert_equal "$(read_str "$IMG0" 512 8)" "LABELONE"
	assert_equal "$(read_u64le "$IMG0" 520)" 1		# sector_xl
	assert_equal "$(read_u32le "$IMG0" 532)" 32		# offset_xl
	assert_equal "$(read_str "$IMG0" 536 8)" "LVM2 001"
	assert_equal "$(read_u64le "$IMG0" 576)" 33554432	# device size
	assert_equal "$(read_u64le "$IMG0" 584)" 1048576	# data area offset
	assert_equal "$(read_u64le "$IMG0" 592)" 0		# data area size: to the end
	assert_equal "$(read_u64le "$IMG0" 616)" 4096		# mda offset
	assert_equal "$(read_u64le "$IMG0" 624)" 1044480	# mda size
	assert_equal "$(read_u32le "$IMG0" 648)" 2		# pv_header_extension version
	assert_equal "$(read_u32le "$IMG0" 652)" 0		# flags: not USED
	assert_equal "$(read_str "$IMG0" 4100 16)" " LVM2 x[5A%r0N*>"
	assert_equal "$(read_u32le "$IMG0" 4116)" 1
	assert_equal "$(read_u64le "$IMG0" 4120)" 4096
	assert_equal "$(read_u64le "$IMG0" 4128)" 1044480
	# An empty mda header has the well-known CRC of the g-plain-pv fixture.
	assert_equal "$(od -An -t x4 --endian=little -j 4096 -N 4 "$IMG0" | tr -d ' ')" db8ed616
	# Nothing in sector 0 (LVM2 leaves it for boot loaders).
	assert_equal "$(dd if="$IMG0" bs=512 count=1 status=none | tr -d '\0' | wc -c)" 0
}

@test "pvcreate: pvs reports the new PV" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	run field pvs -o pv_name,vg_name,pv_size,pe_start,pv_mda_count,pv_mda_size,pv_ext_vsn --units b --separator : "$IMG0"
	assert_status 0
	assert_equal "$output" "$IMG0::33554432:1048576:1:1044480:2"
	run field pvs -o pv_uuid "$IMG0"
	[[ "$output" =~ $UUID_RE ]]
}

@test "pvcreate: --metadatasize 2m --pvmetadatacopies 2" {
	setup_images 1 32M
	run olvm pvcreate --metadatasize 2m --pvmetadatacopies 2 "$IMG0"
	assert_status 0
	run field pvs -o pe_start,pv_mda_count,pv_mda_size,pv_mda_free --units b --separator : "$IMG0"
	assert_equal "$output" "3145728:2:2097152:1047552"
	# Second mda at the end of the device: its locator follows the first.
	assert_equal "$(read_u64le "$IMG0" 616)" 4096
	assert_equal "$(read_u64le "$IMG0" 632)" $((33554432 - 2097152))
	assert_equal "$(read_str "$IMG0" $((33554432 - 2097152 + 4)) 16)" " LVM2 x[5A%r0N*>"
}

@test "pvcreate: --pvmetadatacopies 0 writes no mda" {
	setup_images 1 32M
	run olvm pvcreate --pvmetadatacopies 0 "$IMG0"
	assert_status 0
	run field pvs -o pe_start,pv_mda_count --units b --separator : "$IMG0"
	assert_equal "$output" "1048576:0"
	# The mda list is empty: terminator straight after the data area.
	assert_equal "$(read_u64le "$IMG0" 616)" 0
	assert_equal "$(read_u64le "$IMG0" 624)" 0
	assert_equal "$(dd if="$IMG0" bs=4096 skip=1 count=1 status=none | tr -d '\0' | wc -c)" 0
}

@test "pvcreate: --pvmetadatacopies 1 is the default layout" {
	setup_images 2 32M
	olvm pvcreate --pvmetadatacopies 1 "$IMG0"
	olvm pvcreate "$IMG1"
	assert_equal "$(field pvs -o pe_start,pv_mda_count,pv_mda_size --units b "$IMG0")" \
		"$(field pvs -o pe_start,pv_mda_count,pv_mda_size --units b "$IMG1")"
}

@test "pvcreate: --pvmetadatacopies 3 is a bad command line" {
	setup_images 1 32M
	h=$(md_hash)
	run olvm pvcreate --pvmetadatacopies 3 "$IMG0"
	assert_status 3
	assert_equal "$(md_hash)" "$h"
}

@test "pvcreate: --dataalignment 64k --dataalignmentoffset 4k" {
	setup_images 1 32M
	run olvm pvcreate --dataalignment 64k --dataalignmentoffset 4k "$IMG0"
	assert_status 0
	# LVM2 2.03.16 gives pe_start 1052672 and a 1 MiB mda here.
	assert_equal "$(field pvs -o pe_start,pv_mda_size --units b --separator : "$IMG0")" "1052672:1048576"
}

@test "pvcreate: --dataalignment 4k --metadatasize 32k (fixture e geometry)" {
	setup_images 1 16M
	run olvm pvcreate --dataalignment 4k --metadatasize 32k "$IMG0"
	assert_status 0
	assert_equal "$(field pvs -o pe_start --units b "$IMG0")" 36864
	assert_equal "$(read_u64le "$IMG0" 624)" 32768
}

@test "pvcreate: --labelsector 2 puts the label at byte 1024" {
	setup_images 1 32M
	run olvm pvcreate --labelsector 2 "$IMG0"
	assert_status 0
	assert_equal "$(read_str "$IMG0" 1024 8)" "LABELONE"
	assert_equal "$(read_u64le "$IMG0" 1032)" 2
	assert_equal "$(read_str "$IMG0" 512 8 | tr -d '\0')" ""
	run field pvs -o pv_name "$IMG0"
	assert_equal "$output" "$IMG0"
}

@test "pvcreate: -u with --norestorefile sets the UUID" {
	setup_images 1 32M
	u=aaaaaa-bbbb-cccc-dddd-eeee-ffff-gggggg
	run olvm pvcreate -u "$u" --norestorefile "$IMG0"
	assert_status 0
	assert_equal "$(field pvs -o pv_uuid "$IMG0")" "$u"
	# On disk the UUID is stored without hyphens.
	assert_equal "$(read_str "$IMG0" 544 32)" "${u//-/}"
}

# Sectors 0..3 holding 0xab, the rest of the image untouched.
fill_label_sectors() {
	head -c 2048 /dev/zero | tr '\0' '\253' | dd of="$1" conv=notrunc status=none
}

# Bytes of sector $2 of image $1 that are not $3 (two hex digits).
count_other_bytes() {
	dd if="$1" bs=512 skip="$2" count=1 status=none | od -An -v -tx1 |
		tr -s ' ' '\n' | grep -v -e '^$' -e "^$3\$" | wc -l
}

@test "pvcreate: -Z y (the default) wipes sectors 0-3, even with --uuid (as LVM2 2.03)" {
	setup_images 2 32M
	fill_label_sectors "$IMG0"
	fill_label_sectors "$IMG1"
	run olvm pvcreate "$IMG0"
	assert_status 0
	run olvm pvcreate -u aaaaaa-bbbb-cccc-dddd-eeee-ffff-gggggg --norestorefile "$IMG1"
	assert_status 0
	for img in "$IMG0" "$IMG1"; do
		assert_equal "$(count_other_bytes "$img" 0 00)" 0
		assert_equal "$(read_str "$img" 512 8)" "LABELONE"
		assert_equal "$(count_other_bytes "$img" 2 00)" 0
		assert_equal "$(count_other_bytes "$img" 3 00)" 0
	done
}

@test "pvcreate: -Z n leaves sectors 0, 2 and 3 alone" {
	setup_images 1 32M
	fill_label_sectors "$IMG0"
	run olvm pvcreate -Z n "$IMG0"
	assert_status 0
	assert_equal "$(count_other_bytes "$IMG0" 0 ab)" 0
	assert_equal "$(read_str "$IMG0" 512 8)" "LABELONE"
	# The label sector is written whole: at most a few of its bytes (a
	# UUID or checksum byte) may happen to equal the fill.
	[ "$(count_other_bytes "$IMG0" 1 ab)" -ge 500 ]
	assert_equal "$(count_other_bytes "$IMG0" 2 ab)" 0
	assert_equal "$(count_other_bytes "$IMG0" 3 ab)" 0
	assert_equal "$(field pvs -o pv_name "$IMG0")" "$IMG0"
}

@test "pvcreate: -Z n still erases an old label in another sector" {
	setup_images 1 32M
	olvm pvcreate --labelsector 0 "$IMG0"
	assert_equal "$(read_str "$IMG0" 0 8)" "LABELONE"
	run olvm pvcreate -y -Z n "$IMG0"
	assert_status 0
	assert_equal "$(count_other_bytes "$IMG0" 0 00)" 0
	assert_equal "$(read_str "$IMG0" 512 8)" "LABELONE"
}

@test "pvcreate: -u without --restorefile or --norestorefile is refused" {
	setup_images 1 32M
	h=$(md_hash)
	run olvm pvcreate -u aaaaaa-bbbb-cccc-dddd-eeee-ffff-gggggg "$IMG0"
	assert_status 3
	assert_output_contains "--restorefile is required with --uuid"
	assert_equal "$(md_hash)" "$h"
}

@test "pvcreate: a UUID already in use is refused" {
	setup_images 2 32M
	u=aaaaaa-bbbb-cccc-dddd-eeee-ffff-gggggg
	olvm pvcreate -u "$u" --norestorefile "$IMG0"
	h=$(md_hash)
	run olvm pvcreate -u "$u" --norestorefile "$IMG1"
	assert_status 5
	assert_equal "$(md_hash)" "$h"
}

@test "pvcreate: refuses a VG member without -ff and leaves disks unchanged" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	olvm vgcreate vg0 "$IMG0"
	h=$(md_hash)
	run olvm pvcreate "$IMG0"
	assert_status 5
	assert_output_contains "Can't initialize physical volume \"$IMG0\" of volume group \"vg0\" without -ff"
	assert_equal "$(md_hash)" "$h"
	run olvm pvcreate -ff "$IMG0" </dev/null
	assert_status 5
	assert_equal "$(md_hash)" "$h"
}

@test "pvcreate: -ff -y re-initialises a VG member" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	olvm vgcreate vg0 "$IMG0"
	run olvm pvcreate -ff -y "$IMG0"
	assert_status 0
	assert_output_contains "WARNING: Forcing physical volume creation on $IMG0 of volume group \"vg0\""
	assert_equal "$(field pvs -o vg_name "$IMG0")" ""
	assert_equal "$(read_u32le "$IMG0" 652)" 0
	run olvm vgs vg0
	assert_status 5
}

@test "pvcreate: ext4 signature refused without -y, wiped with -y" {
	command -v mkfs.ext4 >/dev/null || skip "mkfs.ext4 not installed (e2fsprogs)"
	setup_images 1 32M
	mkfs.ext4 -q -F "$IMG0"
	h=$(md_hash)
	run olvm pvcreate "$IMG0" </dev/null
	assert_status 5
	assert_output_contains "ext4 signature detected on $IMG0 at offset 1080"
	assert_equal "$(md_hash)" "$h"
	run olvm pvcreate -y "$IMG0"
	assert_status 0
	assert_output_contains "Wiping ext4 signature on $IMG0."
	# The ext4 magic 0xEF53 at 1080 is gone.
	assert_equal "$(od -An -t x2 --endian=little -j 1080 -N 2 "$IMG0" | tr -d ' ')" 0000
	if command -v blkid >/dev/null; then
		assert_equal "$(blkid -o value -s TYPE "$IMG0")" LVM2_member
	fi
}

@test "pvcreate: --test writes nothing" {
	setup_images 1 32M
	h=$(md_hash)
	run olvm pvcreate --test "$IMG0"
	assert_status 0
	assert_equal "$(md_hash)" "$h"
}

@test "pvcreate: missing device fails with 5, no argument is 3" {
	setup_images 1 32M
	run olvm pvcreate "$T/nonexistent.img"
	assert_status 5
	run olvm pvcreate
	assert_status 3
}

@test "pvcreate: several devices at once" {
	setup_images 3 16M
	run olvm pvcreate "$IMG0" "$IMG1" "$IMG2"
	assert_status 0
	assert_equal "$(field pvs -o pv_name | wc -l)" 3
}

# ---- pvremove ------------------------------------------------------------

@test "pvremove: wipes the label" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	run olvm pvremove "$IMG0"
	assert_status 0
	assert_output_contains "Labels on physical volume \"$IMG0\" successfully wiped."
	assert_equal "$(read_str "$IMG0" 512 8 | tr -d '\0')" ""
	run field pvs -o pv_name
	assert_equal "$output" ""
}

@test "pvremove: refuses a VG member without -ff, leaving disks unchanged" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	olvm vgcreate vg0 "$IMG0"
	h=$(md_hash)
	run olvm pvremove "$IMG0"
	assert_status 5
	assert_output_contains "vg0"
	assert_equal "$(md_hash)" "$h"
	run olvm pvremove -ff -y "$IMG0"
	assert_status 0
	assert_equal "$(read_str "$IMG0" 512 8 | tr -d '\0')" ""
}

@test "pvremove: a device that is not a PV fails with 5" {
	setup_images 1 32M
	h=$(md_hash)
	run olvm pvremove "$IMG0"
	assert_status 5
	assert_equal "$(md_hash)" "$h"
}

# ---- pvchange ------------------------------------------------------------

@test "pvchange: -x n / -x y toggles allocatable" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	olvm vgcreate vg0 "$IMG0"
	run olvm pvchange -x n "$IMG0"
	assert_status 0
	assert_output_contains "Physical volume \"$IMG0\" changed"
	assert_equal "$(field pvs -o pv_attr "$IMG0")" "u--"
	seq1=$(field vgs -o vg_seqno vg0)
	run olvm pvchange -x y "$IMG0"
	assert_status 0
	assert_equal "$(field pvs -o pv_attr "$IMG0")" "a--"
	assert_equal "$(field vgs -o vg_seqno vg0)" $((seq1 + 1))
}

@test "pvchange: --addtag/--deltag" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	olvm vgcreate vg0 "$IMG0"
	run olvm pvchange --addtag pvtag1 --addtag 'pv.tag/2' "$IMG0"
	assert_status 0
	assert_equal "$(field pvs -o pv_tags "$IMG0")" "pv.tag/2,pvtag1"
	run olvm pvchange --deltag pvtag1 "$IMG0"
	assert_status 0
	assert_equal "$(field pvs -o pv_tags "$IMG0")" "pv.tag/2"
	grep -q 'tags = \["pv.tag/2"\]' "$T"/backup/vg0
}

@test "pvchange: a bad tag is refused and nothing is written" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	olvm vgcreate vg0 "$IMG0"
	h=$(md_hash)
	run olvm pvchange --addtag 'bad tag@' "$IMG0"
	[ "$status" -ne 0 ]
	assert_equal "$(md_hash)" "$h"
}

@test "pvchange: -u gives a new UUID, the VG still reads" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	olvm vgcreate vg0 "$IMG0"
	old=$(field pvs -o pv_uuid "$IMG0")
	run olvm pvchange -u "$IMG0"
	assert_status 0
	new=$(field pvs -o pv_uuid "$IMG0")
	[[ "$new" =~ $UUID_RE ]]
	[ "$new" != "$old" ]
	assert_equal "$(field pvs -o vg_name "$IMG0")" vg0
	assert_equal "$(read_str "$IMG0" 544 32)" "${new//-/}"
}

@test "pvchange: without a change option is a bad command line" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	run olvm pvchange "$IMG0"
	assert_status 3
}

# ---- pvresize ------------------------------------------------------------

@test "pvresize: grows an orphan PV to the file size" {
	setup_images 1 16M
	olvm pvcreate "$IMG0"
	truncate -s 32M "$IMG0"
	run olvm pvresize "$IMG0"
	assert_status 0
	assert_equal "$(read_u64le "$IMG0" 576)" 33554432
	assert_equal "$(field pvs -o pv_size --units b "$IMG0")" 33554432
}

@test "pvresize: grows a VG member, adding extents" {
	setup_images 1 16M
	olvm pvcreate "$IMG0"
	olvm vgcreate vg0 "$IMG0"
	assert_equal "$(field pvs -o pv_pe_count "$IMG0")" 3
	truncate -s 32M "$IMG0"
	run olvm pvresize "$IMG0"
	assert_status 0
	assert_equal "$(field pvs -o pv_pe_count "$IMG0")" 7
	assert_equal "$(field vgs -o vg_extent_count vg0)" 7
}

@test "pvresize: --setphysicalvolumesize shrinks (with -y)" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	olvm vgcreate vg0 "$IMG0"
	run olvm pvresize -y --setphysicalvolumesize 16m "$IMG0"
	assert_status 0
	assert_equal "$(field pvs -o pv_pe_count "$IMG0")" 3
	assert_equal "$(field pvs -o dev_size --units b "$IMG0")" 33554432
}

# ---- pvscan / pvs --------------------------------------------------------

@test "pvscan lists PVs and a total" {
	setup_images 2 32M
	olvm pvcreate "$IMG0" "$IMG1"
	olvm vgcreate vg0 "$IMG0"
	run olvm pvscan
	assert_status 0
	assert_output_contains "PV $IMG0"
	assert_output_contains "VG vg0"
	assert_output_contains "Total: 2"
}

@test "pvs: default columns and headings" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	run olvm pvs
	assert_status 0
	[[ "${lines[0]}" =~ ^\ +PV\ +VG\ +Fmt\ +Attr\ +PSize\ +PFree ]]
	[[ "${lines[1]}" =~ ^\ +$IMG0\ +lvm2\ +---\ +32.00m\ +32.00m ]]
}

@test "pvs: --noheadings --nosuffix --units --separator" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	run olvm pvs --noheadings --nosuffix --units k --separator , -o pv_name,pv_size,pv_free "$IMG0"
	assert_status 0
	assert_equal "$output" "  $IMG0,32768.00,32768.00"
	run olvm pvs --noheadings --units s -o pv_size "$IMG0"
	assert_equal "$(echo $output)" "65536S"
	run olvm pvs --noheadings --units m -o pe_start "$IMG0"
	assert_equal "$(echo $output)" "1.00m"
}

@test "pvs: -o +field and -o -field" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	run olvm pvs -o +pv_uuid "$IMG0"
	assert_output_contains "PV UUID"
	run olvm pvs -o -pv_free "$IMG0"
	assert_output_not_contains "PFree"
}

@test "pvs: --reportformat json" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	run olvm pvs --reportformat json --units b --nosuffix -o pv_name,pv_size,pe_start "$IMG0"
	assert_status 0
	if command -v python3 >/dev/null; then
		echo "$output" | python3 -c '
import json, sys
d = json.load(sys.stdin)
pv = d["report"][0]["pv"][0]
assert pv["pv_size"] == "33554432", pv
assert pv["pe_start"] == "1048576", pv
assert pv["pv_name"] == sys.argv[1], pv' "$IMG0"
	else
		assert_output_contains '"pv_size":"33554432"'
	fi
}

@test "pvs: unknown field fails, unknown device fails" {
	setup_images 1 32M
	olvm pvcreate "$IMG0"
	run olvm pvs -o no_such_field
	[ "$status" -ne 0 ]
	run olvm pvs "$T/nothere"
	assert_status 5
}

# ---- on loop devices (root) ---------------------------------------------

@test "loop: pvcreate / pvs / pvremove on a loop device" {
	setup_loops 1 32M
	run olvm pvcreate "$LOOP0"
	assert_status 0
	assert_equal "$(read_str "$LOOP0" 512 8)" "LABELONE"
	assert_equal "$(field pvs -o pv_name,pe_start --units b --separator : "$LOOP0")" "$LOOP0:1048576"
	run olvm pvremove "$LOOP0"
	assert_status 0
	assert_equal "$(read_str "$LOOP0" 512 8 | tr -d '\0')" ""
}

@test "pvs, vgs and lvs warn about an unused PV that reappeared (as LVM2)" {
	setup_images 2 16M
	olvm vgcreate -s 1M vg "$IMG0" "$IMG1" >/dev/null
	olvm lvcreate -an -Zn -l 2 -n a vg "$IMG0" >/dev/null 2>&1
	id=$(olvm pvs --noheadings -o pv_uuid "$IMG1" | tr -d ' ')
	mv "$IMG1" "$T/away.img"
	olvm lvremove -f vg/a >/dev/null 2>&1	# writes IMG1 as MISSING
	mv "$T/away.img" "$IMG1"
	for c in pvs vgs lvs "pvs $IMG1"; do
		run olvm $c
		assert_status 0
		[ "$(grep -c "WARNING: VG vg has unused reappeared PV $IMG1 $id\." <<<"$output")" = 1 ] ||
			{ echo "$c: $output"; return 1; }
	done
	run olvm pvs --noheadings -o pv_attr "$IMG1"
	assert_equal "$(tr -d ' ' <<<"${lines[-1]}")" "a--"
}

@test "pvscan --activate and vgscan --mknodes: not implemented, and say what to use" {
	run olvm pvscan -aay
	assert_status 5
	assert_output_contains "pvscan --activate is not implemented in openlvm; use vgchange -aay."
	run olvm vgscan --mknodes
	assert_status 5
	assert_output_contains "vgscan --mknodes is not implemented in openlvm; use vgmknodes."
}
