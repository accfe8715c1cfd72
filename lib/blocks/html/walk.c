/* blocks/html/walk.c - HTML -> the blocks blocks/text.c makes, plus the markup
 * evidence (tag, containers, class/id hints, links, depth).
 *
 * libxml2's HTML parser runs in SAX mode: no tree is built, and this file
 * keeps its own stack of open elements (bounded by max_depth; deeper
 * elements are flattened into the deepest one kept), so 100,000 nested
 * tags cost neither C stack nor a node each. Blocks follow
 * ../shared/tools/html2text.py --lines: block elements and <br> end a
 * block, inline elements join, table cells are joined with spaces, <pre>
 * keeps its lines; script-like elements and hidden inline ones are
 * skipped, hidden blocks dropped unless they hold paragraphs. Blocks carry
 * the evidence the classifier reads: tag, NC_IN_* containers, NC_HINT_*
 * class/id words, link characters, depth; blocks/html/best.c adds NC_IN_BEST. */
#include <limits.h>
#include <stdlib.h>
#include <pthread.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "blocks/html/html.h"

/* One open element kept on the stack. */
typedef struct frame {
    uint32_t depth;     /* its depth in the document (1 = <html>) */
    uint32_t rec;       /* its record */
    uint32_t in;        /* NC_IN_* of it and its ancestors */
    uint32_t hints;     /* NC_HINT_* of it and its ancestors */
    uint32_t container; /* record of the nearest block-level element */
    uint32_t group;     /* record of the container's own container */
    uint32_t link;      /* ordinal of the innermost <a>, 0 outside links */
    uint16_t cdepth;    /* depth of the container */
    uint8_t tag;        /* the container's nc_tag */
    bool li;            /* inside an <li> */
    bool unlikely;      /* it or an ancestor has boilerplate class words */
    uint32_t close_rec; /* record to close when it ends (NONE: closed) */
    const xmlChar *name; /* libxml2's interned element name */
    nc_shape shape;     /* lists, tables (blocks/html/shape.c) */
} frame;

/* The block being gathered. */
typedef struct pending {
    nc_buf text;
    uint32_t chars;      /* non-space characters */
    uint32_t link_chars; /* of those, inside <a> */
    uint32_t link;       /* the first <a> seen, to tell one link from many */
    bool many_links;
    uint32_t in, hints;
    uint32_t container, group;
    uint16_t depth;
    uint8_t tag;
    bool li;
    nc_shape shape;
} pending;

typedef struct walk {
    nc_doc *doc;
    htmlParserCtxtPtr ctxt;
    nc_status status;
    frame *frames;
    size_t nframes, cap_frames, max_frames;
    uint32_t depth;      /* current document depth, kept even past the stack */
    uint32_t skip_depth; /* depth of the skipped element we are in, or 0 */
    const xmlChar *skip_name; /* its name */
    /* A hidden block element is read like any other; at its end its blocks
     * are dropped unless they hold real paragraphs (pages hide content
     * that a script reveals: React's streamed <div hidden>, tabs). */
    uint32_t hide_depth;     /* depth of that element, or 0 */
    size_t hide_first;       /* doc->nblocks when it started */
    uint32_t hide_chars;     /* non-link characters in its blocks */
    uint32_t hide_longest;   /* the most in one block */
    uint32_t hide_group;     /* last_group when it started */
    uint32_t pre;        /* open <pre> elements */
    uint32_t links;      /* <a> elements seen */
    uint32_t events;     /* start tags and text chunks, for the deadline */
    bool in_title, in_ld;
    bool last_amp;       /* the last text chunk was a lone "&" */
    nc_html_capture cap;  /* an element's text the metadata wants */
    nc_html_rec *recs;
    uint32_t nrecs, cap_recs;
    uint32_t *block_rec; /* per block: its container record */
    size_t cap_block_rec;
    uint32_t last_group; /* gap_before: the previous block's group */
    pending blk;
    nc_buf title, ld;
    nc_html_ahead ahead;  /* attributes blocks/html/skip.c took out of a tag */
    nc_html_hint_cache hint_cache;
    nc_html_shaper shaper;  /* structure and marks (blocks/html/shape.c) */
    bool read_ahead;        /* blocks/html/skip.c may rewrite the input ahead */
    unsigned long ahead_at; /* the input offset of that tag's '>' */
    /* The last end tag end_tag_ignored looked up: libxml2 reports one
     * mismatch per element an end tag closes, each with the stack one
     * shorter, so the stack is searched once per end tag, not per error. */
    struct {
        unsigned long at; /* input offset behind the end tag, 0: none */
        int nr;           /* ctxt->nameNr then */
        int found;        /* the index the search stopped at, or -1 */
    } mismatch;
    /* libxml2 interns element names in its dictionary: one pointer a name,
     * so a small cache by pointer saves the table search. */
    struct {
        const xmlChar *name;
        const nc_html_elem *elem;
        bool empty; /* libxml2 ends it at its start tag (br, img) */
    } elem_cache[64];
} walk;

