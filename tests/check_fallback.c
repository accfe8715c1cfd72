/* check_fallback.c - the page-level check after the labels
 * (lib/classify/fallback.c): a container whose paragraphs the model kept
 * only in islands (HTML: the best container; text: the span of the kept
 * paragraphs) is returned whole, with the reason container-body; the
 * paragraphs it stays away from (outside the container, link lists,
 * detectors' labels, repeats, a container the model reads as no body, a
 * body already kept) keep their labels. A page the model kept under 80
 * words of is returned wider, with the reason thin-page. In text, a run of three or more
 * paragraphs after the kept body is kept as body (container-body). In HTML,
 * of a paragraph the page holds twice or more, every copy dropped, the best one
 * is kept (one-copy). A page that declares a product, a listing or a
 * thread is cut lower than an article, and text is cut by how sure the
 * model is of the page's body (nc_classify_labels). The blocks
 * are made by hand, so
 * the rule is tested apart from any trained model. */
#include <string.h>

#include <check.h>

#include "internal.h"
#include "classify/classify.h"
#include "classify/fallback.h"
#include "testutil.h"

enum { NB = 8 };
static const float threshold = 0.55f;

/* Eight paragraphs of 40 words in the best container, stage 1 reading
 * them as body (0.7); the model kept two (score 0.8), dropped the rest
 * (score 0.4, boilerplate by the model). */
static nc_doc doc;
static nc_block blocks[NB];

/* doc over the n blocks of arr, all zero. */
static void reset_doc(nc_block *arr, size_t n, nc_input_kind kind)
{
    memset(&doc, 0, sizeof doc);
    memset(arr, 0, n * sizeof *arr);
    doc.kind = kind;
    doc.blocks = arr;
    doc.nblocks = n;
}

static void listicle(void)
{
    reset_doc(blocks, NB, NC_INPUT_HTML);
    for (size_t i = 0; i < NB; i++) {
        nc_block *b = &blocks[i];
        b->text = "A paragraph of the review.";
        b->len = strlen(b->text);
        b->tag = NC_TAG_P;
        b->in = NC_IN_BEST | NC_IN_BEST_WIDE;
        b->words = 40;
        b->repeat = 1;
        b->score1 = 0.7f;
        bool kept = i == 0 || i == 4;
        b->score = kept ? 0.8f : 0.4f;
        b->label = kept ? NC_LABEL_BODY : NC_LABEL_BOILERPLATE;
        b->reason = kept ? NC_REASON_MODEL : NC_REASON_CONTEXT_DROP;
    }
}

/* The blocks restored as body with the reason container-body. */
static size_t restored(void)
{
    size_t n = 0;
    for (size_t i = 0; i < NB; i++)
        n += blocks[i].reason == NC_REASON_CONTAINER_BODY && blocks[i].label == NC_LABEL_BODY;
    return n;
}

/* Runs the check; the blocks it restored. */
static size_t run(void)
{
    nc_restore_container_body(&doc, threshold);
    return restored();
}

START_TEST(test_islands_restored)
{
    listicle();
    ck_assert_uint_eq(run(), NB - 2);
    ck_assert_int_eq(blocks[0].reason, NC_REASON_MODEL); /* the kept stay as they were */
    ck_assert_str_eq(nc_reason_name(NC_REASON_CONTAINER_BODY), "container-body");
    /* A long buying guide whose paragraphs stage 1 reads at 0.32 on
     * average (0.5 kept, 0.26 dropped: words weigh) is still one body. */
    listicle();
    for (size_t i = 0; i < NB; i++)
        blocks[i].score1 = i == 0 || i == 4 ? 0.5f : 0.26f;
    ck_assert_uint_eq(run(), NB - 2);
}
END_TEST

START_TEST(test_what_stays_dropped)
{
    listicle();
    blocks[1].in = 0;                                  /* outside the container */
    blocks[2].link_chars = (float)blocks[2].len;       /* a link */
    blocks[3].label = NC_LABEL_COMMENT;                /* a comment by its class */
    blocks[3].reason = NC_REASON_MARKUP;
    blocks[3].hints = NC_HINT_COMMENT;
    blocks[5].repeat = 2;                              /* repeated on the page */
    blocks[6].in |= NC_IN_ASIDE;                       /* an aside in it */
    blocks[7].score1 = 0.05f;                          /* stage 1 sure it is none */
    ck_assert_uint_eq(run(), 0);
    ck_assert_int_eq(blocks[3].label, NC_LABEL_COMMENT);
}
END_TEST

