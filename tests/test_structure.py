"""The structure parser on fixtures written in the shapes of real acts (tests/fixtures/acts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cli.main import app
from ingest.repair import repair_text
from nlp.structure import ArticleView, align_languages, diff_articles, parse_act, parse_structure
from nlp.structure.evaluation import heading_title
from nlp.tagger_service import is_local_act

FIXTURES = Path(__file__).parent / "fixtures" / "acts"


def act(name: str):
    return parse_act(repair_text((FIXTURES / name).read_text(encoding="utf-8")).text)


def ids(parsed) -> list[str]:
    return [u.id for u in parsed.root.walk() if u.kind != "preamble"]


def test_kyrgyz_law_with_chapters_parts_items_and_subitems() -> None:
    parsed = act("ky_law_chapters.txt")
    assert parsed.language == "ky"
    assert (
        parsed.header.type == "law" and parsed.header.number == "123" and parsed.header.date == "2021-10-20"
    )
    assert parsed.header.title == "Жергиликтүү өз алдынча башкаруу жөнүндө" and not parsed.header.draft
    assert [(a.id, a.heading) for a in parsed.articles] == [
        ("art_1", "Ушул Мыйзам менен жөнгө салынуучу мамилелер"),
        ("art_2", "Негизги түшүнүктөр жана терминдер"),  # a heading on two lines
        ("art_12", "Жергиликтүү маанидеги маселелер"),
        ("art_12-1", "Ыйгарым укуктарды өткөрүп берүү"),
        ("art_13", "Кеңештин сессиялары"),
    ]
    assert "art_2__part_1__item_10-1" in ids(parsed)
    assert "art_12__part_1__item_1__subitem_б" in ids(parsed)
    assert [u.id for u in parsed.root.children] == ["chapter_1", "chapter_2", "chapter_3"]
    repealed = parsed.root.children[2]
    assert "күчүн жоготту" in repealed.heading and [u.id for u in repealed.children] == ["art_13"]
    art12 = parsed.articles[2].to_json()
    assert [p["id"] for p in art12["parts"]] == ["art_12__part_1", "art_12__part_2"]
    assert [i["number"] for i in art12["parts"][0]["items"]] == ["1", "2"]


def test_kyrgyz_citations_resolve() -> None:
    parsed = act("ky_law_chapters.txt")
    found = {(c.text, c.article, c.part, c.item): c for c in parsed.citations}
    this_article = found[("Ушул берененин 1-бөлүгүндө", "2", "1", None)]
    assert this_article.target == "art_2__part_1" and this_article.resolved
    constitution = found[("114-беренесинин 2-бөлүгүнө", "114", "2", None)]
    assert constitution.act is not None and constitution.act["type"] == "constitution"
    listed = [c for c in parsed.citations if c.text.startswith("12-беренесинин")]
    assert [(c.item, c.target, c.resolved) for c in listed] == [
        ("1", "art_12__part_1__item_1", True),
        ("2", "art_12__part_1__item_2", True),
    ]
    one_suffix = [c.article for c in parsed.citations if "113-чү" in c.text]
    assert one_suffix == ["111", "112", "113"]


def test_russian_code_headings_superscripts_and_citations() -> None:
    parsed = act("ru_code_articles.txt")
    assert parsed.language == "ru" and parsed.header.type == "code" and parsed.header.number == "8"
    assert [(a.number, a.heading) for a in parsed.articles] == [
        ("1", "Цель и задачи"),
        ("2", "Основные термины"),  # «Статья 2.» alone, heading on the next line
        ("16", "Компетенция органов местной государственной администрации"),
        ("16-1", "Компетенция органов местного самоуправления"),  # «Статья 161» lost its superscript
        ("17", "Финансирование"),
        ("17-1", "Субвенции"),
    ]
    found = {(c.text, c.article, c.part, c.item): c for c in parsed.citations}
    assert found[("пункте 2 части 1 настоящей статьи", "16-1", "1", "2")].target == "art_16-1__part_1__item_2"
    budget_code = found[("частью 3 статьи 49", "49", "3", None)]
    assert budget_code.act is not None and budget_code.act["title"] == "Бюджетного кодекса"
    assert [c.target for c in parsed.citations if c.text == "статьями 1 и 2"] == ["art_1", "art_2"]


def test_chapters_numbered_in_words_or_roman_numbers_close_the_article_before() -> None:
    # the Land Code numbers its chapters in words, the Constitution «I ГЛАВА.» without a hyphen: read as
    # text, the chapter's heading (naming LSG bodies) was glued to the article before it
    ru = (
        "Статья 12. Установление целевого назначения земель\n"
        "Установление целевого использования земель производится уполномоченным органом.\n\n"
        "Глава вторая\n"
        "Компетенция Жогорку Кенеша, государственных органов и органов местного самоуправления\n\n"
        "Статья 13. Компетенция Правительства\nПравительство утверждает порядок.\n\n"
        "Глава двадцать первая\nЗемли запаса\n\n"
        "Статья 14. Земли запаса\nЗемли запаса учитываются.\n\n"
        "Глава четырнадцатая-1 Сервитуты\n\n"
        "Статья 15. Сервитут\nСервитут устанавливается договором.\n"
    )
    parsed = parse_act(ru, "ru")
    assert [a.number for a in parsed.articles] == ["12", "13", "14", "15"]
    assert "самоуправления" not in parsed.articles[0].text
    chapters = [u for u in parsed.root.walk() if u.kind == "chapter"]
    assert [c.number for c in chapters] == ["2", "21", "14-1"]
    assert parsed.enclosing_headings()["art_13"].endswith("органов местного самоуправления")
    ky = (
        "I ГЛАВА. Жалпы жоболор\n1-берене. Максат\nМаксат.\nII ГЛАВА.\nАдам укуктары\n2-берене. Укук\nУкук.\n"
    )
    assert [a.text.strip().splitlines()[-1] for a in parse_act(ky, "ky").articles] == ["Максат.", "Укук."]
    # the Osh council's rules: «ХIII. Бап» typed with a Cyrillic «Х», «Х1. Бап» with a digit for «I»
    osh = "12.1. Кеңеш бюджетти карайт.\nХIII. Бап\nКөзөмөл\n13.1. Кеңеш көзөмөлдөйт.\nХ1. Бап\nАкыркы\n14.1. Күчүнө кирет.\n"
    parsed = parse_act(osh, "ky")
    assert [c.number for c in parsed.root.walk() if c.kind == "chapter"] == ["XIII", "XI"]
    assert parsed.articles[0].text.strip() == "12.1. Кеңеш бюджетти карайт."


def test_amending_drafts_become_records() -> None:
    ky = act("ky_amending_draft.txt")
    assert ky.header.draft and ky.header.amends == [{"title": "Жергиликтүү өз алдынча башкаруу жөнүндө"}]
    assert ky.header.number is None  # № 123 belongs to the amended act, not to the draft
    assert [(a.operation, a.target_unit) for a in ky.amendments] == [
        ("replace", "art_5__part_2"),
        ("insert", "art_18"),
        ("delete", "art_20__part_4"),
    ]
    assert ky.amendments[0].new_text == "2. Жергиликтүү кеңеш жергиликтүү бюджетти бекитет."
    assert ky.amendments[0].target_act is not None and ky.amendments[0].target_act["number"] == "123"
    assert ky.amendments[0].target_act["date"] == "2021-10-20"
    ru = act("ru_amending_decree.txt")
    assert ru.header.type == "resolution" and ru.header.amends == [{"title": "О местных налогах"}]
    assert [(a.operation, a.target_unit) for a in ru.amendments] == [
        ("replace", "point_3"),
        ("repeal", "point_5"),
    ]
    assert ru.amendments[0].new_text == "3. Ставки налога устанавливаются местными кенешами."


def test_instructions_under_an_article_line_and_words_replaced_find_their_target() -> None:
    ru = parse_act(
        "ПРОЕКТ\n\nЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ\n\nО внесении изменений в некоторые законодательные акты\n\n"
        "Статья 1.\nВнести в Закон Кыргызской Республики «О местном самоуправлении» следующие изменения:\n"
        "1) в статье 18:\nпункт 5 части 1 изложить в следующей редакции:\n«5) содержание дорог местного значения;»;\n"
        "2) статью 37 дополнить частью 3 следующего содержания:\n«3. Доходы зачисляются в местный бюджет.».\n\n"
        "Статья 2.\nВнести в Закон Кыргызской Республики «О пастбищах» следующее изменение:\n"
        "в статье 6 слова «пастбищный комитет» заменить словами «айыл окмоту».\n",
        "ru",
    )
    assert [(a.operation, a.target_unit, a.target_text) for a in ru.amendments] == [
        ("replace", "art_18__part_1__item_5", "в статье 18: пункт 5 части 1"),
        ("insert", "art_37", "статью 37"),
        ("replace", "art_6", "статье 6"),
    ]
    assert ru.amendments[2].new_text == "айыл окмоту"
    repeal = parse_act(
        "ПРОЕКТ\n\nО внесении изменений в Закон «О местном самоуправлении»\n\nСтатья 1.\nВнести в Закон "
        "Кыргызской Республики «О местном самоуправлении» следующие изменения:\n"
        "1) часть 2 статьи 5 признать утратившей силу;\n",
        "ru",
    )
    assert [(a.operation, a.target_unit) for a in repeal.amendments] == [("repeal", "art_5__part_2")]
    ky = parse_act(
        "Долбоор\n\n«Жайыттар жөнүндө» Кыргыз Республикасынын Мыйзамына өзгөртүүлөрдү киргизүү жөнүндө\n\n"
        "1-берене.\n«Жайыттар жөнүндө» Кыргыз Республикасынын Мыйзамына төмөнкүдөй өзгөртүүлөр киргизилсин:\n"
        "1) 6-беренеде:\n3-бөлүгү төмөнкүдөй редакцияда баяндалсын:\n«3. Жайыт билеттерин айыл өкмөтү берет.»;\n"
        "2) 9-беренедеги «жайыт комитети» деген сөздөр «айыл өкмөтү» деген сөздөр менен алмаштырылсын.\n",
        "ky",
    )
    assert [(a.operation, a.target_unit, a.new_text) for a in ky.amendments] == [
        ("replace", "art_6__part_3", "3. Жайыт билеттерин айыл өкмөтү берет."),
        ("replace", "art_9", "айыл өкмөтү"),
    ]


def test_the_act_a_kyrgyz_title_amends_is_read_without_quotes_too() -> None:
    from nlp.structure.header import parse_header

    codes = parse_header(
        "Кыргыз Республикасынын Жер кодексине жана Кыргыз Республикасынын Салык кодексине өзгөртүүлөрдү "
        "киргизүү жөнүндө\n"
    )
    assert codes.amends == [
        {"title": "Кыргыз Республикасынын Жер кодекси"},
        {"title": "Кыргыз Республикасынын Салык кодекси"},
    ]
    curly = parse_header(
        "Өкмөттүн № 839 “Консулдук кызмат көрсөтүүлөр жөнүндө” токтомуна өзгөртүү киргизүү тууралуу\n"
    )
    assert curly.amends == [{"title": "Консулдук кызмат көрсөтүүлөр жөнүндө"}]


def test_council_decision_is_split_into_points() -> None:
    parsed = act("ky_council_decision.txt")
    assert [a.id for a in parsed.articles] == ["point_1", "point_1-1", "point_2"]
    assert parsed.header.place == "Ош шаары" and parsed.header.date == "2014-12-24"


def test_a_bullet_point_ending_with_a_colon_holds_the_bullets_of_its_list() -> None:
    # the shape of a village council's decision copied from its site: every point an unnumbered bullet
    text = (
        "Айылдык кеңеш ТОКТОМ КЫЛАТ:\n"
        "- Айыл аймагында чөп жыйноо мезгилине карата кызмат көрсөтүүлөрдүн тарифи төмөнкүдөй бекитилсин:\n"
        "- Чөп чабуу – 1 гектарга 2500 сом;\n"
        "- Пресс-подборщик – 1 даанасы 25 сом.\n"
        "- Ушул токтом кол коюлган күндөн тартып күчүнө кирет;\n"
        "- Айыл өкмөтүнүн башчысы зарыл чараларды көрсүн.\n"
    )
    parsed = parse_act(text, "ky")
    assert [a.id for a in parsed.articles] == ["point_1", "point_2", "point_3"]
    assert "1 даанасы 25 сом" in parsed.articles[0].text
    assert [u.id for u in parsed.root.walk() if u.kind == "item"] == ["point_1__item_1", "point_1__item_2"]


def test_a_title_typed_with_mixed_quotes_does_not_swallow_the_points_after_it() -> None:
    text = (
        "1. Жалпы жоболор\n"
        '1.1. Кеңештин ыйгарым укуктары «Ош шаарынын статусу жөнүндө" Мыйзамы менен аныкталат.\n'
        "2. Шаардын мэриясы\n"
        "2.1. Мэрия аткаруу органы болуп саналат.\n"
        "3. Курултай\n"
        "3.1. Курултай «жамааттын кеңеши» болуп саналат.\n"
    )
    assert [a.id for a in parse_act(text, "ky").articles] == ["point_1", "point_2", "point_3"]


def test_an_annex_after_the_points_is_its_own_unit() -> None:
    text = (
        "ТОКТОМ\n"
        "1. Шаардык бюджеттен кошумча каражат бөлүнсүн (тиркеме).\n"
        "2. Токтомдун аткарылышын көзөмөлдөө бюджет боюнча туруктуу комиссияга жүктөлсүн.\n"
        "Төрага А.Асанов\n"
        "Ош шаардык кеңешинин № 5-токтомуна № 1-тиркеме\n"
        "Мэрияга 500,0 миң сом\n"
        "Мектептерге 300,0 миң сом\n"
        "Ош шаардык кеңешинин № 5-токтомуна № 2-тиркеме\n"
        "Фонддун жобосу\n"
        "1. Фонд мэриянын алдында түзүлөт.\n"
        "2. Фонддун каражаттары жергиликтүү бюджеттен түзүлөт.\n"
    )
    act = parse_act(text, "ky")
    assert [a.id for a in act.articles] == ["point_1", "point_2", "annex_1", "point_1__dup2", "point_2__dup2"]
    point_2 = act.articles[1]
    assert "сом" not in point_2.text  # the table is the annex's, not the last point's
    annex = act.articles[2]
    assert annex.kind == "annex" and "Мэрияга 500,0" in annex.text
    assert annex.heading.endswith("№ 1-тиркеме")
    regulation = next(u for u in act.root.walk() if u.id == "annex_2")
    assert regulation.kind == "annexed_act"  # its points are the units
    # a file that is itself an annex keeps the line in its preamble
    alone = parse_act(
        "№ 5-токтомуна № 1-тиркеме\n1. Мэрияга 500,0 миң сом.\n2. Мектептерге 300,0 миң сом.\n", "ky"
    )
    assert [a.id for a in alone.articles] == ["point_1", "point_2"]
    ru = parse_act(
        "1. Утвердить тарифы (приложение).\n2. Опубликовать.\nПриложение к решению городского кенеша\nВывоз мусора 30 сомов\n",
        "ru",
    )
    assert [a.id for a in ru.articles] == ["point_1", "point_2", "annex_1"]


def test_ids_are_stable_across_reparse_and_edits_elsewhere() -> None:
    text = repair_text((FIXTURES / "ky_law_chapters.txt").read_text(encoding="utf-8")).text
    edited = text.replace("Ушул Мыйзам жергиликтүү", "Ушул Мыйзам мындан ары жергиликтүү")
    assert ids(parse_act(text)) == ids(parse_act(edited))


def test_version_diff_finds_changes_additions_removals_and_renumbering() -> None:
    old = [
        ArticleView("art_1", "1", "Максат", "1-берене. Максат\nМыйзам жергиликтүү бюджетти жөнгө салат."),
        ArticleView(
            "art_2",
            "2",
            "Кеңеш",
            "2-берене. Кеңеш\nКеңеш бюджетти бекитет жана анын аткарылышын көзөмөлдөйт.",
        ),
        ArticleView("art_3", "3", "Эски", "3-берене. Эски\nБул норма алынып салынат."),
    ]
    new = [
        ArticleView(
            "art_1",
            "1",
            "Максат",
            "1-берене. Максат\nМыйзам жергиликтүү бюджетти жана салыктарды жөнгө салат.",
        ),
        ArticleView("art_2", "2", "Жаңы", "2-берене. Жаңы\nАйыл өкмөтү мектептерди күтөт."),
        ArticleView(
            "art_3",
            "3",
            "Кеңеш",
            "3-берене. Кеңеш\nКеңеш бюджетти бекитет жана анын аткарылышын көзөмөлдөйт.",
        ),
    ]
    changes = {
        (c.status, c.old.number if c.old else None, c.new.number if c.new else None)
        for c in diff_articles(old, new)
    }
    assert changes == {
        ("changed", "1", "1"),
        ("added", None, "2"),
        ("renumbered", "2", "3"),
        ("removed", "3", None),
    }
    changed = next(c for c in diff_articles(old, new) if c.status == "changed")
    assert {"op": "insert", "text": "жана салыктарды"} in changed.words


def test_language_versions_align_article_by_article() -> None:
    ky = [ArticleView(f"art_{n}", str(n), "", "") for n in ("1", "2", "12-1")]
    ru = [ArticleView(f"art_{n}", str(n), "", "") for n in ("1", "2", "12-1", "13")]
    assert align_languages(ky, ru) == [
        ("art_1", "art_1"),
        ("art_2", "art_2"),
        ("art_12-1", "art_12-1"),
        (None, "art_13"),
    ]


LINES = st.sampled_from(
    [
        "1-берене. Жалпы жоболор",
        "Статья 5.",
        "Статья 12-1. Субвенции",
        "1. Жергиликтүү кеңеш бюджетти бекитет.",
        "2) муниципалдык менчик;",
        "а) долбоор;",
        "Глава 2",
        "2-глава",
        "«1. Цитата ичинде",
        "сап.»",
        "",
        "Ушул берененин 2-бөлүгү",
        "пункт 3 части 2 статьи 7",
        "1.1. Каражат",
        "БЕШИНЧИ БӨЛҮМ",
        "  ",
        "Раздел III",
    ]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=40), st.booleans())
def test_parser_properties(lines: list[str], trailing_newline: bool) -> None:
    text = "\n".join(lines) + ("\n" if trailing_newline else "")
    root = parse_structure(text)
    units = root.walk()
    assert "".join(u.own_text for u in units) == text  # nothing lost, nothing added
    all_ids = [u.id for u in units]
    assert len(all_ids) == len(set(all_ids))
    parse_act(text)  # citations and amendments never crash either


def test_cli_parse_json(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["parse", str(FIXTURES / "ky_law_chapters.txt"), str(tmp_path / "missing.pdf"), "--json"]
    )
    assert result.exit_code == 0, result.output
    first, missing = json.loads(result.stdout)
    assert set(first) == {"file", "language", "act", "articles", "amendments", "citations"}
    assert set(first["act"]) >= {"type", "title", "number", "date", "draft", "amends"}
    assert [a["id"] for a in first["articles"]] == ["art_1", "art_2", "art_12", "art_12-1", "art_13"]
    assert set(first["articles"][1]) >= {"id", "number", "heading", "parts"}
    assert missing["error"]["code"] == "not_found"
    stdin = runner.invoke(
        app, ["parse", "-", "--json"], input=(FIXTURES / "ru_code_articles.txt").read_text()
    )
    assert json.loads(stdin.stdout)[0]["articles"][3]["id"] == "art_16-1"


@pytest.fixture
def cli_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from core.settings import get_settings

    monkeypatch.setenv("KENESH_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_ingest_stores_structure_and_diff_cli(cli_data_dir: Path) -> None:
    runner = CliRunner()
    base = (FIXTURES / "ky_law_chapters.txt").read_text(encoding="utf-8")
    v1, v2 = cli_data_dir / "v1.txt", cli_data_dir / "v2.txt"
    v1.write_text(base, encoding="utf-8")
    v2.write_text(
        base.replace("Ушул Мыйзам жергиликтүү", "Ушул Мыйзам мындан ары жергиликтүү").replace(
            "13-берене. Кеңештин сессиялары", "14-берене. Кеңештин сессиялары"
        ),
        encoding="utf-8",
    )
    rows = json.loads(runner.invoke(app, ["ingest", str(v1), str(v2), "--json"]).stdout)
    assert [r["status"] for r in rows] == ["ingested", "new_version"]
    shown = json.loads(runner.invoke(app, ["show", str(rows[0]["document_id"]), "--json"]).stdout)
    assert [a["id"] for a in shown["articles"]] == ["art_1", "art_2", "art_12", "art_12-1", "art_14"]
    assert (
        shown["articles"][2]["parts"][0]["items"][0]["subitems"][1]["id"]
        == "art_12__part_1__item_1__subitem_б"
    )
    assert shown["progress"][0]["stages"] == {"nlp": "done", "index": "done", "notify": "done"}
    result = json.loads(runner.invoke(app, ["diff", str(rows[0]["document_id"]), "--json"]).stdout)
    statuses = {
        (a["status"], a["old_number"], a["new_number"])
        for a in result["articles"]
        if a["status"] != "unchanged"
    }
    assert statuses == {("changed", "1", "1"), ("renumbered", "13", "14")}
    assert result["from"]["seq"] == 1 and result["to"]["seq"] == 2


def test_every_article_carries_the_heading_field() -> None:
    decision = act("ky_council_decision.txt")
    assert all("heading" in a.to_json() for a in decision.articles)


def test_gold_headings_lose_their_number_however_typed() -> None:
    assert heading_title("Статья 161. Компетенция кенеша") == "компетенция кенеша"
    assert heading_title("12-берене. Жергиликтүү кеңеш") == "жергиликтүү кеңеш"
    assert heading_title("З. Имущество и средства Совета.") == "имущество и средства совета."  # «З» for 3


def test_an_act_type_set_letter_spaced_is_read() -> None:
    # councils print «Т О К Т О М» letter-spaced; the first type word read was then one in the body
    # («… Мыйзамына ылайык»), and the council's decision was taken for a law, not a local act
    text = (
        "Кыргыз Республикасы\n\nТалас шаардык Кеңеши\n\nТ О К Т О М\n\nТалас шаары № 41 3-март, 2025-жыл\n\n"
        "Шаардык бюджетке өзгөртүүлөрдү киргизүү жөнүндө\n\n"
        "«Жергиликтүү өз алдынча башкаруу жөнүндө» Кыргыз Республикасынын Мыйзамына ылайык шаардык Кеңеш "
        "токтом кылат:\n1. Шаардык бюджетке өзгөртүүлөр киргизилсин.\n2. Токтомдун аткарылышын көзөмөлдөө "
        "туруктуу комиссияга жүктөлсүн.\n"
    )
    parsed = parse_act(text, "ky")
    assert parsed.header.type == "resolution" and parsed.header.number == "41"
    assert is_local_act(parsed)
    spaced = parse_act("П О С Т А Н О В Л Е Н И Е\nот 3 марта 2025 года № 12\nО порядке\n", "ru")
    assert spaced.header.type == "resolution"


def test_the_title_starts_after_the_issuers_block_and_the_draft_mark() -> None:
    decision = parse_act(
        "РЕШЕНИЕ\nБишкекского городского кенеша\n\nО внесении изменений в бюджет города Бишкек на 2026 год\n\n"
        "1. Увеличить доходную часть бюджета.\n",
        "ru",
    )
    assert decision.header.title == "О внесении изменений в бюджет города Бишкек на 2026 год"
    draft = parse_act("Долбоор\n\nАйыл аймактарынын чек аралары жөнүндө\n\n1-берене. Максаты\n", "ky")
    assert draft.header.title == "Айыл аймактарынын чек аралары жөнүндө" and draft.header.draft
    # a title that runs over two lines keeps both
    wrapped = parse_act("Ош шаарынын мэриясынын\nрезервдик фонду жөнүндө\n\n1. Жалпы жоболор\n", "ky")
    assert wrapped.header.title == "Ош шаарынын мэриясынын резервдик фонду жөнүндө"


def test_a_regulation_about_territorial_councils_is_not_their_act() -> None:
    # a territorial (quarter) council issues no acts: a draft regulation naming them in its title is no
    # council decision, while an ayil territorial council («айылдык аймактык кеңеш») is an ayil kenesh
    about = parse_act("Долбоор\n\nОш шаарынын аймактык Кеңештери жөнүндө\nЖобо\n\n1. Жалпы жоболор\n", "ky")
    assert not is_local_act(about)
    own = parse_act("Кашка-Суу айылдык аймактык кеңешинин\nТОКТОМУ\n\n1. Сессия чакырылсын.\n", "ky")
    assert is_local_act(own)


def test_a_council_decisions_date_is_its_own_not_the_date_of_an_act_its_preamble_cites() -> None:
    from nlp.structure.header import parse_header

    header = parse_header(
        "Ош шаардык Кеңеши\n\nТ О К Т О М\n\nОш шаары № 269 25-март, 2015-жыл\n\n"
        "Жылуулук энергиясынын тарифтерине макулдук берүү жөнүндө\n\n"
        "Кыргыз Республикасынын Өкмөтүнө караштуу мамлекеттик Агенттигинин 2015-жылдын 28-январындагы № 29 "
        "буйругу боюнча мэриянын катын карап, Ош шаардык Кеңеши\nТ О К Т О М К Ы Л А Т:\n"
    )
    assert (header.number, header.date) == ("269", "2015-03-25")
    ru = parse_header(
        "Закон Кыргызской Республики\nот 4 августа 2004 года № 106\n\n(В редакции от 18 января 2022 года)\n"
    )
    assert ru.date == "2004-08-04"


def test_a_repealed_or_amended_acts_head_names_its_own_number_and_date_after_the_other_laws() -> None:
    from ingest.identity import identify

    repealed = identify(
        "Кыргыз Республикасынын 2024-жылдын 3-мартындагы № 61\nМыйзамына ылайык\nКҮЧҮН ЖОГОТТУ\n\n"
        "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ\n2008-жылдын 12-майы № 88\nСуу пайдалануучулар жөнүндө\n"
    )
    assert (repealed.number, repealed.date) == ("88", "2008-05-12")
    amended = identify(
        "Изменения, внесенные Законом КР от 1 марта 2019 года № 30,\nвступают в силу\n\n"
        "КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ\nот 5 мая 2001 года № 12\n(В редакции Законов КР от 2 июня 2003 года № 7)\n"
    )
    assert (amended.number, amended.date) == ("12", "2001-05-05")
    annex = identify("Ош шаардык Кеңешинин 2015-жылдын 12-февралындагы\n№ 252-токтомуна\n1-тиркеме\n")
    assert annex.number is None  # the act it is annexed to, not its own


def test_an_item_cited_without_its_part_resolves_the_same_way_every_run() -> None:
    """«пункт 2 настоящей статьи» where every part has an item 2: the citing part's own item, else the first
    in the article's order (the candidates once came out of a set, so a run could pick any of them)."""
    text = (
        "Статья 7. Порядок уплаты\n"
        "1. Плательщик вправе:\n1) уплатить сбор наличными;\n2) уплатить сбор через банк.\n"
        "2. Орган местного самоуправления:\n1) принимает сбор;\n2) ведет учет поступлений.\n"
        "3. Плательщик, указанный в пункте 2 настоящей статьи, освобождается от пени:\n"
        "1) при уплате в срок;\n2) при отсрочке.\n"
        "Статья 8. Сроки\n"
        "Сбор, уплачиваемый в случае, указанном в пункте 2 статьи 7 настоящего Кодекса, уплачивается в "
        "течение месяца.\n"
    )
    targets = [(c.source_unit, c.target, c.resolved) for c in parse_act(text, "ru").citations]
    assert targets == [
        ("art_7__part_3", "art_7__part_3__item_2", True),
        ("art_8", "art_7__part_1__item_2", True),
    ]


