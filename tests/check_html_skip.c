/* check_html_skip.c - blocks/html/skip.c, the read-ahead that lets libxml2 skip
 * script and style bodies and unread attributes: what it writes into the
 * parser's buffer, and that the HTML stage makes the same blocks with it
 * as without it, on pages made to trip it (scripts closed inside strings,
 * unclosed comments, "/>" after unquoted values, duplicate attributes,
 * references, long text) and on thousands of random mixes of such
 * pieces. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocks/html/html.h"
#include "input/input.h"
#include "blocks/blocks.h"
#include "testutil.h"

/* ---- the two functions on buffers ---- */

/* Runs nc_html_compact_next on a copy of s whose first byte is the '>'
 * the parser stands on; returns what the parser would read from there. */
static char *compacted(const char *s, nc_html_ahead *ahead)
{
    size_t len = strlen(s);
    char *buf = malloc(len + 1);
    ck_assert_ptr_nonnull(buf);
    memcpy(buf, s, len + 1);
    char *gt = nc_html_compact_next(buf, buf + len, ahead);
    ck_assert_int_eq(*gt, '>');
    char *out = strdup(gt);
    free(buf);
    return out;
}

START_TEST(test_compact_drops_unread_attributes)
{
    nc_html_ahead ahead;
    memset(&ahead, 0, sizeof ahead);
    char *s = compacted("> text </b><a href=\"/x?a=1&amp;b\" class=\"nav\" "
                        "data-x='1>2' ID=top>rest",
                        &ahead);
    /* The text and end tag follow the '>', the tag has no attribute left:
     * the read ones are handed over, lower-cased, in order. */
    ck_assert_str_eq(s, "> text </b><a>rest");
    ck_assert(ahead.pending);
    ck_assert_str_eq(ahead.name, "a");
    ck_assert_str_eq(ahead.atts[0], "class");
    ck_assert_str_eq(ahead.atts[1], "nav");
    ck_assert_str_eq(ahead.atts[2], "id");
    ck_assert_str_eq(ahead.atts[3], "top");
    ck_assert_ptr_null(ahead.atts[4]);
    free(s);
    nc_buf_free(&ahead.buf);
}
END_TEST

START_TEST(test_compact_keeps_what_it_cannot_hand_over)
{
    nc_html_ahead ahead;
    memset(&ahead, 0, sizeof ahead);
    /* A reference in a read value: libxml2 decodes it, so the read
     * attributes stay in the tag (their blanks with them); the unread one
     * goes. */
    char *s = compacted("><p class=\"a&amp;b\" title=t hidden>x", &ahead);
    ck_assert_str_eq(s, "><p class=\"a&amp;b\" hidden>x");
    ck_assert(!ahead.pending);
    free(s);
    /* An unquoted value before "/>" would take the '/': left alone. */
    s = compacted("><img class=x alt=y/>", &ahead);
    ck_assert_str_eq(s, "><img>");
    ck_assert(ahead.pending);
    ck_assert_str_eq(ahead.atts[1], "x");
    free(s);
    s = compacted("><img class=x&amp; alt=\"y\"/>", &ahead);
    ck_assert_str_eq(s, "><img class=x&amp; alt=\"y\"/>");
    ck_assert(!ahead.pending);
    free(s);
    /* What a simple scanner would read otherwise is left to libxml2. */
    static const char *const kept[] = {
        "><!DOCTYPE html><a href=x>", "><?pi?><a href=x>",
        "></ p><a href=x>", "><a href=\"unclosed>", "><a x=\"1\"y=2 href=u>",
        "><body onload=f()>", "><a href=x", "> <!-- unclosed <a href=x>"};
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
        s = compacted(kept[i], &ahead);
        ck_assert_str_eq(s, kept[i]);
        free(s);
    }
    /* A comment is stepped over, as htmlParseComment does ("--!>" ends
     * it too). */
    s = compacted("><!-- <a href=x> --!> <a href=y>", &ahead);
    ck_assert_str_eq(s, "><!-- <a href=x> --!> <a>");
    free(s);
    nc_buf_free(&ahead.buf);
}
END_TEST

