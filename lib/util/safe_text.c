/* util/safe_text.c - the promises every string the API returns keeps:
 * valid UTF-8, NFC, no control character but tab and newline, no run of
 * more than NC_MAX_MARKS combining marks.
 *
 * The input stage normalises the raw bytes, but entities, tags and soft
 * hyphens resolved later can put a base and its mark side by side
 * ("Cafe&#x301;"), and character references can make ESC or C1 controls;
 * so each string is checked where the result is built. Already clean
 * text (nearly all) is one pass of eight bytes at a time and no copy. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "internal.h"

#define HIGH_BITS 0x8080808080808080ull
#define ONES 0x0101010101010101ull

/* Eight ASCII bytes, none a control (below ' ', or DEL). */
static bool plain8(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    uint64_t low = (w - 0x20 * ONES) & ~w;         /* a byte below 0x20 */
    uint64_t x = w ^ (0x7F * ONES);
    uint64_t del = (x - ONES) & ~x;                /* a byte equal to 0x7F */
    return ((w | low | del) & HIGH_BITS) == 0;
}

static bool control(UChar32 c)
{
    return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
}

/* The code point at s[*i] (valid, shortest form, no surrogate), or -1. */
static UChar32 next_cp(const unsigned char *s, size_t len, size_t *i)
{
    UChar32 c = s[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    size_t n = c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
    if (!n || n > len - *i) {
        (*i)++;
        return -1;
    }
    c &= 0x3F >> (n - 1);
    for (size_t k = 1; k < n; k++) {
        if ((s[*i + k] & 0xC0) != 0x80) {
            *i += k;
            return -1;
        }
        c = (c << 6) | (s[*i + k] & 0x3F);
    }
    static const UChar32 least[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < least[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        *i += n;
        return -1;
    }
    *i += n;
    return c;
}

/* True when s[0..len) keeps every promise as it is. A code point that
 * might combine with the one before sends it to the exact path. */
static bool clean_already(const UNormalizer2 *nfc, const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        while (len - i >= 8 && plain8(s + i))
            i += 8;
        if (i >= len)
            break;
        UChar32 c = next_cp(s, len, &i);
        if (c < 0 || control(c))
            return false;
        if (c >= 0x300 && !nc_nfc_starter(nfc, c))
            return false;
    }
    return true;
}

/* A boundary before is not enough: U+037E, U+F900 and other singletons
 * have one and still change under NFC. */
static bool starter_slow(const UNormalizer2 *nfc, UChar32 c)
{
    return unorm2_hasBoundaryBefore(nfc, c) &&
           u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

/* The answer for every BMP code point, a bit each (8 KB), made once: the
 * property lookup is slow next to a page's one pass of Cyrillic or CJK. */
static uint64_t bmp_starter[0x10000 / 64];
static pthread_once_t bmp_once = PTHREAD_ONCE_INIT;

static void bmp_init(void)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    for (UChar32 c = 0; c < 0x10000; c++)
        if (U_SUCCESS(err) && starter_slow(nfc, c))
            bmp_starter[c >> 6] |= 1ull << (c & 63);
}

bool nc_nfc_starter(const void *nfc, UChar32 c)
{
    if (c >= 0x10000)
        return starter_slow(nfc, c);
    pthread_once(&bmp_once, bmp_init);
    return (bmp_starter[c >> 6] >> (c & 63)) & 1;
}

size_t nc_cap_marks(UChar *u, size_t len)
{
    size_t out = 0, run = 0;
    for (size_t i = 0; i < len;) {
        size_t start = i;
        UChar32 c;
        U16_NEXT(u, i, len, c);
        run = u_getCombiningClass(c) ? run + 1 : 0;
        if (run > NC_MAX_MARKS)
            continue;
        while (start < i)
            u[out++] = u[start++];
    }
    return out;
}

/* U+0080..U+009F read as windows-1252, as HTML5 reads &#x80;..&#x9F;:
 * they come from cp1252 text decoded as Latin-1 ("\u0080" for the euro
 * sign). 0: no character there, the control is dropped. */
const uint16_t nc_cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

/* The slow path: s[0..len) as UTF-16 without controls (invalid bytes
 * become U+FFFD, C1 controls their windows-1252 characters), marks
 * capped, NFC, back to UTF-8 in the arena. */
static char *rebuild(nc_arena *arena, const UNormalizer2 *nfc, const unsigned char *s,
                     size_t len, size_t *out_len, unsigned *flags)
{
    if (len > INT32_MAX / 4)
        return NULL;
    UChar *u = malloc((2 * len + 1) * sizeof *u);
    if (!u)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        UChar32 c = next_cp(s, len, &i);
        if (c < 0) {
            c = 0xFFFD;
            *flags |= NC_FLAG_REPAIRED_UTF8;
        } else if (control(c)) {
            *flags |= NC_FLAG_REMOVED_CHARS;
            c = c >= 0x80 && c <= 0x9F ? nc_cp1252_high[c - 0x80] : 0;
            if (!c)
                continue;
        }
        U16_APPEND_UNSAFE(u, n, c);
    }
    size_t capped = nc_cap_marks(u, n);
    if (capped < n)
        *flags |= NC_FLAG_REMOVED_CHARS;
    n = capped;
    UErrorCode err = U_ZERO_ERROR;
    int32_t cap = (int32_t)(3 * n + 16);
    UChar *norm = malloc((size_t)cap * sizeof *norm);
    int32_t nlen = norm ? unorm2_normalize(nfc, u, (int32_t)n, norm, cap, &err) : 0;
    free(u);
    if (!norm || U_FAILURE(err)) {
        free(norm);
        return NULL;
    }
    int32_t blen = 0;
    u_strToUTF8(NULL, 0, &blen, norm, nlen, &err);
    err = U_ZERO_ERROR;
    char *out = nc_arena_alloc(arena, (size_t)blen + 1);
    if (out)
        u_strToUTF8(out, blen + 1, NULL, norm, nlen, &err);
    free(norm);
    if (!out || U_FAILURE(err))
        return NULL;
    out[blen] = '\0';
    *out_len = (size_t)blen;
    return out;
}

const char *nc_safe_text(nc_arena *arena, const char *s, size_t len, size_t *out_len,
                         unsigned *flags)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    *out_len = len;
    if (U_FAILURE(err))
        return NULL;
    const unsigned char *u = (const unsigned char *)s;
    if (clean_already(nfc, u, len))
        return s;
    return rebuild(arena, nfc, u, len, out_len, flags);
}
