#include "cmd/shell.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_EDITLINE
#include <editline/readline.h>
#else
#include <readline/history.h>
#include <readline/readline.h>
#endif

#include "cmd/command.h"
#include "misc/pool.h"

#define MAX_WORDS 256

static char *command_generator(const char *text, int state)
{
	static unsigned i;
	unsigned n;
	const struct command_def *t = command_table(&n);
	size_t len = strlen(text);

	if (!state)
		i = 0;
	while (i < n) {
		const char *name = t[i++].name;

		if (!strncmp(name, text, len))
			return xstrdup(name);
	}
	return NULL;
}

static char **complete(const char *text, int start, int end)
{
	(void)end;
	rl_attempted_completion_over = 0;
	if (start == 0)
		return rl_completion_matches(text, command_generator);
	return NULL;
}

static int split_words(char *line, char **words)
{
	int n = 0;
	char *save = NULL, *w;

	for (w = strtok_r(line, " \t", &save); w && n < MAX_WORDS - 1; w = strtok_r(NULL, " \t", &save))
		words[n++] = w;
	words[n] = NULL;
	return n;
}

int lvm_shell(void)
{
	char *history = NULL, *line;
	const char *home = getenv("HOME");
	int status = EXIT_OK;

	if (home) {
		size_t len = strlen(home) + sizeof("/.lvm_history");

		history = xmalloc(len);
		snprintf(history, len, "%s/.lvm_history", home);
		read_history(history);
	}
	rl_readline_name = "lvm";
	rl_attempted_completion_function = complete;
	while ((line = readline("lvm> "))) {
		char *words[MAX_WORDS];
		int n;

		if (*line)
			add_history(line);
		n = split_words(line, words);
		if (n && (!strcmp(words[0], "exit") || !strcmp(words[0], "quit"))) {
			free(line);
			break;
		}
		if (n)
			status = run_command(n, words);
		free(line);
	}
	if (history) {
		write_history(history);
		free(history);
	}
	return status;
}
