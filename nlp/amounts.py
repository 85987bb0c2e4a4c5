"""Money amounts with their currency and period, from the words of a text (nlp/data/amounts.yaml).

Council decisions write amounts in thousands («350,0 миң сом», «6292,0 мин сом»), laws in words as
well as figures («150 000 (жүз элүү миң) сом»), som with tyiyn («100 сом 50 тыйын», «90-00 сом»), and
fines in calculation indexes («10 расчетных показателей»); each comes out as one value in its unit.

An amount's period is the year that governs it: the nearest one before it in its sentence («2015-жылга
… 930 663,3 миң сом, 2016-жылга болжолу 1 018 139,0 миң сом»), else the nearest after it («300 тыс.
сомов … в 2025 году»); a year that is part of a date or of a cited act's date («2015-жылдын
20-декабрына чейин», «2014-жылдын № 205-токтому») is no period. A word of recurrence beside the amount
(«айына», «ежегодно») says more than a year and wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data" / "amounts.yaml"
CONTEXT = 60  # characters after an amount searched for its period
BACK = 300  # characters before it, within its sentence
MONTHS = r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"  # ky and ru
YEAR = re.compile(
    r"(?<![\d.])(?P<year>\d{4}(?:\s*[-–]\s*\d{4})?)\s*[-–]?\s*(?:жыл\w*|ж\.|год\w*|г\.)"
    # a date: the day and month after the year («2015-жылдын 20-декабрына»), a cited act's number
    r"(?P<date>\s*\d{1,2}\s*-?\s*" + MONTHS + r"|\s*№)?",
    re.I,
)
DAY_MONTH_BEFORE = re.compile(r"\d{1,2}\s+" + MONTHS + r"\s*$", re.I)  # «от 2 июня 1999 года»
SENTENCE_END = re.compile(r"[.!?](?:\s*\n|\s+(?=[А-ЯЁӨҮҢA-Z«\"]))")
NUMBER = r"\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


@dataclass(frozen=True)
class Unit:
    pattern: re.Pattern[str]
    currency: str
    worth: float


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return spec


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _unit_regex(stem: str) -> str:
    return re.escape(stem).replace(r"\*", r"\w*").replace(r"\ ", r"\s+")


@lru_cache(maxsize=1)
def _units() -> list[Unit]:
    """Longest stem first, so «тыйын» is not read as another unit's beginning."""
    return [
        Unit(re.compile(_unit_regex(stem), re.I), spec["currency"], float(spec["worth"]))
        for stem, spec in sorted(_spec()["units"].items(), key=lambda kv: -len(kv[0]))
    ]


@lru_cache(maxsize=1)
def _amount() -> re.Pattern[str]:
    spec = _spec()
    units = "|".join(_unit_regex(stem) for stem in sorted(spec["units"], key=len, reverse=True))
    return re.compile(
        # som and tyiyn joined by a hyphen («90-00 сом»), or one number
        rf"(?<![\d.,])(?:(?P<whole>\d+)-(?P<cents>\d{{2}})(?=\s*сом)|(?P<value>{NUMBER}))\s*"
        rf"(?:(?P<scale>{_alternation(list(spec['scales']))})\.?\s*)?"
        r"(?:\([^()\d]{1,80}\)\s*)?"  # the amount in words, in brackets
        rf"(?P<unit>(?:{units})\w{{0,4}})(?!\w)",
        re.I,
    )


@lru_cache(maxsize=1)
def _recurrence() -> re.Pattern[str]:
    periods: dict[str, list[str]] = _spec()["periods"]
    groups = [rf"(?P<{name}>(?<![\w-])(?:{_alternation(words)})(?!\w))" for name, words in periods.items()]
    return re.compile("|".join(groups), re.I)


def _unit(written: str) -> Unit:
    return next(u for u in _units() if u.pattern.match(written))


def _years(text: str) -> list[tuple[int, int, str]]:
    """(start, end, year or range) of each year that can be a period: not a date's, not a cited act's."""
    out = []
    for match in YEAR.finditer(text):
        if match.group("date") or DAY_MONTH_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue
        out.append((match.start(), match.end(), re.sub(r"\s*[-–]\s*", "-", match.group("year"))))
    return out


def _sentence_start(text: str, at: int) -> int:
    floor = max(0, at - BACK)
    ends = [m.end() for m in SENTENCE_END.finditer(text, floor, at)]
    return ends[-1] if ends else floor


def _sentence_end(text: str, at: int) -> int:
    found = SENTENCE_END.search(text, at, min(len(text), at + CONTEXT))
    return found.start() if found else min(len(text), at + CONTEXT)


def _period(
    text: str, span: tuple[int, int], years: list[tuple[int, int, str]], previous_end: int, next_start: int
) -> str | None:
    start, end = span
    sentence_start = _sentence_start(text, start)
    # a word of recurrence in the amount's own clause: no comma, semicolon or year between them
    lo, hi = max(previous_end, start - CONTEXT, sentence_start), min(next_start, end + CONTEXT)
    near = [
        (m.start() - end if m.start() >= end else start - m.end(), m)
        for m in _recurrence().finditer(text, lo, hi)
        if not _clause_break(text[m.end() : start] if m.end() <= start else text[end : m.start()])
    ]
    if near:
        closest = min(near, key=lambda d_m: d_m[0])[1]
        return next(k for k, v in closest.groupdict().items() if v)
    before = [y for y in years if sentence_start <= y[0] and y[1] <= start]
    if before:
        return before[-1][2]
    stop = min(next_start, _sentence_end(text, end))
    after = [y for y in years if end <= y[0] and y[1] <= stop]
    return after[0][2] if after else None


