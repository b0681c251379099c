#!/usr/bin/env bats
# Report row types follow the fields asked for, as in LVM2 2.03.16:
# vgs with LV / segment / PV / PV segment fields, pvs with LV and segment
# fields (free rows included), lvs with segment fields, and the refusal to
# mix LV and PV fields in vgs / lvs.  Expected text captured from real
# LVM2 run on fixtures a-linear (fsa), b-striped-span (fsb), g-plain-pv
# (orphan) and an empty VG fse, on /dev/loop4, 5, 6, 7 and 10; the images
# here are named after those loop devices so that pv_name sorts alike.

load helpers

setup() {
	local fx="$TOP/tests/fixtures"

	init_conf_dir
	IMG=("$T/loop4.img" "$T/loop5.img" "$T/loop6.img" "$T/loop7.img" "$T/loop10.img")
	xz -dc "$fx/a-linear/a.img.xz" >"$T/loop4.img"
	xz -dc "$fx/b-striped-span/b0.img.xz" >"$T/loop5.img"
	xz -dc "$fx/b-striped-span/b1.img.xz" >"$T/loop6.img"
	xz -dc "$fx/g-plain-pv/g.img.xz" >"$T/loop7.img"
	truncate -s 16M "$T/loop10.img"
	write_lvm_conf
	olvm pvcreate -q "$T/loop10.img" >/dev/null
	olvm vgcreate -q fse "$T/loop10.img" >/dev/null
}

teardown() {
	helpers_teardown
}

