/* fuzz_html.c - libFuzzer target: any bytes cleaned as HTML, with a small
 * max_depth every other input so the depth limit's flattening runs too. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nc_options opts;
    nc_options_init(&opts);
    opts.input = NC_INPUT_HTML;
    if (size % 2)
        opts.max_depth = 8;
    fuzz_clean((const char *)data, size, &opts);
    return 0;
}
