"""One contract, two backends: the embedded SQLite FTS5 index and a real Elasticsearch node (started by
scripts/services.sh; a missing node fails these tests, it does not skip them)."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from core.settings import Settings
from ingest.service import Ingestor
from search.backend import SearchBackend
from search.embedded import EmbeddedBackend
from search.models import Hit, SearchRequest
from search.service import feed_all, search
from workers.chain import ingest_and_process

ROOT = Path(__file__).resolve().parents[1]
ES_URL = os.environ.get("KENESH_TEST_ELASTICSEARCH_URL", "http://127.0.0.1:9200")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Ingestor, list[int]]:
    root = tmp_path_factory.mktemp("search")
    inbox = root / "inbox"
    inbox.mkdir()
    for path in sorted((ROOT / "examples").iterdir()):
        shutil.copy(path, inbox / path.name)
    for path in sorted((ROOT / "tests" / "fixtures" / "acts").glob("*.txt")):
        shutil.copy(path, inbox / path.name)
    settings = Settings(data_dir=root / "data")
    ingestor = Ingestor(settings)
    embedded = EmbeddedBackend(settings.data_dir / "search.sqlite3")
    ids = []
    for path in sorted(inbox.iterdir()):
        outcome = ingest_and_process(ingestor, path, backend=embedded)
        assert outcome.status != "failed", outcome
        ids.append(outcome.document_id or 0)
    # a second version of the Kyrgyz law, so «latest» and «all versions» differ
    law = (ROOT / "tests" / "fixtures" / "acts" / "ky_law_chapters.txt").read_text(encoding="utf-8")
    v2 = root / "ky_law_chapters_v2.txt"
    v2.write_text(law.replace("Кеңештин сессиялары", "Кеңештин кезексиз сессиялары"), encoding="utf-8")
    assert ingest_and_process(ingestor, v2, backend=embedded).status == "new_version"
    return settings, ingestor, ids


@pytest.fixture(scope="module", params=["embedded", "elasticsearch"])
def backend(
    request: pytest.FixtureRequest, corpus: tuple[Settings, Ingestor, list[int]]
) -> Iterator[SearchBackend]:
    settings, ingestor, _ = corpus
    if request.param == "embedded":
        yield EmbeddedBackend(settings.data_dir / "search.sqlite3")
        return
    from search.elastic import ElasticBackend

    es = ElasticBackend(ES_URL, alias=f"kenesh-test-{uuid.uuid4().hex[:8]}")
    assert es.healthy(), f"Elasticsearch is not reachable at {ES_URL}: run scripts/services.sh start"
    es.ensure()
    es.index(feed_all(ingestor.db))
    es.refresh()
    yield es
    for index in es.client.indices.get_alias(name=es.alias):
        es.client.indices.delete(index=index)


def keys(backend: SearchBackend, query: str = "", **params: object) -> set[str]:
    result = search(backend, SearchRequest(query=query, limit=200, **params))  # type: ignore[arg-type]
    return {h.key for h in result.hits}


def test_both_backends_hold_the_same_articles(
    backend: SearchBackend, corpus: tuple[Settings, Ingestor, list[int]]
) -> None:
    embedded = EmbeddedBackend(corpus[0].data_dir / "search.sqlite3")
    assert backend.count() == embedded.count() > 20


def test_inflected_forms_in_both_languages(backend: SearchBackend) -> None:
    result = search(backend, SearchRequest(query="бюджет", limit=50))
    languages = {h.language for h in result.hits}
    assert languages == {"ky", "ru"}
    matched = {w.lower() for h in result.hits for w in h.matched}
    assert {"бюджеттин", "бюджета"} <= matched
    assert all("[" in h.snippet for h in result.hits)


def test_relevance_scores_say_something_and_come_in_order(backend: SearchBackend) -> None:
    scores = [h.score for h in search(backend, SearchRequest(query="бюджет", limit=50)).hits]
    assert all(score > 0 for score in scores) and scores == sorted(scores, reverse=True)
    # a small index's bm25 (SQLite) is near 1e-6: a hit keeps its significant figures, not 0.0
    row = {f: "" for f in ("key", "unit_id", "number", "heading", "title", "language", "act_type", "date")}
    tiny = Hit.of({**row, "document_id": 1, "version_id": 1, "budget": 0}, 1.8456e-06, "", [])
    assert tiny.score == 1.846e-06


def test_phrase_and_boolean_operators(backend: SearchBackend) -> None:
    phrase = keys(backend, '"жергиликтүү бюджет"')
    both = keys(backend, "жергиликтүү AND бюджет")
    assert phrase and phrase <= both
    assert keys(backend, "бюджет OR салык") == keys(backend, "бюджет") | keys(backend, "салык")
    assert keys(backend, "бюджет -республикалык") == keys(backend, "бюджет") - keys(backend, "республикалык")
    assert keys(backend, "бюджет NOT республикалык") == keys(backend, "бюджет -республикалык")


def test_prefix_and_typo_tolerance(backend: SearchBackend) -> None:
    assert keys(backend, "муниципал*")
    assert keys(backend, "жергиликтуу") == keys(
        backend, "жергиликтүү"
    )  # one letter typed on a Russian keyboard
    assert not keys(backend, "абракадабра")


def test_filters_in_query_and_parameters(backend: SearchBackend) -> None:
    assert keys(backend, "бюджет lang:ru") == keys(backend, "бюджет", language="ru")
    budget = keys(backend, "", budget=True)
    assert budget and budget == keys(backend, "budget:yes")
    competence = keys(backend, "competence:local_budget")
    assert competence and competence <= budget | competence
    assert keys(backend, "type:resolution") == keys(backend, "", act_type="resolution")
    assert keys(backend, "date:2021..2025") == keys(backend, "", date_from="2021-01-01", date_to="2025-12-31")


def test_latest_version_by_default(backend: SearchBackend) -> None:
    latest = keys(backend, "сессиялары")
    every = keys(backend, "сессиялары version:all")
    assert len(every) == len(latest) + 1


def test_facets_and_pagination(backend: SearchBackend) -> None:
    first = search(backend, SearchRequest(query="", limit=7, facets=True))
    assert first.facets["language"]["ky"] > 0 and first.facets["language"]["ru"] > 0
    assert sum(first.facets["budget"].values()) == first.total
    seen: list[str] = []
    cursor = None
    while True:
        page = search(backend, SearchRequest(query="", limit=7, after=cursor, facets=False))
        seen += [h.key for h in page.hits]
        cursor = page.next
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == first.total
    by_date = search(backend, SearchRequest(query="", limit=100, sort="date", facets=False))
    dates = [h.date or "" for h in by_date.hits]
    assert dates == sorted(dates, reverse=True)


def test_whole_documents(backend: SearchBackend) -> None:
    articles = search(backend, SearchRequest(query="бюджет", limit=200))
    documents = search(backend, SearchRequest(query="бюджет", limit=200, documents=True))
    ids = [h.document_id for h in documents.hits]
    assert len(ids) == len(set(ids)) == documents.total == len({h.document_id for h in articles.hits})
    best: dict[int, str] = {}
    for hit in articles.hits:
        best.setdefault(hit.document_id, hit.key)
    assert [h.key for h in documents.hits] == list(best.values())
    assert len(search(backend, SearchRequest(query="бюджет", limit=2, documents=True)).hits) == 2


def test_more_like_this_finds_the_same_norm_elsewhere(backend: SearchBackend) -> None:
    # the Osh decision's first point and the council decision fixture's first point: the same allocation norm
    [source] = keys(backend, "жылытуу")
    similar = search(backend, SearchRequest(like=source, limit=3))
    assert similar.hits and all(h.document_id != backend.get(source).document_id for h in similar.hits)  # type: ignore[union-attr]
    assert similar.hits[0].unit_id == "point_1" and "бөлүп" in " ".join(similar.hits[0].matched).lower()


def test_same_results_on_both_backends(corpus: tuple[Settings, Ingestor, list[int]]) -> None:
    from search.elastic import ElasticBackend

    settings, ingestor, _ = corpus
    embedded = EmbeddedBackend(settings.data_dir / "search.sqlite3")
    es = ElasticBackend(ES_URL, alias=f"kenesh-test-{uuid.uuid4().hex[:8]}")
    es.ensure()
    es.index(feed_all(ingestor.db))
    es.refresh()
    try:
        for query in (
            "бюджет",
            '"жергиликтүү бюджет"',
            "салык OR налог",
            "кеңеш -бюджет",
            "муниципал*",
            "budget:yes lang:ky",
            "жергиликтуу",
            "competence:local_budget",
        ):
            assert keys(embedded, query) == keys(es, query), query
        rebuilt = es.rebuild(lambda: feed_all(ingestor.db))  # mapping change: new index, alias swapped
        assert es.current_index() == rebuilt and es.count() == embedded.count()
    finally:
        for index in es.client.indices.get_alias(name=es.alias):
            es.client.indices.delete(index=index)


def test_cli_and_api_share_one_implementation(
    corpus: tuple[Settings, Ingestor, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from api.app import app as api
    from cli.main import app as cli
    from core.settings import get_settings

    settings, _, _ = corpus
    monkeypatch.setenv("KENESH_DATA_DIR", str(settings.data_dir))
    get_settings.cache_clear()
    try:
        out = json.loads(CliRunner().invoke(cli, ["search", "бюджет", "--lang", "ky", "--json"]).stdout)
        via_api = TestClient(api).get("/search", params={"q": "бюджет", "lang": "ky"}).json()
        assert [h["key"] for h in out["hits"]] == [h["key"] for h in via_api["hits"]]
        assert out["total"] == via_api["total"] > 0
        document = TestClient(api).get(f"/documents/{out['hits'][0]['document_id']}").json()
        assert document["articles"]
    finally:
        get_settings.cache_clear()


def test_async_api_search_on_elasticsearch(
    corpus: tuple[Settings, Ingestor, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The API answers through the official async client and gives what the sync path gives."""
    from api.app import app as api
    from core.settings import get_settings
    from search.elastic import ElasticBackend

    settings, ingestor, _ = corpus
    alias = f"kenesh-test-{uuid.uuid4().hex[:8]}"
    es = ElasticBackend(ES_URL, alias=alias)
    es.ensure()
    es.index(feed_all(ingestor.db))
    es.refresh()
    monkeypatch.setenv("KENESH_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("KENESH_ELASTICSEARCH_URL", ES_URL)
    monkeypatch.setenv("KENESH_ELASTICSEARCH_INDEX", alias)
    get_settings.cache_clear()
    try:
        for query in ("бюджет", '"жергиликтүү бюджет"', "жергиликтуу lang:ky"):
            via_api = TestClient(api).get("/search", params={"q": query, "limit": 50}).json()
            assert via_api["backend"] == "elasticsearch"
            assert {h["key"] for h in via_api["hits"]} == keys(es, query), query
            assert all("[" in h["snippet"] for h in via_api["hits"])
    finally:
        get_settings.cache_clear()
        for index in es.client.indices.get_alias(name=alias):
            es.client.indices.delete(index=index)


def test_an_index_made_by_another_analysis_is_rebuilt_and_a_current_one_kept(
    corpus: tuple[Settings, Ingestor, list[int]], tmp_path: Path
) -> None:
    """Keys change when the lemmatizer's data does: an index stamped by another analysis is rebuilt
    from the records store; a current one is reused as it is, also after a rebuild (a new process
    must neither re-feed nor empty it)."""
    from search.analysis import fingerprint
    from search.elastic import ElasticBackend
    from search.service import get_backend

    _, ingestor, _ = corpus
    embedded = EmbeddedBackend(tmp_path / "search.sqlite3")
    embedded.index(feed_all(ingestor.db)[:3])
    with embedded.conn:
        embedded.conn.execute("INSERT OR REPLACE INTO meta(name, value) VALUES('analysis', 'older')")
    fresh = get_backend(Settings(data_dir=tmp_path), ingestor.db)
    assert fresh.count() == len(feed_all(ingestor.db)) and embedded.analysis() == fingerprint()

    es = ElasticBackend(ES_URL, alias=f"kenesh-test-{uuid.uuid4().hex[:8]}")
    try:
        es.ensure()
        es.index(feed_all(ingestor.db))
        es.refresh()
        rebuilt = es.rebuild(lambda: feed_all(ingestor.db))
        again = ElasticBackend(ES_URL, alias=es.alias)
        again.ensure(lambda: [])  # a feed that would empty the index if it were used
        again.delete_document(-1)  # writing goes through ensure() too
        assert again.current_index() == rebuilt and again.count() == embedded.count()
        es.client.indices.put_mapping(index=rebuilt, meta={"analysis": "older"})
        stale = ElasticBackend(ES_URL, alias=es.alias)
        stale.ensure(lambda: feed_all(ingestor.db))
        assert stale.current_index() != rebuilt and stale.count() == embedded.count()
        assert stale._analysis_of(stale.index_name) == fingerprint()
    finally:
        for index in es.client.indices.get_alias(name=es.alias):
            es.client.indices.delete(index=index)
