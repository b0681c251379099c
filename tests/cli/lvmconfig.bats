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

@test "lvmconfig --validate; a bad value fails a command, naming the key" {
	run olvm lvmconfig --validate
	assert_status 0
	assert_equal "$output" '  LVM configuration valid.'
	run olvm lvmconfig --validate --config 'global { units = 5 }'
	assert_status 5
	assert_output_contains '  WARNING: Configuration setting "global/units" has invalid type. Found integer but expected string.'
	assert_output_contains '  LVM configuration invalid.'
	run olvm pvs --config 'devices { filter = 1 }'
	assert_status 5
	assert_output_contains 'WARNING: Configuration setting "devices/filter" has invalid type. Found integer but expected array with values of type: string.'
	assert_output_contains 'Invalid value for configuration setting devices/filter.'
	run olvm lvmconfig --validate --config 'devices { filter = [ "a|x|", 1 ] }'
	assert_status 5
	assert_output_contains 'Found integer but expected array with values of type: string.'
	run olvm lvmconfig --validate --config 'global { wait_for_locks = 1.0 }'
	assert_output_contains 'Found float but expected boolean.'
}

@test "lvmconfig --validate: LVM2's messages for unknown names and bad values" {
	local spec msg
	while IFS='|' read -r spec msg; do
		run olvm lvmconfig --validate --config "$spec"
		[ "$status" -eq 5 ] || { echo "$spec: status $status"; return 1; }
		assert_output_contains "$msg"
		assert_output_contains 'LVM configuration invalid.'
	done <<'SPECS'
global { nosuch = 1 }|  Configuration setting "global/nosuch" unknown.
nosuch { a = 1 }|  Configuration section "nosuch" unknown.
global { backup { x = 1 } }|  Configuration section "global/backup" unknown.
global = 1|  Configuration setting "global" invalid. It's not part of any section.
global { units { a = 1 } }|Found section but expected string.
global { wait_for_locks = "x" }|  Configuration setting "global/wait_for_locks" invalid. Found string value "x", expected boolean value: 0/1, "y/n", "yes/no", "on/off", "true/false".
devices { filter = [] }|  Configuration setting "devices/filter" invalid. Empty value not allowed.
global/units = 5|"global/units" has invalid type. Found integer but expected string.
SPECS
	for spec in 'global { wait_for_locks = "yes" }' 'global { units = [ "k" ] }' \
		'tags { t1 { } }' 'devices { files = [] }' 'global/units = "k"'; do
		run olvm lvmconfig --validate --config "$spec"
		[ "$status" -eq 0 ] || { echo "$spec: status $status: $output"; return 1; }
	done
}

