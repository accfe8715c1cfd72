/* newsclean - the command line: clean scraped pages into body paragraphs.
 *
 *   newsclean [options] [FILE...]     (stdin when no FILE)
 *   newsclean --warc [options] FILE...
 *
 * This file: the options, the help, the output formats and main(); cli.h
 * lists the others. Exit status: 0 ok, 1 an input could not be cleaned,
 * 2 usage. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
    "usage: newsclean [options] [FILE...]\n"
    "       newsclean --warc [options] WARC...\n"
    "Cleans scraped news pages (text or HTML) into their body paragraphs.\n"
    "Reads stdin when no FILE is given; gzipped FILEs are read as they are.\n"
    "Options may come before or after the FILEs (-- ends them).\n\n"
    "  -o, --output DIR       write DIR/NAME.txt for each FILE (NAME: FILE's\n"
    "                         base name without .gz and its last extension);\n"
    "                         DIR is created; two FILEs with one NAME are an\n"
    "                         error; with --format jsonl, one FILE to write\n"
    "  -f, --format FORMAT    text (default), json, jsonl (one JSON object a\n"
    "                         line, --warc's format), markdown (headings,\n"
    "                         lists, tables, quotes, code; -o writes\n"
    "                         DIR/NAME.md), or html (one page showing every\n"
    "                         block coloured by its label; -o writes\n"
    "                         DIR/NAME.html)\n"
    "      --links            markdown: links as [text](URL)\n"
    "      --images           markdown: images as ![alt](URL)\n"
    "      --comments         also print the comments, after the body under a\n"
    "                         \"# Comments\" heading (json: a \"comments\" list)\n"
    "  -e, --explain          print every block with its label and reason\n"
    "                         (jsonl: a \"blocks\" array)\n"
    "  -r, --recursive        a directory FILE means every file under it\n"
    "  -w, --warc             the FILEs are WARC or WET files (plain or gzip):\n"
    "                         every HTML or text page in them becomes one JSON\n"
    "                         line; other records are skipped and counted\n"
    "  -j, --jobs N           clean N files (or records) at a time (0: one per\n"
    "                         CPU); output order stays the input order\n"
    "  -i, --input KIND       auto (default), text or html\n"
    "  -l, --language CODE    language hint (BCP-47, e.g. de)\n"
    "      --encoding NAME    charset hint (e.g. windows-1251)\n"
    "  -b, --bias X           -1 (precise) .. 0 (balanced) .. 1 (recall)\n"
    "      --url URL          the page's address (canonical URL, dates in it,\n"
    "                         relative links resolved against it)\n"
    "      --date DATE        when the page was fetched (ISO 8601): relative\n"
    "                         dates are read against it, later ones dropped\n"
    "      --max-input-bytes N  refuse inputs longer (default 268435456);\n"
    "                         reading stops there\n"
    "      --max-blocks N     blocks kept a page (default 1000000)\n"
    "      --max-depth N      HTML levels kept (default 256)\n"
    "      --max-line-bytes N cut longer blocks (default 1048576, at least 16)\n"
    "      --max-ms N         stop a page after N milliseconds (default 0: no\n"
    "                         limit) and print what was done by then\n"
    "  -h, --help             show this help\n"
    "  -V, --version          show the version\n";

void json_string(FILE *out, const char *s)
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

/* "meta": {"author": [{"value": ..., "source": ...}], ...}: every field
 * found, each item with where it was read. */
static void print_json_meta(FILE *out, const nc_result *r)
{
    fputs(",\"meta\":{", out);
    int fields = 0;
    for (int f = 0; f < NC_META_COUNT; f++) {
        nc_meta_source src;
        if (!nc_result_meta(r, (nc_meta_field)f, 0, &src))
            continue;
        fprintf(out, "%s\"%s\":[", fields++ ? "," : "", nc_meta_field_name((nc_meta_field)f));
        const char *v;
        for (size_t i = 0; (v = nc_result_meta(r, (nc_meta_field)f, i, &src)); i++) {
            fputs(i ? ",{\"value\":" : "{\"value\":", out);
            json_string(out, v);
            fprintf(out, ",\"source\":\"%s\"}", nc_meta_source_name(src));
        }
        fputc(']', out);
    }
    fputc('}', out);
}

