"""Notifications: matching a new version against the watches, recording one notification per watch
per version, and delivering it (in-app feed, Atom, webhook signed with HMAC-SHA256, e-mail)."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import smtplib
from datetime import UTC, datetime
from email.message import EmailMessage
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import httpx
import yaml
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from tenacity import retry, stop_after_attempt, wait_exponential

from core.db import Database
from core.errors import NotFound
from core.logs import get_logger
from core.models import Notification, User, Version, Watch
from core.settings import Settings
from search.analysis import Token, analyze
from search.feed import docs_for_document
from search.highlight import snippet
from search.models import SearchDoc
from search.watches import WatchIndex, WatchSpec

log = get_logger("kenesh.notify")
TEMPLATES = {"local-budget": {"query": "", "budget": True}}


@lru_cache(maxsize=1)
def messages() -> dict[str, dict[str, str]]:
    return yaml.safe_load((Path(__file__).parent / "data" / "messages.yaml").read_text(encoding="utf-8"))


# -- users and watches -------------------------------------------------------------------------------
def add_user(db: Database, name: str, language: str = "ky", email: str | None = None) -> User:
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == name))
        if user is None:
            user = User(name=name, language=language, email=email, feed_token=secrets.token_urlsafe(24))
            session.add(user)
        else:
            user.language, user.email = language, email or user.email
        session.flush()
        return user


def add_watch(
    db: Database,
    user_name: str,
    query: str = "",
    template: str | None = None,
    competences: list[str] | None = None,
    languages: list[str] | None = None,
    act_types: list[str] | None = None,
    sources: list[str] | None = None,
    regions: list[str] | None = None,
    budget: bool | None = None,
    mode: str = "immediate",
    webhook_url: str | None = None,
) -> Watch:
    if template is not None and template not in TEMPLATES:
        raise NotFound(f"No watch template '{template}'; known: {', '.join(TEMPLATES)}.", stage="watch")
    if template:
        query = TEMPLATES[template]["query"]  # type: ignore[assignment]
        budget = True if budget is None else budget
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == user_name))
        if user is None:
            raise NotFound(f"No user '{user_name}' (kenesh user add {user_name}).", stage="watch")
        watch = Watch(
            user_id=user.id,
            query=query,
            template=template,
            competences=competences or [],
            languages=languages or [],
            act_types=act_types or [],
            sources=sources or [],
            regions=regions or [],
            budget=budget,
            mode=mode,
            webhook_url=webhook_url,
            webhook_secret=secrets.token_hex(16) if webhook_url else None,
        )
        session.add(watch)
        session.flush()
        return watch


def watch_json(watch: Watch) -> dict[str, Any]:
    return {
        "id": watch.id,
        "user_id": watch.user_id,
        "query": watch.query,
        "template": watch.template,
        "competences": watch.competences,
        "budget": watch.budget,
        "languages": watch.languages,
        "act_types": watch.act_types,
        "sources": watch.sources,
        "regions": watch.regions,
        "mode": watch.mode,
        "webhook_url": watch.webhook_url,
        "webhook_secret": watch.webhook_secret,
        "active": watch.active,
        "webhook_disabled_reason": watch.webhook_disabled_reason,
    }


def spec_of(watch: Watch) -> WatchSpec:
    return WatchSpec(
        id=watch.id,
        query=watch.query,
        competences=list(watch.competences or []),
        budget=watch.budget,
        act_types=list(watch.act_types or []),
        languages=list(watch.languages or []),
        sources=list(watch.sources or []),
    )


class WatchCache:
    """The inverted index of the active watches, rebuilt only when watches change."""

    def __init__(self) -> None:
        self.signature: tuple[Any, ...] | None = None
        self.index: WatchIndex | None = None
        self.regions: dict[int, list[str]] = {}

    def get(self, db: Database) -> WatchIndex:
        with db.session() as session:
            signature = tuple(
                session.execute(
                    select(func.count(Watch.id), func.max(Watch.id), func.sum(Watch.active))
                ).one()
            )
            if self.index is None or signature != self.signature:
                watches = session.scalars(select(Watch).where(Watch.active.is_(True))).all()
                self.index = WatchIndex([spec_of(w) for w in watches])
                self.regions = {w.id: list(w.regions or []) for w in watches if w.regions}
                self.signature = signature
        return self.index


CACHE = WatchCache()


# -- matching and recording --------------------------------------------------------------------------
def _region_ok(doc: SearchDoc, regions: list[str]) -> bool:
    text = doc.text.lower()
    return any(region.lower()[:5] in text for region in regions)


def notify_version(db: Database, version_id: int, settings: Settings, cache: WatchCache = CACHE) -> list[int]:
    """Record (once) and deliver notifications for a version; returns the ids of the new notifications."""
    with db.session() as session:
        version = session.get(Version, version_id)
        if version is None:
            raise NotFound(f"Version {version_id} does not exist.", stage="notify")
        document_id, seq, title = version.document_id, version.seq, version.document.title or version.filename
    docs = [d for d in docs_for_document(db, document_id) if d.version_id == version_id]
    index = cache.get(db)
    matched: dict[int, list[SearchDoc]] = {}
    for doc in docs:
        for watch_id in index.match(doc):
            regions = cache.regions.get(watch_id)
            if regions and not _region_ok(doc, regions):
                continue
            matched.setdefault(watch_id, []).append(doc)
    tokens = {doc.key: analyze(doc.text, doc.language) for docs_ in matched.values() for doc in docs_}
    created: list[int] = []
    with db.session() as session:
        users = {u.id: u for u in session.scalars(select(User))}
        watches = {w.id: w for w in session.scalars(select(Watch).where(Watch.id.in_(list(matched))))}
        for watch_id, articles in matched.items():
            watch = watches.get(watch_id)
            if watch is None:
                continue
            notification = _build(
                watch, users.get(watch.user_id), document_id, version_id, seq, title, articles, index, tokens
            )
            try:
                with session.begin_nested():
                    session.add(notification)
            except IntegrityError:
                continue  # already notified for this version: exactly once
            created.append(notification.id)
    for notification_id in _undelivered(db, version_id):
        deliver(db, notification_id, settings)
    return created


def _build(
    watch: Watch,
    user: User | None,
    document_id: int,
    version_id: int,
    seq: int,
    title: str,
    articles: list[SearchDoc],
    index: WatchIndex,
    tokens: dict[str, list[Token]],
) -> Notification:
    keys = index.compiled[watch.id].parsed.positive_keys()
    language = user.language if user and user.language in {"ky", "ru"} else "ky"
    items = []
    for doc in articles:
        text, words = snippet(doc.text, doc.language, keys, tokens=tokens.get(doc.key))
        reason = (
            ", ".join(words)
            if words
            else (messages()[language]["template_local_budget"] if doc.budget else ", ".join(doc.competences))
        )
        items.append(
            {"key": doc.key, "number": doc.number, "unit_id": doc.unit_id, "snippet": text, "reason": reason}
        )
    message = render(language, watch, title, seq, items)
    return Notification(
        watch_id=watch.id,
        user_id=watch.user_id,
        document_id=document_id,
        version_id=version_id,
        title=title,
        articles=items,
        message=message,
    )


def render(language: str, watch: Watch, title: str, seq: int, items: list[dict[str, Any]]) -> str:
    texts = messages()[language]
    name = watch.query or (
        texts["template_local_budget"] if watch.template == "local-budget" else f"#{watch.id}"
    )
    lines = [texts["intro"].format(watch=name, title=title, seq=seq, count=len(items))]
    lines += [texts["article"].format(**item) for item in items]
    return "\n".join(lines)


def _undelivered(db: Database, version_id: int) -> list[int]:
    with db.session() as session:
        rows = session.scalars(select(Notification).where(Notification.version_id == version_id)).all()
        return [n.id for n in rows if not n.delivered.get("done")]


# -- delivery ----------------------------------------------------------------------------------------
def deliver(db: Database, notification_id: int, settings: Settings) -> dict[str, Any]:
    """Deliver one notification through the watch's channels; each channel at most once."""
    with db.session() as session:
        notification = session.get(Notification, notification_id)
        if notification is None:
            return {}
        watch = session.get(Watch, notification.watch_id)
        user = session.get(User, notification.user_id)
        delivered = dict(notification.delivered or {})
        if watch is None or user is None:
            return delivered
        payload = notification_json(notification)
        if watch.mode == "immediate":
            if watch.webhook_url and not watch.webhook_disabled_reason and not delivered.get("webhook"):
                delivered["webhook"] = _webhook(watch, payload, settings)
            if user.email and settings.smtp_host and not delivered.get("email"):
                subject = messages()[user.language if user.language in {"ky", "ru"} else "ky"][
                    "subject"
                ].format(title=notification.title)
                delivered["email"] = send_email(settings, user.email, subject, notification.message)
        delivered["done"] = True
        notification.delivered = delivered
        return delivered


