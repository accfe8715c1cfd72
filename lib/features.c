/* features.c - STUB */
#include "internal.h"
const char *const nc_feature_names[NC_NFEAT] = {0};
void nc_features(nc_doc *doc) { (void)doc; }