START_TEST(test_no_restore_without_cause)
{
    /* The model already kept most of it. */
    listicle();
    for (size_t i = 0; i < NB - 1; i++) {
        blocks[i].score = 0.8f;
        blocks[i].label = NC_LABEL_BODY;
    }
    ck_assert_uint_eq(run(), 0);
    /* Stage 1 reads the container as no body (teasers): under 0.3. */
    listicle();
    for (size_t i = 0; i < NB; i++)
        blocks[i].score1 = 0.29f;
    ck_assert_uint_eq(run(), 0);
    /* Too little kept in it to show it is the body. */
    listicle();
    blocks[0].words = blocks[4].words = 20;
    ck_assert_uint_eq(run(), 0);
}
END_TEST

/* A comment class the kept body carries too (a page wrapped in a
 * "comments-load" container) tells nothing: the paragraphs dropped for it
 * are restored; a comment phrase still keeps its block out. */
START_TEST(test_comment_class_shared)
{
    listicle();
    for (size_t i = 0; i < NB; i++) {
        blocks[i].hints = NC_HINT_COMMENT;
        if (i != 0 && i != 4) {
            blocks[i].label = NC_LABEL_COMMENT;
            blocks[i].reason = NC_REASON_MARKUP;
        }
    }
    blocks[7].reason = NC_REASON_UI_PHRASE;
    ck_assert_uint_eq(run(), NB - 3);
    ck_assert_int_eq(blocks[7].label, NC_LABEL_COMMENT);
}
END_TEST

/* Plain text has no markup: the container is the span from the first kept
 * paragraph to the last, and stage 1 must read a dropped one as body. */
START_TEST(test_text_span)
{
    listicle();
    doc.kind = NC_INPUT_TEXT;
    for (size_t i = 0; i < NB; i++) {
        blocks[i].in = 0;
        blocks[i].score1 = 0.9f;
    }
    blocks[3].score1 = 0.7f; /* body in HTML's container, not in a span of lines */
    ck_assert_uint_eq(run(), 2); /* 1 and 2; 5 to 7 lie after the last kept */
    ck_assert_int_eq(blocks[1].reason, NC_REASON_CONTAINER_BODY);
    ck_assert_int_eq(blocks[3].label, NC_LABEL_BOILERPLATE);
    ck_assert_int_eq(blocks[5].label, NC_LABEL_BOILERPLATE);
}
END_TEST

/* A thin page: the model kept one 30-word block. Blocks it scored at
 * least 0.1 come back (60 words each: 180 in all, at least 150 and six
 * times the kept words), legal text and low scores stay out, and comments
 * come back only as a thread of over 200 words. */
static void thin_page(size_t comment_words)
{
    listicle();
    for (size_t i = 0; i < NB; i++) {
        blocks[i].words = 60;
        blocks[i].score = 0.3f;
        blocks[i].label = NC_LABEL_NAVIGATION;
        blocks[i].reason = NC_REASON_MARKUP;
    }
    blocks[0].words = 30;
    blocks[0].label = NC_LABEL_BODY;
    blocks[0].reason = NC_REASON_MODEL;
    blocks[1].tag = NC_TAG_H2;
    blocks[2].score = 0.05f;                           /* under the floor */
    blocks[3].label = NC_LABEL_LEGAL;                  /* a detector's legal text */
    blocks[4].words = 0;                               /* no words */
    blocks[5].label = NC_LABEL_COMMENT;
    blocks[5].score = 0.01f;
    blocks[5].words = comment_words;
}

static size_t thin_kept(void)
{
    nc_keep_thin_page(&doc);
    size_t n = 0;
    for (size_t i = 0; i < NB; i++)
        n += blocks[i].reason == NC_REASON_THIN_PAGE;
    return n;
}

START_TEST(test_thin_page)
{
    thin_page(150);
    ck_assert_uint_eq(thin_kept(), 3); /* 1, 6, 7 */
    ck_assert_int_eq(blocks[1].label, NC_LABEL_HEADING);
    ck_assert_int_eq(blocks[6].label, NC_LABEL_BODY);
    ck_assert_int_eq(blocks[0].reason, NC_REASON_MODEL);
    ck_assert_int_eq(blocks[2].label, NC_LABEL_NAVIGATION);
    ck_assert_int_eq(blocks[3].label, NC_LABEL_LEGAL);
    ck_assert_int_eq(blocks[4].label, NC_LABEL_NAVIGATION);
    ck_assert_int_eq(blocks[5].label, NC_LABEL_COMMENT);
    ck_assert_str_eq(nc_reason_name(NC_REASON_THIN_PAGE), "thin-page");

    thin_page(250); /* a forum thread */
    ck_assert_uint_eq(thin_kept(), 4);
    ck_assert_int_eq(blocks[5].label, NC_LABEL_BODY);
}
END_TEST

