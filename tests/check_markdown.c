/* check_markdown.c - nc_result_markdown and what it reads: the structure
 * blocks/html/shape.c records (lists, tables, links, images, <pre> lines),
 * the offset mapping of nc_doc_add_block_mapped, result/url.c's link
 * resolution and the escaping of Markdown characters. The renderer is
 * tested on every block of a page labelled body (the classifier is not
 * what these tests are about); nc_clean's own labels in the last ones. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "outline.h"
#include "result.h"
#include "blocks/blocks.h"
#include "testutil.h"

/* The result of page's blocks, labelled one a letter of labels (b body,
 * h heading, x related: dropped), or every one label when labels is NULL,
 * with the options' record bits. */
static nc_result *result_labelled(const char *page, nc_input_kind kind, unsigned record,
                                  const char *labels, nc_label label)
{
    nc_options opts;
    nc_options_init(&opts);
    opts.input = kind;
    opts.record = record;
    nc_doc doc;
    ck_assert_int_eq(nc_pipeline_blocks(page, strlen(page), &opts, &doc), NC_OK);
    if (labels)
        ck_assert_uint_eq(doc.nblocks, strlen(labels));
    for (size_t i = 0; i < doc.nblocks; i++)
        doc.blocks[i].label = !labels           ? label
                              : labels[i] == 'b' ? NC_LABEL_BODY
                              : labels[i] == 'h' ? NC_LABEL_HEADING
                                                 : NC_LABEL_RELATED;
    nc_result *r = NULL;
    ck_assert_int_eq(nc_result_build(&doc, &r), NC_OK);
    return r;
}

/* The Markdown of html's blocks, every one labelled label (body unless
 * told), with the options' record bits and the renderer's flags. */
static char *md_labelled(const char *html, nc_input_kind kind, unsigned record,
                         unsigned flags, const char *url, nc_label label)
{
    nc_result *r = result_labelled(html, kind, record, NULL, label);
    char *out = NULL;
    size_t len = 0;
    ck_assert_int_eq(nc_result_markdown(r, flags, url, &out, &len), NC_OK);
    ck_assert_uint_eq(strlen(out), len);
    nc_result_free(r);
    return out;
}

static char *md(const char *html, unsigned record, unsigned flags, const char *url)
{
    return md_labelled(html, NC_INPUT_HTML, record, flags, url, NC_LABEL_BODY);
}

static void md_is(const char *html, const char *want)
{
    char *got = md(html, 0, 0, NULL);
    ck_assert_str_eq(got, want);
    nc_free(got);
}

/* The Markdown of page's blocks labelled as labels says (see
 * result_labelled) with the renderer's flags; *kept (when not NULL) gets
 * the result, else it goes. */
static char *md_labels(const char *page, nc_input_kind kind, const char *labels,
                       unsigned record, unsigned flags, nc_result **kept)
{
    nc_result *r = result_labelled(page, kind, record, labels, NC_LABEL_BODY);
    char *out = NULL;
    ck_assert_int_eq(nc_result_markdown(r, flags, NULL, &out, NULL), NC_OK);
    if (kept)
        *kept = r;
    else
        nc_result_free(r);
    return out;
}

static int block_heading_level(const nc_result *r, size_t i)
{
    nc_block_info info = NC_BLOCK_INFO_INIT;
    ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
    return info.heading_level;
}

START_TEST(test_headings_keep_their_level)
{
    md_is("<h1>Top</h1><h2>Sub</h2><h3>Deeper</h3><h6>Least</h6><p>Text.</p>",
          "# Top\n\n## Sub\n\n### Deeper\n\n###### Least\n\nText.");
}
END_TEST

START_TEST(test_lists_ordered_unordered_nested)
{
    md_is("<ul><li>one</li><li>two<ul><li>two a</li><li>two b</li></ul></li>"
          "<li>three</li></ul><ol><li>first</li><li>second</li></ol><p>After.</p>",
          "- one\n- two\n    - two a\n    - two b\n- three\n\n1. first\n2. second\n\nAfter.");
}
END_TEST

