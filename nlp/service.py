"""The structure stage with storage: parse a stored version and keep its units, citations, amendments.

Idempotent: structuring a version again replaces what it had.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from core.db import Database
from core.errors import NotFound
from core.models import Document, UnitRecord, Version
from nlp.structure import ArticleView, align_languages, diff_articles, parse_act
from nlp.structure.model import ARTICLE_KINDS, ENCLOSING_KINDS, Unit
from nlp.structure.operative import operative_part


def _records(root: Unit, version_id: int) -> list[UnitRecord]:
    records: list[UnitRecord] = []

    def visit(unit: Unit, parent: str | None) -> None:
        if unit.kind != "preamble":
            records.append(
                UnitRecord(
                    version_id=version_id,
                    unit_id=unit.id,
                    parent_unit_id=parent,
                    kind=unit.kind,
                    number=unit.number,
                    heading=unit.heading,
                    text=unit.text.strip(),
                    ordinal=len(records),
                    start=unit.start,
                )
            )
        for child in unit.children:
            visit(child, unit.id if unit.kind != "preamble" else None)

    visit(root, None)
    return records


def structure_version(db: Database, version_id: int) -> int:
    """Parse the version's text and store its units; returns the number of article-level units."""
    with db.session() as session:
        version = session.get(Version, version_id)
        if version is None:
            raise NotFound(f"Version {version_id} does not exist.", stage="structure")
        if version.status == "failed" or not version.text:
            return 0
        act = parse_act(version.text, version.language if version.language in {"ky", "ru"} else None)
        session.execute(delete(UnitRecord).where(UnitRecord.version_id == version_id))
        session.add_all(_records(act.root, version_id))
        version.header = act.header.to_json()
        version.citations = [c.to_json() for c in act.citations]
        version.amendments = [a.to_json() for a in act.amendments]
        version.stage = "structured"
        return len(act.articles)


def article_views(db: Database, version_id: int) -> list[ArticleView]:
    with db.session() as session:
        rows = session.scalars(
            select(UnitRecord)
            .where(UnitRecord.version_id == version_id, UnitRecord.kind.in_(ARTICLE_KINDS))
            .order_by(UnitRecord.ordinal)
        ).all()
        return [ArticleView(id=r.unit_id, number=r.number, heading=r.heading, text=r.text) for r in rows]


def version_tree(db: Database, version_id: int) -> list[dict[str, Any]]:
    """Article-level units with their nested parts, items and sub-items, in document order."""
    with db.session() as session:
        rows = session.scalars(
            select(UnitRecord).where(UnitRecord.version_id == version_id).order_by(UnitRecord.ordinal)
        ).all()
        nodes: dict[str, dict[str, Any]] = {}
        articles: list[dict[str, Any]] = []
        for row in rows:
            node: dict[str, Any] = {
                "id": row.unit_id,
                "kind": row.kind,
                "number": row.number,
                "text": row.text,
            }
            if row.tags:
                node["tags"] = row.tags
            if row.heading:
                node["heading"] = row.heading
            nodes[row.unit_id] = node
            if row.kind in ARTICLE_KINDS:
                node["parts"] = []
                articles.append(node)
            parent = nodes.get(row.parent_unit_id or "")
            if parent is not None and row.kind in {"part", "item", "subitem"}:
                parent.setdefault(f"{row.kind}s", []).append(node)
        return articles


def _pick(document: Document, spec: int | None, language: str | None) -> Version:
    good = [
        v for v in document.versions if v.status != "failed" and (language is None or v.language == language)
    ]
    if not good:
        raise NotFound(f"Document {document.id} has no readable version.", stage="diff")
    if spec is None:
        return good[-1]
    for version in good:
        if spec in (version.seq, version.id):
            return version
    raise NotFound(f"Document {document.id} has no version {spec}.", stage="diff")


def diff_document(
    db: Database, document_id: int, old: int | None = None, new: int | None = None
) -> dict[str, Any]:
    """Article-level diff between two versions (by default the last two of the latest's language)."""
    with db.session() as session:
        document = session.get(Document, document_id)
        if document is None:
            raise NotFound(f"Document {document_id} does not exist.", stage="diff")
        newer = _pick(document, new, None)
        same_language = [
            v for v in document.versions if v.status != "failed" and v.language == newer.language
        ]
        if old is None:
            earlier = [v for v in same_language if v.seq < newer.seq]
            if not earlier:
                raise NotFound(
                    f"Document {document_id} has only one version in {newer.language}.", stage="diff"
                )
            older = earlier[-1]
        else:
            older = _pick(document, old, None)
        old_id, new_id = older.id, newer.id
        meta = {
            "document_id": document_id,
            "from": {"version_id": older.id, "seq": older.seq},
            "to": {"version_id": newer.id, "seq": newer.seq},
        }
    changes = diff_articles(article_views(db, old_id), article_views(db, new_id))
    counts: dict[str, int] = {}
    for change in changes:
        counts[change.status] = counts.get(change.status, 0) + 1
    return {**meta, "summary": counts, "articles": [c.to_json() for c in changes]}


