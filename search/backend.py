"""What a search backend does; the embedded and the Elasticsearch backends both implement it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from search.models import SearchDoc, SearchRequest, SearchResult
from search.query import ParsedQuery


class SearchBackend(Protocol):
    name: str

    def index(self, docs: list[SearchDoc]) -> None:
        """Add or replace documents (by key)."""

    def delete_document(self, document_id: int) -> None:
        """Remove every indexed unit of a document (before it is re-fed)."""

    def search(self, request: SearchRequest, parsed: ParsedQuery) -> SearchResult:
        """Hits (without snippets), total, facets and the cursor of the next page."""

    def get(self, key: str) -> SearchDoc | None: ...

    def vocabulary(self, first_letter: str) -> set[str]: ...

    def count(self) -> int: ...

    def clear(self) -> None: ...

    def ensure(self, feed: Callable[[], Iterable[SearchDoc]] | None = None) -> None:
        """Ready to use; an index made by another analysis (lemma keys) is rebuilt from ``feed``."""

    def rebuild(self, feed: Callable[[], Iterable[SearchDoc]]) -> str:
        """Build the index afresh from the records store; returns the index's name."""
