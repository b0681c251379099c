#!/usr/bin/env bats
# openlvm activation against the real device-mapper: tables, nodes, the
# mapping itself (blocks written through /dev/VG/LV are read back from the
# PVs at the offsets the metadata says), live reloads, renames, removal of
# open volumes, image-file PVs on automatic loop devices.

load helpers

EXT=4194304	# default extent size, bytes

# vg_on NAME N: a VG on N fresh virtio disks.
vg_on() {
	use_disks "$2"
	olvm pvcreate -q "${DEV[@]}"
	olvm vgcreate -q "$1" "${DEV[@]}"
}

# no_dm VG: VG has no dm device and no /dev/VG directory.
no_dm() {
	local left
	left=$(dm_names "${1//-/--}-")
	if [ -n "$left" ]; then
		echo "dm devices of $1 left: $left" >&2
		return 1
	fi
	if [ -e "/dev/$1" ]; then
		echo "/dev/$1 left: $(ls -l "/dev/$1")" >&2
		return 1
	fi
}

@test "linear LV: exact table, dm UUID, nodes; deactivation removes them" {
	vg_on kvlin 1
	olvm lvcreate -q -an -Zn -n lv0 -L 12M kvlin
	run olvm vgchange -ay kvlin
	assert_status 0
	local pes vgid lvid
	pes=$(($(pe_start_bytes "$DEV0") / 512))
	assert_equal "$(dmsetup table kvlin-lv0)" "0 24576 linear $(devno "$DEV0") $pes"
	vgid=$(ofield vgs -o vg_uuid kvlin | tr -d -)
	lvid=$(ofield lvs -o lv_uuid kvlin/lv0 | tr -d -)
	assert_equal "$(dm_uuid kvlin-lv0)" "LVM-$vgid$lvid"
	[ -b /dev/mapper/kvlin-lv0 ]
	[ -b /dev/kvlin/lv0 ]
	assert_equal "$(devno /dev/kvlin/lv0)" "$(devno /dev/mapper/kvlin-lv0)"
	assert_equal "$(blockdev --getsize64 /dev/kvlin/lv0)" 12582912
	assert_equal "$(ofield lvs -o lv_attr kvlin/lv0 | cut -c5)" a
	run olvm vgchange -an kvlin
	assert_status 0
	no_dm kvlin
	[ ! -e /dev/mapper/kvlin-lv0 ]
	assert_equal "$(ofield lvs -o lv_attr kvlin/lv0 | cut -c5)" -
}

@test "lvcreate activates by default and zeroes the first 4 KiB" {
	vg_on kvzero 1
	# Old data where the LV will be: it must not show through.
	dd if=/dev/urandom of="$DEV0" bs=1M seek=1 count=8 conv=fsync status=none
	run olvm lvcreate -q -y -n lv0 -L 8M kvzero
	assert_status 0
	[ -b /dev/kvzero/lv0 ]
	assert_equal "$(dd if=/dev/kvzero/lv0 bs=4096 count=1 iflag=direct status=none | tr -d '\0' | wc -c)" 0
	run olvm lvcreate -q -an -Zn -n lv1 -L 8M kvzero
	assert_status 0
	[ ! -e /dev/kvzero/lv1 ]
}

@test "lvdisplay and lvscan show the kernel state of an active LV" {
	vg_on kvshow 1
	olvm lvcreate -q -an -Zn -n lv0 -L 8M kvshow
	run olvm lvscan
	assert_status 0
	[[ "$output" == *"inactive          '/dev/kvshow/lv0'"* ]]
	run olvm lvdisplay kvshow/lv0
	[[ "$output" == *"LV Status              NOT available"* ]]
	olvm lvchange -ay kvshow/lv0
	run olvm lvscan
	[[ "$output" == *"ACTIVE            '/dev/kvshow/lv0'"* ]]
	run olvm lvdisplay kvshow/lv0
	[[ "$output" == *"LV Status              available"* ]]
	[[ "$output" == *"# open                 0"* ]]
	[[ "$output" =~ Block\ device\ +[0-9]+:[0-9]+ ]]
	olvm lvchange -an kvshow/lv0
}

