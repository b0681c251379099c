#!/usr/bin/env bats
# openlvm against Debian's LVM2 in the same kernel: for VGs made by either
# tool, openlvm loads exactly the devices LVM2 loads (names, UUIDs,
# read-only flags, tables, nodes), and each tool activates, uses and
# deactivates what the other created or activated.

load helpers

setup() {
	need_lvm2
}

# dm_state VG: everything of VG's dm devices that must not depend on which
# tool activated them, one line per device, plus the nodes under /dev.
dm_state() {
	local n
	for n in $(dm_names "${1//-/--}-"); do
		printf '%s uuid=%s ro=%s\n' "$n" "$(dm_uuid "$n")" "$(blockdev --getro "/dev/mapper/$n")"
		dmsetup table "$n" | sed 's/^/  /'
	done
	ls "/dev/$1" 2>/dev/null | sed 's/^/  node /'
}

# mixed_vg TOOL VG: linear, striped, multi-segment, dashed and read-only
# LVs made by TOOL (olvm or rlvm), all inactive.
mixed_vg() {
	local tool=$1 vg=$2
	use_disks 3
	$tool pvcreate -q "${DEV[@]}"
	$tool vgcreate -q "$vg" "${DEV[@]}"
	$tool lvcreate -q -an -Zn -n linear -L 12M "$vg" "$DEV1"
	$tool lvcreate -q -an -Zn -n striped -i 3 -I 64K -l 6 "$vg"
	$tool lvcreate -q -an -Zn -n multi -l 2 "$vg" "$DEV0"
	$tool lvcreate -q -an -Zn -n dash-ed -l 1 "$vg" "$DEV2"
	$tool lvextend -q -l +3 "$vg/multi" "$DEV2"
	$tool lvextend -q -l +1 "$vg/multi" "$DEV1"
	$tool lvcreate -q -an -Zn -pr -n ro -L 4M "$vg"
}

# same_activation VG: LVM2's activation and openlvm's give equal state.
same_activation() {
	local vg=$1 want got
	run rlvm vgchange -ay "$vg"
	assert_status 0
	want=$(dm_state "$vg")
	[ -n "$want" ]
	run rlvm vgchange -an "$vg"
	assert_status 0
	assert_equal "$(dm_state "$vg")" ""
	run olvm vgchange -ay "$vg"
	assert_status 0
	got=$(dm_state "$vg")
	if [ "$got" != "$want" ]; then
		echo "LVM2 loaded:" >&2
		echo "$want" >&2
		echo "openlvm loaded:" >&2
		echo "$got" >&2
		return 1
	fi
	run olvm vgchange -an "$vg"
	assert_status 0
	assert_equal "$(dm_state "$vg")" ""
}

@test "VG made by LVM2: openlvm loads the devices LVM2 loads" {
	mixed_vg rlvm kvxr
	same_activation kvxr
}

@test "VG made by openlvm: openlvm loads the devices LVM2 loads" {
	mixed_vg olvm kvxo
	same_activation kvxo
}

@test "data written under one tool's activation is read under the other's" {
	use_disks 2
	olvm pvcreate -q "${DEV[@]}"
	olvm vgcreate -q -s 1M kvxd "${DEV[@]}"
	olvm lvcreate -q -an -Zn -n lv0 -l 3 kvxd "$DEV0"
	olvm lvextend -q -l +3 kvxd/lv0 "$DEV1"
	run olvm vgchange -ay kvxd
	assert_status 0
	dd if=/dev/urandom of="$T/a" bs=1M count=6 status=none
	dd if="$T/a" of=/dev/kvxd/lv0 bs=1M oflag=direct status=none
	olvm vgchange -an kvxd
	run rlvm vgchange -ay kvxd
	assert_status 0
	same_data "$T/a" /dev/kvxd/lv0
	dd if=/dev/urandom of="$T/b" bs=1M count=6 status=none
	dd if="$T/b" of=/dev/kvxd/lv0 bs=1M oflag=direct status=none
	rlvm vgchange -an kvxd
	run olvm vgchange -ay kvxd
	assert_status 0
	same_data "$T/b" /dev/kvxd/lv0
}

