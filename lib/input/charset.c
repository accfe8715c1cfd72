/* input/charset.c - what the input is: HTML or text, and which charset bytes
 * that are not UTF-8 are in: a <meta> or XML declaration with one of the
 * WHATWG Encoding Standard's labels, read the way browsers read it, else
 * ICU's statistical detector on the text the page shows. */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "internal.h"
#include "input/input.h"

static bool is_alpha(char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Offset of word in s[0..len), ignoring ASCII case; len when absent. */
static size_t find_ci(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i + n <= len; i++)
        if (nc_ascii_lower(s[i]) == word[0] && nc_ascii_prefix_ci(s + i, len - i, word))
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
        if (strlen(names[k]) == n && nc_ascii_prefix_ci(s, n, names[k]))
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
        if (nc_ascii_prefix_ci(p, left, starts[k]))
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
        name[k++] = nc_ascii_lower(s[j++]);
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

/* What a declared label means when the page is read by its declaration,
 * the way the HTML standard's prescan takes it: a page whose bytes are not
 * UTF-16 (that was checked first) but say utf-16 is UTF-8, x-user-defined
 * is windows-1252, and the labels that mean "replacement" (iso-2022-kr,
 * hz-gb-2312: decoded by browsers as one U+FFFD) are no declaration. */
static const char *declared_use(const char *label)
{
    const char *use = nc_input_label_encoding(label);
    /* ICU (72) has no iso-8859-16 table: left to the detector. */
    if (!use || strcmp(use, "replacement") == 0 || strcmp(use, "iso-8859-16") == 0)
        return NULL;
    if (strcmp(use, "utf-16le") == 0 || strcmp(use, "utf-16be") == 0)
        return "utf-8";
    if (strcmp(use, "x-user-defined") == 0)
        return "windows-1252";
    return use;
}

const char *nc_input_declared_charset(const char *s, size_t len)
{
    char name[48];
    return declared_charset(s, len, name, sizeof name) ? declared_use(name) : NULL;
}

/* ---- guessing from the text ---- */

/* Offset just past the element that opens at s[0] ("<script" or "<style"
 * then a space, '>' or '/') up to its end tag, or past any other tag or
 * comment; 0 when s[0..len) opens none (a '<' in text). */
static size_t skip_markup(const char *s, size_t len)
{
    if (len >= 4 && memcmp(s, "<!--", 4) == 0) {
        for (size_t i = 4; i + 2 < len; i++)
            if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>')
                return i + 3;
        return len;
    }
    static const char *const raw[] = {"script", "style"};
    for (size_t k = 0; k < 2; k++) {
        size_t n = strlen(raw[k]);
        if (len > n + 1 && nc_ascii_prefix_ci(s + 1, len - 1, raw[k]) &&
            (is_space(s[n + 1]) || s[n + 1] == '>' || s[n + 1] == '/')) {
            char end[16] = "</";
            memcpy(end + 2, raw[k], n + 1);
            size_t at = find_ci(s + n + 1, len - n - 1, end);
            return n + 1 + at; /* the end tag is skipped as a tag */
        }
    }
    if (len < 2 || !(is_alpha(s[1]) || s[1] == '/' || s[1] == '!' || s[1] == '?'))
        return 0;
    const char *end = memchr(s, '>', len);
    return end ? (size_t)(end - s) + 1 : len;
}

/* The text a reader of the page sees, tags, comments, scripts and styles
 * left out, into out[0..cap): the bytes that tell one charset from
 * another. A page's scripts are often most of its bytes and all ASCII, and
 * ICU's detector, given the raw page, judges those. Returns the length and
 * the count of bytes above 0x7F in *high. */
static size_t visible_sample(const char *s, size_t len, char *out, size_t cap,
                             size_t *high)
{
    size_t o = 0;
    *high = 0;
    for (size_t i = 0; i < len && o < cap;) {
        if (s[i] == '<') {
            size_t skip = skip_markup(s + i, len - i);
            if (skip) {
                i += skip;
                if (o && out[o - 1] != ' ')
                    out[o++] = ' ';
                continue;
            }
        }
        *high += (unsigned char)s[i] >= 0x80;
        out[o++] = s[i++];
    }
    return o;
}

/* ICU's names for what its detector finds, and the encoding to decode
 * with (the WHATWG one: ISO-8859-1 text is read as windows-1252). */
static const char *detected_use(const char *icu)
{
    static const struct { const char *icu, *use; } map[] = {
        {"UTF-8", "utf-8"}, {"ISO-8859-1", "windows-1252"},
        {"windows-1252", "windows-1252"}, {"windows-1251", "windows-1251"},
        {"KOI8-R", "koi8-r"}, {"ISO-8859-2", "iso-8859-2"},
        {"windows-1250", "windows-1250"}, {"Shift_JIS", "shift_jis"},
        {"ISO-2022-JP", "iso-2022-jp"},
        {"EUC-JP", "euc-jp"}, {"GB18030", "gb18030"}, {"Big5", "big5"},
        {"EUC-KR", "windows-949"}, {"ISO-8859-5", "iso-8859-5"},
        {"ISO-8859-7", "iso-8859-7"}, {"windows-1253", "windows-1253"},
        {"ISO-8859-9", "windows-1254"}, {"windows-1254", "windows-1254"},
        {"windows-1256", "windows-1256"}, {"ISO-8859-6", "iso-8859-6"},
        {"ISO-8859-8", "iso-8859-8"}, {"ISO-8859-8-I", "iso-8859-8"},
        {"windows-1255", "windows-1255"}};
    for (size_t k = 0; k < sizeof map / sizeof *map; k++)
        if (strcmp(icu, map[k].icu) == 0)
            return map[k].use;
    return NULL;
}

/* True when charset has a character for (almost) every byte sequence of
 * s[0..len): at most one in 100 of its high bytes unmapped (a stray 0x81
 * in windows-1252). A guess whose table leaves the bytes unmapped (KOI8-R
 * text read as ISO-8859-8, whose letters are all in 0xE0..0xFA) is no
 * guess. The end of s may cut a character: that is not counted. */
static bool maps_bytes(const char *charset, const char *s, size_t len, size_t high)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &err);
    nc_unmapped unmapped = {0, false};
    if (U_SUCCESS(err))
        ucnv_setToUCallBack(cnv, nc_input_count_unmapped, &unmapped, NULL, NULL, &err);
    UChar buf[2048];
    const char *src = s, *end = s + len;
    while (U_SUCCESS(err) && src < end) {
        UChar *target = buf;
        ucnv_toUnicode(cnv, &target, buf + 2048, &src, end, NULL, false, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR)
            err = U_ZERO_ERROR;
    }
    ucnv_close(cnv);
    return U_SUCCESS(err) && unmapped.count * 100 <= high;
}

