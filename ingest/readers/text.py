"""Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, or the Windows-1251 legacy code page."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from core.settings import Settings
from ingest.readers.base import Extraction, Probe

TEXT_EXTENSIONS = {"txt", "text", "md", "csv"}


def decode_bytes(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")


def looks_textual(head: bytes) -> bool:
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) < 0.01


class TextReader:
    name: ClassVar[str] = "text"

    def score(self, probe: Probe) -> int:
        if not looks_textual(probe.head):
            return 0
        return 30 if probe.extension in TEXT_EXTENSIONS else 5

    def read(self, path: Path, settings: Settings) -> Extraction:
        text = decode_bytes(path.read_bytes())
        pages = text.split("\f") if "\f" in text else [text]
        return Extraction(
            format="text", pages=pages, page_count=len(pages) if "\f" in text else None, paged="\f" in text
        )
