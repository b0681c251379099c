#!/usr/bin/env bats
# Logical volumes, both ways with real LVM2:
# (1) the same commands on twin empty VGs, one run by LVM2 (rvg on LOOP0..)
#     and one by openlvm (ovg on the next loops), give the same layout;
# (2) LVM2-made LVs changed by openlvm read back in LVM2 as if LVM2 had
#     made the same change on the twin;
# (3) openlvm-made LVs read the same in LVM2 and in openlvm.
# The layouts compared are LVM2's own `lvs --segments` of both VGs, with
# each loop device replaced by its position in its VG.

load helpers

setup() {
	interop_setup
}

SEG_FIELDS=lv_name,lv_size,seg_pe_ranges,devices,stripes,stripe_size
LV_FIELDS=lv_name,lv_size,lv_attr,seg_count,stripes,stripe_size,devices,seg_pe_ranges,lv_tags,lv_read_ahead,lv_allocation_policy

# twins N SIZE [VGCREATE OPTIONS]: N loops for rvg (made by LVM2) and N for
# ovg (made by openlvm), RDEV/ODEV hold each side's devices.
twins() {
	local n=$1 size=$2 i
	shift 2
	new_loops $((2 * n)) "$size"
	RDEV=("${LOOP[@]:0:n}")
	ODEV=("${LOOP[@]:n:n}")
	rlvm pvcreate -q "${RDEV[@]}" >/dev/null
	rlvm vgcreate -q "$@" rvg "${RDEV[@]}" >/dev/null
	olvm pvcreate -q "${ODEV[@]}" >/dev/null
	olvm vgcreate -q "$@" ovg "${ODEV[@]}" >/dev/null
	for ((i = 0; i < n; i++)); do
		[ -n "${RDEV[i]}" ] && [ -n "${ODEV[i]}" ] || return 1
	done
}

# twins_sized SIZE...: like twins, one loop per SIZE on each side.
twins_sized() {
	local i=0 side s
	for side in r o; do
		for s in "$@"; do
			truncate -s "$s" "$T/disk$i.img"
			attach "$T/disk$i.img"
			i=$((i + 1))
		done
	done
	RDEV=("${LOOP[@]:0:$#}")
	ODEV=("${LOOP[@]:$#:$#}")
	rlvm pvcreate -q "${RDEV[@]}" >/dev/null
	rlvm vgcreate -q rvg "${RDEV[@]}" >/dev/null
	olvm pvcreate -q "${ODEV[@]}" >/dev/null
	olvm vgcreate -q ovg "${ODEV[@]}" >/dev/null
}

# args SIDE ARGS...: ARGS with VG standing for the side's VG name and @N
# (optionally followed by :ranges) for its N-th device.
args() {
	local side=$1 a
	shift
	ARGS=()
	for a in "$@"; do
		if [[ $a =~ ^@([0-9]+)(.*)$ ]]; then
			if [ "$side" = r ]; then
				a=${RDEV[${BASH_REMATCH[1]}]}${BASH_REMATCH[2]}
			else
				a=${ODEV[${BASH_REMATCH[1]}]}${BASH_REMATCH[2]}
			fi
		fi
		ARGS+=("${a//VG/${side}vg}")
	done
}

# LVM2 without device-mapper: nothing to activate, suspend or zero.
real_lv_cmd() {
	local cmd=$1
	shift
	case $cmd in
	lvcreate) rlvm lvcreate --driverloaded n -an -Zn "$@" ;;
	lv*) rlvm "$cmd" --driverloaded n "$@" ;;
	*) rlvm "$cmd" "$@" ;;
	esac
}

# rdo / odo / both CMD ARGS...: run on rvg with LVM2, on ovg with openlvm.
rdo() {
	args r "$@"
	real_lv_cmd "${ARGS[@]}" >"$T/r.out" 2>&1 || {
		echo "LVM2 failed: $*" >&2
		cat "$T/r.out" >&2
		return 1
	}
}
odo() {
	args o "$@"
	olvm "${ARGS[@]}" >"$T/o.out" 2>&1 || {
		echo "openlvm failed: $*" >&2
		cat "$T/o.out" >&2
		return 1
	}
}
both() {
	rdo "$@" && odo "$@"
}

