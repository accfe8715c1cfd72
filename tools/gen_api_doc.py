#!/usr/bin/env python3
"""Generates docs/api.md from include/newsclean.h's comments.

  /usr/bin/python3 tools/gen_api_doc.py              (make docs) writes docs/api.md
  /usr/bin/python3 tools/gen_api_doc.py --check      exit 1 when docs/api.md is stale

The header is the one source of the API's documentation: each item's
comment sits right above it (functions, types, macro groups) or after it on
the same line (enum values, struct fields, single macros). This reads those
comments in header order; it knows just enough C for this one header.
"""
import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = os.path.join(ROOT, "include", "newsclean.h")
OUTPUT = os.path.join(ROOT, "docs", "api.md")
SKIP_MACROS = {"NEWSCLEAN_H", "NC_EXPORT"}


def comment_text(lines):
    """The text of a /* ... */ comment, its ' * ' margins removed."""
    text = "\n".join(lines).strip()
    text = re.sub(r"^/\*+", "", text)
    text = re.sub(r"\*+/$", "", text)
    out = []
    for line in text.split("\n"):
        line = re.sub(r"^\s*\* ?", "", line) if line.lstrip().startswith("*") else line.strip()
        out.append(line.rstrip())
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    # A comment written on one indented line (inside a struct) keeps no margin.
    return "\n".join(out)


def split_trailing(line):
    """Code and its trailing /* comment */ on one line."""
    m = re.match(r"(.*?)/\*(.*?)\*/\s*$", line)
    if m:
        return m.group(1).rstrip(), m.group(2).strip()
    return line.rstrip(), ""


def join_lines(lines, i, end_re):
    """Lines from i up to the first matching end_re; (text lines, next i)."""
    out = []
    while i < len(lines):
        out.append(lines[i])
        if re.search(end_re, lines[i]):
            return out, i + 1
        i += 1
    return out, i


def parse(lines):
    """Header items in order: dicts with kind, name, doc and parts."""
    items, doc, i, seen_intro = [], None, 0, False
    last_fn_doc = None  # consecutive declarations under one comment share it
    conditional = 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if s.startswith("/*"):
            block, i = join_lines(lines, i, r"\*/")
            text = comment_text(block)
            if not seen_intro:
                items.append({"kind": "intro", "doc": text})
                seen_intro = True
            else:
                doc = text
            last_fn_doc = None
            continue
        if not s:
            doc, last_fn_doc = None, None
            i += 1
            continue
        if s.startswith(("#if", "#ifdef", "#ifndef")):
            conditional += 1 if "NEWSCLEAN_H" not in s else 0
            i += 1
            continue
        if s.startswith("#endif"):
            conditional = max(0, conditional - 1)
            i += 1
            continue
        if s.startswith(("#elif", "#else", "#include", "extern", "}")) or conditional:
            i += 1
            continue
        if s.startswith("#define"):
            block, i = join_lines(lines, i, r"[^\\]$")
            if "/*" in block[-1] and "*/" not in block[-1]:  # a comment over lines
                more, i = join_lines(lines, i, r"\*/")
                block += more
            text = " ".join(l.rstrip("\\").strip() for l in block)
            code, trailing = split_trailing(text)
            m = re.match(r"#define\s+(\w+)\s*(.*)", code)
            if m and m.group(1) not in SKIP_MACROS:
                value = re.sub(r"\s+", " ", m.group(2)).strip()
                group = items[-1] if items and items[-1]["kind"] == "macros" \
                    and items[-1].get("open") else None
                if group is None or doc is not None:
                    group = {"kind": "macros", "doc": doc, "parts": [], "open": True}
                    items.append(group)
                    doc = None
                group["parts"].append((m.group(1), value, trailing))
            continue
        if items and items[-1]["kind"] == "macros":
            items[-1]["open"] = False
        if s.startswith("typedef enum") or (s.startswith("typedef struct") and s.endswith("{")):
            block, i = join_lines(lines, i, r"^\s*}")
            kind = "enum" if "enum" in block[0] else "struct"
            name = re.search(r"}\s*(\w+)\s*;", block[-1]).group(1)
            parts = []
            members, body = [], block[1:-1]
            while body:  # a member's comment may go on over lines
                member = body.pop(0)
                while "/*" in member and "*/" not in member.split("/*", 1)[1] and body:
                    member += " " + body.pop(0).strip()
                members.append(member)
            for member in members:
                code, trailing = split_trailing(member)
                code = code.strip().rstrip(",;")
                if not code:
                    if trailing and parts:  # a comment continued on the next line
                        parts[-1] = (parts[-1][0], parts[-1][1] + " " + trailing)
                    continue
                parts.append((code, trailing))
            items.append({"kind": kind, "name": name, "doc": doc, "parts": parts})
            doc = None
            continue
        if s.startswith("typedef struct"):
            name = re.search(r"(\w+)\s*;", s).group(1)
            items.append({"kind": "opaque", "name": name, "doc": doc, "code": s})
            doc = None
            i += 1
            continue
        if s.startswith("NC_EXPORT"):
            block, i = join_lines(lines, i, r";")
            code = re.sub(r"\s+", " ", " ".join(l.strip() for l in block))
            code = code.replace("NC_EXPORT ", "").replace("( ", "(")
            name = re.search(r"(\w+)\s*\(", code).group(1)
            fn_doc = doc if doc is not None else last_fn_doc
            items.append({"kind": "function", "name": name, "doc": fn_doc, "code": code})
            last_fn_doc, doc = fn_doc, None
            continue
        i += 1
    return items


