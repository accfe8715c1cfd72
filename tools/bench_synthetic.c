/* bench_synthetic.c - `bench --synthetic`: pages of 100 KB .. 100 MB
 * made in memory, and how time and peak memory grow with their size.
 * Each size runs in a child process, so its peak RSS is its own. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

static const char *const paragraphs[] = {
    "The city council voted on Tuesday to approve a new budget that raises "
    "spending on public transport by 12 percent, after months of debate "
    "over how to pay for repairs to the ageing tram network.",
    "Officials said the money would be used to replace tracks on the busiest "
    "lines first, and that work would begin in the spring, when passenger "
    "numbers are usually at their lowest.",
    "Opposition members argued that the plan did too little for the outer "
    "districts, where many residents still depend on buses that run only "
    "once an hour in the evening.",
    "\"We have waited a long time for this decision, and it is only a first "
    "step,\" said the head of the local passengers' association, who "
    "called for a timetable to be published within weeks.",
    "According to the finance department, the extra spending will be "
    "covered partly by a rise in parking fees and partly by a loan from a "
    "regional development bank, to be repaid over twenty years.",
    "The mayor, who has made transport a central promise of her term, told "
    "reporters that she expected the first new trams to enter service "
    "before the end of next year.",
};
static const char *const menu[] = {
    "Home", "News", "World", "Business", "Sport", "Culture", "Opinion",
    "Subscribe", "Log in", "Share on Facebook", "Share on Twitter",
    "Most read", "Cookie settings", "Terms of use", "Privacy policy",
};
#define NPARA (sizeof paragraphs / sizeof *paragraphs)
#define NMENU (sizeof menu / sizeof *menu)

static void buf_add(char **buf, size_t *len, size_t *cap, const char *s)
{
    size_t n = strlen(s);
    if (*len + n + 1 > *cap) {
        while (*len + n + 1 > *cap)
            *cap = *cap ? *cap * 2 : 1 << 16;
        *buf = realloc(*buf, *cap);
        if (!*buf)
            die("out of memory");
    }
    memcpy(*buf + *len, s, n + 1);
    *len += n;
}

/* A page of about `size` bytes: a menu, then sections of numbered
 * paragraphs (numbered so no two blocks repeat) with a short menu between
 * sections, as long news pages and live blogs look. */
static char *synthetic_page(size_t size, bool html, size_t *out_len)
{
    char *buf = NULL, line[1024];
    size_t len = 0, cap = 0, k = 0;
    if (html)
        buf_add(&buf, &len, &cap,
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<title>Council approves transport budget</title></head><body>"
                "<header><nav class=\"main-menu\"><ul>");
    for (size_t m = 0; m < NMENU; m++) {
        if (html)
            snprintf(line, sizeof line, "<li><a href=\"/s/%zu\">%s</a></li>", m,
                     menu[m]);
        else
            snprintf(line, sizeof line, "%s\n", menu[m]);
        buf_add(&buf, &len, &cap, line);
    }
    if (html)
        buf_add(&buf, &len, &cap,
                "</ul></nav></header><main><article>"
                "<h1>Council approves transport budget</h1>");
    while (len < size) {
        if (html)
            buf_add(&buf, &len, &cap, "<section class=\"entry\">");
        snprintf(line, sizeof line, html ? "<h2>Update %zu</h2>" : "Update %zu\n",
                 k);
        buf_add(&buf, &len, &cap, line);
        for (size_t i = 0; i < NPARA; i++, k++) {
            snprintf(line, sizeof line, html ? "<p>%s (%zu)</p>\n" : "%s (%zu)\n",
                     paragraphs[(i + k / NPARA) % NPARA], k);
            buf_add(&buf, &len, &cap, line);
        }
        if (html)
            buf_add(&buf, &len, &cap,
                    "<figure><img src=\"/i.jpg\"><figcaption>Photo: A tram in "
                    "the city centre. / Agency</figcaption></figure>"
                    "<div class=\"share\"><a href=\"#\">Share</a> "
                    "<a href=\"#\">Tweet</a> <a href=\"#\">Email</a></div>"
                    "</section>\n");
        else
            buf_add(&buf, &len, &cap,
                    "Photo: A tram in the city centre. / Agency\nShare\nTweet\n"
                    "Email\n");
    }
    if (html)
        buf_add(&buf, &len, &cap,
                "</article></main><footer><p>Copyright 2024 The Daily Example."
                " All rights reserved.</p></footer></body></html>");
    else
        buf_add(&buf, &len, &cap,
                "Copyright 2024 The Daily Example. All rights reserved.\n");
    *out_len = len;
    return buf;
}

