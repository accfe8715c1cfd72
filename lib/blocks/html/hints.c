/* blocks/html/hints.c - what an element means: its name to the text stream, its
 * class/id/role/itemprop words to the region it is in, its other
 * attributes (hidden, lang, <meta> content). All run on every element, so
 * all are table look-ups and scans without allocation. */
#include <stdlib.h>
#include <string.h>

#include "blocks/html/html.h"

/* Sorted by name for bsearch. BLOCK, SKIP and CELL follow
 * ../shared/tools/html2text.py so the blocks are the lines it writes;
 * weights are Readability's initializeNode scores. */
static const nc_html_elem elems[] = {
    {"a", NC_EL_LINK, NC_TAG_OTHER, 0, 0, NC_SH_A},
    {"address", NC_EL_BLOCK, NC_TAG_OTHER, -3, 0, 0},
    {"area", NC_EL_VOID, NC_TAG_OTHER, 0, 0, 0},
    {"article", NC_EL_BLOCK, NC_TAG_OTHER, 0, NC_IN_ARTICLE, 0},
    {"aside", NC_EL_BLOCK, NC_TAG_OTHER, 0, NC_IN_ASIDE, 0},
    {"base", NC_EL_VOID, NC_TAG_OTHER, 0, 0, NC_SH_BASE},
    {"blockquote", NC_EL_BLOCK, NC_TAG_BLOCKQUOTE, 3, NC_IN_BLOCKQUOTE, 0},
    {"body", NC_EL_BLOCK | NC_EL_ROOT, NC_TAG_OTHER, 0, 0, 0},
    {"br", NC_EL_BR | NC_EL_VOID, NC_TAG_OTHER, 0, 0, 0},
    {"button", 0, NC_TAG_OTHER, 0, NC_IN_BUTTON, 0},
    {"canvas", NC_EL_SKIP, NC_TAG_OTHER, 0, 0, 0},
    {"caption", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, 0},
    {"center", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, 0},
    {"col", NC_EL_VOID, NC_TAG_OTHER, 0, 0, 0},
    {"dd", NC_EL_BLOCK, NC_TAG_DD, -3, 0, 0},
    {"details", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, 0},
    {"dialog", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, 0},
    {"div", NC_EL_BLOCK, NC_TAG_DIV, 5, 0, 0},
    {"dl", NC_EL_BLOCK, NC_TAG_OTHER, -3, NC_IN_LIST, 0},
    {"dt", NC_EL_BLOCK, NC_TAG_DT, -3, 0, 0},
    {"embed", NC_EL_VOID, NC_TAG_OTHER, 0, 0, 0},
    {"fieldset", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, 0},
    {"figcaption", NC_EL_BLOCK, NC_TAG_FIGCAPTION, 0, 0, 0},
    {"figure", NC_EL_BLOCK, NC_TAG_OTHER, 0, NC_IN_FIGURE, 0},
    {"footer", NC_EL_BLOCK, NC_TAG_OTHER, 0, NC_IN_FOOTER, 0},
    {"form", NC_EL_BLOCK, NC_TAG_OTHER, -3, NC_IN_FORM, 0},
    {"h1", NC_EL_BLOCK, NC_TAG_H1, -5, 0, 0},
    {"h2", NC_EL_BLOCK, NC_TAG_H2, -5, 0, 0},
    {"h3", NC_EL_BLOCK, NC_TAG_H3, -5, 0, 0},
    {"h4", NC_EL_BLOCK, NC_TAG_H4, -5, 0, 0},
    {"h5", NC_EL_BLOCK, NC_TAG_H5, -5, 0, 0},
    {"h6", NC_EL_BLOCK, NC_TAG_H6, -5, 0, 0},
    {"header", NC_EL_BLOCK, NC_TAG_OTHER, 0, NC_IN_HEADER, 0},
    {"hgroup", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, 0},
    {"hr", NC_EL_BLOCK | NC_EL_VOID, NC_TAG_OTHER, 0, 0, 0},
    {"html", NC_EL_BLOCK | NC_EL_ROOT | NC_EL_HTML, NC_TAG_OTHER, 0, 0, 0},
    {"iframe", NC_EL_SKIP, NC_TAG_OTHER, 0, 0, 0},
    {"img", NC_EL_VOID, NC_TAG_OTHER, 0, 0, NC_SH_IMG},
    {"input", NC_EL_VOID, NC_TAG_OTHER, 0, 0, 0},
    {"legend", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, 0},
    {"li", NC_EL_BLOCK | NC_EL_LI, NC_TAG_LI, -3, 0, NC_SH_LI},
    {"link", NC_EL_VOID, NC_TAG_OTHER, 0, 0, NC_SH_LINK},
    {"main", NC_EL_BLOCK, NC_TAG_OTHER, 0, NC_IN_MAIN, 0},
    {"math", NC_EL_SKIP, NC_TAG_OTHER, 0, 0, 0},
    {"menu", NC_EL_BLOCK, NC_TAG_OTHER, -3, NC_IN_LIST, NC_SH_UL},
    {"meta", NC_EL_VOID | NC_EL_META, NC_TAG_OTHER, 0, 0, 0},
    {"nav", NC_EL_BLOCK, NC_TAG_OTHER, 0, NC_IN_NAV, 0},
    {"noframes", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, 0},
    {"noscript", NC_EL_SKIP | NC_EL_FALLBACK, NC_TAG_OTHER, 0, 0, 0},
    {"object", NC_EL_SKIP, NC_TAG_OTHER, 0, 0, 0},
    {"ol", NC_EL_BLOCK, NC_TAG_OTHER, -3, NC_IN_LIST, NC_SH_OL},
    {"option", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, 0},
    {"p", NC_EL_BLOCK, NC_TAG_P, 0, 0, 0},
    {"param", NC_EL_VOID, NC_TAG_OTHER, 0, 0, 0},
    {"pre", NC_EL_BLOCK | NC_EL_PRE, NC_TAG_PRE, 3, 0, 0},
    /* Ruby annotations (furigana over kanji, bopomofo): readings shown
     * above the line, not words of the sentence. */
    {"rp", NC_EL_SKIP, NC_TAG_OTHER, 0, 0, 0},
    {"rt", NC_EL_SKIP, NC_TAG_OTHER, 0, 0, 0},
    {"script", NC_EL_SKIP | NC_EL_SCRIPT | NC_EL_RAW, NC_TAG_OTHER, 0, 0, 0},
    {"section", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, 0},
    {"select", NC_EL_SKIP, NC_TAG_OTHER, 0, NC_IN_SELECT, 0},
    {"source", NC_EL_VOID, NC_TAG_OTHER, 0, 0, 0},
    {"style", NC_EL_SKIP | NC_EL_RAW, NC_TAG_OTHER, 0, 0, 0},
    {"summary", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, 0},
    {"svg", NC_EL_SKIP, NC_TAG_OTHER, 0, 0, 0},
    {"table", NC_EL_BLOCK, NC_TAG_OTHER, 0, NC_IN_TABLE, NC_SH_TABLE},
    {"tbody", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, 0},
    {"td", NC_EL_CELL, NC_TAG_TD, 3, 0, NC_SH_TD},
    {"template", NC_EL_SKIP, NC_TAG_OTHER, 0, 0, 0},
    {"textarea", NC_EL_SKIP, NC_TAG_OTHER, 0, 0, 0},
    {"tfoot", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, 0},
    {"th", NC_EL_CELL, NC_TAG_TD, -5, 0, NC_SH_TH},
    {"thead", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, NC_SH_THEAD},
    {"title", NC_EL_SKIP | NC_EL_TITLE, NC_TAG_OTHER, 0, 0, 0},
    {"tr", NC_EL_BLOCK, NC_TAG_OTHER, 0, 0, NC_SH_TR},
    {"track", NC_EL_VOID, NC_TAG_OTHER, 0, 0, 0},
    {"ul", NC_EL_BLOCK, NC_TAG_OTHER, -3, NC_IN_LIST, NC_SH_UL},
    {"wbr", NC_EL_VOID, NC_TAG_OTHER, 0, 0, 0},
};

