/* check_meta_checks.c - the metadata stage's cross-checks through
 * nc_clean: weak dates (a JSON-LD WebPage's, a date line alone) that
 * count only when another source agrees, a site's own <meta> name and a
 * label for the date, an author box under the article, the title
 * checked against the site's names and the page's other titles, and the
 * bylines of plain text read from lines with the labels a test gives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meta/meta.h"
#include "outline.h"
#include "rules/rules.h"
#include "testutil.h"

/* A web page's JSON-LD dates (site builders stamp every page) count only
 * when another source gives the same day; its dateModified never stands
 * in for the date. */
START_TEST(test_meta_web_page_dates)
{
    static const char web_page[] =
        "<script type=\"application/ld+json\">{\"@type\": \"WebPage\","
        "\"datePublished\": \"2019-12-12\", \"dateModified\": \"2025-09-05\"}</script>";
    nc_result *r = tu_meta_page(web_page, "", NULL);
    ck_assert_ptr_null(nc_result_meta(r, NC_META_DATE, 0, NULL));
    ck_assert_ptr_null(nc_result_meta(r, NC_META_MODIFIED, 0, NULL));
    nc_result_free(r);
    r = tu_meta_page(web_page, "<h1>Budget passes</h1><time datetime=\"2019-12-12\">Dec 12</time>",
                   NULL);
    tu_expect_meta(r, NC_META_DATE, 0, "2019-12-12", NC_SOURCE_JSON_LD);
    nc_result_free(r);
    char page[512];
    snprintf(page, sizeof page, "%s<meta property=\"og:updated_time\" content=\"2025-09-05\">",
             web_page);
    r = tu_meta_page(page, "", NULL);
    tu_expect_meta(r, NC_META_MODIFIED, 0, "2025-09-05", NC_SOURCE_JSON_LD);
    ck_assert_ptr_null(nc_result_meta(r, NC_META_DATE, 0, NULL));
    nc_result_free(r);
    /* A date line alone: under the title it is the article's; above it, an
     * event's or a listing's, unless another source gives the day. */
    r = tu_meta_page("", "<h1>Budget passes</h1><p>March 3, 2025</p>", NULL);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-03-03", NC_SOURCE_BYLINE); /* labelled a byline */
    nc_result_free(r);
    r = tu_meta_page("", "<p>Open day at the town hall on March 3, 2025, with music</p><p>Events</p><p>Calendar</p><p>Archive</p>"
                       "<h1>Budget passes</h1>", NULL);
    ck_assert_ptr_null(nc_result_meta(r, NC_META_DATE, 0, NULL));
    nc_result_free(r);
    r = tu_meta_page("<meta property=\"article:published_time\" content=\"2025-03-03\">",
                   "<p>Open day at the town hall on March 3, 2025, with music</p><p>Events</p><p>Calendar</p><p>Archive</p>"
                   "<h1>Budget passes</h1>", NULL);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-03-03", NC_SOURCE_OPEN_GRAPH);
    nc_result_free(r);
    r = tu_meta_page("<script type=\"application/ld+json\">{\"@type\": \"BlogPosting\","
                   "\"datePublished\": \"2019-12-12\"}</script>", "", NULL);
    tu_expect_meta(r, NC_META_DATE, 0, "2019-12-12", NC_SOURCE_JSON_LD);
    nc_result_free(r);
}
END_TEST

/* A site's own <meta> name for the publication date, a date set under
 * its label in a block of its own, and an author box under the article. */
