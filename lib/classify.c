/* classify.c - labels and reasons. Three steps:
 *  1. stage 1: the learned model scores each block from its own features;
 *  2. stage 2, the context pass: the model scores it again with the
 *     neighbours' stage-1 scores (as jusText revises short blocks by their
 *     neighbours, but learned): short body lines between body paragraphs
 *     survive, short boilerplate amid boilerplate goes;
 *  3. labels: body or heading above the threshold (moved by recall_bias);
 *     the title; for the rest, the detector that best explains it names
 *     the label and the reason. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "feature_slots.h"
#include "model.h"
#include "patterns.h"

float nc_model_predict(const nc_tree_model *m, const float *x)
{
    double raw = m->baseline;
    for (uint32_t t = 0; t < m->ntrees; t++) {
        const nc_tree_node *n = &m->nodes[m->roots[t]];
        while (n->feature >= 0)
            n = &m->nodes[x[n->feature] <= n->threshold ? n->left : n->right];
        raw += n->value;
    }
    return (float)(1.0 / (1.0 + exp(-raw)));
}

/* The stage-2 inputs; tools/train.py's context_features() is the same. */
static void context_features(nc_doc *doc, int base)
{
    size_t n = doc->nblocks;
    double total = 0, body_total = 0;
    for (size_t i = 0; i < n; i++) {
        total += doc->blocks[i].words;
        if (doc->blocks[i].score >= 0.5f)
            body_total += doc->blocks[i].words;
    }
    if (total < 1)
        total = 1;
    double before = 0;
    for (size_t i = 0; i < n; i++) {
        nc_block *b = &doc->blocks[i];
        float *c = b->feat + base;
#define P(k) doc->blocks[k].score
        c[0] = i >= 2 ? P(i - 2) : -1.0f;
        c[1] = i >= 1 ? P(i - 1) : -1.0f;
        c[2] = i + 1 < n ? P(i + 1) : -1.0f;
        c[3] = i + 2 < n ? P(i + 2) : -1.0f;
        double sw = 0, spw = 0;
        for (size_t k = i >= 5 ? i - 5 : 0; k < n && k <= i + 5; k++)
            if (k != i) {
                sw += doc->blocks[k].words;
                spw += (double)P(k) * doc->blocks[k].words;
            }
        c[4] = sw > 0 ? (float)(spw / sw) : -1.0f;
        float mx = -1.0f;
        for (size_t k = i >= 3 ? i - 3 : 0; k < i; k++)
            mx = P(k) > mx ? P(k) : mx;
        c[5] = mx;
        mx = -1.0f;
        for (size_t k = i + 1; k < n && k <= i + 3; k++)
            mx = P(k) > mx ? P(k) : mx;
        c[6] = mx;
#undef P
        double mine = b->score >= 0.5f ? b->words : 0;
        c[7] = (float)(before / total);
        c[8] = (float)((body_total - before - mine) / total);
        before += mine;
    }
}

/* A kept block that reads as a heading: short, no sentence end. */
static bool heading_like(const nc_block *b)
{
    if (b->tag >= NC_TAG_H1 && b->tag <= NC_TAG_H6)
        return true;
    return b->words <= 20 && b->feat[F_END_PUNCT] == 0.0f;
}

