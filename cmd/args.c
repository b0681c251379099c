#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/command.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/units.h"

const struct option_def option_defs[OPT_COUNT] = {
#define X(id, s, l, k, v, h) { id, s, l, k, v, h },
	OPTION_TABLE(X)
#undef X
};

/* Options every command accepts, after its own (its own win a short letter). */
static const enum option_id common_options[] = {
	OPT_HELP, OPT_VERSION, OPT_VERBOSE, OPT_QUIET, OPT_DEBUG, OPT_TEST, OPT_YES,
	OPT_FORCE, OPT_CONFIG, OPT_COMMANDPROFILE, OPT_PROFILE, OPT_DRIVERLOADED,
	OPT_NOLOCKING, OPT_READONLY, OPT_DEVICES, OPT_DEVICESFILE, OPT_REPORTFORMAT,
	OPT_LOCKOPT, OPT_COUNT
};

struct accepted {
	enum option_id ids[OPT_COUNT];
	unsigned n;
	enum option_id by_short[128];
};

static int accepted_has(const struct accepted *a, enum option_id id)
{
	unsigned i;

	for (i = 0; i < a->n; i++)
		if (a->ids[i] == id)
			return 1;
	return 0;
}

static void accept_list(struct accepted *a, const enum option_id *list)
{
	for (; *list != OPT_COUNT; list++) {
		const struct option_def *o = &option_defs[*list];

		if (accepted_has(a, *list))
			continue;
		/* A letter the command already uses stays the command's. */
		if (o->short_opt && a->by_short[o->short_opt] == OPT_COUNT)
			a->by_short[o->short_opt] = *list;
		a->ids[a->n++] = *list;
	}
}

static void collect_options(const struct command_def *def, struct accepted *a)
{
	unsigned i;

	a->n = 0;
	for (i = 0; i < 128; i++)
		a->by_short[i] = OPT_COUNT;
	if (def->options)
		accept_list(a, def->options);
	accept_list(a, common_options);
}

static void record(struct cmd_context *cmd, enum option_id id, const char *value)
{
	struct arg_value *av = &cmd->args[id];

	av->count++;
	if (!value)
		return;
	av->value = value;
	if (!av->values || (av->nvalues & (av->nvalues - 1)) == 0) {
		const char **nv = POOL_ARRAY(cmd->mem, const char *, av->nvalues ? av->nvalues * 2 : 1);
		unsigned *no = POOL_ARRAY(cmd->mem, unsigned, av->nvalues ? av->nvalues * 2 : 1);

		if (av->values) {
			memcpy(nv, av->values, av->nvalues * sizeof(*nv));
			memcpy(no, av->order, av->nvalues * sizeof(*no));
		}
		av->values = nv;
		av->order = no;
	}
	av->order[av->nvalues] = cmd->nargvalues++;
	av->values[av->nvalues++] = value;
}

/*
 * --units: one unit letter (h, H, r, R or a size unit), optionally after
 * a count ("4k", "2.5m"), as the reports take it.
 */
static int units_invalid(const char *v)
{
	const char *letter;
	uint64_t bytes;
	int as_u;

	return units_count(v, &letter, &bytes, &as_u) != 0;
}

/* Values are checked by kind while parsing, so that no command starts work on bad input. */
static int value_invalid(const struct command_def *def, enum option_id id, const char *v)
{
	const struct option_def *o = &option_defs[id];
	uint64_t n;
	const char *what = NULL;

	if (id == OPT_UNITS && units_invalid(v)) {
		/* LVM2's words, and like any bad command line, exit 3 */
		log_error("Invalid units specification");
		log_error("Run `%s --help' for more information.", def->name);
		return 1;
	}
	switch (o->kind) {
	case ARG_NONE:
	case ARG_STR:
		return 0;
	case ARG_NUM:
		if (parse_uint64(v, &n))
			what = "a non-negative integer";
		break;
	case ARG_SIZE:
		if (parse_size_bytes(v, 'm', 0, &n, NULL))
			what = "a size such as 4m or 1G";
		break;
	case ARG_SSIZE:
		if (parse_size_bytes(v, 'm', 1, &n, NULL))
			what = "a size such as 4m, +1G or -512k";
		break;
	case ARG_YN:
		if (strcmp(v, "y") && strcmp(v, "n") && strcmp(v, "yes") && strcmp(v, "no"))
			what = "y or n";
		break;
	}
	if (!what)
		return 0;
	log_error("%s: invalid argument for --%s: %s (expected %s).", def->name, o->long_opt, v, what);
	return 1;
}

