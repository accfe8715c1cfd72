/* meta/byline.c - author lines as pages print them: "By Jane Doe and John
 * Roe | Updated May 3, 2025", "Von Max Muster, 4. September 2025",
 * "Par Jean Dupont", "Author: Jane Doe". The names come before the date
 * (or a separator); each must read as a person's name. */
#include <string.h>

#include "meta/meta.h"

/* Words that open a byline, folded (ICU simple folding, so ASCII lower). */
static const char *const openers[] = {
    "written by", "posted by", "words by", "story by", "reported by", "published by",
    "authored by", "recipe by", "guide by", "article by", "text by", "by:", "by", "von", "par",
    "por", "di", "door", "av", "przez", "autor:", "autorin:", "author:", "authors:",
    "auteur:", "text:", "texto:", "testo:", "автор:", "tekst:", "redactie:"};

/* Words after a name that are its role, not part of it ("Jane Doe
 * Founder", "Jane Doe ⋅ Senior Editor"), folded. */
static const char *const roles[] = {
    "founder", "co-founder", "writer", "reporter", "correspondent", "editor", "executive",
    "associate", "managing", "contributing", "sponsored",
    "contributor", "analyst", "reviewer", "journalist", "columnist", "director",
    "manager", "ceo", "specialist", "senior", "former", "lead",
    "chief", "head", "view", "published", "posted", "updated", "last", "read",
    "redakteur", "redakteurin", "journaliste", "rédacteur", "redactor", "redattore"};

/* Placeholders CMSs print where no author was set. */
static const char *const non_names[] = {
    "admin", "administrator", "webmaster", "author", "undefined", "null", "unknown",
    "guest", "user", "anonymous", "none", "editor", "staff", "comment", "comments"};

/* First words of a label, never of a name ("Posted On", "Last Modified",
 * "Articles by Jane", "All Insights"), folded. */
static const char *const label_starts[] = {
    "posted", "published", "last", "updated", "modified", "articles", "all", "more",
    "date", "share", "read", "view", "see", "follow", "about", "contact", "latest",
    "recent", "popular", "related", "trending", "featured", "release", "sign"};

/* What a menu filters by ("By Industry", "By Use Case", "By Company
 * Size"), folded: a name made only of these is a filter's entry. */
static const char *const facets[] = {
    "industry", "industries", "role", "roles", "category", "categories", "type", "types",
    "collection", "collections", "weight", "team", "size", "company", "use", "case", "cases",
    "region", "manufacturer", "brand", "gender", "age", "stage", "challenge", "challenges",
    "modality", "need", "needs", "topic", "topics", "subject", "product", "products",
    "solution", "solutions", "department", "price", "location", "format", "level",
    "audience", "function", "platform", "service", "services", "feature", "features",
    "country", "state", "event", "goal", "goals", "job", "occupation", "interest", "style",
    "material", "color", "colour", "room", "occasion", "skill", "program", "language",
    "segment", "vertical", "sector", "business", "application", "technology", "market",
    "city", "theme", "series", "&"};

/* Words after which a date is an update, not the publication. */
static const char *const update_words[] = {"updated", "modified", "aktualisiert",
                                           "mis à jour", "actualizado", "aggiornato",
                                           "atualizado", "bijgewerkt", "обновлено",
                                           "last reviewed", "reviewed"};

static size_t fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t read = 0;
    size_t n = nc_fold_prefix(s, len, out, cap - 1, &read);
    out[n] = '\0';
    return n;
}

/* Bytes of the opener text starts with (ASCII case ignored), or 0. The
 * opener must end the word: a space, or a capital glued to it as pages
 * join "By" and a linked name ("ByJane Doe"). */
/* The folded first (up to 24) bytes of text in head[32]: ASCII is lowered
 * here (it runs on every block of the header area); ICU folds only a
 * non-ASCII start. */
static size_t fold_head(const char *text, size_t len, char head[32])
{
    size_t n = 0;
    if (len && (unsigned char)text[0] < 0x80) {
        for (; n < len && n < 24 && (unsigned char)text[n] < 0x80; n++)
            head[n] = (char)(text[n] >= 'A' && text[n] <= 'Z' ? text[n] + 32 : text[n]);
        head[n] = '\0';
        return n;
    }
    return fold(text, len < 24 ? len : 24, head, 32);
}

