/* meta/jsonld.c - an article's fields from schema.org JSON-LD: the most
 * article-like object (NewsArticle, BlogPosting, ... over WebPage),
 * wherever it sits (@graph, mainEntity, an array of scripts), then the
 * fields it lacks from the page's other objects. */
#include <string.h>

#include "meta/meta.h"

static bool contains_ci(const char *s, const char *word)
{
    size_t n = strlen(word);
    for (; *s; s++) {
        size_t k = 0;
        while (k < n && s[k] && ((s[k] | 0x20) == (word[k] | 0x20)))
            k++;
        if (k == n)
            return true;
    }
    return false;
}

/* How article-like an @type string is: 3 an article, 1 a web page. */
static int type_rank(const char *type)
{
    if (contains_ci(type, "Article") || contains_ci(type, "Posting") ||
        contains_ci(type, "Report") || contains_ci(type, "Blog"))
        return 3;
    if (contains_ci(type, "Page"))
        return 1;
    return 0;
}

static int object_rank(const nc_json *o)
{
    const nc_json *t = nc_json_get(o, "@type");
    int rank = 0;
    if (t && t->type == NC_JSON_STRING)
        rank = type_rank(t->str);
    else if (t && t->type == NC_JSON_ARRAY)
        for (const nc_json *m = t->child; m; m = m->next)
            if (m->type == NC_JSON_STRING && type_rank(m->str) > rank)
                rank = type_rank(m->str);
    if (!rank && (nc_json_get(o, "headline") || nc_json_get(o, "datePublished")))
        rank = 2; /* an untyped or odd-typed object with article fields */
    return rank;
}

/* A string value: a string, an object's name/url/@id, an array's first. */
static const char *text_of(const nc_json *v, const char *object_key)
{
    for (int guard = 0; v && guard < 4; guard++) {
        if (v->type == NC_JSON_STRING)
            return v->str[0] ? v->str : NULL;
        if (v->type == NC_JSON_ARRAY)
            v = v->child;
        else if (v->type == NC_JSON_OBJECT) {
            const nc_json *k = nc_json_get(v, object_key);
            v = k ? k : nc_json_get(v, "@id");
        } else
            return NULL;
    }
    return NULL;
}

static bool is_organization(const nc_json *o)
{
    const nc_json *t = nc_json_get(o, "@type");
    const char *type = text_of(t, "@type");
    return type && (contains_ci(type, "Organization") || contains_ci(type, "Corporation"));
}

typedef void (*visit_fn)(const nc_json *o, void *ctx);
static void each_object(const nc_json *const *roots, size_t n, visit_fn visit, void *ctx);

typedef struct id_ctx {
    const char *id;
    const nc_json *found;
} id_ctx;

static void match_id(const nc_json *o, void *ctx)
{
    id_ctx *c = ctx;
    const nc_json *id = nc_json_get(o, "@id");
    if (!c->found && id && id->type == NC_JSON_STRING && strcmp(id->str, c->id) == 0 &&
        nc_json_get(o, "name"))
        c->found = o;
}

/* {"@id": "#person-1"}: the object of that id elsewhere in the page's
 * graphs (Yoast and others list the people once). */
static const nc_json *resolve(const nc_ld_fields *f, const nc_json *a)
{
    const nc_json *id = nc_json_get(a, "@id");
    if (nc_json_get(a, "name") || !id || id->type != NC_JSON_STRING)
        return a;
    id_ctx c = {id->str, NULL};
    each_object(f->roots, f->nroots, match_id, &c);
    return c.found ? c.found : a;
}

static void add_author(nc_ld_fields *f, const nc_json *a)
{
    if (a && a->type == NC_JSON_OBJECT)
        a = resolve(f, a);
    if (f->nauthors == NC_BYLINE_MAX_AUTHORS || !a)
        return;
    if (a->type == NC_JSON_OBJECT && is_organization(a))
        return; /* the publisher standing in for a person */
    const char *name = a->type == NC_JSON_STRING ? a->str
                       : a->type == NC_JSON_OBJECT ? text_of(nc_json_get(a, "name"), "name")
                                                   : NULL;
    if (name && name[0])
        f->author[f->nauthors++] = name;
}

