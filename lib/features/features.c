/* features/features.c - one feature vector a block. The classifier (classify/classify.c)
 * is a small learned model over these numbers; each feature is cheap,
 * computed in one pass over the block's bytes plus a few looks at its
 * neighbours. The names below are the training script's column names:
 * change them together (tools/train.py reads them from nc_feature_names). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "internal.h"
#include "features/features.h"
#include "features/slots.h"
#include "features/signals.h"

_Static_assert(F_COUNT <= NC_NFEAT, "feature vector too small");

const char *const nc_feature_names[NC_NFEAT] = {
    "log_words", "log_chars", "stop_ratio", "end_punct", "sent_punct",
    "comma_ratio", "cap_ratio", "digit_ratio", "counter", "punct_ratio",
    "upper_ratio", "log_repeat", "pos_block", "pos_words", "script_other",
    "lang_score", "separators", "list_item", "gap_before", "prev_words",
    "next_words", "prev_stop", "next_stop", "word_len", "legal", "long_near",
    "dist_long", "site_suffix", "credit", "ui_phrase", "date", "byline",
    "title_like", "caption_words", "open_quote", "doc_log_words",
    "is_html", "tag", "link_density", "depth_rel", "in_nav", "in_header",
    "in_footer", "in_aside", "in_form", "in_figure", "in_article", "in_main",
    "in_button", "in_list", "in_table", "in_quote", "in_bodyprop", "in_best",
    "in_link", "hint_bad", "hint_comment", "hint_caption", "hint_byline",
    "hint_content", "hint_meta", "prev_link", "next_link", "words_after",
    "foreign", "block_lang_other", "in_best_wide", "in_ld_body", "page_type",
    "groups", "groups_up"};

int nc_feature_count(void) { return F_COUNT; }

/* Character-class counts of one block, one pass. */
typedef struct char_counts {
    uint32_t chars, letters, upper, digits, punct, commas, sent_punct;
    uint32_t tokens, cap_tokens, alpha_tokens, separators;
    bool end_punct, open_quote;
} char_counts;

/* Sentence and clause ends. ASCII by hand (the hot case); past it ICU's
 * Sentence_Terminal (。！？ ؟ ۔ । ...), the ellipsis, and the Arabic
 * semicolon, which ends a clause as ';' does. */
static bool is_sentence_end(UChar32 c)
{
    if (c < 0x80)
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
    return c == 0x2026 || c == 0x061B || u_hasBinaryProperty(c, UCHAR_S_TERM);
}

/* Closing quotes and brackets that may follow a sentence's stop: past
 * ASCII, ICU's closing and final punctuation (so the ornate parenthesis
 * of Arabic, U+FD3E, whose category is closing, counts), and the Hebrew
 * gershayim used as a quotation mark. Mirroring is a display matter: RTL
 * text stores ')' after the bracketed words as LTR text does. */
static bool is_closing(UChar32 c)
{
    if (c < 0x80)
        return c == '"' || c == '\'' || c == ')' || c == ']';
    int8_t type = u_charType(c);
    return type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION ||
           c == 0x05F4;
}

