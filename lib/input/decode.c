/* input/decode.c - bytes -> UTF-8: BOM, charset, repair of invalid sequences,
 * NUL bytes dropped, CR/CRLF made LF, NFC. Everything after this stage
 * reads valid NFC UTF-8 with '\n' line ends. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "internal.h"
#include "input/input.h"

/* Eight bytes at a time: the ASCII runs that make up most pages. */
#define HIGH_BITS 0x8080808080808080ull
#define ALL_0x20 0x2020202020202020ull

static uint64_t load8(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    return w;
}

/* True when all eight bytes of w are printable ASCII (0x20..0x7F): no high
 * bit, and no byte below 0x20 (the classic "has less than" test, exact for
 * the whole word). */
static bool printable8(uint64_t w)
{
    return ((w | ((w - ALL_0x20) & ~w)) & HIGH_BITS) == 0;
}

/* Length of the valid UTF-8 sequence at s, 0 when it is invalid
 * (overlong forms, surrogates and code points past U+10FFFF included). */
static size_t utf8_valid_len(const unsigned char *s, size_t left)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    if (c < 0xC2 || c > 0xF4)
        return 0;
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (left < n)
        return 0;
    /* The second byte's range is narrower after E0 and F0 (no overlong
     * form), ED (no surrogate) and F4 (nothing past U+10FFFF). */
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k < n; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return n;
}

/* Copies UTF-8 in[0..len) to doc->utf8, replacing each invalid sequence by
 * U+FFFD, dropping NULs and turning CR and CRLF into LF. */
static nc_status copy_repaired(nc_doc *doc, const char *in, size_t len)
{
    if (len > (SIZE_MAX - 1) / 3)
        return NC_ERR_TOO_LARGE;
    char *out = malloc(len * 3 + 1); /* one byte can become 3 (U+FFFD) */
    if (!out)
        return NC_ERR_NOMEM;
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0, o = 0;
    while (i < len) {
        /* Fast path: a run of plain ASCII. */
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x80) {
            out[o++] = (char)c;
            i++;
            while (len - i >= 8 && printable8(load8(s + i))) {
                memcpy(out + o, s + i, 8);
                o += 8;
                i += 8;
            }
            continue;
        }
        if (c == 0) {
            doc->flags |= NC_FLAG_NUL_REMOVED;
            i++;
            continue;
        }
        if (c == '\r') {
            out[o++] = '\n';
            i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        size_t n = utf8_valid_len(s + i, len - i);
        if (n == 0) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            doc->repairs++;
            doc->flags |= NC_FLAG_REPAIRED_UTF8;
            i++;
            /* One replacement per maximal invalid run of continuation bytes. */
            while (i < len && (s[i] & 0xC0) == 0x80)
                i++;
            continue;
        }
        memcpy(out + o, s + i, n);
        o += n;
        i += n;
    }
    out[o] = '\0';
    doc->utf8 = out;
    doc->utf8_len = o;
    return NC_OK;
}

void nc_input_count_unmapped(const void *context, UConverterToUnicodeArgs *args,
                             const char *bytes, int32_t length,
                             UConverterCallbackReason reason, UErrorCode *err)
{
    (void)bytes;
    (void)length;
    if (reason > UCNV_IRREGULAR) /* reset, close, clone: nothing to write */
        return;
    nc_unmapped *unmapped = (nc_unmapped *)(uintptr_t)context;
    unmapped->count++;
    *err = U_ZERO_ERROR;
    if (unmapped->replace) {
        static const UChar replacement = 0xFFFD;
        ucnv_cbToUWriteUChars(args, &replacement, 1, 0, err);
    }
}

