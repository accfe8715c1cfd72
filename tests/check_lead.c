/* check_lead.c - the rule book (lib/rules/: every list found through its
 * index, the one fold and matcher) and the phrase detectors over the
 * model: lead phrases (lib/rules/labels.c: a short block that opens with a section label,
 * "Lesen Sie auch:", "TEMAS RELACIONADOS", "Tags:", is dropped as related,
 * while the same words inside a sentence stay) and language pickers
 * (lib/classify/pickers.c: "English | Deutsch | Français" is labelled foreign),
 * news tickers after the article (classify/classify.c drop_tickers) and a reader-comment
 * thread under a text's article (drop_comment_thread). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "internal.h"
#include "rules/rules.h"
#include "testutil.h"

static bool lead(const char *s) { return nc_lead_phrase(s, strlen(s)); }
static bool ad(const char *s) { return nc_block_phrases(s, strlen(s)) & NC_PHRASE_AD; }
static bool promo(const char *s) { return nc_block_phrases(s, strlen(s)) & NC_PHRASE_PROMO; }
static bool legal(const char *s) { return nc_block_phrases(s, strlen(s)) & NC_PHRASE_LEGAL; }

static unsigned lex(const char *s) { return nc_lexicon_mask(s, strlen(s)); }

/* A phrase of every list is found: an index that failed to build (a list
 * grown past NC_INDEX_MAX) would find nothing and fail here. */
START_TEST(test_every_list_is_indexed)
{
    ck_assert(lex("Share") & NC_LEX_BIT(NC_LEX_UI));
    ck_assert(lex("ANZEIGE") & NC_LEX_BIT(NC_LEX_UI)); /* the ad names */
    ck_assert(lex("3 Comments") & NC_LEX_BIT(NC_LEX_COMMENT));
    ck_assert(lex("Related: the vote") & NC_LEX_BIT(NC_LEX_RELATED));
    ck_assert(lex("Privacy Policy") & NC_LEX_BIT(NC_LEX_LEGAL));
    ck_assert(lex("Alle Rechte vorbehalten.") & NC_LEX_BIT(NC_LEX_LEGAL)); /* rights notices */
    ck_assert(lex("Photo: Reuters") & NC_LEX_BIT(NC_LEX_CREDIT));
    ck_assert(lex("撮影：山田") & NC_LEX_BIT(NC_LEX_CREDIT)); /* inside a run of Han */
    ck_assert(lex("Pictured: the mayor") & NC_LEX_BIT(NC_LEX_CAPTION));
    ck_assert(lex("By Jane Doe") & NC_LEX_BIT(NC_LEX_BYLINE));
    ck_assert_uint_eq(lex("The council shares its plans"), 0); /* words, not parts */
    ck_assert(ad("广告") && legal("Tüm hakları saklıdır.") && promo("Subscribe now"));
    ck_assert(nc_byline_start("Publié le 3 mai", 15));
    ck_assert(!nc_byline_start("By ", 3)); /* something must follow */
    ck_assert(nc_reading_time("Lesezeit: 4 Min.", 16));
    ck_assert(nc_month_name("le 3 décembre", strlen("le 3 décembre")));
    const char *dates[] = {"02.01.2024", "2024-01-02", "on 1/2/24", "July 14, 2015 at 3:53 pm",
                           "18h30", "18 h 30", "5 mai", "#2 · Aug 5, 2023", "10:25"};
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++)
        ck_assert_msg(nc_date_line(dates[i], strlen(dates[i])), "no date: %s", dates[i]);
    const char *not_dates[] = {"Market share: 4.37%", "$22.00", "PCI Express 4.0",
                               "4.8 / 5", "1.1. The HTTP Visibility Problem", "17/50 Argentina",
                               "HTTP/1.1 200 OK", "May the best win", "Scale: $35-110", "123:456"};
    for (size_t i = 0; i < sizeof not_dates / sizeof *not_dates; i++)
        ck_assert_msg(!nc_date_line(not_dates[i], strlen(not_dates[i])), "date: %s", not_dates[i]);
    ck_assert_uint_eq(nc_endonym_count("English | DEUTSCH", 17), 2);
    ck_assert_uint_eq(nc_markup_token("navbar", 6, 0) & NC_HINT_NAV, NC_HINT_NAV);
    ck_assert_uint_eq(nc_markup_token("contentinfo", 11, 0) & NC_HINT_CONTENT, 0);
}
END_TEST

