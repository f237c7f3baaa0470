#!/usr/bin/env bash
# Installs what mubiao needs to build, test and run, from Debian 12 packages
# (and, once the portal lands, npm packages from the committed lockfile).
# Quick when everything is already there: it only asks apt when a package is
# missing. Run as root (or with sudo available).
set -euo pipefail

# One line per package, with why it is needed (the README lists the same).
PACKAGES=(
  g++ cmake ninja-build pkg-config   # compiler and build
  libicu-dev                         # encodings (GB18030, UTF-16) and Unicode
  libxml2-dev                        # HTML pages and the XML inside .docx
  libzip-dev                         # .docx files are zip archives
  libpoppler-cpp-dev                 # PDF text
  libcli11-dev                       # command-line parsing
  nlohmann-json3-dev                 # JSON Lines input, JSON output
  libsqlite3-dev                     # the embedded database and its FTS5 full-text index
  libgtest-dev                       # unit tests
  clang libclang-rt-14-dev           # libFuzzer fuzz targets
  python3                            # tools/ scripts that regenerate data files
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
