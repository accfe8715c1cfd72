/* warc.h - what the WARC reader's two files share. The reader is a module
 * of its own beside the pipeline: it calls no stage, and no stage calls it.
 *
 *   reader.c   the file: plain or gzip bytes, record framing, WARC headers
 *   http.c     a record's payload: HTTP status and headers, chunked and
 *              gzip bodies, media type and charset, what to clean or skip
 */
#ifndef NC_WARC_H
#define NC_WARC_H

#include <stdbool.h>
#include <stddef.h>

#include "internal.h"

/* True when a equals b, ASCII case ignored (header names, codings). */
bool nc_warc_name_equal(const char *a, const char *b);

/* Reads a Content-Type value in place (it is cut at ';' and lower-cased):
 * sets rec->media_type and rec->charset. */
void nc_warc_content_type(char *value, nc_warc_record *rec);

/* Decides what a record with its WARC headers read is: for a response,
 * reads the HTTP message in block[0..len) (modified in place); sets
 * rec->skip, input, payload. An HTTP body that is chunked or compressed is
 * decoded into *scratch (at most max_bytes). NC_ERR_WARC with *problem set
 * when the body cannot be decoded; NC_ERR_NOMEM. */
nc_status nc_warc_read_payload(char *block, size_t len, char *record_content_type,
                       size_t max_bytes, nc_buf *scratch, nc_warc_record *rec,
                       const char **problem);

#endif
