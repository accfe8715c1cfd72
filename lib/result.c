/* result.c - nc_result: the body paragraphs, every labelled block, and the
 * page-level findings, all owned by one arena. */
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "result.h"

struct nc_result {
    nc_doc doc;          /* blocks, title, language: the arena owns them */
    const char **paras;  /* pointers to body/heading block texts */
    size_t *para_lens;
    size_t nparas;
    /* The paragraphs joined by "\n\n", made on the first nc_result_text
     * call, not here: on a big page it is most of the page again, and
     * built eagerly it set the peak memory (docs/performance.md). Atomic:
     * a result may be read from several threads at once. */
    _Atomic(char *) text;
    size_t text_len;
};

static bool is_paragraph(const nc_block *b)
{
    return nc_label_kept(b->label);
}

/* *s (NUL-terminated, in the arena or static) made to keep the output
 * promises (util/safe_text.c); false on no memory. */
static bool make_safe(nc_doc *doc, const char **s)
{
    if (!*s)
        return true;
    size_t len;
    const char *safe = nc_safe_text(&doc->arena, *s, strlen(*s), &len, &doc->flags);
    if (!safe)
        return false;
    *s = safe;
    return true;
}

/* Every string the result hands out, checked once here. */
static bool make_all_safe(nc_doc *doc)
{
    size_t kept = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        nc_block *b = &doc->blocks[i];
        size_t len;
        const char *safe = nc_safe_text(&doc->arena, b->text, b->len, &len, &doc->flags);
        if (!safe)
            return false;
        b->text = (char *)safe;
        b->len = len;
        if (len) /* a block of control characters only is gone */
            doc->blocks[kept++] = *b;
    }
    doc->nblocks = kept;
    const char *title = doc->title;
    if (!make_safe(doc, &title) || !make_safe(doc, &doc->encoding))
        return false;
    doc->title = (char *)title;
    for (int f = 0; f < NC_META_COUNT; f++)
        for (size_t i = 0; i < doc->nmeta[f]; i++)
            if (!make_safe(doc, &doc->meta[f][i].value))
                return false;
    size_t len;
    const char *lang = nc_safe_text(&doc->arena, doc->lang_code,
                                    strnlen(doc->lang_code, sizeof doc->lang_code),
                                    &len, &doc->flags);
    if (!lang)
        return false;
    if (lang != doc->lang_code) {
        while (len >= sizeof doc->lang_code || (len && ((unsigned char)lang[len] & 0xC0) == 0x80))
            len--; /* whole characters */
        memcpy(doc->lang_code, lang, len);
        doc->lang_code[len] = '\0';
    }
    return true;
}

nc_status nc_result_build(nc_doc *doc, nc_result **out)
{
    if (!make_all_safe(doc))
        return NC_ERR_NOMEM;
    nc_result *r = calloc(1, sizeof *r);
    if (!r)
        return NC_ERR_NOMEM;
    size_t n = 0, bytes = 1;
    for (size_t i = 0; i < doc->nblocks; i++)
        if (is_paragraph(&doc->blocks[i])) {
            n++;
            bytes += doc->blocks[i].len + 2;
        }
    r->paras = nc_arena_alloc(&doc->arena, (n ? n : 1) * sizeof *r->paras);
    r->para_lens = nc_arena_alloc(&doc->arena, (n ? n : 1) * sizeof *r->para_lens);
    if (!r->paras || !r->para_lens) {
        free(r);
        return NC_ERR_NOMEM;
    }
    for (size_t i = 0; i < doc->nblocks; i++) {
        const nc_block *b = &doc->blocks[i];
        if (!is_paragraph(b))
            continue;
        r->paras[r->nparas] = b->text;
        r->para_lens[r->nparas++] = b->len;
    }
    r->text_len = bytes - 1 - (n ? 2 : 0);
    atomic_init(&r->text, NULL);
    /* The result owns the doc's memory from here; the input copy goes. */
    nc_doc_drop_input(doc);
    r->doc = *doc;
    memset(doc, 0, sizeof *doc);
    *out = r;
    return NC_OK;
}

