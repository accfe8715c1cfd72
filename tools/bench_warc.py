#!/usr/bin/env python3
"""bench_warc.py - what reading pages out of a WARC file costs: the html
pages of a set cleaned by `newsclean --warc` from one WARC file (each
page's HTTP charset given), against the same pages cleaned by
`newsclean --format jsonl` from page files; plain against plain (a plain
WARC, .html files) and gzip against gzip (one gzip member a record, the
set's own .html.gz files). Also checks that every page gets the same
paragraphs both ways.

  /usr/bin/python3 tools/bench_warc.py --cli build/newsclean [--runs 3] ../shared/data/wcxb-dev
  (make bench-warc)

Prints the best of --runs CPU times (user + system, of the one-threaded
newsclean process: on a shared machine wall time measures the neighbours)
and the ratio WARC / files. The WARC files and the page files go to a
temporary folder.
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
import warcgen  # noqa: E402


def cpu_seconds():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def best_time(argv, runs):
    best, out = None, None
    for _ in range(runs):
        t = cpu_seconds()
        r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        secs = cpu_seconds() - t
        if r.returncode != 0:
            sys.exit("bench_warc.py: %s failed: %s" % (argv[:3], r.stderr.decode()[-500:]))
        best = secs if best is None else min(best, secs)
        out = r.stdout
    return best, out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "newsclean"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("set", help="a data set with html/ID.html.gz")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="nc-bench-warc-")
    try:
        files, records, uris = [], [], []
        for uri, page_id, body, charset in warcgen.html_pages(a.set):
            path = os.path.join(tmp, page_id + ".html")
            with open(path, "wb") as f:
                f.write(body)
            files.append(path)
            uris.append(uri)
            records.append(warcgen.http_response(uri, body, charset=charset))
        gz_files = [os.path.join(a.set, "html", os.path.basename(f) + ".gz") for f in files]
        print("bench-warc: %d html pages of %s (%.1f MB), CPU seconds, best of %d runs"
              % (len(files), a.set, sum(os.path.getsize(f) for f in files) / 1e6, a.runs))
        differ = []
        for layout, pages in (("plain", files), ("gzip-records", gz_files)):
            warc = os.path.join(tmp, "pages-%s.warc" % layout)
            warcgen.write(warc, records, layout)
            t_files, out_files = best_time([a.cli, "-f", "jsonl"] + pages, a.runs)
            t_warc, out_warc = best_time([a.cli, "--warc", warc], a.runs)
            from_files = [json.loads(l)["paragraphs"] for l in out_files.decode().splitlines()]
            from_warc = {}
            for l in out_warc.decode().splitlines():
                o = json.loads(l)
                from_warc[o["source"]["uri"]] = o["paragraphs"]
            differ += [u for u, p in zip(uris, from_files) if from_warc.get(u) != p]
            kind = "gzip" if layout != "plain" else "plain"
            print("  %-5s files  newsclean -f jsonl FILE...  %6.2f s  %4.0f pages/s"
                  % (kind, t_files, len(files) / t_files))
            print("  %-5s WARC   newsclean --warc FILE       %6.2f s  %4.0f pages/s  "
                  "(%.1f MB, %s)" % (kind, t_warc, len(files) / t_warc,
                                     os.path.getsize(warc) / 1e6, layout))
            print("  %-5s ratio WARC / files: %.3f" % (kind, t_warc / t_files))
        print("  pages whose paragraphs differ: %d%s" % (len(differ),
                                                        (" " + " ".join(differ[:5])) if differ else ""))
        return 1 if differ else 0
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())
