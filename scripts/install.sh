#!/usr/bin/env bash
# Install Kenesh and what it needs on a fresh Debian/Ubuntu machine, idempotently:
#   system tools (LibreOffice for DOC/RTF and dossier PDFs, python3-uno to update their contents,
#   Tesseract with Kyrgyz and Russian, poppler, fonts),
#   a virtualenv in .venv with Kenesh installed in it.
# Usage: bash scripts/install.sh [--test]   (--test also installs what the test suite needs)
set -euo pipefail
cd "$(dirname "$0")/.."

WITH_TEST=0
[ "${1:-}" = "--test" ] && WITH_TEST=1

PACKAGES=(libreoffice-writer-nogui python3-uno tesseract-ocr tesseract-ocr-kir tesseract-ocr-rus poppler-utils
          fonts-dejavu-core fonts-liberation python3-venv)
[ "$WITH_TEST" = 1 ] && PACKAGES+=(redis-server libreoffice-calc-nogui)  # calc: the tests build spreadsheets

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing system packages: ${missing[*]}" >&2
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
if [ "$WITH_TEST" = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[server,scale,test]"
else
  .venv/bin/python -m pip install -q -e .
fi
echo "Kenesh installed: .venv/bin/kenesh" >&2
