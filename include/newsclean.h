/*
 * newsclean.h - the whole public API of newsclean.
 *
 * newsclean takes the raw text or HTML a crawler scraped from a news page
 * and returns the clean body paragraphs, dropping navigation, captions,
 * photo credits, teasers, comment widgets, cookie and subscribe prompts and
 * stray UI strings in other languages.
 *
 *     nc_result *r = NULL;
 *     if (nc_clean(page, page_len, NULL, &r) == NC_OK) {
 *         for (size_t i = 0; i < nc_result_paragraph_count(r); i++)
 *             puts(nc_result_paragraph(r, i, NULL));
 *     }
 *     nc_result_free(r);
 *
 * All strings handed out are valid UTF-8, NFC, free of control characters
 * but tab and newline (C0 and DEL are removed, C1 read as windows-1252,
 * as HTML5 reads &#x80;..&#x9F;: NC_FLAG_REMOVED_CHARS),
 * NUL-terminated, owned by the result and valid until nc_result_free(). No function prints, exits or
 * aborts; every failure is a status with a name (nc_strerror). The library
 * keeps no state a caller can see and is safe to call from many threads at
 * once; its one-time set-up happens inside, on the first call.
 */
#ifndef NEWSCLEAN_H
#define NEWSCLEAN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version of this header; nc_version() gives the library's. */
#define NC_VERSION_MAJOR 0
#define NC_VERSION_MINOR 1
#define NC_VERSION_PATCH 0
#define NC_VERSION_STRING "0.1.0"
/* NC_VERSION_MAJOR * 10000 + NC_VERSION_MINOR * 100 + NC_VERSION_PATCH. */
#define NC_VERSION_NUMBER                                                    \
    (NC_VERSION_MAJOR * 10000 + NC_VERSION_MINOR * 100 + NC_VERSION_PATCH)

/* NC_EXPORT marks the public symbols; everything else is hidden. */
#if defined(_WIN32)
#define NC_EXPORT __declspec(dllexport)
#elif defined(__GNUC__)
#define NC_EXPORT __attribute__((visibility("default")))
#else
#define NC_EXPORT
#endif

/* The status every call returns. NC_OK is 0; the others are failures. */
typedef enum nc_status {
    NC_OK = 0,           /* success */
    NC_ERR_ARGUMENT = 1, /* a NULL pointer or an argument out of range */
    NC_ERR_NOMEM = 2,    /* memory ran out; nothing was leaked */
    NC_ERR_TOO_LARGE = 3,/* the input exceeds opts->max_input_bytes */
    NC_ERR_OPTIONS = 4,  /* nc_options has an unknown size or a bad field */
    NC_ERR_ENCODING = 5, /* the input's charset could not be converted */
    NC_ERR_PARSE = 6,    /* the HTML parser gave up on the input */
    NC_ERR_INTERNAL = 7, /* a library fault (ICU or libxml2 failed) */
    NC_ERR_BINARY = 8,   /* not a page: compressed (gzip, zip, bzip2, xz,
                            zstd, 7z), PDF, image or executable bytes */
    NC_ERR_IO = 9,       /* a file could not be opened or read (errno says */
                         /* why) */
    NC_ERR_WARC = 10     /* a broken WARC record (truncated, a wrong */
                         /* Content-Length, a bad header or body); the */
                         /* reader skipped it and goes on */
} nc_status;

/* What the input is. AUTO looks at its start (doctype, <html, tag density). */
typedef enum nc_input_kind {
    NC_INPUT_AUTO = 0,
    NC_INPUT_TEXT = 1,
    NC_INPUT_HTML = 2
} nc_input_kind;

/* What a block of the page is. Only BODY and HEADING blocks become
 * paragraphs; every block keeps its label so a caller can keep more. */
