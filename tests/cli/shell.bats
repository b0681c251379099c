#!/usr/bin/env bats
# The interactive lvm shell, driven through a tmux pseudo-terminal.

load helpers

setup() {
	command -v tmux >/dev/null || skip "tmux not installed"
	setup_images 1 32M
	olvm vgcreate vgshell "$IMG0" >/dev/null
	olvm lvcreate -an -Zn -L 4m -n lvone vgshell >/dev/null 2>&1
	SOCK="olvm-$$-$BATS_TEST_NUMBER"
	tmux -L "$SOCK" new-session -d -x 200 -y 50 \
		"env HOME=$T LVM_SYSTEM_DIR=$LVM_SYSTEM_DIR TERM=xterm $LVM; sleep 30"
	wait_for 'lvm>'
}

teardown() {
	tmux -L "$SOCK" kill-server 2>/dev/null || true
	helpers_teardown
}

screen() {
	tmux -L "$SOCK" capture-pane -p
}

# wait_for TEXT: until the screen shows TEXT (5 s at most).
wait_for() {
	local i
	for ((i = 0; i < 50; i++)); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	echo "screen never showed '$1':"
	screen
	return 1
}

keys() {
	tmux -L "$SOCK" send-keys "$@"
}

@test "shell: prompt, a command runs, exit leaves and history is saved" {
	keys 'vgs --noheadings -o vg_name' Enter
	wait_for '  vgshell'
	keys 'exit' Enter
	for ((i = 0; i < 50; i++)); do [ -s "$T/.lvm_history" ] && break; sleep 0.1; done
	grep -qx 'vgs --noheadings -o vg_name' "$T/.lvm_history"
}

@test "shell: each line has its own status; quoting splits like a shell" {
	keys 'vgs nosuch' Enter
	wait_for 'Volume group "nosuch" not found'
	keys "lvs --noheadings -o lv_name -S 'lv_name = lvone'" Enter
	wait_for '  lvone'
	keys 'quit' Enter
}

@test "shell: Tab completes a command name" {
	keys 'vgdisp' Tab
	wait_for 'lvm> vgdisplay'
}

@test "shell: Tab completes an option of the current command" {
	keys 'vgs --nohead' Tab
	wait_for 'lvm> vgs --noheadings'
	keys C-u 'lvcreate --zer' Tab
	wait_for 'lvm> lvcreate --zero'
}

@test "shell: Tab completes VG and LV names read from disk" {
	keys 'vgs vgsh' Tab
	wait_for 'lvm> vgs vgshell'
	keys C-u 'lvs vgshell/lvo' Tab
	wait_for 'lvm> lvs vgshell/lvone'
}

@test "shell: end of file leaves the shell" {
	keys C-d
	for ((i = 0; i < 50; i++)); do [ -e "$T/.lvm_history" ] && break; sleep 0.1; done
	[ -e "$T/.lvm_history" ]
}
