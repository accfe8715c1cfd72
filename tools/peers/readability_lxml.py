"""readability_lxml.py - times readability-lxml (Debian python3-readability)
over pages loaded into memory first; tools/bench_peers.py runs it.

    python3 readability_lxml.py RUNS PAGE...

Prints one JSON line: pages, bytes, the seconds of each timed run (wall
and CPU), failures. Start-up, loading and one warm-up pass are not timed. Pages are
handed over as bytes: readability-lxml detects the charset itself, as
newsclean does inside its timed call.
"""
import gzip
import json
import logging
import sys
import time

from readability import Document


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if path.endswith(".gz") else data


def one_pass(pages):
    failures = 0
    c0 = time.process_time()
    t0 = time.perf_counter()
    for html in pages:
        try:
            Document(html).summary()
        except Exception:  # a peer's failure on one page is counted, not fatal
            failures += 1
    return time.perf_counter() - t0, failures, time.process_time() - c0


def main():
    logging.disable(logging.CRITICAL)  # readability logs every page
    runs = int(sys.argv[1])
    pages = [load(p) for p in sys.argv[2:]]
    _, failures, _ = one_pass(pages)  # warm-up
    timed = [one_pass(pages) for _ in range(runs)]
    print(json.dumps({"peer": "readability-lxml", "pages": len(pages),
                      "bytes": sum(map(len, pages)),
                      "seconds": [t[0] for t in timed],
                      "cpu": [t[2] for t in timed], "failures": failures}))


if __name__ == "__main__":
    main()
