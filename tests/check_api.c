/* check_api.c - every public function of include/newsclean.h: arguments,
 * every status, names, accessors at and past their ranges, and the options
 * struct's size field. NC_ERR_NOMEM is tested in check_nomem.c (it needs
 * the failing allocator linked in). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

static const char article[] =
    "Russia and the United States are in talks on establishing a joint "
    "cybersecurity unit, a source said on Monday.\n"
    "Share\n"
    "The talks began after the two presidents met in Hamburg earlier this "
    "month and discussed the idea at some length.\n";

START_TEST(test_version)
{
    ck_assert_int_eq(nc_version(), NC_VERSION_NUMBER);
    ck_assert_str_eq(nc_version_string(), NC_VERSION_STRING);
}
END_TEST

START_TEST(test_options_init)
{
    nc_options o;
    memset(&o, 0xAB, sizeof o);
    nc_options_init(&o);
    ck_assert_uint_eq(o.size, sizeof o);
    ck_assert_int_eq(o.input, NC_INPUT_AUTO);
    ck_assert_ptr_null(o.language);
    ck_assert_ptr_null(o.encoding);
    ck_assert(o.recall_bias == 0.0);
    /* The documented defaults (newsclean.h). */
    ck_assert_uint_eq(o.max_input_bytes, 256u * 1024 * 1024);
    ck_assert_uint_eq(o.max_blocks, 1000000);
    ck_assert_uint_eq(o.max_depth, 256);
    ck_assert_uint_eq(o.max_line_bytes, 1024 * 1024);
    nc_options_init(NULL); /* a no-op, not a crash */
}
END_TEST

START_TEST(test_null_arguments)
{
    nc_result *r = (nc_result *)&r; /* must be set to NULL on failure */
    ck_assert_int_eq(nc_clean("x", 1, NULL, NULL), NC_ERR_ARGUMENT);
    ck_assert_int_eq(nc_clean(NULL, 5, NULL, &r), NC_ERR_ARGUMENT);
    ck_assert_ptr_null(r);
    /* NULL input with length 0 is empty input. */
    ck_assert_int_eq(nc_clean(NULL, 0, NULL, &r), NC_OK);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(nc_result_paragraph_count(r), 0);
    nc_result_free(r);
    nc_result_free(NULL);
}
END_TEST

START_TEST(test_null_result_accessors)
{
    size_t len = 99;
    ck_assert_uint_eq(nc_result_paragraph_count(NULL), 0);
    ck_assert_ptr_null(nc_result_paragraph(NULL, 0, &len));
    ck_assert_uint_eq(len, 0);
    len = 99;
    ck_assert_ptr_null(nc_result_text(NULL, &len));
    ck_assert_uint_eq(len, 0);
    ck_assert_uint_eq(nc_result_block_count(NULL), 0);
    nc_block_info info = NC_BLOCK_INFO_INIT;
    ck_assert_int_eq(nc_result_block(NULL, 0, &info), NC_ERR_ARGUMENT);
    ck_assert_ptr_null(nc_result_title(NULL));
    ck_assert_str_eq(nc_result_language(NULL), "und");
    ck_assert(nc_result_language_confidence(NULL) == 0.0);
    ck_assert_str_eq(nc_result_script(NULL), "Zyyy");
    ck_assert_uint_eq(nc_result_flags(NULL), 0);
    ck_assert_uint_eq(nc_result_repair_count(NULL), 0);
    ck_assert_int_eq(nc_result_input_kind(NULL), NC_INPUT_AUTO);
    ck_assert_ptr_nonnull(nc_result_encoding(NULL));
}
END_TEST

