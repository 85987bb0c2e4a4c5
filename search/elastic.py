"""The Elasticsearch backend (official client, major version 8). Versioned indices behind an alias;
a mapping change builds a new index from the records store and swaps the alias. Uses only what the
integ-test distribution serves: built-in analyzers (standard, whitespace), BM25, terms aggregations,
search_after and more_like_this."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from elastic_transport import HttpxAsyncHttpNode
from elasticsearch import AsyncElasticsearch, Elasticsearch, NotFoundError, helpers
from elasticsearch import ConnectionError as EsConnectionError
from elasticsearch import TransportError as EsTransportError
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from core.logs import get_logger
from search.analysis import fingerprint
from search.models import Hit, SearchDoc, SearchRequest, SearchResult, decode_cursor, encode_cursor
from search.query import And, Node, Not, Or, ParsedQuery, Phrase, Prefix, Term
from search.typos import expand

ALIAS = "kenesh-articles"
MAPPING_VERSION = 1
MAPPING: dict[str, Any] = {
    "properties": {
        "key": {"type": "keyword"},
        "document_id": {"type": "integer"},
        "version_id": {"type": "integer"},
        "version_seq": {"type": "integer"},
        "latest": {"type": "boolean"},
        "unit_id": {"type": "keyword"},
        "number": {"type": "keyword"},
        "heading": {"type": "text"},
        "title": {"type": "text"},
        "language": {"type": "keyword"},
        "act_type": {"type": "keyword"},
        "draft": {"type": "boolean"},
        "date": {"type": "date", "format": "yyyy-MM-dd", "ignore_malformed": True},
        "year": {"type": "integer"},
        "source": {"type": "keyword"},
        "competences": {"type": "keyword"},
        "budget": {"type": "boolean"},
        "lsg": {"type": "boolean"},
        "text": {"type": "text", "analyzer": "standard"},
        "lemmas": {"type": "text", "analyzer": "whitespace"},
        "keys": {"type": "keyword"},
    }
}
log = get_logger(__name__)
TRANSIENT = (EsConnectionError, EsTransportError, ConnectionError, TimeoutError)


class ElasticBackend:
    name = "elasticsearch"

    def __init__(self, url: str, alias: str = ALIAS, client: Elasticsearch | None = None) -> None:
        self.url = url
        self.client = client or Elasticsearch(url, request_timeout=30, retry_on_timeout=True, max_retries=3)
        self._async: AsyncElasticsearch | None = None
        self.alias = alias
        self.index_name = f"{alias}-v{MAPPING_VERSION}"
        self._ready = False  # the alias was checked (or built) by this object
        self._vocabulary: dict[str, set[str]] = {}
        self.last_body: dict[str, Any] = {}
        self._known: dict[str, bool] = {}  # lemma key -> indexed? (cleared whenever documents change)

    def healthy(self) -> bool:
        """Cluster health (the integ-test distribution has no «GET /», so ``ping`` cannot be used)."""
        try:
            return self.client.cluster.health(timeout="5s")["status"] in {"green", "yellow"}
        except Exception:
            return False

    # -- index lifecycle ---------------------------------------------------------------------------
    def current_index(self) -> str | None:
        try:
            found = self.client.indices.get_alias(name=self.alias)
        except NotFoundError:
            return None
        return next(iter(found.keys()), None)

    def _prefix(self) -> str:
        return f"{self.alias}-v{MAPPING_VERSION}"

    def _analysis_of(self, index: str) -> str | None:
        mappings = self.client.indices.get_mapping(index=index)[index]["mappings"]
        meta = mappings.get("_meta") or {}
        return meta.get("analysis")

    def _create(self, index: str) -> None:
        self.client.indices.create(
            index=index,
            mappings={**MAPPING, "_meta": {"analysis": fingerprint()}},
            settings={"number_of_shards": 1, "number_of_replicas": 0},
        )

    def ensure(self, feed: Callable[[], Iterable[SearchDoc]] | None = None) -> None:
        """Make the alias point at an index with the current mapping and analysis; build and re-feed one
        from ``feed`` when the current one is stale. Checked once per backend object."""
        if self._ready:
            return
        current = self.current_index()
        if current and current.startswith(self._prefix()) and self._analysis_of(current) == fingerprint():
            self.index_name, self._ready = current, True
            return
        if current and feed is None:
            # stale, but nothing to rebuild it from here: keep serving it rather than lose it
            log.warning("search index built by another analysis; run `kenesh reindex`", index=current)
            self.index_name, self._ready = current, True
            return
        if current:
            log.info("search index made by another analysis or mapping: rebuilding", index=current)
            self.rebuild(feed or (lambda: []))
        else:
            self._create(self._prefix())
            self.client.indices.update_aliases(
                actions=[{"add": {"index": self._prefix(), "alias": self.alias}}]
            )
            self.index_name = self._prefix()
        self._ready = True

    def rebuild(self, feed: Callable[[], Iterable[SearchDoc]]) -> str:
        """Build a fresh index from the records store and swap the alias to it (no downtime)."""
        target = f"{self._prefix()}-{int(time.time() * 1000)}"
        self._create(target)
        self._bulk(feed(), index=target)
        self.client.indices.refresh(index=target)
        current = self.current_index()
        actions: list[dict[str, Any]] = [{"add": {"index": target, "alias": self.alias}}]
        if current:
            actions.insert(0, {"remove": {"index": current, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        if current:
            self.client.indices.delete(index=current, ignore_unavailable=True)
        self.index_name, self._ready = target, True
        self._vocabulary.clear()
        self._known.clear()
        return target

    # -- writing ---------------------------------------------------------------------------------
    @retry(
        retry=retry_if_exception_type(TRANSIENT),
        wait=wait_exponential(multiplier=0.5, max=8),
        stop=stop_after_attempt(6),
        reraise=True,
    )
    def _bulk(self, docs: Iterable[SearchDoc], index: str | None = None) -> None:
        actions = (
            {
                "_op_type": "index",
                "_index": index or self.alias,
                "_id": d.key,
                "_source": {**d.model_dump(), "keys": sorted(set(d.lemmas.split()))},
            }
            for d in docs
        )
        helpers.bulk(self.client, actions, chunk_size=500, max_retries=3, initial_backoff=1)

    def index(self, docs: list[SearchDoc]) -> None:
        self.ensure()
        self._bulk(docs)
        self._vocabulary.clear()
        self._known.clear()

    @retry(
        retry=retry_if_exception_type(TRANSIENT),
        wait=wait_exponential(multiplier=0.5, max=8),
        stop=stop_after_attempt(6),
        reraise=True,
    )
    def delete_document(self, document_id: int) -> None:
        """Remove a document's units. The integ-test distribution has no delete-by-query (it lives in the
        reindex module), so ids are collected with search_after and deleted in bulk."""
        self.ensure()
        self._delete_where({"term": {"document_id": document_id}})

    def _delete_where(self, query: dict[str, Any]) -> None:
        after: list[Any] | None = None
        while True:
            body: dict[str, Any] = {"query": query, "size": 1000, "sort": [{"key": "asc"}], "_source": False}
            if after is not None:
                body["search_after"] = after
            hits = self.client.search(index=self.alias, **body)["hits"]["hits"]
            if not hits:
                break
            actions = ({"_op_type": "delete", "_index": self.alias, "_id": h["_id"]} for h in hits)
            helpers.bulk(self.client, actions, raise_on_error=False)
            after = hits[-1]["sort"]
        self.client.indices.refresh(index=self.alias)

    def refresh(self) -> None:
        self.client.indices.refresh(index=self.alias)

    def clear(self) -> None:
        self.ensure()
        self._delete_where({"match_all": {}})
        self._vocabulary.clear()
        self._known.clear()

    def count(self) -> int:
        self.ensure()
        return int(self.client.count(index=self.alias)["count"])

    def get(self, key: str) -> SearchDoc | None:
        self.ensure()
        try:
            source = self.client.get(index=self.alias, id=key)["_source"]
        except NotFoundError:
            return None
        source.pop("keys", None)
        return SearchDoc(**source)

    def known(self, keys: set[str]) -> set[str]:
        """Which of ``keys`` are indexed; answered from what one request per query fetched (see
        ``_prefetch_known``) or with a request of its own."""
        missing = keys - self._known.keys()
        if missing:
            self._fetch_known(missing)
        return {k for k in keys if self._known.get(k)}

    def _fetch_known(self, keys: set[str]) -> None:
        if len(self._known) > 50_000:
            self._known.clear()
        body = self._search(
            {
                "size": 0,
                "query": {"terms": {"keys": sorted(keys)}},
                "aggs": {"k": {"terms": {"field": "keys", "include": sorted(keys), "size": len(keys)}}},
            }
        )
        found = {b["key"] for b in body["aggregations"]["k"]["buckets"]}
        for key in keys:
            self._known[key] = key in found

    def vocabulary(self, first_letter: str) -> set[str]:
        if first_letter not in self._vocabulary:
            body = self.client.search(
                index=self.alias,
                size=0,
                aggs={
                    "v": {"terms": {"field": "keys", "include": f"{_escape(first_letter)}.*", "size": 20000}}
                },
            )
            self._vocabulary[first_letter] = {b["key"] for b in body["aggregations"]["v"]["buckets"]}
        return self._vocabulary[first_letter]

    # -- searching -------------------------------------------------------------------------------
    def _clause(self, node: Node | None) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        if node is None:
            return None, None
        if isinstance(node, Term):
            keys = sorted(expand(node.keys, self.vocabulary, self.known))
            return {
                "bool": {"should": [{"term": {"lemmas": k}} for k in keys], "minimum_should_match": 1}
            }, None
        if isinstance(node, Prefix):
            return {"prefix": {"lemmas": node.stem}}, None
        if isinstance(node, Phrase):
            return {
                "bool": {
                    "should": [{"match_phrase": {"lemmas": " ".join(v)}} for v in sorted(node.variants)],
                    "minimum_should_match": 1,
                }
            }, None
        if isinstance(node, Not):
            positive, _ = self._clause(node.node)
            return None, positive
        if isinstance(node, Or):
            parts = [p for p, _ in (self._clause(n) for n in node.nodes) if p]
            return ({"bool": {"should": parts, "minimum_should_match": 1}} if parts else None), None
        positives, negatives = [], []
        for child in node.nodes:
            p, n = self._clause(child)
            if p:
                positives.append(p)
            if n:
                negatives.append(n)
        pos = {"bool": {"must": positives}} if positives else None
        neg = {"bool": {"should": negatives, "minimum_should_match": 1}} if negatives else None
        return pos, neg

    def _filters(self, request: SearchRequest) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        if not request.all_versions:
            out.append({"term": {"latest": True}})
        for field, value in (
            ("language", request.language),
            ("act_type", request.act_type),
            ("source", request.source),
            ("document_id", request.document_id),
        ):
            if value is not None:
                out.append({"term": {field: value}})
        for field, flag in (("budget", request.budget), ("lsg", request.lsg), ("draft", request.draft)):
            if flag is not None:
                out.append({"term": {field: flag}})
        if request.date_from or request.date_to:
            bounds = {k: v for k, v in (("gte", request.date_from), ("lte", request.date_to)) if v}
            out.append({"range": {"date": bounds}})
        for competence in request.competences:
            out.append({"term": {"competences": competence}})
        return out

    def search(self, request: SearchRequest, parsed: ParsedQuery) -> SearchResult:
        """One request in the common case: long query words not yet known to be indexed are assumed
        indexed, and a global aggregation in the same request checks it; only if a word turns out to
        be absent (a typo) is the query rebuilt with its close variants and sent again."""
        self.ensure()
        started = time.perf_counter()
        unknown = self._long_keys(parsed) - self._known.keys()
        for key in unknown:
            self._known[key] = True  # optimistic, checked by the aggregation below
        body = self._body(request, parsed)
        if unknown:
            body.setdefault("aggs", {})["_known"] = {
                "global": {},
                "aggs": {
                    "k": {
                        "filter": {"terms": {"keys": sorted(unknown)}},
                        "aggs": {
                            "t": {
                                "terms": {"field": "keys", "include": sorted(unknown), "size": len(unknown)}
                            }
                        },
                    }
                },
            }
        response = self._search(body)
        if unknown:
            buckets = response["aggregations"].pop("_known")["k"]["t"]["buckets"]
            found = {b["key"] for b in buckets}
            for key in unknown:
                self._known[key] = key in found
            if unknown - found:  # a word is not in the index: widen it to its close variants
                body = self._body(request, parsed)
                response = self._search(body)
        self.last_body = body
        return self._result(response, request, started)

    async def asearch(self, request: SearchRequest, parsed: ParsedQuery) -> SearchResult:
        """The same search with the official async client (the API's event loop is not blocked)."""
        if self._async is None:
            self._async = AsyncElasticsearch(  # httpx, already a dependency, rather than aiohttp
                self.url,
                node_class=HttpxAsyncHttpNode,
                request_timeout=30,
                retry_on_timeout=True,
                max_retries=3,
            )
        self.ensure()
        started = time.perf_counter()
        unknown = self._long_keys(parsed) - self._known.keys()
        if unknown:
            self.known(unknown)  # rare (words not seen before): the one synchronous round trip
        body = self._body(request, parsed)
        response = await self._async.search(index=self.alias, **body)
        self.last_body = body
        return self._result(response, request, started)

    def _result(self, response: Any, request: SearchRequest, started: float) -> SearchResult:
        raw = response["hits"]["hits"]
        more = len(raw) > request.limit
        raw = raw[: request.limit]
        hits = [_hit(h) for h in raw]
        facets: dict[str, dict[str, int]] = {}
        for name, agg in response.get("aggregations", {}).items():
            facets[name] = {_bucket_key(name, b): b["doc_count"] for b in agg["buckets"]}
        return SearchResult(
            total=response["hits"]["total"]["value"],
            total_is_lower_bound=response["hits"]["total"].get("relation") == "gte",
            hits=hits,
            facets=facets,
            next=encode_cursor(raw[-1]["sort"]) if more and raw else None,
            backend=self.name,
            took_ms=(time.perf_counter() - started) * 1000,
        )

    @staticmethod
    def _long_keys(parsed: ParsedQuery) -> set[str]:
        keys: set[str] = set()

        def walk(node: Node | None) -> None:
            if isinstance(node, Term):
                keys.update(k for k in node.keys if len(k) >= 6)
            elif isinstance(node, Not):
                walk(node.node)
            elif isinstance(node, (And, Or)):
                for child in node.nodes:
                    walk(child)

        walk(parsed.tree)
        return keys

    def _body(self, request: SearchRequest, parsed: ParsedQuery) -> dict[str, Any]:
        positive, negative = self._clause(parsed.tree)
        query: dict[str, Any] = {"bool": {"filter": self._filters(request)}}
        query["bool"]["must"] = [positive] if positive else [{"match_all": {}}]
        if negative:
            query["bool"]["must_not"] = [negative]
        sort: list[Any] = (
            [{"date": {"order": "desc", "missing": "_last"}}, {"key": "asc"}]
            if request.sort == "date"
            else [{"_score": "desc"}, {"key": "asc"}]
        )
        body: dict[str, Any] = {
            "query": query,
            "sort": sort,
            "size": request.limit + 1,
            "track_total_hits": 10_000,
        }
        if request.after:
            body["search_after"] = decode_cursor(request.after)
        if request.facets:
            body["aggs"] = {
                name: {"terms": {"field": field, "size": 50}}
                for name, field in (
                    ("language", "language"),
                    ("act_type", "act_type"),
                    ("year", "year"),
                    ("budget", "budget"),
                    ("competence", "competences"),
                )
            }
        return body

    @retry(
        retry=retry_if_exception_type(TRANSIENT),
        wait=wait_exponential(multiplier=0.5, max=4),
        stop=stop_after_attempt(4),
        reraise=True,
    )
    def _search(self, body: dict[str, Any]) -> Any:
        return self.client.search(index=self.alias, **body)

    def raw_search(self, body: dict[str, Any]) -> float:
        """Elasticsearch's own time for a query body, in ms (for the API-overhead benchmark)."""
        return float(self._search(body)["took"])

    def more_like_this(self, key: str, request: SearchRequest) -> SearchResult:
        self.ensure()
        source = self.get(key)
        if source is None:
            return SearchResult(total=0, hits=[], backend=self.name)
        query = {
            "bool": {
                "must": [
                    {
                        "more_like_this": {
                            "fields": ["lemmas"],
                            "like": [{"_index": self.alias, "_id": key}],
                            "min_term_freq": 1,
                            "min_doc_freq": 1,
                            "max_query_terms": 12,
                            "minimum_should_match": "1",
                        }
                    }
                ],
                "filter": self._filters(request),
                "must_not": [{"term": {"document_id": source.document_id}}],
            }
        }
        response = self._search(
            {"query": query, "size": request.limit, "sort": [{"_score": "desc"}, {"key": "asc"}]}
        )
        hits = [_hit(h) for h in response["hits"]["hits"]]
        return SearchResult(total=len(hits), hits=hits, backend=self.name)


def _escape(letter: str) -> str:
    return "".join("\\" + c if c in '.?+*|{}[]()"\\#@&<>~' else c for c in letter)


def _bucket_key(name: str, bucket: dict[str, Any]) -> str:
    if name == "budget":
        return "yes" if bucket.get("key_as_string") == "true" or bucket["key"] in (1, True) else "no"
    return str(bucket["key"])


def _hit(raw: dict[str, Any]) -> Hit:
    source = {"act_type": None, "date": None, **raw["_source"]}
    return Hit.of(source, raw.get("_score") or 0.0, source["text"], source.get("competences", []))
