"""Watches: the inverted-index matcher gives exactly what running each watch as a search over the
article gives (on both backends); notifications are recorded once and delivered through real
channels (an HTTP endpoint checking the HMAC signature, a real SMTP server, the Atom feed)."""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from core.settings import Settings
from ingest.service import Ingestor
from search.embedded import EmbeddedBackend
from search.feed import docs_for_document
from search.models import SearchDoc
from search.notify import add_user, add_watch, atom_feed, list_notifications, send_digests
from search.service import search
from search.watches import WatchIndex, WatchSpec, naive_match
from workers.chain import ingest_and_process

ROOT = Path(__file__).resolve().parents[1]
ES_URL = "http://127.0.0.1:9200"
FIXTURES = ROOT / "tests" / "fixtures" / "acts"
WORDS = [
    "бюджет",
    "жергиликтүү",
    "салык",
    "кеңеш",
    "налог",
    "местного",
    "мектеп",
    "айыл",
    "бюджеттин",
    "статья",
    "жергиликтуу",
    "самоуправлениия",
    "муниципал*",
    "мэр*",
    "эсебинен",
    "за",
    "счет",
    "республикалык",
]


def random_query(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 3)):
        word = rng.choice(WORDS)
        shape = rng.random()
        if shape < 0.15:
            parts.append(f"-{word.rstrip('*')}")
        elif shape < 0.3:
            parts.append(f'"{word.rstrip("*")} {rng.choice(WORDS).rstrip("*")}"')
        else:
            parts.append(word)
        if rng.random() < 0.25:
            parts.append("OR")
    if parts[-1] == "OR":
        parts.pop()
    if rng.random() < 0.2:
        parts.append(rng.choice(["lang:ky", "lang:ru", "budget:yes", "competence:local_budget"]))
    return " ".join(parts)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Ingestor, list[SearchDoc]]:
    root = tmp_path_factory.mktemp("watches")
    settings = Settings(data_dir=root / "data")
    ingestor = Ingestor(settings)
    inbox = root / "inbox"
    inbox.mkdir()
    for path in [*sorted((ROOT / "examples").iterdir()), *sorted(FIXTURES.glob("*.txt"))]:
        shutil.copy(path, inbox / path.name)
    docs: list[SearchDoc] = []
    for path in sorted(inbox.iterdir()):
        outcome = ingest_and_process(ingestor, path)
        docs += docs_for_document(ingestor.db, outcome.document_id or 0)
    return settings, ingestor, [d for d in {d.key: d for d in docs}.values()]


def test_matcher_equals_search_over_the_article_on_both_backends(
    store: tuple[Settings, Ingestor, list[SearchDoc]], tmp_path: Path
) -> None:
    from search.elastic import ElasticBackend

    _, _, docs = store
    rng = random.Random(7)
    specs = [WatchSpec(id=i, query=random_query(rng)) for i in range(120)]
    specs += [
        WatchSpec(id=1000, query="", budget=True),
        WatchSpec(id=1001, query="", competences=["local_budget"]),
    ]
    index = WatchIndex(specs)
    es = ElasticBackend(ES_URL, alias=f"kenesh-test-{uuid.uuid4().hex[:8]}")
    assert es.healthy(), "Elasticsearch is not reachable: run scripts/services.sh start"
    try:
        for n, doc in enumerate(docs[:12]):
            matched = set(index.match(doc))
            assert matched == set(naive_match(doc, specs))
            embedded = EmbeddedBackend(tmp_path / f"one-{n}.sqlite3")
            embedded.index([doc])
            es.clear()
            es.index([doc])
            es.refresh()
            for backend in (embedded, es):
                by_search = {s.id for s in specs if search(backend, s.request()).total == 1}
                assert matched == by_search, (backend.name, doc.key)
    finally:
        for name in es.client.indices.get_alias(name=es.alias):
            es.client.indices.delete(index=name)


def test_inverted_index_checks_few_watches(store: tuple[Settings, Ingestor, list[SearchDoc]]) -> None:
    _, _, docs = store
    rng = random.Random(3)
    specs = [WatchSpec(id=i, query=f"{rng.choice(WORDS)}{i}") for i in range(3000)]
    specs.append(WatchSpec(id=9999, query="бюджет"))
    index = WatchIndex(specs)
    doc = next(d for d in docs if "бюджет" in d.lemmas.split())
    assert len(index.candidates(doc)) < 50
    assert 9999 in index.match(doc)


