/* check_threads.c - nc_clean from 8 threads at once, on the same page and
 * on different pages, thousands of calls; every result must be
 * byte-identical to the single-threaded one (text, every block's label,
 * reason, score and tag, title, language, script, encoding, flags).
 * `make tsan` runs this suite under ThreadSanitizer. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

enum { NTHREADS = 8, MAX_PAGES = 16 };

typedef struct page {
    char *data;
    size_t len;
    char *expected; /* the single-threaded result, serialised */
    size_t expected_len;
} page;

static page pages[MAX_PAGES];
static size_t npages;

typedef struct sbuf {
    char *data;
    size_t len, cap;
} sbuf;

static bool sput(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p)
            return false;
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

static bool sputs(sbuf *b, const char *s) { return sput(b, s, strlen(s)); }

/* Everything a caller can read from a result, as one string. No Check
 * asserts here: it runs in the worker threads. NULL on failure. */
static char *serialise(const char *input, size_t len, size_t *out_len)
{
    nc_result *r = NULL;
    nc_status st = nc_clean(input, len, NULL, &r);
    sbuf b = {0};
    char tmp[128];
    snprintf(tmp, sizeof tmp, "status %d\n", (int)st);
    bool ok = sputs(&b, tmp);
    if (st == NC_OK) {
        const char *title = nc_result_title(r);
        snprintf(tmp, sizeof tmp, "lang %s %.17g script %s enc %s flags %u rep %zu kind %d\n",
                 nc_result_language(r), nc_result_language_confidence(r),
                 nc_result_script(r), nc_result_encoding(r), nc_result_flags(r),
                 nc_result_repair_count(r), (int)nc_result_input_kind(r));
        ok = ok && sputs(&b, tmp) && sputs(&b, title ? title : "(no title)") &&
             sputs(&b, "\n");
        for (size_t i = 0; ok && i < nc_result_block_count(r); i++) {
            nc_block_info info = NC_BLOCK_INFO_INIT;
            if (nc_result_block(r, i, &info) != NC_OK) {
                ok = false;
                break;
            }
            snprintf(tmp, sizeof tmp, "%s %s %.17g %s|", nc_label_name(info.label),
                     nc_reason_name(info.reason), info.score, info.tag);
            ok = sputs(&b, tmp) && sput(&b, info.text, info.length) &&
                 sputs(&b, "\n");
        }
        size_t tlen = 0;
        const char *text = nc_result_text(r, &tlen);
        ok = ok && sputs(&b, "--\n") && sput(&b, text, tlen);
    }
    nc_result_free(r);
    if (!ok) {
        free(b.data);
        return NULL;
    }
    *out_len = b.len;
    return b.data;
}

static void add_page(char *data, size_t len)
{
    ck_assert_uint_lt(npages, MAX_PAGES);
    ck_assert_ptr_nonnull(data);
    pages[npages].data = data;
    pages[npages].len = len;
    npages++;
}

/* The single-threaded results, made after the pages are loaded. */
static void compute_expected(void)
{
    for (size_t i = 0; i < npages; i++) {
        pages[i].expected = serialise(pages[i].data, pages[i].len,
                                      &pages[i].expected_len);
        ck_assert_ptr_nonnull(pages[i].expected);
    }
}

static void add_file(const char *path)
{
    size_t len = 0;
    char *data = tu_read_file(path, &len);
    if (data)
        add_page(data, len);
}

static void load_pages(void)
{
    add_file("tests/data/seed/text-lines/sputnik-cyber-unit.txt");
    add_file("tests/cases/html-en-frog.html");
    add_file("tests/cases/html-de-ebusse.html");
    add_file("tests/cases/lynx-en-storms.txt");
    add_file("tests/cases/lines-fr-jazz.txt");
    add_file("tests/cases/html-en-bridge.html");
    /* Pages that take the other input paths: a charset guess, UTF-16,
     * repairs, CJK word breaking. */
    const char cp1251[] = "\xCC\xEE\xF1\xEA\xE2\xE0 \xE8 \xF0\xE5\xE3\xE8\xEE\xED\xFB: "
                          "\xED\xEE\xE2\xEE\xF1\xF2\xE8 \xE4\xED\xFF.\n";
    add_page(strdup(cp1251), sizeof cp1251 - 1);
    const char u16[] = "\xFF\xFE" "H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0\n\0";
    char *p = malloc(sizeof u16 - 1);
    ck_assert_ptr_nonnull(p);
    memcpy(p, u16, sizeof u16 - 1);
    add_page(p, sizeof u16 - 1);
    const char bad[] = "Bad \xFF bytes \xC0\xAF here and \xE2\x82 there.\n";
    add_page(strndup(bad, sizeof bad - 1), sizeof bad - 1);
    add_page(strdup("\xE5\x8C\x97\xE4\xBA\xAC\xE6\x97\xB6\xE9\x97\xB4\xE4\xBB\x8A"
                    "\xE5\xA4\xA9\xE4\xB8\x8A\xE5\x8D\x88\xEF\xBC\x8C\xE6\x96\xB0"
                    "\xE9\x97\xBB\xE5\x8F\x91\xE5\xB8\x83\xE4\xBC\x9A\xE4\xB8\xBE"
                    "\xE8\xA1\x8C\xE3\x80\x82\n"), 0);
    pages[npages - 1].len = strlen(pages[npages - 1].data);
    ck_assert_uint_ge(npages, 4);
}