START_TEST(test_skip_raw_stops_where_libxml2_does)
{
    char buf[] = ">var s = '</div>'; x = '</SCRIPTs'; y</script> after";
    bool closed = true;
    char *gt = nc_html_skip_raw(buf, buf + strlen(buf), "script", &closed);
    /* The first "</script" in any case, as a prefix, ends the body. */
    ck_assert_str_eq(gt, "></SCRIPTs'; y</script> after");
    ck_assert(!closed); /* "</SCRIPTs" is no end tag of script */
    char buf2[] = ">a{}</style> b";
    gt = nc_html_skip_raw(buf2, buf2 + strlen(buf2), "style", &closed);
    ck_assert_str_eq(gt, "></style> b");
    ck_assert(closed);
    /* Unclosed: to the end of the input. */
    char buf3[] = ">never closed";
    gt = nc_html_skip_raw(buf3, buf3 + strlen(buf3), "script", &closed);
    ck_assert_str_eq(gt, ">");
    ck_assert(!closed);
    /* A body that starts with a tag is libxml2's to read. */
    char buf4[] = "><div>x</div></script>";
    gt = nc_html_skip_raw(buf4, buf4 + strlen(buf4), "script", &closed);
    ck_assert_ptr_eq(gt, buf4);
}
END_TEST

/* ---- the HTML stage with and without ---- */

static void blocks_of(const char *html, size_t len, bool read_ahead,
                      size_t max_blocks, nc_doc *d)
{
    memset(d, 0, sizeof *d);
    nc_arena_init(&d->arena);
    nc_options_init(&d->opts);
    d->opts.input = NC_INPUT_HTML;
    if (max_blocks)
        d->opts.max_blocks = max_blocks; /* the parser stopped midway */
    ck_assert_int_eq(nc_input_decode(d, html, len), NC_OK);
    nc_html_blocks_with(d, read_ahead);
}

static bool same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The two docs hold the same blocks and page hints. */
static bool same_blocks(const nc_doc *a, const nc_doc *b)
{
    if (a->nblocks != b->nblocks || a->flags != b->flags ||
        !same_str(a->title, b->title) || !same_str(a->html_title, b->html_title) ||
        !same_str(a->og_title, b->og_title) || !same_str(a->site_name, b->site_name) ||
        !same_str(a->html_lang, b->html_lang) || !same_str(a->ld_body, b->ld_body))
        return false;
    for (size_t i = 0; i < a->nblocks; i++) {
        const nc_block *x = &a->blocks[i], *y = &b->blocks[i];
        if (strcmp(x->text, y->text) || x->tag != y->tag || x->in != y->in ||
            x->hints != y->hints || x->depth != y->depth ||
            x->link_chars != y->link_chars || x->gap_before != y->gap_before ||
            x->list_item != y->list_item)
            return false;
    }
    return true;
}

static void check_same(const char *html, size_t len)
{
    static const size_t max_blocks[] = {0, 1, 2, 5};
    for (size_t k = 0; k < sizeof max_blocks / sizeof *max_blocks; k++) {
        nc_doc plain, skipped;
        blocks_of(html, len, false, max_blocks[k], &plain);
        blocks_of(html, len, true, max_blocks[k], &skipped);
        bool same = same_blocks(&plain, &skipped);
        nc_doc_free(&plain);
        nc_doc_free(&skipped);
        ck_assert_msg(same, "blocks differ with read-ahead on (max_blocks %zu): %.300s",
                      max_blocks[k], html);
    }
}

