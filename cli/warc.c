/* warc.c - newsclean --warc: every HTML or text page in WARC and WET files
 * becomes one JSON line, in file order. The library's reader holds one
 * record at a time; with --jobs N the main thread reads and N workers
 * clean, at most 2N records in flight, so memory stays bounded by the
 * largest records, not the files. Broken records are reported and the
 * reading goes on; skipped records are counted by reason. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* rec->skip's values, as include/newsclean.h lists them. */
static const char *const skip_names[] = {"record-type", "not-http", "http-status",
                                         "media-type", "content-encoding"};
enum { SKIP_KINDS = sizeof skip_names / sizeof *skip_names };

typedef struct warc_counts {
    unsigned long long records, pages, failed, broken, skipped[SKIP_KINDS + 1];
} warc_counts;

/* Cleans one page record and writes its JSON line; 0 or EXIT_FAILED. The
 * record's charset is a hint: when the library cannot convert it (a
 * misspelt or unknown name), the page is read again with the charset
 * detected, and the result's "encoding" says which one was used. */
static int clean_record(const cli *c, const char *file, const nc_warc_record *rec, FILE *out)
{
    nc_options o = c->opts;
    if (o.input == NC_INPUT_AUTO)
        o.input = rec->input;
    if (!o.encoding)
        o.encoding = rec->charset;
    nc_result *r = NULL;
    nc_status st = nc_clean(rec->payload, rec->payload_length, &o, &r);
    if (st == NC_ERR_ENCODING && rec->charset && o.encoding == rec->charset) {
        o.encoding = NULL;
        st = nc_clean(rec->payload, rec->payload_length, &o, &r);
    }
    if (st != NC_OK) {
        fprintf(stderr, "newsclean: %s: record at byte %llu (%s): %s\n", file, rec->offset,
                rec->target_uri, nc_strerror(st));
        return EXIT_FAILED;
    }
    jsonl_source src = {.file = file, .record = rec};
    print_jsonl(out, r, &src, c->explain);
    nc_result_free(r);
    return 0;
}

/* A page record copied out of the reader's buffer for a worker. */
typedef struct page_job {
    const char *file; /* the WARC file, for messages */
    nc_warc_record rec;
    char *mem; /* the payload and the strings, one allocation */
    char *out; /* the JSON line, from open_memstream */
    size_t out_len;
    int rc, done;
} page_job;

static char *copy_string(char **w, const char *s)
{
    char *start = *w;
    size_t n = strlen(s) + 1;
    memcpy(start, s, n);
    *w += n;
    return start;
}

static int job_fill(page_job *j, const char *file, const nc_warc_record *rec)
{
    const char *strings[] = {rec->type, rec->target_uri, rec->record_id, rec->date,
                             rec->media_type, rec->charset ? rec->charset : "",
                             rec->truncated ? rec->truncated : ""};
    size_t n = rec->payload_length + 1;
    for (size_t k = 0; k < sizeof strings / sizeof *strings; k++)
        n += strlen(strings[k]) + 1;
    memset(j, 0, sizeof *j);
    if (!(j->mem = malloc(n)))
        return 0;
    j->file = file;
    j->rec = *rec;
    memcpy(j->mem, rec->payload, rec->payload_length);
    j->rec.payload = j->mem;
    char *w = j->mem + rec->payload_length;
    j->rec.type = copy_string(&w, rec->type);
    j->rec.target_uri = copy_string(&w, rec->target_uri);
    j->rec.record_id = copy_string(&w, rec->record_id);
    j->rec.date = copy_string(&w, rec->date);
    j->rec.media_type = copy_string(&w, rec->media_type);
    j->rec.charset = rec->charset ? copy_string(&w, rec->charset) : NULL;
    j->rec.truncated = rec->truncated ? copy_string(&w, rec->truncated) : NULL;
    return 1;
}

/* The ring of jobs: put (reader), take (workers), print (reader), in the
 * records' order; seq numbers never wrap in practice (64 bits). */