# both_same ARGS...: LVM2 and openlvm both succeed or both refuse.
both_same() {
	local rs=0 os=0
	rdo "$@" 2>/dev/null || rs=1
	odo "$@" 2>/dev/null || os=1
	if [ "$rs" != "$os" ]; then
		echo "LVM2 status $rs, openlvm status $os: $*" >&2
		cat "$T/r.out" "$T/o.out" >&2
		return 1
	fi
}

# both_refuse ARGS...: LVM2 refuses; openlvm refuses with exit 5 and ovg's
# metadata stays as it was.
both_refuse() {
	local seqno
	seqno=$(rfield vgs -o vg_seqno ovg)
	args r "$@"
	if real_lv_cmd "${ARGS[@]}" >"$T/r.out" 2>&1; then
		echo "LVM2 accepted: $*" >&2
		return 1
	fi
	args o "$@"
	olvm "${ARGS[@]}" >"$T/o.out" 2>&1 && {
		echo "openlvm accepted: $*" >&2
		return 1
	}
	olvm "${ARGS[@]}" >/dev/null 2>&1 || [ $? -eq 5 ] || {
		echo "openlvm exit status not 5: $*" >&2
		cat "$T/o.out" >&2
		return 1
	}
	assert_equal "$(rfield vgs -o vg_seqno ovg)" "$seqno"
}

# norm SIDE: loop device names to @index of that side.
norm() {
	local i script=""
	local -n devs=${1^^}DEV
	for i in "${!devs[@]}"; do
		script+="s|${devs[i]}\\([^0-9]\\)|@$i\\1|g; s|${devs[i]}\$|@$i|; "
	done
	sed -e 's/^ *//; s/ *$//' -e "$script"
}

# layout SIDE [FIELDS]: LVM2's lvs --segments of that side's VG.
layout() {
	rlvm lvs --noheadings --separator , --units k -o "${2:-$SEG_FIELDS}" --segments \
		"${1}vg" | norm "$1"
}

same_layout() {
	local r o
	r=$(layout r)
	o=$(layout o)
	if [ "$r" != "$o" ]; then
		echo "layouts differ (LVM2 | openlvm):" >&2
		diff -y -W 160 <(echo "$r") <(echo "$o") >&2
		return 1
	fi
	[ -n "$r" ]
}

# LVM2 finds nothing wrong with ovg/rvg.
vg_clean() {
	run rlvm vgck "$1"
	assert_status 0
	assert_equal "$output" ""
}

# (3): every LV field reads the same in openlvm and LVM2 (state columns of
# lv_attr masked: LVM2 without device-mapper cannot tell them).
same_lv_fields() {
	local r o
	r=$(rlvm lvs --noheadings --separator '|' --units b -o $LV_FIELDS --segments "$1" |
		sed 's/^ *//; s/ *$//' | awk -F'|' -v OFS='|' '{ $3 = substr($3, 1, 4) "XX" substr($3, 7); print }')
	o=$(olvm lvs --noheadings --separator '|' --units b -o $LV_FIELDS --segments "$1" |
		sed 's/^ *//; s/ *$//' | awk -F'|' -v OFS='|' '{ $3 = substr($3, 1, 4) "XX" substr($3, 7); print }')
	if [ "$r" != "$o" ]; then
		echo "lvs differ (LVM2 | openlvm):" >&2
		diff -y -W 200 <(echo "$r") <(echo "$o") >&2
		return 1
	fi
}

