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

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "rules/rules.h"

typedef struct phrase {
    const char *text;
    nc_lexicon lex;
} phrase;

static const phrase phrases[] = {
    /* UI: buttons, prompts, widgets. */
    {"subscribe", NC_LEX_UI}, {"sign up", NC_LEX_UI}, {"sign in", NC_LEX_UI},
    {"log in", NC_LEX_UI}, {"login", NC_LEX_UI}, {"log out", NC_LEX_UI},
    {"register", NC_LEX_UI}, {"share", NC_LEX_UI}, {"tweet", NC_LEX_UI},
    {"follow us", NC_LEX_UI}, {"newsletter", NC_LEX_UI}, {"cookie", NC_LEX_UI},
    {"cookies", NC_LEX_UI}, {"accept", NC_LEX_UI}, {"read more", NC_LEX_UI},
    {"continue reading", NC_LEX_UI}, {"advertisement", NC_LEX_UI},
    {"loading", NC_LEX_UI}, {"loader", NC_LEX_UI}, {"skip to", NC_LEX_UI},
    {"menu", NC_LEX_UI}, {"close", NC_LEX_UI}, {"search", NC_LEX_UI}, {"print", NC_LEX_UI},
    {"email", NC_LEX_UI}, {"e-mail", NC_LEX_UI}, {"back to top", NC_LEX_UI},
    {"click here", NC_LEX_UI}, {"download the app", NC_LEX_UI},
    {"newsfeed", NC_LEX_UI}, {"chats", NC_LEX_UI}, {"facebook", NC_LEX_UI},
    {"twitter", NC_LEX_UI}, {"whatsapp", NC_LEX_UI}, {"linkedin", NC_LEX_UI},
    {"pinterest", NC_LEX_UI}, {"copy link", NC_LEX_UI}, {"home", NC_LEX_UI},
{"toggle", NC_LEX_UI}, {"sponsored", NC_LEX_UI},
    {"teilen", NC_LEX_UI}, {"anmelden", NC_LEX_UI}, {"abonnieren", NC_LEX_UI},
    {"weiterlesen", NC_LEX_UI}, {"werbung", NC_LEX_UI}, {"anzeige", NC_LEX_UI},
    {"zum artikel", NC_LEX_UI}, {"startseite", NC_LEX_UI}, {"suche", NC_LEX_UI},
    {"drucken", NC_LEX_UI}, {"merken", NC_LEX_UI}, {"partager", NC_LEX_UI},
    {"lire la suite", NC_LEX_UI}, {"abonnez-vous", NC_LEX_UI},
    {"se connecter", NC_LEX_UI}, {"publicité", NC_LEX_UI},
    {"compartir", NC_LEX_UI}, {"leer más", NC_LEX_UI},
    {"suscríbete", NC_LEX_UI}, {"iniciar sesión", NC_LEX_UI},
    {"publicidad", NC_LEX_UI}, {"condividi", NC_LEX_UI},
    {"iscriviti", NC_LEX_UI}, {"pubblicità", NC_LEX_UI},
    {"udostępnij", NC_LEX_UI}, {"czytaj więcej", NC_LEX_UI},
    {"reklama", NC_LEX_UI}, {"zaloguj", NC_LEX_UI}, {"compartilhar", NC_LEX_UI},
    {"leia mais", NC_LEX_UI}, {"assine", NC_LEX_UI}, {"publicidade", NC_LEX_UI},
    {"delen", NC_LEX_UI}, {"lees meer", NC_LEX_UI}, {"inloggen", NC_LEX_UI},
    {"подписаться", NC_LEX_UI}, {"поделиться", NC_LEX_UI},
    {"реклама", NC_LEX_UI}, {"войти", NC_LEX_UI}, {"подробнее", NC_LEX_UI},
    /* Comments. */
    {"comments", NC_LEX_COMMENT}, {"comment", NC_LEX_COMMENT},
    {"reply", NC_LEX_COMMENT}, {"leave a reply", NC_LEX_COMMENT},
    {"to participate in the discussion", NC_LEX_COMMENT},
    {"discussion", NC_LEX_COMMENT}, {"kommentare", NC_LEX_COMMENT},
    {"kommentar", NC_LEX_COMMENT}, {"commentaires", NC_LEX_COMMENT},
    {"comentarios", NC_LEX_COMMENT}, {"commenti", NC_LEX_COMMENT},
    {"komentarze", NC_LEX_COMMENT}, {"reacties", NC_LEX_COMMENT},
    {"комментарии", NC_LEX_COMMENT},
    /* Related stories. */
    {"related", NC_LEX_RELATED}, {"more from", NC_LEX_RELATED},
    {"you may also like", NC_LEX_RELATED}, {"recommended", NC_LEX_RELATED},
    {"trending", NC_LEX_RELATED}, {"most read", NC_LEX_RELATED},
    {"most popular", NC_LEX_RELATED}, {"read also", NC_LEX_RELATED},
    {"see also", NC_LEX_RELATED}, {"next article", NC_LEX_RELATED},
    {"previous article", NC_LEX_RELATED}, {"mehr zum thema", NC_LEX_RELATED},
    {"lesen sie auch", NC_LEX_RELATED}, {"das könnte sie", NC_LEX_RELATED},
    {"lire aussi", NC_LEX_RELATED}, {"à lire aussi", NC_LEX_RELATED},
    {"te puede interesar", NC_LEX_RELATED}, {"leggi anche", NC_LEX_RELATED},
    {"zobacz także", NC_LEX_RELATED}, {"leia também", NC_LEX_RELATED},
    {"читайте также", NC_LEX_RELATED}, {"lea también", NC_LEX_RELATED},
    {"lea más", NC_LEX_RELATED}, {"lea:", NC_LEX_RELATED},
    {"lee también", NC_LEX_RELATED}, {"ver también", NC_LEX_RELATED},
    {"czytaj też", NC_LEX_RELATED}, {"czytaj także", NC_LEX_RELATED},
    {"zobacz też", NC_LEX_RELATED}, {"auch interessant", NC_LEX_RELATED},
    {"weitere artikel", NC_LEX_RELATED}, {"lire également", NC_LEX_RELATED},
    {"voir aussi", NC_LEX_RELATED}, {"leggi anche", NC_LEX_RELATED},
    {"read more:", NC_LEX_RELATED}, {"related:", NC_LEX_RELATED},
    {"more:", NC_LEX_RELATED}, {"watch:", NC_LEX_RELATED},
    /* Legal. */
    {"©", NC_LEX_LEGAL}, {"copyright", NC_LEX_LEGAL},
    {"all rights reserved", NC_LEX_LEGAL}, {"terms of use", NC_LEX_LEGAL},
    {"terms of service", NC_LEX_LEGAL}, {"privacy policy", NC_LEX_LEGAL},
    {"cookie policy", NC_LEX_LEGAL}, {"terms and conditions", NC_LEX_LEGAL},
    {"alle rechte vorbehalten", NC_LEX_LEGAL}, {"impressum", NC_LEX_LEGAL},
    {"datenschutz", NC_LEX_LEGAL}, {"tous droits réservés", NC_LEX_LEGAL},
    {"mentions légales", NC_LEX_LEGAL},
    {"todos los derechos reservados", NC_LEX_LEGAL},
    {"все права защищены", NC_LEX_LEGAL},
    {"wszelkie prawa zastrzeżone", NC_LEX_LEGAL}, {"chroniony prawem autorskim", NC_LEX_LEGAL},
    {"tutti i diritti riservati", NC_LEX_LEGAL}, {"todos os direitos reservados", NC_LEX_LEGAL},
    {"alle rechten voorbehouden", NC_LEX_LEGAL}, {"n'engagent que leurs auteurs", NC_LEX_LEGAL},
    {"bookmark the permalink", NC_LEX_LEGAL},
    /* Photo credits. */
    {"photo:", NC_LEX_CREDIT}, {"photo by", NC_LEX_CREDIT},
    {"photos:", NC_LEX_CREDIT}, {"foto:", NC_LEX_CREDIT},
    {"fotos:", NC_LEX_CREDIT}, {"image:", NC_LEX_CREDIT},
    {"image credit", NC_LEX_CREDIT}, {"credit:", NC_LEX_CREDIT},
    {"picture:", NC_LEX_CREDIT}, {"bild:", NC_LEX_CREDIT},
    {"quelle:", NC_LEX_CREDIT}, {"source:", NC_LEX_CREDIT},
    {"getty images", NC_LEX_CREDIT}, {"shutterstock", NC_LEX_CREDIT},
    {"istock", NC_LEX_CREDIT}, {"pixabay", NC_LEX_CREDIT},
    {"cc0", NC_LEX_CREDIT}, {"cc by", NC_LEX_CREDIT},
    {"via getty", NC_LEX_CREDIT}, {"imago", NC_LEX_CREDIT},
    {"/ dpa", NC_LEX_CREDIT}, {"/ afp", NC_LEX_CREDIT},
    {"/ reuters", NC_LEX_CREDIT}, {"ap photo", NC_LEX_CREDIT},
    {"фото:", NC_LEX_CREDIT}, {"© photo", NC_LEX_CREDIT},
    {"photo ©", NC_LEX_CREDIT}, {"© foto", NC_LEX_CREDIT}, {"foto ©", NC_LEX_CREDIT},
    /* the same marks in the other languages of the bundled tests: "(Foto
     * Ansa)", "Fotoğraf: AA", "(تصوير: ...)", "عکس: ایرنا", "צילום: ..." */
    {"(foto", NC_LEX_CREDIT}, {"fotoğraf:", NC_LEX_CREDIT},
    {"fot.", NC_LEX_CREDIT}, {"zdjęcie:", NC_LEX_CREDIT}, {"crédit photo", NC_LEX_CREDIT},
    {"crédits photo", NC_LEX_CREDIT}, {"світлина:", NC_LEX_CREDIT},
    {"φωτογραφία:", NC_LEX_CREDIT}, {"تصوير:", NC_LEX_CREDIT}, {"عکس:", NC_LEX_CREDIT},
    {"צילום:", NC_LEX_CREDIT}, {"摄影：", NC_LEX_CREDIT}, {"图片来源", NC_LEX_CREDIT},
    {"写真：", NC_LEX_CREDIT}, {"撮影：", NC_LEX_CREDIT}, {"사진=", NC_LEX_CREDIT},
    {"사진:", NC_LEX_CREDIT}, {"ภาพ:", NC_LEX_CREDIT}, {"＝共同", NC_LEX_CREDIT},
    {"＝ロイター", NC_LEX_CREDIT}, {"＝時事", NC_LEX_CREDIT}, {"（共同）", NC_LEX_CREDIT},
    {"新华社记者", NC_LEX_CREDIT}, {"图／", NC_LEX_CREDIT}, {"圖／", NC_LEX_CREDIT},
    /* French puts a space before the colon; German names the picture */
    {"photo :", NC_LEX_CREDIT}, {"crédit :", NC_LEX_CREDIT}, {"crédits :", NC_LEX_CREDIT},
    {"beitragsbild", NC_LEX_CREDIT}, {"titelbild", NC_LEX_CREDIT},
    {"bildquelle", NC_LEX_CREDIT}, {"bildnachweis", NC_LEX_CREDIT},
    {"fotoquelle", NC_LEX_CREDIT}, {"pixelio", NC_LEX_CREDIT}, {"adobe stock", NC_LEX_CREDIT},
    {"fotolia", NC_LEX_CREDIT}, {"depositphotos", NC_LEX_CREDIT},
    {"dreamstime", NC_LEX_CREDIT}, {"alamy", NC_LEX_CREDIT}, {"123rf", NC_LEX_CREDIT},
    {"bild via", NC_LEX_CREDIT}, {"(reuters/", NC_LEX_CREDIT}, {"(efe/", NC_LEX_CREDIT},
    {"(afp/", NC_LEX_CREDIT}, {"(ap/", NC_LEX_CREDIT},
    /* Caption words. */
    {"pictured", NC_LEX_CAPTION}, {"(left)", NC_LEX_CAPTION},
    {"(right)", NC_LEX_CAPTION}, {"(center)", NC_LEX_CAPTION},
    {"left:", NC_LEX_CAPTION}, {"right:", NC_LEX_CAPTION},
    {"from left", NC_LEX_CAPTION}, {"file photo", NC_LEX_CAPTION},
    {"in this photo", NC_LEX_CAPTION}, {"photo illustration", NC_LEX_CAPTION},
    {"abgebildet", NC_LEX_CAPTION}, {"links:", NC_LEX_CAPTION},
    {"rechts:", NC_LEX_CAPTION}, {"archivbild", NC_LEX_CAPTION},
    {"symbolbild", NC_LEX_CAPTION}, {"vergrößern", NC_LEX_CAPTION},
    /* Bylines and article metadata. */
    {"by", NC_LEX_BYLINE}, {"written by", NC_LEX_BYLINE},
    {"posted by", NC_LEX_BYLINE}, {"posted on", NC_LEX_BYLINE},
    {"published", NC_LEX_BYLINE}, {"updated", NC_LEX_BYLINE},
    {"min read", NC_LEX_BYLINE}, {"minute read", NC_LEX_BYLINE},
    {"reading time", NC_LEX_BYLINE}, {"author", NC_LEX_BYLINE},
    {"von", NC_LEX_BYLINE}, {"veröffentlicht", NC_LEX_BYLINE},
    {"aktualisiert", NC_LEX_BYLINE}, {"lesezeit", NC_LEX_BYLINE},
    {"par", NC_LEX_BYLINE}, {"publié le", NC_LEX_BYLINE},
    {"por", NC_LEX_BYLINE}, {"publicado", NC_LEX_BYLINE},
    {"autor", NC_LEX_BYLINE}, {"tags:", NC_LEX_BYLINE},
    {"filed under", NC_LEX_BYLINE},
};
enum { NPHRASES = sizeof phrases / sizeof *phrases };

