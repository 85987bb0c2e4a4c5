"""The one search implementation the CLI, the API and the workers call."""

from __future__ import annotations

import re

from core.db import Database
from core.settings import Settings
from search.backend import SearchBackend
from search.embedded import EmbeddedBackend
from search.feed import all_document_ids, docs_for_document
from search.highlight import snippet
from search.models import Hit, SearchDoc, SearchRequest, SearchResult
from search.query import ParsedQuery, parse_query

YES = {"yes", "true", "1", "да", "ооба"}


def get_backend(settings: Settings, db: Database | None = None) -> SearchBackend:
    if settings.elasticsearch_url:
        from search.elastic import ElasticBackend

        backend: SearchBackend = ElasticBackend(
            settings.elasticsearch_url, alias=settings.elasticsearch_index
        )
    else:
        backend = EmbeddedBackend(settings.data_dir / "search.sqlite3")
    if db is not None:  # an index made by an older analysis is rebuilt from the records store
        backend.ensure(lambda: feed_all(db))
    return backend


def feed_all(db: Database) -> list[SearchDoc]:
    out: list[SearchDoc] = []
    for document_id in all_document_ids(db):
        out += docs_for_document(db, document_id)
    return out


def index_document(db: Database, backend: SearchBackend, document_id: int) -> int:
    """(Re)index every version of a document, so «latest» flags stay right when a version arrives."""
    docs = docs_for_document(db, document_id)
    backend.delete_document(document_id)
    backend.index(docs)
    return len(docs)


def apply_filters(request: SearchRequest, filters: dict[str, list[str]]) -> SearchRequest:
    """Field filters written in the query string override or add to the request's parameters."""
    data = request.model_dump()
    for name, values in filters.items():
        value = values[-1]
        if name == "lang":
            data["language"] = value
        elif name == "type":
            data["act_type"] = value
        elif name == "competence":
            data["competences"] = list(dict.fromkeys([*data["competences"], *values]))
        elif name in {"budget", "lsg", "draft"}:
            data[name] = value.lower() in YES
        elif name == "source":
            data["source"] = value
        elif name == "doc" and value.isdigit():
            data["document_id"] = int(value)
        elif name == "version":
            data["all_versions"] = value.lower() == "all"
        elif name in {"year", "date"}:
            low, _, high = value.partition("..")
            data["date_from"] = _date_bound(low, start=True) or data["date_from"]
            data["date_to"] = _date_bound(high or low, start=False) or data["date_to"]
    return SearchRequest(**data)


def _date_bound(value: str, start: bool) -> str | None:
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-01-01" if start else f"{value}-12-31"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return None


def search(backend: SearchBackend, request: SearchRequest) -> SearchResult:
    parsed = parse_query(request.query)
    request = apply_filters(request, parsed.filters)
    if request.documents and not request.like:
        return _finish(backend, request, parsed, by_document(backend, request, parsed))
    return _finish(backend, request, parsed, None)


MAX_DOCUMENT_PAGES = 20


def by_document(backend: SearchBackend, request: SearchRequest, parsed: ParsedQuery) -> SearchResult:
    """Search whole documents: walk the article ranking page by page and keep each document's first
    (best) article until ``limit`` documents are found. The same on both backends."""
    page = request.model_copy(update={"limit": max(50, request.limit * 5), "documents": False})
    seen: dict[int, Hit] = {}
    result = SearchResult(total=0, hits=[])
    for _ in range(MAX_DOCUMENT_PAGES):
        result = backend.search(page, parsed)
        for hit in result.hits:
            seen.setdefault(hit.document_id, hit)
        if len(seen) >= request.limit or result.next is None:
            break
        page = page.model_copy(update={"after": result.next, "facets": False})
    hits = list(seen.values())[: request.limit]
    exhausted = result.next is None
    return SearchResult(
        total=len(seen),
        total_is_lower_bound=not exhausted,
        hits=hits,
        facets=result.facets,
        backend=result.backend,
        took_ms=result.took_ms,
    )


async def asearch(backend: SearchBackend, request: SearchRequest) -> SearchResult:
    """``search`` for async callers: the Elasticsearch backend's async client, others in a thread."""
    parsed = parse_query(request.query)
    request = apply_filters(request, parsed.filters)
    native = getattr(backend, "asearch", None)
    if native is not None and not request.like and not request.documents:
        return _finish(backend, request, parsed, await native(request, parsed))
    from starlette.concurrency import run_in_threadpool

    if request.documents and not request.like:
        found = await run_in_threadpool(by_document, backend, request, parsed)
        return await run_in_threadpool(_finish, backend, request, parsed, found)
    return await run_in_threadpool(_finish, backend, request, parsed, None)


def _finish(
    backend: SearchBackend, request: SearchRequest, parsed: ParsedQuery, result: SearchResult | None
) -> SearchResult:
    """Run the query unless done already, then snippets with the matched words."""
    from search.typos import expand

    keys: set[str] = set()
    if request.like:
        result = result or backend.more_like_this(request.like, request)  # type: ignore[attr-defined]
        source = backend.get(request.like)
        keys = set(source.lemmas.split()) if source is not None else set()
    else:
        result = result or backend.search(request, parsed)
        keys = parsed.positive_keys()
        if keys and len(keys) < 50:
            keys = expand(keys, backend.vocabulary, getattr(backend, "known", None))
    prefixes = parsed.prefixes()
    for hit in result.hits:
        hit.snippet, hit.matched = snippet(hit.snippet, hit.language, keys, prefixes)
    result.query = request.model_dump(exclude_defaults=True)
    return result
