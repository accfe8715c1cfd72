/* newsclean - the command line: clean scraped pages into body paragraphs.
 *
 *   newsclean [options] [FILE...]     (stdin when no FILE)
 *
 * Exit status: 0 ok, 1 an input could not be cleaned, 2 usage. */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "newsclean.h"

static const char usage_text[] =
    "usage: newsclean [options] [FILE...]\n"
    "Cleans scraped news pages (text or HTML) into their body paragraphs.\n"
    "Reads stdin when no FILE is given.\n\n"
    "  -o, --output DIR       write DIR/NAME.txt for each FILE (NAME: FILE's\n"
    "                         base name with its last extension replaced)\n"
    "  -f, --format FORMAT    text (default), json, or html (one page showing\n"
    "                         every block coloured by its label; -o writes\n"
    "                         DIR/NAME.html)\n"
    "  -e, --explain          print every block with its label and reason\n"
    "  -j, --jobs N           clean N files at a time (0: one per CPU);\n"
    "                         output order stays the order of the FILEs\n"
    "  -i, --input KIND       auto (default), text or html\n"
    "  -l, --language CODE    language hint (BCP-47, e.g. de)\n"
    "      --encoding NAME    charset hint (e.g. windows-1251)\n"
    "  -b, --bias X           -1 (precise) .. 0 (balanced) .. 1 (recall)\n"
    "      --max-input-bytes N  refuse inputs longer (default 268435456);\n"
    "                         reading stops there\n"
    "      --max-blocks N     blocks kept a page (default 1000000)\n"
    "      --max-depth N      HTML levels kept (default 256)\n"
    "      --max-line-bytes N cut longer blocks (default 1048576, at least 16)\n"
    "      --max-ms N         stop a page after N milliseconds (default 0: no\n"
    "                         limit) and print what was done by then\n"
    "  -h, --help             show this help\n"
    "  -V, --version          show the version\n";

typedef enum { FMT_TEXT, FMT_JSON, FMT_HTML } out_format;

typedef struct cli {
    nc_options opts;
    out_format format;
    int explain;
    const char *outdir;
    long jobs;
} cli;

/* Reads f up to limit + 1 bytes: one byte past the limit is enough for
 * nc_clean to refuse the input (NC_ERR_TOO_LARGE), and an endless input
 * (/dev/zero) is never held. */
static int read_all(FILE *f, size_t limit, char **data, size_t *len)
{
    size_t most = limit < SIZE_MAX ? limit + 1 : limit;
    size_t cap = most < 65536 ? most : 65536, n = 0;
    char *buf = malloc(cap ? cap : 1);
    if (!buf)
        return ENOMEM;
    for (;;) {
        if (n == most)
            break;
        if (n == cap) {
            size_t grow = cap > most / 2 ? most : cap * 2;
            char *p = realloc(buf, grow);
            if (!p) {
                free(buf);
                return ENOMEM;
            }
            buf = p;
            cap = grow;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int e = errno ? errno : EIO;
                free(buf);
                return e;
            }
            break;
        }
    }
    *data = buf;
    *len = n;
    return 0;
}

static void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

static void print_json(FILE *out, const nc_result *r)
{
    fputs("{\"title\":", out);
    if (nc_result_title(r))
        json_string(out, nc_result_title(r));
    else
        fputs("null", out);
    fputs(",\"language\":", out);
    json_string(out, nc_result_language(r));
    fprintf(out, ",\"language_confidence\":%.3f,\"script\":",
            nc_result_language_confidence(r));
    json_string(out, nc_result_script(r));
    fputs(",\"encoding\":", out);
    json_string(out, nc_result_encoding(r));
    fprintf(out, ",\"encoding_confidence\":%.3f", nc_result_encoding_confidence(r));
    fprintf(out, ",\"input\":\"%s\",\"flags\":%u,\"repairs\":%zu,\"paragraphs\":[",
            nc_result_input_kind(r) == NC_INPUT_HTML ? "html" : "text",
            nc_result_flags(r), nc_result_repair_count(r));
    for (size_t i = 0; i < nc_result_paragraph_count(r); i++) {
        if (i)
            fputc(',', out);
        json_string(out, nc_result_paragraph(r, i, NULL));
    }
    fputs("],\"blocks\":[", out);
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info b = NC_BLOCK_INFO_INIT;
        if (nc_result_block(r, i, &b) != NC_OK)
            continue;
        if (i)
            fputc(',', out);
        fputs("{\"text\":", out);
        json_string(out, b.text);
        fprintf(out, ",\"label\":\"%s\",\"reason\":\"%s\",\"score\":%.3f,\"tag\":",
                nc_label_name(b.label), nc_reason_name(b.reason), b.score);
        json_string(out, b.tag);
        fputc('}', out);
    }
    fputs("]}\n", out);
}

