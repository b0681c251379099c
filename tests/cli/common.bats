#!/usr/bin/env bats
# Options every command shares, exit codes, --help/--version, bad command
# lines, the bin/ symlinks.

load helpers

@test "lvm version / --version print the versions" {
	setup_images 1 8M
	run olvm version
	assert_status 0
	assert_output_contains "LVM version:"
	assert_output_contains "openlvm"
	run olvm pvs --version
	assert_status 0
	assert_output_contains "LVM version:"
}

@test "--help on every PV/VG command exits 0 and names the command" {
	setup_images 1 8M
	for c in pvcreate pvremove pvchange pvresize pvscan pvs \
		vgcreate vgextend vgreduce vgremove vgrename vgchange vgscan vgs; do
		run olvm "$c" --help
		[ "$status" -eq 0 ] || { echo "$c --help: status $status"; return 1; }
		[[ "$output" == *"$c"* ]] || { echo "$c --help: $output"; return 1; }
	done
}

@test "unknown command is a bad command line" {
	setup_images 1 8M
	run olvm nosuchcommand
	[ "$status" -ne 0 ]
	assert_output_contains "No such command 'nosuchcommand'"
}

@test "unknown option: exit 3 and a pointer to --help" {
	setup_images 1 8M
	run olvm pvcreate --bogus "$IMG0"
	assert_status 3
	assert_output_contains "--help"
	run olvm vgs --bogus
	assert_status 3
}

@test "option of another command is refused" {
	setup_images 1 8M
	h=$(md_hash)
	run olvm pvcreate --physicalextentsize 4m "$IMG0"
	assert_status 3
	assert_equal "$(md_hash)" "$h"
}

@test "missing option value is a bad command line" {
	setup_images 1 8M
	run olvm pvcreate "$IMG0" --metadatasize
	assert_status 3
	run olvm vgcreate -s
	assert_status 3
}

@test "bad numbers and sizes are bad command lines" {
	setup_images 1 16M
	h=$(md_hash)
	run olvm pvcreate --metadatasize abc "$IMG0"
	assert_status 3
	run olvm pvcreate --labelsector x "$IMG0"
	assert_status 3
	run olvm pvchange -x maybe "$IMG0"
	assert_status 3
	assert_equal "$(md_hash)" "$h"
}

@test "a bad --units is a bad command line, in LVM2's words" {
	setup_images 1 8M
	olvm pvcreate "$IMG0"
	for u in xyz 5q 0k 4 kk "" 0.5b 1.5 .5m +2m 1..5m 2.5mm; do
		for c in pvs vgs lvs pvdisplay; do
			run olvm "$c" --units "$u"
			[ "$status" -eq 3 ] || { echo "$c --units '$u': status $status"; return 1; }
			assert_equal "${lines[0]}" "  Invalid units specification"
			assert_equal "${lines[1]}" "  Run \`$c --help' for more information."
		done
	done
	for u in h H r R b s k m 4k 4K 12s 1h 2.5m 1.5k 1e1m 0.001k; do
		run olvm pvs --units "$u" -o pv_size "$IMG0"
		[ "$status" -eq 0 ] || { echo "--units '$u': status $status: $output"; return 1; }
	done
}

@test "a VG that does not exist: LVM2's two lines and exit 5, for each command" {
	setup_images 1 8M
	olvm pvcreate "$IMG0"
	local c
	while read -r c; do
		# shellcheck disable=SC2086
		run olvm $c
		[ "$status" -eq 5 ] || { echo "$c: status $status"; return 1; }
		assert_equal "$output" '  Volume group "nx" not found
  Cannot process volume group nx'
	done <<EOF
vgs nx
lvs nx
lvs nx/lv
vgchange --addtag t nx
vgchange -an nx
lvcreate -an -Zn -L 4m -n l nx
vgremove nx
vgextend nx $IMG0
vgrename nx ny
lvremove nx/l
lvrename nx a b
lvchange -an nx/l
lvextend -L+4m nx/l
vgdisplay nx
vgck nx
EOF
	run olvm vgs nx nx2
	assert_status 5
	assert_equal "$output" '  Volume group "nx" not found
  Cannot process volume group nx
  Volume group "nx2" not found
  Cannot process volume group nx2'
}

@test "too many / too few positional arguments" {
	setup_images 1 8M
	run olvm vgrename onlyone
	assert_status 3
	run olvm vgrename a b c
	assert_status 3
	run olvm vgcreate
	assert_status 3
}

