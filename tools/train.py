#!/usr/bin/env python3
"""Train newsclean's block classifier and write lib/classify/model.gen.c.

  tools/train.py [--data ../shared/data] [--out lib/classify/model.gen.c]

Steps: run build/nc_dump (the library's own blocks and features) over every
page of the sets and forms; label each block against the page's answer (gold
text: the share of its tokens that an in-order alignment with the gold
finds; snippets: blocks holding a must-appear snippet are body, blocks
holding a must-not-appear one are not); fit two gradient-boosted tree models (stage 1 on
the block's features, stage 2 adds stage 1's out-of-fold probabilities of
the neighbours: a learned context pass) on every page; write their trees as
C tables. The model's quality is measured by tools/cv.py (`make cv`), which
trains the same way without the pages of one fold of sites at a time.
Needs Debian's python3-sklearn and python3-numpy (/usr/bin/python3).
"""
import argparse
import collections
import difflib
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from multiprocessing import Pool

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# The scorer's tokenizer (../shared/tools/run_eval.py), so labels mean
# what the figures measure.
_NOSPACE = ("\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff"
            "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
            "\uff66-\uff9f\U00020000-\U0003134f")
_MARKS = ("\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a"
          "\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff\u200c\u200d")
_TOKEN = re.compile("[%s]|(?:(?![%s])[\\w%s])+" % (_NOSPACE, _NOSPACE, _MARKS))


def tokens(text):
    return _TOKEN.findall(unicodedata.normalize("NFC", text).casefold())


_PUNCT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2013": "-",
                        "\u2014": "-", "\u00ad": None, "\u200b": None})


def norm(text):
    import html
    text = unicodedata.normalize("NFC", html.unescape(text)).casefold()
    return " ".join(text.translate(_PUNCT).split())


SETS = ("wcxb-dev", "readability", "traf-dev", "wcxb-dev-other")
# The other page types (service, forum, listing, documentation, product)
# teach HTML layouts the article sets do not show, but at full weight they
# also teach the model to keep what an article's gold leaves out (comments,
# teasers); in plain text, with no markup to tell a listing from an
# article, their short lines taught it to keep related headlines and menu
# items. Chosen by tools/cv.py (docs/algorithm.md); --set-weight
# overrides these.
SET_WEIGHTS = {"wcxb-dev-other:html": 0.3, "wcxb-dev-other:text-lines": 0.0,
               "wcxb-dev-other:text-lynx": 0.0}
FORMS = ("text-lines", "text-lynx", "html")
N_STAGE2 = 11  # context features appended by stage 2 (see context_features)


def dump(files, form, tmp):
    """Runs nc_dump over files; yields (file, header, rows)."""
    inputs = []
    for f in files:
        if f.endswith(".gz"):
            path = os.path.join(tmp, os.path.basename(f)[:-3])
            with open(f, "rb") as src, open(path, "wb") as dst:
                dst.write(gzip.decompress(src.read()))
            inputs.append(path)
        else:
            inputs.append(f)
    kind = "html" if form == "html" else "text"
    out = subprocess.run([os.path.join(ROOT, "build", "nc_dump"), "--input", kind] + inputs,
                         stdout=subprocess.PIPE, check=False).stdout.decode("utf-8", "replace")
    lines = out.split("\n")
    header = lines[0].split("\t")
    pages = collections.OrderedDict()
    for line in lines[1:]:
        if not line:
            continue
        cols = line.split("\t")
        if len(cols) != len(header):
            continue
        pages.setdefault(cols[0], []).append(cols)
    return header, pages


def label_gold(texts, gold):
    """Share of each block's tokens matched by an in-order alignment."""
    btoks = [tokens(t) for t in texts]
    flat, owner = [], []
    for i, t in enumerate(btoks):
        flat.extend(t)
        owner.extend([i] * len(t))
    gtoks = tokens(gold)
    matched = [0] * len(texts)
    sm = difflib.SequenceMatcher(None, flat, gtoks, autojunk=False)
    for a, _b, size in sm.get_matching_blocks():
        if size == 0 or (size == 1 and len(btoks[owner[a]]) != 1):
            continue  # a lone common word matching proves nothing
        for k in range(a, a + size):
            matched[owner[k]] += 1
    return [(matched[i] / len(t)) if t else 0.0 for i, t in enumerate(btoks)]


