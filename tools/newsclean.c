/* newsclean - the command line: clean scraped pages into body paragraphs.
 *
 *   newsclean [options] [FILE...]     (stdin when no FILE)
 *
 * Exit status: 0 ok, 1 an input could not be cleaned, 2 usage. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsclean.h"

static const char usage_text[] =
    "usage: newsclean [options] [FILE...]\n"
    "Cleans scraped news pages (text or HTML) into their body paragraphs.\n"
    "Reads stdin when no FILE is given.\n\n"
    "  -o, --output DIR       write DIR/NAME.txt for each FILE (NAME: FILE's\n"
    "                         base name with its last extension replaced)\n"
    "  -f, --format FORMAT    text (default) or json\n"
    "  -e, --explain          print every block with its label and reason\n"
    "  -i, --input KIND       auto (default), text or html\n"
    "  -l, --language CODE    language hint (BCP-47, e.g. de)\n"
    "      --encoding NAME    charset hint (e.g. windows-1251)\n"
    "  -b, --bias X           -1 (precise) .. 0 (balanced) .. 1 (recall)\n"
    "  -h, --help             show this help\n"
    "  -V, --version          show the version\n";

typedef enum { FMT_TEXT, FMT_JSON } out_format;

typedef struct cli {
    nc_options opts;
    out_format format;
    int explain;
    const char *outdir;
} cli;

static int read_all(FILE *f, char **data, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return ENOMEM;
    for (;;) {
        if (n == cap) {
            char *p = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                return ENOMEM;
            }
            buf = p;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int e = errno ? errno : EIO;
                free(buf);
                return e;
            }
            break;
        }
    }
    *data = buf;
    *len = n;
    return 0;
}

static void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

static void print_json(FILE *out, const nc_result *r)
{
    fputs("{\"title\":", out);
    if (nc_result_title(r))
        json_string(out, nc_result_title(r));
    else
        fputs("null", out);
    fputs(",\"language\":", out);
    json_string(out, nc_result_language(r));
    fprintf(out, ",\"language_confidence\":%.3f,\"script\":",
            nc_result_language_confidence(r));
    json_string(out, nc_result_script(r));
    fputs(",\"encoding\":", out);
    json_string(out, nc_result_encoding(r));
    fprintf(out, ",\"input\":\"%s\",\"flags\":%u,\"repairs\":%zu,\"paragraphs\":[",
            nc_result_input_kind(r) == NC_INPUT_HTML ? "html" : "text",
            nc_result_flags(r), nc_result_repair_count(r));
    for (size_t i = 0; i < nc_result_paragraph_count(r); i++) {
        if (i)
            fputc(',', out);
        json_string(out, nc_result_paragraph(r, i, NULL));
    }
    fputs("],\"blocks\":[", out);
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info b = NC_BLOCK_INFO_INIT;
        if (nc_result_block(r, i, &b) != NC_OK)
            continue;
        if (i)
            fputc(',', out);
        fputs("{\"text\":", out);
        json_string(out, b.text);
        fprintf(out, ",\"label\":\"%s\",\"reason\":\"%s\",\"score\":%.3f,\"tag\":",
                nc_label_name(b.label), nc_reason_name(b.reason), b.score);
        json_string(out, b.tag);
        fputc('}', out);
    }
    fputs("]}\n", out);
}

static void print_explain(FILE *out, const nc_result *r)
{
    fprintf(out, "# language %s (%.2f), script %s, title: %s\n",
            nc_result_language(r), nc_result_language_confidence(r),
            nc_result_script(r), nc_result_title(r) ? nc_result_title(r) : "-");
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info b = NC_BLOCK_INFO_INIT;
        if (nc_result_block(r, i, &b) != NC_OK)
            continue;
        int kept = b.label == NC_LABEL_BODY || b.label == NC_LABEL_HEADING;
        fprintf(out, "%c %-10s %-15s %.2f %s\n", kept ? '+' : '-',
                nc_label_name(b.label), nc_reason_name(b.reason), b.score, b.text);
    }
}

static void print_text(FILE *out, const nc_result *r)
{
    size_t len = 0;
    const char *text = nc_result_text(r, &len);
    fwrite(text, 1, len, out);
    if (len)
        fputc('\n', out);
}

/* DIR/NAME.txt where NAME is path's base name without its last extension. */
static char *output_path(const char *dir, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t stem = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    size_t n = strlen(dir) + 1 + stem + 5;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s/%.*s.txt", dir, (int)stem, base);
    return out;
}

