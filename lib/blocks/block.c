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

nc_block *nc_doc_add_block(nc_doc *doc, const char *text, size_t len,
                           nc_status *status)
{
    *status = NC_OK;
    if (nc_out_of_time(doc))
        return NULL; /* the caller's deadline: the rest is not read */
    if (doc->nblocks >= doc->opts.max_blocks) {
        doc->flags |= NC_FLAG_TRUNCATED_BLOCKS;
        return NULL;
    }
    if (len > doc->opts.max_line_bytes) {
        len = doc->opts.max_line_bytes;
        /* Never cut inside a UTF-8 sequence. */
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
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
    size_t o = 0;
    bool pending_space = false;
    while (i < len) {
        /* Fast path: printable ASCII, most of any page's bytes. */
        if (s[i] > 0x20 && s[i] < 0x80) {
            if (pending_space) {
                out[o++] = ' ';
                pending_space = false;
            }
            do
                out[o++] = (char)s[i++];
            while (i < len && s[i] > 0x20 && s[i] < 0x80);
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
