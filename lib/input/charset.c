/* input/charset.c - what the input is: HTML or text, and which charset bytes
 * that are not UTF-8 are in (a <meta> or XML declaration, read the way
 * browsers read it, then ICU's statistical detector). */
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "internal.h"
#include "input/input.h"

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }
static bool is_alpha(char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* s[0..len) starts with word (lower-case ASCII), ignoring ASCII case. */
static bool prefix_ci(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    if (len < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower(s[i]) != word[i])
            return false;
    return true;
}

/* Offset of word in s[0..len), ignoring ASCII case; len when absent. */
static size_t find_ci(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i + n <= len; i++)
        if (lower(s[i]) == word[0] && prefix_ci(s + i, len - i, word))
            return i;
    return len;
}

/* ---- HTML or text ---- */

/* Common HTML element names: a '<' followed by one of these and then a
 * space, '>' or '/' is markup; "<john@example.com>" or "a <b" is not. */
static bool known_tag(const char *s, size_t len)
{
    static const char *const names[] = {
        "a", "abbr", "article", "aside", "b", "blockquote", "body", "br",
        "button", "center", "code", "dd", "div", "dl", "dt", "em", "figcaption",
        "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "header", "hr", "html", "i", "iframe", "img", "input", "label",
        "li", "link", "main", "meta", "nav", "noscript", "ol", "option", "p",
        "path", "pre", "script", "section", "select", "small", "span", "strong",
        "style", "sub", "sup", "svg", "table", "tbody", "td", "th", "thead",
        "time", "title", "tr", "u", "ul"};
    size_t n = 0;
    while (n < len && n < 12 && (is_alpha(s[n]) || (n && s[n] >= '0' && s[n] <= '9')))
        n++;
    if (n == 0 || n == len || !(is_space(s[n]) || s[n] == '>' || s[n] == '/'))
        return false;
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (strlen(names[k]) == n && prefix_ci(s, n, names[k]))
            return true;
    return false;
}

nc_input_kind nc_input_detect_kind(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && is_space(s[i]))
        i++;
    const char *p = s + i;
    size_t left = len - i;
    /* A page or a fragment that starts as markup. */
    static const char *const starts[] = {"<!doctype", "<html", "<head", "<body",
                                         "<?xml", "<!--", "<meta", "<div",
                                         "<p>", "<p ", "<article", "<section",
                                         "<main", "<table", "<ul", "<span",
                                         "<h1", "<h2", "<h3", "<script", "<style",
                                         "<link", "<title", "<header", "<nav"};
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
        if (prefix_ci(p, left, starts[k]))
            return NC_INPUT_HTML;
    size_t n = left < 4096 ? left : 4096;
    /* A page after a line or two of junk (a server warning, a header):
     * the start of a page within its first three lines. */
    size_t head = n < 1024 ? n : 1024;
    static const char *const page_starts[] = {"<!doctype html", "<html", "<body"};
    for (size_t k = 0; k < 3; k++) {
        size_t at = find_ci(p, head, page_starts[k]);
        size_t newlines = 0;
        for (size_t j = 0; j < at && j < head; j++)
            newlines += p[j] == '\n';
        if (at < head && newlines <= 3)
            return NC_INPUT_HTML;
    }
    /* Tag density: text that mentions a tag or two has many more lines
     * (or long lines) than tags, and most of its lines hold none; markup
     * has a tag every line or so. */
    size_t tags = 0, closing = 0, lines = 0, tag_lines = 0;
    bool line_has_tag = false, line_has_text = false;
    for (size_t k = 0; k < n; k++) {
        if (p[k] == '\n') {
            lines += line_has_text;
            tag_lines += line_has_tag;
            line_has_tag = line_has_text = false;
            continue;
        }
        if (!is_space(p[k]))
            line_has_text = true;
        if (p[k] != '<' || k + 2 >= n)
            continue;
        bool close = p[k + 1] == '/';
        if (known_tag(p + k + 1 + close, n - k - 1 - close)) {
            tags++;
            closing += close;
            line_has_tag = true;
        }
    }
    lines += line_has_text;
    tag_lines += line_has_tag;
    /* Lines of text are ~80 bytes: count long lines as several. */
    size_t text_lines = lines > n / 80 ? lines : n / 80;
    return tags >= 4 && closing >= 1 && tags * 3 >= text_lines &&
                   tag_lines * 2 >= lines
               ? NC_INPUT_HTML
               : NC_INPUT_TEXT;
}

/* ---- charsets ---- */

/* Copies the charset name at s (after "charset=" or "encoding="),
 * lower-cased, to name. */
static bool read_name(const char *s, size_t len, char *name, size_t cap)
{
    size_t j = 0;
    while (j < len && (is_space(s[j]) || s[j] == '"' || s[j] == '\''))
        j++;
    size_t k = 0;
    while (j < len && k + 1 < cap &&
           (is_alpha(s[j]) || (s[j] >= '0' && s[j] <= '9') || strchr("-_.:", s[j])))
        name[k++] = lower(s[j++]);
    name[k] = '\0';
    return k > 0;
}

