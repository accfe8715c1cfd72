/* features/ld_match.c - which blocks' opening words stand in the page's
 * JSON-LD articleBody (the in_ld_body feature).
 *
 * One strstr a block costs the articleBody's length a block: a 640 KB
 * articleBody and 80,000 short paragraphs took seconds. When that product
 * is small the plain search runs; past it the heads are hashed and the
 * articleBody is read once for each head length (at most HEAD_MAX - 11
 * lengths) with a rolling hash, every hit confirmed byte by byte, so the
 * answer is the same and the cost linear. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum { HEAD_MIN = 12, HEAD_MAX = 48 };
/* Below this many bytes searched in all, strstr a block is cheapest. */
#define PLAIN_WORK ((size_t)1 << 24)

static const uint64_t MUL = 0x100000001B3ull; /* FNV's prime: odd, spreads bytes */

/* The block's head: its first HEAD_MAX bytes, whole characters; 0 when the
 * block is too short to say anything. */
static size_t head_len(const nc_block *b)
{
    if (b->len < HEAD_MIN || b->words < 3)
        return 0;
    return nc_utf8_cut(b->text, b->len, HEAD_MAX);
}

static uint64_t hash_of(const char *s, size_t n)
{
    uint64_t h = 0;
    for (size_t i = 0; i < n; i++)
        h = h * MUL + (unsigned char)s[i];
    return h;
}

typedef struct slot {
    uint64_t hash;
    size_t block; /* a block with this head (SIZE_MAX: empty slot) */
    bool found;   /* the head occurs in the articleBody */
} slot;

static size_t find(const slot *tab, size_t mask, uint64_t h)
{
    size_t k = (size_t)(h ^ (h >> 29)) & mask;
    while (tab[k].block != SIZE_MAX && tab[k].hash != h)
        k = (k + 1) & mask;
    return k;
}

/* The heads of length n into an open-addressed table (mask + 1 slots). */
static void fill(const nc_doc *doc, size_t n, slot *tab, size_t mask)
{
    for (size_t i = 0; i <= mask; i++)
        tab[i].block = SIZE_MAX;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const nc_block *b = &doc->blocks[i];
        if (head_len(b) != n)
            continue;
        uint64_t h = hash_of(b->text, n);
        size_t k = find(tab, mask, h);
        if (tab[k].block == SIZE_MAX)
            tab[k] = (slot){h, i, false}; /* one block a hash: equal heads share it */
    }
}

/* Marks the blocks whose head of length n occurs in ld[0..len). */
static void scan(nc_doc *doc, const char *ld, size_t len, size_t n, slot *tab,
                 size_t mask)
{
    if (len < n)
        return;
    uint64_t top = 1;
    for (size_t i = 1; i < n; i++)
        top *= MUL;
    uint64_t h = hash_of(ld, n);
    for (size_t at = 0;; at++) {
        size_t k = find(tab, mask, h);
        if (tab[k].block != SIZE_MAX && !tab[k].found &&
            memcmp(doc->blocks[tab[k].block].text, ld + at, n) == 0)
            tab[k].found = true;
        if (at + n >= len)
            break;
        h = (h - (unsigned char)ld[at] * top) * MUL + (unsigned char)ld[at + n];
    }
}

/* Each block with a head of length n reads its slot's answer; a block
 * whose head only shares its hash with the slot's (a collision) is
 * searched for the plain way. */
static void answer(nc_doc *doc, size_t n, const slot *tab, size_t mask)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        nc_block *b = &doc->blocks[i];
        if (head_len(b) != n)
            continue;
        const slot *s = &tab[find(tab, mask, hash_of(b->text, n))];
        if (memcmp(doc->blocks[s->block].text, b->text, n) == 0) {
            b->ld_found = s->found;
        } else {
            char head[HEAD_MAX + 1];
            memcpy(head, b->text, n);
            head[n] = '\0';
            b->ld_found = strstr(doc->ld_body, head) != NULL;
        }
    }
}

nc_status nc_ld_match(nc_doc *doc)
{
    int8_t none = doc->ld_body && doc->ld_body[0] ? 0 : -1;
    size_t heads = 0, count[HEAD_MAX + 1] = {0};
    for (size_t i = 0; i < doc->nblocks; i++) {
        size_t n = head_len(&doc->blocks[i]);
        doc->blocks[i].ld_found = none;
        heads += n > 0;
        count[n]++;
    }
    if (none)
        return NC_OK;
    size_t len = strlen(doc->ld_body);
    if (heads == 0)
        return NC_OK;
    if (heads <= PLAIN_WORK / len) {
        for (size_t i = 0; i < doc->nblocks; i++) {
            nc_block *b = &doc->blocks[i];
            size_t n = head_len(b);
            char head[HEAD_MAX + 1];
            if (!n)
                continue;
            memcpy(head, b->text, n);
            head[n] = '\0';
            b->ld_found = strstr(doc->ld_body, head) != NULL;
        }
        return NC_OK;
    }
    size_t most = 0;
    for (size_t n = HEAD_MIN; n <= HEAD_MAX; n++)
        if (count[n] > most)
            most = count[n];
    size_t cap = 64;
    while (cap < 2 * most)
        cap *= 2;
    slot *tab = malloc(cap * sizeof *tab);
    if (!tab)
        return NC_ERR_NOMEM;
    for (size_t n = HEAD_MIN; n <= HEAD_MAX; n++) {
        if (!count[n])
            continue;
        fill(doc, n, tab, cap - 1);
        scan(doc, doc->ld_body, len, n, tab, cap - 1);
        answer(doc, n, tab, cap - 1);
    }
    free(tab);
    return NC_OK;
}
