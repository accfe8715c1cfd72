/*
 * meta/meta.h - what the metadata stage's files share: meta/jsonld.c reads an article's fields from it, meta/dates.c
 * reads dates in many formats and languages, meta/byline.c reads author
 * lines, meta/choose.c weighs every source and fills doc->meta.
 * Internal to the stage.
 */
#ifndef NC_META_H
#define NC_META_H

#include "internal.h"
#include "rules/rules.h"

/* meta/choose.c: doc->meta from the evidence, the byline blocks, the
 * header area's dates and opts.url; after the labels. NC_ERR_NOMEM. */
nc_status nc_meta(nc_doc *doc);

/* ---- meta/dates.c ---- */

typedef struct nc_date {
    int year, month, day;    /* 0 when unknown */
    int hour, minute, second;/* -1 when no time was given */
    int zone;                /* minutes east of UTC; NC_DATE_NO_ZONE */
    bool swappable;          /* numbers only, day and month both 1..12 and
                                unequal: 02-12-2025 reads the other way too */
} nc_date;
#define NC_DATE_NO_ZONE 9999

/* Reads one date out of s[0..len): ISO 8601 ("2025-09-04T10:00:00Z"),
 * numeric (4.9.2025, 09/04/2025: day first unless language is "en" and
 * the numbers allow month first, 2025/09/04), month names in the
 * stoplist languages ("September 4, 2025", "4. September 2025",
 * "4 de septiembre de 2025", "4 сентября 2025") and, when ref is
 * not NULL, relative dates ("3 hours ago", "vor 2 Tagen", "yesterday").
 * The first date found wins; *at and *end (may be NULL) get its bytes.
 * False when there is none or it is no real calendar day. */
bool nc_date_find(const char *s, size_t len, const char *language, const nc_date *ref,
                  nc_date *out, size_t *at, size_t *end);
/* s's first date is followed by a dash ("-", "–", "—", "to") and a second
 * date: a span of days (an event's, a document's), not a day. */
bool nc_date_span(const char *s, size_t len, const char *language);
/* A date in a URL's path: /2025/09/04/, /2025-09-04-, /20250904/. */
bool nc_date_from_url(const char *url, nc_date *out);
/* ISO 8601 text of d ("2025-09-04", with "T10:00:00+02:00" when it has a
 * time); out has 32 bytes. */
void nc_date_format(const nc_date *d, char out[32]);
/* -1, 0, 1 as a is before, on the same day as, or after b (days only). */
int nc_date_cmp_day(const nc_date *a, const nc_date *b);
/* day is the day of stamp's moment somewhere (UTC-12 to UTC+14) when
 * stamp has a time and a zone ("2025-12-10T02:17Z" is December 9 in New
 * York); otherwise the same day. */
bool nc_date_local_day(const nc_date *stamp, const nc_date *day);
/* d read with day and month the other way (02-12-2025 as 12 February, not
 * 2 December); false when d is not swappable. */
bool nc_date_swapped(const nc_date *d, nc_date *out);

/* ---- meta/byline.c ---- */

enum { NC_BYLINE_MAX_AUTHORS = 8 };
typedef struct nc_byline {
    const char *author[NC_BYLINE_MAX_AUTHORS]; /* arena strings */
    size_t nauthors;
    bool has_date;
    nc_date date;
    bool updated; /* the date is marked as an update ("Updated ...") */
} nc_byline;

/* Reads a byline ("By Jane Doe and John Roe | Updated May 3, 2025",
 * "Von Max Muster, 4. September 2025", "Par Jean Dupont"). strict: the
 * text must open with a byline word ("By", "Von", "Par", "Author:");
 * otherwise a short text that is only a name counts too. False when no
 * author or date was read; NC_ERR_NOMEM in *st. */
bool nc_byline_read(nc_arena *arena, const char *text, size_t len, const char *language,
                    const nc_date *ref, bool strict, nc_byline *out, nc_status *st);
/* True when text is only a byline word ("Written by", "Author:"): the
 * name is in the next block. */
bool nc_byline_opener_only(const char *text, size_t len);
/* text opens with a byline word ("By", "Written by", "Von", "Author:"). */
bool nc_byline_opens(const char *text, size_t len);
/* text opens with a byline phrase no heading or menu opens with
 * ("Written by", "Author:"), not a bare "By". */
bool nc_byline_explicit(const char *text, size_t len);
/* Two to four words, each starting with a capital: "Jane Doe", not
 * "Posted" or "the team". */
bool nc_name_shape(const char *s, size_t len);
/* A cleaned author name (no "By", trailing date, role, e-mail or URL) in
 * the arena, or NULL when s is no person's name. */
char *nc_author_clean(nc_arena *arena, const char *s, size_t len);
/* The same for a structured field's value (JSON-LD, <meta>), where a
 * name may be written in lower case ("kirstin boatto"): two to four words
 * of letters; NULL otherwise. */
char *nc_author_field(nc_arena *arena, const char *s, size_t len);

/* ---- meta/jsonld.c ---- */

