/* pvs, vgs, lvs: feed the report engine with what scanning found. */
#include <stdlib.h>
#include <string.h>

#include "cmd/activation.h"
#include "cmd/commands.h"
#include "cmd/reporting.h"
#include "cmd/toolcontext.h"
#include "device/device.h"
#include "format/ondisk.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/hash.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"
#include "misc/units.h"
#include "report/report.h"
#include "report/select.h"

/*
 * The report named by the --configreport in effect for the option value
 * at place `at` on the command line; NULL before any --configreport.
 */
static const char *config_at(const struct cmd_context *cmd, unsigned at)
{
	const struct arg_value *cr = &cmd->args[OPT_CONFIGREPORT];
	const char *name = NULL;
	unsigned i;

	for (i = 0; i < cr->nvalues && cr->order[i] < at; i++)
		name = cr->values[i];
	return name;
}

/* A --configreport naming a report LVM2 does not know; NULL if none. */
static const char *configreport_bad(const struct cmd_context *cmd)
{
	static const char *const names[] = { "vg", "pv", "lv", "pvseg", "seg", "log", NULL };
	const struct arg_value *cr = &cmd->args[OPT_CONFIGREPORT];
	unsigned i, k;

	for (i = 0; i < cr->nvalues; i++) {
		for (k = 0; names[k] && strcmp(names[k], cr->values[i]); k++)
			;
		if (!names[k])
			return cr->values[i];
	}
	return NULL;
}

/* 0, or after log_error EXIT_BAD_CMDLINE. */
static int configreport_check(const struct cmd_context *cmd)
{
	const char *bad = configreport_bad(cmd);

	if (!bad)
		return 0;
	log_error("Invalid argument for --configreport: %s", bad);
	log_error("Error during parsing of command line.");
	return EXIT_BAD_CMDLINE;
}

/* pvs, vgs and lvs take --configreport for their own report, or for none. */
static int own_config(enum report_type type, const char *name)
{
	if (!name)
		return 1;
	switch (type) {
	case RPT_PV: case RPT_PVSEG: return !strcmp(name, "pv") || !strcmp(name, "pvseg");
	case RPT_VG: return !strcmp(name, "vg");
	case RPT_LV: case RPT_SEG: return !strcmp(name, "lv") || !strcmp(name, "seg");
	}
	return 0;
}

/* The values of option id for the report of type; NULL if none. */
static const char *const *arg_list(const struct cmd_context *cmd, enum option_id id,
				   enum report_type type)
{
	const struct arg_value *av = &cmd->args[id];
	const char **v;
	unsigned i, n = 0;

	v = POOL_ARRAY(cmd->mem, const char *, av->nvalues + 1);
	for (i = 0; i < av->nvalues; i++)
		if (own_config(type, config_at(cmd, av->order[i])))
			v[n++] = av->values[i];
	return n ? v : NULL;
}

static int report_format(const struct cmd_context *cmd, enum report_format *fmt)
{
	const char *f = arg_str(cmd, OPT_REPORTFORMAT,
				cmd_config_str(cmd, "report/output_format", "basic"));

	if (!strcmp(f, "basic"))
		*fmt = RPT_FMT_BASIC;
	else if (!strcmp(f, "json"))
		*fmt = RPT_FMT_JSON;
	else if (!strcmp(f, "json_std"))
		*fmt = RPT_FMT_JSON_STD;
	else {
		log_error("Invalid --reportformat: %s (basic, json or json_std).", f);
		return -1;
	}
	return 0;
}

/* -o help or -o ?, alone or among fields ("-o name,help", "-o +help"), as LVM2 takes it. */
static int wants_field_help(const struct cmd_context *cmd)
{
	const struct arg_value *av = &cmd->args[OPT_OPTIONS];
	unsigned i;

	for (i = 0; i < av->nvalues; i++) {
		const char *p = av->values[i];

		while (*p) {
			size_t len;

			p += strspn(p, "+-, ");
			len = strcspn(p, ", ");
			if ((len == 4 && !strncmp(p, "help", 4)) || (len == 1 && *p == '?'))
				return 1;
			p += len;
		}
	}
	return 0;
}

static struct report *make_report(struct cmd_context *cmd, enum report_type type)
{
	struct report_opts o;
	struct report *r;
	const char *const *sel;

