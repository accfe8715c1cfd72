/* reader.c - nc_warc_*: a streaming WARC reader. The file's bytes (plain,
 * or gzip inflated member after member, so one member a record and one
 * member for the whole file read the same way) flow through one buffer
 * that holds the current record; a record is its header, Content-Length
 * bytes of block and a blank line. A record that does not end where its
 * Content-Length says is reported and the reader looks for the next
 * "WARC/" line from the end of its header, so one wrong length loses one
 * record. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "warc/warc.h"

enum {
    READ_CHUNK = 1 << 16,         /* bytes asked of the file at a time */
    MAX_HEADER = 1 << 20,         /* a longer WARC header is broken */
    BOUNDARY_LOOKAHEAD = 4 + 5    /* "\r\n\r\n" then "WARC/" */
};

struct nc_warc_reader {
    FILE *file;
    bool gzip, member_done, eof, stopped;
    bool read_failed;           /* the file gave an error, not its end */
    const char *stream_problem; /* why the bytes ended early, or NULL */
    z_stream z;
    unsigned char raw[READ_CHUNK];
    char *buf;                  /* unread bytes: buf[pos..end) */
    size_t cap, pos, end;
    unsigned long long buf_base; /* file offset (uncompressed) of buf[0] */
    unsigned long long raw_read;
    size_t max_record;
    nc_buf scratch;             /* a decoded HTTP body */
    nc_warc_record rec;
    char error[512];
};

static const char empty[] = "";

/* Inflates the next bytes into dst; 0 at the end of the file. A new gzip
 * member starts wherever the last one ended. */
static size_t inflate_some(nc_warc_reader *r, char *dst, size_t n)
{
    for (;;) {
        if (r->z.avail_in == 0) {
            size_t got = fread(r->raw, 1, sizeof r->raw, r->file);
            r->raw_read += got;
            if (got == 0) {
                if (ferror(r->file)) {
                    r->read_failed = true;
                    r->stream_problem = "reading the file failed";
                }
                else if (!r->member_done)
                    r->stream_problem = "the gzip data ends in the middle of a member";
                return 0;
            }
            r->z.next_in = r->raw;
            r->z.avail_in = (uInt)got;
        }
        if (r->member_done) {
            inflateReset(&r->z);
            r->member_done = false;
        }
        r->z.next_out = (Bytef *)dst;
        r->z.avail_out = (uInt)n;
        int zr = inflate(&r->z, Z_NO_FLUSH);
        size_t produced = n - r->z.avail_out;
        if (zr == Z_STREAM_END)
            r->member_done = true;
        else if (zr != Z_OK && zr != Z_BUF_ERROR) {
            r->stream_problem = "the gzip data is corrupt";
            return produced;
        }
        if (produced)
            return produced;
    }
}

static size_t source_read(nc_warc_reader *r, char *dst, size_t n)
{
    if (r->eof)
        return 0;
    size_t got;
    if (r->gzip) {
        got = r->stream_problem ? 0 : inflate_some(r, dst, n);
    } else {
        got = fread(dst, 1, n, r->file);
        r->raw_read += got;
        if (got == 0 && ferror(r->file)) {
            r->read_failed = true;
            r->stream_problem = "reading the file failed";
        }
    }
    if (got == 0)
        r->eof = true;
    return got;
}

/* Makes at least want unread bytes available, unless the file ends first.
 * Moves the unread bytes to the buffer's start when it needs room, so
 * callers keep offsets from pos, never pointers. False: no memory. */
static bool fill(nc_warc_reader *r, size_t want)
{
    while (r->end - r->pos < want && !r->eof) {
        if (r->pos > 0 && r->cap - r->end < READ_CHUNK) {
            memmove(r->buf, r->buf + r->pos, r->end - r->pos);
            r->buf_base += r->pos;
            r->end -= r->pos;
            r->pos = 0;
        }
        if (r->cap - r->end < READ_CHUNK) {
            size_t cap = r->cap ? r->cap : 4 * READ_CHUNK;
            while (cap - r->end < READ_CHUNK)
                cap *= 2;
            char *p = realloc(r->buf, cap + 1);
            if (!p)
                return false;
            r->buf = p;
            r->cap = cap;
        }
        r->end += source_read(r, r->buf + r->end, r->cap - r->end);
    }
    return true;
}