static void print_explain(FILE *out, const nc_result *r)
{
    fprintf(out, "# language %s (%.2f), script %s, title: %s\n",
            nc_result_language(r), nc_result_language_confidence(r),
            nc_result_script(r), nc_result_title(r) ? nc_result_title(r) : "-");
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info b = NC_BLOCK_INFO_INIT;
        if (nc_result_block(r, i, &b) != NC_OK)
            continue;
        int kept = b.label == NC_LABEL_BODY || b.label == NC_LABEL_HEADING;
        fprintf(out, "%c %-10s %-15s %.2f %s\n", kept ? '+' : '-',
                nc_label_name(b.label), nc_reason_name(b.reason), b.score, b.text);
    }
}

static void html_escaped(FILE *out, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++) {
        switch (*p) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(*p, out);
        }
    }
}

/* One colour a label, indexed by nc_label; kept labels are green/blue. */
static const char *const label_colours[NC_LABEL_COUNT] = {
    "#c8f7c5", "#b3d9ff", "#d6ecff", "#ffe0b3", "#ffd1dc", "#e0e0e0", "#f3d9fa",
    "#fff3b0", "#f0f0f0", "#ffc9c9", "#e8dccf", "#dfe7c9", "#ececec", "#f5f5f5"};

/* A self-contained page: every block coloured by label, its reason and
 * score on hover, a legend with counts; no script, no external files. */
static void print_html(FILE *out, const nc_result *r, const char *name)
{
    size_t counts[NC_LABEL_COUNT] = {0};
    size_t nblocks = nc_result_block_count(r);
    for (size_t i = 0; i < nblocks; i++) {
        nc_block_info b = NC_BLOCK_INFO_INIT;
        if (nc_result_block(r, i, &b) == NC_OK && (unsigned)b.label < NC_LABEL_COUNT)
            counts[b.label]++;
    }
    fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>newsclean: ", out);
    html_escaped(out, name);
    fputs("</title>\n<style>\n"
          "body{font:15px/1.45 sans-serif;max-width:60em;margin:1em auto;padding:0 1em}\n"
          ".b{margin:3px 0;padding:3px 6px;border-left:6px solid #999;white-space:pre-wrap}\n"
          ".b.kept{border-left-color:#2a2}\n"
          ".b.drop{color:#555}\n"
          ".tag{float:right;font:11px monospace;color:#555;margin-left:1em}\n"
          ".legend span{display:inline-block;padding:2px 6px;margin:2px;border-radius:3px}\n",
          out);
    for (int l = 0; l < NC_LABEL_COUNT; l++)
        fprintf(out, ".l-%s{background:%s}\n", nc_label_name((nc_label)l), label_colours[l]);
    fputs("</style></head><body>\n<h1>", out);
    html_escaped(out, name);
    fputs("</h1>\n<p>title: <b>", out);
    html_escaped(out, nc_result_title(r) ? nc_result_title(r) : "-");
    fprintf(out, "</b> &middot; language %s (%.2f) &middot; script %s &middot; "
            "encoding ", nc_result_language(r), nc_result_language_confidence(r),
            nc_result_script(r));
    html_escaped(out, nc_result_encoding(r));
    fprintf(out, " &middot; %s input &middot; %zu blocks, %zu paragraphs</p>\n",
            nc_result_input_kind(r) == NC_INPUT_HTML ? "html" : "text", nblocks,
            nc_result_paragraph_count(r));
    fputs("<p class=\"legend\">", out);
    for (int l = 0; l < NC_LABEL_COUNT; l++)
        if (counts[l])
            fprintf(out, "<span class=\"l-%s\">%s %zu</span>", nc_label_name((nc_label)l),
                    nc_label_name((nc_label)l), counts[l]);
    fputs("</p>\n<p>Hover over a block for its label, reason and score; "
          "a green edge marks the body paragraphs.</p>\n", out);
    for (size_t i = 0; i < nblocks; i++) {
        nc_block_info b = NC_BLOCK_INFO_INIT;
        if (nc_result_block(r, i, &b) != NC_OK)
            continue;
        int kept = b.label == NC_LABEL_BODY || b.label == NC_LABEL_HEADING;
        fprintf(out, "<div class=\"b l-%s %s\" title=\"%s: %s (score %.2f)\">",
                nc_label_name(b.label), kept ? "kept" : "drop", nc_label_name(b.label),
                nc_reason_name(b.reason), b.score);
        if (b.tag && *b.tag) {
            fputs("<span class=\"tag\">", out);
            html_escaped(out, b.tag);
            fputs("</span>", out);
        }
        html_escaped(out, b.text);
        fputs("</div>\n", out);
    }
    fputs("</body></html>\n", out);
}

