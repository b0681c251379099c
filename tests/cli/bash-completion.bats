#!/usr/bin/env bats
# scripts/bash-completion/lvm: commands, options and VG / LV names.

load helpers

# comp WORD...: completions for the last word of the command line.
comp() {
	PATH="$TOP/bin:$PATH" bash -c '
		source "$0"
		COMP_WORDS=("${@}")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		_openlvm
		printf "%s\n" "${COMPREPLY[@]}"' "$TOP/scripts/bash-completion/lvm" "$@"
}

setup() {
	setup_images 1 32M
	olvm vgcreate vgcomp "$IMG0" >/dev/null
	olvm lvcreate -an -Zn -L 4m -n lvcomp vgcomp >/dev/null 2>&1
}

@test "bash completion: lvm command names" {
	run comp lvm vgdis
	assert_equal "$output" "vgdisplay"
	run comp lvm full
	assert_equal "$output" "fullreport"
}

@test "bash completion: options from --help" {
	run comp vgs --nohead
	assert_equal "$output" "--noheadings"
	run comp lvm lvmconfig --withc
	assert_equal "$output" "--withcomments"
}

@test "bash completion: VG and LV names" {
	run comp vgs vgc
	assert_equal "$output" "vgcomp"
	run comp lvs vgcomp/lv
	assert_equal "$output" "vgcomp/lvcomp"
}
