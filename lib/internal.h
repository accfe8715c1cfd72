/*
 * internal.h - the document the stages meet in: nc_doc and nc_block. Never
 * installed, never included by users. The outline (newsclean.c) runs the
 * stages in order; each stage reads and writes the document and calls no
 * function of another stage, only the base layers (util/, rules/). Each
 * stage folder declares its entry points in a header of its own:
 *
 *   input/input.h         bytes -> UTF-8 (BOM, charset, repair, NUL, CRLF)
 *   blocks/blocks.h       plain text or HTML -> blocks
 *   lang/lang.h           document language, script, stopwords, word counting
 *   features/features.h   per-block feature vector
 *   classify/classify.h   labels and reasons: model, detectors, context pass
 *   meta/meta.h           metadata: author, dates, site, URL, ... with sources
 *   result.h              nc_result: paragraphs and accessors
 *   rules/rules.h         (base) the phrase lists, their matcher and case fold
 *   util/util.h           (base) arena, buffer, UTF-8, the document's release
 *
 * tools/check_layers.py (make check-layers) checks the rule on the objects.
 */
#ifndef NC_INTERNAL_H
#define NC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "newsclean.h"

#include "util/util.h"

/* ---- util/json.c: a small tolerant JSON tree in the arena ---- */

typedef enum nc_json_type {
    NC_JSON_NULL, NC_JSON_BOOL, NC_JSON_NUMBER, NC_JSON_STRING, NC_JSON_ARRAY,
    NC_JSON_OBJECT
} nc_json_type;

typedef struct nc_json {
    nc_json_type type;
    const char *key;       /* its key inside an object, else NULL */
    const char *str;       /* STRING: unescaped text; NUMBER: its text */
    struct nc_json *child; /* ARRAY, OBJECT: first member */
    struct nc_json *next;  /* next member of its parent */
} nc_json;

/* Parses text[0..len) (the first value; trailing text, HTML comments
 * around it and a trailing ';' are ignored). NULL when it is no JSON, is
 * nested deeper than 64, or memory runs out (then *nomem). */
nc_json *nc_json_parse(nc_arena *arena, const char *text, size_t len, bool *nomem);
/* The member of object o with key (ASCII case ignored), or NULL. */
const nc_json *nc_json_get(const nc_json *o, const char *key);
/* Unescapes the JSON string that starts at s (after its opening quote)
 * into the arena; *after (may be NULL) past its closing quote. NULL when
 * it is unterminated, or on no memory (then *nomem). */
char *nc_json_string(nc_arena *arena, const char *s, const char *end, const char **after,
                     bool *nomem);

/* ---- blocks: the one model both text and HTML produce ---- */

/* HTML evidence a block carries (NC_TAG_NONE for plain text). */
typedef enum nc_tag {
    NC_TAG_NONE = 0, NC_TAG_P, NC_TAG_H1, NC_TAG_H2, NC_TAG_H3, NC_TAG_H4,
    NC_TAG_H5, NC_TAG_H6, NC_TAG_LI, NC_TAG_TD, NC_TAG_DIV, NC_TAG_PRE,
    NC_TAG_BLOCKQUOTE, NC_TAG_FIGCAPTION, NC_TAG_DT, NC_TAG_DD,
    NC_TAG_OTHER, NC_TAG_COUNT
} nc_tag;

/* <h1> to <h6>. */
static inline bool nc_tag_heading(unsigned tag)
{
    return tag >= NC_TAG_H1 && tag <= NC_TAG_H6;
}

/* Ancestor bits: which containers a block sits in. */
enum {
    NC_IN_NAV = 1u << 0, NC_IN_HEADER = 1u << 1, NC_IN_FOOTER = 1u << 2,
    NC_IN_ASIDE = 1u << 3, NC_IN_FORM = 1u << 4, NC_IN_FIGURE = 1u << 5,
    NC_IN_ARTICLE = 1u << 6, NC_IN_MAIN = 1u << 7, NC_IN_BUTTON = 1u << 8,
    NC_IN_LIST = 1u << 9, NC_IN_TABLE = 1u << 10, NC_IN_BLOCKQUOTE = 1u << 11,
    NC_IN_ARTICLE_BODY = 1u << 12, /* itemprop=articleBody */
    NC_IN_BEST = 1u << 13,         /* inside the densest text container */
    NC_IN_LINK = 1u << 14,         /* the whole block is one link */
    NC_IN_SELECT = 1u << 15,
    NC_IN_BEST_WIDE = 1u << 16     /* inside the ancestor of the best
                                      container that holds more paragraph
                                      text than 8x other text (recall-
                                      leaning; a superset of NC_IN_BEST) */
};

