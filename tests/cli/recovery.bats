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

# IMG0's current metadata, as LVM2's pvck --dump metadata saves it.
save_md() { olvm pvck --dump metadata -f "$T/md.txt" "$IMG0" >/dev/null; }

@test "pvck --repair without -f is refused, as in LVM2" {
	make_vg
	damage_mda_header "$IMG1"
	h=$(md_hash)
	run olvm pvck --repair -y "$IMG1"
	[ "$status" -eq 3 ]
	[[ "$output" == *"Command does not accept option: --repair."* ]]
	[ "$h" = "$(md_hash)" ]
}

@test "pvck --repair without -y and no terminal refuses and writes nothing" {
	make_vg
	save_md
	damage_mda_header "$IMG1"
	h=$(md_hash)
	run olvm pvck --repair -f "$T/md.txt" "$IMG1" </dev/null
	[ "$status" -eq 5 ]
	[ "$h" = "$(md_hash)" ]
	run olvm pvck --repair -y --test -f "$T/md.txt" "$IMG1"
	[ "$status" -eq 0 ]
	[ "$h" = "$(md_hash)" ]
}

@test "pvck --dump metadata_search --settings metadata_offset saves one copy to repair from" {
	make_vg
	damage_mda_header "$IMG1"
	run olvm pvck "$IMG1"
	[ "$status" -eq 5 ]
	run olvm pvck --dump metadata_search --settings "metadata_offset=8704" -f "$T/one.txt" "$IMG1"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[1]}" == "  metadata at 8704 length "*" seqno 4 id "* ]]
	grep -q "^seqno = 4$" "$T/one.txt"
	[ "$(grep -c '^seqno = ' "$T/one.txt")" -eq 1 ]
	# no copy there: nothing listed, nothing written, as LVM2
	run olvm pvck --dump metadata_search --settings "metadata_offset=8705" "$IMG1"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
	run olvm pvck --repair -y -f "$T/one.txt" "$IMG1"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Writing mda_header at 4096 mda1"* ]]
	vg_is_sound
}

@test "pvck --repair rewrites a label with a bad CRC" {
	make_vg
	save_md
	damage_label "$IMG1"
	run olvm pvck "$IMG1"
	[ "$status" -eq 5 ]
	run olvm pvck --repair -y -f "$T/md.txt" "$IMG1"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Writing label_header.crc"* ]]
	vg_is_sound
}

@test "pvck --repair rewrites both label and mda header" {
	make_vg
	save_md
	uuid=$(olvm pvs --noheadings -o pv_uuid "$IMG1" | tr -d ' -')
	damage_label "$IMG1"
	damage_mda_header "$IMG1"
	run olvm pvck --repair -y -f "$T/md.txt" "$IMG1"
	[ "$status" -eq 0 ]
	[[ "$output" == *"pv_header uuid $uuid device_size 16777216"* ]]
	vg_is_sound
}

@test "pvck --repair -f FILE uses the given metadata" {
	make_vg
	save_md
	damage_label "$IMG1"
	dd if=/dev/zero of="$IMG1" bs=4096 seek=1 count=255 conv=notrunc status=none
	run olvm pvck --repair -y -f "$T/md.txt" "$IMG1"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Writing metadata at 4608 length "* ]]
	vg_is_sound
}

@test "pvck --repair --settings pv_uuid names the PV when the device name changed" {
	make_vg
	save_md
	uuid=$(olvm pvs --noheadings -o pv_uuid "$IMG1" | tr -d ' ')
	damage_label "$IMG1"
	# the metadata knows IMG1 under another name: only pv_uuid can tell
	sed -i "s|$IMG1|/dev/elsewhere|" "$T/md.txt"
	h=$(md_hash)
	run olvm pvck --repair -y -f "$T/md.txt" "$IMG1"
	[ "$status" -eq 5 ]
	[[ "$output" == *"Cannot find PV $IMG1 in the metadata of VG vg"* ]]
	run olvm pvck --repair -y -f "$T/md.txt" --settings "pv_uuid=not-a-uuid" "$IMG1"
	[ "$status" -eq 5 ]
	[[ "$output" == *"Failed to parse UUID from pv_uuid setting."* ]]
	[[ "$output" == *"Invalid setting: pv_uuid"* ]]
	run olvm pvck --repair -y -f "$T/md.txt" --settings "pv_uuid=aaaaaa-bbbb-cccc-dddd-eeee-ffff-gggggg" "$IMG1"
	[ "$status" -eq 5 ]
	[ "$h" = "$(md_hash)" ]
	run olvm pvck --repair -y -f "$T/md.txt" --settings "pv_uuid=$uuid" "$IMG1"
	[ "$status" -eq 0 ]
	[[ "$output" == *"pv_header uuid ${uuid//-/} "* ]]
	vg_is_sound
}