/* The one fold: ICU simple case folding, eight ASCII bytes at a time or
 * one by one alike; invalid UTF-8 stops the strict fold, reads as U+FFFD
 * in the lossy one. */
START_TEST(test_one_case_fold)
{
    char out[64];
    size_t read, n = nc_fold_prefix("ABCDEFGHIJ ÄÖÜ ΣΑΣ", strlen("ABCDEFGHIJ ÄÖÜ ΣΑΣ"),
                                    out, sizeof out, &read);
    ck_assert_uint_eq(n, strlen("abcdefghij äöü σασ"));
    ck_assert(memcmp(out, "abcdefghij äöü σασ", n) == 0);
    n = nc_fold_prefix("AB\xff CD", 6, out, sizeof out, &read);
    ck_assert_uint_eq(n, 2);
    ck_assert_uint_eq(read, 2);
    n = nc_fold_lossy("AB\xff CD", 6, out, sizeof out);
    ck_assert_uint_eq(n, 8);
    ck_assert(memcmp(out, "ab\xef\xbf\xbd cd", 8) == 0);
    n = nc_fold_prefix("ABCDEFGH", 8, out, 6, &read); /* a character needs 4 bytes of room */
    ck_assert_uint_eq(n, 3);
}
END_TEST

START_TEST(test_phrases_match_at_the_start)
{
    ck_assert(lead("Lesen Sie auch: Der Winter kommt früh"));
    ck_assert(lead("TEMAS RELACIONADOS"));             /* case-folded */
    ck_assert(lead("Ähnliche Beiträge"));              /* non-ASCII capital */
    ck_assert(lead("Czytaj też: Czy grozi nam wojna?"));
    ck_assert(lead("Etiquetas:"));
    ck_assert(lead("Vous aimerez aussi"));
    ck_assert(lead("читайте также"));
    ck_assert(lead("Tags: politics, economy"));
    ck_assert(lead("ข่าวที่เกี่ยวข้อง"));           /* 51 bytes: longer phrases fit too */
    ck_assert(lead("İlgili Haberler"));
    ck_assert(lead("相关新闻"));
    ck_assert(lead("Previous articleTransforming Mount Trashmore")); /* glued link */
    ck_assert(lead("Lesen Sie hier: Spielabbruch in der Kreisliga"));
    ck_assert(lead("This entry was posted in Allgemein. Bookmark the permalink."));
    ck_assert(lead("Escucha esta nota aquí"));
    ck_assert(!lead("Previous articles")); /* the word goes on in lower case */
}
END_TEST

START_TEST(test_words_elsewhere_do_not_match)
{
    ck_assert(!lead("Wie Sie auch lesen können, lesen Sie auch hier."));
    ck_assert(!lead("Mehr zufriedene Kunden als je zuvor")); /* "mehr zu" + letter */
    ck_assert(!lead("Tags are how the site groups its stories.")); /* "tags:" needs ':' */
    ck_assert(!lead("Read more about the council's plans here.")); /* not listed */
    ck_assert(!lead(""));
    ck_assert(!nc_lead_phrase("Tags:", 3)); /* only len bytes are read */
    ck_assert(!lead("\xff\xfe garbage"));      /* invalid UTF-8: no match, no crash */
}
END_TEST

/* End to end: the label line between two body paragraphs is dropped as
 * related (reason ui-phrase); the body around it stays. */
