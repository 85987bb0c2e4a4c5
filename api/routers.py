"""One router per resource: documents and search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Response

from api.deps import backend_dep, database_dep
from core.db import Database
from core.errors import NotFound
from ingest.service import document_view
from nlp.service import diff_document, language_alignment, version_tree
from search.backend import SearchBackend
from search.models import SearchRequest, SearchResult
from search.service import asearch

documents = APIRouter(prefix="/documents", tags=["documents"])
searching = APIRouter(prefix="/search", tags=["search"])


@documents.get("/{document_id}")
def get_document(document_id: int, db: Annotated[Database, Depends(database_dep)]) -> dict[str, Any]:
    try:
        view = document_view(db, document_id)
    except NotFound as exc:
        raise HTTPException(status_code=404, detail=exc.message) from exc
    latest = view["latest_version_id"]
    view["articles"] = version_tree(db, latest) if latest else []
    view["language_alignment"] = language_alignment(db, document_id)
    return view


@documents.get("/{document_id}/diff")
def get_diff(
    document_id: int,
    db: Annotated[Database, Depends(database_dep)],
    from_version: Annotated[int | None, Query(alias="from")] = None,
    to_version: Annotated[int | None, Query(alias="to")] = None,
) -> dict[str, Any]:
    try:
        return diff_document(db, document_id, from_version, to_version)
    except NotFound as exc:
        raise HTTPException(status_code=404, detail=exc.message) from exc


@searching.get("", response_model=SearchResult)
async def get_search(
    backend: Annotated[SearchBackend, Depends(backend_dep)],
    q: str = "",
    lang: str | None = None,
    type: str | None = None,
    competence: Annotated[list[str] | None, Query()] = None,
    budget: bool | None = None,
    draft: bool | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    source: str | None = None,
    all_versions: bool = False,
    sort: str = "relevance",
    limit: Annotated[int, Query(ge=1, le=200)] = 10,
    after: str | None = None,
    like: str | None = None,
    facets: bool = False,
    documents: bool = False,
) -> SearchResult:
    request = SearchRequest(
        query=q,
        language=lang,
        act_type=type,
        competences=competence or [],
        budget=budget,
        draft=draft,
        date_from=date_from,
        date_to=date_to,
        source=source,
        all_versions=all_versions,
        sort=sort,
        limit=limit,
        after=after,
        like=like,
        facets=facets,
        documents=documents,
    )
    return await asearch(backend, request)


users = APIRouter(prefix="/users", tags=["notifications"])


@users.get("/{name}/notifications")
def get_notifications(
    name: str, db: Annotated[Database, Depends(database_dep)], unread: bool = False
) -> list[dict[str, Any]]:
    from search.notify import list_notifications

    try:
        return list_notifications(db, name, unread)
    except NotFound as exc:
        raise HTTPException(status_code=404, detail=exc.message) from exc


@users.post("/{name}/notifications/{notification_id}/read")
def read_notification(
    name: str, notification_id: int, db: Annotated[Database, Depends(database_dep)]
) -> dict[str, int]:
    from search.notify import mark_read

    return {"marked": mark_read(db, name, [notification_id])}


@users.get("/{name}/atom")
def get_atom(name: str, token: str, db: Annotated[Database, Depends(database_dep)]) -> Response:
    from core.settings import get_settings
    from search.notify import atom_feed

    try:
        return Response(atom_feed(db, name, token, get_settings()), media_type="application/atom+xml")
    except NotFound as exc:
        raise HTTPException(status_code=404, detail=exc.message) from exc


@documents.get("/{document_id}/progress")
def get_progress(document_id: int, db: Annotated[Database, Depends(database_dep)]) -> list[dict[str, Any]]:
    from workers.jobs_view import document_progress

    return document_progress(db, document_id)
