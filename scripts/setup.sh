#!/usr/bin/env bash
# Installs what mubiao needs to build, test and run, from Debian 12 packages
# and npm packages from the committed lockfile (ECharts for the portal,
# playwright-core for its browser test).
# Quick when everything is already there: it only asks apt when a package is
# missing. Run as root (or with sudo available).
set -euo pipefail
cd "$(dirname "$0")/.."

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
  libpq-dev                          # PostgreSQL, the database server backend (libpq)
  postgresql-15                      # a throwaway PostgreSQL server for the store's tests
  libgtest-dev                       # unit tests
  clang libclang-rt-14-dev           # libFuzzer fuzz targets
  python3                            # tools/ scripts that regenerate data files
  libboost1.74-dev                   # the portal's HTTP server (Boost.Beast, Asio)
  libctemplate-dev                   # the portal's HTML templates (auto-escaping)
  libgd-dev fonts-dejavu-core        # the portal's captcha images (libgd + FreeType, DejaVu font)
  libsodium-dev                      # moderator passwords (Argon2id), tokens, CSRF MACs
  zlib1g-dev                         # gzip for pages and assets
  libxlsxwriter-dev                  # supervision ledgers as .xlsx
  python3-openpyxl                   # tests read the .xlsx back as a spreadsheet would
  chromium fonts-wqy-microhei        # the portal's browser test (headless) with Chinese glyphs
  nginx-light                        # the load balancer of the multi-process portal test
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

# Node.js and npm (Debian's, unless a Node.js with its own npm is there).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup: installing nodejs npm"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi

# npm packages exactly as locked, again only when the lockfile changed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