# Prints the expected block for "## CMD".
expected() {
	awk -v want="## $1" '/^## /{on = ($0 == want); next} on' <<'EXPECTED'
## vgs -o+lv_name
  VG  #PV #LV #SN Attr   VSize  VFree  LV    
  fsa   1   4   0 wz--n- 28.00m  4.00m lv1   
  fsa   1   4   0 wz--n- 28.00m  4.00m lv2   
  fsa   1   4   0 wz--n- 28.00m  4.00m lv3   
  fsa   1   4   0 wz--n- 28.00m  4.00m lv4   
  fsb   2   2   0 wz--n- 56.00m 16.00m stripe
  fsb   2   2   0 wz--n- 56.00m 16.00m span  
# rc=0
## vgs -o vg_name,lv_name,lv_size,lv_attr --separator |
  VG|LV|LSize|Attr
  fsa|lv1|12.00m|-wi-XX----
  fsa|lv2|4.00m|-wi-XX----
  fsa|lv3|4.00m|-rc-XX----
  fsa|lv4|4.00m|-wi-XX---k
  fsb|stripe|8.00m|-wi-XX----
  fsb|span|32.00m|-wi-XX----
# rc=0
## vgs -o vg_name,seg_start,seg_size,segtype,lv_name,devices --separator |
  VG|Start|SSize|Type|LV|Devices
  fsa|0 |8.00m|linear|lv1|/dev/loop4(0)
  fsa|8.00m|4.00m|linear|lv1|/dev/loop4(3)
  fsa|0 |4.00m|linear|lv2|/dev/loop4(2)
  fsa|0 |4.00m|linear|lv3|/dev/loop4(4)
  fsa|0 |4.00m|linear|lv4|/dev/loop4(5)
  fsb|0 |8.00m|striped|stripe|/dev/loop5(0),/dev/loop6(0)
  fsb|0 |24.00m|linear|span|/dev/loop5(1)
  fsb|24.00m|8.00m|linear|span|/dev/loop6(1)
# rc=0
## vgs -o+pv_name --separator |
  VG|#PV|#LV|#SN|Attr|VSize|VFree|PV
  fsa|1|4|0|wz--n-|28.00m|4.00m|/dev/loop4
  fsb|2|2|0|wz--n-|56.00m|16.00m|/dev/loop5
  fsb|2|2|0|wz--n-|56.00m|16.00m|/dev/loop6
  fse|1|0|0|wz--n-|12.00m|12.00m|/dev/loop10
# rc=0
## vgs -o vg_name,pv_name,pvseg_start,pvseg_size --separator |
  VG|PV|Start|SSize
  fsa|/dev/loop4|0|2
  fsa|/dev/loop4|2|1
  fsa|/dev/loop4|3|1
  fsa|/dev/loop4|4|1
  fsa|/dev/loop4|5|1
  fsa|/dev/loop4|6|1
  fsb|/dev/loop5|0|1
  fsb|/dev/loop5|1|6
  fsb|/dev/loop6|0|1
  fsb|/dev/loop6|1|2
  fsb|/dev/loop6|3|4
  fse|/dev/loop10|0|3
# rc=0
## vgs -o vg_name,lv_name -O -lv_name --separator |
  VG|LV
  fsb|stripe
  fsb|span
  fsa|lv4
  fsa|lv3
  fsa|lv2
  fsa|lv1
# rc=0
## vgs -o vg_name,pv_name -O -pv_free,pv_name --separator |
  VG|PV
  fsb|/dev/loop6
  fse|/dev/loop10
  fsa|/dev/loop4
  fsb|/dev/loop5
# rc=0
## vgs -o vg_name,lv_name -S lv_size=4m --separator |
  VG|LV
  fsa|lv2
  fsa|lv3
  fsa|lv4
# rc=0
## pvs -o+lv_name --separator |
  PV|VG|Fmt|Attr|PSize|PFree|LV
  /dev/loop10|fse|lvm2|a--|12.00m|12.00m|
  /dev/loop4|fsa|lvm2|a--|28.00m|4.00m|lv1
  /dev/loop4|fsa|lvm2|a--|28.00m|4.00m|lv2
  /dev/loop4|fsa|lvm2|a--|28.00m|4.00m|lv1
  /dev/loop4|fsa|lvm2|a--|28.00m|4.00m|lv3
  /dev/loop4|fsa|lvm2|a--|28.00m|4.00m|lv4
  /dev/loop4|fsa|lvm2|a--|28.00m|4.00m|
  /dev/loop5|fsb|lvm2|a--|28.00m|0 |stripe
  /dev/loop5|fsb|lvm2|a--|28.00m|0 |span
  /dev/loop6|fsb|lvm2|a--|28.00m|16.00m|stripe
  /dev/loop6|fsb|lvm2|a--|28.00m|16.00m|span
  /dev/loop6|fsb|lvm2|a--|28.00m|16.00m|
  /dev/loop7||lvm2|---|8.00m|8.00m|
# rc=0
## pvs -o pv_name,lv_name,lv_size,lv_role,seg_count,lv_full_name,lv_dm_path,seg_size,segtype,zero,parity_chunks --separator |
  PV|LV|LSize|Role|#Seg|LV|DMPath|SSize|Type|Zero|#Par
  /dev/loop10||0 |public|0|fse/|/dev/mapper/fse-|12.00m|free|unknown|4294967295
  /dev/loop4|lv1|12.00m|public|2|fsa/lv1|/dev/mapper/fsa-lv1|8.00m|linear|unknown|
  /dev/loop4|lv2|4.00m|public|1|fsa/lv2|/dev/mapper/fsa-lv2|4.00m|linear|unknown|
  /dev/loop4|lv1|12.00m|public|2|fsa/lv1|/dev/mapper/fsa-lv1|4.00m|linear|unknown|
  /dev/loop4|lv3|4.00m|public|1|fsa/lv3|/dev/mapper/fsa-lv3|4.00m|linear|unknown|
  /dev/loop4|lv4|4.00m|public|1|fsa/lv4|/dev/mapper/fsa-lv4|4.00m|linear|unknown|
  /dev/loop4||0 |public|0|fsa/|/dev/mapper/fsa-|4.00m|free|unknown|4294967295
  /dev/loop5|stripe|8.00m|public|1|fsb/stripe|/dev/mapper/fsb-stripe|8.00m|striped|unknown|
  /dev/loop5|span|32.00m|public|2|fsb/span|/dev/mapper/fsb-span|24.00m|linear|unknown|
  /dev/loop6|stripe|8.00m|public|1|fsb/stripe|/dev/mapper/fsb-stripe|8.00m|striped|unknown|
  /dev/loop6|span|32.00m|public|2|fsb/span|/dev/mapper/fsb-span|8.00m|linear|unknown|
  /dev/loop6||0 |public|0|fsb/|/dev/mapper/fsb-|16.00m|free|unknown|4294967295
  /dev/loop7||0 |public|0|/||0 |free|unknown|4294967295
# rc=0
## pvs -o pv_name,lv_name,lv_active_locally,lv_autoactivation,zero,lv_kernel_major --binary --separator |
  PV|LV|ActLocal|AutoAct|Zero|KMaj
  /dev/loop10||-1|1|-1|-1
  /dev/loop4|lv1|-1|1|-1|-1
  /dev/loop4|lv2|-1|1|-1|-1
  /dev/loop4|lv1|-1|1|-1|-1
  /dev/loop4|lv3|-1|1|-1|-1
  /dev/loop4|lv4|-1|0|-1|-1
  /dev/loop4||-1|1|-1|-1
  /dev/loop5|stripe|-1|1|-1|-1
  /dev/loop5|span|-1|1|-1|-1
  /dev/loop6|stripe|-1|1|-1|-1
  /dev/loop6|span|-1|1|-1|-1
  /dev/loop6||-1|1|-1|-1
  /dev/loop7||-1|1|-1|-1
# rc=0
## pvs -o pv_name,pvseg_start,seg_start,lv_name --separator |
  PV|Start|Start|LV
  /dev/loop10|0|0 |
  /dev/loop4|0|0 |lv1
  /dev/loop4|2|0 |lv2
  /dev/loop4|3|8.00m|lv1
  /dev/loop4|4|0 |lv3
  /dev/loop4|5|0 |lv4
  /dev/loop4|6|0 |
  /dev/loop5|0|0 |stripe
  /dev/loop5|1|0 |span
  /dev/loop6|0|0 |stripe
  /dev/loop6|1|24.00m|span
  /dev/loop6|3|0 |
  /dev/loop7|0|0 |
# rc=0
## lvs -o lv_name,seg_size,devices --separator |
  LV|SSize|Devices
  lv1|8.00m|/dev/loop4(0)
  lv1|4.00m|/dev/loop4(3)
  lv2|4.00m|/dev/loop4(2)
  lv3|4.00m|/dev/loop4(4)
  lv4|4.00m|/dev/loop4(5)
  span|24.00m|/dev/loop5(1)
  span|8.00m|/dev/loop6(1)
  stripe|8.00m|/dev/loop5(0),/dev/loop6(0)
# rc=0
## vgs -o vg_name,lv_name --reportformat json
  {
      "report": [
          {
              "vg": [
                  {"vg_name":"fsa", "lv_name":"lv1"},
                  {"vg_name":"fsa", "lv_name":"lv2"},
                  {"vg_name":"fsa", "lv_name":"lv3"},
                  {"vg_name":"fsa", "lv_name":"lv4"},
                  {"vg_name":"fsb", "lv_name":"stripe"},
                  {"vg_name":"fsb", "lv_name":"span"}
              ]
          }
      ]
  }
# rc=0
## vgs -o vg_name,pv_name --reportformat json
  {
      "report": [
          {
              "vg": [
                  {"vg_name":"fsa", "pv_name":"/dev/loop4"},
                  {"vg_name":"fsb", "pv_name":"/dev/loop5"},
                  {"vg_name":"fsb", "pv_name":"/dev/loop6"},
                  {"vg_name":"fse", "pv_name":"/dev/loop10"}
              ]
          }
      ]
  }
# rc=0
## pvs -o pv_name,lv_name --reportformat json
  {
      "report": [
          {
              "pv": [
                  {"pv_name":"/dev/loop10", "lv_name":""},
                  {"pv_name":"/dev/loop4", "lv_name":"lv1"},
                  {"pv_name":"/dev/loop4", "lv_name":"lv2"},
                  {"pv_name":"/dev/loop4", "lv_name":"lv1"},
                  {"pv_name":"/dev/loop4", "lv_name":"lv3"},
                  {"pv_name":"/dev/loop4", "lv_name":"lv4"},
                  {"pv_name":"/dev/loop4", "lv_name":""},
                  {"pv_name":"/dev/loop5", "lv_name":"stripe"},
                  {"pv_name":"/dev/loop5", "lv_name":"span"},
                  {"pv_name":"/dev/loop6", "lv_name":"stripe"},
                  {"pv_name":"/dev/loop6", "lv_name":"span"},
                  {"pv_name":"/dev/loop6", "lv_name":""},
                  {"pv_name":"/dev/loop7", "lv_name":""}
              ]
          }
      ]
  }
# rc=0
## lvs -o lv_name,seg_size --reportformat json
  {
      "report": [
          {
              "lv": [
                  {"lv_name":"lv1", "seg_size":"8.00m"},
                  {"lv_name":"lv1", "seg_size":"4.00m"},
                  {"lv_name":"lv2", "seg_size":"4.00m"},
                  {"lv_name":"lv3", "seg_size":"4.00m"},
                  {"lv_name":"lv4", "seg_size":"4.00m"},
                  {"lv_name":"span", "seg_size":"24.00m"},
                  {"lv_name":"span", "seg_size":"8.00m"},
                  {"lv_name":"stripe", "seg_size":"8.00m"}
              ]
          }
      ]
  }
# rc=0
## vgs -o vg_name,lv_name,pv_name
  Can't report LV and PV fields at the same time in report type "vg".
# rc=5
## lvs -o+pv_name
  Can't report LV and PV fields at the same time in report type "lv".
# rc=5
## lvs --segments -o+pvseg_start
  Can't report LV and PV fields at the same time in report type "seg".
# rc=5
## vgs -o vg_name,seg_size,pvseg_start
  Can't report LV and PV fields at the same time in report type "vg".
# rc=5
EXPECTED
}

