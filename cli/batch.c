/* batch.c - pages from files, so that a batch loses nothing: every input
 * is listed (-r walks directories) and every output name is known before
 * any work, two inputs never write one output, and each output file is
 * written whole or not at all (a temporary file renamed over it). Inputs
 * are read through zlib, so gzipped files are read as the pages they hold;
 * the library itself refuses compressed bytes. */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "cli.h"

static int list_add(name_list *l, const char *s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **p = realloc(l->items, cap * sizeof *p);
        if (!p)
            return 0;
        l->items = p;
        l->cap = cap;
    }
    return (l->items[l->n] = strdup(s)) != NULL && ++l->n;
}

void list_free(name_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the files under dir, in name order, skipping hidden entries.
 * Returns 0 or EXIT_FAILED (said why). */
static int walk_dir(name_list *out, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "newsclean: %s: %s\n", dir, strerror(errno));
        return EXIT_FAILED;
    }
    name_list here = {0};
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(n);
        if (!path || !(snprintf(path, n, "%s/%s", dir, e->d_name), list_add(&here, path))) {
            free(path);
            rc = EXIT_FAILED;
            fputs("newsclean: out of memory\n", stderr);
            break;
        }
        free(path);
    }
    closedir(d);
    qsort(here.items, here.n, sizeof *here.items, compare_names);
    for (size_t i = 0; i < here.n && rc == 0; i++) {
        struct stat st;
        if (stat(here.items[i], &st) != 0)
            continue; /* a dangling link */
        if (S_ISDIR(st.st_mode))
            rc = walk_dir(out, here.items[i]);
        else if (S_ISREG(st.st_mode) && !list_add(out, here.items[i]))
            rc = EXIT_FAILED;
    }
    list_free(&here);
    return rc;
}

int collect_inputs(const cli *c, char **args, size_t nargs, name_list *out)
{
    int rc = 0;
    for (size_t i = 0; i < nargs; i++) {
        struct stat st;
        if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            if (!c->recursive) {
                fprintf(stderr, "newsclean: %s: is a directory (-r reads the files in it)\n",
                        args[i]);
                rc = EXIT_FAILED;
            } else if (walk_dir(out, args[i]) != 0) {
                rc = EXIT_FAILED;
            }
        } else if (!list_add(out, args[i])) {
            fputs("newsclean: out of memory\n", stderr);
            return EXIT_FAILED;
        }
    }
    return rc;
}

/* DIR/NAME.EXT where NAME is path's base name without a ".gz" and then
 * without its last extension (EXT: "txt", or "html" for the html format). */
static char *output_path(const char *dir, const char *path, const char *ext)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t stem = strlen(base);
    if (stem > 3 && strcmp(base + stem - 3, ".gz") == 0)
        stem -= 3;
    for (size_t k = stem; k > 1; k--)
        if (base[k - 1] == '.') {
            stem = k - 1;
            break;
        }
    size_t n = strlen(dir) + 1 + stem + 1 + strlen(ext) + 1;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s/%.*s.%s", dir, (int)stem, base, ext);
    return out;
}

/* mkdir -p: creates dir and its missing parents. 0 or errno. */
static int make_dirs(const char *dir)
{
    char *p = strdup(dir);
    if (!p)
        return ENOMEM;
    int e = 0;
    for (char *s = p + 1; !e; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char keep = *s;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            e = errno;
        *s = keep;
        if (!keep)
            break;
    }
    struct stat st;
    if (!e && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)))
        e = ENOTDIR;
    free(p);
    return e;
}

/* Each input's output file under -o DIR; EXIT_USAGE when two inputs would
 * write one file, before anything is read or written. */
static int plan_outputs(const cli *c, const name_list *in, char **outs)
{
    const char *ext = c->format == FMT_HTML       ? "html"
                      : c->format == FMT_MARKDOWN ? "md"
                                                  : "txt";
    /* a sorted copy of the names finds equal ones in n log n */
    char **sorted = malloc((in->n + 1) * sizeof *sorted);
    for (size_t i = 0; i < in->n && sorted; i++)
        if (!(outs[i] = output_path(c->output, in->items[i], ext))) {
            free(sorted);
            sorted = NULL;
        }
    if (!sorted) {
        fputs("newsclean: out of memory\n", stderr);
        return EXIT_FAILED;
    }
    memcpy(sorted, outs, in->n * sizeof *sorted);
    qsort(sorted, in->n, sizeof *sorted, compare_names);
    int rc = 0;
    for (size_t k = 1; k < in->n && !rc; k++) {
        if (strcmp(sorted[k - 1], sorted[k]) != 0)
            continue;
        const char *first = NULL, *second = NULL;
        for (size_t i = 0; i < in->n; i++)
            if (strcmp(outs[i], sorted[k]) == 0) {
                if (!first)
                    first = in->items[i];
                else if (!second)
                    second = in->items[i];
            }
        fprintf(stderr, "newsclean: %s and %s would both write %s; nothing was written\n",
                first, second, sorted[k]);
        rc = EXIT_USAGE;
    }
    free(sorted);
    return rc;
}

