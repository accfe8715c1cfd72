#!/usr/bin/env python3
"""Scores newsclean's Markdown (--format markdown) against a set's gold-md/.

  tools/eval_md.py --set ../shared/data/wcxb-dev --cli build/newsclean

For each page of a set with gold-md/ID.md (the gold body in Markdown):

- token F1 of the Markdown output against gold-md, both with the markup
  stripped (heading hashes, list markers, emphasis, table pipes and rules,
  code fences, link and image targets; link text kept), beside the plain
  output's token F1 against gold/ID.txt (tools/eval.py's figure);
- headings: gold `#` lines whose text comes out as a heading (recall), and
  output headings whose text is a gold heading (precision), the level
  ignored, counted over the whole set; beside it, the precision over the
  output headings whose text the gold has (as a heading, a line, a list
  item or a table cell): headings of text the gold leaves out are the
  extraction's misses, which token F1 counts, not the structure's;
- list items: gold list items whose text comes out as a list item (recall);
- links (with --links, which this script passes): gold links, text and
  URL, found among the output's links (recall).

Texts are compared case-folded, with white space collapsed, quote and dash
styles folded (as snippets are) and the markup stripped. Standard library only (and tools/eval.py beside it).
"""
import argparse
import collections
import json
import os
import re
import shlex
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval as nceval  # noqa: E402

HEADING_RE = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
RULE_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
FENCE_RE = re.compile(r"^\s*(```+|~~~+)")
IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK_RE = re.compile(r"(?<!!)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
EMPHASIS_RE = re.compile(r"(\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|~~)")
ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~=])")


def strip_inline(text):
    """A line's text without inline markup: links keep their text, images
    their alt, emphasis and escapes go."""
    # escaped characters are text: kept aside (as private-use characters)
    # while the markup goes
    text = ESCAPE_RE.sub(lambda m: chr(0xF0000 + ord(m.group(1))), text)
    text = IMAGE_RE.sub(lambda m: m.group(1), text)
    text = LINK_RE.sub(lambda m: m.group(1), text)
    text = EMPHASIS_RE.sub("", text)
    text = text.replace("`", "")
    return re.sub("[\U000F0000-\U000F007F]", lambda m: chr(ord(m.group(0)) - 0xF0000), text)


def md_lines(md):
    """(line, in a code block) for every line of md but the fences."""
    in_code = False
    for line in md.split("\n"):
        if FENCE_RE.match(line):
            in_code = not in_code
        else:
            yield line, in_code


def strip_markdown(md):
    """The plain text of a Markdown document, line by line."""
    out = []
    for line, in_code in md_lines(md):
        if in_code:
            out.append(line)
            continue
        if RULE_RE.match(line):
            continue
        line = re.sub(r"^\s*(>\s*)+", "", line)
        m = HEADING_RE.match(line)
        if m:
            line = m.group(2)
        else:
            m = ITEM_RE.match(line)
            if m:
                line = m.group(1)
        if line.lstrip().startswith("|"):
            line = re.sub(r"(?<!\\)\|", " ", line)
        out.append(strip_inline(line))
    return "\n".join(out)


def norm(text):
    """The form texts are compared in: no markup, case, quote or dash style."""
    return " ".join(strip_inline(text).casefold().translate(nceval.SNIPPET_FOLD).split())


def structure(md):
    """(headings, list items, links) of a Markdown document; links as
    (text, url) pairs."""
    heads, items, links = [], [], []
    for line, in_code in md_lines(md):
        if in_code:
            continue
        for m in LINK_RE.finditer(line):
            links.append((norm(m.group(1)), m.group(2).strip()))
        line = re.sub(r"^\s*(>\s*)+", "", line)
        m = HEADING_RE.match(line)
        if m:
            if norm(m.group(2)):
                heads.append(norm(m.group(2)))
            continue
        m = ITEM_RE.match(line)
        if m and norm(m.group(1)):
            items.append(norm(m.group(1)))
    return heads, items, links


def gold_texts(md):
    """Every text the gold shows as a unit, in norm()'s form: its lines (a
    heading's or list item's text with and without its marker: "1. Step"
    written as a list item is the text of a heading "1. Step") and its
    table cells."""
    texts = set()
    for line, in_code in md_lines(md):
        line = re.sub(r"^\s*(>\s*)+", "", line)
        texts.add(norm(line))
        m = HEADING_RE.match(line) or ITEM_RE.match(line)
        if m and not in_code:
            line = m.group(m.lastindex)
        if line.lstrip().startswith("|") and not in_code:
            texts.update(norm(cell) for cell in re.split(r"(?<!\\)\|", line))
        texts.add(norm(line))
    texts.discard("")
    return texts


def url_form(url):
    return url.rstrip("/")


