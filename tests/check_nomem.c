/* check_nomem.c - a failing allocator. This suite is linked with
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free against the
 * static library (mk/robust.mk), so only newsclean's own allocations go
 * through the wrappers below; libxml2 and ICU are shared libraries and
 * keep the real allocator. For each page, allocation N fails, for
 * N = 1, 2, ... until a call makes fewer than N allocations: every call
 * must return NC_ERR_NOMEM (or NC_OK, when the library could do without
 * that allocation), with no result on failure and nothing leaked (the
 * wrappers count live blocks; ASan and valgrind check it again). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void __real_free(void *p);

/* Armed only around the library's calls; single-threaded. */
static bool armed;
static long calls;       /* allocation calls since arming */
static long fail_at;     /* fail this call (1-based); 0 = never */
static bool fail_after;  /* and every later one too */
static long live;        /* blocks allocated minus blocks freed */

static bool should_fail(void)
{
    if (!armed)
        return false;
    calls++;
    return fail_at > 0 && (calls == fail_at || (fail_after && calls > fail_at));
}

void *__wrap_malloc(size_t size)
{
    if (should_fail())
        return NULL;
    void *p = __real_malloc(size);
    if (armed && p)
        live++;
    return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
    if (should_fail())
        return NULL;
    void *p = __real_calloc(n, size);
    if (armed && p)
        live++;
    return p;
}

void *__wrap_realloc(void *old, size_t size)
{
    if (should_fail())
        return NULL; /* old stays valid, as realloc promises */
    void *p = __real_realloc(old, size);
    if (armed && p && !old)
        live++;
    return p;
}

void __wrap_free(void *p)
{
    if (armed && p)
        live--;
    __real_free(p);
}

/* One armed run: clean, read every accessor, free. */
static nc_status run_once(const char *input, size_t len, const nc_options *o,
                          long fail, bool after, long *allocs, long *leaked)
{
    calls = 0;
    live = 0;
    fail_at = fail;
    fail_after = after;
    armed = true;
    nc_result *r = (nc_result *)&r;
    nc_status st = nc_clean(input, len, o, &r);
    bool result_ok = st == NC_OK ? r != NULL : r == NULL;
    /* The joined text is made on first use: its allocation fails in turn
     * too, and then it reads as NULL with length 0, the paragraphs intact. */
    size_t text_len = 1;
    const char *text = st == NC_OK ? nc_result_text(r, &text_len) : NULL;
    /* With links and images recorded, their Markdown too: NC_OK or
     * NC_ERR_NOMEM, never a partial string. */
    char *md = (char *)&md;
    nc_status md_st = st == NC_OK && o->record
                          ? nc_result_markdown(r, NC_MD_LINKS | NC_MD_IMAGES, "http://h/a",
                                               &md, NULL)
                          : NC_OK;
    bool md_ok = !(st == NC_OK && o->record) ||
                 (md_st == NC_OK ? md != NULL : md_st == NC_ERR_NOMEM && md == NULL);
    if (st == NC_OK && o->record && md_st == NC_OK)
        nc_free(md);
    armed = false; /* Check's assertions may allocate */
    ck_assert_msg(md_ok, "fail at %ld: markdown status %s", fail, nc_strerror(md_st));
    ck_assert_msg(result_ok, "fail at %ld: status %s but result %p", fail,
                  nc_strerror(st), (void *)r);
    if (st == NC_OK && text) {
        tu_check_result(r);
    } else if (st == NC_OK) {
        ck_assert_uint_eq(text_len, 0);
        for (size_t i = 0; i < nc_result_paragraph_count(r); i++)
            ck_assert_ptr_nonnull(nc_result_paragraph(r, i, NULL));
    }
    armed = true;
    nc_result_free(st == NC_OK ? r : NULL);
    armed = false;
    *allocs = calls;
    *leaked = live;
    return st;
}

