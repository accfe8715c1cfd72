#!/usr/bin/env python3
"""newsclean's evaluation: run a cleaner over a data set and score it.

  tools/eval.py --set tests/data/wcxb-dev --form text-lines --cli build/newsclean
  tools/eval.py --set ../shared/data/traf-dev --pred OUTDIR
  tools/eval.py --data tests/data --cli build/newsclean     # every set, every form

A set is a folder in ../shared/data's layout (manifest.tsv, html/*.html.gz,
text-lines/, text-lynx/, gold/, snippets/). The figures are defined as
../shared/tools/run_eval.py defines them, so the two agree:

- token P/R/F1: the output and the gold as bags of word tokens (NFC,
  case-folded; a token is a run of word characters and combining marks,
  except that each character of a script written without spaces -- Han,
  kana, Thai, Lao, Khmer, Burmese -- is a token of its own); P, R and F1
  per page, then the mean over the pages that have gold text;
- shingle P/R/F1: the same on bags of 5-token shingles (a text shorter than
  5 tokens is one shingle);
- snippet P/R/F1: over the whole set, a `with` snippet found in the output
  is a true positive, one not found a false negative, a `without` snippet
  found a false positive. Matching ignores case, HTML entities, runs of
  white space and the style of quotes and dashes.

An empty output on a page with an empty gold scores 1; empty against
non-empty scores 0. A missing output scores as empty. Standard library only.
"""
import argparse
import collections
import gzip
import html
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
import unicodedata

SHINGLE_LEN = 5
FILES_PER_RUN = 200  # keeps each command line well under ARG_MAX

# Scripts written without spaces between words (Thai, Lao, Burmese, Khmer,
# kana, CJK ideographs and their extensions, half-width katakana): every
# character is one token.
NO_SPACE_RANGES = [
    ("\u0e00", "\u0e7f"), ("\u0e80", "\u0eff"), ("\u1000", "\u109f"),
    ("\u1780", "\u17ff"), ("\u3040", "\u30ff"), ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"), ("\uff66", "\uff9f"),
    ("\U00020000", "\U0003134f"),
]
# Combining marks and joiners that belong to the word around them; Python's
# \w does not match all of them, and a word must not split at one.
WORD_MARK_RANGES = [
    ("\u0300", "\u036f"), ("\u0483", "\u0489"), ("\u0591", "\u05c7"),
    ("\u0610", "\u061a"), ("\u064b", "\u065f"), ("\u0670", "\u0670"),
    ("\u06d6", "\u06ed"), ("\u0900", "\u0dff"), ("\u200c", "\u200d"),
]


def char_class(ranges):
    return "".join(a if a == b else "%s-%s" % (a, b) for a, b in ranges)


NO_SPACE = char_class(NO_SPACE_RANGES)
WORD_MARKS = char_class(WORD_MARK_RANGES)
TOKEN_RE = re.compile(r"[{ns}]|(?:(?![{ns}])[\w{wm}])+".format(ns=NO_SPACE, wm=WORD_MARKS))

# Quote and dash styles that snippet matching treats as the same; soft
# hyphens, zero-width spaces and BOMs are dropped.
SNIPPET_FOLD = {}
for _c in "\u2018\u2019\u201a\u201b":
    SNIPPET_FOLD[ord(_c)] = "'"
for _c in "\u201c\u201d\u201e\u201f\u00ab\u00bb":
    SNIPPET_FOLD[ord(_c)] = '"'
for _c in "\u2013\u2014\u2212\u2010\u2011":
    SNIPPET_FOLD[ord(_c)] = "-"
for _c in "\u00ad\u200b\ufeff":
    SNIPPET_FOLD[ord(_c)] = None


def tokenize(text):
    """Word tokens of text, NFC and case-folded."""
    return TOKEN_RE.findall(unicodedata.normalize("NFC", text).casefold())


def shingle_bag(toks):
    """Every run of SHINGLE_LEN consecutive tokens (one for a short text)."""
    if not toks:
        return []
    if len(toks) < SHINGLE_LEN:
        return [tuple(toks)]
    return [tuple(toks[k:k + SHINGLE_LEN]) for k in range(len(toks) - SHINGLE_LEN + 1)]


