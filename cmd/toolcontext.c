#include "cmd/toolcontext.h"

#include <errno.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "cmd/activation.h"
#include "cmd/commands.h"
#include "config/config.h"
#include "config/settings.h"
#include "device/device.h"
#include "metadata/backup.h"
#include "metadata/lock.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/fsutil.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

#ifndef DEFAULT_SYSTEM_DIR
#define DEFAULT_SYSTEM_DIR "/etc/lvm"
#endif
#ifndef DEFAULT_LOCK_DIR
#define DEFAULT_LOCK_DIR "/run/lock/lvm"
#endif

static struct cfg_node *read_config_file(struct cmd_context *cmd, const char *path, int *failed)
{
	struct strbuf sb = STRBUF_INIT;
	char err[256];
	struct cfg_node *root;

	*failed = 0;
	if (read_file(path, &sb)) {
		strbuf_release(&sb);
		if (errno == ENOENT)
			return NULL;
		log_error("Cannot read %s: %s", path, strerror(errno));
		*failed = 1;
		return NULL;
	}
	root = cfg_parse(cmd->mem, sb.buf, sb.len, err, sizeof(err));
	strbuf_release(&sb);
	if (!root) {
		log_error("Failed to parse %s: %s", path, err);
		*failed = 1;
	}
	return root;
}

/* Sections a profile may customize, as in LVM2. */
static int profile_section_ok(const char *key)
{
	static const char *const ok[] = { "global", "report", "allocation", "activation",
					  "metadata", NULL };
	const char *const *p;

	for (p = ok; *p; p++)
		if (!strcmp(*p, key))
			return 1;
	return 0;
}

/*
 * What LVM2 2.03 lets a metadata profile set (lvmconfig --type
 * profilable-metadata): thin, cache and VDO policy, none of which openlvm
 * acts on; the profile's name is still recorded in the VG or LV.
 */
static int metadata_profilable(const char *section, const char *key)
{
	static const char *const alloc[] = {
		"cache_pool_metadata_require_separate_pvs", "cache_metadata_format", "cache_mode",
		"cache_settings", "thin_pool_zero", "thin_pool_discards",
		"thin_pool_chunk_size_policy", NULL
	};
	static const char *const activation[] = {
		"thin_pool_autoextend_threshold", "thin_pool_autoextend_percent",
		"vdo_pool_autoextend_threshold", "vdo_pool_autoextend_percent", NULL
	};
	const char *const *p;

	if (!strcmp(section, "allocation")) {
		if (!strncmp(key, "vdo_", 4))
			return 1;
		p = alloc;
	} else if (!strcmp(section, "activation")) {
		p = activation;
	} else {
		return 0;
	}
	for (; *p; p++)
		if (!strcmp(*p, key))
			return 1;
	return 0;
}

/*
 * Unlinks the metadata-profilable items of prof, chained by next (their
 * parent kept): the settings table lacks the VDO ones, which openlvm has
 * no use for, and would call them unknown.
 */
static struct cfg_node *hold_profilable(struct cfg_node *prof)
{
	struct cfg_node *sec, **link, *held = NULL, **tail = &held;

	for (sec = prof->child; sec; sec = sec->next) {
		if (sec->value)
			continue;
		for (link = &sec->child; *link;) {
			struct cfg_node *n = *link;

			if (!metadata_profilable(sec->key, n->key)) {
				link = &n->next;
				continue;
			}
			*link = n->next;
			n->next = NULL;
			*tail = n;
			tail = &n->next;
			sec->last_child = NULL;
		}
	}
	return held;
}

static void restore_held(struct cfg_node *held)
{
	while (held) {
		struct cfg_node *n = held, **link = &n->parent->child;

		held = held->next;
		n->next = NULL;
		while (*link)
			link = &(*link)->next;
		*link = n;
	}
}

/*
 * Reports, as LVM2 does, the first item a metadata profile may not hold
 * (after any unknown or mistyped one); -1 if there is one.
 */
static int bad_metadata_profile_item(struct cmd_context *cmd, struct cfg_node *prof)
{
	const struct cfg_node *sec, *n;
	struct cfg_node *held = hold_profilable(prof);
	int problems = settings_validate(prof, 0);

	restore_held(held);
	if (problems)
		return -1;
	for (sec = prof->child; sec; sec = sec->next) {
		if (!profile_section_ok(sec->key)) {
			log_error("Configuration section \"%s\" is not customizable by a profile.",
				  sec->key);
			return -1;
		}
		for (n = sec->child; n; n = n->next) {
			const char *path = pool_printf(cmd->mem, "%s/%s", sec->key, n->key);

			if (metadata_profilable(sec->key, n->key))
				continue;
			if (!strcmp(sec->key, "global") || !strcmp(sec->key, "report"))
				log_error("Configuration option \"%s\" is customizable by command "
					  "profile only, not metadata profile.", path);
			else
				log_error("Configuration option \"%s\" is not customizable by a "
					  "profile.", path);
			return -1;
		}
	}
	return 0;
}

