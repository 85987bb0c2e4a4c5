"""Entities in an article: acts cited (from the structure stage), organisations and places (from data
files an analyst can extend), dates and sums of money."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from nlp.amounts import amounts_in
from nlp.lemmas import lemmatizer_for
from nlp.structure.model import Citation, Unit

DATA = Path(__file__).parent / "data"
DATE = re.compile(
    r"\b\d{4}\s*-?\s*жыл\w*\s+\d{1,2}\s*-?\s*[а-яөүң]+\w*|\b\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|"
    r"августа|сентября|октября|ноября|декабря)\s+\d{4}\s*(?:года|г\.)?|\b\d{1,2}\.\d{1,2}\.\d{4}\b",
    re.I,
)


@lru_cache(maxsize=2)
def organisation_patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    data = yaml.safe_load((DATA / "organisations.yaml").read_text(encoding="utf-8"))
    return [(label, re.compile(p, re.I)) for label, patterns in data[lang].items() for p in patterns]


@lru_cache(maxsize=2)
def gazetteer(lang: str) -> dict[str, dict[str, str]]:
    """First word's lemma -> place record, so «Нарын облусунда» and «Нарынской области» are found."""
    out: dict[str, dict[str, str]] = {}
    lemmatize = lemmatizer_for(lang)
    with (DATA / "gazetteer.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            # other spellings a text uses («Жалал-Абадская область» for «Джалал-Абадская»), by the same row
            spellings = [row[lang]] + [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
            for spelling in spellings:
                words = spelling.split()
                out[spelling.lower()] = row
                out[" ".join([words[0].lower()] + [lemmatize(w) for w in words[1:]])] = row
                out[" ".join(lemmatize(w) for w in words)] = row
    return out


@lru_cache(maxsize=2)
def place_patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    data = yaml.safe_load((DATA / "place_patterns.yaml").read_text(encoding="utf-8"))
    return [(kind, re.compile(p)) for kind, patterns in data.get(lang, {}).items() for p in patterns]


def _named_places(text: str, lang: str) -> list[dict[str, Any]]:
    """Ayil aimaks and villages by the form of their mention (nlp/data/place_patterns.yaml)."""
    return [
        {
            "label": "PLACE",
            "kind": kind,
            "text": match.group(),
            "start": match.start(),
            "end": match.end(),
            # a Russian adjective name in its nominative («Кара-Суйского айылного аймака» → Кара-Суйский)
            "name": re.sub(r"ск(?:ого|ому|ом|им|ой)$", "ский", match.group("name"))
            if lang == "ru"
            else match.group("name"),
        }
        for kind, pattern in place_patterns(lang)
        for match in pattern.finditer(text)
    ]


def _places(text: str, lang: str) -> list[dict[str, Any]]:
    places = gazetteer(lang)
    lemmatize = lemmatizer_for(lang)
    found = []
    taken = 0
    # every capitalised word starts a candidate (overlapping), so «Марказ Кадамжайского района» still
    # tries «Кадамжайского района»; a place found covers the words it spans
    for match in re.finditer(r"(?=(?<![\w-])([А-ЯӨҮҢ][\w-]+(?:\s+[\w-]+)?))", text):
        if match.start() < taken:
            continue
        words = match.group(1).split()
        first = words[0]
        for candidate in ([" ".join([first, words[1]])] if len(words) > 1 else []) + [first]:
            base = " ".join(lemmatize(w) if i else w for i, w in enumerate(candidate.split()))
            full = " ".join(lemmatize(w) for w in candidate.split())
            keys = [candidate.lower(), base.lower(), full]
            if candidate == first:  # a one-word name; a two-word candidate must match as a whole
                keys.append(lemmatize(first).lower())
            for key in keys:
                record = places.get(key)
                if record is not None:
                    found.append(
                        {
                            "label": "PLACE",
                            "kind": record["kind"],
                            "text": candidate,
                            "start": match.start(),
                            "end": match.start() + len(candidate),
                            "name": record[lang],
                        }
                    )
                    taken = match.start() + len(candidate)
                    break
            else:
                continue
            break
    return found


def find_entities(
    text: str,
    lang: str,
    citations: list[Citation] | None = None,
    unit: Unit | None = None,
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for label, pattern in organisation_patterns(lang):
        for match in pattern.finditer(text):
            out.append(
                {
                    "label": "ORG",
                    "kind": label,
                    "text": match.group(),
                    "start": match.start(),
                    "end": match.end(),
                }
            )
    out += _places(text, lang) + _named_places(text, lang)
    for match in DATE.finditer(text):
        out.append({"label": "DATE", "text": match.group(), "start": match.start(), "end": match.end()})
    for amount in amounts_in(text):
        out.append({"label": "MONEY", **amount})
    if citations and unit is not None:
        end = unit.start + len(unit.text)
        for citation in citations:
            if unit.start <= citation.start < end:
                out.append(
                    {
                        "label": "CITATION",
                        "text": citation.text,
                        "start": citation.start - unit.start,
                        "end": citation.end - unit.start,
                        "target": citation.target,
                        "act": citation.act,
                    }
                )
    return _without_overlaps(out)


def _without_overlaps(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep the longest of overlapping organisations, and of places (айыл өкмөтү, not also өкмөтү); an
    organisation inside a place's mention is its own («Мырза-Аке айыл өкмөтүнүн»: the place and its body)."""
    found.sort(key=lambda e: (e.get("start", 0), -(e.get("end", 0) - e.get("start", 0)), e["label"]))
    out: list[dict[str, Any]] = []
    for entity in found:
        if entity["label"] in {"ORG", "PLACE"} and any(
            o["label"] == entity["label"] and o["start"] <= entity["start"] and entity["end"] <= o["end"]
            for o in out
        ):
            continue
        out.append(entity)
    return out
