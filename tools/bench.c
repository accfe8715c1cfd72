/*
 * bench.c - how fast newsclean is, and how that compares to the floor.
 *
 *   bench [--threads N] [--runs N] [--input text|html|auto] [--no-floor]
 *         [--stages] [--tsv] [PATH...]
 *   bench --synthetic [--runs N] [--max-mb N]
 *   bench --synthetic-one MB --input text|html [--runs N]   (for profilers)
 *
 * Every PATH is a page or a folder of pages (*.txt, *.html, *.htm, and the
 * same ending in .gz, read with zlib). All pages are loaded into memory
 * first, so disk and gzip never count. Pages are grouped by their ending
 * (text or HTML); for each group it reports pages/s, MB/s (input bytes)
 * and per-page latency p50/p99, single-threaded and with N threads, each
 * the median of --runs runs after one warm-up pass. For HTML it also times
 * the floor, libxml2's parser alone on the same pages, and prints our time
 * as a multiple of it. --synthetic builds pages of 100 KB .. 100 MB in
 * memory and shows how time and peak memory grow with input size.
 * --stages also splits one thread's time by pipeline stage (it calls the
 * stages as lib/newsclean.c does, through the internal header).
 *
 * A tool, not the library: it prints and exits as tools do.
 */
#include <errno.h>
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <zlib.h>

#include "bench.h"

/* libxml2's options for the floor: the ones lib/blocks/html/walk.c gives its
 * parser (keep the two in step). */
#define FLOOR_HTML_OPTIONS                                                   \
    (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |           \
     HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD)


/* What one timed pass over a page set does with a page: nc_clean, the
 * floor (htmlReadMemory builds the tree, xmlFreeDoc frees it), or the
 * parser in SAX mode with no callbacks (what blocks/html/walk.c can never
 * avoid: it walks SAX events, not a tree). */
typedef enum work_kind { WORK_CLEAN, WORK_LIBXML2, WORK_SAX } work_kind;

typedef struct pass_args {
    const page_set *set;
    work_kind work;
    nc_input_kind input;
    atomic_size_t *next;   /* shared page counter (work stealing) */
    double *latency;       /* per page, seconds, indexed by page */
    size_t failures;
    double cpu;            /* the thread's CPU seconds in the pass */
} pass_args;

double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void die(const char *what)
{
    fprintf(stderr, "bench: %s\n", what);
    exit(2);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

/* This process's CPU time: figures that other load on the machine does not
 * inflate (single-threaded parts only). */
double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double peak_rss_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0; /* Linux: kilobytes */
}

/* Current resident set, from /proc/self/statm (0 when unreadable). */
double rss_mb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long size = 0, resident = 0;
    if (!f)
        return 0;
    if (fscanf(f, "%lu %lu", &size, &resident) != 2)
        resident = 0;
    fclose(f);
    return (double)resident * (double)sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool is_html_name(const char *name)
{
    return ends_with(name, ".html") || ends_with(name, ".htm") ||
           ends_with(name, ".html.gz") || ends_with(name, ".htm.gz");
}

static bool is_page_name(const char *name)
{
    return is_html_name(name) || ends_with(name, ".txt") ||
           ends_with(name, ".txt.gz");
}

/* Reads a whole file; gzread passes plain files through unchanged. */
static bool load_file(const char *path, page *out)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return false;
    size_t cap = 1 << 16, len = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (cap - len < 1 << 16) {
            cap *= 2;
            char *p = realloc(buf, cap);
            if (!p)
                die("out of memory");
            buf = p;
        }
        int n = gzread(gz, buf + len, (unsigned)(cap - len));
        if (n < 0) {
            gzclose(gz);
            free(buf);
            return false;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    gzclose(gz);
    out->data = buf;
    out->len = len;
    out->name = strdup(path);
    if (!out->name)
        die("out of memory");
    return true;
}

