"""Amendment instructions of an amending act as records: target act, target unit, operation, new text."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from nlp.structure.citations import (
    KY_ACT_BEFORE,
    KY_CODE_NAMES,
    RU_ACT_AFTER,
    RU_CODE_STEMS,
    _act_from,
    act_key,
)
from nlp.structure.model import Amendment, ParsedAct, Unit

DATA = Path(__file__).parent / "data" / "amendments.yaml"
NEW_TEXT = re.compile(r"[:：]\s*«(.*)»", re.S)


@lru_cache(maxsize=1)
def operations() -> list[tuple[str, re.Pattern[str]]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return [(op, re.compile(p, re.I)) for op, patterns in data.items() for p in patterns]


def operation_in(text: str) -> tuple[str, int] | None:
    best: tuple[str, int] | None = None
    for op, pattern in operations():
        found = pattern.search(text)
        if found and (best is None or found.start() < best[1]):
            best = (op, found.start())
    return best


# a code named in the lead-in of an amending article («Внести в Налоговый кодекс Кыргызской Республики …
# следующие изменения:», «Кыргыз Республикасынын Салык кодексине … өзгөртүүлөр киргизилсин:»): an omnibus law
# changes a different act in each article, whatever its own title says
CODE_AMENDED = re.compile(
    rf"\b(?:в\s+(?P<ru>{RU_CODE_STEMS}(?:ый|ой|ий)\s+кодекс"
    r"|Кодекс\s+Кыргызской\s+Республики\s+о\s+правонарушениях)"
    rf"|(?P<ky>{KY_CODE_NAMES})[а-яөүң]*"
    r"|(?P<ky_offences>Укук\s+бузуулар\s+жөнүндө\s+кодекс)[а-яөүң]*)",
    re.I,
)


def _code_amended(intro: str) -> dict[str, str | None] | None:
    lead_in = intro.split(":", 1)[0]
    found = CODE_AMENDED.search(lead_in)
    if found is None:
        return None
    title = " ".join(next(g for g in found.groups() if g).split())
    return {"type": "code", "title": title, "key": act_key(title)}


def _target_act(article: Unit | None, act: ParsedAct) -> dict[str, str | None] | None:
    if article is not None:
        intro = article.own_text
        code = _code_amended(article.text)  # the lead-in may open the article's first part
        if code is not None:
            return code
        for match in re.finditer(r"(Мыйзам|Кодекс|Токтом)[а-яөүң]*на\b", intro):
            found = KY_ACT_BEFORE.search(
                intro[: match.end()].rstrip()[:-2] + intro[match.start() : match.end()]
            )
            if found:
                return _act_from(found)
        ru = re.search(r"\bв\s+(Закон|Кодекс|постановление)", intro)
        if ru:
            after = RU_ACT_AFTER.match(" " + intro[ru.start() + 2 :].replace("Закон ", "Закона ", 1))
            if after:
                return _act_from(after)
    if act.header.amends:
        title = act.header.amends[0].get("title")
        return {"title": title, "type": None}
    return None


def _target_unit(instruction: str) -> tuple[str | None, str]:
    from nlp.structure.citations import KY_UNITS, RU_UNITS, split_numbers

    for pattern in (KY_UNITS[0], RU_UNITS[0]):
        match = pattern.search(instruction)
        if match and match.group().strip():
            groups = match.groupdict()
            art = split_numbers(groups.get("art"))[0]
            part = split_numbers(groups.get("part"))[0]
            item = split_numbers(groups.get("item"))[0]
            if not art:
                continue
            unit = f"art_{art}" + (f"__part_{part}" if part else "") + (f"__item_{item}" if item else "")
            return unit, match.group()
    return None, ""


QUOTED = re.compile(r"«[^«»]*»")
# a line that names the article the instructions below it change («1) в статье 18:», «1) 18-беренеде:»)
CONTEXT_ARTICLE = re.compile(
    r"^\s*(?:\d+\)\s*)?(?:в\s+стать\w+\s+(?P<ru>\d+(?:-\d+)?)|(?P<ky>\d+(?:-\d+)?)\s*-\s*берене\w*)\s*:\s*$",
    re.I,
)
PART = re.compile(r"(?:част\w*\s+(\d+)|(\d+)\s*-\s*бөлүг\w*)", re.I)
ITEM = re.compile(r"(?:пункт\w*\s+(\d+)|(\d+)\s*-\s*пункт\w*)", re.I)


def _within_article(article: str, instruction: str) -> tuple[str, str]:
    """The unit an instruction under «в статье 18:» changes: «пункт 5 части 1» is art_18, part 1, item 5."""
    part, item = PART.search(instruction), ITEM.search(instruction)
    unit = f"art_{article}"
    if part:
        unit += f"__part_{part.group(1) or part.group(2)}"
    if item:
        unit += f"__item_{item.group(1) or item.group(2)}"
    return unit, " ".join(m.group() for m in (item, part) if m)


# the words that replace others: «заменить словами «айыл окмоту»»,
# «… «айыл өкмөтү» деген сөздөр менен алмаштырылсын»
NEW_WORDS = re.compile(
    r"заменить\s+слов\w*\s+«(?P<ru>[^«»]*)»|«(?P<ky>[^«»]*)»\s+деген\s+сөз\w*\s+менен\s+алмаштырылсын", re.I
)


POINT_TARGET = re.compile(r"(?:пункт\w*\s+(\d+(?:\.\d+)*)|(\d+(?:\.\d+)*)\s*-\s*пункт\w*)", re.I)


def _instructions(unit: Unit) -> list[tuple[str, str, str | None]]:
    """(operation, instruction line, new text) for each instruction written in this unit's own text."""
    lines = unit.own_text.split("\n")
    found: list[tuple[str, int, str]] = []
    depth = 0
    for index, line in enumerate(lines):
        if depth == 0:
            # the words outside quotes: the instruction may follow the words it replaces («в статье 6 слова
            # «пастбищный комитет» заменить словами «айыл окмоту»»), not only precede the new wording
            head = QUOTED.sub("«…»", line).split("«", 1)[0] if line.count("«") > line.count("»") else line
            head = QUOTED.sub("«…»", head)
            operation = operation_in(head)
            if operation is not None:
                found.append((operation[0], index, head.strip()))
        depth = max(0, depth + line.count("«") - line.count("»"))
    out: list[tuple[str, str, str | None]] = []
    for n, (name, index, head) in enumerate(found):
        end = found[n + 1][1] if n + 1 < len(found) else len(lines)
        chunk = "\n".join(lines[index:end])
        if n + 1 == len(found):
            chunk += (
                "".join(child.text for child in unit.children) if unit.kind in {"item", "subitem"} else ""
            )
        quoted = NEW_TEXT.search(chunk)
        words = NEW_WORDS.search(chunk)
        new_text = quoted.group(1).strip() if quoted and name in {"replace", "insert"} else None
        if new_text is None and words:  # words replaced inside a unit: the new words are its new text
            new_text = (words.group("ru") or words.group("ky") or "").strip() or None
        out.append((name, head, new_text))
    return out


