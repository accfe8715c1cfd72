/* rules/words.c - the detectors' smaller lists: the marks that open a
 * byline, reading-time notes, month names, and the languages' own names
 * that make a language picker. */
#include <pthread.h>
#include <string.h>

#include <unicode/utf8.h>

#include "rules/rules.h"

/* "By Jane Doe", "Von ...", "Publié le ...": a byline or dateline opens
 * the line (a heading may say "by" anywhere else). As written: lower case
 * only where no sentence opens so. Lead to the label byline, reason
 * byline_pattern (a short kept line; classify/classify.c). */
static const char *const byline_starts[] = {
    "By ", "BY ", "Written by ", "by ", "Posted by ", "Posted on ", "Published ",
    "Updated ", "Pingback",
    "Von ", "von ", "Veröffentlicht ", "Aktualisiert ", "Stand: ",
    "Par ", "par ", "Publié le ",
    "Por ", "por ", "Publicado ",
    "Di ", "Pubblicato il ", "Aggiornato il ",
    "Door ",
    "Opublikowano", "Publikacja:"};

/* "3 min read", "Lesezeit: 4 Min.": article metadata, not a heading. As
 * written, anywhere in a short line. Lead to the label byline, reason
 * byline_pattern (classify/classify.c). */
static const char *const reading_marks[] = {
    "min read", "minute read", "minutes read", "Min read", "reading time", "Reading time",
    "Lesezeit", "Min. Lesezeit",
    "min de lecture"};

/* Month names and abbreviations, folded, anywhere in a short line with
 * digits: a date (features/signals.c, feature date; the label byline). */
static const char *const months[] = {
    "january", "february", "march", "april", "june", "july", "august",
    "september", "october", "november", "december", "jan ", "feb ",
    "mar ", "apr ", "jun ", "jul ", "aug ", "sep ", "sept", "oct ", "nov ", "dec ",
    "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
    "janvier", "février", "mars", "avril", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre",
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
    "septiembre", "octubre", "noviembre", "diciembre"};

/* Languages' own names, folded ("Deutsch" and "DEUTSCH" match). A block
 * of them, or a run of blocks of one each, is a language picker: the
 * label foreign, reason foreign_words (classify/pickers.c). */
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

static nc_phrase_index byline_index, reading_index, month_index, endonym_index;
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

static void words_init(void)
{
    const nc_phrase_list byline[] = {NC_LIST(byline_starts, 0)};
    const nc_phrase_list reading[] = {NC_LIST(reading_marks, 0)};
    const nc_phrase_list month[] = {NC_LIST(months, 0)};
    const nc_phrase_list names[] = {NC_LIST(endonyms, 0)};
    /* They fit (check_lead.c finds a phrase of every list). */
    (void)nc_phrase_index_build(&byline_index, byline, 1);
    (void)nc_phrase_index_build(&reading_index, reading, 1);
    (void)nc_phrase_index_build(&month_index, month, 1);
    (void)nc_phrase_index_build(&endonym_index, names, 1);
}

bool nc_byline_start(const char *text, size_t len)
{
    pthread_once(&words_once, words_init);
    if (len == 0)
        return false;
    unsigned k = 0;
    for (int p; (p = nc_phrase_next(&byline_index, (const uint8_t *)text, len, 0, &k)) >= 0;)
        if (byline_index.len[p] < len) /* and something after it */
            return true;
    return false;
}

bool nc_reading_time(const char *text, size_t len)
{
    pthread_once(&words_once, words_init);
    return nc_phrase_within(&reading_index, (const uint8_t *)text, len);
}

bool nc_month_name(const char *folded, size_t n)
{
    pthread_once(&words_once, words_init);
    return nc_phrase_within(&month_index, (const uint8_t *)folded, n);
}

static bool digit_at(const char *s, size_t n, size_t i)
{
    return i < n && s[i] >= '0' && s[i] <= '9';
}

bool nc_date_line(const char *text, size_t len)
{
    char buf[256];
    size_t n = nc_fold_lossy(text, len < 200 ? len : 200, buf, sizeof buf - 1);
    bool digits = false;
    for (size_t i = 0; i < n; i++) {
        if (!digit_at(buf, n, i))
            continue;
        digits = true;
        size_t j = i;
        while (digit_at(buf, n, j))
            j++;
        /* 18h30, 18 h 30 */
        size_t h = j + (j < n && buf[j] == ' ');
        if (h < n && buf[h] == 'h') {
            h += 1 + (h + 1 < n && buf[h + 1] == ' ');
            if (digit_at(buf, n, h) && digit_at(buf, n, h + 1) && !digit_at(buf, n, h + 2))
                return true;
        }
        if (j >= n)
            break;
        char sep = buf[j];
        if (sep == ':' && j - i <= 2 && digit_at(buf, n, j + 1) && digit_at(buf, n, j + 2) &&
            !digit_at(buf, n, j + 3))
            return true;
        if (sep == '.' || sep == '/' || sep == '-') {
            size_t k = j + 1;
            while (digit_at(buf, n, k))
                k++;
            if (k > j + 1 && k < n && buf[k] == sep && digit_at(buf, n, k + 1))
                return true;
        }
        i = j;
    }
    return digits && nc_month_name(buf, n);
}