typedef enum nc_label {
    NC_LABEL_BODY = 0,       /* a paragraph of the article */
    NC_LABEL_TITLE = 1,      /* the article's title */
    NC_LABEL_HEADING = 2,    /* a sub-heading inside the article */
    NC_LABEL_CAPTION = 3,    /* an image or video caption */
    NC_LABEL_CREDIT = 4,     /* a photo or source credit */
    NC_LABEL_NAVIGATION = 5, /* menus, breadcrumbs, pagination */
    NC_LABEL_RELATED = 6,    /* teasers for other articles */
    NC_LABEL_COMMENT = 7,    /* comment widgets and comments */
    NC_LABEL_UI = 8,         /* buttons, counters, share/subscribe/cookie */
    NC_LABEL_FOREIGN = 9,    /* a string in another language or script */
    NC_LABEL_LEGAL = 10,     /* copyright, terms, privacy notices */
    NC_LABEL_BYLINE = 11,    /* author, date, dateline-only lines */
    NC_LABEL_DUPLICATE = 12, /* a repeat of an earlier block */
    NC_LABEL_BOILERPLATE = 13/* other page furniture */
} nc_label;
#define NC_LABEL_COUNT 14

/* Why a block got its label: stable short names via nc_reason_name(). */
typedef enum nc_reason {
    NC_REASON_MODEL = 0,          /* the learned block classifier */
    NC_REASON_CONTEXT_KEEP = 1,   /* short block kept between body blocks */
    NC_REASON_CONTEXT_DROP = 2,   /* short block dropped amid boilerplate */
    NC_REASON_TITLE_MATCH = 3,    /* matches the page title */
    NC_REASON_CREDIT_PATTERN = 4, /* "Photo:", "/ Getty Images", "CC0 / ..." */
    NC_REASON_SITE_SUFFIX = 5,    /* ends in " - <site>" that repeats */
    NC_REASON_CAPTION_WORDS = 6,  /* "pictured", "(left)", "file photo" */
    NC_REASON_HEADLINE_RUN = 7,   /* headline-cased line without a sentence */
    NC_REASON_COUNTER = 8,        /* only digits: a counter or page number */
    NC_REASON_UI_PHRASE = 9,      /* share/subscribe/log in/cookie phrase */
    NC_REASON_FOREIGN_SCRIPT = 10,/* another script than the article's */
    NC_REASON_FOREIGN_WORDS = 11, /* words of another language's stoplist */
    NC_REASON_REPEATED = 12,      /* same text seen earlier on the page */
    NC_REASON_MARKUP = 13,        /* nav/footer/aside/form markup or class */
    NC_REASON_LINK_DENSE = 14,    /* mostly link text */
    NC_REASON_OUTSIDE_BODY = 15,  /* before the first or after the last body */
    NC_REASON_EMPTY = 16,         /* no letters or digits */
    NC_REASON_LEGAL_PHRASE = 17,  /* copyright, all rights reserved, terms */
    NC_REASON_BYLINE_PATTERN = 18,/* "By ...", dates, reading time */
    NC_REASON_HEADING_MARKUP = 19,/* h1-h6 or a short line before body */
    NC_REASON_TRUNCATED = 20,     /* past a limit: not classified */
    NC_REASON_ONLY_TEXT = 21,     /* nothing scored as body: the page's
                                     best-scored text is kept */
    NC_REASON_CONTAINER_BODY = 22,/* a paragraph of the container that
                                     holds the kept body, restored when
                                     the model kept only part of it (text:
                                     or of a run of paragraphs past it) */
    NC_REASON_THIN_PAGE = 23,     /* the model kept under 300 words of a
                                     listing, forum or other page that is
                                     no article: what it scored at least
                                     0.1 is kept, and a comment thread */
    NC_REASON_COMMENT_THREAD = 24,/* text: under a comment count, three or
                                     more comments marked by dated bylines
                                     or "Reply" */
    NC_REASON_GALLERY = 25,       /* a photo gallery after the article:
                                     slides numbered "1/50", "2/50", ... */
    NC_REASON_ONE_COPY = 26,      /* html: a paragraph the page holds twice,
                                     both copies dropped for the repeat:
                                     the better-scored one is kept */
    NC_REASON_FAR_FROM_BODY = 27  /* kept blocks past a stretch of dropped
                                     ones from the body, only headings or
                                     scored well under it (html: after
                                     the body of a declared article) */
} nc_reason;
#define NC_REASON_COUNT 28