static unsigned long long offset_of(const nc_warc_reader *r, size_t rel)
{
    return r->buf_base + r->pos + rel;
}

static nc_status broken(nc_warc_reader *r, unsigned long long at, const char *what)
{
    snprintf(r->error, sizeof r->error, "record at byte %llu: %s%s%s", at, what,
             r->stream_problem ? "; " : "", r->stream_problem ? r->stream_problem : "");
    return NC_ERR_WARC;
}

/* Moves pos to the next line that starts with "WARC/" at or after
 * pos + from, dropping what it passes; at the end of the file, to the end. */
static bool resync(nc_warc_reader *r, size_t from)
{
    static const char mark[] = "\nWARC/";
    for (;;) {
        size_t start = r->pos + from;
        for (size_t i = start; i + sizeof mark - 1 <= r->end; i++)
            if (r->buf[i] == '\n' && memcmp(r->buf + i, mark, sizeof mark - 1) == 0) {
                r->pos = i + 1;
                return true;
            }
        if (r->eof) {
            r->pos = r->end;
            return true;
        }
        /* keep the last bytes: the mark may straddle the read */
        size_t keep = r->end - r->pos < sizeof mark ? r->end - r->pos : sizeof mark;
        r->pos = r->end - keep;
        from = 0;
        if (!fill(r, keep + READ_CHUNK))
            return false;
    }
}

/* Finds the blank line that ends the header at pos; its length including
 * the blank line, or 0 when there is none within MAX_HEADER. */
static size_t header_length(nc_warc_reader *r, bool *nomem)
{
    size_t scanned = 0;
    for (;;) {
        for (size_t i = r->pos + scanned; i + 1 < r->end; i++) {
            if (r->buf[i] != '\n')
                continue;
            if (r->buf[i + 1] == '\n')
                return i + 2 - r->pos;
            if (r->buf[i + 1] == '\r' && i + 2 < r->end && r->buf[i + 2] == '\n')
                return i + 3 - r->pos;
        }
        size_t have = r->end - r->pos;
        if (r->eof || have >= MAX_HEADER)
            return 0;
        scanned = have > 2 ? have - 2 : 0;
        if (!fill(r, have + READ_CHUNK)) {
            *nomem = true;
            return 0;
        }
    }
}

/* The header fields this reader uses, as offsets from the header's start
 * (0: absent; offset 0 is "WARC/", never a value), so they survive the
 * buffer moving; the values are cut out in place. */
typedef struct warc_head {
    size_t type, uri, id, date, content_type, truncated;
    long long length; /* -1 when absent or not a number */
} warc_head;

static char *field_value(char *v)
{
    while (*v == ' ' || *v == '\t')
        v++;
    size_t n = strlen(v);
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r'))
        v[--n] = '\0';
    return v;
}

static void read_head(char *h, size_t len, warc_head *w)
{
    static const char *const names[] = {"WARC-Type", "WARC-Target-URI", "WARC-Record-ID",
                                         "WARC-Date", "Content-Type", "WARC-Truncated"};
    size_t *slots[] = {&w->type, &w->uri, &w->id, &w->date, &w->content_type, &w->truncated};
    memset(w, 0, sizeof *w);
    w->length = -1;
    h[len - 1] = '\0';
    char *line = strchr(h, '\n'); /* past "WARC/1.1" */
    while (line && *++line) {
        char *next = strchr(line, '\n');
        if (next)
            *next = '\0';
        char *colon = strchr(line, ':');
        if (colon) {
            *colon = '\0';
            char *name = field_value(line), *value = field_value(colon + 1);
            for (size_t k = 0; k < sizeof names / sizeof *names; k++)
                if (nc_warc_name_equal(name, names[k]))
                    *slots[k] = (size_t)(value - h);
            if (nc_warc_name_equal(name, "Content-Length")) {
                char *end = NULL;
                errno = 0;
                long long n = strtoll(value, &end, 10);
                w->length = (*value && !*end && !errno && n >= 0) ? n : -1;
            }
        }
        line = next;
    }
}

static char *head_field(char *h, size_t offset) { return offset ? h + offset : NULL; }

