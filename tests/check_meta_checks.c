/* check_meta_checks.c - the metadata stage's cross-checks through
 * nc_clean: weak dates (a JSON-LD WebPage's, a date line alone) that
 * count only when another source agrees, a site's own <meta> name and a
 * label for the date, an author box under the article, dates in a list,
 * the date shown by the title over a structured one shown nowhere, the title
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
    r = tu_meta_page("", "<p>Open day at the town hall on March 3, 2025, with music and food</p><p>Events</p><p>Calendar</p><p>Archive</p>"
                       "<h1>Budget passes</h1>", NULL);
    ck_assert_ptr_null(nc_result_meta(r, NC_META_DATE, 0, NULL));
    nc_result_free(r);
    r = tu_meta_page("<meta property=\"article:published_time\" content=\"2025-03-03\">",
                   "<p>Open day at the town hall on March 3, 2025, with music and food</p><p>Events</p><p>Calendar</p><p>Archive</p>"
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
    r = tu_meta_page("", "<h1>Budget passes</h1><p>The council met again on the matter of the budget, "
                         "and the members spoke at length about the plan for the schools.</p>"
                         "<footer><h3>Published</h3><p>Feb 2, 2023</p></footer>", NULL);
    ck_assert_ptr_null(nc_result_meta(r, NC_META_DATE, 0, NULL));
    nc_result_free(r);
}
END_TEST

/* Three or more blocks in a row each showing another day are a list
 * (teasers, posts, events): none of their dates is the page's. The same
 * date repeated line after line is one date. A span of days is none. */
START_TEST(test_meta_listed_dates)
{
    nc_result *r = tu_meta_page("", "<h1>Budget passes</h1><p>March 3, 2025</p><p>March 5, 2025</p>"
                                    "<p>March 9, 2025</p>", NULL);
    ck_assert_ptr_null(nc_result_meta(r, NC_META_DATE, 0, NULL));
    nc_result_free(r);
    r = tu_meta_page("", "<h1>Budget passes</h1><p>March 3, 2025</p><p>March 5, 2025</p>", NULL);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-03-03", NC_SOURCE_BYLINE);
    nc_result_free(r);
    r = tu_meta_page("", "<h1>Budget passes</h1><p>March 3, 2025</p><p>March 3, 2025</p>"
                         "<p>March 3, 2025</p>", NULL);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-03-03", NC_SOURCE_BYLINE);
    nc_result_free(r);
    /* A span of days (an event's) is not the page's date either. */
    r = tu_meta_page("", "<h1>Budget passes</h1><p>March 3, 2025 - March 5, 2025</p>", NULL);
    ck_assert_ptr_null(nc_result_meta(r, NC_META_DATE, 0, NULL));
    nc_result_free(r);
}
END_TEST

/* A structured date the page shows nowhere gives way to the publication
 * date shown by the title; not to a date the structured data or the page
 * gives as the modified one, and not when the page shows the structured
 * day anywhere (02-12-2025 either way round). */
START_TEST(test_meta_date_by_title)
{
    static const char posting[] = "<script type=\"application/ld+json\">{\"@type\": \"BlogPosting\","
                                  "\"datePublished\": \"2025-06-12\", \"dateModified\": \"%s\"}</script>";
    static const struct { const char *modified, *shown, *date; nc_meta_source source; } pages[] = {
        {"2025-06-12", "<p>November 2, 2022</p>", "2022-11-02", NC_SOURCE_BYLINE},
        {"2025-06-12", "<p><time datetime=\"2022-11-02\">Nov 2</time></p>", "2022-11-02",
         NC_SOURCE_TIME},
        {"2025-06-12", "<p>By Jane Doe | November 2, 2022</p>", "2022-11-02", NC_SOURCE_BYLINE},
        {"2025-11-02", "<p>November 2, 2025</p>", "2025-06-12", NC_SOURCE_JSON_LD},
        {"2025-06-12", "<p>Updated November 2, 2025</p>", "2025-06-12", NC_SOURCE_JSON_LD},
        {"2025-06-12", "<p>November 2, 2022</p><p>Published June 12, 2025</p>", "2025-06-12",
         NC_SOURCE_JSON_LD},
        {"2025-06-12", "<p>06.12.2025</p>", "2025-06-12", NC_SOURCE_JSON_LD},
        {"2025-06-12", "<p>12.06.2025</p>", "2025-06-12", NC_SOURCE_JSON_LD}};
    /* The page shows the structured date's moment on its local day; an
     * update shown on the structured day is no showing of it; another
     * structured date the page shows comes first. */
    static const struct { const char *head, *shown, *date; nc_meta_source source; } more[] = {
        {"<meta property=\"article:published_time\" content=\"2025-12-10T02:17:00Z\">",
         "<p>December 9, 2025</p>", "2025-12-10T02:17:00Z", NC_SOURCE_OPEN_GRAPH},
        {"<meta property=\"article:published_time\" content=\"2025-12-19T22:02:00Z\">",
         "<p>December 18, 2025</p>", "2025-12-18", NC_SOURCE_BYLINE},
        {"<meta property=\"article:published_time\" content=\"2025-08-21\">",
         "<p>Published Apr 26, 2023</p><p>Updated Aug 21, 2025</p>", "2023-04-26", NC_SOURCE_BYLINE},
        {"<meta property=\"article:published_time\" content=\"2024-08-29\">"
         "<meta name=\"date\" content=\"November 25, 2025\">",
         "<p>Budget plans</p><p>Nov 25, 2025 5:00 am PST</p>", "2025-11-25", NC_SOURCE_META}};
    /* A date shown above the title (a masthead's "today") gives way to
     * the one under it. */
    nc_result *r = tu_meta_page("", "<div class=\"byline\">Friday, December 19, 2025</div><h1>Budget passes</h1>"
                                    "<p>By Jane Doe</p><p>12.12.2025</p>", NULL);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-12-12", NC_SOURCE_BYLINE);
    nc_result_free(r);
    r = tu_meta_page("", "<div class=\"byline\">Friday, December 19, 2025</div><h1>Budget passes</h1>", NULL);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-12-19", NC_SOURCE_BYLINE);
    nc_result_free(r);
    for (size_t k = 0; k < sizeof more / sizeof *more; k++) {
        char body[512];
        snprintf(body, sizeof body, "<h1>Budget passes</h1>%s", more[k].shown);
        r = tu_meta_page(more[k].head, body, NULL);
        tu_expect_meta(r, NC_META_DATE, 0, more[k].date, more[k].source);
        nc_result_free(r);
    }
    for (size_t k = 0; k < sizeof pages / sizeof *pages; k++) {
        char head[512], body[512];
        snprintf(head, sizeof head, posting, pages[k].modified);
        snprintf(body, sizeof body, "<h1>Budget passes</h1>%s", pages[k].shown);
        r = tu_meta_page(head, body, NULL);
        tu_expect_meta(r, NC_META_DATE, 0, pages[k].date, pages[k].source);
        nc_result_free(r);
    }
}
END_TEST

