/* classify/classify.c - labels and reasons. Three steps:
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

#include <unicode/utf8.h>

#include "internal.h"
#include "classify/classify.h"
#include "classify/model.h"
#include "classify/fallback.h"
#include "classify/pickers.h"
#include "features/slots.h"
#include "rules/rules.h"

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

/* Each block's group_score1: how its look-alikes (the blocks of its
 * group, blocks/html/groups.c) scored in stage 1, so that a comment
 * thread or a row of cards is weighed as a whole. On no memory the
 * feature says -1. */
static void group_scores(nc_doc *doc)
{
    size_t n = doc->nblocks;
    for (size_t i = 0; i < n; i++)
        doc->blocks[i].group_score1 = -1.0f;
    if (!doc->ngroups)
        return;
    struct {
        double sum;
        uint32_t count;
    } *groups = calloc((size_t)doc->ngroups + 1, sizeof *groups);
    if (!groups)
        return;
    for (size_t i = 0; i < n; i++) {
        const nc_block *b = &doc->blocks[i];
        groups[b->group].sum += b->score1;
        groups[b->group].count++;
    }
    for (size_t i = 0; i < n; i++) {
        nc_block *b = &doc->blocks[i];
        if (b->group && groups[b->group].count > 1)
            b->group_score1 =
                (float)((groups[b->group].sum - b->score1) / (groups[b->group].count - 1));
    }
    free(groups);
}

/* The stage-2 inputs; tools/train.py's context_features() is the same.
 * They read the neighbours' stage-1 scores (score1), their groups' and
 * three page totals, so a big page can fill them a window of rows at a
 * time, in order. The third is how sure stage 1 is of the page's body
 * (the word-weighted mean score of the blocks it keeps): a page whose
 * body reads at 0.95 has its doubtful blocks around that body, one read
 * at 0.7 is one whose writing the model knows less well. */
void nc_classify_context_start(nc_doc *doc, nc_context_walk *cw)
{
    group_scores(doc);
    cw->total = 0;
    cw->body_total = 0;
    cw->before = 0;
    double sure = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        cw->total += doc->blocks[i].words;
        if (doc->blocks[i].score1 >= 0.5f) {
            cw->body_total += doc->blocks[i].words;
            sure += (double)doc->blocks[i].score1 * doc->blocks[i].words;
        }
    }
    cw->sure = cw->body_total > 0 ? (float)(sure / cw->body_total) : -1.0f;
    if (cw->total < 1)
        cw->total = 1;
}

/* Blocks [lo, hi): row i - lo of rows, slots base .. base + 10. */
static void context_features(const nc_doc *doc, nc_context_walk *cw, size_t lo,
                             size_t hi, float *rows, int base)
{
    size_t n = doc->nblocks;
    double total = cw->total, body_total = cw->body_total, before = cw->before;
    for (size_t i = lo; i < hi; i++) {
        const nc_block *b = &doc->blocks[i];
        float *c = rows + (i - lo) * NC_NFEAT + base;
#define P(k) doc->blocks[k].score1
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
        double mine = b->score1 >= 0.5f ? b->words : 0;
        c[7] = (float)(before / total);
        c[8] = (float)((body_total - before - mine) / total);
        c[9] = b->group_score1;
        c[10] = cw->sure;
        before += mine;
    }
    cw->before = before;
}

/* The feature tests the labelling below makes, as bits of b->facts: the
 * rows are gone by then (on a big page only a window of them is made). */
enum {
    FACT_END_PUNCT = 1u << 0,     /* F_END_PUNCT > 0 */
    FACT_NO_END_PUNCT = 1u << 1,  /* F_END_PUNCT == 0 */
    FACT_COUNTER = 1u << 2,       /* F_COUNTER > 0 */
    FACT_SCRIPT_OTHER = 1u << 3,  /* b->script_other */
    FACT_SITE_SUFFIX = 1u << 4,   /* F_SITE_SUFFIX >= 2 */
    FACT_DATE = 1u << 5,          /* F_DATE > 0 */
    FACT_BYLINE = 1u << 6,        /* F_BYLINE > 0 */
    FACT_CREDIT = 1u << 7,        /* F_CREDIT > 0 */
    FACT_TITLE_LIKE = 1u << 8,    /* F_TITLE_LIKE > 0 */
    FACT_LINK_DENSE = 1u << 9,    /* F_LINK_DENSITY > 0.5 */
    FACT_LINK_SPARSE = 1u << 10,  /* F_LINK_DENSITY <= 0.5 */
    FACT_CAPS = 1u << 11,         /* F_CAP_RATIO >= 0.6 */
    FACT_NO_BODY_BEFORE = 1u << 12, /* C_BODY_BEFORE <= 0 */
    FACT_NO_BODY_AFTER = 1u << 13   /* C_BODY_AFTER <= 0 */
};

