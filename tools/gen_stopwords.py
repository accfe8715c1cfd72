#!/usr/bin/python3
"""gen_stopwords.py - writes lib/data/stopwords.c from the stopwords-iso
collection (MIT, see lib/data/LICENSE.stopwords-iso) plus the small
supplements below (this project's own: UI words of news pages and function
words a list lacks).

    tools/gen_stopwords.py [--src stopwords-iso.json] [--out lib/data/stopwords.c]

The words are lower-cased here and case-folded again by lang.c when it
builds its hash table, so the two agree whatever Python's folding does.
Entries that are not one word (no letter, or a space inside) are dropped:
the tokenizer never produces them.
"""
import argparse
import json
import os
import sys
import unicodedata

# Script of each language's words, as the UScriptCode constant name lang.c
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

# Supplements: frequent function words a source list lacks, and the UI
# strings of news pages ("share", "read more", "comments"), so a stray
# button label in another language shows its language.
SUPPLEMENT = {
    "en": "share print email comments comment read subscribe newsletter login "
          "sign log follow related topics advertisement cookies privacy "
          "menu search home tweet reply article articles photo video "
          "continue reading more next previous",
    "de": "teilen drucken kommentare kommentar kommentieren abonnieren "
          "anmelden abmelden weiterlesen startseite suche datenschutz "
          "impressum thema themen artikel mehr zurück weiter newsletter "
          "anzeige werbung merken lesen sie zum zur vom beim ins ans "
          "fürs übers sowie bzw dass seit wurde wurden worden",
    "fr": "partager imprimer commentaires commentaire lire suite abonner "
          "abonnez connexion accueil recherche article articles voir "
          "publicité l' d' qu' n' s' c' j' m' t' jusqu' lorsqu' puisqu'",
    "it": "condividi stampa commenti commento leggi articolo articoli "
          "accedi iscriviti cerca pubblicità l' dell' all' dall' nell' "
          "sull' un' quell' c' d'",
    "es": "compartir imprimir comentarios comentario leer artículo "
          "artículos suscríbete buscar publicidad inicio",
    "pt": "compartilhar partilhar imprimir comentários comentário leia "
          "artigo artigos assine buscar pesquisar publicidade",
    "nl": "delen reacties reactie lees artikel artikelen zoeken inloggen "
          "abonneren advertentie",
    "pl": "udostępnij komentarze komentarz czytaj artykuł artykuły szukaj "
          "zaloguj reklama więcej",
    "ru": "поделиться комментарии комментарий читать статья статьи поиск "
          "войти подписаться реклама также",
    "uk": "і в у на не за як але або ж вже ще його їхній цього цієї цих "
          "тому після через між під над при без щоб коли якщо бо яка які "
          "було буде будуть може можна треба також дуже ця ці цей той та "
          "свою своє свій свої наш наша наше наші ваш ваша вже лише тільки "
          "поділитися коментарі коментар читати стаття статті пошук увійти "
          "підписатися реклама",
    "cs": "sdílet komentáře komentář číst článek články hledat přihlásit "
          "reklama",
    "sk": "zdieľať komentáre komentár čítať článok články hľadať prihlásiť "
          "reklama",
    "sv": "dela kommentarer kommentar läs artikel artiklar sök logga "
          "annons",
    "da": "del kommentarer kommentar læs artikel artikler søg log annonce",
    "no": "del kommentarer kommentar les artikkel artikler søk logg annonse",
    "tr": "paylaş yorumlar yorum oku makale haber haberler ara giriş reklam",
    "hu": "megosztás hozzászólások hozzászólás olvass cikk cikkek keresés "
          "belépés hirdetés",
    "ro": "distribuie comentarii comentariu citește articol articole caută "
          "autentificare publicitate",
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
    ap.add_argument("--src", default="/tmp/npmsw/node_modules/stopwords-iso/stopwords-iso.json")
    ap.add_argument("--out", default=os.path.join(here, "..", "lib", "data", "stopwords.c"))
    args = ap.parse_args()
    with open(args.src, encoding="utf-8") as f:
        src = json.load(f)
    langs = sorted(src)
    if len(langs) > 64:
        sys.exit("more than 64 languages: lang.c keeps a 64-bit mask")
    out = []
    out.append("/* stopwords.c - GENERATED by tools/gen_stopwords.py from stopwords-iso\n"
               " * (MIT, lib/data/LICENSE.stopwords-iso) and the script's own supplements.\n"
               " * Do not edit: run `make tables`. */\n")
    out.append('#include "stopwords.h"\n\n')
    total = 0
    entries = []
    for code in langs:
        words = []
        seen = set()
        for w in list(src[code]) + SUPPLEMENT.get(code, "").split():
            w = clean(w)
            if w and w not in seen:
                seen.add(w)
                words.append(w)
        total += len(words)
        ident = "sw_" + code
        out.append("static const char *const %s[] = {\n" % ident)
        for ch in chunks(words):
            out.append('    "%s",\n' % c_string(ch))
        out.append("    0\n};\n")
        entries.append('    {"%s", "%s", %s, %d, %s},\n'
                       % (code, NAMES.get(code, code), script_of(words), len(words), ident))
    out.append("\nconst nc_stoplang nc_stoplangs[] = {\n")
    out.extend(entries)
    out.append("};\n\nconst int nc_nstoplangs = %d;\n" % len(langs))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("".join(out))
    print("%s: %d languages, %d words" % (args.out, len(langs), total))


if __name__ == "__main__":
    main()
