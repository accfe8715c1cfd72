/* blocks/html/bound.c - what libxml2 is given, bounded before it parses.
 *
 * libxml2 2.9's HTML parser checks each attribute of a tag against every
 * earlier one (100,000 attributes: 27 s), and gathers a comment or an
 * attribute value in one growing buffer (a 50 MB comment under an
 * address-space limit: "Memory allocation failed" on stderr). One pass
 * over the parser's own copy of the input, before it starts, rewrites in
 * place, never changing the input's length (what is left out becomes
 * blanks where libxml2 skips them):
 *   - a start tag longer than LONG_TAG keeps its first NC_HTML_MAX_ATTRS
 *     attributes, each value cut to NC_HTML_MAX_VALUE bytes (libxml2 keeps
 *     the first of a name, so dropping later ones changes nothing the
 *     pipeline reads but duplicates' order);
 *   - a comment longer than NC_HTML_MAX_COMMENT becomes "<!---->".
 * Tags, comments and script/style bodies are found the way libxml2 2.9's
 * HTMLparser.c finds them (htmlParseStartTag, htmlParseComment,
 * htmlParseScript); bytes it would read as something else are left as
 * they are. */
#include <string.h>

#include "blocks/html/html.h"

/* Shorter tags cost libxml2 little however many attributes they hold. */
enum { LONG_TAG = 2048, NAME_MAX_LEN = 100 };

/* s starts with the element name word (any case) and the name ends there. */
static bool tag_named(const char *s, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - s) <= n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (nc_ascii_lower(s[i]) != word[i])
            return false;
    return !nc_html_is_name_char((unsigned char)s[n]);
}

/* One attribute as libxml2 reads it: [start, end) with the blanks before
 * it; cut: where its kept bytes end (before the closing quote, if any). */
typedef struct attr {
    char *start, *end;
    char *value; /* NULL without '=' */
    char quote;  /* '"', '\'' or 0 */
} attr;

/* Reads the attribute after the blanks at p; false at the tag's end.
 * *bogus when libxml2 would drop it (no name: it skips to a blank). */
static bool next_attr(char *p, const char *end, attr *a, bool *bogus, char **term)
{
    a->start = p;
    while (p < end && nc_html_is_blank((unsigned char)*p))
        p++;
    *term = a->start;
    if (p >= end || *p == '>' || (*p == '/' && p + 1 < end && p[1] == '>')) {
        *term = p >= end ? (char *)end : a->start;
        return false;
    }
    a->value = NULL;
    a->quote = 0;
    unsigned char c = (unsigned char)*p;
    char *name = p;
    if (nc_html_is_letter(c) || c == '_' || c == ':' || c == '.')
        while (p < end && nc_html_is_name_char((unsigned char)*p) && p - name < NAME_MAX_LEN)
            p++;
    *bogus = p == name || (p < end && nc_html_is_name_char((unsigned char)*p));
    if (*bogus) {
        /* libxml2 drops it up to the next blank, '>' or "/>" */
        while (p < end && !nc_html_is_blank((unsigned char)*p) && *p != '>' &&
               !(*p == '/' && p + 1 < end && p[1] == '>'))
            p++;
        a->end = p;
        return true;
    }
    char *value = (char *)nc_html_value_start(p, end);
    if (value) {
        p = value;
        if (p < end && (*p == '"' || *p == '\'')) {
            a->quote = *p;
            a->value = p + 1;
            char *close = memchr(p + 1, *p, (size_t)(end - p - 1));
            p = close ? close + 1 : (char *)end;
        } else {
            a->value = p;
            while (p < end && *p != '>' && !nc_html_is_blank((unsigned char)*p))
                p++;
        }
    }
    a->end = p;
    return true;
}

/* The kept bytes of a: its value cut to NC_HTML_MAX_VALUE (whole UTF-8
 * characters) and closed again. Writes them ending at w; returns the start. */
static char *put_attr(const attr *a, char *w)
{
    char *vend = a->end - (a->quote && a->end[-1] == a->quote && a->end - 1 >= a->value);
    if (!a->value || (size_t)(vend - a->value) <= NC_HTML_MAX_VALUE) {
        size_t n = (size_t)(a->end - a->start);
        memmove(w - n, a->start, n);
        return w - n;
    }
    size_t keep = nc_utf8_cut(a->value, (size_t)(vend - a->value), NC_HTML_MAX_VALUE);
    if (a->quote)
        *--w = a->quote;
    size_t n = (size_t)(a->value + keep - a->start);
    memmove(w - n, a->start, n);
    return w - n;
}