# Runs the report command "$@" (LVM2's activation warning dropped), shows
# image paths as the loop devices they stood for, and compares.
check() {
	local got want
	got=$( { olvm "$@" --driverloaded n 2>&1; echo "# rc=$?"; } |
		grep -v 'WARNING: Activation disabled' |
		sed "s#$T/\(loop[0-9]*\)\.img#/dev/\1#g")
	want=$(expected "$*")
	[ -n "$want" ] || { echo "no expected output for: $*"; return 1; }
	if [ "$got" != "$want" ]; then
		diff <(echo "$want") <(echo "$got") || true
		return 1
	fi
}

@test "vgs -o+lv_name" {
	check vgs -o+lv_name
}

@test "vgs -o vg_name,lv_name,lv_size,lv_attr --separator |" {
	check vgs -o vg_name,lv_name,lv_size,lv_attr --separator '|'
}

@test "vgs -o vg_name,seg_start,seg_size,segtype,lv_name,devices --separator |" {
	check vgs -o vg_name,seg_start,seg_size,segtype,lv_name,devices --separator '|'
}

@test "vgs -o+pv_name --separator |" {
	check vgs -o+pv_name --separator '|'
}

@test "vgs -o vg_name,pv_name,pvseg_start,pvseg_size --separator |" {
	check vgs -o vg_name,pv_name,pvseg_start,pvseg_size --separator '|'
}

