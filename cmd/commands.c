/*
 * The command table: name, entry point, usage and accepted options.
 * Commands with a NULL entry point are LVM2 commands openlvm knows by name
 * but does not implement yet; they fail with a clear message.
 */
#include <string.h>

#include "cmd/command.h"
#include "cmd/commands.h"

#define OPTS(...) (const enum option_id[]){ __VA_ARGS__, OPT_COUNT }
#define NO_OPTS (const enum option_id[]){ OPT_COUNT }

#define REPORT_OPTS OPT_OPTIONS, OPT_SORT, OPT_SELECT, OPT_CONFIGREPORT, OPT_UNITS, OPT_NOHEADINGS, \
	OPT_NOSUFFIX, OPT_SEPARATOR, OPT_ALIGNED, OPT_UNBUFFERED, OPT_NAMEPREFIXES, \
	OPT_UNQUOTED, OPT_ROWS, OPT_BINARY, OPT_ALL, OPT_FOREIGN, OPT_IGNORELOCKINGFAILURE, \
	OPT_IGNORESKIPPEDCLUSTER

static const struct command_def commands[] = {
	{ "pvcreate", cmd_pvcreate, "Initialize physical volume(s) for use by LVM",
	  "  pvcreate PV ...\n"
	  "\t[ -f|--force ] [ -y|--yes ] [ -u|--uuid String ] [ --restorefile String ]\n"
	  "\t[ --norestorefile ] [ --metadatasize Size[m|UNIT] ] [ --pvmetadatacopies 0|1|2 ]\n"
	  "\t[ --metadataignore y|n ] [ --dataalignment Size[k|UNIT] ]\n"
	  "\t[ --dataalignmentoffset Size[k|UNIT] ] [ --setphysicalvolumesize Size[m|UNIT] ]\n"
	  "\t[ --labelsector Number ] [ --bootloaderareasize Size[m|UNIT] ] [ -Z|--zero y|n ]\n",
	  OPTS(OPT_UUID, OPT_RESTOREFILE, OPT_NORESTOREFILE, OPT_METADATASIZE,
	       OPT_PVMETADATACOPIES, OPT_METADATACOPIES, OPT_METADATAIGNORE, OPT_METADATATYPE,
	       OPT_DATAALIGNMENT, OPT_DATAALIGNMENTOFFSET, OPT_SETPHYSICALVOLUMESIZE,
	       OPT_LABELSECTOR, OPT_BOOTLOADERAREASIZE, OPT_ZERO), 1, -1 },
	{ "pvremove", cmd_pvremove, "Remove LVM label(s) from physical volume(s)",
	  "  pvremove PV ...\n\t[ -f|--force ] [ -y|--yes ]\n", NO_OPTS, 1, -1 },
	{ "pvchange", cmd_pvchange, "Change attributes of physical volume(s)",
	  "  pvchange -a|--all | PV ...\n"
	  "\t[ -x|--allocatable y|n ] [ --addtag Tag ] [ --deltag Tag ] [ -u|--uuid ]\n"
	  "\t[ --metadataignore y|n ]\n",
	  OPTS(OPT_ALL, OPT_ALLOCATABLE, OPT_ADDTAG, OPT_DELTAG, OPT_NEWUUID, OPT_METADATAIGNORE),
	  0, -1 },
	{ "pvresize", cmd_pvresize, "Resize physical volume(s)",
	  "  pvresize PV ...\n\t[ --setphysicalvolumesize Size[m|UNIT] ]\n",
	  OPTS(OPT_SETPHYSICALVOLUMESIZE), 1, -1 },
	{ "pvscan", cmd_pvscan, "List all physical volumes",
	  "  pvscan\n\t[ -e|--exported ] [ -n|--novolumegroup ] [ -s|--short ] [ -u|--uuid ]\n"
	  "\t[ --cache ]\n",
	  OPTS(OPT_EXPORTED, OPT_NOVOLUMEGROUP, OPT_SHORT, OPT_UUID, OPT_CACHE, OPT_ACTIVATE),
	  0, -1 },
	{ "pvs", cmd_pvs, "Display information about physical volumes",
	  "  pvs [ PV ... ]\n\t[ -o|--options String ] [ -O|--sort String ] [ --segments ]\n"
	  "\t[ --units Units ] [ --noheadings ] [ --nosuffix ] [ --separator String ]\n"
	  "\t[ --reportformat basic|json|json_std ] [ -a|--all ] [ -S|--select String ]\n",
	  OPTS(REPORT_OPTS, OPT_SEGMENTS), 0, -1 },

	{ "vgcreate", cmd_vgcreate, "Create a volume group",
	  "  vgcreate VG_new PV ...\n"
	  "\t[ -s|--physicalextentsize Size[m|UNIT] ] [ -p|--maxphysicalvolumes Number ]\n"
	  "\t[ -l|--maxlogicalvolumes Number ] [ --addtag Tag ] [ --alloc Policy ]\n"
	  "\t[ --vgmetadatacopies all|unmanaged|Number ] [ -f|--force ] [ -y|--yes ]\n"
	  "\t[ --metadataprofile String ]\n"
	  "\t[ PV options as in pvcreate for devices that are not PVs yet ]\n",
	  OPTS(OPT_PHYSICALEXTENTSIZE, OPT_MAXPV, OPT_MAXLV, OPT_ADDTAG, OPT_ALLOC,
	       OPT_VGMETADATACOPIES, OPT_METADATACOPIES, OPT_CLUSTERED, OPT_SHARED,
	       OPT_SYSTEMID, OPT_SETAUTOACTIVATION, OPT_METADATASIZE, OPT_PVMETADATACOPIES,
	       OPT_METADATATYPE, OPT_DATAALIGNMENT, OPT_DATAALIGNMENTOFFSET, OPT_LABELSECTOR,
	       OPT_ZERO, OPT_METADATAPROFILE), 2, -1 },
	{ "vgextend", cmd_vgextend, "Add physical volumes to a volume group",
	  "  vgextend VG PV ...\n\t[ -f|--force ] [ -y|--yes ] [ --restoremissing ]\n"
	  "\t[ PV options as in pvcreate for devices that are not PVs yet ]\n",
	  OPTS(OPT_RESTOREMISSING, OPT_METADATASIZE, OPT_PVMETADATACOPIES, OPT_METADATATYPE,
	       OPT_DATAALIGNMENT, OPT_DATAALIGNMENTOFFSET, OPT_LABELSECTOR, OPT_ZERO,
	       OPT_METADATAIGNORE), 2, -1 },
	{ "vgreduce", cmd_vgreduce, "Remove physical volume(s) from a volume group",
	  "  vgreduce VG PV ...\n  vgreduce -a|--all VG\n  vgreduce --removemissing VG\n"
	  "\t[ -f|--force ] [ --mirrorsonly ]\n",
	  OPTS(OPT_ALL, OPT_REMOVEMISSING, OPT_MIRRORSONLY), 1, -1 },
	{ "vgremove", cmd_vgremove, "Remove volume group(s)",
	  "  vgremove VG ...\n  vgremove -S|--select String\n\t[ -f|--force ] [ -y|--yes ]\n",
	  OPTS(OPT_SELECT, OPT_NOUDEVSYNC), 0, -1 },
	{ "vgrename", cmd_vgrename, "Rename a volume group",
	  "  vgrename VG VG_new\n  vgrename VG_UUID VG_new\n", NO_OPTS, 2, 2 },
	{ "vgchange", cmd_vgchange, "Change volume group attributes",
	  "  vgchange [ VG ... ]\n"
	  "\t[ -x|--resizeable y|n ] [ --addtag Tag ] [ --deltag Tag ] [ -l|--maxlogicalvolumes Number ]\n"
	  "\t[ -p|--maxphysicalvolumes Number ] [ --alloc Policy ] [ -u|--uuid ]\n"
	  "\t[ --vgmetadatacopies all|unmanaged|Number ] [ -a|--activate y|n ] [ -K|--ignoreactivationskip ]\n"
	  "\t[ --setautoactivation y|n ] [ --metadataprofile String | --detachprofile ]\n",
	  OPTS(OPT_RESIZEABLE, OPT_ADDTAG, OPT_DELTAG, OPT_MAXLV, OPT_MAXPV, OPT_ALLOC,
	       OPT_NEWUUID, OPT_VGMETADATACOPIES, OPT_METADATACOPIES, OPT_ACTIVATE,
	       OPT_SETAUTOACTIVATION, OPT_SELECT, OPT_IGNOREMONITORING, OPT_MONITOR,
	       OPT_IGNOREACTIVATIONSKIP,
	       OPT_NOUDEVSYNC, OPT_PHYSICALEXTENTSIZE, OPT_METADATAPROFILE, OPT_DETACHPROFILE),
	  0, -1 },
	{ "vgscan", cmd_vgscan, "Search for all volume groups",
	  "  vgscan\n\t[ --mknodes ] [ --cache ]\n", OPTS(OPT_MKNODES, OPT_CACHE), 0, 0 },
	{ "vgs", cmd_vgs, "Display information about volume groups",
	  "  vgs [ VG ... ]\n\t[ -o|--options String ] [ -O|--sort String ] [ --units Units ]\n"
	  "\t[ --noheadings ] [ --nosuffix ] [ --separator String ]\n"
	  "\t[ --reportformat basic|json|json_std ] [ -S|--select String ]\n",
	  OPTS(REPORT_OPTS), 0, -1 },

	{ "lvs", cmd_lvs, "Display information about logical volumes",
	  "  lvs [ VG|LV ... ]\n\t[ -o|--options String ] [ -O|--sort String ] [ --segments ]\n"
	  "\t[ -a|--all ] [ --units Units ] [ --noheadings ] [ --nosuffix ]\n"
	  "\t[ --separator String ] [ --reportformat basic|json|json_std ] [ -S|--select String ]\n",
	  OPTS(REPORT_OPTS, OPT_SEGMENTS), 0, -1 },
	{ "fullreport", cmd_fullreport, "Display full report",
	  "  fullreport [ VG ... ]\n\t[ --units Units ] [ --noheadings ] [ --nosuffix ]\n"
	  "\t[ --separator String ] [ --reportformat basic|json|json_std ]\n",
	  OPTS(OPT_UNITS, OPT_NOHEADINGS, OPT_NOSUFFIX, OPT_SEPARATOR, OPT_ALIGNED,
	       OPT_NAMEPREFIXES, OPT_UNQUOTED, OPT_ROWS, OPT_BINARY, OPT_FOREIGN,
	       OPT_IGNORELOCKINGFAILURE, OPT_CONFIGREPORT, OPT_OPTIONS, OPT_SORT,
	       OPT_SELECT), 0, -1 },

	{ "help", cmd_help, "Display help for commands", "  help [ Command ]\n", NO_OPTS, 0, 1 },
	{ "segtypes", cmd_segtypes, "List available segment types", "  segtypes\n", NO_OPTS, 0, 0 },
	{ "formats", cmd_formats, "List available metadata formats", "  formats\n", NO_OPTS, 0, 0 },
};