/* Converts from a named charset with ICU into UTF-8, then repairs. */
static nc_status convert_from(nc_doc *doc, const char *charset, const char *in,
                              size_t len)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &err);
    if (U_FAILURE(err))
        return NC_ERR_ENCODING;
    nc_unmapped replaced = {0, true};
    ucnv_setToUCallBack(cnv, nc_input_count_unmapped, &replaced, NULL, NULL, &err);
    if (U_FAILURE(err)) {
        ucnv_close(cnv);
        return NC_ERR_INTERNAL;
    }
    if (len > (SIZE_MAX - 16) / 4 || len > INT32_MAX / 4) {
        ucnv_close(cnv);
        return NC_ERR_TOO_LARGE;
    }
    size_t cap = len * 4 + 16; /* 4 UTF-8 bytes per input byte at most */
    char *tmp = malloc(cap);
    if (!tmp) {
        ucnv_close(cnv);
        return NC_ERR_NOMEM;
    }
    UConverter *utf8 = ucnv_open("UTF-8", &err);
    char *target = tmp;
    const char *source = in;
    if (U_SUCCESS(err))
        ucnv_convertEx(utf8, cnv, &target, tmp + cap, &source, in + len, NULL,
                       NULL, NULL, NULL, true, true, &err);
    ucnv_close(utf8);
    ucnv_close(cnv);
    if (U_FAILURE(err)) {
        free(tmp);
        return err == U_MEMORY_ALLOCATION_ERROR ? NC_ERR_NOMEM : NC_ERR_ENCODING;
    }
    doc->flags |= NC_FLAG_CONVERTED;
    if (replaced.count) {
        doc->repairs += replaced.count;
        doc->flags |= NC_FLAG_REPAIRED_UTF8;
    }
    nc_status st = copy_repaired(doc, tmp, (size_t)(target - tmp));
    free(tmp);
    return st;
}

/* True when every code point of the valid UTF-8 s[0..len) has a
 * normalisation boundary before it (combining class 0, NFC_QC yes): then
 * nothing composes and s is NFC as it is. Curly quotes, dashes, Cyrillic
 * and CJK all pass without converting the page to UTF-16; a false only
 * sends the page through ICU's exact check. */
static bool nfc_inert(const UNormalizer2 *nfc, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        if (u[i] < 0xCC) { /* ASCII, trail bytes, leads below U+0300 */
            i++;
            while (len - i >= 8 && !(load8(u + i) & HIGH_BITS))
                i += 8;
            continue;
        }
        size_t n = u[i] < 0xE0 ? 2 : u[i] < 0xF0 ? 3 : 4;
        if (n > len - i)
            return false;
        UChar32 c = n == 2 ? ((u[i] & 0x1F) << 6) | (u[i + 1] & 0x3F)
                    : n == 3 ? ((u[i] & 0x0F) << 12) | ((u[i + 1] & 0x3F) << 6) |
                                   (u[i + 2] & 0x3F)
                             : ((u[i] & 0x07) << 18) | ((u[i + 1] & 0x3F) << 12) |
                                   ((u[i + 2] & 0x3F) << 6) | (u[i + 3] & 0x3F);
        if (!nc_nfc_starter(nfc, c))
            return false;
        i += n;
    }
    return true;
}

/* Normalises doc->utf8 to NFC when it is not already (most text is: the
 * quick check costs one pass and no allocation). */
static nc_status to_nfc(nc_doc *doc)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err) || doc->utf8_len > INT32_MAX / 2)
        return NC_OK; /* leave it as it is rather than fail the page */
    if (nfc_inert(nfc, doc->utf8, doc->utf8_len))
        return NC_OK;
    int32_t ulen = 0;
    u_strFromUTF8(NULL, 0, &ulen, doc->utf8, (int32_t)doc->utf8_len, &err);
    err = U_ZERO_ERROR;
    UChar *u = malloc(((size_t)ulen + 1) * sizeof(UChar));
    if (!u)
        return NC_ERR_NOMEM;
    u_strFromUTF8(u, ulen + 1, NULL, doc->utf8, (int32_t)doc->utf8_len, &err);
    /* Runs of combining marks cost ICU their square: capped first. */
    int32_t capped = (int32_t)nc_cap_marks(u, (size_t)ulen);
    if (capped < ulen) {
        doc->flags |= NC_FLAG_REMOVED_CHARS;
        ulen = capped;
    }
    if (U_FAILURE(err) || unorm2_isNormalized(nfc, u, ulen, &err)) {
        free(u);
        return NC_OK;
    }
    err = U_ZERO_ERROR;
    int32_t ncap = ulen * 2 + 16;
    UChar *n = malloc((size_t)ncap * sizeof(UChar));
    if (!n) {
        free(u);
        return NC_ERR_NOMEM;
    }
    int32_t nlen = unorm2_normalize(nfc, u, ulen, n, ncap, &err);
    free(u);
    if (U_FAILURE(err)) {
        free(n);
        return NC_OK;
    }
    int32_t blen = 0;
    err = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &blen, n, nlen, &err);
    err = U_ZERO_ERROR;
    char *out = malloc((size_t)blen + 1);
    if (!out) {
        free(n);
        return NC_ERR_NOMEM;
    }
    u_strToUTF8(out, blen + 1, NULL, n, nlen, &err);
    free(n);
    if (U_FAILURE(err)) {
        free(out);
        return NC_OK;
    }
    free(doc->utf8);
    doc->utf8 = out;
    doc->utf8_len = (size_t)blen;
    return NC_OK;
}