static const nc_html_elem inline_elem = {"", 0, NC_TAG_OTHER, 0, 0, 0};

static int elem_cmp(const void *key, const void *e)
{
    return strcmp(key, ((const nc_html_elem *)e)->name);
}

const nc_html_elem *nc_html_elem_lookup(const char *name)
{
    const nc_html_elem *e = bsearch(name, elems, sizeof elems / sizeof *elems,
                                    sizeof *elems, elem_cmp);
    return e ? e : &inline_elem;
}

static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_alnum(char c)
{
    return is_lower(c) || is_upper(c) || (c >= '0' && c <= '9');
}

/* An id of six or more words is an anchor made from a heading
 * ("code-respond-to-an-incoming-text-message"), not the name of a page
 * part: its words say what the section is about, not what it is. */
static bool is_slug(const char *value)
{
    unsigned words = 0;
    bool in_word = false;
    for (const char *p = value; *p; p++) {
        bool alnum = is_alnum(*p);
        if (alnum && !in_word)
            words++;
        in_word = alnum;
    }
    return words >= 6;
}

uint32_t nc_html_token_hints(const char *value)
{
    /* Tokens longer than this are matched on their first 31 letters,
     * which is all a prefix word needs. */
    char tok[32];
    size_t n = 0;
    uint32_t bits = 0;
    char prev = 0;
    for (const char *p = value;; p++) {
        char c = *p;
        bool camel = is_upper(c) && is_lower(prev);
        if (!is_alnum(c) || camel) {
            if (n)
                bits |= nc_markup_token(tok, n, c);
            n = 0;
            if (!c)
                break;
            if (!camel) {
                prev = c;
                continue;
            }
        }
        if (n < sizeof tok)
            tok[n++] = is_upper(c) ? (char)(c + 32) : c;
        prev = c;
    }
    return bits;
}

