#!/usr/bin/env bash
# Install what the tests need and run the whole self-contained suite (lint, types, tests).
# It needs nothing outside this repository.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
bash scripts/services.sh start
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy .
.venv/bin/pytest -q -m "not corpus" tests
