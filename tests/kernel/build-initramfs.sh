#!/bin/bash
# build-initramfs.sh KROOT KVER OUT: packs the initramfs (cpio newc, gzip)
# that the kernel suite boots.
#
#   KROOT  directory the kernel package was extracted into (lib/modules/KVER)
#   KVER   kernel version
#   OUT    the initrd.gz to write
#
# It holds busybox (static) with its applet links, the modules that
# device-mapper, loop, virtio disks and ext4 need, openlvm's build, bash,
# bats-core, e2fsprogs, mkfs.xfs, Debian's lvm/dmsetup (when installed) with
# every shared library they load (openlvm's dlopen'ed ones too), and
# tests/kernel itself.
set -eu

kroot=$(cd "$1" && pwd) kver=$2 out=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tests/kernel

# Modules loaded by /init; their dependencies come from modules.dep.
MODULES="crc32c_generic dm-mod dm-snapshot dm-mirror dm-zero loop virtio_pci virtio_blk ext4"

stage=$(mktemp -d "${TMPDIR:-/tmp}/openlvm-initramfs.XXXXXX")
trap 'rm -rf "$stage"' EXIT

die() { echo "build-initramfs: $*" >&2; exit 1; }

# copy_file SRC [DST]: SRC (symlinks followed) at DST inside the image.
copy_file() {
	local dst=${2:-$1}
	mkdir -p "$stage$(dirname "$dst")"
	rm -f "$stage$dst"	# may be a busybox applet link: never write through it
	cp -L "$1" "$stage$dst"
}

# Every library that the dynamic ELF files given need, at the host's path
# (ldd prints both "name => path (addr)" and "/path (addr)" lines).
copy_libs() {
	ldd "$@" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' |
		sed 's/:$//' | sort -u | while read -r lib; do
			if [ -f "$lib" ] && [ ! -e "$stage$lib" ]; then
				copy_file "$lib"
			fi
		done
}

# tool_path NAME: where NAME goes, over busybox's applet link if it has one.
tool_path() {
	local d
	for d in /bin /sbin /usr/bin /usr/sbin; do
		[ -L "$stage$d/$1" ] && { echo "$d/$1"; return; }
	done
	echo "/sbin/$1"
}

# copy_bin SRC DST: an executable and its libraries.
copy_bin() {
	copy_file "$1" "$2"
	copy_libs "$1"
}

mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,etc,proc,sys,dev,tmp,run,mnt,root,var/tmp}

# busybox first: the real programs copied below replace its applets.
bb=$(command -v busybox) || die "busybox not found (apt-get install busybox-static)"
copy_bin "$bb" /bin/busybox
for applet in $("$stage/bin/busybox" --list-full); do
	[ -e "$stage/$applet" ] || ln -s /bin/busybox "$stage/$applet"
done

# Kernel modules: the closure of $MODULES, then depmod over the copy.
mods=$kroot/lib/modules/$kver
[ -d "$mods" ] || die "no modules in $mods"
# shellcheck disable=SC2086
modprobe -d "$kroot" -S "$kver" -a --show-depends $MODULES |
	awk '$1 == "insmod" {print $2}' | sort -u | while read -r ko; do
		rel=${ko#"$kroot"}
		mkdir -p "$stage$(dirname "$rel")"
		cp "$ko" "$stage$rel"
	done
cp "$mods"/modules.order "$mods"/modules.builtin* "$stage/lib/modules/$kver/"
depmod -b "$stage" "$kver"

# bash and bats-core (bats is bash; busybox supplies the rest).
copy_bin "$(command -v bash)" /bin/bash
bats=$(command -v bats) || die "bats not found (apt-get install bats)"
batsroot=$(dirname "$(dirname "$(readlink -f "$bats")")")
for d in libexec/bats-core lib/bats-core; do
	[ -d "$batsroot/$d" ] || continue
	mkdir -p "$stage/usr/$d"
	cp -a "$batsroot/$d/." "$stage/usr/$d/"
done
copy_file "$bats" /usr/bin/bats

# e2fsprogs for the filesystem tests.
for p in mke2fs e2fsck resize2fs tune2fs dumpe2fs; do
	src=$(PATH=/sbin:/usr/sbin:$PATH command -v "$p") || continue
	copy_bin "$src" "$(tool_path "$p")"
done
ln -sf mke2fs "$stage/sbin/mkfs.ext4"
ln -sf e2fsck "$stage/sbin/fsck.ext4"
[ -f /etc/mke2fs.conf ] && copy_file /etc/mke2fs.conf

# mkfs.xfs (when installed): lvreduce -r must refuse to shrink XFS.
src=$(PATH=/sbin:/usr/sbin:$PATH command -v mkfs.xfs) && copy_bin "$src" /sbin/mkfs.xfs

# util-linux and coreutils programs whose busybox versions lack options
# the tests or fsadm use (dd: direct I/O; stat: -c formats).
for p in blkid losetup wipefs blockdev mount umount findmnt lsblk dd stat readlink df; do
	src=$(PATH=/sbin:/usr/sbin:$PATH command -v "$p") || continue
	copy_bin "$src" "$(tool_path "$p")"
done

# Debian's LVM2 for the cross-checks; dmsetup to inspect the kernel.
lvm2=$(PATH=/sbin:/usr/sbin:$PATH command -v lvm || true)
if [ -n "$lvm2" ] && ! "$lvm2" version 2>/dev/null | grep -qi openlvm; then
	copy_bin "$lvm2" /lvm2/lvm
	[ -f /sbin/fsadm ] && copy_file /sbin/fsadm
fi
dmsetup=$(PATH=/sbin:/usr/sbin:$PATH command -v dmsetup || true)
[ -n "$dmsetup" ] && copy_bin "$dmsetup" /sbin/dmsetup

# openlvm: the lvm binary and one link per command, first in PATH.
[ -x "$top/lvm" ] || die "$top/lvm is not built"
copy_bin "$top/lvm" /openlvm/lvm
# libdevmapper and readline are dlopen'ed by soname (config.h), so ldd does
# not list them: they and what they need are copied by name.
sed -n 's/^#define [A-Z]*_SONAME "\(.*\)"$/\1/p' "$top/config.h" | while read -r soname; do
	lib=$(PATH=/sbin:/usr/sbin:$PATH ldconfig -p |
		awk -v n="$soname" '$1 == n {print $NF; exit}')
	if [ -z "$lib" ] || [ ! -f "$lib" ]; then
		die "$soname (dlopen'ed by lvm) is not installed"
	fi
	copy_file "$lib"
	copy_libs "$lib"
done
mkdir -p "$stage/openlvm/bin"
ln -s ../lvm "$stage/openlvm/bin/lvm"
for link in "$top"/bin/*; do
	[ -L "$link" ] || continue
	ln -sf ../lvm "$stage/openlvm/bin/$(basename "$link")"
done

# The suite and its entry point.
mkdir -p "$stage/tests/kernel"
cp "$here"/*.bats "$here"/*.bash "$here"/bench-vm.sh "$stage/tests/kernel/"
cp "$here/init" "$stage/init"
chmod 755 "$stage/init"
echo "$kver" >"$stage/etc/kernel-version"

printf 'root:x:0:0:root:/root:/bin/sh\n' >"$stage/etc/passwd"
printf 'root:x:0:\ndisk:x:6:\n' >"$stage/etc/group"
: >"$stage/etc/fstab"

(cd "$stage" && find . -print0 | LC_ALL=C sort -z |
	cpio --null -o -H newc --quiet -R 0:0) | gzip -1 >"$out.tmp"
mv "$out.tmp" "$out"
