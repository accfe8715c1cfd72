/* fuzz_common.h - what every fuzz target does with a result: read every
 * accessor and every byte the result hands out, so ASan sees any string
 * that is not NUL-terminated or any length that is wrong. */
#ifndef NC_FUZZ_COMMON_H
#define NC_FUZZ_COMMON_H

#include <stdlib.h>
#include <string.h>

#include "newsclean.h"

static void fuzz_touch_result(const nc_result *r)
{
    size_t n = nc_result_paragraph_count(r), len = 0, sum = 0;
    for (size_t i = 0; i < n; i++) {
        const char *p = nc_result_paragraph(r, i, &len);
        if (!p || strlen(p) != len)
            abort(); /* a paragraph's length must match its bytes */
        sum += len;
    }
    const char *text = nc_result_text(r, &len);
    if (!text || strlen(text) != len)
        abort();
    if (n && len != sum + 2 * (n - 1))
        abort(); /* paragraphs joined by exactly one blank line */
    size_t nb = nc_result_block_count(r);
    for (size_t i = 0; i < nb; i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        if (nc_result_block(r, i, &info) != NC_OK || !info.text || !info.tag ||
            strlen(info.text) != info.length)
            abort();
        if (!(info.score >= 0.0 && info.score <= 1.0))
            abort();
        (void)nc_label_name(info.label);
        (void)nc_reason_name(info.reason);
    }
    const char *title = nc_result_title(r);
    if (title)
        (void)strlen(title);
    if (strlen(nc_result_language(r)) == 0 || strlen(nc_result_script(r)) == 0 ||
        strlen(nc_result_encoding(r)) == 0)
        abort();
    double conf = nc_result_language_confidence(r);
    if (!(conf >= 0.0 && conf <= 1.0))
        abort();
    nc_input_kind kind = nc_result_input_kind(r);
    if (kind != NC_INPUT_TEXT && kind != NC_INPUT_HTML)
        abort();
    (void)nc_result_flags(r);
    (void)nc_result_repair_count(r);
}

/* Runs one nc_clean and checks the status contract: a result exactly when
 * the status is NC_OK, and a known status otherwise. */
static void fuzz_clean(const char *data, size_t size, const nc_options *opts)
{
    nc_result *r = NULL;
    nc_status st = nc_clean(data, size, opts, &r);
    if (st == NC_OK) {
        if (!r)
            abort();
        fuzz_touch_result(r);
    } else if (r || strcmp(nc_strerror(st), "unknown status") == 0) {
        abort();
    }
    nc_result_free(r);
}

#endif /* NC_FUZZ_COMMON_H */