START_TEST(test_list_item_with_paragraphs_is_one_item)
{
    md_is("<ol><li><p>Para one</p><p>para two</p></li><li>next</li></ol>",
          "1. Para one\n  para two\n2. next");
}
END_TEST

START_TEST(test_table_rows_cells_and_header)
{
    md_is("<table><thead><tr><th>Name</th><th>a | b</th></tr></thead>"
          "<tr><td>x</td><td><p>in a p</p><p>second p</p></td></tr>"
          "<tr><td>y</td><td>2</td></tr></table>",
          "| Name | a \\| b |\n| --- | --- |\n| x | in a p <br> second p |\n| y | 2 |");
}
END_TEST

START_TEST(test_layout_table_is_paragraphs)
{
    md_is("<table><tr><td><p>Only a column.</p></td></tr>"
          "<tr><td><p>Second row.</p></td></tr></table>",
          "Only a column.\n\nSecond row.");
}
END_TEST

START_TEST(test_blockquote)
{
    md_is("<p>Said:</p><blockquote><p>Quoted words.</p></blockquote>",
          "Said:\n\n> Quoted words.");
}
END_TEST

START_TEST(test_pre_verbatim_with_backticks)
{
    md_is("<p>Code:</p><pre>int  x;\n    ```y```\n</pre><p>End.</p>",
          "Code:\n\n````\nint  x;\n    ```y```\n````\n\nEnd.");
}
END_TEST

START_TEST(test_escapes_markdown_characters)
{
    md_is("<p># not a heading *or* _em_ [link] `code` a\\b &lt;b&gt;</p>"
          "<p>- not an item</p><p>3 apples. 2. no</p>",
          "\\# not a heading \\*or\\* \\_em\\_ \\[link\\] \\`code\\` a\\\\b \\<b\\>\n\n"
          "- not an item\n\n3 apples. 2. no");
}
END_TEST

START_TEST(test_paragraph_with_bullet_or_number_is_an_item)
{
    md_is("<p>\xE2\x80\xA2 bullet line</p><p>2. numbered line</p>",
          "- bullet line\n2. numbered line");
}
END_TEST

START_TEST(test_links_resolved_against_base)
{
    const char *page = "<html><head><base href='/news/'></head><body>"
                       "<p>See <a href='a.html'>this story</a> and "
                       "<a href=' https://x.org/p(1) q '>that one</a>, "
                       "<a href='javascript:void(0)'>no link</a>.</p></body></html>";
    char *got = md(page, NC_RECORD_LINKS, NC_MD_LINKS, "https://ex.com/2024/page");
    ck_assert_str_eq(got, "See [this story](https://ex.com/news/a.html) and "
                          "[that one](https://x.org/p%281%29%20q), no link.");
    nc_free(got);
    got = md(page, NC_RECORD_LINKS, 0, NULL); /* not asked: the text only */
    ck_assert_str_eq(got, "See this story and that one, no link.");
    nc_free(got);
}
END_TEST

START_TEST(test_links_canonical_and_unknown_base)
{
    const char *page = "<html><head><link rel='Canonical' href='https://c.org/a/b'>"
                       "</head><body><p>A <a href='../c'>link</a> here.</p></body></html>";
    char *got = md(page, NC_RECORD_LINKS, NC_MD_LINKS, NULL);
    ck_assert_str_eq(got, "A [link](https://c.org/c) here.");
    nc_free(got);
    got = md("<p>A <a href='../c'>link</a> here.</p>", NC_RECORD_LINKS, NC_MD_LINKS, NULL);
    ck_assert_str_eq(got, "A [link](../c) here.");
    nc_free(got);
}
END_TEST

START_TEST(test_link_spans_survive_white_space)
{
    char *got = md("<p>  Lots \n\n of   <a href='/x'>  spaced \n text </a>  here  </p>",
                   NC_RECORD_LINKS, NC_MD_LINKS, "http://h");
    ck_assert_str_eq(got, "Lots of [spaced text](http://h/x) here");
    nc_free(got);
}
END_TEST

