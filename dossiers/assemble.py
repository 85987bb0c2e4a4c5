"""Gather what a dossier shows from the records store into plain data (the only I/O of a build).

The builders that write DOCX take this data and nothing else, so the same records always give the
same document, and ``inputs`` says exactly which versions, position revisions and decisions it used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db import Database
from core.errors import EmptyAgenda, NotFound
from core.models import Decision, Document, Position, UnitRecord, Version
from dossiers.disagreements import Disagreement, disagreement
from dossiers.meetings import DecisionView, MeetingView, decision_view, meeting_view
from dossiers.positions import PositionView
from dossiers.records import ARTICLE_KINDS, current_version

SIDE_ORDER = {"lsg": 0, "government": 1, "parliament": 2, "other": 3}


@dataclass
class ArticleEntry:
    unit_id: str
    kind: str
    number: str
    heading: str
    text: str
    tags: dict[str, Any]
    version_seq: int  # the version the text comes from
    in_current: bool  # False: the article is gone from the version under discussion
    positions: list[PositionView] = field(default_factory=list)
    decisions: list[DecisionView] = field(default_factory=list)  # this meeting's, on this article
    disagreement: Disagreement | None = None


@dataclass
class VersionInfo:
    id: int
    seq: int
    language: str | None
    filename: str
    sha256: str


@dataclass
class ItemEntry:
    ordinal: int
    document_id: int
    title: str | None
    act_type: str | None
    number: str | None
    act_date: str | None
    deleted_at: str | None
    version: VersionInfo | None
    articles: list[ArticleEntry]
    general_positions: list[PositionView]
    general_disagreement: Disagreement | None
    decisions: list[DecisionView]  # this meeting's decisions on the draft as a whole

    @property
    def positions(self) -> list[PositionView]:
        return [p for a in self.articles for p in a.positions] + self.general_positions

    @property
    def disagreements(self) -> list[Disagreement]:
        found = [a.disagreement for a in self.articles if a.disagreement]
        return found + ([self.general_disagreement] if self.general_disagreement else [])

    def cost_total(self, side: str) -> int:
        """Sum of the side's cost estimates, in tyiyn (exact)."""
        return sum(round((p.cost_som or 0) * 100) for p in self.positions if p.side == side)


@dataclass
class ProtocolData:
    meeting: MeetingView
    language: str
    items: list[ItemEntry]
    inputs: dict[str, Any]

    def cost_total(self, side: str) -> int:
        return sum(item.cost_total(side) for item in self.items)


def _sorted(positions: list[PositionView]) -> list[PositionView]:
    return sorted(positions, key=lambda p: (SIDE_ORDER.get(p.side, 9), p.id))


def _version_info(version: Version) -> VersionInfo:
    return VersionInfo(version.id, version.seq, version.language, version.filename, version.sha256)


def _entry(row: UnitRecord, seq: int, in_current: bool) -> ArticleEntry:
    return ArticleEntry(
        unit_id=row.unit_id,
        kind=row.kind,
        number=row.number,
        heading=row.heading,
        text=row.text,
        tags=row.tags or {},
        version_seq=seq,
        in_current=in_current,
    )


def gather_item(
    session: Session, document_id: int, ordinal: int, language: str, meeting_id: int | None
) -> ItemEntry:
    """One draft: the articles that matter (flagged by the NLP, or carrying a position or a decision),
    with their positions, disagreement status and decisions."""
    document = session.get(Document, document_id)
    if document is None:  # documents are never removed from the store, only marked deleted
        raise NotFound(f"Document {document_id} does not exist.", stage="dossier")
    version = current_version(document, language)
    positions = [
        PositionView.of(p)
        for p in session.scalars(
            select(Position).where(Position.document_id == document_id).order_by(Position.id)
        )
    ]
    all_decisions = [
        decision_view(d)
        for d in session.scalars(
            select(Decision).where(Decision.document_id == document_id).order_by(Decision.id)
        )
    ]
    by_unit: dict[str | None, list[PositionView]] = {}
    for p in positions:
        by_unit.setdefault(p.unit_id, []).append(p)
    decided_units = {d.unit_id for d in all_decisions if d.unit_id and d.meeting_id == meeting_id}

    articles: list[ArticleEntry] = []
    seen: set[str] = set()
    if version is not None:
        rows = session.scalars(
            select(UnitRecord)
            .where(UnitRecord.version_id == version.id, UnitRecord.kind.in_(ARTICLE_KINDS))
            .order_by(UnitRecord.ordinal)
        ).all()
        for row in rows:
            tags = row.tags or {}
            wanted = tags.get("lsg_relevant") or tags.get("local_budget")
            if wanted or row.unit_id in by_unit or row.unit_id in decided_units:
                articles.append(_entry(row, version.seq, True))
                seen.add(row.unit_id)
    # Positions on articles the version under discussion no longer has: shown from their own version.
    for unit_id, on_unit in by_unit.items():
        if unit_id is None or unit_id in seen:
            continue
        origin = session.get(Version, on_unit[0].version_id)
        old = session.scalar(
            select(UnitRecord).where(
                UnitRecord.version_id == on_unit[0].version_id, UnitRecord.unit_id == unit_id
            )
        )
        if origin is not None and old is not None:
            articles.append(_entry(old, origin.seq, False))
            seen.add(unit_id)
    for article in articles:
        article.positions = _sorted(by_unit.get(article.unit_id, []))
        on_article = [d for d in all_decisions if d.unit_id == article.unit_id]
        article.decisions = [d for d in on_article if d.meeting_id == meeting_id]
        article.disagreement = disagreement(article.positions, on_article)
    general = _sorted(by_unit.get(None, []))
    return ItemEntry(
        ordinal=ordinal,
        document_id=document_id,
        title=document.title,
        act_type=document.act_type,
        number=document.number,
        act_date=document.act_date,
        deleted_at=document.deleted_at.date().isoformat() if document.deleted_at else None,
        version=_version_info(version) if version else None,
        articles=articles,
        general_positions=general,
        general_disagreement=disagreement(general, [d for d in all_decisions if d.unit_id is None]),
        decisions=[d for d in all_decisions if d.unit_id is None and d.meeting_id == meeting_id],
    )


def inputs_of(items: list[ItemEntry]) -> dict[str, Any]:
    """Exactly what the dossier was built from: versions, position revisions, decisions."""
    return {
        "versions": [
            {
                "document_id": i.document_id,
                "version_id": i.version.id if i.version else None,
                "seq": i.version.seq if i.version else None,
                "sha256": i.version.sha256 if i.version else None,
                "deleted": i.deleted_at is not None,
            }
            for i in items
        ],
        "positions": sorted(
            ({"id": p.id, "revision": p.revision} for i in items for p in i.positions), key=lambda x: x["id"]
        ),
        "decisions": sorted(
            {d.id for i in items for d in i.decisions + [d for a in i.articles for d in a.decisions]}
        ),
    }


def gather_protocol(db: Database, meeting_id: int, language: str) -> ProtocolData:
    meeting = meeting_view(db, meeting_id)
    if not meeting.items:
        raise EmptyAgenda(
            f"Meeting {meeting_id} has no agenda items; put drafts on it with "
            f"`kenesh meeting add-item {meeting_id} DOC_ID` before building its dossier.",
        )
    with db.session() as session:
        items = [gather_item(session, i.document_id, i.ordinal, language, meeting_id) for i in meeting.items]
    inputs = {"meeting_id": meeting_id, "language": language, **inputs_of(items)}
    return ProtocolData(meeting=meeting, language=language, items=items, inputs=inputs)
