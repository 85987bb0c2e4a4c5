"""The records store: documents, their versions (one per distinct file), and the articles of a version.

A Document is one act (a draft law, a decision...). Each distinct file of it is a Version; the same
bytes twice are the same Version. Kyrgyz and Russian texts of one act are Versions of one Document
with different ``language``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    act_type: Mapped[str | None] = mapped_column(String(40))
    number: Mapped[str | None] = mapped_column(String(80), index=True)
    act_date: Mapped[str | None] = mapped_column(String(10))
    identity_key: Mapped[str | None] = mapped_column(String(400), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # A deleted draft keeps its versions: positions, agenda items and dossiers still point at them.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    versions: Mapped[list[Version]] = relationship(
        back_populates="document", order_by="Version.seq", cascade="all, delete-orphan"
    )


class Version(Base):
    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("sha256", name="uq_versions_sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=1)
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    format: Mapped[str | None] = mapped_column(String(20))
    language: Mapped[str | None] = mapped_column(String(8))
    page_count: Mapped[int | None] = mapped_column(Integer)
    ocr: Mapped[bool] = mapped_column(Boolean, default=False)
    ocr_confidence: Mapped[float | None] = mapped_column(Float)
    text: Mapped[str | None] = mapped_column(Text)
    footnotes: Mapped[list[Any] | None] = mapped_column(JSON)
    repairs: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    paragraph_languages: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    # Where the version is in the pipeline, and why it stopped if it failed.
    status: Mapped[str] = mapped_column(String(20), default="stored")
    stage: Mapped[str] = mapped_column(String(20), default="stored")
    error_code: Mapped[str | None] = mapped_column(String(40))
    error_stage: Mapped[str | None] = mapped_column(String(20))
    error_message: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)

    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    # Structure (nlp.structure): the act header, citations and amendment records of this version.
    header: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    citations: Mapped[list[Any] | None] = mapped_column(JSON)
    amendments: Mapped[list[Any] | None] = mapped_column(JSON)
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # competences touched, flagged articles

    document: Mapped[Document] = relationship(back_populates="versions")
    units: Mapped[list[UnitRecord]] = relationship(
        back_populates="version", order_by="UnitRecord.ordinal", cascade="all, delete-orphan"
    )


class UnitRecord(Base):
    """A unit (article, part, item...) of one version, with its stable Akoma Ntoso-style id."""

    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("version_id", "unit_id", name="uq_units_version_unit"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[str] = mapped_column(String(200))
    parent_unit_id: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[str] = mapped_column(String(40))
    heading: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    ordinal: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer, default=0)
    tags: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # nlp tagging of article-level units

    version: Mapped[Version] = relationship(back_populates="units")


class StageRun(Base):
    """One stage of the pipeline for one version: the idempotency key of every job (version, stage)."""

    __tablename__ = "stage_runs"
    __table_args__ = (UniqueConstraint("version_id", "stage", name="uq_stage_runs_version_stage"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(Integer, index=True)
    stage: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="running")  # running | done | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    language: Mapped[str] = mapped_column(String(2), default="ky")
    email: Mapped[str | None] = mapped_column(String(320))
    feed_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Watch(Base):
    """A saved search with a delivery mode; matched against every new article version."""

    __tablename__ = "watches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    query: Mapped[str] = mapped_column(Text, default="")
    template: Mapped[str | None] = mapped_column(String(40))
    competences: Mapped[list[Any]] = mapped_column(JSON, default=list)
    budget: Mapped[bool | None] = mapped_column(Boolean)
    act_types: Mapped[list[Any]] = mapped_column(JSON, default=list)
    languages: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list)
    regions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    mode: Mapped[str] = mapped_column(String(20), default="immediate")  # immediate | daily
    webhook_url: Mapped[str | None] = mapped_column(Text)
    webhook_secret: Mapped[str | None] = mapped_column(String(64))
    webhook_failures: Mapped[int] = mapped_column(Integer, default=0)
    webhook_disabled_reason: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Notification(Base):
    """One notification per watch per document version (the unique key makes delivery exactly-once)."""

    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("watch_id", "version_id", name="uq_notifications_watch_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    watch_id: Mapped[int] = mapped_column(ForeignKey("watches.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    document_id: Mapped[int] = mapped_column(Integer)
    version_id: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, default="")
    articles: Mapped[list[Any]] = mapped_column(JSON, default=list)
    message: Mapped[str] = mapped_column(Text, default="")
    delivered: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    digest_sent: Mapped[bool] = mapped_column(Boolean, default=False)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Position(Base):
    """An organisation's position on a draft article (``unit_id``) or on the whole draft (``unit_id`` None).

    The row holds the current revision; every revision, the first included, is kept in
    ``position_revisions`` so an edit never loses what was said before. ``version_id`` is the version
    the position was written on: the article is looked up there when a later version drops it.
    """

    __tablename__ = "positions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"))
    unit_id: Mapped[str | None] = mapped_column(String(200))
    article_number: Mapped[str | None] = mapped_column(String(40))
    org: Mapped[str] = mapped_column(String(200))
    side: Mapped[str] = mapped_column(String(20))  # lsg | government | parliament | other
    stance: Mapped[str] = mapped_column(String(20))  # supports | objects | amends
    text: Mapped[str] = mapped_column(Text, default="")
    wording: Mapped[str | None] = mapped_column(Text)
    cost_tyiyn: Mapped[int | None] = mapped_column(BigInteger)  # money kept exact: 1 som = 100 tyiyn
    cost_period: Mapped[str | None] = mapped_column(String(80))
    cost_source: Mapped[str | None] = mapped_column(Text)
    basis: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(200))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    revisions: Mapped[list[PositionRevision]] = relationship(
        back_populates="position", order_by="PositionRevision.revision", cascade="all, delete-orphan"
    )


class PositionRevision(Base):
    """One revision of a position as it was recorded (the audit trail)."""

    __tablename__ = "position_revisions"
    __table_args__ = (UniqueConstraint("position_id", "revision", name="uq_position_revisions"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position_id: Mapped[int] = mapped_column(ForeignKey("positions.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    author: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    position: Mapped[Position] = relationship(back_populates="revisions")


class Meeting(Base):
    """A reconciliation meeting (Government, Budget and Finance Committee, or other)."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))  # government | budget-committee | other
    date: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)
    chair: Mapped[str | None] = mapped_column(String(200))
    secretary: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    participants: Mapped[list[MeetingParticipant]] = relationship(
        order_by="MeetingParticipant.id", cascade="all, delete-orphan"
    )
    items: Mapped[list[AgendaItem]] = relationship(
        order_by="AgendaItem.ordinal", cascade="all, delete-orphan"
    )
    decisions: Mapped[list[Decision]] = relationship(order_by="Decision.id", cascade="all, delete-orphan")


class MeetingParticipant(Base):
    __tablename__ = "meeting_participants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))


class AgendaItem(Base):
    """A draft on a meeting's agenda; ``version_id`` is the version current when it was put there."""

    __tablename__ = "agenda_items"
    __table_args__ = (UniqueConstraint("meeting_id", "document_id", name="uq_agenda_items_meeting_document"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"))
    ordinal: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Decision(Base):
    """A meeting's decision on a draft (``unit_id`` None) or on one article's disagreement.

    The latest decision on an article, across meetings, gives its disagreement status.
    """

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    unit_id: Mapped[str | None] = mapped_column(String(200))
    article_number: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))  # resolved | committee | chamber
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DossierBuild(Base):
    """A generated protocol dossier or conclusion, with the exact inputs it was built from."""

    __tablename__ = "dossier_builds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # protocol | conclusion
    meeting_id: Mapped[int | None] = mapped_column(Integer, index=True)
    document_id: Mapped[int | None] = mapped_column(Integer, index=True)
    language: Mapped[str] = mapped_column(String(2))
    format: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str] = mapped_column(String(64))
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
