/* check_lang.c - the language stage: word counts (byte tokenizer and ICU
 * word breaks), the document language for short paragraphs in many
 * languages and close pairs, hints, and per-block foreign evidence. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <unicode/uscript.h>

#include "internal.h"
#include "outline.h"
#include "lang/lang.h"

/* Runs the pipeline up to the language stage on plain text (one block a
 * line) with an optional language hint. */
static nc_doc run_hint(const char *text, const char *hint)
{
    nc_options o;
    nc_options_init(&o);
    o.input = NC_INPUT_TEXT;
    o.language = hint;
    nc_doc d;
    nc_status st = nc_pipeline(text, strlen(text), &o, &d);
    ck_assert_msg(st == NC_OK, "nc_pipeline: %s", nc_strerror(st));
    return d;
}

static nc_doc run(const char *text) { return run_hint(text, NULL); }

/* The block whose text starts with prefix (fails when none). */
static const nc_block *block_of(const nc_doc *d, const char *prefix)
{
    for (size_t i = 0; i < d->nblocks; i++)
        if (!strncmp(d->blocks[i].text, prefix, strlen(prefix)))
            return &d->blocks[i];
    ck_abort_msg("no block starts with %s", prefix);
    return NULL;
}

static uint32_t words_of(const char *text)
{
    nc_doc d = run(text);
    ck_assert_uint_eq(d.nblocks, 1);
    uint32_t w = d.blocks[0].words;
    nc_doc_free(&d);
    return w;
}

/* ---- word counts ---- */

START_TEST(words_english)
{
    /* "doesn't" and "3.5" are one word each, as ICU counts them. */
    ck_assert_uint_eq(words_of("The quick brown fox doesn't jump over 3.5 lazy dogs."), 10);
    ck_assert_uint_eq(words_of("Hello, world!"), 2);
    ck_assert_uint_eq(words_of("-- ... --"), 0);
}
END_TEST

START_TEST(words_german_umlauts)
{
    nc_doc d = run("Über die Brücke gehen fünf Mädchen schnell.");
    ck_assert_uint_eq(d.blocks[0].words, 7);
    ck_assert_uint_eq(d.blocks[0].letters, 36);
    ck_assert_uint_eq(d.blocks[0].script, USCRIPT_LATIN);
    nc_doc_free(&d);
    /* Decomposed umlauts (u + U+0308) stay inside their word. */
    ck_assert_uint_eq(words_of("U\xcc\x88" "ber die Bru\xcc\x88" "cke"), 3);
}
END_TEST

START_TEST(words_russian)
{
    nc_doc d = run("Съешь же ещё этих мягких французских булок, да выпей чаю.");
    ck_assert_uint_eq(d.blocks[0].words, 10);
    ck_assert_uint_eq(d.blocks[0].script, USCRIPT_CYRILLIC);
    nc_doc_free(&d);
}
END_TEST

START_TEST(words_chinese)
{
    /* 我们 今天 去 北京 大学: ICU's dictionary, not one word a character
     * nor one word for the whole run. */
    nc_doc d = run("我们今天去北京大学。");
    uint32_t w = d.blocks[0].words;
    ck_assert_msg(w >= 4 && w <= 6, "words %u", w);
    ck_assert_uint_eq(d.blocks[0].letters, 9);
    ck_assert_uint_eq(d.blocks[0].script, USCRIPT_HAN);
    nc_doc_free(&d);
}
END_TEST

START_TEST(words_japanese)
{
    /* 私 は 東京 で 日本語 を 勉強 し て い ます */
    nc_doc d = run("私は東京で日本語を勉強しています。");
    uint32_t w = d.blocks[0].words;
    ck_assert_msg(w >= 8 && w <= 12, "words %u", w);
    ck_assert_uint_eq(d.blocks[0].letters, 16);
    nc_doc_free(&d);
}
END_TEST

START_TEST(words_thai)
{
    /* ฉัน รัก ภาษา ไทย มาก */
    ck_assert_uint_eq(words_of("ฉันรักภาษาไทยมาก"), 5);
}
END_TEST

START_TEST(words_mixed_scripts)
{
    /* Latin words and a number around a Han run. */
    uint32_t w = words_of("iPhone 15 在中国发布");
    ck_assert_msg(w >= 4 && w <= 6, "words %u", w);
}
END_TEST

