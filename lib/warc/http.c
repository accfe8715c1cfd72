/* http.c - a WARC record's payload: which records are pages, and the page
 * bytes of an HTTP response (status line, headers, chunked transfer
 * coding, gzip or deflate content coding). Works in place on the record's
 * block where it can; a decoded body goes to the reader's scratch buffer. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "warc/warc.h"

static const char empty[] = "";

/* ASCII case-insensitive compare of n bytes (no locale). */
static int strncasecmp_ascii(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int ca = tolower((unsigned char)a[i]), cb = tolower((unsigned char)b[i]);
        if (ca != cb)
            return ca - cb;
        if (!ca)
            return 0;
    }
    return 0;
}

/* True when a equals b, ASCII case ignored. */
bool nc_warc_name_equal(const char *a, const char *b)
{
    size_t n = strlen(b);
    return strlen(a) == n && strncasecmp_ascii(a, b, n) == 0;
}

static bool starts_with_nocase(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && strncasecmp_ascii(s, prefix, n) == 0;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

void nc_warc_content_type(char *value, nc_warc_record *rec)
{
    rec->media_type = empty;
    rec->charset = NULL;
    if (!value)
        return;
    char *semi = strchr(value, ';');
    char *params = NULL;
    if (semi) {
        *semi = '\0';
        params = semi + 1;
    }
    char *media = trim(value);
    for (char *p = media; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    rec->media_type = media;
    while (params && *params) {
        char *next = strchr(params, ';');
        if (next)
            *next++ = '\0';
        char *param = trim(params);
        if (strncasecmp_ascii(param, "charset=", 8) == 0) {
            char *cs = trim(param + 8);
            size_t n = strlen(cs);
            if (n >= 2 && (cs[0] == '"' || cs[0] == '\'') && cs[n - 1] == cs[0]) {
                cs[n - 1] = '\0';
                cs++;
            }
            if (*cs)
                rec->charset = cs;
        }
        params = next;
    }
}

/* The input kind for a media type, or false when it is not a page. */
static bool page_kind(const char *media, nc_input_kind *kind)
{
    if (!*media)
        *kind = NC_INPUT_AUTO;
    else if (strcmp(media, "text/html") == 0 || strcmp(media, "application/xhtml+xml") == 0)
        *kind = NC_INPUT_HTML;
    else if (strcmp(media, "text/plain") == 0)
        *kind = NC_INPUT_TEXT;
    else
        return false;
    return true;
}

/* The HTTP headers this reader acts on, cut out in place. */
typedef struct http_head {
    int status;
    char *content_type, *transfer_encoding, *content_encoding;
    size_t body; /* offset of the body in the block */
} http_head;

/* Parses "HTTP/1.1 200 OK" and the header lines up to the blank line.
 * False when there is no status line or no end of the headers. */
static bool read_http_head(char *block, size_t len, http_head *h)
{
    memset(h, 0, sizeof *h);
    if (!starts_with_nocase(block, len, "HTTP/"))
        return false;
    size_t i = 0;
    bool first = true;
    while (i < len) {
        char *nl = memchr(block + i, '\n', len - i);
        if (!nl)
            return false;
        size_t end = (size_t)(nl - block);
        size_t line_len = end - i - (end > i && block[end - 1] == '\r');
        char *line = block + i;
        i = end + 1;
        if (line_len == 0) {
            h->body = i;
            return !first;
        }
        line[line_len] = '\0';
        if (first) {
            char *sp = strchr(line, ' ');
            h->status = sp ? atoi(sp + 1) : 0;
            first = false;
            continue;
        }
        char *colon = strchr(line, ':');
        if (!colon)
            continue;
        *colon = '\0';
        char *name = trim(line), *value = trim(colon + 1);
        if (strncasecmp_ascii(name, "content-type", 13) == 0)
            h->content_type = value;
        else if (strncasecmp_ascii(name, "transfer-encoding", 18) == 0)
            h->transfer_encoding = value;
        else if (strncasecmp_ascii(name, "content-encoding", 17) == 0)
            h->content_encoding = value;
    }
    return false;
}

/* Removes the chunked transfer coding in place; the new length, or
 * (size_t)-1 when a chunk size is not a number. A body that ends before
 * its last (empty) chunk, as a crawler's length limit leaves it, keeps
 * what it has and sets *cut. */
static size_t dechunk(char *body, size_t len, bool *cut)
{
    size_t in = 0, out = 0;
    for (;;) {
        char *end = NULL;
        if (in >= len) {
            *cut = true;
            return out;
        }
        unsigned long long size = strtoull(body + in, &end, 16);
        if (end == body + in)
            return (size_t)-1;
        char *nl = memchr(end, '\n', len - (size_t)(end - body));
        in = nl ? (size_t)(nl - body) + 1 : len;
        if (size == 0 && nl)
            return out; /* trailers after the last chunk are ignored */
        if (!nl || size > len - in) {
            *cut = true;
            size = len - in;
        }
        memmove(body + out, body + in, (size_t)size);
        out += (size_t)size;
        in += (size_t)size;
        if (in < len && body[in] == '\r')
            in++;
        if (in < len && body[in] == '\n')
            in++;
    }
}

/* Inflates gzip or zlib data (told apart by its header) into *out, at
 * most max_bytes. Data that ends before its stream does sets *cut and
 * keeps what was inflated. */
static nc_status inflate_body(const char *body, size_t len, size_t max_bytes, nc_buf *out,
                              bool *cut, const char **problem)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 32) != Z_OK)
        return NC_ERR_NOMEM;
    out->len = 0;
    out->failed = false;
    z.next_in = (Bytef *)(uintptr_t)body;
    z.avail_in = (uInt)(len > UINT32_MAX ? UINT32_MAX : len);
    nc_status st = NC_OK;
    for (;;) {
        if (!nc_buf_reserve(out, 65536)) {
            st = NC_ERR_NOMEM;
            break;
        }
        z.next_out = (Bytef *)out->data + out->len;
        z.avail_out = (uInt)(out->cap - out->len - 1);
        int zr = inflate(&z, Z_NO_FLUSH);
        out->len = out->cap - 1 - z.avail_out;
        if (out->len > max_bytes) {
            *problem = "the decompressed HTTP body is larger than the record limit";
            st = NC_ERR_WARC;
            break;
        }
        if (zr == Z_STREAM_END)
            break;
        if (zr == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
            *cut = true;
            break;
        }
        if (zr != Z_OK) {
            *problem = "the HTTP body's gzip or deflate data is broken";
            st = NC_ERR_WARC;
            break;
        }
    }
    inflateEnd(&z);
    return st;
}

