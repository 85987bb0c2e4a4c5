"""Versions and language versions of one act, article by article.

A new version's articles are paired with the old ones by number, then, for what is left, by text
similarity (so a renumbered article is found); each pair gets a word-level diff. Kyrgyz and Russian
texts are paired by number, then by position.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from nlp.structure.model import Unit

SAME_NUMBER_MIN = 40.0  # below this, an article with the same number is a different norm
RENUMBERED_MIN = 70.0
WORD = re.compile(r"\S+")


@dataclass
class ArticleView:
    """What diffing needs of an article: its id, number, heading and body text."""

    id: str
    number: str
    heading: str
    text: str

    @classmethod
    def of(cls, unit: Unit) -> ArticleView:
        return cls(id=unit.id, number=unit.number, heading=unit.heading, text=unit.text.strip())

    @property
    def body(self) -> str:
        return self.text.split("\n", 1)[1] if "\n" in self.text else self.text


@dataclass
class ArticleChange:
    status: str  # unchanged | changed | renumbered | added | removed
    old: ArticleView | None
    new: ArticleView | None
    similarity: float = 0.0
    words: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        shown = self.new or self.old
        return {
            "status": self.status,
            "old_id": self.old.id if self.old else None,
            "old_number": self.old.number if self.old else None,
            "new_id": self.new.id if self.new else None,
            "new_number": self.new.number if self.new else None,
            "heading": shown.heading if shown else "",
            "similarity": round(self.similarity, 1),
            "words": self.words,
        }


def word_diff(old: str, new: str) -> list[dict[str, str]]:
    a, b = WORD.findall(old), WORD.findall(new)
    out: list[dict[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append({"op": "equal", "text": " ".join(a[i1:i2])})
        if op in {"delete", "replace"}:
            out.append({"op": "delete", "text": " ".join(a[i1:i2])})
        if op in {"insert", "replace"}:
            out.append({"op": "insert", "text": " ".join(b[j1:j2])})
    return out


def similarity(a: ArticleView, b: ArticleView) -> float:
    return float(fuzz.ratio(a.body, b.body))


def diff_articles(old: list[ArticleView], new: list[ArticleView]) -> list[ArticleChange]:
    pairs: dict[int, tuple[int, float]] = {}
    old_by_number = {a.number: i for i, a in enumerate(old)}
    for j, article in enumerate(new):
        i = old_by_number.get(article.number)
        if i is not None:
            score = similarity(old[i], article)
            if score >= SAME_NUMBER_MIN:
                pairs[j] = (i, score)
    used_old = {i for i, _ in pairs.values()}
    candidates = []
    for j, article in enumerate(new):
        if j in pairs:
            continue
        for i, previous in enumerate(old):
            if i not in used_old:
                score = similarity(previous, article)
                if score >= RENUMBERED_MIN:
                    candidates.append((score, i, j))
    for score, i, j in sorted(candidates, reverse=True):
        if i not in used_old and j not in pairs:
            pairs[j] = (i, score)
            used_old.add(i)
    changes: list[ArticleChange] = []
    for j, article in enumerate(new):
        if j not in pairs:
            changes.append(ArticleChange("added", None, article))
            continue
        i, score = pairs[j]
        previous = old[i]
        if previous.number != article.number:
            status = "renumbered"
        elif previous.text == article.text:
            status = "unchanged"
        else:
            status = "changed"
        words = word_diff(previous.text, article.text) if previous.text != article.text else []
        changes.append(ArticleChange(status, previous, article, score, words))
    for i, previous in enumerate(old):
        if i not in used_old:
            changes.append(ArticleChange("removed", previous, None))
    return changes


def align_languages(
    first: list[ArticleView], second: list[ArticleView]
) -> list[tuple[str | None, str | None]]:
    """Pairs of article ids of two language versions: same number first, then the same position."""
    second_by_number = {a.number: a for a in second}
    pairs: list[tuple[str | None, str | None]] = []
    used: set[str] = set()
    unmatched: list[ArticleView] = []
    for article in first:
        other = second_by_number.get(article.number)
        if other is not None and other.id not in used:
            pairs.append((article.id, other.id))
            used.add(other.id)
        else:
            unmatched.append(article)
    rest = [a for a in second if a.id not in used]
    for article, other in zip(unmatched, rest, strict=False):
        pairs.append((article.id, other.id))
        used.add(other.id)
    for article in unmatched[len(rest) :]:
        pairs.append((article.id, None))
    for other in second:
        if other.id not in used:
            pairs.append((None, other.id))
    return pairs
