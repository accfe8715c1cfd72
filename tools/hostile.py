#!/usr/bin/python3
"""hostile.py - write the pathological pages newsclean must clean in linear time.

    tools/hostile.py DIR [SCALE]     writes DIR/NAME.html for every generator

SCALE multiplies each generator's repeat count (1: the sizes in
docs/security.md; 10: the 10x column). tests/check_hostile.c builds the same
pages in C; this script is for timing the CLI by hand.
"""
import os
import sys


def unclosed_b(n):
    return "<html><body><p>" + "<b>x" * n + "</p></body></html>"


def unclosed_div(n):
    return "<html><body><div>" + "<font><i><em>x" * (n // 3) + "</div></body></html>"


def title_h1(n):
    t = " ".join("t%d" % i for i in range(n))
    h = " ".join("h%d" % i for i in range(n))
    return "<html><head><title>%s</title></head><body><h1>%s</h1><p>x</p></body></html>" % (t, h)


def jsonld_body(n):
    body = "paragraph number " * (n * 8 // 17)
    ps = "".join("<p>paragraph number %d</p>" % i for i in range(n))
    return ('<html><head><script type="application/ld+json">{"@type":"NewsArticle",'
            '"articleBody":"%s"}</script></head><body>%s</body></html>' % (body, ps))


def combining(n):
    return "<html><body><p>a" + "\u0301\u0323\u0308" * n + "</p></body></html>"


def attributes(n):
    return "<html><body><p " + " ".join("a%d=x" % i for i in range(n)) + ">x</p></body></html>"


GENERATORS = [
    ("unclosed-b", unclosed_b, 100000),
    ("unclosed-div", unclosed_div, 100000),
    ("title-h1", title_h1, 80000),
    ("jsonld-body", jsonld_body, 80000),
    ("combining", combining, 100000),
    ("attributes", attributes, 100000),
]


def main():
    out = sys.argv[1]
    scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1
    os.makedirs(out, exist_ok=True)
    for name, gen, n in GENERATORS:
        with open(os.path.join(out, name + ".html"), "w", encoding="utf-8") as f:
            f.write(gen(int(n * scale)))


if __name__ == "__main__":
    main()
