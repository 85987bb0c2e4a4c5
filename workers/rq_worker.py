"""``kenesh worker``: an RQ worker over the stage queues that also recovers jobs of dead workers.

RQ notices a dead worker's job only after the heartbeat expires and its maintenance runs (minutes).
Kenesh's jobs are idempotent, so a job whose worker has stopped heart-beating is simply put back on its
queue at once by any live worker; the stage records make a second run a no-op where the first finished.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from redis import Redis
from rq import Queue, Worker
from rq.job import Job
from rq.registry import ScheduledJobRegistry, StartedJobRegistry

from core.logs import get_logger
from core.settings import Settings
from workers.runner import QUEUES

log = get_logger("kenesh.worker")
HEARTBEAT = 2  # seconds between a worker's heartbeats while a job runs
STALE = 4 * HEARTBEAT + 2


def recover_abandoned(redis: Redis, queue_names: list[str]) -> list[str]:
    """Requeue started jobs whose worker is gone or silent (no heartbeat for STALE seconds)."""
    live = {w.name: w for w in Worker.all(connection=redis)}
    now = datetime.now(UTC)
    recovered = []
    for name in queue_names:
        queue = Queue(name, connection=redis)
        registry = StartedJobRegistry(queue=queue)
        for member in redis.zrange(registry.key, 0, -1):
            job_id = registry.parse_job_id(member if isinstance(member, str) else member.decode())  # type: ignore[union-attr]
            try:
                job = Job.fetch(job_id, connection=redis)
            except Exception:
                redis.zrem(registry.key, member)  # type: ignore[arg-type]
                continue
            worker = live.get(job.worker_name or "")
            beat = worker.last_heartbeat if worker is not None else None
            if beat is not None and beat.tzinfo is None:
                beat = beat.replace(tzinfo=UTC)
            if worker is not None and beat is not None and now - beat < timedelta(seconds=STALE):
                continue
            redis.zrem(registry.key, member)  # type: ignore[arg-type]
            queue.enqueue_job(job)
            recovered.append(job_id)
            log.warning("recovered_abandoned_job", job_id=job_id, queue=name, worker=job.worker_name)
        recovered += _release_due_scheduled(redis, queue)
    return recovered


def _release_due_scheduled(redis: Redis, queue: Queue) -> list[str]:
    """Retries scheduled by a worker that then died wait for a scheduler lock that dies with it (a
    minute or two): put the due ones on their queue now. A duplicate enqueue is harmless: jobs are
    idempotent."""
    registry = ScheduledJobRegistry(queue=queue)
    released = []
    for job_id in registry.get_jobs_to_schedule(int(datetime.now(UTC).timestamp())):
        try:
            job = Job.fetch(job_id, connection=redis)
        except Exception:
            registry.remove(job_id)
            continue
        registry.remove(job)
        queue.enqueue_job(job)
        released.append(job_id)
    return released


class KeneshWorker(Worker):
    def clean_registries(self) -> None:
        super().clean_registries()
        recover_abandoned(self.connection, [q.name for q in self.queues])

    def run_maintenance_tasks(self) -> None:
        super().run_maintenance_tasks()


def run_worker(
    settings: Settings, queues: list[str] | None = None, burst: bool = False, name: str | None = None
) -> Any:
    redis = Redis.from_url(settings.redis_url or "redis://127.0.0.1:6379/0")
    names = queues or QUEUES
    recover_abandoned(redis, names)
    worker = KeneshWorker(
        [Queue(n, connection=redis) for n in names],
        connection=redis,
        name=name,
        job_monitoring_interval=HEARTBEAT,
        maintenance_interval=5,
        worker_ttl=20,  # wakes every 5 s from waiting on the queues, so maintenance (and recovery) runs
    )
    return worker.work(burst=burst, with_scheduler=True, logging_level="WARNING")
