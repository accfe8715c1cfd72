/* blocks/html/skip.c - bytes libxml2 need not read.
 *
 * Half of a news page's bytes are script and style bodies, and much of
 * the rest is attributes nothing here reads (href, src, srcset, data-*).
 * libxml2 2.9's HTML parser reads both a character at a time. These two
 * functions, called by blocks/html/walk.c from a start tag's SAX event while
 * the parser stands on that tag's '>', rewrite the bytes ahead of it in
 * the parser's own copy of the input so that it reads less and reports
 * the same events: a script or style body is stepped over, and the next
 * start tag loses the attributes nc_html_read_attrs never looks at. Both
 * return where the parser should stand next: a '>' it steps over, with
 * the same bytes after it as before except for what was left out.
 *
 * Every rule below follows libxml2 2.9's HTMLparser.c (htmlParseScript,
 * htmlParseContentInternal, htmlParseStartTag, htmlParseEndTag,
 * htmlParseHTMLName, htmlParseAttValue); whatever they would read
 * differently than this simple scanner (comments, "<!", "<?", unfinished
 * tags, long names, odd attribute syntax) is left to libxml2 untouched. */
#include <string.h>

#include "blocks/html/html.h"

/* libxml2's HTML_PARSER_BUFFER_SIZE: longer names are cut there. */
enum { NAME_MAX_LEN = 100 };

/* s[0..n) is the lower-case word in any ASCII case. */
static bool name_is(const char *s, size_t n, const char *word)
{
    size_t i = 0;
    for (; i < n; i++)
        if (!word[i] || nc_ascii_lower(s[i]) != word[i])
            return false;
    return word[i] == '\0';
}

/* a[0..n) and b[0..n) alike but for ASCII case. */
static bool same_ci(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (nc_ascii_lower(a[i]) != nc_ascii_lower(b[i]))
            return false;
    return true;
}

/* The end of the name at s (first character already checked), or NULL
 * when it is too long for libxml2 to read whole. */
static const char *name_end(const char *s, const char *end)
{
    const char *p = s + 1;
    while (p < end && nc_html_is_name_char((unsigned char)*p))
        p++;
    return p - s < NAME_MAX_LEN ? p : NULL;
}

char *nc_html_skip_raw(char *gt, const char *end, const char *name, bool *closed)
{
    *closed = false;
    char *body = gt + 1;
    size_t n = strlen(name);
    /* htmlParseContentInternal reads an end tag or a start tag first; an
     * empty body's "</script>" ends the element. */
    if (body < end && body[0] == '<' && body[1] == '/') {
        *closed = (size_t)(end - body) > n + 2 && name_is(body + 2, n, name) &&
                  body[n + 2] == '>';
        return gt;
    }
    if (body >= end || (body[0] == '<' && (body[1] == '_' || body[1] == ':' ||
                                           nc_html_is_letter((unsigned char)body[1]))))
        return gt;
    char *q = body;
    for (;;) {
        q = memchr(q, '<', (size_t)(end - q));
        if (!q) {
            q = (char *)end;
            break;
        }
        /* htmlParseScript stops at "</" and the name as a prefix. */
        if ((size_t)(end - q) >= n + 2 && q[1] == '/') {
            size_t i = 0;
            while (i < n && nc_ascii_lower(q[2 + i]) == name[i])
                i++;
            if (i == n)
                break;
        }
        q++;
    }
    /* "</script>" ends the element: what follows is content again. */
    *closed = q < end && (size_t)(end - q) > n + 2 && q[n + 2] == '>';
    q[-1] = '>';
    return q - 1;
}

const char *nc_html_value_start(const char *p, const char *end)
{
    while (p < end && nc_html_is_blank((unsigned char)*p))
        p++;
    if (p >= end || *p != '=')
        return NULL;
    p++;
    while (p < end && nc_html_is_blank((unsigned char)*p))
        p++;
    return p;
}

/* The attributes nc_html_read_attrs reads; the others are left out. The
 * metadata's: rel on <a> and <link>, href on <link> (rel="canonical");
 * link and image targets only when the caller records them (links). */
static bool attr_read(const char *s, size_t n, const char *tag, size_t tag_len, bool links)
{
    switch (n) {
    case 2: return name_is(s, n, "id");
    case 3:
        return (name_is(s, n, "rel") &&
                (name_is(tag, tag_len, "a") || name_is(tag, tag_len, "link"))) ||
               (links && (name_is(s, n, "src") || name_is(s, n, "alt") ||
                          name_is(s, n, "rel")));
    case 4:
        return name_is(s, n, "role") || name_is(s, n, "type") ||
               name_is(s, n, "lang") || name_is(s, n, "name") ||
               (name_is(s, n, "href") && (links || name_is(tag, tag_len, "link")));
    case 5: return name_is(s, n, "class") || name_is(s, n, "style");
    case 6: return name_is(s, n, "hidden");
    case 7: return name_is(s, n, "content");
    case 8:
        return name_is(s, n, "itemprop") || name_is(s, n, "xml:lang") ||
               name_is(s, n, "property") || name_is(s, n, "datetime") ||
               (links && name_is(s, n, "data-src"));
    case 11: return name_is(s, n, "aria-hidden");
    default: return false;
    }
}