	memset(&o, 0, sizeof(o));
	o.type = type;
	if (configreport_check(cmd))
		return NULL;
	o.fields = arg_list(cmd, OPT_OPTIONS, type);
	o.sort = arg_list(cmd, OPT_SORT, type);
	o.units = arg_str(cmd, OPT_UNITS, cmd_config_str(cmd, "global/units", NULL));
	o.verbose = arg_count(cmd, OPT_VERBOSE) > 0;
	o.no_headings = arg_is_set(cmd, OPT_NOHEADINGS);
	o.no_suffix = arg_is_set(cmd, OPT_NOSUFFIX);
	o.aligned = arg_is_set(cmd, OPT_ALIGNED);
	o.unbuffered = arg_is_set(cmd, OPT_UNBUFFERED);
	o.name_prefixes = arg_is_set(cmd, OPT_NAMEPREFIXES);
	o.unquoted = arg_is_set(cmd, OPT_UNQUOTED);
	o.rows = arg_is_set(cmd, OPT_ROWS);
	o.binary = arg_is_set(cmd, OPT_BINARY);
	o.separator = arg_str(cmd, OPT_SEPARATOR, NULL);
	/* Kernel state per LV (pvs -o+lv_active too); unknown ('X') with --driverloaded n. */
	o.lv_state = act_report_state;
	o.lv_state_arg = cmd_activation(cmd);
	if (report_format(cmd, &o.format))
		return NULL;
	for (sel = arg_list(cmd, OPT_SELECT, type); sel && *sel; sel++)
		o.select = *sel;
	if (o.select && (!strcmp(o.select, "help") || !strcmp(o.select, "?"))) {
		/* LVM2 prints help on standard error */
		report_help(type, stderr);
		select_help(stderr);
		return NULL;
	}
	if (wants_field_help(cmd)) {
		report_help(type, stderr);
		return NULL;
	}
	r = report_create(&o);
	if (!r && o.format != RPT_FMT_BASIC)	/* LVM2 still prints an empty document */
		fputs("  {\n      \"report\": [\n      ]\n  }\n", stdout);
	return r;
}

/* Exit status when make_report returned NULL: it may have printed help. */
static int no_report_status(const struct cmd_context *cmd)
{
	const char *sel = arg_str(cmd, OPT_SELECT, "");

	if (configreport_bad(cmd))
		return EXIT_BAD_CMDLINE;
	if (wants_field_help(cmd) || !strcmp(sel, "help") || !strcmp(sel, "?"))
		return EXIT_OK;
	return EXIT_FAILED;
}

int cmd_vg_selection(struct cmd_context *cmd, struct report **sel)
{
	*sel = NULL;
	if (!arg_is_set(cmd, OPT_SELECT))
		return -1;
	*sel = make_report(cmd, RPT_VG);
	return *sel ? -1 : no_report_status(cmd);
}

/* An orphan PV as the report engine sees it: no VG, label data only. */
static struct physical_volume *orphan_pv(struct cmd_context *cmd, const struct pv_info *info)
{
	struct physical_volume *pv = POOL_NEW(cmd->mem, struct physical_volume);
	unsigned i;

	pv->id = info->label.pv_id;
	pv->dev = info->dev;
	pv->dev_size = info->label.device_size / SECTOR_SIZE;
	pv->pe_start = info->label.data_area.offset / SECTOR_SIZE;
	pv->status = 0;
	pv->mda_count = info->mda_count;
	for (i = 0; i < info->mda_count; i++) {
		pv->mdas[i].start = info->mdas[i].start;
		pv->mdas[i].size = info->mdas[i].size;
		pv->mdas[i].ignored = info->mdas[i].ignored;
		pv->mdas[i].header_ok = info->mdas[i].header_ok;
	}
	pv->label_sector = info->label.sector;
	pv->ext_version = info->label.ext_version;
	pv->ext_flags = info->label.ext_flags;
	if (info->label.has_ba) {
		pv->ba_start = info->label.ba.offset / SECTOR_SIZE;
		pv->ba_size = info->label.ba.size / SECTOR_SIZE;
	}
	return pv;
}

