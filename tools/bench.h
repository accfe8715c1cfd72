/* bench.h - what tools/bench.c shares with bench_stages.c and
 * bench_synthetic.c. A tool's header: never installed. */
#ifndef NC_BENCH_H
#define NC_BENCH_H

#include <stdbool.h>
#include <stddef.h>

#include "newsclean.h"

typedef struct page {
    char *name;
    char *data;
    size_t len;
} page;

typedef struct page_set {
    page *pages;
    size_t n, cap;
    size_t bytes;
} page_set;

double now(void);              /* monotonic seconds */
double cpu_now(void);          /* this process's CPU seconds */
void die(const char *what);    /* prints and exits 2 */
void *xmalloc(size_t n);       /* malloc or die */
double peak_rss_mb(void);      /* getrusage's high-water mark */
double rss_mb(void);           /* the resident set now */
/* The q-quantile (0..1) of v[0..n), which it sorts. */
double quantile(double *v, size_t n, double q);

/* bench_stages.c: one thread's time split by pipeline stage. */
void bench_stages(const page_set *set, nc_input_kind input, int runs,
                  const char *group, bool tsv);

/* bench_synthetic.c: time and peak memory against page size. */
int bench_synthetic(int runs, size_t max_mb);
int bench_synthetic_one(double mb, bool html, int runs);

#endif
