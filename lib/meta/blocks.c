/* meta/blocks.c - metadata from the page's blocks, for text and HTML
 * alike: bylines ("By Jane Doe | May 3, 2025", "Written by" above a name),
 * date lines in the header area, and an author's bio ("Jane Doe is a
 * reporter ...") under a line that is only the name. Teasers, comments
 * and footers are not read. */
#include <string.h>

#include "meta/meta.h"

enum { BYLINE_MAX = 300, DATE_LINE_MAX = 160, HEADER_AFTER_BODY = 8,
       HEADER_BLOCKS_NO_BODY = 40, UNDER_TITLE = 3, UNDER_TITLE_SLOT = 6, LABEL_MAX = 40, AUTHOR_BOX_MAX = 120 };

/* Markup of teasers, comments and the page's footer. */
static bool furniture_markup(const nc_block *b)
{
    return (b->in & (NC_IN_FOOTER | NC_IN_FORM)) ||
           (b->hints & (NC_HINT_RELATED | NC_HINT_COMMENT | NC_HINT_PROMO | NC_HINT_FOOTER));
}

/* Teasers, comments and the page's footer: their dates and names are
 * other articles'. (Menus are not: a header's layout often puts the
 * byline in a <nav> or <aside> beside the title.) */
static bool furniture(const nc_block *b)
{
    return furniture_markup(b) || b->label == NC_LABEL_RELATED ||
           /* "By Jane Doe | May 3, 2025 | 6 comments": the count of comments
            * made a byline a comment's line; no markup says it is one. */
           (b->label == NC_LABEL_COMMENT && !nc_byline_opens(b->text, b->len));
}

/* A line beside the title that the classifier alone (no markup) took for
 * a teaser's or a comment's ("109 Comments | Jane Doe | May 3, 2019"
 * over the title, "Jane Doe May 18, 2016" under it): the article's own
 * byline, as teasers and comments never sit next to its title. */
static bool beside_title(const nc_doc *doc, size_t i)
{
    if (furniture_markup(&doc->blocks[i]))
        return false;
    return (i > 0 && doc->blocks[i - 1].label == NC_LABEL_TITLE) ||
           (i + 1 < doc->nblocks && doc->blocks[i + 1].label == NC_LABEL_TITLE);
}

/* The header area: from the page's start to a few blocks into the body. */
static size_t header_end(const nc_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].label == NC_LABEL_BODY)
            return i + HEADER_AFTER_BODY < doc->nblocks ? i + HEADER_AFTER_BODY : doc->nblocks;
    return doc->nblocks < HEADER_BLOCKS_NO_BODY ? doc->nblocks : HEADER_BLOCKS_NO_BODY;
}

/* A short "By ..." line next to another one with the same first word and
 * other words: "By Role" / "By Industry", a menu of filters (in text
 * input too, where no markup says it is a menu). */
static bool filter_run(const nc_doc *doc, size_t i)
{
    enum { ENTRY_MAX = 40 };
    const nc_block *b = &doc->blocks[i];
    const char *space = memchr(b->text, ' ', b->len);
    if (b->len > ENTRY_MAX || !space || !nc_byline_start(b->text, b->len))
        return false;
    size_t word = (size_t)(space - b->text) + 1;
    for (size_t j = i ? i - 1 : i + 1; j <= i + 1 && j < doc->nblocks; j += 2) {
        const nc_block *n = &doc->blocks[j];
        nc_date d;
        if (n->len <= ENTRY_MAX && n->len > word && memcmp(n->text, b->text, word) == 0 &&
            (n->len != b->len || memcmp(n->text, b->text, b->len) != 0) &&
            !nc_date_find(n->text, n->len, NULL, NULL, &d, NULL, NULL))
            return true;
    }
    return false;
}

static bool bio_role(const char *s, size_t len);
static bool date_line(const nc_doc *doc, size_t i, const nc_meta_cands *cs);

