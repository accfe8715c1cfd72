#!/usr/bin/env python3
"""Tests of the newsclean command line (build/newsclean), as a user runs it.

  /usr/bin/python3 tests/test_cli.py          (make check-cli)

test_seed_gold_paragraphs: the seed page gives exactly its 9 gold
paragraphs and its title (the issue's first "done when").
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# NEWSCLEAN_CLI: another build of the CLI (build-asan/newsclean, say).
CLI = os.environ.get("NEWSCLEAN_CLI", os.path.join(ROOT, "build", "newsclean"))
SEED_DIR = os.path.join(ROOT, "tests", "data", "seed")
SEED = os.path.join(SEED_DIR, "text-lines", "sputnik-cyber-unit.txt")
SEED_GOLD = os.path.join(SEED_DIR, "gold", "sputnik-cyber-unit.txt")
HTML_PAGE = (b"<!DOCTYPE html><html><head><title>Rain &amp; wind</title></head><body>"
             b"<nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>Weather</a></li></ul></nav>"
             b"<h1>Rain &amp; wind</h1><p>Heavy rain and strong wind are expected across the "
             b"region on Tuesday, the weather service said, and people should stay at home "
             b"if they can.</p><p>The storm is the third this month.</p></body></html>")

MD_PAGE = (b"<!DOCTYPE html><html><head><title>Rain and wind hit the coast</title>"
           b"<link rel='canonical' href='https://news.example/2024/rain'></head><body>"
           b"<nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>Weather</a></li></ul></nav>"
           b"<article><h1>Rain and wind hit the coast</h1><p>Heavy rain and strong wind are "
           b"expected across the region on Tuesday, the <a href='/service'>weather service</a> "
           b"said, and people should stay at home if they can.</p><h2>What to bring</h2>"
           b"<p>Officials asked people who must travel to carry the following things with "
           b"them in the car: <img src='/car.jpg' alt='a car'></p><ul><li>Water and some food "
           b"for a day</li><li>A torch with spare batteries</li><li>A charged phone and a "
           b"charger</li></ul><p>The storm is the third this month, and more rain is expected "
           b"later in the week as a second front moves in from the sea.</p></article>"
           b"<section id='comments' class='comments'><h3>Comments</h3><div class='comment'>"
           b"<p>We lost power for six hours last night in the north of the town.</p></div>"
           b"</section></body></html>")


def run(args, stdin=None, **kw):
    return subprocess.run([CLI] + args, input=stdin, capture_output=True, timeout=120, **kw)


def run_on_a_terminal(argv):
    """Runs argv with stderr on a pseudo-terminal; (the run, what the
    terminal got)."""
    import pty
    master, slave = pty.openpty()
    try:
        r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=slave, timeout=120)
        os.close(slave)
        slave = None
        seen = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the writer is gone
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(master)
        if slave is not None:
            os.close(slave)
    return r, seen


def collapse(text):
    return " ".join(text.split())


class TestCli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="nc-cli-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def seed(self):
        with open(SEED, "rb") as f:
            return f.read()

    def test_help(self):
        r = run(["--help"])
        self.assertEqual(r.returncode, 0)
        out = r.stdout.decode()
        self.assertTrue(out.startswith("usage: newsclean"))
        for opt in ("--output", "--format", "--explain", "--input", "--language",
                    "--encoding", "--bias", "--jobs", "--recursive", "--warc", "--help",
                    "--version"):
            self.assertIn(opt, out)
        self.assertEqual(run(["-h"]).stdout, r.stdout)
        self.assertEqual(r.stderr, b"")

    def test_man_page_has_every_option(self):
        import re
        with open(os.path.join(ROOT, "docs", "newsclean.1"), encoding="utf-8") as f:
            man = f.read().replace("\\-", "-")
        options = re.findall(r"--[a-z]+", run(["--help"]).stdout.decode())
        self.assertGreaterEqual(len(set(options)), 10)
        for opt in set(options):
            self.assertIn(opt, man)

    def test_version(self):
        r = run(["--version"])
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout.decode(), "newsclean 0.1.0\n")
        self.assertEqual(run(["-V"]).stdout, r.stdout)

    def test_stdin_and_file_agree(self):
        from_file = run([SEED])
        from_stdin = run([], stdin=self.seed())
        from_dash = run(["-"], stdin=self.seed())
        self.assertEqual(from_file.returncode, 0, from_file.stderr)
        self.assertEqual(from_stdin.returncode, 0)
        self.assertTrue(from_file.stdout.strip())
        self.assertEqual(from_file.stdout, from_stdin.stdout)
        self.assertEqual(from_file.stdout, from_dash.stdout)

    def test_text_output_is_paragraphs(self):
        text = run([SEED]).stdout.decode()
        data = json.loads(run(["--format", "json", SEED]).stdout)
        self.assertTrue(text.endswith("\n"))
        self.assertEqual(text[:-1].split("\n\n"), data["paragraphs"])

    def test_empty_input(self):
        r = run([], stdin=b"")
        self.assertEqual((r.returncode, r.stdout), (0, b""))

    def test_output_dir_naming(self):
        names = {"a.b.html": "a.b.txt", "page.txt": "page.txt", "noext": "noext.txt",
                 "jolie.de.adele.html": "jolie.de.adele.txt", "sub.d/x.y.z": "x.y.txt",
                 ".hidden": ".hidden.txt"}
        files = [self.write("in/" + n, self.seed()) for n in names]
        out = os.path.join(self.tmp, "out")
        os.mkdir(out)
        r = run(["-o", out] + files)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, b"")
        self.assertEqual(sorted(os.listdir(out)), sorted(names.values()))
        want = run([SEED]).stdout
        for n in names.values():
            with open(os.path.join(out, n), "rb") as f:
                self.assertEqual(f.read(), want, n)

    def test_json(self):
        r = run(["--format", "json", SEED])
        self.assertEqual(r.returncode, 0, r.stderr)
        data = json.loads(r.stdout)
        for key in ("title", "language", "language_confidence", "script", "encoding",
                    "encoding_confidence", "input", "flags", "paragraphs", "blocks"):
            self.assertIn(key, data)
        self.assertEqual(data["encoding_confidence"], 1.0)
        self.assertEqual(data["language"], "en")
        self.assertEqual(data["input"], "text")
        self.assertTrue(data["paragraphs"])
        self.assertGreaterEqual(len(data["blocks"]), len(data["paragraphs"]))
        for b in data["blocks"]:
            self.assertTrue({"text", "label", "reason", "score", "tag"} <= set(b))
            self.assertNotEqual(b["label"], "unknown")
            self.assertNotEqual(b["reason"], "unknown")
        kept = [b["text"] for b in data["blocks"] if b["label"] in ("body", "heading")]
        self.assertEqual(kept, data["paragraphs"])
        # Control characters and quotes stay valid JSON.
        odd = run(["--format", "json", "-i", "text"],
                  stdin=b'He said "no" \\ and left.\x01\tThen\x1f he returned home again.\n')
        self.assertEqual(odd.returncode, 0)
        json.loads(odd.stdout)

    def test_json_meta_with_sources(self):
        page = (b'<html><head><meta property="og:site_name" content="City News">'
                b'<meta name="author" content="Jane Doe"></head><body><article>'
                b'<h1>Budget passes</h1><p>The council voted on Tuesday to approve the '
                b'new budget for the coming year after a long debate about the costs.</p>'
                b'</article></body></html>')
        r = run(["--format", "json", "--url", "https://news.example/2025/09/04/budget",
                 "--date", "2025-09-05"], stdin=page)
        self.assertEqual(r.returncode, 0, r.stderr)
        meta = json.loads(r.stdout)["meta"]
        self.assertEqual(meta["author"], [{"value": "Jane Doe", "source": "meta"}])
        self.assertEqual(meta["site_name"][0]["source"], "open-graph")
        self.assertEqual(meta["date"], [{"value": "2025-09-04", "source": "url"}])
        self.assertEqual(meta["url"][0]["source"], "url")
        # A reference date before the URL's: that date is from the future.
        r = run(["--format", "json", "--url", "https://news.example/2025/09/04/b",
                 "--date", "2025-09-01"], stdin=page)
        self.assertNotIn("date", json.loads(r.stdout)["meta"])
        for opt in ("--url", "--date"):
            self.assertEqual(run([opt]).returncode, 2)

    def test_explain(self):
        r = run(["--explain", SEED])
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.decode().splitlines()
        self.assertTrue(lines[0].startswith("# language "))
        data = json.loads(run(["--format", "json", SEED]).stdout)
        self.assertEqual(len(lines) - 1, len(data["blocks"]))
        for line, b in zip(lines[1:], data["blocks"]):
            self.assertEqual(line[0], "+" if b["label"] in ("body", "heading") else "-")
            self.assertEqual(line.split()[1:3], [b["label"], b["reason"]])
        self.assertEqual(run(["-e", SEED]).stdout, r.stdout)

    def test_html_explain(self):
        page = self.write("odd.txt", b"A <script>alert(1)</script> & \"quoted\" line of text "
                          b"that goes on for a while to look like a sentence.\n" + self.seed())
        r = run(["--format", "html", "--explain", page])
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout.decode()
        self.assertTrue(out.startswith("<!DOCTYPE html>"))
        self.assertTrue(out.rstrip().endswith("</html>"))
        self.assertNotIn("<script", out)  # escaped, and no script of its own
        self.assertIn("&lt;script&gt;", out)
        self.assertNotIn("http", out)  # self-contained: no external file
        data = json.loads(run(["--format", "json", page]).stdout)
        self.assertEqual(out.count('<div class="b l-'), len(data["blocks"]))
        for b in data["blocks"]:
            self.assertIn('title="%s: %s' % (b["label"], b["reason"]), out)
        self.assertEqual(run(["--format", "html", page]).stdout, r.stdout)
        out_dir = os.path.join(self.tmp, "o")
        os.mkdir(out_dir)
        self.assertEqual(run(["-f", "html", "-o", out_dir, page]).returncode, 0)
        self.assertEqual(os.listdir(out_dir), ["odd.html"])

    def test_input_kind(self):
        page = self.write("p.html", HTML_PAGE)
        as_auto = json.loads(run(["--format", "json", page]).stdout)
        as_html = json.loads(run(["--format", "json", "--input", "html", page]).stdout)
        as_text = json.loads(run(["--format", "json", "-i", "text", page]).stdout)
        self.assertEqual(as_auto["input"], "html")
        self.assertEqual(as_html["input"], "html")
        self.assertEqual(as_text["input"], "text")
        self.assertEqual(json.loads(run(["-f", "json", "-i", "auto", SEED]).stdout)["input"],
                         "text")
        # Markup read as text keeps its tags; read as HTML it does not.
        self.assertIn("<p>", " ".join(b["text"] for b in as_text["blocks"]))
        html_text = " ".join(b["text"] for b in as_html["blocks"])
        self.assertNotIn("<", html_text)
        self.assertIn("Heavy rain and strong wind", html_text)
        self.assertIn("Rain & wind", html_text)  # entities decoded

    def test_hints_and_bias(self):
        for args in (["-l", "de"], ["--language", "en"], ["--encoding", "utf-8"],
                     ["-b", "1"], ["--bias", "-0.5"]):
            r = run(args + [SEED])
            self.assertEqual(r.returncode, 0, (args, r.stderr))

    def test_missing_file_exit_1_others_written(self):
        out = os.path.join(self.tmp, "out")
        os.mkdir(out)
        good = self.write("in/good.txt", self.seed())
        r = run(["-o", out, good, os.path.join(self.tmp, "missing.txt"), SEED])
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"missing.txt", r.stderr)
        self.assertEqual(sorted(os.listdir(out)), ["good.txt", "sputnik-cyber-unit.txt"])
        r = run([os.path.join(self.tmp, "missing.txt"), SEED])
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, run([SEED]).stdout)

    def test_gzip_file_read_as_its_page(self):
        import gzip
        path = self.write("page.html.gz", gzip.compress(self.seed()))
        r = run([path])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, run([SEED]).stdout)
        out = os.path.join(self.tmp, "out")
        r = run(["-o", out, path])  # .gz and then .html come off the name
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(os.listdir(out), ["page.txt"])
        r = run([], stdin=gzip.compress(self.seed()))
        self.assertEqual(r.stdout, run([SEED]).stdout)
        broken = self.write("cut.txt.gz", gzip.compress(self.seed())[:-40])
        r = run([broken])
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, b"")
        self.assertIn(b"cut.txt.gz: gzip data:", r.stderr)

    def test_output_dir_is_created(self):
        out = os.path.join(self.tmp, "new", "nested", "dir")
        r = run(["-o", out, SEED])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(os.listdir(out), ["sputnik-cyber-unit.txt"])

    def test_unwritable_output_dir_exit_1(self):
        blocker = self.write("file", b"x")
        r = run(["-o", os.path.join(blocker, "dir"), SEED])
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"cannot create the output directory", r.stderr)

    def test_two_inputs_one_output_name_is_an_error_before_any_work(self):
        a = self.write("a/page.html", HTML_PAGE)
        b = self.write("b/page.txt", self.seed())
        out = os.path.join(self.tmp, "out")
        r = run(["-o", out, SEED, a, b])
        self.assertEqual(r.returncode, 2)
        self.assertIn(("%s and %s would both write %s/page.txt" % (a, b, out)).encode(),
                      r.stderr)
        self.assertFalse(os.path.exists(os.path.join(out, "sputnik-cyber-unit.txt")))
        r = run(["-o", out, SEED, SEED])
        self.assertEqual(r.returncode, 2)

    def test_full_disk_leaves_no_output_file(self):
        """A write that fails (the file size limit stands in for a full
        disk: EFBIG as ENOSPC would be) leaves neither the output nor a
        temporary file, and the status is 1."""
        import resource
        import signal

        def small_files():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))
        out = os.path.join(self.tmp, "out")
        os.mkdir(out)
        short = self.write("short.txt", b"One short line that is kept.\n")
        r = subprocess.run([CLI, "-o", out, SEED, short], capture_output=True, timeout=120,
                           preexec_fn=small_files)
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"sputnik-cyber-unit.txt: File too large; nothing written", r.stderr)
        self.assertEqual(os.listdir(out), ["short.txt"])
        jsonl = os.path.join(self.tmp, "all.jsonl")
        r = subprocess.run([CLI, "-f", "jsonl", "-o", jsonl, SEED], capture_output=True,
                           timeout=120, preexec_fn=small_files)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["out", "short.txt"])
        if os.path.exists("/dev/full"):
            with open("/dev/full", "wb") as full:
                r = subprocess.run([CLI, "-f", "jsonl", SEED], stdout=full,
                                   stderr=subprocess.PIPE, timeout=120)
            self.assertEqual(r.returncode, 1)

    def test_directory_input(self):
        self.write("pages/b.txt", self.seed())
        self.write("pages/sub/a.html", HTML_PAGE)
        self.write("pages/.hidden.txt", b"not read")
        pages = os.path.join(self.tmp, "pages")
        r = run([pages])
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"is a directory (-r reads the files in it)", r.stderr)
        out = os.path.join(self.tmp, "out")
        r = run(["-r", "-o", out, pages])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(out)), ["a.txt", "b.txt"])
        r = run(["--recursive", "-f", "jsonl", pages])
        files = [json.loads(l)["source"]["file"] for l in r.stdout.splitlines()]
        self.assertEqual(files, [os.path.join(pages, "b.txt"),
                                 os.path.join(pages, "sub", "a.html")])

    def test_gnu_style_options(self):
        want = run(["--format", "json", SEED]).stdout
        self.assertEqual(run(["--format=json", SEED]).stdout, want)
        self.assertEqual(run([SEED, "--format=json"]).stdout, want)
        self.assertEqual(run([SEED, "-f", "json"]).stdout, want)
        self.assertEqual(run(["-fjson", SEED]).stdout, want)
        self.assertEqual(run(["--", SEED]).stdout, run([SEED]).stdout)
        r = run(["--", "--format=json"])
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"--format=json: No such file", r.stderr)

    def test_jsonl_files(self):
        path = self.write("page.html", HTML_PAGE)
        r = run(["--format", "jsonl", SEED, path])
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = [json.loads(l) for l in r.stdout.decode().splitlines()]
        self.assertEqual(len(lines), 2)
        full = json.loads(run(["--format", "json", SEED]).stdout)
        self.assertEqual(lines[0]["schema"], 1)
        self.assertEqual(lines[0]["source"], {"file": SEED})
        for key in ("title", "language", "language_confidence", "script", "encoding", "input",
                    "flags", "repairs", "paragraphs"):
            self.assertEqual(lines[0][key], full[key], key)
        self.assertNotIn("blocks", lines[0])
        self.assertEqual(lines[1]["input"], "html")
        explained = json.loads(run(["-f", "jsonl", "-e", SEED]).stdout)
        self.assertEqual(explained["blocks"], full["blocks"])
        out = os.path.join(self.tmp, "all.jsonl")
        r = run(["-j", "2", "-f", "jsonl", "-o", out, SEED, path])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, b"")
        with open(out, "rb") as f:
            self.assertEqual(f.read(), run(["-f", "jsonl", SEED, path]).stdout)
        self.assertEqual(oct(os.stat(out).st_mode & 0o777), oct(0o666 & ~self.umask()))

    @staticmethod
    def umask():
        mask = os.umask(0)
        os.umask(mask)
        return mask

    def test_usage_errors_exit_2(self):
        for args in (["--no-such-option"], ["-f", "pdf", SEED], ["--format"],
                     ["-i", "xml", SEED], ["-b", "2", SEED], ["-b", "x", SEED],
                     ["-o", self.tmp], ["-o"], ["-j", "-1", SEED], ["--warc"],
                     ["--warc", "-f", "json", SEED], ["--format=", SEED], ["--jobs", "many", SEED],
                     ["-l"], ["--encoding"]):
            r = run(args)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(b"newsclean:", r.stderr, args)
            self.assertEqual(r.stdout, b"", args)

    def test_limit_flags(self):
        """Each limit flag reaches nc_options: the effect shows in the output."""
        r = run(["--max-line-bytes", "16", "-i", "text"], stdin=b"Hello world this is a long line.\n")
        self.assertEqual((r.returncode, r.stdout), (0, b"Hello world this\n"))
        r = run(["--max-input-bytes", "10"], stdin=b"x" * 11)
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"max_input_bytes", r.stderr)
        r = run(["--max-input-bytes", "11", "-i", "text"], stdin=b"x" * 11)
        self.assertEqual(r.returncode, 0, r.stderr)
        page = b"".join(b"Line number %d of a page of text.\n\n" % i for i in range(50))
        r = run(["--max-blocks", "3", "-f", "json", "-i", "text"], stdin=page)
        got = json.loads(r.stdout)
        self.assertEqual(len(got["blocks"]), 3)
        self.assertTrue(got["flags"] & 0x2)
        deep = b"<html><body>" + b"<div>" * 20 + b"<p>Deep text of the page here.</p>"
        r = run(["--max-depth", "3", "-f", "json", "-i", "html"], stdin=deep)
        self.assertTrue(json.loads(r.stdout)["flags"] & 0x4)
        r = run(["--max-ms", "600000", "-f", "json"], stdin=HTML_PAGE)
        self.assertEqual(json.loads(r.stdout)["flags"] & 0x400, 0)
        big = b"".join(b"<p>Paragraph number %d of a long page.</p>" % i for i in range(40000))
        r = run(["--max-ms", "1", "-f", "json", "-i", "html"], stdin=big)
        got = json.loads(r.stdout)
        self.assertTrue(got["flags"] & 0x400)
        self.assertEqual(got["paragraphs"], [])

    def test_limit_flags_refuse_bad_numbers(self):
        for flag in ("--max-input-bytes", "--max-blocks", "--max-depth", "--max-line-bytes",
                     "--max-ms"):
            for bad in ("", "-1", "x", "1x", " 1", "+1", "18446744073709551616"):
                r = run([flag, bad, SEED])
                self.assertEqual(r.returncode, 2, (flag, bad))
                self.assertIn(flag.encode(), r.stderr)
                self.assertEqual(r.stdout, b"")
            r = run([flag])
            self.assertEqual(r.returncode, 2, flag)
        for flag in ("--max-input-bytes", "--max-blocks", "--max-depth"):
            self.assertEqual(run([flag, "0", SEED]).returncode, 2, flag)
        self.assertEqual(run(["--max-line-bytes", "15", SEED]).returncode, 2)
        self.assertEqual(run(["--max-ms", "0", SEED]).returncode, 0)
        for args in (["-b", "", SEED], ["-j", "", SEED]):
            self.assertEqual(run(args).returncode, 2, args)

    def test_endless_input_stops_at_the_limit(self):
        """/dev/zero is refused once max_input_bytes is passed, without
        reading on (a 64 MB address-space limit would stop a 1 GB read)."""
        import resource

        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (300 << 20, 300 << 20))
        r = subprocess.run([CLI, "--max-input-bytes", "1000000", "/dev/zero"],
                           capture_output=True, timeout=60, preexec_fn=limit)
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"max_input_bytes", r.stderr)

    def test_controls_never_printed(self):
        page = b"Hello \x1b]0;pwned\x07 world, a line of text.\n\x1b[2J\x9b text\n"
        for fmt in ("text", "json"):
            r = run(["-f", fmt, "-i", "text"], stdin=page)
            self.assertEqual(r.returncode, 0)
            self.assertNotIn(b"\x1b", r.stdout, fmt)
            self.assertNotIn(b"\x07", r.stdout, fmt)

    def test_jobs_same_output_in_order(self):
        files = sorted(os.path.join(d, f) for d in
                       (os.path.join(ROOT, "tests", "data", s, "text-lines")
                        for s in ("seed", "wcxb-dev", "traf-dev", "readability"))
                       for f in os.listdir(d))
        one = run(files)
        self.assertEqual(one.returncode, 0, one.stderr)
        for jobs in ("2", "4", "0"):
            many = run(["--jobs", jobs] + files)
            self.assertEqual(many.returncode, 0, many.stderr)
            self.assertEqual(many.stdout, one.stdout, jobs)
        out1, out4 = os.path.join(self.tmp, "o1"), os.path.join(self.tmp, "o4")
        os.mkdir(out1)
        os.mkdir(out4)
        run(["-o", out1] + files)
        r = run(["-j", "4", "-o", out4, "/nonexistent.txt"] + files)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr.count(b"\n"), 1, r.stderr)  # no progress line off a tty
        self.assertEqual(sorted(os.listdir(out1)), sorted(os.listdir(out4)))
        for n in os.listdir(out1):
            with open(os.path.join(out1, n), "rb") as a, open(os.path.join(out4, n), "rb") as b:
                self.assertEqual(a.read(), b.read(), n)

    def test_progress_line_only_on_a_terminal(self):
        files = [self.write("p%02d.txt" % i, self.seed()) for i in range(25)]
        # PROGRESS_MIN_FILES is 20
        out = os.path.join(self.tmp, "o")
        os.mkdir(out)
        r, seen = run_on_a_terminal([CLI, "-o", out] + files)
        self.assertEqual(r.returncode, 0)
        self.assertIn(b"25/25 files", seen)
        self.assertTrue(seen.endswith(b"\r\033[K"), seen[-40:])  # the line is cleared
        few = run([SEED, SEED])
        self.assertEqual(few.stderr, b"")
        r = run(["-o", out] + files)  # stderr is a pipe here: no progress
        self.assertEqual(r.stderr, b"")

    def test_markdown_structure(self):
        page = self.write("rain.html", MD_PAGE)
        r = run(["-f", "markdown", page])
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout.decode()
        self.assertIn("\n\n## What to bring\n\n", out)
        self.assertIn("- Water and some food for a day\n- A torch with spare batteries\n", out)
        self.assertIn("the weather service said", out)  # no links unless asked
        self.assertNotIn("![", out)
        self.assertNotIn("Home", out)
        self.assertEqual(run(["--format", "md", page]).stdout, r.stdout)
        # the same paragraphs as the text format, markup aside
        text = run([page]).stdout.decode()
        self.assertEqual(collapse(out.replace("## ", "").replace("- ", "")), collapse(text))

    def test_markdown_links_and_images(self):
        page = self.write("rain.html", MD_PAGE)
        out = run(["-f", "markdown", "--links", "--images", page]).stdout.decode()
        # resolved against the canonical link
        self.assertIn("the [weather service](https://news.example/service) said", out)
        self.assertIn("![a car](https://news.example/car.jpg)", out)
        # the caller's address comes first
        out = run(["-f", "markdown", "--links", "--url", "https://other.example/x/y",
                   page]).stdout.decode()
        self.assertIn("[weather service](https://other.example/service)", out)
        self.assertNotIn("![", out)
        r = run(["--links", page])
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"--format markdown", r.stderr)
        self.assertEqual(run(["-f", "markdown", "--url"]).returncode, 2)

    def test_markdown_output_dir(self):
        page = self.write("in/rain.html", MD_PAGE)
        out_dir = os.path.join(self.tmp, "out")
        os.makedirs(out_dir)
        r = run(["-f", "markdown", "-o", out_dir, page])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(os.listdir(out_dir), ["rain.md"])

    def test_markdown_from_text(self):
        r = run(["-f", "markdown", "-i", "text"],
                stdin=b"Heavy rain and strong wind are expected across the region on "
                      b"Tuesday, the weather service said on Monday evening.\n"
                      b"* water and food\n* a torch\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("- water and food\n- a torch", r.stdout.decode())

    def test_comments_come_apart(self):
        page = self.write("rain.html", MD_PAGE)
        blocks = json.loads(run(["-f", "json", page]).stdout)["blocks"]
        comments = [b["text"] for b in blocks if b["label"] == "comment"]
        self.assertTrue(comments)
        for fmt in ("markdown", "text"):
            out = run(["-f", fmt, "--comments", page]).stdout.decode()
            body, sep, rest = out.partition("\n---\n\n# Comments\n\n")
            self.assertEqual(sep, "\n---\n\n# Comments\n\n", fmt)
            self.assertEqual(body, run(["-f", fmt, page]).stdout.decode())
            for c in comments:
                self.assertIn(c, rest)
                self.assertNotIn(c, body)
        with_comments = json.loads(run(["-f", "json", "--comments", page]).stdout)
        self.assertEqual(with_comments["comments"], comments)
        self.assertNotIn("comments", json.loads(run(["-f", "json", page]).stdout))

    def test_seed_gold_paragraphs(self):
        """The seed page gives exactly its 9 gold paragraphs (white space
        collapsed) and its title."""
        with open(SEED_GOLD, encoding="utf-8") as f:
            gold = [collapse(p) for p in f.read().split("\n\n") if p.strip()]
        self.assertEqual(len(gold), 9)
        data = json.loads(run(["--format", "json", SEED]).stdout)
        got = [collapse(p) for p in data["paragraphs"]]
        self.assertEqual(got, gold)
        self.assertEqual(data["title"],
                         "Russia, US in Talks on Joint Cybersecurity Unit's Establishment")
        labels = {b["text"]: b["label"] for b in data["blocks"]}
        self.assertEqual(labels["CC0 / Pixabay / Cybersecurity"], "credit")
        self.assertEqual(labels["Cybersecurity - Sputnik International"], "caption")
        self.assertEqual(labels["Заголовок открываемого материала"], "foreign")
        self.assertEqual(labels["0"], "ui")


if __name__ == "__main__":
    if not os.access(CLI, os.X_OK):
        sys.exit("test_cli.py: build build/newsclean first (make)")
    unittest.main(verbosity=2)