def label_snippets(texts, snip):
    labels = [None] * len(texts)
    normed = [norm(t) for t in texts]
    for s in snip.get("without", []):
        ns = norm(s)
        for i, t in enumerate(normed):
            if ns and ns in t:
                labels[i] = 0.0
    for s in snip.get("with", []):
        ns = norm(s)
        for i, t in enumerate(normed):
            if ns and ns in t:
                labels[i] = 1.0
    return labels


def word_weight(words):
    """A block's weight for its length: 1 + ln(1 + words). --word-power
    replaces it on the gold pages (reweight)."""
    return 1.0 + np.log1p(words)


def load_job(job):
    data, set_name, form, ids = job
    set_dir = os.path.join(data, set_name)
    with tempfile.TemporaryDirectory() as tmp:
        if form == "html":
            files = [os.path.join(set_dir, "html", i + ".html.gz") for i in ids]
        else:
            files = [os.path.join(set_dir, form, i + ".txt") for i in ids]
        header, pages = dump(files, form, tmp)
    nfeat = len(header) - 4  # file, block, ..., group, text
    out = []
    for f, rows in pages.items():
        base = os.path.basename(f)
        pid = base[:-5] if base.endswith(".html") else base[:-4]
        texts = [r[-1] for r in rows]
        feats = np.array([[float(x) for x in r[2:2 + nfeat]] for r in rows], dtype=np.float32)
        group = np.array([int(r[-2]) for r in rows], dtype=np.int64)
        gold_path = os.path.join(set_dir, "gold", pid + ".txt")
        snip_path = os.path.join(set_dir, "snippets", pid + ".json")
        if os.path.exists(gold_path):
            with open(gold_path, encoding="utf-8", errors="replace") as g:
                labels = [1.0 if x >= 0.5 else 0.0 for x in label_gold(texts, g.read())]
            weights = [1.0] * len(texts)
        elif os.path.exists(snip_path):
            with open(snip_path, encoding="utf-8") as s:
                lab = label_snippets(texts, json.load(s))
            labels = [x if x is not None else -1.0 for x in lab]
            weights = [4.0] * len(texts)  # few labels a page: each counts more
        else:
            continue
        words = np.expm1(feats[:, 0])
        out.append(dict(id=pid, set=set_name, form=form, feats=feats, group=group,
                        labels=np.array(labels, dtype=np.float32),
                        weights=np.array(weights, dtype=np.float32) * word_weight(words),
                        names=header[2:2 + nfeat]))
    return out


def context_features(p, words, group):
    """Stage 2's view of the neighbours; classify/classify.c computes the same."""
    n = len(p)
    out = np.full((n, N_STAGE2), -1.0, dtype=np.float32)
    total = max(float(words.sum()), 1.0)
    body_words = np.where(p >= 0.5, words, 0.0)
    before = np.concatenate([[0.0], np.cumsum(body_words)[:-1]])
    after = body_words.sum() - before - body_words
    pad = np.concatenate([np.full(5, np.nan), p, np.full(5, np.nan)])
    wpad = np.concatenate([np.zeros(5), words, np.zeros(5)])
    idx = np.arange(n) + 5
    for col, off in ((0, -2), (1, -1), (2, 1), (3, 2)):
        v = pad[idx + off]
        out[:, col] = np.where(np.isnan(v), -1.0, v)
    sw = np.zeros(n)
    spw = np.zeros(n)
    for off in range(-5, 6):
        if off == 0:
            continue
        v = pad[idx + off]
        w = wpad[idx + off]
        sw += w
        spw += np.where(np.isnan(v), 0.0, v) * w
    out[:, 4] = np.where(sw > 0, spw / np.where(sw > 0, sw, 1), -1.0)
    for col, offs in ((5, (-3, -2, -1)), (6, (1, 2, 3))):
        m = np.full(n, -1.0)
        for off in offs:
            v = pad[idx + off]
            m = np.where(np.isnan(v), m, np.maximum(m, v))
        out[:, col] = m
    out[:, 7] = before / total
    out[:, 8] = after / total
    # the other blocks of its look-alike group (group key, 0: none)
    keys, inv, cnt = np.unique(group, return_inverse=True, return_counts=True)
    sums = np.bincount(inv, weights=p)
    others = cnt[inv] - 1
    mean = np.where(others > 0, (sums[inv] - p) / np.maximum(others, 1), -1.0)
    out[:, 9] = np.where(group != 0, mean, -1.0)
    # how sure stage 1 is of the page's body: the word-weighted mean score
    # of the blocks it keeps, the same for every block of the page
    bw = float(body_words.sum())
    out[:, 10] = float((p * body_words).sum() / bw) if bw > 0 else -1.0
    return out


