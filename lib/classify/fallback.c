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
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "classify/fallback.h"

enum {
    PROSE_WORDS = 15,
    KEPT_WORDS = 60
};
#define PROSE_LINK_SHARE 0.3
#define KEPT_SHARE 0.8
#define MEAN_SCORE 0.3
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
 * figures: docs/algorithm.md ("A thin page is returned wider"). A page
 * of at most TINY_WORDS words in at most TINY_BLOCKS blocks (a note, a
 * test page) has nothing to clean away: it comes back whole but its title,
 * whatever the model scored its lines; a page that is only its title
 * comes back as that. */
enum {
    TINY_WORDS = 30,
    TINY_BLOCKS = 10,
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

static bool keep_tiny_page(nc_doc *doc)
{
    size_t words = 0, untitled = 0;
    if (doc->nblocks > TINY_BLOCKS)
        return false;
    for (size_t i = 0; i < doc->nblocks; i++) {
        words += doc->blocks[i].words;
        if (doc->blocks[i].label != NC_LABEL_TITLE)
            untitled += doc->blocks[i].words;
    }
    if (words > TINY_WORDS)
        return false;
    for (size_t i = 0; i < doc->nblocks; i++) {
        nc_block *b = &doc->blocks[i];
        /* A page whose only words are its title (a text page of one
         * line, taken for a headline) gives that line as its body. */
        bool title = b->label == NC_LABEL_TITLE && untitled > 0;
        if (nc_label_kept(b->label) || title || b->words == 0 ||
            b->reason == NC_REASON_TRUNCATED)
            continue;
        b->label = nc_tag_heading(b->tag) ? NC_LABEL_HEADING : NC_LABEL_BODY;
        b->reason = NC_REASON_THIN_PAGE;
    }
    return true;
}

void nc_keep_thin_page(nc_doc *doc)
{
    if (keep_tiny_page(doc))
        return;
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

/* In plain text the model's score sinks with the position on the page:
 * trained on news pages, whose last third is comments and links, it reads
 * the second half of a long essay, story or review as that, paragraph by
 * paragraph, though the paragraphs read as the first half's did. A run of
 * RUN_BLOCKS or more such paragraphs after the first kept one, nothing of
 * more than RUN_GAP words between them, is the body going on: a comment
 * thread or a list of teasers has names, dates, "Reply" or headlines
 * between its paragraphs. A paragraph here: RUN_WORDS words or more, two
 * sentence ends, ending as a sentence ends, not opening in lower case, dropped on the model's score
 * alone (no detector named it) and scored at least RUN_FLOOR. Only where
 * RUN_KEPT words were kept: a short page's tail is its sidebar. HTML does
 * not need it: its container holds the body whole (nc_restore_container_body).
 * Measured in docs/algorithm.md ("A long text's body is returned whole"). */
enum {
    RUN_BLOCKS = 3,
    RUN_GAP = 3,
    RUN_WORDS = 30,
    RUN_KEPT = 300
};
#define RUN_FLOOR 0.1f

/* Whether the UTF-8 sequence at s is a sentence's stop: . ! ? or the
 * ideographic and fullwidth stops; *n: its bytes. */
static bool sentence_stop(const unsigned char *s, const unsigned char *end, size_t *n)
{
    *n = 1;
    if (*s == '.' || *s == '!' || *s == '?')
        return true;
    if (end - s >= 3 && ((s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x82) ||
                         (s[0] == 0xEF && s[1] == 0xBC && (s[2] == 0x81 || s[2] == 0x9F)))) {
        *n = 3;
        return true;
    }
    return false;
}

/* The closing marks a stop may carry: " ) ” ’ »; *n: its bytes. */
static bool closing_mark(const unsigned char *s, const unsigned char *end, size_t *n)
{
    *n = 1;
    if (*s == '"' || *s == ')')
        return true;
    if (end - s >= 2 && s[0] == 0xC2 && s[1] == 0xBB) {
        *n = 2;
        return true;
    }
    if (end - s >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x9D || s[2] == 0x99)) {
        *n = 3;
        return true;
    }
    return false;
}

/* The sentence stops of a block (a full stop, ! or ? followed, after an
 * optional closing mark, by a space or the end; an ideographic stop
 * anywhere), and whether the text ends with a stop or a closing mark.
 * Block text is collapsed: no trailing space. */
static size_t sentence_stops(const nc_block *b, bool *ends)
{
    const unsigned char *s = (const unsigned char *)b->text, *end = s + b->len;
    size_t stops = 0, n = 0, m = 0;
    *ends = false;
    while (s < end) {
        if (sentence_stop(s, end, &n)) {
            const unsigned char *t = s + n;
            if (t < end && closing_mark(t, end, &m))
                t += m;
            stops += n == 3 || t == end || *t == ' '; /* 。 needs no space */
            *ends = t == end;
            s += n;
        } else {
            *ends = closing_mark(s, end, &m) && s + m == end;
            s += *ends ? m : 1;
        }
    }
    return stops;
}

/* At least two sentence stops, and the text ends as a sentence ends. */
static bool reads_as_sentences(const nc_block *b)
{
    bool ends;
    return sentence_stops(b, &ends) >= 2 && ends;
}

static bool run_paragraph(const nc_block *b)
{
    if (nc_label_kept(b->label) || b->words < RUN_WORDS || b->score < RUN_FLOOR)
        return false;
    /* A sentence does not open in lower case; a table row of names and
     * values ("cookielawinfo-checkbox 11 months This cookie is...") does. */
    if (b->len > 0 && b->text[0] >= 'a' && b->text[0] <= 'z')
        return false;
    if (b->reason != NC_REASON_MODEL && b->reason != NC_REASON_CONTEXT_DROP &&
        b->reason != NC_REASON_OUTSIDE_BODY)
        return false;
    return reads_as_sentences(b);
}

static void keep_run(nc_doc *doc, size_t lo, size_t hi)
{
    for (size_t i = lo; i < hi; i++) {
        nc_block *b = &doc->blocks[i];
        if (run_paragraph(b)) {
            b->label = NC_LABEL_BODY;
            b->reason = NC_REASON_CONTAINER_BODY;
        }
    }
}

void nc_keep_prose_runs(nc_doc *doc)
{
    if (doc->kind == NC_INPUT_HTML)
        return;
    size_t kept = 0, first = doc->nblocks;
    for (size_t i = 0; i < doc->nblocks; i++) {
        if (nc_label_kept(doc->blocks[i].label)) {
            kept += doc->blocks[i].words;
            first = first < i ? first : i;
        }
    }
    if (kept < RUN_KEPT)
        return;
    /* [start, i): the run so far; count: its paragraphs. A kept block or
     * a short one between them neither ends nor counts. */
    size_t start = first, count = 0;
    for (size_t i = first; i < doc->nblocks; i++) {
        const nc_block *b = &doc->blocks[i];
        if (run_paragraph(b)) {
            if (count++ == 0)
                start = i;
        } else if (!nc_label_kept(b->label) && b->words > RUN_GAP) {
            if (count >= RUN_BLOCKS)
                keep_run(doc, start, i);
            count = 0;
        }
    }
    if (count >= RUN_BLOCKS)
        keep_run(doc, start, doc->nblocks);
}

/* ---- a paragraph the page holds twice or more ---- */

enum { COPY_WORDS = 15, COPY_TEXT_GROUPS = 3, COPY_RUN = 4, COPY_RUN_PARAGRAPHS = 2 };
/* The score a copy needs to come back: a paragraph's in HTML and in text
 * (text scores run lower: no markup vouches for the block), and the mean
 * over a copied run (a slider's cloned cards score near 0). */
static const float COPY_SCORE = 0.3f, COPY_TEXT_SCORE = 0.2f;
static const double COPY_RUN_SCORE = 0.1;

typedef struct copy {
    const char *text;
    size_t len, index;
} copy;

static int copy_order(const void *pa, const void *pb)
{
    const copy *a = pa, *b = pb;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    int c = memcmp(a->text, b->text, a->len);
    if (c)
        return c;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* The end of the same-text group that starts at c[i] in sorted copies. */
static size_t copy_group_end(const copy *c, size_t i, size_t k)
{
    size_t j = i + 1;
    while (j < k && c[j].len == c[i].len && memcmp(c[j].text, c[i].text, c[i].len) == 0)
        j++;
    return j;
}

/* A paragraph, not a repeated notice or a server's warning ("Warning:
 * Creating default object ... on line 407"): it ends as a sentence ends. */
static bool copy_paragraph(const nc_block *b)
{
    bool ends;
    return b->words >= COPY_WORDS && sentence_stops(b, &ends) >= 1 && ends;
}

static bool dropped_as_repeated(const nc_block *b)
{
    return b->label == NC_LABEL_DUPLICATE && b->reason == NC_REASON_REPEATED;
}

static bool copy_candidate(const nc_block *b)
{
    return b->repeat >= 2 && dropped_as_repeated(b) && copy_paragraph(b);
}

/* A page that prints its article twice in one text (a layout for each
 * screen) holds two runs of blocks with the same texts in the same order.
 * Where such a run holds paragraphs, and at a position neither copy was
 * kept, the copy in the better-scored run comes back: its headings and
 * list items too, which the paragraph rule above cannot tell from a menu
 * printed twice. Blocks are paired with the next block of the same text;
 * a run is followed from its first pair only, so the pass is O(n) after
 * the sort. */
static void keep_copied_runs(nc_doc *doc)
{
    size_t n = doc->nblocks, k = 0, paragraphs = 0;
    for (size_t i = 0; i < n; i++) {
        const nc_block *b = &doc->blocks[i];
        k += b->repeat >= 2;
        paragraphs += b->repeat >= 2 && copy_paragraph(b);
    }
    /* Most pages stop here: no two copies of two paragraphs. */
    if (k < 2 * COPY_RUN || paragraphs < 2 * COPY_RUN_PARAGRAPHS)
        return;
    copy *c = malloc(k * sizeof *c);
    size_t *next = malloc(n * sizeof *next), *group = malloc(n * sizeof *group);
    bool *taken = calloc(k, sizeof *taken); /* a group with a copy kept */
    if (!c || !next || !group || !taken) {
        free(c);
        free(next);
        free(group);
        free(taken);
        return;
    }
    k = 0;
    for (size_t i = 0; i < n; i++) {
        next[i] = n;
        if (doc->blocks[i].repeat >= 2)
            c[k++] = (copy){doc->blocks[i].text, doc->blocks[i].len, i};
    }
    qsort(c, k, sizeof *c, copy_order);
    for (size_t i = 0, j, g = 0; i < k; i = j, g++) {
        j = copy_group_end(c, i, k);
        for (size_t m = i; m < j; m++) {
            next[c[m].index] = m + 1 < j ? c[m + 1].index : n;
            group[c[m].index] = g;
            taken[g] |= nc_label_kept(doc->blocks[c[m].index].label);
        }
    }
    free(c);
    for (size_t i = 0; i < n; i++) {
        size_t j = next[i];
        if (j == n || (i > 0 && next[i - 1] == j - 1))
            continue;
        size_t len = 0, paragraphs = 0;
        double si = 0, sj = 0;
        /* The first copy ends where the second begins. */
        while (i + len < j && j + len < n && next[i + len] == j + len) {
            paragraphs += copy_paragraph(&doc->blocks[i + len]);
            si += doc->blocks[i + len].score;
            sj += doc->blocks[j + len].score;
            len++;
        }
        if (len < COPY_RUN || paragraphs < COPY_RUN_PARAGRAPHS ||
            (sj > si ? sj : si) < COPY_RUN_SCORE * (double)len)
            continue;
        size_t from = sj > si ? j : i;
        for (size_t t = 0; t < len; t++) {
            nc_block *b = &doc->blocks[from + t];
            if (taken[group[from + t]] || !dropped_as_repeated(b))
                continue;
            taken[group[from + t]] = true;
            bool ends;
            sentence_stops(b, &ends);
            b->label = !ends && b->words <= 20 ? NC_LABEL_HEADING : NC_LABEL_BODY;
            b->reason = NC_REASON_ONE_COPY;
        }
    }
    free(next);
    free(group);
    free(taken);
}

static void keep_copied_paragraphs(nc_doc *doc)
{
    size_t n = doc->nblocks, k = 0;
    for (size_t i = 0; i < n; i++)
        k += copy_candidate(&doc->blocks[i]);
    if (k < 2)
        return;
    copy *c = malloc(k * sizeof *c);
    if (!c)
        return;
    k = 0;
    for (size_t i = 0; i < n; i++)
        if (copy_candidate(&doc->blocks[i]))
            c[k++] = (copy){doc->blocks[i].text, doc->blocks[i].len, i};
    /* Sorted, copies are neighbours: O(k log k) whatever the page. */
    qsort(c, k, sizeof *c, copy_order);
    /* In text, one paragraph printed twice is more often a teaser of the
     * article's own lead than a second layout: only a page that holds
     * several such paragraphs carries its article twice. */
    bool html = doc->kind == NC_INPUT_HTML;
    size_t groups = 0;
    for (size_t i = 0, j; !html && i < k; i = j) {
        j = copy_group_end(c, i, k);
        groups += j - i == doc->blocks[c[i].index].repeat;
    }
    if (!html && groups < COPY_TEXT_GROUPS) {
        free(c);
        return;
    }
    for (size_t i = 0, j; i < k; i = j) {
        j = copy_group_end(c, i, k);
        /* Every copy must be here, dropped (a candidate's repeat is 2 or
         * more): one kept elsewhere is the body. */
        if (j - i != doc->blocks[c[i].index].repeat)
            continue;
        nc_block *best = &doc->blocks[c[i].index];
        for (size_t m = i + 1; m < j; m++)
            if (doc->blocks[c[m].index].score > best->score)
                best = &doc->blocks[c[m].index];
        if (best->score >= (html ? COPY_SCORE : COPY_TEXT_SCORE)) {
            best->label = NC_LABEL_BODY;
            best->reason = NC_REASON_ONE_COPY;
        }
    }
    free(c);
}

void nc_keep_one_copy(nc_doc *doc)
{
    keep_copied_paragraphs(doc);
    keep_copied_runs(doc);
}

/* ---- kept blocks far from the body ---- */

/* The kept blocks fall into clusters: a cluster ends where a gap of
 * dropped blocks follows. The cluster of most words that holds more than
 * headings is the page's body (the cluster of most words, where none of
 * those holds KEPT_WORDS). Another cluster is dropped when it holds only
 * headings (a heading heads something: a run of them far from any
 * paragraph is a list of links or places), or when the model is a margin
 * less sure of it than of the body (word-weighted mean score): a page's
 * footer blurb, a shop's shipping notes, a strip of teasers, each kept
 * past a stretch of menus. Only the model's own keeps are dropped
 * (reasons model, context-keep, heading-markup); what a check above
 * restored stays.
 *
 * Plain text: any page, clusters on either side, a gap of 10 blocks, a
 * margin of 0.25. HTML has its markup's containers, and a listing's or a
 * shop's sections are clusters of their own there, so only a page that
 * declares itself an article (og:type, JSON-LD), and only what comes
 * after a body the model is sure of (mean 0.9): a gap of 5 blocks, a
 * margin of 0.2. Measured in docs/algorithm.md ("Kept blocks far from the
 * body"). */
typedef struct far_rule {
    size_t gap;
    double margin;
    double sure_body; /* the body's mean the check needs */
    bool after_only;  /* only clusters after the body */
} far_rule;

static const far_rule FAR_TEXT = {10, 0.25, 0.0, false};
static const far_rule FAR_HTML = {5, 0.2, 0.9, true};

typedef struct island {
    size_t lo, hi; /* [lo, hi): first kept block to one past the last */
    double words, sum;
    bool headings; /* every kept block a heading */
} island;

/* The cluster starting at the kept block lo; returns false when there is
 * none at or after lo. */
static bool next_island(const nc_doc *doc, size_t lo, size_t gap_end, island *is)
{
    while (lo < doc->nblocks && !nc_label_kept(doc->blocks[lo].label))
        lo++;
    if (lo >= doc->nblocks)
        return false;
    *is = (island){lo, lo, 0, 0, true};
    size_t gap = 0;
    for (size_t i = lo; i < doc->nblocks && gap < gap_end; i++) {
        const nc_block *b = &doc->blocks[i];
        if (!nc_label_kept(b->label)) {
            gap++;
            continue;
        }
        gap = 0;
        is->hi = i + 1;
        is->words += b->words;
        is->sum += (double)b->score * b->words;
        is->headings = is->headings && b->label == NC_LABEL_HEADING;
    }
    return true;
}

static double island_mean(const island *is)
{
    return is->words > 0 ? is->sum / is->words : 0.0;
}

void nc_drop_far_islands(nc_doc *doc)
{
    const far_rule *r = &FAR_TEXT;
    if (doc->kind == NC_INPUT_HTML) {
        if (doc->page_type != NC_PAGE_ARTICLE)
            return;
        r = &FAR_HTML;
    }
    island body = {0}, any = {0}, is;
    size_t count = 0;
    for (size_t at = 0; next_island(doc, at, r->gap, &is); at = is.hi, count++) {
        if (count == 0 || is.words > any.words)
            any = is;
        if (!is.headings && is.words > body.words)
            body = is;
    }
    if (count < 2)
        return;
    if (body.words < KEPT_WORDS)
        body = any;
    double mean = island_mean(&body);
    if (mean < r->sure_body)
        return;
    for (size_t at = r->after_only ? body.hi : 0; next_island(doc, at, r->gap, &is);
         at = is.hi) {
        if (is.lo == body.lo || (!is.headings && island_mean(&is) >= mean - r->margin))
            continue;
        for (size_t i = is.lo; i < is.hi; i++) {
            nc_block *b = &doc->blocks[i];
            if (nc_label_kept(b->label) &&
                (b->reason == NC_REASON_MODEL || b->reason == NC_REASON_CONTEXT_KEEP ||
                 b->reason == NC_REASON_HEADING_MARKUP)) {
                b->label = NC_LABEL_BOILERPLATE;
                b->reason = NC_REASON_FAR_FROM_BODY;
            }
        }
    }
}