/* Attributes of one start tag: each piece runs from the blanks before it
 * to the end of its value. */
enum { MAX_PIECES = 64 };

typedef struct piece {
    const char *start, *end;
    const char *name, *value; /* value: NULL without '=' */
    size_t name_len, value_len;
    bool keep;
    bool unquoted; /* a value without quotes: it must not meet a '/' */
} piece;

/* Hands the kept attributes to *ahead as libxml2 would pass them (first
 * of a name only; a value is its bytes when it holds no reference).
 * False when one has a reference, or on no memory: then libxml2 reads
 * them. */
static bool take_attrs(const piece *pieces, size_t npieces, const char *name,
                       size_t name_len, nc_html_ahead *ahead)
{
    const piece *taken[NC_HTML_AHEAD_MAX];
    size_t n = 0, bytes = 0;
    for (size_t i = 0; i < npieces; i++) {
        const piece *pc = &pieces[i];
        if (!pc->keep)
            continue;
        if (pc->value && memchr(pc->value, '&', pc->value_len))
            return false;
        bool seen = false;
        for (size_t k = 0; k < n && !seen; k++)
            seen = taken[k]->name_len == pc->name_len &&
                   same_ci(taken[k]->name, pc->name, pc->name_len);
        if (seen)
            continue; /* libxml2 keeps the first */
        if (n == NC_HTML_AHEAD_MAX)
            return false;
        taken[n++] = pc;
        bytes += pc->name_len + 1 + (pc->value ? pc->value_len + 1 : 0);
    }
    ahead->buf.len = 0;
    if (!nc_buf_reserve(&ahead->buf, bytes))
        return false;
    char *out = ahead->buf.data;
    for (size_t k = 0; k < n; k++) {
        const piece *pc = taken[k];
        ahead->atts[2 * k] = out;
        for (size_t j = 0; j < pc->name_len; j++)
            *out++ = nc_ascii_lower(pc->name[j]);
        *out++ = '\0';
        ahead->atts[2 * k + 1] = pc->value ? out : NULL;
        if (pc->value) {
            memcpy(out, pc->value, pc->value_len);
            out += pc->value_len;
            *out++ = '\0';
        }
    }
    ahead->buf.len = (size_t)(out - ahead->buf.data);
    ahead->atts[2 * n] = NULL;
    ahead->atts[2 * n + 1] = NULL;
    for (size_t k = 0; k < name_len; k++)
        ahead->name[k] = nc_ascii_lower(name[k]);
    ahead->name[name_len] = '\0';
    return true;
}

/* The start tag at lt ("<" and a letter): rewritten in place, ending where
 * it ended, without the attributes nobody reads, and without the others
 * too when take_attrs could take them. Returns how many bytes it lost (its
 * new start is lt + that), 0 when it is kept as it is. */
static size_t compact_tag(char *lt, const char *end, nc_html_ahead *ahead)
{
    const char *name = lt + 1, *p = name_end(name, end);
    if (!p)
        return 0;
    size_t name_len = (size_t)(p - name);
    /* Tags libxml2 treats specially (implied, merged or misplaced
     * elements) are left alone. (A <meta charset> is read only without
     * HTML_PARSE_IGNORE_ENC.) */
    if (name_is(name, name_len, "html") || name_is(name, name_len, "head") ||
        name_is(name, name_len, "body"))
        return 0;
    piece pieces[MAX_PIECES];
    size_t npieces = 0;
    const char *term;
    for (;;) {
        const char *start = p;
        while (p < end && nc_html_is_blank((unsigned char)*p))
            p++;
        if (p >= end)
            return 0; /* unfinished tag */
        if (*p == '>' || (*p == '/' && p + 1 < end && p[1] == '>')) {
            term = start; /* the blanks before the end stay */
            break;
        }
        if (p == start || npieces == MAX_PIECES)
            return 0; /* attributes not apart, or too many to bother */
        unsigned char c = (unsigned char)*p;
        if (!nc_html_is_letter(c) && c != '_' && c != ':' && c != '.')
            return 0; /* libxml2 drops a bogus attribute its own way */
        const char *attr = p;
        p = name_end(attr, end);
        if (!p)
            return 0;
        piece *pc = &pieces[npieces++];
        pc->start = start;
        pc->name = attr;
        pc->name_len = (size_t)(p - attr);
        pc->keep = attr_read(attr, pc->name_len, name, name_len, ahead->keep_links);
        pc->unquoted = false;
        pc->value = NULL;
        pc->value_len = 0;
        const char *value = nc_html_value_start(p, end);
        if (value) {
            p = value;
            if (p >= end)
                return 0;
            if (*p == '"' || *p == '\'') {
                const char *close = memchr(p + 1, *p, (size_t)(end - p - 1));
                if (!close)
                    return 0;
                pc->value = p + 1;
                p = close + 1;
            } else {
                pc->value = p;
                while (p < end && *p != '>' && !nc_html_is_blank((unsigned char)*p))
                    p++;
                if (p >= end)
                    return 0;
                pc->unquoted = true;
            }
            pc->value_len = (size_t)(p - pc->value) - (pc->unquoted ? 0 : 1);
        }
        pc->end = p;
        /* An <a> to an author's page ("/author/jane-doe") names the
         * author: its href is kept for the metadata; a javascript: href
         * makes the <a> no link (nc_html_script_href). */
        if (!pc->keep && pc->value && name_is(name, name_len, "a") &&
            name_is(pc->name, pc->name_len, "href"))
            pc->keep = nc_html_author_path(pc->value, pc->value_len) ||
                       nc_html_script_href(pc->value, pc->value_len);
    }
    const char *tag_end = *p == '>' ? p + 1 : p + 2;
    if (npieces == 0)
        return 0;
    ahead->pending = take_attrs(pieces, npieces, name, name_len, ahead);
    if (ahead->pending) {
        for (size_t i = 0; i < npieces; i++)
            pieces[i].keep = false;
        ahead->gt = (char *)tag_end - (*p == '>' ? 1 : 2); /* its '>' or "/>" */
    } else {
        bool dropped = false;
        for (size_t i = 0; i < npieces; i++)
            dropped |= !pieces[i].keep;
        if (!dropped)
            return 0;
        /* A value without quotes followed by "/>" would take the '/'. */
        const piece *last_kept = NULL;
        for (size_t i = 0; i < npieces; i++)
            if (pieces[i].keep)
                last_kept = &pieces[i];
        if (last_kept && last_kept->unquoted && *term == '/')
            return 0;
    }
    /* The kept pieces, right to left: each moves right or stays, so no
     * piece is overwritten before it is moved. */
    char *w = (char *)tag_end;
    size_t n = (size_t)(tag_end - term);
    w -= n;
    memmove(w, term, n);
    for (size_t i = npieces; i-- > 0;) {
        if (!pieces[i].keep)
            continue;
        n = (size_t)(pieces[i].end - pieces[i].start);
        w -= n;
        memmove(w, pieces[i].start, n);
    }
    w -= 1 + name_len;
    memmove(w, lt, 1 + name_len);
    return (size_t)(w - lt);
}

