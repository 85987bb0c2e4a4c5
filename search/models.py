"""Requests, results and indexed documents: the same pydantic models for the CLI, the API and both
backends."""

from __future__ import annotations

import base64
import json
from typing import Any

from pydantic import BaseModel, Field


def encode_cursor(values: list[Any]) -> str:
    """An opaque page cursor (the sort values of the last hit), the same shape for both backends."""
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode()


def decode_cursor(cursor: str) -> list[Any]:
    return list(json.loads(base64.urlsafe_b64decode(cursor.encode())))


class SearchDoc(BaseModel):
    """One article-level unit of one version, as both backends index it."""

    key: str  # "<version_id>:<unit_id>"
    document_id: int
    version_id: int
    version_seq: int
    latest: bool
    unit_id: str
    number: str
    heading: str
    title: str
    language: str
    act_type: str | None
    draft: bool
    date: str | None
    year: int | None
    source: str
    competences: list[str]
    budget: bool
    lsg: bool
    text: str
    lemmas: str


class SearchRequest(BaseModel):
    query: str = ""
    language: str | None = None
    act_type: str | None = None
    competences: list[str] = Field(default_factory=list)
    budget: bool | None = None
    lsg: bool | None = None
    draft: bool | None = None
    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    document_id: int | None = None
    all_versions: bool = False
    sort: str = "relevance"  # relevance | date
    limit: int = 10
    after: str | None = None  # opaque cursor from a previous page
    like: str | None = None  # "<version_id>:<unit_id>": more like this article
    facets: bool = False  # counts per competence, act type, language, year and budget impact
    documents: bool = False  # whole documents: the best-matching article of each document, in order


class Hit(BaseModel):
    key: str
    document_id: int
    version_id: int
    unit_id: str
    number: str
    heading: str
    title: str
    language: str
    act_type: str | None
    date: str | None
    competences: list[str]
    budget: bool
    score: float
    snippet: str
    matched: list[str]

    @classmethod
    def of(cls, fields: Any, score: float, text: str, competences: list[str]) -> Hit:
        """A hit from an indexed document's stored fields (an Elasticsearch _source or a SQLite row)."""
        return cls(
            key=fields["key"],
            document_id=fields["document_id"],
            version_id=fields["version_id"],
            unit_id=fields["unit_id"],
            number=fields["number"],
            heading=fields["heading"],
            title=fields["title"],
            language=fields["language"],
            act_type=fields["act_type"],
            date=fields["date"],
            competences=competences,
            budget=bool(fields["budget"]),
            # four significant figures: SQLite's bm25 on a small index gives scores near 1e-6, which
            # rounding to four decimals showed as 0.0 for every hit
            score=float(f"{float(score or 0.0):.4g}"),
            snippet=text,
            matched=[],
        )


class SearchResult(BaseModel):
    total: int
    total_is_lower_bound: bool = False  # more than 10,000 matches: «total» is a lower bound
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = Field(default_factory=dict)
    next: str | None = None
    backend: str = ""
    took_ms: float = 0.0
    query: dict[str, Any] = Field(default_factory=dict)