/* The length of the name at the start of "Jane Doe, Contributor",
 * "Jane Doe | The Newsroom" or "Jane Doe on May 3, 2025": up to the first
 * comma, bar or " on ". */
static size_t name_part(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == ',' || s[i] == '|' || (i + 4 <= len && memcmp(s + i, " on ", 4) == 0)) {
            while (i && s[i - 1] == ' ')
                i--;
            return i;
        }
    return len;
}

static void from_block(nc_doc *doc, nc_meta_cands *cs, size_t i)
{
    const nc_block *b = &doc->blocks[i];
    /* "Written by" / "Jane Doe" in two blocks (the first a byline): the
     * second is read as a name without a byline word. */
    const nc_block *prev = i > 0 ? &doc->blocks[i - 1] : NULL;
    /* "By" / "Lauren" / "Updated October 17, 2025": one name alone. */
    size_t name_len = name_part(b->text, b->len);
    bool hinted = prev && nc_byline_opener_only(prev->text, prev->len) &&
                  (nc_name_shape(b->text, name_len) ||
                   (name_len <= 24 && !memchr(b->text, ' ', name_len) && b->text[0] >= 'A' &&
                    b->text[0] <= 'Z' && date_line(doc, i + 1, cs)));
    bool byline = hinted || b->label == NC_LABEL_BYLINE || (b->hints & NC_HINT_BYLINE);
    nc_byline by;
    nc_status st;
    if (!nc_byline_read(&doc->arena, b->text, b->len, cs->language,
                        cs->has_ref ? &cs->ref : NULL, !hinted, &by, &st)) {
        cs->status = st != NC_OK ? st : cs->status;
        return;
    }
    /* A menu's entry ("By State", "By Category" over a list of links) is
     * a filter, not a byline. */
    bool menu_entry = (((b->in & NC_IN_NAV) || (b->hints & NC_HINT_NAV)) &&
                       (b->in & (NC_IN_LIST | NC_IN_LINK)) && !(b->hints & NC_HINT_BYLINE)) ||
                      filter_run(doc, i);
    for (size_t k = 0; k < by.nauthors && !menu_entry; k++) {
        /* On the page a name is written with a capital ("mins", "read"
         * beside a byline are not names). */
        unsigned char first = (unsigned char)by.author[k][0];
        if (first >= 'a' && first <= 'z')
            continue;
        nc_meta_cand c = {NC_META_AUTHOR, NC_SOURCE_BYLINE, by.author[k], {0}, i, false};
        nc_meta_push(cs, &c);
    }
    if (by.has_date && (byline || b->len <= DATE_LINE_MAX) &&
        !nc_date_span(b->text, b->len, cs->language) &&
        !(cs->has_ref && nc_date_cmp_day(&by.date, &cs->ref) > 0)) {
        /* A date line alone in an HTML page's header area (no byline, no
         * name, not just under the title) is as often an event's or a
         * listing's date: weak. Plain text has no better. */
        bool under_title = false;
        for (size_t k = i > UNDER_TITLE ? i - UNDER_TITLE : 0; k < i; k++)
            under_title |= doc->blocks[k].label == NC_LABEL_TITLE;
        bool alone = !byline && !by.nauthors && !under_title;
        nc_meta_cand c = {by.updated ? NC_META_MODIFIED : NC_META_DATE,
                          alone ? NC_SOURCE_TEXT : NC_SOURCE_BYLINE, b->text, by.date, i,
                          alone && doc->kind == NC_INPUT_HTML};
        nc_meta_push(cs, &c);
    }
}

/* The header area, and the byline blocks within the article (a byline
 * under the body: "Written by Jane Doe" / "April 8, 2024"). */
/* A block that is only a date ("September 4, 2025", "Updated on ..."). */
static bool date_line(const nc_doc *doc, size_t i, const nc_meta_cands *cs)
{
    if (i >= doc->nblocks || doc->blocks[i].len > 60)
        return false;
    nc_date d;
    return nc_date_find(doc->blocks[i].text, doc->blocks[i].len, cs->language, NULL, &d,
                        NULL, NULL);
}