uint32_t nc_html_role_in(const char *role)
{
    static const struct { const char *role; uint32_t in; } roles[] = {
        {"navigation", NC_IN_NAV}, {"banner", NC_IN_HEADER},
        {"contentinfo", NC_IN_FOOTER}, {"complementary", NC_IN_ASIDE},
        {"main", NC_IN_MAIN}, {"article", NC_IN_ARTICLE},
        {"form", NC_IN_FORM}, {"search", NC_IN_FORM},
        {"button", NC_IN_BUTTON}, {"list", NC_IN_LIST},
        {"menu", NC_IN_NAV}, {"menubar", NC_IN_NAV},
        {"table", NC_IN_TABLE}, {"figure", NC_IN_FIGURE}};
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        if (strcmp(role, roles[i].role) == 0)
            return roles[i].in;
    return 0;
}

/* ---- attributes ---- */




static bool eq_ci(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        if (x != *b)
            return false;
    }
    return *a == *b;
}

/* display:none or visibility:hidden in an inline style. */
static bool style_hides(const char *style)
{
    for (const char *p = style; *p; p++) {
        const char *want;
        if ((*p == 'd' || *p == 'D') && (p == style || p[-1] == ';' ||
                                         p[-1] == ' ' || p[-1] == '"'))
            want = "display:none";
        else if ((*p == 'v' || *p == 'V'))
            want = "visibility:hidden";
        else
            continue;
        const char *q = p, *k = want;
        while (*k && *q) {
            char c = *q >= 'A' && *q <= 'Z' ? (char)(*q + 32) : *q;
            if (c == ' ' || c == '\t' || c == '\n') {
                q++;
                continue;
            }
            if (c != *k)
                break;
            q++;
            k++;
        }
        if (!*k)
            return true;
    }
    return false;
}

/* Whether a class value holds the class name name (ASCII, exact). */
static bool has_class(const char *value, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = value; (p = strstr(p, name)) != NULL; p += n)
        if ((p == value || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n') &&
            (p[n] == '\0' || p[n] == ' ' || p[n] == '\t' || p[n] == '\n'))
            return true;
    return false;
}

/* Whether a class value names a blog post's container: a class hentry,
 * h-entry or type-post. One scan for "entry" turns most values away. */
static bool post_container(const char *value)
{
    return (strstr(value, "entry") &&
            (has_class(value, "hentry") || has_class(value, "h-entry"))) ||
           has_class(value, "type-post");
}

/* A blog post's container lists the post's author, tags and categories in
 * its classes (WordPress's post_class(), the h-entry microformat:
 * "hentry category-news tag-navigation author-jane-doe"). Those name what
 * the post is about, not what the element is: "tag-navigation" is no menu
 * and "author-jane-doe" no byline, and every block of the post would carry
 * their hints. On such a container they give none. */
static bool post_taxonomy(const char *name, size_t len)
{
    static const char *const prefixes[] = {"author-", "category-", "tag-"};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t n = strlen(prefixes[i]);
        if (len > n && strncmp(name, prefixes[i], n) == 0)
            return true;
    }
    return false;
}

static uint32_t class_value_hints(const char *value)
{
    if (!post_container(value))
        return nc_html_token_hints(value);
    uint32_t bits = 0;
    char name[128];
    for (const char *p = value; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        size_t len = strcspn(p, " \t\n");
        if (len && !post_taxonomy(p, len)) {
            size_t n = len < sizeof name - 1 ? len : sizeof name - 1;
            memcpy(name, p, n);
            name[n] = '\0';
            bits |= nc_html_token_hints(name);
        }
        p += len;
    }
    return bits;
}

/* The hints of a class value: from the cache when it was seen. */
static uint32_t class_hints(nc_html_hint_cache *cache, const char *value,
                            size_t len, uint32_t hash)
{
    enum { LONGEST = 256, CACHE_BYTES = 1 << 16 };
    if (!cache || len > LONGEST)
        return class_value_hints(value);
    uint32_t k = (hash ^ (hash >> 8) ^ (hash >> 16)) % NC_HTML_HINT_SLOTS;
    if (cache->slot[k].hash == hash && cache->slot[k].len == len &&
        memcmp(cache->values.data + cache->slot[k].at, value, len) == 0)
        return cache->slot[k].hints;
    uint32_t hints = class_value_hints(value);
    if (cache->values.len > CACHE_BYTES) {
        cache->values.len = 0;
        memset(cache->slot, 0, sizeof cache->slot);
    }
    size_t at = cache->values.len;
    if (nc_buf_append(&cache->values, value, len)) {
        cache->slot[k].hash = hash;
        cache->slot[k].len = (uint32_t)len;
        cache->slot[k].at = at;
        cache->slot[k].hints = hints;
    }
    return hints;
}