def matched(gold, found):
    """How many of gold (a list, repeats counted) are in found."""
    have = collections.Counter(found)
    hits = 0
    for g in gold:
        if have[g] > 0:
            have[g] -= 1
            hits += 1
    return hits


def score(set_dir, md_dir, plain_dir):
    manifest = nceval.read_manifest(set_dir)
    tok_md, tok_plain = [], []
    h_gold = h_hit = h_out = h_prec = i_gold = i_hit = l_gold = l_hit = 0
    h_out_known = h_prec_known = 0
    pages = 0
    for row in manifest:
        pid = row["id"]
        gold_md = nceval.read_utf8(os.path.join(set_dir, "gold-md", pid + ".md"))
        if gold_md is None:
            continue
        pages += 1
        out_md = nceval.read_utf8(os.path.join(md_dir, pid + ".md")) or ""
        tok_md.append(nceval.bag_scores(nceval.tokenize(strip_markdown(out_md)),
                                        nceval.tokenize(strip_markdown(gold_md))))
        gold = nceval.read_utf8(os.path.join(set_dir, "gold", pid + ".txt"))
        if plain_dir and gold is not None:
            plain = nceval.read_utf8(os.path.join(plain_dir, pid + ".txt")) or ""
            tok_plain.append(nceval.bag_scores(nceval.tokenize(plain), nceval.tokenize(gold)))
        gh, gi, gl = structure(gold_md)
        oh, oi, ol = structure(out_md)
        h_gold += len(gh)
        h_hit += matched(gh, oh)
        h_out += len(oh)
        h_prec += matched(oh, gh)
        known = gold_texts(gold_md)
        oh_known = [h for h in oh if h in known]
        h_out_known += len(oh_known)
        h_prec_known += matched(oh_known, gh)
        i_gold += len(gi)
        i_hit += matched(gi, oi)
        l_gold += len(gl)
        l_hit += matched([(t, url_form(u)) for t, u in gl], [(t, url_form(u)) for t, u in ol])

    def ratio(a, b):
        return a / b if b else 1.0

    summary = {"set": os.path.basename(os.path.normpath(set_dir)), "pages": pages,
               "md_token": nceval.mean3(tok_md) if tok_md else None,
               "heading_recall": ratio(h_hit, h_gold), "heading_precision": ratio(h_prec, h_out),
               "heading_precision_known": ratio(h_prec_known, h_out_known),
               "headings": h_gold, "item_recall": ratio(i_hit, i_gold), "items": i_gold,
               "link_recall": ratio(l_hit, l_gold), "links": l_gold}
    if tok_plain:
        summary["plain_token"] = nceval.mean3(tok_plain)
    return summary


def run(cli, args, files, out_dir):
    seconds, failures = nceval.run_cleaner([cli] + args, files, out_dir)
    for code, err in failures[:3]:
        sys.stderr.write("cleaner failed (exit %d): %s\n" % (code, err.strip()))
    return not failures


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", required=True, help="a set folder with gold-md/")
    ap.add_argument("--form", default="html", choices=("text-lines", "text-lynx", "html"))
    ap.add_argument("--cli", required=True, help="the cleaner: CLI [ARGS] -o DIR FILE...")
    ap.add_argument("--cli-args", default="", help="extra arguments for the cleaner")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    a = ap.parse_args(argv)
    if not os.path.isdir(os.path.join(a.set, "gold-md")):
        raise SystemExit("eval_md.py: %s has no gold-md/" % a.set)
    extra = shlex.split(a.cli_args)
    ids = [row["id"] for row in nceval.read_manifest(a.set)]
    with tempfile.TemporaryDirectory(prefix="nc-evalmd-") as work:
        files = nceval.prepare_inputs(a.set, a.form, ids, work)
        md_dir, plain_dir = os.path.join(work, "md"), os.path.join(work, "plain")
        os.makedirs(md_dir)
        os.makedirs(plain_dir)
        ok = run(a.cli, extra + ["-f", "markdown", "--links"], files, md_dir)
        ok = run(a.cli, extra, files, plain_dir) and ok
        s = score(a.set, md_dir, plain_dir)
    s["form"] = a.form
    if a.json:
        print(json.dumps(s))
    else:
        print("%s/%s  pages %d  markdown token F1 %.3f (plain %.3f)  headings R %.3f P %.3f"
              " (on gold text %.3f) (%d)  list items R %.3f (%d)  links R %.3f (%d)"
              % (s["set"], s["form"], s["pages"], s["md_token"][2],
                 s.get("plain_token", (0, 0, 0))[2], s["heading_recall"],
                 s["heading_precision"], s["heading_precision_known"], s["headings"],
                 s["item_recall"], s["items"],
                 s["link_recall"], s["links"]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
