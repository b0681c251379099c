#!/bin/sh
# Installs everything needed to build openlvm (default) or, with --tests,
# also every test dependency. Debian 12, as root.
set -eu
build="autoconf automake libtool pkg-config gcc make libdevmapper-dev libblkid-dev libreadline-dev libcmocka-dev"
tests="bats tmux lvm2 dmsetup e2fsprogs xfsprogs clang clang-tidy libclang-rt-14-dev cppcheck valgrind time xz-utils util-linux coreutils python3 qemu-system-x86 busybox-static cpio kmod git"
pkgs=$build
[ "${1:-}" = --tests ] && pkgs="$build $tests"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $pkgs
