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

# same CMD FIELDS SELECTION: both tools print the same rows and status.
same() {
	local r o rs os
	r=$(rlvm "$1" --noheadings --separator , -o "$2" -S "$3" 2>/dev/null) && rs=0 || rs=$?
	o=$(olvm "$1" --noheadings --separator , -o "$2" -S "$3" 2>/dev/null) && os=0 || os=$?
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
