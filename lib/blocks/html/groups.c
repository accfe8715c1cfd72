/* blocks/html/groups.c - how many look-alike groups a block's container
 * stands among, a feature for the classifier (nc_block.groups).
 *
 * An article's paragraphs share one parent; a comment thread, a row of
 * teaser cards or a product grid repeats one small structure, each copy
 * with its own parent element. So for a block we take the element
 * holding its container (level 1) and that element's parent (level 2),
 * give each a key (its tag name and class with its parent's) and count how
 * many elements holding blocks have that key on the page. An article's
 * body counts 1 at both levels; the tenth comment or card counts 10.
 * Whether such repetition is the body (a forum's posts, a listing's
 * items) or not (comments under an article) is the model's to weigh,
 * with the page's declared type beside it. Each block also gets its
 * level-1 group's number (nc_block.group), for stage 2 to read how the
 * group scored (classify/classify.c). Runs on the walk's records after
 * the parse: two passes over the blocks, one table of at most two keys a
 * block. */
#include <stdlib.h>

#include "blocks/html/html.h"

enum { LEVELS = 2 };
static const uint8_t counted_flag[LEVELS] = {NC_REC_GROUPED, NC_REC_GROUPED_UP};

/* An element's key: its own look (tag name and class) and its parent's,
 * so that a comment's body and an article's body, both a div in a div,
 * key apart when their classes do. */
static uint32_t rec_key(const nc_html_rec *recs, uint32_t g)
{
    uint32_t h = 2166136261u;
    for (int k = 0; k < 2 && g != NC_HTML_NONE; k++, g = recs[g].parent)
        h = (h ^ recs[g].look) * 16777619u;
    return h | 1; /* 0 marks a free slot */
}

typedef struct {
    uint32_t key, count;
    uint32_t id; /* level 1: the group's number (nc_block.group) */
} slot;

/* The slot of key in the table of mask + 1 slots (open addressing). */
static slot *find(slot *table, uint32_t mask, uint32_t key)
{
    uint32_t i = (key * 2654435761u) & mask;
    while (table[i].key && table[i].key != key)
        i = (i + 1) & mask;
    return &table[i];
}

/* The element of a block's group at level (0: the one holding its
 * container, the header's level 1; 1: the one above), or NC_HTML_NONE. */
static uint32_t group_of(const nc_html_rec *recs, uint32_t container, int level)
{
    uint32_t g = container;
    for (int k = 0; k <= level && g != NC_HTML_NONE; k++)
        g = recs[g].parent;
    return g;
}

void nc_html_mark_groups(nc_doc *doc, nc_html_rec *recs, const uint32_t *block_rec)
{
    size_t n = doc->nblocks;
    if (!n || !block_rec)
        return;
    uint32_t size = 16;
    while (size < 2 * LEVELS * n && size < (1u << 30))
        size <<= 1;
    slot *table = calloc(size, sizeof *table);
    if (!table)
        return; /* a feature lost, not a failure: blocks keep 1 */
    uint32_t mask = size - 1;
    for (int level = 0; level < LEVELS; level++)
        for (size_t b = 0; b < n; b++) {
            uint32_t g = group_of(recs, block_rec[b], level);
            if (g == NC_HTML_NONE || (recs[g].flags & counted_flag[level]))
                continue;
            recs[g].flags |= counted_flag[level];
            /* level is part of the key: the two levels count apart. */
            uint32_t key = rec_key(recs, g) ^ (uint32_t)level << 1;
            slot *s = find(table, mask, key);
            if (!s->key) {
                s->key = key;
                s->id = level == 0 ? ++doc->ngroups : 0;
            }
            s->count++;
        }
    for (size_t b = 0; b < n; b++)
        for (int level = 0; level < LEVELS; level++) {
            uint32_t g = group_of(recs, block_rec[b], level);
            const slot *s = g != NC_HTML_NONE
                                ? find(table, mask, rec_key(recs, g) ^ (uint32_t)level << 1)
                                : NULL;
            uint32_t count = s ? s->count : 1;
            doc->blocks[b].groups[level] =
                (uint16_t)(count < UINT16_MAX ? count : UINT16_MAX);
            if (level == 0 && s)
                doc->blocks[b].group = s->id;
        }
    free(table);
}
