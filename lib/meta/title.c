/* meta/title.c - the title the metadata gives, checked against the page's
 * other titles: the classifier's title (an h1 that matches <title>, or
 * og:title) is kept unless it is the site's name (a blog's h1 is often
 * the blog's name), carries the site's name after a separator ("Headline
 * – Site"), or is another title with a date or label glued before it
 * ("Dec 18 2025 Headline"). The site's names are og:site_name, the
 * JSON-LD publisher and the part <title> drops as the site's. Then the
 * headline's furniture: the parts after the separator <title> sets its
 * site off with, a label before it, a count after it, a one-word h1 from
 * inside it and an h1 that lost characters give way to the headline, and
 * a title the page holds as misread UTF-8 is read back. Also the first
 * cut, of the classifier's title before the candidates are weighed: the
 * site part <title> drops, where the title carries it too. */
#include <string.h>

#include "meta/meta.h"

enum { MAX_SITES = 6, KEY_MAX = 512 };

typedef struct site_names {
    char key[MAX_SITES][128];
    size_t n;
} site_names;

static void add_site(site_names *sites, const char *s, size_t len)
{
    if (sites->n < MAX_SITES && nc_meta_key(s, len, sites->key[sites->n], sizeof sites->key[0]))
        sites->n++;
}

/* A host name standing for the site: "Newegg.com", "latimes.com". */
static bool host_name(const char *s, size_t len)
{
    const char *dot = NULL;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c >= 0x80)
            return false;
        if (c == '.')
            dot = s + i;
    }
    size_t tld = dot ? len - (size_t)(dot - s) - 1 : 0;
    return dot && dot > s && tld >= 2 && tld <= 6;
}

/* s is one of the site's names, the start of one ("Thrive Internet
 * Marketing" for "Thrive Internet Marketing Agency") or a host name. */
static bool is_site(const site_names *sites, const char *s, size_t len)
{
    enum { PREFIX_MIN = 12 };
    char key[128];
    size_t n;
    if (len >= sizeof key || !(n = nc_meta_key(s, len, key, sizeof key)))
        return false;
    if (host_name(s, len))
        return true;
    for (size_t i = 0; i < sites->n; i++)
        if (strcmp(key, sites->key[i]) == 0 ||
            (n >= PREFIX_MIN && strncmp(key, sites->key[i], n) == 0))
            return true;
    return false;
}

/* ": " last: only <title>'s own site part is read at it. The first
 * TITLE_SITE_SEPARATORS are those nc_meta_title_without_site reads. */
static const char *const separators[] = {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ",
                                         " :: ", " \xC2\xBB ", " \xC2\xB7 ", " \xE2\x80\xA2 ",
                                         ": "};
enum { TITLE_SITE_SEPARATORS = 7 };

const char *nc_meta_title_without_site(const nc_doc *doc)
{
    const char *base = doc->html_title_base;
    size_t n = base ? strlen(base) : 0;
    if (!n || strncmp(doc->title, base, n) != 0 || !doc->title[n])
        return doc->title;
    for (size_t k = 0; k < TITLE_SITE_SEPARATORS; k++)
        if (strncmp(doc->title + n, separators[k], strlen(separators[k])) == 0)
            return base;
    return doc->title;
}

/* The part <title> drops as the site's: what is left of it around its
 * base (the title without the site part), without the separator. A part
 * before the base ("Site: Headline") counts only when og:title is the
 * base: a short first part is as often the topic ("Zero Waste - A
 * Beginner's Guide"). strict: only a part after the base, after a
 * separator other than ": ", with no digit ("- March 2026" is the
 * title's). base is <title>'s base or og:title ("Blog Name: Headline"
 * with og:title "Headline": the blog's name is the site's). */
static void title_site_part(const nc_doc *doc, const char *base, site_names *sites, bool strict)
{
    const char *t = doc->html_title;
    if (!t || !base || !base[0])
        return;
    size_t tl = strlen(t), bl = strlen(base);
    const char *at = strstr(t, base);
    if (!at || bl >= tl)
        return;
    if (at != t && strict)
        return;
    if (at != t) {
        char a[KEY_MAX], b[KEY_MAX];
        if (!doc->og_title || !nc_meta_key(base, bl, a, sizeof a) ||
            !nc_meta_key(doc->og_title, strlen(doc->og_title), b, sizeof b) || strcmp(a, b) != 0)
            return;
    }
    const char *rest = at == t ? t + bl : t;
    size_t rest_len = at == t ? tl - bl : (size_t)(at - t);
    for (size_t i = 0; i < rest_len && strict; i++)
        if (rest[i] >= '0' && rest[i] <= '9')
            return;
    for (size_t k = 0; k + strict < sizeof separators / sizeof *separators; k++) {
        size_t sl = strlen(separators[k]);
        if (rest_len > sl && at == t && strncmp(rest, separators[k], sl) == 0)
            add_site(sites, rest + sl, rest_len - sl);
        else if (rest_len > sl && at != t &&
                 strncmp(rest + rest_len - sl, separators[k], sl) == 0)
            add_site(sites, rest, rest_len - sl);
    }
}

