/*
 * internal.h - what the stages share. Never installed, never included by
 * users. The pipeline (newsclean.c) runs, in order:
 *
 *   input/decode.c        bytes -> UTF-8 (BOM, charset, repair, NUL, CRLF)
 *   blocks/text.c  plain text -> blocks     | blocks/html/walk.c  HTML -> blocks
 *   lang/detect.c         document language, script, stopwords, word counting
 *   features/features.c     per-block feature vector
 *   classify/classify.c     labels and reasons: model, detectors, context pass
 *   result.c       nc_result: paragraphs and accessors
 */
#ifndef NC_INTERNAL_H
#define NC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "newsclean.h"

/* ---- util/arena.c: one arena per nc_clean call, freed at once ---- */

typedef struct nc_arena_chunk nc_arena_chunk;
typedef struct nc_arena {
    nc_arena_chunk *head; /* newest chunk first */
    size_t used;          /* bytes used in head */
    size_t cap;           /* bytes in head */
    size_t total;         /* all bytes allocated, for the memory limit */
} nc_arena;

void nc_arena_init(nc_arena *arena);
void nc_arena_free(nc_arena *arena);
/* NULL when memory runs out. Aligned for any type. */
void *nc_arena_alloc(nc_arena *arena, size_t size);
/* A NUL-terminated copy of s[0..len) in the arena; NULL on no memory. */
char *nc_arena_strndup(nc_arena *arena, const char *s, size_t len);

/* A growable byte buffer on the heap (for building text). */
typedef struct nc_buf {
    char *data;
    size_t len;
    size_t cap;
    bool failed; /* an append ran out of memory; data stays valid */
} nc_buf;

void nc_buf_free(nc_buf *buf);
bool nc_buf_reserve(nc_buf *buf, size_t extra);
bool nc_buf_append(nc_buf *buf, const char *s, size_t len);
bool nc_buf_append_char(nc_buf *buf, char c);