TREES, LEAVES, MIN_LEAF = 200, 24, 40  # a stage; --trees/--leaves/--min-leaf change them


def fit(X, y, w, seed=0):
    model = HistGradientBoostingClassifier(
        max_iter=TREES, learning_rate=0.1 * 200 / max(TREES, 1) if TREES < 200 else 0.1,
        max_leaf_nodes=LEAVES, min_samples_leaf=MIN_LEAF,
        l2_regularization=1.0, random_state=seed)
    model.fit(X, y, sample_weight=w)
    return model


def stack(pages):
    X = np.concatenate([p["feats"] for p in pages])
    y = np.concatenate([p["labels"] for p in pages])
    w = np.concatenate([p["weights"] for p in pages])
    keep = y >= 0
    return X[keep], y[keep], w[keep]


def predict_pages(model, pages, extra=None):
    """Each page's probabilities, from one call over all their rows (a call
    a page costs more in overhead than in trees)."""
    if not pages:
        return
    X = np.concatenate([p["feats"] if extra is None else np.hstack([p["feats"], p[extra]])
                        for p in pages])
    prob = model.predict_proba(X)[:, 1]
    start = 0
    for p in pages:
        yield prob[start:start + len(p["feats"])]
        start += len(p["feats"])


def cfloat(x):
    """A C float literal: 0 -> 0.0f, 1e-05 -> 1e-05f."""
    s = "%.9g" % x
    if not any(c in s for c in ".eEn"):
        s += ".0"
    return s + "f"


def export(models, names, path):
    lines = ["/* model.gen.c - GENERATED by tools/train.py; do not edit.",
             " * Two gradient-boosted tree ensembles over the features named in",
             " * lib/features/features.c (stage 2 adds %d context features, classify/classify.c). */" % N_STAGE2,
             '#include "classify/model.h"', ""]
    for stage, model in enumerate(models, 1):
        nodes, roots = [], []
        for tree in model._predictors:
            t = tree[0].nodes
            roots.append(len(nodes))
            base = len(nodes)
            for nd in t:
                if nd["is_leaf"]:
                    nodes.append((-1, 0.0, 0, 0, float(nd["value"])))
                else:
                    nodes.append((int(nd["feature_idx"]), float(nd["num_threshold"]),
                                  base + int(nd["left"]), base + int(nd["right"]), 0.0))
        lines.append("static const nc_tree_node stage%d_nodes[%d] = {" % (stage, len(nodes)))
        for f, thr, l, r, v in nodes:
            lines.append("    {%d, %s, %d, %d, %s}," % (f, cfloat(thr), l, r, cfloat(v)))
        lines.append("};")
        lines.append("static const uint32_t stage%d_roots[%d] = {%s};" % (
            stage, len(roots), ", ".join(map(str, roots))))
        lines.append("const nc_tree_model nc_model_stage%d = {stage%d_nodes, stage%d_roots, %d, %s, %d};" % (
            stage, stage, stage, len(roots), cfloat(float(np.ravel(model._baseline_prediction)[0])),
            model.n_features_in_))
        lines.append("")
    lines.append("const char *const nc_model_feature_names[] = {%s};" % ", ".join(
        '"%s"' % n for n in names))
    lines.append("const int nc_model_feature_count = %d;" % len(names))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


CASE_FEATURES = ("cap_ratio", "upper_ratio")


def caseless_copies(pages, names, share):
    """Copies of some pages as if written in a script without case (Arabic,
    Chinese, Thai...): features/features.c gives such blocks -1 for the case
    features, and the shared sets have too few such pages to teach the
    model what a menu looks like without capitals. Picked by id hash, so
    the same pages every run."""
    cols = [names.index(n) for n in CASE_FEATURES]
    out = []
    for p in pages:
        h = int(hashlib.md5(("caseless" + p["id"]).encode()).hexdigest(), 16) % 1000
        if h >= share * 1000:
            continue
        q = dict(p)
        q["feats"] = p["feats"].copy()
        q["feats"][:, cols] = -1.0
        q["id"] = p["id"] + "#caseless"
        out.append(q)
    return out


