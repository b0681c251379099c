/*
 * The settings table and the checks lvm.conf goes through when it is
 * loaded.
 */
#include "config/settings.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "config/config.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

static const struct setting_def settings[] = {
	{ "config/profile_dir", SET_STR, "\"@SYSDIR@/profile\"",
	  "Directory holding the NAME.profile files of --profile and --commandprofile." },
	{ "devices/dir", SET_STR, "\"/dev\"",
	  "Directory holding the device nodes." },
	{ "devices/scan", SET_LIST, "[\"/dev\"]",
	  "Directories searched for block devices." },
	{ "devices/files", SET_LIST, "[]",
	  "Regular files scanned as if they were devices (openlvm extension)." },
	{ "devices/filter", SET_LIST, "[\"a|.*|\"]",
	  "Accept (a) and reject (r) patterns for device paths." },
	{ "devices/global_filter", SET_LIST, "[\"a|.*|\"]",
	  "Like devices/filter; a device must pass both." },
	{ "devices/sysfs_dir", SET_STR, "\"/sys\"",
	  "Where sysfs is mounted." },
	{ "global/locking_dir", SET_STR, "\"/run/lock/lvm\"",
	  "Directory holding the lock files." },
	{ "global/wait_for_locks", SET_BOOL, "1",
	  "Wait for a lock held by another command instead of failing." },
	{ "global/lock_timeout", SET_INT, "0",
	  "Seconds to wait for a lock; 0 waits forever." },
	{ "global/units", SET_STR, "\"r\"",
	  "Default for the --units option of the report commands." },
	{ "backup/backup", SET_BOOL, "1",
	  "Keep a backup of each VG's metadata after every change." },
	{ "backup/backup_dir", SET_STR, "\"@SYSDIR@/backup\"",
	  "Directory of the metadata backups." },
	{ "backup/archive", SET_BOOL, "1",
	  "Archive the old metadata before every change." },
	{ "backup/archive_dir", SET_STR, "\"@SYSDIR@/archive\"",
	  "Directory of the metadata archives." },
	{ "backup/retain_min", SET_INT, "10",
	  "Minimum number of archive files kept per VG." },
	{ "backup/retain_days", SET_INT, "30",
	  "Minimum age in days of archive files before they are removed." },
	{ "metadata/pvmetadatacopies", SET_INT, "1",
	  "Metadata areas on new PVs when --pvmetadatacopies is not given." },
	{ "report/output_format", SET_STR, "\"basic\"",
	  "Default for --reportformat: basic, json or json_std." },
	{ "activation/udev_sync", SET_BOOL, "1",
	  "Wait for udev to process device-mapper events." },
	{ "activation/udev_rules", SET_BOOL, "1",
	  "Let udev rules create the device nodes." },
	{ "activation/verify_udev_operations", SET_BOOL, "0",
	  "Check and fix device nodes after udev ran." },
	{ "activation/use_linear_target", SET_BOOL, "1",
	  "Use the linear target for single-stripe segments." },
};

