#!/usr/bin/python3
"""Builds tests/cases/lang/NAME.{txt,html,expected,drop} from src/NAME.src:
    /usr/bin/python3 tests/cases/lang/make_pages.py tests/cases/lang tests/cases/lang/src/*.src
A source line is KIND<space>TEXT: N nav, T title, S sub-heading, B byline,
P body, C caption/credit, RH related heading, R related item, U UI prompt,
L legal/footer, F foreign UI string. First line: 'lang CODE [rtl]'."""
import html, os, sys

DROP = {"N", "C", "RH", "R", "U", "L", "F"}

def build(src, outdir):
    name = os.path.basename(src)[:-4]
    lines = [l.rstrip("\n") for l in open(src, encoding="utf-8") if l.strip() and not l.startswith("#")]
    head = lines[0].split()
    assert head[0] == "lang"
    lang, rtl = head[1], "rtl" in head[2:]
    items = []
    for l in lines[1:]:
        kind, _, text = l.partition(" ")
        assert kind in DROP | {"T", "S", "B", "P"}, l
        items.append((kind, text.strip()))
    body = [t for k, t in items if k == "P"]
    drop = [("[foreign] " if k == "F" else "") + t for k, t in items if k in DROP]
    title = next((t for k, t in items if k == "T"), "")
    with open(os.path.join(outdir, name + ".txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(t for _, t in items) + "\n")
    with open(os.path.join(outdir, name + ".expected"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(body) + "\n")
    with open(os.path.join(outdir, name + ".drop"), "w", encoding="utf-8") as f:
        f.write("\n".join(drop) + "\n")
    first = next(i for i, (k, _) in enumerate(items) if k in "TBP")
    last = max(i for i, (k, _) in enumerate(items) if k == "P")
    e = html.escape
    out = ['<!DOCTYPE html>', '<html lang="%s"%s>' % (lang, ' dir="rtl"' if rtl else ""),
           '<head><meta charset="utf-8"><title>%s</title></head>' % e(title), '<body>']
    group = None
    def close():
        nonlocal group
        if group in ("N",):
            out.append("</ul></nav></header>")
        elif group in ("R",):
            out.append("</ul></aside>")
        group = None
    for i, (k, t) in enumerate(items):
        if i == first:
            close()
            out.append('<main><article>')
        g = "R" if k in ("R", "RH") else k
        if g != group or k == "RH":
            close()
            if k == "N":
                out.append('<header><nav class="menu"><ul>')
            elif g == "R":
                out.append('<aside class="related">' + ('<h3>%s</h3>' % e(t) if k == "RH" else "") + "<ul>")
            group = g if g in ("N", "R") else None
            if k == "RH":
                continue
        if k == "N":
            out.append('<li><a href="/%d">%s</a></li>' % (i, e(t)))
        elif k == "R":
            out.append('<li><a href="/story/%d">%s</a></li>' % (i, e(t)))
        elif k == "T":
            out.append("<h1>%s</h1>" % e(t))
        elif k == "S":
            out.append("<h2>%s</h2>" % e(t))
        elif k == "B":
            out.append('<p class="byline">%s</p>' % e(t))
        elif k == "P":
            out.append("<p>%s</p>" % e(t))
        elif k == "C":
            out.append('<figure><img src="/img/%d.jpg" alt=""><figcaption>%s</figcaption></figure>' % (i, e(t)))
        elif k == "U":
            out.append('<div class="newsletter-box"><p>%s</p><button>OK</button></div>' % e(t))
        elif k == "L":
            out.append("<footer><p>%s</p></footer>" % e(t))
        elif k == "F":
            out.append('<div class="tools"><a href="#">%s</a></div>' % e(t))
        if i == last:
            close()
            out.append("</article></main>")
    close()
    out.append("</body></html>")
    with open(os.path.join(outdir, name + ".html"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")

for src in sys.argv[2:]:
    build(src, sys.argv[1])