static void keep_facts(nc_doc *doc, size_t lo, size_t hi, const float *rows)
{
    for (size_t i = lo; i < hi; i++) {
        const float *f = rows + (i - lo) * NC_NFEAT;
        unsigned t = 0;
        t |= f[F_END_PUNCT] > 0 ? FACT_END_PUNCT : 0;
        t |= f[F_END_PUNCT] == 0.0f ? FACT_NO_END_PUNCT : 0;
        t |= f[F_COUNTER] > 0 ? FACT_COUNTER : 0;
        t |= doc->blocks[i].script_other ? FACT_SCRIPT_OTHER : 0;
        t |= f[F_SITE_SUFFIX] >= 2 ? FACT_SITE_SUFFIX : 0;
        t |= f[F_DATE] > 0 ? FACT_DATE : 0;
        t |= f[F_BYLINE] > 0 ? FACT_BYLINE : 0;
        t |= f[F_CREDIT] > 0 ? FACT_CREDIT : 0;
        t |= f[F_TITLE_LIKE] > 0 ? FACT_TITLE_LIKE : 0;
        t |= f[F_LINK_DENSITY] > 0.5f ? FACT_LINK_DENSE : 0;
        t |= f[F_LINK_DENSITY] <= 0.5f ? FACT_LINK_SPARSE : 0;
        t |= f[F_CAP_RATIO] >= 0.6f ? FACT_CAPS : 0;
        t |= f[C_BODY_BEFORE] <= 0.0f ? FACT_NO_BODY_BEFORE : 0;
        t |= f[C_BODY_AFTER] <= 0.0f ? FACT_NO_BODY_AFTER : 0;
        doc->blocks[i].facts = (uint16_t)t;
    }
}

static bool has(const nc_block *b, unsigned fact) { return (b->facts & fact) != 0; }

/* A kept block that reads as a heading: short, no sentence end. */
static bool heading_like(const nc_block *b)
{
    if (nc_tag_heading(b->tag))
        return true;
    return b->words <= 20 && has(b, FACT_NO_END_PUNCT);
}

/* Which lexicons have hits in block b: bit NC_LEX_BIT(lex). Kept from the
 * features stage's scan (doc->lexicon_bits), so classify does not scan
 * again; scans when that is missing. */
static unsigned lexicon_bits(const nc_doc *doc, const nc_block *b)
{
    const uint8_t *kept = doc->lexicon_bits;
    if (kept && kept[b - doc->blocks] & NC_LEXICON_SCANNED)
        return kept[b - doc->blocks] & ~(unsigned)NC_LEXICON_SCANNED;
    return nc_lexicon_mask(b->text, b->len);
}

