"""The operative part of a decision with no numbered point: what follows its resolving formula."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "operative.yaml"


def _spaced(formula: str) -> str:
    """A formula whose letters may also be set apart by single spaces, as councils print it."""
    return r"\s+".join(r"\s?".join(re.escape(ch) for ch in word) for word in formula.split())


@lru_cache(maxsize=1)
def _formula() -> re.Pattern[str]:
    formulas = yaml.safe_load(DATA.read_text(encoding="utf-8"))["formulas"]
    alternatives = "|".join(f"(?:{_spaced(f)})" for f in formulas)
    return re.compile(rf"(?:^|\s)(?:{alternatives})\s*:", re.I)


def operative_part(text: str) -> str | None:
    """The text after the last resolving formula («ТОКТОМ КЫЛАТ:», «решил:»), or None when there is none
    or nothing follows it. The signature below is left in: tagging sets signature blocks aside."""
    matches = list(_formula().finditer(text))
    if not matches:
        return None
    rest = text[matches[-1].end() :].strip()
    return rest or None
