"""What the queues hold (``kenesh jobs``) and re-running failed jobs; stage progress per document."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from core.db import Database
from core.models import StageRun, Version
from core.settings import Settings
from workers.runner import QUEUES


def list_jobs(settings: Settings, db: Database) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if settings.redis_url:
        from redis import Redis
        from rq import Queue
        from rq.job import Job
        from rq.registry import FailedJobRegistry, ScheduledJobRegistry, StartedJobRegistry

        redis = Redis.from_url(settings.redis_url)
        for name in QUEUES:
            queue = Queue(name, connection=redis)
            groups = [
                ("queued", queue.get_job_ids()),
                ("running", StartedJobRegistry(queue=queue).get_job_ids()),
                ("scheduled", ScheduledJobRegistry(queue=queue).get_job_ids()),
                ("failed", FailedJobRegistry(queue=queue).get_job_ids()),
            ]
            for state, ids in groups:
                for job_id in ids:
                    job = (
                        Job.fetch(job_id, connection=redis) if Job.exists(job_id, connection=redis) else None
                    )
                    result = job.latest_result() if job is not None and state == "failed" else None
                    lines = (result.exc_string or "").strip().splitlines() if result is not None else []
                    out.append(
                        {
                            "id": job_id,
                            "queue": name,
                            "state": state,
                            "args": list(job.args) if job else [],
                            "error": lines[-1] if lines else None,
                            "retries_left": job.retries_left if job else None,
                        }
                    )
    with db.session() as session:
        for run in session.scalars(select(StageRun).where(StageRun.status != "done").order_by(StageRun.id)):
            out.append(
                {
                    "id": f"{run.stage}-{run.version_id}",
                    "queue": run.stage,
                    "state": f"stage-{run.status}",
                    "args": [run.version_id],
                    "error": run.error,
                    "retries_left": None,
                }
            )
    return out


def retry_jobs(
    settings: Settings, db: Database, job_id: str | None = None, all_failed: bool = False
) -> list[str]:
    """Re-run failed jobs: RQ jobs from the failed registries, or failed stages in-process."""
    retried: list[str] = []
    if settings.redis_url:
        from redis import Redis
        from rq import Queue
        from rq.registry import FailedJobRegistry

        redis = Redis.from_url(settings.redis_url)
        for name in QUEUES:
            registry = FailedJobRegistry(queue=Queue(name, connection=redis))
            for failed in registry.get_job_ids():
                if all_failed or failed == job_id:
                    registry.requeue(failed)
                    retried.append(failed)
        if retried:
            return retried
    from workers.runner import get_runner

    with db.session() as session:
        runs = session.scalars(select(StageRun).where(StageRun.status == "failed")).all()
        targets = [
            (r.stage, r.version_id) for r in runs if all_failed or f"{r.stage}-{r.version_id}" == job_id
        ]
    for stage, version_id in targets:
        get_runner(settings).enqueue(stage, version_id)
        retried.append(f"{stage}-{version_id}")
    return retried


def document_progress(db: Database, document_id: int) -> list[dict[str, Any]]:
    with db.session() as session:
        versions = session.scalars(select(Version).where(Version.document_id == document_id)).all()
        out = []
        for version in versions:
            runs = session.scalars(select(StageRun).where(StageRun.version_id == version.id)).all()
            out.append(
                {
                    "version_id": version.id,
                    "stage": version.stage,
                    "status": version.status,
                    "stages": {r.stage: r.status for r in runs},
                }
            )
        return out
