/* blocks/html/best.c - the densest text container, Readability's way: every
 * paragraph-like element of 25+ characters scores 1 + its commas + a
 * point a 100 characters (at most 3) for its ancestors (all of it for the
 * parent, half for the grandparent, a third of the level for those above,
 * five levels up); a candidate starts from its tag's weight and +-25 for
 * its class words; the final score is cut by the candidate's link
 * density. Then Readability's refinements: a shared ancestor of several
 * near-best candidates, a parent that scores better, an only child's
 * parent; and siblings that score near the best join it. Elements with
 * unlikely class words (comments, sidebar, ...) are not scored unless
 * that leaves too little text, as Readability retries without them.
 * The chosen blocks get NC_IN_BEST, a feature for the classifier, not a
 * cut; NC_IN_BEST_WIDE marks a wider ancestor when it adds much more
 * paragraph text than other text (page builders split an article over
 * many small containers). Runs on records (blocks/html/html.h) filled during the parse: no tree. */
#include <stdlib.h>

#include "blocks/html/html.h"

enum {
    MIN_PARAGRAPH_CHARS = 25,
    ANCESTOR_LEVELS = 5,
    MIN_ARTICLE_CHARS = 500, /* less: retry with unlikely elements scored */
    TOP_CANDIDATES = 5
};
/* The final score is cut by (1 - link density) squared, not once as in
 * Readability: wcxb-dev token F1 of IN_BEST alone 0.924 -> 0.928,
 * readability 0.922 -> 0.923, traf-dev snippet F1 0.850 -> 0.848. */
enum { LD_POWER = 2 };
/* How much a character of other text (menus, captions, short lines)
 * costs against one of paragraph text when widening (8: wcxb-dev token
 * F1 of the wide container alone 0.920, of the best one 0.916). */
#define WIDEN_OTHER 8.0

static float initial_score(const nc_html_rec *r)
{
    return (float)r->weight + (float)r->class_weight;
}

void nc_html_rec_close(nc_html_rec *recs, uint32_t i, uint32_t nrecs)
{
    nc_html_rec *r = &recs[i];
    r->end = nrecs - 1;
    if (r->parent == NC_HTML_NONE)
        return;
    nc_html_rec *p = &recs[r->parent];
    p->chars += r->chars;
    p->link_chars += r->link_chars;
    p->para_chars += r->para_chars;
    /* Readability scores p, td, pre, h2-h6 and text-only divs (and
     * sections): not list items, captions or definitions, whose many
     * short entries would make a list look like an article. */
    switch (r->tag) {
    case NC_TAG_LI: case NC_TAG_DT: case NC_TAG_DD: case NC_TAG_FIGCAPTION:
    case NC_TAG_H1:
        return;
    default:
        break;
    }
    if (r->direct_chars < MIN_PARAGRAPH_CHARS)
        return;
    r->para_chars += r->direct_chars;
    p->para_chars += r->direct_chars;
    uint32_t hundreds = r->direct_chars / 100;
    float s = 1.0f + (float)r->commas + (float)(hundreds < 3 ? hundreds : 3);
    bool likely = !(r->flags & NC_REC_UNLIKELY);
    uint32_t a = r->parent;
    for (int level = 0; level < ANCESTOR_LEVELS && a != NC_HTML_NONE; level++) {
        nc_html_rec *anc = &recs[a];
        float share = s / (level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3);
        if (!(anc->flags & NC_REC_SCORED_ALL)) {
            anc->flags |= NC_REC_SCORED_ALL;
            anc->score_all = initial_score(anc);
        }
        anc->score_all += share;
        if (likely) {
            if (!(anc->flags & NC_REC_SCORED)) {
                anc->flags |= NC_REC_SCORED;
                anc->score = initial_score(anc);
            }
            anc->score += share;
        }
        a = anc->parent;
    }
}

static float link_density(const nc_html_rec *r)
{
    return r->chars ? (float)r->link_chars / (float)r->chars : 0.0f;
}

/* Is a an ancestor of (or) b? Records nest by id ranges. */
static bool contains(const nc_html_rec *recs, uint32_t a, uint32_t b)
{
    return a <= b && b <= recs[a].end;
}

/* The best candidate by one of the two scores, scaled by link density
 * into r->work; NC_HTML_NONE when there is none. */
static uint32_t pick(nc_html_rec *recs, uint32_t nrecs, uint8_t flag, bool all,
                     uint32_t top[TOP_CANDIDATES])
{
    float top_score[TOP_CANDIDATES];
    for (int k = 0; k < TOP_CANDIDATES; k++)
        top[k] = NC_HTML_NONE;
    for (uint32_t i = 0; i < nrecs; i++) {
        nc_html_rec *r = &recs[i];
        if (!(r->flags & flag))
            continue;
        float keep = 1.0f - link_density(r);
        for (int k = 1; k < LD_POWER; k++)
            keep *= 1.0f - link_density(r);
        float s = (all ? r->score_all : r->score) * keep;
        r->work = s;
        for (int k = 0; k < TOP_CANDIDATES; k++) {
            if (top[k] == NC_HTML_NONE || s > top_score[k]) {
                for (int m = TOP_CANDIDATES - 1; m > k; m--) {
                    top[m] = top[m - 1];
                    top_score[m] = top_score[m - 1];
                }
                top[k] = i;
                top_score[k] = s;
                break;
            }
        }
    }
    return top[0];
}

static bool scored(const nc_html_rec *r, uint8_t flag) { return r->flags & flag; }

