/* lang/tokens.c - the language stage's tokenizer: one pass over a block's
 * bytes counts words, letters and scripts and looks each word up in the
 * stopword hash. ASCII words take a fast path; runs of scripts written
 * without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) go to ICU's word
 * break iterator, opened at most once a call. No allocation per word or
 * block: hit masks go to one growable array a call. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include "lang/tables.h"

static void push_hit(nc_scanner *sc, uint32_t slot)
{
    if (sc->nhits == sc->cap_hits) {
        size_t cap = sc->cap_hits ? sc->cap_hits * 2 : 4096;
        uint32_t *m = realloc(sc->hits, cap * sizeof *m);
        if (!m) {
            sc->failed = true;
            return;
        }
        sc->hits = m;
        sc->cap_hits = cap;
    }
    sc->hits[sc->nhits++] = slot;
}

/* Letters by script, for one block: few scripts, so a short list. */
typedef struct script_tally {
    uint16_t script[8];
    uint32_t n[8];
    int used;
} script_tally;

static void tally(script_tally *t, uint16_t script)
{
    for (int k = 0; k < t->used; k++)
        if (t->script[k] == script) {
            t->n[k]++;
            return;
        }
    if (t->used < 8) {
        t->script[t->used] = script;
        t->n[t->used++] = 1;
    }
}

static UBreakIterator *scanner_brk(nc_scanner *sc)
{
    if (!sc->brk && !sc->brk_failed) {
        UErrorCode err = U_ZERO_ERROR;
        sc->brk = ubrk_open(UBRK_WORD, "", NULL, 0, &err);
        if (U_FAILURE(err)) {
            sc->brk = NULL;
            sc->brk_failed = true; /* count a character a word instead */
        }
    }
    return sc->brk;
}

/* Words of a no-space run s[0..len) (cps code points), by ICU. */
static uint32_t run_words(nc_scanner *sc, const char *s, size_t len,
                          uint32_t cps)
{
    if (sc->cap_u16 < len + 1) {
        size_t cap = sc->cap_u16 ? sc->cap_u16 : 1024;
        while (cap < len + 1)
            cap *= 2;
        uint16_t *u = realloc(sc->u16, cap * sizeof *u);
        if (!u)
            return cps; /* no memory for ICU: a character a word */
        sc->u16 = u;
        sc->cap_u16 = cap;
    }
    UBreakIterator *bi = scanner_brk(sc);
    UErrorCode err = U_ZERO_ERROR;
    int32_t n16 = 0;
    u_strFromUTF8((UChar *)sc->u16, (int32_t)sc->cap_u16, &n16, s,
                  (int32_t)len, &err);
    if (!bi || U_FAILURE(err))
        return cps;
    ubrk_setText(bi, (const UChar *)sc->u16, n16, &err);
    if (U_FAILURE(err))
        return cps;
    uint32_t words = 0;
    int32_t prev = ubrk_first(bi);
    for (int32_t p = ubrk_next(bi); p != UBRK_DONE; prev = p, p = ubrk_next(bi)) {
        if (ubrk_getRuleStatus(bi) < UBRK_WORD_NONE_LIMIT)
            continue;
        words++;
        if (p - prev > 16)
            continue;
        char w8[NC_WORD_MAX];
        int32_t n8 = 0;
        UErrorCode e8 = U_ZERO_ERROR;
        u_strToUTF8(w8, NC_WORD_MAX, &n8, (const UChar *)sc->u16 + prev,
                    p - prev, &e8);
        if (U_SUCCESS(e8) && n8 < NC_WORD_MAX) {
            uint32_t slot = nc_stopword_slot(w8, (size_t)n8);
            if (slot != NC_NO_SLOT)
                push_hit(sc, slot);
        }
    }
    return words;
}

/* The word being read: its folded bytes and what it holds. */
typedef struct word_state {
    char buf[NC_WORD_MAX];
    size_t len, start, apostrophe; /* apostrophe: its index + 1, or 0 */
    size_t cps;                    /* code points */
    bool active, too_long, has_letter, needs_icu;
} word_state;

