"""Workers on a real Redis (and Elasticsearch): the chain through RQ queues, a worker killed with
SIGKILL in the middle of a job, Redis restarted with jobs queued, Elasticsearch down for a minute."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from redis import Redis
from sqlalchemy import func, select

from core.db import Database
from core.models import Notification, StageRun, Version
from core.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "acts"
REDIS_DB = 9


@pytest.fixture
def env(tmp_path: Path) -> Iterator[dict[str, str]]:
    url = f"redis://127.0.0.1:6379/{REDIS_DB}"
    redis = Redis.from_url(url)
    assert redis.ping(), "Redis is not reachable: run scripts/services.sh start"
    redis.flushdb()
    values = {
        **os.environ,
        "KENESH_DATA_DIR": str(tmp_path / "data"),
        "KENESH_REDIS_URL": url,
        "PYTHONPATH": str(ROOT),
    }
    values.pop("KENESH_ELASTICSEARCH_URL", None)
    yield values
    redis.flushdb()


def kenesh(env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=ROOT,
    )


def start_worker(env: dict[str, str], *extra: str, log: Path | None = None) -> subprocess.Popen[bytes]:
    sink = log.open("ab") if log else subprocess.DEVNULL  # handed to the child process
    return subprocess.Popen(
        [sys.executable, "-m", "cli.main", "-v", "worker", *extra],
        env=env,
        cwd=ROOT,
        start_new_session=True,
        stdout=sink,
        stderr=sink,
    )


def descendants(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                out += [int(entry.name), *descendants(int(entry.name))]
    return out


def stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Signal the worker, its work-horse and anything they started (the horse may run in its own group)."""
    if process.poll() is None:
        for pid in [process.pid, *descendants(process.pid)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        process.wait(timeout=60)


def db_for(env: dict[str, str]) -> Database:
    return Database(Settings(data_dir=Path(env["KENESH_DATA_DIR"])))


def wait_for(predicate: Callable[[], bool], timeout: float, every: float = 0.5) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(every)
    return False


def stage_status(db: Database, stage: str) -> set[str]:
    with db.session() as session:
        return {r.status for r in session.scalars(select(StageRun).where(StageRun.stage == stage))}


def notifications(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count(Notification.id))) or 0)


