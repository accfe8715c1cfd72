/* rules/labels.c - the phrase lists of the detectors over the model:
 * does a short block open with a section label that introduces something
 * other than the article ("Lesen Sie auch:", "TEMAS RELACIONADOS",
 * "Etiquetas:", "Vous aimerez aussi")? Is it only an ad slot's label
 * ("Anzeige"), does it hold a call to action ("Subscribe now to our ...")
 * or a rights notice ("All rights reserved")?
 *
 * The lexicons (rules/lexicon.c) find such words anywhere in a block, which is only
 * safe for headings: "related" or "see also" occur in body sentences. At
 * the very start of a short block the same words are a label, in any
 * language, and the model, which sees the phrase counts but not where they
 * stand, keeps some of them when their neighbours are body
 * (docs/algorithm.md, "lead phrases"). The list is by concept (related
 * stories, read also, most read, tags), the same concepts in each
 * language of the bundled tests, not by site. */
#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "rules/lists.h"
#include "util/util.h"

/* Section labels. Lead to the label related, reason ui_phrase (a short
 * kept block that opens with one; classify/classify.c).
 * Case-folded, NFC. A phrase matches when the block starts with it and the
 * next character is not a letter or digit (so "tags:" needs its colon and
 * "mehr zu" does not match "mehr zufriedene Kunden"). Only labels that
 * rarely open a body line: "read more" and "recommended" do (they open
 * body lines in the gold of the shared sets), so they are not here. */
static const char *const lead_phrases[] = {
    /* related stories / read also */
    "related articles", "related stories", "related posts", "related news",
    "related coverage", "related content", "see also", "read also",
    "you may also like", "you might also like", "more stories", "more news",
    "explore further", "recent posts", "popular posts", "most read",
    "most popular", "previous article", "next article", "previous post", "next post",
    "vorheriger artikel", "nächster artikel", "vorheriger beitrag", "nächster beitrag",
    "article précédent", "article suivant", "artículo anterior", "artículo siguiente",
    "lesen sie auch", "lies auch", "mehr zum thema", "mehr zu", "das könnte sie",
    "das könnte dich", "auch interessant", "weitere artikel", "weitere beiträge",
    "weitere nachrichten", "weitere themen", "ähnliche artikel", "ähnliche beiträge",
    "verwandte artikel", "verwandte beiträge", "beliebte beiträge", "beliebte artikel",
    "populäre artikel", "die meistgelesenen", "meistgelesen", "lust auf mehr",
    "lesen sie hier", "hier lesen sie", "relevantes aus", "interessantes aus",
    "mehr kolumnen", "this entry was posted in", "valora esta noticia",
    "califica esta noticia", "rate this article", "schon gelesen", "escucha esta nota",
    "listen to this article", "artikel anhören", "écouter cet article", "externer inhalt",
    "externe inhalte", "suggested citation", "zitiervorschlag", "cite this article",
    "citation suggérée",
    "lire aussi", "à lire aussi", "a lire aussi", "lire également", "voir aussi",
    "à voir aussi", "vous aimerez aussi", "sur le même sujet", "articles similaires",
    "articles liés", "dans la même rubrique", "les plus lus",
    "lea también", "lee también", "leé también", "ver también", "vea también",
    "le puede interesar", "te puede interesar", "también le puede interesar",
    "también te puede interesar", "temas relacionados", "notas relacionadas",
    "noticias relacionadas", "artículos relacionados", "lo más leído", "más leídas",
    "mira:", "lea:",
    "leggi anche", "potrebbe interessarti", "articoli correlati", "i più letti",
    "leia também", "veja também", "veja mais", "leia mais", "saiba mais",
    "notícias relacionadas", "mais lidas",
    "czytaj też", "czytaj także", "zobacz też", "zobacz także", "zobacz również",
    "przeczytaj też", "przeczytaj także", "dowiedz się więcej", "najczęściej czytane",
    "lees ook", "lees meer", "gerelateerde artikelen", "meest gelezen",
    "читайте также", "смотрите также", "похожие статьи",
    "читайте також", "дивіться також", "ezek is érdekelhetnek",
    "ilgili haberler", "\u0130lgili haberler", "benzer haberler",
    "bunlar da ilginizi çekebilir", "ti potrebbe interessare",
    "اقرأ أيضا", "اقرأ أيضاً", "أخبار ذات صلة", "مواضيع ذات صلة",
    "مطالب مرتبط", "اخبار مرتبط", "بیشتر بخوانید",
    "כתבות נוספות", "עוד בנושא", "קראו עוד",
    "相关新闻", "相關新聞", "相关文章", "相關文章", "相关阅读", "延伸阅读", "延伸閱讀",
    "関連ニュース", "関連記事", "あわせて読みたい",
    "관련 기사", "관련기사", "많이 본 뉴스",
    "ข่าวที่เกี่ยวข้อง", "ข่าวแนะนำ", "อ่านเพิ่มเติม",
    /* tags and categories */
    "tags:", "tagged:", "tagged with", "filed under", "categories:", "category:",
    "schlagwörter", "schlagworte", "stichwörter", "kategorie:", "kategorien:",
    "getaggt mit", "themen:", "étiquettes", "mots-clés", "mots clés",
    "etiquetas:", "temas:", "categorías:", "tag:", "argomenti:", "tagi:",
    "tagi", "kategorie", "trefwoorden"};

