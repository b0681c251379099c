#!/usr/bin/env bats
# pvdisplay/vgdisplay/lvdisplay/pvck output compared with real LVM2 2.03.16
# run on fixture b-striped-span (expected text below captured from LVM2;
# @0/@1 stand for the two PV paths).

load helpers

setup() {
	setup_images 0 1M
	IMG=("$BATS_TEST_TMPDIR/b0.img" "$BATS_TEST_TMPDIR/b1.img")
	xz -dc "$TOP/tests/fixtures/b-striped-span/b0.img.xz" >"${IMG[0]}"
	xz -dc "$TOP/tests/fixtures/b-striped-span/b1.img.xz" >"${IMG[1]}"
	write_lvm_conf
}

teardown() {
	helpers_teardown
}

# Prints the expected block for "## CMD".
expected() {
	awk -v want="## $1" '/^## /{on = ($0 == want); next} on' <<'EXPECTED'
## pvdisplay
  --- Physical volume ---
  PV Name               @0
  VG Name               fsb
  PV Size               32.00 MiB / not usable 4.00 MiB
  Allocatable           yes (but full)
  PE Size               4.00 MiB
  Total PE              7
  Free PE               0
  Allocated PE          7
  PV UUID               aWEUAC-3gf4-kpbh-LO1B-OQHA-DoSc-4j3FTl
   
  --- Physical volume ---
  PV Name               @1
  VG Name               fsb
  PV Size               32.00 MiB / not usable 4.00 MiB
  Allocatable           yes 
  PE Size               4.00 MiB
  Total PE              7
  Free PE               4
  Allocated PE          3
  PV UUID               glwkNh-qKJH-4wpJ-F6yz-WnFq-6BVu-9tZlK8
   
## pvdisplay -m
  --- Physical volume ---
  PV Name               @0
  VG Name               fsb
  PV Size               32.00 MiB / not usable 4.00 MiB
  Allocatable           yes (but full)
  PE Size               4.00 MiB
  Total PE              7
  Free PE               0
  Allocated PE          7
  PV UUID               aWEUAC-3gf4-kpbh-LO1B-OQHA-DoSc-4j3FTl
   
  --- Physical Segments ---
  Physical extent 0 to 0:
    Logical volume	/dev/fsb/stripe
    Logical extents	0 to 1
  Physical extent 1 to 6:
    Logical volume	/dev/fsb/span
    Logical extents	0 to 5
   
  --- Physical volume ---
  PV Name               @1
  VG Name               fsb
  PV Size               32.00 MiB / not usable 4.00 MiB
  Allocatable           yes 
  PE Size               4.00 MiB
  Total PE              7
  Free PE               4
  Allocated PE          3
  PV UUID               glwkNh-qKJH-4wpJ-F6yz-WnFq-6BVu-9tZlK8
   
  --- Physical Segments ---
  Physical extent 0 to 0:
    Logical volume	/dev/fsb/stripe
    Logical extents	0 to 1
  Physical extent 1 to 2:
    Logical volume	/dev/fsb/span
    Logical extents	6 to 7
  Physical extent 3 to 6:
    FREE
   
## pvdisplay -c
  @0:fsb:65536:-1:8:8:-1:4096:7:0:7:aWEUAC-3gf4-kpbh-LO1B-OQHA-DoSc-4j3FTl
  @1:fsb:65536:-1:8:8:-1:4096:7:4:3:glwkNh-qKJH-4wpJ-F6yz-WnFq-6BVu-9tZlK8
## pvdisplay -s
  Device "@0" has a capacity of 0   
  Device "@1" has a capacity of 16.00 MiB
## vgdisplay -v
  --- Volume group ---
  VG Name               fsb
  System ID             
  Format                lvm2
  Metadata Areas        2
  Metadata Sequence No  3
  VG Access             read/write
  VG Status             resizable
  MAX LV                0
  Cur LV                2
  Open LV               0
  Max PV                0
  Cur PV                2
  Act PV                2
  VG Size               56.00 MiB
  PE Size               4.00 MiB
  Total PE              14
  Alloc PE / Size       10 / 40.00 MiB
  Free  PE / Size       4 / 16.00 MiB
  VG UUID               694vcm-qOAQ-xoKb-C1ej-HwEB-6SAc-ZNAYN9
   
  --- Logical volume ---
  LV Path                /dev/fsb/stripe
  LV Name                stripe
  VG Name                fsb
  LV UUID                3356qv-odNs-aAg8-iI2h-fnHU-FLON-ftnazC
  LV Write Access        read/write
  LV Creation host, time vm, 2026-11-24 10:40:39 +0000
  LV Status              NOT available
  LV Size                8.00 MiB
  Current LE             2
  Segments               1
  Allocation             inherit
  Read ahead sectors     auto
   
  --- Logical volume ---
  LV Path                /dev/fsb/span
  LV Name                span
  VG Name                fsb
  LV UUID                GJQxjG-nyfv-AXAq-MGkl-ZMgP-BYUj-OPvxIs
  LV Write Access        read/write
  LV Creation host, time vm, 2026-11-24 10:40:39 +0000
  LV Status              NOT available
  LV Size                32.00 MiB
  Current LE             8
  Segments               2
  Allocation             inherit
  Read ahead sectors     auto
   
  --- Physical volumes ---
  PV Name               @0     
  PV UUID               aWEUAC-3gf4-kpbh-LO1B-OQHA-DoSc-4j3FTl
  PV Status             allocatable
  Total PE / Free PE    7 / 0
   
  PV Name               @1     
  PV UUID               glwkNh-qKJH-4wpJ-F6yz-WnFq-6BVu-9tZlK8
  PV Status             allocatable
  Total PE / Free PE    7 / 4
   
## vgdisplay -c
  fsb:r/w:772:-1:0:2:0:-1:0:2:2:57344:4096:14:10:4:694vcm-qOAQ-xoKb-C1ej-HwEB-6SAc-ZNAYN9
## vgdisplay -s
  "fsb" 56.00 MiB [40.00 MiB used / 16.00 MiB free]
## lvdisplay -m
  --- Logical volume ---
  LV Path                /dev/fsb/stripe
  LV Name                stripe
  VG Name                fsb
  LV UUID                3356qv-odNs-aAg8-iI2h-fnHU-FLON-ftnazC
  LV Write Access        read/write
  LV Creation host, time vm, 2026-11-24 10:40:39 +0000
  LV Status              NOT available
  LV Size                8.00 MiB
  Current LE             2
  Segments               1
  Allocation             inherit
  Read ahead sectors     auto
   
  --- Segments ---
  Logical extents 0 to 1:
    Type		striped
    Stripes		2
    Stripe size		64.00 KiB
    Stripe 0:
      Physical volume	@0
      Physical extents	0 to 0
    Stripe 1:
      Physical volume	@1
      Physical extents	0 to 0
   
   
  --- Logical volume ---
  LV Path                /dev/fsb/span
  LV Name                span
  VG Name                fsb
  LV UUID                GJQxjG-nyfv-AXAq-MGkl-ZMgP-BYUj-OPvxIs
  LV Write Access        read/write
  LV Creation host, time vm, 2026-11-24 10:40:39 +0000
  LV Status              NOT available
  LV Size                32.00 MiB
  Current LE             8
  Segments               2
  Allocation             inherit
  Read ahead sectors     auto
   
  --- Segments ---
  Logical extents 0 to 5:
    Type		linear
    Physical volume	@0
    Physical extents	1 to 6
   
  Logical extents 6 to 7:
    Type		linear
    Physical volume	@1
    Physical extents	1 to 2
   
   
## lvdisplay -c
  /dev/fsb/stripe:fsb:3:0:-1:0:16384:2:-1:0:-1:-1:-1
  /dev/fsb/span:fsb:3:0:-1:0:65536:8:-1:0:-1:-1:-1
## pvck @0
  Found label on @0, sector 1, type=LVM2 001
  Found text metadata area: offset=4096, size=1044480
## pvck --dump headers @0
  label_header at 512
  label_header.id LABELONE
  label_header.sector 1
  label_header.crc 0x6d79f5a7
  label_header.offset 32
  label_header.type LVM2 001
  pv_header at 544
  pv_header.pv_uuid aWEUAC3gf4kpbhLO1BOQHADoSc4j3FTl
  pv_header.device_size 33554432
  pv_header.disk_locn[0] at 584 # location of data area
  pv_header.disk_locn[0].offset 1048576
  pv_header.disk_locn[0].size 0
  pv_header.disk_locn[1] at 600 # location list end
  pv_header.disk_locn[1].offset 0
  pv_header.disk_locn[1].size 0
  pv_header.disk_locn[2] at 616 # location of metadata area
  pv_header.disk_locn[2].offset 4096
  pv_header.disk_locn[2].size 1044480
  pv_header.disk_locn[3] at 632 # location list end
  pv_header.disk_locn[3].offset 0
  pv_header.disk_locn[3].size 0
  pv_header_extension at 648
  pv_header_extension.version 2
  pv_header_extension.flags 1
  pv_header_extension.disk_locn[0] at 656 # location list end
  pv_header_extension.disk_locn[0].offset 0
  pv_header_extension.disk_locn[0].size 0
  mda_header_1 at 4096 # metadata area
  mda_header_1.checksum 0x47ef8ffe
  mda_header_1.magic 0x204c564d3220785b35412572304e2a3e
  mda_header_1.version 1
  mda_header_1.start 4096
  mda_header_1.size 1044480
  mda_header_1.raw_locn[0] at 4136 # commit
  mda_header_1.raw_locn[0].offset 3072
  mda_header_1.raw_locn[0].size 1618
  mda_header_1.raw_locn[0].checksum 0x81e3d49a
  mda_header_1.raw_locn[0].flags 0x0
  mda_header_1.raw_locn[1] at 4160 # precommit
  mda_header_1.raw_locn[1].offset 0
  mda_header_1.raw_locn[1].size 0
  mda_header_1.raw_locn[1].checksum 0x0
  mda_header_1.raw_locn[1].flags 0x0
  metadata text at 7168 crc 0x81e3d49a # vgname fsb seqno 3
EXPECTED
}