def precision_recall_f1(hits, predicted, expected):
    """P, R, F1 from counts; the empty cases are defined, not divisions."""
    if expected == 0:
        return (1.0, 1.0, 1.0) if predicted == 0 else (0.0, 1.0, 0.0)
    if predicted == 0:
        return (0.0, 0.0, 0.0)
    precision, recall = hits / predicted, hits / expected
    if precision + recall == 0:
        return (precision, recall, 0.0)
    return (precision, recall, 2 * precision * recall / (precision + recall))


def bag_scores(predicted, expected):
    pred, gold = collections.Counter(predicted), collections.Counter(expected)
    hits = sum(min(n, gold[k]) for k, n in pred.items() if k in gold)
    return precision_recall_f1(hits, sum(pred.values()), sum(gold.values()))


def snippet_form(text):
    """The form snippet matching compares: no entities, case, quote style."""
    text = unicodedata.normalize("NFC", html.unescape(text)).casefold()
    return " ".join(text.translate(SNIPPET_FOLD).split())


class PageScore:
    """One page's figures: token and shingle (P, R, F1), snippet counts."""

    def __init__(self, page_id, lang):
        self.page_id, self.lang = page_id, lang
        self.token = self.shingle = self.snippets = None

    @classmethod
    def of(cls, page_id, lang, output, gold, snippets):
        s = cls(page_id, lang)
        if gold is not None:
            out_toks, gold_toks = tokenize(output), tokenize(gold)
            s.token = bag_scores(out_toks, gold_toks)
            s.shingle = bag_scores(shingle_bag(out_toks), shingle_bag(gold_toks))
        if snippets is not None:
            found = snippet_form(output)
            want = snippets.get("with", [])
            unwanted = snippets.get("without", [])
            tp = sum(snippet_form(x) in found for x in want)
            fp = sum(snippet_form(x) in found for x in unwanted)
            s.snippets = (tp, fp, len(want) - tp)
        return s


def mean3(triples):
    n = len(triples)
    return tuple(sum(t[k] for t in triples) / n for k in range(3))


def set_summary(pages):
    summary = {"pages": len(pages)}
    tok = [p.token for p in pages if p.token is not None]
    shi = [p.shingle for p in pages if p.shingle is not None]
    if tok:
        summary["tok"] = mean3(tok)
    if shi:
        summary["shi"] = mean3(shi)
    snip = [p.snippets for p in pages if p.snippets is not None]
    if snip:
        tp = sum(s[0] for s in snip)
        fp = sum(s[1] for s in snip)
        fn = sum(s[2] for s in snip)
        summary["snip"] = precision_recall_f1(tp, tp + fp, tp + fn)
    return summary


def summary_line(summary):
    out = "pages %4d" % summary["pages"]
    for key, name in (("tok", "token"), ("shi", "shingle"), ("snip", "snippet")):
        if key in summary:
            out += "  %s P %.3f R %.3f F1 %.3f" % ((name,) + tuple(summary[key]))
    return out


def read_utf8(path):
    """A file's text, or None when it does not exist."""
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "replace")