/* True when s[0..len) is valid UTF-8 (NULs and CRs allowed); *ascii
 * tells whether it is all ASCII. */
static bool is_utf8(const char *s, size_t len, bool *ascii)
{
    const unsigned char *u = (const unsigned char *)s;
    *ascii = true;
    for (size_t i = 0; i < len;) {
        if (u[i] < 0x80) {
            i++;
            while (len - i >= 8 && !(load8(u + i) & HIGH_BITS))
                i += 8;
            continue;
        }
        *ascii = false;
        size_t n = utf8_valid_len(u + i, len - i);
        if (!n)
            return false;
        i += n;
    }
    return true;
}

/* Mostly UTF-8 with a few bad bytes (a page cut mid-character, one stray
 * Latin-1 byte): repairing keeps the rest readable, whereas reading the
 * whole page in a legacy charset would garble every valid sequence. Real
 * legacy-charset text almost never forms valid multi-byte sequences. */
static bool mostly_utf8(const char *s, size_t len, double *valid_share)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t valid = 0, invalid = 0;
    for (size_t i = 0; i < len;) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_valid_len(u + i, len - i);
        if (n) {
            valid++;
            i += n;
        } else {
            invalid++;
            i++;
        }
    }
    *valid_share = valid + invalid ? (double)valid / (double)(valid + invalid) : 1.0;
    return valid >= 4 && valid >= invalid * 2;
}

/* True for the names of UTF-8 itself (then a hint needs no converter and
 * invalid bytes are repaired and counted like undeclared UTF-8's). */
