"""Words run together: web pages and some PDF text layers lose the spaces of a line
(«Кайра бөлүштүрүүФондусунунчарбалыкжерлеринижарагаберүүбоюнча…»). A Kyrgyz word is rarely longer
than twenty letters, and a capital never follows a small letter inside one; such a token is cut where
every piece is a word the lexicon knows (the shipped words and those of the document), or an inflected
form of a stem it knows well, the fewest and commonest pieces winning. A token no such cut covers is
left as it is: nothing is invented. A shorter token is cut only in two, where exactly one cut gives two
whole words of six letters or more the shipped lexicon knows and the token is no form of a known stem
(«жергиликтүүбюджеттин»; never «суммасынан» into «сумма сынан»: a suffix is no word).

A text that lost many of its spaces (ingest/repair/runs.py: 2% or more of its words are runs) gets a
looser cut besides: any token the lexicon does not know and that is no form of an attested stem, into
known words of two letters or more none of which is spelt as a suffix («жергиликтүүөз», «мененайыл»).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from ingest.repair.lexicon import Lexicon
from ingest.repair.runs import cut_candidates, drop_words_written_whole, lost_spaces_anywhere, runs_data
from ingest.repair.russian import is_russian_word

GLUED_MIN_LETTERS = 22  # longer than almost every real Kyrgyz word written without a hyphen
# a small letter then a capital, three letters at least either side («бөлүштүрүүФондусунун»; not the
# typo «биЛдирип» nor the name «СоБезопасность»)
CASE_JOIN = re.compile(r"(?<=[а-яөүң]{3})(?=[А-ЯӨҮҢ][а-яөүң]{2})")
TOKEN = re.compile(r"[А-ЯЁӨҮҢа-яёөүң]+")
MIN_PIECE = 2
MAX_PIECE = 24
STEM_SUPPORT = 3.0  # paradigm support a stem needs for an unseen inflected form of it to count
# A text that lost its spaces (ingest/repair/runs.py) gets a looser cut:
LOOSE_MIN_LETTERS = 5  # «өзалдын» and longer: the shortest runs
RUN_STEM_SUPPORT = 1.0  # a run's halves make a stem no known word supports («каралууга» is a word)
LINE_RUN_LETTERS = 30  # a token this long is lines run together, a stretch of it no word covers a piece too
UNKNOWN_PIECE = 4.0  # the cost of such a piece (a known word costs 1 or less), and of each of its letters:
# the letters cost most, so that known words cover what they can (lines of three acts: 0.71-0.86 -> 0.77-0.88)
UNKNOWN_LETTER = 0.5
# a word before a number («жылдын3-августундагы», «КР2011-жылдын»)
NUMBER_JOIN = re.compile(r"(?<=[а-яөүң]{3})(?=\d)|(?<=\b[А-ЯӨҮҢ]{2})(?=\d)")


@lru_cache(maxsize=50_000)
def analysable(piece: str, support: float = STEM_SUPPORT) -> bool:
    """An unseen form of a well-attested stem (фондусунун of фонд, жерлерин of жер)."""
    from nlp.ky_lemmatizer import lemmatize_lower, paradigm_support

    if len(piece) < 4:
        return False
    lemma = lemmatize_lower(piece)
    return lemma != piece and paradigm_support().get(lemma, 0.0) >= support


@lru_cache(maxsize=1)
def _supported_stems() -> frozenset[str]:
    """The stems :func:`analysable` accepts by default."""
    from nlp.ky_lemmatizer import paradigm_support

    return frozenset(stem for stem, support in paradigm_support().items() if support >= STEM_SUPPORT)


@lru_cache(maxsize=1)
def _exceptions() -> frozenset[str]:
    from nlp.ky_lemmatizer import exceptions

    return frozenset(exceptions())


def _shortest_stems(low: str) -> list[float]:
    """For each position of ``low``, the letters of the shortest supported stem that starts there (as
    written, or with its last consonant softened: «бөлүг» for бөлүк), or infinity. A lemma is a stem at the
    start of its word, so a piece starting where no stem does is not :func:`analysable`, and the cut need
    not ask the lemmatizer (which, asked of every stretch of a whole line run together, costs seconds)."""
    from nlp.ky_lemmatizer import rules

    stems = _supported_stems()
    hard = rules()["alternations"]
    out: list[float] = []
    for start in range(len(low)):
        found = math.inf
        for size in range(2, min(MAX_PIECE, len(low) - start) + 1):
            piece = low[start : start + size]
            if piece in stems or (piece[-1] in hard and piece[:-1] + hard[piece[-1]] in stems):
                found = size
                break
        out.append(found)
    return out


def segment(
    token: str, lexicon: Lexicon, refuse: frozenset[str] = frozenset(), unknown: bool = False
) -> list[str] | None:
    """The best cut of a run-together token into words, or None when no cut covers it; no piece is one of
    ``refuse``. ``unknown``: a stretch no known word covers may be a piece too, at a cost that makes the
    cut keep such stretches few and short (a whole line run together holds a name or a rare word)."""
    low = token.lower()
    n = len(low)
    stem_at = _shortest_stems(low)
    cost = [0.0] + [math.inf] * n  # cheapest cut of low[:i]
    back = [0] * (n + 1)  # where its last piece starts
    for end in range(MIN_PIECE, n + 1):
        for start in range(max(0, end - MAX_PIECE), end - MIN_PIECE + 1):
            if cost[start] == math.inf:
                continue
            piece = low[start:end]
            if piece in refuse:
                continue
            count = lexicon.count(piece) if piece != low else 0
            if count:
                step = 1.0 - min(math.log10(count + 1), 3.0) / 10  # a common word costs a little less
            elif (stem_at[start] < end - start or piece in _exceptions()) and analysable(piece):
                step = 1.6
            elif unknown:
                step = UNKNOWN_PIECE + UNKNOWN_LETTER * len(piece)
            else:
                continue
            if cost[start] + step < cost[end]:
                cost[end], back[end] = cost[start] + step, start
    if cost[n] == math.inf:
        return None
    cuts = []
    end = n
    while end > 0:
        cuts.append(token[back[end] : end])
        end = back[end]
    return cuts[::-1]


PAIR_PIECE_MIN = 6
PAIR_LEFT_MIN_COUNT = 5
PAIR_RIGHT_MIN_COUNT = 2


PAIR_STEM_MIN = 4  # a half of a pair the lexicon lacks must be a form of a stem this long


def _form_of_a_noun_or_verb(piece: str) -> bool:
    """An unseen form of a well-attested stem of four letters or more («бюджетинин», «аткарылышы»): short
    stems are also suffixes («тур-», causative: «жоболош|турулат» is one word)."""
    from nlp.ky_lemmatizer import lemmatize_lower

    return analysable(piece) and len(lemmatize_lower(piece)) >= PAIR_STEM_MIN


def _hyphenated(match: re.Match[str]) -> bool:
    """The token is a part of a hyphenated word («жол-жоболоштурулат»), not a word of its own."""
    text, start, end = match.string, match.start(), match.end()
    before = start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()  # not «18-беренесинде»
    return before or (end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha())


def _pair(token: str, lexicon: Lexicon) -> list[str] | None:
    """Two words that lost the space between them («жергиликтүүбюджеттин»), cut only where both halves are
    whole words of six letters or more, at the one such place, and the token is no form of a known stem
    («суммасынан» is not «сумма сынан»). A half is a word the shipped lexicon knows (the first seen five
    times) or an unseen form of a well-attested stem («бюджетининаткарылышы»)."""
    low = token.lower()
    if analysable(low):
        return None
    cuts = [
        cut
        for cut in range(PAIR_PIECE_MIN, len(low) - PAIR_PIECE_MIN + 1)
        if (
            lexicon.shipped_counts.get(low[:cut], 0) >= PAIR_LEFT_MIN_COUNT
            or _form_of_a_noun_or_verb(low[:cut])
        )
        and (
            lexicon.shipped_counts.get(low[cut:], 0) >= PAIR_RIGHT_MIN_COUNT
            or _form_of_a_noun_or_verb(low[cut:])
        )
    ]
    return [token[: cuts[0]], token[cuts[0] :]] if len(cuts) == 1 else None


@lru_cache(maxsize=1)
def suffix_pieces() -> frozenset[str]:
    """Spellings of Kyrgyz suffixes, which no piece of a run may be, but for words spelt like one."""
    from nlp.ky_lemmatizer import suffixes

    spec = runs_data()["ky"]
    known = {s.text for s in suffixes()} | set(spec["more_suffixes"])
    return frozenset(known - set(spec["suffix_shaped_words"]))


def words(text: str) -> list[str]:
    """The words the gate of :func:`run_together_cuts` counts and cuts: the text's, split where a small
    letter meets a capital, as :func:`split_glued_words` splits them first."""
    return TOKEN.findall(CASE_JOIN.sub(" ", text))


def run_together_cuts(kyrgyz_text: str, lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """Cuts for the runs of a Kyrgyz text that lost its spaces (ingest/repair/runs.py), or none. Such a text
    gets the looser cut a clean one may not: any token the lexicon does not know, and is no form of a stem
    it knows well, is cut into known words of two letters or more that are not suffixes («жергиликтүүөз»,
    «мененайыл»), the text's own words weighing the cut."""
    found = words(kyrgyz_text)
    candidates = [
        token
        for token in dict.fromkeys(found)
        if len(token) >= LOOSE_MIN_LETTERS
        and not lexicon.shipped_counts.get(token.lower(), 0)
        and not is_russian_word(token)
    ]

    compounds = tuple(runs_data()["ky"]["compounds"])

    def cut(token: str, known: Lexicon = lexicon, unknown: bool = False) -> tuple[str, ...] | None:
        low = token.lower()
        if analysable(low, RUN_STEM_SUPPORT) or low.startswith(compounds):
            return None  # a form of any attested stem («каралууга» of каралуу) is a word, not «кар алууга»
        pieces = segment(token, known, suffix_pieces(), unknown)
        return tuple(pieces) if pieces and len(pieces) > 1 else None

    cuts = drop_words_written_whole(cut_candidates(found, candidates, cut), found)
    if not lost_spaces_anywhere(found, cuts):
        return {}
    # the text's own runs are no words to cut other runs into: a line that lost its spaces holds
    # «жергиликтүүөзалдынча» whole, and a longer run would keep it as one piece. A token as long as lines
    # run together is cut around the stretches no word covers (only now: any long token could be cut so,
    # and would pass for a run at the gate)
    runs = {token.lower() for token in cuts}
    own = Counter({word: n for word, n in lexicon.own.items() if word not in runs})
    words_only = Lexicon(own, lexicon.shipped_counts)
    long_ones = {token for token in candidates if len(token) >= LINE_RUN_LETTERS}
    recut = {
        token: cut(token, words_only, len(token) >= LINE_RUN_LETTERS) or cuts.get(token)
        for token in dict.fromkeys(found)
        if token in cuts or token in long_ones
    }
    return {token: pieces for token, pieces in recut.items() if pieces}