static size_t opener_len(const char *text, size_t len)
{
    char head[32];
    size_t n = fold_head(text, len, head);
    for (size_t i = 0; i < sizeof openers / sizeof *openers; i++) {
        size_t k = strlen(openers[i]);
        /* Folding keeps the lengths of these (ASCII, and Cyrillic
         * capitals fold to letters of the same byte length). */
        if (k > n || memcmp(head, openers[i], k) != 0)
            continue;
        char next = k < len ? text[k] : ' ';
        /* Glued: "ByJane", not "PARTNERS" nor "DIY" (an opener written in
         * capitals is part of a word in capitals). */
        bool glued = next >= 'A' && next <= 'Z' && text[k - 1] >= 'a' && text[k - 1] <= 'z';
        /* "Written byby Jane": a label glued to the byline's own "by". */
        bool doubled = k + 3 <= len && (text[k] | 0x20) == 'b' && (text[k + 1] | 0x20) == 'y' &&
                       text[k + 2] == ' ';
        if (next == ' ' || next == ':' || glued || doubled || openers[i][k - 1] == ':')
            return k;
    }
    return 0;
}

bool nc_byline_opens(const char *text, size_t len)
{
    return opener_len(text, len) > 0;
}

bool nc_byline_explicit(const char *text, size_t len)
{
    return opener_len(text, len) >= 5;
}

bool nc_byline_opener_only(const char *text, size_t len)
{
    size_t k = opener_len(text, len);
    while (k && k < len && (text[k] == ' ' || text[k] == ':'))
        k++;
    if (k && k == len)
        return true;
    char folded[32];
    size_t n = fold_head(text, len, folded);
    while (n && (folded[n - 1] == ' ' || folded[n - 1] == ':'))
        n--;
    for (size_t i = 0; i < sizeof openers / sizeof *openers; i++)
        if (strlen(openers[i]) == n && memcmp(folded, openers[i], n) == 0 && len < 24)
            return true;
    /* "Author" / "Autor" as a label over the name. */
    static const char *const labels[] = {"author", "authors", "autor", "auteur", "autore"};
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (strlen(labels[i]) == n && memcmp(folded, labels[i], n) == 0)
            return true;
    return false;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

/* Trims spaces and the punctuation a name never ends or starts with. */
static void trim(const char **s, size_t *len)
{
    static const char edge[] = " \t\n,;:|-/()[]*\"'.";
    while (*len && strchr(edge, (*s)[0]))
        (*s)++, (*len)--;
    while (*len && strchr(edge, (*s)[*len - 1]))
        (*len)--;
    /* A dangling UTF-8 dash or bullet: "Jane Doe –", "• Jane Doe". */
    while (*len >= 3 && (unsigned char)(*s)[*len - 3] == 0xE2 &&
           (unsigned char)(*s)[*len - 2] == 0x80) {
        *len -= 3;
        while (*len && is_space((*s)[*len - 1]))
            (*len)--;
    }
    while (*len >= 3 && (unsigned char)(*s)[0] == 0xE2 && (unsigned char)(*s)[1] == 0x80) {
        *s += 3, *len -= 3;
        while (*len && is_space((*s)[0]))
            (*s)++, (*len)--;
    }
}

static bool has_substring_ci(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i + n <= len; i++) {
        size_t k = 0;
        while (k < n && (s[i + k] | 0x20) == word[k])
            k++;
        if (k == n)
            return true;
    }
    return false;
}

static size_t count_char(const char *s, size_t len, char c)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += s[i] == c;
    return n;
}

/* s[0..len) without a role after the name: from the first role word
 * after at least one word of the name. */
static size_t cut_roles(const char *s, size_t len, size_t words)
{
    if (words < 2)
        return len;
    for (size_t i = 1; i < len; i++) {
        bool start = s[i - 1] == ' ' || ((s[i] >= 'A' && s[i] <= 'Z') && s[i - 1] >= 'a' &&
                                         s[i - 1] <= 'z');
        if (!start)
            continue;
        char word[24];
        size_t w = 0;
        while (i + w < len && w < sizeof word - 1 && s[i + w] != ' ' && s[i + w] != ',') {
            char c = s[i + w];
            word[w++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        word[w] = '\0';
        for (size_t k = 0; k < sizeof roles / sizeof *roles; k++)
            if (strcmp(word, roles[k]) == 0)
                return i;
    }
    return len;
}

bool nc_name_shape(const char *s, size_t len)
{
    size_t words = 0;
    for (size_t i = 0; i < len; i++) {
        if (i && s[i - 1] != ' ')
            continue;
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'A' && c <= 'Z') || c >= 0xC0))
            return false;
        words++;
    }
    return words >= 2 && words <= 4;
}

