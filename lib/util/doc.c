/* util/doc.c - releasing a document. Both the outline (a failed or
 * replaced run) and the result (nc_result_free) let go of one, so it is
 * part of the base layer rather than of either. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void nc_doc_drop_input(nc_doc *doc)
{
    if (!doc->utf8_borrowed)
        free(doc->utf8);
    doc->utf8 = NULL;
    doc->utf8_len = 0;
    doc->utf8_borrowed = false;
}

void nc_doc_free(nc_doc *doc)
{
    nc_doc_drop_input(doc);
    free(doc->feat);
    free(doc->feat_patterns);
    free(doc->blocks);
    free(doc->marks);
    nc_arena_free(&doc->arena);
    memset(doc, 0, sizeof *doc);
}