START_TEST(test_empty_input)
{
    nc_result *r = tu_clean("", 0, NULL);
    ck_assert_uint_eq(nc_result_paragraph_count(r), 0);
    ck_assert_uint_eq(nc_result_block_count(r), 0);
    size_t len = 99;
    ck_assert_str_eq(nc_result_text(r, &len), "");
    ck_assert_uint_eq(len, 0);
    ck_assert_ptr_null(nc_result_paragraph(r, 0, &len));
    ck_assert_uint_eq(nc_result_flags(r), 0);
    ck_assert_uint_eq(nc_result_repair_count(r), 0);
    ck_assert_str_eq(nc_result_script(r), nc_result_script(r));
    nc_result_free(r);
}
END_TEST

START_TEST(test_bad_options)
{
    nc_result *r = (nc_result *)&r;
    nc_options o;

    nc_options_init(&o);
    o.size = 0;
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_ERR_OPTIONS);
    ck_assert_ptr_null(r);
    o.size = sizeof o + 8; /* from a newer header than the library */
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_ERR_OPTIONS);
    o.size = 3;
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_ERR_OPTIONS);

    nc_options_init(&o);
    o.recall_bias = NAN;
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_ERR_OPTIONS);
    o.recall_bias = 1.5;
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_ERR_OPTIONS);
    o.recall_bias = -1.0001;
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_ERR_OPTIONS);
    o.recall_bias = INFINITY;
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_ERR_OPTIONS);
    o.recall_bias = -1.0; /* the ends of the range are valid */
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_OK);
    nc_result_free(r);
    o.recall_bias = 1.0;
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_OK);
    nc_result_free(r);

    nc_options_init(&o);
    o.input = (nc_input_kind)3;
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_ERR_OPTIONS);
    o.input = (nc_input_kind)-1;
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_ERR_OPTIONS);

    /* A zero limit is a caller's mistake, not "no limit". */
    nc_options_init(&o);
    o.max_input_bytes = 0;
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_ERR_OPTIONS);
    nc_options_init(&o);
    o.max_blocks = 0;
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_ERR_OPTIONS);
    nc_options_init(&o);
    o.max_depth = 0;
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_ERR_OPTIONS);
    nc_options_init(&o);
    o.max_line_bytes = 0;
    ck_assert_int_eq(nc_clean("x", 1, &o, &r), NC_ERR_OPTIONS);
    ck_assert_ptr_null(r);
}
END_TEST

START_TEST(test_too_large)
{
    nc_options o;
    nc_options_init(&o);
    o.max_input_bytes = 10;
    nc_result *r = (nc_result *)&r;
    ck_assert_int_eq(nc_clean("01234567890", 11, &o, &r), NC_ERR_TOO_LARGE);
    ck_assert_ptr_null(r);
    /* Exactly the limit is allowed. */
    ck_assert_int_eq(nc_clean("0123456789", 10, &o, &r), NC_OK);
    nc_result_free(r);
}
END_TEST

START_TEST(test_unknown_charset_hint)
{
    nc_options o;
    nc_options_init(&o);
    o.encoding = "no-such-charset-42";
    nc_result *r = (nc_result *)&r;
    ck_assert_int_eq(nc_clean(article, strlen(article), &o, &r),
                     NC_ERR_ENCODING);
    ck_assert_ptr_null(r);
    /* An empty hint means "detect". */
    o.encoding = "";
    r = tu_clean(article, strlen(article), &o);
    ck_assert_str_eq(nc_result_encoding(r), "utf-8");
    nc_result_free(r);
}
END_TEST

START_TEST(test_charset_hint)
{
    /* "Café" in windows-1252 with a hint: converted and flagged. */
    nc_options o;
    nc_options_init(&o);
    o.encoding = "windows-1252";
    nc_result *r = tu_clean("Caf\xe9 au lait", 12, &o);
    ck_assert(nc_result_flags(r) & NC_FLAG_CONVERTED);
    ck_assert(tu_has_block(r, "Caf\xc3\xa9 au lait"));
    nc_result_free(r);
}
END_TEST