/* Block k is the title, or in plain text a headline the classifier took
 * for a teaser (the page's own title repeated in a list of them): 4 to 30
 * words, no sentence end. */
static bool headline(const nc_doc *doc, size_t k)
{
    const nc_block *b = &doc->blocks[k];
    return b->label == NC_LABEL_TITLE ||
           (doc->kind == NC_INPUT_TEXT && b->words >= 4 && b->words <= 30 && b->len &&
            !strchr(".!:;,", b->text[b->len - 1]));
}

/* A name ends at s: the text's end, a separator, or a word in lower case
 * ("by Jane Doe on May 3"), not more of a name ("by San Jose SEO
 * Company") nor a label's colon ("Refine by Noise Control Type:"). */
static bool name_ends(const char *s, size_t len)
{
    if (!len)
        return true;
    if (strchr(",|.;)", s[0]))
        return true;
    return s[0] == ' ' && len > 1 && !(s[1] >= 'A' && s[1] <= 'Z') && s[1] != ':';
}

/* Whether text[0..len) names name[0..n) as an author: "by Jane Doe"
 * ("Posted by", "More by"), an author box's heading ("About Jane Doe",
 * "About the Author Jane Doe"), or a bio with its role ("Jane Doe is a
 * reporter ...", "Jane Doe has covered ... as a writer"). */
static bool names_author(const char *text, size_t len, const char *name, size_t n)
{
    enum { ABOUT_HEADING_MAX = 24 };
    static const char *const after[] = {" is ", " has ", " was "};
    if (len > n && memcmp(text, name, n) == 0)
        for (size_t k = 0; k < sizeof after / sizeof *after; k++)
            if (len - n >= strlen(after[k]) && memcmp(text + n, after[k], strlen(after[k])) == 0)
                return bio_role(text + n, len - n);
    if (len > n && len <= n + ABOUT_HEADING_MAX && memcmp(text + len - n, name, n) == 0 &&
        (text[0] | 0x20) == 'a' && len >= 5 && memcmp(text + 1, "bout", 4) == 0)
        return true;
    /* memchr to each place the name's first byte is: this runs over every
     * block of the page for each name line under a headline. */
    const char *end = text + len, *p = text + 3;
    while (p + n <= end && (p = memchr(p, name[0], (size_t)(end - p - n + 1))) != NULL) {
        size_t at = (size_t)(p - text);
        if (memcmp(p, name, n) == 0 && (text[at - 3] | 0x20) == 'b' && text[at - 2] == 'y' &&
            text[at - 1] == ' ' && (at == 3 || text[at - 4] == ' ') &&
            name_ends(p + n, len - at - n))
            return true;
        p++;
    }
    return false;
}

/* Another block of the page names name[0..n) as an author
 * (names_author). A scan of the page for each name line under a headline,
 * and a few a page: a page of a million such lines costs no more. */
static bool named_again(const nc_doc *doc, nc_meta_cands *cs, size_t i, const char *name,
                        size_t n)
{
    enum { MAX_SCANS = 64 };
    if (cs->page_scans >= MAX_SCANS)
        return false;
    cs->page_scans++;
    for (size_t k = 0; k < doc->nblocks; k++) {
        const nc_block *o = &doc->blocks[k];
        if (k == i || o->len < n || o->len > AUTHOR_BOX_MAX * 4)
            continue;
        if (names_author(o->text, o->len, name, n))
            return true;
    }
    return false;
}

/* The header's name line: only a name, right before a date line (or after
 * the title with a date line next), as pages set "Jane Doe" /
 * "September 4, 2025" under the headline. */
