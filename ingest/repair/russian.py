"""Is this a Russian word? Answered by pymorphy3's dictionary, so repairs never touch Russian text."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def morph_analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def is_russian_word(word: str) -> bool:
    low = word.lower()
    if any(c in "өүң" for c in low):
        return False
    return bool(morph_analyzer().word_is_known(low))
