#!/usr/bin/env bats
# (b) VGs written by openlvm pass LVM2's checks and read the same in LVM2;
# (c) VGs written by LVM2 are changed by openlvm and read back by LVM2;
# (d) LVM2 writes on top of openlvm's seqno/text, and openlvm reads that.

load helpers

setup() {
	interop_setup
}

PV_FIELDS=pv_name,vg_name,pv_uuid,pv_size,pv_free,dev_size,pe_start,pv_pe_count,pv_pe_alloc_count,pv_mda_count,pv_mda_size,pv_mda_free,pv_ext_vsn,pv_attr,pv_tags
VG_FIELDS=vg_name,vg_uuid,vg_attr,vg_size,vg_free,vg_seqno,vg_extent_size,vg_extent_count,vg_free_count,pv_count,lv_count,max_lv,max_pv,vg_tags,vg_allocation_policy,vg_mda_count,vg_mda_copies

# same_reports VG DEVS...: pvs and vgs agree between openlvm and LVM2.
same_reports() {
	local vg=$1
	shift
	assert_equal "$(field pvs --units b -o $PV_FIELDS --separator '|' "$@")" \
		"$(rfield pvs --units b -o $PV_FIELDS --separator '|' "$@")"
	assert_equal "$(field vgs --units b -o $VG_FIELDS --separator '|' "$vg")" \
		"$(rfield vgs --units b -o $VG_FIELDS --separator '|' "$vg")"
}

# lvm2_clean VG DEVS...: vgck is silent; pvck succeeds and reports only
# what it found (no CHECK:, WARNING or error lines).
lvm2_clean() {
	local vg=$1 d
	shift
	run rlvm vgck "$vg"
	assert_status 0
	assert_equal "$output" ""
	for d in "$@"; do
		run rlvm pvck "$d"
		assert_status 0
		assert_output_not_contains "CHECK"
		assert_output_not_contains "WARNING"
		assert_output_contains "Found label on $d, sector 1, type=LVM2 001"
	done
}

@test "(b) openlvm pvcreate/vgcreate/vgextend: LVM2 vgck/pvck clean, same reports" {
	new_loops 3 32M
	olvm pvcreate "$LOOP0" "$LOOP1"
	olvm pvcreate --pvmetadatacopies 2 --metadatasize 2m "$LOOP2"
	olvm vgcreate -s 2m -l 50 -p 10 --addtag tagb --addtag taga --alloc cling ovg "$LOOP0" "$LOOP1"
	olvm vgextend ovg "$LOOP2"
	lvm2_clean ovg "$LOOP0" "$LOOP1" "$LOOP2"
	same_reports ovg "$LOOP0" "$LOOP1" "$LOOP2"
}

@test "(b) openlvm orphan PVs with options read the same in LVM2" {
	new_loops 3 32M
	olvm pvcreate --dataalignment 64k --dataalignmentoffset 4k "$LOOP0"
	olvm pvcreate --pvmetadatacopies 0 "$LOOP1"
	olvm pvcreate --labelsector 3 "$LOOP2"
	for d in "$LOOP0" "$LOOP1"; do
		run rlvm pvck "$d"
		assert_status 0
		assert_output_not_contains "CHECK"
	done
	run rlvm pvck --labelsector 3 "$LOOP2"
	assert_status 0
	assert_output_not_contains "CHECK"
	assert_equal "$(field pvs --units b -o $PV_FIELDS --separator '|' "${LOOP[@]}")" \
		"$(rfield pvs --units b -o $PV_FIELDS --separator '|' "${LOOP[@]}")"
}

@test "(c) LVM2 VG changed by openlvm: vgextend, vgreduce, vgrename, vgchange, pvchange" {
	new_loops 3 32M
	rlvm pvcreate -q "$LOOP0" "$LOOP1" "$LOOP2"
	rlvm vgcreate -q rvg "$LOOP0" "$LOOP1"
	rlvm lvcreate -q --driverloaded n -an -Zn -n lv1 -L 8m rvg
	run olvm vgextend rvg "$LOOP2"
	assert_status 0
	run olvm vgreduce rvg "$LOOP1"
	assert_status 0
	run olvm vgchange --addtag otag rvg
	assert_status 0
	run olvm pvchange --addtag ptag "$LOOP0"
	assert_status 0
	run olvm vgrename rvg rvg2
	assert_status 0
	lvm2_clean rvg2 "$LOOP0" "$LOOP2"
	assert_equal "$(rfield vgs -o vg_name,pv_count,lv_count,vg_tags --separator '|' rvg2)" "rvg2|2|1|otag"
	assert_equal "$(rfield pvs -o pv_tags "$LOOP0")" ptag
	assert_equal "$(rfield pvs -o vg_name "$LOOP1")" ""
	assert_equal "$(rfield lvs -o lv_name,lv_size --units b rvg2)" "lv1  8388608"
	same_reports rvg2 "$LOOP0" "$LOOP1" "$LOOP2"
}

