#!/usr/bin/env python3
"""Peak memory of `newsclean --warc` on a generated WARC of about 1 GB: it
must stay under 200 MB, since the reader holds one record at a time.

  /usr/bin/python3 tests/test_warc_large.py --cli build/newsclean [--size-mb 1024] SET...
  (make check-large-warc, part of make check-large)

The file (pages of the SETs over and over, an 8 MB image record after
every 400) is written to build/ and deleted afterwards.
"""
import argparse
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
import warcgen  # noqa: E402

LIMIT_MB = 200


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "newsclean"))
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--jobs", default="2")
    ap.add_argument("--layout", default="gzip-records", choices=("plain", "gzip-records"))
    ap.add_argument("sets", nargs="+")
    a = ap.parse_args()
    path = os.path.join(ROOT, "build", "large-%d.warc" % os.getpid())
    try:
        t = time.time()
        pages = warcgen.large(a.sets, a.size_mb, path, a.layout)
        size = os.path.getsize(path)
        print("check-large-warc: %s: %.0f MB, %d pages, written in %.0f s"
              % (path, size / 1e6, pages, time.time() - t))
        t = time.time()
        r = subprocess.run([a.cli, "--warc", "-j", a.jobs, path], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=3600)
        secs = time.time() - t
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        lines = r.stdout.count(b"\n")
        print("check-large-warc: newsclean --warc -j %s: %d pages in %.0f s, peak RSS %.1f MB "
              "(limit %d MB)" % (a.jobs, lines, secs, peak_mb, LIMIT_MB))
        print(r.stderr.decode("utf-8", "replace").strip())
        ok = r.returncode == 0 and lines == pages and peak_mb < LIMIT_MB
        if not ok:
            print("check-large-warc: FAILED (exit %d, %d of %d pages, %.1f MB)"
                  % (r.returncode, lines, pages, peak_mb))
            return 1
        print("check-large-warc: ok")
        return 0
    finally:
        if os.path.exists(path):
            os.unlink(path)


if __name__ == "__main__":
    sys.exit(main())