/* A page of at most 30 words in at most 10 blocks comes back whole but
 * its title, whatever the model scored: a note, a test page. */
START_TEST(test_tiny_page)
{
    thin_page(0);
    for (size_t i = 0; i < NB; i++)
        blocks[i].words = 3;
    blocks[4].words = 0;
    blocks[7].label = NC_LABEL_TITLE;
    ck_assert_uint_eq(thin_kept(), 5); /* 1, 2, 3, 5, 6: not 0 (kept), 4, 7 */
    ck_assert_int_eq(blocks[2].label, NC_LABEL_BODY); /* under the floor */
    ck_assert_int_eq(blocks[3].label, NC_LABEL_BODY); /* even legal text */
    ck_assert_int_eq(blocks[1].label, NC_LABEL_HEADING);
    ck_assert_int_eq(blocks[0].reason, NC_REASON_MODEL);
    ck_assert_int_eq(blocks[4].label, NC_LABEL_NAVIGATION);
    ck_assert_int_eq(blocks[7].label, NC_LABEL_TITLE);

    /* A page that is only its title (one text line taken for a
     * headline): that line is the body. */
    thin_page(0);
    for (size_t i = 0; i < NB; i++)
        blocks[i].words = 0;
    blocks[7].words = 16;
    blocks[7].label = NC_LABEL_TITLE;
    ck_assert_uint_eq(thin_kept(), 1);
    ck_assert_int_eq(blocks[7].label, NC_LABEL_BODY);

    thin_page(0); /* 31 words: the thin-page rule's own conditions */
    for (size_t i = 0; i < NB; i++)
        blocks[i].words = 4;
    ck_assert_uint_eq(thin_kept(), 0);
}
END_TEST

START_TEST(test_not_thin)
{
    thin_page(250);
    blocks[0].words = 270;
    blocks[7].label = NC_LABEL_HEADING; /* body and headings: 300 words */
    blocks[7].words = 30;
    blocks[6].words = 5000;
    ck_assert_uint_eq(thin_kept(), 0);
    ck_assert_int_eq(blocks[5].label, NC_LABEL_COMMENT);
}
END_TEST

/* A short article: what would come back is too little to be a listing
 * (under 150 words, or under six times the kept ones), so its sidebar
 * stays out; with nothing kept at all, any of it comes back. */
START_TEST(test_short_article_stays)
{
    thin_page(0);
    blocks[6].words = 20;
    blocks[7].words = 20;
    ck_assert_uint_eq(thin_kept(), 0); /* 100 words */
    thin_page(0);
    blocks[0].words = 31;
    ck_assert_uint_eq(thin_kept(), 0); /* 180 words, under six times 31 */
    thin_page(0);
    blocks[0].label = NC_LABEL_NAVIGATION;
    blocks[0].score = 0.05f;
    blocks[6].words = 5;
    blocks[7].words = 5;
    blocks[1].words = 5;
    ck_assert_uint_eq(thin_kept(), 3); /* nothing kept: 15 words come back */
}
END_TEST

/* A page of links alone has no body to give, however thin. */
START_TEST(test_links_alone_stay)
{
    thin_page(0);
    for (size_t i = 0; i < NB; i++)
        blocks[i].link_chars = (float)blocks[i].len;
    ck_assert_uint_eq(thin_kept(), 0);
    blocks[6].link_chars = 0; /* one block of text among the links */
    ck_assert_uint_eq(thin_kept(), 3);
}
END_TEST

/* Plain text: two kept paragraphs of 200 words, then six the model's score
 * sank on (0.2, dropped by the model alone), each two sentences. */
static const char *const prose = "The clerk would not copy. He preferred not to.";

static void long_text(void)
{
    listicle();
    doc.kind = NC_INPUT_TEXT;
    for (size_t i = 0; i < NB; i++) {
        nc_block *b = &blocks[i];
        b->text = (char *)prose;
        b->len = strlen(prose);
        b->in = 0;
        b->words = 40;
        b->score = i < 2 ? 0.8f : 0.2f;
        b->label = i < 2 ? NC_LABEL_BODY : NC_LABEL_BOILERPLATE;
        b->reason = i < 2 ? NC_REASON_MODEL : (i % 2 ? NC_REASON_OUTSIDE_BODY : NC_REASON_CONTEXT_DROP);
    }
    blocks[0].words = blocks[1].words = 200;
}

static size_t run_kept(void)
{
    nc_keep_prose_runs(&doc);
    return restored();
}

/* Plain text: a body of five paragraphs the model is sure of (0.95), ten
 * dropped blocks, one paragraph it kept at 0.6, ten dropped blocks, two
 * headings kept at 0.9, and two dropped blocks. */
