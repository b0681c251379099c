/* lvresize -r: see cmd/fsresize.h. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "activate/activate.h"
#include "cmd/activation.h"
#include "cmd/command.h"
#include "cmd/fsresize.h"
#include "device/device.h"
#include "metadata/metadata.h"
#include "misc/log.h"
#include "misc/pool.h"

static int is_ext(const char *type)
{
	return type && (!strcmp(type, "ext2") || !strcmp(type, "ext3") || !strcmp(type, "ext4"));
}

/* Mount point of the device major:minor from /proc/self/mountinfo, or NULL. */
static const char *find_mount(struct pool *mem, uint32_t major, uint32_t minor)
{
	FILE *f = fopen("/proc/self/mountinfo", "r");
	char line[4096], mnt[4096];
	const char *r = NULL;
	unsigned ma, mi;

	if (!f)
		return NULL;
	while (!r && fgets(line, sizeof(line), f))
		if (sscanf(line, "%*u %*u %u:%u %*s %4095s", &ma, &mi, mnt) == 3 && ma == major &&
		    mi == minor)
			r = pool_strdup(mem, mnt);
	fclose(f);
	return r;
}

int fs_probe(struct cmd_context *cmd, struct activation *a, const struct logical_volume *lv,
	     struct fs_state *fs)
{
	struct kdm_info info;
	struct dev_signature *sig;
	struct device dev;

	memset(fs, 0, sizeof(*fs));
	if (act_lv_info(a, lv, &info))
		return -1;
	if (!info.exists) {
		log_error("Logical volume %s/%s is not active: resizing its file system needs "
			  "activation (lvchange -ay).", lv->vg->name, lv->name);
		return -1;
	}
	fs->dev_path = act_lv_dev_path(a, lv);
	memset(&dev, 0, sizeof(dev));
	dev.path = fs->dev_path;
	dev.fd = -1;
	if (dev_find_signatures(&dev, cmd->mem, &sig))
		return -1;
	for (; sig && !fs->type; sig = sig->next)
		if (sig->usage && !strcmp(sig->usage, "filesystem"))
			fs->type = sig->type;
	fs->mountpoint = find_mount(cmd->mem, info.major, info.minor);
	return 0;
}

int fs_check(const struct fs_state *fs, const struct logical_volume *lv, int shrink)
{
	const char *vg = lv->vg->name;

	if (!fs->type)
		return 0;
	if (!is_ext(fs->type) && strcmp(fs->type, "xfs")) {
		log_error("Cannot resize %s file system on %s/%s: unsupported file system.",
			  fs->type, vg, lv->name);
		return -1;
	}
	if (!strcmp(fs->type, "xfs") && shrink) {
		log_error("Cannot reduce xfs file system on %s/%s: xfs cannot shrink.", vg, lv->name);
		return -1;
	}
	if (!strcmp(fs->type, "xfs") && !fs->mountpoint) {
		log_error("xfs file system on %s/%s must be mounted to grow it.", vg, lv->name);
		return -1;
	}
	if (shrink && fs->mountpoint) {
		log_error("Cannot reduce mounted %s file system on %s/%s (%s): unmount it first.",
			  fs->type, vg, lv->name, fs->mountpoint);
		return -1;
	}
	return 0;
}

/* Runs a file system tool; its output goes to the user.  Exit status or -1. */
static int run_tool(const char *const argv[])
{
	pid_t pid;
	int status;

	log_verbose("Executing: %s %s", argv[0], argv[1]);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		execvp(argv[0], (char *const *)argv);
		fprintf(stderr, "  Cannot run %s.\n", argv[0]);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static int fsck(struct cmd_context *cmd, const struct fs_state *fs)
{
	const char *argv[] = { "e2fsck", "-f", "-p", fs->dev_path, NULL };
	int rc;

	if (arg_is_set(cmd, OPT_NOFSCK))
		return 0;
	rc = run_tool(argv);
	/* 1: errors were corrected, which -p is for. */
	if (rc < 0 || rc > 1) {
		log_error("e2fsck failed on %s (exit status %d).", fs->dev_path, rc);
		return -1;
	}
	return 0;
}

int fs_shrink(struct cmd_context *cmd, const struct fs_state *fs, uint64_t new_sectors)
{
	const char *size = pool_printf(cmd->mem, "%lluK", (unsigned long long)(new_sectors / 2));
	const char *argv[] = { "resize2fs", fs->dev_path, size, NULL };

	if (!fs->type)
		return 0;
	if (cmd->test_mode) {
		log_print("Test mode: would shrink %s on %s to %s.", fs->type, fs->dev_path, size);
		return 0;
	}
	if (fsck(cmd, fs))
		return -1;
	if (run_tool(argv)) {
		log_error("resize2fs failed to shrink %s.", fs->dev_path);
		return -1;
	}
	return 0;
}

int fs_grow(struct cmd_context *cmd, const struct fs_state *fs)
{
	const char *ext_argv[] = { "resize2fs", fs->dev_path, NULL };
	const char *xfs_argv[] = { "xfs_growfs", fs->mountpoint, NULL };

	if (!fs->type) {
		log_print("No file system found on %s.", fs->dev_path);
		return 0;
	}
	if (cmd->test_mode) {
		log_print("Test mode: would grow %s on %s.", fs->type, fs->dev_path);
		return 0;
	}
	if (is_ext(fs->type)) {
		if (!fs->mountpoint && fsck(cmd, fs))
			return -1;
		if (run_tool(ext_argv)) {
			log_error("resize2fs failed to grow %s.", fs->dev_path);
			return -1;
		}
		return 0;
	}
	if (!strcmp(fs->type, "xfs")) {
		if (!fs->mountpoint) {
			log_error("xfs file system on %s must be mounted to grow it.", fs->dev_path);
			return -1;
		}
		if (run_tool(xfs_argv)) {
			log_error("xfs_growfs failed on %s.", fs->mountpoint);
			return -1;
		}
		return 0;
	}
	log_error("Cannot grow %s file system on %s: unsupported file system.", fs->type,
		  fs->dev_path);
	return -1;
}