/* ---- the document's language ---- */

static const struct sample {
    const char *code;
    const char *text;
} samples[] = {
    {"de", "Die Bundesregierung hat am Montag neue Maßnahmen beschlossen, die vor allem den Wohnungsbau in den Städten fördern sollen. Nach Angaben des Ministeriums sind dafür mehr als zwei Milliarden Euro vorgesehen, die noch in diesem Jahr ausgezahlt werden."},
    {"en", "The government announced on Monday that it would spend more than two billion pounds on new housing. Officials said the money would be paid out this year, although critics warned that it was not nearly enough."},
    {"fr", "Le gouvernement a annoncé lundi de nouvelles mesures pour soutenir la construction de logements dans les grandes villes. Selon le ministère, plus de deux milliards d'euros seront versés avant la fin de l'année."},
    {"es", "El Gobierno anunció el lunes nuevas medidas para impulsar la construcción de viviendas en las grandes ciudades. Según el ministerio, se destinarán más de dos mil millones de euros que se pagarán antes de que termine el año."},
    {"pt", "O governo anunciou na segunda-feira novas medidas para apoiar a construção de habitações nas grandes cidades. Segundo o ministério, serão pagos mais de dois mil milhões de euros até ao final do ano, o que não é suficiente para os críticos."},
    {"it", "Il governo ha annunciato lunedì nuove misure per sostenere la costruzione di case nelle grandi città. Secondo il ministero, saranno pagati più di due miliardi di euro entro la fine dell'anno, anche se per i critici non basta."},
    {"nl", "De regering heeft maandag nieuwe maatregelen aangekondigd om de bouw van woningen in de grote steden te stimuleren. Volgens het ministerie wordt er dit jaar meer dan twee miljard euro uitgegeven, maar dat is volgens critici niet genoeg."},
    {"pl", "Rząd ogłosił w poniedziałek nowe działania, które mają wspierać budowę mieszkań w dużych miastach. Według ministerstwa jeszcze w tym roku zostanie wypłaconych ponad dwa miliardy złotych, ale zdaniem krytyków to nie wystarczy."},
    {"ru", "Правительство в понедельник объявило о новых мерах, которые должны поддержать строительство жилья в крупных городах. По данным министерства, до конца года на это будет выделено более двух миллиардов рублей, но критики считают, что этого недостаточно."},
    {"uk", "Уряд у понеділок оголосив нові заходи, які мають підтримати будівництво житла у великих містах. За даними міністерства, до кінця року на це буде виділено понад два мільярди гривень, але критики вважають, що цього недостатньо."},
    {"zh", "政府星期一宣布了新的措施，以支持大城市的住房建设。据该部称，今年年底前将拨款二十多亿元，但批评人士认为这还远远不够。"},
    {"ja", "政府は月曜日、大都市での住宅建設を支援するための新しい対策を発表した。同省によると、年末までに二十億円以上が支払われるが、批評家はこれでは不十分だと考えている。"},
    {"ko", "정부는 월요일 대도시의 주택 건설을 지원하기 위한 새로운 대책을 발표했다. 부처에 따르면 연말까지 이십억 원 이상이 지급될 예정이지만 비평가들은 이것이 충분하지 않다고 본다."},
    {"ar", "أعلنت الحكومة يوم الاثنين عن إجراءات جديدة لدعم بناء المساكن في المدن الكبرى. وقالت الوزارة إنه سيتم صرف أكثر من ملياري دولار قبل نهاية العام، لكن المنتقدين يرون أن ذلك غير كاف."},
    {"tr", "Hükümet pazartesi günü büyük şehirlerde konut yapımını desteklemek için yeni önlemler açıkladı. Bakanlığa göre yıl sonuna kadar iki milyar liradan fazla ödeme yapılacak, ancak eleştirmenler bunun yeterli olmadığını düşünüyor."},
    {"th", "รัฐบาลประกาศมาตรการใหม่เมื่อวันจันทร์เพื่อสนับสนุนการก่อสร้างที่อยู่อาศัยในเมืองใหญ่ กระทรวงระบุว่าจะมีการจ่ายเงินมากกว่าสองพันล้านบาทภายในสิ้นปีนี้"},
    /* close pairs */
    {"cs", "Vláda v pondělí oznámila nová opatření, která mají podpořit výstavbu bytů ve velkých městech. Podle ministerstva bude do konce roku vyplaceno více než dvě miliardy korun, ale podle kritiků to není dost."},
    {"sk", "Vláda v pondelok oznámila nové opatrenia, ktoré majú podporiť výstavbu bytov vo veľkých mestách. Podľa ministerstva bude do konca roka vyplatených viac ako dve miliardy eur, ale podľa kritikov to nie je dosť."},
    {"da", "Regeringen præsenterede mandag nye tiltag, som skal støtte boligbyggeriet i de store byer. Ifølge ministeriet bliver der udbetalt mere end to milliarder kroner inden årets udgang, men kritikerne mener ikke, at det er nok."},
    {"no", "Regjeringen la mandag fram nye tiltak som skal støtte boligbyggingen i de store byene. Ifølge departementet blir det utbetalt mer enn to milliarder kroner innen utgangen av året, men kritikerne mener at det ikke er nok."},
    {"sv", "Regeringen presenterade på måndagen nya åtgärder som ska stödja bostadsbyggandet i de stora städerna. Enligt departementet kommer mer än två miljarder kronor att betalas ut före årets slut, men kritikerna anser att det inte räcker."},
    {"ca", "El Govern va anunciar dilluns noves mesures per impulsar la construcció d'habitatges a les grans ciutats. Segons el ministeri, es pagaran més de dos mil milions d'euros abans que acabi l'any, però els crítics creuen que no n'hi ha prou."},
    {"bg", "Правителството обяви в понеделник нови мерки, които трябва да подкрепят строителството на жилища в големите градове. Според министерството до края на годината ще бъдат изплатени повече от два милиарда лева, но критиците смятат, че това не е достатъчно."},
    {"hr", "Vlada je u ponedjeljak najavila nove mjere koje bi trebale potaknuti gradnju stanova u velikim gradovima. Prema podacima ministarstva, do kraja godine bit će isplaćeno više od dvije milijarde eura, ali kritičari smatraju da to nije dovoljno."},
    {"sr", "Влада је у понедељак најавила нове мере које би требало да подстакну изградњу станова у великим градовима. Према подацима министарства, до краја године биће исплаћено више од две милијарде динара, али критичари сматрају да то није довољно."},
    {"sl", "Vlada je v ponedeljek napovedala nove ukrepe, ki naj bi spodbudili gradnjo stanovanj v velikih mestih. Po podatkih ministrstva bo do konca leta izplačanih več kot dve milijardi evrov, vendar kritiki menijo, da to ni dovolj."},
    {"fi", "Hallitus ilmoitti maanantaina uusista toimista, joiden on tarkoitus tukea asuntorakentamista suurissa kaupungeissa. Ministeriön mukaan vuoden loppuun mennessä maksetaan yli kaksi miljardia euroa, mutta kriitikoiden mielestä se ei riitä."},
    {"hu", "A kormány hétfőn új intézkedéseket jelentett be, amelyek a nagyvárosokban a lakásépítést támogatják. A minisztérium szerint az év végéig több mint kétmilliárd eurót fizetnek ki, de a kritikusok szerint ez nem elég."},
    {"ro", "Guvernul a anunțat luni noi măsuri care ar trebui să sprijine construcția de locuințe în marile orașe. Potrivit ministerului, până la sfârșitul anului vor fi plătite peste două miliarde de euro, dar criticii consideră că nu este suficient."},
    {"vi", "Chính phủ hôm thứ Hai đã công bố các biện pháp mới nhằm hỗ trợ xây dựng nhà ở tại các thành phố lớn. Theo bộ, hơn hai tỷ đô la sẽ được chi trả trước cuối năm, nhưng các nhà phê bình cho rằng như vậy là chưa đủ."},
    {"id", "Pemerintah pada hari Senin mengumumkan langkah-langkah baru untuk mendukung pembangunan perumahan di kota-kota besar. Menurut kementerian, lebih dari dua miliar dolar akan dibayarkan sebelum akhir tahun, tetapi para kritikus menilai hal itu tidak cukup."},
    {"hi", "सरकार ने सोमवार को बड़े शहरों में आवास निर्माण को बढ़ावा देने के लिए नए उपायों की घोषणा की। मंत्रालय के अनुसार साल के अंत तक दो अरब रुपये से अधिक का भुगतान किया जाएगा, लेकिन आलोचकों का मानना है कि यह पर्याप्त नहीं है।"},
    {"el", "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέα μέτρα για τη στήριξη της κατασκευής κατοικιών στις μεγάλες πόλεις. Σύμφωνα με το υπουργείο, έως το τέλος του έτους θα καταβληθούν πάνω από δύο δισεκατομμύρια ευρώ."},
    {"he", "הממשלה הודיעה ביום שני על צעדים חדשים לתמיכה בבניית דירות בערים הגדולות. לדברי המשרד, עד סוף השנה ישולמו יותר משני מיליארד שקלים, אך המבקרים סבורים שזה לא מספיק."},
    {"fa", "دولت روز دوشنبه اقدامات جدیدی را برای حمایت از ساخت مسکن در شهرهای بزرگ اعلام کرد. به گفته وزارتخانه، تا پایان سال بیش از دو میلیارد تومان پرداخت خواهد شد، اما منتقدان معتقدند که این کافی نیست."},
};

