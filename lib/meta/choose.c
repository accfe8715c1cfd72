/* meta/choose.c - the metadata stage: candidates from every source
 * (meta/collect.c for the HTML evidence, meta/blocks.c for the byline
 * blocks and the header area's dates, the caller's URL here), then per field the most trusted
 * source that gave a valid value: structured data first (JSON-LD,
 * microdata, Open Graph, <meta>), then the page's own markup and text
 * (<time>, bylines), then the URL. Dates later than the reference date
 * are dropped; dates from teasers and comments are never read. */
#include <stdlib.h>
#include <string.h>

#include "meta/meta.h"

enum { MAX_CANDIDATES = 512, MAX_ITEMS = 16, MAX_VALUE = 4096 };

bool nc_meta_push(nc_meta_cands *cs, const nc_meta_cand *c)
{
    if (cs->n >= MAX_CANDIDATES)
        return false;
    if (cs->n == cs->cap) {
        size_t cap = cs->cap ? cs->cap * 2 : 32;
        nc_meta_cand *p = realloc(cs->c, cap * sizeof *p);
        if (!p) {
            cs->status = NC_ERR_NOMEM;
            return false;
        }
        cs->c = p;
        cs->cap = cap;
    }
    cs->c[cs->n++] = *c;
    return true;
}

static void add_authors(nc_doc *doc, nc_meta_cands *cs, nc_meta_source source,
                        const char *value, size_t block)
{
    nc_byline b;
    nc_status st;
    nc_byline_read(&doc->arena, value, strlen(value), cs->language, NULL, false, &b, &st);
    if (st != NC_OK)
        cs->status = st;
    if (!b.nauthors && source != NC_SOURCE_BYLINE && source != NC_SOURCE_TEXT &&
        (b.author[0] = nc_author_field(&doc->arena, value, strlen(value))) != NULL)
        b.nauthors = 1;
    for (size_t i = 0; i < b.nauthors; i++) {
        nc_meta_cand c = {NC_META_AUTHOR, source, b.author[i], {0}, block, false};
        nc_meta_push(cs, &c);
    }
}

/* "a, b, c": one tag each. */
static void add_tags(nc_doc *doc, nc_meta_cands *cs, nc_meta_field field,
                     nc_meta_source source, const char *value)
{
    for (const char *p = value; *p;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char *tag = nc_meta_text(&doc->arena, p, n);
        if (tag) {
            nc_meta_cand c = {field, source, tag, {0}, 0, false};
            nc_meta_push(cs, &c);
        }
        p += n + (comma != NULL);
    }
}

void nc_meta_add(nc_doc *doc, nc_meta_cands *cs, nc_meta_field field,
                 nc_meta_source source, const char *value, size_t block)
{
    if (!value || !value[0] || cs->status != NC_OK)
        return;
    size_t len = nc_utf8_cut(value, strnlen(value, MAX_VALUE + 1), MAX_VALUE);
    nc_meta_cand c = {field, source, value, {0}, block, false};
    if (field == NC_META_DATE || field == NC_META_MODIFIED) {
        if (!nc_date_find(value, len, cs->language, cs->has_ref ? &cs->ref : NULL, &c.date,
                          NULL, NULL))
            return;
        if (cs->has_ref && nc_date_cmp_day(&c.date, &cs->ref) > 0)
            return; /* from the future of the crawl: a wrong date */
        nc_meta_push(cs, &c);
    } else if (field == NC_META_AUTHOR) {
        add_authors(doc, cs, source, value, block);
    } else if (field == NC_META_TAG || (field == NC_META_SECTION && source != NC_SOURCE_JSON_LD)) {
        add_tags(doc, cs, field, source, value);
    } else {
        if (!(c.value = nc_meta_text(&doc->arena, value, len))) {
            return;
        }
        nc_meta_push(cs, &c);
    }
}

/* ---- choosing ---- */

size_t nc_meta_key(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            out[n++] = (char)(c + 32);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            out[n++] = (char)c;
    }
    out[n] = '\0';
    return n;
}

static size_t squeeze(const char *s, char *out, size_t cap)
{
    return nc_meta_key(s, strlen(s), out, cap);
}

/* The name is the site's or publisher's ("USA TODAY" as the author). */
static bool site_named(const nc_meta_cands *cs, const char *name)
{
    char a[128], b[128];
    if (!squeeze(name, a, sizeof a))
        return true;
    for (size_t i = 0; i < cs->n; i++)
        if (cs->c[i].field == NC_META_SITE_NAME && squeeze(cs->c[i].value, b, sizeof b) &&
            strcmp(a, b) == 0)
            return true;
    return false;
}

/* When one source names a person and another the site itself as the
 * author, the site's name goes (a page with only the site as its author
 * keeps it). */