/* Cleans one input; returns 0 or 1 (and says why on stderr). */
static int clean_one(const cli *c, const char *name, FILE *in)
{
    char *data = NULL;
    size_t len = 0;
    int e = read_all(in, &data, &len);
    if (e) {
        fprintf(stderr, "newsclean: %s: %s\n", name, strerror(e));
        return 1;
    }
    nc_result *r = NULL;
    nc_status st = nc_clean(data, len, &c->opts, &r);
    free(data);
    if (st != NC_OK) {
        fprintf(stderr, "newsclean: %s: %s\n", name, nc_strerror(st));
        return 1;
    }
    FILE *out = stdout;
    char *path = NULL;
    if (c->outdir) {
        path = output_path(c->outdir, name);
        out = path ? fopen(path, "wb") : NULL;
        if (!out) {
            fprintf(stderr, "newsclean: %s: %s\n", path ? path : name,
                    strerror(path ? errno : ENOMEM));
            free(path);
            nc_result_free(r);
            return 1;
        }
    }
    if (c->format == FMT_JSON)
        print_json(out, r);
    else if (c->explain)
        print_explain(out, r);
    else
        print_text(out, r);
    int rc = 0;
    if (out != stdout) {
        if (fclose(out) != 0) {
            fprintf(stderr, "newsclean: %s: %s\n", path, strerror(errno));
            rc = 1;
        }
    } else if (fflush(out) != 0) {
        rc = 1;
    }
    free(path);
    nc_result_free(r);
    return rc;
}

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "newsclean: %s%s%s\n%s", msg, arg ? ": " : "", arg ? arg : "",
            "Try 'newsclean --help'.\n");
    return 2;
}

int main(int argc, char **argv)
{
    cli c = {0};
    nc_options_init(&c.opts);
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
#define TAKES(shortopt, longopt)                                             \
    ((strcmp(a, shortopt) == 0 || strcmp(a, longopt) == 0) &&                \
     (i + 1 < argc ? (val = argv[++i], 1) : (val = NULL, 1)))
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            return 0;
        } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("newsclean %s\n", nc_version_string());
            return 0;
        } else if (strcmp(a, "-e") == 0 || strcmp(a, "--explain") == 0) {
            c.explain = 1;
        } else if (TAKES("-o", "--output")) {
            if (!val)
                return usage_error("missing directory after", a);
            c.outdir = val;
        } else if (TAKES("-f", "--format")) {
            if (val && strcmp(val, "text") == 0)
                c.format = FMT_TEXT;
            else if (val && strcmp(val, "json") == 0)
                c.format = FMT_JSON;
            else
                return usage_error("unknown format", val);
        } else if (TAKES("-i", "--input")) {
            if (val && strcmp(val, "auto") == 0)
                c.opts.input = NC_INPUT_AUTO;
            else if (val && strcmp(val, "text") == 0)
                c.opts.input = NC_INPUT_TEXT;
            else if (val && strcmp(val, "html") == 0)
                c.opts.input = NC_INPUT_HTML;
            else
                return usage_error("unknown input kind", val);
        } else if (TAKES("-l", "--language")) {
            if (!val)
                return usage_error("missing code after", a);
            c.opts.language = val;
        } else if (TAKES("--encoding", "--encoding")) {
            if (!val)
                return usage_error("missing charset after", a);
            c.opts.encoding = val;
        } else if (TAKES("-b", "--bias")) {
            char *end = NULL;
            double b = val ? strtod(val, &end) : 0.0;
            if (!val || *end || !(b >= -1.0 && b <= 1.0))
                return usage_error("bias must be a number from -1 to 1", val);
            c.opts.recall_bias = b;
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option", a);
        } else {
            break;
        }
#undef TAKES
    }
    int rc = 0;
    if (i == argc) {
        if (c.outdir)
            return usage_error("-o needs FILE arguments", NULL);
        return clean_one(&c, "-", stdin);
    }
    for (; i < argc; i++) {
        FILE *in = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "rb");
        if (!in) {
            fprintf(stderr, "newsclean: %s: %s\n", argv[i], strerror(errno));
            rc = 1;
            continue;
        }
        if (clean_one(&c, argv[i], in))
            rc = 1;
        if (in != stdin)
            fclose(in);
    }
    return rc;
}