START_TEST(test_meta_published_key_and_label)
{
    ck_assert(nc_published_key("w-published-date"));
    ck_assert(nc_published_key("published"));
    ck_assert(!nc_published_key("publisher"));
    ck_assert(!nc_published_key("published-updated"));
    ck_assert(nc_date_label("Published", 9));
    ck_assert(nc_date_label("Posted on:", 10));
    ck_assert(!nc_date_label("Published by the team", 21));
    nc_result *r = tu_meta_page("<meta name=\"w-published-date\" content=\"2025-05-27T06:03:43Z\">"
                              "<meta name=\"publisher\" content=\"2020-01-01\">", "", NULL);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-05-27T06:03:43Z", NC_SOURCE_META);
    nc_result_free(r);
    /* Under the article, past the header area: only the label makes it
     * the page's date. */
    char page[4096] = "<html><body><article><h1>Budget passes</h1>";
    for (int i = 0; i < 10; i++)
        strcat(page, "<p>The council met again on the matter of the budget, and the members "
                     "spoke at length about the plan for the schools.</p>");
    strcat(page, "</article><aside><h3>%s</h3><p>Feb 2, 2023</p></aside></body></html>");
    const char *const labels[] = {"Published", "Prices"};
    /* An author box under the article. */
    const char *const boxes[] = {"<h3>Written by Cassidy Horton</h3>",
                                 "<h3>Author</h3><p>Cassidy Horton</p>",
                                 "<h3>Popular with Cassidy Horton</h3>"};
    for (int k = 0; k < 3; k++) {
        char html[4096];
        snprintf(html, sizeof html, page, "Date");
        char *at = strstr(html, "<aside>") + strlen("<aside>");
        char with_box[4096];
        snprintf(with_box, sizeof with_box, "%.*s%s%s", (int)(at - html), html, boxes[k], at);
        nc_options o;
        nc_options_init(&o);
        o.input = NC_INPUT_HTML;
        r = tu_clean(with_box, strlen(with_box), &o);
        if (k < 2)
            tu_expect_meta(r, NC_META_AUTHOR, 0, "Cassidy Horton", NC_SOURCE_BYLINE);
        else
            ck_assert_ptr_null(nc_result_meta(r, NC_META_AUTHOR, 0, NULL));
        nc_result_free(r);
    }
    for (int k = 0; k < 2; k++) {
        char html[4096];
        snprintf(html, sizeof html, page, labels[k]);
        nc_options o;
        nc_options_init(&o);
        o.input = NC_INPUT_HTML;
        r = tu_clean(html, strlen(html), &o);
        if (k == 0)
            tu_expect_meta(r, NC_META_DATE, 0, "2023-02-02", NC_SOURCE_BYLINE);
        else
            ck_assert_ptr_null(nc_result_meta(r, NC_META_DATE, 0, NULL));
        nc_result_free(r);
    }
    r = tu_meta_page("", "<h1>Budget passes</h1><footer><h3>Published</h3><p>Feb 2, 2023</p></footer>",
                   NULL);
    ck_assert_ptr_null(nc_result_meta(r, NC_META_DATE, 0, NULL));
    nc_result_free(r);
}
END_TEST

/* The title checked against the page's other titles and the site's names. */
START_TEST(test_meta_title_checked)
{
    static const struct { const char *head, *h1, *title; } pages[] = {
        /* A blog's h1 is its name, which <title> sets after the headline. */
        {"<title>Budget passes in the city council \xE2\x80\x93 Town Notes</title>"
         "<meta property=\"og:title\" content=\"Budget passes in the city council\">",
         "Town Notes", "Budget passes in the city council"},
        /* og:site_name after a separator in the headline. */
        {"<meta property=\"og:site_name\" content=\"Artlyst\">"
         "<meta property=\"og:title\" content=\"Best Art Shows of 2025 \xE2\x80\x93 Artlyst\">",
         "Best Art Shows of 2025 \xE2\x80\x93 Artlyst", "Best Art Shows of 2025"},
        /* A date glued before the headline in the h1. */
        {"<title>Preparing a transition in Debusine | Notes</title>"
         "<meta property=\"og:title\" content=\"Preparing a transition in Debusine\">",
         "Dec 18 2025 Preparing a transition in Debusine", "Preparing a transition in Debusine"},
        /* A host name, and the start of og:site_name, after a separator. */
        {"<title>GAME CHANGER | Newegg.com</title>", "GAME CHANGER | Newegg.com", "GAME CHANGER"},
        {"<meta property=\"og:site_name\" content=\"Thrive Internet Marketing Agency\">"
         "<title>Design Portfolio | Thrive Internet Marketing</title>",
         "Design Portfolio | Thrive Internet Marketing", "Design Portfolio"},
        /* <title>'s own site part after the headline ("| Opinion"). */
        {"<title>The full impact of meditation on the mind | Opinion</title>"
         "<meta property=\"og:title\" content=\"How meditation rewires brains | Opinion\">",
         "How meditation rewires brains | Opinion", "How meditation rewires brains"},
        /* A name before ": " stays when the site does not give it. */
        {"<title>Figma: The Collaborative Interface Design Tool</title>",
         "Figma: The Collaborative Interface Design Tool",
         "Figma: The Collaborative Interface Design Tool"}};
    for (size_t k = 0; k < sizeof pages / sizeof *pages; k++) {
        char h1[256];
        snprintf(h1, sizeof h1, "<h1>%s</h1>", pages[k].h1);
        nc_result *r = tu_meta_page(pages[k].head, h1, NULL);
        ck_assert_str_eq(nc_result_title(r), pages[k].title);
        nc_result_free(r);
    }
}
END_TEST

/* The authors the metadata stage reads from the lines of text, each
 * labelled as labels says ('t' title, 'b' body, 'y' byline, 'c' comment,
 * 'n' navigation, 'r' related), joined by " | " in out ("" for none). */