void nc_result_free(nc_result *r)
{
    if (!r)
        return;
    free(atomic_load(&r->text));
    nc_doc_free(&r->doc);
    free(r);
}

size_t nc_result_paragraph_count(const nc_result *r) { return r ? r->nparas : 0; }

const char *nc_result_paragraph(const nc_result *r, size_t i, size_t *len)
{
    if (!r || i >= r->nparas) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = r->para_lens[i];
    return r->paras[i];
}

const char *nc_result_text(const nc_result *r, size_t *len)
{
    if (len)
        *len = 0;
    if (!r)
        return NULL;
    if (r->nparas == 0)
        return "";
    /* The cache is not part of the result's value: filling it through a
     * const result is safe (the struct was allocated non-const). */
    _Atomic(char *) *slot = (_Atomic(char *) *)&r->text;
    char *text = atomic_load_explicit(slot, memory_order_acquire);
    if (!text) {
        char *built = malloc(r->text_len + 1);
        if (!built)
            return NULL; /* the paragraphs stay readable one by one */
        size_t o = 0;
        for (size_t i = 0; i < r->nparas; i++) {
            if (i) {
                memcpy(built + o, "\n\n", 2);
                o += 2;
            }
            memcpy(built + o, r->paras[i], r->para_lens[i]);
            o += r->para_lens[i];
        }
        built[o] = '\0';
        if (atomic_compare_exchange_strong_explicit(slot, &text, built, memory_order_acq_rel,
                                                    memory_order_acquire))
            text = built;
        else
            free(built); /* another thread was first: use its copy */
    }
    if (len)
        *len = r->text_len;
    return text;
}

size_t nc_result_block_count(const nc_result *r) { return r ? r->doc.nblocks : 0; }

const nc_doc *nc_result_doc(const nc_result *r) { return &r->doc; }

static const char *const tag_names[NC_TAG_COUNT] = {
    "", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "div", "pre",
    "blockquote", "figcaption", "dt", "dd", "other"};

nc_status nc_result_block(const nc_result *r, size_t i, nc_block_info *info)
{
    if (!r || !info || info->size < offsetof(nc_block_info, heading_level) ||
        i >= r->doc.nblocks)
        return NC_ERR_ARGUMENT;
    const nc_block *b = &r->doc.blocks[i];
    info->text = b->text;
    info->length = b->len;
    info->label = b->label;
    info->reason = b->reason;
    info->score = b->score;
    info->tag = (unsigned)b->tag < NC_TAG_COUNT ? tag_names[b->tag] : "";
    if (info->size >= sizeof *info) {
        const nc_shape *sh = &b->shape;
        const nc_block *prev = i ? b - 1 : NULL;
        info->heading_level = nc_block_heading_level(&r->doc, i, false);
        info->list_depth = sh->list_depth ? sh->list_depth
                                          : nc_block_text_list_line(b, prev);
        info->list_ordered = (sh->flags & NC_SHAPE_ORDERED) != 0;
        info->list_item = sh->item;
        info->table_row = sh->row;
        info->table_cell = sh->cell;
        info->table_header = (sh->flags & NC_SHAPE_HEADER) != 0;
        info->quote = (b->in & NC_IN_BLOCKQUOTE) != 0;
        info->verbatim = b->tag == NC_TAG_PRE;
    }
    return NC_OK;
}

const char *nc_result_title(const nc_result *r)
{
    if (!r)
        return NULL;
    return r->doc.nmeta[NC_META_TITLE] ? r->doc.meta[NC_META_TITLE][0].value : r->doc.title;
}

const char *nc_result_meta(const nc_result *r, nc_meta_field field, size_t i,
                           nc_meta_source *source)
{
    if (source)
        *source = NC_SOURCE_NONE;
    if (!r || (unsigned)field >= NC_META_COUNT || i >= r->doc.nmeta[field])
        return NULL;
    if (source)
        *source = r->doc.meta[field][i].source;
    return r->doc.meta[field][i].value;
}