/*
 * --profile / --commandprofile / --metadataprofile NAME:
 * profile_dir/NAME.profile over lvm.conf.
 */
static int apply_profile(struct cmd_context *cmd, const char *name, int metadata)
{
	const char *dir, *path, *kind = metadata ? "metadata" : "command";
	const struct cfg_node *n;
	struct cfg_node *prof;
	struct stat st;
	int failed;

	if (!name)
		return 0;
	dir = cmd_config_str(cmd, "config/profile_dir",
			     pool_printf(cmd->mem, "%s/profile", cmd->system_dir));
	path = pool_printf(cmd->mem, "%s/%s.profile", dir, name);
	if (strchr(name, '/') || stat(path, &st)) {
		log_error("%s: stat failed: %s", path, strerror(strchr(name, '/') ? EINVAL : errno));
		log_error("Failed to apply %s profile %s.", kind, name);
		return -1;
	}
	prof = read_config_file(cmd, path, &failed);
	if (!prof) {
		log_error("Failed to apply %s profile %s.", kind, name);
		return -1;
	}
	if (metadata && bad_metadata_profile_item(cmd, prof))
		goto invalid;
	for (n = prof->child; n; n = n->next) {
		if (profile_section_ok(n->key) && !n->value)
			continue;
		log_error("Configuration section \"%s\" is not customizable by a profile.", n->key);
		goto invalid;
	}
	/* openlvm acts on no metadata-profilable setting: only the name is kept */
	if (!metadata)
		cfg_merge(cmd->mem, cmd->config, prof);
	return 0;
invalid:
	log_error("Ignoring invalid %s profile %s.", kind, name);
	log_error("Failed to apply %s profile %s.", kind, name);
	return -1;
}

static int load_config(struct cmd_context *cmd)
{
	char err[256];
	const char *path = pool_printf(cmd->mem, "%s/lvm.conf", cmd->system_dir);
	int failed;
	unsigned i;
	struct cfg_node *local;

	cmd->config = read_config_file(cmd, path, &failed);
	if (failed)
		return -1;
	if (!cmd->config)
		cmd->config = cfg_parse(cmd->mem, "", 0, err, sizeof(err));
	local = read_config_file(cmd, pool_printf(cmd->mem, "%s/lvmlocal.conf", cmd->system_dir),
				 &failed);
	if (failed)
		return -1;
	if (local)
		cfg_merge(cmd->mem, cmd->config, local);
	if (apply_profile(cmd, arg_str(cmd, OPT_PROFILE, NULL), 0) ||
	    apply_profile(cmd, arg_str(cmd, OPT_COMMANDPROFILE, NULL), 0) ||
	    apply_profile(cmd, arg_str(cmd, OPT_METADATAPROFILE, NULL), 1))
		return -1;
	for (i = 0; i < cmd->args[OPT_CONFIG].nvalues; i++) {
		const char *text = cmd->args[OPT_CONFIG].values[i];
		struct cfg_node *over = cfg_parse(cmd->mem, text, strlen(text), err, sizeof(err));

		if (!over) {
			log_error("Invalid --config setting \"%s\": %s", text, err);
			return -1;
		}
		settings_nest_paths(cmd->mem, over);
		cfg_merge(cmd->mem, cmd->config, over);
	}
	/* lvmconfig exists to show and validate a bad configuration. */
	if (cmd->def && cmd->def->fn == cmddef_lvmconfig.fn) {
		settings_validate(cmd->config, 0);
		return 0;
	}
	return settings_check(cmd->config) ? -1 : 0;
}

int read_file_logged(const char *path, struct strbuf *sb)
{
	if (!read_file(path, sb))
		return 0;
	log_error("Cannot read %s: %s", path, strerror(errno));
	return -1;
}

int64_t cmd_config_int(const struct cmd_context *cmd, const char *path, int64_t def)
{
	int64_t v;

	return cmd->config && !cfg_get_int(cmd->config, path, &v) ? v : def;
}

const char *cmd_config_str(const struct cmd_context *cmd, const char *path, const char *def)
{
	const char *v;

	return cmd->config && !cfg_get_str(cmd->config, path, &v) ? v : def;
}

