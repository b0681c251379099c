/*
 * readline (or libedit), loaded with dlopen when the interactive shell
 * starts: no other command needs it or the terminfo library it brings.
 * The types come from the library's own header.
 */
#ifndef OPENLVM_READLINE_LIB_H
#define OPENLVM_READLINE_LIB_H

#include <stdio.h>

#ifdef HAVE_EDITLINE
#include <editline/readline.h>
#else
#include <readline/history.h>
#include <readline/readline.h>
#endif

/* The functions and variables the shell uses, by their own names. */
#define READLINE_LIB_SYMBOLS(X) \
	X(readline) X(add_history) X(read_history) X(write_history) \
	X(rl_line_buffer) X(rl_readline_name) \
	X(rl_attempted_completion_function) X(rl_attempted_completion_over)

/* Pointers to each: call lib->readline(...), assign *lib->rl_readline_name. */
struct readline_lib {
#define READLINE_LIB_SLOT(s) __typeof__(s) *s;
	READLINE_LIB_SYMBOLS(READLINE_LIB_SLOT)
#undef READLINE_LIB_SLOT
};

/* Opens soname, resolves every symbol; -1 after naming the library. */
int readline_lib_open(const char *soname, struct readline_lib *lib);

/*
 * The process's READLINE_SONAME, loaded on the first call and kept; NULL
 * (the error printed) when it cannot be loaded.
 */
const struct readline_lib *readline_lib(void);

#endif
