/* check_warc.c - the WARC reader's public API (nc_warc_*), on small files
 * written here byte by byte: each skip reason, the HTTP decoding, the
 * errors and where they leave the reader. tests/test_warc.py checks the
 * reader end to end on files made by tests/warcgen.py. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "testutil.h"

/* One record: header fields (CRLF-separated, without Content-Length),
 * then the block; length < 0 means the block's true length. */
static size_t put_record(char *out, const char *fields, const char *block, long length)
{
    size_t n = strlen(block);
    return (size_t)sprintf(out, "WARC/1.1\r\n%s\r\nContent-Length: %ld\r\n\r\n%s\r\n\r\n",
                           fields, length < 0 ? (long)n : length, block);
}

static char *temp_file(const void *data, size_t len)
{
    char *path = strdup("/tmp/nc-check-warc-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, data, len), (ssize_t)len);
    close(fd);
    return path;
}

static nc_warc_reader *open_bytes(const char *data, size_t len, char **path)
{
    *path = temp_file(data, len);
    nc_warc_reader *w = NULL;
    ck_assert_int_eq(nc_warc_open(*path, 0, &w), NC_OK);
    return w;
}

static const nc_warc_record *next_ok(nc_warc_reader *w)
{
    const nc_warc_record *rec = NULL;
    nc_status st = nc_warc_next(w, &rec);
    ck_assert_msg(st == NC_OK, "status %d: %s", st, nc_warc_error(w));
    ck_assert_ptr_nonnull(rec);
    return rec;
}

static void expect_end(nc_warc_reader *w)
{
    const nc_warc_record *rec = (const nc_warc_record *)1;
    ck_assert_int_eq(nc_warc_next(w, &rec), NC_OK);
    ck_assert_ptr_null(rec);
    ck_assert_int_eq(nc_warc_next(w, &rec), NC_OK); /* and it stays there */
    ck_assert_ptr_null(rec);
}

static void done(nc_warc_reader *w, char *path)
{
    nc_warc_close(w);
    unlink(path);
    free(path);
}

#define RESPONSE "WARC-Type: response\r\nWARC-Target-URI: http://a.example/\r\n" \
                 "WARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2024-05-01T12:00:00Z\r\n" \
                 "Content-Type: application/http;msgtype=response"

START_TEST(test_response_fields_and_charset)
{
    char data[2048];
    size_t n = put_record(data, RESPONSE, "HTTP/1.1 200 OK\r\n"
                          "Content-Type: Text/HTML; charset=\"windows-1251\"\r\n\r\n<p>hi</p>", -1);
    char *path;
    nc_warc_reader *w = open_bytes(data, n, &path);
    const nc_warc_record *rec = next_ok(w);
    ck_assert_str_eq(rec->type, "response");
    ck_assert_str_eq(rec->target_uri, "http://a.example/");
    ck_assert_str_eq(rec->record_id, "<urn:uuid:1>");
    ck_assert_str_eq(rec->date, "2024-05-01T12:00:00Z");
    ck_assert_str_eq(rec->media_type, "text/html");
    ck_assert_str_eq(rec->charset, "windows-1251");
    ck_assert_int_eq(rec->http_status, 200);
    ck_assert_ptr_null(rec->skip);
    ck_assert_int_eq(rec->input, NC_INPUT_HTML);
    ck_assert_uint_eq(rec->payload_length, 9);
    ck_assert_int_eq(memcmp(rec->payload, "<p>hi</p>", 9), 0);
    ck_assert_uint_eq(rec->offset, 0);
    expect_end(w);
    ck_assert_uint_eq(nc_warc_bytes_read(w), n);
    ck_assert_str_eq(nc_warc_error(w), "");
    done(w, path);
}
END_TEST

/* Each skip reason, and the records that are pages. */
START_TEST(test_skip_reasons)
{
    static const struct {
        const char *fields, *block, *skip;
        nc_input_kind input;
    } cases[] = {
        {"WARC-Type: request", "GET / HTTP/1.1\r\n\r\n", "record-type", NC_INPUT_AUTO},
        {"WARC-Type: metadata", "a: b\r\n", "record-type", NC_INPUT_AUTO},
        {"WARC-Type: response", "dns answer", "not-http", NC_INPUT_AUTO},
        {"WARC-Type: response", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nx",
         "http-status", NC_INPUT_AUTO},
        {"WARC-Type: response", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
         "media-type", NC_INPUT_AUTO},
        {"WARC-Type: response", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
         "Content-Encoding: br\r\n\r\nxx", "content-encoding", NC_INPUT_AUTO},
        {"WARC-Type: resource\r\nContent-Type: application/pdf", "%PDF", "media-type",
         NC_INPUT_AUTO},
        {"WARC-Type: resource\r\nContent-Type: text/plain", "a text", NULL, NC_INPUT_TEXT},
        {"WARC-Type: conversion\r\nContent-Type: text/plain", "a line", NULL, NC_INPUT_TEXT},
        {"WARC-Type: response", "HTTP/1.0 200 OK\r\nServer: x\r\n\r\n<p>no type</p>", NULL,
         NC_INPUT_AUTO},
        {"WARC-Type: response", "HTTP/1.1 200 OK\nContent-Type: text/plain\n\nbare LF", NULL,
         NC_INPUT_TEXT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char data[1024];
        size_t n = put_record(data, cases[i].fields, cases[i].block, -1);
        char *path;
        nc_warc_reader *w = open_bytes(data, n, &path);
        const nc_warc_record *rec = next_ok(w);
        if (cases[i].skip) {
            ck_assert_msg(rec->skip && strcmp(rec->skip, cases[i].skip) == 0, "case %zu: %s",
                          i, rec->skip ? rec->skip : "(page)");
            ck_assert_ptr_null(rec->payload);
        } else {
            ck_assert_msg(rec->skip == NULL, "case %zu skipped: %s", i, rec->skip);
            ck_assert_int_eq(rec->input, cases[i].input);
            ck_assert_ptr_nonnull(rec->payload);
        }
        expect_end(w);
        done(w, path);
    }
}
END_TEST

START_TEST(test_chunked_and_gzip_body)
{
    const char *page = "<p>a page that was sent in chunks and gzipped, cut short</p>";
    unsigned char packed[256];
    z_stream z = {0};
    ck_assert_int_eq(deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (Bytef *)(uintptr_t)page;
    z.avail_in = (uInt)strlen(page);
    z.next_out = packed;
    z.avail_out = sizeof packed;
    ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t plen = sizeof packed - z.avail_out;
    deflateEnd(&z);
    /* two chunks: the gzip bytes split in the middle */
    char body[1024];
    size_t half = plen / 2, b = 0;
    b += (size_t)sprintf(body + b, "%zx\r\n", half);
    memcpy(body + b, packed, half), b += half;
    b += (size_t)sprintf(body + b, "\r\n%zx;ext=1\r\n", plen - half);
    memcpy(body + b, packed + half, plen - half), b += plen - half;
    b += (size_t)sprintf(body + b, "\r\n0\r\n\r\n");
    char head[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"
                  "Content-Type: text/html\r\n\r\n";
    char data[2048];
    size_t n = (size_t)sprintf(data, "WARC/1.0\r\nWARC-Type: response\r\n"
                        "WARC-Target-URI: <http://old.example/>\r\nContent-Length: %zu\r\n\r\n%s",
                        strlen(head) + b, head);
    memcpy(data + n, body, b);
    n += b;
    memcpy(data + n, "\r\n\r\n", 4);
    char *path;
    nc_warc_reader *w = open_bytes(data, n + 4, &path);
    const nc_warc_record *rec = next_ok(w);
    ck_assert_ptr_null(rec->skip);
    ck_assert_str_eq(rec->target_uri, "http://old.example/"); /* WARC 1.0's <...> removed */
    ck_assert_uint_eq(rec->payload_length, strlen(page));
    ck_assert_int_eq(memcmp(rec->payload, page, strlen(page)), 0);
    ck_assert_str_eq(rec->record_id, "");
    ck_assert_ptr_null(rec->truncated);
    expect_end(w);
    done(w, path);
    /* the same body without its last 30 bytes: the page so far, "body" */
    size_t cut = strlen(head) + b - 30 - 7; /* drop "\r\n0\r\n\r\n" and 30 gzip bytes */
    n = (size_t)sprintf(data, "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: %zu\r\n\r\n%s",
                        cut, head);
    memcpy(data + n, body, cut - strlen(head));
    n += cut - strlen(head);
    memcpy(data + n, "\r\n\r\n", 4);
    w = open_bytes(data, n + 4, &path);
    rec = next_ok(w);
    ck_assert_ptr_null(rec->skip);
    ck_assert_str_eq(rec->truncated, "body");
    ck_assert_uint_gt(rec->payload_length, 0);
    ck_assert_uint_lt(rec->payload_length, strlen(page));
    ck_assert_int_eq(memcmp(rec->payload, page, rec->payload_length), 0);
    expect_end(w);
    done(w, path);
}
END_TEST

/* gzip-compresses data[0..len) into out as one member; its length. */
static size_t gzip_member(const char *data, size_t len, unsigned char *out, size_t cap)
{
    z_stream z = {0};
    ck_assert_int_eq(deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (Bytef *)(uintptr_t)data;
    z.avail_in = (uInt)len;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t n = cap - z.avail_out;
    deflateEnd(&z);
    return n;
}

/* Three records, read the same plain, one gzip member each, or one
 * member for the whole file. */
START_TEST(test_gzip_layouts)
{
    char recs[3][512];
    size_t lens[3];
    const char *texts[] = {"first page", "second page", "third page"};
    char plain[2048];
    size_t plen = 0;
    for (int i = 0; i < 3; i++) {
        lens[i] = put_record(recs[i], "WARC-Type: conversion\r\nContent-Type: text/plain",
                             texts[i], -1);
        memcpy(plain + plen, recs[i], lens[i]);
        plen += lens[i];
    }
    unsigned char packed[4096];
    size_t per_record = 0;
    for (int i = 0; i < 3; i++)
        per_record += gzip_member(recs[i], lens[i], packed + per_record,
                                  sizeof packed - per_record);
    unsigned char whole[4096];
    size_t whole_len = gzip_member(plain, plen, whole, sizeof whole);
    const struct {
        const void *data;
        size_t len;
    } layouts[] = {{plain, plen}, {packed, per_record}, {whole, whole_len}};
    for (int k = 0; k < 3; k++) {
        char *path;
        nc_warc_reader *w = open_bytes(layouts[k].data, layouts[k].len, &path);
        size_t offset = 0;
        for (int i = 0; i < 3; i++) {
            const nc_warc_record *rec = next_ok(w);
            ck_assert_uint_eq(rec->payload_length, strlen(texts[i]));
            ck_assert_int_eq(memcmp(rec->payload, texts[i], strlen(texts[i])), 0);
            ck_assert_uint_eq(rec->offset, offset);
            offset += lens[i];
        }
        expect_end(w);
        ck_assert_uint_eq(nc_warc_bytes_read(w), layouts[k].len);
        done(w, path);
    }
    /* a gzip file cut short: the record is reported, then the end */
    char *path;
    nc_warc_reader *w = open_bytes((const char *)whole, whole_len - 30, &path);
    const nc_warc_record *rec = NULL;
    nc_status st = NC_OK;
    int good = 0;
    while ((st = nc_warc_next(w, &rec)) == NC_OK && rec)
        good++;
    ck_assert_int_eq(st, NC_ERR_WARC);
    ck_assert_ptr_nonnull(strstr(nc_warc_error(w), "gzip data ends in the middle"));
    ck_assert_int_lt(good, 3);
    expect_end(w);
    done(w, path);
}
END_TEST

/* A broken record costs that record only; each message names its offset. */
START_TEST(test_broken_records)
{
    char data[4096];
    size_t n = 0, offsets[6];
    const char *conv = "WARC-Type: conversion\r\nContent-Type: text/plain";
    offsets[0] = n, n += put_record(data + n, conv, "page one", -1);
    offsets[1] = n, n += put_record(data + n, conv, "too long a length", 40);
    offsets[2] = n, n += put_record(data + n, conv, "page three", -1);
    n += (size_t)sprintf(data + n, "garbage between records\r\n");
    offsets[3] = n, n += put_record(data + n, conv, "too short a length", 3);
    offsets[4] = n, n += (size_t)sprintf(data + n, "WARC/1.1\r\nWARC-Type: conversion\r\n"
                                         "Content-Length: x\r\n\r\nno length\r\n\r\n");
    offsets[5] = n, n += put_record(data + n, conv, "page six", -1);
    n += put_record(data + n, conv, "truncated at the end", -1) - 12;
    char *path;
    nc_warc_reader *w = open_bytes(data, n, &path);
    ck_assert_str_eq((const char *)next_ok(w)->payload, "page one");
    const nc_warc_record *rec = NULL;
    ck_assert_int_eq(nc_warc_next(w, &rec), NC_ERR_WARC);
    ck_assert_ptr_null(rec);
    char want[128];
    snprintf(want, sizeof want, "record at byte %zu: Content-Length 40 does not end", offsets[1]);
    ck_assert_ptr_nonnull(strstr(nc_warc_error(w), want));
    ck_assert_str_eq((const char *)next_ok(w)->payload, "page three");
    ck_assert_int_eq(nc_warc_next(w, &rec), NC_ERR_WARC); /* the garbage */
    ck_assert_ptr_nonnull(strstr(nc_warc_error(w), "not a WARC record header"));
    ck_assert_int_eq(nc_warc_next(w, &rec), NC_ERR_WARC);
    snprintf(want, sizeof want, "record at byte %zu: Content-Length 3 does not end", offsets[3]);
    ck_assert_ptr_nonnull(strstr(nc_warc_error(w), want));
    ck_assert_int_eq(nc_warc_next(w, &rec), NC_ERR_WARC); /* Content-Length: x */
    ck_assert_ptr_nonnull(strstr(nc_warc_error(w), "no valid Content-Length"));
    rec = next_ok(w);
    ck_assert_str_eq((const char *)rec->payload, "page six");
    ck_assert_uint_eq(rec->offset, offsets[5]);
    ck_assert_int_eq(nc_warc_next(w, &rec), NC_ERR_WARC);
    ck_assert_ptr_nonnull(strstr(nc_warc_error(w), "truncated: Content-Length 20"));
    expect_end(w);
    done(w, path);
}
END_TEST

/* A record over the limit is passed over without being held; a broken
 * gzip body is reported and the next record read. */
START_TEST(test_limits_and_bad_bodies)
{
    char data[8192];
    size_t n = 0;
    char big[3000];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    const char *conv = "WARC-Type: conversion\r\nContent-Type: text/plain";
    n += put_record(data + n, conv, big, -1);
    n += put_record(data + n, "WARC-Type: response", "HTTP/1.1 200 OK\r\nContent-Type: "
                    "text/html\r\nContent-Encoding: gzip\r\n\r\nnot gzip at all", -1);
    n += put_record(data + n, "WARC-Type: response", "HTTP/1.1 200 OK\r\nContent-Type: "
                    "text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nbad\r\n", -1);
    n += put_record(data + n, "WARC-Type: response\r\nWARC-Truncated: length",
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: "
                    "chunked\r\n\r\n10\r\n<p>cut short", -1);
    n += put_record(data + n, conv, "small", -1);
    char *path = temp_file(data, n);
    nc_warc_reader *w = NULL;
    ck_assert_int_eq(nc_warc_open(path, 1000, &w), NC_OK);
    const nc_warc_record *rec = NULL;
    ck_assert_int_eq(nc_warc_next(w, &rec), NC_ERR_WARC);
    ck_assert_ptr_nonnull(strstr(nc_warc_error(w), "2999 bytes, more than the limit of 1000"));
    ck_assert_int_eq(nc_warc_next(w, &rec), NC_ERR_WARC);
    ck_assert_ptr_nonnull(strstr(nc_warc_error(w), "gzip or deflate data is broken"));
    ck_assert_int_eq(nc_warc_next(w, &rec), NC_ERR_WARC);
    ck_assert_ptr_nonnull(strstr(nc_warc_error(w), "chunked transfer coding is broken"));
    rec = next_ok(w); /* what came before the cut, flagged */
    ck_assert_uint_eq(rec->payload_length, 12);
    ck_assert_int_eq(memcmp(rec->payload, "<p>cut short", 12), 0);
    ck_assert_str_eq(rec->truncated, "length");
    rec = next_ok(w);
    ck_assert_str_eq((const char *)rec->payload, "small");
    ck_assert_ptr_null(rec->truncated);
    expect_end(w);
    done(w, path);
}
END_TEST

START_TEST(test_open_errors_and_nulls)
{
    nc_warc_reader *w = (nc_warc_reader *)1;
    errno = 0;
    ck_assert_int_eq(nc_warc_open("/nonexistent/dir/x.warc", 0, &w), NC_ERR_IO);
    ck_assert_int_eq(errno, ENOENT);
    ck_assert_ptr_null(w);
    ck_assert_int_eq(nc_warc_open(NULL, 0, &w), NC_ERR_ARGUMENT);
    ck_assert_int_eq(nc_warc_open("/dev/null", 0, NULL), NC_ERR_ARGUMENT);
    const nc_warc_record *rec = NULL;
    ck_assert_int_eq(nc_warc_next(NULL, &rec), NC_ERR_ARGUMENT);
    ck_assert_str_eq(nc_warc_error(NULL), "");
    ck_assert_uint_eq(nc_warc_bytes_read(NULL), 0);
    nc_warc_close(NULL);
    /* an empty file and a directory */
    ck_assert_int_eq(nc_warc_open("/dev/null", 0, &w), NC_OK);
    ck_assert_int_eq(nc_warc_next(w, NULL), NC_ERR_ARGUMENT);
    expect_end(w);
    nc_warc_close(w);
    ck_assert_int_eq(nc_warc_open("/tmp", 0, &w), NC_OK);
    ck_assert_int_eq(nc_warc_next(w, &rec), NC_ERR_IO);
    ck_assert_ptr_nonnull(strstr(nc_warc_error(w), "reading the file failed"));
    expect_end(w);
    nc_warc_close(w);
}
END_TEST

static Suite *warc_suite(void)
{
    Suite *s = suite_create("warc");
    TCase *tc = tcase_create("reader");
    tcase_add_test(tc, test_response_fields_and_charset);
    tcase_add_test(tc, test_skip_reasons);
    tcase_add_test(tc, test_chunked_and_gzip_body);
    tcase_add_test(tc, test_gzip_layouts);
    tcase_add_test(tc, test_broken_records);
    tcase_add_test(tc, test_limits_and_bad_bodies);
    tcase_add_test(tc, test_open_errors_and_nulls);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(warc_suite()); }
