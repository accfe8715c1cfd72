/* check_window.c - a big page's feature rows are made a window of blocks
 * at a time (the outline, lib/newsclean.c score_in_windows), so its memory does not
 * hold 320 bytes of rows a block. The windows must give every block the
 * same scores, labels and reasons as the rows made all at once: checked
 * here with tiny windows on the sample pages, and with the default
 * choice on a page just past the size where windows start. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "internal.h"
#include "outline.h"
#include "features/features.h"
#include "testutil.h"

/* nc_pipeline with doc->feat_window set before the features stage, then
 * nc_pipeline_classify; *windowed says whether the rows were made in windows. */
static void run(const char *page, size_t len, nc_input_kind kind,
                size_t window, nc_doc *doc, bool *windowed)
{
    nc_options o;
    nc_options_init(&o);
    o.input = kind;
    o.max_input_bytes = len + 1;
    nc_status st = nc_pipeline_blocks(page, len, &o, doc);
    ck_assert_msg(st == NC_OK, "nc_pipeline_blocks: %s", nc_strerror(st));
    doc->feat_window = window;
    st = nc_features(doc);
    ck_assert_msg(st == NC_OK, "nc_features: %s", nc_strerror(st));
    *windowed = doc->feat_rows < doc->nblocks;
    nc_pipeline_classify(doc);
}

/* Runs page both ways and compares every block, bit for bit. */
static void same_both_ways(const char *name, const char *page, size_t len,
                           nc_input_kind kind, size_t window, bool want_windows)
{
    nc_doc all, win;
    bool all_windowed, win_windowed;
    run(page, len, kind, SIZE_MAX, &all, &all_windowed);
    run(page, len, kind, window, &win, &win_windowed);
    ck_assert_msg(!all_windowed, "%s: rows all at once", name);
    if (want_windows)
        ck_assert_msg(win_windowed, "%s: %zu blocks in windows of %zu", name,
                      win.nblocks, window);
    ck_assert_uint_eq(all.nblocks, win.nblocks);
    for (size_t i = 0; i < all.nblocks; i++) {
        const nc_block *a = &all.blocks[i], *b = &win.blocks[i];
        ck_assert_msg(memcmp(&a->score, &b->score, sizeof a->score) == 0 &&
                          memcmp(&a->score1, &b->score1, sizeof a->score1) == 0,
                      "%s block %zu: scores %g/%g vs %g/%g", name, i,
                      (double)a->score1, (double)a->score, (double)b->score1,
                      (double)b->score);
        ck_assert_msg(a->label == b->label && a->reason == b->reason &&
                          a->facts == b->facts,
                      "%s block %zu: label %d/%d reason %d/%d", name, i,
                      a->label, b->label, a->reason, b->reason);
        ck_assert_ptr_null(b->feat);
    }
    ck_assert_msg((all.title == NULL) == (win.title == NULL) &&
                      (!all.title || strcmp(all.title, win.title) == 0),
                  "%s: titles differ", name);
    ck_assert_ptr_null(win.feat);
    nc_doc_free(&all);
    nc_doc_free(&win);
}

/* Every file in dir ending in ext, both ways, for each window size. */
static size_t same_in_dir(const char *dir, const char *ext, nc_input_kind kind,
                          size_t max_files)
{
    static const size_t windows[] = {1, 2, 7, 64};
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t done = 0;
    struct dirent *e;
    while ((e = readdir(d)) && done < max_files) {
        size_t n = strlen(e->d_name), m = strlen(ext);
        if (n <= m || strcmp(e->d_name + n - m, ext) != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *page = tu_read_file(path, &len);
        ck_assert_ptr_nonnull(page);
        for (size_t w = 0; w < sizeof windows / sizeof *windows; w++)
            same_both_ways(path, page, len, kind, windows[w], false);
        free(page);
        done++;
    }
    closedir(d);
    return done;
}

START_TEST(test_small_windows_same_as_all_rows)
{
    size_t pages = 0;
    pages += same_in_dir("tests/cases", ".txt", NC_INPUT_TEXT, 100);
    pages += same_in_dir("tests/cases", ".html", NC_INPUT_HTML, 100);
    pages += same_in_dir("tests/data/wcxb-dev/text-lines", ".txt", NC_INPUT_TEXT, 6);
    pages += same_in_dir("tests/data/traf-dev/text-lines", ".txt", NC_INPUT_TEXT, 6);
    ck_assert_uint_ge(pages, 12);
}
END_TEST

/* A live blog of 33,000 lines (past the 32,768 blocks where windows
 * start): menus, numbered updates, paragraphs with and without a stop,
 * dates, credits and link lines, so blocks of every label meet the
 * windows' edges. */
static char *live_blog(size_t lines, size_t *len)
{
    static const char *const kinds[] = {
        "The council met again on Tuesday and voted to extend the budget for "
        "public transport, after a long debate about repairs (%zu).",
        "Update %zu",
        "Photo: A tram in the city centre. / Agency %zu",
        "Share",
        "Officials said the work would begin in the spring, when passenger "
        "numbers are at their lowest, and end before the winter %zu.",
        "March %zu, 2024",
        "By Jane Doe",
        "Read more: how the trams are kept running in winter %zu",
        "%zu",
        "Opposition members argued that the plan did too little for the "
        "outer districts, where buses run only once an hour %zu.",
        "Home | News | World | Sport",
    };
    size_t cap = lines * 200, n = 0;
    char *page = malloc(cap);
    ck_assert_ptr_nonnull(page);
    for (size_t i = 0; i < lines; i++) {
        /* Runs of body and of boilerplate, of varying length. */
        size_t k = (i / 5) % 3 == 0 ? (i * 7) % (sizeof kinds / sizeof *kinds)
                                    : (i % 3 == 0 ? 0 : i % 3 == 1 ? 4 : 9);
        int w = snprintf(page + n, cap - n, kinds[k], i);
        ck_assert(w > 0 && (size_t)w < cap - n - 1);
        n += (size_t)w;
        page[n++] = '\n';
    }
    page[n] = '\0';
    *len = n;
    return page;
}

START_TEST(test_big_page_in_windows_same_as_all_rows)
{
    size_t len;
    char *page = live_blog(33000, &len);
    same_both_ways("live blog", page, len, NC_INPUT_TEXT, 0, true);
    /* A page under the size keeps its rows all at once. */
    nc_doc doc;
    bool windowed;
    run(page, 30000 * 60, NC_INPUT_TEXT, 0, &doc, &windowed);
    ck_assert_uint_lt(doc.nblocks, 32768);
    ck_assert(!windowed);
    nc_doc_free(&doc);
    free(page);
}
END_TEST

static Suite *window_suite(void)
{
    Suite *s = suite_create("window");
    TCase *tc = tcase_create("window");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_small_windows_same_as_all_rows);
    tcase_add_test(tc, test_big_page_in_windows_same_as_all_rows);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(window_suite()); }