def teacher_job(job):
    """Blocks of one chunk of pages labelled against a teacher's output."""
    data, set_name, form, ids, teacher = job
    set_dir = os.path.join(data, set_name)
    files = [os.path.join(set_dir, form, i + ".txt") for i in ids]
    with tempfile.TemporaryDirectory() as tmp:
        _header, rows = dump(files, form, tmp)
    out = {}
    for f, r in rows.items():
        pid = os.path.basename(f)[:-4]
        for name in (pid + ".html.txt", pid + ".txt"):
            path = os.path.join(teacher, name)
            if os.path.exists(path):
                with open(path, encoding="utf-8", errors="replace") as t:
                    out[(set_name, form, pid)] = label_gold([x[-1] for x in r], t.read())
                break
    return out


def add_teacher_labels(pages, a):
    """Snippet pages label only the few blocks holding a snippet. Their
    other blocks of the text forms take the label the HTML pipeline gives
    the same words (--teacher: newsclean's output on the html form, one
    ID.html.txt a page), at --teacher-weight of a snippet label: the HTML
    side sees the markup the text forms lost."""
    want = [p for p in pages if p["form"] != "html" and (p["labels"] < 0).any()]
    keys = collections.defaultdict(list)
    for p in want:
        keys[(p["set"], p["form"])].append(p["id"])
    jobs = [(a.data, s, f, ids[k:k + 60], a.teacher)
            for (s, f), ids in keys.items() for k in range(0, len(ids), 60)]
    got = {}
    with Pool(a.jobs) as pool:
        for chunk in pool.imap_unordered(teacher_job, jobs):
            got.update(chunk)
    n = 0
    for p in want:
        share = got.get((p["set"], p["form"], p["id"]))
        if share is None or len(share) != len(p["labels"]):
            continue
        lab = p["labels"].copy()
        w = p["weights"].copy()
        free = lab < 0
        lab[free] = (np.array(share, dtype=np.float32)[free] >= 0.5).astype(np.float32)
        w[free] *= a.teacher_weight
        p["labels"], p["weights"] = lab, w
        n += int(free.sum())
    print("teacher labels: %d blocks on %d pages" % (n, len(want)), file=sys.stderr)


