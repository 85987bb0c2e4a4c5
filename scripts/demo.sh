#!/usr/bin/env bash
# The main job on the embedded default: install, then ingest the bundled examples into
# $KENESH_DATA_DIR (default: ./.data) and show the first document. No server needed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export KENESH_DATA_DIR="${KENESH_DATA_DIR:-$PWD/.data}"
.venv/bin/kenesh ingest examples/
.venv/bin/kenesh show 1 | head -40
