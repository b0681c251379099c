#!/usr/bin/env bats
# -S/--select on pvs, vgs and lvs: every operator, lists, units, errors.

load helpers

# vg1 on img0 (tag vgt1): lv1 4m tags a,b; lv2 8m tag a; other 12m.
# vg2 on img1: lv3 8m tag c.
setup() {
	setup_images 2 64M
	olvm vgcreate -s 1m --addtag vgt1 vg1 "$IMG0" >/dev/null
	olvm vgcreate vg2 "$IMG1" >/dev/null
	olvm lvcreate -an -Zn -L 4m -n lv1 --addtag a --addtag b vg1 >/dev/null 2>&1
	olvm lvcreate -an -Zn -L 8m -n lv2 --addtag a vg1 >/dev/null 2>&1
	olvm lvcreate -an -Zn -L 12m -n other vg1 >/dev/null 2>&1
	olvm lvcreate -an -Zn -L 8m -n lv3 --addtag c vg2 >/dev/null 2>&1
}

# sel CMD SELECTION: the selected names, space-separated.
sel() {
	local out
	out=$(olvm "$1" --noheadings -o name -S "$2") || return $?
	echo $out
}

check() {
	run sel "$1" "$2"
	assert_status 0
	assert_equal "$output" "$3"
}

@test "select: = and != on strings, quoting" {
	check lvs 'lv_name=lv1' "lv1"
	check lvs "lv_name='lv1'" "lv1"
	check lvs 'lv_name = "lv1"' "lv1"
	check lvs 'lv_name!=lv1' "lv2 other lv3"
	check lvs 'lv_name=LV1' ""
}

@test "select: size comparisons with units" {
	check lvs 'lv_size>4m' "lv2 other lv3"
	check lvs 'lv_size>=8m' "lv2 other lv3"
	check lvs 'lv_size<8m' "lv1"
	check lvs 'lv_size<=8m' "lv1 lv2 lv3"
	check lvs 'size=8' "lv2 lv3"
	check lvs 'lv_size=8192s' "lv1"
	check lvs 'lv_size=4194304b' "lv1"
	check lvs 'lv_size=4M' ""
	check lvs 'lv_size>0.004g' "lv2 other lv3"
	check vgs 'vg_free>20m' "vg1 vg2"
}

@test "select: numbers and binary fields" {
	check lvs 'seg_count=1' "lv1 lv2 other lv3"
	check vgs 'lv_count>1' "vg1"
	check vgs 'lv_count<2' "vg2"
	check lvs 'lv_major=-1' "lv1 lv2 other lv3"
	check lvs 'lv_major=undefined' "lv1 lv2 other lv3"
	check pvs 'pv_allocatable=1' "$IMG0 $IMG1"
	check pvs 'pv_allocatable=allocatable' "$IMG0 $IMG1"
	check pvs 'pv_exported=yes' ""
}

@test "select: regular expressions" {
	check lvs 'lv_name=~^lv' "lv1 lv2 lv3"
	check lvs 'lv_name!~^lv' "other"
	check lvs 'lv_name=~"[23]$"' "lv2 lv3"
	check lvs 'lv_attr=~^-wi' "lv1 lv2 other lv3"
}

@test "select: &&, ||, ',', '#', ! and parentheses" {
	check lvs 'vg_name=vg1 && lv_size<10m' "lv1 lv2"
	check lvs 'lv_name=lv1 || lv_name=lv3' "lv1 lv3"
	check lvs 'lv_name=lv1,lv_size=8m' ""
	check lvs 'lv_name=lv1 # lv_name=lv2' "lv1 lv2"
	check lvs '!(lv_name=lv1)' "lv2 other lv3"
	check lvs '(lv_name=lv1 || lv_name=lv3) && lv_size>4m' "lv3"
	check lvs 'lv_name=lv1 || lv_name=lv2 && lv_size>4m' "lv1 lv2"
}

@test "select: string lists and tag sets" {
	check lvs 'lv_tags=a' "lv1 lv2"
	check lvs 'lv_tags={a}' "lv1 lv2"
	check lvs 'lv_tags=[a]' "lv2"
	check lvs 'lv_tags={a,b}' "lv1"
	check lvs 'lv_tags=[b,a]' "lv1"
	check lvs 'lv_tags=[a&&b]' "lv1"
	check lvs 'lv_tags=[a||c]' "lv1 lv2 lv3"
	check lvs 'lv_tags={b#c}' "lv1 lv3"
	check lvs 'lv_tags!=a' "other lv3"
	check lvs 'lv_tags=[]' "other"
	check lvs 'lv_tags=""' "other"
	check lvs 'lv_tags=[a,b,c]' ""
	check lvs 'vg_tags=vgt1' "lv1 lv2 other"
	check vgs 'vg_tags={vgt1}' "vg1"
}