static bool is_utf8_name(const char *name)
{
    static const char *const names[] = {"utf-8", "utf8", "UTF-8", "UTF8",
                                        "Utf-8"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (strcmp(name, names[k]) == 0)
            return true;
    return false;
}

/* True when 9 in 10 of the UTF-16 code units in s[0..n) (n even) are
 * text: tab, newline, a printable character of an alphabet, CJK, Hangul,
 * the compatibility forms, or half of a surrogate pair. C0 and C1
 * controls, lone surrogates and private use are not: what other bytes
 * with a few NULs in them (binary junk) give. */
static bool utf16_is_text(const unsigned char *s, size_t n, bool big_endian)
{
    size_t text = 0, units = n / 2;
    for (size_t i = 0; i + 1 < n; i += 2) {
        unsigned u = big_endian ? (unsigned)s[i] << 8 | s[i + 1]
                                : (unsigned)s[i + 1] << 8 | s[i];
        bool lead = u >= 0xD800 && u <= 0xDBFF;
        if (lead && i + 3 < n) {
            unsigned next = big_endian ? (unsigned)s[i + 2] << 8 | s[i + 3]
                                       : (unsigned)s[i + 3] << 8 | s[i + 2];
            if (next >= 0xDC00 && next <= 0xDFFF) {
                text += 2;
                i += 2;
            }
            continue;
        }
        text += u == '\t' || u == '\n' || u == '\r' || (u >= 0x20 && u < 0x7F) ||
                (u >= 0xA0 && u < 0xD800) || (u >= 0xF900 && u <= 0xFFFD);
    }
    return text * 10 >= units * 9;
}

/* UTF-16 or UTF-32 without a BOM. Text in either has NUL bytes (the
 * high byte of every ASCII character, space and newline, markup included;
 * UTF-32's unused top bytes), always at the same offsets in a code unit,
 * whatever the script: Cyrillic in UTF-16LE is "1F 04", a space "20 00".
 * A page in any other charset has none. The NULs in the first 4 KB,
 * counted by offset mod 4, tell which; NULL when they tell nothing. */
static const char *sniff_wide(const unsigned char *s, size_t len)
{
    size_t n = (len < 4096 ? len : 4096) & ~(size_t)1; /* whole UTF-16 units */
    if (n < 8)
        return NULL;
    size_t at[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        at[i & 3] += s[i] == 0;
    size_t units = n / 4;
    /* UTF-32: the top byte NUL in (almost) every unit, the next one in
     * most (only characters past U+FFFF set it), the lowest one seldom. */
    if (at[3] * 100 >= units * 99 && at[2] * 10 >= units * 9 && at[0] * 4 < units)
        return "UTF-32LE";
    if (at[0] * 100 >= units * 99 && at[1] * 10 >= units * 9 && at[3] * 4 < units)
        return "UTF-32BE";
    /* UTF-16: NULs at one parity in 1 unit of 50 at least (a newline a
     * line of CJK text), (almost) none at the other, and code units that
     * are text. */
    size_t odd = at[1] + at[3], even = at[0] + at[2], min = n / 2 / 50;
    if (odd >= 2 && odd >= min && even * 10 <= odd && utf16_is_text(s, n, false))
        return "UTF-16LE";
    if (even >= 2 && even >= min && odd * 10 <= even && utf16_is_text(s, n, true))
        return "UTF-16BE";
    return NULL;
}

/* ISO-2022-JP, a 7-bit charset (so also valid UTF-8): its escape
 * sequences switch to JIS X 0208 ("ESC $ B", "ESC $ @") or JIS X 0201
 * ("ESC ( J", "ESC ( I"). The page declares it, or, declaring nothing,
 * uses them. */
static bool is_iso2022jp(const char *s, size_t len)
{
    const char *declared = nc_input_declared_charset(s, len);
    if (declared)
        return strcmp(declared, "iso-2022-jp") == 0;
    for (const char *e = memchr(s, 0x1B, len); e && len - (size_t)(e - s) >= 3;
         e = memchr(e + 1, 0x1B, len - (size_t)(e - s) - 1))
        if ((e[1] == '$' && (e[2] == 'B' || e[2] == '@')) ||
            (e[1] == '(' && (e[2] == 'J' || e[2] == 'I')))
            return true;
    return false;
}

/* A file format that is no page: what a crawler saves when it forgets to
 * inflate a gzip body or fetches a PDF or an image. Cleaning those bytes
 * as text would return noise as paragraphs. By magic number only, so
 * random or damaged text still gets cleaned (and tested that way). */
static bool binary_format(const unsigned char *s, size_t len)
{
    static const struct { const char *magic; unsigned char n; } formats[] = {
        {"\x1f\x8b", 2},                         /* gzip */
        {"PK\x03\x04", 4}, {"PK\x05\x06", 4},   /* zip, docx, epub */
        {"\xfd" "7zXZ\0", 6},                     /* xz */
        {"\x28\xb5\x2f\xfd", 4},                 /* zstd */
        {"7z\xbc\xaf\x27\x1c", 6},               /* 7z */
        {"%PDF-", 5},
        {"\x89PNG\r\n\x1a\n", 8}, {"\xff\xd8\xff", 3}, /* PNG, JPEG */
        {"GIF87a", 6}, {"GIF89a", 6},
        {"\x7f" "ELF", 4}};
    for (size_t k = 0; k < sizeof formats / sizeof *formats; k++)
        if (len >= formats[k].n && memcmp(s, formats[k].magic, formats[k].n) == 0)
            return true;
    /* bzip2: "BZh" and its block size; WebP: "RIFF", a size, "WEBP". */
    return (len >= 4 && memcmp(s, "BZh", 3) == 0 && s[3] >= '1' && s[3] <= '9') ||
           (len >= 12 && memcmp(s, "RIFF", 4) == 0 && memcmp(s + 8, "WEBP", 4) == 0);
}

/* Reads input in the named charset (ICU's name) and reports it as name. */
static nc_status decode_as(nc_doc *doc, const char *icu, const char *name,
                           const char *input, size_t len)
{
    doc->encoding = name;
    return convert_from(doc, icu, input, len);
}

/* Reads input in the UTF-16/32 sniff_wide found ("UTF-32LE"). */
static nc_status decode_wide(nc_doc *doc, const char *wide, const char *input,
                             size_t len)
{
    bool utf32 = wide[4] == '3', little = wide[6] == 'L';
    const char *name = utf32 ? (little ? "utf-32le" : "utf-32be")
                             : (little ? "utf-16le" : "utf-16be");
    return decode_as(doc, wide, name, input, len);
}

/* The charset of input that is not valid UTF-8 and has no BOM or hint:
 * UTF-16/32 by their NULs, mostly UTF-8 with a few bad bytes, the page's
 * declaration, else a guess from its text. */
static nc_status decode_undeclared(nc_doc *doc, const char *input, size_t len)
{
    const unsigned char *s = (const unsigned char *)input;
    const char *wide = memchr(input, 0, len) ? sniff_wide(s, len) : NULL;
    if (wide) {
        doc->encoding_confidence = 1.0;
        return decode_wide(doc, wide, input, len);
    }
    double confidence = 1.0;
    if (mostly_utf8(input, len, &confidence)) {
        doc->encoding_confidence = confidence;
        return copy_repaired(doc, input, len);
    }
    bool garbled_risk = false;
    const char *charset = nc_input_sniff_charset(input, len, &confidence, &garbled_risk);
    doc->encoding_confidence = confidence;
    if (garbled_risk)
        doc->flags |= NC_FLAG_CHARSET_GUESSED;
    if (strcmp(charset, "utf-8") == 0)
        return copy_repaired(doc, input, len); /* each bad byte counted */
    nc_status st = decode_as(doc, charset, charset, input, len);
    if (st == NC_ERR_ENCODING) { /* no converter in this ICU: repair as UTF-8 */
        doc->encoding = "utf-8";
        doc->flags |= NC_FLAG_CHARSET_GUESSED;
        doc->encoding_confidence = 0.0;
        st = copy_repaired(doc, input, len);
    }
    return st;
}

/* Input that is valid UTF-8: UTF-8, unless its NULs say UTF-16/32 or it is
 * ISO-2022-JP (7-bit, so valid UTF-8 too). */
static nc_status decode_valid_utf8(nc_doc *doc, const char *input, size_t len,
                                   bool ascii)
{
    const char *wide = memchr(input, 0, len)
                           ? sniff_wide((const unsigned char *)input, len)
                           : NULL;
    if (wide)
        return decode_wide(doc, wide, input, len);
    if (ascii && memchr(input, 0x1B, len) && is_iso2022jp(input, len))
        return decode_as(doc, "ISO-2022-JP", "iso-2022-jp", input, len);
    return copy_repaired(doc, input, len);
}

nc_status nc_input_decode(nc_doc *doc, const char *input, size_t len)
{
    const unsigned char *s = (const unsigned char *)input;
    nc_status st;
    if (binary_format(s, len))
        return NC_ERR_BINARY;
    doc->encoding = "utf-8";
    doc->encoding_confidence = 1.0;
    bool ascii = false;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        st = copy_repaired(doc, input + 3, len - 3);
    } else if (len >= 4 && ((s[0] == 0xFF && s[1] == 0xFE && !s[2] && !s[3]) ||
                            (!s[0] && !s[1] && s[2] == 0xFE && s[3] == 0xFF))) {
        /* UTF-32's BOMs (checked first: FF FE is also UTF-16LE's). */
        st = s[0] ? decode_as(doc, "UTF-32LE", "utf-32le", input + 4, len - 4)
                  : decode_as(doc, "UTF-32BE", "utf-32be", input + 4, len - 4);
    } else if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) ||
                            (s[0] == 0xFE && s[1] == 0xFF))) {
        st = s[0] == 0xFF ? decode_as(doc, "UTF-16LE", "utf-16le", input + 2, len - 2)
                          : decode_as(doc, "UTF-16BE", "utf-16be", input + 2, len - 2);
    } else if (doc->opts.encoding && is_utf8_name(doc->opts.encoding)) {
        st = copy_repaired(doc, input, len);
    } else if (doc->opts.encoding && doc->opts.encoding[0]) {
        /* The result outlives the caller's string: keep a copy. */
        char *name = nc_arena_strndup(&doc->arena, doc->opts.encoding,
                                      strlen(doc->opts.encoding));
        if (!name)
            return NC_ERR_NOMEM;
        st = decode_as(doc, name, name, input, len);
    } else if (is_utf8(input, len, &ascii)) {
        st = decode_valid_utf8(doc, input, len, ascii);
    } else {
        st = decode_undeclared(doc, input, len);
    }
    if (st != NC_OK)
        return st;
    return to_nfc(doc);
}