@test "linear, multi-segment: every block lands at its PV offset" {
	vg_on kvmap 2
	olvm lvcreate -q -an -Zn -n lv0 -l 5 kvmap "$DEV0:0-4"
	olvm lvcreate -q -an -Zn -n lv1 -l 3 kvmap "$DEV0:5-7"
	olvm lvextend -q -l +4 kvmap/lv0 "$DEV1:2-5"
	run olvm vgchange -ay kvmap
	assert_status 0
	assert_equal "$(dmsetup table kvmap-lv0 | wc -l)" 2
	local p0 p1
	p0=$(pe_start_bytes "$DEV0") p1=$(pe_start_bytes "$DEV1")
	check_block /dev/kvmap/lv0 0 "$DEV0" "$p0"
	check_block /dev/kvmap/lv0 $((4 * EXT + 8192)) "$DEV0" $((p0 + 4 * EXT + 8192))
	check_block /dev/kvmap/lv0 $((5 * EXT)) "$DEV1" $((p1 + 2 * EXT))
	check_block /dev/kvmap/lv0 $((9 * EXT - 4096)) "$DEV1" $((p1 + 6 * EXT - 4096))
	check_block /dev/kvmap/lv1 0 "$DEV0" $((p0 + 5 * EXT))
	check_block /dev/kvmap/lv1 $((3 * EXT - 4096)) "$DEV0" $((p0 + 8 * EXT - 4096))
	run olvm vgchange -an kvmap
	assert_status 0
	no_dm kvmap
}

@test "striped LV: table and chunks rotating across three PVs" {
	vg_on kvstr 3
	run olvm lvcreate -q -an -Zn -i 3 -I 64K -n lv0 -l 6 kvstr
	assert_status 0
	run olvm lvchange -ay kvstr/lv0
	assert_status 0
	local p=() d expect="0 49152 striped 3 128"
	for d in "${DEV[@]}"; do
		p+=("$(pe_start_bytes "$d")")
		expect+=" $(devno "$d") $((${p[-1]} / 512))"
	done
	assert_equal "$(dmsetup table kvstr-lv0)" "$expect"
	local chunk row stripe
	for chunk in 0 1 2 3 4 5 7 11 383; do
		stripe=$((chunk % 3)) row=$((chunk / 3))
		check_block /dev/kvstr/lv0 $((chunk * 65536)) "${DEV[$stripe]}" \
			$((p[stripe] + row * 65536))
	done
	run olvm lvchange -an kvstr/lv0
	assert_status 0
	no_dm kvstr
}

@test "lvchange activates and deactivates one LV; lvs shows state" {
	vg_on kvone 1
	olvm lvcreate -q -an -Zn -n lv0 -L 8M kvone
	olvm lvcreate -q -an -Zn -n lv1 -L 8M kvone
	for opt in -ay -aey -aly; do
		run olvm lvchange "$opt" kvone/lv0
		assert_status 0
		[ -b /dev/kvone/lv0 ]
		[ ! -e /dev/kvone/lv1 ]
		run olvm lvchange -an kvone/lv0
		assert_status 0
		[ ! -e /dev/kvone/lv0 ]
	done
	olvm vgchange -ay kvone
	exec 7</dev/kvone/lv1
	assert_equal "$(ofield lvs -o lv_attr kvone/lv1 | cut -c5-6)" ao
	assert_equal "$(ofield lvs -o lv_attr kvone/lv0 | cut -c5-6)" a-
	exec 7<&-
	assert_equal "$(ofield lvs -o lv_attr kvone/lv1 | cut -c5-6)" a-
	dmsetup suspend kvone-lv1
	assert_equal "$(ofield lvs -o lv_attr kvone/lv1 | cut -c5)" s
	dmsetup resume kvone-lv1
}

