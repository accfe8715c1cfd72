#!/bin/bash
# test_install.sh - `make install` and `make uninstall` as a user runs them.
#
#   bash tests/test_install.sh            (make check-install; run from the repo root)
#
# Installs into a temporary prefix (and once more through DESTDIR), builds
# examples/simple.c with `pkg-config --cflags --libs newsclean` (shared) and
# `--static` (libnewsclean.a), runs both on the seed page, checks that the
# .so exports only nc_* symbols, uninstalls and checks nothing is left.
set -euo pipefail

MAKE=${MAKE:-make}
CC=${CC:-cc}
SEED=tests/data/seed/text-lines/sputnik-cyber-unit.txt
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nc-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "test_install.sh: FAIL: $*" >&2; exit 1; }

prefix=$tmp/prefix
"$MAKE" -s install PREFIX="$prefix" >/dev/null

for f in include/newsclean.h lib/libnewsclean.so lib/libnewsclean.so.0 lib/libnewsclean.a \
         lib/pkgconfig/newsclean.pc bin/newsclean share/man/man1/newsclean.1; do
    [ -e "$prefix/$f" ] || fail "$f not installed"
done

export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
pkg-config --exists newsclean || fail "pkg-config does not find newsclean"
[ "$(pkg-config --modversion newsclean)" = "$(./build/newsclean --version | cut -d' ' -f2)" ] ||
    fail "pkg-config version differs from the CLI's"
grep -qx "prefix=$prefix" "$prefix/lib/pkgconfig/newsclean.pc" || fail ".pc names another prefix"

# Shared: the example finds the library through the rpath given here.
libdir=$(pkg-config --variable=libdir newsclean)
# shellcheck disable=SC2046  # pkg-config's flags are meant to split
"$CC" -std=c11 -Wall -Wextra -Werror -o "$tmp/simple-shared" examples/simple.c \
    $(pkg-config --cflags --libs newsclean) -Wl,-rpath,"$libdir"
readelf -d "$tmp/simple-shared" | grep -q 'NEEDED.*libnewsclean\.so\.0' ||
    fail "shared example does not link libnewsclean.so.0"

# Static: libnewsclean.a plus the private libraries pkg-config --static lists.
static_libs=$(pkg-config --static --libs newsclean | sed 's/-lnewsclean//')
# shellcheck disable=SC2046,SC2086
"$CC" -std=c11 -Wall -Wextra -Werror -o "$tmp/simple-static" examples/simple.c \
    $(pkg-config --cflags newsclean) "$libdir/libnewsclean.a" $static_libs
if readelf -d "$tmp/simple-static" | grep -q 'NEEDED.*libnewsclean'; then
    fail "static example still needs libnewsclean.so"
fi

want=$(./build/newsclean "$SEED")
[ -n "$want" ] || fail "the CLI gave nothing for the seed page"
[ "$("$tmp/simple-shared" "$SEED")" = "$want" ] || fail "shared example output differs from the CLI"
[ "$("$tmp/simple-static" "$SEED")" = "$want" ] || fail "static example output differs from the CLI"
[ "$("$prefix/bin/newsclean" "$SEED")" = "$want" ] || fail "installed CLI output differs"
if "$tmp/simple-shared" "$tmp/no-such-file" 2>/dev/null; then fail "example exit 0 on a missing file"; fi

# The .so exports the API and nothing else.
others=$(nm -D --defined-only "$prefix/lib/libnewsclean.so" | awk '{print $3}' | grep -v '^nc_' || true)
[ -z "$others" ] || fail "exported symbols outside nc_*: $others"
nm -D --defined-only "$prefix/lib/libnewsclean.so" | grep -q ' T nc_clean$' || fail "nc_clean not exported"
readelf -d "$prefix/lib/libnewsclean.so" | grep -q 'SONAME.*libnewsclean\.so\.0' || fail "no SONAME"

"$MAKE" -s uninstall PREFIX="$prefix" >/dev/null
left=$(find "$prefix" ! -type d)
[ -z "$left" ] || fail "left after uninstall: $left"

# DESTDIR: staged under DESTDIR, naming PREFIX (as a package build does).
"$MAKE" -s install PREFIX=/opt/nc DESTDIR="$tmp/stage" >/dev/null
[ -e "$tmp/stage/opt/nc/lib/libnewsclean.so.0" ] || fail "DESTDIR install missing the .so"
grep -qx 'prefix=/opt/nc' "$tmp/stage/opt/nc/lib/pkgconfig/newsclean.pc" ||
    fail "DESTDIR .pc does not name PREFIX"
"$MAKE" -s uninstall PREFIX=/opt/nc DESTDIR="$tmp/stage" >/dev/null
left=$(find "$tmp/stage" ! -type d)
[ -z "$left" ] || fail "left after DESTDIR uninstall: $left"

echo "test_install.sh: ok"
