/* util/spaces.c - white space collapsed: the one routine the HTML walk
 * (titles, <meta> values, evidence) and the metadata stage share. */
#include <stdbool.h>

#include "util/util.h"

static size_t space_at(const unsigned char *s, size_t left)
{
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' ||
        s[0] == '\f')
        return 1;
    if (s[0] == 0xC2 && left >= 2 && s[1] == 0xA0)
        return 2;
    return 0;
}

char *nc_text_collapsed(nc_arena *arena, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    char *out = nc_arena_alloc(arena, len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    bool pending = false;
    for (size_t i = 0; i < len;) {
        size_t n = space_at(u + i, len - i);
        if (n) {
            pending = o > 0;
            i += n;
            continue;
        }
        if (pending)
            out[o++] = ' ';
        pending = false;
        out[o++] = (char)u[i++];
    }
    out[o] = '\0';
    return o ? out : NULL;
}
