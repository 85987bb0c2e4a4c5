"""Checks an OOXML/ODF zip before anything inflates it: not a zip, or a zip bomb, is refused early."""

from __future__ import annotations

import zipfile
from pathlib import Path

from core.errors import ArchiveBomb, CorruptDocument
from core.settings import Settings


def check_zip(path: Path, settings: Settings, kind: str = "Word document") -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptDocument(
            f"The file claims to be a {kind} but is not a valid zip ({exc}).", stage="detect"
        ) from exc
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if total > settings.max_unzipped_bytes:
        raise ArchiveBomb(
            f"The archive would inflate to {total / 1e6:.0f} MB "
            f"(limit {settings.max_unzipped_bytes / 1e6:.0f} MB)."
        )
    if total > 20_000_000 and total / packed > settings.max_zip_ratio:
        raise ArchiveBomb(f"The archive inflates {total / packed:.0f}-fold: refused as a zip bomb.")
    if len(infos) > 10_000:
        raise ArchiveBomb(f"The archive holds {len(infos)} members: refused.")
