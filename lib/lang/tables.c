/* lang/tables.c - the language stage's tables: a code point class table
 * built once from ICU (so the hot loop makes no ICU call), the stopword
 * hash (folded word -> 64-bit language mask) and the words' lookup keys,
 * folded with the one case fold (rules/fold.c). The tokenizer that uses
 * them is lang/tokens.c. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uclean.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include "lang/stopwords.h"
#include "lang/tables.h"

/* ---- code point classes: a two-stage table over planes 0-3 ---- */


uint16_t nc_cp_stage1[NC_CP_LIMIT >> NC_CP_SHIFT];
uint16_t *nc_cp_stage2; /* unique 128-entry blocks */
uint16_t nc_ascii_class[128];
uint8_t nc_distinct_index[0x800];

static bool nospace_script(UScriptCode s)
{
    return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA ||
           s == USCRIPT_KATAKANA_OR_HIRAGANA || s == USCRIPT_THAI ||
           s == USCRIPT_LAO || s == USCRIPT_KHMER || s == USCRIPT_MYANMAR;
}

static uint16_t classify_cp(uint32_t cp)
{
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript((UChar32)cp, &err);
    if (U_FAILURE(err) || script < 0 || script > 0xFF)
        script = USCRIPT_UNKNOWN;
    uint16_t cl = (uint16_t)script;
    int8_t type = u_charType((UChar32)cp);
    if (u_isalpha((UChar32)cp))
        cl |= NC_CL_WORD | NC_CL_LETTER;
    else if (type == U_DECIMAL_DIGIT_NUMBER)
        cl |= NC_CL_WORD | NC_CL_DIGIT;
    else if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
             type == U_ENCLOSING_MARK)
        cl |= NC_CL_WORD; /* inside a word, not a letter of its own */
    if (type == U_FORMAT_CHAR) {
        cl |= NC_CL_FORMAT;
        if (cp == 0x200B || cp == 0x200C || cp == 0x200D)
            cl |= NC_CL_FORMAT_BREAK;
    }
    /* The prolonged sound mark is Common but only ever inside kana. */
    if ((cl & NC_CL_WORD) &&
        (nospace_script(script) || cp == 0x30FC || cp == 0xFF70))
        cl |= NC_CL_NOSPACE;
    if (cp >= NC_FOLD_LIMIT &&
        u_hasBinaryProperty((UChar32)cp, UCHAR_CHANGES_WHEN_CASEFOLDED))
        cl |= NC_CL_CASED;
    return cl;
}

static uint32_t block_hash(const uint16_t *b)
{
    uint32_t h = 2166136261u;
    for (unsigned i = 0; i < NC_CP_BLOCK; i++)
        h = (h ^ b[i]) * 16777619u;
    return h;
}

/* Many 128-code-point blocks are alike (all of Han, unassigned planes), so
 * equal blocks are stored once: ~100 KB instead of 512 KB. */
static bool build_cp_table(void)
{
    enum { NSLOT = 4096 };
    size_t nblocks = NC_CP_LIMIT >> NC_CP_SHIFT, nunique = 0;
    uint16_t *all = malloc(nblocks * NC_CP_BLOCK * sizeof *all);
    int32_t *slots = malloc(NSLOT * sizeof *slots);
    if (!all || !slots) {
        free(all);
        free(slots);
        return false;
    }
    for (size_t k = 0; k < NSLOT; k++)
        slots[k] = -1;
    uint16_t cur[NC_CP_BLOCK];
    for (size_t blk = 0; blk < nblocks; blk++) {
        for (unsigned i = 0; i < NC_CP_BLOCK; i++)
            cur[i] = classify_cp((uint32_t)(blk * NC_CP_BLOCK + i));
        uint32_t h = block_hash(cur) & (NSLOT - 1);
        for (;;) {
            int32_t u = slots[h];
            if (u < 0) {
                memcpy(all + nunique * NC_CP_BLOCK, cur, sizeof cur);
                slots[h] = (int32_t)nunique;
                nc_cp_stage1[blk] = (uint16_t)nunique++;
                break;
            }
            if (!memcmp(all + (size_t)u * NC_CP_BLOCK, cur, sizeof cur)) {
                nc_cp_stage1[blk] = (uint16_t)u;
                break;
            }
            h = (h + 1) & (NSLOT - 1);
        }
    }
    free(slots);
    uint16_t *shrunk = realloc(all, nunique * NC_CP_BLOCK * sizeof *all);
    nc_cp_stage2 = shrunk ? shrunk : all;
    memset(nc_distinct_index, 0xFF, sizeof nc_distinct_index);
    for (int k = 0; k < nc_ndistinctive && k < NC_DISTINCT_MAX; k++)
        if (nc_distinctive[k].letter < 0x800)
            nc_distinct_index[nc_distinctive[k].letter] = (uint8_t)k;
    for (uint32_t cp = 0; cp < 128; cp++)
        nc_ascii_class[cp] = (uint16_t)(nc_cp_class(cp) |
                                     (cp && strchr("{}[]()<>=;|&\\", (int)cp) ? NC_CL_CODE : 0));
    nc_fold_init(); /* the tokenizer reads nc_fold_table */
    return true;
}