/* Phrases bucketed by first byte, built once, with a bitmap of the byte
 * pairs that start a phrase: at most word starts no phrase begins with the
 * two bytes there, and one bit test rules them out. */
static uint16_t bucket_start[257];
static uint16_t bucket_order[NPHRASES];
static uint8_t phrase_len[NPHRASES];
static uint8_t pair_starts[256 * 256 / 8];
static bool word_byte_table[256];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static bool word_byte(uint8_t c)
{
    return (unsigned)((c | 32) - 'a') < 26u || (unsigned)(c - '0') < 10u || c >= 0x80;
}

static void mark_pair(unsigned first, unsigned second)
{
    unsigned bit = first * 256 + second;
    pair_starts[bit / 8] |= (uint8_t)(1u << (bit % 8));
}

static bool pair_starts_phrase(unsigned first, unsigned second)
{
    unsigned bit = first * 256 + second;
    return pair_starts[bit / 8] & (1u << (bit % 8));
}

/* A phrase's second byte (0 for a one-byte phrase). */
static unsigned second_byte(size_t p)
{
    return (uint8_t)phrases[p].text[0] ? (uint8_t)phrases[p].text[1] : 0;
}

static void build_index(void)
{
    uint16_t counts[256] = {0};
    for (size_t i = 0; i < NPHRASES; i++) {
        const uint8_t *t = (const uint8_t *)phrases[i].text;
        counts[t[0]]++;
        phrase_len[i] = (uint8_t)strlen(phrases[i].text);
        if (phrase_len[i] >= 2) {
            mark_pair(t[0], t[1]);
        } else { /* a one-byte phrase: whatever follows */
            for (unsigned c = 0; c < 256; c++)
                mark_pair(t[0], c);
        }
    }
    uint16_t pos = 0;
    for (int c = 0; c < 256; c++) {
        bucket_start[c] = pos;
        pos = (uint16_t)(pos + counts[c]);
        word_byte_table[c] = word_byte((uint8_t)c);
    }
    bucket_start[256] = pos;
    uint16_t fill[256];
    memcpy(fill, bucket_start, sizeof fill);
    for (size_t i = 0; i < NPHRASES; i++)
        bucket_order[fill[(uint8_t)phrases[i].text[0]]++] = (uint16_t)i;
    /* Within a bucket, by second byte (stable: an insertion sort), so a
     * scan stops past the pair it looks for. */
    for (int c = 0; c < 256; c++)
        for (unsigned k = bucket_start[c] + 1u; k < bucket_start[c + 1]; k++)
            for (unsigned j = k; j > bucket_start[c] &&
                                 second_byte(bucket_order[j - 1]) > second_byte(bucket_order[j]);
                 j--) {
                uint16_t t = bucket_order[j];
                bucket_order[j] = bucket_order[j - 1];
                bucket_order[j - 1] = t;
            }
}