int parse_command_line(struct cmd_context *cmd, const struct command_def *def,
		       int argc, char **argv)
{
	struct accepted acc;
	struct option *longopts;
	char shortopts[3 * 128 + 2], *sp = shortopts;
	unsigned i;
	int c, idx;

	collect_options(def, &acc);
	longopts = POOL_ARRAY(cmd->mem, struct option, acc.n + 1);
	*sp++ = ':';
	for (i = 0; i < acc.n; i++) {
		const struct option_def *o = &option_defs[acc.ids[i]];

		longopts[i].name = o->long_opt;
		longopts[i].has_arg = o->kind == ARG_NONE ? no_argument : required_argument;
		longopts[i].flag = NULL;
		longopts[i].val = 256 + (int)o->id;
		if (o->short_opt && acc.by_short[o->short_opt] == o->id) {
			*sp++ = (char)o->short_opt;
			if (o->kind != ARG_NONE)
				*sp++ = ':';
		}
	}
	*sp = '\0';
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, &idx)) != -1) {
		enum option_id id;

		if (c == '?') {
			if (optopt)
				log_error("%s: invalid option -- '%c'", def->name, optopt);
			else
				log_error("%s: unrecognised option '%s'", def->name, argv[optind - 1]);
			log_error("Run `%s --help' for more information.", def->name);
			return EXIT_BAD_CMDLINE;
		}
		if (c == ':') {
			log_error("%s: option '%s' requires an argument", def->name, argv[optind - 1]);
			return EXIT_BAD_CMDLINE;
		}
		if (c >= 256)
			id = (enum option_id)(c - 256);
		else if (c > 0 && c < 128)
			id = acc.by_short[c];
		else
			continue;
		if (value_invalid(def, id, optarg))
			return EXIT_BAD_CMDLINE;
		record(cmd, id, option_defs[id].kind == ARG_NONE ? NULL : optarg);
	}
	cmd->argc = argc - optind;
	cmd->argv = argv + optind;
	return EXIT_OK;
}

const char *arg_str(const struct cmd_context *cmd, enum option_id id, const char *def)
{
	return cmd->args[id].count && cmd->args[id].value ? cmd->args[id].value : def;
}

static void bad_value(enum option_id id, const char *value, const char *what)
{
	log_error("Invalid argument for --%s: %s (%s)", option_defs[id].long_opt, value, what);
}

int arg_uint64(const struct cmd_context *cmd, enum option_id id, uint64_t def, uint64_t *out)
{
	const char *v = arg_str(cmd, id, NULL);

	if (!v) {
		*out = def;
		return 0;
	}
	if (parse_uint64(v, out)) {
		bad_value(id, v, "expected a non-negative integer");
		return -1;
	}
	return 0;
}

int arg_uint32(const struct cmd_context *cmd, enum option_id id, uint32_t def, uint32_t *out)
{
	uint64_t v;

	if (arg_uint64(cmd, id, def, &v))
		return -1;
	if (v > UINT32_MAX) {
		bad_value(id, arg_str(cmd, id, ""), "value too large");
		return -1;
	}
	*out = (uint32_t)v;
	return 0;
}

int arg_yesno(const struct cmd_context *cmd, enum option_id id, int def, int *out)
{
	const char *v = arg_str(cmd, id, NULL);

	if (!v)
		*out = def;
	else if (!strcmp(v, "y") || !strcmp(v, "yes"))
		*out = 1;
	else if (!strcmp(v, "n") || !strcmp(v, "no"))
		*out = 0;
	else {
		bad_value(id, v, "expected y or n");
		return -1;
	}
	return 0;
}

int arg_size_sectors(const struct cmd_context *cmd, enum option_id id, char default_unit,
		     uint64_t def, uint64_t *out)
{
	const char *v = arg_str(cmd, id, NULL);
	uint64_t bytes;

	if (!v) {
		*out = def;
		return 0;
	}
	if (parse_size_bytes(v, default_unit, 0, &bytes, NULL)) {
		bad_value(id, v, "expected a size such as 4m or 1G");
		return -1;
	}
	*out = (bytes + 511) / 512;
	return 0;
}

const char **command_option_words(const struct command_def *def, struct pool *p)
{
	struct accepted acc;
	const char **words;
	unsigned i, n = 0;

	collect_options(def, &acc);
	words = POOL_ARRAY(p, const char *, 2 * acc.n + 1);
	for (i = 0; i < acc.n; i++) {
		const struct option_def *o = &option_defs[acc.ids[i]];

		words[n++] = pool_printf(p, "--%s", o->long_opt);
		if (o->short_opt && acc.by_short[o->short_opt] == o->id)
			words[n++] = pool_printf(p, "-%c", o->short_opt);
	}
	return words;
}

void print_command_help(const struct command_def *def)
{
	struct accepted acc;
	unsigned i;

	printf("  %s - %s\n\n%s\n", def->name, def->summary, def->usage);
	collect_options(def, &acc);
	printf("  Options:\n");
	for (i = 0; i < acc.n; i++) {
		const struct option_def *o = &option_defs[acc.ids[i]];
		char left[96];

		if (o->short_opt && acc.by_short[o->short_opt] == o->id)
			snprintf(left, sizeof(left), "-%c|--%s%s%s", o->short_opt, o->long_opt,
				 o->value_name ? " " : "", o->value_name ? o->value_name : "");
		else
			snprintf(left, sizeof(left), "--%s%s%s", o->long_opt,
				 o->value_name ? " " : "", o->value_name ? o->value_name : "");
		printf("\t%s\n\t\t%s\n", left, o->help);
	}
}