/* Names the label and reason of a dropped block from the strongest sign. */
static void explain_drop(const nc_doc *doc, nc_block *b)
{
    unsigned lex = lexicon_bits(doc, b);
    bool hits[NC_LEX_COUNT];
    for (int k = 0; k < NC_LEX_COUNT; k++)
        hits[k] = lex & NC_LEX_BIT(k);
    b->label = NC_LABEL_BOILERPLATE;
    b->reason = NC_REASON_MODEL;
    if (b->letters == 0 && b->words == 0) {
        b->label = NC_LABEL_UI;
        b->reason = NC_REASON_EMPTY;
    } else if (has(b, FACT_COUNTER)) { /* counter: digits only */
        b->label = NC_LABEL_UI;
        b->reason = NC_REASON_COUNTER;
    } else if (has(b, FACT_SCRIPT_OTHER)) { /* script_other */
        b->label = NC_LABEL_FOREIGN;
        b->reason = NC_REASON_FOREIGN_SCRIPT;
    } else if (b->lang_score < 0 && b->words <= 12) {
        b->label = NC_LABEL_FOREIGN;
        b->reason = NC_REASON_FOREIGN_WORDS;
    } else if (hits[NC_LEX_CREDIT]) {
        b->label = NC_LABEL_CREDIT;
        b->reason = NC_REASON_CREDIT_PATTERN;
    } else if (has(b, FACT_SITE_SUFFIX)) { /* repeated " - Site" suffix */
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
    } else if (has(b, FACT_DATE | FACT_BYLINE) || (b->hints & NC_HINT_BYLINE)) {
        b->label = NC_LABEL_BYLINE;
        b->reason = NC_REASON_BYLINE_PATTERN;
    } else if (b->in & (NC_IN_NAV | NC_IN_HEADER | NC_IN_FOOTER | NC_IN_ASIDE |
                        NC_IN_FORM | NC_IN_BUTTON) ||
               (b->hints & (NC_HINT_NAV | NC_HINT_BREADCRUMB))) {
        b->label = NC_LABEL_NAVIGATION;
        b->reason = NC_REASON_MARKUP;
    } else if (has(b, FACT_LINK_DENSE)) { /* link density */
        b->label = NC_LABEL_NAVIGATION;
        b->reason = NC_REASON_LINK_DENSE;
    } else if (b->repeat > 1) {
        b->label = NC_LABEL_DUPLICATE;
        b->reason = NC_REASON_REPEATED;
    } else if (b->words <= 20 && has(b, FACT_CAPS) && has(b, FACT_NO_END_PUNCT)) {
        b->label = b->words <= 3 ? NC_LABEL_NAVIGATION : NC_LABEL_RELATED;
        b->reason = NC_REASON_HEADLINE_RUN;
    } else if (b->score1 >= 0.5f) {
        b->reason = NC_REASON_CONTEXT_DROP;
    } else if (has(b, FACT_NO_BODY_BEFORE | FACT_NO_BODY_AFTER)) {
        b->reason = NC_REASON_OUTSIDE_BODY;
    }
}

static void relabel(nc_block *b, nc_label label, nc_reason reason)
{
    b->label = label;
    b->reason = reason;
}

/* The named detectors that overrule the model on a kept block, each
 * measured in docs/algorithm.md ("Detectors over the model"): a caption
 * ending in a " - Site" suffix that repeats on the page, look-alike
 * letters, ad labels and calls to action (rules/labels.c), rights notices,
 * credits, bylines, section labels, and a headline-cased teaser right
 * after a caption or a short line right after a section label; down the
 * list under the label only while the lines read as headlines (4 words or
 * more, no digits): a list of short items, prices or figures under a label
 * is most often the article's own. The first that fits decides. */
static bool is_caption_drop(const nc_block *b)
{
    return b->label == NC_LABEL_CAPTION || b->label == NC_LABEL_CREDIT;
}

static bool has_digit(const nc_block *b)
{
    for (size_t k = 0; k < b->len; k++)
        if (b->text[k] >= '0' && b->text[k] <= '9')
            return true;
    return false;
}

/* A line that reads as another teaser's headline, not a list item. */
static bool teaser_headline(const nc_block *b)
{
    return b->words >= 4 && !has_digit(b);
}

static bool headline_cased(const nc_block *b)
{
    return b->words >= 4 && b->words <= 25 && has(b, FACT_CAPS) &&
           has(b, FACT_NO_END_PUNCT);
}

/* "3 min read", "Lesezeit: 4 Min.": article metadata in a short line, not
 * a heading (the marks: rules/words.c). */
static bool reading_time(const nc_block *b)
{
    return b->words <= 6 && b->len <= 64 && nc_reading_time(b->text, b->len);
}

/* A short date line alone (a run of dated lines is a table or a list).
 * The date feature takes any digits around a point; here the line must
 * hold a real date or time (nc_date_line): "Market share: 4.37%", "$22.00"
 * and "PCI Express 4.0" are a spec table's cells, not bylines. */
static bool lone_date(const nc_doc *doc, size_t i)
{
    const nc_block *b = &doc->blocks[i];
    if (!has(b, FACT_DATE) || b->words > 8 || (b->in & (NC_IN_TABLE | NC_IN_LIST)) ||
        !nc_date_line(b->text, b->len))
        return false;
    return !(i > 0 && has(&doc->blocks[i - 1], FACT_DATE)) &&
           !(i + 1 < doc->nblocks && has(&doc->blocks[i + 1], FACT_DATE));
}

/* "Yоur соntеnt іѕ dеlіvеrеd": Latin words with Cyrillic or Greek
 * look-alike letters in them, spam's way past filters. Real text mixes
 * scripts between words, not inside most of them (a formula or a code
 * table has a few such words: at least half must be). */
