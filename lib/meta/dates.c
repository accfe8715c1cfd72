/* meta/dates.c - dates as pages write them: ISO 8601, numeric day-month-
 * year orders, month names in the stoplist languages, CJK 年月日, and
 * relative dates against a reference date. The text is split into
 * tokens (numbers, case-folded words, punctuation) and the known orders
 * are matched on them; every date must be a real calendar day. */
#include <stdio.h>
#include <string.h>

#include "meta/meta.h"
#include "meta/months.h"

enum { MAX_TOKENS = 96, WORD_BYTES = 40 };

typedef enum { TOK_NUM, TOK_WORD, TOK_PUNCT } tok_kind;

typedef struct token {
    tok_kind kind;
    size_t at, end;        /* bytes in the input */
    int num;               /* TOK_NUM: its value (digits <= 4) */
    size_t digits;
    char word[WORD_BYTES]; /* TOK_WORD: folded; TOK_PUNCT: the character */
} token;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* A letter byte: ASCII letters and any byte of a non-ASCII character
 * (punctuation such as "–" and "·" is told apart by is_punct_cp). */
static bool is_punct_cp(const unsigned char *u, size_t left)
{
    /* General punctuation U+2000..U+206F, CJK punctuation U+3000..U+303F,
     * NBSP, middle dot, the CJK date marks are words. */
    if (u[0] == 0xE2 && left >= 3 && u[1] >= 0x80 && u[1] <= 0x81)
        return true;
    if (u[0] == 0xE3 && left >= 3 && u[1] == 0x80 && u[2] <= 0xBF)
        return true;
    if (u[0] == 0xC2 && left >= 2 && (u[1] == 0xA0 || u[1] == 0xB7 || u[1] == 0xBB ||
                                     u[1] == 0xAB))
        return true;
    if (u[0] == 0xEF && left >= 3 && u[1] == 0xBC) /* full-width forms */
        return true;
    return false;
}

static size_t cp_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* CJK date marks end a word on their own: 2025年9月4日. */
static bool is_cjk_mark(const unsigned char *u, size_t left)
{
    return left >= 3 && ((u[0] == 0xE5 && u[1] == 0xB9 && u[2] == 0xB4) ||  /* 年 */
                         (u[0] == 0xE6 && u[1] == 0x9C && u[2] == 0x88) ||  /* 月 */
                         (u[0] == 0xE6 && u[1] == 0x97 && u[2] == 0xA5));   /* 日 */
}

static size_t tokenize(const char *s, size_t len, token *toks)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = 0, i = 0;
    while (i < len && n < MAX_TOKENS) {
        unsigned char c = u[i];
        token *t = &toks[n];
        t->at = i;
        if (is_digit((char)c)) {
            size_t j = i;
            int v = 0;
            while (j < len && is_digit(s[j])) {
                if (j - i < 8)
                    v = v * 10 + (s[j] - '0');
                j++;
            }
            t->kind = TOK_NUM;
            t->num = v;
            t->digits = j - i;
            t->end = j;
            i = j;
            n++;
        } else if (c >= 0x80 && is_cjk_mark(u + i, len - i)) {
            t->kind = TOK_WORD;
            memcpy(t->word, s + i, 3);
            t->word[3] = '\0';
            t->end = i + 3;
            i += 3;
            n++;
        } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                   (c >= 0x80 && !is_punct_cp(u + i, len - i))) {
            size_t j = i;
            while (j < len) {
                unsigned char d = u[j];
                bool letter = (d >= 'A' && d <= 'Z') || (d >= 'a' && d <= 'z') ||
                              (d >= 0x80 && !is_punct_cp(u + j, len - j) &&
                               !is_cjk_mark(u + j, len - j));
                /* "ZeldmanNovember 20": a name and a month glued where
                 * markup joined them end at the capital. */
                if (!letter || (d >= 'A' && d <= 'Z' && j > i && u[j - 1] >= 'a' && u[j - 1] <= 'z'))
                    break;
                j += d < 0x80 ? 1 : cp_len(d);
            }
            if (j > len)
                j = len;
            size_t read = 0;
            size_t w = nc_fold_prefix(s + i, j - i, t->word, WORD_BYTES - 1, &read);
            t->word[w] = '\0';
            t->kind = TOK_WORD;
            t->end = j;
            i = j;
            n++;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                   (c >= 0x80 && u[i] == 0xC2 && i + 1 < len && u[i + 1] == 0xA0)) {
            i += c >= 0x80 ? 2 : 1;
        } else {
            size_t k = c < 0x80 ? 1 : cp_len(c);
            if (i + k > len)
                k = len - i;
            t->kind = TOK_PUNCT;
            memcpy(t->word, s + i, k);
            t->word[k] = '\0';
            t->end = i + k;
            i += k;
            n++;
        }
    }
    return n;
}

