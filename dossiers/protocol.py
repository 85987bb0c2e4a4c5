"""The protocol dossier of a reconciliation meeting as a DOCX (python-docx), from gathered data only."""

from __future__ import annotations

from datetime import UTC, datetime

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from dossiers.assemble import ArticleEntry, ItemEntry, ProtocolData
from dossiers.disagreements import Disagreement
from dossiers.docx_support import (
    StyleIds,
    add_page_numbers,
    add_table,
    add_toc,
    deterministic_bytes,
    fill_cell,
    fill_toc,
    new_document,
    set_table_style,
    set_widths,
    styled,
)
from dossiers.labels import Labels, format_date, format_som, format_totals, labels
from dossiers.meetings import DecisionView
from dossiers.organisations import resolve
from dossiers.positions import PositionView

QUOTE_CHARS = 700
AMOUNTS_SHOWN = 6  # amounts listed on an article's budget line in the protocol
SIDES = ("lsg", "government", "parliament", "other")


class _Writer:
    """Keeps the document, the labels and the headings written so far (for the contents)."""

    def __init__(self, language: str) -> None:
        self.doc: Document = new_document(language)
        self.l: Labels = labels(language)
        self.language = language
        self.toc: list[tuple[int, str]] = []
        self.styles = StyleIds(self.doc)

    def styled(self, text: str, style: str) -> Paragraph:
        return styled(self.doc, text, self.styles[style])

    def heading(self, text: str, level: int) -> None:
        self.styled(text, f"Heading {level}")
        if level == 1:  # the contents list the meeting's parts and the agenda items
            self.toc.append((level, text))

    def para(
        self, text: str = "", style: str | None = None, bold: bool = False, italic: bool = False
    ) -> None:
        paragraph = styled(self.doc, "", self.styles[style] if style else None)
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic

    def labelled(self, label: str, value: str) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
        return paragraph

    # --- pieces ---------------------------------------------------------------------------------

    def position_text(self, p: PositionView, article: ArticleEntry | None, item: ItemEntry) -> str:
        lab = self.l
        lines = [f"{resolve(p.org).name(self.language)} — {lab['stances'][p.stance]}"]
        seq, language = item.version_seqs.get(p.version_id, (None, None))
        shown = item.version.language if item.version else None
        moved = article is not None and p.article is not None and p.article != article.number
        older = article is not None and seq is not None and language == shown and seq != article.version_seq
        if article is not None and p.article and (moved or older):
            lines.append(lab.fmt("written_on", seq=seq, article=lab.article(article.kind, p.article)))
        if p.text:
            lines.append(f"{lab['reasoning']}: {p.text}")
        if p.wording:
            lines.append(f"{lab['wording']}: «{p.wording}»")
        if p.cost_tyiyn is not None:
            extra = "; ".join(
                x
                for x in (
                    p.cost_period and f"{lab['cost_period']}: {p.cost_period}",
                    p.cost_source and f"{lab['cost_source']}: {p.cost_source}",
                )
                if x
            )
            amount = format_som(p.cost_tyiyn)
            lines.append(f"{lab['cost']}: {amount} {lab['currency']}" + (f" ({extra})" if extra else ""))
        if p.basis:
            lines.append(f"{lab['basis']}: {p.basis}")
        if article is not None and article.disagreement is not None and p.stance != "supports":
            # A counter-opinion in a disagreement must be reasoned, costed and evidenced (DOMAIN.md).
            gaps = [
                lab["missing_parts"][name]
                for name, present in (
                    ("reasoning", p.text),
                    ("cost", p.cost_som is not None),
                    ("basis", p.basis),
                )
                if not present
            ]
            if gaps:
                lines.append(lab.fmt("missing", what=", ".join(gaps)))
        signed = ", ".join(x for x in (lab.fmt("revision", n=p.revision), p.author) if x)
        lines.append(f"[#{p.id}, {signed}]")
        return "\n".join(lines)

    def positions_table(
        self, positions: list[PositionView], article: ArticleEntry | None, item: ItemEntry
    ) -> None:
        """The sides side by side: LSG and Government always, Parliament and others when they spoke."""
        sides = [s for s in SIDES if s in ("lsg", "government") or any(p.side == s for p in positions)]
        table = add_table(self.doc, [self.l["sides"][s] for s in sides], [["" for _ in sides]])
        for cell, side in zip(table.rows[1].cells, sides, strict=True):
            texts = [self.position_text(p, article, item) for p in positions if p.side == side]
            fill_cell(cell, "\n\n".join(texts) if texts else self.l["no_position"], bold_first=bool(texts))

    def status_line(self, found: Disagreement | None) -> None:
        status = found.status if found else "none"
        self.labelled(self.l["disagreement"], self.l["statuses"][status]).paragraph_format.space_before = Pt(
            6
        )
        if found and found.agreed_wording:
            self.labelled(self.l["agreed_wording"], f"«{found.agreed_wording}»")

    def decision_lines(self, decisions: list[DecisionView]) -> None:
        for d in decisions:
            self.labelled(self.l["decision"], f"{d.text} ({self.l['statuses'][d.status]})")

    def tags_line(self, article: ArticleEntry) -> None:
        tags = article.tags
        names = [self.l.competence(c["id"]) for c in tags.get("competences", [])]
        self.labelled(self.l["tags_competences"], ", ".join(names) or self.l["tags_none"])
        budget = tags.get("budget") or {}
        if tags.get("local_budget") and budget.get("kind"):
            value = self.l["budget_kinds"].get(budget["kind"], budget["kind"])
            amounts = [
                f"{format_som(round(float(a['value']) * 100))} "
                + self.l["currencies"].get(a.get("currency", "KGS"), str(a.get("currency")))
                + (f", {self.l['periods'].get(a['period'], a['period'])}" if a.get("period") else "")
                for a in budget.get("amounts", [])
                if isinstance(a, dict) and a.get("value") is not None
            ]
            if len(amounts) > AMOUNTS_SHOWN:  # an annex table: its rows are quoted in the annex itself
                amounts = [*amounts[:AMOUNTS_SHOWN], f"… (+{len(amounts) - AMOUNTS_SHOWN})"]
            self.labelled(self.l["tags_budget"], value + (f" ({'; '.join(amounts)})" if amounts else ""))

    def article(self, item: ItemEntry, article: ArticleEntry) -> None:
        title = self.l.article(article.kind, article.number)
        self.heading(f"{title}. {article.heading}" if article.heading else title, 3)
        if not article.in_current and item.version is not None:
            self.para(
                self.l.fmt("not_in_current", current=item.version.seq, seq=article.version_seq), italic=True
            )
        self.tags_line(article)
        quote = article.text[:QUOTE_CHARS]
        if len(article.text) > QUOTE_CHARS:
            quote = quote.rsplit(" ", 1)[0] + self.l["quote_more"]
        self.para(quote, style="Quote")
        for seq, ops in article.changes:
            self.diff_paragraph(seq, ops)
        if article.positions:
            self.positions_table(article.positions, article, item)
        self.status_line(article.disagreement)
        self.decision_lines(article.decisions)

    def diff_paragraph(self, seq: int, ops: list[dict[str, str]]) -> None:
        """The article's changes since version ``seq``: deletions struck through, insertions underlined,
        long unchanged stretches shortened to their edges."""
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(self.l.fmt("changed_since", seq=seq) + " ").bold = True
        for op in ops:
            words = op["text"].split()
            if op["op"] == "equal":
                shown = " ".join(words) if len(words) <= 12 else " ".join([*words[:4], "…", *words[-4:]])
                paragraph.add_run(shown + " ")
                continue
            run = paragraph.add_run(op["text"])
            if op["op"] == "delete":
                run.font.strike = True
            else:
                run.font.underline = True
                run.bold = True
            paragraph.add_run(" ")

    def costs(self, item: ItemEntry) -> None:
        lab = self.l
        costed = [p for p in item.positions if p.cost_som is not None]
        self.heading(lab["costs"], 2)
        if not costed:
            self.para(lab["no_costs"])
            return
        rows = []
        for p in sorted(costed, key=lambda p: (SIDES.index(p.side) if p.side in SIDES else 9, p.id)):
            where = lab.article("article", p.article) if p.article else lab["whole_draft"]
            rows.append(
                [
                    resolve(p.org).name(self.language),
                    where,
                    format_som(p.cost_tyiyn or 0),
                    p.cost_period or "",
                    p.cost_source or "",
                ]
            )
        for side in SIDES:
            label = lab.fmt("total_side", side=lab["sides"][side])
            for period, total in item.cost_totals(side).items():
                rows.append([label, "", format_som(total), period, ""])
        add_table(
            self.doc,
            [lab["col_org"], lab["col_article"], lab["col_amount"], lab["col_period"], lab["col_source"]],
            rows,
            widths_cm=[5.5, 2.5, 3.0, 2.5, 3.5],
        )