@test "vgs -o vg_name,lv_name -O -lv_name --separator |" {
	check vgs -o vg_name,lv_name -O -lv_name --separator '|'
}

@test "vgs -o vg_name,pv_name -O -pv_free,pv_name --separator |" {
	check vgs -o vg_name,pv_name -O -pv_free,pv_name --separator '|'
}

@test "vgs -o vg_name,lv_name -S lv_size=4m --separator |" {
	check vgs -o vg_name,lv_name -S lv_size=4m --separator '|'
}

@test "pvs -o+lv_name --separator |" {
	check pvs -o+lv_name --separator '|'
}

@test "pvs -o pv_name,lv_name,lv_size,lv_role,seg_count,lv_full_name,lv_dm_path,seg_size,segtype,zero,parity_chunks --separator |" {
	check pvs -o pv_name,lv_name,lv_size,lv_role,seg_count,lv_full_name,lv_dm_path,seg_size,segtype,zero,parity_chunks --separator '|'
}

@test "pvs -o pv_name,lv_name,lv_active_locally,lv_autoactivation,zero,lv_kernel_major --binary --separator |" {
	check pvs -o pv_name,lv_name,lv_active_locally,lv_autoactivation,zero,lv_kernel_major --binary --separator '|'
}

@test "pvs -o pv_name,pvseg_start,seg_start,lv_name --separator |" {
	check pvs -o pv_name,pvseg_start,seg_start,lv_name --separator '|'
}

@test "lvs -o lv_name,seg_size,devices --separator |" {
	check lvs -o lv_name,seg_size,devices --separator '|'
}

@test "vgs -o vg_name,lv_name --reportformat json" {
	check vgs -o vg_name,lv_name --reportformat json
}

@test "vgs -o vg_name,pv_name --reportformat json" {
	check vgs -o vg_name,pv_name --reportformat json
}

@test "pvs -o pv_name,lv_name --reportformat json" {
	check pvs -o pv_name,lv_name --reportformat json
}

@test "lvs -o lv_name,seg_size --reportformat json" {
	check lvs -o lv_name,seg_size --reportformat json
}

@test "vgs -o vg_name,lv_name,pv_name refused" {
	check vgs -o vg_name,lv_name,pv_name
}

@test "lvs -o+pv_name refused" {
	check lvs -o+pv_name
}

@test "lvs --segments -o+pvseg_start refused" {
	check lvs --segments -o+pvseg_start
}

@test "vgs -o vg_name,seg_size,pvseg_start refused" {
	check vgs -o vg_name,seg_size,pvseg_start
}