/* Lower-cases s[0..len) into out (cap bytes); returns the bytes written.
 * Runs of ASCII go eight bytes at a time (the same bytes as one by one). */
size_t nc_lower_utf8(const char *s, size_t len, char *out, size_t cap)
{
    const uint8_t *u = (const uint8_t *)s;
    int32_t i = 0, n = (int32_t)len;
    size_t o = 0;
    while (i < n && o + 4 < cap) {
        if (u[i] < 0x80) {
            if (i + 8 <= n && o + 4 + 8 < cap) {
                uint64_t w;
                memcpy(&w, u + i, 8);
                if (!(w & 0x8080808080808080ull)) {
                    /* High bit of each byte: >= 'A', then > 'Z'. */
                    uint64_t ge_a = w + 0x3F3F3F3F3F3F3F3Full;
                    uint64_t gt_z = w + 0x2525252525252525ull;
                    w |= ((ge_a & ~gt_z) & 0x8080808080808080ull) >> 2;
                    memcpy(out + o, &w, 8);
                    i += 8;
                    o += 8;
                    continue;
                }
            }
            char c = (char)u[i++];
            out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
            continue;
        }
        UChar32 c;
        U8_NEXT(u, i, n, c);
        if (c < 0)
            c = 0xFFFD;
        c = u_tolower(c);
        UBool err = false;
        int32_t oo = (int32_t)o;
        U8_APPEND((uint8_t *)out, oo, (int32_t)cap, c, err);
        if (err)
            break;
        o = (size_t)oo;
    }
    return o;
}