def read_manifest(set_dir):
    with open(os.path.join(set_dir, "manifest.tsv"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    names = lines[0].split("\t")
    return [dict(zip(names, l.split("\t"))) for l in lines[1:] if l.strip()]


def prepare_inputs(set_dir, form, ids, work):
    """The input files of one form; html pages are unpacked into work/in."""
    if form != "html":
        return [os.path.join(set_dir, form, i + ".txt") for i in ids]
    in_dir = os.path.join(work, "in")
    os.makedirs(in_dir, exist_ok=True)
    paths = []
    for i in ids:
        with gzip.open(os.path.join(set_dir, "html", i + ".html.gz"), "rb") as f:
            page = f.read()
        path = os.path.join(in_dir, i + ".html")
        with open(path, "wb") as f:
            f.write(page)
        paths.append(path)
    return paths


def run_cleaner(command, files, out_dir):
    """Runs `command -o out_dir FILES` in batches; returns (seconds, failures)."""
    failures = []
    start = time.monotonic()
    for k in range(0, len(files), FILES_PER_RUN):
        argv = command + ["-o", out_dir] + files[k:k + FILES_PER_RUN]
        try:
            done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except OSError as e:
            raise SystemExit("eval.py: cannot run %s: %s" % (command[0], e))
        if done.returncode:
            failures.append((done.returncode, done.stderr.decode("utf-8", "replace")[-500:]))
    return time.monotonic() - start, failures


def evaluate(set_dir, form, command, pred_dir, keep=None):
    """Scores one set; returns (summary dict, page scores, failures)."""
    manifest = read_manifest(set_dir)
    ids = [row["id"] for row in manifest]
    seconds, failures = None, []
    with tempfile.TemporaryDirectory(prefix="nc-eval-") as work:
        if command:
            if not os.path.isdir(os.path.join(set_dir, form)):
                raise SystemExit("eval.py: %s has no %s/ form" % (set_dir, form))
            pred_dir = keep or os.path.join(work, "out")
            os.makedirs(pred_dir, exist_ok=True)
            for name in os.listdir(pred_dir):  # a stale output must not score
                if name.endswith(".txt"):
                    os.remove(os.path.join(pred_dir, name))
            files = prepare_inputs(set_dir, form, ids, work)
            seconds, failures = run_cleaner(command, files, pred_dir)
        pages, missing = [], 0
        for row in manifest:
            output = read_utf8(os.path.join(pred_dir, row["id"] + ".txt"))
            if output is None:
                missing += 1
                output = ""
            gold = read_utf8(os.path.join(set_dir, "gold", row["id"] + ".txt"))
            snip = read_utf8(os.path.join(set_dir, "snippets", row["id"] + ".json"))
            pages.append(PageScore.of(row["id"], row.get("lang", "und"), output, gold,
                                      json.loads(snip) if snip else None))
    summary = set_summary(pages)
    summary.update(set=os.path.basename(os.path.normpath(set_dir)),
                   form=form if command else "pred", missing=missing,
                   cli_failures=len(failures))
    if seconds is not None:
        summary["seconds"] = round(seconds, 3)
    return summary, pages, failures


# ---- metadata: author, date and title against SET/meta.tsv ----

def meta_norm(text):
    """Case, spacing and punctuation ignored."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def author_parts(gold):
    """The names a gold author field lists ("A, B and C"; "A, MD" stays A)."""
    parts = re.split(r"\s*(?:,|;|&|\band\b)\s*", gold)
    return {meta_norm(p) for p in parts if meta_norm(p)} | {meta_norm(gold)}


def read_meta_gold(set_dir):
    path = os.path.join(set_dir, "meta.tsv")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    names = lines[0].split("\t")
    return {row["id"]: row for row in (dict(zip(names, l.split("\t"))) for l in lines[1:] if l.strip())}


def meta_values(out, field):
    return [item["value"] for item in out.get("meta", {}).get(field, [])]


class MetaScore:
    """Counts for one set: hits and totals per figure."""

    FIGURES = (("author", "author matches gold"), ("author_none", "author where gold has none"),
               ("author_text", "author matches, gold author in the input text"),
               ("date", "date same day as gold"), ("date_none", "date where gold has none"),
               ("title", "title equals gold"))

    def __init__(self, misses=None):
        self.hits = collections.Counter()
        self.total = collections.Counter()
        self.misses = misses  # None, or a list that collects (figure, page id, gold, got)
        self.page_id = None
        self.got = {}

    def add(self, name, ok):
        self.total[name] += 1
        self.hits[name] += bool(ok)
        # A "_none" figure counts values returned where gold has none: those are the misses.
        if bool(ok) == name.endswith("_none") and self.misses is not None:
            field = name.split("_")[0]
            gold = self.gold.get({"date": "publish_date"}.get(field, field), "")
            self.misses.append((name, self.page_id, gold, self.got[field]))

    def page(self, gold, out, text, page_id=None):
        self.page_id, self.gold = page_id, gold
        self.got = {"author": " | ".join(meta_values(out, "author")),
                    "date": " | ".join(meta_values(out, "date")), "title": out.get("title") or ""}
        authors = [meta_norm(a) for a in meta_values(out, "author")]
        authors.append(meta_norm(" ".join(meta_values(out, "author"))))
        if gold.get("author"):
            ok = bool(author_parts(gold["author"]) & set(a for a in authors if a))
            self.add("author", ok)
            if text is not None and gold["author"].casefold() in text.casefold():
                self.add("author_text", ok)
        else:
            self.add("author_none", meta_values(out, "author"))
        dates = meta_values(out, "date")
        if gold.get("publish_date"):
            self.add("date", dates and dates[0][:10] == gold["publish_date"][:10])
        else:
            self.add("date_none", dates)
        if gold.get("title"):
            title = out.get("title") or ""
            self.add("title", meta_norm(title) == meta_norm(gold["title"]))

    def lines(self):
        for key, name in self.FIGURES:
            if self.total[key]:
                yield "  %-48s %.3f (%d/%d)" % (name, self.hits[key] / self.total[key],
                                                 self.hits[key], self.total[key])


def evaluate_meta(set_dir, form, command, keep=None, misses=None):
    """Runs the cleaner with --format json over the set; scores its metadata
    (and lists each miss in misses when that is a list)."""
    gold = read_meta_gold(set_dir)
    if gold is None:
        raise SystemExit("eval.py: %s has no meta.tsv" % set_dir)
    ids = [row["id"] for row in read_manifest(set_dir)]
    score = MetaScore(misses)
    with tempfile.TemporaryDirectory(prefix="nc-meta-") as work:
        out_dir = keep or os.path.join(work, "out")
        os.makedirs(out_dir, exist_ok=True)
        files = prepare_inputs(set_dir, form, ids, work)
        _, failures = run_cleaner(command + ["--format", "json"], files, out_dir)
        for i in ids:
            raw = read_utf8(os.path.join(out_dir, i + ".txt"))
            out = json.loads(raw) if raw else {}
            text = read_utf8(os.path.join(set_dir, "text-lines", i + ".txt")) if form != "html" else None
            if i in gold:
                score.page(gold[i], out, text, i)
    return score, failures


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--set", help="one set folder")
    where.add_argument("--data", help="a folder of sets: score each set in each form it has")
    ap.add_argument("--form", default="text-lines", choices=("text-lines", "text-lynx", "html"))
    ap.add_argument("--cli", help="the cleaner: CLI [ARGS] -o DIR FILE...")
    ap.add_argument("--cli-args", default="", help="extra arguments for the cleaner")
    ap.add_argument("--pred", help="score the outputs ID.txt in this folder as they are")
    ap.add_argument("--keep", help="keep the cleaner's outputs in this folder")
    ap.add_argument("--by-lang", action="store_true", help="also print the figures per language")
    ap.add_argument("--json", action="store_true", help="print one JSON object a set and form")
    ap.add_argument("--meta", action="store_true",
                    help="score author, date and title against the set's meta.tsv")
    ap.add_argument("--misses", action="store_true",
                    help="with --meta: list every missed page (figure, id, gold, output)")
    a = ap.parse_args(argv)
    if bool(a.cli) == bool(a.pred):
        ap.error("give exactly one of --cli and --pred")
    command = [a.cli] + shlex.split(a.cli_args) if a.cli else None

    jobs = []
    if a.set:
        jobs.append((a.set, a.form))
    else:
        for name in sorted(os.listdir(a.data)):
            set_dir = os.path.join(a.data, name)
            if not os.path.isfile(os.path.join(set_dir, "manifest.tsv")):
                continue
            for form in ("text-lines", "text-lynx", "html"):
                if os.path.isdir(os.path.join(set_dir, form)) or not command:
                    jobs.append((set_dir, form))
                if not command:
                    break
    status = 0
    if a.meta:
        if not command:
            ap.error("--meta needs --cli")
        for set_dir, form in jobs:
            misses = [] if a.misses else None
            score, failures = evaluate_meta(set_dir, form, command, a.keep, misses)
            print("%s/%s  metadata" % (os.path.basename(os.path.normpath(set_dir)), form))
            for line in score.lines():
                print(line)
            for miss in misses or []:
                print("  miss %-12s %s  gold %r  got %r" % miss)
            status |= bool(failures)
        return status
    for set_dir, form in jobs:
        summary, pages, failures = evaluate(set_dir, form, command, a.pred, a.keep)
        if a.json:
            print(json.dumps(summary))
        else:
            print("%s/%s  %s" % (summary["set"], summary["form"], summary_line(summary)))
            if a.by_lang:
                groups = collections.defaultdict(list)
                for p in pages:
                    groups[p.lang or "-"].append(p)
                for lang, group in sorted(groups.items(), key=lambda kv: -len(kv[1])):
                    print("  %-6s %s" % (lang, summary_line(set_summary(group))))
        if summary["missing"]:
            sys.stderr.write("%d pages had no output (scored as empty)\n" % summary["missing"])
        for code, err in failures[:3]:
            sys.stderr.write("cleaner failed (exit %d): %s\n" % (code, err.strip()))
        if failures or summary["missing"]:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