# Hidden LVs in vgs rows only with -a (fixture i-other-segtypes, VG fsi).
@test "vgs -a with LV fields lists hidden LVs" {
	local fx="$TOP/tests/fixtures/i-other-segtypes" want

	IMG+=("$T/loop11.img" "$T/loop12.img")
	xz -dc "$fx/i0.img.xz" >"$T/loop11.img"
	xz -dc "$fx/i1.img.xz" >"$T/loop12.img"
	write_lvm_conf
	want=$(cat <<'EOF'
  VG|LV|SSize
  fsi|cached|4.00m
  fsi|[cached_corig]|4.00m
  fsi|[cp]|4.00m
  fsi|[cp_cdata]|4.00m
  fsi|[cp_cmeta]|5.00m
  fsi|[lvol0_pmspare]|5.00m
  fsi|mir|2.00m
  fsi|[mir_mimage_0]|2.00m
  fsi|[mir_mimage_1]|2.00m
  fsi|[mir_mlog]|1.00m
  fsi|r0|4.00m
  fsi|[r0_rimage_0]|2.00m
  fsi|[r0_rimage_1]|2.00m
  fsi|r1|2.00m
  fsi|[r1_rimage_0]|2.00m
  fsi|[r1_rimage_1]|2.00m
  fsi|[r1_rmeta_0]|1.00m
  fsi|[r1_rmeta_1]|1.00m
  fsi|thin1|8.00m
  fsi|thin2|8.00m
  fsi|tp|4.00m
  fsi|[tp_tdata]|4.00m
  fsi|[tp_tmeta]|2.00m
EOF
)
	run olvm vgs -a -o vg_name,lv_name,seg_size -O lv_name,seg_size --separator '|' fsi --driverloaded n
	[ "$status" -eq 0 ]
	[ "$(grep -v WARNING <<<"$output")" = "$want" ]
	want=$(cat <<'EOF'
  VG|LV
  fsi|cached
  fsi|mir
  fsi|r0
  fsi|r1
  fsi|thin1
  fsi|thin2
  fsi|tp
EOF
)
	run olvm vgs -o vg_name,lv_name -O lv_name --separator '|' fsi --driverloaded n
	[ "$status" -eq 0 ]
	[ "$(grep -v WARNING <<<"$output")" = "$want" ]
}

# ---- -S and -O fields choose the row type too; "selected"; LVM2's order ----
#
# Expected text captured from real LVM2 2.03.16 with fsa on /dev/loop8,
# fsb on /dev/loop9 and 10, the orphan on /dev/loop11 and the empty fse
# on /dev/loop17: the images below carry those names, so that VG
# discovery order (LVM2 goes through VGs in reverse order of discovery)
# and pv_name order both match.

setup_live() {
	local fx="$TOP/tests/fixtures"

	IMG=("$T/loop8.img" "$T/loop9.img" "$T/loop10.img" "$T/loop11.img" "$T/loop17.img")
	xz -dc "$fx/a-linear/a.img.xz" >"$T/loop8.img"
	xz -dc "$fx/b-striped-span/b0.img.xz" >"$T/loop9.img"
	xz -dc "$fx/b-striped-span/b1.img.xz" >"$T/loop10.img"
	xz -dc "$fx/g-plain-pv/g.img.xz" >"$T/loop11.img"
	truncate -s 16M "$T/loop17.img"
	write_lvm_conf
	olvm pvcreate -q "$T/loop17.img" >/dev/null
	olvm vgcreate -q fse "$T/loop17.img" >/dev/null
}