/* Reads every VG once, read-only; the scan keeps them. */
static struct volume_group *read_vg_view(struct cmd_context *cmd, struct vg_info *vi)
{
	if (!vi->vg && !vi->import_failed) {
		vi->vg = vg_read(cmd->scan, vi->name, VG_READ_ALLOW_EXPORTED);
		if (!vi->vg)
			vi->import_failed = 1;
	}
	return vi->vg;
}

/*
 * pvs reads every VG as vgs does, with its warnings (stale copies, an
 * unused PV that reappeared): resolving the members alone imports them
 * quietly.  A name two VGs share is left to that quiet import.
 */
static void read_vgs_with_warnings(struct cmd_context *cmd, struct lvm_scan *scan)
{
	struct hash *names = hash_create(16);
	struct vg_info *vi;

	/* a shared name maps to the table itself */
	TAILQ_FOREACH(vi, &scan->vgs, list)
		hash_insert(names, vi->name, hash_lookup(names, vi->name) ? (void *)names : vi);
	TAILQ_FOREACH(vi, &scan->vgs, list)
		if (hash_lookup(names, vi->name) == vi)
			read_vg_view(cmd, vi);
	hash_destroy(names);
}

static int wanted_dev(const struct cmd_context *cmd, const struct device *dev, char *seen)
{
	int i;

	if (!cmd->argc)
		return 1;
	for (i = 0; i < cmd->argc; i++) {
		if (!strcmp(cmd->argv[i], dev->path)) {
			seen[i] = 1;
			return 1;
		}
	}
	return 0;
}

/* PVs a VG lists but no device carries: LVM2 shows them as [unknown]. */
static void add_missing_pvs(struct cmd_context *cmd, struct report *r, struct lvm_scan *scan)
{
	struct vg_info *vi;
	struct physical_volume *pv;

	TAILQ_FOREACH(vi, &scan->vgs, list) {
		struct volume_group *vg = read_vg_view(cmd, vi);

		if (!vg)
			continue;
		TAILQ_FOREACH(pv, &vg->pvs, list)
			if (!pv->dev)
				report_add_pv(r, pv);
	}
}

/*
 * LVM2 goes through the PVs VG by VG, the VGs in reverse order of
 * discovery (as for vgs) and each VG's PVs in metadata order, then the
 * orphans: rows that sort equal show in that order.  PVs of VGs that
 * cannot be read come last too.  Returns the scan's PVs so ordered.
 */
static struct pv_info **pvs_in_report_order(struct cmd_context *cmd, struct lvm_scan *scan,
					    size_t *n)
{
	struct hash *placed = hash_create(16);
	struct pv_info **v, *info;
	struct vg_info *vi;
	const struct physical_volume *pv;
	size_t total = 0;

	TAILQ_FOREACH(info, &scan->pvs, list)
		total++;
	v = POOL_ARRAY(cmd->mem, struct pv_info *, total + 1);
	*n = 0;
	TAILQ_FOREACH_REVERSE(vi, &scan->vgs, vg_info_list, list) {
		if (!read_vg_view(cmd, vi))
			continue;
		TAILQ_FOREACH(pv, &vi->vg->pvs, list) {
			info = scan_find_pv(scan, &pv->id);
			if (!info || info->vg != vi || hash_lookup(placed, info->label.pv_id.uuid))
				continue;
			hash_insert(placed, info->label.pv_id.uuid, info);
			v[(*n)++] = info;
		}
	}
	TAILQ_FOREACH(info, &scan->pvs, list)
		if (!hash_lookup(placed, info->label.pv_id.uuid))
			v[(*n)++] = info;
	hash_destroy(placed);
	return v;
}

