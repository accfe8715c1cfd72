/* check_limits.c - pathological inputs and the limits in nc_options. Each
 * input must give a sensible result (tu_check_result: valid UTF-8, sane
 * accessors) or a clear status, within the tcase's time bound, with a peak
 * memory bounded by its size, and in time linear in its size (1 vs 8 units,
 * loosely). Sizes are modest by default; NC_TEST_LARGE=1 (make check-large)
 * runs the full sizes: 200 MB of text, a 50 MB line, a million lines,
 * 100 000 nested tags, a million links. Under valgrind or a sanitizer
 * (tu_slow) sizes shrink and the timing ratios are not checked. Fuzzer
 * crash inputs in tests/regress/ are run here too. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testutil.h"

static bool large_run;

/* A size for this run: normal, under NC_TEST_LARGE, or under tu_slow. */
static size_t pick(size_t normal, size_t large, size_t slow)
{
    if (large_run)
        return large;
    return tu_slow() ? slow : normal;
}

/* Statuses a pathological input may give instead of a result. */
static const nc_status failures_ok[] = {NC_ERR_TOO_LARGE, NC_ERR_PARSE,
                                        NC_ERR_ENCODING, NC_ERR_BINARY, NC_OK};


/* ---- generators: each makes about `size` bytes (or `n` units) ---- */

static const char *const sentences[] = {
    "The committee met on Tuesday to discuss the new budget for the coming "
    "year, and members agreed to cut spending on roads by a tenth.",
    "Residents said they had not been consulted about the plan, which would "
    "close two libraries and a swimming pool in the northern districts.",
    "Share this article",
    "Officials expect the final vote to take place next month after a period "
    "of public consultation that will run for six weeks.",
    "Photo: City Archive",
    ""};

typedef void (*gen_fn)(tu_buf *b, size_t size);

static void gen_text_lines(tu_buf *b, size_t size)
{
    for (size_t i = 0; b->len < size; i++) {
        tu_puts(b, sentences[i % 6]);
        tu_puts(b, "\n");
    }
}

static void gen_long_line(tu_buf *b, size_t size)
{
    while (b->len < size)
        tu_puts(b, "word another longer words in one line ");
}

static void gen_char_lines(tu_buf *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tu_put(b, i % 26 == 25 ? "z\n" : "a\n", 2);
}

static void gen_nested(tu_buf *b, size_t n)
{
    tu_puts(b, "<html><body>");
    for (size_t i = 0; i < n; i++)
        tu_puts(b, i % 2 ? "<span>" : "<div>");
    tu_puts(b, "The deepest text of the page sits here, at the bottom of it all.");
    for (size_t i = n; i-- > 0;)
        tu_puts(b, i % 2 ? "</span>" : "</div>");
    tu_puts(b, "</body></html>");
}

static void gen_links(tu_buf *b, size_t n)
{
    char tmp[96];
    tu_puts(b, "<html><body><div class=\"links\">");
    for (size_t i = 0; i < n; i++) {
        int k = snprintf(tmp, sizeof tmp, "<a href=\"/p/%zu\">link %zu</a> ", i, i);
        tu_put(b, tmp, (size_t)k);
        if (i % 20 == 19)
            tu_puts(b, "<br>\n");
    }
    tu_puts(b, "</div></body></html>");
}

static void gen_html_paragraphs(tu_buf *b, size_t size)
{
    tu_puts(b, "<html><head><title>A page</title></head><body><article>");
    for (size_t i = 0; b->len < size; i++) {
        tu_puts(b, "<p>");
        tu_puts(b, sentences[i % 6]);
        tu_puts(b, "</p>\n");
    }
    tu_puts(b, "</article></body></html>");
}

static void gen_filler(tu_buf *b, size_t size)
{
    while (b->len < size)
        tu_puts(b, "text <p>inside</p> & <b>more</b> -- > ]] ");
}

/* xorshift: the same "random" bytes every run. */
static void gen_random(tu_buf *b, size_t size)
{
    uint64_t x = 88172645463325252ull;
    char chunk[4096];
    while (b->len < size) {
        for (size_t i = 0; i < sizeof chunk; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            chunk[i] = (char)(x >> 32);
        }
        tu_put(b, chunk, sizeof chunk);
    }
}

/* ---- running one input: sane result, bounded memory ---- */

