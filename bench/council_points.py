"""How far the taxonomy's terms reach past the wordings they were written for: the share of council-decision
points of one field each (own wording, tests/data/) tagged with that field, per language. The tuned sets
are council_points.yaml (tests/test_nlp.py asserts every point of it), council_points_2.yaml and
council_points_3.yaml (written as never-tuned sets in sessions 18 and 19, tuned on since), and
council_points_4.yaml and field_norms_4.yaml … field_norms_8.yaml (session 22), council_points_5.yaml,
council_points_6.yaml, field_norms_9.yaml and field_norms_10.yaml (session 23): written, measured, then tuned
on; each file's head gives its figures before tuning;
council_points_unseen.yaml was written before any change of session 19 and council_points_unseen_2.yaml in
session 20, between its two taxonomy changes, and field_norms_unseen.yaml (norms of laws) later in session 20;
these are never tuned on, so ``--misses`` lists the tuned sets' misses only. Needs no ../shared.

Usage: .venv/bin/python -m bench.council_points [--misses]
"""

from __future__ import annotations

import sys
from typing import Any

import yaml

from bench.common import ROOT
from nlp.tagger_service import tag_units

SETS = {
    "tuned": "council_points.yaml",
    "tuned2": "council_points_2.yaml",
    "tuned3": "council_points_3.yaml",
    "tuned4": "council_points_4.yaml",
    "unseen": "council_points_unseen.yaml",
    "unseen2": "council_points_unseen_2.yaml",
    "norms2": "field_norms_2.yaml",  # norms of laws: tagged as a law's articles
    "norms3": "field_norms_3.yaml",
    "norms4": "field_norms_4.yaml",
    "norms5": "field_norms_5.yaml",
    "norms6": "field_norms_6.yaml",
    "norms7": "field_norms_7.yaml",
    "norms8": "field_norms_8.yaml",
    "tuned5": "council_points_5.yaml",  # session 23: written, measured, then tuned on
    "tuned6": "council_points_6.yaml",
    "norms9": "field_norms_9.yaml",
    "norms10": "field_norms_10.yaml",
    "norms_unseen": "field_norms_unseen.yaml",  # never tuned on (session 20)
}


def found(points: list[list[str]], lang: str, local: bool = True) -> list[tuple[str, str, list[str]]]:
    """(field, text, fields found) for each point of a council's own act (``local``) or norm of a law; a
    point's third item, where it has one, says why it is left out of the test."""
    units = [("", f"1. {point[1]}" if local else point[1]) for point in points]
    tags = tag_units(units, lang, local_act=local)
    pairs = zip(points, tags, strict=True)
    return [(point[0], point[1], [c.id for c in t.competences]) for point, t in pairs]


def main() -> dict[str, float]:
    figures: dict[str, float] = {}
    for name, file in SETS.items():
        spec: dict[str, Any] = yaml.safe_load((ROOT / "tests" / "data" / file).read_text(encoding="utf-8"))
        for lang in ("ky", "ru"):
            rows = found(spec[lang], lang, local=not name.startswith("norms"))
            share = sum(field in got for field, _, got in rows) / len(rows)
            figures[f"{name}_{lang}"] = share
            print(f"{name:12} {lang} n={len(rows):2} | field found {share:.3f}")
            if "--misses" in sys.argv and "unseen" not in name:
                for field, text, got in rows:
                    if field not in got:
                        print(f"    want {field}, got {got}: {text}")
    return figures


if __name__ == "__main__":
    main()