START_TEST(test_images)
{
    const char *page = "<p>Look <img src='/i.png' alt='a [cat]'> here.</p>"
                       "<figure><img data-src='/lazy.jpg' src='data:x'></figure><p>Next.</p>";
    char *got = md(page, NC_RECORD_IMAGES, NC_MD_IMAGES, "https://e.com/");
    ck_assert_str_eq(got, "Look ![a \\[cat\\]](https://e.com/i.png) here.\n\n"
                          "![](https://e.com/lazy.jpg) Next.");
    nc_free(got);
}
END_TEST

START_TEST(test_text_input_lists)
{
    char *got = md_labelled("A plain line of text.\n* a bullet\n- another\n1. first\n",
                            NC_INPUT_TEXT, 0, 0, NULL, NC_LABEL_BODY);
    ck_assert_str_eq(got, "A plain line of text.\n\n- a bullet\n- another\n1. first");
    nc_free(got);
}
END_TEST

START_TEST(test_comments_never_in_body)
{
    char *got = md_labelled("<p>A comment.</p>", NC_INPUT_HTML, 0, NC_MD_COMMENTS, NULL,
                            NC_LABEL_COMMENT);
    ck_assert_str_eq(got, "A comment.");
    nc_free(got);
    got = md_labelled("<p>A comment.</p>", NC_INPUT_HTML, 0, 0, NULL, NC_LABEL_COMMENT);
    ck_assert_str_eq(got, "");
    nc_free(got);
}
END_TEST

START_TEST(test_bad_arguments)
{
    nc_result *r = tu_clean_kind("<p>Some text here.</p>", NC_INPUT_HTML);
    char *out = (char *)"x";
    size_t len = 5;
    ck_assert_int_eq(nc_result_markdown(NULL, 0, NULL, &out, &len), NC_ERR_ARGUMENT);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(nc_result_markdown(r, 0, NULL, NULL, NULL), NC_ERR_ARGUMENT);
    ck_assert_int_eq(nc_result_markdown(r, 0x80, NULL, &out, NULL), NC_ERR_ARGUMENT);
    /* links asked for but not recorded */
    ck_assert_int_eq(nc_result_markdown(r, NC_MD_LINKS, NULL, &out, NULL), NC_ERR_ARGUMENT);
    ck_assert_int_eq(nc_result_markdown(r, NC_MD_IMAGES, NULL, &out, NULL), NC_ERR_ARGUMENT);
    ck_assert_int_eq(nc_result_markdown(r, 0, NULL, &out, NULL), NC_OK);
    nc_free(out);
    nc_free(NULL);
    nc_result_free(r);
    nc_options opts;
    nc_options_init(&opts);
    opts.record = 0x10;
    ck_assert_int_eq(nc_clean("x", 1, &opts, &r), NC_ERR_OPTIONS);
}
END_TEST

