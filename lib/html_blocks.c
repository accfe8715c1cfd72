/* html_blocks.c - STUB: replaced by the HTML stage. */
#include "internal.h"
nc_status nc_html_blocks(nc_doc *doc) { return nc_text_blocks(doc); }
