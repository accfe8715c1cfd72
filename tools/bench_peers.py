#!/usr/bin/python3
"""bench_peers.py - newsclean's speed beside the extractors a user would
pick instead, on the same HTML pages (`make bench-peers`).

    tools/bench_peers.py [--bench build/bench] [--peers-dir build/peers]
                         [--runs N] [--limit N] PATH...

PATH is a page or a folder of pages; only HTML pages (.html, .htm, and
the same with .gz) are used, as no peer reads plain text. Each peer is a
small runner under tools/peers/ that loads every page into memory, makes
one warm-up pass, then times only the extraction calls, so start-up
(the JVM, node, Python imports) and disk never count. The figures are
pages/s by wall time and by CPU time (the process's: a JIT's and a
collector's threads count), each the median of --runs timed passes,
single-threaded like every peer; newsclean's come from tools/bench.c on
the same files with one thread. On a shared machine the CPU figures are
the ones to compare: wall time also measures the neighbours. A peer that is not installed is skipped with the line that
installs it.

Peers:
  readability.js    Mozilla Readability + linkedom (npm, in --peers-dir)
  readability-lxml  Debian python3-readability
  boilerpipe        Debian libboilerpipe-java (ArticleExtractor)
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.join(HERE, "peers")
HTML_ENDINGS = (".html", ".htm", ".html.gz", ".htm.gz")
BOILERPIPE_JARS = ["/usr/share/java/boilerpipe.jar",
                   "/usr/share/java/nekohtml.jar",
                   "/usr/share/java/xercesImpl.jar"]


def html_pages(paths):
    pages = []
    for p in paths:
        if os.path.isdir(p):
            pages += sorted(os.path.join(p, f) for f in os.listdir(p)
                            if f.endswith(HTML_ENDINGS))
        elif p.endswith(HTML_ENDINGS):
            pages.append(p)
    return pages


def run_json(cmd):
    """Runs a runner and returns its JSON line, or an error string."""
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    except OSError as e:
        return None, str(e)
    if out.returncode != 0:
        return None, (out.stderr.strip().splitlines() or ["exit %d" % out.returncode])[-1]
    for line in reversed(out.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line), None
    return None, "no result line"


def newsclean(args, pages):
    cmd = [args.bench, "--tsv", "--threads", "1", "--runs", str(args.runs),
           "--input", "html", "--no-floor"] + pages
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit("bench_peers: %s failed: %s" % (args.bench, out.stderr.strip()))
    for line in out.stdout.splitlines():
        f = line.split("\t")
        if f[0] == "RESULT" and f[1] == "html" and f[2] == "newsclean" and f[3] == "1":
            pps, mbs, cpu_mbs = float(f[4]), float(f[5]), float(f[9])
            return pps, pps * cpu_mbs / mbs, int(f[8])
    sys.exit("bench_peers: no html figure from %s" % args.bench)


def readability_js(args, pages):
    modules = None
    for d in [args.peers_dir, os.environ.get("NC_PEERS_NODE", ""), "/tmp/peers"]:
        if d and os.path.isdir(os.path.join(d, "node_modules", "@mozilla", "readability")) \
                and os.path.isdir(os.path.join(d, "node_modules", "linkedom")):
            modules = d
            break
    if not shutil.which("node") or not modules:
        return None, ("not installed: npm install --prefix %s @mozilla/readability linkedom"
                      % args.peers_dir)
    return run_json(["node", os.path.join(PEERS, "readability_js.js"), modules,
                     str(args.runs)] + pages)


def readability_lxml(args, pages):
    probe = subprocess.run([sys.executable, "-c", "import readability"],
                           capture_output=True, check=False)
    if probe.returncode != 0:
        return None, "not installed: apt-get install python3-readability"
    return run_json([sys.executable, os.path.join(PEERS, "readability_lxml.py"),
                     str(args.runs)] + pages)


def boilerpipe(args, pages):
    if not all(os.path.exists(j) for j in BOILERPIPE_JARS) or \
            not shutil.which("javac") or not shutil.which("java"):
        return None, "not installed: apt-get install libboilerpipe-java default-jdk-headless"
    classes = os.path.join(args.peers_dir, "java")
    os.makedirs(classes, exist_ok=True)
    cp = ":".join(BOILERPIPE_JARS)
    src = os.path.join(PEERS, "BoilerpipeRunner.java")
    built = os.path.join(classes, "BoilerpipeRunner.class")
    if not os.path.exists(built) or os.path.getmtime(built) < os.path.getmtime(src):
        c = subprocess.run(["javac", "-nowarn", "-cp", cp, "-d", classes, src],
                           capture_output=True, text=True, check=False)
        if c.returncode != 0:
            return None, "javac failed: " + c.stderr.strip()[-300:]
    return run_json(["java", "-cp", cp + ":" + classes, "BoilerpipeRunner",
                     str(args.runs)] + pages)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", default="build/bench")
    ap.add_argument("--peers-dir", default="build/peers")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="use the first N pages")
    ap.add_argument("--threads", type=int, help="ignored: peers run one thread")
    ap.add_argument("--input", help="ignored: peers read HTML")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    paths = args.paths or ["tests/data"]
    pages = html_pages(paths)
    if not pages:  # a folder of sets: use each set's html/
        pages = html_pages([os.path.join(p, s, "html") for p in paths
                            if os.path.isdir(p) for s in sorted(os.listdir(p))])
    if args.limit:
        pages = pages[:args.limit]
    if not pages:
        sys.exit("bench_peers: no HTML pages in %s" % " ".join(paths))
    os.makedirs(args.peers_dir, exist_ok=True)

    nc_pps, nc_cpu_pps, nc_fail = newsclean(args, pages)
    print("%d HTML pages, one thread, median of %d timed passes after a warm-up"
          % (len(pages), args.runs))
    print("%-18s %10s %12s %12s %12s %9s" % ("program", "pages/s", "newsclean x",
                                             "pages/cpu-s", "newsclean x", "failures"))
    print("%-18s %10.1f %12s %12.1f %12s %9d" % ("newsclean", nc_pps, "", nc_cpu_pps, "",
                                                 nc_fail))
    for name, peer in [("readability.js", readability_js),
                       ("readability-lxml", readability_lxml),
                       ("boilerpipe", boilerpipe)]:
        res, err = peer(args, pages)
        if err:
            print("%-18s skipped (%s)" % (name, err))
            continue
        pps = res["pages"] / statistics.median(res["seconds"])
        cpu_pps = res["pages"] / statistics.median(res["cpu"])
        print("%-18s %10.1f %11.1fx %12.1f %11.1fx %9d" % (
            name, pps, nc_pps / pps, cpu_pps, nc_cpu_pps / cpu_pps, res["failures"]))
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
