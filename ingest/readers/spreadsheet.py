"""Spreadsheets (XLS, XLSX, ODS): the budget annexes councils attach to their decisions (revenue and
spending tables). Read cell by cell with calamine, one page per sheet, one line per row with its cells
separated by « | » as in the tables of a DOCX, so amounts stay next to their budget lines for the NLP
and for search.

Calamine reads all three formats without LibreOffice (which cannot convert a spreadsheet to text
through the Writer filters the DOC path uses). The legacy Kyrgyz fonts come through as mojibake
here too; the repair step picks the mapping by vocabulary, as for PDF and text.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any, ClassVar

import olefile

from core.errors import CorruptDocument, EncryptedDocument, TooLarge
from core.settings import Settings
from ingest.readers.base import Extraction, Probe
from ingest.readers.legacy import OLE_MAGIC
from ingest.readers.zipguard import check_zip

MAX_CELLS = 2_000_000  # a sheet with more cells than this is not an annex a person reads
ZIP_MAGIC = b"PK\x03\x04"


def _is_ole_workbook(path: Path) -> bool:
    try:
        with olefile.OleFileIO(str(path)) as ole:
            return bool(ole.exists("Workbook") or ole.exists("Book"))
    except (OSError, ValueError):
        return False


def cell_text(value: Any) -> str:
    """A cell as a person reads it: whole numbers without «.0», dates as ISO dates."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    return " ".join(str(value).split())


class SpreadsheetReader:
    name: ClassVar[str] = "spreadsheet"

    def score(self, probe: Probe) -> int:
        if probe.head.startswith(ZIP_MAGIC):
            if b"xl/" in probe.head:
                return 95  # above the DOCX reader, which bids on any OOXML package
            if b"application/vnd.oasis.opendocument.spreadsheet" in probe.head:
                return 95
            return 0
        if probe.head.startswith(OLE_MAGIC) and _is_ole_workbook(probe.path):
            return 95  # above the legacy Word reader, which bids on any OLE file
        return 0

    def read(self, path: Path, settings: Settings) -> Extraction:
        from python_calamine import CalamineWorkbook

        with path.open("rb") as fh:
            ole = fh.read(8) == OLE_MAGIC
        if not ole:
            check_zip(path, settings, kind="spreadsheet")  # a zip bomb is refused before inflating
        try:
            workbook = CalamineWorkbook.from_path(str(path))
        except Exception as exc:  # calamine raises its own error types per format
            message = str(exc)
            if "password" in message.lower() or "encrypt" in message.lower():
                raise EncryptedDocument("The spreadsheet is password-protected.") from exc
            raise CorruptDocument(f"The spreadsheet could not be read: {message[:200]}") from exc
        pages: list[str] = []
        cells = 0
        for name in workbook.sheet_names:
            try:
                rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=True)
            except Exception as exc:
                raise CorruptDocument(f"Sheet «{name}» could not be read: {str(exc)[:200]}") from exc
            lines = [name.strip()]
            for row in rows:
                cells += len(row)
                if cells > MAX_CELLS:
                    raise TooLarge(f"The spreadsheet has more than {MAX_CELLS:,} cells.", stage="extract")
                texts = [t for t in (cell_text(v) for v in row) if t]
                if texts:
                    lines.append(" | ".join(texts))
            if len(lines) > 1:
                pages.append("\n".join(lines))
            if len(pages) >= settings.max_pages:
                break
        fmt = "xls" if ole else ("xlsx" if _has_xl(path) else "ods")
        return Extraction(format=fmt, pages=pages, page_count=len(pages) or None)


def _has_xl(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        return any(n.startswith("xl/") for n in archive.namelist())