static pthread_once_t html_once = PTHREAD_ONCE_INIT;
/* libxml2 versions whose HTML parser blocks/html/skip.c follows. */
static bool skip_ok;

static void html_init_once(void)
{
    xmlInitParser();
    /* blocks/html/skip.c follows libxml2 2.9's HTMLparser.c; 2.14 has a new one. */
    int version = atoi(xmlParserVersion);
    skip_ok = version >= 20900 && version < 21000;
}

static void fail(walk *w, nc_status st)
{
    if (w->status == NC_OK)
        w->status = st;
    if (w->ctxt) /* NULL in the flush after the parse */
        xmlStopParser(w->ctxt);
}

bool nc_html_grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap * 2 : 64;
    while (n < need)
        n *= 2;
    if (n > SIZE_MAX / size)
        return false;
    void *q = realloc(*p, n * size);
    if (!q)
        return false;
    *p = q;
    *cap = n;
    return true;
}

/* ---- blocks ---- */

static void add_block(walk *w, const char *s, size_t len, uint32_t link_chars,
                      bool pre_line)
{
    nc_doc *doc = w->doc;
    nc_status st;
    nc_block *b = pre_line ? nc_html_shape_add_line(&w->shaper, s, len, &w->blk.shape, &st)
                           : nc_html_shape_add_block(&w->shaper, s, len, &w->blk.shape, &st);
    if (!b) {
        if (st != NC_OK)
            fail(w, st);
        else if (doc->flags & (NC_FLAG_TRUNCATED_BLOCKS | NC_FLAG_WORK_LIMIT))
            fail(w, NC_OK); /* max_blocks or max_ms: the rest is not read */
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
        fail(w, NC_ERR_NOMEM);
        return;
    }
    w->cap_block_rec = cap;
    w->block_rec[doc->nblocks - 1] = p->container;
}

/* Ends the block being gathered (html2text's flush). */
static void flush(walk *w)
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

static const frame root_frame = {0, NC_HTML_NONE, 0, 0, NC_HTML_NONE,
                                 NC_HTML_NONE, 0, 0, NC_TAG_OTHER, false, false,
                                 NC_HTML_NONE, NULL, {0, 0, 0, 0, 0, 0, 0, 0, 0}};

static const frame *top(const walk *w)
{
    return w->nframes ? &w->frames[w->nframes - 1] : &root_frame;
}

/* How many of the eight bytes in x have their top bit set. */
static uint32_t top_bits(uint64_t x)
{
    return (uint32_t)((((x >> 7) & 0x0101010101010101ull) * 0x0101010101010101ull) >> 56);
}

/* Appends text; counts its characters for links and the best container. */
static void add_text(walk *w, const char *s, size_t len)
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
            fail(w, NC_ERR_NOMEM);
        return;
    }
    const frame *f = top(w);
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
        fail(w, NC_ERR_NOMEM); /* which frees the parser's buffer, s with it */
        return;
    }
    /* Text past max_line_bytes would be cut by nc_doc_add_block anyway. */
    if (p->text.len <= w->doc->opts.max_line_bytes &&
        !nc_buf_append(&p->text, s, len))
        fail(w, NC_ERR_NOMEM);
}

/* The metadata evidence of an element (blocks/html/evidence.c). */
static void note_evidence(walk *w, const xmlChar *xname, const nc_html_elem *el,
                          const nc_html_attrs *a)
{
    const frame *f = top(w);
    nc_status st = nc_html_note_evidence(w->doc, &w->cap, (const char *)xname, el->flags, a,
                                         f->in | a->in, f->hints | a->hints, w->depth);
    if (st != NC_OK)
        fail(w, st);
}

static void capture_break(walk *w)
{
    if (w->cap.depth && nc_html_capture_break(&w->cap) != NC_OK)
        fail(w, NC_ERR_NOMEM);
}

/* og:title, og:site_name, <html lang> and <title> are read up to this
 * many bytes: none is a paragraph, and a megabyte one is an attack. */
enum { PAGE_STRING_MAX = 4096 };

