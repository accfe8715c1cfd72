/* newsclean.c - nc_clean(): the pipeline, nothing else. Each stage lives
 * in the folder of its name and meets the others only in the document
 * (internal.h); docs/algorithm.md describes them in order. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "outline.h"
#include "input/input.h"
#include "blocks/blocks.h"
#include "lang/lang.h"
#include "features/features.h"
#include "classify/classify.h"
#include "meta/meta.h"
#include "result.h"

enum {
    NC_DEFAULT_MAX_INPUT = 256u * 1024 * 1024,
    NC_DEFAULT_MAX_BLOCKS = 1000000,
    NC_DEFAULT_MAX_DEPTH = 256,
    NC_DEFAULT_MAX_LINE = 1024 * 1024
};

void nc_options_init(nc_options *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->size = sizeof *opts;
    opts->input = NC_INPUT_AUTO;
    opts->recall_bias = 0.0;
    opts->max_input_bytes = NC_DEFAULT_MAX_INPUT;
    opts->max_blocks = NC_DEFAULT_MAX_BLOCKS;
    opts->max_depth = NC_DEFAULT_MAX_DEPTH;
    opts->max_line_bytes = NC_DEFAULT_MAX_LINE;
}

/* Copies the caller's options (which may come from an older, smaller
 * struct) over the defaults and checks every field. */
static nc_status options_load(const nc_options *in, nc_options *opts)
{
    nc_options_init(opts);
    if (!in)
        return NC_OK;
    if (in->size < offsetof(nc_options, max_input_bytes) ||
        in->size > sizeof *in)
        return NC_ERR_OPTIONS;
    memcpy(opts, in, in->size);
    opts->size = sizeof *opts;
    if (opts->input != NC_INPUT_AUTO && opts->input != NC_INPUT_TEXT &&
        opts->input != NC_INPUT_HTML)
        return NC_ERR_OPTIONS;
    if (!(opts->recall_bias >= -1.0 && opts->recall_bias <= 1.0))
        return NC_ERR_OPTIONS; /* also rejects NaN */
    if (opts->max_input_bytes == 0 || opts->max_blocks == 0 ||
        opts->max_depth == 0 || opts->max_line_bytes < 16)
        return NC_ERR_OPTIONS;
    if (opts->record & ~(NC_RECORD_LINKS | NC_RECORD_IMAGES))
        return NC_ERR_OPTIONS;
    return NC_OK;
}

static nc_status pipeline_blocks(const char *input, size_t len, const nc_options *opts,
                                 bool read_fallback, nc_doc *doc)
{
    memset(doc, 0, sizeof *doc);
    doc->read_fallback = read_fallback;
    nc_arena_init(&doc->arena);
    doc->lang = -1;
    nc_status st = options_load(opts, &doc->opts);
    if (st != NC_OK)
        return st;
    nc_budget_start(doc);
    if (len > doc->opts.max_input_bytes)
        return NC_ERR_TOO_LARGE;
    if ((st = nc_lang_init()) != NC_OK)
        return st;
    if ((st = nc_input_decode(doc, input, len)) != NC_OK)
        return st;
    /* Input the decoding left as it was (UTF-8 with no BOM, CR, NUL or
     * bad byte, already NFC: most pages) need not be held twice while the
     * blocks are made; they only read it, and the caller's bytes outlive
     * them. On a big page that is the input's size off the peak. */
    if (doc->utf8_len == len && len > 0 && memcmp(doc->utf8, input, len) == 0) {
        /* Shrunk before it is freed: glibc raises its mapping threshold
         * to the size of each mapped block freed, and every later block
         * below that size would come from the heap, which keeps what is
         * freed (measured: +10 MB on a 10 MB page, kept after the call). */
        char *shrunk = realloc(doc->utf8, 1);
        free(shrunk ? shrunk : doc->utf8);
        doc->utf8 = (char *)(uintptr_t)input;
        doc->utf8_borrowed = true;
    }
    doc->kind = doc->opts.input;
    if (doc->kind == NC_INPUT_AUTO)
        doc->kind = nc_input_detect_kind(doc->utf8, doc->utf8_len);
    st = doc->kind == NC_INPUT_HTML ? nc_html_blocks(doc) : nc_text_blocks(doc);
    if (st != NC_OK)
        return st;
    /* The blocks hold their own copies: the decoded input can go now, so
     * a big page does not keep two full copies alive while it is scored. */
    nc_doc_drop_input(doc);
    if (nc_out_of_time(doc))
        return NC_OK; /* unclassified: see clean_doc */
    return nc_lang_analyse(doc);
}

nc_status nc_pipeline_blocks(const char *input, size_t len,
                             const nc_options *opts, nc_doc *doc)
{
    return pipeline_blocks(input, len, opts, false, doc);
}

nc_status nc_pipeline(const char *input, size_t len, const nc_options *opts,
                      nc_doc *doc)
{
    nc_status st = nc_pipeline_blocks(input, len, opts, doc);
    if (st != NC_OK)
        return st;
    doc->feat_window = SIZE_MAX; /* the tools read every block's row */
    return nc_features(doc);
}

