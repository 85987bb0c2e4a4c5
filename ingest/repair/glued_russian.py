"""Russian words run together: a PDF text layer set with tight spacing, or text copied from some web pages,
loses the space between words («органовместногосамоуправления», «всоответствиис», «2019года»): a text
layer's spaces are guessed from the gaps between glyphs, and a tight gap gives none.

A token the Russian dictionary (pymorphy3's) does not know is cut where every piece is a word it does know
(three letters or more) or one of the short prepositions and conjunctions (в, на, и, а…). Of the possible
cuts the cheapest wins: each piece costs one, a little less when the text itself uses it as a word of its
own, so «правона» is «право на» (both common in the text) and not «прав она». A token no cut covers is
left as it is: names and Kyrgyz words in a Russian text («айылокмоту») are never broken into nonsense.

A clean act holds compounds the dictionary lacks (десятидневный, пастбищепользователей), so nothing is cut
unless enough of the text's words are run together to show it lost its spaces (ingest/repair/runs.py).
The dictionary is the judge, not a list of ours: pymorphy3 knows 390,000 lemmas in all their forms.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter

from ingest.repair.lexicon import shipped_words
from ingest.repair.runs import cut_candidates, drop_words_written_whole, lost_spaces_anywhere, runs_data
from ingest.repair.russian import is_russian_word, morph_analyzer

# A Russian word glued to a neighbour makes a token of at least this many letters («илив»: или в).
MIN_TOKEN = 4
MAX_TOKEN = 400  # a whole line that lost every space («НастоящийКодексрегулируетводныеотношения…»)
MIN_PIECE = 3
MAX_PIECE = 30  # longer than almost every Russian word
LINE_RUN = 30  # a token this long is a line run together, where two short words may well meet («их из»)
_RUNS = runs_data()["ru"]
# Short words that run into a neighbour; longer ones are judged by the dictionary like any piece.
SHORT_WORDS = frozenset(_RUNS["short_words"])
# a word of Cyrillic letters, not part of a hyphenated one («историко-культурного» is no run)
TOKEN = re.compile(r"(?<![-\w])[А-Яа-яЁё]+(?![-\w])")
# prepositions and particles pymorphy3 also knows as prefixes (за-, не-, без-…): «заисключением» is
# «за исключением», but «задекларированной» one word (a prefixed participle)
PREPOSITIONS = SHORT_WORDS | frozenset(_RUNS["prepositions"])
# a preposition before these is a prefix; «не» before these is written together with its word
PREFIXED_POS = frozenset({"ADJF", "ADJS", "PRTF", "PRTS", "COMP"})
NE_TOGETHER_POS = frozenset({"NOUN", "ADJF", "ADJS", "PRTF", "PRTS"})  # не позднее, не менее: apart
# places where a space was surely lost, once the text is known to lose them: a small letter before a capital
# («бюджетаКыргызской»), an acronym before or after a word («КРот», «ЗаконовКР»), a number before or
# after a word («2019года», «июня2005»)
BOUNDARY = re.compile(
    r"(?<=[а-яё]{3})(?=[А-ЯЁ][а-яё]{2})"
    r"|(?<=\b[А-ЯЁ]{2})(?=[а-яё]{2,}\b)"
    r"|(?<=[а-яё]{3})(?=[А-ЯЁ]{2,}\b)"
    r"|(?<=[а-яё]{3})(?=[А-ЯЁ]{2,}[а-яё])"
    r"|(?<=\d)(?=[а-яё]{3,})"
    r"|(?<=[а-яё]{2})(?=\d)"
)


def _split_boundaries(text: str) -> tuple[str, int]:
    """``text`` with a space at each place one was surely lost, and how many; twice, as one split makes the
    next («ЗаконовКРот» → «Законов КРот» → «Законов КР от»)."""
    text, first = BOUNDARY.subn(" ", text)
    text, second = BOUNDARY.subn(" ", text)
    return text, first + second


def _is_piece(piece: str) -> bool:
    if len(piece) < MIN_PIECE:
        return piece in SHORT_WORDS
    return is_russian_word(piece)


def segment_russian(token: str, counts: Counter[str] | None = None) -> tuple[str, ...] | None:
    """The cheapest cut of a run-together Russian token into dictionary words, or None. ``counts``: how
    often the text uses each word on its own."""
    counts = counts or Counter()
    low = token.lower()
    n = len(low)
    cost = [0.0] + [math.inf] * n  # cheapest cut of low[:i]
    back = [0] * (n + 1)
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_PIECE), end):
            if cost[start] == math.inf:
                continue
            piece = low[start:end]
            if piece == low or not _is_piece(piece):
                continue
            step = 1.0 - min(math.log10(counts[piece] + 1), 3.0) / 10  # a word the text uses costs less
            if cost[start] + step < cost[end]:
                cost[end], back[end] = cost[start] + step, start
    if cost[n] == math.inf:
        return None
    cuts: list[str] = []
    end = n
    while end > 0:
        cuts.append(token[back[end] : end])
        end = back[end]
    cuts.reverse()
    # «о к моту»: two short words in a row are letters of an unknown word (but in a line, «их из»)
    if n < LINE_RUN and any(len(a) < MIN_PIECE and len(b) < MIN_PIECE for a, b in itertools.pairwise(cuts)):
        return None
    return tuple(cuts)


def _known_compound(token: str, pieces: tuple[str, ...]) -> bool:
    """pymorphy3 reads the token as a dictionary word behind a prefix it knows (не|уведомление,
    внутри|фракционной, авто|хулиганство): one word, not two. A preposition is such a prefix only before
    an adjective or participle (за|декларированной, not за|исключением); «не» is written together with
    nouns and adjectives (не|установление), apart from verbs (не|могут)."""
    if len(pieces) != 2:
        return False
    prefix = pieces[0].lower()
    for parse in morph_analyzer().parse(token.lower()):
        stack = parse.methods_stack
        if not (
            len(stack) == 2
            and type(stack[0][0]).__name__ == "DictionaryAnalyzer"
            and type(stack[1][0]).__name__ == "KnownPrefixAnalyzer"
            and stack[1][1] == prefix
        ):
            continue
        pos = str(parse.tag.POS)
        if prefix == "не":
            return pos in NE_TOGETHER_POS
        return prefix not in PREPOSITIONS or pos in PREFIXED_POS
    return False


def _kyrgyz(token: str) -> bool:
    """A Kyrgyz word in a Russian block (a name, a quoted title): the Kyrgyz lexicon knows it or its stem."""
    from ingest.repair.glued import analysable

    low = token.lower()
    return any(c in "өүң" for c in low) or low in shipped_words() or analysable(low)


def glued_russian_cuts(text: str) -> dict[str, tuple[str, ...]]:
    """Every run-together token of a Russian text with its cut (see the module doc)."""
    found = _tokens(text)
    counts = Counter(w.lower() for w in found)
    candidates = [
        token
        for token in dict.fromkeys(found)
        if MIN_TOKEN <= len(token) <= MAX_TOKEN and not is_russian_word(token)
    ]

    def cut(token: str) -> tuple[str, ...] | None:
        pieces = segment_russian(token, counts)
        if pieces and not _known_compound(token, pieces) and not _kyrgyz(token):
            return pieces
        return None

    return drop_words_written_whole(cut_candidates(found, candidates, cut), found)


def words(text: str) -> list[str]:
    """The words the gate of :func:`run_together_cuts` counts: the text's, split where a space was surely
    lost, as :func:`split_glued_russian` splits them."""
    return _tokens(_split_boundaries(text)[0])


def _tokens(text: str) -> list[str]:
    return [m.group() for m in TOKEN.finditer(text)]


def run_together_cuts(russian_text: str) -> dict[str, tuple[str, ...]]:
    """The cuts to make in a text's Russian blocks, or none when too few of its words are runs to show it
    lost its spaces (ingest/repair/runs.py)."""
    # the places where a space was surely lost are split first, as split_glued_russian splits them
    split = _split_boundaries(russian_text)[0]
    found = _tokens(split)
    unknown = {w: (w,) for w in found if MIN_TOKEN <= len(w) <= MAX_TOKEN and not is_russian_word(w)}
    if not lost_spaces_anywhere(found, unknown):
        return {}  # too few unknown words for enough of them to be runs: no need to look for cuts
    cuts = glued_russian_cuts(split)
    if not lost_spaces_anywhere(found, cuts):
        return {}
    # A text that lost its spaces writes few words apart to weigh a cut by («государственным органом» or
    # «государственны морганом»?): the words the first cuts found weigh a second
    counts = Counter(w.lower() for w in found if w not in cuts)
    occurrences = Counter(found)
    for token, pieces in cuts.items():
        for piece in pieces:
            counts[piece.lower()] += occurrences[token]
    return {token: _recut(token, counts) or pieces for token, pieces in cuts.items()}


def _recut(token: str, counts: Counter[str]) -> tuple[str, ...] | None:
    pieces = segment_russian(token, counts)
    return pieces if pieces and not _known_compound(token, pieces) else None


def split_glued_russian(block: str, cuts: dict[str, tuple[str, ...]], stats: Counter[str]) -> str:
    """``block`` with its run-together tokens cut (``cuts`` from :func:`run_together_cuts`)."""
    if not cuts:
        return block
    block, n = _split_boundaries(block)
    stats["glued_words_split"] += n

    def fix(match: re.Match[str]) -> str:
        pieces = cuts.get(match.group())
        if not pieces:
            return match.group()
        stats["glued_words_split"] += len(pieces) - 1
        return " ".join(pieces)

    return TOKEN.sub(fix, block)