expected_live() {
	awk -v want="## $1" '/^## /{on = ($0 == want); next} on' <<'EXPECTED'
## vgs -S lv_size=4m --separator |
  VG|#PV|#LV|#SN|Attr|VSize|VFree
  fsa|1|4|0|wz--n-|28.00m|4.00m
  fsa|1|4|0|wz--n-|28.00m|4.00m
  fsa|1|4|0|wz--n-|28.00m|4.00m
# rc=0
## vgs -o vg_name,lv_count -S seg_size=4m --separator |
  VG|#LV
  fsa|4
  fsa|4
  fsa|4
  fsa|4
# rc=0
## vgs -o vg_name -O pv_name --separator |
  VG
  fsb
  fse
  fsa
  fsb
# rc=0
## vgs -o vg_name -O pvseg_start -S pv_name=/dev/loop9 --separator |
  VG
  fsb
  fsb
# rc=0
## pvs -S lv_name=lv1 --separator |
  PV|VG|Fmt|Attr|PSize|PFree
  /dev/loop8|fsa|lvm2|a--|28.00m|4.00m
  /dev/loop8|fsa|lvm2|a--|28.00m|4.00m
# rc=0
## pvs -o pv_name,lv_name,pvseg_start -S lv_size=0 --separator |
  PV|LV|Start
  /dev/loop10||3
  /dev/loop11||0
  /dev/loop17||0
  /dev/loop8||6
# rc=0
## pvs -S vg_attr=r----- --separator |
  PV|VG|Fmt|Attr|PSize|PFree
  /dev/loop11||lvm2|---|8.00m|8.00m
# rc=0
## pvs -o pv_name,vg_name -O vg_fmt --separator |
  PV|VG
  /dev/loop17|fse
  /dev/loop9|fsb
  /dev/loop10|fsb
  /dev/loop8|fsa
  /dev/loop11|
# rc=0
## pvs -o pv_name,lv_name -O lv_name --separator |
  PV|LV
  /dev/loop17|
  /dev/loop10|
  /dev/loop8|
  /dev/loop11|
  /dev/loop8|lv1
  /dev/loop8|lv1
  /dev/loop8|lv2
  /dev/loop8|lv3
  /dev/loop8|lv4
  /dev/loop9|span
  /dev/loop10|span
  /dev/loop9|stripe
  /dev/loop10|stripe
# rc=0
## lvs -S segtype=linear -o lv_name,lv_size --separator |
  LV|LSize
  lv1|12.00m
  lv1|12.00m
  lv2|4.00m
  lv3|4.00m
  lv4|4.00m
  span|32.00m
  span|32.00m
# rc=0
## lvs -o lv_name,lv_size -O seg_size fsa --separator |
  LV|LSize
  lv1|12.00m
  lv2|4.00m
  lv3|4.00m
  lv4|4.00m
  lv1|12.00m
# rc=0
## lvs -o lv_name,vg_name -O lv_size --separator |
  LV|VG
  lv2|fsa
  lv3|fsa
  lv4|fsa
  stripe|fsb
  lv1|fsa
  span|fsb
# rc=0
## vgs -O vg_fmt --separator |
  VG|#PV|#LV|#SN|Attr|VSize|VFree
  fse|1|0|0|wz--n-|12.00m|12.00m
  fsb|2|2|0|wz--n-|56.00m|16.00m
  fsa|1|4|0|wz--n-|28.00m|4.00m
# rc=0
## lvs -o lv_name,lv_size,selected -S lv_size>4m --separator |
  LV|LSize|Selected
  lv1|12.00m|1
  lv2|4.00m|0
  lv3|4.00m|0
  lv4|4.00m|0
  span|32.00m|1
  stripe|8.00m|1
# rc=0
## lvs -o lv_name -O selected,lv_name -S lv_size>4m
  LV    
  lv1   
  span  
  stripe
# rc=0
## lvs -o lv_name,selected -O selected -S lv_size>4m
  LV     Selected
  lv2           0
  lv3           0
  lv4           0
  stripe        1
  span          1
  lv1           1
# rc=0
## lvs -o lv_name -S selected=0
# rc=0
## vgs -o vg_name,selected,lv_name -S lv_name=lv1
  VG  Selected LV    
  fsa        1 lv1   
  fsa        0 lv2   
  fsa        0 lv3   
  fsa        0 lv4   
  fsb        0 stripe
  fsb        0 span  
# rc=0
## lvs -o lv_name,selected -S lv_size>4m --reportformat json fsa
  {
      "report": [
          {
              "lv": [
                  {"lv_name":"lv1", "selected":"1"},
                  {"lv_name":"lv2", "selected":"0"},
                  {"lv_name":"lv3", "selected":"0"},
                  {"lv_name":"lv4", "selected":"0"}
              ]
          }
      ]
  }
# rc=0
## vgs -o vg_name -S lv_size>4m --reportformat json
  {
      "report": [
          {
              "vg": [
                  {"vg_name":"fsa"},
                  {"vg_name":"fsb"},
                  {"vg_name":"fsb"}
              ]
          }
      ]
  }
# rc=0
## pvs -o pv_name,selected -S vg_name=fsa --binary --separator |
  PV|Selected
  /dev/loop10|0
  /dev/loop11|0
  /dev/loop17|0
  /dev/loop8|1
  /dev/loop9|0
# rc=0
## lvs -S pv_name=/dev/loop9
  Can't report LV and PV fields at the same time in report type "lv".
# rc=5
## vgs -S lv_name=lv1 && pv_name=/dev/loop9
  Can't report LV and PV fields at the same time in report type "vg".
# rc=5
EXPECTED
}

