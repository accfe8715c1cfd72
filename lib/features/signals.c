/* features/signals.c - the named detectors behind features/features.c:
 * hits of the lexicons (rules/lexicon.c), dates, repeats and site
 * suffixes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "features/signals.h"
#include "rules/rules.h"

/* ---- page level: repeated blocks and repeated suffixes ---- */

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (uint8_t)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* The " - Site" / " | Site" tail of a block: at most 48 bytes and 5 words
 * after the last such separator. Returns its start or NULL. */
static const char *site_suffix(const nc_block *b, size_t *len)
{
    if (b->len < 8)
        return NULL;
    size_t lo = b->len > 64 ? b->len - 64 : 0;
    for (size_t i = b->len - 3; i > lo; i--) {
        const char *t = b->text + i;
        bool dash = t[0] == ' ' && t[1] == '-' && t[2] == ' ';
        bool ndash = i + 4 < b->len && t[0] == ' ' && (uint8_t)t[1] == 0xE2 &&
                     (uint8_t)t[2] == 0x80 && ((uint8_t)t[3] == 0x93 ||
                                               (uint8_t)t[3] == 0x94) && t[4] == ' ';
        if (!dash && !ndash)
            continue;
        /* A name: at most four capitalised words, no digits (a range such
         * as "51 - 200 employees" is no site). */
        const char *start = t + (dash ? 3 : 5);
        size_t n = (size_t)(b->text + b->len - start), spaces = 0;
        for (size_t k = 0; k < n; k++) {
            if (start[k] >= '0' && start[k] <= '9')
                return NULL;
            if (start[k] == ' ') {
                spaces++;
                if (k + 1 < n && start[k + 1] >= 'a' && start[k + 1] <= 'z')
                    return NULL;
            }
        }
        if (n == 0 || n > 48 || spaces > 3 || (start[0] >= 'a' && start[0] <= 'z'))
            return NULL;
        *len = n;
        return start;
    }
    return NULL;
}

typedef struct slot {
    uint64_t hash;
    uint32_t count;
} slot;

/* Counts of each hash in an open-addressing table of cap (a power of 2).
 * On the heap, not in the arena: it is needed only while the page pass
 * runs, and on a big page it is as big as the text. */
static slot *count_table(size_t cap)
{
    return calloc(cap, sizeof(slot));
}

static uint32_t *table_slot(slot *t, size_t cap, uint64_t h)
{
    h |= 1; /* 0 marks an empty slot */
    for (size_t i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1)) {
        if (t[i].hash == h)
            return &t[i].count;
        if (t[i].hash == 0) {
            t[i].hash = h;
            return &t[i].count;
        }
    }
}

/* A page title folded once a page, as same_text_ci compares it. */
typedef struct folded_title {
    const char *source; /* the doc's pointer it was made from */
    size_t source_len;
    size_t len;
    char text[256];
} folded_title;

/* What nc_patterns_page keeps for the blocks (doc->patterns, in the
 * arena): repeated-suffix counts and the page titles folded. Each
 * block's lexicon hits, once scanned, go in doc->lexicon_bits. */
typedef struct page_state {
    uint32_t *suffix_count;
    folded_title titles[3];  /* og_title, html_title, title */
} page_state;

_Static_assert(NC_LEX_COUNT <= 7, "lexicon bits must fit beside NC_LEXICON_SCANNED");

static page_state *page_of(const nc_doc *doc)
{
    return (page_state *)doc->patterns;
}

static void fold_title(folded_title *t, const char *s)
{
    t->source = s;
    t->source_len = s ? strlen(s) : 0;
    t->len = s ? nc_fold_lossy(s, t->source_len, t->text, sizeof t->text - 1) : 0;
}

void nc_patterns_page(nc_doc *doc)
{
    size_t n = doc->nblocks, cap = 64;
    while (cap < n * 2)
        cap *= 2;
    slot *texts = count_table(cap);
    slot *suffixes = count_table(cap);
    page_state *ps = nc_arena_alloc(&doc->arena, sizeof *ps);
    uint32_t *suffix_count = nc_arena_alloc(&doc->arena, (n ? n : 1) * sizeof *suffix_count);
    uint8_t *lex = nc_arena_alloc(&doc->arena, n ? n : 1);
    /* Each block's text hash, then its suffix hash (0: no suffix), so the
     * second pass only looks the counts up. */
    uint64_t *hashes = malloc((n ? n : 1) * 2 * sizeof *hashes);
    doc->patterns = NULL;
    doc->lexicon_bits = NULL;
    if (!texts || !suffixes || !ps || !suffix_count || !lex || !hashes) {
        for (size_t i = 0; i < n; i++)
            doc->blocks[i].repeat = 1;
        free(texts);
        free(suffixes);
        free(hashes);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        nc_block *b = &doc->blocks[i];
        (*table_slot(texts, cap, hashes[2 * i] = hash_bytes(b->text, b->len)))++;
        size_t sl;
        const char *s = site_suffix(b, &sl);
        hashes[2 * i + 1] = s ? hash_bytes(s, sl) | 1 : 0;
        if (s)
            (*table_slot(suffixes, cap, hashes[2 * i + 1]))++;
    }
    for (size_t i = 0; i < n; i++) {
        doc->blocks[i].repeat = *table_slot(texts, cap, hashes[2 * i]);
        suffix_count[i] = hashes[2 * i + 1] ? *table_slot(suffixes, cap, hashes[2 * i + 1]) : 0;
    }
    free(texts);
    free(suffixes);
    free(hashes);
    memset(lex, 0, n ? n : 1);
    ps->suffix_count = suffix_count;
    fold_title(&ps->titles[0], doc->og_title);
    fold_title(&ps->titles[1], doc->html_title);
    fold_title(&ps->titles[2], doc->title);
    doc->patterns = ps;
    doc->lexicon_bits = lex;
}

