#!/usr/bin/env bats
# -S selections: real LVM2 and openlvm select the same rows of the same
# VGs (built by LVM2 on loop devices).

load helpers

setup() {
	interop_setup
	new_loops 2 64M
	rlvm vgcreate -s 1m --addtag vgt1 vg1 "$LOOP0" >/dev/null 2>&1
	rlvm vgcreate vg2 "$LOOP1" >/dev/null 2>&1
	rlvm lvcreate --driverloaded n -an -Zn -L 4m -n lv1 --addtag a --addtag b vg1 >/dev/null 2>&1
	rlvm lvcreate --driverloaded n -an -Zn -L 8m -n lv2 --addtag a vg1 >/dev/null 2>&1
	rlvm lvcreate --driverloaded n -an -Zn -L 12m -n other vg1 >/dev/null 2>&1
	rlvm lvcreate --driverloaded n -an -Zn -L 8m -n lv3 --addtag c vg2 >/dev/null 2>&1
}

# same CMD FIELDS SELECTION [ARGS]: both tools print the same rows and status.
same() {
	local r o rs os
	r=$(rlvm "$1" --noheadings --separator , -o "$2" -S "$3" "${@:4}" 2>/dev/null) && rs=0 || rs=$?
	o=$(olvm "$1" --noheadings --separator , -o "$2" -S "$3" "${@:4}" 2>/dev/null) && os=0 || os=$?
	if [ "$r" != "$o" ] || [ "$rs" != "$os" ]; then
		printf 'selection %s on %s differs:\n--- LVM2 (%s)\n%s\n--- openlvm (%s)\n%s\n' \
			"$3" "$1" "$rs" "$r" "$os" "$o"
		return 1
	fi
}

@test "interop select: lvs with every operator" {
	local s
	while IFS= read -r s; do
		same lvs vg_name,lv_name "$s"
	done <<'SEL'
lv_size>4m
lv_size>=8m
size=8
lv_size<8388608b
lv_size=8192s
lv_size=4M
lv_size>0.004g
lv_name=~^lv
lv_name!~^lv
lv_name="lv1"
lv_name='lv1'
lv_name!=lv1
!(lv_name=lv1)
(lv_name=lv1 || lv_name=lv3) && lv_size>4m
lv_name=lv1 || lv_name=lv2 && lv_size>4m
lv_name=lv1,lv_size=8m
lv_name=lv1 # lv_name=lv2
vg_name=vg1 && lv_size<10m
seg_count=1
lv_major=-1
lv_major=undefined
lv_read_ahead=auto
lv_time>2020-01-01
lv_time<2020-01-01
lv_time since 2020
segtype=linear
lv_layout=linear
lv_role=public
vg_tags=vgt1
SEL
}

@test "interop select: tag lists and sets" {
	local s
	for s in 'lv_tags=a' 'lv_tags={a}' 'lv_tags=[a]' 'lv_tags={a,b}' 'lv_tags=[a,b]' \
		'lv_tags=[a||c]' 'lv_tags={a||c}' 'lv_tags=[a&&b]' 'lv_tags!=a' 'lv_tags=""' \
		'lv_tags=[]' 'lv_tags={}' 'lv_tags=[a,b,c]' 'lv_tags!=[a]' \
		'lv_tags=[a] || lv_tags=c'; do
		same lvs vg_name,lv_name "$s"
	done
}

@test "interop select: pvs and vgs" {
	local s
	for s in 'vg_name=vg1' 'lv_name=lv1' 'pv_allocatable=1' 'pv_allocatable=allocatable' \
		'pv_exported=0' 'pv_free<50m' 'pv_tags=[]'; do
		same pvs pv_name "$s"
	done
	for s in 'vg_tags={vgt1}' 'vg_free>20m' 'lv_count>1' 'vg_name=~2$'; do
		same vgs vg_name "$s"
	done
}

@test "interop select: both refuse bad selections with status 5" {
	local s
	for s in 'bogus=1' 'lv_name=lv1 &&' 'lv_tags=~a' 'lv_name<lv2' '(lv_name=lv1' \
		'lv_name=lv1)' '!lv_name=lv1' 'lv_size>abc' 'lv_name'; do
		same lvs lv_name "$s"
	done
}