class Hook(BaseHTTPRequestHandler):
    received: ClassVar[list[tuple[bytes, str]]] = []
    fail = False

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["content-length"]))
        Hook.received.append((body, self.headers["x-kenesh-signature"]))
        self.send_response(500 if Hook.fail else 200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def hook_url() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Hook.received.clear()
    Hook.fail = False
    yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    server.shutdown()


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append(envelope.content)  # type: ignore[attr-defined]
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_notifications_once_per_version_and_channels(tmp_path: Path, hook_url: str) -> None:
    mailbox = Mailbox()
    port = free_port()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=port)
    smtp.start()
    try:
        settings = Settings(data_dir=tmp_path / "data", smtp_host="127.0.0.1", smtp_port=port)
        ingestor = Ingestor(settings)
        add_user(ingestor.db, "aigul", "ky", "aigul@example.kg")
        add_user(ingestor.db, "ivan", "ru", "ivan@example.kg")
        budget = add_watch(ingestor.db, "aigul", template="local-budget", webhook_url=hook_url)
        add_watch(ingestor.db, "ivan", query="бюджет", languages=["ru"])
        add_watch(ingestor.db, "ivan", query="мектеп", mode="daily")
        draft = tmp_path / "draft.txt"
        shutil.copy(FIXTURES / "ky_amending_draft.txt", draft)
        first = ingest_and_process(ingestor, draft)
        again = ingest_and_process(ingestor, draft)
        assert again.status == "duplicate"
        ky = list_notifications(ingestor.db, "aigul")
        assert len(ky) == 1 and ky[0]["version_id"] == first.version_id and ky[0]["articles"] == ["1"]
        assert ky[0]["snippet"] and ky[0]["reason"] and "берене" in ky[0]["message"]
        body, signature = Hook.received[0]
        assert len(Hook.received) == 1
        assert (
            signature
            == "sha256=" + hmac.new((budget.webhook_secret or "").encode(), body, hashlib.sha256).hexdigest()
        )
        assert json.loads(body)["version_id"] == first.version_id
        assert len(mailbox.messages) == 1 and b"aigul@example.kg" in mailbox.messages[0]
        # the Kyrgyz draft is not Russian: only the language-free daily watch «мектеп» matched it
        assert [n["watch_id"] for n in list_notifications(ingestor.db, "ivan")] == [3]
        russian = tmp_path / "ru.txt"
        shutil.copy(ROOT / "examples" / "draft_lsg_law_amendment_ru.txt", russian)
        ingest_and_process(ingestor, russian)
        [ru] = [n for n in list_notifications(ingestor.db, "ivan") if n["watch_id"] != 3]
        assert "статья" in ru["message"]
        assert send_digests(ingestor.db, settings) <= 1
        feed = atom_feed(ingestor.db, "aigul", _token(ingestor, "aigul"), settings)
        assert "<entry>" in feed and "Жергиликтүү" in feed
    finally:
        smtp.stop()


def _token(ingestor: Ingestor, name: str) -> str:
    from sqlalchemy import select

    from core.models import User

    with ingestor.db.session() as session:
        return session.scalar(select(User.feed_token).where(User.name == name)) or ""


def test_failing_webhook_is_retried_then_disabled_with_a_reason(tmp_path: Path, hook_url: str) -> None:
    from core.models import Watch

    Hook.fail = True
    settings = Settings(data_dir=tmp_path / "data", webhook_max_failures=2)
    ingestor = Ingestor(settings)
    add_user(ingestor.db, "aigul")
    watch = add_watch(ingestor.db, "aigul", template="local-budget", webhook_url=hook_url)
    for name in ("ky_amending_draft.txt", "ky_council_decision.txt"):
        shutil.copy(FIXTURES / name, tmp_path / name)
        ingest_and_process(ingestor, tmp_path / name)
    assert len(Hook.received) == 2 * 3  # three tries per delivery
    with ingestor.db.session() as session:
        stored = session.get(Watch, watch.id)
        assert (
            stored is not None
            and stored.webhook_disabled_reason
            and "2 failed deliveries" in stored.webhook_disabled_reason
        )
    assert len(list_notifications(ingestor.db, "aigul")) == 2  # the in-app feed still has them


def test_cli_and_api_for_users_watches_and_notifications(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api.app import app as api
    from cli.main import app
    from core.settings import get_settings

    monkeypatch.setenv("KENESH_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    runner = CliRunner()
    try:
        user = json.loads(runner.invoke(app, ["user", "add", "aigul", "--lang", "ky", "--json"]).stdout)
        watch = json.loads(
            runner.invoke(
                app, ["watch", "add", "--user", "aigul", "--template", "local-budget", "--json"]
            ).stdout
        )
        assert user["id"] and watch["id"] and watch["budget"] is True
        other = json.loads(
            runner.invoke(
                app,
                [
                    "watch",
                    "add",
                    "--user",
                    "aigul",
                    "--query",
                    "салык",
                    "--competence",
                    "local_taxes_fees",
                    "--digest",
                    "daily",
                    "--json",
                ],
            ).stdout
        )
        assert [
            w["id"]
            for w in json.loads(runner.invoke(app, ["watch", "list", "--user", "aigul", "--json"]).stdout)
        ] == [watch["id"], other["id"]]
        assert runner.invoke(app, ["watch", "remove", str(other["id"])]).exit_code == 0
        shutil.copy(FIXTURES / "ky_amending_draft.txt", tmp_path / "draft.txt")
        runner.invoke(app, ["ingest", str(tmp_path / "draft.txt")])
        rows = json.loads(
            runner.invoke(app, ["notifications", "--user", "aigul", "--unread", "--json"]).stdout
        )
        assert len(rows) == 1 and set(rows[0]) >= {
            "watch_id",
            "document_id",
            "version_id",
            "articles",
            "snippet",
            "reason",
        }
        client = TestClient(api)
        assert (
            client.get("/users/aigul/notifications", params={"unread": True}).json()[0]["id"] == rows[0]["id"]
        )
        client.post(f"/users/aigul/notifications/{rows[0]['id']}/read")
        assert client.get("/users/aigul/notifications", params={"unread": True}).json() == []
        token = user["atom"].split("token=")[1]
        assert client.get(f"/users/aigul/atom?token={token}").status_code == 200
        assert client.get("/users/aigul/atom?token=wrong").status_code == 404
        progress = client.get(f"/documents/{rows[0]['document_id']}/progress").json()
        assert progress[0]["stages"] == {"nlp": "done", "index": "done", "notify": "done"}
        time.sleep(0)
    finally:
        get_settings.cache_clear()
