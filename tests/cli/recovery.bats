#!/usr/bin/env bats
# Metadata recovery: pvck --dump metadata_all|metadata_search, pvck --repair,
# pvcreate --uuid --restorefile + vgcfgrestore, missing PVs.

load helpers

# A VG "vg" on two 16 MiB images with three LVs: seqnos 1..4 on each PV.
make_vg() {
	setup_images 2 16M
	olvm vgcreate vg "$IMG0" "$IMG1" >/dev/null
	for i in 1 2 3; do
		olvm lvcreate -an -Zn -L 4M -n "lv$i" vg >/dev/null 2>&1
	done
}

# Damage helpers: one byte in the label sector (CRC), the mda header magic.
damage_label() { printf 'Z' | dd of="$1" bs=1 seek=600 conv=notrunc status=none; }
damage_mda_header() { printf 'XXXX' | dd of="$1" bs=1 seek=4100 conv=notrunc status=none; }

vg_is_sound() {
	run olvm vgs --noheadings -o vg_name,pv_count,lv_count vg
	[ "$status" -eq 0 ]
	[[ "$output" == *"vg"*" 2 "*" 3"* ]]
	run olvm pvck "$IMG1"
	[ "$status" -eq 0 ]
}

@test "pvck --dump metadata_all lists every copy in offset order" {
	make_vg
	run olvm pvck --dump metadata_all "$IMG1"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 4 ]
	[[ "${lines[0]}" == "  metadata at 4608 length "*" vg vg seqno 1 id "* ]]
	[[ "${lines[3]}" == *" seqno 4 id "* ]]
	# the newest copy's crc is the one in the header
	crc=$(olvm pvck --dump headers "$IMG1" | awk '/raw_locn\[0\].checksum/ {print $2}')
	# headers print 0x%x, metadata_all %08x (both as LVM2 does): compare as numbers
	[[ "${lines[3]}" == *"crc $(printf '%08x' "$crc") "* ]]
}

@test "pvck --dump metadata_all -f writes the texts separated by --" {
	make_vg
	run olvm pvck --dump metadata_all -f "$T/all.txt" "$IMG1"
	[ "$status" -eq 0 ]
	[ "$(grep -c '^--$' "$T/all.txt")" -eq 3 ]
	[ "$(grep -c '^seqno = ' "$T/all.txt")" -eq 4 ]
	olvm pvck --dump metadata -f "$T/one.txt" "$IMG1" >/dev/null
	# the last text of the file is the committed one, byte for byte
	awk 'BEGIN{RS="\n--\n"} {last=$0} END{printf "%s", last}' "$T/all.txt" >"$T/last.txt"
	cmp "$T/one.txt" "$T/last.txt"
}

@test "pvck --dump metadata_search finds copies when the mda header is destroyed" {
	make_vg
	dd if=/dev/zero of="$IMG1" bs=512 seek=8 count=1 conv=notrunc status=none
	run olvm pvck --dump metadata_search "$IMG1"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "  Searching for metadata at offset 4096 size 1044480" ]
	[[ "${lines[4]}" == *" seqno 4 id "* ]]
}

@test "pvck --repair without -y and no terminal refuses and writes nothing" {
	make_vg
	damage_mda_header "$IMG1"
	h=$(md_hash)
	run olvm pvck --repair "$IMG1" </dev/null
	[ "$status" -eq 5 ]
	[ "$h" = "$(md_hash)" ]
	run olvm pvck --repair -y --test "$IMG1"
	[ "$status" -eq 0 ]
	[ "$h" = "$(md_hash)" ]
}

@test "pvck --repair rewrites a damaged mda header from the newest copy" {
	make_vg
	damage_mda_header "$IMG1"
	run olvm pvck "$IMG1"
	[ "$status" -eq 5 ]
	run olvm pvck --repair -y "$IMG1"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Using metadata at 8704 seqno 4 of VG vg"* ]]
	[[ "$output" == *"Writing mda_header at 4096 mda1"* ]]
	vg_is_sound
}

@test "pvck --repair rewrites a label with a bad CRC" {
	make_vg
	damage_label "$IMG1"
	run olvm pvck "$IMG1"
	[ "$status" -eq 5 ]
	run olvm pvck --repair -y "$IMG1"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Writing label_header.crc"* ]]
	vg_is_sound
}