/* Polish text in windows-1250 that ICU took for ISO-8859-2. ICU tells the
 * two apart by bytes 0x80..0x9F only (windows-1250's ś, ź, Ś, Ź, and the
 * Czech and Slovak š, ť, ž); a Polish text without ś or ź has none, and
 * its ą (0xB9 there) reads as ISO-8859-2's š. Polish has no š, Czech and
 * Slovak no ą: 0xB9 outnumbering ISO-8859-2's ą (0xB1) in a text whose
 * letters common to both charsets are Polish (ł, ż, ę, ń, the same bytes
 * in both) rather than Czech or Slovak (ř, ě, ů, ľ) is windows-1250. */
static bool polish_in_1250(const size_t count[256])
{
    size_t polish = count[0xB3] + count[0xBF] + count[0xEA] + count[0xF1];
    size_t czech = count[0xF8] + count[0xEC] + count[0xF9] + count[0xB5];
    return count[0xB9] > count[0xB1] && polish > czech;
}

/* The windows charset for text ICU took for ISO-8859-2, -7 or -8, when
 * it is one: ISO-8859 text has no bytes 0x80..0x9F (C1 controls, which no
 * page uses), the windows charsets that share the rest of those tables
 * have quotes, dashes (and windows-1250 letters) there. ICU does this
 * itself for some of its matches only. found otherwise. */
static const char *windows_superset(const char *found, const char *s, size_t len,
                                    size_t high)
{
    static const struct { const char *iso, *windows; } pairs[] = {
        {"iso-8859-2", "windows-1250"}, {"iso-8859-7", "windows-1253"},
        {"iso-8859-8", "windows-1255"}};
    size_t k = 0;
    while (k < 3 && strcmp(found, pairs[k].iso) != 0)
        k++;
    if (k == 3)
        return found;
    size_t count[256] = {0}, c1 = 0;
    for (size_t i = 0; i < len; i++)
        count[(unsigned char)s[i]]++;
    for (size_t b = 0x80; b < 0xA0; b++)
        c1 += count[b];
    bool windows = c1 > 0 || (k == 0 && polish_in_1250(count));
    return windows && maps_bytes(pairs[k].windows, s, len, high) ? pairs[k].windows
                                                                : found;
}

