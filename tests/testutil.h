/* testutil.h - helpers every Check suite shares (the Makefile links
 * tests/testutil.c into each one). */
#ifndef NC_TESTUTIL_H
#define NC_TESTUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include <check.h>

#include "newsclean.h"

/* A growable test page: tu_put appends s[0..n), tu_puts a C string;
 * data stays NUL-terminated. Fails the test when memory runs out. */
typedef struct tu_buf {
    char *data;
    size_t len, cap;
} tu_buf;
void tu_put(tu_buf *b, const char *s, size_t n);
void tu_puts(tu_buf *b, const char *s);

/* nc_clean() that must succeed: fails the test with the status name. */
nc_result *tu_clean(const char *input, size_t len, const nc_options *opts);
/* The same with a NUL-terminated string and the given input kind. */
nc_result *tu_clean_kind(const char *input, nc_input_kind kind);

/* An HTML page: <head>head</head>, then in an <article> before_body and
 * two paragraphs of a council story; nc_clean as HTML (opts NULL: the
 * defaults) that must succeed. */
nc_result *tu_meta_page(const char *head, const char *before_body, const nc_options *opts);
/* Metadata item i of field f is value, read from source. */
void tu_expect_meta(const nc_result *r, nc_meta_field f, size_t i, const char *value,
                    nc_meta_source source);

/* "DIR/NAMEEXT" in a new string (free it); aborts when out of memory,
 * which is the test program's failure, not the library's. */
char *tu_path(const char *dir, const char *name, const char *ext);

/* The whole file at path (NUL-terminated, *len its size); NULL if absent. */
char *tu_read_file(const char *path, size_t *len);

/* A copy of s[0..len) with every run of white space (ASCII, NBSP) made one
 * space and trimmed at both ends. Free with free(). */
char *tu_collapse(const char *s, size_t len);
/* The same with the caller's idea of white space: space_len gives the
 * length of the space character at s (0 when there is none). */
char *tu_collapse_with(const char *s, size_t len,
                       size_t (*space_len)(const unsigned char *s, size_t left));

/* Splits text at blank lines into collapsed paragraphs; *n their count.
 * Free with tu_free_list. */
char **tu_split_paragraphs(const char *text, size_t len, size_t *n);
void tu_free_list(char **list, size_t n);

/* Paragraph i of r, collapsed, compared with want; the result's text. */
bool tu_para_is(const nc_result *r, size_t i, const char *want);
/* True when some block of r (any label) has exactly this collapsed text. */
bool tu_has_block(const nc_result *r, const char *want);

/* True when s[0..len) is valid UTF-8 with no NUL byte. */
bool tu_valid_utf8(const char *s, size_t len);
/* True when s[0..len) keeps the output promises: valid UTF-8, NFC, no C0
 * control but tab and newline, no DEL or C1 control. */
bool tu_output_clean(const char *s, size_t len);
/* Checks every invariant a caller relies on: paragraph lengths, the joined
 * text, every block readable, all strings valid UTF-8, scores and the
 * language confidence in 0..1, kind TEXT or HTML. */
void tu_check_result(const nc_result *r);
/* nc_clean() whose status must be NC_OK or one of the listed failures
 * (a zero-terminated list); checks the result when there is one. Returns
 * the status and the result (NULL on failure). */
nc_status tu_clean_sane(const char *input, size_t len, const nc_options *opts,
                        nc_result **out, const nc_status *allowed);

/* Monotonic seconds. */
double tu_now(void);
/* Peak resident memory of this process in KiB (VmHWM), and its reset. */
long tu_peak_rss_kb(void);
void tu_reset_peak_rss(void);

/* True under valgrind, ASan or TSan (NC_TEST_SLOW=1 or a sanitizer build):
 * timing and memory bounds are loosened or skipped. */
bool tu_slow(void);

/* Runs a suite (CK_ENV decides fork mode) and returns the exit status. */
int tu_run(Suite *s);

#endif /* NC_TESTUTIL_H */
