/* blocks/text.c - plain text -> blocks. Two shapes of scraped text:
 *  - one block a line (WET records, most scrapers): each line a block;
 *  - hard-wrapped text (lynx -dump and the like): lines were cut at a fixed
 *    width, so a line that was full is joined with the next one when the
 *    next one's first word would not have fitted on it.
 * Bullets ("* ", "+ ", "o ", "- ", "•") mark list items and start blocks. */
#include <string.h>

#include "internal.h"
#include "blocks/blocks.h"
#include "rules/rules.h"

typedef struct line_info {
    const char *start; /* first non-space byte */
    size_t len;        /* bytes to the end of the line, trailing space cut */
    size_t indent;     /* leading columns */
    size_t cols;       /* display columns of the whole line, indent included */
    size_t first_word_cols;
    bool bullet;       /* starts with a bullet marker (then start skips it) */
    bool blank;
} line_info;

/* Display columns of one code point starting with byte c: East Asian wide
 * characters take two, as a terminal-width wrapper counts them. */
static size_t cp_cols(const unsigned char *s, size_t *adv, size_t left)
{
    unsigned char c = s[0];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (n > left)
        n = left;
    *adv = n;
    if (n == 3) {
        unsigned cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
            (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
            (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6))
            return 2;
    }
    if (n == 4)
        return 2;
    return 1;
}

static size_t text_cols(const char *s, size_t len, size_t *first_word)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t cols = 0, i = 0;
    bool in_first = true;
    *first_word = 0;
    while (i < len) {
        if (u[i] < 0x80) { /* ASCII: one column */
            if (u[i] == ' ')
                in_first = false;
            else if (in_first)
                (*first_word)++;
            cols++;
            i++;
            continue;
        }
        size_t adv;
        size_t c = cp_cols(u + i, &adv, len - i);
        if (u[i] == ' ')
            in_first = false;
        else if (in_first)
            *first_word += c;
        cols += c;
        i += adv;
    }
    return cols;
}

/* Reads one line; display columns (cols, first_word_cols) are counted
 * only when need_cols is set: they matter only to wrapped text. */
static line_info read_line(const char *s, size_t len, bool need_cols)
{
    line_info li = {0};
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        li.indent += s[i++] == '\t' ? 8 - li.indent % 8 : 1;
    size_t end = len;
    while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
    li.blank = end == i;
    li.start = s + i;
    li.len = end - i;
    if (need_cols)
        li.cols = li.indent + text_cols(li.start, li.len, &li.first_word_cols);
    /* A bullet: one marker character and a space. */
    if (li.len >= 2 && li.start[1] == ' ' && strchr("*+o-#", li.start[0])) {
        li.bullet = true;
    } else if (li.len >= 4 && (unsigned char)li.start[0] == 0xE2 &&
               (unsigned char)li.start[1] == 0x80 &&
               (unsigned char)li.start[2] == 0xA2 && li.start[3] == ' ') {
        li.bullet = true; /* U+2022 */
    }
    return li;
}

/* The first n-byte needle in s[0..len), or NULL. */
static const char *find(const char *s, size_t len, const char *needle, size_t n)
{
    for (const char *p = s; (size_t)(s + len - p) >= n; p++) {
        p = memchr(p, needle[0], (size_t)(s + len - p));
        if (!p || (size_t)(s + len - p) < n)
            return NULL;
        if (memcmp(p, needle, n) == 0)
            return p;
    }
    return NULL;
}

/* What lynx prints in brackets for an image without alt text: the last
 * part of its address, a file name ("[photo.jpg]"), a counter's query
 * ("[tr?id=12&ev=PageView]") or the tail of a data: URI
 * ("[gif;base64,R0lGOD...]", "[svg%3E]"). */
static bool image_address(const char *s, size_t n)
{
    const char *q = memchr(s, '?', n);
    return nc_image_file_name(s, n) || (q && memchr(q, '=', (size_t)(s + n - q))) ||
           find(s, n, ";base64,", 8) ||
           (n > 3 && s[n - 3] == '%' && s[n - 2] == '3' && (s[n - 1] | 0x20) == 'e');
}

/* Blanks, in a paragraph of wrapped text, what lynx -dump prints for
 * what is no text (the block's spaces fold when it is added):
 *  - MathML as its markup, "[MATH: <mi> a </mi> ... :MATH]" (to its end,
 *    which may be in a later paragraph: *in_math says so);
 *  - the marks around <ins> and <del>, "[INS: ... :INS]" (the text stays);
 *  - an image without alt text, "[photo.jpg]" (image_address). */