enum { NI = 30 };
static nc_block island_blocks[NI];

static void islands(void)
{
    reset_doc(island_blocks, NI, NC_INPUT_TEXT);
    for (size_t i = 0; i < NI; i++) {
        nc_block *b = &island_blocks[i];
        bool body = i < 5, far = i == 15, heads = i == 26 || i == 27;
        b->text = "A line of the page.";
        b->len = strlen(b->text);
        b->words = body ? 50 : heads ? 4 : 20;
        b->score = body ? 0.95f : far ? 0.6f : heads ? 0.9f : 0.1f;
        b->label = body || far ? NC_LABEL_BODY : heads ? NC_LABEL_HEADING : NC_LABEL_NAVIGATION;
        b->reason = heads ? NC_REASON_CONTEXT_KEEP : NC_REASON_MODEL;
    }
}

static bool far_dropped(size_t i)
{
    return island_blocks[i].label == NC_LABEL_BOILERPLATE &&
           island_blocks[i].reason == NC_REASON_FAR_FROM_BODY;
}

START_TEST(test_far_islands)
{
    islands();
    nc_drop_far_islands(&doc);
    for (size_t i = 0; i < 5; i++)
        ck_assert_int_eq(island_blocks[i].label, NC_LABEL_BODY);
    ck_assert(far_dropped(15));
    ck_assert(far_dropped(26) && far_dropped(27));
    ck_assert_int_eq(island_blocks[20].label, NC_LABEL_NAVIGATION);
    ck_assert_str_eq(nc_reason_name(NC_REASON_FAR_FROM_BODY), "far-from-body");

    islands(); /* scored within 0.25 of the body: it stays */
    island_blocks[15].score = 0.75f;
    nc_drop_far_islands(&doc);
    ck_assert_int_eq(island_blocks[15].label, NC_LABEL_BODY);
    ck_assert(far_dropped(26));

    islands(); /* headings of more words than the body are still no body */
    island_blocks[26].words = island_blocks[27].words = 400;
    nc_drop_far_islands(&doc);
    ck_assert(far_dropped(15));
    ck_assert(far_dropped(26) && far_dropped(27));
    ck_assert_int_eq(island_blocks[0].label, NC_LABEL_BODY);

    islands(); /* paragraphs of under 60 words are no body beside them */
    for (size_t i = 0; i < 5; i++)
        island_blocks[i].words = 10;
    island_blocks[26].words = island_blocks[27].words = 400;
    nc_drop_far_islands(&doc);
    ck_assert_int_eq(island_blocks[26].label, NC_LABEL_HEADING);
    ck_assert_int_eq(island_blocks[0].label, NC_LABEL_BODY);
    ck_assert(far_dropped(15));

    islands(); /* a heading beside a paragraph is no run of headings */
    island_blocks[25].label = NC_LABEL_BODY;
    island_blocks[25].score = 0.9f;
    nc_drop_far_islands(&doc);
    ck_assert_int_eq(island_blocks[26].label, NC_LABEL_HEADING);
    ck_assert_int_eq(island_blocks[25].label, NC_LABEL_BODY);
}
END_TEST

START_TEST(test_far_islands_stay)
{
    islands(); /* nine dropped blocks are no gap: the paragraph is the body's */
    island_blocks[14] = island_blocks[15];
    island_blocks[15].label = NC_LABEL_NAVIGATION;
    nc_drop_far_islands(&doc);
    ck_assert_int_eq(island_blocks[14].label, NC_LABEL_BODY);

    islands(); /* what a check restored is not the model's to take back */
    island_blocks[15].reason = NC_REASON_THIN_PAGE;
    nc_drop_far_islands(&doc);
    ck_assert_int_eq(island_blocks[15].label, NC_LABEL_BODY);

    islands(); /* HTML that declares no article has its containers for this */
    doc.kind = NC_INPUT_HTML;
    nc_drop_far_islands(&doc);
    ck_assert_int_eq(island_blocks[15].label, NC_LABEL_BODY);
    ck_assert_int_eq(island_blocks[26].label, NC_LABEL_HEADING);

    islands(); /* one cluster alone is the body, however unsure */
    for (size_t i = 5; i < NI; i++)
        island_blocks[i].label = NC_LABEL_NAVIGATION;
    island_blocks[0].score = 0.3f;
    nc_drop_far_islands(&doc);
    ck_assert_int_eq(island_blocks[0].label, NC_LABEL_BODY);
}
END_TEST

/* HTML, on a page that declares an article: what comes after a body the
 * model is sure of, five dropped blocks on, scored 0.2 under it. */