/* ---- calendar ---- */

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

static bool valid_day(int y, int m, int d)
{
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, nc_date *out)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    out->day = (int)(doy - (153 * mp + 2) / 5 + 1);
    out->month = (int)(mp < 10 ? mp + 3 : mp - 9);
    out->year = (int)(yoe + era * 400 + (out->month <= 2));
}

static void set_day(nc_date *d, int y, int m, int day)
{
    d->year = y;
    d->month = m;
    d->day = day;
    d->hour = d->minute = d->second = -1;
    d->zone = NC_DATE_NO_ZONE;
    d->swappable = false;
}

bool nc_date_swapped(const nc_date *d, nc_date *out)
{
    if (!d->swappable)
        return false;
    *out = *d;
    out->month = d->day;
    out->day = d->month;
    return true;
}

int nc_date_cmp_day(const nc_date *a, const nc_date *b)
{
    long x = days_from_civil(a->year, a->month, a->day);
    long y = days_from_civil(b->year, b->month, b->day);
    return x < y ? -1 : x > y;
}

/* The day (since 1970) of a minute since 1970, flooring: the minutes are
 * never negative for years >= 1970, but a stamp may be older. */
static long day_of_minute(long minute)
{
    return minute >= 0 ? minute / 1440 : -((-minute + 1439) / 1440);
}

bool nc_date_local_day(const nc_date *stamp, const nc_date *day)
{
    if (stamp->hour < 0 || stamp->zone == NC_DATE_NO_ZONE)
        return nc_date_cmp_day(stamp, day) == 0;
    /* Minutes since 1970 in UTC; the zones of the world run from UTC-12
     * to UTC+14. */
    long utc = days_from_civil(stamp->year, stamp->month, stamp->day) * 1440 +
               stamp->hour * 60 + (stamp->minute > 0 ? stamp->minute : 0) - stamp->zone;
    long d = days_from_civil(day->year, day->month, day->day);
    return d >= day_of_minute(utc - 12 * 60) && d <= day_of_minute(utc + 14 * 60);
}

void nc_date_format(const nc_date *d, char out[32])
{
    int n = snprintf(out, 32, "%04d-%02d-%02d", d->year % 10000, d->month % 100, d->day % 100);
    if (d->hour < 0 || n < 0)
        return;
    n += snprintf(out + n, (size_t)(32 - n), "T%02d:%02d:%02d", d->hour % 100,
                  d->minute % 100, (d->second < 0 ? 0 : d->second) % 100);
    if (d->zone == 0)
        snprintf(out + n, (size_t)(32 - n), "Z");
    else if (d->zone != NC_DATE_NO_ZONE)
        snprintf(out + n, (size_t)(32 - n), "%c%02d:%02d", d->zone < 0 ? '-' : '+',
                 (d->zone < 0 ? -d->zone : d->zone) / 60 % 100,
                 (d->zone < 0 ? -d->zone : d->zone) % 60);
}

/* ---- ISO 8601 ---- */

static int digits_at(const char *s, size_t len, size_t i, size_t n)
{
    if (i + n > len)
        return -1;
    int v = 0;
    for (size_t k = 0; k < n; k++) {
        if (!is_digit(s[i + k]))
            return -1;
        v = v * 10 + (s[i + k] - '0');
    }
    return v;
}

/* The time part after 'T' or ' ' at s[i]: HH:MM[:SS[.f]][Z|+HH[:]MM]. */
static size_t iso_time(const char *s, size_t len, size_t i, nc_date *d)
{
    int h = digits_at(s, len, i, 2), m = digits_at(s, len, i + 3, 2);
    if (h < 0 || m < 0 || s[i + 2] != ':' || h > 23 || m > 59)
        return i;
    d->hour = h;
    d->minute = m;
    i += 5;
    if (i < len && s[i] == ':' && digits_at(s, len, i + 1, 2) >= 0) {
        d->second = digits_at(s, len, i + 1, 2) % 60;
        i += 3;
        while (i < len && (s[i] == '.' || s[i] == ',' || is_digit(s[i])))
            i++;
    }
    if (i < len && s[i] == 'Z') {
        d->zone = 0;
        i++;
    } else if (i < len && (s[i] == '+' || s[i] == '-')) {
        int zh = digits_at(s, len, i + 1, 2);
        size_t k = i + 3 + (i + 3 < len && s[i + 3] == ':');
        int zm = digits_at(s, len, k, 2);
        if (zh >= 0 && zh <= 14) {
            d->zone = (s[i] == '-' ? -1 : 1) * (zh * 60 + (zm >= 0 ? zm : 0));
            i = zm >= 0 ? k + 2 : i + 3;
        }
    }
    return i;
}