static bool homoglyph_words(const nc_block *b)
{
    const uint8_t *t = (const uint8_t *)b->text;
    size_t i = 0, n = b->len;
    unsigned words = 0, mixed = 0;
    bool latin = false, other = false, any_high = false;
    for (size_t k = 0; k < n && !any_high; k++)
        any_high = t[k] >= 0x80;
    if (!any_high)
        return false;
    while (i <= n) {
        UChar32 c = ' ';
        if (i < n)
            U8_NEXT(t, i, n, c);
        else
            i++;
        if (c == ' ') {
            if (latin || other) {
                words++;
                mixed += latin && other;
            }
            latin = other = false;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            latin = true;
        } else if (c >= 0x370 && c <= 0x4FF) { /* Greek and Cyrillic */
            other = true;
        }
    }
    return mixed >= 3 && 2 * mixed >= words;
}

static bool is_kept(const nc_block *b)
{
    return nc_label_kept(b->label);
}


/* A short line wholly in another script than the page's, kept as a
 * heading: a UI string of another language ("Share" on a Russian page).
 * Three words at most: a longer heading in another script is a quoted
 * title; and every letter foreign: "[责任编辑：alonliu]" (an editor's
 * credit) is the page's own. */
static bool foreign_ui_line(const nc_block *b)
{
    return b->label == NC_LABEL_HEADING && b->words <= 3 && b->script_all_other &&
           !nc_tag_heading(b->tag);
}

/* In text, a related list goes on past the items the model dropped: a
 * dropped "Read also" (a lead phrase), or a dropped headline right under
 * such a label, is named related (when no sign of its own named it), so
 * the kept items after it are still read as the list's (the headline run
 * below). Only under the label: a dropped line that merely looks like a
 * headline (a table row in capitals) starts no list. Only the label of a
 * dropped block changes here. */
static void name_dropped_related(nc_block *b, const nc_block *prev)
{
    if (b->label != NC_LABEL_BOILERPLATE) /* a sign of its own named it */
        return;
    if (b->words <= 25 && nc_lead_phrase(b->text, b->len))
        relabel(b, NC_LABEL_RELATED, NC_REASON_UI_PHRASE);
    else if (prev && prev->label == NC_LABEL_RELATED && prev->reason == NC_REASON_UI_PHRASE &&
             b->words <= 14 && has(b, FACT_NO_END_PUNCT) && teaser_headline(b))
        relabel(b, NC_LABEL_RELATED, NC_REASON_HEADLINE_RUN);
}

static void apply_detectors(nc_doc *doc)
{
    bool text = doc->kind != NC_INPUT_HTML;

    for (size_t i = 0; i < doc->nblocks; i++) {
        nc_block *b = &doc->blocks[i];
        const nc_block *prev = i > 0 ? &doc->blocks[i - 1] : NULL;
        if (!is_kept(b)) {
            if (text)
                name_dropped_related(b, prev);
            continue;
        }
        bool short_line = b->label == NC_LABEL_HEADING && b->words <= 14 &&
                          !nc_tag_heading(b->tag);
        unsigned phrases = b->words <= 40 ? nc_block_phrases(b->text, b->len) : 0;
        if (text && has(b, FACT_SITE_SUFFIX)) {
            relabel(b, NC_LABEL_CAPTION, NC_REASON_SITE_SUFFIX);
        } else if (homoglyph_words(b)) {
            relabel(b, NC_LABEL_BOILERPLATE, NC_REASON_FOREIGN_SCRIPT);
        } else if (foreign_ui_line(b)) {
            relabel(b, NC_LABEL_FOREIGN, NC_REASON_FOREIGN_SCRIPT);
        } else if ((b->words <= 3 && (phrases & NC_PHRASE_AD)) ||
                   (b->words <= 30 && (phrases & NC_PHRASE_PROMO))) {
            relabel(b, NC_LABEL_UI, NC_REASON_UI_PHRASE);
        } else if (phrases & NC_PHRASE_LEGAL) {
            relabel(b, NC_LABEL_LEGAL, NC_REASON_LEGAL_PHRASE);
        } else if (b->words <= 30 && has(b, FACT_CREDIT)) {
            relabel(b, NC_LABEL_CREDIT, NC_REASON_CREDIT_PATTERN);
        } else if (short_line && (nc_byline_start(b->text, b->len) || lone_date(doc, i) ||
                                  reading_time(b))) {
            relabel(b, NC_LABEL_BYLINE, NC_REASON_BYLINE_PATTERN);
        } else if ((b->label == NC_LABEL_HEADING &&
                    (lexicon_bits(doc, b) & NC_LEX_BIT(NC_LEX_RELATED))) ||
                   (b->words <= 25 && nc_lead_phrase(b->text, b->len))) {
            relabel(b, NC_LABEL_RELATED, NC_REASON_UI_PHRASE);
        } else if (text && prev && ((headline_cased(b) && is_caption_drop(prev)) ||
                                    (short_line && prev->label == NC_LABEL_RELATED &&
                                     (prev->reason != NC_REASON_HEADLINE_RUN ||
                                      teaser_headline(b))))) {
            relabel(b, NC_LABEL_RELATED, NC_REASON_HEADLINE_RUN);
        }
    }
}