enum { PHRASE_MAX_BYTES = 400 }; /* the longest block nc_block_phrases reads */
enum { LEAD_MAX_BYTES = 128 };

static bool ascii_prefix(const char *text, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((uint8_t)text[i] >= 0x80)
            return false;
    return true;
}

/* The indexes, built once: the calls run for every short kept block, and
 * a block's first byte leaves a handful of phrases to compare (none for
 * most). */
static nc_phrase_index lead_index, ad_index, promo_index, rights_index;
static bool letter_byte[256];
static pthread_once_t phrase_once = PTHREAD_ONCE_INIT;
static void phrase_init(void); /* at the end of the file */

bool nc_lead_phrase(const char *text, size_t len)
{
    pthread_once(&phrase_once, phrase_init);
    char folded[LEAD_MAX_BYTES];
    size_t read;
    /* The first character alone decides most blocks. */
    size_t n = nc_fold_prefix(text, len < 4 ? len : 4, folded, sizeof folded, &read);
    if (n == 0)
        return false;
    uint8_t first = (uint8_t)folded[0];
    if (lead_index.start[first] == lead_index.start[first + 1])
        return false;
    n = nc_fold_prefix(text, len, folded, sizeof folded, &read);
    unsigned k = 0;
    for (int p; (p = nc_phrase_next(&lead_index, (const uint8_t *)folded, n, 0, &k)) >= 0;) {
        size_t plen = lead_index.len[p];
        if (plen == n) /* the whole block (phrases are shorter than the buffer) */
            return true;
        /* The next character must not continue a word, unless the label
         * is glued to a link text: "Previous articleTransforming ..."
         * (ASCII phrases fold byte for byte, so text[plen] is the next
         * character as written). */
        if (read >= plen && (uint8_t)text[plen - 1] >= 'a' && (uint8_t)text[plen - 1] <= 'z' &&
            (uint8_t)text[plen] >= 'A' && (uint8_t)text[plen] <= 'Z' && ascii_prefix(text, plen))
            return true;
        size_t i = plen;
        UChar32 c;
        U8_NEXT((const uint8_t *)folded, i, n, c);
        if (c < 0 || !u_isalnum(c))
            return true;
    }
    return false;
}

/* A block that is nothing but an advertising marker ("Advertisement",
 * "Anzeige", "Reklama", "广告"): the label over an ad slot, never in the
 * gold of the shared sets (0 of 650 such lines). Whole blocks only: at the
 * start of a line "Werbung" may open a sentence. Lead to the label UI,
 * reason ui_phrase (a kept block of at most 3 words; classify/classify.c).
 * The names the UI lexicon counts too (rules/lexicon.c) are these: */
static const char *const ad_names[] = {
    "advertisement", "sponsored", "anzeige", "werbung", "publicité", "publicidad",
    "pubblicità", "reklama", "publicidade", "реклама"};
const nc_phrase_list nc_ad_names = NC_LIST(ad_names, 0);
/* and these ad labels the lexicon leaves to the other UI words: */
static const char *const ad_labels[] = {
    "advertisements", "advertising", "sponsored content", "paid content", "paid post",
    "gesponsert", "advertentie", "reklam", "mainos", "annons", "reklame", "реклама.",
    "ρεκλάμα", "διαφήμιση", "إعلان", "פרסומת", "تبلیغات", "广告", "廣告", "広告", "광고",
    "โฆษณา"};

/* folded[0..n) is a whole ad label, its dress (" - Anzeige -",
 * "Advertisement:") aside. */
static bool ad_label(const char *folded, size_t n)
{
    size_t lo = 0;
    while (lo < n && (folded[lo] == ' ' || folded[lo] == '-' || folded[lo] == '*'))
        lo++;
    while (n > lo && (folded[n - 1] == ' ' || folded[n - 1] == ':' || folded[n - 1] == '-' ||
                      folded[n - 1] == '*'))
        n--;
    return nc_phrase_whole(&ad_index, (const uint8_t *)folded + lo, n - lo) >= 0;
}

/* Calls to action in a short block: the site asking for a subscription,
 * a newsletter sign-up, an app install or support ("Subscribe now to our
 * e-edition for the full story", "Sign up to get the best content of the
 * week"). Anywhere in the block, so only phrases a body sentence does not
 * use of something else: "sign up for" and "download the" alone open
 * body sentences of the shared sets' gold (docs/algorithm.md). Lead to the
 * label UI, reason ui_phrase (a kept block of at most 30 words;
 * classify/classify.c). */