def split_glued_words(
    text: str, lexicon: Lexicon, stats: Counter[str], runs: dict[str, tuple[str, ...]] | None = None
) -> str:
    """Split run-together Kyrgyz words (see the module doc); Russian and hyphenated words are left. ``runs``:
    the looser cuts of a text that lost its spaces (:func:`run_together_cuts`)."""
    text, n = CASE_JOIN.subn(" ", text)
    stats["glued_words_split"] += n
    if runs:
        text, n = NUMBER_JOIN.subn(" ", text)
        stats["glued_words_split"] += n

    def fix(match: re.Match[str]) -> str:
        token = match.group()
        if runs and token in runs:
            stats["glued_words_split"] += len(runs[token]) - 1
            return " ".join(runs[token])
        known = lexicon.shipped_counts.get(token.lower(), 0)  # the document's own words hold this token
        if len(token) < 2 * PAIR_PIECE_MIN or known or is_russian_word(token) or _hyphenated(match):
            return token
        pieces = segment(token, lexicon) if len(token) >= GLUED_MIN_LETTERS else _pair(token, lexicon)
        if not pieces or len(pieces) < 2:
            return token
        stats["glued_words_split"] += len(pieces) - 1
        return " ".join(pieces)

    return TOKEN.sub(fix, text)
