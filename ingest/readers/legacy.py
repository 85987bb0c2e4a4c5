"""Legacy Word (DOC), RTF and ODT: converted to DOCX by LibreOffice headless, then read as DOCX.

LibreOffice keeps each run's font name, which is how the legacy Kyrgyz fonts are recognised later.
Each conversion gets its own throw-away LibreOffice profile so conversions can run side by side.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import ClassVar

from core.errors import ConversionFailed, EncryptedDocument
from core.settings import Settings
from ingest.readers.base import Extraction, Probe
from ingest.readers.docx import read_docx_text

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def run_killable(cmd: list[str], timeout_s: float, env: dict[str, str] | None = None) -> tuple[int, bytes]:
    """Run a command in its own process group; on timeout kill the whole group (LibreOffice forks)
    and raise ``subprocess.TimeoutExpired``. Returns the exit code and stderr."""
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True
    )
    try:
        _, stderr = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    return proc.returncode, stderr


def convert_with_soffice(path: Path, target: str, settings: Settings, workdir: Path) -> Path:
    """Convert ``path`` with LibreOffice into ``workdir``; returns the converted file."""
    binary = shutil.which(settings.soffice_bin)
    if binary is None:
        raise ConversionFailed("LibreOffice (soffice) is not installed; run scripts/install.sh.")
    source = workdir / ("input" + path.suffix.lower() if path.suffix else "input.bin")
    shutil.copyfile(path, source)
    profile = workdir / "profile"
    cmd = [
        binary,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        target,
        "--outdir",
        str(workdir / "out"),
        str(source),
    ]
    try:
        _, stderr = run_killable(cmd, settings.convert_timeout_s)
    except subprocess.TimeoutExpired as exc:
        raise ConversionFailed(
            f"LibreOffice did not finish converting within {settings.convert_timeout_s:.0f} s."
        ) from exc
    produced = list((workdir / "out").glob("*")) if (workdir / "out").exists() else []
    if not produced:
        message = " ".join(
            line
            for line in stderr.decode(errors="replace").splitlines()
            if line and not line.startswith("Warning")
        )[:300]
        if "password" in message.lower():
            raise EncryptedDocument("The document is protected with a password.")
        raise ConversionFailed(
            "LibreOffice could not convert this file; it may be damaged, protected, or not a text document"
            + (f" ({message})" if message else "")
            + "."
        )
    return produced[0]


class LegacyOfficeReader:
    name: ClassVar[str] = "legacy-office"

    def score(self, probe: Probe) -> int:
        if probe.head.startswith(OLE_MAGIC):
            return 80
        if probe.head.startswith(b"{\\rtf"):
            return 80
        if probe.head.startswith(b"PK\x03\x04") and b"application/vnd.oasis.opendocument" in probe.head:
            return 80
        return 0

    def read(self, path: Path, settings: Settings) -> Extraction:
        with path.open("rb") as fh:
            head = fh.read(8)
        fmt = "doc" if head == OLE_MAGIC else ("rtf" if head.startswith(b"{\\rtf") else "odt")
        with tempfile.TemporaryDirectory(prefix="kenesh-lo-") as tmp:
            converted = convert_with_soffice(path, "docx:MS Word 2007 XML", settings, Path(tmp))
            text, notes, pages = read_docx_text(converted, settings)
        body = "\n".join(text.paragraphs)
        return Extraction(
            format=fmt,
            pages=[body],
            page_count=pages if pages and pages > 1 else None,
            footnotes=notes,
            fonts=sorted(text.fonts),
            paged=False,
        )
