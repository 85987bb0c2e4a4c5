"""Kyrgyz, Russian or mixed, per paragraph and per document, from letters and function words.

Kyrgyz has ң ө ү and its own function words; Russian has its own. No model, no download.
"""

from __future__ import annotations

import re
from collections import Counter

KY_WORDS = frozenset(
    [
        "жана",
        "менен",
        "үчүн",
        "боюнча",
        "жөнүндө",
        "бул",
        "ошол",
        "алар",
        "анын",
        "болуп",
        "болот",
        "тарабынан",
        "ушул",
        "же",
        "эмес",
        "керек",
        "тийиш",
        "мыйзам",
        "берене",
        "беренеси",
        "бөлүк",
        "кыргыз",
        "республикасынын",
        "жергиликтүү",
        "өз",
        "алдынча",
        "башкаруу",
        "органдары",
        "ар",
        "бир",
        "дагы",
        "ошондой",
        "эле",
        "катары",
        "болгон",
        "кабыл",
        "алынат",
        "чейин",
        "кийин",
        "аркылуу",
        "токтом",
    ]
)
RU_WORDS = frozenset(
    [
        "и",
        "в",
        "на",
        "с",
        "по",
        "о",
        "об",
        "для",
        "не",
        "что",
        "от",
        "к",
        "из",
        "или",
        "а",
        "также",
        "при",
        "это",
        "его",
        "их",
        "как",
        "его",
        "которые",
        "который",
        "статья",
        "закон",
        "республики",
        "кыргызской",
        "органы",
        "местного",
        "самоуправления",
        "в",
        "соответствии",
        "является",
        "быть",
        "может",
        "должны",
        "настоящего",
        "порядке",
    ]
)
WORD = re.compile(r"[а-яёөүң]+")


KY_LETTERS = re.compile(r"[өүң]")
RU_LETTERS = re.compile(r"[щёъэ]")
RU_ENDINGS = re.compile(r"(?<=[а-яё])(?:ого|ему|ыми|ость|ции|ния|ться)\b")
# Kyrgyz case and mood endings no Russian word has («окмотунун», «эсебинен», «бекитилсин»): text typed
# on a Russian keyboard, with no ө ү ң, is still seen as Kyrgyz (-ган, -дин are left out: «орган», «один»)
KY_ENDINGS = re.compile(
    r"(?<=[а-яё]{2})(?:нын|нун|дын|дун|тын|тун|ынан|инен|унан|ылсын|илсин|ларды|лерди|ларга|лерге|дарды|дерди)\b"
)


def score(text: str) -> tuple[float, float]:
    """Share of Kyrgyz and of Russian evidence among the words of ``text``."""
    low = text.lower()
    words = WORD.findall(low)
    if not words:
        return 0.0, 0.0
    ky = sum(map(KY_WORDS.__contains__, words)) + 1.5 * len(KY_LETTERS.findall(low))
    ky += len(KY_ENDINGS.findall(low))
    ru = sum(map(RU_WORDS.__contains__, words)) + 0.3 * len(RU_LETTERS.findall(low))
    ru += len(RU_ENDINGS.findall(low))
    return ky / len(words), ru / len(words)


def detect_paragraph(text: str) -> str | None:
    ky, ru = score(text)
    if ky == 0 and ru == 0:
        return None
    return "ky" if ky >= ru else "ru"


def blocks(text: str, max_lines: int = 12) -> list[str]:
    """Paragraphs (blank-line separated), long ones cut into runs of lines, so a Russian passage
    inside a Kyrgyz page is still seen as Russian."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = block.split("\n")
        out += ["\n".join(lines[i : i + max_lines]) for i in range(0, len(lines), max_lines)]
    return out


def detect(text: str) -> tuple[str, dict[str, int]]:
    """Language of a whole text ('ky', 'ru', 'mixed' or 'und') and word counts per paragraph language."""
    counts: Counter[str] = Counter()
    for paragraph in blocks(text):
        lang = detect_paragraph(paragraph)
        if lang:
            counts[lang] += len(WORD.findall(paragraph.lower()))
    total = sum(counts.values())
    if not total:
        return "und", dict(counts)
    top, top_n = counts.most_common(1)[0]
    if top_n / total < 0.75:
        return "mixed", dict(counts)
    return top, dict(counts)
