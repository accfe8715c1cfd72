/* rules/rules.h - the rule book, a base layer every stage may use: the
 * phrase lists (lists of words only; what a hit means is the stages'
 * decision), the one index and matcher over them and the case fold. */
#ifndef NC_RULES_H
#define NC_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* rules/lexicon.c: which lexicon a phrase belongs to. */
typedef enum nc_lexicon {
    NC_LEX_UI, NC_LEX_LEGAL, NC_LEX_CREDIT, NC_LEX_CAPTION, NC_LEX_BYLINE,
    NC_LEX_COMMENT, NC_LEX_RELATED, NC_LEX_COUNT
} nc_lexicon;
#define NC_LEX_BIT(lex) (1u << (lex))
/* Hits of every lexicon in text's first and last 96 bytes (lower-cased),
 * in one scan. */
void nc_lexicon_scan(const char *text, size_t len, unsigned hits[NC_LEX_COUNT]);
/* The same as bits: NC_LEX_BIT(lex) for each lexicon with hits. */
unsigned nc_lexicon_mask(const char *text, size_t len);
/* Lower-cases s[0..len) into out (cap bytes, as far as a whole character
 * fits with 4 bytes to spare); returns the bytes written. */
size_t nc_lower_utf8(const char *s, size_t len, char *out, size_t cap);

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

#endif
