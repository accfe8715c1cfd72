/* fuzz_options.c - libFuzzer target: the first 8 bytes choose the options
 * (kind, charset hint, language hint, bias, small limits, a 1 ms
 * deadline), the rest is the page. Limits are kept small so truncation
 * paths run often. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

static const char *const charsets[] = {
    NULL, "utf-8", "windows-1252", "windows-1251", "koi8-r", "shift_jis",
    "gb18030", "big5", "euc-kr", "utf-16le", "utf-16be", "iso-8859-7",
    "no-such-charset", "", "UTF-32", "iso-2022-jp"};
static const char *const languages[] = {NULL, "en", "de", "ru", "zh",
                                        "ja", "xx", ""};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 8)
        return 0;
    nc_options opts;
    nc_options_init(&opts);
    opts.input = (nc_input_kind)(data[0] % 4); /* 3 is invalid: OPTIONS */
    opts.encoding = charsets[data[1] % (sizeof charsets / sizeof *charsets)];
    opts.language = languages[data[2] % (sizeof languages / sizeof *languages)];
    opts.recall_bias = ((int)data[3] - 128) / 100.0; /* some out of range */
    if (data[4] & 1)
        opts.max_blocks = 1 + data[4] / 2;
    if (data[5] & 1)
        opts.max_depth = 1 + data[5] / 8;
    if (data[6] & 1)
        opts.max_line_bytes = 8 + data[6]; /* below 16 is OPTIONS */
    if (data[7] & 1)
        opts.max_input_bytes = 1 + (size_t)data[7] * 16;
    if (data[7] == 0xFE)
        opts.size = offsetof(nc_options, max_input_bytes); /* older caller */
    if (data[4] == 0xFE)
        opts.max_ms = 1; /* the deadline's early stops (timing decides where) */
    fuzz_clean((const char *)data + 8, size - 8, &opts);
    return 0;
}