/* LVM2 settings openlvm accepts and ignores, per section. */
static const struct { const char *section, *keys; } ignored[] = {
	{ "config", " checks abort_on_errors " },
	{ "devices", " cache_dir cache_file_prefix write_cache_state types sysfs_scan scan_lvs "
	  "multipath_component_detection md_component_detection md_component_checks "
	  "fw_raid_component_detection ignore_suspended_devices ignore_lvm_mirrors "
	  "require_restorefile_with_uuid pv_min_size issue_discards "
	  "allow_changes_with_duplicate_pvs allow_mixed_block_sizes hints "
	  "search_for_devnames use_devicesfile devicesfile obtain_device_list_from_udev "
	  "external_device_info_source preferred_names data_alignment_detection "
	  "data_alignment data_alignment_offset_detection default_data_alignment "
	  "md_chunk_alignment disable_after_error_count cache device_id_sysfs_dir " },
	{ "allocation", " maximise_cling use_blkid_wiping wipe_signatures_when_zeroing_new_lvs "
	  "mirror_logs_require_separate_pvs cache_pool_metadata_require_separate_pvs "
	  "thin_pool_metadata_require_separate_pvs cling_tag_list raid_stripe_all_devices "
	  "cache_mode cache_policy cache_settings cache_pool_chunk_size thin_pool_zero "
	  "thin_pool_discards thin_pool_chunk_size_policy thin_pool_chunk_size "
	  "physical_extent_size vdo_pool_header_size " },
	{ "log", " verbose silent syslog file overwrite level indent command_names prefix "
	  "activation debug_classes report_command_log command_log_sort command_log_cols "
	  "command_log_selection command_log_separator journal " },
	{ "backup", " " },
	{ "shell", " history_size " },
	{ "global", " umask test activation fallback_to_lvm1 format proc etc_dir "
	  "si_unit_consistency suffix detect_internal_vg_cache_corruption "
	  "abort_on_internal_errors metadata_read_only mirror_segtype_default "
	  "raid10_segtype_default sparse_segtype_default event_activation use_lvmlockd "
	  "use_lvmetad use_lvmpolld system_id_source system_id_file thin_check_executable "
	  "thin_dump_executable thin_repair_executable thin_check_options "
	  "thin_repair_options cache_check_executable cache_dump_executable "
	  "cache_repair_executable cache_check_options cache_repair_options "
	  "vdo_format_executable vdo_format_options lvdisplay_shows_full_device_path "
	  "locking_type fallback_to_local_locking fallback_to_clustered_locking "
	  "prioritise_write_locks notify_dbus io_memory_size sanlock_lv_extend "
	  "lvmlockd_lock_retries use_aio " },
	{ "activation", " checks retry_deactivation missing_stripe_filler reserved_stack "
	  "reserved_memory process_priority volume_list auto_activation_volume_list "
	  "read_only_volume_list raid_region_size error_when_full readahead "
	  "raid_fault_policy mirror_image_fault_policy mirror_log_fault_policy "
	  "snapshot_autoextend_threshold snapshot_autoextend_percent "
	  "thin_pool_autoextend_threshold thin_pool_autoextend_percent "
	  "vdo_pool_autoextend_threshold vdo_pool_autoextend_percent monitoring "
	  "polling_interval activation_mode use_mlockall auto_set_activation_skip " },
	{ "metadata", " vgmetadatacopies pvmetadatasize pvmetadataignore stripesize "
	  "check_pv_device_sizes record_lvs_history lvs_history_retention_time " },
	{ "report", " compact_output compact_output_cols aligned buffered headings separator "
	  "list_item_separator prefixes quoted columns_as_rows binary_values_as_numeric "
	  "time_format devtypes_sort devtypes_cols devtypes_cols_verbose lvs_sort lvs_cols "
	  "lvs_cols_verbose vgs_sort vgs_cols vgs_cols_verbose pvs_sort pvs_cols "
	  "pvs_cols_verbose segs_sort segs_cols segs_cols_verbose pvsegs_sort pvsegs_cols "
	  "pvsegs_cols_verbose vgs_cols_full pvs_cols_full lvs_cols_full pvsegs_cols_full "
	  "segs_cols_full vgs_sort_full pvs_sort_full lvs_sort_full pvsegs_sort_full "
	  "segs_sort_full mark_hidden_devices two_word_unknown_device " },
	{ "dmeventd", " mirror_library raid_library snapshot_library thin_library "
	  "thin_command vdo_library vdo_command executable " },
	{ "local", " system_id extra_system_ids host_id " },
	{ "tags", NULL },	/* user-defined subsections */
};

#define N_SETTINGS (sizeof(settings) / sizeof(settings[0]))
#define N_IGNORED (sizeof(ignored) / sizeof(ignored[0]))

const struct setting_def *settings_table(size_t *count)
{
	*count = N_SETTINGS;
	return settings;
}

const struct setting_def *setting_find(const char *path)
{
	size_t i;

	for (i = 0; i < N_SETTINGS; i++)
		if (!strcmp(settings[i].path, path))
			return &settings[i];
	return NULL;
}