static void name_by_date(nc_doc *doc, nc_meta_cands *cs, size_t i)
{
    const nc_block *b = &doc->blocks[i];
    /* "Jane Doe, MD" / "Jane Doe, Managing Editor": the name before the comma. */
    size_t name_len = name_part(b->text, b->len);
    if (b->len > 60 || !nc_name_shape(b->text, name_len) || b->label == NC_LABEL_TITLE)
        return;
    const nc_block *prev = i > 0 ? &doc->blocks[i - 1] : NULL;
    bool after_title = prev && prev->label == NC_LABEL_TITLE;
    bool after_headline = i > 0 && headline(doc, i - 1);
    /* Under the title, a name over its role ("Content Editor") or the
     * reading time ("9 min read") is the byline too. */
    const nc_block *next = i + 1 < doc->nblocks ? &doc->blocks[i + 1] : NULL;
    bool role_next = after_headline && next && next->len <= 40 &&
                     (bio_role(next->text, next->len) || nc_reading_time(next->text, next->len));
    /* "Headline" / "December 19, 2025" / "Jane Doe": the date between. */
    bool date_between = i > 1 && date_line(doc, i - 1, cs) && headline(doc, i - 2);
    bool dated = date_line(doc, i + 1, cs) || (after_title && date_line(doc, i + 2, cs)) ||
                 role_next || date_between;
    if (!dated && !after_headline)
        return;
    const char *name = nc_author_clean(&doc->arena, b->text, name_len);
    if (!name)
        return;
    /* The name under the headline that the page names again as its
     * author's (an author box, "About Jane Doe", "Jane Doe is ..."). */
    bool again = after_headline && named_again(doc, cs, i, name, strlen(name));
    if (!dated && !again)
        return;
    nc_meta_cand c = {NC_META_AUTHOR, again ? NC_SOURCE_BYLINE : NC_SOURCE_TEXT, name, {0}, i,
                      false};
    nc_meta_push(cs, &c);
}

/* "Published" / "Feb 2, 2023": a date under its label, wherever the
 * page sets it (a side box of the article's facts, under the body). */
static void labelled_date(nc_doc *doc, nc_meta_cands *cs, size_t i)
{
    const nc_block *label = &doc->blocks[i - 1], *b = &doc->blocks[i];
    if (!nc_date_label(label->text, label->len) || furniture(label) || b->len > 60)
        return;
    nc_meta_cand c = {NC_META_DATE, NC_SOURCE_BYLINE, b->text, {0}, i, false};
    if (!nc_date_find(b->text, b->len, cs->language, cs->has_ref ? &cs->ref : NULL, &c.date,
                      NULL, NULL) ||
        (cs->has_ref && nc_date_cmp_day(&c.date, &cs->ref) > 0))
        return;
    nc_meta_push(cs, &c);
}

/* The blocks between the title and the body's first paragraph (at most
 * UNDER_TITLE_SLOT of them): the article's own byline and date, whatever
 * the markup around them says (an <article>'s <footer>, a "promoted" node,
 * "59 Comments" beside the date). */
static bool under_title_slot(const nc_doc *doc, size_t i)
{
    for (size_t k = i; k-- > 0 && i - k <= UNDER_TITLE_SLOT;) {
        if (doc->blocks[k].label == NC_LABEL_TITLE)
            return true;
        if (doc->blocks[k].label == NC_LABEL_BODY)
            return false;
    }
    return false;
}

