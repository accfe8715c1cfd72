/* model.c - placeholder until tools/train.py writes the real tables. */
#include "model.h"
static const nc_tree_node leaf[1] = {{-1, 0.0f, 0, 0, 0.0f}};
static const uint32_t roots[1] = {0};
const nc_tree_model nc_model_stage1 = {leaf, roots, 1, 0.0f, 0};
const nc_tree_model nc_model_stage2 = {leaf, roots, 1, 0.0f, 0};
const char *const nc_model_feature_names[] = {""};
const int nc_model_feature_count = 0;