START_TEST(test_label_line_dropped_in_a_page)
{
    const char *page =
        "Der Stadtrat hat am Dienstag beschlossen, die Gebühren für die Müllabfuhr "
        "im kommenden Jahr nicht zu erhöhen, obwohl die Kosten gestiegen sind.\n"
        "Lesen Sie auch: Neue Buslinie ab Dezember\n"
        "Die Entscheidung fiel mit großer Mehrheit. Nur zwei Mitglieder des Rates "
        "stimmten dagegen, weil sie die Rücklagen der Stadt schonen wollten.\n";
    nc_result *r = tu_clean_kind(page, NC_INPUT_TEXT);
    size_t n = nc_result_block_count(r);
    bool seen = false;
    for (size_t i = 0; i < n; i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        if (!strncmp(info.text, "Lesen Sie auch", 14)) {
            seen = true;
            ck_assert_int_eq(info.label, NC_LABEL_RELATED);
            ck_assert_int_eq(info.reason, NC_REASON_UI_PHRASE);
        }
    }
    ck_assert(seen);
    ck_assert_uint_eq(nc_result_paragraph_count(r), 2);
    nc_result_free(r);
}
END_TEST

/* The label of the block whose text is exactly text. */
/* The block of r whose text is text (the test fails without one). */
static nc_block_info block_of(const nc_result *r, const char *text)
{
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        if (!strcmp(info.text, text))
            return info;
    }
    ck_abort_msg("no block %s", text);
    return (nc_block_info)NC_BLOCK_INFO_INIT;
}

static nc_label label_of(const nc_result *r, const char *text)
{
    return block_of(r, text).label;
}

static nc_reason reason_of(const nc_result *r, const char *text)
{
    return block_of(r, text).reason;
}

/* How many blocks of r carry the reason. */
static size_t reason_count(const nc_result *r, nc_reason reason)
{
    size_t n = 0;
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        n += info.reason == reason;
    }
    return n;
}

static const char *const body_lines =
    "Der Stadtrat hat am Dienstag beschlossen, die Gebühren für die Müllabfuhr "
    "im kommenden Jahr nicht zu erhöhen, obwohl die Kosten gestiegen sind.\n"
    "Die Entscheidung fiel mit großer Mehrheit. Nur zwei Mitglieder des Rates "
    "stimmten dagegen, weil sie die Rücklagen der Stadt schonen wollten.\n";

START_TEST(test_language_picker_in_one_block)
{
    char page[1024];
    snprintf(page, sizeof page, "English | Deutsch | FRANÇAIS / Español\n%s"
             "Deutsch English\nDeutschland\n", body_lines);
    nc_result *r = tu_clean_kind(page, NC_INPUT_TEXT);
    ck_assert_int_eq(label_of(r, "English | Deutsch | FRANÇAIS / Español"),
                     NC_LABEL_FOREIGN);
    ck_assert_int_eq(label_of(r, "Deutsch English"), NC_LABEL_FOREIGN);
    ck_assert_int_ne(label_of(r, "Deutschland"), NC_LABEL_FOREIGN); /* a name's prefix */
    ck_assert_uint_eq(nc_result_paragraph_count(r), 2);
    nc_result_free(r);
}
END_TEST

/* An HTML picker: one link a language; a lone "English" link is not one. */
START_TEST(test_language_picker_as_a_list)
{
    char page[2048];
    snprintf(page, sizeof page,
             "<html><body><ul><li><a href=/en>English</a></li><li><a href=/fr>"
             "Français</a></li><li><a href=/ja>日本語</a></li></ul><article><p>%s</p>"
             "</article><p><a href=/en>English</a></p><p>Impressum</p></body></html>",
             body_lines);
    nc_result *r = tu_clean_kind(page, NC_INPUT_HTML);
    ck_assert_int_eq(label_of(r, "Français"), NC_LABEL_FOREIGN);
    ck_assert_int_eq(label_of(r, "日本語"), NC_LABEL_FOREIGN);
    size_t foreign = 0;
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        if (!strcmp(info.text, "English"))
            foreign += info.label == NC_LABEL_FOREIGN;
    }
    ck_assert_uint_eq(foreign, 1); /* the list's, not the lone link */
    nc_result_free(r);
}
END_TEST

