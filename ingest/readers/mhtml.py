"""MHTML web archives (often saved from legal databases with a ``.doc`` name): the HTML part inside."""

from __future__ import annotations

import email
import email.policy
from email.message import Message
from pathlib import Path
from typing import ClassVar

from core.errors import CorruptDocument
from core.settings import Settings
from ingest.readers.base import Extraction, Probe
from ingest.readers.html import decode_html, html_to_text


def _html_part(message: Message) -> Message | None:
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part
    return None


class MhtmlReader:
    name: ClassVar[str] = "mhtml"

    def score(self, probe: Probe) -> int:
        head = probe.head[:2048].lower()
        if head.startswith(b"mime-version:") or (b"mime-version:" in head and b"multipart/related" in head):
            return 90
        return 0

    def read(self, path: Path, settings: Settings) -> Extraction:
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
        part = _html_part(message)
        if part is None:
            raise CorruptDocument("The web archive holds no HTML part.")
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            raise CorruptDocument("The web archive's HTML part could not be decoded.")
        charset = part.get_content_charset()
        markup = None
        if charset:
            try:
                markup = payload.decode(charset)
            except (LookupError, UnicodeDecodeError):
                markup = None
        if markup is None:
            markup = decode_html(payload)
        text = html_to_text(markup)
        return Extraction(format="mhtml", pages=[text], page_count=None, paged=False)
