"""Text analysis shared by indexing, querying and highlighting, identical for both backends."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.lemmas import lemma_key, lemmatizer_for

TOKEN = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True)
class Token:
    surface: str
    key: str
    start: int
    end: int


@lru_cache(maxsize=400_000)
def key_of(word: str, lang: str) -> str:
    return lemma_key(lemmatizer_for(lang)(word)).lower()


def analyze(text: str, lang: str) -> list[Token]:
    lang = lang if lang in {"ky", "ru"} else "ky"
    return [Token(m.group(), key_of(m.group(), lang), m.start(), m.end()) for m in TOKEN.finditer(text)]


def lemma_stream(text: str, lang: str) -> str:
    """The indexed form of a text: its lemma keys in order, space-separated (phrases stay positional)."""
    return " ".join(t.key for t in analyze(text, lang))


def query_keys(word: str) -> set[str]:
    """A query word's keys in both languages: «бюджет» finds «бюджеттин» and «бюджета» alike."""
    return {key_of(word, "ky"), key_of(word, "ru"), word.lower()}