/* Cleans b with opts; checks the status, the result, and that the peak
 * memory stayed under mem_per_byte * len + 64 MiB (skipped under tu_slow,
 * where the tools' own memory dominates). Returns the result. */
static nc_result *run(const tu_buf *b, const nc_options *opts, double mem_per_byte)
{
    tu_reset_peak_rss();
    long before = tu_peak_rss_kb();
    nc_result *r = NULL;
    tu_clean_sane(b->data, b->len, opts, &r, failures_ok);
    long peak = tu_peak_rss_kb();
    if (getenv("NC_TEST_VERBOSE"))
        fprintf(stderr, "memory: %zu bytes in, peak +%ld KiB\n", b->len,
                peak - before);
    if (!tu_slow() && before > 0 && peak > 0) {
        double limit_kb = mem_per_byte * (double)b->len / 1024.0 + 64 * 1024.0;
        ck_assert_msg((double)(peak - before) <= limit_kb,
                      "peak memory %ld KiB over %zu input bytes (limit %.0f KiB)",
                      peak - before, b->len, limit_kb);
    }
    return r;
}

static nc_options kind_opts(nc_input_kind kind)
{
    nc_options o;
    nc_options_init(&o);
    o.input = kind;
    return o;
}

/* This thread's CPU seconds: the neighbours of a shared machine inflate
 * wall time far more than the CPU time of the work itself. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU seconds for one clean of gen(size), the best of `tries`. */
static double time_clean(gen_fn gen, size_t size, const nc_options *o, int tries)
{
    tu_buf b = {0};
    gen(&b, size);
    double best = 1e9;
    for (int t = 0; t < tries; t++) {
        double t0 = cpu_now();
        nc_result *r = NULL;
        nc_status st = nc_clean(b.data, b.len, o, &r);
        double dt = cpu_now() - t0;
        ck_assert_int_eq(st, NC_OK);
        nc_result_free(r);
        if (dt < best)
            best = dt;
    }
    free(b.data);
    return best;
}

/* Time linear in size: 8 units may take at most 24 times 1 unit (3x slack
 * for noise on a shared machine; a quadratic stage would take 64). */
static void assert_linear(gen_fn gen, size_t unit, nc_input_kind kind,
                          const char *what)
{
    if (tu_slow())
        return;
    nc_options o = kind_opts(kind);
    double t1 = time_clean(gen, unit, &o, 3);
    double t8 = time_clean(gen, unit * 8, &o, 2);
    if (t1 < 0.002)
        t1 = 0.002; /* below timer noise */
    fprintf(stderr, "linear %s: %.4fs for 1 unit, %.4fs for 8 (x%.1f)\n", what,
            t1, t8, t8 / t1);
    ck_assert_msg(t8 / t1 < 24.0, "%s: 8x input took %.1fx the time", what,
                  t8 / t1);
}

/* ---- tiny and degenerate inputs ---- */

START_TEST(test_empty)
{
    nc_result *r = tu_clean("", 0, NULL);
    tu_check_result(r);
    ck_assert_uint_eq(nc_result_paragraph_count(r), 0);
    nc_result_free(r);
    nc_options o = kind_opts(NC_INPUT_HTML);
    r = tu_clean("", 0, &o);
    tu_check_result(r);
    ck_assert_uint_eq(nc_result_block_count(r), 0);
    nc_result_free(r);
}
END_TEST

START_TEST(test_one_byte)
{
    /* Every byte value alone, as text, HTML and auto. */
    for (int kind = 0; kind < 3; kind++) {
        nc_options o = kind_opts((nc_input_kind)kind);
        for (int c = 0; c < 256; c++) {
            char ch = (char)c;
            nc_result *r = NULL;
            tu_clean_sane(&ch, 1, &o, &r, failures_ok);
            ck_assert_uint_le(nc_result_block_count(r), 1);
            nc_result_free(r);
        }
    }
}
END_TEST

START_TEST(test_only_whitespace)
{
    tu_buf b = {0};
    size_t n = pick(1 << 20, 16 << 20, 1 << 16);
    const char *ws[] = {" ", "\t", "\n", "\r\n", "\xC2\xA0", "\xE3\x80\x80",
                        "\xE2\x80\x8B", "\f", "\v"};
    for (size_t i = 0; b.len < n; i++)
        tu_puts(&b, ws[i % 9]);
    for (int kind = 0; kind < 3; kind++) {
        nc_options o = kind_opts((nc_input_kind)kind);
        nc_result *r = run(&b, &o, 8);
        ck_assert_uint_eq(nc_result_paragraph_count(r), 0);
        nc_result_free(r);
    }
    free(b.data);
}
END_TEST

