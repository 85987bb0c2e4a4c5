"""One lemma function per language, shared by the spaCy components, the term lists and search.

Kyrgyz: our rule-based lemmatizer (nlp.ky_lemmatizer). Russian: pymorphy3 (the library behind
spaCy's pymorphy3 lemmatizer mode), first analysis, cached per word form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from nlp.ky_lemmatizer import lemmatize as ky_lemmatize
from nlp.ky_lemmatizer import match_root as ky_match_root

NUMBERED = re.compile(r"^\d+(?:[.,]\d+)?-(.+)$")


@lru_cache(maxsize=1)
def ru_morph() -> Any:
    """The one pymorphy3 analyser of the process (its dictionaries take a while to load)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _pairs(name: str) -> list[tuple[str, str]]:
    """The two columns of a data file of nlp/data (word<TAB>lemma), its # comment lines left out."""
    lines = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8").splitlines()
    return [(a, b) for a, b in (line.split("\t") for line in lines if line and line[0] != "#")]


@lru_cache(maxsize=1)
def _ru_stems() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(_pairs("ru_stems.tsv"), key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def _ru_exceptions() -> dict[str, str]:
    return {form.replace("ё", "е"): lemma for form, lemma in _pairs("ru_lemma_exceptions.tsv")}


@lru_cache(maxsize=300_000)
def ru_lemmatize(word: str) -> str:
    low = word.lower().replace("ё", "е")
    if not re.search("[а-я]", low):
        return low
    if exception := _ru_exceptions().get(low):
        return exception
    if "-" in low and not low.startswith("-"):
        return "-".join(ru_lemmatize(part) if part else part for part in low.split("-"))
    for stem, lemma in _ru_stems():
        if low.startswith(stem) and len(low) - len(stem) <= 4:
            return lemma
    parses = ru_morph().parse(low)
    if not parses:
        return low
    best = parses[0]
    if best.tag.POS == "NOUN" and best.normal_form.endswith(("ое", "ее")):
        # an adjective used as a neuter noun («малое», «среднее», «животное») is read as the noun in some
        # cases and as the adjective in others («малое и среднее предпринимательство» → малый, средний, but
        # «малого и среднего …» → малое, среднее): the adjective's lemma, for all of them alike
        best = next((p for p in parses if p.tag.POS in {"ADJF", "PRTF"}), best)
    return str(best.normal_form)


def lemmatizer_for(lang: str) -> Callable[[str], str]:
    return ky_lemmatize if lang == "ky" else ru_lemmatize


def lemma_key(lemma: str, lang: str | None = None) -> str:
    """The lemma used for matching: a numeral prefix dropped (9-берене -> берене), ё as е, and in
    Kyrgyz the verb root its derived forms share (каржылоо, каржыланат -> каржыла)."""
    match = NUMBERED.match(lemma)
    key = (match.group(1) if match else lemma).replace("ё", "е")
    return ky_match_root(key) if lang == "ky" else key


def lemmatize_phrase(phrase: str, lang: str) -> tuple[str, ...]:
    lemmatize = lemmatizer_for(lang)
    return tuple(lemma_key(lemmatize(word), lang) for word in re.findall(r"[\w-]+", phrase) if word != "-")
