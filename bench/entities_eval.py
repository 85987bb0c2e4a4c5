"""How well Kenesh finds places and organisations: hand-labelled units (tests/data/labelled_entities.yaml;
development units of ../shared's set, and held-aside points of Osh council decisions) against
nlp.entities on the same texts, read and repaired as the product reads them.

A place counts when its kind and its name in the nominative are right; an organisation when its kind
is. Prints precision, recall and F1 of each. Run: ``python -m bench.entities_eval [-v]``.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

import yaml

from bench.common import ROOT, Counts, need_shared
from bench.nlp_eval import corpus_text, held_aside, repaired, rows
from nlp.entities import find_entities
from nlp.structure import parse_act

LABELS = ROOT / "tests" / "data" / "labelled_entities.yaml"
PARTS = ("development", "held_aside")  # the second never tuned on: its errors are not printed


class Score(Counts):
    def add(self, gold: Counter[Any], found: Counter[Any]) -> None:
        self.gold += sum(gold.values())
        self.found += sum(found.values())
        self.right += sum((gold & found).values())


def labelled_units(part: str) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(unit name, language, repaired text, labels) of the development or the held-aside part."""
    spec: dict[str, Any] = yaml.safe_load(LABELS.read_text(encoding="utf-8"))[part]
    if part == "development":
        texts = {r["id"]: r for r in rows() if r["id"] in spec and not held_aside(r)}
        return [
            (unit, texts[unit]["lang"], repaired(texts[unit]["text"]), label) for unit, label in spec.items()
        ]
    out = []
    for source, units in spec.items():
        text, language = corpus_text(str(need_shared() / "corpus" / "github" / source))
        by_id = {u.id: u for u in parse_act(text, language or "ky").articles}
        out += [(f"{source}#{uid}", language or "ky", by_id[uid].text, label) for uid, label in units.items()]
    return out


def evaluate(part: str, verbose: bool = False) -> tuple[Score, Score]:
    places, organisations = Score(), Score()
    for unit, language, text, label in labelled_units(part):
        found = find_entities(text, language)
        gold_places = Counter(tuple(p) for p in label["places"])
        found_places = Counter((e["kind"], e["name"]) for e in found if e["label"] == "PLACE")
        gold_orgs = Counter(label["organisations"])
        found_orgs = Counter(e["kind"] for e in found if e["label"] == "ORG")
        places.add(gold_places, found_places)
        organisations.add(gold_orgs, found_orgs)
        if verbose and (gold_places != found_places or gold_orgs != found_orgs):
            print(f"  {unit}: places {dict(gold_places)} / {dict(found_places)}")
            print(f"  {' ' * len(unit)}  organisations {dict(gold_orgs)} / {dict(found_orgs)}")
    return places, organisations


def main() -> dict[str, tuple[Score, Score]]:
    out = {}
    for part in PARTS:
        places, organisations = evaluate(part, verbose="-v" in sys.argv and part == "development")
        print(places.line(f"{part:12} places"))
        print(organisations.line(f"{part:12} organisations"))
        out[part] = (places, organisations)
    return out


if __name__ == "__main__":
    main()