def prepare(env: dict[str, str], tmp_path: Path) -> Path:
    assert kenesh(env, "user", "add", "aigul").returncode == 0
    assert kenesh(env, "watch", "add", "--user", "aigul", "--template", "local-budget").returncode == 0
    draft = tmp_path / "draft.txt"
    draft.write_text((FIXTURES / "ky_amending_draft.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return draft


def test_chain_runs_on_rq_queues(env: dict[str, str], tmp_path: Path) -> None:
    draft = prepare(env, tmp_path)
    out = kenesh(env, "ingest", str(draft), "--json")
    assert out.returncode == 0, out.stderr
    jobs = json.loads(kenesh(env, "jobs", "--json").stdout)
    assert any(j["queue"] == "nlp" and j["state"] == "queued" for j in jobs)
    worker = kenesh(env, "worker", "--burst")
    assert worker.returncode == 0, worker.stderr
    db = db_for(env)
    assert stage_status(db, "notify") == {"done"} and notifications(db) == 1
    hits = json.loads(kenesh(env, "search", "бюджет", "--json").stdout)
    assert hits["total"] >= 1


def test_dossier_pdf_is_built_on_the_dossier_queue(env: dict[str, str], tmp_path: Path) -> None:
    draft = prepare(env, tmp_path)
    assert kenesh(env, "ingest", str(draft), "--json").returncode == 0
    assert kenesh(env, "worker", "--burst").returncode == 0  # nlp, index, notify
    position = kenesh(
        env,
        "position",
        "add",
        "1",
        "--article",
        "1",
        "--org",
        "lsg-union",
        "--stance",
        "objects",
        "--text",
        "Компенсация каралган эмес.",
        "--cost",
        "250000",
        "--json",
    )
    assert position.returncode == 0, position.stderr
    meeting = json.loads(
        kenesh(
            env,
            "meeting",
            "create",
            "--kind",
            "government",
            "--date",
            "2026-11-30",
            "--title",
            "Жыйын",
            "--json",
        ).stdout
    )
    assert kenesh(env, "meeting", "add-item", str(meeting["id"]), "1", "--json").returncode == 0

    from dossiers.service import list_builds
    from workers.runner import RQRunner

    settings = Settings(data_dir=Path(env["KENESH_DATA_DIR"]), redis_url=env["KENESH_REDIS_URL"])
    runner = RQRunner(settings)
    job_id = runner.enqueue("dossier", meeting["id"], "ru", "pdf")
    assert runner.enqueue("dossier", meeting["id"], "ru", "pdf") == job_id  # queued once
    assert runner.enqueue("dossier", meeting["id"], "ky", "pdf") != job_id
    assert list_builds(Database(settings), meeting_id=meeting["id"]) == []
    worker = kenesh(env, "worker", "--queues", "dossier", "--burst")
    assert worker.returncode == 0, worker.stderr
    builds = list_builds(Database(settings), meeting_id=meeting["id"])
    assert sorted(b.language for b in builds) == ["ky", "ru"] and {b.format for b in builds} == {"pdf"}
    assert all(b.size > 10_000 for b in builds)


def test_worker_killed_mid_job_is_finished_by_another(env: dict[str, str], tmp_path: Path) -> None:
    draft = prepare(env, tmp_path)
    env = {**env, "KENESH_FAULT_DELAY_STAGE": "nlp", "KENESH_FAULT_DELAY_S": "6"}
    assert kenesh(env, "ingest", str(draft)).returncode == 0
    db = db_for(env)
    first = start_worker(env, "--name", f"w1-{uuid.uuid4().hex[:6]}")
    try:
        assert wait_for(lambda: stage_status(db, "nlp") == {"running"}, 60), "the nlp job never started"
        stop(first, signal.SIGKILL)  # the worker and its work-horse die mid-job
    finally:
        stop(first, signal.SIGKILL)
    second = start_worker(env, "--name", f"w2-{uuid.uuid4().hex[:6]}", log=tmp_path / "worker2.log")
    try:
        assert wait_for(lambda: stage_status(db, "notify") == {"done"}, 120), kenesh(
            env, "jobs", "--json"
        ).stdout
    finally:
        stop(second)
    with db.session() as session:
        assert session.scalar(select(func.count(Version.id))) == 1
        runs = {r.stage: r for r in session.scalars(select(StageRun))}
        assert runs["nlp"].attempts >= 2 and runs["nlp"].status == "done"
    assert notifications(db) == 1
    search = json.loads(kenesh(env, "search", "", "--json", "--limit", "50").stdout)
    assert len({h["key"] for h in search["hits"]}) == search["total"] == 2  # the draft's two articles, once


def test_redis_restart_loses_no_queued_job(env: dict[str, str], tmp_path: Path) -> None:
    draft = prepare(env, tmp_path)
    other = tmp_path / "decision.txt"
    other.write_text((FIXTURES / "ky_council_decision.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert kenesh(env, "ingest", str(draft), str(other)).returncode == 0
    queued = [j for j in json.loads(kenesh(env, "jobs", "--json").stdout) if j["state"] == "queued"]
    assert len(queued) == 2
    subprocess.run(["bash", str(ROOT / "scripts" / "services.sh"), "restart-redis"], check=True, timeout=60)
    assert wait_for(lambda: Redis.from_url(env["KENESH_REDIS_URL"]).ping(), 30)
    requeued = [j for j in json.loads(kenesh(env, "jobs", "--json").stdout) if j["state"] == "queued"]
    assert {j["id"] for j in requeued} == {j["id"] for j in queued}
    assert kenesh(env, "worker", "--burst").returncode == 0
    assert notifications(db_for(env)) == 2


def test_elasticsearch_down_for_a_minute_delays_indexing_but_loses_nothing(
    env: dict[str, str], tmp_path: Path
) -> None:
    from search.elastic import ElasticBackend

    alias = f"kenesh-test-{uuid.uuid4().hex[:8]}"
    env = {**env, "KENESH_ELASTICSEARCH_URL": "http://127.0.0.1:9200", "KENESH_ELASTICSEARCH_INDEX": alias}
    services = ["bash", str(ROOT / "scripts" / "services.sh")]
    draft = prepare(env, tmp_path)
    es = ElasticBackend(env["KENESH_ELASTICSEARCH_URL"], alias=alias)
    assert es.healthy()
    subprocess.run([*services, "stop-es"], check=True, timeout=120)
    worker = start_worker(env)
    try:
        assert kenesh(env, "ingest", str(draft)).returncode == 0
        db = db_for(env)
        assert wait_for(
            lambda: "failed" in stage_status(db, "index") or "running" in stage_status(db, "index"), 60
        )
        time.sleep(60)  # a minute without Elasticsearch
        assert notifications(db) == 0
        subprocess.run([*services, "start-es"], check=True, timeout=300)
        assert wait_for(lambda: stage_status(db, "notify") == {"done"}, 300), kenesh(
            env, "jobs", "--json"
        ).stdout
    finally:
        stop(worker)
        subprocess.run([*services, "start-es"], check=False, timeout=300)
    assert notifications(db) == 1
    hits = json.loads(kenesh(env, "search", "бюджет", "--json").stdout)
    assert hits["backend"] == "elasticsearch" and hits["total"] >= 1
    for index in es.client.indices.get_alias(name=alias):
        es.client.indices.delete(index=index)


def test_failed_jobs_are_listed_and_retried(env: dict[str, str], tmp_path: Path) -> None:
    draft = prepare(env, tmp_path)
    broken = {**env, "KENESH_ELASTICSEARCH_URL": "http://127.0.0.1:9", "KENESH_JOB_RETRIES": "0"}
    assert kenesh(broken, "ingest", str(draft)).returncode == 0
    kenesh(broken, "worker", "--burst")
    jobs = json.loads(kenesh(broken, "jobs", "--json").stdout)
    failed = [j for j in jobs if j["state"] == "failed"]
    assert [j["id"] for j in failed] == ["index-1"] and failed[0]["error"]
    assert notifications(db_for(env)) == 0
    retried = json.loads(kenesh(env, "jobs", "retry", "--all-failed", "--json").stdout)
    assert retried == {"retried": ["index-1"]}
    assert kenesh(env, "worker", "--burst").returncode == 0
    assert stage_status(db_for(env), "notify") == {"done"} and notifications(db_for(env)) == 1