static void fail_each_allocation(const char *name, const char *input,
                                 size_t len, const nc_options *o)
{
    long total = 0, leaked = 0;
    /* The one-time set-up (stopword tables, word breaker) allocates what
     * the process keeps: done once, unarmed, before counting. */
    nc_result *warm = NULL;
    ck_assert_int_eq(nc_clean(input, len, o, &warm), NC_OK);
    nc_result_free(warm);
    /* Without failures: the reference count of allocations. */
    nc_status st = run_once(input, len, o, 0, false, &total, &leaked);
    ck_assert_msg(st == NC_OK, "%s: %s without any failure", name, nc_strerror(st));
    ck_assert_msg(leaked == 0, "%s: %ld blocks leaked", name, leaked);
    ck_assert_int_gt(total, 0);
    for (int after = 0; after < 2; after++) {
        long nomem = 0;
        for (long n = 1;; n++) {
            long allocs = 0;
            st = run_once(input, len, o, n, after, &allocs, &leaked);
            ck_assert_msg(st == NC_OK || st == NC_ERR_NOMEM,
                          "%s: allocation %ld failed%s: status %s", name, n,
                          after ? " (and all later)" : "", nc_strerror(st));
            ck_assert_msg(leaked == 0, "%s: allocation %ld failed%s: %ld blocks leaked",
                          name, n, after ? " (and all later)" : "", leaked);
            nomem += st == NC_ERR_NOMEM;
            if (allocs < n)
                break; /* this run never reached allocation n */
            ck_assert_msg(n < 100000, "%s: no end to the allocations", name);
        }
        ck_assert_msg(nomem > 0, "%s: no failure reported NC_ERR_NOMEM", name);
    }
    /* The library recovers: a normal call afterwards gives the same result. */
    st = run_once(input, len, o, 0, false, &total, &leaked);
    ck_assert_int_eq(st, NC_OK);
    fprintf(stderr, "nomem %s: %ld allocations, each failed in turn\n", name, total);
}

static nc_options kind(nc_input_kind k)
{
    nc_options o;
    nc_options_init(&o);
    o.input = k;
    return o;
}

START_TEST(test_seed_text)
{
    size_t len = 0;
    char *page = tu_read_file("tests/data/seed/text-lines/sputnik-cyber-unit.txt", &len);
    ck_assert_ptr_nonnull(page);
    nc_options o = kind(NC_INPUT_TEXT);
    fail_each_allocation("seed", page, len, &o);
    free(page);
}
END_TEST

START_TEST(test_html_page)
{
    size_t len = 0;
    char *page = tu_read_file("tests/cases/html-en-frog.html", &len);
    ck_assert_ptr_nonnull(page);
    nc_options o = kind(NC_INPUT_AUTO);
    fail_each_allocation("html", page, len, &o);
    free(page);
}
END_TEST

START_TEST(test_html_markdown)
{
    static const char page[] =
        "<html><head><base href='/n/'><link rel=canonical href='http://c/x'></head><body>"
        "<article><h2>A heading</h2><p>Words with <a href='a'>a link</a> and "
        "<img src='i.png' alt='pic'> an image, long enough to be kept as body.</p>"
        "<ul><li>one item here</li><li>two <a href='b'>items</a><ol><li>three</li></ol>"
        "</li></ul><table><tr><th>h1</th><th>h2</th></tr><tr><td>c1</td><td><p>c2</p>"
        "<p>c3</p></td></tr></table><blockquote>quoted</blockquote>"
        "<pre>x = `1`\n  y</pre><a href='c'><div>block link</div><p>more</p></a>"
        "</article></body></html>";
    nc_options o = kind(NC_INPUT_HTML);
    o.record = NC_RECORD_LINKS | NC_RECORD_IMAGES;
    fail_each_allocation("markdown", page, sizeof page - 1, &o);
}
END_TEST

START_TEST(test_lynx_page)
{
    size_t len = 0;
    char *page = tu_read_file("tests/cases/lynx-en-storms.txt", &len);
    ck_assert_ptr_nonnull(page);
    nc_options o = kind(NC_INPUT_TEXT);
    fail_each_allocation("lynx", page, len, &o);
    free(page);
}
END_TEST