static void set_add(page_set *set, page p)
{
    if (set->n == set->cap) {
        set->cap = set->cap ? set->cap * 2 : 256;
        set->pages = realloc(set->pages, set->cap * sizeof *set->pages);
        if (!set->pages)
            die("out of memory");
    }
    set->pages[set->n++] = p;
    set->bytes += p.len;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_path(const char *path, page_set *text, page_set *html)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "bench: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (!d)
            die("cannot open a folder");
        char **names = NULL;
        size_t n = 0, cap = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (!is_page_name(e->d_name))
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 256;
                names = realloc(names, cap * sizeof *names);
                if (!names)
                    die("out of memory");
            }
            size_t len = strlen(path) + strlen(e->d_name) + 2;
            names[n] = xmalloc(len);
            snprintf(names[n], len, "%s/%s", path, e->d_name);
            n++;
        }
        closedir(d);
        qsort(names, n, sizeof *names, cmp_str); /* same order every run */
        for (size_t i = 0; i < n; i++) {
            load_path(names[i], text, html);
            free(names[i]);
        }
        free(names);
        return;
    }
    page p;
    if (!load_file(path, &p)) {
        fprintf(stderr, "bench: cannot read %s\n", path);
        exit(2);
    }
    set_add(is_html_name(path) ? html : text, p);
}

static void set_free(page_set *set)
{
    for (size_t i = 0; i < set->n; i++) {
        free(set->pages[i].name);
        free(set->pages[i].data);
    }
    free(set->pages);
    memset(set, 0, sizeof *set);
}

/* ---- one pass ---- */

static void sax_ignore_error(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    (void)err;
}

static bool sax_parse(const page *p)
{
    if (p->len > INT32_MAX)
        return false;
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(p->data, (int)p->len);
    if (!ctxt)
        return false;
    htmlSAXHandler *sax = ctxt->sax;
    memset(sax, 0, sizeof *sax);
    sax->serror = sax_ignore_error;
    sax->initialized = XML_SAX2_MAGIC;
    htmlCtxtUseOptions(ctxt, FLOOR_HTML_OPTIONS);
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctxt);
    htmlFreeParserCtxt(ctxt);
    return true;
}

static bool run_page(const page *p, work_kind work, nc_input_kind input)
{
    if (work == WORK_SAX)
        return sax_parse(p);
    if (work == WORK_LIBXML2) {
        if (p->len > INT32_MAX)
            return false;
        htmlDocPtr doc = htmlReadMemory(p->data, (int)p->len, NULL, NULL,
                                        FLOOR_HTML_OPTIONS);
        if (!doc)
            return false;
        xmlFreeDoc(doc);
        return true;
    }
    nc_options opts;
    nc_options_init(&opts);
    opts.input = input;
    if (p->len > opts.max_input_bytes)
        opts.max_input_bytes = p->len;
    nc_result *r = NULL;
    nc_status st = nc_clean(p->data, p->len, &opts, &r);
    nc_result_free(r);
    return st == NC_OK;
}

static double thread_cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void *pass_thread(void *arg)
{
    pass_args *a = arg;
    double c0 = thread_cpu_now();
    for (;;) {
        size_t i = atomic_fetch_add(a->next, 1);
        if (i >= a->set->n)
            break;
        double t0 = now();
        if (!run_page(&a->set->pages[i], a->work, a->input))
            a->failures++;
        a->latency[i] = now() - t0;
    }
    a->cpu = thread_cpu_now() - c0;
    return NULL;
}

typedef struct pass_result {
    double seconds;  /* wall time of the pass */
    double cpu;      /* CPU time of all its threads */
    double p50, p99; /* per-page latency, seconds */
    size_t failures;
} pass_result;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) of v[0..n), which it sorts. */
double quantile(double *v, size_t n, double q)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, cmp_double);
    size_t k = (size_t)(q * (double)(n - 1) + 0.5);
    return v[k];
}

static pass_result run_pass(const page_set *set, work_kind work,
                            nc_input_kind input, int threads)
{
    atomic_size_t next = 0;
    double *latency = xmalloc(set->n * sizeof *latency);
    pass_args *args = xmalloc((size_t)threads * sizeof *args);
    pthread_t *tids = xmalloc((size_t)threads * sizeof *tids);
    double t0 = now();
    for (int t = 0; t < threads; t++) {
        args[t] = (pass_args){set, work, input, &next, latency, 0, 0};
        if (threads == 1)
            pass_thread(&args[0]);
        else if (pthread_create(&tids[t], NULL, pass_thread, &args[t]) != 0)
            die("cannot start a thread");
    }
    if (threads > 1)
        for (int t = 0; t < threads; t++)
            pthread_join(tids[t], NULL);
    pass_result r = {now() - t0, 0, 0, 0, 0};
    for (int t = 0; t < threads; t++) {
        r.failures += args[t].failures;
        r.cpu += args[t].cpu;
    }
    r.p50 = quantile(latency, set->n, 0.50);
    r.p99 = quantile(latency, set->n, 0.99);
    free(latency);
    free(args);
    free(tids);
    return r;
}