/* The length of the clock time (H:MM, HH:MM, 18h30) a block opens with,
 * 0 when it opens with none (the whole length when it is only the time). */
static size_t time_lead(const nc_block *b)
{
    const unsigned char *t = (const unsigned char *)b->text;
    size_t n = b->len, k = 0;
    while (k < n && k < 2 && t[k] >= '0' && t[k] <= '9')
        k++;
    if (k == 0 || k + 3 > n || (t[k] != ':' && t[k] != 'h'))
        return 0;
    if (!(t[k + 1] >= '0' && t[k + 1] <= '5' && t[k + 2] >= '0' && t[k + 2] <= '9'))
        return 0;
    return k + 3;
}

/* "14:32 Un artiste arrêté pour ...", or "14:10" alone over an entry: the
 * mark of a ticker or live-news entry. */
static bool ticker_mark(const nc_block *b)
{
    size_t k = time_lead(b);
    if (k == 0)
        return false;
    if (k == b->len)
        return true;
    if (b->text[k] != ' ' || k + 1 >= b->len || b->words > 30)
        return false;
    /* A letter or an opening quote next, not "12:30 p.m." or "10:00 - 12:00". */
    unsigned char c = (unsigned char)b->text[k + 1];
    return c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '"';
}

/* A news ticker or "latest news" box after the article: three or more
 * time-marked entries at most TICKER_GAP blocks apart, starting after
 * body text was already kept. The entries, what lies between them and
 * a short heading over them are dropped. */
enum { TICKER_GAP = 4 };

static void drop_tickers(nc_doc *doc)
{
    size_t n = doc->nblocks, i = 0;
    bool body_seen = false;
    while (i < n) {
        if (!ticker_mark(&doc->blocks[i])) {
            body_seen |= doc->blocks[i].label == NC_LABEL_BODY;
            i++;
            continue;
        }
        size_t first = i, last = i, count = 1;
        for (size_t j = i + 1; j < n && j <= last + TICKER_GAP; j++) {
            if (ticker_mark(&doc->blocks[j])) {
                last = j;
                count++;
            }
        }
        if (count >= 3 && body_seen) {
            /* with its own short heading ("Direct", "Latest") */
            if (first > 0 && doc->blocks[first - 1].label == NC_LABEL_HEADING &&
                doc->blocks[first - 1].words <= 3)
                first--;
            for (size_t j = first; j <= last; j++)
                if (is_kept(&doc->blocks[j]))
                    relabel(&doc->blocks[j], NC_LABEL_RELATED, NC_REASON_HEADLINE_RUN);
        }
        i = last + 1;
    }
}

/* The number of one to three digits at *t, which is moved past it; false
 * when there is none or a longer one. */
static bool read_small_number(const char **t, const char *end, unsigned *v)
{
    const char *p = *t;
    *v = 0;
    while (p < end && p - *t < 3 && *p >= '0' && *p <= '9')
        *v = *v * 10 + (unsigned)(*p++ - '0');
    if (p == *t || (p < end && *p >= '0' && *p <= '9'))
        return false;
    *t = p;
    return true;
}

/* The slide number a block opens with ("12/50 Star Wars boosts economy",
 * "3 of 5", "7/7" alone): true with k and of set, 1 <= k <= of, of >= 3. */