START_TEST(test_conversions)
{
    /* windows-1252 detection and conversion, a hint, UTF-16, NFC. */
    const char cp1252[] = "Le caf\xE9 est tr\xE8s bon, dit-il. \x93" "Bonjour\x94 "
                          "co\xFBte 5 \x80.\nUne deuxi\xE8me ligne \xE0 lire.";
    nc_options o = kind(NC_INPUT_TEXT);
    fail_each_allocation("cp1252", cp1252, sizeof cp1252 - 1, &o);
    o.encoding = "windows-1251";
    fail_each_allocation("hint", "\xCC\xEE\xF1\xEA\xE2\xE0", 6, &o);
    o = kind(NC_INPUT_AUTO);
    const char u16[] = "\xFF\xFE" "H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0\n\0";
    fail_each_allocation("utf16", u16, sizeof u16 - 1, &o);
    const char nfd[] = "Cafe\xCC\x81 re\xCC\x81sume\xCC\x81\n";
    fail_each_allocation("nfd", nfd, sizeof nfd - 1, &o);
    const char bad[] = "bad \xFF\xFE bytes \xC3 here";
    fail_each_allocation("repair", bad, sizeof bad - 1, &o);
}
END_TEST

START_TEST(test_truncations)
{
    /* The paths that cut: max_blocks, max_line_bytes, max_depth. */
    nc_options o = kind(NC_INPUT_TEXT);
    o.max_blocks = 3;
    o.max_line_bytes = 20;
    const char lines[] = "one line that is long enough\nb\nc\nd\ne\n";
    fail_each_allocation("limits-text", lines, sizeof lines - 1, &o);
    o = kind(NC_INPUT_HTML);
    o.max_depth = 4;
    o.max_blocks = 5;
    const char html[] = "<div><div><div><div><div><div><p>Deep text in a paragraph.</p>"
                        "</div></div></div></div></div></div><p>one</p><p>two</p>"
                        "<p>three</p><p>four</p><p>five</p><p>six</p>";
    fail_each_allocation("limits-html", html, sizeof html - 1, &o);
}
END_TEST

START_TEST(test_first_call_nomem)
{
    /* The process's very first call runs out of memory inside the one-time
     * set-up: it must say NC_ERR_NOMEM, and a later call must succeed (the
     * set-up must not remember the failure). Needs a fresh process: with
     * CK_FORK=no it only tests whatever state earlier tests left. */
    long allocs = 0, leaked = 0;
    nc_options o = kind(NC_INPUT_TEXT);
    const char page[] = "A first line of text for the first call.\nA second one.\n";
    for (long n = 1; n <= 3; n++) {
        nc_status st = run_once(page, sizeof page - 1, &o, n, true, &allocs, &leaked);
        ck_assert_msg(st == NC_OK || st == NC_ERR_NOMEM,
                      "first call, allocation %ld failed: %s", n, nc_strerror(st));
    }
    nc_status st = run_once(page, sizeof page - 1, &o, 0, false, &allocs, &leaked);
    ck_assert_msg(st == NC_OK, "after a failed first call: %s", nc_strerror(st));
}
END_TEST

START_TEST(test_empty_and_errors)
{
    long allocs = 0, leaked = 0;
    nc_result *warm = NULL; /* the one-time set-up, unarmed */
    ck_assert_int_eq(nc_clean("warm up", 7, NULL, &warm), NC_OK);
    nc_result_free(warm);
    /* Failures that happen before any allocation leak nothing either. */
    nc_options o;
    nc_options_init(&o);
    o.encoding = "no-such-charset";
    ck_assert_int_eq(run_once("abc", 3, &o, 0, false, &allocs, &leaked),
                     NC_ERR_ENCODING);
    ck_assert_int_eq(leaked, 0);
    nc_options_init(&o);
    o.max_input_bytes = 2;
    ck_assert_int_eq(run_once("abc", 3, &o, 0, false, &allocs, &leaked),
                     NC_ERR_TOO_LARGE);
    ck_assert_int_eq(leaked, 0);
    o = kind(NC_INPUT_TEXT);
    fail_each_allocation("empty", "", 0, &o);
}
END_TEST

static Suite *nomem_suite(void)
{
    Suite *s = suite_create("nomem");
    TCase *first = tcase_create("first-call");
    tcase_add_test(first, test_first_call_nomem);
    suite_add_tcase(s, first);
    TCase *tc = tcase_create("failing-allocator");
    tcase_set_timeout(tc, tu_slow() ? 1800 : 300);
    tcase_add_test(tc, test_empty_and_errors);
    tcase_add_test(tc, test_conversions);
    tcase_add_test(tc, test_truncations);
    tcase_add_test(tc, test_seed_text);
    tcase_add_test(tc, test_lynx_page);
    tcase_add_test(tc, test_html_page);
    tcase_add_test(tc, test_html_markdown);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(nomem_suite()); }