static void count_chars(const nc_block *b, char_counts *cc)
{
    memset(cc, 0, sizeof *cc);
    const uint8_t *s = (const uint8_t *)b->text;
    int32_t i = 0, n = (int32_t)(b->len > INT32_MAX ? INT32_MAX : b->len);
    bool token_start = true, prev_letter = false;
    UChar32 last = 0, before_last = 0;
    while (i < n) {
        UChar32 c;
        if (s[i] < 0x80) {
            c = s[i++];
        } else {
            U8_NEXT(s, i, n, c);
            if (c < 0)
                c = 0xFFFD;
        }
        if (c == ' ') {
            cc->chars++;
            token_start = true;
            prev_letter = false;
            continue;
        }
        bool letter = c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : u_isalpha(c);
        /* Invisible format characters (bidi marks and isolates, soft
         * hyphen, word joiner) are no character, no token and never the
         * last character: "...نص.\u200F" ends with its stop. The joiners
         * count only where they join nothing: after a letter (Persian
         * "می‌شود") they are part of the word, but runs of them padding
         * an e-mail preheader are punctuation, as before. */
        if (!letter && c >= 0x80 && u_charType(c) == U_FORMAT_CHAR &&
            (c != 0x200B && ((c != 0x200C && c != 0x200D) || prev_letter)))
            continue;
        prev_letter = letter;
        cc->chars++;
        bool upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : (letter && u_isupper(c));
        if (token_start) {
            cc->tokens++;
            if (letter) {
                cc->alpha_tokens++;
                cc->cap_tokens += upper;
            }
            token_start = false;
        }
        if (letter) {
            cc->letters++;
            cc->upper += upper;
        } else if (c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(c)) {
            cc->digits++;
        } else {
            cc->punct++;
            if (c == ',' || c == 0x3001 || c == 0xFF0C || c == 0x060C)
                cc->commas++;
            if (is_sentence_end(c))
                cc->sent_punct++;
            if (c == '|' || c == 0x00BB || c == 0x203A || c == 0x00B7 ||
                c == 0x2022 || c == '>' || c == '/')
                cc->separators++;
            if (cc->chars == 1 && (c == '"' || c == 0x201C || c == 0x201E ||
                                   c == 0x00AB || c == 0x300C))
                cc->open_quote = true;
        }
        before_last = last;
        last = c;
    }
    cc->end_punct = is_sentence_end(last) ||
                    (is_closing(last) && is_sentence_end(before_last));
}

/* Whether the block's opening words stand in the page's JSON-LD
 * articleBody (strong evidence, but the publisher's, so only a feature):
 * 1 found, 0 not found, -1 the page has none (features/ld_match.c). */
static float in_ld_body(const nc_block *b)
{
    return (float)b->ld_found;
}

/* What the page declares itself (og:type, JSON-LD @type): a product page,
 * a forum thread or a listing keeps blocks (lists of items, short posts)
 * that an article's teasers resemble, and the model weighs the two apart.
 * 1 an article, 0 another type, 0.5 undeclared; -1 text, which has none. */
static float page_type(const nc_doc *doc)
{
    if (doc->kind != NC_INPUT_HTML)
        return -1.0f;
    return doc->page_type == NC_PAGE_ARTICLE ? 1.0f
           : doc->page_type == NC_PAGE_OTHER ? 0.0f
                                             : 0.5f;
}

/* Scripts with capital letters. Elsewhere (Arabic, Hebrew, Han, kana,
 * Hangul, Thai, Devanagari...) the case features say nothing, and a 0
 * would read as "lower-case prose": a menu of Arabic words looked like
 * body. Such blocks get -1, which the model learns from caseless copies
 * of the training pages (tools/train.py --caseless-copies). */
static bool cased_script(uint32_t script)
{
    switch (script) {
    case USCRIPT_LATIN: case USCRIPT_GREEK: case USCRIPT_CYRILLIC:
    case USCRIPT_ARMENIAN: case USCRIPT_COPTIC: case USCRIPT_GLAGOLITIC:
    case USCRIPT_CHEROKEE: case USCRIPT_DESERET: case USCRIPT_ADLAM:
    case USCRIPT_OSAGE: case USCRIPT_WARANG_CITI: case USCRIPT_OLD_HUNGARIAN:
        return true;
    default:
        return false;
    }
}

static float ratio(uint32_t a, uint32_t b) { return b ? (float)a / (float)b : 0.0f; }
static float log1(double x) { return (float)log1p(x); }

/* Pages of more blocks than this have their rows made a window at a time
 * by the outline, with classify (rows are 320 bytes a block: on a big page, more than its
 * text); up to it, all at once, the fastest. */
#ifndef NC_FEAT_ALL_MAX /* -D to run every page in windows, for tests */
#define NC_FEAT_ALL_MAX 32768
#endif
#ifndef NC_FEAT_WINDOW
#define NC_FEAT_WINDOW 4096
#endif

