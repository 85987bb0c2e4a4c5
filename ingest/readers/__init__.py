"""Format readers, chosen by an auction over the file's content (Aleph's ingest-file idea).

Adding a format is adding a module with a reader class and listing it in ``READERS``.
"""

from __future__ import annotations

from pathlib import Path

from core.errors import EmptyDocument, NotFound, TooLarge, UnsupportedFormat
from core.settings import Settings
from ingest.readers.base import Extraction, Probe, Reader
from ingest.readers.docx import DocxReader
from ingest.readers.html import HtmlReader
from ingest.readers.image import ImageReader
from ingest.readers.legacy import LegacyOfficeReader
from ingest.readers.mhtml import MhtmlReader
from ingest.readers.pdf import PdfReader
from ingest.readers.spreadsheet import SpreadsheetReader
from ingest.readers.text import TextReader

READERS: list[Reader] = [
    PdfReader(),
    SpreadsheetReader(),
    DocxReader(),
    LegacyOfficeReader(),
    MhtmlReader(),
    HtmlReader(),
    ImageReader(),
    TextReader(),
]


def choose_reader(probe: Probe) -> Reader:
    bids = [(reader.score(probe), i, reader) for i, reader in enumerate(READERS)]
    best, _, reader = max(bids, key=lambda b: (b[0], -b[1]))
    if best <= 0:
        raise UnsupportedFormat(
            f"Kenesh cannot read this file (extension '.{probe.extension}', "
            f"starts with {probe.head[:8]!r}); "
            "supported: PDF, DOCX, DOC, RTF, ODT, XLS, XLSX, ODS, HTML, MHTML, text, images."
        )
    return reader


def extract(path: Path, settings: Settings, name: str | None = None) -> Extraction:
    """Detect the format of ``path`` by content and read its raw text. Raises typed ingest errors.
    ``name``: the name the file came with, where ``path`` is its stored copy (named by its hash): content
    wins, but the extension still tells a broken DOCX from an unknown file."""
    if not path.is_file():
        raise NotFound(f"No such file: {path}", stage="detect")
    probe = Probe.of(path, name)
    if probe.size == 0:
        raise EmptyDocument("The file is empty (0 bytes).", stage="detect")
    if probe.size > settings.max_file_bytes:
        raise TooLarge(
            f"The file is {probe.size / 1e6:.0f} MB, above the limit of "
            f"{settings.max_file_bytes / 1e6:.0f} MB (KENESH_MAX_FILE_BYTES)."
        )
    reader = choose_reader(probe)
    extraction = reader.read(path, settings)
    if not any(page.strip() for page in extraction.pages):
        raise EmptyDocument(f"No text found in this {reader.name} file.", stage="extract")
    return extraction


__all__ = ["READERS", "Extraction", "Probe", "Reader", "choose_reader", "extract"]
