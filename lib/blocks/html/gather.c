/* blocks/html/gather.c - the HTML walk's text into blocks: the block being
 * gathered (its text, characters, links and evidence from the open
 * elements), ended at each block boundary into doc->blocks through the
 * structure recorder (blocks/html/shape.c); <pre> a block a line. */
#include <stdlib.h>
#include <string.h>

#include "blocks/html/walk.h"

void nc_walk_fail(walk *w, nc_status st)
{
    if (w->status == NC_OK)
        w->status = st;
    if (w->ctxt) /* NULL in the flush after the parse */
        xmlStopParser(w->ctxt);
}

static void add_block(walk *w, const char *s, size_t len, uint32_t link_chars,
                      bool pre_line)
{
    nc_doc *doc = w->doc;
    nc_status st;
    nc_block *b = pre_line ? nc_html_shape_add_line(&w->shaper, s, len, &w->blk.shape, &st)
                           : nc_html_shape_add_block(&w->shaper, s, len, &w->blk.shape, &st);
    if (!b) {
        if (st != NC_OK)
            nc_walk_fail(w, st);
        else if (doc->flags & (NC_FLAG_TRUNCATED_BLOCKS | NC_FLAG_WORK_LIMIT))
            nc_walk_fail(w, NC_OK); /* max_blocks or max_ms: the rest is not read */
        return;
    }
    const pending *p = &w->blk;
    if (w->hide_depth) {
        uint32_t own = p->chars - p->link_chars;
        w->hide_chars += own;
        if (own > w->hide_longest)
            w->hide_longest = own;
    }
    b->tag = p->tag;
    b->in = p->in;
    b->hints = p->hints;
    b->depth = p->depth;
    if (link_chars) {
        /* Never more than the characters the block kept (truncation). */
        uint32_t cps = 0;
        for (size_t i = 0; i < b->len; i++)
            cps += ((unsigned char)b->text[i] & 0xC0) != 0x80 && b->text[i] != ' ';
        if (link_chars > cps)
            link_chars = cps;
    }
    b->link_chars = (float)link_chars;
    b->list_item = p->li;
    if (p->link && !p->many_links && p->link_chars == p->chars)
        b->in |= NC_IN_LINK;
    b->gap_before = doc->nblocks == 1 || p->group != w->last_group;
    w->last_group = p->group;
    size_t cap = w->cap_block_rec;
    if (!nc_html_grow((void **)&w->block_rec, &cap, doc->nblocks, sizeof *w->block_rec)) {
        nc_walk_fail(w, NC_ERR_NOMEM);
        return;
    }
    w->cap_block_rec = cap;
    w->block_rec[doc->nblocks - 1] = p->container;
}

/* Ends the block being gathered (html2text's flush). */
void nc_walk_flush(walk *w)
{
    pending *p = &w->blk;
    if (p->chars && w->status == NC_OK) {
        if (!w->pre) {
            add_block(w, p->text.data, p->text.len, p->link_chars, false);
        } else {
            /* <pre>: one block a line, blank lines dropped. */
            const char *s = p->text.data, *end = s + p->text.len;
            uint32_t link = p->link_chars == p->chars ? 1 : 0;
            while (s < end && w->status == NC_OK) {
                const char *nl = memchr(s, '\n', (size_t)(end - s));
                size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
                size_t before = w->doc->nblocks;
                add_block(w, s, n, 0, true);
                if (link && w->doc->nblocks > before) {
                    nc_block *b = &w->doc->blocks[w->doc->nblocks - 1];
                    b->link_chars = (float)b->len;
                }
                s = nl ? nl + 1 : end;
            }
        }
    }
    nc_html_shape_flush(&w->shaper, p->chars != 0);
    p->text.len = 0;
    p->chars = p->link_chars = p->link = 0;
    p->many_links = false;
    p->in = p->hints = 0;
}

const frame nc_walk_root_frame = {0, NC_HTML_NONE, 0, 0, NC_HTML_NONE,
                                 NC_HTML_NONE, 0, 0, NC_TAG_OTHER, false, false, false,
                                 NC_HTML_NONE, NULL, {0, 0, 0, 0, 0, 0, 0, 0, 0}};

const frame *nc_walk_top(const walk *w)
{
    return w->nframes ? &w->frames[w->nframes - 1] : &nc_walk_root_frame;
}

/* How many of the eight bytes in x have their top bit set. */
static uint32_t top_bits(uint64_t x)
{
    return (uint32_t)((((x >> 7) & 0x0101010101010101ull) * 0x0101010101010101ull) >> 56);
}