START_TEST(test_far_islands_html)
{
    islands();
    doc.kind = NC_INPUT_HTML;
    doc.page_type = NC_PAGE_ARTICLE;
    for (size_t i = 0; i < 5; i++) /* body 0..4, then blocks 10 and 20 */
        island_blocks[i].score = 0.95f;
    island_blocks[15].label = NC_LABEL_NAVIGATION;
    island_blocks[10] = island_blocks[0];
    island_blocks[10].score = 0.7f;
    island_blocks[10].words = 20;
    island_blocks[20] = island_blocks[10];
    island_blocks[20].score = 0.8f;
    island_blocks[26].label = island_blocks[27].label = NC_LABEL_NAVIGATION;
    nc_drop_far_islands(&doc);
    ck_assert(far_dropped(10));
    ck_assert_int_eq(island_blocks[20].label, NC_LABEL_BODY); /* 0.15 under */
    ck_assert_int_eq(island_blocks[0].label, NC_LABEL_BODY);

    island_blocks[10].label = NC_LABEL_BODY; /* a body read at 0.85 is not sure */
    island_blocks[10].reason = NC_REASON_HEADING_MARKUP;
    for (size_t i = 0; i < 5; i++)
        island_blocks[i].score = 0.85f;
    nc_drop_far_islands(&doc);
    ck_assert_int_eq(island_blocks[10].label, NC_LABEL_BODY);

    for (size_t i = 0; i < 5; i++) /* a heading kept by its markup goes too */
        island_blocks[i].score = 0.95f;
    nc_drop_far_islands(&doc);
    ck_assert(far_dropped(10));

    island_blocks[10].label = NC_LABEL_BODY; /* only after the body */
    island_blocks[10].reason = NC_REASON_MODEL;
    island_blocks[0].label = NC_LABEL_NAVIGATION; /* 1..4 now: 10 is before 20.. */
    for (size_t i = 1; i < 5; i++)
        island_blocks[i].label = NC_LABEL_NAVIGATION;
    for (size_t i = 21; i < 26; i++) {
        island_blocks[i] = island_blocks[20];
        island_blocks[i].score = 0.95f;
        island_blocks[i].words = 50;
    }
    nc_drop_far_islands(&doc);
    ck_assert_int_eq(island_blocks[10].label, NC_LABEL_BODY);

    islands(); /* an untyped or other page: nothing */
    doc.kind = NC_INPUT_HTML;
    doc.page_type = NC_PAGE_OTHER;
    nc_drop_far_islands(&doc);
    ck_assert_int_eq(island_blocks[15].label, NC_LABEL_BODY);
}
END_TEST

START_TEST(test_prose_run)
{
    long_text();
    ck_assert_uint_eq(run_kept(), 6);

    long_text(); /* a short line between paragraphs neither ends nor counts */
    blocks[4].words = 3;
    blocks[4].text = "Reply";
    blocks[4].len = 5;
    ck_assert_uint_eq(run_kept(), 5);
    ck_assert_int_eq(blocks[4].label, NC_LABEL_BOILERPLATE);

    long_text(); /* a longer line between them ends the runs: 2 and 3 */
    blocks[4].words = 4;
    blocks[4].text = "Posted by a reader";
    blocks[4].len = strlen(blocks[4].text);
    ck_assert_uint_eq(run_kept(), 3);
    ck_assert_int_eq(blocks[2].label, NC_LABEL_BOILERPLATE);
    ck_assert_int_eq(blocks[7].label, NC_LABEL_BODY);
}
END_TEST

START_TEST(test_prose_run_stays)
{
    long_text(); /* HTML has its container */
    doc.kind = NC_INPUT_HTML;
    ck_assert_uint_eq(run_kept(), 0);

    long_text(); /* under 300 kept words */
    blocks[1].words = 99;
    ck_assert_uint_eq(run_kept(), 0);

    long_text(); /* what breaks a paragraph: a detector's label, a low score, one
                  * sentence, no stop at the end, a lower-case opening, few words */
    blocks[2].label = NC_LABEL_COMMENT;
    blocks[2].reason = NC_REASON_UI_PHRASE;
    blocks[3].score = 0.05f;
    blocks[4].text = "One sentence only, of forty words.";
    blocks[5].text = "Two sentences. But no stop at the end";
    blocks[6].text = "cookie_consent 11 months. This cookie is set. It stores consent.";
    blocks[7].words = 29;
    for (size_t i = 4; i < 7; i++)
        blocks[i].len = strlen(blocks[i].text);
    ck_assert_uint_eq(run_kept(), 0);

    long_text(); /* closing marks and ideographic stops count */
    blocks[5].text = "\xe5\xbd\xbc\xe3\x80\x82\xe5\xa5\xb9\xe3\x80\x82";
    blocks[6].text = "He said \"no.\" She said \xe2\x80\x9cyes.\xe2\x80\x9d";
    for (size_t i = 5; i < 7; i++)
        blocks[i].len = strlen(blocks[i].text);
    ck_assert_uint_eq(run_kept(), 6);
}
END_TEST

