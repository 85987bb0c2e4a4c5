"""Which side of a reconciliation an organisation speaks for, from ``data/organisations.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data" / "organisations.yaml"


@dataclass(frozen=True)
class Organisation:
    code: str | None  # a known code (lsg-union, minfin...) or None for free text
    side: str  # lsg | government | parliament | other
    names: dict[str, str]  # display name per language

    def name(self, language: str) -> str:
        return self.names.get(language) or next(iter(self.names.values()))


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (side, re.compile(pattern, re.I))
        for side, patterns in _data()["patterns"].items()
        for pattern in patterns
    ]


def resolve(org: str) -> Organisation:
    """A known code gives its names and side; free text keeps its own name and gets a side by pattern."""
    text = org.strip()
    known = _data()["organisations"].get(text.lower())
    if known is not None:
        return Organisation(text.lower(), known["side"], {"ky": known["ky"], "ru": known["ru"]})
    for side, pattern in _patterns():
        if pattern.search(text):
            return Organisation(None, side, {"ky": text, "ru": text})
    return Organisation(None, "other", {"ky": text, "ru": text})


def known_codes() -> list[str]:
    return list(_data()["organisations"])