/* YYYY-MM-DD (also YYYY/MM/DD, YYYY.MM.DD) starting at s[i]. */
static bool iso_at(const char *s, size_t len, size_t i, nc_date *d, size_t *end)
{
    int y = digits_at(s, len, i, 4);
    if (y < 0 || (i > 0 && is_digit(s[i - 1])) || i + 5 >= len)
        return false;
    char sep = s[i + 4];
    if (sep != '-' && sep != '/' && sep != '.')
        return false;
    size_t k = i + 5;
    int m = digits_at(s, len, k, 2);
    size_t ml = 2;
    if (m < 0) {
        m = digits_at(s, len, k, 1);
        ml = 1;
    }
    if (m < 0 || k + ml >= len || s[k + ml] != sep)
        return false;
    k += ml + 1;
    int day = digits_at(s, len, k, 2);
    size_t dl = 2;
    if (day < 0) {
        day = digits_at(s, len, k, 1);
        dl = 1;
    }
    if (day < 0 || (k + dl < len && is_digit(s[k + dl])) || !valid_day(y, m, day))
        return false;
    set_day(d, y, m, day);
    k += dl;
    if (sep == '-' && k + 1 < len && (s[k] == 'T' || s[k] == ' ') && is_digit(s[k + 1]))
        k = iso_time(s, len, k + 1, d);
    *end = k;
    return true;
}

/* ---- month names and word orders ---- */

static int month_of(const char *word)
{
    size_t n = strlen(word);
    if (n < 3)
        return 0;
    /* The first byte first: every word of a date-like block comes here. */
    for (size_t i = 0; i < sizeof nc_month_names / sizeof *nc_month_names; i++)
        if (nc_month_names[i].name[0] == word[0] && strcmp(nc_month_names[i].name, word) == 0)
            return nc_month_names[i].month;
    return 0;
}

/* Words that may stand between the parts of a date. */
static bool filler(const token *t)
{
    if (t->kind == TOK_PUNCT)
        return strcmp(t->word, ",") == 0 || strcmp(t->word, ".") == 0;
    if (t->kind != TOK_WORD)
        return false;
    static const char *const words[] = {"de", "del", "of", "the", "st", "nd", "rd", "th",
                                        "er", "e", "г", "го"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(t->word, words[i]) == 0)
            return true;
    return false;
}

/* The next token at or after k that is no filler (at most two skipped). */
static size_t next_part(const token *t, size_t n, size_t k)
{
    for (int skipped = 0; k < n && skipped < 3 && filler(&t[k]); skipped++)
        k++;
    return k;
}

static bool is_year(const token *t)
{
    return t->kind == TOK_NUM && t->digits == 4 && t->num >= 1990 && t->num <= 2100;
}

static bool is_day(const token *t)
{
    return t->kind == TOK_NUM && t->digits <= 2 && t->num >= 1 && t->num <= 31;
}

/* A date of words at token k: "4 September 2025", "September 4, 2025",
 * "2025年9月4日". *last is its last token. */
static bool words_at(const token *t, size_t n, size_t k, nc_date *d, size_t *last)
{
    size_t a = next_part(t, n, k + 1), b = a < n ? next_part(t, n, a + 1) : n;
    if (b >= n)
        return false;
    int m;
    if (is_day(&t[k]) && t[a].kind == TOK_WORD && (m = month_of(t[a].word)) &&
        is_year(&t[b]) && valid_day(t[b].num, m, t[k].num)) {
        set_day(d, t[b].num, m, t[k].num);
    } else if (t[k].kind == TOK_WORD && (m = month_of(t[k].word)) && is_day(&t[a]) &&
               is_year(&t[b]) && valid_day(t[b].num, m, t[a].num)) {
        set_day(d, t[b].num, m, t[a].num);
    } else if (is_year(&t[k]) && k + 5 < n && strcmp(t[k + 1].word, "\xE5\xB9\xB4") == 0 &&
               t[k + 2].kind == TOK_NUM && strcmp(t[k + 3].word, "\xE6\x9C\x88") == 0 &&
               t[k + 4].kind == TOK_NUM && valid_day(t[k].num, t[k + 2].num, t[k + 4].num)) {
        set_day(d, t[k].num, t[k + 2].num, t[k + 4].num);
        b = k + 4 + (strcmp(t[k + 5].word, "\xE6\x97\xA5") == 0);
    } else {
        return false;
    }
    *last = b;
    return true;
}

