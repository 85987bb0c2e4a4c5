"""PDF export of a built DOCX through LibreOffice headless (the same converter ingest uses)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from core.errors import ConversionFailed, RenderFailed
from core.settings import Settings
from ingest.readers.legacy import convert_with_soffice


def docx_to_pdf(docx: bytes, settings: Settings) -> bytes:
    with tempfile.TemporaryDirectory(prefix="kenesh-pdf-") as tmp:
        source = Path(tmp) / "dossier.docx"
        source.write_bytes(docx)
        try:
            produced = convert_with_soffice(source, "pdf:writer_pdf_Export", settings, Path(tmp))
        except ConversionFailed as exc:
            raise RenderFailed(f"LibreOffice could not render the PDF: {exc.message}") from exc
        return produced.read_bytes()
