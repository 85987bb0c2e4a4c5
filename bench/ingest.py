"""Ingest throughput: pages per second and peak memory for Kenesh (extract + repair + store) on
text-layer PDFs and DOCX built from the seeds, against pdftotext (poppler) on the same PDFs as the
ceiling. Also times the PDF text engines (pypdfium2, pdfplumber) that the PDF reader chose between.

Usage: .venv/bin/python -m bench.ingest   (builds its corpus once into .cache/bench/ingest)
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import docx
import pypdfium2 as pdfium
from docx.enum.text import WD_BREAK

from bench.common import CACHE, need_shared, peak_rss_mb
from core.settings import Settings
from ingest.pipeline import warm_up
from ingest.service import Ingestor

LINES_PER_PAGE = 38
PAGES_PER_FILE = 40
TARGET_PAGES = 320


def build_corpus(shared: Path) -> tuple[list[Path], list[Path]]:
    folder = CACHE / "ingest"
    folder.mkdir(parents=True, exist_ok=True)
    docx_files = sorted(folder.glob("*.docx"))
    pdf_files = sorted(folder.glob("*.pdf"))
    if docx_files and len(pdf_files) == len(docx_files):
        return pdf_files, docx_files
    lines = []
    for seed in sorted((shared / "seeds").glob("*.txt")):
        lines += [ln.strip() for ln in seed.read_text(encoding="utf-8").splitlines() if ln.strip()]
    per_file = LINES_PER_PAGE * PAGES_PER_FILE
    for index in range(0, TARGET_PAGES // PAGES_PER_FILE + 1):
        chunk = [lines[(index * per_file + i) % len(lines)] for i in range(per_file)]
        document = docx.Document()
        for i, line in enumerate(chunk):
            paragraph = document.add_paragraph(line)
            if i and i % LINES_PER_PAGE == 0:
                paragraph.runs[0].add_break(WD_BREAK.PAGE) if paragraph.runs else None
        path = folder / f"seeds_{index:02d}.docx"
        document.save(str(path))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                shutil.which("soffice") or "soffice",
                f"-env:UserInstallation=file://{tmp}/p",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                *map(str, sorted(folder.glob("*.docx"))),
            ],
            check=True,
            capture_output=True,
        )
    return sorted(folder.glob("*.pdf")), sorted(folder.glob("*.docx"))


def pdf_pages(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        total += len(pdf)
        pdf.close()
    return total


def time_kenesh(paths: list[Path]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        ingestor = Ingestor(Settings(data_dir=Path(tmp)))
        warm_up()  # one-time dictionary loading (about a second) is start-up, not throughput
        start = time.perf_counter()
        for path in paths:
            outcome = ingestor.ingest(path)
            assert outcome.status == "ingested", outcome
        return time.perf_counter() - start


def time_pdftotext(paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True)
    return time.perf_counter() - start


def time_engines(paths: list[Path]) -> dict[str, float]:
    import pdfplumber

    out = {}
    start = time.perf_counter()
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        for page in pdf:
            page.get_textpage().get_text_range()
        pdf.close()
    out["pypdfium2"] = time.perf_counter() - start
    start = time.perf_counter()
    for path in paths[:2]:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                page.extract_text()
    out["pdfplumber (2 files)"] = time.perf_counter() - start
    return out


def main() -> None:
    shared = need_shared()
    pdfs, docxs = build_corpus(shared)
    pages = pdf_pages(pdfs)
    print(f"corpus: {len(pdfs)} PDF and {len(docxs)} DOCX files, {pages} pages each format (from the seeds)")
    t_pdf = time_kenesh(pdfs)
    t_docx = time_kenesh(docxs)
    t_ceiling = time_pdftotext(pdfs)
    engines = time_engines(pdfs)
    plumber_pages = pdf_pages(pdfs[:2])
    print(f"kenesh ingest PDF : {pages / t_pdf:8.1f} pages/s ({t_pdf:.2f} s)")
    print(f"kenesh ingest DOCX: {pages / t_docx:8.1f} pages/s ({t_docx:.2f} s)")
    print(f"pdftotext ceiling : {pages / t_ceiling:8.1f} pages/s ({t_ceiling:.2f} s)")
    print(f"ratio kenesh PDF / pdftotext: {t_ceiling / t_pdf:.2f} (target >= 0.33)")
    print(
        f"text engines: pypdfium2 {pages / engines['pypdfium2']:.1f} pages/s, "
        f"pdfplumber {plumber_pages / engines['pdfplumber (2 files)']:.1f} pages/s"
    )
    print(
        f"peak memory: parent {peak_rss_mb():.0f} MB, "
        f"largest reader process {peak_rss_mb(children=True):.0f} MB"
    )


if __name__ == "__main__":
    main()
