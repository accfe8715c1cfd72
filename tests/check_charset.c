/* check_charset.c - input/charset.c: HTML-or-text detection, the declared
 * charset (<meta charset>, http-equiv, the XML declaration) and ICU's
 * detector, end to end on small pages in each legacy charset
 * (tests/data/enc/, made by make_pages.py there). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>

#include "internal.h"
#include "input/input.h"
#include "testutil.h"

#define ENC_DIR "tests/data/enc/"

/* Page name and the encoding the result must report. */
static const struct { const char *name, *encoding; } pages[] = {
    {"windows-1252", "windows-1252"},
    {"iso-8859-1-as-1252", "windows-1252"},
    {"windows-1251", "windows-1251"},
    {"koi8-r", "koi8-r"},
    {"iso-8859-2", "iso-8859-2"},
    {"iso-8859-7", "iso-8859-7"},
    {"shift_jis", "shift_jis"},
    {"euc-jp", "euc-jp"},
    {"gb2312", "gb18030"},
    {"gb18030", "gb18030"},
    {"big5", "big5"},
    {"euc-kr", "windows-949"},
    {"http-equiv-1251", "windows-1251"},
    {"xml-decl-koi8-r", "koi8-r"},
    {"nodecl-windows-1252", "windows-1252"},
    {"nodecl-windows-1251", "windows-1251"},
    {"nodecl-koi8-r", "koi8-r"},
    {"nodecl-shift_jis", "shift_jis"},
    {"nodecl-euc-jp", "euc-jp"},
    {"nodecl-gb18030", "gb18030"},
    {"nodecl-big5", "big5"},
    {"nodecl-euc-kr", "windows-949"},
    {"nodecl-windows-1250", "windows-1250"},
    {"nodecl-iso-8859-2", "iso-8859-2"},
};

static char *read_data(const char *name, const char *ext, size_t *len)
{
    char path[256];
    snprintf(path, sizeof path, ENC_DIR "%s%s", name, ext);
    char *data = tu_read_file(path, len);
    ck_assert_msg(data != NULL, "cannot read %s (run from the repository root)", path);
    return data;
}

START_TEST(test_legacy_pages)
{
    const char *name = pages[_i].name;
    size_t len = 0, plen = 0;
    char *html = read_data(name, ".html", &len);
    char *para = read_data(name, ".txt", &plen);
    while (plen && para[plen - 1] == '\n')
        para[--plen] = '\0';
    nc_result *r = tu_clean(html, len, NULL); /* auto: must be seen as HTML */
    tu_check_result(r);
    ck_assert_int_eq(nc_result_input_kind(r), NC_INPUT_HTML);
    ck_assert_msg(strcmp(nc_result_encoding(r), pages[_i].encoding) == 0,
                  "%s: read as %s, want %s", name, nc_result_encoding(r),
                  pages[_i].encoding);
    ck_assert_msg(tu_has_block(r, para), "%s: paragraph not found as one block", name);
    nc_result_free(r);
    free(html);
    free(para);
}
END_TEST

