"""Corpus checks of the structure parser: real acts read in place from ../shared, held to floors."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from core.settings import Settings
from ingest.pipeline import process_file_bounded
from ingest.repair import repair_text
from nlp.structure import ParsedAct, parse_act
from nlp.structure.evaluation import find_gold_unit

pytestmark = pytest.mark.corpus
FLOORS = yaml.safe_load((Path(__file__).parent / "floors.yaml").read_text())["structure"]
SHARED = Path(__file__).resolve().parents[3] / "shared"
GITHUB = SHARED / "corpus" / "github"

# Real acts (at least 10 per language), with what a reader of the source can check by eye:
# the first and last article numbers, the article count, and the heading of one article.
ACTS = {
    "ky_law_2011_101_local_self_government_mhtml.doc": (
        "ky",
        "1",
        "65",
        66,
        ("9", "Жергиликтүү өз алдынча башкаруу жагындагы мамлекеттик саясат"),
    ),
    "ky_constitution_2021.docx": ("ky", "1", "116", 116, None),
    "ky_land_code_1999.docx": ("ky", "1", "120", 124, ("2", "Жер мыйзамдары")),
    "ky_tax_code_2022.docx": ("ky", "1", None, None, ("1", None)),
    "ky_law_2002_37_municipal_property_mhtml.doc": ("ky", "1", None, None, None),
    "ky_law_2004_165_municipal_service_mhtml.doc": ("ky", "1", None, None, None),
    "ky_law_2000_3_status_local_council_deputies_mhtml.doc": ("ky", "1", None, None, None),
    "ky_law_2013_219_status_of_osh_city_mhtml.doc": ("ky", "1", None, None, None),
    "ky_law_2009_241_normative_legal_acts_mhtml.doc": ("ky", "1", None, None, None),
    "ky_labour_code_2004_mhtml.doc": ("ky", "1", None, None, None),
    "osh_kenesh_2014_toktom243_local_budget_extra_allocations.doc": ("ky", "1", "7", 7, None),
    "ru_water_code_2005.txt": ("ru", "1", "99", 100, ("16-1", "Компетенция органов местного самоуправления")),
    "ru_land_code_1999.txt": ("ru", "1", None, None, None),
    "ru_tax_code_2022.txt": ("ru", "1", None, None, ("34-1", None)),
    "ru_labour_code_2004.txt": ("ru", "1", None, None, None),
    "ru_code_on_offences_2021.txt": ("ru", "1", None, None, None),
    "ru_law_road_traffic.txt": ("ru", "1", None, None, None),
    "ru_civil_code_part1_1996.pdf": ("ru", "1", None, None, None),
    "ru_reglament_jogorku_kenesh_2022.docx": ("ru", "1", None, None, None),
    "ru_cabmin_resolution_2024_88_conformity_assessment.pdf": ("ru", "1", None, None, None),
    "osh_draft_model_charter_local_community_ru.doc": ("ru", "1", None, None, None),
    "osh_draft_regulation_territorial_councils_ru.doc": ("ru", "1", None, None, None),
}


@lru_cache(maxsize=64)
def parsed(name: str) -> ParsedAct:
    processed = process_file_bounded(GITHUB / name, Settings(data_dir=Path("/tmp/kenesh-corpus-check")))
    return parse_act(processed.text, processed.language if processed.language in {"ky", "ru"} else None)


@pytest.mark.parametrize("name", sorted(ACTS))
def test_real_act_structure(name: str, shared: Path) -> None:
    language, first, last, count, heading = ACTS[name]
    act = parsed(name)
    numbers = [a.number for a in act.articles if a.kind != "annex"]
    assert act.language == language
    assert numbers and numbers[0] == first
    if last is not None:
        assert numbers[-1] == last
    if count is not None:
        assert len(numbers) == count
    if heading is not None:
        unit = next(a for a in act.articles if a.number == heading[0])
        if heading[1] is not None:
            assert unit.heading == heading[1]
    ids = [u.id for u in act.root.walk()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("name", "last_point", "annexes"),
    [
        ("osh_kenesh_2014_toktom243_local_budget_extra_allocations.doc", "point_7", ["annex_1 annex"]),
        ("osh_kenesh_2015_toktom277_local_budget_extra_allocations.doc", "point_6", ["annex_1 annex"]),
        # the fund's regulation (points of its own), then a table
        (
            "osh_kenesh_2014_toktom228_development_fund_regulation.doc",
            "point_25",
            ["annex_1 annexed_act", "annex_2 annex"],
        ),
    ],
)
def test_an_annex_after_the_last_point_is_its_own_unit(
    name: str, last_point: str, annexes: list[str], shared: Path
) -> None:
    act = parsed(name)
    assert [f"{u.id} {u.kind}" for u in act.root.walk() if u.id.startswith("annex")] == annexes
    point = next(u for u in act.articles if u.id == last_point)
    assert len(point.text.split()) < 120  # its own words, not the annex's table or regulation


def test_numbered_point_acts(shared: Path) -> None:
    for path in sorted((SHARED / "corpus" / "acts").glob("*.txt")):
        text = "\n".join(path.read_text(encoding="utf-8").split("\n")[2:])
        act = parse_act(repair_text(text).text)
        assert len(act.articles) >= 2, path.name


def test_dev_set_articles_are_found(shared: Path) -> None:
    """Recall of article boundaries against the hand-cut units of ../shared/corpus/dev_articles.jsonl."""
    rows = [json.loads(line) for line in (SHARED / "corpus" / "dev_articles.jsonl").read_text().splitlines()]
    found = {"ky": [0, 0], "ru": [0, 0]}
    missed = []
    for row in rows:
        source = row["url"].split("/")[-1]
        if "corpus/github" not in row["url"] or not row["heading"] or not (GITHUB / source).exists():
            continue
        if source.endswith((".xls", ".pdf")):
            continue
        unit = find_gold_unit(parsed(source), row["heading"], repair_text(row["text"]).text)
        found[row["lang"]][1] += 1
        if unit is not None:
            found[row["lang"]][0] += 1
        else:
            missed.append((row["id"], row["heading"][:50]))
    for lang, (hit, total) in found.items():
        recall = hit / total
        print(f"dev-set article recall {lang}: {hit}/{total} = {recall:.3f}")
        assert recall >= FLOORS[f"dev_article_recall_{lang}"], missed


def test_citations_resolve_on_the_lsg_law(shared: Path) -> None:
    act = parsed("ky_law_2011_101_local_self_government_mhtml.doc")
    resolved = sum(c.resolved for c in act.citations) / len(act.citations)
    print(f"LSG law citations resolved: {resolved:.3f} of {len(act.citations)}")
    assert resolved >= FLOORS["lsg_law_citation_resolution"]


def test_each_act_gets_its_own_number_and_date_not_a_cited_acts(shared: Path) -> None:
    from bench.structure_eval import identity

    figures = identity(shared, Settings(data_dir=Path("/tmp/kenesh-corpus-check")))
    assert figures["number"] >= FLOORS["identity_number"]
    assert figures["date"] >= FLOORS["identity_date"]
