/*
 * The pvs / vgs / lvs report engine.
 *
 * A report is created from the command-line options (-o, -O, --units,
 * --separator, --reportformat, ...), fed objects one by one, then sorted
 * and printed in LVM2's exact layouts: aligned columns with two leading
 * spaces, separated values, name=value pairs, rows, or JSON.
 *
 * Every cell is formatted when its object is added, so the objects only
 * need to live until the report_add_* call returns.
 */
#ifndef OPENLVM_REPORT_H
#define OPENLVM_REPORT_H

#include <stdint.h>
#include <stdio.h>

struct physical_volume;
struct volume_group;
struct logical_volume;

enum report_type {
	RPT_PV,		/* pvs */
	RPT_PVSEG,	/* pvs --segments: one row per used or free run */
	RPT_VG,		/* vgs */
	RPT_LV,		/* lvs */
	RPT_SEG,	/* lvs --segments: one row per LV segment */
};

enum report_format { RPT_FMT_BASIC, RPT_FMT_JSON, RPT_FMT_JSON_STD };

/* What device-mapper says about an LV. */
struct lv_state_info {
	int unknown;		/* not queried: attr shows 'X', fields "unknown" */
	int active, open, suspended;
	int kernel_major, kernel_minor;	/* -1 when not active */
};

struct report_opts {
	enum report_type type;
	const char *const *fields;	/* -o arguments, NULL-terminated; NULL = default */
	const char *const *sort;	/* -O arguments, NULL-terminated; NULL = default */
	const char *units;		/* --units; NULL = "r" */
	int verbose;			/* -v: the longer default column set */
	int no_headings, no_suffix, aligned, unbuffered;
	int name_prefixes, unquoted, rows, binary;
	const char *separator;		/* NULL = aligned columns */
	enum report_format format;
	const char *select;		/* -S selection (lib/report/select.h); NULL = all */
	/*
	 * Activation state of an LV.  NULL: every LV is inactive, or, with
	 * state_unknown set, of unknown state (LVM2's --driverloaded n).
	 */
	int (*lv_state)(const struct logical_volume *lv, void *arg,
			struct lv_state_info *out);
	void *lv_state_arg;
	int state_unknown;
	FILE *out;			/* NULL = stdout */
};

/*
 * Validates fields, sort keys, selection and units.  NULL, after log_error
 * naming the bad field / sort key / unit, on error.  Fields of another
 * object in -o, -O or -S change the rows as in LVM2: a VG report gets a
 * row per LV, segment, PV or PV segment, a PV report per PV segment, an LV
 * report per segment (report_get_type).  With the field "selected" shown,
 * rows -S rejects are kept and show 0 there.
 */
struct report *report_create(const struct report_opts *o);

/* RPT_PV: one row; RPT_PVSEG: one row per used run and per free run. */
int report_add_pv(struct report *r, const struct physical_volume *pv);
int report_add_vg(struct report *r, const struct volume_group *vg);
/*
 * Whether -S selects vg: a row it would give in this VG report (one per
 * LV, PV or segment when the selection names their fields) passes.  For
 * commands that change the VGs they select; no row is kept.
 */
int report_vg_selected(struct report *r, const struct volume_group *vg);
/* RPT_LV: one row; RPT_SEG: one row per segment. */
int report_add_lv(struct report *r, const struct logical_volume *lv);
/*
 * Adds the LVs of vg that lvs lists (report_lv_listed) in LVM2's order:
 * thin pools first, then the others in metadata order.
 */
int report_add_vg_lvs(struct report *r, const struct volume_group *vg, int all);

/* Sorts and prints everything added.  0 or -1 (write error). */
int report_output(struct report *r);
void report_destroy(struct report *r);

/* The report type rows have after report_create (it may be upgraded). */
enum report_type report_get_type(const struct report *r);

/* Prints the field list for `-o help` of the given report type. */
void report_help(enum report_type type, FILE *out);

/*
 * Whether lvs lists the LV: visible LVs, plus with `all` the hidden
 * sub-LVs; a snapshot's internal LV is never listed (its COW LV is).
 */
int report_lv_listed(struct report *r, const struct logical_volume *lv, int all);

#endif
