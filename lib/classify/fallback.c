/* classify/fallback.c - the page-level check after the block labels: a
 * page is never returned as a fraction of its body when one container
 * clearly holds it. Long listicles and reviews are where the model fails
 * so: their paragraphs score near the threshold one by one (product
 * names, prices, "I" and "you"), and the context pass, seeing neighbours
 * as unsure as they are, keeps a few islands of a long run of paragraphs.
 *
 * The container: in HTML the densest text container the walk found
 * (blocks/html/best.c, NC_IN_BEST); in plain text, which has no markup,
 * the lines from the first kept paragraph to the last. Its paragraphs are
 * its blocks of at least PROSE_WORDS words, mostly not links, outside
 * nav, header, footer, aside and forms, not headings, and not repeated on
 * the page. When the kept ones hold at least KEPT_WORDS words (the
 * container is shown to be the body) but less than KEPT_SHARE of the
 * paragraphs' words, and stage 1 scores the paragraphs MEAN_SCORE on
 * average (word-weighted: the container reads as body, not as a list of
 * teasers), every paragraph the model dropped is restored, unless stage 1
 * scored it under the floor (lower in HTML, where the container is
 * markup's evidence, than in text, where it is only the kept lines' span)
 * or a detector named it for something else (a comment, a caption, a
 * credit, legal text, a byline, a duplicate). A comment class counts as
 * such a sign only when the kept body does not carry it too: a page whose
 * article sits inside a "comments" wrapper has it on every block. Restored
 * blocks carry the reason container-body. Measured in docs/algorithm.md
 * ("A container's body is returned whole"). */
#include "internal.h"
#include "classify/fallback.h"

enum {
    PROSE_WORDS = 15,
    KEPT_WORDS = 60
};
#define PROSE_LINK_SHARE 0.3
#define KEPT_SHARE 0.8
#define MEAN_SCORE 0.4
#define HTML_FLOOR 0.1f
#define TEXT_FLOOR 0.85f

enum {
    OUT_OF_ARTICLE = NC_IN_NAV | NC_IN_HEADER | NC_IN_FOOTER | NC_IN_ASIDE | NC_IN_FORM |
                     NC_IN_BUTTON | NC_IN_SELECT
};

/* The container: blocks [lo, hi] with all of the bits `in` (0 for text). */
typedef struct container {
    size_t lo, hi;
    uint32_t in;
} container;

/* The labels a dropped paragraph gets from the model's score and weak
 * markup signs only (classify.c explain_drop); the others name a detector
 * that saw what the block is. A comment label from the class alone is
 * weak too when most kept words carry that class (comment_class_shared). */
static bool restorable(const nc_block *b, bool comment_class_shared)
{
    nc_label label = b->label;
    if (comment_class_shared && label == NC_LABEL_COMMENT && b->reason == NC_REASON_MARKUP)
        return true;
    return label == NC_LABEL_BOILERPLATE || label == NC_LABEL_NAVIGATION ||
           label == NC_LABEL_RELATED;
}

static bool paragraph_of(const container *c, const nc_block *b)
{
    if ((b->in & c->in) != c->in || (b->in & OUT_OF_ARTICLE) || b->words < PROSE_WORDS ||
        b->repeat > 1 || nc_tag_heading(b->tag))
        return false;
    return b->len > 0 && b->link_chars <= PROSE_LINK_SHARE * (double)b->len;
}

/* Whether the model kept only part of a container that reads as body;
 * *shared: at least half the kept words carry a comment class. */
static bool kept_in_part(const nc_doc *doc, const container *c, bool *shared)
{
    double words = 0, kept = 0, score1 = 0, hinted = 0;
    for (size_t i = c->lo; i <= c->hi; i++) {
        const nc_block *b = &doc->blocks[i];
        if (!paragraph_of(c, b))
            continue;
        words += b->words;
        score1 += (double)b->score1 * b->words;
        if (b->label == NC_LABEL_BODY) {
            kept += b->words;
            if (b->hints & NC_HINT_COMMENT)
                hinted += b->words;
        }
    }
    *shared = hinted >= 0.5 * kept;
    return kept >= KEPT_WORDS && kept < KEPT_SHARE * words && score1 >= MEAN_SCORE * words;
}