def notification_json(n: Notification) -> dict[str, Any]:
    return {
        "id": n.id,
        "watch_id": n.watch_id,
        "document_id": n.document_id,
        "version_id": n.version_id,
        "title": n.title,
        "articles": [a["number"] for a in n.articles],
        "matched": n.articles,
        "snippet": n.articles[0]["snippet"] if n.articles else "",
        "reason": n.articles[0]["reason"] if n.articles else "",
        "message": n.message,
        "read": n.read_at is not None,
        "created_at": n.created_at.isoformat() if n.created_at else None,
    }


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _webhook(watch: Watch, payload: dict[str, Any], settings: Settings) -> bool:
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()

    @retry(stop=stop_after_attempt(3), wait=wait_exponential(multiplier=0.2, max=2), reraise=True)
    def post() -> None:
        response = httpx.post(
            watch.webhook_url or "",
            content=body,
            timeout=10,
            headers={
                "content-type": "application/json",
                "x-kenesh-signature": sign(watch.webhook_secret or "", body),
            },
        )
        response.raise_for_status()

    try:
        post()
    except Exception as exc:  # network errors and non-2xx answers alike
        watch.webhook_failures = (watch.webhook_failures or 0) + 1
        log.warning(
            "webhook_failed", watch_id=watch.id, failures=watch.webhook_failures, error=str(exc)[:200]
        )
        if watch.webhook_failures >= settings.webhook_max_failures:
            watch.webhook_disabled_reason = (
                f"disabled after {watch.webhook_failures} failed deliveries; last error: {str(exc)[:200]}"
            )
        return False
    watch.webhook_failures = 0
    return True


