"""Articles of key acts whose change touches LSG or local budgets by what they are, not by the words an
amendment writes (nlp/data/key_acts.yaml): an amendment of the Tax Code's article 379 changes the property
tax's rate though it only swaps «0,8 пайыз» for «1 пайыз»."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.lexicons import load_data

UNIT = re.compile(r"^art_((\d+)(?:-\d+)?)(?:__part_(\d+))?")


@dataclass(frozen=True)
class KeyArticle:
    act: str
    article: str
    about: str
    competences: tuple[str, ...]
    budget: str | None  # the local-budget flow a change of it makes (budget.yaml kinds)


@dataclass(frozen=True)
class _Entry:
    act: str
    titles: re.Pattern[str]
    first: int
    last: int
    exact: str | None  # an inserted article named alone («16-1»): only it, not article 16
    parts: frozenset[str]
    about: str
    competences: tuple[str, ...]
    budget: str | None


@lru_cache(maxsize=2)
def _entries(language: str) -> tuple[_Entry, ...]:
    out = []
    for act in load_data("key_acts.yaml")["acts"]:
        titles = act["titles"].get(language)
        if not titles:
            continue
        pattern = re.compile("|".join(titles), re.I)
        for article in act["articles"]:
            for numbers in article["numbers"]:
                first, _, last = str(numbers).partition("..")
                exact = first if "-" in first else None
                base = int(first.split("-")[0])
                out.append(
                    _Entry(
                        act["name"],
                        pattern,
                        base,
                        int(last or base),
                        exact,
                        frozenset(str(p) for p in article.get("parts", [])),
                        article["about"],
                        tuple(article.get("competences", [])),
                        article.get("budget"),
                    )
                )
    return tuple(out)


def key_article(target_act: str, target_unit: str, language: str) -> KeyArticle | None:
    """The key article an amendment changes: the amended act named by ``target_act`` (its title as the
    amending act words it) and the unit ``target_unit`` («art_379__part_1»). A change of the whole article
    counts whatever parts the entry names; a change of a part counts only for a part it names."""
    unit = UNIT.match(target_unit or "")
    if unit is None or not target_act:
        return None
    article, number, part = unit.group(1), int(unit.group(2)), unit.group(3)
    for entry in _entries(language):
        within = article == entry.exact if entry.exact else entry.first <= number <= entry.last
        if not within or not entry.titles.search(target_act):
            continue
        if entry.parts and part is not None and part not in entry.parts:
            continue
        return KeyArticle(entry.act, article, entry.about, entry.competences, entry.budget)
    return None