def _clause_break(between: str) -> bool:
    return bool(re.search(r"[,;:]", between) or YEAR.search(between))


def amount_spans(text: str) -> list[tuple[int, int]]:
    """Where each sum of money in som is written (character spans), for a detector that needs its place."""
    return [m.span() for m in _amount().finditer(text) if _unit(m.group("unit")).currency == "KGS"]


def amounts_in(text: str) -> list[dict[str, Any]]:
    """Each amount: value in its unit, currency (KGS, USD, EUR, RUB, or calc_index: a count of
    calculation indexes), period (a year such as "2025", two such as "2024-2025", per_year, per_month,
    per_day, once, or None), the text it was read from and where (start, end)."""
    matches = list(_amount().finditer(text))
    years = _years(text)
    scales: dict[str, float] = {k.lower(): float(v) for k, v in _spec()["scales"].items()}
    out: list[dict[str, Any]] = []
    for n, match in enumerate(matches):
        if match.group("whole"):
            value = int(match.group("whole")) + int(match.group("cents")) / 100
        else:
            raw = match.group("value").replace(" ", "").replace("\u00a0", "").replace(",", ".")
            try:
                value = float(raw)
            except ValueError:
                continue
        value *= scales.get((match.group("scale") or "").lower(), 1.0)
        unit = _unit(match.group("unit"))
        value *= unit.worth
        joined = out and out[-1]["_worth"] == 1 and out[-1]["currency"] == unit.currency
        if unit.worth < 1 and joined and text[out[-1]["end"] : match.start()].strip() == "":
            out[-1]["value"] = round(out[-1]["value"] + value, 2)  # «100 сом 50 тыйын»
            out[-1]["text"] = text[out[-1]["start"] : match.end()]
            out[-1]["end"] = match.end()
            continue
        previous_end = matches[n - 1].end() if n else 0
        next_start = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        out.append(
            {
                "value": round(value, 2),
                "currency": unit.currency,
                "period": _period(text, match.span(), years, previous_end, next_start),
                "text": match.group(),
                "start": match.start(),
                "end": match.end(),
                "_worth": unit.worth,
            }
        )
    out += _table_amounts(text, scales, years)
    return [{k: v for k, v in a.items() if not k.startswith("_")} for a in out]


@lru_cache(maxsize=1)
def _unit_line() -> re.Pattern[str]:
    """A line that only names the unit of the table below it: «(миң сом)», «тыс. сом»."""
    spec = _spec()
    return re.compile(
        rf"^[ \t(]*(?:(?P<scale>{_alternation(list(spec['scales']))})\.?\s*)?"
        r"(?P<unit>сом|тыйын)[ \t.)]*$",
        re.I | re.M,
    )


CELL_NUMBER = re.compile(rf"^-?(?:{NUMBER})$")
ROW_NUMBER = re.compile(rf"(?P<value>-?(?:{NUMBER}))[ \t|]*$")
TABLE_ROWS = 500  # rows read under one unit line
ROW_CHARS = 200  # a longer line is prose, not a table row


def _table_amounts(
    text: str, scales: dict[str, float], years: list[tuple[int, int, str]]
) -> list[dict[str, Any]]:
    """Budget annexes give the unit once, above the table («(миң сом)»), and then one line per budget
    line with its amount last («Мүлк салыгы 1250.5», «Мүлк салыгы | 1250,5»): each such row is an
    amount in that unit, its label kept as the text, its period the year named last above the table."""
    out: list[dict[str, Any]] = []
    headers = list(_unit_line().finditer(text))
    for n, header in enumerate(headers):
        worth = scales.get((header.group("scale") or "").lower(), 1.0) * _unit(header.group("unit")).worth
        end = headers[n + 1].start() if n + 1 < len(headers) else len(text)
        above = [y for y in years if header.start() - 4 * CONTEXT <= y[0] and y[1] <= header.start()]
        period = above[-1][2] if above else None
        at = header.end()
        for line in text[header.end() : end].splitlines(keepends=True)[:TABLE_ROWS]:
            found_row = _row(line)
            if found_row is not None:
                _label, raw = found_row
                value = float(raw.replace(" ", "").replace("\u00a0", "").replace(",", "."))
                offset = len(line) - len(line.lstrip())
                out.append(
                    {
                        "value": round(value * worth, 2),
                        "currency": "KGS",
                        "period": period,
                        "text": line.strip(),
                        "start": at + offset,
                        "end": at + offset + len(line.strip()),
                        "_worth": worth,
                    }
                )
            at += len(line)
    return out


def _row(line: str) -> tuple[str, str] | None:
    """(label, amount) of a table row: its budget line named in words, then one amount. A row with
    several amount columns (approved, revised, change) is left out: which one is meant is unknown."""
    if len(line) > ROW_CHARS:
        return None  # prose, not a table row
    cells = [c.strip() for c in re.split(r"\s*\|\s*|\t", line) if c.strip()]
    if len(cells) >= 2:
        if not CELL_NUMBER.match(cells[-1]) or CELL_NUMBER.match(cells[-2]):
            return None
        label, raw = " ".join(cells[:-1]), cells[-1]
    else:
        match = ROW_NUMBER.search(line.rstrip("\r\n"))
        if match is None:
            return None
        label, raw = line[: match.start()].strip(), match.group("value")
        if ROW_NUMBER.search(label):
            return None
    if not re.search(r"[^\W\d_]{3}", label) or label.endswith(("№", "N")):
        return None  # a row names its budget line in words (not a «№ 251»)
    return label, raw