START_TEST(test_only_nul)
{
    size_t n = pick(1 << 20, 64 << 20, 1 << 16);
    tu_buf b = {calloc(n + 1, 1), n, n + 1};
    ck_assert_ptr_nonnull(b.data);
    for (int kind = 0; kind < 3; kind++) {
        nc_options o = kind_opts((nc_input_kind)kind);
        nc_result *r = run(&b, &o, 8);
        if (r) {
            ck_assert_uint_eq(nc_result_block_count(r), 0);
            ck_assert(nc_result_flags(r) & NC_FLAG_NUL_REMOVED);
        }
        nc_result_free(r);
    }
    free(b.data);
}
END_TEST

START_TEST(test_invalid_utf8_everywhere)
{
    /* Lone continuation bytes, truncated sequences, overlongs, surrogates,
     * 0xFF: nothing valid above ASCII, spread through text. */
    static const char *const bad[] = {"\x80", "\xBF\xBF", "\xC0\xAF", "\xE0\x80",
                                      "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                      "\xF8\x88\x80\x80\x80", "\xFF", "\xFE",
                                      "\xC3", "\xE2\x82"};
    tu_buf b = {0};
    size_t n = pick(1 << 20, 32 << 20, 1 << 16);
    for (size_t i = 0; b.len < n; i++) {
        tu_puts(&b, bad[i % 11]);
        tu_puts(&b, i % 7 ? "ab " : "\n");
    }
    for (int kind = 0; kind < 3; kind++) {
        nc_options o = kind_opts((nc_input_kind)kind);
        nc_result *r = run(&b, &o, 24);
        ck_assert_ptr_nonnull(r);
        nc_result_free(r);
    }
    /* Read as UTF-8 (a hint), every bad sequence is repaired and counted. */
    nc_options o = kind_opts(NC_INPUT_TEXT);
    o.encoding = "utf-8";
    nc_result *r = run(&b, &o, 24);
    ck_assert(nc_result_flags(r) & NC_FLAG_REPAIRED_UTF8);
    ck_assert_uint_gt(nc_result_repair_count(r), b.len / 8);
    nc_result_free(r);
    free(b.data);
}
END_TEST

START_TEST(test_utf16_no_bom_large)
{
    tu_buf text = {0};
    gen_text_lines(&text, pick(1 << 20, 16 << 20, 1 << 16));
    tu_buf b = {malloc(text.len * 2 + 1), text.len * 2, text.len * 2 + 1};
    ck_assert_ptr_nonnull(b.data);
    for (size_t i = 0; i < text.len; i++) {
        b.data[2 * i] = text.data[i];
        b.data[2 * i + 1] = 0;
    }
    nc_result *r = run(&b, NULL, 24);
    ck_assert_str_eq(nc_result_encoding(r), "utf-16le");
    ck_assert_uint_eq(nc_result_flags(r) & NC_FLAG_NUL_REMOVED, 0);
    ck_assert(tu_has_block(r, sentences[0]));
    nc_result_free(r);
    free(b.data);
    free(text.data);
}
END_TEST

/* ---- large inputs ---- */

START_TEST(test_large_text)
{
    tu_buf b = {0};
    gen_text_lines(&b, pick(4u << 20, 200u << 20, 1 << 20));
    nc_options o = kind_opts(NC_INPUT_AUTO);
    double t0 = tu_now();
    nc_result *r = run(&b, &o, 16);
    fprintf(stderr, "large text: %zu bytes in %.2fs\n", b.len, tu_now() - t0);
    ck_assert_int_eq(nc_result_input_kind(r), NC_INPUT_TEXT);
    ck_assert_uint_gt(nc_result_block_count(r), 1000);
    nc_result_free(r);
    free(b.data);
    assert_linear(gen_text_lines, 1 << 20, NC_INPUT_TEXT, "text lines");
}
END_TEST

