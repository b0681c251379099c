/* pvs, vgs, lvs: feed the report engine with what scanning found. */
#include <stdlib.h>
#include <string.h>

#include "cmd/activation.h"
#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "device/device.h"
#include "format/ondisk.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"
#include "misc/units.h"
#include "report/report.h"
#include "report/select.h"

static const char *const *arg_list(const struct cmd_context *cmd, enum option_id id)
{
	const struct arg_value *av = &cmd->args[id];
	const char **v;

	if (!av->nvalues)
		return NULL;
	v = POOL_ARRAY(cmd->mem, const char *, av->nvalues + 1);
	memcpy(v, av->values, av->nvalues * sizeof(*v));
	return v;
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

static struct report *make_report(struct cmd_context *cmd, enum report_type type)
{
	struct report_opts o;

	memset(&o, 0, sizeof(o));
	o.type = type;
	o.fields = arg_list(cmd, OPT_OPTIONS);
	o.sort = arg_list(cmd, OPT_SORT);
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
	o.select = arg_str(cmd, OPT_SELECT, NULL);
	if (o.select && (!strcmp(o.select, "help") || !strcmp(o.select, "?"))) {
		report_help(type, stdout);
		select_help(stdout);
		return NULL;
	}
	if (o.fields && !strcmp(o.fields[0], "help")) {
		report_help(type, stdout);
		return NULL;
	}
	return report_create(&o);
}

/* make_report returned NULL because it printed -o help / -S help. */
static int help_shown(const struct cmd_context *cmd)
{
	const char *o = arg_str(cmd, OPT_OPTIONS, ""), *sel = arg_str(cmd, OPT_SELECT, "");

	return !strcmp(o, "help") || !strcmp(sel, "help") || !strcmp(sel, "?");
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

int cmd_pvs(struct cmd_context *cmd)
{
	struct report *r;
	struct lvm_scan *scan;
	struct pv_info *info;
	char *seen;
	int i, status = EXIT_OK;

	r = make_report(cmd, arg_is_set(cmd, OPT_SEGMENTS) ? RPT_PVSEG : RPT_PV);
	if (!r)
		return help_shown(cmd) ? EXIT_OK : EXIT_FAILED;
	if (cmd_lock_global(cmd, 0) || !(scan = cmd_scan(cmd))) {
		report_destroy(r);
		return EXIT_FAILED;
	}
	seen = pool_alloc(cmd->mem, (size_t)cmd->argc + 1);
	/* Canonical names for the arguments, so ./a.img matches /abs/a.img. */
	for (i = 0; i < cmd->argc; i++) {
		struct device *dev = dev_cache_get(cmd->dc, cmd->argv[i], NULL);

		if (dev) {
			cmd->argv[i] = (char *)dev->path;
			scan_device(scan, dev);
		}
	}
	scan_resolve_members(scan);
	TAILQ_FOREACH(info, &scan->pvs, list) {
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

	if (!vi && !ambiguous)
		log_error("Volume group \"%s\" not found", cmd_vg_name_arg(cmd, arg));
	return vi;
}

/*
 * vgs with LV or segment fields has a row per LV or segment: the hidden
 * LVs too with -a.  PV rows and plain VG rows come from report_add_vg.
 */
static void add_vg_rows(struct cmd_context *cmd, struct report *r, const struct volume_group *vg)
{
	enum report_type t = report_get_type(r);
	const struct logical_volume *lv;

	if (t != RPT_LV && t != RPT_SEG) {
		report_add_vg(r, vg);
		return;
	}
	TAILQ_FOREACH(lv, &vg->lvs, list)
		if (report_lv_listed(r, lv, arg_is_set(cmd, OPT_ALL)))
			report_add_lv(r, lv);
}

int cmd_vgs(struct cmd_context *cmd)
{
	struct report *r = make_report(cmd, RPT_VG);
	struct vg_info *vi;
	int i, status = EXIT_OK;

	if (!r)
		return help_shown(cmd) ? EXIT_OK : EXIT_FAILED;
	if (cmd_lock_global(cmd, 0) || !cmd_scan(cmd)) {
		report_destroy(r);
		return EXIT_FAILED;
	}
	if (!cmd->argc) {
		TAILQ_FOREACH(vi, &cmd->scan->vgs, list)
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
	int all = arg_is_set(cmd, OPT_ALL);

	TAILQ_FOREACH(lv, &vg->lvs, list) {
		if (only_lv && strcmp(lv->name, only_lv))
			continue;
		if (!only_lv && !report_lv_listed(r, lv, all))
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
		return help_shown(cmd) ? EXIT_OK : EXIT_FAILED;
	if (cmd_lock_global(cmd, 0) || !cmd_scan(cmd)) {
		report_destroy(r);
		return EXIT_FAILED;
	}
	if (!cmd->argc) {
		int found = 0;

		TAILQ_FOREACH(vi, &cmd->scan->vgs, list) {
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

static const char *const full_fields[] = {
	[RPT_VG] = "vg_all", [RPT_PV] = "pv_all", [RPT_LV] = "lv_all",
	[RPT_PVSEG] = "pvseg_start,pvseg_size,pv_uuid,lv_uuid", [RPT_SEG] = "seg_all,lv_uuid",
};

static struct report *full_subreport(struct cmd_context *cmd, enum report_type type,
				     enum report_format fmt, FILE *out)
{
	const char **fields = POOL_ARRAY(cmd->mem, const char *, 2);
	struct report_opts o;

	memset(&o, 0, sizeof(o));
	fields[0] = full_fields[type];
	o.type = type;
	o.fields = fields;
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

static void full_add(struct report *r, enum report_type type, const struct volume_group *vg)
{
	const struct physical_volume *pv;
	const struct logical_volume *lv;

	if (type == RPT_VG)
		report_add_vg(r, vg);
	if (type == RPT_PV || type == RPT_PVSEG)
		TAILQ_FOREACH(pv, &vg->pvs, list)
			report_add_pv(r, pv);
	if (type == RPT_LV || type == RPT_SEG)
		TAILQ_FOREACH(lv, &vg->lvs, list)
			if (report_lv_listed(r, lv, 0))
				report_add_lv(r, lv);
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

static int full_report_vg(struct cmd_context *cmd, const struct volume_group *vg,
			  enum report_format fmt, struct strbuf *json)
{
	size_t t;
	int status = 0;

	for (t = 0; t < sizeof(full_order) / sizeof(full_order[0]); t++) {
		char *buf = NULL;
		size_t size = 0;
		FILE *out = fmt == RPT_FMT_BASIC ? stdout : open_memstream(&buf, &size);
		struct report *r = full_subreport(cmd, full_order[t], fmt, out);

		if (!r) {
			if (out != stdout)
				fclose(out);
			free(buf);
			return -1;
		}
		full_add(r, full_order[t], vg);
		if (report_output(r))
			status = -1;
		report_destroy(r);
		if (out == stdout)
			continue;
		fclose(out);
		if (t)
			strbuf_addstr(json, "              ,\n");
		json_section(json, buf);
		free(buf);
	}
	return status;
}

static int vg_uuid_cmp(const void *a, const void *b)
{
	const struct volume_group *const *x = a, *const *y = b;

	return strcmp((*x)->id.uuid, (*y)->id.uuid);
}

int cmd_fullreport(struct cmd_context *cmd)
{
	struct strbuf json = STRBUF_INIT;
	struct vg_info *vi;
	struct volume_group **vgs;
	enum report_format fmt;
	size_t n = 0, i;
	int status = EXIT_OK;

	if (report_format(cmd, &fmt))
		return EXIT_FAILED;
	if (cmd_lock_global(cmd, 0) || !cmd_scan(cmd))
		return EXIT_FAILED;
	TAILQ_FOREACH(vi, &cmd->scan->vgs, list)
		n++;
	vgs = POOL_ARRAY(cmd->mem, struct volume_group *, n + 1);
	n = 0;
	TAILQ_FOREACH(vi, &cmd->scan->vgs, list) {
		if (cmd->argc) {
			for (i = 0; i < (size_t)cmd->argc; i++)
				if (!strcmp(cmd_vg_name_arg(cmd, cmd->argv[i]), vi->name))
					break;
			if (i == (size_t)cmd->argc)
				continue;
		}
		if (read_vg_view(cmd, vi))
			vgs[n++] = vi->vg;
		else
			status = EXIT_FAILED;
	}
	for (i = 0; i < (size_t)cmd->argc; i++) {
		size_t j;

		for (j = 0; j < n && strcmp(vgs[j]->name, cmd_vg_name_arg(cmd, cmd->argv[i])); j++)
			;
		if (j == n && !find_vg_arg(cmd, cmd->argv[i]))
			status = EXIT_FAILED;
	}
	/* LVM2 goes through the VGs in VG UUID order here. */
	qsort(vgs, n, sizeof(*vgs), vg_uuid_cmp);
	if (fmt != RPT_FMT_BASIC)
		strbuf_addstr(&json, "  {\n      \"report\": [\n");
	for (i = 0; i < n; i++) {
		if (fmt != RPT_FMT_BASIC)
			strbuf_addstr(&json, i ? "          ,\n          {\n" : "          {\n");
		if (full_report_vg(cmd, vgs[i], fmt, &json))
			status = EXIT_FAILED;
		if (fmt != RPT_FMT_BASIC)
			strbuf_addstr(&json, "          }\n");
	}
	if (fmt != RPT_FMT_BASIC) {
		strbuf_addstr(&json, "      ]\n  }\n");
		fputs(json.buf, stdout);
	}
	strbuf_release(&json);
	return status;
}