/* A lower-case "von"/"by" line is a byline: no sentence opens so. */
START_TEST(test_lower_case_byline)
{
    char page[1024];
    snprintf(page, sizeof page, "%svon Anja Schmidt am 14. Mai 2014, 15:40 Uhr\n%s",
             body_lines, body_lines);
    nc_result *r = tu_clean_kind(page, NC_INPUT_TEXT);
    ck_assert_int_ne(label_of(r, "von Anja Schmidt am 14. Mai 2014, 15:40 Uhr"), NC_LABEL_BODY);
    ck_assert_int_ne(label_of(r, "von Anja Schmidt am 14. Mai 2014, 15:40 Uhr"), NC_LABEL_HEADING);
    nc_result_free(r);
}
END_TEST

START_TEST(test_legal_phrases)
{
    const char *yes = "Materiał chroniony prawem autorskim - zasady przedruków określa regulamin.";
    ck_assert(legal(yes));
    ck_assert(legal("© 2024 Example. All Rights Reserved."));
    const char *no = "Der Datenschutz im Impressum der Stadt ist Thema im Rat.";
    ck_assert(!legal(no));
    char page[1024];
    snprintf(page, sizeof page, "%sAlle Rechte vorbehalten. Nachdruck nur mit Genehmigung.\n%s",
             body_lines, body_lines);
    nc_result *r = tu_clean_kind(page, NC_INPUT_TEXT);
    ck_assert_int_eq(label_of(r, "Alle Rechte vorbehalten. Nachdruck nur mit Genehmigung."),
                     NC_LABEL_LEGAL);
    nc_result_free(r);
}
END_TEST

/* The title is the headline before the body, not the long standfirst
 * under it that the model keeps. */
START_TEST(test_standfirst_is_not_the_title)
{
    char page[2048];
    snprintf(page, sizeof page, "Stadtrat beschließt neue Gebühren\n"
             "Zwei Mal ging der Antrag im Rat schon durch, doch erst beim dritten Anlauf "
             "fand sich die Mehrheit\n%s", body_lines); /* 17 words: heading-like */
    nc_result *r = tu_clean_kind(page, NC_INPUT_TEXT);
    const char *title = nc_result_title(r);
    ck_assert_ptr_nonnull(title);
    ck_assert_str_eq(title, "Stadtrat beschließt neue Gebühren");
    nc_result_free(r);
}
END_TEST

START_TEST(test_ad_labels)
{
    ck_assert(ad("Advertisement"));
    ck_assert(ad("- ANZEIGE -"));
    ck_assert(ad("Reklama:"));
    ck_assert(ad("广告"));
    ck_assert(!ad("Werbung im Fernsehen")); /* whole blocks only */
    ck_assert(!ad("Advertisements are everywhere"));
    ck_assert(!ad(""));
    ck_assert(!ad("\xff\xfe"));
    /* End to end: the marker between two paragraphs is ui, the body stays. */
    char page[1024];
    snprintf(page, sizeof page, "%sAnzeige\n%s", body_lines, body_lines);
    nc_result *r = tu_clean_kind(page, NC_INPUT_TEXT);
    ck_assert_int_eq(label_of(r, "Anzeige"), NC_LABEL_UI);
    nc_result_free(r);
}
END_TEST

START_TEST(test_promo_phrases)
{
    const char *yes[] = {"Subscribe now to our e-edition for the full story.",
                         "Sign up to get the best content of the week.",
                         "Would you consider supporting our work? Just click here.",
                         "Jetzt Newsletter abonnieren und nichts verpassen!",
                         "SIGN UP FOR OUR NEWSLETTER",
                         "This site uses Akismet to reduce spam.",
                         "Der Artikel wurde erfolgreich hinzugefügt."};
    const char *no[] = {"You can sign up for the course until Friday.", /* not "our" */
                        "Download the latest version of the source code.",
                        "Your newsletters arrive on Mondays.", /* whole words */
                        "This post may contain affiliate links.", /* gold keeps these */
                        ""};
    for (size_t k = 0; k < sizeof yes / sizeof *yes; k++)
        ck_assert_msg(promo(yes[k]), "%s", yes[k]);
    for (size_t k = 0; k < sizeof no / sizeof *no; k++)
        ck_assert_msg(!promo(no[k]), "%s", no[k]);
    char big[600];
    memset(big, 'a', sizeof big);
    memcpy(big, "subscribe now ", 14);
    ck_assert(!(nc_block_phrases(big, sizeof big) & NC_PHRASE_PROMO)); /* long blocks are not read */
}
END_TEST

