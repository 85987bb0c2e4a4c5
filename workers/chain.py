"""A file through the whole chain: ingest here, then the stages through the runner (in-process on the
embedded default, so everything, notifications included, exists when this returns; RQ queues when
KENESH_REDIS_URL is set)."""

from __future__ import annotations

from pathlib import Path

from core.errors import KeneshError
from ingest.service import IngestError, Ingestor, IngestOutcome
from search.backend import SearchBackend
from workers.runner import get_runner


def ingest_and_process(
    ingestor: Ingestor, path: Path, document_id: int | None = None, backend: SearchBackend | None = None
) -> IngestOutcome:
    """Ingest a file and run (or queue) the later stages; a failing later stage is recorded on the
    outcome and on the version's stage record, so re-running the file picks it up again."""
    outcome = ingestor.ingest(path, document_id=document_id)
    if outcome.status == "failed" or outcome.version_id is None:
        return outcome
    try:
        get_runner(ingestor.settings).enqueue("nlp", outcome.version_id)
    except KeneshError as exc:
        outcome.error = IngestError(code=exc.code, stage=exc.stage, message=exc.message)
    return outcome
