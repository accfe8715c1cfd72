/* rules/markup.c - the words of class, id and itemprop values that say
 * what a region of a page is ("nav", "comments", "related", "ad"): the
 * HTML stage (blocks/html/hints.c) marks every block inside with the hint
 * a word leads to (NC_HINT_*, features in_* and hint_*, and the labels
 * navigation, comment, related, caption ... through them), and with
 * Readability's class weights (NC_MARKUP_*). */
#include <pthread.h>
#include <string.h>

#include "internal.h"
#include "rules/rules.h"

/* Token table: a token matches a word when equal to it, or, for prefix
 * words, when it starts with it ("comments", "navbar"). Within one first
 * letter the first match wins, so exceptions come before their prefixes
 * ("contentinfo" is a footer, not content). "ad" and "ads" are whole
 * tokens only: "header", "read" and "address" must not match. */
enum {
    EXACT = 0, PREFIX = 1, JOINED = 2, /* exact, and followed by - or _ */
    UNL = 4, /* also one of Readability's unlikely-candidate words */
    POS = 8, /* Readability's positive class words beyond NC_HINT_CONTENT */
    NEG = 16 /* its negative class words beyond the boilerplate hints */
};

typedef struct hint_word {
    const char *word;
    uint8_t mode;
    uint32_t bits;
} hint_word;

