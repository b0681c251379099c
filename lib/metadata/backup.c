#include "metadata/backup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "format/text.h"
#include "metadata/metadata.h"
#include "misc/fsutil.h"
#include "misc/log.h"
#include "misc/pool.h"
#include "misc/strbuf.h"

static int ensure_dir(const char *dir)
{
	if (mkdir_p(dir)) {
		log_error("Cannot create directory %s: %s", dir, strerror(errno));
		return -1;
	}
	return 0;
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

static int write_text_file(const char *path, const char *text, size_t len)
{
	struct strbuf tmp = STRBUF_INIT;
	int fd, r = -1;

	strbuf_addf(&tmp, "%s.tmp.%d", path, (int)getpid());
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		log_error("Cannot create %s: %s", tmp.buf, strerror(errno));
		goto out;
	}
	if (write_all(fd, text, len) || fsync(fd)) {
		log_error("Cannot write %s: %s", tmp.buf, strerror(errno));
		close(fd);
		unlink(tmp.buf);
		goto out;
	}
	close(fd);
	if (rename(tmp.buf, path)) {
		log_error("Cannot rename %s to %s: %s", tmp.buf, path, strerror(errno));
		unlink(tmp.buf);
		goto out;
	}
	r = 0;
out:
	strbuf_release(&tmp);
	return r;
}

int backup_write_file(const struct volume_group *vg, const struct text_context *ctx,
		      const char *path)
{
	struct strbuf text = STRBUF_INIT;
	int r;

	vg_export_text(vg, TEXT_BACKUP, ctx, &text);
	r = write_text_file(path, text.buf, text.len);
	strbuf_release(&text);
	return r;
}

int backup_current(const struct backup_settings *s, const struct volume_group *vg,
		   const struct text_context *ctx)
{
	struct strbuf path = STRBUF_INIT;
	int r;

	if (!s->backup_dir || !*s->backup_dir)
		return 0;
	if (ensure_dir(s->backup_dir))
		return -1;
	strbuf_addf(&path, "%s/%s", s->backup_dir, vg->name);
	r = backup_write_file(vg, ctx, path.buf);
	strbuf_release(&path);
	if (r)
		log_warn("Backup of volume group %s metadata failed.", vg->name);
	return r;
}

struct archive_entry {
	char *name;
	unsigned index;
	time_t mtime;
};

static int entry_cmp(const void *a, const void *b)
{
	const struct archive_entry *x = a, *y = b;

	return x->index < y->index ? -1 : x->index > y->index;
}

/* Archives of vg_name, sorted by index; caller frees names and array. */
static struct archive_entry *list_archives(const char *dir, const char *vg_name, size_t *count)
{
	struct archive_entry *v = NULL;
	size_t n = 0, alloc = 0, plen = strlen(vg_name);
	struct dirent *de;
	DIR *d = opendir(dir);

	*count = 0;
	if (!d)
		return NULL;
	while ((de = readdir(d))) {
		char *end;
		unsigned long idx;
		struct stat st;
		char full[4096];

		if (strncmp(de->d_name, vg_name, plen) || de->d_name[plen] != '_')
			continue;
		idx = strtoul(de->d_name + plen + 1, &end, 10);
		if (*end != '-' || !strstr(end, ".vg"))
			continue;
		snprintf(full, sizeof(full), "%s/%s", dir, de->d_name);
		if (stat(full, &st))
			continue;
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			v = xrealloc(v, alloc * sizeof(*v));
		}
		v[n].name = xstrdup(de->d_name);
		v[n].index = (unsigned)idx;
		v[n].mtime = st.st_mtime;
		n++;
	}
	closedir(d);
	if (n)
		qsort(v, n, sizeof(*v), entry_cmp);
	*count = n;
	return v;
}

static void free_entries(struct archive_entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

static void prune(const struct backup_settings *s, const char *vg_name)
{
	size_t n, i;
	struct archive_entry *v = list_archives(s->archive_dir, vg_name, &n);
	time_t cutoff = time(NULL) - (time_t)s->retain_days * 86400;

	for (i = 0; i + s->retain_min < n; i++) {
		char full[4096];

		if (v[i].mtime >= cutoff)
			break;
		snprintf(full, sizeof(full), "%s/%s", s->archive_dir, v[i].name);
		unlink(full);
	}
	free_entries(v, n);
}

int backup_archive_text(const struct backup_settings *s, const char *vg_name,
			const char *text, size_t len)
{
	struct strbuf path = STRBUF_INIT;
	struct archive_entry *v;
	size_t n;
	unsigned next;
	int r;

	if (!s->archive_dir || !*s->archive_dir)
		return 0;
	if (ensure_dir(s->archive_dir))
		return -1;
	v = list_archives(s->archive_dir, vg_name, &n);
	next = n ? v[n - 1].index + 1 : 0;
	free_entries(v, n);
	strbuf_addf(&path, "%s/%s_%05u-%u.vg", s->archive_dir, vg_name, next,
		    (unsigned)(((unsigned)time(NULL) ^ ((unsigned)getpid() << 16)) % 2000000000u));
	r = write_text_file(path.buf, text, len);
	strbuf_release(&path);
	if (r)
		log_warn("Archiving volume group %s metadata failed.", vg_name);
	else
		prune(s, vg_name);
	return r;
}

static void print_entry(const char *path, const char *vg_name)
{
	char desc[1024] = "", line[4096];
	FILE *f = fopen(path, "r");
	struct stat st;
	char when[64] = "";

	if (f) {
		while (fgets(line, sizeof(line), f)) {
			if (!strncmp(line, "description = \"", 15)) {
				char *e = strrchr(line, '"');

				if (e > line + 15)
					*e = '\0';
				size_t n = strlen(line + 15);

				if (n >= sizeof(desc))
					n = sizeof(desc) - 1;
				memcpy(desc, line + 15, n);
				desc[n] = '\0';
				break;
			}
		}
		fclose(f);
	}
	if (!stat(path, &st)) {
		struct tm tm;

		localtime_r(&st.st_mtime, &tm);
		strftime(when, sizeof(when), "%a %b %e %H:%M:%S %Y", &tm);
	}
	printf("   \n  File:\t\t%s\n  VG name:    \t%s\n  Description:\t%s\n  Backup Time:\t%s\n\n",
	       path, vg_name, desc, when);
}

int backup_list(const struct backup_settings *s, const char *vg_name, struct pool *mem)
{
	size_t n = 0, i;
	struct archive_entry *v = NULL;
	int found = 0;

	if (s->archive_dir && *s->archive_dir)
		v = list_archives(s->archive_dir, vg_name, &n);
	for (i = 0; i < n; i++) {
		print_entry(pool_printf(mem, "%s/%s", s->archive_dir, v[i].name), vg_name);
		found = 1;
	}
	free_entries(v, n);
	if (s->backup_dir && *s->backup_dir) {
		const char *p = pool_printf(mem, "%s/%s", s->backup_dir, vg_name);

		if (!access(p, R_OK)) {
			print_entry(p, vg_name);
			found = 1;
		}
	}
	if (!found) {
		log_error("No archives or backups found for volume group %s.", vg_name);
		return -1;
	}
	return 0;
}
