/* classify.c - STUB */
#include "internal.h"
void nc_classify(nc_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        nc_block *b = &doc->blocks[i];
        b->label = b->words >= 12 ? NC_LABEL_BODY : NC_LABEL_BOILERPLATE;
        b->score = b->words >= 12 ? 1.0f : 0.0f;
    }
}