static bool has_body(const nc_doc *doc)
{
    /* A thin page's widening and the best blocks of a page that kept
     * nothing are last resorts: a <noscript> holding the body comes first
     * (a forum's crawler view of its posts). */
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].label == NC_LABEL_BODY &&
            doc->blocks[i].reason != NC_REASON_THIN_PAGE &&
            doc->blocks[i].reason != NC_REASON_ONLY_TEXT)
            return true;
    return false;
}

/* A big page's rows a window at a time (nc_features left doc->feat_rows
 * of them): stage 1 over every window, then stage 2 over every window with
 * its rows made again (the features twice, only on such pages; the phrase
 * scans, half their cost, are kept from the first time). */
static void score_in_windows(nc_doc *doc)
{
    size_t n = doc->nblocks, w = doc->feat_rows;
    float *rows = doc->feat;
    nc_feat_walk walk;
    nc_features_start(doc, &walk, false);
    for (size_t lo = 0; lo < n; lo += w) {
        size_t hi = n - lo > w ? lo + w : n;
        nc_features_window(doc, &walk, lo, hi, rows);
        nc_classify_stage1(doc, lo, hi, rows);
    }
    nc_context_walk cw;
    nc_classify_context_start(doc, &cw);
    nc_features_start(doc, &walk, true);
    for (size_t lo = 0; lo < n; lo += w) {
        size_t hi = n - lo > w ? lo + w : n;
        nc_features_window(doc, &walk, lo, hi, rows);
        nc_classify_stage2(doc, &cw, lo, hi, rows);
    }
}

/* The feature rows go once the scores are made, before the labels and
 * the result (320 bytes a block: on a big page, more than its text). */
static void drop_feature_rows(nc_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        doc->blocks[i].feat = NULL;
    free(doc->feat);
    doc->feat = NULL;
    doc->feat_rows = 0;
    free(doc->feat_patterns);
    doc->feat_patterns = NULL;
}

void nc_pipeline_classify(nc_doc *doc)
{
    size_t n = doc->nblocks;
    if (n > 0 && doc->feat_rows < n) {
        score_in_windows(doc);
    } else if (n > 0) {
        /* The rows are one array (doc->feat), NC_NFEAT floats apart. */
        nc_classify_stage1(doc, 0, n, doc->feat);
        nc_context_walk cw;
        nc_classify_context_start(doc, &cw);
        nc_classify_stage2(doc, &cw, 0, n, doc->feat);
    }
    drop_feature_rows(doc);
    nc_classify_labels(doc);
}

/* Past the caller's deadline before the labels: every block is returned
 * unclassified, none as a paragraph. */
static void leave_unclassified(nc_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        doc->blocks[i].label = NC_LABEL_BOILERPLATE;
        doc->blocks[i].reason = NC_REASON_TRUNCATED;
        doc->blocks[i].score = 0.0f;
    }
    drop_feature_rows(doc);
}

/* Blocks, features and labels: doc is ready for nc_result_build. */
static nc_status clean_doc(const char *input, size_t len, const nc_options *opts,
                           bool read_fallback, nc_doc *doc)
{
    nc_status st = pipeline_blocks(input, len, opts, read_fallback, doc);
    if (st == NC_OK && !nc_out_of_time(doc))
        st = nc_features(doc); /* on a big page, a window of rows */
    if (st == NC_OK && !nc_out_of_time(doc))
        nc_pipeline_classify(doc);
    else if (st == NC_OK)
        leave_unclassified(doc);
    if (st == NC_OK)
        st = nc_meta(doc); /* after the labels: it reads the bylines */
    return st;
}

nc_status nc_clean(const char *input, size_t len, const nc_options *opts,
                   nc_result **out)
{
    if (!out)
        return NC_ERR_ARGUMENT;
    *out = NULL;
    if (!input && len > 0)
        return NC_ERR_ARGUMENT;
    if (!input)
        input = "";
    nc_doc doc;
    nc_status st = clean_doc(input, len, opts, false, &doc);
    /* A page that shows no body without JavaScript may hold it in a
     * <noscript>: read again with those (only such pages pay twice). */
    if (st == NC_OK && doc.kind == NC_INPUT_HTML && doc.saw_fallback && !has_body(&doc) &&
        !(doc.flags & NC_FLAG_WORK_LIMIT)) {
        nc_doc again;
        nc_status st2 = clean_doc(input, len, opts, true, &again);
        if (st2 == NC_OK && has_body(&again)) {
            nc_doc_free(&doc);
            doc = again;
            doc.flags |= NC_FLAG_FROM_NOSCRIPT;
        } else {
            nc_doc_free(&again);
            if (st2 == NC_ERR_NOMEM)
                st = st2;
        }
    }
    if (st == NC_OK)
        st = nc_result_build(&doc, out); /* takes doc's memory on success */
    if (st != NC_OK)
        nc_doc_free(&doc);
    return st;
}
