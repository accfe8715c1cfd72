/*
 * blocks/html/html.h - what the HTML stage's files share (blocks/html/walk.c walks the
 * parse, blocks/html/hints.c names elements and class/id tokens, blocks/html/best.c
 * finds the densest text container, blocks/html/page.c reads page-level hints).
 * Internal to the HTML stage; the rest of the library sees nc_block only.
 */
#ifndef NC_HTML_H
#define NC_HTML_H

#include "internal.h"
#include "blocks/blocks.h"
#include "rules/rules.h"

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

typedef struct nc_html_elem {
    const char *name;
    uint16_t flags;   /* NC_EL_* */
    uint8_t tag;      /* nc_tag a block directly inside it gets */
    int8_t weight;    /* Readability's initial score for the element */
    uint32_t in;      /* NC_IN_* it gives its descendants */
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

/* What an element's attributes say. */
typedef struct nc_html_attrs {
    uint32_t hints, in;  /* class/id/role/itemprop hints (NC_HTML_UNLIKELY
                            included), ARIA role as NC_IN_* */
    uint32_t class_hash; /* of the class attribute, 0 without one */
    bool hidden;         /* hidden, aria-hidden="true", display:none, ... */
    bool ld_json;        /* type="application/ld+json" */
    bool article_body;   /* itemprop="articleBody" */
    const char *lang, *property, *content; /* lang, <meta> name/content */
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
    NC_REC_BEST = 1u << 2      /* chosen: its blocks get NC_IN_BEST */
};

/* blocks/html/best.c */
/* Closes record i (all records after it are its descendants): adds its
 * text to its parent and its paragraph score to parent and grandparent. */
void nc_html_rec_close(nc_html_rec *recs, uint32_t i, uint32_t nrecs);
/* Picks the best container and its comparable siblings; sets NC_IN_BEST
 * on every block whose container record (block_rec[i]) lies inside. */
void nc_html_mark_best(nc_doc *doc, nc_html_rec *recs, uint32_t nrecs,
                       const uint32_t *block_rec);

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

/* blocks/html/page.c */
/* A copy of s[0..len) in the arena with white space collapsed and
 * trimmed; NULL when empty or out of memory. */
char *nc_html_collapsed(nc_arena *arena, const char *s, size_t len);
/* The articleBody string of JSON-LD text, unescaped, or NULL. */
char *nc_html_ld_body(nc_arena *arena, const char *json, size_t len);
/* doc->title from og:title, the h1 that matches <title>, or <title>
 * without its site suffix. */
void nc_html_choose_title(nc_doc *doc);

#endif /* NC_HTML_H */