/* ICU's detector on s[0..len) (high: its bytes above 0x7F): its best
 * match that is a web encoding and maps the bytes, with ICU's confidence
 * (0..100) in *confidence; else its best web encoding at confidence 0;
 * NULL when it finds none. */
static const char *icu_detect(const char *s, size_t len, size_t high,
                              bool filter_markup, int32_t *confidence)
{
    UErrorCode err = U_ZERO_ERROR;
    *confidence = 0;
    UCharsetDetector *det = ucsdet_open(&err);
    if (U_FAILURE(err))
        return NULL;
    ucsdet_enableInputFilter(det, filter_markup);
    ucsdet_setText(det, s, len < INT32_MAX ? (int32_t)len : INT32_MAX, &err);
    int32_t n = 0;
    const UCharsetMatch **all = U_SUCCESS(err) ? ucsdet_detectAll(det, &n, &err) : NULL;
    const char *found = NULL, *first = NULL;
    /* Each try converts the sample: six bound the cost on bytes that no
     * charset fits (random ones), where ICU lists thirty. */
    int tries = 0;
    for (int32_t k = 0; all && U_SUCCESS(err) && k < n && !found && tries < 6; k++) {
        const char *icu = ucsdet_getName(all[k], &err);
        const char *use = icu && U_SUCCESS(err) ? detected_use(icu) : NULL;
        if (!use)
            continue;
        tries++;
        if (!first)
            first = use;
        if (maps_bytes(use, s, len, high)) {
            found = use;
            *confidence = ucsdet_getConfidence(all[k], &err);
        }
    }
    ucsdet_close(det);
    if (U_FAILURE(err))
        return NULL;
    return found ? windows_superset(found, s, len, high) : first;
}

/* Sample size: 64 KB of text is ample for the detector's statistics. */
#define SAMPLE_BYTES 65536
/* ICU's confidence where its statistics fit the text well (it rarely
 * gives more than 80 for a single-byte charset, however long the text). */
#define ICU_SURE 50
/* Bytes above 0x7F that make a guess worth its confidence: fewer and the
 * text is a word or two, on which any charset's statistics are noise. */
#define HIGH_SURE 64

const char *nc_input_detect_charset(const char *s, size_t len, double *confidence,
                                    bool *garbled_risk)
{
    int32_t icu_confidence = 0;
    const char *found = NULL;
    size_t high = 0, shown = len;
    char *sample = malloc(SAMPLE_BYTES);
    if (sample) {
        size_t n = visible_sample(s, len, sample, SAMPLE_BYTES, &high);
        shown = n;
        /* Too little shown text to judge (the non-ASCII bytes sit in
         * attributes or scripts): the page's start instead. */
        if (high >= 8)
            found = icu_detect(sample, n, high, false, &icu_confidence);
        free(sample);
    }
    if (!found) {
        size_t n = len < SAMPLE_BYTES ? len : SAMPLE_BYTES, raw_high = 0;
        for (size_t i = 0; i < n; i++)
            raw_high += (unsigned char)s[i] >= 0x80;
        found = icu_detect(s, n, raw_high, true, &icu_confidence);
    }
    double fit = icu_confidence >= ICU_SURE ? 1.0 : icu_confidence / (double)ICU_SURE;
    double evidence = high >= HIGH_SURE ? 1.0 : high / (double)HIGH_SURE;
    *confidence = found ? fit * evidence : 0.0;
    /* Unsure, and the bytes in doubt are 1% of the text or more: one
     * accented letter in a long English page is no garbled page. */
    *garbled_risk = *confidence < NC_CHARSET_SURE && high * 100 >= shown;
    /* Browsers' default for Western pages; it also decodes every byte. */
    return found ? found : "windows-1252";
}

const char *nc_input_sniff_charset(const char *s, size_t len, double *confidence,
                                   bool *garbled_risk)
{
    const char *declared = nc_input_declared_charset(s, len);
    if (declared) {
        *confidence = 1.0;
        *garbled_risk = false;
        return declared;
    }
    return nc_input_detect_charset(s, len, confidence, garbled_risk);
}