@test "read-only LV loads a read-only table" {
	vg_on kvro 1
	olvm lvcreate -q -an -Zn -pr -n lv0 -L 8M kvro
	run olvm vgchange -ay kvro
	assert_status 0
	assert_equal "$(blockdev --getro /dev/kvro/lv0)" 1
	run dmsetup info kvro-lv0
	assert_output_contains "READ-ONLY"
}

@test "names with dashes are doubled in the dm name" {
	vg_on kv-dash 1
	olvm lvcreate -q -an -Zn -n my-lv -L 8M kv-dash
	run olvm vgchange -ay kv-dash
	assert_status 0
	[ -b /dev/mapper/kv--dash-my--lv ]
	[ -b /dev/kv-dash/my-lv ]
	olvm vgchange -an kv-dash
	no_dm kv-dash
}

@test "lvextend and lvreduce reload the live table" {
	vg_on kvgrow 2
	olvm lvcreate -q -an -Zn -n lv0 -L 8M kvgrow "$DEV0"
	olvm vgchange -ay kvgrow
	exec 7</dev/kvgrow/lv0
	run olvm lvextend -q -L +8M kvgrow/lv0 "$DEV1"
	assert_status 0
	assert_equal "$(blockdev --getsize64 /dev/kvgrow/lv0)" 16777216
	assert_equal "$(dmsetup table kvgrow-lv0 | wc -l)" 2
	check_block /dev/kvgrow/lv0 $((8 << 20)) "$DEV1" "$(pe_start_bytes "$DEV1")"
	run dmsetup info kvgrow-lv0
	assert_output_contains "ACTIVE"
	[[ "$output" != *SUSPENDED* ]]
	exec 7<&-
	run olvm lvreduce -q -y -L 4M kvgrow/lv0
	assert_status 0
	assert_equal "$(blockdev --getsize64 /dev/kvgrow/lv0)" 4194304
	assert_equal "$(dmsetup table kvgrow-lv0)" \
		"0 8192 linear $(devno "$DEV0") $(($(pe_start_bytes "$DEV0") / 512))"
}

@test "lvrename renames the active dm device and its nodes; data stays" {
	vg_on kvren 1
	olvm lvcreate -q -an -Zn -n old -L 8M kvren
	olvm vgchange -ay kvren
	yes kvren-data | head -c 1048576 >"$T/data"
	dd if="$T/data" of=/dev/kvren/old bs=1M oflag=direct status=none
	run olvm lvrename kvren old new
	assert_status 0
	[ -b /dev/mapper/kvren-new ]
	[ -b /dev/kvren/new ]
	[ ! -e /dev/mapper/kvren-old ]
	[ ! -e /dev/kvren/old ]
	assert_equal "$(dm_names kvren-)" kvren-new
	same_data "$T/data" /dev/kvren/new
	olvm vgchange -an kvren
	no_dm kvren
}

@test "lvremove refuses an open LV and removes an active closed one" {
	vg_on kvopen 1
	olvm lvcreate -q -an -Zn -n lv0 -L 8M kvopen
	olvm lvcreate -q -an -Zn -n lv1 -L 8M kvopen
	olvm vgchange -ay kvopen
	exec 7</dev/kvopen/lv0
	run olvm lvremove -y kvopen/lv0
	[ "$status" -ne 0 ]
	assert_equal "$(ofield lvs -o lv_name kvopen/lv0)" lv0
	[ -b /dev/kvopen/lv0 ]
	exec 7<&-
	run olvm lvremove -y kvopen/lv0
	assert_status 0
	[ ! -e /dev/kvopen/lv0 ]
	assert_equal "$(dm_names kvopen-)" kvopen-lv1
	run olvm lvremove -y kvopen/lv1
	assert_status 0
	no_dm kvopen
}

