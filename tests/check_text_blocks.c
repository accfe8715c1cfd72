/* check_text_blocks.c - blocks/text.c: plain text -> blocks. One block a
 * line; hard-wrapped (lynx -dump) text rejoined into paragraphs; bullets
 * and their continuation lines; tabs; long lines. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static nc_result *clean_text(const char *s)
{
    return tu_clean_kind(s, NC_INPUT_TEXT);
}

/* Whether any block holds needle. */
static bool any_block_has(const nc_result *r, const char *needle)
{
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        if (strstr(info.text, needle))
            return true;
    }
    return false;
}

static void assert_block(const nc_result *r, size_t i, const char *want)
{
    nc_block_info info = NC_BLOCK_INFO_INIT;
    ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
    ck_assert_str_eq(info.text, want);
}

START_TEST(test_one_block_a_line)
{
    nc_result *r = clean_text("First line of the page.\nSecond line.\n\n\n"
                              "   Third, indented.   \nFourth\n");
    ck_assert_uint_eq(nc_result_block_count(r), 4);
    assert_block(r, 0, "First line of the page.");
    assert_block(r, 1, "Second line.");
    assert_block(r, 2, "Third, indented.");
    assert_block(r, 3, "Fourth");
    nc_result_free(r);
}
END_TEST

START_TEST(test_long_lines_not_joined)
{
    /* One-block-a-line text whose lines are long paragraphs: each stays a
     * block of its own even when they follow each other without a gap. */
    const char *a = "The first paragraph is one long line, as a crawler that "
                    "keeps one block a line writes it, and it runs well past "
                    "eighty columns of text before it ends here.";
    const char *b = "The second paragraph is another long line of the same "
                    "kind, long enough that no terminal would have wrapped "
                    "it at this width either.";
    char *s = malloc(strlen(a) + strlen(b) + 3);
    ck_assert_ptr_nonnull(s);
    strcpy(s, a);
    strcat(s, "\n");
    strcat(s, b);
    strcat(s, "\n");
    nc_result *r = clean_text(s);
    ck_assert_uint_eq(nc_result_block_count(r), 2);
    assert_block(r, 0, a);
    assert_block(r, 1, b);
    nc_result_free(r);
    free(s);
}
END_TEST

/* A lynx -dump page: 3-space indented paragraphs wrapped before column 80,
 * a heading at column 0, bullets with continuation lines. */
static const char lynx_page[] =
    "   #Example News Feed\n"
    "\n"
    "     * Home\n"
    "     * World\n"
    "     * Business\n"
    "\n"
    "Storm closes schools across the region as rivers rise\n"
    "\n"
    "   Heavy rain closed schools across the region on Tuesday as rivers rose to\n"
    "   their highest level in a decade, officials said, and more storms were\n"
    "   expected later in the week across the northern districts.\n"
    "\n"
    "   Emergency crews worked through the night to shore up levees near the river\n"
    "   mouth, where hundreds of homes were evacuated as a precaution.\n"
    "\n"
    "     * The council will publish a list of closed roads every morning at seven\n"
    "       o'clock until the water has gone down again, a spokeswoman said.\n"
    "     * Residents can call the hotline.\n"
    "\n"
    "   A short closing line.\n";

START_TEST(test_lynx_paragraphs)
{
    nc_result *r = clean_text(lynx_page);
    ck_assert(tu_has_block(r,
        "Heavy rain closed schools across the region on Tuesday as rivers rose "
        "to their highest level in a decade, officials said, and more storms "
        "were expected later in the week across the northern districts."));
    ck_assert(tu_has_block(r,
        "Emergency crews worked through the night to shore up levees near the "
        "river mouth, where hundreds of homes were evacuated as a precaution."));
    ck_assert(tu_has_block(r, "Storm closes schools across the region as rivers rise"));
    ck_assert(tu_has_block(r, "A short closing line."));
    nc_result_free(r);
}
END_TEST

