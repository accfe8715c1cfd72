/* check_input.c - input/decode.c: bytes -> NFC UTF-8. BOMs, UTF-16 with and
 * without a BOM, repair of invalid UTF-8, NULs, CR/CRLF, NFC, and
 * windows-1252 detection. Plain text input, one block a line. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* Cleans bytes as text and returns the result (must succeed). */
static nc_result *clean_text(const char *s, size_t len)
{
    nc_options o;
    nc_options_init(&o);
    o.input = NC_INPUT_TEXT;
    return tu_clean(s, len, &o);
}

/* Block i's text must be want. */
static void assert_block(const nc_result *r, size_t i, const char *want)
{
    nc_block_info info = NC_BLOCK_INFO_INIT;
    ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
    ck_assert_str_eq(info.text, want);
}

/* UTF-16 code units of an ASCII/Latin-1 string (with an optional BOM). */
static char *utf16(const char *s, bool big_endian, bool bom, size_t *len)
{
    size_t n = strlen(s), o = 0;
    char *out = malloc(2 * n + 2);
    ck_assert_ptr_nonnull(out);
    if (bom) {
        out[o++] = big_endian ? '\xFE' : '\xFF';
        out[o++] = big_endian ? '\xFF' : '\xFE';
    }
    for (size_t i = 0; i < n; i++) {
        out[o++] = big_endian ? 0 : s[i];
        out[o++] = big_endian ? s[i] : 0;
    }
    *len = o;
    return out;
}

START_TEST(test_utf8_bom)
{
    nc_result *r = clean_text("\xEF\xBB\xBFHello world\nSecond", 21);
    ck_assert_uint_eq(nc_result_block_count(r), 2);
    assert_block(r, 0, "Hello world");
    ck_assert_str_eq(nc_result_encoding(r), "utf-8");
    ck_assert_uint_eq(nc_result_flags(r) & NC_FLAG_REPAIRED_UTF8, 0);
    nc_result_free(r);
}
END_TEST

START_TEST(test_utf16le_bom)
{
    size_t len;
    char *s = utf16("Hello world\nCaf\xe9 line", false, true, &len);
    nc_result *r = clean_text(s, len);
    ck_assert_str_eq(nc_result_encoding(r), "utf-16le");
    ck_assert(nc_result_flags(r) & NC_FLAG_CONVERTED);
    ck_assert_uint_eq(nc_result_block_count(r), 2);
    assert_block(r, 0, "Hello world");
    assert_block(r, 1, "Caf\xC3\xA9 line");
    nc_result_free(r);
    free(s);
}
END_TEST

START_TEST(test_utf16be_bom)
{
    size_t len;
    char *s = utf16("Hello world\nSecond line", true, true, &len);
    nc_result *r = clean_text(s, len);
    ck_assert_str_eq(nc_result_encoding(r), "utf-16be");
    ck_assert_uint_eq(nc_result_block_count(r), 2);
    assert_block(r, 1, "Second line");
    nc_result_free(r);
    free(s);
}
END_TEST

START_TEST(test_utf16_no_bom)
{
    size_t len;
    char *s = utf16("A page saved as UTF-16 without a byte order mark.\n"
                    "Its second line.", false, false, &len);
    nc_result *r = clean_text(s, len);
    ck_assert_str_eq(nc_result_encoding(r), "utf-16le");
    ck_assert_uint_eq(nc_result_block_count(r), 2);
    assert_block(r, 1, "Its second line.");
    ck_assert_uint_eq(nc_result_flags(r) & NC_FLAG_NUL_REMOVED, 0);
    nc_result_free(r);
    free(s);
    s = utf16("A page saved as UTF-16 big endian, no byte order mark.",
              true, false, &len);
    r = clean_text(s, len);
    ck_assert_str_eq(nc_result_encoding(r), "utf-16be");
    assert_block(r, 0, "A page saved as UTF-16 big endian, no byte order mark.");
    nc_result_free(r);
    free(s);
}
END_TEST

START_TEST(test_invalid_utf8_repaired)
{
    /* A lone continuation byte, a truncated sequence, an overlong '/',
     * a surrogate and a code point past U+10FFFF, between valid text. */
    const char s[] = "ok \x80 a\xE2\x82 b\xC0\xAF c\xED\xA0\x80 d\xF4\x90\x80\x80 "
                     "\xC3\xA9nd";
    nc_options o;
    nc_options_init(&o);
    o.input = NC_INPUT_TEXT;
    o.encoding = "utf-8"; /* no charset guessing: repair as UTF-8 */
    nc_result *r = tu_clean(s, sizeof s - 1, &o);
    ck_assert(nc_result_flags(r) & NC_FLAG_REPAIRED_UTF8);
    ck_assert_uint_ge(nc_result_repair_count(r), 5);
    nc_block_info info = NC_BLOCK_INFO_INIT;
    ck_assert_int_eq(nc_result_block(r, 0, &info), NC_OK);
    ck_assert_ptr_nonnull(strstr(info.text, "\xEF\xBF\xBD"));
    ck_assert_ptr_nonnull(strstr(info.text, "\xC3\xA9nd"));
    ck_assert_ptr_null(strstr(info.text, "\xC0"));
    ck_assert_ptr_null(strstr(info.text, "\xED\xA0"));
    nc_result_free(r);
}
END_TEST

