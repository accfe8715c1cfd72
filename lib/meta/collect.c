/* meta/collect.c - metadata candidates from the HTML walk's evidence: the
 * <meta> names and properties publishers use (Open Graph, Dublin Core,
 * Parse.ly, Sailthru, citation_*), JSON-LD, microdata itemprops, <time>
 * elements and rel="author" links. Each candidate keeps its source;
 * meta/choose.c weighs them. */
#include <string.h>

#include "meta/meta.h"

/* Evidence sitting in a teaser, comment or page furniture. */
static bool teaser_context(uint32_t in, uint32_t hints)
{
    return (in & (NC_IN_NAV | NC_IN_ASIDE | NC_IN_FOOTER | NC_IN_FORM)) ||
           (hints & (NC_HINT_RELATED | NC_HINT_COMMENT | NC_HINT_PROMO | NC_HINT_SIDEBAR |
                     NC_HINT_NAV | NC_HINT_FOOTER));
}

/* A numeric character reference at s ("&#8211;", "&#x26;"): its length,
 * with the code point in *cp; 0 when there is none or it names no
 * printable character. Never shorter than the UTF-8 it stands for. */
static size_t numeric_entity(const char *s, size_t len, uint32_t *cp)
{
    size_t i = 2;
    bool hex = len > 2 && (s[2] == 'x' || s[2] == 'X');
    uint32_t v = 0;
    if (len < 4 || s[1] != '#')
        return 0;
    for (i += hex; i < len && i < 2u + hex + 8; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            break;
        v = v * (hex ? 16u : 10u) + (uint32_t)d;
    }
    if (i >= len || s[i] != ';' || i == 2u + hex || v < 0x20 || (v >= 0x7F && v < 0xA0) ||
        (v >= 0xD800 && v < 0xE000) || v > 0x10FFFF)
        return 0;
    *cp = v;
    return i + 1;
}