int cmd_pvs(struct cmd_context *cmd)
{
	struct report *r;
	struct lvm_scan *scan;
	struct pv_info **order;
	size_t npvs, k;
	char *seen;
	int i, status = EXIT_OK;

	r = make_report(cmd, arg_is_set(cmd, OPT_SEGMENTS) ? RPT_PVSEG : RPT_PV);
	if (!r)
		return no_report_status(cmd);
	if (cmd_lock_global(cmd, 0) || !(scan = cmd_scan(cmd))) {
		report_destroy(r);
		return EXIT_FAILED;
	}
	seen = pool_alloc(cmd->mem, (size_t)cmd->argc + 1);
	/* Canonical names for the arguments, so ./a.img matches /abs/a.img. */
	for (i = 0; i < cmd->argc; i++) {
		const char *why = dev_reason_not_found;
		struct device *dev = dev_cache_get(cmd->dc, cmd->argv[i], &why);

		if (dev) {
			cmd->argv[i] = (char *)dev->path;
			scan_device(scan, dev);
		} else {
			log_error("Cannot use %s: %s", cmd->argv[i], why);
			seen[i] = 1;	/* reported */
			status = EXIT_FAILED;
		}
	}
	read_vgs_with_warnings(cmd, scan);
	scan_resolve_members(scan);
	order = pvs_in_report_order(cmd, scan, &npvs);
	for (k = 0; k < npvs; k++) {
		struct pv_info *info = order[k];
		struct volume_group *vg = info->vg ? read_vg_view(cmd, info->vg) : NULL;
		struct physical_volume *pv = vg ? vg_find_pv_by_id(vg, &info->label.pv_id) : NULL;

		if (vg && !pv)	/* label behind the metadata (pvchange -u crash) */
			pv = vg_find_pv_by_dev(vg, info->dev);

		if (!wanted_dev(cmd, info->dev, seen))
			continue;
		/* Never show a PV of an unreadable VG as a free orphan. */
		if (info->vg && !vg) {
			status = EXIT_FAILED;
			continue;
		}
		report_add_pv(r, pv ? pv : orphan_pv(cmd, info));
	}
	if (!cmd->argc)
		add_missing_pvs(cmd, r, scan);
	for (i = 0; i < cmd->argc; i++) {
		if (seen[i])
			continue;
		log_error("Failed to find physical volume \"%s\".", cmd->argv[i]);
		status = EXIT_FAILED;
	}
	if (report_output(r))
		status = EXIT_FAILED;
	report_destroy(r);
	return status;
}

static struct vg_info *find_vg_arg(struct cmd_context *cmd, const char *arg)
{
	int ambiguous;
	struct vg_info *vi = scan_find_vg(cmd->scan, cmd_vg_name_arg(cmd, arg), &ambiguous);

	if (!vi && !ambiguous) {
		log_error("Volume group \"%s\" not found", cmd_vg_name_arg(cmd, arg));
		log_error("Cannot process volume group %s", cmd_vg_name_arg(cmd, arg));
	}
	return vi;
}

/*
 * vgs with LV or segment fields has a row per LV or segment: the hidden
 * LVs too with -a.  PV rows and plain VG rows come from report_add_vg.
 */
static void add_vg_rows(struct cmd_context *cmd, struct report *r, const struct volume_group *vg)
{
	enum report_type t = report_get_type(r);

	if (t != RPT_LV && t != RPT_SEG) {
		report_add_vg(r, vg);
		return;
	}
	report_add_vg_lvs(r, vg, arg_is_set(cmd, OPT_ALL));
}

int cmd_vgs(struct cmd_context *cmd)
{
	struct report *r = make_report(cmd, RPT_VG);
	struct vg_info *vi;
	int i, status = EXIT_OK;

	if (!r)
		return no_report_status(cmd);
	if (cmd_lock_global(cmd, 0) || !cmd_scan(cmd)) {
		report_destroy(r);
		return EXIT_FAILED;
	}
	/* LVM2 goes through the VGs in reverse order of discovery. */
	if (!cmd->argc) {
		TAILQ_FOREACH_REVERSE(vi, &cmd->scan->vgs, vg_info_list, list)
			if (read_vg_view(cmd, vi))
				add_vg_rows(cmd, r, vi->vg);
			else
				status = EXIT_FAILED;
	}
	for (i = 0; i < cmd->argc; i++) {
		vi = find_vg_arg(cmd, cmd->argv[i]);
		if (vi && read_vg_view(cmd, vi))
			add_vg_rows(cmd, r, vi->vg);
		else
			status = EXIT_FAILED;
	}
	if (report_output(r))
		status = EXIT_FAILED;
	report_destroy(r);
	return status;
}

