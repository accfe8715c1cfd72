/* features/features.h - the feature stage: one row of NC_NFEAT numbers a
 * block (features/slots.h names the slots) for the classifier to weigh. */
#ifndef NC_FEATURES_STAGE_H
#define NC_FEATURES_STAGE_H

#include "internal.h"

/* Every block's row in doc->feat, or, on a big page (more than 32768
 * blocks, or doc->feat_window rows), room for one window of rows that the
 * outline fills with nc_features_window (NC_ERR_NOMEM). */
nc_status nc_features(nc_doc *doc);
extern const char *const nc_feature_names[NC_NFEAT];
int nc_feature_count(void); /* how many of the NC_NFEAT slots are used */
/* features/ld_match.c: sets every block's ld_found: whether its opening
 * words stand in the JSON-LD articleBody (NC_ERR_NOMEM). */
nc_status nc_ld_match(nc_doc *doc);

/* The rows a window of blocks at a time: nc_features_start, then
 * nc_features_window for [lo, hi) in order from block 0 (a running sum
 * carries over); row i - lo of rows is block i's, as nc_features makes. */
typedef struct nc_feat_walk {
    double total_words, words_before;
    unsigned max_depth;
    float *patterns;     /* NULL, or NC_NPATTERN slots a block (features/signals.c's
                            F_LEGAL .. F_CAPTION_WORDS, the costly half) */
    bool patterns_known; /* read them there instead of scanning again */
} nc_feat_walk;
#define NC_NPATTERN 8
/* again: a second walk over the page, which reads the phrase scans the
 * first one kept in doc->feat_patterns instead of scanning again. */
void nc_features_start(const nc_doc *doc, nc_feat_walk *walk, bool again);
void nc_features_window(const nc_doc *doc, nc_feat_walk *walk, size_t lo,
                        size_t hi, float *rows);

#endif
