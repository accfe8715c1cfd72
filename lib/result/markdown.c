/* result/markdown.c - the kept blocks as Markdown (nc_result_markdown):
 * headings with their level, list items (ordered or not, nested), tables
 * (cells grouped back into rows), block quotes, <pre> lines verbatim in a
 * code fence, links and images when the walk recorded them. Text is
 * escaped so that it reads back as the same text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "result.h"

enum unit { U_NONE, U_PARA, U_ITEM, U_TABLE, U_CODE };
enum { MAX_LEVELS = 16, TABLE_CELL_MAX = 1000 };

typedef struct md {
    nc_buf out;
    const nc_doc *doc;
    unsigned flags;
    char *base;          /* the URL links resolve against (heap), or NULL */
    enum unit prev;
    uint32_t item;       /* the list item last written */
    int list_base;       /* list_depth of the outermost list of this run, - 1 */
    uint32_t layout_table; /* the table last found to read as no table: all
                              of it is written as paragraphs */
    uint32_t level_list[MAX_LEVELS];  /* per level: the list counted */
    unsigned level_count[MAX_LEVELS]; /* and its items so far */
} md;

static void put(md *m, const char *s, size_t n) { nc_buf_append(&m->out, s, n); }
static void puts_(md *m, const char *s) { put(m, s, strlen(s)); }

static const nc_block *before(const md *m, const nc_block *b)
{
    return b > m->doc->blocks ? b - 1 : NULL;
}

static bool numbered_start(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 9 && s[i] >= '0' && s[i] <= '9')
        i++;
    return i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
}

/* Text escaped for Markdown: the characters that would start emphasis,
 * code, links or HTML anywhere, '|' in a table cell, and a line start that
 * would read as a heading, quote, list item or rule. */
static void put_escaped(md *m, const char *s, size_t n, bool cell, bool line_start)
{
    size_t i = 0;
    if (line_start && n) {
        if (strchr("#>-+=~", s[0])) {
            puts_(m, "\\");
        } else if (numbered_start(s, n)) {
            while (s[i] >= '0' && s[i] <= '9')
                i++;
            put(m, s, i);
            puts_(m, "\\");
        }
    }
    size_t from = i;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' ||
            c == '<' || c == '>' || (cell && c == '|')) {
            put(m, s + from, i - from);
            char esc[2] = {'\\', c};
            put(m, esc, 2);
            from = i + 1;
        }
    }
    put(m, s + from, n - from);
}

/* A link or image target: resolved against the page, and with the
 * characters Markdown would end it at percent-encoded. */
static void put_url(md *m, const char *href)
{
    char *abs = nc_url_resolve(m->base, href);
    if (!abs) {
        m->out.failed = true;
        return;
    }
    for (const char *p = abs; *p; p++) {
        switch (*p) {
        case ' ': puts_(m, "%20"); break;
        case '(': puts_(m, "%28"); break;
        case ')': puts_(m, "%29"); break;
        case '<': puts_(m, "%3C"); break;
        case '>': puts_(m, "%3E"); break;
        case '\n': case '\r': case '\t': break;
        default: put(m, p, 1);
        }
    }
    free(abs);
}

/* The marks of block b (NULL when it has none: doc->marks may be NULL). */
static const nc_mark *block_marks(const md *m, const nc_block *b)
{
    return b->shape.nmarks ? m->doc->marks + b->shape.marks : NULL;
}

static bool script_url(const char *url)
{
    return strncmp(url, "javascript:", 11) == 0 || strncmp(url, "JavaScript:", 11) == 0;
}

static void put_image(md *m, const nc_mark *k)
{
    puts_(m, "![");
    if (k->alt)
        put_escaped(m, k->alt, strlen(k->alt), false, false);
    puts_(m, "](");
    put_url(m, k->url);
    puts_(m, ")");
}

/* The text b->text[from, to) with its images and links inside that span
 * (as the flags ask). */
