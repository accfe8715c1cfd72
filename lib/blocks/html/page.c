/* blocks/html/page.c - page-level hints the HTML stage hands the classifier:
 * the JSON-LD articleBody and the page title. */
#include <string.h>

#include "blocks/html/html.h"

/* also: one more byte to skip (the commas of an array; a space for none). */
static const char *skip_space(const char *q, const char *end, char also)
{
    while (q < end && (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r' || *q == also))
        q++;
    return q;
}

/* The value after the next "key": in json, from *p on (key with its
 * quotes, n bytes): its first byte, or end when the value is missing;
 * NULL when no such key is left. *p moves past the key's opening quote. */
static const char *next_value(const char **p, const char *end, const char *key, size_t n)
{
    while (*p < end) {
        const char *hit = memchr(*p, '"', (size_t)(end - *p));
        if (!hit)
            break;
        *p = hit + 1;
        if ((size_t)(end - hit) < n || memcmp(hit, key, n) != 0)
            continue;
        const char *q = skip_space(hit + n, end, ' ');
        if (q < end && *q == ':')
            return skip_space(q + 1, end, ' ');
    }
    return NULL;
}

char *nc_html_ld_body(nc_arena *arena, const char *json, size_t len)
{
    static const char key[] = "\"articleBody\"";
    const char *end = json + len;
    for (const char *p = json, *q; (q = next_value(&p, end, key, sizeof key - 1));) {
        if (q >= end || *q != '"')
            continue;
        bool nomem = false;
        char *body = nc_json_string(arena, q + 1, end, NULL, &nomem);
        return body && body[0] ? body : NULL;
    }
    return NULL;
}

/* A type name that holds "Article" or "BlogPosting" ("NewsArticle",
 * "TechArticle", "LiveBlogPosting"). */
static bool article_name(const char *s, size_t n)
{
    static const char *const article[] = {"Article", "BlogPosting"};
    for (size_t k = 0; k < sizeof article / sizeof *article; k++) {
        size_t m = strlen(article[k]);
        for (size_t i = 0; i + m <= n; i++)
            if (memcmp(s + i, article[k], m) == 0)
                return true;
    }
    return false;
}

/* One of the schema.org types that name what a page's own content is
 * when it is no article (a product, a list of items, a forum thread,
 * questions and answers, a profile, an event, a job, an app). The types a
 * site declares beside any content (WebSite, WebPage, Organization,
 * LocalBusiness, BreadcrumbList, ImageObject, Person, an Offer...) say
 * nothing of the page. */
static bool kind_name(const char *s, size_t n)
{
    static const char *const kinds[] = {
        "Product", "ProductGroup", "ItemList", "CollectionPage", "SearchResultsPage",
        "DiscussionForumPosting", "QAPage", "Question", "FAQPage", "ProfilePage",
        "Event", "JobPosting", "SoftwareApplication"};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
        if (strlen(kinds[k]) == n && memcmp(s, kinds[k], n) == 0)
            return true;
    return false;
}

/* d raised by one declared name: as a page type any name that is no
 * article is another type; as a page kind only a kind_name is. */
static void raise_declared(nc_html_declared *d, int type, int kind)
{
    d->type = type > d->type ? type : d->type;
    d->kind = kind > d->kind ? kind : d->kind;
}

static void rank_name(const char *s, size_t n, nc_html_declared *d)
{
    if (article_name(s, n))
        raise_declared(d, NC_PAGE_ARTICLE, NC_PAGE_ARTICLE);
    else
        raise_declared(d, NC_PAGE_OTHER, kind_name(s, n) ? NC_PAGE_OTHER : NC_PAGE_UNTYPED);
}

/* The JSON string at *q (its opening quote) ranked into d, *q moved past
 * it; false when it does not close. */
static bool name_at(const char **q, const char *end, nc_html_declared *d)
{
    const char *close = memchr(*q + 1, '"', (size_t)(end - *q - 1));
    if (!close)
        return false;
    rank_name(*q + 1, (size_t)(close - *q - 1), d);
    *q = close + 1;
    return true;
}

nc_html_declared nc_html_ld_declared(const char *json, size_t len)
{
    static const char key[] = "\"@type\"";
    const char *end = json + len;
    nc_html_declared d = {NC_PAGE_UNTYPED, NC_PAGE_UNTYPED};
    /* An article is the highest rank of both: nothing after it counts. */
    for (const char *p = json, *q;
         d.type < NC_PAGE_ARTICLE && (q = next_value(&p, end, key, sizeof key - 1));) {
        bool cut = false; /* a name that never closes: the script ends there */
        if (q < end && *q == '"') {
            cut = !name_at(&q, end, &d);
        } else if (q < end && *q == '[') { /* ["NewsArticle", "WebPage"] */
            for (q = skip_space(q + 1, end, ','); q < end && *q == '"' && !cut;
                 q = skip_space(q, end, ','))
                cut = !name_at(&q, end, &d);
        }
        if (cut)
            break;
        p = q;
    }
    return d;
}

nc_html_declared nc_html_og_declared(const char *content)
{
    size_t n = strlen(content);
    if (nc_ascii_prefix_ci(content, n, "article"))
        return (nc_html_declared){NC_PAGE_ARTICLE, NC_PAGE_ARTICLE};
    /* Of og:type's other values only "product" names the content:
     * "website" is the default, on articles as often as not, and "blog"
     * or "company" are as often set on a post. */
    return (nc_html_declared){NC_PAGE_OTHER, nc_ascii_prefix_ci(content, n, "product")
                                                 ? NC_PAGE_OTHER
                                                 : NC_PAGE_UNTYPED};
}

/* ---- title ---- */

/* The title and an h1 are compared on their first CMP_BYTES bytes, and
 * only the first CMP_H1 h1 blocks are tried: a real title is a line, and
 * the search below costs the product of the two lengths. */
enum { CMP_BYTES = 2048, CMP_H1 = 64 };

/* Words are runs between spaces and ASCII punctuation, compared without
 * ASCII case. How many words of a occur in b (each string read up to
 * CMP_BYTES); *total the words of a. */
static size_t words_found(const char *a, const char *b, size_t *words)
{
    size_t total = 0, found = 0;
    size_t blen = strnlen(b, CMP_BYTES);
    const char *p = a, *aend = a + strnlen(a, CMP_BYTES);
    while (p < aend) {
        while (p < aend && (*p == ' ' || (*p > 0 && *p < '0') ||
                            (*p >= ':' && *p <= '@')))
            p++;
        const char *w = p;
        while (p < aend && *p != ' ' && !((*p > 0 && *p < '0') ||
                                          (*p >= ':' && *p <= '@')))
            p++;
        size_t n = (size_t)(p - w);
        if (!n)
            continue;
        total++;
        /* Case-insensitive search of the word in b. */
        for (size_t i = 0; i + n <= blen; i++) {
            size_t k = 0;
            while (k < n) {
                char x = w[k], y = b[i + k];
                if (x >= 'A' && x <= 'Z')
                    x = (char)(x + 32);
                if (y >= 'A' && y <= 'Z')
                    y = (char)(y + 32);
                if (x != y)
                    break;
                k++;
            }
            if (k == n) {
                found++;
                break;
            }
        }
    }
    *words = total;
    return found;
}

/* Dice overlap of the words of a and b: 1 when each has the other's. */
static double word_overlap(const char *a, const char *b)
{
    size_t na = 0, nb = 0;
    size_t fa = words_found(a, b, &na), fb = words_found(b, a, &nb);
    return na + nb ? (double)(fa + fb) / (double)(na + nb) : 0.0;
}

/* Case-insensitive (ASCII) equality of s[0..len) and the string t. */
static bool same_ci(const char *s, size_t len, const char *t)
{
    if (strlen(t) != len)
        return false;
    for (size_t i = 0; i < len; i++) {
        char x = s[i], y = t[i];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = (char)(y + 32);
        if (x != y)
            return false;
    }
    return true;
}

/* A title without its site part: "Headline | Site", "Site - Headline".
 * The part dropped is the site's name (og:site_name), or a short part
 * (three words at most) beside a longer one. */
static char *strip_site(nc_arena *arena, const char *title, const char *site)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x94 ",
                                       " \xE2\x80\x93 ", " :: ", " \xC2\xBB ",
                                       " \xC2\xB7 ", " / ", " _"};
    size_t len = strlen(title);
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
        size_t sl = strlen(seps[k]);
        const char *first = strstr(title, seps[k]);
        if (!first)
            continue;
        /* The last occurrence splits off the suffix. */
        const char *last = first, *p;
        while ((p = strstr(last + sl, seps[k])) != NULL)
            last = p;
        size_t head = (size_t)(last - title), tail_at = head + sl;
        const char *tail = title + tail_at;
        size_t tail_len = len - tail_at;
        size_t lead_len = (size_t)(first - title);
        if (site && same_ci(title, lead_len, site))
            return nc_arena_strndup(arena, first + sl, len - lead_len - sl);
        if ((site && same_ci(tail, tail_len, site)) ||
            (nc_count_words(tail, tail_len) <= 3 && nc_count_words(title, head) > 3))
            return nc_arena_strndup(arena, title, head);
        /* "Site :: A longer headline": one separator, a short first part. */
        if (last == first && nc_count_words(title, lead_len) <= 3 &&
            nc_count_words(tail, tail_len) > 3)
            return nc_arena_strndup(arena, tail, tail_len);
        break;
    }
    return nc_arena_strndup(arena, title, len);
}

