/* simple.c - clean one page and print its body paragraphs.
 *
 *   cc simple.c -o simple $(pkg-config --cflags --libs newsclean)
 *   ./simple page.html
 *
 * The smallest complete use of the API: read the file, nc_clean(), walk
 * the paragraphs, free the result. */
#include <stdio.h>
#include <stdlib.h>

#include <newsclean.h>

/* Reads a whole file into a malloc'd buffer; NULL on failure. */
static char *read_file(const char *path, size_t *len)
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
        char *bigger = realloc(buf, cap *= 2);
        if (!bigger)
            free(buf);
        buf = bigger;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    size_t len = 0;
    char *page = read_file(argv[1], &len);
    if (!page) {
        perror(argv[1]);
        return 1;
    }

    nc_options opts;
    nc_options_init(&opts);     /* defaults: detect kind, charset, language */
    nc_result *r = NULL;
    nc_status st = nc_clean(page, len, &opts, &r);
    free(page);                 /* the result keeps its own copy */
    if (st != NC_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], nc_strerror(st));
        return 1;
    }

    for (size_t i = 0; i < nc_result_paragraph_count(r); i++)
        printf("%s%s\n", i ? "\n" : "", nc_result_paragraph(r, i, NULL));
    nc_result_free(r);
    return 0;
}