START_TEST(doc_language)
{
    const struct sample *s = &samples[_i];
    nc_doc d = run(s->text);
    ck_assert_msg(!strcmp(d.lang_code, s->code), "%s detected as %s (%.2f)",
                  s->code, d.lang_code, d.lang_confidence);
    ck_assert_int_ge(d.lang, 0);
    ck_assert_str_eq(nc_lang_code_at(d.lang), s->code);
    ck_assert(d.lang_confidence > 0.0 && d.lang_confidence <= 1.0);
    /* Body text in the document language scores above zero. */
    ck_assert_int_gt(d.blocks[0].stopwords, 0);
    ck_assert_int_gt(d.blocks[0].lang_score, 0);
    ck_assert_float_eq_tol(d.blocks[0].foreign, 0.0f, 0.01f);
    nc_doc_free(&d);
}
END_TEST

START_TEST(doc_script)
{
    nc_doc d = run(samples[11].text); /* ja */
    ck_assert_str_eq(nc_script_code(d.script), "Jpan");
    nc_doc_free(&d);
    d = run(samples[10].text); /* zh */
    ck_assert_str_eq(nc_script_code(d.script), "Hani");
    nc_doc_free(&d);
    d = run(samples[8].text); /* ru */
    ck_assert_str_eq(nc_script_code(d.script), "Cyrl");
    nc_doc_free(&d);
}
END_TEST