/* ---- block level ---- */

/* A short line with a date: digits around a separator (12:30, 2024-01-02,
 * 02.01.2024, 1/2/24), or digits and a month's name (rules/words.c). */
static bool has_date(const char *s, size_t len)
{
    char buf[256];
    size_t n = nc_fold_lossy(s, len < 200 ? len : 200, buf, sizeof buf - 1);
    unsigned digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (buf[i] >= '0' && buf[i] <= '9')
            digits++;
        if (i > 0 && i + 1 < n && buf[i - 1] >= '0' && buf[i - 1] <= '9' &&
            buf[i + 1] >= '0' && buf[i + 1] <= '9' &&
            (buf[i] == ':' || buf[i] == '/' || buf[i] == '.' || buf[i] == '-'))
            return true;
    }
    if (digits == 0)
        return false;
    return nc_month_name(buf, n);
}

/* Whether the block a[0..an) is the title b, or starts it (" | Site"),
 * ignoring case. t is b folded once a page when the page state has it
 * (NULL otherwise); x/xn the block folded, made on first need. */
static bool same_text_ci(const char *a, size_t an, const char *b,
                         const folded_title *t, char *x, size_t *xn)
{
    if (!b)
        return false;
    folded_title own;
    if (!t || t->source != b) {
        fold_title(&own, b);
        t = &own;
    }
    if (an > t->source_len || an > 200)
        return false;
    if (*xn == SIZE_MAX)
        *xn = nc_fold_lossy(a, an, x, 255);
    return *xn >= 12 && *xn <= t->len && memcmp(x, t->text, *xn) == 0 &&
           (*xn == t->len || t->text[*xn] == ' ');
}

void nc_patterns_block(const nc_doc *doc, const nc_block *b, float *legal,
                       float *site_suffix_out, float *credit, float *ui,
                       float *date, float *byline, float *title_like,
                       float *caption)
{
    unsigned hits[NC_LEX_COUNT];
    nc_lexicon_scan(b->text, b->len, hits);
    page_state *ps = page_of(doc);
    size_t idx = (size_t)(b - doc->blocks);
    if (doc->lexicon_bits) {
        uint8_t bits = NC_LEXICON_SCANNED;
        for (int k = 0; k < NC_LEX_COUNT; k++)
            bits |= (uint8_t)(hits[k] ? NC_LEX_BIT(k) : 0);
        doc->lexicon_bits[idx] = bits;
    }
    float shortness = b->words <= 12 ? 1.0f : b->words <= 40 ? 0.5f : 0.2f;
    *legal = (float)hits[NC_LEX_LEGAL] * shortness;
    *credit = (float)hits[NC_LEX_CREDIT] * shortness;
    *ui = (float)(hits[NC_LEX_UI] + hits[NC_LEX_COMMENT] + hits[NC_LEX_RELATED]) *
          shortness;
    *caption = (float)hits[NC_LEX_CAPTION];
    *byline = (float)hits[NC_LEX_BYLINE] * (b->words <= 15 ? 1.0f : 0.0f);
    *date = b->words <= 12 && has_date(b->text, b->len) ? 1.0f : 0.0f;
    const uint32_t *sc = ps ? ps->suffix_count : NULL;
    *site_suffix_out = sc ? (float)(sc[idx] > 4 ? 4 : sc[idx]) : 0.0f;
    char folded[256];
    size_t folded_len = SIZE_MAX;
    *title_like = same_text_ci(b->text, b->len, doc->og_title, ps ? &ps->titles[0] : NULL,
                               folded, &folded_len) ||
                  same_text_ci(b->text, b->len, doc->html_title, ps ? &ps->titles[1] : NULL,
                               folded, &folded_len) ||
                  same_text_ci(b->text, b->len, doc->title, ps ? &ps->titles[2] : NULL,
                               folded, &folded_len);
}
