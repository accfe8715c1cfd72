/* lang/detect.c - the language stage: word counts, letters and script of every
 * block, the document's language, and each block's stopword evidence.
 * lang/tokens.c tokenizes (one pass a block, ICU only for no-space runs);
 * lang/tables.c holds the tables.
 *
 * The document's language is a vote of the body-like blocks (long enough,
 * not navigation markup, not mostly link text):
 *  - each stopword hit gives the languages whose lists hold the word 1/k
 *    each, so words unique to one language ("und", "het", "що") decide;
 *    curated function words of close languages (da "af", no "av") vote
 *    thrice;
 *  - a block's vote weighs words/(words+25), less for code and tables
 *    (few letters among its characters, many {}();=) and little for a
 *    block that starts like an earlier one (PHP warnings, result lines);
 *  - the script of most (weighted) letters limits the candidates: scripts
 *    with one language (Greek, Hebrew, Thai, Hangul ...) decide alone, Han
 *    is Japanese when kana are a tenth of it;
 *  - distinctive letters a language never writes count against it
 *    ("і" against Russian, "ы" against Ukrainian, "ř" against Slovak).
 * A caller's opts.language wins; <html lang> only breaks near ties and
 * speaks when nothing else does. Each block then gets the hits of the
 * document language minus the best other language's on words the document
 * language's list lacks (lang_score), so "Teilen" on an English page
 * scores below zero; a block in another script is foreign by its letters.
 * Measured by tools/lang_accuracy.py (make lang-accuracy). */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uscript.h>

#include "lang/stopwords.h"
#include "lang/tables.h"

/* One-time set-up under a lock, not pthread_once: a set-up that ran out
 * of memory must not be remembered, the next call tries again. */
static pthread_mutex_t lang_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_bool lang_ready;
static int lang_count;        /* languages in the table, <= 64 */
static uint64_t common_mask;  /* languages a stray UI string is likely in */
static uint64_t distinct_mask[NC_DISTINCT_MAX]; /* who writes each letter */

/* Languages whose words appear as stray UI strings on news pages; rare
 * languages' lists only count against a block when the page shows them. */
static const char *const common_codes[] = {
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "cs", "sk",
    "sv", "da", "no", "fi", "hu", "ro", "tr", "el", "bg", "hr", "sl", "ca",
    "ar", "fa", "he", "hi", "id", "vi", "zh", "ja", "ko", "th", "lt", "lv",
    "et", NULL};

static int lang_index(const char *code)
{
    for (int l = 0; l < lang_count; l++)
        if (!strcmp(nc_stoplangs[l].code, code))
            return l;
    return -1;
}

static nc_status lang_init_locked(void)
{
    lang_count = nc_nstoplangs < NC_LANG_MAX ? nc_nstoplangs : NC_LANG_MAX;
    nc_status st = nc_lang_text_init();
    if (st != NC_OK)
        return st;
    for (int k = 0; k < nc_ndistinctive && k < NC_DISTINCT_MAX; k++) {
        distinct_mask[k] = 0;
        const char *p = nc_distinctive[k].codes;
        while (*p) {
            char code[16];
            size_t n = strcspn(p, " ");
            if (n < sizeof code) {
                memcpy(code, p, n);
                code[n] = '\0';
                int l = lang_index(code);
                if (l >= 0)
                    distinct_mask[k] |= 1ull << l;
            }
            p += n;
            while (*p == ' ')
                p++;
        }
    }
    common_mask = 0;
    for (int k = 0; common_codes[k]; k++) {
        int l = lang_index(common_codes[k]);
        if (l >= 0)
            common_mask |= 1ull << l;
    }
    return NC_OK;
}

nc_status nc_lang_init(void)
{
    if (atomic_load_explicit(&lang_ready, memory_order_acquire))
        return NC_OK;
    if (pthread_mutex_lock(&lang_lock) != 0)
        return NC_ERR_INTERNAL;
    nc_status st = NC_OK;
    if (!atomic_load_explicit(&lang_ready, memory_order_relaxed)) {
        st = lang_init_locked();
        if (st == NC_OK)
            atomic_store_explicit(&lang_ready, true, memory_order_release);
    }
    pthread_mutex_unlock(&lang_lock);
    return st;
}

