"""Scoring the parser against gold: article boundaries and citation resolution (used by the bench
script and by the corpus checks, so both report the same figures)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from nlp.structure.model import ParsedAct, Unit


@dataclass
class Score:
    true_positive: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 1.0

    def add(self, other: Score) -> None:
        self.true_positive += other.true_positive
        self.predicted += other.predicted
        self.gold += other.gold


def score_articles(act: ParsedAct, gold_ids: list[str]) -> Score:
    predicted = [a.id for a in act.articles]
    return Score(len(set(predicted) & set(gold_ids)), len(predicted), len(gold_ids))


def citation_target(citation_act: dict[str, object] | None, target: str | None) -> str | None:
    if citation_act is not None:
        return f"act:{citation_act.get('title')}"
    return target


def score_citations(act: ParsedAct, gold: Iterable[tuple[str, str]]) -> Score:
    """A gold citation counts when a predicted one with the same text resolves to the same target."""
    gold_list = list(gold)
    predicted = [(c.text, citation_target(c.act, c.target)) for c in act.citations if c.resolved]
    hits = 0
    remaining = list(predicted)
    for pair in gold_list:
        if pair in remaining:
            remaining.remove(pair)
            hits += 1
    return Score(hits, len(predicted), len(gold_list))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def heading_title(heading: str) -> str:
    """'Статья 161. Компетенция …' / '12-берене. …' / 'З. Имущество …' (a Cyrillic З typed for 3, as the
    point patterns allow) -> 'компетенция …'."""
    return _norm(
        re.sub(
            r"^\s*(?:статья\s+\S+|\S+\s*-\s*(?:берене|статья)|(?:\d+|З)(?:\.\d+)*\.)\s*\.?",
            "",
            heading,
            flags=re.I,
        )
    )


def find_gold_unit(act: ParsedAct, heading: str, text: str) -> Unit | None:
    """The parsed article that a gold article (its heading and verbatim text) corresponds to."""
    title = heading_title(heading)
    body = _norm(text)[:400]
    best: tuple[float, Unit | None] = (0.0, None)
    for unit in act.articles:
        if title and _norm(unit.heading) != title and not _norm(unit.heading).startswith(title[:60]):
            continue
        score = fuzz.partial_ratio(body, _norm(unit.text)) if body else 100.0
        if score > best[0]:
            best = (score, unit)
    return best[1] if best[0] >= 90 else None
