/* classify/classify.h - the classify stage: scores from the learned model
 * in two steps, then labels and reasons. The outline gives it the feature
 * rows, all at once or (on a big page) a window of blocks at a time:
 *
 *   nc_classify_stage1 over every window, in order;
 *   nc_classify_context_start;
 *   nc_classify_stage2 over every window, in order, the rows made again;
 *   nc_classify_labels. */
#ifndef NC_CLASSIFY_H
#define NC_CLASSIFY_H

#include "internal.h"

/* Stage 1: blocks [lo, hi) scored from their own rows (row i - lo is
 * block i's); sets score and score1. */
void nc_classify_stage1(nc_doc *doc, size_t lo, size_t hi, const float *rows);

/* What the stage-2 context features carry from one window to the next. */
typedef struct nc_context_walk {
    double total, body_total, before;
    float sure; /* word-weighted mean stage-1 score of the blocks >= 0.5; -1: none */
} nc_context_walk;
/* After stage 1 has scored every block. */
void nc_classify_context_start(nc_doc *doc, nc_context_walk *cw);
/* Stage 2, the context pass: blocks [lo, hi) scored again with their
 * neighbours' stage-1 scores written into their rows; keeps the feature
 * tests the labels need as each block's facts. */
void nc_classify_stage2(nc_doc *doc, nc_context_walk *cw, size_t lo, size_t hi,
                        float *rows);
/* Labels and reasons from the scores and facts (the rows are not read). */
void nc_classify_labels(nc_doc *doc);

#endif
