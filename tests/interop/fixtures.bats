#!/usr/bin/env bats
# (a) openlvm reads every LVM2-made fixture image exactly as LVM2 reported
# it: same JSON for pvs, pvs --segments, vgs, lvs -a, lvs -a --segments
# (loop names substituted, lv_attr state columns normalised).

load helpers

U=(--reportformat json --units b --nosuffix)
PVS_O=+pv_uuid,dev_size,pv_pe_count,pv_pe_alloc_count,pe_start,pv_mda_count,pv_mda_used_count,pv_mda_size,pv_mda_free,pv_ext_vsn,pv_tags,pv_ba_start,pv_ba_size,vg_uuid
PVSEG_O=pv_name,vg_name,pvseg_start,pvseg_size,lv_name,segtype
VGS_O=+vg_uuid,vg_seqno,vg_extent_size,vg_extent_count,vg_free_count,vg_mda_count,vg_mda_used_count,vg_mda_copies,vg_mda_size,vg_mda_free,vg_tags,max_lv,max_pv,vg_allocation_policy,vg_systemid,vg_lock_type
LVS_O=+lv_uuid,lv_full_name,lv_path,lv_dm_path,lv_parent,lv_layout,lv_role,lv_tags,lv_time,lv_host,lv_read_ahead,lv_allocation_policy,lv_major,lv_minor,seg_count,origin_size,data_lv,metadata_lv,lv_metadata_size
LVSEG_O=lv_name,lv_uuid,segtype,seg_start,seg_start_pe,seg_size,seg_size_pe,stripes,data_stripes,stripe_size,region_size,chunk_size,seg_le_ranges,seg_pe_ranges,devices,metadata_devices,seg_tags

setup() {
	interop_setup
	command -v xz >/dev/null || skip "xz not installed (xz-utils)"
}

# check_fixture DIR: attach its images in the order of pvs.json and compare.
check_fixture() {
	local dir=$FIXTURES/$1 f old map="" devs=() vg fail=0 img uuid
	# Images are identified by PV UUID: pvs.json maps UUID -> old name.
	for f in "$dir"/*.img.xz; do
		img=$T/$(basename "$f" .xz)
		xz -dc "$f" >"$img"
		attach "$img"
	done
	while IFS=: read -r old uuid; do
		for d in "${LOOP[@]}"; do
			if [ "$(field pvs -o pv_uuid "$d" 2>/dev/null)" = "$uuid" ]; then
				map+=" $old=$d"
				devs+=("$d")
			fi
		done
	done < <(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["report"][0]["pv"]:
    print(r["pv_name"] + ":" + r["pv_uuid"])' "$dir/pvs.json")
	[ ${#devs[@]} -gt 0 ] || { echo "openlvm found no PV UUID of $1"; return 1; }
	echo "# map:$map"
	vg=""
	if [ -f "$dir/vgs.json" ]; then
		vg=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["report"][0].get("vg", [])
print(r[0]["vg_name"] if r else "")' "$dir/vgs.json")
	fi

	compare() {
		local name=$1
		shift
		olvm "$@" >"$T/$name.out" 2>"$T/$name.err" || { echo "$name: exit $?"; cat "$T/$name.err"; fail=1; return; }
		json_compare "$dir/$name.json" "$T/$name.out" "$map" || { echo "^^ $name.json differs"; fail=1; }
	}
	compare pvs pvs "${U[@]}" -o "$PVS_O" "${devs[@]}"
	[ -f "$dir/pvsegs.json" ] && compare pvsegs pvs --segments "${U[@]}" -o "$PVSEG_O" "${devs[@]}"
	if [ -n "$vg" ]; then
		compare vgs vgs "${U[@]}" -o "$VGS_O" "$vg"
		compare lvs lvs -a "${U[@]}" -o "$LVS_O" "$vg"
		compare lvsegs lvs -a --segments "${U[@]}" -o "$LVSEG_O" "$vg"
	fi
	# LVM2 itself agrees the images are intact.
	if [ -n "$vg" ]; then
		rlvm vgck "$vg" || { echo "LVM2 vgck $vg failed"; fail=1; }
	fi
	return $fail
}

@test "fixture a-linear" { check_fixture a-linear; }
@test "fixture b-striped-span" { check_fixture b-striped-span; }
@test "fixture c-two-mdas" { check_fixture c-two-mdas; }
@test "fixture d-no-mda-pv" { check_fixture d-no-mda-pv; }
@test "fixture e-wrapped-mda" { check_fixture e-wrapped-mda; }
@test "fixture f-tags-names" { check_fixture f-tags-names; }
@test "fixture g-plain-pv" { check_fixture g-plain-pv; }
@test "fixture h-snapshot" { check_fixture h-snapshot; }
@test "fixture i-other-segtypes" { check_fixture i-other-segtypes; }