/* ---- a word's lookup key: the case fold and the word's own rules ---- */

/* The rare word with a cased letter past U+2000 (fullwidth Latin,
 * Glagolitic, Cherokee ...): ICU's full folding on a stack buffer. */
static size_t fold_icu(const char *s, size_t len, char *out)
{
    UChar in16[NC_WORD_MAX], f16[NC_WORD_MAX];
    int32_t n16 = 0, nf = 0, n8 = 0;
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8(in16, NC_WORD_MAX, &n16, s, (int32_t)len, &err);
    if (U_FAILURE(err) || n16 >= NC_WORD_MAX)
        return 0;
    nf = u_strFoldCase(f16, NC_WORD_MAX, in16, n16, U_FOLD_CASE_DEFAULT, &err);
    if (U_FAILURE(err) || nf >= NC_WORD_MAX)
        return 0;
    u_strToUTF8(out, NC_WORD_MAX, &n8, f16, nf, &err);
    if (U_FAILURE(err) || n8 >= NC_WORD_MAX)
        return 0;
    return (size_t)n8;
}

size_t nc_fold_word(const char *s, size_t len, char *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, o = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = nc_utf8_next(u + i, len - i, &cp);
        if (cp >= 0x80 && (nc_cp_class(cp) & (NC_CL_FORMAT | NC_CL_FORMAT_BREAK)) ==
                              NC_CL_FORMAT) {
            i += n; /* a bidi mark or soft hyphen inside the word */
            continue;
        }
        if (cp < 0x80)
            cp = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
        else if (cp < NC_FOLD_LIMIT)
            cp = nc_fold_table[cp];
        else if (cp == 0x2019)
            cp = '\''; /* the typographic apostrophe of "l’homme" */
        else if (nc_cp_class(cp) & NC_CL_CASED)
            return fold_icu(s, len, out);
        if (o + 4 >= NC_WORD_MAX)
            return 0;
        o += nc_utf8_put(out + o, cp);
        i += n;
    }
    return o;
}

/* ---- the stopword hash ---- */

typedef struct sw_slot {
    uint64_t mask;
    uint64_t head; /* the first 8 bytes, zero-padded: most words whole */
    uint32_t hash;
    uint32_t off;  /* in sw_pool: the bytes past the first 8 */
    uint8_t len;   /* 0: empty slot */
} sw_slot;

static inline uint64_t word_head(const char *s, size_t len)
{
    uint64_t c = 0;
    if (len >= 8) {
        memcpy(&c, s, 8);
        return c;
    }
    for (size_t k = 0; k < len; k++)
        c |= (uint64_t)(unsigned char)s[k] << (8 * k);
    return c;
}

static sw_slot *sw_slots;
static uint32_t sw_cap; /* power of two */
static char *sw_pool;
static size_t sw_pool_len;

/* 8 bytes a step: most words are one or two steps. */
static inline uint64_t word_hash(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ull * (len + 1);
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t c;
        memcpy(&c, s + i, 8);
        h = (h ^ c) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    uint64_t c = 0;
    for (size_t k = 0; i + k < len; k++)
        c |= (uint64_t)(unsigned char)s[i + k] << (8 * k);
    h = (h ^ c) * 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
}

/* A 32 KB bit filter in front of the table: most words are no stopword,
 * and the filter answers them without touching the 1.5 MB table. */
