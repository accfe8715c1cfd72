/* classify/pickers.c - language pickers ("English | Deutsch | Français"): a
 * block made only of languages' own names, or a run of blocks of one name
 * each (an HTML picker is a list of links). They are UI in several
 * languages at once, so they are labelled foreign and dropped whatever
 * the model said (the model drops most of them already, as navigation;
 * the label is what a caller filtering foreign strings looks at). */
#include <pthread.h>
#include <string.h>

#include <unicode/utf8.h>

#include "internal.h"
#include "classify/pickers.h"
#include "rules/rules.h"

/* Endonyms, case-folded (u_foldCase, so "Deutsch" and "DEUTSCH" match). */
static const char *const endonyms[] = {
    "english", "deutsch", "français", "francais", "español", "espanol",
    "italiano", "português", "portugues", "nederlands", "polski", "русский",
    "українська", "中文", "简体中文", "繁體中文", "日本語", "한국어", "العربية",
    "türkçe", "ไทย", "svenska", "norsk", "dansk", "suomi", "čeština", "magyar",
    "română", "ελληνικά", "עברית", "فارسی", "हिन्दी", "bahasa indonesia",
    "tiếng việt", "català", "hrvatski", "slovenčina", "slovenščina",
    "български", "српски", "srpski", "eesti", "latviešu", "lietuvių",
    "bahasa melayu", "kiswahili", "galego", "euskara", "íslenska", "shqip",
    "bosanski", "македонски", "ქართული", "հայերեն", "azərbaycan", "қазақша",
    "বাংলা", "தமிழ்", "اردو", "gaeilge", "cymraeg"};

enum { PICKER_MAX_BYTES = 240, ENDONYM_COUNT = sizeof endonyms / sizeof *endonyms };
_Static_assert(ENDONYM_COUNT < 256, "indices are bytes");

/* Endonyms by first byte, built once: every block of a page is looked
 * at, and its first byte rules most out. */
static nc_phrase_index names;
static pthread_once_t picker_once = PTHREAD_ONCE_INIT;

static void picker_init(void) { nc_phrase_index_build(&names, endonyms, ENDONYM_COUNT); }

static bool separator(UChar32 c)
{
    return c == ' ' || c == '|' || c == '/' || c == ',' || c == ';' || c == 0x00B7 ||
           c == 0x2022 || c == 0x2013 || c == 0x2014 || c == '-' || c == '(' ||
           c == ')' || c == '[' || c == ']';
}

static uint8_t fold_byte(uint8_t b) { return b >= 'A' && b <= 'Z' ? (uint8_t)(b + 32) : b; }

/* Whether a name can start at this (unfolded) lead byte: ASCII is folded
 * by hand, and a non-ASCII capital's folded first byte is its own or, for
 * Latin-1 and Cyrillic capitals, the next one up; so both are tried. */
static bool may_start(uint8_t b)
{
    uint8_t f = fold_byte(b);
    return names.start[f] != names.start[f + 1] ||
           (b >= 0x80 && b < 0xFF && names.start[b + 1] != names.start[b + 2]);
}

/* How many endonyms the block is made of; 0 when anything else is in it
 * (or it is too long to be a picker). */
static unsigned endonym_count(const char *text, size_t len)
{
    if (len == 0 || len > PICKER_MAX_BYTES / 2 || !may_start((uint8_t)text[0]))
        return 0;
    char folded[PICKER_MAX_BYTES];
    size_t read, n = nc_fold_prefix(text, len, folded, sizeof folded, &read);
    if (read < len) /* invalid UTF-8, or longer than the buffer */
        return 0;
    unsigned count = 0;
    size_t at = 0;
    for (;;) {
        while (at < n) { /* skip separators */
            size_t k = at;
            UChar32 c;
            U8_NEXT((const uint8_t *)folded, k, n, c);
            if (!separator(c))
                break;
            at = k;
        }
        if (at >= n)
            return count;
        uint8_t first = (uint8_t)folded[at];
        bool matched = false;
        for (unsigned j = names.start[first]; j < names.start[first + 1] && !matched; j++) {
            size_t e = names.by_first[j], elen = names.len[e];
            if (elen > n - at || memcmp(folded + at, endonyms[e], elen) != 0)
                continue;
            size_t k = at + elen;
            UChar32 c = ' '; /* the end of the block ends the name too */
            if (k < n)
                U8_NEXT((const uint8_t *)folded, k, n, c);
            if (separator(c)) {
                at += elen;
                count++;
                matched = true;
            }
        }
        if (!matched)
            return 0;
    }
}

void nc_mark_language_pickers(nc_doc *doc)
{
    pthread_once(&picker_once, picker_init);
    size_t n = doc->nblocks;
    unsigned prev = 0, here = n ? endonym_count(doc->blocks[0].text, doc->blocks[0].len) : 0;
    for (size_t i = 0; i < n; i++) {
        unsigned next = i + 1 < n ? endonym_count(doc->blocks[i + 1].text,
                                                  doc->blocks[i + 1].len)
                                  : 0;
        /* Two names in one block, or a name between names. */
        if (here >= 2 || (here == 1 && (prev >= 1 || next >= 1))) {
            doc->blocks[i].label = NC_LABEL_FOREIGN;
            doc->blocks[i].reason = NC_REASON_FOREIGN_WORDS;
        }
        prev = here;
        here = next;
    }
}