/* Applies the transfer and content codings of an HTTP body; sets
 * rec->payload or rec->skip. */
static nc_status decode_body(char *body, size_t len, const http_head *h, size_t max_bytes,
                             nc_buf *scratch, nc_warc_record *rec, const char **problem)
{
    bool cut = false;
    if (h->transfer_encoding && strstr(h->transfer_encoding, "chunked")) {
        len = dechunk(body, len, &cut);
        if (len == (size_t)-1) {
            *problem = "the HTTP body's chunked transfer coding is broken";
            return NC_ERR_WARC;
        }
    }
    const char *coding = h->content_encoding ? h->content_encoding : "";
    if (!*coding || nc_warc_name_equal(coding, "identity")) {
        rec->payload = body;
        rec->payload_length = len;
        if (cut && !rec->truncated)
            rec->truncated = "body";
        return NC_OK;
    }
    if (!nc_warc_name_equal(coding, "gzip") && !nc_warc_name_equal(coding, "x-gzip") &&
        !nc_warc_name_equal(coding, "deflate")) {
        rec->skip = "content-encoding";
        return NC_OK;
    }
    nc_status st = inflate_body(body, len, max_bytes, scratch, &cut, problem);
    if (st != NC_OK)
        return st;
    rec->payload = scratch->data;
    rec->payload_length = scratch->len;
    if (cut && !rec->truncated)
        rec->truncated = "body";
    return NC_OK;
}

static nc_status http_payload(char *block, size_t len, size_t max_bytes, nc_buf *scratch,
                              nc_warc_record *rec, const char **problem)
{
    http_head h;
    if (!read_http_head(block, len, &h)) {
        rec->skip = "not-http";
        return NC_OK;
    }
    rec->http_status = h.status;
    nc_warc_content_type(h.content_type, rec);
    if (h.status != 200) {
        rec->skip = "http-status";
        return NC_OK;
    }
    if (!page_kind(rec->media_type, &rec->input)) {
        rec->skip = "media-type";
        return NC_OK;
    }
    return decode_body(block + h.body, len - h.body, &h, max_bytes, scratch, rec, problem);
}

nc_status nc_warc_read_payload(char *block, size_t len, char *record_content_type, size_t max_bytes,
                       nc_buf *scratch, nc_warc_record *rec, const char **problem)
{
    rec->skip = NULL;
    rec->input = NC_INPUT_AUTO;
    rec->payload = NULL;
    rec->payload_length = 0;
    rec->http_status = 0;
    if (strcmp(rec->type, "response") == 0)
        return http_payload(block, len, max_bytes, scratch, rec, problem);
    nc_warc_content_type(record_content_type, rec);
    if (strcmp(rec->type, "conversion") == 0)
        rec->input = NC_INPUT_TEXT; /* WET: the page's text, one block a line */
    else if (strcmp(rec->type, "resource") != 0)
        rec->skip = "record-type";
    else if (!page_kind(rec->media_type, &rec->input))
        rec->skip = "media-type";
    if (!rec->skip) {
        rec->payload = block;
        rec->payload_length = len;
    }
    return NC_OK;
}
