"""The contract every format reader meets, and what a reader hands on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Protocol

from core.settings import Settings

PROBE_BYTES = 8192


@dataclass(frozen=True)
class Probe:
    """What detection looks at: the first bytes, the extension, the size. Content wins over the name."""

    path: Path
    head: bytes
    size: int
    name: str | None = None  # the name the file came with, where ``path`` is a stored copy without one

    @property
    def extension(self) -> str:
        return Path(self.name or self.path.name).suffix.lower().lstrip(".")

    @classmethod
    def of(cls, path: Path, name: str | None = None) -> Probe:
        with path.open("rb") as fh:
            head = fh.read(PROBE_BYTES)
        return cls(path=path, head=head, size=path.stat().st_size, name=name)


@dataclass
class Extraction:
    """Raw text of a file, page by page, before repair."""

    format: str
    pages: list[str]
    page_count: int | None  # None: the format keeps no reliable page count (flow text)
    footnotes: list[str] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)
    ocr_confidence: float | None = None
    paged: bool = True

    @property
    def ocr(self) -> bool:
        return bool(self.ocr_pages)


class Reader(Protocol):
    """A reader per format. ``score`` bids for a file (0 = not mine); the highest bid reads it."""

    name: ClassVar[str]

    def score(self, probe: Probe) -> int: ...

    def read(self, path: Path, settings: Settings) -> Extraction: ...