static void print_text(FILE *out, const nc_result *r)
{
    size_t len = 0;
    const char *text = nc_result_text(r, &len);
    if (!text) { /* no memory for the joined copy: the paragraphs as they are */
        size_t n = nc_result_paragraph_count(r);
        for (size_t i = 0; i < n; i++) {
            const char *p = nc_result_paragraph(r, i, &len);
            fputs(i ? "\n\n" : "", out);
            fwrite(p, 1, len, out);
        }
        if (n)
            fputc('\n', out);
        return;
    }
    fwrite(text, 1, len, out);
    if (len)
        fputc('\n', out);
}

/* DIR/NAME.EXT where NAME is path's base name without its last extension
 * (EXT: "txt", or "html" for the html format). */
static char *output_path(const char *dir, const char *path, const char *ext)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t stem = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    size_t n = strlen(dir) + 1 + stem + 1 + strlen(ext) + 1;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s/%.*s.%s", dir, (int)stem, base, ext);
    return out;
}

/* Cleans one input; returns 0 or 1 (and says why on stderr). Output goes
 * to DIR/NAME.txt with -o, else to sink (stdout, or a worker's buffer). */
static int clean_one(const cli *c, const char *name, FILE *in, FILE *sink)
{
    char *data = NULL;
    size_t len = 0;
    int e = read_all(in, c->opts.max_input_bytes, &data, &len);
    if (e) {
        fprintf(stderr, "newsclean: %s: %s\n", name, strerror(e));
        return 1;
    }
    nc_result *r = NULL;
    nc_status st = nc_clean(data, len, &c->opts, &r);
    free(data);
    if (st != NC_OK) {
        fprintf(stderr, "newsclean: %s: %s\n", name, nc_strerror(st));
        return 1;
    }
    FILE *out = sink;
    char *path = NULL;
    if (c->outdir) {
        path = output_path(c->outdir, name, c->format == FMT_HTML ? "html" : "txt");
        out = path ? fopen(path, "wb") : NULL;
        if (!out) {
            fprintf(stderr, "newsclean: %s: %s\n", path ? path : name,
                    strerror(path ? errno : ENOMEM));
            free(path);
            nc_result_free(r);
            return 1;
        }
    }
    if (c->format == FMT_JSON)
        print_json(out, r);
    else if (c->format == FMT_HTML)
        print_html(out, r, name);
    else if (c->explain)
        print_explain(out, r);
    else
        print_text(out, r);
    int rc = 0;
    if (out != sink) {
        if (fclose(out) != 0) {
            fprintf(stderr, "newsclean: %s: %s\n", path, strerror(errno));
            rc = 1;
        }
    } else if (fflush(out) != 0) {
        rc = 1;
    }
    free(path);
    nc_result_free(r);
    return rc;
}