/* Latin words spelt with Cyrillic look-alikes are spam, not body; a few
 * Greek symbols in a sentence are not. */
START_TEST(test_homoglyph_words)
{
    char page[2048];
    snprintf(page, sizeof page, "%s"
             "Yоur соntеnt іѕ dеlіvеrеd іnѕtаntlу tо thоuѕаndѕ оf uѕеrѕ іn "
             "Веlіzе аnd аbrоаd!\n"  /* о, с, е, і, ѕ, а, у, В: Cyrillic */
             "The angle α and the ratio β were measured in each of the "
             "forty samples, and the results agree with the model of the council.\n%s",
             body_lines, body_lines);
    nc_result *r = tu_clean_kind(page, NC_INPUT_TEXT);
    bool spam = false, greek = false;
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        if (!strncmp(info.text, "Yоur", strlen("Yоur"))) {
            spam = true;
            ck_assert_int_eq(info.label, NC_LABEL_BOILERPLATE);
            ck_assert_int_eq(info.reason, NC_REASON_FOREIGN_SCRIPT);
        }
        if (!strncmp(info.text, "The angle", 9)) {
            greek = true;
            ck_assert(!(info.label == NC_LABEL_BOILERPLATE &&
                        info.reason == NC_REASON_FOREIGN_SCRIPT));
        }
    }
    ck_assert(spam && greek);
    nc_result_free(r);
}
END_TEST

/* Time-led headlines after the article are a ticker: dropped as related
 * (headline-run) with the entries between them and their "Direct"
 * heading; the same lines before any body, or only two of them, stay the
 * model's call. */
START_TEST(test_ticker_after_the_body)
{
    char page[2048];
    snprintf(page, sizeof page, "%sDirect\n14:44 Un artiste arrêté pour avoir coloré un geyser\n"
             "14:10\nSéisme.\nUn tremblement de terre de magnitude 6,8 a touché la "
             "Papouasie-Nouvelle-Guinée selon les premiers éléments.\n"
             "13h54 En Islande, une vieille loi est enfin abrogée\n"
             "13:43 Centrafrique : des sanctions si les faits sont avérés\n", body_lines);
    nc_result *r = tu_clean_kind(page, NC_INPUT_TEXT);
    const char *ticker[] = {"Direct", "14:44 Un artiste arrêté pour avoir coloré un geyser",
                            "14:10", "Séisme.", "13h54 En Islande, une vieille loi est enfin abrogée",
                            "13:43 Centrafrique : des sanctions si les faits sont avérés"};
    for (size_t k = 0; k < sizeof ticker / sizeof *ticker; k++) {
        for (size_t i = 0; i < nc_result_block_count(r); i++) {
            nc_block_info info = NC_BLOCK_INFO_INIT;
            ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
            if (!strcmp(info.text, ticker[k]))
                ck_assert_msg(info.label != NC_LABEL_BODY && info.label != NC_LABEL_HEADING,
                              "kept: %s", ticker[k]);
        }
    }
    ck_assert_uint_eq(nc_result_paragraph_count(r), 2);
    nc_result_free(r);
}
END_TEST

START_TEST(test_no_ticker_without_three_marks)
{
    /* "12:30 p.m." and "10:00 - 12:00" are not marks; a ticker needs three. */
    char page[2048];
    snprintf(page, sizeof page, "%s12:30 p.m. The council meets again on Friday\n"
             "10:00 - 12:00 Opening hours of the town hall\n"
             "14:44 Un artiste arrêté pour avoir coloré un geyser\n%s", body_lines, body_lines);
    nc_result *r = tu_clean_kind(page, NC_INPUT_TEXT);
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        ck_assert(!(info.label == NC_LABEL_RELATED && info.reason == NC_REASON_HEADLINE_RUN &&
                    info.text[0] >= '0' && info.text[0] <= '9'));
    }
    nc_result_free(r);
}
END_TEST

/* An article in plain text, then "4 Comments" and four comments, each under
 * a name and a dated byline and over "Reply". */
