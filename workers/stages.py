"""The pipeline's stages as idempotent jobs, keyed by (document version, stage).

Each job checks the stage record first: a stage already done is not done again, so a job re-run after
a crash, a retry or a duplicate enqueue changes nothing. Each job then hands the version to the next
stage through the runner (in-process or RQ). No stage logic lives here: these call the stages.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core.db import Database
from core.models import StageRun, Version
from core.settings import Settings, get_settings
from ingest.service import Ingestor, IngestOutcome

STAGES = ["ingest", "nlp", "index", "notify"]
NEXT = {"nlp": "index", "index": "notify"}


def _db(settings: Settings) -> Database:
    return Database(settings)


def claim(db: Database, version_id: int, stage: str) -> bool:
    """True when this stage still has to run for the version (and marks it running)."""
    with db.session() as session:
        run = session.scalar(
            select(StageRun).where(StageRun.version_id == version_id, StageRun.stage == stage)
        )
        if run is None:
            try:
                with session.begin_nested():
                    session.add(StageRun(version_id=version_id, stage=stage, status="running", attempts=1))
            except IntegrityError:
                return claim(db, version_id, stage)
            return True
        if run.status == "done":
            return False
        run.attempts += 1
        run.status = "running"
        return True


def finish(db: Database, version_id: int, stage: str, error: str | None = None) -> None:
    with db.session() as session:
        run = session.scalar(
            select(StageRun).where(StageRun.version_id == version_id, StageRun.stage == stage)
        )
        if run is not None:
            run.status = "failed" if error else "done"
            run.error = error
        version = session.get(Version, version_id)
        if version is not None and not error:
            version.stage = {"nlp": "tagged", "index": "indexed", "notify": "notified"}.get(
                stage, version.stage
            )


def stage_job(stage: str, version_id: int, work: Callable[[], object], db: Database) -> bool:
    if not claim(db, version_id, stage):
        return False
    try:
        if db.settings.fault_delay_stage == stage and db.settings.fault_delay_s:
            time.sleep(db.settings.fault_delay_s)
        work()
    except Exception as exc:
        finish(db, version_id, stage, error=f"{type(exc).__name__}: {exc}"[:500])
        raise
    finish(db, version_id, stage)
    return True


# -- the job functions (module-level so RQ can import them) --------------------------------------------
def job_ingest(
    path: str, document_id: int | None = None, data_dir: str | None = None, settings: Settings | None = None
) -> dict[str, object]:
    settings = settings or _settings(data_dir)
    outcome: IngestOutcome = Ingestor(settings).ingest(Path(path), document_id=document_id)
    if outcome.version_id is not None and outcome.status != "failed":
        from workers.runner import get_runner

        get_runner(settings).enqueue("nlp", outcome.version_id)
    return outcome.model_dump()


def job_nlp(version_id: int, data_dir: str | None = None, settings: Settings | None = None) -> bool:
    from nlp.service import retag_amending_versions, structure_version, tag_version

    settings = settings or _settings(data_dir)
    db = _db(settings)

    def work() -> None:
        structure_version(db, version_id)
        tag_version(db, version_id)
        # drafts stored before the act they amend are judged against it now; their index and watches follow
        for other in retag_amending_versions(db, version_id):
            _follow_retag(db, settings, other)

    done = stage_job("nlp", version_id, work, db)
    _next(settings, "nlp", version_id)
    return done


def _follow_retag(db: Database, settings: Settings, version_id: int) -> None:
    """After a version was tagged again: index its document again, and tell the watches it now matches,
    where those stages have run for it (else they will read the new tags when they run). Notifications
    stay once per watch and version, so only a watch the new tags match for the first time hears of it."""
    from search.notify import notify_version
    from search.service import get_backend, index_document

    with db.session() as session:
        done = set(
            session.scalars(
                select(StageRun.stage).where(StageRun.version_id == version_id, StageRun.status == "done")
            )
        )
        version = session.get(Version, version_id)
        document_id = version.document_id if version is not None else None
    if "index" in done and document_id is not None:
        index_document(db, get_backend(settings, db), document_id)
    if "notify" in done:
        notify_version(db, version_id, settings)


def job_index(version_id: int, data_dir: str | None = None, settings: Settings | None = None) -> bool:
    from search.service import get_backend, index_document

    settings = settings or _settings(data_dir)
    db = _db(settings)

    def work() -> None:
        with db.session() as session:
            version = session.get(Version, version_id)
            document_id = version.document_id if version else None
        if document_id is not None:
            index_document(db, get_backend(settings, db), document_id)

    done = stage_job("index", version_id, work, db)
    _next(settings, "index", version_id)
    return done


def job_notify(version_id: int, data_dir: str | None = None, settings: Settings | None = None) -> bool:
    from search.notify import notify_version

    settings = settings or _settings(data_dir)
    db = _db(settings)
    return stage_job("notify", version_id, lambda: notify_version(db, version_id, settings), db)


def _next(settings: Settings, stage: str, version_id: int) -> None:
    following = NEXT.get(stage)
    if following:
        from workers.runner import get_runner

        get_runner(settings).enqueue(following, version_id)


def _settings(data_dir: str | None) -> Settings:
    settings = get_settings()
    if data_dir and Path(data_dir) != settings.data_dir:
        return settings.model_copy(update={"data_dir": Path(data_dir)})
    return settings


def job_dossier(
    meeting_id: int,
    language: str = "ky",
    fmt: str = "pdf",
    data_dir: str | None = None,
    settings: Settings | None = None,
) -> int:
    """Build a meeting's protocol dossier (a PDF takes LibreOffice several seconds: a job for the
    ``dossier`` queue); the file is kept with its build record, whose id is the job's result."""
    from dossiers.service import build_dossier

    settings = settings or _settings(data_dir)
    built, _ = build_dossier(Database(settings), meeting_id, language, fmt)
    return built.id


JOBS: dict[str, Callable[..., object]] = {
    "ingest": job_ingest,
    "nlp": job_nlp,
    "index": job_index,
    "notify": job_notify,
    "dossier": job_dossier,
}