def manifest(data, set_name):
    """The rows of a set's manifest.tsv as dicts (id, lang, kind, url...)."""
    with open(os.path.join(data, set_name, "manifest.tsv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, line.split("\t"))) for line in lines[1:] if line.strip()]


def host_of(set_name, row):
    """The site a page comes from: its manifest URL's host without "www.";
    a page without a URL (readability, seed) is a site of its own."""
    from urllib.parse import urlparse
    host = urlparse(row.get("url", "")).netloc.lower()
    if host.startswith("www."):
        host = host[4:]
    return host or "page:%s/%s" % (set_name, row["id"])


def reweight(pages, a):
    """Per-set and per-language emphasis: the English wcxb-dev pages have a
    label on every block and would otherwise outweigh the other languages'
    few snippet labels."""
    langs = {}
    for s in sorted(set(p["set"] for p in pages)):
        for row in manifest(a.data, s):
            langs[(s, row["id"])] = row.get("lang", "und")
    factor = dict(SET_WEIGHTS)
    factor.update((k, float(v)) for k, v in (x.split("=", 1) for x in a.set_weight))
    for p in pages:
        w = factor.get(p["set"], 1.0) * factor.get("%s:%s" % (p["set"], p["form"]), 1.0)
        if langs.get((p["set"], p["id"]), "und") not in ("en", "und"):
            w *= a.foreign_weight
        if w != 1.0:
            p["weights"] = p["weights"] * w
    if a.word_power > 0:
        for p in pages:
            if (p["labels"] < 0).any():
                continue  # snippet pages: a snippet counts, not its words
            words = np.expm1(p["feats"][:, 0])
            p["weights"] = p["weights"] * (
                (1.0 + words) ** a.word_power / word_weight(words)).astype(np.float32)
    if a.page_norm > 0:
        normalize_pages(pages, a.page_norm)


def normalize_pages(pages, alpha):
    """Moves the gold-text pages' weight towards one share a page: the
    figures are a mean over pages, and without this a page of 1,500 menu
    and comment blocks outweighs a hundred short articles. A page's blocks
    are scaled by (mean page weight / its weight) ** alpha, so each set and
    form keeps its total (snippet pages, a few labels each and the rest
    unlabelled, are left as they are)."""
    groups = {}
    for p in pages:
        if (p["labels"] < 0).any():
            continue
        groups.setdefault((p["set"], p["form"]), []).append(p)
    for group in groups.values():
        sums = [float(p["weights"][p["labels"] >= 0].sum()) or 1.0 for p in group]
        scale = [(np.mean(sums) / s) ** alpha for s in sums]
        total = sum(s * k for s, k in zip(sums, scale))
        fix = sum(sums) / total
        for p, k in zip(group, scale):
            p["weights"] = p["weights"] * np.float32(k * fix)


def feature_key():
    """A digest of the sources the features come from (the library but
    the stages after the features: classify/, meta/, result and warc/;
    and nc_dump): a cached dump is reused only while it is the same."""
    h = hashlib.sha1()
    paths = [os.path.join(ROOT, "tools", "nc_dump.c")]
    for d, _dirs, files in os.walk(os.path.join(ROOT, "lib")):
        paths += [os.path.join(d, f) for f in files if f.endswith((".c", ".h"))]
    for path in sorted(paths):
        after = ("classify", "meta", "result", "warc")
        if any(os.sep + d + os.sep in path for d in after) or path.endswith("result.c"):
            continue
        h.update(path[len(ROOT):].encode())
        with open(path, "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:16]


def load_pages(data, sets, jobs=2, cache_dir=None):
    """Every page of sets in every form it has, dumped and labelled; one
    pickle a set and form in cache_dir, reused while the features' sources
    are unchanged."""
    import pickle
    key = feature_key()
    pages = []
    for s in sets:
        ids = [row["id"] for row in manifest(data, s)]
        for form in FORMS:
            if not os.path.isdir(os.path.join(data, s, "html" if form == "html" else form)):
                continue
            path = cache_dir and os.path.join(cache_dir, "%s.%s.%s.pkl" % (s, form, key))
            if path and os.path.exists(path):
                with open(path, "rb") as f:
                    pages += pickle.load(f)
                continue
            work = [(data, s, form, ids[k:k + 60]) for k in range(0, len(ids), 60)]
            with Pool(jobs) as pool:
                got = [p for chunk in pool.imap(load_job, work) for p in chunk]
            if path:
                os.makedirs(cache_dir, exist_ok=True)
                with open(path, "wb") as f:
                    pickle.dump(got, f)
            pages += got
    hosts = {}
    for s in sets:
        for row in manifest(data, s):
            hosts[(s, row["id"])] = host_of(s, row)
    for p in pages:
        p["host"] = hosts[(p["set"], p["id"])]
    return pages


CTX_NAMES = ["ctx_p_m2", "ctx_p_m1", "ctx_p_p1", "ctx_p_p2", "ctx_mean5",
             "ctx_max_before", "ctx_max_after", "ctx_body_before", "ctx_body_after",
             "ctx_group_mean", "ctx_page_sure"]


def train_models(pages, a):
    """Stage 1 and stage 2 fitted on pages (weights as a says). Stage 2
    learns from stage 1's out-of-fold probabilities on the same pages:
    --oof-folds folds (two) of sites (--oof-by host) or of pages (page),
    so a page's three forms and its caseless copy always share a fold."""
    seed = a.seed
    pages = [dict(p) for p in pages]
    reweight(pages, a)
    if a.kind != "all":
        pages = [p for p in pages if (p["form"] == "html") == (a.kind == "html")]
    names = pages[0]["names"]
    if a.caseless_copies > 0:
        pages += caseless_copies(pages, names, a.caseless_copies)

    def fold_of(p):
        key = p["host"] if a.oof_by == "host" else p["id"].split("#")[0]
        return int(hashlib.md5(key.encode()).hexdigest(), 16) // 5 % a.oof_folds
    folds = [[p for p in pages if fold_of(p) == f] for f in range(a.oof_folds)]
    for f in range(a.oof_folds):
        rest = [p for g in range(a.oof_folds) if g != f for p in folds[g]]
        m = fit(*stack(rest), seed=seed)
        for p, prob in zip(folds[f], predict_pages(m, folds[f])):
            p["p1"] = prob
    stage1 = fit(*stack(pages), seed=seed)
    for p in pages:
        p["ctx"] = context_features(p["p1"], np.expm1(p["feats"][:, 0]), p["group"])
    X = np.concatenate([np.hstack([p["feats"], p["ctx"]]) for p in pages])
    y = np.concatenate([p["labels"] for p in pages])
    w = np.concatenate([p["weights"] for p in pages])
    keep = y >= 0
    stage2 = fit(X[keep], y[keep], w[keep], seed=seed)
    return stage1, stage2, names + CTX_NAMES


def add_model_args(ap):
    """The options that shape a model; tools/cv.py takes the same."""
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sets", default=",".join(SETS),
                    help="comma-separated sets to train on")
    ap.add_argument("--set-weight", action="append", default=[], metavar="SET=X",
                    help="multiply the weight of every block of SET's pages by X "
                         "(SET:FORM=X: of one form of them)")
    ap.add_argument("--caseless-copies", type=float, default=0.15, metavar="SHARE",
                    help="add a copy of this share of the training pages with the case features "
                         "set to -1, as features/features.c sets them for scripts without case")
    ap.add_argument("--trees", type=int, default=200, help="trees a stage")
    ap.add_argument("--leaves", type=int, default=24, help="most leaves a tree (<= 64)")
    ap.add_argument("--min-leaf", type=int, default=40, help="fewest training blocks a leaf")
    ap.add_argument("--kind", choices=("all", "text", "html"), default="all",
                    help="train on the pages of one input kind only (text: both text forms)")
    ap.add_argument("--foreign-weight", type=float, default=1.0, metavar="X",
                    help="multiply the weight of pages whose manifest language is not en")
    ap.add_argument("--oof-by", choices=("page", "host"), default="page",
                    help="stage 1's out-of-fold scores for stage 2: folds of pages or of sites")
    ap.add_argument("--oof-folds", type=int, default=2, metavar="K",
                    help="folds of stage 1's out-of-fold scores that stage 2 learns from")
    ap.add_argument("--word-power", type=float, default=0.0, metavar="P",
                    help="weigh a gold page's block by (1 + words) ** P instead of "
                         "1 + ln(1 + words) (0: as it is)")
    ap.add_argument("--seed", type=int, default=0, help="the trees' random state")
    ap.add_argument("--page-norm", type=float, default=0.0, metavar="ALPHA",
                    help="scale each gold page's blocks by (mean page weight / its weight) "
                         "** ALPHA (0: blocks count alike; 1: pages count alike)")
    ap.add_argument("--cache-dir", default=os.path.join(ROOT, "build", "features"),
                    help="where the labelled dumps are kept, one file a set and form")


def apply_model_args(a):
    global TREES, LEAVES, MIN_LEAF
    TREES, LEAVES, MIN_LEAF = a.trees, a.leaves, a.min_leaf
    subprocess.run(["make", "-C", ROOT, "-s", "build/nc_dump"], check=True)


def main():
    ap = argparse.ArgumentParser()
    add_model_args(ap)
    ap.add_argument("--out", default=os.path.join(ROOT, "lib", "classify", "model.gen.c"))
    ap.add_argument("--teacher", metavar="DIR",
                    help="label the unlabelled blocks of the snippet pages' text forms against "
                         "newsclean's html output in DIR (ID.html.txt)")
    ap.add_argument("--teacher-weight", type=float, default=0.25, metavar="X",
                    help="weight of a teacher label relative to a snippet label")
    a = ap.parse_args()
    apply_model_args(a)
    import time
    t0 = time.time()
    pages = load_pages(a.data, a.sets.split(","), a.jobs, a.cache_dir)
    print("loaded and labelled %d pages in %.0f s" % (len(pages), time.time() - t0),
          file=sys.stderr)
    if a.teacher:
        add_teacher_labels(pages, a)
    stage1, stage2, names = train_models(pages, a)
    export([stage1, stage2], names, a.out)
    print("wrote %s (trained on all %d pages; its quality: tools/cv.py)" % (a.out, len(pages)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