/* Appends text; counts its characters for links and the best container. */
void nc_walk_add_text(walk *w, const char *s, size_t len)
{
    pending *p = &w->blk;
    const unsigned char *u = (const unsigned char *)s;
    uint32_t chars = 0, commas = 0;
    for (size_t i = 0; i < len; i++) {
        /* Eight ASCII bytes at a time: those above ' ' are characters. */
        while (len - i >= 8) {
            uint64_t x;
            memcpy(&x, u + i, 8);
            if (x & 0x8080808080808080ull)
                break;
            uint64_t y = x ^ 0x2C2C2C2C2C2C2C2Cull; /* ',' -> 0 */
            chars += top_bits(x + 0x5F5F5F5F5F5F5F5Full);
            commas += 8 - top_bits((y & 0x7F7F7F7F7F7F7F7Full) + 0x7F7F7F7F7F7F7F7Full);
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = u[i];
        if (c <= ' ' || (c & 0xC0) == 0x80)
            continue;
        if (c == 0xC2 && i + 1 < len && (u[i + 1] == 0xA0 || u[i + 1] == 0xAD))
            continue; /* NBSP, soft hyphen (the rest are continuation bytes) */
        if ((c == 0xE2 && i + 2 < len && u[i + 1] == 0x80 &&
             (u[i + 2] == 0x8B || u[i + 2] == 0x8E || u[i + 2] == 0x8F)) ||
            (c == 0xEF && i + 2 < len && u[i + 1] == 0xBB && u[i + 2] == 0xBF))
            continue; /* ZWSP, LRM, RLM, BOM: dropped from the block text */
        chars++;
        /* ',' and the CJK and Arabic commas */
        if (c == ',' ||
            (c == 0xEF && i + 2 < len && u[i + 1] == 0xBC && u[i + 2] == 0x8C) ||
            (c == 0xE3 && i + 2 < len && u[i + 1] == 0x80 && u[i + 2] == 0x81) ||
            (c == 0xD8 && i + 1 < len && u[i + 1] == 0x8C))
            commas++;
    }
    if (!chars) {
        /* White space only matters between words, and as line ends in
         * <pre>. A soft hyphen or zero-width character alone (an entity
         * libxml2 hands on by itself) is no space: it goes in as it is
         * and the block's normaliser drops it, so "Zei&shy;tung" stays
         * one word and "e&shy;&#x301;" composes. */
        bool space = w->pre;
        for (size_t i = 0; i < len && !space; i++)
            space = u[i] <= ' ' || (u[i] == 0xC2 && i + 1 < len && u[i + 1] == 0xA0);
        if (p->text.len &&
            !(w->pre || !space ? nc_buf_append(&p->text, s, len)
                               : nc_buf_append_char(&p->text, ' ')))
            nc_walk_fail(w, NC_ERR_NOMEM);
        return;
    }
    const frame *f = nc_walk_top(w);
    if (!p->chars) {
        p->tag = f->tag;
        p->container = f->container;
        p->group = f->group;
        p->depth = f->cdepth;
        p->li = f->li;
        p->shape = f->shape;
    }
    p->chars += chars;
    p->in |= f->in;
    p->hints |= f->hints;
    if (f->link) {
        p->link_chars += chars;
        if (!p->link)
            p->link = f->link;
        else if (p->link != f->link)
            p->many_links = true;
    }
    if (f->rec != NC_HTML_NONE) {
        w->recs[f->rec].chars += chars;
        if (f->link)
            w->recs[f->rec].link_chars += chars;
    }
    if (f->container != NC_HTML_NONE) {
        w->recs[f->container].direct_chars += chars;
        w->recs[f->container].commas += commas;
    }
    if (w->cap.depth && nc_html_capture_text(&w->cap, s, len) != NC_OK) {
        nc_walk_fail(w, NC_ERR_NOMEM); /* which frees the parser's buffer, s with it */
        return;
    }
    /* Text past max_line_bytes would be cut by nc_doc_add_block anyway. */
    if (p->text.len <= w->doc->opts.max_line_bytes &&
        !nc_buf_append(&p->text, s, len))
        nc_walk_fail(w, NC_ERR_NOMEM);
}

/* The metadata evidence of an element (blocks/html/evidence.c). */
void nc_walk_note_evidence(walk *w, const xmlChar *xname, const nc_html_elem *el,
                          const nc_html_attrs *a)
{
    const frame *f = nc_walk_top(w);
    nc_status st = nc_html_note_evidence(w->doc, &w->cap, (const char *)xname, el->flags, a,
                                         f->in | a->in, f->hints | a->hints, w->depth);
    if (st != NC_OK)
        nc_walk_fail(w, st);
}

void nc_walk_capture_break(walk *w)
{
    if (w->cap.depth && nc_html_capture_break(&w->cap) != NC_OK)
        nc_walk_fail(w, NC_ERR_NOMEM);
}

void nc_walk_set_page_string(walk *w, char **field, const char *value)
{
    if (*field || !value)
        return;
    size_t len = nc_walk_page_string_len(value, strnlen(value, PAGE_STRING_MAX + 1));
    *field = nc_text_collapsed(&w->doc->arena, value, len);
}