/* D.M.YYYY, D/M/YYYY, M/D/YYYY (English, when the numbers allow it). */
static bool numeric_at(const token *t, size_t n, size_t k, const char *language, nc_date *d,
                       size_t *last)
{
    if (k + 4 >= n || t[k].kind != TOK_NUM || t[k + 1].kind != TOK_PUNCT ||
        t[k + 2].kind != TOK_NUM || t[k + 3].kind != TOK_PUNCT || !is_year(&t[k + 4]) ||
        strcmp(t[k + 1].word, t[k + 3].word) != 0 || t[k].digits > 2 || t[k + 2].digits > 2)
        return false;
    char sep = t[k + 1].word[0];
    if (sep != '.' && sep != '/' && sep != '-')
        return false;
    if (t[k].end != t[k + 1].at || t[k + 1].end != t[k + 2].at || t[k + 3].end != t[k + 4].at)
        return false; /* "4 / 9 / 2025" is no date */
    int a = t[k].num, b = t[k + 2].num, y = t[k + 4].num;
    bool month_first = sep != '.' && language && strcmp(language, "en") == 0 && a <= 12;
    if (month_first && valid_day(y, a, b))
        set_day(d, y, a, b);
    else if (valid_day(y, b, a))
        set_day(d, y, b, a);
    else
        return false;
    d->swappable = a <= 12 && b <= 12 && a != b;
    *last = k + 4;
    return true;
}

/* ---- relative dates ---- */

/* Unit words (folded prefixes) and the days they stand for (0: hours and
 * minutes, read as the reference day). */
static int unit_days(const char *word)
{
    static const struct { const char *prefix; int days; } units[] = {
        {"min", 0}, {"hour", 0}, {"hr", 0}, {"stunde", 0}, {"heure", 0}, {"hora", 0},
        {"ora", 0}, {"ore", 0}, {"uur", 0}, {"godzin", 0}, {"час", 0}, {"минут", 0},
        {"day", 1}, {"tag", 1}, {"jour", 1}, {"día", 1}, {"dia", 1}, {"giorn", 1},
        {"dag", 1}, {"dni", 1}, {"dzień", 1}, {"дн", 1}, {"день", 1},
        {"week", 7}, {"woche", 7}, {"semaine", 7}, {"semana", 7}, {"settiman", 7},
        {"weken", 7}, {"tydz", 7}, {"tygodn", 7}, {"недел", 7}};
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (strncmp(word, units[i].prefix, strlen(units[i].prefix)) == 0)
            return units[i].days;
    return -1;
}

static bool word_in(const char *word, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(word, list[i]) == 0)
            return true;
    return false;
}

/* "3 hours ago", "vor 2 Tagen", "hace 3 días", "yesterday", "gestern". */
static bool relative_at(const token *t, size_t n, size_t k, const nc_date *ref,
                        nc_date *d, size_t *last)
{
    static const char *const before[] = {"vor", "hace", "há", "a"};
    static const char *const after[] = {"ago", "fa", "geleden", "temu", "назад"};
    static const char *const yesterday[] = {"yesterday", "gestern", "ayer", "ieri",
                                            "ontem", "gisteren", "wczoraj", "вчера"};
    static const char *const today[] = {"today", "heute", "hoy", "oggi", "hoje",
                                        "vandaag", "dzisiaj", "dziś", "сегодня",
                                        "aujourd"};
    long back = -1;
    if (t[k].kind == TOK_WORD && word_in(t[k].word, yesterday, 8)) {
        back = 1;
        *last = k;
    } else if (t[k].kind == TOK_WORD && word_in(t[k].word, today, 10)) {
        back = 0;
        *last = k;
    } else if (t[k].kind == TOK_NUM && t[k].digits <= 3 && k + 1 < n &&
               t[k + 1].kind == TOK_WORD) {
        int unit = unit_days(t[k + 1].word);
        bool marked = (k + 2 < n && t[k + 2].kind == TOK_WORD && word_in(t[k + 2].word, after, 5)) ||
                      (k > 0 && t[k - 1].kind == TOK_WORD && word_in(t[k - 1].word, before, 4));
        if (unit < 0 || !marked)
            return false;
        back = unit ? (long)unit * t[k].num : 0;
        if (!unit && ref->hour >= 0 && strncmp(t[k + 1].word, "min", 3) != 0)
            back = (ref->hour < t[k].num % 1000) ? 1 + (t[k].num - ref->hour) / 24 : 0;
        *last = k + 2 < n && word_in(t[k + 2].word, after, 5) ? k + 2 : k + 1;
    }
    if (back < 0)
        return false;
    civil_from_days(days_from_civil(ref->year, ref->month, ref->day) - back, d);
    d->hour = d->minute = d->second = -1;
    d->zone = NC_DATE_NO_ZONE;
    d->swappable = false;
    return true;
}