/* The attribute hides its element: hidden, aria-hidden="true", or a style
 * that hides it. */
static bool hides(const char *name, const char *value)
{
    return strcmp(name, "hidden") == 0 ||
           (strcmp(name, "aria-hidden") == 0 && eq_ci(value, "true")) ||
           (strcmp(name, "style") == 0 && style_hides(value));
}

bool nc_html_author_path(const char *v, size_t n)
{
    static const char *const paths[] = {"/author/", "/authors/", "/autor/", "/auteur/",
                                        "/autore/", "/autores/"};
    /* Runs on every link: only a "/a" is looked at further. */
    for (const char *p = v, *end = v + n; (p = memchr(p, '/', (size_t)(end - p))); p++) {
        if (end - p < 7 || p[1] != 'a')
            continue;
        for (size_t k = 0; k < sizeof paths / sizeof *paths; k++) {
            size_t m = strlen(paths[k]);
            if ((size_t)(end - p) >= m && memcmp(p, paths[k], m) == 0)
                return true;
        }
    }
    return false;
}

bool nc_html_script_href(const char *v, size_t n)
{
    while (n && nc_html_is_blank((unsigned char)*v))
        v++, n--;
    return nc_ascii_prefix_ci(v, n, "javascript:");
}

void nc_html_read_attrs(const nc_html_elem *el, const char *const *atts,
                        nc_html_attrs *a, nc_html_hint_cache *cache)
{
    memset(a, 0, sizeof *a);
    if (!atts)
        return;
    bool root = el->flags & NC_EL_ROOT;
    for (size_t i = 0; atts[i]; i += 2) {
        const char *name = atts[i];
        const char *value = atts[i + 1] ? atts[i + 1] : "";
        switch (name[0]) {
        case 'c':
            if (!root && strcmp(name, "class") == 0) {
                /* Siblings with the same class get a bonus. */
                size_t len;
                a->class_hash = nc_html_fnv(NC_HTML_FNV_BASIS, value, &len) | 1; /* 0: no class */
                a->class_name = value;
                a->hints |= class_hints(cache, value, len, a->class_hash);
            } else if (strcmp(name, "content") == 0)
                a->content = value;
            break;
        case 'i':
            if (!root && strcmp(name, "id") == 0) {
                if (!is_slug(value))
                    a->hints |= nc_html_token_hints(value);
            } else if (strcmp(name, "itemprop") == 0) {
                a->itemprop = value;
                a->hints |= nc_html_token_hints(value);
                if (eq_ci(value, "articlebody"))
                    a->article_body = true;
            }
            break;
        case 'r':
            if (!root && strcmp(name, "role") == 0) {
                a->hints |= nc_html_token_hints(value);
                a->in |= nc_html_role_in(value);
            } else if (strcmp(name, "rel") == 0) {
                a->rel = value;
            }
            break;
        case 'h':
            if (strcmp(name, "href") == 0)
                a->href = value; /* links, <link rel=canonical>, author pages */
            else
                a->hidden |= hides(name, value);
            break;
        case 'a':
            if (strcmp(name, "alt") == 0)
                a->alt = value;
            else
                a->hidden |= hides(name, value);
            break;
        case 's':
            if (strcmp(name, "src") == 0) {
                if (strncmp(value, "data:", 5) != 0)
                    a->src = value;
            } else {
                a->hidden |= hides(name, value);
            }
            break;
        case 't':
            if (strcmp(name, "type") == 0 && eq_ci(value, "application/ld+json"))
                a->ld_json = true;
            break;
        case 'd':
            if (strcmp(name, "datetime") == 0)
                a->datetime = value;
            else if (strcmp(name, "data-src") == 0)
                a->src = a->src ? a->src : value; /* lazy images: src is a placeholder */
            break;
        case 'l':
            if (strcmp(name, "lang") == 0)
                a->lang = value;
            break;
        case 'x':
            if (strcmp(name, "xml:lang") == 0 && !a->lang)
                a->lang = value;
            break;
        case 'p':
        case 'n':
            if (strcmp(name, "property") == 0 || strcmp(name, "name") == 0)
                if (!a->property || strncmp(value, "og:", 3) == 0)
                    a->property = value;
            break;
        default:
            break;
        }
    }
    if (root)
        a->hidden = false; /* pages hide <body> until a script shows it */
}