START_TEST(test_stale_declaration)
{
    /* Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page says. */
    const char *page = "<html><head><meta charset=\"windows-1251\"></head><body>"
                       "<p>\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 "
                       "caf\xC3\xA9</p></body></html>";
    nc_result *r = tu_clean(page, strlen(page), NULL);
    ck_assert_str_eq(nc_result_encoding(r), "utf-8");
    ck_assert(tu_has_block(r, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 caf\xC3\xA9"));
    nc_result_free(r);
}
END_TEST

START_TEST(test_declarations)
{
    static const struct { const char *bytes, *want; } cases[] = {
        {"<meta charset=koi8-r><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>", "koi8-r"},
        {"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html;charset=Shift_JIS\">"
         "<p>\x93\xfa\x96\x7b</p>", "shift_jis"},
        {"<?xml version=\"1.0\" encoding='EUC-JP'?><p>\xC6\xFC\xCB\xDC</p>", "euc-jp"},
        {"<meta charset=\"latin1\"><p>caf\xE9</p>", "windows-1252"},
        {"<meta charset=\"gbk\"><p>\xD6\xD0\xCE\xC4</p>", "gb18030"},
        {"<meta charset=\"ks_c_5601-1987\"><p>\xC7\xD1\xB1\xB9</p>", "windows-949"},
        {"<meta charset=\"utf-16\"><p>caf\xE9</p>", "utf-8"},
        {"<meta charset=\"UTF-16BE\"><p>caf\xE9</p>", "utf-8"},
        {"<meta charset=\"x-user-defined\"><p>caf\xE9</p>", "windows-1252"},
        {"<meta charset=\" IBM866 \"><p>\x8F\xE0\xA8\xA2\xA5\xE2</p>", "ibm866"},
        {"<meta charset=\"iso-2022-jp\"><p>x</p>", "iso-2022-jp"},
        /* A web label ICU has no table for: the detector instead. */
        {"<meta charset=\"iso-8859-16\"><p>caf\xE9</p>", "windows-1252"},
        /* "charset=" in a script is no declaration; the <meta> after is. */
        {"<script>var charset=\"utf-8\";</script><meta charset=\"windows-1251\">"
         "<p>\xCF\xF0\xE8\xE2\xE5\xF2</p>", "windows-1251"},
        /* An unknown name: the detector, then windows-1252. */
        {"<meta charset=\"no-such-charset\"><p>caf\xE9</p>", "windows-1252"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        double confidence = -1;
        bool garbled_risk = false;
        const char *got = nc_input_sniff_charset(cases[i].bytes, strlen(cases[i].bytes),
                                                 &confidence, &garbled_risk);
        ck_assert_msg(strcmp(got, cases[i].want) == 0, "case %zu: %s, want %s", i,
                      got, cases[i].want);
        ck_assert(confidence >= 0.0 && confidence <= 1.0);
    }
}
END_TEST

START_TEST(test_declared_utf8_repaired)
{
    /* Declared UTF-8 with one bad byte: repaired, not re-read as 1252. */
    const char *page = "<meta charset=\"utf-8\"><p>caf\xC3\xA9 na\xEFve \xC3\xBC"
                       "ber</p>";
    nc_result *r = tu_clean(page, strlen(page), NULL);
    ck_assert_str_eq(nc_result_encoding(r), "utf-8");
    ck_assert(tu_has_block(r, "caf\xC3\xA9 na\xEF\xBF\xBDve \xC3\xBC" "ber"));
    nc_result_free(r);
}
END_TEST


/* ---- WHATWG labels ---- */

START_TEST(test_whatwg_labels)
{
    /* Every encoding the table names opens in ICU (but the two the
     * standard defines by itself). */
    for (size_t i = 0; i < nc_input_encoding_count(); i++) {
        const char *name = nc_input_encoding_at(i);
        if (strcmp(name, "replacement") == 0 || strcmp(name, "x-user-defined") == 0 ||
            strcmp(name, "iso-8859-16") == 0)
            continue;
        UErrorCode err = U_ZERO_ERROR;
        UConverter *cnv = ucnv_open(name, &err);
        ck_assert_msg(U_SUCCESS(err), "ICU cannot open %s", name);
        ucnv_close(cnv);
    }
    ck_assert_ptr_null(nc_input_encoding_at(nc_input_encoding_count()));
    static const struct { const char *label, *want; } known[] = {
        {"utf-8", "utf-8"}, {"UNICODE-1-1-UTF-8", "utf-8"}, {" latin1\t", "windows-1252"},
        {"us-ascii", "windows-1252"}, {"iso-8859-9", "windows-1254"},
        {"tis-620", "windows-874"}, {"gbk", "gb18030"}, {"euc-kr", "windows-949"},
        {"x-sjis", "shift_jis"}, {"csiso2022jp", "iso-2022-jp"},
        {"koi8-ru", "koi8-u"}, {"logical", "iso-8859-8"}, {"utf-16", "utf-16le"},
        {"unicodefffe", "utf-16be"}, {"iso-2022-kr", "replacement"},
        {"hz-gb-2312", "replacement"}, {"x-user-defined", "x-user-defined"}};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++) {
        const char *got = nc_input_label_encoding(known[i].label);
        ck_assert_msg(got && strcmp(got, known[i].want) == 0, "%s: %s, want %s",
                      known[i].label, got ? got : "NULL", known[i].want);
    }
    /* Not web labels, though ICU knows most of them. */
    static const char *const other[] = {"utf-7", "utf-32", "utf-32le", "ucs-4",
                                        "ibm037", "cp932", "latin-1", "scsu",
                                        "bocu-1", "", "utf-8-but-much-longer-than-any-label"};
    for (size_t i = 0; i < sizeof other / sizeof *other; i++)
        ck_assert_msg(nc_input_label_encoding(other[i]) == NULL, "%s is no label", other[i]);
}
END_TEST

START_TEST(test_non_web_declarations_ignored)
{
    /* UTF-7 bytes are ASCII: read as such, "+BB8EQAQ4BDIENQRC-" stays. */
    const char *utf7 = "<html><head><meta charset=\"utf-7\"></head><body><p>"
                       "+BB8EQAQ4BDIENQRC- is what the page says.</p></body></html>";
    nc_result *r = tu_clean(utf7, strlen(utf7), NULL);
    ck_assert_str_eq(nc_result_encoding(r), "utf-8");
    ck_assert(tu_has_block(r, "+BB8EQAQ4BDIENQRC- is what the page says."));
    nc_result_free(r);
    /* A non-web label on bytes that are not UTF-8: undeclared, detected. */
    const char *ebcdic = "<meta charset=\"ibm037\"><p>Le caf\xE9 est tr\xE8s "
                         "chaud, d\xE9j\xE0 servi \xE0 la terrasse.</p>";
    r = tu_clean(ebcdic, strlen(ebcdic), NULL);
    ck_assert_str_eq(nc_result_encoding(r), "windows-1252");
    ck_assert(tu_has_block(r, "Le caf\xC3\xA9 est tr\xC3\xA8s chaud, d\xC3\xA9j\xC3\xA0 "
                              "servi \xC3\xA0 la terrasse."));
    nc_result_free(r);
}
END_TEST

/* ---- ISO-2022-JP ---- */

/* 日本語のニュース (JIS X 0208 between ESC $ B and ESC ( B). */
#define JIS_TEXT "\x1b$BF|K\\8l$N%K%e!<%9\x1b(B"
#define JIS_UTF8 "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x8B" \
                 "\xE3\x83\xA5\xE3\x83\xBC\xE3\x82\xB9"

START_TEST(test_iso2022jp)
{
    const char *declared = "<html><head><meta charset=\"ISO-2022-JP\"></head><body><p>"
                           JIS_TEXT "</p></body></html>";
    nc_result *r = tu_clean(declared, strlen(declared), NULL);
    ck_assert_str_eq(nc_result_encoding(r), "iso-2022-jp");
    ck_assert(tu_has_block(r, JIS_UTF8));
    ck_assert_uint_eq(nc_result_repair_count(r), 0);
    nc_result_free(r);
    /* Undeclared: the escape sequences say it. */
    const char *bare = "<p>" JIS_TEXT "</p>\n<p>" JIS_TEXT "</p>";
    r = tu_clean(bare, strlen(bare), NULL);
    ck_assert_str_eq(nc_result_encoding(r), "iso-2022-jp");
    ck_assert(tu_has_block(r, JIS_UTF8));
    nc_result_free(r);
    /* Declared as something else: the bytes stay as they are. */
    const char *other = "<meta charset=\"utf-8\"><p>\x1b$B text</p>";
    r = tu_clean(other, strlen(other), NULL);
    ck_assert_str_eq(nc_result_encoding(r), "utf-8");
    nc_result_free(r);
}
END_TEST

/* ---- UTF-16 and UTF-32 ---- */

/* utf8 converted to charset (ICU's name) by ICU, with the BOM bytes bom
 * (may be "") in front; *len its length. */
static char *encode(const char *utf8, const char *charset, const char *bom,
                    size_t bom_len, size_t *len)
{
    size_t cap = strlen(utf8) * 4 + bom_len + 8;
    char *out = malloc(cap);
    ck_assert_ptr_nonnull(out);
    memcpy(out, bom, bom_len);
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = ucnv_convert(charset, "UTF-8", out + bom_len, (int32_t)(cap - bom_len),
                             utf8, (int32_t)strlen(utf8), &err);
    ck_assert(U_SUCCESS(err));
    *len = bom_len + (size_t)n;
    return out;
}

/* Cyrillic and Japanese lines: the high bytes of UTF-16 are not NUL,
 * only the spaces' and newlines' are. */
#define RU_LINE "\xD0\x9F\xD1\x80\xD0\xB0\xD0\xB2\xD0\xB8\xD1\x82\xD0\xB5\xD0\xBB\xD1\x8C" \
                "\xD1\x81\xD1\x82\xD0\xB2\xD0\xBE \xD0\xBE\xD0\xB1\xD1\x8A\xD1\x8F\xD0\xB2" \
                "\xD0\xB8\xD0\xBB\xD0\xBE \xD0\xBE \xD0\xBD\xD0\xBE\xD0\xB2\xD1\x8B\xD1\x85 " \
                "\xD0\xBC\xD0\xB5\xD1\x80\xD0\xB0\xD1\x85"
#define JA_LINE "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE3\x81\xAF\xE6\xB0\xB4\xE6\x9B\x9C" \
                "\xE6\x97\xA5\xE3\x80\x81\xE6\x96\xB0\xE3\x81\x97\xE3\x81\x84\xE9\x98\xB2" \
                "\xE7\x81\xBD\xE8\xA8\x88\xE7\x94\xBB\xE3\x82\x92\xE7\x99\xBA\xE8\xA1\xA8" \
                "\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82"

START_TEST(test_wide_without_bom)
{
    static const struct { const char *icu, *want, *text; } cases[] = {
        {"UTF-16LE", "utf-16le", RU_LINE "\n" RU_LINE "\n"},
        {"UTF-16BE", "utf-16be", RU_LINE "\n" RU_LINE "\n"},
        {"UTF-16LE", "utf-16le", JA_LINE "\n" JA_LINE "\n"},
        {"UTF-16BE", "utf-16be", JA_LINE "\n" JA_LINE "\n"},
        /* An odd number of units: the last newline is in the last 2 bytes. */
        {"UTF-16BE", "utf-16be", JA_LINE "\n\xE7\x9F\xA5\xE4\xBA\x8B\n"},
        {"UTF-32LE", "utf-32le", RU_LINE "\n" JA_LINE "\n"},
        {"UTF-32BE", "utf-32be", JA_LINE "\n" RU_LINE "\n"},
        {"UTF-32LE", "utf-32le", "A plain Latin line.\nAnd a second one.\n"},
        {"UTF-32BE", "utf-32be", "A plain Latin line.\nAnd a second one.\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t len = 0;
        char *bytes = encode(cases[i].text, cases[i].icu, "", 0, &len);
        nc_result *r = tu_clean(bytes, len, NULL);
        tu_check_result(r);
        ck_assert_msg(strcmp(nc_result_encoding(r), cases[i].want) == 0,
                      "case %zu: read as %s, want %s", i, nc_result_encoding(r),
                      cases[i].want);
        const char *first = cases[i].text;
        char *line = strndup(first, (size_t)(strchr(first, '\n') - first));
        ck_assert_ptr_nonnull(line);
        ck_assert_msg(tu_has_block(r, line), "case %zu: first line not found", i);
        ck_assert_uint_eq(nc_result_repair_count(r), 0);
        free(line);
        free(bytes);
        nc_result_free(r);
    }
}
END_TEST

START_TEST(test_utf32_bom)
{
    size_t len = 0;
    char *le = encode(RU_LINE "\n", "UTF-32LE", "\xFF\xFE\0\0", 4, &len);
    nc_result *r = tu_clean(le, len, NULL);
    ck_assert_str_eq(nc_result_encoding(r), "utf-32le");
    ck_assert(tu_has_block(r, RU_LINE));
    nc_result_free(r);
    free(le);
    char *be = encode(JA_LINE "\n", "UTF-32BE", "\0\0\xFE\xFF", 4, &len);
    r = tu_clean(be, len, NULL);
    ck_assert_str_eq(nc_result_encoding(r), "utf-32be");
    ck_assert(tu_has_block(r, JA_LINE));
    nc_result_free(r);
    free(be);
}
END_TEST

/* ---- declarations that lie, and every U+FFFD counted ---- */

START_TEST(test_lying_wide_declarations)
{
    /* utf-32 is no web label: the bytes decide. */
    const char *u32 = "<html><head><meta charset=\"utf-32\"></head><body><p>"
                      "Die B\xFCrgermeisterin \xE4u\xDF" "erte sich am Dienstag zu den "
                      "Pl\xE4nen f\xFCr den neuen Gro\xDF" "flughafen.</p></body></html>";
    nc_result *r = tu_clean(u32, strlen(u32), NULL);
    ck_assert_uint_eq(nc_result_paragraph_count(r), 1);
    ck_assert_str_eq(nc_result_encoding(r), "windows-1252");
    nc_result_free(r);
    /* utf-16 on a byte page means UTF-8: its bad bytes are repairs. */
    const char *u16 = "<html><head><meta charset=\"utf-16\"></head><body><p>"
                      "Die B\xFCrgermeisterin sprach am Dienstag \xFC" "ber die "
                      "Pl\xE4ne f\xFCr den neuen Flughafen der Stadt.</p></body></html>";
    r = tu_clean(u16, strlen(u16), NULL);
    ck_assert_uint_eq(nc_result_paragraph_count(r), 1);
    ck_assert_str_eq(nc_result_encoding(r), "utf-8");
    ck_assert_uint_eq(nc_result_repair_count(r), 4);
    ck_assert(nc_result_flags(r) & NC_FLAG_REPAIRED_UTF8);
    nc_result_free(r);
}
END_TEST

START_TEST(test_replacements_counted)
{
    /* A wrong <meta>: windows-1251 bytes declared Shift_JIS. 0x80..0xA0
     * are lead bytes there, and "\xEF\xF0" ... pairs that map to
     * nothing become U+FFFD, each counted. */
    const char *sjis = "<meta charset=\"shift_jis\"><p>\xFD\xFE\xFF abc \x80 def</p>";
    nc_result *r = tu_clean(sjis, strlen(sjis), NULL);
    ck_assert_str_eq(nc_result_encoding(r), "shift_jis");
    ck_assert_uint_ge(nc_result_repair_count(r), 3);
    ck_assert(nc_result_flags(r) & NC_FLAG_REPAIRED_UTF8);
    nc_result_free(r);
    /* A lone surrogate in UTF-16. */
    const char u16[] = "\xFF\xFE" "a\0b\0\x00\xD8" "c\0\n\0";
    r = tu_clean(u16, sizeof u16 - 1, NULL);
    ck_assert_str_eq(nc_result_encoding(r), "utf-16le");
    ck_assert_uint_eq(nc_result_repair_count(r), 1);
    nc_result_free(r);
    /* A byte the caller's charset has no character for (0xA5 in
     * iso-8859-3). */
    nc_options o;
    nc_options_init(&o);
    o.encoding = "iso-8859-3";
    r = tu_clean("abc \xA5 def", 9, &o);
    ck_assert_uint_eq(nc_result_repair_count(r), 1);
    nc_result_free(r);
}
END_TEST

/* ---- guessing from the shown text ---- */

/* page with a <script> of about 200 KB of ASCII inserted after "<head>":
 * most of the page's bytes, none of them telling its charset. */
static char *with_big_script(const char *page, size_t len, size_t *out_len)
{
    static const char line[] = "function f(a,b){var x=a+b*3;if(x>9){return \"item-\"+x;}"
                               "return null;}\n";
    size_t lines = 200000 / (sizeof line - 1);
    const char *head = strstr(page, "<head>");
    ck_assert_ptr_nonnull(head);
    size_t at = (size_t)(head - page) + 6;
    char *out = malloc(len + lines * (sizeof line - 1) + 32);
    ck_assert_ptr_nonnull(out);
    size_t o = 0;
    memcpy(out, page, at);
    o = at;
    memcpy(out + o, "<script>", 8);
    o += 8;
    for (size_t i = 0; i < lines; i++, o += sizeof line - 1)
        memcpy(out + o, line, sizeof line - 1);
    memcpy(out + o, "</script>", 9);
    o += 9;
    memcpy(out + o, page + at, len - at);
    *out_len = o + len - at;
    return out;
}

static const char *const scripted[] = {"nodecl-windows-1251", "nodecl-koi8-r",
                                       "nodecl-windows-1250", "nodecl-shift_jis",
                                       "nodecl-euc-jp", "nodecl-windows-1252"};

START_TEST(test_guess_past_scripts)
{
    const char *name = scripted[_i];
    size_t len = 0, plen = 0, big_len = 0;
    char *html = read_data(name, ".html", &len);
    char *para = read_data(name, ".txt", &plen);
    while (plen && para[plen - 1] == '\n')
        para[--plen] = '\0';
    char *big = with_big_script(html, len, &big_len);
    nc_result *r = tu_clean(big, big_len, NULL);
    tu_check_result(r);
    const char *want = name + strlen("nodecl-");
    ck_assert_msg(strcmp(nc_result_encoding(r), want) == 0, "%s: read as %s", name,
                  nc_result_encoding(r));
    ck_assert_msg(tu_has_block(r, para), "%s: paragraph not found as one block", name);
    double confidence = nc_result_encoding_confidence(r);
    ck_assert(confidence > 0.0 && confidence <= 1.0);
    /* The flag and the confidence agree. */
    if (nc_result_flags(r) & NC_FLAG_CHARSET_GUESSED)
        ck_assert(confidence < 0.5);
    nc_result_free(r);
    free(big);
    free(html);
    free(para);
}
END_TEST

START_TEST(test_confidence_and_flag)
{
    /* Settled: valid UTF-8, a declaration, a hint. */
    const char *utf8 = "<p>caf\xC3\xA9</p>";
    nc_result *r = tu_clean(utf8, strlen(utf8), NULL);
    ck_assert(nc_result_encoding_confidence(r) == 1.0);
    ck_assert(!(nc_result_flags(r) & NC_FLAG_CHARSET_GUESSED));
    nc_result_free(r);
    const char *declared = "<meta charset=windows-1251><p>\xCF\xF0\xE8</p>";
    r = tu_clean(declared, strlen(declared), NULL);
    ck_assert(nc_result_encoding_confidence(r) == 1.0);
    nc_result_free(r);
    /* Two bytes in a short line: anything could have made them. */
    const char *unsure = "Na rynku \xB9 i \xEA by\xB3y drogie.";
    r = tu_clean(unsure, strlen(unsure), NULL);
    ck_assert(nc_result_encoding_confidence(r) < 0.5);
    ck_assert(nc_result_flags(r) & NC_FLAG_CHARSET_GUESSED);
    nc_result_free(r);
    /* One accented byte in a long English text: unsure, but at most that
     * letter is in doubt, so no flag. */
    char *text = malloc(20000);
    ck_assert_ptr_nonnull(text);
    size_t n = 0;
    while (n + 64 < 20000) {
        memcpy(text + n, "The council met on Tuesday and approved the new budget. ", 56);
        n += 56;
    }
    memcpy(text + n, "caf\xE9.", 5);
    n += 5;
    r = tu_clean(text, n, NULL);
    ck_assert(nc_result_encoding_confidence(r) < 0.5);
    ck_assert(!(nc_result_flags(r) & NC_FLAG_CHARSET_GUESSED));
    nc_result_free(r);
    free(text);
    ck_assert(nc_result_encoding_confidence(NULL) == 0.0);
}
END_TEST

static nc_input_kind kind(const char *s) { return nc_input_detect_kind(s, strlen(s)); }

START_TEST(test_kind_html)
{
    static const char *const html[] = {
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "\n\n  <html lang=en>",
        "<HEAD><TITLE>t</TITLE></HEAD>",
        "<body>text",
        "<?xml version=\"1.0\"?><html>",
        "<!-- saved page --><html>",
        "<div class=\"story\"><p>First paragraph.</p><p>Second.</p></div>",
        "<p>A fragment of paragraphs.</p>\n<p>Another one.</p>",
        "<article><h1>Headline</h1><p>Body</p></article>",
        "Warning: something failed in /var/www/x.php on line 3\n<!DOCTYPE html>\n<html>",
        /* Text first, then markup on every line. */
        "Headline of the story\n<p>One paragraph.</p>\n<p>Two <b>bold</b>.</p>\n"
        "<ul><li>item</li></ul>\n",
    };
    for (size_t i = 0; i < sizeof html / sizeof *html; i++)
        ck_assert_msg(kind(html[i]) == NC_INPUT_HTML, "not HTML: %s", html[i]);
}
END_TEST

START_TEST(test_kind_text)
{
    static const char *const text[] = {
        "",
        "Plain text, one line.",
        "If a < b and b > c then a < c.\nTom & Jerry & friends.\n",
        "Contact: <john@example.com>, <jane@example.org>, <bob@example.net>,\n"
        "<amy@example.com>, <joe@example.com>, <kim@example.com>\n",
        "The <p> tag starts a paragraph and </p> ends it; <div> groups blocks.\n"
        "This line of the article is long enough to be a whole paragraph of "
        "text that a crawler took from a page and handed over as plain text.\n"
        "And so is this one, which goes on about something else entirely for "
        "a good while before it stops at the end of the line.\n"
        "A third line of ordinary prose follows, as long as the others, with "
        "nothing in it that looks like markup of any kind at all.\n",
        "AT&T and P&G reported results &mdash; shares rose.\n",
        /* An article about HTML, its code sample among the lines. */
        "Adding it to your test page takes one line:\n"
        "<script src=\"vendor/lib.js\"></script>\n"
        "<script src=\"vendor/adapter.js\"></script>\n"
        "<div id=\"results\"></div>\n"
        "<link rel=\"stylesheet\" href=\"style.css\">\n"
        "Then open the page in a browser.\n"
        "The report lists every file.\n"
        "Each line shows how often it ran.\n"
        "Lines that never ran are red.\n"
        "That is all there is to it.\n"
        "Questions go to the mailing list.\n",
    };
    for (size_t i = 0; i < sizeof text / sizeof *text; i++)
        ck_assert_msg(kind(text[i]) == NC_INPUT_TEXT, "not text: %s", text[i]);
}
END_TEST

static Suite *charset_suite(void)
{
    Suite *s = suite_create("charset");
    TCase *tc = tcase_create("charset");
    tcase_add_loop_test(tc, test_legacy_pages, 0, sizeof pages / sizeof *pages);
    tcase_add_test(tc, test_stale_declaration);
    tcase_add_test(tc, test_declarations);
    tcase_add_test(tc, test_declared_utf8_repaired);
    tcase_add_test(tc, test_whatwg_labels);
    tcase_add_test(tc, test_non_web_declarations_ignored);
    tcase_add_test(tc, test_iso2022jp);
    tcase_add_test(tc, test_wide_without_bom);
    tcase_add_test(tc, test_utf32_bom);
    tcase_add_test(tc, test_lying_wide_declarations);
    tcase_add_test(tc, test_replacements_counted);
    tcase_add_loop_test(tc, test_guess_past_scripts, 0, sizeof scripted / sizeof *scripted);
    tcase_add_test(tc, test_confidence_and_flag);
    tcase_add_test(tc, test_kind_html);
    tcase_add_test(tc, test_kind_text);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(charset_suite()); }
