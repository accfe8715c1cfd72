/* cli.h - what the command line's files share.
 *
 *   newsclean.c   options, help, the output formats, main()
 *   batch.c       pages from files: gzip-aware reading, -r, output names
 *                 checked before any work, atomic writes, --jobs, progress
 *   warc.c        --warc: records of WARC and WET files as JSON Lines
 *   jsonl.c       the JSON Lines object (schema 1) and output files
 *
 * Exit statuses: 0 all well; 1 an input or a record could not be read,
 * cleaned or written (the others still are); 2 a bad command line. */
#ifndef NC_CLI_H
#define NC_CLI_H

#include <stdio.h>

#include "newsclean.h"

enum { EXIT_FAILED = 1, EXIT_USAGE = 2 };

typedef enum { FMT_TEXT, FMT_JSON, FMT_HTML, FMT_JSONL, FMT_MARKDOWN } out_format;

typedef struct cli {
    nc_options opts;
    out_format format;
    int explain;
    int recursive;      /* -r: a directory argument means its files */
    int warc;           /* --warc: every FILE is a WARC or WET file */
    const char *output; /* -o: a directory (text, json, html), a file (jsonl) */
    long jobs;
    unsigned md_flags;  /* --links, --images: NC_MD_LINKS, NC_MD_IMAGES */
    int comments;       /* --comments: printed apart from the body */
} cli;

/* Where a JSON Lines object came from: a file, or a record of a WARC file
 * (its target URI, record id, date, type and offset). */
typedef struct jsonl_source {
    const char *file;
    const nc_warc_record *record;
} jsonl_source;

/* newsclean.c: the formats. */
void json_string(FILE *out, const char *s);
void print_json(FILE *out, const nc_result *r, int comments);
void print_result_fields(FILE *out, const nc_result *r);
void print_blocks_json(FILE *out, const nc_result *r);
void print_explain(FILE *out, const nc_result *r);
void print_html(FILE *out, const nc_result *r, const char *name);
void print_text(FILE *out, const nc_result *r);
/* The body as Markdown (flags: NC_MD_*), then with c->comments the
 * comments under their own heading; 0, or EXIT_FAILED having said why. */
int print_markdown(FILE *out, const nc_result *r, const cli *c, const char *name);
/* --comments after the text format's paragraphs; 0 or EXIT_FAILED. */
int print_text_comments(FILE *out, const nc_result *r, const char *name);

/* jsonl.c */
void print_jsonl(FILE *out, const nc_result *r, const jsonl_source *src, int explain);
/* An output file written whole or not at all: a temporary file beside
 * path, renamed over it by output_commit. NULL (and a message on stderr)
 * when it cannot be made. */
typedef struct atomic_file {
    FILE *f;
    char *path, *tmp;
} atomic_file;
int atomic_open(atomic_file *a, const char *path);
/* Closes and renames; on any write error removes the temporary file and
 * returns EXIT_FAILED, having said why. */
int atomic_commit(atomic_file *a);
void atomic_abandon(atomic_file *a);

/* batch.c */
typedef struct name_list {
    char **items;
    size_t n, cap;
} name_list;
/* The inputs: the arguments, with -r a directory's files (in name order,
 * hidden ones left out); without -r a directory is reported and left out.
 * 0 or EXIT_FAILED; free the list with list_free. */
int collect_inputs(const cli *c, char **args, size_t nargs, name_list *out);
void list_free(name_list *l);
int run_files(const cli *c, char **args, size_t nargs);
/* True when stderr is a terminal (progress lines are shown). */
int progress_wanted(void);
double now_seconds(void);

/* warc.c */
int run_warc(const cli *c, char **files, size_t nfiles);

#endif