# ---- freeform time words: LVs made by LVM2 seconds ago, ranges that
# ---- cannot change while the test runs (unless it straddles midnight).

@test "interop select: relative time words" {
	local s today
	today=$(date +%A)
	for s in 'lv_time since yesterday' 'lv_time since "yesterday"' 'lv_time before yesterday' \
		'lv_time until today' 'lv_time since "1 week ago"' 'lv_time before "2 days ago"' \
		'lv_time since "2 hours ago"' 'lv_time = "5 hours ago"' 'lv_time = "1 day ago"' \
		'lv_time after "1 year 3 months ago"' "lv_time since '$today'" \
		"lv_time since '${today:0:3} midnight'" 'lv_time since "3 days ago noon"' \
		'lv_time since "last week"' 'lv_time = "1 fortnight ago"' 'lv_time = "today yesterday"' \
		'lv_time = "1 minute ago noon"' 'lv_time = 12:00' 'lv_time = "Tues"'; do
		same lvs vg_name,lv_name "$s"
	done
}

# both ARGS...: LVM2 and openlvm print the same bytes and exit alike, with
# --noheadings --separator , and with --reportformat json.
both() {
	local mode r o rs os
	local -a extra
	for mode in sep json; do
		if [ "$mode" = sep ]; then
			extra=(--noheadings --separator ,)
		else
			extra=(--reportformat json)
		fi
		r=$(rlvm "$@" "${extra[@]}" 2>/dev/null) && rs=0 || rs=$?
		o=$(olvm "$@" "${extra[@]}" 2>/dev/null) && os=0 || os=$?
		if [ "$r" != "$o" ] || [ "$rs" != "$os" ]; then
			printf '%s (%s) differs:\n' "$*" "$mode"
			diff <(echo "$r"; echo "rc=$rs") <(echo "$o"; echo "rc=$os") || true
			return 1
		fi
	done
}

# An orphan PV next to vg1 and vg2.
add_orphan() {
	new_loops 3 64M
	rlvm pvcreate "$LOOP2" >/dev/null 2>&1
}

@test "interop select: -S fields of other objects repeat rows" {
	add_orphan
	both vgs -o vg_name,lv_count -S 'lv_size>4m'
	both vgs -o vg_name -S 'seg_size=8m'
	both vgs -o vg_name,pv_count -S "pv_name=$LOOP1"
	both vgs -o vg_name -S 'pvseg_start=0'
	both vgs -o vg_name -S 'lv_name=nosuch'
	both pvs -o pv_name,vg_name -S 'lv_name=lv1'
	both pvs -o pv_name,pv_size -S 'lv_size>4m'
	both pvs -o pv_name -S 'lv_size=0'
	both pvs -o pv_name,vg_name -S 'lv_role=public'
	both pvs -o pv_name -S 'vg_attr=r-----'
	both pvs -o pv_name -S 'vg_fmt=lvm2'
	both pvs -o pv_name -S 'pvseg_start=0'
	both lvs -o lv_name,lv_size -S 'segtype=linear'
	both lvs -o lv_name -S 'seg_size<5m'
	both lvs -o lv_name -S "pv_name=$LOOP0"
	both vgs -o vg_name -S "lv_name=lv1 && pv_name=$LOOP0"
}

@test "interop select: -O fields of other objects repeat rows" {
	add_orphan
	both vgs -o vg_name -O pv_name
	both vgs -o vg_name,vg_size -O -lv_size
	both vgs -o vg_name -O seg_start,lv_name
	both pvs -o pv_name,pv_free -O lv_name
	both pvs -o pv_name -O -seg_size
	both lvs -o lv_name,lv_size -O seg_size
	both lvs -o lv_name -O pv_name
}

