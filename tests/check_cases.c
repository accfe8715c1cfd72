/* check_cases.c - the data-driven cases: every tests/cases/NAME.txt or
 * NAME.html with a NAME.expected (the body paragraphs, one blank line
 * between them) is cleaned and its paragraphs compared with white space
 * collapsed. The seed page (tests/data/seed) is one more case. Each case
 * is one loop iteration, so Check names every failing case on its own.
 *
 * NC_CASES_DIR overrides tests/cases; NC_CASE runs only the named case. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

typedef struct test_case {
    char *name;
    char *input_path;
    char *expected_path;
    nc_input_kind kind;
} test_case;

static test_case *cases;
static size_t ncases;

static void add_case(const char *name, char *input, char *expected,
                     nc_input_kind kind)
{
    const char *only = getenv("NC_CASE");
    if (only && *only && strcmp(only, name) != 0) {
        free(input);
        free(expected);
        return;
    }
    test_case *c = realloc(cases, (ncases + 1) * sizeof *cases);
    if (!c)
        abort(); /* the test program, not the library */
    cases = c;
    cases[ncases].name = strdup(name);
    cases[ncases].input_path = input;
    cases[ncases].expected_path = expected;
    cases[ncases].kind = kind;
    ncases++;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const test_case *)a)->name, ((const test_case *)b)->name);
}

/* Finds NAME.txt / NAME.html files that have a NAME.expected. */
static void find_cases(const char *dir)
{
    add_case("seed-sputnik-cyber-unit",
             strdup("tests/data/seed/text-lines/sputnik-cyber-unit.txt"),
             strdup("tests/data/seed/gold/sputnik-cyber-unit.txt"),
             NC_INPUT_TEXT);
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        nc_input_kind kind;
        size_t stem;
        if (n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0) {
            kind = NC_INPUT_TEXT;
            stem = n - 4;
        } else if (n > 5 && strcmp(e->d_name + n - 5, ".html") == 0) {
            kind = NC_INPUT_HTML;
            stem = n - 5;
        } else {
            continue;
        }
        char *name = strndup(e->d_name, stem);
        char *expected = tu_path(dir, name, ".expected");
        FILE *f = expected ? fopen(expected, "rb") : NULL;
        if (f) {
            fclose(f);
            add_case(name, tu_path(dir, e->d_name, ""), expected, kind);
        } else {
            free(expected);
        }
        free(name);
    }
    closedir(d);
    qsort(cases, ncases, sizeof *cases, by_name);
}

START_TEST(test_case_paragraphs)
{
    const test_case *c = &cases[_i];
    size_t len = 0, elen = 0, nwant = 0;
    char *input = tu_read_file(c->input_path, &len);
    char *expected = tu_read_file(c->expected_path, &elen);
    ck_assert_msg(input && expected, "case %s: cannot read its files", c->name);
    char **want = tu_split_paragraphs(expected, elen, &nwant);

    nc_options o;
    nc_options_init(&o);
    o.input = c->kind;
    nc_result *r = NULL;
    nc_status st = nc_clean(input, len, &o, &r);
    ck_assert_msg(st == NC_OK, "case %s: %s", c->name, nc_strerror(st));

    /* Report what is missing and what is extra (by text, so one dropped
     * paragraph does not shift every later one), then the order. */
    size_t ngot = nc_result_paragraph_count(r), missing = 0, extra = 0;
    char **got = calloc(ngot ? ngot : 1, sizeof *got);
    ck_assert_ptr_nonnull(got);
    for (size_t i = 0; i < ngot; i++) {
        size_t plen = 0;
        const char *p = nc_result_paragraph(r, i, &plen);
        got[i] = tu_collapse(p, plen);
    }
    for (size_t i = 0; i < nwant; i++) {
        bool found = false;
        for (size_t j = 0; j < ngot && !found; j++)
            found = strcmp(want[i], got[j]) == 0;
        if (!found && missing++ == 0 && extra == 0)
            fprintf(stderr, "case %s: paragraphs differ\n", c->name);
        if (!found)
            fprintf(stderr, "  missing [%zu]: %.110s\n", i, want[i]);
    }
    for (size_t j = 0; j < ngot; j++) {
        bool found = false;
        for (size_t i = 0; i < nwant && !found; i++)
            found = strcmp(want[i], got[j]) == 0;
        if (!found && extra++ == 0 && missing == 0)
            fprintf(stderr, "case %s: paragraphs differ\n", c->name);
        if (!found)
            fprintf(stderr, "  extra   [%zu]: %.110s\n", j, got[j]);
    }
    bool order = missing == 0 && extra == 0 && ngot == nwant;
    for (size_t i = 0; order && i < nwant; i++)
        order = strcmp(want[i], got[i]) == 0;
    tu_free_list(got, ngot);
    nc_result_free(r);
    tu_free_list(want, nwant);
    free(input);
    free(expected);
    ck_assert_msg(missing == 0 && extra == 0,
                  "case %s: %zu paragraphs missing, %zu extra (got %zu, want %zu)",
                  c->name, missing, extra, ngot, nwant);
    ck_assert_msg(order, "case %s: the paragraphs are right but out of order "
                  "or repeated", c->name);
}
END_TEST

int main(void)
{
    const char *dir = getenv("NC_CASES_DIR");
    find_cases(dir && *dir ? dir : "tests/cases");
    Suite *s = suite_create("cases");
    TCase *tc = tcase_create("cases");
    tcase_set_timeout(tc, 30);
    tcase_add_loop_test(tc, test_case_paragraphs, 0, (int)ncases);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    printf("cases: %zu run, %d failed\n", ncases, failed);
    for (size_t i = 0; i < ncases; i++) {
        free(cases[i].name);
        free(cases[i].input_path);
        free(cases[i].expected_path);
    }
    free(cases);
    return failed == 0 && ncases > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