/* Class/id/role/itemprop token bits (blocks/html/walk.c sets them). */
enum {
    NC_HINT_NAV = 1u << 0, NC_HINT_SHARE = 1u << 1, NC_HINT_RELATED = 1u << 2,
    NC_HINT_PROMO = 1u << 3, NC_HINT_COMMENT = 1u << 4,
    NC_HINT_CAPTION = 1u << 5, NC_HINT_CREDIT = 1u << 6,
    NC_HINT_BYLINE = 1u << 7, NC_HINT_COOKIE = 1u << 8,
    NC_HINT_NEWSLETTER = 1u << 9, NC_HINT_AD = 1u << 10,
    NC_HINT_FOOTER = 1u << 11, NC_HINT_SIDEBAR = 1u << 12,
    NC_HINT_CONTENT = 1u << 13, /* article, content, entry, story, body */
    NC_HINT_HIDDEN = 1u << 14, NC_HINT_TITLE = 1u << 15,
    NC_HINT_META = 1u << 16, /* date, time, tags, category */
    NC_HINT_BREADCRUMB = 1u << 17
};

/* Structure evidence a block carries (nc_block.shape), for
 * result/markdown.c: recorded by blocks/html/walk.c (and blocks/text.c's
 * bullets), never read by the classifier. Ordinals count elements of the
 * page from 1; 0 means "not inside one". */
enum {
    NC_SHAPE_ORDERED = 1u << 0,  /* the innermost list is an <ol> */
    NC_SHAPE_HEADER = 1u << 1,   /* a <th> cell, or a cell in <thead> */
    NC_SHAPE_NUMBERED = 1u << 2  /* text: a list line that starts "1." */
};
typedef struct nc_shape {
    uint32_t list;       /* the innermost <ul>/<ol>/<dl> */
    uint32_t item;       /* the innermost <li> */
    uint32_t table;      /* the innermost <table> */
    uint32_t row;        /* the innermost <tr> */
    uint32_t marks;      /* its marks: doc->marks[marks, marks + nmarks) */
    uint32_t nmarks;
    uint16_t cell;       /* the cell of row its text starts in (1-based) */
    uint8_t list_depth;  /* lists it is inside (255 at most) */
    uint8_t flags;       /* NC_SHAPE_* */
} nc_shape;

/* What sits at an offset of a block's text (doc->marks). */
typedef enum nc_mark_kind {
    NC_MARK_LINK = 0,  /* text[start, end) is a link to url */
    NC_MARK_IMAGE = 1, /* an image (url: src, alt) at start (= end) */
    NC_MARK_CELL = 2,  /* a table cell begins at start */
    NC_MARK_RAW = 3    /* <pre>: the line as written (url), spaces kept */
} nc_mark_kind;
typedef struct nc_mark {
    uint32_t start, end; /* byte offsets into the block's text */
    uint16_t kind;       /* nc_mark_kind */
    uint16_t cell;       /* cells: the cell's number in its row (1-based) */
    bool header;         /* cells: a <th>, or a cell in <thead> */
    const char *url;     /* arena string (NULL for cells) */
    const char *alt;     /* images: the alt text, arena string or NULL */
} nc_mark;

#define NC_NFEAT 84 /* room in the feature vector; features/features.c names them */

