/* blocks/html/evidence.c - the metadata evidence the walk records for
 * meta/ (which reads it after the classifier): <meta> names and
 * properties, itemprop values, datetime attributes, the canonical link,
 * JSON-LD text, and the text of elements that hold a value (itemprop
 * author/datePublished/headline, <time>, rel="author" and author-page
 * links, the innermost element whose class names the author). Each
 * record keeps the containers and class hints it sat in, so meta/ can
 * leave out teasers and comments. No interpretation happens here. */
#include <string.h>
#include <strings.h>

#include "blocks/html/html.h"

/* Bounds on what one page may leave. */
enum { MAX_EVIDENCE = 4096, MAX_CAPTURE = 1024, MAX_LD_JSON = 1u << 20, MAX_KEY = 64 };

nc_status nc_html_record_ev(nc_doc *doc, nc_ev_kind kind, const char *key, uint32_t in,
                            uint32_t hints, const char *value, size_t len)
{
    if (doc->nev >= MAX_EVIDENCE || (kind == NC_EV_LD_JSON && len > MAX_LD_JSON))
        return NC_OK;
    if (kind != NC_EV_LD_JSON)
        len = nc_utf8_cut(value, len, MAX_CAPTURE); /* the value stays UTF-8 */
    nc_meta_ev *ev = nc_arena_alloc(&doc->arena, sizeof *ev);
    char *k = key ? nc_arena_strndup(&doc->arena, key, strnlen(key, MAX_KEY)) : NULL;
    char *v = kind == NC_EV_LD_JSON
                  ? nc_arena_strndup(&doc->arena, value, len)
                  : nc_text_collapsed(&doc->arena, value, len);
    if (!ev || (key && !k) || (!v && kind == NC_EV_LD_JSON))
        return NC_ERR_NOMEM;
    if (!v)
        return NC_OK; /* only white space (or no memory: then the next
                         allocation of the walk says so) */
    for (char *c = k; c && *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32);
    *ev = (nc_meta_ev){NULL, kind, in, hints & ~NC_HTML_PRIVATE, doc->nblocks, k, v};
    if (doc->ev_last)
        doc->ev_last->next = ev;
    else
        doc->ev = ev;
    doc->ev_last = ev;
    doc->nev++;
    return NC_OK;
}

/* word (lower case) in s, ASCII case ignored; runs on every class value,
 * so the first letter is tested before the call. */
static bool contains_ascii_ci(const char *s, const char *word)
{
    size_t n = strlen(word);
    for (; *s; s++)
        if ((*s | 0x20) == word[0] && strncasecmp(s, word, n) == 0)
            return true;
    return false;
}

static bool token_in(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; *p;) {
        while (*p == ' ')
            p++;
        const char *t = p;
        while (*p && *p != ' ')
            p++;
        if ((size_t)(p - t) == n && strncasecmp(t, word, n) == 0)
            return true;
    }
    return false;
}

/* A class naming the author's element ("author", "post-author__name"),
 * not the author's picture, bio or other articles. */
static bool author_class(const char *value)
{
    if (!value || !contains_ascii_ci(value, "author"))
        return false;
    static const char *const not_name[] = {"avatar", "bio", "image", "img", "photo",
                                           "description", "about", "box", "social",
                                           "authority", "posts", "more"};
    for (size_t i = 0; i < sizeof not_name / sizeof *not_name; i++)
        if (contains_ascii_ci(value, not_name[i]))
            return false;
    return true;
}

/* itemprop names whose element text is a value. */
static bool itemprop_text(const char *name)
{
    return token_in("author creator datePublished dateCreated dateModified headline", name);
}

/* What an element's attributes hold: recorded at once. */
static nc_status note_attributes(nc_doc *doc, const char *name, uint32_t flags,
                                 const nc_html_attrs *a, uint32_t in, uint32_t hints)
{
    nc_status st = NC_OK;
    if (flags & NC_EL_META) {
        if (a->content && a->property)
            st = nc_html_record_ev(doc, NC_EV_META, a->property, in, hints, a->content,
                                   strlen(a->content));
        if (st == NC_OK && a->content && a->itemprop)
            st = nc_html_record_ev(doc, NC_EV_ITEMPROP, a->itemprop, in, hints, a->content,
                                   strlen(a->content));
        return st;
    }
    if (a->href && a->rel && token_in(a->rel, "canonical") && strcmp(name, "link") == 0)
        return nc_html_record_ev(doc, NC_EV_CANONICAL, NULL, in, hints, a->href,
                                 strlen(a->href));
    const char *value = a->datetime ? a->datetime : a->content;
    if (value && a->itemprop)
        return nc_html_record_ev(doc, NC_EV_ITEMPROP, a->itemprop, in, hints, value,
                                 strlen(value));
    if (a->datetime)
        return nc_html_record_ev(doc, NC_EV_TIME, name, in, hints, value, strlen(value));
    return NC_OK;
}

nc_status nc_html_note_evidence(nc_doc *doc, nc_html_capture *cap, const char *name,
                                uint32_t flags, const nc_html_attrs *a, uint32_t in,
                                uint32_t hints, uint32_t depth)
{
    nc_status st = note_attributes(doc, name, flags, a, in, hints);
    if (st != NC_OK || (flags & (NC_EL_META | NC_EL_VOID)) || a->datetime || a->content)
        return st;
    /* The innermost author element wins over a wrapper ("byline" around
     * the author, the date and the section). */
    bool by_class = author_class(a->class_name);
    if (cap->depth && !(by_class && cap->kind == NC_EV_CLASS_AUTHOR))
        return NC_OK;
    nc_ev_kind kind;
    const char *key;
    if (a->itemprop && itemprop_text(a->itemprop)) {
        kind = NC_EV_ITEMPROP;
        /* The key points into the parser's attributes: copied now. */
        if (!(key = nc_arena_strndup(&doc->arena, a->itemprop, strnlen(a->itemprop, MAX_KEY))))
            return NC_ERR_NOMEM;
    } else if ((a->rel && token_in(a->rel, "author")) ||
               (a->href && (flags & NC_EL_LINK) && nc_html_author_path(a->href, strlen(a->href)))) {
        kind = NC_EV_REL_AUTHOR; /* an <a> keeps its href only for author pages */
        key = "a";
    } else if (strcmp(name, "time") == 0) {
        kind = NC_EV_TIME;
        key = "time";
    } else if (by_class) {
        kind = NC_EV_CLASS_AUTHOR;
        key = "author";
    } else {
        return NC_OK;
    }
    *cap = (nc_html_capture){depth, kind, key, in, hints, cap->text};
    cap->text.len = 0;
    return NC_OK;
}

nc_status nc_html_capture_text(nc_html_capture *cap, const char *s, size_t len)
{
    if (cap->text.len >= MAX_CAPTURE)
        return NC_OK;
    return nc_buf_append(&cap->text, s, len) ? NC_OK : NC_ERR_NOMEM;
}

nc_status nc_html_capture_break(nc_html_capture *cap)
{
    if (!cap->text.len)
        return NC_OK;
    return nc_html_capture_text(cap, " | ", 3);
}

nc_status nc_html_capture_end(nc_doc *doc, nc_html_capture *cap)
{
    cap->depth = 0;
    if (!cap->text.len)
        return NC_OK;
    return nc_html_record_ev(doc, cap->kind, cap->key, cap->in, cap->hints, cap->text.data,
                             cap->text.len);
}
