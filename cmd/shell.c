/*
 * The interactive "lvm> " shell: readline (or libedit, dlopen'ed only
 * here: readline_lib.c) with history in ~/.lvm_history and completion of
 * command names, the current command's options and VG / LV names read
 * from disk.  Lines are split like a POSIX shell splits words: blanks
 * separate, '...' and "..." quote, a backslash escapes the next character
 * outside single quotes.
 */
#include "cmd/shell.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/command.h"
#include "cmd/readline_lib.h"
#include "cmd/toolcontext.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

#define MAX_WORDS 256

/*
 * Splits line in place into words; returns the count, or -1 (after an
 * error message) for an unterminated quote.
 */
static int split_words(char *line, char **words, int max)
{
	char *in = line, *out = line;
	int n = 0;

	for (;;) {
		char quote = 0;

		while (*in == ' ' || *in == '\t' || *in == '\n')
			in++;
		if (!*in)
			break;
		if (n == max - 1) {
			log_error("Too many words on the line (at most %d).", max - 1);
			return -1;
		}
		words[n++] = out;
		for (; *in && (quote || (*in != ' ' && *in != '\t' && *in != '\n')); in++) {
			if (quote ? *in == quote : (*in == '\'' || *in == '"')) {
				quote = quote ? 0 : *in;
				continue;
			}
			if (*in == '\\' && quote != '\'' && in[1])
				in++;
			*out++ = *in;
		}
		if (quote) {
			log_error("Unterminated %c quote.", quote);
			return -1;
		}
		if (*in)
			in++;
		*out++ = '\0';
	}
	words[n] = NULL;
	return n;
}

/* ---- completion ---- */

struct candidates {
	const char **v;
	size_t n, alloc;
	struct pool *mem;
};

static void cand_add(struct candidates *c, const char *text, const char *word)
{
	if (strncmp(word, text, strlen(text)))
		return;
	if (c->n + 1 >= c->alloc) {
		const char **v = POOL_ARRAY(c->mem, const char *, c->alloc ? c->alloc * 2 : 32);

		if (c->n)
			memcpy(v, c->v, c->n * sizeof(*v));
		c->v = v;
		c->alloc = c->alloc ? c->alloc * 2 : 32;
	}
	c->v[c->n++] = word;
}

static void add_commands(struct candidates *c, const char *text)
{
	unsigned n, i;
	const struct command_def *t = command_table(&n);

	for (i = 0; i < n; i++)
		cand_add(c, text, t[i].name);
	cand_add(c, text, "exit");
	cand_add(c, text, "quit");
}

/* VG names, or with a '/' in text "vg/lv" names, scanned from disk now. */
static void add_names(struct candidates *c, const char *text)
{
	struct cmd_context cmd;
	struct vg_info *vi;
	int level = log_get_level();
	int want_lvs = strchr(text, '/') != NULL;

	memset(&cmd, 0, sizeof(cmd));
	cmd.mem = c->mem;
	log_set_level(LOG_QUIET);
	if (!cmd_setup(&cmd) && cmd_scan(&cmd)) {
		TAILQ_FOREACH(vi, &cmd.scan->vgs, list) {
			struct volume_group *vg;
			struct logical_volume *lv;

			if (!want_lvs) {
				cand_add(c, text, pool_strdup(c->mem, vi->name));
				continue;
			}
			if (strncmp(vi->name, text, strlen(vi->name)) ||
			    !(vg = vg_read(cmd.scan, vi->name, VG_READ_ALLOW_EXPORTED)))
				continue;
			TAILQ_FOREACH(lv, &vg->lvs, list)
				if (lv->status & LV_VISIBLE)
					cand_add(c, text, pool_printf(c->mem, "%s/%s", vg->name,
								      lv->name));
		}
	}
	cmd_teardown(&cmd);
	log_set_level(level);
}

/* readline's match array: the longest common prefix, then every match. */
static char **match_array(const struct candidates *c)
{
	char **m;
	size_t i, lcp;

	if (!c->n)
		return NULL;
	m = xcalloc(c->n + 2, sizeof(*m));
	lcp = strlen(c->v[0]);
	for (i = 1; i < c->n; i++) {
		size_t j = 0;

		while (j < lcp && c->v[i][j] == c->v[0][j])
			j++;
		lcp = j;
	}
	m[0] = xmalloc(lcp + 1);
	memcpy(m[0], c->v[0], lcp);
	m[0][lcp] = '\0';
	for (i = 0; i < c->n && c->n > 1; i++)
		m[i + 1] = xstrdup(c->v[i]);
	return m;
}

static char **complete(const char *text, int start, int end)
{
	const struct readline_lib *rl = readline_lib();	/* loaded: it calls us */
	struct candidates c = { NULL, 0, 0, pool_create("completion") };
	char *first = xmalloc((size_t)start + 1), *words[2];
	const struct command_def *def = NULL;
	char **m = NULL;

	(void)end;
	memcpy(first, *rl->rl_line_buffer, (size_t)start);
	first[start] = '\0';
	*rl->rl_attempted_completion_over = 1;
	if (sscanf(first, "%*s") == EOF || split_words(first, words, 2) <= 0)
		add_commands(&c, text);
	else if (!(def = command_find(words[0])))
		;
	else if (*text == '-') {
		const char **o;

		for (o = command_option_words(def, c.mem); *o; o++)
			cand_add(&c, text, *o);
	} else if (!strncmp(def->name, "pv", 2)) {
		*rl->rl_attempted_completion_over = 0;	/* devices: file names */
	} else
		add_names(&c, text);
	m = match_array(&c);
	free(first);
	pool_destroy(c.mem);
	return m;
}

static char *history_path(void)
{
	const char *home = getenv("HOME");
	size_t len;
	char *path;

	if (!home || !*home)
		return NULL;
	len = strlen(home) + sizeof("/.lvm_history");
	path = xmalloc(len);
	snprintf(path, len, "%s/.lvm_history", home);
	return path;
}

/* Runs one line; *quit is set by exit / quit.  Returns its exit status. */
static int run_line(char *line, int *quit, int status)
{
	char *words[MAX_WORDS];
	int n = split_words(line, words, MAX_WORDS);

	if (n < 0)
		return EXIT_BAD_CMDLINE;
	if (!n)
		return status;
	if (!strcmp(words[0], "exit") || !strcmp(words[0], "quit")) {
		*quit = 1;
		return status;
	}
	return run_command(n, words);
}

int lvm_shell(void)
{
	const struct readline_lib *rl = readline_lib();
	char *history, *line;
	int status = EXIT_OK, quit = 0;

	if (!rl)
		return EXIT_FAILED;
	history = history_path();
	if (history)
		rl->read_history(history);
	*rl->rl_readline_name = "lvm";
	*rl->rl_attempted_completion_function = complete;
	while (!quit && (line = rl->readline("lvm> "))) {
		if (*line)
			rl->add_history(line);
		status = run_line(line, &quit, status);
		free(line);
	}
	if (!line && !quit)
		putchar('\n');
	if (history) {
		rl->write_history(history);
		free(history);
	}
	return status;
}