/* Microdata dates past the article's body are its teasers'; before it,
 * the article's. */
START_TEST(test_meta_microdata_past_body)
{
    static const char body[] =
        "<p>The council voted on Tuesday to approve the new budget for the coming year, after a "
        "long debate about the cost of the transport plan and the schools.</p>"
        "<p>Members of the opposition said that the plan would raise taxes for most of the "
        "families in the city, and asked for a second vote in the spring.</p>";
    static const char item[] = "<div itemscope><meta itemprop=\"datePublished\" content=\"2025-03-13\">"
                               "<p><a href=\"/roads\">The roads plan is late again</a></p></div>";
    char page[2048];
    snprintf(page, sizeof page, "<html><body><article><h1>Budget passes</h1>%s%s</article>"
             "<h3>More stories</h3><p><a href=\"/parks\">New parks for the city</a></p>%s</body></html>",
             item, body, item);
    nc_options o;
    nc_options_init(&o);
    o.input = NC_INPUT_HTML;
    nc_result *r = tu_clean(page, strlen(page), &o);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-03-13", NC_SOURCE_MICRODATA);
    nc_result_free(r);
    snprintf(page, sizeof page, "<html><body><article><h1>Budget passes</h1>%s</article>"
             "<h3>More stories</h3><p><a href=\"/parks\">New parks for the city</a></p>%s</body></html>",
             body, item);
    r = tu_clean(page, strlen(page), &o);
    ck_assert_ptr_null(nc_result_meta(r, NC_META_DATE, 0, NULL));
    nc_result_free(r);
}
END_TEST

/* Between the title and the body, the byline is read whatever the markup
 * says around it (an <article>'s <footer>, a "promoted" teaser class, a
 * comment count beside it), but not inside comment markup. */