/* Names the label and reason of a dropped block from the strongest sign. */
static void explain_drop(const nc_doc *doc, nc_block *b)
{
    unsigned lex = nc_lexicon_bits(doc, b);
    bool hits[NC_LEX_COUNT];
    for (int k = 0; k < NC_LEX_COUNT; k++)
        hits[k] = lex & NC_LEX_BIT(k);
    const float *f = b->feat;
    b->label = NC_LABEL_BOILERPLATE;
    b->reason = NC_REASON_MODEL;
    if (b->letters == 0 && b->words == 0) {
        b->label = NC_LABEL_UI;
        b->reason = NC_REASON_EMPTY;
    } else if (f[F_COUNTER] > 0) { /* counter: digits only */
        b->label = NC_LABEL_UI;
        b->reason = NC_REASON_COUNTER;
    } else if (f[F_SCRIPT_OTHER] > 0) { /* script_other */
        b->label = NC_LABEL_FOREIGN;
        b->reason = NC_REASON_FOREIGN_SCRIPT;
    } else if (b->lang_score < 0 && b->words <= 12) {
        b->label = NC_LABEL_FOREIGN;
        b->reason = NC_REASON_FOREIGN_WORDS;
    } else if (hits[NC_LEX_CREDIT]) {
        b->label = NC_LABEL_CREDIT;
        b->reason = NC_REASON_CREDIT_PATTERN;
    } else if (f[F_SITE_SUFFIX] >= 2) { /* repeated " - Site" suffix */
        b->label = NC_LABEL_CAPTION;
        b->reason = NC_REASON_SITE_SUFFIX;
    } else if (hits[NC_LEX_CAPTION] || (b->in & NC_IN_FIGURE) ||
               b->tag == NC_TAG_FIGCAPTION || (b->hints & NC_HINT_CAPTION)) {
        b->label = NC_LABEL_CAPTION;
        b->reason = hits[NC_LEX_CAPTION] ? NC_REASON_CAPTION_WORDS : NC_REASON_MARKUP;
    } else if (hits[NC_LEX_COMMENT] || (b->hints & NC_HINT_COMMENT)) {
        b->label = NC_LABEL_COMMENT;
        b->reason = hits[NC_LEX_COMMENT] ? NC_REASON_UI_PHRASE : NC_REASON_MARKUP;
    } else if (hits[NC_LEX_LEGAL]) {
        b->label = NC_LABEL_LEGAL;
        b->reason = NC_REASON_LEGAL_PHRASE;
    } else if (hits[NC_LEX_UI] && b->words <= 12) {
        b->label = NC_LABEL_UI;
        b->reason = NC_REASON_UI_PHRASE;
    } else if (hits[NC_LEX_RELATED] || (b->hints & (NC_HINT_RELATED | NC_HINT_PROMO))) {
        b->label = NC_LABEL_RELATED;
        b->reason = hits[NC_LEX_RELATED] ? NC_REASON_UI_PHRASE : NC_REASON_MARKUP;
    } else if (f[F_DATE] > 0 || f[F_BYLINE] > 0 || (b->hints & NC_HINT_BYLINE)) {
        b->label = NC_LABEL_BYLINE;
        b->reason = NC_REASON_BYLINE_PATTERN;
    } else if (b->in & (NC_IN_NAV | NC_IN_HEADER | NC_IN_FOOTER | NC_IN_ASIDE |
                        NC_IN_FORM | NC_IN_BUTTON) ||
               (b->hints & (NC_HINT_NAV | NC_HINT_BREADCRUMB))) {
        b->label = NC_LABEL_NAVIGATION;
        b->reason = NC_REASON_MARKUP;
    } else if (f[F_LINK_DENSITY] > 0.5f) { /* link density */
        b->label = NC_LABEL_NAVIGATION;
        b->reason = NC_REASON_LINK_DENSE;
    } else if (b->repeat > 1) {
        b->label = NC_LABEL_DUPLICATE;
        b->reason = NC_REASON_REPEATED;
    } else if (b->words <= 20 && f[F_CAP_RATIO] >= 0.6f && f[F_END_PUNCT] == 0.0f) {
        b->label = b->words <= 3 ? NC_LABEL_NAVIGATION : NC_LABEL_RELATED;
        b->reason = NC_REASON_HEADLINE_RUN;
    } else if (b->score1 >= 0.5f) {
        b->reason = NC_REASON_CONTEXT_DROP;
    } else if (f[C_BODY_BEFORE] <= 0.0f || f[C_BODY_AFTER] <= 0.0f) {
        b->reason = NC_REASON_OUTSIDE_BODY;
    }
}

static void relabel(nc_block *b, nc_label label, nc_reason reason)
{
    b->label = label;
    b->reason = reason;
}

/* The named detectors that overrule the model (each measured in
 * docs/algorithm.md): a caption ending in a " - Site" suffix that repeats
 * on the page, and a headline-cased teaser right after a caption. */
static bool is_caption_drop(const nc_block *b)
{
    return b->label == NC_LABEL_CAPTION || b->label == NC_LABEL_CREDIT;
}

