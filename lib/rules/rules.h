/* rules/rules.h - the rule book, a base layer every stage may use: every
 * phrase list (rules/lexicon.c, rules/labels.c, rules/words.c,
 * rules/markup.c), the one case fold they are matched with (rules/fold.c)
 * and the one matcher (rules/match.c). Lists and matching only: what a
 * hit decides is the calling stage's business, and each list says which
 * label or feature it leads to. */
#ifndef NC_RULES_H
#define NC_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- rules/fold.c: the case fold ---- */

#define NC_FOLD_LIMIT 0x2000u /* folding by table below this */
/* ICU simple case folding of each code point below NC_FOLD_LIMIT, filled
 * by nc_fold_init (the language stage's tokenizer reads it directly). */
extern uint16_t nc_fold_table[NC_FOLD_LIMIT];
void nc_fold_init(void); /* once, thread-safe; the calls below make it */
uint32_t nc_fold_cp(uint32_t cp); /* after nc_fold_init */
/* Folds text[0..len) into out[0..cap) as far as it fits (a character
 * starts only with 4 bytes of room) and the UTF-8 is valid; returns the
 * folded length, *read the input bytes it covers. */
size_t nc_fold_prefix(const char *text, size_t len, char *out, size_t cap, size_t *read);
/* The same, reading each invalid UTF-8 sequence as U+FFFD and going on. */
size_t nc_fold_lossy(const char *text, size_t len, char *out, size_t cap);

/* ---- rules/match.c: the phrase matcher ---- */

/* A list to index: count phrases, phrase k at (const char *const *)
 * ((const char *)phrase + k * stride) (so a table of structs whose first
 * member is the text serves as well as an array of strings); tag says what
 * a hit on it names (the caller's number). */
typedef struct nc_phrase_list {
    const void *phrase;
    size_t count, stride;
    uint8_t tag;
} nc_phrase_list;
#define NC_LIST(array, tag) \
    {(array), sizeof(array) / sizeof(*(array)), sizeof(*(array)), (tag)}

enum { NC_INDEX_MAX = 512 };
/* Phrases by first byte, then second byte: entry p of the bucket of byte
 * c, p in [start[c], start[c + 1]), is text[p] (len[p] bytes), item[p] of
 * its list, which has tag tag[p]. */
typedef struct nc_phrase_index {
    uint16_t start[257];
    uint16_t count;
    const char *text[NC_INDEX_MAX];
    uint16_t item[NC_INDEX_MAX];
    uint8_t len[NC_INDEX_MAX], tag[NC_INDEX_MAX], second[NC_INDEX_MAX];
    uint8_t pair[256 * 256 / 8]; /* byte pairs that start a phrase */
} nc_phrase_index;

/* false when the lists hold more than NC_INDEX_MAX phrases, or an empty
 * or a longer than 255 bytes one. */
bool nc_phrase_index_build(nc_phrase_index *ix, const nc_phrase_list *lists, size_t nlists);
/* Whether a phrase may start with the bytes a, b (b: 0 at the end). */
static inline bool nc_phrase_may_start(const nc_phrase_index *ix, unsigned a, unsigned b)
{
    unsigned bit = a * 256 + b;
    return ix->pair[bit / 8] & (1u << (bit % 8));
}
/* The next phrase (its entry) that s[i..n) begins with (i < n), from *k
 * on (0 the first time); -1 when there is none left. */
int nc_phrase_next(const nc_phrase_index *ix, const uint8_t *s, size_t n, size_t i,
                   unsigned *k);
/* Hits of phrases standing as words in s[0..n): they start where a word
 * starts (or anywhere in a run of a script written without spaces) and do
 * not end inside a word; word_byte says which bytes make words. Counts
 * each hit in hits[tag] (hits may be NULL); returns the hits, stopping at
 * the first when first_only. */
unsigned nc_phrase_scan(const nc_phrase_index *ix, const uint8_t *s, size_t n,
                        const bool word_byte[256], bool first_only, unsigned *hits);
/* Whether any phrase stands anywhere in s[0..n), inside words too. */
bool nc_phrase_within(const nc_phrase_index *ix, const uint8_t *s, size_t n);
/* The entry of the phrase s[0..n) is, or -1. */
int nc_phrase_whole(const nc_phrase_index *ix, const uint8_t *s, size_t n);