/* len cut to PAGE_STRING_MAX, on a character boundary. */
static size_t page_string_len(const char *s, size_t len)
{
    return nc_utf8_cut(s, len, PAGE_STRING_MAX);
}

static void set_page_string(walk *w, char **field, const char *value)
{
    if (*field || !value)
        return;
    size_t len = page_string_len(value, strnlen(value, PAGE_STRING_MAX + 1));
    *field = nc_text_collapsed(&w->doc->arena, value, len);
}

/* ---- SAX callbacks ---- */

/* At most this many records a page (48 MB): past it elements share their
 * parent's record and the best container is found among the first ones,
 * so memory stays bounded on a page of millions of empty elements. */
enum { MAX_RECORDS = 1u << 20 };

static void push_frame(walk *w, const xmlChar *name, const nc_html_elem *el,
                       const nc_html_attrs *a)
{
    if (w->nframes >= w->max_frames) {
        w->doc->flags |= NC_FLAG_TRUNCATED_DEPTH; /* flattened into the top */
        return;
    }
    size_t cap = w->cap_frames;
    if (!nc_html_grow((void **)&w->frames, &cap, w->nframes + 1, sizeof *w->frames)) {
        fail(w, NC_ERR_NOMEM);
        return;
    }
    w->cap_frames = cap;
    uint32_t id = NC_HTML_NONE;
    if (w->nrecs < MAX_RECORDS) {
        size_t rcap = w->cap_recs;
        if (!nc_html_grow((void **)&w->recs, &rcap, (size_t)w->nrecs + 1, sizeof *w->recs)) {
            fail(w, NC_ERR_NOMEM);
            return;
        }
        w->cap_recs = (uint32_t)rcap;
        id = w->nrecs++;
    }
    const frame *parent = top(w);
    frame *f = &w->frames[w->nframes++];
    f->depth = w->depth;
    f->rec = id != NC_HTML_NONE ? id : parent->rec;
    f->close_rec = id;
    f->name = name;
    f->in = parent->in | el->in | a->in | (a->article_body ? NC_IN_ARTICLE_BODY : 0);
    f->hints = parent->hints | (a->hints & ~NC_HTML_PRIVATE);
    f->link = (el->flags & NC_EL_LINK) ? ++w->links : parent->link;
    f->li = parent->li || (el->flags & NC_EL_LI);
    nc_html_shape_child(&w->shaper, &parent->shape, &f->shape, el);
    /* Readability's unlikely candidates: a boilerplate class word with no
     * content word beside it, or a navigation landmark. */
    f->unlikely = parent->unlikely ||
                  ((a->hints & NC_HTML_UNLIKELY) && !(a->hints & NC_HINT_CONTENT)) ||
                  ((el->in | a->in) & (NC_IN_NAV | NC_IN_FOOTER | NC_IN_ASIDE));
    if ((el->flags & (NC_EL_BLOCK | NC_EL_CELL)) && id != NC_HTML_NONE) {
        f->container = id;
        f->group = parent->container;
        f->tag = el->tag;
        f->cdepth = (uint16_t)(w->depth < UINT16_MAX ? w->depth : UINT16_MAX);
    } else {
        f->container = parent->container;
        f->group = parent->group;
        f->tag = (el->flags & (NC_EL_BLOCK | NC_EL_CELL)) ? el->tag : parent->tag;
        f->cdepth = parent->cdepth;
    }
    if (id == NC_HTML_NONE)
        return;
    nc_html_rec *r = &w->recs[id];
    memset(r, 0, sizeof *r);
    r->parent = parent->rec;
    r->end = id;
    r->hints = a->hints & ~NC_HTML_PRIVATE;
    r->class_weight = (int8_t)(((a->hints & (NC_HINT_CONTENT | NC_HTML_POSITIVE)) ? 25 : 0) -
                               ((a->hints & (NC_HTML_NEGATIVE | NC_HINT_COMMENT |
                                             NC_HINT_FOOTER | NC_HINT_SHARE |
                                             NC_HINT_RELATED | NC_HINT_PROMO |
                                             NC_HINT_SIDEBAR | NC_HINT_AD | NC_HINT_META |
                                             NC_HINT_HIDDEN | NC_HINT_COOKIE))
                                    ? 25
                                    : 0));
    r->class_hash = a->class_hash;
    if (parent->rec != NC_HTML_NONE)
        w->recs[parent->rec].children++;
    r->weight = el->weight;
    r->tag = el->tag;
    r->flags = f->unlikely ? NC_REC_UNLIKELY : 0;
}