START_TEST(undecided)
{
    nc_doc d = run("12:30 | 2024-01-05 | 42");
    ck_assert_str_eq(d.lang_code, "und");
    ck_assert_int_eq(d.lang, -1);
    ck_assert_int_eq(d.script, USCRIPT_COMMON);
    ck_assert_uint_eq(d.blocks[0].script, USCRIPT_COMMON);
    nc_doc_free(&d);
    d = run("");
    ck_assert_str_eq(d.lang_code, "und");
    nc_doc_free(&d);
}
END_TEST

/* ---- hints ---- */

START_TEST(option_hint_wins)
{
    nc_doc d = run_hint(samples[1].text, "de-AT"); /* English text */
    ck_assert_str_eq(d.lang_code, "de");
    ck_assert_str_eq(nc_lang_code_at(d.lang), "de");
    ck_assert_double_eq(d.lang_confidence, 1.0);
    nc_doc_free(&d);
    d = run_hint(samples[1].text, "nb"); /* Bokmål is the table's "no" */
    ck_assert_str_eq(d.lang_code, "no");
    nc_doc_free(&d);
    /* A language without a stoplist: the code, no table index. */
    d = run_hint(samples[1].text, "ka");
    ck_assert_str_eq(d.lang_code, "ka");
    ck_assert_int_eq(d.lang, -1);
    nc_doc_free(&d);
}
END_TEST

