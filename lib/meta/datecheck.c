/* meta/datecheck.c - the date checked against the dates the page shows:
 * dates in a list (teasers, posts, events) are none of the page's; a
 * structured date the page shows nowhere gives way to the publication
 * date shown by the title. A date written 02-12-2025 is shown either way
 * round. */
#include <stdint.h>
#include <stdlib.h>

#include "meta/meta.h"

enum { TITLE_WINDOW = 10, LIST_RUN = 3 };

static bool dated(const nc_meta_cand *c)
{
    return c->field == NC_META_DATE || c->field == NC_META_MODIFIED;
}

/* A date the reader sees: a <time>, a byline, a date line. */
static bool shown(const nc_meta_cand *c)
{
    return dated(c) && (c->source == NC_SOURCE_TIME || c->source == NC_SOURCE_BYLINE ||
                        c->source == NC_SOURCE_TEXT);
}

static bool structured(nc_meta_source source)
{
    return source == NC_SOURCE_JSON_LD || source == NC_SOURCE_MICRODATA ||
           source == NC_SOURCE_OPEN_GRAPH || source == NC_SOURCE_META;
}

typedef struct shown_at {
    size_t block;
    const nc_date *date;
} shown_at;

static int by_block(const void *a, const void *b)
{
    size_t x = ((const shown_at *)a)->block, y = ((const shown_at *)b)->block;
    return x < y ? -1 : x > y;
}

/* Is the entry at[i] in a run of LIST_RUN or more consecutive blocks of
 * at[0..n) (sorted by block) that show more than one day? (A date
 * repeated line after line is one date shown again.) */
static bool in_list(const shown_at *at, size_t n, size_t i)
{
    size_t first = i, last = i;
    while (first > 0 && at[first - 1].block + 1 >= at[first].block)
        first--;
    while (last + 1 < n && at[last].block + 1 >= at[last + 1].block)
        last++;
    if (at[last].block - at[first].block + 1 < LIST_RUN)
        return false;
    for (size_t k = first + 1; k <= last; k++)
        if (nc_date_cmp_day(at[k].date, at[first].date) != 0)
            return true;
    return false;
}

static bool listed_block(const shown_at *at, size_t n, size_t block)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (at[mid].block < block)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && at[lo].block == block && in_list(at, n, lo);
}

void nc_meta_drop_listed_dates(nc_meta_cands *cs)
{
    shown_at *at = malloc((cs->n ? cs->n : 1) * sizeof *at);
    bool *drop = malloc((cs->n ? cs->n : 1) * sizeof *drop);
    if (!at || !drop) {
        free(at);
        free(drop);
        cs->status = NC_ERR_NOMEM;
        return;
    }
    size_t nat = 0;
    for (size_t i = 0; i < cs->n; i++)
        if (shown(&cs->c[i]))
            at[nat++] = (shown_at){cs->c[i].block, &cs->c[i].date};
    qsort(at, nat, sizeof *at, by_block);
    /* Every candidate is judged before any moves (at[] points at them). */
    for (size_t i = 0; i < cs->n; i++)
        drop[i] = shown(&cs->c[i]) && listed_block(at, nat, cs->c[i].block);
    size_t n = 0;
    for (size_t i = 0; i < cs->n; i++)
        if (!drop[i])
            cs->c[n++] = cs->c[i];
    cs->n = n;
    free(drop);
    free(at);
}

/* The page shows the structured date: on its day somewhere in the world,
 * or read the other way round (02-12-2025). */
static bool shows(const nc_date *shown_day, const nc_date *stamp)
{
    nc_date s;
    return nc_date_local_day(stamp, shown_day) ||
           (nc_date_swapped(shown_day, &s) && nc_date_cmp_day(&s, stamp) == 0);
}

/* A publication date the page shows (not only as its update) on stamp's day. */
static bool shown_date(const nc_meta_cands *cs, const nc_date *stamp)
{
    for (size_t i = 0; i < cs->n; i++)
        if (shown(&cs->c[i]) && cs->c[i].field == NC_META_DATE && shows(&cs->c[i].date, stamp))
            return true;
    return false;
}

static size_t title_block(const nc_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].label == NC_LABEL_TITLE)
            return i;
    return SIZE_MAX;
}

/* The publication date shown by the title (a <time> or a byline within
 * a few blocks of it; under it only, when under), not the day of any
 * modified date; NULL when none. */
static const nc_meta_cand *date_by_title(const nc_doc *doc, const nc_meta_cands *cs, bool under)
{
    size_t title = title_block(doc);
    if (title == SIZE_MAX)
        return NULL;
    for (size_t i = 0; i < cs->n; i++) {
        const nc_meta_cand *c = &cs->c[i];
        if (c->field != NC_META_DATE ||
            (c->source != NC_SOURCE_TIME && c->source != NC_SOURCE_BYLINE) ||
            (c->block > title ? c->block - title : title - c->block) > TITLE_WINDOW ||
            (under && c->block < title))
            continue;
        bool modified = false;
        for (size_t k = 0; k < cs->n && !modified; k++)
            modified = cs->c[k].field == NC_META_MODIFIED &&
                       nc_date_cmp_day(&cs->c[k].date, &c->date) == 0;
        if (!modified)
            return c;
    }
    return NULL;
}

bool nc_meta_date_checked(const nc_doc *doc, const nc_meta_cands *cs, const nc_meta_cand *chosen,
                          nc_meta_cand *out)
{
    if (!structured(chosen->source)) {
        /* A date shown above the title (a masthead's "today") gives way to
         * the one under it. */
        const nc_meta_cand *by_title =
            chosen->block < title_block(doc) ? date_by_title(doc, cs, true) : NULL;
        if (!by_title)
            return false;
        *out = *by_title;
        return true;
    }
    if (shown_date(cs, &chosen->date))
        return false;
    /* Another structured source's date that the page shows. */
    for (size_t i = 0; i < cs->n; i++)
        if (cs->c[i].field == NC_META_DATE && structured(cs->c[i].source) &&
            shown_date(cs, &cs->c[i].date)) {
            *out = cs->c[i];
            return true;
        }
    const nc_meta_cand *by_title = date_by_title(doc, cs, false);
    if (!by_title)
        return false;
    *out = *by_title;
    return true;
}