static void put_inline(md *m, const nc_block *b, size_t from, size_t to, bool cell,
                       bool line_start)
{
    const nc_mark *marks = block_marks(m, b);
    size_t n = b->shape.nmarks, pos = from;
    for (size_t k = 0; k < n; k++) {
        const nc_mark *mk = &marks[k];
        bool straddles = mk->kind == NC_MARK_LINK && mk->start < from && mk->end > from;
        if ((mk->start < pos && !(straddles && pos == from)) || mk->start > to)
            continue; /* a link the span starts inside is written from there */
        if (mk->kind == NC_MARK_IMAGE && (m->flags & NC_MD_IMAGES)) {
            put_escaped(m, b->text + pos, mk->start - pos, cell, line_start && pos == 0);
            put_image(m, mk);
            if (mk->start < to && b->text[mk->start] != ' ')
                puts_(m, " "); /* the image stands apart from the next word */
            pos = mk->start;
        } else if (mk->kind == NC_MARK_LINK && (m->flags & NC_MD_LINKS) &&
                   !script_url(mk->url)) {
            size_t s = mk->start < pos ? pos : mk->start, e = mk->end < to ? mk->end : to;
            while (s < e && b->text[s] == ' ')
                s++;
            while (e > s && b->text[e - 1] == ' ')
                e--;
            put_escaped(m, b->text + pos, s - pos, cell, line_start && pos == 0);
            puts_(m, "[");
            size_t in = s;
            for (; k + 1 < n && marks[k + 1].start <= e; k++)
                if (marks[k + 1].kind == NC_MARK_IMAGE && (m->flags & NC_MD_IMAGES) &&
                    marks[k + 1].start >= in) {
                    put_escaped(m, b->text + in, marks[k + 1].start - in, cell, false);
                    put_image(m, &marks[k + 1]);
                    in = marks[k + 1].start;
                }
            put_escaped(m, b->text + in, e - in, cell, false);
            puts_(m, "](");
            put_url(m, mk->url);
            puts_(m, ")");
            pos = e;
        }
    }
    put_escaped(m, b->text + pos, to - pos, cell, line_start && pos == 0);
}

static bool selected(const md *m, const nc_block *b)
{
    if (m->flags & NC_MD_COMMENTS)
        return b->label == NC_LABEL_COMMENT;
    return nc_label_kept(b->label);
}

static const nc_mark *raw_line(const md *m, const nc_block *b)
{
    const nc_mark *marks = block_marks(m, b);
    for (size_t k = 0; k < b->shape.nmarks; k++)
        if (marks[k].kind == NC_MARK_RAW)
            return &marks[k];
    return NULL;
}

/* Starts a unit: a blank line after the last one, a line break only
 * between items of one list. */
static void open_unit(md *m, enum unit u)
{
    if (m->prev != U_NONE)
        puts_(m, m->prev == U_ITEM && u == U_ITEM ? "\n" : "\n\n");
    if (u != U_ITEM) {
        m->item = 0;
        m->level_list[0] = 0;
    }
    m->prev = u;
}

/* Lines of one <pre> (blocks without a gap between them), fenced with
 * more backticks than any run inside. Returns the next block. */
static size_t put_code(md *m, size_t i)
{
    const nc_doc *doc = m->doc;
    size_t j = i, fence = 3;
    do {
        const nc_mark *raw = raw_line(m, &doc->blocks[j]);
        size_t run = 0;
        for (const char *p = raw ? raw->url : doc->blocks[j].text; *p; p++) {
            run = *p == '`' ? run + 1 : 0;
            if (run + 1 > fence)
                fence = run + 1;
        }
        j++;
    } while (j < doc->nblocks && doc->blocks[j].tag == NC_TAG_PRE &&
             !doc->blocks[j].gap_before && selected(m, &doc->blocks[j]) &&
             raw_line(m, &doc->blocks[j]));
    open_unit(m, U_CODE);
    for (size_t k = 0; k < fence; k++)
        puts_(m, "`");
    for (size_t k = i; k < j; k++) {
        const nc_mark *raw = raw_line(m, &doc->blocks[k]);
        puts_(m, "\n");
        puts_(m, raw ? raw->url : doc->blocks[k].text);
    }
    puts_(m, "\n");
    for (size_t k = 0; k < fence; k++)
        puts_(m, "`");
    return j;
}