START_TEST(test_one_huge_line)
{
    tu_buf b = {0};
    gen_long_line(&b, pick(4u << 20, 50u << 20, 1 << 20));
    nc_result *r = run(&b, NULL, 16);
    /* Longer than max_line_bytes (1 MiB): one block, cut, flagged. */
    ck_assert_uint_eq(nc_result_block_count(r), 1);
    ck_assert(nc_result_flags(r) & NC_FLAG_TRUNCATED_LINES);
    nc_block_info info = NC_BLOCK_INFO_INIT;
    ck_assert_int_eq(nc_result_block(r, 0, &info), NC_OK);
    ck_assert_uint_le(info.length, 1024 * 1024);
    nc_result_free(r);
    free(b.data);
    assert_linear(gen_long_line, 1 << 20, NC_INPUT_TEXT, "one long line");
}
END_TEST

START_TEST(test_million_short_lines)
{
    tu_buf b = {0};
    size_t n = pick(200000, 1000000, 50000);
    gen_char_lines(&b, n);
    nc_options o = kind_opts(NC_INPUT_TEXT);
    nc_result *r = run(&b, &o, 512);
    ck_assert_uint_eq(nc_result_block_count(r), n);
    ck_assert_uint_eq(nc_result_flags(r) & NC_FLAG_TRUNCATED_BLOCKS, 0);
    nc_result_free(r);
    free(b.data);
    assert_linear(gen_char_lines, 100000, NC_INPUT_TEXT, "one-character lines");
}
END_TEST

START_TEST(test_nested_tags)
{
    tu_buf b = {0};
    gen_nested(&b, pick(100000, 100000, 10000));
    nc_options o = kind_opts(NC_INPUT_HTML);
    nc_result *r = run(&b, &o, 64);
    if (r) {
        /* Deeper than max_depth (256): flattened, and said so. */
        ck_assert(nc_result_flags(r) & NC_FLAG_TRUNCATED_DEPTH);
        ck_assert(tu_has_block(r, "The deepest text of the page sits here, "
                                  "at the bottom of it all."));
    }
    nc_result_free(r);
    /* As auto: detected as HTML. */
    r = run(&b, NULL, 64);
    if (r)
        ck_assert_int_eq(nc_result_input_kind(r), NC_INPUT_HTML);
    nc_result_free(r);
    free(b.data);
    assert_linear(gen_nested, 5000, NC_INPUT_HTML, "nested tags");
}
END_TEST

START_TEST(test_million_links)
{
    tu_buf b = {0};
    gen_links(&b, pick(200000, 1000000, 10000));
    nc_options o = kind_opts(NC_INPUT_HTML);
    nc_result *r = run(&b, &o, 64);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_gt(nc_result_block_count(r), 0);
    nc_result_free(r);
    free(b.data);
    assert_linear(gen_links, 25000, NC_INPUT_HTML, "links");
}
END_TEST

START_TEST(test_large_html)
{
    tu_buf b = {0};
    gen_html_paragraphs(&b, pick(4u << 20, 100u << 20, 1 << 20));
    nc_result *r = run(&b, NULL, 64);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(nc_result_input_kind(r), NC_INPUT_HTML);
    ck_assert(tu_has_block(r, sentences[0]));
    nc_result_free(r);
    free(b.data);
    assert_linear(gen_html_paragraphs, 1 << 20, NC_INPUT_HTML, "html paragraphs");
}
END_TEST

/* ---- unclosed constructs and huge attributes ---- */

static void run_unclosed(const char *prefix, const char *before)
{
    tu_buf b = {0};
    tu_puts(&b, "<html><body><p>");
    tu_puts(&b, before);
    tu_puts(&b, "</p>");
    tu_puts(&b, prefix);
    gen_filler(&b, pick(2u << 20, 32u << 20, 1 << 18));
    nc_options o = kind_opts(NC_INPUT_HTML);
    nc_result *r = run(&b, &o, 64);
    /* What came before the unclosed construct is still there. */
    if (r)
        ck_assert_msg(tu_has_block(r, before), "lost the text before %s", prefix);
    nc_result_free(r);
    free(b.data);
}

static const char before_text[] =
    "This paragraph comes before the construct that never ends and it must "
    "survive it.";

