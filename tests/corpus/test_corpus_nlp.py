"""Corpus checks of the NLP stage against ../shared: lemma accuracy on the UD Kyrgyz treebank,
tagging quality on the hand-labelled articles, and agreement between the Kyrgyz and Russian texts of the
same codes and between clean and badly typed texts of the same articles (no labels needed), held to the
floors in floors.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.amounts_eval import evaluate as amounts_evaluate
from bench.entities_eval import PARTS as ENTITY_PARTS
from bench.entities_eval import evaluate as entities_evaluate
from bench.lemma_eval import accuracy, read_tokens
from bench.nlp_eval import LABELLED, held_aside, labelled_refs, predict, report, rows
from bench.parallel_agreement import PAIRS, agreement
from bench.robustness import main as robustness

pytestmark = pytest.mark.corpus
FLOORS = yaml.safe_load((Path(__file__).parent / "floors.yaml").read_text())["nlp"]


def test_kyrgyz_lemma_accuracy(shared: Path) -> None:
    tokens = read_tokens()
    nouns = accuracy(tokens, ("NOUN", "PROPN"))
    adjectives = accuracy(tokens, ("ADJ",))
    verbs = accuracy(tokens, ("VERB",))
    print(f"lemma accuracy NOUN+PROPN {nouns:.3f}, ADJ {adjectives:.3f}, VERB {verbs:.3f}")
    assert nouns >= FLOORS["lemma_noun_propn"]
    assert adjectives >= FLOORS["lemma_adj"]
    assert verbs >= FLOORS["lemma_verb"]


@pytest.mark.parametrize("part", ["dev", "held-out", *LABELLED])
def test_tagging_quality(part: str, shared: Path) -> None:
    if part in LABELLED:  # Kenesh's own labelled units (tests/data/labelled_refs*.yaml)
        items = labelled_refs(part)
    else:
        items = [r for r in rows() if held_aside(r) == (part == "held-out")]
    figures = report(part, items, predict(items), show_errors=False)
    for key in (
        "all_lsg_f1",
        "all_budget_f1",
        "all_competence_f1",
        "all_lsg_specificity",
        "all_budget_specificity",
    ):
        assert figures[key] >= FLOORS[f"{part}_{key}"], (key, figures[key])


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: pair[0].split("_")[1])
def test_kyrgyz_and_russian_texts_of_one_code_are_tagged_alike(pair: tuple[str, str], shared: Path) -> None:
    result = agreement(*pair)
    print(
        f"{pair[0]} / {pair[1]}: {result.pairs} pairs, agree on LSG {result.lsg:.3f}, budget "
        f"{result.budget:.3f}, first competence {result.first_competence:.3f}"
    )
    assert result.pairs >= 100
    assert result.lsg >= FLOORS["parallel_lsg"]
    assert result.budget >= FLOORS["parallel_budget"]
    assert result.first_competence >= FLOORS["parallel_first_competence"]


def test_badly_typed_text_is_tagged_as_the_clean_text(shared: Path) -> None:
    # Kyrgyz letters typed on a Russian keyboard (all of them, or every third), an old Kyrgyz font,
    # hard-wrapped lines with syllable hyphens: the same articles keep their tags
    figures = robustness()
    assert figures
    for name, value in figures.items():
        assert value >= FLOORS["robustness"][name], (name, value)


def test_amounts_and_their_periods_on_real_texts(shared: Path) -> None:
    figures = amounts_evaluate()
    print(f"amounts F1 {figures.f1:.3f}, period right {figures.period_accuracy:.3f} of {figures.right}")
    assert figures.gold >= 100
    assert figures.f1 >= FLOORS["amounts_f1"]
    assert figures.period_accuracy >= FLOORS["amounts_period"]


@pytest.mark.parametrize("part", ENTITY_PARTS)
def test_places_and_organisations_on_real_texts(part: str, shared: Path) -> None:
    places, organisations = entities_evaluate(part)
    print(f"{part}: places F1 {places.f1:.3f}, organisations F1 {organisations.f1:.3f}")
    assert places.gold >= 20 and organisations.gold >= 12
    assert places.f1 >= FLOORS[f"entities_{part}_places_f1"]
    assert organisations.f1 >= FLOORS[f"entities_{part}_organisations_f1"]


def test_council_points_never_tuned_on_get_their_field() -> None:
    """Own council points (tests/data/council_points_unseen*.yaml) and norms of laws (field_norms_unseen.yaml) never tuned on (bench/council_points.py):
    how far the taxonomy's terms reach past the wordings they were added for. Needs no ../shared, but it is a
    quality figure with a floor, as the corpus checks are."""
    from bench.council_points import main as council_points

    figures = council_points()
    for lang in ("ky", "ru"):
        assert figures[f"unseen_{lang}"] >= FLOORS[f"council_points_unseen_{lang}"], lang
        assert figures[f"unseen2_{lang}"] >= FLOORS[f"council_points_unseen_2_{lang}"], lang
        assert figures[f"norms_unseen_{lang}"] >= FLOORS[f"field_norms_unseen_{lang}"], lang


def test_whole_articles_never_tuned_on_keep_their_labels() -> None:
    """Own whole articles and council points never tuned on (tests/data/field_articles_unseen.yaml,
    bench/field_articles.py), scored for precision as well as recall: a field too many counts against."""
    from bench.field_articles import score

    figures = score("unseen")
    for lang in ("ky", "ru"):
        key = f"{lang}_competence_f1"
        assert figures[f"unseen_{key}"] >= FLOORS[f"field_articles_unseen_{key}"], lang
    assert figures["unseen_all_lsg_f1"] >= FLOORS["field_articles_unseen_all_lsg_f1"]
