/* bench_html.c - the HTML stage's time against libxml2's parser alone.
 *
 *   bench_html [-n ROUNDS] FILE.html...
 *
 * Reads every file into memory, then times, over all files and ROUNDS
 * rounds: (1) htmlReadMemory + xmlFreeDoc with blocks/html/walk.c's parser
 * options, the tree parse most extractors start from; (2) the HTML front
 * end: nc_input_decode + nc_html_blocks (a SAX parse and the block walk);
 * (3) the whole nc_clean. One process, one run, so the ratios hold even
 * on a busy machine. Times are CPU time of this thread. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "internal.h"
#include "input/input.h"
#include "blocks/blocks.h"

/* The options lib/blocks/html/walk.c gives its parser (PARSE_OPTIONS there),
 * so the floor is the same parser on the same, unmodified pages. */
#define FLOOR_OPTIONS                                                          \
    (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |              \
     HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD)

typedef struct page {
    char *data;
    size_t len;
} page;

static double now(void)
{
    struct timespec ts;
    /* CPU time: the neighbours on a shared machine cost none. */
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int read_file(const char *path, page *p)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            char *q = realloc(buf, cap * 2);
            if (!q) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = q;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        return -1;
    p->data = buf;
    p->len = len;
    return 0;
}

int main(int argc, char **argv)
{
    int rounds = 1, first = 1;
    if (argc > 2 && strcmp(argv[1], "-n") == 0) {
        rounds = atoi(argv[2]);
        first = 3;
    }
    if (first >= argc || rounds < 1) {
        fprintf(stderr, "usage: bench_html [-n ROUNDS] FILE.html...\n");
        return 2;
    }
    size_t np = (size_t)(argc - first), bytes = 0;
    page *pages = calloc(np, sizeof *pages);
    if (!pages)
        return 1;
    for (size_t i = 0; i < np; i++) {
        if (read_file(argv[first + (int)i], &pages[i]) != 0) {
            fprintf(stderr, "bench_html: cannot read %s\n", argv[first + (int)i]);
            return 1;
        }
        bytes += pages[i].len;
    }
    xmlInitParser();
    nc_options opts;
    nc_options_init(&opts);
    opts.input = NC_INPUT_HTML;
    double t_parse = 0, t_stage = 0, t_clean = 0;
    for (int r = 0; r < rounds; r++) {
        double t0 = now();
        for (size_t i = 0; i < np; i++) {
            htmlDocPtr d = htmlReadMemory(pages[i].data, (int)pages[i].len, NULL, NULL,
                                          FLOOR_OPTIONS);
            xmlFreeDoc(d);
        }
        double t1 = now();
        for (size_t i = 0; i < np; i++) {
            nc_doc doc;
            memset(&doc, 0, sizeof doc);
            nc_arena_init(&doc.arena);
            doc.opts = opts;
            if (nc_input_decode(&doc, pages[i].data, pages[i].len) == NC_OK)
                nc_html_blocks(&doc);
            nc_doc_free(&doc);
        }
        double t2 = now();
        for (size_t i = 0; i < np; i++) {
            nc_result *res = NULL;
            if (nc_clean(pages[i].data, pages[i].len, &opts, &res) == NC_OK)
                nc_result_free(res);
        }
        double t3 = now();
        t_parse += t1 - t0;
        t_stage += t2 - t1;
        t_clean += t3 - t2;
    }
    double mb = (double)bytes * rounds / 1e6;
    printf("pages %zu  MB %.1f  rounds %d\n", np, (double)bytes / 1e6, rounds);
    printf("libxml2 htmlReadMemory+free  %7.3f s  %6.1f MB/s\n", t_parse, mb / t_parse);
    printf("decode + html_blocks         %7.3f s  %6.1f MB/s  (%.2fx the parse)\n",
           t_stage, mb / t_stage, t_stage / t_parse);
    printf("nc_clean (whole pipeline)    %7.3f s  %6.1f MB/s  (%.2fx the parse)\n",
           t_clean, mb / t_clean, t_clean / t_parse);
    for (size_t i = 0; i < np; i++)
        free(pages[i].data);
    free(pages);
    xmlCleanupParser();
    return 0;
}