static void pop_frame(walk *w)
{
    w->nframes--;
    if (w->frames[w->nframes].close_rec != NC_HTML_NONE)
        nc_html_rec_close(w->recs, w->frames[w->nframes].close_rec, w->nrecs);
}

/* Keeps a hidden element's blocks when they read like an article. */
enum { HIDDEN_KEEP_CHARS = 400, HIDDEN_KEEP_LONGEST = 150 };

static void end_hidden(walk *w)
{
    flush(w);
    w->hide_depth = 0;
    if (w->hide_chars >= HIDDEN_KEEP_CHARS && w->hide_longest >= HIDDEN_KEEP_LONGEST)
        return;
    if (w->doc->nblocks > w->hide_first) {
        nc_html_shape_drop(&w->shaper, w->hide_first);
        w->doc->nblocks = w->hide_first;
        w->last_group = w->hide_group;
    }
}

static size_t elem_slot(walk *w, const xmlChar *name)
{
    size_t slot = ((uintptr_t)name >> 4) & 63;
    if (w->elem_cache[slot].name != name) {
        const htmlElemDesc *desc = htmlTagLookup(name);
        w->elem_cache[slot].name = name;
        w->elem_cache[slot].elem = nc_html_elem_lookup((const char *)name);
        w->elem_cache[slot].empty = desc && desc->empty;
    }
    return slot;
}

static const nc_html_elem *elem_of(walk *w, const xmlChar *name)
{
    return w->elem_cache[elem_slot(w, name)].elem;
}

static void on_text(void *ctx, const xmlChar *s, int len);

/* True while libxml2 parses: fail() stops it (no memory, or max_blocks
 * reached), and then frees its input buffer and sends no more events. */
static bool parsing(const walk *w)
{
    return w->ctxt && !w->ctxt->disableSAX && w->ctxt->instate != XML_PARSER_EOF;
}

/* Hands s[0..end) to on_text in the chunks libxml2 would make; false when
 * the parser was stopped on the way (then no byte of its buffer may be
 * touched, and no chunk more is sent, as libxml2 would send none). */
static bool hand_text(walk *w, const char *s, const char *end)
{
    while (s < end) {
        size_t n = nc_html_text_chunk(s, end);
        on_text(w, (const xmlChar *)s, (int)n);
        if (!parsing(w))
            return false;
        s += n;
    }
    return true;
}

/* True when the '>' the parser stands on ends the start tag of xname and
 * libxml2 reads the element's text next: not an element it ends at once
 * (br, img: the end event comes first), and not a <p> it implied inside
 * text, where that '>' is text it is reading (a real one follows "<p",
 * its attributes taken out or never there). */
static bool text_follows(walk *w, xmlParserInputPtr in, const xmlChar *xname)
{
    if (xname[0] == 'p' && xname[1] == '\0' &&
        (in->cur - in->base < 2 || in->cur[-2] != '<' || (in->cur[-1] | 0x20) != 'p'))
        return false;
    return !w->elem_cache[elem_slot(w, xname)].empty;
}

/* Lets the parser skip what no event here needs (blocks/html/skip.c): the body
 * of a script or style, and the unread attributes of the next start tag.
 * Only from the '>' of a real start tag: html, head and body also come as
 * implied elements while the parser is inside another tag. */
static void read_ahead(walk *w, const xmlChar *xname, uint32_t flags)
{
    xmlParserInputPtr in = w->read_ahead && parsing(w) ? w->ctxt->input : NULL;
    if (!in || !in->cur || in->cur >= in->end)
        return;
    /* "/>": libxml2 steps over both; the content follows the '>'. */
    bool empty = in->cur[0] == '/' && in->cur + 1 < in->end && in->cur[1] == '>';
    if (in->cur[0] != '>' && !empty)
        return;
    const char *name = (const char *)xname;
    if ((name[0] == 'h' && (strcmp(name, "html") == 0 || strcmp(name, "head") == 0)) ||
        (name[0] == 'b' && strcmp(name, "body") == 0))
        return;
    char *gt = (char *)in->cur + empty;
    const char *end = (const char *)in->end;
    if (empty) {
        gt = nc_html_compact_next(gt, end, &w->ahead);
        gt[-1] = '/';
        in->cur = (const xmlChar *)gt - 1;
        if (w->ahead.pending)
            w->ahead_at = in->consumed + (unsigned long)(w->ahead.gt - (char *)in->base);
        return;
    }
    if (flags & NC_EL_RAW) {
        bool closed = false;
        if (!w->in_ld)
            gt = nc_html_skip_raw(gt, end, name, &closed);
        if (!closed) {
            in->cur = (const xmlChar *)gt;
            return;
        }
    } else if (text_follows(w, in, xname)) {
        /* The text libxml2 would read next a character at a time, handed
         * on here in the chunks it would make. */
        char *run = nc_html_text_run(gt, end);
        if (!hand_text(w, gt + 1, run))
            return; /* the parser was stopped: its buffer is gone */
        if (run > gt + 1) {
            gt = run - 1;
            *gt = '>';
        }
    }
    in->cur = (const xmlChar *)nc_html_compact_next(gt, end, &w->ahead);
    if (w->ahead.pending)
        w->ahead_at = in->consumed + (unsigned long)(w->ahead.gt - (char *)in->base);
}