def find_amendments(act: ParsedAct) -> list[Amendment]:
    title = act.header.title or ""
    if not act.header.amends and not re.search(r"өзгөртүү|изменени|толуктоо|дополнени", title, re.I):
        return []
    out: list[Amendment] = []
    for article in act.articles:
        target_act = _target_act(article, act)
        # the article a numbered item names on a line of its own («1) в статье 18:»), for the instructions
        # under it and in its sub-items
        contexts: dict[str, tuple[str, str]] = {}
        for unit in article.walk():
            first_line = unit.own_text.strip().split("\n", 1)[0]
            named = CONTEXT_ARTICLE.match(first_line)
            if named:
                words = re.sub(r"^\s*\d+\)\s*|\s*:\s*$", "", first_line)
                contexts[unit.id] = (named.group("ru") or named.group("ky"), words)
            elif unit.id.rsplit("__", 1)[0] in contexts:
                contexts[unit.id] = contexts[unit.id.rsplit("__", 1)[0]]
            context = contexts.get(unit.id)
            for operation, instruction, new_text in _instructions(unit):
                target_unit, target_text = _target_unit(instruction)
                if target_unit is None and context is not None:
                    target_unit, inner = _within_article(context[0], instruction)
                    target_text = f"{context[1]}: {inner}" if inner else context[1]
                if target_unit is None:
                    point = POINT_TARGET.search(instruction)
                    if point:
                        number = (point.group(1) or point.group(2)).replace(".", "-")
                        target_unit, target_text = f"point_{number}", point.group()
                out.append(
                    Amendment(
                        source_unit=unit.id,
                        operation=operation,
                        target_act=target_act,
                        target_unit=target_unit,
                        target_text=target_text.strip(),
                        new_text=new_text,
                        instruction=instruction,
                    )
                )
    return out