def send_email(settings: Settings, to: str, subject: str, body: str) -> bool:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = settings.smtp_from, to, subject
    message.set_content(body)
    try:
        with smtplib.SMTP(settings.smtp_host or "localhost", settings.smtp_port, timeout=10) as smtp:
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        log.warning("email_failed", to=to, error=str(exc)[:200])
        return False
    return True


def send_digests(db: Database, settings: Settings) -> int:
    """Group the daily-digest notifications not yet sent, one message per user."""
    sent = 0
    with db.session() as session:
        rows = session.execute(
            select(Notification, Watch)
            .join(Watch, Watch.id == Notification.watch_id)
            .where(Watch.mode == "daily", Notification.digest_sent.is_(False))
        ).all()
        by_user: dict[int, list[Notification]] = {}
        for notification, _watch in rows:
            by_user.setdefault(notification.user_id, []).append(notification)
        for user_id, items in by_user.items():
            user = session.get(User, user_id)
            if user is None:
                continue
            language = user.language if user.language in {"ky", "ru"} else "ky"
            body = "\n\n".join(n.message for n in items)
            subject = messages()[language]["digest_subject"].format(count=len(items))
            if user.email and settings.smtp_host and not send_email(settings, user.email, subject, body):
                continue
            for notification in items:
                notification.digest_sent = True
            sent += 1
    return sent


def list_notifications(db: Database, user_name: str, unread: bool = False) -> list[dict[str, Any]]:
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == user_name))
        if user is None:
            raise NotFound(f"No user '{user_name}'.", stage="notify")
        query = select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
        if unread:
            query = query.where(Notification.read_at.is_(None))
        return [notification_json(n) for n in session.scalars(query)]


def mark_read(db: Database, user_name: str, notification_ids: list[int]) -> int:
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == user_name))
        if user is None:
            raise NotFound(f"No user '{user_name}'.", stage="notify")
        rows = session.scalars(
            select(Notification).where(Notification.user_id == user.id, Notification.id.in_(notification_ids))
        ).all()
        for row in rows:
            row.read_at = datetime.now(UTC)
        return len(rows)


def atom_feed(db: Database, user_name: str, token: str, settings: Settings) -> str:
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == user_name))
        if user is None or not hmac.compare_digest(user.feed_token, token):
            raise NotFound("No such feed.", stage="notify")
        items = session.scalars(
            select(Notification)
            .where(Notification.user_id == user.id)
            .order_by(Notification.id.desc())
            .limit(100)
        ).all()
        ns = "http://www.w3.org/2005/Atom"
        feed = ET.Element("feed", xmlns=ns)
        ET.SubElement(feed, "title").text = f"Kenesh — {user.name}"
        ET.SubElement(feed, "id").text = f"{settings.public_url}/users/{user.name}/atom"
        updated = items[0].created_at if items else datetime.now(UTC)
        ET.SubElement(feed, "updated").text = updated.isoformat()
        for n in items:
            entry = ET.SubElement(feed, "entry")
            ET.SubElement(entry, "title").text = n.title
            ET.SubElement(entry, "id").text = f"{settings.public_url}/notifications/{n.id}"
            ET.SubElement(entry, "updated").text = n.created_at.isoformat()
            ET.SubElement(entry, "link", href=f"{settings.public_url}/documents/{n.document_id}")
            ET.SubElement(entry, "content", type="text").text = n.message
        return ET.tostring(feed, encoding="unicode", xml_declaration=True)
