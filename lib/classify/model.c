/* classify/model.c - the tree ensembles of lib/classify/model.gen.c evaluated
 * QuickScorer-style (Lucchese et al., SIGIR 2015), with the same scores
 * as nc_model_predict's node-by-node walk, bit for bit.
 *
 * Each tree's leaves are numbered left to right and a block keeps one
 * 64-bit vector a tree, all ones at first. A node whose test fails
 * (x[f] > threshold) rules out its left subtree: its mask clears those
 * leaves' bits. After every failed node has been applied, the lowest set
 * bit is the leaf the walk would reach. Per feature the nodes are sorted
 * by threshold, so the failed ones are a prefix found by binary search.
 * Features with one value across the page (the document's size, every
 * markup feature of a text page) are applied once per page, not per block.
 * The leaf values are summed in tree order in double, as the walk does.
 *
 * The packed tables are built on first use for the models of
 * lib/classify/model.gen.c, whatever their size; a tree of more than 64 leaves,
 * a model of more trees than the stack buffers hold, or a failed
 * allocation leaves the plain walk in use (the same scores, slower). */
#include <limits.h>
#include <math.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "classify/model.h"

#define MAX_TREES 512   /* the per-page bit vectors live on the stack */
#define MAX_FEATURES 128 /* >= NC_NFEAT, the most a feature row holds */

typedef struct fast_model {
    uint32_t ntrees, nfeat;
    uint32_t *fstart;    /* nfeat + 1: feature f's nodes are [fstart[f], fstart[f+1]) */
    float *threshold;    /* ascending within a feature */
    uint32_t *tree;      /* the node's tree */
    uint64_t *mask;      /* zeros at the leaves of its left subtree */
    uint32_t leaves;     /* the most leaves a tree has */
    double *value;       /* tree t's leaf k is value[t * leaves + k]: the
                            float widened once, as the walk's sum does */
    double baseline;
    bool exact_sum;      /* every partial sum of leaf values is exact in
                            double, so any order gives the walk's sum */
} fast_model;

typedef struct node_entry {
    float threshold;
    uint32_t feature, tree;
    uint64_t mask;
} node_entry;

static void fast_free(fast_model *fm)
{
    if (!fm)
        return;
    free(fm->fstart);
    free(fm->threshold);
    free(fm->tree);
    free(fm->mask);
    free(fm->value);
    free(fm);
}

/* Numbers tree `tree`'s leaves from *nleaves on, left to right, and
 * appends an entry for each split. False on a shape the bit vectors
 * cannot hold (more than 64 leaves, a bad index, a cycle). */
static bool walk_tree(const nc_tree_model *m, uint32_t node, uint32_t tree,
                      uint32_t depth, uint32_t nnodes, uint32_t *nleaves,
                      float *values, node_entry *entries, uint32_t *nentries)
{
    if (node >= nnodes || depth > 64)
        return false;
    const nc_tree_node *n = &m->nodes[node];
    if (n->feature < 0) {
        if (*nleaves >= 64)
            return false;
        values[(*nleaves)++] = n->value;
        return true;
    }
    if (n->feature >= m->nfeatures || (uint32_t)n->feature >= MAX_FEATURES)
        return false;
    uint32_t first = *nleaves;
    if (!walk_tree(m, (uint32_t)n->left, tree, depth + 1, nnodes, nleaves, values,
                   entries, nentries))
        return false;
    uint32_t last = *nleaves; /* left subtree: leaves [first, last) */
    if (*nentries >= nnodes)
        return false;
    uint64_t left = (last - first >= 64 ? ~0ull : ((1ull << (last - first)) - 1)) << first;
    entries[*nentries] = (node_entry){n->threshold, (uint32_t)n->feature, tree, ~left};
    (*nentries)++;
    return walk_tree(m, (uint32_t)n->right, tree, depth + 1, nnodes, nleaves, values,
                     entries, nentries);
}

static int entry_cmp(const void *pa, const void *pb)
{
    const node_entry *a = pa, *b = pb;
    if (a->feature != b->feature)
        return a->feature < b->feature ? -1 : 1;
    if (a->threshold != b->threshold)
        return a->threshold < b->threshold ? -1 : 1;
    return a->tree < b->tree ? -1 : a->tree > b->tree;
}

/* The node count of the generated table: every root and child index lies
 * below it, and the last tree ends there. */
