#!/usr/bin/env bats
# Device and VG arguments that cannot be used: LVM2 and openlvm print the
# same lines on stderr and exit the same way.  LOOP0 holds VG vg (with LV
# lv), LOOP1 VG vg2, LOOP2 no label; $F is a loop device the filters
# reject and $N a path that does not exist.

load helpers

setup() {
	interop_setup
	new_loops 3 64M
	truncate -s 64M "$T/filtered.img"
	F=$(losetup -f --show "$T/filtered.img") || skip "losetup failed"
	echo "$F" >>"$T/.loops"
	N=/dev/nonexist-openlvm-test
	rlvm vgcreate -q vg "$LOOP0" >/dev/null
	rlvm vgcreate -q vg2 "$LOOP1" >/dev/null
	rlvm lvcreate -q --driverloaded n -an -Zn -L4m -n lv vg >/dev/null 2>&1
	[ -n "$(rfield lvs -o lv_name vg/lv)" ] || skip "LVM2 could not set up vg/lv"
}

# stderr_of TOOL ARGS...: TOOL's stderr without WARNING lines or the
# two-blank indent; the exit code in RC.
stderr_of() {
	local tool=$1
	shift
	RC=0
	ERR=$("$tool" "$@" 2>&1 >/dev/null) || RC=$?
	ERR=$(sed -n '/^  WARNING: /d; s/^  //; p' <<<"$ERR")
}

# same RC EXPECTED ARGS...: both tools exit RC and print exactly EXPECTED.
same() {
	local rc=$1 expected=$2 tool
	shift 2
	for tool in rlvm olvm; do
		stderr_of "$tool" "$@"
		if [ "$RC" != "$rc" ] || [ "$ERR" != "$expected" ]; then
			printf '%s %s\n  exit %s (want %s)\n  got:\n%s\n  want:\n%s\n' \
				"$tool" "$*" "$RC" "$rc" "$ERR" "$expected" >&2
			return 1
		fi
	done
}

# Both tools' stdout for ARGS, which must not change anything.
same_stdout() {
	local r o
	r=$(rlvm "$@" 2>/dev/null) || true
	o=$(olvm "$@" 2>/dev/null) || true
	assert_equal "$o" "$r"
}

@test "a path with no device: 'Cannot use P: device not found'" {
	local before
	before=$(md_hash)
	same 5 "Cannot use $N: device not found" vgreduce vg "$N"
	same 5 "Cannot use $N: device not found" pvdisplay "$N"
	same 5 "Cannot use $N: device not found" pvs "$N"
	same 5 "Cannot use $N: device not found" pvchange -xn "$N"
	same 5 "Cannot use $N: device not found" pvresize "$N"
	same 5 "Cannot use /dev/null: device not found" vgreduce vg /dev/null
	same 5 "Cannot use /dev/null: device not found" pvs /dev/null
	same 5 "Cannot use $F: device is rejected by filter config
Cannot use $N: device not found" pvdisplay "$F" "$N"
	same 5 "Cannot use $F: device is rejected by filter config
Cannot use $N: device not found" pvs "$F" "$N"
	assert_equal "$(md_hash)" "$before"
}

@test "pvchange and pvresize leave an unusable path out of their counts" {
	same_stdout pvchange -xn "$N"
	run olvm pvchange -xn "$N"
	assert_output_contains "0 physical volumes changed / 0 physical volumes not changed"
	same_stdout pvresize "$F"
	run olvm pvresize "$F"
	assert_output_contains "0 physical volume(s) resized or updated / 0 physical volume(s) not resized"
	# with a usable PV too: it is changed, the exit code still says failed
	run rlvm pvchange -xn "$N" "$LOOP0"
	assert_status 5
	assert_output_contains "1 physical volume changed / 0 physical volumes not changed"
	[ "$(rfield pvs -o pv_attr "$LOOP0")" = "u--" ]
	rlvm pvchange -q -xy "$LOOP0" >/dev/null
	run olvm pvchange -xn "$N" "$LOOP0"
	assert_status 5
	assert_output_contains "1 physical volume changed / 0 physical volumes not changed"
	[ "$(rfield pvs -o pv_attr "$LOOP0")" = "u--" ]
	run olvm pvresize "$N" "$LOOP0"
	assert_status 5
	assert_output_contains "1 physical volume(s) resized or updated / 0 physical volume(s) not resized"
}