/* a and b have the same letters and digits in the same order, ASCII
 * case, spaces and punctuation aside (bytes from 0x80 compared as they
 * are). */
static char letter_or_digit(char c)
{
    c = nc_ascii_lower(c);
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80 ? c : 0;
}

static bool same_letters(const char *a, const char *b)
{
    for (;;) {
        while (*a && !letter_or_digit(*a))
            a++;
        while (*b && !letter_or_digit(*b))
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        if (letter_or_digit(*a++) != letter_or_digit(*b++))
            return false;
    }
}

/* An h1 broken over lines ("Real Estate for Beginners<br>Real Estate
 * 101") is a run of h1 blocks. The run's text, one space between lines,
 * when it reads as title and the first line alone does not
 * (two h1 elements side by side look the same, so only then); NULL
 * otherwise or when memory ran out. */
static const char *h1_run(nc_doc *doc, size_t i, const char *title)
{
    enum { RUN_MAX = 4 };
    size_t end = i + 1, len = doc->blocks[i].len;
    while (end < doc->nblocks && end - i < RUN_MAX && doc->blocks[end].tag == NC_TAG_H1)
        len += 1 + doc->blocks[end++].len;
    if (end == i + 1 || !title || word_overlap(doc->blocks[i].text, title) >= 1.0)
        return NULL;
    char *out = nc_arena_alloc(&doc->arena, len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t k = i; k < end; k++) {
        if (k > i)
            out[o++] = ' ';
        memcpy(out + o, doc->blocks[k].text, doc->blocks[k].len);
        o += doc->blocks[k].len;
    }
    out[o] = '\0';
    return same_letters(out, title) ? out : NULL;
}

