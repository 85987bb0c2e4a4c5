"""Money amounts in som, with their period, from the words of a text (nlp/data/amounts.yaml).

Council decisions write amounts in thousands («350,0 миң сом», «6292,0 мин сом»), laws in words as
well as figures («150 000 (жүз элүү миң) сом»), and som with tyiyn («100 сом 50 тыйын»); each comes
out as one value in som.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data" / "amounts.yaml"
YEAR = r"(?P<year>\d{4})\s*-?\s*(?:жыл\w*|год\w*)"
CONTEXT = 60  # characters either side searched for the period


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return spec


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _amount() -> re.Pattern[str]:
    spec = _spec()
    return re.compile(
        r"(?P<value>\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s*"
        rf"(?:(?P<scale>{_alternation(list(spec['scales']))})\.?\s*)?"
        r"(?:\([^()\d]{1,80}\)\s*)?"  # the amount in words, in brackets
        rf"(?P<unit>(?:{_alternation(list(spec['units']))})\w{{0,4}})(?!\w)",
        re.I,
    )


@lru_cache(maxsize=1)
def _period() -> re.Pattern[str]:
    groups = [YEAR] + [
        rf"(?P<{name}>(?<!\w)(?:{_alternation(words)})(?!\w))" for name, words in _spec()["periods"].items()
    ]
    return re.compile("|".join(groups), re.I)


def _worth(unit: str) -> float:
    low = unit.lower()
    units: dict[str, float] = _spec()["units"]
    return next(float(v) for k, v in sorted(units.items(), key=lambda kv: -len(kv[0])) if low.startswith(k))


def amount_spans(text: str) -> list[tuple[int, int]]:
    """Where each amount in som is written (character spans), for a detector that needs its place."""
    return [match.span() for match in _amount().finditer(text)]


def amounts_in(text: str) -> list[dict[str, Any]]:
    """Each amount: value in som, currency, period (a year such as "2025", per_year, per_month,
    per_day, once, or None) and the text it was read from."""
    out: list[dict[str, Any]] = []
    scales: dict[str, float] = {k.lower(): float(v) for k, v in _spec()["scales"].items()}
    last_end = -10
    for match in _amount().finditer(text):
        raw = match.group("value").replace(" ", "").replace("\u00a0", "").replace(",", ".")
        try:
            value = float(raw)
        except ValueError:
            continue
        value *= scales.get((match.group("scale") or "").lower(), 1.0)
        worth = _worth(match.group("unit"))
        value *= worth
        if worth < 1 and out and text[last_end : match.start()].strip() == "" and out[-1]["_worth"] == 1:
            out[-1]["value"] = round(out[-1]["value"] + value, 2)  # «100 сом 50 тыйын»
            out[-1]["text"] = text[out[-1]["_start"] : match.end()]
            last_end = match.end()
            continue
        window = text[max(0, match.start() - CONTEXT) : match.end() + CONTEXT]
        found = _period().search(window)
        period = None
        if found:
            period = next(k for k, v in found.groupdict().items() if v)
            if period == "year":
                period = found.group("year")
        out.append(
            {
                "value": value,
                "currency": "KGS",
                "period": period,
                "text": match.group(),
                "_start": match.start(),
                "_worth": worth,
            }
        )
        last_end = match.end()
    out += _table_amounts(text, scales)
    return [{k: v for k, v in a.items() if not k.startswith("_")} for a in out]


@lru_cache(maxsize=1)
def _unit_line() -> re.Pattern[str]:
    """A line that only names the unit of the table below it: «(миң сом)», «тыс. сом»."""
    spec = _spec()
    return re.compile(
        rf"^[ \t(]*(?:(?P<scale>{_alternation(list(spec['scales']))})\.?\s*)?"
        rf"(?P<unit>{_alternation(list(spec['units']))})[ \t.)]*$",
        re.I | re.M,
    )


NUMBER = r"-?\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?|-?\d+(?:[.,]\d+)?"
CELL_NUMBER = re.compile(rf"^(?:{NUMBER})$")
ROW_NUMBER = re.compile(rf"(?P<value>{NUMBER})[ \t|]*$")
TABLE_ROWS = 500  # rows read under one unit line
ROW_CHARS = 200  # a longer line is prose, not a table row


def _table_amounts(text: str, scales: dict[str, float]) -> list[dict[str, Any]]:
    """Budget annexes give the unit once, above the table («(миң сом)»), and then one line per budget
    line with its amount last («Мүлк салыгы 1250.5», «Мүлк салыгы | 1250,5»): each such row is an
    amount in that unit, its label kept as the text, its period the year named above the table."""
    out: list[dict[str, Any]] = []
    headers = list(_unit_line().finditer(text))
    for n, header in enumerate(headers):
        worth = scales.get((header.group("scale") or "").lower(), 1.0) * _worth(header.group("unit"))
        end = headers[n + 1].start() if n + 1 < len(headers) else len(text)
        found = _period().search(text[max(0, header.start() - 4 * CONTEXT) : header.start()])
        period = found.group("year") if found and found.group("year") else None
        for line in text[header.end() : end].splitlines()[:TABLE_ROWS]:
            found_row = _row(line)
            if found_row is None:
                continue
            _label, raw = found_row
            value = float(raw.replace(" ", "").replace("\u00a0", "").replace(",", "."))
            out.append(
                {
                    "value": round(value * worth, 2),
                    "currency": "KGS",
                    "period": period,
                    "text": line.strip(),
                    "_start": header.end(),
                    "_worth": worth,
                }
            )
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
        match = ROW_NUMBER.search(line)
        if match is None:
            return None
        label, raw = line[: match.start()].strip(), match.group("value")
        if ROW_NUMBER.search(label):
            return None
    if not re.search(r"[^\W\d_]{3}", label) or label.endswith(("№", "N")):
        return None  # a row names its budget line in words (not a «№ 251»)
    return label, raw
