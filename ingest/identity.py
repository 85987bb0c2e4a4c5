"""An act's identity from the first lines of its text: type, number, date and title.

Ingest uses it to recognise a new version of an act it already holds. The structure stage parses the
full header; this is the small part that storage needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ACT_TYPES = [
    ("constitution", r"конституция"),
    ("code", r"кодекс[иы]?"),
    ("law", r"мыйзам[ыы]?|закон"),
    ("resolution", r"токтом[уу]?|постановлени[ея]"),
    ("decree", r"жарлы[гк]|указ"),
    ("order", r"буйру[гк]|распоряжени[ея]"),
    ("decision", r"чечим[и]?|решени[ея]"),
]
NUMBER = re.compile(r"№\s*([0-9][0-9A-Za-zА-Яа-я/\-]*)")
DATE_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
DATE_KY = re.compile(r"\b(\d{4})\s*-?\s*жылдын\s+(\d{1,2})\s*-?\s*([а-яөүң]+)", re.I)
DATE_KY_DAY_FIRST = re.compile(r"\b(\d{1,2})\s*-\s*([а-яөүң]+),?\s+(\d{4})\s*-?\s*ж", re.I)
DATE_RU = re.compile(r"\b(\d{1,2})\s+([а-я]+)\s+(\d{4})\s*(?:г\.|года)?", re.I)
MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "май": 5,
    "мая": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}


@dataclass(frozen=True)
class ActIdentity:
    act_type: str | None
    number: str | None
    date: str | None
    title: str | None

    @property
    def key(self) -> str | None:
        """A key two versions of one act share: type and number and date, or else the title."""
        if self.number and (self.date or self.act_type):
            return f"{self.act_type or '?'}|{self.number}|{self.date or '?'}"
        if self.title and len(self.title) > 15:
            return "title|" + re.sub(r"\W+", " ", self.title.lower()).strip()[:300]
        return None


def _month(word: str) -> int | None:
    low = word.lower()
    return next((n for stem, n in MONTHS.items() if low.startswith(stem)), None)


# Words around a date that make it another act's: the law that amended or repealed this one («… № 150
# Мыйзамына ылайык КҮЧҮН ЖОГОТТУ», «Изменения, внесенные Законом КР от …», «(В редакции Законов …»), the
# law that put it into force, the gazette that printed it, the letter or order a preamble considers
CITING = re.compile(
    r"закон(?:ом|ами|а)\b|редакци|внесен|введен|утратил|мыйзам(?:ына|ы\s+менен|дары)|ылайык|токтом(?:уна|у\s+менен)"
    r"|буйру[гк]\w|\bкат(?:ын|ы)\b|күчүн\s+жогот|колдонууга\s+киргиз|гезит|\bсаны\b",
    re.I,
)


def _date_candidates(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for pattern, year, month_word, day in (
        (DATE_KY, 1, 3, 2),
        (DATE_KY_DAY_FIRST, 3, 2, 1),
        (DATE_RU, 3, 2, 1),
    ):
        for match in pattern.finditer(text):
            month = _month(match.group(month_word))
            if month:
                found.append((match.start(), f"{match.group(year)}-{month:02d}-{int(match.group(day)):02d}"))
    for match in DATE_NUMERIC.finditer(text):
        found.append((match.start(), f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}"))
    return sorted(found)


# … and how a Kyrgyz citation broken over two lines ends on the next one («… № 150 / Мыйзамына ылайык»)
CITATION_END = re.compile(r"\s*(?:мыйзам|токтом|жарлы|буйру|кодекс)\w*\s+(?:ылайык|менен)", re.I)


def _cited(text: str, at: int) -> bool:
    """A date or number standing in another act's citation: its line says so, or the next line ends
    the citation, or the line is a bracketed note."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    return (
        text[line_start:at].lstrip().startswith("(")
        or bool(CITING.search(text, line_start, line_end))
        or bool(CITATION_END.match(text, line_end + 1))
    )


def find_date(text: str) -> str | None:
    """The act's own date: the first date of its head, in whichever shape it is written, that does not
    stand in another act's citation. The act's date stands above its preamble, which cites other acts'
    dates («Ош шаары № 269 25-март, 2015-жыл» before «2015-жылдын 28-январындагы … буйругу»); a repealed
    code's head names the repealing law first. None where every date is another act's."""
    return next((iso for at, iso in _date_candidates(text) if not _cited(text, at)), None)