/* The fields --format json and JSON Lines share: title to paragraphs and
 * the metadata. */
void print_result_fields(FILE *out, const nc_result *r)
{
    fputs("\"title\":", out);
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
    /* Fields added here reach --format json and JSON Lines alike (a new
     * field keeps JSON Lines schema 1). */
    fprintf(out, ",\"encoding_confidence\":%.3f", nc_result_encoding_confidence(r));
    fprintf(out, ",\"input\":\"%s\",\"flags\":%u,\"repairs\":%zu,\"paragraphs\":[",
            nc_result_input_kind(r) == NC_INPUT_HTML ? "html" : "text",
            nc_result_flags(r), nc_result_repair_count(r));
    for (size_t i = 0; i < nc_result_paragraph_count(r); i++) {
        if (i)
            fputc(',', out);
        json_string(out, nc_result_paragraph(r, i, NULL));
    }
    fputc(']', out);
    print_json_meta(out, r);
}

/* "[{text, label, reason, score, tag}, ...]": every block. */
void print_blocks_json(FILE *out, const nc_result *r)
{
    fputc('[', out);
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
    fputc(']', out);
}

/* The comment blocks' texts (--comments). */
static void print_json_comments(FILE *out, const nc_result *r)
{
    fputs(",\"comments\":[", out);
    int first = 1;
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info b = NC_BLOCK_INFO_INIT;
        if (nc_result_block(r, i, &b) != NC_OK || b.label != NC_LABEL_COMMENT)
            continue;
        fputs(first ? "" : ",", out);
        json_string(out, b.text);
        first = 0;
    }
    fputc(']', out);
}

void print_json(FILE *out, const nc_result *r, int comments)
{
    fputc('{', out);
    print_result_fields(out, r);
    if (comments)
        print_json_comments(out, r);
    fputs(",\"blocks\":", out);
    print_blocks_json(out, r);
    fputs("}\n", out);
}

void print_explain(FILE *out, const nc_result *r)
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

static void html_escaped(FILE *out, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++) {
        switch (*p) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(*p, out);
        }
    }
}

/* One colour a label, indexed by nc_label; kept labels are green/blue. */
static const char *const label_colours[NC_LABEL_COUNT] = {
    "#c8f7c5", "#b3d9ff", "#d6ecff", "#ffe0b3", "#ffd1dc", "#e0e0e0", "#f3d9fa",
    "#fff3b0", "#f0f0f0", "#ffc9c9", "#e8dccf", "#dfe7c9", "#ececec", "#f5f5f5"};

/* A self-contained page: every block coloured by label, its reason and
 * score on hover, a legend with counts; no script, no external files. */
