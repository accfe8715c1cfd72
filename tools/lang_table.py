#!/usr/bin/env python3
"""Prints the per-language quality table of docs/languages.md.

  tools/lang_table.py [--data ../shared/data] [--cli build/newsclean]

Runs ../shared/tools/run_eval.py --by lang --json on traf-dev (snippet
P/R/F1) and readability (token P/R/F1), html and text-lines forms, and
prints one Markdown table a set.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(data, set_name, form, cli):
    out = subprocess.run(
        [sys.executable, os.path.join(data, "..", "tools", "run_eval.py"), "--set",
         os.path.join(data, set_name), "--form", form, "--cli", cli, "--by", "lang", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "newsclean"))
    a = ap.parse_args()
    for set_name, key, what in (("traf-dev", "snip", "snippet"), ("readability", "tok", "token")):
        res = {form: run(a.data, set_name, form, a.cli) for form in ("html", "text-lines")}
        print("### %s (%s P / R / F1)\n" % (set_name, what))
        print("| lang | pages | html P | html R | html F1 | text-lines P | text-lines R | text-lines F1 |")
        print("|---|---|---|---|---|---|---|---|")
        langs = res["html"]["by_lang"]
        for lang in sorted(langs, key=lambda k: -langs[k]["pages"]):
            row = [lang, str(langs[lang]["pages"])]
            for form in ("html", "text-lines"):
                v = res[form]["by_lang"].get(lang, {}).get(key)
                row += ["%.3f" % x for x in v] if v else ["-"] * 3
            print("| " + " | ".join(row) + " |")
        for form in ("html", "text-lines"):
            v = res[form][key]
            print("| **all** %s | %d | %.3f | %.3f | %.3f |" % (form, res[form]["pages"], *v))
        print()


if __name__ == "__main__":
    main()
