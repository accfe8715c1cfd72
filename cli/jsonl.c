/* jsonl.c - the JSON Lines object (one a page; docs/newsclean.1 documents
 * schema 1) and output files written whole or not at all. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The version of the JSON Lines object: changes when a field changes
 * meaning or goes away (new fields may appear without a change). */
enum { JSONL_SCHEMA = 1 };

/* True when s is well-formed UTF-8 (WARC headers are not checked). */
static int valid_utf8(const unsigned char *s)
{
    while (*s) {
        int n = *s < 0x80 ? 0 : (*s & 0xE0) == 0xC0 ? 1 : (*s & 0xF0) == 0xE0 ? 2
              : (*s & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0 || (n == 1 && *s < 0xC2))
            return 0;
        s++;
        for (int k = 0; k < n; k++, s++)
            if ((*s & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

/* A string from a file's headers: as it is when it is UTF-8, else each
 * byte past ASCII becomes U+FFFD, so the line stays valid JSON. */
static void json_header_string(FILE *out, const char *s)
{
    if (!s || valid_utf8((const unsigned char *)s)) {
        json_string(out, s);
        return;
    }
    size_t n = strlen(s);
    char *copy = malloc(n * 3 + 1);
    if (!copy) {
        fputs("\"\"", out);
        return;
    }
    char *w = copy;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x80) {
            *w++ = (char)*p;
        } else {
            memcpy(w, "\xEF\xBF\xBD", 3);
            w += 3;
        }
    }
    *w = '\0';
    json_string(out, copy);
    free(copy);
}

void print_jsonl(FILE *out, const nc_result *r, const jsonl_source *src, int explain)
{
    fprintf(out, "{\"schema\":%d,\"source\":{\"file\":", JSONL_SCHEMA);
    json_header_string(out, src->file);
    const nc_warc_record *rec = src->record;
    if (rec) {
        fputs(",\"uri\":", out);
        json_header_string(out, rec->target_uri);
        fputs(",\"record_id\":", out);
        json_header_string(out, rec->record_id);
        fputs(",\"date\":", out);
        json_header_string(out, rec->date);
        fputs(",\"type\":", out);
        json_header_string(out, rec->type);
        fprintf(out, ",\"offset\":%llu", rec->offset);
        if (rec->truncated) { /* the page is what was left of it */
            fputs(",\"truncated\":", out);
            json_header_string(out, rec->truncated);
        }
    }
    fputs("},", out);
    print_result_fields(out, r);
    if (explain) {
        fputs(",\"blocks\":", out);
        print_blocks_json(out, r);
    }
    fputs("}\n", out);
}

/* The permissions a new file gets (0666 less the umask), read once:
 * umask() can only be read by setting it. */
static mode_t file_mode;
static pthread_once_t file_mode_once = PTHREAD_ONCE_INIT;
static void read_umask(void)
{
    mode_t mask = umask(022);
    umask(mask);
    file_mode = 0666 & ~mask;
}

int atomic_open(atomic_file *a, const char *path)
{
    pthread_once(&file_mode_once, read_umask);
    memset(a, 0, sizeof *a);
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    size_t n = strlen(path) + 10;
    a->path = strdup(path);
    a->tmp = malloc(n);
    if (!a->path || !a->tmp) {
        atomic_abandon(a);
        fprintf(stderr, "newsclean: %s: %s\n", path, strerror(ENOMEM));
        return EXIT_FAILED;
    }
    /* ".NAME.XXXXXX" beside NAME: same file system, so rename is atomic */
    snprintf(a->tmp, n, "%.*s.%s.XXXXXX", (int)dir, path, path + dir);
    int fd = mkstemp(a->tmp);
    if (fd < 0 || fchmod(fd, file_mode) != 0 || !(a->f = fdopen(fd, "wb"))) {
        int e = errno;
        if (fd >= 0) {
            close(fd);
            unlink(a->tmp);
        }
        fprintf(stderr, "newsclean: %s: %s\n", path, strerror(e));
        free(a->tmp);
        a->tmp = NULL;
        atomic_abandon(a);
        return EXIT_FAILED;
    }
    return 0;
}

int atomic_commit(atomic_file *a)
{
    int failed = fflush(a->f) != 0 || ferror(a->f);
    int e = errno;
    if (fclose(a->f) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    a->f = NULL;
    if (!failed && rename(a->tmp, a->path) != 0) {
        failed = 1;
        e = errno;
    }
    if (!failed) { /* the name is the result's now */
        free(a->tmp);
        a->tmp = NULL;
    }
    if (failed)
        fprintf(stderr, "newsclean: %s: %s; nothing written\n", a->path, strerror(e ? e : EIO));
    atomic_abandon(a);
    return failed ? EXIT_FAILED : 0;
}

void atomic_abandon(atomic_file *a)
{
    if (a->f)
        fclose(a->f);
    if (a->tmp)
        unlink(a->tmp);
    free(a->tmp);
    free(a->path);
    memset(a, 0, sizeof *a);
}
