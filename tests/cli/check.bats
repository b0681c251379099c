#!/usr/bin/env bats
# vgck and pvck on fixture b-striped-span.

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

@test "vgck is silent for a sound VG" {
	run olvm vgck
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run olvm vgck nosuch
	[ "$status" -eq 5 ]
}

@test "vgck reports a damaged mda header; --updatemetadata repairs it" {
	# Corrupt the mda header checksum of the second PV.
	printf '\xff' | dd of="${IMG[1]}" bs=1 seek=4096 conv=notrunc 2>/dev/null
	run olvm vgck fsb
	[ "$status" -eq 5 ]
	run olvm vgck --updatemetadata fsb
	[ "$status" -eq 0 ]
	run olvm vgck fsb
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "pvck --dump metadata prints the committed text" {
	run olvm pvck --dump metadata "${IMG[0]}"
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "  metadata text at 7168 crc 0x81e3d49a # vgname fsb seqno 3" ]]
	[ "${lines[1]}" = "  ---" ]
	[ "${lines[2]}" = "fsb {" ]
}

@test "pvck --dump metadata -f writes the file" {
	run olvm pvck --dump metadata -f "$BATS_TEST_TMPDIR/m" "${IMG[0]}"
	[ "$status" -eq 0 ]
	cmp "$BATS_TEST_TMPDIR/m" "$TOP/tests/fixtures/b-striped-span/b0-mda0-text.txt"
}

@test "pvck fails on a damaged metadata text" {
	# Flip a byte in the committed text (mda at 4096 + offset 3072).
	printf 'X' | dd of="${IMG[0]}" bs=1 seek=$((4096 + 3072 + 10)) conv=notrunc 2>/dev/null
	run olvm pvck "${IMG[0]}"
	[ "$status" -eq 5 ]
	run olvm pvck --repair "${IMG[0]}"
	[ "$status" -eq 3 ]	# as LVM2: --repair needs -f FILE
}

@test "pvck on a device without a label" {
	setup_images 1 8M
	run olvm pvck "$IMG0"
	[ "$status" -eq 5 ]
	assert_output_contains "No LVM label found on $IMG0"
	# as LVM2: a device the filter rejects is reported, not a failure
	truncate -s 8M "$T/empty.img"
	run olvm pvck "$T/empty.img"
	assert_status 0
	assert_equal "$output" "  Cannot use $T/empty.img: device is rejected by filter config."
}