START_TEST(test_lynx_bullets)
{
    nc_result *r = clean_text(lynx_page);
    /* Each bullet is its own block, the marker cut, the continuation line
     * joined to it. */
    ck_assert(tu_has_block(r, "Home"));
    ck_assert(tu_has_block(r, "World"));
    ck_assert(tu_has_block(r, "Business"));
    ck_assert(tu_has_block(r,
        "The council will publish a list of closed roads every morning at "
        "seven o'clock until the water has gone down again, a spokeswoman "
        "said."));
    ck_assert(tu_has_block(r, "Residents can call the hotline."));
    ck_assert_uint_eq(nc_result_block_count(r), 10);
    nc_result_free(r);
}
END_TEST

START_TEST(test_lynx_short_lines_kept_apart)
{
    /* In wrapped text, a line that ends well short of the width ended its
     * paragraph: the next line starts a new block even without a gap. */
    nc_result *r = clean_text(
        "   Officials said the bridge would stay closed until engineers had checked\n"
        "   every pillar for damage from the flood water this week.\n"
        "   Share this\n"
        "   The mayor said the city would pay for the repairs out of its own reserves\n"
        "   rather than wait for money from the national government.\n");
    ck_assert(tu_has_block(r, "Share this"));
    ck_assert(tu_has_block(r,
        "Officials said the bridge would stay closed until engineers had "
        "checked every pillar for damage from the flood water this week."));
    ck_assert_uint_eq(nc_result_block_count(r), 3);
    ck_assert(tu_has_block(r,
        "The mayor said the city would pay for the repairs out of its own "
        "reserves rather than wait for money from the national government."));
    nc_result_free(r);
}
END_TEST

START_TEST(test_lynx_mostly_short_lines)
{
    /* A lynx page of menus and short lines: few lines are full, but nearly
     * every line is indented as lynx indents them, so it is still wrapped
     * text and the one long paragraph is joined. */
    nc_result *r = clean_text(
        "Site name\n"
        "\n"
        "     * Home\n     * World\n     * Business\n     * Sport\n"
        "     * Culture\n     * Travel\n     * Weather\n     * Contact\n"
        "\n"
        "   Officials said the bridge would stay closed until engineers had checked\n"
        "   every pillar.\n"
        "\n"
        "   Share this\n   Print\n   Email\n   Comments (4)\n");
    ck_assert(tu_has_block(r,
        "Officials said the bridge would stay closed until engineers had "
        "checked every pillar."));
    ck_assert(tu_has_block(r, "Share this"));
    ck_assert(tu_has_block(r, "Print"));
    nc_result_free(r);
}
END_TEST

START_TEST(test_lynx_math_dropped)
{
    /* lynx prints MathML as its markup: "[MATH: <mi> a </mi> ... :MATH]",
     * over lines and across a blank line; the text around it stays. */
    nc_result *r = clean_text(
        "   When\n"
        "   [MATH: <mi> a </mi> <mo> = </mo> <mn> 0 </mn> <mo> + </mo> <mi> b\n"
        "   </mi> :MATH]\n"
        "   , there are two solutions to the equation that we wrote down above.\n"
        "\n"
        "   [MATH: <mtable columnalign=\"right left right left right left\"> <mtr>\n"
        "\n"
        "   <mtd> <mi> x </mi> </mtd> </mtr> </mtable> :MATH] and they are real.\n"
        "   A closing line of the page.\n");
    ck_assert(tu_has_block(r, "When"));
    ck_assert(tu_has_block(r, ", there are two solutions to the equation that we "
                              "wrote down above."));
    ck_assert(tu_has_block(r, "and they are real."));
    ck_assert(!any_block_has(r, "MATH"));
    ck_assert(!any_block_has(r, "<mi>"));
    ck_assert(!any_block_has(r, "mtd"));
    nc_result_free(r);
}
END_TEST

