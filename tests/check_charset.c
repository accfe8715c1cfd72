/* check_charset.c - input/charset.c: HTML-or-text detection, the declared
 * charset (<meta charset>, http-equiv, the XML declaration) and ICU's
 * detector, end to end on small pages in each legacy charset
 * (tests/data/enc/, made by make_pages.py there). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "input/input.h"
#include "testutil.h"

#define ENC_DIR "tests/data/enc/"

/* Page name and the encoding the result must report. */
static const struct { const char *name, *encoding; } pages[] = {
    {"windows-1252", "windows-1252"},
    {"iso-8859-1-as-1252", "windows-1252"},
    {"windows-1251", "windows-1251"},
    {"koi8-r", "koi8-r"},
    {"iso-8859-2", "iso-8859-2"},
    {"iso-8859-7", "iso-8859-7"},
    {"shift_jis", "shift_jis"},
    {"euc-jp", "euc-jp"},
    {"gb2312", "gb18030"},
    {"gb18030", "gb18030"},
    {"big5", "big5"},
    {"euc-kr", "windows-949"},
    {"http-equiv-1251", "windows-1251"},
    {"xml-decl-koi8-r", "koi8-r"},
    {"nodecl-windows-1252", "windows-1252"},
    {"nodecl-windows-1251", "windows-1251"},
    {"nodecl-koi8-r", "koi8-r"},
    {"nodecl-shift_jis", "shift_jis"},
    {"nodecl-euc-jp", "euc-jp"},
    {"nodecl-gb18030", "gb18030"},
    {"nodecl-big5", "big5"},
    {"nodecl-euc-kr", "windows-949"},
};

static char *read_data(const char *name, const char *ext, size_t *len)
{
    char path[256];
    snprintf(path, sizeof path, ENC_DIR "%s%s", name, ext);
    char *data = tu_read_file(path, len);
    ck_assert_msg(data != NULL, "cannot read %s (run from the repository root)", path);
    return data;
}

START_TEST(test_legacy_pages)
{
    const char *name = pages[_i].name;
    size_t len = 0, plen = 0;
    char *html = read_data(name, ".html", &len);
    char *para = read_data(name, ".txt", &plen);
    while (plen && para[plen - 1] == '\n')
        para[--plen] = '\0';
    nc_result *r = tu_clean(html, len, NULL); /* auto: must be seen as HTML */
    tu_check_result(r);
    ck_assert_int_eq(nc_result_input_kind(r), NC_INPUT_HTML);
    ck_assert_msg(strcmp(nc_result_encoding(r), pages[_i].encoding) == 0,
                  "%s: read as %s, want %s", name, nc_result_encoding(r),
                  pages[_i].encoding);
    ck_assert_msg(tu_has_block(r, para), "%s: paragraph not found as one block", name);
    nc_result_free(r);
    free(html);
    free(para);
}
END_TEST

