#!/usr/bin/env python3
"""Rebuilds tests/data's sample sets from ../shared/data (the full sets).

  /usr/bin/python3 tests/data/make_sample.py [--shared ../shared/data]

Copies a few small pages of each set, in the same layout (manifest.tsv,
html/, text-lines/, text-lynx/, gold/, snippets/, gold-md/), with the set's LICENSE
and README (attribution), so `make eval` runs in seconds without the
shared data. The pages are picked by hand: small, and several languages.
"""
import argparse
import os
import shutil

PAGES = {
    # Apache-2.0 (Mozilla Readability's test pages)
    "readability": ["001", "daringfireball-1", "hukumusume", "la-nacion",
                    "heise", "lemonde-1"],
    # CC-BY-4.0 (WCXB v1.0, dev split)
    "wcxb-dev": ["0437", "4249", "4500", "0180", "4451", "0014"],
    # Apache-2.0 (trafilatura's evaluation pages); dotted ids on purpose
    "traf-dev": ["flowfx.de.tmux", "wordsmith.org.maudlin", "galore.de.buch",
                 "nhk.or.jp.k100", "sauvonsluniversite.com.spip",
                 "xinhuanet.com.c_1125597921", "100noticias.com-millones"],
}
FORMS = (("html", ".html.gz"), ("text-lines", ".txt"), ("text-lynx", ".txt"),
         ("gold", ".txt"), ("snippets", ".json"), ("gold-md", ".md"))
NOTE = ("> **Sample.** This folder holds %d pages of the full `%s` set "
        "(`../shared/data/%s`), picked by `tests/data/make_sample.py` for "
        "`make eval` and the tests. The full set's README follows unchanged, "
        "for its source, licence and attribution; its counts describe the "
        "full set.\n\n")


def copy_set(shared, here, name, ids):
    src, dst = os.path.join(shared, name), os.path.join(here, name)
    if os.path.isdir(dst):
        shutil.rmtree(dst)
    os.makedirs(dst)
    shutil.copy(os.path.join(src, "LICENSE"), dst)
    with open(os.path.join(src, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    with open(os.path.join(dst, "README.md"), "w", encoding="utf-8") as f:
        f.write(NOTE % (len(ids), name, name) + readme)
    with open(os.path.join(src, "manifest.tsv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    rows = [l for l in lines[1:] if l.split("\t")[0] in ids]
    if len(rows) != len(ids):
        raise SystemExit("%s: some ids are not in the manifest" % name)
    with open(os.path.join(dst, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join([lines[0]] + rows) + "\n")
    for form, ext in FORMS:
        if not os.path.isdir(os.path.join(src, form)):
            continue
        os.makedirs(os.path.join(dst, form))
        for i in ids:
            shutil.copy(os.path.join(src, form, i + ext), os.path.join(dst, form))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "..",
                                                     "shared", "data"))
    a = ap.parse_args()
    for name, ids in PAGES.items():
        copy_set(a.shared, here, name, ids)


if __name__ == "__main__":
    main()