@test "interop select: the selected field" {
	add_orphan
	both lvs -o lv_name,lv_size,selected -S 'lv_size>4m'
	both lvs -o lv_name,selected
	both lvs -o lv_name -O selected,lv_name -S 'lv_size>4m'
	both lvs -o lv_name,selected -O selected -S 'lv_size>4m'
	both lvs -o lv_name,selected -S 'selected=0'
	both lvs -o lv_name -S 'selected=1 && lv_tags=a'
	both vgs -o vg_name,selected -S 'vg_name=vg2'
	both vgs -o vg_name,selected,lv_name -S 'lv_name=lv1'
	both pvs -o pv_name,selected -S 'vg_name=vg1' --binary
	both pvs -o pv_name,lv_name,selected -S 'lv_size>8m'
	both lvs --segments -o lv_name,selected -S 'seg_size>4m' --rows
}

@test "interop select: rows that sort equal keep LVM2's order" {
	add_orphan
	# lv2 (vg1) and lv3 (vg2) are both 8m; PVs and VGs tie on the format.
	both lvs -o lv_name,vg_name -O lv_size
	both vgs -o vg_name -O vg_fmt
	both pvs -o pv_name,vg_name -O vg_fmt
	both pvs -o pv_name,lv_name,pvseg_start -O lv_name
	both vgs -o vg_name,lv_name -O lv_size
}

@test "interop select: thin pools first (fixture i-other-segtypes)" {
	local f
	for f in i0 i1; do
		xz -dc "$FIXTURES/i-other-segtypes/$f.img.xz" >"$T/$f.img"
		attach "$T/$f.img"
	done
	both lvs -o lv_name,segtype -O vg_name fsi
	both lvs -a -o lv_name -O vg_name fsi
	both lvs -o lv_name -O lv_size fsi
	both lvs --segments -o lv_name,seg_size -O seg_size fsi
	both vgs -o vg_name,lv_name -O vg_name fsi
	both lvs -o lv_name,selected -O selected -S 'lv_size>2m' fsi
}

@test "interop select: hidden LVs and LV references select by plain name" {
	local f s
	for f in i0 i1; do
		xz -dc "$FIXTURES/i-other-segtypes/$f.img.xz" >"$T/$f.img"
		attach "$T/$f.img"
	done
	while IFS= read -r s; do
		same lvs lv_name,data_lv,pool_lv "$s" -a
	done <<'SEL'
lv_name=mir_mimage_0
lv_name="[cp]"
data_lv=cp_cdata
data_lv="[cp_cdata]"
pool_lv=cp
lv_name=~^mir
lv_name=~^\[mir
SEL
}

# Narrow columns for every fullreport sub-report: the full ones also hold
# fields outside this suite.
FULL=(--configreport vg -o vg_name,vg_size --configreport pv -o pv_name,pv_free
	--configreport lv -o lv_name,lv_size --configreport pvseg -o pvseg_start,pvseg_size
	--configreport seg -o lv_name,segtype,seg_size)

@test "interop select: fullreport blocks, orphans and --configreport" {
	add_orphan
	both fullreport "${FULL[@]}"
	both fullreport "${FULL[@]}" vg2 vg1
	both fullreport "${FULL[@]}" --configreport lv -S 'lv_size>4m' -O -lv_size
	both fullreport --configreport vg -o vg_name -S 'vg_name=vg2' \
		--configreport pv -o pv_name,selected -S 'pv_free>40m' \
		--configreport lv -o lv_name,selected -S 'lv_tags=a' \
		--configreport pvseg -o pvseg_start,pv_uuid,lv_uuid -O -pvseg_start \
		--configreport seg -o segtype,lv_uuid,seg_start
	both fullreport -o vg_name "${FULL[@]}" vg1
	both fullreport --configreport nosuch
}

@test "interop select: --configreport in pvs, vgs and lvs" {
	add_orphan
	both vgs -o vg_size --configreport lv -o lv_name --configreport vg -o+vg_name
	both vgs --configreport vg -S 'vg_name=vg2' -O vg_name -o vg_name
	both lvs --configreport seg -o lv_name,seg_size
	both lvs -o lv_name --configreport pv -o pv_name -S 'pv_free>0'
	both pvs --configreport pvseg -o pv_name,lv_name --configreport log -o log_type
	both pvs --segments --configreport pv -o pv_name,pvseg_start -S 'lv_size>4m'
	both vgs --configreport nosuch
}