/* The median of each figure over `runs` passes, after one warm-up. */
static pass_result measure(const page_set *set, work_kind work,
                           nc_input_kind input, int threads, int runs)
{
    pass_result warm = run_pass(set, work, input, threads);
    double *secs = xmalloc((size_t)runs * sizeof *secs);
    double *p50 = xmalloc((size_t)runs * sizeof *p50);
    double *p99 = xmalloc((size_t)runs * sizeof *p99);
    double *cpu = xmalloc((size_t)runs * sizeof *cpu);
    for (int i = 0; i < runs; i++) {
        pass_result r = run_pass(set, work, input, threads);
        secs[i] = r.seconds;
        cpu[i] = r.cpu;
        p50[i] = r.p50;
        p99[i] = r.p99;
    }
    pass_result m = {quantile(secs, (size_t)runs, 0.5),
                     quantile(cpu, (size_t)runs, 0.5),
                     quantile(p50, (size_t)runs, 0.5),
                     quantile(p99, (size_t)runs, 0.5), warm.failures};
    free(cpu);
    free(secs);
    free(p50);
    free(p99);
    return m;
}

typedef struct report {
    bool tsv;
    bool stages;
} report;

static void print_row(const report *rep, const char *group, const char *what,
                      int threads, const page_set *set, pass_result r)
{
    double pps = (double)set->n / r.seconds;
    double mbs = (double)set->bytes / (1024.0 * 1024.0) / r.seconds;
    /* Per busy core: what an idle machine would give one thread. */
    double cpu_mbs = (double)set->bytes / (1024.0 * 1024.0) / r.cpu;
    if (rep->tsv)
        printf("RESULT\t%s\t%s\t%d\t%.1f\t%.2f\t%.3f\t%.3f\t%zu\t%.2f\n",
               group, what, threads, pps, mbs, r.p50 * 1e3, r.p99 * 1e3,
               r.failures, cpu_mbs);
    else
        printf("%-5s %-9s %3d %10.1f %9.2f %9.3f %9.3f %9.2f %s\n", group,
               what, threads, pps, mbs, r.p50 * 1e3, r.p99 * 1e3, cpu_mbs,
               r.failures ? "(failures)" : "");
}

static void bench_group(const report *rep, const char *group,
                        const page_set *set, nc_input_kind input, int threads,
                        int runs, bool floor)
{
    if (set->n == 0)
        return;
    double base = peak_rss_mb();
    pass_result one = measure(set, WORK_CLEAN, input, 1, runs);
    print_row(rep, group, "newsclean", 1, set, one);
    pass_result many = one;
    if (threads > 1) {
        many = measure(set, WORK_CLEAN, input, threads, runs);
        print_row(rep, group, "newsclean", threads, set, many);
    }
    double peak = peak_rss_mb();
    pass_result fl1 = {0}, fln = {0}, sax = {0};
    if (floor) {
        fl1 = measure(set, WORK_LIBXML2, input, 1, runs);
        print_row(rep, group, "libxml2", 1, set, fl1);
        if (threads > 1) {
            fln = measure(set, WORK_LIBXML2, input, threads, runs);
            print_row(rep, group, "libxml2", threads, set, fln);
        }
        sax = measure(set, WORK_SAX, input, 1, runs);
        print_row(rep, group, "sax-only", 1, set, sax);
    }
    if (rep->stages)
        bench_stages(set, input, runs, group, rep->tsv);
    double scaling = one.seconds / many.seconds / threads;
    if (rep->tsv) {
        if (threads > 1)
            printf("SCALING\t%s\t%d\t%.3f\t%.3f\n", group, threads, scaling,
                   many.cpu / one.cpu);
        if (floor)
            printf("FLOOR\t%s\t%.3f\t%.3f\t%.3f\n", group,
                   one.seconds / fl1.seconds, one.seconds / sax.seconds,
                   one.cpu / fl1.cpu);
        printf("RSS\t%s\t%.1f\t%.1f\n", group, base, peak);
        return;
    }
    if (threads > 1) {
        printf("      %d threads give %.2f x %d x one thread's throughput\n",
               threads, scaling, threads);
        /* On a busy machine wall-clock scaling measures the neighbours;
         * the CPU time the same pages cost shows what threads cost us
         * (locks, malloc, cache): 1.00 is none. */
        printf("      and spend %.2f x one thread's CPU time on the same"
               " pages\n", many.cpu / one.cpu);
    }
    if (floor) {
        printf("      newsclean takes %.2f x libxml2's parse-only time"
               " (1 thread; %.2f x by CPU time)", one.seconds / fl1.seconds,
               one.cpu / fl1.cpu);
        if (threads > 1)
            printf(", %.2f x (%d threads)", many.seconds / fln.seconds,
                   threads);
        printf("\n      and %.2f x the SAX parser's alone (no tree, no"
               " callbacks)\n", one.seconds / sax.seconds);
    }
    printf("      peak RSS %.1f MB (%.1f MB before this group)\n", peak, base);
}

