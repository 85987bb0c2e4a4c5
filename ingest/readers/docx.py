"""DOCX through python-docx: body paragraphs and tables in order, list numbers rendered, footnotes apart.

Headers and footers are not part of the body and are left out. The fonts of runs are reported so that
repair can pick the legacy-font mapping by font name (e.g. A97_Oktom_Times).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from docx import Document as open_docx
from docx.oxml.ns import qn
from lxml import etree

from core.errors import CorruptDocument
from core.settings import Settings
from ingest.readers.base import Extraction, Probe
from ingest.readers.zipguard import check_zip

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """List numbering of a document: num id -> abstract levels, and running counters."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, doc: Any) -> Numbering:
        numbering = cls()
        try:
            root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        abstract: dict[str, dict[int, Level]] = {}
        for an in root.findall(qn("w:abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in an.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[ilvl] = Level(
                    fmt=fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
                    text=text.get(qn("w:val"), "") if text is not None else "",
                    start=int(start.get(qn("w:val"), "1")) if start is not None else 1,
                )
            abstract[an.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                numbering.levels[num.get(qn("w:numId"), "")] = abstract.get(ref.get(qn("w:val"), ""), {})
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        level = levels[ilvl]
        if level.fmt in {"bullet", "none"}:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        if counters[ilvl] == 0:
            counters[ilvl] = level.start - 1
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0

        def render(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            lvl = levels.get(index, Level())
            value = counters[index] or lvl.start
            return _format_number(value, lvl.fmt)

        return re.sub(r"%(\d)", render, level.text)


def _format_number(value: int, fmt: str) -> str:
    if fmt in {"lowerLetter", "upperLetter"}:
        out = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]
        return out.upper() if fmt == "upperLetter" else out
    if fmt in {"lowerRoman", "upperRoman"}:
        out = _roman(value)
        return out.lower() if fmt == "lowerRoman" else out
    if fmt == "russianLower":
        return "абвгдежзиклмнопрстуфхцчшщэюя"[(value - 1) % 28]
    if fmt == "russianUpper":
        return "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"[(value - 1) % 28]
    return str(value)


def _roman(value: int) -> str:
    pairs = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = ""
    for number, letters in pairs:
        while value >= number:
            out += letters
            value -= number
    return out


def _num_pr(paragraph: Any, styles: dict[str, Any]) -> tuple[str, int] | None:
    ppr = paragraph.find(qn("w:pPr"))
    num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
    style_id = None
    if ppr is not None and ppr.find(qn("w:pStyle")) is not None:
        style_id = ppr.find(qn("w:pStyle")).get(qn("w:val"))
    depth = 0
    while num_pr is None and style_id and depth < 10:
        style = styles.get(style_id)
        if style is None:
            break
        sppr = style.find(qn("w:pPr"))
        num_pr = sppr.find(qn("w:numPr")) if sppr is not None else None
        based = style.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None
        depth += 1
    if num_pr is None:
        return None
    num_id = num_pr.find(qn("w:numId"))
    ilvl = num_pr.find(qn("w:ilvl"))
    if num_id is None or num_id.get(qn("w:val")) in {None, "0"}:
        return None
    return num_id.get(qn("w:val"), ""), int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0


def _run_texts(paragraph: Any, fonts: set[str]) -> str:
    parts: list[str] = []
    for node in paragraph.iter(qn("w:r"), qn("w:hyperlink")):
        if node.tag != qn("w:r"):
            continue
        rpr = node.find(qn("w:rPr"))
        if rpr is not None:
            rfonts = rpr.find(qn("w:rFonts"))
            if rfonts is not None:
                name = rfonts.get(qn("w:ascii")) or rfonts.get(qn("w:hAnsi")) or rfonts.get(qn("w:cs"))
                if name:
                    fonts.add(name)
            vert = rpr.find(qn("w:vertAlign"))
            superscript = vert is not None and vert.get(qn("w:val")) == "superscript"
        else:
            superscript = False
        for child in node:
            if child.tag == qn("w:t"):
                text = child.text or ""
                # A superscript number inserted into a heading ("131¹-берене") is a dash number.
                parts.append(f"-{text}" if superscript and text.isdigit() and parts else text)
            elif child.tag == qn("w:tab"):
                parts.append("\t")
            elif child.tag in (qn("w:br"), qn("w:cr")):
                parts.append("\n")
            elif child.tag == qn("w:footnoteReference"):
                parts.append("")
    return "".join(parts)


@dataclass
class DocxText:
    paragraphs: list[str] = field(default_factory=list)
    fonts: set[str] = field(default_factory=set)
    page_breaks: int = 0


def _walk(body: Any, numbering: Numbering, styles: dict[str, Any], out: DocxText) -> None:
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            text = _run_texts(child, out.fonts)
            out.page_breaks += len(child.findall(".//" + qn("w:lastRenderedPageBreak")))
            num = _num_pr(child, styles)
            if num is not None and text.strip():
                label = numbering.label(*num)
                if label:
                    text = f"{label} {text.lstrip()}"
            out.paragraphs.append(text)
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells: list[str] = []
                for cell in row.findall(qn("w:tc")):
                    inner = DocxText(fonts=out.fonts)
                    _walk(cell, numbering, styles, inner)
                    out.page_breaks += inner.page_breaks
                    cells.append("\n".join(p for p in inner.paragraphs if p.strip()))
                if len(cells) == 1:
                    out.paragraphs.append(cells[0])
                else:
                    out.paragraphs.append(" | ".join(c.replace("\n", " ") for c in cells))
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                _walk(content, numbering, styles, out)


def _footnotes(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        if "word/footnotes.xml" not in zf.namelist():
            return []
        root = etree.fromstring(zf.read("word/footnotes.xml"), parser=etree.XMLParser(resolve_entities=False))
    notes = []
    for note in root.findall(f"{{{W_NS}}}footnote"):
        if note.get(f"{{{W_NS}}}type") in {"separator", "continuationSeparator", "continuationNotice"}:
            continue
        text = "".join(t.text or "" for t in note.iter(f"{{{W_NS}}}t")).strip()
        if text:
            notes.append(text)
    return notes


def _page_count(path: Path) -> int | None:
    with zipfile.ZipFile(path) as zf:
        if "docProps/app.xml" not in zf.namelist():
            return None
        match = re.search(rb"<Pages>(\d+)</Pages>", zf.read("docProps/app.xml"))
    return int(match.group(1)) if match else None


def read_docx_text(path: Path, settings: Settings) -> tuple[DocxText, list[str], int | None]:
    check_zip(path, settings)
    try:
        doc = open_docx(str(path))
    except Exception as exc:  # python-docx raises many kinds on a broken package
        raise CorruptDocument(f"The Word document is damaged ({type(exc).__name__}: {exc}).") from exc
    styles = {s.get(qn("w:styleId")): s for s in doc.styles.element.findall(qn("w:style"))}
    out = DocxText()
    _walk(doc.element.body, Numbering.from_document(doc), styles, out)
    return out, _footnotes(path), _page_count(path)


def iter_zip_names(path: Path) -> Iterator[str]:
    with zipfile.ZipFile(path) as zf:
        yield from zf.namelist()


class DocxReader:
    name: ClassVar[str] = "docx"

    def score(self, probe: Probe) -> int:
        if not probe.head.startswith(b"PK\x03\x04"):
            return 20 if probe.extension == "docx" else 0
        if b"word/" in probe.head or b"[Content_Types].xml" in probe.head:
            return 90
        return 50 if probe.extension in {"docx", "docm", "dotx"} else 0

    def read(self, path: Path, settings: Settings) -> Extraction:
        text, notes, pages = read_docx_text(path, settings)
        body = "\n".join(text.paragraphs)
        page_count = pages if pages and pages > 1 else (text.page_breaks + 1 if text.page_breaks else None)
        return Extraction(
            format="docx",
            pages=[body],
            page_count=page_count,
            footnotes=notes,
            fonts=sorted(text.fonts),
            paged=False,
        )