static const char *const tricky[] = {
    "<html><body><p>Before</p><script>var a=\"</div>\"; var b=\"</scr\"+\"ipt>\";"
    "</script><p>After one</p></body></html>",
    "<p>Before</p><SCRIPT type=\"text/javascript\">x=1</SCRIPT><p>After</p>",
    "<p>Before</p><script>x=1; <!-- <script> y </script> --></script><p>After</p>",
    "<p>Before</p><script src=\"a.js\"/><p class=lead>After four</p>",
    "<p>Before</p><script></div><p>inside?</p></script><p>After five</p>",
    "<p>Before</p><script><div>x</div></script><p>After six</p>",
    "<p>Before</p><script>var x = 1; never closed <p>text</p>",
    "<p>Before</p><script", "<p>Before</p><script>", "<p>Before</p><script>x",
    "<p>B</p><style>p { color: red } </style><p class=x>After</p><STYLE>a{}"
    "</Style ><p>More</p>",
    "<head><script type=\"application/ld+json\">{\"articleBody\": \"The body "
    "</div> text\"}</script></head><body><p>Para</p></body>",
    "<body><svg><script>bad()</script><style>x{}</style></svg><p>After svg</p>"
    "<noscript><script>z</script>no</noscript></body>",
    "<p>Before</p><script>a</scriptx>b</script><p>After fourteen</p>",
    "<p>Before</p><script>a</SCRIPT   foo=\"bar\">b<p>After fifteen</p>",
    "<p>Before</p><script type=x>a < b && c </ d</script><p>After</p>"
    "<script>//</scr</script><p>End</p>",
    "<div><p>Before</p><script>document.write(\"</div>\")</script><p>After</p>"
    "</div><p>out</p>",
    "<p>Before<script>x</script>after</p><script>x</scrip",
    "<p>Before</p><script><!-- </script> --></script><p>After twenty</p>",
    "<p>Before</p><script>x</script <p>odd</p>",
    "<p>a<script >x</script><p>b<script\t>y</script><p>c<script\n>z</script><p>d",
    "<div class=\"article-body\" data-x=\"1\"><p id=a class=\"b c\" hidden>x</p>"
    "<p style=\"display:none\">hidden text here</p><nav role=navigation>"
    "<a href=\"/\">Home</a></nav><div aria-hidden=\"true\">aria</div>"
    "<div class=\"a\" class=\"footer\">dup</div></div>",
    "<meta property=\"og:title\" content=\"The title\"><meta name=og:site_name "
    "content=Site /><title>T | Site</title><h1 class=\"headline\">The title</h1>",
    "<html lang=de><body><table><tr><td colspan=2 class=x>cell</td></tr></table>"
    "<!-- c --><a href=u title=\"t\">l</a><!----><b class=k>b</b><!--->x-->"
    "<i data-q=\"&\">i</i></body></html>",
    "<p>x<img src=a alt=\"b>c\"/>y<br/>z<input hidden/><a class=x/>w</a>"
    "<a class=x href=y />v</p><a b=c d=\"e\"f=g>u</a>",
    "<div itemprop=articleBody><p class=a&amp;b>text with &amp; entities&nbsp;"
    "and &copy</p></div>",
};

START_TEST(test_same_blocks_on_tricky_pages)
{
    for (size_t i = 0; i < sizeof tricky / sizeof *tricky; i++)
        check_same(tricky[i], strlen(tricky[i]));
}
END_TEST

/* Text past libxml2's 1000-byte chunks, multi-byte characters across the
 * chunk ends, characters it drops, and <pre>, where every byte counts. */
