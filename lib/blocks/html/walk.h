/* blocks/html/walk.h - what the HTML walk's files share: the walk's state
 * (its stack of open elements and the block being gathered), kept by
 * blocks/html/walk.c (the SAX callbacks), blocks/html/gather.c (text into
 * blocks) and blocks/html/recover.c (end tags libxml2 2.9 ignores). Only
 * these three include it. */
#ifndef NC_BLOCKS_HTML_WALK_H
#define NC_BLOCKS_HTML_WALK_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

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
    bool script_link;   /* inside an <a href="javascript:..."> */
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
     * that a script reveals: React's streamed <div hidden>, tabs). A
     * hidden <p> is one paragraph the page chose not to show, never a
     * container a script reveals: always dropped. */
    uint32_t hide_depth;     /* depth of that element, or 0 */
    size_t hide_first;       /* doc->nblocks when it started */
    uint32_t hide_chars;     /* non-link characters in its blocks */
    uint32_t hide_longest;   /* the most in one block */
    uint32_t hide_group;     /* last_group when it started */
    bool hide_para;          /* that element is a <p> */
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
    /* The last end tag blocks/html/recover.c looked up: libxml2 reports one
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

/* og:title, og:site_name, <html lang> and <title> are read up to this
 * many bytes: none is a paragraph, and a megabyte one is an attack. */
enum { PAGE_STRING_MAX = 4096 };

/* len cut to PAGE_STRING_MAX, on a character boundary. */
static inline size_t nc_walk_page_string_len(const char *s, size_t len)
{
    return nc_utf8_cut(s, len, PAGE_STRING_MAX);
}

/* ---- blocks/html/gather.c ---- */

/* Records the first failure and stops the parser. */
void nc_walk_fail(walk *w, nc_status st);
/* Ends the block being gathered (html2text's flush). */
void nc_walk_flush(walk *w);
/* The frame of the innermost open element kept (the root frame outside). */
extern const frame nc_walk_root_frame;
const frame *nc_walk_top(const walk *w);
/* Appends text; counts its characters for links and the best container. */
void nc_walk_add_text(walk *w, const char *s, size_t len);
/* The metadata evidence of an element (blocks/html/evidence.c). */
void nc_walk_note_evidence(walk *w, const xmlChar *xname, const nc_html_elem *el,
                           const nc_html_attrs *a);
/* A line break in the text the metadata stage is capturing. */
void nc_walk_capture_break(walk *w);
/* Sets *field to value (cut to PAGE_STRING_MAX, spaces collapsed) unless set. */
void nc_walk_set_page_string(walk *w, char **field, const char *value);

/* ---- blocks/html/walk.c ---- */

/* The end of a hidden element: its blocks go unless they hold paragraphs. */
void nc_walk_end_hidden(walk *w);

/* ---- blocks/html/recover.c ---- */

/* libxml2's structured error handler: closes an element whose end tag
 * libxml2 2.9 ignored. */
void nc_walk_on_error(void *ctx, xmlErrorPtr err);

#endif
