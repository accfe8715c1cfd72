/* input/labels.c - the WHATWG Encoding Standard's labels and the encodings
 * they name (https://encoding.spec.whatwg.org/#names-and-labels), the only
 * names a page may declare: a browser ignores every other (utf-7, utf-32,
 * ebcdic code pages), and so does newsclean. */
#include <string.h>

#include "internal.h"
#include "input/input.h"

/* The encodings, by the name nc_result_encoding reports; every one but
 * "replacement" and "x-user-defined" is also a name ICU opens. Where the
 * standard decodes a label with a superset, the superset is named (EUC-KR
 * is windows-949, GBK is gb18030) or, for iso-8859-8-i, the same table
 * (text order makes no difference to the bytes). */
enum {
    E_UTF8, E_IBM866, E_8859_2, E_8859_3, E_8859_4, E_8859_5, E_8859_6,
    E_8859_7, E_8859_8, E_8859_10, E_8859_13, E_8859_14, E_8859_15,
    E_8859_16, E_KOI8_R, E_KOI8_U, E_MAC, E_874, E_1250, E_1251, E_1252,
    E_1253, E_1254, E_1255, E_1256, E_1257, E_1258, E_MAC_CYR, E_GB18030,
    E_BIG5, E_EUC_JP, E_2022_JP, E_SJIS, E_EUC_KR, E_REPLACEMENT, E_UTF16BE,
    E_UTF16LE, E_USER, E_COUNT
};

static const char *const encodings[E_COUNT] = {
    "utf-8", "ibm866", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5",
    "iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-10", "iso-8859-13",
    "iso-8859-14", "iso-8859-15", "iso-8859-16", "koi8-r", "koi8-u",
    "macintosh", "windows-874", "windows-1250", "windows-1251", "windows-1252",
    "windows-1253", "windows-1254", "windows-1255", "windows-1256",
    "windows-1257", "windows-1258", "x-mac-cyrillic", "gb18030", "big5",
    "euc-jp", "iso-2022-jp", "shift_jis", "windows-949", "replacement",
    "utf-16be", "utf-16le", "x-user-defined"};

