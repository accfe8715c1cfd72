/* result/structure.c - the structure the Markdown shows, inferred from the
 * kept blocks and their neighbours: which block is a heading (and of which
 * level) and which line of text is a list item. result/markdown.c writes
 * what these say, nc_result_block reports the same. The tag gives a
 * heading its level; its context can take the heading away:
 *  - a list whose items are each one heading and nothing else (a list of
 *    product or article names set in <h3>s) is a list: its items are
 *    written as list items;
 *  - a heading whose section lost every block (three or more dropped after
 *    it, then the next kept block is a heading of its rank or higher, or
 *    nothing) heads nothing of the output: the title of a teaser or
 *    sign-up box whose links were dropped is written as a paragraph;
 *  - a heading line of text (the classifier's guess, no tag) as long as a
 *    paragraph needs a paragraph right under it to stay a heading;
 *  - a heading that is a number and a link ("3. <a>Acme Movers</a>"), an
 *    entry of a ranked list that links to the thing ranked, is written as
 *    the numbered list line it reads as.
 * Every function here looks at a few neighbours; a scan past dropped
 * blocks runs to the next kept one, so a whole page costs linear time. */
#include <stdint.h>

#include "internal.h"
#include "result.h"

enum {
    SECTION_DROPPED_MIN = 3,   /* blocks dropped after a heading: its section's */
    TABLE_NEAR = 64,           /* blocks either side a table's columns are looked for */
    TEXT_PARAGRAPH_WORDS = 15, /* words: a line of text this long is a paragraph's */
    LINK_SLACK = 1             /* code points of a heading's text outside its link */
};

static bool kept(const nc_block *b, bool comments)
{
    if (comments)
        return b->label == NC_LABEL_COMMENT;
    return nc_label_kept(b->label);
}

/* Text: a line the classifier calls a heading. */
static bool text_heading(const nc_block *b)
{
    return b->tag == NC_TAG_NONE && b->label == NC_LABEL_HEADING && !b->list_item;
}

bool nc_block_text_list_line(const nc_block *b, const nc_block *prev)
{
    return (b->tag == NC_TAG_NONE && b->list_item) ||
           (text_heading(b) && prev && text_heading(prev));
}

/* The level the block shows by itself: its <h1>-<h6>, or 2 for a heading
 * line of text (its level unknown) that is no list line. */
static int own_level(const nc_doc *doc, size_t i)
{
    const nc_block *b = &doc->blocks[i];
    if (nc_tag_heading(b->tag))
        return (int)(b->tag - NC_TAG_H1) + 1;
    if (text_heading(b) && !nc_block_text_list_line(b, i ? b - 1 : NULL))
        return 2;
    return 0;
}

/* The kept block after i (SIZE_MAX: none) and how many were dropped
 * between. */
static size_t next_kept(const nc_doc *doc, size_t i, bool comments, size_t *dropped)
{
    size_t j = i + 1;
    while (j < doc->nblocks && !kept(&doc->blocks[j], comments))
        j++;
    if (dropped)
        *dropped = j - i - 1;
    return j < doc->nblocks ? j : SIZE_MAX;
}

static size_t prev_kept(const nc_doc *doc, size_t i, bool comments)
{
    while (i > 0)
        if (kept(&doc->blocks[--i], comments))
            return i;
    return SIZE_MAX;
}

/* An HTML heading that is all its list item holds (of the kept blocks). */
static bool lone_item_heading(const nc_doc *doc, size_t i, bool comments)
{
    const nc_block *b = &doc->blocks[i];
    if (!b->shape.item || !b->shape.list_depth || !own_level(doc, i))
        return false;
    size_t p = prev_kept(doc, i, comments), n = next_kept(doc, i, comments, NULL);
    return (p == SIZE_MAX || doc->blocks[p].shape.item != b->shape.item) &&
           (n == SIZE_MAX || doc->blocks[n].shape.item != b->shape.item);
}

/* One item of a list of headings: a lone item heading with another one
 * of the same list next to it. */
static bool heading_list_item(const nc_doc *doc, size_t i, bool comments)
{
    if (!lone_item_heading(doc, i, comments))
        return false;
    uint32_t list = doc->blocks[i].shape.list;
    size_t side[2] = {prev_kept(doc, i, comments), next_kept(doc, i, comments, NULL)};
    for (int k = 0; k < 2; k++)
        if (side[k] != SIZE_MAX && doc->blocks[side[k]].shape.list == list &&
            lone_item_heading(doc, side[k], comments))
            return true;
    return false;
}

