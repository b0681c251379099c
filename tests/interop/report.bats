#!/usr/bin/env bats
# Reports byte for byte against real LVM2 (Debian's lvm2), both tools
# reading the same disks with --driverloaded n (lv_attr state reads 'X'):
# (1) a 3-PV VG made by LVM2, (2) the same VG made by openlvm, (3) every
# fixture image. Each of pvs, vgs, lvs -a, pvs --segments, lvs -a
# --segments is compared with every field both tools list in `-o help`
# (separator and JSON modes) and in aligned output with units, suffix,
# name-prefix, row and sort options.

load helpers

CMP="$TOP/tests/interop/report_cmp.py"

setup() {
	interop_setup
}

# same_out NAME ARGS...: both tools' stdout and exit status must be equal.
same_out() {
	local name=$1 rc ro
	shift
	rlvm "$@" --driverloaded n >"$T/$name.real" 2>"$T/$name.rerr"
	rc=$?
	olvm "$@" --driverloaded n >"$T/$name.open" 2>"$T/$name.oerr"
	ro=$?
	if [ "$rc" -ne "$ro" ]; then
		echo "exit status differs ($rc vs $ro): $*" | cut -c1-160
		cat "$T/$name.rerr" "$T/$name.oerr"
		return 1
	fi
	cmp -s "$T/$name.real" "$T/$name.open" && return 0
	echo "output differs: $*" | cut -c1-160
	if [[ " $* " == *" json "* ]]; then
		python3 "$CMP" json "$T/$name.real" "$T/$name.open"
	else
		diff -u "$T/$name.real" "$T/$name.open" | head -20 | cut -c1-300
	fi
	return 1
}

# field_lists: F_pvs, F_pvseg, F_vgs, F_lvs, F_lvseg from both tools' help.
field_lists() {
	local k
	rlvm pvs -o help >"$T/help.real" 2>&1
	olvm pvs -o help >"$T/help.open" 2>&1
	for k in pvs pvseg vgs lvs lvseg; do
		printf -v "F_$k" '%s' "$(python3 "$CMP" fields $k "$T/help.real" "$T/help.open")"
	done
	[ -n "$F_pvs" ] && [ -n "$F_vgs" ] && [ -n "$F_lvs" ]
}

# compare_reports VG DEVICES...: every report of VG (or, without a VG, the
# PVs alone) in every mode; counts failures instead of stopping at one.
compare_reports() {
	local vg=$1 fail=0 i mode fl
	shift
	field_lists || return 1
	local -a cmds=("pvs" "pvs --segments") fls=("$F_pvs" "$F_pvseg") tgt
	if [ -n "$vg" ]; then
		cmds+=("vgs" "lvs -a" "lvs -a --segments")
		fls+=("$F_vgs" "$F_lvs" "$F_lvseg")
	fi
	for i in "${!cmds[@]}"; do
		tgt=("$@")
		[[ ${cmds[i]} == pvs* ]] || tgt=("$vg")
		# shellcheck disable=SC2086
		same_out full$i ${cmds[i]} --noheadings --separator , -o "${fls[i]}" "${tgt[@]}" || fail=1
		# shellcheck disable=SC2086
		same_out json$i ${cmds[i]} --reportformat json -o "${fls[i]}" "${tgt[@]}" || fail=1
		for mode in "" "--units b" "--units k" "--units m" "--units g" \
		    "--units h" "--nosuffix" "--units b --nosuffix" \
		    "--nameprefixes" "--rows"; do
			# shellcheck disable=SC2086
			same_out plain$i ${cmds[i]} $mode "${tgt[@]}" || fail=1
		done
	done
	same_out sort0 pvs -O -pv_free,pv_name "$@" || fail=1
	if [ -n "$vg" ]; then
		same_out sort1 vgs -O -vg_free "$vg" || fail=1
		same_out sort2 lvs -a -O -lv_size,lv_name "$vg" || fail=1
		same_out sort3 lvs -a -O vg_name,-lv_name -o +lv_tags "$vg" || fail=1
		same_out sort4 lvs -a --segments -O -seg_start -o +seg_start,devices "$vg" || fail=1
		same_out sort5 pvs --segments -O -pvseg_start -o +lv_name "$@" || fail=1
	fi
	return $fail
}

