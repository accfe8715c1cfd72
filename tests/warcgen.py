#!/usr/bin/env python3
"""warcgen.py - writes WARC and WET files for the tests, from the pages of
a data set. Written from the WARC 1.1 specification (ISO 28500:2017,
https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/),
not from newsclean's reader, so the two can disagree and a test can see it.

  /usr/bin/python3 tests/warcgen.py --out crawl.warc.gz [--layout gzip-records] SET_DIR...
  /usr/bin/python3 tests/warcgen.py --wet --out crawl.wet.gz SET_DIR...
  /usr/bin/python3 tests/warcgen.py --size-mb 1024 --out /tmp/big.warc SET_DIR

What the specification says and this file does:
- a record is a header, a block of Content-Length bytes and two CRLFs
  (section 4); the header is "WARC/1.1" CRLF, named fields "Name: value"
  CRLF each, then one empty line (section 4, 5);
- every record has WARC-Record-ID (a URI in angle brackets), Content-Length,
  WARC-Date (UTC, W3C ISO 8601) and WARC-Type (section 5.1); a record with a
  block has a Content-Type (5.6);
- a "response" record of an HTTP fetch holds the whole HTTP response, with
  Content-Type "application/http;msgtype=response" (6.4, 6.3.2); its
  WARC-Target-URI is the URI fetched (5.3); a "request" record the request;
- a "conversion" record holds another form of an earlier record's content,
  here the page's text as WET files have it (6.8), with WARC-Refers-To;
- a "warcinfo" record (6.2) of Content-Type "application/warc-fields" comes
  first; "metadata" records (6.6) describe others;
- gzip (Annex D): each record compressed as a gzip member of its own, the
  members concatenated ("gzip-records"); the whole file as one member
  ("gzip-file") is what `gzip crawl.warc` makes of a plain file.
"""
import argparse
import gzip
import hashlib
import os
import sys
import uuid
import zlib

CRLF = b"\r\n"
DATE = "2024-05-01T12:00:00Z"


def record_id(seed):
    """A stable urn:uuid from seed, so generated files are reproducible."""
    return "<urn:uuid:%s>" % uuid.UUID(hashlib.md5(seed.encode()).hexdigest())


def record(warc_type, block, content_type=None, uri=None, rid=None, extra=(),
           content_length=None):
    """One record's bytes. content_length lies about the block when given."""
    fields = [("WARC-Type", warc_type),
              ("WARC-Record-ID", rid or record_id(warc_type + (uri or "") + str(len(block)))),
              ("WARC-Date", DATE)]
    if uri is not None:
        fields.append(("WARC-Target-URI", uri))
    fields.extend(extra)
    if content_type is not None:
        fields.append(("Content-Type", content_type))
    fields.append(("Content-Length", str(len(block) if content_length is None
                                         else content_length)))
    head = b"WARC/1.1" + CRLF + b"".join(
        ("%s: %s" % f).encode("utf-8") + CRLF for f in fields) + CRLF
    return head + block + CRLF + CRLF


def warcinfo():
    body = b"software: tests/warcgen.py" + CRLF + b"format: WARC File Format 1.1" + CRLF
    return record("warcinfo", body, "application/warc-fields", rid=record_id("warcinfo"))


def http_request(uri):
    path = "/" + uri.split("/", 3)[3] if uri.count("/") >= 3 else "/"
    host = uri.split("/")[2]
    block = ("GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: warcgen\r\n\r\n" % (path, host)).encode()
    return record("request", block, "application/http;msgtype=request", uri)