static int section_index(const char *section)
{
	size_t i;

	for (i = 0; i < N_IGNORED; i++)
		if (!strcmp(ignored[i].section, section))
			return (int)i;
	return -1;
}

int setting_section_known(const char *section)
{
	return section_index(section) >= 0;
}

const char *setting_type_name(enum setting_type t)
{
	switch (t) {
	case SET_BOOL: return "bool";
	case SET_INT: return "integer";
	case SET_STR: return "string";
	case SET_LIST: return "array";
	}
	return "unknown";
}

static const char *scalar_type_name(const struct cfg_value *v)
{
	switch (v->type) {
	case CFG_INT: return "integer";
	case CFG_FLOAT: return "float";
	case CFG_STRING: return "string";
	case CFG_EMPTY_ARRAY: break;
	}
	return "array";
}

static int is_single(const struct cfg_value *v)
{
	return !v->next && v->type != CFG_EMPTY_ARRAY;
}

/* LVM2's words for a boolean given as a string; -1 when s is none of them. */
static int bool_word(const char *s)
{
	static const char *const words[] = { "n", "no", "off", "false", "y", "yes", "on", "true" };
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcasecmp(words[i], s))
			return i >= 4;
	return -1;
}

/* What a value of the wrong type is reported as: the offending item. */
static const struct cfg_value *bad_item(enum setting_type t, const struct cfg_value *v)
{
	const struct cfg_value *i;

	if (t == SET_LIST) {
		for (i = v; i; i = i->next)
			if (i->type != CFG_STRING && i->type != CFG_EMPTY_ARRAY)
				return i;
		return NULL;
	}
	if (!is_single(v))
		return v;
	if (t == SET_STR)
		return v->type == CFG_STRING ? NULL : v;
	if (t == SET_BOOL && v->type == CFG_STRING)
		return NULL;	/* checked as a word by check_value */
	return v->type == CFG_INT ? NULL : v;
}

static const char *expected_name(enum setting_type t)
{
	switch (t) {
	case SET_BOOL: return "boolean";
	case SET_INT: return "integer";
	case SET_STR: return "string";
	case SET_LIST: return "array with values of type: string";
	}
	return "unknown";
}

static void report_type(const struct setting_def *s, const char *found)
{
	log_warn("Configuration setting \"%s\" has invalid type. Found %s but expected %s.",
		 s->path, found, expected_name(s->type));
}

/*
 * Checks one value against its setting, normalising what LVM2 accepts
 * in other spellings: a one-item list of a scalar setting is the item,
 * a boolean may be a word.  Returns 0 when usable, -1 (reported unless
 * quiet) when the command must fall back to the default.
 */
static int check_value(const struct setting_def *s, struct cfg_value *v, int quiet)
{
	const struct cfg_value *bad = bad_item(s->type, v);
	int b;

	if (bad) {
		if (!quiet)
			report_type(s, s->type == SET_LIST || is_single(v) ?
				    scalar_type_name(bad) : "array");
		return -1;
	}
	if (s->type == SET_LIST) {
		if (v->type != CFG_EMPTY_ARRAY || (s->def && !strcmp(s->def, "[]")))
			return 0;
		if (!quiet)
			log_error("Configuration setting \"%s\" invalid. Empty value not allowed.",
				  s->path);
		return -1;
	}
	v->list = 0;
	if (s->type != SET_BOOL || v->type != CFG_STRING)
		return 0;
	b = bool_word(v->v.str);
	if (b < 0) {
		if (!quiet)
			log_error("Configuration setting \"%s\" invalid. Found string value \"%s\", "
				  "expected boolean value: 0/1, \"y/n\", \"yes/no\", \"on/off\", "
				  "\"true/false\".", s->path, v->v.str);
		return -1;
	}
	v->type = CFG_INT;
	v->v.i = b;
	return 0;
}

/* Whether key is one of the words of list (" a b c "). */
static int word_listed(const char *list, const char *key)
{
	size_t len = strlen(key);
	const char *p = list;

	while ((p = strstr(p, key))) {
		if (p[-1] == ' ' && p[len] == ' ')
			return 1;
		p += len;
	}
	return 0;
}

