/* util/budget.c - opts.max_ms, the caller's deadline for one nc_clean.
 *
 * The deadline is read from the monotonic clock (a few tens of
 * nanoseconds through the vDSO); the block stages ask once a block and
 * once every NC_BUDGET_EVERY parser events, the pipeline before each later
 * stage. Once it has passed, NC_FLAG_WORK_LIMIT is set and stays: every
 * later question is answered from the flag, without the clock. */
#include <time.h>

#include "internal.h"

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void nc_budget_start(nc_doc *doc)
{
    size_t ms = doc->opts.max_ms;
    uint64_t cap = UINT64_MAX / 2000000u; /* far beyond any run, no overflow */
    doc->deadline_ns = ms ? now_ns() + (ms < cap ? (uint64_t)ms : cap) * 1000000u : 0;
}

bool nc_out_of_time(nc_doc *doc)
{
    if (doc->flags & NC_FLAG_WORK_LIMIT)
        return true;
    if (!doc->deadline_ns || now_ns() < doc->deadline_ns)
        return false;
    doc->flags |= NC_FLAG_WORK_LIMIT;
    return true;
}
