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

#endif
