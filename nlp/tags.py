"""What tagging says of an article, and what it reads of each token: the typed results (evidence spans,
competences, budget impact) that the API, the CLI, storage and the dossiers share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Evidence:
    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


def distinct_spans(evidence: list[Evidence]) -> list[Evidence]:
    """The spans a reader is shown: each once, in the order found, without one that lies inside another
    (a term found by several rules, «каражатынын» within «акча каражатынын»). Decisions count every find;
    only the output is thinned."""
    out: list[Evidence] = []
    for e in evidence:
        if any(o.start <= e.start and e.end <= o.end for o in out):
            continue
        out = [o for o in out if not (e.start <= o.start and o.end <= e.end)]
        out.append(e)
    return out


@dataclass
class CompetenceHit:
    id: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "score": round(self.score, 2),
            "evidence": [e.to_json() for e in distinct_spans(self.evidence)],
        }


@dataclass
class BudgetImpact:
    kind: (
        str | None
    )  # revenue | spending_obligation | transfer | budget_approval | rate | exemption | mention | None
    amounts: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "amounts": self.amounts,
            "evidence": [e.to_json() for e in distinct_spans(self.evidence)],
        }


@dataclass
class ArticleTags:
    lsg_relevant: bool
    local_budget: bool
    competences: list[CompetenceHit]
    budget: BudgetImpact
    reason: str
    actors: list[Evidence] = field(default_factory=list)
    language: str | None = None  # set by the caller that chose the pipeline


@dataclass
class TokenView:
    """What tagging needs of a token: its text, character offsets, lemma key and sentence number."""

    text: str
    start: int
    end: int
    lemma: str
    sent: int


def span_of(tokens: list[TokenView], i: int, j: int, text: str) -> Evidence:
    start, end = tokens[i].start, tokens[j - 1].end
    return Evidence(text[start:end], start, end)
