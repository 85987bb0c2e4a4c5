"""The LSG Union's conclusion (корутунду) on a draft: positive or negative, citing articles and norms.

The verdict follows the Union's own positions unless the analyst sets it: an objection makes it
negative, proposed amendments make it positive on condition, otherwise positive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from docx.enum.text import WD_ALIGN_PARAGRAPH

from core.db import Database
from core.errors import InvalidInput
from dossiers.assemble import ItemEntry, gather_item, inputs_of
from dossiers.docx_support import add_page_numbers, deterministic_bytes, fill_cell, new_document
from dossiers.labels import format_date, format_som, format_totals, labels, quoted
from dossiers.records import live_document

Verdict = Literal["positive", "positive_with_amendments", "negative"]
VERDICTS: tuple[str, ...] = ("positive", "negative")


@dataclass
class ConclusionData:
    language: str
    item: ItemEntry
    verdict: Verdict
    date: str  # the date the conclusion speaks for: its latest input, so rebuilding gives the same text
    inputs: dict[str, Any]

    @property
    def lsg_positions(self) -> list[Any]:
        return [p for p in self.item.positions if p.side == "lsg"]


def decide_verdict(item: ItemEntry, override: str | None = None) -> Verdict:
    lsg = [p for p in item.positions if p.side == "lsg"]
    if override is not None:
        if override not in VERDICTS:
            raise InvalidInput(f"Verdict must be positive or negative, not {override!r}.", stage="conclusion")
        if override == "negative":
            return "negative"
        return "positive_with_amendments" if any(p.stance == "amends" for p in lsg) else "positive"
    if any(p.stance == "objects" for p in lsg):
        return "negative"
    if any(p.stance == "amends" for p in lsg):
        return "positive_with_amendments"
    return "positive"


def gather_conclusion(
    db: Database, document_id: int, language: str, verdict: str | None = None
) -> ConclusionData:
    labels(language)  # fails early on an unknown language
    with db.session() as session:
        live_document(session, document_id, "conclusion")
        item = gather_item(session, document_id, 1, language, meeting_id=None)
    stamps = [p.updated_at for p in item.positions] or []
    date = max(stamps).date().isoformat() if stamps else (item.act_date or "2000-01-01")
    inputs = {"document_id": document_id, "language": language, **inputs_of([item])}
    return ConclusionData(language, item, decide_verdict(item, verdict), date, inputs)


def build_conclusion_docx(data: ConclusionData) -> bytes:
    lab = labels(data.language)
    c = lab["conclusion"]
    item = data.item
    doc = new_document(data.language)
    title = quoted(item.title) if item.title else lab["untitled"]
    doc.add_paragraph(c["organisation"], style="Subtitle").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(c["title"], style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(c["subject"].format(title=title)).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(format_date(data.date)).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    version = (
        lab.fmt(
            "version_line",
            seq=item.version.seq,
            id=item.version.id,
            language=lab["language_names"].get(item.version.language or "", "?"),
            filename=item.version.filename,
            sha=item.version.sha256[:12],
        )
        if item.version
        else lab["no_version_note"]
    )
    doc.add_paragraph(c["intro"].format(title=title, version=version))

    doc.add_heading(c["affected"], level=1)
    flagged = [a for a in item.articles if a.tags.get("lsg_relevant") or a.tags.get("local_budget")]
    for article in flagged or []:
        names = ", ".join(lab.competence(x["id"]) for x in article.tags.get("competences", []))
        reason = lab.article(article.kind, article.number) + (f" ({names})" if names else "")
        doc.add_paragraph(reason, style="List Bullet")
    if not flagged:
        doc.add_paragraph(lab["no_affected"])

    doc.add_heading(c["remarks"], level=1)
    lsg = data.lsg_positions
    if not lsg:
        doc.add_paragraph(c["no_remarks"])
    for p in lsg:
        where = lab.article("article", p.article) if p.article else lab["whole_draft"]
        paragraph = doc.add_paragraph(style="List Number")
        paragraph.add_run(f"{where} — {lab['stances'][p.stance]}. ").bold = True
        paragraph.add_run(p.text)
        if p.wording:
            doc.add_paragraph(f"{lab['wording']}: «{p.wording}»", style="Quote")
        if p.cost_tyiyn is not None:
            extra = "; ".join(x for x in (p.cost_period, p.cost_source) if x)
            doc.add_paragraph(
                f"{lab['cost']}: {format_som(p.cost_tyiyn)} {lab['currency']}"
                + (f" ({extra})" if extra else "")
            )
    norms = list(dict.fromkeys(p.basis for p in lsg if p.basis))
    cited_units = {p.unit_id for p in lsg}
    for article in item.articles:
        if article.unit_id in cited_units:
            norms += [e["text"] for e in article.tags.get("entities", []) if e.get("label") == "CITATION"]
    norms = list(dict.fromkeys(norms))
    if norms:
        doc.add_heading(c["norms"], level=1)
        for norm in norms:
            doc.add_paragraph(norm, style="List Bullet")

    doc.add_heading(c["verdict"], level=1)
    objected = [
        lab.article("article", p.article) if p.article else lab["whole_draft"]
        for p in lsg
        if p.stance == "objects"
    ]
    text = c[data.verdict]
    if data.verdict == "negative":
        text = text.format(articles=", ".join(dict.fromkeys(objected)) or lab["whole_draft"])
    doc.add_paragraph(text).runs[0].bold = True
    totals = item.cost_totals("lsg")
    if totals:
        doc.add_paragraph(c["cost_total"].format(total=format_totals(totals, separator="; ")))
    doc.add_paragraph()
    signature = doc.add_table(rows=1, cols=2)
    fill_cell(signature.rows[0].cells[0], c["signature"], bold_first=True)
    fill_cell(signature.rows[0].cells[1], "_______________________")
    add_page_numbers(doc, lab["page"])
    stamp = datetime.fromisoformat(data.date).replace(tzinfo=UTC)
    return deterministic_bytes(doc, stamp)