static const hint_word words[] = {
    {"ad", EXACT | UNL, NC_HINT_AD},
    {"ads", EXACT | UNL, NC_HINT_AD},
    {"adv", EXACT | UNL, NC_HINT_AD},
    {"adsbygoogle", EXACT | UNL, NC_HINT_AD},
    {"adsense", PREFIX | UNL, NC_HINT_AD},
    {"adslot", PREFIX | UNL, NC_HINT_AD},
    {"adunit", PREFIX | UNL, NC_HINT_AD},
    {"advert", PREFIX | UNL, NC_HINT_AD},
    {"addthis", PREFIX, NC_HINT_SHARE},
    {"article", PREFIX, NC_HINT_CONTENT},
    {"author", PREFIX, NC_HINT_BYLINE},
    {"aside", EXACT, NC_HINT_SIDEBAR},
    {"breadcrumb", PREFIX | UNL, NC_HINT_BREADCRUMB},
    {"byline", PREFIX, NC_HINT_BYLINE},
    {"body", EXACT, NC_HINT_CONTENT},
    {"contentinfo", EXACT | UNL, NC_HINT_FOOTER},
    {"content", PREFIX, NC_HINT_CONTENT},
    {"comment", PREFIX | UNL, NC_HINT_COMMENT},
    {"complementary", EXACT, NC_HINT_SIDEBAR},
    {"caption", PREFIX, NC_HINT_CAPTION},
    {"credit", PREFIX, NC_HINT_CREDIT},
    {"copyright", PREFIX, NC_HINT_CREDIT},
    {"cookie", PREFIX, NC_HINT_COOKIE},
    {"consent", PREFIX, NC_HINT_COOKIE},
    {"categor", PREFIX, NC_HINT_META},
    {"crumb", PREFIX | UNL, NC_HINT_BREADCRUMB},
    {"disqus", PREFIX | UNL, NC_HINT_COMMENT},
    {"discuss", PREFIX, NC_HINT_COMMENT},
    {"date", PREFIX, NC_HINT_META},
    {"entry", PREFIX, NC_HINT_CONTENT},
    {"footer", PREFIX | UNL, NC_HINT_FOOTER},
    {"foot", EXACT | UNL, NC_HINT_FOOTER},
    {"figcaption", EXACT, NC_HINT_CAPTION},
    {"gdpr", PREFIX | UNL, NC_HINT_COOKIE},
    {"hidden", EXACT, NC_HINT_HIDDEN},
    {"hide", EXACT, NC_HINT_HIDDEN},
    {"headline", PREFIX, NC_HINT_TITLE},
    {"invisible", EXACT, NC_HINT_HIDDEN},
    {"menu", PREFIX | UNL, NC_HINT_NAV},
    {"meta", PREFIX, NC_HINT_META},
    {"more", JOINED, NC_HINT_RELATED},
    {"nav", PREFIX, NC_HINT_NAV},
    {"newsletter", PREFIX, NC_HINT_NEWSLETTER},
    {"offscreen", EXACT, NC_HINT_HIDDEN},
    {"onetrust", PREFIX, NC_HINT_COOKIE},
    {"outbrain", PREFIX, NC_HINT_RELATED},
    {"promo", PREFIX, NC_HINT_PROMO},
    {"pagination", PREFIX | UNL, NC_HINT_NAV},
    {"pager", EXACT | UNL, NC_HINT_NAV},
    {"paywall", PREFIX, NC_HINT_PROMO},
    {"popular", PREFIX, NC_HINT_RELATED},
    {"published", PREFIX, NC_HINT_META},
    {"related", PREFIX | UNL, NC_HINT_RELATED},
    {"recommend", PREFIX, NC_HINT_RELATED},
    {"reply", PREFIX, NC_HINT_COMMENT},
    {"replies", EXACT | UNL, NC_HINT_COMMENT},
    {"respond", EXACT, NC_HINT_COMMENT},
    {"share", PREFIX, NC_HINT_SHARE},
    {"sharing", PREFIX, NC_HINT_SHARE},
    {"social", PREFIX | UNL, NC_HINT_SHARE},
    {"sponsor", PREFIX | UNL, NC_HINT_AD},
    {"subscri", PREFIX, NC_HINT_NEWSLETTER},
    {"signup", PREFIX, NC_HINT_NEWSLETTER},
    {"sidebar", PREFIX | UNL, NC_HINT_SIDEBAR},
    {"story", PREFIX, NC_HINT_CONTENT},
    {"sr", EXACT, NC_HINT_HIDDEN},
    {"skip", EXACT, NC_HINT_NAV},
    {"teaser", PREFIX, NC_HINT_PROMO},
    {"taboola", PREFIX, NC_HINT_PROMO},
    {"title", PREFIX, NC_HINT_TITLE},
    {"timestamp", PREFIX, NC_HINT_META},
    {"time", EXACT, NC_HINT_META},
    {"tags", EXACT, NC_HINT_META},
    {"tag", EXACT, NC_HINT_META},
    {"trending", PREFIX, NC_HINT_RELATED},
    {"visuallyhidden", EXACT, NC_HINT_HIDDEN},
    {"widget", PREFIX, NC_HINT_SIDEBAR},
    /* Readability's other unlikely words: no hint, only the flag. */
    {"agegate", PREFIX | UNL, 0},
    {"banner", PREFIX | UNL, 0},
    {"community", PREFIX | UNL, 0},
    {"extra", PREFIX | UNL, 0},
    {"header", PREFIX | UNL, 0},
    {"popup", PREFIX | UNL, 0},
    {"remark", PREFIX | UNL, 0},
    {"rss", EXACT | UNL, 0},
    {"shoutbox", PREFIX | UNL, 0},
    {"skyscraper", PREFIX | UNL, 0},
    {"supplemental", PREFIX | UNL, 0},
    /* Readability's class weight words that are no region hint. */
    {"main", EXACT | POS, 0},
    {"page", EXACT | POS, 0},
    {"post", EXACT | POS, 0},
    {"text", EXACT | POS, 0},
    {"blog", PREFIX | POS, 0},
    {"hentry", EXACT | POS, 0},
    {"contact", PREFIX | NEG, 0},
    {"footnote", PREFIX | NEG, 0},
    {"masthead", PREFIX | NEG, 0},
    {"media", PREFIX | NEG, 0},
    {"scroll", PREFIX | NEG, 0},
    {"shopping", PREFIX | NEG, 0},
};

/* The words by first letter (table order kept within a letter, so
 * exceptions still come first), built once. */
static nc_phrase_index word_index;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
    const nc_phrase_list list[] = {NC_LIST(words, 0)};
    /* It fits (check_html.c finds words of every kind). */
    (void)nc_phrase_index_build(&word_index, list, 1);
}

uint32_t nc_markup_token(const char *tok, size_t len, char next)
{
    pthread_once(&index_once, build_index);
    if (tok[0] < 'a' || tok[0] > 'z')
        return 0;
    unsigned k = 0;
    for (int p; (p = nc_phrase_next(&word_index, (const uint8_t *)tok, len, 0, &k)) >= 0;) {
        const hint_word *w = &words[word_index.item[p]];
        uint32_t bits = w->bits | (w->mode & UNL ? NC_MARKUP_UNLIKELY : 0) |
                        (w->mode & POS ? NC_MARKUP_POSITIVE : 0) |
                        (w->mode & NEG ? NC_MARKUP_NEGATIVE : 0);
        int mode = w->mode & (PREFIX | JOINED);
        if (len == word_index.len[p]) {
            if (mode != JOINED || next == '-' || next == '_')
                return bits;
        } else if (mode == PREFIX) {
            return bits;
        }
    }
    return 0;
}