/* The tag's attributes: from blocks/html/skip.c when it took them out. */
static const char *const *tag_attrs(walk *w, const xmlChar *xname,
                                    const xmlChar **atts)
{
    if (w->ahead.pending && w->ctxt) {
        xmlParserInputPtr in = w->ctxt->input;
        if (in->consumed + (unsigned long)(in->cur - in->base) == w->ahead_at &&
            strcmp((const char *)xname, w->ahead.name) == 0) {
            w->ahead.pending = false;
            return w->ahead.atts;
        }
    }
    return (const char *const *)atts;
}

/* The caller's deadline, asked every NC_BUDGET_EVERY events. */
static void check_time(walk *w)
{
    if (w->doc->deadline_ns && ++w->events % NC_BUDGET_EVERY == 0 &&
        nc_out_of_time(w->doc))
        fail(w, NC_OK); /* the rest of the page is not read */
}

static void on_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
    walk *w = ctx;
    w->depth++;
    check_time(w);
    const char *const *attrs = tag_attrs(w, xname, atts);
    if (w->skip_depth || w->status != NC_OK) {
        if (w->status == NC_OK)
            read_ahead(w, xname, elem_of(w, xname)->flags);
        return;
    }
    const nc_html_elem *el = elem_of(w, xname);
    nc_html_attrs a;
    nc_html_read_attrs(el, attrs, &a, &w->hint_cache);
    /* <noscript>: what the page shows without JavaScript, mostly "enable
     * JavaScript" and tracking pixels, so skipped; when the page gave no
     * body without it, the second pass (doc->read_fallback) reads it as a
     * hidden element (kept only when it reads like an article): a blog
     * whose posts are script templates keeps its article there. */
    bool fallback = (el->flags & NC_EL_FALLBACK) != 0;
    w->doc->saw_fallback |= fallback;
    bool read_fallback = fallback && w->doc->read_fallback;
    if ((read_fallback || (a.hidden && (el->flags & NC_EL_BLOCK))) && !w->hide_depth) {
        a.hints |= NC_HINT_HIDDEN;
        flush(w);
        w->hide_depth = w->depth;
        w->hide_first = w->doc->nblocks;
        w->hide_chars = w->hide_longest = 0;
        w->hide_group = w->last_group;
    } else if (((el->flags & NC_EL_SKIP) && !read_fallback) || a.hidden) {
        w->skip_depth = w->depth;
        w->skip_name = xname;
        w->in_title = (el->flags & NC_EL_TITLE) && !w->doc->html_title;
        w->in_ld = (el->flags & NC_EL_SCRIPT) && a.ld_json;
        w->title.len = w->ld.len = 0;
        read_ahead(w, xname, el->flags);
        return;
    }
    note_evidence(w, xname, el, &a);
    if (el->flags & NC_EL_META && a.property && a.content) {
        if (strcmp(a.property, "og:title") == 0)
            set_page_string(w, &w->doc->og_title, a.content);
        else if (strcmp(a.property, "og:site_name") == 0)
            set_page_string(w, &w->doc->site_name, a.content);
    }
    if (el->flags & NC_EL_HTML)
        set_page_string(w, &w->doc->html_lang, a.lang);
    if (el->flags & (NC_EL_BR | NC_EL_BLOCK)) {
        flush(w);
        capture_break(w);
        if (el->flags & NC_EL_PRE)
            w->pre++;
    } else if (el->flags & NC_EL_CELL) {
        add_text(w, " ", 1);
    }
    if (!(el->flags & NC_EL_VOID))
        push_frame(w, xname, el, &a);
    if (el->shape)
        nc_html_shape_start(&w->shaper, el, &a, &top(w)->shape, w->blk.text.len,
                            w->blk.chars != 0);
    read_ahead(w, xname, el->flags);
}

