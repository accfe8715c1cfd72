#!/usr/bin/env python3
"""Cross-validated quality: every page scored by a model that never saw its site.

  tools/cv.py [--folds 5] [the model options of tools/train.py]

Folds are groups of sites: every page of every shared set goes to the fold
of the host in its manifest URL (without "www."), so a site's pages in
wcxb-dev, wcxb-dev-other and traf-dev are on the same side; a page without
a URL (readability, seed) is a group of its own. Groups are dealt to the
folds largest first, each to the fold with the fewest pages so far (ties by
the group's digest): the same folds every run.

For each fold the model is trained as tools/train.py trains it (same
options, same seed) on the training sets' pages of the other folds, written
as a C table, and linked into a CLI of its own (build/cv/foldK/newsclean:
the library itself, only the model table differs). That CLI cleans the
fold's pages in every form, so each output is exactly what the library
gives with that fold's model: stage 1, the context pass and the detectors.
The outputs are scored by ../shared/tools/run_eval.py --pred.

Writes build/cv/summary.tsv and build/cv/SET.FORM.tsv (per page) and
prints the table: mean token F1 (gold sets), snippet F1 (snippet sets),
pages with token F1 < 0.5. A fold's model is retrained only when the
features or the model options changed (build/cv/foldK/stamp).
"""
import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import train

ROOT = train.ROOT
SCORED = ("seed", "wcxb-dev", "wcxb-dev-other", "readability", "traf-dev")
GOLD_LOW = 0.5


def assign_folds(data, sets, k):
    """{(set, id): fold}: whole hosts to a fold, balanced by page count."""
    members = {}
    for s in sets:
        for row in train.manifest(data, s):
            members.setdefault(train.host_of(s, row), []).append((s, row["id"]))
    order = sorted(members, key=lambda g: (-len(members[g]),
                                           hashlib.md5(g.encode()).hexdigest()))
    size = [0] * k
    fold = {}
    for g in order:
        f = min(range(k), key=lambda i: (size[i], i))
        size[f] += len(members[g])
        for key in members[g]:
            fold[key] = f
    return fold


def model_stamp(a):
    opts = {k: v for k, v in sorted(vars(a).items())
            if k not in ("jobs", "cache_dir", "data", "retrain", "scored", "forms",
                          "only_folds", "only")}
    if opts.get("train_share") == 1.0:
        del opts["train_share"]  # at its default, a fold trained before the option stays fresh
    with open(os.path.join(ROOT, "tools", "train.py"), "rb") as f:
        script = hashlib.sha1(f.read()).hexdigest()
    return json.dumps([train.feature_key(), script, opts], sort_keys=True)


def in_share(page, share):
    """True for about `share` of the pages, the same ones every run; a
    page's forms and caseless copy go together (for a learning curve)."""
    if share >= 1.0:
        return True
    h = hashlib.sha1(("%s/%s" % (page["set"], page["id"])).encode()).digest()
    return int.from_bytes(h[:4], "big") < share * 2 ** 32


def build_fold_models(pages, fold, a):
    """Trains (when stale) and links the CLI of every fold."""
    for k in a.only:
        d = os.path.join(ROOT, "build", "cv", "fold%d" % k)
        os.makedirs(d, exist_ok=True)
        stamp_path = os.path.join(d, "stamp")
        stamp = model_stamp(a)
        fresh = (not a.retrain and os.path.exists(stamp_path)
                 and (a.keep_models or open(stamp_path).read() == stamp))
        if not fresh and a.keep_models:
            sys.exit("cv.py: --keep-models, but fold %d has no model yet" % k)
        if not fresh:
            t0 = time.time()
            mine = [p for p in pages if fold[(p["set"], p["id"])] != k
                    and in_share(p, a.train_share)]
            s1, s2, names = train.train_models(mine, a)
            train.export([s1, s2], names, os.path.join(d, "model.gen.c"))
            with open(stamp_path, "w") as f:
                f.write(stamp)
            print("fold %d: trained on %d pages in %.0f s" % (k, len(mine), time.time() - t0),
                  file=sys.stderr)
    targets = ["build/cv/fold%d/newsclean" % k for k in a.only]
    subprocess.run(["nice", "make", "-C", ROOT, "-s", "-j2"] + targets, check=True)


def input_path(data, set_name, form, pid):
    if form != "html":
        return os.path.join(data, set_name, form, pid + ".txt")
    path = os.path.join(ROOT, "build", "cv", "in", set_name, pid + ".html")
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(os.path.join(data, set_name, "html", pid + ".html.gz"), "rb") as f:
            raw = gzip.decompress(f.read())
        with open(path, "wb") as f:
            f.write(raw)
    return path