/* folded[0..n) is only words a menu filters by ("use case"). */
static bool only_facets(const char *folded, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t w = 0;
        while (i + w < n && folded[i + w] != ' ')
            w++;
        bool facet = false;
        for (size_t k = 0; k < sizeof facets / sizeof *facets && !facet; k++)
            facet = strlen(facets[k]) == w && memcmp(folded + i, facets[k], w) == 0;
        if (!facet)
            return false;
        i += w + 1;
    }
    return n > 0;
}

/* The name inside s[0..len) in *name, *name_len; false when it is none. */
static bool author_span(const char *s, size_t len, bool any_case, const char **name,
                        size_t *name_len)
{
    trim(&s, &len);
    /* "Written byby Jane Doe": a label and the byline's own word. */
    for (int twice = 0; twice < 2; twice++) {
        size_t op = opener_len(s, len);
        s += op, len -= op;
        trim(&s, &len);
    }
    /* "Jane Doe is a reporter ...": a bio, not a name. */
    /* "Link Copied!", "Need help?": an exclamation or a question is no
     * name, "Publisher: Valve" a label's value. */
    if (!len || len > 80 || has_substring_ci(s, len, "http") || memchr(s, '@', len) ||
        memchr(s, '!', len) || memchr(s, '?', len) || memchr(s, ':', len) ||
        has_substring_ci(s, len, " is ") || has_substring_ci(s, len, " has "))
        return false;
    size_t words = 1, letters = 0, digits = 0;
    for (size_t i = 0; i < len; i++) {
        words += s[i] == ' ';
        unsigned char c = (unsigned char)s[i];
        letters += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0;
        digits += c >= '0' && c <= '9';
    }
    if (words > 8 || letters < 2 || digits > 0)
        return false;
    len = cut_roles(s, len, words);
    trim(&s, &len);
    /* "Jane Doe Jane Doe", "Jane DoeJane Doe": a linked name and its
     * link's title, both kept by a page's text. */
    size_t half = len / 2;
    if (len >= 6 && len % 2 && s[half] == ' ' && memcmp(s, s + half + 1, half) == 0)
        len = half;
    else if (len >= 6 && len % 2 == 0 && memcmp(s, s + half, half) == 0)
        len = half;
    /* A person's name starts with a capital ("van der Merwe" inside it is
     * fine); "following the tips below" after "By" is a sentence. */
    unsigned char first = (unsigned char)s[0];
    if (!len || (!any_case && first >= 'a' && first <= 'z' && memchr(s, ' ', len)))
        return false;
    char folded[96];
    size_t fl = fold(s, len < 80 ? len : 80, folded, sizeof folded);
    for (size_t i = 0; i < sizeof non_names / sizeof *non_names; i++)
        if (strlen(non_names[i]) == fl && memcmp(folded, non_names[i], fl) == 0)
            return false;
    for (size_t i = 0; i < sizeof label_starts / sizeof *label_starts; i++) {
        size_t k = strlen(label_starts[i]);
        if (k < fl && memcmp(folded, label_starts[i], k) == 0 && folded[k] == ' ')
            return false;
    }
    if (only_facets(folded, fl))
        return false;
    /* "page.head.author", "user_123": template keys and user ids. */
    if (!memchr(s, ' ', len) && (memchr(s, '_', len) || count_char(s, len, '.') > 1))
        return false;
    *name = s;
    *name_len = len;
    return true;
}

char *nc_author_clean(nc_arena *arena, const char *s, size_t len)
{
    const char *name;
    size_t n;
    return author_span(s, len, false, &name, &n) ? nc_arena_strndup(arena, name, n) : NULL;
}

