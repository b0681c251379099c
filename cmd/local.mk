sbin_PROGRAMS += lvm
lvm_SOURCES = cmd/lvm.c cmd/command.h cmd/commands.h cmd/options.h \
	cmd/args.c cmd/commands.c cmd/toolcontext.c cmd/toolcontext.h \
	cmd/shell.c cmd/shell.h cmd/readline_lib.c cmd/readline_lib.h \
	cmd/pvcommon.c cmd/pvcommon.h cmd/vgcommon.c cmd/vgcommon.h \
	cmd/pvcreate.c cmd/pvremove.c cmd/pvchange.c cmd/pvresize.c \
	cmd/vgcreate.c cmd/vgextend.c cmd/vgreduce.c cmd/vgremove.c \
	cmd/vgrename.c cmd/vgchange.c cmd/scancmds.c cmd/helpcmds.c \
	cmd/reporting.c cmd/reporting.h cmd/lvmconfig.c \
	cmd/pvck.c cmd/display.c cmd/vgck.c cmd/vgcfg.c cmd/lvcommon.c cmd/lvcommon.h cmd/lvcreate.c cmd/lvremove.c cmd/lvresize.c cmd/lvrename.c cmd/lvchange.c cmd/lvscan.c cmd/vgsplit.c cmd/vgexport.c \
	cmd/activation.c cmd/activation.h cmd/vgmknodes.c cmd/fsresize.c cmd/fsresize.h
lvm_CFLAGS = $(AM_CFLAGS) $(DEVMAPPER_CFLAGS) $(BLKID_CFLAGS) $(READLINE_CFLAGS)
# libdevmapper and readline are dlopen'ed on first use (lib/activate/dm_lib.c,
# cmd/readline_lib.c): start-up maps libblkid and libc only.
lvm_LDADD = lib/activate/libactivate.a lib/report/libreport.a lib/metadata/libmetadata.a lib/format/libformat.a \
	lib/metadata/libmetadata.a lib/config/libconfig.a lib/device/libdevice.a \
	lib/misc/libmisc.a $(BLKID_LIBS)

# One symlink per command, as LVM2 installs them.
LVM_COMMANDS = pvcreate pvremove pvchange pvresize pvscan pvck pvs pvdisplay \
	vgcreate vgextend vgreduce vgremove vgrename vgchange vgscan vgck vgs vgdisplay \
	vgcfgbackup vgcfgrestore vgsplit vgmerge vgexport vgimport vgmknodes \
	lvcreate lvremove lvextend lvreduce lvresize lvrename lvchange lvscan lvs lvdisplay \
	lvmconfig
install-exec-hook:
	cd $(DESTDIR)$(sbindir) && for c in $(LVM_COMMANDS); do rm -f $$c; $(LN_S) lvm $$c; done
uninstall-hook:
	cd $(DESTDIR)$(sbindir) && for c in $(LVM_COMMANDS); do rm -f $$c; done

# Symlinks in the build tree too, so tests can run bin/pvcreate etc.
all-local: lvm
	@mkdir -p bin && for c in lvm $(LVM_COMMANDS); do ln -sf ../lvm bin/$$c; done
CLEANFILES += -r bin
