/* rules/match.c - the one phrase matcher. A list's phrases are indexed
 * once by first byte (and, within a first byte, by second byte, so a scan
 * stops past the pair it looks for), with a bitmap of the byte pairs that
 * start a phrase: at most positions no phrase begins with the two bytes
 * there, and one bit test rules them out. The callers decide where a
 * phrase may stand (a block's start, word starts, the whole block) and
 * what a hit means; the lists are folded (rules/fold.c) as their text is. */
#include <string.h>

#include "rules/rules.h"

static void mark_pair(nc_phrase_index *ix, unsigned first, unsigned second)
{
    unsigned bit = first * 256 + second;
    ix->pair[bit / 8] |= (uint8_t)(1u << (bit % 8));
}

static const char *phrase_of(const nc_phrase_list *l, size_t k)
{
    return *(const char *const *)(const void *)((const char *)l->phrase + k * l->stride);
}

bool nc_phrase_index_build(nc_phrase_index *ix, const nc_phrase_list *lists, size_t nlists)
{
    unsigned count[256] = {0};
    size_t total = 0;
    memset(ix, 0, sizeof *ix);
    for (size_t l = 0; l < nlists; l++)
        for (size_t k = 0; k < lists[l].count; k++) {
            const uint8_t *t = (const uint8_t *)phrase_of(&lists[l], k);
            size_t len = strlen((const char *)t);
            if (total == NC_INDEX_MAX || len == 0 || len > 255)
                return false;
            count[t[0]]++;
            ix->text[total] = (const char *)t;
            ix->len[total] = (uint8_t)len;
            ix->tag[total] = lists[l].tag;
            ix->item[total] = (uint16_t)k;
            ix->second[total] = len >= 2 ? t[1] : 0;
            if (len >= 2) {
                mark_pair(ix, t[0], t[1]);
            } else { /* a one-byte phrase: whatever follows */
                for (unsigned c = 0; c < 256; c++)
                    mark_pair(ix, t[0], c);
            }
            total++;
        }
    /* By first byte, list order kept (a counting sort), then by second
     * byte within each first byte (an insertion sort, stable too). */
    uint16_t order[NC_INDEX_MAX], fill[256];
    for (unsigned c = 0; c < 256; c++)
        ix->start[c + 1] = (uint16_t)(ix->start[c] + count[c]);
    memcpy(fill, ix->start, sizeof fill);
    for (size_t k = 0; k < total; k++)
        order[fill[(uint8_t)ix->text[k][0]]++] = (uint16_t)k;
    for (unsigned c = 0; c < 256; c++)
        for (unsigned k = ix->start[c] + 1u; k < ix->start[c + 1]; k++)
            for (unsigned j = k; j > ix->start[c] &&
                                 ix->second[order[j - 1]] > ix->second[order[j]];
                 j--) {
                uint16_t t = order[j];
                order[j] = order[j - 1];
                order[j - 1] = t;
            }
    /* The entries themselves in that order: a scan reads them in a row.
     * An array at a time, so the stack holds one array's copy, not the
     * whole index (a caller's thread may have a small stack). */
    const char *text[NC_INDEX_MAX];
    memcpy(text, ix->text, sizeof text);
    for (size_t k = 0; k < total; k++)
        ix->text[k] = text[order[k]];
    uint16_t item[NC_INDEX_MAX];
    memcpy(item, ix->item, sizeof item);
    for (size_t k = 0; k < total; k++)
        ix->item[k] = item[order[k]];
    uint8_t *bytes[] = {ix->len, ix->tag, ix->second};
    for (size_t a = 0; a < sizeof bytes / sizeof *bytes; a++) {
        uint8_t copy[NC_INDEX_MAX];
        memcpy(copy, bytes[a], sizeof copy);
        for (size_t k = 0; k < total; k++)
            bytes[a][k] = copy[order[k]];
    }
    ix->count = (uint16_t)total;
    return true;
}

int nc_phrase_next(const nc_phrase_index *ix, const uint8_t *s, size_t n, size_t i,
                   unsigned *k)
{
    unsigned next = i + 1 < n ? s[i + 1] : 0;
    if (*k == 0)
        *k = ix->start[s[i]];
    for (; *k < ix->start[s[i] + 1]; (*k)++) {
        unsigned p = *k;
        if (ix->len[p] >= 2 && ix->second[p] != next) {
            if (ix->second[p] > next)
                break; /* sorted: no later phrase has it */
            continue;
        }
        if (ix->len[p] <= n - i && memcmp(s + i, ix->text[p], ix->len[p]) == 0) {
            (*k)++;
            return (int)p;
        }
    }
    *k = ix->start[s[i] + 1];
    return -1;
}

/* A character of a script written without spaces starts at u[i]: Han,
 * kana, Hangul and full-width forms (U+3000..U+FFFF, lead bytes E3..EF),
 * Thai (U+0E00..U+0E7F). Phrases in those scripts ("摄影：") match inside
 * a run of text, where no word boundary is written. */
static bool nospace_lead(const uint8_t *u, size_t i, size_t len)
{
    return (u[i] >= 0xE3 && u[i] <= 0xEF) ||
           (u[i] == 0xE0 && i + 1 < len && (u[i + 1] == 0xB8 || u[i + 1] == 0xB9));
}

unsigned nc_phrase_scan(const nc_phrase_index *ix, const uint8_t *s, size_t n,
                        const bool word_byte[256], bool first_only, unsigned *hits)
{
    bool prev_word = false;
    unsigned found = 0;
    for (size_t i = 0; i < n; i++) {
        bool word = word_byte[s[i]];
        bool inside = prev_word && word;
        prev_word = word;
        bool nospace = inside && nospace_lead(s, i, n);
        if (inside && !nospace)
            continue; /* phrases start at word starts */
        if (!nc_phrase_may_start(ix, s[i], i + 1 < n ? s[i + 1] : 0))
            continue;
        unsigned k = 0;
        for (int p; (p = nc_phrase_next(ix, s, n, i, &k)) >= 0;) {
            size_t end = i + ix->len[p];
            /* and end at word ends: "our newsletter" is not "your newsletters" */
            if (!nospace_lead(s, i, n) && end < n && word_byte[s[end - 1]] &&
                word_byte[s[end]])
                continue;
            found++;
            if (hits)
                hits[ix->tag[p]]++;
            if (first_only)
                return found;
        }
    }
    return found;
}

bool nc_phrase_within(const nc_phrase_index *ix, const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!nc_phrase_may_start(ix, s[i], i + 1 < n ? s[i + 1] : 0))
            continue;
        unsigned k = 0;
        if (nc_phrase_next(ix, s, n, i, &k) >= 0)
            return true;
    }
    return false;
}

int nc_phrase_whole(const nc_phrase_index *ix, const uint8_t *s, size_t n)
{
    if (n == 0)
        return -1;
    unsigned k = 0;
    for (int p; (p = nc_phrase_next(ix, s, n, 0, &k)) >= 0;)
        if (ix->len[p] == n)
            return p;
    return -1;
}