/* After the end tag "</name>" that libxml2 has just read (the parser
 * stands right behind it, and nothing reads the input before its next
 * loop turn), the text up to the next '<' or '&' is handed to the walk
 * in libxml2's chunks and the parser moved past it. Not where libxml2
 * would imply a <p> for it (in html or head, or nothing open). */
static void text_after_end(walk *w, const xmlChar *xname)
{
    xmlParserCtxtPtr ctxt = w->ctxt;
    xmlParserInputPtr in = w->read_ahead && parsing(w) ? ctxt->input : NULL;
    if (!in || !in->cur || in->cur >= in->end || in->cur[0] == '<' ||
        w->status != NC_OK || ctxt->nameNr < 2 || ctxt->name != xname)
        return;
    const char *parent = (const char *)ctxt->nameTab[ctxt->nameNr - 2];
    if (!parent || strcmp(parent, "html") == 0 || strcmp(parent, "head") == 0)
        return;
    size_t n = strlen((const char *)xname);
    const char *tag = (const char *)in->cur - n - 3;
    if ((const char *)in->cur - (const char *)in->base < (ptrdiff_t)(n + 3) ||
        tag[0] != '<' || tag[1] != '/' || tag[n + 2] != '>')
        return;
    for (size_t i = 0; i < n; i++) {
        char c = tag[2 + i];
        if ((c >= 'A' && c <= 'Z' ? (char)(c + 32) : c) != (char)xname[i])
            return;
    }
    char *gt = (char *)in->cur - 1; /* the end tag's '>' */
    char *run = nc_html_text_run(gt, (const char *)in->end);
    if (run <= gt + 1)
        return; /* no text, or text libxml2 reads its own way */
    if (hand_text(w, gt + 1, run))
        in->cur = (const xmlChar *)run;
}

static void on_end(void *ctx, const xmlChar *xname)
{
    walk *w = ctx;
    if (w->skip_depth) {
        if (w->depth == w->skip_depth) {
            w->skip_depth = 0;
            if (w->in_title && w->title.len)
                w->doc->html_title = nc_text_collapsed(&w->doc->arena, w->title.data,
                                                       page_string_len(w->title.data,
                                                                       w->title.len));
            if (w->in_ld && w->ld.len && !w->doc->ld_body)
                w->doc->ld_body = nc_html_ld_body(&w->doc->arena, w->ld.data,
                                                  w->ld.len);
            if (w->in_ld && w->ld.len &&
                nc_html_record_ev(w->doc, NC_EV_LD_JSON, NULL, 0, 0, w->ld.data,
                                  w->ld.len) != NC_OK)
                fail(w, NC_ERR_NOMEM);
            w->in_title = w->in_ld = false;
        }
        w->depth--;
        text_after_end(w, xname);
        return;
    }
    if (w->status == NC_OK) {
        const nc_html_elem *el = elem_of(w, xname);
        if (el->shape == NC_SH_A)
            nc_html_shape_end(&w->shaper, el, w->blk.text.len);
        if (el->flags & NC_EL_BLOCK) {
            flush(w);
            capture_break(w);
            if ((el->flags & NC_EL_PRE) && w->pre)
                w->pre--;
        } else if (el->flags & NC_EL_CELL) {
            add_text(w, " ", 1);
        }
        if (w->cap.depth == w->depth && nc_html_capture_end(w->doc, &w->cap) != NC_OK)
            fail(w, NC_ERR_NOMEM);
        if (w->nframes && w->frames[w->nframes - 1].depth == w->depth)
            pop_frame(w);
        if (w->hide_depth == w->depth)
            end_hidden(w);
    }
    w->depth--;
    text_after_end(w, xname);
}

/* libxml2 passes "&nbsp" without its ';' on as two chunks, "&" and
 * "nbsp"; browsers (and Python's html.unescape) read the legacy names
 * anyway. A decoded "&amp;" is a chunk "&" too, but what follows it comes
 * with the rest of the text, never as a bare name. */