const char *nc_meta_field_name(nc_meta_field field)
{
    static const char *const names[NC_META_COUNT] = {
        "title", "author", "date", "modified", "site_name",
        "url", "description", "image", "section", "tag"};
    return (unsigned)field < NC_META_COUNT ? names[field] : "unknown";
}

const char *nc_meta_source_name(nc_meta_source source)
{
    static const char *const names[NC_SOURCE_COUNT] = {
        "none", "json-ld", "microdata", "open-graph", "meta",
        "time", "byline", "url", "text", "link"};
    return (unsigned)source < NC_SOURCE_COUNT ? names[source] : "unknown";
}

const char *nc_result_language(const nc_result *r)
{
    if (!r || !r->doc.lang_code[0])
        return "und";
    return r->doc.lang_code;
}

double nc_result_language_confidence(const nc_result *r)
{
    return r ? r->doc.lang_confidence : 0.0;
}

const char *nc_result_script(const nc_result *r)
{
    /* The language stage wrote the code ("Zyyy", Common, when it could
     * not tell). */
    return r && r->doc.script_code ? r->doc.script_code : "Zyyy";
}

unsigned nc_result_flags(const nc_result *r) { return r ? r->doc.flags : 0; }
size_t nc_result_repair_count(const nc_result *r) { return r ? r->doc.repairs : 0; }

nc_input_kind nc_result_input_kind(const nc_result *r)
{
    return r ? r->doc.kind : NC_INPUT_AUTO;
}

double nc_result_encoding_confidence(const nc_result *r)
{
    return r ? r->doc.encoding_confidence : 0.0;
}

const char *nc_result_encoding(const nc_result *r)
{
    return r && r->doc.encoding ? r->doc.encoding : "utf-8";
}

static const char *const label_names[NC_LABEL_COUNT] = {
    "body", "title", "heading", "caption", "credit", "navigation", "related",
    "comment", "ui", "foreign", "legal", "byline", "duplicate", "boilerplate"};

static const char *const reason_names[NC_REASON_COUNT] = {
    "model", "context-keep", "context-drop", "title-match", "credit-pattern",
    "site-suffix", "caption-words", "headline-run", "counter", "ui-phrase",
    "foreign-script", "foreign-words", "repeated", "markup", "link-dense",
    "outside-body", "empty", "legal-phrase", "byline-pattern",
    "heading-markup", "truncated", "only-text", "container-body",
    "thin-page", "comment-thread", "gallery", "one-copy", "far-from-body"};

const char *nc_label_name(nc_label label)
{
    return (unsigned)label < NC_LABEL_COUNT ? label_names[label] : "unknown";
}

const char *nc_reason_name(nc_reason reason)
{
    return (unsigned)reason < NC_REASON_COUNT ? reason_names[reason] : "unknown";
}

const char *nc_strerror(nc_status status)
{
    switch (status) {
    case NC_OK: return "success";
    case NC_ERR_ARGUMENT: return "invalid argument (NULL pointer or out of range)";
    case NC_ERR_NOMEM: return "out of memory";
    case NC_ERR_TOO_LARGE: return "input larger than max_input_bytes";
    case NC_ERR_OPTIONS: return "invalid options (bad size or field)";
    case NC_ERR_ENCODING: return "input charset could not be converted";
    case NC_ERR_PARSE: return "HTML could not be parsed";
    case NC_ERR_INTERNAL: return "internal error in a library newsclean uses";
    case NC_ERR_BINARY: return "input is not a page (compressed, PDF, image or executable)";
    case NC_ERR_IO: return "a file could not be opened or read";
    case NC_ERR_WARC: return "broken WARC record skipped";
    }
    return "unknown status";
}

int nc_version(void) { return NC_VERSION_NUMBER; }
const char *nc_version_string(void) { return NC_VERSION_STRING; }