const char *nc_lang_code_at(int lang)
{
    if (lang < 0 || lang >= lang_count)
        return "und";
    return nc_stoplangs[lang].code;
}

const char *nc_script_code(uint32_t script)
{
    const char *s = script < USCRIPT_CODE_LIMIT
                        ? uscript_getShortName((UScriptCode)script)
                        : NULL;
    return s ? s : "Zyyy";
}

bool nc_is_stopword(const nc_doc *doc, const char *word, size_t len)
{
    if (!doc || doc->lang < 0 || doc->lang >= lang_count || !word)
        return false;
    char folded[NC_WORD_MAX];
    size_t n = nc_fold_word(word, len, folded);
    return n && nc_stopword_mask(folded, n) >> doc->lang & 1u;
}

/* ---- scripts ---- */

static bool is_letter_script(uint32_t s)
{
    return s != USCRIPT_COMMON && s != USCRIPT_INHERITED &&
           s != USCRIPT_UNKNOWN;
}

static bool is_cjk(uint32_t s)
{
    return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA ||
           s == USCRIPT_KATAKANA || s == USCRIPT_KATAKANA_OR_HIRAGANA;
}

/* Whether letters of script s belong on a page in script doc_script:
 * Japanese mixes Han and kana, Korean may quote Hanja. */
static bool script_fits(uint32_t doc_script, uint32_t s)
{
    if (s == doc_script || !is_letter_script(s) || !is_letter_script(doc_script))
        return true;
    if (doc_script == USCRIPT_JAPANESE)
        return is_cjk(s);
    if (doc_script == USCRIPT_HANGUL || doc_script == USCRIPT_KOREAN)
        return s == USCRIPT_HAN || s == USCRIPT_HANGUL;
    return false;
}

/* Languages known by script alone that have no stoplist here. */
static const char *script_language(uint32_t s)
{
    switch (s) {
    case USCRIPT_LAO: return "lo";
    case USCRIPT_KHMER: return "km";
    case USCRIPT_MYANMAR: return "my";
    case USCRIPT_GEORGIAN: return "ka";
    case USCRIPT_ETHIOPIC: return "am";
    case USCRIPT_TAMIL: return "ta";
    case USCRIPT_TELUGU: return "te";
    case USCRIPT_KANNADA: return "kn";
    case USCRIPT_MALAYALAM: return "ml";
    case USCRIPT_SINHALA: return "si";
    case USCRIPT_GURMUKHI: return "pa";
    case USCRIPT_ORIYA: return "or";
    case USCRIPT_TIBETAN: return "bo";
    case USCRIPT_THAANA: return "dv";
    case USCRIPT_MONGOLIAN: return "mn";
    default: return NULL;
    }
}

/* The primary subtag of a BCP-47 tag, lower-cased, with the old and the
 * macro-language codes mapped to the table's ("nb" -> "no"). False (and
 * out "") when it is no 2-8 ASCII letters: such a hint is ignored. */
