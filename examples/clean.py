#!/usr/bin/env python3
"""clean.py - the Python binding on a file and on a string.

  /usr/bin/python3 examples/clean.py PAGE          # a file (bytes: charset detected)
  /usr/bin/python3 examples/clean.py --explain PAGE

Run from a checkout it uses python/newsclean.py and build/libnewsclean.so;
after `pip install ./python` and `make install` it uses the installed ones.
"""
import os
import sys

try:
    import newsclean
except ImportError:  # a checkout: the module is in ../python
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
    import newsclean


def main(argv):
    explain = "--explain" in argv
    paths = [a for a in argv if a != "--explain"]
    if len(paths) != 1:
        sys.exit("usage: clean.py [--explain] PAGE")

    # A file: pass the bytes as they are, so the page's charset is detected.
    with open(paths[0], "rb") as f:
        data = f.read()
    if explain:
        page = newsclean.analyse(data)
        print("# %s (%s, %.2f), title: %s" % (paths[0], page.language,
                                              page.language_confidence, page.title))
        for b in page.blocks:
            print("%s %-11s %-15s %s" % ("+" if b.kept else "-", b.label, b.reason, b.text))
        return 0
    try:
        paragraphs = newsclean.clean(data)
    except newsclean.NewscleanError as e:
        sys.exit("%s: %s" % (paths[0], e))
    print("\n\n".join(paragraphs))

    # A string: already text, so no charset to detect; options are keywords.
    text = ("Home | News | Sport\n"
            "The council approved the new budget on Monday after a debate that "
            "lasted most of the night, the mayor's office said.\n"
            "Share this article\n")
    kept = newsclean.clean(text, input="text", language="en", recall_bias=0.0)
    print("\n# from a string: %d of 3 lines kept" % len(kept), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
