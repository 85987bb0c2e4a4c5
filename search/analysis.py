"""Text analysis shared by indexing, querying and highlighting, identical for both backends."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from nlp.lemmas import lemma_key, lemmatizer_for

ANALYSIS_VERSION = 2  # raise when the code that turns a word into its key changes
ROOT = Path(__file__).resolve().parent.parent
KEY_DATA = (  # the data that decides a word's key: an index built with other data is stale
    "nlp/data/ky_suffixes.yaml",
    "nlp/data/ky_lemma_exceptions.tsv",
    "nlp/data/ky_whole_stems.txt",
    "nlp/data/ru_stems.tsv",
    "ingest/repair/data/ky_lexicon.tsv",
    "ingest/repair/data/ky_lexicon_added.tsv",
)

TOKEN = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True)
class Token:
    surface: str
    key: str
    start: int
    end: int


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """What made the keys of an index: the analysis code's version, the data behind it and the Russian
    dictionaries. Stored with every index, so one built by an older analysis is rebuilt, not searched
    with keys it does not contain."""
    digest = hashlib.sha256(f"analysis-{ANALYSIS_VERSION}".encode())
    for name in KEY_DATA:
        digest.update((ROOT / name).read_bytes())
    for package in ("pymorphy3", "pymorphy3-dicts-ru"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=400_000)
def key_of(word: str, lang: str) -> str:
    return lemma_key(lemmatizer_for(lang)(word), lang).lower()


def analyze(text: str, lang: str) -> list[Token]:
    lang = lang if lang in {"ky", "ru"} else "ky"
    return [Token(m.group(), key_of(m.group(), lang), m.start(), m.end()) for m in TOKEN.finditer(text)]


def lemma_stream(text: str, lang: str) -> str:
    """The indexed form of a text: its lemma keys in order, space-separated (phrases stay positional)."""
    return " ".join(t.key for t in analyze(text, lang))


def query_keys(word: str) -> set[str]:
    """A query word's keys in both languages: «бюджет» finds «бюджеттин» and «бюджета» alike."""
    return {key_of(word, "ky"), key_of(word, "ru"), word.lower()}
