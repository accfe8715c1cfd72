/* lang_text.h - what lang.c shares with lang_text.c: the code point class
 * table, case folding, the stopword hash and the one-pass block tokenizer.
 * Internal to the language stage. */
#ifndef NC_LANG_TEXT_H
#define NC_LANG_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unicode/ubrk.h>

#include "internal.h"

/* Class bits of a code point (low 8 bits: its UScriptCode). */
enum {
    NC_CL_WORD = 1u << 8,     /* part of a word: letter, digit or mark */
    NC_CL_LETTER = 1u << 9,   /* alphabetic: counted in block->letters */
    NC_CL_DIGIT = 1u << 10,
    NC_CL_NOSPACE = 1u << 11, /* a script written without spaces: ICU */
    NC_CL_CASED = 1u << 12,   /* changes when case-folded (cp >= 0x2000) */
    NC_CL_CODE = 1u << 13     /* {}[]()<>=;|&\\ (ASCII table only) */
};

#define NC_LANG_MAX 63     /* languages: one bit each in a 64-bit mask */
#define NC_STRONG_BIT (1ull << 63) /* in a mask: a word that tells close
                                      languages apart (votes thrice) */
#define NC_LANG_BITS (NC_STRONG_BIT - 1)
#define NC_WORD_MAX 64     /* longest word looked up, in folded bytes */
#define NC_BLOCK_SCRIPTS 4 /* scripts remembered per block */
#define NC_DISTINCT_MAX 96 /* distinctive letters (data/stopwords.c) */

/* One-time tables (lang_text.c). On failure nothing is kept, so a later
 * call can try again. */
nc_status nc_lang_text_init(void);

/* The class of code point cp. */
uint16_t nc_cp_class(uint32_t cp);

/* Case-folds the UTF-8 word s[0..len) into out[NC_WORD_MAX]; returns the
 * folded length, 0 when the word is too long or not valid UTF-8. */
size_t nc_fold_word(const char *s, size_t len, char *out);

/* The language mask of a folded word (0: in no stoplist). */
uint64_t nc_stopword_mask(const char *folded, size_t len);

/* What the tokenizer learns about one block. */
typedef struct nc_block_scan {
    uint32_t words;
    uint32_t letters;
    uint32_t chars;        /* code points that are not space */
    uint32_t code_chars;   /* {}[]()<>=;|&\\ : many mean program code */
    uint32_t mask_start;   /* its hit masks in the scanner's array */
    uint32_t mask_count;
    uint16_t script[NC_BLOCK_SCRIPTS]; /* scripts of its letters, most first */
    uint32_t script_letters[NC_BLOCK_SCRIPTS];
    uint16_t distinct[NC_DISTINCT_MAX]; /* nc_distinctive letters seen */
    bool has_distinct;
    bool body_like;        /* used for the document's language */
    float weight;          /* its vote's weight (lang.c) */
} nc_block_scan;

/* Per-call state: the masks of all stopword hits (one growable array),
 * the break iterator and UTF-16 buffer for no-space runs (opened lazily,
 * at most once a call). */
typedef struct nc_scanner {
    uint64_t *masks;
    size_t nmasks, cap_masks;
    UBreakIterator *brk;   /* opened on the first no-space run */
    bool brk_failed;
    uint16_t *u16;
    size_t cap_u16;
    bool failed;           /* memory or ICU failed: stats are partial */
} nc_scanner;

/* Tokenizes one block: words, letters, scripts, stopword hit masks. */
void nc_scan_block(nc_scanner *sc, const char *text, size_t len,
                   nc_block_scan *out);
void nc_scanner_free(nc_scanner *sc);

#endif /* NC_LANG_TEXT_H */
