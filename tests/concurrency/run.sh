#!/bin/bash
# Concurrent openlvm commands on image files, printing TAP lines.
#
#   - P processes (2, then 4) loop over lvcreate / lvextend / lvremove on one
#     VG; each logs the operations that reported success, and afterwards
#     every logged change must be visible in lvs (present, absent, size).
#   - pvcreate + vgcreate on different images at once.
#   - vgck is silent afterwards (and real LVM2's vgck, as root with lvm2 and
#     loop devices), and no lock is left held (a later command runs at once).
#   - lock waits: wait_for_locks = 0 fails at once, lock_timeout = N fails
#     after N seconds, both naming the lock, while flock(1) holds it.
#   - hostile images (not concurrency, but the same image-file harness):
#     metadata text with absurd values and valid checksums, crafted by
#     hostile_mda.py, makes reporting, checking and writing commands fail
#     naming the device, and leaves the image byte-identical.
#
# Env: CONC_ITER (operations per process, default 30).
# tests/run-all.sh runs suites with sh; this one needs bash (arrays).
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
lvm=$top/lvm
iter=${CONC_ITER:-30}
work=$(mktemp -d "${TMPDIR:-/tmp}/openlvm-conc.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
n=0 fails=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

[ -x "$lvm" ] || { echo "# SKIP: $lvm not built"; exit 0; }

# setup DIR IMAGES...: a private LVM_SYSTEM_DIR listing the image files.
setup() {
	local dir=$1 files="" f
	shift
	mkdir -p "$dir/etc" "$dir/lock"
	for f in "$@"; do
		truncate -s 128M "$dir/$f"
		files="$files \"$dir/$f\","
	done
	cat >"$dir/etc/lvm.conf" <<EOF
devices { scan = [ "/dev" ] files = [ ${files%,} ] global_filter = [ "a|^$dir/|", "r|.*|" ] }
global { locking_dir = "$dir/lock" }
backup { backup_dir = "$dir/backup" archive_dir = "$dir/archive" }
EOF
}

L() { LVM_SYSTEM_DIR=$sysdir "$lvm" "$@"; }

# worker ID: mixed operations on VG cvg, logging each success.
worker() {
	local id=$1 k name r
	local -a mine=()
	for ((k = 0; k < iter; k++)); do
		r=$(( (k * 7 + id * 3) % 5 ))
		if [ "$r" -lt 2 ] || [ ${#mine[@]} -eq 0 ]; then
			name=p${id}_$k
			L lvcreate -an -Zn -n "$name" -l 1 cvg >/dev/null 2>>"$work/err.$id" &&
				{ echo "create $name 1" >>"$work/log.$id"; mine+=("$name"); }
		elif [ "$r" -lt 4 ]; then
			name=${mine[$((k % ${#mine[@]}))]}
			L lvextend -l +1 "cvg/$name" >/dev/null 2>>"$work/err.$id" &&
				echo "extend $name 1" >>"$work/log.$id"
		else
			name=${mine[0]}
			L lvremove -f "cvg/$name" >/dev/null 2>>"$work/err.$id" &&
				{ echo "remove $name 0" >>"$work/log.$id"; mine=("${mine[@]:1}"); }
		fi
	done
}

# expected: "name extents" for every LV the logs say must exist.
expected() {
	awk '$1 == "create" { e[$2] = 1 } $1 == "extend" { e[$2]++ }
	     $1 == "remove" { delete e[$2] } END { for (k in e) print k, e[k] }' \
		"$work"/log.* | sort
}

run_mixed() {
	local procs=$1 pids=() i want got total
	sysdir=$work/m$procs/etc
	rm -f "$work"/log.* "$work"/err.*
	setup "$work/m$procs" a.img b.img
	L pvcreate -q "$work/m$procs/a.img" "$work/m$procs/b.img" >/dev/null &&
		L vgcreate -q -s 1m cvg "$work/m$procs/a.img" "$work/m$procs/b.img" >/dev/null ||
		{ notok "$procs processes: setup"; return; }
	for ((i = 0; i < procs; i++)); do
		touch "$work/log.$i"
		worker "$i" &
		pids+=($!)
	done
	wait "${pids[@]}"
	total=$(cat "$work"/log.* | wc -l)
	want=$(expected)
	got=$(L lvs --noheadings --nosuffix --units b -o lv_name,lv_size cvg 2>&1 |
		awk '{ print $1, $2 / 1048576 }' | sort)
	if [ "$total" -gt 0 ] && [ "$want" = "$got" ]; then
		ok "$procs processes: all $total successful operations are present"
	else
		notok "$procs processes: $total successful operations vs lvs" \
			"want: $(echo $want)" "got:  $(echo $got)" "$(cat "$work"/err.* | sort | uniq -c | head -n 5)"
	fi
	out=$(timeout 5 env LVM_SYSTEM_DIR="$sysdir" "$lvm" vgck cvg 2>&1)
	if [ $? -eq 0 ] && [ -z "$out" ]; then
		ok "$procs processes: vgck silent, no lock left held"
	else
		notok "$procs processes: vgck" "$out"
	fi
	lvm2_vgck "$work/m$procs" "$procs processes"
}

# lvm2_vgck DIR WHAT: real LVM2's vgck on loop devices over the images.
lvm2_vgck() {
	local dir=$1 what=$2 la lb conf out rc
	if [ "$(id -u)" -ne 0 ] || ! command -v losetup >/dev/null || [ ! -x /sbin/lvm ]; then
		skip "$what: LVM2 vgck" "needs root, losetup and lvm2"
		return
	fi
	la=$(losetup -f --show -r "$dir/a.img") || { skip "$what: LVM2 vgck" "no loop device"; return; }
	lb=$(losetup -f --show -r "$dir/b.img") || { losetup -d "$la"; skip "$what: LVM2 vgck" "no loop device"; return; }
	conf=$(mktemp -d "$work/lvm2.XXXXXX")
	cat >"$conf/lvm.conf" <<EOF
devices { global_filter = [ "a|^$la\$|", "a|^$lb\$|", "r|.*|" ] filter = [ "a|^$la\$|", "a|^$lb\$|", "r|.*|" ] use_devicesfile = 0 obtain_device_list_from_udev = 0 }
global { locking_dir = "$conf" }
backup { backup = 0 archive = 0 }
EOF
	out=$(LVM_SUPPRESS_FD_WARNINGS=1 LVM_SYSTEM_DIR=$conf /sbin/lvm vgck cvg 2>&1)
	rc=$?
	losetup -d "$la" "$lb"
	if [ $rc -eq 0 ] && ! printf '%s' "$out" | grep -vi 'WARNING' | grep -q .; then
		ok "$what: LVM2 vgck accepts the metadata"
	else
		notok "$what: LVM2 vgck" "$out"
	fi
}

run_create_parallel() {
	local pids=() i rc=0 names
	sysdir=$work/pc/etc
	setup "$work/pc" d0.img d1.img d2.img d3.img
	for i in 0 1 2 3; do
		(L pvcreate -q "$work/pc/d$i.img" >/dev/null && L vgcreate -q "pvg$i" "$work/pc/d$i.img" >/dev/null) &
		pids+=($!)
	done
	for i in "${pids[@]}"; do wait "$i" || rc=1; done
	names=$(L vgs --noheadings -o vg_name,pv_count 2>&1 | awk '{ print $1, $2 }' | sort | tr '\n' ' ')
	if [ $rc -eq 0 ] && [ "$names" = "pvg0 1 pvg1 1 pvg2 1 pvg3 1 " ]; then
		ok "pvcreate + vgcreate on 4 devices at once"
	else
		notok "pvcreate + vgcreate on 4 devices at once" "rc $rc, vgs: $names"
	fi
}

# lock_wait CONF_LINE SECONDS: lvcreate under a held VG lock must fail
# after about SECONDS, naming the lock.
lock_wait() {
	local conf=$1 want=$2 what=$3 start out rc took
	sysdir=$work/lk/etc
	cp "$work/lk/etc/lvm.conf.base" "$work/lk/etc/lvm.conf"
	sed -i "s|^global {|global { $conf|" "$work/lk/etc/lvm.conf"
	# exec: $! is the process holding the lock, so killing it frees the lock
	(exec 9>"$work/lk/lock/V_kvg"; flock -x 9; exec sleep 30) &
	local holder=$!
	sleep 0.3
	start=$(date +%s.%N)
	out=$(timeout 20 env LVM_SYSTEM_DIR="$sysdir" "$lvm" lvcreate -an -Zn -n x -l 1 kvg 2>&1)
	rc=$?
	took=$(echo "$(date +%s.%N) - $start" | bc)
	kill "$holder" 2>/dev/null
	wait "$holder" 2>/dev/null
	if [ $rc -ne 0 ] && [ $rc -ne 124 ] && printf '%s' "$out" | grep -q 'V_kvg' &&
		[ "$(echo "$took >= $want && $took < $want + 2" | bc)" = 1 ]; then
		ok "$what: fails after ${took%???????}s naming the lock"
	else
		notok "$what" "rc $rc after ${took}s (want ${want}s): $out"
	fi
}

run_lock_waits() {
	sysdir=$work/lk/etc
	setup "$work/lk" k.img
	L pvcreate -q "$work/lk/k.img" >/dev/null && L vgcreate -q kvg "$work/lk/k.img" >/dev/null ||
		{ notok "lock waits: setup"; return; }
	cp "$work/lk/etc/lvm.conf" "$work/lk/etc/lvm.conf.base"
	lock_wait "wait_for_locks = 0" 0 "wait_for_locks = 0"
	lock_wait "lock_timeout = 2" 2 "lock_timeout = 2"
	cp "$work/lk/etc/lvm.conf.base" "$work/lk/etc/lvm.conf"
	if timeout 5 env LVM_SYSTEM_DIR="$sysdir" "$lvm" lvcreate -an -Zn -n y -l 1 kvg >/dev/null 2>&1; then
		ok "after the holder exits the lock is free at once"
	else
		notok "after the holder exits the lock is free at once"
	fi
}

# hostile_case WHAT OLD NEW: a fresh two-LV VG whose mda text gets OLD->NEW.
hostile_case() {
	local what=$1 old=$2 new=$3 dir=$work/h$n img sum c out rc bad=""
	sysdir=$dir/etc
	setup "$dir" h.img
	img=$dir/h.img
	L pvcreate -q "$img" >/dev/null && L vgcreate -q hvg "$img" >/dev/null &&
		L lvcreate -an -Zn -n lv1 -l 2 hvg >/dev/null && L lvcreate -an -Zn -n lv2 -l 1 hvg >/dev/null ||
		{ notok "hostile $what: setup"; return; }
	python3 "$top/tests/concurrency/hostile_mda.py" "$img" "$old" "$new" ||
		{ notok "hostile $what: crafting"; return; }
	sum=$(sha256sum <"$img")
	for c in "pvs" "vgs" "lvs" "pvs -a" "vgck hvg" "vgck --updatemetadata hvg" \
		"lvcreate -an -Zn -n x -l 1 hvg" "vgremove -f hvg" "vgchange -u hvg" \
		"vgrename hvg hvg2" "pvchange -u $img" "pvremove -y $img" "vgcfgbackup hvg"; do
		# shellcheck disable=SC2086
		out=$(timeout 20 env LVM_SYSTEM_DIR="$sysdir" "$lvm" $c 2>&1 </dev/null)
		rc=$?
		if [ $rc -eq 0 ] || [ $rc -ge 124 ] || ! printf '%s' "$out" | grep -qF "$img"; then
			bad="$bad [$c: rc $rc: $(printf '%s' "$out" | head -n 2 | tr '\n' ' ')]"
		fi
	done
	[ "$(sha256sum <"$img")" = "$sum" ] || bad="$bad [image changed]"
	if [ -z "$bad" ]; then
		ok "hostile $what: 13 commands fail naming the device, image unchanged"
	else
		notok "hostile $what" "$bad"
	fi
}

run_hostile() {
	command -v python3 >/dev/null || { skip "hostile images" "python3 missing"; return; }
	{ head -c 200000 /dev/zero | tr '\0' a; printf ' {'; } >"$work/long"
	hostile_case "extent_count beyond uint32" "extent_count = 2" "extent_count = 4294967296"
	hostile_case "negative extent_count" "extent_count = 2" "extent_count = -2"
	hostile_case "INT64_MAX pe_count" "pe_count = " "pe_count = 9223372036854775807 #"
	hostile_case "extents beyond the device" "extent_count = 2" "extent_count = 200000"
	hostile_case "unknown PV" '"pv0", 0' '"pv7", 0'
	hostile_case "overlapping segments" '"pv0", 2' '"pv0", 1'
	hostile_case "duplicate LV name" "lv2 {" "lv1 {"
	hostile_case "zero segments" "segment_count = 1" "segment_count = 0"
	hostile_case "200 kB LV name" "lv2 {" "@$work/long"
	hostile_case "huge extent_size" "extent_size = " "extent_size = 9223372036854775807 #"
}

command -v flock >/dev/null && command -v bc >/dev/null || { echo "# SKIP: flock or bc missing"; exit 0; }
run_mixed 2
run_mixed 4
run_create_parallel
run_lock_waits
run_hostile
echo "1..$n"
[ "$fails" -eq 0 ]