#define SW_FILTER_BITS 18
static uint64_t sw_filter[(1u << SW_FILTER_BITS) / 64];

uint64_t *nc_slot_masks;  /* the mask of each slot, for nc_slot_mask */
uint64_t *nc_slot_strong; /* languages the slot's word is strong in */
uint64_t *nc_slot_sure;   /* ... strong or a UI word in */

uint32_t nc_stopword_slot(const char *folded, size_t len)
{
    if (len == 0 || len >= NC_WORD_MAX)
        return NC_NO_SLOT;
    uint64_t h = word_hash(folded, len);
    uint64_t bit = h >> (64 - SW_FILTER_BITS);
    if (!(sw_filter[bit >> 6] >> (bit & 63) & 1u))
        return NC_NO_SLOT;
    uint32_t h32 = (uint32_t)h, k = (uint32_t)(h >> 20) & (sw_cap - 1);
    for (;;) {
        const sw_slot *s = &sw_slots[k];
        if (!s->len)
            return NC_NO_SLOT;
        if (s->hash == h32 && s->len == len && s->head == word_head(folded, len) &&
            (len <= 8 || !memcmp(sw_pool + s->off, folded + 8, len - 8)))
            return k;
        k = (k + 1) & (sw_cap - 1);
    }
}

uint64_t nc_stopword_mask(const char *folded, size_t len)
{
    uint32_t slot = nc_stopword_slot(folded, len);
    return slot == NC_NO_SLOT ? 0 : sw_slots[slot].mask;
}

/* Languages close enough to share words, which strong words separate. */
static const char *const close_groups[] = {
    "da no sv", "cs sk", "es pt ca gl", "ru uk bg sr", "hr sr sl",
    "de nl af", "id ms", "et fi", "lv lt", "fr it", NULL};