START_TEST(test_unclosed_comment) { run_unclosed("<!--", before_text); }
END_TEST
START_TEST(test_unclosed_script) { run_unclosed("<script>var s = '", before_text); }
END_TEST
START_TEST(test_unclosed_style) { run_unclosed("<style>p { color: red; ", before_text); }
END_TEST
START_TEST(test_unclosed_cdata) { run_unclosed("<![CDATA[", before_text); }
END_TEST
START_TEST(test_unclosed_tag) { run_unclosed("<div class=\"a\" ", before_text); }
END_TEST
START_TEST(test_unclosed_textarea) { run_unclosed("<textarea>", before_text); }
END_TEST

START_TEST(test_huge_attributes)
{
    size_t n = pick(4u << 20, 64u << 20, 1 << 18);
    const char *const shapes[] = {"<p title=\"", "<a href='", "<div class=",
                                  "<img alt=\""};
    for (size_t k = 0; k < 4; k++) {
        tu_buf b = {0};
        tu_puts(&b, "<html><body>");
        tu_puts(&b, shapes[k]);
        while (b.len < n)
            tu_puts(&b, "abcdefgh ijklmnop &amp; qrstuvw ");
        tu_puts(&b, k == 2 ? ">" : "\">");
        tu_puts(&b, "<p>The paragraph after a megabyte attribute is still text "
                  "of the page.</p></body></html>");
        nc_options o = kind_opts(NC_INPUT_HTML);
        nc_result *r = run(&b, &o, 64);
        nc_result_free(r);
        free(b.data);
    }
}
END_TEST

/* ---- binary files ---- */

static void run_binary(const char *header, size_t hlen)
{
    tu_buf b = {0};
    tu_put(&b, header, hlen);
    gen_random(&b, pick(1 << 20, 16 << 20, 1 << 16));
    for (int kind = 0; kind < 3; kind++) {
        nc_options o = kind_opts((nc_input_kind)kind);
        nc_result *r = run(&b, &o, 32);
        nc_result_free(r);
    }
    free(b.data);
}

/* A file header (a string literal, NULs included) and random bytes. */
#define RUN_BINARY(header) run_binary(header, sizeof header - 1)

START_TEST(test_binary_png) { RUN_BINARY("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"); }
END_TEST
START_TEST(test_binary_pdf) { RUN_BINARY("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\n"); }
END_TEST
START_TEST(test_binary_gzip) { RUN_BINARY("\x1f\x8b\x08\0\0\0\0\0\0\x03"); }
END_TEST
START_TEST(test_binary_elf) { RUN_BINARY("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0"); }
END_TEST
START_TEST(test_binary_random) { RUN_BINARY(""); }
END_TEST

/* ---- the limits in nc_options ---- */

START_TEST(test_limit_input_bytes_default)
{
    /* 256 MiB + 1 with the defaults: refused before the bytes are read
     * (calloc'ed pages stay untouched, so this costs no memory). */
    size_t n = 256u * 1024 * 1024 + 1;
    char *big = calloc(n, 1);
    ck_assert_ptr_nonnull(big);
    nc_result *r = (nc_result *)&r;
    ck_assert_int_eq(nc_clean(big, n, NULL, &r), NC_ERR_TOO_LARGE);
    ck_assert_ptr_null(r);
    free(big);
    nc_options o;
    nc_options_init(&o);
    o.max_input_bytes = 100;
    char small[101];
    memset(small, 'a', sizeof small);
    ck_assert_int_eq(nc_clean(small, 101, &o, &r), NC_ERR_TOO_LARGE);
    ck_assert_int_eq(nc_clean(small, 100, &o, &r), NC_OK);
    nc_result_free(r);
}
END_TEST

START_TEST(test_limit_blocks)
{
    tu_buf b = {0};
    gen_char_lines(&b, 1000);
    nc_options o = kind_opts(NC_INPUT_TEXT);
    o.max_blocks = 10;
    nc_result *r = tu_clean(b.data, b.len, &o);
    tu_check_result(r);
    ck_assert_uint_eq(nc_result_block_count(r), 10);
    ck_assert(nc_result_flags(r) & NC_FLAG_TRUNCATED_BLOCKS);
    nc_result_free(r);
    /* Exactly max_blocks blocks: no flag. */
    o.max_blocks = 1000;
    r = tu_clean(b.data, b.len, &o);
    ck_assert_uint_eq(nc_result_block_count(r), 1000);
    ck_assert_uint_eq(nc_result_flags(r) & NC_FLAG_TRUNCATED_BLOCKS, 0);
    nc_result_free(r);
    free(b.data);
    /* In HTML too. */
    tu_buf h = {0};
    tu_puts(&h, "<html><body>");
    for (int i = 0; i < 100; i++)
        tu_puts(&h, "<p>A paragraph of some text.</p>");
    tu_puts(&h, "</body></html>");
    o = kind_opts(NC_INPUT_HTML);
    o.max_blocks = 7;
    r = tu_clean(h.data, h.len, &o);
    ck_assert_uint_le(nc_result_block_count(r), 7);
    ck_assert(nc_result_flags(r) & NC_FLAG_TRUNCATED_BLOCKS);
    nc_result_free(r);
    free(h.data);
}
END_TEST