@test "(d) LVM2 writes after openlvm's write, openlvm reads it back" {
	new_loops 2 32M
	olvm pvcreate "$LOOP0" "$LOOP1"
	olvm vgcreate mvg "$LOOP0"
	olvm vgchange --addtag one mvg
	seq=$(field vgs -o vg_seqno mvg)
	run rlvm vgchange --addtag two mvg
	assert_status 0
	run rlvm vgextend mvg "$LOOP1"
	assert_status 0
	assert_equal "$(field vgs -o vg_seqno,vg_tags,pv_count --separator '|' mvg)" "$((seq + 2))|one,two|2"
	olvm vgchange --deltag one mvg
	run rlvm vgs --noheadings -o vg_tags,vg_seqno --separator '|' mvg
	assert_status 0
	assert_equal "$(echo $output)" "two|$((seq + 3))"
	lvm2_clean mvg "$LOOP0" "$LOOP1"
}

@test "(d) LVM2 removes a VG that openlvm created, openlvm sees orphans" {
	new_loops 1 32M
	olvm pvcreate "$LOOP0"
	olvm vgcreate xvg "$LOOP0"
	run rlvm vgremove -f xvg
	assert_status 0
	assert_equal "$(field pvs -o vg_name "$LOOP0")" ""
	assert_equal "$(read_u32le "$LOOP0" 652)" 0
}

# missing_setup WRITER: mvg on three loop devices, LV a on LOOP0, b on LOOP1;
# LOOP1 is detached and WRITER (olvm or rlvm) removes a, flagging LOOP1
# MISSING; then LOOP1 comes back (as $ATTACHED), still flagged: b uses it.
missing_setup() {
	local w=$1
	new_loops 3 32M
	olvm pvcreate "$LOOP0" "$LOOP1" "$LOOP2" >/dev/null
	olvm vgcreate mvg "$LOOP0" "$LOOP1" "$LOOP2" >/dev/null
	olvm lvcreate -an -Zn -n a -l 2 mvg "$LOOP0" >/dev/null
	olvm lvcreate -an -Zn -n b -l 2 mvg "$LOOP1" >/dev/null
	losetup -d "$LOOP1"
	run $w lvremove --driverloaded n -f mvg/a
	assert_status 0
	attach "$T/disk1.img"
}

# restored_everywhere DEV: both tools read DEV as a normal PV of mvg again.
restored_everywhere() {
	assert_equal "$(field pvs -o pv_attr,vg_name --separator '|' "$1")" "a--|mvg"
	assert_equal "$(rfield pvs -o pv_attr,vg_name --separator '|' "$1")" "a--|mvg"
	assert_equal "$(field vgs -o vg_attr,lv_count --separator '|' mvg)" "wz--n-|1"
	assert_equal "$(rfield vgs -o vg_attr,lv_count --separator '|' mvg)" "wz--n-|1"
	run olvm vgck mvg
	assert_status 0
	assert_equal "$output" ""
	lvm2_clean mvg "$LOOP0" "$1" "$LOOP2"
}

@test "(c) LVM2 flags a PV MISSING, openlvm reads the flag and restores it" {
	missing_setup rlvm
	assert_equal "$(field pvs -o pv_attr "$ATTACHED")" "a-m"
	run olvm lvcreate -an -Zn -n c -l 1 mvg "$LOOP0"
	assert_status 5
	assert_output_contains "Cannot change VG mvg while PVs are missing."
	run olvm vgextend --restoremissing mvg "$ATTACHED"
	assert_status 0
	restored_everywhere "$ATTACHED"
}

@test "(d) openlvm flags a PV MISSING, LVM2 reads the flag and restores it" {
	missing_setup olvm
	assert_equal "$(rfield pvs -o pv_attr "$ATTACHED")" "a-m"
	assert_equal "$(field pvs -o pv_attr "$ATTACHED")" "a-m"
	run rlvm vgextend --restoremissing mvg "$ATTACHED"
	assert_status 0
	restored_everywhere "$ATTACHED"
}