static bool slide_mark(const nc_block *b, unsigned *k, unsigned *of)
{
    const char *t = b->text, *end = b->text + b->len;
    if (!read_small_number(&t, end, k))
        return false;
    if (t < end && *t == ' ')
        t++;
    if (t < end && *t == '/')
        t++;
    else if (end - t >= 2 && t[0] == 'o' && t[1] == 'f')
        t += 2;
    else
        return false;
    if (t < end && *t == ' ')
        t++;
    if (!read_small_number(&t, end, of) || (t < end && *t != ' '))
        return false;
    return *of >= 3 && *k >= 1 && *k <= *of;
}

/* A photo gallery after the article: three or more slides numbered in
 * order ("1/50 United goin down", its caption, its credit; "2/50 ..."),
 * the marks short (a slide's title, not a numbered tweet or a caption
 * that says everything) and at most GALLERY_GAP blocks apart, after
 * GALLERY_AFTER kept words of body (a slideshow page's slides are its
 * body). The slides are dropped, the last one as long as the others. */
enum { GALLERY_GAP = 6, GALLERY_AFTER = 150, GALLERY_MARK_WORDS = 12 };

static bool gallery_mark(const nc_block *b, unsigned *k, unsigned *of)
{
    return b->words <= GALLERY_MARK_WORDS && slide_mark(b, k, of);
}

static void drop_gallery(nc_doc *doc)
{
    size_t n = doc->nblocks, body_words = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned k, of;
        if (!gallery_mark(&doc->blocks[i], &k, &of) || k != 1) {
            if (is_kept(&doc->blocks[i]))
                body_words += doc->blocks[i].words;
            continue;
        }
        size_t last = i, slides = 1;
        for (size_t j = i + 1; j < n && j <= last + GALLERY_GAP; j++) {
            unsigned kj, ofj;
            if (gallery_mark(&doc->blocks[j], &kj, &ofj) && ofj == of && kj == slides + 1) {
                last = j;
                slides++;
            }
        }
        if (slides < 3 || body_words < GALLERY_AFTER)
            continue;
        size_t end = last + (last - i) / (slides - 1);
        for (size_t j = i; j < end && j < n; j++)
            if (is_kept(&doc->blocks[j]))
                relabel(&doc->blocks[j], NC_LABEL_CAPTION, NC_REASON_GALLERY);
        i = end - 1;
    }
}

/* A reader-comment thread under a text's article: in plain text no
 * markup says where the article ends, and comments read as body
 * paragraphs. The thread opens with a count the comment phrases name
 * ("109 Comments", "59 Comments on ..."), after at least THREAD_BEFORE
 * kept words, and each comment carries a mark: a dated byline ("July 14,
 * 2015 at 3:53 pm", "#2 · Aug 5, 2023") or a short comment phrase
 * ("Reply", "reply to comment"). Three or more marks after the count, each
 * at most THREAD_GAP blocks after the one before, are a thread: what is kept
 * from the count to the last comment is dropped as comment-thread. A forum
 * is not an article with comments: its first post carries the same dated
 * marks, so a page with more than one of them in the THREAD_GAP blocks
 * before its first kept block or between it and the count is left alone. */
enum { THREAD_BEFORE = 100, THREAD_GAP = 12, THREAD_MARKS = 3 };

static bool dated_byline(const nc_block *b)
{
    return !is_kept(b) && b->label == NC_LABEL_BYLINE && b->words <= 10 && has(b, FACT_DATE);
}

static bool thread_mark(const nc_block *b)
{
    return dated_byline(b) || (!is_kept(b) && b->label == NC_LABEL_COMMENT && b->words <= 4);
}

static bool thread_count(const nc_block *b)
{
    return b->label == NC_LABEL_COMMENT && b->reason == NC_REASON_UI_PHRASE && has_digit(b);
}

static void drop_comment_thread(nc_doc *doc)
{
    size_t n = doc->nblocks, first = n, head = n, kept = 0;
    for (size_t i = 0; i < n && head == n; i++) {
        const nc_block *b = &doc->blocks[i];
        if (first == n && is_kept(b))
            first = i;
        else if (first < n && thread_count(b))
            head = i;
        if (is_kept(b))
            kept += b->words;
    }
    if (head == n || kept < THREAD_BEFORE)
        return;
    size_t marks = 0;
    for (size_t i = first > THREAD_GAP ? first - THREAD_GAP : 0; i < head; i++)
        marks += dated_byline(&doc->blocks[i]);
    if (marks > 1)
        return;
    size_t last = head, count = 0;
    for (size_t i = head + 1; i < n && i <= last + THREAD_GAP; i++) {
        if (thread_mark(&doc->blocks[i])) {
            last = i;
            count++;
        }
    }
    if (count < THREAD_MARKS)
        return;
    /* the last comment: what is kept after its mark, short lines between */
    size_t end = last + 1;
    while (end < n && end <= last + THREAD_GAP &&
           (is_kept(&doc->blocks[end]) || doc->blocks[end].words <= 3))
        end++;
    for (size_t i = head; i < end; i++)
        if (is_kept(&doc->blocks[i]))
            relabel(&doc->blocks[i], NC_LABEL_COMMENT, NC_REASON_COMMENT_THREAD);
}