void nc_features_start(const nc_doc *doc, nc_feat_walk *walk, bool again)
{
    walk->total_words = 0;
    walk->words_before = 0;
    walk->max_depth = 1;
    walk->patterns = doc->feat_patterns;
    walk->patterns_known = again && walk->patterns != NULL;
    for (size_t i = 0; i < doc->nblocks; i++) {
        walk->total_words += doc->blocks[i].words;
        if (doc->blocks[i].depth > walk->max_depth)
            walk->max_depth = doc->blocks[i].depth;
    }
}

nc_status nc_features(nc_doc *doc)
{
    size_t n = doc->nblocks;
    if (n == 0)
        return NC_OK;
    nc_feat_walk walk;
    nc_features_start(doc, &walk, false);
    nc_patterns_page(doc); /* repeats, site suffixes, phrase hits */
    nc_status st = nc_ld_match(doc);
    if (st != NC_OK)
        return st;
    size_t rows = doc->feat_window ? doc->feat_window
                  : n > NC_FEAT_ALL_MAX ? NC_FEAT_WINDOW : n;
    if (rows > n)
        rows = n;
    /* The rows apart from the blocks, allocated after the page pass has
     * freed its tables, and freed by the outline once classify has scored
     * the blocks: on a big page they are most of the memory, and only
     * these two stages need them. */
    doc->feat = calloc(rows, NC_NFEAT * sizeof *doc->feat);
    if (!doc->feat)
        return NC_ERR_NOMEM;
    doc->feat_rows = rows;
    if (rows < n) {
        /* The outline makes them a window at a time, twice; the phrase
         * scans, half the cost, are kept from the first time (32 bytes a
         * block, under the block stage's peak). */
        doc->feat_patterns = calloc(n, NC_NPATTERN * sizeof *doc->feat_patterns);
        return doc->feat_patterns ? NC_OK : NC_ERR_NOMEM;
    }
    nc_features_window(doc, &walk, 0, n, doc->feat);
    for (size_t i = 0; i < n; i++)
        doc->blocks[i].feat = doc->feat + i * NC_NFEAT;
    return NC_OK;
}

/* F_DIST_LONG of blocks [lo, hi): the distance to the nearest block of
 * long_words or more, both directions, in two sweeps; capped at 50, so a
 * window looks 51 blocks past each end. */
static void distance_to_long(const nc_doc *doc, size_t lo, size_t hi, float *rows,
                             uint32_t long_words)
{
    size_t n = doc->nblocks;
    size_t last_long = SIZE_MAX;
    for (size_t i = lo > 51 ? lo - 51 : 0; i < hi; i++) {
        if (doc->blocks[i].words >= long_words)
            last_long = i;
        if (i >= lo)
            rows[(i - lo) * NC_NFEAT + F_DIST_LONG] =
                last_long == SIZE_MAX ? 50.0f : (float)(i - last_long);
    }
    last_long = SIZE_MAX;
    for (size_t i = n - hi > 51 ? hi + 51 : n; i-- > lo;) {
        if (doc->blocks[i].words >= long_words)
            last_long = i;
        if (i >= hi)
            continue;
        float *f = rows + (i - lo) * NC_NFEAT;
        float d = last_long == SIZE_MAX ? 50.0f : (float)(last_long - i);
        if (d < f[F_DIST_LONG])
            f[F_DIST_LONG] = d;
        if (f[F_DIST_LONG] > 50.0f)
            f[F_DIST_LONG] = 50.0f;
    }
}

