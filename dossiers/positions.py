"""Positions on drafts: record, edit (keeping every revision), list.

A position names the article by number; it is pinned to the version it was written on, so it stays
readable when a later version renumbers or drops the article.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import select

from core.db import Database
from core.errors import InvalidInput, NotFound
from core.models import Position, PositionRevision, utcnow
from dossiers.organisations import resolve
from dossiers.records import (
    checked_text,
    current_version,
    find_article,
    live_document,
    normalise_number,
    parse_som,
    som,
)

Stance = Literal["supports", "objects", "amends"]
STANCES: tuple[str, ...] = ("supports", "objects", "amends")
STAGE = "positions"
# The fields a revision records; an edit may change any of them.
CONTENT_FIELDS = (
    "org",
    "side",
    "stance",
    "text",
    "wording",
    "cost_tyiyn",
    "cost_period",
    "cost_source",
    "basis",
    "author",
)


class PositionView(BaseModel):
    id: int
    document_id: int
    version_id: int
    article: str | None
    unit_id: str | None
    org: str
    side: str
    stance: str
    text: str
    wording: str | None
    cost_som: float | None
    cost_period: str | None
    cost_source: str | None
    basis: str | None
    author: str | None
    revision: int
    created_at: datetime
    updated_at: datetime

    @property
    def cost_tyiyn(self) -> int | None:
        """The cost exactly, in tyiyn (1/100 som), for sums and formatting."""
        return None if self.cost_som is None else round(self.cost_som * 100)

    @classmethod
    def of(cls, p: Position) -> PositionView:
        return cls(
            id=p.id,
            document_id=p.document_id,
            version_id=p.version_id,
            article=p.article_number,
            unit_id=p.unit_id,
            org=p.org,
            side=p.side,
            stance=p.stance,
            text=p.text,
            wording=p.wording,
            cost_som=som(p.cost_tyiyn),
            cost_period=p.cost_period,
            cost_source=p.cost_source,
            basis=p.basis,
            author=p.author,
            revision=p.revision,
            created_at=p.created_at,
            updated_at=p.updated_at,
        )


def _check_stance(stance: str) -> str:
    if stance not in STANCES:
        raise InvalidInput(f"Stance must be one of {', '.join(STANCES)}, not {stance!r}.", stage=STAGE)
    return stance


def _snapshot(position: Position) -> dict[str, Any]:
    return {name: getattr(position, name) for name in CONTENT_FIELDS}


def add_position(
    db: Database,
    document_id: int,
    *,
    org: str,
    stance: str,
    text: str,
    article: str | None = None,
    wording: str | None = None,
    cost: str | float | None = None,
    cost_period: str | None = None,
    cost_source: str | None = None,
    basis: str | None = None,
    author: str | None = None,
) -> PositionView:
    """Record a position on an article of the document's current version (or on the whole draft)."""
    _check_stance(stance)
    checked_text(text, "reasoning", STAGE)
    checked_text(wording, "proposed wording", STAGE)
    if not org.strip():
        raise InvalidInput("A position needs the organisation that holds it (--org).", stage=STAGE)
    if stance == "amends" and not (wording or "").strip():
        raise InvalidInput("A proposed amendment needs its wording (--wording).", stage=STAGE)
    with db.session() as session:
        document = live_document(session, document_id, STAGE)
        version = current_version(document)
        if version is None:
            raise NotFound(f"Document {document_id} has no readable version.", stage=STAGE)
        unit_id = number = None
        if article is not None:
            unit = find_article(session, version, normalise_number(article), STAGE)
            unit_id, number = unit.unit_id, unit.number
        now = utcnow()
        position = Position(
            document_id=document_id,
            version_id=version.id,
            unit_id=unit_id,
            article_number=number,
            org=org.strip(),
            side=resolve(org).side,
            stance=stance,
            text=text.strip(),
            wording=(wording or "").strip() or None,
            cost_tyiyn=parse_som(cost),
            cost_period=cost_period,
            cost_source=cost_source,
            basis=basis,
            author=author,
            revision=1,
            created_at=now,
            updated_at=now,
        )
        session.add(position)
        session.flush()
        session.add(
            PositionRevision(position_id=position.id, revision=1, content=_snapshot(position), author=author)
        )
        return PositionView.of(position)


def edit_position(db: Database, position_id: int, author: str | None = None, **changes: Any) -> PositionView:
    """A new revision of the position; the previous ones stay in its history."""
    changes = {k: v for k, v in changes.items() if v is not None}
    unknown = set(changes) - {*CONTENT_FIELDS, "cost"}
    if unknown:
        raise InvalidInput(f"Cannot edit {', '.join(sorted(unknown))} of a position.", stage=STAGE)
    with db.session() as session:
        position = session.get(Position, position_id)
        if position is None:
            raise NotFound(f"Position {position_id} does not exist.", stage=STAGE)
        if "stance" in changes:
            _check_stance(changes["stance"])
        checked_text(changes.get("text"), "reasoning", STAGE)
        checked_text(changes.get("wording"), "proposed wording", STAGE)
        if "cost" in changes:
            changes["cost_tyiyn"] = parse_som(changes.pop("cost"))
        if "org" in changes:
            changes["side"] = resolve(changes["org"]).side
        for name, value in changes.items():
            setattr(position, name, value)
        if position.stance == "amends" and not (position.wording or "").strip():
            raise InvalidInput("A proposed amendment needs its wording.", stage=STAGE)
        position.revision += 1
        position.author = author or position.author
        position.updated_at = utcnow()
        session.add(
            PositionRevision(
                position_id=position.id,
                revision=position.revision,
                content=_snapshot(position),
                author=author or position.author,
            )
        )
        return PositionView.of(position)


def list_positions(db: Database, document_id: int) -> list[PositionView]:
    with db.session() as session:
        rows = session.scalars(
            select(Position).where(Position.document_id == document_id).order_by(Position.id)
        ).all()
        return [PositionView.of(p) for p in rows]


def position_history(db: Database, position_id: int) -> list[dict[str, Any]]:
    """Every revision, oldest first: what was said, by whom, when."""
    with db.session() as session:
        position = session.get(Position, position_id)
        if position is None:
            raise NotFound(f"Position {position_id} does not exist.", stage=STAGE)
        out = []
        for rev in position.revisions:
            content = dict(rev.content)
            content["cost_som"] = som(content.pop("cost_tyiyn", None))
            out.append(
                {
                    "revision": rev.revision,
                    "author": rev.author,
                    "created_at": rev.created_at.isoformat(),
                    **content,
                }
            )
        return out