/* The h1 most like the title; it must be most of the title or nearly
 * all inside it (a title is often "Headline | Site"). */
static const char *matching_h1(nc_doc *doc, const char *title)
{
    const nc_block *best_h1 = NULL;
    double best = -1;
    bool inside = false;
    size_t tried = 0;
    for (size_t i = 0; i < doc->nblocks && tried < CMP_H1; i++) {
        const nc_block *b = &doc->blocks[i];
        if (b->tag != NC_TAG_H1)
            continue;
        tried++;
        const char *run = h1_run(doc, i, title);
        if (run)
            return run;
        double s = title ? word_overlap(b->text, title) : 0;
        if (s > best) {
            size_t words = 0;
            size_t found = title ? words_found(b->text, title, &words) : 0;
            best = s;
            best_h1 = b;
            inside = words && found * 10 >= words * 8;
        }
    }
    if (best_h1 && (!title || best >= 0.5 || inside))
        return best_h1->text;
    return NULL;
}

void nc_html_choose_title(nc_doc *doc)
{
    if (doc->html_title)
        doc->html_title_base = strip_site(&doc->arena, doc->html_title, doc->site_name);
    const char *page = doc->og_title ? doc->og_title : doc->html_title;
    const char *h1 = matching_h1(doc, page);
    if (!h1 && doc->og_title && doc->html_title)
        h1 = matching_h1(doc, doc->html_title);
    if (h1) {
        doc->title = (char *)h1;
        return;
    }
    if (page)
        doc->title = strip_site(&doc->arena, page, doc->site_name);
}