/* Commands whose definition lives beside their code (cmd/<name>.c). */
static const struct command_def *const own_file_commands[] = {
	&cmddef_pvck, &cmddef_pvdisplay, &cmddef_vgdisplay, &cmddef_lvdisplay,
	&cmddef_vgck, &cmddef_vgcfgbackup, &cmddef_vgcfgrestore,
	&cmddef_lvcreate, &cmddef_lvremove, &cmddef_lvextend, &cmddef_lvreduce,
	&cmddef_lvresize, &cmddef_lvrename, &cmddef_lvchange, &cmddef_lvscan,
	&cmddef_vgsplit, &cmddef_vgmerge, &cmddef_lvmconfig, &cmddef_dumpconfig, &cmddef_config,
	&cmddef_vgexport, &cmddef_vgimport, &cmddef_vgmknodes,
};

#define N_TABLE (sizeof(commands) / sizeof(commands[0]))
#define N_OWN (sizeof(own_file_commands) / sizeof(own_file_commands[0]))

static struct command_def all_commands[N_TABLE + N_OWN];

const struct command_def *command_table(unsigned *count)
{
	size_t i;

	/* Built once per process; the definitions themselves are constant. */
	if (!all_commands[0].name) {
		for (i = 0; i < N_TABLE; i++)
			all_commands[i] = commands[i];
		for (i = 0; i < N_OWN; i++)
			all_commands[N_TABLE + i] = *own_file_commands[i];
	}
	*count = (unsigned)(N_TABLE + N_OWN);
	return all_commands;
}

const struct command_def *command_find(const char *name)
{
	unsigned n, i;
	const struct command_def *t = command_table(&n);

	for (i = 0; i < n; i++)
		if (!strcmp(t[i].name, name))
			return &t[i];
	return NULL;
}