/* Whether b's text spans cells past a row's first: a row of several. */
static bool several_cells(const nc_doc *doc, const nc_block *b)
{
    if (b->shape.cell > 1)
        return true;
    const nc_mark *marks = b->shape.nmarks ? doc->marks + b->shape.marks : NULL;
    for (size_t k = 0; k < b->shape.nmarks; k++)
        if (marks[k].kind == NC_MARK_CELL && marks[k].cell > 1)
            return true;
    return false;
}

static bool same_cell(const nc_doc *doc, size_t j, const nc_block *b)
{
    if (j == SIZE_MAX)
        return false;
    const nc_block *o = &doc->blocks[j];
    return o->shape.table == b->shape.table && o->shape.row == b->shape.row &&
           o->shape.cell == b->shape.cell;
}

/* An HTML heading that is all its table cell holds, in a table of
 * several columns (a row of them within TABLE_NEAR blocks): the label of
 * a column or of a group of rows, a cell of the table. */
static bool cell_heading(const nc_doc *doc, size_t i, bool comments)
{
    const nc_block *b = &doc->blocks[i];
    if (!b->shape.table || !nc_tag_heading(b->tag) ||
        same_cell(doc, prev_kept(doc, i, comments), b) ||
        same_cell(doc, next_kept(doc, i, comments, NULL), b))
        return false;
    size_t from = i > TABLE_NEAR ? i - TABLE_NEAR : 0;
    size_t to = doc->nblocks - i > TABLE_NEAR ? i + TABLE_NEAR + 1 : doc->nblocks;
    for (size_t j = from; j < to; j++)
        if (doc->blocks[j].shape.table == b->shape.table && kept(&doc->blocks[j], comments) &&
            several_cells(doc, &doc->blocks[j]))
            return true;
    return false;
}

/* A heading of level level whose section kept nothing: enough blocks
 * dropped after it, then a heading of its rank or higher, or the end. */
static bool empty_section(const nc_doc *doc, size_t i, int level, bool comments)
{
    size_t dropped = 0, n = next_kept(doc, i, comments, &dropped);
    if (dropped < SECTION_DROPPED_MIN)
        return false;
    if (n == SIZE_MAX)
        return true;
    int next = own_level(doc, n);
    return next && next <= level;
}

/* A heading line of text (no tag says it is one) as long as a paragraph
 * with no paragraph right under it: a list line or a sentence without its
 * stop, not a heading. */
static bool paragraph_text_heading(const nc_doc *doc, size_t i, bool comments)
{
    const nc_block *b = &doc->blocks[i];
    if (b->tag != NC_TAG_NONE || b->words < TEXT_PARAGRAPH_WORDS)
        return false;
    size_t dropped = 0, n = next_kept(doc, i, comments, &dropped);
    return n == SIZE_MAX || dropped || doc->blocks[n].words < TEXT_PARAGRAPH_WORDS ||
           own_level(doc, n);
}

/* Code points of s[0..len) but spaces, as a block's link_chars counts. */
static size_t code_points(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80 && s[i] != ' ';
    return n;
}

/* An HTML heading "3. Acme Movers" (or "3) ...") whose text after the
 * number is all inside a link. */
static bool numbered_link_heading(const nc_block *b)
{
    size_t i = 0;
    while (i < b->len && i < 4 && b->text[i] >= '0' && b->text[i] <= '9')
        i++;
    if (!i || i + 2 >= b->len || (b->text[i] != '.' && b->text[i] != ')') ||
        b->text[i + 1] != ' ' || !nc_tag_heading(b->tag))
        return false;
    size_t rest = code_points(b->text + i + 2, b->len - i - 2);
    return b->link_chars + LINK_SLACK >= (float)rest;
}

int nc_block_heading_level(const nc_doc *doc, size_t i, bool comments)
{
    int level = own_level(doc, i);
    if (!level || !kept(&doc->blocks[i], comments))
        return level;
    if (heading_list_item(doc, i, comments) || cell_heading(doc, i, comments) ||
        empty_section(doc, i, level, comments) || paragraph_text_heading(doc, i, comments) ||
        numbered_link_heading(&doc->blocks[i]))
        return 0;
    return level;
}
