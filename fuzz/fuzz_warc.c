/* fuzz_warc.c - libFuzzer target: any bytes read as a WARC file (written to
 * a temporary file, since the reader opens a path), every record's fields
 * and payload read through, with a small record limit so that the limit
 * path is reached too. */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "newsclean.h"

static char path[] = "/tmp/nc-fuzz-warc-XXXXXX";
static int fd = -1;

static void touch(const char *s)
{
    if (s && strlen(s) > (1u << 30))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fd < 0 && (fd = mkstemp(path)) < 0)
        abort();
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    nc_warc_reader *w = NULL;
    if (nc_warc_open(path, size % 2 ? 4096 : 0, &w) != NC_OK)
        abort();
    unsigned sum = 0;
    for (int guard = 0; guard < 100000; guard++) {
        const nc_warc_record *rec = NULL;
        nc_status st = nc_warc_next(w, &rec);
        touch(nc_warc_error(w));
        if (st == NC_ERR_WARC)
            continue;
        if (st != NC_OK || !rec)
            break;
        touch(rec->type), touch(rec->target_uri), touch(rec->record_id), touch(rec->date);
        touch(rec->media_type), touch(rec->charset);
        if (rec->skip && rec->payload)
            abort(); /* a skipped record has no payload */
        for (size_t i = 0; rec->payload && i < rec->payload_length; i++)
            sum += (unsigned char)rec->payload[i];
    }
    nc_warc_close(w);
    return (int)(sum & 0);
}