@test "each tool deactivates what the other activated" {
	use_disks 1
	rlvm pvcreate -q "$DEV0"
	rlvm vgcreate -q kvxa "$DEV0"
	rlvm lvcreate -q -an -Zn -n lv0 -L 8M kvxa
	rlvm lvcreate -q -an -Zn -n lv1 -L 8M kvxa
	run rlvm vgchange -ay kvxa
	assert_status 0
	assert_equal "$(ofield lvs -o lv_attr kvxa/lv0 | cut -c5)" a
	run olvm vgchange -an kvxa
	assert_status 0
	assert_equal "$(dm_state kvxa)" ""
	run olvm vgchange -ay kvxa
	assert_status 0
	assert_equal "$(rfield lvs -o lv_attr kvxa/lv1 | cut -c5)" a
	run rlvm vgchange -an kvxa
	assert_status 0
	assert_equal "$(dm_state kvxa)" ""
}

@test "LVs that LVM2 creates active are extended by openlvm online" {
	use_disks 2
	rlvm pvcreate -q "${DEV[@]}"
	rlvm vgcreate -q kvxe "${DEV[@]}"
	run rlvm lvcreate -q -y -n lv0 -L 8M kvxe "$DEV0"
	assert_status 0
	[ -b /dev/kvxe/lv0 ]
	run olvm lvextend -q -L +8M kvxe/lv0 "$DEV1"
	assert_status 0
	assert_equal "$(blockdev --getsize64 /dev/kvxe/lv0)" 16777216
	local live
	live=$(dm_state kvxe)
	rlvm vgchange -an kvxe
	rlvm vgchange -ay kvxe
	assert_equal "$(dm_state kvxe)" "$live"
}

# summary TOOL ARGS...: the "now active" line and the status.
summary() {
	local tool=$1
	shift
	$tool vgchange "$@" 2>&1 | grep -E 'now active|open logical|in use'
	echo "status=${PIPESTATUS[0]}"
}

make_vg() {
	use_disks 1
	olvm pvcreate -q "${DEV[@]}"
	olvm vgcreate -q kvcnt "${DEV[@]}"
	olvm lvcreate -q -an -Zn -n a -L 4M kvcnt
	olvm lvcreate -q -an -Zn -n b -L 4M kvcnt
	olvm lvcreate -q -an -Zn --setactivationskip y -n skip -L 4M kvcnt
}

@test "vgchange -ay/-an counts as LVM2 does, skipped LVs included" {
	make_vg
	for t in rlvm olvm; do
		eval "${t}_ay=\$(summary $t -ay kvcnt)"
		eval "${t}_an=\$(summary $t -an kvcnt)"
		eval "${t}_test=\$(summary $t --test -an kvcnt)"
	done
	echo "lvm2: $rlvm_ay / $rlvm_an / $rlvm_test" >&2
	echo "openlvm: $olvm_ay / $olvm_an / $olvm_test" >&2
	assert_equal "$olvm_ay" "$rlvm_ay"
	assert_equal "$olvm_an" "$rlvm_an"
	[[ $olvm_ay == *'2 logical volume(s) in volume group "kvcnt" now active'* ]]
	[[ $olvm_an == *'0 logical volume(s)'* ]]
	assert_equal "$(dm_names kvcnt-)" ""
	# The skipped LV, activated on its own, is counted by -ay and removed by -an.
	olvm lvchange -ay -K kvcnt/skip
	o=$(summary olvm -ay kvcnt)
	olvm vgchange -an kvcnt
	olvm lvchange -ay -K kvcnt/skip
	r=$(summary rlvm -ay kvcnt)
	assert_equal "$o" "$r"
	[[ $o == *'3 logical volume(s)'* ]]
	run summary olvm -an kvcnt
	[[ $output == *'0 logical volume(s)'* ]]
	assert_equal "$(dm_names kvcnt-)" ""
}

@test "vgchange -an refuses a VG with an open LV and changes nothing" {
	make_vg
	olvm vgchange -ay kvcnt
	exec 7</dev/kvcnt/a
	r=$(summary rlvm -an kvcnt)
	o=$(summary olvm -an kvcnt)
	exec 7<&-
	echo "lvm2: $r" >&2
	echo "openlvm: $o" >&2
	[[ $o == *"Can't deactivate volume group \"kvcnt\" with 1 open logical volume(s)"* ]]
	[[ $o == *'2 logical volume(s) in volume group "kvcnt" now active'* ]]
	[[ $o == *status=5* ]]
	assert_equal "$(dm_names kvcnt- | wc -l)" 2
	run summary olvm -an kvcnt
	[[ $output == *'0 logical volume(s)'* ]]
	assert_equal "$(dm_names kvcnt-)" ""
}
