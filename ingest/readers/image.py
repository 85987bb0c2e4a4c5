"""Scans saved as images (PNG, JPEG, TIFF): every page is OCR'd."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import ClassVar

from PIL import Image, ImageSequence, UnidentifiedImageError

from core.errors import CorruptDocument, TooLarge
from core.settings import Settings
from ingest.readers.base import Extraction, Probe
from ingest.readers.ocr import ocr_image

MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM", b"GIF8")
MAX_PIXELS = 12_000 * 12_000


class ImageReader:
    name: ClassVar[str] = "image"

    def score(self, probe: Probe) -> int:
        if probe.head.startswith(MAGIC) or (probe.head[:4] == b"RIFF" and probe.head[8:12] == b"WEBP"):
            return 80
        return 0

    def read(self, path: Path, settings: Settings) -> Extraction:
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        pages: list[str] = []
        confidences: list[float] = []
        try:
            with Image.open(path) as img, tempfile.TemporaryDirectory(prefix="kenesh-ocr-") as tmp:
                for index, frame in enumerate(ImageSequence.Iterator(img)):
                    if index >= settings.max_pages:
                        raise TooLarge(f"The image has more than {settings.max_pages} frames.")
                    png = Path(tmp) / f"page{index}.png"
                    frame.convert("L").save(png)
                    result = ocr_image(png, settings)
                    pages.append(result.text)
                    confidences.append(result.confidence)
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
            raise CorruptDocument(f"The image cannot be read ({exc}).") from exc
        confidence = round(sum(confidences) / len(confidences), 2) if confidences else None
        return Extraction(
            format="image",
            pages=pages,
            page_count=len(pages),
            ocr_pages=list(range(1, len(pages) + 1)),
            ocr_confidence=confidence,
        )
