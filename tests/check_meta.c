/* check_meta.c - the metadata stage (lib/meta/): each date format family,
 * bylines, the JSON reader and JSON-LD, and through nc_clean each field
 * with each source, the reference date, teasers and the field and source
 * names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meta/meta.h"
#include "testutil.h"

/* ---- dates ---- */

/* The day nc_date_find reads out of s, as "YYYY-MM-DD" ("" for none). */
static const char *day_of(const char *s, const char *lang, const char *ref_iso)
{
    static char out[32];
    nc_date ref, d;
    bool has_ref = ref_iso && nc_date_find(ref_iso, strlen(ref_iso), NULL, NULL, &ref, NULL, NULL);
    if (!nc_date_find(s, strlen(s), lang, has_ref ? &ref : NULL, &d, NULL, NULL))
        return "";
    d.hour = -1;
    nc_date_format(&d, out);
    return out;
}

START_TEST(test_date_iso)
{
    ck_assert_str_eq(day_of("2025-09-04", NULL, NULL), "2025-09-04");
    ck_assert_str_eq(day_of("Published 2025/9/4 by us", NULL, NULL), "2025-09-04");
    ck_assert_str_eq(day_of("2025.09.04", NULL, NULL), "2025-09-04");
    ck_assert_str_eq(day_of("2025-02-30", NULL, NULL), ""); /* no such day */
    ck_assert_str_eq(day_of("12025-09-04", NULL, NULL), "");
    nc_date d;
    const char *s = "2025-09-04T10:30:05.123+02:00";
    ck_assert(nc_date_find(s, strlen(s), NULL, NULL, &d, NULL, NULL));
    char iso[32];
    nc_date_format(&d, iso);
    ck_assert_str_eq(iso, "2025-09-04T10:30:05+02:00");
    s = "2025-09-04T10:30Z";
    ck_assert(nc_date_find(s, strlen(s), NULL, NULL, &d, NULL, NULL));
    nc_date_format(&d, iso);
    ck_assert_str_eq(iso, "2025-09-04T10:30:00Z");
}
END_TEST

