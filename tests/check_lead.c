/* check_lead.c - lead phrases (lib/lead_phrase.c): a short block that opens
 * with a section label ("Lesen Sie auch:", "TEMAS RELACIONADOS", "Tags:")
 * is dropped as related, while the same words inside a sentence stay. */
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "internal.h"
#include "testutil.h"

static bool lead(const char *s) { return nc_lead_phrase(s, strlen(s)); }

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

static Suite *lead_suite(void)
{
    Suite *s = suite_create("lead");
    TCase *tc = tcase_create("lead");
    tcase_add_test(tc, test_phrases_match_at_the_start);
    tcase_add_test(tc, test_words_elsewhere_do_not_match);
    tcase_add_test(tc, test_label_line_dropped_in_a_page);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(lead_suite()); }