@test "--test on a writing command changes nothing" {
	setup_images 2 16M
	olvm pvcreate "$IMG0" "$IMG1"
	olvm vgcreate vg0 "$IMG0"
	h=$(md_hash)
	for args in "vgextend vg0 $IMG1" "vgchange --addtag x vg0" "vgrename vg0 vg9" \
		"pvchange -x n $IMG0" "vgremove -f vg0" "pvremove $IMG1"; do
		# shellcheck disable=SC2086
		run olvm ${args%% *} --test ${args#* }
		[ "$status" -eq 0 ] || { echo "$args: status $status: $output"; return 1; }
	done
	assert_equal "$(md_hash)" "$h"
}

@test "--config overrides lvm.conf (a filter that rejects everything)" {
	setup_images 1 16M
	olvm pvcreate "$IMG0"
	run field pvs -o pv_name
	assert_equal "$output" "$IMG0"
	run olvm pvs --noheadings --config 'devices { global_filter = [ "r|.*|" ] }'
	assert_equal "$output" ""
}

@test "-q quiets, -v is accepted" {
	setup_images 1 16M
	run olvm pvcreate -q "$IMG0"
	assert_status 0
	assert_output_not_contains "successfully created"
	run olvm pvs -v
	assert_status 0
}

@test "--yes and --force long forms are accepted" {
	setup_images 1 16M
	olvm pvcreate "$IMG0"
	olvm vgcreate vg0 "$IMG0"
	run olvm pvcreate --force --force --yes "$IMG0"
	assert_status 0
}

@test "bin/ symlinks run the command named by argv[0]" {
	setup_images 1 16M
	[ -L "$TOP/bin/pvcreate" ] || skip "bin/ symlinks not built (run make)"
	run "$TOP/bin/pvcreate" "$IMG0"
	assert_status 0
	run "$TOP/bin/pvs" --noheadings -o pv_name
	assert_equal "$(echo $output)" "$IMG0"
}

@test "LVM_SYSTEM_DIR without lvm.conf still works (defaults)" {
	setup_images 1 16M
	rm "$LVM_SYSTEM_DIR/lvm.conf"
	run olvm version
	assert_status 0
}

@test "a failed command on one device still processes the others, exit 5" {
	setup_images 2 16M
	run olvm pvcreate "$IMG0" "$T/missing.img" "$IMG1"
	assert_status 5
	assert_equal "$(read_str "$IMG0" 512 8)" LABELONE
	assert_equal "$(read_str "$IMG1" 512 8)" LABELONE
}

# LVM2 2.03's words for paths that name no usable device, per command family
# (tests/interop/devargs.bats checks them against LVM2 itself).
@test "device arguments that cannot be used: LVM2's wording per command" {
	setup_images 2 16M
	olvm vgcreate vg "$IMG0" >/dev/null
	olvm lvcreate -an -Zn -L4m -n lv vg >/dev/null 2>&1
	local n="$T/missing.img" f="$T/filtered.img" before
	truncate -s 16M "$f"	# exists, but the filter accepts only IMG*
	before=$(md_hash)
	run olvm vgreduce vg "$n"
	assert_status 5
	assert_equal "$output" "  Cannot use $n: device not found"
	run olvm pvs "$f"
	assert_status 5
	assert_equal "$output" "  Cannot use $f: device is rejected by filter config"
	run olvm pvchange -xn "$n"
	assert_status 5
	assert_equal "$output" "  Cannot use $n: device not found
  0 physical volumes changed / 0 physical volumes not changed"
	run olvm pvresize "$f"
	assert_status 5
	assert_output_contains "0 physical volume(s) resized or updated / 0 physical volume(s) not resized"
	run olvm pvcreate "$f" "$n"
	assert_status 5
	assert_equal "$output" "  No device found for $n.
  Cannot use $f: device is rejected by filter config"
	run olvm vgextend vg "$n"
	assert_status 5
	assert_equal "$output" "  No device found for $n."
	run olvm vgcreate v2 "$IMG1" "$n"
	assert_status 5
	assert_equal "$output" "  No device found for $n.
  Command requires all devices to be found."
	run olvm pvck "$n"
	assert_status 5
	assert_equal "$output" "  Cannot access device $n."
	run olvm pvck "$f"
	assert_status 0
	assert_equal "$output" "  Cannot use $f: device is rejected by filter config."
	run olvm lvcreate -an -Zn -L4m -n zz vg "$IMG1"
	assert_status 5
	assert_output_contains "Physical Volume \"$IMG1\" not found in Volume Group \"vg\"."
	run olvm vgsplit vg new "$n"
	assert_status 5
	assert_equal "$output" "  Physical volume $n not in volume group vg"
	assert_equal "$(md_hash)" "$before"
}

@test "a VG that does not exist: the second line differs by command" {
	setup_images 1 8M
	olvm vgcreate vg "$IMG0" >/dev/null
	local c
	for c in "lvdisplay nx" "lvdisplay nx/lv" "vgcfgbackup nx"; do
		# shellcheck disable=SC2086
		run olvm $c
		assert_status 5
		assert_equal "$output" '  Volume group "nx" not found
  Cannot process volume group nx'
	done
	run olvm vgsplit nx other -n lv
	assert_status 5
	assert_equal "$output" '  Volume group "nx" not found
  Failed to read VG other.'
	run olvm vgmerge nx vg
	assert_status 5
	assert_equal "$output" '  Volume group "nx" not found'
	run olvm vgmerge vg nx
	assert_status 5
	assert_equal "$output" '  Volume group "nx" not found'
}