/* A run of exactly four digits from 1990 to 2100. */
static bool has_year(const char *s, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && is_digit(s[i])) {
            run++;
            continue;
        }
        if (run == 4) {
            int y = (s[i - 4] - '0') * 1000 + (s[i - 3] - '0') * 100 + (s[i - 2] - '0') * 10 +
                    (s[i - 1] - '0');
            if (y >= 1990 && y <= 2100)
                return true;
        }
        run = 0;
    }
    return false;
}

bool nc_date_find(const char *s, size_t len, const char *language, const nc_date *ref,
                  nc_date *out, size_t *at, size_t *end)
{
    if (!s || !len)
        return false;
    if (len > 4096)
        len = 4096;
    /* Every absolute date has a four-digit year (most text has none, and
     * this scan is all it costs); only relative ones do without. */
    if (!has_year(s, len) && !ref)
        return false;
    /* ISO first: it is exact and often sits inside a longer string. */
    for (size_t i = 0; i + 10 <= len; i++) {
        size_t e;
        if (is_digit(s[i]) && iso_at(s, len, i, out, &e)) {
            if (at)
                *at = i;
            if (end)
                *end = e;
            return true;
        }
    }
    token toks[MAX_TOKENS];
    size_t n = tokenize(s, len, toks), last = 0;
    for (size_t k = 0; k < n; k++) {
        if (words_at(toks, n, k, out, &last) || numeric_at(toks, n, k, language, out, &last) ||
            (ref && relative_at(toks, n, k, ref, out, &last))) {
            if (at)
                *at = toks[k].at;
            if (end)
                *end = toks[last].end;
            return true;
        }
    }
    return false;
}

bool nc_date_span(const char *s, size_t len, const char *language)
{
    nc_date first, second;
    size_t end, at;
    if (!nc_date_find(s, len, language, NULL, &first, NULL, &end))
        return false;
    while (end < len && s[end] == ' ')
        end++;
    static const char *const dashes[] = {"-", "\xE2\x80\x93", "\xE2\x80\x94", "to ", "bis ", "au "};
    size_t dash = 0;
    for (size_t i = 0; i < sizeof dashes / sizeof *dashes && !dash; i++) {
        size_t n = strlen(dashes[i]);
        if (n <= len - end && memcmp(s + end, dashes[i], n) == 0)
            dash = n;
    }
    if (!dash)
        return false;
    end += dash;
    while (end < len && s[end] == ' ')
        end++;
    return nc_date_find(s + end, len - end, language, NULL, &second, &at, NULL) && at == 0;
}

bool nc_date_from_url(const char *url, nc_date *out)
{
    if (!url)
        return false;
    const char *path = strstr(url, "://");
    path = path ? strchr(path + 3, '/') : url;
    if (!path)
        return false;
    size_t len = strlen(path);
    for (size_t i = 1; i + 8 <= len; i++) {
        if (path[i - 1] != '/' && path[i - 1] != '-' && path[i - 1] != '_')
            continue;
        int y = digits_at(path, len, i, 4);
        if (y < 1990 || y > 2100)
            continue;
        char sep = path[i + 4];
        int m = -1, d = -1;
        if (sep == '/' || sep == '-' || sep == '_') {
            m = digits_at(path, len, i + 5, 2);
            if (m >= 0 && i + 7 < len && path[i + 7] == sep)
                d = digits_at(path, len, i + 8, 2);
        } else {
            m = digits_at(path, len, i + 4, 2);
            d = digits_at(path, len, i + 6, 2);
            if (i + 8 < len && is_digit(path[i + 8]))
                continue;
        }
        if (m > 0 && d > 0 && valid_day(y, m, d)) {
            set_day(out, y, m, d);
            return true;
        }
    }
    return false;
}