static void put_item_marker(md *m, const nc_block *b)
{
    int depth = b->shape.list_depth;
    if (m->prev != U_ITEM || depth <= m->list_base)
        m->list_base = depth - 1;
    int level = depth - m->list_base; /* 1 = the run's outermost list */
    if (level > MAX_LEVELS)
        level = MAX_LEVELS;
    int at = level - 1;
    if (m->level_list[at] != b->shape.list) {
        if (level == 1 && m->level_list[0])
            puts_(m, "\n"); /* another list: a blank line ends the last one */
        m->level_list[at] = b->shape.list;
        m->level_count[at] = 0;
    }
    for (int k = 1; k < level; k++)
        puts_(m, "    ");
    if (!(b->shape.flags & NC_SHAPE_ORDERED)) {
        puts_(m, "- ");
        return;
    }
    char num[16];
    int len = snprintf(num, sizeof num, "%u. ", ++m->level_count[at]);
    put(m, num, len > 0 ? (size_t)len : 0);
}

/* Length of a bullet and its space at the start of an HTML paragraph
 * ("\u2022 ", "- "), 0 when there is none. */
static size_t bullet_len(const nc_block *b)
{
    static const char *const bullets[] = {
        "- ", "* ", "+ ", "\xE2\x80\xA2 ", "\xC2\xB7 ", "\xE2\x97\xA6 ",
        "\xE2\x96\xAA ", "\xE2\x97\x8F ", "\xE2\x96\xA0 ", "\xE2\x96\xBA "};
    if (b->tag == NC_TAG_NONE || b->tag == NC_TAG_PRE)
        return 0; /* text: blocks/text.c took the bullet off already */
    for (size_t k = 0; k < sizeof bullets / sizeof *bullets; k++) {
        size_t n = strlen(bullets[k]);
        if (b->len > n && memcmp(b->text, bullets[k], n) == 0)
            return n;
    }
    return 0;
}

/* Whether the bytes s[0, n) are a permalink glyph headings carry. */
static bool anchor_glyph(const char *s, size_t n)
{
    return (n == 1 && s[0] == '#') || (n == 2 && memcmp(s, "\xC2\xB6", 2) == 0) || /* pilcrow */
           (n == 4 && memcmp(s, "\xF0\x9F\x94\x97", 4) == 0);                 /* link */
}

/* The span of a heading's text without a permalink glyph at its start
 * ("#" before a word or a space, "\u00B6 ") or at its end (" #", a
 * pilcrow or link symbol): a site's anchor, no part of the heading. */
static void heading_span(const nc_block *b, size_t *from, size_t *to)
{
    static const size_t lens[] = {1, 2, 4};
    const char *t = b->text;
    size_t s = 0, e = b->len;
    for (size_t k = 0; k < 3 && s == 0; k++) {
        size_t n = lens[k];
        bool word = n == 1 && e > 1 && (t[1] & 0x80 || ((t[1] | 0x20) >= 'a' && (t[1] | 0x20) <= 'z'));
        if (e > n + 1 && anchor_glyph(t, n) && (t[n] == ' ' || word))
            s = t[n] == ' ' ? n + 1 : n;
    }
    for (size_t k = 0; k < 3 && e == b->len; k++) {
        size_t n = lens[k];
        if (e > s + n + 1 && anchor_glyph(t + e - n, n) && (n > 1 || t[e - 2] == ' '))
            e -= n;
    }
    while (e > s && t[e - 1] == ' ')
        e--;
    *from = s;
    *to = e;
}