/* Result flags: what was repaired or cut (nc_result_flags). */
#define NC_FLAG_REPAIRED_UTF8 0x1u   /* invalid bytes became U+FFFD */
#define NC_FLAG_TRUNCATED_BLOCKS 0x2u/* more blocks than max_blocks */
#define NC_FLAG_TRUNCATED_DEPTH 0x4u /* HTML deeper than max_depth */
#define NC_FLAG_TRUNCATED_LINES 0x8u /* a line longer than max_line_bytes */
#define NC_FLAG_NUL_REMOVED 0x10u    /* NUL bytes were dropped */
#define NC_FLAG_CONVERTED 0x20u      /* input was converted to UTF-8 */
#define NC_FLAG_FROM_NOSCRIPT 0x40u  /* html: the page showed no body without
                                        JavaScript; its <noscript> was read */
#define NC_FLAG_TRUNCATED_MARKUP 0x100u /* html: before parsing, a start tag
                                        longer than 2 KB lost its attributes
                                        past the 64th and values past 64 KiB,
                                        or a comment past 64 KiB was emptied */
#define NC_FLAG_REMOVED_CHARS 0x200u /* control characters (C0 but tab and
                                        newline, DEL) were removed from a
                                        returned string, C1 ones read as
                                        windows-1252 (U+0080 -> U+20AC), or
                                        combining marks past 30 in a row
                                        dropped */
#define NC_FLAG_WORK_LIMIT 0x400u    /* opts->max_ms passed: the result
                                        holds what was done by then */
#define NC_FLAG_CHARSET_GUESSED 0x800u /* the bytes declared no charset,
                                        the one guessed from them is unsure
                                        (nc_result_encoding_confidence below
                                        0.5) and 1% or more of the text is
                                        in doubt: it may be garbled */
#define NC_FLAG_REPAIRED_TITLE 0x1000u /* the page's own title text was
                                        UTF-8 read as windows-1252 and
                                        written again (a right quote as
                                        the three characters a-circumflex,
                                        euro, trade mark); it was read back */

/* Options. Fill with nc_options_init(), then change fields. The first
 * field is the struct's size, so later versions can add fields at the
 * end without breaking callers built against this header.
 *
 * max_ms is a deadline in milliseconds from the call's start (0: none):
 * past it no more of the page is read and no later stage starts; nc_clean
 * returns NC_OK with what it has (blocks not labelled by then come back
 * as NC_LABEL_BOILERPLATE / NC_REASON_TRUNCATED, so no paragraphs) and
 * NC_FLAG_WORK_LIMIT. It is checked every 256 parser events, once a block
 * and between stages; decoding is not interrupted (linear in the input).
 *
 * url, when the caller knows the page's address, is the metadata's
 * canonical URL when the page names none, and a date in its path its date when it gives
 * none. reference_date ("2025-09-04" or "2025-09-04T10:00:00Z"), when the
 * page was fetched: relative dates ("3 hours ago") are read against it
 * and no later date is taken; without it relative dates are ignored.
 * Both strings are read during nc_clean only. */
typedef struct nc_options {
    size_t size;              /* sizeof(nc_options); set by nc_options_init */
    nc_input_kind input;      /* default NC_INPUT_AUTO */
    const char *language;     /* BCP-47 hint ("de", "zh"); NULL = detect */
    const char *encoding;     /* charset hint ("windows-1251"); NULL = detect */
    double recall_bias;       /* -1 (precise) .. 0 (balanced) .. +1 (recall) */
    size_t max_input_bytes;   /* default 256 MiB; more is NC_ERR_TOO_LARGE */
    size_t max_blocks;        /* default 1,000,000; the rest is truncated */
    size_t max_depth;         /* default 256 HTML levels; deeper is flattened */
    size_t max_line_bytes;    /* default 1 MiB; a longer block is cut */
    size_t max_ms;            /* default 0 (none); a deadline, see above */
    const char *url;          /* the page's address; NULL = unknown */
    const char *reference_date; /* crawl date, ISO 8601; NULL = none */
    unsigned record;          /* NC_RECORD_* bits (default 0): more to keep */
                              /* for nc_result_markdown (a little slower) */
} nc_options;

/* nc_options.record: keep link targets (<a href>, <base href>, the
 * canonical <link>) and images (<img src> or data-src, alt). */
#define NC_RECORD_LINKS 0x1u
#define NC_RECORD_IMAGES 0x2u

