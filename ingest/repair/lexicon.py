"""Known Kyrgyz words: the shipped list (built from the seeds) plus the words of the document itself.

Repairs ask "is this a real word?" before changing text, so a rule can never invent a word.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
WORD = re.compile(r"[а-яёөүңА-ЯЁӨҮҢ]+(?:-[а-яёөүңА-ЯЁӨҮҢ]+)*")

LINE_BREAK_FRAGMENTS = re.compile(r"(?<!\w)\w+[-‐‑][ \t]*\n[ \t]*\w*")
FRONT = set("еиөүэ")
BACK = set("аоуы")


@lru_cache(maxsize=1)
def shipped_words() -> dict[str, int]:
    """The seeds' words (ky_lexicon.tsv, rebuilt by scripts/build_lexicon.py) and those added by hand."""
    words: dict[str, int] = {}
    for name in ("ky_lexicon.tsv", "ky_lexicon_added.tsv"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            word, _, count = line.partition("\t")
            words[word] = words.get(word, 0) + int(count or 1)
    return words


@dataclass
class Lexicon:
    """Word counts: the shipped list plus the words of the text being repaired (kept apart, not copied)."""

    own: Counter[str] = field(default_factory=Counter)
    shipped_counts: dict[str, int] = field(default_factory=shipped_words)

    @classmethod
    def for_text(cls, text: str, extra: Iterable[str] = ()) -> Lexicon:
        whole = LINE_BREAK_FRAGMENTS.sub(" ", text)  # halves of words broken at line ends are not words
        own: Counter[str] = Counter(WORD.findall(whole.lower()))
        own.update(w.lower() for w in extra)
        return cls(own)

    @classmethod
    def shipped(cls) -> Lexicon:
        return cls()

    def __contains__(self, word: str) -> bool:
        return self.count(word) > 0

    def count(self, word: str) -> int:
        low = word.lower()
        return self.shipped_counts.get(low, 0) + self.own.get(low, 0)

    def shares_stem(self, word: str, min_prefix: int = 5, spare: int = 3) -> bool:
        """True if a known word begins with the word's first ``max(min_prefix, len - spare)`` letters: the
        same stem with other suffixes («төлөм» of «төлөмдөр», «бөлмөлөрдөн» of «бөлмөлөрдү»)."""
        low = word.lower()
        n = max(min_prefix, len(low) - spare)
        if len(low) < n:
            return False
        prefix = low[:n]
        return any(_begins_a_word(words, prefix) for words in (_sorted_shipped(), self._sorted_own))

    @cached_property
    def _sorted_own(self) -> list[str]:
        return sorted(self.own)

    def knows_stem(self, word: str, min_stem: int = 5) -> bool:
        """True if the word, or a known word sharing its first ``min_stem``+ letters, is known."""
        low = word.lower()
        if low in self:
            return True
        return any(low[:n] in self for n in range(len(low) - 1, min_stem - 1, -1))


@lru_cache(maxsize=1)
def _sorted_shipped() -> list[str]:
    return sorted(shipped_words())


def _begins_a_word(words: list[str], prefix: str) -> bool:
    """True if a word of the sorted ``words`` begins with ``prefix``."""
    at = bisect.bisect_left(words, prefix)
    return at < len(words) and words[at].startswith(prefix)


def harmonic(word: str) -> bool:
    """Kyrgyz vowel harmony: the rounded front vowels ө/ү do not sit with back vowels in native words."""
    low = word.lower()
    has_front_round = bool(set(low) & {"ө", "ү"})
    has_back = bool(set(low) & BACK)
    return not (has_front_round and has_back)


def fully_harmonic(word: str) -> bool:
    """Stricter test: no front vowel (е и ө ү э) together with a back one (а о у ы) in the word."""
    letters = set(word.lower())
    return not (letters & FRONT and letters & BACK)