/* "charset" then '=' somewhere in s[0..len) (inside one tag). */
static bool charset_in_tag(const char *s, size_t len, char *name, size_t cap)
{
    for (size_t at = find_ci(s, len, "charset"); at < len;) {
        size_t j = at + 7;
        while (j < len && is_space(s[j]))
            j++;
        if (j < len && s[j] == '=')
            return read_name(s + j + 1, len - j - 1, name, cap);
        size_t next = find_ci(s + at + 7, len - at - 7, "charset");
        at = at + 7 + next;
    }
    return false;
}

/* The declared charset in the first 8 KB, as html2text.py and browsers
 * find it: the first <meta> with charset= (<meta charset> or http-equiv's
 * content="text/html; charset=..."), else the XML declaration. Only
 * inside those tags: "charset" in a script or in text is no declaration. */
static bool declared_charset(const char *s, size_t len, char *name, size_t cap)
{
    size_t n = len < 8192 ? len : 8192;
    for (size_t at = find_ci(s, n, "<meta"); at < n;) {
        const char *tag = s + at;
        const char *end = memchr(tag, '>', n - at);
        size_t tlen = end ? (size_t)(end - tag) : n - at;
        if (charset_in_tag(tag, tlen, name, cap))
            return true;
        size_t skip = at + 5;
        at = skip + find_ci(s + skip, n - skip, "<meta");
    }
    size_t x = find_ci(s, n, "<?xml");
    if (x < n) {
        const char *end = memchr(s + x, '>', n - x);
        size_t tlen = end ? (size_t)(end - (s + x)) : n - x;
        size_t e = find_ci(s + x, tlen, "encoding");
        if (e < tlen) {
            size_t j = e + 8;
            while (j < tlen && is_space(s[x + j]))
                j++;
            if (j < tlen && s[x + j] == '=')
                return read_name(s + x + j + 1, tlen - j - 1, name, cap);
        }
    }
    return false;
}

/* Declared names and what to decode with: the WHATWG Encoding Standard's
 * choices where a label means a superset (latin1 -> windows-1252, euc-kr
 * -> windows-949, gb2312 -> gb18030), and UTF-16 labels on a page that
 * is not UTF-16 (that was checked first) mean UTF-8. */