/* Reads a whole input through zlib: gzip bytes are inflated, others read
 * as they are. Stops after limit + 1 bytes (nc_clean then says too large).
 * 0, or EXIT_FAILED having said why. */
static int read_input(const char *name, size_t limit, char **data, size_t *len)
{
    int fd = strcmp(name, "-") == 0 ? dup(STDIN_FILENO) : -1;
    gzFile gz = fd >= 0 ? gzdopen(fd, "rb") : gzopen(name, "rb");
    if (!gz) {
        fprintf(stderr, "newsclean: %s: %s\n", name, strerror(errno ? errno : ENOMEM));
        if (fd >= 0)
            close(fd);
        return EXIT_FAILED;
    }
    gzbuffer(gz, 1 << 17);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    int failed = !buf;
    while (!failed && n <= limit) {
        if (n == cap) {
            char *p = cap > ((size_t)-1) / 2 ? NULL : realloc(buf, cap * 2);
            if (!p) {
                failed = 1;
                break;
            }
            buf = p;
            cap *= 2;
        }
        size_t want = cap - n < (1u << 30) ? cap - n : (1u << 30);
        int got = gzread(gz, buf + n, (unsigned)want);
        int zerr = Z_OK;
        const char *msg = got <= 0 ? gzerror(gz, &zerr) : NULL;
        if (got < 0 || zerr == Z_BUF_ERROR) { /* Z_BUF_ERROR: the gzip data ends early */
            fprintf(stderr, "newsclean: %s: %s%s\n", name, zerr == Z_ERRNO ? "" : "gzip data: ",
                    zerr == Z_ERRNO ? strerror(errno) : msg);
            gzclose(gz);
            free(buf);
            return EXIT_FAILED;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    gzclose(gz);
    if (failed) {
        fprintf(stderr, "newsclean: %s: %s\n", name, strerror(ENOMEM));
        free(buf);
        return EXIT_FAILED;
    }
    *data = buf;
    *len = n;
    return 0;
}

/* Cleans one input; returns 0 or EXIT_FAILED (and says why on stderr).
 * Output goes to out_path when there is one, else to sink (stdout, a
 * worker's buffer, or the JSON Lines file). */
static int clean_one(const cli *c, const char *name, const char *out_path, FILE *sink)
{
    char *data = NULL;
    size_t len = 0;
    if (read_input(name, c->opts.max_input_bytes, &data, &len) != 0)
        return EXIT_FAILED;
    nc_result *r = NULL;
    nc_status st = nc_clean(data, len, &c->opts, &r);
    free(data);
    if (st != NC_OK) {
        fprintf(stderr, "newsclean: %s: %s\n", name, nc_strerror(st));
        return EXIT_FAILED;
    }
    atomic_file file = {0};
    FILE *out = sink;
    if (out_path) {
        if (atomic_open(&file, out_path) != 0) {
            nc_result_free(r);
            return EXIT_FAILED;
        }
        out = file.f;
    }
    jsonl_source src = {.file = name};
    int rc = 0;
    if (c->format == FMT_JSONL)
        print_jsonl(out, r, &src, c->explain);
    else if (c->format == FMT_JSON)
        print_json(out, r, c->comments);
    else if (c->format == FMT_HTML)
        print_html(out, r, name);
    else if (c->explain)
        print_explain(out, r);
    else if (c->format == FMT_MARKDOWN)
        rc = print_markdown(out, r, c, name);
    else {
        print_text(out, r);
        if (c->comments)
            rc = print_text_comments(out, r, name);
    }
    nc_result_free(r);
    if (rc) {
        if (out_path)
            atomic_abandon(&file);
        return rc;
    }
    if (out_path)
        return atomic_commit(&file);
    return fflush(out) == 0 ? 0 : EXIT_FAILED;
}

/* The progress line: only on a terminal, only for many files, at most
 * ten updates a second, so it never slows a run or fills a log. */
enum { PROGRESS_MIN_FILES = 20 };

typedef struct progress {
    int on;
    size_t total, done;
    double last;
} progress;

int progress_wanted(void) { return isatty(STDERR_FILENO); }

double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress_step(progress *p)
{
    p->done++;
    if (!p->on)
        return;
    double t = now_seconds();
    if (p->done == p->total || t - p->last >= 0.1) {
        p->last = t;
        fprintf(stderr, "\rnewsclean: %zu/%zu files", p->done, p->total);
        if (p->done == p->total)
            fputs("\r\033[K", stderr); /* leave the terminal clean */
    }
}

/* --jobs: workers take the next file from a shared counter. With -o DIR
 * each writes its own file; else each fills a buffer that the main thread
 * prints in the FILEs' order as soon as it is ready, so output never
 * interleaves. */
typedef struct job_slot {
    char *buf;
    size_t len;
    int rc, done;
} job_slot;

typedef struct pool {
    const cli *c;
    char **files, **outs;
    size_t nfiles, next;
    job_slot *slots;
    progress prog;
    pthread_mutex_t mu;
    pthread_cond_t ready;
} pool;

static void *pool_worker(void *arg)
{
    pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        size_t i = p->next < p->nfiles ? p->next++ : p->nfiles;
        pthread_mutex_unlock(&p->mu);
        if (i == p->nfiles)
            return NULL;
        job_slot *s = &p->slots[i];
        FILE *sink = NULL;
        if (!p->outs[i] && !(sink = open_memstream(&s->buf, &s->len))) {
            fprintf(stderr, "newsclean: %s: %s\n", p->files[i], strerror(errno));
            s->rc = EXIT_FAILED;
        } else {
            s->rc = clean_one(p->c, p->files[i], p->outs[i], sink);
            if (sink && fclose(sink) != 0)
                s->rc = EXIT_FAILED;
        }
        pthread_mutex_lock(&p->mu);
        s->done = 1;
        progress_step(&p->prog);
        pthread_cond_broadcast(&p->ready);
        pthread_mutex_unlock(&p->mu);
    }
}

static int run_pool(pool *p, size_t jobs, FILE *sink)
{
    p->slots = calloc(p->nfiles, sizeof *p->slots);
    pthread_t *threads = calloc(jobs, sizeof *threads);
    if (!p->slots || !threads) {
        free(p->slots);
        free(threads);
        fputs("newsclean: out of memory\n", stderr);
        return EXIT_FAILED;
    }
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->ready, NULL);
    size_t started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, pool_worker, p) != 0)
            break;
    if (started == 0) /* no thread at all: do the work here */
        pool_worker(p);
    int rc = 0;
    for (size_t i = 0; i < p->nfiles; i++) {
        pthread_mutex_lock(&p->mu);
        while (!p->slots[i].done)
            pthread_cond_wait(&p->ready, &p->mu);
        pthread_mutex_unlock(&p->mu);
        if (p->slots[i].buf) {
            fwrite(p->slots[i].buf, 1, p->slots[i].len, sink);
            free(p->slots[i].buf);
        }
        rc |= p->slots[i].rc;
    }
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    pthread_cond_destroy(&p->ready);
    pthread_mutex_destroy(&p->mu);
    free(threads);
    free(p->slots);
    return rc;
}