/* The page's metadata fields (nc_result_meta). */
typedef enum nc_meta_field {
    NC_META_TITLE = 0,       /* the article's title (as nc_result_title) */
    NC_META_AUTHOR = 1,      /* an author's name; one item an author */
    NC_META_DATE = 2,        /* publication date, ISO 8601 ("2025-09-04", or
                                "2025-09-04T10:30:00+02:00" with its time) */
    NC_META_MODIFIED = 3,    /* last modification date, ISO 8601 */
    NC_META_SITE_NAME = 4,   /* the site's or publisher's name */
    NC_META_URL = 5,         /* the canonical URL */
    NC_META_DESCRIPTION = 6, /* the page's summary */
    NC_META_IMAGE = 7,       /* the lead image's URL */
    NC_META_SECTION = 8,     /* a section or category; one item each */
    NC_META_TAG = 9          /* a tag or keyword; one item each */
} nc_meta_field;
#define NC_META_COUNT 10

/* Where a metadata value was read, so a caller can judge it. */
typedef enum nc_meta_source {
    NC_SOURCE_NONE = 0,       /* no value */
    NC_SOURCE_JSON_LD = 1,    /* <script type="application/ld+json"> */
    NC_SOURCE_MICRODATA = 2,  /* itemprop="author", itemprop="datePublished" */
    NC_SOURCE_OPEN_GRAPH = 3, /* <meta property="og:..."/"article:..."> */
    NC_SOURCE_META = 4,       /* <meta name="author"/"description"/...> */
    NC_SOURCE_TIME = 5,       /* a <time datetime> element */
    NC_SOURCE_BYLINE = 6,     /* a byline block ("By Jane Doe | May 3") or
                                 a rel="author" link */
    NC_SOURCE_URL = 7,        /* the page's URL (a date in its path) */
    NC_SOURCE_TEXT = 8,       /* the page's text (<title>, h1, a date line) */
    NC_SOURCE_LINK = 9        /* <link rel="canonical"> */
} nc_meta_source;
#define NC_SOURCE_COUNT 10

/* The result of one nc_clean() call; opaque, read through accessors. */
typedef struct nc_result nc_result;

/* One block of the page, as nc_result_block() describes it. Set
 * info->size = sizeof *info before the call (or use NC_BLOCK_INFO_INIT).
 * The fields from heading_level on give the block's structure, as
 * nc_result_markdown writes it (a caller whose size ends before them gets
 * the fields above only); ordinals number elements of the page from 1,
 * 0 means none. */
typedef struct nc_block_info {
    size_t size;        /* sizeof(nc_block_info), set by the caller */
    const char *text;   /* the block's text, UTF-8, NUL-terminated */
    size_t length;      /* its length in bytes */
    nc_label label;     /* what it is */
    nc_reason reason;   /* why */
    double score;       /* the classifier's body probability, 0..1 */
    const char *tag;    /* HTML tag ("p", "h2", "li") or "" for text */
    int heading_level;  /* 1..6 for h1-h6 (2 for a heading line of text); */
                        /* 0 where the context makes it none, as */
                        /* nc_result_markdown says */
    int list_depth;     /* lists it sits in (a bullet line of text: 1) */
    int list_ordered;   /* 1 when the innermost list is numbered (<ol>) */
    size_t list_item;   /* its list item's ordinal (shared by its blocks) */
    size_t table_row;   /* ordinal of its table row */
    size_t table_cell;  /* the cell its text starts in, from 1 (a row is */
                        /* one block unless a cell holds paragraphs) */
    int table_header;   /* 1 for a <th> or a cell of <thead> */
    int quote;          /* 1 inside a <blockquote> */
    int verbatim;       /* 1 for a line of <pre> */
} nc_block_info;
#define NC_BLOCK_INFO_INIT {sizeof(nc_block_info), NULL, 0, NC_LABEL_BODY, \
                            NC_REASON_MODEL, 0.0, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0}

/* Fills *opts with the defaults. Does nothing when opts is NULL. */
NC_EXPORT void nc_options_init(nc_options *opts);

/* Cleans input[0..len): detects the input kind and charset, splits it into
 * blocks, labels each, and stores the body paragraphs in a new result
 * (*out, free with nc_result_free). opts NULL means the defaults. input
 * need not be NUL-terminated and is not kept. On failure *out is NULL.
 * Empty input is not an error: the result has no paragraphs. */
