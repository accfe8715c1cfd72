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
 * runs one case (NAME or NAME.txt), NC_LANG_VERBOSE=1 prints every
 * check's outcome, and NC_LANG_TABLE=1 CK_FORK=no prints the rows of
 * known_failures for the library as it is (after a retrain). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "internal.h"
#include "outline.h"
#include "features/features.h"
#include "features/slots.h" /* after internal.h: NC_NFEAT */

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
    /* The feature row lives in the doc: keep a copy (a few blocks are
     * compared at once, so a small ring of them). */
    static float rows[4][NC_NFEAT];
    static unsigned next_row;
    float *row = rows[next_row++ % 4];
    memcpy(row, b.feat, sizeof rows[0]);
    b.feat = row;
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

/* Scripts without capitals give -1 for the case features (not 0, which
 * reads as lower-case prose), so a menu of Arabic or Chinese words is not
 * mistaken for a sentence's words; cased scripts keep their ratios. */
START_TEST(caseless_scripts_have_no_case_ratio)
{
    const char *caseless[] = {"الرئيسية أخبار", "首页 国内 国际", "หน้าแรก", "דף הבית", "トップ"};
    for (size_t k = 0; k < sizeof caseless / sizeof *caseless; k++) {
        nc_block b = one_block(caseless[k]);
        ck_assert_msg(b.feat[F_CAP_RATIO] == -1.0f && b.feat[F_UPPER_RATIO] == -1.0f,
                      "case features set for %s", caseless[k]);
    }
    nc_block home = one_block("Home News World");
    ck_assert_float_eq(home.feat[F_CAP_RATIO], 1.0f);
    nc_block ru = one_block("Главная страница");
    ck_assert_float_eq(ru.feat[F_CAP_RATIO], 0.5f);
    nc_block digits = one_block("2024 12");  /* no letters: no script, ratio 0 */
    ck_assert_float_eq(digits.feat[F_CAP_RATIO], 0.0f);
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
 * them. (blocks/block.c removes LRM, RLM, ZWSP, the soft hyphen and the BOM
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

/* ---- pages: tests/cases/lang ---- */

/* A check the current model fails, with what the library does instead.
 * count is how many of the case's lines fail it (1 for "language"): the
 * suite fails when the count changes, so a fix (or a new fault) shows. */
typedef struct known_failure {
    const char *file;  /* the case's page: NAME.txt or NAME.html */
    const char *check; /* "body", "drop", "foreign" or "language" */
    unsigned count;
    const char *what;  /* the library's label/reason, as reported */
} known_failure;

static const known_failure known_failures[] = {
    {"es-sequia.txt", "drop", 1,
     "one related item (the heading is dropped as a lead phrase): kept as body/model"},
    {"tr-deprem.txt", "drop", 1,
     "one related item (the newsletter prompt is dropped as a call to action): kept as body/context-keep"},
};
#define NKNOWN (sizeof known_failures / sizeof *known_failures)

typedef struct lang_case {
    char *file, *page;
    char *expected, *drop; /* NAME.expected and NAME.drop, or for a real
                              page NAME.with and NAME.without */
    char lang[8];
    nc_input_kind kind;
    bool snippets;         /* a real page, checked by its snippets */
} lang_case;

static lang_case *lcases;
static size_t nlcases;

static int by_file(const void *a, const void *b)
{
    return strcmp(((const lang_case *)a)->file, ((const lang_case *)b)->file);
}

/* Every NAME.txt / NAME.html with NAME.expected (or, for a real page,
 * NAME.with); NAME's language is its part before the first '-'. */
static void find_lang_cases(const char *dir)
{
    const char *only = getenv("NC_CASE");
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *dot = strrchr(e->d_name, '.');
        if (!dot || (strcmp(dot, ".txt") && strcmp(dot, ".html")))
            continue;
        size_t stem_len = (size_t)(dot - e->d_name);
        if (only && *only && strcmp(only, e->d_name) &&
            (strlen(only) != stem_len || strncmp(only, e->d_name, stem_len)))
            continue;
        char *stem = strndup(e->d_name, stem_len);
        const char *dash = strchr(stem, '-');
        lang_case c = {strdup(e->d_name), tu_path(dir, e->d_name, ""),
                       tu_path(dir, stem, ".expected"), tu_path(dir, stem, ".drop"),
                       "", strcmp(dot, ".txt") ? NC_INPUT_HTML : NC_INPUT_TEXT,
                       false};
        size_t ln = dash ? (size_t)(dash - stem) : 0;
        FILE *f = fopen(c.expected, "rb");
        if (!f) {
            free(c.expected);
            free(c.drop);
            c.expected = tu_path(dir, stem, ".with");
            c.drop = tu_path(dir, stem, ".without");
            c.snippets = true;
            f = fopen(c.expected, "rb");
        }
        if (f && ln > 0 && ln < sizeof c.lang) {
            fclose(f);
            memcpy(c.lang, stem, ln);
            lang_case *grown = realloc(lcases, (nlcases + 1) * sizeof *lcases);
            if (!grown)
                abort();
            lcases = grown;
            lcases[nlcases++] = c;
        } else {
            if (f)
                fclose(f);
            free(c.file);
            free(c.page);
            free(c.expected);
            free(c.drop);
        }
        free(stem);
    }
    closedir(d);
    qsort(lcases, nlcases, sizeof *lcases, by_file);
}

/* White space as the library makes it: ASCII, NBSP and the Unicode
 * spaces (U+2000-200A, U+202F, U+205F, U+3000) are one space. */
static size_t uspace_len(const unsigned char *s, size_t left)
{
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')
        return 1;
    if (s[0] == 0xC2 && left >= 2 && s[1] == 0xA0)
        return 2;
    if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8A || s[2] == 0xAF))
        return 3;
    if (left >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F)
        return 3;
    if (left >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

static char *norm(const char *s, size_t len) { return tu_collapse_with(s, len, uspace_len); }

static const known_failure *known(const char *file, const char *check)
{
    for (size_t k = 0; k < NKNOWN; k++)
        if (!strcmp(known_failures[k].file, file) &&
            !strcmp(known_failures[k].check, check))
            return &known_failures[k];
    return NULL;
}

/* Compares a check's failing count with the list: an unlisted check must
 * not fail; a listed one must fail as often as listed. */
static bool verdict(const lang_case *c, const char *check, unsigned failed,
                    char *msg, size_t cap)
{
    const known_failure *k = known(c->file, check);
    unsigned want = k ? k->count : 0;
    if (getenv("NC_LANG_VERBOSE"))
        fprintf(stderr, "%-32s %-8s %u failing%s\n", c->file, check, failed,
                k ? " (known)" : "");
    if (getenv("NC_LANG_TABLE") && failed) /* rows for known_failures */
        printf("    {\"%s\", \"%s\", %u,\n     \"%s\"},\n", c->file, check,
               failed, k ? k->what : "TODO: what the library does");
    if (failed == want)
        return true;
    size_t used = strlen(msg);
    if (k)
        snprintf(msg + used, cap - used,
                 " [%s: known to fail %u times, now %u: update known_failures]",
                 check, want, failed);
    else
        snprintf(msg + used, cap - used, " [%s: %u failing]", check, failed);
    return false;
}

/* Whether line (normalised) stands in text; lines of a snippet file. */
static unsigned count_found(const char *text, char *lines, bool want_found,
                            const char *file, const char *what)
{
    unsigned n = 0;
    for (char *line = lines, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        size_t ll = next ? (size_t)(next - line) : strlen(line);
        next = next ? next + 1 : NULL;
        char *t = norm(line, ll);
        if (*t && (strstr(text, t) != NULL) != want_found) {
            n++;
            fprintf(stderr, "%s: %s: %.80s\n", file, what, t);
        }
        free(t);
    }
    return n;
}

/* A real page: every `with` snippet stands in the output (its paragraphs
 * joined by a space), no `without` snippet does. Exact case, unlike
 * run_eval.py's matching: a snippet that passes here passes there. */
static void check_snippets(const lang_case *c, char **got, size_t ngot,
                           char *with, char *without, unsigned *missing,
                           unsigned *kept)
{
    size_t total = 1;
    for (size_t j = 0; j < ngot; j++)
        total += strlen(got[j]) + 1;
    char *all = malloc(total);
    ck_assert_ptr_nonnull(all);
    size_t o = 0;
    for (size_t j = 0; j < ngot; j++) {
        size_t n = strlen(got[j]);
        memcpy(all + o, got[j], n);
        o += n;
        all[o++] = ' ';
    }
    all[o] = '\0';
    *missing = count_found(all, with, true, c->file, "snippet missing");
    *kept = count_found(all, without, false, c->file, "boilerplate snippet kept");
    free(all);
}

START_TEST(lang_page)
{
    const lang_case *c = &lcases[_i];
    size_t len = 0, elen = 0, dlen = 0, nwant = 0;
    char *page = tu_read_file(c->page, &len);
    char *expected = tu_read_file(c->expected, &elen);
    char *drop = tu_read_file(c->drop, &dlen);
    ck_assert_msg(page && expected && drop, "case %s: cannot read its files "
                  "(NAME.expected and NAME.drop, or NAME.with and NAME.without)",
                  c->file);
    char **want = c->snippets ? calloc(1, sizeof *want)
                              : tu_split_paragraphs(expected, elen, &nwant);
    nc_options o;
    nc_options_init(&o);
    o.input = c->kind;
    nc_result *r = tu_clean(page, len, &o);
    tu_check_result(r);

    size_t ngot = nc_result_paragraph_count(r), nblocks = nc_result_block_count(r);
    char **got = calloc(ngot + 1, sizeof *got);
    char **blocks = calloc(nblocks + 1, sizeof *blocks);
    nc_label *labels = calloc(nblocks + 1, sizeof *labels);
    ck_assert(got && blocks && labels);
    for (size_t i = 0; i < ngot; i++) {
        size_t plen = 0;
        const char *p = nc_result_paragraph(r, i, &plen);
        got[i] = norm(p, plen);
    }
    for (size_t i = 0; i < nblocks; i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        blocks[i] = norm(info.text, info.length);
        labels[i] = info.label;
    }

    unsigned missing = 0, kept = 0, mislabelled = 0;
    if (c->snippets)
        check_snippets(c, got, ngot, expected, drop, &missing, &kept);
    for (size_t i = 0; i < nwant; i++) {
        char *w = norm(want[i], strlen(want[i]));
        bool found = false;
        for (size_t j = 0; j < ngot && !found; j++)
            found = !strcmp(w, got[j]);
        if (!found) {
            missing++;
            fprintf(stderr, "%s: body paragraph missing: %.80s\n", c->file, w);
        }
        free(w);
    }
    /* NAME.drop: one boilerplate line a line, "[foreign] " before those
     * that should also be labelled foreign. */
    for (char *line = c->snippets ? NULL : drop, *next; line && *line;
         line = next) {
        next = strchr(line, '\n');
        size_t ll = next ? (size_t)(next - line) : strlen(line);
        next = next ? next + 1 : NULL;
        bool foreign = ll > 10 && !strncmp(line, "[foreign] ", 10);
        char *t = foreign ? norm(line + 10, ll - 10) : norm(line, ll);
        if (!*t) {
            free(t);
            continue;
        }
        bool in_output = false;
        for (size_t j = 0; j < ngot && !in_output; j++)
            in_output = !strcmp(t, got[j]);
        if (in_output) {
            kept++;
            fprintf(stderr, "%s: boilerplate kept: %.80s\n", c->file, t);
        } else if (foreign) {
            bool labelled = false;
            for (size_t j = 0; j < nblocks && !labelled; j++)
                labelled = !strcmp(t, blocks[j]) && labels[j] == NC_LABEL_FOREIGN;
            if (!labelled) {
                mislabelled++;
                fprintf(stderr, "%s: not labelled foreign: %.80s\n", c->file, t);
            }
        }
        free(t);
    }
    const char *lang = nc_result_language(r);
    unsigned wrong_lang = strcmp(lang, c->lang) != 0;
    if (wrong_lang)
        fprintf(stderr, "%s: language %s, want %s\n", c->file, lang, c->lang);

    char msg[512];
    snprintf(msg, sizeof msg, "case %s:", c->file);
    bool ok = verdict(c, "body", missing, msg, sizeof msg);
    ok &= verdict(c, "drop", kept, msg, sizeof msg);
    ok &= verdict(c, "foreign", mislabelled, msg, sizeof msg);
    ok &= verdict(c, "language", wrong_lang, msg, sizeof msg);
    tu_free_list(got, ngot);
    tu_free_list(blocks, nblocks);
    free(labels);
    tu_free_list(want, nwant);
    nc_result_free(r);
    free(page);
    free(expected);
    free(drop);
    ck_assert_msg(ok, "%s", msg);
}
END_TEST

/* Every known failure names a case that exists, and the set is the one
 * the brief asks for: pages in at least these languages. */
START_TEST(lang_case_set)
{
    for (size_t k = 0; k < NKNOWN; k++) {
        bool found = false;
        for (size_t i = 0; i < nlcases && !found; i++)
            found = !strcmp(lcases[i].file, known_failures[k].file);
        ck_assert_msg(found || getenv("NC_CASE"), "known_failures names no case: %s",
                      known_failures[k].file);
    }
    static const char *const langs[] = {"de", "fr", "es", "it", "pl", "pt", "ru",
                                        "uk", "zh", "ja", "ko", "ar", "tr", "th",
                                        "he", "fa"};
    for (size_t l = 0; l < sizeof langs / sizeof *langs && !getenv("NC_CASE"); l++) {
        unsigned n = 0;
        for (size_t i = 0; i < nlcases; i++)
            n += !strcmp(lcases[i].lang, langs[l]);
        ck_assert_msg(n >= 2, "no page (text and html) in %s", langs[l]);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("languages");
    TCase *rtl = tcase_create("rtl");
    tcase_add_loop_test(rtl, rtl_controls_are_invisible, 0,
                        (int)(sizeof rtl_pairs / sizeof *rtl_pairs));
    tcase_add_test(rtl, rtl_sentence_ends);
    tcase_add_test(rtl, caseless_scripts_have_no_case_ratio);
    tcase_add_test(rtl, format_chars_in_words);
    tcase_add_test(rtl, rtl_output_keeps_controls);
    suite_add_tcase(s, rtl);
    const char *dir = getenv("NC_LANG_CASES_DIR");
    find_lang_cases(dir && *dir ? dir : "tests/cases/lang");
    TCase *pages = tcase_create("pages");
    tcase_set_timeout(pages, 30);
    tcase_add_test(pages, lang_case_set);
    tcase_add_loop_test(pages, lang_page, 0, (int)nlcases);
    suite_add_tcase(s, pages);
    int status = tu_run(s);
    for (size_t i = 0; i < nlcases; i++) {
        free(lcases[i].file);
        free(lcases[i].page);
        free(lcases[i].expected);
        free(lcases[i].drop);
    }
    free(lcases);
    return status;
}
