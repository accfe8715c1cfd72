/* bench_stages.c - `bench --stages`: the same pages through the
 * pipeline's stages one at a time, each stage's share of one thread's
 * time. It calls the stages as lib/newsclean.c does, through the
 * internal header (the static library exports them to tools). */
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "internal.h"
#include "outline.h"
#include "input/input.h"
#include "blocks/blocks.h"
#include "lang/lang.h"
#include "features/features.h"
#include "result.h"

enum { ST_DECODE, ST_BLOCKS, ST_LANG, ST_FEATURES, ST_CLASSIFY, ST_RESULT,
       ST_COUNT };
static const char *const stage_names[ST_COUNT] = {
    "decode", "blocks", "lang", "features", "classify", "result"};

/* One page through the stages of nc_pipeline() and nc_clean(), in their
 * order, adding each stage's seconds to acc. Keep in step with
 * lib/newsclean.c. */
static void stage_page(const page *p, nc_input_kind input, double acc[ST_COUNT])
{
    nc_doc doc;
    memset(&doc, 0, sizeof doc);
    nc_arena_init(&doc.arena);
    doc.lang = -1;
    nc_options_init(&doc.opts);
    doc.opts.input = input;
    if (p->len > doc.opts.max_input_bytes)
        doc.opts.max_input_bytes = p->len;
    nc_result *r = NULL;
    nc_status st = nc_lang_init();
    double t[ST_COUNT + 1];
    int k = 0;
    t[k++] = now();
    if (st == NC_OK)
        st = nc_input_decode(&doc, p->data, p->len);
    if (st == NC_OK) {
        doc.kind = input != NC_INPUT_AUTO
                       ? input
                       : nc_input_detect_kind(doc.utf8, doc.utf8_len);
        t[k++] = now();
        st = doc.kind == NC_INPUT_HTML ? nc_html_blocks(&doc)
                                       : nc_text_blocks(&doc);
    }
    if (st == NC_OK) {
        t[k++] = now();
        st = nc_lang_analyse(&doc);
    }
    if (st == NC_OK) {
        t[k++] = now();
        st = nc_features(&doc);
    }
    if (st == NC_OK) {
        t[k++] = now();
        nc_pipeline_classify(&doc);
        t[k++] = now();
        st = nc_result_build(&doc, &r);
        nc_result_free(r);
        t[k++] = now();
    }
    if (st != NC_OK)
        nc_doc_free(&doc);
    for (int i = 0; i + 1 < k; i++)
        acc[i] += t[i + 1] - t[i];
}

void bench_stages(const page_set *set, nc_input_kind input, int runs,
                         const char *group, bool tsv)
{
    double acc[ST_COUNT] = {0}, total = 0;
    for (size_t i = 0; i < set->n; i++) /* warm-up */
        stage_page(&set->pages[i], input, (double[ST_COUNT]){0});
    for (int r = 0; r < runs; r++)
        for (size_t i = 0; i < set->n; i++)
            stage_page(&set->pages[i], input, acc);
    for (int s = 0; s < ST_COUNT; s++)
        total += acc[s];
    if (!tsv)
        printf("      stages (1 thread, mean of %d runs):", runs);
    for (int s = 0; s < ST_COUNT; s++) {
        if (tsv)
            printf("STAGE\t%s\t%s\t%.6f\t%.1f\n", group, stage_names[s],
                   acc[s] / runs, 100 * acc[s] / total);
        else
            printf(" %s %.1f%%", stage_names[s], 100 * acc[s] / total);
    }
    if (!tsv)
        printf("\n");
}