static void add_vg_lvs(struct cmd_context *cmd, struct report *r, struct volume_group *vg,
		       const char *only_lv, int *found)
{
	struct logical_volume *lv;

	if (!only_lv) {
		report_add_vg_lvs(r, vg, arg_is_set(cmd, OPT_ALL));
		return;
	}
	TAILQ_FOREACH(lv, &vg->lvs, list) {
		if (strcmp(lv->name, only_lv))
			continue;
		report_add_lv(r, lv);
		*found = 1;
	}
}

int cmd_lvs(struct cmd_context *cmd)
{
	struct report *r = make_report(cmd, arg_is_set(cmd, OPT_SEGMENTS) ? RPT_SEG : RPT_LV);
	struct vg_info *vi;
	int i, status = EXIT_OK;

	if (!r)
		return no_report_status(cmd);
	if (cmd_lock_global(cmd, 0) || !cmd_scan(cmd)) {
		report_destroy(r);
		return EXIT_FAILED;
	}
	if (!cmd->argc) {
		int found = 0;

		TAILQ_FOREACH_REVERSE(vi, &cmd->scan->vgs, vg_info_list, list) {
			if (read_vg_view(cmd, vi))
				add_vg_lvs(cmd, r, vi->vg, NULL, &found);
			else
				status = EXIT_FAILED;
		}
	}
	for (i = 0; i < cmd->argc; i++) {
		const char *arg = cmd->argv[i], *slash;
		int found = 0;

		if (!strncmp(arg, "/dev/", 5))
			arg += 5;
		slash = strchr(arg, '/');
		vi = find_vg_arg(cmd, arg);
		if (!vi || !read_vg_view(cmd, vi)) {
			status = EXIT_FAILED;
			continue;
		}
		add_vg_lvs(cmd, r, vi->vg, slash ? slash + 1 : NULL, &found);
		if (slash && !found) {
			log_error("Failed to find logical volume \"%s\"", arg);
			status = EXIT_FAILED;
		}
	}
	if (report_output(r))
		status = EXIT_FAILED;
	report_destroy(r);
	return status;
}

/* ---- lvm fullreport: per VG, its vg, pv, lv, pvseg and seg reports ---- */

static const enum report_type full_order[] = { RPT_VG, RPT_PV, RPT_LV, RPT_PVSEG, RPT_SEG };

static const char *const full_names[] = {
	[RPT_VG] = "vg", [RPT_PV] = "pv", [RPT_LV] = "lv", [RPT_PVSEG] = "pvseg", [RPT_SEG] = "seg",
};

static const char *const full_fields[] = {
	[RPT_VG] = "vg_all", [RPT_PV] = "pv_all", [RPT_LV] = "lv_all",
	[RPT_PVSEG] = "pvseg_start,pvseg_size,pv_uuid,lv_uuid", [RPT_SEG] = "seg_all,lv_uuid",
};

/* LVM2 orders segment rows here by the UUIDs their rows show. */
static const char *const full_sort[] = {
	[RPT_VG] = "vg_name", [RPT_PV] = "pv_name", [RPT_LV] = "vg_name,lv_name",
	[RPT_PVSEG] = "pv_uuid,pvseg_start", [RPT_SEG] = "lv_uuid,seg_start",
};

/* -o, -O and -S of one sub-report. */
struct full_spec {
	const char **fields, **sort;	/* NULL-terminated */
	const char *select;
};

/*
 * Whether the option value at place `at` follows "--configreport name"
 * with no other --configreport in between.  Values before the first
 * --configreport are for the log report, which is off.
 */
static int in_config(const struct cmd_context *cmd, unsigned at, const char *name)
{
	const char *in = config_at(cmd, at);

	return in && !strcmp(in, name);
}

/* The values of option id given for sub-report name, NULL-terminated. */
static const char **config_values(struct cmd_context *cmd, enum option_id id, const char *name,
				  size_t *n)
{
	const struct arg_value *av = &cmd->args[id];
	const char **v = POOL_ARRAY(cmd->mem, const char *, av->nvalues + 2);
	unsigned i;

	*n = 0;
	for (i = 0; i < av->nvalues; i++)
		if (in_config(cmd, av->order[i], name))
			v[(*n)++] = av->values[i];
	return v;
}