START_TEST(test_same_blocks_on_long_text)
{
    static const char *const fill[] = {"x", "\xC3\xA9", "\xE4\xB8\xAD", " ",
                                       "\xF0\x9F\x98\x80", "\n", ","};
    static const char *const around[][2] = {
        {"<p>", "</p>"}, {"<pre>", "</pre>"}, {"<div class=a>", "<br>tail</div>"},
        {"<title>", "</title><p>x</p>"}, {"<td>", "&amp; more</td>"}};
    char *buf = malloc(16384);
    ck_assert_ptr_nonnull(buf);
    for (size_t a = 0; a < sizeof around / sizeof *around; a++)
        for (size_t f = 0; f < sizeof fill / sizeof *fill; f++)
            for (int bad = 0; bad < 2; bad++) {
                size_t len = 0;
                len += (size_t)sprintf(buf + len, "%s", around[a][0]);
                for (int k = 0; k < 2500; k++) {
                    const char *piece = k % 7 == 3 ? fill[f] : "ab";
                    len += (size_t)sprintf(buf + len, "%s", piece);
                    if (bad && k == 1700)
                        buf[len++] = '\x01'; /* libxml2 drops it */
                }
                len += (size_t)sprintf(buf + len, "%s", around[a][1]);
                check_same(buf, len);
            }
    free(buf);
}
END_TEST

/* Random mixes of the pieces blocks/html/skip.c must read exactly as libxml2. */
static const char *const pieces[] = {
    "<", ">", "\"", "'", "=", "/", "/>", " ", "\n", "</", "<!--", "-->", "--!>",
    "<script>", "</script>", "<style>", "</style>", "<div class=a>", "</div>",
    "<a href=x/>", "<a href=\"y\">", "<p id=z title=t>", "<img src=a alt=\"b>c\">",
    "&amp;", "&#", "&#x3e;", "<?x?>", "<!DOCTYPE html>", "<b>", "</b>",
    "<span data-x='1' class=\"c\" hidden>", "<SCRIPT>", "</SCRIPT >", "text ",
    "<script type=\"application/ld+json\">{\"articleBody\":\"AB\"}</script>",
    "<meta name=a content=b>", "<td colspan=2 class=x>", "<br/>", "<input hidden/>",
    "<a class=x/>", "<a class=x href=y />", "<a b=c d=\"e\"f=g>", "<_x>", "</ x>",
    "<3", "<!-->", "<!---->", "<script src=a />", "<p class=a&amp;b>", "<pre>",
    "</pre>", "<title>", "</title>", "<li class=\"menu-item\">", "Words, and more."};

START_TEST(test_same_blocks_on_random_mixes)
{
    uint64_t x = 88172645463325252ull; /* xorshift64: the same mixes every run */
    char *buf = malloc(4096);
    ck_assert_ptr_nonnull(buf);
    for (int n = 0; n < 3000; n++) {
        size_t len = 0;
        int count = 5 + (int)(n % 60);
        for (int k = 0; k < count; k++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            const char *p = pieces[x % (sizeof pieces / sizeof *pieces)];
            size_t pl = strlen(p);
            if (len + pl >= 4096)
                break;
            memcpy(buf + len, p, pl);
            len += pl;
        }
        buf[len] = '\0';
        check_same(buf, len);
    }
    free(buf);
}
END_TEST

/* The data-driven cases' HTML pages (tests/cases/NAME.html). */
START_TEST(test_same_blocks_on_case_pages)
{
    DIR *dir = opendir("tests/cases");
    ck_assert_ptr_nonnull(dir);
    size_t pages = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".html") != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "tests/cases/%s", e->d_name);
        size_t len = 0;
        char *html = tu_read_file(path, &len);
        ck_assert_ptr_nonnull(html);
        check_same(html, len);
        free(html);
        pages++;
    }
    closedir(dir);
    ck_assert_uint_gt(pages, 0);
}
END_TEST

Suite *html_skip_suite(void)
{
    Suite *s = suite_create("html_skip");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_compact_drops_unread_attributes);
    tcase_add_test(tc, test_compact_keeps_what_it_cannot_hand_over);
    tcase_add_test(tc, test_skip_raw_stops_where_libxml2_does);
    tcase_add_test(tc, test_same_blocks_on_tricky_pages);
    tcase_add_test(tc, test_same_blocks_on_long_text);
    tcase_add_test(tc, test_same_blocks_on_random_mixes);
    tcase_add_test(tc, test_same_blocks_on_case_pages);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(html_skip_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
