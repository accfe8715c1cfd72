#!/usr/bin/python3
"""gen_stopwords.py - writes lib/lang/stopwords.gen.c from the stopwords-iso
collection (MIT, see lib/lang/LICENSE.stopwords-iso) plus the small
supplements below (this project's own: UI words of news pages, function
words a list lacks, a Serbian Cyrillic list transliterated from the
Croatian one, and the letters that tell close languages apart).

    tools/gen_stopwords.py [--src stopwords-iso.json] [--out lib/lang/stopwords.gen.c]
    make gen        (the same with the pinned npm package fetched into build/; see mk/gen.mk)

Per language it writes three word lists: the source's (minus junk single
letters), the strong function words and the UI words; lang/detect.c's hash table
keeps, per word, which languages it is strong or a UI word in.

The words are lower-cased here and case-folded again by lang/detect.c when it
builds its hash table, so the two agree whatever Python's folding does.
Entries that are not one word (no letter, or a space inside) are dropped:
the tokenizer never produces them.
"""
import argparse
import json
import os
import sys
import unicodedata

# Script of each language's words, as the UScriptCode constant name lang/detect.c
# compares with a block's script (Japanese mixes Han and kana: USCRIPT_JAPANESE).
SCRIPT_OF_NAME = {
    "LATIN": "USCRIPT_LATIN", "CYRILLIC": "USCRIPT_CYRILLIC",
    "GREEK": "USCRIPT_GREEK", "ARABIC": "USCRIPT_ARABIC",
    "HEBREW": "USCRIPT_HEBREW", "DEVANAGARI": "USCRIPT_DEVANAGARI",
    "BENGALI": "USCRIPT_BENGALI", "GUJARATI": "USCRIPT_GUJARATI",
    "ARMENIAN": "USCRIPT_ARMENIAN", "THAI": "USCRIPT_THAI",
    "HANGUL": "USCRIPT_HANGUL", "CJK": "USCRIPT_HAN",
    "HIRAGANA": "USCRIPT_JAPANESE", "KATAKANA": "USCRIPT_JAPANESE",
}

NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali",
    "br": "Breton", "ca": "Catalan", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto",
    "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian",
    "fi": "Finnish", "fr": "French", "ga": "Irish", "gl": "Galician",
    "gu": "Gujarati", "ha": "Hausa", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian",
    "id": "Indonesian", "it": "Italian", "ja": "Japanese", "ko": "Korean",
    "ku": "Kurdish (Sorani)", "la": "Latin", "lt": "Lithuanian",
    "lv": "Latvian", "mr": "Marathi", "ms": "Malay", "nl": "Dutch",
    "no": "Norwegian", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "so": "Somali", "st": "Sotho", "sv": "Swedish", "sw": "Swahili",
    "th": "Thai", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "vi": "Vietnamese", "yo": "Yoruba", "zh": "Chinese",
    "zu": "Zulu", "sr": "Serbian",
}