static uint32_t count_nodes(const nc_tree_model *m)
{
    uint32_t hi = 0;
    for (uint32_t t = 0; t < m->ntrees; t++) {
        /* Walk each tree's index range without trusting a size field. */
        uint32_t stack[128], sp = 0, steps = 0;
        stack[sp++] = m->roots[t];
        while (sp) {
            if (++steps > 4096) /* a cycle, or a tree far past 64 leaves */
                return 0;
            uint32_t i = stack[--sp];
            if (i + 1 > hi)
                hi = i + 1;
            const nc_tree_node *n = &m->nodes[i];
            if (n->feature >= 0) {
                if (sp + 2 > 128 || n->left < 0 || n->right < 0)
                    return 0;
                stack[sp++] = (uint32_t)n->left;
                stack[sp++] = (uint32_t)n->right;
            }
        }
    }
    return hi;
}

/* Whether summing the baseline and one leaf a tree is exact in double
 * whatever the order: every value is a float, so a multiple of 2^q for q
 * the smallest exponent of a unit in the last place among them; a sum of
 * them all is below 2^m; when m - q <= 53 every partial sum is an integer
 * times 2^q below 2^53, which a double holds exactly. Then the sum may
 * run in independent chains (no rounding to reproduce) and still equal
 * the walk's to the bit. The models of lib/classify/model.gen.c leave 7 bits to
 * spare (m - q = 46, 45); a model that does not is summed in order. */
static bool sums_exactly(const fast_model *fm)
{
    int q = INT_MAX, e;
    double bound = fabs(fm->baseline);
    if (!isfinite(bound))
        return false;
    if (fm->baseline != 0) {
        frexp(fm->baseline, &e);
        q = e - 24;
    }
    for (uint32_t t = 0; t < fm->ntrees; t++) {
        double most = 0;
        for (uint32_t k = 0; k < fm->leaves; k++) {
            double v = fm->value[(size_t)t * fm->leaves + k];
            if (!isfinite(v))
                return false;
            if (v != 0) {
                frexp(v, &e);
                q = e - 24 < q ? e - 24 : q;
            }
            most = fabs(v) > most ? fabs(v) : most;
        }
        bound += most;
    }
    if (q == INT_MAX)
        return true; /* all zero */
    frexp(bound, &e); /* bound < 2^e */
    return e - q <= 53;
}

static fast_model *fast_build(const nc_tree_model *m)
{
    if (m->ntrees == 0 || m->ntrees > MAX_TREES || m->nfeatures <= 0 ||
        m->nfeatures > MAX_FEATURES)
        return NULL;
    uint32_t nnodes = count_nodes(m);
    if (nnodes == 0)
        return NULL;
    fast_model *fm = calloc(1, sizeof *fm);
    node_entry *entries = malloc(nnodes * sizeof *entries);
    float *values = NULL;
    if (!fm || !entries)
        goto fail;
    fm->ntrees = m->ntrees;
    fm->nfeat = (uint32_t)m->nfeatures;
    fm->baseline = m->baseline;
    fm->fstart = calloc(fm->nfeat + 1, sizeof *fm->fstart);
    values = calloc((size_t)m->ntrees * 64, sizeof *values);
    if (!fm->fstart || !values)
        goto fail;
    uint32_t nentries = 0;
    for (uint32_t t = 0; t < m->ntrees; t++) {
        uint32_t k = 0;
        if (!walk_tree(m, m->roots[t], t, 0, nnodes, &k, values + (size_t)t * 64, entries,
                       &nentries))
            goto fail;
        fm->leaves = k > fm->leaves ? k : fm->leaves;
    }
    qsort(entries, nentries, sizeof *entries, entry_cmp);
    fm->threshold = malloc((nentries + 1) * sizeof *fm->threshold);
    fm->tree = malloc((nentries + 1) * sizeof *fm->tree);
    fm->mask = malloc((nentries + 1) * sizeof *fm->mask);
    fm->value = malloc((size_t)m->ntrees * fm->leaves * sizeof *fm->value);
    if (!fm->threshold || !fm->tree || !fm->mask || !fm->value)
        goto fail;
    for (uint32_t t = 0; t < m->ntrees; t++)
        for (uint32_t k = 0; k < fm->leaves; k++)
            fm->value[(size_t)t * fm->leaves + k] = values[(size_t)t * 64 + k];
    for (uint32_t e = 0; e < nentries; e++) {
        fm->threshold[e] = entries[e].threshold;
        fm->tree[e] = entries[e].tree;
        fm->mask[e] = entries[e].mask;
        fm->fstart[entries[e].feature + 1]++;
    }
    for (uint32_t f = 0; f < fm->nfeat; f++)
        fm->fstart[f + 1] += fm->fstart[f];
    fm->exact_sum = sums_exactly(fm);
    free(entries);
    free(values);
    return fm;
fail:
    free(entries);
    free(values);
    fast_free(fm);
    return NULL;
}