typedef struct job_ring {
    const cli *c;
    page_job *jobs;
    size_t size;
    unsigned long long put, take, print;
    int closed;
    pthread_mutex_t mu;
    pthread_cond_t changed;
} job_ring;

static void *ring_worker(void *arg)
{
    job_ring *q = arg;
    pthread_mutex_lock(&q->mu);
    for (;;) {
        while (q->take == q->put && !q->closed)
            pthread_cond_wait(&q->changed, &q->mu);
        if (q->take == q->put) {
            pthread_mutex_unlock(&q->mu);
            return NULL;
        }
        page_job *j = &q->jobs[q->take++ % q->size];
        pthread_mutex_unlock(&q->mu);
        FILE *sink = open_memstream(&j->out, &j->out_len);
        int rc = sink ? clean_record(q->c, j->file, &j->rec, sink) : EXIT_FAILED;
        if (sink && fclose(sink) != 0)
            rc = EXIT_FAILED;
        pthread_mutex_lock(&q->mu);
        j->rc = rc;
        j->done = 1;
        pthread_cond_broadcast(&q->changed);
    }
}

/* Waits for the oldest job, writes its line and frees it. */
static int ring_print_one(job_ring *q, FILE *out)
{
    page_job *j = &q->jobs[q->print % q->size];
    pthread_mutex_lock(&q->mu);
    while (!j->done)
        pthread_cond_wait(&q->changed, &q->mu);
    pthread_mutex_unlock(&q->mu);
    if (j->out)
        fwrite(j->out, 1, j->out_len, out);
    free(j->out);
    free(j->mem);
    int rc = j->rc;
    memset(j, 0, sizeof *j);
    q->print++;
    return rc;
}

/* The progress line: records, megabytes read, records a second; on a
 * terminal only, at most ten times a second. */
typedef struct warc_progress {
    int on;
    double start, last;
    unsigned long long bytes_done; /* of the files already read */
} warc_progress;

static void progress_show(warc_progress *p, const warc_counts *n, unsigned long long bytes,
                          int final)
{
    if (!p->on)
        return;
    double t = now_seconds();
    if (!final && t - p->last < 0.1)
        return;
    p->last = t;
    double secs = t - p->start > 1e-3 ? t - p->start : 1e-3;
    fprintf(stderr, "\rnewsclean: %llu records, %.1f MB, %.0f records/s\033[K", n->records,
            (double)(p->bytes_done + bytes) / 1e6, (double)n->records / secs);
    if (final)
        fputs("\r\033[K", stderr);
}

static void count_skip(warc_counts *n, const char *skip)
{
    size_t k = 0;
    while (k < SKIP_KINDS && strcmp(skip, skip_names[k]) != 0)
        k++;
    n->skipped[k]++;
}

static void report_counts(const char *file, const warc_counts *n)
{
    unsigned long long skipped = 0;
    for (size_t k = 0; k <= SKIP_KINDS; k++)
        skipped += n->skipped[k];
    fprintf(stderr, "newsclean: %s: %llu records: %llu pages cleaned, %llu failed, "
            "%llu skipped", file, n->records, n->pages - n->failed, n->failed, skipped);
    const char *sep = " (";
    for (size_t k = 0; k <= SKIP_KINDS; k++)
        if (n->skipped[k]) {
            fprintf(stderr, "%s%llu %s", sep, n->skipped[k],
                    k < SKIP_KINDS ? skip_names[k] : "other");
            sep = ", ";
        }
    fprintf(stderr, "%s, %llu broken\n", skipped ? ")" : "", n->broken);
}

/* Reads one WARC file; pages go to the ring (jobs > 1) or are cleaned
 * here. Returns 0 or EXIT_FAILED. */
