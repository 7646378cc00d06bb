#!/usr/bin/env bash
# Installs Debian packages, only when one is missing (so a second run is quick).
#   runtime: what Bluelight itself needs (Pango and fonts, for PDF reports)
#   test:    what the test suite adds (a real PostgreSQL server, Chromium for the browser tests,
#            LibreOffice to prove the DOCX and ODT reports convert to PDF)
set -euo pipefail
declare -A groups=(
  [runtime]="libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation"
  [test]="postgresql chromium libreoffice-writer-nogui libreoffice-calc-nogui"
)
[ $# -gt 0 ] || set -- runtime test
packages=()
for group in "$@"; do
  for p in ${groups[$group]:?unknown package group $group}; do packages+=("$p"); done
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
