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
    return {
        kind: (
            spec["id"],
            tuple(re.compile(p.replace("{ru_ordinal}", RU_ORDINAL_WORDS)) for p in spec["patterns"]),
        )
        for kind, spec in data.items()
    }


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


# Russian ordinal words by stem («вторая», «второй»), and the tens that precede a unit («двадцать первая»)
RU_ORDINAL_STEMS = {
    stem: n
    for n, stems in enumerate(
        [
            (),
            ("перв",),
            ("втор",),
            ("трет",),
            ("четверт", "четвёрт"),
            ("пят",),
            ("шест",),
            ("седьм",),
            ("восьм",),
            ("девят",),
            ("десят",),
            ("одиннадцат",),
            ("двенадцат",),
            ("тринадцат",),
            ("четырнадцат",),
            ("пятнадцат",),
            ("шестнадцат",),
            ("семнадцат",),
            ("восемнадцат",),
            ("девятнадцат",),
        ]
    )
    for stem in stems
} | {"двадцат": 20, "тридцат": 30, "сороков": 40, "пятидесят": 50}
# the words of a Russian ordinal as a pattern: units/patterns in units.yaml write «{ru_ordinal}» for it
RU_ORDINAL_WORDS = (
    r"(?:(?:двадцать|тридцать|сорок|пятьдесят)\s+)?(?:"
    + "|".join(sorted(RU_ORDINAL_STEMS, key=len, reverse=True))
    + r")(?:ая|ья|ый|ой|ий)(?:-\d+)?"
)
ROMAN_TYPED = re.compile(r"[IVXLCХ][IVXLCХ1]*")  # starts with a letter: «12» stays a number
RU_TENS = {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50}
RU_ORDINAL = re.compile(r"^(?:(\w+)\s+)?(\w+?)(?:ая|ья|ый|ой|ий)(-\d+)?$", re.I)


def ru_ordinal(words: str) -> str | None:
    """«двадцать первая» -> '21', «четырнадцатая-1» -> '14-1'; None for anything else."""
    found = RU_ORDINAL.match(words.strip().lower())
    if not found or found.group(2) not in RU_ORDINAL_STEMS:
        return None
    tens = RU_TENS.get(found.group(1) or "", 0) if found.group(1) else 0
    if found.group(1) and not tens:
        return None
    return f"{tens + RU_ORDINAL_STEMS[found.group(2)]}{found.group(3) or ''}"


def normalise_number(number: str) -> str:
    """'12 – 1' -> '12-1', '131¹' -> '131-1', Cyrillic З for 3 in section numbers, points '1.2' -> '1-2',
    ordinal words ('ЭКИНЧИ', 'двадцать первая') -> their number."""
    if number.strip().upper() in ORDINALS:
        return ORDINALS[number.strip().upper()]
    if (ordinal := ru_ordinal(number)) is not None:
        return ordinal
    roman = number.strip()
    if ROMAN_TYPED.fullmatch(roman) and ("Х" in roman or "1" in roman):  # a Cyrillic «Х», a digit «1» for «I»
        return roman.replace("Х", "X").replace("1", "I")
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
                number = groups["num"] or "1"  # an unnumbered annex is the first
                return Match(kind=kind, number=normalise_number(number), rest=rest.strip())
    return None
