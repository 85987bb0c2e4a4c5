"""Reconciliation meetings: details, participants, the agenda of drafts, and decisions."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import func, select

from core.db import Database
from core.errors import ArticleNotFound, InvalidInput, NotFound
from core.models import AgendaItem, Decision, Document, Meeting, MeetingParticipant, Position
from dossiers.records import checked_text, current_version, find_article, live_document, normalise_number

MeetingKind = Literal["government", "budget-committee", "other"]
KINDS: tuple[str, ...] = ("government", "budget-committee", "other")
STATUSES: tuple[str, ...] = ("resolved", "committee", "chamber")
STAGE = "meetings"


class ParticipantView(BaseModel):
    id: int
    name: str
    organisation: str | None
    role: str | None


class ItemView(BaseModel):
    id: int
    meeting_id: int
    ordinal: int
    document_id: int
    version_id: int
    title: str | None
    deleted: bool


class DecisionView(BaseModel):
    id: int
    meeting_id: int
    document_id: int
    article: str | None
    unit_id: str | None
    status: str
    text: str


class MeetingView(BaseModel):
    id: int
    kind: str
    date: str
    title: str
    place: str | None
    chair: str | None
    secretary: str | None
    participants: list[ParticipantView]
    items: list[ItemView]
    decisions: list[DecisionView]


def decision_view(d: Decision) -> DecisionView:
    return DecisionView(
        id=d.id,
        meeting_id=d.meeting_id,
        document_id=d.document_id,
        article=d.article_number,
        unit_id=d.unit_id,
        status=d.status,
        text=d.text,
    )


def item_view(item: AgendaItem, document: Document | None) -> ItemView:
    return ItemView(
        id=item.id,
        meeting_id=item.meeting_id,
        ordinal=item.ordinal,
        document_id=item.document_id,
        version_id=item.version_id,
        title=document.title if document else None,
        deleted=document is None or document.deleted_at is not None,
    )


def _get(session: Any, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"Meeting {meeting_id} does not exist.", stage=STAGE)
    return meeting


def create_meeting(
    db: Database,
    *,
    kind: str,
    date_: str,
    title: str,
    place: str | None = None,
    chair: str | None = None,
    secretary: str | None = None,
    participants: list[tuple[str, str | None, str | None]] | None = None,
) -> MeetingView:
    if kind not in KINDS:
        raise InvalidInput(f"Meeting kind must be one of {', '.join(KINDS)}, not {kind!r}.", stage=STAGE)
    try:
        date.fromisoformat(date_)
    except ValueError as exc:
        raise InvalidInput(f"{date_!r} is not a date (YYYY-MM-DD).", stage=STAGE) from exc
    if not title.strip():
        raise InvalidInput("A meeting needs a title.", stage=STAGE)
    with db.session() as session:
        meeting = Meeting(
            kind=kind, date=date_, title=title.strip(), place=place, chair=chair, secretary=secretary
        )
        session.add(meeting)
        for name, organisation, role in participants or []:
            meeting.participants.append(MeetingParticipant(name=name, organisation=organisation, role=role))
        session.flush()
        meeting_id = meeting.id
    return meeting_view(db, meeting_id)


def add_participant(
    db: Database, meeting_id: int, name: str, organisation: str | None = None, role: str | None = None
) -> ParticipantView:
    if not name.strip():
        raise InvalidInput("A participant needs a name.", stage=STAGE)
    with db.session() as session:
        meeting = _get(session, meeting_id)
        participant = MeetingParticipant(name=name.strip(), organisation=organisation, role=role)
        meeting.participants.append(participant)
        session.flush()
        return ParticipantView(id=participant.id, name=participant.name, organisation=organisation, role=role)


def add_item(db: Database, meeting_id: int, document_id: int) -> ItemView:
    """Put a draft on the agenda (at the end); putting it there twice returns the existing item."""
    with db.session() as session:
        _get(session, meeting_id)
        document = live_document(session, document_id, STAGE)
        existing = session.scalar(
            select(AgendaItem).where(
                AgendaItem.meeting_id == meeting_id, AgendaItem.document_id == document_id
            )
        )
        if existing is None:
            version = current_version(document)
            if version is None:
                raise NotFound(f"Document {document_id} has no readable version to discuss.", stage=STAGE)
            last = session.scalar(
                select(func.max(AgendaItem.ordinal)).where(AgendaItem.meeting_id == meeting_id)
            )
            existing = AgendaItem(
                meeting_id=meeting_id, document_id=document_id, version_id=version.id, ordinal=(last or 0) + 1
            )
            session.add(existing)
            session.flush()
        return item_view(existing, document)


def decide(
    db: Database, meeting_id: int, document_id: int, *, status: str, text: str, article: str | None = None
) -> DecisionView:
    """Record the meeting's decision on an agenda item, or on one article's disagreement."""
    if status not in STATUSES:
        raise InvalidInput(f"Status must be one of {', '.join(STATUSES)}, not {status!r}.", stage=STAGE)
    if not text.strip():
        raise InvalidInput("A decision needs its text (the agreed wording or the reason).", stage=STAGE)
    checked_text(text, "decision", STAGE)
    with db.session() as session:
        _get(session, meeting_id)
        on_agenda = session.scalar(
            select(AgendaItem).where(
                AgendaItem.meeting_id == meeting_id, AgendaItem.document_id == document_id
            )
        )
        if on_agenda is None:
            raise InvalidInput(
                f"Document {document_id} is not on the agenda of meeting {meeting_id}; "
                "add it with `kenesh meeting add-item` first.",
                stage=STAGE,
            )
        unit_id = number = None
        if article is not None:
            number = normalise_number(article)
            unit_id = _article_unit(session, document_id, number)
        decision = Decision(
            meeting_id=meeting_id,
            document_id=document_id,
            unit_id=unit_id,
            article_number=number,
            status=status,
            text=text.strip(),
        )
        session.add(decision)
        session.flush()
        return decision_view(decision)


def _article_unit(session: Any, document_id: int, number: str) -> str:
    """The article in the current version, or one that positions were written on in an earlier one."""
    document = session.get(Document, document_id)
    version = current_version(document)
    if version is not None:
        try:
            return find_article(session, version, number, STAGE).unit_id
        except ArticleNotFound:
            pass
    unit_id = session.scalar(
        select(Position.unit_id).where(Position.document_id == document_id, Position.article_number == number)
    )
    if unit_id is None:
        raise ArticleNotFound(
            f"Document {document_id} has no article {number}, and no position names one.",
            stage=STAGE,
            document=str(document_id),
        )
    return str(unit_id)


def meeting_view(db: Database, meeting_id: int) -> MeetingView:
    with db.session() as session:
        return _view(session, _get(session, meeting_id))


def _view(session: Any, meeting: Meeting) -> MeetingView:
    items = [item_view(item, session.get(Document, item.document_id)) for item in meeting.items]
    return MeetingView(
        id=meeting.id,
        kind=meeting.kind,
        date=meeting.date,
        title=meeting.title,
        place=meeting.place,
        chair=meeting.chair,
        secretary=meeting.secretary,
        participants=[
            ParticipantView(id=p.id, name=p.name, organisation=p.organisation, role=p.role)
            for p in meeting.participants
        ],
        items=items,
        decisions=[decision_view(d) for d in meeting.decisions],
    )


def list_meetings(db: Database) -> list[MeetingView]:
    """Every meeting, the latest date first."""
    with db.session() as session:
        meetings = session.scalars(select(Meeting).order_by(Meeting.date.desc(), Meeting.id.desc()))
        return [_view(session, meeting) for meeting in meetings]
