"""Amendments resolved against the acts Kenesh has stored: a change that only swaps numbers («7-беренесинде
«50 пайызы» деген сөздөр «70 пайызы» деген сөздөр менен алмаштырылсын») touches what the article it changes
is about. When the amended act was ingested and tagged, that article's stored tags say what that is, for
any act, not only the key acts listed by hand (nlp/data/key_acts.yaml).

The amended act is found by its title's key (``act_key``: the variants of one title share it) among the
stored documents' titles; of its versions, the latest tagged one in the amendment's language is read,
else the latest in the other language (article numbers are the same in both).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Document, UnitRecord, Version
from nlp.key_acts import UNIT, KeyArticle
from nlp.structure.citations import act_key

Lookup = Callable[[dict[str, Any], str], KeyArticle | None]


def _title_keys(session: Session, own_document: int | None) -> list[tuple[str, int]]:
    """(title key, document id) of every stored act but the amending one, read once per amending act."""
    rows = session.execute(select(Document.id, Document.title).where(Document.deleted_at.is_(None)))
    return [(act_key(title), doc_id) for doc_id, title in rows if title and doc_id != own_document]


def _names(key: str, stored: str) -> bool:
    """An amending act's key for a title names a stored act's title key: the same key, or one held whole
    in it (a stored title may keep the act's type words the amending act puts elsewhere)."""
    return stored == key or (len(key.split()) >= 3 and f" {key} " in f" {stored} ")


def _amended_document(session: Session, key: str, titles: list[tuple[str, int]]) -> Document | None:
    """The stored act ``key`` names (the latest of namesakes)."""
    found = [doc_id for stored, doc_id in titles if _names(key, stored)]
    return session.get(Document, max(found)) if found else None


def _tagged_article(
    session: Session, document: Document, article_id: str, language: str
) -> UnitRecord | None:
    """The article's stored row in the latest tagged version, the amendment's language first."""
    versions = session.execute(
        select(Version.id, Version.language, Version.seq).where(
            Version.document_id == document.id, Version.status != "failed"
        )
    ).all()
    for version_id, _, _ in sorted(versions, key=lambda v: (v.language == language, v.seq), reverse=True):
        row = session.scalars(
            select(UnitRecord).where(UnitRecord.version_id == version_id, UnitRecord.unit_id == article_id)
        ).first()
        if row is not None and row.tags:
            return row
    return None


def stored_target(
    session: Session,
    target_act: dict[str, Any],
    target_unit: str,
    language: str,
    titles: list[tuple[str, int]],
) -> KeyArticle | None:
    """What the stored article an amendment changes is about, when it touches LSG; else None (a change of
    an article that touches nothing is judged by its own words)."""
    unit = UNIT.match(target_unit or "")
    title = str(target_act.get("title") or "")
    key = str(target_act.get("key") or "") or act_key(title)
    if unit is None or not key:
        return None
    document = _amended_document(session, key, titles)
    if document is None:
        return None
    row = _tagged_article(session, document, f"art_{unit.group(1)}", language)
    tags = row.tags if row is not None else None
    if row is None or not tags or not tags.get("lsg_relevant"):
        return None
    budget = (tags.get("budget") or {}).get("kind") if tags.get("local_budget") else None
    return KeyArticle(
        act=f"«{document.title}» (stored document {document.id})",
        article=row.number or unit.group(1),
        about=row.heading or str(tags.get("reason") or ""),
        competences=tuple(c["id"] for c in tags.get("competences", [])),
        budget=budget,
    )


def stored_lookup(session: Session, language: str, own_document: int | None) -> Lookup:
    """``stored_target`` bound to a session, for ``tag_amendments``."""
    titles: list[tuple[str, int]] = []
    read = False

    def lookup(target_act: dict[str, Any], target_unit: str) -> KeyArticle | None:
        nonlocal titles, read
        if not read:  # only an amending act reads the titles, and only once
            titles, read = _title_keys(session, own_document), True
        return stored_target(session, target_act, target_unit, language, titles)

    return lookup


def amending_versions(session: Session, document_id: int) -> list[int]:
    """The tagged versions of other documents that amend this stored act: when the amended act arrives
    after the draft, the draft's changes must be judged again against it."""
    document = session.get(Document, document_id)
    if document is None or not document.title:
        return []
    stored = act_key(document.title)
    out = []
    rows = session.execute(  # the two columns only: a version's text is not needed to read its amendments
        select(Version.id, Version.amendments).where(Version.document_id != document_id)
    )
    for version_id, amendments in rows:
        for amendment in amendments or []:
            target = amendment.get("target_act") or {}
            key = str(target.get("key") or "") or act_key(str(target.get("title") or ""))
            if key and _names(key, stored):
                out.append(version_id)
                break
    return out