static bool legacy_entity(walk *w, const char *s, size_t len)
{
    static const struct { const char *name, *utf8; } legacy[] = {
        {"nbsp", "\xC2\xA0"}, {"amp", "&"}, {"lt", "<"}, {"gt", ">"},
        {"quot", "\""}, {"copy", "\xC2\xA9"}, {"reg", "\xC2\xAE"}};
    nc_buf *t = &w->blk.text;
    if (len > 4 || !t->len || t->data[t->len - 1] != '&')
        return false;
    for (size_t k = 0; k < sizeof legacy / sizeof *legacy; k++)
        if (strlen(legacy[k].name) == len && memcmp(s, legacy[k].name, len) == 0) {
            t->len--; /* the '&' */
            add_text(w, legacy[k].utf8, strlen(legacy[k].utf8));
            return true;
        }
    return false;
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
    walk *w = ctx;
    check_time(w);
    if (len <= 0 || w->status != NC_OK)
        return;
    if (w->skip_depth) {
        /* <title> is kept to PAGE_STRING_MAX like og:title (cut on a
         * character when it is made): a 50 MB title is not held. */
        if (w->in_title && w->title.len <= PAGE_STRING_MAX &&
            !nc_buf_append(&w->title, (const char *)s, (size_t)len))
            fail(w, NC_ERR_NOMEM);
        return;
    }
    bool amp = w->last_amp;
    w->last_amp = len == 1 && s[0] == '&';
    if (amp && legacy_entity(w, (const char *)s, (size_t)len))
        return;
    add_text(w, (const char *)s, (size_t)len);
}

/* Script and style content arrives here: only JSON-LD is read. */
static void on_cdata(void *ctx, const xmlChar *s, int len)
{
    walk *w = ctx;
    check_time(w);
    if (w->in_ld && len > 0 && w->status == NC_OK &&
        !nc_buf_append(&w->ld, (const char *)s, (size_t)len))
        fail(w, NC_ERR_NOMEM);
}

/* libxml2 2.9's end priorities (HTMLparser.c): an end tag cannot close
 * past an open element of higher priority. */
static int end_priority(const char *name)
{
    static const struct { const char *name; int priority; } table[] = {
        {"div", 150}, {"td", 160}, {"th", 160}, {"tr", 170}, {"thead", 180},
        {"tbody", 180}, {"tfoot", 180}, {"table", 190}, {"head", 200},
        {"body", 200}, {"html", 220}};
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (strcmp(name, table[i].name) == 0)
            return table[i].priority;
    return 100;
}

/* libxml2 2.9 ignores "</nav>" when a <div> opened inside it is still
 * open (HTML4 priorities), so the rest of the page would stay "in" the
 * nav (or the <a>, or a skipped <template>). Browsers close it. The
 * parser reports the mismatch: when its own stack shows the end tag was
 * ignored, close the element here. Its frames stay (libxml2 will still
 * end them, for depth), but carry the parent's evidence from now on. */
static void end_tag_ignored(walk *w, const char *name)
{
    htmlParserCtxtPtr ctxt = w->ctxt;
    xmlParserInputPtr in = ctxt->input;
    unsigned long at = in ? in->consumed + (unsigned long)(in->cur - in->base) + 1 : 0;
    int i;
    if (at && at == w->mismatch.at && ctxt->nameNr <= w->mismatch.nr &&
        w->mismatch.found < ctxt->nameNr) {
        i = w->mismatch.found; /* the same end tag, only elements above i closed */
    } else {
        int prio = end_priority(name);
        for (i = ctxt->nameNr - 1; i >= 0; i--) {
            if (strcmp((const char *)ctxt->nameTab[i], name) == 0)
                break;
            if (end_priority((const char *)ctxt->nameTab[i]) > prio)
                break;
        }
    }
    w->mismatch.at = at;
    w->mismatch.nr = ctxt->nameNr;
    w->mismatch.found = i;
    if (i < 0 || strcmp((const char *)ctxt->nameTab[i], name) == 0)
        return; /* not open, or closed normally */
    if (w->skip_depth) {
        if (w->skip_name && strcmp((const char *)w->skip_name, name) == 0)
            w->skip_depth = 0; /* e.g. a <template> whose div was left open */
        return;
    }
    size_t k = w->nframes;
    while (k > 0 && strcmp((const char *)w->frames[k - 1].name, name) != 0)
        k--;
    if (k == 0)
        return; /* past max_depth, or never kept */
    k--;
    flush(w);
    if (w->hide_depth && w->hide_depth >= w->frames[k].depth)
        end_hidden(w);
    for (size_t j = w->nframes; j-- > k;) {
        if (w->frames[j].close_rec != NC_HTML_NONE)
            nc_html_rec_close(w->recs, w->frames[j].close_rec, w->nrecs);
        w->frames[j].close_rec = NC_HTML_NONE;
    }
    const frame *parent = k ? &w->frames[k - 1] : &root_frame;
    for (size_t j = k; j < w->nframes; j++) {
        frame *f = &w->frames[j];
        uint32_t depth = f->depth;
        const xmlChar *fname = f->name;
        *f = *parent;
        f->depth = depth;
        f->name = fname;
        f->close_rec = NC_HTML_NONE;
    }
}