NC_EXPORT nc_status nc_clean(const char *input, size_t len,
                             const nc_options *opts, nc_result **out);

/* Frees a result and everything it owns. NULL is a no-op. */
NC_EXPORT void nc_result_free(nc_result *result);

/* Number of body paragraphs (body and heading blocks, in page order). */
NC_EXPORT size_t nc_result_paragraph_count(const nc_result *result);

/* Paragraph i (NFC UTF-8), its byte length in *len when len is not NULL.
 * NULL (and *len = 0) when result is NULL or i is out of range. */
NC_EXPORT const char *nc_result_paragraph(const nc_result *result, size_t i,
                                          size_t *len);

/* The body paragraphs joined by one blank line ("\n\n"), as the CLI
 * prints them; "" when there are none, NULL when result is NULL. The
 * joined copy is made on the first call (a big page's body is not held
 * twice unless asked for), owned by the result; safe to call from several
 * threads. NULL (and *len = 0) also when that copy cannot be allocated:
 * the paragraphs stay readable with nc_result_paragraph. */
NC_EXPORT const char *nc_result_text(const nc_result *result, size_t *len);

/* Number of blocks the page was split into (every block, any label). */
NC_EXPORT size_t nc_result_block_count(const nc_result *result);

/* Describes block i in *info. NC_ERR_ARGUMENT when result or info is NULL,
 * info->size is too small, or i is out of range. */
NC_EXPORT nc_status nc_result_block(const nc_result *result, size_t i,
                                    nc_block_info *info);

/* nc_result_markdown's flags. */
#define NC_MD_LINKS 0x1u    /* links as [text](absolute URL); needs
                               NC_RECORD_LINKS in the options */
#define NC_MD_IMAGES 0x2u   /* images as ![alt](URL); needs NC_RECORD_IMAGES */
#define NC_MD_COMMENTS 0x4u /* the comment blocks (label "comment") instead
                               of the body */

/* The body paragraphs as Markdown in *out (NUL-terminated, its length in
 * *len when len is not NULL; free it with nc_free): headings with their
 * level ("## "), list items ("- ", "1. ", nested ones indented by four
 * spaces), tables ("| a | b |" rows, the first one over a "| --- |" rule;
 * a table of one row or one column, or with a long cell, is written as
 * paragraphs), block quotes ("> "), <pre> lines verbatim in a code fence,
 * other blocks as paragraphs, one blank line apart. Characters Markdown
 * would read as markup are escaped with a backslash. From plain text: heading
 * lines ("## ") and list lines (bullets as "- ", numbered lines as they
 * are). A heading's context can make it none: a list whose items are each
 * one heading is a list, a heading alone in a cell of a table of several
 * columns is a cell, a heading whose section lost every block (three or
 * more dropped, then a heading of its rank or higher, or the end) and a
 * heading line of text of 15 words or more with no paragraph right under
 * it are paragraphs, a heading that is a number and a link ("3. <a>Acme
 * Movers</a>", a ranked list's entry) is that numbered line; a heading's
 * permalink glyph ("#", pilcrow, link symbol) is left out. Links and images are written as flags asks, their targets
 * resolved against <base href>, else url (the page's address; NULL or ""
 * when unknown), else the page's canonical <link>; a relative target
 * stays relative when none of them is known. NC_ERR_ARGUMENT when r or
 * out is NULL, flags has an unknown bit, or NC_MD_LINKS/NC_MD_IMAGES asks
 * for what nc_clean was not told to record; NC_ERR_NOMEM. On failure
 * *out is NULL. */
NC_EXPORT nc_status nc_result_markdown(const nc_result *result, unsigned flags,
                                       const char *url, char **out, size_t *len);

/* Frees a string nc_result_markdown made. NULL is a no-op. */
NC_EXPORT void nc_free(void *p);

/* The article's title (nc_result_meta's NC_META_TITLE), or NULL when none
 * was found. */
NC_EXPORT const char *nc_result_title(const nc_result *result);