START_TEST(test_charset_hint_not_kept)
{
    /* The result must not point at the caller's hint string: free it and
     * read the encoding (ASan/valgrind see a use after free). */
    char *hint = strdup("windows-1251");
    ck_assert_ptr_nonnull(hint);
    nc_options o;
    nc_options_init(&o);
    o.encoding = hint;
    nc_result *r = tu_clean("\xCC\xEE\xF1\xEA\xE2\xE0", 6, &o);
    memset(hint, 'X', strlen(hint));
    free(hint);
    ck_assert_str_eq(nc_result_encoding(r), "windows-1251");
    nc_result_free(r);
    /* A "utf-8" hint reads the bytes as UTF-8 and repairs them. */
    nc_options_init(&o);
    o.encoding = "utf-8";
    r = tu_clean("abc \xFF def", 9, &o);
    ck_assert_str_eq(nc_result_encoding(r), "utf-8");
    ck_assert_uint_eq(nc_result_repair_count(r), 1);
    nc_result_free(r);
}
END_TEST

START_TEST(test_strerror)
{
    const nc_status all[] = {NC_OK, NC_ERR_ARGUMENT, NC_ERR_NOMEM,
                             NC_ERR_TOO_LARGE, NC_ERR_OPTIONS,
                             NC_ERR_ENCODING, NC_ERR_PARSE, NC_ERR_INTERNAL,
                             NC_ERR_BINARY, NC_ERR_IO, NC_ERR_WARC};
    size_t n = sizeof all / sizeof *all;
    for (size_t i = 0; i < n; i++) {
        const char *m = nc_strerror(all[i]);
        ck_assert_ptr_nonnull(m);
        ck_assert_uint_gt(strlen(m), 0);
        ck_assert_str_ne(m, "unknown status");
        for (size_t j = 0; j < i; j++)
            ck_assert_str_ne(m, nc_strerror(all[j]));
    }
    ck_assert_ptr_nonnull(nc_strerror((nc_status)99));
    ck_assert_ptr_nonnull(nc_strerror((nc_status)-1));
    ck_assert_str_eq(nc_strerror((nc_status)99), nc_strerror((nc_status)-1));
}
END_TEST

START_TEST(test_label_names)
{
    for (int i = 0; i < NC_LABEL_COUNT; i++) {
        const char *n = nc_label_name((nc_label)i);
        ck_assert_ptr_nonnull(n);
        ck_assert_uint_gt(strlen(n), 0);
        ck_assert_str_ne(n, "unknown");
        for (int j = 0; j < i; j++)
            ck_assert_str_ne(n, nc_label_name((nc_label)j));
    }
    ck_assert_str_eq(nc_label_name((nc_label)NC_LABEL_COUNT), "unknown");
    ck_assert_str_eq(nc_label_name((nc_label)-1), "unknown");
    ck_assert_str_eq(nc_label_name(NC_LABEL_BODY), "body");
}
END_TEST

START_TEST(test_reason_names)
{
    for (int i = 0; i < NC_REASON_COUNT; i++) {
        const char *n = nc_reason_name((nc_reason)i);
        ck_assert_ptr_nonnull(n);
        ck_assert_uint_gt(strlen(n), 0);
        ck_assert_str_ne(n, "unknown");
        for (int j = 0; j < i; j++)
            ck_assert_str_ne(n, nc_reason_name((nc_reason)j));
    }
    ck_assert_str_eq(nc_reason_name((nc_reason)NC_REASON_COUNT), "unknown");
    ck_assert_str_eq(nc_reason_name((nc_reason)-1), "unknown");
    ck_assert_str_eq(nc_reason_name(NC_REASON_CREDIT_PATTERN), "credit-pattern");
}
END_TEST

