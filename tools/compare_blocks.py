#!/usr/bin/env python3
"""Compare the HTML stage's blocks with html2text.py --lines.

For each page of a set's html/ folder, runs `newsclean --explain --input
html` and the shared html2text.py --lines (taught to skip hidden elements,
as the HTML stage does) and reports how many lines differ:

    mismatch = 1 - 2 * matched / (ours + theirs)     (difflib on lines)

Lines are compared after NFC, dropping zero-width characters and soft
hyphens, and collapsing white space, which the block stage does too.

    compare_blocks.py --set ../shared/data/wcxb-dev [--cli build/newsclean]
                      [--limit N] [--show N] [--pred DIR]

--show N prints the diff of the N worst pages; --pred DIR also writes every
page's blocks (all of them, one paragraph each) to DIR/ID.txt, which
run_eval.py --pred DIR scores: the recall of keeping everything.
"""
import argparse
import concurrent.futures
import difflib
import gzip
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

HTML2TEXT = "/work/shared/tools/html2text.py"
EXPLAIN = re.compile(r"^[+-] \S+\s+\S+\s+-?\d+\.\d+ (.*)$")
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200e\u200f\ufeff\u00ad"))


def load_html2text():
    spec = importlib.util.spec_from_file_location("html2text", HTML2TEXT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


h2t = load_html2text()
HIDE_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


class VisibleLines(h2t.LineWriter):
    """html2text's LineWriter, skipping hidden elements too."""

    def __init__(self):
        super().__init__()
        self.hidden = []  # [tag, nesting] of open hidden inline elements
        self.block_hidden = None  # [tag, nesting, first line] of a hidden block

    @staticmethod
    def is_hidden(tag, attrs):
        if tag in ("html", "body"):
            return False
        for name, value in attrs:
            value = value or ""
            if name == "hidden":
                return True
            if name == "aria-hidden" and value.lower() == "true":
                return True
            if name == "style" and HIDE_STYLE.search(value):
                return True
        return False

    def handle_starttag(self, tag, attrs):
        if self.hidden:
            if tag == self.hidden[-1][0] and tag not in h2t.VOID:
                self.hidden[-1][1] += 1
            elif self.hidden[-1][0] == "p" and tag in h2t.BLOCK:
                self.hidden.pop()  # a block start ends an open <p>
                super().handle_starttag(tag, attrs)
            return
        if (not self.skip and not self.block_hidden and tag not in h2t.VOID
                and tag in h2t.BLOCK and self.is_hidden(tag, attrs)):
            # A hidden block is read, then dropped unless it holds
            # paragraphs (as blocks/html/walk.c does).
            self.flush()
            self.block_hidden = [tag, 0, len(self.lines)]
            return
        if self.block_hidden and tag == self.block_hidden[0]:
            self.block_hidden[1] += 1
        if not self.skip and tag not in h2t.VOID and self.is_hidden(tag, attrs):
            self.hidden.append([tag, 0])
            return
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.hidden:
            if tag == self.hidden[-1][0]:
                if self.hidden[-1][1] == 0:
                    self.hidden.pop()
                else:
                    self.hidden[-1][1] -= 1
            return
        if self.block_hidden and tag == self.block_hidden[0]:
            if self.block_hidden[1] == 0:
                self.flush()
                lines = self.lines[self.block_hidden[2]:]
                sizes = [len("".join(x.split())) for x in lines]
                if sum(sizes) < 400 or max(sizes, default=0) < 150:
                    del self.lines[self.block_hidden[2]:]
                self.block_hidden = None
                return
            self.block_hidden[1] -= 1
        super().handle_endtag(tag)

    def handle_data(self, data):
        if not self.hidden:
            super().handle_data(data)


def norm(line):
    line = unicodedata.normalize("NFC", line).translate(INVISIBLE)
    return " ".join(line.split())


def reference_lines(data):
    text, _ = h2t.decode(data)
    w = VisibleLines()
    w.feed(text)
    w.close()
    return [n for n in (norm(x) for x in w.lines) if n]


def our_lines(cli, path):
    out = subprocess.run([cli, "--explain", "--input", "html", path],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         check=False)
    lines = []
    for raw in out.stdout.decode("utf-8", "replace").split("\n"):
        m = EXPLAIN.match(raw)
        if m:
            n = norm(m.group(1))
            if n:
                lines.append(n)
    return lines, out.returncode


def compare(args, tmp, name):
    page = name[:-len(".html.gz")]
    with open(os.path.join(args.set, "html", name), "rb") as f:
        data = gzip.decompress(f.read())
    path = os.path.join(tmp, page + ".html")
    with open(path, "wb") as f:
        f.write(data)
    ours, rc = our_lines(args.cli, path)
    os.unlink(path)
    theirs = reference_lines(data)
    sm = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    matched = sum(b.size for b in sm.get_matching_blocks())
    total = len(ours) + len(theirs)
    mismatch = 1 - 2 * matched / total if total else 0.0
    # Token recall of their text in ours: lost words matter most.
    ours_tokens = " ".join(ours).split()
    theirs_tokens = " ".join(theirs).split()
    if args.pred:
        with open(os.path.join(args.pred, page + ".txt"), "w",
                  encoding="utf-8") as f:
            f.write("\n\n".join(ours) + "\n")
    return page, mismatch, len(ours), len(theirs), rc, ours, theirs, \
        len(ours_tokens), len(theirs_tokens)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", required=True)
    ap.add_argument("--cli", default="build/newsclean")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--pred")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    names = sorted(n for n in os.listdir(os.path.join(args.set, "html"))
                   if n.endswith(".html.gz"))
    if args.limit:
        names = names[:args.limit]
    if args.pred:
        os.makedirs(args.pred, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # A private copy: a rebuild of the CLI mid-run must not break it.
        cli = os.path.join(tmp, "newsclean")
        shutil.copy2(args.cli, cli)
        args.cli = cli
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
            results = list(ex.map(lambda n: compare(args, tmp, n), names))
    failed = [r[0] for r in results if r[4] != 0]
    lines_ours = sum(r[2] for r in results)
    lines_theirs = sum(r[3] for r in results)
    matched = sum((1 - r[1]) * (r[2] + r[3]) / 2 for r in results)
    tok_ours = sum(r[7] for r in results)
    tok_theirs = sum(r[8] for r in results)
    print(f"pages {len(results)}  failed {len(failed)}")
    print(f"lines ours {lines_ours}  html2text {lines_theirs}  "
          f"matched {matched:.0f}")
    print(f"line mismatch rate (all lines) "
          f"{1 - 2 * matched / max(1, lines_ours + lines_theirs):.4f}")
    print(f"mean page mismatch {sum(r[1] for r in results) / max(1, len(results)):.4f}")
    print(f"tokens ours {tok_ours}  html2text {tok_theirs}  "
          f"ratio {tok_ours / max(1, tok_theirs):.4f}")
    worst = sorted(results, key=lambda r: -r[1])
    for r in worst[:args.show]:
        print(f"\n=== {r[0]}: mismatch {r[1]:.3f} ({r[2]} vs {r[3]} lines)")
        diff = difflib.unified_diff(r[6], r[5], "html2text", "newsclean",
                                    lineterm="", n=0)
        for i, line in enumerate(diff):
            if i >= 40:
                print("...")
                break
            print(line[:160])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
