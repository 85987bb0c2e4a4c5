"""Build protocol dossiers and conclusions: gather, write DOCX (and PDF), record what was used.

The CLI, the API and the ``dossier`` queue's job call these.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import select

from core.db import Database
from core.errors import InvalidInput, NotFound
from core.filestore import FileStore
from core.logs import get_logger
from core.models import Document, DossierBuild
from dossiers.assemble import gather_protocol, positions_and_decisions
from dossiers.conclusion import build_conclusion_docx, gather_conclusion
from dossiers.disagreements import document_disagreements
from dossiers.labels import LANGUAGES
from dossiers.pdf import docx_to_pdf
from dossiers.protocol import build_protocol_docx

log = get_logger("kenesh.dossiers")
Format = Literal["docx", "pdf"]


class Built(BaseModel):
    """A generated file: its bytes are returned alongside, this is what is recorded about it."""

    id: int
    kind: str
    meeting_id: int | None
    document_id: int | None
    language: str
    format: str
    sha256: str
    size: int
    inputs: dict[str, Any]


def _check(language: str, fmt: str) -> None:
    if language not in LANGUAGES:
        raise InvalidInput(f"Language must be ky or ru, not {language!r}.", stage="dossier")
    if fmt not in ("docx", "pdf"):
        raise InvalidInput(f"Format must be docx or pdf, not {fmt!r}.", stage="dossier")


def _built(row: DossierBuild, size: int) -> Built:
    return Built(
        id=row.id,
        kind=row.kind,
        meeting_id=row.meeting_id,
        document_id=row.document_id,
        language=row.language,
        format=row.format,
        sha256=row.sha256,
        size=size,
        inputs=row.inputs,
    )


def _record(
    db: Database,
    kind: str,
    content: bytes,
    language: str,
    fmt: str,
    inputs: dict[str, Any],
    **ids: int | None,
) -> Built:
    # The bytes are kept, so what was handed out (and signed) can be shown again exactly.
    digest, _ = FileStore(db.settings.files_dir).put_bytes(content)
    with db.session() as session:
        row = DossierBuild(kind=kind, language=language, format=fmt, sha256=digest, inputs=inputs, **ids)
        session.add(row)
        session.flush()
        built = _built(row, len(content))
    log.info("dossier_built", kind=kind, id=built.id, format=fmt, size=built.size)
    return built


def build_dossier(db: Database, meeting_id: int, language: str, fmt: str = "docx") -> tuple[Built, bytes]:
    """The protocol dossier of a meeting, as DOCX or PDF bytes, and the record of its inputs."""
    _check(language, fmt)
    data = gather_protocol(db, meeting_id, language)
    content = build_protocol_docx(data)
    if fmt == "pdf":
        content = docx_to_pdf(content, db.settings)
    return _record(db, "protocol", content, language, fmt, data.inputs, meeting_id=meeting_id), content


def build_conclusion(
    db: Database, document_id: int, language: str, fmt: str = "docx", verdict: str | None = None
) -> tuple[Built, bytes]:
    """The LSG Union's conclusion on a draft, and the record of its inputs."""
    _check(language, fmt)
    data = gather_conclusion(db, document_id, language, verdict)
    content = build_conclusion_docx(data)
    if fmt == "pdf":
        content = docx_to_pdf(content, db.settings)
    inputs = {**data.inputs, "verdict": data.verdict}
    return _record(db, "conclusion", content, language, fmt, inputs, document_id=document_id), content


def document_disagreement_views(db: Database, document_id: int) -> list[dict[str, Any]]:
    """The disagreements on a draft (CLI ``kenesh disagreements``, API ``/documents/{id}/disagreements``)."""
    with db.session() as session:
        if session.get(Document, document_id) is None:
            raise NotFound(f"Document {document_id} does not exist.", stage="disagreements")
        positions, decisions = positions_and_decisions(session, document_id)
    return [
        {
            "document_id": document_id,
            "article": d.article,
            "unit_id": d.unit_id,
            "status": d.status,
            "agreed_wording": d.agreed_wording,
            "decision_id": d.decision.id if d.decision else None,
            "positions": [
                p.id for p in positions if p.unit_id == d.unit_id and p.side in ("lsg", "government")
            ],
        }
        for d in document_disagreements(positions, decisions)
    ]


def stored_build(db: Database, build_id: int) -> tuple[Built, bytes]:
    """A dossier or conclusion exactly as it was built (the bytes are kept in the file store)."""
    with db.session() as session:
        row = session.get(DossierBuild, build_id)
        if row is None:
            raise NotFound(f"Build {build_id} does not exist.", stage="dossier")
        content = FileStore(db.settings.files_dir).get(row.sha256).read_bytes()
        return _built(row, len(content)), content


def list_builds(db: Database, meeting_id: int | None = None, document_id: int | None = None) -> list[Built]:
    with db.session() as session:
        query = select(DossierBuild).order_by(DossierBuild.id)
        if meeting_id is not None:
            query = query.where(DossierBuild.meeting_id == meeting_id)
        if document_id is not None:
            query = query.where(DossierBuild.document_id == document_id, DossierBuild.kind == "conclusion")
        store = FileStore(db.settings.files_dir)
        return [_built(row, store.path_for(row.sha256).stat().st_size) for row in session.scalars(query)]
