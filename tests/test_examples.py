#!/usr/bin/env python3
"""The examples build and give what the CLI gives.

  /usr/bin/python3 tests/test_examples.py     (make check-examples; builds build/examples/)

simple.c and crawler.c (built by make against build/libnewsclean.a),
clean.py (the binding), and dask_clean.py on a LocalCluster of 2 workers
over the seed page and a few sample pages, each compared with the
single-process CLI. The Dask test is skipped when dask.distributed is not
installed (Debian: python3-dask python3-distributed; .ci/run installs them).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "build", "newsclean")
BUILT = os.path.join(ROOT, "build", "examples")
SEED = os.path.join(ROOT, "tests", "data", "seed", "text-lines", "sputnik-cyber-unit.txt")
SAMPLE_PAGES = [os.path.join(ROOT, "tests", "data", p) for p in (
    "seed/text-lines/sputnik-cyber-unit.txt", "wcxb-dev/text-lines/0437.txt",
    "traf-dev/text-lines/flowfx.de.tmux.txt", "traf-dev/text-lines/nhk.or.jp.k100.txt",
    "readability/text-lynx/heise.txt", "traf-dev/text-lines/galore.de.buch.txt")]

try:
    import dask.distributed  # noqa: F401
    HAVE_DASK = True
except ImportError:
    HAVE_DASK = False


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, timeout=300, **kw)


class TestExamples(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="nc-examples-")
        self.pages = os.path.join(self.tmp, "pages")
        os.mkdir(self.pages)
        for p in SAMPLE_PAGES:
            shutil.copy(p, self.pages)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def cli_outputs(self):
        out = os.path.join(self.tmp, "cli")
        os.mkdir(out)
        r = run([CLI, "-o", out] + sorted(os.path.join(self.pages, f)
                                          for f in os.listdir(self.pages)))
        self.assertEqual(r.returncode, 0, r.stderr)
        return out

    def assertSameFolders(self, a, b):
        self.assertEqual(sorted(os.listdir(a)), sorted(os.listdir(b)))
        for name in os.listdir(a):
            with open(os.path.join(a, name), "rb") as f, open(os.path.join(b, name), "rb") as g:
                self.assertEqual(f.read(), g.read(), name)

    def test_simple(self):
        for page in SAMPLE_PAGES:
            r = run([os.path.join(BUILT, "simple"), page])
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, run([CLI, page]).stdout, page)
        self.assertEqual(run([os.path.join(BUILT, "simple")]).returncode, 2)
        self.assertEqual(run([os.path.join(BUILT, "simple"), "/nonexistent"]).returncode, 1)

    def test_crawler(self):
        out = os.path.join(self.tmp, "crawler")
        os.mkdir(out)
        r = run([os.path.join(BUILT, "crawler"), "-t", "3", self.pages, out])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"%d files" % len(SAMPLE_PAGES), r.stdout)
        self.assertSameFolders(out, self.cli_outputs())
        r = run([os.path.join(BUILT, "crawler"), self.pages, "/nonexistent/dir"])
        self.assertEqual(r.returncode, 1)

    def test_clean_py(self):
        r = run([sys.executable, os.path.join(ROOT, "examples", "clean.py"), SEED])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, run([CLI, SEED]).stdout)
        self.assertIn(b"from a string", r.stderr)
        r = run([sys.executable, os.path.join(ROOT, "examples", "clean.py"), "--explain", SEED])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(r.stdout.splitlines()) - 1,
                         len(run([CLI, "--explain", SEED]).stdout.splitlines()) - 1)

    def test_readme_c_example(self):
        """README's C example compiles under -Werror and prints the body."""
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        code = readme.split("```c\n", 1)[1].split("```", 1)[0]
        code += (
            "#include <stdlib.h>\n"
            "int main(int argc, char **argv)\n{\n"
            "    (void)argc;\n"
            "    FILE *f = fopen(argv[1], \"rb\");\n"
            "    static char buf[1 << 20];\n"
            "    size_t n = fread(buf, 1, sizeof buf, f);\n"
            "    fclose(f);\n"
            "    print_body(buf, n);\n"
            "    return 0;\n}\n")
        src = os.path.join(self.tmp, "readme.c")
        with open(src, "w") as f:
            f.write(code)
        exe = os.path.join(self.tmp, "readme")
        libs = subprocess.run(["pkg-config", "--libs", "libxml-2.0", "icu-uc", "icu-i18n",
                               "zlib"],
                              capture_output=True, text=True).stdout.split()
        r = run(["cc", "-std=c11", "-Wall", "-Wextra", "-Wpedantic", "-Werror",
                 "-Wno-missing-prototypes", "-I", os.path.join(ROOT, "include"), src,
                 "-o", exe, os.path.join(ROOT, "build", "libnewsclean.a")] + libs
                + ["-lpthread", "-lm"])
        self.assertEqual(r.returncode, 0, r.stderr)
        got = run([exe, SEED]).stdout.decode()
        want = run([CLI, "--format", "json", SEED]).stdout
        import json
        self.assertEqual(got, "".join(p + "\n" for p in json.loads(want)["paragraphs"]))

    @unittest.skipUnless(HAVE_DASK, "dask.distributed not installed "
                         "(apt-get install python3-dask python3-distributed)")
    def test_dask_two_workers(self):
        out = os.path.join(self.tmp, "dask")
        r = run([sys.executable, os.path.join(ROOT, "examples", "dask_clean.py"),
                 "--workers", "2", "-o", out, self.pages])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"%d pages cleaned, 0 failed" % len(SAMPLE_PAGES), r.stderr)
        self.assertSameFolders(out, self.cli_outputs())

    @unittest.skipUnless(HAVE_DASK, "dask.distributed not installed")
    def test_dask_warc_shards(self):
        """--warc: one task a WARC file, one JSON Lines shard a file, each
        line what `newsclean --warc` writes for the same file."""
        import json
        sys.path.insert(0, os.path.join(ROOT, "tests"))
        import warcgen
        sets = [os.path.join(ROOT, "tests", "data", s)
                for s in ("wcxb-dev", "traf-dev", "readability")]
        warcs = []
        for i, s in enumerate(sets):
            path = os.path.join(self.tmp, "crawl-%d.warc.gz" % i)
            warcgen.write(path, warcgen.crawl_records([s]) + warcgen.wet_records([s]),
                          "gzip-records")
            warcs.append(path)
        out = os.path.join(self.tmp, "shards")
        r = run([sys.executable, os.path.join(ROOT, "examples", "dask_clean.py"),
                 "--workers", "2", "--warc", "-o", out] + warcs)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(out)), ["crawl-0.jsonl", "crawl-1.jsonl",
                                                   "crawl-2.jsonl"])
        total = 0
        for i, path in enumerate(warcs):
            cli = run([CLI, "--warc", path])
            self.assertEqual(cli.returncode, 0, cli.stderr)
            want = [json.loads(l) for l in cli.stdout.decode().splitlines()]
            with open(os.path.join(out, "crawl-%d.jsonl" % i), encoding="utf-8") as f:
                got = [json.loads(l) for l in f]
            self.assertEqual(got, want, path)
            total += len(got)
        self.assertIn(b"3 WARC files, %d pages, 0 failed" % total, r.stderr)

    @unittest.skipUnless(HAVE_DASK, "dask.distributed not installed")
    def test_dask_existing_scheduler(self):
        """--scheduler ADDRESS: the job runs on a cluster started elsewhere."""
        import logging
        from dask.distributed import LocalCluster
        # Its workers start with this process's sys.path (multiprocessing spawn).
        sys.path.insert(0, os.path.join(ROOT, "python"))
        cluster = LocalCluster(n_workers=1, threads_per_worker=2, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        try:
            out = os.path.join(self.tmp, "dask")
            r = run([sys.executable, os.path.join(ROOT, "examples", "dask_clean.py"),
                     "--scheduler", cluster.scheduler_address, "-o", out, self.pages])
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertSameFolders(out, self.cli_outputs())
        finally:
            cluster.close()


if __name__ == "__main__":
    for exe in ("simple", "crawler"):
        if not os.access(os.path.join(BUILT, exe), os.X_OK):
            sys.exit("test_examples.py: build the examples first (make examples)")
    unittest.main(verbosity=2)
