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
    NC_ERR_BINARY = 8    /* not a page: compressed (gzip, zip, bzip2, xz,
                            zstd, 7z), PDF, image or executable bytes */
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
    NC_REASON_ONLY_TEXT = 21      /* nothing scored as body: the page's
                                     best-scored text is kept */
} nc_reason;
#define NC_REASON_COUNT 22

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
#define NC_FLAG_WORK_LIMIT 0x400u    /* opts->max_work ran out: the result
                                        holds what was done by then */

/* Options. Fill with nc_options_init(), then change fields. The first
 * field is the struct's size, so later versions can add fields at the
 * end without breaking callers built against this header.
 *
 * max_ms is a deadline in milliseconds from the call's start (0: none):
 * past it no more of the page is read and no later stage starts; nc_clean
 * returns NC_OK with what it has (blocks not labelled by then come back
 * as NC_LABEL_BOILERPLATE / NC_REASON_TRUNCATED, so no paragraphs) and
 * NC_FLAG_WORK_LIMIT. It is checked every 256 parser events, once a block
 * and between stages; decoding is not interrupted (linear in the input). */
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
} nc_options;

/* The result of one nc_clean() call; opaque, read through accessors. */
typedef struct nc_result nc_result;

/* One block of the page, as nc_result_block() describes it. Set
 * info->size = sizeof *info before the call (or use NC_BLOCK_INFO_INIT). */
typedef struct nc_block_info {
    size_t size;        /* sizeof(nc_block_info), set by the caller */
    const char *text;   /* the block's text, UTF-8, NUL-terminated */
    size_t length;      /* its length in bytes */
    nc_label label;     /* what it is */
    nc_reason reason;   /* why */
    double score;       /* the classifier's body probability, 0..1 */
    const char *tag;    /* HTML tag ("p", "h2", "li") or "" for text */
} nc_block_info;
#define NC_BLOCK_INFO_INIT {sizeof(nc_block_info), NULL, 0, NC_LABEL_BODY, \
                            NC_REASON_MODEL, 0.0, NULL}

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

/* The article's title, or NULL when none was found. */
NC_EXPORT const char *nc_result_title(const nc_result *result);

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

/* Stable short names: "body", "caption", ...; "unknown" when out of range. */
NC_EXPORT const char *nc_label_name(nc_label label);
/* Stable short names: "model", "credit-pattern", ...; "unknown" likewise. */
NC_EXPORT const char *nc_reason_name(nc_reason reason);

/* A message for a status ("out of memory"); never NULL. */
NC_EXPORT const char *nc_strerror(nc_status status);

/* The library's version as NC_VERSION_NUMBER and as a string. */
NC_EXPORT int nc_version(void);
NC_EXPORT const char *nc_version_string(void);

#ifdef __cplusplus
}
#endif

#endif /* NEWSCLEAN_H */