const char *const *cmd_config_list(struct cmd_context *cmd, const char *path)
{
	const struct cfg_node *n = cmd->config ? cfg_find(cmd->config, path) : NULL;
	const struct cfg_value *v;
	const char **out;
	unsigned count = 0;

	if (!n || !n->value)
		return NULL;
	for (v = n->value; v; v = v->next)
		count++;
	out = POOL_ARRAY(cmd->mem, const char *, count + 1);
	count = 0;
	for (v = n->value; v; v = v->next)
		if (v->type == CFG_STRING)
			out[count++] = v->v.str;
	return out;
}

/* --devices a,b --devices c: one NULL-terminated list. */
static const char *const *devices_option(struct cmd_context *cmd)
{
	const struct arg_value *av = &cmd->args[OPT_DEVICES];
	const char **out;
	unsigned i, n = 0, total = 0;

	if (!av->nvalues)
		return NULL;
	for (i = 0; i < av->nvalues; i++) {
		const char *s;

		for (s = av->values[i]; *s; s++)
			total += *s == ',';
		total++;
	}
	out = POOL_ARRAY(cmd->mem, const char *, total + 1);
	for (i = 0; i < av->nvalues; i++) {
		char *copy = pool_strdup(cmd->mem, av->values[i]), *save = NULL, *tok;

		for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
			out[n++] = tok;
	}
	return out;
}

/*
 * A command allocates a few big blocks (metadata text, pool chunks, hash
 * tables, the new text) and frees some of them before the next: from the
 * heap, freed memory is reused; from mmap (glibc's default above 128 KiB)
 * every one is unmapped and its successor faults in fresh zeroed pages,
 * some 450 page faults and an eighth of the CPU time of a change to a
 * 10,000-LV VG.  The process is short-lived, so nothing is trimmed either.
 */
static void tune_malloc(void)
{
	mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
}

int cmd_setup(struct cmd_context *cmd)
{
	struct dev_scan_config *sc;
	const char *env = getenv("LVM_SYSTEM_DIR");

	tune_malloc();
	cmd->system_dir = env && *env ? env : DEFAULT_SYSTEM_DIR;
	if (load_config(cmd))
		return -1;
	sc = POOL_NEW(cmd->mem, struct dev_scan_config);
	sc->scan_dirs = cmd_config_list(cmd, "devices/scan");
	sc->files = cmd_config_list(cmd, "devices/files");
	sc->filter = cmd_config_list(cmd, "devices/filter");
	sc->global_filter = cmd_config_list(cmd, "devices/global_filter");
	sc->devices = devices_option(cmd);
	sc->sysfs_dir = cmd_config_str(cmd, "devices/sysfs_dir", "/sys");
	cmd->dc = dev_cache_create(cmd->mem, sc);
	if (!cmd->dc)
		return -1;
	return 0;
}

void cmd_teardown(struct cmd_context *cmd)
{
	unsigned i;

	act_end(cmd->act);
	cmd->act = NULL;
	lvm_scan_destroy(cmd->scan);
	for (i = 0; i < cmd->nold_scans; i++)
		lvm_scan_destroy(cmd->old_scans[i]);
	if (cmd->dc)
		dev_cache_destroy(cmd->dc);
	for (i = 0; i < cmd->nlocks; i++)
		close(cmd->locks[i].fd);
	cmd->nlocks = 0;
}

struct lvm_scan *cmd_scan(struct cmd_context *cmd)
{
	if (cmd->scan)
		return cmd->scan;
	if (dev_cache_scan(cmd->dc))
		return NULL;
	cmd->scan = lvm_scan(cmd->mem, cmd->dc);
	return cmd->scan;
}

struct device *cmd_get_device(struct cmd_context *cmd, const char *path)
{
	const char *why = NULL;
	struct device *dev = dev_cache_get(cmd->dc, path, &why);

	if (!dev)
		log_error("Cannot use %s: %s", path, why ? why : "device not found");
	return dev;
}

/*
 * Returns 1 when the lock was taken (or strengthened) now, 0 when this
 * command already held it, -1 on failure.  A second flock() on a new
 * descriptor of a file we hold would wait for ourselves, so held locks are
 * remembered by name.
 */