@test "pvck --repair rewrites both label and mda header" {
	make_vg
	uuid=$(olvm pvs --noheadings -o pv_uuid "$IMG1" | tr -d ' -')
	damage_label "$IMG1"
	damage_mda_header "$IMG1"
	run olvm pvck --repair -y "$IMG1"
	[ "$status" -eq 0 ]
	[[ "$output" == *"pv_header uuid $uuid device_size 16777216"* ]]
	vg_is_sound
}

@test "pvck --repair -f FILE uses the given metadata" {
	make_vg
	olvm pvck --dump metadata -f "$T/md.txt" "$IMG0" >/dev/null
	damage_label "$IMG1"
	dd if=/dev/zero of="$IMG1" bs=4096 seek=1 count=255 conv=notrunc status=none
	run olvm pvck --repair -y -f "$T/md.txt" "$IMG1"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Writing metadata at 4608 length "* ]]
	vg_is_sound
}

@test "pvck --repair refuses when no copy of the metadata is found" {
	make_vg
	damage_label "$IMG1"
	dd if=/dev/zero of="$IMG1" bs=4096 seek=1 count=255 conv=notrunc status=none
	h=$(md_hash)
	run olvm pvck --repair -y "$IMG1"
	[ "$status" -eq 5 ]
	[[ "$output" == *"No metadata found on $IMG1 to repair from"* ]]
	[ "$h" = "$(md_hash)" ]
}

# vg on IMG0 + IMG1; lv "both" spans them, lv "zero" is only on IMG0.
# Then IMG1 disappears (moved away).
make_vg_missing_pv() {
	setup_images 2 16M
	olvm vgcreate -s 1M vg "$IMG0" "$IMG1" >/dev/null
	olvm lvcreate -an -Zn -l 20 -n both vg "$IMG1" "$IMG0" >/dev/null 2>&1
	olvm lvcreate -an -Zn -l 1 -n zero vg "$IMG0" >/dev/null 2>&1
	mv "$IMG1" "$T/away.img"
}

@test "a VG with a missing PV is reported with pv_attr m and vg_attr p" {
	make_vg_missing_pv
	run olvm vgs --noheadings -o vg_attr vg
	[[ "$output" == *"wz-pn-"* ]]
	run olvm lvs --noheadings -o lv_name vg
	[[ "$output" == *both* ]]
}

@test "vgreduce --removemissing refuses while LVs use the missing PV" {
	make_vg_missing_pv
	h=$(md_hash)
	run olvm vgreduce --removemissing vg
	[ "$status" -eq 5 ]
	[[ "$output" == *"WARNING: Partial LV both needs to be repaired or removed."* ]]
	[[ "$output" == *"There are still partial LVs in VG vg."* ]]
	[[ "$output" == *"To remove them unconditionally use: vgreduce --removemissing --force."* ]]
	[[ "$output" != *"Partial LV zero"* ]]
	[ "$h" = "$(md_hash)" ]
}

@test "vgreduce --removemissing --force removes the partial LVs and the PV" {
	make_vg_missing_pv
	run olvm vgreduce --removemissing --force vg
	[ "$status" -eq 0 ]
	[[ "$output" == *"WARNING: Removing partial LV vg/both."* ]]
	[[ "$output" == *'Logical volume "both" successfully removed.'* ]]
	[[ "$output" == *"Wrote out consistent volume group vg."* ]]
	run olvm vgs --noheadings -o pv_count,lv_count,vg_attr vg
	[[ "$output" =~ ^\ *1\ +1\ +wz--n-\ *$ ]] || { echo "$output"; false; }
	run olvm lvs --noheadings -o lv_name vg
	[[ "$output" == *zero* ]]
	[[ "$output" != *both* ]]
}

@test "pvs lists a missing PV as [unknown] with pv_attr a-m" {
	make_vg_missing_pv
	run olvm pvs --noheadings -o pv_name,pv_attr
	[[ "$output" == *"[unknown]"*"a-m"* ]]
}

@test "vgextend --restoremissing refuses a PV that was never missing" {
	setup_images 2 16M
	olvm vgcreate vg "$IMG0" "$IMG1" >/dev/null
	h=$(md_hash)
	run olvm vgextend --restoremissing vg "$IMG1"
	[ "$status" -eq 5 ]
	[[ "$output" == *"No PV has been restored."* ]]
	[ "$h" = "$(md_hash)" ]
}