def md_prose(text):
    """Comment prose for Markdown: a "<" would start raw HTML; lines
    indented by four spaces are code blocks and stay as they are."""
    if not text:
        return ""
    return "\n".join(l if l.startswith("    ") else l.replace("<", "&lt;")
                     for l in text.split("\n"))


def md_cell(text):
    return md_prose(text).replace("|", "\\|")


def render(items, header_rel):
    out = ["# newsclean C API", "",
           "<!-- Generated by tools/gen_api_doc.py from %s: do not edit; "
           "`make docs` regenerates it. -->" % header_rel, ""]
    intro = [it for it in items if it["kind"] == "intro"]
    if intro:
        out += [md_prose(intro[0]["doc"]), ""]
    out += ["`#include <newsclean.h>`; link with `pkg-config --cflags --libs newsclean`.", ""]
    fns = [it for it in items if it["kind"] == "function"]
    types = [it for it in items if it["kind"] in ("enum", "struct", "opaque")]
    out += ["## Contents", "",
            "- Types: " + ", ".join("[`%s`](#%s)" % (t["name"], t["name"]) for t in types),
            "- Functions: " + ", ".join("[`%s`](#%s)" % (f["name"], f["name"]) for f in fns),
            "- [Macros](#macros)", ""]
    out += ["## Types", ""]
    for it in items:
        if it["kind"] == "enum":
            out += ['### %s' % it["name"], "", md_prose(it["doc"]), "",
                    "| name | value | meaning |", "|---|---|---|"]
            for code, note in it["parts"]:
                name, _, value = code.partition("=")
                out.append("| `%s` | %s | %s |" % (name.strip(), value.strip(), md_cell(note)))
            out.append("")
        elif it["kind"] == "struct":
            out += ['### %s' % it["name"], "", md_prose(it["doc"]), "",
                    "| field | type | meaning |", "|---|---|---|"]
            for code, note in it["parts"]:
                m = re.match(r"(.*?)(\w+)$", code)
                ctype, field = m.group(1).strip(), m.group(2)
                out.append("| `%s` | `%s` | %s |" % (field, ctype, md_cell(note)))
            out.append("")
        elif it["kind"] == "opaque":
            out += ['### %s' % it["name"], "", md_prose(it["doc"]), "",
                    "```c", it["code"], "```", ""]
    out += ["## Functions", ""]
    for it in fns:
        out += ["### %s" % it["name"], "", "```c", it["code"], "```", ""]
        if it["doc"]:
            out += [md_prose(it["doc"]), ""]
    out += ["## Macros", ""]
    groups = [it for it in items if it["kind"] == "macros" and it["doc"]]
    loose = [p for it in items if it["kind"] == "macros" and not it["doc"] for p in it["parts"]]
    if loose:
        groups.append({"doc": "Counts and initialisers.", "parts": loose})
    for it in groups:
        out += [md_prose(it["doc"]), "", "| macro | value | meaning |", "|---|---|---|"]
        for name, value, note in it["parts"]:
            out.append("| `%s` | `%s` | %s |" % (name, value.replace("|", "\\|"),
                                                 md_cell(note)))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when the output is stale")
    ap.add_argument("--header", default=HEADER)
    ap.add_argument("--output", default=OUTPUT)
    a = ap.parse_args()
    with open(a.header, encoding="utf-8") as f:
        lines = f.read().split("\n")
    text = render(parse(lines), os.path.relpath(a.header, ROOT))
    if a.check:
        try:
            with open(a.output, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            sys.stderr.write("%s is stale: run `make docs` and commit it\n" % a.output)
            return 1
        return 0
    with open(a.output, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