/* HTML: four paragraphs the page holds twice (0-3, then 4-7 in the
 * reverse order, so that no run of blocks repeats: pairs 0-7, 1-6, 2-5
 * and 3-4), every copy dropped as repeated; the second copies scored
 * higher. */
static const char *const twins[] = {
    "The council kept the fees at this year's level.",
    "Two members voted against the plan, citing the reserves.",
    "The mayor will look at the fees again next autumn.",
    "A second bin can still be ordered from the town hall."};

static void dropped_copy(nc_block *b, const char *text, float score)
{
    b->text = (char *)text;
    b->len = strlen(text);
    b->repeat = 2;
    b->words = 20;
    b->score = score;
    b->label = NC_LABEL_DUPLICATE;
    b->reason = NC_REASON_REPEATED;
}

static void doubled_page(void)
{
    listicle();
    for (size_t i = 0; i < NB; i++)
        dropped_copy(&blocks[i], twins[i < 4 ? i : NB - 1 - i], i < 4 ? 0.3f : 0.45f);
}

static size_t copies_kept(void)
{
    nc_keep_one_copy(&doc);
    size_t n = 0;
    for (size_t i = 0; i < NB; i++)
        n += nc_label_kept(blocks[i].label) && blocks[i].reason == NC_REASON_ONE_COPY;
    return n;
}

START_TEST(test_one_copy)
{
    doubled_page();
    ck_assert_uint_eq(copies_kept(), 4);
    for (size_t i = 4; i < NB; i++)
        ck_assert_int_eq(blocks[i].label, NC_LABEL_BODY);

    doubled_page(); /* the better copy first */
    blocks[0].score = 0.5f;
    ck_assert_uint_eq(copies_kept(), 4);
    ck_assert_int_eq(blocks[0].label, NC_LABEL_BODY);
    ck_assert_int_eq(blocks[7].label, NC_LABEL_DUPLICATE);

    doubled_page(); /* text: three paragraphs or more held twice, and a
                     * lower floor (0.2) */
    doc.kind = NC_INPUT_TEXT;
    for (size_t i = 4; i < NB; i++)
        blocks[i].score = 0.25f;
    ck_assert_uint_eq(copies_kept(), 4);
}
END_TEST

START_TEST(test_one_copy_stays)
{
    doubled_page(); /* text: two paragraphs held twice are a teaser of the
                     * lead, not a second layout */
    doc.kind = NC_INPUT_TEXT;
    blocks[2].label = blocks[5].label = blocks[3].label = blocks[4].label = NC_LABEL_UI;
    ck_assert_uint_eq(copies_kept(), 0);

    doubled_page(); /* html: a score under 0.3 */
    for (size_t i = 0; i < NB; i++)
        blocks[i].score = 0.25f;
    ck_assert_uint_eq(copies_kept(), 0);

    doubled_page(); /* what keeps a pair dropped: a low score, few words, a
                     * third copy not dropped as repeated, a detector's
                     * label, no sentence's end */
    blocks[0].score = blocks[7].score = 0.29f;
    blocks[1].words = blocks[6].words = 14;
    blocks[2].repeat = blocks[5].repeat = 3;
    blocks[3].label = blocks[4].label = NC_LABEL_UI;
    ck_assert_uint_eq(copies_kept(), 0);
    doubled_page();
    blocks[0].text = blocks[7].text = "Warning: Creating default object on line 407";
    blocks[0].len = blocks[7].len = strlen(blocks[0].text);
    blocks[1].text = "The council kept the fees at this year's level";
    blocks[1].len = strlen(blocks[1].text);
    ck_assert_uint_eq(copies_kept(), 2); /* 2 and 3; 1 and 6 are no twins now */
}
END_TEST

/* A paragraph printed three times, every copy dropped: the best copy is
 * kept; a copy whose twin is not here (the page holds it twice, one copy
 * kept elsewhere) stays as it is. */
START_TEST(test_one_of_three_copies)
{
    doubled_page();
    blocks[1].text = (char *)twins[0]; /* twins[0] at 0, 1 and 7 */
    blocks[1].len = strlen(twins[0]);
    blocks[0].repeat = blocks[1].repeat = blocks[7].repeat = 3;
    blocks[1].score = 0.5f;
    ck_assert_uint_eq(copies_kept(), 3); /* 1 of the three; 5 and 4 of their pairs */
    ck_assert_int_eq(blocks[1].label, NC_LABEL_BODY);
    ck_assert_int_eq(blocks[0].label, NC_LABEL_DUPLICATE);
    ck_assert_int_eq(blocks[7].label, NC_LABEL_DUPLICATE);
    ck_assert_int_eq(blocks[6].label, NC_LABEL_DUPLICATE); /* its twin is gone */
}
END_TEST

