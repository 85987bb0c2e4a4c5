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
QUOTED = re.compile(r"[«“\"]([^«»“”\"]{5,300})[»”\"]")  # «…», “…” or "…"
# a Kyrgyz title naming the amended act without quotes, in the dative («Кыргыз Республикасынын Салык
# кодексине өзгөртүү киргизүү жөнүндө»): the act is that name in the nominative («… Салык кодекси»)
KY_AMENDED = re.compile(
    r"^(?P<act>.+?(?:кодекс|мыйзам|токтом|жарлык)\w*?[иыуү])н[еа]\s+(?:\w+\s+){0,2}?өзгөртүү", re.I
)


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
        kyrgyz = KY_AMENDED.match(title)
        if not amends and kyrgyz:  # «… Салык кодексине өзгөртүүлөрдү киргизүү жөнүндө»: the code, named
            for name in re.split(
                r"\s+жана\s+", kyrgyz.group("act")
            ):  # «Жер кодексине жана … Салык кодексине»
                amends.append({"title": re.sub(r"([иыуү])н[еа]$", r"\1", name)})
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
