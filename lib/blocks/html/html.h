/*
 * blocks/html/html.h - what the HTML stage's files share (blocks/html/walk.c walks the
 * parse, blocks/html/hints.c names elements and class/id tokens, blocks/html/best.c
 * finds the densest text container, blocks/html/page.c reads page-level hints,
 * blocks/html/evidence.c records the metadata evidence).
 * Internal to the HTML stage; the rest of the library sees nc_block only.
 */
#ifndef NC_HTML_H
#define NC_HTML_H

#include "internal.h"

/* The tokenizer's character classes, as libxml2 2.9's HTMLparser.c has
 * them (blocks/html/skip.c and bound.c read markup before it does). */
static inline bool nc_html_is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool nc_html_is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* htmlParseHTMLName's characters after the first: letters, digits and
 * ":-_." (a bit set of the ASCII range). */
static inline bool nc_html_is_name_char(unsigned char c)
{
    static const uint64_t set[2] = {0x07ff600000000000ull, 0x07fffffe87fffffeull};
    return c < 128 && ((set[c >> 6] >> (c & 63)) & 1);
}

#include "blocks/blocks.h"
#include "rules/rules.h"

/* FNV-1a of the string s, continuing from h (start: NC_HTML_FNV_BASIS);
 * *len gets s's length when len is not NULL. */