def language_alignment(db: Database, document_id: int) -> list[dict[str, str | None]]:
    """Article pairs of the latest Kyrgyz and the latest Russian version of a document."""
    with db.session() as session:
        document = session.get(Document, document_id)
        if document is None:
            return []
        latest = {v.language: v.id for v in document.versions if v.status != "failed" and v.language}
    if "ky" not in latest or "ru" not in latest:
        return []
    pairs = align_languages(article_views(db, latest["ky"]), article_views(db, latest["ru"]))
    return [{"ky": ky, "ru": ru} for ky, ru in pairs]


def enclosing_headings(session: Session, version_id: int, rows: Sequence[UnitRecord]) -> list[str]:
    """The stored counterpart of ``ParsedAct.enclosing_headings``: per article row, the headings of the
    chapters and sections above it, outermost first."""
    units = {
        u.unit_id: u
        for u in session.scalars(
            select(UnitRecord).where(
                UnitRecord.version_id == version_id, UnitRecord.kind.in_(sorted(ENCLOSING_KINDS))
            )
        )
    }
    out = []
    for row in rows:
        path: list[str] = []
        parent = units.get(row.parent_unit_id or "")
        while parent is not None:
            if parent.heading:
                path.append(parent.heading)
            parent = units.get(parent.parent_unit_id or "")
        out.append(" ".join(reversed(path)))
    return out


def tag_version(db: Database, version_id: int) -> dict[str, Any]:
    """Tag the article-level units of a structured version and keep the tags with them (idempotent)."""
    from nlp.aliases import defined_aliases
    from nlp.amendment_tags import fold_changes, tag_amendments
    from nlp.entities import find_entities
    from nlp.stored_acts import stored_lookup
    from nlp.tagger_service import article_json, local_act, summarise, tag_units, unit_context

    with db.session() as session:
        version = session.get(Version, version_id)
        if version is None:
            raise NotFound(f"Version {version_id} does not exist.", stage="tag")
        language = version.language if version.language in {"ky", "ru"} else "ky"
        rows = session.scalars(
            select(UnitRecord)
            .where(UnitRecord.version_id == version_id, UnitRecord.kind.in_(ARTICLE_KINDS))
            .order_by(UnitRecord.ordinal)
        ).all()
        if not rows and version.text:
            rows = [
                UnitRecord(
                    version_id=version_id,
                    unit_id="art_1",
                    kind="article",
                    number="1",
                    heading="",
                    text=operative_part(version.text) or version.text,  # a decision's one order
                    ordinal=0,
                )
            ]
            session.add(rows[0])
        header = version.header or {}
        local = local_act(version.text or "", header.get("type"))
        short_names = defined_aliases(version.text or "", language)
        tags = tag_units(
            [(r.heading, r.text) for r in rows],
            language,
            local_act=local,
            sections=[
                unit_context(header.get("title"), headings)
                for headings in enclosing_headings(session, version_id, rows)
            ],
            aliases=[short_names] * len(rows),
        )
        changes = tag_amendments(
            version.amendments or [],
            {r.unit_id: r.text for r in rows},
            language,
            lookup=stored_lookup(session, language, own_document=version.document_id),
        )
        articles = []
        for row, unit_tags in zip(rows, tags, strict=True):
            unit = Unit(
                kind=row.kind, number=row.number, id=row.unit_id, heading=row.heading, own_text=row.text
            )
            item = article_json(unit, unit_tags)
            item["entities"] = find_entities(row.text, unit_tags.language or language)
            if row.unit_id in changes:
                item["amendments"] = changes[row.unit_id]
                fold_changes(item)
            row.tags = {k: v for k, v in item.items() if k not in {"id", "number", "heading"}}
            articles.append(item)
        version.summary = summarise(articles)
        version.stage = "tagged"
        return version.summary


def retag_amending_versions(db: Database, version_id: int) -> list[int]:
    """Tag again the drafts that amend the act this version belongs to, now that its articles' tags are
    stored (nlp/stored_acts.py): a draft ingested before the act it amends is judged against it once the
    act arrives. Returns the versions tagged again."""
    from nlp.stored_acts import amending_versions

    with db.session() as session:
        version = session.get(Version, version_id)
        if version is None or version.amendments:
            return []  # an amending act's own changes are no articles another draft changes
        versions = amending_versions(session, version.document_id)
    for other in versions:
        tag_version(db, other)
    return versions