void nc_meta_collect_blocks(nc_doc *doc, nc_meta_cands *cs)
{
    size_t end = header_end(doc), last_body = 0;
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].label == NC_LABEL_BODY)
            last_body = i;
    for (size_t i = 0; i < doc->nblocks && cs->status == NC_OK; i++) {
        const nc_block *b = &doc->blocks[i];
        /* Furniture beside the title, or in the slot under it without a
         * comment's markup, is the article's own byline. */
        bool by_title = beside_title(doc, i) ||
                        (!(b->hints & NC_HINT_COMMENT) && under_title_slot(doc, i));
        if (b->len > BYLINE_MAX || (furniture(b) && !by_title))
            continue;
        /* A label is a short block: the checks below run on every block of
         * the page, so the lengths come first. */
        const nc_block *label = i > 0 && doc->blocks[i - 1].len < LABEL_MAX ? &doc->blocks[i - 1]
                                                                              : NULL;
        if (label && b->len <= DATE_LINE_MAX)
            labelled_date(doc, cs, i);
        /* An author box under the article: "Written by Jane Doe", or
         * "Author" over the name. */
        bool author_box = i >= end && b->len <= AUTHOR_BOX_MAX &&
                          (nc_byline_explicit(b->text, b->len) ||
                           (label && nc_byline_opener_only(label->text, label->len)));
        if (i >= end && (i > last_body + 1 || b->label != NC_LABEL_BYLINE) && !author_box)
            continue;
        from_block(doc, cs, i);
        if (i < end)
            name_by_date(doc, cs, i);
    }
}


/* ---- author bios ---- */

/* A bio says what the person does for a living. */
static bool bio_role(const char *s, size_t len)
{
    static const char *const roles[] = {
        "writer", "editor", "journalist", "reporter", "contributor", "author",
        "columnist", "correspondent", "expert", "specialist", "analyst", "founder",
        "manager", "director", "professor", "researcher", "marketer", "designer",
        "engineer", "consultant", "coach", "blogger", "photographer", "strategist"};
    char buf[200];
    size_t n = len < sizeof buf - 1 ? len : sizeof buf - 1;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    buf[n] = '\0';
    /* A whole word ("Directory", "Designers" name no role). */
    for (size_t k = 0; k < sizeof roles / sizeof *roles; k++) {
        size_t rl = strlen(roles[k]);
        for (const char *hit = strstr(buf, roles[k]); hit; hit = strstr(hit + 1, roles[k])) {
            char before = hit > buf ? hit[-1] : ' ', after = hit[rl];
            if (!(before >= 'a' && before <= 'z') && !(after >= 'a' && after <= 'z'))
                return true;
        }
    }
    return false;
}

/* "Jane Doe is a reporter ...": the name before " is a", " is an",
 * " is the" at the block's start, when a block of the page is that name
 * alone (the author box's heading over the bio). The name twice and a
 * role: a byline's worth of evidence. */
static bool from_bio(nc_doc *doc, nc_meta_cands *cs, size_t i)
{
    static const char *const links[] = {" is a ", " is an ", " is the "};
    const nc_block *b = &doc->blocks[i];
    size_t n = 0;
    for (size_t k = 0; k < sizeof links / sizeof *links && !n; k++) {
        const char *hit = strstr(b->text, links[k]);
        if (hit && hit - b->text <= 60)
            n = (size_t)(hit - b->text);
    }
    if (!n || !nc_name_shape(b->text, n) || !bio_role(b->text + n, b->len - n))
        return false;
    for (size_t k = 0; k < doc->nblocks; k++) {
        const nc_block *name = &doc->blocks[k];
        if (name->len != n || memcmp(name->text, b->text, n) != 0 || furniture(name))
            continue;
        nc_meta_cand c = {NC_META_AUTHOR, NC_SOURCE_BYLINE, name->text, {0}, k, false};
        nc_meta_push(cs, &c);
        break;
    }
    return true;
}

void nc_meta_collect_bios(nc_doc *doc, nc_meta_cands *cs)
{
    /* Each bio read scans the page for its name: a few bios a page, so a
     * page of a million such lines costs no more than a few scans. */
    enum { MAX_BIOS = 8 };
    size_t bios = 0;
    for (size_t i = 0; i < doc->nblocks && bios < MAX_BIOS && cs->status == NC_OK; i++) {
        const nc_block *b = &doc->blocks[i];
        if (b->words < 8 || b->label == NC_LABEL_COMMENT || !strstr(b->text, " is "))
            continue;
        bios += from_bio(doc, cs, i);
    }
}