static bool headline_cased(const nc_block *b)
{
    return b->words >= 4 && b->words <= 25 && b->feat[F_CAP_RATIO] >= 0.6f &&
           b->feat[F_END_PUNCT] == 0.0f;
}

/* "By Jane Doe", "Von ...", "Publié le ...": a byline or dateline opens
 * the line (a heading may say "by" anywhere else). */
static bool byline_start(const nc_block *b)
{
    static const char *const starts[] = {
        "By ", "BY ", "Von ", "Par ", "Por ", "Di ", "Door ", "Written by ",
        "Posted by ", "Posted on ", "Published ", "Updated ", "Publié le ",
        "Publicado ", "Veröffentlicht ", "Aktualisiert ", "Stand: "};
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
        size_t n = strlen(starts[k]);
        if (b->len > n && memcmp(b->text, starts[k], n) == 0)
            return true;
    }
    return false;
}

/* "3 min read", "Lesezeit: 4 Min.": article metadata, not a heading. */
static bool reading_time(const nc_block *b)
{
    static const char *const marks[] = {"min read", "minute read", "minutes read",
                                        "Min read", "reading time", "Reading time",
                                        "Lesezeit", "min de lecture", "Min. Lesezeit"};
    if (b->words > 6 || b->len > 64)
        return false;
    char buf[72];
    memcpy(buf, b->text, b->len);
    buf[b->len] = '\0';
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
        if (strstr(buf, marks[k]))
            return true;
    return false;
}

/* A short date line alone (a run of dated lines is a table or a list). */
static bool lone_date(const nc_doc *doc, size_t i)
{
    const nc_block *b = &doc->blocks[i];
    if (b->feat[F_DATE] <= 0 || b->words > 8 || (b->in & (NC_IN_TABLE | NC_IN_LIST)))
        return false;
    return !(i > 0 && doc->blocks[i - 1].feat[F_DATE] > 0) &&
           !(i + 1 < doc->nblocks && doc->blocks[i + 1].feat[F_DATE] > 0);
}

static bool is_kept(const nc_block *b)
{
    return b->label == NC_LABEL_BODY || b->label == NC_LABEL_HEADING;
}


static void apply_detectors(nc_doc *doc)
{
    bool text = doc->kind != NC_INPUT_HTML;

    for (size_t i = 0; i < doc->nblocks; i++) {
        nc_block *b = &doc->blocks[i];
        if (!is_kept(b))
            continue;
        const nc_block *prev = i > 0 ? &doc->blocks[i - 1] : NULL;
        bool short_line = b->label == NC_LABEL_HEADING && b->words <= 14 &&
                          !(b->tag >= NC_TAG_H1 && b->tag <= NC_TAG_H6);
        if (text && b->feat[F_SITE_SUFFIX] >= 2) {
            relabel(b, NC_LABEL_CAPTION, NC_REASON_SITE_SUFFIX);
        } else if (b->words <= 30 && b->feat[F_CREDIT] > 0) {
            relabel(b, NC_LABEL_CREDIT, NC_REASON_CREDIT_PATTERN);
        } else if (short_line && (byline_start(b) || lone_date(doc, i) ||
                                  reading_time(b))) {
            relabel(b, NC_LABEL_BYLINE, NC_REASON_BYLINE_PATTERN);
        } else if ((b->label == NC_LABEL_HEADING &&
                    (nc_lexicon_bits(doc, b) & NC_LEX_BIT(NC_LEX_RELATED))) ||
                   (b->words <= 25 && nc_lead_phrase(b->text, b->len))) {
            relabel(b, NC_LABEL_RELATED, NC_REASON_UI_PHRASE);
        } else if (text && prev && ((headline_cased(b) && is_caption_drop(prev)) ||
                                    (short_line && prev->label == NC_LABEL_RELATED))) {
            relabel(b, NC_LABEL_RELATED, NC_REASON_HEADLINE_RUN);
        }
    }
}

/* For text input: the title is the headline-like block nearest before the
 * first body paragraph (4 to 30 words, no sentence end, not a credit). */