/* Opens and cleans files[i]; returns 0 or 1. */
static int clean_file(const cli *c, const char *file, FILE *sink)
{
    FILE *in = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
    if (!in) {
        fprintf(stderr, "newsclean: %s: %s\n", file, strerror(errno));
        return 1;
    }
    int rc = clean_one(c, file, in, sink);
    if (in != stdin)
        fclose(in);
    return rc;
}

/* The progress line: only on a terminal, only for many files, at most
 * ten updates a second, so it never slows a run or fills a log. */
enum { PROGRESS_MIN_FILES = 20 };

typedef struct progress {
    int on;
    size_t total, done;
    double last;
} progress;

static double now_seconds(void)
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

/* --jobs: workers take the next file from a shared counter. With -o each
 * writes its own file; else each fills a buffer that main() prints in the
 * FILEs' order as soon as it is ready, so output never interleaves. */
typedef struct job_slot {
    char *buf;
    size_t len;
    int rc, done;
} job_slot;

typedef struct pool {
    const cli *c;
    char **files;
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
        if (!p->c->outdir && !(sink = open_memstream(&s->buf, &s->len))) {
            fprintf(stderr, "newsclean: %s: %s\n", p->files[i], strerror(errno));
            s->rc = 1;
        } else {
            s->rc = clean_file(p->c, p->files[i], sink);
            if (sink && fclose(sink) != 0)
                s->rc = 1;
        }
        pthread_mutex_lock(&p->mu);
        s->done = 1;
        progress_step(&p->prog);
        pthread_cond_broadcast(&p->ready);
        pthread_mutex_unlock(&p->mu);
    }
}

static int run_pool(const cli *c, char **files, size_t nfiles, size_t jobs, int show)
{
    pool p = {.c = c, .files = files, .nfiles = nfiles,
              .prog = {.on = show, .total = nfiles}};
    p.slots = calloc(nfiles, sizeof *p.slots);
    pthread_t *threads = calloc(jobs, sizeof *threads);
    if (!p.slots || !threads) {
        free(p.slots);
        free(threads);
        fputs("newsclean: out of memory\n", stderr);
        return 1;
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.ready, NULL);
    size_t started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, pool_worker, &p) != 0)
            break;
    if (started == 0) /* no thread at all: do the work here */
        pool_worker(&p);
    int rc = 0;
    for (size_t i = 0; i < nfiles; i++) {
        pthread_mutex_lock(&p.mu);
        while (!p.slots[i].done)
            pthread_cond_wait(&p.ready, &p.mu);
        pthread_mutex_unlock(&p.mu);
        if (p.slots[i].buf) {
            fwrite(p.slots[i].buf, 1, p.slots[i].len, stdout);
            free(p.slots[i].buf);
        }
        rc |= p.slots[i].rc;
    }
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    pthread_cond_destroy(&p.ready);
    pthread_mutex_destroy(&p.mu);
    free(threads);
    free(p.slots);
    if (fflush(stdout) != 0)
        rc = 1;
    return rc;
}

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "newsclean: %s%s%s\n%s", msg, arg ? ": " : "", arg ? arg : "",
            "Try 'newsclean --help'.\n");
    return 2;
}

/* The limits of nc_options, as options taking a whole number. */
static const struct size_option {
    const char *name;
    size_t offset; /* of the size_t field in nc_options */
    size_t least;  /* the smallest value nc_clean accepts */
} size_options[] = {
    {"--max-input-bytes", offsetof(nc_options, max_input_bytes), 1},
    {"--max-blocks", offsetof(nc_options, max_blocks), 1},
    {"--max-depth", offsetof(nc_options, max_depth), 1},
    {"--max-line-bytes", offsetof(nc_options, max_line_bytes), 16},
    {"--max-ms", offsetof(nc_options, max_ms), 0},
};

/* Sets the limit option a names from val; 0 when a is none of them, 1 when
 * set, 2 (after the message) when val is missing, empty, not a plain
 * decimal number, too small or too big for size_t. */
