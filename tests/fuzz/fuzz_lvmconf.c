/*
 * libFuzzer harness for lvm.conf loading: any text goes through the
 * config parser and, when it parses, through the settings checks
 * (lib/config/settings.h) and the default lookups of every setting it
 * names; nothing may crash, validation returns a count (never less than
 * zero) and a command's check 0 or -1.
 */
// sources: lib/config/*.c lib/misc/*.c
#include "config/config.h"
#include "config/settings.h"
#include "misc/log.h"
#include "misc/pool.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pool *p = pool_create("fuzz");
	struct cfg_node *root;
	char err[256];
	size_t count;
	const struct setting_def *table = settings_table(&count);

	log_set_level(LOG_QUIET);
	root = cfg_parse(p, (const char *)data, size, err, sizeof(err));
	if (root) {
		int r = settings_check(root);

		if ((r != 0 && r != -1) || settings_validate(root, 1) < 0)
			abort();
		for (size_t i = 0; i < count; i++)
			setting_default_node(p, &table[i], "/etc/lvm");
	}
	pool_destroy(p);
	return 0;
}