START_TEST(test_accessors)
{
    nc_options o;
    nc_options_init(&o);
    o.input = NC_INPUT_TEXT;
    nc_result *r = tu_clean(article, strlen(article), &o);
    ck_assert_int_eq(nc_result_input_kind(r), NC_INPUT_TEXT);
    ck_assert_str_eq(nc_result_encoding(r), "utf-8");
    ck_assert_uint_eq(nc_result_block_count(r), 3);

    size_t n = nc_result_paragraph_count(r), sum = 0, len = 0;
    ck_assert_uint_ge(n, 1);
    for (size_t i = 0; i < n; i++) {
        const char *p = nc_result_paragraph(r, i, &len);
        ck_assert_ptr_nonnull(p);
        ck_assert_uint_eq(strlen(p), len);
        sum += len;
        ck_assert_ptr_nonnull(nc_result_paragraph(r, i, NULL));
    }
    len = 99;
    ck_assert_ptr_null(nc_result_paragraph(r, n, &len));
    ck_assert_uint_eq(len, 0);
    ck_assert_ptr_null(nc_result_paragraph(r, (size_t)-1, NULL));

    const char *text = nc_result_text(r, &len);
    ck_assert_uint_eq(strlen(text), len);
    ck_assert_uint_eq(len, sum + 2 * (n - 1));
    ck_assert_ptr_nonnull(nc_result_text(r, NULL));
    if (n > 1)
        ck_assert_ptr_nonnull(strstr(text, "\n\n"));

    /* Every block: text, tag "" for plain text, score in 0..1; the
     * paragraphs are exactly the body and heading blocks, in order. */
    size_t para = 0;
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        ck_assert_ptr_nonnull(info.text);
        ck_assert_uint_eq(strlen(info.text), info.length);
        ck_assert_str_eq(info.tag, "");
        ck_assert(info.score >= 0.0 && info.score <= 1.0);
        ck_assert_str_ne(nc_label_name(info.label), "unknown");
        ck_assert_str_ne(nc_reason_name(info.reason), "unknown");
        if (info.label == NC_LABEL_BODY || info.label == NC_LABEL_HEADING)
            ck_assert_str_eq(nc_result_paragraph(r, para++, NULL), info.text);
    }
    ck_assert_uint_eq(para, n);

    ck_assert_uint_gt(strlen(nc_result_language(r)), 0);
    double c = nc_result_language_confidence(r);
    ck_assert(c >= 0.0 && c <= 1.0);
    ck_assert_uint_eq(strlen(nc_result_script(r)), 4);
    ck_assert_uint_eq(nc_result_flags(r), 0);
    ck_assert_uint_eq(nc_result_repair_count(r), 0);
    const char *title = nc_result_title(r);
    if (title)
        ck_assert_uint_gt(strlen(title), 0);
    nc_result_free(r);
}
END_TEST

START_TEST(test_block_info_bounds)
{
    nc_result *r = tu_clean_kind(article, NC_INPUT_TEXT);
    size_t nb = nc_result_block_count(r);
    nc_block_info info = NC_BLOCK_INFO_INIT;
    ck_assert_int_eq(nc_result_block(r, nb, &info), NC_ERR_ARGUMENT);
    ck_assert_int_eq(nc_result_block(r, (size_t)-1, &info), NC_ERR_ARGUMENT);
    ck_assert_int_eq(nc_result_block(r, 0, NULL), NC_ERR_ARGUMENT);
    /* A caller's struct too small to hold every field is refused, and
     * left as it was. */
    info.size = offsetof(nc_block_info, tag);
    info.text = NULL;
    ck_assert_int_eq(nc_result_block(r, 0, &info), NC_ERR_ARGUMENT);
    ck_assert_ptr_null(info.text);
    info.size = 0;
    ck_assert_int_eq(nc_result_block(r, 0, &info), NC_ERR_ARGUMENT);
    info.size = sizeof info;
    ck_assert_int_eq(nc_result_block(r, 0, &info), NC_OK);
    nc_result_free(r);
}
END_TEST

