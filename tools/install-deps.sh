#!/bin/sh
# Installs the Debian 12 packages newsclean builds and tests with, when any
# is missing. Needs root (or sudo) only when something must be installed.
PKGS="gcc make pkg-config libxml2-dev libicu-dev check zlib1g-dev python3 valgrind"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
