"""Gather what a dossier shows from the records store into plain data (the only I/O of a build).

The builders that write DOCX take this data and nothing else, so the same records always give the
same document, and ``inputs`` says exactly which versions, position revisions and decisions it used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
from dossiers.records import articles_of, current_version, unit_of
from nlp.structure import ArticleView, diff_articles
from nlp.structure.diff import word_diff

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
    # What changed in the article since the earlier versions its positions were written on (same
    # language only): (that version's number, word diff ops {"op": equal|delete|insert, "text"}).
    changes: list[tuple[int, list[dict[str, str]]]] = field(default_factory=list)


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
    # version id -> (its number in the document, its language)
    version_seqs: dict[int, tuple[int, str | None]] = field(default_factory=dict)

    @property
    def positions(self) -> list[PositionView]:
        return [p for a in self.articles for p in a.positions] + self.general_positions

    @property
    def disagreements(self) -> list[Disagreement]:
        found = [a.disagreement for a in self.articles if a.disagreement]
        return found + ([self.general_disagreement] if self.general_disagreement else [])

    def cost_totals(self, side: str) -> dict[str, int]:
        """The side's cost estimates summed per period, in tyiyn (exact): a yearly and a one-off estimate
        are not added together."""
        return sum_by_period(p for p in self.positions if p.side == side)


@dataclass
class ProtocolData:
    meeting: MeetingView
    language: str
    items: list[ItemEntry]
    inputs: dict[str, Any]

    def cost_totals(self, side: str) -> dict[str, int]:
        return sum_by_period(p for item in self.items for p in item.positions if p.side == side)


def sum_by_period(positions: Iterable[PositionView]) -> dict[str, int]:
    """Tyiyn per period as first written («жылына», «2027»…; "" when none was given)."""
    totals: dict[str, int] = {}
    names: dict[str, str] = {}
    for p in positions:
        if p.cost_tyiyn is None:
            continue
        period = (p.cost_period or "").strip()
        key = names.setdefault(period.lower(), period)
        totals[key] = totals.get(key, 0) + p.cost_tyiyn
    return totals


def _sorted(positions: list[PositionView]) -> list[PositionView]:
    return sorted(positions, key=lambda p: (SIDE_ORDER.get(p.side, 9), p.id))


def _version_info(version: Version) -> VersionInfo:
    return VersionInfo(version.id, version.seq, version.language, version.filename, version.sha256)


def body_of(text: str, number: str, heading: str) -> str:
    """The article's text without its heading line («2-берене. Каржылоо», «Статья 2.»), which the
    dossier prints as the article's own heading; a point's first line of text is kept."""
    first, _, rest = text.partition("\n")
    n = re.escape(number)
    label = rf"(?:(?:Статья|Берене|Пункт)\s*{n}|{n}\s*-\s*(?:берене|статья|пункт))"
    tail = rf"(?:\s*\.?\s*{re.escape(heading)})?" if heading else ""
    if rest and re.fullmatch(rf"\s*{label}\s*\.?{tail}\s*\.?\s*", first, flags=re.I):
        return rest.strip()
    return text


def _entry(row: UnitRecord, seq: int, in_current: bool) -> ArticleEntry:
    return ArticleEntry(
        unit_id=row.unit_id,
        kind=row.kind,
        number=row.number,
        heading=row.heading,
        text=body_of(row.text, row.number, row.heading),
        tags=row.tags or {},
        version_seq=seq,
        in_current=in_current,
    )


def _follow(session: Session, document: Document, old: Version, target: Version) -> dict[str, str | None]:
    """Where each article of ``old`` is in ``target``: the version diff follows renumbering and sees
    removals (a same-numbered article with other content is not the same norm). Across languages the
    article is followed to the latest version in its own language, then matched by its id."""
    same_language = current_version(document, old.language) if old.language else None
    bridge = same_language if same_language is not None and same_language.language == old.language else old
    mapping: dict[str, str | None] = {}
    if bridge.id != old.id:
        views = {
            v.id: [ArticleView(r.unit_id, r.number, r.heading, r.text) for r in articles_of(session, v.id)]
            for v in (old, bridge)
        }
        for change in diff_articles(views[old.id], views[bridge.id]):
            if change.old is not None:
                mapping[change.old.id] = change.new.id if change.new is not None else None
    else:
        mapping = {r.unit_id: r.unit_id for r in articles_of(session, old.id)}
    if bridge.id != target.id:
        present = {r.unit_id for r in articles_of(session, target.id)}
        mapping = {k: (v if v in present else None) for k, v in mapping.items()}
    return mapping


def positions_and_decisions(
    session: Session, document_id: int
) -> tuple[list[PositionView], list[DecisionView]]:
    """Every position (current revision) and decision on a draft, oldest first."""
    positions = [
        PositionView.of(p)
        for p in session.scalars(
            select(Position).where(Position.document_id == document_id).order_by(Position.id)
        )
    ]
    decisions = [
        decision_view(d)
        for d in session.scalars(
            select(Decision).where(Decision.document_id == document_id).order_by(Decision.id)
        )
    ]
    return positions, decisions


def _changes(
    session: Session, version: Version, entry: ArticleEntry, origins: set[tuple[int, str]]
) -> list[tuple[int, list[dict[str, str]]]]:
    """Word diffs from the article as positions saw it (in an earlier version of the same language)."""
    out = []
    for version_id, unit_id in sorted(origins):
        old = session.get(Version, version_id)
        record = unit_of(session, version_id, unit_id)
        if old is None or record is None or old.language != version.language:
            continue
        before = body_of(record.text, record.number, record.heading)
        if before != entry.text:
            out.append((old.seq, word_diff(before, entry.text)))
    return out


def gather_item(
    session: Session, document_id: int, ordinal: int, language: str, meeting_id: int | None
) -> ItemEntry:
    """One draft: the articles that matter (flagged by the NLP, or carrying a position or a decision),
    with their positions, disagreement status and decisions. A position follows its article into the
    version under discussion; one whose article is gone is shown with the text it was written on."""
    document = session.get(Document, document_id)
    if document is None:  # documents are never removed from the store, only marked deleted
        raise NotFound(f"Document {document_id} does not exist.", stage="dossier")
    version = current_version(document, language)
    positions, all_decisions = positions_and_decisions(session, document_id)
    maps: dict[int, dict[str, str | None]] = {}
    by_unit: dict[str | None, list[PositionView]] = {}  # unit of the version under discussion
    gone: dict[tuple[int, str], list[PositionView]] = {}  # (version written on, unit) of vanished articles
    origins: dict[str, set[tuple[int, str]]] = {}  # current unit -> (older version, its unit) positions name
    for p in positions:
        if p.unit_id is None:
            by_unit.setdefault(None, []).append(p)
            continue
        if version is None or p.version_id == version.id:
            by_unit.setdefault(p.unit_id, []).append(p)
            continue
        if p.version_id not in maps:
            old = session.get(Version, p.version_id)
            maps[p.version_id] = _follow(session, document, old, version) if old is not None else {}
        unit = maps[p.version_id].get(p.unit_id)
        if unit is None:
            gone.setdefault((p.version_id, p.unit_id), []).append(p)
        else:
            by_unit.setdefault(unit, []).append(p)
            origins.setdefault(unit, set()).add((p.version_id, p.unit_id))
    decided_units = {d.unit_id for d in all_decisions if d.unit_id and d.meeting_id == meeting_id}

    articles: list[ArticleEntry] = []
    if version is not None:
        for row in articles_of(session, version.id):
            tags = row.tags or {}
            wanted = tags.get("lsg_relevant") or tags.get("local_budget")
            if wanted or row.unit_id in by_unit or row.unit_id in decided_units:
                entry = _entry(row, version.seq, True)
                entry.positions = _sorted(by_unit.get(row.unit_id, []))
                entry.changes = _changes(session, version, entry, origins.get(row.unit_id, set()))
                articles.append(entry)
    for (version_id, unit_id), on_unit in gone.items():
        origin = session.get(Version, version_id)
        record = unit_of(session, version_id, unit_id)
        if origin is not None and record is not None:
            entry = _entry(record, origin.seq, False)
            entry.positions = _sorted(on_unit)
            articles.append(entry)
    for article in articles:
        on_article = [d for d in all_decisions if d.unit_id == article.unit_id and article.in_current]
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
        version_seqs={v.id: (v.seq, v.language) for v in document.versions},
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
