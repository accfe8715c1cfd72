#!/usr/bin/env python3
"""Average model tables: one model.gen.c whose raw scores are the mean of the inputs'.

  tools/average_models.py OUT IN1 IN2 [IN3 ...]

Each input is a table tools/train.py wrote (lib/classify/model.gen.c, or a
fold's build/cv/foldK/model.gen.c). For each stage the output holds every
input's trees one after another, each leaf value divided by the number of
inputs, and the mean of the baselines: the raw score (before the logistic)
is the mean of the inputs' raw scores. Stage 2 then reads the averaged
stage 1's scores, as it would in an averaged model.

Used to ask whether models trained at several random states, averaged, do
better than one (docs/algorithm.md, "Training settings"): put the averaged
fold tables in build/cv/foldK/ and score them with
`make cv CV_ARGS="--keep-models"`. The table grows with the inputs, and
so does the time the model takes (docs/performance.md).
"""
import re
import sys

STAGES = ("stage1", "stage2")


def nodes_re(stage):
    return re.compile(r"static const nc_tree_node %s_nodes\[\d+\] = \{(.*?)\n\};" % stage, re.S)


def roots_re(stage):
    return re.compile(r"static const uint32_t %s_roots\[\d+\] = \{([^}]*)\}" % stage)


def model_re(stage):
    return re.compile(r"nc_model_%s = \{%s_nodes, %s_roots, (\d+), ([-+0-9.e]+)f, (\d+)\}"
                      % (stage, stage, stage))


def parse(path):
    """The source text and, for each stage, (nodes, roots, baseline, nfeatures);
    a node is (feature, threshold text, left, right, value)."""
    with open(path) as f:
        src = f.read()
    stages = {}
    for st in STAGES:
        nodes = []
        for m in re.finditer(r"\{([^{}]*)\}", nodes_re(st).search(src).group(1)):
            feat, thr, left, right, value = (x.strip() for x in m.group(1).split(","))
            nodes.append((int(feat), thr, int(left), int(right), float(value.rstrip("f"))))
        roots = [int(x) for x in roots_re(st).search(src).group(1).split(",")]
        m = model_re(st).search(src)
        if int(m.group(1)) != len(roots):
            sys.exit("average_models.py: %s: %s holds %s trees, lists %d roots"
                     % (path, st, m.group(1), len(roots)))
        stages[st] = (nodes, roots, float(m.group(2)), int(m.group(3)))
    return src, stages


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__.split("\n\n")[1])
    out, ins = sys.argv[1], sys.argv[2:]
    parsed = [parse(p) for p in ins]
    n = len(parsed)
    src = parsed[0][0]
    for st in STAGES:
        nodes, roots, baseline, nfeat = [], [], 0.0, None
        for _, stages in parsed:
            their_nodes, their_roots, their_base, their_nfeat = stages[st]
            if nfeat is not None and their_nfeat != nfeat:
                sys.exit("average_models.py: the inputs' %s read different features" % st)
            nfeat = their_nfeat
            off = len(nodes)
            for feat, thr, left, right, value in their_nodes:
                if feat < 0:
                    nodes.append("{-1, 0.0f, 0, 0, %.9gf}" % (value / n))
                else:
                    nodes.append("{%d, %s, %d, %d, 0.0f}" % (feat, thr, left + off, right + off))
            roots += [r + off for r in their_roots]
            baseline += their_base / n
        src = nodes_re(st).sub(lambda _: "static const nc_tree_node %s_nodes[%d] = {\n    %s\n};"
                               % (st, len(nodes), ",\n    ".join(nodes)), src)
        src = roots_re(st).sub(lambda _: "static const uint32_t %s_roots[%d] = {%s}"
                               % (st, len(roots), ", ".join(map(str, roots))), src)
        src = model_re(st).sub(lambda _: "nc_model_%s = {%s_nodes, %s_roots, %d, %.9gf, %d}"
                               % (st, st, st, len(roots), baseline, nfeat), src)
    with open(out, "w") as f:
        f.write(src)


if __name__ == "__main__":
    main()
