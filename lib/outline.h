/* outline.h - the outline's entry points past nc_clean (newsclean.c), for
 * the tools and tests that run part of the pipeline. */
#ifndef NC_OUTLINE_H
#define NC_OUTLINE_H

#include "internal.h"

/* Runs the stages up to features (for tools/ and training): every block's
 * row, however big the page. */
nc_status nc_pipeline(const char *input, size_t len, const nc_options *opts,
                      nc_doc *doc);
/* nc_pipeline's stages before nc_features (tests set doc knobs between). */
nc_status nc_pipeline_blocks(const char *input, size_t len,
                             const nc_options *opts, nc_doc *doc);
/* After nc_features: scores (driving the windows on a big page), labels,
 * and the feature rows freed. */
void nc_pipeline_classify(nc_doc *doc);

#endif