START_TEST(test_invalid_utf8_counted)
{
    /* Mostly valid UTF-8 with two bad bytes: repaired, not re-read in another
     * charset, and each bad sequence counted once. */
    const char s[] = "Stra\xC3\x9F" "e und Pl\xC3\xA4tze \xFF mit \xFE Fehlern, "
                     "sonst \xC3\xBC" "berall g\xC3\xBCltiges UTF-8.";
    nc_result *r = clean_text(s, sizeof s - 1);
    ck_assert_str_eq(nc_result_encoding(r), "utf-8");
    ck_assert(nc_result_flags(r) & NC_FLAG_REPAIRED_UTF8);
    ck_assert_uint_eq(nc_result_flags(r) & NC_FLAG_CONVERTED, 0);
    ck_assert_uint_eq(nc_result_repair_count(r), 2);
    ck_assert(tu_has_block(r, "Stra\xC3\x9F" "e und Pl\xC3\xA4tze \xEF\xBF\xBD mit "
                              "\xEF\xBF\xBD Fehlern, sonst \xC3\xBC" "berall "
                              "g\xC3\xBCltiges UTF-8."));
    nc_result_free(r);
    /* Valid text: nothing repaired. */
    const char valid[] = "\xC3\xA9t\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80";
    r = clean_text(valid, sizeof valid - 1);
    ck_assert_uint_eq(nc_result_repair_count(r), 0);
    ck_assert_uint_eq(nc_result_flags(r), 0);
    nc_result_free(r);
}
END_TEST

START_TEST(test_nul_dropped)
{
    const char s[] = "Hel\0lo wor\0ld\nline two";
    nc_result *r = clean_text(s, sizeof s - 1);
    ck_assert(nc_result_flags(r) & NC_FLAG_NUL_REMOVED);
    assert_block(r, 0, "Hello world");
    nc_result_free(r);
}
END_TEST

START_TEST(test_crlf_and_cr)
{
    nc_result *r = clean_text("one\r\ntwo\rthree\n\r\nfour", 21);
    ck_assert_uint_eq(nc_result_block_count(r), 4);
    assert_block(r, 0, "one");
    assert_block(r, 1, "two");
    assert_block(r, 2, "three");
    assert_block(r, 3, "four");
    for (size_t i = 0; i < 4; i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        nc_result_block(r, i, &info);
        ck_assert_ptr_null(strchr(info.text, '\r'));
    }
    nc_result_free(r);
}
END_TEST

START_TEST(test_nfc)
{
    /* "Café" with e + U+0301 and Hangul jamo: composed on output. */
    nc_result *r = clean_text("Cafe\xCC\x81 \xE1\x84\x80\xE1\x85\xA1", 13);
    assert_block(r, 0, "Caf\xC3\xA9 \xEA\xB0\x80");
    nc_result_free(r);
    /* Already composed text is unchanged. */
    r = clean_text("Caf\xC3\xA9", 5);
    assert_block(r, 0, "Caf\xC3\xA9");
    nc_result_free(r);
}
END_TEST

START_TEST(test_windows_1252)
{
    /* Bytes that are not UTF-8: "café", "naïve", curly quotes and a euro
     * sign in windows-1252, detected without a hint. */
    const char s[] = "Le caf\xE9 est tr\xE8s bon et na\xEFve, dit-il. \x93"
                     "Bonjour\x94 co\xFBte 5 \x80 pour la r\xE9union.\n"
                     "Une deuxi\xE8me ligne avec des accents: \xE0 \xE9 \xE8.";
    nc_result *r = clean_text(s, sizeof s - 1);
    ck_assert(nc_result_flags(r) & NC_FLAG_CONVERTED);
    ck_assert_uint_eq(nc_result_flags(r) & NC_FLAG_REPAIRED_UTF8, 0);
    nc_block_info info = NC_BLOCK_INFO_INIT;
    ck_assert_int_eq(nc_result_block(r, 0, &info), NC_OK);
    ck_assert_ptr_nonnull(strstr(info.text, "caf\xC3\xA9"));
    ck_assert_ptr_nonnull(strstr(info.text, "\xE2\x80\x9C" "Bonjour\xE2\x80\x9D"));
    ck_assert_ptr_nonnull(strstr(info.text, "\xE2\x82\xAC"));
    nc_result_free(r);
}
END_TEST

