/* features/slots.h - the feature vector's slots, shared by features/features.c (which
 * fills them), classify/classify.c (which reads some by name) and, through
 * nc_feature_names, tools/train.py. */
#ifndef NC_FEATURE_SLOTS_H
#define NC_FEATURE_SLOTS_H

enum {
    F_LOG_WORDS, F_LOG_CHARS, F_STOP_RATIO, F_END_PUNCT, F_SENT_PUNCT,
    F_COMMA_RATIO, F_CAP_RATIO, F_DIGIT_RATIO, F_COUNTER, F_PUNCT_RATIO,
    F_UPPER_RATIO, F_LOG_REPEAT, F_POS_BLOCK, F_POS_WORDS, F_SCRIPT_OTHER,
    F_LANG_SCORE, F_SEPARATORS, F_LIST_ITEM, F_GAP_BEFORE, F_PREV_WORDS,
    F_NEXT_WORDS, F_PREV_STOP, F_NEXT_STOP, F_WORD_LEN, F_LEGAL, F_LONG_NEAR,
    F_DIST_LONG, F_SITE_SUFFIX, F_CREDIT, F_UI_PHRASE, F_DATE, F_BYLINE,
    F_TITLE_LIKE, F_CAPTION_WORDS, F_OPEN_QUOTE, F_DOC_LOG_WORDS,
    F_IS_HTML, F_TAG, F_LINK_DENSITY, F_DEPTH_REL, F_IN_NAV, F_IN_HEADER,
    F_IN_FOOTER, F_IN_ASIDE, F_IN_FORM, F_IN_FIGURE, F_IN_ARTICLE, F_IN_MAIN,
    F_IN_BUTTON, F_IN_LIST, F_IN_TABLE, F_IN_QUOTE, F_IN_BODYPROP, F_IN_BEST,
    F_IN_LINK, F_HINT_BAD, F_HINT_COMMENT, F_HINT_CAPTION, F_HINT_BYLINE,
    F_HINT_CONTENT, F_HINT_META, F_PREV_LINK, F_NEXT_LINK, F_WORDS_AFTER,
    F_FOREIGN, F_BLOCK_LANG_OTHER, F_IN_BEST_WIDE, F_IN_LD_BODY, F_PAGE_TYPE,
    F_GROUPS, F_GROUPS_UP,
    F_COUNT
};

/* classify/classify.c's context features follow the block's own: stage-1 scores of
 * the neighbours and where the body lies (tools/train.py, N_STAGE2). */
enum {
    C_P_M2 = F_COUNT, C_P_M1, C_P_P1, C_P_P2, C_MEAN5, C_MAX_BEFORE,
    C_MAX_AFTER, C_BODY_BEFORE, C_BODY_AFTER, C_GROUP_MEAN, C_PAGE_SURE, C_COUNT
};
_Static_assert(C_COUNT <= NC_NFEAT, "feature vector too small");

#endif