static void put_block(md *m, const nc_block *b)
{
    bool text_item = nc_block_text_list_line(b, before(m, b));
    int level = nc_block_heading_level(m->doc, (size_t)(b - m->doc->blocks),
                                       (m->flags & NC_MD_COMMENTS) != 0);
    bool html_item = b->shape.item != 0 && b->shape.list_depth > 0;
    if (level) {
        open_unit(m, U_PARA);
        for (int k = 0; k < level; k++)
            puts_(m, "#");
        puts_(m, " ");
        size_t from, to;
        heading_span(b, &from, &to);
        put_inline(m, b, from, to, false, false);
    } else if (html_item && b->shape.item == m->item && m->prev == U_ITEM) {
        puts_(m, "\n"); /* more of the same item: a continuation line */
        for (int k = 0; k < b->shape.list_depth - m->list_base; k++)
            puts_(m, k ? "    " : "  ");
        put_inline(m, b, 0, b->len, false, true);
    } else if (html_item) {
        open_unit(m, U_ITEM);
        put_item_marker(m, b);
        m->item = b->shape.item;
        put_inline(m, b, 0, b->len, false, false);
    } else if (text_item || bullet_len(b) || numbered_start(b->text, b->len)) {
        /* a bullet or numbered line of text (or an HTML paragraph that
         * starts with one): a list item; a number stays as written */
        open_unit(m, U_ITEM);
        size_t skip = bullet_len(b);
        if ((skip || text_item) && !numbered_start(b->text + skip, b->len - skip))
            puts_(m, "- ");
        put_inline(m, b, skip, b->len, false, false);
    } else {
        open_unit(m, U_PARA);
        if (b->in & NC_IN_BLOCKQUOTE)
            puts_(m, "> ");
        put_inline(m, b, 0, b->len, false, true);
    }
}

/* One cell's text (or part of it) in a table being written. */
typedef struct seg {
    uint32_t row;   /* the row's index in the table, from 0 */
    uint32_t col;   /* 1-based */
    bool header;
    const nc_block *block;
    size_t from, to;
} seg;

/* The run of blocks from i that belong to table t (any label). */
static size_t table_end(const md *m, size_t i)
{
    uint32_t t = m->doc->blocks[i].shape.table;
    size_t j = i;
    while (j < m->doc->nblocks && m->doc->blocks[j].shape.table == t)
        j++;
    return j;
}

/* Whether the table from block i reads as a table: two rows or more,
 * two columns or more, no cell a long text (a layout table holding the
 * article is written as paragraphs). */
static bool table_fits(const md *m, size_t i)
{
    size_t end = table_end(m, i), rows = 0;
    uint32_t last_row = 0, cols = 0;
    for (size_t j = i; j < end; j++) {
        const nc_block *b = &m->doc->blocks[j];
        if (!selected(m, b))
            continue;
        if (b->len > TABLE_CELL_MAX || b->tag == NC_TAG_PRE ||
            nc_block_heading_level(m->doc, j, (m->flags & NC_MD_COMMENTS) != 0))
            return false;
        if (b->shape.row != last_row || rows == 0)
            rows++;
        last_row = b->shape.row;
        uint32_t c = b->shape.cell ? b->shape.cell : 1;
        const nc_mark *marks = block_marks(m, b);
        for (size_t k = 0; k < b->shape.nmarks; k++)
            if (marks[k].kind == NC_MARK_CELL && marks[k].cell > c)
                c = marks[k].cell;
        if (c > cols)
            cols = c;
    }
    return rows >= 2 && cols >= 2 && cols <= 64;
}

static bool add_seg(seg **segs, size_t *n, size_t *cap, const seg *s)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 32;
        seg *p = realloc(*segs, c * sizeof *p);
        if (!p)
            return false;
        *segs = p;
        *cap = c;
    }
    (*segs)[(*n)++] = *s;
    return true;
}

/* The cells of the table's selected blocks, split at their cell marks. */
static seg *table_segs(const md *m, size_t i, size_t end, size_t *nsegs, uint32_t *cols)
{
    seg *segs = NULL;
    size_t n = 0, cap = 0;
    uint32_t row = 0, last_row = 0;
    bool any = false;
    for (size_t j = i; j < end; j++) {
        const nc_block *b = &m->doc->blocks[j];
        if (!selected(m, b))
            continue;
        if (any && b->shape.row != last_row)
            row++;
        any = true;
        last_row = b->shape.row;
        seg s = {row, b->shape.cell ? b->shape.cell : 1,
                 (b->shape.flags & NC_SHAPE_HEADER) != 0, b, 0, b->len};
        const nc_mark *marks = block_marks(m, b);
        for (size_t k = 0; k <= b->shape.nmarks; k++) {
            bool last = k == b->shape.nmarks;
            if (!last && marks[k].kind != NC_MARK_CELL)
                continue;
            s.to = last ? b->len : marks[k].start;
            if (s.col > *cols)
                *cols = s.col;
            if (!add_seg(&segs, &n, &cap, &s)) {
                free(segs);
                return NULL;
            }
            if (!last) {
                s.col = marks[k].cell;
                s.header = marks[k].header;
                s.from = marks[k].start;
            }
        }
    }
    *nsegs = n;
    return segs;
}

