#!/usr/bin/env python3
"""Writes the legacy-charset test pages of tests/check_charset.c.

For each case: NAME.html, a small page whose bytes are in the charset
(with a <meta charset> declaration, or none: then ICU's detector must find
it), and NAME.txt, the page's body paragraph in UTF-8, which the test
expects to find as one block. Run from this folder; the outputs are
committed, so the test needs no Python.
"""

PAGES = {
    "fr": ("Le gouvernement a annoncé de nouvelles mesures",
           "Le gouvernement français a annoncé mercredi une série de mesures "
           "destinées à réduire la consommation d’énergie. « Nous devons agir "
           "dès maintenant », a déclaré la ministre, précisant que les économies "
           "réalisées cet hiver – environ 300 millions d’€ – seront réinvesties "
           "dans les écoles et les hôpitaux."),
    "de": ("Neuer Großflughafen wird teurer",
           "Die Bürgermeisterin äußerte sich am Dienstag zu den Plänen für den "
           "neuen Großflughafen. „Wir müssen die Kosten im Blick behalten“, sagte "
           "sie – die Baukosten seien im vergangenen Jahr um zwölf Prozent "
           "gestiegen, und ein Ende der Verzögerungen sei nicht abzusehen."),
    "ru": ("Новые меры поддержки бизнеса",
           "Правительство России объявило в среду о новых мерах поддержки "
           "малого и среднего бизнеса. По словам министра, программа рассчитана "
           "на три года и затронет более миллиона предпринимателей по всей "
           "стране, а первые выплаты начнутся уже в следующем месяце."),
    "ru2": ("Новый материал для Севера",
            "Учёные из Новосибирска сообщили о создании нового материала, "
            "который выдерживает экстремально низкие температуры. Разработка "
            "может найти применение в авиации и при строительстве домов и "
            "дорог в условиях Крайнего Севера, считают специалисты института."),
    "pl": ("Remont dworca potrwa dłużej",
           "Władze miasta poinformowały w czwartek, że remont głównego dworca "
           "potrwa dłużej, niż zakładano. Mieszkańcy skarżą się na utrudnienia, "
           "a przedsiębiorcy obawiają się spadku obrotów w najbliższych "
           "miesiącach."),
    "el": ("Νέα μέτρα στήριξης",
           "Η κυβέρνηση ανακοίνωσε την Τετάρτη νέα μέτρα για τη στήριξη των "
           "νοικοκυριών. Σύμφωνα με τον υπουργό, τα μέτρα θα ισχύσουν από τον "
           "επόμενο μήνα και θα αφορούν περισσότερους από ένα εκατομμύριο "
           "πολίτες σε όλη τη χώρα."),
    "ja": ("東京都が新しい防災計画を発表",
           "東京都は水曜日、新しい防災計画を発表した。計画では、大地震に備えて"
           "避難所の数を増やし、食料や水の備蓄を強化する。知事は記者会見で"
           "「都民の安全を最優先に考える」と述べ、来年度の予算に関連費用を"
           "盛り込む考えを示した。"),
    "ja2": ("今年の夏は暑くなる見込み",
            "気象庁によると、今年の夏は全国的に平年より気温が高くなる見込みだ。"
            "熱中症への注意が呼びかけられており、専門家はこまめな水分補給と"
            "適切な冷房の使用を勧めている。特に高齢者や子どもは注意が必要だという。"),
    "zh": ("居民收入实际增长",
           "国家统计局周三公布的数据显示，今年前三个月全国居民人均可支配收入"
           "实际增长百分之五。专家表示，消费市场正在逐步恢复，但仍需进一步扩大"
           "内需，稳定就业，并加大对中小企业的支持力度。"),
    "zht": ("擴大公共自行車服務",
            "台北市政府週三宣布，將擴大公共自行車系統的服務範圍，預計明年底前"
            "新增五百個租借站。市長表示，這項計畫有助於減少交通壅塞與空氣污染，"
            "也能讓市民的通勤更加方便。"),
    "ko": ("대중교통 요금 인상",
           "서울시는 수요일 대중교통 요금을 내년부터 인상한다고 발표했다. 시 "
           "관계자는 운영 적자가 계속 늘어나고 있어 불가피한 결정이라고 "
           "설명했으며, 저소득층을 위한 할인 제도도 함께 확대할 계획이라고 "
           "밝혔다."),
}

# name: (text, codec, declared charset or None)
CASES = {
    "windows-1252": ("fr", "cp1252", "windows-1252"),
    "iso-8859-1-as-1252": ("de", "cp1252", "iso-8859-1"),
    "windows-1251": ("ru", "cp1251", "windows-1251"),
    "koi8-r": ("ru2", "koi8_r", "koi8-r"),
    "iso-8859-2": ("pl", "iso8859_2", "iso-8859-2"),
    "iso-8859-7": ("el", "iso8859_7", "iso-8859-7"),
    "shift_jis": ("ja", "shift_jis", "shift_jis"),
    "euc-jp": ("ja2", "euc_jp", "euc-jp"),
    "gb2312": ("zh", "gbk", "gb2312"),
    "gb18030": ("zh", "gb18030", "gb18030"),
    "big5": ("zht", "big5", "big5"),
    "euc-kr": ("ko", "euc_kr", "euc-kr"),
    "http-equiv-1251": ("ru", "cp1251", "http-equiv"),
    "xml-decl-koi8-r": ("ru2", "koi8_r", "xml"),
    "nodecl-windows-1252": ("fr", "cp1252", None),
    "nodecl-windows-1251": ("ru", "cp1251", None),
    "nodecl-koi8-r": ("ru2", "koi8_r", None),
    "nodecl-shift_jis": ("ja", "shift_jis", None),
    "nodecl-euc-jp": ("ja2", "euc_jp", None),
    "nodecl-gb18030": ("zh", "gb18030", None),
    "nodecl-big5": ("zht", "big5", None),
    "nodecl-euc-kr": ("ko", "euc_kr", None),
    "nodecl-windows-1250": ("pl", "cp1250", None),
    "nodecl-iso-8859-2": ("pl", "iso8859_2", None),
}


def page(title, para, decl, charset):
    head = ""
    if decl == "http-equiv":
        head = ('<meta http-equiv="Content-Type" '
                'content="text/html; charset=windows-1251">')
    elif decl == "xml":
        head = ""
    elif decl:
        head = '<meta charset="%s">' % decl
    xml = '<?xml version="1.0" encoding="KOI8-R"?>\n' if decl == "xml" else ""
    return (xml + "<!DOCTYPE html>\n<html><head>" + head +
            "<title>" + title + "</title></head>\n<body>\n<h1>" + title +
            "</h1>\n<p>" + para + "</p>\n</body></html>\n")


def main():
    for name, (key, codec, decl) in sorted(CASES.items()):
        title, para = PAGES[key]
        html = page(title, para, decl, codec)
        with open(name + ".html", "wb") as f:
            f.write(html.encode(codec))
        with open(name + ".txt", "w", encoding="utf-8") as f:
            f.write(para + "\n")


if __name__ == "__main__":
    main()
