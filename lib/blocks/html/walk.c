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

#include "blocks/html/walk.h"

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
        nc_walk_fail(w, NC_ERR_NOMEM);
        return;
    }
    w->cap_frames = cap;
    uint32_t id = NC_HTML_NONE;
    if (w->nrecs < MAX_RECORDS) {
        size_t rcap = w->cap_recs;
        if (!nc_html_grow((void **)&w->recs, &rcap, (size_t)w->nrecs + 1, sizeof *w->recs)) {
            nc_walk_fail(w, NC_ERR_NOMEM);
            return;
        }
        w->cap_recs = (uint32_t)rcap;
        id = w->nrecs++;
    }
    const frame *parent = nc_walk_top(w);
    frame *f = &w->frames[w->nframes++];
    f->depth = w->depth;
    f->rec = id != NC_HTML_NONE ? id : parent->rec;
    f->close_rec = id;
    f->name = name;
    f->in = parent->in | el->in | a->in | (a->article_body ? NC_IN_ARTICLE_BODY : 0);
    f->hints = parent->hints | (a->hints & ~NC_HTML_PRIVATE);
    /* A block inside <a href="javascript:..."> is text: such an <a> is a
     * script's handle, and when it wraps paragraphs (Readability unwraps
     * them) they are no link. A short one ("Show more") stays a link. */
    bool link = (el->flags & NC_EL_LINK) != 0;
    f->script_link = link ? a->href && nc_html_script_href(a->href, strlen(a->href))
                          : parent->script_link;
    if (link)
        f->link = ++w->links;
    else if (f->script_link && (el->flags & NC_EL_BLOCK))
        f->link = 0;
    else
        f->link = parent->link;
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
    r->look = nc_html_fnv(NC_HTML_FNV_BASIS ^ a->class_hash, (const char *)name, NULL);
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

void nc_walk_end_hidden(walk *w)
{
    nc_walk_flush(w);
    w->hide_depth = 0;
    if (!w->hide_para && w->hide_chars >= HIDDEN_KEEP_CHARS &&
        w->hide_longest >= HIDDEN_KEEP_LONGEST)
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

/* True while libxml2 parses: nc_walk_fail() stops it (no memory, or max_blocks
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
        nc_walk_fail(w, NC_OK); /* the rest of the page is not read */
}

/* The larger declaration wins, for the type and for the kind. */
static void raise_page_type(nc_doc *doc, nc_html_declared d)
{
    if (d.type > doc->page_type)
        doc->page_type = (int8_t)d.type;
    if (d.kind > doc->page_kind)
        doc->page_kind = (int8_t)d.kind;
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
        nc_walk_flush(w);
        w->hide_depth = w->depth;
        w->hide_first = w->doc->nblocks;
        w->hide_chars = w->hide_longest = 0;
        w->hide_group = w->last_group;
        w->hide_para = el->tag == NC_TAG_P;
    } else if (((el->flags & NC_EL_SKIP) && !read_fallback) || a.hidden) {
        w->skip_depth = w->depth;
        w->skip_name = xname;
        w->in_title = (el->flags & NC_EL_TITLE) && !w->doc->html_title;
        w->in_ld = (el->flags & NC_EL_SCRIPT) && a.ld_json;
        w->title.len = w->ld.len = 0;
        read_ahead(w, xname, el->flags);
        return;
    }
    nc_walk_note_evidence(w, xname, el, &a);
    if (el->flags & NC_EL_META && a.property && a.content) {
        if (strcmp(a.property, "og:title") == 0)
            nc_walk_set_page_string(w, &w->doc->og_title, a.content);
        else if (strcmp(a.property, "og:site_name") == 0)
            nc_walk_set_page_string(w, &w->doc->site_name, a.content);
        else if (strcmp(a.property, "og:type") == 0)
            raise_page_type(w->doc, nc_html_og_declared(a.content));
    }
    if (el->flags & NC_EL_HTML)
        nc_walk_set_page_string(w, &w->doc->html_lang, a.lang);
    if (el->flags & (NC_EL_BR | NC_EL_BLOCK)) {
        nc_walk_flush(w);
        nc_walk_capture_break(w);
        if (el->flags & NC_EL_PRE)
            w->pre++;
    } else if (el->flags & NC_EL_CELL) {
        nc_walk_add_text(w, " ", 1);
    }
    if (!(el->flags & NC_EL_VOID))
        push_frame(w, xname, el, &a);
    if (el->shape)
        nc_html_shape_start(&w->shaper, el, &a, &nc_walk_top(w)->shape, w->blk.text.len,
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
                                                       nc_walk_page_string_len(w->title.data,
                                                                       w->title.len));
            if (w->in_ld && w->ld.len) {
                raise_page_type(w->doc, nc_html_ld_declared(w->ld.data, w->ld.len));
                if (!w->doc->ld_body)
                    w->doc->ld_body = nc_html_ld_body(&w->doc->arena, w->ld.data,
                                                      w->ld.len);
                if (nc_html_record_ev(w->doc, NC_EV_LD_JSON, NULL, 0, 0, w->ld.data,
                                      w->ld.len) != NC_OK)
                    nc_walk_fail(w, NC_ERR_NOMEM);
            }
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
            nc_walk_flush(w);
            nc_walk_capture_break(w);
            if ((el->flags & NC_EL_PRE) && w->pre)
                w->pre--;
        } else if (el->flags & NC_EL_CELL) {
            nc_walk_add_text(w, " ", 1);
        }
        if (w->cap.depth == w->depth && nc_html_capture_end(w->doc, &w->cap) != NC_OK)
            nc_walk_fail(w, NC_ERR_NOMEM);
        if (w->nframes && w->frames[w->nframes - 1].depth == w->depth)
            pop_frame(w);
        if (w->hide_depth == w->depth)
            nc_walk_end_hidden(w);
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
            nc_walk_add_text(w, legacy[k].utf8, strlen(legacy[k].utf8));
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
            nc_walk_fail(w, NC_ERR_NOMEM);
        return;
    }
    bool amp = w->last_amp;
    w->last_amp = len == 1 && s[0] == '&';
    if (amp && legacy_entity(w, (const char *)s, (size_t)len))
        return;
    nc_walk_add_text(w, (const char *)s, (size_t)len);
}

/* Script and style content arrives here: only JSON-LD is read. */
static void on_cdata(void *ctx, const xmlChar *s, int len)
{
    walk *w = ctx;
    check_time(w);
    if (w->in_ld && len > 0 && w->status == NC_OK &&
        !nc_buf_append(&w->ld, (const char *)s, (size_t)len))
        nc_walk_fail(w, NC_ERR_NOMEM);
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
    sax->serror = nc_walk_on_error;
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
        nc_walk_flush(&w);
        if (w.hide_depth)
            nc_walk_end_hidden(&w);
        /* A parse stopped early leaves elements open. */
        while (w.nframes)
            pop_frame(&w);
        st = w.status;
    }
    if (st == NC_OK) {
        nc_html_mark_best(doc, w.recs, w.nrecs, w.block_rec);
        nc_html_mark_groups(doc, w.recs, w.block_rec);
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