@test "lvremove VG: an open LV stays, the others go, and the command fails" {
	vg_on kvsome 1
	olvm lvcreate -q -an -Zn -n lv0 -L 8M kvsome
	olvm lvcreate -q -an -Zn -n lv1 -L 8M kvsome
	olvm vgchange -ay kvsome
	exec 7</dev/kvsome/lv0
	run olvm lvremove -y kvsome
	exec 7<&-
	assert_status 5
	assert_output_contains 'Logical volume "lv1" successfully removed.'
	assert_equal "$(ofield lvs -o lv_name kvsome)" lv0
	assert_equal "$(dm_names kvsome-)" kvsome-lv0
	olvm lvremove -q -y kvsome
	no_dm kvsome
}

@test "vgchange -ay skips an LV flagged activation-skip, -K activates it" {
	vg_on kvskip 1
	olvm lvcreate -q -an -Zn -n lv0 -L 8M kvskip
	olvm lvchange -ky kvskip/lv0
	olvm vgchange -ay kvskip
	assert_equal "$(dm_names kvskip-)" ""
	run olvm vgchange -ay -K kvskip
	assert_status 0
	assert_equal "$(dm_names kvskip-)" kvskip-lv0
	olvm vgchange -an kvskip
	no_dm kvskip
}

@test "lvchange -ay VG and -an VG act on every visible LV" {
	vg_on kvlc 1
	olvm lvcreate -q -an -Zn -n lv0 -L 8M kvlc
	olvm lvcreate -q -an -Zn -n lv1 -L 8M kvlc
	run olvm lvchange -ay kvlc
	assert_status 0
	assert_equal "$(dm_names kvlc- | tr '\n' ' ')" "kvlc-lv0 kvlc-lv1 "
	run olvm lvchange -an kvlc
	assert_status 0
	no_dm kvlc
}

@test "vgremove -f deactivates first" {
	vg_on kvgone 1
	olvm lvcreate -q -an -Zn -n lv0 -L 8M kvgone
	olvm vgchange -ay kvgone
	run olvm vgremove -f kvgone
	assert_status 0
	no_dm kvgone
}

@test "vgmknodes recreates missing nodes" {
	vg_on kvnodes 1
	olvm lvcreate -q -an -Zn -n lv0 -L 8M kvnodes
	olvm vgchange -ay kvnodes
	rm -f /dev/kvnodes/lv0 /dev/mapper/kvnodes-lv0
	run olvm vgmknodes kvnodes
	assert_status 0
	[ -b /dev/mapper/kvnodes-lv0 ]
	[ -b /dev/kvnodes/lv0 ]
	assert_equal "$(devno /dev/kvnodes/lv0)" "$(dmsetup info -c --noheadings -o major,minor --separator : kvnodes-lv0 | tr -d ' ')"
}

@test "vgchange --test -ay prints the tables and changes nothing" {
	vg_on kvtest 1
	olvm lvcreate -q -an -Zn -n lv0 -L 8M kvtest
	run olvm vgchange --test -ay kvtest
	assert_status 0
	no_dm kvtest
	[ "${KERNEL_TOOL:-}" = lvm2 ] || assert_output_contains "0 16384 linear"
}

@test "lvcreate -W wipes old signatures even without zeroing" {
	vg_on kvwipe 1
	olvm lvcreate -q -y -n old -L 8M kvwipe
	mkfs.ext4 -q /dev/kvwipe/old
	olvm lvremove -q -y kvwipe/old
	run olvm lvcreate -q -y -Zn -Wn -n keep -L 8M kvwipe
	assert_status 0
	run blkid -p /dev/kvwipe/keep
	assert_output_contains ext4
	olvm lvremove -q -y kvwipe/keep
	run olvm lvcreate -q -y -Zn -Wy -n new -L 8M kvwipe
	assert_status 0
	run blkid -p /dev/kvwipe/new
	[ "$status" -ne 0 ] || { echo "signature left: $output" >&2; false; }
}

