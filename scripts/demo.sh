#!/usr/bin/env bash
# The main job on the embedded default: install, then ingest the bundled examples into
# $KENESH_DATA_DIR (default: ./.data), show the first document, record two positions on it, and build
# the protocol dossier of a reconciliation meeting into ./out. No server needed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export KENESH_DATA_DIR="${KENESH_DATA_DIR:-$PWD/.data}"
K=.venv/bin/kenesh
$K ingest examples/
$K show 1 | head -40
MEETING=1
if [ "$($K position list 1 --json)" = "[]" ]; then  # a second run reuses what the first recorded
  $K position add 1 --article 1 --org lsg-union --stance objects \
    --text "Мектепке чейинки уюмдардын имараттарын күтүү компенсациясыз жергиликтүү бюджетке жүктөлөт." \
    --cost "48 600 000" --cost-period жылына --basis "Бюджеттик кодекстин 49-беренесинин 3-бөлүгү"
  $K position add 1 --article 1 --org minfin --stance supports \
    --text "Чыгымдар теңдештирүүчү гранттын курамында каралат." --cost "30 000 000" --cost-period жылына
  MEETING=$($K meeting create --kind budget-committee --date 2026-11-30 --place Бишкек \
    --title "2027-жылдын бюджети боюнча бюджет аралык мамилелерди макулдашуу" --json \
    | .venv/bin/python -c "import json, sys; print(json.load(sys.stdin)['id'])")
  $K meeting add-item "$MEETING" 1
fi
$K dossier build "$MEETING" --lang ky -o out/protocol-ky.docx
$K dossier build "$MEETING" --lang ru -o out/protocol-ru.pdf
$K conclusion build 1 --lang ky -o out/conclusion-ky.docx
