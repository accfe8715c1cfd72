#!/usr/bin/env python3
"""Splits run_eval.py --per-page figures into training and validation pages
(tools/train.py holds out ids whose md5 is 0 mod 5) and prints both means.

  tools/split_scores.py PER_PAGE.tsv [...]
"""
import hashlib
import sys


def is_validation(page_id):
    return int(hashlib.md5(page_id.encode()).hexdigest(), 16) % 5 == 0


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


for path in sys.argv[1:]:
    groups = {"train": [], "val": []}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            groups["val" if is_validation(row["id"]) else "train"].append(row)
    parts = []
    for name, rows in groups.items():
        tok = [float(r["token_f1"]) for r in rows if r["token_f1"]]
        sn = [tuple(int(r[k]) for k in ("snip_tp", "snip_fp", "snip_fn")) for r in rows if r["snip_tp"]]
        s = "%s %3d" % (name, len(rows))
        if tok:
            s += " token F1 %.3f" % (sum(tok) / len(tok))
        if sn:
            s += " snippet F1 %.3f" % prf(*(sum(x[j] for x in sn) for j in range(3)))
        parts.append(s)
    print("%-40s %s" % (path.split("/")[-1], "   ".join(parts)))