/* Writes code point cp (<= U+10FFFF) as UTF-8 to out; returns the bytes. */
static inline size_t nc_utf8_put(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ---- blocks: the one model both text and HTML produce ---- */

/* HTML evidence a block carries (NC_TAG_NONE for plain text). */
typedef enum nc_tag {
    NC_TAG_NONE = 0, NC_TAG_P, NC_TAG_H1, NC_TAG_H2, NC_TAG_H3, NC_TAG_H4,
    NC_TAG_H5, NC_TAG_H6, NC_TAG_LI, NC_TAG_TD, NC_TAG_DIV, NC_TAG_PRE,
    NC_TAG_BLOCKQUOTE, NC_TAG_FIGCAPTION, NC_TAG_DT, NC_TAG_DD,
    NC_TAG_OTHER, NC_TAG_COUNT
} nc_tag;

/* Ancestor bits: which containers a block sits in. */
enum {
    NC_IN_NAV = 1u << 0, NC_IN_HEADER = 1u << 1, NC_IN_FOOTER = 1u << 2,
    NC_IN_ASIDE = 1u << 3, NC_IN_FORM = 1u << 4, NC_IN_FIGURE = 1u << 5,
    NC_IN_ARTICLE = 1u << 6, NC_IN_MAIN = 1u << 7, NC_IN_BUTTON = 1u << 8,
    NC_IN_LIST = 1u << 9, NC_IN_TABLE = 1u << 10, NC_IN_BLOCKQUOTE = 1u << 11,
    NC_IN_ARTICLE_BODY = 1u << 12, /* itemprop=articleBody */
    NC_IN_BEST = 1u << 13,         /* inside the densest text container */
    NC_IN_LINK = 1u << 14,         /* the whole block is one link */
    NC_IN_SELECT = 1u << 15,
    NC_IN_BEST_WIDE = 1u << 16     /* inside the ancestor of the best
                                      container that holds more paragraph
                                      text than 8x other text (recall-
                                      leaning; a superset of NC_IN_BEST) */
};

/* Class/id/role/itemprop token bits (blocks/html/walk.c sets them). */
enum {
    NC_HINT_NAV = 1u << 0, NC_HINT_SHARE = 1u << 1, NC_HINT_RELATED = 1u << 2,
    NC_HINT_PROMO = 1u << 3, NC_HINT_COMMENT = 1u << 4,
    NC_HINT_CAPTION = 1u << 5, NC_HINT_CREDIT = 1u << 6,
    NC_HINT_BYLINE = 1u << 7, NC_HINT_COOKIE = 1u << 8,
    NC_HINT_NEWSLETTER = 1u << 9, NC_HINT_AD = 1u << 10,
    NC_HINT_FOOTER = 1u << 11, NC_HINT_SIDEBAR = 1u << 12,
    NC_HINT_CONTENT = 1u << 13, /* article, content, entry, story, body */
    NC_HINT_HIDDEN = 1u << 14, NC_HINT_TITLE = 1u << 15,
    NC_HINT_META = 1u << 16, /* date, time, tags, category */
    NC_HINT_BREADCRUMB = 1u << 17
};

#define NC_NFEAT 80 /* room in the feature vector; features/features.c names them */

typedef struct nc_block {
    char *text;        /* NFC UTF-8, white space collapsed, in the arena */
    size_t len;        /* bytes */
    /* Evidence from the source. */
    nc_tag tag;
    uint32_t in;       /* NC_IN_* */
    uint32_t hints;    /* NC_HINT_* of the block and its ancestors */
    uint16_t depth;    /* tree depth (0 for text) */
    uint16_t facts;    /* classify/classify.c: the feature tests its detectors make,
                          kept as bits when the rows go */
    float link_chars;  /* chars inside <a> */
    bool gap_before;   /* text: a blank line before it; html: a new parent */
    bool list_item;    /* text: a bullet line; html: <li> */
    uint32_t source_line; /* text: first line number; html: 0 */
    /* Filled by lang/detect.c / features/features.c. */
    uint32_t words;      /* word count (ICU rules for no-space scripts) */
    uint32_t stopwords;  /* words in the document language's stoplist */
    uint32_t letters;    /* letter code points */
    uint32_t script;     /* UScriptCode of most letters, USCRIPT_COMMON=0 */
    uint32_t repeat;     /* how many blocks on the page have the same text */
    int32_t lang_score;  /* lang/detect.c: stopwords of the doc language minus best
                            other language's (foreign evidence < 0) */
    int16_t block_lang;  /* lang/detect.c: the block's own best language (index
                            as doc->lang), -1 when it shows none */
    float foreign;       /* lang/detect.c: 0..1 evidence the block is in another
                            language or script than the document */
    float *feat;         /* NC_NFEAT features (features/slots.h): a row of
                            doc->feat, from nc_features to the end of
                            nc_classify (then NULL) */
    /* Filled by classify/classify.c. */
    float score;       /* body probability (stage 2) */
    float score1;      /* stage 1's, before the context pass */
    nc_label label;
    nc_reason reason;
} nc_block;

/* Everything one nc_clean call works on. */
typedef struct nc_doc {
    nc_arena arena;
    nc_options opts;
    /* input/decode.c */
    char *utf8;        /* the input as UTF-8 (heap, freed by the pipeline) */
    bool utf8_borrowed;/* utf8 is the caller's input, not to be freed */
    size_t utf8_len;
    const char *encoding; /* the charset read as (static, or the hint copied into the arena) */
    double encoding_confidence; /* 0..1: 1 for a BOM, hint, declaration or
                                   valid UTF-8; the detector's for a guess */
    unsigned flags;    /* NC_FLAG_* */
    size_t repairs;
    nc_input_kind kind;
    bool read_fallback;/* html: read <noscript> (nc_clean's second pass) */
    bool saw_fallback; /* html: the page has a <noscript> */
    /* blocks */
    nc_block *blocks;  /* heap array */
    size_t nblocks;
    size_t cap_blocks;
    /* page-level hints (html) or guesses (text); arena strings or NULL */
    char *title;       /* chosen title */
    char *html_title;  /* <title> */
    char *og_title;
    char *site_name;
    char *html_lang;   /* <html lang> */
    char *ld_body;     /* JSON-LD articleBody */
    /* lang/detect.c */
    int lang;          /* index into the stoplist table, -1 undecided */
    char lang_code[16];
    double lang_confidence;
    uint32_t script;   /* UScriptCode */
    /* features/signals.c: per-block counts of repeated " - Site" suffixes */
    void *patterns;
    /* features/features.c: the blocks' feature rows, NC_NFEAT floats a block (heap;
     * freed by nc_classify, which is their last reader) */
    float *feat;
    size_t feat_rows;  /* rows doc->feat holds: nblocks, or fewer on a big
                          page, whose rows classify/classify.c makes a window at a
                          time (nc_features_window) */
    size_t feat_window;/* rows a window: 0 picks (all up to 32768 blocks);
                          tests set it to run both paths */
    float *feat_patterns; /* with windows: NC_NPATTERN floats a block, kept
                             from the first pass for the second (heap) */
} nc_doc;

/* Appends a block with text[0..len) (copied into the arena after white
 * space is collapsed; empty blocks are not added). NULL on no memory or
 * when max_blocks is reached (then NC_FLAG_TRUNCATED_BLOCKS is set and
 * *status stays NC_OK). */
nc_block *nc_doc_add_block(nc_doc *doc, const char *text, size_t len,
                           nc_status *status);

/* ---- stages ---- */

/* input/decode.c: doc->utf8 from the raw bytes; sets encoding, flags, repairs. */
nc_status nc_input_decode(nc_doc *doc, const char *input, size_t len);
/* input/decode.c: ICU's to-Unicode callback (a UConverterToUCallback,
 * context an nc_unmapped): counts each byte sequence the charset has no
 * character for (invalid, unassigned, a lone surrogate in UTF-16) and,
 * with replace, writes one U+FFFD for it, else nothing. */
typedef struct nc_unmapped {
    size_t count;
    bool replace;
} nc_unmapped;
#ifdef UCNV_H /* for the files that include <unicode/ucnv.h> first */
void nc_input_count_unmapped(const void *context, UConverterToUnicodeArgs *args,
                             const char *bytes, int32_t length,
                             UConverterCallbackReason reason, UErrorCode *err);
#endif
/* input/charset.c: TEXT or HTML from the start of the UTF-8 text. */
nc_input_kind nc_input_detect_kind(const char *s, size_t len);
/* input/charset.c: the charset a page declares (<meta>, the XML
 * declaration) with a WHATWG label, as the HTML prescan takes it (utf-16
 * means utf-8); NULL when none or not a WHATWG label. */
const char *nc_input_declared_charset(const char *s, size_t len);
/* input/charset.c: the charset of bytes that are not valid UTF-8, guessed
 * by ICU's detector from the text the page shows (not its tags, scripts
 * and styles); *confidence 0..1 (windows-1252 at 0 when nothing fits);
 * *garbled_risk when the confidence is below NC_CHARSET_SURE and the
 * bytes in doubt are 1% of the shown text or more. */
#define NC_CHARSET_SURE 0.5
const char *nc_input_detect_charset(const char *s, size_t len, double *confidence,
                                    bool *garbled_risk);
/* input/charset.c: the declared charset (*confidence 1), else the
 * detected one; never NULL. */
const char *nc_input_sniff_charset(const char *s, size_t len, double *confidence,
                                   bool *garbled_risk);
/* input/labels.c: the WHATWG encoding a label names ("latin1" ->
 * "windows-1252", "utf-16" -> "utf-16le", "iso-2022-kr" ->
 * "replacement"), ASCII case and white space around ignored; NULL for
 * any other name. */
const char *nc_input_label_encoding(const char *label);
/* input/labels.c: the WHATWG encodings by their names, for tests. */
size_t nc_input_encoding_count(void);
const char *nc_input_encoding_at(size_t i);

/* blocks/text.c: plain text (one block a line, or wrapped paragraphs). */
nc_status nc_text_blocks(nc_doc *doc);
/* blocks/html/walk.c: the DOM walk. */
nc_status nc_html_blocks(nc_doc *doc);

/* lang/detect.c */
nc_status nc_lang_init(void);                /* once, thread-safe */
nc_status nc_lang_analyse(nc_doc *doc);      /* words, stopwords, language */
const char *nc_script_code(uint32_t script); /* ISO 15924 */
/* The BCP-47 code of table language lang ("und" when out of range). */
const char *nc_lang_code_at(int lang);
/* Whether word[0..len) is in the document language's stoplist. */
bool nc_is_stopword(const nc_doc *doc, const char *word, size_t len);

/* features/features.c */
nc_status nc_features(nc_doc *doc); /* NC_ERR_NOMEM */
extern const char *const nc_feature_names[NC_NFEAT];
int nc_feature_count(void); /* how many of the NC_NFEAT slots are used */
/* The rows a window of blocks at a time: nc_features_start, then
 * nc_features_window for [lo, hi) in order from block 0 (a running sum
 * carries over); row i - lo of rows is block i's, as nc_features makes. */
typedef struct nc_feat_walk {
    double total_words, words_before;
    unsigned max_depth;
    float *patterns;     /* NULL, or NC_NPATTERN slots a block (features/signals.c's
                            F_LEGAL .. F_CAPTION_WORDS, the costly half) */
    bool patterns_known; /* read them there instead of scanning again */
} nc_feat_walk;
#define NC_NPATTERN 8
void nc_features_start(const nc_doc *doc, nc_feat_walk *walk);
void nc_features_window(const nc_doc *doc, nc_feat_walk *walk, size_t lo,
                        size_t hi, float *rows);

/* classify/classify.c */
void nc_classify(nc_doc *doc);
/* rules/phrases.c: text opens with a label such as "Lesen Sie auch:" or
 * "Tags:" (case-insensitive, any of the listed languages). */
bool nc_lead_phrase(const char *text, size_t len);
/* rules/phrases.c: what a short block (up to 400 bytes) holds, its text
 * case-folded once for all three lists:
 * NC_PHRASE_AD, the whole block is an ad slot's label ("Advertisement",
 *   "Anzeige", "Reklama"; ':' and '-' around it ignored; up to 64 bytes);
 * NC_PHRASE_PROMO, it asks for a subscription, a sign-up, an app install
 *   or support ("Subscribe now to our ...", "sign up to get");
 * NC_PHRASE_LEGAL, a rights notice no sentence of an article holds ("All
 *   rights reserved", "Alle Rechte vorbehalten", "Bookmark the permalink"). */
enum { NC_PHRASE_AD = 1u << 0, NC_PHRASE_PROMO = 1u << 1, NC_PHRASE_LEGAL = 1u << 2 };
unsigned nc_block_phrases(const char *text, size_t len);
/* A short static list of strings bucketed by first byte (rules/phrases.c,
 * classify/pickers.c): string k of bucket c is list[by_first[j]] for j in
 * [start[c], start[c + 1]), its length len[by_first[j]]. */
typedef struct nc_phrase_index {
    uint8_t len[255], by_first[255], start[257];
} nc_phrase_index;
void nc_phrase_index_build(nc_phrase_index *ix, const char *const *list, size_t n);
/* Case-folds (ICU simple folding) text[0..len) into out[0..cap) as far as
 * it fits (a character starts only with 4 bytes of room) and the UTF-8 is
 * valid; returns the folded length, *read the input bytes it covers. */
size_t nc_fold_prefix(const char *text, size_t len, char *out, size_t cap, size_t *read);
/* classify/pickers.c: labels language pickers ("English | Deutsch") foreign. */
void nc_mark_language_pickers(nc_doc *doc);

/* result.c */
nc_status nc_result_build(nc_doc *doc, nc_result **out);

/* newsclean.c: runs stages up to features (for tools/ and training):
 * every block's row, however big the page. */
nc_status nc_pipeline(const char *input, size_t len, const nc_options *opts,
                      nc_doc *doc);
/* nc_pipeline's stages before nc_features (tests set doc knobs between). */
nc_status nc_pipeline_blocks(const char *input, size_t len,
                             const nc_options *opts, nc_doc *doc);
void nc_doc_free(nc_doc *doc);

/* Internal symbols the tools link against (static library only). */
#endif /* NC_INTERNAL_H */