void print_html(FILE *out, const nc_result *r, const char *name)
{
    size_t counts[NC_LABEL_COUNT] = {0};
    size_t nblocks = nc_result_block_count(r);
    for (size_t i = 0; i < nblocks; i++) {
        nc_block_info b = NC_BLOCK_INFO_INIT;
        if (nc_result_block(r, i, &b) == NC_OK && (unsigned)b.label < NC_LABEL_COUNT)
            counts[b.label]++;
    }
    fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>newsclean: ", out);
    html_escaped(out, name);
    fputs("</title>\n<style>\n"
          "body{font:15px/1.45 sans-serif;max-width:60em;margin:1em auto;padding:0 1em}\n"
          ".b{margin:3px 0;padding:3px 6px;border-left:6px solid #999;white-space:pre-wrap}\n"
          ".b.kept{border-left-color:#2a2}\n"
          ".b.drop{color:#555}\n"
          ".tag{float:right;font:11px monospace;color:#555;margin-left:1em}\n"
          ".legend span{display:inline-block;padding:2px 6px;margin:2px;border-radius:3px}\n",
          out);
    for (int l = 0; l < NC_LABEL_COUNT; l++)
        fprintf(out, ".l-%s{background:%s}\n", nc_label_name((nc_label)l), label_colours[l]);
    fputs("</style></head><body>\n<h1>", out);
    html_escaped(out, name);
    fputs("</h1>\n<p>title: <b>", out);
    html_escaped(out, nc_result_title(r) ? nc_result_title(r) : "-");
    fprintf(out, "</b> &middot; language %s (%.2f) &middot; script %s &middot; "
            "encoding ", nc_result_language(r), nc_result_language_confidence(r),
            nc_result_script(r));
    html_escaped(out, nc_result_encoding(r));
    fprintf(out, " &middot; %s input &middot; %zu blocks, %zu paragraphs</p>\n",
            nc_result_input_kind(r) == NC_INPUT_HTML ? "html" : "text", nblocks,
            nc_result_paragraph_count(r));
    fputs("<p class=\"legend\">", out);
    for (int l = 0; l < NC_LABEL_COUNT; l++)
        if (counts[l])
            fprintf(out, "<span class=\"l-%s\">%s %zu</span>", nc_label_name((nc_label)l),
                    nc_label_name((nc_label)l), counts[l]);
    fputs("</p>\n<p>Hover over a block for its label, reason and score; "
          "a green edge marks the body paragraphs.</p>\n", out);
    for (size_t i = 0; i < nblocks; i++) {
        nc_block_info b = NC_BLOCK_INFO_INIT;
        if (nc_result_block(r, i, &b) != NC_OK)
            continue;
        int kept = b.label == NC_LABEL_BODY || b.label == NC_LABEL_HEADING;
        fprintf(out, "<div class=\"b l-%s %s\" title=\"%s: %s (score %.2f)\">",
                nc_label_name(b.label), kept ? "kept" : "drop", nc_label_name(b.label),
                nc_reason_name(b.reason), b.score);
        if (b.tag && *b.tag) {
            fputs("<span class=\"tag\">", out);
            html_escaped(out, b.tag);
            fputs("</span>", out);
        }
        html_escaped(out, b.text);
        fputs("</div>\n", out);
    }
    fputs("</body></html>\n", out);
}

/* Markdown of the body, or of the comments (NC_MD_COMMENTS in flags),
 * with the comments behind a rule and a heading when after_body. */
static int write_markdown(FILE *out, const nc_result *r, unsigned flags, const char *url,
                          int after_body, const char *name)
{
    char *md = NULL;
    size_t len = 0;
    nc_status st = nc_result_markdown(r, flags, url, &md, &len);
    if (st != NC_OK) {
        fprintf(stderr, "newsclean: %s: %s\n", name, nc_strerror(st));
        return EXIT_FAILED;
    }
    if (len && after_body)
        fputs("\n---\n\n# Comments\n\n", out);
    fwrite(md, 1, len, out);
    if (len)
        fputc('\n', out);
    nc_free(md);
    return 0;
}

int print_markdown(FILE *out, const nc_result *r, const cli *c, const char *name)
{
    int rc = write_markdown(out, r, c->md_flags, c->opts.url, 0, name);
    if (!rc && c->comments)
        rc = write_markdown(out, r, c->md_flags | NC_MD_COMMENTS, c->opts.url, 1, name);
    return rc;
}

int print_text_comments(FILE *out, const nc_result *r, const char *name)
{
    return write_markdown(out, r, NC_MD_COMMENTS, NULL, 1, name);
}

void print_text(FILE *out, const nc_result *r)
{
    size_t len = 0;
    const char *text = nc_result_text(r, &len);
    if (!text) { /* no memory for the joined copy: the paragraphs as they are */
        size_t n = nc_result_paragraph_count(r);
        for (size_t i = 0; i < n; i++) {
            const char *p = nc_result_paragraph(r, i, &len);
            fputs(i ? "\n\n" : "", out);
            fwrite(p, 1, len, out);
        }
        if (n)
            fputc('\n', out);
        return;
    }
    fwrite(text, 1, len, out);
    if (len)
        fputc('\n', out);
}

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "newsclean: %s%s%s\n%s", msg, arg ? ": " : "", arg ? arg : "",
            "Try 'newsclean --help'.\n");
    return EXIT_USAGE;
}

/* True when argv[*i] is the option short or long (NULL: none). A value
 * comes as "--long=V", "-sV" or the next argument; *val is NULL when it
 * is missing. */
