"""Ingest with storage: originals kept byte-for-byte, one Version per distinct file, versions of one
act grouped under one Document, and failures recorded on the document instead of lost."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.db import Database
from core.errors import KeneshError, NotFound, TooLarge
from core.filestore import FileStore
from core.logs import get_logger
from core.models import Document, Version
from core.settings import Settings
from ingest.pipeline import Processed, process_file_bounded

log = get_logger("kenesh.ingest")


class IngestError(BaseModel):
    code: str
    stage: str
    message: str


class IngestOutcome(BaseModel):
    """One line of ``kenesh ingest --json``."""

    file: str
    status: str  # ingested | new_version | language_version | duplicate | failed
    document_id: int | None = None
    version_id: int | None = None
    sha256: str | None = None
    format: str | None = None
    language: str | None = None
    page_count: int | None = None
    ocr: bool = False
    ocr_confidence: float | None = None
    error: IngestError | None = None


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under ``paths`` (folders recursively, in a stable order); hidden files are skipped."""
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


class Ingestor:
    def __init__(self, settings: Settings, db: Database | None = None) -> None:
        self.settings = settings
        self.db = db or Database(settings)
        self.store = FileStore(settings.files_dir)

    def ingest(self, path: Path, document_id: int | None = None) -> IngestOutcome:
        try:
            return self._ingest(path, document_id)
        except KeneshError as exc:
            exc.document = exc.document or str(path)
            log.warning("ingest_failed", file=str(path), code=exc.code, stage=exc.stage, error=exc.message)
            return IngestOutcome(
                file=str(path),
                status="failed",
                error=IngestError(code=exc.code, stage=exc.stage, message=exc.message),
            )

    def _ingest(self, path: Path, document_id: int | None) -> IngestOutcome:
        if not path.is_file():
            raise NotFound(f"No such file: {path}", stage="detect")
        size = path.stat().st_size
        if size > self.settings.max_file_bytes:
            raise TooLarge(
                f"The file is {size / 1e6:.0f} MB, above the limit of "
                f"{self.settings.max_file_bytes / 1e6:.0f} MB (KENESH_MAX_FILE_BYTES)."
            )
        if document_id is not None:
            with self.db.session() as session:
                if session.get(Document, document_id) is None:
                    raise NotFound(f"Document {document_id} does not exist.", stage="store")
        sha, _stored = self.store.put(path)
        with self.db.session() as session:
            existing = session.scalar(select(Version).where(Version.sha256 == sha))
            if existing is not None and existing.status != "failed":
                log.info("duplicate", file=str(path), version_id=existing.id)
                return self._outcome(path, existing, "duplicate")
        try:
            processed = process_file_bounded(self.store.get(sha), self.settings, path.name)
        except KeneshError as exc:
            return self._record_failure(path, sha, size, document_id, exc)
        return self._record_success(path, sha, size, document_id, processed)

    def _record_failure(
        self, path: Path, sha: str, size: int, document_id: int | None, exc: KeneshError
    ) -> IngestOutcome:
        with self.db.session() as session:
            version = session.scalar(select(Version).where(Version.sha256 == sha))
            if version is None:
                document = session.get(Document, document_id) if document_id else None
                if document is None:
                    document = Document(title=path.name)
                    session.add(document)
                    session.flush()
                version = Version(
                    document_id=document.id,
                    seq=self._next_seq(session, document.id),
                    sha256=sha,
                    filename=path.name,
                    size=size,
                )
                session.add(version)
            version.status = "failed"
            version.stage = exc.stage
            version.error_code, version.error_stage, version.error_message = exc.code, exc.stage, exc.message
            version.attempts = (version.attempts or 0) + 1
            session.flush()
            log.warning(
                "ingest_failed", file=str(path), code=exc.code, stage=exc.stage, version_id=version.id
            )
            outcome = self._outcome(path, version, "failed")
            outcome.error = IngestError(code=exc.code, stage=exc.stage, message=exc.message)
            return outcome

    def _record_success(
        self, path: Path, sha: str, size: int, document_id: int | None, processed: Processed
    ) -> IngestOutcome:
        identity = processed.identity
        with self.db.session() as session:
            version = session.scalar(select(Version).where(Version.sha256 == sha))
            document = session.get(Document, document_id) if document_id else None
            if document is None and identity.key:
                document = session.scalar(
                    select(Document).where(Document.identity_key == identity.key).order_by(Document.id)
                )
            placeholder: Document | None = None
            if version is not None and (document is None or document.id != version.document_id):
                placeholder = version.document if document is not None else None
                document = document or version.document
            if document is None:
                document = Document()
                session.add(document)
                session.flush()
            is_new_document = not document.versions or (
                version is not None and len(document.versions) == 1 and document.versions[0].id == version.id
            )
            good = [
                v
                for v in document.versions
                if v.status != "failed" and v.id != (version.id if version else None)
            ]
            languages = {v.language for v in good}
            primary = good[0].language if good else processed.language
            if processed.language == primary or not document.title:
                document.title = identity.title or document.title or path.name
            document.act_type = identity.act_type or document.act_type
            document.number = identity.number or document.number
            document.act_date = identity.date or document.act_date
            document.identity_key = identity.key or document.identity_key
            if version is None:
                version = Version(
                    sha256=sha,
                    filename=path.name,
                    size=size,
                    document_id=document.id,
                    seq=self._next_seq(session, document.id),
                )
                session.add(version)
            if version.document_id != document.id:
                version.document_id = document.id
                version.seq = self._next_seq(session, document.id)
            version.format = processed.format
            version.language = processed.language
            version.page_count = processed.page_count
            version.ocr = processed.ocr
            version.ocr_confidence = processed.ocr_confidence
            version.text = processed.text
            version.footnotes = processed.footnotes
            version.repairs = {**processed.repairs, "page_count_estimated": processed.page_count_estimated}
            version.paragraph_languages = processed.paragraph_languages
            version.status, version.stage = "ok", "extracted"
            version.error_code = version.error_stage = version.error_message = None
            version.attempts = (version.attempts or 0) + 1
            session.flush()
            if placeholder is not None and placeholder.id != document.id:
                session.expire(placeholder)
                if not placeholder.versions:
                    session.delete(placeholder)
            if is_new_document:
                status = "ingested"
            elif processed.language not in languages:
                status = "language_version"
            else:
                status = "new_version"
            log.info(
                "ingested", file=str(path), document_id=document.id, version_id=version.id, status=status
            )
            return self._outcome(path, version, status)

    @staticmethod
    def _next_seq(session: Session, document_id: int) -> int:
        current = session.scalar(select(func.max(Version.seq)).where(Version.document_id == document_id))
        return (current or 0) + 1

    @staticmethod
    def _outcome(path: Path, version: Version, status: str) -> IngestOutcome:
        error = None
        if version.status == "failed" and version.error_code:
            error = IngestError(
                code=version.error_code,
                stage=version.error_stage or "extract",
                message=version.error_message or "",
            )
        return IngestOutcome(
            file=str(path),
            status=status,
            document_id=version.document_id,
            version_id=version.id,
            sha256=version.sha256,
            format=version.format,
            language=version.language,
            page_count=version.page_count,
            ocr=bool(version.ocr),
            ocr_confidence=version.ocr_confidence,
            error=error,
        )


