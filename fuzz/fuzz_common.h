/* fuzz_common.h - what every fuzz target does with a result: read every
 * accessor and every byte the result hands out, so ASan sees any string
 * that is not NUL-terminated or any length that is wrong; check that every
 * string keeps the output promises (valid UTF-8, NFC, no control but tab
 * and newline); and fail an input whose cleaning costs more CPU time than
 * a linear bound allows (super-linear cost is a finding too). */
#ifndef NC_FUZZ_COMMON_H
#define NC_FUZZ_COMMON_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "newsclean.h"

/* CPU time allowed for one input: FUZZ_BASE_MS plus FUZZ_MS_PER_KB a KB
 * (sanitized build; an uninstrumented one is 5-10 times faster). A
 * quadratic stage on a 1 MB input takes minutes. */
#ifndef FUZZ_BASE_MS
#define FUZZ_BASE_MS 1000.0
#endif
#ifndef FUZZ_MS_PER_KB
#define FUZZ_MS_PER_KB 5.0
#endif

/* Strict UTF-8: shortest forms, no surrogates, nothing past U+10FFFF; no
 * C0 control but tab and newline, no DEL or C1 control. */
static int fuzz_utf8_clean(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t c = s[i];
        size_t n = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3
                 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
        if (!n || n > len - i)
            return 0;
        if (n > 1)
            c &= 0x3Fu >> (n - 1);
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            c = (c << 6) | (s[i + k] & 0x3Fu);
        }
        static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (c < least[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return 0;
        if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F))
            return 0;
        i += n;
    }
    return 1;
}

/* Aborts unless s[0..len) is clean UTF-8 and NFC. */
static void fuzz_check_string(const char *s, size_t len)
{
    if (!s || strlen(s) != len || !fuzz_utf8_clean((const unsigned char *)s, len))
        abort();
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    int32_t ulen = 0;
    u_strFromUTF8(NULL, 0, &ulen, s, (int32_t)len, &err);
    err = U_ZERO_ERROR;
    UChar *u = malloc(((size_t)ulen + 1) * sizeof *u);
    if (!u)
        return;
    u_strFromUTF8(u, ulen + 1, NULL, s, (int32_t)len, &err);
    if (U_FAILURE(err) || !unorm2_isNormalized(nfc, u, ulen, &err) || U_FAILURE(err))
        abort();
    free(u);
}

static double fuzz_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void fuzz_touch_result(const nc_result *r)
{
    size_t n = nc_result_paragraph_count(r), len = 0, sum = 0;
    for (size_t i = 0; i < n; i++) {
        const char *p = nc_result_paragraph(r, i, &len);
        if (!p || strlen(p) != len)
            abort(); /* a paragraph's length must match its bytes */
        fuzz_check_string(p, len);
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
        fuzz_check_string(info.text, info.length);
        if (!(info.score >= 0.0 && info.score <= 1.0))
            abort();
        (void)nc_label_name(info.label);
        (void)nc_reason_name(info.reason);
    }
    const char *title = nc_result_title(r);
    if (title)
        fuzz_check_string(title, strlen(title));
    fuzz_check_string(nc_result_language(r), strlen(nc_result_language(r)));
    fuzz_check_string(nc_result_encoding(r), strlen(nc_result_encoding(r)));
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
    double t0 = fuzz_cpu_ms();
    nc_status st = nc_clean(data, size, opts, &r);
    if (fuzz_cpu_ms() - t0 > FUZZ_BASE_MS + FUZZ_MS_PER_KB * (double)size / 1024.0)
        abort(); /* cost beyond the linear bound */
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