static void end_word(nc_scanner *sc, word_state *w, const char *text,
                     size_t end, size_t text_len, nc_block_scan *out)
{
    if (!w->active)
        return;
    w->active = false;
    out->words++;
    if (w->too_long || !w->has_letter)
        return;
    /* "W." is an initial, not Polish "w". */
    if (w->cps == 1 && end < text_len && text[end] == '.')
        return;
    size_t len = w->len;
    if (w->needs_icu) {
        len = nc_fold_word(text + w->start, end - w->start, w->buf);
        w->apostrophe = 0;
    }
    uint32_t m = nc_stopword_slot(w->buf, len);
    if (m == NC_NO_SLOT && w->apostrophe) /* French "l'", Italian "dell'" */
        m = nc_stopword_slot(w->buf, w->apostrophe);
    /* Korean writes its particles onto the word ("정부는"): the last one
     * or two syllables (3 bytes each) are looked up on their own. */
    if (m == NC_NO_SLOT && w->cps >= 2 && len >= 6 && !w->needs_icu &&
        (unsigned char)w->buf[len - 3] >= 0xEA &&
        (unsigned char)w->buf[len - 3] <= 0xED) {
        if (w->cps >= 3 && (unsigned char)w->buf[len - 6] >= 0xEA &&
            (unsigned char)w->buf[len - 6] <= 0xED)
            m = nc_stopword_slot(w->buf + len - 6, 6);
        if (m == NC_NO_SLOT)
            m = nc_stopword_slot(w->buf + len - 3, 3);
    }
    if (m != NC_NO_SLOT)
        push_hit(sc, m);
}

static void word_put(word_state *w, uint32_t cp)
{
    if (w->len + 4 >= NC_WORD_MAX) {
        w->too_long = true;
        return;
    }
    w->len += nc_utf8_put(w->buf + w->len, cp);
}

/* Where the run of no-space script text (Han, kana, Thai ...) that starts
 * at s[i] ends, counting its letters, characters and code points (*cps)
 * on the way; marks and format characters stay in the run. */
static size_t nospace_run_end(const unsigned char *s, size_t i, size_t len,
                              nc_block_scan *out, script_tally *tl, uint32_t *cps)
{
    size_t j = i;
    while (j < len) {
        uint32_t c2;
        size_t n2 = nc_utf8_next(s + j, len - j, &c2);
        uint16_t cl2 = nc_cp_class(c2);
        bool mark = (cl2 & NC_CL_WORD) && !(cl2 & (NC_CL_LETTER | NC_CL_DIGIT));
        /* Format characters stay in the run: ICU's word rules
         * skip them (or break at a zero-width space). */
        if (!(cl2 & (NC_CL_NOSPACE | NC_CL_FORMAT)) && !mark)
            break;
        if (cl2 & NC_CL_LETTER) {
            out->letters++;
            tally(tl, (uint16_t)(cl2 & 0xFF));
        }
        if (j > i && !(cl2 & NC_CL_FORMAT))
            out->chars++;
        (*cps)++;
        j += n2;
    }
    return j;
}

/* The block's scripts from the tally (ASCII letters counted apart, as
 * latin): the NC_BLOCK_SCRIPTS largest, most first. */
static void keep_scripts(script_tally *tl, uint32_t latin, nc_block_scan *out)
{
    if (latin)
        for (int k = 0;; k++) {
            if (k == tl->used) {
                if (tl->used < 8) {
                    tl->script[tl->used] = USCRIPT_LATIN;
                    tl->n[tl->used++] = latin;
                }
                break;
            }
            if (tl->script[k] == USCRIPT_LATIN) {
                tl->n[k] += latin;
                break;
            }
        }
    /* Keep the NC_BLOCK_SCRIPTS largest, most first. */
    for (int k = 0; k < NC_BLOCK_SCRIPTS && tl->used > 0; k++) {
        int best = 0;
        for (int q = 1; q < tl->used; q++)
            if (tl->n[q] > tl->n[best])
                best = q;
        out->script[k] = tl->script[best];
        out->script_letters[k] = tl->n[best];
        tl->script[best] = tl->script[tl->used - 1];
        tl->n[best] = tl->n[tl->used - 1];
        tl->used--;
    }
}

/* Whether cp, between the word w and the text after it (rest[0..left),
 * not empty), belongs to the word: "don't", "l’homme", "3.5", "1,000".
 * If so it is put in the word. */
static bool inside_word(word_state *w, const unsigned char *rest, size_t left,
                        uint32_t cp, uint32_t prev_cp)
{
    uint32_t next;
    nc_utf8_next(rest, left, &next);
    uint16_t ncl = nc_cp_class(next);
    if ((cp == '\'' || cp == 0x2019) && (ncl & NC_CL_LETTER) &&
        !(ncl & NC_CL_NOSPACE) && w->has_letter) {
        if (!w->apostrophe)
            w->apostrophe = w->len + 1;
        word_put(w, '\'');
        return true;
    }
    if ((cp == '.' || cp == ',') && (ncl & NC_CL_DIGIT) && prev_cp >= '0' && prev_cp <= '9') {
        word_put(w, cp);
        return true;
    }
    return false;
}

