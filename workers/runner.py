"""Where jobs run: in-process (embedded default, no Redis) or on RQ queues per stage (KENESH_REDIS_URL).
Both run the same job functions (workers/stages.py)."""

from __future__ import annotations

from typing import Any, Protocol

from core.settings import Settings
from workers.stages import JOBS

QUEUES = ["ingest", "nlp", "index", "notify", "dossier"]


class Runner(Protocol):
    def enqueue(self, stage: str, *args: Any, **kwargs: Any) -> str: ...


class InProcessRunner:
    """Runs a stage and, through it, the stages after it, before returning."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def enqueue(self, stage: str, *args: Any, **kwargs: Any) -> str:
        JOBS[stage](*args, settings=self.settings, **kwargs)
        return f"{stage}:{args[0] if args else ''}"


class RQRunner:
    """One RQ queue per stage. Job ids are the idempotency key (stage and version), so enqueueing the
    same stage of the same version twice is one job."""

    def __init__(self, settings: Settings) -> None:
        from redis import Redis
        from rq import Queue

        self.settings = settings
        self.redis = Redis.from_url(settings.redis_url or "redis://127.0.0.1:6379/0")
        self.queues = {name: Queue(name, connection=self.redis) for name in QUEUES}

    def enqueue(self, stage: str, *args: Any, **kwargs: Any) -> str:
        from rq import Retry
        from rq.exceptions import NoSuchJobError
        from rq.job import Job, JobStatus

        job_id = "-".join([stage, *map(str, args)]) if stage != "ingest" else None
        if job_id is not None:
            try:
                existing = Job.fetch(job_id, connection=self.redis)
                if existing.get_status() in {
                    JobStatus.QUEUED,
                    JobStatus.STARTED,
                    JobStatus.SCHEDULED,
                    JobStatus.DEFERRED,
                }:
                    return job_id
            except NoSuchJobError:
                pass
        job = self.queues[stage].enqueue(
            JOBS[stage],
            *args,
            data_dir=str(self.settings.data_dir),
            **kwargs,
            job_id=job_id,
            retry=Retry(max=self.settings.job_retries, interval=self.settings.retry_intervals)
            if self.settings.job_retries > 0
            else None,
            job_timeout=600,
            result_ttl=86400,
            failure_ttl=7 * 86400,
        )
        return str(job.id)


def get_runner(settings: Settings) -> Runner:
    if settings.redis_url:
        return RQRunner(settings)
    return InProcessRunner(settings)