/* Text that prints its article twice in the same order (0-3, 4-7): a
 * heading, two paragraphs, a heading. The paragraph rule cannot take it
 * (two paragraphs, low scores); the run comes back from its better-scored
 * copy, headings as headings, where neither copy is kept. */
static void copied_article(float first, float second)
{
    static const char *const article[] = {"Fees stay the same", NULL, NULL,
                                          "What comes next"};
    listicle();
    doc.kind = NC_INPUT_TEXT;
    for (size_t i = 0; i < NB; i++) {
        const char *text = article[i % 4] ? article[i % 4] : twins[i % 4 - 1];
        dropped_copy(&blocks[i], text, i < 4 ? first : second);
        blocks[i].words = article[i % 4] ? 4 : 20;
    }
}

START_TEST(test_copied_run)
{
    copied_article(0.3f, 0.15f);
    ck_assert_uint_eq(copies_kept(), 4);
    ck_assert_int_eq(blocks[0].label, NC_LABEL_HEADING);
    ck_assert_int_eq(blocks[1].label, NC_LABEL_BODY);
    ck_assert_int_eq(blocks[3].label, NC_LABEL_HEADING);
    for (size_t i = 4; i < NB; i++)
        ck_assert_int_eq(blocks[i].label, NC_LABEL_DUPLICATE);

    copied_article(0.15f, 0.3f); /* one copy kept already: its twin stays */
    blocks[1].label = NC_LABEL_BODY;
    blocks[1].reason = NC_REASON_MODEL;
    ck_assert_uint_eq(copies_kept(), 3);
    ck_assert_int_eq(blocks[5].label, NC_LABEL_DUPLICATE);
    ck_assert_int_eq(blocks[6].label, NC_LABEL_BODY);
}
END_TEST

START_TEST(test_copied_run_stays)
{
    copied_article(0.08f, 0.05f); /* a slider's cloned cards score near 0 */
    ck_assert_uint_eq(copies_kept(), 0);

    copied_article(0.3f, 0.3f); /* one paragraph in the run */
    blocks[2].words = blocks[6].words = 14;
    ck_assert_uint_eq(copies_kept(), 0);

    copied_article(0.3f, 0.3f); /* three blocks in the same order */
    blocks[3].text = "Share this";
    blocks[7].text = "Print this";
    blocks[3].len = strlen(blocks[3].text);
    blocks[7].len = strlen(blocks[7].text);
    ck_assert_uint_eq(copies_kept(), 0);

    copied_article(0.3f, 0.3f); /* a detector named the blocks */
    for (size_t i = 0; i < NB; i++)
        blocks[i].label = NC_LABEL_NAVIGATION;
    ck_assert_uint_eq(copies_kept(), 0);
}
END_TEST

/* The cut by what the page declares (classify/classify.c): a paragraph
 * the model scores 0.45 stays under an article's cut, or an untyped
 * page's, and over the cut of a page that declares a product, a listing
 * or a thread (doc->page_kind). */
START_TEST(test_page_kind_cut)
{
    static const int kinds[] = {NC_PAGE_UNTYPED, NC_PAGE_ARTICLE, NC_PAGE_OTHER};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        listicle();
        doc.nblocks = 2;
        doc.page_kind = (int8_t)kinds[k];
        blocks[0].words = 200; /* kept: the page is no thin page to widen */
        blocks[0].score = blocks[0].score1 = 0.9f;
        blocks[1].score = blocks[1].score1 = 0.45f;
        nc_classify_labels(&doc);
        ck_assert_int_eq(blocks[0].label, NC_LABEL_BODY);
        ck_assert_int_eq(blocks[1].label == NC_LABEL_BODY, kinds[k] == NC_PAGE_OTHER);
    }
}
END_TEST

/* Text's cut follows how sure the model is of the page's body: a body
 * read at 0.95 cuts near 0.53, so a 0.52 block beside it is dropped; a body
 * read at 0.7 cuts at 0.35 (the floor), so a 0.45 block is kept. HTML
 * keeps its fixed cut. */
static nc_label text_cut_label(nc_input_kind kind, float body, float other)
{
    listicle();
    doc.kind = kind;
    doc.nblocks = 2;
    for (size_t i = 0; i < 2; i++) {
        blocks[i].in = 0;
        blocks[i].tag = NC_TAG_NONE;
    }
    blocks[0].words = 200;
    blocks[0].score = blocks[0].score1 = body;
    blocks[1].score = blocks[1].score1 = other;
    nc_classify_labels(&doc);
    ck_assert_int_eq(blocks[0].label, NC_LABEL_BODY);
    return blocks[1].label;
}

