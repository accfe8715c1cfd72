/* check_model.c - lib/classify/model.c gives the scores of the node-by-node
 * walk (nc_model_predict) bit for bit, for whatever model lib/classify/model.gen.c
 * holds: pages of feature vectors built from the model's own thresholds
 * (each one exactly, and the floats either side), zeros, NaN, infinities
 * and -0, in columns that are constant, rising, falling or random, of
 * sizes around the chunk of 8 blocks. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "internal.h"
#include "classify/model.h"
#include "testutil.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Every threshold of feature f in m (a DFS from each root). */
static size_t thresholds(const nc_tree_model *m, int f, float *out, size_t cap)
{
    size_t n = 0;
    for (uint32_t t = 0; t < m->ntrees; t++) {
        uint32_t stack[256], sp = 0;
        stack[sp++] = m->roots[t];
        while (sp) {
            const nc_tree_node *nd = &m->nodes[stack[--sp]];
            if (nd->feature < 0)
                continue;
            if (nd->feature == f && n < cap)
                out[n++] = nd->threshold;
            ck_assert(sp + 2 <= 256);
            stack[sp++] = (uint32_t)nd->left;
            stack[sp++] = (uint32_t)nd->right;
        }
    }
    return n;
}

/* Each model's thresholds by feature, collected once. */
static float model_thr[2][NC_NFEAT][2048];
static size_t model_nthr[2][NC_NFEAT];

static void collect_thresholds(void)
{
    const nc_tree_model *models[] = {&nc_model_stage1, &nc_model_stage2};
    for (int k = 0; k < 2; k++)
        for (int f = 0; f < models[k]->nfeatures && f < NC_NFEAT; f++)
            model_nthr[k][f] = thresholds(models[k], f, model_thr[k][f], 2048);
}

/* A value for feature f: a threshold, a float next to one, or a special. */
static float pick(const float *thr, size_t nthr)
{
    uint64_t r = rng();
    switch (r % 8) {
    case 0: return 0.0f;
    case 1: return -0.0f;
    case 2: return (r >> 8) % 64 == 0 ? NAN : (r >> 8) % 2 ? INFINITY : -INFINITY;
    case 3: return (float)((int)((r >> 8) % 200) - 50) / 7.0f;
    default:
        if (nthr == 0)
            return 1.0f;
        float t = thr[(r >> 8) % nthr];
        return r % 8 == 4 ? t : r % 8 == 5 ? nextafterf(t, INFINITY)
                                           : nextafterf(t, -INFINITY);
    }
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* One page of n vectors (row stride NC_NFEAT floats), scored both ways. */
static void check_page(const nc_tree_model *m, size_t n)
{
    float *x = calloc(n ? n : 1, NC_NFEAT * sizeof *x);
    float *fast = calloc(n ? n : 1, sizeof *fast);
    ck_assert(x && fast);
    for (int f = 0; f < m->nfeatures; f++) {
        const float *thr = model_thr[m == &nc_model_stage2][f];
        size_t nthr = model_nthr[m == &nc_model_stage2][f];
        int shape = (int)(rng() % 4); /* constant, rising, falling, random */
        float c = pick(thr, nthr);
        float *col = malloc((n ? n : 1) * sizeof *col);
        ck_assert(col);
        for (size_t i = 0; i < n; i++) {
            col[i] = shape == 0 ? c : pick(thr, nthr);
            if ((shape == 1 || shape == 2) && isnan(col[i]))
                col[i] = 0.0f; /* sorted columns: no NaN to order */
        }
        if (shape == 1 || shape == 2)
            qsort(col, n, sizeof *col, cmp_float);
        for (size_t i = 0; i < n; i++)
            x[i * NC_NFEAT + (size_t)f] = shape == 2 ? col[n - 1 - i] : col[i];
        free(col);
    }
    nc_model_predict_all(m, x, NC_NFEAT * sizeof *x, n, fast, sizeof *fast);
    for (size_t i = 0; i < n; i++) {
        float walk = nc_model_predict(m, x + i * NC_NFEAT);
        ck_assert_msg(memcmp(&walk, &fast[i], sizeof walk) == 0,
                      "block %zu of %zu: walk %.9g, fast %.9g", i, n, (double)walk,
                      (double)fast[i]);
    }
    free(fast);
    free(x);
}

START_TEST(test_same_scores_as_the_walk)
{
    static const size_t sizes[] = {1, 2, 7, 8, 9, 17, 64, 301};
    const nc_tree_model *models[] = {&nc_model_stage1, &nc_model_stage2};
    collect_thresholds();
    for (size_t k = 0; k < 2; k++)
        for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
            for (int rep = 0; rep < 4; rep++)
                check_page(models[k], sizes[s]);
}
END_TEST

/* Strides in bytes: vectors inside bigger records, scores written into
 * another array of records (as classify/classify.c does with the blocks). */
START_TEST(test_strided_rows_and_outputs)
{
    typedef struct rec {
        float pad;
        float feat[NC_NFEAT];
        double other;
    } rec;
    typedef struct outrec {
        char tag[3];
        float score;
    } outrec;
    enum { N = 20 };
    rec *in = calloc(N, sizeof *in);
    outrec *out = calloc(N, sizeof *out);
    ck_assert(in && out);
    for (size_t i = 0; i < N; i++)
        for (int f = 0; f < NC_NFEAT; f++)
            in[i].feat[f] = (float)((rng() % 1000)) / 100.0f;
    nc_model_predict_all(&nc_model_stage1, in[0].feat, sizeof *in, N, &out[0].score,
                         sizeof *out);
    for (size_t i = 0; i < N; i++) {
        float walk = nc_model_predict(&nc_model_stage1, in[i].feat);
        ck_assert(memcmp(&walk, &out[i].score, sizeof walk) == 0);
    }
    nc_model_predict_all(&nc_model_stage1, in[0].feat, sizeof *in, 0, &out[0].score,
                         sizeof *out); /* no vectors: nothing read or written */
    free(out);
    free(in);
}
END_TEST

static Suite *model_suite(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("model");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_same_scores_as_the_walk);
    tcase_add_test(tc, test_strided_rows_and_outputs);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(model_suite()); }
