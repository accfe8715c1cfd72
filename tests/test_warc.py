#!/usr/bin/env python3
"""newsclean --warc, as a crawler runs it: WARC and WET files made by
tests/warcgen.py (written from the WARC 1.1 specification, apart from the
reader) from the sample pages in tests/data.

  /usr/bin/python3 tests/test_warc.py          (make check-warc)

Every page's JSON line must give the paragraphs the CLI gives for the same
page file; every layout (plain, one gzip member a record, the whole file
gzipped) reads the same; broken records are reported and the others still
come out.
"""
import gzip
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
SETS = [os.path.join(ROOT, "tests", "data", s) for s in ("wcxb-dev", "traf-dev", "readability")]
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, os.path.join(ROOT, "python"))
import warcgen  # noqa: E402
from test_cli import run_on_a_terminal  # noqa: E402

LAYOUTS = ("plain", "gzip-records", "gzip-file")


def run(args, **kw):
    return subprocess.run([CLI] + args, capture_output=True, timeout=300, **kw)


def lines(stdout):
    return [json.loads(l) for l in stdout.decode("utf-8").splitlines()]


class TestWarc(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="nc-warc-")
        # every page as a file, and the CLI's paragraphs for it
        cls.expected = {}
        files = {}
        for s in SETS:
            for uri, page_id, body, _ in warcgen.html_pages(s):
                files[uri] = cls.page_file(os.path.basename(s) + "-" + page_id + ".html", body)
            for uri, page_id, text in warcgen.text_pages(s):
                files[uri] = cls.page_file(os.path.basename(s) + "-" + page_id + ".txt", text)
        names = sorted(files)
        r = run(["-f", "jsonl"] + [files[u] for u in names])
        assert r.returncode == 0, r.stderr
        for uri, obj in zip(names, lines(r.stdout)):
            cls.expected[uri] = obj["paragraphs"]

    @classmethod
    def page_file(cls, name, data):
        path = os.path.join(cls.tmp, "pages", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        return path

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def warc(self, name, records, layout="plain"):
        path = os.path.join(self.tmp, name)
        warcgen.write(path, records, layout)
        return path

    def assertPagesMatch(self, objs, form):
        want = {u for u in self.expected if "/%s/" % form in u}
        self.assertEqual({o["source"]["uri"] for o in objs}, want)
        for o in objs:
            self.assertEqual(o["paragraphs"], self.expected[o["source"]["uri"]],
                             o["source"]["uri"])

    def test_html_responses_in_every_layout(self):
        records = warcgen.crawl_records(SETS)
        for layout in LAYOUTS:
            path = self.warc("crawl-%s.warc" % layout, records, layout)
            r = run(["--warc", path])
            self.assertEqual(r.returncode, 0, r.stderr)
            objs = lines(r.stdout)
            self.assertPagesMatch(objs, "html")
            for o in objs:
                self.assertEqual(o["schema"], 1)
                self.assertEqual(o["source"]["file"], path)
                self.assertEqual(o["source"]["type"], "response")
                self.assertEqual(o["source"]["date"], warcgen.DATE)
                self.assertTrue(o["source"]["record_id"].startswith("<urn:uuid:"))
                self.assertEqual(o["input"], "html")
                self.assertNotIn("blocks", o)
            pages = len(objs)
            self.assertIn(("%s: %d records: %d pages cleaned, 0 failed, %d skipped "
                           "(%d record-type, 1 http-status, 2 media-type), 0 broken"
                           % (path, len(records), pages, len(records) - pages,
                              len(records) - pages - 3)).encode(), r.stderr)

    def test_wet_conversion_records(self):
        records = warcgen.wet_records(SETS)
        for layout in ("plain", "gzip-records"):
            path = self.warc("crawl-%s.wet" % layout, records, layout)
            r = run(["--warc", path])
            self.assertEqual(r.returncode, 0, r.stderr)
            objs = lines(r.stdout)
            self.assertPagesMatch(objs, "text-lines")
            self.assertTrue(all(o["input"] == "text" and o["source"]["type"] == "conversion"
                                for o in objs))

    def test_charset_header_is_the_hint(self):
        """A page without a <meta> charset is read in the HTTP header's one."""
        body = ("<html><body><p>" + "Съешь же ещё этих мягких французских булок, да выпей "
                "же чаю. " * 6 + "</p></body></html>").encode("koi8-r")
        path = self.warc("koi8.warc", [warcgen.http_response("http://x.example/", body,
                                                             charset="KOI8-R")])
        o = lines(run(["--warc", path]).stdout)[0]
        self.assertEqual(o["encoding"].lower(), "koi8-r")
        self.assertIn("мягких французских булок", o["paragraphs"][0])
        unknown = self.warc("bad-charset.warc", [warcgen.http_response(
            "http://x.example/", "<p>Plain words in a page.</p>".encode(), charset="no-such")])
        r = run(["--warc", unknown])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(lines(r.stdout)[0]["paragraphs"], ["Plain words in a page."])

    def test_truncated_pages_are_flagged(self):
        """A payload the crawler cut (WARC-Truncated), or a chunked gzip body
        that ends early, is cleaned as far as it goes and flagged."""
        text = "".join("<p>Paragraph %d of a long article about rivers and the towns "
                       "along them, told at length.</p>" % i for i in range(200)).encode()
        whole = warcgen.http_response("http://x.example/long", text, transfer_chunked=True,
                                      content_gzip=True)
        block = whole.split(b"\r\n\r\n", 1)[1][:-4]
        cut = block[:len(block) // 2]
        path = self.warc("cut.warc", [
            warcgen.record("response", cut, "application/http;msgtype=response",
                           "http://x.example/long", extra=[("WARC-Truncated", "length")]),
            warcgen.record("response", cut, "application/http;msgtype=response",
                           "http://x.example/cut"), whole])
        r = run(["--warc", path])
        self.assertEqual(r.returncode, 0, r.stderr)
        objs = lines(r.stdout)
        self.assertEqual([o["source"].get("truncated") for o in objs], ["length", "body", None])
        self.assertTrue(0 < len(objs[1]["paragraphs"]) < len(objs[2]["paragraphs"]))
        import newsclean
        got = [newsclean.jsonl_object(p) for p in newsclean.iter_warc(path)]
        self.assertEqual(got, objs)

    def test_broken_records_are_reported_and_the_rest_come_out(self):
        records = warcgen.crawl_records(SETS)
        responses = [i for i, r in enumerate(records) if b"WARC-Type: response" in r[:200]]
        too_long, too_short = responses[1], responses[3]
        bad = list(records)
        for i, delta in ((too_long, 300), (too_short, -300)):
            block = bad[i].split(b"\r\n\r\n", 1)[1][:-4]
            head = bad[i].split(b"\r\n\r\n", 1)[0].decode()
            uri = [l.split(": ", 1)[1] for l in head.split("\r\n") if l.startswith("WARC-Target")]
            bad[i] = warcgen.record("response", block, "application/http;msgtype=response",
                                    uri[0], content_length=len(block) + delta)
        lost = {self.uri_of(records[too_long]), self.uri_of(records[too_short])}
        for layout in ("plain", "gzip-records"):
            path = self.warc("bad-%s.warc" % layout, bad, layout)
            with open(path, "rb") as f:
                whole = f.read()
            with open(path, "wb") as f:  # truncated in the last record
                f.write(whole[:-20])
            r = run(["--warc", "-j", "2", path])
            self.assertEqual(r.returncode, 1)
            err = r.stderr.decode()
            self.assertEqual(err.count("does not end at a record boundary"), 2, err)
            self.assertEqual(err.count("truncated"), 1, err)
            objs = lines(r.stdout)
            got = {o["source"]["uri"] for o in objs}
            want = {u for u in self.expected if "/html/" in u} - lost
            self.assertEqual(got, want)
            for o in objs:
                self.assertEqual(o["paragraphs"], self.expected[o["source"]["uri"]])
            self.assertIn("3 broken", err)

    @staticmethod
    def uri_of(record):
        head = record.split(b"\r\n\r\n", 1)[0].decode()
        return [l.split(": ", 1)[1] for l in head.split("\r\n")
                if l.startswith("WARC-Target-URI")][0]

    def test_directory_of_warc_files(self):
        records = warcgen.crawl_records(SETS[:1])
        folder = os.path.join(self.tmp, "crawl")
        os.makedirs(os.path.join(folder, "b"), exist_ok=True)
        warcgen.write(os.path.join(folder, "a.warc.gz"), records, "gzip-records")
        warcgen.write(os.path.join(folder, "b", "c.warc"), records)
        r = run(["--warc", folder])
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"is a directory (-r reads the files in it)", r.stderr)
        r = run(["--warc", "-r", folder])
        self.assertEqual(r.returncode, 0, r.stderr)
        files = [o["source"]["file"] for o in lines(r.stdout)]
        self.assertEqual(sorted(set(files)), [os.path.join(folder, "a.warc.gz"),
                                              os.path.join(folder, "b", "c.warc")])
        self.assertEqual(files, sorted(files))

    def test_not_a_warc_file(self):
        path = self.page_file("not.warc", b"<html><p>just a page</p></html>")
        r = run(["--warc", path])
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"not a WARC record header", r.stderr)
        self.assertEqual(r.stdout, b"")
        r = run(["--warc", os.path.join(self.tmp, "missing.warc")])
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"missing.warc: No such file or directory", r.stderr)

    def test_jobs_explain_and_output_file(self):
        path = self.warc("crawl.warc.gz", warcgen.crawl_records(SETS), "gzip-records")
        one = run(["--warc", "-e", path])
        self.assertEqual(one.returncode, 0, one.stderr)
        for jobs in ("2", "3", "0"):
            self.assertEqual(run(["--warc", "-e", "-j", jobs, path]).stdout, one.stdout, jobs)
        o = lines(one.stdout)[0]
        self.assertTrue(o["blocks"] and {"text", "label", "reason", "score", "tag"} <= set(
            o["blocks"][0]))
        out = os.path.join(self.tmp, "out.jsonl")
        r = run([path, "-o", out, "--warc", "--format=jsonl", "--explain"])
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out, "rb") as f:
            self.assertEqual(f.read(), one.stdout)
        two = run(["--warc", path, path])  # one line a page of each file, in order
        self.assertEqual(two.stdout, run(["--warc", path]).stdout * 2)

    def test_progress_on_a_terminal(self):
        path = self.warc("p.warc", warcgen.crawl_records(SETS))
        r, seen = run_on_a_terminal([CLI, "--warc", path])
        self.assertEqual(r.returncode, 0)
        self.assertRegex(seen, rb"\rnewsclean: \d+ records, \d+\.\d MB, \d+ records/s")
        self.assertNotIn(b"records/s", run(["--warc", path]).stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