START_TEST(test_limit_blocks_default)
{
    /* 1 000 001 lines with the default max_blocks (1 000 000). */
    if (tu_slow())
        return;
    tu_buf b = {0};
    gen_char_lines(&b, 1000001);
    nc_options o = kind_opts(NC_INPUT_TEXT);
    nc_result *r = tu_clean(b.data, b.len, &o);
    ck_assert_uint_eq(nc_result_block_count(r), 1000000);
    ck_assert(nc_result_flags(r) & NC_FLAG_TRUNCATED_BLOCKS);
    nc_result_free(r);
    free(b.data);
}
END_TEST

START_TEST(test_limit_depth)
{
    tu_buf b = {0};
    gen_nested(&b, 40);
    nc_options o = kind_opts(NC_INPUT_HTML);
    o.max_depth = 8;
    nc_result *r = tu_clean(b.data, b.len, &o);
    tu_check_result(r);
    ck_assert(nc_result_flags(r) & NC_FLAG_TRUNCATED_DEPTH);
    /* Flattened, not dropped: the deep text is still a block. */
    ck_assert(tu_has_block(r, "The deepest text of the page sits here, at the "
                              "bottom of it all."));
    nc_result_free(r);
    /* Within the limit: no flag. */
    o.max_depth = 256;
    r = tu_clean(b.data, b.len, &o);
    ck_assert_uint_eq(nc_result_flags(r) & NC_FLAG_TRUNCATED_DEPTH, 0);
    nc_result_free(r);
    free(b.data);
    /* The default (256) with 300 levels. */
    b = (tu_buf){0};
    gen_nested(&b, 300);
    o = kind_opts(NC_INPUT_HTML);
    r = tu_clean(b.data, b.len, &o);
    ck_assert(nc_result_flags(r) & NC_FLAG_TRUNCATED_DEPTH);
    nc_result_free(r);
    free(b.data);
}
END_TEST

START_TEST(test_limit_line_bytes)
{
    nc_options o = kind_opts(NC_INPUT_TEXT);
    o.max_line_bytes = 100;
    tu_buf b = {0};
    gen_long_line(&b, 1000);
    tu_puts(&b, "\nshort line\n");
    nc_result *r = tu_clean(b.data, b.len, &o);
    tu_check_result(r);
    ck_assert(nc_result_flags(r) & NC_FLAG_TRUNCATED_LINES);
    nc_block_info info = NC_BLOCK_INFO_INIT;
    ck_assert_int_eq(nc_result_block(r, 0, &info), NC_OK);
    ck_assert_uint_le(info.length, 100);
    ck_assert(tu_has_block(r, "short line"));
    nc_result_free(r);
    free(b.data);
    /* Never cut inside a character: 3-byte characters, odd limit. */
    b = (tu_buf){0};
    for (int i = 0; i < 100; i++)
        tu_puts(&b, "\xE6\x96\xB0");
    o.max_line_bytes = 17;
    r = tu_clean(b.data, b.len, &o);
    tu_check_result(r);
    ck_assert_int_eq(nc_result_block(r, 0, &info), NC_OK);
    ck_assert_uint_le(info.length, 17);
    ck_assert_uint_eq(info.length % 3, 0);
    nc_result_free(r);
    free(b.data);
    /* The default, 1 MiB, in HTML: a 2 MiB paragraph is cut. */
    b = (tu_buf){0};
    tu_puts(&b, "<html><body><p>");
    gen_long_line(&b, 2u << 20);
    tu_puts(&b, "</p></body></html>");
    o = kind_opts(NC_INPUT_HTML);
    r = tu_clean(b.data, b.len, &o);
    tu_check_result(r);
    ck_assert(nc_result_flags(r) & NC_FLAG_TRUNCATED_LINES);
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        ck_assert_uint_le(info.length, 1024 * 1024);
    }
    nc_result_free(r);
    free(b.data);
}
END_TEST

