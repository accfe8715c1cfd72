/* classify/fallback.h - the page-level check after the block labels
 * (classify/fallback.c). */
#ifndef NC_FALLBACK_H
#define NC_FALLBACK_H

#include "internal.h"

/* When the kept body is a small share of the paragraphs of the page's
 * container (HTML: the best content container; text: the span of the kept
 * paragraphs) and the model reads them as mostly body, the paragraphs it
 * dropped (score under threshold, the labels' cut) are restored as body,
 * reason NC_REASON_CONTAINER_BODY. Linear, allocates nothing. */
void nc_restore_container_body(nc_doc *doc, float threshold);

/* A page of at most 30 words in at most 10 blocks comes back whole but its
 * title (reason NC_REASON_THIN_PAGE): nothing to clean away. Else, when
 * the kept body and headings hold under 300 words, the page may be
 * no article (a listing, a forum thread, a product or a tiny page): every
 * block the model scored at least 0.1 that no detector named legal text or
 * a comment is kept, and the comments too when they hold over 200 words;
 * unless nothing was kept, only when those hold at least 150 words and six
 * times the kept ones (a short article's sidebar does not), and never when
 * all of it is links. Kept blocks get the reason NC_REASON_THIN_PAGE.
 * Linear, allocates nothing. */
void nc_keep_thin_page(nc_doc *doc);

/* Plain text only: where the kept body and headings hold at least 300
 * words, every run of three or more paragraphs after the first kept block
 * (30 words or more, two sentence stops, ending as a sentence ends, scored
 * at least 0.1 and dropped on the model's score alone), with no dropped
 * block of more than 3 words between them, is kept as body with the reason
 * NC_REASON_CONTAINER_BODY: the second half of a long text the model's
 * score sank on. Linear, allocates nothing. */
void nc_keep_prose_runs(nc_doc *doc);

/* A page that holds its article two or more times (a layout for each
 * screen, a second rendering of the article) drops every copy as
 * repeated; one copy comes back, reason NC_REASON_ONE_COPY:
 * - a paragraph of at least 15 words ending as a sentence ends, every copy
 *   dropped as repeated: the best-scored copy, when stage 2 scored it at
 *   least 0.3 (0.2 in text, and in text only on a page with three such
 *   paragraphs: one paragraph printed twice there is a teaser of the lead);
 * - a run of at least 4 blocks the page holds twice in the same order,
 *   with at least 2 such paragraphs among them and a mean score of at
 *   least 0.1: at each position where no copy is kept, the block of the
 *   better-scored run, headings and list items too.
 * Sorts the repeated blocks (heap, freed; on no memory nothing changes). */
void nc_keep_one_copy(nc_doc *doc);

/* The kept blocks fall into clusters split by runs of dropped blocks (10
 * in text, 5 in HTML), and the cluster of most words that holds more
 * than headings is the body (of all clusters, where none of those holds
 * 60 words). Another cluster's blocks the model kept (reasons model,
 * context-keep, heading-markup) are dropped as boilerplate, reason
 * NC_REASON_FAR_FROM_BODY, when the cluster holds only headings or its
 * word-weighted mean score is a margin under the body's (0.25 in text,
 * 0.2 in HTML). HTML: only on a page that declares itself an article,
 * only after the body, and only when the body's mean is at least 0.9.
 * Linear, allocates nothing. */
void nc_drop_far_islands(nc_doc *doc);

#endif