/* title without a site's name before or after a separator (not ": ":
 * "Figma: The Collaborative Interface Design Tool" keeps its name). */
static const char *strip_site_name(nc_arena *arena, const char *title, const site_names *sites)
{
    size_t len = strlen(title);
    for (size_t k = 0; k + 1 < sizeof separators / sizeof *separators; k++) {
        size_t sl = strlen(separators[k]);
        const char *first = strstr(title, separators[k]), *last = first, *p;
        if (!first)
            continue;
        while ((p = strstr(last + sl, separators[k])) != NULL)
            last = p;
        size_t head = (size_t)(last - title);
        if (is_site(sites, last + sl, len - head - sl) && head)
            return nc_arena_strndup(arena, title, head);
        size_t lead = (size_t)(first - title);
        if (is_site(sites, title, lead) && first + sl < title + len)
            return nc_arena_strndup(arena, first + sl, len - lead - sl);
    }
    return title;
}

static size_t word_count(const char *s)
{
    return nc_count_words(s, strlen(s));
}

/* A label before the headline: one word and a colon ("Blog: ", "Title:"). */
static bool label_first(const char *title)
{
    enum { LABEL_MAX = 16 };
    const char *colon = strchr(title, ':');
    return colon && colon > title && colon - title <= LABEL_MAX &&
           !memchr(title, ' ', (size_t)(colon - title));
}

/* s ends in "..." or an ellipsis: cut short, not a whole title. */
static bool cut_short(const char *s)
{
    size_t n = strlen(s);
    return (n >= 3 && memcmp(s + n - 3, "...", 3) == 0) ||
           (n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0);
}

/* title is other with a few characters glued on: a date before it ("Dec
 * 18 2025 Headline"), a label before it ("Blog: Headline"), or a number
 * or source after it ("Headline (latimes.com) 87"): other, when it has
 * three words or more. */
static const char *inner_title(const char *title, const char *other)
{
    enum { GLUED_MAX = 24 };
    char a[KEY_MAX], b[KEY_MAX];
    size_t n = nc_meta_key(title, strlen(title), a, sizeof a);
    size_t m = other ? nc_meta_key(other, strlen(other), b, sizeof b) : 0;
    if (!m || m >= n || n + 1 >= sizeof a || word_count(other) < 3 || n - m > GLUED_MAX)
        return title;
    const char *glued = NULL;
    if (memcmp(a + n - m, b, m) == 0)
        glued = a;
    else if (memcmp(a, b, m) == 0 && !cut_short(other))
        glued = a + m;
    else
        return title;
    if (glued == a && label_first(title))
        return other;
    for (size_t i = 0; i < n - m; i++)
        if (glued[i] >= '0' && glued[i] <= '9')
            return other;
    return title;
}

/* title is one word from inside other ("Discord" of "How we pwned
 * X, Vercel, Cursor, Discord and hundreds of companies"): an h1 in the
 * text that names something the headline names matched it: other. A
 * title other starts with is its first words ("Sleeping Bags | REI"). */
static const char *whole_title(const char *title, const char *other)
{
    enum { PIECE_WORDS = 1, WHOLE_WORDS = 4 };
    char a[KEY_MAX], b[KEY_MAX];
    size_t words = word_count(title);
    if (!other || words > PIECE_WORDS || word_count(other) < WHOLE_WORDS ||
        !nc_meta_key(title, strlen(title), a, sizeof a) ||
        !nc_meta_key(other, strlen(other), b, sizeof b) || !strstr(b, a) ||
        strncmp(a, b, strlen(a)) == 0)
        return title;
    return other;
}

/* title is other with characters lost on the way: each '?' or U+FFFD of
 * title stands for one to four bytes of other where other has no '?'
 * ("Event Planning? Beginner? Guide" for "Event Planning: Beginner's
 * Guide"), the rest the same but for ASCII case. */