static int clean_all(const cli *c, name_list *in, char **outs, FILE *sink)
{
    int show = in->n >= PROGRESS_MIN_FILES && progress_wanted();
    size_t jobs = (size_t)c->jobs;
    if (jobs == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cpus > 0 ? (size_t)cpus : 1;
    }
    if (jobs > in->n)
        jobs = in->n;
    if (jobs > 1) {
        pool p = {.c = c, .files = in->items, .outs = outs, .nfiles = in->n,
                  .prog = {.on = show, .total = in->n}};
        return run_pool(&p, jobs, sink);
    }
    int rc = 0;
    progress prog = {.on = show, .total = in->n};
    for (size_t i = 0; i < in->n; i++) {
        rc |= clean_one(c, in->items[i], outs[i], sink);
        progress_step(&prog);
    }
    return rc;
}

int run_files(const cli *c, char **args, size_t nargs)
{
    char *stdin_only[] = {"-"};
    if (nargs == 0) {
        args = stdin_only;
        nargs = 1;
    }
    name_list in = {0};
    int rc = collect_inputs(c, args, nargs, &in);
    char **outs = calloc(in.n + 1, sizeof *outs);
    int dir_outputs = c->output && c->format != FMT_JSONL;
    atomic_file jsonl = {0};
    FILE *sink = stdout;
    int setup = outs ? 0 : EXIT_FAILED;
    if (!setup && dir_outputs) {
        setup = plan_outputs(c, &in, outs);
        int e = setup ? 0 : make_dirs(c->output);
        if (e) {
            fprintf(stderr, "newsclean: %s: cannot create the output directory: %s\n",
                    c->output, strerror(e));
            setup = EXIT_FAILED;
        }
    } else if (!setup && c->output) {
        setup = atomic_open(&jsonl, c->output);
        sink = jsonl.f;
    }
    if (!setup) {
        rc |= clean_all(c, &in, outs, sink);
        if (jsonl.f)
            rc |= atomic_commit(&jsonl);
        else if (fflush(stdout) != 0)
            rc = EXIT_FAILED;
    }
    for (size_t i = 0; outs && i < in.n; i++)
        free(outs[i]);
    free(outs);
    list_free(&in);
    return setup ? setup : rc;
}