typedef struct nc_block {
    char *text;        /* NFC UTF-8, white space collapsed, in the arena */
    size_t len;        /* bytes */
    /* Evidence from the source. */
    nc_tag tag;
    uint32_t in;       /* NC_IN_* */
    uint32_t hints;    /* NC_HINT_* of the block and its ancestors */
    uint16_t depth;    /* tree depth (0 for text) */
    uint16_t facts;    /* classify/classify.c: the feature tests its detectors make,
                          kept as bits when the rows go */
    float link_chars;  /* chars inside <a> */
    bool gap_before;   /* text: a blank line before it; html: a new parent */
    bool list_item;    /* text: a bullet line; html: <li> */
    uint32_t source_line; /* text: first line number; html: 0 */
    uint16_t groups[2]; /* html: look-alike groups around it (blocks/html/groups.c);
                           text: 0 */
    uint32_t group;     /* html: its look-alike group (the elements keyed like the
                           one holding its container), numbered 1 ..
                           doc->ngroups (blocks/html/groups.c); 0: none, or text */
    nc_shape shape;    /* lists, tables, marks (result/markdown.c) */
    /* Filled by lang/detect.c / features/features.c. */
    uint32_t words;      /* word count (ICU rules for no-space scripts) */
    uint32_t stopwords;  /* words in the document language's stoplist */
    uint32_t letters;    /* letter code points */
    uint32_t script;     /* UScriptCode of most letters, USCRIPT_COMMON=0 */
    bool script_other;   /* lang/detect.c: that script has no place on a page
                            in the document's (a Japanese page's Han and kana
                            have; its Latin has not) */
    bool script_all_other; /* lang/detect.c: and so has every other letter of
                              it ("Share" on a Russian page, not "[编辑：
                              alonliu]" on a Chinese one) */
    uint32_t repeat;     /* how many blocks on the page have the same text */
    int32_t lang_score;  /* lang/detect.c: stopwords of the doc language minus best
                            other language's (foreign evidence < 0) */
    int16_t block_lang;  /* lang/detect.c: the block's own best language (index
                            as doc->lang), -1 when it shows none */
    float foreign;       /* lang/detect.c: 0..1 evidence the block is in another
                            language or script than the document */
    int8_t ld_found;     /* features/ld_match.c: its opening words stand in
                            doc->ld_body (1) or not (0); -1: no ld_body */
    float *feat;         /* NC_NFEAT features (features/slots.h): a row of
                            doc->feat, from nc_features until the outline
                            has the blocks scored (then NULL) */
    /* Filled by classify/classify.c. */
    float score;       /* body probability (stage 2) */
    float score1;      /* stage 1's, before the context pass */
    float group_score1; /* the mean score1 of the other blocks of its group;
                           -1 when it has none */
    nc_label label;
    nc_reason reason;
} nc_block;

/* A block the result returns: the labels the classifier keeps. */
static inline bool nc_label_kept(nc_label label)
{
    return label == NC_LABEL_BODY || label == NC_LABEL_HEADING;
}

/* ---- metadata evidence the HTML walk records for meta/ ---- */

typedef enum nc_ev_kind {
    NC_EV_META = 0,   /* <meta name|property|itemprop=key content=value> */
    NC_EV_LD_JSON,    /* a JSON-LD script's text */
    NC_EV_TIME,       /* an element's datetime attribute, or a <time>'s text */
    NC_EV_ITEMPROP,   /* the text of an element with itemprop=key */
    NC_EV_REL_AUTHOR, /* the text of <a rel="author"> or of a link to an
                         author's page */
    NC_EV_CLASS_AUTHOR, /* the text of an element whose class names the
                           author ("post-author") */
    NC_EV_CANONICAL   /* <link rel="canonical" href=value> */
} nc_ev_kind;

typedef struct nc_meta_ev {
    struct nc_meta_ev *next; /* document order */
    nc_ev_kind kind;
    uint32_t in, hints;      /* NC_IN_* and NC_HINT_* where it sat */
    size_t block;            /* blocks before it (doc->nblocks then) */
    const char *key;         /* lower-case name/property/itemprop, or NULL */
    const char *value;       /* arena string */
} nc_meta_ev;

/* One chosen metadata value. */
typedef struct nc_meta_item {
    const char *value;
    nc_meta_source source;
} nc_meta_item;

/* What an HTML page declares itself to be (blocks/html/page.c): an
 * article (og:type "article", a JSON-LD *Article or BlogPosting), some
 * other type (a product, a website, a forum thread), or nothing. The
 * larger wins: an article's JSON-LD often also holds a WebSite. */
