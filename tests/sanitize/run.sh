#!/bin/bash
# Builds openlvm with AddressSanitizer and UndefinedBehaviorSanitizer in a
# private copy of the tree, runs the unit programs and the CLI suites
# against that build, and runs the main commands under valgrind.  Prints
# TAP lines; any sanitizer report or valgrind error fails.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$top/tests/out/sanitize
src=$work/src
mkdir -p "$work"

command -v gcc >/dev/null || { echo "# SKIP gcc not installed"; exit 0; }

# A copy, because an in-tree configured source cannot host a VPATH build.
rm -rf "$src"
mkdir -p "$src"
(cd "$top" && git ls-files -z --cached --others --exclude-standard 2>/dev/null | xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$src" ||
	{ echo "not ok - copy sources"; exit 1; }
if ! (cd "$src" && autoreconf -fi && ./configure -q --enable-sanitizers &&
      make -j2 && make -j2 check) >"$work/build.log" 2>&1; then
	echo "not ok - sanitizer build"
	tail -n 30 "$work/build.log" | sed 's/^/# /'
	exit 1
fi
echo "ok - sanitizer build"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=99
status=0
for prog in "$src"/tests/unit/test_*; do
	case $prog in *.c|*.o|*.mk) continue ;; esac
	[ -x "$prog" ] || continue
	name=$(basename "$prog")
	if (cd "$src" && "$prog") >"$work/$name.log" 2>&1; then
		echo "ok - asan unit $name"
	else
		echo "not ok - asan unit $name"
		grep -E 'ERROR|runtime error|FAILED' "$work/$name.log" | head -n 10 | sed 's/^/# /'
		status=1
	fi
done

# The CLI suites, with the sanitized binary standing in for ./lvm.
if command -v bats >/dev/null; then
	if OPENLVM_LVM="$src/lvm" bats --tap "$top/tests/cli" >"$work/cli.log" 2>&1; then
		echo "ok - asan cli suites ($(grep -c '^ok' "$work/cli.log") tests)"
	else
		echo "not ok - asan cli suites"
		awk '/^not ok /{p=1; print "# " $0; next} /^(ok|not ok) /{p=0} p && /^#/{print}' \
			"$work/cli.log" | head -n 60
		status=1
	fi
else
	echo "ok - asan cli suites # SKIP bats not installed"
fi

# valgrind over the main commands on image files.
if command -v valgrind >/dev/null; then
	t=$(mktemp -d)
	truncate -s 64M "$t/a.img" "$t/b.img"
	mkdir -p "$t/etc"
	cat >"$t/etc/lvm.conf" <<CONF
devices { files = [ "$t/a.img", "$t/b.img" ] global_filter = [ "a|^$t/|", "r|.*|" ] }
global { locking_dir = "$t/lock" }
backup { backup_dir = "$t/backup" archive_dir = "$t/archive" }
CONF
	export LVM_SYSTEM_DIR=$t/etc
	vg() { valgrind -q --error-exitcode=98 --leak-check=full --errors-for-leak-kinds=definite \
		"$top/lvm" "$@" >>"$work/valgrind.log" 2>&1; }
	: >"$work/valgrind.log"
	vstatus=0
	for c in "pvcreate $t/a.img $t/b.img" "vgcreate vg0 $t/a.img" "vgextend vg0 $t/b.img" \
		 "lvcreate -L 8m -n lv0 vg0" "lvextend -L +8m vg0/lv0" "lvrename vg0 lv0 lv1" \
		 "pvs" "vgs" "lvs -a --segments" "lvs --reportformat json" "vgchange --addtag t vg0" \
		 "lvremove -f vg0/lv1" "vgreduce vg0 $t/b.img" "vgremove -f vg0" "pvremove $t/a.img"; do
		# shellcheck disable=SC2086
		vg $c
		rc=$?
		[ $rc -eq 98 ] && { vstatus=1; echo "# valgrind errors in: $c"; }
	done
	rm -rf "$t"
	if [ $vstatus = 0 ]; then
		echo "ok - valgrind main commands"
	else
		echo "not ok - valgrind main commands"
		grep '==' "$work/valgrind.log" | head -n 40 | sed 's/^/# /'
		status=1
	fi
else
	echo "ok - valgrind main commands # SKIP valgrind not installed"
fi
exit $status
