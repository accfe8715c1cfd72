#!/usr/bin/env python3
"""dask_clean.py - clean many pages over a Dask cluster.

  /usr/bin/python3 examples/dask_clean.py -o OUT PAGE_OR_DIR...            # LocalCluster, 2 workers
  /usr/bin/python3 examples/dask_clean.py --workers 4 -o OUT pages/
  /usr/bin/python3 examples/dask_clean.py --scheduler tcp://host:8786 -o OUT pages/

Writes OUT/NAME.txt for each page (its last extension replaced), exactly
what `newsclean -o OUT PAGE...` writes. The client reads the pages and
sends their bytes, and gets the text back, so the workers need newsclean
(the module and libnewsclean) but not the files; at most a few pages a
worker are in flight at once. Debian 12: apt-get install python3-dask
python3-distributed.
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
    ap.add_argument("paths", nargs="+", help="pages, or folders of pages")
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
