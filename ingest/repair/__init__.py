"""Text repair: pure functions that turn extracted text into clean text, counting what they changed.

``repair_pages`` runs them in order; each is usable (and tested) alone.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ingest.langdetect import detect_paragraph
from ingest.repair.furniture import (
    collapse_double_spacing,
    drop_bullets,
    drop_footnote_markers,
    drop_lone_page_numbers,
    squeeze_blank_lines,
    strip_running_heads,
)
from ingest.repair.glued import run_together_cuts as kyrgyz_run_cuts
from ingest.repair.glued import split_glued_words
from ingest.repair.glued import words as kyrgyz_words
from ingest.repair.glued_russian import run_together_cuts, split_glued_russian
from ingest.repair.glued_russian import words as russian_words
from ingest.repair.hyphenation import join_hyphenated_lines
from ingest.repair.keyboard import lines_typed_without, repair_keyboard, typed_without_kyrgyz_letters
from ingest.repair.lexicon import Lexicon
from ingest.repair.lines import by_lines
from ingest.repair.mojibake import repair_mojibake
from ingest.repair.normalize import normalize
from ingest.repair.runs import cut_where_lost
from ingest.repair.russian import is_russian_word


@dataclass
class Repaired:
    text: str
    stats: Counter[str] = field(default_factory=Counter)
    font_mapping: str | None = None


RUSSIAN_SHARE = 0.5
RUSSIAN_WORD = re.compile(r"[А-Яа-яЁё]{3,}")


def mostly_russian(block: str) -> bool:
    """At least half the block's words (of three letters or more) are in the Russian dictionary."""
    words = RUSSIAN_WORD.findall(block)
    return bool(words) and sum(is_russian_word(w) for w in words) >= RUSSIAN_SHARE * len(words)


def repair_language_blocks(text: str, lexicon: Lexicon, stats: Counter[str]) -> str:
    """Repairs that depend on a block's language: in Kyrgyz, letters typed on a Russian keyboard and words
    run together; in Russian, words run together (judged on all the text's Russian blocks at once)."""
    blocks = re.split(r"(\n\s*\n)", text)
    detected = [detect_paragraph(block) for block in blocks]
    kyrgyz = [lang == "ky" for lang in detected]
    typed_without = typed_without_kyrgyz_letters(
        "\n".join(b for b, ky in zip(blocks, kyrgyz, strict=True) if ky)
    )
    if typed_without:
        stats["typed_without_kyrgyz_letters"] += 1
        # without its letters a short Kyrgyz paragraph can pass for Russian («Эн жаман формаларда балдар
        # эмгегин пайдаланууга тыюу салынат.»): one whose words the Russian dictionary mostly does not know
        # is Kyrgyz
        kyrgyz = [
            ky or (bool(block.strip()) and not mostly_russian(block))
            for block, ky in zip(blocks, kyrgyz, strict=True)
        ]
    # a Russian block: its words mostly in the dictionary, or, run together past the dictionary's knowing,
    # Russian by its letters
    russian = [
        not ky and (lang == "ru" or mostly_russian(block))
        for block, ky, lang in zip(blocks, kyrgyz, detected, strict=True)
    ]
    # Kyrgyz typed without its letters passes for unknown Russian words («которуу»), which the Russian
    # splitter would cut into dictionary pieces: such a text is left to the Kyrgyz repairs alone
    russian_text = "\n\n".join(b for b, ru in zip(blocks, russian, strict=True) if ru)
    cuts = {} if typed_without else run_together_cuts(russian_text)
    # typed without its letters throughout, or in a part pasted into a text that has them
    blocks = by_lines(
        blocks,
        kyrgyz,
        (lambda lines: [True] * len(lines)) if typed_without else lines_typed_without,
        lambda part, typed: repair_keyboard(part, lexicon, stats, typed),
    )
    runs = kyrgyz_run_cuts("\n\n".join(b for b, ky in zip(blocks, kyrgyz, strict=True) if ky), lexicon)
    # a text may lose its spaces in a part only: only the lines of that part are cut (ingest/repair/runs.py)
    blocks = cut_where_lost(
        blocks,
        kyrgyz,
        kyrgyz_words,
        runs,
        lambda part, lost: split_glued_words(part, lexicon, stats, runs if lost else None),
    )
    return "".join(
        cut_where_lost(
            blocks,
            russian,
            russian_words,
            cuts,
            lambda part, lost: split_glued_russian(part, cuts if lost else {}, stats),
        )
    )


def repair_text(text: str, fonts: list[str] | tuple[str, ...] = ()) -> Repaired:
    return repair_pages([text], fonts=fonts, paged=False)


def repair_pages(pages: list[str], fonts: list[str] | tuple[str, ...] = (), paged: bool = True) -> Repaired:
    stats: Counter[str] = Counter()
    if paged:
        pages = strip_running_heads(pages, stats)
    text = "\n".join(pages)
    text = normalize(text, stats)
    text = drop_lone_page_numbers(text, stats)
    text = collapse_double_spacing(text, stats)
    text = drop_bullets(text, stats)
    lexicon = Lexicon.for_text(text)
    text, mapping = repair_mojibake(text, fonts, lexicon, stats)
    if mapping:
        lexicon = Lexicon.for_text(text)
    text = join_hyphenated_lines(text, lexicon, stats)
    text = drop_footnote_markers(text, stats)
    text = repair_language_blocks(text, lexicon, stats)
    text = squeeze_blank_lines(text)
    return Repaired(text=text, stats=Counter({k: v for k, v in stats.items() if v}), font_mapping=mapping)


__all__ = ["Repaired", "repair_pages", "repair_text"]
