#!/usr/bin/env python3
"""The CLI's explain page (`newsclean --format html --explain`) as a reader
sees it: rendered by headless Chromium (Debian's `chromium`).

  /usr/bin/python3 tests/test_explain_html.py      (make check-explain-html)

For the seed page it checks
- the screenshot: a PNG that decodes, is not blank, shows the body colour
  the page's own CSS gives kept blocks over a large area, shows the colour
  of every dropped label on the page too, and has one green edge run in the
  left border column for each kept block;
- the DOM Chromium builds (--dump-dom): every paragraph `--format json`
  keeps is the text of an element marked `kept`, there are no other kept
  elements, and every block's hover title says the label, reason and score
  the JSON gives for it.

Skips when chromium is missing, unless CI is set: there it must run.
Standard library only; the PNG is decoded here (zlib + struct).
"""
import html.parser
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import tempfile
import unittest
import zlib
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "build", "newsclean")
SEED = os.path.join(ROOT, "tests", "data", "seed", "text-lines", "sputnik-cyber-unit.txt")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TIMEOUT = 60
WIDTH, HEIGHT = 1200, 2400
KEPT_LABELS = ("body", "heading")


def run_bounded(argv, cwd=None):
    """Runs argv with a time bound; on time-out kills its whole process
    group, since Chromium leaves zygote and renderer children behind."""
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError("%s took more than %d s" % (argv[0], TIMEOUT))
    return proc.returncode, out, err


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode_png(data):
    """Returns (width, height, rows), each row a list of (r, g, b) tuples.
    Handles what Chromium writes: 8-bit grey, RGB or RGBA, not interlaced."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG signature")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc, = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) & 0xffffffff != crc:
            raise ValueError("bad CRC in chunk %r" % kind)
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise ValueError("no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError("unsupported PNG: depth %d colour type %d interlace %d"
                         % (depth, colour, interlace))
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    if len(raw) != height * (stride + 1):
        raise ValueError("image data is %d bytes, not %d" % (len(raw), height * (stride + 1)))
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = prev[i]
            if kind == 1:
                line[i] = (line[i] + left) & 0xff
            elif kind == 2:
                line[i] = (line[i] + up) & 0xff
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xff
            elif kind == 4:
                upleft = prev[i - channels] if i >= channels else 0
                line[i] = (line[i] + paeth(left, up, upleft)) & 0xff
            elif kind != 0:
                raise ValueError("bad filter type %d in row %d" % (kind, y))
        if channels >= 3:
            rows.append(list(zip(line[0::channels], line[1::channels], line[2::channels])))
        else:
            rows.append([(v, v, v) for v in line[0::channels]])
        prev = line
    return width, height, rows


def hex_colour(text):
    text = text.lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))


class Blocks(html.parser.HTMLParser):
    """Collects the page's block elements (class "b"): classes, title and
    text, without the tag name the page floats at the right."""

    def __init__(self):
        super().__init__()
        self.blocks, self.depth, self.in_tag = [], 0, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if self.depth:
            self.depth += 1
            if "tag" in classes:
                self.in_tag = self.depth
        elif "b" in classes:
            self.blocks.append({"classes": classes, "title": attrs.get("title"), "text": ""})
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            if self.in_tag == self.depth:
                self.in_tag = 0
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.in_tag:
            self.blocks[-1]["text"] += data


def collapse(text):
    return " ".join(text.split())


@unittest.skipIf(CHROMIUM is None and not os.environ.get("CI"),
                 "chromium is not installed (apt-get install chromium); CI is not set")
class TestExplainHtml(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if CHROMIUM is None:
            raise AssertionError("CI is set but chromium is not installed")
        cls.tmp = tempfile.mkdtemp(prefix="nc-explain-")
        cls.page = os.path.join(cls.tmp, "page.html")
        r = subprocess.run([CLI, "--format", "html", "--explain", SEED],
                           capture_output=True, timeout=TIMEOUT)
        assert r.returncode == 0, r.stderr.decode(errors="replace")
        with open(cls.page, "wb") as f:
            f.write(r.stdout)
        cls.page_text = r.stdout.decode()
        r = subprocess.run([CLI, "--format", "json", SEED], capture_output=True, timeout=TIMEOUT)
        assert r.returncode == 0, r.stderr.decode(errors="replace")
        cls.json = json.loads(r.stdout)
        # The colours come from the page's own style sheet, so the test
        # follows the CLI's palette instead of repeating it.
        cls.colours = {m.group(1): hex_colour(m.group(2)) for m in re.finditer(
            r"\.l-([a-z]+)\{background:(#[0-9a-fA-F]{3,6})\}", cls.page_text)}
        m = re.search(r"\.b\.kept\{border-left-color:(#[0-9a-fA-F]{3,6})\}", cls.page_text)
        cls.kept_edge = hex_colour(m.group(1)) if m else None

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def chromium(self, *extra):
        """Runs headless Chromium on the page with a fresh profile and no
        network services; returns its stdout."""
        profile = tempfile.mkdtemp(prefix="profile-", dir=self.tmp)
        argv = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--hide-scrollbars",
                "--window-size=%d,%d" % (WIDTH, HEIGHT)] + list(extra) + ["file://" + self.page]
        code, out, err = run_bounded(argv, cwd=self.tmp)
        self.assertEqual(code, 0, "chromium failed:\n" + err.decode(errors="replace")[-3000:])
        return out

    def test_page_colours_known(self):
        for label in ("body", "navigation", "ui", "caption"):
            self.assertIn(label, self.colours, "no .l-%s colour in the page's style" % label)
        self.assertIsNotNone(self.kept_edge, "no .b.kept border colour in the page's style")
        # Counting pixels a colour only tells the labels apart when no two
        # share one and none is the page's white.
        self.assertEqual(len(set(self.colours.values())), len(self.colours), self.colours)
        self.assertNotIn((255, 255, 255), self.colours.values())

    def test_screenshot(self):
        shot = os.path.join(self.tmp, "shot.png")
        self.chromium("--screenshot=" + shot)
        self.assertTrue(os.path.exists(shot), "chromium wrote no screenshot")
        with open(shot, "rb") as f:
            width, height, rows = decode_png(f.read())
        self.assertEqual((width, height), (WIDTH, HEIGHT))
        counts = Counter(p for row in rows for p in row)
        background, bg_count = counts.most_common(1)[0]
        total = width * height
        # Not blank: text anti-aliasing alone gives hundreds of shades, and
        # the coloured blocks cover a good part of the window.
        self.assertGreater(len(counts), 100, "only %d distinct colours" % len(counts))
        self.assertGreater(total - bg_count, total // 10,
                           "only %d of %d pixels differ from the background %s"
                           % (total - bg_count, total, background))

        blocks = self.json["blocks"]
        body_blocks = sum(1 for b in blocks if b["label"] == "body")
        self.assertGreater(body_blocks, 0)
        # A one-line block is some 900 x 25 px; its text covers a part.
        per_block = 5000
        body = counts[self.colours["body"]]
        self.assertGreater(body, per_block * body_blocks,
                           "kept (body) colour %s in %d pixels" % (self.colours["body"], body))
        dropped = sorted({b["label"] for b in blocks if b["label"] not in KEPT_LABELS})
        self.assertTrue({"ui", "caption"} <= set(dropped), dropped)
        for label in dropped:
            seen = counts[self.colours[label]]
            self.assertGreater(seen, per_block, "dropped label %s's colour %s in %d pixels"
                               % (label, self.colours[label], seen))

        # The green edge: in the column where it shows most, one unbroken
        # vertical run a kept block (the blocks have a margin between them).
        columns = Counter(x for row in rows for x, p in enumerate(row) if p == self.kept_edge)
        self.assertTrue(columns, "no pixel has the kept edge colour %s" % (self.kept_edge,))
        x = columns.most_common(1)[0][0]
        runs, inside = 0, False
        for row in rows:
            edge = row[x] == self.kept_edge
            runs += edge and not inside
            inside = edge
        kept = sum(1 for b in blocks if b["label"] in KEPT_LABELS)
        self.assertEqual(runs, kept, "green edge runs in column %d vs kept blocks" % x)

    def test_dom_marks_kept_paragraphs(self):
        dom = self.chromium("--dump-dom").decode()
        parser = Blocks()
        parser.feed(dom)
        found = parser.blocks
        blocks = self.json["blocks"]
        self.assertEqual(len(found), len(blocks), "block elements in the rendered DOM")
        kept_texts = [collapse(b["text"]) for b in found if "kept" in b["classes"]]
        for para in self.json["paragraphs"]:
            self.assertIn(collapse(para), kept_texts, "paragraph not marked kept")
        self.assertEqual(len(kept_texts), len(self.json["paragraphs"]))
        for b, j in zip(found, blocks):
            self.assertEqual(collapse(b["text"]), collapse(j["text"]))
            self.assertIn("l-" + j["label"], b["classes"])
            self.assertEqual("kept" in b["classes"], j["label"] in KEPT_LABELS, b["classes"])
            self.assertEqual("drop" in b["classes"], j["label"] not in KEPT_LABELS, b["classes"])
            # The hover text: "label: reason (score 0.95)".
            self.assertRegex(b["title"] or "", r"^%s: %s \(score \d+\.\d\d\)$"
                             % (re.escape(j["label"]), re.escape(j["reason"])))


if __name__ == "__main__":
    unittest.main()
