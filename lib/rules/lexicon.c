/* rules/lexicon.c - the lexicons: words of page furniture (share buttons,
 * cookie prompts, photo credits, bylines, legal notices), in the languages
 * news is written in, never site names. A phrase counts only at word
 * boundaries, and only in a block's first and last bytes, where UI text
 * sits, so a body paragraph that mentions "share" costs nothing. The
 * features stage counts the hits (features/signals.c, the model weighs
 * them); classify names a dropped block's label by them. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules/lists.h"

/* Each list below is one lexicon's, in the order of the languages news is
 * written in here (English, German, French, Spanish, Italian, Polish,
 * Portuguese, Dutch, Russian, then the rest). Folded (rules/fold.c). */

/* UI: buttons, prompts, widgets. Lead to NC_LEX_UI (feature ui_phrase;
 * a dropped block's label UI, reason ui_phrase). The names of advertising
 * are UI too: rules/labels.c's nc_ad_names, indexed with these. */
static const char *const ui_words[] = {
    "subscribe", "sign up", "sign in", "log in", "login", "log out", "register",
    "share", "tweet", "follow us", "newsletter", "cookie", "cookies", "accept",
    "read more", "continue reading", "loading", "loader", "skip to", "menu",
    "close", "search", "print", "email", "e-mail", "back to top", "click here",
    "download the app", "newsfeed", "chats", "facebook", "twitter", "whatsapp",
    "linkedin", "pinterest", "copy link", "home", "toggle",
    "teilen", "anmelden", "abonnieren", "weiterlesen", "zum artikel", "startseite",
    "suche", "drucken", "merken",
    "partager", "lire la suite", "abonnez-vous", "se connecter",
    "compartir", "leer más", "suscríbete", "iniciar sesión",
    "condividi", "iscriviti",
    "udostępnij", "czytaj więcej", "zaloguj",
    "compartilhar", "leia mais", "assine",
    "delen", "lees meer", "inloggen",
    "подписаться", "поделиться", "войти", "подробнее"};

/* Comments. Lead to NC_LEX_COMMENT (feature ui_phrase; label comment). */
static const char *const comment_words[] = {
    "comments", "comment", "reply", "leave a reply", "to participate in the discussion",
    "discussion", "kommentare", "kommentar", "commentaires", "comentarios", "commenti",
    "komentarze", "reacties", "комментарии"};

/* Related stories. Lead to NC_LEX_RELATED (feature ui_phrase; label
 * related, also for a kept heading). "leggi anche" stands twice: it counts
 * twice in the feature the model was trained on. */
static const char *const related_words[] = {
    "related", "more from", "you may also like", "recommended", "trending", "most read",
    "most popular", "read also", "see also", "next article", "previous article",
    "read more:", "related:", "more:", "watch:",
    "mehr zum thema", "lesen sie auch", "das könnte sie", "auch interessant",
    "weitere artikel",
    "lire aussi", "à lire aussi", "lire également", "voir aussi",
    "te puede interesar", "lea también", "lea más", "lea:", "lee también", "ver también",
    "leggi anche", "leggi anche",
    "zobacz także", "czytaj też", "czytaj także", "zobacz też",
    "leia também",
    "читайте также"};

/* Legal notices and links. Lead to NC_LEX_LEGAL (feature legal; label
 * legal). The rights notices are rules/labels.c's nc_rights_notices,
 * indexed with these; these alone are features only (articles talk about
 * privacy policies). */
static const char *const legal_words[] = {
    "©", "copyright", "terms of use", "terms of service", "privacy policy",
    "cookie policy", "terms and conditions", "impressum", "datenschutz",
    "mentions légales"};

/* Photo credits: marks, agencies, stock libraries. Lead to NC_LEX_CREDIT
 * (feature credit; label credit). */