def _title_block(w: _Writer, data: ProtocolData) -> None:
    kind = w.l["kinds"][data.meeting.kind]
    if kind["authority"]:
        w.styled(kind["authority"], "Subtitle").alignment = WD_ALIGN_PARAGRAPH.CENTER
    w.styled(kind["title"], "Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    w.doc.add_paragraph(data.meeting.title).alignment = WD_ALIGN_PARAGRAPH.CENTER
    place = data.meeting.place or ""
    when = format_date(data.meeting.date)
    line = (
        w.l.fmt("protocol_number", id=data.meeting.id)
        + "    "
        + (w.l.fmt("date_place", date=when, place=place) if place else when)
    )
    w.doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER


def _meeting_details(w: _Writer, data: ProtocolData) -> None:
    m, lab = data.meeting, w.l
    w.heading(lab["meeting_details"], 1)
    rows = [
        [lab["field_kind"], lab["kinds"][m.kind]["name"]],
        [lab["field_title"], m.title],
        [lab["field_date"], format_date(m.date)],
        [lab["field_place"], m.place or "—"],
        [lab["field_chair"], m.chair or "—"],
        [lab["field_secretary"], m.secretary or "—"],
    ]
    table = w.doc.add_table(rows=len(rows), cols=2)
    set_table_style(table, "TableGrid")
    for row, (label, value) in zip(table.rows, rows, strict=True):
        fill_cell(row.cells[0], label, bold_first=True)
        fill_cell(row.cells[1], value)
    set_widths(table, [5.0, 12.0])
    w.heading(lab["participants"], 1)
    if m.participants:
        add_table(
            w.doc,
            [lab["participant_name"], lab["participant_org"], lab["participant_role"]],
            [[p.name, p.organisation or "", p.role or ""] for p in m.participants],
        )
    else:
        w.para(lab["no_participants"])


def _agenda(w: _Writer, data: ProtocolData) -> None:
    lab = w.l
    w.heading(lab["agenda"], 1)
    for item in data.items:
        w.styled(_item_title(w, item), "List Number")
    w.heading(lab["summary"], 1)
    rows = []
    for item in data.items:
        found = item.disagreements
        still_open = sum(d.status == "open" for d in found)
        rows.append(
            [
                f"{item.ordinal}. {_item_title(w, item)}",
                str(len(item.articles)),
                str(len(item.positions)),
                f"{still_open} / {len(found)}",
                format_totals(item.cost_totals("lsg")),
                format_totals(item.cost_totals("government")),
            ]
        )
    open_total = sum(d.status == "open" for i in data.items for d in i.disagreements)
    all_total = sum(len(i.disagreements) for i in data.items)
    rows.append(
        [
            lab["total"],
            str(sum(len(i.articles) for i in data.items)),
            str(sum(len(i.positions) for i in data.items)),
            f"{open_total} / {all_total}",
            format_totals(data.cost_totals("lsg")),
            format_totals(data.cost_totals("government")),
        ]
    )
    add_table(
        w.doc,
        [
            lab["col_item"],
            lab["col_articles"],
            lab["col_positions"],
            lab["col_disagreements"],
            lab["col_cost_lsg"],
            lab["col_cost_government"],
        ],
        rows,
        widths_cm=[5.8, 1.5, 1.7, 2.4, 2.8, 2.8],
    )


def _item_title(w: _Writer, item: ItemEntry) -> str:
    return item.title or w.l["untitled"]


def _item(w: _Writer, item: ItemEntry) -> None:
    lab = w.l
    w.heading(lab.fmt("item_heading", n=item.ordinal, title=_item_title(w, item)), 1)
    w.heading(lab["identity"], 2)
    if item.deleted_at:
        w.para(lab.fmt("deleted_note", date=format_date(item.deleted_at)), bold=True)
    w.labelled(lab["field_act"], lab.act_type(item.act_type))
    w.labelled(lab["field_number"], item.number or "—")
    w.labelled(lab["field_act_date"], format_date(item.act_date))
    w.labelled(lab["field_document"], str(item.document_id))
    if item.version is None:
        w.para(lab["no_version_note"], italic=True)
    else:
        v = item.version
        name = lab["language_names"].get(v.language or "", v.language or "?")
        w.labelled(
            lab["field_version"],
            lab.fmt(
                "version_line", seq=v.seq, id=v.id, language=name, filename=v.filename, sha=v.sha256[:12]
            ),
        )
        if v.language != w.language:
            language = lab["languages"].get(v.language or "", v.language or "?")
            w.para(lab.fmt("other_language_note", language=language), italic=True)
    w.heading(lab["affected"], 2)
    if not item.articles:
        w.para(lab["no_affected"])
    for article in item.articles:
        w.article(item, article)
    if item.general_positions:
        w.heading(lab["general_positions"], 2)
        w.positions_table(item.general_positions, None, item)
        w.status_line(item.general_disagreement)
    w.costs(item)
    w.heading(lab["decisions"], 2)
    if item.decisions:
        w.decision_lines(item.decisions)
    else:
        w.para(lab["no_decision"])


def _annex(w: _Writer, data: ProtocolData) -> None:
    w.heading(w.l["annex"], 1)
    for item in data.items:
        w.heading(f"{item.ordinal}. {_item_title(w, item)}", 2)
        for article in item.articles:
            title = w.l.article(article.kind, article.number)
            w.para(f"{title}. {article.heading}" if article.heading else title, bold=True)
            for line in article.text.split("\n"):
                if line.strip():
                    w.para(line)


def _signatures(w: _Writer, data: ProtocolData) -> None:
    lab = w.l
    w.heading(lab["signatures"], 1)
    table = w.doc.add_table(rows=2, cols=3)
    for row, (label, name) in zip(
        table.rows,
        (
            (lab["sign_chair"], data.meeting.chair or ""),
            (lab["sign_secretary"], data.meeting.secretary or ""),
        ),
        strict=True,
    ):
        fill_cell(row.cells[0], label, bold_first=True)
        fill_cell(row.cells[1], "_______________________")
        fill_cell(row.cells[2], name)
    versions = ", ".join(
        f"#{v['document_id']} v{v['seq']} ({(v['sha256'] or '')[:12]})" for v in data.inputs["versions"]
    )
    positions = ", ".join(f"#{p['id']}/r{p['revision']}" for p in data.inputs["positions"]) or "—"
    decisions = ", ".join(f"#{d}" for d in data.inputs["decisions"]) or "—"
    paragraph = w.doc.add_paragraph()
    run = paragraph.add_run(
        f"{lab['sources']}. "
        + lab.fmt("sources_line", versions=versions, positions=positions, decisions=decisions)
    )
    run.italic = True
    run.font.size = Pt(9)


def build_protocol_docx(data: ProtocolData) -> bytes:
    """The dossier's bytes; the same data always gives the same bytes."""
    w = _Writer(data.language)
    _title_block(w, data)
    w.para(w.l["contents"], bold=True)
    toc = add_toc(w.doc)
    _meeting_details(w, data)
    _agenda(w, data)
    for item in data.items:
        _item(w, item)
    _annex(w, data)
    _signatures(w, data)
    fill_toc(toc, w.toc, levels="1-1")
    add_page_numbers(w.doc, w.l["page"])
    stamp = datetime.fromisoformat(data.meeting.date).replace(tzinfo=UTC)
    return deterministic_bytes(w.doc, stamp)
