#include <string.h>

#include "cmd/commands.h"
#include "cmd/toolcontext.h"
#include "metadata/metadata.h"
#include "metadata/scan.h"
#include "misc/log.h"
#include "misc/pool.h"

int cmd_vgrename(struct cmd_context *cmd)
{
	const char *old = cmd_vg_name_arg(cmd, cmd->argv[0]);
	const char *new_name = cmd_vg_name_arg(cmd, cmd->argv[1]);
	const char *why = vg_name_invalid(new_name);
	struct volume_group *vg;
	const char *old_name;
	int ambiguous;

	if (why) {
		log_error("New volume group name \"%s\" is invalid: %s.", new_name, why);
		return EXIT_BAD_CMDLINE;
	}
	if (cmd_lock_global(cmd, 1) || cmd_lock_vg(cmd, new_name, 1))
		return EXIT_FAILED;
	vg = cmd_read_vg_for_update(cmd, old);
	if (!vg)
		return EXIT_FAILED;
	if (!strcmp(vg->name, new_name)) {
		log_error("Old and new volume group names need to differ");
		goto bad;
	}
	if (scan_find_vg(cmd->scan, new_name, &ambiguous) || ambiguous) {
		log_error("New volume group \"%s\" already exists", new_name);
		goto bad;
	}
	old_name = vg->name;
	vg->name = pool_strdup(vg->mem, new_name);
	if (cmd_commit_vg(cmd, vg))
		goto bad;
	log_print("Volume group \"%s\" successfully renamed to \"%s\"", old_name, new_name);
	vg_free(vg);
	return EXIT_OK;
bad:
	vg_free(vg);
	return EXIT_FAILED;
}
