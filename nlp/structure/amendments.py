"""Amendment instructions of an amending act as records: target act, target unit, operation, new text."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from nlp.structure.citations import KY_ACT_BEFORE, RU_ACT_AFTER, _act_from
from nlp.structure.model import Amendment, ParsedAct, Unit

DATA = Path(__file__).parent / "data" / "amendments.yaml"
NEW_TEXT = re.compile(r"[:：]\s*«(.*)»", re.S)


@lru_cache(maxsize=1)
def operations() -> list[tuple[str, re.Pattern[str]]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return [(op, re.compile(p, re.I)) for op, patterns in data.items() for p in patterns]


def _operation(text: str) -> tuple[str, int] | None:
    best: tuple[str, int] | None = None
    for op, pattern in operations():
        found = pattern.search(text)
        if found and (best is None or found.start() < best[1]):
            best = (op, found.start())
    return best


def _target_act(article: Unit | None, act: ParsedAct) -> dict[str, str | None] | None:
    if article is not None:
        intro = article.own_text
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


POINT_TARGET = re.compile(r"(?:пункт\w*\s+(\d+(?:\.\d+)*)|(\d+(?:\.\d+)*)\s*-\s*пункт\w*)", re.I)


def _instructions(unit: Unit) -> list[tuple[str, str, str | None]]:
    """(operation, instruction line, new text) for each instruction written in this unit's own text."""
    lines = unit.own_text.split("\n")
    found: list[tuple[str, int, str]] = []
    depth = 0
    for index, line in enumerate(lines):
        if depth == 0:
            head = line.split("«", 1)[0]
            operation = _operation(head)
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
        new_text = quoted.group(1).strip() if quoted and name in {"replace", "insert"} else None
        out.append((name, head, new_text))
    return out


def find_amendments(act: ParsedAct) -> list[Amendment]:
    title = act.header.title or ""
    if not act.header.amends and not re.search(r"өзгөртүү|изменени|толуктоо|дополнени", title, re.I):
        return []
    out: list[Amendment] = []
    for article in act.articles:
        target_act = _target_act(article, act)
        for unit in article.walk():
            for operation, instruction, new_text in _instructions(unit):
                target_unit, target_text = _target_unit(instruction)
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