char *nc_meta_text(nc_arena *arena, const char *s, size_t len)
{
    static const struct { const char *entity, *text; } entities[] = {
        {"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&#039;", "'"},
        {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&nbsp;", " "},
        {"&#8217;", "\xE2\x80\x99"}, {"&rsquo;", "\xE2\x80\x99"}};
    /* The entities first (a replacement is never longer than its entity),
     * then the white space, by the routine the HTML walk uses. */
    char *out = nc_arena_alloc(arena, len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t k = sizeof entities / sizeof *entities, used;
        uint32_t cp;
        if (s[i] == '&' && (used = numeric_entity(s + i, len - i, &cp)) != 0) {
            o += nc_utf8_put(out + o, cp);
            i += used;
            continue;
        }
        if (s[i] == '&')
            for (k = 0; k < sizeof entities / sizeof *entities; k++) {
                size_t n = strlen(entities[k].entity);
                if (n <= len - i && memcmp(s + i, entities[k].entity, n) == 0)
                    break;
            }
        if (k < sizeof entities / sizeof *entities) {
            size_t t = strlen(entities[k].text);
            memcpy(out + o, entities[k].text, t);
            o += t;
            i += strlen(entities[k].entity);
        } else {
            out[o++] = s[i++];
        }
    }
    return nc_text_collapsed(arena, out, o);
}

typedef struct meta_name {
    const char *key;
    nc_meta_field field;
    nc_meta_source source;
} meta_name;

/* <meta> names and properties (lower case) and the field each gives. */
static const meta_name meta_names[] = {
    {"og:title", NC_META_TITLE, NC_SOURCE_OPEN_GRAPH},
    {"og:site_name", NC_META_SITE_NAME, NC_SOURCE_OPEN_GRAPH},
    {"og:url", NC_META_URL, NC_SOURCE_OPEN_GRAPH},
    {"og:description", NC_META_DESCRIPTION, NC_SOURCE_OPEN_GRAPH},
    {"description", NC_META_DESCRIPTION, NC_SOURCE_META},
    {"twitter:description", NC_META_DESCRIPTION, NC_SOURCE_META},
    {"og:image", NC_META_IMAGE, NC_SOURCE_OPEN_GRAPH},
    {"og:image:url", NC_META_IMAGE, NC_SOURCE_OPEN_GRAPH},
    {"og:image:secure_url", NC_META_IMAGE, NC_SOURCE_OPEN_GRAPH},
    {"twitter:image", NC_META_IMAGE, NC_SOURCE_META},
    {"twitter:image:src", NC_META_IMAGE, NC_SOURCE_META},
    {"article:published_time", NC_META_DATE, NC_SOURCE_OPEN_GRAPH},
    {"og:article:published_time", NC_META_DATE, NC_SOURCE_OPEN_GRAPH},
    {"og:published_time", NC_META_DATE, NC_SOURCE_OPEN_GRAPH},
    {"article:published", NC_META_DATE, NC_SOURCE_OPEN_GRAPH},
    {"date", NC_META_DATE, NC_SOURCE_META},
    {"pubdate", NC_META_DATE, NC_SOURCE_META},
    {"publishdate", NC_META_DATE, NC_SOURCE_META},
    {"publish-date", NC_META_DATE, NC_SOURCE_META},
    {"publish_date", NC_META_DATE, NC_SOURCE_META},
    {"published_time", NC_META_DATE, NC_SOURCE_META},
    {"publication_date", NC_META_DATE, NC_SOURCE_META},
    {"datepublished", NC_META_DATE, NC_SOURCE_META},
    {"sailthru.date", NC_META_DATE, NC_SOURCE_META},
    {"parsely-pub-date", NC_META_DATE, NC_SOURCE_META},
    {"dc.date", NC_META_DATE, NC_SOURCE_META},
    {"dc.date.issued", NC_META_DATE, NC_SOURCE_META},
    {"dc.date.created", NC_META_DATE, NC_SOURCE_META},
    {"dcterms.created", NC_META_DATE, NC_SOURCE_META},
    {"dcterms.date", NC_META_DATE, NC_SOURCE_META},
    {"dcterms.issued", NC_META_DATE, NC_SOURCE_META},
    {"citation_publication_date", NC_META_DATE, NC_SOURCE_META},
    {"citation_date", NC_META_DATE, NC_SOURCE_META},
    {"article.published", NC_META_DATE, NC_SOURCE_META},
    {"original-publish-date", NC_META_DATE, NC_SOURCE_META},
    {"article:modified_time", NC_META_MODIFIED, NC_SOURCE_OPEN_GRAPH},
    {"og:updated_time", NC_META_MODIFIED, NC_SOURCE_OPEN_GRAPH},
    {"article:modified", NC_META_MODIFIED, NC_SOURCE_OPEN_GRAPH},
    {"dcterms.modified", NC_META_MODIFIED, NC_SOURCE_META},
    {"dc.date.modified", NC_META_MODIFIED, NC_SOURCE_META},
    {"last-modified", NC_META_MODIFIED, NC_SOURCE_META},
    {"author", NC_META_AUTHOR, NC_SOURCE_META},
    {"article:author", NC_META_AUTHOR, NC_SOURCE_OPEN_GRAPH},
    {"og:article:author", NC_META_AUTHOR, NC_SOURCE_OPEN_GRAPH},
    {"dc.creator", NC_META_AUTHOR, NC_SOURCE_META},
    {"dcterms.creator", NC_META_AUTHOR, NC_SOURCE_META},
    {"sailthru.author", NC_META_AUTHOR, NC_SOURCE_META},
    {"parsely-author", NC_META_AUTHOR, NC_SOURCE_META},
    {"byl", NC_META_AUTHOR, NC_SOURCE_META},
    {"citation_author", NC_META_AUTHOR, NC_SOURCE_META},
    {"article:section", NC_META_SECTION, NC_SOURCE_OPEN_GRAPH},
    {"parsely-section", NC_META_SECTION, NC_SOURCE_META},
    {"article:tag", NC_META_TAG, NC_SOURCE_OPEN_GRAPH},
    {"keywords", NC_META_TAG, NC_SOURCE_META},
    {"news_keywords", NC_META_TAG, NC_SOURCE_META},
    {"parsely-tags", NC_META_TAG, NC_SOURCE_META},
};

static void from_meta(nc_doc *doc, nc_meta_cands *cs, const nc_meta_ev *ev)
{
    for (size_t i = 0; i < sizeof meta_names / sizeof *meta_names; i++)
        if (strcmp(ev->key, meta_names[i].key) == 0) {
            nc_meta_add(doc, cs, meta_names[i].field, meta_names[i].source, ev->value, 0);
            return;
        }
    if (nc_published_key(ev->key))
        nc_meta_add(doc, cs, NC_META_DATE, NC_SOURCE_META, ev->value, 0);
}

/* itemprop values: microdata. Dates past the article's body (after its
 * last paragraph) are its teasers'. */
static void from_itemprop(nc_doc *doc, nc_meta_cands *cs, const nc_meta_ev *ev, bool past_body)
{
    static const struct { const char *key; nc_meta_field field; } props[] = {
        {"author", NC_META_AUTHOR}, {"creator", NC_META_AUTHOR},
        {"datepublished", NC_META_DATE}, {"datecreated", NC_META_DATE},
        {"datemodified", NC_META_MODIFIED}, {"headline", NC_META_TITLE},
        {"description", NC_META_DESCRIPTION}, {"articlesection", NC_META_SECTION},
        {"keywords", NC_META_TAG}};
    if (teaser_context(ev->in, ev->hints))
        return;
    for (size_t i = 0; i < sizeof props / sizeof *props; i++)
        if (strcmp(ev->key, props[i].key) == 0) {
            bool dated = props[i].field == NC_META_DATE || props[i].field == NC_META_MODIFIED;
            if (!(dated && past_body))
                nc_meta_add(doc, cs, props[i].field, NC_SOURCE_MICRODATA, ev->value, ev->block);
            return;
        }
}

static void add_all(nc_doc *doc, nc_meta_cands *cs, nc_meta_field field,
                    const char *const *values, size_t n)
{
    for (size_t i = 0; i < n; i++)
        nc_meta_add(doc, cs, field, NC_SOURCE_JSON_LD, values[i], 0);
}

static void from_json_ld(nc_doc *doc, nc_meta_cands *cs)
{
    enum { MAX_SCRIPTS = 32 };
    const nc_json *roots[MAX_SCRIPTS];
    size_t n = 0;
    for (const nc_meta_ev *ev = doc->ev; ev && n < MAX_SCRIPTS; ev = ev->next) {
        if (ev->kind != NC_EV_LD_JSON)
            continue;
        bool nomem = false;
        const nc_json *root = nc_json_parse(&doc->arena, ev->value, strlen(ev->value), &nomem);
        if (nomem)
            cs->status = NC_ERR_NOMEM;
        if (root)
            roots[n++] = root;
    }
    if (!n)
        return;
    nc_ld_fields f;
    nc_ld_read(roots, n, &f);
    if (!f.rank)
        return;
    const struct { nc_meta_field field; const char *value; } one[] = {
        {NC_META_TITLE, f.headline}, {NC_META_DESCRIPTION, f.description},
        {NC_META_URL, f.url}, {NC_META_IMAGE, f.image}, {NC_META_SITE_NAME, f.site_name},
        {NC_META_DATE, f.published}, {NC_META_MODIFIED, f.modified}};
    for (size_t i = 0; i < sizeof one / sizeof *one; i++)
        if (one[i].value) {
            size_t before = cs->n;
            nc_meta_add(doc, cs, one[i].field, NC_SOURCE_JSON_LD, one[i].value, 0);
            /* Site builders stamp every WebPage with a datePublished; an
             * article's date comes from an article object. */
            if (cs->n > before && ((one[i].field == NC_META_DATE && f.published_rank == 1) ||
                                   (one[i].field == NC_META_MODIFIED && f.modified_rank == 1)))
                cs->c[cs->n - 1].weak = true;
        }
    add_all(doc, cs, NC_META_AUTHOR, f.author, f.nauthors);
    add_all(doc, cs, NC_META_SECTION, f.section, f.nsections);
    add_all(doc, cs, NC_META_TAG, f.keywords, f.nkeywords);
}

void nc_meta_collect_html(nc_doc *doc, nc_meta_cands *cs)
{
    size_t body_end = 0; /* the block after the article's last paragraph */
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].label == NC_LABEL_BODY)
            body_end = i + 1;
    from_json_ld(doc, cs);
    for (const nc_meta_ev *ev = doc->ev; ev; ev = ev->next) {
        switch (ev->kind) {
        case NC_EV_META:
            from_meta(doc, cs, ev);
            break;
        case NC_EV_ITEMPROP:
            from_itemprop(doc, cs, ev, body_end && ev->block > body_end);
            break;
        case NC_EV_TIME:
            if (!teaser_context(ev->in, ev->hints))
                nc_meta_add(doc, cs, NC_META_DATE, NC_SOURCE_TIME, ev->value, ev->block);
            break;
        case NC_EV_REL_AUTHOR:
        case NC_EV_CLASS_AUTHOR:
            if (!teaser_context(ev->in, ev->hints))
                nc_meta_add(doc, cs, NC_META_AUTHOR, NC_SOURCE_BYLINE, ev->value, ev->block);
            break;
        case NC_EV_CANONICAL:
            nc_meta_add(doc, cs, NC_META_URL, NC_SOURCE_LINK, ev->value, 0);
            break;
        case NC_EV_LD_JSON:
            break;
        }
    }
}