check() {
	local args=${1//@0/${IMG[0]}}
	args=${args//@1/${IMG[1]}}
	run bash -c "\"$LVM\" $args 2>&1"
	local got=${output//${IMG[0]}/@0}
	got=${got//${IMG[1]}/@1}
	diff <(expected "$1") <(printf '%s\n' "$got")
}

@test "pvdisplay long form" { check "pvdisplay"; }
@test "pvdisplay -m" { check "pvdisplay -m"; }
@test "pvdisplay -c" { check "pvdisplay -c"; }
@test "pvdisplay -s" { check "pvdisplay -s"; }
@test "vgdisplay -v" { check "vgdisplay -v"; }
@test "vgdisplay -c" { check "vgdisplay -c"; }
@test "vgdisplay -s" { check "vgdisplay -s"; }
@test "lvdisplay -m" { check "lvdisplay -m"; }
@test "lvdisplay -c" { check "lvdisplay -c"; }
@test "pvck good PV" { check "pvck @0"; }
@test "pvck --dump headers" { check "pvck --dump headers @0"; }

@test "pvdisplay --units s" {
	run olvm pvdisplay --units s "${IMG[0]}"
	[ "$status" -eq 0 ]
	[[ "$output" == *"PE Size               8192 Se"* ]]
}

# As LVM2 shows them: multiples of 2.5 MiB are "Un", of 1.5 KiB still "KiB",
# of 1.5 sectors whole "Se".
@test "vgdisplay with a counted --units" {
	run olvm vgdisplay --units 2.5m fsb
	[ "$status" -eq 0 ]
	[[ "$output" == *"VG Size               22.40 Un"* ]] || { echo "$output"; return 1; }
	run olvm vgdisplay --units 1.5k fsb
	[[ "$output" == *"PE Size               2730.67 KiB"* ]] || { echo "$output"; return 1; }
	run olvm vgdisplay -s --units 1.5s fsb
	assert_equal "$output" '  "fsb" 76459 Se  [54613 Se  used / 21845 Se free]'
}

# LVM2 pads the first two sizes of vgdisplay -s to 9 columns.
@test "vgdisplay -s pads short sizes as LVM2 does" {
	run olvm vgdisplay -s --units k fsb
	assert_equal "$output" '  "fsb" 57344.00 KiB [40960.00 KiB used / 16384.00 KiB free]'
	run olvm vgdisplay -s --units g fsb
	assert_equal "$output" '  "fsb" 0.05 GiB  [0.04 GiB  used / 0.02 GiB free]'
}

@test "display commands refuse incompatible options" {
	run olvm lvdisplay -c -m
	[ "$status" -eq 3 ]
	run olvm vgdisplay nosuchvg
	[ "$status" -eq 5 ]
	[[ "$output" == *"Volume group \"nosuchvg\" not found"* ]]
}

@test "display commands: -S is not implemented and says so" {
	local c
	for c in pvdisplay vgdisplay lvdisplay; do
		run olvm "$c" -S 'vg_name=none'
		assert_status 5
		assert_output_contains "-S|--select is not implemented for $c"
	done
}
