"""What python-docx does not offer directly: fields (TOC, page numbers), header rows, and byte-stable
saving. Written by hand because these are a few XML elements each; no maintained library adds them."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from docx import Document as new_docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
LANG_TAGS = {"ky": "ky-KG", "ru": "ru-RU"}
# Zip entries get this timestamp so the same content always gives the same bytes.
FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
# Word checks the order of children against the schema: new elements go before these successors.
RPR_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
    "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
    "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol",
    "w:listSeparator",
)  # fmt: skip


def new_document(language: str) -> Document:
    """A4 portrait document with Times New Roman, the text language set for spell-checking."""
    doc = new_docx()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    for name in (
        "Normal",
        "Title",
        "Subtitle",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Quote",
        "List Number",
    ):
        style = doc.styles[name]
        style.font.name = FONT  # python-docx puts w:rFonts where the schema wants it
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme_attr), None)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = rpr.insert_element_before(OxmlElement("w:lang"), *RPR_AFTER_LANG)
        lang.set(qn("w:val"), LANG_TAGS.get(language, language))
    doc.styles["Normal"].font.size = Pt(12)
    return doc


class StyleIds:
    """Style ids by name, looked up once: python-docx resolves a style name by scanning every style
    of the template on each paragraph, which made a 300-article dossier spend most of its time there."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._ids: dict[str, str] = {}

    def __getitem__(self, name: str) -> str:
        if name not in self._ids:
            self._ids[name] = self._doc.styles[name].style_id
        return self._ids[name]


def styled(container: Any, text: str, style_id: str | None) -> Paragraph:
    """A paragraph with its style set by id (``container`` is the document or a table cell)."""
    paragraph: Paragraph = container.add_paragraph(text)
    if style_id:
        paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = style_id
    return paragraph


def _field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (begin, instruction, separate, shown result, end) in one paragraph."""

    def char(kind: str) -> Any:
        run = OxmlElement("w:r")
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            fld.set(qn("w:dirty"), "true")
        run.append(fld)
        return run

    p = paragraph._p
    p.append(char("begin"))
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    instr_run.append(instr)
    p.append(instr_run)
    p.append(char("separate"))
    shown = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = placeholder
    shown.append(text)
    p.append(shown)
    p.append(char("end"))


def add_toc(doc: Document) -> Paragraph:
    """Where the table of contents goes; ``fill_toc`` writes it once every heading is known."""
    return doc.add_paragraph()


def fill_toc(anchor: Paragraph, entries: Sequence[tuple[int, str]], levels: str = "1-2") -> None:
    """A TOC field over the heading styles, its shown result pre-filled with the headings (without page
    numbers), so the contents read right even where fields are not updated; Word refreshes it on
    opening (``updateFields``) and adds the page numbers."""

    def run(*children: Any) -> Any:
        r = OxmlElement("w:r")
        for child in children:
            r.append(child)
        return r

    def fld(kind: str) -> Any:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            el.set(qn("w:dirty"), "true")
        return el

    def text(value: str) -> Any:
        el = OxmlElement("w:t")
        el.set(qn("xml:space"), "preserve")
        el.text = value
        return el

    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f' TOC \\o "{levels}" \\h \\z \\u '
    rows = list(entries) or [(1, "")]
    paragraphs = [anchor] + [anchor.insert_paragraph_before() for _ in rows[1:]]
    # insert_paragraph_before puts each new one above the anchor: restore reading order.
    ordered = [*paragraphs[1:], anchor]
    for index, ((level, title), paragraph) in enumerate(zip(rows, ordered, strict=True)):
        paragraph.paragraph_format.left_indent = Cm(0.75 * (level - 1))
        paragraph.paragraph_format.space_after = Pt(2)
        p = paragraph._p
        if index == 0:
            p.append(run(fld("begin")))
            p.append(run(instr))
            p.append(run(fld("separate")))
        p.append(run(text(title)))
        if index == len(rows) - 1:
            p.append(run(fld("end")))
    settings = anchor.part.document.settings.element  # type: ignore[attr-defined]
    update = settings.find(qn("w:updateFields"))
    if update is None:
        update = settings.insert_element_before(OxmlElement("w:updateFields"), *SETTINGS_AFTER_UPDATE_FIELDS)
    update.set(qn("w:val"), "true")


def add_page_numbers(doc: Document, label: str) -> None:
    """«Бет 3 / 12» centred in every page's footer."""
    for section in doc.sections:
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(f"{label} ")
        _field(paragraph, "PAGE", "1")
        paragraph.add_run(" / ")
        _field(paragraph, "NUMPAGES", "1")


def add_table(
    doc: Document,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_cm: Sequence[float] | None = None,
    style: str = "Table Grid",
) -> Table:
    """A table whose header row is bold and repeats on every page."""
    table = doc.add_table(rows=1, cols=len(header))
    set_table_style(table, "TableGrid" if style == "Table Grid" else doc.styles[style].style_id)
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            fill_cell(cell, text)
    if widths_cm:
        set_widths(table, widths_cm)
    return table


def set_table_style(table: Table, style_id: str) -> None:
    table._tbl.tblPr.style = style_id


def set_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Column widths that both Word (cell widths) and LibreOffice (the grid) honour."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def fill_cell(cell: object, text: str, bold_first: bool = False) -> None:
    """Cell text with one paragraph per line (python-docx's ``cell.text`` would keep line breaks raw)."""
    lines = text.split("\n") if text else [""]
    paragraphs = cell.paragraphs  # type: ignore[attr-defined]
    paragraphs[0].text = ""
    paragraphs[0].add_run(lines[0]).bold = bold_first
    for line in lines[1:]:
        cell.add_paragraph(line)  # type: ignore[attr-defined]


def deterministic_bytes(doc: Document, stamp: datetime) -> bytes:
    """Save with fixed core properties and zip timestamps: the same content gives the same bytes."""
    props = doc.core_properties
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    props.last_modified_by = props.author = "Kenesh"
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