static const struct { const char *declared, *use; } known[] = {
    {"utf-8", "utf-8"}, {"utf8", "utf-8"}, {"unicode-1-1-utf-8", "utf-8"},
    {"utf-16", "utf-8"}, {"utf-16le", "utf-8"}, {"utf-16be", "utf-8"},
    {"unicode", "utf-8"},
    {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"},
    {"iso_8859-1", "windows-1252"}, {"latin1", "windows-1252"},
    {"latin-1", "windows-1252"}, {"l1", "windows-1252"}, {"cp819", "windows-1252"},
    {"us-ascii", "windows-1252"}, {"ascii", "windows-1252"},
    {"windows-1252", "windows-1252"}, {"cp1252", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"windows-1250", "windows-1250"}, {"cp1250", "windows-1250"},
    {"windows-1251", "windows-1251"}, {"cp1251", "windows-1251"},
    {"x-cp1251", "windows-1251"}, {"windows-1253", "windows-1253"},
    {"windows-1254", "windows-1254"}, {"iso-8859-9", "windows-1254"},
    {"latin5", "windows-1254"}, {"windows-1255", "windows-1255"},
    {"windows-1256", "windows-1256"}, {"windows-1257", "windows-1257"},
    {"windows-1258", "windows-1258"}, {"windows-874", "windows-874"},
    {"tis-620", "windows-874"}, {"iso-8859-11", "windows-874"},
    {"koi8-r", "koi8-r"}, {"koi8r", "koi8-r"}, {"koi8", "koi8-r"},
    {"koi8-u", "koi8-u"}, {"koi8-ru", "koi8-u"},
    {"iso-8859-2", "iso-8859-2"}, {"latin2", "iso-8859-2"},
    {"iso-8859-3", "iso-8859-3"}, {"iso-8859-4", "iso-8859-4"},
    {"iso-8859-5", "iso-8859-5"}, {"iso-8859-6", "iso-8859-6"},
    {"iso-8859-7", "iso-8859-7"}, {"greek", "iso-8859-7"},
    {"iso-8859-8", "iso-8859-8"}, {"iso-8859-8-i", "iso-8859-8"},
    {"iso-8859-10", "iso-8859-10"}, {"iso-8859-13", "iso-8859-13"},
    {"iso-8859-14", "iso-8859-14"}, {"iso-8859-15", "iso-8859-15"},
    {"latin9", "iso-8859-15"}, {"iso-8859-16", "iso-8859-16"},
    {"shift_jis", "shift_jis"}, {"shift-jis", "shift_jis"}, {"sjis", "shift_jis"},
    {"x-sjis", "shift_jis"}, {"ms_kanji", "shift_jis"}, {"windows-31j", "shift_jis"},
    {"cp932", "shift_jis"}, {"csshiftjis", "shift_jis"},
    {"euc-jp", "euc-jp"}, {"x-euc-jp", "euc-jp"}, {"eucjp", "euc-jp"},
    {"gb2312", "gb18030"}, {"gbk", "gb18030"}, {"x-gbk", "gb18030"},
    {"gb18030", "gb18030"}, {"cp936", "gb18030"}, {"windows-936", "gb18030"},
    {"gb_2312-80", "gb18030"}, {"chinese", "gb18030"}, {"csgb2312", "gb18030"},
    {"big5", "big5"}, {"big5-hkscs", "big5-hkscs"}, {"x-x-big5", "big5"},
    {"cn-big5", "big5"}, {"cp950", "big5"},
    {"euc-kr", "windows-949"}, {"ks_c_5601-1987", "windows-949"},
    {"windows-949", "windows-949"}, {"cp949", "windows-949"},
    {"korean", "windows-949"}, {"csksc56011987", "windows-949"},
    {"macintosh", "macintosh"}, {"x-mac-roman", "macintosh"},
    {"x-mac-cyrillic", "x-mac-cyrillic"}};

static const char *known_name(const char *name)
{
    for (size_t k = 0; k < sizeof known / sizeof *known; k++)
        if (strcmp(name, known[k].declared) == 0)
            return known[k].use;
    /* A name ICU knows: its standard name (a string in ICU's own static
     * alias table, so it outlives the call). */
    UErrorCode err = U_ZERO_ERROR;
    const char *std = ucnv_getStandardName(name, "IANA", &err);
    if (!std || U_FAILURE(err)) {
        err = U_ZERO_ERROR;
        std = ucnv_getStandardName(name, "WINDOWS", &err);
    }
    if (!std || U_FAILURE(err))
        return NULL;
    UConverter *cnv = ucnv_open(std, &err);
    if (!cnv || U_FAILURE(err))
        return NULL;
    ucnv_close(cnv);
    return std;
}

/* ICU's detector, its markup filter on (tags are ASCII and say nothing
 * about the charset). NULL when unsure or unmapped. */
static const char *detect(const char *s, size_t len)
{
    static const struct { const char *icu, *use; } map[] = {
        {"UTF-8", "utf-8"}, {"ISO-8859-1", "windows-1252"},
        {"windows-1252", "windows-1252"}, {"windows-1251", "windows-1251"},
        {"KOI8-R", "koi8-r"}, {"ISO-8859-2", "iso-8859-2"},
        {"windows-1250", "windows-1250"}, {"Shift_JIS", "shift_jis"},
        {"EUC-JP", "euc-jp"}, {"GB18030", "gb18030"}, {"Big5", "big5"},
        {"EUC-KR", "windows-949"}, {"ISO-8859-5", "iso-8859-5"},
        {"ISO-8859-7", "iso-8859-7"}, {"windows-1253", "windows-1253"},
        {"ISO-8859-9", "windows-1254"}, {"windows-1254", "windows-1254"},
        {"windows-1256", "windows-1256"}, {"ISO-8859-6", "iso-8859-6"},
        {"ISO-8859-8", "iso-8859-8"}, {"ISO-8859-8-I", "iso-8859-8"},
        {"windows-1255", "windows-1255"}};
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&err);
    if (U_FAILURE(err))
        return NULL;
    const char *found = NULL;
    int32_t n = len < 65536 ? (int32_t)len : 65536;
    ucsdet_enableInputFilter(det, true);
    ucsdet_setText(det, s, n, &err);
    const UCharsetMatch *m = U_SUCCESS(err) ? ucsdet_detect(det, &err) : NULL;
    const char *icu = m && U_SUCCESS(err) ? ucsdet_getName(m, &err) : NULL;
    int32_t confidence = m && U_SUCCESS(err) ? ucsdet_getConfidence(m, &err) : 0;
    if (icu && U_SUCCESS(err) && confidence >= 10) {
        for (size_t k = 0; k < sizeof map / sizeof *map; k++)
            if (strcmp(icu, map[k].icu) == 0) {
                found = map[k].use;
                break;
            }
    }
    ucsdet_close(det);
    return found;
}

const char *nc_input_sniff_charset(const char *s, size_t len)
{
    char name[48];
    if (declared_charset(s, len, name, sizeof name)) {
        const char *use = known_name(name);
        if (use)
            return use;
    }
    const char *found = detect(s, len);
    /* Browsers' default for Western pages; it also decodes every byte. */
    return found ? found : "windows-1252";
}
