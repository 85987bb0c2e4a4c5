"""What the run-together splitters of both languages share: the gate that decides whether a text lost its
spaces at all, and the test that keeps a word the text writes whole.

A clean act holds words no dictionary knows (compounds, names, rare inflections) that a splitter could cut
into known pieces; a text that lost its spaces holds many more. On the corpus, a clean act has 0–0.3% of
its words cuttable, one that lost every eighth space 8–10% (bench/robustness.py), so cutting only above
2% leaves every clean text as it came.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RUN_SHARE = 0.02  # the share of a text's words that must be runs before any is cut
MIN_RUNS = 3  # and the fewest such words
MOSTLY_RUNS = 0.25  # a text with this share of runs lost most of its spaces (whole lines run together)
MOSTLY_MIN_WORDS = 50  # counted over this many words at least
SAMPLE = 1500  # unknown tokens cut first, to judge whether the rest are worth the work

Cuts = dict[str, tuple[str, ...]]  # a run-together token -> the words it is cut into


@lru_cache(maxsize=1)
def runs_data() -> dict[str, Any]:
    """data/runs.yaml: the word lists of both languages' run repairs, read once."""
    path = Path(__file__).parent / "data" / "runs.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def lost_its_spaces(words: list[str], cuts: Mapping[str, object]) -> bool:
    """Enough of ``words`` have a cut to show the text lost its spaces."""
    found = sum(1 for w in words if w in cuts)
    return found >= MIN_RUNS and found >= RUN_SHARE * len(words)


def _ngrams(words: list[str], wanted: set[tuple[str, ...]]) -> Counter[tuple[str, ...]]:
    """How often each of ``wanted`` (sequences of lower-case words) occurs in ``words``."""
    found: Counter[tuple[str, ...]] = Counter()
    for size in {len(w) for w in wanted}:
        for i in range(len(words) - size + 1):
            gram = tuple(words[i : i + size])
            if gram in wanted:
                found[gram] += 1
    return found


def drop_words_written_whole(cuts: Cuts, words: list[str]) -> Cuts:
    """``cuts`` without the tokens the text writes whole again and again and never as their pieces: those
    are words no lexicon knows («аильного» five times, «а ильного» never), not lost spaces («соответствиис»
    beside sixty «соответствии с»). ``words``: the text's words in order."""
    if len(words) >= MOSTLY_MIN_WORDS and sum(1 for w in words if w in cuts) >= MOSTLY_RUNS * len(words):
        return cuts  # a text that lost most of its spaces writes nothing apart: no evidence either way
    low = [w.lower() for w in words]
    counts = Counter(low)
    recurring = {tuple(p.lower() for p in pieces) for t, pieces in cuts.items() if counts[t.lower()] >= 2}
    apart = _ngrams(low, recurring)
    return {
        token: pieces
        for token, pieces in cuts.items()
        if counts[token.lower()] < 2 or apart[tuple(p.lower() for p in pieces)] > 0
    }


def cut_candidates(
    words: list[str], candidates: list[str], cut: Callable[[str], tuple[str, ...] | None]
) -> Cuts:
    """``cut`` applied to each candidate token (unique, in the order they first appear). Of many, the first
    ``SAMPLE`` are cut first: when the runs they show, taken as the share of all, could not pass the gate,
    the rest are left (a long text of unknown words that are no runs costs no more than the sample)."""
    cuts: Cuts = {}
    for i, token in enumerate(candidates):
        if i == SAMPLE:
            occurrences = Counter(words)
            sampled = sum(occurrences[t] for t in candidates[:SAMPLE])
            found = sum(occurrences[t] for t in cuts)
            unknown = sum(occurrences[t] for t in candidates)
            if found / max(sampled, 1) * unknown < max(MIN_RUNS, RUN_SHARE * len(words)):
                return {}
        pieces = cut(token)
        if pieces:
            cuts[token] = pieces
    return cuts