static const char *const promo_phrases[] = {
    "subscribe now", "subscribe to our", "sign up for our", "sign up to get",
    "sign up to receive", "our newsletter", "our newsletters", "support our work",
    "supporting our work", "consider supporting", "for the full story", "apps for ios",
    "app for ios", "newsletter abonnieren", "jetzt abonnieren", "unseren newsletter",
    "abonnez-vous", "notre newsletter", "suscríbete", "nuestro boletín",
    "zapisz się", "iscriviti alla", "assine nossa", "assine a nossa", "abone olun",
    "підпишіться на", "подпишитесь на", "abonneer je", "schrijf je in voor",
    "اشترك في", "اشترك الآن", "do subskrypcji", "enter your email",
    "lettres d'information", "ihr beitrag hilft", "kostenlos abonnieren",
    /* affiliate disclosures and the comment-spam widget's note */
    "earn a commission", "eine provision",
    "advertisers do not influence", "uses akismet", "verwendet akismet", "utilise akismet",
    /* shop, login and consent widgets; donation appeals */
    "erfolgreich hinzugefügt", "added to your cart", "nicht eingeloggt", "not logged in",
    "den inhalt von", "aktuelle ausgabe", "help us continue", "spende hilft", "jetzt spenden",
    /* comment prompts, inbox and channel plugs, reader appeals */
    "eure kommentare", "leave a comment", "hinterlasse einen kommentar",
    "laisser un commentaire", "deja un comentario", "deja tu comentario", "submit a letter",
    "to your inbox", "in your inbox", "dans votre boîte", "in dein postfach",
    "in ihr postfach", "our youtube channel", "nuestro canal de youtube",
    "unseren youtube", "gefällt dir unser", "gefällt ihnen unser", "sie lesen gern",
    "du liest gern", "nichts mehr verpassen", "nichts mehr versäumen", "to your basket",
    "in den warenkorb", "wir informieren sie regelmäßig", "abonnierst",
    /* cookie banners */
    "we use cookies", "this website uses cookies", "this site uses cookies",
    "wir verwenden cookies", "wir nutzen cookies", "verwendet cookies", "cookies anfordern",
    "nous utilisons des cookies", "utilise des cookies", "utilizamos cookies",
    "utiliza cookies", "używamy plików cookie", "utilizza cookie", "utilizziamo cookie"};

/* Rights notices that never stand in an article's sentences: "All rights
 * reserved", "Materiał chroniony prawem autorskim", "Bookmark the
 * permalink". Lead to the label legal, reason legal_phrase (a kept block of
 * at most 40 words; classify/classify.c). The legal lexicon
 * (rules/lexicon.c) counts these as well, as a feature: */
static const char *const rights_notices[] = {
    "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
    "todos los derechos reservados", "tutti i diritti riservati",
    "todos os direitos reservados", "alle rechten voorbehouden",
    "wszelkie prawa zastrzeżone", "chroniony prawem autorskim", "все права защищены",
    "n'engagent que leurs auteurs", "bookmark the permalink"};
const nc_phrase_list nc_rights_notices = NC_LIST(rights_notices, 0);
/* and these the lexicon does not know: */
static const char *const more_rights_notices[] = {
    "усі права захищені", "tüm hakları saklıdır", "สงวนลิขสิทธิ์"};

static void phrase_init(void)
{
    const nc_phrase_list lead[] = {NC_LIST(lead_phrases, 0)};
    const nc_phrase_list ad[] = {nc_ad_names, NC_LIST(ad_labels, 0)};
    const nc_phrase_list promo[] = {NC_LIST(promo_phrases, 0)};
    const nc_phrase_list rights[] = {nc_rights_notices, NC_LIST(more_rights_notices, 0)};
    /* They fit (check_lead.c finds a phrase of every list). */
    (void)nc_phrase_index_build(&lead_index, lead, 1);
    (void)nc_phrase_index_build(&ad_index, ad, 2);
    (void)nc_phrase_index_build(&promo_index, promo, 1);
    (void)nc_phrase_index_build(&rights_index, rights, 2);
    /* Words for the calls to action and rights notices: letters (folded,
     * so lower-case ASCII) and any byte of a non-ASCII character. */
    for (unsigned c = 0; c < 256; c++)
        letter_byte[c] = (c >= 'a' && c <= 'z') || c >= 0x80;
}

unsigned nc_block_phrases(const char *text, size_t len)
{
    pthread_once(&phrase_once, phrase_init);
    char folded[PHRASE_MAX_BYTES + 4];
    size_t read;
    if (len == 0 || len > PHRASE_MAX_BYTES)
        return 0;
    size_t n = nc_fold_prefix(text, len, folded, sizeof folded, &read);
    const uint8_t *f = (const uint8_t *)folded;
    unsigned found = 0;
    /* Only a short block of valid UTF-8 is a whole ad label. */
    if (len <= 64 && read == len && ad_label(folded, n))
        found |= NC_PHRASE_AD;
    /* As words: "our newsletter" is not "your newsletters". */
    if (nc_phrase_scan(&promo_index, f, n, letter_byte, true, NULL))
        found |= NC_PHRASE_PROMO;
    if (nc_phrase_scan(&rights_index, f, n, letter_byte, true, NULL))
        found |= NC_PHRASE_LEGAL;
    return found;
}
