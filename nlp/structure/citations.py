"""References to units and acts, in Kyrgyz and Russian, resolved to unit ids of the same act or to
another act by its title, number and date.

Shapes handled (DOMAIN.md): «114-беренесинин 2-бөлүгүндө», spaced dashes «112 – беренесинин»,
one suffix for a list «111, 112, 115-чи беренелеринде», «9 жана 10-пункттарына», «ушул берененин»,
«пункт 9 части 1 статьи 27», «статьями 5 и 6», «настоящей статьи», «№ 123», «N 3».
"""

from __future__ import annotations

import bisect
import re

from ingest.identity import find_date
from nlp.structure.model import ARTICLE_KINDS, Citation, ParsedAct, Unit

NUM = r"\d+(?:-\d+)?"
NUMLIST = rf"{NUM}(?:\s*(?:,|жана|же|и|или)\s*{NUM})*"
KY_SUFFIX = r"(?:-?\s*(?:чи|чү|чу|ничи|нчи)\s+|\s*-\s*)"

KY_ART = rf"(?P<art>{NUMLIST}){KY_SUFFIX}(?:берене|статья)[а-яөүң]*"
KY_PART = rf"(?P<part>{NUMLIST}){KY_SUFFIX}бөлү[гк][а-яөүң]*"
KY_ITEM = rf"(?P<item>{NUMLIST}){KY_SUFFIX}пункт[а-яөүң]*"
KY_THIS_ART = r"(?P<this_art>ушул\s+берене[а-яөүң]*)"
KY_UNITS = [
    re.compile(rf"(?:{KY_ART}|{KY_THIS_ART})(?:\s+{KY_PART})?(?:\s+{KY_ITEM})?", re.I),
    re.compile(rf"(?<![\d-]){KY_PART}(?:\s+{KY_ITEM})?", re.I),
]
# the codes cited or amended by name: Kyrgyz names («Салык кодекси»), Russian adjective stems («Налогов|ый
# кодекс», «Налогов|ого кодекса»); one list for citations and amendments alike
KY_CODE_NAMES = r"(?:Бюджеттик|Салык|Жер|Эмгек|Граждандык|Суу|Шайлоо|Токой|Турак\s+жай)\s+кодекс"
RU_CODE_STEMS = r"(?:Бюджетн|Налогов|Земельн|Трудов|Гражданск|Водн|Лесн|Жилищн)"
KY_ACT_BEFORE = re.compile(
    r"(?:«(?P<title>[^«»]{5,250})»\s*(?:Кыргыз\s+Республикасынын\s+)?(?:(?P<date>\d{4}-жылдын\s+\d{1,2}-\w+)\s*)?"
    r"(?:№\s*(?P<number>\d+)\s*)?(?P<kind>Мыйзам|Кодекс|Токтом|Жарлы)[а-яөүң]*"
    r"|(?P<constitution>Конституция)[а-яөүң]*"
    rf"|(?P<code>{KY_CODE_NAMES})[а-яөүң]*"
    r"|(?P<this_act>ушул\s+(?:Мыйзам|Кодекс|Токтом|Жобо)[а-яөүң]*))\s*$",
    re.I,
)

RU_ITEM = rf"(?:(?:под)?пункт[а-я]*|п\.)\s*(?P<item>{NUMLIST})"
RU_PART = rf"(?:част[а-я]*|ч\.)\s*(?P<part>{NUMLIST})"
RU_ART = rf"(?:стат[а-я]*|ст\.)\s*(?P<art>{NUMLIST})"
RU_THIS_ART = r"(?P<this_art>настоящ[а-я]+\s+стат[а-я]+)"
RU_UNITS = [
    re.compile(rf"(?:{RU_ITEM}\s+)?(?:{RU_PART}\s+)?(?:{RU_ART}|{RU_THIS_ART})", re.I),
    re.compile(rf"(?<!\w){RU_PART}(?!\s+стат)", re.I),
]
RU_ACT_AFTER = re.compile(
    r"^\s*(?:(?P<this_act>настоящ[а-я]+\s+(?:Закона|Кодекса|постановления|Положения))"
    r"|(?P<constitution>Конституции)\s+Кыргызской\s+Республики"
    rf"|(?P<code>{RU_CODE_STEMS}ого\s+кодекса)"
    r"(?:\s+Кыргызской\s+Республики)?"
    r"|(?P<kind>Закона|Кодекса|Указа|постановления)\s+Кыргызской\s+Республики"
    r"(?:\s+от\s+(?P<date>\d{1,2}\s+[а-я]+\s+\d{4})\s*(?:года|г\.)?)?(?:\s*№\s*(?P<number>\d+))?"
    r"(?:\s+«(?P<title>[^«»]{5,250})»)?)",
    re.I,
)
TITLE_VARIANTS = [(r"\bжөнүндөгү\b|\bтууралуу\b", "жөнүндө"), (r"\s+органдары\b", ""), (r"\s+", " ")]