static const char *const article_lines =
    "The city council voted on Tuesday to keep the waste collection fees at this "
    "year's level, although the cost of fuel and wages has risen since the spring.\n"
    "The decision passed with a large majority. Only two members voted against it, "
    "saying that the town's reserves should not be drawn down to pay for it.\n"
    "The mayor said the council would look again at the fees next autumn, when the "
    "new contract with the collection company is signed and its price is known.\n"
    "Residents who want a second bin can still order one from the town hall, where "
    "the office is open every weekday morning and on Thursday afternoons.\n";

static const char *const comments[] = {
    "I think the council made the right call here, prices are high enough as it is.",
    "Keeping the fees flat is fine, but the reserves will not last forever you know.",
    "Does anyone know whether the second bin costs extra or comes with the fee?",
    "Good news for once. Our street has been waiting for a decision like this one."};

static void thread_page(char *page, size_t size, bool count)
{
    snprintf(page, size, "%s%s", article_lines, count ? "4 Comments\n" : "");
    const char *names[] = {"Sharon says", "Peter says", "Amy says", "Tom says"};
    for (size_t i = 0; i < 4; i++) {
        size_t len = strlen(page);
        snprintf(page + len, size - len, "%s\nJuly %zu, 2025 at 3:53 pm\n%s\nReply\n",
                 names[i], 14 + i, comments[i]);
    }
}

/* A short line under a section label goes with it; a list of short items
 * under it is left to the model: no headline-run follows another here. */
START_TEST(test_no_headline_cascade)
{
    char page[2048];
    snprintf(page, sizeof page, "%sRelated stories\nBins and fees\nSecond bin order\n"
             "Office opening hours\nCouncil meeting dates\n%s", article_lines, article_lines);
    nc_result *r = tu_clean_kind(page, NC_INPUT_TEXT);
    nc_reason before = NC_REASON_MODEL;
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        ck_assert_msg(!(info.reason == NC_REASON_HEADLINE_RUN && before == NC_REASON_HEADLINE_RUN),
                      "cascade: %s", info.text);
        before = info.reason;
    }
    ck_assert_int_eq(reason_of(r, "Second bin order"), NC_REASON_MODEL);
    nc_result_free(r);
}
END_TEST

START_TEST(test_comment_thread)
{
    char page[4096];
    thread_page(page, sizeof page, true);
    /* Leaning all the way to recall, so the model keeps comments the rule
     * must drop (the model alone drops them under the balanced cut). */
    nc_options o;
    nc_options_init(&o);
    o.input = NC_INPUT_TEXT;
    o.recall_bias = 1.0;
    nc_result *r = tu_clean(page, strlen(page), &o);
    size_t threaded = 0;
    for (size_t i = 0; i < 4; i++) {
        nc_label label = label_of(r, comments[i]);
        ck_assert_msg(label != NC_LABEL_BODY && label != NC_LABEL_HEADING, "kept: %s", comments[i]);
        threaded += reason_of(r, comments[i]) == NC_REASON_COMMENT_THREAD;
    }
    ck_assert_uint_ge(threaded, 1);
    ck_assert_int_eq(label_of(r, "Residents who want a second bin can still order one from the "
                                 "town hall, where the office is open every weekday morning "
                                 "and on Thursday afternoons."), NC_LABEL_BODY);
    ck_assert_str_eq(nc_reason_name(NC_REASON_COMMENT_THREAD), "comment-thread");
    nc_result_free(r);

    /* without the count, no thread: the same comments are left to the model */
    thread_page(page, sizeof page, false);
    r = tu_clean_kind(page, NC_INPUT_TEXT);
    for (size_t i = 0; i < 4; i++)
        ck_assert_int_ne(reason_of(r, comments[i]), NC_REASON_COMMENT_THREAD);
    nc_result_free(r);

    /* HTML has its comment markup: the rule is text's */
    thread_page(page, sizeof page, true);
    r = tu_clean_kind(page, NC_INPUT_HTML);
    ck_assert_uint_eq(reason_count(r, NC_REASON_COMMENT_THREAD), 0);
    nc_result_free(r);
}
END_TEST

