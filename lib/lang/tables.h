/* lang/tables.h - what lang/detect.c shares with lang/tables.c: the code point class
 * table, case folding, the stopword hash and the one-pass block tokenizer.
 * Internal to the language stage. */
#ifndef NC_LANG_TEXT_H
#define NC_LANG_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unicode/ubrk.h>

#include "internal.h"
#include "lang/lang.h"
#include "rules/rules.h" /* the case fold: nc_fold_table */

/* Class bits of a code point (low 8 bits: its UScriptCode). */
enum {
    NC_CL_WORD = 1u << 8,     /* part of a word: letter, digit or mark */
    NC_CL_LETTER = 1u << 9,   /* alphabetic: counted in block->letters */
    NC_CL_DIGIT = 1u << 10,
    NC_CL_NOSPACE = 1u << 11, /* a script written without spaces: ICU */
    NC_CL_CASED = 1u << 12,   /* changes when case-folded (cp >= 0x2000) */
    NC_CL_CODE = 1u << 13,    /* {}[]()<>=;|&\\ (ASCII table only) */
    /* An invisible format character (gc=Cf: bidi marks, embeddings and
     * isolates, soft hyphen, joiners, BOM): never counted as a character.
     * Bidi marks in RTL text sit between any two letters or after the
     * final stop; they must not split a word or end a sentence. */
    NC_CL_FORMAT = 1u << 14,
    /* A format character that breaks words all the same (UAX #29): the
     * zero-width space, and ZWNJ/ZWJ, which the Persian stoplist splits
     * at ("می" of "می‌شود" is a word of its own there). */
    NC_CL_FORMAT_BREAK = 1u << 15
};

#define NC_LANG_MAX 64     /* languages: one bit each in a 64-bit mask */
#define NC_WORD_MAX 64     /* longest word looked up, in folded bytes */
#define NC_BLOCK_SCRIPTS 4 /* scripts remembered per block */
#define NC_DISTINCT_MAX 96 /* distinctive letters (lang/stopwords.gen.c) */

/* Tables lang/tables.c builds once and lang/tokens.c reads. */
extern uint16_t nc_ascii_class[128];          /* the hot path's classes */
extern uint8_t nc_distinct_index[0x800];      /* nc_distinctive, 0xFF none */

/* UTF-8, for the tokenizer and the folding. */
/* Decodes one code point at s (left > 0 bytes); invalid bytes read as
 * U+FFFD one at a time (input/decode.c has repaired the text already). */
static inline size_t nc_utf8_next(const unsigned char *s, size_t left, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || n > left || c > 0xF4) {
        *cp = 0xFFFD;
        return 1;
    }
    uint32_t v = c & (0x7Fu >> n);
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[k] & 0x3Fu);
    }
    *cp = v;
    return n;
}



/* One-time tables (lang/tables.c). On failure nothing is kept, so a later
 * call can try again. */
nc_status nc_lang_text_init(void);

/* The class of code point cp: a two-stage table over planes 0-3, past
 * which (Han extensions end at 0x3FFFF) nothing is counted. */
#define NC_CP_LIMIT 0x40000u
#define NC_CP_SHIFT 7
#define NC_CP_BLOCK (1u << NC_CP_SHIFT)
extern uint16_t nc_cp_stage1[NC_CP_LIMIT >> NC_CP_SHIFT];
extern uint16_t *nc_cp_stage2;

static inline uint16_t nc_cp_class(uint32_t cp)
{
    if (cp >= NC_CP_LIMIT)
        return 0;
    return nc_cp_stage2[((size_t)nc_cp_stage1[cp >> NC_CP_SHIFT] << NC_CP_SHIFT) |
                        (cp & (NC_CP_BLOCK - 1))];
}

/* Case-folds the UTF-8 word s[0..len) into out[NC_WORD_MAX]; returns the
 * folded length, 0 when the word is too long or not valid UTF-8. */
size_t nc_fold_word(const char *s, size_t len, char *out);

/* The language mask of a folded word (0: in no stoplist). */
uint64_t nc_stopword_mask(const char *folded, size_t len);
/* The same as a slot number (NC_NO_SLOT: in no stoplist); nc_slot_mask
 * gives its mask. Hits are kept as slots: half the memory of masks. */
#define NC_NO_SLOT UINT32_MAX
uint32_t nc_stopword_slot(const char *folded, size_t len);
extern uint64_t *nc_slot_masks;
static inline uint64_t nc_slot_mask(uint32_t slot) { return nc_slot_masks[slot]; }
/* Per slot, the languages whose curated function words ("strong": they
 * tell close languages apart, vote thrice) or UI words it holds; "sure"
 * is strong or UI: one such word alone is evidence of its language. */
extern uint64_t *nc_slot_strong;
extern uint64_t *nc_slot_sure;

/* What the tokenizer learns about one block. */
typedef struct nc_block_scan {
    uint32_t words;
    uint32_t letters;
    uint32_t chars;        /* code points that are not space */
    uint32_t code_chars;   /* {}[]()<>=;|&\\ : many mean program code */
    uint32_t hit_start;    /* its stopword hits in the scanner's array */
    uint32_t hit_count;
    uint16_t script[NC_BLOCK_SCRIPTS]; /* scripts of its letters, most first */
    uint32_t script_letters[NC_BLOCK_SCRIPTS];
    bool body_like;        /* used for the document's language */
    float weight;          /* its vote's weight (lang/detect.c) */
} nc_block_scan;

/* Per-call state: the masks of all stopword hits (one growable array),
 * the break iterator and UTF-16 buffer for no-space runs (opened lazily,
 * at most once a call). */
typedef struct nc_scanner {
    uint32_t *hits;        /* stopword slots of every hit, block by block */
    size_t nhits, cap_hits;
    UBreakIterator *brk;   /* opened on the first no-space run */
    bool brk_failed;
    uint16_t *u16;
    size_t cap_u16;
    uint16_t distinct[NC_DISTINCT_MAX]; /* the last block's nc_distinctive
                                           letters (read before the next) */
    bool has_distinct;
    bool failed;           /* memory or ICU failed: stats are partial */
} nc_scanner;

/* Tokenizes one block: words, letters, scripts, stopword hit masks. */
void nc_scan_block(nc_scanner *sc, const char *text, size_t len,
                   nc_block_scan *out);
void nc_scanner_free(nc_scanner *sc);

#endif /* NC_LANG_TEXT_H */