#define NC_HTML_FNV_BASIS 2166136261u
static inline uint32_t nc_html_fnv(uint32_t h, const char *s, size_t *len)
{
    const char *p = s;
    for (; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    if (len)
        *len = (size_t)(p - s);
    return h;
}

#define NC_HTML_NONE UINT32_MAX /* no record */

/* What an element does to the text stream (nc_html_elem.flags). */
enum {
    NC_EL_BLOCK = 1u << 0,   /* ends the current block (html2text's BLOCK) */
    NC_EL_CELL = 1u << 1,    /* td, th: a space either side */
    NC_EL_SKIP = 1u << 2,    /* its content is no page text */
    NC_EL_BR = 1u << 3,      /* ends the block at its start only */
    NC_EL_PRE = 1u << 4,     /* keeps its lines */
    NC_EL_LINK = 1u << 5,    /* <a> */
    NC_EL_TITLE = 1u << 6,   /* <title> */
    NC_EL_META = 1u << 7,    /* <meta> */
    NC_EL_SCRIPT = 1u << 8,  /* <script> (JSON-LD lives here) */
    NC_EL_ROOT = 1u << 9,    /* html, body: never hidden, no region hints */
    NC_EL_LI = 1u << 10,     /* <li> */
    NC_EL_VOID = 1u << 11,   /* no content: no frame is kept for it */
    NC_EL_HTML = 1u << 12,   /* <html> (lang) */
    NC_EL_RAW = 1u << 13,    /* script, style: libxml2 reads them as raw text */
    NC_EL_FALLBACK = 1u << 14 /* <noscript>: skipped, or read as a hidden
                                 element on the second pass (newsclean.c) */
};

/* What an element adds to the structure blocks/html/shape.c records
 * (nc_html_elem.shape). */
enum {
    NC_SH_NONE = 0, NC_SH_UL, NC_SH_OL, NC_SH_LI, NC_SH_TABLE, NC_SH_THEAD,
    NC_SH_TR, NC_SH_TD, NC_SH_TH, NC_SH_A, NC_SH_IMG, NC_SH_BASE, NC_SH_LINK
};

typedef struct nc_html_elem {
    const char *name;
    uint16_t flags;   /* NC_EL_* */
    uint8_t tag;      /* nc_tag a block directly inside it gets */
    int8_t weight;    /* Readability's initial score for the element */
    uint32_t in;      /* NC_IN_* it gives its descendants */
    uint8_t shape;    /* NC_SH_* */
} nc_html_elem;

/* blocks/html/hints.c */
/* The element description of a lower-case tag name; unknown names get an
 * inline element's description. Never NULL. */
const nc_html_elem *nc_html_elem_lookup(const char *name);
/* NC_HINT_* of a class, id, role or itemprop value (tokens split on
 * non-alphanumerics and lower-to-upper case changes), plus
 * NC_HTML_UNLIKELY when a token is one of Readability's unlikely-candidate
 * words (not a block hint: callers strip it). */
uint32_t nc_html_token_hints(const char *value);
#define NC_HTML_UNLIKELY NC_MARKUP_UNLIKELY /* rules/markup.c */
#define NC_HTML_POSITIVE NC_MARKUP_POSITIVE /* Readability's positive class words */
#define NC_HTML_NEGATIVE NC_MARKUP_NEGATIVE /* and its negative ones */
#define NC_HTML_PRIVATE (NC_HTML_UNLIKELY | NC_HTML_POSITIVE | NC_HTML_NEGATIVE)
/* NC_IN_* an ARIA role gives (role="navigation" is a <nav>). */
uint32_t nc_html_role_in(const char *role);

/* True when the URL v[0..n) is an author's page ("/author/jane-doe"). */
bool nc_html_author_path(const char *v, size_t n);
/* True when the href v[0..n) runs a script ("javascript:void(0)"): a
 * script's handle, not a link to another page (Readability unwraps them
 * too), so its text is no link text. */
bool nc_html_script_href(const char *v, size_t n);

/* What an element's attributes say. */
typedef struct nc_html_attrs {
    uint32_t hints, in;  /* class/id/role/itemprop hints (NC_HTML_UNLIKELY
                            included), ARIA role as NC_IN_* */
    uint32_t class_hash; /* of the class attribute, 0 without one */
    bool hidden;         /* hidden, aria-hidden="true", display:none, ... */
    bool ld_json;        /* type="application/ld+json" */
    bool article_body;   /* itemprop="articleBody" */
    const char *lang, *property, *content; /* lang, <meta> name/content */
    const char *itemprop, *rel, *href, *datetime; /* for the metadata; href,
                                                     src, alt also for links and images
                                                     (src and alt only seen when
                                                     ahead.keep_links) */
    const char *src, *alt;
    const char *class_name; /* the class attribute's value */
} nc_html_attrs;

/* The hints of class values seen on this page (pages repeat them), by
 * their hash; values compared in full. Zeroed before use. */
enum { NC_HTML_HINT_SLOTS = 256 };
typedef struct nc_html_hint_cache {
    struct { uint32_t hash, len, hints; size_t at; } slot[NC_HTML_HINT_SLOTS];
    nc_buf values;
} nc_html_hint_cache;

/* Reads the name/value pairs of atts (NULL-terminated, libxml2's SAX
 * form) for element el; cache may be NULL. */
void nc_html_read_attrs(const nc_html_elem *el, const char *const *atts,
                        nc_html_attrs *a, nc_html_hint_cache *cache);

/* One element of the page (within max_depth, outside skipped content):
 * the text it holds, for finding the densest text container. Record ids
 * follow document order, so an element's subtree is [id, end]. */
typedef struct nc_html_rec {
    uint32_t parent;       /* record of the parent element, NC_HTML_NONE */
    uint32_t end;          /* last record inside it */
    uint32_t chars;        /* non-space characters in the subtree */
    uint32_t link_chars;   /* of those, inside <a> */
    uint32_t direct_chars; /* in blocks this element holds directly */
    uint32_t commas;       /* commas in that direct text */
    uint32_t para_chars;   /* subtree characters in scored paragraphs */
    uint32_t hints;        /* the element's own NC_HINT_* */
    uint32_t class_hash;   /* its class attribute's hash, 0 without one */
    uint32_t look;         /* its tag name and class, hashed (blocks/html/groups.c) */
    float score;           /* Readability's content score */
    float score_all;       /* the same with unlikely candidates scored too */
    float work;            /* the score the pick compares (blocks/html/best.c) */
    uint32_t children;     /* child elements */
    int8_t weight;         /* element weight (div +5, h1 -5, ...) */
    int8_t class_weight;   /* +25 content words, -25 boilerplate words */
    uint8_t tag;           /* nc_tag as a block container */
    uint8_t flags;         /* NC_REC_* */
} nc_html_rec;

enum {
    NC_REC_SCORED = 1u << 0,   /* a candidate: got paragraph score */
    NC_REC_SCORED_ALL = 1u << 3, /* the same, unlikely ones scored too */
    NC_REC_UNLIKELY = 1u << 1, /* it or an ancestor looks like boilerplate */
    NC_REC_BEST = 1u << 2,     /* chosen: its blocks get NC_IN_BEST */
    NC_REC_GROUPED = 1u << 4,  /* blocks/html/groups.c: counted as a level-1 group */
    NC_REC_GROUPED_UP = 1u << 5 /* and as a level-2 group */
};

/* blocks/html/best.c */
/* Closes record i (all records after it are its descendants): adds its
 * text to its parent and its paragraph score to parent and grandparent. */
void nc_html_rec_close(nc_html_rec *recs, uint32_t i, uint32_t nrecs);
/* Picks the best container and its comparable siblings; sets NC_IN_BEST
 * on every block whose container record (block_rec[i]) lies inside. */
void nc_html_mark_best(nc_doc *doc, nc_html_rec *recs, uint32_t nrecs,
                       const uint32_t *block_rec);

/* blocks/html/groups.c */
/* Sets nc_block.groups of every block (how many elements on the page
 * look like, by tag name and class with their parent's, the one holding
 * its container, and the one above that), nc_block.group (its level-1
 * group's number) and doc->ngroups. */
void nc_html_mark_groups(nc_doc *doc, nc_html_rec *recs, const uint32_t *block_rec);

/* blocks/html/walk.c: grows the heap array *p of *cap elements of size
 * bytes to hold need (doubling); false on no memory (*p kept). */
bool nc_html_grow(void **p, size_t *cap, size_t need, size_t size);
/* blocks/html/walk.c: nc_html_blocks, with blocks/html/skip.c's read-ahead or
 * without it (tests compare the two; it is off anyway on a libxml2 other
 * than 2.9.x). */
nc_status nc_html_blocks_with(nc_doc *doc, bool read_ahead);
/* True when the linked libxml2 is one blocks/html/skip.c follows. */
bool nc_html_skip_supported(void);

/* blocks/html/skip.c: rewrites the parser's input ahead of it (see there). gt
 * is the '>' of a start tag the parser stands on, end the input's end;
 * each returns the '>' the parser should stand on instead. */
/* Steps over a script or style body (name: the element's lower-case
 * name); *closed when a plain "</name>" ends it. */
char *nc_html_skip_raw(char *gt, const char *end, const char *name, bool *closed);
/* Leaves out of the next start tag the attributes nc_html_read_attrs
 * does not read, when only text and end tags come before it; and the
 * ones it reads too, when their values hold no character references:
 * then ahead->pending, and ahead has them for that tag's start event. */
enum { NC_HTML_AHEAD_MAX = 16 };
typedef struct nc_html_ahead {
    bool pending;     /* atts and name are the next start tag's */
    char *gt;         /* where its '>' or "/>" is now, where the parser
                         stands at its start event (the caller keeps it as
                         an offset: libxml2 may move its buffer) */
    char name[128];   /* its name, lower case */
    const char *atts[2 * NC_HTML_AHEAD_MAX + 2]; /* libxml2's SAX form */
    nc_buf buf;       /* their text */
    bool keep_links;  /* set by the caller: href, src, alt, rel, data-src
                         are read too (NC_RECORD_*) */
} nc_html_ahead;
char *nc_html_compact_next(char *gt, const char *end, nc_html_ahead *ahead);
/* After an attribute's name at p: where its value starts (past blanks, the
 * '=' and blanks; may be end), or NULL when no '=' follows. */
const char *nc_html_value_start(const char *p, const char *end);

/* Where the text after a start tag's '>' ends (the next '<' or '&', or
 * end): gt itself when libxml2 would read it differently (characters it
 * drops). */
char *nc_html_text_run(char *gt, const char *end);
/* The first chunk of s[0..run_end) libxml2 would pass to characters(). */
size_t nc_html_text_chunk(const char *s, const char *run_end);

/* blocks/html/bound.c: bounds s[0..end), the parser's copy of the input,
 * in place and keeping its length: a start tag past 2 KB keeps its first
 * NC_HTML_MAX_ATTRS attributes with values cut to NC_HTML_MAX_VALUE bytes,
 * a comment past NC_HTML_MAX_COMMENT is emptied. True when it cut. */
enum {
    NC_HTML_MAX_ATTRS = 64,
    NC_HTML_MAX_VALUE = 65536,
    NC_HTML_MAX_COMMENT = 65536
};
bool nc_html_bound(char *s, const char *end);
/* blocks/html/evidence.c: the metadata evidence (doc->ev) meta/ reads. */
/* Appends one record (value collapsed; JSON-LD kept as it is). NC_OK also
 * when the page's bound on records is reached. */
nc_status nc_html_record_ev(nc_doc *doc, nc_ev_kind kind, const char *key, uint32_t in,
                            uint32_t hints, const char *value, size_t len);
/* The text of one element, gathered until it ends. */
typedef struct nc_html_capture {
    uint32_t depth;     /* the element's depth, 0 when none is open */
    nc_ev_kind kind;
    const char *key;    /* arena or static */
    uint32_t in, hints; /* where the element sits */
    nc_buf text;
} nc_html_capture;
/* At an element's start (name lower case, flags its NC_EL_*, in/hints
 * with its ancestors'): records what its attributes hold, and starts
 * gathering its text when that is a value. */
nc_status nc_html_note_evidence(nc_doc *doc, nc_html_capture *cap, const char *name,
                                uint32_t flags, const nc_html_attrs *a, uint32_t in,
                                uint32_t hints, uint32_t depth);
/* Text inside the element (bounded). */
nc_status nc_html_capture_text(nc_html_capture *cap, const char *s, size_t len);
/* A block boundary inside it: " | ", as a byline's separator. */
nc_status nc_html_capture_break(nc_html_capture *cap);
/* At its end: the gathered text becomes a record. */
nc_status nc_html_capture_end(nc_doc *doc, nc_html_capture *cap);
/* blocks/html/shape.c: the structure the walk records for
 * result/markdown.c (lists, tables, links, images, <pre> lines). Marks of
 * the block being gathered are held here with offsets into its raw text
 * until the block is added. */
typedef struct nc_html_shaper {
    nc_doc *doc;
    unsigned record;       /* NC_RECORD_* of the options */
    uint32_t ordinal;      /* elements given an ordinal so far */
    uint16_t row_cells;    /* cells opened in the current row */
    nc_mark *marks;        /* the pending block's (heap) */
    size_t nmarks, cap_marks;
    uint32_t *at;          /* their offsets while they are mapped (heap) */
    size_t cap_at;
    const char *link_url;  /* the open <a>'s target (arena), or NULL */
    bool failed;           /* memory ran out */
} nc_html_shaper;

/* The shape of a child element of an element with shape parent. */
void nc_html_shape_child(nc_html_shaper *s, const nc_shape *parent, nc_shape *child,
                         const nc_html_elem *el);
/* An element starts, offset bytes into the pending block's raw text (the
 * block has text when has_text): opens a link, places an image or a
 * cell boundary, reads <base> and the canonical <link>. */
void nc_html_shape_start(nc_html_shaper *s, const nc_html_elem *el,
                         const nc_html_attrs *a, const nc_shape *shape,
                         size_t offset, bool has_text);
/* An element ends: closes a link. */
void nc_html_shape_end(nc_html_shaper *s, const nc_html_elem *el, size_t offset);
/* Adds the pending block text[0..len) with its marks mapped into it. */
nc_block *nc_html_shape_add_block(nc_html_shaper *s, const char *text, size_t len,
                                  const nc_shape *shape, nc_status *status);
/* Adds one <pre> line as a block, keeping the line as written. */
nc_block *nc_html_shape_add_line(nc_html_shaper *s, const char *line, size_t len,
                                 const nc_shape *shape, nc_status *status);
/* The pending block ends (added or not): its marks go; an image of a
 * block without text and an open link carry on into the next block. */
void nc_html_shape_flush(nc_html_shaper *s, bool had_text);
/* The blocks from first on were dropped: so are their marks. */
void nc_html_shape_drop(nc_html_shaper *s, size_t first);
void nc_html_shape_free(nc_html_shaper *s);

/* blocks/html/page.c */
/* The articleBody string of JSON-LD text, unescaped, or NULL. */
char *nc_html_ld_body(nc_arena *arena, const char *json, size_t len);
/* What a JSON-LD script or an og:type content declares, read once as
 * both: the page type (nc_doc.page_type: any type that is no article is
 * NC_PAGE_OTHER) and the page kind (nc_doc.page_kind: NC_PAGE_OTHER only
 * for a type that names the page's own content when it is no article, a
 * product, a listing, a forum thread, Q&A, an event...; WebSite, og:type
 * "website" and the like leave it NC_PAGE_UNTYPED). NC_PAGE_* values. */
typedef struct nc_html_declared {
    int type, kind;
} nc_html_declared;
nc_html_declared nc_html_ld_declared(const char *json, size_t len);
nc_html_declared nc_html_og_declared(const char *content);
/* doc->title from og:title, the h1 that matches <title>, or <title>
 * without its site suffix. */
void nc_html_choose_title(nc_doc *doc);

#endif /* NC_HTML_H */