def find_number(text: str) -> str | None:
    """The act's own number: the first one outside another act's citation, without the Kyrgyz word an
    annex glues to it («№ 252-токтомуна»)."""
    for match in NUMBER.finditer(text):
        if not _cited(text, match.start()):
            number = re.sub(r"-?(?:токтом|чечим|буйрук|мыйзам)\w*$", "", match.group(1), flags=re.I)
            return number.rstrip("-") or None
    return None


# the act's own date-and-number line («Ош шаары № 244 24-декабрь, 2014-жыл», «2013-жылдын 12-декабры № 219»)
OWN_DATE_LINE = re.compile(r"№.*\d{4}|\d{4}.*№")
# a chapter's or an article's heading: the title ends above it («Глава 1. … о правонарушениях»)
STRUCTURE_LINE = re.compile(
    r"(?:глава|статья|раздел|бөлүм)\s+\d|\d+\s*-\s*(?:берене|статья|глава|бөлүм)", re.I
)


def _title_continues(line: str) -> bool:
    """A line above a title's last line belongs to the title: not blank, not a paragraph, not the head's
    furniture (a line in capitals: the issuer, «Т О К Т О М», «КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ») and not the
    act's own date and number. A council's title may cite another act's date and number over several
    lines («Ош шаардык Кеңешинин / 2015-жылдын 8-июнундагы / № 279- токтомуна өзгөртүү … жөнүндө»), which
    the act's own date line never does."""
    text = line.strip()
    return (
        bool(text)
        and len(text) < 120
        and not text.isupper()
        and not OWN_DATE_LINE.search(text)
        and not STRUCTURE_LINE.match(text)
        and "://" not in text  # a source address above a copied text
    )


def find_title(lines: list[str]) -> str | None:
    """The title is the line (or lines) ending in «жөнүндө» / starting «О …», or the first long line."""
    for i, line in enumerate(lines):
        low = line.lower()
        if re.search(r"(жөнүндө|жөнүндөгү|тууралуу)\W*$", low) or re.match(r"^об?\s", low):
            start = i
            while start > 0 and _title_continues(lines[start - 1]):
                start -= 1
            return " ".join(ln.strip() for ln in lines[start : i + 1])
    return _block_after_date(lines)


TITLE_BLOCK_MAX_LINES = 8


def _block_after_date(lines: list[str]) -> str | None:
    """A council's title that does not end in «жөнүндө» («Ош шаарынын өнүктүрүү / фонду жөнүндөгү Жобону /
    бекитүү», «… мэринин отчету»): the block of short lines between the act's own date line and the
    preamble, set off by blank lines."""
    dated = next((i for i, line in enumerate(lines) if OWN_DATE_LINE.search(line)), None)
    if dated is None:
        return None
    start = dated + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    end = start
    while end < len(lines) and _title_continues(lines[end]) and len(lines[end].strip()) < 80:
        end += 1
    if not 0 < end - start <= TITLE_BLOCK_MAX_LINES or end >= len(lines) or lines[end].strip():
        return None  # no block, or one that runs on into the text
    after = next((line.strip() for line in lines[end:] if line.strip()), "")
    if len(after) < 100 and not after.replace(" ", "").upper().startswith(("ТОКТОМКЫЛАТ", "ПОСТАНОВЛЯЕТ")):
        return None
    return " ".join(line.strip() for line in lines[start:end])


LETTER_SPACED = re.compile(r"(?<!\w)(?:[А-ЯЁӨҮҢ] ){3,}[А-ЯЁӨҮҢ](?!\w)")


def _unspaced(line: str) -> str:
    """«Т О К Т О М», «Р Е Ш Е Н И Е»: a title word set letter-spaced, as councils print the act's type."""
    return LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), line)


def identify(text: str) -> ActIdentity:
    lines = [_unspaced(ln.strip()) for ln in text.split("\n")[:60]]
    head_lines = [ln for ln in lines[:40] if ln]
    head = "\n".join(head_lines)
    low = head.lower()
    act_type = None
    best = len(low) + 1
    for name, pattern in ACT_TYPES:
        match = re.search(rf"\b(?:{pattern})\w*", low)
        if match and match.start() < best:
            act_type, best = name, match.start()
    return ActIdentity(
        act_type=act_type,
        number=find_number(head),
        date=find_date(head),
        # blank lines kept: the title starts after the one that ends the issuer's block
        title=find_title(lines),
    )