static void full_spec_get(struct cmd_context *cmd, enum report_type t, struct full_spec *spec)
{
	size_t n, i;
	const char **user = config_values(cmd, OPT_OPTIONS, full_names[t], &n);
	int replaces = 0;

	for (i = 0; i < n; i++)
		if (user[i][0] != '+' && user[i][0] != '-')
			replaces = 1;
	if (!replaces) {	/* "-o+f" adds to this report's own columns */
		memmove(user + 1, user, n * sizeof(*user));
		user[0] = full_fields[t];
	}
	spec->fields = user;
	spec->sort = config_values(cmd, OPT_SORT, full_names[t], &n);
	if (!n)
		spec->sort[0] = full_sort[t];
	user = config_values(cmd, OPT_SELECT, full_names[t], &n);
	spec->select = n ? user[n - 1] : NULL;
}

static struct report *full_subreport(struct cmd_context *cmd, enum report_type type,
				     const struct full_spec *spec, enum report_format fmt, FILE *out)
{
	struct report_opts o;

	memset(&o, 0, sizeof(o));
	o.type = type;
	o.fields = spec->fields;
	o.sort = spec->sort;
	o.select = spec->select;
	o.units = arg_str(cmd, OPT_UNITS, cmd_config_str(cmd, "global/units", NULL));
	o.no_headings = arg_is_set(cmd, OPT_NOHEADINGS);
	o.no_suffix = arg_is_set(cmd, OPT_NOSUFFIX);
	o.aligned = arg_is_set(cmd, OPT_ALIGNED);
	o.name_prefixes = arg_is_set(cmd, OPT_NAMEPREFIXES);
	o.unquoted = arg_is_set(cmd, OPT_UNQUOTED);
	o.rows = arg_is_set(cmd, OPT_ROWS);
	o.binary = arg_is_set(cmd, OPT_BINARY);
	o.separator = arg_str(cmd, OPT_SEPARATOR, NULL);
	o.format = fmt;
	o.state_unknown = 1;
	o.out = out;
	return report_create(&o);
}

/* What one block of the full report covers: a VG, or the orphan PVs. */
struct full_set {
	const struct volume_group *vg;
	struct physical_volume **orphans;
	size_t norphans;
};

static void full_add(struct report *r, enum report_type type, const struct full_set *set)
{
	const struct physical_volume *pv;
	size_t i;

	if (!set->vg) {
		for (i = 0; i < set->norphans; i++)
			report_add_pv(r, set->orphans[i]);
		return;
	}
	if (type == RPT_VG)
		report_add_vg(r, set->vg);
	if (type == RPT_PV || type == RPT_PVSEG)
		TAILQ_FOREACH(pv, &set->vg->pvs, list)
			report_add_pv(r, pv);
	if (type == RPT_LV || type == RPT_SEG)
		report_add_vg_lvs(r, set->vg, 0);
}

/*
 * The "name": [ ... ] part of a one-report JSON document: what lies
 * between its three opening and three closing lines.
 */
static void json_section(struct strbuf *sb, const char *doc)
{
	const char *start = doc, *end = doc + strlen(doc);
	int i;

	for (i = 0; i < 3 && start; i++)
		start = strchr(start, '\n') ? strchr(start, '\n') + 1 : NULL;
	for (i = 0; i < 3 && end > doc; i++)
		while (--end > doc && end[-1] != '\n')
			;
	if (start && end > start)
		strbuf_add(sb, start, (size_t)(end - start));
}

/* The orphan block has only the PV and PV segment reports. */
static int full_report_set(struct cmd_context *cmd, const struct full_set *set,
			   const struct full_spec *specs, enum report_format fmt,
			   struct strbuf *json)
{
	size_t t;
	int status = 0, sections = 0;

	for (t = 0; t < sizeof(full_order) / sizeof(full_order[0]); t++) {
		enum report_type type = full_order[t];
		char *buf = NULL;
		size_t size = 0;
		FILE *out;
		struct report *r;

		if (!set->vg && type != RPT_PV && type != RPT_PVSEG)
			continue;
		out = fmt == RPT_FMT_BASIC ? stdout : open_memstream(&buf, &size);
		r = full_subreport(cmd, type, &specs[type], fmt, out);
		if (!r) {
			if (out != stdout)
				fclose(out);
			free(buf);
			return -1;
		}
		full_add(r, type, set);
		if (report_output(r))
			status = -1;
		report_destroy(r);
		if (out == stdout)
			continue;
		fclose(out);
		if (sections++)
			strbuf_addstr(json, "              ,\n");
		json_section(json, buf);
		free(buf);
	}
	return status;
}