void nc_scan_block(nc_scanner *sc, const char *text, size_t len,
                   nc_block_scan *out)
{
    const unsigned char *s = (const unsigned char *)text;
    script_tally tl = {{0}, {0}, 0};
    uint32_t latin = 0;
    word_state w;
    w.active = false;
    memset(out, 0, sizeof *out);
    out->hit_start = (uint32_t)sc->nhits;
    if (sc->has_distinct) {
        memset(sc->distinct, 0, sizeof sc->distinct);
        sc->has_distinct = false;
    }
    size_t i = 0;
    uint32_t prev_cp = 0;
    while (i < len) {
        uint32_t cp;
        size_t n;
        uint16_t cl;
        if (s[i] < 0x80) {
            cp = s[i];
            n = 1;
            cl = nc_ascii_class[cp];
        } else {
            n = nc_utf8_next(s + i, len - i, &cp);
            cl = nc_cp_class(cp);
        }
        /* Invisible format characters: no character and no word break
         * ("نص\u200F." is one word). The zero-width space and the joiners
         * break words; a joiner after a letter is still no character. */
        if ((cl & NC_CL_FORMAT) &&
            (!(cl & NC_CL_FORMAT_BREAK) || (cp != 0x200B && w.active))) {
            if (cl & NC_CL_FORMAT_BREAK)
                end_word(sc, &w, text, i, len, out);
            i += n;
            continue;
        }
        if (cp != ' ')
            out->chars++;
        if (cl & NC_CL_NOSPACE) {
            end_word(sc, &w, text, i, len, out);
            uint32_t cps = 0;
            size_t j = nospace_run_end(s, i, len, out, &tl, &cps);
            out->words += run_words(sc, text + i, j - i, cps);
            i = j;
            prev_cp = 0;
            continue;
        }
        if (cl & NC_CL_WORD) {
            if (!w.active) {
                w.active = true;
                w.len = 0;
                w.start = i;
                w.apostrophe = 0;
                w.cps = 0;
                w.too_long = w.has_letter = w.needs_icu = false;
            }
            if (cl & NC_CL_LETTER) {
                out->letters++;
                w.has_letter = true;
                if (cp < 0x80)
                    latin++;
                else
                    tally(&tl, (uint16_t)(cl & 0xFF));
            }
            if (cp < 0x80) {
                cp = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
            } else if (cp < NC_FOLD_LIMIT) {
                cp = nc_fold_table[cp];
                if (cp < 0x800 && nc_distinct_index[cp] != 0xFF) {
                    sc->distinct[nc_distinct_index[cp]]++;
                    sc->has_distinct = true;
                }
            } else if (cl & NC_CL_CASED) {
                w.needs_icu = true;
            }
            word_put(&w, cp);
            w.cps++;
            prev_cp = cp;
            i += n;
            /* The common case: more ASCII letters and digits of this word,
             * taken without the general path's checks. */
            while (i < len && s[i] < 0x80 &&
                   (nc_ascii_class[s[i]] & NC_CL_WORD) && w.len + 1 < NC_WORD_MAX) {
                unsigned char c = s[i++];
                if (nc_ascii_class[c] & NC_CL_LETTER) {
                    out->letters++;
                    latin++;
                    w.has_letter = true;
                }
                if (c >= 'A' && c <= 'Z')
                    c = (unsigned char)(c + 32);
                w.buf[w.len++] = (char)c;
                w.cps++;
                out->chars++;
                prev_cp = c;
            }
            continue;
        }
        if (w.active && i + n < len && inside_word(&w, s + i + n, len - i - n, cp, prev_cp)) {
            i += n;
            continue;
        }
        end_word(sc, &w, text, i, len, out);
        if (cl & NC_CL_CODE)
            out->code_chars++;
        prev_cp = cp;
        i += n;
    }
    end_word(sc, &w, text, len, len, out);
    keep_scripts(&tl, latin, out);
    out->hit_count = (uint32_t)(sc->nhits - out->hit_start);
}

void nc_scanner_free(nc_scanner *sc)
{
    free(sc->hits);
    free(sc->u16);
    if (sc->brk)
        ubrk_close(sc->brk);
    memset(sc, 0, sizeof *sc);
}
