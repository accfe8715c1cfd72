#!/usr/bin/python3
"""lang_accuracy.py - how often the document language newsclean detects
agrees with the `lang` column of a set's manifest.tsv (pages not `und`).

    tools/lang_accuracy.py [--cli build/newsclean]
                           [--form text-lines|text-lynx|html] SET [SET ...]

SET is a folder in ../shared/data's layout (manifest.tsv, text-lines/...).
Prints the agreement per set and overall, and every disagreement.
The manifest's `lang` is itself a guess made from the gold text, so a
disagreement is a page to read, not always an error of ours.
"""
import argparse
import concurrent.futures
import gzip
import json
import os
import subprocess
import sys
import tempfile


def detect(cli, path, form):
    try:
        return detect_once(cli, path, form)
    except OSError as e:  # the CLI being rebuilt under us, a missing file
        return "error: %s" % e.strerror, 0.0


def detect_once(cli, path, form):
    kind = "html" if form == "html" else "text"
    if form == "html":  # html/ID.html.gz: unpacked to a temporary file
        with tempfile.NamedTemporaryFile(suffix=".html") as tmp:
            with gzip.open(path, "rb") as f:
                tmp.write(f.read())
            tmp.flush()
            out = subprocess.run([cli, "--format", "json", "--input", kind, tmp.name],
                                 capture_output=True, text=True)
    else:
        out = subprocess.run([cli, "--format", "json", "--input", kind, path],
                             capture_output=True, text=True)
    try:
        d = json.loads(out.stdout)
        return d.get("language") or "und", d.get("language_confidence", 0.0)
    except ValueError:
        return "error", 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "newsclean"))
    ap.add_argument("--form", default="text-lines", choices=["text-lines", "text-lynx", "html"])
    ap.add_argument("sets", nargs="+")
    args = ap.parse_args()
    total = agree = 0
    for s in args.sets:
        rows = []
        with open(os.path.join(s, "manifest.tsv"), encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            for line in f:
                r = dict(zip(header, line.rstrip("\n").split("\t")))
                if r.get("lang", "und") not in ("und", ""):
                    rows.append(r)
        jobs = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
            for r in rows:
                ext = ".html.gz" if args.form == "html" else ".txt"
                p = os.path.join(s, args.form, r["id"] + ext)
                if os.path.exists(p):
                    jobs[r["id"]] = (r, ex.submit(detect, args.cli, p, args.form))
        n = ok = 0
        for pid, (r, fut) in sorted(jobs.items()):
            got, conf = fut.result()
            n += 1
            if got == r["lang"]:
                ok += 1
            else:
                print("  %s: %s expected %s got %s (%.2f) %s"
                      % (os.path.basename(s.rstrip("/")), pid, r["lang"], got,
                         conf, r.get("url", "")))
        print("%s: %d/%d = %.1f%%" % (s, ok, n, 100.0 * ok / max(n, 1)))
        total += n
        agree += ok
    print("overall: %d/%d = %.1f%%" % (agree, total, 100.0 * agree / max(total, 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