# holes DEV-INDEX FREE-RANGE...: fills the device with LVs fN_K except the
# given ranges (on both sides).
holes() {
	local d=$1 pe pos=0 h k=0 s e
	shift
	pe=$(rlvm pvs --noheadings -o pv_pe_count "${RDEV[$d]}" | tr -d ' ')
	for h in "$@" "$pe-$pe"; do
		s=${h%-*}
		e=${h#*-}
		if ((s > pos)); then
			both lvcreate -n "f${d}_$k" -l $((s - pos)) VG "@$d:$pos-$((s - 1))"
			k=$((k + 1))
		fi
		pos=$((e + 1))
	done
}

@test "(1) sizes, a second segment, striping: same layout as LVM2" {
	twins 3 40M
	both lvcreate -n a -L 8M VG
	both lvcreate -n b -l 3 VG
	both lvcreate -n c -L 12M VG
	both lvextend -l +2 VG/a
	both lvcreate -n s -i2 -I64k -l 4 VG
	both lvcreate -n d -L 5M VG
	both lvextend -L +8M VG/d
	same_layout
	both lvremove -f VG/b
	both lvcreate -n e -l 2 VG
	both lvcreate -n g -l 4 -i2 -I128k VG
	both_same lvextend -l +4 VG/s
	both lvextend -l +2 VG/s
	same_layout
	vg_clean ovg
	same_lv_fields ovg
}

@test "(1) spans across PVs with PV lists and PE ranges" {
	twins 3 40M
	both lvcreate -n span -l 12 VG @0 @1
	both lvcreate -n r1 -l 3 VG @2:4-6 @1:0-
	both lvcreate -n r2 -l 4 VG @2:0-1:7-8
	both_same lvextend -l +3 VG/span @2
	both lvextend -l +2 VG/span @2 @0
	both lvcreate -n rest -l 100%FREE VG
	same_layout
	vg_clean ovg
	same_lv_fields ovg
}

@test "(1) --alloc contiguous, cling, anywhere" {
	twins 3 40M
	both lvcreate -n a -l 3 VG
	both lvcreate -n b -l 2 VG
	both lvcreate -n c --alloc contiguous -l 4 VG
	both lvextend -l +3 VG/a
	both lvcreate -n k --alloc cling -l 2 VG @1
	both lvcreate -n fill -l 2 VG @1
	both_same lvextend --alloc cling -l +3 VG/k
	both lvextend --alloc cling -l +1 VG/k
	both lvcreate -n w --alloc anywhere -l 3 VG
	both lvextend --alloc anywhere -l +2 VG/w
	same_layout
	run rlvm lvcreate --driverloaded n -an -Zn -n x --alloc contiguous -l 9 rvg
	[ "$status" -ne 0 ]
	run olvm lvcreate -n x --alloc contiguous -l 9 ovg
	[ "$status" -ne 0 ]
	same_layout
	vg_clean ovg
}

@test "(1) lvreduce and lvremove leave holes that new LVs fill as in LVM2" {
	twins 2 60M
	both lvcreate -n a -l 5 VG
	both lvcreate -n b -l 3 VG
	both lvcreate -n c -l 2 VG
	both lvcreate -n d -l 4 VG
	both lvreduce -f -l 2 VG/a
	both lvcreate -n e -l 2 VG
	both lvremove -f VG/c
	both lvcreate -n f -l 1 VG
	both lvremove -f VG/b VG/e
	both lvcreate -n g -l 2 VG
	both lvcreate -n h -l 4 VG
	both lvcreate -n i -l 1 VG
	same_layout
	vg_clean ovg
	same_lv_fields ovg
}

@test "(1) which hole LVM2 picks: exact fits, larger holes, several PVs" {
	twins 3 80M
	holes 0 0-2 5-6 9-9 12-15
	holes 1 0-1 4-4
	holes 2 0-4 7-8 11-13
	both lvcreate -n t1 -l 2 VG
	both lvcreate -n t2 -l 1 VG
	both lvcreate -n t3 -l 2 VG
	both lvcreate -n t4 -l 3 VG
	both lvcreate -n t5 -l 1 VG
	both lvcreate -n t6 -l 2 VG
	both lvcreate -n t7 -l 6 VG
	both lvcreate -n s1 -i2 -l 4 VG
	same_layout
	vg_clean ovg
}

@test "(1) an LV longer than any hole: contiguous, cling, then normal" {
	twins 3 80M
	holes 0 0-2 5-8 11-12
	holes 1 0-1
	holes 2 0-2
	both lvcreate -n t -l 10 VG
	same_layout
	both lvextend -l +3 VG/t
	same_layout
	vg_clean ovg
}

@test "(1) extending an LV clings to its first segment's PVs only" {
	local p
	for p in 0 1 2; do
		twins 4 60M
		both lvcreate -n a -l 3 VG @0
		both lvextend -l +3 VG/a @1
		both lvextend -l +3 VG/a @2
		both lvcreate -n gap -l 1 VG @$p
		both lvcreate -n b$p -l 2 VG @$p
		for q in 0 1 2; do
			both lvcreate -n full$q -l 100%PVS VG @$q
		done
		both lvextend -l +3 VG/a
		same_layout
		vg_clean ovg
		teardown_loops
		LOOP=()
		rm -f "$T"/disk*.img
	done
}

@test "(2) LVM2-made linear, striped and multi-segment LVs changed by openlvm" {
	twins 3 40M
	for side in r o; do
		args "$side" lvcreate -n lin -l 3 VG
		real_lv_cmd "${ARGS[@]}" >/dev/null
		args "$side" lvcreate -n str -i2 -I64k -l 4 VG
		real_lv_cmd "${ARGS[@]}" >/dev/null
		args "$side" lvcreate -n multi -l 2 VG @0
		real_lv_cmd "${ARGS[@]}" >/dev/null
		args "$side" lvextend -l +2 VG/lin @2
		real_lv_cmd "${ARGS[@]}" >/dev/null
		args "$side" lvextend -l +3 VG/multi @1
		real_lv_cmd "${ARGS[@]}" >/dev/null
	done
	same_layout
	both lvextend -l +3 VG/lin
	both lvextend -l +4 VG/str
	both lvreduce -f -l 3 VG/multi
	both lvrename VG lin linear
	both lvrename VG/str VG/striped
	both lvextend -L +8M VG/multi
	same_layout
	vg_clean ovg
	assert_equal "$(rfield lvs -o lv_name,seg_count --separator '|' ovg/linear ovg/multi ovg/striped)" \
		"$(rfield lvs -o lv_name,seg_count --separator '|' rvg/linear rvg/multi rvg/striped)"
	both lvreduce -f -l 2 VG/striped
	both lvremove -f VG/linear
	both lvcreate -n new -l 5 VG
	same_layout
	vg_clean ovg
	run rlvm lvs --noheadings -o lv_name ovg
	assert_equal "$(echo $output)" "multi new striped"
	same_lv_fields ovg
}

@test "(3) openlvm-made LVs read the same in LVM2 (attributes, tags, policies)" {
	twins 2 40M
	odo lvcreate -n plain -L 12M VG
	odo lvcreate -n ro -l 2 -p r -r 256 --addtag t1 --addtag t2 VG
	odo lvcreate -n cl -C y -l 2 VG @1
	odo lvcreate -n cg --alloc cling -l 1 VG
	odo lvcreate -n st -i2 -I256k -l 4 VG
	odo lvextend -l +2 VG/plain @1
	odo lvchange --addtag x --alloc anywhere -r auto VG/plain
	odo lvcreate -n z --type zero -L 1G VG
	odo lvcreate -n er --type error -L 8M VG
	vg_clean ovg
	same_lv_fields ovg
	run rlvm lvs --noheadings -o lv_name,lv_tags --separator '|' ovg/ro
	assert_equal "$(echo $output)" "ro|t1,t2"
}

# Issue 3: LVM2 visits a PV's equal free runs in PE order at first, but a
# run a round touched without using up (a candidate passed over, a piece's
# remainder) goes behind its equals; the first rounds of "normal" cling to
# the PVs this request used, where a smaller run replaces a larger one.
@test "(1) issue 3: equal 1-extent runs on one PV, striped in fragmented space" {
	twins 4 100M
	holes 0 0-2
	holes 1 0-2
	holes 2 2-3 6-6 10-10 13-13 16-16 20-20 23-23
	holes 3 2-2 6-6 8-8 10-11 13-13 16-17 20-20 22-22
	both lvcreate -n s -i2 -l 14 VG
	same_layout
	both lvcreate -n t -i2 -l 4 VG
	same_layout
	both lvremove -f VG/s VG/t
	both lvcreate -n u -i2 -l 18 VG
	same_layout
	vg_clean ovg
}

@test "(1) issue 3 variations: linear LVs after a first piece elsewhere" {
	local l
	for l in 5 6 7; do
		twins 2 100M
		holes 0 0-2
		holes 1 2-2 6-6 10-11 14-14 18-18
		both lvcreate -n a -l $l VG
		both lvcreate -n b -l 2 VG
		same_layout
		vg_clean ovg
		teardown_loops
		LOOP=()
		rm -f "$T"/disk*.img
	done
	twins 2 100M
	holes 0 0-5
	holes 1 2-2 5-6 9-9 12-13 16-16 19-20
	both lvcreate -n a -l 14 VG
	same_layout
}

@test "(1) issue 3 variations: three and two stripes over four fragmented PVs" {
	twins 4 100M
	holes 0 0-2 5-6 9-12 14-14 18-21
	holes 1 1-1 4-4 7-7 10-10 12-12 15-15 19-19 23-23
	holes 2 2-5 7-8 12-13 17-21 23-23
	holes 3 2-2 6-8 12-13 17-18 21-21
	both lvcreate -n s -i3 -l 30 VG
	same_layout
	both lvremove -f VG/s
	both lvcreate -n s -i2 -l 40 VG
	same_layout
	vg_clean ovg
}

@test "(1) lvextend of a striped LV: cling to its PVs, then normal" {
	twins 4 100M
	holes 0 12-13
	holes 1 0-1 5-6 13-13
	holes 2 3-13
	holes 3 0-13
	both lvcreate -n l7 -i2 -I64k -l 2 VG @0:13 @1:0
	both lvextend -l +2 VG/l7 @0:12 @1:1
	both lvextend -l +4 VG/l7 @1:5-6 @2:3-4
	both lvextend -l +4 VG/l7
	same_layout
	both lvextend -l +6 VG/l7
	same_layout
	vg_clean ovg
}

@test "(1) --alloc anywhere: more stripes than PVs, runs of one PV" {
	twins 3 100M
	both lvcreate -n a -i5 -l 20 --alloc anywhere VG
	both_refuse lvcreate -n n -i5 -l 5 VG
	both_refuse lvcreate -n c -i4 -l 4 --alloc cling VG
	both lvcreate -n b -i4 -l 8 --alloc anywhere VG
	same_layout
	vg_clean ovg
	same_lv_fields ovg
}

@test "(1) --alloc anywhere in fragmented free space" {
	twins 3 100M
	holes 0 0-7 9-12 16-16 20-23
	holes 1 1-1 3-4 7-8 11-13 15-15 17-21 23-23
	holes 2
	both lvcreate -n a -i4 -l 4 --alloc anywhere VG
	same_layout
	both lvcreate -n b -i3 -l 9 --alloc anywhere VG
	same_layout
	both_refuse lvcreate -n c -i3 -l 30 --alloc anywhere VG
	vg_clean ovg
}

@test "(1) --alloc contiguous and cling with stripes: lvcreate and lvextend" {
	twins 3 100M
	both lvcreate -n c -i2 -l 4 --alloc contiguous VG
	both lvcreate -n x -l 1 VG @1
	both_refuse lvextend -l +2 --alloc contiguous VG/c
	both lvcreate -n g -i3 -l 6 --alloc cling VG
	both lvextend -l +3 --alloc cling VG/g
	both lvextend -l +6 VG/g
	# c keeps its contiguous policy; normal must be asked for.
	both_refuse lvextend -l +2 VG/c
	both lvextend -l +2 --alloc normal VG/c
	both lvextend -l +2 --alloc anywhere VG/g
	both_refuse lvcreate -n big -i2 -l 60 --alloc contiguous VG
	same_layout
	vg_clean ovg
}

@test "(1) PVs of different sizes: stripes == PVs, then the larger PVs only" {
	twins_sized 40M 60M 100M
	both lvcreate -n a -i3 -l 15 VG
	both lvcreate -n b -i2 -l 20 VG
	both_refuse lvcreate -n c -i3 -l 9 VG
	both lvextend -l +4 VG/b
	both lvcreate -n d -i3 -l 6 --alloc anywhere VG
	same_layout
	vg_clean ovg
	same_lv_fields ovg
}

@test "(1) lvextend --alloc anywhere: no contiguous continuation of two stripes on one PV" {
	twins 4 100M
	holes 0 0-1 4-5 8-15 17-23
	holes 1 1-8 11-14 16-23
	holes 2 0-1 3-6 10-11 13-15 18-19 22-23
	holes 3 0-2 5-8 12-12 15-16 19-23
	both lvcreate -n a -i5 -l 20 --alloc anywhere VG
	both lvcreate -n b -l 2 VG
	both lvextend -l +5 --alloc anywhere VG/a
	same_layout
	vg_clean ovg
}
