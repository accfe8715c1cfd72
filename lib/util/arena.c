/* util/arena.c - one arena per nc_clean call, and a growable byte buffer.
 * Blocks and their strings live in the arena so a result is freed in one
 * sweep, and no block costs a malloc of its own. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct nc_arena_chunk {
    nc_arena_chunk *next;
    max_align_t align[]; /* the payload */
};

enum { NC_ARENA_MIN_CHUNK = 64 * 1024 };

void nc_arena_init(nc_arena *arena) { memset(arena, 0, sizeof *arena); }

void nc_arena_free(nc_arena *arena)
{
    nc_arena_chunk *c = arena->head;
    while (c) {
        nc_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    memset(arena, 0, sizeof *arena);
}

void *nc_arena_alloc(nc_arena *arena, size_t size)
{
    const size_t align = sizeof(max_align_t);
    size_t rounded = (size + align - 1) & ~(align - 1);
    if (rounded < size)
        return NULL;
    if (!arena->head || arena->cap - arena->used < rounded) {
        /* Chunks double as the arena grows, so a big page costs few
         * mallocs; a huge request gets a chunk of its own size. */
        size_t want = arena->total < NC_ARENA_MIN_CHUNK ? NC_ARENA_MIN_CHUNK
                                                         : arena->total;
        if (want > 16u * 1024 * 1024)
            want = 16u * 1024 * 1024;
        if (want < rounded)
            want = rounded;
        if (want > SIZE_MAX - sizeof(nc_arena_chunk))
            return NULL;
        nc_arena_chunk *c = malloc(sizeof(nc_arena_chunk) + want);
        if (!c)
            return NULL;
        c->next = arena->head;
        arena->head = c;
        arena->cap = want;
        arena->used = 0;
        arena->total += want;
    }
    void *p = (char *)arena->head->align + arena->used;
    arena->used += rounded;
    return p;
}

char *nc_arena_strndup(nc_arena *arena, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = nc_arena_alloc(arena, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void nc_buf_free(nc_buf *buf)
{
    free(buf->data);
    memset(buf, 0, sizeof *buf);
}

bool nc_buf_reserve(nc_buf *buf, size_t extra)
{
    if (buf->failed)
        return false;
    if (extra <= buf->cap - buf->len && buf->data)
        return true;
    if (extra > SIZE_MAX / 2 - buf->len) {
        buf->failed = true;
        return false;
    }
    size_t cap = buf->cap ? buf->cap : 256;
    while (cap - buf->len <= extra)
        cap *= 2;
    char *p = realloc(buf->data, cap);
    if (!p) {
        buf->failed = true;
        return false;
    }
    buf->data = p;
    buf->cap = cap;
    return true;
}

bool nc_buf_append(nc_buf *buf, const char *s, size_t len)
{
    if (!nc_buf_reserve(buf, len + 1))
        return false;
    if (len)
        memcpy(buf->data + buf->len, s, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
    return true;
}

bool nc_buf_append_char(nc_buf *buf, char c) { return nc_buf_append(buf, &c, 1); }
