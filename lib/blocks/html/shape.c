/* blocks/html/shape.c - the structure of the page the walk records beside
 * the blocks, for result/markdown.c: which list, item, table, row and
 * cell a block sits in (nc_shape, copied from element to element as the
 * walk opens them), and marks at offsets of a block's text: links and
 * images (only as the caller's NC_RECORD_* asks: their attributes cost
 * parse time), cell boundaries inside a row, <pre> lines as written.
 *
 * Marks are noted with offsets into the pending block's raw text; when
 * the block is added its white space is collapsed, and the offsets are
 * mapped with it (nc_doc_add_block_mapped). A block without marks costs
 * nothing more than before. */
#include <stdlib.h>
#include <string.h>

#include "blocks/html/html.h"

enum { OPEN = UINT32_MAX }; /* a link whose end is not seen yet */

static void push(nc_html_shaper *s, const nc_mark *m)
{
    if (s->nmarks >= UINT32_MAX / 2 ||
        !nc_html_grow((void **)&s->marks, &s->cap_marks, s->nmarks + 1, sizeof *s->marks)) {
        s->failed = true;
        return;
    }
    s->marks[s->nmarks++] = *m;
}

/* An attribute value in the arena, white space around it trimmed; NULL
 * when empty or on no memory (then s->failed). */
static const char *copy_value(nc_html_shaper *s, const char *v)
{
    if (!v)
        return NULL;
    while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r' || *v == '\f')
        v++;
    size_t n = strlen(v);
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\n' ||
                 v[n - 1] == '\r' || v[n - 1] == '\f'))
        n--;
    if (!n)
        return NULL;
    char *c = nc_arena_strndup(&s->doc->arena, v, n);
    if (!c)
        s->failed = true;
    return c;
}

static bool is_canonical(const char *rel)
{
    static const char word[] = "canonical";
    for (size_t i = 0; i < sizeof word - 1; i++)
        if (!rel[i] || (rel[i] | 0x20) != word[i])
            return false;
    return rel[sizeof word - 1] == '\0';
}

void nc_html_shape_child(nc_html_shaper *s, const nc_shape *parent, nc_shape *child,
                         const nc_html_elem *el)
{
    *child = *parent;
    switch (el->shape) {
    case NC_SH_UL:
    case NC_SH_OL:
        child->list = ++s->ordinal;
        child->item = 0;
        if (child->list_depth < UINT8_MAX)
            child->list_depth++;
        child->flags = (uint8_t)((child->flags & ~NC_SHAPE_ORDERED) |
                                 (el->shape == NC_SH_OL ? NC_SHAPE_ORDERED : 0));
        break;
    case NC_SH_LI:
        child->item = ++s->ordinal;
        break;
    case NC_SH_TABLE:
        child->table = ++s->ordinal;
        child->row = 0;
        child->cell = 0;
        child->flags &= (uint8_t)~NC_SHAPE_HEADER;
        break;
    case NC_SH_THEAD:
        child->flags |= NC_SHAPE_HEADER;
        break;
    case NC_SH_TR:
        child->row = ++s->ordinal;
        child->cell = 0;
        s->row_cells = 0;
        break;
    case NC_SH_TD:
    case NC_SH_TH:
        if (s->row_cells < UINT16_MAX)
            s->row_cells++;
        child->cell = s->row_cells;
        if (el->shape == NC_SH_TH)
            child->flags |= NC_SHAPE_HEADER;
        break;
    default:
        break;
    }
}

static void close_link(nc_html_shaper *s, size_t offset)
{
    for (size_t i = s->nmarks; i-- > 0;)
        if (s->marks[i].kind == NC_MARK_LINK && s->marks[i].end == OPEN) {
            s->marks[i].end = (uint32_t)offset;
            break;
        }
    s->link_url = NULL;
}

void nc_html_shape_start(nc_html_shaper *s, const nc_html_elem *el,
                         const nc_html_attrs *a, const nc_shape *shape,
                         size_t offset, bool has_text)
{
    if (offset >= OPEN)
        return; /* past max_line_bytes: the block is cut there anyway */
    nc_mark m = {(uint32_t)offset, (uint32_t)offset, 0, 0, false, NULL, NULL};
    switch (el->shape) {
    case NC_SH_A:
        if (!(s->record & NC_RECORD_LINKS))
            break;
        if (s->link_url)
            close_link(s, offset); /* <a> inside <a>: the first ends */
        m.url = copy_value(s, a->href);
        if (m.url) {
            m.kind = NC_MARK_LINK;
            m.end = OPEN;
            s->link_url = m.url;
            push(s, &m);
        }
        break;
    case NC_SH_IMG:
        if (!(s->record & NC_RECORD_IMAGES))
            break;
        m.url = copy_value(s, a->src);
        if (m.url) {
            m.kind = NC_MARK_IMAGE;
            m.alt = copy_value(s, a->alt);
            push(s, &m);
        }
        break;
    case NC_SH_TD:
    case NC_SH_TH:
        if (has_text) { /* else the block's own shape.cell says it */
            m.kind = NC_MARK_CELL;
            m.cell = shape->cell;
            m.header = (shape->flags & NC_SHAPE_HEADER) != 0;
            push(s, &m);
        }
        break;
    case NC_SH_BASE:
        if (s->record && !s->doc->base_href)
            s->doc->base_href = (char *)copy_value(s, a->href);
        break;
    case NC_SH_LINK:
        if (s->record && !s->doc->canonical && a->rel && is_canonical(a->rel))
            s->doc->canonical = (char *)copy_value(s, a->href);
        break;
    default:
        break;
    }
}

