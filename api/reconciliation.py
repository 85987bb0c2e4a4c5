"""Positions, meetings, disagreements, and the dossiers and conclusions built from them (the same
functions as ``kenesh position|meeting|dossier|conclusion``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel

from api.deps import backend_dep, database_dep
from core.db import Database
from dossiers.meetings import DecisionView, ItemView, MeetingView, ParticipantView
from dossiers.positions import PositionView
from dossiers.service import Built
from search.backend import SearchBackend

positions = APIRouter(tags=["positions"])
meetings = APIRouter(prefix="/meetings", tags=["meetings"])
DbDep = Annotated[Database, Depends(database_dep)]
MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


class PositionEdit(BaseModel):
    """The fields of a position an edit may change (all optional)."""

    org: str | None = None
    stance: Literal["supports", "objects", "amends"] | None = None
    text: str | None = None
    wording: str | None = None
    cost: str | float | None = None
    cost_period: str | None = None
    cost_source: str | None = None
    basis: str | None = None
    author: str | None = None


class PositionIn(PositionEdit):
    org: str
    stance: Literal["supports", "objects", "amends"]
    text: str
    article: str | None = None


class MeetingIn(BaseModel):
    kind: Literal["government", "budget-committee", "other"]
    date: str
    title: str
    place: str | None = None
    chair: str | None = None
    secretary: str | None = None


class ParticipantIn(BaseModel):
    name: str
    organisation: str | None = None
    role: str | None = None


class ItemIn(BaseModel):
    document_id: int


class DecisionIn(BaseModel):
    document_id: int
    status: Literal["resolved", "committee", "chamber"]
    text: str
    article: str | None = None


@positions.post("/documents/{document_id}/positions", response_model=PositionView, status_code=201)
def post_position(document_id: int, body: PositionIn, db: DbDep) -> PositionView:
    from dossiers.positions import add_position

    return add_position(db, document_id, **body.model_dump())


@positions.get("/documents/{document_id}/positions", response_model=list[PositionView])
def get_positions(document_id: int, db: DbDep) -> list[PositionView]:
    from dossiers.positions import list_positions

    return list_positions(db, document_id)


@positions.patch("/positions/{position_id}", response_model=PositionView)
def patch_position(position_id: int, body: PositionEdit, db: DbDep) -> PositionView:
    from dossiers.positions import edit_position

    changes = body.model_dump()
    author = changes.pop("author")
    return edit_position(db, position_id, author=author, **changes)


@positions.get("/positions/{position_id}/history")
def get_position_history(position_id: int, db: DbDep) -> list[dict[str, Any]]:
    from dossiers.positions import position_history

    return position_history(db, position_id)


@positions.get("/documents/{document_id}/disagreements")
def get_disagreements(document_id: int, db: DbDep) -> list[dict[str, Any]]:
    from dossiers.service import document_disagreement_views

    return document_disagreement_views(db, document_id)


@positions.get("/documents/{document_id}/conclusion")
def get_conclusion(
    document_id: int,
    db: DbDep,
    lang: Literal["ky", "ru"] = "ky",
    format: Literal["docx", "pdf"] = "docx",
    verdict: Literal["positive", "negative"] | None = None,
) -> Response:
    from dossiers.service import build_conclusion

    built, content = build_conclusion(db, document_id, lang, format, verdict)
    name = f"conclusion-{document_id}-{lang}.{format}"
    return Response(
        content,
        media_type=MEDIA[format],
        headers={"content-disposition": f'attachment; filename="{name}"', "x-kenesh-build": str(built.id)},
    )


@positions.delete("/documents/{document_id}")
def delete_document_route(
    document_id: int, db: DbDep, backend: Annotated[SearchBackend, Depends(backend_dep)]
) -> dict[str, Any]:
    from ingest.service import delete_document
    from search.service import index_document

    result = delete_document(db, document_id)
    index_document(db, backend, document_id)
    return result


@meetings.post("", response_model=MeetingView, status_code=201)
def post_meeting(body: MeetingIn, db: DbDep) -> MeetingView:
    from dossiers.meetings import create_meeting

    data = body.model_dump()
    return create_meeting(db, date_=data.pop("date"), **data)


@meetings.get("", response_model=list[MeetingView])
def get_meetings(db: DbDep) -> list[MeetingView]:
    from dossiers.meetings import list_meetings

    return list_meetings(db)


@meetings.get("/{meeting_id}", response_model=MeetingView)
def get_meeting(meeting_id: int, db: DbDep) -> MeetingView:
    from dossiers.meetings import meeting_view

    return meeting_view(db, meeting_id)


@meetings.post("/{meeting_id}/participants", response_model=ParticipantView, status_code=201)
def post_participant(meeting_id: int, body: ParticipantIn, db: DbDep) -> ParticipantView:
    from dossiers.meetings import add_participant

    return add_participant(db, meeting_id, body.name, body.organisation, body.role)


@meetings.post("/{meeting_id}/items", response_model=ItemView, status_code=201)
def post_item(meeting_id: int, body: ItemIn, db: DbDep) -> ItemView:
    from dossiers.meetings import add_item

    return add_item(db, meeting_id, body.document_id)


@meetings.post("/{meeting_id}/decisions", response_model=DecisionView, status_code=201)
def post_decision(meeting_id: int, body: DecisionIn, db: DbDep) -> DecisionView:
    from dossiers.meetings import decide

    return decide(db, meeting_id, body.document_id, status=body.status, text=body.text, article=body.article)


@meetings.get("/{meeting_id}/dossier")
def get_dossier(
    meeting_id: int,
    db: DbDep,
    lang: Annotated[Literal["ky", "ru"], Query()] = "ky",
    format: Annotated[Literal["docx", "pdf"], Query()] = "docx",
) -> Response:
    from dossiers.service import build_dossier

    built, content = build_dossier(db, meeting_id, lang, format)
    name = f"protocol-{meeting_id}-{lang}.{format}"
    return Response(
        content,
        media_type=MEDIA[format],
        headers={"content-disposition": f'attachment; filename="{name}"', "x-kenesh-build": str(built.id)},
    )


@meetings.post("/{meeting_id}/dossier/jobs", status_code=202)
def queue_dossier(
    meeting_id: int,
    db: DbDep,
    lang: Annotated[Literal["ky", "ru"], Query()] = "ky",
    format: Annotated[Literal["docx", "pdf"], Query()] = "pdf",
) -> dict[str, str]:
    """Build on the ``dossier`` queue (RQ workers when Redis is configured, at once otherwise); the
    result appears in ``/meetings/{id}/builds``."""
    from dossiers.meetings import meeting_view
    from workers.runner import get_runner

    meeting_view(db, meeting_id)  # a missing meeting is a 404 now, not a failed job later
    return {"job_id": get_runner(db.settings).enqueue("dossier", meeting_id, lang, format)}


@meetings.get("/{meeting_id}/builds", response_model=list[Built])
def get_builds(meeting_id: int, db: DbDep) -> list[Built]:
    from dossiers.service import list_builds

    return list_builds(db, meeting_id=meeting_id)


@positions.get("/builds/{build_id}")
def get_build(build_id: int, db: DbDep) -> Response:
    """A dossier or conclusion exactly as it was built and handed out."""
    from dossiers.service import stored_build

    built, content = stored_build(db, build_id)
    name = f"{built.kind}-{built.meeting_id or built.document_id}-{built.language}.{built.format}"
    return Response(
        content,
        media_type=MEDIA[built.format],
        headers={"content-disposition": f'attachment; filename="{name}"', "x-kenesh-build": str(built.id)},
    )
