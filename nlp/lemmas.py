"""One lemma function per language, shared by the spaCy components, the term lists and search.

Kyrgyz: our rule-based lemmatizer (nlp.ky_lemmatizer). Russian: pymorphy3 (the library behind
spaCy's pymorphy3 lemmatizer mode), first analysis, cached per word form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from nlp.ky_lemmatizer import lemmatize as ky_lemmatize

NUMBERED = re.compile(r"^\d+(?:[.,]\d+)?-(.+)$")


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=300_000)
def ru_lemmatize(word: str) -> str:
    low = word.lower().replace("ё", "е")
    if not re.search("[а-я]", low):
        return low
    if "-" in low and not low.startswith("-"):
        return "-".join(ru_lemmatize(part) if part else part for part in low.split("-"))
    parses = _morph().parse(low)
    return str(parses[0].normal_form) if parses else low


def lemmatizer_for(lang: str) -> Callable[[str], str]:
    return ky_lemmatize if lang == "ky" else ru_lemmatize


def lemma_key(lemma: str) -> str:
    """The lemma used for matching: a numeral prefix dropped (9-берене -> берене), ё as е."""
    match = NUMBERED.match(lemma)
    return (match.group(1) if match else lemma).replace("ё", "е")


def lemmatize_phrase(phrase: str, lang: str) -> tuple[str, ...]:
    lemmatize = lemmatizer_for(lang)
    return tuple(lemma_key(lemmatize(word)) for word in re.findall(r"[\w-]+", phrase) if word != "-")
