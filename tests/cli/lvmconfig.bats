#!/usr/bin/env bats
# lvmconfig / lvm dumpconfig, lvm.conf checks and profiles.

load helpers

setup() {
	setup_images 1 32M
}

@test "lvmconfig: current configuration, LVM2's layout" {
	run olvm lvmconfig
	assert_status 0
	assert_output_contains 'devices {'
	assert_output_contains "	locking_dir=\"$T/lock\""
	assert_output_contains '	use_devicesfile=0'
	run olvm dumpconfig global/locking_dir
	assert_status 0
	assert_equal "$output" "locking_dir=\"$T/lock\""
	run olvm lvmconfig backup
	assert_status 0
	assert_equal "${lines[0]}" "backup {"
}

@test "lvmconfig: unknown node fails" {
	run olvm lvmconfig global/units
	assert_status 5
	assert_output_contains 'Configuration node global/units not found'
}

@test "lvmconfig: --config overrides" {
	run olvm lvmconfig --config 'global { units = "k" }' global/units
	assert_status 0
	assert_equal "$output" 'units="k"'
}

@test "lvmconfig --type default/missing/full/list/diff" {
	run olvm lvmconfig --type default global/units
	assert_status 0
	assert_equal "$output" '# units="r"'
	run olvm lvmconfig --type default backup/backup_dir
	assert_equal "$output" "# backup_dir=\"$LVM_SYSTEM_DIR/backup\""
	run olvm lvmconfig --type full global/units backup/backup
	assert_status 0
	assert_equal "${lines[0]}" 'units="r"'
	assert_equal "${lines[1]}" 'backup=1'
	run olvm lvmconfig --type missing
	assert_output_contains '# units="r"'
	assert_output_not_contains 'locking_dir'
	run olvm lvmconfig --type list
	assert_output_contains 'devices/filter'
	assert_output_contains 'report/output_format'
	run olvm lvmconfig --type diff --config 'global { units = "r" wait_for_locks = 0 }'
	assert_output_contains 'wait_for_locks=0'
	assert_output_not_contains 'units='
	run olvm lvmconfig --type bogus
	assert_status 3
}

@test "lvmconfig --withcomments describes settings" {
	run olvm lvmconfig --type default --withcomments devices/scan
	assert_status 0
	assert_output_contains '# Configuration option devices/scan.'
	assert_output_contains '# Directories searched for block devices.'
	assert_output_contains '# scan=["/dev"]'
}

@test "lvmconfig --validate; bad types are errors naming the key" {
	run olvm lvmconfig --validate
	assert_status 0
	assert_output_contains 'LVM configuration valid.'
	run olvm lvmconfig --validate --config 'global { units = 5 }'
	assert_status 5
	assert_output_contains 'Configuration setting "global/units" has invalid type. Found integer but expected string.'
	run olvm pvs --config 'devices { filter = 1 }'
	assert_status 5
	assert_output_contains '"devices/filter"'
}

@test "lvm.conf: unknown sections and keys warn but work" {
	run olvm pvs --config 'global { nosuchkey = 1 } nosuchsection { x = 1 }'
	assert_status 0
	assert_output_contains 'Configuration setting "global/nosuchkey" unknown.'
	assert_output_contains 'Configuration section "nosuchsection" unknown.'
}

@test "profiles: --commandprofile and --profile merge over lvm.conf" {
	olvm pvcreate "$IMG0" >/dev/null
	mkdir -p "$LVM_SYSTEM_DIR/profile"
	echo 'global { units = "k" }' >"$LVM_SYSTEM_DIR/profile/kb.profile"
	run olvm pvs --noheadings -o pv_size --commandprofile kb
	assert_status 0
	assert_output_contains 'k'
	run olvm lvmconfig --profile kb global/units
	assert_equal "$output" 'units="k"'
	run olvm pvs --profile nosuch
	assert_status 5
	assert_output_contains 'Failed to apply command profile nosuch.'
	echo 'devices { scan = [ "/dev" ] }' >"$LVM_SYSTEM_DIR/profile/bad.profile"
	run olvm pvs --commandprofile bad
	assert_status 5
	assert_output_contains 'Configuration section "devices" is not customizable by a profile.'
}

@test "lvmlocal.conf is merged" {
	echo 'global { units = "s" }' >"$LVM_SYSTEM_DIR/lvmlocal.conf"
	run olvm lvmconfig global/units
	assert_status 0
	assert_equal "$output" 'units="s"'
}

@test "lvm.conf(5) documents exactly the settings lvmconfig lists, with their defaults" {
	run olvm lvmconfig --type list
	assert_status 0
	local listed documented
	listed=$(sort <<<"$output")
	documented=$(grep -oE '^\.It Cm [a-z_]+/[a-z_]+' "$TOP/man/lvm.conf.5" | sed 's/^.It Cm //' | sort)
	assert_equal "$documented" "$listed"
	run olvm lvmconfig --type default global/units metadata/pvmetadatacopies
	grep -q '^\.It Cm global/units Pq string; default Qq r$' "$TOP/man/lvm.conf.5"
	grep -q '^\.It Cm metadata/pvmetadatacopies Pq integer; default 1$' "$TOP/man/lvm.conf.5"
}