/* What the JSON-LD of a page says of its article. */
typedef struct nc_ld_fields {
    const char *headline, *description, *url, *image, *site_name;
    const char *published, *modified; /* as written */
    int published_rank, modified_rank; /* how article-like the objects that gave them were */
    const char *author[NC_BYLINE_MAX_AUTHORS];
    size_t nauthors;
    const char *section[8];
    size_t nsections;
    const char *keywords[16]; /* each a string: comma-separated or one keyword */
    size_t nkeywords;
    int rank;             /* how article-like the object read was (0: none) */
    const nc_json *const *roots; /* the trees read, for "@id" references */
    size_t nroots;
} nc_ld_fields;

/* Reads the most article-like object of a page's JSON-LD trees (roots[0..n),
 * one a script) into *f, then fills the fields it lacks from the other
 * objects of rank > 0, in page order. */
void nc_ld_read(const nc_json *const *roots, size_t n, nc_ld_fields *f);

/* ---- meta/collect.c: candidates from every source ---- */

typedef struct nc_meta_cand {
    nc_meta_field field;
    nc_meta_source source;
    const char *value;   /* arena or evidence string */
    nc_date date;        /* dates: parsed */
    size_t block;        /* where on the page (blocks before it) */
    bool weak;           /* dates: trusted only when another source gives the same day */
} nc_meta_cand;

typedef struct nc_meta_cands {
    nc_meta_cand *c;     /* heap */
    size_t n, cap;
    nc_date ref;         /* opts.reference_date */
    bool has_ref;
    const char *language;/* document language code, for numeric dates */
    nc_status status;    /* NC_ERR_NOMEM once memory ran out */
    unsigned page_scans; /* meta/blocks.c: scans of the whole page for a name */
} nc_meta_cands;

/* Appends c; false when the list is full or memory ran out (then
 * cs->status says so). */
bool nc_meta_push(nc_meta_cands *cs, const nc_meta_cand *c);
/* Adds a candidate (dates are parsed and checked against the reference;
 * author names cleaned; tags and keywords split at commas). */
void nc_meta_add(nc_doc *doc, nc_meta_cands *cs, nc_meta_field field,
                 nc_meta_source source, const char *value, size_t block);
/* A copy of s[0..len) with white space collapsed and trimmed and the
 * common HTML entities decoded; NULL when empty or out of memory. */
char *nc_meta_text(nc_arena *arena, const char *s, size_t len);
/* The candidates of the HTML evidence: <meta>, JSON-LD, microdata, <time>,
 * rel="author", <link rel="canonical">. */
void nc_meta_collect_html(nc_doc *doc, nc_meta_cands *cs);
/* meta/blocks.c: the candidates of the blocks: byline blocks, the header
 * area's dates, author bios (text and HTML). */
void nc_meta_collect_blocks(nc_doc *doc, nc_meta_cands *cs);
/* meta/blocks.c: authors named by a bio under a line that is only the
 * name ("Jane Doe" / "Jane Doe is a reporter ..."). */
void nc_meta_collect_bios(nc_doc *doc, nc_meta_cands *cs);

/* meta/datecheck.c: drops the dates shown in a list (three or more
 * blocks in a row each showing one: teasers, posts, events). */
void nc_meta_drop_listed_dates(nc_meta_cands *cs);
/* meta/datecheck.c: the chosen date checked against the page's others;
 * true with *out the date to take instead: for a structured date the page
 * shows nowhere (in neither reading of 02-12-2025), the publication date
 * shown by the title that no modified date gives. */
bool nc_meta_date_checked(const nc_doc *doc, const nc_meta_cands *cs, const nc_meta_cand *chosen,
                          nc_meta_cand *out);

/* meta/choose.c: the lower-case letters and digits of s[0..len) (bytes
 * from 0x80 kept) in out[0..cap): text compared with case, spacing and
 * punctuation ignored. Returns its length. */
size_t nc_meta_key(const char *s, size_t len, char *out, size_t cap);

/* meta/title.c: the classifier's title (doc->title, set) without a site
 * part that <title> also drops: "Headline | Site" in og:title or an h1,
 * where <title> reads "Headline | Site" too. */
const char *nc_meta_title_without_site(const nc_doc *doc);
/* meta/title.c: title checked against the page's other titles and the
 * site's names: og:title (or <title> without its site part) when title is
 * the site's name; title without a site's name after or before a
 * separator; the other title when title is it with a few words glued on
 * (a date or label before, a count after), one word from inside it or it
 * with characters lost; the first part at the separator <title> sets its
 * site off with; misread UTF-8 read back (NC_FLAG_REPAIRED_TITLE). NULL
 * when memory ran out. */
const char *nc_meta_title_checked(nc_doc *doc, const nc_meta_cands *cs, const char *title);

/* meta/mojibake.c: s with each run of characters that a windows-1252 or
 * Latin-1 reader made of one UTF-8 character ("â€™") read back as that
 * character ("’"); s itself when there is none (*repaired false). NULL
 * when memory ran out. */
const char *nc_meta_read_back(nc_arena *arena, const char *s, bool *repaired);

#endif /* NC_META_H */
