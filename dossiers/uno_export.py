"""Export a DOCX to PDF through LibreOffice's UNO API, updating the table of contents first so the
PDF shows page numbers in it (plain ``soffice --convert-to pdf`` leaves fields as saved).

Run by the system Python, which has the ``uno`` module of Debian's python3-uno (it cannot be installed
into a virtualenv from PyPI): ``python3 uno_export.py IN.docx OUT.pdf PROFILE_DIR``. Stdlib + uno only.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path


def main(source: str, target: str, profile: str) -> int:
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name: str, value: object) -> PropertyValue:
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    pipe = f"kenesh_{uuid.uuid4().hex}"
    office = subprocess.Popen(
        [
            os.environ.get("KENESH_SOFFICE", "soffice"),
            f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        deadline = time.monotonic() + 60
        while context is None:
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            except Exception:
                if time.monotonic() > deadline or office.poll() is not None:
                    raise
                time.sleep(0.2)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(
            Path(source).resolve().as_uri(), "_blank", 0, (prop("Hidden", True),)
        )
        indexes = doc.getDocumentIndexes()
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        doc.getTextFields().refresh()
        doc.storeToURL(Path(target).resolve().as_uri(), (prop("FilterName", "writer_pdf_Export"),))
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge drops as the office quits
            desktop.terminate()
        office.wait(timeout=30)
        return 0
    finally:
        if office.poll() is None:
            os.killpg(office.pid, signal.SIGKILL)
            office.wait()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