/* ---- rules/lexicon.c: words of page furniture (feature counts) ---- */

typedef enum nc_lexicon {
    NC_LEX_UI, NC_LEX_LEGAL, NC_LEX_CREDIT, NC_LEX_CAPTION, NC_LEX_BYLINE,
    NC_LEX_COMMENT, NC_LEX_RELATED, NC_LEX_COUNT
} nc_lexicon;
#define NC_LEX_BIT(lex) (1u << (lex))
/* Hits of every lexicon in text's first and last 96 bytes (folded), in
 * one scan. */
void nc_lexicon_scan(const char *text, size_t len, unsigned hits[NC_LEX_COUNT]);
/* The same as bits: NC_LEX_BIT(lex) for each lexicon with hits. */
unsigned nc_lexicon_mask(const char *text, size_t len);

/* ---- rules/labels.c: what a short block is, from its words ---- */

/* text opens with a label such as "Lesen Sie auch:" or "Tags:"
 * (case-insensitive, any of the listed languages). */
bool nc_lead_phrase(const char *text, size_t len);
/* What a short block (up to 400 bytes) holds, its text folded once for
 * all three lists:
 * NC_PHRASE_AD, the whole block is an ad slot's label ("Advertisement",
 *   "Anzeige", "Reklama"; ':' and '-' around it ignored; up to 64 bytes);
 * NC_PHRASE_PROMO, it asks for a subscription, a sign-up, an app install
 *   or support ("Subscribe now to our ...", "sign up to get");
 * NC_PHRASE_LEGAL, a rights notice no sentence of an article holds ("All
 *   rights reserved", "Alle Rechte vorbehalten", "Bookmark the permalink"). */
enum { NC_PHRASE_AD = 1u << 0, NC_PHRASE_PROMO = 1u << 1, NC_PHRASE_LEGAL = 1u << 2 };
unsigned nc_block_phrases(const char *text, size_t len);

/* ---- rules/words.c: smaller lists of the detectors ---- */

/* text[0..len) opens with a byline or dateline mark ("By ", "Von ",
 * "Publié le "), as written (case matters: "by" opens sentences). */
bool nc_byline_start(const char *text, size_t len);
/* text[0..len) (at most 64 bytes) holds a reading-time mark ("3 min
 * read", "Lesezeit"). */
bool nc_reading_time(const char *text, size_t len);
/* folded[0..n) holds a month's name or abbreviation ("march", "mai",
 * "jan "), anywhere. */
bool nc_month_name(const char *folded, size_t n);
/* text[0..len) holds a calendar date or a clock time, not only digits
 * around a point: two like separators between digits ("02.01.2024",
 * "2024-01-02", "1/2/24"), a time ("3:46", "18h30") or digits with a
 * month's name ("June 1", "5 mai"). A price, a version or a rating
 * ("$22.00", "4.0", "4.8 / 5") is no date. */
bool nc_date_line(const char *text, size_t len);
/* How many languages' own names ("English", "Deutsch") text[0..len) is
 * made of, between separators; 0 when anything else is in it or it is
 * longer than 120 bytes. */
unsigned nc_endonym_count(const char *text, size_t len);
/* text[0..len) is only a date's label ("Published", "Posted on:",
 * "Veröffentlicht am"): the date is in the next block. */
bool nc_date_label(const char *text, size_t len);
/* A <meta> name or property (lower case) that names the publication date
 * under a site's own prefix ("published", "w-published-date"), not a
 * modified date nor the publisher. */
bool nc_published_key(const char *key);

/* s[0..len), one token, is an image's file name: its part before any '?'
 * ends in an image file extension ("photo.JPG", "a.webp?w=600"). */
bool nc_image_file_name(const char *s, size_t len);

/* ---- rules/markup.c: class, id and role words ---- */

/* What a class/id/itemprop token (lower case, ASCII) says: the bits its
 * table row gives (the caller's NC_HINT_* and flags), or 0. next is the
 * byte after the token in the attribute ('-', '_', ...). */
uint32_t nc_markup_token(const char *tok, size_t len, char next);
/* Readability's class weights, as bits beside the hints: one of its
 * unlikely-candidate words, its positive and its negative words. */
#define NC_MARKUP_UNLIKELY (1u << 31)
#define NC_MARKUP_POSITIVE (1u << 30)
#define NC_MARKUP_NEGATIVE (1u << 29)

#endif