/* A comment thread under an HTML article: the body the model kept in the
 * best container (NC_IN_BEST) carries no comment class (under half its
 * words), and what it kept outside that container does: those blocks are
 * readers' comments, dropped as comment-thread. A forum is left alone: a
 * page that declares a thread, a question or another non-article kind
 * (doc->page_kind), or whose best container holds a kept block that is
 * one of the comments' look-alikes (its first post, nc_block.group). */
static bool kept_comment_outside_best(const nc_block *b)
{
    return !(b->in & NC_IN_BEST) && is_kept(b) && (b->hints & NC_HINT_COMMENT);
}

static void drop_comment_classes(nc_doc *doc)
{
    if (doc->page_kind == NC_PAGE_OTHER)
        return;
    double kept = 0, hinted = 0;
    size_t comments = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const nc_block *b = &doc->blocks[i];
        if (b->in & NC_IN_BEST) {
            if (b->label == NC_LABEL_BODY) {
                kept += b->words;
                hinted += b->hints & NC_HINT_COMMENT ? b->words : 0;
            }
        } else {
            comments += kept_comment_outside_best(b);
        }
    }
    if (comments == 0 || kept == 0 || hinted >= 0.5 * kept)
        return;
    if (doc->ngroups) {
        bool *thread = calloc((size_t)doc->ngroups + 1, sizeof *thread);
        if (!thread)
            return;
        for (size_t i = 0; i < doc->nblocks; i++) {
            const nc_block *b = &doc->blocks[i];
            if (kept_comment_outside_best(b) && b->group <= doc->ngroups)
                thread[b->group] = true;
        }
        thread[0] = false; /* 0: no group */
        bool forum = false;
        for (size_t i = 0; i < doc->nblocks && !forum; i++) {
            const nc_block *b = &doc->blocks[i];
            forum = b->label == NC_LABEL_BODY && (b->in & NC_IN_BEST) &&
                    b->group <= doc->ngroups && thread[b->group];
        }
        free(thread);
        if (forum)
            return;
    }
    for (size_t i = 0; i < doc->nblocks; i++) {
        nc_block *b = &doc->blocks[i];
        if (kept_comment_outside_best(b))
            relabel(b, NC_LABEL_COMMENT, NC_REASON_COMMENT_THREAD);
    }
}

/* For text input: the title is the headline-like block nearest before the
 * first body paragraph (4 to 30 words, no sentence end, not a credit). */
static void choose_title(nc_doc *doc, size_t first_body)
{
    if (doc->title) {
        for (size_t i = 0; i < first_body && i < doc->nblocks; i++) {
            nc_block *b = &doc->blocks[i];
            if (has(b, FACT_TITLE_LIKE)) {
                b->label = NC_LABEL_TITLE;
                b->reason = NC_REASON_TITLE_MATCH;
            }
        }
        return;
    }
    for (size_t i = first_body; i-- > 0;) {
        nc_block *b = &doc->blocks[i];
        /* A long line the model keeps is the standfirst under the title,
         * not the title. */
        bool standfirst = b->words >= 15 && is_kept(b);
        if (b->words < 4 || b->words > 30 || standfirst || b->label == NC_LABEL_FOREIGN ||
            has(b, FACT_END_PUNCT | FACT_CREDIT | FACT_SITE_SUFFIX |
                   FACT_SCRIPT_OTHER | FACT_DATE | FACT_BYLINE))
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
        if (b->score > best && has(b, FACT_LINK_SPARSE))
            best = b->score;
    }
    if (best < 0.2f)
        return;
    for (size_t i = 0; i < doc->nblocks; i++) {
        nc_block *b = &doc->blocks[i];
        /* Never a page of links or menus: those have no body to give. */
        if (b->score >= 0.5f * best && b->words > 0 &&
            has(b, FACT_LINK_SPARSE) && !(b->in & NC_IN_NAV))
            relabel(b, NC_LABEL_BODY, NC_REASON_ONLY_TEXT);
    }
}

