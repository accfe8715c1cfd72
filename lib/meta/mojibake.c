/* meta/mojibake.c - text that was UTF-8, was read as windows-1252 (or
 * Latin-1) and was written out as UTF-8 again ("Investorâ€™s" for
 * "Investor’s"), read back. Pages carry it in their own markup (a title
 * pasted through a tool that read it wrong), so the charset stage cannot
 * see it: the metadata stage reads its title back. */
#include <string.h>

#include "meta/meta.h"

/* The byte a reader of windows-1252 (util's nc_cp1252_high) or Latin-1
 * turned into cp; -1 for ASCII and for characters no such reader makes. */
static int byte_read_as(uint32_t cp)
{
    if (cp >= 0x80 && cp <= 0xFF)
        return (int)cp;
    for (int i = 0; i < 32; i++)
        if (nc_cp1252_high[i] == cp)
            return 0x80 + i;
    return -1;
}

/* One code point of valid UTF-8 at s (left > 0); its length. */
static size_t next_cp(const unsigned char *s, size_t left, uint32_t *cp)
{
    size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
    if (n > left)
        n = 1;
    uint32_t v = n == 1 ? s[0] : s[0] & (0x7Fu >> n);
    for (size_t k = 1; k < n; k++)
        v = (v << 6) | (s[k] & 0x3Fu);
    *cp = v;
    return n;
}

/* b[0..n) is one well-formed UTF-8 character of n >= 2 bytes. */
static bool one_char(const unsigned char *b, size_t n)
{
    size_t want = b[0] >= 0xF0 ? 4 : b[0] >= 0xE0 ? 3 : b[0] >= 0xC2 ? 2 : 0;
    if (want != n || b[0] > 0xF4)
        return false;
    for (size_t k = 1; k < n; k++)
        if ((b[k] & 0xC0) != 0x80)
            return false;
    return !(b[0] == 0xE0 && b[1] < 0xA0) && !(b[0] == 0xED && b[1] >= 0xA0) &&
           !(b[0] == 0xF0 && b[1] < 0x90) && !(b[0] == 0xF4 && b[1] >= 0x90);
}

/* The bytes of the characters at s[0..len) that a windows-1252 reader
 * made of one UTF-8 character, into b; how many characters' bytes that
 * took (0: none). */
static size_t misread_char(const char *s, size_t len, unsigned char b[4], size_t *n)
{
    size_t at = 0;
    *n = 0;
    while (at < len && *n < 4) {
        uint32_t cp;
        size_t k = next_cp((const unsigned char *)s + at, len - at, &cp);
        int byte = byte_read_as(cp);
        if (byte < 0)
            break;
        b[(*n)++] = (unsigned char)byte;
        at += k;
        if (one_char(b, *n))
            return at;
    }
    return 0;
}

const char *nc_meta_read_back(nc_arena *arena, const char *s, bool *repaired)
{
    size_t len = strlen(s);
    char *out = nc_arena_alloc(arena, len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    bool any = false;
    for (size_t i = 0; i < len;) {
        unsigned char b[4];
        size_t n, used = misread_char(s + i, len - i, b, &n);
        if (used) {
            /* Two or more characters of two bytes or more made one of at
             * most four bytes: out never outgrows s. */
            memcpy(out + o, b, n);
            o += n;
            i += used;
            any = true;
            continue;
        }
        uint32_t cp;
        size_t k = next_cp((const unsigned char *)s + i, len - i, &cp);
        memcpy(out + o, s + i, k);
        o += k;
        i += k;
    }
    out[o] = '\0';
    *repaired = any;
    return any ? out : s;
}