START_TEST(test_windows_1251_hint)
{
    /* "Москва" in windows-1251 with a hint. */
    nc_options o;
    nc_options_init(&o);
    o.input = NC_INPUT_TEXT;
    o.encoding = "windows-1251";
    nc_result *r = tu_clean("\xCC\xEE\xF1\xEA\xE2\xE0", 6, &o);
    assert_block(r, 0, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    ck_assert_str_eq(nc_result_encoding(r), "windows-1251");
    nc_result_free(r);
}
END_TEST

START_TEST(test_spaces_normalised)
{
    /* NBSP, thin space, ideographic space, tabs: one ' '; zero-width space
     * and soft hyphen go. */
    nc_result *r = clean_text("a\xC2\xA0\xC2\xA0" "b\xE2\x80\x89" "c\xE3\x80\x80"
                              "d\t\te\xE2\x80\x8B" "f\xC2\xAD" "g  ", 26);
    assert_block(r, 0, "a b c d efg");
    nc_result_free(r);
}
END_TEST

START_TEST(test_bom_only_and_nul_only)
{
    nc_result *r = clean_text("\xEF\xBB\xBF", 3);
    ck_assert_uint_eq(nc_result_block_count(r), 0);
    nc_result_free(r);
    r = clean_text("\xFF\xFE", 2);
    ck_assert_uint_eq(nc_result_block_count(r), 0);
    nc_result_free(r);
    r = clean_text("\0\0\0\0\0\0\0\0\0\0", 10);
    ck_assert_uint_eq(nc_result_block_count(r), 0);
    nc_result_free(r);
}
END_TEST

START_TEST(test_odd_utf16_length)
{
    /* A UTF-16 BOM and an odd number of bytes: the last half unit is
     * invalid, but the call returns a status, not garbage. */
    nc_result *r = NULL;
    nc_status st = nc_clean("\xFF\xFE" "a\0b\0c", 7, NULL, &r);
    ck_assert(st == NC_OK || st == NC_ERR_ENCODING);
    if (st == NC_OK) /* "ab" and the odd byte dropped or replaced */
        ck_assert(tu_has_block(r, "ab") || tu_has_block(r, "ab\xEF\xBF\xBD"));
    nc_result_free(r);
}
END_TEST

/* Compressed, PDF, image and executable bytes are no page: a clear
 * status, not noise as paragraphs; the same letters as text are a page. */
START_TEST(test_binary_formats)
{
    static const struct { const char *bytes; size_t n; } binary[] = {
        {"\x1f\x8b\x08\0\0\0\0\0", 8},      {"PK\x03\x04\x14\0", 6},
        {"PK\x05\x06\0\0", 6},                {"BZh91AY&SY", 10},
        {"\xfd" "7zXZ\0\0\x04", 8},            {"\x28\xb5\x2f\xfd\x24", 5},
        {"7z\xbc\xaf\x27\x1c\0\x04", 8},       {"%PDF-1.7\n%\xe2\xe3", 12},
        {"\x89PNG\r\n\x1a\n\0\0", 10},        {"\xff\xd8\xff\xe0\0\x10JFIF", 10},
        {"GIF89a\x01\0\x01\0", 10},            {"RIFF\x24\0\0\0WEBPVP8 ", 16},
        {"\x7f" "ELF\x02\x01\x01", 7}};
    for (size_t k = 0; k < sizeof binary / sizeof *binary; k++) {
        for (int kind = 0; kind < 3; kind++) {
            nc_options o;
            nc_options_init(&o);
            o.input = (nc_input_kind)kind;
            nc_result *r = (nc_result *)&r;
            ck_assert_int_eq(nc_clean(binary[k].bytes, binary[k].n, &o, &r), NC_ERR_BINARY);
            ck_assert_ptr_null(r);
        }
    }
    static const char *const text[] = {"BZhello, a page", "PK is a name", "RIFF WEBP",
                                       "%PDF mentioned in text", "GIF87 and GIF89"};
    for (size_t k = 0; k < sizeof text / sizeof *text; k++) {
        nc_result *r = NULL;
        ck_assert_int_eq(nc_clean(text[k], strlen(text[k]), NULL, &r), NC_OK);
        nc_result_free(r);
    }
    ck_assert_str_eq(nc_strerror(NC_ERR_BINARY),
                     "input is not a page (compressed, PDF, image or executable)");
}
END_TEST

static Suite *input_suite(void)
{
    Suite *s = suite_create("input");
    TCase *tc = tcase_create("decode");
    tcase_add_test(tc, test_utf8_bom);
    tcase_add_test(tc, test_utf16le_bom);
    tcase_add_test(tc, test_utf16be_bom);
    tcase_add_test(tc, test_utf16_no_bom);
    tcase_add_test(tc, test_invalid_utf8_repaired);
    tcase_add_test(tc, test_invalid_utf8_counted);
    tcase_add_test(tc, test_nul_dropped);
    tcase_add_test(tc, test_crlf_and_cr);
    tcase_add_test(tc, test_nfc);
    tcase_add_test(tc, test_windows_1252);
    tcase_add_test(tc, test_windows_1251_hint);
    tcase_add_test(tc, test_spaces_normalised);
    tcase_add_test(tc, test_bom_only_and_nul_only);
    tcase_add_test(tc, test_odd_utf16_length);
    tcase_add_test(tc, test_binary_formats);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(input_suite()); }
