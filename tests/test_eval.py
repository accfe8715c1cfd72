#!/usr/bin/env python3
"""tools/eval.py gives the figures ../shared/tools/run_eval.py gives.

  /usr/bin/python3 tests/test_eval.py         (make check-eval)

Runs both on tests/data's sample sets (every form), and on made-up outputs
that hit the edge cases (empty, missing, short, no-space scripts, snippets
with entities and curly quotes). Skipped when ../shared is absent.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED", os.path.join(ROOT, "..", "shared"))
if not os.path.isabs(SHARED):
    SHARED = os.path.join(ROOT, SHARED)
RUN_EVAL = os.path.join(SHARED, "tools", "run_eval.py")
EVAL = os.path.join(ROOT, "tools", "eval.py")
CLI = os.path.join(ROOT, "build", "newsclean")
DATA = os.path.join(ROOT, "tests", "data")
KEYS = ("pages", "tok", "shi", "snip", "missing", "cli_failures", "set", "form")


def figures(script, args):
    r = subprocess.run([sys.executable, script, "--json"] + args, capture_output=True,
                       text=True, timeout=300)
    lines = [l for l in r.stdout.splitlines() if l.startswith("{")]
    if len(lines) != 1:
        raise AssertionError("%s %s: %s %s" % (script, args, r.stdout, r.stderr))
    return r.returncode, {k: v for k, v in json.loads(lines[0]).items() if k in KEYS}


class TestEvalAgrees(unittest.TestCase):
    def assertSame(self, args):
        rc_mine, mine = figures(EVAL, args)
        rc_ref, ref = figures(RUN_EVAL, args)
        self.assertEqual(rc_mine, rc_ref, args)
        self.assertEqual(set(mine), set(ref), args)
        for k in ref:
            if isinstance(ref[k], list):
                for a, b in zip(mine[k], ref[k]):
                    self.assertAlmostEqual(a, b, places=9, msg=(args, k))
            else:
                self.assertEqual(mine[k], ref[k], (args, k))

    @unittest.skipUnless(os.path.exists(RUN_EVAL), "no ../shared/tools/run_eval.py")
    def test_sample_sets_every_form(self):
        sets = [s for s in sorted(os.listdir(DATA))
                if os.path.isfile(os.path.join(DATA, s, "manifest.tsv"))]
        self.assertGreaterEqual(len(sets), 4)
        for s in sets:
            for form in ("text-lines", "text-lynx", "html"):
                if os.path.isdir(os.path.join(DATA, s, form)):
                    self.assertSame(["--set", os.path.join(DATA, s), "--form", form,
                                     "--cli", CLI])

    @unittest.skipUnless(os.path.exists(RUN_EVAL), "no ../shared/tools/run_eval.py")
    def test_made_up_outputs(self):
        with tempfile.TemporaryDirectory() as tmp:
            gold_set = os.path.join(tmp, "set")
            for d in ("gold", "snippets", "text-lines"):
                os.makedirs(os.path.join(gold_set, d))
            pages = {  # id: (gold, snippets, output or None for missing)
                "empty-both": ("", None, ""),
                "empty-out": ("Some gold text here.", None, ""),
                "missing": ("The gold.", None, None),
                "short": ("Two words", None, "two WORDS and more"),
                "han": ("新闻清洁工具很好用。", {"with": ["清洁工具"], "without": ["广告"]},
                        "新闻清洁工具。广告"),
                "marks": ("नमस्ते दुनिया café", None, "नमस्ते café café"),
                "snip": (None, {"with": ["“Quoted” &amp; dashed — text", "absent"],
                                "without": ["Log  in"]},
                         "\"quoted\" & dashed - TEXT here. log in"),
                "long": ("one two three four five six seven eight nine ten",
                         None, "zero one two three four five six seven eight nine"),
            }
            with open(os.path.join(gold_set, "manifest.tsv"), "w", encoding="utf-8") as m:
                m.write("id\tlang\tencoding\tkind\ttitle\turl\n")
                for pid in pages:
                    m.write("%s\tund\tutf-8\t\t\t\n" % pid)
            pred = os.path.join(tmp, "pred")
            os.makedirs(pred)
            for pid, (gold, snip, out) in pages.items():
                if gold is not None:
                    with open(os.path.join(gold_set, "gold", pid + ".txt"), "w",
                              encoding="utf-8") as f:
                        f.write(gold)
                if snip is not None:
                    with open(os.path.join(gold_set, "snippets", pid + ".json"), "w",
                              encoding="utf-8") as f:
                        json.dump(snip, f)
                if out is not None:
                    with open(os.path.join(pred, pid + ".txt"), "w", encoding="utf-8") as f:
                        f.write(out)
            self.assertSame(["--set", gold_set, "--pred", pred])


if __name__ == "__main__":
    unittest.main(verbosity=2)