/* Item i of a metadata field (0 the first; fields with several values,
 * such as authors and tags, have items 1, 2, ...), and in *source (when
 * not NULL) where it was read. NULL (and NC_SOURCE_NONE) when the page
 * has no such item, or result is NULL or field is out of range. Each
 * value is cross-checked against the other sources in order of trust
 * (JSON-LD, microdata, Open Graph, <meta>, <time>, byline, URL, text);
 * dates are never later than opts->reference_date and never read from
 * teasers for other articles. */
NC_EXPORT const char *nc_result_meta(const nc_result *result, nc_meta_field field,
                                     size_t i, nc_meta_source *source);

/* The document language as a BCP-47 code ("en", "de", "zh"), or "und". */
NC_EXPORT const char *nc_result_language(const nc_result *result);

/* Confidence of the detected language, 0..1 (1 for a caller's hint). */
NC_EXPORT double nc_result_language_confidence(const nc_result *result);

/* The body's main script as an ISO 15924 code ("Latn", "Cyrl", "Hani"),
 * or "Zyyy" when there is no letter. */
NC_EXPORT const char *nc_result_script(const nc_result *result);

/* NC_FLAG_* bits: what was repaired, converted or truncated. */
NC_EXPORT unsigned nc_result_flags(const nc_result *result);

/* How many invalid byte sequences were replaced by U+FFFD. */
NC_EXPORT size_t nc_result_repair_count(const nc_result *result);

/* The input kind that was used (TEXT or HTML, never AUTO). */
NC_EXPORT nc_input_kind nc_result_input_kind(const nc_result *result);

/* The charset the input was read as ("utf-8", "windows-1251"). */
NC_EXPORT const char *nc_result_encoding(const nc_result *result);

/* How sure the charset is, 0..1: 1 when a BOM, the caller's hint, the
 * page's declaration or valid UTF-8 settled it; for bytes that declare
 * nothing, the charset detector's confidence in its guess (below 0.5
 * also sets NC_FLAG_CHARSET_GUESSED); 0 when result is NULL. */
NC_EXPORT double nc_result_encoding_confidence(const nc_result *result);

/* Stable short names: "body", "caption", ...; "unknown" when out of range. */
NC_EXPORT const char *nc_label_name(nc_label label);
/* Stable short names: "model", "credit-pattern", ...; "unknown" likewise. */
NC_EXPORT const char *nc_reason_name(nc_reason reason);

/* Stable short names: "title", "author", "date", "modified", "site_name",
 * "url", "description", "image", "section", "tag"; "unknown" out of range. */
NC_EXPORT const char *nc_meta_field_name(nc_meta_field field);
/* Stable short names: "json-ld", "microdata", "open-graph", "meta",
 * "time", "byline", "url", "text", "link"; "none"; "unknown" out of range. */
NC_EXPORT const char *nc_meta_source_name(nc_meta_source source);

/* A message for a status ("out of memory"); never NULL. */
NC_EXPORT const char *nc_strerror(nc_status status);

/* ---- WARC and WET files ----
 *
 * A streaming reader of WARC 1.0 and 1.1 files, Common Crawl's WARC and WET
 * files among them: plain, or gzipped with one gzip member a record or the
 * whole file as one (told apart by the bytes, not the name). It holds one
 * record at a time, so its memory is bounded by the largest record, not by
 * the file. It reads only; it does not clean. A record to clean is an
 * nc_clean() call on its payload with its charset as the encoding hint and
 * its input kind:
 *
 *     nc_warc_reader *w = NULL;
 *     const nc_warc_record *rec;
 *     if (nc_warc_open("crawl.warc.gz", 0, &w) != NC_OK) ...;
 *     for (;;) {
 *         nc_status st = nc_warc_next(w, &rec);
 *         if (st == NC_ERR_WARC) {      // a broken record, skipped
 *             fprintf(stderr, "%s\n", nc_warc_error(w));
 *             continue;
 *         }
 *         if (st != NC_OK || !rec)      // the end, or a read error
 *             break;
 *         if (rec->skip)                // a request, an image, a 404, ...
 *             continue;
 *         nc_options o;
 *         nc_options_init(&o);
 *         o.input = rec->input;
 *         o.encoding = rec->charset;
 *         nc_result *r = NULL;
 *         nc_clean(rec->payload, rec->payload_length, &o, &r); ...
 *     }
 *     nc_warc_close(w);
 *
 * One reader is for one thread at a time; separate readers are
 * independent. */
