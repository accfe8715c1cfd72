/* rules/fold.c - the one case fold every list is matched with, and the
 * language stage's words are looked up with: ICU's simple case folding
 * (u_foldCase), so "DEUTSCH", "Deutsch" and "deutsch" are one word and
 * Greek, Cyrillic and accented Latin capitals fold as ICU says. Below
 * NC_FOLD_LIMIT (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic,
 * Thai ... : nearly every letter of the pages) a table built once answers
 * without an ICU call; ASCII is folded by hand, eight bytes at a time. */
#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "rules/rules.h"
#include "util/util.h"

uint16_t nc_fold_table[NC_FOLD_LIMIT];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static void fold_build(void)
{
    for (uint32_t cp = 0; cp < NC_FOLD_LIMIT; cp++) {
        UChar32 f = u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT);
        nc_fold_table[cp] = (uint16_t)(f >= 0 && f < 0x10000 ? f : (UChar32)cp);
    }
}

void nc_fold_init(void) { pthread_once(&fold_once, fold_build); }

uint32_t nc_fold_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    if (cp < NC_FOLD_LIMIT)
        return nc_fold_table[cp];
    return (uint32_t)u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT);
}

/* Eight ASCII bytes folded at once, or false when one of them is not
 * ASCII: the high bit of each byte says >= 'A', then > 'Z'. */
static bool fold_ascii8(const uint8_t *in, char *out)
{
    uint64_t w;
    memcpy(&w, in, 8);
    if (w & 0x8080808080808080ull)
        return false;
    uint64_t ge_a = w + 0x3F3F3F3F3F3F3F3Full;
    uint64_t gt_z = w + 0x2525252525252525ull;
    w |= ((ge_a & ~gt_z) & 0x8080808080808080ull) >> 2;
    memcpy(out, &w, 8);
    return true;
}

size_t nc_fold_prefix(const char *text, size_t len, char *out, size_t cap, size_t *read)
{
    const uint8_t *u = (const uint8_t *)text;
    size_t i = 0, n = 0;
    nc_fold_init();
    while (i < len && n + 4 <= cap) {
        if (u[i] < 0x80) { /* ASCII: the common case, no ICU call */
            /* Eight at once where each would have had its room alone. */
            if (i + 8 <= len && n + 12 <= cap && fold_ascii8(u + i, out + n)) {
                i += 8;
                n += 8;
                continue;
            }
            out[n++] = (char)(u[i] >= 'A' && u[i] <= 'Z' ? u[i] + 32 : u[i]);
            i++;
            continue;
        }
        size_t at = i;
        UChar32 c;
        U8_NEXT(u, i, len, c);
        if (c < 0) {
            i = at;
            break;
        }
        n += nc_utf8_put(out + n, nc_fold_cp((uint32_t)c));
    }
    *read = i;
    return n;
}

size_t nc_fold_lossy(const char *text, size_t len, char *out, size_t cap)
{
    size_t i = 0, n = 0;
    while (i < len) {
        size_t read;
        n += nc_fold_prefix(text + i, len - i, out + n, cap - n, &read);
        i += read;
        if (i >= len || n + 4 > cap)
            break;
        UChar32 c; /* an invalid sequence, skipped as ICU reads it */
        U8_NEXT((const uint8_t *)text, i, len, c);
        (void)c;
        n += nc_utf8_put(out + n, 0xFFFD);
    }
    return n;
}