static const char *const credit_words[] = {
    "photo:", "photo by", "photos:", "foto:", "fotos:", "image:", "image credit",
    "credit:", "picture:", "bild:", "quelle:", "source:", "getty images", "shutterstock",
    "istock", "pixabay", "cc0", "cc by", "via getty", "imago", "/ dpa", "/ afp",
    "/ reuters", "ap photo", "фото:", "© photo", "photo ©", "© foto", "foto ©",
    /* the same marks in the other languages of the bundled tests: "(Foto
     * Ansa)", "Fotoğraf: AA", "(تصوير: ...)", "عکس: ایرنا", "צילום: ..." */
    "(foto", "fotoğraf:", "fot.", "zdjęcie:", "crédit photo", "crédits photo",
    "світлина:", "φωτογραφία:", "تصوير:", "عکس:", "צילום:", "摄影：", "图片来源",
    "写真：", "撮影：", "사진=", "사진:", "ภาพ:", "＝共同", "＝ロイター", "＝時事",
    "（共同）", "新华社记者", "图／", "圖／",
    /* French puts a space before the colon; German names the picture */
    "photo :", "crédit :", "crédits :", "beitragsbild", "titelbild", "bildquelle",
    "bildnachweis", "fotoquelle", "pixelio", "adobe stock", "fotolia", "depositphotos",
    "dreamstime", "alamy", "123rf", "bild via", "(reuters/", "(efe/", "(afp/", "(ap/"};

/* Caption words. Lead to NC_LEX_CAPTION (feature caption_words; label
 * caption). */
static const char *const caption_words[] = {
    "pictured", "(left)", "(right)", "(center)", "left:", "right:", "from left",
    "file photo", "in this photo", "photo illustration",
    "abgebildet", "links:", "rechts:", "archivbild", "symbolbild", "vergrößern"};

/* Bylines and article metadata. Lead to NC_LEX_BYLINE (feature byline). */
static const char *const byline_words[] = {
    "by", "written by", "posted by", "posted on", "published", "updated", "min read",
    "minute read", "reading time", "author", "tags:", "filed under",
    "von", "veröffentlicht", "aktualisiert", "lesezeit",
    "par", "publié le", "por", "publicado", "autor"};

/* Every lexicon in one index, built once: one scan finds them all. */
static nc_phrase_index lexicon;
static bool word_byte[256];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
    nc_phrase_list lists[] = {
        NC_LIST(ui_words, NC_LEX_UI), nc_ad_names,
        NC_LIST(comment_words, NC_LEX_COMMENT), NC_LIST(related_words, NC_LEX_RELATED),
        NC_LIST(legal_words, NC_LEX_LEGAL), nc_rights_notices,
        NC_LIST(credit_words, NC_LEX_CREDIT), NC_LIST(caption_words, NC_LEX_CAPTION),
        NC_LIST(byline_words, NC_LEX_BYLINE)};
    lists[1].tag = NC_LEX_UI;
    lists[5].tag = NC_LEX_LEGAL;
    /* The lists fit (a test builds every index and checks). */
    (void)nc_phrase_index_build(&lexicon, lists, sizeof lists / sizeof *lists);
    /* Words: ASCII letters and digits, and any byte of a non-ASCII
     * character. */
    for (unsigned c = 0; c < 256; c++)
        word_byte[c] = ((c | 32) - 'a') < 26u || (c - '0') < 10u || c >= 0x80;
}

static void scan_window(const char *w, size_t len, unsigned hits[NC_LEX_COUNT])
{
    nc_phrase_scan(&lexicon, (const uint8_t *)w, len, word_byte, false, hits);
}

void nc_lexicon_scan(const char *text, size_t len, unsigned hits[NC_LEX_COUNT])
{
    pthread_once(&index_once, build_index);
    memset(hits, 0, NC_LEX_COUNT * sizeof *hits);
    char buf[512];
    enum { EDGE = 96 };
    if (len <= 2 * EDGE) {
        scan_window(buf, nc_fold_lossy(text, len, buf, sizeof buf), hits);
        return;
    }
    scan_window(buf, nc_fold_lossy(text, EDGE, buf, sizeof buf), hits);
    size_t from = len - EDGE;
    while (from < len && ((uint8_t)text[from] & 0xC0) == 0x80)
        from++;
    scan_window(buf, nc_fold_lossy(text + from, len - from, buf, sizeof buf), hits);
}

unsigned nc_lexicon_mask(const char *text, size_t len)
{
    unsigned hits[NC_LEX_COUNT], bits = 0;
    nc_lexicon_scan(text, len, hits);
    for (int k = 0; k < NC_LEX_COUNT; k++)
        bits |= hits[k] ? NC_LEX_BIT(k) : 0;
    return bits;
}