enum { NC_PAGE_UNTYPED, NC_PAGE_OTHER, NC_PAGE_ARTICLE };

/* Everything one nc_clean call works on. */
typedef struct nc_doc {
    nc_arena arena;
    nc_options opts;
    /* input/decode.c */
    char *utf8;        /* the input as UTF-8 (heap, freed by the pipeline) */
    bool utf8_borrowed;/* utf8 is the caller's input, not to be freed */
    size_t utf8_len;
    const char *encoding; /* the charset read as (static, or the hint copied into the arena) */
    double encoding_confidence; /* 0..1: 1 for a BOM, hint, declaration or
                                   valid UTF-8; the detector's for a guess */
    unsigned flags;    /* NC_FLAG_* */
    size_t repairs;
    uint64_t deadline_ns; /* util/budget.c: opts.max_ms as a CLOCK_MONOTONIC time, 0: none */
    nc_input_kind kind;
    bool read_fallback;/* html: read <noscript> (nc_clean's second pass) */
    bool saw_fallback; /* html: the page has a <noscript> */
    /* blocks */
    nc_block *blocks;  /* heap array */
    size_t nblocks;
    uint32_t ngroups; /* HTML look-alike groups (nc_block.group), 0 for text */
    size_t cap_blocks;
    /* page-level hints (html) or guesses (text); arena strings or NULL */
    char *title;       /* chosen title */
    char *html_title;  /* <title> */
    char *html_title_base; /* <title> without its site part */
    char *og_title;
    char *site_name;
    char *html_lang;   /* <html lang> */
    char *ld_body;     /* JSON-LD articleBody */
    int8_t page_type;  /* NC_PAGE_*: what og:type and JSON-LD @type declare */
    int8_t page_kind;  /* NC_PAGE_*: the same, counting only the types that
                          name non-article content (nc_html_ld_declared) */
    nc_meta_ev *ev, *ev_last; /* blocks/html/walk.c: metadata evidence */
    size_t nev;
    /* meta/choose.c: the chosen values, field by field (arena) */
    nc_meta_item *meta[NC_META_COUNT];
    size_t nmeta[NC_META_COUNT];
    char *base_href;   /* <base href> (html), for resolving links */
    char *canonical;   /* <link rel=canonical href> (html) */
    /* blocks/html/walk.c: links, images, cells and raw <pre> lines (heap;
     * NC_RECORD_* in opts says which links and images were kept) */
    nc_mark *marks;
    size_t nmarks, cap_marks;
    /* lang/detect.c */
    int lang;          /* index into the stoplist table, -1 undecided */
    char lang_code[16];
    double lang_confidence;
    uint32_t script;   /* UScriptCode */
    const char *script_code; /* its ISO 15924 code (static), for the result */
    /* features/signals.c: per-block counts of repeated " - Site" suffixes */
    void *patterns;
    /* features/signals.c: a byte a block (arena), NC_LEXICON_SCANNED | a bit
     * a rules/ lexicon with hits, so classify need not scan again; NULL
     * when memory ran out */
    uint8_t *lexicon_bits;
#define NC_LEXICON_SCANNED 0x80
    /* features/features.c: the blocks' feature rows, NC_NFEAT floats a block (heap;
     * the outline frees them once classify, their last reader, is done) */
    float *feat;
    size_t feat_rows;  /* rows doc->feat holds: nblocks, or fewer on a big
                          page, whose rows the outline has made and scored a
                          window at a time (nc_features_window) */
    size_t feat_window;/* rows a window: 0 picks (all up to 32768 blocks);
                          tests set it to run both paths */
    float *feat_patterns; /* with windows: NC_NPATTERN floats a block, kept
                             from the first pass for the second (heap) */
} nc_doc;

/* util/doc.c: frees what doc holds (heap and arena) and zeroes it. */
void nc_doc_free(nc_doc *doc);
/* util/doc.c: frees the decoded copy of the input, if doc has one. */
void nc_doc_drop_input(nc_doc *doc);

#endif /* NC_INTERNAL_H */