/* A character of a script written without spaces starts at u[i]: Han,
 * kana, Hangul and full-width forms (U+3000..U+FFFF, lead bytes E3..EF),
 * Thai (U+0E00..U+0E7F). Phrases in those scripts ("摄影：") match inside
 * a run of text, where no word boundary is written. */
static bool nospace_lead(const uint8_t *u, size_t i, size_t len)
{
    return (u[i] >= 0xE3 && u[i] <= 0xEF) ||
           (u[i] == 0xE0 && i + 1 < len && (u[i + 1] == 0xB8 || u[i + 1] == 0xB9));
}

static void scan_window(const char *w, size_t len, unsigned hits[NC_LEX_COUNT])
{
    const uint8_t *u = (const uint8_t *)w;
    bool prev_word = false;
    for (size_t i = 0; i < len; i++) {
        bool word = word_byte_table[u[i]];
        bool inside = prev_word && word;
        prev_word = word;
        bool nospace = inside && nospace_lead(u, i, len);
        if (inside && !nospace)
            continue; /* phrases start at word starts */
        unsigned next = i + 1 < len ? u[i + 1] : 0;
        if (!pair_starts_phrase(u[i], next))
            continue;
        for (uint16_t k = bucket_start[u[i]]; k < bucket_start[u[i] + 1]; k++) {
            size_t p = bucket_order[k], pl = phrase_len[p];
            if (pl >= 2 && second_byte(p) != next) {
                if (second_byte(p) > next)
                    break; /* sorted: no later phrase has it */
                continue;
            }
            if (pl > len - i || memcmp(w + i, phrases[p].text, pl) != 0)
                continue;
            if (!nospace_lead(u, i, len) && i + pl < len && word_byte(u[i + pl - 1]) &&
                word_byte(u[i + pl]))
                continue; /* and end at word ends */
            hits[phrases[p].lex]++;
        }
    }
}

void nc_lexicon_scan(const char *text, size_t len, unsigned hits[NC_LEX_COUNT])
{
    pthread_once(&index_once, build_index);
    memset(hits, 0, NC_LEX_COUNT * sizeof *hits);
    char buf[512];
    enum { EDGE = 96 };
    if (len <= 2 * EDGE) {
        scan_window(buf, nc_lower_utf8(text, len, buf, sizeof buf), hits);
        return;
    }
    scan_window(buf, nc_lower_utf8(text, EDGE, buf, sizeof buf), hits);
    size_t from = len - EDGE;
    while (from < len && ((uint8_t)text[from] & 0xC0) == 0x80)
        from++;
    scan_window(buf, nc_lower_utf8(text + from, len - from, buf, sizeof buf), hits);
}

unsigned nc_lexicon_mask(const char *text, size_t len)
{
    unsigned hits[NC_LEX_COUNT], bits = 0;
    nc_lexicon_scan(text, len, hits);
    for (int k = 0; k < NC_LEX_COUNT; k++)
        bits |= hits[k] ? NC_LEX_BIT(k) : 0;
    return bits;
}