static int read_warc(const cli *c, const char *file, job_ring *q, FILE *out,
                     warc_progress *prog)
{
    nc_warc_reader *w = NULL;
    nc_status st = nc_warc_open(file, 0, &w);
    if (st != NC_OK) {
        fprintf(stderr, "newsclean: %s: %s\n", file,
                st == NC_ERR_IO ? strerror(errno) : nc_strerror(st));
        return EXIT_FAILED;
    }
    warc_counts n = {0};
    int rc = 0;
    const nc_warc_record *rec = NULL;
    for (;;) {
        st = nc_warc_next(w, &rec);
        progress_show(prog, &n, nc_warc_bytes_read(w), 0);
        if (st != NC_OK) {
            fprintf(stderr, "newsclean: %s: %s\n", file, nc_warc_error(w));
            n.broken++;
            rc = EXIT_FAILED;
            if (st == NC_ERR_WARC)
                continue;
            break;
        }
        if (!rec)
            break;
        n.records++;
        if (rec->skip) {
            count_skip(&n, rec->skip);
            continue;
        }
        n.pages++;
        if (!q) {
            if (clean_record(c, file, rec, out) != 0) {
                n.failed++;
                rc = EXIT_FAILED;
            }
            continue;
        }
        if (q->put - q->print == q->size && ring_print_one(q, out) != 0) {
            n.failed++;
            rc = EXIT_FAILED;
        }
        page_job *j = &q->jobs[q->put % q->size];
        if (!job_fill(j, file, rec)) {
            fprintf(stderr, "newsclean: %s: record at byte %llu: %s\n", file, rec->offset,
                    strerror(ENOMEM));
            n.failed++;
            rc = EXIT_FAILED;
            continue;
        }
        pthread_mutex_lock(&q->mu);
        q->put++;
        pthread_cond_broadcast(&q->changed);
        pthread_mutex_unlock(&q->mu);
    }
    while (q && q->print < q->put) /* this file's lines before the next file's counts */
        if (ring_print_one(q, out) != 0) {
            n.failed++;
            rc = EXIT_FAILED;
        }
    prog->bytes_done += nc_warc_bytes_read(w);
    nc_warc_close(w);
    progress_show(prog, &n, 0, 1);
    report_counts(file, &n);
    return rc;
}

static size_t worker_count(const cli *c)
{
    if (c->jobs > 0)
        return (size_t)c->jobs;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    return cpus > 0 ? (size_t)cpus : 1;
}

int run_warc(const cli *c, char **args, size_t nargs)
{
    name_list in = {0};
    int rc = collect_inputs(c, args, nargs, &in);
    atomic_file file = {0};
    FILE *out = stdout;
    if (c->output && atomic_open(&file, c->output) != 0) {
        list_free(&in);
        return EXIT_FAILED;
    }
    if (file.f)
        out = file.f;
    size_t jobs = worker_count(c);
    job_ring ring = {.c = c, .size = 2 * jobs};
    pthread_t *threads = NULL;
    size_t started = 0;
    if (jobs > 1) {
        ring.jobs = calloc(ring.size, sizeof *ring.jobs);
        threads = calloc(jobs, sizeof *threads);
        pthread_mutex_init(&ring.mu, NULL);
        pthread_cond_init(&ring.changed, NULL);
        for (; ring.jobs && threads && started < jobs; started++)
            if (pthread_create(&threads[started], NULL, ring_worker, &ring) != 0)
                break;
    }
    warc_progress prog = {.on = progress_wanted(), .start = now_seconds()};
    for (size_t i = 0; i < in.n; i++)
        rc |= read_warc(c, in.items[i], started ? &ring : NULL, out, &prog);
    if (jobs > 1) {
        pthread_mutex_lock(&ring.mu);
        ring.closed = 1;
        pthread_cond_broadcast(&ring.changed);
        pthread_mutex_unlock(&ring.mu);
        for (size_t t = 0; t < started; t++)
            pthread_join(threads[t], NULL);
        pthread_cond_destroy(&ring.changed);
        pthread_mutex_destroy(&ring.mu);
        free(threads);
        free(ring.jobs);
    }
    if (file.f)
        rc |= atomic_commit(&file);
    else if (fflush(stdout) != 0)
        rc = EXIT_FAILED;
    list_free(&in);
    return rc;
}