static void drop_site_authors(nc_meta_cands *cs)
{
    bool person = false;
    for (size_t i = 0; i < cs->n && !person; i++)
        person = cs->c[i].field == NC_META_AUTHOR && !site_named(cs, cs->c[i].value);
    if (!person)
        return;
    size_t n = 0;
    for (size_t i = 0; i < cs->n; i++)
        if (cs->c[i].field != NC_META_AUTHOR || !site_named(cs, cs->c[i].value))
            cs->c[n++] = cs->c[i];
    cs->n = n;
}

/* A weak date (a web page's JSON-LD, a date line alone) stays only when a
 * source of another kind gives the same day. */
static void drop_weak_dates(nc_meta_cands *cs)
{
    size_t n = 0;
    for (size_t i = 0; i < cs->n; i++) {
        const nc_meta_cand *c = &cs->c[i];
        bool dated = c->field == NC_META_DATE || c->field == NC_META_MODIFIED;
        bool keep = !(dated && c->weak);
        for (size_t k = 0; k < cs->n && !keep; k++)
            keep = cs->c[k].field == c->field && !cs->c[k].weak &&
                   cs->c[k].source != c->source && nc_date_cmp_day(&cs->c[k].date, &c->date) == 0;
        if (keep)
            cs->c[n++] = *c;
    }
    cs->n = n;
}

/* Trust of a source for a field: lower is better, 0 never used. */
static int trust(nc_meta_field field, nc_meta_source source)
{
    static const int order[NC_SOURCE_COUNT] = {
        [NC_SOURCE_JSON_LD] = 1, [NC_SOURCE_MICRODATA] = 2, [NC_SOURCE_OPEN_GRAPH] = 3,
        [NC_SOURCE_META] = 4, [NC_SOURCE_LINK] = 5, [NC_SOURCE_TIME] = 6,
        [NC_SOURCE_BYLINE] = 7, [NC_SOURCE_URL] = 8, [NC_SOURCE_TEXT] = 9};
    /* The canonical link names the page; og:site_name the site (JSON-LD's
     * publisher is often a parent company). */
    if (field == NC_META_URL && source == NC_SOURCE_LINK)
        return 1;
    if (field == NC_META_URL && source == NC_SOURCE_JSON_LD)
        return 4;
    if (field == NC_META_SITE_NAME && source == NC_SOURCE_JSON_LD)
        return 4;
    return order[source];
}

static void store(nc_doc *doc, nc_meta_cands *cs, nc_meta_field field, const nc_meta_cand *best,
                  size_t nbest)
{
    nc_meta_item *items = nc_arena_alloc(&doc->arena, nbest * sizeof *items);
    if (!items) {
        cs->status = NC_ERR_NOMEM;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < nbest; i++) {
        const char *v = best[i].value;
        if (field == NC_META_DATE || field == NC_META_MODIFIED) {
            char iso[32];
            nc_date_format(&best[i].date, iso);
            if (!(v = nc_arena_strndup(&doc->arena, iso, strlen(iso)))) {
                cs->status = NC_ERR_NOMEM;
                return;
            }
        }
        bool seen = false;
        for (size_t k = 0; k < n && !seen; k++)
            seen = strcmp(items[k].value, v) == 0;
        if (!seen)
            items[n++] = (nc_meta_item){v, best[i].source};
    }
    doc->meta[field] = items;
    doc->nmeta[field] = n;
}

static bool multi_valued(nc_meta_field field)
{
    return field == NC_META_AUTHOR || field == NC_META_SECTION || field == NC_META_TAG;
}

static int best_trust(const nc_meta_cands *cs, nc_meta_field field)
{
    int best = 0;
    for (size_t i = 0; i < cs->n; i++)
        if (cs->c[i].field == field) {
            int t = trust(field, cs->c[i].source);
            if (t && (!best || t < best))
                best = t;
        }
    return best;
}

static void choose_field(nc_doc *doc, nc_meta_cands *cs, nc_meta_field field)
{
    int best = best_trust(cs, field);
    if (!best)
        return;
    nc_meta_cand chosen[MAX_ITEMS];
    size_t n = 0;
    for (size_t i = 0; i < cs->n && n < MAX_ITEMS; i++)
        if (cs->c[i].field == field && trust(field, cs->c[i].source) == best) {
            chosen[n++] = cs->c[i];
            if (!multi_valued(field))
                break;
        }
    store(doc, cs, field, chosen, n);
}

static void add_url_candidates(nc_doc *doc, nc_meta_cands *cs)
{
    const char *url = doc->opts.url;
    if (url && url[0])
        nc_meta_add(doc, cs, NC_META_URL, NC_SOURCE_URL, url, 0);
    /* A date in the path of the page's own address. */
    for (size_t i = 0, n = cs->n; i < n; i++) {
        nc_meta_cand c = cs->c[i];
        if (c.field != NC_META_URL || !nc_date_from_url(c.value, &c.date))
            continue;
        if (cs->has_ref && nc_date_cmp_day(&c.date, &cs->ref) > 0)
            continue;
        c.field = NC_META_DATE;
        c.source = NC_SOURCE_URL;
        nc_meta_push(cs, &c);
        break;
    }
}

