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

static bool is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_name_char(unsigned char c)
{
    return is_letter(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' ||
           c == '_' || c == '.';
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* s starts with the element name word (any case) and the name ends there. */
static bool tag_named(const char *s, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - s) <= n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower(s[i]) != word[i])
            return false;
    return !is_name_char((unsigned char)s[n]);
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
    while (p < end && is_blank((unsigned char)*p))
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
    if (is_letter(c) || c == '_' || c == ':' || c == '.')
        while (p < end && is_name_char((unsigned char)*p) && p - name < NAME_MAX_LEN)
            p++;
    *bogus = p == name || (p < end && is_name_char((unsigned char)*p));
    if (*bogus) {
        /* libxml2 drops it up to the next blank, '>' or "/>" */
        while (p < end && !is_blank((unsigned char)*p) && *p != '>' &&
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
            while (p < end && *p != '>' && !is_blank((unsigned char)*p))
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
    size_t keep = NC_HTML_MAX_VALUE;
    while (keep > 0 && ((unsigned char)a->value[keep] & 0xC0) == 0x80)
        keep--;
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
    char *name_end = lt + 1;
    while (name_end < end && is_name_char((unsigned char)*name_end))
        name_end++;
    char *gt = memchr(name_end, '>', (size_t)(end - name_end));
    if (gt && gt - lt < LONG_TAG && !memchr(name_end, '"', (size_t)(gt - name_end)) &&
        !memchr(name_end, '\'', (size_t)(gt - name_end)))
        return gt + 1; /* short, no quoted '>': nothing to bound */
    attr kept[NC_HTML_MAX_ATTRS];
    size_t nkept = 0;
    bool changed = false, bogus = false;
    char *p = name_end, *term = p;
    attr a;
    while (next_attr(p, end, &a, &bogus, &term)) {
        if (a.end == a.start)
            return a.end + 1; /* libxml2 reads something else here */
        p = a.end;
        if (bogus || nkept == NC_HTML_MAX_ATTRS) {
            changed = true;
            continue;
        }
        if (a.value && (size_t)(a.end - a.value) > NC_HTML_MAX_VALUE + 1)
            changed = true;
        kept[nkept++] = a;
    }
    char *tag_end = term;
    while (tag_end < end && is_blank((unsigned char)*tag_end))
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
            while (i < n && lower(q[2 + i]) == name[i])
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
        if (is_letter(c)) {
            p = bound_tag(lt, end, &cut);
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
