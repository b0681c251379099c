#!/usr/bin/env bats
# lvm fullreport: per VG, the vg, pv, lv, pvseg and seg reports.

load helpers

setup() {
	setup_images 2 64M
	olvm vgcreate vga "$IMG0" >/dev/null
	olvm vgcreate vgb "$IMG1" >/dev/null
	olvm lvcreate -an -Zn -L 8m -n l1 vga >/dev/null 2>&1
	olvm lvcreate -an -Zn -L 4m -n l2 vgb >/dev/null 2>&1
}

@test "fullreport: five sub-reports per VG" {
	run olvm fullreport
	assert_status 0
	[ "$(grep -c '^  Fmt  VG UUID' <<<"$output")" -eq 2 ]
	[ "$(grep -c '^  Fmt  PV UUID' <<<"$output")" -eq 2 ]
	[ "$(grep -c '^  LV UUID' <<<"$output")" -eq 2 ]
	[ "$(grep -c '^  Start SSize PV UUID' <<<"$output")" -eq 2 ]
	[ "$(grep -c '^  Type ' <<<"$output")" -eq 2 ]
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

@test "fullreport: JSON has one object per VG with vg, pv, lv, pvseg, seg" {
	run olvm fullreport --reportformat json
	assert_status 0
	python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
r = d["report"]
assert len(r) == 2, r
for vg in r:
    assert list(vg) == ["vg", "pv", "lv", "pvseg", "seg"], list(vg)
    assert len(vg["vg"]) == 1 and len(vg["lv"]) == 1 and len(vg["seg"]) == 1
names = sorted(vg["vg"][0]["vg_name"] for vg in r)
assert names == ["vga", "vgb"], names
' <<<"$output"
}

@test "fullreport: -o is not accepted" {
	run olvm fullreport -o vg_name
	assert_status 3
}