@test "lvmconfig --validate checks the front of the cascade unless --mergedconfig" {
	echo 'global { nosuch = 1 }' >>"$LVM_SYSTEM_DIR/lvm.conf"
	run olvm lvmconfig --validate
	assert_status 5
	run olvm lvmconfig --validate --config 'global { units = "k" }'
	assert_status 0
	assert_output_contains 'Configuration setting "global/nosuch" unknown.'
	assert_output_contains 'LVM configuration valid.'
	run olvm lvmconfig --validate --mergedconfig --config 'global { units = "k" }'
	assert_status 5
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

@test "lvm config and lvm dumpconfig are lvmconfig" {
	echo 'global { units = "s" }' >"$LVM_SYSTEM_DIR/lvmlocal.conf"
	local c
	for c in lvmconfig dumpconfig config; do
		run olvm "$c" global/units
		assert_status 0
		assert_equal "$output" 'units="s"'
	done
	run olvm help
	assert_output_contains "  config          Display and manipulate configuration information"
}

@test "lvmconfig --typeconfig is --type; either once" {
	run olvm lvmconfig --typeconfig default global/units
	assert_status 0
	assert_equal "$output" '# units="r"'
	run olvm config --typeconfig list
	assert_status 0
	assert_equal "$output" "$(olvm lvmconfig --type list)"
	run olvm lvmconfig --type default --typeconfig current global/units
	assert_status 3
	assert_equal "${lines[0]}" "  Option --typeconfig may not be repeated."
	assert_equal "${lines[1]}" "  Error during parsing of command line."
	run olvm lvmconfig --typeconfig bogus
	assert_status 3
}

@test "--metadataprofile: lvmconfig shows it, only metadata settings allowed" {
	mkdir -p "$LVM_SYSTEM_DIR/profile"
	printf 'allocation {\n\tthin_pool_zero=0\n}\n' >"$LVM_SYSTEM_DIR/profile/mp.profile"
	run olvm lvmconfig --metadataprofile mp
	assert_status 0
	assert_equal "$output" "$(printf 'allocation {\n\tthin_pool_zero=0\n}')"
	run olvm lvmconfig --metadataprofile mp --mergedconfig allocation/thin_pool_zero
	assert_equal "$output" "thin_pool_zero=0"
	# What LVM2 2.03 says about each kind of item a metadata profile may not hold.
	local body want
	while IFS='|' read -r body want; do
		printf "$body\n" >"$LVM_SYSTEM_DIR/profile/t.profile"
		run olvm lvmconfig --metadataprofile t
		assert_status 5
		assert_equal "${lines[0]}" "  $want"
		assert_equal "${lines[1]}" "  Ignoring invalid metadata profile t."
		assert_equal "${lines[2]}" "  Failed to apply metadata profile t."
	done <<'EOF'
global {\n units="k"\n}|Configuration option "global/units" is customizable by command profile only, not metadata profile.
devices {\n scan=["/dev"]\n}|Configuration section "devices" is not customizable by a profile.
allocation {\n cling_tag_list=["@a"]\n}|Configuration option "allocation/cling_tag_list" is not customizable by a profile.
allocation {\n foo=1\n}|Configuration setting "allocation/foo" unknown.
foo {\n x=1\n}|Configuration section "foo" unknown.
allocation=1|Configuration setting "allocation" invalid. It's not part of any section.
EOF
	printf 'activation {\n thin_pool_autoextend_percent=30\n}\nallocation {\n vdo_slab_size_mb=128\n}\n' \
		>"$LVM_SYSTEM_DIR/profile/t.profile"
	run olvm lvmconfig --metadataprofile t activation/thin_pool_autoextend_percent
	assert_status 0
	assert_equal "$output" "thin_pool_autoextend_percent=30"
	run olvm lvmconfig --metadataprofile nosuch
	assert_status 5
	assert_equal "${lines[0]}" "  $LVM_SYSTEM_DIR/profile/nosuch.profile: stat failed: No such file or directory"
	assert_equal "${lines[1]}" "  Failed to apply metadata profile nosuch."
}

@test "--metadataprofile / --detachprofile: recorded in the VG and LV" {
	mkdir -p "$LVM_SYSTEM_DIR/profile"
	printf 'allocation {\n\tthin_pool_zero=0\n}\n' >"$LVM_SYSTEM_DIR/profile/mp.profile"
	printf 'global {\n\tunits="k"\n}\n' >"$LVM_SYSTEM_DIR/profile/gp.profile"
	run olvm vgcreate --metadataprofile mp vg "$IMG0"
	assert_status 0
	run olvm lvcreate -an -Zn -L 4m -n lv --metadataprofile mp vg
	assert_status 0
	assert_equal "$(field vgs -o vg_profile,lv_profile --separator : vg)" "mp:mp"
	run olvm vgchange --detachprofile vg
	assert_status 0
	run olvm lvchange --detachprofile vg/lv
	assert_status 0
	assert_equal "$(field vgs -o vg_profile,lv_profile --separator : vg)" ":"
	run olvm vgchange --metadataprofile mp vg
	assert_status 0
	run olvm lvchange --metadataprofile mp vg/lv
	assert_status 0
	assert_equal "$(field vgs -o vg_profile,lv_profile --separator : vg)" "mp:mp"
	h=$(md_hash)
	run olvm vgchange --metadataprofile gp vg
	assert_status 5
	assert_output_contains "Failed to apply metadata profile gp."
	run olvm lvcreate -an -Zn -L 4m -n lv2 --metadataprofile nosuch vg
	assert_status 5
	assert_equal "$(md_hash)" "$h"
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

@test "lvmconfig: the front of the cascade, LVM2's section order and one-item lists" {
	cat >"$LVM_SYSTEM_DIR/lvm.conf" <<CONF
devices {
	filter = [ "r|.*|" ]
	scan = [ "/dev", "/x" ]
}
global {
	locking_dir = "$T/lock"
}
backup {
	backup = 0
}
report {
	aligned = 1
}
CONF
	mkdir -p "$LVM_SYSTEM_DIR/profile"
	echo 'global { units = "k" } allocation { maximise_cling = 1 }' >"$LVM_SYSTEM_DIR/profile/p1.profile"
	run olvm lvmconfig
	assert_status 0
	assert_equal "$(printf '%s\n' "${lines[@]}" | grep -v '^\s')" "$(printf 'devices {\n}\nreport {\n}\nbackup {\n}\nglobal {\n}')"
	assert_equal "${lines[1]}" '	filter="r|.*|"'
	assert_equal "${lines[2]}" '	scan=["/dev","/x"]'
	# Only the front of the cascade without --mergedconfig.
	run olvm lvmconfig --config 'global { units = "m" }'
	assert_equal "$output" "$(printf 'global {\n\tunits="m"\n}')"
	run olvm lvmconfig --profile p1
	assert_equal "$output" "$(printf 'global {\n\tunits="k"\n}\nallocation {\n\tmaximise_cling=1\n}')"
	run olvm lvmconfig --profile p1 --config 'backup { archive = 0 }'
	assert_equal "$output" "$(printf 'backup {\n\tarchive=0\n}')"
	# Merged: the files' tree copied once more, new items after the first.
	run olvm lvmconfig --mergedconfig --commandprofile p1
	assert_status 0
	assert_equal "$(printf '%s\n' "${lines[@]}" | grep -v '^\s')" "$(printf 'devices {\n}\nallocation {\n}\nglobal {\n}\nbackup {\n}\nreport {\n}')"
	run olvm lvmconfig --mergedconfig --profile p1 global
	assert_equal "$output" "$(printf 'global {\n\tlocking_dir="%s"\n\tunits="k"\n}' "$T/lock")"
	run olvm lvmconfig --mergedconfig --config 'backup { archive = 1 }' backup
	assert_equal "$output" "$(printf 'backup {\n\tbackup=0\n\tarchive=1\n}')"
}

@test "lvmconfig: --config takes section/key paths" {
	run olvm lvmconfig --config 'global/units="k"'
	assert_status 0
	assert_equal "$output" "$(printf 'global {\n\tunits="k"\n}')"
	run olvm lvmconfig --mergedconfig --config 'global/units="k"' global/units
	assert_equal "$output" 'units="k"'
}

@test "lvmconfig --type full/default/diff: one-item lists from files lose their brackets, defaults keep them" {
	run olvm lvmconfig --type full devices/scan devices/filter
	assert_status 0
	assert_equal "${lines[0]}" 'scan="/dev"'
	run olvm lvmconfig --type default devices/filter
	assert_equal "$output" '# filter=["a|.*|"]'
	run olvm lvmconfig --type diff --config 'devices { filter = [ "a|.*|" ] }' devices
	assert_output_not_contains 'filter="a|.*|"'
	assert_output_contains 'global_filter='
}

@test "lvmconfig --withcomments: LVM2's comment layout" {
	run olvm lvmconfig --type default --withcomments global/units
	assert_status 0
	assert_equal "${lines[0]}" '# Configuration option global/units.'
	assert_equal "${lines[2]}" '# This configuration option has an automatic default value.'
	assert_equal "${lines[3]}" '# units="r"'
	run olvm dumpconfig --withcomments backup
	assert_equal "${lines[0]}" '# Configuration section backup.'
	assert_equal "${lines[1]}" 'backup {'
}
