"""Positions, meetings, disagreements, protocol dossiers and conclusions, read back from the DOCX."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from docx import Document as read_docx
from docx.document import Document as DocxDocument
from typer.testing import CliRunner

from cli.main import app
from core.db import Database
from core.errors import ArticleNotFound, DocumentDeleted, EmptyAgenda, InvalidInput
from core.settings import Settings
from dossiers.disagreements import differ
from dossiers.labels import format_date, format_som, labels
from dossiers.meetings import add_item, create_meeting, decide, meeting_view
from dossiers.pdf import uno_available
from dossiers.positions import PositionView, add_position, edit_position, list_positions, position_history
from dossiers.service import build_conclusion, build_dossier, document_disagreement_views
from ingest.service import Ingestor, delete_document
from workers.chain import ingest_and_process

DRAFT_KY = """Долбоор

КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ

Мектепке чейинки билим берүү уюмдарын каржылоо жөнүндө

1-берене. Мыйзамдын максаты
Бул Мыйзам мектепке чейинки билим берүү уюмдарын каржылоонун тартибин аныктайт.

2-берене. Каржылоо
1. Мектепке чейинки билим берүү уюмдарынын кызматкерлеринин эмгек акы фонду жергиликтүү бюджеттин эсебинен каржыланат.
2. Айыл өкмөтү имараттарды күтүүгө жылына 1 500 000 сом бөлөт.

3-берене. Мамлекеттик колдоо
Билим берүү министрлиги окуу-методикалык колдоо көрсөтөт.

4-берене. Күчүнө кирүү
Бул Мыйзам расмий жарыяланган күндөн тартып күчүнө кирет.
"""

# The second version drops article 3 (a position was written on it in the first).
DRAFT_KY_V2 = DRAFT_KY.replace(
    "3-берене. Мамлекеттик колдоо\nБилим берүү министрлиги окуу-методикалык колдоо көрсөтөт.\n\n", ""
).replace("4-берене. Күчүнө кирүү", "3-берене. Күчүнө кирүү")

DRAFT_RU = """ПРОЕКТ

ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ

О внесении изменений в Закон Кыргызской Республики «О местном самоуправлении»

Статья 1.
Органы местного самоуправления осуществляют содержание зданий дошкольных образовательных организаций за счёт средств местного бюджета.