/* Drops n bytes from pos without holding them (a record over the limit). */
static bool discard(nc_warc_reader *r, unsigned long long n)
{
    while (n > 0) {
        if (r->pos == r->end && !fill(r, 1))
            return false;
        if (r->pos == r->end)
            return true;
        size_t take = r->end - r->pos < n ? r->end - r->pos : (size_t)n;
        r->pos += take;
        n -= take;
    }
    return true;
}

/* True when the block that ends at rel is followed by the blank line the
 * specification puts there (CRLF CRLF), or, for writers that are less
 * exact, by at most four CR and LF and then the end of the file or the
 * next "WARC/" line. *next: where the next record may start. */
static bool at_boundary(const nc_warc_reader *r, size_t rel, size_t *next)
{
    size_t i = r->pos + rel, stop = i + 4;
    if (r->end - i >= 4 && memcmp(r->buf + i, "\r\n\r\n", 4) == 0) {
        *next = rel + 4;
        return true;
    }
    while (i < r->end && i < stop && (r->buf[i] == '\r' || r->buf[i] == '\n'))
        i++;
    *next = i - r->pos;
    if (i == r->end)
        return r->eof;
    return r->end - i >= 5 && memcmp(r->buf + i, "WARC/", 5) == 0;
}

static nc_status fill_record(nc_warc_reader *r, char *h, const warc_head *w, char *block,
                             size_t len)
{
    nc_warc_record *rec = &r->rec;
    char *uri = head_field(h, w->uri);
    size_t n = uri ? strlen(uri) : 0;
    if (n >= 2 && uri[0] == '<' && uri[n - 1] == '>') { /* as WARC 1.0 files often have it */
        uri[n - 1] = '\0';
        uri++;
    }
    rec->type = head_field(h, w->type);
    rec->target_uri = uri ? uri : empty;
    rec->record_id = w->id ? h + w->id : empty;
    rec->date = w->date ? h + w->date : empty;
    rec->media_type = empty;
    rec->charset = NULL;
    rec->truncated = head_field(h, w->truncated);
    const char *problem = NULL;
    nc_status st = nc_warc_read_payload(block, len, head_field(h, w->content_type), r->max_record,
                                &r->scratch, rec, &problem);
    if (st == NC_ERR_WARC)
        return broken(r, rec->offset, problem);
    return st;
}

/* One record at pos, whose header (hlen bytes) has been found. */
static nc_status read_record(nc_warc_reader *r, size_t hlen, const nc_warc_record **out)
{
    unsigned long long at = offset_of(r, 0);
    char *h = r->buf + r->pos;
    warc_head w;
    read_head(h, hlen, &w);
    if (w.length < 0 || !w.type) {
        bool ok = resync(r, hlen - 1);
        return ok ? broken(r, at, w.type ? "no valid Content-Length; skipped"
                                         : "no WARC-Type; skipped")
                  : NC_ERR_NOMEM;
    }
    unsigned long long length = (unsigned long long)w.length;
    if (length > r->max_record) {
        r->pos += hlen;
        if (!discard(r, length))
            return NC_ERR_NOMEM;
        char what[96];
        snprintf(what, sizeof what, "%llu bytes, more than the limit of %zu; skipped", length,
                 r->max_record);
        return broken(r, at, what);
    }
    size_t whole = hlen + (size_t)length;
    if (!fill(r, whole + BOUNDARY_LOOKAHEAD))
        return NC_ERR_NOMEM;
    if (r->end - r->pos < whole) {
        char what[128];
        snprintf(what, sizeof what, "truncated: Content-Length %llu, but the file ends "
                 "after %zu bytes of it", length, r->end - r->pos - hlen);
        r->pos = r->end;
        return broken(r, at, what);
    }
    size_t next = 0;
    if (!at_boundary(r, whole, &next)) {
        if (!resync(r, hlen - 1))
            return NC_ERR_NOMEM;
        char what[128];
        snprintf(what, sizeof what, "Content-Length %llu does not end at a record boundary; "
                 "skipped to the next record", length);
        return broken(r, at, what);
    }
    h = r->buf + r->pos; /* fill may have moved the buffer */
    r->rec.offset = at;
    char *block = h + hlen;
    block[length] = '\0'; /* the boundary's first byte: no longer needed */
    r->pos += next;
    nc_status st = fill_record(r, h, &w, block, (size_t)length);
    if (st == NC_OK)
        *out = &r->rec;
    return st;
}