/* Text: the span of the kept paragraphs; false when none is kept. */
static bool text_container(const nc_doc *doc, container *c)
{
    size_t n = doc->nblocks;
    c->lo = n;
    c->hi = 0;
    c->in = 0;
    for (size_t i = 0; i < n; i++) {
        const nc_block *b = &doc->blocks[i];
        if (b->label == NC_LABEL_BODY && b->words >= PROSE_WORDS) {
            c->lo = c->lo < i ? c->lo : i;
            c->hi = i;
        }
    }
    return c->lo < n;
}

void nc_restore_container_body(nc_doc *doc, float threshold)
{
    if (doc->nblocks == 0)
        return;
    container c = {0, doc->nblocks - 1, NC_IN_BEST};
    float floor = HTML_FLOOR;
    if (doc->kind != NC_INPUT_HTML) {
        if (!text_container(doc, &c))
            return;
        floor = TEXT_FLOOR;
    }
    bool shared = false;
    if (!kept_in_part(doc, &c, &shared))
        return;
    for (size_t i = c.lo; i <= c.hi; i++) {
        nc_block *b = &doc->blocks[i];
        /* Only what the model dropped: a kept block a detector relabelled
         * scored over the threshold and stays as the detector said. */
        if (b->score >= threshold || b->score1 < floor || !restorable(b, shared) ||
            !paragraph_of(&c, b))
            continue;
        b->label = NC_LABEL_BODY;
        b->reason = NC_REASON_CONTAINER_BODY;
    }
}

/* A page whose kept body is this thin may be no article, and an article
 * extractor's cut fits it badly: measured on listing, forum, product and
 * service pages, the gold body is the page's own lists, posts and offers,
 * which the model, trained on articles, scores as teasers. The floor keeps
 * what still reads a little like content, not every menu; a thread of
 * comments over COMMENT_WORDS is a forum's posts, the page's content. A
 * short article is thin too: its page widens only when what would come
 * back holds WIDER_WORDS and WIDER_TIMES the kept words, as a listing's
 * does and a blog post's sidebar does not; and never for links alone: a
 * page of nothing but links has no body to give. The numbers and their
 * figures: docs/algorithm.md ("A thin page is returned wider"). */
enum {
    THIN_WORDS = 300,
    COMMENT_WORDS = 200,
    WIDER_WORDS = 150,
    WIDER_TIMES = 6,
    PROSE_MIN = 1
};
#define THIN_FLOOR 0.1f

/* Whether a dropped block comes back on a thin page. */
static bool widens(const nc_block *b, bool thread)
{
    if (nc_label_kept(b->label) || b->words == 0 || b->reason == NC_REASON_TRUNCATED)
        return false;
    if (b->label == NC_LABEL_COMMENT)
        return thread;
    return b->label != NC_LABEL_LEGAL && b->score >= THIN_FLOOR;
}

void nc_keep_thin_page(nc_doc *doc)
{
    size_t kept = 0, comments = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const nc_block *b = &doc->blocks[i];
        if (nc_label_kept(b->label))
            kept += b->words;
        else if (b->label == NC_LABEL_COMMENT)
            comments += b->words;
    }
    if (kept >= THIN_WORDS)
        return;
    bool thread = comments > COMMENT_WORDS;
    size_t added = 0, prose = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const nc_block *b = &doc->blocks[i];
        if (!widens(b, thread))
            continue;
        added += b->words;
        if (b->link_chars <= PROSE_LINK_SHARE * (double)b->len)
            prose += b->words;
    }
    if (prose < PROSE_MIN || (kept > 0 && (added < WIDER_WORDS || added < WIDER_TIMES * kept)))
        return;
    for (size_t i = 0; i < doc->nblocks; i++) {
        nc_block *b = &doc->blocks[i];
        if (!widens(b, thread))
            continue;
        b->label = nc_tag_heading(b->tag) ? NC_LABEL_HEADING : NC_LABEL_BODY;
        b->reason = NC_REASON_THIN_PAGE;
    }
}
