/* blocks/block.c - the block list both front ends (blocks/text.c, blocks/html/walk.c)
 * fill: one normalised copy of each block's text in the arena. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "blocks/blocks.h"

/* Length of a Unicode space at s (in bytes), 0 when s is no space. ASCII
 * white space, NBSP and the typographic spaces all become one ' '. */
static size_t space_len(const unsigned char *s, size_t left)
{
    unsigned char c = s[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xC2 && left >= 2 && s[1] == 0xA0) /* U+00A0 */
        return 2;
    if (c == 0xE2 && left >= 3) {
        if (s[1] == 0x80 && (s[2] <= 0x8A || s[2] == 0xAF || s[2] == 0xA8 ||
                             s[2] == 0xA9)) /* U+2000-200A, 202F, 2028/9 */
            return 3;
        if (s[1] == 0x81 && s[2] == 0x9F) /* U+205F */
            return 3;
    }
    if (c == 0xE3 && left >= 3 && s[1] == 0x80 && s[2] == 0x80) /* U+3000 */
        return 3;
    return 0;
}

/* Zero-width and soft characters that only hide word boundaries. */
static size_t invisible_len(const unsigned char *s, size_t left)
{
    if (s[0] == 0xE2 && left >= 3 && s[1] == 0x80 &&
        (s[2] == 0x8B || s[2] == 0x8E || s[2] == 0x8F)) /* ZWSP, LRM, RLM */
        return 3;
    if (s[0] == 0xEF && left >= 3 && s[1] == 0xBB && s[2] == 0xBF) /* BOM */
        return 3;
    if (s[0] == 0xC2 && left >= 2 && s[1] == 0xAD) /* soft hyphen */
        return 2;
    return 0;
}

/* Offsets in at[k..n) up to raw byte i become out's offset o (after a
 * pending space, which is written before the next character); returns
 * the new k. */
static size_t map_offsets(uint32_t *at, size_t k, size_t n, size_t i, size_t o,
                          bool pending_space)
{
    for (; k < n && at[k] <= i; k++)
        at[k] = (uint32_t)(o + pending_space);
    return k;
}

nc_block *nc_doc_add_block(nc_doc *doc, const char *text, size_t len,
                           nc_status *status)
{
    return nc_doc_add_block_mapped(doc, text, len, NULL, 0, status);
}

nc_block *nc_doc_add_block_mapped(nc_doc *doc, const char *text, size_t len,
                                  uint32_t *at, size_t nat, nc_status *status)
{
    *status = NC_OK;
    if (nc_out_of_time(doc))
        return NULL; /* the caller's deadline: the rest is not read */
    if (doc->nblocks >= doc->opts.max_blocks) {
        doc->flags |= NC_FLAG_TRUNCATED_BLOCKS;
        return NULL;
    }
    if (len > doc->opts.max_line_bytes) {
        len = nc_utf8_cut(text, len, doc->opts.max_line_bytes);
        doc->flags |= NC_FLAG_TRUNCATED_LINES;
    }
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) { /* skip leading space */
        size_t n = space_len(s + i, len - i);
        if (!n)
            n = invisible_len(s + i, len - i);
        if (!n)
            break;
        i += n;
    }
    if (i == len)
        return NULL;
    char *out = nc_arena_alloc(&doc->arena, len - i + 1);
    if (!out) {
        *status = NC_ERR_NOMEM;
        return NULL;
    }
    size_t o = 0, k = map_offsets(at, 0, nat, i, 0, false);
    bool pending_space = false;
    while (i < len) {
        /* Fast path: printable ASCII, most of any page's bytes (up to the
         * next offset to map). */
        if (k < nat) {
            k = map_offsets(at, k, nat, i, o, pending_space);
            if (i >= len)
                break;
        }
        size_t stop = k < nat && at[k] < len ? at[k] : len;
        if (s[i] > 0x20 && s[i] < 0x80) {
            if (pending_space) {
                out[o++] = ' ';
                pending_space = false;
            }
            do
                out[o++] = (char)s[i++];
            while (i < stop && s[i] > 0x20 && s[i] < 0x80);
            continue;
        }
        size_t n = space_len(s + i, len - i);
        if (n) {
            pending_space = true;
            i += n;
            continue;
        }
        n = invisible_len(s + i, len - i);
        if (n) {
            i += n;
            continue;
        }
        if (pending_space) {
            out[o++] = ' ';
            pending_space = false;
        }
        out[o++] = (char)s[i++];
    }
    out[o] = '\0';
    for (; k < nat; k++) /* past the end, or past a cut */
        at[k] = (uint32_t)o;
    for (size_t j = 0; j < nat; j++)
        if (at[j] > o)
            at[j] = (uint32_t)o; /* a pending space at the end is never written */
    if (doc->nblocks == doc->cap_blocks) {
        size_t cap = doc->cap_blocks ? doc->cap_blocks * 2 : 256;
        nc_block *b = realloc(doc->blocks, cap * sizeof *b);
        if (!b) {
            *status = NC_ERR_NOMEM;
            return NULL;
        }
        doc->blocks = b;
        doc->cap_blocks = cap;
    }
    nc_block *b = &doc->blocks[doc->nblocks++];
    memset(b, 0, sizeof *b);
    b->text = out;
    b->len = o;
    return b;
}

bool nc_doc_add_mark(nc_doc *doc, const nc_mark *mark)
{
    if (doc->nmarks == doc->cap_marks) {
        size_t cap = doc->cap_marks ? doc->cap_marks * 2 : 64;
        if (cap > UINT32_MAX)
            return false;
        nc_mark *m = realloc(doc->marks, cap * sizeof *m);
        if (!m)
            return false;
        doc->marks = m;
        doc->cap_marks = cap;
    }
    doc->marks[doc->nmarks++] = *mark;
    return true;
}