static void scrub_lynx(char *s, size_t len, bool *in_math)
{
    size_t i = 0;
    if (*in_math) {
        const char *e = find(s, len, ":MATH]", 6);
        i = e ? (size_t)(e - s) + 6 : len;
        memset(s, ' ', i);
        *in_math = !e;
    }
    for (; i < len; i++) {
        size_t left = len - i, cut = 0;
        if (s[i] == '[' && left >= 6 && memcmp(s + i, "[MATH:", 6) == 0) {
            const char *e = find(s + i + 6, left - 6, ":MATH]", 6);
            cut = e ? (size_t)(e - s) + 6 - i : left;
            *in_math = !e;
        } else if (left >= 5 && (memcmp(s + i, "[INS:", 5) == 0 ||
                                 memcmp(s + i, "[DEL:", 5) == 0 ||
                                 memcmp(s + i, ":INS]", 5) == 0 ||
                                 memcmp(s + i, ":DEL]", 5) == 0)) {
            cut = 5;
        } else if (s[i] == '[') {
            size_t j = i + 1;
            while (j < len && s[j] != ']' && s[j] != '[' && s[j] != ' ')
                j++;
            if (j < len && s[j] == ']' && j > i + 1 && image_address(s + i + 1, j - i - 1))
                cut = j + 1 - i;
        }
        memset(s + i, ' ', cut);
        i += cut ? cut - 1 : 0;
    }
}

/* A line of wrapped text that is only an image: "[photo.jpg]", or its
 * file name as its alt text. It is no text, and it stands between the
 * lines around it (the caption under it is not its paragraph's). */
static bool image_line(const line_info *li)
{
    if (memchr(li->start, ' ', li->len))
        return false;
    if (li->len > 2 && li->start[0] == '[' && li->start[li->len - 1] == ']')
        return image_address(li->start + 1, li->len - 2);
    return nc_image_file_name(li->start, li->len);
}

/* Hard-wrapped text: nearly all lines fit a terminal width, and many are
 * nearly full. One-block-a-line text has long lines. */
static size_t wrap_width(const char *s, size_t len)
{
    size_t lines = 0, wide = 0, full = 0, indented = 0;
    const char *p = s, *end = s + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        line_info li = read_line(p, n, false);
        if (!li.blank) {
            lines++;
            if (li.indent)
                indented++;
            /* A code point takes at most one column a byte, and at least
             * one for every three bytes: most lines need no counting. */
            if (li.indent + li.len < 68)
                ;
            else if (li.indent + li.len / 3 > 80)
                wide++;
            else {
                size_t first;
                size_t cols = li.indent + text_cols(li.start, li.len, &first);
                if (cols > 80)
                    wide++;
                else if (cols >= 68)
                    full++;
            }
        }
        p = nl ? nl + 1 : end;
    }
    /* lynx -width=80 fills lines to 74 columns (its margins take the
     * rest): a line is wrapped when the next word would pass that. */
    if (lines >= 4 && wide * 50 <= lines &&
        (full * 10 >= lines || indented * 2 >= lines))
        return 74;
    return 0;
}

nc_status nc_text_blocks(nc_doc *doc)
{
    const char *s = doc->utf8, *end = s + doc->utf8_len;
    size_t width = wrap_width(s, doc->utf8_len);
    nc_buf para = {0};
    line_info prev = {0};
    bool have_prev = false, gap = false, para_gap = false, para_bullet = false;
    bool in_math = false;
    size_t cont_indent = 0;
    uint32_t line_no = 0, para_line = 0;
    nc_status st = NC_OK;

#define FLUSH()                                                              \
    do {                                                                     \
        if (para.len) {                                                      \
            if (width)                                                       \
                scrub_lynx(para.data, para.len, &in_math);                   \
            nc_block *b = nc_doc_add_block(doc, para.data, para.len, &st);   \
            if (b) {                                                         \
                b->gap_before = para_gap;                                    \
                b->list_item = para_bullet;                                  \
                b->source_line = para_line;                                  \
            }                                                                \
            para.len = 0;                                                    \
            if (st != NC_OK)                                                 \
                goto done;                                                   \
        }                                                                    \
    } while (0)

    while (s < end && !(doc->flags & NC_FLAG_WORK_LIMIT)) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        line_info li = read_line(s, n, width != 0);
        line_no++;
        s = nl ? nl + 1 : end;
        if (li.blank) {
            gap = true;
            have_prev = false;
            continue;
        }
        if (width && image_line(&li)) {
            FLUSH();
            have_prev = false;
            continue;
        }
        bool join = width && have_prev && !li.bullet &&
                    li.indent == cont_indent &&
                    prev.cols + 1 + li.first_word_cols > width;
        if (!join) {
            FLUSH();
            para_gap = gap;
            para_bullet = li.bullet;
            para_line = line_no;
        } else if (!nc_buf_append_char(&para, ' ')) {
            st = NC_ERR_NOMEM;
            goto done;
        }
        const char *text = li.start;
        size_t tlen = li.len;
        cont_indent = li.indent;
        if (li.bullet) {
            size_t skip = (unsigned char)text[0] == 0xE2 ? 4 : 2;
            text += skip;
            tlen -= skip;
            cont_indent = li.indent + skip;
        }
        if (!nc_buf_append(&para, text, tlen)) {
            st = NC_ERR_NOMEM;
            goto done;
        }
        prev = li;
        have_prev = true;
        gap = false;
        if (!width)
            FLUSH();
    }
    FLUSH();
#undef FLUSH
done:
    nc_buf_free(&para);
    return st;
}
