#!/usr/bin/env python3
"""Real pages in legacy charsets, undeclared, behind a large script.

Takes shared UTF-8 pages in Russian, Polish, Czech, Hungarian and Japanese,
removes their charset declarations, adds a 200 KB ASCII <script> to the
head, and writes each in the legacy charsets its language used on the web
(and once in UTF-8). The CLI's text output on each must equal its output
on the UTF-8 copy, and the result must not carry NC_FLAG_CHARSET_GUESSED.
Characters a charset lacks become numeric references, as servers do.

    tools/charset_pages.py [--cli build/newsclean] [--data ../shared/data]

Prints one line a page and exits 1 when any differs. Writes only to a
temporary folder.
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

PAGES = [  # set, id, codecs
    ("traf-dev", "football.ua.podolski", ["cp1251", "koi8_r"]),
    ("traf-dev", "Angus_Barbieri._Nie_jad_przez_382_dni_-_Menway_w_INTERIA.PL",
     ["cp1250", "iso8859_2"]),
    ("traf-dev", "Eurostat_Polska_z_najni_szym_bezrobociem_w_ca_ej_UE",
     ["cp1250", "iso8859_2"]),
    ("readability", "aktualne", ["cp1250"]),
    ("traf-dev", "mindmegette.hu.levagott", ["cp1250"]),
    ("traf-dev", "nhk.or.jp.k100", ["shift_jis", "euc_jp"]),
    ("readability", "hukumusume", ["shift_jis"]),
    ("readability", "yahoo-4", ["shift_jis"]),
]
FLAG_CHARSET_GUESSED = 0x800
SCRIPT = "".join('function f%d(a,b){var x=a+b*%d;if(x>%d){return "item-%d"+x;}'
                 'return null;}\n' % (i, i, i * 3, i) for i in range(3000))


def undeclared(html):
    html = re.sub(r"<meta[^>]*charset[^>]*>", "", html, flags=re.I)
    html = re.sub(r"<\?xml[^>]*>", "", html)
    return re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + "<script>" + SCRIPT +
                  "</script>", html, count=1, flags=re.I)


def run(cli, path, fmt):
    r = subprocess.run([cli, "-f", fmt, path], capture_output=True, check=True)
    return r.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", default="build/newsclean")
    ap.add_argument("--data", default="../shared/data")
    args = ap.parse_args()
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for set_name, page_id, codecs in PAGES:
            src = os.path.join(args.data, set_name, "html", page_id + ".html.gz")
            if not os.path.exists(src):
                print("missing", src)
                bad += 1
                continue
            html = undeclared(gzip.open(src).read().decode("utf-8", "replace"))
            base = os.path.join(tmp, "utf8.html")
            with open(base, "wb") as f:
                f.write(html.encode("utf-8"))
            want = run(args.cli, base, "text")
            for codec in codecs:
                path = os.path.join(tmp, codec + ".html")
                with open(path, "wb") as f:
                    f.write(html.encode(codec, "xmlcharrefreplace"))
                got = json.loads(run(args.cli, path, "json"))
                same = run(args.cli, path, "text") == want
                guessed = bool(got["flags"] & FLAG_CHARSET_GUESSED)
                ok = same and not guessed
                bad += not ok
                print("%-4s %-10s %-13s %.3f %s %s" % (
                    "ok" if ok else "BAD", codec, got["encoding"],
                    got["encoding_confidence"], "same" if same else "DIFFERENT",
                    page_id[:40]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