char *nc_html_compact_next(char *gt, const char *end, nc_html_ahead *ahead)
{
    ahead->pending = false;
    char *p = gt + 1;
    /* Content up to the next start tag: text and end tags only. */
    for (;;) {
        char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt || lt + 2 >= end)
            return gt;
        unsigned char c = (unsigned char)lt[1];
        if (c == '/') {
            /* htmlParseEndTag: a name, then up to the next '>'. */
            unsigned char f = (unsigned char)lt[2];
            if (!nc_html_is_letter(f) && f != '_' && f != ':' && f != '.')
                return gt;
            if (!name_end(lt + 2, end))
                return gt;
            char *close = memchr(lt + 2, '>', (size_t)(end - lt - 2));
            if (!close)
                return gt;
            p = close + 1;
            continue;
        }
        if (nc_html_is_letter(c)) {
            size_t shift = compact_tag(lt, end, ahead);
            if (!shift) {
                ahead->pending = false;
                return gt;
            }
            /* The content before the tag follows it, then the '>'. */
            memmove(gt + 1 + shift, gt + 1, (size_t)(lt - gt - 1));
            gt[shift] = '>';
            return gt + shift;
        }
        if (c == '!' && lt + 4 < end && lt[2] == '-' && lt[3] == '-') {
            /* htmlParseComment: up to the first "-->" or "--!>" after
             * the "<!--". */
            const char *q = lt + 4;
            for (;;) {
                q = memchr(q, '-', (size_t)(end - q));
                if (!q || end - q < 3)
                    return gt; /* unfinished */
                if (q[1] == '-' && (q[2] == '>' || (q[2] == '!' && end - q > 3 && q[3] == '>')))
                    break;
                q++;
            }
            p = (char *)q + (q[2] == '>' ? 3 : 4);
            continue;
        }
        if (c == '!' || c == '?' || c == '_' || c == ':')
            return gt; /* declarations, odd names: libxml2's */
        p = lt + 1; /* a '<' that is text */
    }
}

char *nc_html_text_run(char *gt, const char *end)
{
    const unsigned char *p = (const unsigned char *)gt + 1;
    const unsigned char *e = (const unsigned char *)end;
    for (; p < e; p++) {
        unsigned char c = *p;
        if (c == '<' || c == '&')
            break;
        /* htmlParseCharData drops what is no XML character (C0 controls
         * but tab and line feed; U+FFFE, U+FFFF): left to libxml2. */
        if ((c < 0x20 && c != '\t' && c != '\n') ||
            (c == 0xEF && e - p >= 3 && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)))
            return gt;
    }
    return (char *)p;
}

size_t nc_html_text_chunk(const char *s, const char *run_end)
{
    /* htmlParseCharData hands its buffer on once it holds 1000 bytes or
     * more, after a whole character: at the first character start at or
     * past 1000 bytes. */
    enum { FULL = 1000 };
    size_t left = (size_t)(run_end - s);
    if (left <= FULL)
        return left;
    size_t n = FULL;
    while (n < left && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    return n;
}
