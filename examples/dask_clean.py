#!/usr/bin/env python3
"""dask_clean.py - clean many pages over a Dask cluster.

  /usr/bin/python3 examples/dask_clean.py -o OUT PAGE_OR_DIR...            # LocalCluster, 2 workers
  /usr/bin/python3 examples/dask_clean.py --workers 4 -o OUT pages/
  /usr/bin/python3 examples/dask_clean.py --scheduler tcp://host:8786 -o OUT pages/
  /usr/bin/python3 examples/dask_clean.py --warc -o OUT crawl-*.warc.gz    # JSONL shards

Writes OUT/NAME.txt for each page (its last extension replaced), exactly
what `newsclean -o OUT PAGE...` writes. The client reads the pages and
sends their bytes, and gets the text back, so the workers need newsclean
(the module and libnewsclean) but not the files; at most a few pages a
worker are in flight at once.

With --warc, each argument is a WARC or WET file and one task a file:
the worker reads it with newsclean.iter_warc (one record at a time) and
writes OUT/NAME.jsonl (NAME: the file's name without .gz and its last
extension), one JSON line a page as `newsclean --warc FILE` writes them,
through a temporary file renamed at the end. So the workers need the WARC
files and OUT on a file system they share with the client.

Debian 12: apt-get install python3-dask python3-distributed.
"""
import argparse
import logging
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKOUT_PYTHON = os.path.join(HERE, "..", "python")


def clean_page(data):
    """Runs on a worker: the text the CLI would write for this page."""
    import newsclean  # imported on the worker, not pickled from the client
    paragraphs = newsclean.clean(data)
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


def clean_warc(path, out_path):
    """Runs on a worker: one WARC file -> one JSON Lines shard. Returns the
    pages written and the problems (broken records, pages that failed)."""
    import json
    import warnings
    import newsclean
    tmp = "%s.%d.tmp" % (out_path, os.getpid())
    pages = 0
    with warnings.catch_warnings(record=True) as problems:
        warnings.simplefilter("always")
        with open(tmp, "w", encoding="utf-8") as f:
            for result in newsclean.iter_warc(path):
                f.write(json.dumps(newsclean.jsonl_object(result), ensure_ascii=False) + "\n")
                pages += 1
    os.replace(tmp, out_path)
    return pages, [str(w.message) for w in problems]


def shard_name(path):
    base = os.path.basename(path)
    if base.endswith(".gz"):
        base = base[:-3]
    dot = base.rfind(".")
    return (base[:dot] if dot > 0 else base) + ".jsonl"


def run_warc(client, paths, out):
    """One task a WARC file; returns the exit status."""
    from dask.distributed import as_completed
    names = [shard_name(p) for p in paths]
    if len(set(names)) != len(names):
        print("dask_clean.py: two WARC files would write one shard", file=sys.stderr)
        return 2
    futures = {client.submit(clean_warc, os.path.abspath(p), os.path.join(os.path.abspath(out), n),
                             pure=False): p for p, n in zip(paths, names)}
    pages = failed = 0
    for fut in as_completed(futures):
        path = futures[fut]
        try:
            n, problems = fut.result()
        except Exception as e:  # the file could not be read: report it, go on
            print("dask_clean.py: %s: %s" % (path, e), file=sys.stderr)
            failed += 1
            continue
        pages += n
        failed += len(problems)
        for p in problems:
            print("dask_clean.py: %s" % p, file=sys.stderr)
    print("%d WARC files, %d pages, %d failed" % (len(paths), pages, failed), file=sys.stderr)
    return 1 if failed else 0


def pages(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                full = os.path.join(p, name)
                if os.path.isfile(full) and not name.startswith("."):
                    yield full
        else:
            yield p


def output_name(path):
    base = os.path.basename(path)
    dot = base.rfind(".")
    return (base[:dot] if dot > 0 else base) + ".txt"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", required=True, help="folder for NAME.txt")
    ap.add_argument("--scheduler", help="address of a running scheduler (tcp://host:8786)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster workers (default 2)")
    ap.add_argument("--warc", action="store_true",
                    help="the paths are WARC or WET files: OUT/NAME.jsonl a file")
    ap.add_argument("paths", nargs="+", help="pages, or folders of pages (WARC files with --warc)")
    a = ap.parse_args(argv)

    # From a checkout, workers started here find python/newsclean.py too.
    if os.path.exists(os.path.join(CHECKOUT_PYTHON, "newsclean.py")):
        sys.path.insert(0, CHECKOUT_PYTHON)
        os.environ["PYTHONPATH"] = os.pathsep.join(
            [os.path.abspath(CHECKOUT_PYTHON)] + [p for p in [os.environ.get("PYTHONPATH")] if p])
    from dask.distributed import Client, LocalCluster, as_completed

    os.makedirs(a.output, exist_ok=True)
    cluster = None
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    failed = done = 0
    try:
        if a.warc:
            return run_warc(client, a.paths, a.output)
        window = 4 * max(1, len(client.scheduler_info()["workers"]))
        todo = iter(pages(a.paths))
        running = as_completed()
        names = {}

        def submit_next():
            path = next(todo, None)
            if path is None:
                return False
            with open(path, "rb") as f:
                fut = client.submit(clean_page, f.read(), pure=False)
            names[fut.key] = path
            running.add(fut)
            return True

        for _ in range(window):
            if not submit_next():
                break
        for fut in running:
            path = names.pop(fut.key)
            try:
                text = fut.result()
            except Exception as e:  # report the page, go on with the others
                print("dask_clean.py: %s: %s" % (path, e), file=sys.stderr)
                failed += 1
            else:
                with open(os.path.join(a.output, output_name(path)), "w",
                          encoding="utf-8") as f:
                    f.write(text)
                done += 1
            submit_next()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print("%d pages cleaned, %d failed" % (done, failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
