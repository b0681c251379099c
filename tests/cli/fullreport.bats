#!/usr/bin/env bats
# lvm fullreport: per VG, the vg, pv, lv, pvseg and seg reports; then the
# orphan PVs' pv and pvseg reports; --configreport NAME followed by -o, -O
# and -S shapes one of them.  Behaviour as observed in LVM2 2.03.16.

load helpers

setup() {
	setup_images 3 64M
	olvm vgcreate vga "$IMG0" >/dev/null
	olvm vgcreate vgb "$IMG1" >/dev/null
	olvm pvcreate "$IMG2" >/dev/null
	olvm lvcreate -an -Zn -L 8m -n l1 vga >/dev/null 2>&1
	olvm lvcreate -an -Zn -L 4m -n l2 vgb >/dev/null 2>&1
}

# Narrow columns for every sub-report, so the output can be compared whole.
NARROW=(--configreport vg -o vg_name --configreport pv -o pv_name,vg_name
	--configreport lv -o lv_name,lv_size --configreport pvseg -o pvseg_start,pvseg_size
	--configreport seg -o lv_name,segtype)

@test "fullreport: five sub-reports per VG, two for the orphans" {
	run olvm fullreport
	assert_status 0
	[ "$(grep -c '^  Fmt  VG UUID' <<<"$output")" -eq 2 ]
	[ "$(grep -c '^  Fmt  PV UUID' <<<"$output")" -eq 3 ]
	[ "$(grep -c '^  LV UUID' <<<"$output")" -eq 2 ]
	[ "$(grep -c '^  Start SSize PV UUID' <<<"$output")" -eq 3 ]
	[ "$(grep -c '^  Type ' <<<"$output")" -eq 2 ]
}

@test "fullreport: VGs in reverse order of discovery, orphans last" {
	run olvm fullreport "${NARROW[@]}" --separator '|' --nosuffix --units m
	assert_status 0
	assert_equal "$output" "  VG
  vgb
  PV|VG
  $IMG1|vgb
  LV|LSize
  l2|4.00
  Start|SSize
  0|1
  1|14
  LV|Type
  l2|linear
  VG
  vga
  PV|VG
  $IMG0|vga
  LV|LSize
  l1|8.00
  Start|SSize
  0|2
  2|13
  LV|Type
  l1|linear
  PV|VG
  $IMG2|
  Start|SSize
  0|0"
}

@test "fullreport: named VGs in the order given, no orphans" {
	run olvm fullreport --configreport vg -o vg_name --configreport pv -o pv_name \
		--configreport lv -o lv_name --configreport pvseg -o pvseg_start \
		--configreport seg -o segtype --noheadings vga vgb
	assert_status 0
	assert_equal "$(grep -E '^  (vg[ab]|l[12]) *$' <<<"$output" | tr -d ' ' | tr '\n' ' ')" \
		"vga l1 vgb l2 "
	assert_output_not_contains "$IMG2"
}

@test "fullreport: VG argument limits it, unknown VG fails" {
	run olvm fullreport vgb --noheadings --separator , --units b --nosuffix
	assert_status 0
	assert_output_contains ',vgb,'
	assert_output_not_contains 'vga'
	assert_output_contains '4194304'
	run olvm fullreport nosuch
	assert_status 5
	assert_output_contains 'Volume group "nosuch" not found'
}

@test "fullreport: JSON has one object per VG, then the orphans' pv and pvseg" {
	run olvm fullreport --reportformat json
	assert_status 0
	python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
r = d["report"]
assert len(r) == 3, r
for vg in r[:2]:
    assert list(vg) == ["vg", "pv", "lv", "pvseg", "seg"], list(vg)
    assert len(vg["vg"]) == 1 and len(vg["lv"]) == 1 and len(vg["seg"]) == 1
assert [vg["vg"][0]["vg_name"] for vg in r[:2]] == ["vgb", "vga"]
assert list(r[2]) == ["pv", "pvseg"], list(r[2])
assert len(r[2]["pv"]) == 1 and len(r[2]["pvseg"]) == 1
assert r[2]["pv"][0]["pv_attr"] == "---", r[2]
' <<<"$output"
}

@test "fullreport: -o, -O and -S before any --configreport are ignored" {
	run olvm fullreport -o vg_name -O vg_name -S 'vg_name=vga' vga
	assert_status 0
	assert_output_contains 'VG UUID'
	assert_output_contains 'LV UUID'
}

@test "fullreport: --configreport -S filters one sub-report, selected shows the rest" {
	run olvm fullreport --configreport vg -o vg_name -S 'vg_name=vga' \
		--configreport pv -o pv_name,vg_name \
		--configreport lv -o lv_name,selected -S 'lv_size>5m' \
		--configreport pvseg -o pvseg_start,pvseg_size --configreport seg -o lv_name,segtype \
		--separator '|'
	assert_status 0
	assert_equal "$output" "  PV|VG
  $IMG1|vgb
  LV|Selected
  l2|0
  Start|SSize
  0|1
  1|14
  LV|Type
  l2|linear
  VG
  vga
  PV|VG
  $IMG0|vga
  LV|Selected
  l1|1
  Start|SSize
  0|2
  2|13
  LV|Type
  l1|linear
  PV|VG
  $IMG2|
  Start|SSize
  0|0"
}

@test "fullreport: -o+ adds to the sub-report's own columns, -O sorts it" {
	run olvm fullreport --configreport vg -o+vg_tags vga
	assert_status 0
	[[ "$(sed -n 1p <<<"$output")" == "  Fmt  VG UUID"*"VG Tags"*"VG Tags" ]]
	run olvm fullreport "${NARROW[@]}" --configreport pvseg -O -pvseg_start --noheadings \
		--separator '|' vga
	assert_status 0
	assert_output_contains "  2|13
  0|2"
}

@test "fullreport: JSON of an empty VG keeps empty lv and seg lists" {
	olvm lvremove -f vgb/l2 >/dev/null 2>&1
	run olvm fullreport "${NARROW[@]}" --reportformat json vgb
	assert_status 0
	python3 -c '
import json, sys
r = json.loads(sys.stdin.read())["report"]
assert len(r) == 1
assert r[0]["lv"] == [] and r[0]["seg"] == [], r
assert r[0]["pvseg"] == [{"pvseg_start": "0", "pvseg_size": "15"}], r
' <<<"$output"
	run olvm fullreport "${NARROW[@]}" vgb
	assert_output_not_contains 'LSize'
	assert_output_not_contains 'Type'
}

@test "fullreport: segments sorted by LV UUID" {
	local n segs
	# Five LVs named in creation order: their UUIDs are sorted by chance 1 in 120.
	for n in l3 l4 l5 l6; do
		olvm lvcreate -an -Zn -L 4m -n $n vga >/dev/null 2>&1
	done
	run olvm fullreport --configreport seg -o lv_uuid --noheadings vga
	assert_status 0
	segs=$(tail -n 5 <<<"$output" | tr -d ' ')
	[ "$(wc -l <<<"$segs")" -eq 5 ]
	[ "$segs" = "$(sort <<<"$segs")" ]
}

@test "fullreport: bad --configreport name or field" {
	run olvm fullreport --configreport bogus
	assert_status 3
	assert_output_contains 'Invalid argument for --configreport: bogus'
	run olvm fullreport --configreport vg -o nosuchfield
	assert_status 5
	assert_output_contains 'Unrecognised field: nosuchfield'
	assert_output_not_contains 'VG UUID'
}
