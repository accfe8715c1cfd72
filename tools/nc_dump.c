/* nc_dump - prints every block's feature vector, for tools/train.py.
 *
 *   nc_dump [--input text|html] FILE...
 *
 * One TSV row a block: file, block index, the features (names in the
 * header row, from lib/features/features.c), then the block text. Links the static
 * library to reach the pipeline's internals; not installed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "outline.h"
#include "features/features.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *p = realloc(buf, cap *= 2);
        if (!p) {
            free(buf);
            buf = NULL;
        } else {
            buf = p;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    nc_options opts;
    nc_options_init(&opts);
    int i = 1, rc = 0;
    if (i + 1 < argc && strcmp(argv[i], "--input") == 0) {
        opts.input = strcmp(argv[i + 1], "html") == 0 ? NC_INPUT_HTML
                     : strcmp(argv[i + 1], "text") == 0 ? NC_INPUT_TEXT
                                                        : NC_INPUT_AUTO;
        i += 2;
    }
    int nf = nc_feature_count();
    printf("file\tblock");
    for (int k = 0; k < nf; k++)
        printf("\t%s", nc_feature_names[k]);
    printf("\tgroup\ttext\n");
    for (; i < argc; i++) {
        size_t len = 0;
        char *data = slurp(argv[i], &len);
        if (!data) {
            fprintf(stderr, "nc_dump: cannot read %s\n", argv[i]);
            rc = 1;
            continue;
        }
        nc_doc doc;
        nc_status st = nc_pipeline(data, len, &opts, &doc);
        free(data);
        if (st != NC_OK) {
            fprintf(stderr, "nc_dump: %s: %s\n", argv[i], nc_strerror(st));
            nc_doc_free(&doc);
            rc = 1;
            continue;
        }
        for (size_t b = 0; b < doc.nblocks; b++) {
            const nc_block *blk = &doc.blocks[b];
            printf("%s\t%zu", argv[i], b);
            for (int k = 0; k < nf; k++)
                printf("\t%.7g", blk->feat[k]);
            printf("\t%u\t", (unsigned)blk->group);
            for (size_t c = 0; c < blk->len; c++) {
                char ch = blk->text[c];
                putchar(ch == '\t' || ch == '\n' ? ' ' : ch);
            }
            putchar('\n');
        }
        nc_doc_free(&doc);
    }
    return rc;
}