def test_a_councils_title_citing_another_acts_date_and_number_is_read_whole() -> None:
    """A title set over several lines may cite the act it amends by date and number; the act's own date
    line above it, the capitals of the head and a chapter heading are never part of it."""
    decision = (
        "ОШ ШААРДЫК КЕҢЕШИНИН КЕЗЕКСИЗ СЕССИЯСЫ\n\nТ О К Т О М\n\nОш шаары № 282 23-июнь, 2015-жыл\n\n"
        "Ош шаардык Кеңешинин\n2015-жылдын 8-июнундагы\n№ 279- токтомуна өзгөртүү\nжана толуктоолорду киргизүү\n"
        "жөнүндө\n\nТОКТОМ КЫЛАТ:\n\n1. Токтомдун 1-пункту өзгөртүлсүн.\n"
    )
    assert parse_act(decision, "ky").header.title == (
        "Ош шаардык Кеңешинин 2015-жылдын 8-июнундагы № 279- токтомуна өзгөртүү жана толуктоолорду киргизүү жөнүндө"
    )
    code = "Глава 1. Задачи и принципы законодательства\nо правонарушениях\n\nСтатья 1. Задачи\n"
    assert parse_act(code, "ru").header.title == "о правонарушениях"


def test_a_councils_title_that_names_no_subject_word_is_the_block_under_its_date() -> None:
    """«… фонду жөнүндөгү Жобону бекитүү» and «… мэринин отчету» end in no «жөнүндө»: the title is the block
    of short lines between the act's own date line and its preamble."""
    decision = (
        "ОШ ШААРДЫК КЕҢЕШИНИН КЕЗЕКСИЗ XXII СЕССИЯСЫ\n\nТОКТОМ\n\nОш шаары № 228 19-ноябрь, 2014-жыл\n\n"
        "Ош шаарынын өнүктүрүү\nфонду жөнүндөгү Жобону\nбекитүү\n\n"
        "Ош шаарынын мэриясынын 2014-жылдын 4-ноябрындагы катын жана депутаттык комиссиянын сунуштарын эске "
        "алып, Ош шаардык Кеңеши\n\nТ О К Т О М К Ы Л А Т :\n\n"
        "1. Ош шаарынын өнүктүрүү фонду жөнүндө Жобо бекитилсин.\n"
    )
    assert parse_act(decision, "ky").header.title == "Ош шаарынын өнүктүрүү фонду жөнүндөгү Жобону бекитүү"
    unheaded = "Ош шаары № 5 1-март, 2015-жыл\n\nКыска сап\n\nКыска башка сап\n"
    assert parse_act(unheaded, "ky").header.title is None  # no preamble follows: no title block