START_TEST(test_older_options_struct)
{
    /* A caller built against a header whose struct ended before the limits
     * (size = offsetof(max_input_bytes)) gets the default limits. The fields
     * past its size hold garbage the library must not read. */
    nc_options o;
    memset(&o, 0xFF, sizeof o);
    o.size = offsetof(nc_options, max_input_bytes);
    o.input = NC_INPUT_TEXT;
    o.language = NULL;
    o.encoding = NULL;
    o.recall_bias = 0.25;
    nc_result *r = tu_clean(article, strlen(article), &o);
    ck_assert_int_eq(nc_result_input_kind(r), NC_INPUT_TEXT);
    ck_assert_uint_eq(nc_result_block_count(r), 3);
    nc_result_free(r);
    /* ... and one that ended after max_blocks. */
    memset(&o, 0xFF, sizeof o);
    nc_options_init(&o);
    o.size = offsetof(nc_options, max_depth);
    o.max_blocks = 2;
    o.max_depth = 0;      /* past size: ignored */
    o.max_line_bytes = 0; /* past size: ignored */
    r = tu_clean(article, strlen(article), &o);
    ck_assert_uint_eq(nc_result_block_count(r), 2);
    ck_assert(nc_result_flags(r) & NC_FLAG_TRUNCATED_BLOCKS);
    nc_result_free(r);
}
END_TEST

START_TEST(test_input_kind_forced_and_detected)
{
    const char *html = "<!DOCTYPE html><html><body><p>A paragraph of the "
                       "article with enough words to be kept as body text "
                       "here.</p></body></html>";
    nc_result *r = tu_clean(html, strlen(html), NULL);
    ck_assert_int_eq(nc_result_input_kind(r), NC_INPUT_HTML);
    nc_result_free(r);
    r = tu_clean_kind(html, NC_INPUT_TEXT);
    ck_assert_int_eq(nc_result_input_kind(r), NC_INPUT_TEXT);
    nc_result_free(r);
    r = tu_clean(article, strlen(article), NULL);
    ck_assert_int_eq(nc_result_input_kind(r), NC_INPUT_TEXT);
    nc_result_free(r);
    r = tu_clean_kind(article, NC_INPUT_HTML);
    ck_assert_int_eq(nc_result_input_kind(r), NC_INPUT_HTML);
    nc_result_free(r);
}
END_TEST

START_TEST(test_input_not_terminated_not_kept)
{
    /* The input need not be NUL-terminated, and the result must not point
     * into it: clean a copy, scribble over it, then read the result. */
    size_t n = strlen(article);
    char *copy = malloc(n);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, article, n);
    nc_result *r = tu_clean(copy, n, NULL);
    memset(copy, 'X', n);
    free(copy);
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        ck_assert_ptr_null(strstr(info.text, "XXXX"));
    }
    nc_result_free(r);
}
END_TEST

START_TEST(test_language_hint)
{
    nc_options o;
    nc_options_init(&o);
    o.language = "de";
    nc_result *r = tu_clean(article, strlen(article), &o);
    ck_assert_str_eq(nc_result_language(r), "de");
    ck_assert(nc_result_language_confidence(r) == 1.0);
    nc_result_free(r);
}
END_TEST

START_TEST(test_language_hint_garbage)
{
    /* Whatever the caller passes as a hint, the language handed back is a
     * short, valid UTF-8 string (it is a field of the result). */
    static const char *const hints[] = {
        "x", "EN-us", "zh_Hant_TW", "a-very-long-language-tag-that-goes-on-and-on",
        "\xFF\xFE" "bad", "de\xC3", "\xE6\x96\xB0\xE6\x96\xB0\xE6\x96\xB0"
        "\xE6\x96\xB0\xE6\x96\xB0\xE6\x96\xB0", "  ", "-"};
    for (size_t i = 0; i < sizeof hints / sizeof *hints; i++) {
        nc_options o;
        nc_options_init(&o);
        o.language = hints[i];
        nc_result *r = tu_clean(article, strlen(article), &o);
        const char *lang = nc_result_language(r);
        ck_assert_ptr_nonnull(lang);
        ck_assert_uint_gt(strlen(lang), 0);
        ck_assert_uint_lt(strlen(lang), 16);
        ck_assert_msg(tu_valid_utf8(lang, strlen(lang)), "hint %zu: language "
                      "is not UTF-8", i);
        tu_check_result(r);
        nc_result_free(r);
    }
    nc_options o;
    nc_options_init(&o);
    o.language = "EN-us";
    nc_result *r = tu_clean(article, strlen(article), &o);
    ck_assert_str_eq(nc_result_language(r), "en");
    nc_result_free(r);
}
END_TEST