Статья 2.
Настоящий Закон вступает в силу со дня официального опубликования.
"""


def ingest_text(
    settings: Settings, tmp_path: Path, name: str, text: str, document_id: int | None = None
) -> int:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    outcome = ingest_and_process(Ingestor(settings), path, document_id=document_id)
    assert outcome.document_id is not None and outcome.status != "failed", outcome
    return outcome.document_id


@pytest.fixture
def db(settings: Settings) -> Database:
    return Database(settings)


@pytest.fixture
def drafts(settings: Settings, tmp_path: Path) -> tuple[int, int]:
    return ingest_text(settings, tmp_path, "draft_ky.txt", DRAFT_KY), ingest_text(
        settings, tmp_path, "draft_ru.txt", DRAFT_RU
    )


def all_text(doc: DocxDocument) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def headings(doc: DocxDocument, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style is not None and p.style.name == f"Heading {level}"]


def meeting_with_positions(db: Database, ky: int, ru: int) -> tuple[int, list[PositionView]]:
    positions = [
        add_position(
            db,
            ky,
            article="2",
            org="lsg-union",
            stance="objects",
            text="Эмгек акы фонду компенсациясыз жергиликтүү бюджетке жүктөлөт.",
            cost="12 500 000,50",
            cost_period="жылына",
            cost_source="ЖӨБ Союзунун эсеби",
            basis="Бюджеттик кодекстин 49-беренесинин 3-бөлүгү",
            author="Аналитик А.",
        ),
        add_position(
            db,
            ky,
            article="2-берене",
            org="minfin",
            stance="supports",
            text="Чыгымдар теңдештирүүчү гранттан каржыланат.",
            cost="2000000",
        ),
        add_position(
            db,
            ky,
            article="3",
            org="ЖӨБ Союзу",
            stance="amends",
            text="Тактоо керек.",
            wording="Жаңы редакция",
        ),
        add_position(db, ky, org="Кабинет Министров", stance="supports", text="Долбоор колдоого алынат."),
        add_position(
            db,
            ru,
            article="1",
            org="Союз МСУ",
            stance="objects",
            text="Нет источника.",
            cost="700000",
            cost_period="Жылына",
        ),
        add_position(
            db, ru, article="1", org="Министерство финансов", stance="objects", text="Согласны снять."
        ),
    ]
    meeting = create_meeting(
        db,
        kind="budget-committee",
        date_="2026-11-30",
        title="2027-жылдын бюджети боюнча макулдашуу",
        place="Бишкек ш.",
        chair="Т. Төрагаев",
        secretary="К. Катчиева",
        participants=[("А. Асанов", "ЖӨБ Союзу", "эксперт"), ("Б. Бекова", "Финансы министрлиги", None)],
    )
    add_item(db, meeting.id, ky)
    add_item(db, meeting.id, ru)
    decide(db, meeting.id, ky, article="2", status="committee", text="ЖК Бюджет комитетине жөнөтүлсүн.")
    decide(db, meeting.id, ky, status="resolved", text="Долбоор экинчи окууга сунушталсын.")
    return meeting.id, positions


# --- records --------------------------------------------------------------------------------------


def test_positions_keep_every_revision(db: Database, drafts: tuple[int, int]) -> None:
    ky, _ = drafts
    first = add_position(
        db, ky, article="2", org="lsg-union", stance="objects", text="Биринчи", cost="1 250 000,50"
    )
    assert (
        first.side == "lsg"
        and first.article == "2"
        and first.unit_id == "art_2"
        and first.cost_som == 1250000.5
    )
    edit_position(db, first.id, text="Экинчи", author="B")
    third = edit_position(db, first.id, stance="amends", wording="Жаңы сөз", cost="900000", author="C")
    assert third.revision == 3 and third.stance == "amends" and third.cost_som == 900000
    history = position_history(db, first.id)
    assert [h["text"] for h in history] == ["Биринчи", "Экинчи", "Экинчи"]
    assert [h["author"] for h in history] == [None, "B", "C"] and history[0]["cost_som"] == 1250000.5
    assert [p.id for p in list_positions(db, ky)] == [first.id]


def test_position_inputs_are_checked(db: Database, drafts: tuple[int, int]) -> None:
    ky, _ = drafts
    with pytest.raises(InvalidInput):
        add_position(db, ky, org="minfin", stance="likes", text="x")
    with pytest.raises(InvalidInput, match="wording"):
        add_position(db, ky, org="minfin", stance="amends", text="x")
    with pytest.raises(InvalidInput, match="som"):
        add_position(db, ky, org="minfin", stance="objects", text="x", cost="many")
    for absurd in ("1e309", "-5", "NaN", "99999999999999999999"):
        with pytest.raises(InvalidInput):
            add_position(db, ky, org="minfin", stance="objects", text="x", cost=absurd)
    with pytest.raises(InvalidInput, match="characters"):
        add_position(db, ky, org="minfin", stance="objects", text="ж" * 20_001)
    assert list_positions(db, ky) == []  # nothing half-recorded
    with pytest.raises(ArticleNotFound, match=r"no article 9 \(its articles: 1, 2, 3, 4\)"):
        add_position(db, ky, article="9", org="minfin", stance="objects", text="x")
    delete_document(db, ky)
    with pytest.raises(DocumentDeleted):
        add_position(db, ky, org="minfin", stance="objects", text="x")


def test_sides_and_disagreement_rules(db: Database, drafts: tuple[int, int]) -> None:
    ky, _ = drafts
    lsg = add_position(
        db, ky, article="2", org="Ош шаардык кеңеши", stance="amends", text="a", wording="Жаңы  сөз."
    )
    gov = add_position(
        db, ky, article="2", org="Билим берүү министрлиги", stance="amends", text="b", wording="жаңы сөз"
    )
    assert (lsg.side, gov.side) == ("lsg", "government")
    assert not differ([lsg, gov])  # the same wording, written differently, is agreement
    other = gov.model_copy(update={"wording": "башка сөз"})
    assert differ([lsg, other])
    assert not differ([lsg])  # one side alone is not a disagreement
    assert document_disagreement_views(db, ky) == []


def test_uncosted_counter_opinion_is_pointed_out(db: Database, drafts: tuple[int, int]) -> None:
    ky, _ = drafts
    add_position(db, ky, article="2", org="lsg-union", stance="objects", text="Каржы булагы жок.")
    add_position(db, ky, article="2", org="minfin", stance="supports", text="Каржы булагы бар.")
    meeting = create_meeting(db, kind="government", date_="2026-12-01", title="Жыйын")
    add_item(db, meeting.id, ky)
    _, content = build_dossier(db, meeting.id, "ky")
    lab = labels("ky")
    missing = lab.fmt("missing", what=f"{lab['missing_parts']['cost']}, {lab['missing_parts']['basis']}")
    text = all_text(read_docx(io.BytesIO(content)))
    assert text.count(missing) == 1  # the objection only, not the supporting position


def test_disagreement_status_follows_decisions(db: Database, drafts: tuple[int, int]) -> None:
    ky, ru = drafts
    meeting_id, _ = meeting_with_positions(db, ky, ru)
    (on_2,) = document_disagreement_views(db, ky)
    assert on_2["article"] == "2" and on_2["status"] == "committee"
    decide(db, meeting_id, ky, article="2", status="resolved", text="Макулдашылган редакция: грант аркылуу.")
    (on_2,) = document_disagreement_views(db, ky)
    assert on_2["status"] == "resolved" and on_2["agreed_wording"].startswith("Макулдашылган")
    assert document_disagreement_views(db, ru) == []  # both sides object: no difference between them
    with pytest.raises(InvalidInput, match="not on the agenda"):
        other = create_meeting(db, kind="government", date_="2026-12-01", title="Башка")
        decide(db, other.id, ky, status="resolved", text="x")
    with pytest.raises(InvalidInput):
        create_meeting(db, kind="government", date_="30.11.2026", title="x")


# --- the protocol dossier ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_protocol_dossier_reads_back(db: Database, drafts: tuple[int, int], language: str) -> None:
    ky, ru = drafts
    meeting_id, positions = meeting_with_positions(db, ky, ru)
    built, content = build_dossier(db, meeting_id, language)
    doc = read_docx(io.BytesIO(content))
    lab = labels(language)
    text = all_text(doc)

    title = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Title"]
    assert title == [lab["kinds"]["budget-committee"]["title"]]
    level1 = headings(doc, 1)
    assert level1[:4] == [lab["meeting_details"], lab["participants"], lab["agenda"], lab["summary"]]
    assert level1[-2:] == [lab["annex"], lab["signatures"]]
    assert (
        lab.fmt("item_heading", n=1, title="Мектепке чейинки билим берүү уюмдарын каржылоо жөнүндө") in level1
    )
    level3 = headings(doc, 3)
    # The flagged article 2 and article 3, which is not flagged but carries a position; not 1 or 4.
    assert lab.article("article", "2") + ". Каржылоо" in level3
    assert lab.article("article", "3") + ". Мамлекеттик колдоо" in level3
    assert not any(h.startswith(lab.article("article", "4")) for h in level3)
    agenda = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "List Number"]
    assert len(agenda) == 2

    for p in positions:
        assert f"[#{p.id}," in text and p.text in text
    for d in meeting_view(db, meeting_id).decisions:
        assert d.text in text
    assert "А. Асанов" in text and "Бишкек ш." in text and "30.11.2026" in text
    assert lab["statuses"]["committee"] in text
    # The LSG objection on article 2 is costed and evidenced; nothing is reported missing for it.
    assert lab.fmt("missing", what="")[:30] not in text
    assert "1 500 000" in text  # the amount the NLP found in article 2
    quotes = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Quote"]
    assert quotes[0].startswith("1. Мектепке чейинки")  # the heading line is not repeated in the quote
    assert "«Жаңы редакция»" in text

    # Totals: per item and overall, per side, exact to the tyiyn.
    (summary,) = [t for t in doc.tables if t.rows[0].cells[0].text == lab["col_item"]]
    total_row = [c.text for c in summary.rows[-1].cells]
    assert total_row[0] == lab["total"]
    assert (
        total_row[4] == format_som(1250000050 + 70000000) + " (жылына)" == "13\u00a0200\u00a0000,50 (жылына)"
    )
    assert total_row[5] == format_som(200000000)
    assert total_row[2] == str(len(positions))
    item_total = lab.fmt("total_side", side=lab["sides"]["lsg"])
    assert any(
        row.cells[0].text == item_total and row.cells[2].text == "12\u00a0500\u00a0000,50"
        for t in doc.tables
        for row in t.rows
    )

    # Side by side: the LSG and Government columns of article 2's positions table.
    side_tables = [t for t in doc.tables if t.rows[0].cells[0].text == lab["sides"]["lsg"]]
    first = side_tables[0]
    assert first.rows[0].cells[1].text == lab["sides"]["government"]
    assert (
        positions[0].text in first.rows[1].cells[0].text and positions[1].text in first.rows[1].cells[1].text
    )

    xml = doc.element.xml
    assert "TOC \\o" in xml  # the table of contents field
    footer_xml = doc.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert built.inputs["positions"] == [{"id": p.id, "revision": 1} for p in positions]
    assert [v["document_id"] for v in built.inputs["versions"]] == [ky, ru]


def test_dossier_is_reproducible_and_records_its_inputs(db: Database, drafts: tuple[int, int]) -> None:
    ky, ru = drafts
    meeting_id, positions = meeting_with_positions(db, ky, ru)
    first, content = build_dossier(db, meeting_id, "ky")
    again, content_again = build_dossier(db, meeting_id, "ky")
    assert content == content_again and first.sha256 == again.sha256 == hashlib.sha256(content).hexdigest()
    assert first.id != again.id  # each build is recorded
    edit_position(db, positions[0].id, text="Жаңыланган негиздеме.")
    changed, content_changed = build_dossier(db, meeting_id, "ky")
    assert changed.sha256 != first.sha256
    assert {"id": positions[0].id, "revision": 2} in changed.inputs["positions"]
    assert "Жаңыланган негиздеме." in all_text(read_docx(io.BytesIO(content_changed)))


def test_changes_since_a_position_was_written_are_shown(
    db: Database, settings: Settings, tmp_path: Path, drafts: tuple[int, int]
) -> None:
    ky, _ = drafts
    add_position(db, ky, article="2", org="lsg-union", stance="objects", text="Сумма жетишсиз.")
    v2 = DRAFT_KY.replace("жылына 1 500 000 сом", "жылына 900 000 сом")
    ingest_text(settings, tmp_path, "draft_ky_v2.txt", v2, document_id=ky)
    meeting = create_meeting(db, kind="government", date_="2026-12-02", title="Өкмөттүн жыйыны")
    add_item(db, meeting.id, ky)
    _, content = build_dossier(db, meeting.id, "ky")
    doc = read_docx(io.BytesIO(content))
    label = labels("ky").fmt("changed_since", seq=1)
    (paragraph,) = [p for p in doc.paragraphs if p.text.startswith(label)]
    struck = " ".join(r.text for r in paragraph.runs if r.font.strike)
    added = " ".join(r.text for r in paragraph.runs if r.font.underline)
    assert "1 500" in struck and "900" in added and "000" not in struck
    # An article the position was not written on shows no changes.
    assert sum(p.text.startswith(label) for p in doc.paragraphs) == 1


def test_costs_are_summed_per_period() -> None:
    from dossiers.assemble import sum_by_period

    def costed(som: float, period: str | None) -> PositionView:
        return PositionView.model_construct(cost_som=som, cost_period=period)

    totals = sum_by_period(
        [costed(100.5, "жылына"), costed(200, "Жылына "), costed(50, "бир жолку"), costed(7, None)]
    )
    assert totals == {"жылына": 30050, "бир жолку": 5000, "": 700}


def test_article_body_drops_only_its_heading_line() -> None:
    from dossiers.assemble import body_of

    assert body_of("2-берене. Каржылоо\n1. Эмгек акы…", "2", "Каржылоо") == "1. Эмгек акы…"
    assert body_of("Статья 1.\nВнести в Закон…", "1", "") == "Внести в Закон…"
    assert (
        body_of("1. Ош шаардык Кеңешинин бюджети бекитилсин.", "1", "")
        == "1. Ош шаардык Кеңешинин бюджети бекитилсин."
    )
    long_first = (
        "3. Айыл өкмөтү жергиликтүү бюджеттин эсебинен мектептерди күтөт жана оңдойт, ошондой эле\nалардын…"
    )
    assert body_of(long_first, "3", "") == long_first  # a point whose first line is its text keeps it
    short_point = "1. Бюджет бекитилсин:\n- кирешелер;"
    assert body_of(short_point, "1", "") == short_point


def test_meeting_without_agenda_is_refused(db: Database) -> None:
    meeting = create_meeting(db, kind="other", date_="2026-11-30", title="Бош")
    with pytest.raises(EmptyAgenda, match="add-item"):
        build_dossier(db, meeting.id, "ru")


def test_deleted_draft_stays_in_the_dossier(db: Database, drafts: tuple[int, int]) -> None:
    ky, ru = drafts
    meeting_id, positions = meeting_with_positions(db, ky, ru)
    delete_document(db, ru)
    assert meeting_view(db, meeting_id).items[1].deleted
    built, content = build_dossier(db, meeting_id, "ru")
    text = all_text(read_docx(io.BytesIO(content)))
    today = format_date(datetime.now(UTC).date().isoformat())
    assert labels("ru").fmt("deleted_note", date=today) in text
    assert positions[4].text in text and positions[5].text in text
    assert built.inputs["versions"][1]["deleted"] is True
    with pytest.raises(DocumentDeleted):
        add_item(db, meeting_id, ru)


def test_positions_follow_their_article_into_a_new_version(
    db: Database, settings: Settings, tmp_path: Path, drafts: tuple[int, int]
) -> None:
    ky, _ = drafts
    on_3 = add_position(
        db, ky, article="3", org="lsg-union", stance="objects", text="Министрликтин ролу бүдөмүк."
    )
    on_4 = add_position(
        db, ky, article="4", org="minfin", stance="supports", text="Күчүнө кирүү мөөнөтү туура."
    )
    assert ingest_text(settings, tmp_path, "draft_ky_v2.txt", DRAFT_KY_V2, document_id=ky) == ky
    with pytest.raises(ArticleNotFound):  # a new position goes on the current version only
        add_position(db, ky, article="4", org="lsg-union", stance="objects", text="x")
    meeting = create_meeting(db, kind="government", date_="2026-12-02", title="Өкмөттүн жыйыны")
    add_item(db, meeting.id, ky)
    _, content = build_dossier(db, meeting.id, "ky")
    doc = read_docx(io.BytesIO(content))
    lab = labels("ky")
    text = all_text(doc)
    level3 = headings(doc, 3)
    # Article 3 is gone from version 2: its position is shown with the text it was written on.
    assert lab.fmt("not_in_current", current=2, seq=1) in text
    assert on_3.text in text and lab.article("article", "3") + ". Мамлекеттик колдоо" in level3
    # Article 4 became article 3 of version 2: its position follows it and says where it was written.
    assert lab.article("article", "3") + ". Күчүнө кирүү" in level3
    assert on_4.text in text and lab.fmt("written_on", seq=1, article=lab.article("article", "4")) in text
    assert not any(h.startswith(lab.article("article", "4")) for h in level3)


# --- the conclusion ---------------------------------------------------------------------------------


def test_conclusion_follows_the_unions_positions(db: Database, drafts: tuple[int, int]) -> None:
    ky, ru = drafts
    meeting_with_positions(db, ky, ru)
    built, content = build_conclusion(db, ky, "ky")
    assert built.inputs["verdict"] == "negative"
    doc = read_docx(io.BytesIO(content))
    text = all_text(doc)
    c = labels("ky")["conclusion"]
    assert c["title"] in text and "Бюджеттик кодекстин 49-беренесинин 3-бөлүгү" in text
    assert "Эмгек акы фонду компенсациясыз" in text and "«Жаңы редакция»" in text
    verdict = headings(doc, 1)
    assert verdict[-1] == c["verdict"]
    assert "2-берене" in c["negative"].format(articles="2-берене") and "2-берене" in text
    assert "12\u00a0500\u00a0000,50" in text
    positive, content = build_conclusion(db, ky, "ru", verdict="positive")
    assert positive.inputs["verdict"] == "positive_with_amendments"
    assert labels("ru")["conclusion"]["positive_with_amendments"] in all_text(read_docx(io.BytesIO(content)))


# --- interfaces -------------------------------------------------------------------------------------


def test_cli_contract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.settings import get_settings

    monkeypatch.setenv("KENESH_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    try:
        ky = ingest_text(get_settings(), tmp_path, "draft_ky.txt", DRAFT_KY)
        runner = CliRunner()

        def run(*args: str) -> dict:
            result = runner.invoke(app, [*args, "--json"])
            assert result.exit_code == 0, result.output
            return json.loads(result.stdout)

        pos = run(
            "position",
            "add",
            str(ky),
            "--article",
            "2",
            "--org",
            "lsg-union",
            "--stance",
            "objects",
            "--text",
            "Компенсация жок.",
            "--cost",
            "1000000",
            "--basis",
            "БК 49(3)",
        )
        assert isinstance(pos["id"], int) and pos["cost_som"] == 1000000 and pos["side"] == "lsg"
        meeting = run(
            "meeting",
            "create",
            "--kind",
            "budget-committee",
            "--date",
            "2026-11-30",
            "--title",
            "Жыйын",
            "--place",
            "Бишкек",
            "--chair",
            "Т.",
            "--secretary",
            "К.",
            "--participant",
            "А. Асанов|ЖӨБ Союзу",
        )
        assert isinstance(meeting["id"], int) and meeting["participants"][0]["organisation"] == "ЖӨБ Союзу"
        item = run("meeting", "add-item", str(meeting["id"]), str(ky))
        assert isinstance(item["id"], int) and item["ordinal"] == 1
        decision = run(
            "meeting",
            "decide",
            str(meeting["id"]),
            str(ky),
            "--article",
            "2",
            "--status",
            "chamber",
            "--text",
            "Палатага жөнөтүлсүн.",
        )
        assert isinstance(decision["id"], int) and decision["status"] == "chamber"
        out = tmp_path / "out" / "protocol.docx"
        built = run("dossier", "build", str(meeting["id"]), "--lang", "ky", "-o", str(out))
        assert (
            isinstance(built["id"], int) and hashlib.sha256(out.read_bytes()).hexdigest() == built["sha256"]
        )
        assert "Палатага жөнөтүлсүн." in all_text(read_docx(str(out)))
        conclusion = tmp_path / "out" / "conclusion.docx"
        built = run("conclusion", "build", str(ky), "--lang", "ru", "-o", str(conclusion))
        assert built["inputs"]["verdict"] == "negative" and conclusion.stat().st_size > 0
        assert run("disagreements", str(ky)) == []
        bad = runner.invoke(
            app,
            [
                "position",
                "add",
                str(ky),
                "--article",
                "77",
                "--org",
                "x",
                "--stance",
                "objects",
                "--text",
                "x",
                "--json",
            ],
        )
        assert bad.exit_code == 2 and json.loads(bad.stdout)["error"]["code"] == "article_not_found"
        empty = run("meeting", "create", "--kind", "other", "--date", "2026-11-30", "--title", "Бош")
        assert {m["id"] for m in run("meeting", "list")} == {meeting["id"], empty["id"]}
        failed = runner.invoke(
            app, ["dossier", "build", str(empty["id"]), "-o", str(tmp_path / "x.docx"), "--json"]
        )
        assert failed.exit_code == 2 and json.loads(failed.stdout)["error"]["code"] == "empty_agenda"
        assert not (tmp_path / "x.docx").exists()
    finally:
        get_settings.cache_clear()


def test_api_contract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from api.app import app as api
    from core.settings import get_settings

    monkeypatch.setenv("KENESH_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    try:
        ky = ingest_text(get_settings(), tmp_path, "draft_ky.txt", DRAFT_KY)
        client = TestClient(api)
        pos = client.post(
            f"/documents/{ky}/positions",
            json={"org": "minfin", "stance": "supports", "text": "Колдойт", "article": "2", "cost": 5000},
        )
        assert pos.status_code == 201 and pos.json()["side"] == "government"
        edited = client.patch(f"/positions/{pos.json()['id']}", json={"text": "Жаңы", "author": "MF"})
        assert edited.json()["revision"] == 2
        assert len(client.get(f"/positions/{pos.json()['id']}/history").json()) == 2
        meeting = client.post(
            "/meetings", json={"kind": "government", "date": "2026-11-30", "title": "Жыйын"}
        ).json()
        assert [m["id"] for m in client.get("/meetings").json()] == [meeting["id"]]
        assert client.post(f"/meetings/{meeting['id']}/participants", json={"name": "А."}).status_code == 201
        empty = client.get(f"/meetings/{meeting['id']}/dossier")
        assert empty.status_code == 422 and empty.json()["detail"]["code"] == "empty_agenda"
        assert client.post(f"/meetings/{meeting['id']}/items", json={"document_id": ky}).status_code == 201
        decision = client.post(
            f"/meetings/{meeting['id']}/decisions",
            json={"document_id": ky, "status": "resolved", "text": "Кабыл алынсын."},
        )
        assert decision.status_code == 201
        dossier = client.get(f"/meetings/{meeting['id']}/dossier", params={"lang": "ru"})
        assert dossier.status_code == 200 and dossier.headers["content-type"].startswith(
            "application/vnd.openxmlformats-officedocument.wordprocessingml"
        )
        assert "Кабыл алынсын." in all_text(read_docx(io.BytesIO(dossier.content)))
        conclusion = client.get(f"/documents/{ky}/conclusion", params={"lang": "ky"})
        assert conclusion.status_code == 200 and len(conclusion.content) > 1000
        missing = client.post("/documents/999/positions", json={"org": "x", "stance": "objects", "text": "x"})
        assert missing.status_code == 404 and missing.json()["detail"]["code"] == "not_found"
        assert client.delete(f"/documents/{ky}").status_code == 200
        gone = client.post(f"/documents/{ky}/positions", json={"org": "x", "stance": "objects", "text": "x"})
        assert gone.status_code == 410
    finally:
        get_settings.cache_clear()


# --- PDF ------------------------------------------------------------------------------------------


def test_pdf_renders_with_text_on_its_pages(db: Database, drafts: tuple[int, int], tmp_path: Path) -> None:
    assert shutil.which("pdftoppm") and shutil.which("pdftotext"), "poppler-utils: run scripts/install.sh"
    ky, ru = drafts
    meeting_id, _ = meeting_with_positions(db, ky, ru)
    built, pdf = build_dossier(db, meeting_id, "ky", "pdf")
    assert pdf.startswith(b"%PDF") and built.format == "pdf"
    path = tmp_path / "protocol.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 3 and all(p.stat().st_size > 2000 for p in pages)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", " ", text)
    assert "макулдашуу жыйынынын" in flat
    for word in ("теңдештирүүчү", "компенсациясыз", "Бюджеттик", "Төрагаев"):  # table cells wrap lines
        assert word in flat
    assert re.search(r"Бет 1 / \d+", flat)
    # The contents were updated by LibreOffice (UNO) before export: entries carry page numbers.
    assert uno_available(), "python3-uno is missing: run scripts/install.sh"
    assert re.search(r"Катышуучулар\s*\.{5,}\s*1\b", text)
    assert re.search(r"1-маселе\..*?\.{5,}\s*\d+", flat)


def test_builds_are_kept_and_served_again(
    db: Database, drafts: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from api.app import app as api
    from core.settings import get_settings

    ky, ru = drafts
    meeting_id, _ = meeting_with_positions(db, ky, ru)
    monkeypatch.setenv("KENESH_DATA_DIR", str(db.settings.data_dir))
    get_settings.cache_clear()
    try:
        client = TestClient(api)
        queued = client.post(f"/meetings/{meeting_id}/dossier/jobs", params={"lang": "ru", "format": "docx"})
        assert queued.status_code == 202 and queued.json()["job_id"]
        (build,) = client.get(f"/meetings/{meeting_id}/builds").json()
        assert build["format"] == "docx" and build["language"] == "ru"
        served = client.get(f"/builds/{build['id']}")
        assert hashlib.sha256(served.content).hexdigest() == build["sha256"]
        assert client.post("/meetings/999/dossier/jobs").status_code == 404
        assert client.get("/builds/999").status_code == 404
    finally:
        get_settings.cache_clear()


def test_deleted_draft_leaves_search_but_keeps_its_records(
    db: Database, settings: Settings, drafts: tuple[int, int]
) -> None:
    from ingest.service import document_view
    from search.models import SearchRequest
    from search.service import get_backend, index_document, search

    ky, _ = drafts
    backend = get_backend(settings, db)
    found = search(backend, SearchRequest(query="мектепке"))
    assert ky in {hit.document_id for hit in found.hits}
    position = add_position(db, ky, article="2", org="lsg-union", stance="objects", text="Жок.")
    delete_document(db, ky)
    index_document(db, backend, ky)
    assert ky not in {hit.document_id for hit in search(backend, SearchRequest(query="мектепке")).hits}
    view = document_view(db, ky)
    assert view["deleted_at"] and view["versions"]
    assert [p.id for p in list_positions(db, ky)] == [position.id]


def test_an_annex_is_named_as_an_annex_not_as_an_article() -> None:
    assert labels("ky").article("annex", "1") == "1-тиркеме"
    assert labels("ru").article("annex", "2") == "Приложение 2"
    assert labels("ru").article("point", "2") == "Пункт 2"


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_currency_and_recurrence_the_nlp_reads_has_a_name_in_the_protocol(language: str) -> None:
    spec = yaml.safe_load(
        (Path(__file__).parent.parent / "nlp" / "data" / "amounts.yaml").read_text(encoding="utf-8")
    )
    lab = labels(language)
    assert {u["currency"] for u in spec["units"].values()} <= lab["currencies"].keys()
    assert set(spec["periods"]) <= lab["periods"].keys()
