#ifndef OPENLVM_SHELL_H
#define OPENLVM_SHELL_H

/* Interactive "lvm> " shell; returns the exit status of the last command. */
int lvm_shell(void);

#endif