static bool primary_subtag(const char *tag, char out[16])
{
    size_t n = 0;
    out[0] = '\0';
    while (tag[n] && tag[n] != '-' && tag[n] != '_') {
        char c = tag[n];
        if (n >= 8 || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            out[0] = '\0';
            return false;
        }
        out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    out[n] = '\0';
    if (n < 2) {
        out[0] = '\0';
        return false;
    }
    if (!strcmp(out, "nb") || !strcmp(out, "nn"))
        strcpy(out, "no");
    else if (!strcmp(out, "iw"))
        strcpy(out, "he");
    else if (!strcmp(out, "in"))
        strcpy(out, "id");
    else if (!strcmp(out, "cmn") || !strcmp(out, "yue"))
        strcpy(out, "zh");
    return true;
}

/* ---- the document's language ---- */

enum {
    NOT_BODY_IN = NC_IN_NAV | NC_IN_HEADER | NC_IN_FOOTER | NC_IN_ASIDE |
                  NC_IN_FORM | NC_IN_BUTTON | NC_IN_SELECT,
    NOT_BODY_HINTS = NC_HINT_NAV | NC_HINT_SHARE | NC_HINT_RELATED |
                     NC_HINT_PROMO | NC_HINT_COOKIE | NC_HINT_FOOTER |
                     NC_HINT_SIDEBAR | NC_HINT_AD | NC_HINT_BREADCRUMB |
                     NC_HINT_NEWSLETTER
};

/* A block that reads like running text: long enough, not a menu. */
static bool body_like(const nc_block *b, const nc_block_scan *s)
{
    bool long_enough = s->words >= 8 || (s->letters >= 24 && s->words >= 4);
    if (!long_enough || (b->in & NOT_BODY_IN) || (b->hints & NOT_BODY_HINTS))
        return false;
    return b->link_chars < 0.5f * (float)s->chars;
}

typedef struct lang_vote {
    double score[NC_LANG_MAX];
    double script_letters[256];        /* letters by script, weighted */
    double script_total;
    uint64_t letters;
    double weighted_letters;           /* letters times the block weights */
    double distinct[NC_DISTINCT_MAX];  /* distinctive letters, weighted */
} lang_vote;

/* How much a body-like block's words count: long blocks more (the body is
 * long, UI strings short), code and tables less (few letters among their
 * characters), and a block repeating an earlier block's first words (PHP
 * warnings, result lines) little: templates are boilerplate. */
static float vote_weight(const nc_block_scan *s, bool repeated_start)
{
    float w = (float)s->words / ((float)s->words + 25.0f);
    float prose = s->chars ? (float)s->letters / (float)s->chars : 0.0f;
    w *= fminf(1.0f, fmaxf(0.0f, (prose - 0.55f) / 0.25f));
    float code = s->chars ? (float)s->code_chars / (float)s->chars : 0.0f;
    w *= fmaxf(0.0f, 1.0f - 20.0f * code);
    return repeated_start ? w * 0.2f : w;
}

/* A hash of the block's first two words, for vote_weight. */
static uint64_t start_key(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    int spaces = 0;
    for (size_t i = 0; i < len && i < 48; i++) {
        if (s[i] == ' ' && ++spaces == 2)
            break;
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    }
    return h | 1; /* 0 marks an empty slot */
}

/* A lossy, direct-mapped memory of block starts: true when key is in its
 * slot (a start seen before, unless evicted), then key takes the slot. */
#define START_SLOTS 4096
static bool seen_before(uint64_t *set, uint64_t key)
{
    uint64_t *slot = &set[(key >> 17) & (START_SLOTS - 1)];
    bool seen = *slot == key;
    *slot = key;
    return seen;
}

/* Bits set in m, without relying on a popcount instruction. */
static inline int bit_count(uint64_t m)
{
    m = m - ((m >> 1) & 0x5555555555555555ull);
    m = (m & 0x3333333333333333ull) + ((m >> 2) & 0x3333333333333333ull);
    m = (m + (m >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (int)((m * 0x0101010101010101ull) >> 56);
}

static void vote(lang_vote *v, const nc_scanner *sc, const nc_block_scan *s)
{
    /* Scripts weigh like the words do (a URL's letters hardly count), but
     * never nothing: a page of menus still has a script. */
    double sw = fmax(s->weight, 0.05);
    for (int k = 0; k < NC_BLOCK_SCRIPTS && s->script_letters[k]; k++)
        v->script_letters[s->script[k] & 0xFF] += sw * s->script_letters[k];
    v->script_total += sw * s->letters;
    v->letters += s->letters;
    if (s->weight <= 0.0f)
        return;
    v->weighted_letters += s->weight * (double)s->letters;
    if (sc->has_distinct) /* the block just scanned */
        for (int k = 0; k < NC_DISTINCT_MAX; k++)
            v->distinct[k] += s->weight * (double)sc->distinct[k];
    for (uint32_t k = 0; k < s->hit_count; k++) {
        uint32_t slot = sc->hits[s->hit_start + k];
        uint64_t m = nc_slot_mask(slot), strong = nc_slot_strong[slot];
        double w = s->weight / bit_count(m);
        while (m) {
            int l = __builtin_ctzll(m);
            v->score[l] += strong >> l & 1u ? 3.0 * w : w;
            m &= m - 1;
        }
    }
}

/* The script of most letters. A Han, kana or Hangul character carries
 * about a word, so it counts as three letters of an alphabet. */
static uint32_t dominant_script(const lang_vote *v)
{
    uint32_t best = USCRIPT_COMMON;
    double n = 0;
    for (uint32_t s = 0; s < 256; s++) {
        double k = v->script_letters[s];
        if (is_cjk(s) || s == USCRIPT_HANGUL)
            k *= 3;
        if (is_letter_script(s) && k > n) {
            n = k;
            best = s;
        }
    }
    if (is_cjk(best)) /* Han and kana vote together */
        return v->script_letters[USCRIPT_HAN] >=
                       v->script_letters[USCRIPT_HANGUL]
                   ? USCRIPT_HAN
                   : USCRIPT_HANGUL;
    return best;
}

/* Picks doc->lang, lang_code, confidence and script from the votes. */
static void decide(nc_doc *doc, const lang_vote *v)
{
    uint32_t script = dominant_script(v);
    doc->script = script;
    doc->lang = -1;
    strcpy(doc->lang_code, "und");
    doc->lang_confidence = 0.0;
    if (!is_letter_script(script))
        return;
    double share = v->script_total > 0 ? v->script_letters[script] / v->script_total : 0.0;
    double amount = fmin(1.0, (double)v->letters / 40.0);
    char hint[16] = "";
    if (doc->html_lang)
        primary_subtag(doc->html_lang, hint);
    int hinted = hint[0] ? lang_index(hint) : -1;

    if (script == USCRIPT_HAN) {
        double kana = v->script_letters[USCRIPT_HIRAGANA] +
                      v->script_letters[USCRIPT_KATAKANA] +
                      v->script_letters[USCRIPT_KATAKANA_OR_HIRAGANA];
        double cjk = kana + v->script_letters[USCRIPT_HAN];
        bool ja = kana * 10 >= cjk || (kana * 50 >= cjk && !strcmp(hint, "ja"));
        doc->lang = lang_index(ja ? "ja" : "zh");
        strcpy(doc->lang_code, ja ? "ja" : "zh");
        if (ja)
            doc->script = USCRIPT_JAPANESE;
        share = v->script_total > 0 ? fmin(1.0, cjk / v->script_total) : 0.0;
        doc->lang_confidence = share * amount;
        return;
    }

    /* The table's languages in this script. */
    uint64_t cand = 0;
    int ncand = 0, only = -1;
    for (int l = 0; l < lang_count; l++)
        if ((uint32_t)nc_stoplangs[l].script == script) {
            cand |= 1ull << l;
            ncand++;
            only = l;
        }
    if (ncand == 0) {
        const char *code = script_language(script);
        if (code) {
            strcpy(doc->lang_code, code);
            doc->lang_confidence = share * amount;
        }
        return;
    }
    if (ncand == 1) {
        doc->lang = only;
        strcpy(doc->lang_code, nc_stoplangs[only].code);
        doc->lang_confidence = share * amount;
        return;
    }
    double score[NC_LANG_MAX];
    double best = 0.0, second = 0.0;
    int arg = -1;
    for (int l = 0; l < lang_count; l++)
        score[l] = (cand >> l & 1u) ? v->score[l] : 0.0;
    /* Letters a language never writes count against it: at 1% of the
     * letters its score nearly halves ("і" on a page voted Russian). */
    if (v->weighted_letters > 0)
        for (int l = 0; l < lang_count; l++) {
            if (!score[l])
                continue;
            double bad = 0.0;
            for (int k = 0; k < NC_DISTINCT_MAX; k++)
                if (v->distinct[k] > 0 && !(distinct_mask[k] >> l & 1u))
                    bad += v->distinct[k];
            score[l] *= exp(-60.0 * bad / v->weighted_letters);
        }
    double top = 0.0;
    for (int l = 0; l < lang_count; l++)
        top = fmax(top, score[l]);
    /* <html lang> breaks near ties and speaks when nothing else does. */
    if (hinted >= 0 && (cand >> hinted & 1u))
        score[hinted] += 0.1 * top + 0.5;
    for (int l = 0; l < lang_count; l++) {
        if (score[l] > best) {
            second = best;
            best = score[l];
            arg = l;
        } else if (score[l] > second) {
            second = score[l];
        }
    }
    if (arg < 0)
        return;
    doc->lang = arg;
    strcpy(doc->lang_code, nc_stoplangs[arg].code);
    doc->lang_confidence = (best - second) / best * fmin(1.0, best / 8.0) * share;
}

/* ---- per-block evidence ---- */

static void block_evidence(nc_doc *doc, nc_block *b, const nc_block_scan *s,
                           const nc_scanner *sc, uint64_t others)
{
    int d = doc->lang;
    uint64_t dbit = d >= 0 ? 1ull << d : 0;
    uint16_t cnt[NC_LANG_MAX];
    uint64_t touched = 0; /* languages with a count: only they are read */
    uint64_t sure = 0;    /* languages with a UI or strong word here */
    uint32_t doc_hits = 0;
    for (uint32_t k = 0; k < s->hit_count; k++) {
        uint32_t slot = sc->hits[s->hit_start + k];
        uint64_t m = nc_slot_mask(slot);
        if (m & dbit) {
            doc_hits++;
            continue;
        }
        m &= others;
        sure |= nc_slot_sure[slot] & m;
        uint64_t fresh = m & ~touched;
        while (fresh) {
            cnt[__builtin_ctzll(fresh)] = 0;
            fresh &= fresh - 1;
        }
        touched |= m;
        while (m) {
            cnt[__builtin_ctzll(m)]++;
            m &= m - 1;
        }
    }
    int other = -1;
    for (uint64_t t = touched; t; t &= t - 1) {
        int l = __builtin_ctzll(t);
        if (other < 0 || cnt[l] > cnt[other])
            other = l;
    }
    uint32_t other_hits = other >= 0 ? cnt[other] : 0;
    /* One chance hit in a big list ("MIT Sloan", "Asian District") is no
     * evidence; one UI word ("Teilen") or strong function word is. */
    if (other_hits == 1 && !(sure >> other & 1u))
        other_hits = 0;

    /* Letters in a script the page is not written in. */
    uint32_t foreign_letters = 0;
    for (int k = 0; k < NC_BLOCK_SCRIPTS && s->script_letters[k]; k++)
        if (!script_fits(doc->script, s->script[k]))
            foreign_letters += s->script_letters[k];
    float script_foreign = s->letters ? (float)foreign_letters / (float)s->letters : 0.0f;

    b->words = s->words;
    b->letters = s->letters;
    b->script = s->letters ? s->script[0] : USCRIPT_COMMON;
    b->script_other = s->letters && doc->script != 0 && b->script != 0 &&
                      !script_fits(doc->script, b->script);
    b->script_all_other = b->script_other && foreign_letters == s->letters;
    b->stopwords = d >= 0 ? doc_hits : other_hits;
    b->block_lang = (int16_t)(doc_hits && doc_hits >= other_hits ? d
                              : other_hits ? other : -1);
    int32_t against = (int32_t)other_hits;
    if (script_foreign >= 0.5f) {
        int32_t fwords = (int32_t)ceilf((float)s->words * script_foreign);
        if (fwords > against)
            against = fwords;
        if (!doc_hits || doc_hits < other_hits) {
            int only = -1, n = 0;
            for (int l = 0; l < lang_count; l++)
                if ((uint32_t)nc_stoplangs[l].script == s->script[0]) {
                    only = l;
                    n++;
                }
            b->block_lang = (int16_t)(other_hits ? other : n == 1 ? only : -1);
        }
    }
    b->lang_score = d >= 0 || script_foreign >= 0.5f ? (int32_t)doc_hits - against : 0;
    float words_foreign = 0.0f;
    if (d >= 0 && other_hits > doc_hits)
        words_foreign = (float)(other_hits - doc_hits) /
                        (float)(other_hits + doc_hits) *
                        fminf(1.0f, (float)other_hits / 2.0f);
    b->foreign = fmaxf(script_foreign, words_foreign);
}

static void set_hint(nc_doc *doc, const char *tag)
{
    char code[16];
    if (!primary_subtag(tag, code))
        return; /* not a language tag: the detected language stands */
    doc->lang = lang_index(code);
    strcpy(doc->lang_code, code);
    doc->lang_confidence = 1.0;
    if (doc->lang >= 0 && nc_stoplangs[doc->lang].script == USCRIPT_JAPANESE)
        doc->script = USCRIPT_JAPANESE;
}

nc_status nc_lang_analyse(nc_doc *doc)
{
    nc_status st = nc_lang_init();
    if (st != NC_OK)
        return st;
    nc_block_scan *scans = doc->nblocks ? malloc(doc->nblocks * sizeof *scans) : NULL;
    lang_vote *v = calloc(1, sizeof *v);
    uint64_t *starts = calloc(START_SLOTS, sizeof *starts);
    nc_scanner sc;
    memset(&sc, 0, sizeof sc);
    if ((doc->nblocks && !scans) || !v || !starts) {
        free(scans);
        free(v);
        free(starts);
        return NC_ERR_NOMEM;
    }
    for (size_t i = 0; i < doc->nblocks; i++) {
        const nc_block *b = &doc->blocks[i];
        nc_block_scan *s = &scans[i];
        nc_scan_block(&sc, b->text, b->len, s);
        s->body_like = body_like(b, s);
        bool repeated = s->body_like &&
                        seen_before(starts, start_key(b->text, b->len));
        s->weight = vote_weight(s, repeated);
        if (s->body_like)
            vote(v, &sc, s);
    }
    free(starts);
    if (v->letters < 50) { /* no running text: every block votes */
        memset(v, 0, sizeof *v);
        sc.nhits = 0; /* scanned again: vote() reads the letters just seen */
        for (size_t i = 0; i < doc->nblocks; i++) {
            float weight = scans[i].weight;
            bool body = scans[i].body_like;
            nc_scan_block(&sc, doc->blocks[i].text, doc->blocks[i].len, &scans[i]);
            scans[i].weight = fmaxf(weight, 0.1f);
            scans[i].body_like = body;
            vote(v, &sc, &scans[i]);
        }
    }
    if (sc.failed) {
        st = NC_ERR_NOMEM;
        goto out;
    }
    decide(doc, v);
    if (doc->opts.language)
        set_hint(doc, doc->opts.language);
    doc->script_code = nc_script_code(doc->script);
    /* Other languages a block is held against: the usual ones and any
     * this page shows in strength. */
    uint64_t others = common_mask;
    double top = 0.0;
    for (int l = 0; l < lang_count; l++)
        top = fmax(top, v->score[l]);
    for (int l = 0; l < lang_count; l++)
        if (top > 0 && v->score[l] >= 0.1 * top)
            others |= 1ull << l;
    if (doc->lang >= 0)
        others &= ~(1ull << doc->lang);
    /* Japanese writes Chinese characters: the Chinese list's single Han
     * words are Japanese on a Japanese page. */
    if (doc->lang >= 0 && nc_stoplangs[doc->lang].script == USCRIPT_JAPANESE) {
        int zh = lang_index("zh");
        if (zh >= 0)
            others &= ~(1ull << zh);
    }
    for (size_t i = 0; i < doc->nblocks; i++)
        block_evidence(doc, &doc->blocks[i], &scans[i], &sc, others);
out:
    nc_scanner_free(&sc);
    free(scans);
    free(v);
    return st;
}