@test "select: time values" {
	check lvs 'lv_time>2020-01-01' "lv1 lv2 other lv3"
	check lvs 'lv_time<2020-01-01' ""
	check lvs 'lv_time since 2020' "lv1 lv2 other lv3"
	check lvs 'lv_time before 2020' ""
	check lvs 'lv_time after @0' "lv1 lv2 other lv3"
	check lvs "lv_time=$(date +%Y)" "lv1 lv2 other lv3"
}

@test "select: fields of related objects" {
	check pvs 'vg_name=vg1' "$IMG0"
	check pvs 'lv_name=lv3' "$IMG1"
	check vgs 'lv_name=lv2' "vg1"
	check lvs 'segtype=linear' "lv1 lv2 other lv3"
}

@test "select: in other output modes and with -o fields not shown" {
	run olvm lvs --reportformat json -o lv_name -S 'lv_size=12m'
	assert_status 0
	assert_output_contains '{"lv_name":"other"}'
	assert_output_not_contains 'lv1'
	run olvm lvs --segments --noheadings -o lv_name -S 'seg_size=4m'
	assert_status 0
	assert_equal "$(echo $output)" "lv1"
}

@test "select: errors name the problem and exit 5" {
	local s
	for s in 'bogus=1' 'lv_name=lv1 &&' 'lv_name<lv2' 'lv_name=~' '(lv_name=lv1' \
		'lv_name=lv1)' 'lv_name=lv1 lv_name=lv2' '!lv_name=lv1' 'lv_size>abc' \
		'lv_tags=~a' 'lv_name' 'lv_time=fortnight' "lv_name='x" 'lv_tags=[a,b||c]'; do
		run olvm lvs -S "$s"
		[ "$status" -eq 5 ] || { echo "selection '$s' gave $status"; return 1; }
	done
	run olvm lvs -S 'bogus=1'
	assert_output_contains 'Unrecognised selection field: bogus'
	assert_output_contains "Selection syntax error at 'bogus=1'."
	run olvm lvs -S 'lv_size>abc'
	assert_output_contains 'Failed to parse numeric value for selection field lv_size.'
	run olvm lvs -S 'lv_name<lv2'
	assert_output_contains 'Operator can be used only with number, size, time or percent fields'
	run olvm lvs -S '(lv_name=lv1'
	assert_output_contains 'Syntax error: right parenthesis expected'
}

@test "select: -S help lists fields and operators" {
	run olvm lvs -S help
	assert_status 0
	assert_output_contains 'lv_name'
	assert_output_contains 'Selection operators'
	assert_output_contains 'Matching regular expression'
}

# ---- freeform time words (lib/report/select_time.c); the LVs were made
# ---- seconds ago, so only ranges safe across midnight are checked.

@test "select: relative time words select LVs made now" {
	local today
	today=$(date +%A)
	check lvs 'lv_time since yesterday' "lv1 lv2 other lv3"
	check lvs 'lv_time before yesterday' ""
	check lvs 'lv_time until today' "lv1 lv2 other lv3"
	check lvs 'lv_time since "1 week ago"' "lv1 lv2 other lv3"
	check lvs 'lv_time before "2 days ago"' ""
	check lvs 'lv_time since "2 hours ago"' "lv1 lv2 other lv3"
	check lvs 'lv_time = "5 hours ago"' ""
	check lvs 'lv_time after "1 year 3 months ago"' "lv1 lv2 other lv3"
	check lvs "lv_time since '$today'" "lv1 lv2 other lv3"
	check lvs "lv_time since '${today:0:3} midnight'" "lv1 lv2 other lv3"
	check lvs 'lv_time since "3 days ago noon"' "lv1 lv2 other lv3"
}

@test "select: time words LVM2 refuses, with its messages" {
	run olvm lvs -S 'lv_time since "last week"'
	assert_status 5
	assert_output_contains 'Unrecognized string in date/time specification at "last week".'
	assert_output_contains 'Failed to parse time value for selection field lv_time.'
	run olvm lvs -S 'lv_time = "1 fortnight ago"'
	assert_status 5
	assert_output_contains 'Unrecognized string in date/time specification at "fortnight ago".'
	assert_output_contains 'Incorrect date format.'
	run olvm lvs -S 'lv_time = "today yesterday"'
	assert_status 5
	assert_output_contains 'Ambiguous date specification found at "yesterday".'
	run olvm lvs -S 'lv_time = "1 minute ago noon"'
	assert_status 5
	assert_output_contains 'Mixed absolute and relative time specification found at "noon".'
	run olvm lvs -S 'lv_time = 12:00'
	assert_status 5
	assert_output_contains 'Incorrect date format.'
}