/* One slot per model of lib/classify/model.gen.c. A build that lost a race or
 * found no memory is dropped; the next page tries again. */
static _Atomic(fast_model *) fast_slot[2];

static fast_model *fast_get(const nc_tree_model *m)
{
    int s = m == &nc_model_stage1 ? 0 : m == &nc_model_stage2 ? 1 : -1;
    if (s < 0)
        return NULL;
    fast_model *fm = atomic_load_explicit(&fast_slot[s], memory_order_acquire);
    if (fm)
        return fm;
    fast_model *built = fast_build(m);
    if (!built)
        return NULL;
    if (!atomic_compare_exchange_strong_explicit(&fast_slot[s], &fm, built,
                                                 memory_order_acq_rel,
                                                 memory_order_acquire)) {
        fast_free(built);
        return fm;
    }
    return built;
}

/* How many of feature f's nodes fail for x: those with threshold < x (a
 * NaN fails every test, as in the walk). Most features fail none (a flag
 * at 0 against 0.5), so that is checked first; the rest is a binary
 * search without branches to mispredict. */
static inline uint32_t failed_nodes(const fast_model *fm, uint32_t f, float x)
{
    uint32_t lo = fm->fstart[f], len = fm->fstart[f + 1] - lo;
    const float *t = fm->threshold + lo, *base = t;
    if (!(x > t[0]))
        return x != x ? len : 0;
    while (len > 1) {
        uint32_t half = len / 2;
        base = base[half] < x ? base + half : base;
        len -= half;
    }
    return (uint32_t)(base - t) + (*base < x);
}

/* Applies feature f's nodes [from, to) (in threshold order) to v. */
static inline void apply_nodes(const fast_model *fm, uint32_t f, uint32_t from, uint32_t to,
                        uint64_t *v)
{
    const uint32_t *tree = fm->tree + fm->fstart[f];
    const uint64_t *mask = fm->mask + fm->fstart[f];
    uint32_t i = from;
    for (; i + 4 <= to; i += 4) {
        v[tree[i]] &= mask[i];
        v[tree[i + 1]] &= mask[i + 1];
        v[tree[i + 2]] &= mask[i + 2];
        v[tree[i + 3]] &= mask[i + 3];
    }
    for (; i < to; i++)
        v[tree[i]] &= mask[i];
}

static unsigned lowest_bit(uint64_t v)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(v);
#else
    unsigned k = 0;
    while (!(v & 1)) {
        v >>= 1;
        k++;
    }
    return k;
#endif
}

static inline const float *row(const float *x, size_t stride, size_t i)
{
    return (const float *)(const void *)((const char *)x + i * stride);
}

/* The trees' leaves that vector v selects, summed as the tree walk sums
 * them, to the last bit: in four chains when every partial sum is exact
 * (sums_exactly), else in tree order. */
static inline double leaf_sum(const fast_model *fm, const uint64_t *v)
{
    double raw = fm->baseline;
    const double *value = fm->value;
    uint32_t t = 0, leaves = fm->leaves;
    if (fm->exact_sum) {
        double r1 = 0, r2 = 0, r3 = 0;
        for (; t + 4 <= fm->ntrees; t += 4, value += 4 * leaves) {
            raw += value[lowest_bit(v[t])];
            r1 += value[leaves + lowest_bit(v[t + 1])];
            r2 += value[2 * leaves + lowest_bit(v[t + 2])];
            r3 += value[3 * leaves + lowest_bit(v[t + 3])];
        }
        raw = (raw + r1) + (r2 + r3);
    }
    for (; t + 2 <= fm->ntrees; t += 2, value += 2 * leaves) {
        raw += value[lowest_bit(v[t])];
        raw += value[leaves + lowest_bit(v[t + 1])];
    }
    if (t < fm->ntrees)
        raw += value[lowest_bit(v[t])];
    return raw;
}