/* The start tag at lt ("<" and a letter); returns where scanning goes on
 * and sets *cut when the tag was rewritten. */
static char *bound_tag(char *lt, const char *end, bool *cut)
{
    char *gt = memchr(lt + 1, '>', (size_t)(end - lt - 1));
    if (gt && gt - lt < LONG_TAG && !memchr(lt + 1, '"', (size_t)(gt - lt - 1)) &&
        !memchr(lt + 1, '\'', (size_t)(gt - lt - 1)))
        return gt + 1; /* short, no quoted '>': nothing to bound */
    char *name_end = lt + 1;
    while (name_end < end && nc_html_is_name_char((unsigned char)*name_end))
        name_end++;
    attr kept[NC_HTML_MAX_ATTRS];
    size_t nkept = 0;
    bool changed = false, bogus = false;
    char *p = name_end, *term = p;
    attr a;
    while (next_attr(p, end, &a, &bogus, &term)) {
        if (a.end == a.start)
            return a.end + 1; /* libxml2 reads something else here */
        p = a.end;
        if (bogus)
            continue; /* libxml2 drops it too: no reason to rewrite alone */
        if (nkept == NC_HTML_MAX_ATTRS) {
            changed = true;
            continue;
        }
        if (a.value && (size_t)(a.end - a.value) > NC_HTML_MAX_VALUE + 1)
            changed = true;
        kept[nkept++] = a;
    }
    char *tag_end = term;
    while (tag_end < end && nc_html_is_blank((unsigned char)*tag_end))
        tag_end++;
    if (tag_end < end)
        tag_end += *tag_end == '>' ? 1 : 2;
    if (!changed)
        return tag_end;
    /* The kept attributes right to left against the tag's end, blanks
     * between the name and them. */
    char *w = term;
    for (size_t i = nkept; i-- > 0;)
        w = put_attr(&kept[i], w);
    memset(name_end, ' ', (size_t)(w - name_end));
    *cut = true;
    return tag_end;
}

/* The comment at lt ("<!--"): past its end ("-->" or "--!>"), blanked to
 * "<!---->" when longer than NC_HTML_MAX_COMMENT. An unfinished one runs
 * to the end (libxml2 drops it and all after it). */
static char *bound_comment(char *lt, const char *end, bool *cut)
{
    char *q = lt + 4, *after = (char *)end;
    for (;;) {
        q = memchr(q, '-', (size_t)(end - q));
        if (!q || end - q < 3)
            break;
        if (q[1] == '-' && (q[2] == '>' || (q[2] == '!' && end - q > 3 && q[3] == '>'))) {
            after = q + (q[2] == '>' ? 3 : 4);
            break;
        }
        q++;
    }
    if ((size_t)(after - lt) > NC_HTML_MAX_COMMENT) {
        memcpy(lt, "<!---->", 7);
        memset(lt + 7, ' ', (size_t)(after - lt - 7));
        *cut = true;
    }
    return after;
}

/* Past a script or style body: htmlParseScript stops at "</" and the
 * element's name as a prefix. */
static char *skip_raw(char *from, const char *end, const char *name)
{
    size_t n = strlen(name);
    for (char *q = from;; q++) {
        q = memchr(q, '<', (size_t)(end - q));
        if (!q)
            return (char *)end;
        if ((size_t)(end - q) >= n + 2 && q[1] == '/') {
            size_t i = 0;
            while (i < n && nc_ascii_lower(q[2 + i]) == name[i])
                i++;
            if (i == n)
                return q;
        }
    }
}

bool nc_html_bound(char *s, const char *end)
{
    bool cut = false;
    char *p = s;
    while (p < end) {
        char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt || lt + 1 >= end)
            break;
        unsigned char c = (unsigned char)lt[1];
        if (nc_html_is_letter(c)) {
            p = bound_tag(lt, end, &cut);
            if ((c | 0x20) != 's')
                continue;
            if (tag_named(lt + 1, end, "script"))
                p = skip_raw(p, end, "script");
            else if (tag_named(lt + 1, end, "style"))
                p = skip_raw(p, end, "style");
        } else if (c == '!' && end - lt >= 4 && lt[2] == '-' && lt[3] == '-') {
            p = bound_comment(lt, end, &cut);
        } else {
            p = lt + 1;
        }
    }
    return cut;
}