def document_view(db: Database, document_id: int, with_text: bool = True) -> dict[str, Any]:
    """The stored document, its versions, and the text of its latest good version (``kenesh show``)."""
    with db.session() as session:
        document = session.get(Document, document_id)
        if document is None:
            raise NotFound(f"Document {document_id} does not exist.")
        versions = []
        for v in document.versions:
            item: dict[str, Any] = {
                "version_id": v.id,
                "seq": v.seq,
                "sha256": v.sha256,
                "filename": v.filename,
                "size": v.size,
                "format": v.format,
                "language": v.language,
                "page_count": v.page_count,
                "status": v.status,
                "stage": v.stage,
                "ocr": v.ocr,
                "ocr_confidence": v.ocr_confidence,
                "repairs": v.repairs or {},
                "footnotes": v.footnotes or [],
                "summary": v.summary,
                "created_at": v.created_at.isoformat() if v.created_at else None,
            }
            if v.status == "failed":
                item["error"] = {"code": v.error_code, "stage": v.error_stage, "message": v.error_message}
            if with_text:
                item["text"] = v.text
            versions.append(item)
        good = [v for v in document.versions if v.status != "failed"]
        latest = good[-1] if good else None
        return {
            "document_id": document.id,
            "title": document.title,
            "act_type": document.act_type,
            "number": document.number,
            "date": document.act_date,
            "status": "failed" if latest is None else "ok",
            "deleted_at": document.deleted_at.isoformat() if document.deleted_at else None,
            "language": latest.language if latest else None,
            "languages": sorted({v.language for v in good if v.language}),
            "latest_version_id": latest.id if latest else None,
            "latest_by_language": {v.language: v.id for v in good if v.language},
            "text": latest.text if (latest and with_text) else None,
            "versions": versions,
        }


def delete_document(db: Database, document_id: int) -> dict[str, Any]:
    """Withdraw a document: it leaves search and cannot get new positions or agenda places, but its
    versions stay, so agenda items, positions and dossiers that used it remain readable."""
    from core.models import utcnow

    with db.session() as session:
        document = session.get(Document, document_id)
        if document is None:
            raise NotFound(f"Document {document_id} does not exist.", stage="delete")
        if document.deleted_at is None:
            document.deleted_at = utcnow()
        log.info("document_deleted", document_id=document_id)
        return {"id": document.id, "document_id": document.id, "deleted_at": document.deleted_at.isoformat()}
