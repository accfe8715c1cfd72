/* util/util.h - the base layer every stage may use: the arena each
 * nc_clean call allocates from, a growable byte buffer, UTF-8 writing, and
 * the document's release (util/doc.c). */
#ifndef NC_UTIL_H
#define NC_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* util/arena.c: one arena per nc_clean call, freed at once. */
typedef struct nc_arena_chunk nc_arena_chunk;
typedef struct nc_arena {
    nc_arena_chunk *head; /* newest chunk first */
    size_t used;          /* bytes used in head */
    size_t cap;           /* bytes in head */
    size_t total;         /* all bytes allocated, for the memory limit */
} nc_arena;

void nc_arena_init(nc_arena *arena);
void nc_arena_free(nc_arena *arena);
/* NULL when memory runs out. Aligned for any type. */
void *nc_arena_alloc(nc_arena *arena, size_t size);
/* A NUL-terminated copy of s[0..len) in the arena; NULL on no memory. */
char *nc_arena_strndup(nc_arena *arena, const char *s, size_t len);

/* A growable byte buffer on the heap (for building text). */
typedef struct nc_buf {
    char *data;
    size_t len;
    size_t cap;
    bool failed; /* an append ran out of memory; data stays valid */
} nc_buf;

void nc_buf_free(nc_buf *buf);
bool nc_buf_reserve(nc_buf *buf, size_t extra);
bool nc_buf_append(nc_buf *buf, const char *s, size_t len);
bool nc_buf_append_char(nc_buf *buf, char c);

/* Writes code point cp (<= U+10FFFF) as UTF-8 to out; returns the bytes. */
static inline size_t nc_utf8_put(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* len cut to at most max bytes without splitting a UTF-8 character (s
 * holds at least len bytes; nothing is cut when len <= max). */
static inline size_t nc_utf8_cut(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

/* c in lower case when it is an ASCII capital; any other byte as it is. */
static inline char nc_ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* s[0..len) starts with word (lower-case ASCII), ignoring ASCII case. */
static inline bool nc_ascii_prefix_ci(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    if (len < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (nc_ascii_lower(s[i]) != word[i])
            return false;
    return true;
}

/* The words of s[0..len), text whose words one space divides. */
static inline size_t nc_count_words(const char *s, size_t len)
{
    size_t n = 0;
    bool in = false;
    for (size_t i = 0; i < len; i++) {
        bool space = s[i] == ' ';
        n += !space && !in;
        in = !space;
    }
    return n;
}

/* util/budget.c: nc_budget_start fixes the deadline (opts.max_ms) at the
 * call's start; nc_out_of_time is true once it has passed (then
 * NC_FLAG_WORK_LIMIT is set). Block stages check every NC_BUDGET_EVERY
 * parser events and once a block. */
struct nc_doc;
enum { NC_BUDGET_EVERY = 256 };
void nc_budget_start(struct nc_doc *doc);
bool nc_out_of_time(struct nc_doc *doc);

/* util/safe_text.c: the output promises (valid UTF-8, NFC, no control but
 * tab and newline, at most NC_MAX_MARKS combining marks in a row). s itself
 * when it keeps them, else a fixed copy in the arena (*flags gains
 * NC_FLAG_REMOVED_CHARS or NC_FLAG_REPAIRED_UTF8); NULL on no memory.
 * nc_cap_marks drops, in place, the marks of a run past NC_MAX_MARKS
 * (what keeps ICU's normaliser linear) and returns the new length. */
enum { NC_MAX_MARKS = 30 };
const char *nc_safe_text(nc_arena *arena, const char *s, size_t len, size_t *out_len,
                         unsigned *flags);
size_t nc_cap_marks(uint16_t *u, size_t len);
/* True when the code point c (nfc: ICU's NFC normaliser) neither combines
 * with what is before it nor changes under NFC itself. */
bool nc_nfc_starter(const void *nfc, int32_t c);
/* windows-1252's characters for the bytes 0x80..0x9F (0 where it has
 * none): what HTML5 reads &#x80;..&#x9F; as, and what a reader of
 * windows-1252 turned those bytes into (util/safe_text.c). */
extern const uint16_t nc_cp1252_high[32];

/* util/spaces.c: s[0..len) with every run of white space (ASCII or NBSP)
 * made one space and trimmed, as a NUL-terminated arena string; NULL when
 * nothing is left or on no memory. */
char *nc_text_collapsed(nc_arena *arena, const char *s, size_t len);

#endif /* NC_UTIL_H */
