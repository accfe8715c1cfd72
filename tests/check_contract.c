/* check_contract.c - the feature contract between the code and the model.
 * The generated table (lib/classify/model.gen.c) names the features it was
 * trained on, in the order tools/train.py read them from nc_feature_names;
 * the model indexes its inputs by position, so a feature added, removed or
 * moved in lib/features/ without retraining would feed every tree the wrong
 * numbers, silently. These checks fail instead. */
#include <string.h>

#include <check.h>

#include "internal.h"
#include "classify/model.h"
#include "features/features.h"
#include "features/slots.h"
#include "testutil.h"

/* The context features classify/classify.c appends after the block's own,
 * in its slot order (C_P_M2 .. C_PAGE_SURE); tools/train.py writes the
 * same names into the table. */
static const char *const context_names[C_COUNT - F_COUNT] = {
    "ctx_p_m2", "ctx_p_m1", "ctx_p_p1", "ctx_p_p2", "ctx_mean5",
    "ctx_max_before", "ctx_max_after", "ctx_body_before", "ctx_body_after",
    "ctx_group_mean", "ctx_page_sure"};

START_TEST(model_has_every_slot)
{
    ck_assert_int_eq(nc_feature_count(), F_COUNT);
    ck_assert_int_eq(nc_model_feature_count, C_COUNT);
}
END_TEST

START_TEST(block_features_in_the_code_order)
{
    for (int i = 0; i < F_COUNT; i++) {
        ck_assert_msg(nc_feature_names[i] != NULL, "feature %d has no name", i);
        ck_assert_msg(strcmp(nc_model_feature_names[i], nc_feature_names[i]) == 0,
                      "slot %d: the model was trained on \"%s\", the code fills \"%s\" "
                      "(retrain: make model)",
                      i, nc_model_feature_names[i], nc_feature_names[i]);
    }
}
END_TEST

START_TEST(context_features_in_the_code_order)
{
    for (int i = F_COUNT; i < C_COUNT; i++)
        ck_assert_msg(strcmp(nc_model_feature_names[i], context_names[i - F_COUNT]) == 0,
                      "context slot %d: the model has \"%s\", classify fills \"%s\"", i,
                      nc_model_feature_names[i], context_names[i - F_COUNT]);
}
END_TEST

START_TEST(names_are_unique)
{
    for (int i = 0; i < F_COUNT; i++)
        for (int j = i + 1; j < F_COUNT; j++)
            ck_assert_msg(strcmp(nc_feature_names[i], nc_feature_names[j]) != 0,
                          "features %d and %d are both \"%s\"", i, j, nc_feature_names[i]);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("contract");
    TCase *tc = tcase_create("features");
    tcase_add_test(tc, model_has_every_slot);
    tcase_add_test(tc, block_features_in_the_code_order);
    tcase_add_test(tc, context_features_in_the_code_order);
    tcase_add_test(tc, names_are_unique);
    suite_add_tcase(s, tc);
    return tu_run(s);
}