static void choose_title(nc_doc *doc, size_t first_body)
{
    if (doc->title) {
        for (size_t i = 0; i < first_body && i < doc->nblocks; i++) {
            nc_block *b = &doc->blocks[i];
            if (b->feat[F_TITLE_LIKE] > 0) {
                b->label = NC_LABEL_TITLE;
                b->reason = NC_REASON_TITLE_MATCH;
            }
        }
        return;
    }
    for (size_t i = first_body; i-- > 0;) {
        nc_block *b = &doc->blocks[i];
        if (b->words < 4 || b->words > 30 || b->label == NC_LABEL_FOREIGN ||
            b->feat[F_END_PUNCT] > 0 || b->feat[F_CREDIT] > 0 ||
            b->feat[F_SITE_SUFFIX] >= 2 || b->feat[F_SCRIPT_OTHER] > 0 ||
            b->feat[F_DATE] > 0 || b->feat[F_BYLINE] > 0)
            continue;
        b->label = NC_LABEL_TITLE;
        b->reason = NC_REASON_TITLE_MATCH;
        doc->title = b->text;
        return;
    }
}

/* A short page (a note, a test fixture, a one-paragraph post) can leave
 * no block over the threshold; a caller asked for the body, so the
 * blocks that score at least half the page's best are kept, title
 * included, rather than nothing. */
static void keep_best_when_empty(nc_doc *doc)
{
    float best = 0.0f;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const nc_block *b = &doc->blocks[i];
        if (is_kept(b))
            return;
        if (b->score > best && b->feat[F_LINK_DENSITY] <= 0.5f)
            best = b->score;
    }
    if (best < 0.2f)
        return;
    for (size_t i = 0; i < doc->nblocks; i++) {
        nc_block *b = &doc->blocks[i];
        /* Never a page of links or menus: those have no body to give. */
        if (b->score >= 0.5f * best && b->words > 0 &&
            b->feat[F_LINK_DENSITY] <= 0.5f && !(b->in & NC_IN_NAV))
            relabel(b, NC_LABEL_BODY, NC_REASON_ONLY_TEXT);
    }
}

void nc_classify(nc_doc *doc)
{
    size_t n = doc->nblocks;
    if (n > 0) {
        /* The rows are one array (doc->feat), NC_NFEAT floats apart. */
        nc_model_predict_all(&nc_model_stage1, doc->blocks[0].feat, NC_NFEAT * sizeof(float), n,
                             &doc->blocks[0].score, sizeof(nc_block));
        context_features(doc, C_P_M2);
        for (size_t i = 0; i < n; i++)
            doc->blocks[i].score1 = doc->blocks[i].score;
        nc_model_predict_all(&nc_model_stage2, doc->blocks[0].feat, NC_NFEAT * sizeof(float), n,
                             &doc->blocks[0].score, sizeof(nc_block));
    }
    /* The model's balance point: markup evidence makes HTML scores surer,
     * and a slightly higher cut trades recall for precision profitably
     * there (docs/algorithm.md); recall_bias moves it either way. */
    float base = doc->kind == NC_INPUT_HTML ? 0.55f : 0.5f;
    float threshold = base - 0.35f * (float)doc->opts.recall_bias;
    size_t first_body = n;
    for (size_t i = 0; i < n; i++) {
        nc_block *b = &doc->blocks[i];
        if (b->score >= threshold) {
            b->label = heading_like(b) ? NC_LABEL_HEADING : NC_LABEL_BODY;
            b->reason = b->score1 >= threshold ? NC_REASON_MODEL
                                               : NC_REASON_CONTEXT_KEEP;
            if (b->tag >= NC_TAG_H1 && b->tag <= NC_TAG_H6)
                b->reason = NC_REASON_HEADING_MARKUP;
            if (first_body == n && b->label == NC_LABEL_BODY)
                first_body = i;
        } else {
            explain_drop(doc, b);
        }
    }
    apply_detectors(doc);
    nc_mark_language_pickers(doc);
    choose_title(doc, first_body);
    keep_best_when_empty(doc);
    /* The feature rows' last reader: they go before the result is built
     * (320 bytes a block: on a big page, more than its text). */
    for (size_t i = 0; i < n; i++)
        doc->blocks[i].feat = NULL;
    free(doc->feat);
    doc->feat = NULL;
}
