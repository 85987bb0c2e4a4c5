"""PDF export of a built DOCX through LibreOffice headless.

With Debian's python3-uno present, the export goes through UNO so the table of contents is updated
(and shows page numbers) before the PDF is written; otherwise a plain ``--convert-to pdf`` (the same
converter ingest uses) renders the contents list as saved, without page numbers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from core.errors import ConversionFailed, RenderFailed
from core.logs import get_logger
from core.settings import Settings
from ingest.readers.legacy import convert_with_soffice, run_killable

log = get_logger("kenesh.dossiers.pdf")
UNO_SCRIPT = Path(__file__).with_name("uno_export.py")
SYSTEM_PYTHON = "/usr/bin/python3"


@lru_cache(maxsize=1)
def uno_available() -> bool:
    """Whether the system Python has LibreOffice's UNO bridge (probed once per process)."""
    if not Path(SYSTEM_PYTHON).exists() or shutil.which("soffice") is None:
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    return probe.returncode == 0


def _export_with_uno(source: Path, target: Path, settings: Settings, workdir: Path) -> None:
    env = {**os.environ, "KENESH_SOFFICE": shutil.which(settings.soffice_bin) or "soffice"}
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONHOME", None)
    cmd = [SYSTEM_PYTHON, str(UNO_SCRIPT), str(source), str(target), str(workdir / "profile")]
    try:
        returncode, stderr = run_killable(cmd, settings.convert_timeout_s * 2, env)
    except subprocess.TimeoutExpired as exc:
        raise RenderFailed("LibreOffice did not finish rendering the PDF in time.") from exc
    if returncode != 0 or not target.exists():
        tail = stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
        raise RenderFailed(f"LibreOffice could not render the PDF ({tail[0][:200]}).")


def docx_to_pdf(docx: bytes, settings: Settings) -> bytes:
    with tempfile.TemporaryDirectory(prefix="kenesh-pdf-") as tmp:
        workdir = Path(tmp)
        source = workdir / "dossier.docx"
        source.write_bytes(docx)
        if uno_available():
            target = workdir / "dossier.pdf"
            _export_with_uno(source, target, settings, workdir)
            return target.read_bytes()
        log.warning("pdf_without_uno", hint="install python3-uno so the PDF's contents carry page numbers")
        try:
            produced = convert_with_soffice(source, "pdf:writer_pdf_Export", settings, workdir)
        except ConversionFailed as exc:
            raise RenderFailed(f"LibreOffice could not render the PDF: {exc.message}") from exc
        return produced.read_bytes()