def read_words(path):
    """{code: "word word ..."} from a lib/rules/ word file: one line a
    language, "code: words", '#' lines are comments."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                code, words = line.split(":", 1)
                out[code.strip()] = words.strip()
    return out


# Supplements, this project's own. UI_WORDS: the UI strings of news pages
# ("share", "read more", "comments"), so a stray button label in another
# language shows its language; a phrase list, so it stands with the others
# in lib/rules/ (ui_words.txt). FUNCTION_WORDS: frequent function words a
# source list lacks, chosen to tell close languages apart (da "af" / no
# "av", cs "jsou" / sk "sú"); lang/detect.c counts them three times in the vote
# for the document's language ("strong" words).
UI_WORDS = read_words(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                   "..", "lib", "rules", "ui_words.txt"))


FUNCTION_WORDS = {
    "de": "zum zur vom beim ins ans fürs übers sowie bzw dass seit wurde "
          "wurden worden",
    "fr": "l' d' qu' n' s' c' j' m' t' jusqu' lorsqu' puisqu'",
    "it": "l' dell' all' dall' nell' sull' un' quell' c' d'",
    "uk": "і в у на не за як але або ж вже ще його їхній цього цієї цих "
          "тому після через між під над при без щоб коли якщо бо яка які "
          "було буде будуть може можна треба також дуже ця ці цей той та "
          "свою своє свій свої наш наша наше наші ваш ваша лише тільки",
    "cs": "že jsou jsem není jeho také který která které jako když nebo "
          "jejich může bylo byla byl být již však pouze podle mezi před "
          "přes při až",
    "sk": "že sú som nie je jeho tiež ktorý ktorá ktoré ako keď alebo ich "
          "môže bolo bola bol byť už však iba podľa medzi pred cez pri až sa",
    "da": "af hvad nu efter meget mig dig sig blev bliver ud op gennem noget "
          "nogle sådan mellem tilbage igen hvordan ikke også være kunne",
    "no": "av hva nå etter mye meg deg seg ble blir ut opp gjennom noe noen "
          "slik mellom tilbake igjen hvordan ikke også være kunne",
    "sv": "och inte av för är som det till med jag men om har hade kan ska "
          "efter också mycket eller under vad när någon något några bara "
          "sedan mellan utan igen hur där här vara blev blir skulle",
    "ko": "은 는 이 가 을 를 의 에 에서 으로 로 와 과 도 만 까지 부터 "
          "에게 한테 보다 처럼",
    "bg": "това тази тези този които който която което че ще са съм беше "
          "бяха няма има може трябва още вече също само много където когато "
          "защото между срещу преди към чрез според от за на да се не е и в "
          "с по след при или",
    "ca": "l' d' s' n' m' t' els amb pel pels dels és però també aquest "
          "aquesta aquests aquestes això molt fins sense sobre entre quan "
          "perquè hi ha han va van seva seu seus",
    "gl": "non unha co coa cos coas polo pola polos polas máis tamén está "
          "foi ao aos á ás seu súa",
    "hr": "kao što koji koja koje kako kad kada već još nije nisu treba "
          "ovaj ova ovo tijekom između prije nakon zbog prema bio bila "
          "bilo bili biti ima nema može mogu samo svoj svoja svoje njihov "
          "njegov njezin jer ili ali",
    "sl": "kot ki tudi že še ker kaj kje kdaj zato lahko bil bila bilo "
          "smo ste so sem ni niso med pred nad pod ob pri brez proti skozi "
          "tega temu tem vse vsi zelo le",
    "af": "nie vir baie hulle ek jy jou julle asseblief sulke",
    "id": "karena bahwa bisa harus agar para hal tersebut",
    "ms": "kerana bahawa boleh sahaja mesti iaitu kerajaan",
    "et": "ja on ei et see kui mis ka ta oli või aga siis nii oma kes kus "
          "veel seda selle mida tema nad me meie te teie ma mina sa sina "
          "kõik üle ilma pärast enne juba nüüd väga palju ainult ikka siin "
          "seal olla olema olen oled oleme olete olid oleks pole peab saab "
          "tuleb võib",
    "lv": "un ir ar ka uz no par kas tas tā to bet vai arī jau kā pie lai "
          "tad ja viņš viņa viņi mēs jūs es tu šis šī šo būt bija būs tiek "
          "tika var nav",
    "lt": "ir kad yra su į iš kaip bet tai jis ji jie mes jūs aš tu o ar "
          "apie per prie dėl nuo po už tik dar jau buvo bus gali nėra kuris "
          "kuri kurie taip pat labai",
}


# The Malay source list is full of news words ("kementerian", "dolar",
# "abdul") that outvote Indonesian on Indonesian text: only the words the
# Indonesian list shares are kept, and Malay's own function words
# (FUNCTION_WORDS) tell it apart.
SHARED_ONLY = {"ms": "id"}

# Some source lists hold the whole alphabet as "words"; single letters that
# are no word of the language only add noise to the vote (English "q" in a
# German results table). Kept: the letters that are words there.
SINGLE_LETTERS = {"de": "", "en": "ai", "es": "aeouy", "fr": "a\u00e0y",
                  "ro": "aeo", "sl": "aikosvz"}


def keep_word(code, w, script):
    if len(w) == 1 and code in SINGLE_LETTERS and w not in SINGLE_LETTERS[code]:
        return False
    if script != "USCRIPT_LATIN" and w.isascii():
        return False  # Latin "c" in the Russian list
    return True


# Serbian (Cyrillic) has no list of its own in the source: the Croatian
# one, transliterated, with the ekavian forms Serbian writes.
LAT2CYR = [("lj", "љ"), ("nj", "њ"), ("dž", "џ"), ("đ", "ђ"), ("ć", "ћ"),
           ("č", "ч"), ("š", "ш"), ("ž", "ж")] + list(zip(
               "abcdefghijklmnoprstuvz", "абцдефгхијклмнопрстувз"))
SERBIAN_EXTRA = ("шта где време пре после овде ово што али или као који "
                 "која које само јер већ још био била било биће није нису "
                 "сам смо су је да у на за од са из по до и се не то ће "
                 "има нема може треба када кад овај ова тај та те њихов "
                 "његов њен године према током због")


def to_cyrillic(word):
    out, i = [], 0
    while i < len(word):
        for lat, cyr in LAT2CYR:
            if word.startswith(lat, i):
                out.append(cyr)
                i += len(lat)
                break
        else:
            return None  # a letter with no Serbian Cyrillic counterpart
    return "".join(out)


# Letters that set close languages apart, and the languages (of this
# table) that write them. A page full of a letter a language never writes
# is not in that language: "і" is not Russian, "ы" not Ukrainian, "ř" only
# Czech. The common accented vowels (á é í ó ú) tell too little to list.
DISTINCTIVE = {
    "ł": "pl", "ą": "pl lt", "ę": "pl lt", "ś": "pl", "ź": "pl", "ż": "pl",
    "ń": "pl", "ř": "cs", "ů": "cs", "ě": "cs", "ľ": "sk", "ĺ": "sk",
    "ŕ": "sk", "ô": "sk fr pt af vi", "ä": "de sk sv fi et",
    "ö": "de sv fi et hu tr", "ü": "de hu tr et", "ß": "de", "ő": "hu",
    "ű": "hu", "ș": "ro", "ț": "ro", "ş": "tr ro", "ţ": "ro",
    "ă": "ro vi", "ı": "tr", "ğ": "tr", "æ": "da no", "ø": "da no",
    "å": "da no sv", "ñ": "es gl eu tl", "ã": "pt vi", "õ": "pt et vi",
    "ç": "fr pt ca tr", "œ": "fr", "ė": "lt", "į": "lt", "ų": "lt",
    "ā": "lv", "ē": "lv", "ī": "lv", "ū": "lv lt", "ģ": "lv", "ķ": "lv",
    "ļ": "lv", "ņ": "lv", "đ": "hr vi", "ơ": "vi", "ư": "vi",
    "ì": "it vi", "ò": "it ca vi", "ù": "it fr vi", "è": "fr it ca vi",
    "ê": "fr pt vi af",
    "і": "uk", "ї": "uk", "є": "uk", "ґ": "uk", "ы": "ru", "э": "ru",
    "ё": "ru", "ъ": "ru bg", "ј": "sr", "љ": "sr", "њ": "sr", "ћ": "sr",
    "ђ": "sr", "џ": "sr", "щ": "ru uk bg", "й": "ru uk bg",
    "я": "ru uk bg", "ю": "ru uk bg", "ь": "ru uk bg",
}


def script_of(words):
    counts = {}
    for w in words:
        for ch in w:
            if not ch.isalpha():
                continue
            try:
                head = unicodedata.name(ch).split()[0]
            except ValueError:
                continue
            s = SCRIPT_OF_NAME.get(head)
            if s:
                counts[s] = counts.get(s, 0) + 1
    if not counts:
        return "USCRIPT_COMMON"
    if "USCRIPT_JAPANESE" in counts:
        return "USCRIPT_JAPANESE"
    return max(counts, key=counts.get)


def clean(word):
    w = unicodedata.normalize("NFC", word.strip().lower()).replace("\u2019", "'")
    if not w or " " in w or not any(c.isalpha() for c in w):
        return None
    return w


def c_string(s):
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def chunks(words, limit=3000):
    """Space-separated strings under ISO C's 4095-byte literal limit."""
    cur, size = [], 0
    for w in words:
        n = len(w.encode("utf-8")) + 1
        if cur and size + n > limit:
            yield " ".join(cur)
            cur, size = [], 0
        cur.append(w)
        size += n
    if cur:
        yield " ".join(cur)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default=os.path.join(here, "..", "build", "gen", "node_modules", "stopwords-iso", "stopwords-iso.json"))
    ap.add_argument("--out", default=os.path.join(here, "..", "lib", "lang", "stopwords.gen.c"))
    args = ap.parse_args()
    with open(args.src, encoding="utf-8") as f:
        src = json.load(f)
    if "hr" in src and "sr" not in src:
        sr = [to_cyrillic(w) for w in src["hr"]]
        src["sr"] = [w for w in sr if w] + SERBIAN_EXTRA.split()
    langs = sorted(src)
    if len(langs) > 64:
        sys.exit("more than 64 languages: lang/detect.c keeps a 64-bit mask")
    out = []
    out.append("/* stopwords.gen.c - GENERATED by tools/gen_stopwords.py from stopwords-iso\n"
               " * (MIT, lib/lang/LICENSE.stopwords-iso) and the script's own supplements\n"
               " * (sr: the hr list transliterated).\n"
               " * Do not edit: run `make gen`. */\n")
    out.append('#include "lang/stopwords.h"\n\n')
    total = 0
    entries = []
    for code in langs:
        words = []
        seen = set()
        strong = []
        for w in FUNCTION_WORDS.get(code, "").split():
            w = clean(w)
            if w and w not in seen:
                seen.add(w)
                strong.append(w)
        ui = []
        for w in UI_WORDS.get(code, "").split():
            w = clean(w)
            if w and w not in seen:
                seen.add(w)
                ui.append(w)
        source = src[code]
        if code in SHARED_ONLY and SHARED_ONLY[code] in src:
            other = {clean(x) for x in src[SHARED_ONLY[code]]}
            source = [x for x in source if clean(x) in other]
        for w in source:
            w = clean(w)
            if w and w not in seen:
                seen.add(w)
                words.append(w)
        script = script_of(words + strong)
        words = [w for w in words if keep_word(code, w, script)]
        total += len(words) + len(strong) + len(ui)
        ident = "sw_" + code
        for name, ws in ((ident, words), (ident + "_strong", strong),
                         (ident + "_ui", ui)):
            out.append("static const char *const %s[] = {\n" % name)
            for ch in chunks(ws):
                out.append('    "%s",\n' % c_string(ch))
            out.append("    0\n};\n")
        entries.append('    {"%s", "%s", %s, %d, %s, %s_strong, %s_ui},\n'
                       % (code, NAMES.get(code, code), script,
                          len(words) + len(strong) + len(ui), ident, ident, ident))
    out.append("\nconst nc_stoplang nc_stoplangs[] = {\n")
    out.extend(entries)
    out.append("};\n\nconst int nc_nstoplangs = %d;\n" % len(langs))
    out.append("\nconst nc_letter_langs nc_distinctive[] = {\n")
    for letter, codes in DISTINCTIVE.items():
        for c in codes.split():
            assert c in src, c
        out.append('    {0x%04X, "%s"},\n' % (ord(letter), codes))
    out.append("};\n\nconst int nc_ndistinctive = %d;\n" % len(DISTINCTIVE))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("".join(out))
    print("%s: %d languages, %d words" % (args.out, len(langs), total))


if __name__ == "__main__":
    main()