enum { PICKER_MAX_BYTES = 240 };

static bool separator(UChar32 c)
{
    return c == ' ' || c == '|' || c == '/' || c == ',' || c == ';' || c == 0x00B7 ||
           c == 0x2022 || c == 0x2013 || c == 0x2014 || c == '-' || c == '(' ||
           c == ')' || c == '[' || c == ']';
}

/* Whether a name can start at this (unfolded) lead byte: ASCII is folded
 * by hand, and a non-ASCII capital's folded first byte is its own or, for
 * Latin-1 and Cyrillic capitals, the next one up; so both are tried. */
static bool may_start(uint8_t b)
{
    const uint16_t *start = endonym_index.start;
    uint8_t f = b >= 'A' && b <= 'Z' ? (uint8_t)(b + 32) : b;
    return start[f] != start[f + 1] || (b >= 0x80 && b < 0xFF && start[b + 1] != start[b + 2]);
}

/* The length of the name folded[at..n) opens with, followed by a
 * separator or the end; 0 when none does. */
static size_t name_at(const char *folded, size_t n, size_t at)
{
    unsigned k = 0;
    for (int p; (p = nc_phrase_next(&endonym_index, (const uint8_t *)folded, n, at, &k)) >= 0;) {
        size_t end = at + endonym_index.len[p];
        UChar32 c = ' '; /* the end of the block ends the name too */
        if (end < n)
            U8_NEXT((const uint8_t *)folded, end, n, c);
        if (separator(c))
            return endonym_index.len[p];
    }
    return 0;
}

unsigned nc_endonym_count(const char *text, size_t len)
{
    pthread_once(&words_once, words_init);
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
        size_t name = name_at(folded, n, at);
        if (name == 0)
            return 0;
        at += name;
        count++;
    }
}

/* A label a page sets over its date ("Published" / "Feb 2, 2023"),
 * folded, with no colon. Lead to a date candidate of the next block
 * (meta/blocks.c). */
static const char *const date_labels[] = {
    "published", "published on", "posted", "posted on", "date", "publication date",
    "date published", "first published", "veröffentlicht", "veröffentlicht am", "datum",
    "publié le", "date de publication", "publicado", "publicado el", "fecha",
    "pubblicato il", "gepubliceerd"};

bool nc_date_label(const char *text, size_t len)
{
    char folded[40];
    size_t read;
    /* Every label opens with one of these letters (it runs on every
     * short block of a page). */
    if (len < 4 || len >= sizeof folded || !strchr("PpDdVvFfGg", text[0]))
        return false;
    size_t n = nc_fold_prefix(text, len, folded, sizeof folded, &read);
    while (n && (folded[n - 1] == ' ' || folded[n - 1] == ':'))
        n--;
    for (size_t i = 0; i < sizeof date_labels / sizeof *date_labels; i++)
        if (strlen(date_labels[i]) == n && memcmp(folded, date_labels[i], n) == 0)
            return true;
    return false;
}

/* <meta> names (lower case) that carry the publication date under a
 * site's own prefix ("w-published-date", "published", "pubdate"); not
 * the publisher's name nor a modified date. */
bool nc_published_key(const char *key)
{
    static const char *const marks[] = {"published", "publish-date", "publish_date",
                                        "publishdate", "pubdate", "publication_date",
                                        "publication-date"};
    static const char *const not_dates[] = {"modif", "updat", "by", "er"};
    bool mark = false;
    for (size_t i = 0; i < sizeof marks / sizeof *marks && !mark; i++)
        mark = strstr(key, marks[i]) != NULL;
    for (size_t i = 0; i < sizeof not_dates / sizeof *not_dates && mark; i++)
        mark = strstr(key, not_dates[i]) == NULL;
    return mark;
}

/* Image file extensions: lynx -dump prints an image without alt text as
 * "[" + its file name + "]", and pages that give a file name as the alt
 * text get it printed as a line of its own (blocks/text.c blanks both). */
bool nc_image_file_name(const char *s, size_t len)
{
    static const char *const extensions[] = {"jpg", "jpeg", "png", "gif", "webp", "svg",
                                             "avif", "bmp", "ico", "tif", "tiff"};
    const char *query = memchr(s, '?', len);
    size_t n = query ? (size_t)(query - s) : len;
    size_t dot = n;
    while (dot > 0 && s[dot - 1] != '.')
        dot--;
    if (dot < 2 || n - dot > 4)
        return false; /* no name before the dot, or no extension */
    char ext[5] = {0};
    for (size_t i = dot; i < n; i++)
        ext[i - dot] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++)
        if (strcmp(ext, extensions[i]) == 0)
            return true;
    return false;
}
