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

# ---- small parity checks: messages and exit codes, sectors 0..3 ----

# both_say CMD ARGS...: same exit status and same error lines (LVM2's
# device-mapper complaints aside: this kernel has none).
both_say() {
	local rs=0 ro=0 rout oout
	rlvm "$@" >"$T/both.r" 2>&1 || rs=$?
	olvm "$@" >"$T/both.o" 2>&1 || ro=$?
	rout=$(grep -v -e mapper -e 'Failure to communicate' -e 'device-mapper' \
		-e 'libdevmapper' -e 'Activation disabled' "$T/both.r" || true)
	oout=$(cat "$T/both.o")
	[ "$rs" = "$ro" ] || { echo "$*: LVM2 exit $rs, openlvm $ro"; cat "$T/both.o"; return 1; }
	[ "$rout" = "$oout" ] || { printf '%s:\nLVM2:\n%s\nopenlvm:\n%s\n' "$*" "$rout" "$oout"; return 1; }
}

@test "a VG that does not exist: same lines and exit code as LVM2" {
	new_loops 1 16M
	rlvm pvcreate -q "$LOOP0"
	both_say vgs nx
	both_say vgs nx nx2
	both_say lvs nx/lv
	both_say vgchange --addtag t nx
	both_say vgchange -ay nx
	both_say lvcreate --driverloaded n -an -Zn -L4m -n l nx
	both_say vgextend nx "$LOOP0"
	both_say vgremove nx
	both_say vgrename nx ny
	both_say lvremove nx/l
	both_say lvrename nx a b
	both_say lvchange -an nx/l
	both_say lvextend -L+4m nx/l
}

@test "a bad --units: same lines and exit code as LVM2" {
	new_loops 1 16M
	both_say pvs --units xyz
	both_say vgs --units 0k
	both_say lvs --units 4
	both_say pvs --units 4k -o pv_name,pv_size "$LOOP0"
}

# sector_bytes DEV S: sector S of DEV in hex, the label's CRC and UUID aside.
sector_bytes() {
	dd if="$1" bs=512 skip="$2" count=1 status=none | od -An -v -tx1 | tr -d ' \n' | cut -c1-32,129-
}

@test "pvcreate -Z y|n: sectors 0-3 end up as LVM2 leaves them" {
	new_loops 2 16M
	local args s
	for args in "" "-Zn" "-Zy" "-Zn --uuid aaaaaa-bbbb-cccc-dddd-eeee-ffff-gggggg --norestorefile" \
		"--uuid aaaaaa-bbbb-cccc-dddd-eeee-ffff-gggggg --norestorefile"; do
		for d in "$LOOP0" "$LOOP1"; do
			head -c 2048 /dev/zero | tr '\0' '\253' | dd of="$d" conv=notrunc status=none
		done
		# shellcheck disable=SC2086
		rlvm pvcreate -q $args "$LOOP0"
		# shellcheck disable=SC2086
		olvm pvcreate -q ${args//aaaaaa/bbbbbb} "$LOOP1"
		for s in 0 1 2 3; do
			assert_equal "$(sector_bytes "$LOOP1" $s)" "$(sector_bytes "$LOOP0" $s)"
		done
		rlvm pvremove -q -ff -y "$LOOP0" "$LOOP1"
	done
}

@test "--metadataprofile: openlvm records the profile as LVM2 does, each reads the other's" {
	new_loops 2 16M
	local d
	for d in "$LVM_SYSTEM_DIR" "$RSD"; do
		mkdir -p "$d/profile"
		printf 'allocation {\n\tthin_pool_zero=0\n}\n' >"$d/profile/mp.profile"
	done
	run olvm vgcreate --metadataprofile mp ovg "$LOOP0"
	assert_status 0
	run olvm lvcreate -an -Zn -L 4m -n lv --metadataprofile mp ovg
	assert_status 0
	run rlvm vgcreate --metadataprofile mp rvg "$LOOP1"
	assert_status 0
	run rlvm lvcreate --driverloaded n -an -Zn -L 4m -n lv --metadataprofile mp rvg
	assert_status 0
	for d in ovg rvg; do
		assert_equal "$(rfield vgs -o vg_profile,lv_profile --separator '|' $d)" "mp|mp"
		assert_equal "$(field vgs -o vg_profile,lv_profile --separator '|' $d)" "mp|mp"
	done
	lvm2_clean ovg "$LOOP0"
}

@test "-o help: the same sections and field order as LVM2, where openlvm has the field" {
	new_loops 1 16M
	local mine theirs
	# Names and titles only: LVM2's descriptions are its own.
	# Both print it on standard error.
	[ -z "$(olvm lvs -o help 2>/dev/null)" ]
	mine=$(olvm lvs -o help 2>&1 | sed 's/ - .*//')
	theirs=$(rlvm lvs -o help 2>&1 | sed 's/ - .*//' | grep -Fx -f <(printf '%s\n' "$mine"))
	assert_equal "$mine" "$theirs"
	[ "$(printf '%s\n' "$mine" | wc -l)" -gt 200 ]
}

@test "an unused PV that reappeared: openlvm's reports warn about it like LVM2's" {
	new_loops 2 32M
	rlvm vgcreate -q mvg "$LOOP0" "$LOOP1"
	rlvm lvcreate --driverloaded n -an -Zn -q -n a -l 2 mvg "$LOOP0"
	losetup -d "$LOOP1"
	run rlvm lvremove --driverloaded n -f mvg/a
	assert_status 0
	attach "$T/disk1.img"
	local c
	for c in pvs vgs lvs; do
		run rlvm "$c"
		assert_output_contains "WARNING: VG mvg has unused reappeared PV $ATTACHED "
		run olvm "$c"
		assert_status 0
		assert_output_contains "WARNING: VG mvg has unused reappeared PV $ATTACHED "
	done
}
