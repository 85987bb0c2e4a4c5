"""How well Kenesh reads sums of money: the amounts of hand-labelled units (tests/data/labelled_amounts.yaml)
against those nlp.amounts finds in the same units, read through ingest and structure as the product
reads them.

Prints precision, recall and F1 of amounts (value and currency), and the share of the amounts found
whose period (a year, years, or a recurrence) is right. Run: ``python -m bench.amounts_eval [-v]``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

import yaml

from bench.common import ROOT, Counts, need_shared
from bench.nlp_eval import corpus_text, held_aside, rows
from nlp.amounts import amounts_in
from nlp.structure import parse_act

LABELS = ROOT / "tests" / "data" / "labelled_amounts.yaml"
Amount = tuple[float, str, str | None]


@dataclass
class Figures(Counts):
    units: int = 0
    period_right: int = 0  # of the amounts found right, those whose period is right too

    @property
    def period_accuracy(self) -> float:
        return self.period_right / self.right if self.right else 0.0


def labelled_units() -> list[tuple[str, str, list[Amount]]]:
    """(unit name, its text, its labelled amounts), texts read in place from ../shared."""
    shared = need_shared()
    spec: list[dict[str, Any]] = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    dev = {r["id"]: r for r in rows() if not held_aside(r)}
    out = []
    for source in spec:
        if source["source"] == "dev_articles.jsonl":
            texts = {name: dev[name]["text"] for name in source["units"]}
        else:
            text, language = corpus_text(str(shared / "corpus" / source["source"]))
            units = {u.id: u.text for u in parse_act(text, language or "ky").articles}
            texts = {name: units[name] for name in source["units"]}
        for name, amounts in source["units"].items():
            label = [(float(v), str(c), None if p is None else str(p)) for v, c, p in amounts]
            out.append((f"{source['source']}#{name}", texts[name], label))
    return out


def _match(gold: list[Amount], found: list[Amount]) -> list[tuple[Amount, Amount]]:
    """Pairs of a labelled and a found amount of the same value and currency, in reading order."""
    pairs, free = [], list(found)
    for g in gold:
        same = next((f for f in free if abs(f[0] - g[0]) < 0.005 and f[1] == g[1]), None)
        if same is not None:
            free.remove(same)
            pairs.append((g, same))
    return pairs


def evaluate(verbose: bool = False) -> Figures:
    figures = Figures()
    for name, text, gold in labelled_units():
        found = [(a["value"], a["currency"], a["period"]) for a in amounts_in(text)]
        pairs = _match(gold, found)
        figures.units += 1
        figures.gold += len(gold)
        figures.found += len(found)
        figures.right += len(pairs)
        figures.period_right += sum(g[2] == f[2] for g, f in pairs)
        wrong_period = any(g[2] != f[2] for g, f in pairs)
        if verbose and (len(pairs) != len(gold) or len(found) != len(gold) or wrong_period):
            print(f"  {name}\n    labelled {gold}\n    found    {found}")
    return figures


def main() -> Figures:
    figures = evaluate(verbose="-v" in sys.argv)
    print(
        figures.line(f"amounts ({figures.units} units)")
        + f" | period right {figures.period_right}/{figures.right} = {figures.period_accuracy:.3f}"
    )
    return figures


if __name__ == "__main__":
    main()
