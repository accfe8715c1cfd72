/* testutil.c - helpers the Check suites share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testutil.h"

nc_result *tu_clean(const char *input, size_t len, const nc_options *opts)
{
    nc_result *r = NULL;
    nc_status st = nc_clean(input, len, opts, &r);
    ck_assert_msg(st == NC_OK, "nc_clean: %s", nc_strerror(st));
    ck_assert_ptr_nonnull(r);
    return r;
}

nc_result *tu_clean_kind(const char *input, nc_input_kind kind)
{
    nc_options o;
    nc_options_init(&o);
    o.input = kind;
    return tu_clean(input, strlen(input), &o);
}

char *tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *p = realloc(buf, cap * 2 + 1);
            if (!p) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        return NULL;
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* White space as the comparison sees it: ASCII white space and NBSP. */
static size_t ws_len(const unsigned char *s, size_t left)
{
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
        *s == '\v')
        return 1;
    if (*s == 0xC2 && left >= 2 && s[1] == 0xA0)
        return 2;
    return 0;
}

char *tu_collapse(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    ck_assert_ptr_nonnull(out);
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0, i = 0;
    bool space = false;
    while (i < len) {
        size_t n = ws_len(u + i, len - i);
        if (n) {
            space = o > 0;
            i += n;
            continue;
        }
        if (space)
            out[o++] = ' ';
        space = false;
        out[o++] = (char)u[i++];
    }
    out[o] = '\0';
    return out;
}

char **tu_split_paragraphs(const char *text, size_t len, size_t *n)
{
    size_t cap = 16;
    char **list = malloc(cap * sizeof *list);
    ck_assert_ptr_nonnull(list);
    *n = 0;
    size_t i = 0;
    while (i < len) {
        /* A paragraph runs until a line that is blank (white space only). */
        size_t start = i, end = i;
        while (i < len) {
            const char *nl = memchr(text + i, '\n', len - i);
            size_t line_end = nl ? (size_t)(nl - text) : len;
            char *line = tu_collapse(text + i, line_end - i);
            bool blank = line[0] == '\0';
            free(line);
            i = nl ? line_end + 1 : len;
            if (blank)
                break;
            end = line_end;
        }
        char *p = tu_collapse(text + start, end > start ? end - start : 0);
        if (p[0] == '\0') {
            free(p);
            continue;
        }
        if (*n == cap) {
            cap *= 2;
            list = realloc(list, cap * sizeof *list);
            ck_assert_ptr_nonnull(list);
        }
        list[(*n)++] = p;
    }
    return list;
}

void tu_free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

bool tu_para_is(const nc_result *r, size_t i, const char *want)
{
    size_t len = 0;
    const char *p = nc_result_paragraph(r, i, &len);
    if (!p)
        return false;
    char *got = tu_collapse(p, len);
    char *exp = tu_collapse(want, strlen(want));
    bool same = strcmp(got, exp) == 0;
    if (!same)
        fprintf(stderr, "paragraph %zu:\n  got  \"%s\"\n  want \"%s\"\n", i,
                got, exp);
    free(got);
    free(exp);
    return same;
}

bool tu_has_block(const nc_result *r, const char *want)
{
    char *exp = tu_collapse(want, strlen(want));
    bool found = false;
    for (size_t i = 0; i < nc_result_block_count(r) && !found; i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        if (nc_result_block(r, i, &info) != NC_OK)
            break;
        char *got = tu_collapse(info.text, info.length);
        found = strcmp(got, exp) == 0;
        free(got);
    }
    free(exp);
    return found;
}

double tu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

long tu_peak_rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0) {
            kb = strtol(line + 6, NULL, 10);
            break;
        }
    fclose(f);
    return kb;
}

void tu_reset_peak_rss(void)
{
    /* "5" resets the peak RSS (Linux >= 4.0); harmless where it fails. */
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (f) {
        fputs("5", f);
        fclose(f);
    }
}

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define TU_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define TU_SANITIZED 1
#endif
#endif

bool tu_slow(void)
{
#ifdef TU_SANITIZED
    return true;
#else
    const char *e = getenv("NC_TEST_SLOW");
    return e && *e && strcmp(e, "0") != 0;
#endif
}

int tu_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