typedef struct nc_warc_reader nc_warc_reader;

/* One record, as nc_warc_next() hands it out: owned by the reader and valid
 * until the next nc_warc_next() or nc_warc_close(). Strings are
 * NUL-terminated, as the file has them (not checked for UTF-8). */
typedef struct nc_warc_record {
    const char *type;        /* WARC-Type: "response", "resource", */
                             /* "conversion", "request", "metadata", ... */
    const char *target_uri;  /* WARC-Target-URI, "" when absent */
    const char *record_id;   /* WARC-Record-ID ("<urn:uuid:...>") or "" */
    const char *date;        /* WARC-Date ("2024-05-01T12:00:00Z") or "" */
    const char *media_type;  /* the payload's media type in lower case, */
                             /* without parameters ("text/html"): the HTTP */
                             /* Content-Type of an HTTP response, else the */
                             /* record's own Content-Type; "" when absent */
    const char *charset;     /* that Content-Type's charset parameter */
                             /* ("windows-1251"), NULL when it has none */
    int http_status;         /* the HTTP status, 0 when not an HTTP response */
    const char *skip;        /* NULL for a page to clean, else why not: */
                             /* "record-type" (not response, resource or */
                             /* conversion), "not-http" (a response that is */
                             /* not HTTP), "http-status" (not 200), */
                             /* "media-type" (not HTML or plain text), */
                             /* "content-encoding" (not identity, gzip or */
                             /* deflate) */
    nc_input_kind input;     /* HTML or TEXT from the media type (a WET */
                             /* conversion record is TEXT); AUTO when no */
                             /* media type is given */
    const char *payload;     /* the page: an HTTP body dechunked and */
                             /* decompressed, else the record's block; not */
                             /* NUL-terminated, NULL when skipped */
    size_t payload_length;   /* its length in bytes */
    unsigned long long offset; /* where the record starts, in bytes of the */
                             /* uncompressed file */
    const char *truncated;   /* NULL, or why the payload is cut short: the */
                             /* record's WARC-Truncated value ("length", */
                             /* "time", ...), or "body" when its chunked or */
                             /* gzip HTTP body ends early (what came before */
                             /* the cut is the payload) */
} nc_warc_record;

/* The default limit of one record (nc_warc_open's max_record_bytes 0). */
#define NC_WARC_DEFAULT_MAX_RECORD (256u * 1024 * 1024)

/* Opens the WARC file at path for reading (*out, close with
 * nc_warc_close). A record (or a decompressed HTTP body) larger than
 * max_record_bytes (0: NC_WARC_DEFAULT_MAX_RECORD) is skipped as broken
 * without being held in memory. NC_ERR_IO when the file cannot be opened
 * (errno says why), NC_ERR_ARGUMENT when path or out is NULL. */
NC_EXPORT nc_status nc_warc_open(const char *path, size_t max_record_bytes,
                                 nc_warc_reader **out);

/* Reads the next record into *record. NC_OK with *record set: a record
 * (rec->skip says whether it is a page); NC_OK with *record NULL: the end
 * of the file. NC_ERR_WARC: a broken record was skipped (*record NULL,
 * nc_warc_error says what and where); call again for the records after it.
 * NC_ERR_IO (a read failed) and NC_ERR_NOMEM end the reading: later calls
 * return the end of the file. */
NC_EXPORT nc_status nc_warc_next(nc_warc_reader *reader,
                                 const nc_warc_record **record);

/* What the last NC_ERR_* of nc_warc_next was about, with the record's
 * offset ("record at byte 1234: ..."); "" when there was none. */
NC_EXPORT const char *nc_warc_error(const nc_warc_reader *reader);

/* Bytes of the file read so far (compressed bytes for a gzipped file),
 * for progress reports. */
NC_EXPORT unsigned long long nc_warc_bytes_read(const nc_warc_reader *reader);

/* Closes the file and frees the reader. NULL is a no-op. */
NC_EXPORT void nc_warc_close(nc_warc_reader *reader);

/* The library's version as NC_VERSION_NUMBER and as a string. */
NC_EXPORT int nc_version(void);
NC_EXPORT const char *nc_version_string(void);

#ifdef __cplusplus
}
#endif

#endif /* NEWSCLEAN_H */