static const char *labelled_authors(const char *text, const char *labels)
{
    static char out[256];
    nc_options opts;
    nc_options_init(&opts);
    opts.input = NC_INPUT_TEXT;
    nc_doc doc;
    ck_assert_int_eq(nc_pipeline_blocks(text, strlen(text), &opts, &doc), NC_OK);
    ck_assert_uint_eq(doc.nblocks, strlen(labels));
    for (size_t i = 0; i < doc.nblocks; i++)
        doc.blocks[i].label = labels[i] == 't'   ? NC_LABEL_TITLE
                              : labels[i] == 'y' ? NC_LABEL_BYLINE
                              : labels[i] == 'c' ? NC_LABEL_COMMENT
                              : labels[i] == 'n' ? NC_LABEL_NAVIGATION
                              : labels[i] == 'r' ? NC_LABEL_RELATED
                                                 : NC_LABEL_BODY;
    ck_assert_int_eq(nc_meta(&doc), NC_OK);
    out[0] = '\0';
    for (size_t i = 0; i < doc.nmeta[NC_META_AUTHOR]; i++)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? " | " : "",
                 doc.meta[NC_META_AUTHOR][i].value);
    nc_doc_free(&doc);
    return out;
}

START_TEST(test_meta_text_labelled_lines)
{
    static const char body[] =
        "The council voted on Tuesday to approve the new budget for the coming year, after a "
        "long debate about the cost of the transport plan.\n";
    char page[1024];
    /* A byline the count of its comments made a comment's line is read;
     * a comment's own line is not. */
    snprintf(page, sizeof page, "Budget passes\nByJane DoeMay 3, 2025 | 6 comments\n%s", body);
    ck_assert_str_eq(labelled_authors(page, "tcb"), "Jane Doe");
    snprintf(page, sizeof page, "Budget passes\n%sJohn Roe May 4, 2025\n", body);
    ck_assert_str_eq(labelled_authors(page, "tbc"), "");
    /* Beside the title, a line taken for a teaser's or a comment's is the
     * article's byline; a teaser's further down is not. */
    snprintf(page, sizeof page, "Budget passes\nJohn Roe May 4, 2025\n%s", body);
    ck_assert_str_eq(labelled_authors(page, "trb"), "John Roe");
    snprintf(page, sizeof page, "109 Comments | John Roe | May 4, 2025\nBudget passes\n%s", body);
    ck_assert_str_eq(labelled_authors(page, "ctb"), "John Roe");
    snprintf(page, sizeof page, "Budget passes\n%sSchools reopen after the summer\n"
             "John Roe May 4, 2025\n", body);
    ck_assert_str_eq(labelled_authors(page, "tbrr"), "");
    /* A name alone under the headline: the author when the page names it
     * again as one (its author box, "by", a bio with a role). */
    static const struct { const char *again, *author; } again[] = {
        {"About Bo Kim", "Bo Kim"},
        {"More stories by Bo Kim", "Bo Kim"},
        {"Bo Kim is a reporter at City News.", "Bo Kim"},
        {"Site by Bo Kim Web Design", ""},   /* more of a name after it */
        {"Refine by Bo Kim: 3 items", ""},   /* a label's colon */
        {"Bo Kim is a town in the hills.", ""}, /* no role */
        {"Bo Kim", ""}};                      /* alone again: a menu's entry as often */
    for (size_t k = 0; k < sizeof again / sizeof *again; k++) {
        snprintf(page, sizeof page, "Budget passes\nBo Kim\n%s%s\n", body, again[k].again);
        ck_assert_msg(strcmp(labelled_authors(page, "tbbb"), again[k].author) == 0, "%s",
                      again[k].again);
    }
    snprintf(page, sizeof page, "Budget passes\nBo Kim\n%s", body);
    ck_assert_str_eq(labelled_authors(page, "tbb"), "");
    /* The page is scanned for a few dozen such names, not for each of a
     * million: past that, a name under a headline is not looked for. */
    for (int lines = 10; lines <= 70; lines += 60) {
        tu_buf text = {0};
        char labels[160] = "";
        for (int k = 0; k < lines; k++) {
            char pair[64];
            snprintf(pair, sizeof pair, "Schools reopen after the long summer\nBo K%c%c\n",
                     'a' + k / 26, 'a' + k % 26);
            tu_puts(&text, pair);
            strcat(labels, "nn");
        }
        char about[32];
        snprintf(about, sizeof about, "About Bo K%c%c\n", 'a' + (lines - 1) / 26,
                 'a' + (lines - 1) % 26);
        tu_puts(&text, about);
        strcat(labels, "b");
        ck_assert_str_eq(labelled_authors(text.data, labels), lines == 10 ? "Bo Kaj" : "");
        free(text.data);
    }
}
END_TEST

static Suite *meta_checks_suite(void)
{
    Suite *s = suite_create("meta_checks");
    TCase *tc = tcase_create("meta_checks");
    tcase_add_test(tc, test_meta_web_page_dates);
    tcase_add_test(tc, test_meta_published_key_and_label);
    tcase_add_test(tc, test_meta_title_checked);
    tcase_add_test(tc, test_meta_text_labelled_lines);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(meta_checks_suite()); }