static void setup(void)
{
    load_pages();
    compute_expected();
}

static void teardown(void)
{
    for (size_t i = 0; i < npages; i++) {
        free(pages[i].data);
        free(pages[i].expected);
    }
    npages = 0;
}

typedef struct job {
    int thread;
    int calls;
    bool same_page;
    int mismatches;
    int failures;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    for (int i = 0; i < j->calls; i++) {
        size_t k = j->same_page ? 0 : (size_t)(j->thread + i) % npages;
        size_t len = 0;
        char *got = serialise(pages[k].data, pages[k].len, &len);
        if (!got)
            j->failures++;
        else if (len != pages[k].expected_len ||
                 memcmp(got, pages[k].expected, len) != 0)
            j->mismatches++;
        free(got);
    }
    return NULL;
}

static void run_threads(bool same_page)
{
    int calls = tu_slow() ? 40 : 400; /* 8 x 400 = 3200 calls */
    pthread_t tid[NTHREADS];
    job jobs[NTHREADS];
    for (int t = 0; t < NTHREADS; t++) {
        jobs[t] = (job){t, calls, same_page, 0, 0};
        ck_assert_int_eq(pthread_create(&tid[t], NULL, worker, &jobs[t]), 0);
    }
    int mismatches = 0, failures = 0;
    for (int t = 0; t < NTHREADS; t++) {
        ck_assert_int_eq(pthread_join(tid[t], NULL), 0);
        mismatches += jobs[t].mismatches;
        failures += jobs[t].failures;
    }
    ck_assert_msg(failures == 0, "%d calls failed", failures);
    ck_assert_msg(mismatches == 0, "%d of %d results differ from the "
                  "single-threaded ones", mismatches, NTHREADS * calls);
}

START_TEST(test_same_page) { run_threads(true); }
END_TEST

START_TEST(test_different_pages) { run_threads(false); }
END_TEST

/* The first calls of a process race through the one-time set-up
 * (stopword tables, ICU data, libxml2): each thread cleans one page before
 * anything else has, and its result is compared afterwards. Check's fork
 * mode runs this in a fresh child; with CK_FORK=no it still runs. */
typedef struct first_job {
    size_t page;
    char *got;
    size_t len;
} first_job;

static void *first_worker(void *arg)
{
    first_job *j = arg;
    j->got = serialise(pages[j->page].data, pages[j->page].len, &j->len);
    return NULL;
}

START_TEST(test_first_call_race)
{
    load_pages();
    pthread_t tid[NTHREADS];
    first_job jobs[NTHREADS];
    for (int t = 0; t < NTHREADS; t++) {
        jobs[t] = (first_job){(size_t)t % npages, NULL, 0};
        ck_assert_int_eq(pthread_create(&tid[t], NULL, first_worker, &jobs[t]), 0);
    }
    for (int t = 0; t < NTHREADS; t++)
        ck_assert_int_eq(pthread_join(tid[t], NULL), 0);
    compute_expected();
    for (int t = 0; t < NTHREADS; t++) {
        const page *p = &pages[jobs[t].page];
        ck_assert_ptr_nonnull(jobs[t].got);
        ck_assert_msg(jobs[t].len == p->expected_len &&
                      memcmp(jobs[t].got, p->expected, p->expected_len) == 0,
                      "thread %d: first-call result differs", t);
        free(jobs[t].got);
    }
    teardown();
}
END_TEST

/* One result read from several threads at once: the joined text is made
 * on the first nc_result_text call; every thread gets the same one. */
typedef struct text_job {
    const nc_result *r;
    const char *text;
    size_t len;
} text_job;

static void *text_worker(void *arg)
{
    text_job *j = arg;
    j->text = nc_result_text(j->r, &j->len);
    return NULL;
}

START_TEST(test_shared_result_text)
{
    for (size_t k = 0; k < npages; k++) {
        nc_result *r = NULL;
        ck_assert_int_eq(nc_clean(pages[k].data, pages[k].len, NULL, &r), NC_OK);
        pthread_t tid[NTHREADS];
        text_job jobs[NTHREADS];
        for (int t = 0; t < NTHREADS; t++) {
            jobs[t] = (text_job){r, NULL, 0};
            ck_assert_int_eq(pthread_create(&tid[t], NULL, text_worker, &jobs[t]), 0);
        }
        for (int t = 0; t < NTHREADS; t++)
            ck_assert_int_eq(pthread_join(tid[t], NULL), 0);
        size_t len = 0;
        const char *text = nc_result_text(r, &len);
        for (int t = 0; t < NTHREADS; t++) {
            ck_assert_ptr_eq(jobs[t].text, text);
            ck_assert_uint_eq(jobs[t].len, len);
        }
        ck_assert_uint_eq(strlen(text), len);
        nc_result_free(r);
    }
}
END_TEST

static Suite *threads_suite(void)
{
    Suite *s = suite_create("threads");
    int timeout = tu_slow() ? 900 : 300;
    /* No fixture: the threads make the process's first nc_clean calls, so
     * this tcase is added first (it matters when CK_FORK=no). */
    TCase *first = tcase_create("first-call");
    tcase_set_timeout(first, timeout);
    tcase_add_test(first, test_first_call_race);
    suite_add_tcase(s, first);
    TCase *tc = tcase_create("concurrent");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, timeout);
    tcase_add_test(tc, test_same_page);
    tcase_add_test(tc, test_different_pages);
    tcase_add_test(tc, test_shared_result_text);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(threads_suite()); }
