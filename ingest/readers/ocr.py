"""OCR with Tesseract (Debian's ``tesseract-ocr-kir`` and ``-rus``), one page image at a time.

The TSV output gives per-word confidences, so OCR'd text carries a mean confidence a user can judge.
"""

from __future__ import annotations

import csv
import io
import subprocess
from dataclasses import dataclass
from pathlib import Path

from core.errors import OcrFailed
from core.settings import Settings


@dataclass(frozen=True)
class OcrPage:
    text: str
    confidence: float  # mean word confidence, 0..100
    words: int


def _tsv_to_page(tsv: str) -> OcrPage:
    lines: dict[tuple[int, int, int, int], list[str]] = {}
    confs: list[float] = []
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        word = (row.get("text") or "").strip()
        try:
            conf = float(row.get("conf") or -1)
        except ValueError:
            conf = -1
        if not word or conf < 0:
            continue
        key = (int(row["page_num"]), int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        lines.setdefault(key, []).append(word)
        confs.append(conf)
    out: list[str] = []
    previous: tuple[int, int, int] | None = None
    for key in sorted(lines):
        paragraph = key[:3]
        if previous is not None and paragraph != previous:
            out.append("")
        out.append(" ".join(lines[key]))
        previous = paragraph
    mean = sum(confs) / len(confs) if confs else 0.0
    return OcrPage(text="\n".join(out), confidence=round(mean, 2), words=len(confs))


def ocr_image(image: Path, settings: Settings) -> OcrPage:
    """Run Tesseract on one image file and return its text with the mean word confidence."""
    cmd = [settings.tesseract_bin, str(image), "stdout", "-l", settings.ocr_languages, "--psm", "3", "tsv"]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=settings.convert_timeout_s, check=False)
    except FileNotFoundError as exc:
        raise OcrFailed("Tesseract is not installed (run scripts/install.sh).") from exc
    except subprocess.TimeoutExpired as exc:
        raise OcrFailed(f"OCR took longer than {settings.convert_timeout_s:.0f} s.") from exc
    if proc.returncode != 0:
        raise OcrFailed(f"Tesseract failed: {proc.stderr.decode(errors='replace').strip()[:300]}")
    return _tsv_to_page(proc.stdout.decode("utf-8", errors="replace"))