# check_live CMD ARGS...: as check, against expected_live.
check_live() {
	local got want
	setup_live
	got=$( { olvm "$@" --driverloaded n 2>&1; echo "# rc=$?"; } |
		grep -v 'WARNING: Activation disabled' |
		sed "s#$T/\(loop[0-9]*\)\.img#/dev/\1#g")
	want=$(expected_live "$(sed "s#$T/\(loop[0-9]*\)\.img#/dev/\1#g" <<<"$*")")
	[ -n "$want" ] || { echo "no expected output for: $*"; return 1; }
	if [ "$got" != "$want" ]; then
		diff <(echo "$want") <(echo "$got") || true
		return 1
	fi
}

@test "live: vgs -S lv_size=4m --separator |" {
	check_live vgs -S lv_size=4m --separator '|'
}

@test "live: vgs -o vg_name,lv_count -S seg_size=4m --separator |" {
	check_live vgs -o vg_name,lv_count -S seg_size=4m --separator '|'
}

@test "live: vgs -o vg_name -O pv_name --separator |" {
	check_live vgs -o vg_name -O pv_name --separator '|'
}

@test "live: vgs -o vg_name -O pvseg_start -S pv_name=/dev/loop9 --separator |" {
	check_live vgs -o vg_name -O pvseg_start -S "pv_name=$T/loop9.img" --separator '|'
}

@test "live: pvs -S lv_name=lv1 --separator |" {
	check_live pvs -S lv_name=lv1 --separator '|'
}

@test "live: pvs -o pv_name,lv_name,pvseg_start -S lv_size=0 --separator |" {
	check_live pvs -o pv_name,lv_name,pvseg_start -S lv_size=0 --separator '|'
}

@test "live: pvs -S vg_attr=r----- --separator |" {
	check_live pvs -S vg_attr=r----- --separator '|'
}

@test "live: pvs -o pv_name,vg_name -O vg_fmt --separator |" {
	check_live pvs -o pv_name,vg_name -O vg_fmt --separator '|'
}

@test "live: pvs -o pv_name,lv_name -O lv_name --separator |" {
	check_live pvs -o pv_name,lv_name -O lv_name --separator '|'
}

@test "live: lvs -S segtype=linear -o lv_name,lv_size --separator |" {
	check_live lvs -S segtype=linear -o lv_name,lv_size --separator '|'
}

@test "live: lvs -o lv_name,lv_size -O seg_size fsa --separator |" {
	check_live lvs -o lv_name,lv_size -O seg_size fsa --separator '|'
}

@test "live: lvs -o lv_name,vg_name -O lv_size --separator |" {
	check_live lvs -o lv_name,vg_name -O lv_size --separator '|'
}

@test "live: vgs -O vg_fmt --separator |" {
	check_live vgs -O vg_fmt --separator '|'
}

@test "live: lvs -o lv_name,lv_size,selected -S lv_size>4m --separator |" {
	check_live lvs -o lv_name,lv_size,selected -S 'lv_size>4m' --separator '|'
}

@test "live: lvs -o lv_name -O selected,lv_name -S lv_size>4m" {
	check_live lvs -o lv_name -O selected,lv_name -S 'lv_size>4m'
}

@test "live: lvs -o lv_name,selected -O selected -S lv_size>4m" {
	check_live lvs -o lv_name,selected -O selected -S 'lv_size>4m'
}

@test "live: lvs -o lv_name -S selected=0" {
	check_live lvs -o lv_name -S selected=0
}

@test "live: vgs -o vg_name,selected,lv_name -S lv_name=lv1" {
	check_live vgs -o vg_name,selected,lv_name -S lv_name=lv1
}

@test "live: lvs -o lv_name,selected -S lv_size>4m --reportformat json fsa" {
	check_live lvs -o lv_name,selected -S 'lv_size>4m' --reportformat json fsa
}

@test "live: vgs -o vg_name -S lv_size>4m --reportformat json" {
	check_live vgs -o vg_name -S 'lv_size>4m' --reportformat json
}

@test "live: pvs -o pv_name,selected -S vg_name=fsa --binary --separator |" {
	check_live pvs -o pv_name,selected -S vg_name=fsa --binary --separator '|'
}

@test "live: lvs -S pv_name=/dev/loop9" {
	check_live lvs -S "pv_name=$T/loop9.img"
}

@test "live: vgs -S lv_name=lv1 && pv_name=/dev/loop9" {
	check_live vgs -S "lv_name=lv1 && pv_name=$T/loop9.img"
}

# LVM2 lists thin pools before the other LVs of their VG (the last pool in
# the metadata first); rows that sort equal show it.  Captured from LVM2
# 2.03.16 on fixture i-other-segtypes.
@test "thin pools come first in lvs and vgs" {
	local fx="$TOP/tests/fixtures/i-other-segtypes" c want got

	IMG+=("$T/loop11.img" "$T/loop12.img")
	xz -dc "$fx/i0.img.xz" >"$T/loop11.img"
	xz -dc "$fx/i1.img.xz" >"$T/loop12.img"
	write_lvm_conf
	while IFS= read -r c; do
		want=$(awk -v want="## $c" '/^## /{on = ($0 == want); next} on' <<<"$THIN_WANT")
		# shellcheck disable=SC2086 # the commands are split on blanks on purpose
		got=$(olvm $c --driverloaded n 2>/dev/null)
		[ "$got" = "$want" ] || { echo "$c:"; diff <(echo "$want") <(echo "$got"); return 1; }
	done < <(grep '^## ' <<<"$THIN_WANT" | sed 's/^## //')
}

THIN_WANT=$(cat <<'EOF'
## lvs -o lv_name,segtype -O vg_name --separator | fsi
  LV|Type
  tp|thin-pool
  r0|raid0
  mir|mirror
  r1|raid1
  thin1|thin
  thin2|thin
  cached|cache
## lvs -a -o lv_name -O vg_name --separator | fsi
  LV
  tp
  r0
  mir
  r1
  thin1
  thin2
  cached
  [cp]
  [r0_rimage_0]
  [r0_rimage_1]
  [lvol0_pmspare]
  [cp_cmeta]
  [cp_cdata]
  [mir_mimage_0]
  [mir_mimage_1]
  [mir_mlog]
  [r1_rmeta_0]
  [r1_rimage_0]
  [r1_rmeta_1]
  [r1_rimage_1]
  [tp_tmeta]
  [tp_tdata]
  [cached_corig]
## vgs -o lv_name -O vg_name --separator | fsi
  LV
  tp
  r0
  mir
  r1
  thin1
  thin2
  cached
## lvs --segments -o lv_name,seg_size -O seg_size --separator | fsi
  LV|SSize
  mir|2.00m
  r1|2.00m
  tp|4.00m
  r0|4.00m
  cached|4.00m
  thin1|8.00m
  thin2|8.00m
EOF
)

# pvs, vgs, lvs: -o, -O, -S after --configreport for another report are
# ignored; after their own (or none) they apply (LVM2 2.03.16).
@test "--configreport in pvs, vgs and lvs" {
	run olvm vgs -o vg_size --configreport lv -o lv_name --configreport vg -o+vg_name \
		--separator '|' fsa
	assert_status 0
	assert_equal "$output" "  VSize|VG
  28.00m|fsa"
	run olvm vgs --configreport vg -S 'vg_name=fsb' -O vg_name -o vg_name --noheadings
	assert_equal "$output" "  fsb"
	run olvm lvs --configreport seg -o lv_name,seg_size --separator '|' fsa
	assert_equal "$(sed -n 2,3p <<<"$output")" "  lv1|8.00m
  lv1|4.00m"
	run olvm pvs --configreport pvseg -o pv_name --configreport log -o log_type --noheadings \
		"$T/loop4.img"
	assert_equal "$output" "  $T/loop4.img"
	run olvm pvs --configreport bogus
	assert_status 3
	assert_output_contains 'Invalid argument for --configreport: bogus'
}

# -o help: LVM2 2.03.16's layout, whatever the command (field names and
# sections; the descriptions are openlvm's own).
@test "-o help: LVM2's sections, _all lines and Special Fields, for pvs, vgs and lvs" {
	local c o first=""
	for c in pvs vgs lvs; do
		for o in help '?' name,help +help; do
			run olvm "$c" -o "$o"
			assert_status 0
			[ -n "$first" ] || first=$output
			assert_equal "$output" "$first"
		done
	done
	# The section titles, in order, each underlined to its length.
	assert_equal "$(grep -E '^  [A-Z]' <<<"$first")" "  Logical Volume Fields
  Logical Volume Device Info Fields
  Logical Volume Device Status Fields
  Logical Volume Device Info and Status Combined Fields
  Physical Volume Label Fields
  Physical Volume Fields
  Volume Group Fields
  Logical Volume Segment Fields
  Physical Volume Segment Fields
  Special Fields"
	run awk '/^  [A-Z]/ { t = length($0) } /^  -+$/ && length($0) != t { bad++ } END { print bad + 0 }' <<<"$first"
	assert_equal "$output" 0
	# Each section leads with its _all field (but Special) and ends with "   ".
	assert_equal "$(grep -c '_all  *- All fields in this section.$' <<<"$first")" 9
	assert_equal "$(grep -c '^   $' <<<"$first")" 10
	assert_equal "$(tail -6 <<<"$first")" "  Special Fields
  --------------
    selected                    - Selected
    help                        - Show help.
    ?                           - Show help.
   "
	[[ "$first" == *"
  Logical Volume Device Info and Status Combined Fields
  -----------------------------------------------------
    lv_all                      - All fields in this section.
    lv_attr                     - "* ]]
	[[ "$first" == *"
  Physical Volume Label Fields
  ----------------------------
    pv_all                      - All fields in this section.
    pv_fmt                      - "* ]]
	# Every field is listed once, under a 27-wide name column.
	assert_equal "$(grep -cE '^    [a-z_]+ +- ' <<<"$first")" \
		"$(grep -E '^    [a-z_]+ +- ' <<<"$first" | grep -v ' - All fields in this section' | awk '{ print $1 }' | sort -u | wc -l | awk '{ print $1 + 9 }')"
	run awk '/^    [a-z_?]+ +- / && index($0, " - ") != 32 && length($1) < 28 { bad++ } END { print bad + 0 }' <<<"$first"
	assert_equal "$output" 0
}