START_TEST(html_lang_is_evidence)
{
    /* Nothing to go on: <html lang> decides. */
    nc_doc d = run("Euro 2024");
    d.html_lang = "pt-BR";
    ck_assert_int_eq(nc_lang_analyse(&d), NC_OK);
    ck_assert_str_eq(d.lang_code, "pt");
    ck_assert(d.lang_confidence < 1.0);
    /* Clear text in another language outweighs it. */
    nc_doc_free(&d);
    d = run(samples[0].text); /* German */
    d.html_lang = "en";
    ck_assert_int_eq(nc_lang_analyse(&d), NC_OK);
    ck_assert_str_eq(d.lang_code, "de");
    nc_doc_free(&d);
}
END_TEST

/* ---- foreign blocks ---- */

static const char *english_page =
    "The government announced on Monday that it would spend more than two billion pounds on new housing.\n"
    "Officials said the money would be paid out this year, although critics warned that it was not nearly enough.\n"
    "Teilen\n"
    "Mehr zum Thema\n"
    "Заголовок открываемого материала\n"
    "7. MIT Sloan\n"
    "Фото: Reuters Pictures\n"
    "Редактор: Reuters\n"
    "The plan will be debated in parliament next week, and a vote is expected before the summer.\n";

START_TEST(foreign_on_english_page)
{
    nc_doc d = run(english_page);
    ck_assert_str_eq(d.lang_code, "en");
    const nc_block *b = block_of(&d, "Teilen");
    ck_assert_int_lt(b->lang_score, 0);
    ck_assert_str_eq(nc_lang_code_at(b->block_lang), "de");
    ck_assert(b->foreign > 0.0f);
    b = block_of(&d, "Mehr zum Thema");
    ck_assert_int_lt(b->lang_score, 0);
    ck_assert(b->foreign > 0.5f);
    b = block_of(&d, "Заголовок");
    ck_assert_int_lt(b->lang_score, 0);
    ck_assert_uint_eq(b->script, USCRIPT_CYRILLIC);
    ck_assert(b->script_other);
    ck_assert(b->script_all_other);
    ck_assert(b->foreign >= 0.99f);
    /* Mostly Latin with a Cyrillic word: not another script's line. */
    b = block_of(&d, "Фото");
    ck_assert(!b->script_other);
    ck_assert(!b->script_all_other);
    /* Mostly Cyrillic with a Latin word: another script, not wholly. */
    b = block_of(&d, "Редактор");
    ck_assert(b->script_other);
    ck_assert(!b->script_all_other);
    /* One chance hit in some big list is no evidence of anything. */
    b = block_of(&d, "7. MIT");
    ck_assert_int_eq(b->lang_score, 0);
    ck_assert_float_eq_tol(b->foreign, 0.0f, 0.01f);
    b = block_of(&d, "The plan");
    ck_assert(!b->script_other);
    ck_assert(!b->script_all_other);
    ck_assert_int_gt(b->lang_score, 0);
    ck_assert_int_eq(b->block_lang, d.lang);
    nc_doc_free(&d);
}
END_TEST

START_TEST(foreign_on_german_page)
{
    const char *page =
        "Die Bundesregierung hat am Montag neue Maßnahmen beschlossen, die vor allem den Wohnungsbau fördern sollen.\n"
        "Share this article\n"
        "Nach Angaben des Ministeriums sind dafür mehr als zwei Milliarden Euro vorgesehen.\n"
        "Lire la suite\n";
    nc_doc d = run(page);
    ck_assert_str_eq(d.lang_code, "de");
    ck_assert_int_lt(block_of(&d, "Share this")->lang_score, 0);
    ck_assert_int_lt(block_of(&d, "Lire la suite")->lang_score, 0);
    ck_assert_int_gt(block_of(&d, "Nach Angaben")->lang_score, 0);
    nc_doc_free(&d);
}
END_TEST

START_TEST(kana_on_japanese_page_is_not_foreign)
{
    char page[2048];
    snprintf(page, sizeof page, "%s\nシェアする\n", samples[11].text);
    nc_doc d = run(page);
    ck_assert_str_eq(d.lang_code, "ja");
    const nc_block *b = block_of(&d, "シェア");
    ck_assert_float_eq_tol(b->foreign, 0.0f, 0.01f);
    /* Kana and Han are the page's own script ("Jpan"), not another. */
    ck_assert_uint_eq(d.script, USCRIPT_JAPANESE);
    ck_assert(!b->script_other);
    for (size_t i = 0; i < d.nblocks; i++)
        ck_assert(!d.blocks[i].script_other && !d.blocks[i].script_all_other);
    nc_doc_free(&d);
}
END_TEST