static bool code_in(const char *codes, const char *code)
{
    size_t n = strlen(code);
    for (const char *p = codes; (p = strstr(p, code)); p += n)
        if ((p == codes || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
            return true;
    return false;
}

/* The languages in lang's close groups, lang included. */
static uint64_t close_group(int lang)
{
    uint64_t m = 1ull << lang;
    for (int g = 0; close_groups[g]; g++) {
        if (!code_in(close_groups[g], nc_stoplangs[lang].code))
            continue;
        for (int l = 0; l < nc_nstoplangs && l < NC_LANG_MAX; l++)
            if (code_in(close_groups[g], nc_stoplangs[l].code))
                m |= 1ull << l;
    }
    return m;
}

/* Adds lang to the folded word's mask; returns its slot. */
static uint32_t sw_insert(const char *folded, size_t len, int lang)
{
    uint64_t h = word_hash(folded, len);
    uint64_t bit = h >> (64 - SW_FILTER_BITS);
    sw_filter[bit >> 6] |= 1ull << (bit & 63);
    uint32_t h32 = (uint32_t)h, k = (uint32_t)(h >> 20) & (sw_cap - 1);
    for (;;) {
        sw_slot *s = &sw_slots[k];
        if (!s->len) {
            s->off = (uint32_t)sw_pool_len;
            if (len > 8) {
                memcpy(sw_pool + sw_pool_len, folded + 8, len - 8);
                sw_pool_len += len - 8;
            }
            s->len = (uint8_t)len;
            s->hash = h32;
            s->head = word_head(folded, len);
            s->mask = 1ull << lang;
            return k;
        }
        if (s->hash == h32 && s->len == len && s->head == word_head(folded, len) &&
            (len <= 8 || !memcmp(sw_pool + s->off, folded + 8, len - 8))) {
            s->mask |= 1ull << lang;
            return k;
        }
        k = (k + 1) & (sw_cap - 1);
    }
}

/* Inserts the words of chunks (space-separated) for lang; strong words
 * mark their slots in strong[]. */
static void sw_insert_chunks(const char *const *chunks, int lang,
                             uint64_t *strong, size_t pool_cap)
{
    for (const char *const *c = chunks; *c; c++) {
        const char *p = *c;
        while (*p) {
            size_t n = strcspn(p, " ");
            char folded[NC_WORD_MAX];
            size_t fl = nc_fold_word(p, n, folded);
            if (fl && sw_pool_len + fl <= pool_cap) {
                uint32_t k = sw_insert(folded, fl, lang);
                if (strong)
                    strong[k] |= 1ull << lang;
            }
            p += n;
            while (*p == ' ')
                p++;
        }
    }
}

static bool build_stopwords(void)
{
    size_t words = 0, bytes = 0;
    for (int l = 0; l < nc_nstoplangs && l < NC_LANG_MAX; l++) {
        words += (size_t)nc_stoplangs[l].count;
        for (const char *const *c = nc_stoplangs[l].chunks; *c; c++)
            bytes += strlen(*c);
        for (const char *const *c = nc_stoplangs[l].strong; *c; c++)
            bytes += strlen(*c);
        for (const char *const *c = nc_stoplangs[l].ui; *c; c++)
            bytes += strlen(*c);
    }
    sw_cap = 1024;
    while (sw_cap < 2 * words)
        sw_cap <<= 1;
    size_t pool_cap = bytes * 2 + NC_WORD_MAX; /* folding may grow a word */
    sw_slots = calloc(sw_cap, sizeof *sw_slots);
    sw_pool = malloc(pool_cap);
    uint64_t *strong = calloc(sw_cap, sizeof *strong);
    uint64_t *ui = calloc(sw_cap, sizeof *ui);
    if (!sw_slots || !sw_pool || !strong || !ui) {
        free(strong);
        free(ui);
        return false;
    }
    for (int l = 0; l < nc_nstoplangs && l < NC_LANG_MAX; l++) {
        sw_insert_chunks(nc_stoplangs[l].chunks, l, NULL, pool_cap);
        sw_insert_chunks(nc_stoplangs[l].strong, l, strong, pool_cap);
        sw_insert_chunks(nc_stoplangs[l].ui, l, ui, pool_cap);
    }
    /* A word is strong for a language when no other language of its
     * close group has it unmarked: da "af" is (Norwegian lacks it), a word
     * both the Danish and the Norwegian lists hold but only one marks is
     * not. Other languages that have the word get no boost from it. */
    for (uint32_t k = 0; k < sw_cap; k++) {
        uint64_t st = strong[k], keep = 0;
        for (uint64_t t = st; t; t &= t - 1) {
            int l = __builtin_ctzll(t);
            if ((sw_slots[k].mask & close_group(l) & ~st) == 0)
                keep |= 1ull << l;
        }
        strong[k] = keep;
        ui[k] |= keep; /* "sure": a UI word or a strong one */
    }
    nc_slot_masks = malloc(sw_cap * sizeof *nc_slot_masks);
    if (!nc_slot_masks) {
        free(strong);
        free(ui);
        return false;
    }
    for (uint32_t k = 0; k < sw_cap; k++)
        nc_slot_masks[k] = sw_slots[k].mask;
    nc_slot_strong = strong;
    nc_slot_sure = ui;
    return true;
}

static void text_tables_free(void)
{
    free(nc_cp_stage2);
    free(sw_slots);
    free(sw_pool);
    free(nc_slot_masks);
    free(nc_slot_strong);
    free(nc_slot_sure);
    nc_slot_masks = nc_slot_strong = nc_slot_sure = NULL;
    nc_cp_stage2 = NULL;
    sw_slots = NULL;
    sw_pool = NULL;
    sw_pool_len = 0;
    memset(sw_filter, 0, sizeof sw_filter);
}

nc_status nc_lang_text_init(void)
{
    UErrorCode err = U_ZERO_ERROR;
    u_init(&err);
    if (U_SUCCESS(err)) {
        if (!build_cp_table() || !build_stopwords()) {
            text_tables_free(); /* a later call may try again */
            return NC_ERR_NOMEM;
        }
        /* Loads ICU's word break data once (later opens find it cached)
         * and tells now, not on the first Thai page, that it is there. */
        UBreakIterator *probe = ubrk_open(UBRK_WORD, "", NULL, 0, &err);
        if (probe)
            ubrk_close(probe);
    }
    if (U_SUCCESS(err))
        return NC_OK;
    text_tables_free();
    return err == U_MEMORY_ALLOCATION_ERROR ? NC_ERR_NOMEM : NC_ERR_INTERNAL;
}
