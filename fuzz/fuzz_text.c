/* fuzz_text.c - libFuzzer target: any bytes cleaned as plain text (and with
 * kind detection, every third input), with the default limits. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nc_options opts;
    nc_options_init(&opts);
    opts.input = size % 3 == 0 ? NC_INPUT_AUTO : NC_INPUT_TEXT;
    fuzz_clean((const char *)data, size, &opts);
    return 0;
}
