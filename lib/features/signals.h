/* features/signals.h - the named detectors: phrase lexicons (UI, legal, credit,
 * caption, byline), dates, repeated text and repeated " - Site" suffixes.
 * Each gives a number the model weighs; none decides alone. */
#ifndef NC_PATTERNS_H
#define NC_PATTERNS_H

#include "internal.h"

/* Page-level pass: fills b->repeat and the suffix counts for every block.
 * Uses the arena for its tables; on no memory it leaves counts at 1. */
void nc_patterns_page(nc_doc *doc);

/* Block-level detectors; each output is >= 0, 0 meaning no sign. */
void nc_patterns_block(const nc_doc *doc, const nc_block *b, float *legal,
                       float *site_suffix, float *credit, float *ui,
                       float *date, float *byline, float *title_like,
                       float *caption);

/* Which lexicon a phrase belongs to (classify/classify.c names reasons by it). */
typedef enum nc_lexicon {
    NC_LEX_UI, NC_LEX_LEGAL, NC_LEX_CREDIT, NC_LEX_CAPTION, NC_LEX_BYLINE,
    NC_LEX_COMMENT, NC_LEX_RELATED, NC_LEX_COUNT
} nc_lexicon;

/* Hits of one lexicon in the block's first and last bytes (lower-cased). */
unsigned nc_lexicon_hits(const nc_block *b, nc_lexicon lex);
/* Hits of every lexicon at once (one scan). */
void nc_lexicon_scan(const nc_block *b, unsigned hits[NC_LEX_COUNT]);
/* Which lexicons have hits in block b of doc: bit 1 << lex. Kept from the
 * features stage's scan (nc_patterns_block), so the classifier does not
 * scan again; scans when that is missing. */
unsigned nc_lexicon_bits(const nc_doc *doc, const nc_block *b);
#define NC_LEX_BIT(lex) (1u << (lex))

#endif