static bool lost_chars(const char *title, const char *other)
{
    enum { LOST_MAX = 4 };
    static const char fffd[] = "\xEF\xBF\xBD";
    bool lost = false;
    const char *t = title, *o = other;
    while (*t && *o) {
        size_t mark = *t == '?' ? 1 : strncmp(t, fffd, 3) == 0 ? 3 : 0;
        if (!mark || *o == '?') {
            if (nc_ascii_lower(*t) != nc_ascii_lower(*o))
                return false;
            t++, o++;
            continue;
        }
        t += mark;
        size_t k = 1;
        while (k <= LOST_MAX && o[k - 1] && nc_ascii_lower(o[k]) != nc_ascii_lower(*t))
            k++;
        if (k > LOST_MAX)
            return false;
        o += k;
        lost = true;
    }
    return lost && !*t && !*o;
}

/* The separator <title> sets its site part off with ("Headline | Top 19
 * Companies | Site" -> " | "), when the site part follows the headline;
 * NULL otherwise. */
static const char *site_separator(const nc_doc *doc)
{
    const char *t = doc->html_title, *base = doc->html_title_base;
    size_t n = base ? strlen(base) : 0;
    if (!t || !n || strncmp(t, base, n) != 0)
        return NULL;
    for (size_t k = 0; k < TITLE_SITE_SEPARATORS; k++)
        if (strncmp(t + n, separators[k], strlen(separators[k])) == 0)
            return separators[k];
    return NULL;
}

/* A separator title uses twice ("Headline | Patient Education | Site"):
 * the parts after the first are the page's furniture. */
static const char *repeated_separator(const char *title)
{
    for (size_t k = 0; k < TITLE_SITE_SEPARATORS; k++) {
        const char *at = strstr(title, separators[k]);
        if (at && strstr(at + strlen(separators[k]), separators[k]))
            return separators[k];
    }
    return NULL;
}

/* A site that sets its name off with " | " sets off the page's other
 * furniture with it too ("Headline | Top 19 Companies", "Headline |
 * Patient Education"): the title is its first part, when that has three
 * words or more. */
static const char *first_part(nc_arena *arena, const char *title, const char *sep)
{
    enum { HEAD_WORDS_MIN = 3 };
    const char *at = sep ? strstr(title, sep) : NULL;
    size_t words = 1;
    for (const char *p = title; at && p < at; p++)
        words += *p == ' ';
    if (!at || words < HEAD_WORDS_MIN)
        return title;
    return nc_arena_strndup(arena, title, (size_t)(at - title));
}

static const char *checked_title(nc_doc *doc, const nc_meta_cands *cs, const char *title)
{
    /* The names the site gives itself and the part <title> ends with strip
     * a title; any part <title> drops says what the title is not. */
    site_names named = {.n = 0}, sites;
    if (doc->site_name)
        add_site(&named, doc->site_name, strlen(doc->site_name));
    for (size_t i = 0; i < cs->n; i++)
        if (cs->c[i].field == NC_META_SITE_NAME)
            add_site(&named, cs->c[i].value, strlen(cs->c[i].value));
    sites = named;
    title_site_part(doc, doc->html_title_base, &named, true);
    title_site_part(doc, doc->html_title_base, &sites, false);
    title_site_part(doc, doc->og_title, &sites, false);
    const char *og = doc->og_title ? strip_site_name(&doc->arena, doc->og_title, &named) : NULL;
    const char *base = doc->html_title_base;
    if (!og || !og[0] || is_site(&sites, og, strlen(og)))
        og = base;
    if (is_site(&sites, title, strlen(title)) && og && og[0] && !is_site(&sites, og, strlen(og)))
        return og;
    const char *t = strip_site_name(&doc->arena, title, &named);
    const char *sep = site_separator(doc);
    if (t && !sep)
        sep = repeated_separator(t);
    if (!t || !(t = first_part(&doc->arena, t, sep)))
        return NULL;
    if (og && lost_chars(t, og))
        return og;
    return whole_title(inner_title(t, og), og);
}

const char *nc_meta_title_checked(nc_doc *doc, const nc_meta_cands *cs, const char *title)
{
    const char *t = checked_title(doc, cs, title);
    bool repaired = false;
    if (t && (t = nc_meta_read_back(&doc->arena, t, &repaired)) != NULL && repaired)
        doc->flags |= NC_FLAG_REPAIRED_TITLE;
    return t;
}