@test "pvs and pvdisplay still show the usable arguments" {
	same 5 "Cannot use $N: device not found" pvs "$LOOP0" "$N"
	same_stdout pvs "$LOOP0" "$N"
	run olvm pvs --noheadings -o pv_name "$N" "$LOOP0"
	assert_output_contains "$LOOP0"
	same 5 "Cannot use $F: device is rejected by filter config" pvs "$F" "$LOOP0"
	same 5 "Cannot use $N: device not found" pvdisplay -c "$LOOP0" "$N"
	same_stdout pvdisplay -c "$N" "$LOOP0"
	run olvm pvdisplay -c "$N" "$LOOP0"
	assert_output_contains "$LOOP0:vg:"
	# a device without a PV is another message, after the usable ones
	same 5 "Failed to find physical volume \"$LOOP2\"." pvs "$LOOP0" "$LOOP2"
	same 5 "Failed to find physical volume \"$LOOP2\"." pvdisplay "$LOOP2"
}

@test "pvcreate, pvremove, vgcreate, vgextend: 'No device found for P.'" {
	local before
	before=$(md_hash)
	same 5 "No device found for $N." pvcreate "$N"
	same 5 "No device found for $N." pvremove "$N"
	same 5 "No device found for $N." vgcreate v2 "$N"
	same 5 "No device found for $N." vgextend vg "$N"
	same 5 "No device found for /dev/null." pvcreate /dev/null
	same 5 "No device found for $N.
No device found for /dev/null." vgcreate v2 "$N" /dev/null
	# devices that do not exist first, then the rejected ones
	same 5 "No device found for $N.
Cannot use $F: device is rejected by filter config" pvcreate "$F" "$N"
	same 5 "No device found for $N.
Cannot use $F: device is rejected by filter config" pvremove "$N" "$F"
	# the devices are looked for before the VG
	same 5 "No device found for $N." vgextend nosuch "$N"
	assert_equal "$(md_hash)" "$before"
}

@test "vgcreate and vgextend: 'Command requires all devices to be found.' once a path names a device" {
	local before
	before=$(md_hash)
	same 5 "Cannot use $F: device is rejected by filter config
Command requires all devices to be found." vgcreate v2 "$F"
	same 5 "Cannot use $F: device is rejected by filter config
Command requires all devices to be found." vgextend vg "$F"
	same 5 "No device found for $N.
Cannot use $F: device is rejected by filter config
Command requires all devices to be found." vgextend vg "$F" "$N"
	# a usable device is not made a PV when another path is bad
	same 5 "No device found for $N.
Command requires all devices to be found." vgcreate v2 "$LOOP2" "$N"
	same 5 "No device found for $N.
Command requires all devices to be found." vgextend vg "$LOOP2" "$N"
	assert_equal "$(md_hash)" "$before"
	same 5 "Cannot use $F: device is rejected by filter config" pvcreate "$F"
	same 5 "Cannot use $F: device is rejected by filter config" pvremove "$F"
	assert_equal "$(md_hash)" "$before"
}

@test "pvcreate and pvremove still do the usable paths" {
	run rlvm pvcreate "$LOOP2" "$N"
	assert_status 5
	assert_output_contains "successfully created"
	run rlvm pvremove "$LOOP2" "$N"
	assert_status 5
	assert_output_contains "successfully wiped"
	run olvm pvcreate "$LOOP2" "$N"
	assert_status 5
	assert_output_contains "successfully created"
	[ "$(rfield pvs -o pv_name "$LOOP2")" = "$LOOP2" ]
	stderr_of olvm pvremove "$N" "$LOOP2"
	assert_equal "$RC" 5
	assert_equal "$ERR" "No device found for $N."
	run rlvm pvs "$LOOP2"
	assert_status 5
}

@test "--devices: 'device is not in devices list'" {
	same 5 "Cannot use $LOOP1: device is not in devices list" pvs --devices "$LOOP0" "$LOOP1"
	same 5 "Cannot use $LOOP2: device is not in devices list" pvcreate --devices "$LOOP0" "$LOOP2"
	same 5 "Cannot use $LOOP2: device is not in devices list
Command requires all devices to be found." vgextend --devices "$LOOP0" vg "$LOOP2"
}

@test "pvck: its own words, and a rejected device is no failure" {
	same 5 "Cannot access device $N." pvck "$N"
	same 5 "Invaild device type /dev/null." pvck /dev/null
	same 0 "Cannot use $F: device is rejected by filter config." pvck "$F"
	same 0 "Cannot use $N: device not found.
Cannot use /dev/nonexist2-openlvm-test: device not found." pvck "$N" /dev/nonexist2-openlvm-test
	same 0 "Cannot use /dev/null: device not found.
Cannot use $N: device not found." pvck /dev/null "$N"
	same 0 "Cannot use $F: device is rejected by filter config." pvck "$F" "$LOOP0"
	same_stdout pvck "$N" "$LOOP0"
	run olvm pvck "$N" "$LOOP0"
	assert_output_contains "Found label on $LOOP0"
	same 5 "Cannot access $N." pvck --dump headers "$N"
	same 5 "Cannot use $F: device is rejected by filter config." pvck --dump headers "$F"
	same 5 "Cannot use /dev/null: device not found." pvck --dump headers /dev/null
	same 5 "Cannot access $N." pvck --dump metadata_all "$N"
}

