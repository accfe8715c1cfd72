#!/usr/bin/env python3
"""check_layers.py - the two rules of lib/'s layout, checked on the build:

1. A stage calls no function of another stage. Each folder under lib/ is a
   stage (input, blocks, lang, features, classify), and so is lib/result.c;
   lib/util/ and lib/rules/ are the base layers every stage may use (and
   which use no stage); lib/newsclean.c is the outline, which calls the
   stages in order. Read from the objects: `nm -u` of each object against
   what the others define (`nm --defined-only`), so a call made through a
   macro or an inline helper counts too.
2. No lib/ function is longer than MAX_LINES lines, from the first line of
   its signature to its closing brace (generated *.gen.c tables aside).

Usage: check_layers.py BUILD_DIR [LIB_DIR]   (exit 1 and one line a fault)
"""
import os
import subprocess
import sys

BASE = {"util", "rules"}
OUTLINE = "outline"
MAX_LINES = 120


def layer_of(rel):
    """The layer of lib/<rel> (a .c or .o path relative to lib/)."""
    parts = rel.split("/")
    if len(parts) > 1:
        return parts[0]
    name = os.path.splitext(parts[0])[0]
    return OUTLINE if name == "newsclean" else name


def nm(args, obj):
    out = subprocess.run(["nm"] + args + [obj], check=True,
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        fields = line.split()
        if len(fields) >= 2:
            yield fields[-2], fields[-1]


def objects(build_lib):
    for root, _, files in os.walk(build_lib):
        for f in sorted(files):
            if f.endswith(".o"):
                path = os.path.join(root, f)
                yield os.path.relpath(path, build_lib), path


def layer_faults(build_lib):
    defined, needs = {}, {}
    for rel, path in objects(build_lib):
        for kind, sym in nm(["--defined-only"], path):
            if kind.isupper():
                defined[sym] = rel
        needs[rel] = [sym for _, sym in nm(["-u"], path)]
    if not needs:
        return ["no objects under %s: build first" % build_lib]
    faults = []
    for rel, syms in sorted(needs.items()):
        mine = layer_of(rel)
        if mine == OUTLINE:
            continue
        for sym in syms:
            if sym not in defined:
                continue  # libxml2, ICU, libc
            theirs = layer_of(defined[sym])
            allowed = theirs == mine or (theirs in BASE and theirs != OUTLINE)
            if mine in BASE:
                allowed = theirs in BASE
            if not allowed:
                faults.append("lib/%s (%s) calls %s of lib/%s (%s)" %
                              (rel[:-2] + ".c", mine, sym, defined[sym][:-2] + ".c",
                               theirs))
    return faults


def blank_out(src):
    """src with comments, strings and character literals made spaces
    (line breaks kept), so braces and semicolons in them do not count."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
        elif c in "\"'":
            j = i + 1
            while j < n and src[j] != c and src[j] != "\n":
                j += 2 if src[j] == "\\" else 1
            j += 1
        else:
            out.append(c)
            i += 1
            continue
        out.append("".join(ch if ch == "\n" else " " for ch in src[i:j]))
        i = j
    return "".join(out)


def functions(path):
    """(name, first line, last line) of each function defined in path."""
    code = blank_out(open(path, encoding="utf-8").read())
    lines = code.split("\n")
    # Preprocessor lines (continued ones too) are no code here.
    keep, cont = [], False
    for line in lines:
        pre = cont or line.lstrip().startswith("#")
        cont = pre and line.rstrip().endswith("\\")
        keep.append("" if pre else line)
    found, depth, head, head_line, start = [], 0, "", None, None
    for no, line in enumerate(keep, 1):
        for c in line:
            if depth == 0:
                if c == "{":
                    sig = head.strip()
                    if sig.endswith(")") and "=" not in sig.split("(")[0]:
                        name = sig.split("(")[0].split()[-1].lstrip("*")
                        start = (name, head_line or no)
                    else:
                        start = None
                    depth = 1
                    continue
                if c == ";":
                    head, head_line = "", None
                    continue
                if not c.isspace() and head_line is None:
                    head_line = no
                head += c
            else:
                depth += c == "{"
                depth -= c == "}"
                if depth == 0:
                    if start:
                        found.append((start[0], start[1], no))
                    head, head_line, start = "", None, None
        if depth == 0 and head:
            head += " "
    return found


def length_faults(lib_dir):
    faults = []
    for root, _, files in os.walk(lib_dir):
        for f in sorted(files):
            if not f.endswith(".c") or f.endswith(".gen.c"):
                continue
            path = os.path.join(root, f)
            for name, first, last in functions(path):
                if last - first + 1 > MAX_LINES:
                    faults.append("%s:%d: %s is %d lines (at most %d)" %
                                  (path, first, name, last - first + 1, MAX_LINES))
    return faults


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    build_lib = os.path.join(argv[1], "lib")
    lib_dir = argv[2] if len(argv) > 2 else "lib"
    faults = layer_faults(build_lib) + length_faults(lib_dir)
    for f in faults:
        print("check-layers: " + f)
    if faults:
        return 1
    print("check-layers: every stage calls only itself and the base layers; "
          "no function over %d lines" % MAX_LINES)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
