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


sys.path.insert(0, os.path.join(ROOT, "tools"))
import eval_md  # noqa: E402


class TestEvalMarkdown(unittest.TestCase):
    """tools/eval_md.py: the markup it strips and the structure it reads."""

    DOC = ("# Title *here*\n\nA [link **text**](https://x.org/a) and ![alt](i.png) "
           "with \\*stars\\*.\n\n- item one\n    2. item two\n\n"
           "| A | B \\| C |\n| --- | --- |\n| 1 | 2 |\n\n> quoted\n\n"
           "```\n# not a heading\n```\n")

    def test_strip(self):
        text = eval_md.strip_markdown(self.DOC)
        self.assertEqual(" ".join(text.split()),
                         "Title here A link text and alt with *stars*. item one item two "
                         "A B | C 1 2 quoted # not a heading")

    def test_structure(self):
        heads, items, links = eval_md.structure(self.DOC)
        self.assertEqual(heads, ["title here"])
        self.assertEqual(items, ["item one", "item two"])
        self.assertEqual(links, [("link text", "https://x.org/a")])
        self.assertEqual(eval_md.norm("\u201cQuoted\u201d \u2014 x"), '"quoted" - x')

    def test_score_on_a_made_up_set(self):
        with tempfile.TemporaryDirectory() as tmp:
            for d in ("gold-md", "gold", "md", "plain"):
                os.makedirs(os.path.join(tmp, d))
            with open(os.path.join(tmp, "manifest.tsv"), "w") as f:
                f.write("id\tlang\tencoding\tkind\ttitle\turl\n1\ten\tutf-8\t\t\t\n")
            files = {"gold-md/1.md": "## Head\n\n- a b\n- c d\n\n[l](https://u)\n",
                     "gold/1.txt": "Head\n\na b\n\nc d\n\nl\n",
                     "md/1.md": "## Head\n\n## Extra\n\n- a b\n\nc d [l](https://u/)\n",
                     "plain/1.txt": "Head\n\na b\n\nc d l\n"}
            for name, text in files.items():
                with open(os.path.join(tmp, name), "w") as f:
                    f.write(text)
            s = eval_md.score(tmp, os.path.join(tmp, "md"), os.path.join(tmp, "plain"))
        self.assertEqual((s["heading_recall"], s["heading_precision"]), (1.0, 0.5))
        self.assertEqual(s["item_recall"], 0.5)
        self.assertEqual(s["link_recall"], 1.0)
        self.assertAlmostEqual(s["plain_token"][2], 1.0)
        self.assertLess(s["md_token"][0], 1.0)  # "Extra" is not in the gold
        # on the gold's text: "Extra" (the gold has no such text) is left out
        self.assertEqual(s["heading_precision_known"], 1.0)

    def test_heading_precision_on_gold_text(self):
        gold = "## Head\n\nA line\n\n1. Step one\n\n| Cell x | y |\n| --- | --- |\n"
        self.assertEqual(eval_md.gold_texts(gold),
                         {"## head", "head", "a line", "1. step one", "step one",
                          "| cell x | y |", "cell x", "y", "| --- | --- |", "---"})
        with tempfile.TemporaryDirectory() as tmp:
            for d in ("gold-md", "md"):
                os.makedirs(os.path.join(tmp, d))
            with open(os.path.join(tmp, "manifest.tsv"), "w") as f:
                f.write("id\tlang\tencoding\tkind\ttitle\turl\n1\ten\tutf-8\t\t\t\n")
            with open(os.path.join(tmp, "gold-md", "1.md"), "w") as f:
                f.write(gold)
            with open(os.path.join(tmp, "md", "1.md"), "w") as f:
                f.write("## Head\n\n## A line\n\n### 1. Step one\n\n## Cell x\n\n## Teaser\n")
            s = eval_md.score(tmp, os.path.join(tmp, "md"), None)
        self.assertEqual(s["heading_precision"], 0.2)
        self.assertEqual(s["heading_precision_known"], 0.25)
class TestMetaScores(unittest.TestCase):
    """tools/eval.py --meta: each figure counts what the issue of metadata
    scoring defines (author: case, spacing, punctuation ignored, any listed
    author; date: the same day; title: equal when normalised)."""

    def test_page_figures(self):
        sys.path.insert(0, os.path.join(ROOT, "tools"))
        import eval as ev
        self.assertEqual(ev.meta_norm(" Jane  DOE, Jr."), "janedoejr")
        self.assertIn("bo", ev.author_parts("Ann Lee, Bo and Cy & Di"))
        self.assertIn("dylanbailey", ev.author_parts("Dylan Bailey, MS, RD"))
        score = ev.MetaScore()

        def out(authors=(), date=None, title=None):
            meta = {"author": [{"value": a, "source": "byline"} for a in authors]}
            if date:
                meta["date"] = [{"value": date, "source": "json-ld"}]
            return {"title": title, "meta": meta}

        score.page({"author": "Ann Lee and Bo Kim", "publish_date": "2025-09-04",
                    "title": "A Title!"}, out(["bo kim"], "2025-09-04T10:00:00Z", "a title"),
                   "by Ann Lee and Bo Kim")
        score.page({"author": "", "publish_date": "", "title": "T"},
                   out(["Someone"], "2025-01-01", "X"), None)
        score.page({"author": "Cy", "publish_date": "2025-09-04", "title": ""},
                   out([], "2025-09-05"), "no name here")
        self.assertEqual((score.hits["author"], score.total["author"]), (1, 2))
        self.assertEqual((score.hits["author_text"], score.total["author_text"]), (1, 1))
        self.assertEqual((score.hits["author_none"], score.total["author_none"]), (1, 1))
        self.assertEqual((score.hits["date"], score.total["date"]), (1, 2))
        self.assertEqual((score.hits["date_none"], score.total["date_none"]), (1, 1))
        self.assertEqual((score.hits["title"], score.total["title"]), (1, 2))
        self.assertEqual(len(list(score.lines())), 6)


if __name__ == "__main__":
    unittest.main(verbosity=2)