/* ---- fuzzer finds: every file in tests/regress/ must run cleanly ---- */

START_TEST(test_regressions)
{
    DIR *d = opendir("tests/regress");
    ck_assert_msg(d != NULL, "tests/regress is missing (run from the top)");
    struct dirent *e;
    size_t count = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strstr(e->d_name, ".md"))
            continue;
        char path[512];
        snprintf(path, sizeof path, "tests/regress/%s", e->d_name);
        size_t len = 0;
        char *data = tu_read_file(path, &len);
        ck_assert_ptr_nonnull(data);
        /* The file name says how the fuzzer ran it: text-, html- or
         * options- (then 8 bytes of options first, as fuzz_options.c). */
        for (int kind = 0; kind < 3; kind++) {
            nc_options o = kind_opts((nc_input_kind)kind);
            nc_result *r = NULL;
            tu_clean_sane(data, len, &o, &r, failures_ok);
            nc_result_free(r);
            o.max_depth = 8;
            o.max_blocks = 5;
            o.max_line_bytes = 20;
            tu_clean_sane(data, len, &o, &r, failures_ok);
            nc_result_free(r);
        }
        free(data);
        count++;
    }
    closedir(d);
    fprintf(stderr, "regressions: %zu inputs\n", count);
}
END_TEST

static Suite *limits_suite(void)
{
    Suite *s = suite_create("limits");
    /* Generous bounds: a shared 2-core machine, and valgrind. The point is
     * that nothing hangs or goes quadratic, not a benchmark. */
    int timeout = large_run ? 900 : tu_slow() ? 600 : 60;

    TCase *tiny = tcase_create("degenerate");
    tcase_set_timeout(tiny, timeout);
    tcase_add_test(tiny, test_empty);
    tcase_add_test(tiny, test_one_byte);
    tcase_add_test(tiny, test_only_whitespace);
    tcase_add_test(tiny, test_only_nul);
    tcase_add_test(tiny, test_invalid_utf8_everywhere);
    tcase_add_test(tiny, test_utf16_no_bom_large);
    suite_add_tcase(s, tiny);

    TCase *big = tcase_create("large");
    tcase_set_timeout(big, timeout);
    tcase_add_test(big, test_large_text);
    tcase_add_test(big, test_one_huge_line);
    tcase_add_test(big, test_million_short_lines);
    tcase_add_test(big, test_nested_tags);
    tcase_add_test(big, test_million_links);
    tcase_add_test(big, test_large_html);
    suite_add_tcase(s, big);

    TCase *html = tcase_create("unclosed");
    tcase_set_timeout(html, timeout);
    tcase_add_test(html, test_unclosed_comment);
    tcase_add_test(html, test_unclosed_script);
    tcase_add_test(html, test_unclosed_style);
    tcase_add_test(html, test_unclosed_cdata);
    tcase_add_test(html, test_unclosed_tag);
    tcase_add_test(html, test_unclosed_textarea);
    tcase_add_test(html, test_huge_attributes);
    suite_add_tcase(s, html);

    TCase *bin = tcase_create("binary");
    tcase_set_timeout(bin, timeout);
    tcase_add_test(bin, test_binary_png);
    tcase_add_test(bin, test_binary_pdf);
    tcase_add_test(bin, test_binary_gzip);
    tcase_add_test(bin, test_binary_elf);
    tcase_add_test(bin, test_binary_random);
    suite_add_tcase(s, bin);

    TCase *lim = tcase_create("options");
    tcase_set_timeout(lim, timeout);
    tcase_add_test(lim, test_limit_input_bytes_default);
    tcase_add_test(lim, test_limit_blocks);
    tcase_add_test(lim, test_limit_blocks_default);
    tcase_add_test(lim, test_limit_depth);
    tcase_add_test(lim, test_limit_line_bytes);
    tcase_add_test(lim, test_regressions);
    suite_add_tcase(s, lim);
    return s;
}

int main(void)
{
    const char *e = getenv("NC_TEST_LARGE");
    large_run = e && *e && strcmp(e, "0") != 0;
    return tu_run(limits_suite());
}