/* Readability's refinements of the top candidate. */
static uint32_t refine(const nc_html_rec *recs, uint32_t best, uint8_t flag,
                       const uint32_t top[TOP_CANDIDATES])
{
    /* Several near-best candidates inside one ancestor: that ancestor. */
    uint32_t alt[TOP_CANDIDATES];
    int nalt = 0;
    for (int k = 1; k < TOP_CANDIDATES && top[k] != NC_HTML_NONE; k++)
        if (recs[top[k]].work >= 0.75f * recs[best].work)
            alt[nalt++] = top[k]; /* inside it too, as Readability counts */
    if (nalt >= 3) {
        for (uint32_t a = recs[best].parent; a != NC_HTML_NONE && recs[a].parent != NC_HTML_NONE;
             a = recs[a].parent) {
            int inside = 0;
            for (int k = 0; k < nalt; k++)
                inside += contains(recs, a, alt[k]);
            if (inside >= 3) {
                best = a;
                break;
            }
        }
    }
    /* A parent that scores better than its child takes over. */
    float last = recs[best].work, threshold = last / 3;
    for (uint32_t a = recs[best].parent; a != NC_HTML_NONE && recs[a].parent != NC_HTML_NONE;
         a = recs[a].parent) {
        if (!scored(&recs[a], flag))
            continue;
        if (recs[a].work < threshold)
            break;
        if (recs[a].work > last) {
            best = a;
            break;
        }
        last = recs[a].work;
    }
    /* An only child stands for its parent. */
    while (recs[best].parent != NC_HTML_NONE && recs[recs[best].parent].parent != NC_HTML_NONE &&
           recs[recs[best].parent].children == 1)
        best = recs[best].parent;
    return best;
}

/* The article is often split over sibling containers that each score
 * little (page builders put every paragraph in a widget of its own): an
 * ancestor that adds more paragraph text than other text is the article. */
static uint32_t widen(const nc_html_rec *recs, uint32_t best)
{
    double base = (double)recs[best].para_chars -
                  WIDEN_OTHER * (double)(recs[best].chars - recs[best].para_chars);
    uint32_t chosen = best;
    for (uint32_t a = recs[best].parent; a != NC_HTML_NONE && recs[a].parent != NC_HTML_NONE;
         a = recs[a].parent) {
        double s = (double)recs[a].para_chars -
                   WIDEN_OTHER * (double)(recs[a].chars - recs[a].para_chars);
        if (s > base) {
            base = s;
            chosen = a;
        }
    }
    return chosen;
}

/* Whether id lies in one of n sorted, disjoint [first, last] ranges. */
static bool in_ranges(uint32_t (*ranges)[2], size_t n, uint32_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ranges[mid][1] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && ranges[lo][0] <= id;
}

void nc_html_mark_best(nc_doc *doc, nc_html_rec *recs, uint32_t nrecs,
                       const uint32_t *block_rec)
{
    uint32_t top[TOP_CANDIDATES];
    uint8_t flag = NC_REC_SCORED;
    uint32_t best = pick(recs, nrecs, flag, false, top);
    if (best == NC_HTML_NONE || recs[best].chars < MIN_ARTICLE_CHARS ||
        recs[best].work <= 0) {
        /* Unlikely words can sit on a wrapper around the whole article
         * ("layout-sidebar-right"): Readability's retry without them. */
        flag = NC_REC_SCORED_ALL;
        best = pick(recs, nrecs, flag, true, top);
    }
    if (best == NC_HTML_NONE || recs[best].work <= 0)
        return;
    best = refine(recs, best, flag, top);
    uint32_t wide = widen(recs, best);
    /* Siblings that score near the best one, or paragraphs of plain text
     * beside it, belong to the article too (Readability's sibling pass). */
    uint32_t parent = recs[best].parent;
    float best_score = recs[best].work;
    float threshold = best_score * 0.2f > 10 ? best_score * 0.2f : 10;
    size_t n = 0, cap = 16;
    uint32_t (*ranges)[2] = malloc(cap * sizeof *ranges);
    if (!ranges)
        return; /* a feature lost, not a failure */
    for (uint32_t i = parent == NC_HTML_NONE ? best : parent + 1;
         i < nrecs && (parent == NC_HTML_NONE || i <= recs[parent].end);
         i = recs[i].end + 1) {
        const nc_html_rec *r = &recs[i];
        bool keep = i == best;
        /* Readability: a sibling of the same class as the best scores a
         * fifth of the best's score more. */
        float bonus = r->class_hash && r->class_hash == recs[best].class_hash
                          ? best_score * 0.2f
                          : 0.0f;
        if (!keep && scored(r, flag) && r->work + bonus >= threshold)
            keep = true;
        if (!keep && r->tag == NC_TAG_P) {
            float density = r->chars ? link_density(r) : 1;
            keep = r->chars > 80 && density < 0.25f;
        }
        if (keep) {
            if (n == cap) {
                void *p = realloc(ranges, cap * 2 * sizeof *ranges);
                if (!p)
                    break;
                ranges = p;
                cap *= 2;
            }
            ranges[n][0] = i;
            ranges[n][1] = r->end;
            n++;
        }
        if (parent == NC_HTML_NONE)
            break;
    }
    for (size_t i = 0; i < n; i++)
        recs[ranges[i][0]].flags |= NC_REC_BEST;
    for (size_t b = 0; b < doc->nblocks; b++) {
        uint32_t r = block_rec[b];
        if (r == NC_HTML_NONE)
            continue;
        if (in_ranges(ranges, n, r))
            doc->blocks[b].in |= NC_IN_BEST | NC_IN_BEST_WIDE;
        else if (contains(recs, wide, r))
            doc->blocks[b].in |= NC_IN_BEST_WIDE;
    }
    free(ranges);
}