@test "pvck --repair --settings mda_offset=0 mda_size=0 writes a PV without metadata areas" {
	make_vg
	save_md
	damage_label "$IMG1"
	run olvm pvck --repair -y -f "$T/md.txt" --settings "mda_offset=0 mda_size=0" "$IMG1"
	[ "$status" -eq 0 ]
	[[ "$output" == *"mda1_offset 0 mda1_size 0"* ]]
	[[ "$output" != *"Writing mda_header"* ]]
	run olvm pvs --noheadings -o pv_mda_count,vg_name "$IMG1"
	[[ "$output" =~ ^\ *0\ +vg\ *$ ]] || { echo "$output"; false; }
	vg_is_sound
}

@test "pvck --dump metadata_search --settings mda_offset/mda_size searches without a label" {
	make_vg
	dd if=/dev/zero of="$IMG1" bs=512 count=8 conv=notrunc status=none
	run olvm pvck --dump metadata_search "$IMG1"
	[ "$status" -eq 5 ]
	run olvm pvck --dump metadata_search --settings "mda_offset=4096 mda_size=1044480" "$IMG1"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "  Searching for metadata at offset 4096 size 1044480" ]
	[[ "${lines[4]}" == *" seqno 4 id "* ]]
}

@test "pvck --settings rejects unknown keys and bad values, as LVM2" {
	make_vg
	for bad in "bogus=1" "mda_num=3" "mda_offset=x mda_size=1" "mda_offset=4096" "metadata_offset"; do
		run olvm pvck --dump metadata --settings "$bad" "$IMG0"
		[ "$status" -eq 5 ] || { echo "$bad: $output"; false; }
		[[ "$output" == *"Invalid setting"* ]] || { echo "$bad: $output"; false; }
	done
	run olvm pvck --dump metadata --settings "mda_num=1" "$IMG0"
	[ "$status" -eq 0 ]
	[[ "$output" == *"seqno 4"* ]]
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

# The committed text of vg as IMG0 holds it, PV section of IMG1 only.
img1_section() {
	local id
	id=$(olvm pvs --noheadings -o pv_uuid "$IMG1" 2>/dev/null | tr -d ' ')
	olvm pvck --dump metadata "$IMG0" 2>/dev/null | grep -A6 "id = \"${id:-$1}\""
}

@test "a VG written while a PV is missing flags it MISSING, as LVM2 does" {
	make_vg_missing_pv
	id=$(olvm pvs --noheadings -o pv_uuid 2>/dev/null | grep -v "$(olvm pvs --noheadings -o pv_uuid "$IMG0" | tr -d ' ')" | tr -d ' ')
	run olvm lvremove -f vg/zero
	[ "$status" -eq 0 ]
	run img1_section "$id"
	[[ "$output" == *'device = "[unknown]"'* ]] || { echo "$output"; false; }
	[[ "$output" == *'status = ["ALLOCATABLE"]'* ]]
	[[ "$output" == *'flags = ["MISSING"]'* ]]
	# back, but still flagged: listed as missing, and nothing is allocated on it
	mv "$T/away.img" "$IMG1"
	run olvm pvs --noheadings -o pv_name,pv_attr "$IMG1"
	[[ "$output" == *"$IMG1"*"a-m"* ]]
	run olvm lvcreate -an -Zn -l 1 -n new vg "$IMG1"
	[ "$status" -eq 5 ]
}

@test "commands LVM2 refuses while a PV is missing change nothing" {
	make_vg_missing_pv
	h=$(md_hash)
	for c in "lvcreate -an -Zn -l 1 -n new vg" "lvextend -l +1 vg/zero" "lvrename vg zero z" \
		"vgrename vg vg2" "pvchange -x n $IMG0" "pvresize $IMG0" "vgreduce vg $IMG0"; do
		run olvm $c
		[ "$status" -eq 5 ] || { echo "$c: $output"; false; }
		[[ "$output" == *"Cannot change VG vg while PVs are missing."* ]] || { echo "$c: $output"; false; }
		[[ "$output" == *"See vgreduce --removemissing and vgextend --restoremissing."* ]]
	done
	[ "$h" = "$(md_hash)" ]
	# these LVM2 allows (and then flags the PV)
	run olvm vgchange --addtag t vg
	[ "$status" -eq 0 ]
	run olvm lvchange --addtag t vg/zero
	[ "$status" -eq 0 ]
}

@test "vgextend --restoremissing brings a MISSING PV back" {
	make_vg_missing_pv
	olvm lvremove -f vg/zero >/dev/null 2>&1
	mv "$T/away.img" "$IMG1"
	run olvm vgextend --restoremissing vg "$IMG1"
	[ "$status" -eq 0 ]
	[[ "$output" == *'Volume group "vg" successfully extended'* ]]
	run olvm pvs --noheadings -o pv_name,pv_attr "$IMG1"
	[[ "$output" =~ a--\ *$ ]] || { echo "$output"; false; }
	run olvm vgs --noheadings -o vg_attr vg
	[[ "$output" == *"wz--n-"* ]]
	run img1_section
	[[ "$output" == *"device = \"$IMG1\""* ]] || { echo "$output"; false; }
	[[ "$output" == *'flags = []'* ]]
	# both copies current again: no warning anywhere, and IMG1 is usable
	run olvm vgck vg
	[ "$status" -eq 0 ]
	[ -z "$output" ] || { echo "$output"; false; }
	olvm lvremove -f vg/both >/dev/null	# IMG1 was full
	run olvm lvcreate -an -Zn -l 2 -n new vg "$IMG1"
	[ "$status" -eq 0 ]
	run olvm vgextend --restoremissing vg "$IMG1"
	[ "$status" -eq 5 ]
}

@test "a MISSING PV that no LV uses is a PV again once back, as in LVM2" {
	setup_images 2 16M
	olvm vgcreate -s 1M vg "$IMG0" "$IMG1" >/dev/null
	olvm lvcreate -an -Zn -l 2 -n zero vg "$IMG0" >/dev/null 2>&1
	id=$(olvm pvs --noheadings -o pv_uuid "$IMG1" | tr -d ' ')
	mv "$IMG1" "$T/away.img"
	olvm vgchange --addtag t1 vg >/dev/null 2>&1
	run img1_section "$id"
	[[ "$output" == *'flags = ["MISSING"]'* ]] || { echo "$output"; false; }
	mv "$T/away.img" "$IMG1"
	run olvm pvs --noheadings -o pv_attr "$IMG1"
	[[ "$output" == *"a--"* ]]
	run olvm lvcreate -an -Zn -l 1 -n one vg "$IMG1"
	[ "$status" -eq 0 ]
	[[ "$output" == *"WARNING: VG vg has unused reappeared PV $IMG1 $id."* ]] || { echo "$output"; false; }
	run img1_section "$id"
	[[ "$output" == *'flags = []'* ]] || { echo "$output"; false; }
	run olvm vgck vg
	[ -z "$output" ] || { echo "$output"; false; }
}

@test "vgcfgbackup writes a PV missing now as LVM2 does: flag MISSING, [unknown]" {
	make_vg_missing_pv
	run olvm vgcfgbackup -f "$T/backup.txt" vg
	[ "$status" -eq 0 ]
	# IMG1 is pv1: the one away
	run grep -A6 'pv1 {' "$T/backup.txt"
	[[ "$output" == *'device = "[unknown]"'* ]] || { echo "$output"; false; }
	[[ "$output" == *'status = ["ALLOCATABLE"]'* ]]
	[[ "$output" == *'flags = ["MISSING"]'* ]]
	run grep -A6 'pv0 {' "$T/backup.txt"
	[[ "$output" == *"device = \"$IMG0\""* ]] || { echo "$output"; false; }
	[[ "$output" == *'flags = []'* ]]
	# as in LVM2, such a backup is not restored while the PV is away
	run olvm vgcfgrestore -f "$T/backup.txt" vg
	[ "$status" -ne 0 ]
	[[ "$output" == *"Cannot restore Volume Group vg with 1 PVs marked as missing."* ]]
}