START_TEST(test_meta_under_title)
{
    static const struct { const char *block; const char *date; } pages[] = {
        {"<footer><p>By Jane Doe</p><p>March 30, 2023</p></footer>", "2023-03-30"},
        {"<div class=\"promoted\"><p>Jane Doe</p><p>March 30, 2023</p></div>", "2023-03-30"},
        {"<div class=\"comments\"><p>Jane Doe</p><p>March 30, 2023</p></div>", NULL}};
    for (size_t k = 0; k < sizeof pages / sizeof *pages; k++) {
        char body[512];
        snprintf(body, sizeof body, "<h1>Budget passes</h1>%s", pages[k].block);
        nc_result *r = tu_meta_page("", body, NULL);
        if (pages[k].date)
            tu_expect_meta(r, NC_META_DATE, 0, pages[k].date, NC_SOURCE_BYLINE);
        else
            ck_assert_ptr_null(nc_result_meta(r, NC_META_DATE, 0, NULL));
        nc_result_free(r);
    }
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
        /* The same before ": ", where og:title is the rest of <title>. */
        {"<title>Engora Data Blog: Small adventures with small models</title>"
         "<meta property=\"og:title\" content=\"Small adventures with small models\">",
         "Engora Data Blog", "Small adventures with small models"},
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
        /* The separator <title> sets its site part off with sets off other
         * furniture too: the headline is the first part. */
        {"<title>Best Movers in NYC 2025 | Top 19 Companies | Supermove</title>",
         "Best Movers in NYC 2025 | Top 19 Companies", "Best Movers in NYC 2025"},
        /* A separator used twice: the parts after the first are furniture. */
        {"<title>How to help babies sleep through the night | Patient Education | "
         "UC Davis Children's Hospital</title>",
         "How to help babies sleep through the night | Patient Education | "
         "UC Davis Children's Hospital", "How to help babies sleep through the night"},
        /* Not where the site part has another separator, nor a short head. */
        {"<title>Top Cameras of 2025 | The Best Mirrorless Cameras \xE2\x80\x94 Studio</title>",
         "Top Cameras of 2025 | The Best Mirrorless Cameras",
         "Top Cameras of 2025 | The Best Mirrorless Cameras"},
        {"<title>Go Home | A story of the long way back | Daily Post</title>",
         "Go Home | A story of the long way back", "Go Home | A story of the long way back"},
        /* A label before the headline, a source and a count after it. */
        {"<title>Best Ad Agencies in 2025 (Ranked) | Silverback</title>"
         "<meta property=\"og:title\" content=\"Best Ad Agencies in 2025 (Ranked)\">",
         "Blog: Best Ad Agencies in 2025 (Ranked)", "Best Ad Agencies in 2025 (Ranked)"},
        {"<meta property=\"og:title\" content=\"Grads Find Their Degrees No Longer Pay\">",
         "Grads Find Their Degrees No Longer Pay (latimes.com) 87",
         "Grads Find Their Degrees No Longer Pay"},
        /* Not a title cut short, nor words that are no label. */
        {"<meta property=\"og:title\" content=\"What will the watch market do...\">",
         "What will the watch market do in 2024?", "What will the watch market do in 2024?"},
        {"<meta property=\"og:title\" content=\"Designing the city of tomorrow\">",
         "Our view: Designing the city of tomorrow", "Our view: Designing the city of tomorrow"},
        /* Characters lost in the h1 ('?', U+FFFD) that og:title has. */
        {"<meta property=\"og:title\" content=\"Event Planning: A Beginner's Guide\">",
         "Event Planning? A Beginner? Guide", "Event Planning: A Beginner's Guide"},
        {"<meta property=\"og:title\" content=\"Caf\xC3\xA9 owners face new rules\">",
         "Caf\xEF\xBF\xBD owners face new rules", "Caf\xC3\xA9 owners face new rules"},
        {"<meta property=\"og:title\" content=\"Is it over? Fans ask again\">",
         "Is it over? Fans ask again!", "Is it over? Fans ask again!"},
        /* One word from inside the headline is a name the text gives,
         * not the title; a headline's first word may be. */
        {"<meta property=\"og:title\" content=\"How we found Discord and forty other leaks\">",
         "Discord", "How we found Discord and forty other leaks"},
        {"<meta property=\"og:title\" content=\"Technology news of the day\">", "Technology",
         "Technology"},
        /* An h1 broken over lines is read whole where og:title has its
         * words; two h1 elements side by side are not joined. */
        {"<meta property=\"og:title\" content=\"Real Estate for Beginners Real Estate 101\">",
         "Real Estate for Beginners<br>Real Estate 101", "Real Estate for Beginners Real Estate 101"},
        {"<meta property=\"og:title\" content=\"Defer, Panic, and Recover\">",
         "Defer, Panic, and Recover</h1><h1>The Go Blog", "Defer, Panic, and Recover"},
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

/* A title whose UTF-8 the page's own markup holds as windows-1252 read
 * ("Investor\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s") is read back, and flagged. */
START_TEST(test_meta_title_read_back)
{
    nc_result *r = tu_meta_page("<title>A DIY Investor\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s Guide</title>",
                                "<h1>A DIY Investor\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s Guide</h1>", NULL);
    ck_assert_str_eq(nc_result_title(r), "A DIY Investor\xE2\x80\x99s Guide");
    ck_assert(nc_result_flags(r) & NC_FLAG_REPAIRED_TITLE);
    nc_result_free(r);
    r = tu_meta_page("<title>Caf\xC3\xA9 \xC3\x80 la carte</title>",
                     "<h1>Caf\xC3\xA9 \xC3\x80 la carte</h1>", NULL);
    ck_assert_str_eq(nc_result_title(r), "Caf\xC3\xA9 \xC3\x80 la carte");
    ck_assert(!(nc_result_flags(r) & NC_FLAG_REPAIRED_TITLE));
    nc_result_free(r);
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
    tcase_add_test(tc, test_meta_listed_dates);
    tcase_add_test(tc, test_meta_date_by_title);
    tcase_add_test(tc, test_meta_under_title);
    tcase_add_test(tc, test_meta_microdata_past_body);
    tcase_add_test(tc, test_meta_title_read_back);
    tcase_add_test(tc, test_meta_text_labelled_lines);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(meta_checks_suite()); }