static const struct { const char *label; unsigned char encoding; } labels[] = {
    {"unicode-1-1-utf-8", E_UTF8}, {"unicode11utf8", E_UTF8},
    {"unicode20utf8", E_UTF8}, {"utf-8", E_UTF8}, {"utf8", E_UTF8},
    {"x-unicode20utf8", E_UTF8},
    {"866", E_IBM866}, {"cp866", E_IBM866}, {"csibm866", E_IBM866},
    {"ibm866", E_IBM866},
    {"csisolatin2", E_8859_2}, {"iso-8859-2", E_8859_2}, {"iso-ir-101", E_8859_2},
    {"iso8859-2", E_8859_2}, {"iso88592", E_8859_2}, {"iso_8859-2", E_8859_2},
    {"iso_8859-2:1987", E_8859_2}, {"l2", E_8859_2}, {"latin2", E_8859_2},
    {"csisolatin3", E_8859_3}, {"iso-8859-3", E_8859_3}, {"iso-ir-109", E_8859_3},
    {"iso8859-3", E_8859_3}, {"iso88593", E_8859_3}, {"iso_8859-3", E_8859_3},
    {"iso_8859-3:1988", E_8859_3}, {"l3", E_8859_3}, {"latin3", E_8859_3},
    {"csisolatin4", E_8859_4}, {"iso-8859-4", E_8859_4}, {"iso-ir-110", E_8859_4},
    {"iso8859-4", E_8859_4}, {"iso88594", E_8859_4}, {"iso_8859-4", E_8859_4},
    {"iso_8859-4:1988", E_8859_4}, {"l4", E_8859_4}, {"latin4", E_8859_4},
    {"csisolatincyrillic", E_8859_5}, {"cyrillic", E_8859_5},
    {"iso-8859-5", E_8859_5}, {"iso-ir-144", E_8859_5}, {"iso8859-5", E_8859_5},
    {"iso88595", E_8859_5}, {"iso_8859-5", E_8859_5}, {"iso_8859-5:1988", E_8859_5},
    {"arabic", E_8859_6}, {"asmo-708", E_8859_6}, {"csiso88596e", E_8859_6},
    {"csiso88596i", E_8859_6}, {"csisolatinarabic", E_8859_6}, {"ecma-114", E_8859_6},
    {"iso-8859-6", E_8859_6}, {"iso-8859-6-e", E_8859_6}, {"iso-8859-6-i", E_8859_6},
    {"iso-ir-127", E_8859_6}, {"iso8859-6", E_8859_6}, {"iso88596", E_8859_6},
    {"iso_8859-6", E_8859_6}, {"iso_8859-6:1987", E_8859_6},
    {"csisolatingreek", E_8859_7}, {"ecma-118", E_8859_7}, {"elot_928", E_8859_7},
    {"greek", E_8859_7}, {"greek8", E_8859_7}, {"iso-8859-7", E_8859_7},
    {"iso-ir-126", E_8859_7}, {"iso8859-7", E_8859_7}, {"iso88597", E_8859_7},
    {"iso_8859-7", E_8859_7}, {"iso_8859-7:1987", E_8859_7}, {"sun_eu_greek", E_8859_7},
    {"csiso88598e", E_8859_8}, {"csisolatinhebrew", E_8859_8}, {"hebrew", E_8859_8},
    {"iso-8859-8", E_8859_8}, {"iso-8859-8-e", E_8859_8}, {"iso-ir-138", E_8859_8},
    {"iso8859-8", E_8859_8}, {"iso88598", E_8859_8}, {"iso_8859-8", E_8859_8},
    {"iso_8859-8:1988", E_8859_8}, {"visual", E_8859_8},
    {"csiso88598i", E_8859_8}, {"iso-8859-8-i", E_8859_8}, {"logical", E_8859_8},
    {"csisolatin6", E_8859_10}, {"iso-8859-10", E_8859_10}, {"iso-ir-157", E_8859_10},
    {"iso8859-10", E_8859_10}, {"iso885910", E_8859_10}, {"l6", E_8859_10},
    {"latin6", E_8859_10},
    {"iso-8859-13", E_8859_13}, {"iso8859-13", E_8859_13}, {"iso885913", E_8859_13},
    {"iso-8859-14", E_8859_14}, {"iso8859-14", E_8859_14}, {"iso885914", E_8859_14},
    {"csisolatin9", E_8859_15}, {"iso-8859-15", E_8859_15}, {"iso8859-15", E_8859_15},
    {"iso885915", E_8859_15}, {"iso_8859-15", E_8859_15}, {"l9", E_8859_15},
    {"iso-8859-16", E_8859_16},
    {"cskoi8r", E_KOI8_R}, {"koi", E_KOI8_R}, {"koi8", E_KOI8_R},
    {"koi8-r", E_KOI8_R}, {"koi8_r", E_KOI8_R},
    {"koi8-ru", E_KOI8_U}, {"koi8-u", E_KOI8_U},
    {"csmacintosh", E_MAC}, {"mac", E_MAC}, {"macintosh", E_MAC}, {"x-mac-roman", E_MAC},
    {"dos-874", E_874}, {"iso-8859-11", E_874}, {"iso8859-11", E_874},
    {"iso885911", E_874}, {"tis-620", E_874}, {"windows-874", E_874},
    {"cp1250", E_1250}, {"windows-1250", E_1250}, {"x-cp1250", E_1250},
    {"cp1251", E_1251}, {"windows-1251", E_1251}, {"x-cp1251", E_1251},
    {"ansi_x3.4-1968", E_1252}, {"ascii", E_1252}, {"cp1252", E_1252},
    {"cp819", E_1252}, {"csisolatin1", E_1252}, {"ibm819", E_1252},
    {"iso-8859-1", E_1252}, {"iso-ir-100", E_1252}, {"iso8859-1", E_1252},
    {"iso88591", E_1252}, {"iso_8859-1", E_1252}, {"iso_8859-1:1987", E_1252},
    {"l1", E_1252}, {"latin1", E_1252}, {"us-ascii", E_1252},
    {"windows-1252", E_1252}, {"x-cp1252", E_1252},
    {"cp1253", E_1253}, {"windows-1253", E_1253}, {"x-cp1253", E_1253},
    {"cp1254", E_1254}, {"csisolatin5", E_1254}, {"iso-8859-9", E_1254},
    {"iso-ir-148", E_1254}, {"iso8859-9", E_1254}, {"iso88599", E_1254},
    {"iso_8859-9", E_1254}, {"iso_8859-9:1989", E_1254}, {"l5", E_1254},
    {"latin5", E_1254}, {"windows-1254", E_1254}, {"x-cp1254", E_1254},
    {"cp1255", E_1255}, {"windows-1255", E_1255}, {"x-cp1255", E_1255},
    {"cp1256", E_1256}, {"windows-1256", E_1256}, {"x-cp1256", E_1256},
    {"cp1257", E_1257}, {"windows-1257", E_1257}, {"x-cp1257", E_1257},
    {"cp1258", E_1258}, {"windows-1258", E_1258}, {"x-cp1258", E_1258},
    {"x-mac-cyrillic", E_MAC_CYR}, {"x-mac-ukrainian", E_MAC_CYR},
    {"chinese", E_GB18030}, {"csgb2312", E_GB18030}, {"csiso58gb231280", E_GB18030},
    {"gb2312", E_GB18030}, {"gb_2312", E_GB18030}, {"gb_2312-80", E_GB18030},
    {"gbk", E_GB18030}, {"iso-ir-58", E_GB18030}, {"x-gbk", E_GB18030},
    {"gb18030", E_GB18030},
    {"big5", E_BIG5}, {"big5-hkscs", E_BIG5}, {"cn-big5", E_BIG5},
    {"csbig5", E_BIG5}, {"x-x-big5", E_BIG5},
    {"cseucpkdfmtjapanese", E_EUC_JP}, {"euc-jp", E_EUC_JP}, {"x-euc-jp", E_EUC_JP},
    {"csiso2022jp", E_2022_JP}, {"iso-2022-jp", E_2022_JP},
    {"csshiftjis", E_SJIS}, {"ms932", E_SJIS}, {"ms_kanji", E_SJIS},
    {"shift-jis", E_SJIS}, {"shift_jis", E_SJIS}, {"sjis", E_SJIS},
    {"windows-31j", E_SJIS}, {"x-sjis", E_SJIS},
    {"cseuckr", E_EUC_KR}, {"csksc56011987", E_EUC_KR}, {"euc-kr", E_EUC_KR},
    {"iso-ir-149", E_EUC_KR}, {"korean", E_EUC_KR}, {"ks_c_5601-1987", E_EUC_KR},
    {"ks_c_5601-1989", E_EUC_KR}, {"ksc5601", E_EUC_KR}, {"ksc_5601", E_EUC_KR},
    {"windows-949", E_EUC_KR},
    {"csiso2022kr", E_REPLACEMENT}, {"hz-gb-2312", E_REPLACEMENT},
    {"iso-2022-cn", E_REPLACEMENT}, {"iso-2022-cn-ext", E_REPLACEMENT},
    {"iso-2022-kr", E_REPLACEMENT}, {"replacement", E_REPLACEMENT},
    {"unicodefffe", E_UTF16BE}, {"utf-16be", E_UTF16BE},
    {"csunicode", E_UTF16LE}, {"iso-10646-ucs-2", E_UTF16LE}, {"ucs-2", E_UTF16LE},
    {"unicode", E_UTF16LE}, {"unicodefeff", E_UTF16LE}, {"utf-16", E_UTF16LE},
    {"utf-16le", E_UTF16LE},
    {"x-user-defined", E_USER}};

const char *nc_input_label_encoding(const char *label)
{
    char name[32];
    size_t n = 0;
    while (*label == ' ' || *label == '\t' || *label == '\n' || *label == '\r' ||
           *label == '\f')
        label++;
    for (; *label && n + 1 < sizeof name; label++)
        name[n++] = *label >= 'A' && *label <= 'Z' ? (char)(*label + 32) : *label;
    if (*label)
        return NULL; /* longer than any label */
    while (n && (name[n - 1] == ' ' || name[n - 1] == '\t' || name[n - 1] == '\n' ||
                 name[n - 1] == '\r' || name[n - 1] == '\f'))
        n--;
    name[n] = '\0';
    for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
        if (strcmp(name, labels[k].label) == 0)
            return encodings[labels[k].encoding];
    return NULL;
}

size_t nc_input_encoding_count(void) { return E_COUNT; }

const char *nc_input_encoding_at(size_t i) { return i < E_COUNT ? encodings[i] : NULL; }