# build_vg TOOL: the case-(1)/(2) VG "rep" on LOOP0..2 made by TOOL
# (rlvm or olvm); PVs with 0, 1 and 2 metadata areas.
build_vg() {
	local tool=$1 lvc=(lvcreate --driverloaded n -an -Zn -y)
	new_loops 3 64M
	$tool pvcreate -q --metadatacopies 0 "$LOOP0" &&
	$tool pvcreate -q --metadatacopies 1 "$LOOP1" &&
	$tool pvcreate -q --metadatacopies 2 "$LOOP2" &&
	$tool vgcreate -q -s 1m --addtag alpha --addtag beta rep "$LOOP0" "$LOOP1" "$LOOP2" &&
	$tool "${lvc[@]}" -q -L 4m -n lin rep "$LOOP1" &&
	$tool "${lvc[@]}" -q -i 2 -I 64k -L 8m -n str rep "$LOOP1" "$LOOP2" &&
	$tool "${lvc[@]}" -q -L 3m -n two --addtag seg2 rep "$LOOP0" &&
	$tool lvextend --driverloaded n -q -L +2m rep/two "$LOOP2" &&
	$tool "${lvc[@]}" -q --alloc anywhere -L 2m -n any rep &&
	$tool "${lvc[@]}" -q -r 256 -L 2m -n ahead rep &&
	$tool "${lvc[@]}" -q -p r -L 2m -n ro rep &&
	$tool "${lvc[@]}" -q -C y -p r -L 3m -n cro rep "$LOOP2" ||
	{ echo "building the VG with $tool failed"; return 1; }
}

@test "reports of an LVM2-made VG equal LVM2's" {
	build_vg rlvm
	compare_reports rep "$LOOP0" "$LOOP1" "$LOOP2"
}

@test "reports of an openlvm-made VG equal LVM2's" {
	build_vg olvm
	rlvm vgck rep
	compare_reports rep "$LOOP0" "$LOOP1" "$LOOP2"
}

# fixture_reports DIR: attach the fixture's images, compare its reports.
fixture_reports() {
	local dir=$FIXTURES/$1 f img vg="" devs=()
	command -v xz >/dev/null || skip "xz not installed (xz-utils)"
	for f in "$dir"/*.img.xz; do
		img=$T/$(basename "$f" .xz)
		xz -dc "$f" >"$img"
		attach "$img"
		devs+=("$ATTACHED")
	done
	if [ -f "$dir/vgs.json" ]; then
		vg=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["report"][0].get("vg", [])
print(r[0]["vg_name"] if r else "")' "$dir/vgs.json")
	fi
	compare_reports "$vg" "${devs[@]}"
}

@test "fixture a-linear reports equal LVM2's" { fixture_reports a-linear; }
@test "fixture c-two-mdas reports equal LVM2's" { fixture_reports c-two-mdas; }
@test "fixture d-no-mda-pv reports equal LVM2's" { fixture_reports d-no-mda-pv; }
@test "fixture e-wrapped-mda reports equal LVM2's" { fixture_reports e-wrapped-mda; }
@test "fixture f-tags-names reports equal LVM2's" { fixture_reports f-tags-names; }
@test "fixture b-striped-span reports equal LVM2's" { fixture_reports b-striped-span; }
@test "fixture g-plain-pv reports equal LVM2's" { fixture_reports g-plain-pv; }
@test "fixture h-snapshot reports equal LVM2's" { fixture_reports h-snapshot; }
@test "fixture i-other-segtypes reports equal LVM2's" { fixture_reports i-other-segtypes; }

# --units with a count before the letter, as LVM2 reads it: sizes in
# multiples of the count (truncated to whole bytes), "U" unless the count's
# integer part is 1, whole numbers for bytes and sectors; h/r ignore it.
@test "--units with a count (2.5m, 1.5k, 1e1m, 0.5b) equal LVM2's in reports and displays" {
	local u fail=0
	build_vg olvm
	for u in 2m 3k 2.5m 2.5M 0.5k 1.5 1.5h 2.0m 10s 2.5s 1.0m 1.00001m .5m 5.m \
	    0.0m 0m -1m 1e3m +2m 0.001k 0.3b 3.5b 2.5S 1.5r 1e1m 10e0m 1.9m 0.9m \
	    1.5k 1.5b 2b 1.9b 0.5b 1.5s 1.5M 15m 2h 1x5m 1..5m 2.5mm 00.5m 01m 1.5e 3e; do
		same_out u lvs -a --units "$u" -o lv_name,lv_size,seg_size rep || fail=1
		same_out un vgs --units "$u" --nosuffix rep || fail=1
		same_out uj pvs --units "$u" --reportformat json "$LOOP1" || fail=1
		same_out vd vgdisplay --units "$u" rep || fail=1
		same_out vs vgdisplay -s --units "$u" rep || fail=1
		same_out pd pvdisplay --units "$u" "$LOOP2" || fail=1
	done
	return $fail
}
