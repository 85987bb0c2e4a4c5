"""Corpus checks: ingest every real file in ../shared/corpus/github and the seeds, read in place, and
hold the figures to the floors in floors.yaml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from core.errors import KeneshError
from core.settings import Settings
from ingest.pipeline import Processed, process_file_bounded
from ingest.repair import repair_text
from ingest.repair.mojibake import mojibake_tokens

pytestmark = pytest.mark.corpus
FLOORS = yaml.safe_load((Path(__file__).parent / "floors.yaml").read_text())["ingest"]
SHARED = Path(__file__).resolve().parents[3] / "shared"


def expected_language(name: str) -> str:
    if name.startswith("ru_") or name.endswith("_ru.doc"):
        return "ru"
    return "ky"


@lru_cache(maxsize=1)
def corpus_results() -> dict[str, Processed | KeneshError]:
    settings = Settings(data_dir=Path("/tmp/kenesh-corpus-check"))
    results: dict[str, Processed | KeneshError] = {}
    for path in sorted((SHARED / "corpus" / "github").iterdir()):
        if path.suffix == ".md":
            continue
        try:
            results[path.name] = process_file_bounded(path, settings)
        except KeneshError as exc:
            results[path.name] = exc
    return results


def test_corpus_files_are_read(shared: Path) -> None:
    results = corpus_results()
    ok = [name for name, r in results.items() if isinstance(r, Processed)]
    failed = {name: r.code for name, r in results.items() if isinstance(r, KeneshError)}
    share = len(ok) / len(results)
    print(f"corpus files read: {len(ok)}/{len(results)} = {share:.3f}; failed: {failed}")
    assert share >= FLOORS["readable_share"]
    assert all(name.endswith(".xls") for name in failed), failed
    assert all(code == "conversion_failed" for code in failed.values())


def test_corpus_languages(shared: Path) -> None:
    results = {n: r for n, r in corpus_results().items() if isinstance(r, Processed)}
    right = [n for n, r in results.items() if r.language == expected_language(n)]
    accuracy = len(right) / len(results)
    print(f"language accuracy: {accuracy:.3f}")
    assert accuracy >= FLOORS["language_accuracy"], sorted(set(results) - set(right))


def test_mhtml_named_doc_detected(shared: Path) -> None:
    for name, result in corpus_results().items():
        if name.endswith("_mhtml.doc"):
            assert isinstance(result, Processed) and result.format == "mhtml", name


def test_legacy_font_decisions_are_repaired(shared: Path) -> None:
    legacy = {
        n: r
        for n, r in corpus_results().items()
        if n.startswith("osh_") and isinstance(r, Processed) and r.repairs.get("font_mapping")
    }
    assert len(legacy) >= 25
    clean = [n for n, r in legacy.items() if not mojibake_tokens(r.text)]
    share = len(clean) / len(legacy)
    print(f"legacy-font documents fully repaired: {len(clean)}/{len(legacy)}")
    assert share >= FLOORS["legacy_font_docs_repaired"]
    assert all(r.repairs["font_mapping"] == "a97_oktom" for r in legacy.values())
    budget = legacy["osh_kenesh_2014_toktom243_local_budget_extra_allocations.doc"]
    assert "ОШ ШААРДЫК КЕҢЕШИНИН" in budget.text and "жергиликтүү бюджеттин эсебинен" in budget.text


def test_seed_001_has_no_mojibake_left(shared: Path) -> None:
    raw = (shared / "seeds" / "001_9ce59527e3728fab.txt").read_text(encoding="utf-8")
    repaired = repair_text(raw)
    left = mojibake_tokens(repaired.text)
    print(f"seed 001 repairs: {dict(repaired.stats)}; left: {left}")
    assert len(left) <= FLOORS["mojibake_words_left_max"]
    for word in ("Жергиликтүү жамааттардын", "Кеңеши", "өз ара аракеттенүүсү", "ЖӨБдүн"):
        assert word in repaired.text
    assert repaired.stats["keyboard_letters"] >= FLOORS["seed_keyboard_corrections_min"]
