/* charset.c - what the input is: HTML or text, and which charset bytes
 * that are not UTF-8 are in. */
#include <ctype.h>
#include <string.h>

#include <unicode/ucsdet.h>

#include "internal.h"

static bool ascii_prefix_ci(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    if (len < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[i]) != word[i])
            return false;
    return true;
}

nc_input_kind nc_input_detect_kind(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && isspace((unsigned char)s[i]))
        i++;
    const char *p = s + i;
    size_t left = len - i;
    static const char *const starts[] = {"<!doctype html", "<html", "<head",
                                         "<body", "<?xml", "<!--", "<meta",
                                         "<div", "<p>", "<p ", "<article",
                                         "<section", "<main", "<table", "<ul"};
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
        if (ascii_prefix_ci(p, left, starts[k]))
            return NC_INPUT_HTML;
    /* A tag-dense prefix: many "<letter" or "</" in the first 4 KB. */
    size_t n = left < 4096 ? left : 4096, tags = 0, lines = 1;
    for (size_t k = 0; k + 1 < n; k++) {
        if (p[k] == '\n')
            lines++;
        if (p[k] == '<' && (isalpha((unsigned char)p[k + 1]) || p[k + 1] == '/'))
            tags++;
    }
    return tags >= 8 && tags * 2 >= lines ? NC_INPUT_HTML : NC_INPUT_TEXT;
}

/* The value of charset= in the first 8 KB, copied to name (lowercase). */
static bool declared_charset(const char *s, size_t len, char *name, size_t cap)
{
    size_t n = len < 8192 ? len : 8192;
    for (size_t i = 0; i + 8 < n; i++) {
        if (!ascii_prefix_ci(s + i, n - i, "charset") &&
            !ascii_prefix_ci(s + i, n - i, "encoding"))
            continue;
        size_t j = i + (tolower((unsigned char)s[i]) == 'c' ? 7 : 8);
        while (j < n && s[j] == ' ')
            j++;
        if (j >= n || s[j] != '=')
            continue;
        j++;
        while (j < n && (s[j] == ' ' || s[j] == '"' || s[j] == '\''))
            j++;
        size_t k = 0;
        while (j < n && k + 1 < cap &&
               (isalnum((unsigned char)s[j]) || strchr("-_.:", s[j])))
            name[k++] = (char)tolower((unsigned char)s[j++]);
        name[k] = '\0';
        if (k > 0)
            return true;
    }
    return false;
}

const char *nc_input_sniff_charset(const char *s, size_t len)
{
    /* Names browsers read differently from their IANA meaning. */
    static const struct { const char *declared, *use; } known[] = {
        {"iso-8859-1", "windows-1252"}, {"latin1", "windows-1252"},
        {"us-ascii", "windows-1252"}, {"ascii", "windows-1252"},
        {"windows-1252", "windows-1252"}, {"windows-1251", "windows-1251"},
        {"windows-1250", "windows-1250"}, {"cp1251", "windows-1251"},
        {"koi8-r", "koi8-r"}, {"koi8-u", "koi8-u"}, {"iso-8859-2", "iso-8859-2"},
        {"iso-8859-5", "iso-8859-5"}, {"iso-8859-15", "iso-8859-15"},
        {"shift_jis", "shift_jis"}, {"shift-jis", "shift_jis"},
        {"sjis", "shift_jis"}, {"euc-jp", "euc-jp"}, {"gb2312", "gb18030"},
        {"gbk", "gb18030"}, {"gb18030", "gb18030"}, {"big5", "big5"},
        {"euc-kr", "euc-kr"}, {"iso-8859-7", "iso-8859-7"},
        {"iso-8859-9", "iso-8859-9"}, {"windows-1253", "windows-1253"},
        {"windows-1254", "windows-1254"}, {"windows-1256", "windows-1256"},
        {"windows-1255", "windows-1255"}, {"iso-8859-6", "iso-8859-6"},
        {"iso-8859-8", "iso-8859-8"}, {"windows-874", "windows-874"},
        {"tis-620", "windows-874"}};
    char name[48];
    if (declared_charset(s, len, name, sizeof name)) {
        for (size_t k = 0; k < sizeof known / sizeof *known; k++)
            if (strcmp(name, known[k].declared) == 0)
                return known[k].use;
    }
    /* ICU's statistical detector on the first 64 KB. */
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&err);
    const char *found = NULL;
    if (U_SUCCESS(err)) {
        int32_t n = len < 65536 ? (int32_t)len : 65536;
        ucsdet_setText(det, s, n, &err);
        const UCharsetMatch *m = U_SUCCESS(err) ? ucsdet_detect(det, &err) : NULL;
        const char *icu = m && U_SUCCESS(err) ? ucsdet_getName(m, &err) : NULL;
        if (icu && U_SUCCESS(err)) {
            static const struct { const char *icu, *use; } map[] = {
                {"ISO-8859-1", "windows-1252"}, {"windows-1252", "windows-1252"},
                {"windows-1251", "windows-1251"}, {"KOI8-R", "koi8-r"},
                {"ISO-8859-2", "iso-8859-2"}, {"windows-1250", "windows-1250"},
                {"Shift_JIS", "shift_jis"}, {"EUC-JP", "euc-jp"},
                {"GB18030", "gb18030"}, {"Big5", "big5"}, {"EUC-KR", "euc-kr"},
                {"ISO-8859-5", "iso-8859-5"}, {"ISO-8859-7", "iso-8859-7"},
                {"windows-1253", "windows-1253"}, {"ISO-8859-9", "iso-8859-9"},
                {"windows-1254", "windows-1254"}, {"windows-1256", "windows-1256"},
                {"ISO-8859-6", "iso-8859-6"}, {"ISO-8859-8", "iso-8859-8"},
                {"windows-1255", "windows-1255"}, {"UTF-16LE", "utf-16le"},
                {"UTF-16BE", "utf-16be"}};
            for (size_t k = 0; k < sizeof map / sizeof *map; k++)
                if (strcmp(icu, map[k].icu) == 0) {
                    found = map[k].use;
                    break;
                }
        }
        ucsdet_close(det);
    }
    return found ? found : "windows-1252";
}