START_TEST(test_url_resolution)
{
    static const char *const cases[][3] = {
        {"http://a/b/c/d;p?q", "g", "http://a/b/c/g"},
        {"http://a/b/c/d;p?q", "./g", "http://a/b/c/g"},
        {"http://a/b/c/d;p?q", "g/", "http://a/b/c/g/"},
        {"http://a/b/c/d;p?q", "/g", "http://a/g"},
        {"http://a/b/c/d;p?q", "//g", "http://g"},
        {"http://a/b/c/d;p?q", "?y", "http://a/b/c/d;p?y"},
        {"http://a/b/c/d;p?q", "#s", "http://a/b/c/d;p?q#s"},
        {"http://a/b/c/d;p?q", "../g", "http://a/b/g"},
        {"http://a/b/c/d;p?q", "../../../g", "http://a/g"},
        {"http://a/b/c/d;p?q", "g?y#s", "http://a/b/c/g?y#s"},
        {"http://a", "x", "http://a/x"},
        {"http://a/b", "mailto:me@x.org", "mailto:me@x.org"},
        {NULL, "rel/x", "rel/x"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = nc_url_resolve(cases[i][0], cases[i][1]);
        ck_assert_ptr_nonnull(got);
        ck_assert_str_eq(got, cases[i][2]);
        free(got);
    }
}
END_TEST

START_TEST(test_offsets_map_through_collapse)
{
    nc_doc doc;
    memset(&doc, 0, sizeof doc);
    nc_options_init(&doc.opts);
    nc_arena_init(&doc.arena);
    const char *raw = "  a \n b\xE2\x80\x8B" "c   d  ";
    uint32_t at[] = {0, 2, 4, 6, 10, 14, 15};
    nc_status st;
    nc_block *b = nc_doc_add_block_mapped(&doc, raw, strlen(raw), at, 7, &st);
    ck_assert_ptr_nonnull(b);
    ck_assert_str_eq(b->text, "a bc d");
    static const uint32_t want[] = {0, 0, 2, 2, 3, 5, 6};
    for (size_t i = 0; i < 7; i++)
        ck_assert_uint_eq(at[i], want[i]);
    nc_doc_free(&doc);
}
END_TEST

START_TEST(test_clean_then_markdown)
{
    /* nc_clean's own labels: the navigation goes, the body's list stays */
    const char *page =
        "<html><body><nav><ul><li><a href='/'>Home</a></li><li>World</li></ul></nav>"
        "<article><h1>Storm hits the coast</h1><p>A strong storm hit the coast on "
        "Tuesday, the weather service said, and thousands of homes lost power as "
        "trees fell across the roads of the region.</p><h2>What to do</h2><p>Officials "
        "asked people to stay at home and to keep away from the water until the wind "
        "drops, which is expected on Thursday morning.</p></article></body></html>";
    nc_result *r = tu_clean_kind(page, NC_INPUT_HTML);
    char *out = NULL;
    ck_assert_int_eq(nc_result_markdown(r, 0, NULL, &out, NULL), NC_OK);
    ck_assert_ptr_nonnull(strstr(out, "## What to do\n\nOfficials"));
    ck_assert_ptr_null(strstr(out, "Home"));
    nc_free(out);
    nc_result_free(r);
}
END_TEST

START_TEST(test_block_info_structure)
{
    nc_options opts;
    nc_options_init(&opts);
    opts.input = NC_INPUT_HTML;
    const char *page = "<h3>Head</h3><ol><li>one<ul><li>inner</li></ul></li></ol>"
                       "<table><tr><th>A</th><th>B</th></tr><tr><td>c</td><td><p>d</p>"
                       "</td></tr></table><blockquote>q</blockquote><pre>x  y</pre>";
    nc_doc doc;
    ck_assert_int_eq(nc_pipeline_blocks(page, strlen(page), &opts, &doc), NC_OK);
    nc_result *r = NULL;
    ck_assert_int_eq(nc_result_build(&doc, &r), NC_OK);
    ck_assert_uint_eq(nc_result_block_count(r), 8);
    nc_block_info b[8];
    for (size_t i = 0; i < 8; i++) {
        nc_block_info init = NC_BLOCK_INFO_INIT;
        b[i] = init;
        ck_assert_int_eq(nc_result_block(r, i, &b[i]), NC_OK);
    }
    ck_assert_int_eq(b[0].heading_level, 3);
    ck_assert_int_eq(b[1].list_depth, 1);
    ck_assert_int_eq(b[1].list_ordered, 1);
    ck_assert_int_eq(b[2].list_depth, 2);
    ck_assert_int_eq(b[2].list_ordered, 0);
    ck_assert_uint_ne(b[1].list_item, b[2].list_item);
    ck_assert_str_eq(b[3].text, "A B"); /* a row is one block: its cells apart */
    ck_assert_int_eq(b[3].table_header, 1);
    ck_assert_uint_eq(b[3].table_cell, 1);
    ck_assert_uint_eq(b[5].table_cell, 2); /* "d", its own paragraph */
    ck_assert_uint_eq(b[4].table_row, b[5].table_row);
    ck_assert_uint_ne(b[3].table_row, b[4].table_row);
    ck_assert_int_eq(b[4].table_header, 0);
    ck_assert_int_eq(b[6].quote, 1);
    ck_assert_int_eq(b[7].verbatim, 1);
    ck_assert_int_eq(b[7].heading_level + b[7].list_depth + b[7].quote, 0);
    /* A caller built before the structure fields: they stay untouched. */
    nc_block_info old = NC_BLOCK_INFO_INIT;
    old.size = offsetof(nc_block_info, heading_level);
    old.heading_level = 42;
    ck_assert_int_eq(nc_result_block(r, 0, &old), NC_OK);
    ck_assert_int_eq(old.heading_level, 42);
    ck_assert_str_eq(old.text, "Head");
    nc_result_free(r);
}
END_TEST

START_TEST(test_text_heading_then_list_lines)
{
    /* text made from HTML loses its bullets: a heading line followed by
     * more heading lines heads a list of them */
    const char *text = "A first paragraph of text.\nKey points\nfirst point\n"
                       "2. second point\nA closing paragraph.\nLone heading\nEnd.\n";
    nc_options opts;
    nc_options_init(&opts);
    opts.input = NC_INPUT_TEXT;
    nc_doc doc;
    ck_assert_int_eq(nc_pipeline_blocks(text, strlen(text), &opts, &doc), NC_OK);
    ck_assert_uint_eq(doc.nblocks, 7);
    static const nc_label labels[] = {NC_LABEL_BODY, NC_LABEL_HEADING, NC_LABEL_HEADING,
                                      NC_LABEL_HEADING, NC_LABEL_BODY, NC_LABEL_HEADING,
                                      NC_LABEL_BODY};
    for (size_t i = 0; i < doc.nblocks; i++)
        doc.blocks[i].label = labels[i];
    nc_result *r = NULL;
    ck_assert_int_eq(nc_result_build(&doc, &r), NC_OK);
    char *out = NULL;
    ck_assert_int_eq(nc_result_markdown(r, 0, NULL, &out, NULL), NC_OK);
    ck_assert_str_eq(out, "A first paragraph of text.\n\n## Key points\n\n- first point\n"
                          "2. second point\n\nA closing paragraph.\n\n## Lone heading\n\nEnd.");
    nc_free(out);
    nc_block_info info = NC_BLOCK_INFO_INIT;
    ck_assert_int_eq(nc_result_block(r, 1, &info), NC_OK);
    ck_assert_int_eq(info.heading_level, 2);
    ck_assert_int_eq(info.list_depth, 0);
    ck_assert_int_eq(nc_result_block(r, 2, &info), NC_OK);
    ck_assert_int_eq(info.heading_level, 0);
    ck_assert_int_eq(info.list_depth, 1);
    nc_result_free(r);
}
END_TEST

START_TEST(test_list_of_headings_is_a_list)
{
    /* items that are each one heading and nothing else: a list */
    md_is("<ul><li><h3>First pick</h3></li><li><h3>Second pick</h3></li></ul><p>After.</p>",
          "- First pick\n- Second pick\n\nAfter.");
    /* an item with more than its heading keeps the heading */
    md_is("<ol><li><h3>Step one</h3><p>Do this.</p></li><li><h3>Step two</h3><p>Then that.</p>"
          "</li></ol>",
          "### Step one\n\n1. Do this.\n\n### Step two\n\n1. Then that.");
    /* one lone heading in its item, no other beside it: a heading */
    md_is("<ul><li><h3>Only one</h3></li><li>plain item</li></ul>",
          "### Only one\n\n- plain item");
    nc_result *r = NULL;
    char *got = md_labels("<ul><li><h3>A</h3></li><li><h3>B</h3></li></ul>", NC_INPUT_HTML,
                          "hh", 0, 0, &r);
    ck_assert_str_eq(got, "- A\n- B");
    ck_assert_int_eq(block_heading_level(r, 0), 0); /* nc_result_block agrees */
    nc_free(got);
    nc_result_free(r);
}
END_TEST

START_TEST(test_heading_of_a_dropped_section_is_a_paragraph)
{
    const char *page = "<p>Body text.</p><h2>More to read</h2><p>teaser one</p><p>teaser two</p>"
                       "<p>teaser three</p><h2>Next part</h2><p>More body.</p>";
    nc_result *r = NULL;
    char *got = md_labels(page, NC_INPUT_HTML, "bhxxxhb", 0, 0, &r);
    ck_assert_str_eq(got, "Body text.\n\nMore to read\n\n## Next part\n\nMore body.");
    ck_assert_int_eq(block_heading_level(r, 1), 0);
    ck_assert_int_eq(block_heading_level(r, 5), 2);
    nc_free(got);
    nc_result_free(r);
    /* two dropped blocks are not enough */
    got = md_labels(page, NC_INPUT_HTML, "bhxbxhb", 0, 0, NULL);
    ck_assert_str_eq(got, "Body text.\n\n## More to read\n\nteaser two\n\n## Next part\n\nMore body.");
    nc_free(got);
    /* a deeper heading after the dropped blocks is the section's own */
    got = md_labels("<h2>Part</h2><p>x</p><p>y</p><p>z</p><h3>Sub</h3><p>Body.</p>",
                    NC_INPUT_HTML, "hxxxhb", 0, 0, NULL);
    ck_assert_str_eq(got, "## Part\n\n### Sub\n\nBody.");
    nc_free(got);
    /* the last heading of the body, its section all dropped */
    got = md_labels("<p>Body.</p><h3>Related</h3><p>x</p><p>y</p><p>z</p>", NC_INPUT_HTML,
                    "bhxxx", 0, 0, NULL);
    ck_assert_str_eq(got, "Body.\n\nRelated");
    nc_free(got);
}
END_TEST

START_TEST(test_heading_without_permalink_glyph)
{
    md_is("<h2><a href='#what'>#</a>What it is</h2><h3>Notes \xC2\xB6</h3>"
          "<h3>Sources \xF0\x9F\x94\x97</h3><h3>Intro #</h3><p>Text.</p>",
          "## What it is\n\n### Notes\n\n### Sources\n\n### Intro\n\nText.");
    /* a rank or a name with '#' stays; a glyph alone stays */
    md_is("<h3>#1 Pick</h3><h3>Learn C#</h3><h3>#</h3><p>Text.</p>",
          "### #1 Pick\n\n### Learn C#\n\n### #\n\nText.");
    /* a link the glyph starts is written from the heading's first word */
    char *got = md("<h2><a href='/a'>#Linked title</a></h2><p>Text.</p>", NC_RECORD_LINKS,
                   NC_MD_LINKS, "https://x.org/");
    ck_assert_str_eq(got, "## [Linked title](https://x.org/a)\n\nText.");
    nc_free(got);
}
END_TEST

START_TEST(test_long_text_heading_needs_a_paragraph)
{
    /* a heading line of text as long as a paragraph: a heading only with
     * a paragraph right under it */
    const char *text = "one two three four five six seven eight nine ten eleven twelve "
                       "thirteen fourteen fifteen\nshort line\n";
    char *got = md_labels(text, NC_INPUT_TEXT, "hb", 0, 0, NULL);
    ck_assert_str_eq(got, "one two three four five six seven eight nine ten eleven twelve "
                          "thirteen fourteen fifteen\n\nshort line");
    nc_free(got);
    const char *story = "one two three four five six seven eight nine ten eleven twelve "
                        "thirteen fourteen fifteen\nA paragraph under it that runs on for "
                        "fifteen words or more, as paragraphs of a story do.\n";
    got = md_labels(story, NC_INPUT_TEXT, "hb", 0, 0, NULL);
    ck_assert_ptr_nonnull(strstr(got, "## one two"));
    nc_free(got);
    /* a short heading line needs no paragraph */
    got = md_labels("Short heading\nshort line\n", NC_INPUT_TEXT, "hb", 0, 0, NULL);
    ck_assert_str_eq(got, "## Short heading\n\nshort line");
    nc_free(got);
}
END_TEST

START_TEST(test_heading_alone_in_a_cell_is_a_cell)
{
    /* headings that are all their cell holds label a table's columns */
    md_is("<table><tr><td><h4>Item</h4></td><td><h4>Price</h4></td></tr>"
          "<tr><td colspan=2><h5>Fruit</h5></td></tr><tr><td>Apple</td><td>1</td></tr></table>",
          "| Item | Price |\n| --- | --- |\n| Fruit | |\n| Apple | 1 |");
    /* a heading with its paragraphs in one cell: a layout table */
    md_is("<table><tr><td><h2>Section</h2><p>Its text.</p></td><td>side</td></tr>"
          "<tr><td>a</td><td>b</td></tr></table>",
          "## Section\n\nIts text.\n\nside\n\na b");
    /* a table of one column: no columns to label */
    md_is("<table><tr><td><h3>Alone</h3></td></tr><tr><td>Row text.</td></tr></table>",
          "### Alone\n\nRow text.");
}
END_TEST

START_TEST(test_numbered_link_heading_is_a_list_line)
{
    /* a ranked list's entry, a number and a link: the numbered line it reads as */
    md_is("<h3>3. <a href='/acme'>Acme Movers</a></h3><p>Text.</p>", "3. Acme Movers\n\nText.");
    md_is("<h2><strong>13.</strong><a href='/m'><strong> Men on the Move</strong></a></h2>"
          "<p>Text.</p>",
          "13. Men on the Move\n\nText.");
    char *got = md("<h2>12) <a href='/acme'>Acme Movers</a></h2><p>Text.</p>", NC_RECORD_LINKS,
                   NC_MD_LINKS, "https://x.org/");
    ck_assert_str_eq(got, "12) [Acme Movers](https://x.org/acme)\n\nText.");
    nc_free(got);
    /* a numbered heading of its own words, or a link without a number, stays */
    md_is("<h3>4. Pack the kitchen</h3><h3>4. <a href='/a'>Acme</a> and more</h3>"
          "<h3><a href='/a'>Acme Movers</a></h3><p>Text.</p>",
          "### 4. Pack the kitchen\n\n### 4. Acme and more\n\n### Acme Movers\n\nText.");
}
END_TEST

Suite *markdown_suite(void)
{
    Suite *s = suite_create("markdown");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_headings_keep_their_level);
    tcase_add_test(tc, test_lists_ordered_unordered_nested);
    tcase_add_test(tc, test_list_item_with_paragraphs_is_one_item);
    tcase_add_test(tc, test_table_rows_cells_and_header);
    tcase_add_test(tc, test_layout_table_is_paragraphs);
    tcase_add_test(tc, test_blockquote);
    tcase_add_test(tc, test_pre_verbatim_with_backticks);
    tcase_add_test(tc, test_escapes_markdown_characters);
    tcase_add_test(tc, test_paragraph_with_bullet_or_number_is_an_item);
    tcase_add_test(tc, test_links_resolved_against_base);
    tcase_add_test(tc, test_links_canonical_and_unknown_base);
    tcase_add_test(tc, test_link_spans_survive_white_space);
    tcase_add_test(tc, test_images);
    tcase_add_test(tc, test_text_input_lists);
    tcase_add_test(tc, test_text_heading_then_list_lines);
    tcase_add_test(tc, test_comments_never_in_body);
    tcase_add_test(tc, test_bad_arguments);
    tcase_add_test(tc, test_url_resolution);
    tcase_add_test(tc, test_offsets_map_through_collapse);
    tcase_add_test(tc, test_clean_then_markdown);
    tcase_add_test(tc, test_block_info_structure);
    tcase_add_test(tc, test_list_of_headings_is_a_list);
    tcase_add_test(tc, test_heading_of_a_dropped_section_is_a_paragraph);
    tcase_add_test(tc, test_heading_without_permalink_glyph);
    tcase_add_test(tc, test_long_text_heading_needs_a_paragraph);
    tcase_add_test(tc, test_heading_alone_in_a_cell_is_a_cell);
    tcase_add_test(tc, test_numbered_link_heading_is_a_list_line);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(markdown_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