static int add_lock(struct cmd_context *cmd, const char *name, int exclusive)
{
	const char *dir = cmd_config_str(cmd, "global/locking_dir", DEFAULT_LOCK_DIR);
	int wait = cmd_config_int(cmd, "global/wait_for_locks", 1) ? -1 : 0;
	unsigned i;
	int fd;

	if (arg_is_set(cmd, OPT_NOLOCKING))
		return 0;
	exclusive = exclusive && !arg_is_set(cmd, OPT_READONLY);
	for (i = 0; i < cmd->nlocks; i++) {
		if (strcmp(cmd->locks[i].name, name))
			continue;
		if (cmd->locks[i].exclusive || !exclusive)
			return 0;
		if (flock(cmd->locks[i].fd, LOCK_EX)) {
			log_error("Cannot upgrade lock %s/%s: %s", dir, name, strerror(errno));
			return -1;
		}
		cmd->locks[i].exclusive = 1;
		return 1;
	}
	if (cmd->nlocks == sizeof(cmd->locks) / sizeof(cmd->locks[0])) {
		log_error("Too many locks held by one command.");
		return -1;
	}
	if (wait < 0 && cmd_config_int(cmd, "global/lock_timeout", 0) > 0)
		wait = (int)cmd_config_int(cmd, "global/lock_timeout", 0);
	fd = lock_take(dir, name, exclusive, wait);
	if (fd < 0)
		return -1;
	cmd->locks[cmd->nlocks].name = pool_strdup(cmd->mem, name);
	cmd->locks[cmd->nlocks].fd = fd;
	cmd->locks[cmd->nlocks].exclusive = exclusive;
	cmd->nlocks++;
	return 1;
}

int cmd_lock_global(struct cmd_context *cmd, int exclusive)
{
	return add_lock(cmd, LOCK_GLOBAL, exclusive) < 0 ? -1 : 0;
}

int cmd_lock_vg(struct cmd_context *cmd, const char *vg_name, int exclusive)
{
	char name[300];

	return add_lock(cmd, lock_vg_name(vg_name, name, sizeof(name)), exclusive) < 0 ? -1 : 0;
}

void cmd_text_context(struct cmd_context *cmd, struct text_context *ctx, int for_backup,
		      int before)
{
	struct utsname u;

	memset(ctx, 0, sizeof(*ctx));
	if (!uname(&u)) {
		ctx->creation_host = pool_strdup(cmd->mem, u.nodename);
		ctx->uname_line = pool_printf(cmd->mem, "%s %s %s %s %s", u.sysname, u.nodename,
					      u.release, u.version, u.machine);
	} else {
		ctx->creation_host = "unknown";
		ctx->uname_line = "unknown";
	}
	ctx->creation_time = (int64_t)time(NULL);
	ctx->generator = "openlvm " PACKAGE_VERSION;
	if (!for_backup)
		ctx->description = pool_printf(cmd->mem, "Write from %s.", cmd->cmdline);
	else
		ctx->description = pool_printf(cmd->mem, "Created *%s* executing '%s'",
					       before ? "before" : "after", cmd->cmdline);
}

void cmd_backup_settings(struct cmd_context *cmd, struct backup_settings *s)
{
	memset(s, 0, sizeof(*s));
	if (cmd_config_int(cmd, "backup/backup", 1))
		s->backup_dir = cmd_config_str(cmd, "backup/backup_dir",
					       pool_printf(cmd->mem, "%s/backup", cmd->system_dir));
	if (cmd_config_int(cmd, "backup/archive", 1))
		s->archive_dir = cmd_config_str(cmd, "backup/archive_dir",
						pool_printf(cmd->mem, "%s/archive", cmd->system_dir));
	s->retain_min = (unsigned)cmd_config_int(cmd, "backup/retain_min", 10);
	s->retain_days = (unsigned)cmd_config_int(cmd, "backup/retain_days", 30);
}

const char *cmd_vg_name_arg(struct cmd_context *cmd, const char *arg)
{
	const char *slash;

	if (!strncmp(arg, "/dev/", 5))
		arg += 5;
	slash = strchr(arg, '/');
	return slash ? pool_strndup(cmd->mem, arg, (size_t)(slash - arg)) : arg;
}

/*
 * LVM2 2.03 refuses these commands while a PV of the VG has no device or
 * is flagged MISSING and still used (the other commands may write the VG,
 * flagging the PV MISSING; see vg_commit and vg_attach_devices).
 */
static int refuse_missing_pvs(struct cmd_context *cmd, const struct volume_group *vg)
{
	static const char *const refusing[] = { "lvcreate", "lvextend", "lvreduce", "lvresize",
						"lvrename", "vgrename", "pvchange", "pvresize" };
	const struct physical_volume *pv;
	size_t i;

	TAILQ_FOREACH(pv, &vg->pvs, list)
		if (!pv->dev || (pv->flags & PV_F_MISSING))
			break;
	if (!pv || !cmd->def)
		return 0;
	for (i = 0; i < sizeof(refusing) / sizeof(refusing[0]); i++)
		if (!strcmp(cmd->def->name, refusing[i]) ||
		    (!strcmp(cmd->def->name, "vgreduce") && !arg_is_set(cmd, OPT_REMOVEMISSING))) {
			log_error("Cannot change VG %s while PVs are missing.", vg->name);
			log_error("See vgreduce --removemissing and vgextend --restoremissing.");
			log_error("Cannot process volume group %s", vg->name);
			return -1;
		}
	return 0;
}

