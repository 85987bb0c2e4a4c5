"""Kyrgyz and Russian texts of the same codes tagged side by side: the share of articles on which the two
pipelines agree ("touches LSG", "affects local budgets", the first competence). No labels are needed:
where the two languages disagree on the same norm, one of them is wrong, so this measures how well the
rules generalise across languages on thousands of articles nobody labelled.

Articles are paired by number; a pair is left out when either side is repealed (the two files are
different editions) or when the article is a held-aside or never-tuned unit of the labelled sets (so that
fixing a disagreement never tunes on those).

Usage: .venv/bin/python -m bench.parallel_agreement [--disagreements]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from bench.common import ROOT, need_shared
from bench.nlp_eval import corpus_text, held_aside, rows

PAIRS = [  # (Kyrgyz file, Russian file) in ../shared/corpus/github
    ("ky_tax_code_2022.docx", "ru_tax_code_2022.txt"),
    ("ky_labour_code_2004_mhtml.doc", "ru_labour_code_2004.txt"),
    ("ky_land_code_1999.docx", "ru_land_code_1999.txt"),
]
ARTICLE_NUMBER = re.compile(r"(?:Статья\s+(\d+(?:-\d+)*))|(?:(\d+(?:-\d+)*)\s*-\s*(?:берене|статья))", re.I)


@dataclass
class Agreement:
    pairs: int
    lsg: float
    budget: float
    first_competence: float
    disagreements: list[tuple[str, str, Any, Any]]


def _untouchable() -> dict[str, set[str]]:
    """Article numbers, per file, of the units no rule may be tuned on."""
    out: dict[str, set[str]] = {}
    for row in rows():
        if held_aside(row) and row.get("url", "").startswith("corpus/github/"):
            match = ARTICLE_NUMBER.search(row["heading"])
            if match:
                out.setdefault(row["url"].rsplit("/", 1)[1], set()).add(match.group(1) or match.group(2))
    for name in ("labelled_refs.yaml", "labelled_refs_2.yaml"):
        for source in yaml.safe_load((ROOT / "tests" / "data" / name).read_text(encoding="utf-8")):
            file = source["source"].rsplit("/", 1)[1]
            out.setdefault(file, set()).update(str(unit) for unit in source["units"])
    return out


@cache
def _tagged(file: str) -> dict[str, Any]:
    from nlp.tagger_service import tag_act

    text, language = corpus_text(str(need_shared() / "corpus" / "github" / file))
    return {a["number"]: a for a in tag_act(text, language)["articles"]}


def agreement(ky_file: str, ru_file: str) -> Agreement:
    ky, ru = _tagged(ky_file), _tagged(ru_file)
    skip = _untouchable()
    numbers = [
        n
        for n in ky
        if n in ru
        and n not in skip.get(ky_file, set()) | skip.get(ru_file, set())
        and not ky[n]["reason"].startswith("repealed")
        and not ru[n]["reason"].startswith("repealed")
    ]
    if not numbers:
        return Agreement(0, 1.0, 1.0, 1.0, [])
    out: list[tuple[str, str, Any, Any]] = []
    agree = {"lsg": 0, "budget": 0, "first": 0}
    for n in numbers:
        a, b = ky[n], ru[n]
        first_a = a["competences"][0]["id"] if a["competences"] else None
        first_b = b["competences"][0]["id"] if b["competences"] else None
        for key, x, y in (
            ("lsg", a["lsg_relevant"], b["lsg_relevant"]),
            ("budget", a["local_budget"], b["local_budget"]),
            ("first", first_a, first_b),
        ):
            if x == y:
                agree[key] += 1
            else:
                out.append((n, key, (x, a["reason"][:100]), (y, b["reason"][:100])))
    total = len(numbers)
    return Agreement(total, agree["lsg"] / total, agree["budget"] / total, agree["first"] / total, out)


def main() -> None:
    for ky_file, ru_file in PAIRS:
        result = agreement(ky_file, ru_file)
        print(
            f"{ky_file} / {ru_file}: {result.pairs} article pairs | agree on LSG {result.lsg:.3f}, "
            f"on local budget {result.budget:.3f}, on the first competence {result.first_competence:.3f}"
        )
        if "--disagreements" in sys.argv:
            for number, key, ky_side, ru_side in result.disagreements:
                print(f"  {number:6} {key:6} ky={ky_side} | ru={ru_side}")


if __name__ == "__main__":
    main()