static void usage(void)
{
    fprintf(stderr,
            "usage: bench [--threads N] [--runs N] [--input text|html|auto]\n"
            "             [--no-floor] [--stages] [--tsv] [PATH...]\n"
            "       bench --synthetic [--runs N] [--max-mb N]\n"
            "       bench --synthetic-one MB --input text|html [--runs N]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int threads = cores > 0 ? (int)cores : 1, runs = 5;
    bool synthetic = false, floor = true, input_set = false;
    size_t max_mb = 100;
    double one_mb = 0;
    nc_input_kind input = NC_INPUT_AUTO;
    report rep = {false, false};
    page_set text = {0}, html = {0};
    int npaths = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--threads") && i + 1 < argc) {
            threads = atoi(argv[++i]);
        } else if (!strcmp(a, "--runs") && i + 1 < argc) {
            runs = atoi(argv[++i]);
        } else if (!strcmp(a, "--max-mb") && i + 1 < argc) {
            max_mb = (size_t)atol(argv[++i]);
        } else if (!strcmp(a, "--input") && i + 1 < argc) {
            const char *v = argv[++i];
            input_set = true;
            if (!strcmp(v, "text"))
                input = NC_INPUT_TEXT;
            else if (!strcmp(v, "html"))
                input = NC_INPUT_HTML;
            else if (!strcmp(v, "auto"))
                input = NC_INPUT_AUTO;
            else
                usage();
        } else if (!strcmp(a, "--synthetic")) {
            synthetic = true;
        } else if (!strcmp(a, "--synthetic-one") && i + 1 < argc) {
            one_mb = atof(argv[++i]);
        } else if (!strcmp(a, "--no-floor")) {
            floor = false;
        } else if (!strcmp(a, "--tsv")) {
            rep.tsv = true;
        } else if (!strcmp(a, "--stages")) {
            rep.stages = true;
        } else if (a[0] == '-') {
            usage();
        } else {
            npaths++;
        }
    }
    if (threads < 1 || runs < 1)
        usage();
    xmlInitParser();
    if (synthetic)
        return bench_synthetic(runs, max_mb);
    if (one_mb > 0)
        return bench_synthetic_one(one_mb, input == NC_INPUT_HTML, runs);
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-') {
            if (strcmp(argv[i], "--synthetic") && strcmp(argv[i], "--no-floor") &&
                strcmp(argv[i], "--tsv") && strcmp(argv[i], "--stages"))
                i++; /* skip the option's value */
            continue;
        }
        load_path(argv[i], &text, &html);
    }
    if (npaths == 0)
        load_path("tests/data/seed/text-lines", &text, &html);
    if (text.n + html.n == 0)
        die("no pages (*.txt, *.html, *.html.gz) found");
    double loaded = rss_mb();
    if (!rep.tsv) {
        printf("newsclean %s bench: %zu text pages (%.2f MB), %zu HTML pages"
               " (%.2f MB); %d runs (median), %d threads, %ld cores\n",
               nc_version_string(), text.n, (double)text.bytes / (1 << 20),
               html.n, (double)html.bytes / (1 << 20), runs, threads, cores);
        printf("RSS with the pages loaded: %.1f MB\n", loaded);
        printf("%-5s %-9s %3s %10s %9s %9s %9s %9s\n", "input", "program",
               "thr", "pages/s", "MB/s", "p50 ms", "p99 ms", "MB/cpu-s");
    }
    /* Without --input each group says what it is, as a caller who knows
     * would; --input auto measures the detection too. */
    bench_group(&rep, "text", &text, input_set ? input : NC_INPUT_TEXT,
                threads, runs, false);
    bench_group(&rep, "html", &html, input_set ? input : NC_INPUT_HTML,
                threads, runs, floor);
    set_free(&text);
    set_free(&html);
    xmlCleanupParser();
    return 0;
}