struct volume_group *cmd_read_vg_for_update(struct cmd_context *cmd, const char *name)
{
	return cmd_read_vg_noted(cmd, name, pool_printf(cmd->mem, "Cannot process volume group %s",
							name));
}

struct volume_group *cmd_read_vg_noted(struct cmd_context *cmd, const char *name,
				       const char *not_found_note)
{
	struct lvm_scan *scan;
	struct volume_group *vg;
	char lock_name[300];
	int ambiguous;
	int taken = add_lock(cmd, lock_vg_name(name, lock_name, sizeof(lock_name)), 1);

	if (taken < 0)
		return NULL;
	/*
	 * Metadata scanned before this lock may already be stale: another
	 * command could have committed in between, and writing seqno+1 over
	 * it would lose that update.  Scan again under the lock.
	 */
	if (taken && cmd->scan) {
		/* Callers may still hold pointers into the old scan: free it last. */
		if (cmd->nold_scans == sizeof(cmd->old_scans) / sizeof(cmd->old_scans[0])) {
			log_error("Too many rescans in one command.");
			return NULL;
		}
		cmd->old_scans[cmd->nold_scans++] = cmd->scan;
		cmd->scan = NULL;
	}
	scan = cmd_scan(cmd);
	if (!scan)
		return NULL;
	if (!scan_find_vg(scan, name, &ambiguous) && !ambiguous) {
		/* LVM2 adds a note here; other failures (exported, read-only) stand alone */
		log_error("Volume group \"%s\" not found", name);
		if (not_found_note)
			log_error("%s", not_found_note);
		return NULL;
	}
	vg = vg_read(scan, name, VG_READ_FOR_UPDATE);
	if (vg && refuse_missing_pvs(cmd, vg)) {
		vg_free(vg);
		return NULL;
	}
	if (vg)
		cmd_keep_archive(cmd, vg);
	return vg;
}

void cmd_apply_metadata_profile(const struct cmd_context *cmd, const char **profile)
{
	if (arg_is_set(cmd, OPT_DETACHPROFILE))
		*profile = NULL;
	if (arg_is_set(cmd, OPT_METADATAPROFILE))
		*profile = arg_str(cmd, OPT_METADATAPROFILE, NULL);
}

void cmd_keep_archive(struct cmd_context *cmd, const struct volume_group *vg)
{
	struct text_context tctx;
	struct strbuf sb = STRBUF_INIT;
	struct backup_settings bs;

	/* Exporting a big VG costs as much as the change itself: skip it when unused. */
	cmd_backup_settings(cmd, &bs);
	if (!bs.archive_dir || !*bs.archive_dir || cmd->test_mode)
		return;

	cmd_text_context(cmd, &tctx, 1, 1);
	vg_export_text(vg, TEXT_BACKUP, &tctx, &sb);
	cmd->archive_text = pool_memdup(cmd->mem, sb.buf, sb.len + 1);
	cmd->archive_len = sb.len;
	strbuf_release(&sb);
}

int cmd_commit_vg(struct cmd_context *cmd, struct volume_group *vg)
{
	struct text_context tctx;
	struct backup_settings bs;

	cmd_backup_settings(cmd, &bs);
	if (cmd->archive_text && !cmd->test_mode) {
		backup_archive_text(&bs, vg->name, cmd->archive_text, cmd->archive_len);
		cmd->archive_text = NULL;
	}
	cmd_text_context(cmd, &tctx, 0, 0);
	if (vg_commit(cmd->scan, vg, &tctx, cmd->test_mode))
		return -1;
	if (!cmd->test_mode) {
		cmd_text_context(cmd, &tctx, 1, 0);
		backup_current(&bs, vg, &tctx);
	}
	return 0;
}

int cmd_confirm(struct cmd_context *cmd, const char *fmt, ...)
{
	char line[64];
	va_list ap;

	if (arg_is_set(cmd, OPT_YES))
		return 1;
	if (!isatty(STDIN_FILENO))
		return 0;
	va_start(ap, fmt);
	fputs("  ", stdout);
	vprintf(fmt, ap);
	va_end(ap);
	fputs(" [y/n]: ", stdout);
	fflush(stdout);
	if (!fgets(line, sizeof(line), stdin))
		return 0;
	return line[0] == 'y' || line[0] == 'Y';
}
