"""Lookups the dossier records share: a live document, its current version, an article by number."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import ArticleNotFound, DocumentDeleted, InvalidInput, NotFound
from core.models import Document, UnitRecord, Version
from nlp.structure.model import ARTICLE_KINDS

MAX_SOM = Decimal(10) ** 15  # far above any budget; keeps tyiyn within a 64-bit integer
MAX_TEXT = 20_000  # characters of a position's reasoning or wording, or of a decision
_ARTICLE_WORDS = re.compile(r"(?i)^\s*(статья|ст\.|берене|art(icle)?\.?)\s*|\s*-?\s*(берене\w*)\s*$")


def live_document(session: Session, document_id: int, stage: str) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"Document {document_id} does not exist.", stage=stage, document=str(document_id))
    if document.deleted_at is not None:
        raise DocumentDeleted(
            f"Document {document_id} was deleted on {document.deleted_at:%Y-%m-%d}.",
            stage=stage,
            document=str(document_id),
        )
    return document


def current_version(document: Document, language: str | None = None) -> Version | None:
    """The latest readable version, in ``language`` when the document has one in it."""
    good = [v for v in document.versions if v.status != "failed" and v.text]
    if language is not None:
        in_language = [v for v in good if v.language == language]
        good = in_language or good
    return good[-1] if good else None


def normalise_number(article: str) -> str:
    """«12-берене», «Статья 12», «ст. 12», « 12 » all name article 12."""
    number = _ARTICLE_WORDS.sub("", article.strip()).strip().rstrip(".")
    if not number:
        raise InvalidInput(f"{article!r} is not an article number.")
    return number


def articles_of(session: Session, version_id: int) -> list[UnitRecord]:
    """The article-level units (articles, or points of a decision) of a version, in order."""
    return list(
        session.scalars(
            select(UnitRecord)
            .where(UnitRecord.version_id == version_id, UnitRecord.kind.in_(ARTICLE_KINDS))
            .order_by(UnitRecord.ordinal)
        )
    )


def unit_of(session: Session, version_id: int, unit_id: str) -> UnitRecord | None:
    return session.scalar(
        select(UnitRecord).where(UnitRecord.version_id == version_id, UnitRecord.unit_id == unit_id)
    )


def find_article(session: Session, version: Version, number: str, stage: str) -> UnitRecord:
    rows = articles_of(session, version.id)
    for row in rows:
        if row.number == number:
            return row
    available = ", ".join(r.number for r in rows[:40]) or "none"
    raise ArticleNotFound(
        f"Document {version.document_id} version {version.seq} has no article {number} "
        f"(its articles: {available}).",
        stage=stage,
        document=str(version.document_id),
    )


def parse_som(value: str | float | int | Decimal | None) -> int | None:
    """A cost in som («1 250 000», «1250000.50», «1,5») as exact tyiyn (1/100 som)."""
    if value is None or value == "":
        return None
    text = str(value).replace("\u00a0", "").replace(" ", "").replace("_", "")
    text = re.sub(r"(?i)(сом|som)$", "", text)
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation as exc:
        raise InvalidInput(f"{value!r} is not an amount in som.") from exc
    if not amount.is_finite() or amount < 0:
        raise InvalidInput("A cost estimate must be a positive amount in som.")
    if amount > MAX_SOM:
        raise InvalidInput(f"{value!r} som is more than any budget of the Republic; check the amount.")
    return int((amount * 100).to_integral_value())


def som(tyiyn: int | None) -> float | None:
    return None if tyiyn is None else tyiyn / 100


def checked_text(value: str | None, what: str, stage: str) -> str | None:
    """Free text as given, refused when it is longer than a dossier can reasonably quote."""
    if value is not None and len(value) > MAX_TEXT:
        raise InvalidInput(
            f"The {what} has {len(value):,} characters; at most {MAX_TEXT:,} are kept.", stage=stage
        )
    return value
