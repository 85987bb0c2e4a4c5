"""PDF: the text layer through pypdfium2 (the fastest here, see bench/ingest.py), OCR for pages without one.

pdfplumber stays available for callers that need words' positions or tables (``pdf_words``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, ClassVar

import pypdfium2 as pdfium

from core.errors import CorruptDocument, EncryptedDocument, TooLarge
from core.settings import Settings
from ingest.readers.base import Extraction, Probe
from ingest.readers.ocr import ocr_image


def open_pdf(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        text = str(exc).lower()
        if "password" in text or "security" in text:
            raise EncryptedDocument(
                "The PDF is protected with a password; save an unprotected copy and ingest that."
            ) from exc
        raise CorruptDocument(f"The PDF is damaged and cannot be opened ({exc}).") from exc


def page_has_images(page: Any) -> bool:
    try:
        return any(obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=2))
    except Exception:  # a broken object tree: treat as image-bearing so OCR is tried
        return True


class PdfReader:
    name: ClassVar[str] = "pdf"

    def score(self, probe: Probe) -> int:
        if probe.head[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in probe.head[:1024]:
            return 100
        return 0

    def read(self, path: Path, settings: Settings) -> Extraction:
        pdf = open_pdf(path)
        try:
            count = len(pdf)
            if count > settings.max_pages:
                raise TooLarge(f"The PDF has {count} pages, above the limit of {settings.max_pages}.")
            pages: list[str] = []
            ocr_pages: list[int] = []
            confidences: list[float] = []
            for index in range(count):
                try:
                    page = pdf[index]
                except pdfium.PdfiumError as exc:
                    raise CorruptDocument(f"Page {index + 1} of the PDF is damaged ({exc}).") from exc
                textpage = page.get_textpage()
                text = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
                textpage.close()
                if len("".join(text.split())) < settings.ocr_min_chars and page_has_images(page):
                    result = self._ocr_page(page, settings)
                    text = result[0]
                    ocr_pages.append(index + 1)
                    confidences.append(result[1])
                page.close()
                pages.append(text)
        finally:
            pdf.close()
        confidence = round(sum(confidences) / len(confidences), 2) if confidences else None
        return Extraction(
            format="pdf", pages=pages, page_count=count, ocr_pages=ocr_pages, ocr_confidence=confidence
        )

    @staticmethod
    def _ocr_page(page: Any, settings: Settings) -> tuple[str, float]:
        bitmap = page.render(scale=settings.ocr_dpi / 72, grayscale=True)
        image = bitmap.to_pil()
        with tempfile.TemporaryDirectory(prefix="kenesh-ocr-") as tmp:
            png = Path(tmp) / "page.png"
            image.save(png)
            result = ocr_image(png, settings)
        return result.text, result.confidence


def pdf_words(path: Path, page_number: int = 1) -> list[dict[str, Any]]:
    """Words with positions through pdfplumber, for layout-aware callers (tables, columns)."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return list(pdf.pages[page_number - 1].extract_words())