START_TEST(test_stale_declaration)
{
    /* Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page says. */
    const char *page = "<html><head><meta charset=\"windows-1251\"></head><body>"
                       "<p>\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 "
                       "caf\xC3\xA9</p></body></html>";
    nc_result *r = tu_clean(page, strlen(page), NULL);
    ck_assert_str_eq(nc_result_encoding(r), "utf-8");
    ck_assert(tu_has_block(r, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 caf\xC3\xA9"));
    nc_result_free(r);
}
END_TEST

START_TEST(test_declarations)
{
    static const struct { const char *bytes, *want; } cases[] = {
        {"<meta charset=koi8-r><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>", "koi8-r"},
        {"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html;charset=Shift_JIS\">"
         "<p>\x93\xfa\x96\x7b</p>", "shift_jis"},
        {"<?xml version=\"1.0\" encoding='EUC-JP'?><p>\xC6\xFC\xCB\xDC</p>", "euc-jp"},
        {"<meta charset=\"latin1\"><p>caf\xE9</p>", "windows-1252"},
        {"<meta charset=\"gbk\"><p>\xD6\xD0\xCE\xC4</p>", "gb18030"},
        {"<meta charset=\"ks_c_5601-1987\"><p>\xC7\xD1\xB1\xB9</p>", "windows-949"},
        {"<meta charset=\"utf-16\"><p>caf\xE9</p>", "utf-8"},
        /* Not in the table but known to ICU: its standard name. */
        {"<meta charset=\"ibm866\"><p>\x8F\xE0\xA8\xA2\xA5\xE2</p>", "IBM866"},
        /* "charset=" in a script is no declaration; the <meta> after is. */
        {"<script>var charset=\"utf-8\";</script><meta charset=\"windows-1251\">"
         "<p>\xCF\xF0\xE8\xE2\xE5\xF2</p>", "windows-1251"},
        /* An unknown name: the detector, then windows-1252. */
        {"<meta charset=\"no-such-charset\"><p>caf\xE9</p>", "windows-1252"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *got = nc_input_sniff_charset(cases[i].bytes, strlen(cases[i].bytes));
        ck_assert_msg(strcmp(got, cases[i].want) == 0, "case %zu: %s, want %s", i,
                      got, cases[i].want);
    }
}
END_TEST

START_TEST(test_declared_utf8_repaired)
{
    /* Declared UTF-8 with one bad byte: repaired, not re-read as 1252. */
    const char *page = "<meta charset=\"utf-8\"><p>caf\xC3\xA9 na\xEFve \xC3\xBC"
                       "ber</p>";
    nc_result *r = tu_clean(page, strlen(page), NULL);
    ck_assert_str_eq(nc_result_encoding(r), "utf-8");
    ck_assert(tu_has_block(r, "caf\xC3\xA9 na\xEF\xBF\xBDve \xC3\xBC" "ber"));
    nc_result_free(r);
}
END_TEST

static nc_input_kind kind(const char *s) { return nc_input_detect_kind(s, strlen(s)); }

START_TEST(test_kind_html)
{
    static const char *const html[] = {
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "\n\n  <html lang=en>",
        "<HEAD><TITLE>t</TITLE></HEAD>",
        "<body>text",
        "<?xml version=\"1.0\"?><html>",
        "<!-- saved page --><html>",
        "<div class=\"story\"><p>First paragraph.</p><p>Second.</p></div>",
        "<p>A fragment of paragraphs.</p>\n<p>Another one.</p>",
        "<article><h1>Headline</h1><p>Body</p></article>",
        "Warning: something failed in /var/www/x.php on line 3\n<!DOCTYPE html>\n<html>",
        /* Text first, then markup on every line. */
        "Headline of the story\n<p>One paragraph.</p>\n<p>Two <b>bold</b>.</p>\n"
        "<ul><li>item</li></ul>\n",
    };
    for (size_t i = 0; i < sizeof html / sizeof *html; i++)
        ck_assert_msg(kind(html[i]) == NC_INPUT_HTML, "not HTML: %s", html[i]);
}
END_TEST

START_TEST(test_kind_text)
{
    static const char *const text[] = {
        "",
        "Plain text, one line.",
        "If a < b and b > c then a < c.\nTom & Jerry & friends.\n",
        "Contact: <john@example.com>, <jane@example.org>, <bob@example.net>,\n"
        "<amy@example.com>, <joe@example.com>, <kim@example.com>\n",
        "The <p> tag starts a paragraph and </p> ends it; <div> groups blocks.\n"
        "This line of the article is long enough to be a whole paragraph of "
        "text that a crawler took from a page and handed over as plain text.\n"
        "And so is this one, which goes on about something else entirely for "
        "a good while before it stops at the end of the line.\n"
        "A third line of ordinary prose follows, as long as the others, with "
        "nothing in it that looks like markup of any kind at all.\n",
        "AT&T and P&G reported results &mdash; shares rose.\n",
        /* An article about HTML, its code sample among the lines. */
        "Adding it to your test page takes one line:\n"
        "<script src=\"vendor/lib.js\"></script>\n"
        "<script src=\"vendor/adapter.js\"></script>\n"
        "<div id=\"results\"></div>\n"
        "<link rel=\"stylesheet\" href=\"style.css\">\n"
        "Then open the page in a browser.\n"
        "The report lists every file.\n"
        "Each line shows how often it ran.\n"
        "Lines that never ran are red.\n"
        "That is all there is to it.\n"
        "Questions go to the mailing list.\n",
    };
    for (size_t i = 0; i < sizeof text / sizeof *text; i++)
        ck_assert_msg(kind(text[i]) == NC_INPUT_TEXT, "not text: %s", text[i]);
}
END_TEST

static Suite *charset_suite(void)
{
    Suite *s = suite_create("charset");
    TCase *tc = tcase_create("charset");
    tcase_add_loop_test(tc, test_legacy_pages, 0, sizeof pages / sizeof *pages);
    tcase_add_test(tc, test_stale_declaration);
    tcase_add_test(tc, test_declarations);
    tcase_add_test(tc, test_declared_utf8_repaired);
    tcase_add_test(tc, test_kind_html);
    tcase_add_test(tc, test_kind_text);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(charset_suite()); }
