"""Structure parser figures: per-language precision and recall of article boundaries and of citation
resolution on the gold fixtures (tests/fixtures/acts/gold.yaml), article recall against the hand-cut
units of ../shared/corpus/dev_articles.jsonl, each act's own number and date against the hand-read heads
(tests/data/labelled_identity.yaml), and parse throughput (articles per second) on the codes.

Usage: .venv/bin/python -m bench.structure_eval
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import yaml

from bench.common import ROOT, need_shared
from core.settings import Settings
from ingest.identity import identify
from ingest.pipeline import process_file_bounded
from ingest.repair import repair_text
from nlp.structure import parse_act
from nlp.structure.evaluation import Score, find_gold_unit, score_articles, score_citations

FIXTURES = ROOT / "tests" / "fixtures" / "acts"
CODES = [
    "ky_tax_code_2022.docx",
    "ru_tax_code_2022.txt",
    "ru_labour_code_2004.txt",
    "ru_code_on_offences_2021.txt",
    "ky_labour_code_2004_mhtml.doc",
    "ru_civil_code_part1_1996.pdf",
    "ky_land_code_1999.docx",
]


def fixtures() -> None:
    gold = yaml.safe_load((FIXTURES / "gold.yaml").read_text(encoding="utf-8"))
    articles = {"ky": Score(), "ru": Score()}
    citations = {"ky": Score(), "ru": Score()}
    for name, expected in gold.items():
        act = parse_act(repair_text((FIXTURES / name).read_text(encoding="utf-8")).text)
        articles[expected["language"]].add(score_articles(act, expected["articles"]))
        citations[expected["language"]].add(score_citations(act, [tuple(c) for c in expected["citations"]]))
    print("== gold fixtures ==")
    for lang in ("ky", "ru"):
        a, c = articles[lang], citations[lang]
        print(
            f"{lang}: article boundaries P={a.precision:.3f} R={a.recall:.3f} ({a.gold} gold) | "
            f"citation resolution P={c.precision:.3f} R={c.recall:.3f} ({c.gold} gold)"
        )


def dev_set(shared: Path, settings: Settings) -> None:
    rows = [json.loads(line) for line in (shared / "corpus" / "dev_articles.jsonl").read_text().splitlines()]
    cache: dict[str, object] = {}
    totals = {"ky": [0, 0], "ru": [0, 0]}
    for row in rows:
        source = row["url"].split("/")[-1]
        path = shared / "corpus" / "github" / source
        if "corpus/github" not in row["url"] or not row["heading"] or not path.exists():
            continue
        if source not in cache:
            processed = process_file_bounded(path, settings)
            cache[source] = parse_act(processed.text, processed.language)
        unit = find_gold_unit(cache[source], row["heading"], repair_text(row["text"]).text)  # type: ignore[arg-type]
        totals[row["lang"]][1] += 1
        totals[row["lang"]][0] += unit is not None
    print("== dev-set units cut by hand from the real files ==")
    for lang, (hit, total) in totals.items():
        print(f"{lang}: article recall {hit}/{total} = {hit / total:.3f}")


def identity(shared: Path, settings: Settings) -> dict[str, float]:
    """Share of acts whose own number, and own date, the head reading gets right (not a cited act's)."""
    labels = yaml.safe_load((ROOT / "tests" / "data" / "labelled_identity.yaml").read_text(encoding="utf-8"))
    right = {"number": 0, "date": 0}
    for source, expected in labels.items():
        found = identify(process_file_bounded(shared / "corpus" / source, settings).text)
        for field in right:
            ok = getattr(found, field) == expected[field]
            right[field] += ok
            if not ok:
                print(f"  {source}: {field} {getattr(found, field)!r}, expected {expected[field]!r}")
    figures = {field: n / len(labels) for field, n in right.items()}
    print(
        f"== act identity ({len(labels)} acts) ==\nnumber {figures['number']:.3f}, date {figures['date']:.3f}"
    )
    return figures


def throughput(shared: Path, settings: Settings) -> None:
    print("== parse throughput on whole codes (repaired text in memory) ==")
    total_articles, total_time = 0, 0.0
    for name in CODES:
        processed = process_file_bounded(shared / "corpus" / "github" / name, settings)
        start = time.perf_counter()
        act = parse_act(processed.text, processed.language)
        elapsed = time.perf_counter() - start
        total_articles += len(act.articles)
        total_time += elapsed
        print(
            f"{name:40} {len(act.articles):5} articles {len(act.citations):5} citations {elapsed:6.2f} s "
            f"({len(act.articles) / elapsed:7.0f} articles/s)"
        )
    print(f"all: {total_articles / total_time:.0f} articles/s")


def main() -> None:
    shared = need_shared()
    settings = Settings(data_dir=Path("/tmp/kenesh-bench-structure"))
    fixtures()
    dev_set(shared, settings)
    identity(shared, settings)
    throughput(shared, settings)


if __name__ == "__main__":
    main()
