"""Corpus checks of the NLP stage against ../shared: lemma accuracy on the UD Kyrgyz treebank and
tagging quality on the hand-labelled articles, held to the floors in floors.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.lemma_eval import accuracy, read_tokens
from bench.nlp_eval import LABELLED, held_aside, labelled_refs, predict, report, rows

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
    for key in ("all_lsg_f1", "all_budget_f1", "all_competence_f1"):
        assert figures[key] >= FLOORS[f"{part}_{key}"], (key, figures[key])
