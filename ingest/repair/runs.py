"""What the run-together splitters of both languages share: the gate that decides whether a text lost its
spaces at all, and the test that keeps a word the text writes whole.

A clean act holds words no dictionary knows (compounds, names, rare inflections) that a splitter could cut
into known pieces; a text that lost its spaces holds many more. On the corpus, a clean act has 0–0.3% of
its words cuttable, one that lost every eighth space 8–10% (bench/robustness.py), so cutting only above
2% leaves every clean text as it came.

A text may also lose its spaces in one part only: a page whose text layer has no spaces, an annex pasted from
a web page. Its runs are too few for the whole text's share, so each window of about a page (300 words) is
judged as well: one with 5% of its words runs lost its spaces, and its lines are cut, while the rest of the
text stays as it came (on the corpus, a clean act peaks at 1.7% per window in Kyrgyz and 1.3% in Russian).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ingest.repair.lines import by_lines

RUN_SHARE = 0.02  # the share of a text's words that must be runs before any is cut
MIN_RUNS = 3  # and the fewest such words
MOSTLY_RUNS = 0.25  # a text with this share of runs lost most of its spaces (whole lines run together)
MOSTLY_MIN_WORDS = 50  # counted over this many words at least
SAMPLE = 1500  # unknown tokens cut first, to judge whether the rest are worth the work
WINDOW = 300  # words: about a page, judged on its own when the whole text does not pass the gate
WINDOW_SHARE = 0.05  # the share of a window's words that must be runs
WINDOW_SAMPLE = 40  # a window's unknown tokens cut first, to judge whether the rest of it is worth the work
WINDOW_SAMPLE_SHARE = 0.1  # the share of those that must be runs

Cuts = dict[str, tuple[str, ...]]  # a run-together token -> the words it is cut into


@lru_cache(maxsize=1)
def runs_data() -> dict[str, Any]:
    """data/runs.yaml: the word lists of both languages' run repairs, read once."""
    path = Path(__file__).parent / "data" / "runs.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def lost_its_spaces(words: list[str], cuts: Container[str]) -> bool:
    """Enough of ``words`` have a cut to show the text lost its spaces."""
    found = sum(1 for w in words if w in cuts)
    return found >= MIN_RUNS and found >= RUN_SHARE * len(words)


def dense_spans(words: list[str], cuts: Container[str]) -> list[tuple[int, int]]:
    """The windows of ``words`` (start, end) in which enough words have a cut to show that part of the text
    lost its spaces. Windows of ``WINDOW`` words, and the same shifted by half, so that a part that lost its
    spaces is seen whole wherever it begins."""
    if len(words) < WINDOW:
        return []
    runs = [w in cuts for w in words]
    starts = sorted({*range(0, len(words) - WINDOW + 1, WINDOW // 2), len(words) - WINDOW})
    return [(a, a + WINDOW) for a in starts if sum(runs[a : a + WINDOW]) >= WINDOW_SHARE * WINDOW]


def lost_spaces_anywhere(words: list[str], cuts: Container[str]) -> bool:
    """The whole text, or a part of it, lost its spaces."""
    return lost_its_spaces(words, cuts) or bool(dense_spans(words, cuts))


def lines_that_lost_spaces(lines: list[list[str]], cuts: Container[str]) -> list[bool]:
    """Of a text's lines (each as its words), those to cut: every line when the whole text lost its spaces,
    else the lines of the windows that did (:func:`dense_spans`), less the clean lines at their edges (a
    window that straddles the edge of the part that lost its spaces holds clean lines too)."""
    words = [w for line in lines for w in line]
    if lost_its_spaces(words, cuts):
        return [True] * len(lines)
    spans = dense_spans(words, cuts)
    flags = []
    end = 0
    for line in lines:
        start, end = end, end + len(line)
        flags.append(any(a < end and start < b for a, b in spans))
    runs = [sum(1 for w in line if w in cuts) for line in lines]
    sizes = [len(line) for line in lines]
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        _trim_clean_edges(list(order), flags, runs, sizes)
    return flags


EDGE = 50  # words: the stretch at the edge of a part that lost its spaces that must show it too


def _trim_clean_edges(order: list[int], flags: list[bool], runs: list[int], sizes: list[int]) -> None:
    """Unflag, walking the lines in ``order``, each flagged line that opens a stretch of ``EDGE`` words
    with too few runs (``WINDOW_SHARE``), until one does not."""
    for at, line in enumerate(order):
        if not flags[line] or (at and flags[order[at - 1]]):
            continue  # only the first line of each flagged stretch opens it
        for first in range(at, len(order)):
            if not flags[order[first]]:
                break
            found = total = 0
            for nxt in order[first:]:
                if not flags[nxt] or total >= EDGE:
                    break
                found, total = found + runs[nxt], total + sizes[nxt]
            if found >= WINDOW_SHARE * max(total, EDGE):
                break
            flags[order[first]] = False


def cut_where_lost(
    blocks: list[str],
    chosen: list[bool],
    words_of: Callable[[str], list[str]],
    cuts: Container[str],
    cut: Callable[[str, bool], str],
) -> list[str]:
    """``blocks`` with each chosen one passed through ``cut`` a run of lines at a time: ``cut(lines, True)``
    where they lost their spaces (:func:`lines_that_lost_spaces`), ``cut(lines, False)`` elsewhere; the rest
    as they are. ``words_of``: a line's words, as the gate counted them."""
    if not cuts:
        return [cut(block, False) if pick else block for block, pick in zip(blocks, chosen, strict=True)]
    return by_lines(
        blocks, chosen, lambda lines: lines_that_lost_spaces([words_of(line) for line in lines], cuts), cut
    )


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
    the rest are cut only in the windows that may have lost their spaces, judged from the first
    ``WINDOW_SAMPLE`` of each (a long text of unknown words that are no runs costs little more than the
    samples)."""
    cuts: Cuts = {}
    for token in candidates[:SAMPLE]:
        pieces = cut(token)
        if pieces:
            cuts[token] = pieces
    rest = candidates[SAMPLE:]
    if not rest:
        return cuts
    occurrences = Counter(words)
    sampled = sum(occurrences[t] for t in candidates[:SAMPLE])
    found = sum(occurrences[t] for t in cuts)
    unknown = sum(occurrences[t] for t in candidates)
    if found / max(sampled, 1) * unknown >= max(MIN_RUNS, RUN_SHARE * len(words)):
        chosen = rest
    else:
        chosen = _from_windows_that_may_have_lost_spaces(words, set(rest), cut, cuts)
    for token in chosen:
        if token not in cuts:
            pieces = cut(token)
            if pieces:
                cuts[token] = pieces
    return cuts


def _from_windows_that_may_have_lost_spaces(
    words: list[str], rest: set[str], cut: Callable[[str], tuple[str, ...] | None], cuts: Cuts
) -> list[str]:
    """Of ``rest``, the tokens of the windows whose first ``WINDOW_SAMPLE`` tokens (cut into ``cuts``
    here) hold enough runs to be worth cutting whole."""
    chosen: list[str] = []
    seen: set[str] = set()
    for start in range(0, len(words), WINDOW):
        window = [w for w in dict.fromkeys(words[start : start + WINDOW]) if w in rest and w not in seen]
        seen.update(window)
        sample = window[:WINDOW_SAMPLE]
        runs = 0
        for token in sample:
            pieces = cut(token)
            if pieces:
                cuts[token] = pieces
                runs += 1
        if sample and runs >= WINDOW_SAMPLE_SHARE * len(sample):
            chosen += window[WINDOW_SAMPLE:]
    return chosen