def act_key(title: str) -> str:
    """A key that the title variants of one act share («жөнүндө» / «жөнүндөгү» / «тууралуу», with or
    without «органдары», case and punctuation)."""
    key = title.lower().replace("ё", "е")
    for pattern, repl in TITLE_VARIANTS:
        key = re.sub(pattern, repl, key)
    return re.sub(r"[^\w ]", "", key).strip()


def split_numbers(value: str | None) -> list[str | None]:
    if not value:
        return [None]
    return [n.replace(" ", "") for n in re.findall(NUM, value)]


def _act_from(match: re.Match[str]) -> dict[str, str | None] | None:
    groups = match.groupdict()
    if groups.get("this_act"):
        return None
    if groups.get("constitution"):
        return {"type": "constitution", "title": "Конституция", "key": "конституция"}
    if groups.get("code"):
        title = groups["code"]
        return {"type": "code", "title": title, "key": act_key(title)}
    title = groups.get("title")
    kind = (groups.get("kind") or "").lower()
    act_type = (
        "code" if kind.startswith("кодекс") else "law" if kind.startswith(("мыйзам", "закон")) else kind
    )
    date = find_date(groups["date"]) if groups.get("date") else None
    return {
        "type": act_type or None,
        "title": title,
        "number": groups.get("number"),
        "date": date,
        "key": act_key(title) if title else None,
    }


class UnitIndex:
    """Which unit (and which article) holds a character offset: a bisect over units' own spans."""

    def __init__(self, root: Unit) -> None:
        self.starts: list[int] = []
        self.units: list[Unit] = []
        self.articles: list[Unit | None] = []
        self._fill(root, None)

    def _fill(self, unit: Unit, article: Unit | None) -> None:
        if unit.kind in ARTICLE_KINDS:
            article = unit
        self.starts.append(unit.start)
        self.units.append(unit)
        self.articles.append(article)
        for child in unit.children:
            self._fill(child, article)

    def at(self, offset: int) -> tuple[Unit | None, Unit | None]:
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0:
            return None, None
        return self.units[index], self.articles[index]


def _item_of_article(index: UnitIndex, art: str, item: str, source: Unit | None) -> str | None:
    """«пункт 2 настоящей статьи» in an article whose items sit in parts: the item 2 of the citing part if
    it has one, else the first in the article's order (every run resolves it alike)."""
    candidates = [
        u.id for u in index.units if u.id.startswith(f"art_{art}__") and u.id.endswith(f"__item_{item}")
    ]
    part = source.id.split("__item_")[0] + "__" if source and "__part_" in source.id else None
    return next((c for c in candidates if part and c.startswith(part)), candidates[0] if candidates else None)


def find_citations(act: ParsedAct) -> list[Citation]:
    text = act.root.text
    ids = act.unit_ids()
    index = UnitIndex(act.root)
    out: list[Citation] = []
    patterns = [(p, "ky") for p in KY_UNITS] + [(p, "ru") for p in RU_UNITS]
    taken: list[tuple[int, int]] = []
    heading_starts = {
        u.start + len(u.own_text) - len(u.own_text.lstrip())
        for u in act.root.walk()
        if u.kind in {"article", "chapter", "section"}
    }
    last_article: dict[str | None, tuple[int, str]] = {}
    for pattern, lang in patterns:
        for match in pattern.finditer(text):
            if not match.group().strip() or any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            if match.start() in heading_starts:
                continue
            groups = match.groupdict()
            source, article_unit = index.at(match.start())
            other_act: dict[str, str | None] | None = None
            same_act = True
            if lang == "ky":
                before = KY_ACT_BEFORE.search(text[max(0, match.start() - 320) : match.start()])
                if before:
                    other_act = _act_from(before)
                    same_act = other_act is None
            else:
                after = RU_ACT_AFTER.match(text[match.end() : match.end() + 320])
                if after:
                    other_act = _act_from(after)
                    same_act = other_act is None
            this_art = groups.get("this_art")
            articles = split_numbers(groups.get("art"))
            if this_art or groups.get("art") is None:
                articles = [article_unit.number if article_unit else None]
                previous = last_article.get(source.id if source else None)
                if not this_art and previous and match.start() - previous[0] < 200:
                    articles = [previous[1]]  # «31-берене … 4-бөлүк менен»: the part of that article
            elif articles[-1]:
                last_article[source.id if source else None] = (match.end(), articles[-1])
            for art in articles:
                for part in split_numbers(groups.get("part")):
                    for item in split_numbers(groups.get("item")):
                        citation = Citation(
                            text=match.group(),
                            start=match.start(),
                            end=match.end(),
                            source_unit=source.id if source else None,
                            article=art,
                            part=part,
                            item=item,
                            act=None if same_act else other_act,
                        )
                        if same_act and art:
                            target = f"art_{art}"
                            if part:
                                target += f"__part_{part}"
                            if item:
                                target += f"__item_{item}"
                            if target not in ids and item and not part:
                                target = _item_of_article(index, art, item, source) or target
                            citation.target = target
                            citation.resolved = target in ids
                        elif other_act:
                            citation.resolved = bool(other_act.get("key") or other_act.get("number"))
                        out.append(citation)
    out.sort(key=lambda c: (c.start, c.article or "", c.part or "", c.item or ""))
    return out
