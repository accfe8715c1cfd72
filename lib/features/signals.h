/* features/signals.h - the named detectors: lexicon hits (rules/lexicon.c),
 * dates, repeated text and repeated " - Site" suffixes. Each gives a number
 * the model weighs; none decides alone. */
#ifndef NC_PATTERNS_H
#define NC_PATTERNS_H

#include "internal.h"

/* Page-level pass: fills b->repeat and the suffix counts for every block,
 * and doc->lexicon_bits. Uses the arena for its tables; on no memory it
 * leaves counts at 1. */
void nc_patterns_page(nc_doc *doc);

/* Block-level detectors; each output is >= 0, 0 meaning no sign. */
void nc_patterns_block(const nc_doc *doc, const nc_block *b, float *legal,
                       float *site_suffix, float *credit, float *ui,
                       float *date, float *byline, float *title_like,
                       float *caption);

#endif