static int takes(int argc, char **argv, int *i, const char *shortopt, const char *longopt,
                 const char **val)
{
    const char *a = argv[*i];
    size_t n = longopt ? strlen(longopt) : 0;
    if (longopt && strncmp(a, longopt, n) == 0 && a[n] == '=') {
        *val = a + n + 1;
        return 1;
    }
    if (shortopt && strncmp(a, shortopt, 2) == 0 && a[1] != '-' && a[2]) {
        *val = a + 2;
        return 1;
    }
    if ((shortopt && strcmp(a, shortopt) == 0) || (longopt && strcmp(a, longopt) == 0)) {
        *val = *i + 1 < argc ? argv[++*i] : NULL;
        return 1;
    }
    return 0;
}

static int is_flag(const char *a, const char *shortopt, const char *longopt)
{
    return strcmp(a, shortopt) == 0 || strcmp(a, longopt) == 0;
}

static int parse_format(cli *c, const char *val)
{
    static const char *const names[] = {"text", "json", "html", "jsonl", "markdown", "md"};
    static const out_format formats[] = {FMT_TEXT, FMT_JSON, FMT_HTML, FMT_JSONL,
                                         FMT_MARKDOWN, FMT_MARKDOWN};
    for (size_t k = 0; val && k < sizeof names / sizeof *names; k++)
        if (strcmp(val, names[k]) == 0) {
            c->format = formats[k];
            return 0;
        }
    return usage_error("unknown format", val);
}

static int parse_input_kind(cli *c, const char *val)
{
    static const char *const names[] = {"auto", "text", "html"};
    static const nc_input_kind kinds[] = {NC_INPUT_AUTO, NC_INPUT_TEXT, NC_INPUT_HTML};
    for (size_t k = 0; val && k < sizeof names / sizeof *names; k++)
        if (strcmp(val, names[k]) == 0) {
            c->opts.input = kinds[k];
            return 0;
        }
    return usage_error("unknown input kind", val);
}

/* The limits of nc_options, as options taking a whole number. */
static const struct size_option {
    const char *name;
    size_t offset; /* of the size_t field in nc_options */
    size_t least;  /* the smallest value nc_clean accepts */
} size_options[] = {
    {"--max-input-bytes", offsetof(nc_options, max_input_bytes), 1},
    {"--max-blocks", offsetof(nc_options, max_blocks), 1},
    {"--max-depth", offsetof(nc_options, max_depth), 1},
    {"--max-line-bytes", offsetof(nc_options, max_line_bytes), 16},
    {"--max-ms", offsetof(nc_options, max_ms), 0},
};

/* When argv[*i] is one of the limit options: sets it and returns 1, or
 * (after the message) 2 when its value is missing, empty, not a plain
 * decimal number, too small or too big for size_t; 0 for any other
 * option. */
static int parse_size_option(cli *c, int argc, char **argv, int *i)
{
    for (size_t k = 0; k < sizeof size_options / sizeof *size_options; k++) {
        const struct size_option *o = &size_options[k];
        const char *val = NULL;
        if (!takes(argc, argv, i, NULL, o->name, &val))
            continue;
        errno = 0;
        char *end = NULL;
        unsigned long long n = val && val[0] >= '0' && val[0] <= '9' ? strtoull(val, &end, 10) : 0;
        if (!end || *end || errno == ERANGE || n > SIZE_MAX || n < o->least) {
            fprintf(stderr, "newsclean: %s needs a whole number from %zu to %zu%s%s\n"
                    "Try 'newsclean --help'.\n", o->name, o->least, (size_t)SIZE_MAX,
                    val ? ": " : "", val ? val : "");
            return 2;
        }
        size_t v = (size_t)n;
        memcpy((char *)&c->opts + o->offset, &v, sizeof v);
        return 1;
    }
    return 0;
}

/* One option at argv[*i] (which starts with '-'): 0, or the exit status
 * (-1: --help or --version was printed, exit 0). */
