/* crawler.c - clean every file of a folder with a pool of threads.
 *
 *   cc crawler.c -o crawler $(pkg-config --cflags --libs newsclean) -lpthread
 *   ./crawler [-t THREADS] IN_DIR OUT_DIR
 *
 * Writes OUT_DIR/NAME.txt for each IN_DIR/NAME.EXT (the last extension
 * replaced, as the CLI's -o does). nc_clean() keeps no shared state, so the
 * threads need no lock around it: only the index of the next file is
 * shared. Exit status 1 when any file failed (each is reported). */
#define _DEFAULT_SOURCE /* d_type, strdup */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <newsclean.h>

typedef struct job {
    const char *in_dir, *out_dir;
    char **names;
    size_t count;
    size_t next;          /* the next file to take, under lock */
    int failed;           /* any file failed, under lock */
    pthread_mutex_t lock;
} job;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *bigger = realloc(buf, cap *= 2);
        if (!bigger)
            free(buf);
        buf = bigger;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Cleans one file into OUT_DIR; returns 0 on success. */
static int clean_file(const job *j, const char *name)
{
    char in_path[4096], out_path[4096];
    const char *dot = strrchr(name, '.');
    int stem = dot && dot != name ? (int)(dot - name) : (int)strlen(name);
    if (snprintf(in_path, sizeof in_path, "%s/%s", j->in_dir, name) >= (int)sizeof in_path ||
        snprintf(out_path, sizeof out_path, "%s/%.*s.txt", j->out_dir, stem, name) >=
            (int)sizeof out_path) {
        fprintf(stderr, "%s: path too long\n", name);
        return 1;
    }
    size_t len = 0;
    char *page = read_file(in_path, &len);
    if (!page) {
        perror(in_path);
        return 1;
    }
    nc_result *r = NULL;
    nc_status st = nc_clean(page, len, NULL, &r);
    free(page);
    if (st != NC_OK) {
        fprintf(stderr, "%s: %s\n", in_path, nc_strerror(st));
        return 1;
    }
    FILE *out = fopen(out_path, "wb");
    int rc = 0;
    if (!out) {
        perror(out_path);
        rc = 1;
    } else {
        size_t text_len = 0;
        const char *text = nc_result_text(r, &text_len);
        if (!text) /* no memory for the joined copy */
            fprintf(stderr, "%s: out of memory\n", out_path), rc = 1;
        else
            fwrite(text, 1, text_len, out);
        if (text_len)
            fputc('\n', out);
        if (fclose(out) != 0) {
            perror(out_path);
            rc = 1;
        }
    }
    nc_result_free(r);
    return rc;
}

static void *worker(void *arg)
{
    job *j = arg;
    for (;;) {
        pthread_mutex_lock(&j->lock);
        size_t i = j->next < j->count ? j->next++ : j->count;
        pthread_mutex_unlock(&j->lock);
        if (i == j->count)
            return NULL;
        if (clean_file(j, j->names[i])) {
            pthread_mutex_lock(&j->lock);
            j->failed = 1;
            pthread_mutex_unlock(&j->lock);
        }
    }
}

/* The regular files of dir (no dot files), or NULL. */
static char **list_files(const char *dir, size_t *count)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    size_t n = 0, cap = 64;
    char **names = malloc(cap * sizeof *names);
    struct dirent *e;
    while (names && (e = readdir(d))) {
        if (e->d_name[0] == '.' || (e->d_type != DT_REG && e->d_type != DT_UNKNOWN))
            continue;
        if (n == cap) {
            char **more = realloc(names, (cap *= 2) * sizeof *names);
            if (!more) {
                while (n)
                    free(names[--n]);
                free(names);
                names = NULL;
                break;
            }
            names = more;
        }
        if (!(names[n] = strdup(e->d_name))) {
            while (n)
                free(names[--n]);
            free(names);
            names = NULL;
            break;
        }
        n++;
    }
    closedir(d);
    *count = n;
    return names;
}

int main(int argc, char **argv)
{
    int threads = 4, a = 1;
    if (argc > 2 && strcmp(argv[1], "-t") == 0) {
        threads = atoi(argv[2]);
        a = 3;
    }
    if (argc - a != 2 || threads < 1 || threads > 256) {
        fprintf(stderr, "usage: %s [-t THREADS] IN_DIR OUT_DIR\n", argv[0]);
        return 2;
    }
    job j = {.in_dir = argv[a], .out_dir = argv[a + 1]};
    j.names = list_files(j.in_dir, &j.count);
    if (!j.names) {
        perror(j.in_dir);
        return 1;
    }
    pthread_mutex_init(&j.lock, NULL);
    pthread_t tid[256];
    int started = 0;
    for (; started < threads; started++)
        if (pthread_create(&tid[started], NULL, worker, &j) != 0)
            break;
    if (started == 0)
        worker(&j); /* no thread could start: do the work here */
    for (int t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    pthread_mutex_destroy(&j.lock);
    printf("%zu files, %s\n", j.count, j.failed ? "some failed" : "all cleaned");
    for (size_t i = 0; i < j.count; i++)
        free(j.names[i]);
    free(j.names);
    return j.failed;
}