@test "a missing target names the module to load" {
	openlvm_only
	vg_on kvzt 1
	olvm lvcreate -q -an --type zero -n z -L 8M kvzt
	# The module cannot be loaded, neither by the kernel's request_module
	# nor by the tool's own modprobe.
	local helper
	helper=$(cat /proc/sys/kernel/modprobe)
	echo /bin/false >/proc/sys/kernel/modprobe
	mkdir -p "$T/bin"
	printf '#!/bin/sh\nexit 1\n' >"$T/bin/modprobe"
	chmod +x "$T/bin/modprobe"
	rmmod dm_zero
	PATH=$T/bin:$PATH run olvm vgchange -ay kvzt
	echo "$helper" >/proc/sys/kernel/modprobe
	modprobe dm-zero
	[ "$status" -ne 0 ]
	assert_output_contains dm-zero
	no_dm kvzt
	run olvm vgchange -ay kvzt
	assert_status 0
	assert_equal "$(dmsetup table kvzt-z)" "0 16384 zero "
}

@test "without activation settings or udev, nodes are made directly" {
	NO_ACTIVATION_CONF=1
	vg_on kvdef 1
	olvm lvcreate -q -an -Zn -n lv0 -L 8M kvdef
	run olvm vgchange -ay kvdef
	assert_status 0
	[ -b /dev/mapper/kvdef-lv0 ]
	[ -b /dev/kvdef/lv0 ]
	run olvm vgchange -an kvdef
	assert_status 0
	no_dm kvdef
}

@test "image-file PVs are activated on automatic loop devices" {
	openlvm_only
	use_images 2 64M
	olvm pvcreate -q "$IMG0" "$IMG1"
	olvm vgcreate -q kvimg "$IMG0" "$IMG1"
	olvm lvcreate -q -an -Zn -n lv0 -l 4 kvimg "$IMG0:0-3"
	olvm lvextend -q -l +2 kvimg/lv0 "$IMG1:1-2"
	run olvm vgchange -ay kvimg
	assert_status 0
	local l0 l1
	l0=$(losetup -j "$IMG0" | cut -d: -f1)
	l1=$(losetup -j "$IMG1" | cut -d: -f1)
	[ -b "$l0" ] && [ -b "$l1" ]
	assert_equal "$(dmsetup table kvimg-lv0 | awk '{print $4}' | tr '\n' ' ')" \
		"$(devno "$l0") $(devno "$l1") "
	local p0 p1
	p0=$(pe_start_bytes "$IMG0") p1=$(pe_start_bytes "$IMG1")
	check_block /dev/kvimg/lv0 4096 "$l0" $((p0 + 4096))
	check_block /dev/kvimg/lv0 $((4 * EXT)) "$l1" $((p1 + EXT))
	run olvm vgchange -an kvimg
	assert_status 0
	no_dm kvimg
	assert_equal "$(losetup -j "$IMG0")$(losetup -j "$IMG1")" ""
	# The data went to the files themselves.
	dd if="$IMG1" bs=4096 skip=$(((p1 + EXT) / 4096)) count=1 status=none | cmp - "$T/block.w"
}

@test "deactivating every VG leaves no dm device behind" {
	use_disks 2
	use_loops 1 64M
	olvm pvcreate -q "${DEV[@]}"
	olvm vgcreate -q kvall1 "$DEV0"
	olvm vgcreate -q kvall2 "$DEV1" "$DEV2"
	olvm lvcreate -q -an -Zn -n a -L 8M kvall1
	olvm lvcreate -q -an -Zn -n b -L 8M kvall1
	olvm lvcreate -q -an -Zn -i 2 -n c -L 16M kvall2
	olvm lvcreate -q -an -Zn -n d -L 80M kvall2
	run olvm vgchange -ay
	assert_status 0
	assert_equal "$(dm_names kvall | tr '\n' ' ')" "kvall1-a kvall1-b kvall2-c kvall2-d "
	run olvm vgchange -an
	assert_status 0
	run dmsetup ls
	assert_output_contains "No devices found"
	[ ! -e /dev/kvall1 ] && [ ! -e /dev/kvall2 ]
}
