"""Precision as well as recall on whole units of own wording: articles of laws and council points, each
labelled with lsg, budget and every field it touches (tests/data/field_articles*.yaml). The council-point
sets ask only that a point's one field be found, so a field too many costs nothing there; here it counts
against, as it does on the labelled corpus. field_articles_unseen.yaml was written and labelled in session
24 before the tagger ran on it and is never tuned on, so ``--misses`` lists the tuned set's misses only
(those ``left_out`` marks among them: units the tagger does not get right yet, which the tests skip).
Needs no ../shared.

Usage: .venv/bin/python -m bench.field_articles [--misses]
"""

from __future__ import annotations

import sys
from typing import Any

import yaml

from bench.common import ROOT
from bench.nlp_eval import predict, report

SETS = {
    "articles": "field_articles.yaml",  # written, measured, then tuned on
    "articles2": "field_articles_2.yaml",
    "articles3": "field_articles_3.yaml",
    "articles4": "field_articles_4.yaml",
    "articles5": "field_articles_5.yaml",
    "articles6": "field_articles_6.yaml",
    "articles7": "field_articles_7.yaml",
    "articles8": "field_articles_8.yaml",
    "articles9": "field_articles_9.yaml",
    "articles10": "field_articles_10.yaml",
    "articles11": "field_articles_11.yaml",
    "articles12": "field_articles_12.yaml",
    "unseen": "field_articles_unseen.yaml",  # never tuned on
}


def units(file: str) -> list[dict[str, Any]]:
    """The set's units as labelled rows of the development set's shape, so they are tagged and scored as
    those are (``bench.nlp_eval.predict``/``report``)."""
    path = ROOT / "tests" / "data" / file
    spec: dict[str, list[dict[str, Any]]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = []
    for lang, items in spec.items():
        for n, item in enumerate(items, 1):
            local = bool(item.get("local"))
            text = item["text"].strip()
            rows.append(
                {
                    "id": f"{file}-{lang}-{n}",
                    "lang": lang,
                    "heading": item["heading"],
                    "text": f"{item['heading']} {text}" if local else text,
                    "heading_in_text": local,
                    "doc_type": "local_decision" if local else "law",
                    "lsg": item["lsg"],
                    "budget": item["budget"],
                    "competences": item["competences"],
                    "left_out": item.get("left_out", ""),
                }
            )
    return rows


TUNED = [name for name in SETS if name != "unseen"]


def mislabelled(rows: list[dict[str, Any]], tags: list[Any]) -> list[tuple[dict[str, Any], tuple[Any, ...]]]:
    """The units whose tags differ from their labels, each with what it got (lsg, budget, sorted fields)."""
    out = []
    for row, tag in zip(rows, tags, strict=True):
        got = (tag.lsg_relevant, tag.local_budget, sorted(c.id for c in tag.competences))
        if got != (row["lsg"], row["budget"], sorted(row["competences"])):
            out.append((row, got))
    return out


def score(name: str, misses: bool = False) -> dict[str, float]:
    """One set's figures, keyed ``{name}_{lang}_{figure}``; ``misses`` prints its mislabelled units."""
    rows = units(SETS[name])
    tags = predict(rows)
    figures = {f"{name}_{key}": value for key, value in report(name, rows, tags, show_errors=False).items()}
    for row, got in mislabelled(rows, tags) if misses else []:
        want = (row["lsg"], row["budget"], sorted(row["competences"]))
        print(f"    {row['id']}: want {want}, got {got}: {row['text'][:100]!r}")
    return figures


def main() -> dict[str, float]:
    figures: dict[str, float] = {}
    for name in SETS:
        figures |= score(name, misses="--misses" in sys.argv and name != "unseen")
    return figures


if __name__ == "__main__":
    main()