void nc_classify_stage1(nc_doc *doc, size_t lo, size_t hi, const float *rows)
{
    /* Row i - lo is block i's, NC_NFEAT floats apart. */
    nc_model_predict_all(&nc_model_stage1, rows, NC_NFEAT * sizeof(float), hi - lo,
                         &doc->blocks[lo].score, sizeof(nc_block));
    for (size_t i = lo; i < hi; i++)
        doc->blocks[i].score1 = doc->blocks[i].score;
}

void nc_classify_stage2(nc_doc *doc, nc_context_walk *cw, size_t lo, size_t hi,
                        float *rows)
{
    context_features(doc, cw, lo, hi, rows, C_P_M2);
    nc_model_predict_all(&nc_model_stage2, rows, NC_NFEAT * sizeof(float), hi - lo,
                         &doc->blocks[lo].score, sizeof(nc_block));
    keep_facts(doc, lo, hi, rows);
}

#define NC_KIND_THRESHOLD 0.35f

/* Text's cut, set by how sure the model is of the page's body: the
 * word-weighted mean score of the blocks over the usual cut, less 0.85,
 * moves the cut by as much, within [0.35, 0.65]. A page whose body the
 * model reads at 0.95 has its doubtful 0.5 blocks around the body (a
 * teaser's blurb, a comment); one it reads at 0.7 has body of its own
 * there, under a cut the sure pages set. Plain text has none of the
 * markup that makes HTML scores sure, so only text's cut moves
 * (docs/algorithm.md, "The threshold"). */
#define TEXT_CUT 0.5f
#define TEXT_SURE 0.85
#define TEXT_CUT_MIN 0.35
#define TEXT_CUT_MAX 0.65

static float text_cut(const nc_doc *doc)
{
    double words = 0, sum = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const nc_block *b = &doc->blocks[i];
        if (b->score >= TEXT_CUT) {
            words += b->words;
            sum += (double)b->score * b->words;
        }
    }
    if (words <= 0)
        return TEXT_CUT;
    double cut = TEXT_CUT + (sum / words - TEXT_SURE);
    return (float)(cut < TEXT_CUT_MIN ? TEXT_CUT_MIN : cut > TEXT_CUT_MAX ? TEXT_CUT_MAX : cut);
}

void nc_classify_labels(nc_doc *doc)
{
    size_t n = doc->nblocks;
    /* The model's balance point: markup evidence makes HTML scores surer,
     * and a slightly higher cut trades recall for precision profitably
     * there (docs/algorithm.md); recall_bias moves it either way. A page
     * that declares its content a product, a listing, a thread or another
     * kind of page that is no article (doc->page_kind) is cut lower: the
     * model, trained mostly on articles, reads such a page's own repeated
     * items as teasers and scores them under the article's cut. */
    float base = doc->kind != NC_INPUT_HTML       ? text_cut(doc)
                 : doc->page_kind == NC_PAGE_OTHER ? NC_KIND_THRESHOLD
                                                   : 0.55f;
    float threshold = base - 0.35f * (float)doc->opts.recall_bias;
    size_t first_body = n;
    for (size_t i = 0; i < n; i++) {
        nc_block *b = &doc->blocks[i];
        if (b->score >= threshold) {
            b->label = heading_like(b) ? NC_LABEL_HEADING : NC_LABEL_BODY;
            b->reason = b->score1 >= threshold ? NC_REASON_MODEL
                                               : NC_REASON_CONTEXT_KEEP;
            if (nc_tag_heading(b->tag))
                b->reason = NC_REASON_HEADING_MARKUP;
            if (first_body == n && b->label == NC_LABEL_BODY)
                first_body = i;
        } else {
            explain_drop(doc, b);
        }
    }
    apply_detectors(doc);
    drop_tickers(doc);
    drop_gallery(doc);
    if (doc->kind != NC_INPUT_HTML)
        drop_comment_thread(doc);
    else
        drop_comment_classes(doc);
    nc_mark_language_pickers(doc);
    choose_title(doc, first_body);
    nc_restore_container_body(doc, threshold);
    nc_keep_prose_runs(doc);
    keep_best_when_empty(doc);
    nc_keep_thin_page(doc);
    nc_keep_one_copy(doc);
    nc_drop_far_islands(doc);
}
