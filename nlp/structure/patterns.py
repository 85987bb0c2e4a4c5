"""Unit patterns loaded from data/units.yaml, and the normalisation of unit numbers into id parts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "units.yaml"
SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
SUPERSCRIPT_NUMBER = re.compile(r"(\d)([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")


@dataclass(frozen=True)
class Match:
    kind: str
    number: str
    rest: str


@lru_cache(maxsize=1)
def load_patterns() -> dict[str, tuple[str, tuple[re.Pattern[str], ...]]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return {kind: (spec["id"], tuple(re.compile(p) for p in spec["patterns"])) for kind, spec in data.items()}


def id_prefix(kind: str) -> str:
    return load_patterns()[kind][0]


ORDINALS = {
    "БИРИНЧИ": "1",
    "ЭКИНЧИ": "2",
    "ҮЧҮНЧҮ": "3",
    "ТӨРТҮНЧҮ": "4",
    "БЕШИНЧИ": "5",
    "АЛТЫНЧЫ": "6",
    "ЖЕТИНЧИ": "7",
    "СЕГИЗИНЧИ": "8",
    "ТОГУЗУНЧУ": "9",
    "ОНУНЧУ": "10",
}


def normalise_number(number: str) -> str:
    """'12 – 1' -> '12-1', '131¹' -> '131-1', Cyrillic З for 3 in section numbers, points '1.2' -> '1-2'."""
    if number.strip().upper() in ORDINALS:
        return ORDINALS[number.strip().upper()]
    number = SUPERSCRIPT_NUMBER.sub(lambda m: f"{m.group(1)}-{m.group(2).translate(SUPERSCRIPTS)}", number)
    number = re.sub(r"\s*[-–]\s*", "-", number.strip()).replace(".", "-").replace("З", "3")
    return number


def classify(line: str, kinds: tuple[str, ...]) -> Match | None:
    stripped = SUPERSCRIPT_NUMBER.sub(
        lambda m: f"{m.group(1)}-{m.group(2).translate(SUPERSCRIPTS)}", line.strip()
    )
    if not stripped:
        return None
    patterns = load_patterns()
    for kind in kinds:
        for pattern in patterns[kind][1]:
            found = pattern.match(stripped)
            if found:
                groups = found.groupdict()
                rest = groups.get("heading") or groups.get("text") or ""
                return Match(kind=kind, number=normalise_number(groups["num"]), rest=rest.strip())
    return None