void nc_html_shape_end(nc_html_shaper *s, const nc_html_elem *el, size_t offset)
{
    if (el->shape == NC_SH_A && s->link_url)
        close_link(s, offset < OPEN ? offset : OPEN - 1);
}

static int by_offset(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

/* The pending marks' offsets, mapped into the collapsed text of the
 * block text[0..len): keys[j] holds an offset (high half) and which one
 * it is (low half: 2 * mark + 1 for an end). */
static nc_block *add_mapped(nc_html_shaper *s, const char *text, size_t len,
                            nc_status *status)
{
    size_t n = 2 * s->nmarks;
    uint64_t *keys = malloc(n * sizeof *keys);
    if (!keys || !nc_html_grow((void **)&s->at, &s->cap_at, n, sizeof *s->at)) {
        free(keys);
        *status = NC_ERR_NOMEM;
        return NULL;
    }
    for (size_t i = 0; i < s->nmarks; i++) {
        uint64_t start = s->marks[i].start, end = s->marks[i].end;
        if (start > len)
            start = len;
        if (end > len)
            end = len; /* a link still open: it ends with the block */
        keys[2 * i] = start << 32 | (2 * i);
        keys[2 * i + 1] = end << 32 | (2 * i + 1);
    }
    qsort(keys, n, sizeof *keys, by_offset);
    for (size_t j = 0; j < n; j++)
        s->at[j] = (uint32_t)(keys[j] >> 32);
    nc_block *b = nc_doc_add_block_mapped(s->doc, text, len, s->at, n, status);
    if (b) {
        nc_doc *doc = s->doc;
        for (size_t j = 0; j < n; j++) {
            size_t which = (size_t)(keys[j] & 0xFFFFFFFFu);
            nc_mark *m = &s->marks[which / 2];
            /* Written back into the pending marks: flush drops them. */
            if (which & 1)
                m->end = s->at[j];
            else
                m->start = s->at[j];
        }
        for (size_t i = 0; i < s->nmarks && *status == NC_OK; i++) {
            nc_mark m = s->marks[i];
            if (m.kind == NC_MARK_LINK && m.start == m.end &&
                !(i + 1 < s->nmarks && s->marks[i + 1].kind == NC_MARK_IMAGE &&
                  s->marks[i + 1].start == m.start))
                continue; /* a link without text or image */
            if (!nc_doc_add_mark(doc, &m))
                *status = NC_ERR_NOMEM;
            else
                b->shape.nmarks++;
        }
    }
    free(keys);
    return b;
}

nc_block *nc_html_shape_add_block(nc_html_shaper *s, const char *text, size_t len,
                                  const nc_shape *shape, nc_status *status)
{
    if (s->failed) {
        *status = NC_ERR_NOMEM;
        return NULL;
    }
    nc_block *b;
    size_t first = s->doc->nmarks;
    if (!s->nmarks)
        b = nc_doc_add_block(s->doc, text, len, status);
    else
        b = add_mapped(s, text, len, status);
    if (b) {
        uint32_t nmarks = b->shape.nmarks;
        b->shape = *shape;
        b->shape.marks = (uint32_t)first;
        b->shape.nmarks = nmarks;
    }
    return b;
}

nc_block *nc_html_shape_add_line(nc_html_shaper *s, const char *line, size_t len,
                                 const nc_shape *shape, nc_status *status)
{
    nc_doc *doc = s->doc;
    size_t first = doc->nmarks;
    nc_block *b = nc_doc_add_block(doc, line, len, status);
    if (!b)
        return NULL;
    b->shape = *shape;
    b->shape.marks = (uint32_t)first;
    while (len && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    nc_mark m = {0, (uint32_t)b->len, NC_MARK_RAW, 0, false, NULL, NULL};
    m.url = nc_arena_strndup(&doc->arena, line, len);
    if (!m.url || !nc_doc_add_mark(doc, &m)) {
        *status = NC_ERR_NOMEM;
        return NULL;
    }
    b->shape.nmarks = 1;
    return b;
}

void nc_html_shape_flush(nc_html_shaper *s, bool had_text)
{
    size_t kept = 0;
    if (!had_text) /* an image alone: it goes with the next block's text */
        for (size_t i = 0; i < s->nmarks; i++)
            if (s->marks[i].kind == NC_MARK_IMAGE) {
                nc_mark m = s->marks[i];
                m.start = m.end = 0;
                s->marks[kept++] = m;
            }
    s->nmarks = kept;
    if (s->link_url) { /* a link around blocks: each block gets its part */
        nc_mark m = {0, OPEN, NC_MARK_LINK, 0, false, s->link_url, NULL};
        push(s, &m);
    }
}

void nc_html_shape_drop(nc_html_shaper *s, size_t first)
{
    if (first < s->doc->nblocks)
        s->doc->nmarks = s->doc->blocks[first].shape.marks;
}

void nc_html_shape_free(nc_html_shaper *s)
{
    free(s->marks);
    free(s->at);
}