/* What a check found: problems make --validate fail, bad values a command. */
struct check_result {
	int problems;
	const struct setting_def *first_bad;	/* first value of the wrong type */
};

/* Checks one item of a section; returns -1 when it must be dropped. */
static int check_key(const struct cfg_node *section, struct cfg_node *n, int si,
		     struct check_result *res, int quiet)
{
	char path[256];
	const struct setting_def *s;

	snprintf(path, sizeof(path), "%s/%s", section->key, n->key);
	s = setting_find(path);
	if (s) {
		if (n->value && !check_value(s, n->value, quiet))
			return 0;
		if (!n->value && !quiet)
			report_type(s, "section");
		if (!res->first_bad)
			res->first_bad = s;
		res->problems++;
		return -1;
	}
	if (!s && (!ignored[si].keys || (n->value && word_listed(ignored[si].keys, n->key))))
		return 0;
	if (!quiet)
		log_error("Configuration %s \"%s\" unknown.", n->value ? "setting" : "section",
			  path);
	res->problems++;
	return 0;
}

static void check_section(struct cfg_node *sec, struct check_result *res, int quiet)
{
	int si = section_index(sec->key);
	struct cfg_node **link;

	if (sec->value || si < 0) {
		if (!quiet && sec->value)
			log_error("Configuration setting \"%s\" invalid. It's not part of any section.",
				  sec->key);
		else if (!quiet)
			log_error("Configuration section \"%s\" unknown.", sec->key);
		res->problems++;
		return;
	}
	for (link = &sec->child; *link;) {
		if (check_key(sec, *link, si, res, quiet) < 0) {
			*link = (*link)->next;
			sec->last_child = NULL;
		} else {
			link = &(*link)->next;
		}
	}
}

static struct check_result check_tree(struct cfg_node *root, int quiet)
{
	struct check_result res = { 0, NULL };
	struct cfg_node *sec;

	for (sec = root ? root->child : NULL; sec; sec = sec->next)
		check_section(sec, &res, quiet);
	return res;
}

int settings_validate(struct cfg_node *root, int quiet)
{
	return check_tree(root, quiet).problems;
}

int settings_check(struct cfg_node *root)
{
	struct check_result res = check_tree(root, 0);

	if (!res.first_bad)
		return 0;
	log_error("Invalid value for configuration setting %s.", res.first_bad->path);
	return -1;
}

struct cfg_node *setting_default_node(struct pool *p, const struct setting_def *s,
				      const char *system_dir)
{
	struct strbuf sb = STRBUF_INIT;
	const char *key = strrchr(s->path, '/') + 1, *d, *at;
	struct cfg_node *root;
	char err[128];

	if (!s->def)
		return NULL;
	strbuf_addf(&sb, "%s=", key);
	for (d = s->def; (at = strstr(d, "@SYSDIR@")); d = at + 8) {
		strbuf_add(&sb, d, (size_t)(at - d));
		strbuf_addstr(&sb, system_dir);
	}
	strbuf_addstr(&sb, d);
	root = cfg_parse(p, sb.buf, sb.len, err, sizeof(err));
	strbuf_release(&sb);
	return root ? root->child : NULL;
}

/* Hangs v below sec at path "a/b/key", making the sections on the way. */
static void attach_path(struct pool *p, struct cfg_node *sec, const char *path,
			struct cfg_value *v)
{
	const char *slash;

	while ((slash = strchr(path, '/'))) {
		char *name = pool_strndup(p, path, (size_t)(slash - path));
		struct cfg_node *c = (struct cfg_node *)cfg_child(sec, name);

		if (!c || c->value)
			c = cfg_new_section(p, sec, name);
		sec = c;
		path = slash + 1;
	}
	cfg_new_value(p, sec, path, v);
}

void settings_nest_paths(struct pool *p, struct cfg_node *root)
{
	struct cfg_node **link = &root->child, *n;

	while ((n = *link)) {
		if (!n->value || !strchr(n->key, '/')) {
			link = &n->next;
			continue;
		}
		*link = n->next;
		root->last_child = NULL;
		attach_path(p, root, n->key, n->value);
	}
}
