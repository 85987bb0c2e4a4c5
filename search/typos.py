"""Typo tolerance for long words, the same for both backends: a query word none of whose lemma keys
is in the index vocabulary is widened to the indexed keys within a small edit distance."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rapidfuzz.distance import Levenshtein

MIN_LENGTH = 6


def max_distance(word: str) -> int:
    return 1 if len(word) < 9 else 2


def expand(
    keys: Iterable[str],
    vocabulary_for: Callable[[str], set[str]],
    known: Callable[[set[str]], set[str]] | None = None,
) -> set[str]:
    """``keys`` plus close vocabulary entries when none of ``keys`` is indexed. ``known`` answers the
    common case (a correctly spelled word) without reading the vocabulary."""
    keys = set(keys)
    long_keys = [k for k in keys if len(k) >= MIN_LENGTH]
    if not long_keys:
        return keys
    if known is not None and known(keys):
        return keys
    vocabulary: set[str] = set()
    for first in {k[0] for k in long_keys}:
        vocabulary |= vocabulary_for(first)
    if keys & vocabulary:
        return keys
    out = set(keys)
    for key in long_keys:
        limit = max_distance(key)
        out |= {
            v
            for v in vocabulary
            if abs(len(v) - len(key)) <= limit and Levenshtein.distance(v, key, score_cutoff=limit) <= limit
        }
    return out