static int set_size_option(nc_options *opts, const char *a, const char *val)
{
    for (size_t k = 0; k < sizeof size_options / sizeof *size_options; k++) {
        const struct size_option *o = &size_options[k];
        if (strcmp(a, o->name) != 0)
            continue;
        errno = 0;
        char *end = NULL;
        unsigned long long n = val && val[0] >= '0' && val[0] <= '9' ? strtoull(val, &end, 10) : 0;
        if (!end || *end || errno == ERANGE || n > SIZE_MAX || n < o->least) {
            fprintf(stderr, "newsclean: %s needs a whole number from %zu to %zu%s%s\n"
                    "Try 'newsclean --help'.\n", a, o->least, (size_t)SIZE_MAX,
                    val ? ": " : "", val ? val : "");
            return 2;
        }
        size_t v = (size_t)n;
        memcpy((char *)opts + o->offset, &v, sizeof v);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    cli c = {0};
    c.jobs = 1;
    nc_options_init(&c.opts);
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
#define TAKES(shortopt, longopt)                                             \
    ((strcmp(a, shortopt) == 0 || strcmp(a, longopt) == 0) &&                \
     (i + 1 < argc ? (val = argv[++i], 1) : (val = NULL, 1)))
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            return 0;
        } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("newsclean %s\n", nc_version_string());
            return 0;
        } else if (strcmp(a, "-e") == 0 || strcmp(a, "--explain") == 0) {
            c.explain = 1;
        } else if (TAKES("-o", "--output")) {
            if (!val)
                return usage_error("missing directory after", a);
            c.outdir = val;
        } else if (TAKES("-f", "--format")) {
            if (val && strcmp(val, "text") == 0)
                c.format = FMT_TEXT;
            else if (val && strcmp(val, "json") == 0)
                c.format = FMT_JSON;
            else if (val && strcmp(val, "html") == 0)
                c.format = FMT_HTML;
            else
                return usage_error("unknown format", val);
        } else if (TAKES("-j", "--jobs")) {
            char *end = NULL;
            long n = val ? strtol(val, &end, 10) : -1;
            if (!val || end == val || *end || n < 0 || n > 1024)
                return usage_error("jobs must be a number from 0 to 1024", val);
            c.jobs = n;
        } else if (TAKES("-i", "--input")) {
            if (val && strcmp(val, "auto") == 0)
                c.opts.input = NC_INPUT_AUTO;
            else if (val && strcmp(val, "text") == 0)
                c.opts.input = NC_INPUT_TEXT;
            else if (val && strcmp(val, "html") == 0)
                c.opts.input = NC_INPUT_HTML;
            else
                return usage_error("unknown input kind", val);
        } else if (TAKES("-l", "--language")) {
            if (!val)
                return usage_error("missing code after", a);
            c.opts.language = val;
        } else if (TAKES("--encoding", "--encoding")) {
            if (!val)
                return usage_error("missing charset after", a);
            c.opts.encoding = val;
        } else if (TAKES("-b", "--bias")) {
            char *end = NULL;
            double b = val ? strtod(val, &end) : 0.0;
            if (!val || end == val || *end || !(b >= -1.0 && b <= 1.0))
                return usage_error("bias must be a number from -1 to 1", val);
            c.opts.recall_bias = b;
        } else if (strncmp(a, "--max-", 6) == 0) {
            val = i + 1 < argc ? argv[++i] : NULL;
            int set = set_size_option(&c.opts, a, val);
            if (set != 1)
                return set ? set : usage_error("unknown option", a);
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option", a);
        } else {
            break;
        }
#undef TAKES
    }
    if (i == argc) {
        if (c.outdir)
            return usage_error("-o needs FILE arguments", NULL);
        return clean_one(&c, "-", stdin, stdout);
    }
    size_t nfiles = (size_t)(argc - i);
    int show = nfiles >= PROGRESS_MIN_FILES && isatty(STDERR_FILENO);
    size_t jobs = (size_t)c.jobs;
    if (jobs == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cpus > 0 ? (size_t)cpus : 1;
    }
    if (jobs > nfiles)
        jobs = nfiles;
    if (jobs > 1)
        return run_pool(&c, argv + i, nfiles, jobs, show);
    int rc = 0;
    progress prog = {.on = show, .total = nfiles};
    for (; i < argc; i++) {
        rc |= clean_file(&c, argv[i], stdout);
        progress_step(&prog);
    }
    return rc;
}