@test "pvck --dump and --repair take one PV" {
	local before
	rlvm vgcfgbackup -q -f "$T/vg.meta" vg >/dev/null
	before=$(md_hash)
	same 3 "Command does not accept argument: $LOOP1." pvck --dump headers "$LOOP0" "$LOOP1"
	same 3 "Command does not accept argument: $LOOP1." pvck --dump metadata_all "$N" "$LOOP1" "$LOOP2"
	same 3 "Command does not accept argument: $LOOP1." pvck --repair -f "$T/vg.meta" "$LOOP0" "$LOOP1"
	assert_equal "$(md_hash)" "$before"
}

@test "lvcreate, lvextend, lvresize: 'Physical Volume \"P\" not found in Volume Group \"VG\".'" {
	local before p
	before=$(md_hash)
	for p in "$N" "$F" "$LOOP1" "$LOOP2" /dev/null; do
		same 5 "Physical Volume \"$p\" not found in Volume Group \"vg\"." \
			lvcreate --driverloaded n -an -Zn -L4m -n zz vg "$p"
		same 5 "Physical Volume \"$p\" not found in Volume Group \"vg\"." \
			lvextend --driverloaded n -L+4m vg/lv "$p"
	done
	same 5 "Physical Volume \"$N\" not found in Volume Group \"vg\"." \
		lvresize --driverloaded n -L+4m vg/lv "$N"
	same 5 "Physical Volume \"$F\" not found in Volume Group \"vg\"." \
		lvresize --driverloaded n -L+4m vg/lv "$F"
	same 5 "Physical Volume \"$N\" not found in Volume Group \"vg\"." \
		lvcreate --driverloaded n -an -Zn -L4m -n zz vg "$N" "$F"
	assert_equal "$(md_hash)" "$before"
}

@test "vgsplit: 'Physical volume P not in volume group VG'" {
	local before p
	before=$(md_hash)
	for p in "$N" "$F" "$LOOP1" "$LOOP2"; do
		same 5 "Physical volume $p not in volume group vg" vgsplit vg new "$p"
	done
	same 5 "Physical volume $N not in volume group vg" vgsplit vg new "$N" "$F"
	assert_equal "$(md_hash)" "$before"
}

@test "vgreduce: a device outside the VG is 'Failed to find physical volume'" {
	local before
	before=$(md_hash)
	same 5 "Failed to find physical volume \"$LOOP1\"." vgreduce vg "$LOOP1"
	same 5 "Failed to find physical volume \"$LOOP2\"." vgreduce vg "$LOOP2"
	same 5 "Cannot use $F: device is rejected by filter config" vgreduce vg "$F"
	assert_equal "$(md_hash)" "$before"
}

@test "vgreduce: one PV that cannot go fails the command and writes nothing (LVM2 removes the others)" {
	local before
	rlvm vgextend -q vg "$LOOP2" >/dev/null
	before=$(md_hash)
	stderr_of olvm vgreduce vg "$N" "$LOOP2"
	assert_equal "$RC" 5
	assert_equal "$ERR" "Cannot use $N: device not found"
	stderr_of olvm vgreduce vg "$LOOP2" "$LOOP1"
	assert_equal "$RC" 5
	assert_equal "$(md_hash)" "$before"
	assert_equal "$(rfield pvs -o vg_name "$LOOP2")" vg
}

@test "a VG that does not exist: the second line each command prints" {
	same 5 'Volume group "nosuch" not found
Cannot process volume group nosuch' lvdisplay nosuch
	same 5 'Volume group "nosuch" not found
Cannot process volume group nosuch' lvdisplay nosuch/lv
	same 5 'Volume group "nosuch" not found
Cannot process volume group nosuch' vgcfgbackup -f "$T/bk" nosuch
	same 5 'Volume group "nosuch" not found
Failed to read VG other.' vgsplit nosuch other "$LOOP0"
	same 5 'Volume group "nosuch" not found
Failed to read VG other.' vgsplit nosuch other -n lv
	same 5 'Volume group "nosuch" not found' vgmerge nosuch vg2
	same 5 'Volume group "nosuch" not found' vgmerge vg2 nosuch
}

@test "pvck --repair: a path with no device" {
	local before
	rlvm vgcfgbackup -q -f "$T/vg.meta" vg >/dev/null
	before=$(md_hash)
	same 5 "Cannot access device $N.
Failed to set up device $N." pvck --repair -f "$T/vg.meta" "$N"
	same 5 "Invaild device type /dev/null.
Failed to set up device /dev/null." pvck --repair -f "$T/vg.meta" /dev/null
	assert_equal "$(md_hash)" "$before"
}