static void read_authors(nc_ld_fields *f, const nc_json *o)
{
    const nc_json *a = nc_json_get(o, "author");
    if (!a)
        a = nc_json_get(o, "creator");
    if (a && a->type == NC_JSON_ARRAY)
        for (const nc_json *m = a->child; m; m = m->next)
            add_author(f, m);
    else
        add_author(f, a);
}

static void read_list(const nc_json *v, const char **out, size_t *n, size_t max)
{
    if (!v || *n)
        return;
    if (v->type == NC_JSON_STRING && v->str[0])
        out[(*n)++] = v->str;
    else if (v->type == NC_JSON_ARRAY)
        for (const nc_json *m = v->child; m && *n < max; m = m->next) {
            const char *s = text_of(m, "name");
            if (s)
                out[(*n)++] = s;
        }
}

static void fill(const char **field, const char *value)
{
    if (!*field && value && value[0])
        *field = value;
}

/* Fills f's empty fields from object o. */
static void read_object(nc_ld_fields *f, const nc_json *o)
{
    fill(&f->headline, text_of(nc_json_get(o, "headline"), "name"));
    fill(&f->description, text_of(nc_json_get(o, "description"), "name"));
    const nc_json *url = nc_json_get(o, "url");
    fill(&f->url, text_of(url ? url : nc_json_get(o, "mainEntityOfPage"), "@id"));
    fill(&f->image, text_of(nc_json_get(o, "image"), "url"));
    fill(&f->image, text_of(nc_json_get(o, "thumbnailUrl"), "url"));
    fill(&f->site_name, text_of(nc_json_get(nc_json_get(o, "publisher"), "name"), "name"));
    if (!f->published) {
        fill(&f->published, text_of(nc_json_get(o, "datePublished"), "@value"));
        fill(&f->published, text_of(nc_json_get(o, "dateCreated"), "@value"));
        f->published_rank = f->published ? object_rank(o) : 0;
    }
    if (!f->modified) {
        fill(&f->modified, text_of(nc_json_get(o, "dateModified"), "@value"));
        f->modified_rank = f->modified ? object_rank(o) : 0;
    }
    if (!f->nauthors)
        read_authors(f, o);
    read_list(nc_json_get(o, "articleSection"), f->section, &f->nsections,
              sizeof f->section / sizeof *f->section);
    read_list(nc_json_get(o, "keywords"), f->keywords, &f->nkeywords,
              sizeof f->keywords / sizeof *f->keywords);
}

/* Every object of the trees in document order, with an explicit stack. */
static void each_object(const nc_json *const *roots, size_t n, visit_fn visit, void *ctx)
{
    enum { STACK = 64 };
    const nc_json *stack[STACK];
    for (size_t r = 0; r < n; r++) {
        size_t depth = 0;
        if (roots[r])
            stack[depth++] = roots[r];
        while (depth) {
            const nc_json *v = stack[--depth];
            if (v->type == NC_JSON_OBJECT)
                visit(v, ctx);
            if (v->type != NC_JSON_OBJECT && v->type != NC_JSON_ARRAY)
                continue;
            /* Children pushed last first, so they pop in order. */
            size_t first = depth;
            for (const nc_json *m = v->child; m && depth < STACK; m = m->next)
                if (m->type == NC_JSON_OBJECT || m->type == NC_JSON_ARRAY)
                    stack[depth++] = m;
            for (size_t i = first, j = depth; i + 1 < j; i++, j--) {
                const nc_json *t = stack[i];
                stack[i] = stack[j - 1];
                stack[j - 1] = t;
            }
        }
    }
}

typedef struct best_ctx {
    const nc_json *best;
    int rank;
    nc_ld_fields *f;
} best_ctx;

static void find_best(const nc_json *o, void *ctx)
{
    best_ctx *b = ctx;
    int rank = object_rank(o);
    if (rank > b->rank) {
        b->rank = rank;
        b->best = o;
    }
}

static void fill_from(const nc_json *o, void *ctx)
{
    best_ctx *b = ctx;
    if (o != b->best && object_rank(o) > 0)
        read_object(b->f, o);
}

void nc_ld_read(const nc_json *const *roots, size_t n, nc_ld_fields *f)
{
    memset(f, 0, sizeof *f);
    f->roots = roots;
    f->nroots = n;
    best_ctx b = {NULL, 0, f};
    each_object(roots, n, find_best, &b);
    if (!b.best)
        return;
    f->rank = b.rank;
    read_object(f, b.best);
    each_object(roots, n, fill_from, &b);
}