START_TEST(test_text_cut)
{
    ck_assert_int_ne(text_cut_label(NC_INPUT_TEXT, 0.95f, 0.52f), NC_LABEL_BODY);
    ck_assert_int_eq(text_cut_label(NC_INPUT_TEXT, 0.7f, 0.45f), NC_LABEL_BODY);
    ck_assert_int_ne(text_cut_label(NC_INPUT_TEXT, 0.7f, 0.34f), NC_LABEL_BODY);
    ck_assert_int_eq(text_cut_label(NC_INPUT_TEXT, 0.85f, 0.5f), NC_LABEL_BODY);
    ck_assert_int_ne(text_cut_label(NC_INPUT_HTML, 0.7f, 0.45f), NC_LABEL_BODY);
}
END_TEST

/* HTML: an article in the best container (0-3, no comment class) and
 * four kept blocks outside it in comment classes (4-7): the thread is
 * dropped as comment-thread. A forum is not: its first post in a comment
 * class too, or one of the posts' look-alikes, or a declared thread. */
static void article_with_comments(void)
{
    listicle();
    doc.nblocks = NB;
    for (size_t i = 0; i < NB; i++) {
        nc_block *b = &blocks[i];
        b->score = b->score1 = 0.9f;
        b->words = 40;
        if (i >= 4) {
            b->in = 0;
            b->hints = NC_HINT_COMMENT;
        }
    }
}

static size_t thread_dropped(void)
{
    nc_classify_labels(&doc);
    size_t n = 0;
    for (size_t i = 0; i < NB; i++)
        n += blocks[i].label == NC_LABEL_COMMENT && blocks[i].reason == NC_REASON_COMMENT_THREAD;
    return n;
}

START_TEST(test_comment_classes)
{
    article_with_comments();
    ck_assert_uint_eq(thread_dropped(), 4);
    for (size_t i = 0; i < 4; i++)
        ck_assert_int_eq(blocks[i].label, NC_LABEL_BODY);

    article_with_comments(); /* text: no classes to go by */
    doc.kind = NC_INPUT_TEXT;
    ck_assert_uint_eq(thread_dropped(), 0);

    article_with_comments(); /* the first post in a comment class */
    blocks[0].hints = blocks[1].hints = blocks[2].hints = NC_HINT_COMMENT;
    ck_assert_uint_eq(thread_dropped(), 0);

    article_with_comments(); /* the first post a look-alike of the replies */
    doc.ngroups = 2;
    blocks[3].group = blocks[5].group = 2;
    blocks[0].group = 1;
    ck_assert_uint_eq(thread_dropped(), 0);

    article_with_comments(); /* other groups: still an article's thread */
    doc.ngroups = 2;
    blocks[0].group = 1;
    blocks[5].group = 2;
    ck_assert_uint_eq(thread_dropped(), 4);

    article_with_comments(); /* a page that declares a thread */
    doc.page_kind = NC_PAGE_OTHER;
    ck_assert_uint_eq(thread_dropped(), 0);
}
END_TEST

static Suite *fallback_suite(void)
{
    Suite *s = suite_create("fallback");
    TCase *tc = tcase_create("fallback");
    tcase_add_test(tc, test_islands_restored);
    tcase_add_test(tc, test_what_stays_dropped);
    tcase_add_test(tc, test_no_restore_without_cause);
    tcase_add_test(tc, test_text_span);
    tcase_add_test(tc, test_comment_class_shared);
    tcase_add_test(tc, test_thin_page);
    tcase_add_test(tc, test_not_thin);
    tcase_add_test(tc, test_tiny_page);
    tcase_add_test(tc, test_short_article_stays);
    tcase_add_test(tc, test_links_alone_stay);
    tcase_add_test(tc, test_prose_run);
    tcase_add_test(tc, test_prose_run_stays);
    tcase_add_test(tc, test_one_copy);
    tcase_add_test(tc, test_one_copy_stays);
    tcase_add_test(tc, test_one_of_three_copies);
    tcase_add_test(tc, test_copied_run);
    tcase_add_test(tc, test_copied_run_stays);
    tcase_add_test(tc, test_page_kind_cut);
    tcase_add_test(tc, test_text_cut);
    tcase_add_test(tc, test_comment_classes);
    tcase_add_test(tc, test_far_islands);
    tcase_add_test(tc, test_far_islands_stay);
    tcase_add_test(tc, test_far_islands_html);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(fallback_suite()); }