void nc_features_window(const nc_doc *doc, nc_feat_walk *walk, size_t lo,
                        size_t hi, float *rows)
{
    size_t n = doc->nblocks;
    double total_words = walk->total_words;
    double words_before = walk->words_before;
    unsigned max_depth = walk->max_depth;
    memset(rows, 0, (hi - lo) * NC_NFEAT * sizeof *rows);
    const uint32_t long_words = 25;
    const float declared = page_type(doc); /* one value for the whole page */
    distance_to_long(doc, lo, hi, rows, long_words);
    for (size_t i = lo; i < hi; i++) {
        const nc_block *b = &doc->blocks[i];
        float *f = rows + (i - lo) * NC_NFEAT;
        char_counts cc;
        count_chars(b, &cc);
        const nc_block *prev = i ? &doc->blocks[i - 1] : NULL;
        const nc_block *next = i + 1 < n ? &doc->blocks[i + 1] : NULL;
        f[F_LOG_WORDS] = log1(b->words);
        f[F_LOG_CHARS] = log1(cc.chars);
        f[F_STOP_RATIO] = ratio(b->stopwords, b->words);
        f[F_END_PUNCT] = cc.end_punct;
        f[F_SENT_PUNCT] = ratio(cc.sent_punct, b->words);
        f[F_COMMA_RATIO] = ratio(cc.commas, b->words);
        f[F_CAP_RATIO] = ratio(cc.cap_tokens, cc.alpha_tokens);
        f[F_DIGIT_RATIO] = ratio(cc.digits, cc.chars);
        f[F_COUNTER] = cc.letters == 0 && cc.digits > 0;
        f[F_PUNCT_RATIO] = ratio(cc.punct, cc.chars);
        f[F_UPPER_RATIO] = ratio(cc.upper, cc.letters);
        if (cc.letters > 0 && b->script != 0 && !cased_script(b->script))
            f[F_CAP_RATIO] = f[F_UPPER_RATIO] = -1.0f;
        f[F_LOG_REPEAT] = log1(b->repeat > 0 ? b->repeat - 1 : 0);
        f[F_POS_BLOCK] = (float)i / (float)n;
        f[F_POS_WORDS] = total_words > 0 ? (float)(words_before / total_words) : 0;
        words_before += b->words;
        f[F_WORDS_AFTER] = log1(total_words - words_before);
        /* The model's input as its table was trained: the block's main
         * script is not the page's. On a Japanese page (script "Jpan")
         * that holds for every block of Han or kana, so the labels and
         * the title read b->script_other instead. Reading it here too
         * is a change of features: every fold of make cv retrains, and
         * the trees move with it (docs/algorithm.md, "Figures"), so it
         * waits for a change of the model it can be measured with. */
        f[F_SCRIPT_OTHER] = b->letters > 0 && doc->script != 0 && b->script != 0 &&
                            b->script != doc->script;
        f[F_LANG_SCORE] = b->lang_score < -5 ? -5.0f
                          : b->lang_score > 5 ? 5.0f : (float)b->lang_score;
        f[F_SEPARATORS] = (float)cc.separators;
        f[F_LIST_ITEM] = b->list_item;
        f[F_GAP_BEFORE] = b->gap_before;
        f[F_PREV_WORDS] = prev ? log1(prev->words) : -1.0f;
        f[F_NEXT_WORDS] = next ? log1(next->words) : -1.0f;
        f[F_PREV_STOP] = prev ? ratio(prev->stopwords, prev->words) : -1.0f;
        f[F_NEXT_STOP] = next ? ratio(next->stopwords, next->words) : -1.0f;
        f[F_WORD_LEN] = ratio(cc.letters + cc.digits, cc.tokens);
        f[F_OPEN_QUOTE] = cc.open_quote;
        unsigned long_near = 0;
        for (size_t k = i > 3 ? i - 3 : 0; k < n && k <= i + 3; k++)
            if (k != i && doc->blocks[k].words >= long_words)
                long_near++;
        f[F_LONG_NEAR] = (float)long_near;
        f[F_DOC_LOG_WORDS] = log1(total_words);
        /* Markup evidence (zero for plain text). */
        f[F_IS_HTML] = doc->kind == NC_INPUT_HTML;
        f[F_TAG] = (float)b->tag;
        f[F_LINK_DENSITY] = ratio((uint32_t)b->link_chars, cc.chars);
        f[F_DEPTH_REL] = (float)b->depth / (float)max_depth;
        static const uint32_t in_bits[] = {
            NC_IN_NAV, NC_IN_HEADER, NC_IN_FOOTER, NC_IN_ASIDE, NC_IN_FORM,
            NC_IN_FIGURE, NC_IN_ARTICLE, NC_IN_MAIN, NC_IN_BUTTON, NC_IN_LIST,
            NC_IN_TABLE, NC_IN_BLOCKQUOTE, NC_IN_ARTICLE_BODY, NC_IN_BEST,
            NC_IN_LINK};
        for (size_t k = 0; k < sizeof in_bits / sizeof *in_bits; k++)
            f[F_IN_NAV + k] = (b->in & in_bits[k]) != 0;
        const uint32_t bad = NC_HINT_NAV | NC_HINT_SHARE | NC_HINT_RELATED |
                             NC_HINT_PROMO | NC_HINT_COOKIE | NC_HINT_NEWSLETTER |
                             NC_HINT_AD | NC_HINT_FOOTER | NC_HINT_SIDEBAR |
                             NC_HINT_HIDDEN | NC_HINT_BREADCRUMB;
        f[F_HINT_BAD] = (float)__builtin_popcount(b->hints & bad);
        f[F_HINT_COMMENT] = (b->hints & NC_HINT_COMMENT) != 0;
        f[F_HINT_CAPTION] = (b->hints & (NC_HINT_CAPTION | NC_HINT_CREDIT)) != 0;
        f[F_HINT_BYLINE] = (b->hints & NC_HINT_BYLINE) != 0;
        f[F_HINT_CONTENT] = (b->hints & NC_HINT_CONTENT) != 0;
        f[F_HINT_META] = (b->hints & (NC_HINT_META | NC_HINT_TITLE)) != 0;
        f[F_PREV_LINK] = prev ? ratio((uint32_t)prev->link_chars, (uint32_t)prev->len) : -1.0f;
        f[F_NEXT_LINK] = next ? ratio((uint32_t)next->link_chars, (uint32_t)next->len) : -1.0f;
        f[F_FOREIGN] = b->foreign;
        f[F_BLOCK_LANG_OTHER] = b->block_lang >= 0 && doc->lang >= 0 &&
                                b->block_lang != doc->lang;
        f[F_IN_BEST_WIDE] = (b->in & NC_IN_BEST_WIDE) != 0;
        f[F_IN_LD_BODY] = in_ld_body(b);
        f[F_PAGE_TYPE] = declared;
        for (int k = 0; k < 2; k++)
            f[F_GROUPS + k] = doc->kind == NC_INPUT_HTML ? log1(b->groups[k] ? b->groups[k] - 1 : 0)
                                                         : -1.0f;
        /* Pattern detectors (features/signals.c) fill F_LEGAL .. F_CAPTION_WORDS. */
        static const int pattern_slots[NC_NPATTERN] = {
            F_LEGAL, F_SITE_SUFFIX, F_CREDIT, F_UI_PHRASE, F_DATE, F_BYLINE,
            F_TITLE_LIKE, F_CAPTION_WORDS};
        float *kept = walk->patterns ? walk->patterns + i * NC_NPATTERN : NULL;
        if (kept && walk->patterns_known) {
            for (int k = 0; k < NC_NPATTERN; k++)
                f[pattern_slots[k]] = kept[k];
            continue;
        }
        nc_patterns_block(doc, b, f + F_LEGAL, f + F_SITE_SUFFIX, f + F_CREDIT,
                          f + F_UI_PHRASE, f + F_DATE, f + F_BYLINE,
                          f + F_TITLE_LIKE, f + F_CAPTION_WORDS);
        if (kept)
            for (int k = 0; k < NC_NPATTERN; k++)
                kept[k] = f[pattern_slots[k]];
    }
    walk->words_before = words_before;
}
