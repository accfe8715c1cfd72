/* result.h - the last stage: the labelled document becomes an nc_result. */
#ifndef NC_RESULT_STAGE_H
#define NC_RESULT_STAGE_H

#include "internal.h"

/* Takes doc's memory on success (doc is zeroed); leaves it on failure. */
nc_status nc_result_build(nc_doc *doc, nc_result **out);

#endif
