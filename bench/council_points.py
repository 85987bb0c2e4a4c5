"""How far the taxonomy's terms reach past the wordings they were written for: the share of council-decision
points of one field each (own wording, tests/data/) tagged with that field, per language. Two sets:
council_points.yaml, which the taxonomy was extended on (tests/test_nlp.py asserts every point of it), and
council_points_unseen.yaml, written at the same time and never tuned on. Needs no ../shared.

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
    "unseen": "council_points_unseen.yaml",
    "unseen2": "council_points_unseen_2.yaml",
}


def found(points: list[list[str]], lang: str, local: bool = True) -> list[tuple[str, str, list[str]]]:
    """(field, text, fields found) for each point of a council's own act (``local``) or norm of a law."""
    units = [("", f"1. {text}" if local else text) for _, text in points]
    tags = tag_units(units, lang, local_act=local)
    pairs = zip(points, tags, strict=True)
    return [(field, text, [c.id for c in t.competences]) for (field, text), t in pairs]


def main() -> dict[str, float]:
    figures: dict[str, float] = {}
    for name, file in SETS.items():
        spec: dict[str, Any] = yaml.safe_load((ROOT / "tests" / "data" / file).read_text(encoding="utf-8"))
        for lang in ("ky", "ru"):
            rows = found(spec[lang], lang)
            share = sum(field in got for field, _, got in rows) / len(rows)
            figures[f"{name}_{lang}"] = share
            print(f"{name:7} {lang} n={len(rows):2} | field found {share:.3f}")
            if "--misses" in sys.argv:
                for field, text, got in rows:
                    if field not in got:
                        print(f"    want {field}, got {got}: {text}")
    return figures


if __name__ == "__main__":
    main()