static const char *const more_lines =
    "Council members also agreed to study a plan for a new recycling centre on the "
    "edge of town, which could open in two years if the regional government helps.\n"
    "The plan would let residents bring garden waste, old furniture and electrical "
    "goods to one place instead of three, and it would employ about twenty people.\n";

static const char *const slides[] = {
    "Harbour lights return",
    "The old lighthouse was lit again on Friday evening after ten years of repairs, and hundreds came to watch.",
    "Market hall reopens",
    "Traders moved back into the market hall, which had been closed since the storm damaged its roof last winter.",
    "Bridge works finished",
    "The new footbridge over the river opened a month early, and the first cyclists crossed it on Monday morning.",
    "School wins prize",
    "Pupils of the primary school won the national science prize for their project on the birds of the marsh."};

/* slides[] as a gallery of n_slides slides numbered "k/4", or with marks
 * written as long as a caption (long_marks), after the article or alone. */
static void gallery_page(char *page, size_t size, bool article, bool long_marks)
{
    snprintf(page, size, "%s", article ? article_lines : "");
    size_t len = strlen(page);
    snprintf(page + len, size - len, "%s", article ? more_lines : "");
    for (size_t i = 0; i < 4; i++) {
        len = strlen(page);
        snprintf(page + len, size - len, "%zu/4 %s%s\n%s\nPhoto: Town Archive\n", i + 1,
                 slides[2 * i], long_marks ? ": what the town saw this week, from the harbour to the school" : "",
                 slides[2 * i + 1]);
    }
}

START_TEST(test_gallery)
{
    char page[4096];
    gallery_page(page, sizeof page, true, false);
    nc_result *r = tu_clean_kind(page, NC_INPUT_TEXT);
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        for (size_t k = 0; k < 8; k++)
            if (strstr(info.text, slides[k]))
                ck_assert_msg(info.label != NC_LABEL_BODY && info.label != NC_LABEL_HEADING,
                              "kept: %s", info.text);
    }
    ck_assert_uint_ge(reason_count(r, NC_REASON_GALLERY), 1);
    ck_assert_int_eq(label_of(r, "The decision passed with a large majority. Only two members "
                                 "voted against it, saying that the town's reserves should not "
                                 "be drawn down to pay for it."), NC_LABEL_BODY);
    ck_assert_str_eq(nc_reason_name(NC_REASON_GALLERY), "gallery");
    nc_result_free(r);

    /* a slideshow page's slides are its body; marks as long as captions
     * (numbered tweets, captions that say everything) are no gallery */
    for (int v = 0; v < 2; v++) {
        gallery_page(page, sizeof page, v == 1, v == 1);
        r = tu_clean_kind(page, NC_INPUT_TEXT);
        ck_assert_uint_eq(reason_count(r, NC_REASON_GALLERY), 0);
        nc_result_free(r);
    }
}
END_TEST

static Suite *lead_suite(void)
{
    Suite *s = suite_create("lead");
    TCase *tc = tcase_create("lead");
    tcase_add_test(tc, test_every_list_is_indexed);
    tcase_add_test(tc, test_one_case_fold);
    tcase_add_test(tc, test_phrases_match_at_the_start);
    tcase_add_test(tc, test_words_elsewhere_do_not_match);
    tcase_add_test(tc, test_label_line_dropped_in_a_page);
    tcase_add_test(tc, test_language_picker_in_one_block);
    tcase_add_test(tc, test_language_picker_as_a_list);
    tcase_add_test(tc, test_ticker_after_the_body);
    tcase_add_test(tc, test_ad_labels);
    tcase_add_test(tc, test_standfirst_is_not_the_title);
    tcase_add_test(tc, test_legal_phrases);
    tcase_add_test(tc, test_lower_case_byline);
    tcase_add_test(tc, test_homoglyph_words);
    tcase_add_test(tc, test_promo_phrases);
    tcase_add_test(tc, test_no_ticker_without_three_marks);
    tcase_add_test(tc, test_comment_thread);
    tcase_add_test(tc, test_gallery);
    tcase_add_test(tc, test_no_headline_cascade);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(lead_suite()); }