/* Writes the table from block i; returns the block after it. */
static size_t put_table(md *m, size_t i)
{
    size_t end = table_end(m, i), n = 0;
    uint32_t cols = 0;
    seg *segs = table_segs(m, i, end, &n, &cols);
    if (!segs) {
        m->out.failed = true;
        return end;
    }
    open_unit(m, U_TABLE);
    for (size_t first = 0; first < n;) {
        size_t last = first;
        while (last < n && segs[last].row == segs[first].row)
            last++;
        puts_(m, first ? "\n|" : "|");
        for (uint32_t c = 1; c <= cols; c++) {
            bool written = false;
            for (size_t k = first; k < last; k++) {
                const seg *s = &segs[k];
                size_t from = s->from, to = s->to;
                while (from < to && s->block->text[from] == ' ')
                    from++;
                while (to > from && s->block->text[to - 1] == ' ')
                    to--;
                if (s->col != c || from == to)
                    continue;
                puts_(m, " ");
                if (written)
                    puts_(m, "<br> ");
                put_inline(m, s->block, from, to, true, false);
                written = true;
            }
            puts_(m, " |");
        }
        if (first == 0) { /* the first row heads the table */
            puts_(m, "\n|");
            for (uint32_t c = 1; c <= cols; c++)
                puts_(m, " --- |");
        }
        first = last;
    }
    free(segs);
    return end;
}

nc_status nc_result_markdown(const nc_result *r, unsigned flags, const char *url,
                             char **out, size_t *len)
{
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!r || !out || (flags & ~(NC_MD_LINKS | NC_MD_IMAGES | NC_MD_COMMENTS)))
        return NC_ERR_ARGUMENT;
    const nc_doc *doc = nc_result_doc(r);
    if (((flags & NC_MD_LINKS) && !(doc->opts.record & NC_RECORD_LINKS)) ||
        ((flags & NC_MD_IMAGES) && !(doc->opts.record & NC_RECORD_IMAGES)))
        return NC_ERR_ARGUMENT;
    md m;
    memset(&m, 0, sizeof m);
    m.doc = doc;
    m.flags = flags;
    if (flags & (NC_MD_LINKS | NC_MD_IMAGES)) {
        /* <base href> (itself resolved against the page), else the page */
        const char *page = url && *url ? url : doc->canonical;
        m.base = doc->base_href ? nc_url_resolve(page, doc->base_href)
                 : page         ? nc_url_resolve(NULL, page)
                                : NULL;
        if ((doc->base_href || page) && !m.base)
            return NC_ERR_NOMEM;
    }
    for (size_t i = 0; i < doc->nblocks && !m.out.failed;) {
        const nc_block *b = &doc->blocks[i];
        if (!selected(&m, b)) {
            i++;
        } else if (b->tag == NC_TAG_PRE && raw_line(&m, b)) {
            i = put_code(&m, i);
        } else if (b->shape.table && b->shape.table != m.layout_table && table_fits(&m, i)) {
            i = put_table(&m, i);
        } else {
            if (b->shape.table)
                m.layout_table = b->shape.table;
            put_block(&m, b);
            i++;
        }
    }
    free(m.base);
    if (m.out.failed || !nc_buf_reserve(&m.out, 1)) {
        nc_buf_free(&m.out);
        return NC_ERR_NOMEM;
    }
    m.out.data[m.out.len] = '\0';
    *out = m.out.data;
    if (len)
        *len = m.out.len;
    return NC_OK;
}

void nc_free(void *p) { free(p); }
