#!/bin/sh
# Installs the Debian 12 packages newsclean builds and tests with, when any
# is missing. Needs root (or sudo) only when something must be installed.
# `make check` and `make demo` run it (the `deps` target); .ci/run installs
# the same list up front. Keep the two lists the same.
#   build:    gcc libc6-dev make pkg-config libxml2-dev libicu-dev zlib1g-dev
#   tests:    check (C suites), valgrind, binutils (nm/readelf: install test),
#             groff-base (man page check), python3 + setuptools/pip/wheel
#             (binding and its pip install), python3-dask/-distributed
#             (examples/dask_clean.py test), chromium (renders the CLI's
#             html explain page: tests/test_explain_html.py)
PKGS="gcc libc6-dev make pkg-config libxml2-dev libicu-dev check zlib1g-dev binutils groff-base
      python3 python3-setuptools python3-pip python3-wheel valgrind
      python3-dask python3-distributed chromium"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
# shellcheck disable=SC2086  # $missing is a list of names
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    --no-install-recommends $missing
