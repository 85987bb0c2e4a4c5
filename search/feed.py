"""Search documents built from the records store (the source of truth), for indexing and re-feeding."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select

from core.db import Database
from core.models import Document, UnitRecord
from nlp.structure.model import ARTICLE_KINDS
from search.analysis import lemma_stream
from search.models import SearchDoc


def _latest_ids(document: Document) -> set[int]:
    latest: dict[str | None, int] = {}
    for version in document.versions:
        if version.status != "failed":
            latest[version.language] = version.id
    return set(latest.values())


def docs_for_document(db: Database, document_id: int) -> list[SearchDoc]:
    with db.session() as session:
        document = session.get(Document, document_id)
        if document is None or document.deleted_at is not None:  # deleted drafts leave the index
            return []
        latest = _latest_ids(document)
        out: list[SearchDoc] = []
        for version in document.versions:
            if version.status == "failed":
                continue
            language = version.language if version.language in {"ky", "ru"} else "ky"
            header = version.header or {}
            rows = session.scalars(
                select(UnitRecord)
                .where(UnitRecord.version_id == version.id, UnitRecord.kind.in_(ARTICLE_KINDS))
                .order_by(UnitRecord.ordinal)
            ).all()
            for row in rows:
                tags = row.tags or {}
                text = row.text
                date = document.act_date
                out.append(
                    SearchDoc(
                        key=f"{version.id}:{row.unit_id}",
                        document_id=document.id,
                        version_id=version.id,
                        version_seq=version.seq,
                        latest=version.id in latest,
                        unit_id=row.unit_id,
                        number=row.number,
                        heading=row.heading,
                        title=document.title or "",
                        language=language,
                        act_type=document.act_type,
                        draft=bool(header.get("draft")),
                        date=date,
                        year=int(date[:4]) if date and date[:4].isdigit() else None,
                        source=version.format or "",
                        competences=[c["id"] for c in tags.get("competences", [])],
                        budget=bool(tags.get("local_budget")),
                        lsg=bool(tags.get("lsg_relevant")),
                        text=text,
                        lemmas=lemma_stream(text, language),
                    )
                )
        return out


def all_document_ids(db: Database) -> Iterator[int]:
    with db.session() as session:
        ids = list(
            session.scalars(select(Document.id).where(Document.deleted_at.is_(None)).order_by(Document.id))
        )
    yield from ids
