"""The act header: type, title, number, date, place, draft or not, and which acts it amends."""

from __future__ import annotations

import re

from ingest.identity import identify
from nlp.structure.model import ActHeader

DRAFT = re.compile(r"^\s*(?:долбоор|проект)\b", re.I | re.M)
PLACE = re.compile(r"(?:^|\n)\s*(?:г\.\s*(?P<ru>[А-Я][а-я]+)|(?P<ky>[А-ЯӨҮҢ][а-яөүң]+)\s+шаары)\b")
AMENDING = re.compile(
    r"(өзгөртүү\w*(?:\s+жана\s+толуктоо\w*)?\s+киргизүү|о\s+внесении\s+изменени\w*|признании\s+утратившим)",
    re.I,
)
QUOTED = re.compile(r"«([^«»]{5,300})»")


def parse_header(text: str) -> ActHeader:
    head = "\n".join(text.split("\n")[:40])
    identity = identify(text)
    title = identity.title
    place_match = PLACE.search(head)
    place = None
    if place_match:
        place = place_match.group("ru") or f"{place_match.group('ky')} шаары"
    amends: list[dict[str, str | None]] = []
    if title and AMENDING.search(title):
        for quoted in QUOTED.findall(title):
            amends.append({"title": quoted})
        if not amends:
            tail = re.split(r"изменени\w*\s+(?:и\s+дополнени\w*\s+)?в\s+", title, maxsplit=1, flags=re.I)
            amends.append({"title": tail[-1] if len(tail) > 1 else title})
    return ActHeader(
        type=identity.act_type,
        title=title,
        number=identity.number,
        date=identity.date,
        place=place,
        draft=bool(DRAFT.search("\n".join(head.split("\n")[:6]))),
        amends=amends,
    )
