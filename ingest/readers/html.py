"""HTML pages: block elements become line breaks, scripts and styles are dropped."""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

import lxml.html
from lxml import etree

from core.errors import CorruptDocument
from core.settings import Settings
from ingest.readers.base import Extraction, Probe
from ingest.readers.text import decode_bytes

BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "section",
    "article",
    "blockquote",
    "pre",
    "title",
    "dd",
    "dt",
    "hr",
}
CELL_TAGS = {"td", "th"}
SKIP_TAGS = {"script", "style", "head", "noscript", "template"}
META_CHARSET = re.compile(rb"""charset=["']?([A-Za-z0-9_-]+)""", re.I)


def html_to_text(markup: str) -> str:
    """Text of an HTML document in reading order, one block per line."""
    if not markup.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise CorruptDocument(f"The HTML could not be parsed: {exc}") from exc
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower().split("}")[-1]
        if tag in SKIP_TAGS:
            if el.tail:
                out.append(el.tail)
            return
        block = tag in BLOCK_TAGS
        if block:
            out.append("\n")
        if el.text and tag not in SKIP_TAGS:
            out.append(el.text)
        for child in el:
            walk(child)
        if tag in CELL_TAGS:
            out.append(" | ")
        if block:
            out.append("\n")
        if el.tail:
            out.append(el.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    text = "".join(out).replace("\r", "")
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip().rstrip("|").strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def decode_html(data: bytes) -> str:
    match = META_CHARSET.search(data[:4096])
    if match and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


class HtmlReader:
    name: ClassVar[str] = "html"

    def score(self, probe: Probe) -> int:
        head = probe.head.lstrip()[:512].lower()
        if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
            return 60
        if probe.extension in {"html", "htm", "xhtml"}:
            return 40
        return 0

    def read(self, path: Path, settings: Settings) -> Extraction:
        text = html_to_text(decode_html(path.read_bytes()))
        return Extraction(format="html", pages=[text], page_count=None, paged=False)
