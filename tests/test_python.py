#!/usr/bin/env python3
"""Tests of the Python binding (python/newsclean.py) against build/.

  /usr/bin/python3 tests/test_python.py        (make check-python)
"""
import gc
import os
import re
import subprocess
import sys
import tempfile
import threading
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))
os.environ.pop("NEWSCLEAN_LIBRARY", None)  # test the build tree lookup

import newsclean  # noqa: E402

SEED = os.path.join(ROOT, "tests", "data", "seed", "text-lines", "sputnik-cyber-unit.txt")
HTML = (b"<!DOCTYPE html><html><head><meta charset='windows-1252'>"
        b"<title>Caf\xe9 opens</title></head><body>"
        b"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        b"<h1>Caf\xe9 opens</h1><p>The caf\xe9 on the corner opened its doors on "
        b"Monday, and the queue of people waiting reached the end of the street "
        b"before the first coffee was poured.</p></body></html>")


def raise_binary(_):
    """A pool worker that fails as the library does on gzip bytes."""
    import gzip
    return newsclean.clean(gzip.compress(b"<p>x</p>"))


def read_seed():
    with open(SEED, "rb") as f:
        return f.read()


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class TestBinding(unittest.TestCase):
    def test_version_matches(self):
        self.assertEqual(newsclean.library_version(), newsclean.__version__)
        self.assertTrue(os.path.samefile(newsclean.library_path(),
                                         os.path.join(ROOT, "build", "libnewsclean.so")))

    def test_struct_layouts_match_the_header(self):
        """sizeof and every offsetof of nc_options and nc_block_info, as the
        C compiler sees include/newsclean.h, equal the ctypes mirrors."""
        import ctypes
        structs = {"nc_options": newsclean._Options, "nc_block_info": newsclean._BlockInfo}
        lines = ['#include <stddef.h>', '#include <stdio.h>', '#include "newsclean.h"',
                 "int main(void)", "{"]
        for cname, mirror in structs.items():
            lines.append('    printf("%s size %%zu\\n", sizeof(%s));' % (cname, cname))
            for field, _ in mirror._fields_:
                lines.append('    printf("%s %s %%zu\\n", offsetof(%s, %s));'
                             % (cname, field, cname, field))
        lines += ["    return 0;", "}"]
        with tempfile.TemporaryDirectory() as tmp:
            src, exe = os.path.join(tmp, "layout.c"), os.path.join(tmp, "layout")
            with open(src, "w") as f:
                f.write("\n".join(lines) + "\n")
            r = subprocess.run(["cc", "-std=c11", "-Wall", "-Werror", "-I",
                                os.path.join(ROOT, "include"), src, "-o", exe],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            got = subprocess.run([exe], capture_output=True, text=True).stdout.split("\n")
        want = []
        for cname, mirror in structs.items():
            want.append("%s size %d" % (cname, ctypes.sizeof(mirror)))
            for field, _ in mirror._fields_:
                want.append("%s %s %d" % (cname, field, getattr(mirror, field).offset))
        self.assertEqual([l for l in got if l], want)

    def test_metadata(self):
        page = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle",'
                '"datePublished": "2025-09-04", "author": {"@type": "Person", "name": '
                '"Ann Lee"}}</script></head><body><article><h1>Budget passes</h1><p>The '
                'council voted on Tuesday to approve the new budget for the coming year '
                'after a long debate about the costs.</p></article></body></html>')
        r = newsclean.analyse(page, url="https://news.example/a", reference_date="2025-09-05")
        self.assertEqual(r.authors, ["Ann Lee"])
        self.assertEqual(r.date, "2025-09-04")
        self.assertEqual(r.meta["author"][0], newsclean.MetaValue("Ann Lee", "json-ld"))
        self.assertEqual(r.meta["url"][0].source, "url")
        r = newsclean.analyse(page, reference_date="2025-09-01")
        self.assertIsNone(r.date)
        self.assertEqual(newsclean.analyse("").meta, {})
        with self.assertRaises(newsclean.NewscleanError):
            newsclean.analyse(page, url="a\0b")

    def test_clean_bytes_and_str_agree(self):
        data = read_seed()
        from_bytes = newsclean.clean(data)
        from_str = newsclean.clean(data.decode("utf-8"))
        self.assertIsInstance(from_bytes, list)
        self.assertTrue(from_bytes)
        self.assertTrue(all(isinstance(p, str) and p for p in from_bytes))
        self.assertEqual(from_bytes, from_str)
        self.assertEqual(newsclean.clean(bytearray(data)), from_bytes)
        self.assertEqual(newsclean.clean(memoryview(data)), from_bytes)

    def test_empty_input(self):
        self.assertEqual(newsclean.clean(b""), [])
        self.assertEqual(newsclean.clean(""), [])
        self.assertEqual(newsclean.analyse("").paragraphs, [])

    def test_markdown(self):
        page = ("<html><head><base href='https://ex.org/news/'></head><body><article>"
                "<p>Heavy rain and strong wind are expected across the region on Tuesday, "
                "the <a href='service'>weather service</a> said, and people should stay "
                "at home if they can.</p><h2>What to bring</h2><ul><li>Water and some food "
                "for a day</li><li>A torch with spare batteries</li></ul><p>The storm is "
                "the third this month, and more rain is expected later in the week as a "
                "second front moves in from the sea. <img src='/a.png' alt='map'></p>"
                "</article></body></html>")
        md = newsclean.markdown(page)
        self.assertIn("\n\n## What to bring\n\n", md)
        self.assertIn("- Water and some food for a day\n- A torch with spare batteries", md)
        self.assertIn("the weather service said", md)
        self.assertNotIn("](", md)
        md = newsclean.markdown(page.encode("utf-8"), links=True, images=True,
                                url="https://other.org/x")
        self.assertIn("[weather service](https://ex.org/news/service)", md)
        self.assertIn("![map](https://ex.org/a.png)", md)
        self.assertEqual(newsclean.markdown(page, comments=True), "")
        self.assertEqual(newsclean.markdown(""), "")
        with self.assertRaises(TypeError):
            newsclean.markdown(page, url=b"https://x")
        with self.assertRaises(newsclean.NewscleanError):
            newsclean.markdown(page, url="a\0b")

    def test_block_structure(self):
        page = newsclean.analyse("<h3>Head</h3><ol><li>one</li></ol><table><tr><th>A</th>"
                                 "<th>B</th></tr><tr><td>c</td><td>d</td></tr></table>"
                                 "<blockquote>q</blockquote><pre>x  y</pre>", input="html")
        by_text = {b.text: b for b in page.blocks}
        self.assertEqual(by_text["Head"].heading_level, 3)
        self.assertEqual((by_text["one"].list_depth, by_text["one"].list_ordered), (1, True))
        self.assertGreater(by_text["one"].list_item, 0)
        self.assertTrue(by_text["A B"].table_header)
        self.assertEqual(by_text["A B"].table_cell, 1)
        self.assertNotEqual(by_text["A B"].table_row, by_text["c d"].table_row)
        self.assertTrue(by_text["q"].quote)
        self.assertTrue(by_text["x y"].verbatim)
        self.assertEqual(by_text["q"].heading_level, 0)

    def test_analyse(self):
        page = newsclean.analyse(read_seed())
        self.assertEqual(page.language, "en")
        self.assertEqual(page.script, "Latn")
        self.assertEqual(page.encoding, "utf-8")
        self.assertEqual(page.input, "text")
        self.assertGreaterEqual(page.language_confidence, 0.0)
        self.assertLessEqual(page.language_confidence, 1.0)
        self.assertIsInstance(page.flags, int)
        self.assertGreaterEqual(len(page.blocks), len(page.paragraphs))
        self.assertEqual(page.paragraphs, newsclean.clean(read_seed()))
        labels, reasons = newsclean.labels(), newsclean.reasons()
        for b in page.blocks:
            self.assertIn(b.label, labels)
            self.assertIn(b.reason, reasons)
            self.assertTrue(0.0 <= b.score <= 1.0)
            self.assertEqual(b.tag, "")
        kept = [b.text for b in page.blocks if b.kept]
        self.assertEqual(kept, page.paragraphs)
        self.assertEqual(page.text, "\n\n".join(page.paragraphs))
        self.assertIs(newsclean.extract, newsclean.analyse)

    def test_labels_and_reasons(self):
        self.assertEqual(newsclean.labels()[0], "body")
        self.assertIn("caption", newsclean.labels())
        self.assertEqual(newsclean.reasons()[0], "model")
        self.assertEqual(len(set(newsclean.reasons())), len(newsclean.reasons()))

    def test_every_label_and_reason_of_the_header(self):
        """labels() and reasons() list as many names as the header's counts."""
        with open(os.path.join(ROOT, "include", "newsclean.h")) as f:
            header = f.read()
        labels = int(re.search(r"#define NC_LABEL_COUNT (\d+)", header).group(1))
        reasons = int(re.search(r"#define NC_REASON_COUNT (\d+)", header).group(1))
        self.assertEqual(len(newsclean.labels()), labels)
        self.assertEqual(len(newsclean.reasons()), reasons)
        self.assertEqual(newsclean.reasons()[-5:], ["thin-page", "comment-thread", "gallery", "one-copy",
                                                     "far-from-body"])

    def test_flags_match_the_header(self):
        """Every NC_FLAG_* of include/newsclean.h has its FLAG_* here, same value."""
        with open(os.path.join(ROOT, "include", "newsclean.h")) as f:
            flags = re.findall(r"#define NC_(FLAG_[A-Z0-9_]+) (0x[0-9a-f]+)u", f.read())
        self.assertGreaterEqual(len(flags), 7)
        for name, value in flags:
            self.assertEqual(getattr(newsclean, name), int(value, 16), name)

    def test_int_options_range_and_types(self):
        data = read_seed()
        for kw in (dict(max_blocks=2 ** 64), dict(max_input_bytes=2 ** 64 + 5),
                   dict(max_ms=2 ** 64), dict(max_ms=-1), dict(max_depth=1.5),
                   dict(max_line_bytes="64"), dict(max_blocks=True), dict(recall_bias=True),
                   dict(recall_bias=False), dict(recall_bias=10 ** 400), dict(recall_bias=[0]),
                   dict(recall_bias="0.5"), dict(input=None), dict(input=["text"]),
                   dict(language="\udc80"), dict(encoding="\ud800x"), dict(language=5),
                   dict(encoding=b"utf-8")):
            with self.assertRaises(newsclean.NewscleanError, msg=repr(kw)) as cm:
                newsclean.clean(data, **kw)
            self.assertEqual(cm.exception.name, "NC_ERR_OPTIONS", kw)
        self.assertTrue(newsclean.clean(data, max_blocks=2 ** 64 - 1))
        self.assertTrue(newsclean.clean(data, recall_bias=1))
        with self.assertRaises(newsclean.NewscleanError) as cm:
            newsclean.clean(12)
        self.assertEqual(cm.exception.name, "NC_ERR_ARGUMENT")

    def test_max_ms(self):
        big = b"".join(b"<p>Paragraph number %d of a long page.</p>" % i for i in range(40000))
        page = newsclean.analyse(big, input="html", max_ms=1)
        self.assertTrue(page.flags & newsclean.FLAG_WORK_LIMIT)
        self.assertEqual(page.paragraphs, [])
        self.assertTrue(all(b.reason == "truncated" for b in page.blocks))
        page = newsclean.analyse(read_seed(), max_ms=600000)
        self.assertFalse(page.flags & newsclean.FLAG_WORK_LIMIT)
        self.assertTrue(page.paragraphs)

    def test_title_read_back(self):
        page = newsclean.analyse("<title>It\u00e2\u20ac\u2122s here</title>"
                                 "<h1>It\u00e2\u20ac\u2122s here</h1><p>Text.</p>", input="html")
        self.assertTrue(page.flags & newsclean.FLAG_REPAIRED_TITLE)
        self.assertEqual(page.title, "It\u2019s here")

    def test_output_has_no_controls(self):
        page = newsclean.analyse("<p>Caf\u0065&#x301; \x1b[31m red &#x9b; text in "
                                 "a paragraph here.</p>", input="html")
        self.assertTrue(page.flags & newsclean.FLAG_REMOVED_CHARS)
        self.assertIn("Caf\u00e9", page.paragraphs[0])
        self.assertFalse(any(ord(c) < 32 or 0x7f <= ord(c) <= 0x9f for c in page.paragraphs[0]))

    def test_noscript_fallback_flag(self):
        """A page with no body but in <noscript> gives that, and says so."""
        paras = "".join(
            "<p>Paragraph %d of the blog post has enough words in it to be read as real "
            "text, well over the length of a menu item or a button label, and then some "
            "more words, longer than the shortest kept hidden paragraph.</p>" % i
            for i in range(3))
        page = newsclean.analyse("<html><body><div><script type='text/template'>%s</script>"
                                 "<noscript>%s</noscript></div></body></html>" % (paras, paras))
        self.assertTrue(page.flags & newsclean.FLAG_FROM_NOSCRIPT)
        self.assertEqual(len(page.paragraphs), 3)

    def test_html_charset(self):
        page = newsclean.analyse(HTML)
        self.assertEqual(page.input, "html")
        self.assertEqual(page.encoding, "windows-1252")
        self.assertTrue(page.flags & newsclean.FLAG_CONVERTED)
        # A str is passed as UTF-8 whatever the page's <meta> says.
        page = newsclean.analyse(HTML.decode("windows-1252"))
        self.assertEqual(page.encoding, "utf-8")

    def test_charset_guess(self):
        # Declared: settled. Two legacy bytes in a short line: a guess,
        # unsure, flagged.
        self.assertEqual(newsclean.analyse(HTML).encoding_confidence, 1.0)
        page = newsclean.analyse("Na rynku \xb9 i \xea by\xb3y drogie.".encode("latin-1"))
        self.assertLess(page.encoding_confidence, 0.5)
        self.assertTrue(page.flags & newsclean.FLAG_CHARSET_GUESSED)
        # A Russian page in windows-1251 with no declaration.
        text = ("Правительство России объявило в среду о новых мерах поддержки "
                "малого и среднего бизнеса. ") * 4
        page = newsclean.analyse(("<html><body><p>%s</p></body></html>" % text)
                                 .encode("cp1251"))
        self.assertEqual(page.encoding, "windows-1251")
        self.assertGreaterEqual(page.encoding_confidence, 0.5)
        self.assertFalse(page.flags & newsclean.FLAG_CHARSET_GUESSED)

    def test_options(self):
        data = read_seed()
        self.assertEqual(newsclean.analyse(data, input="text").input, "text")
        self.assertEqual(newsclean.analyse(HTML, input="html").input, "html")
        self.assertEqual(newsclean.analyse(HTML, input="text").input, "text")
        for bias in (-1, -0.5, 0, 0.5, 1):
            self.assertIsInstance(newsclean.clean(data, recall_bias=bias), list)
        newsclean.clean(data, max_blocks=3, max_depth=8, max_line_bytes=64,
                        max_input_bytes=len(data))
        self.assertTrue(newsclean.analyse(data, max_blocks=3).flags
                        & newsclean.FLAG_TRUNCATED_BLOCKS)

    def test_options_match_cli(self):
        """The ctypes nc_options mirror: the same options through the CLI
        (C, the real struct) and the binding give the same result."""
        import json
        cli = os.path.join(ROOT, "build", "newsclean")
        cases = [([], {}), (["--language", "de"], dict(language="de")),
                 (["--bias", "0.8"], dict(recall_bias=0.8)),
                 (["--bias", "-1", "--input", "html"], dict(recall_bias=-1, input="html")),
                 (["--encoding", "iso-8859-1", "-l", "fr"],
                  dict(encoding="iso-8859-1", language="fr"))]
        for args, kw in cases:
            r = subprocess.run([cli, "--format", "json"] + args + [SEED],
                               capture_output=True, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)
            want = json.loads(r.stdout)
            got = newsclean.analyse(read_seed(), **kw)
            self.assertEqual(got.paragraphs, want["paragraphs"], args)
            self.assertEqual(got.language, want["language"], args)
            self.assertAlmostEqual(got.language_confidence, want["language_confidence"],
                                   places=3, msg=args)
            self.assertEqual(got.encoding, want["encoding"], args)
            self.assertEqual(got.input, want["input"], args)
            self.assertEqual([(b.label, b.reason) for b in got.blocks],
                             [(b["label"], b["reason"]) for b in want["blocks"]], args)

    def test_bad_options_raise(self):
        data = read_seed()
        bad = [dict(input="pdf"), dict(recall_bias=1.5), dict(recall_bias=float("nan")),
               dict(recall_bias="x"), dict(max_blocks=0), dict(max_blocks=-1),
               dict(max_line_bytes=1), dict(max_depth=0), dict(language="e\0n")]
        for kw in bad:
            with self.assertRaises(newsclean.NewscleanError, msg=repr(kw)) as cm:
                newsclean.clean(data, **kw)
            self.assertEqual(cm.exception.name, "NC_ERR_OPTIONS")
            self.assertEqual(cm.exception.status, 4)
        with self.assertRaises(TypeError):
            newsclean.clean(12)
        with self.assertRaises(TypeError):
            newsclean.clean(data, language=5)
        with self.assertRaises(TypeError):
            newsclean.clean(data, "text")  # options are keyword-only

    def test_too_large_raises_with_name_and_message(self):
        with self.assertRaises(newsclean.NewscleanError) as cm:
            newsclean.clean(b"x" * 100, max_input_bytes=10)
        e = cm.exception
        self.assertEqual((e.status, e.name), (3, "NC_ERR_TOO_LARGE"))
        self.assertIn("max_input_bytes", e.message)
        self.assertIn("NC_ERR_TOO_LARGE", str(e))

    def test_gzip_bytes_raise_binary(self):
        import gzip
        with self.assertRaises(newsclean.NewscleanError) as cm:
            newsclean.clean(gzip.compress(b"<p>a page</p>"))
        self.assertEqual((cm.exception.status, cm.exception.name), (8, "NC_ERR_BINARY"))
        self.assertIn("compressed", cm.exception.message)

    def test_status_names_match_the_header(self):
        with open(os.path.join(ROOT, "include", "newsclean.h")) as f:
            found = re.findall(r"\b(NC_(?:OK|ERR_[A-Z_]+)) = (\d+)", f.read())
        self.assertEqual({int(v): n for n, v in found}, newsclean.STATUS_NAMES)

    def test_bad_encoding_hint(self):
        with self.assertRaises(newsclean.NewscleanError) as cm:
            newsclean.clean(b"some text", encoding="no-such-charset-xyz")
        self.assertIn(cm.exception.name, ("NC_ERR_ENCODING", "NC_ERR_OPTIONS"))

    def test_threads(self):
        data = read_seed()
        want = newsclean.clean(data)
        got, errors = [], []

        def work():
            try:
                for _ in range(20):
                    got.append(newsclean.clean(data) == want)
            except Exception as e:  # a failure must fail the test, not vanish
                errors.append(e)
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(got, [True] * 80)

    def test_no_leak(self):
        """RSS stays flat over many calls (success and failure paths)."""
        data = read_seed() * 4
        for _ in range(50):
            newsclean.analyse(data)
        gc.collect()
        before = rss_kib()
        for _ in range(600):
            newsclean.analyse(data)
            newsclean.clean(data)
            try:
                newsclean.clean(data, max_input_bytes=10)
            except newsclean.NewscleanError:
                pass
        gc.collect()
        grown = rss_kib() - before
        # 1200 results of ~40 KiB each would be ~48 MiB if never freed.
        self.assertLess(grown, 4096, "RSS grew by %d KiB" % grown)


