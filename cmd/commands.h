/* Entry points of every command; each lives in cmd/<name>.c. */
#ifndef OPENLVM_COMMANDS_H
#define OPENLVM_COMMANDS_H

struct cmd_context;

int cmd_pvcreate(struct cmd_context *cmd);
int cmd_pvremove(struct cmd_context *cmd);
int cmd_pvchange(struct cmd_context *cmd);
int cmd_pvresize(struct cmd_context *cmd);
int cmd_pvscan(struct cmd_context *cmd);
int cmd_pvck(struct cmd_context *cmd);
int cmd_pvs(struct cmd_context *cmd);
int cmd_pvdisplay(struct cmd_context *cmd);

int cmd_vgcreate(struct cmd_context *cmd);
int cmd_vgextend(struct cmd_context *cmd);
int cmd_vgreduce(struct cmd_context *cmd);
int cmd_vgremove(struct cmd_context *cmd);
int cmd_vgrename(struct cmd_context *cmd);
int cmd_vgchange(struct cmd_context *cmd);
int cmd_vgscan(struct cmd_context *cmd);
int cmd_vgck(struct cmd_context *cmd);
int cmd_vgs(struct cmd_context *cmd);
int cmd_vgdisplay(struct cmd_context *cmd);
int cmd_vgcfgbackup(struct cmd_context *cmd);
int cmd_vgcfgrestore(struct cmd_context *cmd);

int cmd_lvs(struct cmd_context *cmd);
int cmd_fullreport(struct cmd_context *cmd);
int cmd_help(struct cmd_context *cmd);
int cmd_segtypes(struct cmd_context *cmd);
int cmd_formats(struct cmd_context *cmd);

/* Definitions kept beside their code. */
struct command_def;
extern const struct command_def cmddef_pvck;
extern const struct command_def cmddef_pvdisplay;
extern const struct command_def cmddef_vgdisplay;
extern const struct command_def cmddef_lvdisplay;
extern const struct command_def cmddef_vgck;
extern const struct command_def cmddef_vgcfgbackup;
extern const struct command_def cmddef_vgcfgrestore;
extern const struct command_def cmddef_lvcreate;
extern const struct command_def cmddef_lvremove;
extern const struct command_def cmddef_lvextend;
extern const struct command_def cmddef_lvreduce;
extern const struct command_def cmddef_lvresize;
extern const struct command_def cmddef_lvrename;
extern const struct command_def cmddef_lvchange;
extern const struct command_def cmddef_lvscan;
extern const struct command_def cmddef_vgsplit;
extern const struct command_def cmddef_lvmconfig;
extern const struct command_def cmddef_dumpconfig;
extern const struct command_def cmddef_config;
extern const struct command_def cmddef_vgmerge;
extern const struct command_def cmddef_vgexport;
extern const struct command_def cmddef_vgimport;
extern const struct command_def cmddef_vgmknodes;

#endif
