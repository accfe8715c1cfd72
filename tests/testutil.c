/* testutil.c - helpers the Check suites share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

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

char *tu_path(const char *dir, const char *name, const char *ext)
{
    size_t n = strlen(dir) + strlen(name) + strlen(ext) + 2;
    char *p = malloc(n);
    if (!p)
        abort();
    snprintf(p, n, "%s/%s%s", dir, name, ext);
    return p;
}

char *tu_collapse_with(const char *s, size_t len,
                       size_t (*space_len)(const unsigned char *s, size_t left))
{
    char *out = malloc(len + 1);
    ck_assert_ptr_nonnull(out);
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0, i = 0;
    bool space = false;
    while (i < len) {
        size_t n = space_len(u + i, len - i);
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

char *tu_collapse(const char *s, size_t len) { return tu_collapse_with(s, len, ws_len); }

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

bool tu_valid_utf8(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned char c = u[i];
        size_t n;
        unsigned min;
        unsigned cp;
        if (c == 0)
            return false;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2, min = 0x80, cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3, min = 0x800, cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4, min = 0x10000, cp = c & 0x07u;
        } else {
            return false;
        }
        if (len - i < n)
            return false;
        for (size_t k = 1; k < n; k++) {
            if ((u[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (u[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n;
    }
    return true;
}

bool tu_output_clean(const char *s, size_t len)
{
    if (!tu_valid_utf8(s, len))
        return false;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++) {
        if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n') || u[i] == 0x7F)
            return false;
        if (u[i] == 0xC2 && i + 1 < len && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F)
            return false; /* C1 */
    }
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    int32_t ulen = 0;
    u_strFromUTF8(NULL, 0, &ulen, s, (int32_t)len, &err);
    err = U_ZERO_ERROR;
    UChar *w = malloc(((size_t)ulen + 1) * sizeof *w);
    ck_assert_ptr_nonnull(w);
    u_strFromUTF8(w, ulen + 1, NULL, s, (int32_t)len, &err);
    bool ok = U_SUCCESS(err) && unorm2_isNormalized(nfc, w, ulen, &err) && U_SUCCESS(err);
    free(w);
    return ok;
}

void tu_check_result(const nc_result *r)
{
    ck_assert_ptr_nonnull(r);
    size_t n = nc_result_paragraph_count(r), len = 0, sum = 0;
    for (size_t i = 0; i < n; i++) {
        const char *p = nc_result_paragraph(r, i, &len);
        ck_assert_ptr_nonnull(p);
        ck_assert_uint_eq(strlen(p), len);
        ck_assert_msg(tu_output_clean(p, len), "paragraph %zu: bad UTF-8, not NFC or a control", i);
        sum += len;
    }
    const char *text = nc_result_text(r, &len);
    ck_assert_ptr_nonnull(text);
    ck_assert_uint_eq(strlen(text), len);
    ck_assert_uint_eq(len, n ? sum + 2 * (n - 1) : 0);
    size_t nb = nc_result_block_count(r);
    ck_assert_uint_ge(nb, n);
    for (size_t i = 0; i < nb; i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        ck_assert_ptr_nonnull(info.text);
        ck_assert_ptr_nonnull(info.tag);
        ck_assert_uint_eq(strlen(info.text), info.length);
        ck_assert_uint_gt(info.length, 0);
        ck_assert_msg(tu_output_clean(info.text, info.length),
                      "block %zu: bad UTF-8, not NFC or a control", i);
        ck_assert(info.score >= 0.0 && info.score <= 1.0);
        ck_assert_str_ne(nc_label_name(info.label), "unknown");
        ck_assert_str_ne(nc_reason_name(info.reason), "unknown");
    }
    const char *title = nc_result_title(r);
    if (title)
        ck_assert(tu_output_clean(title, strlen(title)));
    ck_assert(tu_output_clean(nc_result_language(r), strlen(nc_result_language(r))));
    ck_assert(tu_output_clean(nc_result_encoding(r), strlen(nc_result_encoding(r))));
    ck_assert_uint_gt(strlen(nc_result_language(r)), 0);
    ck_assert_uint_eq(strlen(nc_result_script(r)), 4);
    ck_assert_uint_gt(strlen(nc_result_encoding(r)), 0);
    double c = nc_result_language_confidence(r);
    ck_assert(c >= 0.0 && c <= 1.0);
    nc_input_kind k = nc_result_input_kind(r);
    ck_assert(k == NC_INPUT_TEXT || k == NC_INPUT_HTML);
}

nc_status tu_clean_sane(const char *input, size_t len, const nc_options *opts,
                        nc_result **out, const nc_status *allowed)
{
    nc_result *r = (nc_result *)&r;
    nc_status st = nc_clean(input, len, opts, &r);
    if (st == NC_OK) {
        tu_check_result(r);
    } else {
        ck_assert_ptr_null(r);
        bool ok = false;
        for (size_t k = 0; allowed && allowed[k] != NC_OK; k++)
            ok = ok || allowed[k] == st;
        ck_assert_msg(ok, "nc_clean: unexpected status %s", nc_strerror(st));
    }
    if (out)
        *out = r;
    else
        nc_result_free(r);
    return st;
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

void tu_put(tu_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *p = realloc(b->data, cap);
        ck_assert_ptr_nonnull(p);
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void tu_puts(tu_buf *b, const char *s) { tu_put(b, s, strlen(s)); }

/* ---- metadata ---- */

static const char meta_body_html[] =
    "<p>The council voted on Tuesday to approve the new budget for the coming year, "
    "after a long debate about the cost of the transport plan and the schools.</p>"
    "<p>Members of the opposition said that the plan would raise taxes for most of "
    "the families in the city, and asked for a second vote in the spring.</p>";

/* The article the metadata suites wrap their header markup around. */
nc_result *tu_meta_page(const char *head, const char *before_body, const nc_options *o)
{
    size_t n = strlen(head) + strlen(before_body) + sizeof meta_body_html + 128;
    char *page = malloc(n);
    ck_assert_ptr_nonnull(page);
    snprintf(page, n, "<html><head>%s</head><body><article>%s%s</article></body></html>",
             head, before_body, meta_body_html);
    nc_options def;
    nc_options_init(&def);
    def.input = NC_INPUT_HTML;
    if (o)
        def = *o;
    nc_result *r = tu_clean(page, strlen(page), &def);
    free(page);
    return r;
}

void tu_expect_meta(const nc_result *r, nc_meta_field f, size_t i, const char *value,
                    nc_meta_source source)
{
    nc_meta_source got;
    const char *v = nc_result_meta(r, f, i, &got);
    ck_assert_msg(v != NULL, "no %s item %zu", nc_meta_field_name(f), i);
    ck_assert_str_eq(v, value);
    ck_assert_str_eq(nc_meta_source_name(got), nc_meta_source_name(source));
}