START_TEST(test_lynx_ins_del_marks)
{
    /* <ins> and <del> come as "[INS: ... :INS]": the marks go, the text
     * stays; an empty one (an ad slot) leaves no block. */
    nc_result *r = clean_text(
        "   The council [INS: finally :INS] approved the plan on Tuesday.\n"
        "\n"
        "   [INS: :INS]\n"
        "\n"
        "   It will cost [DEL: ten :DEL] twelve million to build.\n"
        "\n"
        "   A closing line of the page.\n");
    ck_assert(tu_has_block(r, "The council finally approved the plan on Tuesday."));
    ck_assert(tu_has_block(r, "It will cost ten twelve million to build."));
    ck_assert_uint_eq(nc_result_block_count(r), 3);
    nc_result_free(r);
}
END_TEST

START_TEST(test_lynx_images_dropped)
{
    /* Images without alt text come as "[" + the end of their address +
     * "]", an alt text that is a file name as a line of its own: neither
     * is text. A caption under an image line is not joined to the
     * paragraph over it, however full that paragraph's last line is.
     * Bracketed words that are no address stay. */
    nc_result *r = clean_text(
        "   The foundation was started by a handful of volunteers who released\n"
        "   their first model without knowing what to expect from the market then.\n"
        "   [apcnews2012raspberry_pi_logo_mainimage8_jpg8_322_27630a8388eb_lg.jpg]\n"
        "   Raspberry Pi 3 - Image: Raspberry Pi Foundation\n"
        "\n"
        "   hotel-door-getty.JPG\n"
        "\n"
        "   Share [tr?id=1637596&ev=PageView&noscript=1] [svg%3E] this [edit]\n"
        "   [gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==]\n"
        "   Footnote [1] and [photo.webp?w=605] a [...] mark.\n");
    ck_assert(tu_has_block(r,
        "The foundation was started by a handful of volunteers who released "
        "their first model without knowing what to expect from the market then."));
    ck_assert(tu_has_block(r, "Raspberry Pi 3 - Image: Raspberry Pi Foundation"));
    ck_assert(tu_has_block(r, "Share this [edit]"));
    ck_assert(tu_has_block(r, "Footnote [1] and a [...] mark."));
    ck_assert(!any_block_has(r, "jpg"));
    ck_assert(!any_block_has(r, "JPG"));
    ck_assert(!any_block_has(r, "base64"));
    ck_assert_uint_eq(nc_result_block_count(r), 4);
    nc_result_free(r);
}
END_TEST

START_TEST(test_lines_keep_brackets)
{
    /* One-block-a-line text is no lynx output: its brackets are text. */
    nc_result *r = clean_text("A picture [photo.jpg] of the harbour\n"
                              "[INS: kept :INS]\nlogo.png\n");
    ck_assert(tu_has_block(r, "A picture [photo.jpg] of the harbour"));
    ck_assert(tu_has_block(r, "[INS: kept :INS]"));
    ck_assert(tu_has_block(r, "logo.png"));
    nc_result_free(r);
}
END_TEST

START_TEST(test_bullet_markers)
{
    nc_result *r = clean_text("* star item\n+ plus item\no oh item\n- dash item\n"
                              "\xE2\x80\xA2 bullet item\n*not a bullet\n");
    ck_assert_uint_eq(nc_result_block_count(r), 6);
    assert_block(r, 0, "star item");
    assert_block(r, 1, "plus item");
    assert_block(r, 2, "oh item");
    assert_block(r, 3, "dash item");
    assert_block(r, 4, "bullet item");
    assert_block(r, 5, "*not a bullet");
    nc_result_free(r);
}
END_TEST

START_TEST(test_tabs)
{
    nc_result *r = clean_text("\tIndented by a tab\twith\t\ttabs inside.\t\n"
                              "\t\t\n"
                              "col1\tcol2\tcol3\n");
    ck_assert_uint_eq(nc_result_block_count(r), 2);
    assert_block(r, 0, "Indented by a tab with tabs inside.");
    assert_block(r, 1, "col1 col2 col3");
    nc_result_free(r);
}
END_TEST