START_TEST(test_silent)
{
    /* No function prints: libxml2's parse errors, ICU's, nothing reaches
     * stdout or stderr, whatever the input. Both go to a file meanwhile. */
    static const char *const pages[] = {
        "<html><body><p>unclosed <b><i>tags</p></div></span><!-- open comment",
        "<?xml version=\"1.0\" encoding=\"bogus\"?><!DOCTYPE x SYSTEM "
        "\"http://example.com/x.dtd\"><x>&undefined; &#xFFFFFFFF; <![CDATA[",
        "<p>\xFF\xFE\xC0 bad bytes</p><script>var x = '<p>';</script>",
        "plain text with \x00 a NUL and \xE2\x82 a cut character"};
    FILE *sink = tmpfile();
    ck_assert_ptr_nonnull(sink);
    fflush(stdout);
    fflush(stderr);
    int out = dup(1), err = dup(2);
    ck_assert(out >= 0 && err >= 0);
    dup2(fileno(sink), 1);
    dup2(fileno(sink), 2);
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        for (int kind = 0; kind < 3; kind++) {
            nc_options o;
            nc_options_init(&o);
            o.input = (nc_input_kind)kind;
            nc_result *r = NULL;
            nc_clean(pages[i], strlen(pages[i]), &o, &r);
            nc_result_free(r);
        }
    }
    nc_options o;
    nc_options_init(&o);
    o.encoding = "no-such-charset";
    nc_result *r = NULL;
    nc_clean(pages[0], strlen(pages[0]), &o, &r);
    fflush(stdout);
    fflush(stderr);
    dup2(out, 1);
    dup2(err, 2);
    close(out);
    close(err);
    long written = ftell(sink) > 0 ? ftell(sink) : (fseek(sink, 0, SEEK_END), ftell(sink));
    fclose(sink);
    ck_assert_msg(written == 0, "the library printed %ld bytes", written);
}
END_TEST

START_TEST(test_deterministic)
{
    nc_result *a = tu_clean(article, strlen(article), NULL);
    nc_result *b = tu_clean(article, strlen(article), NULL);
    size_t la, lb;
    const char *ta = nc_result_text(a, &la), *tb = nc_result_text(b, &lb);
    ck_assert_uint_eq(la, lb);
    ck_assert_mem_eq(ta, tb, la);
    nc_result_free(a);
    nc_result_free(b);
}
END_TEST

static Suite *api_suite(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_version);
    tcase_add_test(tc, test_options_init);
    tcase_add_test(tc, test_null_arguments);
    tcase_add_test(tc, test_null_result_accessors);
    tcase_add_test(tc, test_empty_input);
    tcase_add_test(tc, test_bad_options);
    tcase_add_test(tc, test_too_large);
    tcase_add_test(tc, test_unknown_charset_hint);
    tcase_add_test(tc, test_charset_hint);
    tcase_add_test(tc, test_charset_hint_not_kept);
    tcase_add_test(tc, test_strerror);
    tcase_add_test(tc, test_label_names);
    tcase_add_test(tc, test_reason_names);
    tcase_add_test(tc, test_accessors);
    tcase_add_test(tc, test_block_info_bounds);
    tcase_add_test(tc, test_older_options_struct);
    tcase_add_test(tc, test_input_kind_forced_and_detected);
    tcase_add_test(tc, test_input_not_terminated_not_kept);
    tcase_add_test(tc, test_language_hint);
    tcase_add_test(tc, test_language_hint_garbage);
    tcase_add_test(tc, test_silent);
    tcase_add_test(tc, test_deterministic);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(api_suite()); }