static int full_block(struct cmd_context *cmd, const struct full_set *set,
		      const struct full_spec *specs, enum report_format fmt,
		      struct strbuf *json, int first)
{
	int ret;

	if (fmt != RPT_FMT_BASIC)
		strbuf_addstr(json, first ? "          {\n" : "          ,\n          {\n");
	ret = full_report_set(cmd, set, specs, fmt, json);
	if (fmt != RPT_FMT_BASIC)
		strbuf_addstr(json, "          }\n");
	return ret;
}

/* --configreport names a report; its -o, -O and -S must suit it. */
static int full_specs_get(struct cmd_context *cmd, struct full_spec *specs)
{
	size_t t;

	if (configreport_check(cmd))
		return EXIT_BAD_CMDLINE;
	for (t = 0; t < sizeof(full_order) / sizeof(full_order[0]); t++) {
		struct report *r;

		full_spec_get(cmd, full_order[t], &specs[full_order[t]]);
		r = full_subreport(cmd, full_order[t], &specs[full_order[t]], RPT_FMT_BASIC, NULL);
		if (!r)
			return EXIT_FAILED;
		report_destroy(r);
	}
	return EXIT_OK;
}

/* Orphan PVs, only when no VG is named. */
static struct physical_volume **full_orphans(struct cmd_context *cmd, size_t *n)
{
	struct physical_volume **v;
	struct pv_info *info;

	*n = 0;
	TAILQ_FOREACH(info, &cmd->scan->pvs, list)
		(*n)++;
	v = POOL_ARRAY(cmd->mem, struct physical_volume *, *n + 1);
	*n = 0;
	if (cmd->argc)
		return v;
	TAILQ_FOREACH(info, &cmd->scan->pvs, list)
		if (!info->vg)
			v[(*n)++] = orphan_pv(cmd, info);
	return v;
}

static int full_vg(struct cmd_context *cmd, struct vg_info *vi, const struct full_spec *specs,
		   enum report_format fmt, struct strbuf *json, size_t *n)
{
	struct full_set set = { 0 };

	if (!read_vg_view(cmd, vi))
		return -1;
	set.vg = vi->vg;
	return full_block(cmd, &set, specs, fmt, json, !(*n)++);
}

int cmd_fullreport(struct cmd_context *cmd)
{
	struct full_spec specs[RPT_SEG + 1];
	struct strbuf json = STRBUF_INIT;
	struct full_set set = { 0 };
	struct vg_info *vi;
	enum report_format fmt;
	size_t n = 0;
	int i, ret, status = EXIT_OK;

	if (report_format(cmd, &fmt))
		return EXIT_FAILED;
	if ((ret = full_specs_get(cmd, specs)) != EXIT_OK)
		return ret;
	if (cmd_lock_global(cmd, 0) || !cmd_scan(cmd))
		return EXIT_FAILED;
	if (fmt != RPT_FMT_BASIC)
		strbuf_addstr(&json, "  {\n      \"report\": [\n");
	/* LVM2 goes through named VGs in turn, else in reverse order of discovery. */
	for (i = 0; i < cmd->argc; i++) {
		vi = find_vg_arg(cmd, cmd->argv[i]);
		if (!vi || full_vg(cmd, vi, specs, fmt, &json, &n))
			status = EXIT_FAILED;
	}
	if (!cmd->argc)
		TAILQ_FOREACH_REVERSE(vi, &cmd->scan->vgs, vg_info_list, list)
			if (full_vg(cmd, vi, specs, fmt, &json, &n))
				status = EXIT_FAILED;
	set.orphans = full_orphans(cmd, &set.norphans);
	if (set.norphans && full_block(cmd, &set, specs, fmt, &json, !n++))
		status = EXIT_FAILED;
	if (fmt != RPT_FMT_BASIC) {
		strbuf_addstr(&json, "      ]\n  }\n");
		fputs(json.buf, stdout);
	}
	strbuf_release(&json);
	return status;
}