nc_status nc_warc_next(nc_warc_reader *reader, const nc_warc_record **record)
{
    if (!reader || !record)
        return NC_ERR_ARGUMENT;
    nc_warc_reader *r = reader;
    *record = NULL;
    r->error[0] = '\0';
    if (r->stopped)
        return NC_OK;
    for (;;) { /* blank lines between records */
        if (!fill(r, 1))
            goto nomem;
        if (r->pos == r->end)
            break;
        if (r->buf[r->pos] != '\r' && r->buf[r->pos] != '\n')
            break;
        r->pos++;
    }
    if (r->pos == r->end) {
        r->stopped = true;
        if (r->read_failed) {
            snprintf(r->error, sizeof r->error, "byte %llu: %s", offset_of(r, 0),
                     r->stream_problem);
            return NC_ERR_IO;
        }
        return NC_OK;
    }
    unsigned long long at = offset_of(r, 0);
    if (!fill(r, 5))
        goto nomem;
    if (r->end - r->pos < 5 || memcmp(r->buf + r->pos, "WARC/", 5) != 0) {
        if (!resync(r, 0))
            goto nomem;
        return broken(r, at, "not a WARC record header; skipped to the next record");
    }
    bool nomem = false;
    size_t hlen = header_length(r, &nomem);
    if (nomem)
        goto nomem;
    if (hlen == 0) {
        const char *what = r->eof ? "truncated inside the record header"
                                  : "a record header longer than 1 MiB; skipped";
        if (!resync(r, 1))
            goto nomem;
        return broken(r, at, what);
    }
    nc_status st = read_record(r, hlen, record);
    if (st == NC_ERR_NOMEM)
        goto nomem;
    return st;
nomem:
    r->stopped = true;
    snprintf(r->error, sizeof r->error, "byte %llu: out of memory", offset_of(r, 0));
    return NC_ERR_NOMEM;
}

nc_status nc_warc_open(const char *path, size_t max_record_bytes, nc_warc_reader **out)
{
    if (out)
        *out = NULL;
    if (!path || !out)
        return NC_ERR_ARGUMENT;
    nc_warc_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NC_ERR_NOMEM;
    r->max_record = max_record_bytes ? max_record_bytes : NC_WARC_DEFAULT_MAX_RECORD;
    r->file = fopen(path, "rb");
    if (!r->file) {
        int e = errno;
        free(r);
        errno = e;
        return NC_ERR_IO;
    }
    /* gzip is told by its magic bytes; they stay in raw[] for inflate */
    size_t got = fread(r->raw, 1, 2, r->file);
    r->raw_read = got;
    r->gzip = got == 2 && r->raw[0] == 0x1f && r->raw[1] == 0x8b;
    bool ok = true;
    if (r->gzip) {
        ok = inflateInit2(&r->z, 15 + 16) == Z_OK;
        r->z.next_in = r->raw;
        r->z.avail_in = (uInt)got;
    } else if (got) {
        r->buf = malloc(4 * READ_CHUNK + 1);
        ok = r->buf != NULL;
        if (ok) {
            r->cap = 4 * READ_CHUNK;
            memcpy(r->buf, r->raw, got);
            r->end = got;
        }
    }
    if (!ok) {
        fclose(r->file);
        free(r->buf);
        free(r);
        return NC_ERR_NOMEM;
    }
    *out = r;
    return NC_OK;
}

const char *nc_warc_error(const nc_warc_reader *reader)
{
    return reader ? reader->error : "";
}

unsigned long long nc_warc_bytes_read(const nc_warc_reader *reader)
{
    return reader ? reader->raw_read : 0;
}

void nc_warc_close(nc_warc_reader *reader)
{
    if (!reader)
        return;
    if (reader->gzip)
        inflateEnd(&reader->z);
    if (reader->file)
        fclose(reader->file);
    free(reader->buf);
    nc_buf_free(&reader->scratch);
    free(reader);
}