/* ---- helpers ---- */

START_TEST(stopword_helper)
{
    nc_doc d = run(samples[0].text); /* German */
    ck_assert(nc_is_stopword(&d, "und", 3));
    ck_assert(nc_is_stopword(&d, "ÜBER", strlen("ÜBER")));
    ck_assert(nc_is_stopword(&d, "Die", 3));
    ck_assert(!nc_is_stopword(&d, "Bundesregierung", 15));
    ck_assert(!nc_is_stopword(&d, "the", 3));
    ck_assert(!nc_is_stopword(NULL, "und", 3));
    nc_doc_free(&d);
    d = run(samples[2].text); /* French: elided articles */
    ck_assert(nc_is_stopword(&d, "l'", 2));
    nc_doc_free(&d);
}
END_TEST

START_TEST(script_codes)
{
    ck_assert_str_eq(nc_script_code(USCRIPT_LATIN), "Latn");
    ck_assert_str_eq(nc_script_code(USCRIPT_CYRILLIC), "Cyrl");
    ck_assert_str_eq(nc_script_code(USCRIPT_HAN), "Hani");
    ck_assert_str_eq(nc_script_code(USCRIPT_COMMON), "Zyyy");
    ck_assert_str_eq(nc_script_code(100000), "Zyyy");
    ck_assert_str_eq(nc_lang_code_at(-1), "und");
    ck_assert_str_eq(nc_lang_code_at(1000), "und");
}
END_TEST

/* Threads that make the process's first calls at once: the one-time
 * set-up runs once, and every thread gets the same answers. */
static void *detect_in_thread(void *arg)
{
    (void)arg;
    static const int picks[] = {0, 1, 8, 10, 11, 15};
    for (int round = 0; round < 3; round++)
        for (size_t k = 0; k < sizeof picks / sizeof picks[0]; k++) {
            const struct sample *s = &samples[picks[k]];
            nc_options o;
            nc_options_init(&o);
            o.input = NC_INPUT_TEXT;
            nc_doc d;
            if (nc_pipeline(s->text, strlen(s->text), &o, &d) != NC_OK ||
                strcmp(d.lang_code, s->code) != 0) {
                nc_doc_free(&d);
                return (void *)1;
            }
            nc_doc_free(&d);
        }
    return NULL;
}

START_TEST(threads_first_call)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, detect_in_thread, NULL), 0);
    for (int i = 0; i < 4; i++) {
        void *ret = NULL;
        ck_assert_int_eq(pthread_join(t[i], &ret), 0);
        ck_assert_ptr_null(ret);
    }
}
END_TEST

START_TEST(init_is_idempotent)
{
    ck_assert_int_eq(nc_lang_init(), NC_OK);
    ck_assert_int_eq(nc_lang_init(), NC_OK);
}
END_TEST

static Suite *lang_suite(void)
{
    Suite *s = suite_create("lang");
    TCase *tc = tcase_create("words");
    tcase_add_test(tc, words_english);
    tcase_add_test(tc, words_german_umlauts);
    tcase_add_test(tc, words_russian);
    tcase_add_test(tc, words_chinese);
    tcase_add_test(tc, words_japanese);
    tcase_add_test(tc, words_thai);
    tcase_add_test(tc, words_mixed_scripts);
    suite_add_tcase(s, tc);
    tc = tcase_create("document");
    tcase_add_loop_test(tc, doc_language, 0,
                        (int)(sizeof samples / sizeof samples[0]));
    tcase_add_test(tc, doc_script);
    tcase_add_test(tc, undecided);
    tcase_add_test(tc, option_hint_wins);
    tcase_add_test(tc, html_lang_is_evidence);
    suite_add_tcase(s, tc);
    tc = tcase_create("blocks");
    tcase_add_test(tc, foreign_on_english_page);
    tcase_add_test(tc, foreign_on_german_page);
    tcase_add_test(tc, kana_on_japanese_page_is_not_foreign);
    tcase_add_test(tc, stopword_helper);
    tcase_add_test(tc, script_codes);
    tcase_add_test(tc, init_is_idempotent);
    tcase_add_test(tc, threads_first_call);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(lang_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
