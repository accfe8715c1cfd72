/* result.h - the last stage: the labelled document becomes an nc_result. */
#ifndef NC_RESULT_STAGE_H
#define NC_RESULT_STAGE_H

#include "internal.h"

/* Takes doc's memory on success (doc is zeroed); leaves it on failure. */
nc_status nc_result_build(nc_doc *doc, nc_result **out);
/* result.c: the doc a result owns (result/markdown.c reads its blocks). */
const nc_doc *nc_result_doc(const nc_result *result);

/* result/structure.c: the heading level of doc's block i as the Markdown
 * writes it, 1..6 (0: no heading; its context can take a tag's heading
 * away), with comments true when the comments are written instead of the
 * body; and whether b is a list line of text (a bullet line, or a heading
 * line after another one: text made from HTML lost the list's bullets),
 * prev the block before b, or NULL. */
int nc_block_heading_level(const nc_doc *doc, size_t i, bool comments);
bool nc_block_text_list_line(const nc_block *b, const nc_block *prev);
/* result/url.c: href resolved against base (an absolute URL, or NULL)
 * into out (heap, NUL-terminated); NULL on no memory. A relative href
 * stays as it is when base is NULL. */
char *nc_url_resolve(const char *base, const char *href);

#endif
