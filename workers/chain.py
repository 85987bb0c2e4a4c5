"""The chain of stages for one file, run in-process (the embedded default)."""

from __future__ import annotations

from pathlib import Path

from core.errors import KeneshError
from ingest.service import IngestError, Ingestor, IngestOutcome
from nlp.service import structure_version, tag_version
from search.backend import SearchBackend
from search.service import get_backend, index_document


def ingest_and_process(
    ingestor: Ingestor, path: Path, document_id: int | None = None, backend: SearchBackend | None = None
) -> IngestOutcome:
    """Ingest a file, then structure, tag and index its version; a failing later stage is recorded on
    the outcome (the stored version keeps its stage, so re-running picks it up)."""
    outcome = ingestor.ingest(path, document_id=document_id)
    if outcome.status == "failed" or outcome.version_id is None:
        return outcome
    try:
        structure_version(ingestor.db, outcome.version_id)
        tag_version(ingestor.db, outcome.version_id)
        if outcome.document_id is not None:
            index_document(ingestor.db, backend or get_backend(ingestor.settings), outcome.document_id)
    except KeneshError as exc:
        outcome.error = IngestError(code=exc.code, stage=exc.stage, message=exc.message)
    return outcome
