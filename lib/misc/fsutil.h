/* Small file-system helpers shared by locks and backups. */
#ifndef OPENLVM_FSUTIL_H
#define OPENLVM_FSUTIL_H

/* mkdir -p with mode 0700.  0, or -1 with errno set. */
int mkdir_p(const char *path);

struct strbuf;

/* Appends the whole file to sb.  0, or -1 with errno set (nothing logged). */
int read_file(const char *path, struct strbuf *sb);

#endif
