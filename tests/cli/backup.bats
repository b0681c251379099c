#!/usr/bin/env bats
# vgcfgbackup / vgcfgrestore / vgexport / vgimport on fixture b-striped-span.

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

seqno() {
	olvm vgs --noheadings -o seqno fsb | tr -d ' '
}

@test "vgcfgbackup writes the backup file" {
	run olvm vgcfgbackup
	[ "$status" -eq 0 ]
	[ "$output" = '  Volume group "fsb" successfully backed up.' ]
	grep -q "description = \"Created \*after\* executing 'vgcfgbackup'\"" "$BATS_TEST_TMPDIR/backup/fsb"
}

@test "vgcfgbackup -f with %s" {
	run olvm vgcfgbackup -f "$BATS_TEST_TMPDIR/bk_%s"
	[ "$status" -eq 0 ]
	grep -q '^fsb {' "$BATS_TEST_TMPDIR/bk_fsb"
	grep -q 'description = "vgcfgbackup -f' "$BATS_TEST_TMPDIR/bk_fsb"
}

@test "vgcfgrestore restores with a seqno above the disk's" {
	olvm vgcfgbackup -f "$BATS_TEST_TMPDIR/bk" fsb
	before=$(seqno)
	olvm vgchange --addtag t1 fsb
	run olvm vgcfgrestore -f "$BATS_TEST_TMPDIR/bk" fsb
	[ "$status" -eq 0 ]
	[ "$output" = "  Restored volume group fsb." ]
	[ "$(seqno)" -gt "$((before + 1))" ]
	run olvm vgs --noheadings -o tags fsb
	[ -z "$(echo $output)" ]
}

@test "vgcfgrestore refuses a wrong VG name without writing" {
	olvm vgcfgbackup -f "$BATS_TEST_TMPDIR/bk" fsb
	h=$(md_hash)
	run olvm vgcfgrestore -f "$BATS_TEST_TMPDIR/bk" other
	[ "$status" -eq 5 ]
	[[ "$output" == *"'$BATS_TEST_TMPDIR/bk' does not contain volume group 'other'."* ]]
	[[ "$output" == *"Restore failed."* ]]
	[ "$(md_hash)" = "$h" ]
}

@test "vgcfgrestore refuses missing PVs without writing" {
	olvm vgcfgbackup -f "$BATS_TEST_TMPDIR/bk" fsb
	sed -i 's/id = "\(......\)-/id = "zzzzzz-/' "$BATS_TEST_TMPDIR/bk"
	h=$(md_hash)
	run olvm vgcfgrestore -f "$BATS_TEST_TMPDIR/bk" fsb
	[ "$status" -eq 5 ]
	[ "$(md_hash)" = "$h" ]
}

@test "vgcfgrestore refuses an unreadable file" {
	echo "garbage {" >"$BATS_TEST_TMPDIR/bk"
	h=$(md_hash)
	run olvm vgcfgrestore -f "$BATS_TEST_TMPDIR/bk" fsb
	[ "$status" -eq 5 ]
	[ "$(md_hash)" = "$h" ]
}

@test "vgcfgrestore -l lists the backup" {
	olvm vgcfgbackup
	run olvm vgcfgrestore -l fsb
	[ "$status" -eq 0 ]
	[[ "$output" == *"VG name:    	fsb"* ]]
}

@test "vgexport / vgimport" {
	run olvm vgexport fsb
	[ "$status" -eq 0 ]
	[ "$output" = '  Volume group "fsb" successfully exported' ]
	run olvm vgexport fsb
	[ "$status" -eq 5 ]
	[[ "$output" == *"Volume group fsb is exported"* ]]
	run olvm vgdisplay -c fsb
	[[ "$output" == *"fsb:r/w:774:"* ]]
	run olvm pvdisplay -c "${IMG[0]}"
	[[ "${lines[0]}" == *"of volume group \"fsb\" is exported"* ]]
	run olvm lvdisplay fsb
	[ "$status" -eq 5 ]
	run olvm vgimport fsb
	[ "$status" -eq 0 ]
	[ "$output" = '  Volume group "fsb" successfully imported' ]
	run olvm vgimport fsb
	[ "$status" -eq 5 ]
	[[ "$output" == *'Volume group "fsb" is not exported'* ]]
}

@test "vgexport -a / vgimport -a" {
	run olvm vgexport -a
	[ "$status" -eq 0 ]
	run olvm vgimport -a
	[ "$status" -eq 0 ]
	[ "$output" = '  Volume group "fsb" successfully imported' ]
	run olvm vgexport
	[ "$status" -eq 3 ]
}