void nc_model_predict_all(const nc_tree_model *m, const float *x, size_t stride,
                          size_t n, float *out, size_t out_stride)
{
    const fast_model *fm = n > 0 ? fast_get(m) : NULL;
    if (!fm) {
        for (size_t i = 0; i < n; i++)
            *(float *)(void *)((char *)out + i * out_stride) =
                nc_model_predict(m, row(x, stride, i));
        return;
    }
    /* A feature that never falls from one block to the next (the
     * document's size, a markup flag on a text page, the position in the
     * page, the body words before) fails a growing prefix of its nodes:
     * those go into one running vector as they are reached, once a page.
     * Only the others are applied block by block. */
    uint32_t rising[MAX_FEATURES], nrising = 0, done[MAX_FEATURES];
    uint32_t vary[MAX_FEATURES], nvary = 0;
    uint64_t run[MAX_TREES], v[MAX_TREES];
    for (uint32_t t = 0; t < fm->ntrees; t++)
        run[t] = ~0ull;
    /* One pass over the rows in order (a column at a time would read a
     * big page's rows from memory once per feature), keeping the features
     * still constant or rising; most drop out within a few blocks. */
    uint32_t cand[MAX_FEATURES], ncand = 0;
    uint8_t kind[MAX_FEATURES]; /* 0 unused, 1 varies, 2 rises, 3 constant */
    for (uint32_t f = 0; f < fm->nfeat; f++) {
        kind[f] = fm->fstart[f] == fm->fstart[f + 1] ? 0 : 3;
        if (kind[f])
            cand[ncand++] = f;
    }
    for (size_t i = 1; i < n && ncand > 0; i++) {
        const float *prev = row(x, stride, i - 1), *cur = row(x, stride, i);
        uint32_t keep = 0;
        for (uint32_t k = 0; k < ncand; k++) {
            uint32_t f = cand[k];
            if (memcmp(&prev[f], &cur[f], sizeof *cur) != 0) {
                if (!(prev[f] <= cur[f])) { /* fell, or a NaN that changes */
                    kind[f] = 1;
                    continue;
                }
                kind[f] = 2;
            }
            cand[keep++] = f;
        }
        ncand = keep;
    }
    for (uint32_t f = 0; f < fm->nfeat; f++) {
        if (kind[f] == 1) {
            vary[nvary++] = f;
        } else if (kind[f] == 3) {
            apply_nodes(fm, f, 0, failed_nodes(fm, f, row(x, stride, 0)[f]), run);
        } else if (kind[f] == 2) {
            done[nrising] = 0;
            rising[nrising++] = f;
        }
    }
    /* Blocks go in chunks of CHUNK. The nodes of a varying feature that
     * fail for every block of a chunk (the prefix up to the chunk's
     * smallest count) go into the chunk's vector once; each block adds
     * only its own remainder. Neighbouring blocks are alike (a run of
     * body lines, a menu), so the remainders are short. */
    enum { CHUNK = 8 };
    uint64_t chunk[MAX_TREES];
    uint32_t failed[CHUNK][MAX_FEATURES], least[MAX_FEATURES];
    /* The previous block's value and count of each varying feature: the
     * same value again (a flag, a small count) skips the search. */
    float last_x[MAX_FEATURES];
    uint32_t last_k[MAX_FEATURES];
    for (uint32_t k = 0; k < nvary; k++) {
        last_x[k] = row(x, stride, 0)[vary[k]];
        last_k[k] = failed_nodes(fm, vary[k], last_x[k]);
    }
    for (size_t c = 0; c < n; c += CHUNK) {
        size_t m = n - c < CHUNK ? n - c : CHUNK;
        for (uint32_t k = 0; k < nvary; k++)
            least[k] = UINT32_MAX;
        for (size_t j = 0; j < m; j++) {
            const float *xj = row(x, stride, c + j);
            for (uint32_t k = 0; k < nvary; k++) {
                float xf = xj[vary[k]];
                uint32_t kf = xf == last_x[k] ? last_k[k] : failed_nodes(fm, vary[k], xf);
                last_x[k] = xf;
                last_k[k] = kf;
                failed[j][k] = kf;
                least[k] = kf < least[k] ? kf : least[k];
            }
        }
        memcpy(chunk, run, fm->ntrees * sizeof *chunk);
        for (uint32_t k = 0; k < nvary; k++)
            apply_nodes(fm, vary[k], 0, least[k], chunk);
        for (size_t j = 0; j < m; j++) {
            const float *xi = row(x, stride, c + j);
            /* Rising features: into the page's vector (for later chunks)
             * and this chunk's. */
            for (uint32_t k = 0; k < nrising; k++) {
                uint32_t f = rising[k], to = failed_nodes(fm, f, xi[f]);
                if (to > done[k]) {
                    apply_nodes(fm, f, done[k], to, run);
                    apply_nodes(fm, f, done[k], to, chunk);
                    done[k] = to;
                }
            }
            memcpy(v, chunk, fm->ntrees * sizeof *v);
            for (uint32_t k = 0; k < nvary; k++)
                if (failed[j][k] > least[k])
                    apply_nodes(fm, vary[k], least[k], failed[j][k], v);
            double raw = leaf_sum(fm, v);
            *(float *)(void *)((char *)out + (c + j) * out_stride) =
                (float)(1.0 / (1.0 + exp(-raw)));
        }
    }
}
