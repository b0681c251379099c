#!/usr/bin/env bats
# The manual must keep up with the code: every command has a page, every
# option --help prints is documented there, and groff accepts every page.

setup() {
	ROOT="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
	LVM="$ROOT/lvm"
	MAN="$ROOT/man"
	[ -x "$LVM" ] || skip "lvm is not built (run make)"
	export LVM_SYSTEM_DIR="$BATS_TEST_TMPDIR"
}

# The commands `lvm help` lists, one a line.
commands() {
	"$LVM" help | awk 'seen && NF { print $1 } !NF { seen = 1 }'
}

# Built-in commands of the lvm binary are documented in lvm(8).
page_for() {
	case "$1" in
	help|segtypes|formats) echo "$MAN/lvm.8" ;;
	config|dumpconfig) echo "$MAN/lvmconfig.8" ;;
	fullreport) echo "$MAN/lvm-fullreport.8" ;;
	*) echo "$MAN/$1.8" ;;
	esac
}

all_pages() {
	ls "$MAN"/*.[58]
}

@test "lvm help lists commands" {
	run commands
	[ "$status" -eq 0 ]
	[[ "$output" == *pvcreate* ]]
	[[ "$output" == *lvcreate* ]]
	[ "${#lines[@]}" -ge 30 ]
}

@test "every command has a manual page" {
	local c missing=""
	for c in $(commands); do
		[ -f "$(page_for "$c")" ] || missing="$missing $c"
	done
	echo "commands without a page:$missing"
	[ -z "$missing" ]
}

@test "every long option in --help is documented as a flag in the command's page" {
	local c o page missing=""
	for c in $(commands); do
		page="$(page_for "$c")"
		[ -f "$page" ] || { missing="$missing $c(no page)"; continue; }
		for o in $("$LVM" "$c" --help | grep -oE -- '--[a-z][a-z0-9_]*' | sort -u); do
			o="${o#--}"
			# ".Fl \-opt", ".Fl -opt" or "Fl Fl opt", ending at a word boundary.
			grep -qE "Fl (\\\\?-|Fl )$o([^a-z0-9_]|\$)" "$page" ||
				missing="$missing $c:--$o"
		done
	done
	echo "undocumented:$missing"
	[ -z "$missing" ]
}

@test "the option check can fail" {
	local page="$BATS_TEST_TMPDIR/x.8"
	printf '.Sh OPTIONS\n.It Fl \\-sizeable\n' >"$page"
	run grep -qE "Fl (\\\\?-|Fl )size([^a-z0-9_]|\$)" "$page"
	[ "$status" -ne 0 ]
	printf '.It Fl L , Fl \\-size Ar Size\n' >"$page"
	run grep -qE "Fl (\\\\?-|Fl )size([^a-z0-9_]|\$)" "$page"
	[ "$status" -eq 0 ]
}

@test "man prints no warnings for any page" {
	command -v man >/dev/null || skip "man is not installed"
	command -v groff >/dev/null || skip "groff is not installed"
	local p out bad=""
	for p in $(all_pages); do
		out="$(MANWIDTH=80 man --warnings -l "$p" 2>&1 >/dev/null)"
		[ -z "$out" ] || bad="$bad"$'\n'"$p: $out"
	done
	echo "warnings:$bad"
	[ -z "$bad" ]
}

@test "every page has the standard sections" {
	local p s bad=""
	for p in $(all_pages); do
		for s in NAME SYNOPSIS DESCRIPTION "EXIT STATUS" "SEE ALSO"; do
			grep -qx "\.Sh $s" "$p" || bad="$bad $(basename "$p"):$s"
		done
	done
	echo "missing:$bad"
	[ -z "$bad" ]
}

@test "every page's .Dt matches its file name" {
	local p base name sect bad=""
	for p in $(all_pages); do
		base="$(basename "$p")"
		name="${base%.*}"
		sect="${base##*.}"
		grep -qix "\.Dt ${name} ${sect}" "$p" || bad="$bad $base"
	done
	echo "mismatched:$bad"
	[ -z "$bad" ]
}

@test "every page is installed by man/local.mk" {
	local p bad=""
	for p in $(all_pages); do
		grep -q "man/$(basename "$p")" "$MAN/local.mk" || bad="$bad $(basename "$p")"
	done
	echo "not installed:$bad"
	[ -z "$bad" ]
}

@test "pages cross-referenced with Xr exist" {
	local x bad=""
	for x in $(grep -ho '^\.Xr [a-z.-]* [0-9]' "$MAN"/*.[58] | awk '{ print $2 "." $3 }' | sort -u); do
		[ -f "$MAN/$x" ] || bad="$bad $x"
	done
	echo "dangling:$bad"
	[ -z "$bad" ]
}