START_TEST(test_date_numeric)
{
    ck_assert_str_eq(day_of("4.9.2025", "de", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("04/09/2025", "fr", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("09/04/2025", "en", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("25/12/2025", "en", NULL), "2025-12-25"); /* day first */
    ck_assert_str_eq(day_of("Updated on 6/2/2025", "en", NULL), "2025-06-02");
    ck_assert_str_eq(day_of("4 / 9 / 2025", "de", NULL), ""); /* spaced: no date */
    ck_assert_str_eq(day_of("31.2.2025", "de", NULL), "");
    /* Day and month both 12 or under: the other reading is kept at hand. */
    const char *const swappable[] = {"02-12-2025", "09.10.2024", "3/4/2025"};
    const char *const fixed[] = {"25/12/2025", "2025-02-12", "12.12.2025", "Feb 3, 2025"};
    nc_date d, other;
    for (size_t i = 0; i < sizeof swappable / sizeof *swappable; i++) {
        ck_assert(nc_date_find(swappable[i], strlen(swappable[i]), "en", NULL, &d, NULL, NULL));
        ck_assert(nc_date_swapped(&d, &other));
        ck_assert_int_eq(other.month, d.day);
        ck_assert_int_eq(other.day, d.month);
    }
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
        ck_assert(nc_date_find(fixed[i], strlen(fixed[i]), "en", NULL, &d, NULL, NULL));
        ck_assert(!nc_date_swapped(&d, &other));
    }
    /* A span of days is no day. */
    const char *const spans[] = {"DATE: 2025-12-12 - 2025-12-17", "March 3, 2025 \xE2\x80\x93 March 5, 2025",
                                 "3 March 2025 to 5 March 2025"};
    const char *const days_not_spans[] = {"2025-12-12", "Published 2025-12-12 - Updated 2025-12-17",
                                          "March 3, 2025 - 5 min read"};
    for (size_t i = 0; i < sizeof spans / sizeof *spans; i++)
        ck_assert(nc_date_span(spans[i], strlen(spans[i]), "en"));
    for (size_t i = 0; i < sizeof days_not_spans / sizeof *days_not_spans; i++)
        ck_assert(!nc_date_span(days_not_spans[i], strlen(days_not_spans[i]), "en"));
    /* A moment's day somewhere in the world: UTC-12 to UTC+14. */
    const char *stamp = "2025-12-10T02:17:00Z";
    ck_assert(nc_date_find(stamp, strlen(stamp), NULL, NULL, &d, NULL, NULL));
    const struct { const char *day; bool local; } days[] = {
        {"2025-12-09", true}, {"2025-12-10", true}, {"2025-12-11", false}, {"2025-12-08", false}};
    for (size_t i = 0; i < sizeof days / sizeof *days; i++) {
        ck_assert(nc_date_find(days[i].day, 10, NULL, NULL, &other, NULL, NULL));
        ck_assert(nc_date_local_day(&d, &other) == days[i].local);
    }
    stamp = "2025-12-10"; /* no time: only its own day */
    ck_assert(nc_date_find(stamp, strlen(stamp), NULL, NULL, &d, NULL, NULL));
    ck_assert(!nc_date_local_day(&d, &other));
    ck_assert(nc_date_find("2025-12-10", 10, NULL, NULL, &other, NULL, NULL));
    ck_assert(nc_date_local_day(&d, &other));
}
END_TEST

START_TEST(test_date_month_names)
{
    ck_assert_str_eq(day_of("September 4, 2025", "en", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("Sept. 4th, 2025", "en", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("Thursday, 4 September 2025", "en", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("4. September 2025", "de", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("4. März 2025", "de", NULL), "2025-03-04");
    ck_assert_str_eq(day_of("le 4 septembre 2025", "fr", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("4 de septiembre de 2025", "es", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("4 settembre 2025", "it", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("4 de setembro de 2025", "pt", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("4 september 2025", "nl", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("4 września 2025", "pl", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("4 сентября 2025 г.", "ru", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("4 вересня 2025", "uk", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("4. září 2025", "cs", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("4 Eylül 2025", "tr", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("4 SEPTEMBER 2025", "sv", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("2025年9月4日", "zh", NULL), "2025-09-04");
    ck_assert_str_eq(day_of("by Jeffrey ZeldmanNovember 20, 2007", "en", NULL), "2007-11-20");
    ck_assert_str_eq(day_of("September 2025", "en", NULL), ""); /* no day */
    ck_assert_str_eq(day_of("May 4", "en", NULL), "");          /* no year */
}
END_TEST

START_TEST(test_date_relative)
{
    const char *ref = "2025-09-04T12:00:00Z";
    ck_assert_str_eq(day_of("3 hours ago", "en", NULL), ""); /* no reference */
    ck_assert_str_eq(day_of("3 hours ago", "en", ref), "2025-09-04");
    ck_assert_str_eq(day_of("15 hours ago", "en", ref), "2025-09-03");
    ck_assert_str_eq(day_of("2 days ago", "en", ref), "2025-09-02");
    ck_assert_str_eq(day_of("1 week ago", "en", ref), "2025-08-28");
    ck_assert_str_eq(day_of("yesterday", "en", ref), "2025-09-03");
    ck_assert_str_eq(day_of("vor 2 Tagen", "de", ref), "2025-09-02");
    ck_assert_str_eq(day_of("hace 3 días", "es", ref), "2025-09-01");
    ck_assert_str_eq(day_of("2 giorni fa", "it", ref), "2025-09-02");
    ck_assert_str_eq(day_of("2 dagen geleden", "nl", ref), "2025-09-02");
    ck_assert_str_eq(day_of("2 dni temu", "pl", ref), "2025-09-02");
    ck_assert_str_eq(day_of("2 дня назад", "ru", ref), "2025-09-02");
    ck_assert_str_eq(day_of("gestern", "de", ref), "2025-09-03");
    ck_assert_str_eq(day_of("3 apples", "en", ref), "");
}
END_TEST

START_TEST(test_date_from_url)
{
    nc_date d;
    ck_assert(nc_date_from_url("https://x.com/2025/09/04/story", &d));
    ck_assert_int_eq(d.day, 4);
    ck_assert(nc_date_from_url("https://x.com/news/2025-09-04-story.html", &d));
    ck_assert_int_eq(d.month, 9);
    ck_assert(nc_date_from_url("https://x.com/20250904/story", &d));
    ck_assert(!nc_date_from_url("https://x.com/2025/story", &d));
    ck_assert(!nc_date_from_url("https://x.com/id/202509041234", &d));
    ck_assert(!nc_date_from_url(NULL, &d));
    nc_date a = {2025, 9, 4, -1, -1, -1, NC_DATE_NO_ZONE, false}, b = a;
    ck_assert_int_eq(nc_date_cmp_day(&a, &b), 0);
    b.day = 5;
    ck_assert_int_eq(nc_date_cmp_day(&a, &b), -1);
    ck_assert_int_eq(nc_date_cmp_day(&b, &a), 1);
}
END_TEST

/* ---- bylines ---- */

static nc_byline read_byline(nc_arena *arena, const char *text, bool strict)
{
    nc_byline b;
    nc_status st;
    nc_byline_read(arena, text, strlen(text), "en", NULL, strict, &b, &st);
    ck_assert_int_eq(st, NC_OK);
    return b;
}

START_TEST(test_byline_forms)
{
    nc_arena a;
    nc_arena_init(&a);
    nc_byline b = read_byline(&a, "By Jane Doe and John Roe | Updated May 3, 2025", true);
    ck_assert_uint_eq(b.nauthors, 2);
    ck_assert_str_eq(b.author[0], "Jane Doe");
    ck_assert_str_eq(b.author[1], "John Roe");
    ck_assert(b.has_date && b.updated);
    ck_assert_int_eq(b.date.month, 5);
    b = read_byline(&a, "Von Max Muster, 4. September 2025", true);
    ck_assert_uint_eq(b.nauthors, 1);
    ck_assert_str_eq(b.author[0], "Max Muster");
    ck_assert(b.has_date && !b.updated);
    b = read_byline(&a, "ByTrevor Jones", true);
    ck_assert_str_eq(b.author[0], "Trevor Jones");
    b = read_byline(&a, "Written By: Tom May", true);
    ck_assert_str_eq(b.author[0], "Tom May");
    b = read_byline(&a, "Published August 7, 2023 by Nicole Burke", true);
    ck_assert_str_eq(b.author[0], "Nicole Burke");
    b = read_byline(&a, "Jane Doe, MD, and John Roe", true);
    ck_assert_uint_eq(b.nauthors, 0); /* strict: no byline word */
    b = read_byline(&a, "Jane Doe, MD, and John Roe", false);
    ck_assert_uint_eq(b.nauthors, 2);
    ck_assert_str_eq(b.author[0], "Jane Doe, MD");
    b = read_byline(&a, "Tom Talbot October 14, 2025", true);
    ck_assert_str_eq(b.author[0], "Tom Talbot");
    b = read_byline(&a, "Chris McNamara \xE2\x8B\x85 Founder", false);
    ck_assert_str_eq(b.author[0], "Chris McNamara");
    b = read_byline(&a, "By following the tips below, you stay safe", true);
    ck_assert_uint_eq(b.nauthors, 0); /* a sentence, not a name */
    b = read_byline(&a, "By admin", true);
    ck_assert_uint_eq(b.nauthors, 0); /* a placeholder */
    ck_assert(nc_byline_opener_only("Written by", 10));
    ck_assert(nc_byline_opener_only("Author", 6));
    ck_assert(!nc_byline_opener_only("Written by Jane", 15));
    ck_assert(nc_name_shape("Jane Doe", 8));
    ck_assert(!nc_name_shape("the team", 8));
    ck_assert_ptr_null(nc_author_clean(&a, "https://x.com/jane", 18));
    ck_assert_str_eq(nc_author_clean(&a, " by Jane Doe. ", 14), "Jane Doe");
    nc_arena_free(&a);
}
END_TEST

/* More byline forms: the first author read (NULL: none). */
START_TEST(test_byline_more_forms)
{
    static const struct { const char *text; bool strict; const char *author; } forms[] = {
        /* The date first, then the name. */
        {"Dec. 19, 2025 \xC2\xB7 Niko Matsakis on behalf of the group", true, "Niko Matsakis"},
        {"Dec 17, 2025Julian K. Arni", true, "Julian K. Arni"},
        {"Dec 26, 2025 \xE2\x80\xA2 Mahua Das in Project Management", true, "Mahua Das"},
        {"Dec 26, 2025 / Living Healthy/Wellness", true, NULL},
        {"December 8, 2025/Mental Health", true, NULL}, /* a teaser's date and section */
        /* Glued by stripped markup. */
        {"ByKathryn GiuffridaMar 5, 2025 | 6 comments", true, "Kathryn Giuffrida"},
        {"Written byby Rebecca MacFarlane", true, "Rebecca MacFarlane"},
        /* A section glued or spaced after the name, a role, the name twice. */
        {"On January 12, 2025 By Gabby BoucherIn Budget Travel, Travel Tips", true,
         "Gabby Boucher"},
        {"May 18, 2023 By Sara Harberson In", true, "Sara Harberson"},
        {"Written By: Cat Boeckmann Executive Digital Editor", true, "Cat Boeckmann"},
        {"Written by: Colin Gray Colin Gray", true, "Colin Gray"},
        {"By Colin GrayColin Gray", true, "Colin Gray"},
        {"By Devin Indiana", true, "Devin Indiana"},
        /* A byline after a standfirst's sentence; "Text by". */
        {"The chain plans to grow. By Lisa Jennings on Dec. 19, 2025", true, "Lisa Jennings"},
        {"He waited. By then it was May 3, 2025", true, NULL},
        {"Text by Hunter Dukes", true, "Hunter Dukes"},
        /* The name among the parts before the date. */
        {"109 Comments | Jill Winger | Last Updated: March 11, 2019", true, "Jill Winger"},
        {"David Hartshorne\xE2\x80\xA2Updated on Jul 4, 2024 \xE2\x80\xA2" "28 min read", true,
         "David Hartshorne"},
        {"Visual Studio Community \xE2\x80\x93 Free IDE and Developer Tools 2025-12-08", true, NULL},
        {"Release Date: March 2, 2026", true, NULL},
        /* A byline word inside a word in capitals, labels, headings. */
        {"PARTNERS", true, NULL},
        {"DIY Solar Guide", true, NULL},
        {"Posted On", false, NULL},
        {"Articles by Juliette", false, NULL},
        {"Recent Posts", false, NULL},
        {"Publisher: Valve", false, NULL}, /* a label's value */
        {"Sign In", false, NULL},
        {"Comment", false, NULL},
        /* A menu's filters, in text where no markup shows the menu. */
        {"By Use Case", true, NULL},
        {"BY INDUSTRY", true, NULL},
        {"By Company Size", true, NULL},
        {"By Gender & Age", true, NULL},
        {"By Grant Price", true, "Grant Price"}};
    nc_arena a;
    nc_arena_init(&a);
    for (size_t k = 0; k < sizeof forms / sizeof *forms; k++) {
        nc_byline b = read_byline(&a, forms[k].text, forms[k].strict);
        if (forms[k].author)
            ck_assert_msg(b.nauthors && strcmp(b.author[0], forms[k].author) == 0, "%s",
                          forms[k].text);
        else
            ck_assert_msg(b.nauthors == 0, "%s", forms[k].text);
    }
    nc_byline b = read_byline(&a, "ByKathryn GiuffridaMar 5, 2025 | 6 comments", true);
    ck_assert(b.has_date && b.date.day == 5);
    nc_arena_free(&a);
}
END_TEST

/* ---- JSON and JSON-LD ---- */

START_TEST(test_json_reader)
{
    nc_arena a;
    nc_arena_init(&a);
    bool nomem = true;
    const char *s = "<!-- {\"a\": [1, true, null, \"x\\u00e9\\n\"], \"b\": {\"c\": \"d\"},} -->";
    nc_json *j = nc_json_parse(&a, s, strlen(s), &nomem);
    ck_assert(!nomem);
    ck_assert_ptr_nonnull(j);
    const nc_json *arr = nc_json_get(j, "A");
    ck_assert_int_eq(arr->type, NC_JSON_ARRAY);
    ck_assert_str_eq(arr->child->str, "1");
    ck_assert_int_eq(arr->child->next->type, NC_JSON_BOOL);
    ck_assert_int_eq(arr->child->next->next->type, NC_JSON_NULL);
    ck_assert_str_eq(arr->child->next->next->next->str, "x\xC3\xA9\n");
    ck_assert_str_eq(nc_json_get(nc_json_get(j, "b"), "c")->str, "d");
    ck_assert_ptr_null(nc_json_get(j, "zz"));
    ck_assert_ptr_null(nc_json_parse(&a, "{\"a\": ", 6, NULL));
    ck_assert_ptr_null(nc_json_parse(&a, "no json", 7, NULL));
    /* Deeper than the bound: refused, not a crash. */
    char deep[200];
    memset(deep, '[', sizeof deep);
    ck_assert_ptr_null(nc_json_parse(&a, deep, sizeof deep, NULL));
    nc_arena_free(&a);
}
END_TEST

START_TEST(test_json_ld_fields)
{
    nc_arena a;
    nc_arena_init(&a);
    const char *s =
        "{\"@graph\": [{\"@type\": \"WebPage\", \"datePublished\": \"2020-01-01\"},"
        " {\"@type\": \"NewsArticle\", \"headline\": \"H\", \"author\": {\"@id\": \"#p\"},"
        " \"publisher\": {\"@type\": \"Organization\", \"name\": \"Site\"},"
        " \"image\": [{\"url\": \"https://x/i.jpg\"}], \"articleSection\": [\"A\", \"B\"],"
        " \"keywords\": \"k1, k2\", \"dateModified\": \"2025-09-05\"},"
        " {\"@type\": \"Person\", \"@id\": \"#p\", \"name\": \"Jane Doe\"}]}";
    const nc_json *root = nc_json_parse(&a, s, strlen(s), NULL);
    ck_assert_ptr_nonnull(root);
    nc_ld_fields f;
    nc_ld_read(&root, 1, &f);
    ck_assert_int_eq(f.rank, 3);
    ck_assert_str_eq(f.headline, "H");
    ck_assert_uint_eq(f.nauthors, 1);
    ck_assert_str_eq(f.author[0], "Jane Doe");
    ck_assert_str_eq(f.site_name, "Site");
    ck_assert_str_eq(f.image, "https://x/i.jpg");
    ck_assert_uint_eq(f.nsections, 2);
    ck_assert_str_eq(f.keywords[0], "k1, k2");
    ck_assert_str_eq(f.modified, "2025-09-05");
    ck_assert_str_eq(f.published, "2020-01-01"); /* filled from the WebPage */
    ck_assert_int_eq(f.published_rank, 1);
    ck_assert_int_eq(f.modified_rank, 3);
    const char *org = "{\"@type\": \"Article\", \"author\": {\"@type\": \"Organization\", \"name\": \"O\"}}";
    root = nc_json_parse(&a, org, strlen(org), NULL);
    nc_ld_read(&root, 1, &f);
    ck_assert_uint_eq(f.nauthors, 0);
    nc_arena_free(&a);
}
END_TEST

/* ---- through nc_clean: each field and source ---- */

START_TEST(test_meta_json_ld)
{
    nc_result *r = tu_meta_page(
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\","
        "\"headline\": \"Budget passes\", \"datePublished\": \"2025-09-04T10:00:00+02:00\","
        "\"dateModified\": \"2025-09-05\", \"author\": [{\"@type\": \"Person\", \"name\": \"Ann Lee\"},"
        "{\"@type\": \"Person\", \"name\": \"Bo Kim\"}], \"description\": \"D\","
        "\"articleSection\": \"Politics\", \"keywords\": [\"budget\", \"council\"]}</script>"
        "<meta name=\"author\" content=\"Other Name\">",
        "<h1>Budget passes</h1>", NULL);
    tu_expect_meta(r, NC_META_AUTHOR, 0, "Ann Lee", NC_SOURCE_JSON_LD);
    tu_expect_meta(r, NC_META_AUTHOR, 1, "Bo Kim", NC_SOURCE_JSON_LD);
    ck_assert_ptr_null(nc_result_meta(r, NC_META_AUTHOR, 2, NULL));
    tu_expect_meta(r, NC_META_DATE, 0, "2025-09-04T10:00:00+02:00", NC_SOURCE_JSON_LD);
    tu_expect_meta(r, NC_META_MODIFIED, 0, "2025-09-05", NC_SOURCE_JSON_LD);
    tu_expect_meta(r, NC_META_DESCRIPTION, 0, "D", NC_SOURCE_JSON_LD);
    tu_expect_meta(r, NC_META_SECTION, 0, "Politics", NC_SOURCE_JSON_LD);
    tu_expect_meta(r, NC_META_TAG, 1, "council", NC_SOURCE_JSON_LD);
    tu_expect_meta(r, NC_META_TITLE, 0, "Budget passes", NC_SOURCE_JSON_LD);
    ck_assert_str_eq(nc_result_title(r), "Budget passes");
    nc_result_free(r);
}
END_TEST

/* Runs of characters a windows-1252 or Latin-1 reader made of one UTF-8
 * character are read back; what no UTF-8 character could have been
 * (a surrogate, an overlong form, a lead without its tail) stays. */
START_TEST(test_meta_read_back)
{
    static const struct { const char *in, *out; } cases[] = {
        {"It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s", "It\xE2\x80\x99s"},       /* windows-1252 */
        {"It\xC3\xA2\xC2\x80\xC2\x99s", "It\xE2\x80\x99s"},                 /* Latin-1 */
        {"Caf\xC3\x83\xC2\xA9 \xC3\x82\xC2\xB6", "Caf\xC3\xA9 \xC2\xB6"},  /* two bytes */
        {"\xC3\xAD\xC2\xA0\xE2\x82\xAC", "\xC3\xAD\xC2\xA0\xE2\x82\xAC"}, /* ED A0 80 */
        {"\xC3\x80\xE2\x82\xAC", "\xC3\x80\xE2\x82\xAC"},                 /* C0 80 */
        {"Caf\xC3\xA9 au lait \xC3\x83", "Caf\xC3\xA9 au lait \xC3\x83"}};
    nc_arena a;
    nc_arena_init(&a);
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        bool repaired = true;
        const char *got = nc_meta_read_back(&a, cases[k].in, &repaired);
        ck_assert_str_eq(got, cases[k].out);
        ck_assert(repaired == (strcmp(cases[k].in, cases[k].out) != 0));
    }
    nc_arena_free(&a);
}
END_TEST

/* Numeric character references in a structured value are decoded;
 * those naming no printable character stay as written. */
START_TEST(test_meta_numeric_entities)
{
    nc_result *r = tu_meta_page(
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\","
        "\"headline\": \"Tools &#8211; Python, SQL &#x26; AI\","
        "\"description\": \"a &#1; b &#xD800; c &#99999999; d &#; e &#38\"}</script>",
        "<p>Text.</p>", NULL);
    tu_expect_meta(r, NC_META_TITLE, 0, "Tools \xE2\x80\x93 Python, SQL & AI", NC_SOURCE_JSON_LD);
    tu_expect_meta(r, NC_META_DESCRIPTION, 0, "a &#1; b &#xD800; c &#99999999; d &#; e &#38",
                   NC_SOURCE_JSON_LD);
    nc_result_free(r);
}
END_TEST

START_TEST(test_meta_open_graph_and_meta)
{
    nc_result *r = tu_meta_page(
        "<title>Budget passes | City News</title>"
        "<meta property=\"og:title\" content=\"Budget passes\">"
        "<meta property=\"og:site_name\" content=\"City News\">"
        "<meta property=\"og:url\" content=\"https://news.example/a\">"
        "<meta property=\"og:image\" content=\"https://news.example/i.jpg\">"
        "<meta property=\"og:description\" content=\"The council voted.\">"
        "<meta property=\"article:published_time\" content=\"2025-09-04\">"
        "<meta property=\"article:section\" content=\"Politics\">"
        "<meta property=\"article:tag\" content=\"budget\">"
        "<meta name=\"keywords\" content=\"a, b\">"
        "<meta name=\"author\" content=\"By Jane Doe\">",
        "", NULL);
    tu_expect_meta(r, NC_META_TITLE, 0, "Budget passes", NC_SOURCE_OPEN_GRAPH);
    tu_expect_meta(r, NC_META_SITE_NAME, 0, "City News", NC_SOURCE_OPEN_GRAPH);
    tu_expect_meta(r, NC_META_URL, 0, "https://news.example/a", NC_SOURCE_OPEN_GRAPH);
    tu_expect_meta(r, NC_META_IMAGE, 0, "https://news.example/i.jpg", NC_SOURCE_OPEN_GRAPH);
    tu_expect_meta(r, NC_META_DESCRIPTION, 0, "The council voted.", NC_SOURCE_OPEN_GRAPH);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-09-04", NC_SOURCE_OPEN_GRAPH);
    tu_expect_meta(r, NC_META_SECTION, 0, "Politics", NC_SOURCE_OPEN_GRAPH);
    tu_expect_meta(r, NC_META_TAG, 0, "budget", NC_SOURCE_OPEN_GRAPH);
    tu_expect_meta(r, NC_META_AUTHOR, 0, "Jane Doe", NC_SOURCE_META);
    nc_result_free(r);
    r = tu_meta_page("<meta name=\"keywords\" content=\"a, b\">"
                   "<meta name=\"description\" content=\"Plain.\">"
                   "<meta name=\"date\" content=\"4.9.2025\">",
                   "", NULL);
    tu_expect_meta(r, NC_META_TAG, 0, "a", NC_SOURCE_META);
    tu_expect_meta(r, NC_META_TAG, 1, "b", NC_SOURCE_META);
    tu_expect_meta(r, NC_META_DESCRIPTION, 0, "Plain.", NC_SOURCE_META);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-09-04", NC_SOURCE_META);
    nc_result_free(r);
}
END_TEST

START_TEST(test_meta_microdata_time_link)
{
    nc_result *r = tu_meta_page(
        "<link rel=\"canonical\" href=\"https://news.example/canon\">"
        "<meta property=\"og:url\" content=\"https://news.example/og\">",
        "<h1>Budget passes</h1><div itemprop=\"author\" itemscope>By "
        "<span itemprop=\"name\">Jane Doe</span></div>"
        "<meta itemprop=\"dateModified\" content=\"2025-09-06\">"
        "<time itemprop=\"datePublished\" datetime=\"2025-09-04\">Sep 4</time>",
        NULL);
    tu_expect_meta(r, NC_META_URL, 0, "https://news.example/canon", NC_SOURCE_LINK);
    tu_expect_meta(r, NC_META_AUTHOR, 0, "Jane Doe", NC_SOURCE_MICRODATA);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-09-04", NC_SOURCE_MICRODATA);
    tu_expect_meta(r, NC_META_MODIFIED, 0, "2025-09-06", NC_SOURCE_MICRODATA);
    nc_result_free(r);
    r = tu_meta_page("", "<h1>Budget passes</h1><time datetime=\"2025-09-03T08:00:00Z\">"
                   "Sep 3</time><aside class=\"related\"><time datetime=\"2025-01-01\">"
                   "old</time></aside>", NULL);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-09-03T08:00:00Z", NC_SOURCE_TIME);
    nc_result_free(r);
    /* A teaser's date alone is never the article's. */
    r = tu_meta_page("", "<h1>Budget passes</h1><aside class=\"related\"><time "
                   "datetime=\"2025-01-01\">old</time></aside>", NULL);
    ck_assert_ptr_null(nc_result_meta(r, NC_META_DATE, 0, NULL));
    nc_result_free(r);
}
END_TEST

START_TEST(test_meta_byline_and_author_links)
{
    nc_result *r = tu_meta_page("", "<h1>Budget passes</h1><p>By Jane Doe | September 4, 2025</p>",
                              NULL);
    tu_expect_meta(r, NC_META_AUTHOR, 0, "Jane Doe", NC_SOURCE_BYLINE);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-09-04", NC_SOURCE_BYLINE);
    nc_result_free(r);
    r = tu_meta_page("", "<h1>Budget passes</h1><p><a rel=\"author\" href=\"/x\">Ann Lee</a></p>",
                   NULL);
    tu_expect_meta(r, NC_META_AUTHOR, 0, "Ann Lee", NC_SOURCE_BYLINE);
    nc_result_free(r);
    r = tu_meta_page("", "<h1>Budget passes</h1><div><a href=\"/author/bo-kim/\">Bo Kim</a></div>",
                   NULL);
    tu_expect_meta(r, NC_META_AUTHOR, 0, "Bo Kim", NC_SOURCE_BYLINE);
    nc_result_free(r);
    r = tu_meta_page("", "<h1>Budget passes</h1><span class=\"post-author\">Cy Lo</span>", NULL);
    tu_expect_meta(r, NC_META_AUTHOR, 0, "Cy Lo", NC_SOURCE_BYLINE);
    nc_result_free(r);
    /* A menu's "By State" / "By Style" entries are filters. */
    r = tu_meta_page("", "<nav><ul><li><a href=\"/by-state\">By State</a></li>"
                       "<li><a href=\"/by-style\">By Event Style</a></li></ul></nav>"
                       "<h1>Budget passes</h1>", NULL);
    ck_assert_ptr_null(nc_result_meta(r, NC_META_AUTHOR, 0, NULL));
    nc_result_free(r);
    /* A name line over a date line is cleaned like any name: "Posted On"
     * over the date is a label. */
    r = tu_meta_page("", "<h1>Budget passes</h1><p>Posted On</p><p>September 4, 2025</p>", NULL);
    ck_assert_ptr_null(nc_result_meta(r, NC_META_AUTHOR, 0, NULL));
    nc_result_free(r);
}
END_TEST

START_TEST(test_meta_url_and_reference_date)
{
    nc_options o;
    nc_options_init(&o);
    o.input = NC_INPUT_HTML;
    o.url = "https://news.example/2025/09/04/budget";
    nc_result *r = tu_meta_page("", "<h1>Budget passes</h1>", &o);
    tu_expect_meta(r, NC_META_URL, 0, "https://news.example/2025/09/04/budget", NC_SOURCE_URL);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-09-04", NC_SOURCE_URL);
    nc_result_free(r);
    /* Later than the crawl: dropped; relative dates read against it. */
    o.url = NULL;
    o.reference_date = "2025-09-04T12:00:00Z";
    r = tu_meta_page("<meta property=\"article:published_time\" content=\"2026-01-01\">",
                   "<h1>Budget passes</h1><p>By Jane Doe | 2 days ago</p>", &o);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-09-02", NC_SOURCE_BYLINE);
    nc_result_free(r);
    o.reference_date = NULL;
    r = tu_meta_page("", "<h1>Budget passes</h1><p>By Jane Doe | 2 days ago</p>", &o);
    ck_assert_ptr_null(nc_result_meta(r, NC_META_DATE, 0, NULL));
    nc_result_free(r);
}
END_TEST

START_TEST(test_meta_text_input)
{
    const char *text =
        "City News\nBudget passes after a long debate\nBy Jane Doe\n"
        "Updated: 4 September 2025\n"
        "The council voted on Tuesday to approve the new budget for the coming year, after a "
        "long debate about the cost of the transport plan and the schools.\n"
        "Members of the opposition said that the plan would raise taxes for most of the "
        "families in the city, and asked for a second vote in the spring.\n"
        "Jane Doe\nJane Doe is a reporter who covers the city council.\n";
    nc_result *r = tu_clean_kind(text, NC_INPUT_TEXT);
    tu_expect_meta(r, NC_META_AUTHOR, 0, "Jane Doe", NC_SOURCE_BYLINE);
    tu_expect_meta(r, NC_META_MODIFIED, 0, "2025-09-04", NC_SOURCE_BYLINE);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-09-04", NC_SOURCE_BYLINE); /* only the update shown */
    nc_result_free(r);
    const char *header = "Budget passes after a long debate in the council\n"
                         "Jane Doe\nSeptember 4, 2025\n"
                         "The council voted on Tuesday to approve the new budget for the coming "
                         "year, after a long debate about the cost of the transport plan.\n"
                         "Members of the opposition said that the plan would raise taxes for "
                         "most of the families in the city, and asked for a second vote.\n";
    r = tu_clean_kind(header, NC_INPUT_TEXT);
    tu_expect_meta(r, NC_META_AUTHOR, 0, "Jane Doe", NC_SOURCE_TEXT);
    tu_expect_meta(r, NC_META_DATE, 0, "2025-09-04", NC_SOURCE_BYLINE); /* a byline block */
    nc_result_free(r);
    /* Each page: the header lines, then the same two body paragraphs. */
    static const struct { const char *head, *author; nc_meta_source source; } pages[] = {
        {"Budget passes after a long debate in the council\nAuthor\nBo Kim\n", "Bo Kim",
         NC_SOURCE_BYLINE},
        /* The name before the comma of "Name, Role" over the date. */
        {"Budget passes after a long debate in the council\nAudrey Huang, editor\n"
         "May 31, 2024\n", "Audrey Huang", NC_SOURCE_TEXT},
        /* Under the headline, a name over its role; not over a word that
         * only holds one ("Directory"). */
        {"Budget passes after a long debate in the council\nBrinda Gulati\nContent Editor\n",
         "Brinda Gulati", NC_SOURCE_TEXT},
        {"Budget passes after a long debate in the council\nConfiguration Merging\nDirectory\n",
         NULL, NC_SOURCE_TEXT},
        /* "By" over one name over the date. */
        {"Budget passes after a long debate in the council\nBy\nLauren\nUpdated October 17, 2025\n",
         "Lauren", NC_SOURCE_BYLINE},
        /* "By" over "Name on Date". */
        {"Budget passes after a long debate in the council\nBy\nMatt Eland on Dec. 13, 2025\n",
         "Matt Eland", NC_SOURCE_BYLINE},
        /* "By" over "Name | Outlet". */
        {"Budget passes after a long debate in the council\nBy\nSergio Martin | The Newsroom\n",
         "Sergio Martin", NC_SOURCE_BYLINE},
        /* The date between the headline and the name. */
        {"Budget passes after a long debate in the council\nSeptember 4, 2025\nBo Kim\n",
         "Bo Kim", NC_SOURCE_TEXT},
        {"Budget passes after a long debate in the council\nSeptember 4, 2025\nLink Copied!\n",
         NULL, NC_SOURCE_TEXT},
        /* "By Role" / "By Industry": a menu of filters, not bylines. */
        {"Solutions\nBy Role\nBy Industry\nBudget passes after a long debate in the council\n",
         NULL, NC_SOURCE_TEXT}};
    for (size_t k = 0; k < sizeof pages / sizeof *pages; k++) {
        char page[1024];
        snprintf(page, sizeof page, "%s%s", pages[k].head,
                 "The council voted on Tuesday to approve the new budget for the coming year, "
                 "after a long debate about the cost of the transport plan.\n"
                 "Members of the opposition said that the plan would raise taxes for most of "
                 "the families in the city, and asked for a second vote.\n");
        r = tu_clean_kind(page, NC_INPUT_TEXT);
        if (pages[k].author)
            tu_expect_meta(r, NC_META_AUTHOR, 0, pages[k].author, pages[k].source);
        else
            ck_assert_ptr_null(nc_result_meta(r, NC_META_AUTHOR, 0, NULL));
        nc_result_free(r);
    }
    const char *bio = "Budget passes after a long debate\n"
                      "The council voted on Tuesday to approve the new budget for the coming "
                      "year, after a long debate about the cost of the transport plan.\n"
                      "Ann Lee\nAnn Lee is a senior writer at City News.\n";
    r = tu_clean_kind(bio, NC_INPUT_TEXT);
    /* The name alone and its bio with a role: as good as a byline. */
    tu_expect_meta(r, NC_META_AUTHOR, 0, "Ann Lee", NC_SOURCE_BYLINE);
    nc_result_free(r);
}
END_TEST

START_TEST(test_meta_names_and_bounds)
{
    ck_assert_str_eq(nc_meta_field_name(NC_META_AUTHOR), "author");
    ck_assert_str_eq(nc_meta_field_name(NC_META_SITE_NAME), "site_name");
    ck_assert_str_eq(nc_meta_field_name((nc_meta_field)NC_META_COUNT), "unknown");
    ck_assert_str_eq(nc_meta_source_name(NC_SOURCE_NONE), "none");
    ck_assert_str_eq(nc_meta_source_name(NC_SOURCE_JSON_LD), "json-ld");
    ck_assert_str_eq(nc_meta_source_name(NC_SOURCE_LINK), "link");
    ck_assert_str_eq(nc_meta_source_name((nc_meta_source)NC_SOURCE_COUNT), "unknown");
    nc_meta_source s = NC_SOURCE_TEXT;
    ck_assert_ptr_null(nc_result_meta(NULL, NC_META_AUTHOR, 0, &s));
    ck_assert_int_eq(s, NC_SOURCE_NONE);
    nc_result *r = tu_clean_kind("", NC_INPUT_HTML);
    ck_assert_ptr_null(nc_result_meta(r, (nc_meta_field)NC_META_COUNT, 0, &s));
    ck_assert_ptr_null(nc_result_meta(r, NC_META_DATE, 0, NULL));
    nc_result_free(r);
    /* Every field name distinct, every source name distinct. */
    for (int a = 0; a < NC_META_COUNT; a++)
        for (int b = a + 1; b < NC_META_COUNT; b++)
            ck_assert_str_ne(nc_meta_field_name((nc_meta_field)a), nc_meta_field_name((nc_meta_field)b));
    for (int a = 0; a < NC_SOURCE_COUNT; a++)
        for (int b = a + 1; b < NC_SOURCE_COUNT; b++)
            ck_assert_str_ne(nc_meta_source_name((nc_meta_source)a),
                             nc_meta_source_name((nc_meta_source)b));
}
END_TEST

static Suite *meta_suite(void)
{
    Suite *s = suite_create("meta");
    TCase *tc = tcase_create("meta");
    tcase_add_test(tc, test_date_iso);
    tcase_add_test(tc, test_date_numeric);
    tcase_add_test(tc, test_date_month_names);
    tcase_add_test(tc, test_date_relative);
    tcase_add_test(tc, test_date_from_url);
    tcase_add_test(tc, test_byline_forms);
    tcase_add_test(tc, test_byline_more_forms);
    tcase_add_test(tc, test_json_reader);
    tcase_add_test(tc, test_json_ld_fields);
    tcase_add_test(tc, test_meta_json_ld);
    tcase_add_test(tc, test_meta_numeric_entities);
    tcase_add_test(tc, test_meta_read_back);
    tcase_add_test(tc, test_meta_open_graph_and_meta);
    tcase_add_test(tc, test_meta_microdata_time_link);
    tcase_add_test(tc, test_meta_byline_and_author_links);
    tcase_add_test(tc, test_meta_url_and_reference_date);
    tcase_add_test(tc, test_meta_text_input);
    tcase_add_test(tc, test_meta_names_and_bounds);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(meta_suite()); }