static void on_error(void *ctx, xmlErrorPtr err)
{
    walk *w = ctx;
    if (err && err->code == XML_ERR_TAG_NAME_MISMATCH && err->str1 && err->str2 &&
        w->ctxt && w->status == NC_OK)
        end_tag_ignored(w, err->str1);
}

/* RECOVER: real pages are broken. NONET: never fetch a DTD or entity.
 * NOERROR/NOWARNING (and a no-op structured handler): no output, and no
 * global handler touched. IGNORE_ENC: the input is UTF-8 already, a stale
 * <meta charset> must not switch the decoder. Not NOBLANKS: it would drop
 * the spaces between inline elements. Not HUGE: limits stay on. */
enum {
    PARSE_OPTIONS = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                    HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC |
                    HTML_PARSE_NODEFDTD
};

/* libxml2's generic error handler while it parses: says nothing. */
static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static nc_status parse(walk *w)
{
    nc_doc *doc = w->doc;
    if (doc->utf8_len == 0)
        return NC_OK; /* libxml2 makes no context for empty input */
    if (doc->utf8_len > INT_MAX)
        return NC_ERR_TOO_LARGE;
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(doc->utf8, (int)doc->utf8_len);
    if (!ctxt)
        return NC_ERR_NOMEM;
    w->ctxt = ctxt;
    /* The context owns a private copy of the SAX handler: replace its
     * callbacks with ours, so no tree is built. */
    htmlSAXHandler *sax = ctxt->sax;
    memset(sax, 0, sizeof *sax);
    sax->startElement = on_start;
    sax->endElement = on_end;
    sax->characters = on_text;
    sax->ignorableWhitespace = on_text;
    sax->cdataBlock = on_cdata;
    sax->serror = on_error;
    sax->initialized = XML_SAX2_MAGIC;
    ctxt->userData = w;
    htmlCtxtUseOptions(ctxt, PARSE_OPTIONS);
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    xmlParserInputPtr in = ctxt->input;
    if (skip_ok && in && in->cur && in->end &&
        nc_html_bound((char *)in->cur, (const char *)in->end))
        doc->flags |= NC_FLAG_TRUNCATED_MARKUP;
    /* libxml2 reports some failures (its allocations) through the generic
     * handler, which prints; it is per thread, so it is silenced here for
     * this parse only and given back. */
    xmlGenericErrorFunc saved_err = xmlGenericError;
    void *saved_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, quiet);
    htmlParseDocument(ctxt);
    xmlSetGenericErrorFunc(saved_ctx, saved_err);
    /* libxml2 stops quietly when its own allocation fails. */
    if (ctxt->errNo == XML_ERR_NO_MEMORY && w->status == NC_OK)
        w->status = NC_ERR_NOMEM;
    htmlFreeParserCtxt(ctxt);
    w->ctxt = NULL;
    return w->status;
}

bool nc_html_skip_supported(void)
{
    pthread_once(&html_once, html_init_once);
    return skip_ok;
}

nc_status nc_html_blocks(nc_doc *doc)
{
    return nc_html_blocks_with(doc, true);
}

nc_status nc_html_blocks_with(nc_doc *doc, bool read_ahead)
{
    pthread_once(&html_once, html_init_once);
    walk w;
    memset(&w, 0, sizeof w);
    w.read_ahead = read_ahead && skip_ok;
    w.doc = doc;
    w.max_frames = doc->opts.max_depth;
    w.last_group = NC_HTML_NONE;
    w.shaper.doc = doc;
    w.shaper.record = doc->opts.record;
    w.ahead.keep_links = doc->opts.record != 0;
    nc_status st = parse(&w);
    if (st == NC_OK) {
        flush(&w);
        if (w.hide_depth)
            end_hidden(&w);
        /* A parse stopped early leaves elements open. */
        while (w.nframes)
            pop_frame(&w);
        st = w.status;
    }
    if (st == NC_OK) {
        nc_html_mark_best(doc, w.recs, w.nrecs, w.block_rec);
        nc_html_choose_title(doc);
    }
    free(w.frames);
    free(w.recs);
    free(w.block_rec);
    nc_buf_free(&w.blk.text);
    nc_buf_free(&w.title);
    nc_buf_free(&w.ld);
    nc_buf_free(&w.cap.text);
    nc_buf_free(&w.ahead.buf);
    nc_buf_free(&w.hint_cache.values);
    nc_html_shape_free(&w.shaper);
    if (st == NC_OK && w.shaper.failed)
        st = NC_ERR_NOMEM;
    return st;
}
