/*
 * Every command-line option openlvm knows, in one table.  The parser, the
 * --help output and the shell's completion all read this table, so they
 * cannot disagree.
 */
#ifndef OPENLVM_OPTIONS_H
#define OPENLVM_OPTIONS_H

#include <stdint.h>

enum arg_kind {
	ARG_NONE,	/* flag; may repeat (-v -v) */
	ARG_STR,
	ARG_NUM,	/* unsigned decimal */
	ARG_SIZE,	/* size with unit, default MiB */
	ARG_SSIZE,	/* size with optional +/- */
	ARG_YN,		/* y|n */
};

/*      id               short  long                     kind      value name     help */
#define OPTION_TABLE(X) \
	X(OPT_HELP,        'h', "help",                 ARG_NONE, NULL,          "Display help text.") \
	X(OPT_VERSION,      0,  "version",              ARG_NONE, NULL,          "Display version information.") \
	X(OPT_VERBOSE,     'v', "verbose",              ARG_NONE, NULL,          "Set verbose level; repeat for more.") \
	X(OPT_QUIET,       'q', "quiet",                ARG_NONE, NULL,          "Suppress output and log messages.") \
	X(OPT_DEBUG,       'd', "debug",                ARG_NONE, NULL,          "Set debug level; repeat for more.") \
	X(OPT_TEST,        't', "test",                 ARG_NONE, NULL,          "Run in test mode: change nothing on disk.") \
	X(OPT_YES,         'y', "yes",                  ARG_NONE, NULL,          "Answer yes to all prompts.") \
	X(OPT_FORCE,       'f', "force",                ARG_NONE, NULL,          "Override checks; repeat (-ff) to force harder.") \
	X(OPT_CONFIG,       0,  "config",               ARG_STR,  "String",      "Config settings that override lvm.conf.") \
	X(OPT_COMMANDPROFILE, 0, "commandprofile",      ARG_STR,  "String",      "Command profile to use.") \
	X(OPT_PROFILE,      0,  "profile",              ARG_STR,  "String",      "Profile to use.") \
	X(OPT_METADATAPROFILE, 0, "metadataprofile",    ARG_STR,  "String",      "Metadata profile to record in the VG or LV.") \
	X(OPT_DETACHPROFILE, 0, "detachprofile",        ARG_NONE, NULL,          "Remove the metadata profile of the VG or LV.") \
	X(OPT_DRIVERLOADED, 0,  "driverloaded",         ARG_YN,   "y|n",         "Whether the device-mapper driver may be used.") \
	X(OPT_NOLOCKING,    0,  "nolocking",            ARG_NONE, NULL,          "Do not take any locks.") \
	X(OPT_READONLY,     0,  "readonly",             ARG_NONE, NULL,          "Read metadata only; take no write locks.") \
	X(OPT_DEVICES,      0,  "devices",              ARG_STR,  "PV",          "Restrict the command to these devices (repeat or comma-separate).") \
	X(OPT_DEVICESFILE,  0,  "devicesfile",          ARG_STR,  "String",      "Not supported; accepted only as \"\".") \
	X(OPT_REPORTFORMAT, 0,  "reportformat",         ARG_STR,  "basic|json|json_std", "Report output format.") \
	X(OPT_LOCKOPT,      0,  "lockopt",              ARG_STR,  "String",      "Ignored (lvmlockd options).") \
	/* pvcreate and friends */ \
	X(OPT_UUID,        'u', "uuid",                 ARG_STR,  "String",      "UUID for the new PV.") \
	X(OPT_NEWUUID,     'u', "uuid",                 ARG_NONE, NULL,          "Generate a new random UUID.") \
	X(OPT_RESTOREFILE,  0,  "restorefile",          ARG_STR,  "String",      "Metadata backup file to take the PV layout from.") \
	X(OPT_NORESTOREFILE, 0, "norestorefile",        ARG_NONE, NULL,          "Allow --uuid without --restorefile.") \
	X(OPT_METADATASIZE, 0,  "metadatasize",         ARG_SIZE, "Size[m|UNIT]", "Size of each metadata area.") \
	X(OPT_PVMETADATACOPIES, 0, "pvmetadatacopies",  ARG_NUM,  "0|1|2",       "Number of metadata areas on the PV.") \
	X(OPT_METADATACOPIES, 0, "metadatacopies",      ARG_STR,  "all|unmanaged|Number", "Alias of pvmetadatacopies (pv) or vgmetadatacopies (vg).") \
	X(OPT_METADATAIGNORE, 0, "metadataignore",      ARG_YN,   "y|n",         "Ignore the PV's metadata areas.") \
	X(OPT_METADATATYPE, 'M', "metadatatype",        ARG_STR,  "lvm2",        "Metadata format; only lvm2.") \
	X(OPT_DATAALIGNMENT, 0, "dataalignment",        ARG_SIZE, "Size[k|UNIT]", "Align the start of the data area to a multiple of this.") \
	X(OPT_DATAALIGNMENTOFFSET, 0, "dataalignmentoffset", ARG_SIZE, "Size[k|UNIT]", "Shift the start of the data area by this.") \
	X(OPT_SETPHYSICALVOLUMESIZE, 0, "setphysicalvolumesize", ARG_SIZE, "Size[m|UNIT]", "Override the device size.") \
	X(OPT_LABELSECTOR,  0,  "labelsector",          ARG_NUM,  "Number",      "Sector (0-3) to write the label in.") \
	X(OPT_BOOTLOADERAREASIZE, 0, "bootloaderareasize", ARG_SIZE, "Size[m|UNIT]", "Reserve space for a bootloader.") \
	X(OPT_ZERO,        'Z', "zero",                 ARG_YN,   "y|n",         "Zero the first sectors / the first 4 KiB of a new LV.") \
	X(OPT_ALLOCATABLE, 'x', "allocatable",          ARG_YN,   "y|n",         "Allow or forbid allocation of extents.") \
	X(OPT_ADDTAG,       0,  "addtag",               ARG_STR,  "Tag",         "Add a tag (repeatable).") \
	X(OPT_DELTAG,       0,  "deltag",               ARG_STR,  "Tag",         "Delete a tag (repeatable).") \
	X(OPT_ALL,         'a', "all",                  ARG_NONE, NULL,          "Apply to all objects, including unused devices / hidden LVs.") \
	X(OPT_DUMP,         0,  "dump",                 ARG_STR,  "headers|metadata|metadata_all|metadata_search", "Dump on-disk structures.") \
	X(OPT_FILE,        'f', "file",                 ARG_STR,  "String",      "File name.") \
	X(OPT_LIST,        'l', "list",                 ARG_NONE, NULL,          "List backup and archive files.") \
	X(OPT_SHORT,       's', "short",                ARG_NONE, NULL,          "Short listing format.") \
	X(OPT_COLON,       'c', "colon",                ARG_NONE, NULL,          "Colon-separated output.") \
	X(OPT_MAPS,        'm', "maps",                 ARG_NONE, NULL,          "Show the mapping of extents.") \
	X(OPT_CACHE,        0,  "cache",                ARG_NONE, NULL,          "Scan and update caches (no-op: openlvm keeps no cache).") \
	X(OPT_MKNODES,      0,  "mknodes",              ARG_NONE, NULL,          "Not implemented: use vgmknodes.") \
	X(OPT_EXPORTED,    'e', "exported",             ARG_NONE, NULL,          "Show only exported volume groups / PVs.") \
	X(OPT_NOVOLUMEGROUP, 'n', "novolumegroup",      ARG_NONE, NULL,          "Show only PVs not in a volume group.") \
	X(OPT_UPDATEMETADATA, 0, "updatemetadata",      ARG_NONE, NULL,          "Rewrite stale or damaged metadata areas.") \
	X(OPT_REPAIR,       0,  "repair",               ARG_NONE, NULL,          "Repair headers and metadata.") \
	X(OPT_SETTINGS,     0,  "settings",             ARG_STR,  "String",      "pvck: key=value settings for dump and repair.") \
	/* vgcreate and friends */ \
	X(OPT_PHYSICALEXTENTSIZE, 's', "physicalextentsize", ARG_SIZE, "Size[m|UNIT]", "Size of each physical extent.") \
	X(OPT_MAXPV,       'p', "maxphysicalvolumes",   ARG_NUM,  "Number",      "Maximum number of PVs (0 = unlimited).") \
	X(OPT_MAXLV,       'l', "maxlogicalvolumes",    ARG_NUM,  "Number",      "Maximum number of LVs (0 = unlimited).") \
	X(OPT_ALLOC,        0,  "alloc",                ARG_STR,  "contiguous|cling|cling_by_tags|normal|anywhere|inherit", "Allocation policy.") \
	X(OPT_VGMETADATACOPIES, 0, "vgmetadatacopies",  ARG_STR,  "all|unmanaged|Number", "Number of metadata copies the VG keeps.") \
	X(OPT_CLUSTERED,   'c', "clustered",            ARG_YN,   "y|n",         "Not supported.") \
	X(OPT_SHARED,       0,  "shared",               ARG_NONE, NULL,          "Not supported (lvmlockd).") \
	X(OPT_SYSTEMID,     0,  "systemid",             ARG_STR,  "String",      "Not supported.") \
	X(OPT_SETAUTOACTIVATION, 0, "setautoactivation", ARG_YN,  "y|n",         "Set autoactivation.") \
	X(OPT_REMOVEMISSING, 0, "removemissing",        ARG_NONE, NULL,          "Remove missing PVs from the VG.") \
	X(OPT_RESTOREMISSING, 0, "restoremissing",      ARG_NONE, NULL,          "Add back a PV that was missing.") \
	X(OPT_MIRRORSONLY,  0,  "mirrorsonly",          ARG_NONE, NULL,          "Not supported.") \
	X(OPT_RESIZEABLE,  'x', "resizeable",           ARG_YN,   "y|n",         "Allow or forbid adding and removing PVs.") \
	X(OPT_ACTIVATE,    'a', "activate",             ARG_STR,  "y|n|ay|ey|ly", "Change the activation state (needs device-mapper).") \
	X(OPT_IGNORELOCKINGFAILURE, 0, "ignorelockingfailure", ARG_NONE, NULL,  "Continue read-only commands when locking fails.") \
	X(OPT_IGNORESKIPPEDCLUSTER, 0, "ignoreskippedcluster", ARG_NONE, NULL,  "Accepted for compatibility.") \
	X(OPT_FOREIGN,      0,  "foreign",              ARG_NONE, NULL,          "Accepted for compatibility.") \
	X(OPT_SHOWFORMAT,   0,  "showformat",           ARG_NONE, NULL,          "Accepted for compatibility.") \
	/* reports */ \
	X(OPT_OPTIONS,     'o', "options",              ARG_STR,  "String",      "Comma-separated fields to display (+ to add, - to remove).") \
	X(OPT_SORT,        'O', "sort",                 ARG_STR,  "String",      "Comma-separated sort keys (- prefix for descending).") \
	X(OPT_SELECT,      'S', "select",               ARG_STR,  "String",      "Select objects for processing and reporting.") \
	X(OPT_UNITS,        0,  "units",                ARG_STR,  "r|R|h|H|b|B|s|S|k|K|m|M|g|G|t|T|p|P|e|E", "Units for sizes.") \
	X(OPT_NOHEADINGS,   0,  "noheadings",           ARG_NONE, NULL,          "Suppress the heading line.") \
	X(OPT_NOSUFFIX,     0,  "nosuffix",             ARG_NONE, NULL,          "Suppress the unit suffix on sizes.") \
	X(OPT_SEPARATOR,    0,  "separator",            ARG_STR,  "String",      "Separator between columns.") \
	X(OPT_ALIGNED,      0,  "aligned",              ARG_NONE, NULL,          "Align columns when a separator is used.") \
	X(OPT_UNBUFFERED,   0,  "unbuffered",           ARG_NONE, NULL,          "Print rows as they are produced.") \
	X(OPT_NAMEPREFIXES, 0,  "nameprefixes",         ARG_NONE, NULL,          "Prefix values with LVM2_FIELD=.") \
	X(OPT_UNQUOTED,     0,  "unquoted",             ARG_NONE, NULL,          "Do not quote values with --nameprefixes.") \
	X(OPT_CONFIGREPORT, 0,  "configreport",         ARG_STR,  "vg|pv|lv|pvseg|seg|log", "Report the next -o, -O, -S apply to.") \
	X(OPT_ROWS,         0,  "rows",                 ARG_NONE, NULL,          "Output columns as rows.") \
	X(OPT_BINARY,       0,  "binary",               ARG_NONE, NULL,          "Use 0/1 for binary values.") \
	X(OPT_SEGMENTS,     0,  "segments",             ARG_NONE, NULL,          "Report segments.") \
	X(OPT_IGNOREMONITORING, 0, "ignoremonitoring",  ARG_NONE, NULL,          "Accepted for compatibility.") \
	/* lvcreate and friends */ \
	X(OPT_SIZE,        'L', "size",                 ARG_SSIZE, "Size[m|UNIT]", "Size of the LV.") \
	X(OPT_EXTENTS,     'l', "extents",              ARG_STR,  "Number[PERCENT]", "Size in extents, or a percentage (%VG, %FREE, %PVS, %ORIGIN).") \
	X(OPT_NAME,        'n', "name",                 ARG_STR,  "String",      "Name of the new LV.") \
	X(OPT_STRIPES,     'i', "stripes",              ARG_NUM,  "Number",      "Number of stripes.") \
	X(OPT_STRIPESIZE,  'I', "stripesize",           ARG_SIZE, "Size[k|UNIT]", "Size of each stripe chunk.") \
	X(OPT_CONTIGUOUS,  'C', "contiguous",           ARG_YN,   "y|n",         "Allocate contiguously.") \
	X(OPT_PERMISSION,  'p', "permission",           ARG_STR,  "rw|r",        "Access permission.") \
	X(OPT_READAHEAD,   'r', "readahead",            ARG_STR,  "auto|none|Number", "Read-ahead in sectors.") \
	X(OPT_WIPESIGNATURES, 'W', "wipesignatures",    ARG_YN,   "y|n",         "Wipe signatures on a new LV.") \
	X(OPT_TYPE,         0,  "type",                 ARG_STR,  "linear|striped|zero|error", "Segment type.") \
	X(OPT_SETACTIVATIONSKIP, 'k', "setactivationskip", ARG_YN,  "y|n",         "Skip the LV in normal activation.") \
	X(OPT_IGNOREACTIVATIONSKIP, 'K', "ignoreactivationskip", ARG_NONE, NULL, "Ignore the activation-skip flag.") \
	X(OPT_RESIZEFS,    'r', "resizefs",             ARG_NONE, NULL,          "Resize the file system with the LV.") \
	X(OPT_NOFSCK,      'n', "nofsck",               ARG_NONE, NULL,          "Do not check the file system before resizing.") \
	X(OPT_MONITOR,      0,  "monitor",              ARG_YN,   "y|n",         "Accepted for compatibility.") \
	X(OPT_NOUDEVSYNC,   0,  "noudevsync",           ARG_NONE, NULL,          "Do not synchronise with udev.") \
	X(OPT_MAJOR,        0,  "major",                ARG_NUM,  "Number",      "Persistent major number.") \
	X(OPT_MINOR,        0,  "minor",                ARG_NUM,  "Number",      "Persistent minor number.") \
	X(OPT_PERSISTENT,  'M', "persistent",           ARG_YN,   "y|n",         "Use a persistent minor number.") \
	/* lvmconfig */ \
	X(OPT_CONFIGTYPE,   0,  "type",                 ARG_STR,  "current|default|diff|full|list|missing", "Which settings to show.") \
	X(OPT_TYPECONFIG,   0,  "typeconfig",           ARG_STR,  "current|default|diff|full|list|missing", "Same as --type.") \
	X(OPT_WITHCOMMENTS, 0,  "withcomments",         ARG_NONE, NULL,          "Describe each setting in a comment.") \
	X(OPT_VALIDATE,     0,  "validate",             ARG_NONE, NULL,          "Check the configuration and report whether it is valid.") \
	X(OPT_MERGEDCONFIG, 0,  "mergedconfig",         ARG_NONE, NULL,          "Show the configuration with profiles merged in.")

enum option_id {
#define X(id, s, l, k, v, h) id,
	OPTION_TABLE(X)
#undef X
	OPT_COUNT
};

struct option_def {
	enum option_id id;
	int short_opt;
	const char *long_opt;
	enum arg_kind kind;
	const char *value_name;
	const char *help;
};

extern const struct option_def option_defs[OPT_COUNT];

#endif
