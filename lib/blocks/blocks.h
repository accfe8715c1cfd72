/* blocks/blocks.h - the block stage: the decoded input cut into blocks,
 * from plain text or from HTML (blocks/html/). */
#ifndef NC_BLOCKS_H
#define NC_BLOCKS_H

#include "internal.h"

/* blocks/block.c: appends a block with text[0..len) (copied into the
 * arena after white space is collapsed; empty blocks are not added). NULL
 * on no memory or when max_blocks is reached (then
 * NC_FLAG_TRUNCATED_BLOCKS is set and *status stays NC_OK). */
nc_block *nc_doc_add_block(nc_doc *doc, const char *text, size_t len,
                           nc_status *status);
/* The same, and maps the n byte offsets at[] into text[0..len) (sorted,
 * each <= len) to offsets into the block's collapsed text. */
nc_block *nc_doc_add_block_mapped(nc_doc *doc, const char *text, size_t len,
                                  uint32_t *at, size_t n, nc_status *status);
/* Appends a mark (url and alt already in the arena); false on no memory. */
bool nc_doc_add_mark(nc_doc *doc, const nc_mark *mark);

/* blocks/text.c: plain text (one block a line, or wrapped paragraphs). */
nc_status nc_text_blocks(nc_doc *doc);
/* blocks/html/walk.c: the DOM walk. */
nc_status nc_html_blocks(nc_doc *doc);

#endif
