/* classify/model.h - gradient-boosted trees as generated tables (lib/classify/model.gen.c,
 * written by tools/train.py) and their evaluation. */
#ifndef NC_MODEL_H
#define NC_MODEL_H

#include <stddef.h>
#include <stdint.h>

typedef struct nc_tree_node {
    int32_t feature;  /* -1 for a leaf */
    float threshold;  /* go left when x[feature] <= threshold */
    int32_t left, right;
    float value;      /* a leaf's contribution to the raw score */
} nc_tree_node;

typedef struct nc_tree_model {
    const nc_tree_node *nodes;
    const uint32_t *roots;
    uint32_t ntrees;
    float baseline;
    int32_t nfeatures; /* how many inputs it reads */
} nc_tree_model;

extern const nc_tree_model nc_model_stage1, nc_model_stage2;
extern const char *const nc_model_feature_names[];
extern const int nc_model_feature_count;

/* The body probability the model gives the feature vector x. */
float nc_model_predict(const nc_tree_model *m, const float *x);

/* classify/model.c: the same probabilities, bit for bit, for n vectors at
 * once: vector i at (const char *)x + i * stride, its probability written
 * to (char *)out + i * out_stride (strides in bytes, so both can point
 * into an array of blocks). Much faster than n nc_model_predict calls. */
void nc_model_predict_all(const nc_tree_model *m, const float *x, size_t stride,
                          size_t n, float *out, size_t out_stride);

#endif