def clean(cli, files, out_dir):
    for i in range(0, len(files), 200):
        subprocess.run(["nice", cli, "-o", out_dir] + files[i:i + 200],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def score(data, set_name, form, fold, a):
    """Cleans every page of set_name in form with its fold's CLI and
    scores the outputs; returns the summary row."""
    if not os.path.isdir(os.path.join(data, set_name, "html" if form == "html" else form)):
        return None
    out_dir = os.path.join(ROOT, "build", "cv", "out", set_name, form)
    os.makedirs(out_dir, exist_ok=True)
    for name in os.listdir(out_dir):
        os.remove(os.path.join(out_dir, name))
    ids = [row["id"] for row in train.manifest(data, set_name)
           if fold[(set_name, row["id"])] in a.only]
    if not ids:
        return None
    jobs = []
    for k in a.only:
        files = [input_path(data, set_name, form, i) for i in ids if fold[(set_name, i)] == k]
        cli = os.path.join(ROOT, "build", "cv", "fold%d" % k, "newsclean")
        jobs.append((cli, files))
    with ThreadPoolExecutor(a.jobs) as pool:
        list(pool.map(lambda j: clean(j[0], j[1], out_dir), jobs))
    per_page = os.path.join(ROOT, "build", "cv", "%s.%s.tsv" % (set_name, form))
    r = subprocess.run([sys.executable, os.path.join(a.data, "..", "tools", "run_eval.py"),
                        "--set", os.path.join(data, set_name), "--pred", out_dir,
                        "--per-page", per_page, "--json"],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    total = json.loads(r.stdout)  # exits 1 when a page has no output
    if len(a.only) < a.folds:  # the scorer read every page: keep the folds'
        total = partial_summary(per_page, set(ids))
    row = dict(set=set_name, form=form, pages=total["pages"], missing=total["missing"])
    if "tok" in total:
        row["token_f1"] = total["tok"][2]
        with open(per_page, encoding="utf-8") as f:
            vals = [c[3] for c in (line.split("\t") for line in f.read().splitlines()[1:])
                    if c[0] in ids]
        row["low"] = sum(1 for v in vals if v and float(v) < GOLD_LOW)
    if "snip" in total:
        row["snippet_f1"] = total["snip"][2]
    return row


def partial_summary(per_page, ids):
    """The scorer's summary over the pages in ids only (--only-folds)."""
    tok, tp, fp, fn, n = [], 0, 0, 0, 0
    with open(per_page, encoding="utf-8") as f:
        for line in f.read().splitlines()[1:]:
            c = line.split("\t")
            if c[0] not in ids:
                continue
            n += 1
            if c[3]:
                tok.append(float(c[3]))
            if c[5]:
                tp, fp, fn = tp + int(c[5]), fp + int(c[6]), fn + int(c[7])
    out = dict(pages=n, missing=0)
    if tok:
        out["tok"] = (0, 0, sum(tok) / len(tok))
    if tp + fp + fn:
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        out["snip"] = (p, r, 2 * p * r / max(p + r, 1e-9))
    return out


def fmt(v, spec="%.4f"):
    return spec % v if v is not None else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    train.add_model_args(ap)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--scored", default=",".join(SCORED), help="comma-separated sets to score")
    ap.add_argument("--forms", default=",".join(train.FORMS))
    ap.add_argument("--retrain", action="store_true", help="train the fold models even if fresh")
    ap.add_argument("--keep-models", action="store_true",
                    help="score with the fold models already trained, even if stale "
                    "(for changes after the classifier: pickers, result)")
    ap.add_argument("--train-share", type=float, default=1.0, metavar="F",
                    help="train each fold on about F of its training pages "
                    "(the same pages every run): how the figures grow with data")
    ap.add_argument("--only-folds", default="",
                    help="comma-separated folds to train and score (a quicker, noisier look)")
    a = ap.parse_args()
    a.only = ([int(x) for x in a.only_folds.split(",")] if a.only_folds
              else list(range(a.folds)))
    train.apply_model_args(a)
    subprocess.run(["make", "-C", ROOT, "-s", "all"], check=True)
    train_sets = a.sets.split(",")
    scored = a.scored.split(",")
    fold = assign_folds(a.data, sorted(set(SCORED) | set(train_sets)), a.folds)
    t0 = time.time()
    pages = [] if a.keep_models else train.load_pages(a.data, train_sets, a.jobs, a.cache_dir)
    print("loaded %d training pages in %.0f s" % (len(pages), time.time() - t0), file=sys.stderr)
    build_fold_models(pages, fold, a)
    rows = []
    for s in scored:
        for form in a.forms.split(","):
            row = score(a.data, s, form, fold, a)
            if row:
                rows.append(row)
                print("%-15s %-10s pages %4d  token F1 %s  < %.1f: %s  snippet F1 %s" % (
                    s, form, row["pages"], fmt(row.get("token_f1")), GOLD_LOW,
                    fmt(row.get("low"), "%d"), fmt(row.get("snippet_f1"))), flush=True)
    with open(os.path.join(ROOT, "build", "cv", "summary.tsv"), "w") as f:
        f.write("set\tform\tpages\ttoken_f1\tlow_pages\tsnippet_f1\n")
        for r in rows:
            f.write("%s\t%s\t%d\t%s\t%s\t%s\n" % (
                r["set"], r["form"], r["pages"], fmt(r.get("token_f1")),
                fmt(r.get("low"), "%d"), fmt(r.get("snippet_f1"))))


if __name__ == "__main__":
    main()