START_TEST(test_very_long_line)
{
    /* A 200 000-byte line of words is one block, kept whole (below the
     * 1 MiB max_line_bytes default). */
    size_t n = 200000;
    char *s = malloc(n + 1);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < n; i++)
        s[i] = i % 6 == 5 ? ' ' : 'a' + (char)(i % 5);
    s[n] = '\0';
    nc_result *r = clean_text(s);
    ck_assert_uint_eq(nc_result_block_count(r), 1);
    nc_block_info info = NC_BLOCK_INFO_INIT;
    ck_assert_int_eq(nc_result_block(r, 0, &info), NC_OK);
    ck_assert_uint_ge(info.length, n - 2);
    ck_assert_uint_eq(nc_result_flags(r) & NC_FLAG_TRUNCATED_LINES, 0);
    nc_result_free(r);
    free(s);
}
END_TEST

START_TEST(test_wide_characters_wrap)
{
    /* Hard-wrapped CJK text: each wide character takes two columns, so a
     * line of 38 of them is "full" at 76 columns and the next joins it. */
    const char *han = "\xE6\x96\xB0"; /* 新 */
    size_t per_line = 38, lines = 6;
    char *s = malloc(lines * (3 + per_line * 3 + 1) + 1);
    ck_assert_ptr_nonnull(s);
    size_t o = 0;
    for (size_t l = 0; l < lines; l++) {
        memcpy(s + o, "   ", 3);
        o += 3;
        for (size_t k = 0; k < per_line; k++) {
            memcpy(s + o, han, 3);
            o += 3;
        }
        s[o++] = '\n';
    }
    s[o] = '\0';
    nc_result *r = clean_text(s);
    /* However they are joined, no text is lost. */
    size_t total = 0;
    for (size_t i = 0; i < nc_result_block_count(r); i++) {
        nc_block_info info = NC_BLOCK_INFO_INIT;
        ck_assert_int_eq(nc_result_block(r, i, &info), NC_OK);
        for (size_t k = 0; k + 3 <= info.length; k++)
            total += memcmp(info.text + k, han, 3) == 0;
    }
    ck_assert_uint_eq(total, per_line * lines);
    nc_result_free(r);
    free(s);
}
END_TEST

START_TEST(test_seed_page_blocks)
{
    /* The seed page is one block a line: its body paragraphs are blocks
     * exactly as the gold has them. */
    size_t len = 0, glen = 0, n = 0;
    char *page = tu_read_file("tests/data/seed/text-lines/sputnik-cyber-unit.txt", &len);
    char *gold = tu_read_file("tests/data/seed/gold/sputnik-cyber-unit.txt", &glen);
    ck_assert_ptr_nonnull(page);
    ck_assert_ptr_nonnull(gold);
    char **paras = tu_split_paragraphs(gold, glen, &n);
    ck_assert_uint_eq(n, 9);
    nc_options o;
    nc_options_init(&o);
    o.input = NC_INPUT_TEXT;
    nc_result *r = tu_clean(page, len, &o);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(tu_has_block(r, paras[i]), "no block: %s", paras[i]);
    nc_result_free(r);
    tu_free_list(paras, n);
    free(page);
    free(gold);
}
END_TEST

static Suite *text_blocks_suite(void)
{
    Suite *s = suite_create("text_blocks");
    TCase *tc = tcase_create("blocks");
    tcase_add_test(tc, test_one_block_a_line);
    tcase_add_test(tc, test_long_lines_not_joined);
    tcase_add_test(tc, test_lynx_paragraphs);
    tcase_add_test(tc, test_lynx_bullets);
    tcase_add_test(tc, test_lynx_short_lines_kept_apart);
    tcase_add_test(tc, test_lynx_mostly_short_lines);
    tcase_add_test(tc, test_lynx_math_dropped);
    tcase_add_test(tc, test_lynx_ins_del_marks);
    tcase_add_test(tc, test_lynx_images_dropped);
    tcase_add_test(tc, test_lines_keep_brackets);
    tcase_add_test(tc, test_bullet_markers);
    tcase_add_test(tc, test_tabs);
    tcase_add_test(tc, test_very_long_line);
    tcase_add_test(tc, test_wide_characters_wrap);
    tcase_add_test(tc, test_seed_page_blocks);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(text_blocks_suite()); }