typedef struct synth_figures {
    double seconds; /* median time of one nc_clean call */
    double cpu;     /* median CPU time of one call (other load excluded) */
    double extra_mb;/* peak RSS during the calls minus RSS before the input */
    int runs;
    int status;
} synth_figures;

/* Runs in a child process, so each size's peak RSS is its own. */
static synth_figures synth_measure(size_t size, bool html, int runs)
{
    synth_figures f = {0, 0, 0, 0, 0};
    double before = rss_mb();
    size_t len;
    char *page = synthetic_page(size, html, &len);
    nc_options opts;
    nc_options_init(&opts);
    opts.input = html ? NC_INPUT_HTML : NC_INPUT_TEXT;
    opts.max_input_bytes = len + 1;
    opts.max_blocks = SIZE_MAX;
    opts.max_depth = 1024;
    /* Small pages repeat until a run takes long enough to time well. */
    double *secs = xmalloc((size_t)runs * sizeof *secs);
    double *cpu = xmalloc((size_t)runs * sizeof *cpu);
    for (int r = -1; r < runs; r++) {
        int reps = 0;
        double t0 = now(), c0 = cpu_now(), t;
        do {
            nc_result *res = NULL;
            f.status = nc_clean(page, len, &opts, &res);
            nc_result_free(res);
            reps++;
            t = now() - t0;
        } while (t < 0.2 && f.status == NC_OK);
        if (r >= 0) {
            secs[r] = t / reps;
            cpu[r] = (cpu_now() - c0) / reps;
        }
    }
    f.seconds = quantile(secs, (size_t)runs, 0.5);
    f.cpu = quantile(cpu, (size_t)runs, 0.5);
    free(cpu);
    f.extra_mb = peak_rss_mb() - before;
    f.runs = runs;
    free(secs);
    free(page);
    return f;
}

int bench_synthetic(int runs, size_t max_mb)
{
    static const size_t sizes[] = {100u << 10, 1u << 20, 10u << 20, 100u << 20};
    printf("synthetic pages: median of %d runs (small pages repeated to 0.2 s"
           " a run), one thread;\nmemory = peak RSS minus RSS before the page "
           "was made (the page itself included)\n", runs);
    printf("%-5s %9s %10s %10s %9s %10s %10s %9s\n", "input", "size MB",
           "seconds", "cpu s", "MB/s", "time/prop", "memory MB", "limit MB");
    for (int h = 0; h < 2; h++) {
        double base_rate = 0;
        for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
            if (sizes[s] > max_mb << 20)
                continue;
            int fd[2];
            if (pipe(fd) != 0)
                die("pipe failed");
            fflush(stdout);
            pid_t pid = fork();
            if (pid < 0)
                die("fork failed");
            if (pid == 0) {
                close(fd[0]);
                int n = sizes[s] >= 100u << 20 ? (runs < 3 ? runs : 3) : runs;
                synth_figures f = synth_measure(sizes[s], h == 1, n);
                if (write(fd[1], &f, sizeof f) != (ssize_t)sizeof f)
                    _exit(1);
                _exit(0);
            }
            close(fd[1]);
            synth_figures f;
            ssize_t got = read(fd[0], &f, sizeof f);
            close(fd[0]);
            int wst;
            waitpid(pid, &wst, 0);
            if (got != (ssize_t)sizeof f) {
                printf("%-5s %9.1f   (the child failed)\n", h ? "html" : "text",
                       (double)sizes[s] / (1 << 20));
                continue;
            }
            double mb = (double)sizes[s] / (1 << 20);
            /* CPU seconds per MB: wall time on a shared machine would
             * measure the neighbours. */
            double rate = f.cpu / mb;
            if (base_rate == 0)
                base_rate = rate;
            printf("%-5s %9.1f %10.4f %10.4f %9.2f %10.2f %10.1f %9.1f %s\n",
                   h ? "html" : "text", mb, f.seconds, f.cpu, mb / f.cpu,
                   rate / base_rate, f.extra_mb, 4 * mb + 16,
                   f.status != NC_OK ? nc_strerror((nc_status)f.status) : "");
        }
    }
    printf("MB/s and time/prop from CPU time; time/prop: CPU seconds per MB"
           " relative to the smallest page (target <= 1.3)\n"
           "limit: 4 x input + 16 MB\n");
    return 0;
}

int bench_synthetic_one(double mb, bool html, int runs)
{
    synth_figures f = synth_measure((size_t)(mb * (1 << 20)), html, runs);
    printf("%s %.1f MB: %.4f s, cpu %.4f s, memory %.1f MB, %s\n",
           html ? "html" : "text", mb, f.seconds, f.cpu, f.extra_mb,
           nc_strerror((nc_status)f.status));
    return f.status == NC_OK ? 0 : 1;
}
