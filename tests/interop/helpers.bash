# Helpers for the interop suites: real LVM2 (Debian's lvm2) and openlvm on
# the same loop devices, each with its own LVM_SYSTEM_DIR whose filters
# accept only this test's loop devices.
#
#   interop_setup          skip unless root + losetup + lvm2 + python3
#   attach FILE            losetup -f --show FILE, device in $ATTACHED;
#                          recorded for teardown; appends to LOOP;
#                          regenerates both configs (do not call in $(...))
#   rlvm CMD ARGS...       real LVM2 with its private config
#   olvm CMD ARGS...       openlvm with its private config
#   json_compare EXPECTED ACTUAL MAP
#                          compares two LVM JSON reports after mapping loop
#                          device names (MAP: "old=new old=new") and
#                          normalising the lv_attr state columns

load ../cli/helpers

REAL_LVM=${REAL_LVM:-/sbin/lvm}
FIXTURES="$TOP/tests/fixtures"

interop_setup() {
	have_root_loops || skip "needs root and loop devices"
	[ -x "$REAL_LVM" ] || REAL_LVM=$(command -v lvm || true)
	[ -n "$REAL_LVM" ] && [ -x "$REAL_LVM" ] || skip "Debian's lvm2 is not installed"
	"$REAL_LVM" version 2>/dev/null | grep -q openlvm && skip "lvm in PATH is openlvm, not LVM2"
	command -v python3 >/dev/null || skip "python3 not installed"
	init_conf_dir
	RSD="$T/real-etc"
	mkdir -p "$RSD" "$T/real-lock"
	write_real_conf
}

write_real_conf() {
	local d filter=""
	for d in "${LOOP[@]}"; do
		[ -n "$d" ] && filter+="\"a|^$d\$|\", "
	done
	cat >"$RSD/lvm.conf" <<CONF
devices {
	global_filter = [ ${filter}"r|.*|" ]
	filter = [ ${filter}"r|.*|" ]
	use_devicesfile = 0
	obtain_device_list_from_udev = 0
	hints = "none"
	multipath_component_detection = 0
	md_component_detection = 0
	scan = [ "/dev" ]
}
global { locking_dir = "$T/real-lock" use_lvmpolld = 0 event_activation = 0 }
backup { backup = 0 archive = 0 }
activation { udev_sync = 0 udev_rules = 0 monitoring = 0 }
CONF
}

attach() {
	local dev
	dev=$(losetup -f --show "$1") || skip "losetup failed"
	echo "$dev" >>"$T/.loops"
	LOOP+=("$dev")
	write_lvm_conf
	write_real_conf
	ATTACHED=$dev
}

# new_loops N SIZE: N fresh loop devices; sets LOOP0.. like setup_loops.
new_loops() {
	local i
	for ((i = 0; i < $1; i++)); do
		truncate -s "$2" "$T/disk$i.img"
		attach "$T/disk$i.img"
		printf -v "LOOP$i" '%s' "${LOOP[-1]}"
	done
}

rlvm() {
	LVM_SYSTEM_DIR=$RSD LVM_SUPPRESS_FD_WARNINGS=1 DM_DISABLE_UDEV=1 "$REAL_LVM" "$@"
}

# rfield CMD ARGS...: real LVM2 report value(s), trimmed.
rfield() {
	local cmd=$1
	shift
	rlvm "$cmd" --noheadings --nosuffix "$@" | sed 's/^ *//; s/ *$//'
}

json_compare() {
	python3 - "$1" "$2" "$3" <<'PY'
import json, re, sys
exp_path, act_path, mapping = sys.argv[1], sys.argv[2], sys.argv[3]
names = dict(p.split("=", 1) for p in mapping.split())
loop = re.compile(r"/dev/loop[0-9]+")
def fix(v, key):
    if isinstance(v, dict):
        return {k: fix(x, k) for k, x in v.items()}
    if isinstance(v, list):
        return [fix(x, key) for x in v]
    if isinstance(v, str):
        v = loop.sub(lambda m: names.get(m.group(0), m.group(0)), v)
        if key == "lv_attr" and len(v) >= 6:
            v = v[:4] + "XX" + v[6:]
    return v
def order(d):
    # PV rows are sorted by device name, which the mapping changed.
    for rep in d.get("report", []):
        for kind in ("pv", "pvseg"):
            rep.get(kind, []).sort(key=lambda r: (r.get("pv_name", ""),
                                                int(r.get("pvseg_start", "0") or 0)))
    return d
exp = order(fix(json.load(open(exp_path)), ""))
try:
    act = order(fix(json.load(open(act_path)), ""))
except Exception as e:
    print("output is not JSON: %s" % e)
    print(open(act_path).read()[:2000])
    sys.exit(1)
if exp == act:
    sys.exit(0)
def rows(d):
    out = []
    for rep in d.get("report", []):
        for kind, lst in rep.items():
            out += [(kind, r) for r in lst]
    return out
er, ar = rows(exp), rows(act)
if len(er) != len(ar):
    print("row count: expected %d, got %d" % (len(er), len(ar)))
for i, (e, a) in enumerate(zip(er, ar)):
    for k in sorted(set(e[1]) | set(a[1])):
        if e[1].get(k) != a[1].get(k):
            print("row %d %s: expected %r, got %r" % (i, k, e[1].get(k), a[1].get(k)))
sys.exit(1)
PY
}