char *nc_author_field(nc_arena *arena, const char *s, size_t len)
{
    const char *name;
    size_t n;
    if (!author_span(s, len, true, &name, &n) || !memchr(name, ' ', n))
        return NULL;
    for (size_t i = 0, words = 1; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        words += c == ' ';
        /* Letters, spaces, ".-'" only, and at most four words. */
        if (words > 4 || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
                           c == ' ' || c == '.' || c == '-' || c == '\''))
            return NULL;
    }
    return nc_arena_strndup(arena, name, n);
}

/* Where the names end: a separator, a date, an update word. */
static size_t names_end(const char *s, size_t len)
{
    static const char *const seps[] = {"|", " - ", "\xE2\x80\x94", "\xE2\x80\x93",
                                       "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x8B\x85", "\n",
                                       " on ", " am ", " le ", " el ", " il ", " op ",
                                       " em ", " in ", " at "};
    size_t end = len;
    /* "Jane Doe In Politics", "Jane DoeIn Travel" (glued by stripped
     * markup), "Jane Doe In" at the line's end: the section after it. */
    const char *space = memchr(s, ' ', len);
    for (size_t i = space ? (size_t)(space - s) + 2 : len; i + 2 <= end; i++)
        if (s[i] == 'I' && s[i + 1] == 'n' && (i + 2 == end || s[i + 2] == ' ') &&
            (s[i - 1] == ' ' || (s[i - 1] >= 'a' && s[i - 1] <= 'z'))) {
            end = i;
            break;
        }
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
        size_t n = strlen(seps[k]);
        for (size_t i = 0; i + n <= end; i++)
            if (memcmp(s + i, seps[k], n) == 0) {
                end = i;
                break;
            }
    }
    char folded[256];
    size_t fl = fold(s, end < 200 ? end : 200, folded, sizeof folded);
    for (size_t k = 0; k < sizeof update_words / sizeof *update_words; k++) {
        const char *hit = strstr(folded, update_words[k]);
        if (hit && (size_t)(hit - folded) < end && (size_t)(hit - folded) <= fl)
            end = (size_t)(hit - folded);
    }
    return end;
}

/* Splits "A, B and C" into names; each cleaned. Credentials after a
 * comma ("Jane Doe, MD") stay with the name before them. */
static void split_names(nc_arena *arena, const char *s, size_t len, nc_byline *out,
                         nc_status *st)
{
    static const char *const joins[] = {" and ", " & ", " und ", " et ", " y ", " e ",
                                        " en ", " i ", " и ", ", ", "; "};
    size_t start = 0;
    for (size_t i = 0; i <= len && out->nauthors < NC_BYLINE_MAX_AUTHORS; i++) {
        size_t n = 0;
        if (i < len)
            for (size_t k = 0; k < sizeof joins / sizeof *joins && !n; k++) {
                size_t jl = strlen(joins[k]);
                if (i + jl <= len && memcmp(s + i, joins[k], jl) == 0)
                    n = jl;
            }
        if (i < len && !n)
            continue;
        /* ", MD", ", Ph.D.": a short all-capitals or dotted part is a
         * credential of the name before it. */
        if (n == 2 && s[i] == ',') {
            size_t j = i + 2, caps = 0, lower = 0;
            while (j < len && s[j] != ',' && s[j] != ' ') {
                caps += s[j] >= 'A' && s[j] <= 'Z';
                lower += s[j] >= 'a' && s[j] <= 'z';
                j++;
            }
            if (caps && lower <= 1 && j - i - 2 <= 6)
                continue;
        }
        const char *name;
        size_t name_len;
        if (author_span(s + start, i - start, false, &name, &name_len)) {
            char *copy = nc_arena_strndup(arena, name, name_len);
            if (!copy)
                *st = NC_ERR_NOMEM;
            else
                out->author[out->nauthors++] = copy;
        } else if (!out->nauthors) {
            return; /* "By clicking ... Terms and Conditions": no byline */
        }
        i += n ? n - 1 : 0;
        start = i + 1;
        /* "A, B, and C": the serial comma's "and". */
        if (start + 4 <= len && memcmp(s + start, "and ", 4) == 0)
            start += 4, i += 4;
    }
}

/* The part of s[0..len) (the text before a date) that separators divide
 * off as the name ("109 Comments | Jane Doe | Last Updated:", "Jane
 * Doe\u2022Updated on"): the first that reads as one, in *s and the
 * length returned; the whole when none does. */