class TestLoading(unittest.TestCase):
    def run_py(self, code, env_extra):
        env = dict(os.environ)
        env.pop("NEWSCLEAN_LIBRARY", None)
        env.update(env_extra)
        return subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=60)

    def test_missing_library_is_a_clear_error(self):
        code = ("import sys; sys.path.insert(0, 'python'); import newsclean\n"
                "try:\n newsclean.clean('x')\n"
                "except newsclean.NewscleanError as e: print('ERR', e)\n")
        r = self.run_py(code, {"NEWSCLEAN_LIBRARY": "/nonexistent/libnewsclean.so"})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("ERR", r.stdout)
        self.assertIn("not found", r.stdout)
        self.assertIn("NEWSCLEAN_LIBRARY", r.stdout)

    def test_version_mismatch_is_a_clear_error(self):
        code = ("import sys; sys.path.insert(0, 'python'); import newsclean\n"
                "newsclean.__version__ = '9.9.9'\n"
                "try:\n newsclean.clean('x')\n"
                "except newsclean.NewscleanError as e: print('ERR', e)\n")
        r = self.run_py(code, {})
        self.assertIn("ERR", r.stdout)
        self.assertIn("9.9.9", r.stdout)

    def test_env_variable_wins(self):
        lib = os.path.join(ROOT, "build", "libnewsclean.so.0")
        code = ("import sys; sys.path.insert(0, 'python'); import newsclean\n"
                "print(newsclean.library_path())\n")
        r = self.run_py(code, {"NEWSCLEAN_LIBRARY": lib})
        self.assertEqual(r.stdout.strip(), lib, r.stderr)

    def test_error_pickles_through_a_pool(self):
        import multiprocessing
        import pickle
        e = newsclean.NewscleanError(8, "NC_ERR_BINARY", "not a page")
        back = pickle.loads(pickle.dumps(e))
        self.assertEqual((back.status, back.name, back.message, str(back)),
                         (e.status, e.name, e.message, str(e)))
        with multiprocessing.get_context("fork").Pool(1) as pool:
            res = pool.map_async(raise_binary, [1])
            with self.assertRaises(newsclean.NewscleanError) as cm:
                res.get(timeout=60)  # hung before errors pickled
        self.assertEqual(cm.exception.name, "NC_ERR_BINARY")

    def test_file_name_instead_of_page_is_refused(self):
        import pathlib
        with self.assertRaises(ValueError) as cm:
            newsclean.clean(SEED)
        self.assertIn("is the name of a file, not a page", str(cm.exception))
        self.assertIn("clean_file", str(cm.exception))
        with self.assertRaises(TypeError) as cm:
            newsclean.analyse(pathlib.Path(SEED))
        self.assertIn("clean_file", str(cm.exception))
        self.assertEqual(newsclean.clean("no such file, just text"), ["no such file, just text"])

    def test_file_helpers_read_gzip(self):
        import gzip
        import pathlib
        want = newsclean.clean(read_seed())
        self.assertEqual(newsclean.clean_file(SEED), want)
        with tempfile.TemporaryDirectory() as d:
            gz = os.path.join(d, "page.txt.gz")
            with open(gz, "wb") as f:
                f.write(gzip.compress(read_seed()))
            self.assertEqual(newsclean.clean_file(pathlib.Path(gz)), want)
            self.assertEqual(newsclean.analyse_file(gz).paragraphs, want)
            with self.assertRaises(OSError):
                newsclean.clean_file(os.path.join(d, "missing.txt"))

    def warc_file(self, d, records, layout="gzip-records"):
        sys.path.insert(0, os.path.join(ROOT, "tests"))
        import warcgen
        path = os.path.join(d, "crawl.warc.gz")
        warcgen.write(path, records, layout)
        return path, warcgen

    def test_iter_warc_gives_what_the_cli_gives(self):
        import json
        sys.path.insert(0, os.path.join(ROOT, "tests"))
        import warcgen
        sets = [os.path.join(ROOT, "tests", "data", s) for s in ("wcxb-dev", "readability")]
        with tempfile.TemporaryDirectory() as d:
            path, _ = self.warc_file(d, warcgen.crawl_records(sets) + warcgen.wet_records(sets))
            cli = subprocess.run([os.path.join(ROOT, "build", "newsclean"), "--warc", "-e",
                                  path], capture_output=True, timeout=300)
            self.assertEqual(cli.returncode, 0, cli.stderr)
            want = [json.loads(l) for l in cli.stdout.decode().splitlines()]
            got = [newsclean.jsonl_object(r, explain=True)
                   for r in newsclean.iter_warc(path, explain=True)]
            self.assertGreater(len(got), 20)
            self.assertEqual(got, want)
            first = next(iter(newsclean.iter_warc(path)))
            self.assertIsInstance(first, newsclean.WarcResult)
            self.assertEqual(first.record_type, "response")
            self.assertTrue(first.uri.startswith("http://pages.example/"))
            self.assertEqual(first.blocks, [])

    def test_iter_warc_streams_and_reports_broken_records(self):
        sys.path.insert(0, os.path.join(ROOT, "tests"))
        import warcgen
        sets = [os.path.join(ROOT, "tests", "data", "wcxb-dev")]
        with tempfile.TemporaryDirectory() as d:
            path, _ = self.warc_file(d, warcgen.crawl_records(sets), "plain")
            with open(path, "rb") as f:
                data = f.read()
            with open(path, "wb") as f:
                f.write(data[:len(data) // 2])  # cut in the middle of a record
            pages = newsclean.iter_warc(path, errors="raise")
            first = next(pages)  # before the cut is reached: one record at a time
            self.assertEqual(first.uri, "http://pages.example/wcxb-dev/html/0014")
            with self.assertRaises(newsclean.NewscleanError) as cm:
                list(pages)
            self.assertEqual(cm.exception.name, "NC_ERR_WARC")
            self.assertIn("truncated", cm.exception.message)
            import warnings
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                n = len(list(newsclean.iter_warc(path)))
            self.assertEqual(len(caught), 1)
            self.assertIn("truncated", str(caught[0].message))
            self.assertEqual(len(list(newsclean.iter_warc(path, errors="ignore"))), n)
            with self.assertRaises(OSError):
                next(newsclean.iter_warc(os.path.join(d, "missing.warc")))
            with self.assertRaises(ValueError):
                next(newsclean.iter_warc(path, errors="sometimes"))

    def test_pip_install(self):
        """pyproject.toml installs offline with Debian's setuptools."""
        with tempfile.TemporaryDirectory() as target:
            src = os.path.join(target, "src")
            # Copy the two files: an in-tree build would leave build/ there.
            os.makedirs(src)
            for name in ("pyproject.toml", "newsclean.py"):
                with open(os.path.join(ROOT, "python", name), "rb") as f, \
                        open(os.path.join(src, name), "wb") as g:
                    g.write(f.read())
            r = subprocess.run([sys.executable, "-m", "pip", "install", "-q",
                                "--no-build-isolation", "--no-index", "--no-deps",
                                "--target", os.path.join(target, "site"), src],
                               capture_output=True, text=True, timeout=300)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(os.path.exists(os.path.join(target, "site", "newsclean.py")))
            lib = os.path.join(ROOT, "build", "libnewsclean.so")
            r = subprocess.run([sys.executable, "-c", "import newsclean; "
                                "print(newsclean.library_version())"],
                               env=dict(os.environ, PYTHONPATH=os.path.join(target, "site"),
                                        NEWSCLEAN_LIBRARY=lib),
                               capture_output=True, text=True, timeout=60)
            self.assertEqual(r.stdout.strip(), newsclean.__version__, r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