/* A page that shows only when it was updated ("Last updated: May 3")
 * has that as its date. Not og:updated_time: many sites set it to the
 * time the page was served, nor a web page's JSON-LD dateModified. */
static void modified_as_date(nc_meta_cands *cs)
{
    for (size_t i = 0, n = cs->n; i < n; i++) {
        nc_meta_cand c = cs->c[i];
        if (c.field != NC_META_MODIFIED || c.source == NC_SOURCE_OPEN_GRAPH || c.weak)
            continue;
        c.field = NC_META_DATE;
        nc_meta_push(cs, &c);
    }
}

/* The date chosen, checked against the page's other dates. */
static void check_date(nc_doc *doc, nc_meta_cands *cs)
{
    int best = best_trust(cs, NC_META_DATE);
    for (size_t i = 0; i < cs->n && best; i++)
        if (cs->c[i].field == NC_META_DATE && trust(NC_META_DATE, cs->c[i].source) == best) {
            nc_meta_cand checked;
            if (nc_meta_date_checked(doc, cs, &cs->c[i], &checked))
                store(doc, cs, NC_META_DATE, &checked, 1);
            return;
        }
}

static bool same_text(const char *a, const char *b)
{
    char x[512], y[512];
    return squeeze(a, x, sizeof x) && squeeze(b, y, sizeof y) && strcmp(x, y) == 0;
}

/* The structured data's headline, when an h1 of the page shows it, is
 * the title (over an h1 chosen for matching <title>). */
static void headline_as_title(nc_doc *doc, nc_meta_cands *cs)
{
    if (!cs->n || cs->c[0].field != NC_META_TITLE)
        return;
    for (size_t i = 1; i < cs->n; i++) {
        const nc_meta_cand *c = &cs->c[i];
        if (c->field != NC_META_TITLE ||
            (c->source != NC_SOURCE_JSON_LD && c->source != NC_SOURCE_MICRODATA))
            continue;
        for (size_t k = 0; k < doc->nblocks; k++)
            if (doc->blocks[k].tag == NC_TAG_H1 && same_text(doc->blocks[k].text, c->value)) {
                cs->c[0].value = doc->blocks[k].text;
                cs->c[0].source = c->source;
                return;
            }
    }
}

nc_status nc_meta(nc_doc *doc)
{
    nc_meta_cands cs;
    memset(&cs, 0, sizeof cs);
    cs.language = doc->lang_code[0] ? doc->lang_code : NULL;
    const char *ref = doc->opts.reference_date;
    cs.has_ref = ref && nc_date_find(ref, strlen(ref), NULL, NULL, &cs.ref, NULL, NULL);
    if (doc->title) {
        bool og = doc->og_title && strcmp(doc->og_title, doc->title) == 0;
        nc_meta_add(doc, &cs, NC_META_TITLE, og ? NC_SOURCE_OPEN_GRAPH : NC_SOURCE_TEXT,
                    nc_meta_title_without_site(doc), 0);
    }
    nc_meta_collect_html(doc, &cs);
    headline_as_title(doc, &cs);
    nc_meta_collect_blocks(doc, &cs);
    nc_meta_collect_bios(doc, &cs);
    add_url_candidates(doc, &cs);
    drop_site_authors(&cs);
    nc_meta_drop_listed_dates(&cs);
    drop_weak_dates(&cs);
    for (int f = 0; f < NC_META_COUNT && cs.status == NC_OK; f++) {
        /* The title the classifier used (the first candidate); the other
         * sources only stand in when it found none. */
        if (f == NC_META_TITLE && doc->title && cs.n && cs.c[0].field == NC_META_TITLE)
            store(doc, &cs, NC_META_TITLE, &cs.c[0], 1);
        else
            choose_field(doc, &cs, (nc_meta_field)f);
        if (f == NC_META_TITLE && doc->nmeta[f]) {
            const char *checked = nc_meta_title_checked(doc, &cs, doc->meta[f][0].value);
            if (!checked)
                cs.status = NC_ERR_NOMEM;
            else if (checked != doc->meta[f][0].value)
                doc->meta[f][0] = (nc_meta_item){checked, NC_SOURCE_TEXT};
        }
        if (f == NC_META_DATE && !doc->nmeta[f]) {
            modified_as_date(&cs);
            choose_field(doc, &cs, NC_META_DATE);
        }
        if (f == NC_META_DATE)
            check_date(doc, &cs);
    }
    free(cs.c);
    return cs.status;
}