def chunked(body, size=1000):
    """The chunked transfer coding of RFC 9112, section 7.1."""
    out = b""
    for i in range(0, len(body), size):
        piece = body[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + CRLF
    return out + b"0\r\n\r\n"


def http_response(uri, body, media_type="text/html", charset=None, status=200,
                  transfer_chunked=False, content_gzip=False):
    """A response record; charset goes in the Content-Type header when given."""
    headers = ["HTTP/1.1 %d %s" % (status, "OK" if status == 200 else "Not Found"),
               "Content-Type: %s%s" % (media_type, "; charset=%s" % charset if charset else "")]
    if content_gzip:
        body = gzip.compress(body, mtime=0)
        headers.append("Content-Encoding: gzip")
    if transfer_chunked:
        body = chunked(body)
        headers.append("Transfer-Encoding: chunked")
    else:
        headers.append("Content-Length: %d" % len(body))
    block = ("\r\n".join(headers) + "\r\n\r\n").encode("latin-1") + body
    return record("response", block, "application/http;msgtype=response", uri)


def conversion(uri, text):
    """A WET record: the page's text, one block a line."""
    return record("conversion", text, "text/plain", uri,
                  extra=[("WARC-Refers-To", record_id("response" + uri))])


def metadata(uri):
    return record("metadata", b"fetchTimeMs: 120\r\n", "application/warc-fields", uri)


def write(path, records, layout="plain"):
    """Writes the records: plain, "gzip-records" or "gzip-file"."""
    with open(path, "wb") as f:
        if layout == "plain":
            for r in records:
                f.write(r)
        elif layout == "gzip-records":
            for r in records:
                f.write(gzip.compress(r, mtime=0))
        elif layout == "gzip-file":
            z = zlib.compressobj(6, zlib.DEFLATED, 31)
            for r in records:
                f.write(z.compress(r))
            f.write(z.flush())
        else:
            raise ValueError("layout: plain, gzip-records or gzip-file, not %r" % layout)


def manifest(set_dir):
    """{page id: declared or detected charset} from SET/manifest.tsv."""
    rows = {}
    with open(os.path.join(set_dir, "manifest.tsv"), encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            cells = dict(zip(head, line.rstrip("\n").split("\t")))
            rows[cells["id"]] = cells.get("encoding", "")
    return rows


def page_uri(set_dir, form, page_id):
    return "http://pages.example/%s/%s/%s" % (os.path.basename(os.path.normpath(set_dir)),
                                              form, page_id)


def html_pages(set_dir):
    """(uri, page id, bytes, charset) for SET/html/ID.html.gz."""
    charsets = manifest(set_dir)
    folder = os.path.join(set_dir, "html")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".html.gz"):
            page_id = name[:-len(".html.gz")]
            with gzip.open(os.path.join(folder, name), "rb") as f:
                yield page_uri(set_dir, "html", page_id), page_id, f.read(), charsets.get(page_id)


def text_pages(set_dir):
    """(uri, page id, bytes) for SET/text-lines/ID.txt."""
    folder = os.path.join(set_dir, "text-lines")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), "rb") as f:
                yield page_uri(set_dir, "text-lines", name[:-4]), name[:-4], f.read()


def crawl_records(set_dirs):
    """A crawl of the sets' html pages: each page's request and response
    (every other one with its charset in the HTTP header, some chunked,
    some gzip-encoded) and a metadata record; a few records that are not
    pages (an image, a PDF, a 404, a redirect)."""
    out = [warcinfo()]
    n = 0
    for s in set_dirs:
        for uri, _, body, charset in html_pages(s):
            out.append(http_request(uri))
            out.append(http_response(uri, body, charset=charset if n % 2 == 0 else None,
                                     transfer_chunked=n % 3 == 1, content_gzip=n % 5 == 2))
            out.append(metadata(uri))
            n += 1
    out.extend(not_pages())
    return out


def not_pages():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    return [http_response("http://pages.example/logo.png", png, media_type="image/png"),
            http_response("http://pages.example/a.pdf", b"%PDF-1.4\n%...\n",
                          media_type="application/pdf"),
            http_response("http://pages.example/gone", b"<html><body>Not found</body></html>",
                          status=404)]


def wet_records(set_dirs):
    out = [warcinfo()]
    for s in set_dirs:
        for uri, _, text in text_pages(s):
            out.append(conversion(uri, text))
    return out


def large(set_dirs, size_mb, path, layout):
    """About size_mb MB: the sets' pages over and over, with an 8 MB image
    record (which the reader skips) after every 400 pages. Each record is
    made (and compressed) once and written again and again, so a big file
    is quick to write; the pages' URIs repeat."""
    pack = (lambda r: gzip.compress(r, 1)) if layout == "gzip-records" else (lambda r: r)
    pages = [pack(http_response(uri, body, charset=charset))
             for s in set_dirs for uri, _, body, charset in html_pages(s)]
    image = pack(http_response("http://pages.example/big.png",
                               b"\x89PNG\r\n\x1a\n" + os.urandom(1 << 20) * 8,
                               media_type="image/png"))
    target = size_mb * 1000 * 1000
    written = n = 0
    with open(path, "wb") as f:
        while written < target:
            f.write(pages[n % len(pages)])
            written += len(pages[n % len(pages)])
            if n % 400 == 0:
                f.write(image)
                written += len(image)
            n += 1
    return n


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--layout", default="plain", choices=("plain", "gzip-records", "gzip-file"))
    ap.add_argument("--wet", action="store_true", help="conversion records of text-lines pages")
    ap.add_argument("--size-mb", type=int, help="a file of about this size (html pages)")
    ap.add_argument("sets", nargs="+")
    a = ap.parse_args(argv)
    if a.size_mb:
        n = large(a.sets, a.size_mb, a.out, a.layout)
        print("%s: %d pages" % (a.out, n), file=sys.stderr)
        return 0
    write(a.out, wet_records(a.sets) if a.wet else crawl_records(a.sets), a.layout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
