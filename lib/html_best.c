/* html_best.c - the densest text container, Readability's way: every
 * paragraph-like element scores 1 + its commas + a point a 100 characters
 * (at most 3) for its parent, half that for its grandparent; a candidate
 * starts from its tag's weight and +-25 for its class; the final score is
 * cut by the candidate's link density. The best candidate and siblings
 * scoring near it are "the article"; their blocks get NC_IN_BEST, a
 * feature for the classifier, not a cut. Runs on records (html.h) filled
 * during the parse, so it needs no tree. */
#include <stdlib.h>

#include "html.h"

enum { MIN_PARAGRAPH_CHARS = 25 };

static void add_score(nc_html_rec *r, float s)
{
    if (!(r->flags & NC_REC_SCORED)) {
        r->flags |= NC_REC_SCORED;
        r->score = r->weight;
        if (r->hints & NC_HINT_CONTENT)
            r->score += 25;
        if (r->hints & NC_HINT_UNLIKELY)
            r->score -= 25;
    }
    r->score += s;
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
    if (r->direct_chars < MIN_PARAGRAPH_CHARS || (r->flags & NC_REC_UNLIKELY))
        return;
    uint32_t hundreds = r->direct_chars / 100;
    float s = 1.0f + (float)r->commas + (float)(hundreds < 3 ? hundreds : 3);
    add_score(p, s);
    if (p->parent != NC_HTML_NONE)
        add_score(&recs[p->parent], s / 2);
}

static float final_score(const nc_html_rec *r)
{
    float density = r->chars ? (float)r->link_chars / (float)r->chars : 0.0f;
    return r->score * (1.0f - density);
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
    uint32_t best = NC_HTML_NONE;
    float best_score = 0;
    for (uint32_t i = 0; i < nrecs; i++) {
        if (!(recs[i].flags & NC_REC_SCORED))
            continue;
        float s = final_score(&recs[i]);
        if (best == NC_HTML_NONE || s > best_score) {
            best = i;
            best_score = s;
        }
    }
    if (best == NC_HTML_NONE || best_score <= 0)
        return;
    /* Siblings that score near the best one, or paragraphs of plain text
     * beside it, belong to the article too (Readability's sibling pass). */
    uint32_t parent = recs[best].parent;
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
        if (!keep && (r->flags & NC_REC_SCORED) && final_score(r) >= threshold)
            keep = true;
        if (!keep && r->tag == NC_TAG_P && !(r->flags & NC_REC_UNLIKELY)) {
            float density = r->chars ? (float)r->link_chars / (float)r->chars : 1;
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
    for (uint32_t i = 0; i < n; i++)
        recs[ranges[i][0]].flags |= NC_REC_BEST;
    for (size_t b = 0; b < doc->nblocks; b++)
        if (block_rec[b] != NC_HTML_NONE && in_ranges(ranges, n, block_rec[b]))
            doc->blocks[b].in |= NC_IN_BEST;
    free(ranges);
}
