/* The report engine as commands that change VGs use it: -S. */
#ifndef OPENLVM_REPORTING_H
#define OPENLVM_REPORTING_H

struct cmd_context;
struct report;

/*
 * -S of vgchange and vgremove: a VG report whose selection picks the VGs
 * to change (report_vg_selected); *sel stays NULL without -S.  Returns -1
 * to go on, or the exit status to stop with: a bad selection, or -S help,
 * which printed the fields.  The caller destroys *sel.
 */
int cmd_vg_selection(struct cmd_context *cmd, struct report **sel);

#endif