static size_t name_part_before(const char **s, size_t len)
{
    /* Not dashes: "Product Name \u2013 What It Does" is a heading. */
    static const char *const seps[] = {"|", "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x8B\x85"};
    for (const char *p = *s, *stop = *s + len; p < stop;) {
        size_t end = (size_t)(stop - p), sep = 0;
        for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
            size_t n = strlen(seps[k]);
            for (size_t i = 0; i + n <= end; i++)
                if (memcmp(p + i, seps[k], n) == 0) {
                    end = i, sep = n;
                    break;
                }
        }
        const char *name;
        size_t name_len;
        if (author_span(p, end, false, &name, &name_len) && nc_name_shape(name, name_len)) {
            *s = p;
            return end;
        }
        if (!sep)
            break;
        p += end + sep;
    }
    return len;
}

bool nc_byline_read(nc_arena *arena, const char *text, size_t len, const char *language,
                    const nc_date *ref, bool strict, nc_byline *out, nc_status *st)
{
    memset(out, 0, sizeof *out);
    *st = NC_OK;
    if (!text || len == 0 || len > 300)
        return false;
    size_t at = 0, end = 0;
    out->has_date = nc_date_find(text, len, language, ref, &out->date, &at, &end);
    if (out->has_date) {
        char folded[256];
        size_t n = fold(text, at < 200 ? at : 200, folded, sizeof folded);
        for (size_t k = 0; k < sizeof update_words / sizeof *update_words; k++)
            if (n && strstr(folded, update_words[k]))
                out->updated = true;
    }
    size_t op = opener_len(text, len), from = 0;
    /* "Published August 7, 2023 by Jane Doe": the opener after the date. */
    for (size_t i = out->has_date ? end : len; !op && i + 1 < len; i++)
        if (text[i] == ' ' && (op = opener_len(text + i + 1, len - i - 1)) != 0)
            from = i + 1;
    /* "A standfirst's sentence. By Jane Doe on Dec. 19, 2025": after a
     * sentence's end, a capital "By" and the names before the date. */
    for (size_t i = 2; !op && out->has_date && i + 3 < at; i++)
        if (text[i] == 'B' && text[i + 1] == 'y' && text[i + 2] == ' ' && text[i - 1] == ' ' &&
            text[i - 2] == '.' && (op = opener_len(text + i, len - i)) != 0)
            from = i;
    /* "Jane Doe October 14, 2025": a name alone before the date;
     * "Dec 19, 2025 Â· Jane Doe in Politics": after it. */
    if (strict && !op && out->has_date && ((at > 0 && at <= 60) || (at == 0 && end < len))) {
        const char *name = at ? text : text + end;
        size_t span = at ? at : len - end;
        if (at) {
            span = name_part_before(&name, span);
        } else {
            while (span && (*name == ' ' || *name == '|' || *name == '-'))
                name++, span--;
            if (span && *name == '/') /* "May 3, 2025/Health": a teaser's section */
                span = 0;
            /* A middle dot, bullet or dash (3 or 2 UTF-8 bytes) glued or spaced. */
            if (span >= 2 && ((unsigned char)name[0] == 0xC2 || (unsigned char)name[0] == 0xE2)) {
                size_t k = (unsigned char)name[0] == 0xC2 ? 2 : 3;
                name += k, span -= k;
            }
            span = names_end(name, span);
        }
        size_t name_len;
        if (author_span(name, span, false, &name, &name_len) && nc_name_shape(name, name_len) &&
            !memchr(name, '/', name_len)) {
            char *copy = nc_arena_strndup(arena, name, name_len);
            if (!copy)
                *st = NC_ERR_NOMEM;
            else
                out->author[out->nauthors++] = copy;
        }
        return true;
    }
    if (strict && !op)
        return out->has_date;
    const char *names = text + from + op;
    size_t names_len = names_end(names, len - from - op);
    if (out->has_date && text + at >= names && (size_t)(text + at - names) < names_len)
        names_len = (size_t)(text + at - names);
    /* "Jane Doe on Dec. 13, 2025" under its "By": the names, then the date. */
    bool dated = out->has_date && text + at >= names + names_len;
    if (op || names_len * 2 >= len || (!strict && dated))
        split_names(arena, names, names_len, out, st);
    return out->nauthors > 0 || out->has_date;
}