static int parse_option(cli *c, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    const char *val = NULL;
    if (is_flag(a, "-h", "--help")) {
        fputs(usage_text, stdout);
        return -1;
    } else if (is_flag(a, "-V", "--version")) {
        printf("newsclean %s\n", nc_version_string());
        return -1;
    } else if (is_flag(a, "-e", "--explain")) {
        c->explain = 1;
    } else if (is_flag(a, "-r", "--recursive")) {
        c->recursive = 1;
    } else if (is_flag(a, "-w", "--warc")) {
        c->warc = 1;
    } else if (strcmp(a, "--links") == 0) {
        c->md_flags |= NC_MD_LINKS;
        c->opts.record |= NC_RECORD_LINKS;
    } else if (strcmp(a, "--images") == 0) {
        c->md_flags |= NC_MD_IMAGES;
        c->opts.record |= NC_RECORD_IMAGES;
    } else if (strcmp(a, "--comments") == 0) {
        c->comments = 1;
    } else if (takes(argc, argv, i, "-o", "--output", &val)) {
        if (!val || !*val)
            return usage_error("missing file or directory after", a);
        c->output = val;
    } else if (takes(argc, argv, i, "-f", "--format", &val)) {
        return parse_format(c, val);
    } else if (takes(argc, argv, i, "-j", "--jobs", &val)) {
        char *end = NULL;
        long n = val ? strtol(val, &end, 10) : -1;
        if (!val || !*val || *end || n < 0 || n > 1024)
            return usage_error("jobs must be a number from 0 to 1024", val);
        c->jobs = n;
    } else if (takes(argc, argv, i, "-i", "--input", &val)) {
        return parse_input_kind(c, val);
    } else if (takes(argc, argv, i, "-l", "--language", &val)) {
        if (!val)
            return usage_error("missing code after", a);
        c->opts.language = val;
    } else if (takes(argc, argv, i, NULL, "--encoding", &val)) {
        if (!val)
            return usage_error("missing charset after", a);
        c->opts.encoding = val;
    } else if (takes(argc, argv, i, NULL, "--url", &val)) {
        if (!val)
            return usage_error("missing URL after", a);
        c->opts.url = val;
    } else if (takes(argc, argv, i, NULL, "--date", &val)) {
        if (!val)
            return usage_error("missing date after", a);
        c->opts.reference_date = val;
    } else if (takes(argc, argv, i, "-b", "--bias", &val)) {
        char *end = NULL;
        double b = val ? strtod(val, &end) : 0.0;
        if (!val || !*val || *end || !(b >= -1.0 && b <= 1.0))
            return usage_error("bias must be a number from -1 to 1", val);
        c->opts.recall_bias = b;
    } else if (strncmp(a, "--max-", 6) == 0) {
        int set = parse_size_option(c, argc, argv, i);
        if (set != 1)
            return set ? set : usage_error("unknown option", a);
    } else {
        return usage_error("unknown option", a);
    }
    return 0;
}

int main(int argc, char **argv)
{
    cli c = {0};
    c.jobs = 1;
    nc_options_init(&c.opts);
    /* GNU style: options anywhere; FILEs keep their order */
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) {
        fputs("newsclean: out of memory\n", stderr);
        return EXIT_FAILED;
    }
    size_t nfiles = 0;
    int only_files = 0, rc = 0;
    for (int i = 1; i < argc && rc == 0; i++) {
        if (only_files || argv[i][0] != '-' || argv[i][1] == '\0')
            files[nfiles++] = argv[i];
        else if (strcmp(argv[i], "--") == 0)
            only_files = 1;
        else
            rc = parse_option(&c, argc, argv, &i);
    }
    if (rc == 0 && c.warc && c.format != FMT_TEXT && c.format != FMT_JSONL)
        rc = usage_error("--warc writes JSON Lines; --format must be jsonl", NULL);
    else if (rc == 0 && c.warc && nfiles == 0)
        rc = usage_error("--warc needs WARC FILE arguments", NULL);
    else if (rc == 0 && c.output && nfiles == 0 && c.format != FMT_JSONL)
        rc = usage_error("-o needs FILE arguments", NULL);
    else if (rc == 0 && c.md_flags && c.format != FMT_MARKDOWN)
        rc = usage_error("--links and --images need --format markdown", NULL);
    if (rc == 0)
        rc = c.warc ? run_warc(&c, files, nfiles) : run_files(&c, files, nfiles);
    free(files);
    return rc < 0 ? 0 : rc;
}
